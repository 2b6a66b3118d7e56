"""suzuran-booklet.pdf: an A5 handbook printed 2-UP on landscape A4 sheets (fictional すずらん県).

Layout traps: every PDF page is a landscape A4 sheet holding TWO A5 portrait pages side by side (left half /
right half, about 68 pt between the text of the two halves), so pdfplumber reads across the two booklet pages
line by line and most wrapped sentences come out only in pieces. Each half has its own page number 「- n -」
centred at its foot; the page label recorded in the truth is 「3-4」 (left-right) for a sheet, 「2」 for the first
sheet (the cover on the left half has no number, the 目次 on the right half is 「- 2 -」) and 「11」 for the last
sheet (the right half is the unnumbered back cover); the footer is recorded as both numbers on one line
(「- 3 -　- 4 -」). Running header on the body sheets: the booklet's short title at the top LEFT of every left
half and the current chapter title at the top RIGHT of every right half, on one line. Sheet 1: cover (edition
tag, title, a drawn lily-of-the-valley motif, issuer, date) | はじめに + 目次 (chapter and section entries with
「…」 leaders and booklet page numbers, computed from the layout; flag `toc`). Body: chapter banners
「第n章」 always at the top of a new A5 page (leaving the rest of the previous page blank), n-n headings with a bar,
prose with a first-line indent, ①–④ list, ※ notes, six ruled tables (表1-2, 16 municipalities, starts at the
foot of the LEFT half and continues at the top of the RIGHT half of the same sheet with its header repeated;
表1-3 continues from a right half onto the next sheet's left half; 表3-2 with wrapped cells), a five-STEP chart
(tab + title + period right-aligned + detail, small arrows between the steps), a コラム box and a ポイント box,
Q1–Q5 with an 「A」 label, an empty ruled メモ page when needed, and a back cover with two contact boxes. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_suzuran_booklet as C
from .engine import (
    BLACK,
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
    sw,
)
from .kit import render

W, H = landscape(A4)
HW = W / 2
MARGIN = 34.0
GUTTER = 2 * MARGIN
TOP, BOTTOM = 52.0, H - 46.0
GREEN = (0.13, 0.40, 0.28)
LIGHT = (0.87, 0.94, 0.89)
PALE = (0.96, 0.98, 0.95)
GRAY = (0.38, 0.38, 0.38)
WHITE = (1, 1, 1)

P_ST = Style(size=8.8, leading=14.4, indent=8.8, sa=3)
H2 = Style(size=10.2, leading=15, bold=True, color=GREEN, sb=11, sa=5, indent=9, hang=9, keep_next=True)
LI = Style(size=8.6, leading=13.6, hang=8.6, indent=4.3, sb=1)
NOTE = Style(size=7.6, leading=11.4, color=GRAY, hang=7.6, sb=2, sa=2)
Q_ST = Style(size=8.8, leading=13.6, bold=True, color=GREEN, hang=26.4, sb=7, keep_next=True)
A_ST = Style(size=8.6, leading=13.6, indent=16, hang=16, sa=2)
TABLE_KW = dict(size=7.8, leading=10.8, pad=3.0, header_fill=LIGHT, rule=(0.3, 0.3, 0.3),
                caption_style=Style(size=8.6, leading=13, bold=True, sb=7, sa=2, keep_next=True),
                note_style=Style(size=7.3, leading=10.6, color=GRAY, hang=7.3, sa=4))


def _build(toc_nums: dict | None) -> tuple[Doc, dict]:
    doc = Doc("suzuran-booklet.pdf", (W, H), C.TITLE,
              "A5 booklet printed 2-up on landscape A4: two numbered booklet pages side by side on every sheet",
              meta_title=None)
    T = doc.truth
    extra: dict[int, dict] = {}  # page -> {"nums": (left, right), "hdr": (left, right)} for the decor

    def decor(P, info, when):
        if when != "over":
            return
        ex = extra.get(info["index"], {})
        hdr = ex.get("hdr") or (None, None)
        if hdr[0]:
            P.text(MARGIN, 30, hdr[0], G, 7.6, GREEN)
            P.line(MARGIN, 35, HW - MARGIN, 35, 0.5, GREEN)
        if hdr[1]:
            P.text(W - MARGIN, 30, hdr[1], G, 7.6, GREEN, align="right")
            P.line(HW + MARGIN, 35, W - MARGIN, 35, 0.5, GREEN)
        nums = ex.get("nums") or (None, None)
        for k, n in enumerate(nums):
            if n is not None:
                P.text(HW * k + HW / 2, H - 22, f"- {n} -", G, 8.4, BLACK, align="center")

    # ------------------------------------------------------------------ sheet 1: cover | はじめに + 目次
    p0 = doc.new_page(printed="2", header=None, footer="- 2 -", is_toc=True, decor=decor)
    extra[p0] = {"nums": (None, 2)}
    cx0, cw_ = MARGIN, HW - 2 * MARGIN

    def cover_art(P):
        P.rect(0, 0, HW, H, stroke=None, fill=PALE)
        P.rect(0, H - 150, HW, 150, stroke=None, fill=LIGHT)
        P.rect(cx0, 44, 78, 20, stroke=None, fill=GREEN, radius=3)
        # a lily-of-the-valley motif: an arching stem, bells and two leaves (shapes only)
        sx, sy = HW - 110, 250
        P.line(sx, sy + 150, sx + 6, sy + 40, 1.6, GREEN)
        P.line(sx + 6, sy + 40, sx + 46, sy + 8, 1.4, GREEN)
        for k in range(5):
            bx, by = sx + 10 + k * 9, sy + 38 - k * 7 + 14
            P.line(bx, by - 10, bx, by - 4, 0.8, GREEN)
            P.rect(bx - 5, by - 4, 10, 9, stroke=GREEN, fill=WHITE, width=0.8, radius=4.5)
        P.poly([(sx - 4, sy + 150), (sx - 42, sy + 70), (sx - 20, sy + 40), (sx - 2, sy + 110)], fill=(0.45, 0.68, 0.5))
        P.poly([(sx + 2, sy + 150), (sx + 40, sy + 95), (sx + 30, sy + 70), (sx + 6, sy + 120)], fill=(0.55, 0.76, 0.58))
        P.rect(cx0, 378, cw_, 52, stroke=GREEN, fill=WHITE, width=0.8, radius=5)

    doc.op(p0, cover_art)
    place_text(doc, p0, cx0 + 8, 47, 70, [C.COVER["edition"]], Style(size=9.5, leading=14, bold=True, color=WHITE))
    y = 110
    for ln in C.COVER["title"]:
        y += place_text(doc, p0, cx0, y, cw_, [ln], Style(size=25, leading=36, bold=True, color=GREEN), heading=True)
    place_text(doc, p0, cx0, y + 8, cw_, [C.COVER["sub"]], Style(size=11, leading=16, color=GREEN))
    y = 386
    for ln in C.COVER["lead"]:
        y += place_text(doc, p0, cx0 + 12, y, cw_ - 24, [ln], Style(size=9.2, leading=16))
    place_text(doc, p0, cx0, H - 110, cw_, [C.COVER["issuer"]], Style(size=12, leading=18, bold=True, align="center"))
    place_text(doc, p0, cx0, H - 86, cw_, [C.COVER["date"]], Style(size=10, leading=16, align="center"))

    # right half: はじめに and 目次
    tx0 = HW + MARGIN
    y = 44
    doc.op(p0, lambda P: P.rect(tx0, 44, cw_, 20, stroke=None, fill=GREEN))
    place_text(doc, p0, tx0 + 8, 47, cw_ - 16, [C.PREFACE_TITLE], Style(size=10, leading=14, bold=True, color=WHITE),
               heading=True)
    y = 72
    y += place_text(doc, p0, tx0, y, cw_, split_sentences(C.PREFACE), Style(size=8.4, leading=13.6, indent=8.4))
    y += 14
    doc.op(p0, lambda P, y=y: P.rect(tx0, y, cw_, 20, stroke=None, fill=GREEN))
    place_text(doc, p0, tx0 + 8, y + 3, cw_ - 16, [C.TOC_TITLE], Style(size=10, leading=14, bold=True, color=WHITE),
               heading=True)
    y += 30
    for level, text, key in C.TOC:
        st = Style(size=9.2 if level == 1 else 8.5, leading=17 if level == 1 else 14.6, bold=level == 1)
        x = tx0 + (0 if level == 1 else 14)
        if level == 1 and text != C.TOC[0][1]:
            y += 4
        place_text(doc, p0, x, y, cw_ - 40, [text], st, extra={"toc": True})
        num = C.TOC_BACK if key is None else str((toc_nums or {}).get(key, "00"))
        tw = sw(text, G, st.size)
        bl = baseline_of(y, st)

        def lead(P, x=x, tw=tw, bl=bl, num=num, st=st):
            nw = sw(num, G, st.size)
            x1 = tx0 + cw_ - nw - 4
            dots = ""
            while sw(dots + "…", G, st.size) < x1 - (x + tw + 6):
                dots += "…"
            P.text(x1, bl, dots, G, st.size, GRAY, align="right")
            P.text(tx0 + cw_, bl, num, G, st.size, BLACK, st.bold, align="right")
        doc.op(p0, lead)
        y += st.leading

    # ------------------------------------------------------------------ body sheets
    def new_page() -> int:
        return doc.new_page(printed="?", header=None, footer="?", decor=decor)

    flow = Flow(doc, (MARGIN, TOP, W - MARGIN, BOTTOM), new_page, ncols=2, gutter=GUTTER)
    width = flow.width

    def new_half():
        flow.flush()
        if flow.page is not None and flow.cols[flow.ci]:
            flow._next_col()

    def chapter(flow, label, title):
        new_half()
        text = f"{label}　{title}"
        sid = T.sentence(text, heading=True, chapter=True)
        st = Style(size=13, leading=18, bold=True, color=WHITE)
        h = 40.0

        def draw(P, x, y):
            P.rect(x, y, width, h - 8, stroke=None, fill=GREEN, radius=3)
            P.rect(x + 8, y + 6, 50, h - 20, stroke=None, fill=WHITE, radius=2)
            P.text(x + 33, baseline_of(y + 7, Style(size=11, leading=18)), label, G, 11, GREEN, True, "center")
            P.text(x + 68, baseline_of(y + 7, st), title, G, st.size, WHITE, True)
        flow.add(Block(h=h, draw=draw, frags=[(sid, label), (sid, title)], keep_next=True))

    def h2_deco(P, x, y, w, h):
        P.rect(x, y + 2, 4, h - H2.sa - 4, stroke=None, fill=GREEN)
        P.line(x, y + h - H2.sa + 1, x + w, y + h - H2.sa + 1, 0.5, GREEN)

    def steps(flow, items):
        tab_w = 50.0
        inner = width - tab_w - 12
        tst = Style(size=9.0, leading=13, bold=True, color=GREEN)
        dst = Style(size=8.3, leading=12.4)
        for k, (lab, title, period, text) in enumerate(items):
            sid_t = T.sentence(f"{lab}　{title}", heading=True, box=True)
            sid_p = T.sentence(period, box=True)
            body = line_blocks(T, split_sentences(text), inner, dst, extra={"box": True})
            h = 6 + tst.leading + sum(b.h for b in body) + 6
            first = k == 0

            def draw(P, x, y, lab=lab, title=title, period=period, body=body, h=h, last=k == len(items) - 1):
                P.rect(x, y, width, h, stroke=GREEN, fill=WHITE, width=0.8)
                P.rect(x, y, tab_w, h, stroke=None, fill=GREEN)
                P.text(x + tab_w / 2, y + h / 2 + 3.5, lab, G, 9.5, WHITE, True, "center")
                bl = baseline_of(y + 6, tst)
                P.text(x + tab_w + 8, bl, title, G, tst.size, GREEN, True)
                P.text(x + width - 6, bl, period, G, 8.0, GRAY, False, "right")
                yy = y + 6 + tst.leading
                for b in body:
                    b.draw(P, x + tab_w + 8, yy)
                    yy += b.h
                if not last:
                    ax = x + tab_w / 2
                    P.poly([(ax - 7, y + h + 1.5), (ax + 7, y + h + 1.5), (ax, y + h + 8.5)], fill=(0.45, 0.68, 0.5))
            frags = [(sid_t, lab), (sid_t, title), (sid_p, period)] + [f for b in body for f in b.frags]
            flow.add(Block(h=h, draw=draw, frags=frags, sb=6 if first else 10))

    def qa(flow, q, a):
        qb = line_blocks(T, [q], width, Q_ST, extra={"q": True})
        ab = line_blocks(T, split_sentences(a), width, A_ST, extra={"a": True})
        orig = ab[0].draw

        def draw(P, x, y, orig=orig):
            P.rect(x + 1, y + 2, 11, 11, stroke=None, fill=GREEN, radius=2)
            P.text(x + 6.5, y + 11, "A", G, 8, WHITE, True, "center")
            orig(P, x, y)
        ab[0].draw = draw
        flow.add_all(qb + ab)

    def table(flow, spec):
        flow.add_table(TableSpec(**{**TABLE_KW, **spec}))

    S = {"h2": H2, "h2_deco": h2_deco, "p": P_ST, "note": NOTE, "li": LI, "li_gap": 1.0,
         "box": Style(size=8.3, leading=13, indent=8.3), "box_title": Style(size=9, leading=14, bold=True),
         "box_kw": {"fill": (0.99, 0.98, 0.90), "border": (0.62, 0.55, 0.15), "sb": 12}}
    hooks = {"chapter": chapter, "steps": steps, "qa": qa, "table": table}
    render(flow, C.BODY, S, hooks)

    # memo page so that the back cover is the right half of the last sheet
    flow.flush()
    if flow.ci == 1 and flow.cols[1]:
        flow._next_col()
        sid = T.sentence(C.MEMO_TITLE, heading=True)
        hh = BOTTOM - TOP

        def memo(P, x, y):
            P.text(x, baseline_of(y, Style(size=11, leading=16)), C.MEMO_TITLE, G, 11, GREEN, True)
            P.line(x, y + 18, x + width, y + 18, 0.9, GREEN)
            yy = y + 42
            while yy < y + hh - 4:
                P.line(x, yy, x + width, yy, 0.4, (0.6, 0.6, 0.6), dash=[1.5, 2])
                yy += 22
        flow.add(Block(h=hh, draw=memo, frags=[(sid, C.MEMO_TITLE)]))
    flow.finish()
    last = len(doc.pages) - 1

    # back cover (right half of the last sheet)
    bx0 = HW + MARGIN
    doc.op(last, lambda P: (P.rect(HW, 0, HW, H, stroke=None, fill=PALE),
                            P.rect(HW, H - 60, HW, 60, stroke=None, fill=LIGHT)))
    y = 70
    y += place_text(doc, last, bx0, y, cw_, [C.BACK["title"]], Style(size=13, leading=20, bold=True, color=GREEN),
                    heading=True) + 8
    for title, lines in C.BACK["boxes"]:
        bh = 10 + 16 + len(lines) * 14.5 + 8
        doc.op(last, lambda P, y=y, bh=bh: (P.rect(bx0, y, cw_, bh, stroke=GREEN, fill=WHITE, width=0.9, radius=4),
                                            P.rect(bx0, y, 5, bh, stroke=None, fill=GREEN)))
        place_text(doc, last, bx0 + 14, y + 9, cw_ - 24, [title], Style(size=9.4, leading=15, bold=True), heading=True,
                   extra={"box": True})
        yy = y + 10 + 16
        for ln in lines:
            yy += place_text(doc, last, bx0 + 22, yy, cw_ - 32, [ln], Style(size=8.6, leading=14.5), extra={"box": True})
        y += bh + 14
    y += 6
    place_text(doc, last, bx0, y, cw_, split_sentences(C.BACK["download"]), Style(size=8.4, leading=13.6, indent=8.4))
    place_text(doc, last, bx0, H - 44, cw_, [C.BACK["issued"]], Style(size=8.6, leading=14, align="center"))

    # ------------------------------------------------------------------ labels, headers, 目次 numbers
    def half_of(sid: int) -> int:
        for s, pg, _t, x in T.frag_x:
            if s == sid:
                return pg * 2 + (1 if x >= HW else 0)
        raise KeyError(sid)

    def number(half: int) -> int:  # booklet page number of a half (cover = 1)
        return half + 1

    chapters = [(half_of(i), s["text"]) for i, s in enumerate(T.sentences) if s.get("chapter")]
    nums = {}
    for i, s in enumerate(T.sentences):
        if s.get("heading") and not s.get("toc"):
            nums.setdefault(s["text"], number(half_of(i)))

    def chapter_at(half: int) -> str:
        cur = None
        for h0, t in chapters:
            if h0 <= half:
                cur = t
        return cur

    for pg in doc.pages[1:]:
        i = pg.info["index"]
        l_n, r_n = number(2 * i), number(2 * i + 1)
        if i == last:
            extra[i] = {"nums": (l_n, None), "hdr": (C.SHORT_TITLE, None)}
            pg.info["printed"] = str(l_n)
            pg.info["footer"] = f"- {l_n} -"
            pg.info["header"] = C.SHORT_TITLE
        else:
            rc = chapter_at(2 * i + 1)
            extra[i] = {"nums": (l_n, r_n), "hdr": (C.SHORT_TITLE, rc)}
            pg.info["printed"] = f"{l_n}-{r_n}"
            pg.info["footer"] = f"- {l_n} -　- {r_n} -"
            pg.info["header"] = f"{C.SHORT_TITLE}　{rc}"
    return doc, nums


def build() -> Doc:
    _, nums = _build(None)
    doc, nums2 = _build(nums)
    assert nums == nums2
    return doc
