"""hayase-4up.pdf: a seminar handout printed 4-UP on A4 portrait, 4 pages = 14 slides (fictional はやせ県).

Layout traps: every page holds FOUR 16:9 slides in a 2×2 grid (reading order top-left, top-right, bottom-left,
bottom-right; the last page holds only two slides, in its top row); each slide is designed at 720 × 405 pt and printed
SCALED to about 35 % (as PowerPoint prints a handout), so its text is tiny (title bars about 8.5 pt, bullets 6 pt,
table cells 5 pt, notes 4.6 pt) and the two slides of a row sit side by side about 14 pt apart, so pdfplumber reads
across the two slides line by line and most wrapped sentences come out only in pieces; each slide is framed, has its
own coloured title bar with white text and a small slide number at its bottom right INSIDE the frame (none on the
title slide); the handout PAGE has a running header (seminar name left, date right, over a rule; truth `header` =
both pieces) and a centred footer 「《 n 》」 (1–4, the printed label), so every page shows four slide numbers and one
page number.  Slides: title slide with a coloured band; agenda with times; five ruled tables inside slides
(indicators 令和5年度 / 令和6年度, the councils with 設立 / 構成団体数 / 事務局, the subsidy menus, the two rounds of
募集, coming events) followed by ※ notes or bullets; a flow of THREE boxes joined by arrows with a period and a
detail line under each box (flag `box`); a slide with TWO text columns separated by a rule (住宅部局 / 福祉部局); a
case slide with a key/value table and a 「ポイント」 box side by side and a quote; bullet slides with a note band; a Q&A
slide (flags `q` / `a`); a contact slide with two boxes SIDE BY SIDE.  Reading order in the truth: slide by slide.
No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_hayase_4up as C
from .engine import BLACK, Doc, G, Style, TableSpec, place_text, split_sentences, sw, table_parts, text_height
from .kit import box_block

W, H = A4
VW, VH = 720.0, 405.0           # the slide as designed
SX = 36.0
GUT = 14.0
SWD = (W - 2 * SX - GUT) / 2    # printed slide width
S = SWD / VW                    # print scale
SHD = VH * S
COL_X = [SX, SX + SWD + GUT]
ROW_Y = [170.0, 540.0]
PAD = 28.0
BAR_H = 58.0
INNER = VW - 2 * PAD

RIVER = (0.0, 0.38, 0.62)
DEEP = (0.05, 0.16, 0.36)
CORAL = (0.93, 0.45, 0.25)
PALE = (0.9, 0.95, 0.99)
GRAY = (0.4, 0.4, 0.4)
LINE = (0.7, 0.7, 0.7)
WHITE = (1, 1, 1)

ITEM = Style(size=17, leading=27, hang=17, sb=3)
NOTE = Style(size=13, leading=19.5, color=GRAY, hang=13)
TXT = Style(size=16, leading=25)


def build() -> Doc:
    doc = Doc("hayase-4up.pdf", A4, C.SEMINAR + " 配付資料",
              "A4 portrait handout printed 4-up: 2×2 scaled 16:9 slides per page, slide numbers inside the frames",
              meta_title=None)

    def decor(P, info, when):
        if when != "over":
            return
        P.text(SX, 46, C.SEMINAR, G, 8.6, GRAY)
        P.text(W - SX, 46, C.DATE, G, 8.6, GRAY, align="right")
        P.line(SX, 53, W - SX, 53, 0.5, LINE)
        P.text(W / 2, H - 34, info["footer"], G, 9.5, BLACK, align="center")

    def slide(pg: int, ox: float, oy: float, num: int, s: dict) -> None:
        kind = s["kind"]

        def begin(P, ox=ox, oy=oy):
            P.c.saveState()
            P.c.translate(ox, P.H - oy - S * P.H)
            P.c.scale(S, S)

        doc.op(pg, begin)

        def frame(P, num=num, titled=kind != "title"):
            P.rect(0, 0, VW, VH, stroke=(0.3, 0.3, 0.3), fill=WHITE, width=1.6)
            if titled:
                P.rect(1, 1, VW - 2, BAR_H, stroke=None, fill=RIVER)
                P.rect(1, BAR_H + 1, VW - 2, 4, stroke=None, fill=CORAL)
                P.text(VW - 16, VH - 12, str(num), G, 12, GRAY, align="right")
        doc.op(pg, frame)

        if kind == "title":
            _title(doc, pg, s)
        else:
            place_text(doc, pg, 22, 13, VW - 44, [s["title"]], Style(size=24, leading=32, bold=True, color=WHITE),
                       heading=True)
            y = _body(doc, pg, s, BAR_H + 18)
            if y > VH - 22 + 0.5:
                raise AssertionError(f"hayase-4up slide {num}: content overflows ({y:.0f} > {VH - 22:.0f})")
        doc.op(pg, lambda P: P.c.restoreState())

    nslides = len(C.SLIDES)
    npages = (nslides + 3) // 4
    for p in range(npages):
        n = p + 1
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer=f"《 {n} 》", decor=decor)
        for k in range(4):
            i = p * 4 + k
            if i >= nslides:
                break
            slide(pg, COL_X[k % 2], ROW_Y[k // 2], i + 1, C.SLIDES[i])
    return doc


def _notes(doc, pg, y, lst) -> float:
    for n in lst:
        y += place_text(doc, pg, PAD, y, INNER, split_sentences(n), NOTE, extra={"note": True})
    return y


def _bullets(doc, pg, y, lst, st=ITEM) -> float:
    for b in lst:
        y += place_text(doc, pg, PAD + 4, y, INNER - 4, split_sentences(b),
                        st.but(hang=st.size if b.startswith("・") else 0), extra={"item": True})
    return y


def _band(doc, pg, y, text) -> float:
    st = Style(size=15, leading=22, color=DEEP, bold=True)
    h = text_height(split_sentences(text), INNER - 28, st) + 14
    doc.op(pg, lambda P, y=y, h=h: P.rect(PAD, y, INNER, h, stroke=None, fill=PALE, radius=6))
    place_text(doc, pg, PAD + 14, y + 7, INNER - 28, split_sentences(text), st)
    return y + h


def _body(doc, pg, s, y) -> float:
    kind = s["kind"]
    T = doc.truth
    if kind == "agenda":
        for t, item in s["items"]:
            doc.op(pg, lambda P, y=y: (P.rect(PAD + 30, y, INNER - 60, 32, stroke=LINE, fill=WHITE, width=1.0,
                                              radius=4),
                                       P.rect(PAD + 30, y, 8, 32, stroke=None, fill=RIVER)))
            place_text(doc, pg, PAD + 52, y + 3, INNER - 90, [f"{t}　{item}"], Style(size=16, leading=26),
                       extra={"item": True})
            y += 38
        y = _notes(doc, pg, y + 2, [s["note"]])
    elif kind == "table":
        spec = s["table"]
        ts = TableSpec(caption=None, header=spec["header"], rows=spec["rows"], widths=spec["widths"],
                       align=spec["align"], size=spec.get("size", 14), leading=spec.get("leading", 20),
                       pad=spec.get("pad", 6), header_fill=(0.84, 0.91, 0.97))
        _, header, rows, _ = table_parts(doc, ts, INNER)
        for b in [header()] + rows:
            doc.place(pg, b, PAD, y)
            y += b.h
        y = _notes(doc, pg, y + 6, s.get("notes", []))
        if s.get("bullets"):
            y = _bullets(doc, pg, y + 4, s["bullets"], ITEM.but(size=16, leading=25, sb=2))
    elif kind == "flow3":
        y = _flow3(doc, pg, y, s["steps"])
        y = _bullets(doc, pg, y + 10, s["bullets"], ITEM.but(size=16, leading=25))
    elif kind == "twocol":
        y = _twocol(doc, pg, y, s["cols"])
        y = _band(doc, pg, y + 12, s["band"])
    elif kind == "case":
        y = _case(doc, pg, y, s["facts"], s["point"])
        y += 12 + place_text(doc, pg, PAD, y + 12, INNER, [s["quote"]],
                             Style(size=16, leading=24, bold=True, color=DEEP))
    elif kind == "bullets":
        y = _bullets(doc, pg, y, s["bullets"], ITEM.but(sb=4))
        if s.get("band"):
            y = _band(doc, pg, y + 10, s["band"])
    elif kind == "qa":
        for q, a in s["qa"]:
            y += place_text(doc, pg, PAD, y, INNER, [q], Style(size=16.5, leading=25, bold=True, color=DEEP,
                                                                hang=sw("Q1　", G, 16.5)), extra={"q": True})
            y += place_text(doc, pg, PAD, y, INNER, split_sentences(a),
                            Style(size=15.5, leading=24, hang=sw("A　", G, 15.5)), extra={"a": True}) + 10
    elif kind == "contact":
        y = _bullets(doc, pg, y, s["bullets"], ITEM.but(size=16, leading=25))
        y += 12
        gap = 20.0
        bw = (INNER - gap) / 2
        hmax = 0.0
        for k, (title, lines) in enumerate(s["boxes"]):
            b = box_block(T, title, lines, bw, Style(size=14.5, leading=23), Style(size=14.5, leading=23, bold=True),
                          fill=(0.96, 0.98, 1.0), border=RIVER, pad=10)
            doc.place(pg, b, PAD + k * (bw + gap), y)
            hmax = max(hmax, b.h)
        y += hmax
    else:
        raise KeyError(kind)
    return y


def _title(doc, pg, s) -> None:
    band = 196.0
    doc.op(pg, lambda P: (P.rect(1, 1, VW - 2, band, stroke=None, fill=RIVER),
                          P.rect(1, band, VW - 2, 6, stroke=None, fill=CORAL)))
    y = 22.0
    y += place_text(doc, pg, PAD, y, INNER, [s["event"]], Style(size=17, leading=26, color=(0.88, 0.95, 1.0),
                                                               align="center"))
    y += 10
    for ln in s["title"]:
        y += place_text(doc, pg, PAD, y, INNER, [ln], Style(size=36, leading=50, bold=True, color=WHITE,
                                                           align="center"), heading=True)
    y = band + 16
    y += place_text(doc, pg, PAD, y, INNER, [s["sub"]], Style(size=21, leading=32, bold=True, color=DEEP,
                                                             align="center"))
    y += 8
    for m in s["meta"]:
        y += place_text(doc, pg, PAD, y, INNER, [m], Style(size=16, leading=25, align="center"))
    place_text(doc, pg, PAD, y + 10, INNER, [s["by"]], Style(size=18, leading=28, bold=True, color=DEEP,
                                                            align="center"))


def _flow3(doc, pg, y, steps) -> float:
    gap = 46.0
    k = len(steps)
    bw = (INNER - gap * (k - 1)) / k
    bh = 74.0
    lab = Style(size=14, leading=20, bold=True, color=CORAL, align="center")
    tst = Style(size=17.5, leading=26, bold=True, color=DEEP, align="center")
    under = Style(size=15, leading=23, align="center")
    ys = []
    for i, (label, title, lines) in enumerate(steps):
        x = PAD + i * (bw + gap)
        doc.op(pg, lambda P, x=x, y=y: P.rect(x, y, bw, bh, stroke=RIVER, fill=PALE, width=2.2, radius=8))
        place_text(doc, pg, x, y + 9, bw, [label], lab, heading=True, extra={"box": True})
        place_text(doc, pg, x + 6, y + 34, bw - 12, [title], tst, heading=True, extra={"box": True})
        if i < k - 1:
            ax = x + bw + 6
            cy = y + bh / 2
            doc.op(pg, lambda P, ax=ax, cy=cy: (P.line(ax, cy, ax + gap - 20, cy, 4, CORAL),
                                                P.poly([(ax + gap - 22, cy - 10), (ax + gap - 8, cy),
                                                        (ax + gap - 22, cy + 10)], fill=CORAL)))
        yy = y + bh + 8
        for j, t in enumerate(lines):
            st = under.but(bold=True, color=RIVER) if j == 0 else under
            yy += place_text(doc, pg, x + 4, yy, bw - 8, [t], st, extra={"box": True})
        ys.append(yy)
    return max(ys)


def _twocol(doc, pg, y, cols) -> float:
    gap = 40.0
    cw = (INNER - gap) / 2
    hst = Style(size=17.5, leading=26, bold=True, color=RIVER)
    ist = Style(size=16, leading=25, hang=16, sb=3)
    ys = []
    for k, (head, items) in enumerate(cols):
        x = PAD + k * (cw + gap)
        yy = y + place_text(doc, pg, x, y, cw, [head], hst, heading=True)
        doc.op(pg, lambda P, x=x, yy=yy: P.line(x, yy + 1, x + cw, yy + 1, 1.6, RIVER))
        yy += 6
        for it in items:
            yy += place_text(doc, pg, x, yy, cw, split_sentences(it), ist, extra={"item": True})
        ys.append(yy)
    bot = max(ys)
    doc.op(pg, lambda P: P.line(PAD + cw + gap / 2, y, PAD + cw + gap / 2, bot, 1.0, LINE))
    return bot


def _case(doc, pg, y, facts, point) -> float:
    tw = INNER * 0.6
    ts = TableSpec(caption=None, header=["項目", "内容"], rows=facts, widths=[1.0, 3.0], align=["l", "l"],
                   size=14, leading=20, pad=6, header_fill=(0.84, 0.91, 0.97), first_col_fill=(0.95, 0.95, 0.95))
    _, header, rows, _ = table_parts(doc, ts, tw)
    yy = y
    for b in [header()] + rows:
        doc.place(pg, b, PAD, yy)
        yy += b.h
    bx = PAD + tw + 20
    bw = INNER - tw - 20
    title, lines = point
    b = box_block(doc.truth, title, lines, bw, Style(size=14.5, leading=22, hang=sw("①", G, 14.5)),
                  Style(size=15, leading=23, bold=True), fill=(1.0, 0.96, 0.92), border=CORAL, pad=10,
                  bullet_hang=sw("①", G, 14.5))
    doc.place(pg, b, bx, y)
    return max(yy, y + b.h)
