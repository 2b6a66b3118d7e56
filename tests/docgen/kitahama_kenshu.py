"""kitahama-kenshu.pdf: 16:9 training deck of a prefecture for municipal staff (fictional 北浜県).

Layout traps: cover and agenda without number or header; on body slides the section title as running
header (top left, over a rule) and the footer 「北浜県 住宅課 … P.n」 on one line (organisation left,
number right); big-number boxes, two and three side-by-side boxes, a box-and-arrow flow with the timing
under each box, chevrons with dates, four ruled tables (one per municipality with 設立年月 / 構成団体数 /
協力不動産店数 / 相談件数 for two fiscal years, one with wrapped cells, a subsidy menu in 万円 and a budget
table in 千円 with the unit right of the caption), a Q&A slide and a contact slide with two boxes.
No /Title.
"""

from __future__ import annotations

from . import content_kitahama_kenshu as C
from .engine import Doc, G, Style, TableSpec, place_text, split_sentences, sw, table_parts, text_height

W, H = 960.0, 540.0
X0, X1 = 50.0, W - 50.0
NAVY = (0.12, 0.22, 0.45)
PALE = (0.92, 0.94, 0.98)
TEAL = (0.1, 0.5, 0.55)
AMBER = (0.85, 0.5, 0.1)
GRAY = (0.38, 0.38, 0.38)
WHITE = (1, 1, 1)
FILLS = [(0.12, 0.22, 0.45), (0.1, 0.5, 0.55), (0.55, 0.3, 0.5)]


def build() -> Doc:
    doc = Doc("kitahama-kenshu.pdf", (W, H), C.TITLE, "16:9 training deck", meta_title=None)

    def decor(P, info, when):
        if when != "under":
            return
        P.rect(0, 0, W, 8, stroke=None, fill=NAVY)
        if info["header"]:
            P.rect(X0, 20, 6, 16, stroke=None, fill=AMBER)
            P.text(X0 + 14, 33, info["header"], G, 12, GRAY)
            P.line(X0, 94, X1, 94, 1.2, NAVY)
        if info["footer"]:
            P.line(X0, H - 34, X1, H - 34, 0.5, (0.7, 0.7, 0.7))
            P.text(X0, H - 16, C.PUBLISHER, G, 10.5, GRAY)
            P.text(X1, H - 16, "P." + info["printed"], G, 10.5, GRAY, align="right")

    # ---- cover
    pg = doc.new_page(decor=lambda P, i, w: w == "under" and (P.rect(0, 0, W, H, stroke=None, fill=PALE),
                                                              P.rect(0, 140, 18, 160, stroke=None, fill=AMBER),
                                                              P.rect(0, 310, W, 8, stroke=None, fill=NAVY)))
    place_text(doc, pg, 70, 100, 820, [C.COVER["event"]], Style(size=18, leading=26, color=TEAL, bold=True))
    place_text(doc, pg, 70, 160, 830, [C.COVER["title"]], Style(size=36, leading=50, bold=True, color=NAVY),
               heading=True)
    place_text(doc, pg, 70, 232, 820, [C.COVER["subtitle"]], Style(size=20, leading=30, color=GRAY))
    place_text(doc, pg, 70, 350, 820, [C.COVER["date"]], Style(size=17, leading=28))
    place_text(doc, pg, 70, 380, 820, [C.COVER["place"]], Style(size=17, leading=28))
    place_text(doc, pg, 70, 440, 820, [C.COVER["by"]], Style(size=20, leading=30, bold=True, color=NAVY))

    # ---- agenda
    pg = doc.new_page(decor=lambda P, i, w: w == "under" and P.rect(0, 0, W, 8, stroke=None, fill=NAVY))
    place_text(doc, pg, X0, 44, 600, [C.AGENDA["title"]], Style(size=28, leading=40, bold=True, color=NAVY),
               heading=True)
    y = 120.0
    for it in C.AGENDA["items"]:
        doc.op(pg, lambda P, y=y: (P.rect(X0 + 40, y, 640, 54, stroke=NAVY, fill=WHITE, width=1.4, radius=6),
                                   P.rect(X0 + 40, y, 12, 54, stroke=None, fill=AMBER)))
        place_text(doc, pg, X0 + 70, y + 12, 600, [it], Style(size=22, leading=30, bold=True))
        y += 72
    place_text(doc, pg, X0 + 40, y + 16, 820, [C.AGENDA["note"]], Style(size=15, leading=24, color=GRAY))

    # ---- body slides
    n = C.FIRST_NUMBER
    for sl in C.SLIDES:
        pg = doc.new_page(printed=str(n), header=sl["section"], footer=f"{C.PUBLISHER}　P.{n}", decor=decor)
        n += 1
        place_text(doc, pg, X0, 48, X1 - X0, [sl["title"]], Style(size=25, leading=36, bold=True, color=NAVY),
                   heading=True)
        y = 110.0
        if sl.get("lead"):
            y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(sl["lead"]), Style(size=16, leading=25)) + 10
        kind = sl["kind"]
        if kind == "boxes":
            y = _boxes(doc, pg, y, sl["boxes"])
        elif kind == "bullets":
            for b in sl["bullets"]:
                y += place_text(doc, pg, X0 + 10, y, X1 - X0 - 20, split_sentences(b),
                                Style(size=18, leading=28, hang=18, sb=6), extra={"item": True})
            if sl.get("box"):
                y = _callout(doc, pg, y + 18, *sl["box"])
        elif kind == "flow":
            y = _flow(doc, pg, y + 4, sl["steps"])
            for b in sl["bullets"]:
                y += place_text(doc, pg, X0 + 10, y, X1 - X0 - 20, [b], Style(size=15, leading=23, hang=15, sb=4),
                                extra={"item": True})
        elif kind == "chevrons":
            y = _chevrons(doc, pg, y + 4, sl["steps"])
            for b in sl["bullets"]:
                y += place_text(doc, pg, X0 + 10, y, X1 - X0 - 20, [b], Style(size=16, leading=25, hang=16, sb=4),
                                extra={"item": True})
        elif kind == "table":
            y = _table(doc, pg, y, sl["table"])
        elif kind == "qa":
            y = _qa(doc, pg, y, sl["qas"])
        elif kind == "contact":
            y = _boxes(doc, pg, y + 6, sl["boxes"], body_size=17)
        else:
            raise KeyError(kind)
        if sl.get("note"):
            y = _note(doc, pg, y + 14, sl["note"])
        if y > H - 44:
            raise AssertionError(f"kitahama-kenshu slide {pg + 1} overflows ({y:.0f})")
    return doc


def _boxes(doc, pg, y, boxes, body_size=None) -> float:
    k = len(boxes)
    gap = 24.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    big = all(b[0][:1].isdigit() for b in boxes)
    tst = Style(size=30 if big else 17, leading=44 if big else 28, bold=True, color=WHITE, align="center")
    size = body_size or (15 if k == 3 else 16)
    bst = Style(size=size, leading=size * 1.6, hang=size)
    heights = []
    for _title, lines in boxes:
        heights.append(sum(text_height(split_sentences(t), bw - 28, bst.but(sb=5)) for t in lines))
    bh = max(heights) + tst.leading + 32
    for i, (title, lines) in enumerate(boxes):
        x = X0 + i * (bw + gap)
        fill = FILLS[i % len(FILLS)]
        doc.op(pg, lambda P, x=x, fill=fill: (P.rect(x, y, bw, bh, stroke=fill, fill=WHITE, width=1.6, radius=6),
                                               P.rect(x, y, bw, tst.leading + 8, stroke=None, fill=fill, radius=6)))
        place_text(doc, pg, x, y + 4, bw, [title], tst, heading=True, extra={"box": True})
        yy = y + tst.leading + 18
        for t in lines:
            st = bst.but(sb=5, hang=bst.hang if t.startswith("・") else 0)
            yy += place_text(doc, pg, x + 14, yy, bw - 28, split_sentences(t), st, extra={"box": True})
    return y + bh


def _note(doc, pg, y, text) -> float:
    st = Style(size=15, leading=23)
    h = text_height(split_sentences(text), X1 - X0 - 40, st)
    doc.op(pg, lambda P: P.rect(X0, y, X1 - X0, h + 14, stroke=None, fill=PALE, radius=5))
    place_text(doc, pg, X0 + 20, y + 7, X1 - X0 - 40, split_sentences(text), st)
    return y + h + 14


def _callout(doc, pg, y, title, lines) -> float:
    st = Style(size=15, leading=23)
    inner = X1 - X0 - 60
    h = sum(text_height(split_sentences(t), inner, st) for t in lines) + 44
    doc.op(pg, lambda P: (P.rect(X0 + 10, y, X1 - X0 - 20, h, stroke=AMBER, fill=(1, 0.97, 0.92), width=1.5,
                                 radius=6),
                          P.rect(X0 + 10, y, sw(title, G, 15) + 30, 26, stroke=None, fill=AMBER, radius=6)))
    place_text(doc, pg, X0 + 25, y + 2, 300, [title], Style(size=15, leading=22, bold=True, color=WHITE),
               heading=True, extra={"box": True})
    yy = y + 34
    for t in lines:
        yy += place_text(doc, pg, X0 + 30, yy, inner, split_sentences(t), st, extra={"box": True})
    return y + h


def _flow(doc, pg, y, steps) -> float:
    """Boxes joined by arrows, with the timing under each box."""
    k = len(steps)
    gap = 30.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    bh = 70.0
    for i, (label, when) in enumerate(steps):
        x = X0 + i * (bw + gap)
        doc.op(pg, lambda P, x=x: P.rect(x, y, bw, bh, stroke=TEAL, fill=PALE, width=1.8, radius=10))
        st = Style(size=16, leading=22, bold=True, color=NAVY, align="center")
        th = text_height([label], bw - 16, st)
        place_text(doc, pg, x + 8, y + (bh - th) / 2, bw - 16, [label], st, heading=True, max_h=bh)
        if i < k - 1:
            x2 = x + bw + 3
            doc.op(pg, lambda P, x2=x2: (P.line(x2, y + bh / 2, x2 + gap - 14, y + bh / 2, 3, AMBER),
                                         P.poly([(x2 + gap - 16, y + bh / 2 - 8), (x2 + gap - 6, y + bh / 2),
                                                 (x2 + gap - 16, y + bh / 2 + 8)], fill=AMBER)))
        place_text(doc, pg, x, y + bh + 8, bw, [when], Style(size=14, leading=20, color=GRAY, align="center"),
                   max_h=24)
    return y + bh + 40


def _chevrons(doc, pg, y, steps) -> float:
    k = len(steps)
    gap = 24.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    bh = 104.0
    for i, (label, desc) in enumerate(steps):
        x = X0 + i * (bw + gap)
        fill = (0.12 + i * 0.02, 0.22 + i * 0.07, 0.45 + i * 0.02)
        doc.op(pg, lambda P, x=x, fill=fill: P.rect(x, y, bw, bh, stroke=None, fill=fill, radius=8))
        if i < k - 1:
            ax = x + bw + 4
            doc.op(pg, lambda P, ax=ax: P.poly([(ax, y + bh / 2 - 11), (ax + 15, y + bh / 2), (ax, y + bh / 2 + 11)],
                                               fill=AMBER))
        place_text(doc, pg, x, y + 12, bw, [label], Style(size=20, leading=28, bold=True, color=WHITE,
                                                           align="center"), heading=True)
        place_text(doc, pg, x + 8, y + 50, bw - 16, [desc], Style(size=14, leading=21, color=WHITE, align="center"),
                   max_h=bh - 50)
    return y + bh + 16


def _table(doc, pg, y, spec) -> float:
    ncol = len(spec["header"])
    size = 15 if ncol <= 4 else 14.5
    ts = TableSpec(**spec, size=size, leading=size * 1.45, pad=5, header_fill=(0.86, 0.9, 0.96),
                   caption_style=Style(size=16, leading=26, bold=True, keep_next=True))
    width = X1 - X0 - (120 if ncol <= 4 else 20)
    caps, header, rows, notes = table_parts(doc, ts, width)
    x = X0 + (X1 - X0 - width) / 2
    for b in caps + [header()] + rows + notes:
        y += b.sb
        doc.place(pg, b, x, y)
        y += b.h
    return y


def _qa(doc, pg, y, qas) -> float:
    qst = Style(size=15, leading=22, bold=True)
    ast = Style(size=15, leading=22)
    for q, a in qas:
        doc.op(pg, lambda P, y=y: (P.rect(X0, y + 2, 28, 22, stroke=None, fill=NAVY, radius=4),
                                   P.text(X0 + 14, y + 19, "Q", G, 15, WHITE, True, "center")))
        y += place_text(doc, pg, X0 + 40, y + 2, X1 - X0 - 40, [q], qst, extra={"q": True}) + 3
        doc.op(pg, lambda P, y=y: (P.rect(X0, y, 28, 22, stroke=None, fill=AMBER, radius=4),
                                   P.text(X0 + 14, y + 17, "A", G, 15, WHITE, True, "center")))
        y += place_text(doc, pg, X0 + 40, y, X1 - X0 - 40, split_sentences(a), ast, extra={"a": True}) + 12
    return y
