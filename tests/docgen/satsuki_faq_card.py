"""satsuki-faq-card.pdf: 「よくある質問カード」 on 市町村居住支援協議会 and 居住支援法人 (令和8年10月版) of the さつき県
土木部 住宅課, a two-sided A4 PORTRAIT card sheet of three pages (fictional さつき県), held-out set BLIND44.

No /Title.  Every page is a 2×3 GRID of ROUNDED CARDS (two columns, three rows; cards of one row have the same height, so
pdfplumber reads the two cards of a row across, line by line, and wrapped sentences come out only in pieces).  A card has a
coloured Q-number BADGE (「Q7」) at its top left, a category TAB (設立 / 運営 / 補助金 / 支援 / 法人 / 現状) sitting on its top
border at the right, the question in bold beside the badge, a dotted rule and a round 「A」 mark, then the answer:
paragraphs, ・ bullet lists with a hanging indent, or a SMALL RULED TABLE inside the card (with a bold caption; three cards),
and a ※ line.  Page 1 opens with a title band (title, subtitle, an edition pill); pages 2–3 carry a small running header
(top left, over a rule).  The last two cells of page 3 are not Q&As: an お問い合わせ card (two desks, phone / FAX, hours) and a
関連資料 card (a bullet list).  Footer 「さつき県 住宅課 ｜ n/3」 centred on every page (printed label n).

Truth: questions flag `q`, answers `a` (bullets also `item`, ※ lines `note`), badges `qno`, tabs `tag`; the small tables
are tables of the truth with their captions.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_satsuki_faq_card as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    TableSpec,
    place_text,
    split_sentences,
    sw,
    table_parts,
)

W, H = A4
X0, X1 = 26.0, W - 26.0
GAP_X, GAP_Y = 11.0, 10.0
CW = (X1 - X0 - GAP_X) / 2
PAD = 10.0

MAIN = (0.72, 0.20, 0.40)      # azalea
COLORS = {"main": MAIN, "green": (0.18, 0.50, 0.32), "navy": (0.17, 0.32, 0.56), "orange": (0.84, 0.46, 0.10)}
TINTS = {"main": (0.99, 0.93, 0.95), "green": (0.92, 0.97, 0.93), "navy": (0.92, 0.95, 0.99),
         "orange": (1.0, 0.95, 0.89)}
GRAY = (0.42, 0.42, 0.42)
LGRAY = (0.78, 0.78, 0.78)
WHITE = (1, 1, 1)

Q_ST = Style(font=G, size=10.6, leading=15.4, bold=True)
A_ST = Style(font=G, size=9.4, leading=14.6)
NOTE_ST = Style(font=G, size=8.6, leading=13, hang=8.6, color=(0.25, 0.25, 0.25))


def build() -> Doc:
    doc = Doc("satsuki-faq-card.pdf", (W, H), C.TITLE,
              "A4 portrait FAQ card sheet: 2x3 grid of rounded cards per page, Q badges, category tabs on the border, "
              "answers with bullets and small ruled tables, contact card",
              meta_title=None, author="さつき県 土木部 住宅課")

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 20, info["header"], G, 8.0, GRAY)
            P.line(X0, 25, X1, 25, 0.4, LGRAY)
        P.text(W / 2, H - 16, info["footer"], G, 8.8, GRAY, align="center")

    def new_page(n: int) -> int:
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=C.FOOTER.format(n=n),
                            decor=decor)

    cards = list(C.CARDS)
    for n in range(1, C.NPAGES + 1):
        pg = new_page(n)
        if n == 1:
            top = _title(doc, pg)
        else:
            top = 36.0
        ch = (H - 36 - top - 2 * GAP_Y) / 3
        slots = [(X0 + (k % 2) * (CW + GAP_X), top + (k // 2) * (ch + GAP_Y)) for k in range(6)]
        page_cards, cards = cards[:6], cards[6:]
        for (x, y), card in zip(slots, page_cards, strict=False):
            _card(doc, pg, x, y, ch, card)
        if n == C.NPAGES:
            _contact(doc, pg, *slots[4], ch)
            _docs(doc, pg, *slots[5], ch)
    return doc


def _lab(doc: Doc, pg: int, x: float, y: float, text: str, size: float, color=BLACK, bold: bool = False,
         align: str = "left", **flags) -> float:
    sid = doc.truth.sentence(text, **flags)
    doc.place(pg, Block(h=0, draw=lambda P, _x, _y: P.text(x, y, text, G, size, color, bold, align),
                        frags=[(sid, text)]), x, y)
    return sw(text, G, size)


def _title(doc: Doc, pg: int) -> float:
    doc.op(pg, lambda P: P.rect(X0, 18, X1 - X0, 62, stroke=None, fill=MAIN, radius=10))
    _lab(doc, pg, X0 + 16, 48, C.TITLE_MAIN, 22, WHITE, True, heading=True)
    _lab(doc, pg, X0 + 16, 69, C.SUBTITLE, 9.4, WHITE, False)
    pw = sw(C.EDITION, G, 10) + 22
    doc.op(pg, lambda P: P.rect(X1 - 14 - pw, 30, pw, 22, stroke=None, fill=WHITE, radius=11))
    _lab(doc, pg, X1 - 14 - pw / 2, 45.5, C.EDITION, 10, MAIN, True, "center")
    return 92.0


def _frame(doc: Doc, pg: int, x: float, y: float, h: float, key: str) -> None:
    col = COLORS[key]
    doc.op(pg, lambda P: P.rect(x, y, CW, h, stroke=col, fill=WHITE, width=1.2, radius=9))


def _card(doc: Doc, pg: int, x: float, y: float, h: float, card) -> None:
    no, cat, question, parts = card
    key = C.CAT[cat]
    col, tint = COLORS[key], TINTS[key]
    _frame(doc, pg, x, y, h, key)
    # badge
    badge = f"Q{no}"
    bw = sw(badge, G, 10.5) + 14
    doc.op(pg, lambda P: P.rect(x + PAD, y + PAD, bw, 20, stroke=None, fill=col, radius=6))
    _lab(doc, pg, x + PAD + bw / 2, y + PAD + 14.5, badge, 10.5, WHITE, True, "center", qno=True)
    # category tab on the top border (right)
    tw = sw(cat, G, 8) + 14
    doc.op(pg, lambda P: P.rect(x + CW - 14 - tw, y - 6, tw, 13, stroke=col, fill=tint, width=0.8, radius=6.5))
    _lab(doc, pg, x + CW - 14 - tw / 2, y + 3.6, cat, 8, col, True, "center", tag=True)
    # question
    qx = x + PAD + bw + 8
    yy = y + PAD + 1
    yy += place_text(doc, pg, qx, yy, x + CW - PAD - qx, [question], Q_ST.but(color=(0.1, 0.1, 0.1)),
                     extra={"q": True})
    yy = max(yy, y + PAD + 22) + 4
    doc.op(pg, lambda P, yy=yy: P.line(x + PAD, yy, x + CW - PAD, yy, 0.8, col, dash=([1.2, 2.2], 0)))
    yy += 6
    # the round 「A」 mark
    doc.op(pg, lambda P, yy=yy: (P.c.setFillColorRGB(*tint), P.c.circle(x + PAD + 7, P.H - (yy + 7.5), 7.5, stroke=0,
                                                                         fill=1),
                                 P.text(x + PAD + 7, yy + 10.6, "A", G, 9.5, col, True, "center")))
    ax = x + PAD + 20
    aw = x + CW - PAD - ax
    for part in parts:
        kind = part[0]
        if kind == "p":
            yy += place_text(doc, pg, ax, yy, aw, split_sentences(part[1]), A_ST, extra={"a": True}) + 3
        elif kind == "note":
            yy += place_text(doc, pg, ax, yy, aw, split_sentences(part[1]), NOTE_ST, extra={"a": True, "note": True}) + 2
        elif kind == "ul":
            for it in part[1]:
                doc.op(pg, lambda P, yy=yy: P.text(ax, yy + 11, "・", G, 9.4, col, True))
                yy += place_text(doc, pg, ax + 10, yy, aw - 10, [it], A_ST.but(), extra={"a": True, "item": True}) + 1
            yy += 3
        elif kind == "table":
            _k, caption, header, rows, widths, align = part
            ts = TableSpec(caption=caption, header=header, rows=rows, widths=widths, align=align, size=8.6,
                           leading=12.0, pad=3.2, header_fill=tint, rule=(0.45, 0.45, 0.45),
                           caption_style=Style(font=G, size=9.0, leading=14, bold=True, color=col, sb=0))
            caps, hdr, body, _n = table_parts(doc, ts, aw)
            for b in caps + [hdr()] + body:
                doc.place(pg, b, ax, yy)
                yy += b.h
            yy += 5
        else:
            raise KeyError(kind)
    if yy > y + h - 4:
        raise AssertionError(f"satsuki-faq-card p{pg}: card Q{no} overflows ({yy - y:.0f} > {h:.0f})")


def _contact(doc: Doc, pg: int, x: float, y: float, h: float) -> None:
    col = COLORS["main"]
    doc.op(pg, lambda P: (P.rect(x, y, CW, h, stroke=col, fill=TINTS["main"], width=1.2, radius=9),
                          P.rect(x, y, CW, 28, stroke=None, fill=col, radius=9),
                          P.rect(x, y + 18, CW, 10, stroke=None, fill=col)))
    _lab(doc, pg, x + PAD + 2, y + 19, C.CONTACT_TITLE, 11, WHITE, True, heading=True, box=True)
    yy = y + 38
    st = Style(font=G, size=8.7, leading=13.4)
    num = Style(font=G, size=9.6, leading=15, bold=True, color=(0.17, 0.32, 0.56))
    for topic, desk, phone in C.CONTACTS:
        yy += place_text(doc, pg, x + PAD, yy, CW - 2 * PAD, ["■" + topic], st.but(bold=True, color=col),
                         extra={"box": True})
        yy += place_text(doc, pg, x + PAD + 10, yy, CW - 2 * PAD - 10, [desk], st, extra={"box": True})
        yy += place_text(doc, pg, x + PAD + 10, yy, CW - 2 * PAD - 10, [phone], num, extra={"box": True}) + 8
    doc.op(pg, lambda P, yy=yy: P.line(x + PAD, yy, x + CW - PAD, yy, 0.5, LGRAY))
    yy += 6
    yy += place_text(doc, pg, x + PAD, yy, CW - 2 * PAD, [C.CONTACT_HOURS], st, extra={"box": True})
    if yy > y + h - 4:
        raise AssertionError("satsuki-faq-card: contact card overflows")


def _docs(doc: Doc, pg: int, x: float, y: float, h: float) -> None:
    col = COLORS["navy"]
    doc.op(pg, lambda P: (P.rect(x, y, CW, h, stroke=col, fill=WHITE, width=1.2, radius=9, dash=([4, 2.5], 0)),
                          P.rect(x, y, CW, 28, stroke=None, fill=col, radius=9),
                          P.rect(x, y + 18, CW, 10, stroke=None, fill=col)))
    _lab(doc, pg, x + PAD + 2, y + 19, C.DOCS_TITLE, 11, WHITE, True, heading=True, box=True)
    yy = y + 40
    st = Style(font=G, size=8.7, leading=13.4, hang=0)
    for it in C.DOCS_LIST:
        doc.op(pg, lambda P, yy=yy: P.rect(x + PAD + 1, yy + 4, 5, 5, stroke=None, fill=col))
        yy += place_text(doc, pg, x + PAD + 10, yy, CW - 2 * PAD - 10, [it], st, extra={"box": True, "item": True}) + 4
    yy += 6
    yy += place_text(doc, pg, x + PAD, yy, CW - 2 * PAD, split_sentences(C.DOCS_NOTE), st.but(color=GRAY),
                     extra={"box": True})
    if yy > y + h - 4:
        raise AssertionError("satsuki-faq-card: documents card overflows")
