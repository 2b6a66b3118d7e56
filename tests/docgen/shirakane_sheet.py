"""shirakane-sheet.pdf: an Excel workbook PRINTED TO PDF, A4 portrait (fictional しらかね県).

Layout traps: sheet 「集計」 is a list of the 18 municipalities (plus a 県居住支援センター row, a 合計 row and a 県計
row) that is far too WIDE for one A4 portrait page.  Columns A–B (No., 市町村名) are the sheet's print-title columns
and the two header rows are its print-title rows; the page order is Excel's 「左から右」 (over, then down):
PDF page 1 = rows 1–k, columns A–B + C–L (the first block: 圏域, 人口, 居住支援協議会 設置状況 / 設立年月 / 構成団体数,
相談窓口 設置 / 相談件数 令和5年度 / 令和6年度 / 増減, 担当課); page 2 = the SAME rows, columns A–B repeated + M–T
(the second block: 県補助金 交付額 設立準備 / 運営費 / 窓口開設, 居住支援法人数, 協力不動産店数, 市町村独自の支援
家賃債務保証料補助 / 転居費用補助, 備考); page 3 = the remaining rows (and the three summary rows) of the first block,
page 4 = the same rows of the second block.  So a municipality's 相談件数 and its 備考 / 補助金 are printed on
different pages, joined only by the repeated No. and name.  Excel row heights are per row, so a row is as tall on
the first-block page as the wrapped 備考 (second block) makes it; every cell is vertically CENTRED, so on the
second-block pages pdfplumber prints a row's No., name and numbers on the MIDDLE line of its 備考 (the other 備考
lines come out alone above and below), while the first-block pages hold tall rows with one line each.
Two-level header with merged cells (居住支援協議会 / 相談窓口 / 県補助金 交付額（令和6年度・千円） / 市町村独自の支援;
the single-level header cells span both rows; typed line breaks such as 「相談件数 / （令和5年度）」), thin grey
gridlines around every cell of the list, numbers right-aligned with thousands separators, 「－」 for not applicable,
「▲12」 for a decrease, 「○11 / △3」 stacked in a 合計 cell, the label of the three summary rows merged over No.–市町村名
(shaded 合計 / 県計).  Notes typed under the list are unbordered cells whose text overflows to the right: ※1–※4
start in column C, so they are printed on page 3 only, ※5–※7 in column M on the same rows, so they are printed on
page 4 only (a ※ note is registered as one sentence even where it continues in the cell below; flag `note`).
Excel page header on every page: the title at the left and 「令和7年4月1日現在」 at the right (one line); footer:
「実施状況調べ.xlsx - <sheet>」 at the left and 「n / 5 ページ」 centred on the same line (the whole workbook was printed,
so the number runs through both sheets; the page label is n).  Sheet 「凡例・圏域別」 (page 5): a title cell, 【凡例】 as
a bordered two-column table (meaning cells are sentences, flag `cell`), the summary table 圏域別集計（令和7年4月1日現在）
(7 columns, wrapped header cells, shaded 合計 row), two ※ lines and the author's line; no gridlines outside the two
tables.  No /Title.

Truth: the list is recorded as TWO tables, one per printed column block, with identical captions (the sheet title,
which is printed only in the page header): the first block's table has the header No., 市町村名, 圏域, … 担当課 and
pages [0, 2], the second block's No., 市町村名, 県補助金 … 設立準備, …, 備考 and pages [1, 3]; both have all 21 rows
(the same row order, so row i of one is row i of the other) and `row_pages` saying where each row is printed.
Flattened header labels join the group and the leaf (「相談窓口 相談件数（令和5年度）」); a line break typed into a
header cell is dropped in the truth, one typed into a data cell (「○11 / △3」) becomes a space.  備考 cells are sentences (flag `cell`), registered in page order.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_shirakane_sheet as C
from .engine import BLACK, Block, Doc, G, Style, baseline_of, frags_of, split_sentences, sw, wrap

W, H = A4
X0, X1 = 32.0, W - 32.0
TOP, BOTTOM = 56.0, H - 50.0
GRID = (0.62, 0.62, 0.62)
HEAD_FILL = (0.86, 0.90, 0.95)
SUM_FILL = (0.93, 0.93, 0.93)
GRAND_FILL = (0.88, 0.88, 0.88)

SIZE, LEAD, HPAD, VPAD = 8.4, 11.2, 2.4, 2.8
HSIZE, HLEAD = 7.2, 9.2
MIN_H = 15.0
NOTE_SIZE, NOTE_H = 7.6, 12.6

TCOLW = [20.0, 62.0]                                               # A No., B 市町村名
COLW_A = [30.0, 50.0, 36.0, 76.0, 32.0, 28.0, 54.0, 54.0, 32.0, 56.0]  # C–L
ALIGN_A = ["c", "r", "c", "l", "r", "c", "r", "r", "r", "l"]
COLW_B = [44.0, 44.0, 44.0, 40.0, 44.0, 46.0, 44.0]               # M–S
COLW_B = COLW_B + [X1 - X0 - sum(TCOLW) - sum(COLW_B)]             # T 備考 fills the page
ALIGN_B = ["r", "r", "r", "r", "r", "c", "c", "l"]
WRAP_B = [False] * 7 + [True]
assert sum(TCOLW) + sum(COLW_A) <= X1 - X0 + 0.01 < sum(TCOLW) + sum(COLW_A) + COLW_B[0]
# sheet 2 columns A–H
COLW2 = [24.0, 62.0, 50.0, 74.0, 54.0, 62.0, 76.0, 84.0]

HCELL = Style(size=HSIZE, leading=HLEAD, bold=True)


def _lines(text: str, width: float, st: Style, wrap_: bool, units=None) -> list[list]:
    """Cell lines as unit lists; "\n" is a typed line break (Alt+Enter)."""
    if units is None:
        units = [(ch, -1) for ch in text]
    out: list[list] = []
    start = 0
    parts = text.split("\n")
    for part in parts:
        pu = units[start:start + len(part)]
        start += len(part) + 1
        if not pu:
            continue
        out.extend(wrap(pu, width - 2 * HPAD, st, hang_punct=False) if wrap_ else [pu])
    return out


def _check_fit(texts, width, size, what):
    for t in texts:
        if sw(t, G, size) > width - 2 * HPAD + 0.5:
            raise AssertionError(f"shirakane-sheet: {what} does not fit its cell ({sw(t, G, size):.0f} > "
                                 f"{width - 2 * HPAD:.0f}): {t}")


def cell_row(cells: list[dict], colw: list[float], h: float, *, grid: bool = True, tid=None, row=None) -> Block:
    """A spreadsheet row of height h. cells: dicts with text / span / align / lines (unit lists) / bold / size /
    fill / overflow; the row covers exactly the columns of colw."""
    frags = []
    laid = []
    j = 0
    for c in cells:
        x_off = sum(colw[:j])
        cwid = sum(colw[j:j + c.get("span", 1)])
        lines = c.get("lines") or []
        texts = ["".join(u[0] for u in ln) for ln in lines]
        size = c.get("size", SIZE)
        if not c.get("overflow"):
            _check_fit(texts, cwid, size, "cell text")
        for ln in lines:
            frags.extend(frags_of(ln))
        laid.append((texts, x_off, cwid, c, size))
        j += c.get("span", 1)
    if j != len(colw):
        raise AssertionError(f"shirakane-sheet: row covers {j} of {len(colw)} columns")
    bounds = [sum(colw[:k]) for k in range(len(colw) + 1)]
    hidden = set()
    for _t, x_off, cwid, _c, _s in laid:
        for b in bounds:
            if x_off < b < x_off + cwid - 0.01:
                hidden.add(round(b, 3))

    def draw(P, x, y):
        for _t, x_off, cwid, c, _s in laid:
            if c.get("fill"):
                P.rect(x + x_off, y, cwid, h, stroke=None, fill=c["fill"])
        if grid:
            P.line(x, y, x + bounds[-1], y, 0.4, GRID)
            P.line(x, y + h, x + bounds[-1], y + h, 0.4, GRID)
            for b in bounds:
                if round(b, 3) not in hidden:
                    P.line(x + b, y, x + b, y + h, 0.4, GRID)
        for texts, x_off, cwid, c, size in laid:
            lead = max(LEAD, size * 1.3)
            st = Style(size=size, leading=lead)
            y0 = y + (h - len(texts) * lead) / 2
            for k, t in enumerate(texts):
                bl = baseline_of(y0 + k * lead, st)
                a = c.get("align", "l")
                bold = c.get("bold", False)
                if a == "c":
                    P.text(x + x_off + cwid / 2, bl, t, G, size, BLACK, bold, "center")
                elif a == "r":
                    P.text(x + x_off + cwid - HPAD, bl, t, G, size, BLACK, bold, "right")
                else:
                    P.text(x + x_off + HPAD, bl, t, G, size, BLACK, bold)

    return Block(h=h, draw=draw, frags=frags, table=tid, row=row)


def _c(text="", span=1, align="l", wrap_=False, bold=False, size=SIZE, fill=None, width=None, units=None,
       overflow=False):
    d = {"text": text, "span": span, "align": align, "bold": bold, "size": size, "fill": fill, "overflow": overflow}
    if text:
        st = Style(size=size, leading=max(LEAD, size * 1.3), bold=bold)
        d["lines"] = _lines(text, width if width is not None else 1e6, st, wrap_, units)
    return d


def _height(cells: list[dict]) -> float:
    n = max([len(c.get("lines") or []) for c in cells] + [1])
    lead = max(LEAD, max(c["size"] for c in cells) * 1.3)
    return max(MIN_H, n * lead + 2 * VPAD)


def _flat(groups) -> list[str]:
    out = []
    for g, leaves in groups:
        for leaf in leaves:
            leaf = leaf.replace("\n", "")
            out.append(leaf if g is None else f"{g} {leaf}")
    return out


def header_block(groups, colw: list[float], tid: int) -> Block:
    """The two print-title header rows for one printed block (No., 市町村名 + the block's columns)."""
    allg = C.TITLE_COLS + groups
    h1 = HLEAD + 3.4
    h2 = 2 * HLEAD + 3.6
    h = h1 + h2

    def leaf_lines(text, width):
        out = []
        for part in text.split("\n"):
            ls = wrap([(ch, -1) for ch in part], width - 2 * HPAD, HCELL, hang_punct=False)
            out.extend("".join(u[0] for u in ln) for ln in ls)
        return out

    def draw(P, x, y):
        total = sum(colw)
        P.rect(x, y, total, h, stroke=None, fill=HEAD_FILL)
        P.line(x, y, x + total, y, 0.4, GRID)
        P.line(x, y + h, x + total, y + h, 0.4, GRID)
        xx = x
        j = 0
        for group, leaves in allg:
            gw = sum(colw[j:j + len(leaves)])
            P.line(xx, y, xx, y + h, 0.4, GRID)
            if group is None:
                lines = leaf_lines(leaves[0], gw)
                y0 = y + (h - len(lines) * HLEAD) / 2
                for k, tx in enumerate(lines):
                    P.text(xx + gw / 2, baseline_of(y0 + k * HLEAD, HCELL), tx, G, HSIZE, BLACK, True, "center")
            else:
                if sw(group, G, HSIZE) > gw - 2 * HPAD:
                    raise AssertionError(f"shirakane-sheet: header group too wide: {group}")
                P.text(xx + gw / 2, baseline_of(y + 1.7, HCELL), group, G, HSIZE, BLACK, True, "center")
                P.line(xx, y + h1, xx + gw, y + h1, 0.4, GRID)
                lx = xx
                for k, leaf in enumerate(leaves):
                    cw_ = colw[j + k]
                    if k:
                        P.line(lx, y + h1, lx, y + h, 0.4, GRID)
                    lines = leaf_lines(leaf, cw_)
                    y0 = y + h1 + (h2 - len(lines) * HLEAD) / 2
                    for m, tx in enumerate(lines):
                        P.text(lx + cw_ / 2, baseline_of(y0 + m * HLEAD, HCELL), tx, G, HSIZE, BLACK, True,
                               "center")
                    lx += cw_
            xx += gw
            j += len(leaves)
        P.line(xx, y, xx, y + h, 0.4, GRID)

    return Block(h=h, draw=draw, table=tid)


def build() -> Doc:
    doc = Doc("shirakane-sheet.pdf", A4, C.TITLE,
              "A4 portrait Excel printout of a list too wide for the page: print-title columns and rows repeated, "
              "page order over-then-down, plus a legend / summary sheet",
              meta_title=None)
    T = doc.truth
    sheet_of: dict[int, str] = {}

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X0, 34, C.TITLE, G, 8.4, BLACK)
        P.text(X1, 34, C.AS_OF, G, 8.4, BLACK, align="right")
        fy = H - 26
        P.text(X0, fy, f"{C.BOOK} - {sheet_of[info['index']]}", G, 7.8, BLACK)
        P.text(W / 2, fy, info["footer"].split("　")[-1], G, 7.8, BLACK, align="center")

    def new_page(sheet: str) -> int:
        n = len(doc.pages) + 1
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer="?", decor=decor)
        sheet_of[pg] = sheet
        return pg

    colw_a = TCOLW + COLW_A
    colw_b = TCOLW + COLW_B

    # ------------------------------------------------------------ the rows (both blocks), measured first
    # kinds: municipality rows, then the three summary rows (label merged over No.–市町村名)
    specs = []  # (label cells, block A texts, block B texts, kind)
    for i, (name, a, b) in enumerate(C.ROWS):
        specs.append(((str(i + 1), name), a, b, "row"))
    for kind, (label, a, b) in (("center", C.CENTER), ("total", C.TOTAL), ("grand", C.GRAND)):
        specs.append(((label,), a, b, kind))

    def fill_of(kind):
        return {"total": SUM_FILL, "grand": GRAND_FILL}.get(kind)

    def cells_a(spec):
        lab, a, _b, kind = spec
        fill = fill_of(kind)
        bold = kind in ("total", "grand")
        if len(lab) == 2:
            cs = [_c(lab[0], align="c", width=TCOLW[0]), _c(lab[1], width=TCOLW[1])]
        else:
            cs = [_c(lab[0], span=2, align="c", bold=bold, fill=fill, width=sum(TCOLW))]
        for k, tx in enumerate(a):
            cs.append(_c(tx, align=ALIGN_A[k], wrap_=False, bold=bold, fill=fill, width=COLW_A[k]))
        return cs

    def cells_b(spec, register: bool):
        lab, _a, b, kind = spec
        fill = fill_of(kind)
        bold = kind in ("total", "grand")
        if len(lab) == 2:
            cs = [_c(lab[0], align="c", width=TCOLW[0]), _c(lab[1], width=TCOLW[1])]
        else:
            cs = [_c(lab[0], span=2, align="c", bold=bold, fill=fill, width=sum(TCOLW))]
        for k, tx in enumerate(b):
            units = None
            if register and WRAP_B[k] and tx:
                units = []
                for s in split_sentences(tx):
                    sid = T.sentence(s, cell=True)
                    units.extend((ch, sid) for ch in s)
            cs.append(_c(tx, align=ALIGN_B[k], wrap_=WRAP_B[k], bold=bold and not WRAP_B[k], fill=fill,
                         width=COLW_B[k], units=units))
        return cs

    heights = [max(_height(cells_a(s)), _height(cells_b(s, False))) for s in specs]

    # truth tables: one per printed column block, same caption, same rows
    def truth_rows(which):
        out = []
        for lab, a, b, _k in specs:
            first = list(lab) if len(lab) == 2 else [lab[0], ""]
            out.append([x.replace("\n", " ") for x in first + (a if which == "A" else b)])
        return out

    tid_a = T.table(C.TITLE, None, _flat(C.TITLE_COLS + C.GROUPS_A), truth_rows("A"))
    tid_b = T.table(C.TITLE, None, _flat(C.TITLE_COLS + C.GROUPS_B), truth_rows("B"))
    hdr_a = header_block(C.GROUPS_A, colw_a, tid_a)
    hdr_b = header_block(C.GROUPS_B, colw_b, tid_b)
    assert abs(hdr_a.h - hdr_b.h) < 0.01

    # ------------------------------------------------------------ notes rows (measured with the last page)
    def note_units(lines: list[str]) -> list[list]:
        """Register the ※ notes as sentences; return per cell line its units (indent spaces unregistered)."""
        out = []
        notes: list[list[str]] = []
        for ln in lines:
            if ln.startswith("※") or not notes:
                notes.append([ln])
            else:
                notes[-1].append(ln)
        for group in notes:
            stripped = [ln.lstrip("　") for ln in group]
            text = "".join(stripped)
            units = []
            for s in split_sentences(text):
                sid = T.sentence(s, note=True)
                units.extend((ch, sid) for ch in s)
            pos = 0
            for ln, st in zip(group, stripped, strict=True):
                ind = len(ln) - len(st)
                out.append([(ch, -1) for ch in ln[:ind]] + units[pos:pos + len(st)])
                pos += len(st)
        return out

    n_notes = max(len(C.NOTES_A), len(C.NOTES_B))
    notes_h = 8.0 + n_notes * NOTE_H

    # ------------------------------------------------------------ page split (rows never split)
    avail = BOTTOM - TOP - hdr_a.h
    k = 0
    used = 0.0
    nmun = len(C.ROWS)
    while k < len(specs) and used + heights[k] <= avail + 0.01:
        used += heights[k]
        k += 1
    rest = sum(heights[k:])
    if k >= len(specs) or rest + notes_h > avail + 0.01:
        raise AssertionError(f"shirakane-sheet: expected exactly two row bands (k={k}, rest={rest:.0f})")
    if k >= nmun:
        raise AssertionError("shirakane-sheet: all municipalities fit on the first page")
    bands = [(0, k), (k, len(specs))]

    def place_rows(pg, which, lo, hi):
        y = TOP
        hb = hdr_a if which == "A" else hdr_b
        doc.place(pg, hb, X0, y)
        y += hb.h
        tid = tid_a if which == "A" else tid_b
        colw = colw_a if which == "A" else colw_b
        for i in range(lo, hi):
            cs = cells_a(specs[i]) if which == "A" else cells_b(specs[i], True)
            doc.place(pg, cell_row(cs, colw, heights[i], tid=tid, row=i), X0, y)
            y += heights[i]
        return y

    for bi, (lo, hi) in enumerate(bands):
        last = bi == len(bands) - 1
        pa = new_page(C.SHEET1)
        y_end = place_rows(pa, "A", lo, hi)
        pb = new_page(C.SHEET1)
        place_rows(pb, "B", lo, hi)
        if last:
            # the notes rows: ※1–※4 typed in column C (first block), ※5–※7 in column M (second block)
            y = y_end + 8.0
            ua = note_units(C.NOTES_A)
            for ln in ua:
                cs = [_c(), _c(), _c("".join(u[0] for u in ln), span=len(COLW_A), size=NOTE_SIZE, units=ln,
                                     overflow=True, width=sum(COLW_A))]
                doc.place(pa, cell_row(cs, colw_a, NOTE_H, grid=False), X0, y)
                y += NOTE_H
            y = y_end + 8.0
            ub = note_units(C.NOTES_B)
            for ln in ub:
                cs = [_c(), _c(), _c("".join(u[0] for u in ln), span=len(COLW_B), size=NOTE_SIZE, units=ln,
                                     overflow=True, width=sum(COLW_B))]
                doc.place(pb, cell_row(cs, colw_b, NOTE_H, grid=False), X0, y)
                y += NOTE_H

    # ------------------------------------------------------------ sheet 2 「凡例・圏域別」
    p2 = new_page(C.SHEET2)
    y = TOP
    n2 = len(COLW2)

    def blank_cells():
        return [_c() for _ in range(n2)]

    def label(text, size=SIZE, **sent):
        units = []
        for s in split_sentences(text):
            sid = T.sentence(s, **sent)
            units.extend((ch, sid) for ch in s)
        return [_c(text, size=size, bold=True, units=units, overflow=True, width=1e6)] + [_c() for _ in range(n2 - 1)]

    def put(cells, h=None, grid=False, tid=None, row=None):
        nonlocal y
        hh = h if h is not None else _height(cells)
        doc.place(p2, cell_row(cells, COLW2, hh, grid=grid, tid=tid, row=row), X0, y)
        y += hh

    put(label(C.S2_TITLE, size=11, heading=True), h=20)
    put(blank_cells(), h=10)
    lid = T.table(C.LEGEND_LABEL, None, C.LEGEND_HEADER, C.LEGEND_ROWS)
    lab_row = label(C.LEGEND_LABEL, heading=True)
    put(lab_row, tid=lid)
    hdr = [_c(), _c(C.LEGEND_HEADER[0], align="c", bold=True, fill=HEAD_FILL, width=COLW2[1]),
           _c(C.LEGEND_HEADER[1], span=n2 - 2, align="c", bold=True, fill=HEAD_FILL, width=sum(COLW2[2:]))]
    put(hdr, grid=True, tid=lid)
    for i, (mark, meaning) in enumerate(C.LEGEND_ROWS):
        units = []
        for s in split_sentences(meaning):
            sid = T.sentence(s, cell=True)
            units.extend((ch, sid) for ch in s)
        cs = [_c(), _c(mark, align="c", width=COLW2[1]),
              _c(meaning, span=n2 - 2, wrap_=True, units=units, width=sum(COLW2[2:]))]
        put(cs, grid=True, tid=lid, row=i)
    put(blank_cells(), h=14)
    sid_ = T.table(C.SUMMARY_CAPTION, None, [hx.replace("\n", "") for hx in C.SUMMARY_HEADER], C.SUMMARY_ROWS)
    put(label(C.SUMMARY_CAPTION, heading=True, caption=True), tid=sid_)
    hdr = [_c()] + [_c(hx, align="c", bold=True, wrap_=True, fill=HEAD_FILL, width=COLW2[k + 1], size=HSIZE)
                    for k, hx in enumerate(C.SUMMARY_HEADER)]
    put(hdr, grid=True, tid=sid_)
    for i, r in enumerate(C.SUMMARY_ROWS):
        last = i == len(C.SUMMARY_ROWS) - 1
        fill = SUM_FILL if last else None
        cs = [_c()] + [_c(r[0], align="c" if last else "l", bold=last, fill=fill, width=COLW2[1])] + \
             [_c(v, align="r", bold=last, fill=fill, width=COLW2[k + 2]) for k, v in enumerate(r[1:])]
        put(cs, grid=True, tid=sid_, row=i)
    put(blank_cells(), h=4)
    for nt in C.SUMMARY_NOTES:
        units = []
        for s in split_sentences(nt):
            sid = T.sentence(s, note=True)
            units.extend((ch, sid) for ch in s)
        put([_c(), _c(nt, size=NOTE_SIZE, units=units, overflow=True, width=1e6)] + [_c() for _ in range(n2 - 2)],
            h=NOTE_H)
    put(blank_cells(), h=14)
    units = []
    for s in split_sentences(C.CONTACT):
        sid = T.sentence(s)
        units.extend((ch, sid) for ch in s)
    put([_c(), _c(C.CONTACT, units=units, overflow=True, width=1e6)] + [_c() for _ in range(n2 - 2)])

    N = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = f"{C.BOOK} - {sheet_of[pg.info['index']]}　{pg.info['printed']} / {N} ページ"
    return doc
