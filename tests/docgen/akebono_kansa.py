"""akebono-kansa.pdf: 令和7年度 包括外部監査の結果報告書（抜粋）, A4 portrait (fictional あけぼの県).

Layout traps: a cover without a number (title, theme, date, the auditor, a framed 「本抜粋について」 box); the body keeps
the report's numbering 「Ⅲ-1」… (chapter numeral + page; the printed label is one less than the PDF page number) centred
in the footer; running header with the report's name at the LEFT and the chapter at the RIGHT on one line over a double
rule.  Word-style FOOTNOTES: the reference mark is a small RAISED number printed right after a word (pdfplumber puts it
inline: 「居住支援法人4は」, 「住宅確保要配慮者2の」, 「第1項第2号10を根拠として」), and the note itself sits at the foot of
the same page under a short rule, its number raised again; footnotes are numbered through the chapter and a long one
CONTINUES at the foot of the next page (above that page's own notes) when it does not fit.  Headings 「第3」/「1」/「（1）」,
①–④ items, audit findings 「【指摘n】」/「【意見n】」 as a shaded heading line with the department at the right, then
（現状）/（問題点） paragraphs, then the conclusion in a ruled frame that may continue onto the next page (the frame is drawn
per page).  Tables: 表3-1 with MERGED (rowspan) 事業名 cells vertically centred over their three 年度 rows, a 計 group, that
CONTINUES onto the next page under its repeated header row; the merged cell of the group cut by the page break is printed
only in the part on the first page (the rows on the next page have an empty 事業名 cell; the truth fills the name in every
row); 表3-2 (ordinary grid); 表3-3 the list of findings whose 掲載頁 column is computed from the layout (「Ⅲ-4」…).
A vertical bar chart 図3-1 drawn with rectangles: y-axis tick labels, the unit 「（件）」 above the axis, value labels ABOVE
the bars and 年度 labels under them (all registered as sentences with flag `chart`); some values are only in the chart.

Sentences never contain the footnote marks.  No /Title.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib.pagesizes import A4

from . import content_akebono_kansa as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    place_text,
    sw,
    table_parts,
    wrap,
)
from .kit import box_block

W, H = A4
LM, RM = 66.0, 66.0
TW = W - LM - RM
TOP = 86.0
BOTTOM = H - 74.0

NAVY = (0.15, 0.22, 0.38)
GRAY = (0.40, 0.40, 0.40)
SHADE = (0.90, 0.92, 0.95)
PALE = (0.96, 0.96, 0.97)
BAR = (0.34, 0.46, 0.66)

BODY = Style(font=M, size=10.5, leading=18.4, indent=10.5)
LI = Style(font=M, size=10.5, leading=18.4, hang=10.5)
H1 = Style(size=14.5, leading=26.0, bold=True, sa=6)
H2 = Style(size=12.0, leading=21.0, bold=True, sb=12, sa=2)
H3 = Style(size=10.8, leading=19.0, bold=True, sb=6)
FIND = Style(size=10.5, leading=19.0, bold=True)
BOXT = Style(size=10.0, leading=17.4)
FN = Style(font=M, size=8.0, leading=12.2, indent=12.0, hang=12.0)
SUP_K = 0.58   # superscript size relative to the text
RISE_K = 0.36  # raise relative to the text size

_MARK = re.compile(r"\[\[(\d+)\]\]")
TERMS = set("。！？")
CLOSERS = set("」』）)】")


def r1(x: float) -> str:
    return str(Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def n0(x: int) -> str:
    return f"{x:,}"


# --------------------------------------------------------------------------- text with raised footnote marks

def parse(text: str) -> list[list]:
    """Split text into sentences; each sentence is a list of items: a character or an int (footnote mark)."""
    items: list = []
    pos = 0
    for m in _MARK.finditer(text):
        items.extend(text[pos:m.start()])
        items.append(int(m.group(1)))
        pos = m.end()
    items.extend(text[pos:])
    out: list[list] = []
    cur: list = []
    i = 0
    while i < len(items):
        it = items[i]
        cur.append(it)
        i += 1
        if isinstance(it, str) and it in TERMS:
            while i < len(items) and (isinstance(items[i], int) or items[i] in CLOSERS):
                cur.append(items[i])
                i += 1
            out.append(cur)
            cur = []
    if cur and any(isinstance(c, str) and c.strip() for c in cur):
        out.append(cur)
    return out


def mark_blocks(T, text: str, width: float, st: Style, extra: dict | None = None, heading: bool = False) -> list[Block]:
    """Line blocks for text that may carry footnote marks; marks are drawn raised and kept out of the truth."""
    units: list[tuple[str, int]] = []
    for sent in parse(text):
        plain = "".join(c for c in sent if isinstance(c, str))
        sid = T.sentence(plain, heading=heading, **(extra or {}))
        for c in sent:
            if isinstance(c, int):
                units.extend((d, -1000 - c) for d in str(c))
            else:
                units.append((c, sid))
    lines = wrap(units, width, st)
    for k in range(1, len(lines)):  # a mark never starts a line
        while lines[k] and lines[k][0][1] <= -1000:
            lines[k - 1].append(lines[k].pop(0))
    lines = [ln for ln in lines if ln]
    blocks = []
    for i, ln in enumerate(lines):
        runs: list[tuple[str, int]] = []   # (text, sid or mark code <= -1000)
        for ch, sid in ln:
            if runs and runs[-1][1] == sid:
                runs[-1] = (runs[-1][0] + ch, sid)
            else:
                runs.append((ch, sid))
        frags = [(sid, t) for t, sid in runs if sid >= 0]
        marks = []
        for _t, sid in runs:
            if sid <= -1000 and -1000 - sid not in marks:
                marks.append(-1000 - sid)
        ind = st.indent if i == 0 else st.hang

        def draw(P, x, y, runs=runs, ind=ind):
            bl = baseline_of(y, st)
            xx = x + ind
            for t, sid in runs:
                if sid <= -1000:
                    s = st.size * SUP_K
                    xx += 0.4
                    P.text(xx, bl - st.size * RISE_K, t, st.font, s, st.color)
                    xx += sw(t, st.font, s) + 0.6
                else:
                    P.text(xx, bl, t, st.font, st.size, st.color, st.bold)
                    xx += sw(t, st.font, st.size)

        b = Block(h=st.leading, draw=draw, frags=frags, sb=st.sb if i == 0 else 0.0)
        b.marks = marks
        blocks.append(b)
    if blocks:
        blocks[-1].h += st.sa
    return blocks


def shift(draw, dx: float):
    """A block's draw function moved right by dx."""
    def moved(P, x, y):
        draw(P, x + dx, y)
    return moved


# --------------------------------------------------------------------------- build

def build() -> Doc:
    doc = Doc("akebono-kansa.pdf", A4, C.TITLE,
              "A4 portrait audit report excerpt: raised footnote marks with footnotes at the page foot (one continues "
              "on the next page), findings with framed conclusions, a rowspan table crossing a page, a bar chart, "
              "page labels Ⅲ-n", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        P.text(LM, 50, C.RUN_LEFT, G, 8.4, GRAY)
        P.text(W - RM, 50, C.RUN_RIGHT, G, 8.4, GRAY, align="right")
        P.line(LM, 56, W - RM, 56, 0.8, NAVY)
        P.line(LM, 58.2, W - RM, 58.2, 0.3, NAVY)
        P.text(W / 2, H - 40, info["footer"], G, 10, BLACK, align="center")

    # ------------------------------------------------------------------ cover
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(70, 150, W - 140, 1.6, stroke=None, fill=NAVY),
                          P.rect(70, 420, W - 140, 0.8, stroke=None, fill=NAVY)))
    place_text(doc, pg, 70, 170, W - 140, [C.COVER["year"]], Style(size=16, leading=28, align="center"), heading=True)
    y = 214.0
    for ln in C.COVER["title_lines"]:
        y += place_text(doc, pg, 70, y, W - 140, [ln], Style(size=24, leading=40, bold=True, align="center"),
                        heading=True)
    place_text(doc, pg, 70, y + 30, W - 140, [C.COVER["theme"]],
               Style(size=13.5, leading=24, align="center"), heading=True)
    place_text(doc, pg, 70, 470, W - 140, [C.COVER["date"]], Style(size=13, leading=22, align="center"))
    yy = 520.0
    for s in C.COVER["issuer"]:
        yy += place_text(doc, pg, 70, yy, W - 140, [s], Style(size=13, leading=24, align="center"))
    b = box_block(T, C.COVER["box_title"], C.COVER["box"], W - 190, Style(size=9.2, leading=15.5),
                  Style(size=9.6, leading=15, bold=True), fill=PALE, border=GRAY, pad=10, tab=False)
    doc.place(pg, b, 95, 640)

    # ------------------------------------------------------------------ paginator with footnotes
    st = {"pg": None, "n": 0, "y": TOP, "foot": [], "carry": []}
    fn_blocks: dict[int, list[Block]] = {}
    fn_seen: list[int] = []
    SEP = 9.0

    def fn_lines(n: int) -> list[Block]:
        if n not in fn_blocks:
            bl = mark_blocks(T, C.FOOTNOTES[n], TW, FN, extra={"note": True, "footnote": True})
            first = bl[0]
            orig = first.draw

            def draw(P, x, y, orig=orig, n=n):
                s = FN.size * 0.8
                P.text(x, baseline_of(y, FN) - FN.size * 0.3, str(n), FN.font, s, BLACK)
                orig(P, x, y)
            first.draw = draw
            for k, b in enumerate(bl):
                b.fn = n
                b.fn_first = k == 0
            fn_blocks[n] = bl
        return fn_blocks[n]

    def foot_h(lines: list[Block]) -> float:
        return (SEP + sum(b.h for b in lines)) if lines else 0.0

    def close_page() -> None:
        if st["pg"] is None:
            return
        lines = st["foot"]
        if not lines:
            return
        fy = BOTTOM - sum(b.h for b in lines)
        pg = st["pg"]
        doc.op(pg, lambda P, fy=fy: P.line(LM, fy - 4.5, LM + 130, fy - 4.5, 0.6, GRAY))
        for b in lines:
            doc.place(pg, b, LM, fy)
            fy += b.h
        if st["y"] > BOTTOM - foot_h(lines) + 0.5:
            raise AssertionError(f"akebono-kansa p{pg}: body runs into the footnotes")

    def new_page() -> None:
        close_page()
        st["n"] += 1
        n = st["n"]
        lab = f"{C.CHAPTER}-{n}"
        st["pg"] = doc.new_page(printed=lab, header=f"{C.RUN_LEFT}　{C.RUN_RIGHT}", footer=lab, decor=decor)
        st["y"] = TOP
        st["foot"], st["carry"] = list(st["carry"]), []

    def put(b: Block, x_off: float = 0.0) -> tuple[int, float]:
        """Place a block (its footnotes go to the page foot; the last one may be split); return (page, y)."""
        if st["pg"] is None:
            new_page()
        marks = [m for m in getattr(b, "marks", []) if m not in fn_seen]
        for attempt in range(2):
            sb = b.sb if st["y"] > TOP + 0.01 else 0.0
            fl = [ln for m in marks for ln in fn_lines(m)]
            if st["y"] + sb + b.h <= BOTTOM - foot_h(st["foot"] + fl) + 0.01:
                take, rest = fl, []
            else:
                take = rest = None
                if fl and not st["carry"]:
                    first_last = max(i for i, ln in enumerate(fl) if ln.fn_first)
                    for k in range(len(fl) - 1, first_last, -1):
                        if st["y"] + sb + b.h <= BOTTOM - foot_h(st["foot"] + fl[:k]) + 0.01:
                            take, rest = fl[:k], fl[k:]
                            break
                if take is None:
                    if attempt:
                        raise AssertionError(f"akebono-kansa: block does not fit on an empty page ({b.h:.0f})")
                    new_page()
                    continue
            st["y"] += sb
            y = st["y"]
            doc.place(st["pg"], b, LM + x_off, y)
            st["y"] += b.h
            st["foot"].extend(take)
            st["carry"].extend(rest)
            fn_seen.extend(marks)
            return st["pg"], y
        raise AssertionError("unreachable")

    def ensure(h: float) -> None:
        if st["pg"] is None or st["y"] + h > BOTTOM - foot_h(st["foot"]):
            new_page()

    pending: list[Block] = []

    def flush_with(blocks: list[Block], keep: int = 2) -> list[tuple[int, float]]:
        nonlocal pending
        head = pending + blocks[:keep]
        need = sum(b.h + b.sb for b in head)
        ensure(need)
        pending = []
        return [put(b) for b in head] + [put(b) for b in blocks[keep:]]

    # ------------------------------------------------------------------ pieces
    find_pages: list[tuple[str, str, str, str]] = []

    def rtable() -> None:
        R = C.RTABLE
        colw = [w * TW / sum(R["widths"]) for w in R["widths"]]
        size, pad, RH = 8.8, 3.6, 17.0
        groups = []
        rows_truth = []
        for name, vals in R["groups"]:
            rows = [[y, n0(a), n0(b), r1(b / a * 100), str(c)] for y, (a, b, c) in zip(R["years"], vals, strict=True)]
            groups.append((name, rows))
        tot = []
        for k, yname in enumerate(R["years"]):
            a = sum(v[k][0] for _, v in R["groups"])
            b_ = sum(v[k][1] for _, v in R["groups"])
            tot.append([yname, n0(a), n0(b_), r1(b_ / a * 100), "－"])
        groups.append((R["total_label"], tot))
        assert tot[0][2] == "28,876" and tot[2][2] == "33,535", tot
        assert groups[0][1][2][3] == "48.5"
        for name, rows in groups:
            for r in rows:
                rows_truth.append([name] + r)
        cap = R["caption"]
        csid = T.sentence(cap, caption=True)
        tid = T.table(cap, R["unit"], R["header"], rows_truth)
        cst = Style(size=9.8, leading=17, bold=True, sb=8)

        def cap_draw(P, x, y):
            P.text(x, baseline_of(y, cst), cap, G, cst.size, BLACK, True)
            P.text(x + TW, baseline_of(y, cst), R["unit"], G, 8.6, BLACK, align="right")
        capb = Block(h=cst.leading, draw=cap_draw, frags=[(csid, cap)], sb=8, table=tid)

        def header_block() -> Block:
            def draw(P, x, y):
                P.rect(x, y, TW, 20, stroke=None, fill=SHADE)
                xx = x
                for j, h in enumerate(R["header"]):
                    P.text(xx + colw[j] / 2, y + 13.6, h, G, size, BLACK, True, "center")
                    P.line(xx, y, xx, y + 20, 0.6)
                    xx += colw[j]
                P.line(xx, y, xx, y + 20, 0.6)
                P.line(x, y, x + TW, y, 0.6)
                P.line(x, y + 20, x + TW, y + 20, 0.6)
            return Block(h=20, draw=draw, table=tid)

        def row_block(r: list[str], idx: int, last_in_group: bool, total: bool) -> Block:
            def draw(P, x, y):
                if total:
                    P.rect(x + colw[0], y, TW - colw[0], RH, stroke=None, fill=PALE)
                xx = x + colw[0]
                P.line(x, y, x, y + RH, 0.6)
                for j, t in enumerate(r):
                    w = colw[j + 1]
                    P.line(xx, y, xx, y + RH, 0.6)
                    if j == 0:
                        P.text(xx + w / 2, y + 12.0, t, G, size, BLACK, False, "center")
                    else:
                        P.text(xx + w - pad, y + 12.0, t, G, size, BLACK, False, "right")
                    xx += w
                P.line(xx, y, xx, y + RH, 0.6)
                P.line(x + colw[0], y, x + TW, y, 0.6)
                P.line(x + colw[0], y + RH, x + TW, y + RH, 0.6)
                if last_in_group:
                    P.line(x, y + RH, x + colw[0], y + RH, 0.6)
            return Block(h=RH, draw=draw, table=tid, row=idx)

        # caption + header + first two rows kept together
        ensure(capb.h + 8 + 20 + 2 * RH)
        put(capb)
        put(header_block())
        idx = 0
        for gi, (name, rows) in enumerate(groups):
            placed: list[tuple[int, float]] = []
            for k, r in enumerate(rows):
                b = row_block(r, idx, k == len(rows) - 1, gi == len(groups) - 1)
                if st["y"] + b.h > BOTTOM - foot_h(st["foot"]):
                    new_page()
                    put(header_block())
                placed.append(put(b))
                idx += 1
            # the merged cell: printed in the part on the first page only
            first_pg = placed[0][0]
            part = [p for p in placed if p[0] == first_pg]
            top, bot = part[0][1], part[-1][1] + RH
            lines = ["".join(u[0] for u in ln) for ln in wrap([(ch, -1) for ch in name], colw[0] - 2 * pad,
                                                             Style(size=size, leading=12.4))]
            lh = 12.4
            if len(lines) * lh + 2 > bot - top:
                raise AssertionError(f"akebono-kansa: merged cell {name} does not fit its part ({bot - top:.0f})")
            y0 = top + (bot - top - len(lines) * lh) / 2
            total = gi == len(groups) - 1

            def mdraw(P, lines=lines, y0=y0, total=total, lh=lh):
                for k, t in enumerate(lines):
                    if total:
                        P.text(LM + colw[0] / 2, y0 + k * lh + 9.2, t, G, size, BLACK, True, "center")
                    else:
                        P.text(LM + pad, y0 + k * lh + 9.2, t, G, size, BLACK, False)
            doc.op(first_pg, mdraw)
            if len(part) < len(placed):  # the rest on the next page: an empty merged cell closed at the bottom
                pg2 = placed[-1][0]
                t2, b2 = placed[len(part)][1], placed[-1][1] + RH
                doc.op(pg2, lambda P, t2=t2, b2=b2: (P.line(LM, t2, LM, b2, 0.6), P.line(LM, b2, LM + colw[0], b2, 0.6)))
                doc.op(first_pg, lambda P, bot=bot: P.line(LM, bot, LM + colw[0], bot, 0.6))
        nst = Style(font=M, size=8.4, leading=13.0, hang=12.0)
        for k, n in enumerate(R["notes"]):
            bl = mark_blocks(T, n, TW, nst.but(sb=4 if k == 0 else 0), extra={"note": True})
            for b in bl:
                put(b)
        st["y"] += 6

    def chart(key: str) -> None:
        ch = C.CHARTS[key]
        cap_st = Style(size=9.8, leading=17, bold=True)
        ph, top_pad, bot_pad = 150.0, 30.0, 26.0
        hgt = cap_st.leading + top_pad + ph + bot_pad + 16
        frags = []
        sid_cap = T.sentence(ch["caption"], caption=True, chart=True)
        frags.append((sid_cap, ch["caption"]))
        sid_unit = T.sentence(ch["unit"], chart=True, axis=True)
        frags.append((sid_unit, ch["unit"]))
        tick_ids = []
        for t in reversed(ch["ticks"]):
            s = n0(t)
            tick_ids.append((T.sentence(s, chart=True, axis=True), s, t))
        bars = []
        for c, v in zip(ch["cats"], ch["vals"], strict=True):
            vs = n0(v)
            bars.append((T.sentence(vs, chart=True), vs, T.sentence(c, chart=True), c, v))
        sid_src = T.sentence(ch["source"], note=True)
        for sid, s, _ in tick_ids:
            frags.append((sid, s))
        for sv, vs, sc, c, _ in bars:
            frags.append((sv, vs))
            frags.append((sc, c))
        frags.append((sid_src, ch["source"]))
        vmax = ch["ticks"][-1]

        def draw(P, x, y):
            P.text(x + TW / 2, baseline_of(y, cap_st), ch["caption"], G, cap_st.size, BLACK, True, "center")
            ax = x + 80
            aw = TW - 150
            y0 = y + cap_st.leading + top_pad + ph   # axis baseline (y of value 0)
            P.text(ax - 6, y0 - ph - 14, ch["unit"], G, 8.2, BLACK, align="right")
            for _, s, t in tick_ids:
                ty = y0 - ph * t / vmax
                P.line(ax, ty, ax + aw, ty, 0.3, (0.75, 0.75, 0.75))
                P.text(ax - 5, ty + 3, s, G, 8.2, BLACK, align="right")
            P.line(ax, y0 - ph, ax, y0, 0.7)
            P.line(ax, y0, ax + aw, y0, 0.7)
            n = len(bars)
            slot = aw / n
            bw = slot * 0.52
            for k, (_, vs, _, c, v) in enumerate(bars):
                bx = ax + slot * k + (slot - bw) / 2
                bh = ph * v / vmax
                P.rect(bx, y0 - bh, bw, bh, stroke=None, fill=BAR)
                P.text(bx + bw / 2, y0 - bh - 4, vs, G, 8.6, BLACK, True, "center")
                P.text(bx + bw / 2, y0 + 13, c, G, 8.4, BLACK, align="center")
            P.text(x + TW - 10, y0 + bot_pad + 10, ch["source"], G, 7.8, GRAY, align="right")

        b = Block(h=hgt, draw=draw, frags=frags, sb=10)
        nonlocal pending
        if pending:
            ensure(sum(p.h + p.sb for p in pending) + hgt + 10)
            for p in pending:
                put(p)
            pending = []
        put(b)
        st["y"] += 4

    def simple_table(spec: dict, rows: list[list[str]] | None = None) -> None:
        nonlocal pending
        ts = TableSpec(caption=spec["caption"], unit=spec.get("unit"), header=spec["header"],
                       rows=rows if rows is not None else spec["rows"], widths=spec["widths"], align=spec["align"],
                       size=8.8, leading=12.6, pad=3.8, header_fill=SHADE,
                       caption_style=Style(size=9.8, leading=17, bold=True, sb=8),
                       notes=spec.get("notes", []), note_style=Style(font=M, size=8.4, leading=13, hang=8.4, sb=4))
        caps, header, rows_b, notes = table_parts(doc, ts, TW)
        head = pending + caps + [header(), rows_b[0]]
        pending = []
        ensure(sum(b.h + b.sb for b in head))
        for b in head:
            put(b)
        for r in rows_b[1:]:
            if st["y"] + r.h > BOTTOM - foot_h(st["foot"]):
                new_page()
                put(header())
            put(r)
        for b in notes:
            put(b)
        st["y"] += 6

    def finding(label: str, title: str, dept: str, paras: list[str], box: str) -> None:
        nonlocal pending
        head_t = label + title
        sid = T.sentence(head_t, heading=True, finding=True)
        dtext = f"所管：{dept}"
        dsid = T.sentence(dtext, label=True)

        def hdraw(P, x, y):
            P.rect(x, y + 2, TW, FIND.leading + 2, stroke=None, fill=SHADE)
            P.rect(x, y + 2, 3.5, FIND.leading + 2, stroke=None, fill=NAVY)
            P.text(x + 9, baseline_of(y + 3, FIND), head_t, G, FIND.size, NAVY, True)
            P.text(x + TW - 6, baseline_of(y + 3, FIND), dtext, G, 8.8, GRAY, align="right")
        hb = Block(h=FIND.leading + 8, draw=hdraw, frags=[(sid, head_t), (dsid, dtext)], sb=12)
        blocks: list[Block] = []
        for k, p in enumerate(paras):
            bl = mark_blocks(T, p, TW, BODY.but(sb=2 if k else 0))
            blocks.extend(bl)
        pending.append(hb)
        res = flush_with(blocks, 2)
        find_pages.append((label, title, dept, doc.pages[res[0][0]].info["printed"]))
        # the conclusion in a ruled frame, line by line (the frame is drawn per page)
        pad = 9.0
        bl = mark_blocks(T, box, TW - 2 * pad, BOXT, extra={"box": True, "conclusion": True})
        spots: list[tuple[int, float]] = []
        need_first = min(2, len(bl)) * BOXT.leading + 8 + pad
        ensure(need_first)
        st["y"] += 8 + pad
        for k, b in enumerate(bl):
            if st["y"] + b.h + (pad if k == len(bl) - 1 else 0) > BOTTOM - foot_h(st["foot"]):
                new_page()
                st["y"] += pad
            spots.append(put(b, pad))
        st["y"] += pad + 4
        by_page: dict[int, list[float]] = {}
        for p, y in spots:
            by_page.setdefault(p, []).append(y)
        pages = sorted(by_page)
        for p in pages:
            ys = by_page[p]
            t = min(ys) - pad + 2
            bt = max(ys) + BOXT.leading + pad - 2
            doc.op(p, lambda P, t=t, bt=bt: P.rect(LM, t, TW, bt - t, stroke=NAVY, fill=None, width=0.9))
            doc.pages[p].ops.insert(0, lambda P, t=t, bt=bt: P.rect(LM, t, TW, bt - t, stroke=None, fill=(0.99, 0.99, 1.0)))

    # ------------------------------------------------------------------ body stream
    for it in C.ITEMS:
        kind = it[0]
        if kind == "h1":
            bl = mark_blocks(T, it[1], TW, H1, heading=True)
            o = bl[0].draw

            def h1draw(P, x, y, o=o):
                o(P, x, y)
                P.line(x, y + 24, x + TW, y + 24, 1.2, NAVY)
            bl[0].draw = h1draw
            pending.extend(bl)
        elif kind in ("h2", "h3"):
            pending.extend(mark_blocks(T, it[1], TW, H2 if kind == "h2" else H3, heading=True))
        elif kind == "p":
            flush_with(mark_blocks(T, it[1], TW, BODY))
        elif kind == "list":
            bl = []
            for t in it[1]:
                bl.extend(mark_blocks(T, t, TW - 10, LI, extra={"item": True}))
            for b in bl:
                b.draw = shift(b.draw, 10)
            flush_with(bl)
        elif kind == "find":
            finding(*it[1:])
        elif kind == "rtable":
            if pending:
                ensure(sum(b.h + b.sb for b in pending) + 90)
                for b in pending:
                    put(b)
                pending = []
            rtable()
        elif kind == "table":
            simple_table(C.TABLES[it[1]])
        elif kind == "chart":
            chart(it[1])
        elif kind == "findlist":
            rows = []
            for k, (label, title, dept, page) in enumerate(find_pages, 1):
                kind_ = "指摘" if "指摘" in label else "意見"
                rows.append([str(k), kind_, title, dept, page])
            assert [r[1] for r in rows].count("指摘") == 3 and len(rows) == 8
            simple_table({**C.FINDLIST, "unit": None, "rows": rows})
        elif kind == "vspace":
            st["y"] += it[1]
        else:
            raise KeyError(kind)
    if pending:
        raise AssertionError("akebono-kansa: heading left at the end")
    if st["carry"]:
        raise AssertionError("akebono-kansa: a footnote continues past the last page")
    close_page()
    if sorted(fn_seen) != sorted(C.FOOTNOTES):
        raise AssertionError(f"akebono-kansa: footnotes {sorted(fn_seen)}")
    # the traps the README promises: a footnote continued on the next page, 表3-1 cut inside a merged group
    if not any(s.get("footnote") and len(s["pages"]) > 1 for s in T.sentences):
        raise AssertionError("akebono-kansa: no footnote continues onto the next page")
    rp = T.tables[0]["row_pages"]
    if not any(rp[k] != rp[k + 1] and k % 3 != 2 for k in range(len(rp) - 1)):
        raise AssertionError(f"akebono-kansa: 表3-1 is not cut inside a merged group: {rp}")
    return doc
