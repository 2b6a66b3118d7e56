"""koyomi-koteihyo.pdf: 「市町村居住支援協議会 設立支援ロードマップ（工程表）令和8～10年度」 of the fictional こよみ県
(土木部 住宅政策課 / 健康福祉部 地域福祉課, 令和8年3月), A3 LANDSCAPE, 3 pp., no /Title.

Layout traps: page 1 has a navy title band (title, years, date and issuer on one band), a lead paragraph beside a
two-line legend (colour swatches for 県 / 市町村 / 居住支援法人 / 共同, a dashed swatch, ◆), then a GANTT chart:
a left task column (「1-1 …」 task names, one line each) and a 担当 column, a timeline of 12 quarters under a
TWO-ROW header (令和8年度 / 令和9年度 / 令和10年度 over 4～6月 / 7～9月 / 10～12月 / 1～3月; 取組 and 担当 span both
header rows), phase bands (Ⅰ 準備期 … Ⅳ 県の基盤整備) across the whole chart, horizontal bars drawn as filled
rectangles whose position (day precision) is the only statement of WHEN a task runs, short labels inside the
bars (white on the bar colour), ◆ milestones with dates as text right (or left) of the mark, dashed bars for
dates that are only targets, and a red dashed vertical line 「▼条例施行（R8.10.1予定）」 over the chart; on the
right a side panel 「目標値（KPI）」 with six KPI cards (現状 / 目標 lines, 中間目標) whose lines share
pdfplumber text lines with the chart rows.  Page 2 continues the chart (phases Ⅲ・Ⅳ) under the REPEATED two-row
header, with the ※1–※6 notes under the chart and a side panel (令和8年度の主な日程, 担当の区分).  Page 3 (参考):
two ruled tables on the left (市町村別の設立予定, 設立済みの協議会 with a 合計 row and a ※ note) beside a ruled
budget table (（単位：千円）, 合計 row, ※ note), a 推進体制 box and a contact box on the right.  Running header
(the document's name, top left over a rule) from page 2; footer 「n/3」 at the bottom right.

Truth: the chart is ONE table (caption 「■ 工程表（令和8年度～令和10年度）」, header 取組｜担当｜令和8年度 4～6月 …,
one row per phase band and per task) that continues from page 1 to page 2; a bar's label is put in the cell of
the quarter where the bar starts (「━」 when the bar has no label), 「→」 in the quarters it continues through,
milestones as 「◆label」 in the quarter of their date.  Bar and milestone labels are also sentences (flag
`chart`), KPI lines `kpi`, legend entries `legend`, side-panel lines `side`.
"""

from __future__ import annotations

import calendar

from reportlab.lib.pagesizes import A3, landscape

from . import content_koyomi_koteihyo as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    line_blocks,
    split_sentences,
    sw,
    table_parts,
)

W, H = landscape(A3)
X0 = 24.0
X1 = W - 24.0
TASK_W = 222.0
RESP_W = 56.0
TL_X = X0 + TASK_W + RESP_W
PANEL_W = 166.0
PANEL_X = X1 - PANEL_W
TL_X1 = PANEL_X - 14.0
NQ = 12
QW = (TL_X1 - TL_X) / NQ
MW = QW / 3.0
HDR1, HDR2 = 19.0, 17.0
ROW_H = 28.0
BAND_H = 20.0

NAVY = (0.12, 0.22, 0.42)
GRID = (0.55, 0.58, 0.62)
LIGHT = (0.93, 0.94, 0.96)
HEAD_FILL = (0.84, 0.88, 0.94)
BAND_FILL = (0.90, 0.92, 0.86)
RED = (0.80, 0.10, 0.12)
WHITE = (1, 1, 1)
COL = {
    "県": (0.16, 0.33, 0.62),
    "市町村": (0.86, 0.45, 0.10),
    "法人": (0.18, 0.52, 0.30),
    "共同": (0.45, 0.30, 0.60),
}
FS_TASK, FS_RESP, FS_BAR = 8.8, 8.4, 8.0


def mx(date, end: bool = False, mid: bool = False) -> float:
    """x of a (fy, month, day) on the timeline (start of the day, its end, or its middle)."""
    fy, m, d = date
    cal_y = 2018 + fy + (1 if m <= 3 else 0)
    days = calendar.monthrange(cal_y, m)[1]
    mi = (m - 4) % 12
    frac = (d - 0.5) / days if mid else (d / days if end else (d - 1) / days)
    return TL_X + ((fy - 8) * 12 + mi + frac) * MW


def qidx(date) -> int:
    fy, m, _d = date
    return (fy - 8) * 4 + ((m - 4) % 12) // 3


def _add_cell(cells: list[str], q: int, s: str) -> None:
    cells[q] = s if not cells[q] or cells[q] == "→" else cells[q] + "／" + s


def build() -> Doc:
    doc = Doc("koyomi-koteihyo.pdf", landscape(A3), C.TITLE + C.TITLE_YEARS, "A3 landscape Gantt chart (工程表)",
              meta_title=None)
    T = doc.truth
    npages = 3

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 30, info["header"], G, 8.6, (0.35, 0.35, 0.35))
            P.line(X0, 35, X1, 35, 0.5, (0.5, 0.5, 0.5))
        P.text(X1, H - 22, info["footer"], G, 9.5, BLACK, align="right")

    def new_page(first: bool = False) -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if first else C.RUNNING, footer=f"{n}/{npages}",
                            decor=decor)

    def put(page, x, y, width, sents, st, **kw) -> float:
        blocks = line_blocks(T, sents, width, st, **kw)
        yy = y + st.sb
        for b in blocks:
            doc.place(page, b, x, yy)
            yy += b.h
        return yy - y

    # ------------------------------------------------------------------ page 1: title band, lead, legend
    p1 = new_page(first=True)
    band_y, band_h = 26.0, 44.0
    doc.op(p1, lambda P: P.rect(X0, band_y, X1 - X0, band_h, stroke=None, fill=NAVY))
    st_title = Style(font=G, size=21, leading=30, color=WHITE, bold=True)
    put(p1, X0 + 14, band_y + 7, 600, [C.TITLE], st_title, heading=True)
    tw = sw(C.TITLE, G, 21)
    put(p1, X0 + 14 + tw + 16, band_y + 11, 200, [C.TITLE_YEARS], Style(font=G, size=15, leading=26, color=WHITE,
                                                                       bold=True), heading=True)
    put(p1, X1 - 420, band_y + 6, 406, [C.DATE], Style(font=G, size=9.6, leading=15, color=WHITE, align="right"))
    put(p1, X1 - 420, band_y + 22, 406, [C.ISSUER], Style(font=G, size=9.6, leading=15, color=WHITE, align="right"))

    lead_w = TL_X1 - X0 - 330
    y = band_y + band_h + 10
    put(p1, X0, y, lead_w, split_sentences(C.LEAD), Style(font=M, size=9.8, leading=16))
    # legend: two lines at the right of the lead
    lx0 = X0 + lead_w + 24
    ly = y + 2
    lx = lx0
    for k, (key, text) in enumerate(C.LEGEND):
        if k == 3:
            lx = lx0
            ly += 17
        sid = T.sentence(text, legend=True)
        tw_ = sw(text, G, 8.4)

        def ldraw(P, x, yy, key=key, text=text):
            if key in COL:
                P.rect(x, yy + 3.5, 20, 8, stroke=None, fill=COL[key])
                P.text(x + 24, yy + 10.5, text, G, 8.4)
            elif key == "dashed":
                P.rect(x, yy + 3.5, 20, 8, stroke=COL["市町村"], fill=(1.0, 0.93, 0.85), width=0.8, dash=[2, 1.5])
                P.text(x + 24, yy + 10.5, text, G, 8.4)
            else:
                P.text(x, yy + 10.5, text, G, 8.4)

        doc.place(p1, Block(h=0, draw=ldraw, frags=[(sid, text)]), lx, ly)
        lx += (24 if key != "ms" else 0) + tw_ + 18
        assert lx < X1, "legend too wide"
    y = max(y + 34, ly + 22)

    # ------------------------------------------------------------------ the chart (one truth table)
    header = ["取組", "担当"] + [f"令和{fy}年度 {q}" for fy in C.FY for q in C.QUARTERS]
    rows: list[list[str]] = []
    row_specs: list[tuple] = []  # ("band", title) | ("task", task)
    for ph_title, tasks in C.PHASES:
        rows.append([ph_title] + [""] * (1 + NQ))
        row_specs.append(("band", ph_title))
        for task in tasks:
            name, who, bars, mss = task
            cells = [""] * NQ
            for (s, e, label, _w, _pl, _st) in bars:
                _add_cell(cells, qidx(s), label or "━")
                for q in range(qidx(s) + 1, qidx(e) + 1):
                    if not cells[q]:
                        cells[q] = "→"
            for (d, label, _pl) in mss:
                _add_cell(cells, qidx(d), "◆" + label)
            rows.append([name, who] + cells)
            row_specs.append(("task", task))
    cap_sid = T.sentence(C.CHART_CAPTION, caption=True)
    tid = T.table(C.CHART_CAPTION, None, header, rows)

    chart_x0, chart_x1 = X0, TL_X1

    def header_block(page: int, y0: float) -> float:
        def draw(P, x, yy):
            P.rect(chart_x0, yy, chart_x1 - chart_x0, HDR1 + HDR2, stroke=None, fill=HEAD_FILL)
            P.line(chart_x0, yy, chart_x1, yy, 0.9, NAVY)
            P.line(TL_X, yy + HDR1, chart_x1, yy + HDR1, 0.5, GRID)
            P.line(chart_x0, yy + HDR1 + HDR2, chart_x1, yy + HDR1 + HDR2, 0.9, NAVY)
            for xx in (chart_x0, X0 + TASK_W, TL_X, chart_x1):
                P.line(xx, yy, xx, yy + HDR1 + HDR2, 0.6, GRID)
            mid = yy + (HDR1 + HDR2) / 2 + 3.2
            P.text(X0 + TASK_W / 2, mid, "取組", G, 9.2, BLACK, True, "center")
            P.text(X0 + TASK_W + RESP_W / 2, mid, "担当", G, 9.2, BLACK, True, "center")
            for i, fy in enumerate(C.FY):
                xa = TL_X + i * 4 * QW
                P.text(xa + 2 * QW, yy + 13.2, f"令和{fy}年度", G, 9.4, BLACK, True, "center")
                P.line(xa, yy, xa, yy + HDR1 + HDR2, 0.9 if i else 0.6, NAVY if i else GRID)
                for j, q in enumerate(C.QUARTERS):
                    xq = xa + j * QW
                    if j:
                        P.line(xq, yy + HDR1, xq, yy + HDR1 + HDR2, 0.4, GRID)
                    P.text(xq + QW / 2, yy + HDR1 + 12, q, G, 8.2, BLACK, False, "center")

        b = Block(h=HDR1 + HDR2, draw=draw, table=tid)
        doc.place(page, b, chart_x0, y0)
        return HDR1 + HDR2

    def grid_lines(page: int, y0: float, y1: float):
        def op(P):
            for q in range(1, NQ):
                xq = TL_X + q * QW
                P.line(xq, y0, xq, y1, 0.9 if q % 4 == 0 else 0.35, NAVY if q % 4 == 0 else GRID,
                       dash=None if q % 4 == 0 else [1.5, 2])
            for xx in (chart_x0, X0 + TASK_W, TL_X, chart_x1):
                P.line(xx, y0, xx, y1, 0.6, GRID)
            P.line(chart_x0, y1, chart_x1, y1, 0.9, NAVY)
            # the ordinance line
            xv = mx(C.VLINE[0])
            P.line(xv, y0, xv, y1, 0.9, RED, dash=[4, 2])
        doc.op(page, op)

    def vline_label(page: int, y0: float):
        text = C.VLINE[1]
        sid = T.sentence(text, chart=True)
        xv = mx(C.VLINE[0])

        def draw(P, x, yy):
            P.text(xv - 4.2, yy + 10, text, G, 8.2, RED)
        doc.place(page, Block(h=0, draw=draw, frags=[(sid, text)]), 0, y0)

    def band_row(page: int, y0: float, ridx: int, title: str) -> float:
        sid = T.sentence(title, heading=True)

        def draw(P, x, yy):
            P.rect(chart_x0, yy, chart_x1 - chart_x0, BAND_H, stroke=None, fill=BAND_FILL)
            P.line(chart_x0, yy + BAND_H, chart_x1, yy + BAND_H, 0.5, GRID)
            P.text(X0 + 6, yy + BAND_H / 2 + 3.4, title, G, 9.6, (0.2, 0.3, 0.1), True)
        b = Block(h=BAND_H, draw=draw, frags=[(sid, title)], table=tid, row=ridx)
        doc.place(page, b, chart_x0, y0)
        return BAND_H

    def task_row(page: int, y0: float, ridx: int, task, zebra: bool) -> float:
        name, who, bars, mss = task
        bl = y0 + ROW_H / 2 + 3.0
        texts: list[tuple[float, float, str]] = []  # (x0, x1, what) for the overlap check
        obstacles: list[tuple[float, float, str]] = []
        frags = []
        tw_name = sw(name, G, FS_TASK)
        assert tw_name < TASK_W - 10, f"task name too long: {name}"
        items = []  # drawing closures
        bar_geo = []
        for (s, e, label, w, pl, style) in bars:
            bx0, bx1 = mx(s), mx(e, end=True)
            assert bx1 > bx0
            bar_geo.append((bx0, bx1, label, w, pl, style))
            obstacles.append((bx0, bx1, "bar"))
        for (bx0, bx1, label, w, pl, style) in bar_geo:
            if not label:
                continue
            lw = sw(label, G, FS_BAR)
            sid = T.sentence(label, chart=True)
            frags.append((sid, label))
            if pl == "in":
                assert lw + 8 <= bx1 - bx0, f"bar label does not fit: {label}"
                lx = bx0 + 5 if lw + 10 < bx1 - bx0 else bx0 + (bx1 - bx0 - lw) / 2
                texts.append((lx, lx + lw, label))
                items.append(("bartext", lx, label, style, w))
            else:
                lx = bx1 + 4 if pl == "right" else bx0 - 4 - lw
                texts.append((lx, lx + lw, label))
                obstacles.append((lx, lx + lw, label))
                items.append(("text", lx, label))
        for (d, label, pl) in mss:
            xm = mx(d, mid=True)
            dw = sw("◆", G, FS_BAR)
            lw = sw(label, G, FS_BAR)
            x_d = xm - dw / 2
            if pl == "right":
                text = "◆" + label  # the mark at the date, the label right of it: read as one string
                lx = x_d + dw + 1
                texts.append((x_d, lx + lw, text))
            else:
                text = label  # the label LEFT of the mark: pdfplumber reads 「label◆」, the sentence is the label
                lx = x_d - 2 - lw
                texts.append((lx, x_d + dw, text))
            sid = T.sentence(text, chart=True)
            frags.append((sid, text))
            items.append(("ms", x_d, lx, label, xm))
            obstacles.append((lx, lx + lw, text))
        # checks: texts inside the timeline, no overlaps between texts, milestone/beside labels off other bars
        for (a0, a1, t) in texts:
            assert a0 >= TL_X + 1 and a1 <= TL_X1 - 1, f"text outside the timeline: {t} ({a0:.0f}-{a1:.0f})"
        srt = sorted(texts)
        for (_a0, a1, ta), (b0, _b1, tb) in zip(srt, srt[1:], strict=False):
            assert a1 + 3 <= b0, f"texts overlap in {name}: {ta} / {tb}"
        for (a0, a1, t) in obstacles:
            if t == "bar":
                continue
            for (b0, b1, tb) in obstacles:
                if tb == "bar" and a0 < b1 - 0.5 and b0 + 0.5 < a1:
                    raise AssertionError(f"label over a bar in {name}: {t}")

        def draw(P, x, yy):
            if zebra:
                P.rect(chart_x0, yy, chart_x1 - chart_x0, ROW_H, stroke=None, fill=LIGHT)
            P.line(chart_x0, yy + ROW_H, chart_x1, yy + ROW_H, 0.35, GRID)
            P.text(X0 + 6, bl, name, G, FS_TASK)
            P.text(X0 + TASK_W + RESP_W / 2, bl, who, G, FS_RESP, BLACK, False, "center")
            for (bx0, bx1, _label, w, _pl, style) in bar_geo:
                c = COL[w]
                if style == "dashed":
                    lite = tuple(0.72 + 0.28 * v for v in c)
                    P.rect(bx0, yy + 6, bx1 - bx0, ROW_H - 12, stroke=c, fill=lite, width=1.0, dash=[3, 2])
                else:
                    P.rect(bx0, yy + 6, bx1 - bx0, ROW_H - 12, stroke=None, fill=c)
            for it in items:
                if it[0] == "bartext":
                    _, lx, label, style, w = it
                    col = BLACK if style == "dashed" else WHITE
                    P.text(lx, bl, label, G, FS_BAR, col)
                elif it[0] == "text":
                    P.text(it[1], bl, it[2], G, FS_BAR, BLACK)
                else:
                    _, x_d, lx, label, xm = it
                    P.text(x_d, bl, "◆", G, FS_BAR, RED)
                    P.text(lx, bl, label, G, FS_BAR, BLACK)
                    P.line(xm, yy + 4, xm, yy + 6.5, 0.6, RED)

        b = Block(h=ROW_H, draw=draw, frags=frags, table=tid, row=ridx)
        doc.place(page, b, chart_x0, y0)
        return ROW_H

    def chart(page: int, y0: float, caption: str, cap_sid_: int | None, phases: range) -> float:
        sid = cap_sid_ if cap_sid_ is not None else T.sentence(caption, heading=True)

        def cdraw(P, x, yy):
            P.text(X0, yy + 11, caption, G, 10.5, NAVY, True)
        doc.place(page, Block(h=0, draw=cdraw, frags=[(sid, caption)], table=tid), X0, y0)
        vline_label(page, y0 + 2)
        yy = y0 + 18
        top = yy
        yy += header_block(page, yy)
        ridx = 0
        for k, (ph_title, tasks) in enumerate(C.PHASES):
            n_rows = 1 + len(tasks)
            if k in phases:
                yy += band_row(page, yy, ridx, ph_title)
                for j, task in enumerate(tasks):
                    yy += task_row(page, yy, ridx + 1 + j, task, zebra=j % 2 == 1)
            ridx += n_rows
        grid_lines(page, top + HDR1 + HDR2, yy)
        doc.op(page, lambda P, a=top, b=yy: P.line(chart_x0, a, chart_x0, b, 0.9, NAVY))
        return yy

    y_end = chart(p1, y, C.CHART_CAPTION, cap_sid, range(0, C.PAGE1_PHASES))
    put(p1, X0, y_end + 6, TL_X1 - X0, split_sentences(C.PAGE1_NOTE), Style(font=G, size=8.6, leading=14),
        extra={"note": True})

    # KPI panel (page 1)
    def panel_title(page: int, y0: float, title: str, sub: str | None = None) -> float:
        sid = T.sentence(title, heading=True, side=True)

        def draw(P, x, yy):
            P.rect(PANEL_X, yy, PANEL_W, 21, stroke=None, fill=NAVY)
            P.text(PANEL_X + PANEL_W / 2, yy + 14.6, title, G, 10.5, WHITE, True, "center")
        doc.place(page, Block(h=21, draw=draw, frags=[(sid, title)]), PANEL_X, y0)
        h = 25.0
        if sub:
            h += put(page, PANEL_X, y0 + h, PANEL_W, [sub], Style(font=G, size=8.4, leading=13, align="center"),
                     extra={"side": True})
        return h

    py = y + 18
    top_panel = py
    py += panel_title(p1, py, C.KPI_TITLE, C.KPI_SUB) + 2
    inner = PANEL_W - 14
    for title, lines in C.KPIS:
        cy0 = py
        py += 5
        py += put(p1, PANEL_X + 7, py, inner, [title], Style(font=G, size=8.6, leading=13.2, bold=True, color=NAVY),
                  heading=True, extra={"kpi": True})
        for ln in lines:
            big = ln.startswith("目標")
            st = Style(font=G, size=8.6 if not big else 8.8, leading=13.0, hang=8.6 * 2,
                       color=RED if big else BLACK, bold=big)
            if ln.startswith("中間"):
                st = Style(font=G, size=7.8, leading=11.6, hang=0, color=(0.3, 0.3, 0.3))
            py += put(p1, PANEL_X + 7, py, inner, [ln], st, extra={"kpi": True})
        py += 5
        doc.op(p1, lambda P, a=cy0, b=py: P.rect(PANEL_X, a, PANEL_W, b - a, stroke=GRID, fill=None, width=0.6))
        py += 5
    py += put(p1, PANEL_X, py, PANEL_W, split_sentences(C.KPI_NOTE), Style(font=G, size=7.8, leading=12, hang=7.8),
              extra={"note": True, "kpi": True})
    assert py < H - 40, "KPI panel too tall"
    _ = top_panel

    # ------------------------------------------------------------------ page 2: chart continued, notes, side panel
    p2 = new_page()
    y2 = 48.0
    y_end2 = chart(p2, y2, C.CHART_CAPTION_2, None, range(C.PAGE1_PHASES, len(C.PHASES)))
    yn = y_end2 + 10
    for n in C.NOTES:
        yn += put(p2, X0, yn, TL_X1 - X0, split_sentences(n), Style(font=G, size=8.8, leading=14.6, hang=8.8 * 2.6),
                  extra={"note": True})
    assert yn < H - 40
    py = y2 + 18
    py += panel_title(p2, py, C.SCHED_TITLE) + 2
    sy0 = py
    for ln in C.SCHED:
        py += put(p2, PANEL_X + 6, py, PANEL_W - 10, [ln], Style(font=G, size=8.4, leading=13.4, hang=8.4 * 4.5),
                  extra={"side": True, "item": True})
    doc.op(p2, lambda P, a=sy0 - 3, b=py + 3: P.rect(PANEL_X, a, PANEL_W, b - a, stroke=GRID, fill=None, width=0.6))
    py += 14
    py += panel_title(p2, py, C.ROLES_TITLE) + 2
    ry0 = py
    for ln in C.ROLES:
        py += put(p2, PANEL_X + 6, py, PANEL_W - 10, split_sentences(ln),
                  Style(font=G, size=8.2, leading=12.8, hang=8.2, sb=2), extra={"side": True, "item": True})
    doc.op(p2, lambda P, a=ry0 - 3, b=py + 4: P.rect(PANEL_X, a, PANEL_W, b - a, stroke=GRID, fill=None, width=0.6))
    assert py < H - 40

    # ------------------------------------------------------------------ page 3: 参考
    p3 = new_page()
    y3 = 50.0
    put(p3, X0, y3, 600, ["参考資料"], Style(font=G, size=13, leading=20, bold=True, color=NAVY), heading=True)
    doc.op(p3, lambda P: P.line(X0, y3 + 22, X1, y3 + 22, 1.2, NAVY))
    left_w = sum(C.REF1["widths"])
    right_x = X0 + left_w + 34
    right_w = X1 - right_x
    cap_st = Style(font=G, size=10, leading=17, bold=True, sb=0, keep_next=True)
    tkw = dict(size=8.8, leading=13, pad=4.5, header_fill=HEAD_FILL, rule=(0.3, 0.3, 0.35), caption_style=cap_st)

    def place_table(page, x, y0, spec, width, notes=None, total_row=False) -> float:
        ts = TableSpec(**{**tkw, **spec}, notes=notes or [])
        caps, hdr, trows, tnotes = table_parts(doc, ts, width)
        yy = y0
        for b in caps:
            doc.place(page, b, x, yy)
            yy += b.h
        yy += 2
        hb = hdr()
        doc.place(page, hb, x, yy)
        yy += hb.h
        for i, b in enumerate(trows):
            if total_row and i == len(trows) - 1:
                doc.op(page, lambda P, a=yy, h=b.h: P.rect(x, a, width, h, stroke=None, fill=(0.95, 0.95, 0.9)))
            doc.place(page, b, x, yy)
            yy += b.h
        for b in tnotes:
            yy += b.sb
            doc.place(page, b, x, yy)
            yy += b.h
        return yy - y0

    ya = y3 + 36
    ya += place_table(p3, X0, ya, C.REF1, left_w) + 26
    ya += place_table(p3, X0, ya, C.REF2, left_w, C.REF2_NOTES, total_row=True) + 26
    ya += place_table(p3, X0, ya, C.REF4, left_w, C.REF4_NOTES, total_row=True)
    assert ya < H - 40
    yb = y3 + 36
    yb += place_table(p3, right_x, yb, C.REF3, right_w, C.REF3_NOTES, total_row=True) + 22

    def box(page, y0, title, lines, split=True) -> float:
        sid = T.sentence(title, heading=True, box=True)
        yy = y0 + 6

        def tdraw(P, x, y_):
            P.text(right_x + 10, y_ + 12, "■ " + title, G, 10, NAVY, True)
        doc.place(page, Block(h=0, draw=tdraw, frags=[(sid, title)]), right_x, yy)
        yy += 20
        for ln in lines:
            yy += put(page, right_x + 12, yy, right_w - 24, split_sentences(ln) if split else [ln],
                      Style(font=G, size=8.8, leading=14.4, hang=8.8 if ln.startswith("・") else 0, sb=2),
                      extra={"box": True})
        yy += 8
        doc.op(page, lambda P, a=y0, b=yy: P.rect(right_x, a, right_w, b - a, stroke=NAVY, fill=None, width=0.8))
        return yy - y0

    # the ・ is added here so that the sentence text carries it, as printed
    yb += box(p3, yb, C.SYSTEM_TITLE, ["・" + s for s in C.SYSTEM]) + 16
    yb += box(p3, yb, C.CONTACT_TITLE, C.CONTACT, split=False)
    assert yb < H - 40
    assert len(doc.pages) == npages
    return doc
