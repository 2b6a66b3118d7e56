"""sakura-newsletter.pdf: A4 three-column newsletter (広報誌), masthead on page 1, footer 「— n —」.

Layout traps: three narrow columns with rules between them, a full-width ruled table at a page top
above the columns, an UNRULED table (columns separated only by spacing) inside a column, a ruled
table inside a column, boxed lead, sidebar boxes, photo placeholders with captions, an interview
with inline bold speaker names, a Q&A corner, running header carrying the issue number from page 2.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_newsletter as C
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

W, H = A4
X0, X1, TOP, BOTTOM = 34.0, W - 34.0, 62.0, H - 50.0
ROSE = (0.74, 0.2, 0.38)
PINK = (0.99, 0.93, 0.95)
TEAL = (0.1, 0.42, 0.45)
GRAY = (0.42, 0.42, 0.42)
MAST_H = 118.0

BODY = Style(font=M, size=9.0, leading=14.6, indent=9.0)
HEAD = Style(size=11.4, leading=16.2, bold=True, color=ROSE, sb=11, sa=4, keep_next=True)
SUB = Style(size=9.6, leading=15, bold=True, color=TEAL, sb=6, sa=1, keep_next=True)
LI = Style(font=M, size=9.0, leading=14.6, hang=9.0, sb=2)
IQ = Style(size=9.2, leading=14.6, bold=True, color=TEAL, sb=7, sa=1, keep_next=True)
QST = Style(size=9.2, leading=14.6, bold=True, color=ROSE, sb=7, keep_next=True)  # hang set in build()
AST = Style(font=M, size=9.0, leading=14.6)


def speech_blocks(T, name: str, paras: list[str], width: float) -> list:
    """Speaker name in bold, inline at the start of the first line; continuation lines hang."""
    nsid = T.sentence(name, speaker=True)
    units = [(ch, nsid) for ch in name + "　"]
    units[-1] = ("　", -1)
    for p in paras:
        for s in split_sentences(p):
            sid = T.sentence(s, speech=True)
            units.extend((ch, sid) for ch in s)
    nw = sw(name + "　", G, BODY.size)
    st = BODY.but(indent=0, hang=nw, sb=4)
    lines = wrap(units, width, st)
    out = []
    for i, ln in enumerate(lines):
        text = "".join(u[0] for u in ln)

        def draw(P, x, y, text=text, first=(i == 0)):
            bl = baseline_of(y, st)
            if first:
                P.text(x, bl, name, G, st.size, TEAL, True)
                P.text(x + nw, bl, text[len(name) + 1:], st.font, st.size, BLACK)
            else:
                P.text(x + nw, bl, text, st.font, st.size, BLACK)

        out.append(Block(h=st.leading, draw=draw, frags=frags_of(ln), sb=st.sb if i == 0 else 0.0))
    return out


def unruled_table(doc: Doc, spec: dict, width: float) -> list[Block]:
    """A table drawn with no rules at all: label left, figures right-aligned at fixed stops."""
    T = doc.truth
    size, lead = 8.8, 13.6
    cap_st = Style(size=9.2, leading=14.6, bold=True, sb=8, sa=2)
    sid = T.sentence(spec["caption"], caption=True)
    tid = T.table(spec["caption"], spec.get("unit"), spec["header"], spec["rows"])
    tot = sum(spec["widths"])
    colw = [w * width / tot for w in spec["widths"]]
    blocks = []
    cap = spec["caption"]
    unit = spec.get("unit")

    def cap_draw(P, x, y):
        P.text(x, baseline_of(y, cap_st), cap, G, cap_st.size, BLACK, True)
    blocks.append(Block(h=cap_st.leading + cap_st.sa, draw=cap_draw, frags=[(sid, cap)], sb=cap_st.sb,
                        keep_next=True, table=tid))

    def row_block(cells, header, r):
        def draw(P, x, y):
            bl = baseline_of(y, Style(size=size, leading=lead))
            xx = x
            if header and unit:
                P.text(x, bl, unit, G, 7.8, GRAY)
            for j, c in enumerate(cells):
                if j == 0:
                    P.text(xx, bl, c, G, size, BLACK, header)
                else:
                    P.text(xx + colw[j] - 2, bl, c, G, size, BLACK, header, "right")
                xx += colw[j]
        return Block(h=lead, draw=draw, keep_next=True, table=tid, row=r)

    blocks.append(row_block(spec["header"], True, None))
    for i, r in enumerate(spec["rows"]):
        blocks.append(row_block(r, False, i))
    blocks[-1].keep_next = False
    blocks[-1].h += 4
    return blocks


def build() -> Doc:
    doc = Doc("sakura-newsletter.pdf", A4, C.TITLE, "three-column newsletter", meta_title=C.TITLE,
              author="さくら県居住支援協議会事務局")
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.rect(X0, 26, X1 - X0, 16, stroke=None, fill=PINK)
            P.text(X0 + 6, 37.5, info["header"], G, 8.2, ROSE, True)
            P.text(X1 - 6, 37.5, "さくら県居住支援協議会", G, 7.6, GRAY, align="right")
        P.text(W / 2, H - 26, info["footer"], G, 9.5, BLACK, align="center")

    state = {"n": 0}

    def new_page() -> int:
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=f"— {n} —",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=3, gutter=15, col_rule=(0.72, 0.72, 0.72),
                top_of=lambda pg: 30 + MAST_H + 12 if pg == 0 else TOP)

    # ---- masthead (page 1): registered first so it comes first in reading order
    first = flow._new_page  # create page 0 now so the masthead can be placed on it
    first()
    sid_t = T.sentence(C.NAME, heading=True)
    sid_i = T.sentence(C.ISSUE + "　" + C.DATE)
    sid_g = T.sentence(C.TAGLINE)
    sid_p = T.sentence(C.PUBLISHER)

    def mast(P, x, y):
        P.rect(x, y, X1 - X0, MAST_H, stroke=None, fill=ROSE, radius=5)
        for k in range(5):  # petals
            cx = X1 - 60 + 14 * (k % 3)
            P.rect(cx, y + 14 + 10 * k, 8, 8, stroke=None, fill=(1, 0.8, 0.86), radius=4)
        P.text(x + 18, y + 48, C.NAME, G, 27, (1, 1, 1), True)
        P.text(x + 20, y + 70, C.TAGLINE, G, 10.5, (1, 0.92, 0.95))
        P.rect(x + 18, y + 80, 280, 20, stroke=None, fill=(1, 1, 1), radius=3)
        P.text(x + 26, y + 94.5, C.ISSUE + "　" + C.DATE, G, 10.5, ROSE, True)
        P.text(x + 18, y + MAST_H - 6, C.PUBLISHER, G, 7.4, (1, 0.92, 0.95))
    doc.place(0, Block(h=MAST_H, draw=mast, frags=[(sid_t, C.NAME), (sid_g, C.TAGLINE),
                                                   (sid_i, C.ISSUE + "　" + C.DATE), (sid_p, C.PUBLISHER)]),
              X0, 30)

    def head_deco(P, x, y, w, h):
        P.line(x, y + h - 2, x + w, y + h - 2, 0.9, ROSE)

    qst = QST.but(hang=sw("Q．", G, QST.size))
    ast = AST.but(hang=sw("A．", M, AST.size))
    for it in C.ITEMS:
        kind = it[0]
        wd = flow.width
        if kind == "h":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, HEAD, heading=True), head_deco, wd))
        elif kind == "k":
            flow.add_all(line_blocks(T, [it[1]], wd, SUB, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, BODY))
        elif kind == "lead":
            flow.add(box_block(T, None, [it[1]], wd, Style(size=9.4, leading=15, bold=False, indent=9.4),
                               Style(size=9.4), fill=PINK, border=ROSE, pad=6, sb=2))
        elif kind == "list":
            for t in it[1]:
                flow.add_all(line_blocks(T, split_sentences(t), wd, LI, extra={"item": True}))
        elif kind == "box":
            flow.add(box_block(T, it[1], it[2], wd, Style(font=M, size=8.6, leading=13.6, hang=8.6),
                               Style(size=9.2, leading=15, bold=True), fill=(0.93, 0.97, 0.97), border=TEAL,
                               pad=6, sb=10, bullet_hang=8.6))
        elif kind == "photo":
            cap, ph = it[1], it[2]
            csid = T.sentence(cap, caption=True)
            cst = Style(size=7.8, leading=11.5, color=GRAY)
            cl = wrap([(ch, csid) for ch in cap], wd, cst)

            def pdraw(P, x, y, ph=ph, cl=cl, wd=wd, cst=cst):
                P.rect(x, y, wd, ph, stroke=(0.7, 0.7, 0.7), fill=(0.9, 0.9, 0.9))
                P.line(x, y, x + wd, y + ph, 0.4, (0.75, 0.75, 0.75))
                P.line(x + wd, y, x, y + ph, 0.4, (0.75, 0.75, 0.75))
                for k, ln in enumerate(cl):
                    P.text(x, baseline_of(y + ph + 2 + k * cst.leading, cst), "".join(u[0] for u in ln),
                           G, cst.size, GRAY)
            flow.add(Block(h=ph + 4 + len(cl) * cst.leading, draw=pdraw,
                           frags=[f for ln in cl for f in frags_of(ln)], sb=8))
        elif kind == "table":
            spec = {"size": 8.4, "leading": 12.2, "pad": 3, "header_fill": PINK,
                    "caption_style": Style(size=9.0, leading=14, bold=True, sb=8, sa=2, keep_next=True)}
            spec.update(it[1])
            flow.add_table(TableSpec(**spec))
            flow.vspace(4)
        elif kind == "wtable":
            flow.set_columns(1)
            spec = {"size": 9.0, "leading": 13.4, "pad": 3.5, "header_fill": PINK,
                    "caption_style": Style(size=10, leading=16, bold=True, sb=0, sa=3, keep_next=True)}
            spec.update(it[1])
            flow.add_table(TableSpec(**spec))
            flow.set_columns(3, gap=14)
        elif kind == "utable":
            flow.add_all(unruled_table(doc, it[1], wd))
        elif kind == "banner":
            bst = Style(size=10.4, leading=16, bold=True, color=(1, 1, 1), keep_next=True)
            bl_ = line_blocks(T, [it[1]], wd - 16, bst, heading=True)
            bh = sum(b.h for b in bl_) + 8

            def bdraw(P, x, y, bl_=bl_, bh=bh, wd=wd):
                P.rect(x, y, wd, bh, stroke=None, fill=TEAL, radius=3)
                yy = y + 4
                for b in bl_:
                    b.draw(P, x + 8, yy)
                    yy += b.h
            flow.add(Block(h=bh + 4, draw=bdraw, frags=[f for b in bl_ for f in b.frags], keep_next=True, sb=8))
        elif kind == "iq":
            flow.add_all(line_blocks(T, [it[1]], wd, IQ, extra={"speech": True, "q": True}))
        elif kind == "sp":
            flow.add_all(speech_blocks(T, it[1], it[2], wd))
        elif kind == "qa":
            qb = line_blocks(T, split_sentences(it[1]), wd, qst, extra={"q": True})
            decorate(qb, lambda P, x, y, w, h: P.rect(x - 2, y + 1, w + 4, h - 1, stroke=None, fill=PINK), wd)
            flow.add_all(qb)
            flow.add_all(line_blocks(T, split_sentences(it[2]), wd, ast, extra={"a": True}))
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
