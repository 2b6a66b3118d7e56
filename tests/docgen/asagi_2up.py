"""asagi-2up.pdf: a 研修会 handout printed 2-UP on A4 portrait, 8 pages = 16 slides (fictional あさぎ県).

Layout traps: every page holds TWO landscape 16:9 slides stacked vertically, each drawn inside a thin frame and
using the full text width (no memo area); each slide has its own title bar and its own number 「n / 16」 at the bottom
right INSIDE the frame (the title slide has none), while the PAGE carries a running header (seminar name left, date
right, over a rule) and a centred footer 「- n -」 (1–8), so every page shows two slide numbers and one page number
that never agree; slide 1 is a title slide with a coloured band; an agenda with times; three big-number boxes side by
side (pdfplumber reads across them); a flow of four boxes joined by arrows with two rows of labels under the boxes
(目安の期間 / 県の支援); two ruled tables inside single slides (補助メニュー, two rounds of 募集); a timeline (dates above
the line, events below, flag `chart`); a ruled table that CONTINUES from slide 8 (the foot of page 4) onto slide 9
(the top of page 5) with its header row repeated and 「（続き）」 in the second slide's title (one table in the truth,
pages [3, 4]); a slide with TWO text columns inside the frame separated by a rule (pdfplumber reads across them);
a case slide with a key/value table and a 「ポイント」 callout box side by side; a mini flow of four small boxes; two
desk boxes side by side; a Q&A slide (flags `q` / `a`); a contact slide with two boxes.  Reading order in the truth:
the upper slide of a page, then the lower one.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_asagi_2up as C
from .engine import BLACK, Doc, G, Style, TableSpec, place_text, split_sentences, sw, table_parts, text_height
from .kit import box_block

W, H = A4
SX = 36.0
SW_ = W - 2 * SX
SH = SW_ * 9 / 16
SLIDE_Y = [70.0, 70.0 + SH + 44.0]
PAD = 16.0
BAR_H = 26.0
ASAGI = (0.0, 0.53, 0.6)
INDIGO = (0.13, 0.2, 0.42)
ORANGE = (0.9, 0.48, 0.1)
PALE = (0.9, 0.96, 0.97)
GRAY = (0.4, 0.4, 0.4)
LINE = (0.7, 0.7, 0.7)
WHITE = (1, 1, 1)

TXT = Style(size=9.8, leading=15.5)
ITEM = Style(size=10.0, leading=16.0, hang=10.0, sb=2)
NOTE = Style(size=8.2, leading=12.6, color=GRAY, hang=8.2)


def build() -> Doc:
    doc = Doc("asagi-2up.pdf", A4, C.SEMINAR + " 配付資料",
              "A4 portrait handout printed 2-up: two framed 16:9 slides per page, slide numbers inside the frames",
              meta_title=None)
    T = doc.truth
    inner_w = SW_ - 2 * PAD
    state: dict = {}

    def decor(P, info, when):
        if when != "over":
            return
        P.text(SX, 44, C.SEMINAR, G, 8.6, GRAY)
        P.text(W - SX, 44, C.DATE, G, 8.6, GRAY, align="right")
        P.line(SX, 51, W - SX, 51, 0.5, LINE)
        P.text(W / 2, H - 38, info["footer"], G, 9.5, BLACK, align="center")

    def slide(pg: int, y0: float, num: int, s: dict) -> None:
        x0 = SX
        kind = s["kind"]

        def frame(P, y0=y0, num=num, titled=kind != "title"):
            P.rect(x0, y0, SW_, SH, stroke=(0.35, 0.35, 0.35), fill=WHITE, width=0.7)
            if titled:
                P.rect(x0 + 0.4, y0 + 0.4, SW_ - 0.8, BAR_H, stroke=None, fill=ASAGI)
                P.rect(x0 + 0.4, y0 + BAR_H + 0.4, SW_ - 0.8, 2.2, stroke=None, fill=INDIGO)
                P.text(x0 + SW_ - 10, y0 + SH - 7, f"{num} / {C.NSLIDES}", G, 7.4, GRAY, align="right")
        doc.op(pg, frame)

        if kind == "title":
            _title(doc, pg, x0, y0, s)
            return
        place_text(doc, pg, x0 + 12, y0 + 4, SW_ - 24, [s["title"]],
                   Style(size=12.5, leading=18, bold=True, color=WHITE), heading=True)
        y = y0 + BAR_H + 12
        bottom = y0 + SH - 15
        X = x0 + PAD

        def notes(y, lst):
            for n in lst:
                y += place_text(doc, pg, X, y, inner_w, split_sentences(n), NOTE, extra={"note": True})
            return y

        def bullets(y, lst, st=ITEM):
            for b in lst:
                y += place_text(doc, pg, X + 4, y, inner_w - 4, split_sentences(b),
                                st.but(hang=st.size if b.startswith("・") else 0), extra={"item": True})
            return y

        def note_band(y, text):
            st = TXT.but(size=8.8, leading=13.5, color=INDIGO, bold=True)
            h = text_height(split_sentences(text), inner_w - 20, st) + 10
            doc.op(pg, lambda P, y=y, h=h: P.rect(X, y, inner_w, h, stroke=None, fill=PALE, radius=4))
            place_text(doc, pg, X + 10, y + 5, inner_w - 20, split_sentences(text), st)
            return y + h

        if kind == "agenda":
            for t, item in s["items"]:
                doc.op(pg, lambda P, y=y: (P.rect(X + 20, y, inner_w - 40, 22, stroke=LINE, fill=WHITE, width=0.6,
                                                  radius=3),
                                           P.rect(X + 20, y, 5, 22, stroke=None, fill=ASAGI)))
                place_text(doc, pg, X + 34, y + 3, inner_w - 60, [f"{t}　{item}"],
                           Style(size=10, leading=16), extra={"item": True})
                y += 28
            y = notes(y + 2, [s["note"]])
        elif kind == "numbers":
            y = _numbers(doc, pg, X, y, inner_w, s["boxes"])
            y = notes(y + 8, s["notes"])
            y = note_band(y + 8, s["band"])
        elif kind == "flow":
            y = _flow(doc, pg, X, y, inner_w, s["steps"], s["rows"])
            y = bullets(y + 6, s["bullets"], ITEM.but(size=9.6, leading=15.5))
            y = note_band(y + 8, s["band"])
        elif kind == "table":
            spec = s["table"]
            ts = TableSpec(**spec, size=9.4, leading=13.6, pad=5, header_fill=(0.85, 0.93, 0.94))
            _, header, rows, _ = table_parts(doc, ts, inner_w)
            for b in [header()] + rows:
                doc.place(pg, b, X, y)
                y += b.h
            y = notes(y + 6, s.get("notes", []))
            y = bullets(y + 4, s.get("bullets", []), ITEM.but(size=9.6, leading=15.5))
        elif kind == "table_part":
            spec = C.SETTEI
            if s["part"] == 0:
                ts = TableSpec(caption=spec["caption"], header=spec["header"], rows=spec["rows"],
                               widths=spec["widths"], align=spec["align"], size=9.0, leading=13.0, pad=4.5,
                               header_fill=(0.85, 0.93, 0.94),
                               caption_style=Style(size=9.2, leading=15, bold=True, color=INDIGO, sa=3))
                caps, header, rows, _ = table_parts(doc, ts, inner_w)
                state["settei"] = (header, rows)
                blocks = caps + [header()] + rows[:spec["split"]]
            else:
                header, rows = state["settei"]
                blocks = [header()] + rows[spec["split"]:]
            for b in blocks:
                y += b.sb
                doc.place(pg, b, X, y)
                y += b.h
            if s["part"] == 1:
                y = notes(y + 6, spec["notes"])
        elif kind == "timeline":
            y = _timeline(doc, pg, X, y, inner_w, s["events"])
            y = bullets(y + 8, s["bullets"], ITEM.but(size=9.6, leading=15.5))
            y = note_band(y + 8, s["band"])
        elif kind == "twocol":
            y = _twocol(doc, pg, X, y, inner_w, s["cols"])
            y = note_band(y + 8, s["note"])
        elif kind == "case":
            y = _case(doc, pg, X, y, inner_w, s["facts"], s["point"])
            y += 10 + place_text(doc, pg, X, y + 10, inner_w, [s["quote"]],
                                 Style(size=10, leading=16, bold=True, color=INDIGO))
        elif kind == "bullets":
            y = bullets(y, s["bullets"], ITEM.but(size=10.2, leading=17, sb=5))
            if s.get("miniflow"):
                y = _miniflow(doc, pg, X, y + 10, inner_w, *s["miniflow"])
            if s.get("note"):
                y = note_band(y + 10, s["note"])
        elif kind == "desks":
            y += place_text(doc, pg, X, y, inner_w, split_sentences(s["lead"]), TXT)
            y += 6
            bw = (inner_w - 14) / 2
            hmax = 0.0
            for k, (title, lines) in enumerate(s["boxes"]):
                b = box_block(T, title, lines, bw, Style(size=9.2, leading=15), Style(size=9.6, leading=15.5, bold=True),
                              fill=(0.96, 0.99, 0.99), border=ASAGI, pad=7)
                doc.place(pg, b, X + k * (bw + 14), y)
                hmax = max(hmax, b.h)
            y = notes(y + hmax + 8, [s["note"]])
        elif kind == "qa":
            for q, a in s["qa"]:
                y += place_text(doc, pg, X, y, inner_w, [q], Style(size=10.2, leading=16, bold=True, color=INDIGO,
                                                                    hang=sw("Q1　", G, 10.2)), extra={"q": True})
                y += place_text(doc, pg, X, y, inner_w, split_sentences(a),
                                Style(size=9.8, leading=15.5, hang=sw("A　", G, 9.8)), extra={"a": True}) + 12
        elif kind == "contact":
            y = bullets(y, s["bullets"], ITEM.but(size=10, leading=16.5))
            y += 8
            for title, lines in s["boxes"]:
                b = box_block(T, title, lines, inner_w, Style(size=10, leading=16), Style(size=10, leading=16,
                              bold=True), fill=(0.96, 0.99, 0.99), border=ASAGI, pad=7)
                doc.place(pg, b, X, y)
                y += b.h + 8
        else:
            raise KeyError(kind)
        if y > bottom + 0.5:
            raise AssertionError(f"asagi-2up slide {num}: content overflows ({y:.0f} > {bottom:.0f})")

    for i in range(0, len(C.SLIDES), 2):
        n = i // 2 + 1
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer=f"- {n} -", decor=decor)
        for k in range(2):
            slide(pg, SLIDE_Y[k], i + k + 1, C.SLIDES[i + k])
    return doc


def _title(doc, pg, x0, y0, s) -> None:
    band = 150.0
    doc.op(pg, lambda P: (P.rect(x0 + 0.4, y0 + 0.4, SW_ - 0.8, band, stroke=None, fill=ASAGI),
                          P.rect(x0 + 0.4, y0 + band, SW_ - 0.8, 4, stroke=None, fill=ORANGE)))
    w = SW_ - 2 * PAD
    y = y0 + 18
    y += place_text(doc, pg, x0 + PAD, y, w, [s["event"]], Style(size=10.5, leading=17, color=(0.9, 0.97, 1),
                                                                    align="center"))
    y += 8
    for ln in s["title"]:
        y += place_text(doc, pg, x0 + PAD, y, w, [ln], Style(size=22, leading=32, bold=True, color=WHITE,
                                                            align="center"), heading=True)
    place_text(doc, pg, x0 + PAD, y0 + band + 16, w, [s["sub"]],
               Style(size=13, leading=20, bold=True, color=INDIGO, align="center"))
    y = y0 + band + 48
    for m in s["meta"]:
        y += place_text(doc, pg, x0 + PAD, y, w, [m], Style(size=9.6, leading=16, align="center"))
    place_text(doc, pg, x0 + PAD, y + 6, w, [s["by"]], Style(size=11, leading=17, bold=True, color=INDIGO,
                                                               align="center"))


def _numbers(doc, pg, X, y, w, boxes) -> float:
    gap = 12.0
    k = len(boxes)
    bw = (w - gap * (k - 1)) / k
    tst = Style(size=20, leading=30, bold=True, color=WHITE, align="center")
    bst = Style(size=8.6, leading=13.5)
    hs = [sum(text_height(split_sentences(t), bw - 16, bst.but(sb=3)) for t in lines) for _t, lines in boxes]
    bh = max(hs) + tst.leading + 20
    fills = [ASAGI, INDIGO, ORANGE]
    for i, (title, lines) in enumerate(boxes):
        x = X + i * (bw + gap)
        f = fills[i]
        doc.op(pg, lambda P, x=x, f=f: (P.rect(x, y, bw, bh, stroke=f, fill=WHITE, width=1.2, radius=5),
                                         P.rect(x, y, bw, tst.leading + 4, stroke=None, fill=f, radius=5)))
        place_text(doc, pg, x, y + 2, bw, [title], tst, heading=True, extra={"box": True})
        yy = y + tst.leading + 10
        for t in lines:
            yy += place_text(doc, pg, x + 8, yy, bw - 16, split_sentences(t), bst.but(sb=3), extra={"box": True})
    return y + bh


def _flow(doc, pg, X, y, w, steps, rows) -> float:
    lab_w = 62.0
    gap = 18.0
    k = len(steps)
    bw = (w - lab_w - gap * (k - 1)) / k
    bh = 36.0
    x1 = X + lab_w
    for i, label in enumerate(steps):
        x = x1 + i * (bw + gap)
        doc.op(pg, lambda P, x=x, y=y: P.rect(x, y, bw, bh, stroke=ASAGI, fill=PALE, width=1.3, radius=6))
        place_text(doc, pg, x, y + 9, bw, [label], Style(size=11, leading=18, bold=True, color=INDIGO,
                                                         align="center"), heading=True, extra={"box": True})
        if i < k - 1:
            ax = x + bw + 2
            cy = y + bh / 2
            doc.op(pg, lambda P, ax=ax, cy=cy: (P.line(ax, cy, ax + gap - 9, cy, 2, ORANGE),
                                                P.poly([(ax + gap - 10, cy - 5), (ax + gap - 3, cy),
                                                        (ax + gap - 10, cy + 5)], fill=ORANGE)))
    y += bh + 8
    for label, cells in rows:
        rst = Style(size=9.2, leading=14, align="center")
        rh = max(text_height([c], bw - 6, rst) for c in cells) + 8
        doc.op(pg, lambda P, y=y, rh=rh: (P.rect(X, y, lab_w - 8, rh, stroke=None, fill=INDIGO, radius=3),
                                          P.line(x1, y + rh + 2, X + w, y + rh + 2, 0.4, LINE, dash=[2, 2])))
        place_text(doc, pg, X, y + (rh - 13) / 2, lab_w - 8, [label], Style(size=8.6, leading=13, bold=True,
                                                                           color=WHITE, align="center"))
        for i, c in enumerate(cells):
            place_text(doc, pg, x1 + i * (bw + gap) + 3, y + 4, bw - 6, [c], rst)
        y += rh + 6
    return y


def _timeline(doc, pg, X, y, w, events) -> float:
    k = len(events)
    slot = w / k
    ly = y + 22
    doc.op(pg, lambda P: (P.line(X, ly, X + w - 6, ly, 2.2, ASAGI),
                          P.poly([(X + w - 8, ly - 5), (X + w, ly), (X + w - 8, ly + 5)], fill=ASAGI)))
    for i, (date, ev, desc) in enumerate(events):
        cx = X + slot * (i + 0.5)
        today = "本日" in desc
        doc.op(pg, lambda P, cx=cx, today=today: P.rect(cx - 5, ly - 5, 10, 10, stroke=WHITE,
                                                        fill=ORANGE if today else INDIGO, radius=5))
        place_text(doc, pg, cx - slot / 2, y, slot, [date], Style(size=8.6, leading=13, bold=True,
                                                                 align="center"), extra={"chart": True})
        place_text(doc, pg, cx - slot / 2 + 4, ly + 10, slot - 8, [ev], Style(size=9.4, leading=14, bold=True,
                   color=INDIGO, align="center"), extra={"chart": True})
        place_text(doc, pg, cx - slot / 2 + 4, ly + 25, slot - 8, [desc], Style(size=8.4, leading=12.5,
                   align="center"), extra={"chart": True})
    return ly + 48


def _twocol(doc, pg, X, y, w, cols) -> float:
    gap = 22.0
    cw = (w - gap) / 2
    hst = Style(size=11, leading=17, bold=True, color=ASAGI)
    ist = Style(size=9.6, leading=15, hang=9.6, sb=4)
    ys = []
    for k, (head, items) in enumerate(cols):
        x = X + k * (cw + gap)
        yy = y + place_text(doc, pg, x, y, cw, [head], hst, heading=True)
        doc.op(pg, lambda P, x=x, yy=yy: P.line(x, yy, x + cw, yy, 1.0, ASAGI))
        yy += 4
        for it in items:
            yy += place_text(doc, pg, x, yy, cw, split_sentences(it), ist, extra={"item": True})
        ys.append(yy)
    bot = max(ys)
    doc.op(pg, lambda P: P.line(X + cw + gap / 2, y, X + cw + gap / 2, bot, 0.6, LINE))
    return bot


def _case(doc, pg, X, y, w, facts, point) -> float:
    tw = w * 0.6
    ts = TableSpec(caption=None, header=["項目", "内容"], rows=facts, widths=[1.0, 2.9], align=["l", "l"],
                   size=9.0, leading=13.2, pad=4, header_fill=(0.85, 0.93, 0.94), first_col_fill=(0.95, 0.95, 0.95))
    _, header, rows, _ = table_parts(doc, ts, tw)
    yy = y
    for b in [header()] + rows:
        doc.place(pg, b, X, yy)
        yy += b.h
    bx = X + tw + 14
    bw = w - tw - 14
    title, lines = point
    b = box_block(doc.truth, title, lines, bw, Style(size=9.0, leading=14.4, hang=sw("①", G, 9.0)),
                  Style(size=9.6, leading=15, bold=True), fill=(1.0, 0.96, 0.9), border=ORANGE, pad=8,
                  bullet_hang=sw("①", G, 9.0))
    doc.place(pg, b, bx, y + 6)
    return max(yy, y + 6 + b.h)


def _miniflow(doc, pg, X, y, w, label, steps) -> float:
    y += place_text(doc, pg, X, y, w, [label], Style(size=9.2, leading=15, bold=True, color=INDIGO), heading=True)
    y += 3
    k = len(steps)
    gap = 16.0
    bw = (w - gap * (k - 1)) / k
    st = Style(size=8.4, leading=12.5, align="center")
    bh = max(text_height([s], bw - 8, st) for s in steps) + 10
    for i, s in enumerate(steps):
        x = X + i * (bw + gap)
        doc.op(pg, lambda P, x=x: P.rect(x, y, bw, bh, stroke=INDIGO, fill=WHITE, width=0.9, radius=3))
        th = text_height([s], bw - 8, st)
        place_text(doc, pg, x + 4, y + (bh - th) / 2, bw - 8, [s], st, extra={"box": True})
        if i < k - 1:
            ax = x + bw + 3
            cy = y + bh / 2
            doc.op(pg, lambda P, ax=ax, cy=cy: P.poly([(ax, cy - 5), (ax + gap - 6, cy), (ax, cy + 5)],
                                                      fill=ORANGE))
    return y + bh
