"""hamanasu-workshop.pdf: 令和7年度 はまなす県 市町村居住支援ワークショップ 開催報告書 (fictional はまなす県),
held-out set BLIND36.

A4 portrait event report, no /Title.  Page 1: a full-bleed rose title band (two title lines and a subtitle in white),
the issue line right-aligned, TWO session boxes side by side (第1回 北部会場 / 第2回 南部会場 with the same labels
日時 / 会場 / 参加者 / 参加市町村, so pdfplumber reads the two sessions' values on one line), a ※ note, section 1 and a
ruled programme table (表1, wrapped cells, the presenters of the two sessions in one cell).  Section 3 switches to
TWO columns with a rule between them (lecture and three case reports, two of them numbered 「事例発表②」 for
different sessions, a quote box in a column); it runs over a page break.  Section 4: two full-width STICKY-NOTE
BOARDS (図1 / 図2: four clusters in a 2×2 grid, each a dashed frame with a coloured tag 「庁内の連携（41枚）」 and
coloured notes set slightly out of line; the notes' text is wrapped inside 70–110-pt squares, so pdfplumber reads
the notes of a row across), then two photo placeholders with captions.  Section 5: a 100 % STACKED horizontal bar
chart (図3: legend on top, values inside the wide segments and small values above the bar, n right of each bar; two
rows named 「事例発表②」 for different sessions and n), a horizontal bar chart (図4: 「38人（73.1％）」 right of each
bar), then two columns again (prose and a framed list of quotes).  Section 6: 表2 by municipality (圏域 repeated,
「－」 for none, wrapped header cells 「第1回（10月28日）」, 市町村計 / 関係団体 / 合計 rows, unit right of the caption)
that continues on the next page under its repeated header.  Section 7: ①–⑤ items, a 予定 box and a contact box.
Running header (report name, left, over a rule) from page 2; the page number in a filled circle at the OUTER
bottom corner (right on odd, left on even pages; the printed label).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_hamanasu_workshop as C
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
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 56.0, W - 56.0, 72.0, H - 62.0
CW = X1 - X0
ROSE = (0.66, 0.12, 0.33)
ROSE_L = (0.98, 0.92, 0.94)
GREEN = (0.20, 0.45, 0.30)
GRAY = (0.40, 0.40, 0.40)
WHITE = (1, 1, 1)
SEG = [(0.66, 0.12, 0.33), (0.90, 0.52, 0.62), (0.80, 0.80, 0.80), (0.45, 0.45, 0.45)]
STICKY = [(1.0, 0.95, 0.62), (0.80, 0.92, 1.0), (1.0, 0.84, 0.88), (0.84, 0.95, 0.80)]

P_ = Style(font=M, size=9.8, leading=16.6, indent=9.8, sa=2)
H2 = Style(size=12.0, leading=21, bold=True, color=ROSE, sb=12, sa=3, keep_next=True)
H3 = Style(size=10.0, leading=17, bold=True, sb=6, keep_next=True)
ITEM = Style(font=M, size=9.8, leading=16.2, hang=9.8, sb=1)
NOTE = Style(size=8.2, leading=12.6, hang=8.2, sb=2)
CAP = Style(size=9.4, leading=15, bold=True, align="center", sb=4, sa=4)
TABLE_KW = dict(size=8.7, leading=12.2, pad=3.5, header_fill=(0.96, 0.86, 0.89),
                caption_style=Style(size=9.6, leading=16, bold=True, sb=8, sa=1, keep_next=True),
                note_style=Style(size=8.2, leading=12.4, hang=8.2, sb=2))


def _h2(T, text: str, width: float) -> list:
    def deco(P, x, y, w, h):
        P.c.setFillColorRGB(*ROSE)
        P.c.circle(x + 5, P.H - (y + h / 2 - 1), 4.2, stroke=0, fill=1)
        P.line(x, y + h - 2, x + w, y + h - 2, 0.7, ROSE)

    return decorate(line_blocks(T, [text], width, H2.but(indent=15, hang=15), heading=True), deco, width)


def build():
    doc = Doc("hamanasu-workshop.pdf", A4, C.TITLE,
              "A4 event report: session boxes, 2-col sections, sticky-note boards, stacked bar chart, outer page numbers",
              meta_title=None, author="はまなす県 建設部 住宅課")
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 46, info["header"], G, 8.0, GRAY)
            P.line(X0, 52, X1, 52, 0.6, ROSE)
        n = int(info["printed"])
        cx = X1 - 9 if n % 2 else X0 + 9
        P.c.setFillColorRGB(*ROSE)
        P.c.circle(cx, P.H - (H - 38), 10, stroke=0, fill=1)
        P.text(cx, H - 34.6, info["footer"], G, 9.6, WHITE, True, "center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=str(n), decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, gutter=20, col_rule=(0.78, 0.7, 0.73))
    flow._new_page()
    pg = flow.page
    # title band
    band_h = 112.0
    doc.op(pg, lambda P: (P.rect(0, 0, W, band_h, stroke=None, fill=ROSE),
                          P.rect(0, band_h, W, 3, stroke=None, fill=(0.93, 0.70, 0.78))))
    sid = T.sentence(C.TITLE, heading=True)
    doc.place(pg, Block(h=20, draw=lambda P, x, y: P.text(x, y + 15, C.TITLE_LINES[0], G, 13.5, WHITE, True),
                        frags=[(sid, C.TITLE_LINES[0])]), X0, 22)
    doc.place(pg, Block(h=30, draw=lambda P, x, y: P.text(x, y + 24, C.TITLE_LINES[1], G, 21, WHITE, True),
                        frags=[(sid, C.TITLE_LINES[1])]), X0, 44)
    ssid = T.sentence(C.SUBTITLE, heading=True)
    doc.place(pg, Block(h=18, draw=lambda P, x, y: P.text(x, y + 13, C.SUBTITLE, G, 11, WHITE, False),
                        frags=[(ssid, C.SUBTITLE)]), X0, 80)
    y = band_h + 10
    y += place_text(doc, pg, X0, y, CW, [C.ISSUE], Style(size=8.8, leading=14, color=GRAY, align="right")) + 6
    y += _sessions(doc, T, pg, y) + 4
    y += place_text(doc, pg, X0, y, CW, split_sentences(C.SESSIONS_NOTE), NOTE, extra={"note": True})
    flow.band_top = y + 2

    for sec in (C.SEC1, C.SEC3, C.SEC4, C.SEC5, C.SEC6, C.SEC7):
        for it in sec:
            _item(flow, T, it)
    flow.add(box_block(T, C.CONTACT_TITLE, C.CONTACT, CW, Style(size=9.4, leading=15.4),
                       Style(size=9.6, leading=16, bold=True), fill=WHITE, border=ROSE, pad=9, sb=12))
    flow.finish()
    return doc


def _sessions(doc, T, pg, y) -> float:
    gap = 12.0
    bw = (CW - gap) / 2
    st = Style(size=9.0, leading=14.4, hang=9.0 * 3)
    pad = 8.0
    blocks = []
    hs = []
    for title, lines in C.SESSIONS:
        tsid = T.sentence(title, heading=True, box=True)
        parts = []
        for ln in lines:
            parts.extend(line_blocks(T, [ln], bw - 2 * pad, st, extra={"box": True}))
        h = 22 + pad + sum(b.h for b in parts) + pad - 2
        hs.append(h)
        blocks.append((title, tsid, parts))
    h = max(hs)
    for k, (title, tsid, parts) in enumerate(blocks):
        def draw(P, x, yy, title=title, parts=parts):
            P.rect(x, yy, bw, h, stroke=ROSE, fill=ROSE_L, width=0.9, radius=4)
            P.rect(x, yy, bw, 20, stroke=None, fill=ROSE, radius=4)
            P.rect(x, yy + 10, bw, 10, stroke=None, fill=ROSE)
            P.text(x + pad, yy + 14.5, title, G, 10, WHITE, True)
            y2 = yy + 22 + pad - 2
            for b in parts:
                b.draw(P, x + pad, y2)
                y2 += b.h

        doc.place(pg, Block(h=h, draw=draw, frags=[(tsid, title)] + [f for b in parts for f in b.frags]),
                  X0 + k * (bw + gap), y)
    return h


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
        if whole:  # a small table kept in one piece
            caps, header, rows, notes = table_parts(flow.doc, ts, fw)
            blocks = caps + [header()] + rows
            for b in blocks[:-1]:
                b.keep_next = True
            flow.add_all(blocks + notes)
        else:
            flow.add_table(ts)
        flow.vspace(4)
    elif kind == "cols":
        flow.set_columns(it[1], gap=6)
    elif kind == "quote":
        flow.add(_quote(T, it[1], it[2], fw))
    elif kind == "quotes":
        paras = it[1]
        flow.add(box_block(T, None, paras, fw, Style(font=M, size=9.2, leading=14.8, hang=9.2), Style(size=9.4),
                           fill=(0.99, 0.97, 0.97), border=(0.8, 0.6, 0.66), pad=8, sb=4))
    elif kind == "box":
        flow.add(box_block(T, it[1], it[2], fw, Style(size=9.4, leading=15.4), Style(size=9.6, leading=16, bold=True),
                           fill=ROSE_L, border=ROSE, pad=9, sb=10))
    elif kind == "board":
        spec = C.BOARDS[it[1]]
        flow.add(_board(T, spec, fw))
        flow.add_all(line_blocks(T, [spec["caption"]], fw, CAP, extra={"caption": True, "figure": True}))
        if spec["note"]:
            flow.add_all(line_blocks(T, [spec["note"]], fw, NOTE.but(sb=0, sa=4), extra={"note": True}))
    elif kind == "photos":
        flow.add(_photos(T, fw))
    elif kind == "chart":
        if it[1] == "stack":
            flow.add(_stack(T, C.STACK, fw))
            flow.add_all(line_blocks(T, [C.STACK["caption"]], fw, CAP, extra={"caption": True, "figure": True}))
            flow.add_all(line_blocks(T, split_sentences(C.STACK["note"]), fw, NOTE.but(sb=0, sa=4), extra={"note": True}))
        else:
            flow.add(_bars(T, C.BARS, fw))
            flow.add_all(line_blocks(T, [C.BARS["caption"]], fw, CAP, extra={"caption": True, "figure": True}))
    else:
        raise KeyError(kind)


def _quote(T, title: str, paras: list[str], width: float) -> Block:
    pad = 8.0
    inner = width - 2 * pad - 6
    tsid = T.sentence(title, heading=True, box=True)
    body = line_blocks(T, split_sentences(paras[0]), inner, Style(font=M, size=9.2, leading=15), extra={"box": True, "quote": True})
    att = line_blocks(T, [paras[1]], inner, Style(size=8.4, leading=14, align="right", color=GRAY), extra={"box": True})
    h = pad + 18 + sum(b.h for b in body) + sum(b.h for b in att) + pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=None, fill=(0.97, 0.95, 0.96))
        P.rect(x, y, 4, h, stroke=None, fill=ROSE)
        P.text(x + pad + 6, y + pad + 11, title, G, 9.2, ROSE, True)
        yy = y + pad + 18
        for b in body + att:
            b.draw(P, x + pad + 6, yy)
            yy += b.h

    frags = [(tsid, title)] + [f for b in body + att for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=6)


def _board(T, spec: dict, width: float) -> Block:
    gap = 12.0
    cw_ = (width - gap) / 2
    pad = 8.0
    nst = Style(size=8.2, leading=11.8)
    frags: list = []
    ops = []
    row_h = []
    clusters = spec["clusters"]
    layout = []
    for label, notes in clusters:
        lsid = T.sentence(label, heading=True, board=True)
        frags.append((lsid, label))
        n = len(notes)
        ngap = 9.0
        nw = (cw_ - 2 * pad - (n - 1) * ngap) / n
        cells = []
        for note in notes:
            sid = T.sentence(note, item=True, sticky=True)
            lines = wrap([(ch, sid) for ch in note], nw - 10, nst)
            frags.extend(f for ln in lines for f in frags_of(ln))
            cells.append(["".join(u[0] for u in ln) for ln in lines])
        nh = max(len(c) for c in cells) * nst.leading + 12
        h = 26 + nh + 12
        layout.append((label, cells, nw, ngap, nh, h))
    for r in range(0, len(clusters), 2):
        row_h.append(max(layout[r][5], layout[r + 1][5] if r + 1 < len(layout) else 0))
    offs = [0.0, 5.0, -3.0]
    for k, (label, cells, nw, ngap, nh, _h) in enumerate(layout):
        r, c = divmod(k, 2)
        cx = c * (cw_ + gap)
        cy = sum(row_h[:r]) + r * gap
        ch = row_h[r]

        def op(P, x, y, label=label, cells=cells, nw=nw, ngap=ngap, nh=nh, cx=cx, cy=cy, ch=ch, k=k):
            P.rect(x + cx, y + cy, cw_, ch, stroke=(0.7, 0.6, 0.64), fill=(0.985, 0.98, 0.975), width=0.7, radius=6,
                   dash=([3, 2], 0))
            tw = sw(label, G, 8.6) + 14
            P.rect(x + cx + pad, y + cy + 7, tw, 15, stroke=None, fill=ROSE, radius=7)
            P.text(x + cx + pad + 7, y + cy + 18, label, G, 8.6, WHITE, True)
            for j, lines in enumerate(cells):
                nx = x + cx + pad + j * (nw + ngap)
                ny = y + cy + 28 + offs[j % 3] + 2
                col = STICKY[(k + j) % len(STICKY)]
                P.rect(nx + 1.6, ny + 1.6, nw, nh, stroke=None, fill=(0.82, 0.82, 0.82))
                P.rect(nx, ny, nw, nh, stroke=None, fill=col)
                P.rect(nx, ny, nw, 4, stroke=None, fill=tuple(v * 0.92 for v in col))
                for i, ln in enumerate(lines):
                    P.text(nx + 5, baseline_of(ny + 7 + i * nst.leading, nst), ln, G, nst.size, BLACK)
        ops.append(op)
    total = sum(row_h) + gap * (len(row_h) - 1) + 4

    def draw(P, x, y):
        for op in ops:
            op(P, x, y)

    return Block(h=total, draw=draw, frags=frags, keep_next=True, sb=8)


def _photos(T, width: float) -> Block:
    gap = 16.0
    pw = (width - gap) / 2
    ph = 92.0
    cst = Style(size=8.4, leading=13, color=GRAY)
    frags = []
    for cap in C.PHOTOS:
        sid = T.sentence(cap, caption=True, photo=True)
        frags.append((sid, cap))

    def draw(P, x, y):
        for k, cap in enumerate(C.PHOTOS):
            px = x + k * (pw + gap)
            P.rect(px, y, pw, ph, stroke=(0.7, 0.7, 0.7), fill=(0.9, 0.9, 0.9), width=0.6)
            P.line(px, y, px + pw, y + ph, 0.4, (0.78, 0.78, 0.78))
            P.line(px + pw, y, px, y + ph, 0.4, (0.78, 0.78, 0.78))
            P.text(px + pw / 2, baseline_of(y + ph + 3, cst), cap, G, cst.size, GRAY, False, "center")

    return Block(h=ph + 20, draw=draw, frags=frags, sb=8)


def _stack(T, spec: dict, width: float) -> Block:
    lab_w = 150.0
    n_w = 40.0
    bar_w = width - lab_w - n_w - 8
    top = 36.0
    row_h = 26.0
    bh = 14.0
    frags = []
    usid = T.sentence("（％）", chart=True)
    frags.append((usid, "（％）"))
    leg = []
    for name in spec["legend"]:
        s = T.sentence(name, chart=True, legend=True)
        leg.append(name)
        frags.append((s, name))
    rows = []
    for label, n, vals in spec["rows"]:
        ls = T.sentence(label, chart=True)
        frags.append((ls, label))
        labels = []
        for v in vals:
            if v <= 0:
                labels.append(None)
                continue
            txt = f"{v:.1f}"
            s = T.sentence(txt, chart=True, value=True)
            frags.append((s, txt))
            labels.append(txt)
        ns = T.sentence(n, chart=True)
        frags.append((ns, n))
        rows.append((label, n, vals, labels))
    h = top + len(rows) * row_h + 22

    def draw(P, x, y):
        # legend
        lx = x + width - sum(sw(nm, G, 8.0) + 26 for nm in leg) + 14
        for k, name in enumerate(leg):
            P.rect(lx, y + 6, 9, 9, stroke=None, fill=SEG[k])
            P.text(lx + 12, y + 14, name, G, 8.0, BLACK)
            lx += sw(name, G, 8.0) + 26
        P.text(x + lab_w + bar_w + 12, y + top + len(rows) * row_h + 11, "（％）", G, 7.2, GRAY)
        ax = x + lab_w
        for t in (0, 25, 50, 75, 100):
            gx = ax + bar_w * t / 100
            P.line(gx, y + top - 2, gx, y + top + len(rows) * row_h, 0.3, (0.8, 0.8, 0.8), dash=([2, 2], 0))
            P.text(gx, y + top + len(rows) * row_h + 11, str(t), G, 7.2, GRAY, False, "center")
        for r, (label, n, vals, labels) in enumerate(rows):
            by = y + top + r * row_h + (row_h - bh) / 2 + 3
            P.text(ax - 6, by + bh - 3.5, label, G, 8.4, BLACK, False, "right")
            xx = ax
            for k, v in enumerate(vals):
                wv = bar_w * v / 100
                if wv > 0:
                    P.rect(xx, by, wv, bh, stroke=WHITE, fill=SEG[k], width=0.4)
                t = labels[k]
                if t:
                    if v >= 8:
                        col = WHITE if k in (0, 3) else BLACK
                        P.text(xx + wv / 2, by + bh - 3.8, t, G, 7.6, col, False, "center")
                    else:
                        P.text(xx + wv / 2, by - 2.2, t, G, 6.6, GRAY, False, "center")
                xx += wv
            P.text(ax + bar_w + 8, by + bh - 3.5, n, G, 8.0, GRAY)

    return Block(h=h, draw=draw, frags=frags, keep_next=True, sb=8)


def _bars(T, spec: dict, width: float) -> Block:
    lab_w = 170.0
    val_w = 84.0
    bar_w = width - lab_w - val_w - 10
    row_h = 19.0
    bh = 11.0
    vmax = 52.0
    frags = []
    rows = []
    for label, v, pct in spec["rows"]:
        ls = T.sentence(label, chart=True)
        vt = f"{v}人（{pct}）"
        vs = T.sentence(vt, chart=True, value=True)
        frags += [(ls, label), (vs, vt)]
        rows.append((label, v, vt))
    h = len(rows) * row_h + 8

    def draw(P, x, y):
        ax = x + lab_w
        P.line(ax, y, ax, y + len(rows) * row_h + 2, 0.8, GRAY)
        for r, (label, v, vt) in enumerate(rows):
            by = y + r * row_h + (row_h - bh) / 2
            P.text(ax - 6, by + bh - 2.2, label, G, 8.4, BLACK, False, "right")
            wv = bar_w * v / vmax
            P.rect(ax, by, wv, bh, stroke=None, fill=ROSE if r == 0 else (0.88, 0.55, 0.65))
            P.text(ax + wv + 5, by + bh - 2.2, vt, G, 8.2, BLACK)

    return Block(h=h, draw=draw, frags=frags, keep_next=True, sb=8)
