"""kotobuki-shiryou.pdf: 統計資料編 (data book) on housing support, A4 portrait (fictional ことぶき県).

Layout traps: running header (the document's name, left-aligned over a rule) on every page and the footer
「資料-n」 centred on every page (the printed label is 「資料-n」, not a bare number); title, issuer and a
利用上の注意 box on page 1; seven numeric tables 第1表–第7表 with TWO-LEVEL merged header cells (年度 over
令和4年度末 / 令和5年度末 / 令和6年度末, 令和5年度 over 新規 / 継続 / 計, 居住支援協議会 over 設立年月 / 構成団体数,
県補助金の活用 over two subsidies; single header cells span both header rows, some wrapped), the unit
（単位：件）/（各年度末現在） at the right of the caption, 「△」 for decreases, 「－」 for no value, shaded
合計 rows, 「注）」 notes and a 「資料：」 source line under every table and chart; 第3表 and 第7表
(14 municipalities) continue onto the next page with both header rows repeated; two vertical bar charts
図1 / 図2 drawn with rectangles (value labels above the bars, category labels under them, y-axis ticks, the
axis title printed horizontally above the axis, the x-axis title at the right end), chart labels registered
as sentences with flag `chart`; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_kotobuki_shiryou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
    unit_blocks,
    wrap,
)
from .kit import decorate

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 70.0, H - 62.0
TEAL = (0.05, 0.38, 0.42)
LTEAL = (0.86, 0.93, 0.93)
SUM_FILL = (0.95, 0.95, 0.92)
RULE = (0.3, 0.3, 0.3)
GRAY = (0.38, 0.38, 0.38)
BAR = (0.22, 0.52, 0.56)

SIZE, LEAD, PAD = 8.8, 12.6, 3.4
CELL = Style(size=SIZE, leading=LEAD)
HCELL = Style(size=8.4, leading=11.4, bold=True)
P_ = Style(font=M, size=10.0, leading=17.0, indent=10.0, sa=3)
H1 = Style(size=12.4, leading=20, bold=True, color=TEAL, sb=14, sa=4, keep_next=True, indent=8)
CAP = Style(size=9.6, leading=15, bold=True, sb=12, sa=2, keep_next=True)
NOTE = Style(font=M, size=8.2, leading=12.2, hang=16.4, color=(0.2, 0.2, 0.2))


def _h1_deco(P, x, y, w, h):
    P.rect(x, y + 3, 4, h - 8, stroke=None, fill=TEAL)
    P.line(x, y + h - 3, x + w, y + h - 3, 0.6, (0.5, 0.7, 0.72))


def _lines(text: str, width: float, st: Style) -> list[str]:
    return ["".join(u[0] for u in ln) for ln in wrap([(ch, -1) for ch in text], width, st, hang_punct=False)] or [""]


def _table(flow: Flow, spec: dict) -> None:
    doc = flow.doc
    T = doc.truth
    width = flow.width
    groups = spec["groups"]
    leaves = [lf for _g, ls in groups for lf in ls]
    flat = [(f"{g} {lf}" if g else lf) for g, ls in groups for lf in ls]
    tot = sum(spec["widths"])
    colw = [w * width / tot for w in spec["widths"]]
    align = spec.get("align") or (["l"] + ["r"] * (len(leaves) - 1))
    rows = spec["rows"]
    total_rows = set(spec.get("total_rows", []))
    if spec.get("total_last"):
        total_rows.add(len(rows) - 1)

    # caption with the unit at the right
    capsid = T.sentence(spec["caption"], caption=True)
    unit = spec.get("unit")
    cap_blocks = unit_blocks([(ch, capsid) for ch in spec["caption"]], width - (sw(unit, G, 8.6) + 10 if unit else 0),
                             CAP)
    tid = T.table(spec["caption"], unit, flat, rows)
    if unit:
        last = cap_blocks[-1]
        orig = last.draw

        def cdraw(P, x, y, orig=orig):
            orig(P, x, y)
            P.text(x + width, baseline_of(y, CAP), unit, G, 8.6, BLACK, False, "right")
        last.draw = cdraw
    for b in cap_blocks:
        b.table = tid
        b.keep_next = True
        flow.add(b)

    # header: one row for groups, one for leaves; a cell without a group spans both rows
    lpad = 3.0
    has_group = any(g for g, _ in groups)
    j = 0
    leaf_lines = []
    single_lines = []
    for g, ls in groups:
        if g is None:
            single_lines.append(_lines(ls[0], colw[j] - 2 * lpad, HCELL))
        else:
            for k, lf in enumerate(ls):
                leaf_lines.append(_lines(lf, colw[j + k] - 2 * lpad, HCELL))
        j += len(ls)
    h1 = HCELL.leading + 2 * lpad if has_group else 0.0
    h2 = max([len(x) for x in leaf_lines] + [1]) * HCELL.leading + 2 * lpad
    hh = h1 + h2
    if max(len(x) for x in single_lines) * HCELL.leading + 2 * lpad > hh:
        hh = max(len(x) for x in single_lines) * HCELL.leading + 2 * lpad
        h2 = hh - h1

    def header_block() -> Block:
        def draw(P, x, y):
            P.rect(x, y, width, hh, stroke=None, fill=LTEAL)
            P.line(x, y, x + width, y, 0.9, RULE)
            P.line(x, y + hh, x + width, y + hh, 0.9, RULE)
            xx = x
            jj = 0
            for g, ls in groups:
                gw = sum(colw[jj:jj + len(ls)])
                P.line(xx, y, xx, y + hh, 0.6, RULE)
                if g is None:
                    lines = _lines(ls[0], gw - 2 * lpad, HCELL)
                    y0 = y + (hh - len(lines) * HCELL.leading) / 2
                    for k, t in enumerate(lines):
                        P.text(xx + gw / 2, baseline_of(y0 + k * HCELL.leading, HCELL), t, G, HCELL.size, BLACK,
                               True, "center")
                else:
                    P.text(xx + gw / 2, baseline_of(y + lpad, HCELL), g, G, HCELL.size, BLACK, True, "center")
                    P.line(xx, y + h1, xx + gw, y + h1, 0.6, RULE)
                    lx = xx
                    for k, lf in enumerate(ls):
                        if k:
                            P.line(lx, y + h1, lx, y + hh, 0.6, RULE)
                        cwid = colw[jj + k]
                        lines = _lines(lf, cwid - 2 * lpad, HCELL)
                        y0 = y + h1 + (h2 - len(lines) * HCELL.leading) / 2
                        for m, t in enumerate(lines):
                            P.text(lx + cwid / 2, baseline_of(y0 + m * HCELL.leading, HCELL), t, G, HCELL.size,
                                   BLACK, True, "center")
                        lx += cwid
                xx += gw
                jj += len(ls)
            P.line(xx, y, xx, y + hh, 0.6, RULE)

        return Block(h=hh, draw=draw, keep_next=True, table=tid)

    def row_block(i: int, cells: list[str]) -> Block:
        bold = i in total_rows
        st = CELL.but(bold=bold)
        wrapped = [_lines(c, colw[k] - 2 * PAD, st) for k, c in enumerate(cells)]
        nl = max(len(w) for w in wrapped)
        h = nl * LEAD + 2 * PAD

        def draw(P, x, y):
            if bold:
                P.rect(x, y, width, h, stroke=None, fill=SUM_FILL)
            P.line(x, y + h, x + width, y + h, 0.6, RULE)
            xx = x
            for k, lines in enumerate(wrapped):
                P.line(xx, y, xx, y + h, 0.6, RULE)
                al = align[k]
                for m, t in enumerate(lines):
                    bl = baseline_of(y + PAD + m * LEAD, st)
                    if al == "c" or (bold and k == 0):
                        P.text(xx + colw[k] / 2, bl, t, G, SIZE, BLACK, bold, "center")
                    elif al == "r":
                        P.text(xx + colw[k] - PAD - 1, bl, t, G, SIZE, BLACK, bold, "right")
                    else:
                        P.text(xx + PAD, bl, t, G, SIZE, BLACK, bold)
                xx += colw[k]
            P.line(xx, y, xx, y + h, 0.6, RULE)

        return Block(h=h, draw=draw, table=tid, row=i)

    flow.add(header_block())
    for i, r in enumerate(rows):
        flow.add(row_block(i, r))
        if i == 0:
            flow.flush()
            flow.repeat = header_block
    flow.flush()
    flow.repeat = None
    _notes(flow, spec.get("notes", []))


def _notes(flow: Flow, notes: list[str]) -> None:
    T = flow.doc.truth
    for k, n in enumerate(notes):
        st = NOTE.but(sb=4 if k == 0 else 0, hang=16.4 if n.startswith("注）") else 24.6)
        flow.add_all(line_blocks(T, split_sentences(n), flow.width, st, extra={"note": True}))


def _chart(flow: Flow, spec: dict) -> None:
    T = flow.doc.truth
    width = flow.width
    flow.add_all(line_blocks(T, [spec["caption"]], width, CAP, extra={"caption": True}))
    bars = spec["bars"]
    ymax, ystep = spec["ymax"], spec["ystep"]
    plot_h = 150.0
    left = 58.0
    top_pad = 26.0
    plot_w = width - left - 60.0
    h = top_pad + plot_h + 34.0
    frags = []
    ysid = T.sentence(spec["ylabel"], chart=True)
    frags.append((ysid, spec["ylabel"]))
    items = []
    for label, v in bars:
        ls = T.sentence(label, chart=True)
        val = f"{v:,}"
        vs = T.sentence(val, chart=True)
        frags += [(vs, val), (ls, label)]
        items.append((label, v, val))
    xsid = T.sentence(spec["xlabel"], chart=True)
    frags.append((xsid, spec["xlabel"]))

    def draw(P, x, y):
        ax, ay = x + left, y + top_pad + plot_h  # origin (bottom-left of the plot)
        P.text(x + 4, y + 10, spec["ylabel"], G, 8.4, GRAY)
        v = 0
        while v <= ymax:
            gy = ay - plot_h * v / ymax
            if v:
                P.line(ax, gy, ax + plot_w, gy, 0.3, (0.8, 0.8, 0.8), dash=([2, 2], 0))
            P.text(ax - 5, gy + 3, f"{v:,}", G, 7.6, GRAY, align="right")
            v += ystep
        P.line(ax, ay - plot_h - 4, ax, ay, 0.8, GRAY)
        P.line(ax, ay, ax + plot_w, ay, 0.8, GRAY)
        slot = plot_w / len(items)
        bw = slot * 0.5
        for k, (label, val, vtxt) in enumerate(items):
            cx = ax + slot * (k + 0.5)
            bh = plot_h * val / ymax
            P.rect(cx - bw / 2, ay - bh, bw, bh, stroke=None, fill=BAR)
            P.text(cx, ay - bh - 4, vtxt, G, 8.6, BLACK, True, "center")
            P.text(cx, ay + 13, label, G, 8.4, BLACK, False, "center")
        P.text(ax + plot_w + 8, ay + 13, spec["xlabel"], G, 8.4, GRAY)

    flow.add(Block(h=h, draw=draw, frags=frags, sb=4))
    _notes(flow, spec.get("notes", []))


def _usage_box(T, width: float) -> Block:
    pad = 10.0
    tst = Style(size=10.4, leading=17, bold=True)
    st = Style(font=M, size=9.4, leading=15.2, hang=14.0)
    tsid = T.sentence(C.NOTES_HEAD, heading=True, box=True)
    parts = []
    for para in C.USAGE:
        parts.extend(line_blocks(T, split_sentences(para), width - 2 * pad, st, extra={"box": True}))
    h = pad + tst.leading + 4 + sum(b.h for b in parts) + pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=TEAL, fill=None, width=0.9)
        P.text(x + pad, baseline_of(y + pad, tst), C.NOTES_HEAD, G, tst.size, TEAL, True)
        yy = y + pad + tst.leading + 4
        for b in parts:
            b.draw(P, x + pad, yy)
            yy += b.h

    frags = [(tsid, C.NOTES_HEAD)] + [f for b in parts for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=10)


def build() -> Doc:
    doc = Doc("kotobuki-shiryou.pdf", A4, C.TITLE, "A4 statistical data book with two-level table headers and bar charts",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X0, 44, info["header"], G, 8.4, GRAY)
        P.line(X0, 50, X1, 50, 0.6, TEAL)
        P.text(W / 2, H - 34, info["footer"], G, 9.4, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=f"資料-{n}", header=C.RUN_HEADER, footer=f"資料-{n}", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    tst = Style(size=18, leading=28, bold=True, color=TEAL, align="center")
    sid = T.sentence(C.TITLE, heading=True)
    for k, t in enumerate(C.TITLE_LINES):
        flow.add(Block(h=tst.leading + (6 if k == 0 else 0), draw=lambda P, x, y, t=t: P.text(
            x + wd / 2, baseline_of(y + 6, tst) - 6, t, G, tst.size, TEAL, True, "center"), frags=[(sid, t)]))
    flow.add_all(line_blocks(T, [C.ISSUER], wd, Style(size=9.8, leading=16, align="right", sb=10)))
    flow.add(_usage_box(T, wd))
    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), _h1_deco, wd))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "table":
            _table(flow, it[1])
        elif kind == "chart":
            _chart(flow, it[1])
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "vspace":
            flow.vspace(it[1])
    flow.finish()
    return doc
