"""moegi-pabukome.pdf: 「もえぎ県居住支援計画（素案）」に対する県民意見募集（パブリックコメント）の実施結果, A4 PORTRAIT
(fictional もえぎ県), held-out set BLIND45.

Layout traps: no /Title; date and issuer right-aligned above a two-line centred title on page 1 only; a two-paragraph
introduction; headings 「1　…」–「4　…」 with a bar on the left; a ruled key/value block (案件名 / 募集期間 / 周知方法 /
提出者数 / 意見件数, shaded label cells, wrapped values) with a ※ note; then a TWO-COLUMN band: 表1 (提出方法別, caption
wrapped beside its unit, 合計 row, ※ note) on the left and the LEGEND box of the five 区分 letters A–E on the right, so
pdfplumber reads the table rows and the legend lines across; 表2 a cross-tabulation 章 × 区分 A–E (letters only: what a
letter means is only in the legend) with 計 column and 合計 row; 表3 「ご意見の概要と県の考え方」, the long six-column table
No.｜該当箇所｜ご意見の概要｜件数｜県の考え方｜区分 over pages 2–4 with its header repeated on every page, SHADED
GROUP ROWS spanning the table (第1章 … / 計画全般・その他) inside it, the 該当箇所 cell printed on two lines (「P.19」 /
「施策1-1」), opinion and answer cells wrapping over 2–7 lines side by side (pdfplumber interleaves them, so most
sentences come out only in pieces), the 件数 and the 区分 letter as bare cells, and rows SPLIT at a page break (the rest
continues under the repeated header with empty No. / 該当箇所 / 件数 / 区分 cells); 4 今後の予定 as a table ruled above and
below only; a contact box at the right. Running header (right-aligned over a rule) from page 2; footer 「－ n －」 centred.
Truth: opinion / answer cells are sentences (flag `cell`), also cells of table 表3; group rows are sentences (heading,
flag `group`) and rows of 表3 whose first cell is the group text.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_moegi_pabukome as C
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
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 42.0, W - 42.0, 60.0, H - 50.0
GREEN = (0.20, 0.45, 0.25)
PALE = (0.91, 0.95, 0.90)
GROUP_FILL = (0.86, 0.92, 0.84)
GRAY = (0.35, 0.35, 0.35)

BODY = Style(font=M, size=10.0, leading=17.0, indent=10.0, sa=2)
H1 = Style(size=12.0, leading=20, bold=True, color=GREEN, sb=14, sa=5, keep_next=True, indent=10)
NOTE = Style(font=G, size=8.8, leading=13.6, hang=8.8, sb=2)

# 表3
COLW = [24.0, 46.0, 166.0, 28.0, 0.0, 28.0]   # 県の考え方 takes the rest
SIZE, LEAD, PAD = 8.6, 13.4, 4.0
CELL = Style(font=M, size=SIZE, leading=LEAD)


def _h1_deco(P, x, y, w, h):
    P.rect(x, y + 3, 5, h - 9, stroke=None, fill=GREEN)
    P.line(x, y + h - 3, x + w, y + h - 3, 0.6, (0.6, 0.75, 0.6))


def _overview(T, rows, width: float) -> Block:
    lw = 70.0
    st = Style(size=9.4, leading=14.8)
    items = []
    for label, val in rows:
        lsid = T.sentence(label, heading=True)
        vsid = T.sentence(val)
        lines = wrap([(ch, vsid) for ch in val], width - lw - 14, st)
        items.append((label, lsid, vsid, lines))
    hs = [len(ln) * st.leading + 8 for *_r, ln in items]
    h = sum(hs)

    def draw(P, x, y):
        yy = y
        for (label, _l, _v, lines), rh in zip(items, hs, strict=True):
            P.rect(x, yy, lw, rh, stroke=None, fill=PALE)
            P.line(x, yy, x + width, yy, 0.6, GRAY)
            P.text(x + lw / 2, baseline_of(yy + 4, st), label, G, st.size, BLACK, True, "center")
            for k, ln in enumerate(lines):
                P.text(x + lw + 7, baseline_of(yy + 4 + k * st.leading, st), "".join(u[0] for u in ln), G,
                       st.size, BLACK)
            yy += rh
        P.line(x, yy, x + width, yy, 0.6, GRAY)
        for xx in (x, x + lw, x + width):
            P.line(xx, y, xx, yy, 0.6, GRAY)

    frags = []
    for label, lsid, vsid, lines in items:
        frags.append((lsid, label))
        for ln in lines:
            frags.append((vsid, "".join(u[0] for u in ln)))
    return Block(h=h, draw=draw, frags=frags, sb=4)


def _right_box(block: Block, width: float, bw: float) -> Block:
    """Shift a block of width bw to the right edge of a frame of the given width."""
    orig = block.draw
    block.draw = lambda P, x, y: orig(P, x + width - bw, y)
    return block


def build() -> Doc:
    doc = Doc("moegi-pabukome.pdf", A4, C.TITLE,
              "A4 portrait public-comment result: key/value block, table beside legend, cross-tab by letter, "
              "long six-column opinion/answer table with group rows and split rows",
              meta_title=None)
    T = doc.truth
    width = X1 - X0

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 38, info["header"], G, 8.2, GRAY, align="right")
            P.line(X0, 44, X1, 44, 0.6, GREEN)
        P.text(W / 2, H - 26, info["footer"], G, 9.4, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN_HEADER if n > 1 else None, footer=f"－ {n} －",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, top_of=lambda pg: 44.0 if pg == 0 else TOP)
    flow.add_all(line_blocks(T, [C.DATE], width, Style(size=9.8, leading=15.5, align="right")))
    flow.add_all(line_blocks(T, [C.ISSUER], width, Style(size=9.8, leading=15.5, align="right", sa=12)))
    tst = Style(size=14.2, leading=23, bold=True)
    sid = T.sentence(C.TITLE, heading=True)
    for t in C.TITLE_LINES:
        flow.add(Block(h=tst.leading, draw=lambda P, x, y, t=t: P.text(
            x + width / 2, baseline_of(y, tst), t, G, tst.size, BLACK, True, "center"), frags=[(sid, t)]))
    flow.vspace(10)
    for para in C.INTRO:
        flow.add_all(line_blocks(T, split_sentences(para), width, BODY))

    def h1(text: str) -> None:
        flow.add_all(decorate(line_blocks(T, [text], width, H1, heading=True), _h1_deco, width))

    # 1 overview
    h1(C.H1)
    flow.add(_overview(T, C.OVERVIEW, width))
    flow.add_all(line_blocks(T, [C.OVERVIEW_NOTE], width, NOTE, extra={"note": True}))

    # 2 table 1 beside the legend box
    h1(C.H2)
    flow.set_columns(2, balance=False)
    flow.gutter = 22.0
    flow.add_table(TableSpec(caption=C.T1_CAPTION, unit=C.T1_UNIT, header=C.T1_HEADER, rows=C.T1_ROWS,
                             widths=[2.2, 1, 1], size=9.0, leading=13.2, header_fill=PALE,
                             notes=[C.T1_NOTE]))
    flow.column_break()
    flow.vspace(8)
    flow.add(box_block(T, C.LEGEND_TITLE, C.LEGEND, flow.width, Style(size=9.2, leading=15.2, hang=16),
                       Style(size=9.8, leading=16, bold=True), fill=(0.97, 0.99, 0.96), border=GREEN, pad=9,
                       sb=0, bullet_hang=16))
    flow.set_columns(1, gap=6, balance=False)
    flow.gutter = 18.0
    flow.add_all(line_blocks(T, split_sentences(C.T2_LEAD), width, BODY.but(sb=6)))
    flow.add_table(TableSpec(caption=C.T2_CAPTION, unit=C.T2_UNIT, header=C.T2_HEADER, rows=C.T2_ROWS,
                             widths=[5.2, 1, 1, 1, 1, 1, 1.1], size=9.0, leading=13.2, header_fill=PALE,
                             align=["l", "r", "r", "r", "r", "r", "r"]))

    # 3 the opinion / answer table
    h1(C.H3)
    for para in C.T3_LEAD:
        flow.add_all(line_blocks(T, split_sentences(para), width, BODY))
    _opinion_table(doc, flow, width)

    # 4 schedule
    h1(C.H4)
    flow.add_table(TableSpec(caption=None, header=["時期", "内容"], rows=[list(r) for r in C.SCHEDULE],
                             widths=[1.4, 3.6], size=9.4, leading=14, ruled="rules", align=["l", "l"],
                             notes=[C.SCHEDULE_NOTE]))
    flow.vspace(10)
    bw = 300.0
    flow.add(_right_box(box_block(T, C.CONTACT_TITLE, C.CONTACT, bw, Style(size=9.0, leading=14.6),
                                  Style(size=9.6, leading=15.5, bold=True), fill=(1, 1, 1), border=GREEN,
                                  pad=9, sb=4), width, bw))
    flow.finish()
    return doc


def _opinion_table(doc: Doc, flow: Flow, width: float) -> None:
    T = doc.truth
    colw = list(COLW)
    colw[4] = width - sum(COLW)
    rows = []
    n = 0
    for g, items in C.T3_GROUPS:
        rows.append([g, "", "", "", "", ""])
        for place, op, cnt, ans, kbn in items:
            n += 1
            rows.append([str(n), place, op, cnt, ans, kbn])
    cap = line_blocks(T, [C.T3_CAPTION], width, Style(size=9.8, leading=16, bold=True, sb=6, keep_next=True),
                      extra={"caption": True})
    tid = T.table(C.T3_CAPTION, None, C.T3_HEADER, rows)
    for b in cap:
        b.table = tid
    flow.vspace(6)
    flow.add_all(cap)

    def header_block() -> Block:
        st = Style(size=SIZE, leading=LEAD, bold=True)
        h = LEAD + 2 * PAD

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=PALE)
            P.line(x, y, x + width, y, 0.9, GRAY)
            P.line(x, y + h, x + width, y + h, 0.9, GRAY)
            xx = x
            for j, t in enumerate(C.T3_HEADER):
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                P.text(xx + colw[j] / 2, baseline_of(y + PAD, st), t, G, SIZE, BLACK, True, "center")
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, GRAY)
        return Block(h=h, draw=draw, keep_next=True, table=tid)

    def sent_lines(text: str, j: int):
        units = []
        for s in split_sentences(text):
            sid = T.sentence(s, cell=True)
            units.extend((ch, sid) for ch in s)
        return [("".join(u[0] for u in ln), frags_of(ln)) for ln in wrap(units, colw[j] - 2 * PAD, CELL,
                                                                         hang_punct=False)]

    def row_part(ri: int, cells: list, a: int, b: int) -> Block:
        h = (b - a) * LEAD + 2 * PAD

        def draw(P, x, y):
            P.line(x, y, x + width, y, 0.6, GRAY)
            P.line(x, y + h, x + width, y + h, 0.6, GRAY)
            xx = x
            for j in range(6):
                P.line(xx, y, xx, y + h, 0.6, GRAY)
                for k, (t, _f) in enumerate(cells[j][a:b]):
                    bl = baseline_of(y + PAD + k * LEAD, CELL)
                    if j in (0, 5):
                        P.text(xx + colw[j] / 2, bl, t, G, SIZE, BLACK, j == 5, "center")
                    elif j == 3:
                        P.text(xx + colw[j] - PAD - 2, bl, t, G, SIZE, BLACK, False, "right")
                    elif j == 1:
                        P.text(xx + PAD - 1, bl, t, G, SIZE - 0.4, BLACK)
                    else:
                        P.text(xx + PAD, bl, t, M, SIZE, BLACK)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, GRAY)

        frags = [f for j in (2, 4) for _t, fr in cells[j][a:b] for f in fr]
        return Block(h=h, draw=draw, frags=frags, table=tid, row=ri)

    def group_block(ri: int, text: str) -> Block:
        sid = T.sentence(text, heading=True, group=True)
        st = Style(size=9.2, leading=14, bold=True, color=GREEN)
        h = 14 + 2 * 3.0

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=GROUP_FILL)
            P.line(x, y, x + width, y, 0.6, GRAY)
            P.line(x, y + h, x + width, y + h, 0.6, GRAY)
            P.line(x, y, x, y + h, 0.6, GRAY)
            P.line(x + width, y, x + width, y + h, 0.6, GRAY)
            P.text(x + 8, baseline_of(y + 3, st), "■" + text, G, st.size, st.color, True)
        return Block(h=h, draw=draw, frags=[(sid, text)], keep_next=True, table=tid, row=ri)

    flow.add(header_block())
    ri = 0
    no = 0
    for g, items in C.T3_GROUPS:
        flow.add(group_block(ri, g))
        ri += 1
        for place, op, cnt, ans, kbn in items:
            no += 1
            pl = place.split(" ")
            cells = [[(str(no), [])], [(t, []) for t in pl], sent_lines(op, 2), [(cnt, [])], sent_lines(ans, 4),
                     [(kbn, [])]]
            nl = max(len(c) for c in cells)
            for c in cells:
                c.extend([("", [])] * (nl - len(c)))
            h = nl * LEAD + 2 * PAD
            pend = sum(b.h + b.sb for b in flow.pending)
            rem = flow.remaining() - pend
            fit = int((rem - 2 * PAD) // LEAD)
            if h > rem + 0.01 and fit >= 2 and nl - fit >= 1:
                rest = [[("", [])] * nl if j in (0, 1, 3, 5) else cells[j] for j in range(6)]
                flow.add(row_part(ri, cells, 0, fit))
                flow.flush()
                flow.repeat = header_block
                flow.add(row_part(ri, rest, fit, nl))
            else:
                flow.add(row_part(ri, cells, 0, nl))
            flow.flush()
            flow.repeat = header_block
            ri += 1
    flow.repeat = None
