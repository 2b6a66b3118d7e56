"""sakura-youkou.pdf: A4 portrait 要綱 (implementing rules) with 別表 and 様式; no /Title.

Layout traps: 第N条 articles with the caption （…） on the line above, 項 numbers 2 / 3 and 号 （1）（2）
with hanging indents, 附則 and a second dated 附則, a 別表 that continues across a page break with
its header repeated, ※ notes under tables, a 様式 page drawn as a ruled form with blank fields,
a running header with the document's name and a footer 「- n -」 on every page.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_youkou as C
from .engine import BLACK, Block, Doc, Flow, M, Style, TableSpec, baseline_of, line_blocks

W, H = A4
X0, X1, TOP, BOTTOM = 78.0, W - 72.0, 80.0, H - 70.0
GRAY = (0.38, 0.38, 0.38)
SZ = 10.5
BODY = Style(font=M, size=SZ, leading=19.5, hang=SZ)
CAPT = Style(font=M, size=SZ, leading=19.5, indent=SZ, sb=6, keep_next=True)
ITEM = Style(font=M, size=SZ, leading=19.5, indent=SZ, hang=SZ * 3)


def build() -> Doc:
    doc = Doc("sakura-youkou.pdf", A4, C.TITLE, "要綱 with 別表 and 様式", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X1, 46, info["header"], M, 8.2, GRAY, align="right")
        P.line(X0, 52, X1, 52, 0.4, GRAY)
        P.text(W / 2, H - 38, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN_HEADER, footer=f"- {n} -", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0

    flow.add_all(line_blocks(T, [C.TITLE], wd, Style(font=M, size=13.5, leading=22, bold=True, align="center",
                                                        sb=6, sa=8), heading=True))
    for e in C.ENACTED:
        flow.add_all(line_blocks(T, [e], wd, Style(font=M, size=9.6, leading=15.5, align="right")))
    flow.vspace(8)

    for cap, first, rest in C.ARTICLES:
        flow.add_all(line_blocks(T, [cap], wd, CAPT, heading=True))
        # 第N条 in gothic bold would change the font inside a line; the whole first line stays Mincho
        flow.add_all(line_blocks(T, [first], wd, BODY, extra={"article": True}))
        for r in rest:
            if isinstance(r, tuple):
                flow.add_all(line_blocks(T, [r[1]], wd, ITEM, extra={"item": True}))
            else:
                flow.add_all(line_blocks(T, [r], wd, BODY))

    flow.add_all(line_blocks(T, [C.SUPPL_TITLE], wd, Style(font=M, size=SZ, leading=19.5, indent=SZ * 3, sb=14,
                                                            keep_next=True), heading=True))
    for s in C.SUPPL:
        flow.add_all(line_blocks(T, [s], wd, BODY))
    flow.add_all(line_blocks(T, [C.SUPPL2_TITLE], wd, Style(font=M, size=SZ, leading=19.5, indent=SZ * 3, sb=14,
                                                             keep_next=True), heading=True))
    for s in C.SUPPL2:
        flow.add_all(line_blocks(T, [s], wd, BODY.but(indent=SZ)))

    # ---- 別表: start on a new page
    flow.page_break()
    tab = {"size": 9.4, "leading": 14, "pad": 4, "header_fill": (0.9, 0.9, 0.9), "rule": (0.15, 0.15, 0.15),
           "caption_style": Style(font=M, size=10.5, leading=18, sb=4, sa=4, keep_next=True),
           "note_style": Style(font=M, size=8.8, leading=14, hang=8.8, sb=2)}
    for spec in (C.TABLE1, C.TABLE2, C.TABLE3):
        flow.add_table(TableSpec(**{**tab, **spec}))
        flow.vspace(16)

    # ---- 様式第1号: a form on its own page
    flow.page_break()
    flow.add_all(line_blocks(T, [C.FORM_TITLE], wd, Style(font=M, size=10, leading=18)))
    flow.add_all(line_blocks(T, [C.FORM_DATE], wd, Style(font=M, size=10.5, leading=20, align="right", sb=10)))
    flow.add_all(line_blocks(T, [C.FORM_TO], wd, Style(font=M, size=10.5, leading=20, indent=SZ, sb=6)))
    flow.add_all(line_blocks(T, [C.FORM_FROM], wd, Style(font=M, size=10.5, leading=20, align="right", sb=6)))
    flow.add_all(line_blocks(T, [C.FORM_HEAD], wd, Style(font=M, size=12, leading=22, bold=True, align="center",
                                                            sb=18, sa=12), heading=True))
    flow.add_all(line_blocks(T, [C.FORM_BODY], wd, Style(font=M, size=10.5, leading=20, indent=SZ)))
    flow.add_all(line_blocks(T, [C.FORM_KI], wd, Style(font=M, size=10.5, leading=20, align="center", sb=10,
                                                          sa=8)))
    # the form grid: label cells are text, value cells are mostly blank
    sids = []
    for lab, val in C.FORM_ROWS:
        sids.append((T.sentence(lab, form=True), lab, T.sentence(val, form=True) if val else None, val))
    rh = 34.0
    lw = 170.0

    def grid(P, x, y):
        for k, (_s1, lab, _s2, val) in enumerate(sids):
            yy = y + k * rh
            P.rect(x, yy, lw, rh, stroke=BLACK, width=0.7)
            P.rect(x + lw, yy, wd - lw, rh, stroke=BLACK, width=0.7)
            st = Style(font=M, size=10, leading=rh)
            P.text(x + 6, baseline_of(yy, st), lab, M, 10, BLACK)
            if val:
                P.text(x + wd - 10 if val.endswith("円") else x + lw + 8, baseline_of(yy, st), val, M, 10, BLACK,
                       align="right" if val.endswith("円") else "left")
    frags = []
    for s1, lab, s2, val in sids:
        frags.append((s1, lab))
        if s2 is not None:
            frags.append((s2, val))
    flow.add(Block(h=rh * len(sids), draw=grid, frags=frags, sb=4))
    for n in C.FORM_NOTES:
        flow.add_all(line_blocks(T, [n], wd, Style(font=M, size=9, leading=15, hang=9, sb=2), extra={"note": True}))
    flow.finish()
    return doc

