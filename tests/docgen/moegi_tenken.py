"""moegi-tenken.pdf: 「市町村居住支援体制 自己点検チェックシート（令和8年度版）」 of the もえぎ県 住まい政策課 / 地域福祉課,
with the results of the 令和7年度 self-assessment, A4 PORTRAIT, 6 pp. (fictional もえぎ県), held-out set BLIND45.

Layout traps: no /Title; page 1: a rounded title band (title, an edition pill at the right, subtitle), the issuer line,
TWO BOXES SIDE BY SIDE (「このシートのねらい」 paragraphs | 「記入のしかた」 ①–⑤), so pdfplumber reads their lines across;
a ruled fill-in strip (市町村名 / 担当課・係 / 記入者 / 記入日 label cells with empty value cells; flag `field`); a ruled
table 点検の領域と配点 (wrapped cells, 合計 row), a dashed 記入例 box (the worked sum) and 点検の流れ: four STEP boxes side by
side joined by arrows (what / when centred in each box, read across) with a ※ note. Pages 2–4: the CHECKLIST: five
coloured domain bars 「領域A　推進体制」 … with 「6項目・20点」 at the right, each followed by a table チェック｜番号｜点検項目｜配点
whose first column holds a DRAWN check box (no glyph in the text), item numbers A-1 … E-6, wrapped item texts (flag
`item`), points 「4点」 that differ from item to item (2–5), a ※ instruction inside item A-6, the header repeated when a
domain continues on the next page, a 「小計　点／20点」 line with an empty box under every domain (flag `field`), three
ポイント boxes and a 合計点 box. Page 4 (after the checklist's end): 判定表 (score ranges 0～39点 … 80～100点 → 段階Ⅰ–Ⅳ,
wrapped cells, ※1 / ※2 override rules) and 県の主な支援メニュー (wrapped cells, ※ note with the application period). Pages 5–6: 参考 results of the
令和7年度 self-assessment: a horizontal GROUPED bar chart (図1, 段階 × 令和6 / 令和7年度, the year only in the legend, value
labels 「7市町村」 at the bar ends), a vertical GROUPED column chart (図2, 領域 × two years, value labels 「12.4」 above the
columns, category names under the axis), a ruled 市部 / 町村部 table with a ※ note, a horizontal bar chart (図3, the five
lowest items, labels 「16.0％（4市町村）」), a まとめ box with ・ items and a contact box with two desks. Running header (small,
top left, over a rule) from page 2; footer 「もえぎ県 住まい政策課　n／6」 at the bottom right (printed label n).
Truth: chart labels are sentences with flag `chart`; the checklist is one table per domain whose caption is the domain
bar text.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_moegi_tenken as C
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
    text_height,
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 44.0, W - 44.0, 56.0, H - 50.0
TW = X1 - X0
NPAGES = 6
TEAL = (0.05, 0.45, 0.42)
LTEAL = (0.89, 0.95, 0.94)
MOSS = (0.45, 0.6, 0.2)
GRAY = (0.4, 0.4, 0.4)
LGRAY = (0.75, 0.75, 0.75)
WHITE = (1, 1, 1)
DOM_COLORS = {"A": (0.12, 0.38, 0.62), "B": (0.10, 0.50, 0.44), "C": (0.62, 0.42, 0.10), "D": (0.62, 0.22, 0.32),
              "E": (0.38, 0.30, 0.58)}
SER0 = (0.72, 0.80, 0.78)
SER1 = (0.05, 0.45, 0.42)

BODY = Style(font=M, size=9.8, leading=16.4, indent=9.8, sa=2)
BOX = Style(font=G, size=9.2, leading=15.0)
H1 = Style(size=12.4, leading=21, bold=True, color=TEAL, sb=12, sa=4, keep_next=True, indent=12)
CAP = Style(size=9.8, leading=15.5, bold=True, sb=10, sa=2, keep_next=True)
NOTE = Style(font=G, size=8.6, leading=13.4, hang=8.6, sb=2)
ITEM = Style(font=G, size=9.6, leading=15.0)
CH = 8.4  # chart label size


def _lab(doc: Doc, pg: int, x: float, y: float, text: str, size: float, color=BLACK, bold: bool = False,
         align: str = "left", **flags) -> float:
    sid = doc.truth.sentence(text, **flags)
    doc.place(pg, Block(h=0, draw=lambda P, _x, _y: P.text(x, y, text, G, size, color, bold, align),
                        frags=[(sid, text)]), x, y)
    return sw(text, G, size)


def _h1_deco(P, x, y, w, h):
    P.rect(x, y + 3, 6, h - 8, stroke=None, fill=TEAL, radius=2)
    P.line(x, y + h - 2, x + w, y + h - 2, 0.6, (0.6, 0.78, 0.75))


def build() -> Doc:
    doc = Doc("moegi-tenken.pdf", A4, C.TITLE,
              "A4 portrait self-assessment checklist: side-by-side boxes, fill-in strip, check-box tables with "
              "points per item, score-range judgement table, grouped bar and column charts with value labels",
              meta_title=None, author="もえぎ県 住まい政策課")

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 34, info["header"], G, 7.8, GRAY)
            P.line(X0, 39, X1, 39, 0.5, LGRAY)
        P.text(X1, H - 24, info["footer"], G, 8.6, GRAY, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN_HEADER if n > 1 else None,
                            footer=C.FOOTER.format(n=n, N=NPAGES), decor=decor)

    _page1(doc, new_page())
    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    _checklist(doc, flow)
    _judge(doc, flow)
    flow.page_break()
    _results(doc, flow)
    flow.finish()
    if len(doc.pages) != NPAGES:
        raise AssertionError(f"moegi-tenken: {len(doc.pages)} pages, footer says {NPAGES}")
    return doc


# --------------------------------------------------------------------------- page 1

def _page1(doc: Doc, pg: int) -> None:
    T = doc.truth
    # title band
    doc.op(pg, lambda P: P.rect(X0, 30, TW, 72, stroke=None, fill=TEAL, radius=10))
    _lab(doc, pg, X0 + 18, 64, C.TITLE_MAIN, 18.0, WHITE, True, heading=True)
    pw = sw(C.EDITION, G, 10.5) + 22
    doc.op(pg, lambda P: P.rect(X1 - 16 - pw, 45, pw, 22, stroke=None, fill=WHITE, radius=11))
    _lab(doc, pg, X1 - 16 - pw / 2, 60.5, C.EDITION, 10.5, TEAL, True, "center")
    _lab(doc, pg, X0 + 18, 89, C.SUBTITLE, 9.6, WHITE)
    _lab(doc, pg, X1, 120, C.ISSUER, 9.0, BLACK, align="right")

    # two boxes side by side
    y0 = 134.0
    gap = 14.0
    bw = (TW - gap) / 2
    pad = 10.0
    tst = Style(size=10.4, leading=17, bold=True, color=WHITE)
    hl = bw - 2 * pad
    h_aim = sum(text_height(split_sentences(p), hl, BOX.but(sa=4)) for p in C.AIM)
    h_how = sum(text_height(split_sentences(p), hl, BOX.but(hang=BOX.size, sa=3)) for p in C.HOWTO)
    bh = max(h_aim, h_how) + 17 + 3 * pad
    for k, (title, paras, hang) in enumerate(((C.AIM_TITLE, C.AIM, 0.0), (C.HOWTO_TITLE, C.HOWTO, BOX.size))):
        x = X0 + k * (bw + gap)
        col = TEAL if k == 0 else MOSS
        doc.op(pg, lambda P, x=x, col=col: (P.rect(x, y0, bw, bh, stroke=col, fill=WHITE, width=1.1, radius=6),
                                            P.rect(x, y0, bw, 24, stroke=None, fill=col, radius=6),
                                            P.rect(x, y0 + 14, bw, 10, stroke=None, fill=col)))
        place_text(doc, pg, x + pad, y0 + 3.5, hl, [title], tst, heading=True, extra={"box": True})
        yy = y0 + 24 + pad
        for p in paras:
            yy += place_text(doc, pg, x + pad, yy, hl, split_sentences(p), BOX.but(hang=hang, sa=4 if k == 0 else 3),
                             extra={"box": True, **({"item": True} if k else {})})
    y = y0 + bh + 16

    # fill-in strip
    fh = 24.0
    lw = 58.0
    vw = (TW - 4 * lw) / 4
    doc.op(pg, lambda P, y=y: P.rect(X0, y, TW, fh, stroke=GRAY, fill=None, width=0.8))
    for k, lab in enumerate(C.FIELDS):
        x = X0 + k * (lw + vw)
        doc.op(pg, lambda P, x=x, y=y: (P.rect(x, y, lw, fh, stroke=GRAY, fill=LTEAL, width=0.6),
                                        P.line(x + lw + vw, y, x + lw + vw, y + fh, 0.6, GRAY)))
        _lab(doc, pg, x + lw / 2, y + 15.8, lab, 8.8, BLACK, True, "center", field=True)
    y += fh + 10

    # table of the domains and points
    ts = TableSpec(caption=C.T_AREA_CAPTION, header=C.T_AREA_HEADER, rows=C.T_AREA_ROWS, widths=[1.5, 4.2, 0.8, 0.8],
                   size=9.0, leading=13.4, header_fill=LTEAL, align=["l", "l", "r", "r"],
                   caption_style=Style(size=10.2, leading=16, bold=True, color=TEAL))
    caps, hdr, rows, _n = table_parts(doc, ts, TW)
    for b in caps + [hdr()] + rows:
        doc.place(pg, b, X0, y)
        y += b.h
    y += 14

    # worked example (dashed box)
    ex = box_block(T, C.EXAMPLE_TITLE, C.EXAMPLE, TW, BOX, Style(size=9.6, leading=15.5, bold=True),
                   fill=(0.99, 0.99, 0.95), border=MOSS, pad=9, sb=0)
    orig = ex.draw

    def draw(P, x, yy):
        orig(P, x, yy)
        P.rect(x - 3, yy - 3, TW + 6, ex.h + 6, stroke=MOSS, fill=None, width=0.7, radius=6, dash=([3, 2], 0))
    ex.draw = draw
    doc.place(pg, ex, X0, y)
    y += ex.h + 22
    y = _flow_boxes(doc, pg, y)
    if y > BOTTOM:
        raise AssertionError("moegi-tenken: page 1 overflows")


def _flow_boxes(doc: Doc, pg: int, y: float) -> float:
    """点検の流れ: four boxes side by side joined by arrows (pdfplumber reads them across)."""
    st = Style(size=10.8, leading=17, bold=True, color=TEAL)
    doc.op(pg, lambda P, y=y: P.rect(X0, y + 3, 6, st.leading - 6, stroke=None, fill=TEAL, radius=2))
    place_text(doc, pg, X0 + 12, y, TW - 12, [C.FLOW_TITLE], st, heading=True)
    y += st.leading + 6
    n = len(C.FLOW)
    aw = 16.0
    bw = (TW - aw * (n - 1)) / n
    inner = bw - 14
    what_st = Style(size=9.6, leading=14.4, bold=True, align="center")
    when_st = Style(size=8.6, leading=13.2, align="center")
    bh = 26 + max(text_height([w], inner, what_st) + text_height([t], inner, when_st) for _s, w, t in C.FLOW) + 8
    for k, (step, what, when) in enumerate(C.FLOW):
        x = X0 + k * (bw + aw)
        doc.op(pg, lambda P, x=x, y=y: (P.rect(x, y, bw, bh, stroke=TEAL, fill=LTEAL, width=0.9, radius=5),
                                        P.rect(x + bw / 2 - 26, y + 5, 52, 16, stroke=None, fill=TEAL, radius=8)))
        _lab(doc, pg, x + bw / 2, y + 16.8, step, 8.8, WHITE, True, "center", step=True)
        yy = y + 26
        yy += place_text(doc, pg, x + 7, yy, inner, [what], what_st, extra={"box": True})
        place_text(doc, pg, x + 7, yy, inner, [when], when_st, extra={"box": True})
        if k < n - 1:
            ax = x + bw + 3
            doc.op(pg, lambda P, ax=ax, y=y: P.poly([(ax, y + bh / 2 - 6), (ax + aw - 6, y + bh / 2),
                                                     (ax, y + bh / 2 + 6)], fill=TEAL))
    y += bh + 4
    y += place_text(doc, pg, X0, y, TW, [C.FLOW_NOTE], NOTE, extra={"note": True})
    return y


# --------------------------------------------------------------------------- checklist

COLW = [44.0, 36.0, 0.0, 42.0]


def _checklist(doc: Doc, flow: Flow) -> None:
    T = doc.truth
    width = flow.width
    colw = list(COLW)
    colw[2] = width - sum(COLW)
    pad = 5.0
    lead = ITEM.leading
    hst = Style(size=8.8, leading=13, bold=True)
    bh = 24.0   # domain bar
    sh = 28.0   # subtotal line

    h1 = line_blocks(T, [C.CHECK_CAPTION], width, H1.but(sb=0), heading=True)
    flow.add_all(decorate(h1, _h1_deco, width))

    for bar, key, items, point in C.DOMAINS:
        col = DOM_COLORS[key]
        rows = [["", no, text, f"{pt}点"] for no, text, pt in items]
        tid = T.table(bar, None, C.CHECK_HEADER, rows)
        bsid = T.sentence(bar, heading=True)
        right = f"{len(items)}項目・20点"
        rsid = T.sentence(right)

        def bar_draw(P, x, y, bar=bar, right=right, col=col):
            P.rect(x, y + 2, width, bh - 4, stroke=None, fill=col, radius=3)
            P.text(x + 10, y + 16.5, bar, G, 11.0, WHITE, True)
            P.text(x + width - 10, y + 16.5, right, G, 9.2, WHITE, True, "right")
        flow.add(Block(h=bh, draw=bar_draw, frags=[(bsid, bar), (rsid, right)], keep_next=True, sb=12, table=tid))

        def header_block(tid=tid, col=col) -> Block:
            h = hst.leading + 8

            def draw(P, x, y):
                P.rect(x, y, width, h, stroke=None, fill=(0.93, 0.93, 0.93))
                P.line(x, y, x + width, y, 0.7, GRAY)
                P.line(x, y + h, x + width, y + h, 0.7, GRAY)
                xx = x
                for j, t in enumerate(C.CHECK_HEADER):
                    P.line(xx, y, xx, y + h, 0.6, GRAY)
                    P.text(xx + colw[j] / 2, baseline_of(y + 4, hst), t, G, hst.size, BLACK, True, "center")
                    xx += colw[j]
                P.line(xx, y, xx, y + h, 0.6, GRAY)
            return Block(h=h, draw=draw, keep_next=True, table=tid)

        flow.add(header_block())
        for ri, (no, text, pt) in enumerate(items):
            units = []
            for s in split_sentences(text):
                sid = T.sentence(s, item=True)
                units.extend((ch, sid) for ch in s)
            lines = wrap(units, colw[2] - 2 * pad, ITEM, hang_punct=False)
            h = len(lines) * lead + 2 * pad + 2

            def draw(P, x, y, lines=lines, no=no, pt=pt, h=h, col=col):
                P.line(x, y, x + width, y, 0.6, GRAY)
                P.line(x, y + h, x + width, y + h, 0.6, GRAY)
                xx = x
                for j in range(4):
                    P.line(xx, y, xx, y + h, 0.6, GRAY)
                    xx += colw[j]
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                # the drawn check box
                P.rect(x + colw[0] / 2 - 7, y + h / 2 - 7, 14, 14, stroke=col, fill=WHITE, width=1.1)
                bl0 = baseline_of(y + pad + 1, ITEM)
                P.text(x + colw[0] + colw[1] / 2, bl0, no, G, ITEM.size, col, True, "center")
                for k, ln in enumerate(lines):
                    P.text(x + colw[0] + colw[1] + pad, baseline_of(y + pad + 1 + k * lead, ITEM),
                           "".join(u[0] for u in ln), G, ITEM.size, BLACK)
                P.text(x + width - pad - 2, bl0, f"{pt}点", G, ITEM.size, BLACK, True, "right")

            frags = [f for ln in lines for f in frags_of(ln)]
            flow.add(Block(h=h, draw=draw, frags=frags, table=tid, row=ri))
            flow.flush()
            flow.repeat = header_block
        flow.repeat = None

        sub = C.SUBTOTAL.format(d=bar.split("　")[0])
        ssid = T.sentence(sub, field=True)

        def sub_draw(P, x, y, sub=sub, col=col):
            tw = sw(sub, G, 9.6)
            P.rect(x + width - tw - 16, y + 3, tw + 16, sh - 6, stroke=col, fill=(0.98, 0.98, 0.98), width=0.9)
            P.text(x + width - 8, y + 18, sub, G, 9.6, BLACK, True, "right")
        flow.add(Block(h=sh, draw=sub_draw, frags=[(ssid, sub)], sb=2))
        if point:
            title, paras = point
            flow.add(box_block(T, title, paras, width, BOX.but(font=M), Style(size=9.4, leading=15, bold=True),
                               fill=(1.0, 0.98, 0.92), border=(0.85, 0.6, 0.15), pad=8, sb=4))

    # total box
    tsid = T.sentence(C.TOTAL_TITLE, heading=True, box=True)
    lsid = T.sentence(C.TOTAL_LINE, field=True)
    th = 40.0

    def total_draw(P, x, y):
        P.rect(x, y, width, th, stroke=TEAL, fill=LTEAL, width=1.4, radius=5)
        P.rect(x, y, 86, th, stroke=None, fill=TEAL, radius=5)
        P.text(x + 43, y + 25, C.TOTAL_TITLE, G, 12, WHITE, True, "center")
        P.text(x + width - 16, y + 25, C.TOTAL_LINE, G, 11.5, BLACK, True, "right")
    flow.add(Block(h=th, draw=total_draw, frags=[(tsid, C.TOTAL_TITLE), (lsid, C.TOTAL_LINE)], sb=14))


# --------------------------------------------------------------------------- judgement and support menus

def _judge(doc: Doc, flow: Flow) -> None:
    T = doc.truth
    width = flow.width
    flow.add_all(decorate(line_blocks(T, [C.H_JUDGE], width, H1.but(sb=22), heading=True), _h1_deco, width))
    flow.add_all(line_blocks(T, split_sentences(C.JUDGE_LEAD), width, BODY))
    flow.add_table(TableSpec(caption=None, header=C.JUDGE_HEADER, rows=C.JUDGE_ROWS, widths=[1.0, 1.5, 2.6, 2.6],
                             size=9.4, leading=14.6, pad=5, header_fill=LTEAL, first_col_fill=(0.97, 0.97, 0.93),
                             align=["c", "l", "l", "l"], notes=C.JUDGE_NOTES,
                             note_style=Style(font=G, size=9.0, leading=14.2, hang=27, sb=3)))
    flow.vspace(8)
    flow.add_all(decorate(line_blocks(T, [C.T_MENU_CAPTION], width, H1, heading=True), _h1_deco, width))
    flow.add_table(TableSpec(caption=None, header=C.T_MENU_HEADER, rows=C.T_MENU_ROWS, widths=[2.0, 3.4, 2.0, 1.1],
                             size=9.0, leading=13.8, pad=4.5, header_fill=LTEAL, align=["l", "l", "l", "l"],
                             notes=[C.T_MENU_NOTE], note_style=Style(font=G, size=9.0, leading=14, hang=9, sb=3)))


# --------------------------------------------------------------------------- results

def _caption(flow: Flow, text: str) -> None:
    flow.add_all(line_blocks(flow.doc.truth, [text], flow.width, CAP, extra={"caption": True}))


def _legend(P, x, y, names):
    for name, colr in zip(names, (SER0, SER1), strict=True):
        P.rect(x, y - 7.5, 10, 8, stroke=None, fill=colr)
        P.text(x + 14, y, name, G, 8.2, BLACK)
        x += 14 + sw(name, G, 8.2) + 20


def _fig1(flow: Flow) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, C.FIG1_CAPTION)
    frags = [(T.sentence(s, chart=True), s) for s in C.FIG1_SERIES]
    for label, a, _na, b, _nb in C.FIG1_BARS:
        frags += [(T.sentence(label, chart=True), label), (T.sentence(a, chart=True), a),
                  (T.sentence(b, chart=True), b)]
    left = 128.0
    plot_w = width - left - 70
    row = 34.0
    top = 24.0
    xmax = 10
    h = top + row * len(C.FIG1_BARS) + 22

    def draw(P, x, y):
        _legend(P, x + left, y + 12, C.FIG1_SERIES)
        ax, ay = x + left, y + top + row * len(C.FIG1_BARS)
        for v in range(0, xmax + 1, 2):
            gx = ax + plot_w * v / xmax
            if v:
                P.line(gx, y + top - 2, gx, ay, 0.3, LGRAY, dash=([2, 2], 0))
            P.text(gx, ay + 11, str(v), G, 7.2, GRAY, align="center")
        P.line(ax, y + top - 2, ax, ay, 0.8, GRAY)
        P.line(ax, ay, ax + plot_w, ay, 0.8, GRAY)
        P.text(ax + plot_w + 8, ay + 11, "（市町村）", G, 7.2, GRAY)
        for k, (label, a, na, b, nb) in enumerate(C.FIG1_BARS):
            ry = y + top + k * row
            for j, (t, n, colr) in enumerate(((a, na, SER0), (b, nb, SER1))):
                by = ry + 5 + j * 12
                bw = plot_w * n / xmax
                P.rect(ax, by, bw, 10, stroke=None, fill=colr)
                P.text(ax + bw + 4, by + 8.3, t, G, 7.8, BLACK, j == 1)
            P.text(ax - 8, ry + row / 2 + 3, label, G, CH, BLACK, align="right")

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _fig2(flow: Flow) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, C.FIG2_CAPTION)
    frags = [(T.sentence(s, chart=True), s) for s in C.FIG2_SERIES]
    for _label, a, b in C.FIG2_BARS:
        frags += [(T.sentence(a, chart=True), a), (T.sentence(b, chart=True), b)]
    for label, _a, _b in C.FIG2_BARS:
        frags.append((T.sentence(label, chart=True), label))
    left = 36.0
    plot_w = width - left - 10
    plot_h = 150.0
    top = 30.0
    ymax = 20.0
    h = top + plot_h + 30
    n = len(C.FIG2_BARS)
    cw = plot_w / n

    def draw(P, x, y):
        _legend(P, x + left + 8, y + 12, C.FIG2_SERIES)
        ax, ay = x + left, y + top + plot_h
        for v in range(0, 21, 5):
            gy = ay - plot_h * v / ymax
            if v:
                P.line(ax, gy, ax + plot_w, gy, 0.3, LGRAY, dash=([2, 2], 0))
            P.text(ax - 5, gy + 2.6, str(v), G, 7.2, GRAY, align="right")
        P.text(ax - 5, y + top - 12, "（点）", G, 7.2, GRAY, align="right")
        P.line(ax, y + top - 4, ax, ay, 0.8, GRAY)
        P.line(ax, ay, ax + plot_w, ay, 0.8, GRAY)
        for k, (label, a, b) in enumerate(C.FIG2_BARS):
            cx = ax + cw * k + cw / 2
            for j, (t, colr) in enumerate(((a, SER0), (b, SER1))):
                bh = plot_h * float(t) / ymax
                bx = cx - 24 + j * 25
                P.rect(bx, ay - bh, 23, bh, stroke=None, fill=colr)
                P.text(bx + 11.5, ay - bh - 4, t, G, 8.0, BLACK, j == 1, "center")
            P.text(cx, ay + 14, label, G, CH, BLACK, align="center")

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _fig3(flow: Flow) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, C.FIG3_CAPTION)
    frags = []
    for label, val, _v in C.FIG3_BARS:
        frags += [(T.sentence(label, chart=True), label), (T.sentence(val, chart=True), val)]
    left = 170.0
    plot_w = width - left - 100
    row = 22.0
    top = 6.0
    xmax = 50.0
    h = top + row * len(C.FIG3_BARS) + 22

    def draw(P, x, y):
        ax, ay = x + left, y + top + row * len(C.FIG3_BARS)
        for v in range(0, 51, 10):
            gx = ax + plot_w * v / xmax
            if v:
                P.line(gx, y + top - 2, gx, ay, 0.3, LGRAY, dash=([2, 2], 0))
            P.text(gx, ay + 11, str(v), G, 7.2, GRAY, align="center")
        P.line(ax, y + top - 2, ax, ay, 0.8, GRAY)
        P.line(ax, ay, ax + plot_w, ay, 0.8, GRAY)
        P.text(ax + plot_w + 8, ay + 11, "（％）", G, 7.2, GRAY)
        for k, (label, val, v) in enumerate(C.FIG3_BARS):
            ry = y + top + k * row
            bw = plot_w * v / xmax
            P.rect(ax, ry + 5, bw, row - 10, stroke=None, fill=(0.78, 0.35, 0.35))
            P.text(ax - 8, ry + row / 2 + 3, label, G, CH, BLACK, align="right")
            P.text(ax + bw + 4, ry + row / 2 + 3, val, G, CH, BLACK, True)

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _results(doc: Doc, flow: Flow) -> None:
    T = doc.truth
    width = flow.width
    flow.add_all(decorate(line_blocks(T, [C.H_RESULT], width, H1.but(sb=0), heading=True), _h1_deco, width))
    for p in C.RESULT_LEAD:
        flow.add_all(line_blocks(T, split_sentences(p), width, BODY))
    _fig1(flow)
    _fig2(flow)
    flow.add_all(line_blocks(T, [C.FIG2_NOTE], width, NOTE, extra={"note": True}))
    flow.page_break()
    flow.add_table(TableSpec(caption=C.T_SPLIT_CAPTION, unit=C.T_SPLIT_UNIT, header=C.T_SPLIT_HEADER,
                             rows=C.T_SPLIT_ROWS, widths=[1.3, 1, 1, 1, 1, 1, 1, 1.1], size=9.2, leading=13.6,
                             header_fill=LTEAL, notes=[C.T_SPLIT_NOTE],
                             caption_style=CAP.but(sb=0)))
    _fig3(flow)
    flow.add(box_block(T, C.SUMMARY_TITLE, C.SUMMARY, width, BOX.but(hang=9.2), Style(size=10, leading=16, bold=True),
                       fill=(0.96, 0.99, 0.98), border=TEAL, pad=10, sb=14, bullet_hang=9.2))
    bw = 300.0
    cb = box_block(T, C.CONTACT_TITLE, C.CONTACT, bw, Style(size=9.0, leading=14.4, hang=9),
                   Style(size=9.6, leading=15.5, bold=True), fill=WHITE, border=MOSS, pad=9, sb=14)
    orig = cb.draw
    cb.draw = lambda P, x, y: orig(P, x + width - bw, y)
    flow.add(cb)
