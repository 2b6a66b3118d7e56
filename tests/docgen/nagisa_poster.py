"""nagisa-poster.pdf: 「ひと目でわかる なぎさ県の居住支援（令和8年度版）」, a four-page A3 LANDSCAPE infographic of the
なぎさ県 建築住宅局 居住安定推進課 (令和8年4月) (fictional なぎさ県), held-out set BLIND38.

No /Title, no flowing text: every element is placed at a fixed position.  Page 1: a full-width sea-blue title band with a
wave, six NUMBER CARDS (a drawn pictogram, a label wrapped beside it, a BIG number with its unit in a smaller size on the
same baseline — pdfplumber puts the big numbers of a row on one line and the units on another —, two small lines), an
ICON ARRAY (100 person pictograms coloured by category, one per cent, with a legend 「高齢者 47％ （697件）」 in three sizes)
and a schematic MAP (a land polygon, dashed 圏域 boundaries, 14 municipalities as coloured dots with their names under
them, the 圏域 names in the sea, a legend by status with counts).  Page 2: a HUB-AND-SPOKE diagram (a circle 「なぎさ県」
in the middle, arrows to five menu cards, each with a numbered header strip, 「上限」「60」「万円」 in three sizes and
wrapped details; pdfplumber reads the cards of a row across), a budget panel with a big total and a TREEMAP of four
cells (label and amount inside), and a five-step CHEVRON flow with dates and ※ notes.  Page 3: a GANTT chart (task and
担当 columns, a two-level month header 令和8年 / 令和9年 over 4月…3月, bars with a label inside, drawn diamonds and a star
with a label beside them; the month is only the column) with a legend of drawn shapes and ※ notes, then a TIMELINE
(dots on an arrow, date and text alternating above and below the line) ending in a goal box.  Page 4: three case cards
(two big numbers each), three speech BUBBLES with attributions, a news box and a contact box (three desks).
Running header (right, small) from page 2; footer: the issuer at the left and 「n / 4」 in a pill at the right.

Truth: every printed text is a sentence (big numbers and their units separately, flag `chart` for figures, `value`
for numbers); the Gantt is also a table (task, 担当, one cell per month holding the label of the bar / mark that starts
there).
"""

from __future__ import annotations

import math

from reportlab.lib.pagesizes import A3, landscape

from . import content_nagisa_poster as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    place_text,
    split_sentences,
    sw,
    wrap,
)

W, H = landscape(A3)
SEA = (0.04, 0.40, 0.58)
SEA_D = (0.02, 0.26, 0.40)
SEA_L = (0.88, 0.95, 0.98)
SAND = (0.99, 0.95, 0.86)
CORAL = (0.93, 0.42, 0.32)
SUN = (0.98, 0.72, 0.16)
GREEN = (0.20, 0.60, 0.42)
GRAY = (0.42, 0.42, 0.42)
LGRAY = (0.80, 0.80, 0.80)
WHITE = (1, 1, 1)
STATUS_COL = {"done": SEA, "prep": CORAL, "study": SUN, "none": (0.72, 0.72, 0.72)}
MENU_COL = [SEA, GREEN, CORAL, (0.45, 0.36, 0.66), (0.86, 0.50, 0.12)]


# --------------------------------------------------------------------------- helpers

def _lab(doc: Doc, pg: int, x: float, y: float, text: str, size: float = 10.0, color=BLACK, bold: bool = False,
         align: str = "left", maxw: float | None = None, font: str = G, **flags) -> float:
    """One line of text with its baseline at y; returns its width."""
    w = sw(text, font, size)
    if maxw is not None and w > maxw + 0.5:
        raise AssertionError(f"nagisa-poster p{pg}: label too wide ({w:.0f} > {maxw:.0f}): {text}")
    sid = doc.truth.sentence(text, **flags)

    def draw(P, _x, _y):
        P.text(x, y, text, font, size, color, bold, align)

    doc.place(pg, Block(h=0, draw=draw, frags=[(sid, text)]), x, y)
    return w


def _para(doc: Doc, pg: int, x: float, y: float, w: float, texts, st: Style, max_h: float | None = None,
          **flags) -> float:
    if isinstance(texts, str):
        texts = [texts]
    sents = [s for t in texts for s in split_sentences(t)]
    return place_text(doc, pg, x, y, w, sents, st, extra=flags or None, max_h=max_h)


def _paras(doc: Doc, pg: int, x: float, y: float, w: float, texts: list, st: Style, gap: float = 3.0,
           max_h: float | None = None, **flags) -> float:
    """Each text a paragraph of its own; returns the height used."""
    yy = y
    for k, t in enumerate(texts):
        yy += _para(doc, pg, x, yy, w, t, st, **flags) + (gap if k < len(texts) - 1 else 0.0)
    used = yy - y
    if max_h is not None and used > max_h + 0.5:
        raise AssertionError(f"nagisa-poster p{pg}: paragraphs overflow ({used:.0f} > {max_h:.0f}): {texts[0][:20]}")
    return used


def _lines(doc: Doc, pg: int, x: float, y: float, lines: list[str], size: float, leading: float, color=BLACK,
           bold: bool = False, maxw: float | None = None, **flags) -> None:
    """One sentence printed over fixed lines (first baseline at y)."""
    for ln in lines:
        if maxw is not None and sw(ln, G, size) > maxw + 0.5:
            raise AssertionError(f"nagisa-poster p{pg}: line too wide: {ln}")
    sid = doc.truth.sentence("".join(lines), **flags)

    def draw(P, _x, _y):
        for k, ln in enumerate(lines):
            P.text(x, y + k * leading, ln, G, size, color, bold)

    doc.place(pg, Block(h=0, draw=draw, frags=[(sid, ln) for ln in lines]), x, y)


def _shape(doc: Doc, pg: int, fn) -> None:
    doc.op(pg, fn)


def _big(doc: Doc, pg: int, x: float, y: float, prefix: str, big: str, unit: str, color, size: float = 40.0,
         psize: float = 13.0, usize: float = 14.0, maxw: float | None = None) -> float:
    """「上限」「60」「万円」 on one baseline in three sizes; returns the width."""
    total = (sw(prefix, G, psize) + 3 if prefix else 0) + sw(big, G, size) + 3 + sw(unit, G, usize)
    if maxw is not None and total > maxw + 0.5:
        raise AssertionError(f"nagisa-poster p{pg}: number too wide: {prefix}{big}{unit}")
    xx = x
    if prefix:
        xx += _lab(doc, pg, xx, y, prefix, psize, color, True, chart=True) + 3
    xx += _lab(doc, pg, xx, y, big, size, color, True, chart=True, value=True) + 3
    _lab(doc, pg, xx, y, unit, usize, color, True, chart=True)
    return total


def _arrow(P, x1, y1, x2, y2, color, width=3.0, head=11.0) -> None:
    ang = math.atan2(y2 - y1, x2 - x1)
    bx, by = x2 - head * math.cos(ang), y2 - head * math.sin(ang)
    P.line(x1, y1, bx, by, width, color)
    px, py = -math.sin(ang), math.cos(ang)
    P.poly([(x2, y2), (bx + px * head * 0.55, by + py * head * 0.55), (bx - px * head * 0.55, by - py * head * 0.55)],
           fill=color)


def _diamond(P, cx, cy, r, color) -> None:
    P.poly([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=color)


def _star(P, cx, cy, r, color) -> None:
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.45
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    P.poly(pts, fill=color)


def _person(P, x, y, color, s=1.0) -> None:
    """A pictogram of a person whose head top is at (x, y)."""
    P.c.setFillColorRGB(*color)
    P.c.circle(x, P.H - (y + 4.2 * s), 4.2 * s, stroke=0, fill=1)
    P.rect(x - 5.2 * s, y + 10 * s, 10.4 * s, 13 * s, stroke=None, fill=color, radius=3 * s)


def _icon(P, kind: str, x: float, y: float, color) -> None:
    """A 44-pt pictogram in a circle, top-left at (x, y)."""
    cx, cy = x + 22, y + 22
    P.c.setFillColorRGB(*SEA_L)
    P.c.circle(cx, P.H - cy, 22, stroke=0, fill=1)
    if kind == "people":
        _person(P, cx - 8, cy - 13, color, 0.8)
        _person(P, cx + 8, cy - 13, color, 0.8)
        _person(P, cx, cy - 9, color, 0.9)
    elif kind == "hall":
        P.poly([(cx - 15, cy - 4), (cx, cy - 15), (cx + 15, cy - 4)], fill=color)
        for k in range(4):
            P.rect(cx - 12 + k * 7.4, cy - 2, 3.4, 12, stroke=None, fill=color)
        P.rect(cx - 15, cy + 10, 30, 3.5, stroke=None, fill=color)
    elif kind == "phone":
        P.rect(cx - 14, cy - 13, 28, 19, stroke=None, fill=color, radius=5)
        P.poly([(cx - 6, cy + 5), (cx - 11, cy + 13), (cx + 1, cy + 5)], fill=color)
        for k in range(3):
            P.c.setFillColorRGB(*WHITE)
            P.c.circle(cx - 7 + k * 7, P.H - (cy - 3.5), 2, stroke=0, fill=1)
    elif kind == "key":
        P.c.setFillColorRGB(*color)
        P.c.circle(cx - 7, P.H - cy, 7.5, stroke=0, fill=1)
        P.c.setFillColorRGB(*SEA_L)
        P.c.circle(cx - 7, P.H - cy, 3, stroke=0, fill=1)
        P.rect(cx - 1, cy - 2, 17, 4.5, stroke=None, fill=color)
        P.rect(cx + 10, cy + 2, 3.5, 6, stroke=None, fill=color)
        P.rect(cx + 4, cy + 2, 3.5, 4, stroke=None, fill=color)
    elif kind == "house":
        P.poly([(cx - 16, cy - 1), (cx, cy - 15), (cx + 16, cy - 1)], fill=color)
        P.rect(cx - 11, cy - 2, 22, 15, stroke=None, fill=color)
        P.rect(cx - 3.5, cy + 4, 7, 9, stroke=None, fill=SEA_L)
    else:  # badge
        _person(P, cx - 4, cy - 14, color, 1.0)
        P.rect(cx + 4, cy + 1, 11, 8, stroke=None, fill=CORAL, radius=1.5)


# --------------------------------------------------------------------------- document

def build() -> Doc:
    doc = Doc("nagisa-poster.pdf", (W, H), C.TITLE,
              "A3 landscape infographic: number cards, icon array, schematic map, hub-and-spoke, treemap, chevrons, "
              "Gantt, timeline, bubbles", meta_title=None, author="なぎさ県 建築住宅局 居住安定推進課")

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(W - 36, 24, info["header"], G, 8.6, GRAY, align="right")
        n = info["printed"]
        pill = f"{n} / {C.NPAGES}"
        P.line(36, H - 34, W - 36, H - 34, 0.5, LGRAY)
        P.text(36, H - 18, C.ISSUE, G, 8.6, GRAY)
        pw = sw(pill, G, 10) + 20
        P.rect(W - 36 - pw, H - 31, pw, 18, stroke=None, fill=SEA, radius=9)
        P.text(W - 36 - pw / 2, H - 18, pill, G, 10, WHITE, True, "center")

    def new_page(n: int) -> int:
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None,
                            footer=f"{C.ISSUE}　{n} / {C.NPAGES}", decor=decor)

    _page1(doc, new_page(1))
    _page2(doc, new_page(2))
    _page3(doc, new_page(3))
    _page4(doc, new_page(4))
    return doc


def _heading(doc: Doc, pg: int, text: str, sub: str | None = None) -> None:
    def deco(P):
        P.rect(36, 40, 10, 30, stroke=None, fill=SEA)
        P.rect(50, 40, 22, 30, stroke=None, fill=SEA_L)
        P.line(36, 76, W - 36, 76, 1.2, SEA)

    _shape(doc, pg, deco)
    w = _lab(doc, pg, 82, 65, text, 22, SEA_D, True, heading=True)
    if sub:
        _lab(doc, pg, 82 + w + 14, 65, sub, 12, GRAY)


# --------------------------------------------------------------------------- page 1

def _page1(doc: Doc, pg: int) -> None:
    def band(P):
        P.rect(30, 26, W - 60, 100, stroke=None, fill=SEA)
        pts = [(30, 126)]
        for k in range(0, 113):
            x = 30 + k * (W - 60) / 112
            pts.append((x, 112 + 6 * math.sin(k / 4.0)))
        pts.append((W - 30, 126))
        P.poly(pts, fill=(0.10, 0.52, 0.70))
        P.c.setFillColorRGB(*SUN)
        P.c.circle(W - 80, H - 62, 22, stroke=0, fill=1)

    _shape(doc, pg, band)
    tw = _lab(doc, pg, 56, 76, C.TITLE_MAIN, 34, WHITE, True, heading=True)

    def tag(P, tw=tw):
        w = sw(C.TITLE_TAG, G, 15) + 22
        P.rect(56 + tw + 16, 50, w, 28, stroke=None, fill=WHITE, radius=14)

    _shape(doc, pg, tag)
    _lab(doc, pg, 56 + tw + 27, 70, C.TITLE_TAG, 15, SEA, True)
    _lab(doc, pg, 58, 104, C.SUBTITLE, 14, WHITE, True)

    # number cards
    def head_deco(P):
        P.rect(36, 144, 8, 22, stroke=None, fill=CORAL)

    _shape(doc, pg, head_deco)
    _lab(doc, pg, 52, 162, C.P1_HEAD, 16, SEA_D, True, heading=True)
    cw_, ch_, gap = 214.0, 150.0, 14.0
    for k, (icon, label, big, unit, subs) in enumerate(C.CARDS):
        x = 36 + (k % 3) * (cw_ + gap)
        y = 176 + (k // 3) * (ch_ + gap)

        def card(P, x=x, y=y, icon=icon):
            P.rect(x, y, cw_, ch_, stroke=(0.70, 0.82, 0.88), fill=WHITE, width=1.0, radius=8)
            P.rect(x, y, cw_, 5, stroke=None, fill=SEA, radius=2)
            _icon(P, icon, x + 12, y + 14, SEA)

        _shape(doc, pg, card)
        _lines(doc, pg, x + 64, y + 28, label, 11.2, 15.5, BLACK, True, maxw=cw_ - 72, chart=True)
        _big(doc, pg, x + 16, y + 104, "", big, unit, SEA_D if k % 2 == 0 else CORAL, size=42, usize=15,
             maxw=cw_ - 24)
        for j, s in enumerate(subs):
            _lab(doc, pg, x + 16, y + 124 + j * 14, s, 9.0, GRAY, maxw=cw_ - 24)

    # icon array
    ay = 526.0

    def ahead(P):
        P.rect(36, ay - 18, 8, 22, stroke=None, fill=CORAL)

    _shape(doc, pg, ahead)
    _lab(doc, pg, 52, ay, C.ICON_TITLE, 15, SEA_D, True, heading=True)
    cols = [SEA, CORAL, GREEN, SUN, (0.45, 0.36, 0.66), (0.65, 0.65, 0.65)]
    seq = [cols[i] for i, (_l, pct, _c) in enumerate(C.ICON_ROWS) for _ in range(pct)]
    assert len(seq) == 100

    def icons(P):
        for i, col in enumerate(seq):
            r, c = divmod(i, 20)
            _person(P, 50 + c * 20, ay + 20 + r * 36, col, 0.95)

    _shape(doc, pg, icons)
    lx = 470.0
    for i, (label, pct, cnt) in enumerate(C.ICON_ROWS):
        yb = ay + 38 + i * 30

        def sq(P, yb=yb, col=cols[i]):
            P.rect(lx, yb - 11, 12, 12, stroke=None, fill=col, radius=2)

        _shape(doc, pg, sq)
        _lab(doc, pg, lx + 18, yb, label, 11, BLACK, True, chart=True, maxw=84)
        _lab(doc, pg, lx + 150, yb, f"{pct}％", 17, cols[i] if i != 5 else GRAY, True, "right", chart=True, value=True)
        _lab(doc, pg, lx + 156, yb, f"（{cnt}）", 10, GRAY, chart=True, maxw=80)
    _lab(doc, pg, 50, ay + 212, C.ICON_NOTE, 9.2, GRAY)

    # map
    mx, my, mw, mh = 734.0, 176.0, 420.0, 420.0

    def mframe(P):
        P.rect(724, 132, 440, 668, stroke=(0.70, 0.82, 0.88), fill=WHITE, width=1.0, radius=8)
        P.rect(mx, my, mw, mh, stroke=None, fill=(0.80, 0.91, 0.97), radius=4)
        land = [(0.02, 0.05), (0.3, 0.02), (0.6, 0.04), (0.98, 0.03), (0.97, 0.6), (0.93, 0.80), (0.78, 0.88),
                (0.62, 0.82), (0.52, 0.90), (0.36, 0.85), (0.20, 0.90), (0.05, 0.84), (0.03, 0.5)]
        P.poly([(mx + a * mw, my + b * mh) for a, b in land], fill=SAND, stroke=(0.78, 0.70, 0.52))
        for bx, top, bot in ((0.375, 0.03, 0.86), (0.67, 0.04, 0.84)):
            P.line(mx + bx * mw, my + top * mh, mx + bx * mw, my + bot * mh, 1.0, (0.62, 0.55, 0.42), dash=([4, 3], 0))
        for name, (a, b, st, _k) in C.MUNI.items():
            P.c.setFillColorRGB(*STATUS_COL[st])
            P.c.setStrokeColorRGB(*WHITE)
            P.c.setLineWidth(1.5)
            P.c.circle(mx + a * mw, P.H - (my + b * mh), 9, stroke=1, fill=1)
            if name in ("浦波町", "漁火町"):
                pass
        # a line joining the two towns of the joint council
        a1, b1 = C.MUNI["浦波町"][:2]
        a2, b2 = C.MUNI["漁火町"][:2]
        P.line(mx + a1 * mw + 9, my + b1 * mh, mx + a2 * mw - 9, my + b2 * mh, 1.6, SEA, dash=([3, 2], 0))

    _shape(doc, pg, mframe)
    _lab(doc, pg, 740, 160, C.MAP_TITLE, 14, SEA_D, True, heading=True, maxw=412)
    for name, (a, b, _st, _k) in sorted(C.MUNI.items(), key=lambda kv: (kv[1][1], kv[1][0])):
        _lab(doc, pg, mx + a * mw, my + b * mh + 22, name, 9.6, BLACK, True, "center", chart=True)
    for name, a, b in C.MAP_AREAS:
        _lab(doc, pg, mx + a * mw, my + b * mh, name, 12, (0.30, 0.50, 0.62), True, "center", chart=True)
    ly = my + mh + 28
    for i, (st, text) in enumerate(C.STATUS.items()):
        x = 744 + (i % 2) * 205
        yb = ly + (i // 2) * 22

        def dot(P, x=x, yb=yb, st=st):
            P.c.setFillColorRGB(*STATUS_COL[st])
            P.c.circle(x + 7, P.H - (yb - 4), 7, stroke=0, fill=1)

        _shape(doc, pg, dot)
        _lab(doc, pg, x + 20, yb, text, 10.5, BLACK, chart=True, legend=True, maxw=180)
    _paras(doc, pg, 744, ly + 44, 400, C.MAP_NOTES, Style(size=9.0, leading=14, hang=9.0), gap=2, max_h=60, note=True)


# --------------------------------------------------------------------------- page 2

def _page2(doc: Doc, pg: int) -> None:
    _heading(doc, pg, C.P2_HEAD)
    hx, hy, hr = 415.0, 372.0, 64.0
    cw_, ch_ = 240.0, 168.0
    pos = [(40, 92), (550, 92), (40, 290), (550, 290), (295, 472)]
    ends = [(280, 210), (550, 210), (280, 372), (550, 372), (415, 472)]

    def hub(P):
        for ex, ey in ends:
            ang = math.atan2(ey - hy, ex - hx)
            _arrow(P, hx + hr * math.cos(ang), hy + hr * math.sin(ang), ex, ey, (0.55, 0.70, 0.78), 4.0, 13)
        P.c.setFillColorRGB(*SEA)
        P.c.circle(hx, P.H - hy, hr, stroke=0, fill=1)
        P.c.setStrokeColorRGB(*SEA_L)
        P.c.setLineWidth(3)
        P.c.circle(hx, P.H - hy, hr - 6, stroke=1, fill=0)

    _shape(doc, pg, hub)
    _lab(doc, pg, hx, hy - 4, C.HUB[0], 19, WHITE, True, "center", chart=True)
    _lab(doc, pg, hx, hy + 16, C.HUB[1], 9.4, WHITE, False, "center", chart=True)
    _lab(doc, pg, hx, hy + 29, C.HUB[2], 9.4, WHITE, False, "center", chart=True)

    for k, ((no, title, prefix, big, unit, details), (x, y)) in enumerate(zip(C.MENUS, pos, strict=True)):
        col = MENU_COL[k]

        def card(P, x=x, y=y, col=col, no=no):
            P.rect(x, y, cw_, ch_, stroke=col, fill=WHITE, width=1.4, radius=8)
            P.rect(x, y, cw_, 30, stroke=None, fill=col, radius=8)
            P.rect(x, y + 20, cw_, 10, stroke=None, fill=col)
            P.c.setFillColorRGB(*WHITE)
            P.c.circle(x + 20, P.H - (y + 15), 10, stroke=0, fill=1)

        _shape(doc, pg, card)
        _lab(doc, pg, x + 20, y + 20, no, 12, col, True, "center", chart=True)
        _lab(doc, pg, x + 38, y + 21, title, 12.5, WHITE, True, heading=True, maxw=cw_ - 44)
        _big(doc, pg, x + 14, y + 72, prefix, big, unit, col, size=36 if len(big) < 5 else 30, psize=13, usize=13,
             maxw=cw_ - 24)
        _paras(doc, pg, x + 12, y + 84, cw_ - 24, details, Style(size=9.4, leading=14.2, hang=0), gap=2,
               max_h=ch_ - 90)

    # budget panel
    bx, by, bw, bh = 820.0, 92.0, 334.0, 548.0

    def panel(P):
        P.rect(bx, by, bw, bh, stroke=(0.70, 0.82, 0.88), fill=(0.97, 0.99, 1.0), width=1.0, radius=8)

    _shape(doc, pg, panel)
    _lab(doc, pg, bx + 18, by + 28, C.BUDGET_TITLE, 15, SEA_D, True, heading=True)
    _big(doc, pg, bx + 18, by + 86, "", C.BUDGET_BIG, C.BUDGET_UNIT, SEA_D, size=48, usize=16)
    _lab(doc, pg, bx + 18, by + 108, C.BUDGET_SUB, 10.5, GRAY)
    tx, ty, tw, th = bx + 18, by + 124, bw - 36, 300.0
    total = sum(v for _l, _a, v in C.BUDGET)
    first = C.BUDGET[0]
    w0 = tw * first[2] / total
    rest = total - first[2]
    cells = [(tx, ty, w0 - 2, th, first)]
    yy = ty
    for item in C.BUDGET[1:]:
        h = th * item[2] / rest
        cells.append((tx + w0 + 2, yy, tw - w0 - 2, h - 3, item))
        yy += h
    tcols = [SEA, GREEN, CORAL, (0.45, 0.36, 0.66)]

    def tree(P):
        for (x, y, w, h, _it), col in zip(cells, tcols, strict=True):
            P.rect(x, y, w, h, stroke=None, fill=col, radius=3)

    _shape(doc, pg, tree)
    for x, y, w, h, (label, amount, _v) in cells:
        used = _para(doc, pg, x + 8, y + 6, w - 16, label, Style(size=10.4, leading=14, bold=True, color=WHITE),
                     max_h=h - 30, chart=True)
        _lab(doc, pg, x + 8, y + 6 + used + 17, amount, 17, WHITE, True, chart=True, value=True, maxw=w - 16)
    _paras(doc, pg, tx, ty + th + 10, tw, C.BUDGET_NOTES, Style(size=9.2, leading=14, hang=9.2), gap=3, max_h=80,
           note=True)

    # chevron flow
    fy = 684.0
    _lab(doc, pg, 40, fy - 10, C.FLOW_TITLE, 15, SEA_D, True, heading=True)
    n = len(C.FLOW)
    fw = (W - 80 + 6 + 12 * (n - 1)) / n
    for i, (step, date) in enumerate(C.FLOW):
        x = 40 + i * (fw - 12)
        col = [SEA, (0.07, 0.47, 0.66), (0.10, 0.54, 0.72), (0.16, 0.60, 0.76), CORAL][i]

        def chev(P, x=x, col=col, i=i):
            tip = 18
            pts = [(x, fy), (x + fw - tip - 6, fy), (x + fw - 6, fy + 30), (x + fw - tip - 6, fy + 60), (x, fy + 60)]
            if i:
                pts.append((x + tip, fy + 30))
            P.poly(pts, fill=col)

        _shape(doc, pg, chev)
        cx = x + (fw - 6) / 2 + (6 if i else 0)
        _lab(doc, pg, cx, fy + 26, f"{i + 1} {step}", 13, WHITE, True, "center", maxw=fw - 50)
        _lab(doc, pg, cx, fy + 46, date, 10.5, WHITE, False, "center", maxw=fw - 50)
    _paras(doc, pg, 40, fy + 70, W - 80, C.FLOW_NOTES, Style(size=9.4, leading=14.5), gap=0, max_h=32, note=True)


# --------------------------------------------------------------------------- page 3

def _page3(doc: Doc, pg: int) -> None:
    T = doc.truth
    sid = T.sentence(C.P3_HEAD, heading=True, caption=True)

    def deco(P):
        P.rect(36, 40, 10, 30, stroke=None, fill=SEA)
        P.rect(50, 40, 22, 30, stroke=None, fill=SEA_L)
        P.line(36, 76, W - 36, 76, 1.2, SEA)

    _shape(doc, pg, deco)
    doc.place(pg, Block(h=0, draw=lambda P, x, y: P.text(82, 65, C.P3_HEAD, G, 22, SEA_D, True),
                        frags=[(sid, C.P3_HEAD)]), 82, 65)
    _lab(doc, pg, 82 + sw(C.P3_HEAD, G, 22) + 14, 65, "（" + C.GANTT_SUB + "）", 12, GRAY)

    x0, x1 = 40.0, W - 40.0
    namew, whow = 250.0, 92.0
    mw = (x1 - x0 - namew - whow) / 12
    mx0 = x0 + namew + whow
    y0 = 92.0
    yh1, yh2 = 20.0, 24.0
    rh = 40.0
    rows_y = y0 + yh1 + yh2
    header = C.GANTT_HEAD + C.MONTHS
    cells = []
    for task, who, marks in C.GANTT:
        row = [task, who] + [""] * 12
        for mk in marks:
            m = mk[1]
            row[2 + m] = (row[2 + m] + "・" if row[2 + m] else "") + mk[-1]
        cells.append(row)
    tid = T.table(C.P3_HEAD, None, header, cells)

    def grid(P):
        P.rect(x0, y0, x1 - x0, yh1 + yh2, stroke=None, fill=SEA_D)
        for i in range(len(C.GANTT)):
            yy = rows_y + i * rh
            P.rect(x0, yy, x1 - x0, rh, stroke=None, fill=(0.95, 0.97, 0.99) if i % 2 else WHITE)
            P.line(x0, yy + rh, x1, yy + rh, 0.4, LGRAY)
        for m in range(13):
            xx = mx0 + m * mw
            P.line(xx, y0 + (yh1 if 0 < m < 12 and m != 9 else 0), xx, rows_y + len(C.GANTT) * rh, 0.4,
                   (0.6, 0.7, 0.78) if m else GRAY)
        P.line(mx0, y0 + yh1, x1, y0 + yh1, 0.5, WHITE)
        P.line(x0 + namew, y0, x0 + namew, rows_y + len(C.GANTT) * rh, 0.6, GRAY)
        P.rect(x0, y0, x1 - x0, yh1 + yh2 + len(C.GANTT) * rh, stroke=GRAY, fill=None, width=0.8)

    _shape(doc, pg, grid)

    def hdr(text, x, yb, size=10.5):
        return Block(h=0, draw=lambda P, _x, _y: P.text(x, yb, text, G, size, WHITE, True, "center"), table=tid)

    doc.place(pg, hdr(C.GANTT_HEAD[0], x0 + namew / 2, y0 + 27), 0, y0)
    doc.place(pg, hdr(C.GANTT_HEAD[1], x0 + namew + whow / 2, y0 + 27), 0, y0)
    doc.place(pg, hdr("令和8年", mx0 + 4.5 * mw, y0 + 14, 10), 0, y0)
    doc.place(pg, hdr("令和9年", mx0 + 10.5 * mw, y0 + 14, 10), 0, y0)
    for m, name in enumerate(C.MONTHS):
        doc.place(pg, hdr(name, mx0 + (m + 0.5) * mw, y0 + yh1 + 17), 0, y0)
    bar_cols = [SEA, (0.10, 0.54, 0.72), GREEN]
    for i, (task, who, marks) in enumerate(C.GANTT):
        yy = rows_y + i * rh
        if sw(task, G, 10.5) > namew - 14:
            raise AssertionError(f"nagisa-poster: Gantt task too long: {task}")

        def row_text(P, _x, _y, task=task, who=who, yy=yy):
            P.text(x0 + 8, yy + 25, task, G, 10.5, BLACK, True)
            P.text(x0 + namew + whow / 2, yy + 25, who, G, 9.6, BLACK, False, "center")

        doc.place(pg, Block(h=0, draw=row_text, table=tid, row=i), x0, yy)
        for mk in marks:
            kind = mk[0]
            if kind == "bar":
                _k, m0, m1, label = mk
                bx0, bx1 = mx0 + m0 * mw + 3, mx0 + (m1 + 1) * mw - 3
                if sw(label, G, 9.6) > bx1 - bx0 - 12:
                    raise AssertionError(f"nagisa-poster: bar label too long: {label}")

                def bar(P, bx0=bx0, bx1=bx1, yy=yy, col=bar_cols[i % 3]):
                    P.rect(bx0, yy + 9, bx1 - bx0, 22, stroke=None, fill=col, radius=5)

                _shape(doc, pg, bar)
                _lab(doc, pg, bx0 + 7, yy + 24, label, 9.6, WHITE, True, chart=True)
            else:
                _k, m, label = mk
                cx = mx0 + m * mw + 12
                if sw(label, G, 9.6) > mw - 24:
                    raise AssertionError(f"nagisa-poster: mark label too long: {label}")

                def mark(P, cx=cx, yy=yy, kind=kind):
                    if kind == "star":
                        _star(P, cx, yy + 20, 10, CORAL)
                    else:
                        _diamond(P, cx, yy + 20, 7.5, SEA_D)

                _shape(doc, pg, mark)
                _lab(doc, pg, cx + (13 if kind == "star" else 10), yy + 24, label, 9.6,
                     CORAL if kind == "star" else BLACK, kind == "star", chart=True)
    # legend and notes
    ly = rows_y + len(C.GANTT) * rh + 22
    lx = x0
    for kind, text in C.GANTT_LEGEND:
        def lg(P, lx=lx, kind=kind):
            if kind == "bar":
                P.rect(lx, ly - 10, 26, 11, stroke=None, fill=SEA, radius=3)
            elif kind == "ms":
                _diamond(P, lx + 8, ly - 4.5, 6.5, SEA_D)
            else:
                _star(P, lx + 8, ly - 4.5, 8, CORAL)

        _shape(doc, pg, lg)
        w = _lab(doc, pg, lx + (32 if kind == "bar" else 20), ly, text, 10, BLACK, legend=True)
        lx += (32 if kind == "bar" else 20) + w + 26
    _paras(doc, pg, x0, ly + 10, x1 - x0, C.GANTT_NOTES, Style(size=9.6, leading=15, hang=19), gap=0, max_h=48,
           note=True)

    # timeline
    ty = 714.0
    _lab(doc, pg, 40, 644, C.TL_TITLE, 15, SEA_D, True, heading=True)
    step = 100.0
    xs = [62 + i * step for i in range(len(C.TIMELINE))]

    def line(P):
        _arrow(P, 44, ty, 1020, ty, (0.55, 0.70, 0.78), 5.0, 16)
        for i, x in enumerate(xs):
            up = i % 2 == 0
            P.line(x, ty, x, ty - 12 if up else ty + 12, 1.0, GRAY)
            P.c.setFillColorRGB(*(CORAL if i >= 6 else SEA))
            P.c.circle(x, P.H - ty, 6, stroke=0, fill=1)
        P.rect(1034, 664, 118, 100, stroke=None, fill=CORAL, radius=8)

    _shape(doc, pg, line)
    for i, ((date, text), x) in enumerate(zip(C.TIMELINE, xs, strict=True)):
        up = i % 2 == 0
        if up:
            _lab(doc, pg, x - 8, ty - 46, date, 11, SEA_D, True, chart=True)
            _para(doc, pg, x - 8, ty - 43, 170, text, Style(size=9.8, leading=13.5), max_h=28, chart=True)
        else:
            _lab(doc, pg, x - 8, ty + 30, date, 11, SEA_D, True, chart=True)
            _para(doc, pg, x - 8, ty + 33, 170, text, Style(size=9.8, leading=13.5), max_h=28, chart=True)
    _lab(doc, pg, 1093, 688, C.TL_GOAL[0], 13, WHITE, True, "center", chart=True)
    _lab(doc, pg, 1093, 710, C.TL_GOAL[1], 10.4, WHITE, False, "center", chart=True, maxw=108)
    _lab(doc, pg, 1093, 736, C.TL_GOAL[2], 12.4, WHITE, True, "center", chart=True, maxw=110)


# --------------------------------------------------------------------------- page 4

def _page4(doc: Doc, pg: int) -> None:
    _heading(doc, pg, C.P4_HEAD)
    cw_, ch_, gap = 362.0, 336.0, 12.0
    for k, (name, tag, nums, data, paras, point) in enumerate(C.CASES):
        x, y = 36 + k * (cw_ + gap), 88.0
        col = [SEA, GREEN, CORAL][k]
        tint = [SEA_L, (0.90, 0.96, 0.92), (1.0, 0.93, 0.90)][k]

        def card(P, x=x, y=y, col=col, tag=tag, nd=len(data)):
            P.rect(x, y, cw_, ch_, stroke=col, fill=WHITE, width=1.2, radius=8)
            P.rect(x, y, cw_, 34, stroke=None, fill=col, radius=8)
            P.rect(x, y + 24, cw_, 10, stroke=None, fill=col)
            tw = sw(tag, G, 10) + 18
            P.rect(x + cw_ - 12 - tw, y + 8, tw, 18, stroke=None, fill=WHITE, radius=9)
            P.line(x + cw_ / 2, y + 48, x + cw_ / 2, y + 112, 0.6, LGRAY)
            for j in range(nd + 1):
                P.line(x + 14, y + 122 + j * 19, x + cw_ - 14, y + 122 + j * 19, 0.4, LGRAY)

        _shape(doc, pg, card)
        _lab(doc, pg, x + 14, y + 24, name, 16, WHITE, True, heading=True)
        _lab(doc, pg, x + cw_ - 12 - (sw(tag, G, 10) + 18) / 2, y + 21, tag, 10, col, True, "center")
        for j, (label, big, unit) in enumerate(nums):
            nx = x + 14 + j * cw_ / 2
            _lab(doc, pg, nx, y + 62, label, 10, GRAY, True, chart=True, maxw=cw_ / 2 - 22)
            _big(doc, pg, nx, y + 102, "", big, unit, col, size=34, usize=13, maxw=cw_ / 2 - 22)
        for j, (label, value) in enumerate(data):
            yb = y + 122 + j * 19 + 13.5
            _lab(doc, pg, x + 18, yb, label, 9.6, col, True, maxw=62)
            _lab(doc, pg, x + 84, yb, value, 9.8, BLACK, maxw=cw_ - 100)
        yy = y + 122 + len(data) * 19 + 8
        yy += _paras(doc, pg, x + 14, yy, cw_ - 28, paras, Style(size=10.2, leading=16.4, indent=10.2), gap=0)
        pst = Style(size=9.8, leading=15.2)
        ph = 22 + len(wrap_n(point, cw_ - 48, pst)) * pst.leading + 6

        def pbox(P, x=x, y0=y + ch_ - ph - 12, ph=ph, tint=tint, col=col):
            P.rect(x + 12, y0, cw_ - 24, ph, stroke=None, fill=tint, radius=5)
            P.rect(x + 12, y0, 4, ph, stroke=None, fill=col)

        if yy > y + ch_ - ph - 14:
            raise AssertionError(f"nagisa-poster: case card overflows: {name}")
        _shape(doc, pg, pbox)
        _lab(doc, pg, x + 24, y + ch_ - ph - 12 + 15, C.CASE_POINT, 9.8, col, True, heading=True)
        _para(doc, pg, x + 24, y + ch_ - ph - 12 + 20, cw_ - 48, point, pst)

    # voices
    vy = 450.0
    _lab(doc, pg, 40, vy, C.VOICES_TITLE, 15, SEA_D, True, heading=True)
    bh = 74.0
    for k, (quote, who) in enumerate(C.VOICES):
        x, y = 36 + k * (cw_ + gap), vy + 10

        def bubble(P, x=x, y=y):
            P.rect(x, y, cw_, bh, stroke=(0.70, 0.82, 0.88), fill=SEA_L, width=1.0, radius=14)
            P.poly([(x + 40, y + bh - 1), (x + 62, y + bh - 1), (x + 36, y + bh + 16)], fill=SEA_L)
            P.line(x + 40, y + bh, x + 36, y + bh + 16, 1.0, (0.70, 0.82, 0.88))
            P.line(x + 36, y + bh + 16, x + 62, y + bh, 1.0, (0.70, 0.82, 0.88))

        _shape(doc, pg, bubble)
        _para(doc, pg, x + 16, y + 9, cw_ - 32, "「" + quote + "」", Style(size=10.4, leading=16.4), max_h=bh - 12)
        _lab(doc, pg, x + cw_ - 10, y + bh + 16, "（" + who + "）", 10, GRAY, True, "right")

    # news and contact boxes
    by = 580.0
    bxh = 216.0
    nx, nw = 36.0, 470.0

    def nbox(P):
        P.rect(nx, by, nw, bxh, stroke=CORAL, fill=(1.0, 0.97, 0.95), width=1.4, radius=8)
        P.rect(nx, by, nw, 30, stroke=None, fill=CORAL, radius=8)
        P.rect(nx, by + 20, nw, 10, stroke=None, fill=CORAL)
        ccx = nx + nw + 12
        P.rect(ccx, by, W - 36 - ccx, bxh, stroke=SEA, fill=WHITE, width=1.4, radius=8)
        P.rect(ccx, by, W - 36 - ccx, 30, stroke=None, fill=SEA, radius=8)
        P.rect(ccx, by + 20, W - 36 - ccx, 10, stroke=None, fill=SEA)

    _shape(doc, pg, nbox)
    _lab(doc, pg, nx + 14, by + 21, C.NEWS_TITLE, 13, WHITE, True, heading=True)
    _paras(doc, pg, nx + 14, by + 40, nw - 28, C.NEWS, Style(size=10.4, leading=16.6, indent=10.4), gap=2,
           max_h=bxh - 48)
    cx = nx + nw + 12
    cwid = W - 36 - cx
    _lab(doc, pg, cx + 14, by + 21, C.CONTACT_TITLE, 13, WHITE, True, heading=True)
    for k, (topic, desk, phone) in enumerate(C.CONTACTS):
        yb = by + 62 + k * 54

        def sep(P, yb=yb, k=k):
            if k:
                P.line(cx + 14, yb - 20, cx + cwid - 14, yb - 20, 0.5, LGRAY)

        _shape(doc, pg, sep)
        _lab(doc, pg, cx + 14, yb, topic, 10.4, SEA_D, True, maxw=196)
        _lab(doc, pg, cx + 218, yb, desk, 10, BLACK, maxw=cwid - 232)
        _lab(doc, pg, cx + 218, yb + 18, phone, 11, BLACK, True, maxw=cwid - 232)


def wrap_n(text: str, width: float, st: Style) -> list:
    return wrap([(ch, -1) for ch in text], width, st)
