"""ibuki-iinkai.pdf: an EXCERPT of a prefectural assembly committee's verbatim record (県議会 建設環境委員会 会議録,
居住支援関係部分抜粋), A4 portrait (fictional いぶき県).

Layout traps: the pages belong to a bound volume, so the printed page numbers start at 37 (footer 「－ 37 －」 …, the
printed label is never the PDF page number); running header on EVERY page, two pieces on one line over a rule (the
record's name left, the meeting date right; truth `header` = both pieces); page 1: centred title and sub-title, then a
ruled block of label | value rows (shaded label cells, values on several lines: 開会日時 with two lines, 出席委員 with
the chair and vice-chair on one line, 説明員 as three lines with two people each); the record itself in one Mincho
column in assembly style: each turn opens with the speaker label INLINE (「○三輪委員長」, 「○江波住宅政策室長」,
「○砂川居住支援担当課長」, Gothic bold) followed by a full-width space and the speech on the same line, continuation
lines flush left, further paragraphs of a turn with a one-character indent (no separate speaker line, no hanging
indent); right-aligned time lines (開会 / 休憩 / 再開 / 閉会), a centred 「（中略）」 line where part of the record is
left out, bracketed interjections 「（「なし」と呼ぶ者あり）」 inside the chair's turn; two agenda headings (所管事務調査 /
請願第7号) as bold lines with a rule under them; the committee papers on the last page (a grey title bar, 表1 協議会の
設立状況 with ※ notes, 表2 補助金の概要と交付実績 with wrapped cells 「70万円（令和7年度まで
50万円）」 and ※ notes, 表3 センターの相談実績) and a framed 審査結果 table without caption.  Truth: speaker labels flag `speaker`, speech
sentences flag `speech`; a turn's label and its first words share one drawn line.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_ibuki_iinkai as C
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
    sw,
    wrap,
)

W, H = A4
X0, X1, TOP, BOTTOM = 66.0, W - 62.0, 74.0, H - 66.0
GRAY = (0.4, 0.4, 0.4)
SHADE = (0.92, 0.92, 0.9)
RULE = (0.3, 0.3, 0.3)

SAY = Style(font=M, size=10.5, leading=19.5)
PARA = SAY.but(indent=10.5)
TIME = Style(font=M, size=10.5, leading=19.5, align="right", sb=4, sa=4)
MARK = Style(font=M, size=10.5, leading=19.5, align="center", sb=6, sa=6)
HEAD = Style(font=G, size=10.8, leading=20, bold=True, sb=14, sa=6, keep_next=True)


def _turn_blocks(T, speaker: str, paras: list[str], width: float) -> list[Block]:
    """Speaker label inline at the start of the first line (Gothic bold), speech in Mincho."""
    lsid = T.sentence(speaker, speaker=True)
    blocks: list[Block] = []
    for k, para in enumerate(paras):
        units = []
        if k == 0:
            units.extend((ch, lsid) for ch in speaker)
            units.append(("　", -1))
        for s in split_sentences(para):
            sid = T.sentence(s, speech=True)
            units.extend((ch, sid) for ch in s)
        st = SAY if k == 0 else PARA
        lines = wrap(units, width, st)
        for i, ln in enumerate(lines):
            text = "".join(u[0] for u in ln)
            ind = st.indent if i == 0 else 0.0
            nlab = len(speaker) if (k == 0 and i == 0) else 0

            def draw(P, x, y, text=text, ind=ind, nlab=nlab, st=st):
                bl = baseline_of(y, st)
                if nlab:
                    lab = text[:nlab]
                    P.text(x, bl, lab, G, st.size, BLACK, True)
                    P.text(x + sw(lab, G, st.size), bl, text[nlab:], M, st.size, BLACK)
                else:
                    P.text(x + ind, bl, text, M, st.size, BLACK)

            blocks.append(Block(h=st.leading, draw=draw, frags=frags_of(ln), sb=6.0 if (k == 0 and i == 0) else 0.0))
    return blocks


def _head_row(T, label: str, values: list[str], width: float) -> Block:
    lw = 92.0
    pad = 5.0
    st = Style(font=M, size=10.2, leading=18)
    lsid = T.sentence(label.replace("　", ""), heading=True)
    vlines = []
    for v in values:
        units = []
        for s in split_sentences(v):
            sid = T.sentence(s)
            units.extend((ch, sid) for ch in s)
        for ln in wrap(units, width - lw - 2 * pad, st):
            vlines.append(("".join(u[0] for u in ln), frags_of(ln)))
    h = len(vlines) * st.leading + 2 * pad

    def draw(P, x, y):
        P.rect(x, y, lw, h, stroke=None, fill=SHADE)
        P.line(x, y, x + width, y, 0.6, RULE)
        P.line(x, y + h, x + width, y + h, 0.6, RULE)
        for xx in (x, x + lw, x + width):
            P.line(xx, y, xx, y + h, 0.6, RULE)
        P.text(x + lw / 2, baseline_of(y + pad, st), label, M, 10.2, BLACK, False, "center")
        for k, (t, _f) in enumerate(vlines):
            P.text(x + lw + pad, baseline_of(y + pad + k * st.leading, st), t, M, 10.2, BLACK)

    frags = [(lsid, label)] + [f for _t, fr in vlines for f in fr]
    return Block(h=h, draw=draw, frags=frags)


def build() -> Doc:
    doc = Doc("ibuki-iinkai.pdf", A4, C.TITLE + C.SUBTITLE,
              "A4 assembly committee verbatim record excerpt: inline ○speaker labels, time lines, （中略）, "
              "page numbers of the bound volume from 37, two-piece running header, committee papers at the end",
              meta_title=None)
    T = doc.truth
    header = f"{C.RUN_LEFT} {C.RUN_RIGHT}"

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X0, 44, C.RUN_LEFT, M, 8.8, GRAY)
        P.text(X1, 44, C.RUN_RIGHT, M, 8.8, GRAY, align="right")
        P.line(X0, 50, X1, 50, 0.5, GRAY)
        P.text(W / 2, H - 36, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = C.FIRST_PAGE + len(doc.pages)
        return doc.new_page(printed=str(n), header=header, footer=f"－ {n} －", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    flow.add_all(line_blocks(T, [C.TITLE], wd, Style(font=M, size=17, leading=28, bold=True, align="center", sb=4),
                             heading=True))
    flow.add_all(line_blocks(T, [C.SUBTITLE], wd, Style(font=M, size=11, leading=19, align="center", sa=12),
                             heading=True))
    for label, values in C.HEAD:
        flow.add(_head_row(T, label, values, wd))
    flow.vspace(10)

    for it in C.BODY:
        kind = it[0]
        if kind == "time":
            flow.add_all(line_blocks(T, [it[1]], wd, TIME))
        elif kind == "mark":
            flow.add_all(line_blocks(T, [it[1]], wd, MARK))
        elif kind == "h":
            bl = line_blocks(T, [it[1]], wd, HEAD, heading=True)
            last = bl[-1]
            orig = last.draw

            def draw(P, x, y, orig=orig):
                orig(P, x, y)
                P.line(x, y + 18.5, x + wd, y + 18.5, 0.6, RULE)
            last.draw = draw
            flow.add_all(bl)
        elif kind == "turn":
            flow.add_all(_turn_blocks(T, it[1], it[2], wd))
        else:
            raise KeyError(kind)
    flow.page_break()

    # committee papers
    title_st = Style(font=G, size=12, leading=24, bold=True, color=(1, 1, 1), sa=6)
    tb = line_blocks(T, [C.PAPERS_TITLE], wd, title_st, heading=True)
    orig = tb[0].draw

    def tdraw(P, x, y, orig=orig):
        P.rect(x, y, wd, 24, stroke=None, fill=(0.35, 0.35, 0.38))
        orig(P, x + 8, y)
    tb[0].draw = tdraw
    flow.add_all(tb)
    kw = dict(size=9.4, leading=14.5, pad=4.2, header_fill=(0.88, 0.88, 0.86), rule=RULE,
              caption_style=Style(font=G, size=10.2, leading=18, bold=True, sb=12, sa=2, keep_next=True),
              note_style=Style(font=M, size=8.8, leading=14, hang=8.8, sb=3))
    flow.add_table(TableSpec(**C.TABLE1, **kw))
    flow.add_table(TableSpec(**C.TABLE2, **kw))
    flow.add_table(TableSpec(**C.TABLE3, **kw))
    flow.vspace(14)
    flow.add_all(line_blocks(T, [C.RESULT_TITLE], wd, Style(font=G, size=10.5, leading=18, bold=True, sa=2,
                                                                keep_next=True), heading=True))
    flow.add_table(TableSpec(**C.RESULT, **kw))
    flow.finish()
    return doc
