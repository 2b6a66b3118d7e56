"""mizuho-chousa.pdf: a survey results report (アンケート調査結果報告書), A4 portrait (fictional みずほ県).

Layout traps: no cover; the title (two centred lines) and a ruled 調査概要 box with label / value rows
(label column on the left, values wrapped beside it) on page 1; ※ notes; numbered headings 1. / (1);
seven ruled tables whose cells hold 「count（percent）」 for two respondent groups (市 / 町村) or two
survey years (令和5年度調査 / 令和7年度調査), unit （単位：団体） at the right of the caption; two
horizontal bar charts drawn with rectangles, category labels left of the bars and value labels
「8団体（72.7%）」 printed just right of each bar (caption 図1 / 図2 above; labels and values are
registered as sentences with flag `chart`); a 自由記述 box with 「…」 quotes, each followed by a
right-aligned attribution （町名・課名）; a まとめ with ①–④ items; centred footer 「- n -」 on every page;
no running header; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mizuho_chousa as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    wrap,
)
from .kit import render

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 58.0, H - 64.0
GREEN = (0.12, 0.42, 0.32)
LGREEN = (0.9, 0.95, 0.92)
GRAY = (0.35, 0.35, 0.35)
BAR = (0.3, 0.55, 0.45)

S = {
    "p": Style(font=M, size=10.2, leading=17.2, indent=10.2, sa=2),
    "h2": Style(font=G, size=12.2, leading=19, bold=True, color=GREEN, sb=14, sa=4, keep_next=True, indent=6),
    "h3": Style(font=G, size=10.6, leading=17, bold=True, sb=6, sa=1, keep_next=True),
    "li": Style(font=M, size=10.2, leading=17.0, indent=10.2, hang=20.4, sb=2),
    "li_gap": 2.0,
    "note": Style(font=M, size=8.8, leading=13.6, hang=8.8, sb=1, color=GRAY),
    "table_kw": {"size": 9.0, "leading": 13.0, "pad": 3.6, "header_fill": LGREEN, "rule": (0.3, 0.3, 0.3),
                 "caption_style": Style(font=G, size=9.6, leading=15, bold=True, sb=8, sa=2, keep_next=True)},
}


def _h2_deco(P, x, y, w, h):
    P.rect(x - 1, y + 3, 3.5, h - 9, stroke=None, fill=GREEN)
    P.line(x, y + h - 4, x + w, y + h - 4, 0.6, (0.55, 0.7, 0.62))


S["h2_deco"] = _h2_deco


def _overview_block(T, rows, width: float) -> Block:
    pad, lw = 8.0, 64.0
    tst = Style(font=G, size=10.4, leading=16, bold=True)
    st = Style(font=G, size=9.6, leading=15.4)
    tsid = T.sentence("調査概要", heading=True, box=True)
    drawn = []  # (dx, dy, text, bold)
    frags = [(tsid, "調査概要")]
    y = pad + tst.leading + 6
    for label, value in rows:
        lsid = T.sentence(label, box=True)
        drawn.append((0.0, y, label, True))
        frags.append((lsid, label))
        units = []
        for s in split_sentences(value):
            sid = T.sentence(s, box=True)
            units.extend((ch, sid) for ch in s)
        for ln in wrap(units, width - 2 * pad - lw, st):
            drawn.append((lw, y, "".join(u[0] for u in ln), False))
            frags.extend(frags_of(ln))
            y += st.leading
        y += 3
    h = y + pad - 3

    def draw(P, x, yy):
        P.rect(x, yy, width, h, stroke=GREEN, fill=None, width=1.0)
        P.rect(x, yy, width, tst.leading + 2, stroke=None, fill=LGREEN)
        P.line(x, yy + tst.leading + 2, x + width, yy + tst.leading + 2, 0.6, GREEN)
        P.text(x + pad, baseline_of(yy + 1, tst), "調査概要", G, tst.size, GREEN, True)
        P.line(x + pad + lw - 6, yy + tst.leading + 8, x + pad + lw - 6, yy + h - pad, 0.4, (0.6, 0.7, 0.65))
        for dx, dy, t, bold in drawn:
            P.text(x + pad + dx, baseline_of(yy + dy, st), t, G, st.size, BLACK, bold)

    return Block(h=h, draw=draw, frags=frags, sb=10)


def _chart(flow: Flow, caption: str, rows) -> None:
    T = flow.doc.truth
    width = flow.width
    cst = Style(font=G, size=9.6, leading=15, bold=True, sb=10, sa=4, keep_next=True)
    flow.add_all(line_blocks(T, [caption], width, cst, extra={"caption": True}))
    lst = Style(font=G, size=9.0, leading=19)
    lw = 190.0
    maxbar = width - lw - 110.0
    frags, items = [], []
    for label, n, pct in rows:
        if sw(label, G, 9.0) > lw - 10:
            raise AssertionError(f"chart label too long: {label}")
        val = f"{n}団体（{pct:.1f}%）"
        ls = T.sentence(label, chart=True)
        vs = T.sentence(val, chart=True)
        frags += [(ls, label), (vs, val)]
        items.append((label, val, pct))
    h = len(rows) * lst.leading + 16

    def draw(P, x, y):
        ax = x + lw
        P.line(ax, y, ax, y + len(rows) * lst.leading + 4, 0.8, GRAY)
        for k in (25, 50, 75, 100):  # light grid
            gx = ax + maxbar * k / 100
            P.line(gx, y, gx, y + len(rows) * lst.leading + 4, 0.3, (0.8, 0.8, 0.8), dash=([2, 2], 0))
            P.text(gx, y + len(rows) * lst.leading + 13, f"{k}%", G, 6.5, GRAY, align="center")
        for i, (label, val, pct) in enumerate(items):
            yy = y + i * lst.leading
            bl = baseline_of(yy, lst)
            P.text(ax - 6, bl, label, G, 9.0, BLACK, align="right")
            bw = maxbar * pct / 100
            P.rect(ax, yy + 4, bw, lst.leading - 8, stroke=None, fill=BAR)
            P.text(ax + bw + 5, bl, val, G, 8.6, BLACK)

    flow.add(Block(h=h, draw=draw, frags=frags, sb=2))


def _quotes(flow: Flow, title: str, quotes) -> None:
    T = flow.doc.truth
    width = flow.width
    pad = 10.0
    qst = Style(font=M, size=9.8, leading=16.2, hang=9.8)
    ast = Style(font=G, size=8.8, leading=14.5)
    tsid = T.sentence(title, heading=True, box=True)
    lines = []  # (y, text, kind)
    frags = [(tsid, title)]
    y = pad + 20
    for q, who in quotes:
        units = []
        for s in split_sentences(q):
            sid = T.sentence(s, box=True)
            units.extend((ch, sid) for ch in s)
        for k, ln in enumerate(wrap(units, width - 2 * pad, qst)):
            lines.append((y, "".join(u[0] for u in ln), "q" if k == 0 else "qh"))
            frags.extend(frags_of(ln))
            y += qst.leading
        asid = T.sentence(who, box=True)
        lines.append((y, who, "a"))
        frags.append((asid, who))
        y += ast.leading + 5
    h = y + pad - 5

    def draw(P, x, yy):
        P.rect(x, yy, width, h, stroke=(0.55, 0.55, 0.55), fill=(0.97, 0.97, 0.95), width=0.8, radius=6)
        P.text(x + pad, yy + pad + 11, title, G, 10.2, GREEN, True)
        for dy, t, kind in lines:
            if kind == "a":
                P.text(x + width - pad, baseline_of(yy + dy, ast), t, G, 8.8, GRAY, align="right")
            else:
                P.text(x + pad + (qst.hang if kind == "qh" else 0), baseline_of(yy + dy, qst), t, M, 9.8, BLACK)

    flow.add(Block(h=h, draw=draw, frags=frags, sb=6))


def build() -> Doc:
    doc = Doc("mizuho-chousa.pdf", A4, C.TITLE, "A4 survey results report (アンケート調査結果報告書)", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when == "over":
            P.text(W / 2, H - 34, info["footer"], G, 9.5, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None, footer=f"- {n} -", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    tst = Style(font=G, size=16.5, leading=26, bold=True, align="center")
    for t in C.TITLE_LINES:
        flow.add_all(line_blocks(T, [t], wd, tst, heading=True))
    flow.add_all(line_blocks(T, [C.ISSUER], wd, Style(font=G, size=9.8, leading=16, align="right", sb=8)))
    flow.add(_overview_block(T, C.OVERVIEW, wd))
    flow.vspace(4)
    hooks = {"chart": _chart, "quotes": _quotes}
    render(flow, C.ITEMS, S, hooks)
    flow.add_all(line_blocks(T, [C.CONTACT], wd, Style(font=G, size=9.0, leading=15, align="right", sb=14)))
    flow.finish()
    return doc
