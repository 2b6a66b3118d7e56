"""mikage-notes.pdf: the lecturer's copy of a training deck printed as PowerPoint NOTES PAGES (ノート表示), A4 portrait
(fictional みかげ県).

Layout traps: every PDF page is one notes page: a 16:9 slide (designed on a 720 x 405 pt canvas) printed at 60 % (432 pt
wide) in a thin frame in the upper half, and the speaker notes below it as ordinary 10.5-pt Mincho paragraphs (first-line
indent, a few 「・」 note bullets with a hanging indent).  Every page carries the header line 「令和7年度 みかげ県 居住支援研修
講師ノート」 at the top right over a rule (title page included) and the page number centred at the foot (the printed
label).  Inside the frame each slide (except the title slide) has its own footer: the organisation at the bottom left
and the slide number at the bottom right (slide n = page n).  All slide text is small (the 60 % scale): title bars
16.8 pt, bullets 11–13 pt, table cells 9.6 pt.  Slides: a title slide (kicker, title over a coloured band, date and
issuer); bullets at two levels (drawn ■ / － glyphs, not part of the text); two slides with a small ruled table (one
with a bold lead as its caption and two ■ lines under it, one whose caption is the slide title, with a wrapped cell);
two slides with two "big number" panels side by side over a small ruled table; three boxes side by side (pdfplumber
reads across them line by line); a five-STEP box-and-arrow flow with durations under the boxes and a foot bar; a
closing slide with bullets over two contact boxes side by side.  Many facts are ONLY in the notes (令和5年度 figures
beside the slide's 令和6年度 ones, reasons, dates, the venue, names of towns, the lecturer); slide and notes give
near-duplicate figures.  Notes never continue onto another page.

Reading order in the truth: the slide's text (flag `slide`, plus `item` / `level`, `box`, `caption`, `chart` for the
big numbers), then its notes paragraphs (no flag; note bullets flag `item`).  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mikage_notes as C
from .engine import BLACK, Doc, G, M, Style, TableSpec, place_text, split_sentences, table_parts, text_height

W, H = A4
S = 0.6
SW_, SH_ = 720.0 * S, 405.0 * S
X0 = (W - SW_) / 2
Y0 = 66.0
NX, NW = 62.0, W - 124.0
NY0 = Y0 + SH_ + 28.0
NY1 = H - 60.0

NAVY = (0.14, 0.23, 0.42)
STONE = (0.55, 0.52, 0.48)
TEAL = (0.10, 0.48, 0.50)
PALE = (0.92, 0.94, 0.97)
SAND = (0.96, 0.94, 0.89)
GRAY = (0.42, 0.42, 0.42)
WHITE = (1, 1, 1)

NOTE = Style(font=M, size=11.0, leading=19.0, indent=11.0, sa=6.0)
NOTE_LI = Style(font=M, size=11.0, leading=19.0, indent=11.0, hang=22.0, sa=1.0)


def X(v: float) -> float:
    return X0 + v * S


def Y(v: float) -> float:
    return Y0 + v * S


def st(size: float, leading: float, **kw) -> Style:
    return Style(size=size * S, leading=leading * S, **kw)


def build() -> Doc:
    doc = Doc("mikage-notes.pdf", A4, "市町村居住支援協議会の設立と運営（令和7年度 居住支援研修 基礎編）",
              "A4 portrait PowerPoint NOTES PAGES: 16:9 slide at 60 % in a frame (own footer and slide number inside), "
              "speaker notes below, header line on every page, page number centred",
              meta_title=None)
    T = doc.truth
    SL = {"slide": True}

    def sl(**kw):
        return {**SL, **kw}

    def decor(P, info, when):
        if when != "over":
            return
        P.text(W - 50, 38, info["header"], G, 8.4, GRAY, align="right")
        P.line(50, 44, W - 50, 44, 0.5, STONE)
        P.text(W / 2, H - 32, info["footer"], G, 9.5, BLACK, align="center")

    def small_table(pg, s, y, width, caption, size=16.0, leading=24.0, pad=5.0):
        ts = TableSpec(caption=None, header=s["header"], rows=s["rows"], widths=s["widths"], align=s["align"],
                       size=size * S, leading=leading * S, pad=pad * S, header_fill=PALE, rule=(0.35, 0.35, 0.4))
        _, header, rows, _ = table_parts(doc, ts, width)
        T.tables[-1]["caption"] = caption
        tx = X((720 - width / S) / 2)
        for b in [header()] + rows:
            doc.place(pg, b, tx, y)
            y += b.h
        return y

    def square(pg, x, y, size, color):
        doc.op(pg, lambda P: P.rect(x, y, size, size, stroke=None, fill=color))

    def slide(pg: int, s: dict, n: int) -> None:
        kind = s["kind"]
        doc.op(pg, lambda P: P.rect(X0, Y0, SW_, SH_, stroke=(0.3, 0.3, 0.3), fill=WHITE, width=0.8))
        if kind == "title":
            place_text(doc, pg, X(40), Y(62), 640 * S, [s["kicker"]], st(20, 30, bold=True, color=TEAL, align="center"),
                       heading=True, extra=SL)
            doc.op(pg, lambda P: (P.rect(X0, Y(112), SW_, 150 * S, stroke=None, fill=NAVY),
                                  P.rect(X0, Y(262), SW_, 5 * S, stroke=None, fill=STONE)))
            y = Y(132)
            for ln in s["lines"]:
                y += place_text(doc, pg, X(40), y, 640 * S, [ln], st(38, 54, bold=True, color=WHITE, align="center"),
                                heading=True, extra=SL)
            y = Y(292)
            for m in s["meta"]:
                y += place_text(doc, pg, X(40), y, 640 * S, [m], st(19, 32, align="center"), extra=SL)
            return

        # title bar, slide footer (organisation + number) inside the frame
        doc.op(pg, lambda P: (P.rect(X0, Y0, SW_, 62 * S, stroke=None, fill=NAVY),
                              P.rect(X0, Y(62), SW_, 4 * S, stroke=None, fill=TEAL),
                              P.line(X(24), Y(380), X(696), Y(380), 0.4, STONE),
                              P.text(X(24), Y(395), C.ORG, G, 11 * S, GRAY),
                              P.text(X(696), Y(395), str(n), G, 12 * S, GRAY, align="right")))
        place_text(doc, pg, X(28), Y(13), 660 * S, [s["title"]], st(28, 36, bold=True, color=WHITE), heading=True,
                   extra=SL)
        y = Y(86)
        iw = 640 * S

        def bullets(items, y):
            for lev, it in items:
                if lev == 1:
                    bst = st(22, 36, sb=5 * S)
                    bx, ind = X(50), 26 * S
                    y += bst.sb
                    square(pg, bx, y + 12 * S, 11 * S, TEAL)
                else:
                    bst = st(19, 30)
                    bx, ind = X(86), 24 * S
                    doc.op(pg, lambda P, bx=bx, yy=y: P.text(bx, yy + 21 * S, "－", G, 19 * S, STONE))
                y += place_text(doc, pg, bx + ind, y, X(680) - bx - ind, split_sentences(it), bst,
                                extra=sl(item=True, level=lev))
            return y

        if kind == "bullets":
            y = bullets(s["items"], y)
        elif kind == "table":
            cap = s["lead"] or s["title"]
            if s["lead"]:
                y += place_text(doc, pg, X(60), y, 600 * S, [s["lead"]], st(20, 30, bold=True, color=NAVY),
                                extra=sl(caption=True)) + 6 * S
            y = small_table(pg, s, y, 600 * S, cap) + 10 * S
            for it in s.get("after", []):
                square(pg, X(64), y + 10 * S, 10 * S, TEAL)
                y += place_text(doc, pg, X(84), y, 580 * S, split_sentences(it), st(19, 30), extra=sl(item=True))
        elif kind == "panels":
            pw = 290 * S
            for k, (label, big) in enumerate(s["panels"]):
                px = X(60 + k * 310)
                doc.op(pg, lambda P, px=px, y=y: P.rect(px, y, pw, 82 * S, stroke=TEAL, fill=SAND, width=0.8,
                                                          radius=3))
                place_text(doc, pg, px, y + 6 * S, pw, [label], st(16, 24, color=NAVY, align="center"),
                           heading=True, extra=sl(box=True))
                place_text(doc, pg, px, y + 30 * S, pw, [big], st(36, 46, bold=True, color=NAVY, align="center"),
                           extra=sl(box=True, chart=True))
            y += 90 * S
            y += place_text(doc, pg, X(60), y, 600 * S, [s["lead"]], st(18, 28, bold=True, color=NAVY),
                            extra=sl(caption=True)) + 2 * S
            y = small_table(pg, s, y, 520 * S, s["lead"], size=15.0, leading=20.0, pad=3.5)
        elif kind == "boxes":
            n_b = len(s["boxes"])
            gap = 22 * S
            bw = (iw - (n_b - 1) * gap) / n_b
            bh = 200 * S
            for k, (title, lines) in enumerate(s["boxes"]):
                bx = X(40) + k * (bw + gap)
                doc.op(pg, lambda P, bx=bx, y=y: (P.rect(bx, y, bw, bh, stroke=TEAL, fill=PALE, width=0.8),
                                                  P.rect(bx, y, bw, 38 * S, stroke=None, fill=TEAL)))
                place_text(doc, pg, bx, y + 5 * S, bw, [title], st(22, 30, bold=True, color=WHITE, align="center"),
                           heading=True, extra=sl(box=True))
                yy = y + 54 * S
                for k2, ln in enumerate(lines):
                    yy += place_text(doc, pg, bx + 10 * S, yy + (8 * S if k2 == len(lines) - 1 else 0), bw - 20 * S,
                                     [ln], st(17, 30, align="center", bold=k2 == len(lines) - 1,
                                              color=NAVY if k2 == len(lines) - 1 else BLACK),
                                     extra=sl(box=True))
            y += bh + 18 * S
            doc.op(pg, lambda P, y=y: P.rect(X(110), y, 500 * S, 40 * S, stroke=None, fill=SAND, radius=4))
            place_text(doc, pg, X(110), y + 6 * S, 500 * S, [s["foot"]], st(20, 28, bold=True, color=NAVY,
                                                                                align="center"), extra=sl(box=True))
            y += 40 * S
        elif kind == "flow":
            n_b = len(s["steps"])
            gap = 26 * S
            bw = (iw - (n_b - 1) * gap) / n_b
            bh = 118 * S
            by = y + 20 * S
            for k, (step, title, dur) in enumerate(s["steps"]):
                bx = X(40) + k * (bw + gap)
                last = k == n_b - 1
                doc.op(pg, lambda P, bx=bx, last=last: P.rect(bx, by, bw, bh, stroke=NAVY,
                                                              fill=NAVY if last else PALE, width=0.8, radius=3))
                place_text(doc, pg, bx, by + 10 * S, bw, [step], st(15, 22, bold=True, color=WHITE if last else TEAL,
                                                                    align="center"), extra=sl(box=True))
                place_text(doc, pg, bx + 6 * S, by + 44 * S, bw - 12 * S, [title],
                           st(16, 24, bold=True, color=WHITE if last else BLACK, align="center"),
                           extra=sl(box=True), max_h=bh - 44 * S)
                if dur:
                    place_text(doc, pg, bx - 4 * S, by + bh + 8 * S, bw + 8 * S, [dur],
                               st(16, 22, color=GRAY, align="center"), extra=sl(box=True))
                if not last:
                    ax, ay = bx + bw + 5 * S, by + bh / 2
                    doc.op(pg, lambda P, ax=ax, ay=ay: P.poly([(ax, ay - 11 * S), (ax + gap - 10 * S, ay),
                                                               (ax, ay + 11 * S)], fill=TEAL))
            y = by + bh + 48 * S
            doc.op(pg, lambda P, y=y: P.rect(X(130), y, 460 * S, 44 * S, stroke=None, fill=SAND, radius=4))
            place_text(doc, pg, X(130), y + 8 * S, 460 * S, [s["foot"]], st(21, 28, bold=True, color=NAVY,
                                                                               align="center"), extra=sl(box=True))
            y += 44 * S
        elif kind == "contact":
            y = bullets(s["items"], y) + 16 * S
            bw = 290 * S
            for k, (title, lines) in enumerate(s["boxes"]):
                bx = X(60 + k * 310)
                doc.op(pg, lambda P, bx=bx, y=y: (P.rect(bx, y, bw, 118 * S, stroke=NAVY, fill=WHITE, width=0.8),
                                                  P.rect(bx, y, bw, 34 * S, stroke=None, fill=NAVY)))
                place_text(doc, pg, bx, y + 4 * S, bw, [title], st(18, 26, bold=True, color=WHITE, align="center"),
                           heading=True, extra=sl(box=True))
                yy = y + 46 * S
                for ln in lines:
                    yy += place_text(doc, pg, bx + 12 * S, yy, bw - 24 * S, [ln], st(18, 30, align="center"),
                                     extra=sl(box=True))
            y += 118 * S
        else:
            raise KeyError(kind)
        if y > Y(374) + 0.5:
            raise AssertionError(f"mikage-notes: slide {n} overflows ({(y - Y0) / S:.0f} > 374)")

    for i, s in enumerate(C.SLIDES):
        n = i + 1
        pg = doc.new_page(printed=str(n), header=C.RUN, footer=str(n), decor=decor)
        slide(pg, s, n)
        need = 0.0
        for p in s["notes"]:
            need += text_height(split_sentences(p), NW, NOTE_LI if p.startswith("・") else NOTE)
        if NY0 + need > NY1 + 0.5:
            raise AssertionError(f"mikage-notes: notes of slide {n} do not fit ({need:.0f} > {NY1 - NY0:.0f})")
        y = NY0
        for p in s["notes"]:
            if p.startswith("・"):
                y += place_text(doc, pg, NX, y, NW, split_sentences(p), NOTE_LI, extra={"item": True})
            else:
                y += place_text(doc, pg, NX, y, NW, split_sentences(p), NOTE)
    return doc
