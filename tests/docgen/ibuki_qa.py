"""ibuki-qa.pdf: 「市町村居住支援協議会 Q&A（令和8年度版）」, a Q&A booklet in A4 LANDSCAPE with THREE FLOWING columns
(fictional いぶき県).

Layout traps: unlike a tri-fold leaflet (fixed panels), the Q&As flow newspaper-style from column to column and page
to page, so answers of very unequal length break at the foot of a column and continue at the top of the next one
(and from the last column of a page onto the next page); thin rules between the columns (the texts of neighbouring
columns stand about 22 pt apart, so pdfplumber reads across the three columns line by line); a row of INDEX TABS at
the top of every page (A 立ち上げ / B 運営 / C 補助金 / D 法人・協力店 / E 相談・研修 / 参考資料) in which the
categories printed on that page are filled and the others pale (the row is the page's running `header`; which tab is
"on" is only visible from the colour); page 1 has a full-width title band (title left, edition right, white on teal),
the issuer line and a two-sentence introduction above the columns; category bands (「C　県の補助金」) inside a
column; questions 「Q9【変更】　…」 with the number in a filled label and a hanging indent, answers under a red 「A」
label with an indent, ・ bullets inside answers, cross references 「（→Q9）」; two small ruled tables INSIDE a
column (補助メニュー with a 【新規】 row, broken at a column foot and continued under its repeated header at the top of
the next column; 募集スケジュール with a ※ note); last page 「参考資料」: two full-width ruled
tables (協議会の一覧 with 事務局 and 電話, a ※ note; the centre's counts 令和5–7年度 with （単位：件） right of the
caption) over three contact boxes side by side (read across); a コラム box (a case, 「担当者からのひとこと」) alone in the last column of page 3.  Footer 「– n –」 centred (printed label = n).
Truth: questions flag `q` (the number and the 【変更】 / 【新規】 mark are part of the question text), answers flag
`a` (bullets also `item`); tabs are not sentences.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_ibuki_qa as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    wrap,
)
from .kit import box_block

W, H = landscape(A4)
X0, X1, TOP, BOTTOM = 34.0, W - 34.0, 58.0, H - 40.0
TEAL = (0.05, 0.45, 0.47)
PALE = (0.86, 0.93, 0.93)
NAVY = (0.12, 0.2, 0.4)
RED = (0.78, 0.16, 0.16)
GRAY = (0.45, 0.45, 0.45)
WHITE = (1, 1, 1)

Q = Style(font=G, size=9.6, leading=15.2, bold=True, color=NAVY, sb=7)
A = Style(font=G, size=9.4, leading=15.0, indent=15.0, hang=15.0, sb=2)
LI = A.but(hang=24.4, sb=0)
BAND = Style(font=G, size=10.5, leading=21, bold=True, color=WHITE, sb=8, sa=2, keep_next=True)


def build() -> Doc:
    doc = Doc("ibuki-qa.pdf", landscape(A4), C.TITLE + "（" + C.EDITION.split("（")[0] + "）",
              "A4 landscape Q&A booklet: three flowing columns with rules, index tabs as running header, Q&As "
              "breaking across columns and pages, tables inside a column, reference page with full-width tables",
              meta_title=None)
    T = doc.truth
    header = " ".join(C.TABS)
    on: dict[int, set] = {}
    cur = {"tab": None}

    def decor(P, info, when):
        if when != "over":
            return
        tw = 104.0
        x = X1 - len(C.TABS) * (tw + 4) + 4
        lit = on.get(info["index"], set())
        for t in C.TABS:
            hit = t in lit
            P.rect(x, 14, tw, 22, stroke=TEAL, fill=TEAL if hit else PALE, width=0.6, radius=3)
            P.text(x + tw / 2, 29, t, G, 9, WHITE if hit else GRAY, hit, "center")
            x += tw + 4
        P.line(X0, 40, X1, 40, 1.2, TEAL)
        P.text(W / 2, H - 18, info["footer"], G, 9.5, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=header, footer=f"– {n} –", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, gutter=22.0, col_rule=(0.6, 0.6, 0.6))

    # ---- title band (page 1)
    wd = X1 - X0
    tst = Style(font=G, size=21, leading=40, bold=True, color=WHITE)
    tb = line_blocks(T, [C.TITLE], wd - 220, tst, heading=True)
    eb_sid = T.sentence(C.EDITION)
    orig = tb[0].draw

    def band(P, x, y, orig=orig):
        P.rect(x, y, wd, 40, stroke=None, fill=TEAL)
        orig(P, x + 14, y)
        P.text(x + wd - 14, baseline_of(y, tst.but(size=11)), C.EDITION, G, 11, WHITE, True, "right")
    tb[0].draw = band
    tb[0].frags.append((eb_sid, C.EDITION))
    flow.add_all(tb)
    flow.add_all(line_blocks(T, [C.ISSUER], wd, Style(font=G, size=9.5, leading=18, color=GRAY, align="right", sb=4)))
    flow.add_all(line_blocks(T, split_sentences(C.INTRO), wd, Style(font=G, size=9.8, leading=16, sa=4)))
    flow.set_columns(3, gap=8)

    def q_blocks(text: str) -> list[Block]:
        label = text.split("　", 1)[0]
        sid = T.sentence(text, q=True)
        st = Q.but(hang=sw(label + "　", G, Q.size) if len(label) <= 4 else Q.size * 3)
        lines = wrap([(ch, sid) for ch in text], flow.width, st)
        out = []
        for i, ln in enumerate(lines):
            t = "".join(u[0] for u in ln)

            def draw(P, x, y, t=t, i=i):
                bl = baseline_of(y, st)
                if i == 0:
                    lab = t.split("　", 1)[0]
                    num = lab.split("【")[0]
                    wn = sw(num, G, st.size)
                    P.rect(x - 1.5, y + 1.5, wn + 3, st.leading - 3, stroke=None, fill=NAVY, radius=2)
                    P.text(x, bl, num, G, st.size, WHITE, True)
                    mk = lab[len(num):]
                    if mk:
                        P.text(x + wn, bl, mk, G, st.size, RED, True)
                    P.text(x + wn + sw(mk, G, st.size), bl, t[len(lab):], G, st.size, NAVY, True)
                else:
                    P.text(x + st.hang, bl, t, G, st.size, NAVY, True)
            out.append(Block(h=st.leading, draw=draw, frags=frags_of(ln), keep_next=True, sb=st.sb if i == 0 else 0))
        return out

    def a_blocks(paras: list[str]) -> list[Block]:
        out = []
        for k, p in enumerate(paras):
            st = LI if p.startswith("・") else A.but(sb=2 if k == 0 else 3)
            bl = line_blocks(T, split_sentences(p), flow.width, st, extra={"a": True, **({"item": True} if p.startswith("・") else {})})
            if k == 0:
                orig = bl[0].draw

                def draw(P, x, y, orig=orig):
                    P.text(x, baseline_of(y, A), "A", G, 10, RED, True)
                    orig(P, x, y)
                bl[0].draw = draw
            out.extend(bl)
        return out

    placed: list[tuple[Block, str]] = []
    for tab, band_title, items in C.CATS:
        cur["tab"] = tab
        bb = line_blocks(T, [band_title], flow.width, BAND, heading=True)
        o = bb[0].draw
        cw_ = flow.width

        def bdraw(P, x, y, o=o, cw_=cw_):
            P.rect(x, y + 1, cw_, 19, stroke=None, fill=TEAL)
            o(P, x + 6, y)
        bb[0].draw = bdraw
        for b in bb:
            placed.append((b, tab))
        flow.add_all(bb)
        for it in items:
            if it[0] == "qa":
                qb = q_blocks(it[1])
                ab = a_blocks(it[2])
                for b in qb + ab:
                    placed.append((b, tab))
                flow.add_all(qb + ab)
            elif it[0] == "table":
                n0 = len(T.tables)
                kw = dict(size=8.6, leading=12.6, pad=3.2, header_fill=PALE, rule=(0.35, 0.4, 0.4),
                          caption_style=Style(font=G, size=9.2, leading=15, bold=True, sb=6, keep_next=True),
                          note_style=Style(font=G, size=8.4, leading=13, hang=8.4, sb=2))
                flow.add_table(TableSpec(**it[1], **kw))
                T.tables[n0]["_tab"] = tab
            else:
                raise KeyError(it[0])
    ctitle, cparas = C.COLUMN
    cb = box_block(T, ctitle, cparas, flow.width, Style(font=G, size=9.4, leading=15.4, indent=9.4),
                   Style(font=G, size=9.6, leading=17, bold=True), fill=(1.0, 0.97, 0.9), border=(0.85, 0.5, 0.15),
                   pad=9, sb=8)
    placed.append((cb, "E 相談・研修"))
    flow.add(cb)
    flow.page_break()

    # ---- reference page
    cur["tab"] = "参考資料"
    flow.set_columns(1)
    rb = line_blocks(T, [C.REF_TITLE], wd, BAND.but(size=11.5, leading=22, sb=0), heading=True)
    o = rb[0].draw

    def rdraw(P, x, y, o=o):
        P.rect(x, y + 1, wd, 20, stroke=None, fill=TEAL)
        o(P, x + 8, y)
    rb[0].draw = rdraw
    flow.add_all(rb)
    kw = dict(size=9.4, leading=14.5, pad=4.0, header_fill=PALE, rule=(0.35, 0.4, 0.4),
              caption_style=Style(font=G, size=10, leading=17, bold=True, sb=10, sa=1, keep_next=True),
              note_style=Style(font=G, size=8.8, leading=14, hang=8.8, sb=3))
    flow.add_table(TableSpec(**C.REF_TABLE1, **kw))
    flow.add_table(TableSpec(**C.REF_TABLE2, **kw))
    flow.vspace(10)
    flow.add_all(line_blocks(T, ["お問い合わせ先"], wd, Style(font=G, size=10.5, leading=20, bold=True, color=TEAL,
                                                              keep_next=True), heading=True))
    flow.set_columns(3, gap=4)
    for k, (title, lines) in enumerate(C.CONTACTS):
        if k:
            flow.column_break()
        flow.add(box_block(T, title, lines, flow.width, Style(font=G, size=9.6, leading=16),
                           Style(font=G, size=9.6, leading=17, bold=True), fill=(0.97, 0.99, 0.99), border=TEAL,
                           pad=8, sb=2))
    flow.finish()

    # which tabs are lit: pages where a category's blocks or its tables landed
    # map sentences to tabs through the blocks' fragments
    sid_tab = {}
    for b, tab in placed:
        for sid, _t in b.frags:
            sid_tab[sid] = tab
    for t in T.tables:
        tab = t.pop("_tab", None)
        if tab:
            for p in t["pages"]:
                on.setdefault(p, set()).add(tab)
    for sid, page, _t in T.frags:
        if sid in sid_tab:
            on.setdefault(page, set()).add(sid_tab[sid])
    on.setdefault(len(doc.pages) - 1, set()).add("参考資料")
    return doc
