"""shinonome-katsudou.pdf: 「令和7年度 しののめ県居住支援協議会 活動報告」, A4 portrait (fictional しののめ県).

Layout traps: a cover without a page number (year, two-line title, subtitle, a drawn row of houses, date and
issuer); body pages numbered 「- n -」 centred (printed n = PDF index); the running header DIFFERS on odd and even
pages (odd: 「令和7年度 活動報告」 right-aligned; even: 「しののめ県居住支援協議会」 left-aligned; both over a thin
rule). Page 1: はじめに with a right-aligned signature block and 1 協議会の概要, the text WRAPPING around a
sidebar box 「用語解説」 at the top right (narrow lines beside the box, full-width lines below it; pdfplumber reads
the narrow lines and the box's lines across, so both come out in pieces; box terms flag `box`). Page 2: 表1
年間活動一覧 drawn with MERGED cells: the 月 cell spans the rows of its month and the 区分 cell spans consecutive
rows of the same category within a month (no rule inside a span, the label printed once, vertically centred, so
pdfplumber prints it beside a middle row or between two rows; the truth repeats it in every row); 内容 cells are
sentences (flag `cell`); ※ notes. Page 3: 3 トピックス in TWO COLUMNS (read across by pdfplumber) with grey photo
placeholders floated at the right of a column, the text wrapping beside them, and captions 「写真n　…」 under the
photos (flag `caption`; some facts, a date and a venue, are only in a caption). Page 4: 表2 with a TWO-LEVEL header
(「令和6年度」 / 「令和7年度」 each over 相談件数 / うち入居決定; 圏域 spans both header rows; flattened in the truth as
「令和7年度 うち入居決定」 …) and a shaded 合計 row, 表3 (属性 × 件数 / 構成比 with 合計), ※ notes and ①–④ items.
Page 5: 会員名簿 as a THREE-COLUMN list filled column by column (【区分】 headings flag `heading`, names flag
`item`, wrapped long names with a hanging indent; pdfplumber reads across the three columns line by line), a ※
note and a framed contact box. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_shinonome_katsudou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    split_sentences,
    sw,
    table_parts,
    wrap,
)

W, H = A4
X0, X1 = 56.0, W - 56.0
TW = X1 - X0
TOP, BOTTOM = 66.0, H - 62.0
INDIGO = (0.16, 0.23, 0.47)
LINDIGO = (0.89, 0.91, 0.97)
CORAL = (0.86, 0.42, 0.30)
LCORAL = (0.99, 0.93, 0.90)
GRAY = (0.42, 0.42, 0.42)
LGRAY = (0.80, 0.80, 0.80)
PHOTO = (0.78, 0.78, 0.78)
RULE = (0.3, 0.3, 0.3)
WHITE = (1, 1, 1)
PW, PH = 118.0, 84.0  # photo placeholders on the トピックス page

BODY = Style(font=M, size=9.6, leading=16.2, indent=9.6)
H1 = Style(size=12.0, leading=18, bold=True, color=INDIGO)
H2 = Style(size=10.0, leading=16, bold=True)
NOTE = Style(size=8.2, leading=12.2, hang=8.2, color=(0.2, 0.2, 0.2))
ITEM = Style(font=M, size=9.6, leading=16.2, hang=9.6)


class Cursor:
    """Places wrapped text line by line; the usable width may depend on y (text wrapping around a float)."""

    def __init__(self, doc: Doc, pg: int, x: float, y: float, width: float, bottom: float = BOTTOM):
        self.doc, self.pg, self.x, self.y, self.width, self.bottom = doc, pg, x, y, width, bottom
        self.floats: list[tuple[float, float, float]] = []  # (y_top, y_bottom, width taken at the right)

    def width_at(self, y: float, h: float) -> float:
        w = self.width
        for ft, fb, fw in self.floats:
            if y < fb and y + h > ft:
                w = min(w, self.width - fw)
        return w

    def text(self, sentences: list[str], st: Style, heading: bool = False, extra: dict | None = None) -> None:
        truth = self.doc.truth
        units = []
        for s in sentences:
            sid = truth.sentence(s, heading=heading, **(extra or {}))
            units.extend((ch, sid) for ch in s)
        self.units(units, st)

    def units(self, units: list, st: Style) -> None:
        self.y += st.sb
        first = True
        while units:
            cur = st if first else st.but(indent=st.hang)
            w = self.width_at(self.y, st.leading)
            ln = wrap(units, w, cur)[0]
            units = units[len(ln):]
            text = "".join(u[0] for u in ln)
            ind = cur.indent
            align = st.align

            def draw(P, x, y, text=text, ind=ind, w=w, align=align):
                bl = baseline_of(y, st)
                if align == "right":
                    P.text(x + w, bl, text, st.font, st.size, st.color, st.bold, "right")
                elif align == "center":
                    P.text(x + w / 2, bl, text, st.font, st.size, st.color, st.bold, "center")
                else:
                    P.text(x + ind, bl, text, st.font, st.size, st.color, st.bold)
            self.doc.place(self.pg, Block(h=st.leading, draw=draw, frags=frags_of(ln)), self.x, self.y)
            self.y += st.leading
            first = False
        self.y += st.sa
        if self.y > self.bottom + 0.5:
            raise AssertionError(f"shinonome-katsudou p{self.pg}: text below the bottom ({self.y:.0f})")

    def place(self, block: Block, x: float | None = None) -> None:
        self.y += block.sb
        self.doc.place(self.pg, block, self.x if x is None else x, self.y)
        self.y += block.h
        if self.y > self.bottom + 0.5:
            raise AssertionError(f"shinonome-katsudou p{self.pg}: block below the bottom ({self.y:.0f})")


def _h1(cur: Cursor, text: str, width: float | None = None) -> None:
    width = width or cur.width
    y = cur.y + 6
    cur.doc.op(cur.pg, lambda P, x=cur.x, y=y: (P.rect(x, y + 1, 5, 16, stroke=None, fill=CORAL),
                                              P.line(x, y + 19.5, x + width, y + 19.5, 0.7, INDIGO)))
    cur.y = y
    inner = Cursor(cur.doc, cur.pg, cur.x + 11, y, width - 11)
    inner.text([text], H1, heading=True)
    cur.y = inner.y + 6


def _cell_lines(text: str, w: float, size: float, bold: bool = False, pad: float = 3.5) -> list[list]:
    st = Style(size=size, leading=size * 1.4, bold=bold)
    return wrap([(ch, -1) for ch in text], w - 2 * pad, st, hang_punct=False) or [[]]


def _activity_table(doc: Doc, pg: int, x: float, y: float) -> float:
    T = doc.truth
    widths = [40.0, 50.0, TW - 40 - 50 - 92, 92.0]
    xs = [x + sum(widths[:j]) for j in range(len(widths) + 1)]
    size, lead, pad = 8.8, 12.6, 4.0
    st = Style(size=size, leading=lead)
    csid = T.sentence(C.ACT_CAPTION, caption=True)
    rows = [list(r) for r in C.ACT_ROWS]
    tid = T.table(C.ACT_CAPTION, None, C.ACT_HEADER, rows)
    cap = Block(h=18, draw=lambda P, xx, yy: P.text(xx, baseline_of(yy, Style(size=10, leading=16)), C.ACT_CAPTION, G,
                                                    10, BLACK, True),
                frags=[(csid, C.ACT_CAPTION)], table=tid)
    doc.place(pg, cap, x, y)
    y += 18
    hh = lead + 2 * pad
    # content cells are sentences
    cells = []
    for r in rows:
        sid = T.sentence(r[2], cell=True)
        units = [(ch, sid) for ch in r[2]]
        lines = wrap(units, widths[2] - 2 * pad, st, hang_punct=False)
        res = _cell_lines(r[3], widths[3], size, pad=pad)
        cells.append((lines, ["".join(u[0] for u in ln) for ln in res]))
    heights = [max(len(c[0]), len(c[1])) * lead + 2 * pad for c in cells]
    tops = [y + hh + sum(heights[:i]) for i in range(len(rows))]
    bottom = tops[-1] + heights[-1]

    def spans(key):
        out, i = [], 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and key(rows[j + 1]) == key(rows[i]):
                j += 1
            out.append((i, j))
            i = j + 1
        return out
    mspans = spans(lambda r: r[0])
    cspans = spans(lambda r: (r[0], r[1]))
    mstart = {i for i, _ in mspans}
    cstart = {i for i, _ in cspans}

    def draw(P, _x, _y):
        P.rect(x, y, TW, hh, stroke=None, fill=LINDIGO)
        P.rect(x, y + hh, widths[0], bottom - y - hh, stroke=None, fill=(0.96, 0.96, 0.98))
        for j, t in enumerate(C.ACT_HEADER):
            P.text((xs[j] + xs[j + 1]) / 2, baseline_of(y + pad, st), t, G, size, BLACK, True, "center")
        P.line(x, y, x + TW, y, 0.8, RULE)
        P.line(x, y + hh, x + TW, y + hh, 0.8, RULE)
        for i, top in enumerate(tops):
            if i == 0:
                continue
            x_from = xs[0] if i in mstart else (xs[1] if i in cstart else xs[2])
            P.line(x_from, top, x + TW, top, 0.5, RULE)
        P.line(x, bottom, x + TW, bottom, 0.8, RULE)
        for xx in xs:
            P.line(xx, y, xx, bottom, 0.5, RULE)
        for col, sp in ((0, mspans), (1, cspans)):
            for i, j in sp:
                t0, t1 = tops[i], tops[j] + heights[j]
                yy = (t0 + t1) / 2 - lead / 2
                P.text((xs[col] + xs[col + 1]) / 2, baseline_of(yy, st), rows[i][col], G, size, BLACK, False,
                       "center")
        for i, (lines, res) in enumerate(cells):
            for k, ln in enumerate(lines):
                P.text(xs[2] + pad, baseline_of(tops[i] + pad + k * lead, st), "".join(u[0] for u in ln), G, size,
                       BLACK)
            for k, t in enumerate(res):
                P.text(xs[4] - pad, baseline_of(tops[i] + pad + k * lead, st), t, G, size, BLACK, False, "right")

    frags = [f for lines, _ in cells for ln in lines for f in frags_of(ln)]
    doc.place(pg, Block(h=bottom - y, draw=draw, frags=frags, table=tid), x, y)
    T.tables[tid]["row_pages"] = [pg] * len(rows)
    return bottom


def _soudan_table(doc: Doc, pg: int, x: float, y: float) -> float:
    T = doc.truth
    w0 = 150.0
    wn = (TW - w0) / 4
    xs = [x, x + w0] + [x + w0 + wn * (k + 1) for k in range(4)]
    size, lead, pad = 8.8, 12.6, 3.6
    st = Style(size=size, leading=lead)
    header = ["圏域"] + [f"{yr} {sub}" for yr in C.SOUDAN_YEARS for sub in C.SOUDAN_SUB]
    rows = [list(r) for r in C.SOUDAN_ROWS]
    csid = T.sentence(C.SOUDAN_CAPTION, caption=True)
    tid = T.table(C.SOUDAN_CAPTION, C.SOUDAN_UNIT, header, rows)
    cst = Style(size=10, leading=16)

    def cap_draw(P, xx, yy):
        P.text(xx, baseline_of(yy, cst), C.SOUDAN_CAPTION, G, 10, BLACK, True)
        P.text(xx + TW, baseline_of(yy, cst), C.SOUDAN_UNIT, G, 8.6, BLACK, False, "right")
    doc.place(pg, Block(h=18, draw=cap_draw, frags=[(csid, C.SOUDAN_CAPTION)], table=tid), x, y)
    y += 18
    rh = lead + 2 * pad
    h1 = h2 = rh
    body_top = y + h1 + h2
    bottom = body_top + rh * len(rows)

    def draw(P, _x, _y):
        P.rect(x, y, TW, h1 + h2, stroke=None, fill=LINDIGO)
        P.rect(x, bottom - rh, TW, rh, stroke=None, fill=(0.93, 0.93, 0.93))
        # outer and inner rules
        P.line(x, y, x + TW, y, 0.8, RULE)
        P.line(xs[1], y + h1, x + TW, y + h1, 0.5, RULE)
        P.line(x, body_top, x + TW, body_top, 0.8, RULE)
        for i in range(1, len(rows)):
            P.line(x, body_top + i * rh, x + TW, body_top + i * rh, 0.5 if i < len(rows) - 1 else 0.8, RULE)
        P.line(x, bottom, x + TW, bottom, 0.8, RULE)
        for k, xx in enumerate(xs):
            top = y if k in (0, 1, 3, 5) else y + h1
            P.line(xx, top, xx, bottom, 0.5 if k not in (0, 5) else 0.7, RULE)
        P.text((xs[0] + xs[1]) / 2, baseline_of(y + (h1 + h2 - lead) / 2, st), "圏域", G, size, BLACK, True, "center")
        for k, yr in enumerate(C.SOUDAN_YEARS):
            P.text((xs[1 + 2 * k] + xs[3 + 2 * k]) / 2, baseline_of(y + pad, st), yr, G, size, BLACK, True, "center")
            for m, sub in enumerate(C.SOUDAN_SUB):
                j = 1 + 2 * k + m
                P.text((xs[j] + xs[j + 1]) / 2, baseline_of(y + h1 + pad, st), sub, G, size, BLACK, True, "center")
        for i, r in enumerate(rows):
            bold = r[0] == "合計"
            yy = body_top + i * rh + pad
            P.text(xs[0] + pad, baseline_of(yy, st), r[0], G, size, BLACK, bold)
            for j in range(1, 5):
                P.text(xs[j + 1] - pad - 6, baseline_of(yy, st), r[j], G, size, BLACK, bold, "right")

    doc.place(pg, Block(h=bottom - y, draw=draw, frags=[], table=tid), x, y)
    T.tables[tid]["row_pages"] = [pg] * len(rows)
    return bottom


def _photo(P, x, y, w, h):
    P.rect(x, y, w, h, stroke=None, fill=PHOTO)
    # a simple landscape pictogram: sun and two hills
    P.rect(x + w * 0.70, y + h * 0.18, h * 0.18, h * 0.18, stroke=None, fill=(0.9, 0.9, 0.9), radius=h * 0.09)
    P.poly([(x + 6, y + h - 6), (x + w * 0.35, y + h * 0.42), (x + w * 0.62, y + h - 6)], fill=(0.66, 0.66, 0.66))
    P.poly([(x + w * 0.42, y + h - 6), (x + w * 0.68, y + h * 0.55), (x + w - 6, y + h - 6)], fill=(0.7, 0.7, 0.7))


def build() -> Doc:
    doc = Doc("shinonome-katsudou.pdf", A4, C.TITLE,
              "A4 portrait annual activity report: cover, sidebar glossary, merged-cell activity table, two-column "
              "topics page with photo placeholders and captions, two-level header table, three-column member list",
              meta_title=None, author=C.COVER["issuer"])

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        n = int(info["printed"])
        if n % 2:
            P.text(X1, 42, info["header"], G, 8.4, GRAY, align="right")
        else:
            P.text(X0, 42, info["header"], G, 8.4, GRAY)
        P.line(X0, 47, X1, 47, 0.5, LGRAY)
        P.text(W / 2, H - 34, info["footer"], G, 9, BLACK, align="center")

    def body_page(n: int) -> int:
        return doc.new_page(printed=str(n), header=C.RUN_ODD if n % 2 else C.RUN_EVEN, footer=f"- {n} -",
                            decor=decor)

    # ------------------------------------------------------------ cover
    pg = doc.new_page(printed=None, header=None, footer=None)
    cv = C.COVER
    doc.op(pg, lambda P: (P.rect(0, 0, W, 150, stroke=None, fill=INDIGO),
                          P.rect(0, 150, W, 6, stroke=None, fill=CORAL)))
    cur = Cursor(doc, pg, X0, 190, TW)
    cur.text([cv["year"]], Style(size=18, leading=28, bold=True, color=INDIGO, align="center"), heading=True)
    cur.y += 6
    cur.text([cv["title1"]], Style(size=24, leading=36, bold=True, align="center"), heading=True)
    cur.text([cv["title2"]], Style(size=30, leading=44, bold=True, color=INDIGO, align="center"), heading=True)
    cur.y += 10
    cur.text([cv["sub"]], Style(font=M, size=11, leading=18, align="center"))
    # a row of houses
    base = 520.0

    def houses(P):
        P.line(X0 + 20, base, X1 - 20, base, 1.2, INDIGO)
        for k, (cx, s, col) in enumerate([(150, 1.0, CORAL), (235, 1.25, INDIGO), (330, 0.9, (0.35, 0.6, 0.5)),
                                          (420, 1.1, CORAL)]):
            w_, h_ = 60 * s, 42 * s
            P.rect(cx - w_ / 2, base - h_, w_, h_, stroke=None, fill=LCORAL if k % 2 == 0 else LINDIGO)
            P.poly([(cx - w_ / 2 - 8, base - h_), (cx, base - h_ - 30 * s), (cx + w_ / 2 + 8, base - h_)], fill=col)
            P.rect(cx - 7 * s, base - 22 * s, 14 * s, 22 * s, stroke=None, fill=col)
    doc.op(pg, houses)
    cur = Cursor(doc, pg, X0, 640, TW)
    cur.text([cv["date"]], Style(size=12, leading=20, align="center"))
    cur.y += 16
    cur.text([cv["issuer"]], Style(size=14, leading=22, bold=True, align="center"))
    cur.text([cv["office"]], Style(size=9, leading=15, align="center", color=GRAY))

    # ------------------------------------------------------------ page 1: はじめに, 概要, 用語解説 sidebar
    pg = body_page(1)
    side_w, gap = 160.0, 16.0
    sx = X1 - side_w
    # the glossary box (drawn first so that its height is known)
    pad = 8.0
    bst = Style(size=8.0, leading=12.0)
    tst = Style(size=8.6, leading=13, bold=True, color=INDIGO)
    by = TOP + 4
    hold: dict[str, float] = {}
    doc.op(pg, lambda P: (P.rect(sx, by, side_w, hold["bh"], stroke=INDIGO, fill=(0.97, 0.97, 1.0), width=0.9,
                                 radius=4),
                          P.rect(sx, by, side_w, 19, stroke=None, fill=INDIGO, radius=4),
                          P.rect(sx, by + 10, side_w, 9, stroke=None, fill=INDIGO)))
    box = Cursor(doc, pg, sx + pad, by + 24, side_w - 2 * pad)
    for term, expl in C.YOUGO:
        box.text(["■" + term], tst.but(sb=4), heading=True, extra={"box": True})
        box.text(split_sentences(expl), bst, extra={"box": True})
    bh = box.y - by + pad
    hold["bh"] = bh
    t = Cursor(doc, pg, sx + pad, by + 3, side_w - 2 * pad)
    t.text([C.YOUGO_TITLE], Style(size=9.6, leading=14, bold=True, color=WHITE), heading=True, extra={"box": True})

    cur = Cursor(doc, pg, X0, TOP, TW)
    cur.floats.append((by - 4, by + bh + 8, side_w + gap))
    _h1_float(cur, "はじめに")
    for p in C.HAJIME:
        cur.text(split_sentences(p), BODY.but(sa=2))
    for k, s in enumerate(C.SIGN):
        cur.text([s], Style(size=8.8 if k != 1 else 9.4, leading=14, align="right", bold=k == 1),
                 extra={"signature": True})
    cur.y += 4
    _h1_float(cur, "1　協議会の概要")
    for h, p in C.GAIYOU:
        cur.text([h], H2.but(sb=3), heading=True)
        cur.text(split_sentences(p), BODY)
    cur.text([C.AYUMI_HEAD], H2.but(sb=3), heading=True)
    ts = TableSpec(caption=None, header=C.AYUMI_HEADER, rows=C.AYUMI_ROWS, widths=[1.0, 3.6],
                   align=["l", "l"], size=8.8, leading=12.6, pad=3.4, header_fill=LINDIGO, ruled="rules",
                   caption_style=Style(size=9.4, leading=15, bold=True, sb=2))
    caps, header, rows, _ = table_parts(doc, ts, TW - 20)
    for b in caps + [header()] + rows:
        cur.place(b, X0 + 10)

    # ------------------------------------------------------------ page 2: 活動一覧
    pg = body_page(2)
    cur = Cursor(doc, pg, X0, TOP, TW)
    _h1(cur, "2　令和7年度の活動")
    cur.text(C.KATSUDOU_LEAD, BODY)
    cur.y = _activity_table(doc, pg, X0, cur.y + 6)
    cur.y += 3
    for n in C.ACT_NOTES:
        cur.text(split_sentences(n), NOTE, extra={"note": True})
    cur.y += 6
    cur.text(["部会では、主に次の事項について協議しました。"], BODY)
    for it in C.BUKAI:
        cur.text(split_sentences(it), ITEM.but(hang=9.6 * 8, sb=1), extra={"item": True})
    cur.y += 4
    for p in C.KATSUDOU_AFTER:
        cur.text(split_sentences(p), BODY)

    # ------------------------------------------------------------ page 3: トピックス (two columns)
    pg = body_page(3)
    cur = Cursor(doc, pg, X0, TOP, TW)
    _h1(cur, C.TOPICS_TITLE)
    colgap = 20.0
    cw = (TW - colgap) / 2
    top = cur.y + 2
    cols = [C.TOPICS[:2], C.TOPICS[2:]]
    tst = Style(size=9.8, leading=14.5, bold=True, color=INDIGO, indent=7, hang=7)
    pst = Style(font=M, size=9.2, leading=15.2, indent=9.2)
    cap_st = Style(size=7.6, leading=10.6)
    ends = []
    for ci, topics in enumerate(cols):
        cx = X0 + ci * (cw + colgap)
        c = Cursor(doc, pg, cx, top, cw)
        for k, tp in enumerate(topics):
            if k:
                c.y += 12
            ty = c.y
            c.text([tp["title"]], tst, heading=True)
            doc.op(pg, lambda P, cx=cx, ty=ty, yb=c.y: P.rect(cx, ty + 1, 2.6, yb - ty - 2, stroke=None, fill=CORAL))
            c.y += 3
            if tp["photo"]:
                cap = tp["photo"][0]
                px, py = cx + cw - PW, c.y + 2
                doc.op(pg, lambda P, px=px, py=py: _photo(P, px, py, PW, PH))
                cc = Cursor(doc, pg, px, py + PH + 3, PW)
                cc.text([cap], cap_st, extra={"caption": True})
                c.floats.append((py - 2, cc.y + 4, PW + 10))
            for p in tp["paras"]:
                c.text(split_sentences(p), pst)
            if c.floats:
                c.y = max(c.y, c.floats[-1][1])
                c.floats = []
        ends.append(c.y)
    doc.op(pg, lambda P: P.line(X0 + cw + colgap / 2, top, X0 + cw + colgap / 2, max(ends), 0.4, LGRAY))

    # ------------------------------------------------------------ page 4: 相談実績, 方針
    pg = body_page(4)
    cur = Cursor(doc, pg, X0, TOP, TW)
    _h1(cur, C.SOUDAN_TITLE)
    for p in C.SOUDAN_LEAD:
        cur.text(split_sentences(p), BODY)
    cur.y = _soudan_table(doc, pg, X0, cur.y + 8)
    cur.y += 3
    for n in C.SOUDAN_NOTES:
        cur.text(split_sentences(n), NOTE, extra={"note": True})
    cur.y += 6
    cur.text(split_sentences(C.ZOKUSEI_LEAD), BODY)
    ts = TableSpec(caption=C.ZOKUSEI_CAPTION, header=C.ZOKUSEI_HEADER, rows=C.ZOKUSEI_ROWS, widths=[2.4, 1.3, 1.3],
                   unit=C.ZOKUSEI_UNIT, align=["l", "r", "r"], size=8.8, leading=12.6, pad=3.6, header_fill=LINDIGO,
                   caption_style=Style(size=10, leading=16, bold=True, sb=8))
    zw = 300.0
    caps, header, rows, _ = table_parts(doc, ts, zw)
    for b in caps + [header()] + rows:
        cur.place(b)
    cur.y += 3
    for n in C.ZOKUSEI_NOTES:
        cur.text(split_sentences(n), NOTE, extra={"note": True})
    cur.y += 6
    _h1(cur, C.HOUSHIN_TITLE)
    for it in C.HOUSHIN:
        cur.text(split_sentences(it), ITEM.but(sb=1), extra={"item": True})

    # ------------------------------------------------------------ page 5: 会員名簿, contact
    pg = body_page(5)
    cur = Cursor(doc, pg, X0, TOP, TW)
    _h1(cur, C.MEIBO_TITLE)
    cur.text([C.MEIBO_LEAD], BODY)
    cur.y += 4
    ncol, lgap = 3, 14.0
    lw = (TW - lgap * (ncol - 1)) / ncol
    gst = Style(size=8.8, leading=15, bold=True, color=INDIGO, sb=3)
    nst = Style(size=8.6, leading=14.6, hang=8.6)
    entries = []  # (kind, text, height)
    for grp, names in C.MEIBO:
        entries.append(("g", "【" + grp + "】", gst.leading + gst.sb))
        for nm in names:
            nl = len(wrap([(ch, -1) for ch in "・" + nm], lw, nst))
            entries.append(("n", nm, nl * nst.leading))
    total = sum(e[2] for e in entries)
    target = total / ncol
    columns: list[list] = [[]]
    acc = 0.0
    for i, e in enumerate(entries):
        nxt_is_name = i + 1 < len(entries) and entries[i + 1][0] == "n"
        if acc + e[2] > target + 8 and len(columns) < ncol and not (e[0] == "n" and acc == 0):
            columns.append([])
            acc = 0.0
        if e[0] == "g" and nxt_is_name and acc + e[2] + entries[i + 1][2] > target + 8 and len(columns) < ncol:
            columns.append([])
            acc = 0.0
        columns[-1].append(e)
        acc += e[2]
    ltop = cur.y
    lend = ltop
    for ci, col in enumerate(columns):
        c = Cursor(doc, pg, X0 + ci * (lw + lgap), ltop, lw)
        for k, (kind, text, _h) in enumerate(col):
            if kind == "g":
                c.text([text], gst.but(sb=0 if k == 0 else gst.sb), heading=True)
            else:
                sid = doc.truth.sentence(text, item=True)
                c.units([("・", -1)] + [(ch, sid) for ch in text], nst)
        lend = max(lend, c.y)
    doc.op(pg, lambda P: [P.line(X0 + k * (lw + lgap) - lgap / 2, ltop, X0 + k * (lw + lgap) - lgap / 2, lend, 0.4,
                                 LGRAY) for k in (1, 2)])
    cur.y = lend + 6
    for n in C.MEIBO_NOTES:
        cur.text(split_sentences(n), NOTE, extra={"note": True})
    # contact box
    cur.y += 14
    bx_y = cur.y
    inner = Cursor(doc, pg, X0 + 14, bx_y + 22, TW - 28)
    for k, ln in enumerate(C.CONTACT):
        inner.text([ln], Style(size=9.0 if k else 9.4, leading=15, bold=k == 0), extra={"box": True})
    bh2 = inner.y - bx_y + 8
    doc.op(pg, lambda P: (P.rect(X0, bx_y, TW, bh2, stroke=INDIGO, fill=None, width=1.0, radius=4),
                          P.rect(X0 + 12, bx_y - 8, sw(C.CONTACT_TITLE, G, 9.6) + 16, 17, stroke=None, fill=INDIGO,
                                 radius=3)))
    t = Cursor(doc, pg, X0 + 20, bx_y - 6.5, 120)
    t.text([C.CONTACT_TITLE], Style(size=9.6, leading=14, bold=True, color=WHITE), heading=True, extra={"box": True})
    if inner.y > BOTTOM:
        raise AssertionError("shinonome-katsudou: contact box below the bottom")
    return doc


def _h1_float(cur: Cursor, text: str) -> None:
    """A section heading whose rule stops short of a float at the right."""
    w = cur.width_at(cur.y + 6, 20)
    _h1(cur, text, w)
