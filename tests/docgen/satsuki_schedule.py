"""satsuki-schedule.pdf: 「市町村居住支援協議会 設立・運営支援 実施計画（工程表）令和8〜10年度」 of the さつき県 土木部 住宅課 /
福祉保健部 地域福祉課 (第2版, 令和8年10月1日), an A3 LANDSCAPE plan of three pages (fictional さつき県), held-out set BLIND44.

No /Title.  Pages 1–2: a GANTT chart drawn the way Excel / PowerPoint schedules often are: a TWO-ROW header (fiscal years
令和8年度 / 令和9年度 / 令和10年度 over the quarters 4～6月 … 1～3月), a left block of three columns 取組 / 担当 / 成果物 (ruled
between them), phase bands Ⅰ–Ⅳ as FULL-WIDTH shaded rows, and a body with only HORIZONTAL row rules (no vertical rules
between the quarters: a bar's period is only its x position under the header).  Bars are plain filled rectangles coloured
by who carries the task (県 / 市町村 / 法人と連携; the colours are explained only in the legend on page 2); a bar of three
quarters or more carries its label INSIDE (white), a shorter one to its RIGHT; ◆ milestones stand at the month inside their
quarter with a label 「設立総会（R9.2）」 beside them; a red dashed 「▼ 現在（R8.10.1）」 line crosses the header and the body
of both pages.  Page 1 has a right-side panel 「KPI（目標値）」 (five indicators, each a name over a small 現状 / 目標 grid) and
two ※ notes; page 2 repeats both header rows, continues the chart, then a legend of drawn swatches, ※1–※5 notes and a right
panel 「進捗状況（令和8年9月末時点）」.  Page 3: a ruled table 「年度別の主な支援メニューと予算額」 (（単位：千円） right of the
caption, wrapped 内容 cells, 「－」 cells, a 合計 row) with ※1–※3, a text section （1）–（4）, a 改訂の経過 box and a contact box.
Running header (small, grey, top left) from page 2; footer 「- n -」 centred (printed label n).

Truth: the Gantt chart is one table (caption 「支援の工程（令和8年4月～令和11年3月）」; header 取組 / 担当 / 成果物 and one column per
quarter flattened as 「令和8年度 4～6月」 …; a phase band is a row whose first cell is the band text; a task row holds each bar /
milestone label in the quarter where it starts) whose rows are on pages 0 and 1; bar and milestone labels are sentences
(flag `chart`), band texts headings; the KPI panel is also a table (指標 / 現状 / 目標).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A3, landscape

from . import content_satsuki_schedule as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    TableSpec,
    place_text,
    split_sentences,
    sw,
    table_parts,
)

W, H = landscape(A3)
X0, X1 = 30.0, W - 30.0
PW, GAP = 186.0, 14.0
CX1 = X1 - PW - GAP            # right edge of the chart
TASKW, WHOW, PRODW = 188.0, 100.0, 116.0
QX0 = X0 + TASKW + WHOW + PRODW  # left edge of the period area
QW = (CX1 - QX0) / 12
STRIP, YH1, YH2 = 18.0, 20.0, 20.0
BANDH, ROWH = 25.0, 38.0

MAIN = (0.55, 0.13, 0.32)      # azalea
MAIN_L = (0.97, 0.90, 0.93)
NAVY = (0.16, 0.26, 0.44)
HDR2 = (0.36, 0.46, 0.62)
GRAY = (0.42, 0.42, 0.42)
LGRAY = (0.78, 0.78, 0.78)
RED = (0.82, 0.10, 0.12)
WHITE = (1, 1, 1)
BAR = {"pref": (0.18, 0.36, 0.62), "muni": (0.20, 0.52, 0.34), "corp": (0.86, 0.50, 0.12)}
BAND_FILL = (0.93, 0.93, 0.90)

LABEL_SIZE = 8.2
MS_SIZE = 8.0


def _lab(doc: Doc, pg: int, x: float, y: float, text: str, size: float = 10.0, color=BLACK, bold: bool = False,
         align: str = "left", maxw: float | None = None, **flags) -> float:
    """One line of text with its baseline at y, registered as a sentence; returns its width."""
    w = sw(text, G, size)
    if maxw is not None and w > maxw + 0.5:
        raise AssertionError(f"satsuki-schedule p{pg}: label too wide ({w:.0f} > {maxw:.0f}): {text}")
    sid = doc.truth.sentence(text, **flags)

    def draw(P, _x, _y):
        P.text(x, y, text, G, size, color, bold, align)

    doc.place(pg, Block(h=0, draw=draw, frags=[(sid, text)]), x, y)
    return w


def _heading(doc: Doc, pg: int, y: float, text: str) -> float:
    st = Style(font=G, size=13.0, leading=20, bold=True, color=MAIN)
    doc.op(pg, lambda P: (P.rect(X0, y + 3, 5, 14, stroke=None, fill=MAIN),
                          P.line(X0, y + 21, CX1, y + 21, 0.7, MAIN)))
    place_text(doc, pg, X0 + 12, y, CX1 - X0 - 12, [text], st, heading=True)
    return y + 28


def build() -> Doc:
    doc = Doc("satsuki-schedule.pdf", (W, H), C.TITLE,
              "A3 landscape Gantt plan: two-row fiscal-year/quarter header, task/担当/成果物 columns, full-width phase "
              "bands, bars without vertical rules (labels inside or to the right), ◆ milestones, ▼ current-date line, "
              "KPI panel, legend, notes; budget table and text on page 3",
              meta_title=None, author="さつき県 土木部 住宅課")

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 22, info["header"], G, 8.4, GRAY)
            P.line(X0, 27, X1, 27, 0.4, LGRAY)
        P.text(W / 2, H - 18, info["footer"], G, 9.4, BLACK, align="center")

    def new_page(n: int) -> int:
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=f"- {n} -", decor=decor)

    p1, p2, p3 = new_page(1), new_page(2), new_page(3)
    tid = _gantt_table(doc)
    _page1(doc, p1, tid)
    _page2(doc, p2, tid)
    _page3(doc, p3)
    return doc


# --------------------------------------------------------------------------- Gantt

def _gantt_table(doc: Doc) -> int:
    header = C.GANTT_COLS + [f"{y} {q}" for y in C.YEARS for q in C.QUARTERS]
    rows = []
    for r in C.GANTT:
        if r[0] == "band":
            rows.append([r[1]] + [""] * (len(header) - 1))
            continue
        task, who, prod, _kind, marks = r
        cells = [""] * 12
        for mk in marks:
            q = mk[1]
            cells[q] = (cells[q] + "・" if cells[q] else "") + mk[-1]
        rows.append([task, who, prod] + cells)
    return doc.truth.table(C.GANTT_CAPTION, None, header, rows)


def _qx(q: float) -> float:
    return QX0 + q * QW


def _chart(doc: Doc, pg: int, tid: int, top: float, rows: list[tuple[int, tuple]]) -> float:
    """Draw the ▼ strip, the two header rows and the given rows; return the y under the body."""
    hy = top + STRIP
    by = hy + YH1 + YH2
    heights = [BANDH if r[0] == "band" else ROWH for _i, r in rows]
    bottom = by + sum(heights)

    # header background, header rules (only in the header), left-block rules, row rules, outer frame
    def grid(P):
        P.rect(X0, hy, CX1 - X0, YH1 + YH2, stroke=None, fill=NAVY)
        P.rect(QX0, hy + YH1, CX1 - QX0, YH2, stroke=None, fill=HDR2)
        for k in range(1, 12):
            x = _qx(k)
            P.line(x, hy + (0 if k % 4 == 0 else YH1), x, hy + YH1 + YH2, 0.5 if k % 4 == 0 else 0.35, WHITE)
        P.line(QX0, hy + YH1, CX1, hy + YH1, 0.5, WHITE)
        yy = by
        for (_i, r), h in zip(rows, heights, strict=True):
            if r[0] == "band":
                P.rect(X0, yy, CX1 - X0, h, stroke=None, fill=BAND_FILL)
                P.rect(X0, yy, 4, h, stroke=None, fill=MAIN)
            P.line(X0, yy + h, CX1, yy + h, 0.4 if r[0] != "band" else 0.6, LGRAY if r[0] != "band" else GRAY)
            yy += h
        # vertical rules of the left block (not through the bands)
        yy = by
        for (_i, r), h in zip(rows, heights, strict=True):
            if r[0] != "band":
                for x in (X0 + TASKW, X0 + TASKW + WHOW, QX0):
                    P.line(x, yy, x, yy + h, 0.4, LGRAY)
            yy += h
        for x in (X0 + TASKW, X0 + TASKW + WHOW, QX0):
            P.line(x, hy, x, hy + YH1 + YH2, 0.5, WHITE)
        P.rect(X0, hy, CX1 - X0, bottom - hy, stroke=GRAY, fill=None, width=0.8)

    doc.op(pg, grid)

    def hdr(text, x, yb, size=9.2):
        return Block(h=0, draw=lambda P, _x, _y: P.text(x, yb, text, G, size, WHITE, True, "center"), table=tid)

    mid = hy + (YH1 + YH2) / 2 + 3.5
    doc.place(pg, hdr(C.GANTT_COLS[0], X0 + TASKW / 2, mid, 10), 0, hy)
    doc.place(pg, hdr(C.GANTT_COLS[1], X0 + TASKW + WHOW / 2, mid, 10), 0, hy)
    doc.place(pg, hdr(C.GANTT_COLS[2], X0 + TASKW + WHOW + PRODW / 2, mid, 10), 0, hy)
    for k, y in enumerate(C.YEARS):
        doc.place(pg, hdr(y, _qx(4 * k + 2), hy + 14.2, 9.8), 0, hy)
    for q in range(12):
        doc.place(pg, hdr(C.QUARTERS[q % 4], _qx(q + 0.5), hy + YH1 + 13.8, 8.0), 0, hy)

    # bars and milestones (shapes), then the row texts and labels
    yy = by
    for (i, r), h in zip(rows, heights, strict=True):
        if r[0] == "band":
            sid = doc.truth.sentence(r[1], heading=True)
            doc.place(pg, Block(h=0, draw=lambda P, _x, _y, t=r[1], yb=yy + 16.2: P.text(X0 + 12, yb, t, G, 10, MAIN, True),
                                frags=[(sid, r[1])], table=tid, row=i), X0, yy)
            yy += h
            continue
        task, who, prod, kind, marks = r
        for t, w_, s in ((task, TASKW, 9.4), (who, WHOW, 8.4), (prod, PRODW, 8.4)):
            if sw(t, G, s) > w_ - 10:
                raise AssertionError(f"satsuki-schedule: Gantt cell too long: {t}")
        yb = yy + h / 2 + 3.3

        def row_text(P, _x, _y, task=task, who=who, prod=prod, yb=yb):
            P.text(X0 + 8, yb, task, G, 9.4, BLACK, True)
            P.text(X0 + TASKW + WHOW / 2, yb, who, G, 8.4, BLACK, False, "center")
            P.text(X0 + TASKW + WHOW + 6, yb, prod, G, 8.4, BLACK)

        doc.place(pg, Block(h=0, draw=row_text, table=tid, row=i), X0, yy)
        spans: list[tuple[float, float, str]] = []   # (x0, x1, what) for the overlap check
        col = BAR[kind]
        for mk in marks:
            if mk[0] == "bar":
                _k, q0, q1, label = mk
                bx0, bx1 = _qx(q0) + 2, _qx(q1 + 1) - 2
                doc.op(pg, lambda P, bx0=bx0, bx1=bx1, cy=yy + h / 2, col=col: P.rect(bx0, cy - 8, bx1 - bx0, 16,
                                                                                      stroke=None, fill=col))
                spans.append((bx0, bx1, "bar"))
                lw = sw(label, G, LABEL_SIZE)
                if q1 - q0 + 1 >= 3:
                    if lw > bx1 - bx0 - 10:
                        raise AssertionError(f"satsuki-schedule: bar label too long for its bar: {label}")
                    _lab(doc, pg, bx0 + 5, yb, label, LABEL_SIZE, WHITE, True, chart=True)
                else:
                    _lab(doc, pg, bx1 + 4, yb, label, LABEL_SIZE, BLACK, False, chart=True)
                    spans.append((bx1 + 4, bx1 + 4 + lw, "label"))
            else:
                _k, q, m, label = mk
                mx = _qx(q) + (m + 0.5) * QW / 3
                doc.op(pg, lambda P, mx=mx, yb=yb: P.text(mx, yb + 0.6, "◆", G, 10.5, RED, False, "center"))
                spans.append((mx - 5.5, mx + 5.5, "ms"))
                lw = sw(label, G, MS_SIZE)
                _lab(doc, pg, mx + 7, yb, label, MS_SIZE, BLACK, True, chart=True)
                spans.append((mx + 7, mx + 7 + lw, "label"))
        for _a0, a1, what in spans:
            if what == "label" and a1 > CX1 - 2:
                raise AssertionError(f"satsuki-schedule: label runs past the chart in row {task}")
        for j, (a0, a1, wa) in enumerate(spans):
            for b0, b1, wb in spans[j + 1:]:
                if "label" in (wa, wb) and a0 < b1 + 1 and b0 < a1 + 1:
                    raise AssertionError(f"satsuki-schedule: overlapping marks in row {task}")
        yy += h

    # ▼ 現在 line over everything
    nx = _qx(C.NOW_Q)

    def now(P):
        P.text(nx, top + 13, "▼", G, 10, RED, False, "center")
        P.line(nx, hy, nx, bottom, 1.1, RED, dash=([4, 2.5], 0))

    doc.op(pg, now)
    _lab(doc, pg, nx + 7, top + 12.5, C.NOW_LABEL, 8.4, RED, True, chart=True)
    return bottom


# --------------------------------------------------------------------------- page 1

def _page1(doc: Doc, pg: int, tid: int) -> None:
    doc.op(pg, lambda P: (P.rect(X0, 20, X1 - X0, 50, stroke=None, fill=MAIN),
                          P.rect(X0, 70, X1 - X0, 3, stroke=None, fill=(0.90, 0.55, 0.66))))
    sid = doc.truth.sentence(C.TITLE_MAIN, heading=True)
    tw = sw(C.TITLE_MAIN, G, 21)
    doc.place(pg, Block(h=0, draw=lambda P, _x, _y: P.text(X0 + 16, 53, C.TITLE_MAIN, G, 21, WHITE, True),
                        frags=[(sid, C.TITLE_MAIN)]), X0, 53)
    pw = sw(C.TITLE_TAG, G, 13) + 24
    doc.op(pg, lambda P: P.rect(X0 + 16 + tw + 14, 32, pw, 26, stroke=None, fill=WHITE, radius=13))
    _lab(doc, pg, X0 + 16 + tw + 14 + pw / 2, 50, C.TITLE_TAG, 13, MAIN, True, "center", heading=True)
    ew = _lab(doc, pg, X1, 90, C.EDITION, 9.4, GRAY, False, "right")
    _lab(doc, pg, X1 - ew - 14, 90, C.ISSUER, 9.4, BLACK, True, "right")
    y = 100.0
    y += place_text(doc, pg, X0, y, CX1 - X0, split_sentences(C.LEAD), Style(font=G, size=9.6, leading=15))
    y = _heading(doc, pg, y + 8, C.GANTT_HEAD_P1)
    rows = [(i, r) for i, r in enumerate(C.GANTT[:C.P1_ROWS])]
    bottom = _chart(doc, pg, tid, y, rows)
    _lab(doc, pg, X0, bottom + 16, C.P1_NOTE, 9.0, BLACK, False, note=True, maxw=CX1 - X0 - 120)
    _lab(doc, pg, CX1, bottom + 16, C.CONT_NOTE, 9.0, GRAY, False, "right")
    if bottom + 20 > H - 34:
        raise AssertionError(f"satsuki-schedule p1 overflows ({bottom:.0f})")
    _kpi(doc, pg, CX1 + GAP, y, PW)


def _kpi(doc: Doc, pg: int, x: float, y: float, w: float) -> None:
    T = doc.truth
    kid = T.table(C.KPI_TITLE, None, ["指標", "現状", "目標"], [list(k) for k in C.KPI])
    top = y
    doc.op(pg, lambda P: P.rect(x, top, w, 30, stroke=None, fill=MAIN, radius=6))
    doc.op(pg, lambda P: P.rect(x, top + 22, w, 8, stroke=None, fill=MAIN))
    sid = T.sentence(C.KPI_TITLE, heading=True, caption=True)
    doc.place(pg, Block(h=0, draw=lambda P, _x, _y: P.text(x + w / 2, top + 20.5, C.KPI_TITLE, G, 13, WHITE, True,
                                                           "center"), frags=[(sid, C.KPI_TITLE)], table=kid), x, top)
    yy = top + 38
    yy += place_text(doc, pg, x + 10, yy, w - 20, [C.KPI_LEAD], Style(font=G, size=8.8, leading=13, color=GRAY,
                                                                       align="center"))
    yy += 4
    name_st = Style(font=G, size=9.8, leading=14, bold=True, color=NAVY)
    half = (w - 20) / 2
    for i, (name, cur, tgt) in enumerate(C.KPI):
        ky = yy
        doc.op(pg, lambda P, ky=ky: P.rect(x + 6, ky, w - 12, 4, stroke=None, fill=(0.90, 0.55, 0.66)))
        ky += 9
        ky += place_text(doc, pg, x + 10, ky, w - 20, [name], name_st, extra={"kpi": True})
        doc.place(pg, Block(h=0, draw=lambda P, _x, _y: None, table=kid, row=i), x, ky)
        gy = ky + 2

        def grid(P, gy=gy):
            P.rect(x + 10, gy, w - 20, 14, stroke=None, fill=(0.92, 0.92, 0.92))
            P.rect(x + 10, gy, w - 20, 40, stroke=LGRAY, fill=None, width=0.6)
            P.line(x + 10 + half, gy, x + 10 + half, gy + 40, 0.6, LGRAY)
            P.text(x + 10 + half, gy + 31, "→", G, 11, GRAY, False, "center")

        doc.op(pg, grid)
        _lab(doc, pg, x + 10 + half / 2, gy + 10.5, C.KPI_CUR, 8.4, GRAY, True, "center", legend=True)
        _lab(doc, pg, x + 10 + half * 1.5, gy + 10.5, C.KPI_TGT, 8.4, GRAY, True, "center", legend=True)
        _lab(doc, pg, x + 10 + half / 2, gy + 33.5, cur, 14, NAVY, True, "center", maxw=half - 16, value=True)
        _lab(doc, pg, x + 10 + half * 1.5, gy + 33.5, tgt, 14, RED, True, "center", maxw=half - 16, value=True)
        yy = gy + 40 + 10
    nst = Style(font=G, size=8.2, leading=12.4, hang=8.2, color=(0.2, 0.2, 0.2))
    for n in C.KPI_NOTES:
        yy += place_text(doc, pg, x + 8, yy, w - 16, split_sentences(n), nst, extra={"note": True}) + 2
    bottom = yy + 6
    doc.op(pg, lambda P: P.rect(x, top, w, bottom - top, stroke=MAIN, fill=None, width=1.0, radius=6))
    if bottom > H - 34:
        raise AssertionError(f"satsuki-schedule: KPI panel overflows ({bottom:.0f})")


# --------------------------------------------------------------------------- page 2

def _page2(doc: Doc, pg: int, tid: int) -> None:
    y = _heading(doc, pg, 40, C.GANTT_HEAD_P2)
    rows = [(i, r) for i, r in enumerate(C.GANTT) if i >= C.P1_ROWS]
    bottom = _chart(doc, pg, tid, y, rows)
    # legend of drawn swatches
    ly = bottom + 24
    lx = X0

    def lg_draw(kind, lx):
        def f(P):
            if kind in BAR:
                P.rect(lx, ly - 9, 28, 11, stroke=None, fill=BAR[kind])
            elif kind == "ms":
                P.text(lx + 5, ly + 0.5, "◆", G, 10.5, RED, False, "center")
            else:
                P.text(lx + 5, ly, "▼", G, 10, RED, False, "center")
                P.line(lx + 14, ly - 4, lx + 28, ly - 4, 1.1, RED, dash=([4, 2.5], 0))
        return f

    sid = doc.truth.sentence("凡例", heading=True)
    doc.place(pg, Block(h=0, draw=lambda P, _x, _y: P.text(X0, ly, "凡例", G, 9.6, BLACK, True),
                        frags=[(sid, "凡例")]), X0, ly)
    lx += 40
    for kind, text in C.LEGEND:
        doc.op(pg, lg_draw(kind, lx))
        off = 34 if kind in BAR or kind == "now" else 14
        w = _lab(doc, pg, lx + off, ly, text, 9.2, BLACK, legend=True)
        lx += off + w + 26
    if lx > CX1:
        raise AssertionError("satsuki-schedule: legend too wide")
    yy = ly + 12
    nst = Style(font=G, size=9.0, leading=14.4, hang=sw("※1 ", G, 9.0))
    for n in C.NOTES:
        yy += place_text(doc, pg, X0, yy, CX1 - X0, split_sentences(n), nst, extra={"note": True})
    if yy > H - 34:
        raise AssertionError(f"satsuki-schedule p2 overflows ({yy:.0f})")
    # progress panel
    x, top = CX1 + GAP, y
    doc.op(pg, lambda P: (P.rect(x, top, PW, 30, stroke=None, fill=NAVY, radius=6),
                          P.rect(x, top + 22, PW, 8, stroke=None, fill=NAVY)))
    sid = doc.truth.sentence(C.PROGRESS_TITLE, heading=True, box=True)
    doc.place(pg, Block(h=0, draw=lambda P, _x, _y: P.text(x + PW / 2, top + 20, C.PROGRESS_TITLE, G, 10.6, WHITE,
                                                           True, "center"), frags=[(sid, C.PROGRESS_TITLE)]), x, top)
    if sw(C.PROGRESS_TITLE, G, 10.6) > PW - 12:
        raise AssertionError("satsuki-schedule: progress title too wide")
    py = top + 40
    ist = Style(font=G, size=8.8, leading=13.6, hang=8.8)
    for t in C.PROGRESS:
        py += place_text(doc, pg, x + 8, py, PW - 16, split_sentences(t), ist, extra={"box": True, "item": True}) + 5
    pbottom = py + 4
    doc.op(pg, lambda P: P.rect(x, top, PW, pbottom - top, stroke=NAVY, fill=None, width=1.0, radius=6))
    if pbottom > H - 34:
        raise AssertionError("satsuki-schedule: progress panel overflows")


# --------------------------------------------------------------------------- page 3

def _page3(doc: Doc, pg: int) -> None:
    y = 40.0
    st = Style(font=G, size=13.0, leading=20, bold=True, color=MAIN)
    doc.op(pg, lambda P: (P.rect(X0, y + 3, 5, 14, stroke=None, fill=MAIN), P.line(X0, y + 21, X1, y + 21, 0.7, MAIN)))
    place_text(doc, pg, X0 + 12, y, X1 - X0 - 12, [C.P3_HEAD], st, heading=True)
    y += 30
    ts = TableSpec(caption=C.BUDGET_CAPTION, unit=C.BUDGET_UNIT, header=C.BUDGET_HEADER, rows=C.BUDGET_ROWS,
                   widths=[206, 372, 86, 90, 90, 90, 90], align=["l", "l", "c", "r", "r", "r", "r"], size=10.0,
                   leading=15.0, pad=5.5, header_fill=(0.93, 0.86, 0.89), rule=(0.35, 0.35, 0.35),
                   first_col_fill=(0.98, 0.96, 0.97),
                   caption_style=Style(font=G, size=11.4, leading=19, bold=True, color=BLACK))
    caps, header, rows, _notes = table_parts(doc, ts, X1 - X0)
    for b in caps + [header()] + rows:
        doc.place(pg, b, X0, y)
        y += b.h
    y += 5
    nst = Style(font=G, size=9.0, leading=14.2, hang=sw("※1 ", G, 9.0))
    for n in C.BUDGET_NOTES:
        y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(n), nst, extra={"note": True})
    y += 16
    lw = 700.0
    doc.op(pg, lambda P, y=y: (P.rect(X0, y + 3, 5, 14, stroke=None, fill=MAIN), P.line(X0, y + 21, X0 + lw, y + 21,
                                                                                      0.7, MAIN)))
    place_text(doc, pg, X0 + 12, y, lw - 12, [C.P3_HEAD2], st, heading=True)
    ty = y + 30
    pst = Style(font=G, size=10.2, leading=17, hang=sw("（1）", G, 10.2))
    for p in C.PUSH:
        ty += place_text(doc, pg, X0, ty, lw, split_sentences(p), pst) + 5
    # right: revision box and contact box
    rx = X0 + lw + 24
    rw = X1 - rx
    by = y + 2
    rst = Style(font=G, size=8.8, leading=13.6, hang=sw("第1版　", G, 8.8))
    h_rev = 26 + sum(len(_wrapped(t, rw - 20, rst)) * rst.leading + 3 for t in C.REVISIONS) + 6
    doc.op(pg, lambda P: (P.rect(rx, by, rw, h_rev, stroke=GRAY, fill=(0.97, 0.97, 0.97), width=0.8, radius=4)))
    place_text(doc, pg, rx + 10, by + 5, rw - 20, [C.REVISION_TITLE], Style(font=G, size=9.8, leading=16, bold=True),
               heading=True, extra={"box": True})
    yy = by + 26
    for t in C.REVISIONS:
        yy += place_text(doc, pg, rx + 10, yy, rw - 20, [t], rst, extra={"box": True}) + 3
    cy = by + h_rev + 12
    cst = Style(font=G, size=8.8, leading=13.6)
    nst2 = Style(font=G, size=9.6, leading=15, bold=True, color=NAVY)
    h_c = 28 + len(C.CONTACTS) * (13.6 * 2 + 15 + 6)
    doc.op(pg, lambda P: (P.rect(rx, cy, rw, h_c, stroke=MAIN, fill=MAIN_L, width=1.0, radius=4)))
    place_text(doc, pg, rx + 10, cy + 5, rw - 20, [C.CONTACT_TITLE], Style(font=G, size=10.2, leading=17, bold=True,
                                                                             color=MAIN), heading=True,
               extra={"box": True})
    yy = cy + 28
    for topic, desk, num in C.CONTACTS:
        yy += place_text(doc, pg, rx + 10, yy, rw - 20, ["■" + topic], cst.but(bold=True), extra={"box": True})
        yy += place_text(doc, pg, rx + 22, yy, rw - 32, [desk], cst, extra={"box": True})
        yy += place_text(doc, pg, rx + 22, yy, rw - 32, [num], nst2, extra={"box": True}) + 6
    if max(ty, yy, cy + h_c) > H - 34:
        raise AssertionError(f"satsuki-schedule p3 overflows ({max(ty, yy, cy + h_c):.0f})")


def _wrapped(text: str, width: float, st: Style) -> list:
    from .engine import wrap
    return wrap([(ch, -1) for ch in text], width, st)
