"""kazahana-calendar.pdf: 「出張相談会・研修 カレンダー（令和8年7月～9月）」 of a prefectural housing-support centre and the
prefecture's housing division (fictional 風花県), A4 portrait, 5 pp.

Layout traps: page 1 is a cover-and-guide page (teal title band with the title in white, issuer line right-aligned,
intro prose, ■ sections with ・ items, a legend of five marks ●■◆▲×, a rounded 「ご予約・お問い合わせ」 box beside a
small ruled table 「表　出張相談会の開催実績」 (令和6年度 / 令和7年度), so pdfplumber reads the box and the table across);
pages 2–4 are MONTH CALENDARS: a coloured month band (「令和8年」 small, 「7月」 large), a ruled 7-column grid 日～土
(Sunday red, Saturday blue, weeks as rows, 5 or 6 rows; days outside the month left blank and grey), each day cell
holding the day number top left, a holiday name in red at the top right (海の日, 山の日, 敬老の日, 国民の休日, 秋分の日), and up
to three short event lines (「●出張相談会」「月影市」「10:00～15:00」, an event name broken over two lines such as
「▲設立準備補」「助金 受付開始」); pdfplumber reads the grid row by row across the seven cells, so the event lines of a
week come out glued to those of the other days (「●出張相談会 ■担当者研修 ●出張相談会」…); under each grid a 「n月の予定」
list with the full details (date, mark, venue, time) and ※ notes; page 5: a prose section, a ruled venue table
(開催日｜市町村｜会場｜駐車場) with a ※ note, and two contact boxes side by side (read across).  Footer 「風花県居住支援センター」
left and the page number right on every page; no running header; no /Title.
Truth: each month grid is a table (caption 「令和8年n月」, header 日…土, one row per week, each cell 「day event lines」
joined by spaces, empty for blank days); each event line and holiday name is also a sentence with flag `cal`.
"""

from __future__ import annotations

import calendar

from reportlab.lib.pagesizes import A4

from . import content_kazahana_calendar as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
    table_parts,
)
from .kit import box_block

W, H = A4
X0, X1 = 42.0, W - 42.0
TW = X1 - X0
TOP, BOTTOM = 46.0, H - 52.0
TEAL = (0.05, 0.45, 0.50)
PALE = (0.90, 0.96, 0.96)
RED = (0.80, 0.10, 0.10)
BLUE = (0.10, 0.25, 0.75)
GRAY = (0.45, 0.45, 0.45)
LIGHT = (0.95, 0.95, 0.95)
WHITE = (1, 1, 1)

BODY = Style(size=9.6, leading=16.0)
ITEM = Style(size=9.4, leading=15.5, hang=9.4)
H3 = Style(size=11.0, leading=19.0, bold=True, color=TEAL, sb=8, sa=2, keep_next=True)
NOTE = Style(size=8.6, leading=13.5, hang=2 * 8.6, sb=3)
EV = 7.2
EV_LEAD = 10.2
CELL_H = 58.0
HEAD_H = 17.0
WEEK = ["日", "月", "火", "水", "木", "金", "土"]


def month_grid(doc: Doc, page: int, y: float, year: int, month: int, events: dict, holidays: dict) -> float:
    T = doc.truth
    cal = calendar.Calendar(firstweekday=6).monthdayscalendar(year, month)
    colw = TW / 7
    rows = []
    for wk in cal:
        row = []
        for d in wk:
            if not d:
                row.append("")
                continue
            parts = [str(d)] + ([holidays[d]] if d in holidays else []) + events.get(d, [])
            row.append(" ".join(parts))
        rows.append(row)
    tid = T.table(f"令和{year - 2018}年{month}月", None, WEEK, rows)
    # header row
    def draw_head(P, x, yy):
        for j, wd in enumerate(WEEK):
            fill = (0.98, 0.86, 0.86) if j == 0 else (0.86, 0.90, 0.98) if j == 6 else PALE
            P.rect(x + j * colw, yy, colw, HEAD_H, stroke=GRAY, fill=fill, width=0.5)
            col = RED if j == 0 else BLUE if j == 6 else BLACK
            P.text(x + j * colw + colw / 2, yy + 12.2, wd, G, 9.5, col, True, "center")
    doc.place(page, Block(h=HEAD_H, draw=draw_head, table=tid), X0, y)
    y += HEAD_H
    for i, wk in enumerate(cal):
        frags = []
        items = []  # (j, day, holiday sid/text, [(sid, line)])
        for j, d in enumerate(wk):
            if not d:
                continue
            hol = None
            if d in holidays:
                hol = (T.sentence(holidays[d], cal=True), holidays[d])
                frags.append(hol)
            lines = []
            for ln in events.get(d, []):
                if sw(ln, G, EV) > colw - 6:
                    raise AssertionError(f"calendar line too wide: {ln}")
                sid = T.sentence(ln, cal=True)
                lines.append((sid, ln))
                frags.append((sid, ln))
            items.append((j, d, hol, lines))

        def draw_week(P, x, yy, wk=wk, items=items):
            for j, d in enumerate(wk):
                P.rect(x + j * colw, yy, colw, CELL_H, stroke=GRAY, fill=None if d else LIGHT, width=0.5)
            for j, d, hol, lines in items:
                cx = x + j * colw
                off = hol is not None or j in (0, 6)
                col = RED if (j == 0 or off and hol) else BLUE if j == 6 else BLACK
                P.text(cx + 3, yy + 11.5, str(d), G, 10.5, col, True)
                if hol:
                    P.text(cx + colw - 3, yy + 11, hol[1], G, 6.6, RED, False, "right")
                ly = yy + 16
                for _sid, ln in lines:
                    P.text(cx + 3, baseline_of(ly, Style(size=EV, leading=EV_LEAD)), ln, G, EV, BLACK)
                    ly += EV_LEAD

        doc.place(page, Block(h=CELL_H, draw=draw_week, frags=frags, table=tid, row=i), X0, y)
        y += CELL_H
    return y


def build() -> Doc:
    doc = Doc("kazahana-calendar.pdf", A4, C.TITLE + " " + C.SUBTITLE,
              "A4 portrait event calendar: guide page, three month grids with event cells and detail lists, "
              "venue table and contact boxes", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.line(X0, H - 44, X1, H - 44, 0.5, TEAL)
        P.text(X0, H - 30, "風花県居住支援センター", G, 8.5, GRAY)
        P.text(X1, H - 30, info["printed"], G, 10, BLACK, True, "right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None, footer=f"風花県居住支援センター　{n}", decor=decor)

    # ---------------------------------------------------------------- page 1
    p = new_page()
    band_h = 62.0
    doc.op(p, lambda P: P.rect(X0, TOP, TW, band_h, stroke=None, fill=TEAL))
    tst = Style(size=20, leading=28, bold=True, color=WHITE)
    sst = Style(size=11, leading=18, color=WHITE)
    for b in line_blocks(T, [C.TITLE], TW - 24, tst, heading=True):
        doc.place(p, b, X0 + 14, TOP + 8)
    for b in line_blocks(T, [C.SUBTITLE], TW - 24, sst, heading=True):
        doc.place(p, b, X0 + 14, TOP + 38)
    y = TOP + band_h + 6
    for b in line_blocks(T, [C.ISSUER], TW, Style(size=9, leading=15, align="right", color=GRAY)):
        doc.place(p, b, X0, y)
        y += b.h
    y += 4
    for para in C.INTRO:
        for b in line_blocks(T, split_sentences(para), TW, BODY.but(indent=9.6)):
            doc.place(p, b, X0, y)
            y += b.h
    for head, items in ((C.H_ABOUT, C.ABOUT), (C.H_LEGEND, C.LEGEND)):
        y += H3.sb
        for b in line_blocks(T, [head], TW, H3, heading=True):
            doc.place(p, b, X0, y)
            y += b.h
        for it in items:
            for b in line_blocks(T, split_sentences(it), TW - 10, ITEM, extra={"item": True}):
                doc.place(p, b, X0 + 10, y)
                y += b.h
    y += 14
    # box (left) beside the table (right)
    bw = TW * 0.50
    box = box_block(T, C.BOX_TITLE, C.BOX, bw, Style(size=9.4, leading=15.5), Style(size=10, leading=16),
                    fill=PALE, border=TEAL, sb=0)
    doc.place(p, box, X0, y)
    tx = X0 + bw + 16
    ts = TableSpec(caption=C.TABLE_CAPTION, header=C.TABLE_HEADER, rows=C.TABLE_ROWS, widths=[2.2, 1, 1],
                   size=8.8, leading=13.0, header_fill=PALE, notes=C.TABLE_NOTES,
                   caption_style=Style(size=9.6, leading=15, bold=True, sb=0))
    caps, header, rows, notes = table_parts(doc, ts, TW - bw - 16)
    ty = y
    for b in caps + [header()] + rows + notes:
        ty += b.sb
        doc.place(p, b, tx, ty)
        ty += b.h
    if max(ty, y + box.h) > BOTTOM:
        raise AssertionError("page 1 overflows")

    # ---------------------------------------------------------------- month pages
    for (year, month, events, hols, lst), note in zip(C.MONTHS, [None, C.NOTE_AUG, C.NOTE_SEP], strict=True):
        p = new_page()
        bh = 40.0
        doc.op(p, lambda P, bh=bh: P.rect(X0, TOP, TW, bh, stroke=None, fill=TEAL, radius=3))
        s1 = T.sentence(f"令和{year - 2018}年", heading=True)
        s2 = T.sentence(f"{month}月", heading=True)
        s3 = T.sentence(C.TITLE, heading=True)
        y1, y2 = f"令和{year - 2018}年", f"{month}月"

        def band(P, x, yy, y1=y1, y2=y2):
            P.text(x + 12, yy + 26, y1, G, 11, WHITE, True)
            P.text(x + 12 + sw(y1, G, 11) + 6, yy + 31, y2, G, 24, WHITE, True)
            P.text(x + TW - 12, yy + 26, C.TITLE, G, 10, WHITE, False, "right")
        doc.place(p, Block(h=bh, draw=band, frags=[(s1, y1), (s2, y2), (s3, C.TITLE)]), X0, TOP)
        y = month_grid(doc, p, TOP + bh + 8, year, month, events, hols)
        y += 14
        for b in line_blocks(T, [f"{month}月の予定"], TW, H3.but(sb=0), heading=True):
            doc.place(p, b, X0, y)
            y += b.h
        for it in lst:
            for b in line_blocks(T, split_sentences(it), TW - 6, ITEM.but(hang=2 * 9.4, leading=17),
                                 extra={"item": True}):
                doc.place(p, b, X0 + 6, y)
                y += b.h
        if note:
            y += 4
            for b in line_blocks(T, split_sentences(note), TW, NOTE, extra={"note": True}):
                doc.place(p, b, X0, y)
                y += b.h
        if y > BOTTOM:
            raise AssertionError(f"month page {month} overflows ({y:.0f})")

    # ---------------------------------------------------------------- last page
    flow = Flow(doc, (X0, TOP, X1, BOTTOM - 120), new_page, ncols=1)
    flow.add_all(line_blocks(T, [C.H_LAST], TW, H3.but(size=12.5, leading=21), heading=True))
    for para in C.LAST_INTRO:
        flow.add_all(line_blocks(T, split_sentences(para), TW, BODY.but(indent=9.6, sa=3)))
    flow.vspace(10)
    flow.add_table(TableSpec(caption=C.VENUE_CAPTION, header=C.VENUE_HEADER, rows=C.VENUE_ROWS,
                             widths=[1.0, 1.0, 2.4, 2.0], align=["l", "l", "l", "l"], size=9.0, leading=14.0,
                             header_fill=PALE, notes=C.VENUE_NOTES))
    flow.finish()
    p = len(doc.pages) - 1
    y = BOTTOM - 112
    cw_ = (TW - 16) / 2
    for k, (title, lines) in enumerate(C.CONTACTS):
        bx = box_block(T, title, lines, cw_, Style(size=9.4, leading=15.5), Style(size=10, leading=16),
                       fill=WHITE, border=TEAL, sb=0)
        doc.place(p, bx, X0 + k * (cw_ + 16), y)
    return doc
