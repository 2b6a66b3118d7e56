"""minamino-anketo.pdf: 研修会アンケート結果, A4 portrait (fictional みなみ野県).

Layout traps: title and issuer on page 1 only; running header (the document's name, right-aligned over a rule)
from page 2; footer 「- n -」 centred on every page; a ruled key/value 概要 block (開催日時 / 会場 / 参加者 /
調査方法 / 回答者数); 問1–問6 headings in a shaded strip; FIVE HORIZONTAL bar charts drawn with rectangles
(category labels left of the axis, value labels 「22人（42.3％）」 or 「86.5％」 just right of each bar's end, an axis
with ticks and grid lines, the unit 「（％）」 at the axis' right end), one of them with TWO series per category
(令和6年度 / 令和7年度, a legend above the plot, value labels at each bar's end: the year is only in the legend);
two 100% stacked bars with the percentages INSIDE the segments and the category names only in a legend under
the bar; two free-text comment lists (・ items with the respondent's department in brackets); a まとめ box
with ①–③; chart labels registered as sentences with flag `chart`; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_minamino_anketo as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 58.0, W - 58.0, 72.0, H - 64.0
GREEN = (0.16, 0.42, 0.3)
LGREEN = (0.9, 0.95, 0.91)
GRAY = (0.4, 0.4, 0.4)
BAR1 = (0.25, 0.55, 0.4)
BAR0 = (0.72, 0.8, 0.74)
SEG = [(0.16, 0.42, 0.3), (0.36, 0.6, 0.46), (0.62, 0.78, 0.66), (0.85, 0.9, 0.86), (0.95, 0.95, 0.95)]

P_ = Style(font=M, size=10.0, leading=17.0, indent=10.0, sa=3)
H1 = Style(size=13.0, leading=21, bold=True, color=GREEN, sb=14, sa=4, keep_next=True, indent=10)
QH = Style(size=10.2, leading=16.5, bold=True, sb=12, sa=4, keep_next=True, indent=4)  # hang set in build()
CAP = Style(size=9.6, leading=15, bold=True, sb=8, sa=2, keep_next=True)
LI = Style(font=M, size=9.6, leading=15.6, hang=9.6, sb=2)
CHART = 8.6


def _h1_deco(P, x, y, w, h):
    P.rect(x, y + 3, 5, h - 7, stroke=None, fill=GREEN)
    P.line(x, y + h - 2, x + w, y + h - 2, 0.7, (0.55, 0.72, 0.6))


def _q_deco(P, x, y, w, h):
    P.rect(x - 2, y + 1, w + 4, h - 2, stroke=None, fill=LGREEN)


def _overview(T, rows, width: float) -> Block:
    lw = 78.0
    st = Style(size=9.4, leading=14.6)
    lab = Style(size=9.4, leading=14.6, bold=True)
    items = []
    for label, val in rows:
        lsid = T.sentence(label, heading=True)
        vsid = T.sentence(val)
        lines = wrap([(ch, vsid) for ch in val], width - lw - 12, st)
        items.append((label, lsid, lines))
    hs = [len(ln) * st.leading + 8 for _l, _s, ln in items]
    h = sum(hs)

    def draw(P, x, y):
        yy = y
        for (label, _s, lines), rh in zip(items, hs, strict=True):
            P.rect(x, yy, lw, rh, stroke=None, fill=LGREEN)
            P.line(x, yy, x + width, yy, 0.6, GRAY)
            P.text(x + 6, baseline_of(yy + 4, lab), label, G, lab.size, BLACK, True)
            for k, ln in enumerate(lines):
                P.text(x + lw + 6, baseline_of(yy + 4 + k * st.leading, st), "".join(u[0] for u in ln), G,
                       st.size, BLACK)
            yy += rh
        P.line(x, yy, x + width, yy, 0.6, GRAY)
        P.line(x, y, x, yy, 0.6, GRAY)
        P.line(x + lw, y, x + lw, yy, 0.6, GRAY)
        P.line(x + width, y, x + width, yy, 0.6, GRAY)

    frags = []
    for label, lsid, lines in items:
        frags.append((lsid, label))
        for ln in lines:
            frags.append((lines[0][0][1], "".join(u[0] for u in ln)))
    return Block(h=h, draw=draw, frags=frags, sb=6)


def _caption(flow: Flow, text: str) -> None:
    flow.add_all(line_blocks(flow.doc.truth, [text], flow.width, CAP, extra={"caption": True}))


def _axis(P, ax, ay, plot_w, xmax, xstep, unit):
    v = 0
    while v <= xmax:
        gx = ax + plot_w * v / xmax
        P.line(gx, ay, gx, ay + 3, 0.6, GRAY)
        P.text(gx, ay + 12, str(v), G, 7.4, GRAY, align="center")
        v += xstep
    P.line(ax, ay, ax + plot_w, ay, 0.8, GRAY)
    P.text(ax + plot_w + 6, ay + 12, unit, G, 7.4, GRAY)


def _hbar(flow: Flow, spec: dict) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, spec["caption"])
    bars = spec["bars"]
    left = 132.0
    plot_w = width - left - 96.0
    row = 22.0
    top = 8.0
    plot_h = row * len(bars)
    h = top + plot_h + 24.0
    frags = []
    for label, val, _v in bars:
        ls = T.sentence(label, chart=True)
        vs = T.sentence(val, chart=True)
        frags += [(ls, label), (vs, val)]
    xmax, xstep = spec["xmax"], spec["xstep"]

    def draw(P, x, y):
        ax, ay = x + left, y + top + plot_h
        v = xstep
        while v <= xmax:
            gx = ax + plot_w * v / xmax
            P.line(gx, y + top - 2, gx, ay, 0.3, (0.82, 0.82, 0.82), dash=([2, 2], 0))
            v += xstep
        P.line(ax, y + top - 2, ax, ay, 0.8, GRAY)
        for k, (label, val, num) in enumerate(bars):
            ry = y + top + k * row
            bw = plot_w * num / xmax
            P.rect(ax, ry + 5, bw, row - 10, stroke=None, fill=BAR1)
            bl = ry + row / 2 + CHART * 0.36
            P.text(ax - 6, bl, label, G, CHART, BLACK, align="right")
            P.text(ax + bw + 4, bl, val, G, CHART, BLACK, True)
        _axis(P, ax, ay, plot_w, xmax, xstep, spec["axis"])

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _hbar2(flow: Flow, spec: dict) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, spec["caption"])
    bars = spec["bars"]
    left = 150.0
    plot_w = width - left - 60.0
    row = 32.0
    leg_h = 20.0
    top = leg_h + 6.0
    plot_h = row * len(bars)
    h = top + plot_h + 24.0
    frags = []
    s0, s1 = spec["series"]
    l0 = T.sentence(s0, chart=True)
    l1 = T.sentence(s1, chart=True)
    frags += [(l0, s0), (l1, s1)]
    for label, v0, _n0, v1, _n1 in bars:
        ls = T.sentence(label, chart=True)
        a = T.sentence(v0, chart=True)
        b = T.sentence(v1, chart=True)
        frags += [(ls, label), (a, v0), (b, v1)]
    xmax, xstep = spec["xmax"], spec["xstep"]

    def draw(P, x, y):
        # legend
        lx = x + left
        for name, col in ((s0, BAR0), (s1, BAR1)):
            P.rect(lx, y + 5, 10, 8, stroke=None, fill=col)
            P.text(lx + 14, y + 12.5, name, G, 8.2, BLACK)
            lx += 14 + sw(name, G, 8.2) + 22
        ax, ay = x + left, y + top + plot_h
        v = xstep
        while v <= xmax:
            gx = ax + plot_w * v / xmax
            P.line(gx, y + top - 2, gx, ay, 0.3, (0.82, 0.82, 0.82), dash=([2, 2], 0))
            v += xstep
        P.line(ax, y + top - 2, ax, ay, 0.8, GRAY)
        for k, (label, v0, n0, v1, n1) in enumerate(bars):
            ry = y + top + k * row
            bh = 10.0
            for j, (vt, n, col) in enumerate(((v0, n0, BAR0), (v1, n1, BAR1))):
                by = ry + 5 + j * (bh + 2)
                bw = plot_w * n / xmax
                P.rect(ax, by, bw, bh, stroke=None, fill=col)
                P.text(ax + bw + 4, by + 8, vt, G, 7.8, BLACK, j == 1)
            P.text(ax - 6, ry + row / 2 + CHART * 0.36, label, G, CHART, BLACK, align="right")
        _axis(P, ax, ay, plot_w, xmax, xstep, spec["axis"])

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _stack(flow: Flow, spec: dict) -> None:
    T = flow.doc.truth
    width = flow.width
    _caption(flow, spec["caption"])
    segs = spec["segs"]
    bar_h = 26.0
    frags = []
    for _name, val, _n in segs:
        vs = T.sentence(val, chart=True)
        frags.append((vs, val))
    for name, _val, _n in segs:
        ns = T.sentence(name, chart=True)
        frags.append((ns, name))
    inner = width - 20.0
    h = 8 + bar_h + 10 + 14 + 14 + 6

    def draw(P, x, y):
        bx = x + 10
        by = y + 8
        xx = bx
        for k, (_name, val, n) in enumerate(segs):
            sw_ = inner * n / 100.0
            P.rect(xx, by, sw_, bar_h, stroke=(1, 1, 1), fill=SEG[k], width=0.8)
            col = (1, 1, 1) if k < 2 else BLACK
            P.text(xx + sw_ / 2, by + bar_h / 2 + 3, val, G, 8.2, col, True, "center")
            xx += sw_
        # 0 / 50 / 100 ticks under the bar
        for v in (0, 50, 100):
            gx = bx + inner * v / 100
            P.line(gx, by + bar_h, gx, by + bar_h + 3, 0.6, GRAY)
            P.text(gx, by + bar_h + 11, f"{v}％", G, 7.0, GRAY, align="center")
        # legend (names only)
        lx = bx
        ly = by + bar_h + 24
        for k, (name, _v, _n) in enumerate(segs):
            P.rect(lx, ly, 9, 9, stroke=GRAY, fill=SEG[k], width=0.4)
            P.text(lx + 13, ly + 8, name, G, 8.2, BLACK)
            lx += 13 + sw(name, G, 8.2) + 18

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _comments(flow: Flow, title: str, items: list[str]) -> None:
    T = flow.doc.truth
    flow.add_all(line_blocks(T, [title], flow.width, Style(size=9.8, leading=16, bold=True, color=GREEN, sb=8,
                                                           sa=2, keep_next=True), heading=True))
    for t in items:
        flow.add_all(line_blocks(T, split_sentences(t), flow.width, LI, extra={"item": True}))


def build() -> Doc:
    doc = Doc("minamino-anketo.pdf", A4, C.TITLE, "A4 questionnaire results with horizontal bar charts",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 46, info["header"], G, 8.4, GRAY, align="right")
            P.line(X0, 51, X1, 51, 0.6, GREEN)
        P.text(W / 2, H - 32, info["footer"], G, 9.6, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=f"- {n} -",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, top_of=lambda pg: 56 if pg == 0 else TOP)
    wd = X1 - X0
    qh = QH.but(hang=4 + sw("問1　", G, QH.size))
    tst = Style(size=17, leading=27, bold=True, color=GREEN)
    sid = T.sentence(C.TITLE, heading=True)
    for t in C.TITLE_LINES:
        flow.add(Block(h=tst.leading, draw=lambda P, x, y, t=t: P.text(
            x + wd / 2, baseline_of(y, tst), t, G, tst.size, GREEN, True, "center"), frags=[(sid, t)]))
    flow.add_all(line_blocks(T, [C.ISSUER], wd, Style(size=9.8, leading=16, align="right", sb=8, sa=4)))
    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), _h1_deco, wd))
        elif kind == "q":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, qh, heading=True), _q_deco, wd))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "overview":
            flow.add(_overview(T, it[1], wd))
            flow.vspace(6)
        elif kind == "hbar":
            _hbar(flow, it[1])
        elif kind == "hbar2":
            _hbar2(flow, it[1])
        elif kind == "stack":
            _stack(flow, it[1])
        elif kind == "comments":
            _comments(flow, it[1], it[2])
        elif kind == "summary":
            flow.add(box_block(T, it[1], it[2], wd, Style(font=M, size=9.8, leading=16),
                               Style(size=10.6, leading=17, bold=True), fill=(0.96, 0.98, 0.96), border=GREEN,
                               pad=10, sb=14, bullet_hang=10))
        elif kind == "pagebreak":
            flow.page_break()
        else:
            raise KeyError(kind)
    flow.finish()
    return doc
