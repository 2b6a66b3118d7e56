"""komachi-shitsugi.pdf: a 質疑応答集 printed from Word/Excel as ONE big ruled table, A4 portrait (fictional こまち県).

Layout traps: page 1 opens with a title block above the table (centred title, the issue line 「令和7年10月　こまち県
県土整備部 住宅企画課」 right-aligned, a two-paragraph preface that explains 【新規】 / 【修正】 and the abbreviations
「要綱」 / 「手引き」); the whole body is ONE ruled table 「No.｜区分｜質問｜回答｜根拠・参照」 (16 rows) whose header row is
repeated at the top of every page; the 回答 cells are long (9–15 drawn lines) with typed line breaks inside the cell:
「・」 bullets and 「※」 notes on their own lines with a hanging indent; the 区分 cell is MERGED vertically over all
rows of the same 区分 (no rule between those rows in that column) and its label (one or two typed lines such as
「協議会の / 設立」) is vertically CENTRED in the part of the merged cell on the page where the group starts, snapped to
the text line of whichever row sits in the middle, so pdfplumber reads the 区分 label on the same line as a middle
line of some row's 質問 / 回答 (not the group's first row); a group that continues on the next page has an EMPTY 区分
cell there (Word prints a merged cell's text only once); rows are allowed to break across pages (Word's
「行の途中で改ページする」): a row that does not fit is SPLIT at the page foot — its 回答 continues at the top of the
next page under the repeated header row with an empty No. cell and 「（続き）」 in the 質問 cell (or the rest of the
question when the question itself was split): five rows split (No.3, No.6, No.9, No.13, No.16); revision marks 【新規】 / 【修正】 in red at the start of some 質問 cells;
根拠・参照 cells such as 「要綱第5条、別表第1」 or 「－」; running header (the document's short name, right-aligned over
a thin rule) on every page; footer 「- n -」 centred on every page (page label n).  No /Title.

Truth: 質問 cells are sentences with flag `q`, 回答 sentences flag `a` (plus `item` for 「・」 lines and `note` for 「※」
lines), 根拠・参照 cells flag `cell`.  The table has the document title as caption (it is the whole document), the
header above, one row per Q&A (No., the 区分 label without its line break, 質問, 回答 with its typed line breaks as
spaces, 根拠・参照); `row_pages` gives the page where a row STARTS (a split row's continuation page is in the table's
`pages` and in its sentences' pages).  「（続き）」 is printed but is not a sentence or a cell.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_komachi_shitsugi as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    wrap,
)

W, H = A4
X0, X1 = 40.0, W - 40.0
TOP, BOTTOM = 56.0, H - 52.0
GRAY = (0.25, 0.25, 0.25)
RED = (0.78, 0.08, 0.08)
HEAD_FILL = (0.85, 0.85, 0.85)
COLW = [26.0, 52.0, 130.0, 234.0]  # No., 区分, 質問, 回答; 根拠・参照 takes the rest
SIZE, LEAD, PAD = 10.0, 15.6, 4.2
CELL = Style(font=M, size=SIZE, leading=LEAD)
MARKS = ("【新規】", "【修正】")


def _colw() -> list[float]:
    return COLW + [X1 - X0 - sum(COLW)]


def build() -> Doc:
    doc = Doc("komachi-shitsugi.pdf", A4, C.TITLE,
              "A4 portrait Q&A collection as one ruled table: merged 区分 cells, rows split across pages", meta_title=None)
    T = doc.truth
    colw = _colw()
    colx = [X0]
    for w in colw:
        colx.append(colx[-1] + w)
    width = X1 - X0

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X1, 36, info["header"], G, 8.6, GRAY, align="right")
        P.line(X0, 41, X1, 41, 0.5, GRAY)
        P.text(W / 2, H - 30, info["footer"], M, 9.5, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.SHORT, footer=f"- {n} -", decor=decor)

    # ------------------------------------------------------------ title block (page 1 only)
    page = new_page()
    y = TOP + 4
    for st, texts, kw in (
        (Style(font=G, size=14.5, leading=24, bold=True, align="center"), [C.TITLE], {"heading": True}),
        (Style(font=M, size=10, leading=18, align="right", sa=6), [C.ISSUE], {}),
    ):
        for b in line_blocks(T, texts, width, st, **kw):
            doc.place(page, b, X0, y)
            y += b.h
    pst = Style(font=M, size=9.8, leading=16.2, indent=9.8)
    for para in C.PREFACE:
        for b in line_blocks(T, split_sentences(para), width, pst):
            doc.place(page, b, X0, y)
            y += b.h
    y += 10

    # ------------------------------------------------------------ cells
    def cell_lines(paras: list[str], j: int, flag: str | None) -> list[tuple[str, list, float]]:
        """[(text, frags, indent)] for one cell; each paragraph starts a new line."""
        out = []
        for p in paras:
            lead = p[:1]
            hang = SIZE if lead in "・※" else 0.0
            units = []
            if flag:
                extra = {flag: True}
                if flag == "a" and lead == "・":
                    extra["item"] = True
                if flag == "a" and lead == "※":
                    extra["note"] = True
                for s in split_sentences(p):
                    sid = T.sentence(s, **extra)
                    units.extend((ch, sid) for ch in s)
            else:
                units = [(ch, -1) for ch in p]
            for k, ln in enumerate(wrap(units, colw[j] - 2 * PAD, CELL.but(hang=hang), hang_punct=False)):
                out.append(("".join(u[0] for u in ln), frags_of(ln), 0.0 if k == 0 else hang))
        return out

    rows_truth = [[str(i + 1), cat.replace("\n", ""), q, " ".join(a), ref] for i, (cat, q, a, ref) in enumerate(C.QA)]
    tid = T.table(C.TITLE, None, C.HEADER, rows_truth)

    def header_block() -> Block:
        h = LEAD + 2 * PAD
        st = CELL.but(font=G)

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=HEAD_FILL)
            P.line(x, y, x + width, y, 0.9, GRAY)
            P.line(x, y + h, x + width, y + h, 0.9, GRAY)
            for j, t in enumerate(C.HEADER):
                P.line(colx[j], y, colx[j], y + h, 0.6, GRAY)
                P.text(colx[j] + colw[j] / 2, baseline_of(y + PAD, st), t, G, SIZE, BLACK, True, "center")
            P.line(X1, y, X1, y + h, 0.6, GRAY)
        return Block(h=h, draw=draw, table=tid)

    def part_block(i: int, cells: list, a: int, b: int) -> Block:
        """Lines a..b of row i (No., 質問, 回答, 根拠; the 区分 column is drawn per page segment)."""
        h = (b - a) * LEAD + 2 * PAD
        cont = a > 0

        def draw(P, x, y):
            for j in range(5):
                P.line(colx[j], y, colx[j], y + h, 0.6, GRAY)
                if j == 1:
                    continue
                P.line(colx[j], y, colx[j + 1], y, 0.6, GRAY)
                P.line(colx[j], y + h, colx[j + 1], y + h, 0.6, GRAY)
            P.line(X1, y, X1, y + h, 0.6, GRAY)
            for j in (0, 2, 3, 4):
                lines = cells[j][a:b]
                if j == 2 and cont and not lines:
                    P.text(colx[j] + PAD, baseline_of(y + PAD, CELL), "（続き）", M, SIZE, GRAY)
                for k, (t, _f, ind) in enumerate(lines):
                    bl = baseline_of(y + PAD + k * LEAD, CELL)
                    if j == 0:
                        P.text(colx[j] + colw[j] / 2, bl, t, G, SIZE, BLACK, False, "center")
                        continue
                    xx = colx[j] + PAD + ind
                    if j == 2 and a + k == 0 and t.startswith(MARKS):
                        P.text(xx, bl, t[:4], G, SIZE, RED, True)
                        P.text(xx + sw(t[:4], G, SIZE), bl, t[4:], M, SIZE, BLACK)
                    else:
                        P.text(xx, bl, t, M, SIZE, BLACK)

        frags = [f for j in (2, 3, 4) for _t, fr, _i in cells[j][a:b] for f in fr]
        return Block(h=h, draw=draw, frags=frags, table=tid, row=i)

    # ------------------------------------------------------------ pagination (rows may split)
    placed: dict[int, list] = {}  # page -> [(row, y, a, b)]
    start_page: list[int] = []

    def put(pg: int, blk: Block, yy: float) -> None:
        doc.place(pg, blk, X0, yy)

    hb = header_block()
    put(page, hb, y)
    y += hb.h
    for i, (_cat, q, a, ref) in enumerate(C.QA):
        cells = [cell_lines([str(i + 1)], 0, None), [], cell_lines([q], 2, "q"), cell_lines(a, 3, "a"),
                 cell_lines([ref], 4, "cell")]
        n = max(len(c) for c in cells)
        lo = 0
        first = True
        while lo < n:
            need = (n - lo) * LEAD + 2 * PAD
            avail = BOTTOM - y
            if need <= avail + 0.01:
                hi = n
            else:
                fit = int((avail - 2 * PAD) // LEAD)
                hi = lo + fit if fit >= 2 else lo
            if hi > lo:
                put(page, part_block(i, cells, lo, hi), y)
                placed.setdefault(page, []).append((i, y, lo, hi))
                if first:
                    start_page.append(page)
                    first = False
                y += (hi - lo) * LEAD + 2 * PAD
                lo = hi
            if lo < n:
                page = new_page()
                y = TOP
                hb = header_block()
                put(page, hb, y)
                y += hb.h
    T.tables[tid]["row_pages"] = start_page

    # ------------------------------------------------------------ the merged 区分 column, page by page
    cats = [cat for cat, *_ in C.QA]
    kst = CELL.but(font=G)
    for pg, parts in placed.items():
        segs: list[list] = []
        for part in parts:
            i = part[0]
            if segs and cats[segs[-1][-1][0]] == cats[i]:
                segs[-1].append(part)
            else:
                segs.append([part])
        for seg in segs:
            i0, y0, a0, _ = seg[0]
            _i1, y1, a1, b1 = seg[-1]
            top, bot = y0, y1 + (b1 - a1) * LEAD + 2 * PAD
            g0 = i0 == 0 or cats[i0 - 1] != cats[i0]
            starts_group = g0 and a0 == 0
            label = cats[i0].split("\n") if starts_group else []
            slots = []  # runs of consecutive text-line tops inside one row part
            for _i, yy, a, b in seg:
                slots.append([yy + PAD + k * LEAD for k in range(b - a)])
            best = None
            if label:
                mid = (top + bot) / 2
                for run in slots:
                    for s in range(len(run) - len(label) + 1):
                        c = run[s] + len(label) * LEAD / 2
                        d = abs(c - mid)
                        if best is None or d < best[0] - 0.01:
                            best = (d, run[s])

            def draw(P, top=top, bot=bot, label=label, best=best, starts=starts_group):
                x0, x1 = colx[1], colx[2]
                if starts:
                    P.line(x0, top, x1, top, 0.6, GRAY)
                P.line(x0, bot, x1, bot, 0.6, GRAY)  # end of the group or foot of the page
                for k, t in enumerate(label):
                    P.text((x0 + x1) / 2, baseline_of(best[1] + k * LEAD, kst), t, G, SIZE, BLACK, True, "center")
            doc.op(pg, draw)
    return doc

