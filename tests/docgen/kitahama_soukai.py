"""kitahama-soukai.pdf: minutes of a prefectural council's general meeting (fictional 北浜県), A4 portrait.

Layout traps: title on page 1 only (no /Title); a header block (日時 / 場所 / 出席者 with a hanging indent,
議事 (1)–(4), 資料 list); an attendance table (区分｜団体名｜役職｜出欠) that continues onto page 2 with its
header repeated; then the proceedings in TWO columns over several pages (pdfplumber reads across the
columns line by line, so most sentences come out only in pieces), with ○speaker lines, headings
「議事（n）…」 wrapped in the narrow column, and 決定事項 boxes inside a column; a full-width budget table in
千円 under the balanced columns on the last page with a ※ note; running header (right-aligned) only from
page 2; a bare centred page number on every page.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_kitahama_soukai as C
from .engine import BLACK, Doc, Flow, G, M, Style, TableSpec, line_blocks, split_sentences, sw
from .kit import box_block

W, H = A4
X0, X1, TOP, BOTTOM = 68.0, W - 62.0, 74.0, H - 70.0

HEADER_ST = Style(font=M, size=10.5, leading=19)
BODY = Style(font=M, size=10.2, leading=18, indent=10.2)
SPEAKER = Style(font=G, size=10.2, leading=18, bold=True, sb=7, keep_next=True)
HEAD = Style(font=G, size=10.8, leading=18.5, bold=True, sb=12, sa=3, keep_next=True)


def build() -> Doc:
    doc = Doc("kitahama-soukai.pdf", A4, C.TITLE, "meeting minutes, two-column proceedings", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 44, info["header"], M, 8.5, (0.35, 0.35, 0.35), align="right")
            P.line(X0, 50, X1, 50, 0.4, (0.6, 0.6, 0.6))
        P.text(W / 2, H - 38, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=str(n), decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, gutter=22.0, col_rule=(0.6, 0.6, 0.6))
    wd = X1 - X0
    flow.add_all(line_blocks(T, [C.TITLE], wd, Style(font=G, size=15, leading=26, bold=True, align="center", sa=14),
                             heading=True))
    for label, value in C.HEAD:
        lw = sw(label + "　", M, 10.5)
        for k, s in enumerate(split_sentences(label + "　" + value)):
            flow.add_all(line_blocks(T, [s], wd, HEADER_ST.but(hang=lw, indent=0 if k == 0 else lw)))
    for title, items in ((C.AGENDA_TITLE, C.AGENDA), (C.MATERIALS_TITLE, C.MATERIALS)):
        flow.add_all(line_blocks(T, [title], wd, HEADER_ST.but(keep_next=True, sb=4)))
        for a in items:
            flow.add_all(line_blocks(T, [a], wd, HEADER_ST.but(indent=21, hang=21), extra={"item": True}))
    flow.add_table(TableSpec(**C.ATTEND, size=9.6, leading=14, pad=4, header_fill=(0.9, 0.9, 0.9),
                             caption_style=Style(font=M, size=10.2, leading=17, bold=True, sb=8, sa=2,
                                                 keep_next=True)))
    flow.set_columns(1, gap=12)
    flow.add_all(line_blocks(T, [C.PROCEEDINGS_TITLE], wd, HEAD.but(size=11.5), heading=True))
    flow.set_columns(2, gap=4)
    cw = flow.width
    for it in C.PROCEEDINGS:
        kind = it[0]
        if kind == "h":
            flow.add_all(line_blocks(T, [it[1]], cw, HEAD.but(hang=0), heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), cw, BODY.but(sb=3)))
        elif kind == "turn":
            flow.add_all(line_blocks(T, [it[1]], cw, SPEAKER, extra={"speaker": True}))
            for para in it[2]:
                flow.add_all(line_blocks(T, split_sentences(para), cw, BODY, extra={"speech": True}))
        elif kind == "decision":
            flow.add(box_block(T, "決定事項", it[1], cw, BODY.but(indent=0, size=10, leading=17),
                               Style(font=G, size=10, leading=16, bold=True),
                               fill=(0.96, 0.96, 0.96), border=(0.25, 0.25, 0.25), pad=7, sb=8))
        else:
            raise KeyError(kind)
    flow.set_columns(1, gap=14)
    flow.add_table(TableSpec(**C.BUDGET, size=9.6, leading=14, pad=4, header_fill=(0.9, 0.9, 0.9),
                             caption_style=Style(font=M, size=10.2, leading=17, bold=True, sb=8, sa=2,
                                                 keep_next=True)))
    flow.add_all(line_blocks(T, ["以上"], wd, Style(font=M, size=10.5, leading=19.5, align="right", sb=8)))
    flow.finish()
    return doc
