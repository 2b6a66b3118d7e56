"""faq-leaflet.pdf: A4 portrait Q&A leaflet, partly two-column, footer 「n / N」."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_faq as C
from .engine import BLACK, Block, Doc, Flow, G, Style, TableSpec, line_blocks, split_sentences, sw
from .kit import decorate

W, H = A4
X0, X1, TOP, BOTTOM = 44.0, W - 44.0, 66.0, H - 56.0
RED = (0.72, 0.16, 0.2)
NAVY = (0.12, 0.23, 0.47)
PALE = (0.95, 0.95, 0.99)
GRAY = (0.42, 0.42, 0.42)

Q = Style(size=11.2, leading=18.0, bold=True, color=NAVY, sb=10, sa=2, keep_next=True)
A = Style(size=10.6, leading=18.4, sa=1)
SEC = Style(size=12.6, leading=22, bold=True, color=(1, 1, 1), sb=14, sa=4, keep_next=True, indent=6)


def build() -> Doc:
    doc = Doc("faq-leaflet.pdf", A4, C.TITLE, "Q&A leaflet, partly two-column", meta_title=C.TITLE,
              author="みなと県居住支援協議会事務局")
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.rect(X0, 30, 6, 14, stroke=None, fill=RED)
            P.text(X0 + 12, 41, info["header"], G, 8.5, GRAY)
            P.line(X0, 48, X1, 48, 0.6, (0.7, 0.7, 0.8))
        P.text(W / 2, H - 28, info["footer"], G, 9.5, BLACK, align="center")

    def new_page() -> int:
        first = not doc.pages
        return doc.new_page(printed=str(len(doc.pages) + 1), header=None if first else C.RUN_HEADER,
                            footer="", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, gutter=24,
                top_of=lambda pg: TOP - 30 if pg == 0 else TOP)

    # banner + intro (first page, single column)
    sid = T.sentence(C.TITLE, heading=True)

    def banner(P, x, y):
        P.rect(x, y, X1 - X0, 70, stroke=None, fill=NAVY, radius=4)
        P.rect(x, y + 70, X1 - X0, 5, stroke=None, fill=RED)
        P.text(x + 18, y + 45, C.TITLE, G, 22, (1, 1, 1), True)
    flow.add(Block(h=82, draw=banner, frags=[(sid, C.TITLE)]))
    flow.add_all(line_blocks(T, [C.ISSUED], X1 - X0, Style(size=10, leading=16, align="right", color=GRAY)))
    intro = line_blocks(T, split_sentences(C.INTRO), X1 - X0 - 24, Style(size=10.2, leading=17.5, indent=10.2))
    ih = sum(b.h for b in intro)

    def intro_draw(P, x, y):
        P.rect(x, y, X1 - X0, ih + 16, stroke=(0.7, 0.7, 0.8), fill=PALE, width=0.8)
        yy = y + 8
        for b in intro:
            b.draw(P, x + 12, yy)
            yy += b.h
    flow.add(Block(h=ih + 16, draw=intro_draw, frags=[f for b in intro for f in b.frags], sb=4))

    def sec_deco(P, x, y, w, h):
        P.rect(x, y + 1, w, h - 5, stroke=None, fill=RED, radius=2)

    for it in C.ITEMS:
        kind = it[0]
        if kind == "cols":
            flow.set_columns(it[1], gap=6)
        elif kind == "sec":
            flow.add_all(decorate(line_blocks(T, [it[1]], flow.width, SEC, heading=True), sec_deco,
                                  flow.width))
        elif kind == "qa":
            q, answers = it[1], it[2]
            qh = sw(q.split("．")[0] + "．", G, Q.size)
            qb = line_blocks(T, split_sentences(q), flow.width, Q.but(hang=qh), extra={"q": True})
            decorate(qb, lambda P, x, y, w, h: P.rect(x - 2, y + 1, w + 4, h - 1, stroke=None, fill=PALE), flow.width)
            flow.add_all(qb)
            ah = sw("A．", G, A.size)
            for k, a in enumerate(answers):
                st = A.but(hang=ah, indent=0 if k == 0 else ah)
                flow.add_all(line_blocks(T, split_sentences(a), flow.width, st, extra={"a": True}))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), flow.width, A.but(indent=A.size, sb=4)))
        elif kind == "list":
            for t in it[1]:
                flow.add_all(line_blocks(T, split_sentences(t), flow.width, A.but(hang=A.size, sb=3),
                                         extra={"item": True}))
        elif kind == "table":
            flow.add_table(TableSpec(**{**it[1], "size": 9.4, "leading": 14, "pad": 4,
                                        "caption_style": Style(size=10, leading=16, bold=True, sb=6, sa=2,
                                                               keep_next=True)}))
        else:
            raise KeyError(kind)
    flow.set_columns(1, gap=14)
    pub = line_blocks(T, [C.PUBLISHER], X1 - X0 - 20, Style(size=9.2, leading=15, align="right", color=GRAY))
    flow.add(Block(h=3, draw=lambda P, x, y: P.line(x, y, X1, y, 0.6, GRAY)))
    flow.add_all(pub)
    flow.finish()
    n = len(doc.pages)
    for p in doc.pages:
        p.info["footer"] = f"{p.info['printed']} / {n}"
    return doc
