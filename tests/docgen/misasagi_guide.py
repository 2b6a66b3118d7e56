"""misasagi-guide.pdf: A4 portrait 設立・運営の手引き (fictional みささぎ県), built for held-out tests (BLIND25).

An ordinary prefectural guidebook: cover without a number, 目次 with dotted leaders (no number), body pages
with 「- n -」 centred at the bottom from the first body page and a running header (the guide's short title)
at the top left; chapter banners 第1章–第3章 (each on a new page), headings 1-1 …, （1）（2） sub-headings,
■ lead-ins, ①–④ items, ポイント / 注意 boxes, four ruled tables (表1 with 16 rows continues over a page break
under its repeated header row; 表2 and 表3 have wrapped cells; ※ notes under tables), a 設立までの流れ drawn as
five boxes in a column joined by down-arrows, a small 規約例 in a box, Q1.–Q6. with A. answers and a contact
box at the end.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_misasagi_guide as C
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
X0, X1, TOP, BOTTOM = 64.0, W - 64.0, 82.0, H - 68.0
GREEN = (0.12, 0.38, 0.30)      # みささぎ: deep green
MOSS = (0.55, 0.66, 0.35)
PALE = (0.93, 0.96, 0.92)
GRAY = (0.4, 0.4, 0.4)
WHITE = (1, 1, 1)
RED = (0.72, 0.16, 0.12)

P_ = Style(font=M, size=10.3, leading=18.2, indent=10.3, sa=2)
H2 = Style(size=12.0, leading=20, bold=True, color=GREEN, sb=14, sa=4, keep_next=True)
H3 = Style(size=10.4, leading=17, bold=True, sb=7, keep_next=True)
LEAD = Style(size=10.3, leading=17, bold=True, color=GREEN, sb=6, keep_next=True)
LI = Style(font=M, size=10.3, leading=17.6, indent=10.3, hang=20.6, sb=1)
NOTE = Style(size=8.6, leading=13.4, hang=8.6, sb=3, sa=2, color=(0.25, 0.25, 0.25))
TAB = {"size": 8.9, "leading": 13.0, "pad": 3.8, "header_fill": (0.86, 0.92, 0.86), "rule": (0.3, 0.3, 0.3),
       "caption_style": Style(size=9.8, leading=16, bold=True, sb=10, sa=2, keep_next=True),
       "note_style": Style(size=8.4, leading=12.8, hang=8.4 * 2.5, sb=2)}


def build() -> Doc:
    doc = Doc("misasagi-guide.pdf", A4, C.TITLE, "A4 guidebook, single column, 「- n -」 footer",
              meta_title=None, author="みささぎ県 県土整備部 住宅課")
    T = doc.truth
    state = {"n": 0}

    def decor(P, info, when):
        if when != "over" or info["footer"] is None:
            return
        P.text(X0, 46, info["header"], G, 8.2, GRAY)
        P.line(X0, 52, X1, 52, 0.6, MOSS)
        P.text(W / 2, H - 34, info["footer"], G, 9.5, BLACK, align="center")

    # ---- cover (no number)
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(0, 0, W, H, stroke=None, fill=PALE),
                          P.rect(0, 230, W, 5, stroke=None, fill=GREEN),
                          P.rect(0, 236, W, 2, stroke=None, fill=MOSS),
                          P.rect(0, 470, W, 2, stroke=None, fill=MOSS)))
    place_text(doc, pg, 72, 170, 400, [C.COVER["edition"]], Style(size=14, leading=22, color=GREEN))
    sid = T.sentence(C.TITLE, heading=True)
    for k, ln in enumerate(C.COVER["title_lines"]):
        doc.place(pg, Block(h=48, draw=lambda P, x, y, ln=ln: P.text(x, y + 38, ln, G, 30, BLACK, True),
                            frags=[(sid, ln)]), 72, 280 + k * 56)
    place_text(doc, pg, 72, 420, W - 144, [C.COVER["subtitle"]], Style(size=13, leading=22, color=GREEN))
    yy = H - 150
    for pub in C.COVER["publishers"]:
        place_text(doc, pg, 0, yy, W - 72, [pub], Style(size=13, leading=22, align="right"))
        yy += 26

    # ---- 目次 (no number)
    toc = doc.new_page(is_toc=True)
    y = 84.0
    y += place_text(doc, toc, X0, y, X1 - X0, ["目次"], Style(size=18, leading=28, bold=True, color=GREEN, sa=6),
                    heading=True)
    doc.op(toc, lambda P: P.line(X0, 116, X1, 116, 1.2, GREEN))
    y = 132.0
    entries = []
    for it in C.BODY:
        if it[0] == "chapter":
            entries.append((f"{it[1]}　{it[2]}", 0))
        elif it[0] == "h2":
            entries.append((it[1], 1))
    xr = X1 - 8
    for text, lvl in entries:
        st = Style(size=11.6, leading=25, bold=True) if lvl == 0 else Style(font=M, size=10.4, leading=21)
        x = X0 + 8 + (24 if lvl else 0)
        sid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st):
            target = next(i for i, s in enumerate(T.sentences)
                          if s["text"] == text and s.get("heading") and not s.get("toc"))
            num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, BLACK, st.bold)
            tw = sw(text, st.font, st.size) + 6
            dot = sw("・", G, 8.5)
            n = int((xr - xx - tw - 18) / dot)
            P.text(xx + tw, bl, "・" * n, G, 8.5, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        gap = 8 if lvl == 0 else 0
        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(sid, text)]), x, y + gap)
        y += st.leading + gap
    place_text(doc, toc, X0 + 8, y + 26, X1 - X0 - 16, [C.TOC_NOTE], NOTE, extra={"note": True})

    # ---- body
    def body_page() -> int:
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=C.RUN_TITLE, footer=f"- {n} -", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), body_page, ncols=1)

    def h2_deco(P, x, y, w, h):
        P.rect(x, y + 3, 5, h - 9, stroke=None, fill=GREEN)
        P.line(x, y + h - 3, x + w, y + h - 3, 0.6, MOSS)

    first_chapter = True
    for it in C.BODY:
        kind = it[0]
        fw = flow.width
        if kind == "chapter":
            if not first_chapter:
                flow.page_break()
            first_chapter = False
            _chapter(flow, T, it[1], it[2])
        elif kind == "h2":
            flow.add_all(decorate(line_blocks(T, [it[1]], fw, H2.but(indent=12, hang=12), heading=True), h2_deco, fw))
        elif kind == "h3":
            flow.add_all(line_blocks(T, [it[1]], fw, H3, heading=True))
        elif kind == "lead":
            flow.add_all(line_blocks(T, [it[1]], fw, LEAD, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
        elif kind == "note":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, NOTE, extra={"note": True}))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), fw, LI.but(sb=3 if k == 0 else 1), extra={"item": True}))
        elif kind == "point":
            flow.add(box_block(T, "ポイント", it[1], fw, Style(size=9.6, leading=15.6, hang=9.6),
                               Style(size=9.8, leading=14, bold=True), fill=(0.97, 0.99, 0.93), border=MOSS,
                               pad=9, sb=10, bullet_hang=9.6))
        elif kind == "caution":
            flow.add(box_block(T, "注意", it[1], fw, Style(size=9.6, leading=15.6, hang=9.6),
                               Style(size=9.8, leading=14, bold=True), fill=(1.0, 0.95, 0.94), border=RED,
                               pad=9, sb=10, bullet_hang=9.6))
        elif kind == "table":
            flow.add_table(TableSpec(**{**TAB, **it[1]}))
            flow.vspace(4)
        elif kind == "flow":
            _flowchart(flow, T, it[1], it[2])
        elif kind == "kiyaku":
            flow.add(_kiyaku(T, it[1], it[2], fw))
        elif kind == "qa":
            flow.add_all(line_blocks(T, [it[1]], fw, Style(size=10.3, leading=18, bold=True, color=GREEN,
                                                           hang=10.3 * 2.4, sb=9, keep_next=True), extra={"q": True}))
            flow.add_all(line_blocks(T, split_sentences(it[2]), fw, Style(font=M, size=10.1, leading=17.4,
                                                                          hang=10.1 * 2), extra={"a": True}))
        elif kind == "contact":
            flow.add(_contact(T, it[1], it[2], fw))
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "vspace":
            flow.vspace(it[1])
        else:
            raise KeyError(kind)
    flow.finish()
    return doc


def _chapter(flow: Flow, T, label: str, title: str) -> None:
    sid = T.sentence(f"{label}　{title}", heading=True)
    wd = flow.width

    def draw(P, x, y):
        P.rect(x, y, wd, 46, stroke=None, fill=GREEN, radius=3)
        P.rect(x + 8, y + 8, 74, 30, stroke=None, fill=WHITE, radius=3)
        P.text(x + 45, y + 29, label, G, 15, GREEN, True, "center")
        P.text(x + 98, y + 30, title, G, 18, WHITE, True)

    flow.add(Block(h=60, draw=draw, frags=[(sid, label), (sid, title)], keep_next=True))


def _flowchart(flow: Flow, T, caption: str, steps) -> None:
    """Five boxes in one column joined by down-arrows; the rough period to the right of each box."""
    wd = flow.width
    cap = line_blocks(T, [caption], wd, Style(size=9.8, leading=16, bold=True, sb=10, sa=4, keep_next=True),
                      extra={"caption": True, "figure": True})
    for b in cap:
        b.keep_next = True
    flow.add_all(cap)
    rows = []
    for label, text, period in steps:
        rows.append((T.sentence(f"{label}　{text}", figure=True), label, text, T.sentence(period, figure=True), period))
    bh, gap = 34.0, 18.0
    lab_w, box_w = 62.0, 280.0
    x_off = 20.0
    h = len(rows) * bh + (len(rows) - 1) * gap + 4

    def draw(P, x, y):
        for k, (_s, label, text, _p, period) in enumerate(rows):
            yy = y + k * (bh + gap)
            bx = x + x_off
            P.rect(bx, yy, lab_w + box_w, bh, stroke=GREEN, fill=WHITE, width=1.1, radius=3)
            P.rect(bx, yy, lab_w, bh, stroke=None, fill=GREEN, radius=3)
            P.text(bx + lab_w / 2, yy + bh / 2 + 4, label, G, 11, WHITE, True, "center")
            P.text(bx + lab_w + 12, yy + bh / 2 + 4, text, G, 10.2, BLACK, True)
            P.text(bx + lab_w + box_w + 16, yy + bh / 2 + 4, period, G, 9.4, GRAY)
            if k < len(rows) - 1:
                cx = bx + (lab_w + box_w) / 2
                P.line(cx, yy + bh + 2, cx, yy + bh + gap - 7, 2.4, MOSS)
                P.poly([(cx - 7, yy + bh + gap - 8), (cx + 7, yy + bh + gap - 8), (cx, yy + bh + gap - 1)], fill=MOSS)

    frags = []
    for s1, label, text, s2, period in rows:
        frags += [(s1, label), (s1, text), (s2, period)]
    flow.add(Block(h=h, draw=draw, frags=frags, sb=4))


def _kiyaku(T, title: str, lines: list[str], width: float) -> Block:
    """A small 規約例 in one framed box (kept on one page)."""
    pad = 12.0
    inner = width - 2 * pad - 20
    parts: list[Block] = []
    tsid = T.sentence(title, heading=True, box=True)
    head = Style(font=M, size=10.2, leading=18, bold=True, align="center", sa=2)
    art = Style(font=M, size=9.6, leading=15.6, hang=9.6 * 1)
    parts.extend(line_blocks(T, [lines[0]], inner, head, heading=True, extra={"box": True}))
    for ln in lines[1:]:
        parts.extend(line_blocks(T, split_sentences(ln), inner, art, extra={"box": True}))
    tab_h = 24.0
    h = tab_h + sum(b.h for b in parts) + pad

    def draw(P, x, y):
        bx = x + 10
        bw = width - 20
        P.rect(bx, y, bw, h, stroke=GRAY, fill=(0.985, 0.985, 0.975), width=0.9)
        P.rect(bx, y, sw(title, G, 9.6) + 20, 17, stroke=None, fill=GRAY)
        P.text(bx + 10, y + 12.5, title, G, 9.6, WHITE, True)
        yy = y + tab_h
        for b in parts:
            b.draw(P, bx + pad, yy)
            yy += b.h

    frags = [(tsid, title)] + [f for b in parts for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=10)


def _contact(T, title: str, lines: list[str], width: float) -> Block:
    pad = 12.0
    tsid = T.sentence(title, heading=True, box=True)
    parts: list[Block] = []
    for k, ln in enumerate(lines):
        st = Style(size=10.0 if k % 2 == 0 else 9.6, leading=17, bold=k % 2 == 0, indent=0 if k % 2 == 0 else 14,
                   sb=6 if k and k % 2 == 0 else 0)
        bl = line_blocks(T, [ln], width - 2 * pad, st, extra={"box": True, "contact": True})
        parts.extend(bl)
    th = 24.0
    h = th + sum(b.h + b.sb for b in parts) + pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=GREEN, fill=WHITE, width=1.2, radius=4)
        P.rect(x, y, width, 20, stroke=None, fill=GREEN, radius=4)
        P.text(x + 12, y + 14, title, G, 10.4, WHITE, True)
        yy = y + th
        for b in parts:
            yy += b.sb
            b.draw(P, x + pad, yy)
            yy += b.h

    frags = [(tsid, title)] + [f for b in parts for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=18)
