"""minutes.pdf: single-column meeting minutes; title on page 1 only; attendance table across a page."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_minutes as C
from .engine import BLACK, Doc, Flow, M, Style, TableSpec, line_blocks, split_sentences, sw
from .kit import box_block

W, H = A4
X0, X1, TOP, BOTTOM = 72.0, W - 64.0, 76.0, H - 72.0

BODY = Style(font=M, size=10.8, leading=20.5, indent=10.8)
SPEAKER = Style(font=M, size=10.8, leading=20.5, bold=True, sb=8, keep_next=True)
HEAD = Style(font=M, size=11.5, leading=21, bold=True, sb=12, sa=3, keep_next=True)


def build() -> Doc:
    doc = Doc("minutes.pdf", A4, C.TITLE, "single-column meeting minutes", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 46, info["header"], M, 8.5, (0.35, 0.35, 0.35), align="right")
        P.text(W / 2, H - 40, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=str(n), decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    flow.add_all(line_blocks(T, [C.TITLE], wd, Style(font=M, size=15.5, leading=26, bold=True, align="center", sa=14),
                             heading=True))
    for label, value in C.HEAD:
        lw = sw(label + "　", M, 10.5)
        for k, s in enumerate(split_sentences(label + "　" + value)):
            flow.add_all(line_blocks(T, [s], wd, Style(font=M, size=10.5, leading=19.5, hang=lw,
                                                         indent=0 if k == 0 else lw)))
    flow.add_all(line_blocks(T, [C.AGENDA_TITLE], wd, Style(font=M, size=10.5, leading=19.5, keep_next=True)))
    for a in C.AGENDA:
        flow.add_all(line_blocks(T, [a], wd, Style(font=M, size=10.5, leading=19.5, indent=21, hang=21),
                                 extra={"item": True}))
    label, value = C.MATERIALS
    lw = sw(label + "　", M, 10.5)
    flow.add_all(line_blocks(T, [label + "　" + value], wd, Style(font=M, size=10.5, leading=19.5, hang=lw)))
    flow.add_table(TableSpec(**C.ATTEND, size=9.8, leading=14.5, pad=4.2, header_fill=(0.9, 0.9, 0.9),
                             caption_style=Style(font=M, size=10, leading=17, bold=True, sb=6, sa=2, keep_next=True)))
    flow.add_all(line_blocks(T, [C.PROCEEDINGS_TITLE], wd, HEAD, heading=True))
    for it in C.PROCEEDINGS:
        kind = it[0]
        if kind == "h":
            flow.add_all(line_blocks(T, [it[1]], wd, HEAD.but(size=10.8, sb=14), heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, BODY.but(sb=3)))
        elif kind == "turn":
            flow.add_all(line_blocks(T, [it[1]], wd, SPEAKER, extra={"speaker": True}))
            for para in it[2]:
                flow.add_all(line_blocks(T, split_sentences(para), wd, BODY, extra={"speech": True}))
        elif kind == "decision":
            flow.add(box_block(T, None, [it[1]], wd, BODY.but(indent=0), BODY, fill=(0.96, 0.96, 0.96),
                               border=(0.3, 0.3, 0.3), pad=7, sb=8))
        else:
            raise KeyError(kind)
    flow.add_all(line_blocks(T, ["以上"], wd, Style(font=M, size=10.5, leading=19.5, align="right", sb=8)))
    flow.finish()
    return doc
