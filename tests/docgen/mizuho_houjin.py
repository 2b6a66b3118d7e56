"""mizuho-houjin.pdf: one 居住支援法人's activity report (活動報告 / 事業案内), A4 portrait, two columns
(fictional みずほ県).

Layout traps: page 1 opens with a full-width coloured title band (kicker 「みずほ県指定 居住支援法人」, title,
entity name, 発行 date right-aligned), then TWO columns (gutter with a thin rule) on every page; ■ headings
with a coloured underline and 【】 sub-headings; ・ and ①–④ lists; the 「法人概要」 sidebar box (所在地, 設立,
代表理事, 職員数, 指定年月日, 活動地域, 電話, FAX, one line each, some wrapped) at the top of the right column of
page 1, after the greeting in the left column; ruled tables inside a column (表1 令和5年度 vs 令和6年度, 表2
相談者の属性 with a 合計 row, 表3 料金 with wrapped cells) with ※ notes; a 「支援事例」 box with a short case
story; a ご協力のお願い box; running header (entity name + 令和6年度 活動報告) with a rule only from page 2;
bare centred page number at the foot of every page; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mizuho_houjin as C
from .engine import BLACK, Doc, Flow, G, Style, place_text
from .kit import box_block, render

W, H = A4
X0, X1, TOP, BOTTOM = 44.0, W - 44.0, 70.0, H - 56.0
ORANGE = (0.85, 0.42, 0.12)
BROWN = (0.45, 0.25, 0.1)
CREAM = (1.0, 0.96, 0.9)
GRAY = (0.4, 0.4, 0.4)
BAND_H = 128.0

S = {
    "p": Style(size=9.6, leading=16.0, indent=9.6, sa=2),
    "h2": Style(size=11.4, leading=18, bold=True, color=BROWN, sb=12, sa=4, keep_next=True),
    "h3": Style(size=9.8, leading=15.5, bold=True, color=ORANGE, sb=4, keep_next=True),
    "li": Style(size=9.4, leading=15.2, hang=9.4, sb=1),
    "li_gap": 1.0,
    "note": Style(size=8.0, leading=12.4, hang=8.0, color=GRAY),
    "box": Style(size=9.2, leading=15.0),
    "box_title": Style(size=9.8, leading=15, bold=True),
    "box_kw": {"fill": (0.95, 0.97, 1.0), "border": (0.3, 0.45, 0.65), "sb": 10},
    "table_kw": {"size": 8.8, "leading": 12.6, "pad": 3.4, "header_fill": (0.99, 0.9, 0.8), "rule": (0.35, 0.3, 0.25),
                 "caption_style": Style(size=9.2, leading=14.5, bold=True, sb=8, sa=2, keep_next=True),
                 "note_style": Style(size=7.8, leading=12.0, hang=7.8, sb=2, color=GRAY)},
}


def _h2_deco(P, x, y, w, h):
    P.line(x, y + h - 4, x + w, y + h - 4, 1.2, ORANGE)


S["h2_deco"] = _h2_deco


def build() -> Doc:
    doc = Doc("mizuho-houjin.pdf", A4, C.TITLE, "A4 two-column activity report of a 居住支援法人", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when == "under" and info["index"] == 0:
            P.rect(0, 0, W, BAND_H, stroke=None, fill=ORANGE)
            P.rect(X0, BAND_H - 30, X1 - X0, 22, stroke=None, fill=(1, 1, 1), radius=3)
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 44, info["header"], G, 8.2, BROWN, align="right")
            P.line(X0, 50, X1, 50, 0.8, ORANGE)
        P.text(W / 2, H - 30, info["footer"], G, 9, BLACK, align="center")

    def page_rec(n: int) -> int:
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=str(n), decor=decor)

    first = page_rec(1)
    used = {"first": False}

    def new_page() -> int:
        if not used["first"]:
            used["first"] = True
            return first
        return page_rec(len(doc.pages) + 1)

    wd = X1 - X0
    place_text(doc, first, X0, 22, wd, [C.KICKER], Style(size=10.5, leading=16, color=(1, 1, 1), bold=True))
    place_text(doc, first, X0, 42, wd, [C.TITLE], Style(size=17.5, leading=28, color=(1, 1, 1), bold=True),
               heading=True)
    place_text(doc, first, X0 + 8, BAND_H - 28, wd - 16, [C.ENTITY], Style(size=11, leading=18, color=BROWN, bold=True),
               heading=True)
    place_text(doc, first, X0 + 8, BAND_H - 28, wd - 16, [C.ISSUED], Style(size=9, leading=18, color=BROWN, align="right"))

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=2, gutter=22.0, col_rule=(0.85, 0.7, 0.55),
                top_of=lambda p: BAND_H + 18 if p == 0 else TOP)

    def profile(fl: Flow) -> None:
        fl.add(box_block(T, "法人概要", C.PROFILE, fl.width, Style(size=9.0, leading=14.6, hang=9.0),
                         Style(size=10, leading=15, bold=True), fill=CREAM, border=ORANGE, sb=0))

    def case(fl: Flow, title, paras) -> None:
        fl.add(box_block(T, title, paras, fl.width, Style(size=9.2, leading=15.2, indent=9.2),
                         Style(size=9.8, leading=15, bold=True), fill=(0.96, 0.99, 0.94), border=(0.3, 0.55, 0.3),
                         sb=10))

    render(flow, C.ITEMS, S, {"profile": profile, "case": case})
    flow.finish()
    return doc
