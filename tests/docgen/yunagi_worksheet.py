"""yunagi-worksheet.pdf: 「市町村居住支援協議会 設立準備ワークシート（令和8年度版）」, A4 LANDSCAPE (fictional ゆうなぎ県).

A hand-out of the ゆうなぎ県 住まい政策課 for municipalities that have not yet set up a council (5 pp.).

Layout traps: no cover and no /Title; page 1 opens with a navy title band, the issuer line, a framed
「このワークシートについて」 box beside a 「基本情報」 box of FILL-IN lines (「市町村名　記入欄：」 followed by an empty
underline), and a flow of five STEP boxes SIDE BY SIDE joined by arrows (a heading bar 「STEP1」 + name, wrapped text
inside each narrow box, the timing 「目安：4月～7月」 under each box), so pdfplumber reads across the five boxes line by
line and the boxes' sentences come out only in pieces; page 2 is a GANTT chart 設立スケジュール例 (task rows × month
columns 4月…3月; bars drawn as shaded cells spanning months with a short label inside the first cell, marks ●▲◆★
printed in the cell of their month, no dates in the cells: the month is only the column) with a legend line, ※1–※4
notes and a fill-in line; page 3 has four CHECKLIST boxes in a 2×2 grid (a coloured bar 「段階1　準備期（4月～6月）」 …
and items with a drawn □; two items of 段階1 are pre-ticked by the prefecture with a ✓ inside the box; the box is a
drawing, not part of the item text); page 4 is a 役割分担表 (organisations × tasks, cells ◎ / ○ / △ or empty, wrapped
header cells, legend 「◎主担当　○協力　△情報提供」 above it, ※1–※3 notes) and a fill-in box; page 5 has a ruled
table of the prefecture's support menus (wrapped cells in every column), a fill-in box 「わがまちの設立目標」 and a
相談窓口 box with four desks and five numbers (0953-555-2314 / FAX 2390 / 2471 / 6102, 0120-558-417).  Running header
(the worksheet's name, small, top left) from page 2; footer 「ワークシート ｐ.n」 at the bottom right of every page
(printed label n).  Truth: Gantt and 役割分担表 are tables (a Gantt row holds each label in the cell of its first
month), checklist items flag `item` (pre-ticked ones also `checked`), box texts flag `box`, fill-in lines flag
`field`.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_yunagi_worksheet as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    TableSpec,
    baseline_of,
    place_text,
    split_sentences,
    sw,
    table_parts,
    text_height,
)

W, H = landscape(A4)
X0, X1 = 36.0, W - 36.0
TW = X1 - X0
NAVY = (0.12, 0.25, 0.45)
TEAL = (0.1, 0.5, 0.5)
PALE = (0.92, 0.95, 0.98)
BARC = (0.62, 0.78, 0.9)
GRAY = (0.4, 0.4, 0.4)
LINE = (0.55, 0.55, 0.55)
WHITE = (1, 1, 1)
STAGE_COLORS = [(0.2, 0.45, 0.65), (0.15, 0.5, 0.42), (0.55, 0.42, 0.15), (0.6, 0.25, 0.3)]

TXT = Style(font=G, size=9.8, leading=16)
SMALL = Style(font=G, size=8.8, leading=13.6, color=(0.15, 0.15, 0.15))


def _heading(doc: Doc, pg: int, y: float, text: str, size: float = 13.0) -> float:
    st = Style(font=G, size=size, leading=size + 9, bold=True, color=NAVY)
    doc.op(pg, lambda P: (P.rect(X0, y + 3, 5, st.leading - 6, stroke=None, fill=NAVY),
                          P.line(X0, y + st.leading + 1, X1, y + st.leading + 1, 0.7, NAVY)))
    place_text(doc, pg, X0 + 12, y, TW - 12, [text], st, heading=True)
    return y + st.leading + 8


def _frame(doc: Doc, pg: int, x: float, y: float, w: float, h: float, title: str | None, color=NAVY,
           fill=None) -> float:
    """A framed box with a coloured title tab; returns the y where its content starts."""
    tst = Style(font=G, size=10.4, leading=17, bold=True, color=WHITE)
    doc.op(pg, lambda P: P.rect(x, y, w, h, stroke=color, fill=fill, width=1.0, radius=3))
    if not title:
        return y + 8
    tw = sw(title, G, tst.size) + 20
    doc.op(pg, lambda P: P.rect(x, y, tw, tst.leading + 2, stroke=None, fill=color, radius=3))
    place_text(doc, pg, x + 10, y + 1, tw, [title], tst, heading=True, extra={"box": True})
    return y + tst.leading + 10


def _fill_lines(doc: Doc, pg: int, x: float, y: float, w: float, labels: list[str], gap: float = 27.0) -> float:
    st = Style(font=G, size=9.8, leading=16)
    for lab in labels:
        text = f"{lab}　記入欄："
        place_text(doc, pg, x, y, w, [text], st, extra={"field": True})
        x0 = x + sw(text, G, st.size) + 4
        doc.op(pg, lambda P, x0=x0, yy=y + 15: P.line(x0, yy, x + w, yy, 0.6, BLACK))
        y += gap
    return y


def _arrow(P, x, y, w, h, color=NAVY):
    P.poly([(x, y + h * 0.3), (x + w * 0.55, y + h * 0.3), (x + w * 0.55, y), (x + w, y + h / 2),
            (x + w * 0.55, y + h), (x + w * 0.55, y + h * 0.7), (x, y + h * 0.7)], fill=color)


def build() -> Doc:
    doc = Doc("yunagi-worksheet.pdf", (W, H), C.TITLE,
              "A4 landscape worksheet: STEP boxes side by side with arrows, Gantt schedule, 2x2 checklists, "
              "role matrix with ◎○△, fill-in lines, support-menu table, contact box",
              meta_title=None)

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 24, info["header"], G, 8.0, GRAY)
        P.text(X1, H - 20, info["footer"], G, 9.0, BLACK, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN_HEADER if doc.pages else None,
                            footer=f"ワークシート ｐ.{n}", decor=decor)

    _page1(doc, new_page())
    _page2(doc, new_page())
    _page3(doc, new_page())
    _page4(doc, new_page())
    _page5(doc, new_page())
    return doc


# ------------------------------------------------------------------ page 1: about, basic data, STEP flow
def _page1(doc: Doc, pg: int) -> None:
    doc.op(pg, lambda P: (P.rect(X0, 26, TW, 46, stroke=None, fill=NAVY),
                          P.rect(X0, 72, TW, 3, stroke=None, fill=TEAL)))
    tst = Style(font=G, size=20, leading=30, bold=True, color=WHITE)
    place_text(doc, pg, X0 + 16, 34, 560, [C.P1_TITLE], tst, heading=True)
    tx = X0 + 16 + sw(C.P1_TITLE, G, 20) + 8
    place_text(doc, pg, tx, 41, 140, [C.P1_SUB], Style(font=G, size=12.5, leading=20, color=WHITE), heading=True)
    place_text(doc, pg, X0, 80, TW, [C.P1_ISSUER], Style(font=G, size=9.6, leading=15, align="right"))

    # about box (left) and basic data (right)
    top = 104.0
    lw = 478.0
    bst = Style(font=G, size=9.8, leading=16.2, indent=9.8)
    h_about = 10 + 19 + sum(text_height(split_sentences(p), lw - 24, bst) + 3 for p in C.ABOUT) + 8
    h_basic = 29 + 27 * len(C.BASIC) + 4
    h = max(h_about, h_basic)
    y = _frame(doc, pg, X0, top, lw, h, C.ABOUT_TITLE, fill=PALE)
    for p in C.ABOUT:
        y += place_text(doc, pg, X0 + 12, y, lw - 24, split_sentences(p), bst, extra={"box": True}) + 3
    rx = X0 + lw + 16
    rw = X1 - rx
    y = _frame(doc, pg, rx, top, rw, h, C.BASIC_TITLE, color=TEAL)
    _fill_lines(doc, pg, rx + 12, y + 2, rw - 24, C.BASIC)

    # STEP flow
    y = _heading(doc, pg, top + h + 16, C.STEP_HEAD)
    n = len(C.STEPS)
    aw = 24.0
    bw = (TW - aw * (n - 1)) / n
    body = Style(font=G, size=9.6, leading=15.4)
    hdr_h = 40.0
    body_h = max(text_height(split_sentences(t), bw - 16, body) for _s, _n, t, _m in C.STEPS)
    bh = hdr_h + body_h + 14
    sup_st = Style(font=G, size=9.0, leading=14, align="center")
    sup_h = 22 + max(text_height([t], bw - 24, sup_st) for t in C.STEP_SUPPORT)
    for i, (step, name, text, when) in enumerate(C.STEPS):
        x = X0 + i * (bw + aw)
        shade = tuple(min(1.0, c + 0.08 * i) for c in NAVY)
        doc.op(pg, lambda P, x=x, y=y, shade=shade: (P.rect(x, y, bw, bh, stroke=shade, fill=WHITE, width=1.2,
                                                            radius=4),
                                                     P.rect(x, y, bw, hdr_h, stroke=None, fill=shade, radius=4)))
        place_text(doc, pg, x, y + 3, bw, [step], Style(font=G, size=9.2, leading=14, color=WHITE, align="center"),
                   heading=True, extra={"box": True})
        place_text(doc, pg, x, y + 18, bw, [name], Style(font=G, size=11.2, leading=18, bold=True, color=WHITE,
                                                          align="center"), heading=True, extra={"box": True})
        place_text(doc, pg, x + 8, y + hdr_h + 7, bw - 16, split_sentences(text), body, extra={"box": True})
        place_text(doc, pg, x, y + bh + 5, bw, [when], Style(font=G, size=9.4, leading=15, bold=True, color=NAVY,
                                                             align="center"))
        if i < n - 1:
            doc.op(pg, lambda P, ax=x + bw + 4, ay=y + bh / 2 - 10: _arrow(P, ax, ay, aw - 8, 20))
        # 県の支援 under the timing, in a dashed box joined to the STEP box by a dashed line
        sy = y + bh + 28
        doc.op(pg, lambda P, x=x, sy=sy: (P.line(x + bw / 2, sy - 6, x + bw / 2, sy, 0.7, TEAL, dash=([2, 2], 0)),
                                          P.rect(x + 6, sy, bw - 12, sup_h, stroke=TEAL, fill=None, width=0.8,
                                                 dash=([3, 2], 0))))
        place_text(doc, pg, x + 6, sy + 4, bw - 12, [C.STEP_SUPPORT_LABEL],
                   Style(font=G, size=8.6, leading=13, bold=True, color=TEAL, align="center"), heading=True,
                   extra={"box": True})
        place_text(doc, pg, x + 12, sy + 18, bw - 24, [C.STEP_SUPPORT[i]], sup_st, extra={"box": True})
    y += bh + 28 + sup_h + 12
    y += place_text(doc, pg, X0, y, TW, split_sentences(C.STEP_NOTE), SMALL.but(hang=sw("※ ", G, 8.8)),
                    extra={"note": True})
    if y > H - 34:
        raise AssertionError(f"yunagi-worksheet p1 overflows ({y:.0f})")


# ------------------------------------------------------------------ page 2: Gantt
def _page2(doc: Doc, pg: int) -> None:
    T = doc.truth
    y = _heading(doc, pg, 38, C.GANTT_TITLE)
    sid = T.sentences[-1]
    sid["caption"] = True
    first = 180.0
    mw = (TW - first) / 12
    hh, rh = 22.0, 31.0
    rows_truth = []
    for task, spans in C.GANTT:
        cells = [""] * 12
        for a, _b, label, _k in spans:
            cells[a] = label
        rows_truth.append([task] + cells)
    tid = T.table(C.GANTT_TITLE, None, ["作業項目"] + C.MONTHS, rows_truth)
    hst = Style(font=G, size=9.6, leading=16)

    def head(P, x, yy):
        P.rect(x, yy, TW, hh, stroke=None, fill=NAVY)
        P.text(x + first / 2, baseline_of(yy + 3, hst), "作業項目", G, 9.6, WHITE, True, "center")
        for m, lab in enumerate(C.MONTHS):
            P.text(x + first + (m + 0.5) * mw, baseline_of(yy + 3, hst), lab, G, 9.6, WHITE, True, "center")
            P.line(x + first + m * mw, yy, x + first + m * mw, yy + hh, 0.5, WHITE)

    doc.place(pg, Block(h=hh, draw=head, table=tid), X0, y)
    y += hh
    y0 = y
    lab = Style(font=G, size=8.4, leading=12)
    tst = Style(font=G, size=9.2, leading=13.5)
    for i, (task, spans) in enumerate(C.GANTT):
        def draw(P, x, yy, task=task, spans=spans, i=i):
            if i % 2:
                P.rect(x, yy, TW, rh, stroke=None, fill=(0.97, 0.97, 0.97))
            for a, b, label, kind in spans:
                bx = x + first + a * mw
                if kind == "bar":
                    P.rect(bx + 1, yy + 6, (b - a + 1) * mw - 2, rh - 12, stroke=None, fill=BARC)
                    P.text(bx + 4, baseline_of(yy + (rh - lab.leading) / 2, lab), label, G, 8.4, BLACK)
                else:
                    col = (0.7, 0.1, 0.1) if label.startswith("★") else BLACK
                    P.text(bx + mw / 2, baseline_of(yy + (rh - lab.leading) / 2, lab), label, G, 8.4, col,
                           label.startswith("★"), "center")
            P.line(x, yy + rh, x + TW, yy + rh, 0.5, LINE)
            for m in range(13):
                P.line(x + first + m * mw, yy, x + first + m * mw, yy + rh, 0.4, (0.7, 0.7, 0.7))
            P.text(x + 6, baseline_of(yy + (rh - tst.leading) / 2, tst), task, G, 9.2, BLACK)
            for a, b, label, _k in spans:
                if sw(label, G, 8.4) > (b - a + 1) * mw - 6:
                    raise AssertionError(f"yunagi-worksheet: Gantt label too long: {label}")

        if sw(task, G, 9.2) > first - 10:
            raise AssertionError(f"yunagi-worksheet: Gantt task too long: {task}")
        doc.place(pg, Block(h=rh, draw=draw, table=tid, row=i), X0, y)
        y += rh
    doc.op(pg, lambda P, y=y: (P.line(X0, y0 - hh, X0, y, 0.6, LINE), P.line(X1, y0 - hh, X1, y, 0.6, LINE)))
    y += 6
    y += place_text(doc, pg, X0, y, TW, [C.GANTT_LEGEND], Style(font=G, size=9.0, leading=15, align="right"),
                    extra={"note": True})
    for t in C.GANTT_NOTES:
        y += place_text(doc, pg, X0, y, TW, split_sentences(t), SMALL.but(hang=sw("※1　", G, 8.8)),
                        extra={"note": True})
    y += 10
    y = _fill_lines(doc, pg, X0 + 4, y, 420, [C.GANTT_MEMO])
    if y > H - 30:
        raise AssertionError(f"yunagi-worksheet p2 overflows ({y:.0f})")


# ------------------------------------------------------------------ page 3: checklists
def _page3(doc: Doc, pg: int) -> None:
    y = _heading(doc, pg, 38, C.CHECK_TITLE)
    y += place_text(doc, pg, X0, y, TW, split_sentences(C.CHECK_LEAD), TXT)
    y += 8
    gap = 18.0
    bw = (TW - gap) / 2
    ist = Style(font=G, size=9.6, leading=15.6)
    item_gap = 6.0
    hdr = 24.0
    heights = [hdr + 8 + sum(text_height([t], bw - 38, ist) + item_gap for _d, t in items) + 4
               for _s, items in C.CHECKS]
    row_h = [max(heights[0], heights[1]), max(heights[2], heights[3])]
    for k, (stage, items) in enumerate(C.CHECKS):
        x = X0 + (k % 2) * (bw + gap)
        by = y + (0 if k < 2 else row_h[0] + 14)
        bh = row_h[k // 2]
        col = STAGE_COLORS[k]
        doc.op(pg, lambda P, x=x, by=by, bh=bh, col=col: (P.rect(x, by, bw, bh, stroke=col, fill=None, width=1.0),
                                                          P.rect(x, by, bw, hdr, stroke=None, fill=col)))
        place_text(doc, pg, x + 10, by + 3, bw - 20, [stage], Style(font=G, size=11, leading=18, bold=True,
                                                                      color=WHITE), heading=True)
        iy = by + hdr + 8
        for done, text in items:
            def box(P, bx=x + 12, byy=iy + 3, done=done):
                if done:
                    P.rect(bx, byy, 10, 10, stroke=BLACK, fill=None, width=0.8)
                    P.text(bx + 1.2, byy + 8.8, "✓", G, 9.5, (0.75, 0.1, 0.1), True)
                else:
                    P.text(bx - 0.8, byy + 9.4, "□", G, 11.5, BLACK)
            doc.op(pg, box)
            extra = {"item": True, "checked": True} if done else {"item": True}
            iy += place_text(doc, pg, x + 30, iy, bw - 38, [text], ist, extra=extra) + item_gap
        if iy > by + bh + 0.5:
            raise AssertionError("yunagi-worksheet: checklist overflows its box")
    y += row_h[0] + 14 + row_h[1] + 14
    bh = 29 + 27 * len(C.CHECK_MEMO) + 2
    yy = _frame(doc, pg, X0, y, TW, bh, C.CHECK_MEMO_TITLE, color=GRAY)
    _fill_lines(doc, pg, X0 + 12, yy + 2, TW - 24, C.CHECK_MEMO)
    if y + bh > H - 30:
        raise AssertionError(f"yunagi-worksheet p3 overflows ({y + bh:.0f})")


# ------------------------------------------------------------------ page 4: 役割分担表
def _page4(doc: Doc, pg: int) -> None:
    y = _heading(doc, pg, 38, C.ROLE_TITLE)
    y += place_text(doc, pg, X0, y, TW, [C.ROLE_LEGEND], Style(font=G, size=10, leading=17, bold=True),
                    extra={"note": True}) + 4
    widths = [176.0] + [(TW - 176.0) / 7] * 7
    ts = TableSpec(caption=None, header=C.ROLE_HEADER, rows=C.ROLE_ROWS, widths=widths,
                   align=["l"] + ["c"] * 7, size=10.4, leading=15.0, pad=4.6, header_fill=(0.86, 0.9, 0.95),
                   rule=(0.3, 0.3, 0.3))
    _caps, header, rows, _notes = table_parts(doc, ts, TW)
    tid = len(doc.truth.tables) - 1
    doc.truth.tables[tid]["caption"] = C.ROLE_TITLE
    for b in [header()] + rows:
        doc.place(pg, b, X0, y)
        y += b.h
    y += 6
    for t in C.ROLE_NOTES:
        y += place_text(doc, pg, X0, y, TW, split_sentences(t), SMALL.but(hang=sw("※1　", G, 8.8)),
                        extra={"note": True})
    y += 10
    bh = 29 + 27 * len(C.ROLE_MEMO) + 2
    yy = _frame(doc, pg, X0, y, 520, bh, C.ROLE_MEMO_TITLE, color=TEAL)
    _fill_lines(doc, pg, X0 + 12, yy + 2, 496, C.ROLE_MEMO)
    if y + bh > H - 30:
        raise AssertionError(f"yunagi-worksheet p4 overflows ({y + bh:.0f})")


# ------------------------------------------------------------------ page 5: support menus, goal, contacts
def _page5(doc: Doc, pg: int) -> None:
    y = _heading(doc, pg, 38, C.MENU_TITLE)
    m = C.MENU
    ts = TableSpec(caption=None, header=m["header"], rows=m["rows"], widths=m["widths"], align=m["align"],
                   size=9.2, leading=13.6, pad=4.0, header_fill=(0.86, 0.9, 0.95), rule=(0.3, 0.3, 0.3),
                   first_col_fill=(0.95, 0.96, 0.98))
    _caps, header, rows, _notes = table_parts(doc, ts, TW)
    tid = len(doc.truth.tables) - 1
    doc.truth.tables[tid]["caption"] = C.MENU_TITLE
    for b in [header()] + rows:
        doc.place(pg, b, X0, y)
        y += b.h
    y += 5
    y += place_text(doc, pg, X0, y, TW, split_sentences(C.MENU_NOTE), SMALL.but(hang=sw("※ ", G, 8.8)),
                    extra={"note": True})
    y += 12
    lw = 380.0
    cst = Style(font=G, size=9.4, leading=14.4)
    nst = Style(font=G, size=10.2, leading=16, bold=True, color=NAVY)
    h_goal = 29 + 27 * len(C.GOAL) + 2
    h_contact = 29 + sum(cst.leading + nst.leading + 5 for _ in C.CONTACTS) + 4
    h = max(h_goal, h_contact)
    yy = _frame(doc, pg, X0, y, lw, h, C.GOAL_TITLE, color=TEAL)
    _fill_lines(doc, pg, X0 + 12, yy + 2, lw - 24, C.GOAL)
    rx = X0 + lw + 16
    rw = X1 - rx
    yy = _frame(doc, pg, rx, y, rw, h, C.CONTACT_TITLE, color=(0.7, 0.25, 0.1), fill=(1.0, 0.97, 0.93))
    for desk, num in C.CONTACTS:
        yy += place_text(doc, pg, rx + 12, yy, rw - 24, ["■" + desk], cst, extra={"box": True})
        yy += place_text(doc, pg, rx + 24, yy, rw - 36, [num], nst, extra={"box": True}) + 5
    if y + h > H - 30:
        raise AssertionError(f"yunagi-worksheet p5 overflows ({y + h:.0f})")
