"""fujinami-kenpou.pdf: 「ふじなみ県報」 第3187号, the prefecture's official GAZETTE, A4 portrait (fictional ふじなみ県).

Layout traps: page numbers run THROUGH THE YEAR, so the issue's first page is 「1841」 and the printed number never
resembles the PDF page number; the number is printed in the running-header line at the OUTER corner (right on odd,
left on even numbers) and there is no footer at all; page 1 has no running header but a double-ruled masthead
(「ふじなみ県報」 in large type left, issue number, date, 「毎週火曜日・金曜日発行」 and the publisher stacked at the right)
with the page number above it, then a framed 目次 that groups the items by type (告　示 / 公　告 / 正　誤), each entry
「○…（担当課）」 followed by … leaders and the 4-digit page number computed from the layout (flag `toc`); the body is set
in TWO columns with a rule between them, items running on from column to column and page to page; every item has a
type banner (shaded bar 「告　示」…) before its group, a bold ○ title, the 告示番号 line, a paragraph, the date and the
governor's name right-aligned, 「記」 and 1 / （1） items with hanging indents; 告示第614号 amends a subsidy 要綱 by
「改め文」 (「第4条第1項中「50万円」を「60万円」に改め…」: the old and the new amounts in one sentence), inserts a new
article 第7条 with 項 2 / 3, and adds 別表第2, a ruled table set ACROSS BOTH COLUMNS (the two columns above it are
balanced first, the text after it continues in two columns below it), then 附則 with 施行期日 and 経過措置; four ruled
tables inside one column (指定管理者 with long wrapped cells and a ※ note; the subsidy menu of the second call, which
starts at the foot of the left column and continues at the top of the right one with its header row repeated, and two
※ notes; the 改修工事 menu with two ※ notes; a 正誤 table ページ｜箇所｜誤｜正 whose 「正」 column corrects figures of an
earlier issue); an unrelated notice (県営住宅の指定管理者) between the housing-support items; on the last page the two
columns are balanced, so the 正誤 lead paragraph runs from the left column into the right one; a ruled colophon (発行,
印刷, 定価) across the foot of the last page, well below the last item.  Truth: `printed` is the 4-digit page number, `header` the running line (null on page 1), `footer`
null; the masthead lines are headings, 「記」 a heading, items flag `item`.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_fujinami_kenpou as C
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
    line_blocks,
    place_text,
    split_sentences,
    sw,
)
from .kit import decorate

W, H = A4
X0, X1 = 48.0, W - 48.0
TW = X1 - X0
TOP = 68.0
BOTTOM = H - 46.0
GRAY = (0.35, 0.35, 0.35)
RULE = (0.55, 0.55, 0.55)
SHADE = (0.9, 0.9, 0.9)

FS = 9.4
Z = FS
LEAD = 15.4

BANNER = Style(font=G, size=10.4, leading=19, bold=True, align="center", sb=12, sa=4, keep_next=True)
TITLE = Style(font=G, size=9.6, leading=15.6, bold=True, hang=9.6, sb=9, keep_next=True)
NO = Style(font=M, size=FS, leading=LEAD, indent=Z, keep_next=True)
PARA = Style(font=M, size=FS, leading=LEAD, indent=Z)
DATE_ST = Style(font=M, size=FS, leading=LEAD, indent=2 * Z)
SIGN_ST = Style(font=M, size=FS, leading=LEAD, align="right")
KI = Style(font=M, size=FS, leading=LEAD, align="center", sb=3, sa=2, keep_next=True)
I1 = Style(font=M, size=FS, leading=LEAD, hang=Z)
I2 = Style(font=M, size=FS, leading=LEAD, indent=Z, hang=3 * Z)
SUB = Style(font=M, size=FS, leading=LEAD, indent=Z, keep_next=True)
JOU = Style(font=M, size=FS, leading=LEAD, hang=Z)
RIGHT = Style(font=M, size=FS, leading=LEAD, align="right")


def _title_of(entry: str) -> str:
    """「○…（担当課）」 → 「○…」 (the ○ title as printed in the body)."""
    return entry[:entry.rindex("（")]


def build() -> Doc:
    doc = Doc("fujinami-kenpou.pdf", A4, C.TITLE,
              "A4 official gazette (県報): yearly page numbers in the header's outer corner, masthead and grouped 目次 "
              "on page 1, two columns, 告示 / 公告 / 正誤 items, 改め文, a table across both columns, colophon",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        num = info["printed"]
        odd = int(num) % 2 == 1
        if info["header"] is None:  # page 1: number above the masthead
            P.text(X1, 30, num, G, 9.0, BLACK, False, "right")
            return
        bl = 42.0
        if odd:
            P.text(X0, bl, info["header"], M, 8.8, BLACK)
            P.text(X1, bl, num, G, 10.5, BLACK, True, "right")
        else:
            P.text(X0, bl, num, G, 10.5, BLACK, True)
            P.text(X1, bl, info["header"], M, 8.8, BLACK, False, "right")
        P.line(X0, 49, X1, 49, 0.8, BLACK)

    def new_page() -> int:
        n = C.FIRST_PAGE + len(doc.pages)
        return doc.new_page(printed=str(n), header=None if not doc.pages else C.RUN_HEADER, footer=None,
                            is_toc=not doc.pages, decor=decor)

    # ------------------------------------------------------------ page 1: masthead and 目次
    p1 = new_page()
    my0, my1 = 38.0, 122.0
    doc.op(p1, lambda P: (P.rect(X0, my0, TW, my1 - my0, stroke=BLACK, fill=None, width=1.6),
                          P.rect(X0 + 4, my0 + 4, TW - 8, my1 - my0 - 8, stroke=BLACK, fill=None, width=0.5),
                          P.line(X1 - 170, my0 + 12, X1 - 170, my1 - 12, 0.5, BLACK)))
    place_text(doc, p1, X0 + 26, my0 + 20, 280, [C.MAST["name"]],
               Style(font=M, size=34, leading=46, bold=True), heading=True)
    yy = my0 + 12
    for k, t in enumerate(C.MAST["lines"]):
        st = Style(font=G, size=13 if k == 0 else 9.2, leading=22 if k == 0 else 14.5, bold=k == 0, align="center")
        yy += place_text(doc, p1, X1 - 166, yy, 160, [t], st, heading=True)

    # 目次 box
    ty = my1 + 14
    tst = Style(font=M, size=9.0, leading=15.0)
    gst = Style(font=G, size=9.2, leading=16.0, bold=True)
    inner = TW - 30
    lines_h = sum(gst.leading + len(es) * tst.leading for _g, es in C.TOC)
    box_h = 26 + lines_h + 10
    doc.op(p1, lambda P, ty=ty, box_h=box_h: P.rect(X0, ty, TW, box_h, stroke=BLACK, fill=None, width=0.7))
    place_text(doc, p1, X0, ty + 6, TW, [C.TOC_TITLE], Style(font=G, size=10.5, leading=18, bold=True, align="center"),
               heading=True, extra={"toc": True})
    y = ty + 26
    xr = X1 - 12
    for group, entries in C.TOC:
        y += place_text(doc, p1, X0 + 14, y, 100, [group], gst, heading=True, extra={"toc": True})
        for e in entries:
            if sw(e, M, tst.size) > inner - 46:
                raise AssertionError(f"fujinami-kenpou: 目次 entry too long: {e}")
            sid = T.sentence(e, heading=True, toc=True)

            def draw(P, x, yb, e=e):
                title = _title_of(e)
                target = next(i for i, s in enumerate(T.sentences) if s["text"] == title and s.get("heading")
                              and not s.get("toc"))
                num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
                bl = baseline_of(yb, tst)
                P.text(x, bl, e, M, tst.size, BLACK)
                tw = sw(e, M, tst.size) + 4
                dot = sw("…", M, 8.0)
                n = int((xr - x - tw - 28) / dot)
                P.text(x + tw, bl, "…" * n, M, 8.0, GRAY)
                P.text(xr, bl, num, G, tst.size, BLACK, False, "right")

            doc.place(p1, Block(h=tst.leading, draw=draw, frags=[(sid, e)]), X0 + 24, y)
            y += tst.leading
    body_top = ty + box_h + 14

    # ------------------------------------------------------------ body: two columns
    pages = {"first": True}

    def flow_page() -> int:
        if pages["first"]:
            pages["first"] = False
            return p1
        return new_page()

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), flow_page, ncols=2, gutter=22.0, col_rule=RULE,
                top_of=lambda pg: body_top if pg == p1 else TOP)

    def add(sents, st, **kw):
        flow.add_all(line_blocks(T, sents, flow.width, st, **kw))

    def banner_deco(P, x, y, w, h):
        top = y + BANNER.sb * 0
        P.rect(x, top + 1, w, BANNER.leading - 2, stroke=BLACK, fill=SHADE, width=0.6)

    def tspec(spec: dict) -> TableSpec:
        return TableSpec(**{"size": 8.2, "leading": 11.8, "pad": 3.0, "header_fill": SHADE, "rule": (0.2, 0.2, 0.2),
                            "caption_style": Style(font=M, size=FS, leading=LEAD, sb=4, keep_next=True),
                            "note_style": Style(font=M, size=8.4, leading=12.6, hang=8.4, sb=2), **spec})

    for it in C.BODY:
        k = it[0]
        if k == "banner":
            bl = line_blocks(T, [it[1]], flow.width, BANNER, heading=True)
            decorate(bl, banner_deco, flow.width)
            flow.add_all(bl)
        elif k == "title":
            add([it[1]], TITLE, heading=True)
        elif k == "no":
            add([it[1]], NO, heading=True)
        elif k == "p":
            add(split_sentences(it[1]), PARA)
        elif k == "date":
            add([it[1]], DATE_ST)
        elif k == "sign":
            add([it[1]], SIGN_ST)
        elif k == "ki":
            add(["記"], KI, heading=True)
        elif k == "i1":
            add(split_sentences(it[1]), I1, extra={"item": True})
        elif k == "i2":
            add(split_sentences(it[1]), I2, extra={"item": True})
        elif k == "sub":
            add([it[1]], SUB, heading=True)
        elif k == "jou":
            add(split_sentences(it[1]), JOU)
        elif k == "right":
            add([it[1]], RIGHT)
        elif k == "note":
            add(split_sentences(it[1]), Style(font=M, size=8.4, leading=12.6, hang=8.4), extra={"note": True})
        elif k == "table":
            flow.add_table(tspec(it[1]))
            flow.vspace(4)
        elif k == "wtable":
            flow.set_columns(1, gap=6)
            flow.add_table(tspec(it[1]))
            flow.vspace(2)
            flow.set_columns(2, gap=8)
        else:
            raise KeyError(k)

    # ------------------------------------------------------------ colophon across the foot of the last page
    flow.set_columns(1, gap=10)
    cst = Style(font=M, size=8.6, leading=13.6)
    parts = []
    for t in C.COLOPHON:
        parts.extend(line_blocks(T, [t], TW - 20, cst, extra={"box": True}))
    ch = sum(b.h for b in parts) + 14

    def colophon(P, x, y):
        P.line(x, y, x + TW, y, 1.4, BLACK)
        P.line(x, y + 3, x + TW, y + 3, 0.5, BLACK)
        yy = y + 9
        for b in parts:
            b.draw(P, x + 10, yy)
            yy += b.h
        P.line(x, y + ch, x + TW, y + ch, 0.5, BLACK)

    open_page, used_to = flow.page, flow.band_top
    flow.finish()
    last = len(doc.pages) - 1
    if open_page is None or used_to > BOTTOM - ch - 16:
        last = new_page()
    doc.place(last, Block(h=ch, draw=colophon, frags=[f for b in parts for f in b.frags]), X0, BOTTOM - ch)

    if not 4 <= len(doc.pages) <= 8:
        raise AssertionError(f"fujinami-kenpou: {len(doc.pages)} pages")
    return doc
