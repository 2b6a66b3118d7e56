"""komachi-tsuchi.pdf: an official notice (通知) with attachments whose PAGE NUMBERING RESTARTS, A4 portrait (fictional こまち県).

Layout traps: page 1 is the 鑑文 (cover letter) and has NO page number, header or footer: 文書番号 「こ住第123号」 and the
date right-aligned at the top, the addressee 「各市町村居住支援担当課長　様」 left, sender and （公印省略） right, the 件名
centred in bold, a three-paragraph body, 「記」 centred, items 1–4 (with （1）–（3） under 3), 「以上」 right-aligned and a
ruled 担当 box at the bottom right (係, names, 電話, FAX, メール on separate lines).  Then 別紙1 (実施要領, 3 pages) and
別紙2 (名簿 and schedule, 2 pages), each starting on a new page with 「別紙1」 / 「別紙2」 in a small box at the top right of
its FIRST page only, and each numbered from 1 again: the footer is 「- 1 -」, 「- 2 -」 … centred, so two different PDF
pages are both printed 「- 1 -」 (and two are 「- 2 -」); 別紙1 holds numbered headings 1–14 without indentation, （1）
items with hanging indents, ア / イ items, a ruled 4-column table 表1 (wrapped cells, 区分 A / B / C) with ※1 / ※2 notes
and a right-aligned 附則 line, then on its own third page （参考1） steps ①–⑤ and （参考2） table 表2 (試行の実績, a 計
row) with two ※ notes; 別紙2 holds the アドバイザー名簿 表3 (5 columns, wrapped 所属 / 専門分野 cells, 9 rows) with
three ※ notes, and the schedule 表4 (時期｜内容｜備考, 11 rows) that CONTINUES from the first to the second 別紙2 page
with its header row repeated, then 問い合わせ先 with two numbers.  The last page is 様式第1号 (an application form) with
NO page number: 「様式第1号」 in a small box at the top LEFT, a blank date line 「令和　　年　　月
日」, the addressee, 市町村名 / 市町村長名 labels followed by drawn signature lines, a centred title, a lead sentence, a
ruled two-column form (shaded label cells 1–7, □ check boxes two or three to a line, blank fields and an empty 担当者
block) and two ※ lines.  No running header or footer text other than the attachment labels and the page numbers.

Truth: `printed` is what is printed in the footer without the dashes — null for the cover letter and the form,
「1」「2」「3」 for 別紙1 and 「1」「2」 again for 別紙2 (so page labels are NOT unique in this file); `header` is the boxed
label 「別紙1」 / 「別紙2」 / 「様式第1号」 on the first page of each attachment and null elsewhere; `footer` is 「- n -」 or null.
The 担当 lines are sentences with flag `box`; the form's labels flag `field`, its □ options flag `option`, its other field
texts flag `item`, its ※ lines flag `note`.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_komachi_tsuchi as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    wrap,
)

W, H = A4
X0, X1, TOP, BOTTOM = 72.0, W - 72.0, 70.0, H - 64.0
GRAY = (0.3, 0.3, 0.3)
FS = 10.5
LEAD = 17.8
Z = FS  # one full-width character

P_RIGHT = Style(font=M, size=FS, leading=LEAD, align="right")
P_LEFT = Style(font=M, size=FS, leading=LEAD)
SUBJ = Style(font=G, size=11.5, leading=20, bold=True, align="center", sb=14, sa=12)
BODY = Style(font=M, size=FS, leading=LEAD, indent=Z)
KI = Style(font=M, size=FS, leading=LEAD, align="center", sb=10, sa=6)
H1 = Style(font=G, size=FS, leading=LEAD, bold=True, hang=2 * Z, sb=7, keep_next=True)
H2P = Style(font=M, size=FS, leading=LEAD, indent=Z, hang=3 * Z, sb=1)
PARA = Style(font=M, size=FS, leading=LEAD, indent=2 * Z, hang=Z)
ITEM = Style(font=M, size=FS, leading=LEAD, indent=3 * Z, hang=5 * Z)
RIGHT = Style(font=M, size=FS, leading=LEAD, align="right")
END = Style(font=M, size=FS, leading=LEAD, align="right", sb=8)
TITLE_ST = Style(font=G, size=12, leading=21, bold=True, align="center", sa=10)


def _contact_block(T, lines: list[str], width: float) -> Block:
    """A ruled box at the bottom right holding the 担当 lines (each line a sentence)."""
    bw = 236.0
    pad = 7.0
    st = Style(font=M, size=9.8, leading=15.5)
    drawn = []
    for t in lines:
        sid = T.sentence(t.strip("　"), box=True)
        lead = len(t) - len(t.lstrip("　"))
        for ln in wrap([(ch, sid) for ch in t.lstrip("　")], bw - 2 * pad - lead * 9.8, st):
            drawn.append(("".join(u[0] for u in ln), frags_of(ln), lead * 9.8))
    h = len(drawn) * st.leading + 2 * pad

    def draw(P, x, y):
        bx = x + width - bw
        P.rect(bx, y, bw, h, stroke=BLACK, fill=None, width=0.7)
        for k, (t, _f, ind) in enumerate(drawn):
            P.text(bx + pad + ind, baseline_of(y + pad + k * st.leading, st), t, M, 9.8, BLACK)

    return Block(h=h, draw=draw, frags=[f for _t, fr, _i in drawn for f in fr], sb=22)


def build() -> Doc:
    doc = Doc("komachi-tsuchi.pdf", A4, C.TITLE,
              "A4 notice (鑑文) with attachments whose page numbers restart; an application form", meta_title=None)
    T = doc.truth
    state = {"section": None, "n": 0}

    def decor(P, info, when):
        if when != "over":
            return
        hd = info["header"]
        if hd == "様式第1号":
            w = 66.0
            P.rect(X0, 30, w, 20, stroke=BLACK, fill=None, width=0.8)
            P.text(X0 + w / 2, 44.5, hd, G, 10.5, BLACK, align="center")
        elif hd:
            w = 54.0
            P.rect(X1 - w, 30, w, 20, stroke=BLACK, fill=None, width=0.8)
            P.text(X1 - w / 2, 44.5, hd, G, 10.5, BLACK, align="center")
        if info["footer"]:
            P.text(W / 2, H - 36, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        sec = state["section"]
        if sec is None or sec == "様式第1号":
            return doc.new_page(printed=None, header=sec, footer=None, decor=decor)
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=sec if n == 1 else None, footer=f"- {n} -", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0

    def lines(sents, st, **kw):
        flow.add_all(line_blocks(T, sents, wd, st, **kw))

    def body(items):
        for it in items:
            k = it[0]
            if k == "h1":
                lines([it[1]], H1, heading=True)
            elif k == "h2p":
                lines(split_sentences(it[1]), H2P, extra={"item": True})
            elif k == "p":
                lines(split_sentences(it[1]), PARA)
            elif k == "i":
                lines(split_sentences(it[1]), ITEM, extra={"item": True})
            elif k == "right":
                lines([it[1]], RIGHT)
            elif k == "vspace":
                flow.vspace(it[1])
            elif k == "pagebreak":
                flow.page_break()
            elif k == "table":
                flow.add_table(TableSpec(**it[1], size=9.2, leading=13.4, pad=4.0, header_fill=(0.9, 0.9, 0.9),
                                         rule=(0.2, 0.2, 0.2),
                                         caption_style=Style(font=G, size=9.8, leading=17, bold=True, sb=6, sa=2,
                                                             keep_next=True),
                                         note_style=Style(font=M, size=9.2, leading=14.6, hang=3 * 9.2, sb=2)))
            else:
                raise KeyError(k)

    # ---- 鑑文 (no page number)
    lines([C.DOC_NO], P_RIGHT)
    lines([C.DATE], P_RIGHT)
    flow.vspace(12)
    lines([C.TO], P_LEFT)
    flow.vspace(12)
    lines([C.FROM], P_RIGHT)
    lines([C.SEAL], P_RIGHT)
    lines([C.SUBJECT], SUBJ, heading=True)
    for para in C.INTRO:
        lines(split_sentences(para), BODY)
    lines(["記"], KI, heading=True)
    body(C.BODY)
    lines(["以上"], END)
    flow.add(_contact_block(T, C.CONTACT, wd))
    flow.page_break()
    assert len(doc.pages) == 1, "the cover letter must fit on one page"

    # ---- 別紙1 (pages 1, 2, 3)
    state["section"], state["n"] = "別紙1", 0
    lines([C.B1_TITLE], TITLE_ST, heading=True)
    body(C.B1)
    flow.page_break()

    # ---- 別紙2 (numbering restarts at 1)
    state["section"], state["n"] = "別紙2", 0
    lines([C.B2_TITLE], TITLE_ST, heading=True)
    body(C.B2)
    flow.page_break()
    flow.finish()

    # ---- 様式第1号 (no page number)
    state["section"] = "様式第1号"
    _form(doc, new_page())
    return doc


def _form(doc: Doc, pg: int) -> None:
    wd = X1 - X0
    st = Style(font=M, size=FS, leading=LEAD)
    y = TOP + 4
    y += place_text(doc, pg, X0, y, wd, [C.F_DATE], st.but(align="right"))
    y += 8
    y += place_text(doc, pg, X0, y, wd, [C.F_TO], st)
    y += 14
    for label, lw in C.F_FROM:
        lx = X1 - 300.0
        place_text(doc, pg, lx, y, 90, [label], st, extra={"field": True})
        doc.op(pg, lambda P, yy=y + LEAD - 2, lw=lw: P.line(X1 - lw - 40, yy, X1, yy, 0.6, BLACK))
        y += LEAD + 10
    y += 14
    y += place_text(doc, pg, X0, y, wd, [C.F_TITLE], Style(font=G, size=12.5, leading=22, bold=True, align="center"),
                    heading=True)
    y += 12
    y += place_text(doc, pg, X0, y, wd, split_sentences(C.F_LEAD), st.but(indent=Z))
    y += 12

    lw, pad = 150.0, 7.0
    cw_ = wd - lw
    fst = Style(font=M, size=10, leading=17)
    for label, content in C.F_ROWS:
        n = len(content)
        rh = n * fst.leading + 2 * pad
        if label.endswith("担当者"):
            rh = n * (fst.leading + 4) + 2 * pad

        def frame(P, y=y, rh=rh):
            P.rect(X0, y, lw, rh, stroke=None, fill=(0.92, 0.92, 0.92))
            P.rect(X0, y, wd, rh, stroke=GRAY, fill=None, width=0.7)
            P.line(X0 + lw, y, X0 + lw, y + rh, 0.7, GRAY)
        doc.op(pg, frame)
        place_text(doc, pg, X0 + 8, y + (rh - fst.leading) / 2, lw - 12, [label], fst.but(font=G), extra={"field": True})
        yy = y + pad
        for line in content:
            if isinstance(line, list):  # □ options on one line, in equal slots
                slot = (cw_ - 16) / max(len(line), 2)
                for k, opt in enumerate(line):
                    wdt = cw_ - 16 - k * slot if k == len(line) - 1 else slot
                    assert sw(opt, M, 10) <= wdt, opt
                    place_text(doc, pg, X0 + lw + 10 + k * slot, yy, wdt, [opt], fst, extra={"option": True})
            else:
                place_text(doc, pg, X0 + lw + 10, yy, cw_ - 16, [line], fst, extra={"item": True})
            yy += fst.leading + (4 if label.endswith("担当者") else 0)
        y += rh
    y += 10
    nst = Style(font=M, size=9.6, leading=15.5, hang=9.6)
    for n in C.F_NOTES:
        y += place_text(doc, pg, X0, y, wd, split_sentences(n), nst, extra={"note": True})
    assert y < BOTTOM, "the form must fit on one page"
