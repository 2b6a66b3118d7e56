"""kaede-setsumeikai.pdf: 16:9 slides of a prefecture's briefing for municipalities (fictional かえで県).

Layout traps: title slide and agenda, slide titles as white text in a coloured bar, bullets at three
levels (・ / － / ※), the number 「n / N」 bottom right from slide 2 with the organisation bottom left on the
same line, a table of figures by fiscal year, three comparison boxes, a 2×2 grid with row and column
headers, a box-and-arrow procedure, a two-row timeline (令和7年度 / 令和8年度) whose labels sit above and
below a line, a subsidy-menu table, a Q&A slide and a contact slide with two boxes.  No /Title.
"""

from __future__ import annotations

from . import content_kaede_setsumeikai as C
from .engine import Doc, G, Style, TableSpec, place_text, split_sentences, sw, table_parts, text_height

W, H = 960.0, 540.0
X0, X1 = 48.0, W - 48.0
BLUE = (0.1, 0.3, 0.55)
SKY = (0.9, 0.94, 0.98)
RED = (0.75, 0.2, 0.15)
GRAY = (0.38, 0.38, 0.38)
WHITE = (1, 1, 1)
FILLS = [(0.1, 0.3, 0.55), (0.15, 0.5, 0.45), (0.6, 0.4, 0.1)]


def build() -> Doc:
    doc = Doc("kaede-setsumeikai.pdf", (W, H), C.TITLE, "16:9 briefing slides", meta_title=None)
    N = 2 + len(C.SLIDES)

    def decor(P, info, when):
        if when != "under":
            return
        P.rect(0, H - 40, W, 40, stroke=None, fill=(0.96, 0.96, 0.96))
        P.text(X0, H - 16, C.ORG, G, 11, GRAY)
        P.text(X1, H - 16, f"{info['printed']} / {N}", G, 12, BLUE, True, align="right")

    def numbered(n: int) -> int:
        return doc.new_page(printed=str(n), footer=f"{C.ORG}　{n} / {N}", decor=decor)

    def title_bar(pg: int, title: str) -> None:
        doc.op(pg, lambda P: (P.rect(0, 24, W, 62, stroke=None, fill=BLUE),
                              P.rect(0, 86, W, 4, stroke=None, fill=RED)))
        place_text(doc, pg, X0, 36, X1 - X0, [title], Style(size=26, leading=38, bold=True, color=WHITE), heading=True)

    # ---- 1: title slide (no number)
    pg = doc.new_page(decor=lambda P, i, w: w == "under" and (P.rect(0, 0, W, H, stroke=None, fill=SKY),
                                                              P.rect(0, 150, W, 150, stroke=None, fill=BLUE),
                                                              P.rect(0, 300, W, 6, stroke=None, fill=RED)))
    place_text(doc, pg, 70, 100, 820, [C.COVER["event"]], Style(size=19, leading=28, color=BLUE, bold=True))
    place_text(doc, pg, 70, 180, 830, [C.COVER["title"]], Style(size=34, leading=48, bold=True, color=WHITE),
               heading=True)
    place_text(doc, pg, 70, 238, 820, [C.COVER["subtitle"]], Style(size=20, leading=30, color=WHITE))
    place_text(doc, pg, 70, 340, 820, [C.COVER["date"]], Style(size=17, leading=28))
    place_text(doc, pg, 70, 370, 820, [C.COVER["place"]], Style(size=17, leading=28))
    place_text(doc, pg, 70, 430, 820, [C.COVER["by"]], Style(size=20, leading=30, bold=True, color=BLUE))

    # ---- 2: agenda
    pg = numbered(2)
    title_bar(pg, C.AGENDA["title"])
    y = 116.0
    for k, it in enumerate(C.AGENDA["items"]):
        col, row = divmod(k, 3)
        x = X0 + 30 + col * 430
        yy = y + row * 74
        doc.op(pg, lambda P, x=x, yy=yy: (P.rect(x, yy, 400, 56, stroke=BLUE, fill=WHITE, width=1.4, radius=6),
                                          P.rect(x, yy, 10, 56, stroke=None, fill=RED)))
        place_text(doc, pg, x + 26, yy + 12, 360, [it], Style(size=21, leading=32, bold=True))
    place_text(doc, pg, X0 + 30, y + 3 * 74 + 20, X1 - X0 - 60, [C.AGENDA["note"]],
               Style(size=15, leading=24, color=GRAY))

    # ---- content slides
    for n, sl in enumerate(C.SLIDES, start=3):
        pg = numbered(n)
        title_bar(pg, sl["title"])
        y = 108.0
        if sl.get("lead"):
            y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(sl["lead"]), Style(size=17, leading=26)) + 8
        kind = sl["kind"]
        if kind == "bullets":
            y = _bullets(doc, pg, y, sl["items"])
            if sl.get("box"):
                y = _callout(doc, pg, y + 14, *sl["box"])
        elif kind == "table":
            y = _table(doc, pg, y, sl["table"])
        elif kind == "boxes":
            y = _boxes(doc, pg, y, sl["boxes"])
        elif kind == "grid":
            y = _grid(doc, pg, y, sl)
        elif kind == "flow":
            y = _flow(doc, pg, y + 6, sl["steps"])
            y = _bullets(doc, pg, y, sl["items"])
        elif kind == "timeline":
            y = _timeline(doc, pg, y + 4, sl["years"])
        elif kind == "qa":
            y = _qa(doc, pg, y, sl["qas"])
        elif kind == "contact":
            y = _contact(doc, pg, y + 10, sl["blocks"])
        else:
            raise KeyError(kind)
        if sl.get("note"):
            y = _note(doc, pg, y + 12, sl["note"])
        if y > H - 46:
            raise AssertionError(f"slide {pg + 1} overflows ({y:.0f})")
    return doc


def _bullets(doc, pg, y, items) -> float:
    for t in items:
        if t.startswith("・"):
            st, x = Style(size=20, leading=30, hang=20, sb=7), X0 + 10
        elif t.startswith("－"):
            st, x = Style(size=17, leading=25, hang=17, sb=2, color=(0.2, 0.2, 0.2)), X0 + 44
        else:
            t = t.lstrip("　")
            st, x = Style(size=15, leading=22, hang=15, sb=2, color=GRAY), X0 + 44
        y += place_text(doc, pg, x, y, X1 - x - 10, split_sentences(t), st, extra={"item": True})
    return y


def _callout(doc, pg, y, title, text) -> float:
    st = Style(size=17, leading=26)
    inner = X1 - X0 - 60
    h = text_height(split_sentences(text), inner, st) + 44
    doc.op(pg, lambda P: (P.rect(X0 + 10, y, X1 - X0 - 20, h, stroke=RED, fill=(1, 0.96, 0.95), width=1.5, radius=6),
                          P.rect(X0 + 10, y, sw(title, G, 15) + 30, 26, stroke=None, fill=RED, radius=6)))
    place_text(doc, pg, X0 + 25, y + 2, 500, [title], Style(size=15, leading=22, bold=True, color=WHITE),
               heading=True, extra={"box": True})
    place_text(doc, pg, X0 + 30, y + 34, inner, split_sentences(text), st, extra={"box": True})
    return y + h


def _note(doc, pg, y, text) -> float:
    st = Style(size=14.5, leading=22)
    h = text_height(split_sentences(text), X1 - X0 - 40, st)
    doc.op(pg, lambda P: P.rect(X0, y, X1 - X0, h + 14, stroke=None, fill=SKY, radius=5))
    place_text(doc, pg, X0 + 20, y + 7, X1 - X0 - 40, split_sentences(text), st, extra={"note": True})
    return y + h + 14


def _table(doc, pg, y, spec) -> float:
    ts = TableSpec(**spec, size=16, leading=23, pad=6, header_fill=(0.85, 0.9, 0.96),
                   caption_style=Style(size=16, leading=26, bold=True, keep_next=True))
    width = X1 - X0 - 80
    caps, header, rows, notes = table_parts(doc, ts, width)
    x = X0 + 40
    for b in caps + [header()] + rows + notes:
        y += b.sb
        doc.place(pg, b, x, y)
        y += b.h
    return y


def _boxes(doc, pg, y, boxes) -> float:
    k = len(boxes)
    gap = 22.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    tst = Style(size=19, leading=30, bold=True, color=WHITE, align="center")
    sst = Style(size=22, leading=34, bold=True, align="center")
    bst = Style(size=15, leading=23, hang=15, sb=4)
    bh = max(sum(text_height(split_sentences(t), bw - 28, bst) for t in lines) for _t, _s, lines in boxes)
    bh += tst.leading + sst.leading + 40
    for i, (title, sub, lines) in enumerate(boxes):
        x = X0 + i * (bw + gap)
        fill = FILLS[i % len(FILLS)]
        doc.op(pg, lambda P, x=x, fill=fill: (P.rect(x, y, bw, bh, stroke=fill, fill=WHITE, width=1.6, radius=6),
                                               P.rect(x, y, bw, tst.leading + 8, stroke=None, fill=fill, radius=6)))
        place_text(doc, pg, x, y + 4, bw, [title], tst, heading=True, extra={"box": True})
        sub_st = sst.but(color=fill, size=22 if sub[:1].isdigit() else 17)
        place_text(doc, pg, x, y + tst.leading + 14, bw, [sub], sub_st, extra={"box": True})
        yy = y + tst.leading + sst.leading + 24
        for t in lines:
            yy += place_text(doc, pg, x + 14, yy, bw - 28, split_sentences(t), bst, extra={"box": True})
    return y + bh


def _grid(doc, pg, y, sl) -> float:
    head_w, head_h = 130.0, 36.0
    cw = (X1 - X0 - head_w) / 2
    bst = Style(size=16, leading=25, hang=16, sb=3)
    rh = [max(sum(text_height([t], cw - 24, bst) for t in sl["cells"][r * 2 + c]) for c in range(2)) + 18
          for r in range(2)]
    for c, name in enumerate(sl["cols"]):
        x = X0 + head_w + c * cw
        doc.op(pg, lambda P, x=x, c=c: P.rect(x, y, cw, head_h, stroke=WHITE, fill=FILLS[c], width=2))
        place_text(doc, pg, x, y + 6, cw, [name], Style(size=18, leading=24, bold=True, color=WHITE, align="center"),
                   heading=True, extra={"box": True})
    yy = y + head_h
    for r, name in enumerate(sl["rows"]):
        doc.op(pg, lambda P, yy=yy, r=r: P.rect(X0, yy, head_w, rh[r], stroke=WHITE, fill=(0.8, 0.84, 0.9), width=2))
        place_text(doc, pg, X0, yy + rh[r] / 2 - 12, head_w, [name], Style(size=18, leading=24, bold=True,
                                                                           align="center"), heading=True,
                   extra={"box": True})
        for c in range(2):
            x = X0 + head_w + c * cw
            doc.op(pg, lambda P, x=x, yy=yy, r=r: P.rect(x, yy, cw, rh[r], stroke=(0.7, 0.7, 0.7), fill=WHITE,
                                                          width=1))
            ty = yy + 8
            for t in sl["cells"][r * 2 + c]:
                ty += place_text(doc, pg, x + 12, ty, cw - 24, [t], bst, extra={"box": True})
        yy += rh[r]
    return yy


def _flow(doc, pg, y, steps) -> float:
    k = len(steps)
    gap = 30.0
    bw = (X1 - X0 - gap * (k - 1)) / k
    bh = 58.0
    for i, (label, when) in enumerate(steps):
        x = X0 + i * (bw + gap)
        doc.op(pg, lambda P, x=x: P.rect(x, y, bw, bh, stroke=BLUE, fill=SKY, width=1.8, radius=8))
        place_text(doc, pg, x, y + 14, bw, [label], Style(size=19, leading=28, bold=True, color=BLUE, align="center"))
        if i < k - 1:
            x2 = x + bw + 3
            doc.op(pg, lambda P, x2=x2: P.poly([(x2, y + bh / 2 - 12), (x2 + gap - 6, y + bh / 2),
                                                (x2, y + bh / 2 + 12)], fill=RED))
        place_text(doc, pg, x, y + bh + 8, bw, [when], Style(size=15, leading=22, color=RED, bold=True, align="center"))
    return y + bh + 40


def _timeline(doc, pg, y, years) -> float:
    lab_w = 130.0
    band = 150.0
    for r, (fy, events) in enumerate(years):
        top = y + r * (band + 8)
        mid = top + band / 2
        fill = FILLS[r]
        doc.op(pg, lambda P, top=top, fill=fill: (P.rect(X0, top, lab_w, band, stroke=None, fill=fill, radius=6),
                                                  P.rect(X0 + lab_w + 6, top, X1 - X0 - lab_w - 6, band, stroke=None,
                                                         fill=(0.97, 0.97, 0.97))))
        place_text(doc, pg, X0, mid - 14, lab_w, [fy], Style(size=20, leading=28, bold=True, color=WHITE,
                                                             align="center"), heading=True)
        x_a, x_b = X0 + lab_w + 30, X1 - 24
        doc.op(pg, lambda P, mid=mid, fill=fill, x_a=x_a, x_b=x_b: (P.line(x_a - 12, mid, x_b, mid, 3, fill),
                                                  P.poly([(x_b, mid - 9), (x_b + 14, mid), (x_b, mid + 9)], fill=fill)))
        k = len(events)
        step = (x_b - x_a) / k
        for i, (when, what) in enumerate(events):
            cx = x_a + step * (i + 0.5)
            doc.op(pg, lambda P, cx=cx, mid=mid, fill=fill: P.rect(cx - 7, mid - 7, 14, 14, stroke=WHITE, fill=fill,
                                                                   width=2, radius=7))
            up = i % 2 == 0  # labels alternate above and below the line
            wy = mid - 62 if up else mid + 14
            place_text(doc, pg, cx - step, wy, 2 * step, [when], Style(size=16, leading=22, bold=True, color=fill,
                                                                        align="center"))
            place_text(doc, pg, cx - step, wy + 22, 2 * step, [what], Style(size=14.5, leading=20, align="center"))
    return y + 2 * band + 8


def _qa(doc, pg, y, qas) -> float:
    for q, a in qas:
        doc.op(pg, lambda P, y=y: (P.rect(X0, y + 2, 30, 30, stroke=None, fill=BLUE, radius=15),
                                   P.text(X0 + 15, y + 23, "Q", G, 17, WHITE, True, "center")))
        y += place_text(doc, pg, X0 + 42, y + 3, X1 - X0 - 42, [q], Style(size=19, leading=28, bold=True, color=BLUE),
                        extra={"q": True}) + 4
        doc.op(pg, lambda P, y=y: (P.rect(X0, y, 30, 30, stroke=None, fill=RED, radius=15),
                                   P.text(X0 + 15, y + 21, "A", G, 17, WHITE, True, "center")))
        y += place_text(doc, pg, X0 + 42, y + 2, X1 - X0 - 42, split_sentences(a), Style(size=17, leading=26),
                        extra={"a": True}) + 14
    return y


def _contact(doc, pg, y, blocks) -> float:
    gap = 26.0
    bw = (X1 - X0 - gap) / 2
    st = Style(size=17, leading=30)
    bh = max(len(lines) for _t, lines in blocks) * st.leading + 62
    for i, (title, lines) in enumerate(blocks):
        x = X0 + i * (bw + gap)
        fill = FILLS[i]
        doc.op(pg, lambda P, x=x, fill=fill: (P.rect(x, y, bw, bh, stroke=fill, fill=WHITE, width=1.8, radius=8),
                                               P.rect(x, y, bw, 38, stroke=None, fill=fill, radius=8)))
        place_text(doc, pg, x + 16, y + 7, bw - 32, [title], Style(size=17, leading=24, bold=True, color=WHITE),
                   heading=True, extra={"box": True})
        yy = y + 50
        for t in lines:
            yy += place_text(doc, pg, x + 18, yy, bw - 36, [t], st, extra={"box": True})
    return y + bh
