"""kotobuki-youbou.pdf: 市町村からの要望と県の回答 (居住支援), A4 LANDSCAPE (fictional ことぶき県).

Layout traps: title, date / issuer and a two-paragraph introduction on page 1 only; the body is a ruled
table 「番号｜要望市町村｜要望事項｜県の回答｜担当課」 split into five groups, each introduced by a ■ heading
line ABOVE its own header row (the header row is repeated after every ■ heading and at the top of every
page); the 要望事項 and 県の回答 cells wrap over 2–6 lines (pdfplumber interleaves the two cells' lines, so most
sentences come out only in pieces) and are registered as sentences (flag `cell`); a wrapped 要望市町村 cell
(「つるぎ町・かがみ町（連名）」) and 担当課 cells with two departments; rows that do not fit are SPLIT at the
page break (the rest continues under the repeated header with an empty 番号 cell); numbering runs 1–16
across the groups; the same municipality asks twice (ゆりのき市 1 / 7, もくせい市 5 / 11, みのり市 6 / 16);
running header (right-aligned, over a rule) from page 2; centred footer 「－ n －」; a contact line at the end;
no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_kotobuki_youbou as C
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
X0, X1, TOP, BOTTOM = 40.0, W - 40.0, 56.0, H - 48.0
PLUM = (0.42, 0.16, 0.36)
HEAD_FILL = (0.93, 0.88, 0.92)
GRAY = (0.3, 0.3, 0.3)
COLW = [34.0, 82.0, 250.0, 0.0, 82.0]  # 県の回答 takes the rest
SIZE, LEAD, PAD = 10.2, 16.8, 5.0
CELL = Style(font=M, size=SIZE, leading=LEAD)


def _colw(width: float) -> list[float]:
    c = list(COLW)
    c[3] = width - sum(COLW)
    return c


def build() -> Doc:
    doc = Doc("kotobuki-youbou.pdf", (W, H), C.TITLE, "A4 landscape request/response table with ■ groups and split rows",
              meta_title=None)
    T = doc.truth
    width = X1 - X0
    colw = _colw(width)

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 36, info["header"], G, 8.4, GRAY, align="right")
            P.line(X0, 42, X1, 42, 0.5, PLUM)
        P.text(W / 2, H - 26, info["footer"], G, 9.4, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN_HEADER if n > 1 else None, footer=f"－{n}－",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow.add_all(line_blocks(T, [C.TITLE], width, Style(size=15.5, leading=26, bold=True, color=PLUM,
                                                         align="center"), heading=True))
    flow.add_all(line_blocks(T, [C.DATE], width, Style(size=9.6, leading=15, align="right", sb=2)))
    flow.add_all(line_blocks(T, [C.ISSUER], width, Style(size=9.6, leading=15, align="right", sa=6)))
    for para in C.INTRO:
        flow.add_all(line_blocks(T, split_sentences(para), width, Style(font=M, size=9.8, leading=16.5, indent=9.8)))
    flow.vspace(4)

    all_rows = []
    n = 0
    for _g, rows in C.GROUPS:
        for city, req, ans, dept in rows:
            n += 1
            all_rows.append([str(n), city, req, ans, dept])
    tid = T.table("", None, C.HEADER, all_rows)

    def header_block() -> Block:
        st = CELL.but(font=G, bold=True)
        h = LEAD + 2 * PAD

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=HEAD_FILL)
            P.line(x, y, x + width, y, 0.8, GRAY)
            P.line(x, y + h, x + width, y + h, 0.8, GRAY)
            xx = x
            for j, t in enumerate(C.HEADER):
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                P.text(xx + colw[j] / 2, baseline_of(y + PAD, st), t, G, SIZE, BLACK, True, "center")
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, GRAY)
        return Block(h=h, draw=draw, keep_next=True, table=tid)

    def cell_lines(text: str, j: int, as_sentences: bool):
        units = []
        if as_sentences:
            for s in split_sentences(text):
                sid = T.sentence(s, cell=True)
                units.extend((ch, sid) for ch in s)
        else:
            units = [(ch, -1) for ch in text]
        return [("".join(u[0] for u in ln), frags_of(ln))
                for ln in wrap(units, colw[j] - 2 * PAD, CELL, hang_punct=False)]

    def row_part(i: int, cells: list, a: int, b: int) -> Block:
        nl = b - a
        h = nl * LEAD + 2 * PAD

        def draw(P, x, y):
            P.line(x, y, x + width, y, 0.6, GRAY)
            P.line(x, y + h, x + width, y + h, 0.6, GRAY)
            xx = x
            for j in range(5):
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                for k, (t, _f) in enumerate(cells[j][a:b]):
                    bl = baseline_of(y + PAD + k * LEAD, CELL)
                    if j == 0:
                        P.text(xx + colw[j] / 2, bl, t, G, SIZE, BLACK, False, "center")
                    elif j in (1, 4):
                        P.text(xx + PAD, bl, t, G, SIZE, BLACK, False)
                    else:
                        P.text(xx + PAD, bl, t, M, SIZE, BLACK, False)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, GRAY)

        frags = [f for j in (2, 3) for _t, fr in cells[j][a:b] for f in fr]
        return Block(h=h, draw=draw, frags=frags, table=tid, row=i)

    gst = Style(size=11.2, leading=19, bold=True, color=PLUM, sb=12, sa=3, keep_next=True)
    i = 0
    for g, rows in C.GROUPS:
        flow.add_all(line_blocks(T, [g], width, gst, heading=True))
        flow.add(header_block())
        for city, req, ans, dept in rows:
            cells = [cell_lines(str(i + 1), 0, False), cell_lines(city, 1, False), cell_lines(req, 2, True),
                     cell_lines(ans, 3, True), cell_lines(dept, 4, False)]
            nl = max(len(c) for c in cells)
            h = nl * LEAD + 2 * PAD
            pend = sum(b.h + b.sb for b in flow.pending)
            rem = flow.remaining() - pend
            fit = int((rem - 2 * PAD) // LEAD)
            if h > rem + 0.01 and fit >= 2 and nl - fit >= 1:
                # 番号 / 要望市町村 / 担当課 stay with the first part; the cells' rest continues on the next page
                rest_cells = [[("", [])] * nl if j in (0, 1, 4) else cells[j] for j in range(5)]
                flow.add(row_part(i, cells, 0, fit))
                flow.flush()
                flow.repeat = header_block
                flow.add(row_part(i, rest_cells, fit, nl))
            else:
                flow.add(row_part(i, cells, 0, nl))
            flow.flush()
            flow.repeat = header_block
            i += 1
        flow.repeat = None
    flow.add_all(line_blocks(T, [C.CONTACT], width, Style(size=9.4, leading=15, align="right", sb=12)))
    flow.finish()
    return doc
