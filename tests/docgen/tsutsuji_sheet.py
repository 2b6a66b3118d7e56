"""tsutsuji-sheet.pdf: an Excel workbook PRINTOUT, A4 landscape (fictional つつじ県).

Layout traps: printed the way Excel prints a sheet with 「枠線」 on — thin gridlines around EVERY cell of the
used range, including the empty cells next to the title; the title in A1 is one unmerged cell whose text
overflows into the empty cells to its right (no gridlines under the overflowing text), the source line is
right-aligned in the last column of row 2. Sheet 「取組状況」: one list over 25 municipalities with a TWO-LEVEL
header (merged 「居住支援協議会」 over 設置状況 / 設立年月 / 事務局, 「相談窓口」 over 設置 / 開設日時, 「相談件数（件）」
over 令和5年度 / 令和6年度; No., 圏域, 市町村名, 居住支援法人数 (wrapped) and 備考 span both header rows); the two
header rows are the sheet's print titles and are repeated at the top of every page, the title rows only on the
first; Excel never splits a row across pages; cells hold ○ / △ / － (△ means different things in the two mark
columns, explained only on the other sheet), numbers right-aligned, 事務局 / 開設日時 / 備考 wrap inside their cell
(備考 over two or three lines; registered as sentences with the flag `cell`) and — as in Excel by default — every
cell is BOTTOM-aligned, so the short cells of a row sit on the line of the last 備考 line; a shaded 合計 row
(label merged over No.–市町村名, 「○12 △4」 wrapped in a narrow column). Sheet 「凡例・注記」 (the last page):
free text in cells — a title, 【凡例】 as a small bordered table (記号｜居住支援協議会の欄｜相談窓口の欄) whose meaning
cells are registered as sentences (flag `cell`), 【注記】 with 注1–注5 in column A and each note line as ONE
unwrapped cell in column B overflowing across the gridlines of the empty cells to its right (notes 4 and 5 use
two rows; flag `note`), the caption and a bordered summary table 圏域別 集計 (圏域｜市町村数｜協議会設置数｜設置率（％）,
合計 row), two ※ lines, and a contact line split over two cells. Page header 「つつじ県 住宅課」 at the right on
every page; footer 「Sheet: <sheet name>」 at the left and 「n / N」 (numbered through the whole workbook) at the
right, on one line. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_tsutsuji_sheet as C
from .engine import BLACK, Block, Doc, Flow, G, Style, baseline_of, frags_of, split_sentences, sw, wrap

W, H = landscape(A4)
X0, X1, TOP, BOTTOM = 30.0, W - 30.0, 40.0, H - 38.0
WIDTH = X1 - X0
GRID = (0.55, 0.55, 0.55)
BORDER = (0.15, 0.15, 0.15)
HEAD_FILL = (0.87, 0.92, 0.85)
SUM_FILL = (0.95, 0.95, 0.90)
GRAY = (0.3, 0.3, 0.3)

SIZE, LEAD, HPAD, VPAD = 9.6, 13.6, 2.6, 3.4
MIN_H = 20.0
CELL = Style(size=SIZE, leading=LEAD)
HCELL = Style(size=8.8, leading=11.4, bold=True)

# sheet 1 columns: No., 圏域, 市町村名, 設置状況, 設立年月, 事務局, 設置, 開設日時, 令和5年度, 令和6年度, 法人数, 備考
COLW1 = [24.0, 32.0, 66.0, 38.0, 84.0, 92.0, 26.0, 98.0, 46.0, 46.0, 40.0]
COLW1 = COLW1 + [WIDTH - sum(COLW1)]
ALIGN1 = ["c", "c", "l", "c", "l", "l", "c", "l", "r", "r", "r", "l"]
WRAP1 = [False, False, False, False, False, True, False, True, False, False, False, True]
# sheet 2 columns A–H
COLW2 = [40.0, 120.0, 120.0, 90.0, 90.0, 90.0, 90.0]
COLW2 = COLW2 + [WIDTH - sum(COLW2)]


def _cell(text="", span=1, align="l", wrap_=False, bold=False, size=SIZE, sent=None, overflow=False):
    return {"text": text, "span": span, "align": align, "wrap": wrap_, "bold": bold, "size": size,
            "sent": sent, "overflow": overflow}


def sheet_row(T, colw: list[float], cells: list[dict], *, min_h: float = MIN_H, fill=None, grid=GRID,
              border: bool = False, tid: int | None = None, row: int | None = None, valign: str = "bottom",
              fills: dict | None = None) -> Block:
    """One spreadsheet row. cells cover the columns left to right (span = merged columns)."""
    laid = []
    frags = []
    j = 0
    for c in cells:
        x_off = sum(colw[:j])
        cwid = sum(colw[j:j + c["span"]])
        st = Style(size=c["size"], leading=max(LEAD, c["size"] * 1.32), bold=c["bold"])
        if c["sent"] is not None and c["text"]:
            units = []
            for s in split_sentences(c["text"]):
                sid = T.sentence(s, **c["sent"])
                units.extend((ch, sid) for ch in s)
        else:
            units = [(ch, -1) for ch in c["text"]]
        if not units:
            lines = []
        elif "\n" in c["text"]:  # a line break typed into the cell (Alt+Enter)
            lines = []
            for part in c["text"].split("\n"):
                pu = [(ch, -1) for ch in part]
                lines.extend(wrap(pu, cwid - 2 * HPAD, st, hang_punct=False) if c["wrap"] else [pu])
        elif c["wrap"]:
            lines = wrap(units, cwid - 2 * HPAD, st, hang_punct=False)
        else:
            lines = [units]
            tw = sw(c["text"], G, c["size"])
            if not c["overflow"] and tw > cwid - 2 * HPAD + 0.5:
                raise AssertionError(f"tsutsuji-sheet: cell text does not fit ({tw:.0f} > {cwid:.0f}): {c['text']}")
        for ln in lines:
            frags.extend(frags_of(ln))
        texts = ["".join(u[0] for u in ln) for ln in lines]
        ext = max((sw(t, G, c["size"]) for t in texts), default=0.0) + 2 * HPAD
        laid.append((texts, x_off, cwid, c, st, ext))
        j += c["span"]
    if j != len(colw):
        raise AssertionError(f"tsutsuji-sheet: row covers {j} of {len(colw)} columns")
    h = max([min_h] + [len(t) * st.leading + 2 * VPAD for t, _, _, _, st, _ in laid])
    # vertical gridlines: every column boundary, except inside merged cells and under overflowing text
    bounds = [sum(colw[:k]) for k in range(len(colw) + 1)]
    hidden = set()
    for _texts, x_off, cwid, c, _st, ext in laid:
        for b in bounds:
            if x_off < b < x_off + cwid - 0.01:
                hidden.add(round(b, 3))
            if c["overflow"] and c["text"] and x_off + cwid - 0.01 <= b < x_off + ext:
                hidden.add(round(b, 3))

    def draw(P, x, y):
        total = bounds[-1]
        if fill:
            P.rect(x, y, total, h, stroke=None, fill=fill)
        for _texts, x_off, cwid, c, _st, _ext in laid:
            if fills and id(c) in fills:
                P.rect(x + x_off, y, cwid, h, stroke=None, fill=fills[id(c)])
        lw = 0.7 if border else 0.45
        col = BORDER if border else grid
        P.line(x, y, x + total, y, lw, col)
        P.line(x, y + h, x + total, y + h, lw, col)
        for b in bounds:
            if round(b, 3) not in hidden:
                P.line(x + b, y, x + b, y + h, lw, col)
        for texts, x_off, cwid, c, st, _ext in laid:
            n = len(texts)
            if valign == "bottom":
                y0 = y + h - VPAD - n * st.leading
            else:
                y0 = y + (h - n * st.leading) / 2
            for k, t in enumerate(texts):
                bl = baseline_of(y0 + k * st.leading, st)
                a = c["align"]
                if a == "c":
                    P.text(x + x_off + cwid / 2, bl, t, G, c["size"], BLACK, c["bold"], "center")
                elif a == "r":
                    P.text(x + x_off + cwid - HPAD, bl, t, G, c["size"], BLACK, c["bold"], "right")
                else:
                    P.text(x + x_off + HPAD, bl, t, G, c["size"], BLACK, c["bold"])

    return Block(h=h, draw=draw, frags=frags, table=tid, row=row)


def build() -> Doc:
    doc = Doc("tsutsuji-sheet.pdf", (W, H), C.TITLE,
              "A4 landscape Excel printout with gridlines, a two-level header repeated as print titles and a notes sheet",
              meta_title=None)
    T = doc.truth
    sheet_of: dict[int, str] = {}
    current = {"sheet": C.SHEET1}

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X1, 24, C.PAGE_HEADER, G, 8.6, BLACK, align="right")
        fy = H - 20
        P.text(X0, fy, "Sheet: " + sheet_of[info["index"]], G, 8.4, BLACK)
        P.text(X1, fy, info["footer"].split("　")[-1], G, 8.4, BLACK, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        pg = doc.new_page(printed=str(n), header=C.PAGE_HEADER, footer="?", decor=decor)
        sheet_of[pg] = current["sheet"]
        return pg

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    ncol = len(COLW1)

    # ------------------------------------------------------------ sheet 1: title rows (not repeated)
    rows_drawn = [[str(i + 1)] + r for i, r in enumerate(C.ROWS)]
    rows_truth = [[x.replace("\n", " ") for x in r] for r in rows_drawn]
    t = C.TOTAL
    rows_truth.append([x.replace("\n", " ") for x in [t[0], "", "", t[1], "", "", t[2], "", t[3], t[4], t[5], t[6]]])
    tid = T.table(C.TITLE, None, C.HEADER, rows_truth)
    title = sheet_row(T, COLW1, [_cell(C.TITLE, bold=True, size=13, sent={"heading": True, "caption": True},
                                       overflow=True)] + [_cell() for _ in range(ncol - 1)], min_h=22,
                      valign="center")
    title.table = tid
    flow.add(title)
    flow.add(sheet_row(T, COLW1, [_cell() for _ in range(ncol - 1)] + [_cell(C.SOURCE, align="r", sent={})]))
    flow.add(sheet_row(T, COLW1, [_cell() for _ in range(ncol)], min_h=10))

    # ------------------------------------------------------------ the two-level header (print titles)
    def header_block() -> Block:
        h1 = HCELL.leading + 4.0
        h2 = HCELL.leading + 4.0
        h = h1 + h2

        def draw(P, x, y):
            P.rect(x, y, WIDTH, h, stroke=None, fill=HEAD_FILL)
            P.line(x, y, x + WIDTH, y, 0.7, BORDER)
            P.line(x, y + h, x + WIDTH, y + h, 0.7, BORDER)
            xx = x
            j = 0
            for group, leaves in C.HEADER_GROUPS:
                gw = sum(COLW1[j:j + len(leaves)])
                P.line(xx, y, xx, y + h, 0.7, BORDER)
                if group is None:
                    lines = ["".join(u[0] for u in ln)
                             for ln in wrap([(ch, -1) for ch in leaves[0]], gw - 2 * HPAD, HCELL, hang_punct=False)]
                    y0 = y + (h - len(lines) * HCELL.leading) / 2
                    for k, tx in enumerate(lines):
                        P.text(xx + gw / 2, baseline_of(y0 + k * HCELL.leading, HCELL), tx, G, HCELL.size, BLACK,
                               True, "center")
                else:
                    P.text(xx + gw / 2, baseline_of(y + 2.0, HCELL), group, G, HCELL.size, BLACK, True, "center")
                    P.line(xx, y + h1, xx + gw, y + h1, 0.7, BORDER)
                    lx = xx
                    for k, leaf in enumerate(leaves):
                        if k:
                            P.line(lx, y + h1, lx, y + h, 0.7, BORDER)
                        cw_ = COLW1[j + k]
                        P.text(lx + cw_ / 2, baseline_of(y + h1 + 2.0, HCELL), leaf, G, HCELL.size, BLACK, True,
                               "center")
                        lx += cw_
                xx += gw
                j += len(leaves)
            P.line(xx, y, xx, y + h, 0.7, BORDER)

        return Block(h=h, draw=draw, keep_next=True, table=tid)

    flow.add(header_block())
    for i, r in enumerate(rows_drawn):
        cells = []
        for k, tx in enumerate(r):
            sent = {"cell": True} if k == ncol - 1 else None
            cells.append(_cell(tx, align=ALIGN1[k], wrap_=WRAP1[k], sent=sent))
        flow.add(sheet_row(T, COLW1, cells, border=True, tid=tid, row=i))
        if i == 0:
            flow.flush()
            flow.repeat = header_block
    tot = [_cell(t[0], span=3, align="c", bold=True), _cell(t[1], align="c", wrap_=True, bold=True),
           _cell(), _cell(), _cell(t[2], align="c", wrap_=True, bold=True), _cell(),
           _cell(t[3], align="r", bold=True), _cell(t[4], align="r", bold=True), _cell(t[5], align="r", bold=True),
           _cell(t[6], wrap_=True, sent={"cell": True})]
    flow.add(sheet_row(T, COLW1, tot, border=True, fill=SUM_FILL, tid=tid, row=len(C.ROWS)))
    flow.flush()
    flow.repeat = None

    # ------------------------------------------------------------ sheet 2 「凡例・注記」
    flow.page_break()
    current["sheet"] = C.SHEET2
    n2 = len(COLW2)

    def blank(min_h=MIN_H):
        return sheet_row(T, COLW2, [_cell() for _ in range(n2)], min_h=min_h)

    def label_row(text, size=SIZE, heading=True, caption=False, min_h=MIN_H):
        sent = {"heading": True} if heading else {}
        if caption:
            sent["caption"] = True
        return sheet_row(T, COLW2, [_cell(text, bold=True, size=size, sent=sent, overflow=True)]
                         + [_cell() for _ in range(n2 - 1)], min_h=min_h, valign="center")

    flow.add(label_row(C.S2_TITLE, size=12, min_h=21))
    flow.add(blank())
    lid = T.table(C.LEGEND_LABEL, None, C.LEGEND_HEADER, C.LEGEND_ROWS)
    lab = label_row(C.LEGEND_LABEL)
    lab.table = lid
    flow.add(lab)
    hdr = [_cell(C.LEGEND_HEADER[0], align="c", bold=True), _cell(C.LEGEND_HEADER[1], span=2, align="c", bold=True),
           _cell(C.LEGEND_HEADER[2], span=3, align="c", bold=True), _cell(), _cell()]
    fills = {id(c): HEAD_FILL for c in hdr[:3]}
    b = sheet_row(T, COLW2, hdr, fills=fills, tid=lid)
    flow.add(b)
    for i, (mark, a, c) in enumerate(C.LEGEND_ROWS):
        flow.add(sheet_row(T, COLW2, [_cell(mark, align="c"), _cell(a, span=2, sent={"cell": True}),
                                      _cell(c, span=3, sent={"cell": True}), _cell(), _cell()], tid=lid, row=i))
    flow.add(blank())
    flow.add(label_row(C.NOTES_LABEL))
    for label, lines in C.NOTES:
        for k, ln in enumerate(lines):
            flow.add(sheet_row(T, COLW2, [_cell(label if k == 0 else "", align="c"),
                                          _cell(ln, sent={"note": True}, overflow=True)]
                               + [_cell() for _ in range(n2 - 2)]))
    flow.add(blank())
    sid_ = T.table(C.SUMMARY_CAPTION, None, C.SUMMARY_HEADER, C.SUMMARY_ROWS)
    cap = label_row(C.SUMMARY_CAPTION, heading=False, caption=True)
    cap.table = sid_
    flow.add(cap)
    hdr = [_cell()] + [_cell(hx, align="c", bold=True) for hx in C.SUMMARY_HEADER] + [_cell() for _ in range(n2 - 5)]
    fills = {id(c): HEAD_FILL for c in hdr[1:5]}
    flow.add(sheet_row(T, COLW2, hdr, fills=fills, tid=sid_))
    for i, r in enumerate(C.SUMMARY_ROWS):
        last = i == len(C.SUMMARY_ROWS) - 1
        cells = [_cell()] + [_cell(r[0], align="c" if last else "l", bold=last)] + \
                [_cell(v, align="r", bold=last) for v in r[1:]] + [_cell() for _ in range(n2 - 5)]
        fl = {id(c): SUM_FILL for c in cells[1:5]} if last else None
        flow.add(sheet_row(T, COLW2, cells, tid=sid_, row=i, fills=fl))
    for nt in C.SUMMARY_NOTES:
        flow.add(sheet_row(T, COLW2, [_cell(), _cell(nt, sent={"note": True}, overflow=True)]
                           + [_cell() for _ in range(n2 - 2)]))
    flow.add(blank())
    flow.add(sheet_row(T, COLW2, [_cell(), _cell(C.CONTACT[0], sent={}, overflow=True), _cell(),
                                  _cell(C.CONTACT[1], sent={}, overflow=True)] + [_cell() for _ in range(n2 - 4)]))
    flow.finish()
    N = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = f"Sheet: {sheet_of[pg.info['index']]}　{pg.info['printed']} / {N}"
    return doc
