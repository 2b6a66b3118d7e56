"""tsubaki-leaflet.pdf: 市町村のための 居住支援協議会 Q&A, an A4 LANDSCAPE tri-fold leaflet (fictional 椿県).

Layout traps: two sheets = two pages, each with THREE panels side by side (about 32 pt between the text of
neighbouring panels; ruled gutters on the inside page, unruled on the outside page), so pdfplumber reads
across the panels line by line; the outside page reads ◆4 Q&A + ポイント box (left) → contact panel (middle)
→ title panel (RIGHT); the inside page is one flow over three panels (◆1–◆3, Q1–Q11) in which answers
continue from one panel into the next; a 3-step flow of boxes with arrows; a small ruled table (補助メニュー:
補助率, 上限額（万円）, 対象経費) inside one panel with ※ notes; footer 「椿県 建築住宅課」 on each page;
no page numbers, no running header, no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_tsubaki_leaflet as C
from .engine import (
    Block,
    Doc,
    Flow,
    G,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    place_text,
    split_sentences,
    text_height,
)
from .kit import box_block

W, H = landscape(A4)
PW = W / 3
M_IN = 16.0
TOP, BOTTOM = 30.0, H - 40.0
CRIMSON = (0.72, 0.12, 0.2)
GREEN = (0.16, 0.42, 0.3)
PALE = (0.99, 0.94, 0.94)
WHITE = (1, 1, 1)
GRAY = (0.4, 0.4, 0.4)

SEC = Style(size=11.5, leading=21, bold=True, color=WHITE, indent=8, sb=8, sa=5, keep_next=True)
QST = Style(size=9.4, leading=13.8, bold=True, color=CRIMSON, hang=9.4 * 2.2, sb=5, sa=1, keep_next=True)
AST = Style(size=8.9, leading=13.2, indent=15, hang=15)
NOTE = Style(size=8.0, leading=11.6, hang=8.0, color=GRAY)


def _once(pg: int):
    used = {"n": 0}

    def fn() -> int:
        used["n"] += 1
        if used["n"] > 1:
            raise AssertionError(f"tsubaki-leaflet: panel flow on page {pg} overflows")
        return pg
    return fn


def _sec_deco(P, x, y, w, h):
    P.rect(x, y + 1, w, h - 7, stroke=None, fill=CRIMSON, radius=3)


def _a_deco(P, x, y, w, h):
    P.rect(x, y + 1.5, 11, 11, stroke=None, fill=GREEN, radius=5.5)
    P.text(x + 5.5, y + 10.3, "A", G, 8, WHITE, True, "center")


def _add_items(flow: Flow, items: list) -> None:
    T = flow.doc.truth
    wd = flow.width
    for it in items:
        kind = it[0]
        if kind == "sec":
            bl = line_blocks(T, [it[1]], wd, SEC, heading=True)
            orig = bl[0].draw

            def draw(P, x, y, orig=orig):
                _sec_deco(P, x, y, wd, SEC.leading + 6)
                orig(P, x, y)
            bl[0].draw = draw
            flow.add_all(bl)
        elif kind == "q":
            flow.add_all(line_blocks(T, [it[1]], wd, QST, heading=True, extra={"q": True}))
        elif kind == "a":
            bl = line_blocks(T, split_sentences(it[1]), wd, AST, extra={"a": True})
            orig = bl[0].draw

            def draw(P, x, y, orig=orig):
                _a_deco(P, x, y, wd, 0)
                orig(P, x, y)
            bl[0].draw = draw
            flow.add_all(bl)
        elif kind == "point":
            b = box_block(T, it[1], it[2], wd, Style(size=8.9, leading=13.4, hang=8.9),
                          Style(size=10, leading=15, bold=True), fill=(1.0, 0.97, 0.86),
                          border=(0.85, 0.55, 0.1), pad=8, sb=12, bullet_hang=8.9)
            flow.add(b)
        elif kind == "steps":
            head = line_blocks(T, [it[1]], wd, Style(size=10, leading=15, bold=True, color=GREEN, sb=10, sa=3,
                                                     keep_next=True), heading=True)
            flow.add_all(head)
            steps = it[2]
            for k, (title, desc) in enumerate(steps):
                b = box_block(T, title, [desc], wd, Style(size=8.8, leading=13),
                              Style(size=9.4, leading=14, bold=True), fill=(0.93, 0.97, 0.94),
                              border=GREEN, pad=6, sb=0)
                b.keep_next = k < len(steps) - 1
                flow.add(b)
                if k < len(steps) - 1:
                    def arrow(P, x, y, cx=wd / 2):
                        P.poly([(x + cx - 9, y + 2), (x + cx + 9, y + 2), (x + cx, y + 10)], fill=GREEN)
                    flow.add(Block(h=12, draw=arrow, keep_next=True))
            flow.vspace(4)
        elif kind == "colbreak":
            flow.column_break()
        elif kind == "table":
            spec = dict(it[1])
            flow.add_table(TableSpec(**spec, size=7.9, leading=10.8, pad=3.0, header_fill=(0.97, 0.86, 0.87),
                                     caption_style=Style(size=9.0, leading=13.5, bold=True, sb=6, sa=2,
                                                         keep_next=True),
                                     note_style=Style(size=7.8, leading=11.2, hang=7.8, color=GRAY, sb=2)))
            flow.vspace(4)
        else:
            raise KeyError(kind)


def build() -> Doc:
    doc = Doc("tsubaki-leaflet.pdf", (W, H), C.TITLE, "A4 landscape tri-fold leaflet, three panels per page",
              meta_title=None)

    def decor(P, info, when):
        if when == "under":
            if info["index"] == 0:
                P.rect(2 * PW, 0, PW, H, stroke=None, fill=PALE)
                P.rect(2 * PW, 0, PW, 12, stroke=None, fill=CRIMSON)
            P.rect(0, H - 8, W, 8, stroke=None, fill=CRIMSON)
            return
        P.text(W - M_IN, H - 20, info["footer"], G, 8.6, GRAY, align="right")

    p0 = doc.new_page(footer=C.FOOTER, decor=decor)
    p1 = doc.new_page(footer=C.FOOTER, decor=decor)

    # ---- outside page: left panel (◆4 + ポイント)
    flow = Flow(doc, (M_IN, TOP, PW - M_IN, BOTTOM), _once(p0), ncols=1)
    _add_items(flow, C.RUN_TIPS)
    flow.finish()

    # ---- outside page: middle panel (contact)
    _contact(doc, p0, PW + M_IN, PW - 2 * M_IN)

    # ---- outside page: right panel (title)
    _cover(doc, p0, 2 * PW + M_IN, PW - 2 * M_IN)

    # ---- inside page: one flow over three panels, ruled gutters
    flow = Flow(doc, (M_IN, TOP, W - M_IN, BOTTOM), _once(p1), ncols=3, gutter=2 * M_IN,
                col_rule=(0.75, 0.6, 0.6))
    _add_items(flow, C.INSIDE)
    flow.finish()
    return doc


def _contact(doc: Doc, pg: int, x: float, w: float) -> None:
    K = C.CONTACT
    y = TOP
    bl = line_blocks(doc.truth, [K["heading"]], w, SEC, heading=True)
    doc.op(pg, lambda P, y=y: _sec_deco(P, x, y, w, SEC.leading + 6))
    for b in bl:
        doc.place(pg, b, x, y)
        y += b.h
    y += 8
    tst = Style(size=9.6, leading=14, bold=True, color=WHITE)
    lst = Style(size=9.2, leading=15)
    for title, lines in K["boxes"]:
        th = text_height([title], w - 16, tst) + 8
        bh = sum(text_height([t], w - 16, lst) for t in lines)
        h = th + bh + 10
        doc.op(pg, lambda P, y=y, h=h, th=th: (P.rect(x, y, w, h, stroke=GREEN, fill=WHITE, width=1.1, radius=4),
                                               P.rect(x, y, w, th, stroke=None, fill=GREEN, radius=4)))
        yy = y + 4
        yy += place_text(doc, pg, x + 8, yy, w - 16, [title], tst, heading=True, extra={"box": True})
        yy += 6
        for t in lines:
            yy += place_text(doc, pg, x + 8, yy, w - 16, [t], lst, extra={"box": True})
        y += h + 12
    y += 6
    y += place_text(doc, pg, x, y, w, [K["visit_title"]],
                    Style(size=10.2, leading=16, bold=True, color=CRIMSON), heading=True)
    doc.op(pg, lambda P, y=y: P.line(x, y, x + w, y, 1.0, CRIMSON))
    y += 4
    for t in K["visit"]:
        y += place_text(doc, pg, x, y, w, split_sentences(t), Style(size=9.0, leading=14, indent=9, sb=1))
    y += 2
    y += place_text(doc, pg, x, y, w, [K["visit_note"]], NOTE, extra={"note": True})
    if y > BOTTOM:
        raise AssertionError(f"tsubaki-leaflet: contact panel overflows ({y:.0f})")


def _cover(doc: Doc, pg: int, x: float, w: float) -> None:
    K = C.COVER
    T = doc.truth
    y = TOP + 18
    y += place_text(doc, pg, x, y, w, [K["org"]], Style(size=10, leading=15, bold=True, color=GREEN, align="center"))
    y += 40
    sid = T.sentence(C.TITLE, heading=True)
    kst = Style(size=16, leading=24, bold=True, color=CRIMSON, align="center")
    tst = Style(size=23, leading=32, bold=True, color=(0.15, 0.15, 0.15), align="center")
    for text, st in ((K["kicker"], kst), (K["title"], tst)):
        def draw(P, xx, yy, text=text, st=st):
            P.text(xx + w / 2, baseline_of(yy, st), text, st.font, st.size, st.color, True, "center")
        doc.place(pg, Block(h=st.leading, draw=draw, frags=[(sid, text)]), x, y)
        y += st.leading
    y += 8
    doc.op(pg, lambda P, y=y: P.line(x + 24, y, x + w - 24, y, 1.2, CRIMSON))
    y += 8
    y += place_text(doc, pg, x, y, w, [K["subtitle"]], Style(size=9.6, leading=15, color=GREEN, align="center"),
                    heading=True)
    y += 26
    # a camellia mark drawn as shapes (no text)
    cx, cy = x + w / 2, y + 34
    doc.op(pg, lambda P: ([P.rect(cx - 13 + dx, cy - 13 + dy, 26, 26, stroke=None, fill=CRIMSON, radius=13)
                           for dx, dy in ((0, -14), (13, -4), (8, 12), (-8, 12), (-13, -4))],
                          P.rect(cx - 7, cy - 7, 14, 14, stroke=None, fill=(0.98, 0.85, 0.3), radius=7)))
    y += 86
    y += place_text(doc, pg, x + 8, y, w - 16, split_sentences(K["lead"]), Style(size=9.4, leading=15.5, indent=9.4))
    y += 14
    items = [K["contents_title"]] + K["contents"]
    bh = 10 + 16 + len(K["contents"]) * 15 + 6
    doc.op(pg, lambda P, y=y: P.rect(x + 10, y, w - 20, bh, stroke=CRIMSON, fill=WHITE, width=0.9, radius=4))
    yy = y + 6
    yy += place_text(doc, pg, x + 20, yy, w - 40, [items[0]], Style(size=9.4, leading=16, bold=True, color=CRIMSON),
                     heading=True)
    for t in K["contents"]:
        yy += place_text(doc, pg, x + 24, yy, w - 44, [t], Style(size=9.0, leading=15), extra={"item": True})
    y += bh + 16
    place_text(doc, pg, x, y, w, [K["edition"]], Style(size=9.0, leading=14, color=GRAY, align="center"))
