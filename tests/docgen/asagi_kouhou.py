"""asagi-kouhou.pdf: 広報誌「あさぎ すまいネット通信」第12号, A4 portrait, THREE columns, 6 pages (fictional あさぎ県).

Layout traps: a masthead on page 1 only (paper name, tagline, issue and date in a white tab, publisher, and a framed
今号の内容 list with 面 references at its right); the pages are built from MODULES, newspaper style: a headline spans
two or three columns and its article is flowed and balanced over exactly the columns under it, while the remaining
column holds another article or a sidebar, so the column rules stop where a headline, a band or a table crosses
them; pdfplumber reads across the three columns line by line, so most wrapped sentences come out only in pieces;
horizontal rules between stacked articles; bold leads, 【】 sub-headings, interview questions 「――…」; seven photo
placeholders (grey rectangles with a cross) with captions 「写真：…」 under them; the lead article of page 1 stops
with a right-aligned 「→4面へ続く」 and continues on page 4 under a band 「…（1面から続く）」 (the pages in between hold
other articles), and the interview on page 3 stops with 「→5面へ続く」 and continues on page 5 under 「…（3面から続く）」;
a boxed sidebar 「お知らせ・イベント情報」 filling the right column of page 3 (six ◆ entries with dates, venues, phone
numbers); a ruled table spanning TWO columns on page 4 (表 県の補助メニューの見直し（案）, 令和7年度 vs 令和8年度（案）)
with a ※ note while the third column holds a separate article; boxed facts (数字で見る…, 瑠璃市のあらまし), a ことば
box, two desk boxes, a Q&A corner, a small 編集後記 box and a contact box on the last page; no running header; footer
「あさぎ すまいネット通信　第12号　（n）」 centred on every page (the printed label is n).  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_asagi_kouhou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    table_parts,
    wrap,
)
from .kit import box_block

W, H = A4
X0, X1 = 36.0, W - 36.0
GUT = 14.0
CW = (X1 - X0 - 2 * GUT) / 3
TOP, BOTTOM = 46.0, H - 52.0
MAST_H = 122.0
ASAGI = (0.0, 0.5, 0.58)
INDIGO = (0.13, 0.2, 0.42)
ORANGE = (0.88, 0.46, 0.1)
PALE = (0.91, 0.96, 0.97)
CREAM = (1.0, 0.97, 0.91)
GRAY = (0.42, 0.42, 0.42)
RULE = (0.62, 0.62, 0.62)

BODY = Style(font=M, size=9.4, leading=15.2, indent=9.4)
LEAD = Style(font=G, size=9.4, leading=15.2, bold=True, indent=9.4, sa=3)
SUB_K = Style(font=G, size=9.6, leading=15.2, bold=True, color=ASAGI, sb=6, sa=1, keep_next=True)
QST = Style(font=G, size=9.4, leading=15.2, bold=True, color=INDIGO, sb=6, keep_next=True)
ANS = Style(font=M, size=9.4, leading=15.2, indent=9.4)
LI = Style(font=M, size=9.4, leading=15.2, hang=9.4, sb=2)
HCOL = Style(font=G, size=11.0, leading=15.5, bold=True, color=INDIGO, sb=12, sa=4, keep_next=True)


def colx(c: int) -> float:
    return X0 + c * (CW + GUT)


def _distribute(blocks: list[Block], n: int, cap: float):
    """Sequential fill of n columns of height cap; keep_next chains stay together. None if it does not fit."""
    groups, cur = [], []
    for b in blocks:
        cur.append(b)
        if not b.keep_next:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    cols: list[list[tuple[Block, float]]] = [[] for _ in range(n)]
    ci, used = 0, 0.0
    for g in groups:
        need = sum(b.h for b in g) + sum(b.sb for b in g[(0 if cols[ci] else 1):])
        if used + need > cap + 0.01 and cols[ci]:
            ci += 1
            if ci >= n:
                return None
            used = 0.0
            need = sum(b.h for b in g) + sum(b.sb for b in g[1:])
        if need > cap + 0.01:
            return None
        for b in g:
            s = b.sb if cols[ci] else 0.0
            cols[ci].append((b, s))
            used += b.h + s
    return cols


def build() -> Doc:
    doc = Doc("asagi-kouhou.pdf", A4, C.TITLE, "A4 portrait three-column newsletter built from modules", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.line(X0, H - 40, X1, H - 40, 0.6, ASAGI)
        P.text(W / 2, H - 26, info["footer"], G, 8.8, BLACK, align="center")

    pages: list[int] = []
    for n in range(1, len(C.PAGES) + 1):
        pages.append(doc.new_page(printed=str(n), header=None, footer=C.FOOTER.format(n=n), decor=decor))

    # ---- masthead (page 1 only)
    sid_n = T.sentence(C.NAME, heading=True)
    sid_g = T.sentence(C.TAGLINE)
    sid_i = T.sentence(C.ISSUE + "　" + C.DATE)
    sid_p = T.sentence(C.PUBLISHER)
    sid_ch = T.sentence(C.CONTENTS_HEAD, heading=True, box=True)
    sid_c = [T.sentence(t, item=True, box=True) for t in C.CONTENTS]
    bx = X1 - 196

    def mast(P, x, y):
        P.rect(x, y, X1 - X0, MAST_H, stroke=None, fill=ASAGI, radius=4)
        P.rect(x, y + MAST_H - 6, X1 - X0, 6, stroke=None, fill=INDIGO)
        for k in range(4):  # wave ornament
            P.rect(x + 16 + k * 22, y + 12, 14, 4, stroke=None, fill=(0.6, 0.85, 0.88), radius=2)
        P.text(x + 16, y + 52, C.NAME, G, 25, (1, 1, 1), True)
        P.text(x + 18, y + 72, C.TAGLINE, G, 9.6, (0.88, 0.97, 0.98))
        P.rect(x + 16, y + 80, 210, 18, stroke=None, fill=(1, 1, 1), radius=3)
        P.text(x + 23, y + 93, C.ISSUE + "　" + C.DATE, G, 9.4, INDIGO, True)
        P.text(x + 16, y + MAST_H - 12, C.PUBLISHER, G, 6.8, (0.88, 0.97, 0.98))
        P.rect(bx, y + 8, X1 - bx - 8, MAST_H - 20, stroke=None, fill=(1, 1, 1), radius=3)
        P.text(bx + 8, y + 22, C.CONTENTS_HEAD, G, 9.2, ORANGE, True)
        for k, t in enumerate(C.CONTENTS):
            P.text(bx + 8, y + 37 + k * 13.2, t, G, 7.6, BLACK)

    doc.place(pages[0], Block(h=MAST_H, draw=mast,
                              frags=[(sid_n, C.NAME), (sid_g, C.TAGLINE), (sid_i, C.ISSUE + "　" + C.DATE),
                                     (sid_p, C.PUBLISHER), (sid_ch, C.CONTENTS_HEAD)]
                              + list(zip(sid_c, C.CONTENTS, strict=True))), X0, 30)

    # ---- blocks for flowed items (one column wide)
    def photo_block(cap: str, ph: float, wd: float) -> Block:
        csid = T.sentence(cap, caption=True)
        cst = Style(size=7.6, leading=11.0, color=GRAY, hang=sw("写真：", G, 7.6))
        cl = wrap([(ch, csid) for ch in cap], wd, cst)

        def draw(P, x, y):
            P.rect(x, y, wd, ph, stroke=(0.66, 0.66, 0.66), fill=(0.85, 0.85, 0.85))
            P.line(x, y, x + wd, y + ph, 0.4, (0.74, 0.74, 0.74))
            P.line(x + wd, y, x, y + ph, 0.4, (0.74, 0.74, 0.74))
            for k, ln in enumerate(cl):
                P.text(x + (cst.hang if k else 0), baseline_of(y + ph + 3 + k * cst.leading, cst),
                       "".join(u[0] for u in ln), G, cst.size, GRAY)
        return Block(h=ph + 5 + len(cl) * cst.leading, draw=draw, frags=[f for ln in cl for f in frags_of(ln)], sb=8)

    def side_block(title: str, entries: list, wd: float) -> Block:
        pad = 7.0
        inner = wd - 2 * pad
        tst = Style(size=10.4, leading=16, bold=True, color=(1, 1, 1))
        hst = Style(size=8.8, leading=13.2, bold=True, color=ORANGE, sb=9, hang=sw("◆", G, 8.8))
        lst = Style(size=8.2, leading=12.6, hang=sw("問合せ：", G, 8.2))
        tsid = T.sentence(title, heading=True, box=True)
        parts: list[Block] = []
        for k, (head, lines) in enumerate(entries):
            parts.extend(line_blocks(T, [head], inner, hst.but(sb=0 if k == 0 else hst.sb), heading=True,
                                     extra={"box": True}))
            for ln in lines:
                parts.extend(line_blocks(T, [ln], inner, lst, extra={"box": True, "item": True}))
        th = tst.leading + 8
        h = th + pad + sum(b.h + b.sb for b in parts) + pad

        def draw(P, x, y):
            P.rect(x, y, wd, h, stroke=ORANGE, fill=CREAM, width=1.2, radius=4)
            P.rect(x, y, wd, th, stroke=None, fill=ORANGE, radius=4)
            P.text(x + wd / 2, baseline_of(y + 4, tst), title, G, tst.size, (1, 1, 1), True, "center")
            yy = y + th + pad
            for b in parts:
                yy += b.sb
                b.draw(P, x + pad, yy)
                yy += b.h
        return Block(h=h, draw=draw, frags=[(tsid, title)] + [f for b in parts for f in b.frags], sb=4)

    def flowed(it, wd: float) -> list[Block]:
        k = it[0]
        if k == "lead":
            return line_blocks(T, split_sentences(it[1]), wd, LEAD)
        if k == "p":
            return line_blocks(T, split_sentences(it[1]), wd, BODY)
        if k == "a":
            return line_blocks(T, split_sentences(it[1]), wd, ANS, extra={"a": True})
        if k == "k":
            return line_blocks(T, [it[1]], wd, SUB_K, heading=True)
        if k == "q":
            return line_blocks(T, [it[1]], wd, QST, extra={"q": True})
        if k == "hcol":
            bl = line_blocks(T, [it[1]], wd, HCOL, heading=True)
            first, orig = bl[0], bl[0].draw

            def draw(P, x, y, orig=orig):
                P.rect(x, y - 3, wd, 2.4, stroke=None, fill=ASAGI)
                orig(P, x, y)
            first.draw = draw
            return bl
        if k == "list":
            out = []
            for t in it[1]:
                out.extend(line_blocks(T, split_sentences(t), wd, LI.but(hang=sw("●", M, 9.4)), extra={"item": True}))
            return out
        if k == "photo":
            return [photo_block(it[1], it[2], wd)]
        if k == "box":
            return [box_block(T, it[1], it[2], wd, Style(size=8.4, leading=13.2, hang=sw("●", G, 8.4)),
                              Style(size=9.4, leading=15, bold=True), fill=PALE, border=ASAGI, pad=7, sb=10,
                              bullet_hang=sw("●", G, 8.4))]
        if k == "contact":
            return [box_block(T, it[1], it[2], wd, Style(size=8.0, leading=12.4), Style(size=9.0, leading=14, bold=True),
                              fill=PALE, border=INDIGO, pad=6, sb=10)]
        if k == "small":
            return [box_block(T, it[1], it[2], wd, Style(font=M, size=7.8, leading=12.2, indent=7.8),
                              Style(size=8.6, leading=13, bold=True), fill=(0.97, 0.97, 0.97), border=GRAY, pad=6,
                              sb=12, title_color=(1, 1, 1))]
        if k == "side":
            return [side_block(it[1], it[2], wd)]
        if k == "jump":
            return line_blocks(T, [it[1]], wd, Style(size=9.4, leading=15, bold=True, color=ORANGE, align="right",
                                                     sb=3))
        if k == "qa":
            qb = line_blocks(T, split_sentences(it[1]), wd, QST.but(hang=sw("Q．", G, 9.4), color=ORANGE, sb=8),
                             extra={"q": True})
            ab = line_blocks(T, split_sentences(it[2]), wd, ANS.but(indent=0, hang=sw("A．", M, 9.4)),
                             extra={"a": True})
            return qb + ab
        raise KeyError(k)

    # ---- spanning items (region wide)
    def spanning(pg: int, it, x: float, y: float, wd: float) -> float:
        k = it[0]
        if k == "head":
            st = Style(size=it[2], leading=it[2] * 1.4, bold=True, color=INDIGO)
            bl = line_blocks(T, [it[1]], wd, st, heading=True)
            yy = y
            doc.op(pg, lambda P: P.rect(x, y, wd, 3, stroke=None, fill=ASAGI))
            yy += 6
            for b in bl:
                doc.place(pg, b, x, yy)
                yy += b.h
            return yy + 4
        if k == "subhead":
            st = Style(size=10.6, leading=16, bold=True, color=ASAGI)
            yy = y
            for b in line_blocks(T, [it[1]], wd, st, heading=True):
                doc.place(pg, b, x, yy)
                yy += b.h
            doc.op(pg, lambda P, yy=yy: P.line(x, yy + 2, x + wd, yy + 2, 0.5, RULE, dash=[2, 2]))
            return yy + 8
        if k == "from":
            st = Style(size=10.4, leading=16, bold=True, color=(1, 1, 1))
            bl = line_blocks(T, [it[1]], wd - 16, st, heading=True)
            bh = sum(b.h for b in bl) + 6
            doc.op(pg, lambda P: P.rect(x, y, wd, bh, stroke=None, fill=ORANGE, radius=3))
            yy = y + 3
            for b in bl:
                doc.place(pg, b, x + 8, yy)
                yy += b.h
            return y + bh + 8
        if k == "wtable":
            spec = dict(it[1])
            ts = TableSpec(**spec, size=9.0, leading=13.2, pad=4, header_fill=PALE, rule=(0.3, 0.3, 0.3),
                           caption_style=Style(size=9.8, leading=15, bold=True, color=INDIGO, sa=2),
                           note_style=Style(font=M, size=8.0, leading=12.4, hang=8.0, sb=3))
            caps, header, rows, notes = table_parts(doc, ts, wd)
            yy = y + 2
            for b in caps + [header()] + rows + notes:
                yy += b.sb
                doc.place(pg, b, x, yy)
                yy += b.h
            return yy + 8
        raise KeyError(k)

    SPAN = {"head", "subhead", "from", "wtable"}
    report = []
    for pi, regions in enumerate(C.PAGES):
        pg = pages[pi]
        top = 30 + MAST_H + 14 if pi == 0 else TOP
        cur = [top, top, top]
        blocked: list[list[tuple[float, float]]] = [[], []]  # per gutter: (y0, y1) crossed by spanning items
        for reg in regions:
            c0, c1 = reg["cols"]
            n = c1 - c0 + 1
            x = colx(c0)
            wd = colx(c1) + CW - x
            y = max(cur[c0:c1 + 1])
            if y > top + 1:  # rule between stacked articles
                doc.op(pg, lambda P, x=x, y=y, wd=wd: P.line(x, y - 7, x + wd, y - 7, 0.8, RULE))
            run: list[Block] = []

            def flush(y, run=run, n=n, c0=c0, pg=pg, pi=pi, cols=reg["cols"]):
                if not run:
                    return y
                total = sum(b.h + b.sb for b in run)
                avail = BOTTOM - y
                best = None
                if n == 1:
                    best = _distribute(run, 1, avail)
                else:
                    lo = total / n
                    cap = lo
                    while cap <= avail + 0.5:
                        best = _distribute(run, n, cap)
                        if best is not None:
                            break
                        cap += 1.0
                if best is None:
                    raise AssertionError(f"asagi-kouhou page {pi + 1}: region {cols} overflows "
                                         f"({total:.0f} pt of blocks, {avail:.0f} pt left)")
                hmax = 0.0
                for i, col in enumerate(best):
                    yy = y
                    for b, s in col:
                        yy += s
                        doc.place(pg, b, colx(c0 + i), yy)
                        yy += b.h
                    hmax = max(hmax, yy - y)
                run.clear()
                return y + hmax

            for it in reg["items"]:
                if it[0] in SPAN:
                    y = flush(y)
                    y0 = y
                    y = spanning(pg, it, x, y, wd)
                    for g in range(c0, c1):
                        blocked[g].append((y0 - 4, y))
                else:
                    run.extend(flowed(it, CW))
            y = flush(y)
            for c in range(c0, c1 + 1):
                cur[c] = y + 16
        # column rules along the gutters, interrupted where a spanning item crosses them
        bottom = max(cur) - 16
        for g in range(2):
            xr = colx(g) + CW + GUT / 2
            segs = []
            ys = top
            for y0, y1 in sorted(blocked[g]):
                if y0 > ys:
                    segs.append((ys, y0))
                ys = max(ys, y1)
            if bottom > ys:
                segs.append((ys, bottom))
            for a, b in segs:
                if b - a > 12:
                    doc.op(pg, lambda P, xr=xr, a=a, b=b: P.line(xr, a, xr, b, 0.4, RULE))
        report.append([round(BOTTOM - (c - 16)) for c in cur])
    doc.slack = report  # free space left at the foot of each column (for tuning the content)
    return doc
