"""harukaze-tsuchi.pdf: an official notice (通知文) with two attachments, A4 portrait (fictional はるかぜ県).

Layout traps: 文書番号 and date right-aligned at the top, addressee on the left, sender and （公印省略）
right-aligned, 件名 centred, 「記」 centred, items at three levels (1 / （1） / ア) with hanging indents,
「以上」 right-aligned, a ruled 担当 box at the bottom right (name, 電話, FAX, メール on separate lines); a body
sentence whose last character 「す。」 is alone at the top of page 2;
別紙1 and 別紙2 start on new pages and carry a boxed running header 「別紙1」/「別紙2」 at the top right
(none on the notice pages); 別紙1's ruled table (wrapped cells in every column) continues onto the next
page with its header row repeated, ※ notes under it; 別紙2 has a date table and a form-like checklist
with an empty 確認欄 column and a ruled 申請者記入欄 with blank fields; footer 「－n－」 centred on every
page; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_harukaze_tsuchi as C
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
    split_sentences,
    wrap,
)

W, H = A4
X0, X1, TOP, BOTTOM = 70.0, W - 70.0, 64.0, H - 62.0
GRAY = (0.3, 0.3, 0.3)
FS = 10.5
LEAD = 17.6
Z = FS  # one full-width character

P_RIGHT = Style(font=M, size=FS, leading=LEAD, align="right")
P_LEFT = Style(font=M, size=FS, leading=LEAD)
SUBJ = Style(font=G, size=11.5, leading=20, bold=True, align="center", sb=12, sa=10)
BODY = Style(font=M, size=FS, leading=LEAD, indent=Z)
KI = Style(font=M, size=FS, leading=LEAD, align="center", sb=12, sa=6)
H1 = Style(font=G, size=FS, leading=LEAD, bold=True, hang=2 * Z, sb=8, keep_next=True)
H2 = Style(font=M, size=FS, leading=LEAD, indent=Z, hang=4 * Z, sb=2, keep_next=True)
H2P = Style(font=M, size=FS, leading=LEAD, indent=Z, hang=4 * Z, sb=2)
PARA = Style(font=M, size=FS, leading=LEAD, indent=4 * Z, hang=3 * Z)
ITEM = Style(font=M, size=FS, leading=LEAD, indent=3 * Z, hang=5 * Z)
END = Style(font=M, size=FS, leading=LEAD, align="right", sb=8)


def _contact_block(T, lines: list[str], width: float) -> Block:
    """A ruled box at the bottom right holding the 担当 lines (each line a sentence)."""
    bw = 250.0
    pad = 7.0
    st = Style(font=M, size=9.8, leading=16)
    drawn = []
    for t in lines:
        sid = T.sentence(t, box=True)
        for ln in wrap([(ch, sid) for ch in t], bw - 2 * pad, st):
            drawn.append(("".join(u[0] for u in ln), frags_of(ln)))
    h = len(drawn) * st.leading + 2 * pad

    def draw(P, x, y):
        bx = x + width - bw
        P.rect(bx, y, bw, h, stroke=BLACK, fill=None, width=0.7)
        for k, (t, _f) in enumerate(drawn):
            P.text(bx + pad, baseline_of(y + pad + k * st.leading, st), t, M, 9.8, BLACK)

    return Block(h=h, draw=draw, frags=[f for _t, fr in drawn for f in fr], sb=18)


def _form_block(T, title: str, rows: list[tuple[str, str]], width: float) -> list[Block]:
    """A ruled form with label cells and empty fields (labels are sentences)."""
    tst = Style(font=G, size=10, leading=18, bold=True, sb=8, keep_next=True)
    out = line_blocks(T, [title], width, tst, heading=True)
    lw, rh = 128.0, 22.0
    for label, _val in rows:
        sid = T.sentence(label, heading=True)

        def draw(P, x, y, label=label):
            P.rect(x, y, lw, rh, stroke=None, fill=(0.92, 0.92, 0.92))
            P.rect(x, y, width, rh, stroke=GRAY, fill=None, width=0.6)
            P.line(x + lw, y, x + lw, y + rh, 0.6, GRAY)
            P.text(x + 8, y + rh / 2 + 3.4, label, G, 10, BLACK)

        out.append(Block(h=rh, draw=draw, frags=[(sid, label)], keep_next=False))
    return out


def build() -> Doc:
    doc = Doc("harukaze-tsuchi.pdf", A4, C.TITLE, "A4 official notice (通知文) with attachments", meta_title=None)
    T = doc.truth
    state = {"header": None}

    def decor(P, info, when):
        if when != "over":
            return
        hd = info["header"]
        if hd:
            w = 52.0
            P.rect(X1 - w, 28, w, 20, stroke=BLACK, fill=None, width=0.8)
            P.text(X1 - w / 2, 42.5, hd, G, 10.5, BLACK, align="center")
        P.text(W / 2, H - 34, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=state["header"], footer=f"－{n}－", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0

    def lines(sents, st, **kw):
        flow.add_all(line_blocks(T, sents, wd, st, **kw))

    def body(items):
        for it in items:
            k = it[0]
            if k == "h1":
                lines([it[1]], H1, heading=True)
            elif k == "h2":
                lines([it[1]], H2, heading=True)
            elif k == "h2p":
                lines(split_sentences(it[1]), H2P, extra={"item": True})
            elif k == "p":
                lines(split_sentences(it[1]), PARA)
            elif k == "i":
                lines(split_sentences(it[1]), ITEM, extra={"item": True})
            elif k == "table":
                spec = dict(it[1])
                tight = spec.pop("tight", False)
                flow.add_table(TableSpec(**spec, size=9.0, leading=12.4 if tight else 13.2, pad=3.0 if tight else 4.0, header_fill=(0.9, 0.9, 0.9),
                                         rule=(0.2, 0.2, 0.2),
                                         caption_style=Style(font=G, size=9.8, leading=17, bold=True, sb=6, sa=2,
                                                             keep_next=True),
                                         note_style=Style(font=M, size=9.0, leading=14.5, hang=2 * 9.0, sb=2)))
            elif k == "form":
                flow.add_all(_form_block(T, "申請者記入欄", it[1], wd))
            else:
                raise KeyError(k)

    # ---- the notice
    lines([C.DOC_NO], P_RIGHT)
    lines([C.DATE], P_RIGHT)
    flow.vspace(10)
    lines([C.TO], P_LEFT)
    flow.vspace(10)
    lines([C.FROM], P_RIGHT)
    lines([C.SEAL], P_RIGHT)
    lines([C.SUBJECT], SUBJ.but(keep_next=False), heading=True)
    for para in C.INTRO:
        lines(split_sentences(para), BODY)
    lines(["記"], KI, heading=True)
    body(C.BODY)
    lines(["以上"], END)
    flow.add(_contact_block(T, C.CONTACT, wd))

    # ---- 別紙1
    flow.page_break()
    state["header"] = "別紙1"
    lines([C.B1_TITLE], Style(font=G, size=11.5, leading=20, bold=True, align="center", sa=10), heading=True)
    body(C.B1)

    # ---- 別紙2
    flow.page_break()
    state["header"] = "別紙2"
    lines([C.B2_TITLE], Style(font=G, size=11.5, leading=20, bold=True, align="center", sa=10), heading=True)
    body(C.B2)
    flow.finish()
    return doc
