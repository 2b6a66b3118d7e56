"""slides-deck.pdf: 16:9 landscape training deck; every slide laid out by hand."""

from __future__ import annotations

from . import content_slides as C
from .engine import Doc, G, Style, TableSpec, place_text, split_sentences, sw, table_parts, text_height

W, H = 960.0, 540.0
X0, X1 = 52.0, W - 52.0
GREEN = (0.05, 0.42, 0.33)
MINT = (0.9, 0.96, 0.93)
ORANGE = (0.9, 0.45, 0.1)
GRAY = (0.38, 0.38, 0.38)
WHITE = (1, 1, 1)
BOX_FILLS = [(0.05, 0.42, 0.33), (0.13, 0.36, 0.6), (0.62, 0.35, 0.1)]


def build() -> Doc:
    doc = Doc("slides-deck.pdf", (W, H), C.TITLE, "landscape slide deck", meta_title=None)

    def decor(P, info, when):
        if when == "under":
            P.rect(0, 0, W, 6, stroke=None, fill=GREEN)
            if info["header"]:
                P.rect(X0, 20, 5, 17, stroke=None, fill=ORANGE)
                P.text(X0 + 12, 34, info["header"], G, 12.5, GRAY)
                P.line(X0, 96, X1, 96, 1.0, GREEN)
            if info["footer"]:
                P.line(X0, H - 36, X1, H - 36, 0.5, (0.75, 0.75, 0.75))
                P.text(X0, H - 18, C.PUBLISHER, G, 10.5, GRAY)
                P.text(X1, H - 18, "P." + info["printed"], G, 10.5, GRAY, align="right")

    # ---- cover (no header, no number)
    pg = doc.new_page(decor=lambda P, i, w: w == "under" and (P.rect(0, 0, W, H, stroke=None, fill=MINT),
                                                              P.rect(0, 300, W, 10, stroke=None, fill=GREEN)))
    place_text(doc, pg, 80, 110, 800, [C.COVER["event"]], Style(size=18, leading=26, color=GREEN))
    place_text(doc, pg, 80, 160, 820, [C.COVER["title"]], Style(size=34, leading=46, bold=True), heading=True)
    place_text(doc, pg, 80, 230, 800, [C.COVER["subtitle"]], Style(size=20, leading=28, color=GRAY))
    place_text(doc, pg, 80, 360, 800, [C.COVER["date"]], Style(size=16, leading=26))
    place_text(doc, pg, 80, 392, 800, [C.COVER["by"]], Style(size=18, leading=28, bold=True))

    # ---- agenda (no number)
    pg = doc.new_page(decor=lambda P, i, w: w == "under" and P.rect(0, 0, W, 6, stroke=None, fill=GREEN))
    place_text(doc, pg, X0, 50, 600, [C.AGENDA["title"]], Style(size=28, leading=40, bold=True, color=GREEN),
               heading=True)
    y = 130
    for it in C.AGENDA["items"]:
        doc.op(pg, lambda P, y=y: P.rect(X0 + 30, y - 4, 600, 52, stroke=GREEN, fill=WHITE, width=1.4, radius=6))
        place_text(doc, pg, X0 + 56, y + 8, 560, [it], Style(size=22, leading=30, bold=True))
        y += 74
    place_text(doc, pg, X0 + 30, y + 20, 820, [C.AGENDA["note"]], Style(size=15, leading=24, color=GRAY))

    # ---- content slides
    n = C.FIRST_NUMBER
    for sl in C.SLIDES:
        pg = doc.new_page(printed=str(n), header=sl["section"], footer=f"{C.PUBLISHER}　P.{n}", decor=decor)
        n += 1
        place_text(doc, pg, X0, 50, X1 - X0, [sl["title"]], Style(size=25, leading=36, bold=True, color=GREEN),
                   heading=True)
        y = 112.0
        if sl.get("lead"):
            y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(sl["lead"]), Style(size=16, leading=25)) + 12
        kind = sl["kind"]
        if kind == "boxes":
            y = _boxes(doc, pg, y, sl["boxes"])
            if sl.get("note"):
                _note(doc, pg, y + 16, sl["note"])
        elif kind == "bullets":
            for b in sl["bullets"]:
                y += place_text(doc, pg, X0 + 10, y, X1 - X0 - 20, split_sentences(b),
                                Style(size=18, leading=28, hang=18, sb=6), extra={"item": True})
            if sl.get("box"):
                _callout(doc, pg, y + 18, *sl["box"])
        elif kind == "chevrons":
            y = _chevrons(doc, pg, y + 4, sl["steps"])
            for b in sl["bullets"]:
                y += place_text(doc, pg, X0 + 10, y, X1 - X0 - 20, [b], Style(size=16, leading=25, hang=16, sb=4),
                                extra={"item": True})
        elif kind == "flow":
            y = _flow(doc, pg, y + 6, sl["steps"])
            for b in sl["bullets"]:
                y += place_text(doc, pg, X0 + 10, y, X1 - X0 - 20, [b], Style(size=16, leading=25, hang=16, sb=4),
                                extra={"item": True})
        elif kind == "table":
            y = _table(doc, pg, y, sl["table"])
            if sl.get("note"):
                _note(doc, pg, y + 14, sl["note"])
        if y > H - 50:
            raise AssertionError(f"slide {pg} overflows ({y:.0f})")
    return doc


def _boxes(doc, pg, y, boxes) -> float:
    k = len(boxes)
    gap = 22.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    big = all(b[0][:1].isdigit() or b[0].startswith("約") for b in boxes)
    tst = Style(size=30 if big else 17, leading=44 if big else 28, bold=True, color=WHITE, align="center")
    bst = Style(size=15 if k == 3 else 16, leading=24 if k == 3 else 26, hang=15 if k == 3 else 16)
    heights = []
    for _title, lines in boxes:
        h = sum(text_height(split_sentences(t), bw - 28, bst.but(sb=5)) for t in lines)
        heights.append(h)
    bh = max(heights) + tst.leading + 34
    for i, (title, lines) in enumerate(boxes):
        x = X0 + i * (bw + gap)
        fill = BOX_FILLS[i % len(BOX_FILLS)]
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
    doc.op(pg, lambda P: P.rect(X0, y, X1 - X0, h + 16, stroke=None, fill=MINT, radius=5))
    place_text(doc, pg, X0 + 20, y + 8, X1 - X0 - 40, split_sentences(text), st)
    return y + h + 16


def _callout(doc, pg, y, title, lines) -> float:
    st = Style(size=15, leading=23)
    inner = X1 - X0 - 60
    h = sum(text_height(split_sentences(t), inner, st) for t in lines) + 44
    doc.op(pg, lambda P: (P.rect(X0 + 10, y, X1 - X0 - 20, h, stroke=ORANGE, fill=(1, 0.97, 0.92), width=1.5,
                                 radius=6),
                          P.rect(X0 + 10, y, sw(title, G, 15) + 30, 26, stroke=None, fill=ORANGE, radius=6)))
    place_text(doc, pg, X0 + 25, y + 2, 300, [title], Style(size=15, leading=22, bold=True, color=WHITE),
               heading=True, extra={"box": True})
    yy = y + 34
    for t in lines:
        yy += place_text(doc, pg, X0 + 30, yy, inner, split_sentences(t), st, extra={"box": True})
    return y + h


def _chevrons(doc, pg, y, steps) -> float:
    k = len(steps)
    gap = 26.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    bh = 112.0
    for i, (label, desc) in enumerate(steps):
        x = X0 + i * (bw + gap)
        shade = 0.42 + i * 0.06
        fill = (0.05, shade, 0.33 + i * 0.03)
        doc.op(pg, lambda P, x=x, fill=fill: P.rect(x, y, bw, bh, stroke=None, fill=fill, radius=8))
        if i < k - 1:
            ax = x + bw + 5
            doc.op(pg, lambda P, ax=ax: P.poly([(ax, y + bh / 2 - 12), (ax + 16, y + bh / 2), (ax, y + bh / 2 + 12)],
                                               fill=ORANGE))
        place_text(doc, pg, x, y + 12, bw, [label], Style(size=20, leading=28, bold=True, color=WHITE,
                                                           align="center"), heading=True)
        place_text(doc, pg, x + 8, y + 50, bw - 16, [desc], Style(size=14, leading=21, color=WHITE, align="center"),
                   max_h=bh - 50)
    return y + bh + 18


def _flow(doc, pg, y, steps) -> float:
    k = len(steps)
    gap = 34.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    bh = 56.0
    for i, (label, who) in enumerate(steps):
        x = X0 + i * (bw + gap)
        doc.op(pg, lambda P, x=x: P.rect(x, y, bw, bh, stroke=GREEN, fill=MINT, width=1.8, radius=10))
        place_text(doc, pg, x, y + 14, bw, [label], Style(size=18, leading=28, bold=True, color=GREEN,
                                                          align="center"))
        if i < k - 1:
            x2 = x + bw + 4
            doc.op(pg, lambda P, x2=x2: (P.line(x2, y + bh / 2, x2 + gap - 16, y + bh / 2, 3, ORANGE),
                                         P.poly([(x2 + gap - 18, y + bh / 2 - 8), (x2 + gap - 8, y + bh / 2),
                                                 (x2 + gap - 18, y + bh / 2 + 8)], fill=ORANGE)))
        doc.op(pg, lambda P, x=x: P.line(x + bw / 2, y + bh, x + bw / 2, y + bh + 12, 1, GRAY, dash=([2, 2], 0)))
        place_text(doc, pg, x, y + bh + 14, bw, [who], Style(size=13, leading=19, color=GRAY, align="center"),
                   max_h=40)
    return y + bh + 64


def _table(doc, pg, y, spec) -> float:
    ts = TableSpec(**spec, size=15, leading=22, pad=6,
                   caption_style=Style(size=16, leading=26, bold=True, keep_next=True))
    width = X1 - X0 - 120
    caps, header, rows, notes = table_parts(doc, ts, width)
    x = X0 + 60
    for b in caps + [header()] + rows + notes:
        y += b.sb
        doc.place(pg, b, x, y)
        y += b.h
    return y
