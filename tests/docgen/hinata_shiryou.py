"""hinata-shiryou.pdf: 会議資料 of 令和8年度 第1回 ひなた県居住支援協議会, A4 LANDSCAPE, 6 pages (fictional ひなた県).

Layout traps: a 次第 page without page number or header (meeting title, 「次　第」, 日時 / 場所, agenda items
「1　開会」… with （1）–（3） sub-items pointing to 【資料1】…, a 配付資料 box at the lower left) whose RIGHT half is
a ruled 出席者名簿 (区分｜所属｜職名｜氏名｜出欠, wrapped 所属 cells) with a ※ note on a substitute; every 資料 page
carries its label boxed at the top-right corner (「資料1」「資料2」「資料3」「参考資料」, recorded as the page's
running header) and a footer numbered per 資料 (「1-1」, 「2-1」, 「2-2」, 「3-1」, 「参考-1」); 資料1: a ruled
table by municipality (two fiscal years of 相談件数 side by side, a 合計 row, a joint council on one row, a
unit line right of the caption, ※1–※4 notes) above a small 予算 vs 実績 table (執行率, 合計 row) on the left and a
主なポイント box (targets vs actuals) on the right; 資料2: two boxes side by side, 現行 (left) and 改正案 (right),
with the same labels (補助対象 / 補助率 / 上限額 / 対象経費 / 申請時期) on aligned rows and an arrow between
them, so pdfplumber reads 「補助率 2分の1 補助率 3分の2」 on one line; then a 新旧対照表 page in the usual
order 改正後（案） LEFT, 現行 RIGHT (the reverse of the boxes on the page before), cells wrapped over several
lines and registered as sentences (flag `cell`), the changed words underlined; 資料3: a Gantt-like schedule
grid (項目 + 12 month columns 4月…3月, coloured bars and ●★◎ marks whose labels start in one month cell
and run over the next ones), a legend and ※ notes; 参考資料: six Q/A pairs in two columns (flags `q` / `a`)
and a contact line. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_hinata_shiryou as C
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
    place_text,
    split_sentences,
    sw,
    table_parts,
    text_height,
    wrap,
)
from .kit import box_block

W, H = landscape(A4)
X0, X1 = 40.0, W - 40.0
NAVY = (0.12, 0.22, 0.42)
BLUE = (0.2, 0.4, 0.68)
LBLUE = (0.9, 0.93, 0.98)
ORANGE = (0.85, 0.42, 0.1)
CREAM = (1.0, 0.96, 0.9)
GRAY = (0.35, 0.35, 0.35)
LGRAY = (0.93, 0.93, 0.93)
RULE = (0.3, 0.3, 0.3)
WHITE = (1, 1, 1)
BAR_COLORS = [(0.55, 0.7, 0.9), (0.98, 0.78, 0.55), (0.65, 0.85, 0.65)]

TKW = dict(size=9.0, leading=12.8, pad=3.6, header_fill=LBLUE, rule=RULE,
           caption_style=Style(size=10, leading=16, bold=True, color=NAVY, keep_next=True),
           note_style=Style(size=8.4, leading=12.6, hang=30, sb=2, color=(0.2, 0.2, 0.2)))


def build() -> Doc:
    doc = Doc("hinata-shiryou.pdf", (W, H), C.MEETING + " 会議資料", "A4 landscape meeting papers: 次第 with a "
              "member list, per-資料 labels and page numbers, side-by-side comparison boxes, 新旧対照表, Gantt",
              meta_title=None)

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            lab = info["header"]
            bw = sw(lab, G, 13) + 24
            P.rect(X1 - bw, 14, bw, 24, stroke=BLACK, fill=WHITE, width=1.0)
            P.text(X1 - bw / 2, 31, lab, G, 13, BLACK, True, "center")
        if info["footer"]:
            P.text(W / 2, H - 18, info["footer"], G, 9.4, BLACK, align="center")

    def page(label: str | None, num: str | None) -> int:
        return doc.new_page(printed=num, header=label, footer=num, decor=decor)

    _jidai(doc, page(None, None))
    _shiryou1(doc, page("資料1", "1-1"))
    _shiryou2a(doc, page("資料2", "2-1"))
    _shiryou2b(doc, page("資料2", "2-2"))
    _shiryou3(doc, page("資料3", "3-1"))
    _reference(doc, page("参考資料", "参考-1"))
    return doc


def _place(doc: Doc, pg: int, blocks: list[Block], x: float, y: float) -> float:
    for b in blocks:
        y += b.sb
        doc.place(pg, b, x, y)
        y += b.h
    return y


def _title(doc: Doc, pg: int, text: str, y: float = 22.0) -> float:
    h = place_text(doc, pg, X0, y, X1 - X0 - 120, [text], Style(size=15, leading=24, bold=True, color=NAVY),
                   heading=True)
    doc.op(pg, lambda P: P.line(X0, y + h + 2, X1 - 110, y + h + 2, 1.4, NAVY))
    return y + h + 10


def _table(doc: Doc, pg: int, spec: dict, x: float, y: float, width: float) -> float:
    caps, header, rows, notes = table_parts(doc, TableSpec(**{**TKW, **spec}), width)
    return _place(doc, pg, caps + [header()] + rows + notes, x, y)


# ------------------------------------------------------------------ 次第
def _jidai(doc: Doc, pg: int) -> None:
    T = doc.truth
    place_text(doc, pg, X0, 30, X1 - X0, [C.MEETING], Style(size=16, leading=24, bold=True, align="center"),
               heading=True)
    place_text(doc, pg, X0, 58, X1 - X0, [C.AGENDA_TITLE], Style(size=20, leading=30, bold=True, align="center"),
               heading=True)
    lx, lw = 70.0, 330.0
    y = 112.0
    y += place_text(doc, pg, lx, y, lw, [C.WHEN], Style(size=10.6, leading=19))
    y += place_text(doc, pg, lx, y, lw, [C.WHERE], Style(size=10.6, leading=19, hang=31.8))
    y += 16
    for kind, text in C.AGENDA:
        if kind == "h":
            y += place_text(doc, pg, lx, y, lw, [text], Style(size=11.2, leading=20, bold=True, sb=6), heading=True)
        else:
            y += place_text(doc, pg, lx, y, lw, [text], Style(size=10.4, leading=18, indent=11.2, hang=42),
                            extra={"item": True})
    # 配付資料 box at the lower left
    box = box_block(T, C.HANDOUT_TITLE, C.HANDOUTS, lw, Style(size=9.6, leading=16),
                    Style(size=10, leading=15, bold=True), fill=(0.97, 0.97, 0.97), border=GRAY, sb=0)
    doc.place(pg, box, lx, max(y + 18, H - 60 - box.h))
    # right half: 出席者名簿
    rx = 430.0
    spec = dict(caption=C.MEMBERS_CAPTION, unit=None, header=C.MEMBERS_HEADER, rows=C.MEMBERS,
                widths=[1.25, 3.0, 1.35, 1.15, 1.0], align=["l", "l", "l", "l", "c"], size=8.8, leading=12.4,
                pad=3.4, notes=[C.MEMBERS_NOTE],
                note_style=Style(size=8.4, leading=12.6, hang=8.4, sb=3, color=(0.2, 0.2, 0.2)))
    _table(doc, pg, spec, rx, 112.0, X1 - rx)


# ------------------------------------------------------------------ 資料1
def _shiryou1(doc: Doc, pg: int) -> None:
    T = doc.truth
    y = _title(doc, pg, C.S1_TITLE)
    y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(C.S1_LEAD), Style(size=9.8, leading=16, indent=9.8))
    y = _table(doc, pg, dict(C.S1_T1, caption_style=TKW["caption_style"].but(sb=6)), X0, y, X1 - X0)
    y += 12
    lw = 372.0
    _table(doc, pg, C.S1_T2, X0, y, lw)
    bx = X0 + lw + 24
    box = box_block(T, C.S1_POINTS_TITLE, C.S1_POINTS, X1 - bx, Style(size=9.4, leading=15.2, hang=9.4),
                    Style(size=10, leading=15, bold=True), fill=CREAM, border=ORANGE, sb=0, bullet_hang=9.4)
    doc.place(pg, box, bx, y + 4)
    if y + 4 + box.h > H - 34:
        raise AssertionError("hinata-shiryou 資料1 overflows")


# ------------------------------------------------------------------ 資料2 (1): side-by-side boxes
def _shiryou2a(doc: Doc, pg: int) -> None:
    y = _title(doc, pg, C.S2_TITLE)
    hst = Style(size=11.2, leading=19, bold=True, color=NAVY, sb=4)
    y += place_text(doc, pg, X0, y, X1 - X0, [C.S2_H1], hst, heading=True)
    y += place_text(doc, pg, X0 + 12, y, X1 - X0 - 12, split_sentences(C.S2_PURPOSE),
                    Style(size=9.8, leading=16.4, indent=9.8))
    y += place_text(doc, pg, X0, y + 4, X1 - X0, [C.S2_H2], hst, heading=True) + 8
    # two boxes with aligned rows
    aw = 40.0
    bw = (X1 - X0 - aw) / 2
    lab_w, pad = 74.0, 7.0
    vst = Style(size=10.2, leading=16, hang=0)
    lst = Style(size=9.6, leading=16, bold=True, align="center")
    vw = bw - lab_w - 2 * pad
    row_h = [max(text_height([a], vw, vst), text_height([b], vw, vst)) + 10 for a, b in
             zip(C.S2_CURRENT, C.S2_NEW, strict=True)]
    bar_h = 24.0
    total_h = bar_h + sum(row_h)
    boxes = [(X0, C.S2_CURRENT_TITLE, C.S2_CURRENT, GRAY, (0.97, 0.97, 0.97)),
             (X0 + bw + aw, C.S2_NEW_TITLE, C.S2_NEW, ORANGE, CREAM)]
    for x, title, values, color, fill in boxes:
        doc.op(pg, lambda P, x=x, y=y, color=color, fill=fill: (
            P.rect(x, y, bw, total_h, stroke=color, fill=fill, width=1.2),
            P.rect(x, y, bw, bar_h, stroke=None, fill=color)))
        place_text(doc, pg, x, y + 4, bw, [title], Style(size=11.5, leading=16, bold=True, color=WHITE,
                                                         align="center"), heading=True, extra={"box": True})
        yy = y + bar_h
        for k, (lab, val) in enumerate(zip(C.S2_LABELS, values, strict=True)):
            rh = row_h[k]
            doc.op(pg, lambda P, x=x, yy=yy, rh=rh, color=color: (
                P.rect(x, yy, lab_w, rh, stroke=None, fill=WHITE),
                P.line(x, yy, x + bw, yy, 0.5, color),
                P.line(x + lab_w, yy, x + lab_w, yy + rh, 0.5, color)))
            place_text(doc, pg, x, yy + 5, lab_w, [lab], lst, extra={"box": True})
            place_text(doc, pg, x + lab_w + pad, yy + 5, vw, [val], vst, extra={"box": True})
            yy += rh
    ax = X0 + bw + 6
    ay = y + total_h / 2
    doc.op(pg, lambda P: P.poly([(ax, ay - 9), (ax + 16, ay - 9), (ax + 16, ay - 18), (ax + 28, ay),
                                 (ax + 16, ay + 18), (ax + 16, ay + 9), (ax, ay + 9)], fill=ORANGE))
    y += total_h + 10
    y += place_text(doc, pg, X0, y, X1 - X0, [C.S2_H3], hst, heading=True)
    for t in C.S2_ETC:
        y += place_text(doc, pg, X0 + 12, y, X1 - X0 - 12, [t], Style(size=9.8, leading=16.4, hang=9.8),
                        extra={"item": True})
    if y > H - 34:
        raise AssertionError(f"hinata-shiryou 資料2 overflows ({y:.0f})")


# ------------------------------------------------------------------ 資料2 (2): 新旧対照表
def _shiryou2b(doc: Doc, pg: int) -> None:
    T = doc.truth
    y = _title(doc, pg, C.S2B_TITLE)
    width = X1 - X0
    colw = [width / 2, width / 2]
    st = Style(size=9.6, leading=16.2)
    pad = 6.0
    rows_truth = [[new, cur] for new, _u, cur in C.S2B_ROWS]
    tid = T.table(C.S2B_TITLE, None, C.S2B_HEADER, rows_truth)

    hh = 22.0

    def head(P, x, yy):
        P.rect(x, yy, width, hh, stroke=None, fill=LBLUE)
        P.rect(x, yy, width, hh, stroke=RULE, fill=None, width=0.8)
        P.line(x + colw[0], yy, x + colw[0], yy + hh, 0.8, RULE)
        for j, t in enumerate(C.S2B_HEADER):
            P.text(x + sum(colw[:j]) + colw[j] / 2, baseline_of(yy + 3, Style(size=10, leading=16)), t, G, 10,
                   BLACK, True, "center")

    doc.place(pg, Block(h=hh, draw=head, table=tid), X0, y)
    y += hh
    for i, (new, under, cur) in enumerate(C.S2B_ROWS):
        cells = []
        frags = []
        for j, text in enumerate((new, cur)):
            units = []
            for s in split_sentences(text):
                sid = T.sentence(s, cell=True)
                units.extend((ch, sid) for ch in s)
            lines = wrap(units, colw[j] - 2 * pad, st, hang_punct=False)
            for ln in lines:
                frags.extend(frags_of(ln))
            texts = ["".join(u[0] for u in ln) for ln in lines]
            # underlined character spans of the whole cell text
            mask = [False] * len(text)
            for u in (under if j == 0 else []):
                k = text.find(u)
                if k < 0:
                    raise AssertionError(f"underline {u!r} not in {text[:20]!r}")
                for m in range(k, k + len(u)):
                    mask[m] = True
            cells.append((texts, mask))
        nl = max(len(c[0]) for c in cells)
        rh = nl * st.leading + 2 * pad

        def draw(P, x, yy, cells=cells, rh=rh):
            P.rect(x, yy, width, rh, stroke=RULE, fill=None, width=0.8)
            P.line(x + colw[0], yy, x + colw[0], yy + rh, 0.8, RULE)
            for j, (texts, mask) in enumerate(cells):
                cx = x + sum(colw[:j]) + pad
                off = 0
                for k, t in enumerate(texts):
                    bl = baseline_of(yy + pad + k * st.leading, st)
                    P.text(cx, bl, t, G, st.size, BLACK)
                    # underline runs of masked characters on this line
                    m = 0
                    while m < len(t):
                        if mask[off + m]:
                            e = m
                            while e < len(t) and mask[off + e]:
                                e += 1
                            x1 = cx + sw(t[:m], G, st.size)
                            x2 = cx + sw(t[:e], G, st.size)
                            P.line(x1, bl + 2.2, x2, bl + 2.2, 0.8, BLACK)
                            m = e
                        else:
                            m += 1
                    off += len(t)

        blk = Block(h=rh, draw=draw, frags=frags, table=tid, row=i)
        doc.place(pg, blk, X0, y)
        y += rh
    y += place_text(doc, pg, X0, y + 4, width, [C.S2B_NOTE], Style(size=8.8, leading=13.4, color=(0.2, 0.2, 0.2)),
                    extra={"note": True})
    if y > H - 34:
        raise AssertionError(f"hinata-shiryou 新旧対照表 overflows ({y:.0f})")


# ------------------------------------------------------------------ 資料3: Gantt
def _shiryou3(doc: Doc, pg: int) -> None:
    T = doc.truth
    y = _title(doc, pg, C.S3_TITLE)
    y += place_text(doc, pg, X0, y, X1 - X0, [C.S3_LEGEND], Style(size=9.0, leading=15, color=GRAY, align="right"))
    first = 168.0
    mw = (X1 - X0 - first) / 12
    hh, rh = 22.0, 33.0
    rows_truth = []
    for item, spans in C.GANTT:
        cells = [""] * 12
        for a, _b, label, _k in spans:
            cells[a] = label
        rows_truth.append([item] + cells)
    tid = T.table(C.S3_TITLE, None, ["項目"] + C.MONTHS, rows_truth)
    hst = Style(size=9.6, leading=16)

    def head(P, x, yy):
        P.rect(x, yy, X1 - X0, hh, stroke=None, fill=NAVY)
        P.text(x + first / 2, baseline_of(yy + 3, hst), "項目", G, 9.6, WHITE, True, "center")
        for m, lab in enumerate(C.MONTHS):
            P.text(x + first + (m + 0.5) * mw, baseline_of(yy + 3, hst), lab, G, 9.6, WHITE, True, "center")
            P.line(x + first + m * mw, yy, x + first + m * mw, yy + hh, 0.5, WHITE)

    doc.place(pg, Block(h=hh, draw=head, table=tid), X0, y)
    y += hh
    lab_st = Style(size=8.0, leading=11)
    for i, (item, spans) in enumerate(C.GANTT):
        def draw(P, x, yy, item=item, spans=spans, i=i):
            if i % 2:
                P.rect(x, yy, X1 - X0, rh, stroke=None, fill=(0.97, 0.97, 0.97))
            P.line(x, yy + rh, X1, yy + rh, 0.5, RULE)
            for m in range(13):
                P.line(x + first + m * mw, yy, x + first + m * mw, yy + rh, 0.4, (0.6, 0.6, 0.6))
            P.line(x, yy, x, yy + rh, 0.5, RULE)
            P.text(x + 6, baseline_of(yy + (rh - 16) / 2, hst), item, G, 9.6, BLACK, True)
            for k, (a, b, label, kind) in enumerate(spans):
                bx = x + first + a * mw
                if kind == "bar":
                    col = BAR_COLORS[k % len(BAR_COLORS)]
                    P.rect(bx + 2, yy + 18, (b - a + 1) * mw - 4, 10, stroke=None, fill=col, radius=2)
                    P.text(bx + 3, baseline_of(yy + 4, lab_st), label, G, 8.0, BLACK)
                else:  # marks sit on the bar line, so a bar label may run over the next month
                    P.text(bx + 3, baseline_of(yy + 17, lab_st), label, G, 8.0, BLACK)

        doc.place(pg, Block(h=rh, draw=draw, table=tid, row=i), X0, y)
        y += rh
    doc.op(pg, lambda P, y=y: P.line(X1, y - rh * len(C.GANTT) - hh, X1, y, 0.5, RULE))
    y += 6
    for t in C.S3_NOTES:
        y += place_text(doc, pg, X0, y, X1 - X0, [t], Style(size=8.8, leading=13.6, hang=30, color=(0.2, 0.2, 0.2)),
                        extra={"note": True})
    if y > H - 34:
        raise AssertionError(f"hinata-shiryou 資料3 overflows ({y:.0f})")


# ------------------------------------------------------------------ 参考資料: Q&A
def _reference(doc: Doc, pg: int) -> None:
    T = doc.truth
    y = _title(doc, pg, C.REF_TITLE)
    flow = Flow(doc, (X0, y + 4, X1, H - 56), lambda: pg, ncols=2, gutter=30.0, col_rule=(0.7, 0.7, 0.7))
    qst = Style(size=10, leading=16.5, bold=True, color=NAVY, hang=20, sb=10, keep_next=True)
    ast = Style(size=9.8, leading=16.5, hang=20)
    for q, a in C.QA:
        flow.add_all(line_blocks(T, [q], flow.width, qst, extra={"q": True}))
        flow.add_all(line_blocks(T, split_sentences(a), flow.width, ast, extra={"a": True}))
    flow.set_columns(1)  # balance the two columns
    flow.finish()
    place_text(doc, pg, X0, H - 50, X1 - X0, [C.REF_CONTACT], Style(size=9.4, leading=15, align="right"))
