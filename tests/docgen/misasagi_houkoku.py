"""misasagi-houkoku.pdf: 令和7年度 みささぎ県居住支援協議会 活動報告 (fictional みささぎ県), held-out set BLIND25.

An ordinary two-column annual report, A4 portrait: a full-width title block on page 1 only (two title lines, the
meeting line and the issuer), then TWO columns of prose with numbered sections 1.–10., ①② lists and full-width
ruled tables between the column sections (the columns above a table are balanced first): 表1 成果指標 (令和5–7年度
columns, two 目標 rows), 表2 市町村協議会の一覧 (設立年月, 構成団体数, 相談件数, 事務局, a 合計 row), 表3 県の支援策の
実施状況, 表4 収支決算 （単位：千円）; a horizontal bar chart drawn with rectangles inside one column (labels left, values 「268件」 right of
each bar, caption above); three 事例 boxes in the columns; a 参考表 inside one column that continues into the next column under its repeated header; footer 「みささぎ県居住支援協議会」 at the bottom left and
「n / N」 at the bottom right on the same line; no running header; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_misasagi_houkoku as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    line_blocks,
    place_text,
    split_sentences,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 50.0, W - 50.0, 56.0, H - 58.0
GREEN = (0.12, 0.38, 0.30)
MOSS = (0.55, 0.66, 0.35)
PALE = (0.93, 0.96, 0.92)
GRAY = (0.4, 0.4, 0.4)
BAR = (0.36, 0.56, 0.42)

P_ = Style(font=M, size=10.0, leading=17.6, indent=10.0, sa=1)
H2 = Style(size=11.0, leading=18, bold=True, color=GREEN, sb=11, sa=3, keep_next=True)
LI = Style(font=M, size=10.0, leading=16.8, hang=10.0, sb=1)
NOTE = Style(size=8.0, leading=12.4, hang=8.0, sb=2, sa=1, color=(0.25, 0.25, 0.25))
TAB = {"size": 8.8, "leading": 12.6, "pad": 3.6, "header_fill": (0.86, 0.92, 0.86), "rule": (0.3, 0.3, 0.3),
       "caption_style": Style(size=9.4, leading=15, bold=True, sb=4, sa=2, keep_next=True),
       "note_style": Style(size=8.0, leading=12.2, hang=8.0, sb=2)}
TITLE_H = 140.0


def build() -> Doc:
    doc = Doc("misasagi-houkoku.pdf", A4, C.TITLE, "A4 two-column annual report, footer org left / n / N right",
              meta_title=None, author=C.ORG)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.line(X0, H - 44, X1, H - 44, 0.5, MOSS)
        P.text(X0, H - 30, C.ORG, G, 8.6, GRAY)
        P.text(X1, H - 30, info["footer"].split("　")[-1], G, 8.6, BLACK, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), footer=f"{C.ORG}　{n} / ?", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, gutter=20, col_rule=(0.8, 0.85, 0.8),
                top_of=lambda pg: TOP + TITLE_H if pg == 0 else TOP)

    # ---- title block (page 1 only, full width)
    flow._new_page()
    pg = flow.page
    doc.op(pg, lambda P: (P.rect(X0, TOP, X1 - X0, 98, stroke=None, fill=PALE),
                          P.rect(X0, TOP, 7, 98, stroke=None, fill=GREEN),
                          P.line(X0, TOP + 106, X1, TOP + 106, 1.4, GREEN)))
    sid = T.sentence(C.TITLE, heading=True)
    doc.place(pg, Block(h=24, draw=lambda P, x, y: P.text(x, y + 19, C.TITLE_LINES[0], G, 15, GREEN, True),
                        frags=[(sid, C.TITLE_LINES[0])]), X0 + 22, TOP + 10)
    doc.place(pg, Block(h=34, draw=lambda P, x, y: P.text(x, y + 27, C.TITLE_LINES[1], G, 22, BLACK, True),
                        frags=[(sid, C.TITLE_LINES[1])]), X0 + 22, TOP + 34)
    place_text(doc, pg, X0 + 22, TOP + 70, X1 - X0 - 44, [C.SUBLINE], Style(size=9.6, leading=14, color=GRAY))
    place_text(doc, pg, X0, TOP + 116, X1 - X0, [C.ISSUER_LINE],
               Style(size=8.6, leading=14, color=GRAY, align="right"))
    flow.band_top = TOP + TITLE_H
    lead = line_blocks(T, split_sentences(C.LEAD), X1 - X0, P_.but(sa=4))
    flow.add_all(lead)

    def h2_deco(P, x, y, w, h):
        P.rect(x, y + 2, w, h - 4, stroke=None, fill=PALE)
        P.rect(x, y + 2, 4, h - 4, stroke=None, fill=GREEN)

    for it in C.BODY:
        kind = it[0]
        fw = flow.width
        if kind == "cols":
            flow.set_columns(it[1], gap=10)
            if it[1] == 1 and flow.page is not None and flow.avail < 190:
                flow.page_break()  # a full-width table never starts in the last few lines of a page
        elif kind in ("h2", "h2w"):
            flow.add_all(decorate(line_blocks(T, [it[1]], fw, H2.but(indent=9, hang=9), heading=True), h2_deco, fw))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
        elif kind == "note":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, NOTE, extra={"note": True}))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), fw, LI.but(sb=3 if k == 0 else 1), extra={"item": True}))
        elif kind == "table":
            flow.add_table(TableSpec(**{**TAB, **it[1], "size": 8.4, "leading": 12.0}))
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "wtable":
            flow.add_table(TableSpec(**{**TAB, **it[1]}))
        elif kind == "chart":
            cap = line_blocks(T, [C.CHART["caption"]], fw, Style(size=9.0, leading=14, bold=True, sb=8, keep_next=True),
                              extra={"caption": True, "figure": True})
            for b in cap:
                b.keep_next = True
            flow.add_all(cap)
            flow.add(_bar_chart(T, C.CHART, fw))
            flow.add_all(line_blocks(T, [C.CHART["source"]], fw, NOTE, extra={"note": True}))
        elif kind == "case":
            flow.add(box_block(T, it[1], it[2], fw, Style(font=M, size=9.2, leading=15.2, indent=9.2),
                               Style(size=9.4, leading=14, bold=True), fill=(0.98, 0.98, 0.96), border=GREEN,
                               pad=8, sb=10, tab=False, title_color=GREEN))
        else:
            raise KeyError(kind)
    flow.finish()
    n = len(doc.pages)
    for p in doc.pages:
        p.info["footer"] = f"{C.ORG}　{p.info['printed']} / {n}"
    return doc


def _bar_chart(T, spec: dict, width: float) -> Block:
    """Horizontal bars inside one column: label left of the axis, 「268件」 right of each bar."""
    lw = 74.0
    row = 21.0
    maxbar = width - lw - 52.0
    vmax = 300.0
    frags, items = [], []
    for label, v in spec["bars"]:
        val = f"{v}件"
        ls = T.sentence(label, chart=True)
        vs = T.sentence(val, chart=True)
        frags += [(ls, label), (vs, val)]
        items.append((label, val, v))
    rows_h = len(items) * row
    h = rows_h + 22

    def draw(P, x, y):
        ax = x + lw
        for k in (0, 100, 200, 300):
            gx = ax + maxbar * k / vmax
            if k:
                P.line(gx, y, gx, y + rows_h + 2, 0.3, (0.8, 0.8, 0.8), dash=([2, 2], 0))
            P.text(gx, y + rows_h + 12, str(k), G, 6.8, GRAY, align="center")
        P.text(x + width, y + rows_h + 12, spec["unit"], G, 6.8, GRAY, align="right")
        P.line(ax, y, ax, y + rows_h + 2, 0.8, GRAY)
        for i, (label, val, v) in enumerate(items):
            yy = y + i * row
            bl = yy + row / 2 + 3.2
            P.text(ax - 6, bl, label, G, 8.6, BLACK, align="right")
            bw = maxbar * v / vmax
            P.rect(ax, yy + 4.5, bw, row - 9, stroke=None, fill=BAR)
            P.text(ax + bw + 5, bl, val, G, 8.6, BLACK, True)

    return Block(h=h, draw=draw, frags=frags, sb=4, keep_next=True)
