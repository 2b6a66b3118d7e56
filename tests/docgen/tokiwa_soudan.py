"""tokiwa-soudan.pdf: ときわ県居住支援センター 令和7年度 相談実績報告, A4 portrait (fictional ときわ県).

Layout traps: title band and issuer lines on page 1 only; running header (report name, left, over a rule) from
page 2; footer 「- n -」 centred; a LINE CHART of monthly counts with TWO series (令和7年度 solid, 令和6年度
dashed), the value of each point printed ABOVE the point for 令和7年度 and BELOW it for 令和6年度 (which series a
number belongs to is only visible from its position; pdfplumber mixes the labels of both series and of
neighbouring months on one text line), month labels under the axis and a legend at the top right; a DONUT chart
(labels outside the ring joined to it by leader lines, the name over the value, the total in the hole) SIDE BY
SIDE with a PIE chart whose values are only in a legend to its right (read across); ruled tables (表1 with a ※
column header, 表2 with wrapped header cells and a unit right of the caption, 表3 ruled above/below only); two
事例 boxes side by side (read across); ①–③ items; a お問い合わせ box; chart labels flag `chart`; no /Title.
"""

from __future__ import annotations

import math

from reportlab.lib.pagesizes import A4

from . import content_tokiwa_soudan as C
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
    split_sentences,
    sw,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 56.0, W - 56.0, 74.0, H - 62.0
TEAL = (0.05, 0.4, 0.45)
LTEAL = (0.88, 0.95, 0.95)
GRAY = (0.42, 0.42, 0.42)
PAL = [(0.05, 0.4, 0.45), (0.2, 0.58, 0.6), (0.42, 0.72, 0.7), (0.95, 0.66, 0.3), (0.98, 0.82, 0.55),
       (0.78, 0.78, 0.78)]
R6C = (0.6, 0.6, 0.6)

P_ = Style(font=M, size=10.0, leading=17.2, indent=10.0, sa=3)
H1 = Style(size=12.6, leading=21, bold=True, color=TEAL, sb=14, sa=4, keep_next=True, indent=12)
CAP = Style(size=9.6, leading=15, bold=True, sb=8, sa=2, keep_next=True)
LI = Style(font=M, size=9.8, leading=16.4, hang=10.0, sb=2)
CH = 7.8


def _h1_deco(P, x, y, w, h):
    P.rect(x, y + 3, 6, h - 7, stroke=None, fill=TEAL)
    P.line(x, y + h - 2, x + w, y + h - 2, 0.7, (0.55, 0.75, 0.75))


def _caption(flow: Flow, text: str) -> None:
    flow.add_all(line_blocks(flow.doc.truth, [text], flow.width, CAP, extra={"caption": True}))


def _line_chart(flow: Flow, spec: dict) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, spec["caption"])
    (n7, v7), (n6, v6) = spec["series"]
    frags = []
    for name in (n7, n6):
        frags.append((T.sentence(name, chart=True), name))
    lab7 = [(T.sentence(str(v), chart=True), str(v)) for v in v7]
    lab6 = [(T.sentence(str(v), chart=True), str(v)) for v in v6]
    mons = [(T.sentence(m, chart=True), m) for m in C.MONTHS]
    frags += lab7 + lab6 + mons
    left, right, top, plot_h = 42.0, 14.0, 30.0, 168.0
    h = top + plot_h + 30.0
    ymax, ystep = spec["ymax"], spec["ystep"]

    def draw(P, x, y):
        ax, ay = x + left, y + top + plot_h
        pw = width - left - right
        P.text(x + 4, y + top - 10, spec["unit"], G, 7.4, GRAY)
        v = 0
        while v <= ymax:
            gy = ay - plot_h * v / ymax
            if v:
                P.line(ax, gy, ax + pw, gy, 0.3, (0.82, 0.82, 0.82), dash=([2, 2], 0))
            P.text(ax - 5, gy + 2.6, str(v), G, 7.4, GRAY, align="right")
            v += ystep
        P.line(ax, y + top - 4, ax, ay, 0.8, GRAY)
        P.line(ax, ay, ax + pw, ay, 0.8, GRAY)
        step = pw / 12
        xs = [ax + step * (i + 0.5) for i in range(12)]
        # legend (top right)
        lx = ax + pw - 150
        for name, col, dash in ((n7, TEAL, None), (n6, R6C, [3, 2])):
            P.line(lx, y + 8, lx + 18, y + 8, 1.6, col, dash=dash)
            P.rect(lx + 6.5, y + 5.5, 5, 5, stroke=None, fill=col)
            P.text(lx + 22, y + 11, name, G, 8.2, BLACK)
            lx += 22 + sw(name, G, 8.2) + 18
        for vals, col, dash, labs, above in ((v6, R6C, [3, 2], lab6, False), (v7, TEAL, None, lab7, True)):
            pts = [(xs[i], ay - plot_h * vals[i] / ymax) for i in range(12)]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
                P.line(x1, y1, x2, y2, 1.6, col, dash=dash)
            for i, (px, py) in enumerate(pts):
                if above:
                    P.rect(px - 2.8, py - 2.8, 5.6, 5.6, stroke=None, fill=col)
                    P.text(px, py - 6, labs[i][1], G, CH, TEAL, True, "center")
                else:
                    P.rect(px - 2.5, py - 2.5, 5, 5, stroke=col, fill=(1, 1, 1), width=1.0)
                    P.text(px, py + 12.5, labs[i][1], G, CH, GRAY, False, "center")
        for i, (_s, m) in enumerate(mons):
            P.line(xs[i], ay, xs[i], ay + 3, 0.6, GRAY)
            P.text(xs[i], ay + 13, m, G, 8.0, BLACK, align="center")

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _wedge(P, cx, cy, r, a0, ext, col):
    c = P.c
    c.setFillColorRGB(*col)
    c.setStrokeColorRGB(1, 1, 1)
    c.setLineWidth(1.0)
    c.wedge(cx - r, P.H - cy - r, cx + r, P.H - cy + r, a0, ext, stroke=1, fill=1)


def _pies(flow: Flow, spec: dict) -> None:
    T = flow.doc.truth
    L, R = spec["left"], spec["right"]
    capst = Style(size=8.8, leading=13, bold=True)
    frags = [(T.sentence(L["caption"], caption=True), L["caption"])]
    cen = [(T.sentence(t, chart=True), t) for t in L["center"]]
    frags += cen
    lparts = []
    for name, val, n in L["parts"]:
        a = T.sentence(name, chart=True)
        b = T.sentence(val, chart=True)
        lparts.append((name, val, n))
        frags += [(a, name), (b, val)]
    frags.append((T.sentence(R["caption"], caption=True), R["caption"]))
    for name, val, _n in R["parts"]:
        a = T.sentence(name, chart=True)
        b = T.sentence(val, chart=True)
        frags += [(a, name), (b, val)]
    lw = 282.0
    h = 206.0

    def draw(P, x, y):
        P.text(x + 4, baseline_of(y, capst), L["caption"], G, capst.size, BLACK, True)
        P.text(x + lw + 6, baseline_of(y, capst), R["caption"], G, capst.size, BLACK, True)
        # donut
        cx, cy, r = x + 136, y + 112, 50
        tot = sum(p[2] for p in lparts)
        ang = 90.0
        slots = []
        for k, (name, val, n) in enumerate(lparts):
            ext = -360.0 * n / tot
            _wedge(P, cx, cy, r, ang, ext, PAL[k])
            mid = math.radians(ang + ext / 2)
            slots.append((k, name, val, math.cos(mid), math.sin(mid)))
            ang += ext
        P.c.setFillColorRGB(1, 1, 1)
        P.c.circle(cx, P.H - cy, r * 0.56, stroke=0, fill=1)
        P.text(cx, cy - 2, cen[0][1], G, 7.6, GRAY, align="center")
        P.text(cx, cy + 10, cen[1][1], G, 10.0, TEAL, True, "center")
        # labels: right side / left side, pushed apart vertically
        for side in (1, -1):
            items = [s for s in slots if (s[3] >= 0) == (side == 1)]
            items.sort(key=lambda s: -s[4])
            last = -1e9
            for _k, name, val, co, si in items:
                ex, ey = cx + (r + 2) * co, cy - (r + 2) * si
                ly = cy - (r + 16) * si
                ly = max(ly, last + 25.0)
                last = ly
                lx = cx + side * (r + 24)
                P.line(ex, ey, lx - side * 8, ly, 0.5, GRAY)
                P.line(lx - side * 8, ly, lx - side * 2, ly, 0.5, GRAY)
                al = "left" if side == 1 else "right"
                P.text(lx, ly - 1.5, name, G, CH, BLACK, False, al)
                P.text(lx, ly + 8.5, val, G, CH, BLACK, True, al)
        # pie + legend
        px, py, pr = x + lw + 54, y + 100, 44
        tot = sum(p[2] for p in R["parts"])
        ang = 90.0
        for k, (_n, _v, n) in enumerate(R["parts"]):
            ext = -360.0 * n / tot
            _wedge(P, px, py, pr, ang, ext, PAL[k])
            ang += ext
        gx = x + lw + 110
        gy = y + 30
        for k, (name, val, _n) in enumerate(R["parts"]):
            P.rect(gx, gy + 1, 7, 7, stroke=None, fill=PAL[k])
            P.text(gx + 11, gy + 8, name, G, CH, BLACK)
            P.text(gx + 11, gy + 18.5, val, G, CH, BLACK, True)
            gy += 27
        P.line(x + lw - 4, y + 4, x + lw - 4, y + h - 8, 0.4, (0.8, 0.8, 0.8))

    flow.add(Block(h=h, draw=draw, frags=frags, sb=6))


def _cases(flow: Flow, cases: list) -> None:
    T = flow.doc.truth
    gap = 12.0
    bw = (flow.width - gap) / 2
    body = Style(font=M, size=9.0, leading=14.6)
    tst = Style(size=9.2, leading=14.4, bold=True, color=TEAL)
    blocks = []
    for title, paras in cases:
        tl = line_blocks(T, [title], bw - 16, tst, heading=True, extra={"box": True})
        pl = []
        for p in paras:
            pl.extend(line_blocks(T, split_sentences(p), bw - 16, body.but(sb=2), extra={"box": True}))
        blocks.append((tl, pl))
    hs = [10 + sum(b.h for b in tl) + 4 + sum(b.h + b.sb for b in pl) + 8 for tl, pl in blocks]
    h = max(hs)

    def draw(P, x, y):
        for k, (tl, pl) in enumerate(blocks):
            bx = x + k * (bw + gap)
            P.rect(bx, y, bw, h, stroke=TEAL, fill=(0.97, 0.99, 0.99), width=0.9, radius=4)
            yy = y + 8
            for b in tl:
                b.draw(P, bx + 8, yy)
                yy += b.h
            P.line(bx + 8, yy + 1, bx + bw - 8, yy + 1, 0.5, TEAL)
            yy += 4
            for b in pl:
                yy += b.sb
                b.draw(P, bx + 8, yy)
                yy += b.h

    frags = [f for tl, pl in blocks for b in tl + pl for f in b.frags]
    flow.add(Block(h=h, draw=draw, frags=frags, sb=6))


def build() -> Doc:
    doc = Doc("tokiwa-soudan.pdf", A4, C.TITLE, "A4 report with a two-series line chart and donut / pie charts",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 48, info["header"], G, 8.2, GRAY)
            P.line(X0, 53, X1, 53, 0.6, TEAL)
        P.text(W / 2, H - 30, info["footer"], G, 9.4, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=f"- {n} -",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, top_of=lambda pg: 50 if pg == 0 else TOP)
    wd = X1 - X0
    # title band
    tst = Style(size=17, leading=26, bold=True, color=(1, 1, 1))
    sid = T.sentence(C.TITLE, heading=True)
    band_h = 2 * tst.leading + 14

    def band(P, x, y):
        P.rect(x - 4, y, wd + 8, band_h, stroke=None, fill=TEAL)
        for k, t in enumerate(C.TITLE_LINES):
            P.text(x + 14, baseline_of(y + 7 + k * tst.leading, tst), t, G, tst.size - (3 if k == 0 else 0),
                   (1, 1, 1), True)
    flow.add(Block(h=band_h, draw=band, frags=[(sid, t) for t in C.TITLE_LINES]))
    ist = Style(size=9.2, leading=14, align="right")
    for k, t in enumerate(C.ISSUER):
        flow.add_all(line_blocks(T, [t], wd, ist.but(sb=6 if k == 0 else 0)))
    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), _h1_deco, wd))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "list":
            for t in it[1]:
                flow.add_all(line_blocks(T, split_sentences(t), wd, LI, extra={"item": True}))
        elif kind == "table":
            flow.add_table(TableSpec(**{"size": 8.8, "leading": 12.8, "header_fill": LTEAL,
                                        "caption_style": CAP, **it[1]}))
            flow.vspace(4)
        elif kind == "line":
            _line_chart(flow, it[1])
        elif kind == "pies":
            _pies(flow, it[1])
        elif kind == "cases":
            _cases(flow, it[1])
        elif kind == "box":
            flow.add(box_block(T, it[1], it[2], wd, Style(size=9.2, leading=15), Style(size=9.8, leading=15, bold=True),
                               fill=LTEAL, border=TEAL, pad=9, sb=14))
        elif kind == "pagebreak":
            flow.page_break()
        else:
            raise KeyError(kind)
    flow.finish()
    return doc
