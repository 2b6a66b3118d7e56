"""shirakane-notes.pdf: a PowerPoint deck exported as NOTES PAGES (ノート表示), A4 portrait (fictional しらかね県).

Layout traps: every PDF page is one notes page: the slide (16:9, scaled to 451 pt wide, framed by a thin border)
fills the top ~37 % of the page and the presenter's speaker notes fill the lower part as ordinary paragraphs — often
longer than the slide and holding facts that are NOT on the slide.  Some facts differ in precision between a slide
and its notes: the chart says 「約4割」 / 「約3割」 (twice: 高齢単身者 and 生活保護受給者) / 「約2割」 / 「1割未満」, the notes
38.6 % / 31.4 % / 27.5 % / 22.8 % / 6.9 %; the flow says 「設立まで おおむね1年」, its notes 「平均10.5か月」 (7 and 16
months at the extremes); the case slide says 「約7か月」 and 「3回（令和5年11月～令和6年3月）」, its notes name the three
months.  The slide text is small (scaled down: 6.4–11.5 pt on the content slides; the notes are 10.5 pt), so a page
reads as tiny slide text first and then large prose.  Slides: a title slide (band, date, issuer); an agenda of six
boxes in two columns (pdfplumber reads 「1 …」 and 「4 …」 on one line); white titles in a navy bar; a horizontal bar
chart with approximate labels (「約4割」) right of the bars and the category names right-aligned left of the axis
(flag `chart`; its source line flag `note`); two ruled tables (相談の内容｜件数｜割合 with a 計 row, whose figures the
notes explain and qualify; 補助メニュー｜補助率｜上限額 with a 新設 menu, two bullets under it); a hub diagram (a centre
box and four boxes joined by lines, flag `box`) over two bullets; a five-STEP flow of boxes with arrows, the duration
under each box (flag `chart`), a highlighted foot line and two bullets (pdfplumber reads the five STEP labels, the
five titles and the durations each as one line); a 2×2 grid of boxes (title band + wrapped text, flag `box`, so
pdfplumber reads across two boxes and the texts come out in pieces); bullets; a Q&A slide (flags `q` / `a`); a
timeline (dates above the line, events below it, flag `chart`); a contact slide with two boxes side by side (two
phone numbers, an e-mail address) and a ※ line.  The notes of the subsidy slide fill nearly the whole lower half of
its page; notes never continue onto another page.  No running header; the page number is a bare number at the
bottom right of every page (the title page too), so the page label is n = the slide number.  Reading order in the
truth: the slide's text (flag `slide`, plus the flags above), then its notes paragraphs (no flag).  The tables'
captions are the line above the table or, without one, the slide title.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_shirakane_notes as C
from .engine import BLACK, Doc, G, M, Style, TableSpec, place_text, split_sentences, table_parts, text_height

W, H = A4
SX, SW_ = 72.0, 451.0
SH = SW_ * 9 / 16
SY = 56.0
PAD = 14.0
BAR_H = 30.0
NX, NW = SX, SW_
NY0 = SY + SH + 30.0
NY1 = H - 62.0

NAVY = (0.12, 0.22, 0.40)
TEAL = (0.10, 0.52, 0.56)
PALE = (0.90, 0.95, 0.97)
SAND = (0.98, 0.95, 0.86)
ORANGE = (0.90, 0.50, 0.12)
GRAY = (0.40, 0.40, 0.40)
WHITE = (1, 1, 1)

ITEM = Style(size=8.6, leading=13.2, hang=8.6)
NOTE_ST = Style(font=M, size=10.5, leading=17.6, sa=6.0)
SRC = Style(size=6.4, leading=9, color=GRAY)


def build() -> Doc:
    doc = Doc("shirakane-notes.pdf", A4, C.DECK,
              "A4 portrait PowerPoint NOTES PAGES: a scaled 16:9 slide on top, the speaker notes as paragraphs below",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.text(W - SX, H - 38, info["footer"], G, 10, BLACK, align="right")

    SL = {"slide": True}

    def sl(**kw):
        return {**SL, **kw}

    def slide(pg: int, s: dict) -> None:
        x0, y0 = SX, SY
        iw = SW_ - 2 * PAD
        kind = s["kind"]
        doc.op(pg, lambda P: P.rect(x0, y0, SW_, SH, stroke=(0.35, 0.35, 0.35), fill=WHITE, width=0.8))
        bottom = y0 + SH - 10

        if kind == "title":
            doc.op(pg, lambda P: (P.rect(x0, y0 + 62, SW_, 78, stroke=None, fill=NAVY),
                                  P.rect(x0, y0 + 140, SW_, 3, stroke=None, fill=TEAL)))
            y = y0 + 70
            for ln in s["lines"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [ln], Style(size=17, leading=24, bold=True, color=WHITE,
                                                                     align="center"), heading=True, extra=SL)
            place_text(doc, pg, x0 + PAD, y0 + 154, iw, [s["sub"]], Style(size=10, leading=15, color=NAVY,
                                                                          align="center"), extra=SL)
            y = y0 + 190
            for m in s["meta"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [m], Style(size=8.6, leading=13, align="center"), extra=SL)
            return

        doc.op(pg, lambda P: (P.rect(x0, y0, SW_, BAR_H, stroke=None, fill=NAVY),
                              P.rect(x0, y0 + BAR_H, SW_, 2.2, stroke=None, fill=TEAL)))
        place_text(doc, pg, x0 + PAD, y0 + 8, iw, [s["title"]], Style(size=11.5, leading=15, bold=True, color=WHITE),
                   heading=True, extra=SL)
        y = y0 + BAR_H + 12

        if kind == "agenda":
            bw = (iw - 20) / 2
            for k, it in enumerate(s["items"]):
                col, row = divmod(k, 3)
                bx, by = x0 + PAD + col * (bw + 20), y + 4 + row * 52
                doc.op(pg, lambda P, bx=bx, by=by: (P.rect(bx, by, bw, 40, stroke=TEAL, fill=PALE, width=0.8,
                                                           radius=3),
                                                    P.rect(bx, by, 6, 40, stroke=None, fill=TEAL)))
                place_text(doc, pg, bx + 16, by + 13, bw - 22, [it], Style(size=10, leading=14, bold=True),
                           extra=sl(item=True))
            y += 4 + 3 * 52
        elif kind == "hbar":
            y += place_text(doc, pg, x0 + PAD, y, iw, [s["lead"]], Style(size=8.8, leading=13, bold=True,
                                                                         color=NAVY), extra=SL) + 6
            ax = x0 + PAD + 92
            amax = iw - 92 - 56
            vmax = 40.0
            for k, (lab, v, vt) in enumerate(s["bars"]):
                by = y + k * 25
                bl = v / vmax * amax
                doc.op(pg, lambda P, by=by, bl=bl, k=k: P.rect(ax, by + 3, bl, 13, stroke=None,
                                                               fill=ORANGE if k < 3 else (0.96, 0.74, 0.50)))
                place_text(doc, pg, x0 + PAD, by + 1, 86, [lab], Style(size=8.4, leading=13, align="right"),
                           extra=sl(chart=True))
                place_text(doc, pg, ax + bl + 5, by + 1, 54, [vt], Style(size=8.6, leading=13, bold=True),
                           extra=sl(chart=True))
            n = len(s["bars"])
            doc.op(pg, lambda P, y=y: P.line(ax, y - 2, ax, y + n * 25, 0.8, BLACK))
            y += n * 25 + 4
            y += place_text(doc, pg, x0 + PAD, y, iw, [s["source"]], SRC, extra=sl(note=True))
        elif kind == "table":
            lead = s.get("lead")
            if lead:
                y += place_text(doc, pg, x0 + PAD, y, iw, [lead], Style(size=8.8, leading=13, bold=True, color=NAVY),
                                extra=sl(caption=True)) + 3
            ts = TableSpec(caption=None, header=s["header"], rows=s["rows"], widths=s["widths"],
                           align=["l", "r", "r"] if not s.get("after") else ["l", "c", "r"], size=8.0, leading=10.6,
                           pad=2.6, header_fill=PALE, rule=(0.35, 0.35, 0.35))
            tw = iw - 60
            _, header, rows, _ = table_parts(doc, ts, tw)
            T.tables[-1]["caption"] = lead or s["title"]
            tx = x0 + PAD + 30
            for b in [header()] + rows:
                doc.place(pg, b, tx, y)
                y += b.h
            y += 6
            for it in s.get("after", []):
                y += place_text(doc, pg, tx, y, tw, split_sentences(it), ITEM, extra=sl(item=True))
        elif kind == "hub":
            cx, cy = x0 + SW_ / 2, y + 46
            bw, bh = 150, 26
            cw, ch = 112, 34
            pos = [(x0 + PAD + 6, y + 4), (x0 + SW_ - PAD - 6 - bw, y + 4),
                   (x0 + PAD + 6, y + 62), (x0 + SW_ - PAD - 6 - bw, y + 62)]

            def hub(P):
                for bx, by in pos:
                    ex = bx + bw if bx < cx else bx
                    P.line(ex, by + bh / 2, cx, cy, 1.0, TEAL)
                P.rect(cx - cw / 2, cy - ch / 2, cw, ch, stroke=None, fill=NAVY, radius=10)
                for bx, by in pos:
                    P.rect(bx, by, bw, bh, stroke=TEAL, fill=PALE, width=0.8, radius=4)
            doc.op(pg, hub)
            place_text(doc, pg, cx - cw / 2, cy - 7, cw, [s["center"]], Style(size=9.6, leading=14, bold=True,
                                                                                color=WHITE, align="center"),
                       extra=sl(box=True))
            for (bx, by), txt in zip(pos, s["boxes"], strict=True):
                place_text(doc, pg, bx + 4, by + 6.5, bw - 8, [txt], Style(size=8, leading=12, align="center"),
                           extra=sl(box=True))
            y += 62 + bh + 12
            for it in s["items"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, split_sentences(it), ITEM, extra=sl(item=True))
        elif kind == "flow":
            n = len(s["steps"])
            gap = 10.0
            bw = (iw - (n - 1) * gap) / n
            bh = 50.0
            by = y + 8
            for k, (step, title, dur) in enumerate(s["steps"]):
                bx = x0 + PAD + k * (bw + gap)
                last = k == n - 1
                doc.op(pg, lambda P, bx=bx, last=last: (
                    P.rect(bx, by, bw, bh, stroke=NAVY, fill=NAVY if last else PALE, width=0.8, radius=3)))
                place_text(doc, pg, bx + 3, by + 5, bw - 6, [step],
                           Style(size=7, leading=10, bold=True, color=WHITE if last else TEAL, align="center"),
                           extra=sl(box=True))
                place_text(doc, pg, bx + 3, by + 18, bw - 6, [title],
                           Style(size=7.8, leading=11.5, bold=True, color=WHITE if last else BLACK, align="center"),
                           extra=sl(box=True), max_h=bh - 20)
                if dur:
                    place_text(doc, pg, bx, by + bh + 5, bw, [dur], Style(size=7.6, leading=11, color=GRAY,
                                                                          align="center"), extra=sl(chart=True))
                if not last:
                    ax, ay = bx + bw + 2.5, by + bh / 2
                    doc.op(pg, lambda P, ax=ax, ay=ay: P.poly([(ax, ay - 5), (ax + gap - 5, ay), (ax, ay + 5)],
                                                              fill=TEAL))
            y = by + bh + 28
            doc.op(pg, lambda P, y=y: P.rect(x0 + PAD + 80, y, iw - 160, 24, stroke=None, fill=SAND, radius=4))
            place_text(doc, pg, x0 + PAD + 80, y + 5, iw - 160, [s["foot"]],
                       Style(size=10.5, leading=14, bold=True, color=(0.65, 0.30, 0.05), align="center"),
                       extra=sl(box=True))
            y += 24 + 10
            for it in s.get("items", []):
                y += place_text(doc, pg, x0 + PAD, y, iw, split_sentences(it), ITEM, extra=sl(item=True))
        elif kind == "grid":
            bw = (iw - 14) / 2
            bh = 66.0
            for k, (title, body) in enumerate(s["boxes"]):
                row, col = divmod(k, 2)
                bx, by = x0 + PAD + col * (bw + 14), y + row * (bh + 10)
                doc.op(pg, lambda P, bx=bx, by=by: (P.rect(bx, by, bw, bh, stroke=TEAL, fill=WHITE, width=0.8),
                                                    P.rect(bx, by, bw, 17, stroke=None, fill=TEAL)))
                place_text(doc, pg, bx + 6, by + 2.5, bw - 12, [title], Style(size=9, leading=12, bold=True,
                                                                              color=WHITE),
                           heading=True, extra=sl(box=True))
                place_text(doc, pg, bx + 7, by + 24, bw - 14, split_sentences(body), Style(size=8.4, leading=13),
                           extra=sl(box=True), max_h=bh - 26)
            y += 2 * bh + 10
        elif kind == "bullets":
            for it in s["items"]:
                y += place_text(doc, pg, x0 + PAD + 6, y, iw - 6, split_sentences(it),
                                ITEM.but(size=9.4, leading=16.5, hang=9.4), extra=sl(item=True)) + 3
        elif kind == "qa":
            for q, a in s["qa"]:
                y += place_text(doc, pg, x0 + PAD, y, iw, [q], Style(size=9, leading=13.5, bold=True, color=NAVY),
                                extra=sl(q=True))
                y += place_text(doc, pg, x0 + PAD + 12, y, iw - 12, split_sentences(a), Style(size=8.8, leading=13.5),
                                extra=sl(a=True)) + 10
        elif kind == "timeline":
            pts = s["points"]
            n = len(pts)
            slot = iw / n
            ly = y + 52
            doc.op(pg, lambda P: (P.line(x0 + PAD, ly, x0 + SW_ - PAD - 6, ly, 2.0, TEAL),
                                  P.poly([(x0 + SW_ - PAD - 7, ly - 5), (x0 + SW_ - PAD + 1, ly),
                                          (x0 + SW_ - PAD - 7, ly + 5)], fill=TEAL)))
            for k, (date, ev) in enumerate(pts):
                cx = x0 + PAD + slot * (k + 0.5)
                doc.op(pg, lambda P, cx=cx, k=k: P.rect(cx - 4, ly - 4, 8, 8, stroke=None,
                                                        fill=ORANGE if k == 0 else NAVY, radius=4))
                place_text(doc, pg, cx - slot / 2, ly - 22, slot, [date],
                           Style(size=9, leading=13, bold=True, color=NAVY, align="center"), extra=sl(chart=True))
                place_text(doc, pg, cx - slot / 2 + 2, ly + 10, slot - 4, split_sentences(ev),
                           Style(size=8.2, leading=12, align="center"), extra=sl(chart=True))
            y = ly + 10 + 2 * 12
        elif kind == "contact":
            bw = (iw - 14) / 2
            bh = 78.0
            for k, (title, lines) in enumerate(s["boxes"]):
                bx = x0 + PAD + k * (bw + 14)
                doc.op(pg, lambda P, bx=bx, y=y: (P.rect(bx, y + 6, bw, bh, stroke=NAVY, fill=PALE, width=0.8, radius=4),
                                             P.rect(bx, y + 6, bw, 20, stroke=None, fill=NAVY, radius=4)))
                place_text(doc, pg, bx + 8, y + 10, bw - 16, [title], Style(size=9, leading=12, bold=True,
                                                                            color=WHITE),
                           heading=True, extra=sl(box=True))
                yy = y + 34
                for ln in lines:
                    yy += place_text(doc, pg, bx + 8, yy, bw - 16, [ln], Style(size=7.8, leading=12.5),
                                     extra=sl(box=True))
                if yy > y + 6 + bh + 0.5:
                    raise AssertionError("shirakane-notes: contact box overflows")
            y += 6 + bh + 12
            for nt in s.get("after", []):
                y += place_text(doc, pg, x0 + PAD, y, iw, split_sentences(nt), ITEM.but(size=8, leading=12),
                                extra=sl(note=True))
        else:
            raise KeyError(kind)
        if y > bottom + 0.5:
            raise AssertionError(f"shirakane-notes: slide {s['title']!r} overflows ({y - y0:.0f} > {bottom - y0:.0f})")

    for i, s in enumerate(C.SLIDES):
        n = i + 1
        pg = doc.new_page(printed=str(n), header=None, footer=str(n), decor=decor)
        slide(pg, s)
        need = sum(text_height(split_sentences(p), NW, NOTE_ST) for p in s["notes"])
        if NY0 + need > NY1 + 0.5:
            raise AssertionError(f"shirakane-notes: notes of slide {n} do not fit ({need:.0f} > {NY1 - NY0:.0f})")
        y = NY0
        for p in s["notes"]:
            y += place_text(doc, pg, NX, y, NW, split_sentences(p), NOTE_ST)
    return doc
