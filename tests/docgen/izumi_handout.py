"""izumi-handout.pdf: seminar handout printed 2-up, A4 portrait, 5 pages = 10 slides (fictional いずみ県).

Layout traps: every page carries TWO framed 4:3 slides stacked vertically, each with its own slide number (1–10) in
the slide's lower right corner, and to the right of each slide a ruled memo area (empty lines); the printed page
label is the footer 「- n -」 (1–5), NOT the slide number; running header = seminar name and date (two pieces on one
line) on every page; slide titles as white text in a coloured bar; a horizontal bar chart (category label left of the
axis, value label right of the bar, a dashed target bar) and a vertical bar chart (value above, category below,
dashed target), registered as sentences with the flag `chart`; a ruled subsidy table inside a slide; a check list
with □; a case slide with a small ruled key/value table; a Q&A slide (flags `q` / `a`); a contact slide with two boxes
side by side (pdfplumber reads across them). Reading order in the truth: slide 1 of a page, then slide 2. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_izumi_handout as C
from .engine import BLACK, Doc, G, Style, TableSpec, place_text, split_sentences, table_parts
from .kit import box_block

W, H = A4
SX, SW_ = 40.0, 372.0
SH = SW_ * 3 / 4
SLIDE_Y = [76.0, 76.0 + SH + 86.0]
MEMO_X0, MEMO_X1 = SX + SW_ + 16, W - 36
PAD = 16.0
BAR_H = 30.0
NAVY = (0.12, 0.27, 0.45)
ORANGE = (0.92, 0.5, 0.12)
GRAY = (0.4, 0.4, 0.4)
LINE = (0.72, 0.72, 0.72)
WHITE = (1, 1, 1)

TXT = Style(size=9.6, leading=15.5)
ITEM = Style(size=9.6, leading=16.5, hang=12, sb=2)
NOTE = Style(size=7.6, leading=11.5, color=GRAY, hang=8)


def build() -> Doc:
    doc = Doc("izumi-handout.pdf", A4, C.SEMINAR + " 配付資料",
              "A4 portrait handout, two 4:3 slides per page stacked vertically with ruled memo areas", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.text(SX, 40, C.SEMINAR, G, 8.6, GRAY)
        P.text(W - 36, 40, C.DATE, G, 8.6, GRAY, align="right")
        P.line(SX, 47, W - 36, 47, 0.5, LINE)
        P.text(W / 2, H - 30, info["footer"], G, 9.5, BLACK, align="center")

    def slide(pg: int, y0: float, num: int, s: dict) -> None:
        x0 = SX
        inner_w = SW_ - 2 * PAD

        def frame(P, y0=y0, num=num, title=s["kind"] != "title"):
            P.rect(x0, y0, SW_, SH, stroke=(0.35, 0.35, 0.35), fill=WHITE, width=0.9)
            if title:
                P.rect(x0, y0, SW_, BAR_H, stroke=None, fill=NAVY)
                P.rect(x0, y0 + BAR_H, SW_, 2.5, stroke=None, fill=ORANGE)
            P.text(x0 + SW_ - 8, y0 + SH - 7, str(num), G, 8, GRAY, align="right")
            # memo lines
            yy = y0 + 18
            while yy <= y0 + SH:
                P.line(MEMO_X0, yy, MEMO_X1, yy, 0.4, LINE, dash=[1.5, 1.5])
                yy += 19
            P.rect(MEMO_X0, y0, MEMO_X1 - MEMO_X0, SH, stroke=LINE, width=0.5)
        doc.op(pg, frame)

        kind = s["kind"]
        if kind == "title":
            doc.op(pg, lambda P: (P.rect(x0, y0, SW_, 112, stroke=None, fill=NAVY),
                                  P.rect(x0, y0 + 112, SW_, 4, stroke=None, fill=ORANGE)))
            y = y0 + 26
            for ln in s["lines"]:
                y += place_text(doc, pg, x0 + PAD, y, inner_w, [ln], Style(size=17, leading=28, bold=True,
                                color=WHITE, align="center"), heading=True)
            place_text(doc, pg, x0 + PAD, y0 + 132, inner_w, [s["sub"]],
                       Style(size=12.5, leading=20, color=NAVY, bold=True, align="center"))
            y = y0 + 174
            for m in s["meta"]:
                y += place_text(doc, pg, x0 + PAD, y, inner_w, [m], Style(size=9.6, leading=17, align="center"))
            return

        place_text(doc, pg, x0 + 12, y0 + 5, SW_ - 24, [s["title"]], Style(size=13, leading=20, bold=True,
                   color=WHITE), heading=True)
        y = y0 + BAR_H + 14
        bottom = y0 + SH - 10

        def notes(y):
            for n in s.get("notes", []):
                y += place_text(doc, pg, x0 + PAD, y, inner_w, split_sentences(n), NOTE, extra={"note": True})
            return y

        if kind in ("bullets", "check"):
            for it in s["items"]:
                y += place_text(doc, pg, x0 + PAD + 4, y, inner_w - 4, split_sentences(it),
                                ITEM.but(size=10, leading=19) if kind == "bullets" else ITEM, extra={"item": True})
            y = notes(y + 6)
        elif kind == "hbar":
            lab_w, scale = 78.0, 200.0 / max(b[1] for b in s["bars"])
            for k, (lab, v, vt) in enumerate(s["bars"]):
                by = y + k * 30
                target = "目標" in lab
                place_text(doc, pg, x0 + PAD, by + 3, lab_w, [lab], Style(size=8.8, leading=14), extra={"chart": True})
                bw = v * scale
                doc.op(pg, lambda P, by=by, bw=bw, target=target: P.rect(
                    x0 + PAD + lab_w + 4, by + 2, bw, 18, stroke=NAVY if target else None,
                    fill=None if target else NAVY, width=1.0, dash=[3, 2] if target else None))
                place_text(doc, pg, x0 + PAD + lab_w + 10 + bw, by + 3, 60, [vt], Style(size=9.2, leading=14, bold=True),
                           extra={"chart": True})
            doc.op(pg, lambda P, y=y: P.line(x0 + PAD + lab_w + 4, y - 4, x0 + PAD + lab_w + 4,
                                             y + 30 * len(s["bars"]) - 4, 0.8, BLACK))
            y = notes(y + 30 * len(s["bars"]) + 8)
        elif kind == "vbar":
            n = len(s["bars"])
            slot = inner_w / n
            base = y + 128
            scale = 100.0 / max(b[1] for b in s["bars"])
            for k, (lab, v, vt) in enumerate(s["bars"]):
                cx = x0 + PAD + slot * (k + 0.5)
                bh = v * scale
                target = k == n - 1
                place_text(doc, pg, cx - slot / 2, base - bh - 16, slot, [vt],
                           Style(size=8.6, leading=13, bold=True, align="center"), extra={"chart": True})
                doc.op(pg, lambda P, cx=cx, bh=bh, target=target: P.rect(
                    cx - 14, base - bh, 28, bh, stroke=ORANGE if target else None, fill=None if target else ORANGE,
                    width=1.0, dash=[3, 2] if target else None))
                place_text(doc, pg, cx - slot / 2, base + 4, slot, [lab], Style(size=8.2, leading=12, align="center"),
                           extra={"chart": True})
            doc.op(pg, lambda P: P.line(x0 + PAD, base, x0 + PAD + inner_w, base, 0.8, BLACK))
            y = notes(base + 24)
        elif kind == "table":
            ts = TableSpec(caption=None, header=s["header"], rows=s["rows"], widths=[3.0, 1.0, 1.3, 1.1],
                           align=["l", "c", "r", "c"], size=8.8, leading=13, pad=4, header_fill=(0.85, 0.9, 0.96))
            _, header, rows, _ = table_parts(doc, ts, inner_w)
            for b in [header()] + rows:
                doc.place(pg, b, x0 + PAD, y)
                y += b.h
            y = notes(y + 8)
        elif kind == "case":
            ts = TableSpec(caption=None, header=["項目", "内容"], rows=s["facts"], widths=[1.0, 3.2],
                           align=["l", "l"], size=8.4, leading=12, pad=3, header_fill=(0.85, 0.9, 0.96),
                           first_col_fill=(0.95, 0.95, 0.95))
            _, header, rows, _ = table_parts(doc, ts, inner_w)
            for b in [header()] + rows:
                doc.place(pg, b, x0 + PAD, y)
                y += b.h
            y += 6
            for p in s["points"]:
                y += place_text(doc, pg, x0 + PAD, y, inner_w, split_sentences(p), ITEM.but(size=8.8, leading=13.5),
                                extra={"item": True})
            y += 4
            y += place_text(doc, pg, x0 + PAD, y, inner_w, split_sentences(s["quote"]),
                            Style(size=8.6, leading=13, color=NAVY, bold=True))
        elif kind == "qa":
            for q, a in s["qa"]:
                y += place_text(doc, pg, x0 + PAD, y, inner_w, [q], Style(size=9.6, leading=15, bold=True, color=NAVY),
                                extra={"q": True})
                y += place_text(doc, pg, x0 + PAD + 10, y, inner_w - 10, split_sentences(a),
                                Style(size=9.4, leading=15, hang=10), extra={"a": True}) + 8
        elif kind == "contact":
            bw = (inner_w - 10) / 2
            hmax = 0.0
            for k, (title, lines) in enumerate(s["boxes"]):
                b = box_block(T, title, lines, bw, Style(size=8.4, leading=13.5), Style(size=8.8, leading=14,
                              bold=True), fill=(0.95, 0.97, 1.0), border=NAVY, pad=7)
                doc.place(pg, b, x0 + PAD + k * (bw + 10), y)
                hmax = max(hmax, b.h)
            y = notes(y + hmax + 10)
        else:
            raise KeyError(kind)
        if y > bottom + 0.5:
            raise AssertionError(f"izumi-handout slide {num}: content overflows ({y:.0f} > {bottom:.0f})")

    for i in range(0, len(C.SLIDES), 2):
        n = i // 2 + 1
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer=f"- {n} -", decor=decor)
        for k in range(2):
            slide(pg, SLIDE_Y[k], i + k + 1, C.SLIDES[i + k])
    return doc
