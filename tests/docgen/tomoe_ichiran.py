"""tomoe-ichiran.pdf: a municipal status list (一覧表), A4 LANDSCAPE, several pages (fictional ともえ県).

Layout traps: one big ruled table over 20 municipalities with a TWO-LEVEL header (merged 「居住支援協議会」 over
設置状況 / 設置年月 / 事務局 and 「相談窓口」 over 窓口名 / 電話; the other header cells span both header rows,
and 居住支援法人数 / 協力不動産店数 wrap inside them); the header (both rows) is repeated on every page; cells
hold ○ / − / 予定 marks, dates such as 令和8年10月（予定）, phone numbers and counts; 窓口名 and 備考 cells wrap
over two or three lines (備考 cells are registered as sentences with the flag `cell`, so their wrapped lines
are checked); three summary rows at the end (市計 / 町村計 / 合計) whose label spans the No. and 市町村名
columns and whose 設置状況 summary spans the three 協議会 columns; title, issuer, date, a two-paragraph
introduction, the 凡例 line and a caption above the table on page 1; ※1–※5 notes and a contact line after
the table; running header (the table title, right-aligned, with a rule) from page 2 only; centred footer
「n / N」 on every page; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_tomoe_ichiran as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    Style,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    unit_blocks,
    wrap,
)

W, H = landscape(A4)
X0, X1, TOP, BOTTOM = 36.0, W - 36.0, 46.0, H - 40.0
NAVY = (0.12, 0.24, 0.42)
HEAD_FILL = (0.86, 0.9, 0.95)
SUM_FILL = (0.95, 0.95, 0.93)
RULE = (0.3, 0.3, 0.3)
GRAY = (0.35, 0.35, 0.35)
COLW = [26.0, 62.0, 44.0, 78.0, 66.0, 124.0, 80.0, 48.0, 46.0, 46.0]  # 備考 takes the rest
ALIGN = ["c", "l", "c", "c", "l", "l", "c", "r", "r", "r", "l"]
SIZE, LEAD, PAD = 9.6, 14.4, 5.6
CELL = Style(size=SIZE, leading=LEAD)
HCELL = Style(size=8.6, leading=11.6, bold=True)


def _colw() -> list[float]:
    return COLW + [X1 - X0 - sum(COLW)]


def build() -> Doc:
    doc = Doc("tomoe-ichiran.pdf", (W, H), C.TITLE, "A4 landscape multi-page list table with a two-level header",
              meta_title=None)
    T = doc.truth
    width = X1 - X0
    colw = _colw()

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 30, info["header"], G, 8.6, GRAY, align="right")
            P.line(X0, 35, X1, 35, 0.5, GRAY)
        P.text(W / 2, H - 20, info["footer"], G, 9, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.TITLE if n > 1 else None, footer=f"{n} / ?", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow.add_all(line_blocks(T, [C.TITLE], width, Style(size=15.5, leading=24, bold=True, color=NAVY,
                                                        align="center"), heading=True))
    flow.add_all(line_blocks(T, [C.DATE], width, Style(size=9.4, leading=14, align="right", sb=2)))
    flow.add_all(line_blocks(T, [C.ISSUER], width, Style(size=9.4, leading=14, align="right", sa=4)))
    for para in C.INTRO:
        flow.add_all(line_blocks(T, split_sentences(para), width, Style(size=9.6, leading=15.2, indent=9.6)))
    flow.add_all(line_blocks(T, [C.LEGEND], width, Style(size=9.2, leading=15, sb=6, sa=2)))

    rows_truth = [[str(i + 1)] + r for i, r in enumerate(C.ROWS)]
    rows_truth += [[t[0], "", t[1], "", "", "", "", t[2], t[3], t[4], t[5]] for t in C.TOTALS]
    cap_st = Style(size=10, leading=16, bold=True, sb=4, keep_next=True)
    capsid = T.sentence(C.CAPTION, caption=True)
    tid = T.table(C.CAPTION, None, C.HEADER, rows_truth)
    for b in unit_blocks([(ch, capsid) for ch in C.CAPTION], width, cap_st):
        b.table = tid
        flow.add(b)

    def header_block() -> Block:
        h1 = HCELL.leading + 2 * 3.0
        h2 = HCELL.leading + 2 * 3.0
        h = h1 + h2

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=HEAD_FILL)
            P.line(x, y, x + width, y, 0.9, RULE)
            P.line(x, y + h, x + width, y + h, 0.9, RULE)
            xx = x
            j = 0
            for group, leaves in C.HEADER_GROUPS:
                gw = sum(colw[j:j + len(leaves)])
                P.line(xx, y, xx, y + h, 0.6, RULE)
                if group is None:
                    lines = ["".join(u[0] for u in ln)
                             for ln in wrap([(ch, -1) for ch in leaves[0]], gw - 2 * PAD, HCELL, hang_punct=False)]
                    y0 = y + (h - len(lines) * HCELL.leading) / 2
                    for k, t in enumerate(lines):
                        P.text(xx + gw / 2, baseline_of(y0 + k * HCELL.leading, HCELL), t, G, HCELL.size, BLACK,
                               True, "center")
                else:
                    P.text(xx + gw / 2, baseline_of(y + 3.0, HCELL), group, G, HCELL.size, BLACK, True, "center")
                    P.line(xx, y + h1, xx + gw, y + h1, 0.6, RULE)
                    lx = xx
                    for k, leaf in enumerate(leaves):
                        if k:
                            P.line(lx, y + h1, lx, y + h, 0.6, RULE)
                        cw_ = colw[j + k]
                        P.text(lx + cw_ / 2, baseline_of(y + h1 + 3.0, HCELL), leaf, G, HCELL.size, BLACK, True,
                               "center")
                        lx += cw_
                xx += gw
                j += len(leaves)
            P.line(xx, y, xx, y + h, 0.6, RULE)

        return Block(h=h, draw=draw, keep_next=True, table=tid)

    def row_block(i: int, cells: list[tuple[str, int, str]], fill=None, flag_last: bool = False) -> Block:
        """cells: (text, span, align); the last cell (備考) is registered as sentences."""
        wrapped = []
        frags = []
        j = 0
        for k, (text, span, al) in enumerate(cells):
            cwid = sum(colw[j:j + span])
            if k == len(cells) - 1 and flag_last and text and text != "−":
                units = []
                for s in split_sentences(text):
                    sid = T.sentence(s, cell=True)
                    units.extend((ch, sid) for ch in s)
            else:
                units = [(ch, -1) for ch in text]
            lines = wrap(units, cwid - 2 * PAD, CELL, hang_punct=False) if units else []
            for ln in lines:
                frags.extend(frags_of(ln))
            wrapped.append((["".join(u[0] for u in ln) for ln in lines], cwid, al))
            j += span
        nl = max(1, max(len(w[0]) for w in wrapped))
        h = nl * LEAD + 2 * PAD

        def draw(P, x, y):
            if fill:
                P.rect(x, y, width, h, stroke=None, fill=fill)
            P.line(x, y + h, x + width, y + h, 0.6, RULE)
            xx = x
            for lines, cwid, al in wrapped:
                P.line(xx, y, xx, y + h, 0.6, RULE)
                y0 = y + PAD + (nl - len(lines)) * LEAD / 2 if al != "l" else y + PAD
                for k, t in enumerate(lines):
                    bl = baseline_of(y0 + k * LEAD, CELL)
                    if al == "c":
                        P.text(xx + cwid / 2, bl, t, G, SIZE, BLACK, fill is not None, "center")
                    elif al == "r":
                        P.text(xx + cwid - PAD - 2, bl, t, G, SIZE, BLACK, fill is not None, "right")
                    else:
                        P.text(xx + PAD, bl, t, G, SIZE, BLACK, fill is not None)
                xx += cwid
            P.line(xx, y, xx, y + h, 0.6, RULE)

        return Block(h=h, draw=draw, frags=frags, table=tid, row=i)

    flow.add(header_block())
    for i, r in enumerate(rows_truth[:len(C.ROWS)]):
        flow.add(row_block(i, [(t, 1, ALIGN[k]) for k, t in enumerate(r)], flag_last=True))
        if i == 0:
            flow.flush()
            flow.repeat = header_block
    n0 = len(C.ROWS)
    for k, (label, mark, nc, nh, nf, note) in enumerate(C.TOTALS):
        cells = [(label, 2, "c"), (mark, 3, "c"), ("", 2, "c"), (nc, 1, "r"), (nh, 1, "r"), (nf, 1, "r"),
                 (note, 1, "l")]
        flow.add(row_block(n0 + k, cells, fill=SUM_FILL))
    flow.flush()
    flow.repeat = None
    nst = Style(size=8.6, leading=13, hang=26, sb=2, color=(0.2, 0.2, 0.2))
    flow.vspace(4)
    for t in C.NOTES:
        flow.add_all(line_blocks(T, split_sentences(t), width, nst, extra={"note": True}))
    flow.add_all(line_blocks(T, [C.CONTACT], width, Style(size=9.2, leading=15, align="right", sb=10)))
    flow.finish()
    N = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = f"{pg.info['printed']} / {N}"
    return doc
