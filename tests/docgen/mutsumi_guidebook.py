"""mutsumi-guidebook.pdf: 「むつみ県 居住支援法人ガイドブック（令和8年度版）」, a directory of 24 corporations printed as
profile CARDS, A4 portrait (fictional むつみ県), built for held-out tests (BLIND31).

Layout traps: a cover without a number; the body pages are numbered from 「1」 on the second PDF page, printed at the
OUTER bottom corner in a navy disc together with the booklet's short name (「むつみ県 居住支援法人ガイドブック　n」 at the
right on odd pages, 「n　むつみ県 居住支援法人ガイドブック」 at the left on even pages), so the printed number is one less
than the PDF page and the index's 掲載頁 column uses the printed numbers.  Printed page 1: はじめに prose, a rounded
「居住支援法人とは」 box, a flow of four boxes ①–④ side by side joined by arrows with a label strip under each (read
across line by line), a ※ note and a centre box (free dial, weekday / Saturday hours).  Printed page 2: 「このガイドブック
の見方」 with a SAMPLE card (placeholder text 「○○」, flag `sample`) and numbered callouts ①–⑥ beside it joined by leader
lines (so callout lines and sample-card lines share text lines), and two icon legends (chips with the icon's name, the
explanation beside; two columns).  Printed page 3: a drawn map of the four 圏域 (polygons with the 圏域 name, the number
of corporations in large type and the municipalities in small type, flag `chart`) above the ruled index table
「居住支援法人一覧（令和8年4月1日現在）」 (No.｜法人名｜種別｜指定番号｜指定年月日｜所在地｜掲載頁, shaded group rows
「中央圏域（10法人）」 spanning the whole width) that CONTINUES on printed page 4 under its repeated header row, two ※
notes (the missing 指定番号 第7号 / 第15号), a Q1–Q4 FAQ (flags `q` / `a`) and two boxes side by side.  Printed pages 5–9:
SIX CARDS per page in a 2×3 grid, so pdfplumber reads the lines of two neighbouring cards as one line; each card: a
coloured band with a 「No.nn」 chip and the name, the 種別 / 指定番号 line with mark discs ★ / 協 / 新 at its right, 所在地,
電話 (FAX on some cards), 受付, 活動区域, two rows of icon chips (対象 / 支援: a label chip, then one chip per icon; an
icon that does not apply is not printed; flag `icon`), 費用, and a tinted PR box (flag `pr`); all card texts flag
`card`.  Each 圏域 starts a new page under a band naming its municipalities (「中央圏域（つづき）」 on the continuation
page), and its last page holds a dashed 「この圏域の市町村の相談窓口」 box in the free card slot(s) (◎ = council); a
coloured THUMB TAB on the outer edge of every card page with the 圏域 name printed VERTICALLY, one character per line
(truth flags `label`, `tab`; one fragment per character; pdfplumber glues the characters to card lines).  The 掲載番号
(No.01–24) and the 指定番号 (第1号–第26号, two missing) differ except for No.12.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mutsumi_guidebook as C
from .engine import (
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    place_text,
    split_sentences,
    sw,
    table_parts,
    text_height,
)

W, H = A4
LM, RM = 44.0, 44.0
TW = W - LM - RM
TOP = 48.0
BOTTOM = H - 52.0

WHITE = (1, 1, 1)
GRAY = (0.4, 0.4, 0.4)
LGRAY = (0.94, 0.94, 0.94)
NAVY = (0.12, 0.22, 0.42)
ORANGE = (0.9, 0.47, 0.12)
CREAM = (1.0, 0.97, 0.9)
RCOL = {"chuo": (0.12, 0.42, 0.62), "hokubu": (0.2, 0.5, 0.3), "toubu": (0.55, 0.32, 0.6),
        "nanbu": (0.85, 0.45, 0.15)}
RFILL = {"chuo": (0.9, 0.95, 0.99), "hokubu": (0.91, 0.96, 0.92), "toubu": (0.95, 0.92, 0.97),
         "nanbu": (1.0, 0.95, 0.9)}

CARD_GAP = 10.0
CARD_W = (TW - CARD_GAP) / 2
CARD_TOP = TOP + 30.0
CARD_H = (BOTTOM - CARD_TOP - 2 * CARD_GAP) / 3
CS = Style(size=8.6, leading=12.4)          # card text
PRS = Style(size=8.0, leading=11.4)         # PR box


def _chip(P, x, y, w, h, color, filled: bool):
    P.rect(x, y, w, h, stroke=color, fill=color if filled else WHITE, width=0.7, radius=h / 2)


class Card:
    """Lays out one card at (x, y); every text is a sentence."""

    def __init__(self, doc: Doc, pg: int, x: float, y: float, d: dict, no: str, region: str, sample: bool = False):
        self.doc, self.pg = doc, pg
        self.anchors: dict[str, tuple[float, float]] = {}
        col, fill = RCOL[region], RFILL[region]
        extra = {"card": True, "sample": True} if sample else {"card": True}
        doc.op(pg, lambda P: P.rect(x, y, CARD_W, CARD_H, stroke=col, fill=WHITE, width=1.0, radius=6))
        doc.op(pg, lambda P: (P.rect(x, y, CARD_W, 22, stroke=None, fill=col, radius=6),
                              P.rect(x, y + 14, CARD_W, 8, stroke=None, fill=col)))
        # number chip + name in the band
        nt = f"No.{no}"
        nw = sw(nt, G, 8.4) + 10
        doc.op(pg, lambda P: P.rect(x + 6, y + 4.5, nw, 13, stroke=None, fill=WHITE, radius=6.5))
        place_text(doc, pg, x + 6, y + 5, nw, [nt], Style(size=8.4, leading=12, bold=True, color=col, align="center"),
                   extra={**extra, "no": True})
        place_text(doc, pg, x + 12 + nw, y + 4, CARD_W - nw - 18, [d["name"]],
                   Style(size=9.8, leading=14, bold=True, color=WHITE), heading=True, extra=extra)
        self.anchors["no"] = (x + 6, y + 11)
        iw = CARD_W - 16
        cx = x + 8
        cy = y + 27
        # 種別・指定 line with mark chips at the right
        marks = d.get("marks", [])
        mw = 15.0 * len(marks)
        self.anchors["kind"] = (x + CARD_W, cy + 6)
        cy += place_text(doc, pg, cx, cy, iw - mw, [f"{d['kind']}　指定：{d['num']}（{d['date']}）"], CS, extra=extra)
        for k, m in enumerate(marks):
            mx = x + CARD_W - 8 - mw + k * 15
            mcol = {"★": (0.85, 0.65, 0.05), "協": (0.15, 0.45, 0.7), "新": (0.8, 0.2, 0.2)}[m]
            doc.op(pg, lambda P, mx=mx, cy=cy, mcol=mcol: P.rect(mx, cy - 12.5, 13, 13, stroke=None, fill=mcol,
                                                                radius=6.5))
            place_text(doc, pg, mx, cy - 12, 13, [m], Style(size=7.6, leading=12, bold=True, color=WHITE,
                                                            align="center"), extra={**extra, "mark": True})
        self.anchors["marks"] = (x + CARD_W - 8, cy - 6)
        cy += place_text(doc, pg, cx, cy, iw, ["所在地：" + d["addr"]], CS, extra=extra)
        tel = "電話：" + d["tel"] + (("　FAX：" + d["fax"]) if d.get("fax") else "")
        cy += place_text(doc, pg, cx, cy, iw, [tel], CS.but(bold=True), extra=extra)
        cy += place_text(doc, pg, cx, cy, iw, ["受付：" + d["hours"]], CS.but(hang=sw("受付：", G, 8.6)), extra=extra)
        self.anchors["area"] = (x, cy + 6)
        cy += place_text(doc, pg, cx, cy, iw, ["活動区域：" + d["area"]], CS.but(hang=sw("活動区域：", G, 8.6)),
                         extra=extra)
        # icon rows
        cy += 3
        self.anchors["icons"] = (x, cy + 10)
        lw_ = 26.0
        for label, items, filled in (("対象", d["who"], False), ("支援", d["what"], True)):
            doc.op(pg, lambda P, cy=cy: P.rect(cx, cy, lw_, 13, stroke=None, fill=GRAY, radius=2))
            place_text(doc, pg, cx, cy + 0.5, lw_, [label], Style(size=7.6, leading=12, bold=True, color=WHITE,
                                                                  align="center"), extra={**extra, "label": True})
            ix = cx + lw_ + 4
            rows = 1
            for t in items:
                w_ = sw(t, G, 7.6) + 9
                if ix + w_ > x + CARD_W - 8:
                    ix = cx + lw_ + 4
                    cy += 15
                    rows += 1
                doc.op(pg, lambda P, ix=ix, cy=cy, w_=w_, f=filled: _chip(P, ix, cy, w_, 13, col, f))
                place_text(doc, pg, ix, cy + 0.5, w_, [t], Style(size=7.6, leading=12, bold=filled,
                                                                 color=WHITE if filled else col, align="center"),
                           extra={**extra, "icon": True})
                ix += w_ + 3
            cy += 17
        cy += 1
        self.anchors["fee"] = (x, cy + 6)
        cy += place_text(doc, pg, cx, cy, iw, ["費用：" + d["fee"]], CS.but(hang=sw("費用：", G, 8.6)), extra=extra)
        # PR box to the bottom of the card
        cy += 4
        ph = text_height(d["pr"], iw - 12, PRS) + 8
        if cy + ph > y + CARD_H - 5:
            raise AssertionError(f"mutsumi-guidebook: card No.{no} overflows by {cy + ph - y - CARD_H + 5:.0f}")
        doc.op(pg, lambda P, cy=cy: P.rect(cx, cy, iw, y + CARD_H - 6 - cy, stroke=None, fill=fill, radius=4))
        self.anchors["pr"] = (x, cy + 8)
        yy = cy + 4
        for t in d["pr"]:
            yy += place_text(doc, pg, cx + 6, yy, iw - 12, [t], PRS, extra={**extra, "pr": True})


def build() -> Doc:
    doc = Doc("mutsumi-guidebook.pdf", A4, C.TITLE,
              "A4 portrait directory of 24 corporations as cards (2×3 per page) grouped by 圏域, with a map, an index "
              "table crossing a page, icon chips, vertical thumb tabs and the page number at the outer corner",
              meta_title=None)

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        n = int(info["printed"])
        y = H - 28
        odd = n % 2 == 1
        r = 9.0
        if odd:
            cxn = W - RM - r
            P.rect(cxn - r, y - r - 3.5, 2 * r, 2 * r, stroke=None, fill=NAVY, radius=r)
            P.text(cxn, y, str(n), G, 9.5, WHITE, True, "center")
            P.text(cxn - r - 6, y, C.SHORT, G, 8.2, GRAY, align="right")
        else:
            cxn = LM + r
            P.rect(cxn - r, y - r - 3.5, 2 * r, 2 * r, stroke=None, fill=NAVY, radius=r)
            P.text(cxn, y, str(n), G, 9.5, WHITE, True, "center")
            P.text(cxn + r + 6, y, C.SHORT, G, 8.2, GRAY)

    def page(printed: int | None) -> int:
        if printed is None:
            return doc.new_page(decor=decor)
        footer = f"{C.SHORT}　{printed}" if printed % 2 else f"{printed}　{C.SHORT}"
        return doc.new_page(printed=str(printed), footer=footer, decor=decor)

    _cover(doc, page(None))
    _intro(doc, page(1))
    _mikata(doc, page(2))

    # plan the card pages: each 圏域 starts a page; six cards per page
    plan = []           # (region, [card indices], continued?)
    order = ["chuo", "hokubu", "toubu", "nanbu"]
    for reg in order:
        idx = [k for k, d in enumerate(C.CORPS) if d["region"] == reg]
        for s in range(0, len(idx), 6):
            plan.append((reg, idx[s:s + 6], s > 0))
    first_card_printed = 5
    card_page = {}
    for k, (_reg, idx, _c) in enumerate(plan):
        for i in idx:
            card_page[i] = first_card_printed + k

    _index(doc, page, card_page)
    for k, (reg, idx, cont) in enumerate(plan):
        last = k == len(plan) - 1 or plan[k + 1][0] != reg
        pg = page(first_card_printed + k)
        _card_page(doc, pg, reg, idx, cont, last, first_card_printed + k)
    if len(doc.pages) != 10:
        raise AssertionError(f"mutsumi-guidebook: {len(doc.pages)} pages, not 10")
    return doc


# ------------------------------------------------------------------ cover
def _cover(doc: Doc, pg: int):
    doc.op(pg, lambda P: P.rect(0, 0, W, 330, stroke=None, fill=NAVY))
    place_text(doc, pg, LM, 92, TW, [C.COVER_PREF], Style(size=20, leading=28, bold=True, color=WHITE), heading=True)
    place_text(doc, pg, LM, 126, TW, [C.COVER_TITLE], Style(size=34, leading=44, bold=True, color=WHITE), heading=True)
    doc.op(pg, lambda P: P.rect(LM, 182, 118, 26, stroke=None, fill=ORANGE, radius=13))
    place_text(doc, pg, LM, 186, 118, [C.COVER_EDITION], Style(size=13, leading=18, bold=True, color=WHITE,
                                                                 align="center"), heading=True)
    place_text(doc, pg, LM, 240, TW, [C.COVER_CATCH], Style(size=13, leading=20, color=WHITE))

    # houses drawn with shapes
    def houses(P):
        base = 560.0
        for k, (x, w, h, colr) in enumerate(((90, 90, 80, RCOL["chuo"]), (205, 110, 110, RCOL["nanbu"]),
                                             (340, 80, 70, RCOL["hokubu"]), (440, 90, 95, RCOL["toubu"]))):
            P.rect(x, base - h, w, h, stroke=None, fill=colr)
            P.poly([(x - 10, base - h), (x + w / 2, base - h - 40), (x + w + 10, base - h)], fill=colr)
            P.rect(x + w / 2 - 10, base - 30, 20, 30, stroke=None, fill=WHITE)
            if k % 2 == 0:
                P.rect(x + 10, base - h + 14, 16, 16, stroke=None, fill=(1, 1, 0.85))
        P.line(50, 560, W - 50, 560, 2.0, GRAY)
    doc.op(pg, houses)
    # badge
    bx, by, br = W - LM - 62, 262.0, 60.0
    doc.op(pg, lambda P: P.rect(bx - br, by, 2 * br, 2 * br, stroke=None, fill=ORANGE, radius=br))
    for k, t in enumerate(C.COVER_BADGE):
        place_text(doc, pg, bx - br, by + 40 + 18 * k, 2 * br, [t], Style(size=10.5, leading=18, bold=True,
                                                                           color=WHITE, align="center"),
                   extra={"box": True})
    place_text(doc, pg, LM, 700, TW, [C.COVER_DATE], Style(size=13, leading=20, align="center"))
    place_text(doc, pg, LM, 724, TW, [C.COVER_ISSUER], Style(size=15, leading=22, bold=True, align="center"))


# ------------------------------------------------------------------ page 1
def _heading(doc: Doc, pg: int, y: float, text: str, color=NAVY) -> float:
    doc.op(pg, lambda P: (P.rect(LM, y + 2, 6, 18, stroke=None, fill=color),
                          P.line(LM, y + 23, LM + TW, y + 23, 0.8, color)))
    place_text(doc, pg, LM + 12, y, TW - 12, [text], Style(size=13, leading=22, bold=True, color=color), heading=True)
    return y + 32


def _intro(doc: Doc, pg: int):
    y = _heading(doc, pg, TOP, C.INTRO_HEADING)
    for t in C.INTRO:
        y += place_text(doc, pg, LM, y, TW, split_sentences(t), Style(font=M, size=10, leading=17.5, indent=10,
                                                                      sa=3))
    y += 10
    # 居住支援法人とは
    bst = Style(size=9.6, leading=15.5)
    bh = 30 + sum(text_height(split_sentences(t), TW - 28, bst) for t in C.ABOUT) + 10
    doc.op(pg, lambda P, y=y: (P.rect(LM, y, TW, bh, stroke=ORANGE, fill=CREAM, width=1.2, radius=10),
                               P.rect(LM + 14, y - 9, sw(C.ABOUT_TITLE, G, 10.5) + 20, 19, stroke=None, fill=ORANGE,
                                      radius=9)))
    place_text(doc, pg, LM + 14, y - 7, sw(C.ABOUT_TITLE, G, 10.5) + 20, [C.ABOUT_TITLE],
               Style(size=10.5, leading=15, bold=True, color=WHITE, align="center"), heading=True, extra={"box": True})
    yy = y + 18
    for t in C.ABOUT:
        yy += place_text(doc, pg, LM + 14, yy, TW - 28, split_sentences(t), bst, extra={"box": True})
    y += bh + 18
    # flow of four boxes
    y = _heading(doc, pg, y, C.FLOW_HEADING)
    n = len(C.FLOW)
    aw = 14.0
    bw = (TW - aw * (n - 1)) / n
    fbh = 112.0
    for k, (num, title, text, who) in enumerate(C.FLOW):
        x = LM + k * (bw + aw)
        doc.op(pg, lambda P, x=x, y=y: P.rect(x, y, bw, fbh, stroke=NAVY, fill=(0.95, 0.97, 1.0), width=1.0, radius=6))
        place_text(doc, pg, x + 6, y + 6, bw - 12, [num + title], Style(size=10, leading=14, bold=True, color=NAVY,
                                                                          hang=10), extra={"box": True})
        place_text(doc, pg, x + 6, y + 38, bw - 12, split_sentences(text), Style(size=8.6, leading=13),
                   extra={"box": True}, max_h=fbh - 42)
        if k < n - 1:
            ax = x + bw + 2
            doc.op(pg, lambda P, ax=ax, y=y: P.poly([(ax, y + fbh / 2 - 8), (ax + aw - 4, y + fbh / 2),
                                                (ax, y + fbh / 2 + 8)], fill=ORANGE))
        doc.op(pg, lambda P, x=x, y=y: P.rect(x, y + fbh + 5, bw, 16, stroke=None, fill=NAVY, radius=3))
        place_text(doc, pg, x, y + fbh + 6.5, bw, [who], Style(size=8.2, leading=12, bold=True, color=WHITE,
                                                              align="center"), extra={"box": True, "label": True})
    y += fbh + 28
    y += place_text(doc, pg, LM, y, TW, [C.FLOW_NOTE], Style(size=8.6, leading=13, hang=8.6, color=GRAY),
                    extra={"note": True})
    y += 12
    # the centre
    cst = Style(size=10, leading=16)
    ch = 24 + len(C.CENTER) * 16 + 10
    doc.op(pg, lambda P, y=y: (P.rect(LM, y, TW, ch, stroke=RCOL["chuo"], fill=WHITE, width=1.2, radius=6),
                               P.rect(LM, y, TW, 22, stroke=None, fill=RCOL["chuo"], radius=6),
                               P.rect(LM, y + 14, TW, 8, stroke=None, fill=RCOL["chuo"])))
    place_text(doc, pg, LM + 10, y + 3, TW - 20, [C.CENTER_TITLE], Style(size=10.5, leading=16, bold=True, color=WHITE),
               heading=True, extra={"box": True})
    yy = y + 28
    for t in C.CENTER:
        yy += place_text(doc, pg, LM + 12, yy, TW - 24, [t], cst.but(bold=t.startswith("フリー")), extra={"box": True})
    if y + ch > BOTTOM:
        raise AssertionError(f"mutsumi-guidebook: page 1 overflows ({y + ch:.0f})")


# ------------------------------------------------------------------ page 2
def _mikata(doc: Doc, pg: int):
    y = _heading(doc, pg, TOP, C.MIKATA_HEADING)
    cx0 = LM + 6
    card = Card(doc, pg, cx0, y + 8, C.SAMPLE, C.SAMPLE["no"], "chuo", sample=True)
    # callouts to the right of the sample card, each joined to its part by a leader line from the card's edge
    tx = cx0 + CARD_W + 34
    tw = LM + TW - tx
    targets = [card.anchors["no"], card.anchors["marks"], card.anchors["kind"], card.anchors["area"],
               card.anchors["icons"], card.anchors["fee"]]
    yy = y + 8
    cst = Style(size=8.8, leading=13.4, hang=8.8)
    edge = cx0 + CARD_W
    for k, (num, text) in enumerate(C.CALLOUTS):
        ay = targets[k][1]
        ty = max(yy, ay - 6)
        h = text_height([num + text], tw, cst)
        doc.op(pg, lambda P, ay=ay, ty=ty: (P.line(edge - 4, ay, edge + 10, ay, 0.7, ORANGE),
                                           P.line(edge + 10, ay, tx - 4, ty + 6, 0.7, ORANGE),
                                           P.rect(edge - 6, ay - 2, 4, 4, stroke=None, fill=ORANGE, radius=2)))
        place_text(doc, pg, tx, ty, tw, [num + text], cst, extra={"callout": True})
        yy = ty + h + 5
    y = max(y + 8 + CARD_H, yy) + 18
    for heading, icons, filled in ((C.ICON_HEADING, C.ICONS, True), (C.WHO_HEADING, C.WHO_ICONS, False)):
        y = _heading(doc, pg, y, heading)
        half = (TW - 20) / 2
        rows = (len(icons) + 1) // 2
        for k, (name, expl) in enumerate(icons):
            c_, r_ = divmod(k, rows)
            x = LM + c_ * (half + 20)
            yy = y + r_ * 29
            w_ = 62.0
            doc.op(pg, lambda P, x=x, yy=yy, f=filled, w_=w_: _chip(P, x, yy, w_, 15, RCOL["chuo"], f))
            place_text(doc, pg, x, yy + 1.5, w_, [name], Style(size=8.4, leading=12, bold=filled,
                                                               color=WHITE if filled else RCOL["chuo"],
                                                               align="center"), extra={"icon": True})
            place_text(doc, pg, x + w_ + 8, yy + 1, half - w_ - 8, [expl], Style(size=8.8, leading=12.6),
                       extra={"legend": True})
        y += rows * 29 + 8
    y += place_text(doc, pg, LM, y, TW, [C.WHO_NOTE], Style(size=8.6, leading=13.5, hang=8.6, color=GRAY),
                    extra={"note": True})
    if y > BOTTOM:
        raise AssertionError(f"mutsumi-guidebook: page 2 overflows ({y:.0f})")


# ------------------------------------------------------------------ pages 3-4: map + index
def _map(doc: Doc, pg: int, y: float) -> float:
    y = _heading(doc, pg, y, C.MAP_HEADING)
    mx, my, mw, mh = LM + 40, y, TW - 80, 236.0
    shapes = {
        "hokubu": [(0.30, 0.02), (0.62, 0.0), (0.74, 0.16), (0.66, 0.33), (0.40, 0.36), (0.22, 0.24)],
        "chuo": [(0.22, 0.24), (0.40, 0.36), (0.66, 0.33), (0.62, 0.62), (0.36, 0.66), (0.12, 0.50)],
        "toubu": [(0.66, 0.33), (0.74, 0.16), (0.96, 0.30), (1.0, 0.62), (0.80, 0.80), (0.62, 0.62)],
        "nanbu": [(0.12, 0.50), (0.36, 0.66), (0.62, 0.62), (0.80, 0.80), (0.56, 1.0), (0.20, 0.90), (0.04, 0.70)],
    }

    def draw(P):
        for key, pts in shapes.items():
            P.poly([(mx + px * mw, my + py * mh) for px, py in pts], fill=RFILL[key], stroke=RCOL[key])
    doc.op(pg, draw)
    pos = {"hokubu": (0.48, 0.06), "chuo": (0.38, 0.38), "toubu": (0.80, 0.40), "nanbu": (0.40, 0.70)}
    for key, name, count, munis in C.REGIONS:
        px, py = pos[key]
        x = mx + px * mw - 60
        yy = my + py * mh
        place_text(doc, pg, x, yy, 120, [name], Style(size=10, leading=14, bold=True, color=RCOL[key],
                                                      align="center"), extra={"chart": True})
        place_text(doc, pg, x, yy + 14, 120, [count], Style(size=15, leading=20, bold=True, color=RCOL[key],
                                                            align="center"), extra={"chart": True})
        place_text(doc, pg, x - 10, yy + 35, 140, ["・".join(munis)], Style(size=6.8, leading=9.5, color=GRAY,
                                                                            align="center"), extra={"chart": True})
    y = my + mh + 6
    y += place_text(doc, pg, LM, y, TW, [C.MAP_NOTE], Style(size=8.4, leading=12.5, hang=8.4, color=GRAY),
                    extra={"note": True})
    return y + 8


def _index(doc: Doc, page, card_page: dict):
    T = doc.truth
    pg = page(3)
    y = _map(doc, pg, TOP)
    rows = []
    groups = []
    for k, d in enumerate(C.CORPS):
        cut = min(d["addr"].index(c) for c in "市町村" if c in d["addr"]) + 1
        rows.append([f"{k + 1:02d}", d["name"], d["kind"], d["num"], d["date"], d["addr"][:cut], str(card_page[k])])
        if k == 0 or C.CORPS[k - 1]["region"] != d["region"]:
            groups.append((k, d["region"]))
    ts = TableSpec(caption=C.INDEX_CAPTION, header=C.INDEX_HEADER, rows=rows, widths=[0.5, 3.3, 1.3, 0.9, 1.5, 1.1, 0.7],
                   align=["c", "l", "l", "c", "l", "l", "c"], size=8.4, leading=11.6, pad=3.0,
                   header_fill=(0.86, 0.9, 0.95),
                   caption_style=Style(size=10.5, leading=17, bold=True, sb=4),
                   notes=C.INDEX_NOTES, note_style=Style(size=8.4, leading=12.8, hang=8.4, sb=3))
    caps, header, rblocks, notes = table_parts(doc, ts, TW)
    tid = len(T.tables) - 1
    gstart = {k: reg for k, reg in groups}
    counts = {key: count for key, _n, count, _m in C.REGIONS}
    names = {key: n for key, n, _c, _m in C.REGIONS}

    def group_block(reg: str) -> Block:
        text = f"{names[reg]}（{counts[reg]}）"
        sid = T.sentence(text, heading=True)
        h = 15.0

        def draw(P, x, y):
            P.rect(x, y, TW, h, stroke=None, fill=RFILL[reg])
            P.rect(x, y, 4, h, stroke=None, fill=RCOL[reg])
            P.line(x, y + h, x + TW, y + h, 0.6, (0.25, 0.25, 0.25))
            P.line(x, y, x, y + h, 0.6, (0.25, 0.25, 0.25))
            P.line(x + TW, y, x + TW, y + h, 0.6, (0.25, 0.25, 0.25))
            P.text(x + 10, baseline_of(y + 1.5, Style(size=8.8, leading=12)), text, G, 8.8, RCOL[reg], True)
        return Block(h=h, draw=draw, frags=[(sid, text)], table=tid)

    state = {"pg": pg, "y": y}

    def put(b: Block):
        if state["y"] + b.sb + b.h > BOTTOM:
            state["pg"] = page(4)
            state["y"] = TOP
            hb = header()
            doc.place(state["pg"], hb, LM, state["y"])
            state["y"] += hb.h
        state["y"] += b.sb
        doc.place(state["pg"], b, LM, state["y"])
        state["y"] += b.h

    for b in caps:
        put(b)
    put(header())
    for k, b in enumerate(rblocks):
        if k in gstart:
            gb = group_block(gstart[k])
            if state["y"] + gb.h + b.h > BOTTOM:  # a group row never stays alone at the foot of a page
                state["y"] = BOTTOM + 1
            put(gb)
        put(b)
    for b in notes:
        put(b)
    if state["pg"] == pg:
        raise AssertionError("mutsumi-guidebook: the index table does not continue on page 4")
    pg4 = state["pg"]
    y = _heading(doc, pg4, state["y"] + 14, C.FAQ_HEADING)
    qst = Style(size=9.6, leading=15, bold=True, hang=sw("Q1　", G, 9.6), color=NAVY)
    ast = Style(font=M, size=9.4, leading=15, hang=sw("A　", M, 9.4))
    for q, a in C.FAQ:
        y += place_text(doc, pg4, LM, y, TW, [q], qst, extra={"q": True})
        y += place_text(doc, pg4, LM, y + 1, TW, split_sentences(a), ast, extra={"a": True}) + 8
    y += 8
    # two boxes side by side: 指定を受けるには / お問い合わせ
    half = (TW - 14) / 2
    bst = Style(size=9.0, leading=14.5)
    hs = []
    for _title, lines in ((C.SHITEI_TITLE, C.SHITEI), (C.CONTACT_TITLE, C.CONTACT)):
        hs.append(28 + sum(text_height(split_sentences(t), half - 20, bst) for t in lines) + 8)
    bh = max(hs)
    for k, (title, lines) in enumerate(((C.SHITEI_TITLE, C.SHITEI), (C.CONTACT_TITLE, C.CONTACT))):
        x = LM + k * (half + 14)
        col = ORANGE if k == 0 else NAVY
        doc.op(pg4, lambda P, x=x, col=col: (P.rect(x, y, half, bh, stroke=col, fill=WHITE, width=1.1, radius=6),
                                             P.rect(x, y, half, 22, stroke=None, fill=col, radius=6),
                                             P.rect(x, y + 14, half, 8, stroke=None, fill=col)))
        place_text(doc, pg4, x + 10, y + 3.5, half - 20, [title], Style(size=10, leading=15, bold=True, color=WHITE),
                   heading=True, extra={"box": True})
        yy = y + 28
        for t in lines:
            yy += place_text(doc, pg4, x + 10, yy, half - 20, split_sentences(t), bst, extra={"box": True})
    if y + bh > BOTTOM:
        raise AssertionError("mutsumi-guidebook: page 4 overflows")


# ------------------------------------------------------------------ card pages
def _card_page(doc: Doc, pg: int, reg: str, idx: list[int], cont: bool, last: bool, printed: int):
    T = doc.truth
    col = RCOL[reg]
    band = C.REGION_BANDS[reg] if not cont else C.REGION_TABS[reg] + "（つづき）"
    doc.op(pg, lambda P: P.rect(LM, TOP, TW, 22, stroke=None, fill=col, radius=3))
    place_text(doc, pg, LM + 10, TOP + 3.5, TW - 20, [band], Style(size=10.5, leading=15, bold=True, color=WHITE),
               heading=True)
    # thumb tab on the outer edge, the 圏域 name printed vertically
    tab = C.REGION_TABS[reg]
    odd = printed % 2 == 1
    tx = W - 16 if odd else 16
    step = 13.0
    ty0 = 120 + ["chuo", "hokubu", "toubu", "nanbu"].index(reg) * 150
    doc.op(pg, lambda P: P.rect(tx - 12 if odd else tx - 16, ty0 - 8, 28, step * len(tab) + 16, stroke=None, fill=col,
                                radius=4))
    sid = T.sentence(tab, label=True, tab=True)
    for k, ch in enumerate(tab):
        st = Style(size=10, leading=step, bold=True, color=WHITE)

        def draw(P, x, y, ch=ch, st=st):
            P.text(x, baseline_of(y, st), ch, G, 10, WHITE, True, "center")
        doc.place(pg, Block(h=step, draw=draw, frags=[(sid, ch)]), tx, ty0 + k * step)
    # cards
    for k, i in enumerate(idx):
        r_, c_ = divmod(k, 2)
        x = LM + c_ * (CARD_W + CARD_GAP)
        y = CARD_TOP + r_ * (CARD_H + CARD_GAP)
        Card(doc, pg, x, y, C.CORPS[i], f"{i + 1:02d}", reg)
    if last:
        n = len(idx)
        if n >= 6:
            raise AssertionError(f"mutsumi-guidebook: no free slot for the {reg} desks")
        r_, c_ = divmod(n, 2)
        x = LM + c_ * (CARD_W + CARD_GAP)
        y = CARD_TOP + r_ * (CARD_H + CARD_GAP)
        w = CARD_W if c_ == 1 else TW   # one free slot, or the whole last row
        h = CARD_H
        _window_box(doc, pg, x, y, w, h, reg)


def _window_box(doc: Doc, pg: int, x: float, y: float, w: float, h: float, reg: str):
    col = RCOL[reg]
    doc.op(pg, lambda P: (P.rect(x, y, w, h, stroke=col, fill=RFILL[reg], width=1.0, radius=6, dash=([3, 2], 0)),))
    place_text(doc, pg, x + 10, y + 8, w - 20, [C.WINDOW_TITLE], Style(size=10, leading=15, bold=True, color=col),
               heading=True, extra={"box": True})
    yy = y + 28
    st = Style(size=8.8, leading=15)
    for name, dept, tel, council in C.WINDOWS[reg]:
        mark = "◎" if council else "　"
        yy += place_text(doc, pg, x + 10, yy, w - 20, [f"{mark}{name}　{dept}　{tel}"], st,
                         extra={"box": True, "item": True})
    yy += 4
    yy += place_text(doc, pg, x + 10, yy, w - 20, [C.WINDOW_NOTES[reg]], Style(size=8.0, leading=12, color=GRAY),
                     extra={"box": True, "note": True})
    if yy > y + h:
        raise AssertionError(f"mutsumi-guidebook: desk box of {reg} overflows")

