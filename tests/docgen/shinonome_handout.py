"""shinonome-handout.pdf: a 説明会 slide handout printed "3-up with memo lines", A4 portrait (fictional しののめ県).

Layout traps: every page carries THREE framed 4:3 slides stacked down the LEFT half and, beside each slide on the
RIGHT half, a grey 「メモ」 label over ruled empty memo lines (lines only); each slide has its own title bar (white
text on teal with an orange rule under it) and its own number at the bottom right INSIDE the frame (none on the
title slide), while the page label is the footer 「n / 4」 (1–4) and the running header is the 説明会's name (left)
and date (right) on one line on every page. Slide designs: a title slide (band, three meta lines), an agenda of
eight numbered rows, bullets at two levels (・ / －) with a small ruled table under them (圏域別の状況 with a 合計
row; 登録アドバイザーの内訳 in a narrower table), a box-and-arrow DIAGRAM (two source boxes over a centre box, arrows
labelled at their sides, a double arrow up from a bottom box, a dashed ※ note; labels flag `chart`, boxes `box`),
a ruled subsidy table whose rows CONTINUE from slide 6 (the last slide of page 2) onto slide 7 (the first slide of
page 3) under the repeated header and a title ending 「（続き）」 (one table in the truth, pages [1, 2], a cell
「同上」 in each half), ※ notes only after the continuation, a vertical flow of five boxes joined by arrows with the
dates beside the boxes and a dashed 2次募集 box, a schedule table with wrapped date cells, a case slide (key/value
table and ・ points), a KPI table and a contact slide with three stacked boxes. Truth reading order: slide by slide,
top to bottom. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_shinonome_handout as C
from .engine import BLACK, Doc, G, Style, TableSpec, place_text, split_sentences, table_parts

W, H = A4
SX, SW_ = 40.0, 262.0
SH = SW_ * 3 / 4
AREA_TOP, AREA_BOTTOM = 64.0, H - 50.0
SLOT = (AREA_BOTTOM - AREA_TOP) / 3
SLIDE_Y = [AREA_TOP + k * SLOT + (SLOT - SH) / 2 for k in range(3)]
MEMO_X0, MEMO_X1 = SX + SW_ + 22, W - 40
PAD = 9.0
BAR_H = 21.0
TEAL = (0.04, 0.36, 0.42)
LTEAL = (0.87, 0.94, 0.95)
ORANGE = (0.93, 0.52, 0.13)
LORANGE = (1.0, 0.95, 0.88)
GRAY = (0.45, 0.45, 0.45)
LINE = (0.68, 0.68, 0.68)
WHITE = (1, 1, 1)

ITEM1 = Style(size=6.9, leading=9.8, hang=6.9)
ITEM2 = Style(size=6.4, leading=9.0, indent=8, hang=14.4)
NOTE = Style(size=5.9, leading=8.3, color=GRAY, hang=5.9)
TKW = dict(size=6.1, leading=8.0, pad=2.1, header_fill=LTEAL, rule=(0.35, 0.35, 0.35))


def _arrow_down(P, x, y1, y2, color=TEAL, width=1.1):
    P.line(x, y1, x, y2 - 4, width, color)
    P.poly([(x - 3.2, y2 - 4.5), (x + 3.2, y2 - 4.5), (x, y2)], fill=color)


def _arrow_up(P, x, y1, y2, color=ORANGE, width=1.1):
    """From y1 (lower) up to y2 (upper)."""
    P.line(x, y1, x, y2 + 4, width, color)
    P.poly([(x - 3.2, y2 + 4.5), (x + 3.2, y2 + 4.5), (x, y2)], fill=color)


def build() -> Doc:
    doc = Doc("shinonome-handout.pdf", A4, C.EVENT + "　" + C.TITLE,
              "A4 portrait handout, three 4:3 slides per page down the left half with ruled memo lines on the right",
              meta_title=None, author=C.ORG)
    npages = (len(C.SLIDES) + 2) // 3

    def decor(P, info, when):
        if when != "over":
            return
        P.text(SX, 40, C.EVENT, G, 8.6, BLACK)
        P.text(W - 40, 40, C.DATE, G, 8.6, BLACK, align="right")
        P.line(SX, 46, W - 40, 46, 0.5, GRAY)
        P.text(W / 2, H - 26, info["footer"], G, 8.6, BLACK, align="center")

    shared: dict[str, tuple] = {}

    def get_table(key: str):
        if key not in shared:
            spec = C.TABLES[key]
            ts = TableSpec(caption=spec["caption"], header=spec["header"], rows=spec["rows"], widths=spec["widths"],
                           align=spec["align"], caption_style=Style(size=6.8, leading=10, bold=True, color=TEAL),
                           **TKW)
            shared[key] = table_parts(doc, ts, SW_ - 2 * PAD)
        return shared[key]

    def slide(pg: int, y0: float, num: int, s: dict) -> None:
        x0 = SX
        iw = SW_ - 2 * PAD
        xi = x0 + PAD
        kind = s["kind"]

        def frame(P):
            P.rect(x0, y0, SW_, SH, stroke=(0.3, 0.3, 0.3), fill=WHITE, width=0.6)
            if kind != "title":
                P.rect(x0, y0, SW_, BAR_H, stroke=None, fill=TEAL)
                P.rect(x0, y0 + BAR_H, SW_, 1.8, stroke=None, fill=ORANGE)
            # memo column beside the slide
            P.text(MEMO_X0, y0 + 8, "メモ", G, 7.2, GRAY)
            yy = y0 + 26
            while yy <= y0 + SH + 0.1:
                P.line(MEMO_X0, yy, MEMO_X1, yy, 0.5, LINE)
                yy += 17
        doc.op(pg, frame)
        if kind != "title":
            doc.op(pg, lambda P: P.text(x0 + SW_ - 5, y0 + SH - 4.5, str(num), G, 5.8, GRAY, align="right"))

        def text(y, sents, st, **kw):
            return place_text(doc, pg, xi, y, iw, sents, st, **kw)

        def notes(y, ns):
            for n in ns:
                y += text(y, split_sentences(n), NOTE, extra={"note": True})
            return y

        def put_table(y, caps, header, rows, width_x=xi):
            for b in caps:
                doc.place(pg, b, width_x, y + b.sb)
                y += b.sb + b.h
            for b in [header()] + rows:
                doc.place(pg, b, width_x, y)
                y += b.h
            return y

        if kind == "title":
            doc.op(pg, lambda P: (P.rect(x0, y0 + 44, SW_, 58, stroke=None, fill=TEAL),
                                  P.rect(x0, y0 + 102, SW_, 3, stroke=None, fill=ORANGE)))
            y = y0 + 50
            for ln in s["lines"]:
                y += place_text(doc, pg, xi, y, iw, [ln], Style(size=11.5, leading=17, bold=True, color=WHITE,
                                                                align="center"), heading=True)
            place_text(doc, pg, xi, y0 + 20, iw, [s["sub"]], Style(size=7.4, leading=11, color=TEAL,
                                                                     align="center"))
            y = y0 + 120
            for m in s["meta"]:
                y += place_text(doc, pg, xi, y, iw, [m], Style(size=7.0, leading=11, align="center"))
            return

        place_text(doc, pg, x0 + 8, y0 + 4.5, SW_ - 30, [s["title"]], Style(size=8.4, leading=12, bold=True,
                   color=WHITE), heading=True)
        y = y0 + BAR_H + 8
        bottom = y0 + SH - 7

        if kind == "agenda":
            for k, it in enumerate(s["items"]):
                by = y + 1 + k * 18
                doc.op(pg, lambda P, by=by: (P.rect(xi + 10, by, iw - 20, 14.5, stroke=TEAL, fill=LTEAL, width=0.5,
                                                    radius=2),
                                             P.rect(xi + 10, by, 4, 14.5, stroke=None, fill=ORANGE)))
                place_text(doc, pg, xi + 22, by + 2.2, iw - 36, [it], Style(size=7.4, leading=10.5, bold=True),
                           extra={"item": True})
            y += 8 * 18
        elif kind == "bullets":
            for it in s["items"]:
                st = ITEM2 if it.startswith("－") else ITEM1.but(sb=1.4)
                y += st.sb
                y += text(y, split_sentences(it), st, extra={"item": True})
            tb = s.get("table")
            if tb:
                tw = iw * tb.get("table_w", 1.0)
                ts = TableSpec(caption=tb["caption"], header=tb["header"], rows=tb["rows"], widths=tb["widths"],
                               align=tb["align"], caption_style=Style(size=6.8, leading=10, bold=True, color=TEAL,
                                                                      sb=3),
                               **TKW)
                caps, header, rows, _ = table_parts(doc, ts, tw)
                y = put_table(y + 1, caps, header, rows)
            y = notes(y + 2.5, s.get("notes", []))
        elif kind == "table":
            caps, header, rows, _ = get_table(s["table"])
            lo, hi = s["rows"] or (0, len(rows))
            y = put_table(y, caps if lo == 0 else [], header, rows[lo:hi])
            y = notes(y + 4, s["notes"])
        elif kind == "schedule":
            tb = s["table"]
            ts = TableSpec(caption=tb["caption"], header=tb["header"], rows=tb["rows"], widths=tb["widths"],
                           align=tb["align"], caption_style=Style(size=6.8, leading=10, bold=True, color=TEAL),
                           **{**TKW, "leading": 7.6, "pad": 1.8})
            caps, header, rows, _ = table_parts(doc, ts, iw)
            y = put_table(y - 3, caps, header, rows)
        elif kind == "case":
            tb = s["table"]
            ts = TableSpec(caption=tb["caption"], header=tb["header"], rows=tb["rows"], widths=tb["widths"],
                           align=tb["align"], caption_style=Style(size=6.8, leading=10, bold=True, color=TEAL),
                           first_col_fill=LORANGE, **TKW)
            caps, header, rows, _ = table_parts(doc, ts, iw)
            y = put_table(y, caps, header, rows)
            y += 5
            bh = 4 + 11 + 4 * 8.8 + 3
            doc.op(pg, lambda P, y=y: (P.rect(xi, y, iw, bh, stroke=ORANGE, fill=LORANGE, width=0.7, radius=3)))
            place_text(doc, pg, xi + 6, y + 3, iw - 12, ["取組のポイント"], Style(size=6.9, leading=10, bold=True,
                       color=ORANGE), heading=True, extra={"box": True})
            yy = y + 14
            for p in s["points"]:
                yy += place_text(doc, pg, xi + 6, yy, iw - 12, split_sentences(p), Style(size=6.4, leading=8.8,
                                                                                       hang=6.4),
                                 extra={"box": True, "item": True})
            if yy > y + bh + 0.5:
                raise AssertionError("shinonome-handout: case box overflows")
            y += bh
        elif kind == "diagram":
            bw = 104.0
            lx, rx = xi + 2, xi + iw - 2 - bw
            top = y + 1
            bh = 25.0
            for bx, lines, col in ((lx, s["left"], TEAL), (rx, s["right"], ORANGE)):
                doc.op(pg, lambda P, bx=bx, col=col: P.rect(bx, top, bw, bh, stroke=col, fill=WHITE, width=1.0,
                                                            radius=3))
                place_text(doc, pg, bx + 3, top + 3, bw - 6, [lines[0]], Style(size=7.0, leading=10, bold=True,
                           align="center"), extra={"box": True})
                place_text(doc, pg, bx + 3, top + 13.5, bw - 6, [lines[1]], Style(size=6.0, leading=8.5,
                           align="center"), extra={"box": True})
            cy = top + bh + 40
            ch = 20.0
            cx0, cw_ = xi + 14, iw - 28
            # arrows from the two source boxes to the centre box, labels beside them
            ax_l, ax_r = lx + 30, rx + bw - 30
            doc.op(pg, lambda P: (_arrow_down(P, ax_l, top + bh, cy), _arrow_down(P, ax_r, top + bh, cy, ORANGE)))
            lab = Style(size=6.1, leading=8.6, bold=True, color=TEAL)
            yy = top + bh + 10
            for t in s["left_arrows"]:
                yy += place_text(doc, pg, ax_l + 6, yy, 92, [t], lab, extra={"chart": True})
            yy = top + bh + 10
            for t in s["right_arrows"]:
                yy += place_text(doc, pg, ax_r - 6 - 80, yy, 80, [t], lab.but(color=ORANGE, align="right"),
                                 extra={"chart": True})
            doc.op(pg, lambda P: P.rect(cx0, cy, cw_, ch, stroke=None, fill=TEAL, radius=3))
            place_text(doc, pg, cx0, cy + 5, cw_, [s["center"]], Style(size=7.6, leading=10, bold=True, color=WHITE,
                       align="center"), extra={"box": True})
            by = cy + ch + 24
            bbh = 15.0
            doc.op(pg, lambda P: (P.rect(cx0 + 16, by, cw_ - 32, bbh, stroke=ORANGE, fill=LORANGE, width=0.8,
                                         radius=3),
                                  _arrow_up(P, cx0 + 54, by, cy + ch), _arrow_down(P, cx0 + 64, cy + ch, by)))
            place_text(doc, pg, cx0 + 72, cy + ch + 7.5, cw_ - 74, [s["bottom_arrow"]],
                       Style(size=6.1, leading=8.6, color=ORANGE, bold=True), extra={"chart": True})
            place_text(doc, pg, cx0, by + 3.5, cw_, [s["bottom"]], Style(size=6.8, leading=9, bold=True,
                       align="center"), extra={"box": True})
            ny = by + bbh + 5
            doc.op(pg, lambda P: P.rect(xi, ny, iw, 12, stroke=GRAY, fill=None, width=0.5, dash=([2, 1.5], 0)))
            place_text(doc, pg, xi + 4, ny + 2.2, iw - 8, split_sentences(s["note"]), NOTE.but(color=BLACK),
                       extra={"chart": True, "note": True})
            y = ny + 12
        elif kind == "flow":
            bw, bh, gap = 62.0, 15.0, 7.5
            dx = xi + bw + 10
            dst = Style(size=6.2, leading=7.6)
            for k, (step, detail) in enumerate(s["steps"]):
                by = y + k * (bh + gap)
                doc.op(pg, lambda P, by=by, k=k: P.rect(xi + 4, by, bw, bh, stroke=TEAL,
                                                        fill=TEAL if k == 0 else LTEAL, width=0.8, radius=2))
                place_text(doc, pg, xi + 4, by + 3, bw, [step], Style(size=7.0, leading=9.5, bold=True,
                           align="center", color=WHITE if k == 0 else TEAL), extra={"box": True})
                nl = 1 if len(detail) < 27 else 2
                place_text(doc, pg, dx, by + (bh - nl * dst.leading) / 2, iw - bw - 14, split_sentences(detail), dst,
                           extra={"chart": True}, max_h=bh)
                if k < len(s["steps"]) - 1:
                    doc.op(pg, lambda P, by=by: _arrow_down(P, xi + 4 + bw / 2, by + bh, by + bh + gap, ORANGE, 1.0))
            y += len(s["steps"]) * (bh + gap) + 1
            doc.op(pg, lambda P, y=y: P.rect(xi, y, iw, 15, stroke=ORANGE, fill=None, width=0.7, dash=([2.5, 1.5], 0)))
            place_text(doc, pg, xi + 5, y + 3.5, iw - 10, [s["extra"]], Style(size=6.3, leading=8.5, bold=True),
                       extra={"box": True})
            y += 15
        elif kind == "contact":
            for title, lines in s["boxes"]:
                bh = 3 + 10 + len(lines) * 8.9 + 3
                doc.op(pg, lambda P, y=y, bh=bh: (P.rect(xi, y, iw, bh, stroke=TEAL, fill=LTEAL, width=0.7, radius=3),
                                                  P.rect(xi, y, 3.5, bh, stroke=None, fill=ORANGE)))
                place_text(doc, pg, xi + 8, y + 3, iw - 14, [title], Style(size=6.9, leading=10, bold=True,
                           color=TEAL), heading=True, extra={"box": True})
                yy = y + 13
                for ln in lines:
                    yy += place_text(doc, pg, xi + 14, yy, iw - 20, [ln], Style(size=6.5, leading=8.9),
                                     extra={"box": True})
                y += bh + 5
        else:
            raise KeyError(kind)
        if y > bottom + 0.5:
            raise AssertionError(f"shinonome-handout slide {num}: content overflows ({y - y0:.0f} > {bottom - y0:.0f})")

    for i in range(0, len(C.SLIDES), 3):
        n = i // 3 + 1
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer=C.FOOTER.format(n=n, N=npages), decor=decor)
        for k in range(3):
            if i + k < len(C.SLIDES):
                slide(pg, SLIDE_Y[k], i + k + 1, C.SLIDES[i + k])
    return doc
