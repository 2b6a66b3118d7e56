"""activity-report.pdf: single-column annual report; cover, roman front matter, ― n ― footer."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_report as C
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
    line_blocks,
    place_text,
    split_sentences,
    sw,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 66.0, W - 66.0, 88.0, H - 76.0
GREEN = (0.12, 0.38, 0.22)
GRAY = (0.4, 0.4, 0.4)

P_ = Style(font=M, size=10.6, leading=19.6, indent=10.6, sa=2)
H1 = Style(size=14.5, leading=24, bold=True, color=GREEN, sb=20, sa=6, keep_next=True)
H2 = Style(size=11.6, leading=19, bold=True, sb=10, sa=2, keep_next=True)
LI = Style(font=M, size=10.6, leading=19.6, hang=10.6, indent=0, sb=1)
ROMAN = ["i", "ii", "iii", "iv"]


def build() -> Doc:
    doc = Doc("activity-report.pdf", A4, C.TITLE, "single-column annual report", meta_title=C.TITLE,
              author="みなと県居住支援協議会")
    T = doc.truth

    def decor(P, info, when):
        if when != "over" or info["footer"] is None:
            return
        if info["header"]:
            P.text(X1, 50, info["header"], G, 8.2, GRAY, align="right")
            P.line(X0, 56, X1, 56, 0.4, GRAY)
        P.text(W / 2, H - 38, info["footer"], G, 9.5, BLACK, align="center")

    # ---- cover
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(X0 - 20, 180, 8, 240, stroke=None, fill=GREEN),
                          P.line(X0 - 20, H - 170, X1 + 20, H - 170, 1.2, GREEN)))
    place_text(doc, pg, X0, 200, 420, [C.COVER["fy"]], Style(size=22, leading=34, color=GREEN))
    sid = T.sentence(C.TITLE, heading=True)
    doc.place(pg, Block(h=50, draw=lambda P, x, y: P.text(x, y + 40, C.COVER["title"], G, 30, BLACK, True),
                        frags=[(sid, C.COVER["title"])]), X0, 250)
    doc.place(pg, Block(h=50, draw=lambda P, x, y: P.text(x, y + 40, C.COVER["title2"], G, 30, BLACK, True),
                        frags=[(sid, C.COVER["title2"])]), X0, 305)
    place_text(doc, pg, X0, H - 150, 420, [C.COVER["date"]], Style(size=14, leading=24))
    place_text(doc, pg, X0, H - 124, 420, [C.COVER["by"]], Style(size=16, leading=26, bold=True))

    # ---- front matter: i はじめに
    pg = doc.new_page(printed="i", footer="― i ―", decor=decor)
    y = 90.0
    y += place_text(doc, pg, X0, y, X1 - X0, [C.PREFACE_TITLE], H1.but(size=16, leading=28, sa=14), heading=True)
    for para in C.PREFACE:
        y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(para), P_.but(leading=21, sa=6))
    y += 24
    for s in C.PREFACE_SIGN:
        y += place_text(doc, pg, X0, y, X1 - X0, [s], Style(font=M, size=10.4, leading=20, align="right"))

    # ---- front matter: ii 目次
    toc = doc.new_page(printed="ii", footer="― ii ―", is_toc=True, decor=decor)
    y = 90.0
    y += place_text(doc, toc, X0, y, X1 - X0, ["目次"], H1.but(size=16, leading=28, sa=14), heading=True)
    entries = [(it[1], 0 if it[0] == "h1" else 1) for it in C.BODY if it[0] in ("h1", "h2")]
    xr = X1 - 10
    for text, lvl in entries:
        st = Style(size=11.4, leading=25, bold=True) if lvl == 0 else Style(font=M, size=10.4, leading=21)
        x = X0 + 10 + (20 if lvl else 0)
        sid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st):
            target = next(i for i, s in enumerate(T.sentences)
                          if s["text"] == text and s.get("heading") and not s.get("toc"))
            num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, BLACK, st.bold)
            tw = sw(text, st.font, st.size) + 8
            dot = sw("・", G, 8)
            n = int((xr - xx - tw - 20) / dot)
            P.text(xx + tw, bl, "・" * n, G, 8, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(sid, text)]), x, y + (6 if lvl == 0 else 0))
        y += st.leading + (6 if lvl == 0 else 0)

    # ---- body
    state = {"n": 0}

    def body_page() -> int:
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=C.RUN_HEADER, footer=f"― {n} ―", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), body_page, ncols=1)
    wd = X1 - X0

    def h1_deco(P, x, y, w, h):
        P.line(x, y + h - 3, x + w, y + h - 3, 1.4, GREEN)

    def h2_deco(P, x, y, w, h):
        P.rect(x - 8, y + 4, 4, h - 8, stroke=None, fill=GREEN)

    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), h1_deco, wd))
        elif kind == "h2":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H2, heading=True), h2_deco, wd))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "olist":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), wd - 10, LI.but(sb=4 if k == 0 else 1),
                                         extra={"item": True}))
            flow.vspace(4)
        elif kind == "table":
            spec = {"size": 9.6, "leading": 14.2, "pad": 3.8, "header_fill": (0.88, 0.93, 0.89),
                    "caption_style": Style(size=10.2, leading=17, bold=True, sb=10, sa=3, keep_next=True),
                    "note_style": Style(font=M, size=8.8, leading=13.5, hang=8.8, sb=3)}
            spec.update(it[1])
            flow.add_table(TableSpec(**spec))
            flow.vspace(6)
        elif kind == "case":
            flow.add(box_block(T, it[1], it[2], wd, Style(font=M, size=10, leading=17.6, indent=10),
                               Style(size=10.4, leading=17, bold=True), fill=(0.96, 0.98, 0.96), border=GREEN,
                               pad=10, sb=10))
        else:
            raise KeyError(kind)
    flow.finish()
    return doc
