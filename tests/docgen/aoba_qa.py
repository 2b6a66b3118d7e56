"""aoba-qa.pdf: A4 LANDSCAPE Q&A collection laid out as one ruled table (fictional あおば県).

Layout traps: the whole body is one ruled table 「No.｜分類｜質問｜回答」 with one Q&A per row; the
question and answer cells wrap over several lines; the 分類 cell is printed only on the first row of its
group (merged look: no rule between rows of the same group in that column, and no label again on a new
page); rows that do not fit are SPLIT at the page break (the rest of the question/answer continues on the
next page under the repeated header row); title, edition line and a short introduction on page 1 only;
footer 「あおば県住宅課」 on the left and 「n/N」 on the right of the same line; no running header; no /Title.
Question and answer cells are registered as sentences (flags q / a) so their wrapped lines are checked.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_aoba_qa as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    wrap,
)

W, H = landscape(A4)
X0, X1, TOP, BOTTOM = 44.0, W - 44.0, 50.0, H - 52.0
GREEN = (0.16, 0.42, 0.26)
GRAY = (0.3, 0.3, 0.3)
COLW = [34.0, 84.0, 262.0]  # No., 分類, 質問; 回答 takes the rest
SIZE, LEAD, PAD = 10.0, 16.5, 5.0
CELL = Style(font=M, size=SIZE, leading=LEAD)


def _colw(width: float) -> list[float]:
    return COLW + [width - sum(COLW)]


def build() -> Doc:
    doc = Doc("aoba-qa.pdf", (W, H), C.TITLE, "A4 landscape Q&A table with split rows", meta_title=None)
    T = doc.truth
    width = X1 - X0
    colw = _colw(width)

    def decor(P, info, when):
        if when != "over":
            return
        tb = getattr(P, "_tbl_bottom", None)
        if tb:  # close the 分類 column at the foot of the page
            x, y = tb
            P.line(x + colw[0], y, x + colw[0] + colw[1], y, 0.6, GRAY)
        P.text(X0, H - 30, C.ORG, G, 8.8, BLACK)
        P.text(X1, H - 30, info["footer"].split("　")[-1], G, 8.8, BLACK, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), footer=f"{C.ORG}　{n}/?", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow.add_all(line_blocks(T, [C.TITLE], width, Style(size=15, leading=26, bold=True, color=GREEN), heading=True))
    flow.add_all(line_blocks(T, [C.EDITION], width, Style(size=9.5, leading=15, align="right", sa=4)))
    for para in C.INTRO:
        flow.add_all(line_blocks(T, split_sentences(para), width, Style(font=M, size=9.8, leading=16, indent=9.8)))
    flow.vspace(8)

    tid = T.table("", None, C.HEADER, [[str(i + 1), c, q, a] for i, (c, q, a) in enumerate(C.QA)])

    def header_block() -> Block:
        st = CELL.but(font=G, bold=True)
        h = LEAD + 2 * PAD

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=(0.86, 0.92, 0.87))
            P.line(x, y, x + width, y, 0.8, GRAY)
            P.line(x, y + h, x + width, y + h, 0.8, GRAY)
            xx = x
            for j, t in enumerate(C.HEADER):
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                P.text(xx + colw[j] / 2, baseline_of(y + PAD, st), t, G, SIZE, BLACK, True, "center")
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, GRAY)
        return Block(h=h, draw=draw, keep_next=True, table=tid)

    def cell_lines(text: str, j: int, flag: str | None):
        units = []
        if flag:
            for s in split_sentences(text):
                sid = T.sentence(s, **{flag: True})
                units.extend((ch, sid) for ch in s)
        else:
            units = [(ch, -1) for ch in text]
        return [("".join(u[0] for u in ln), frags_of(ln))
                for ln in wrap(units, colw[j] - 2 * PAD, CELL, hang_punct=False)]

    def row_part(i: int, cells: list, a: int, b: int, first_of_group: bool, last_of_group: bool) -> Block:
        n = b - a
        h = n * LEAD + 2 * PAD
        show_cat = first_of_group and a == 0

        def draw(P, x, y):
            xx = x
            for j in range(4):
                top = j != 1 or show_cat
                if top:
                    P.line(xx, y, xx + colw[j], y, 0.6, GRAY)
                if j != 1 or last_of_group:
                    P.line(xx, y + h, xx + colw[j], y + h, 0.6, GRAY)
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                for k, (t, _f) in enumerate(cells[j][a:b]):
                    if j == 1 and not show_cat:
                        continue
                    bl = baseline_of(y + PAD + k * LEAD, CELL)
                    if j == 0:
                        P.text(xx + colw[j] / 2, bl, t, G, SIZE, BLACK, False, "center")
                    else:
                        P.text(xx + PAD, bl, t, G if j < 2 else M, SIZE, BLACK, j == 1)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, GRAY)
            P._tbl_bottom = None if last_of_group else (x, y + h)

        frags = [f for j in (2, 3) for _t, fr in cells[j][a:b] for f in fr]
        return Block(h=h, draw=draw, frags=frags, table=tid, row=i)

    flow.add(header_block())
    for i, (cat, q, a) in enumerate(C.QA):
        cells = [cell_lines(str(i + 1), 0, None), cell_lines(cat, 1, None), cell_lines(q, 2, "q"),
                 cell_lines(a, 3, "a")]
        n = max(len(c) for c in cells)
        first = i == 0 or C.QA[i - 1][0] != cat
        last = i == len(C.QA) - 1 or C.QA[i + 1][0] != cat
        h = n * LEAD + 2 * PAD
        if i == 0:
            flow.add(row_part(i, cells, 0, n, first, last))
            flow.flush()
            flow.repeat = header_block
            continue
        rem = flow.remaining()
        fit = int((rem - 2 * PAD) // LEAD)
        if h > rem + 0.01 and fit >= 2 and n - fit >= 1:
            flow.add(row_part(i, cells, 0, fit, first, False))
            flow.add(row_part(i, cells, fit, n, False, last))
        else:
            flow.add(row_part(i, cells, 0, n, first, last))
        flow.flush()
    flow.repeat = None
    flow.finish()
    N = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = f"{C.ORG}　{pg.info['printed']}/{N}"
    return doc
