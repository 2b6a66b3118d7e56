"""kasumi-setsumeikai.pdf: 資料1 of 「令和8年度 かすみ県 市町村居住支援担当者説明会」, 14 slides printed TWO per
A4 LANDSCAPE page SIDE BY SIDE, each slide with its presenter's notes box (説明メモ) under it (fictional かすみ県),
held-out set BLIND37.

Layout traps: every page holds two framed 16:9 slides next to each other (left / right, about 22 pt apart) and, under
each slide, a ruled notes box with a 「説明メモ」 tab holding Mincho paragraphs, so pdfplumber reads across the two
slides and across the two notes boxes line by line (most wrapped sentences come out only in pieces, and a slide's
notes are interleaved with the other slide's notes); each slide has its own number at the bottom right INSIDE its
frame (none on the title slide), while the PAGE has a running header (event name left, a framed 「資料1」 right,
over a rule; truth `header` = both) and a centred footer 「- n -」 (1–7, the printed label), so every page shows two
slide numbers and one page number.  The notes hold facts that are not on the slide (入居決定件数 per year, budget
breakdown, the 令和7年度 grants, 22万円 remaining for 星合市 …).  Slides: title slide with a band; agenda rows
with times at the right; three big-number boxes side by side; a STAIRCASE chart of the council target (four rising
steps, year labels under the steps, the value inside, a tag 実績 / 見込み / 目標 on top); a COMBO chart with two
axes (columns = 相談件数 with the values printed INSIDE the top of each column in white, a line = 入居決定率 on a
right-hand ％ axis with the values above the markers; legend top right); two ruled tables without caption (支援
メニュー, 募集スケジュール); a before/after comparison of two boxes with a block arrow between them and a note band;
a flow of four numbered boxes with arrows; a ruled table with a caption that CONTINUES from slide 10 (the right slide
of page 5) onto slide 11 (the left slide of page 6) with its header repeated and 「（続き）」 in the title, ※ notes
only after the continuation; a case slide with a key/value table beside a ポイント box; a Q&A slide (flags `q` /
`a`); a contact slide with three stacked boxes.  Truth reading order: left slide, its notes, right slide, its notes.
No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_kasumi_setsumeikai as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    place_text,
    split_sentences,
    sw,
    table_parts,
    text_height,
)
from .kit import box_block

W, H = landscape(A4)
MX = 28.0
GX = 22.0
SW_ = (W - 2 * MX - GX) / 2
SH = SW_ * 9 / 16
SY = 46.0
NY = SY + SH + 12.0
NH = H - 34.0 - NY
PAD = 12.0
BAR_H = 21.0
KASUMI = (0.36, 0.30, 0.56)   # wisteria
KASUMI_D = (0.22, 0.17, 0.38)
KASUMI_L = (0.94, 0.92, 0.97)
TEAL = (0.05, 0.52, 0.55)
ORANGE = (0.91, 0.45, 0.12)
GRAY = (0.42, 0.42, 0.42)
LINE = (0.68, 0.68, 0.7)
WHITE = (1, 1, 1)

TXT = Style(size=8.4, leading=12.6)
ITEM = Style(size=8.8, leading=13.2, hang=8.8, sb=2.5)
SNOTE = Style(size=7.2, leading=10.6, color=GRAY, hang=7.2)
NOTES = Style(font=M, size=9.2, leading=15.6, indent=9.2)
CHART = {"chart": True}


def build() -> Doc:
    doc = Doc("kasumi-setsumeikai.pdf", (W, H), C.EVENT + " 資料1",
              "A4 landscape handout: two 16:9 slides side by side per page, a notes box under each slide",
              meta_title=None, author="かすみ県 県土整備部 住宅政策課")
    T = doc.truth
    inner = SW_ - 2 * PAD
    state: dict = {}

    def decor(P, info, when):
        if when != "over":
            return
        P.text(MX, 30, C.EVENT, G, 8.4, GRAY)
        tw = sw(C.TAG, G, 8.8) + 12
        P.rect(W - MX - tw, 19, tw, 14, stroke=KASUMI_D, fill=None, width=0.8)
        P.text(W - MX - tw / 2, 29.6, C.TAG, G, 8.8, KASUMI_D, True, "center")
        P.line(MX, 37, W - MX, 37, 0.5, LINE)
        P.text(W / 2, H - 16, info["footer"], G, 9.2, BLACK, align="center")

    def slide(pg: int, x0: float, num: int, s: dict) -> None:
        kind = s["kind"]

        def frame(P, x0=x0, num=num, titled=kind != "title"):
            P.rect(x0, SY, SW_, SH, stroke=(0.35, 0.35, 0.38), fill=WHITE, width=0.7)
            if titled:
                P.rect(x0 + 0.35, SY + 0.35, SW_ - 0.7, BAR_H, stroke=None, fill=KASUMI)
                P.rect(x0 + 0.35, SY + BAR_H + 0.35, SW_ - 0.7, 1.8, stroke=None, fill=TEAL)
                P.text(x0 + SW_ - 8, SY + SH - 5.5, str(num), G, 6.6, GRAY, align="right")
        doc.op(pg, frame)
        if kind == "title":
            _title(doc, pg, x0, s)
        else:
            place_text(doc, pg, x0 + 10, SY + 3.2, SW_ - 40, [s["title"]],
                       Style(size=9.4, leading=14.5, bold=True, color=WHITE), heading=True)
            y = SY + BAR_H + 9
            bottom = SY + SH - 9
            X = x0 + PAD
            y = _body(doc, T, pg, X, y, inner, s, state)
            if y > bottom + 0.5:
                raise AssertionError(f"kasumi-setsumeikai slide {num}: content overflows ({y:.0f} > {bottom:.0f})")
        _notes(doc, T, pg, x0, s["notes"])

    for i in range(0, len(C.SLIDES), 2):
        n = i // 2 + 1
        pg = doc.new_page(printed=str(n), header=C.EVENT + "　" + C.TAG, footer=f"- {n} -", decor=decor)
        for k in range(2):
            slide(pg, MX + k * (SW_ + GX), i + k + 1, C.SLIDES[i + k])
    return doc


def _notes(doc, T, pg, x0, paras) -> None:
    tab = "説明メモ"
    tw = sw(tab, G, 7.6) + 14

    def draw(P, x0=x0):
        P.rect(x0, NY, SW_, NH, stroke=LINE, fill=(0.995, 0.995, 0.99), width=0.6)
        P.rect(x0, NY, tw, 13, stroke=None, fill=(0.55, 0.55, 0.58))
        P.text(x0 + 7, NY + 9.6, tab, G, 7.6, WHITE, True)
        ly = NY + 19 + NOTES.leading - 2.2
        while ly < NY + NH - 6:
            P.line(x0 + 10, ly, x0 + SW_ - 10, ly, 0.35, (0.8, 0.8, 0.82), dash=([1, 2], 0))
            ly += NOTES.leading
    doc.op(pg, draw)
    y = NY + 19
    for para in paras:
        y += place_text(doc, pg, x0 + 10, y, SW_ - 20, split_sentences(para), NOTES, extra={"notes": True})
    if y > NY + NH - 4:
        raise AssertionError(f"kasumi-setsumeikai p{pg}: notes overflow ({y:.0f} > {NY + NH - 4:.0f})")


def _title(doc, pg, x0, s) -> None:
    band_y = SY + 30
    band_h = 74
    doc.op(pg, lambda P: (P.rect(x0 + 0.35, band_y, SW_ - 0.7, band_h, stroke=None, fill=KASUMI),
                          P.rect(x0 + 0.35, band_y + band_h, SW_ - 0.7, 2.5, stroke=None, fill=TEAL)))
    place_text(doc, pg, x0 + 18, SY + 12, SW_ - 36, [s["event"]], Style(size=8.0, leading=12, color=KASUMI_D, bold=True),
               heading=True)
    sid = doc.truth.sentence("".join(s["lines"]), heading=True)
    for k, ln in enumerate(s["lines"]):
        doc.place(pg, Block(h=22, draw=lambda P, x, y, ln=ln: P.text(x, y + 17, ln, G, 15.5, WHITE, True),
                            frags=[(sid, ln)]), x0 + 18, band_y + 12 + k * 25)
    y = band_y + band_h + 14
    for t in (s["date"], s["venue"]):
        y += place_text(doc, pg, x0 + 18, y, SW_ - 36, [t], Style(size=8.4, leading=13))
    place_text(doc, pg, x0 + 18, SY + SH - 24, SW_ - 36, [s["issuer"]],
               Style(size=7.8, leading=12, align="right", color=KASUMI_D, bold=True))


def _bullets(doc, pg, X, y, w, lst, st=ITEM) -> float:
    for b in lst:
        y += place_text(doc, pg, X, y, w, split_sentences(b), st.but(hang=st.size if b.startswith("・") else 0),
                        extra={"item": True})
    return y


def _band(doc, pg, X, y, w, text) -> float:
    st = TXT.but(size=8.2, leading=12.4, color=KASUMI_D, bold=True)
    h = text_height(split_sentences(text), w - 14, st) + 7
    doc.op(pg, lambda P, y=y, h=h: P.rect(X, y, w, h, stroke=None, fill=KASUMI_L, radius=3))
    place_text(doc, pg, X + 7, y + 3.5, w - 14, split_sentences(text), st)
    return y + h


def _body(doc, T, pg, X, y, w, s, state) -> float:
    kind = s["kind"]
    if kind == "agenda":
        for num, item, time in s["items"]:
            def deco(P, y=y, num=num):
                P.rect(X + 14, y, w - 28, 21, stroke=LINE, fill=WHITE, width=0.6, radius=3)
                P.rect(X + 14, y, 21, 21, stroke=None, fill=KASUMI, radius=3)
                P.text(X + 24.5, y + 14.4, num, G, 9.8, WHITE, True, "center")
            doc.op(pg, deco)
            place_text(doc, pg, X + 42, y + 3, w - 130, [item], Style(size=9.6, leading=15), extra={"item": True})
            place_text(doc, pg, X + w - 110, y + 3, 90, [time], Style(size=8.8, leading=15, align="right", color=GRAY))
            y += 27
        return y
    if kind == "numbers":
        gap = 8.0
        bw = (w - 2 * gap) / 3
        bh = 78.0
        for k, (label, value, sub) in enumerate(s["boxes"]):
            bx = X + k * (bw + gap)
            doc.op(pg, lambda P, bx=bx, y=y: (P.rect(bx, y, bw, bh, stroke=KASUMI, fill=KASUMI_L, width=0.8, radius=4),
                                              P.rect(bx, y, bw, 17, stroke=None, fill=KASUMI, radius=4),
                                              P.rect(bx, y + 9, bw, 8, stroke=None, fill=KASUMI)))
            place_text(doc, pg, bx + 3, y + 2.2, bw - 6, [label], Style(size=7.8, leading=11.5, bold=True, color=WHITE,
                                                                         align="center"), extra={"box": True})
            vsize = 18.0 if len(value) < 8 else 12.5
            place_text(doc, pg, bx + 3, y + 26, bw - 6, [value], Style(size=vsize, leading=vsize + 8, bold=True,
                                                                        color=KASUMI_D, align="center"),
                       extra={"box": True})
            place_text(doc, pg, bx + 3, y + 58, bw - 6, [sub], Style(size=7.6, leading=11, color=GRAY, align="center"),
                       extra={"box": True})
        y += bh + 8
        return _bullets(doc, pg, X, y, w, s["bullets"])
    if kind == "stairs":
        return _stairs(doc, T, pg, X, y, w, s)
    if kind == "combo":
        return _combo(doc, T, pg, X, y, w, s)
    if kind == "table":
        ts = TableSpec(**s["table"], size=8.0, leading=11.4, pad=4.4, header_fill=(0.88, 0.86, 0.94))
        _, header, rows, _ = table_parts(doc, ts, w)
        for b in [header()] + rows:
            doc.place(pg, b, X, y)
            y += b.h
        return _bullets(doc, pg, X, y + 6, w, s["bullets"])
    if kind == "table_part":
        spec = C.COUNCILS
        if s["part"] == 0:
            ts = TableSpec(caption=spec["caption"], header=spec["header"], rows=spec["rows"], widths=spec["widths"],
                           align=spec["align"], size=7.8, leading=11.0, pad=4.0, header_fill=(0.88, 0.86, 0.94),
                           caption_style=Style(size=8.6, leading=13, bold=True, color=KASUMI_D, sa=3))
            caps, header, rows, notes = table_parts(doc, ts, w)
            state["councils"] = (header, rows)
            blocks = caps + [header()] + rows[:spec["split"]]
        else:
            header, rows = state["councils"]
            blocks = [header()] + rows[spec["split"]:]
        for b in blocks:
            y += b.sb
            doc.place(pg, b, X, y)
            y += b.h
        if s["part"] == 1:
            y += 4
            for n in spec["notes"]:
                y += place_text(doc, pg, X, y, w, split_sentences(n), SNOTE, extra={"note": True})
        return y
    if kind == "compare":
        gap = 34.0
        bw = (w - gap) / 2
        hs = []
        for k, (title, lines) in enumerate((s["left"], s["right"])):
            b = box_block(T, title, lines, bw, Style(size=8.4, leading=13.2, hang=8.4),
                          Style(size=8.8, leading=13.5, bold=True),
                          fill=WHITE if k == 0 else KASUMI_L, border=GRAY if k == 0 else KASUMI, pad=7)
            doc.place(pg, b, X + k * (bw + gap), y)
            hs.append(b.h)
        h = max(hs)
        ax = X + bw + 6
        ay = y + h / 2
        doc.op(pg, lambda P: P.poly([(ax, ay - 6), (ax + 13, ay - 6), (ax + 13, ay - 11), (ax + 22, ay),
                                     (ax + 13, ay + 11), (ax + 13, ay + 6), (ax, ay + 6)], fill=ORANGE))
        return _band(doc, pg, X, y + h + 10, w, s["band"])
    if kind == "flow":
        n = len(s["steps"])
        gap = 14.0
        bw = (w - gap * (n - 1)) / n
        bh = 58.0
        st = Style(size=8.4, leading=12.2, align="center")
        for k, step in enumerate(s["steps"]):
            bx = X + k * (bw + gap)

            def deco(P, bx=bx, k=k, y=y):
                P.rect(bx, y, bw, bh, stroke=KASUMI, fill=KASUMI_L if k < n - 1 else (0.99, 0.93, 0.86), width=0.8,
                       radius=4)
                P.c.setFillColorRGB(*KASUMI)
                P.c.circle(bx + 9, P.H - (y + 9), 6.2, stroke=0, fill=1)
                P.text(bx + 9, y + 11.6, "①②③④"[k], G, 8, WHITE, True, "center")
                if k < n - 1:
                    ax = bx + bw + 2.5
                    P.poly([(ax, y + bh / 2 - 4.5), (ax + 9, y + bh / 2), (ax, y + bh / 2 + 4.5)], fill=ORANGE)
            doc.op(pg, deco)
            place_text(doc, pg, bx + 5, y + 20, bw - 10, [step], st, extra={"box": True})
        y += bh + 8
        return _bullets(doc, pg, X, y, w, s["bullets"])
    if kind == "case":
        kw = w * 0.6
        lw = 50.0
        st = Style(size=7.8, leading=11.2)
        yy = y
        for label, value in s["facts"]:
            lh = text_height([value], kw - lw - 8, st) + 4

            def deco(P, yy=yy, lh=lh):
                P.rect(X, yy, lw, lh, stroke=LINE, fill=KASUMI_L, width=0.5)
                P.rect(X + lw, yy, kw - lw, lh, stroke=LINE, fill=None, width=0.5)
            doc.op(pg, deco)
            place_text(doc, pg, X + 3, yy + 2, lw - 6, [label], st.but(bold=True), extra={"label": True})
            place_text(doc, pg, X + lw + 4, yy + 2, kw - lw - 8, [value], st, extra={"value": True})
            yy += lh
        px = X + kw + 10
        b = box_block(T, s["point_title"], s["points"], w - kw - 10, Style(size=7.8, leading=11.8, hang=7.8),
                      Style(size=8.4, leading=12.5, bold=True), fill=(0.99, 0.95, 0.89), border=ORANGE, pad=6)
        doc.place(pg, b, px, y)
        return max(yy, y + b.h)
    if kind == "qa":
        for q, a in s["qa"]:
            y += place_text(doc, pg, X, y, w, [q], Style(size=8.8, leading=13.2, bold=True, color=KASUMI_D,
                                                         hang=sw("Q1　", G, 8.8)), extra={"q": True})
            y += place_text(doc, pg, X, y, w, split_sentences(a), Style(size=8.4, leading=12.8, hang=sw("A　", G, 8.4)),
                            extra={"a": True}) + 8
        return y
    if kind == "contact":
        y = _bullets(doc, pg, X, y, w, s["bullets"], ITEM.but(sb=0.5))
        y += 4
        for title, lines in s["boxes"]:
            b = box_block(T, title, lines, w, Style(size=8.4, leading=12.4), Style(size=8.4, leading=12.6, bold=True),
                          fill=WHITE, border=KASUMI, pad=4.5, tab=False)
            doc.place(pg, b, X, y)
            y += b.h + 4
        return y
    raise KeyError(kind)


def _stairs(doc, T, pg, X, y, w, s) -> float:
    steps = s["steps"]
    n = len(steps)
    gap = 6.0
    bw = (w - 40 - gap * (n - 1)) / n
    base = y + 92
    unit = 6.0
    frags = []
    parts = []
    for k, (label, value, tag) in enumerate(steps):
        num = int(value.replace("市町村", ""))
        bh = 18 + num * unit
        bx = X + 20 + k * (bw + gap)
        vs = T.sentence(value, **CHART, value=True)
        ls = T.sentence(label, **CHART)
        frags += [(vs, value), (ls, label)]
        ts = None
        if tag:
            ts = T.sentence(tag, **CHART, label=True)
            frags.append((ts, tag))
        parts.append((bx, bh, label, value, tag, k))

    def draw(P, x, yy):
        P.line(X + 10, base, X + w - 10, base, 0.8, GRAY)
        for bx, bh, label, value, tag, k in parts:
            fill = KASUMI if k == 0 else ((0.62, 0.56, 0.78) if k < n - 1 else ORANGE)
            P.rect(bx, base - bh, bw, bh, stroke=None, fill=fill)
            P.text(bx + bw / 2, base - bh + 15, value, G, 10, WHITE, True, "center")
            P.text(bx + bw / 2, base + 11, label, G, 8.2, BLACK, False, "center")
            if tag:
                tw = sw(tag, G, 6.6) + 8
                P.rect(bx + bw / 2 - tw / 2, base - bh - 13, tw, 10.5, stroke=fill, fill=WHITE, width=0.7, radius=3)
                P.text(bx + bw / 2, base - bh - 4.8, tag, G, 6.6, fill, True, "center")
        # rising arrow
        P.line(X + 22, base - 30, X + w - 30, base - 86, 0.6, (0.75, 0.75, 0.75), dash=([2, 2], 0))

    doc.place(pg, Block(h=108, draw=draw, frags=frags), X, y)
    y += 108
    y += place_text(doc, pg, X, y, w, [s["caption"]], Style(size=7.6, leading=11, color=GRAY, align="center"),
                    extra={"caption": True})
    return _bullets(doc, pg, X, y + 3, w, s["bullets"])


def _combo(doc, T, pg, X, y, w, s) -> float:
    years, bars, rates = s["years"], s["bars"], s["rates"]
    ax0 = X + 30
    ax1 = X + w - 30
    top = y + 20
    ph = 112.0
    base = top + ph
    bmax, rmax = 1500.0, 20.0
    n = len(years)
    slot = (ax1 - ax0) / n
    bw = slot * 0.5
    frags = []
    leg = []
    for name in s["legend"]:
        sid = T.sentence(name, **CHART, legend=True)
        frags.append((sid, name))
        leg.append(name)
    items = []
    for k in range(n):
        bt = f"{bars[k]:,}"
        rt = f"{rates[k]:.1f}％"
        ys = T.sentence(years[k], **CHART)
        bs = T.sentence(bt, **CHART, value=True)
        rs = T.sentence(rt, **CHART, value=True)
        frags += [(ys, years[k]), (bs, bt), (rs, rt)]
        items.append((years[k], bars[k], bt, rates[k], rt))

    def draw(P, x, yy):
        # legend (top right)
        lx = ax1 - 4
        for k, name in reversed(list(enumerate(leg))):
            tw = sw(name, G, 7.4)
            lx -= tw
            P.text(lx, top - 10, name, G, 7.4, BLACK)
            if k == 0:
                P.rect(lx - 11, top - 16.5, 8, 7, stroke=None, fill=KASUMI)
            else:
                P.line(lx - 14, top - 13, lx - 3, top - 13, 1.4, ORANGE)
                P.c.setFillColorRGB(*ORANGE)
                P.c.circle(lx - 8.5, P.H - (top - 13), 2.0, stroke=0, fill=1)
            lx -= 22
        # axes and grid
        for t in (0, 500, 1000, 1500):
            gy = base - ph * t / bmax
            P.line(ax0, gy, ax1, gy, 0.3, (0.82, 0.82, 0.82))
            P.text(ax0 - 3, gy + 2.4, f"{t:,}", G, 6.6, GRAY, align="right")
        for t in (0, 5, 10, 15, 20):
            gy = base - ph * t / rmax
            P.text(ax1 + 3, gy + 2.4, str(t), G, 6.6, GRAY)
        P.text(ax0 - 3, top - 9, "（件）", G, 5.6, GRAY, align="right")
        P.text(ax1 + 2, top - 9, "（％）", G, 5.6, GRAY)
        P.line(ax0, base, ax1, base, 0.8, GRAY)
        pts = []
        for k, (yr, b, bt, r, rt) in enumerate(items):
            cx = ax0 + slot * (k + 0.5)
            bh = ph * b / bmax
            P.rect(cx - bw / 2, base - bh, bw, bh, stroke=None, fill=KASUMI)
            P.text(cx, base - bh + 10, bt, G, 7.4, WHITE, True, "center")
            P.text(cx, base + 10, yr, G, 7.6, BLACK, False, "center")
            pts.append((cx, base - ph * r / rmax, rt))
        for (x1, y1, _), (x2, y2, _) in zip(pts, pts[1:], strict=False):
            P.line(x1, y1, x2, y2, 1.4, ORANGE)
        for cx, cy, rt in pts:
            P.c.setFillColorRGB(*ORANGE)
            P.c.circle(cx, P.H - cy, 2.3, stroke=0, fill=1)
            P.text(cx, cy - 5, rt, G, 7.4, ORANGE, True, "center")

    doc.place(pg, Block(h=ph + 34, draw=draw, frags=frags), X, y)
    y += ph + 34
    return y + place_text(doc, pg, X, y, w, [s["source"]], SNOTE, extra={"note": True})
