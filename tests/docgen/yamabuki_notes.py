"""yamabuki-notes.pdf: 資料2 of a prefectural council's sub-committee, a PowerPoint deck printed as NOTES PAGES
(ノート印刷), A4 portrait (fictional やまぶき県).

Layout traps: every PDF page is one notes page: a framed 16:9 slide (475 pt wide) in the top half and the
presenter's notes below it as ordinary 10.5-pt Mincho paragraphs.  Unlike `shirakane-notes.pdf`, the page carries a
small running header (the deck's name + date, top left, on every page including the title page), the slide number
is printed INSIDE the slide frame at its bottom right (none on the title slide) and the notes page's own number is
centred at the bottom of the page (the printed label).  Slides: a title slide (a line above the title naming the
meeting and 「資料2」, band, date, issuer); title bars; bullets at two levels (● / －; the bullet glyphs are drawn,
not part of the text); two column charts drawn with rectangles, the values above the columns and the year labels
under them (flag `chart`; pdfplumber reads the values on one line and the years on another); two small ruled
tables (the 設立状況 table with a ※ line, the 補助制度 table with wrapped cells and two bullets under it); two boxes
side by side (pdfplumber reads across them line by line) over a highlighted foot line; a flow of four STEP boxes
joined by arrows with the duration under each box and a highlighted foot line.  Many facts are only in the notes
(the presenter, the breakdown of 1,540件, the old 40万円 limit, the 第1回 交付決定, the 事前相談 deadline, the budget,
the names of the towns, the months of the extremes, the venue of the 研修会), others only on the slide.  The notes of
the subsidy slide fill nearly the whole lower half; notes never continue onto another page.  Reading order in the
truth: the slide's text (flag `slide`, plus the flags above), then its notes paragraphs (no flag).  The tables'
captions are the line above the table or, without one, the slide title.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_yamabuki_notes as C
from .engine import BLACK, Doc, G, M, Style, TableSpec, place_text, split_sentences, table_parts, text_height

W, H = A4
SX, SW_ = 60.0, 475.0
SH = SW_ * 9 / 16
SY = 50.0
PAD = 16.0
BAR_H = 32.0
NX, NW = SX + 6, SW_ - 12
NY0 = SY + SH + 26.0
NY1 = H - 58.0

GOLD = (0.80, 0.58, 0.05)      # やまぶき色
BROWN = (0.36, 0.25, 0.10)
PALE = (1.0, 0.97, 0.86)
CREAM = (0.99, 0.94, 0.78)
GRAY = (0.42, 0.42, 0.42)
WHITE = (1, 1, 1)

NOTE_ST = Style(font=M, size=10.5, leading=17.4, indent=10.5, sa=5.0)
SRC = Style(size=6.8, leading=9.5, color=GRAY)


def build() -> Doc:
    doc = Doc("yamabuki-notes.pdf", A4, C.DECK,
              "A4 portrait PowerPoint NOTES PAGES: framed 16:9 slide on top (slide number inside), speaker notes below, "
              "running header top left, page number centred",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.text(SX, 32, info["header"], G, 7.5, GRAY)
        P.text(W / 2, H - 30, info["footer"], G, 9.5, BLACK, align="center")

    SL = {"slide": True}

    def sl(**kw):
        return {**SL, **kw}

    def slide(pg: int, s: dict, n: int) -> None:
        x0, y0 = SX, SY
        iw = SW_ - 2 * PAD
        kind = s["kind"]
        doc.op(pg, lambda P: P.rect(x0, y0, SW_, SH, stroke=(0.3, 0.3, 0.3), fill=WHITE, width=0.9))
        bottom = y0 + SH - 14

        if kind == "title":
            place_text(doc, pg, x0 + PAD, y0 + 22, iw, [s["over"]], Style(size=8.4, leading=12, color=BROWN,
                                                                         align="right"), extra=SL)
            doc.op(pg, lambda P: (P.rect(x0, y0 + 62, SW_, 82, stroke=None, fill=GOLD),
                                  P.rect(x0, y0 + 144, SW_, 3, stroke=None, fill=BROWN)))
            y = y0 + 74
            for ln in s["lines"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [ln], Style(size=18, leading=28, bold=True, color=WHITE,
                                                                     align="center"), heading=True, extra=SL)
            y = y0 + 178
            for m in s["meta"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [m], Style(size=10, leading=16, align="center"), extra=SL)
            return

        # title bar + slide number inside the frame
        doc.op(pg, lambda P: (P.rect(x0, y0, SW_, BAR_H, stroke=None, fill=GOLD),
                              P.rect(x0, y0 + BAR_H, SW_, 2.0, stroke=None, fill=BROWN),
                              P.text(x0 + SW_ - 10, y0 + SH - 8, str(n), G, 8, GRAY, align="right")))
        place_text(doc, pg, x0 + PAD, y0 + 8, iw, [s["title"]], Style(size=13, leading=17, bold=True, color=WHITE),
                   heading=True, extra=SL)
        y = y0 + BAR_H + 12

        if kind == "bullets":
            for lev, it in s["items"]:
                if lev == 1:
                    st = Style(size=11, leading=17, sb=4)
                    bx, ind, mark, ms = x0 + PAD + 4, 14, "●", 7.5
                else:
                    st = Style(size=9.4, leading=14.2)
                    bx, ind, mark, ms = x0 + PAD + 24, 12, "－", 9.4
                yy = y + st.sb
                doc.op(pg, lambda P, bx=bx, yy=yy, mark=mark, ms=ms, col=(GOLD if lev == 1 else BROWN):
                       P.text(bx, yy + 12.2 if ms < 9 else yy + 11, mark, G, ms, col))
                y += place_text(doc, pg, bx + ind, y, iw - (bx - x0 - PAD) - ind, split_sentences(it), st,
                                extra=sl(item=True, level=lev))
        elif kind == "vbar":
            y += place_text(doc, pg, x0 + PAD, y, iw, [s["lead"]], Style(size=9.4, leading=13, bold=True,
                                                                         color=BROWN), extra=SL)
            place_text(doc, pg, x0 + PAD, y + 2, 60, [s["unit"]], Style(size=7.4, leading=10, color=GRAY),
                       extra=sl(chart=True))
            base = y0 + SH - 46
            top = y + 24
            ax0, ax1 = x0 + PAD + 40, x0 + SW_ - PAD - 40
            n = len(s["bars"])
            slot = (ax1 - ax0) / n
            bw = slot * 0.46
            doc.op(pg, lambda P: P.line(ax0, base, ax1, base, 0.9, BLACK))
            for k, (lab, v, vt) in enumerate(s["bars"]):
                bh = v / s["vmax"] * (base - top)
                bx = ax0 + slot * k + (slot - bw) / 2
                doc.op(pg, lambda P, bx=bx, bh=bh, k=k: P.rect(bx, base - bh, bw, bh, stroke=None,
                                                               fill=GOLD if k == n - 1 else (0.93, 0.80, 0.45)))
                place_text(doc, pg, bx - 10, base - bh - 14, bw + 20, [vt],
                           Style(size=9, leading=12, bold=True, align="center"), extra=sl(chart=True))
                place_text(doc, pg, bx - 14, base + 3, bw + 28, [lab], Style(size=8.4, leading=12, align="center"),
                           extra=sl(chart=True))
            y = base + 18
            y += place_text(doc, pg, x0 + PAD, y, iw, [s["source"]], SRC, extra=sl(note=True))
        elif kind == "table":
            lead = s.get("lead")
            if lead:
                y += place_text(doc, pg, x0 + PAD, y, iw, [lead], Style(size=9.6, leading=14, bold=True, color=BROWN),
                                extra=sl(caption=True)) + 3
            ts = TableSpec(caption=None, header=s["header"], rows=s["rows"], widths=s["widths"], align=s["align"],
                           size=8.4, leading=11.2, pad=2.8, header_fill=CREAM, rule=(0.35, 0.35, 0.35))
            tw = iw - 20
            _, header, rows, _ = table_parts(doc, ts, tw)
            T.tables[-1]["caption"] = lead or s["title"]
            tx = x0 + PAD + 10
            for b in [header()] + rows:
                doc.place(pg, b, tx, y)
                y += b.h
            y += 6
            for it in s.get("after", []):
                if s.get("after_kind") == "bullet":
                    doc.op(pg, lambda P, yy=y: P.text(tx, yy + 11, "●", G, 7, GOLD))
                    y += place_text(doc, pg, tx + 12, y, tw - 12, split_sentences(it), Style(size=9.6, leading=15),
                                    extra=sl(item=True))
                else:
                    y += place_text(doc, pg, tx, y, tw, split_sentences(it), Style(size=7.6, leading=11, hang=7.6),
                                    extra=sl(note=True))
        elif kind == "twobox":
            bw = (iw - 16) / 2
            bh = 118.0
            for k, (title, lines) in enumerate(s["boxes"]):
                bx = x0 + PAD + k * (bw + 16)
                doc.op(pg, lambda P, bx=bx, y=y: (P.rect(bx, y, bw, bh, stroke=BROWN, fill=PALE, width=0.8),
                                                  P.rect(bx, y, bw, 20, stroke=None, fill=BROWN)))
                place_text(doc, pg, bx + 8, y + 4, bw - 16, [title], Style(size=9.4, leading=12, bold=True,
                                                                            color=WHITE),
                           heading=True, extra=sl(box=True))
                yy = y + 28
                for ln in lines:
                    yy += place_text(doc, pg, bx + 10, yy, bw - 20, [ln], Style(size=9.6, leading=17.5),
                                     extra=sl(box=True))
                if yy > y + bh + 0.5:
                    raise AssertionError("yamabuki-notes: box overflows")
            y += bh + 10
            doc.op(pg, lambda P, y=y: P.rect(x0 + PAD + 70, y, iw - 140, 22, stroke=None, fill=CREAM, radius=4))
            place_text(doc, pg, x0 + PAD + 70, y + 4, iw - 140, [s["foot"]],
                       Style(size=10, leading=14, bold=True, color=BROWN, align="center"), extra=sl(box=True))
            y += 22
        elif kind == "flow":
            n = len(s["steps"])
            gap = 18.0
            bw = (iw - (n - 1) * gap) / n
            bh = 58.0
            by = y + 10
            for k, (step, title, dur) in enumerate(s["steps"]):
                bx = x0 + PAD + k * (bw + gap)
                last = k == n - 1
                doc.op(pg, lambda P, bx=bx, last=last: (
                    P.rect(bx, by, bw, bh, stroke=BROWN, fill=GOLD if last else PALE, width=0.8, radius=3)))
                place_text(doc, pg, bx + 3, by + 6, bw - 6, [step],
                           Style(size=8, leading=11, bold=True, color=WHITE if last else BROWN, align="center"),
                           extra=sl(box=True))
                place_text(doc, pg, bx + 4, by + 22, bw - 8, [title],
                           Style(size=9.4, leading=13, bold=True, color=WHITE if last else BLACK, align="center"),
                           extra=sl(box=True), max_h=bh - 24)
                place_text(doc, pg, bx, by + bh + 5, bw, [dur], Style(size=8.6, leading=12, color=GRAY,
                                                                      align="center"), extra=sl(chart=True))
                if not last:
                    ax, ay = bx + bw + 3, by + bh / 2
                    doc.op(pg, lambda P, ax=ax, ay=ay: P.poly([(ax, ay - 7), (ax + gap - 6, ay), (ax, ay + 7)],
                                                              fill=GOLD))
            y = by + bh + 26
            doc.op(pg, lambda P, y=y: P.rect(x0 + PAD + 80, y, iw - 160, 24, stroke=None, fill=CREAM, radius=4))
            place_text(doc, pg, x0 + PAD + 80, y + 5, iw - 160, [s["foot"]],
                       Style(size=10.5, leading=14, bold=True, color=BROWN, align="center"), extra=sl(box=True))
            y += 24 + 8
            for it in s.get("items", []):
                doc.op(pg, lambda P, yy=y: P.text(x0 + PAD + 4, yy + 11.5, "●", G, 7, GOLD))
                y += place_text(doc, pg, x0 + PAD + 16, y, iw - 16, split_sentences(it), Style(size=9.6, leading=15),
                                extra=sl(item=True))
        else:
            raise KeyError(kind)
        if y > bottom + 0.5:
            raise AssertionError(f"yamabuki-notes: slide {s['title']!r} overflows ({y - y0:.0f} > {bottom - y0:.0f})")

    for i, s in enumerate(C.SLIDES):
        n = i + 1
        pg = doc.new_page(printed=str(n), header=C.RUN, footer=str(n), decor=decor)
        slide(pg, s, n)
        need = sum(text_height(split_sentences(p), NW, NOTE_ST) for p in s["notes"])
        if NY0 + need > NY1 + 0.5:
            raise AssertionError(f"yamabuki-notes: notes of slide {n} do not fit ({need:.0f} > {NY1 - NY0:.0f})")
        y = NY0
        for p in s["notes"]:
            y += place_text(doc, pg, NX, y, NW, split_sentences(p), NOTE_ST)
    return doc
