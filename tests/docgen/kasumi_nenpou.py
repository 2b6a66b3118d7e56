"""kasumi-nenpou.pdf: 「かすみ県 居住支援法人 指定・活動状況 年報（令和7年度）」 of the かすみ県 県土整備部 住宅政策課
(令和8年6月) (fictional かすみ県), held-out set BLIND37.

A4 portrait annual report, no /Title.  Page 1: a title block with a thick wisteria bar at the left (prefecture, title,
year in a tab), the period and the issuer right-aligned, a framed 「この年報について」 box, section 1 with a WATERFALL
chart (図1: 令和6年度末 27 → 新規指定 ＋5 → 指定の廃止 △1 → 令和7年度末 31, floating bars joined by dashed connectors,
values above the bars, labels under the axis; flag `chart`) and a small ruled table kept in one piece (表1 種別 × five
年度末 columns, 「－」 for none, 合計 row, unit right of the caption).  Section 2: 表2 by 圏域 and a TILE MAP (図2):
the 18 municipalities drawn as squares placed roughly where they lie, tinted by 圏域, each with the name, a big number
(法人 active there, 県内全域 corporations included) and a small 「事務所n」 line (corporations with their main office
there), and a legend box at the right; pdfplumber reads a row of tiles as one line of names, one line of numbers and
one line of 事務所 counts.  Section 3: 表3, ONE ruled MATRIX table of the 31 corporations with a TWO-LEVEL header
(「指定」 merged over 番号 / 年月日, 「支援の内容」 merged over seven narrow columns whose header cells are written
VERTICALLY, one character under the other (物件紹介 … 外国語対応), 「令和7年度実績」 merged over 相談件数 / 入居件数;
法人名 / 所在地 / 活動区域 span both rows), ● marks in the service columns, dates abbreviated 「R7.6.1」 / 「H30.3.20」,
wrapped 活動区域 cells, designation numbers with gaps (第6号 and 第19号 withdrawn); the table CONTINUES on the next page
with both header rows repeated, ※ notes after it (the table's `header` in the truth is flattened, e.g.
「支援の内容 家賃債務保証」).  Sections 4–7: 表4 指定の異動 (wrapped cells), prose, a horizontal bar chart 図3 (「22法人」 right of each
bar), 表5 連絡会, a 事例 box, ①–④ items, 参考 表6 指定の手続 and a contact box.  Running header (report name, left, over a rule) from page 2; footer 「－ n －」 centred.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_kasumi_nenpou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    table_parts,
    unit_blocks,
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 48.0, W - 48.0, 66.0, H - 56.0
CW = X1 - X0
FUJI = (0.36, 0.30, 0.56)
FUJI_D = (0.22, 0.17, 0.38)
FUJI_L = (0.94, 0.92, 0.97)
GREEN = (0.18, 0.55, 0.34)
RED = (0.80, 0.20, 0.18)
GRAY = (0.42, 0.42, 0.42)
RULE = (0.3, 0.3, 0.3)
WHITE = (1, 1, 1)
KEN_FILL = {"中央": (0.90, 0.87, 0.96), "北部": (0.85, 0.93, 0.97), "東部": (0.88, 0.95, 0.86),
            "南部": (0.99, 0.92, 0.84)}
KEN_EDGE = {"中央": (0.45, 0.38, 0.65), "北部": (0.25, 0.52, 0.68), "東部": (0.30, 0.58, 0.32),
            "南部": (0.82, 0.52, 0.20)}

P_ = Style(font=M, size=9.8, leading=16.8, indent=9.8, sa=2)
H2 = Style(size=12.0, leading=20, bold=True, color=FUJI_D, sb=12, sa=4, keep_next=True)
H3 = Style(size=10.2, leading=17, bold=True, sb=6, keep_next=True)
ITEM = Style(font=M, size=9.8, leading=16.4, hang=9.8, sb=1)
NOTE = Style(size=8.2, leading=12.6, hang=8.2, sb=2)
CAP = Style(size=9.4, leading=15, bold=True, align="center", sb=4, sa=6)
TABLE_KW = dict(size=8.8, leading=12.4, pad=3.6, header_fill=(0.89, 0.87, 0.95),
                caption_style=Style(size=9.6, leading=16, bold=True, sb=8, sa=1, keep_next=True),
                note_style=Style(size=8.2, leading=12.4, hang=8.2, sb=2))

# matrix table geometry
MCOLW = [34.0, 44.0, 0.0, 36.0, 62.0] + [15.0] * 7 + [30.0, 30.0]
MCOLW[2] = CW - sum(MCOLW)
MSIZE, MLEAD, MPAD = 7.6, 10.8, 3.2
MCELL = Style(size=MSIZE, leading=MLEAD)
MHEAD = Style(size=7.6, leading=10.2, bold=True)
VSTEP = 8.6


def _h2(T, text: str, width: float) -> list:
    def deco(P, x, y, w, h):
        P.rect(x, y + 3, 5, h - 9, stroke=None, fill=FUJI)
        P.line(x, y + h - 3, x + w, y + h - 3, 0.6, (0.75, 0.72, 0.84))

    return decorate(line_blocks(T, [text], width, H2.but(indent=11, hang=11), heading=True), deco, width)


def build() -> Doc:
    doc = Doc("kasumi-nenpou.pdf", A4, C.TITLE,
              "A4 annual report: waterfall chart, tile map, matrix table with vertical header cells over two pages",
              meta_title=None, author="かすみ県 県土整備部 住宅政策課")
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 42, info["header"], G, 8.0, GRAY)
            P.line(X0, 48, X1, 48, 0.6, FUJI)
        P.text(W / 2, H - 30, info["footer"], G, 9.2, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=f"－ {n} －", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow._new_page()
    pg = flow.page
    y = _title(doc, T, pg)
    b = box_block(T, C.INTRO_TITLE, C.INTRO, CW, Style(font=M, size=9.4, leading=15.6, indent=9.4),
                  Style(size=9.4, leading=15, bold=True), fill=FUJI_L, border=FUJI, pad=9)
    doc.place(pg, b, X0, y)
    flow.band_top = y + b.h + 2

    for sec in (C.SEC1, C.SEC2, C.SEC3, C.SEC4, C.SEC6):
        for it in sec:
            _item(flow, T, it)
    flow.add(box_block(T, C.CONTACT_TITLE, C.CONTACT, CW, Style(size=9.4, leading=15.4),
                       Style(size=9.6, leading=16, bold=True), fill=WHITE, border=FUJI, pad=9, sb=14))
    flow.finish()
    return doc


def _title(doc, T, pg) -> float:
    sid = T.sentence(C.TITLE_LINES[0] + " " + C.TITLE_LINES[1] + "（" + C.TITLE_LINES[2] + "）", heading=True)
    pre, main, year = C.TITLE_LINES
    yt = 40.0

    def draw(P, x, y):
        P.rect(X0, y, 9, 86, stroke=None, fill=FUJI)
        P.text(X0 + 20, y + 16, pre, G, 12, FUJI_D, True)
        P.text(X0 + 20, y + 48, main, G, 20.5, FUJI_D, True)
        tw = sw(year, G, 11) + 18
        P.rect(X0 + 20, y + 60, tw, 19, stroke=None, fill=FUJI, radius=3)
        P.text(X0 + 29, y + 74, year, G, 11, WHITE, True)
        P.line(X0, y + 94, X1, y + 94, 1.6, FUJI)

    doc.place(pg, Block(h=96, draw=draw, frags=[(sid, pre), (sid, main), (sid, year)]), X0, yt)
    y = yt + 100
    y += place_text(doc, pg, X0, y, CW, [C.PERIOD], Style(size=9.0, leading=14, align="right", color=GRAY))
    y += place_text(doc, pg, X0, y, CW, [C.ISSUE], Style(size=9.0, leading=14, align="right", color=GRAY))
    return y + 8


def _item(flow: Flow, T, it) -> None:
    kind = it[0]
    fw = flow.width
    if kind == "h2":
        flow.add_all(_h2(T, it[1], fw))
    elif kind == "h3":
        flow.add_all(line_blocks(T, [it[1]], fw, H3, heading=True))
    elif kind == "p":
        flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
    elif kind == "item":
        flow.add_all(line_blocks(T, split_sentences(it[1]), fw, ITEM, extra={"item": True}))
    elif kind == "table":
        spec = dict(it[1])
        whole = spec.pop("whole", False)
        ts = TableSpec(**{**TABLE_KW, **spec})
        if whole:
            caps, header, rows, notes = table_parts(flow.doc, ts, fw)
            blocks = caps + [header()] + rows
            for b in blocks[:-1]:
                b.keep_next = True
            flow.add_all(blocks + notes)
        else:
            flow.add_table(ts)
        flow.vspace(4)
    elif kind == "box":
        flow.add(box_block(T, it[1], it[2], fw, Style(font=M, size=9.4, leading=15.4, indent=9.4),
                           Style(size=9.4, leading=15, bold=True), fill=(0.99, 0.96, 0.91), border=(0.82, 0.52, 0.2),
                           pad=9, sb=10))
    elif kind == "waterfall":
        flow.add(_waterfall(T, C.WATERFALL, fw))
        flow.add_all(line_blocks(T, [C.WATERFALL["caption"]], fw, CAP, extra={"caption": True, "figure": True}))
    elif kind == "tiles":
        flow.add(_tiles(T, fw))
        flow.add_all(line_blocks(T, [C.TILE_CAPTION], fw, CAP, extra={"caption": True, "figure": True}))
    elif kind == "bars":
        flow.add(_bars(T, C.BARS, fw))
        flow.add_all(line_blocks(T, [C.BARS["caption"]], fw, CAP, extra={"caption": True, "figure": True}))
    elif kind == "matrix":
        _matrix(flow, T, fw)
    else:
        raise KeyError(kind)


def _waterfall(T, spec: dict, width: float) -> Block:
    cw_ = 330.0
    x_off = (width - cw_) / 2
    ph = 96.0
    top = 18.0
    vmax = 35.0
    frags = []
    usid = T.sentence(spec["unit"], chart=True)
    frags.append((usid, spec["unit"]))
    bars = []
    run = 0
    for label, v, txt, kind in spec["bars"]:
        ls = T.sentence(label, chart=True)
        vs = T.sentence(txt, chart=True, value=True)
        frags += [(vs, txt), (ls, label)]
        if kind == "total":
            lo, hi = 0, v
            run = v
        elif kind == "up":
            lo, hi = run, run + v
            run += v
        else:
            lo, hi = run + v, run
            run += v
        bars.append((label, txt, kind, lo, hi))
    h = top + ph + 26

    def draw(P, x, y):
        ax0 = x + x_off + 34
        ax1 = x + x_off + cw_
        base = y + top + ph
        for t in range(0, 36, 5):
            gy = base - ph * t / vmax
            P.line(ax0, gy, ax1, gy, 0.3, (0.85, 0.85, 0.85))
            P.text(ax0 - 4, gy + 2.6, str(t), G, 7.0, GRAY, align="right")
        P.text(ax0 - 4, y + 8, spec["unit"], G, 7.2, GRAY, align="right")
        P.line(ax0, base, ax1, base, 0.9, GRAY)
        slot = (ax1 - ax0) / len(bars)
        bw = slot * 0.56
        prev_top = None
        for k, (label, txt, kind, lo, hi) in enumerate(bars):
            cx = ax0 + slot * (k + 0.5)
            y_hi = base - ph * hi / vmax
            y_lo = base - ph * lo / vmax
            fill = {"total": FUJI, "up": GREEN, "down": RED}[kind]
            if k == 0:
                fill = (0.62, 0.58, 0.74)
            P.rect(cx - bw / 2, y_hi, bw, y_lo - y_hi, stroke=None, fill=fill)
            col = RED if kind == "down" else (GREEN if kind == "up" else BLACK)
            P.text(cx, y_hi - 4, txt, G, 9.6, col, True, "center")
            P.text(cx, base + 13, label, G, 8.4, BLACK, False, "center")
            level = hi if kind != "down" else lo
            if prev_top is not None:
                P.line(prev_top[0], prev_top[1], cx - bw / 2, prev_top[1], 0.6, GRAY, dash=([2, 2], 0))
            prev_top = (cx + bw / 2, base - ph * level / vmax)

    return Block(h=h, draw=draw, frags=frags, keep_next=True, sb=10)


def _bars(T, spec: dict, width: float) -> Block:
    lab_w = 150.0
    val_w = 60.0
    bar_w = width - lab_w - val_w - 40
    row_h = 18.0
    bh = 11.0
    vmax = 31.0
    frags = []
    rows = []
    for label, v in spec["rows"]:
        ls = T.sentence(label, chart=True)
        vt = f"{v}法人"
        vs = T.sentence(vt, chart=True, value=True)
        frags += [(ls, label), (vs, vt)]
        rows.append((label, v, vt))
    h = len(rows) * row_h + 8

    def draw(P, x, y):
        ax = x + 20 + lab_w
        P.line(ax, y, ax, y + len(rows) * row_h + 2, 0.8, GRAY)
        for r, (label, v, vt) in enumerate(rows):
            by = y + r * row_h + (row_h - bh) / 2
            P.text(ax - 6, by + bh - 2.2, label, G, 8.6, BLACK, False, "right")
            wv = bar_w * v / vmax
            P.rect(ax, by, wv, bh, stroke=None, fill=FUJI if v >= 10 else (0.70, 0.66, 0.82))
            P.text(ax + wv + 5, by + bh - 2.2, vt, G, 8.4, BLACK)

    return Block(h=h, draw=draw, frags=frags, keep_next=True, sb=10)


def _tiles(T, width: float) -> Block:
    ts = 64.0
    gap = 5.0
    ncol, nrow = 5, 5
    grid_w = ncol * ts + (ncol - 1) * gap
    ken_of = {m: k for k, ms in C.KEN.items() for m in ms}
    allm = [m for ms in C.KEN.values() for m in ms]

    def area(a: str) -> set:
        if a == "県内全域":
            return set(allm)
        if a.endswith("圏域"):
            return set(C.KEN[a[:-2]])
        return set(a.split("・"))

    active = {m: 0 for m in allm}
    office = {m: 0 for m in allm}
    for h in C.HOUJIN:
        for m in area(h[4]):
            active[m] += 1
        office[h[3]] += 1
    # sentences in reading order: row by row, left to right
    frags = []
    order = sorted(C.TILES.items(), key=lambda kv: (kv[1][1], kv[1][0]))
    tiles = []
    for m, (c, r) in order:
        ns = T.sentence(m, chart=True)
        vt = str(active[m])
        vs = T.sentence(vt, chart=True, value=True)
        ot = f"事務所{office[m]}"
        os_ = T.sentence(ot, chart=True)
        frags += [(ns, m), (vs, vt), (os_, ot)]
        tiles.append((m, c, r, vt, ot))
    leg_x = grid_w + 18
    leg_w = width - leg_x
    lst = Style(size=7.8, leading=12.2, hang=7.8)
    leg_sids = []
    for k in C.KEN:
        s = T.sentence(k + "圏域", chart=True, legend=True)
        leg_sids.append((s, k + "圏域", k))
        frags.append((s, k + "圏域"))
    leg_lines = []
    for t in C.TILE_LEGEND:
        sid = T.sentence(t, chart=True, legend=True)
        lines = wrap([(ch, sid) for ch in t], leg_w - 16, lst)
        for ln in lines:
            frags.extend(frags_of(ln))
        leg_lines.append(["".join(u[0] for u in ln) for ln in lines])
    h = nrow * ts + (nrow - 1) * gap + 4

    def draw(P, x, y):
        for m, c, r, vt, ot in tiles:
            k = ken_of[m]
            tx = x + c * (ts + gap)
            ty = y + r * (ts + gap)
            P.rect(tx, ty, ts, ts, stroke=KEN_EDGE[k], fill=KEN_FILL[k], width=0.9, radius=3)
            P.text(tx + ts / 2, ty + 14, m, G, 8.4, BLACK, True, "center")
            P.text(tx + ts / 2, ty + 40, vt, G, 19, KEN_EDGE[k], True, "center")
            P.text(tx + ts / 2, ty + 56, ot, G, 6.8, GRAY, False, "center")
        lx = x + leg_x
        ly = y + 6
        box_h = 18 + len(leg_sids) * 15 + 8 + sum(len(ls) for ls in leg_lines) * lst.leading + 10
        P.rect(lx, ly, leg_w, box_h, stroke=(0.7, 0.7, 0.7), fill=WHITE, width=0.6)
        P.text(lx + 8, ly + 13, "凡例", G, 8.2, BLACK, True)
        yy = ly + 20
        for _s, name, k in leg_sids:
            P.rect(lx + 8, yy + 1, 12, 9, stroke=KEN_EDGE[k], fill=KEN_FILL[k], width=0.8)
            P.text(lx + 25, yy + 9, name, G, 7.8, BLACK)
            yy += 15
        yy += 6
        for lines in leg_lines:
            for i, t in enumerate(lines):
                P.text(lx + 8 + (lst.hang if i else 0), baseline_of(yy, lst), t, G, lst.size, BLACK)
                yy += lst.leading

    return Block(h=h, draw=draw, frags=frags, keep_next=True, sb=10)


def _matrix(flow: Flow, T, width: float) -> None:
    colw = MCOLW
    header = (["指定番号", "指定年月日", "法人名", "所在地", "活動区域"] + ["支援の内容 " + s for s in C.SERVICES]
              + ["令和7年度実績 相談件数", "令和7年度実績 入居件数"])
    rows = []
    for no, date, name, hq, area, sv, n1, n2 in C.HOUJIN:
        marks = ["●" if str(i) in sv else "" for i in range(len(C.SERVICES))]
        rows.append([no, date, name, hq, area] + marks + [f"{n1:,}", f"{n2:,}"])
    cap_st = Style(size=9.6, leading=16, bold=True, sb=8, sa=1, keep_next=True)
    capsid = T.sentence(C.MATRIX_CAPTION, caption=True)
    tid = T.table(C.MATRIX_CAPTION, None, header, rows)
    for b in unit_blocks([(ch, capsid) for ch in C.MATRIX_CAPTION], width, cap_st):
        b.table = tid
        flow.add(b)

    h1 = MHEAD.leading + 2 * 3.0
    h2 = max(len(s) for s in C.SERVICES) * VSTEP + 8
    groups = [("指定", [0, 1]), (None, [2]), (None, [3]), (None, [4]), ("支援の内容", list(range(5, 12))),
              ("令和7年度実績", [12, 13])]
    leaf_names = {0: "番号", 1: "年月日", 12: "相談件数", 13: "入居件数"}

    def header_block() -> Block:
        hh = h1 + h2

        def draw(P, x, y):
            P.rect(x, y, width, hh, stroke=None, fill=(0.89, 0.87, 0.95))
            P.line(x, y, x + width, y, 0.9, RULE)
            P.line(x, y + hh, x + width, y + hh, 0.9, RULE)
            xs = [x]
            for w_ in colw:
                xs.append(xs[-1] + w_)
            for label, cols in groups:
                gx0, gx1 = xs[cols[0]], xs[cols[-1] + 1]
                P.line(gx0, y, gx0, y + hh, 0.6, RULE)
                if label is None:
                    name = header[cols[0]]
                    lines = ["".join(u[0] for u in ln)
                             for ln in wrap([(ch, -1) for ch in name], gx1 - gx0 - 6, MHEAD, hang_punct=False)]
                    y0 = y + (hh - len(lines) * MHEAD.leading) / 2
                    for k, t in enumerate(lines):
                        P.text((gx0 + gx1) / 2, baseline_of(y0 + k * MHEAD.leading, MHEAD), t, G, MHEAD.size, BLACK,
                               True, "center")
                    continue
                P.text((gx0 + gx1) / 2, baseline_of(y + 3.0, MHEAD), label, G, MHEAD.size, BLACK, True, "center")
                P.line(gx0, y + h1, gx1, y + h1, 0.6, RULE)
                for j in cols:
                    cx = (xs[j] + xs[j + 1]) / 2
                    if j != cols[0]:
                        P.line(xs[j], y + h1, xs[j], y + hh, 0.6, RULE)
                    if j in leaf_names:
                        name = leaf_names[j]
                        lines = ["".join(u[0] for u in ln)
                                 for ln in wrap([(ch, -1) for ch in name], colw[j] - 4, MHEAD, hang_punct=False)]
                        y0 = y + h1 + (h2 - len(lines) * MHEAD.leading) / 2
                        for k, t in enumerate(lines):
                            P.text(cx, baseline_of(y0 + k * MHEAD.leading, MHEAD), t, G, MHEAD.size, BLACK, True,
                                   "center")
                    else:  # vertical writing, one character under the other
                        word = C.SERVICES[j - 5]
                        y0 = y + h1 + (h2 - len(word) * VSTEP) / 2
                        for k, ch in enumerate(word):
                            P.text(cx, y0 + (k + 1) * VSTEP - 1.2, ch, G, 7.4, BLACK, True, "center")
            P.line(xs[-1], y, xs[-1], y + hh, 0.6, RULE)

        return Block(h=hh, draw=draw, keep_next=True, table=tid)

    aligns = ["c", "c", "l", "c", "l"] + ["c"] * 7 + ["r", "r"]

    def row_block(i: int, cells: list[str]) -> Block:
        wrapped = []
        for j, text in enumerate(cells):
            lines = wrap([(ch, -1) for ch in text], colw[j] - 2 * MPAD + (2 if j >= 5 else 0), MCELL,
                         hang_punct=False) if text else []
            wrapped.append(["".join(u[0] for u in ln) for ln in lines])
        nl = max(1, max(len(w_) for w_ in wrapped))
        h = nl * MLEAD + 2 * MPAD
        shade = i % 2 == 1

        def draw(P, x, y):
            if shade:
                P.rect(x, y, width, h, stroke=None, fill=(0.975, 0.97, 0.985))
            P.line(x, y + h, x + width, y + h, 0.5, RULE)
            xx = x
            for j, lines in enumerate(wrapped):
                P.line(xx, y, xx, y + h, 0.5, RULE)
                a = aligns[j]
                y0 = y + MPAD + (nl - len(lines)) * MLEAD / 2
                for k, t in enumerate(lines):
                    bl = baseline_of(y0 + k * MLEAD, MCELL)
                    if a == "c":
                        col = FUJI_D if t == "●" else BLACK
                        P.text(xx + colw[j] / 2, bl, t, G, MSIZE, col, False, "center")
                    elif a == "r":
                        P.text(xx + colw[j] - MPAD, bl, t, G, MSIZE, BLACK, False, "right")
                    else:
                        P.text(xx + MPAD, bl, t, G, MSIZE, BLACK, False)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.5, RULE)

        return Block(h=h, draw=draw, table=tid, row=i)

    flow.add(header_block())
    for i, r in enumerate(rows):
        flow.add(row_block(i, r))
        if i == 0:
            flow.flush()
            flow.repeat = header_block
    flow.flush()
    flow.repeat = None
    for k, n in enumerate(C.MATRIX_NOTES):
        flow.add_all(line_blocks(T, split_sentences(n), width, NOTE.but(sb=4 if k == 0 else 0), extra={"note": True}))
    flow.vspace(4)
