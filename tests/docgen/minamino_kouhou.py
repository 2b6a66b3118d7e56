"""minamino-kouhou.pdf: 広報紙「みなみ野 すまいつなぎ通信」第7号, A3 LANDSCAPE, 2 pages (fictional みなみ野県).

Layout traps: a masthead across page 1 only (paper name, tagline, issue and date in a white tab, publisher,
and a framed 今号の内容 list at its right end); FOUR columns per page separated by thin vertical rules (about
22 pt between the text of neighbouring columns, so pdfplumber reads across the four columns line by line
and most wrapped sentences come out only in pieces); articles flow from one column into the next (the lead
article runs from column 1 into column 2, the 研修会 article from column 2 into column 3), and the article on the
subsidy review runs from column 3 into column 4 of page 1, breaks off with a right-aligned 「→2面へ続く」 (a boxed
article under it) and continues at the top of page 2 under the band 「補助制度の見直し（1面から続く）」 (items ①② on
page 1, ③④ on page 2); headlines with a coloured
rule above, bold leads, 【】 sub-headings, photo placeholders with captions; boxed side articles
(ことば, 居住支援法人の指定状況, 出前講座, 編集後記); a Q&A corner; a small ruled table inside one column (協議会｜設立年月｜構成団体数,
9 rows, a joint council on one row, a ※ note); a schedule list 日付｜行事 drawn without vertical rules (shaded
header, dotted lines between the entries, wrapped 行事 text; registered as a table); a contact box with two
desks and three numbers; no running header; footer 「n面」 centred; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A3, landscape

from . import content_minamino_kouhou as C
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
    split_sentences,
    sw,
    wrap,
)
from .kit import box_block, decorate

W, H = landscape(A3)
X0, X1, TOP, BOTTOM = 40.0, W - 40.0, 46.0, H - 46.0
MAST_H = 128.0
NAVY = (0.12, 0.25, 0.45)
ORANGE = (0.88, 0.45, 0.12)
LBLUE = (0.92, 0.95, 0.99)
CREAM = (1.0, 0.97, 0.9)
GRAY = (0.42, 0.42, 0.42)

BODY = Style(font=M, size=10.2, leading=16.8, indent=10.2)
HEAD = Style(size=14.0, leading=20.0, bold=True, color=NAVY, sb=16, sa=5, keep_next=True)
LEAD = Style(size=10.2, leading=16.8, bold=True, indent=10.2, sa=2)
SUB = Style(size=10.2, leading=16.8, bold=True, color=ORANGE, sb=5, sa=1, keep_next=True)
LI = Style(font=M, size=10.2, leading=16.8, sb=2)  # hang set in build()


def _head_deco(P, x, y, w, h):
    P.rect(x, y - 3, w, 3.2, stroke=None, fill=ORANGE)


def _sched(doc: Doc, spec: dict, width: float) -> list[Block]:
    T = doc.truth
    cap_st = Style(size=10.6, leading=16, bold=True, color=NAVY, sb=14, sa=3)
    cell = Style(size=9.4, leading=14.2)
    dw = 96.0
    sid = T.sentence(spec["caption"], caption=True)
    tid = T.table(spec["caption"], None, spec["header"], spec["rows"])
    blocks = []
    cap = spec["caption"]
    cap_lines = wrap([(ch, sid) for ch in cap], width, cap_st)
    for k, ln in enumerate(cap_lines):
        t = "".join(u[0] for u in ln)
        blocks.append(Block(h=cap_st.leading + (cap_st.sa if k == len(cap_lines) - 1 else 0),
                            draw=lambda P, x, y, t=t: P.text(x, baseline_of(y, cap_st), t, G, cap_st.size, NAVY, True),
                            frags=frags_of(ln), sb=cap_st.sb if k == 0 else 0, keep_next=True, table=tid))

    hh = cell.leading + 6

    def hdraw(P, x, y):
        P.rect(x, y, width, hh, stroke=None, fill=NAVY)
        P.text(x + 6, baseline_of(y + 3, cell), spec["header"][0], G, cell.size, (1, 1, 1), True)
        P.text(x + dw + 6, baseline_of(y + 3, cell), spec["header"][1], G, cell.size, (1, 1, 1), True)
    blocks.append(Block(h=hh, draw=hdraw, keep_next=True, table=tid))
    for i, (d, ev) in enumerate(spec["rows"]):
        lines = ["".join(u[0] for u in ln) for ln in wrap([(ch, -1) for ch in ev], width - dw - 10, cell,
                                                          hang_punct=False)]
        rh = len(lines) * cell.leading + 7

        def rdraw(P, x, y, d=d, lines=lines, rh=rh, i=i):
            if i % 2:
                P.rect(x, y, width, rh, stroke=None, fill=LBLUE)
            P.text(x + 6, baseline_of(y + 3.5, cell), d, G, cell.size, NAVY, True)
            for k, t in enumerate(lines):
                P.text(x + dw + 6, baseline_of(y + 3.5 + k * cell.leading, cell), t, G, cell.size, BLACK)
            P.line(x, y + rh, x + width, y + rh, 0.5, GRAY, dash=([1, 2], 0))
        blocks.append(Block(h=rh, draw=rdraw, keep_next=i < len(spec["rows"]) - 1, table=tid, row=i))
    return blocks


def build() -> Doc:
    doc = Doc("minamino-kouhou.pdf", landscape(A3), C.TITLE, "A3 landscape four-column newsletter", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.line(X0, H - 36, X1, H - 36, 0.5, GRAY)
        P.text(W / 2, H - 22, info["footer"], G, 9.6, BLACK, align="center")

    state = {"n": 0}

    def new_page() -> int:
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=None, footer=f"{n}面", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=4, gutter=22, col_rule=(0.6, 0.6, 0.6),
                top_of=lambda pg: 30 + MAST_H + 16 if pg == 0 else TOP)
    flow._new_page()

    # ---- masthead (page 1 only)
    sid_n = T.sentence(C.NAME, heading=True)
    sid_g = T.sentence(C.TAGLINE)
    sid_i = T.sentence(C.ISSUE + "　" + C.DATE)
    sid_p = T.sentence(C.PUBLISHER)
    sid_ch = T.sentence(C.CONTENTS_HEAD, heading=True, box=True)
    sid_c = [T.sentence(t, item=True, box=True) for t in C.CONTENTS]
    bx = X1 - 330

    def mast(P, x, y):
        P.rect(x, y, X1 - X0, MAST_H, stroke=None, fill=NAVY, radius=4)
        P.rect(x, y + MAST_H - 8, X1 - X0, 8, stroke=None, fill=ORANGE)
        P.text(x + 24, y + 56, C.NAME, G, 36, (1, 1, 1), True)
        P.text(x + 26, y + 80, C.TAGLINE, G, 12, (0.9, 0.93, 1))
        P.rect(x + 24, y + 88, 250, 20, stroke=None, fill=(1, 1, 1), radius=3)
        P.text(x + 32, y + 102.5, C.ISSUE + "　" + C.DATE, G, 11, NAVY, True)
        P.text(bx - 20, y + 102.5, C.PUBLISHER, G, 8.4, (0.9, 0.93, 1), align="right")
        P.rect(bx, y + 10, 310, MAST_H - 26, stroke=None, fill=(1, 1, 1), radius=3)
        P.text(bx + 10, y + 26, C.CONTENTS_HEAD, G, 10.4, ORANGE, True)
        for k, t in enumerate(C.CONTENTS):
            P.text(bx + 10, y + 43 + k * 14.5, t, G, 9.2, BLACK)

    doc.place(0, Block(h=MAST_H, draw=mast, frags=[(sid_n, C.NAME), (sid_g, C.TAGLINE), (sid_i, C.ISSUE + "　" + C.DATE),
                                                   (sid_p, C.PUBLISHER), (sid_ch, C.CONTENTS_HEAD)]
                       + list(zip(sid_c, C.CONTENTS, strict=True))), X0, 30)

    wd = flow.width
    li = LI.but(hang=sw("①", M, LI.size))
    for it in C.ITEMS:
        kind = it[0]
        if kind == "h":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, HEAD, heading=True), _head_deco, wd))
        elif kind == "lead":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, LEAD))
        elif kind == "sub":
            flow.add_all(line_blocks(T, [it[1]], wd, SUB, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, BODY))
        elif kind == "list":
            for t in it[1]:
                flow.add_all(line_blocks(T, split_sentences(t), wd, li, extra={"item": True}))
        elif kind == "box":
            flow.add(box_block(T, it[1], it[2], wd, Style(font=M, size=9.6, leading=15.4),
                               Style(size=10.2, leading=16, bold=True), fill=CREAM, border=ORANGE, pad=8, sb=14,
                               bullet_hang=sw("●", M, 9.6)))
        elif kind == "contact":
            flow.add(box_block(T, it[1], it[2], wd, Style(size=9.4, leading=15.0),
                               Style(size=10.2, leading=16, bold=True), fill=LBLUE, border=NAVY, pad=8, sb=14))
        elif kind == "photo":
            cap, ph = it[1], it[2]
            csid = T.sentence(cap, caption=True)
            cst = Style(size=8.4, leading=12.5, color=GRAY)
            cl = wrap([(ch, csid) for ch in cap], wd, cst)

            def pdraw(P, x, y, ph=ph, cl=cl, cst=cst):
                P.rect(x, y, wd, ph, stroke=(0.7, 0.7, 0.7), fill=(0.9, 0.9, 0.9))
                P.line(x, y, x + wd, y + ph, 0.4, (0.78, 0.78, 0.78))
                P.line(x + wd, y, x, y + ph, 0.4, (0.78, 0.78, 0.78))
                for k, ln in enumerate(cl):
                    P.text(x, baseline_of(y + ph + 2 + k * cst.leading, cst), "".join(u[0] for u in ln), G,
                           cst.size, GRAY)
            flow.add(Block(h=ph + 6 + len(cl) * cst.leading, draw=pdraw,
                           frags=[f for ln in cl for f in frags_of(ln)], sb=8))
        elif kind == "table":
            spec = {"size": 9.0, "leading": 13.0, "pad": 3, "header_fill": LBLUE,
                    "caption_style": Style(size=9.8, leading=15, bold=True, color=NAVY, sb=10, sa=2, keep_next=True)}
            spec.update(it[1])
            flow.add_table(TableSpec(**spec))
            flow.vspace(4)
        elif kind == "sched":
            flow.add_all(_sched(doc, it[1], wd))
        elif kind == "jump":
            flow.add_all(line_blocks(T, [it[1]], wd, Style(size=10.4, leading=18, bold=True, color=ORANGE,
                                                           align="right", sb=4)))
        elif kind == "from":
            bst = Style(size=11.4, leading=17, bold=True, color=(1, 1, 1))
            bl_ = line_blocks(T, [it[1]], wd - 16, bst, heading=True)
            bh = sum(b.h for b in bl_) + 8

            def bdraw(P, x, y, bl_=bl_, bh=bh):
                P.rect(x, y, wd, bh, stroke=None, fill=ORANGE, radius=3)
                yy = y + 4
                for b in bl_:
                    b.draw(P, x + 8, yy)
                    yy += b.h
            flow.add(Block(h=bh + 6, draw=bdraw, frags=[f for b in bl_ for f in b.frags], keep_next=True))
        elif kind == "colbreak":
            flow.column_break()
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "vspace":
            flow.vspace(it[1])
        else:
            raise KeyError(kind)
    flow.finish()
    return doc
