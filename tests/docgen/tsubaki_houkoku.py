"""tsubaki-houkoku.pdf: 令和6年度 活動報告 of 椿県居住支援法人ネットワーク, A4 portrait (fictional 椿県).

Layout traps: cover without a number; 目次 page numbered 「i」 (centred) with dotted leaders; body pages
numbered 「- 1 -」…; running header (report title, right-aligned over a rule) from the second PDF page;
headings 1. / 1-1 / (1); section 2 in TWO columns with a rule between them over two or more pages
(pdfplumber reads across the columns line by line) with full-width tables under balanced columns;
four ruled tables (表1 per member corporation with a 合計 row, 表2 two fiscal years, 表3 that continues
onto the next page with its header repeated, 表4 budget 収入・支出 in 千円 with 合計 rows and ※ notes);
two 事例 boxes inside a column; a 会員名簿 list; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_tsubaki_houkoku as C
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
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 80.0, H - 70.0
RED = (0.62, 0.1, 0.18)
GRAY = (0.4, 0.4, 0.4)

P_ = Style(font=M, size=10.0, leading=17.5, indent=10.0, sa=2)
H1 = Style(size=13.5, leading=22, bold=True, color=RED, sb=16, sa=5, keep_next=True)
H2 = Style(size=11.0, leading=18, bold=True, sb=9, sa=2, keep_next=True)
H3 = Style(size=10.2, leading=17, bold=True, color=(0.3, 0.3, 0.3), sb=5, keep_next=True)
LI = Style(font=M, size=10.0, leading=17, hang=24, indent=0, sb=1)
NOTE = Style(font=M, size=8.8, leading=13.5, hang=8.8, sb=3)


def build() -> Doc:
    doc = Doc("tsubaki-houkoku.pdf", A4, C.TITLE, "annual report, two-column sections, four ruled tables",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 48, info["header"], G, 8.4, GRAY, align="right")
            P.line(X0, 54, X1, 54, 0.5, RED)
        if info["footer"]:
            P.text(W / 2, H - 36, info["footer"], G, 9.5, BLACK, align="center")

    # ---- cover
    pg = doc.new_page(decor=decor)
    doc.op(pg, lambda P: (P.rect(0, 0, W, 14, stroke=None, fill=RED),
                          P.rect(X0 - 18, 210, 6, 200, stroke=None, fill=RED),
                          P.line(X0, H - 180, X1, H - 180, 1.0, RED)))
    place_text(doc, pg, X0, 220, 420, [C.COVER["fy"]], Style(size=20, leading=32, color=RED))
    sid = T.sentence(C.TITLE, heading=True)
    for k, (text, size) in enumerate(((C.COVER["title"], 25), (C.COVER["title2"], 34))):
        doc.place(pg, Block(h=50, draw=lambda P, x, y, text=text, size=size: P.text(x, y + 40, text, G, size, BLACK,
                                                                                    True),
                            frags=[(sid, text)]), X0, 268 + k * 58)
    place_text(doc, pg, X0, H - 160, 420, [C.COVER["date"]], Style(size=13, leading=22))
    place_text(doc, pg, X0, H - 136, 440, [C.COVER["by"]], Style(size=14.5, leading=24, bold=True))

    # ---- 目次 (i)
    toc = doc.new_page(printed="i", header=C.RUN_HEADER, footer="i", is_toc=True, decor=decor)
    y = 100.0
    y += place_text(doc, toc, X0, y, X1 - X0, ["目次"], H1.but(size=16, leading=28, sa=16, color=BLACK),
                    heading=True)
    entries = [(it[1], 0 if it[0] == "h1" else 1) for it in C.BODY if it[0] in ("h1", "h2")]
    xr = X1 - 10
    for text, lvl in entries:
        st = Style(size=11.2, leading=24, bold=True) if lvl == 0 else Style(font=M, size=10.2, leading=20)
        x = X0 + 10 + (22 if lvl else 0)
        tsid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st):
            target = next(i for i, s in enumerate(T.sentences)
                          if s["text"] == text and s.get("heading") and not s.get("toc"))
            num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, BLACK, st.bold)
            tw = sw(text, st.font, st.size) + 8
            dot = sw("・", G, 8)
            n = int((xr - xx - tw - 20) / dot)
            P.text(xx + tw, bl, "・" * n, G, 8, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(tsid, text)]), x, y + (6 if lvl == 0 else 0))
        y += st.leading + (6 if lvl == 0 else 0)

    # ---- body
    state = {"n": 0}

    def body_page() -> int:
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=C.RUN_HEADER, footer=f"- {n} -", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), body_page, ncols=1, gutter=22, col_rule=(0.7, 0.6, 0.6))

    def h1_deco(P, x, y, w, h):
        P.line(x, y + h - 3, x + w, y + h - 3, 1.2, RED)

    def h2_deco(P, x, y, w, h):
        P.rect(x - 7, y + 4, 3.5, h - 8, stroke=None, fill=RED)

    tspec = {"size": 9.0, "leading": 13.2, "pad": 3.4, "header_fill": (0.96, 0.88, 0.89),
             "caption_style": Style(size=9.8, leading=16, bold=True, sb=8, sa=2, keep_next=True),
             "note_style": NOTE}
    for it in C.BODY:
        kind = it[0]
        wd = flow.width
        if kind == "h1":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), h1_deco, wd))
        elif kind == "h2":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H2, heading=True), h2_deco, wd))
        elif kind == "h3":
            flow.add_all(line_blocks(T, [it[1]], wd, H3, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "note":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, NOTE.but(sb=8), extra={"note": True}))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), wd, LI.but(sb=4 if k == 0 else 1),
                                         extra={"item": True}))
            flow.vspace(3)
        elif kind == "cols":
            flow.set_columns(it[1], gap=6)
        elif kind == "table":
            flow.add_table(TableSpec(**{**tspec, **it[1]}))
            flow.vspace(4)
        elif kind == "wtable":
            n = flow.ncols
            flow.set_columns(1, gap=4)
            flow.add_table(TableSpec(**{**tspec, **it[1]}))
            flow.vspace(4)
            flow.set_columns(n, gap=6)
        elif kind == "case":
            flow.add(box_block(T, it[1], it[2], wd, Style(font=M, size=9.4, leading=15.5, indent=9.4),
                               Style(size=9.8, leading=15, bold=True), fill=(0.99, 0.95, 0.95), border=RED,
                               pad=8, sb=10))
        elif kind == "pagebreak":
            flow.page_break()
        else:
            raise KeyError(kind)
    flow.finish()
    return doc
