"""tsutsuji-handout.pdf: a PowerPoint HANDOUT printed "3 slides per page", A4 portrait (fictional つつじ県).

Layout traps: every page carries THREE small 16:9 slide thumbnails stacked on the LEFT half, each framed with a
thin border, and to the RIGHT of each slide a block of empty ruled note lines (メモ欄: lines only, no text); the
slide text is tiny (5.8–8 pt); each slide has its own number (1–17) at the bottom right INSIDE the thumbnail,
while the printed page label is the handout page number centred in the footer (1–6, the cover page too); the
running header on every page is the meeting name (left) and 「資料2」 (right) on one line; the last page holds
only two slides. Slide designs: a title slide (coloured band), an agenda of six boxes in two columns (pdfplumber
reads 「1 …」 and 「4 …」 on one line), title bars with white text, bullets at two levels (・ / －) and ※ notes, a
ruled table (補助メニュー｜補助率｜上限額), a vertical bar chart with data labels above the bars and year labels
under the axis (flag `chart`), a six-step box-and-arrow flow in two rows of three (the step title and its
detail line are inside each box, so pdfplumber reads across three boxes on one line; flag `box`), two boxes
side by side (県の役割 / 市町村の役割; flag `box`), a timeline (dates above the line, events wrapped below it;
flag `chart`), a Q&A slide (flags `q` / `a`) and a contact slide with two stacked boxes. Reading order in the
truth: slide by slide, top to bottom. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_tsutsuji_handout as C
from .engine import BLACK, Doc, G, Style, TableSpec, place_text, split_sentences, table_parts

W, H = A4
SX, SW_ = 48.0, 256.0
SH = SW_ * 9 / 16
AREA_TOP, AREA_BOTTOM = 70.0, H - 60.0
SLOT = (AREA_BOTTOM - AREA_TOP) / 3
SLIDE_Y = [AREA_TOP + k * SLOT + (SLOT - SH) / 2 for k in range(3)]
MEMO_X0, MEMO_X1 = SX + SW_ + 24, W - 48
PAD = 9.0
BAR_H = 19.0
MAGENTA = (0.70, 0.16, 0.42)
PINK = (0.98, 0.86, 0.92)
GREEN = (0.22, 0.50, 0.36)
GRAY = (0.42, 0.42, 0.42)
LINE = (0.62, 0.62, 0.62)
WHITE = (1, 1, 1)

ITEM1 = Style(size=6.6, leading=9.6, hang=6.6)
ITEM2 = Style(size=6.1, leading=8.8, indent=8, hang=14.1)
NOTE = Style(size=5.8, leading=8.2, color=GRAY, hang=5.8)


def build() -> Doc:
    doc = Doc("tsutsuji-handout.pdf", A4, C.MEETING + " " + C.SHIRYO,
              "A4 portrait PowerPoint handout, three 16:9 slides per page on the left with ruled note lines",
              meta_title=None)

    def decor(P, info, when):
        if when != "over":
            return
        P.text(SX, 44, C.MEETING, G, 9, BLACK)
        P.text(W - 48, 44, C.SHIRYO, G, 9, BLACK, align="right")
        P.text(W / 2, H - 34, info["footer"], G, 9, BLACK, align="center")

    def slide(pg: int, y0: float, num: int, s: dict) -> None:
        x0 = SX
        iw = SW_ - 2 * PAD
        kind = s["kind"]

        def frame(P):
            P.rect(x0, y0, SW_, SH, stroke=(0.3, 0.3, 0.3), fill=WHITE, width=0.5)
            if kind not in ("title",):
                P.rect(x0, y0, SW_, BAR_H, stroke=None, fill=MAGENTA)
                P.rect(x0, y0 + BAR_H, SW_, 1.6, stroke=None, fill=GREEN)
            yy = y0 + 16
            while yy <= y0 + SH + 0.1:
                P.line(MEMO_X0, yy, MEMO_X1, yy, 0.5, LINE)
                yy += 18
        doc.op(pg, frame)
        doc.op(pg, lambda P: P.text(x0 + SW_ - 6, y0 + SH - 4.5, str(num), G, 5.5, GRAY, align="right"))

        if kind == "title":
            doc.op(pg, lambda P: (P.rect(x0, y0 + 34, SW_, 44, stroke=None, fill=MAGENTA),
                                  P.rect(x0, y0 + 78, SW_, 2, stroke=None, fill=GREEN)))
            y = y0 + 40
            for ln in s["lines"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [ln], Style(size=11.5, leading=17, bold=True, color=WHITE,
                                align="center"), heading=True)
            place_text(doc, pg, x0 + PAD, y + 2, iw, [s["sub"]], Style(size=7.4, leading=11, color=WHITE,
                                                                         align="center"))
            y = y0 + 94
            for m in s["meta"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [m], Style(size=6.8, leading=10.5, align="center"))
            return

        place_text(doc, pg, x0 + 7, y0 + 3.5, SW_ - 14, [s["title"]], Style(size=8, leading=12, bold=True,
                   color=WHITE), heading=True)
        y = y0 + BAR_H + 8
        bottom = y0 + SH - 8

        def notes(y, ns):
            for n in ns:
                y += place_text(doc, pg, x0 + PAD, y, iw, split_sentences(n), NOTE, extra={"note": True})
            return y

        if kind == "agenda":
            bw = (iw - 12) / 2
            for k, it in enumerate(s["items"]):
                col, row = divmod(k, 3)
                bx, by = x0 + PAD + col * (bw + 12), y + 4 + row * 30
                doc.op(pg, lambda P, bx=bx, by=by: (P.rect(bx, by, bw, 22, stroke=MAGENTA, fill=PINK, width=0.6,
                                                           radius=2),
                                                    P.rect(bx, by, 4, 22, stroke=None, fill=MAGENTA)))
                place_text(doc, pg, bx + 9, by + 5, bw - 12, [it], Style(size=7.2, leading=12, bold=True),
                           extra={"item": True})
            y += 4 + 3 * 30
        elif kind == "bullets":
            for it in s["items"]:
                st = ITEM2 if it.startswith("－") else ITEM1.but(sb=1.2)
                y += st.sb
                y += place_text(doc, pg, x0 + PAD, y, iw, split_sentences(it), st, extra={"item": True})
            y = notes(y + 3, s.get("notes", []))
        elif kind == "table":
            ts = TableSpec(caption=None, header=s["header"], rows=s["rows"], widths=[3.3, 1.0, 1.2],
                           align=["l", "c", "r"], size=6.2, leading=8.4, pad=2.0, header_fill=PINK,
                           rule=(0.35, 0.35, 0.35))
            _, header, rows, _ = table_parts(doc, ts, iw)
            for b in [header()] + rows:
                doc.place(pg, b, x0 + PAD, y)
                y += b.h
            y = notes(y + 4, s["notes"])
        elif kind == "bar":
            n = len(s["bars"])
            cx0 = x0 + PAD + 8
            slot = (iw - 8) / n
            base = y + 70
            scale = 56.0 / max(b[1] for b in s["bars"])
            for k, (lab, v, vt) in enumerate(s["bars"]):
                cx = cx0 + slot * (k + 0.5)
                bh = v * scale
                last = k == n - 1
                doc.op(pg, lambda P, cx=cx, bh=bh, last=last: P.rect(cx - 10, base - bh, 20, bh, stroke=None,
                                                                     fill=MAGENTA if last else (0.85, 0.55, 0.70)))
                place_text(doc, pg, cx - slot / 2, base - bh - 10, slot, [vt],
                           Style(size=6.0, leading=9, bold=True, align="center"), extra={"chart": True})
                place_text(doc, pg, cx - slot / 2, base + 1.5, slot, [lab], Style(size=5.8, leading=8.5,
                                                                                    align="center"),
                           extra={"chart": True})
            doc.op(pg, lambda P: P.line(cx0, base, x0 + SW_ - PAD, base, 0.6, BLACK))
            y = notes(base + 13, s["notes"])
        elif kind == "flow":
            gap = 16.0
            bw = (iw - 2 * gap) / 3
            tst = Style(size=6.4, leading=9, bold=True, color=MAGENTA)
            dst = Style(size=5.8, leading=8)
            bh = 4 + 9 + 2 * 8 + 4
            for k, (title, detail) in enumerate(s["steps"]):
                row, col = divmod(k, 3)
                bx, by = x0 + PAD + col * (bw + gap), y + 2 + row * (bh + 14)
                doc.op(pg, lambda P, bx=bx, by=by: P.rect(bx, by, bw, bh, stroke=MAGENTA, fill=WHITE, width=0.7,
                                                          radius=2))
                place_text(doc, pg, bx + 3, by + 4, bw - 6, [title], tst, extra={"box": True})
                place_text(doc, pg, bx + 3, by + 13, bw - 6, split_sentences(detail), dst, extra={"box": True},
                           max_h=2 * 8)
                if col < 2:
                    ax, ay = bx + bw + 3, by + bh / 2
                    doc.op(pg, lambda P, ax=ax, ay=ay: P.poly([(ax, ay - 4), (ax + gap - 6, ay), (ax, ay + 4)],
                                                              fill=GREEN))
            # connector from step 3 down and back to step 4
            x3 = x0 + PAD + 2 * (bw + gap) + bw / 2
            x4 = x0 + PAD + bw / 2
            ya, yb = y + 2 + bh, y + 2 + bh + 14

            def conn(P, x3=x3, x4=x4, ya=ya, yb=yb):
                ym = (ya + yb) / 2
                P.line(x3, ya, x3, ym, 0.9, GREEN)
                P.line(x3, ym, x4, ym, 0.9, GREEN)
                P.line(x4, ym, x4, yb - 3, 0.9, GREEN)
                P.poly([(x4 - 3, yb - 4), (x4 + 3, yb - 4), (x4, yb)], fill=GREEN)
            doc.op(pg, conn)
            y = notes(y + 2 + 2 * bh + 14 + 5, s["notes"])
        elif kind == "boxes":
            bw = (iw - 10) / 2
            hst = Style(size=6.8, leading=11, bold=True, color=WHITE, align="center")
            ist = Style(size=6.3, leading=9.2, hang=6.3)
            nmax = max(len(b[1]) for b in s["boxes"])
            bh = 13 + nmax * 9.2 + 5
            for k, (title, items) in enumerate(s["boxes"]):
                bx = x0 + PAD + k * (bw + 10)
                col = MAGENTA if k == 0 else GREEN
                doc.op(pg, lambda P, bx=bx, col=col, by=y + 2: (P.rect(bx, by, bw, bh, stroke=col, fill=WHITE,
                                                                           width=0.8),
                                                                    P.rect(bx, by, bw, 12, stroke=None, fill=col)))
                place_text(doc, pg, bx + 3, y + 2.5, bw - 6, [title], hst, heading=True, extra={"box": True})
                yy = y + 17
                for it in items:
                    yy += place_text(doc, pg, bx + 4, yy, bw - 8, split_sentences(it), ist, extra={"box": True})
                if yy > y + 2 + bh + 0.5:
                    raise AssertionError(f"tsutsuji-handout slide {num}: box overflows")
            y += 2 + bh
        elif kind == "timeline":
            pts = s["points"]
            n = len(pts)
            slot = iw / n
            ly = y + 24
            doc.op(pg, lambda P: (P.line(x0 + PAD, ly, x0 + SW_ - PAD - 4, ly, 1.4, GREEN),
                                  P.poly([(x0 + SW_ - PAD - 5, ly - 3.5), (x0 + SW_ - PAD + 1, ly),
                                          (x0 + SW_ - PAD - 5, ly + 3.5)], fill=GREEN)))
            for k, (date, ev) in enumerate(pts):
                cx = x0 + PAD + slot * (k + 0.5)
                doc.op(pg, lambda P, cx=cx: P.rect(cx - 2.5, ly - 2.5, 5, 5, stroke=None, fill=MAGENTA, radius=2.5))
                place_text(doc, pg, cx - slot / 2, ly - 14, slot, [date],
                           Style(size=6.2, leading=9, bold=True, align="center", color=MAGENTA), extra={"chart": True})
                place_text(doc, pg, cx - slot / 2 + 1, ly + 6, slot - 2, split_sentences(ev),
                           Style(size=5.8, leading=8.2, align="center"), extra={"chart": True})
            y = ly + 6 + 4 * 8.2
        elif kind == "qa":
            for q, a in s["qa"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [q], Style(size=6.5, leading=9.4, bold=True, color=MAGENTA),
                                extra={"q": True})
                y += place_text(doc, pg, x0 + PAD + 8, y, iw - 8, split_sentences(a), Style(size=6.3, leading=9.2),
                                extra={"a": True}) + 5
        elif kind == "contact":
            for title, lines in s["boxes"]:
                bh = 5 + 10 + len(lines) * 9.4 + 4
                doc.op(pg, lambda P, y=y, bh=bh: (P.rect(x0 + PAD, y, iw, bh, stroke=MAGENTA, fill=PINK, width=0.7,
                                                         radius=3)))
                place_text(doc, pg, x0 + PAD + 6, y + 4, iw - 12, [title], Style(size=7, leading=10, bold=True),
                           heading=True, extra={"box": True})
                yy = y + 15
                for ln in lines:
                    yy += place_text(doc, pg, x0 + PAD + 14, yy, iw - 20, [ln], Style(size=6.6, leading=9.4),
                                     extra={"box": True})
                y += bh + 7
        else:
            raise KeyError(kind)
        if y > bottom + 0.5:
            raise AssertionError(f"tsutsuji-handout slide {num}: content overflows ({y - y0:.0f} > {bottom - y0:.0f})")

    for i in range(0, len(C.SLIDES), 3):
        n = i // 3 + 1
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer=str(n), decor=decor)
        for k in range(3):
            if i + k < len(C.SLIDES):
                slide(pg, SLIDE_Y[k], i + k + 1, C.SLIDES[i + k])
    return doc
