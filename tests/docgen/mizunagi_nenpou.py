"""mizunagi-nenpou.pdf: 令和7年度 みずなぎ県居住支援協議会 活動報告書 (fictional みずなぎ県), held-out set BLIND35.

A4 portrait annual report, 6 pages, no /Title.  Page 1: a 「令和8年度通常総会　資料1」 tag, a title band, the issue line
(和暦 with 西暦), はじめに with a right-aligned signature, FOUR figure tiles side by side (label / big value / 前年度
line; pdfplumber reads the four labels on one line, the four values on the next), section 1 with a ruled table.
Page 2: a VERTICAL TIMELINE (活動の歩み): a spine with month badges, the day (「23日」) right-aligned left of each
event, year markers 「2025年（令和7年）」 / 「2026年（令和8年）」 only before April and January, so an event's month and
year are only given by the badge / marker above it (two events on 「1日」 in 10月).  Pages 3–4: a main column with
表3-1 (a 圏域 column whose label is printed once, vertically centred over its municipalities and shaded 小計 row;
TWO-LINE header with the unit on the second line; ※ markers inside cells; a 県外・不明 row and a 合計 row whose label
spans two columns) and 表3-2, beside a narrow SIDEBAR コラム (photo placeholder, caption) that runs down page 3 and
CONTINUES at the top of page 4 (「（次ページへ続く）」 / 「（前ページから続く）」); pdfplumber reads the main column and the
sidebar together line by line.  Page 5: TWO columns with thin rules that switch to ONE column for a full-width
grouped column chart (values above the bars) with its caption and note spanning both columns, then back to two
columns.  Page 6: two ruled budget tables (unit right of the caption, △), （1）–（3） with ア / イ items, a contact box.
Running header (report name, right-aligned over a rule) from page 2; the page number in a small filled square at
the bottom right (the printed label).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mizunagi_nenpou as C
from .engine import (
    BLACK,
    Block,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    wrap,
)
from .kit import decorate
from .mizunagi_tebiki import MDoc, add_mtable

W, H = A4
X0, X1, TOP, BOTTOM = 54.0, W - 54.0, 70.0, H - 62.0
TEAL = (0.06, 0.36, 0.44)
CORAL = (0.88, 0.42, 0.32)
MINT = (0.90, 0.96, 0.96)
GRAY = (0.42, 0.42, 0.42)
WHITE = (1, 1, 1)
BAR2 = (0.62, 0.80, 0.82)

P_ = Style(font=M, size=10.0, leading=17.4, indent=10.0, sa=2)
H2 = Style(size=12.6, leading=21, bold=True, color=TEAL, sb=12, sa=4, keep_next=True)
H3 = Style(size=10.2, leading=17, bold=True, sb=6, keep_next=True)
NOTE = Style(size=8.2, leading=12.4, hang=8.2 * 2, sb=2)
MAIN_W = 336.0
SIDE_X = X0 + MAIN_W + 16.0


def _h2(T, text: str, width: float) -> list[Block]:
    def deco(P, x, y, w, h):
        P.rect(x, y + 3, 6, h - 8, stroke=None, fill=TEAL)
        P.line(x, y + h - 2, x + w, y + h - 2, 0.8, TEAL)

    return decorate(line_blocks(T, [text], width, H2.but(indent=13, hang=13), heading=True), deco, width)


def build():
    doc = MDoc("mizunagi-nenpou.pdf", A4, C.TITLE, "A4 annual report: tiles, vertical timeline, sidebar, 2-col page",
               meta_title=None, author="みずなぎ県居住支援協議会")
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 48, info["header"], G, 8.0, GRAY, False, "right")
            P.line(X0, 54, X1, 54, 0.6, TEAL)
        n = info["footer"]
        P.rect(X1 - 22, H - 46, 22, 18, stroke=None, fill=TEAL)
        P.text(X1 - 11, H - 33, n, G, 9.5, WHITE, True, "center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=str(n), decor=decor)

    # ================================================================ page 1
    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow._new_page()
    pg = flow.page
    place_text(doc, pg, X0, 34, X1 - X0, [C.TAG], Style(size=8.6, leading=13, align="right"))
    tw = sw(C.TAG, G, 8.6)
    doc.op(pg, lambda P: P.rect(X1 - tw - 8, 33, tw + 8, 16, stroke=GRAY, fill=None, width=0.6))
    band_y, band_h = 58.0, 92.0
    doc.op(pg, lambda P: (P.rect(0, band_y, W, band_h, stroke=None, fill=TEAL),
                          P.rect(0, band_y + band_h, W, 4, stroke=None, fill=CORAL)))
    sid = T.sentence(C.TITLE, heading=True)
    doc.place(pg, Block(h=22, draw=lambda P, x, y: P.text(x, y + 17, C.TITLE_LINES[0], G, 14, WHITE, True),
                        frags=[(sid, C.TITLE_LINES[0])]), X0 + 6, band_y + 14)
    doc.place(pg, Block(h=34, draw=lambda P, x, y: P.text(x, y + 27, C.TITLE_LINES[1], G, 22, WHITE, True),
                        frags=[(sid, C.TITLE_LINES[1])]), X0 + 6, band_y + 40)
    y = band_y + band_h + 10
    y += place_text(doc, pg, X0, y, X1 - X0, [C.ISSUE], Style(size=8.8, leading=14, color=GRAY, align="right"))
    y += 6
    y += place_text(doc, pg, X0, y, X1 - X0, [C.GREETING_HEAD], H3.but(color=TEAL, sb=0), heading=True)
    y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(C.GREETING), P_)
    y += place_text(doc, pg, X0, y, X1 - X0, [C.SIGN], Style(size=9.4, leading=16, align="right"))
    y += 10
    # figure tiles
    y += place_text(doc, pg, X0, y, X1 - X0, [C.TILES_HEAD], H3.but(color=TEAL, sb=0), heading=True)
    y += 4
    gap = 10.0
    tw_ = (X1 - X0 - 3 * gap) / 4
    th = 66.0
    for k, (label, value, sub) in enumerate(C.TILES):
        tx = X0 + k * (tw_ + gap)
        ls = T.sentence(label, box=True, tile=True)
        vs = T.sentence(value, box=True, tile=True)
        ss = T.sentence(sub, box=True, tile=True)

        def draw(P, x, yy, label=label, value=value, sub=sub):
            P.rect(x, yy, tw_, th, stroke=TEAL, fill=MINT, width=0.9, radius=6)
            P.rect(x, yy, tw_, 17, stroke=None, fill=TEAL, radius=6)
            P.rect(x, yy + 9, tw_, 8, stroke=None, fill=TEAL)
            P.text(x + tw_ / 2, yy + 12.5, label, G, 8.6, WHITE, True, "center")
            P.text(x + tw_ / 2, yy + 42, value, G, 19, TEAL, True, "center")
            P.text(x + tw_ / 2, yy + 58, sub, G, 8.0, GRAY, False, "center")

        doc.place(pg, Block(h=th, draw=draw, frags=[(ls, label), (vs, value), (ss, sub)]), tx, y)
    y += th + 4
    y += place_text(doc, pg, X0, y, X1 - X0, [C.TILES_NOTE], NOTE, extra={"note": True})
    flow.band_top = y + 4
    for it in C.SEC1:
        _item(flow, T, it)
    flow.page_break()

    # ================================================================ page 2: vertical timeline
    pg = new_page()
    y = TOP
    for b in _h2(T, C.TIMELINE_HEAD, X1 - X0):
        doc.place(pg, b, X0, y + b.sb)
        y += b.h + b.sb
    y += place_text(doc, pg, X0, y + 2, X1 - X0, split_sentences(C.TIMELINE_LEAD), P_) + 8
    spine = X0 + 40
    day_r = X0 + 104
    ev_x = X0 + 112
    ev_w = X1 - ev_x
    est = Style(size=9.4, leading=14.6)
    spine_top = y
    for entry in C.TIMELINE:
        if entry[0] == "year":
            text = entry[1]
            ysid = T.sentence(text, heading=True, timeline=True)
            yy = y + 6

            def ydraw(P, x, yb, text=text):
                w_ = sw(text, G, 9.6) + 16
                P.rect(x, yb, w_, 18, stroke=None, fill=CORAL, radius=9)
                P.text(x + 8, yb + 13, text, G, 9.6, WHITE, True)
                P.line(x + w_ + 6, yb + 9, X1, yb + 9, 0.6, CORAL, dash=([3, 2], 0))

            doc.place(pg, Block(h=18, draw=ydraw, frags=[(ysid, text)]), X0, yy)
            y = yy + 26
            continue
        month, items = entry
        msid = T.sentence(month, timeline=True, month=True)
        for k, (day, text) in enumerate(items):
            sid = T.sentence(f"{day}　{text}", item=True, timeline=True)
            lines = wrap([(ch, sid) for ch in text], ev_w, est)
            first = k == 0

            def draw(P, x, yy, day=day, lines=lines, first=first, month=month):
                b0 = baseline_of(yy, est)
                if first:
                    P.rect(spine - 19, b0 - 12.5, 38, 17, stroke=None, fill=TEAL, radius=8)
                    P.text(spine, b0, month, G, 9.4, WHITE, True, "center")
                else:
                    P.c.setFillColorRGB(*TEAL)
                    P.c.circle(spine, P.H - (b0 - 3.4), 2.6, stroke=0, fill=1)
                P.text(day_r, b0, day, G, 9.4, TEAL, True, "right")
                for j, ln in enumerate(lines):
                    P.text(ev_x, b0 + j * est.leading, "".join(u[0] for u in ln), G, est.size, BLACK)

            frags = [(sid, day)] + [f for ln in lines for f in frags_of(ln)]
            if first:
                frags = [(msid, month)] + frags
            doc.place(pg, Block(h=len(lines) * est.leading, draw=draw, frags=frags), X0, y)
            y += len(lines) * est.leading + 4.5
        y += 8
    spine_bot = y - 8
    doc.pages[pg].ops.insert(0, lambda P: P.line(spine, spine_top + 30, spine, spine_bot, 1.6, BAR2))
    y += place_text(doc, pg, X0, y + 4, X1 - X0, [C.TIMELINE_NOTE], NOTE, extra={"note": True})
    assert y < BOTTOM, f"timeline overflows ({y:.0f} > {BOTTOM:.0f})"

    # ================================================================ pages 3-4: main column + sidebar
    flow = Flow(doc, (X0, TOP, X0 + MAIN_W, BOTTOM), new_page, ncols=1)
    for it in C.SEC3:
        _item(flow, T, it)
    flow.finish()
    side_pages = [i for i in range(len(doc.pages)) if i >= 2]
    assert len(side_pages) == 2, f"section 3 should fill two pages, got {len(side_pages)}"
    _sidebar(doc, T, side_pages)

    # ================================================================ pages 5-6
    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, gutter=20, col_rule=(0.7, 0.8, 0.8))
    flow.add_all(_h2(T, C.SEC4_HEAD, X1 - X0))
    flow.add_all(line_blocks(T, split_sentences(C.SEC4_LEAD), X1 - X0, P_))
    flow.set_columns(2, gap=4)
    for it in C.SEC4_A:
        _item(flow, T, it)
    flow.set_columns(1, gap=10)
    cap = line_blocks(T, [C.CHART["caption"]], X1 - X0, Style(size=9.6, leading=15, bold=True, align="center", sb=4),
                      extra={"caption": True, "figure": True})
    flow.add(_chart(T, C.CHART, X1 - X0))
    flow.add_all(cap)
    flow.add_all(line_blocks(T, [C.CHART["note"]], X1 - X0, NOTE.but(align="left"), extra={"note": True}))
    flow.set_columns(2, gap=8)
    for it in C.SEC4_B:
        _item(flow, T, it)
    flow.set_columns(1, gap=6)
    flow.page_break()
    flow.add_all(_h2(T, C.SEC5_HEAD, X1 - X0))
    flow.add_all(line_blocks(T, split_sentences(C.SEC5_LEAD), X1 - X0, P_))
    tab_kw = dict(size=8.6, leading=12.0, pad=3.3, header_fill=(0.85, 0.93, 0.93), align=["l", "r", "r", "r", "l"],
                  caption_style=Style(size=9.6, leading=16, bold=True, sb=6, sa=1, keep_next=True))
    flow.add_table(TableSpec(**C.BUDGET_IN, **tab_kw))
    flow.add_table(TableSpec(**C.BUDGET_OUT, **tab_kw))
    flow.add_all(_h2(T, C.SEC6_HEAD, X1 - X0))
    for it in C.SEC6:
        _item(flow, T, it)
    flow.add(_contact(T, C.CONTACT_HEAD, C.CONTACT, X1 - X0))
    flow.finish()
    assert len(doc.pages) == 6, len(doc.pages)
    return doc


def _item(flow: Flow, T, it) -> None:
    kind = it[0]
    fw = flow.width
    if kind == "h2":
        flow.add_all(_h2(T, it[1], fw))
    elif kind == "h3":
        flow.add_all(line_blocks(T, [it[1]], fw, H3.but(color=TEAL), heading=True))
    elif kind == "p":
        flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
    elif kind == "item":
        flow.add_all(line_blocks(T, split_sentences(it[1]), fw, Style(font=M, size=10.0, leading=17.0, indent=10,
                                                                     hang=10 * 3, sb=1), extra={"item": True}))
    elif kind == "table":
        spec = dict(it[1])
        flow.add_table(TableSpec(**spec, size=8.8, leading=12.6, pad=3.6, header_fill=(0.85, 0.93, 0.93),
                                 align=["l", "r", "r", "r"],
                                 caption_style=Style(size=9.6, leading=16, bold=True, sb=6, sa=1, keep_next=True)))
        flow.vspace(2)
    elif kind == "mtable":
        add_mtable(flow, it[1], header_fill=(0.85, 0.93, 0.93), sub_fill=(0.93, 0.96, 0.96),
                   grand_fill=(0.82, 0.90, 0.90))
        flow.vspace(2)
    else:
        raise KeyError(kind)


def _sidebar(doc, T, pages: list[int]) -> None:
    """A コラム in a narrow column at the right of the main column, continued on the next page."""
    sw_ = X1 - SIDE_X
    pad = 8.0
    inner = sw_ - 2 * pad
    tag_sid = T.sentence(C.COLUMN_TAG, heading=True, box=True, side=True)
    title_sid = T.sentence(C.COLUMN_TITLE, heading=True, box=True, side=True)
    blocks: list[Block] = []
    blocks += line_blocks(T, [C.COLUMN_BY], inner, Style(size=7.8, leading=12, color=GRAY, sa=4), extra={"box": True, "side": True})
    photo_h = 84.0
    psid_lines = line_blocks(T, [C.PHOTO_CAPTION], inner, Style(size=7.6, leading=11.4, color=GRAY, sa=4),
                             extra={"box": True, "side": True, "caption": True})

    def photo(P, x, y):
        P.rect(x, y, inner, photo_h, stroke=(0.7, 0.7, 0.7), fill=(0.88, 0.90, 0.90), width=0.6)
        P.line(x, y, x + inner, y + photo_h, 0.4, (0.75, 0.75, 0.75))
        P.line(x + inner, y, x, y + photo_h, 0.4, (0.75, 0.75, 0.75))

    blocks.append(Block(h=photo_h + 3, draw=photo))
    blocks += psid_lines
    body = Style(font=M, size=8.7, leading=13.6, indent=8.7, sa=2)
    for para in C.COLUMN_TEXT:
        blocks += line_blocks(T, split_sentences(para), inner, body, extra={"box": True, "side": True})
    out_sid = T.sentence(C.COLUMN_CONT_OUT, box=True, side=True, cont=True)
    in_sid = T.sentence(C.COLUMN_CONT_IN, box=True, side=True, cont=True)
    cont_st = Style(size=7.6, leading=12, color=TEAL, bold=True, align="right")

    head_h = 40.0
    limit = BOTTOM - 18
    page_i = 0
    y = TOP + head_h
    starts = {pages[0]: TOP}
    ends: dict[int, float] = {}

    def head(P, x, yy):
        P.rect(x, yy, 44, 17, stroke=None, fill=CORAL, radius=3)
        P.text(x + 22, yy + 12.5, C.COLUMN_TAG, G, 9, WHITE, True, "center")
        P.text(x, yy + 33, C.COLUMN_TITLE, G, 11, TEAL, True)

    doc.place(pages[0], Block(h=head_h, draw=head, frags=[(tag_sid, C.COLUMN_TAG), (title_sid, C.COLUMN_TITLE)]),
              SIDE_X + pad, TOP + 6)
    y = TOP + 6 + head_h
    for b in blocks:
        if y + b.h > limit and page_i == 0:
            doc.place(pages[0], Block(h=12, draw=lambda P, x, yy: P.text(x + inner, baseline_of(yy, cont_st),
                                                                         C.COLUMN_CONT_OUT, G, 7.6, TEAL, True, "right"),
                                      frags=[(out_sid, C.COLUMN_CONT_OUT)]), SIDE_X + pad, y)
            ends[pages[0]] = y + 16
            page_i = 1
            starts[pages[1]] = TOP
            y = TOP + 6
            doc.place(pages[1], Block(h=12, draw=lambda P, x, yy: P.text(x, baseline_of(yy, cont_st), C.COLUMN_CONT_IN,
                                                                         G, 7.6, TEAL, True),
                                      frags=[(in_sid, C.COLUMN_CONT_IN)]), SIDE_X + pad, y)
            y += 16
        doc.place(pages[page_i], b, SIDE_X + pad, y)
        y += b.h
    assert page_i == 1, "the column must continue on the next page"
    ends[pages[1]] = y + 6
    assert y < BOTTOM
    for p in pages:
        y0, y1 = starts[p], ends[p]
        doc.pages[p].ops.insert(0, lambda P, y0=y0, y1=y1: P.rect(SIDE_X, y0, sw_, y1 - y0, stroke=BAR2, fill=MINT,
                                                                 width=0.8, radius=4))


def _chart(T, spec: dict, width: float) -> Block:
    """Grouped column chart: two series, values above the columns, years under the axis, legend top right."""
    h = 196.0
    plot_top, plot_h = 30.0, 132.0
    left = 46.0
    vmax = 1600.0
    years = spec["years"]
    series = spec["series"]
    frags = []
    usid = T.sentence(spec["unit"], chart=True)
    frags.append((usid, spec["unit"]))
    leg = []
    for name, _v in series:
        s = T.sentence(name, chart=True, legend=True)
        leg.append((s, name))
        frags.append((s, name))
    vals = []
    for k, y in enumerate(years):
        ysid = T.sentence(y, chart=True)
        frags.append((ysid, y))
        for j, (_n, v) in enumerate(series):
            txt = f"{v[k]:,}"
            s = T.sentence(txt, chart=True)
            frags.append((s, txt))
            vals.append((k, j, v[k], txt))

    def draw(P, x, y):
        ax = x + left
        aw = width - left - 10
        base = y + plot_top + plot_h
        for t in (0, 400, 800, 1200, 1600):
            gy = base - plot_h * t / vmax
            P.line(ax, gy, ax + aw, gy, 0.3, (0.82, 0.82, 0.82))
            P.text(ax - 5, gy + 3, f"{t:,}", G, 7.2, GRAY, False, "right")
        P.text(x + 4, y + 12, spec["unit"], G, 7.6, GRAY)
        lx = x + width - 10
        for j in range(len(leg) - 1, -1, -1):
            _s, name = leg[j]
            tw = sw(name, G, 7.8)
            P.text(lx, y + 12, name, G, 7.8, BLACK, False, "right")
            P.rect(lx - tw - 13, y + 5, 9, 9, stroke=None, fill=TEAL if j == 0 else BAR2)
            lx -= tw + 26
        slot = aw / len(years)
        bw = slot * 0.28
        for k, yl in enumerate(years):
            cx = ax + slot * (k + 0.5)
            P.text(cx, base + 14, yl, G, 8.2, BLACK, False, "center")
        for k, j, v, txt in vals:
            cx = ax + slot * (k + 0.5)
            bx = cx - bw - 2 if j == 0 else cx + 2
            bh = plot_h * v / vmax
            P.rect(bx, base - bh, bw, bh, stroke=None, fill=TEAL if j == 0 else BAR2)
            P.text(bx + bw / 2, base - bh - 4, txt, G, 7.6, BLACK, j == 0, "center")
        P.line(ax, base, ax + aw, base, 0.9, GRAY)

    return Block(h=h, draw=draw, frags=frags, sb=6, keep_next=True)


def _contact(T, title: str, lines: list[str], width: float) -> Block:
    pad = 10.0
    tsid = T.sentence(title, heading=True, box=True)
    parts: list[Block] = []
    for k, ln in enumerate(lines):
        st = Style(size=9.6 if k % 2 == 0 else 9.4, leading=15.6, bold=k % 2 == 0, indent=0 if k % 2 == 0 else 14,
                   sb=4 if k and k % 2 == 0 else 0)
        parts.extend(line_blocks(T, [ln], width - 2 * pad - 80, st, extra={"box": True, "contact": True}))
    h = sum(b.h + b.sb for b in parts) + 2 * pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=TEAL, fill=WHITE, width=1.1, radius=4)
        P.rect(x, y, 72, h, stroke=None, fill=TEAL, radius=4)
        P.text(x + 36, y + h / 2 + 4, title, G, 10, WHITE, True, "center")
        yy = y + pad
        for b in parts:
            yy += b.sb
            b.draw(P, x + 82, yy)
            yy += b.h

    frags = [(tsid, title)] + [f for b in parts for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=16)
