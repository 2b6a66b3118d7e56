"""hokuto-yosan.pdf: 「令和8年度 当初予算の概要（住宅課）」 of ほくと県 建設部 住宅課, A4 LANDSCAPE (fictional ほくと県),
built for held-out tests (BLIND27).

Layout traps: no cover; page 1 has the title, the issuer and date right-aligned, a framed summary box (the total in
large type at the left, 前年度 / 前年度比 / うち居住支援関係 lines at the right, so pdfplumber reads the label, the big
figure and the right-hand lines together), 予算編成の基本的な考え方 bullets and a small ruled table by 施策の柱
(with 構成比 and a shaded 合計 row); then a WIDE ruled table 「事業名｜令和8年度予算額（千円）｜前年度予算額（千円）｜
増減｜事業の概要」 (header cells on two lines) over two pages with its header row repeated on the second page:
group rows that span the whole width (Ⅰ / Ⅱ / Ⅲ), 「★新規」 / 「◎拡充」 marks on their own line above the project
name inside the 事業名 cell, amounts right-aligned, 「－」 for no budget in the previous year and 「△」 for decreases,
multi-line 事業の概要 cells (registered as sentences with the flag `cell`), shaded 小計 rows after each group and a
合計 row, ※1–※3 notes under it; a page with two side-by-side boxes 「新規事業のポイント」 / 「拡充事業のポイント」
(pdfplumber reads across the two boxes line by line); 積算 and 財源内訳 tables with 合計 rows and ※ notes; a 参考 page
with an indicator table (four year columns) and a budget-trend table, and a contact line. Running header
(the document's name, right-aligned over a rule) from page 2; footer 「- n -」 centred from page 1; no /Title.
Every 増減, 小計, 合計 and 構成比 is computed here and checked against the figures written out in the prose.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_hokuto_yosan as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    wrap,
)

W, H = landscape(A4)
X0, X1 = 40.0, W - 40.0
TW = X1 - X0
TOP1, TOP, BOTTOM = 36.0, 60.0, H - 44.0

NAVY = (0.12, 0.22, 0.42)
BAND = (0.86, 0.9, 0.96)
SUB = (0.93, 0.95, 0.98)
TOTAL = (0.84, 0.88, 0.94)
GROUP = (0.95, 0.93, 0.86)
RULE = (0.3, 0.33, 0.4)
RED = (0.78, 0.12, 0.1)
BLUE = (0.05, 0.3, 0.65)
GRAY = (0.35, 0.35, 0.35)
WHITE = (1, 1, 1)

P_ = Style(size=10.4, leading=18.5, hang=10.4)
NOTE = Style(size=8.6, leading=13.2, hang=8.6 * 3, color=(0.2, 0.2, 0.2))
SEC = Style(size=13, leading=22, bold=True, color=NAVY, indent=14)


def yen(v: int | None) -> str:
    return "－" if v is None else f"{v:,}"


def diff(a: int, b: int | None) -> str:
    d = a - (b or 0)
    return f"△{-d:,}" if d < 0 else f"{d:,}"


class Cursor:
    """Places blocks down the page, starting a new page when a group does not fit."""

    def __init__(self, doc: Doc, new_page):
        self.doc, self.new_page = doc, new_page
        self.pg = new_page()
        self.y = TOP1

    def room(self) -> float:
        return BOTTOM - self.y

    def page_break(self):
        self.pg = self.new_page()
        self.y = TOP

    def put(self, blocks: list[Block], x: float = X0, keep: bool = True):
        need = sum(b.h + b.sb for b in blocks)
        if keep and need > self.room() + 0.5:
            self.page_break()
        for b in blocks:
            self.y += b.sb
            if self.y + b.h > BOTTOM + 0.5:
                raise AssertionError(f"hokuto-yosan p{self.pg}: overflow ({self.y + b.h:.0f} > {BOTTOM:.0f})")
            self.doc.place(self.pg, b, x, self.y)
            self.y += b.h

    def section(self, text: str, sb: float = 14.0):
        bl = line_blocks(self.doc.truth, [text], TW, SEC, heading=True)
        b = bl[0]
        orig = b.draw

        def draw(P, x, y, orig=orig, h=b.h):
            P.rect(x, y + 4, 6, h - 8, stroke=None, fill=NAVY)
            P.line(x, y + h, x + TW, y + h, 0.8, NAVY)
            orig(P, x, y)
        b.draw = draw
        b.sb = sb
        self.put(bl + [Block(h=6, draw=lambda P, x, y: None)])


# --------------------------------------------------------------------------- tables

def ytable(doc: Doc, caption: str | None, unit: str | None, header: list[str], rows: list[list[str]],
           kinds: list[str], widths: list[float], aligns: str, size: float = 9.2, leading: float = 13.4,
           sentence_cols: tuple = (), notes: list[str] | None = None, width: float = TW, pad: float = 4.2):
    """Return (caption blocks, header factory, row blocks, note blocks) for a ruled table.

    kinds per row: data | group (one cell across the row) | sub (shaded 小計) | total (shaded 合計).
    A data row's first cell may start with 「★新規」 / 「◎拡充」: the mark is drawn on its own line, coloured.
    Header cells may contain \\n (forced line break; not part of the truth text)."""
    T = doc.truth
    tot = sum(widths)
    colw = [w * width / tot for w in widths]
    tid = T.table(caption or "", unit, [h.replace("\n", "") for h in header], rows)
    st = Style(size=size, leading=leading)
    hst = st.but(bold=True)

    caps: list[Block] = []
    if caption:
        cst = Style(size=size + 1.2, leading=leading + 5, bold=True, color=NAVY)
        csid = T.sentence(caption, caption=True)

        def cdraw(P, x, y):
            bl = baseline_of(y, cst)
            P.text(x, bl, caption, G, cst.size, NAVY, True)
            if unit:
                P.text(x + width, bl, unit, G, size, BLACK, False, "right")
        caps.append(Block(h=cst.leading + 2, draw=cdraw, frags=[(csid, caption)], keep_next=True, table=tid, sb=4))

    def header_block() -> Block:
        lines = [[seg for part in h.split("\n")
                  for seg in ["".join(u[0] for u in ln)
                              for ln in wrap([(c, -1) for c in part], colw[j] - 2 * pad, hst, False)]]
                 for j, h in enumerate(header)]
        nl = max(len(v) for v in lines)
        hh = nl * leading + 2 * pad

        def draw(P, x, y):
            P.rect(x, y, width, hh, stroke=None, fill=BAND)
            P.line(x, y, x + width, y, 0.9, RULE)
            P.line(x, y + hh, x + width, y + hh, 0.9, RULE)
            xx = x
            for j, ls in enumerate(lines):
                P.line(xx, y, xx, y + hh, 0.6, RULE)
                top = y + pad + (nl - len(ls)) * leading / 2
                for k, t in enumerate(ls):
                    P.text(xx + colw[j] / 2, baseline_of(top + k * leading, hst), t, G, size, BLACK, True, "center")
                xx += colw[j]
            P.line(xx, y, xx, y + hh, 0.6, RULE)
        return Block(h=hh, draw=draw, keep_next=True, table=tid)

    blocks: list[Block] = []
    for i, (cells, kind) in enumerate(zip(rows, kinds, strict=True)):
        if kind == "group":
            gst = st.but(bold=True, color=NAVY)
            gh = leading + 2 * pad

            def draw(P, x, y, text=cells[0], gh=gh, gst=gst):
                P.rect(x, y, width, gh, stroke=None, fill=GROUP)
                P.rect(x, y, width, gh, stroke=RULE, fill=None, width=0.6)
                P.text(x + pad + 2, baseline_of(y + pad, gst), text, G, size, NAVY, True)
            blocks.append(Block(h=gh, draw=draw, table=tid, row=i))
            continue
        bold = kind in ("sub", "total")
        cst_ = st.but(bold=bold)
        cell_lines: list[list[tuple[str, tuple]]] = []   # per column: [(text, colour)]
        frags: list[tuple[int, str]] = []
        for j, cell in enumerate(cells):
            cw_ = colw[j] - 2 * pad
            if j in sentence_cols and cell:
                units = []
                for s in split_sentences(cell):
                    sid = T.sentence(s, cell=True)
                    units.extend((ch, sid) for ch in s)
                lns = wrap(units, cw_, cst_, hang_punct=False)
                frags.extend(f for ln in lns for f in frags_of(ln))
                cell_lines.append([("".join(u[0] for u in ln), BLACK) for ln in lns])
                continue
            out: list[tuple[str, tuple]] = []
            text = cell
            if j == 0 and cell[:3] in ("★新規", "◎拡充"):
                out.append((cell[:3], RED if cell[0] == "★" else BLUE))
                text = cell[3:].lstrip("　 ")
            lns = wrap([(c, -1) for c in text], cw_, cst_, hang_punct=False) or [[]]
            out.extend(("".join(u[0] for u in ln), BLACK) for ln in lns)
            cell_lines.append(out)
        nl = max(len(v) for v in cell_lines)
        rh = nl * leading + 2 * pad
        fill = SUB if kind == "sub" else TOTAL if kind == "total" else None

        def draw(P, x, y, cell_lines=cell_lines, rh=rh, fill=fill, bold=bold, kind=kind):
            if fill:
                P.rect(x, y, width, rh, stroke=None, fill=fill)
            P.line(x, y, x + width, y, 1.0 if kind == "total" else 0.6, RULE)
            P.line(x, y + rh, x + width, y + rh, 0.6, RULE)
            xx = x
            for j, ls in enumerate(cell_lines):
                P.line(xx, y, xx, y + rh, 0.6, RULE)
                a = aligns[j]
                for k, (t, col) in enumerate(ls):
                    bl = baseline_of(y + pad + k * leading, st)
                    b_ = bold or col is not BLACK
                    if a == "r":
                        P.text(xx + colw[j] - pad, bl, t, G, size, col, b_, "right")
                    elif a == "c":
                        P.text(xx + colw[j] / 2, bl, t, G, size, col, b_, "center")
                    else:
                        P.text(xx + pad, bl, t, G, size, col, b_)
                xx += colw[j]
            P.line(xx, y, xx, y + rh, 0.6, RULE)
        blocks.append(Block(h=rh, draw=draw, frags=frags, table=tid, row=i))
    # bottom rule of the last row a little heavier
    last = blocks[-1]
    lo = last.draw

    def ldraw(P, x, y, lo=lo, h=last.h):
        lo(P, x, y)
        P.line(x, y + h, x + width, y + h, 1.0, RULE)
    last.draw = ldraw
    nbs: list[Block] = []
    for k, n in enumerate(notes or []):
        nbs.extend(line_blocks(T, split_sentences(n), width, NOTE.but(sb=4 if k == 0 else 0), extra={"note": True}))
    return caps, header_block, blocks, nbs


def put_table(cur: Cursor, parts, x: float = X0, min_rows: int = 1) -> None:
    """Place a table; when a row does not fit, continue on the next page under a repeated header."""
    caps, header, rows, notes = parts
    cur.put(caps + [header()] + rows[:min_rows], x)
    for r in rows[min_rows:]:
        if r.h > cur.room() + 0.5:
            cur.page_break()
            cur.put([header()], x)
        cur.put([r], x)
    if notes:
        cur.put(notes, x)


# --------------------------------------------------------------------------- build

def build() -> Doc:
    doc = Doc("hokuto-yosan.pdf", landscape(A4), C.TITLE,
              "A4 landscape budget overview: summary box, wide ruled tables with marks, wrapped cells, 小計 / 合計 "
              "rows and a repeated header, side-by-side point boxes, running header from page 2",
              meta_title=None, author=C.ISSUER)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 34, info["header"], G, 8.6, GRAY, align="right")
            P.line(X0, 40, X1, 40, 0.6, NAVY)
        P.text(W / 2, H - 22, info["footer"], G, 9.5, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUNNING if n > 1 else None, footer=f"- {n} -", decor=decor)

    # ---------------------------------------------------------------- figures
    r8 = [sum(p[3] for p in C.PROJECTS if p[0] == k) for k in range(3)]
    r7 = [sum(p[4] or 0 for p in C.PROJECTS if p[0] == k) for k in range(3)]
    t8, t7 = sum(r8), sum(r7)
    s8, s7 = r8[0] + r8[1], r7[0] + r7[1]
    pct = round(t8 / t7 * 100, 1)
    spct = round(s8 / s7 * 100, 1)
    want = [f"{t8:,}千円", f"{t7:,}千円", f"{pct}％（{t8 - t7:,}千円の増）", f"{s8:,}千円", f"{spct}％（{s8 - s7:,}千円の増）"]
    summary_text = C.SUMMARY["total"] + "".join(C.SUMMARY["lines"])
    for w_ in want:
        if w_ not in summary_text:
            raise AssertionError(f"hokuto-yosan: summary box does not say {w_}")
    n_new = sum(1 for p in C.PROJECTS if p[1] == "★新規")
    n_up = sum(1 for p in C.PROJECTS if p[1] == "◎拡充")
    if f"新規事業{n_new}件、拡充事業{n_up}件" not in "".join(C.POLICY):
        raise AssertionError("hokuto-yosan: counts of new / expanded projects")
    for _, items in (C.POINTS_NEW, C.POINTS_UP):
        for title, _b in items:
            p = next(p for p in C.PROJECTS if p[2] in title)
            if f"（{p[3]:,}千円）" not in title or title[0] != p[1][0]:
                raise AssertionError(f"hokuto-yosan: box title {title}")
    for k, (_, vals) in enumerate(C.TREND["rows"]):
        if vals[-2:] != [r7[k], r8[k]]:
            raise AssertionError(f"hokuto-yosan: trend row {k} {vals[-2:]} != {[r7[k], r8[k]]}")
    f8 = sum(r[1] for r in C.FUNDS["rows"])
    f7 = sum(r[2] for r in C.FUNDS["rows"])
    if (f8, f7) != (t8, t7):
        raise AssertionError(f"hokuto-yosan: 財源 {f8} / {f7} != {t8} / {t7}")
    bd = [r[1] * r[3] if r[1] else r[3] for r in C.BREAKDOWN["rows"]]
    if sum(bd) != C.PROJECTS[0][3]:
        raise AssertionError(f"hokuto-yosan: 積算 {sum(bd)} != {C.PROJECTS[0][3]}")

    cur = Cursor(doc, new_page)

    # ---------------------------------------------------------------- page 1
    pg = cur.pg
    doc.op(pg, lambda P: P.rect(X0, 30, TW, 4, stroke=None, fill=NAVY))
    place_text(doc, pg, X0, 44, TW, [C.TITLE], Style(size=20, leading=32, bold=True, color=NAVY, align="center"),
               heading=True)
    place_text(doc, pg, X0, 78, TW, [C.DATE], Style(size=10, leading=15, align="right"))
    place_text(doc, pg, X0, 93, TW, [C.ISSUER], Style(size=10, leading=15, align="right"))
    # summary box
    by, bh = 116.0, 96.0
    lw = 330.0
    doc.op(pg, lambda P: (P.rect(X0, by, TW, bh, stroke=NAVY, fill=(0.97, 0.98, 1.0), width=1.4, radius=5),
                          P.rect(X0 + 8, by + 8, lw - 16, bh - 16, stroke=None, fill=NAVY, radius=4),
                          P.line(X0 + lw + 6, by + 12, X0 + lw + 6, by + bh - 12, 0.6, RULE)))
    place_text(doc, pg, X0 + 8, by + 16, lw - 16, [C.SUMMARY["label"]],
               Style(size=11, leading=17, bold=True, color=WHITE, align="center"), extra={"box": True})
    place_text(doc, pg, X0 + 8, by + 40, lw - 16, [C.SUMMARY["total"]],
               Style(size=26, leading=40, bold=True, color=WHITE, align="center"), extra={"box": True})
    yy = by + 12
    for k, ln in enumerate(C.SUMMARY["lines"]):
        yy += place_text(doc, pg, X0 + lw + 22, yy, TW - lw - 30, [ln],
                         Style(size=11.5, leading=18, bold=k in (1, 2), color=RED if k == 1 else BLACK),
                         extra={"box": True})
    cur.y = by + bh + 4
    cur.section(C.POLICY_HEAD, sb=12)
    for t in C.POLICY:
        cur.put(line_blocks(T, split_sentences("・" + t), TW, P_.but(sa=2), extra={"item": True}))
    rows = [[C.PILLARS[k], f"{r8[k]:,}", f"{r7[k]:,}", diff(r8[k], r7[k]), f"{r8[k] / t8 * 100:.1f}"] for k in range(3)]
    shares = [round(r8[k] / t8 * 100, 1) for k in range(3)]
    if abs(sum(shares) - 100.0) > 0.05:
        raise AssertionError(f"hokuto-yosan: 構成比 {shares}")
    rows.append(["合計", f"{t8:,}", f"{t7:,}", diff(t8, t7), "100.0"])
    cur.y += 8
    put_table(cur, ytable(doc, C.PILLAR_TABLE["caption"], C.PILLAR_TABLE["unit"], C.PILLAR_TABLE["header"], rows,
                          ["data"] * 3 + ["total"], [5.2, 1.6, 1.6, 1.4, 1.1], "lrrrr", size=9.8, leading=14.5))
    if cur.pg != 0:
        raise AssertionError("hokuto-yosan: page 1 overflows")

    # ---------------------------------------------------------------- 1 事業別予算額
    cur.page_break()
    cur.section(C.SEC1, sb=0)
    rows, kinds = [], []
    for k in range(3):
        rows.append([C.PILLARS[k], "", "", "", ""])
        kinds.append("group")
        for p in C.PROJECTS:
            if p[0] != k:
                continue
            name = f"{p[1]}　{p[2]}" if p[1] else p[2]
            rows.append([name, yen(p[3]), yen(p[4]), diff(p[3], p[4]), p[5]])
            kinds.append("data")
        rows.append(["小計", f"{r8[k]:,}", f"{r7[k]:,}", diff(r8[k], r7[k]), ""])
        kinds.append("sub")
    rows.append(["合計", f"{t8:,}", f"{t7:,}", diff(t8, t7), ""])
    kinds.append("total")
    main_start = cur.pg
    put_table(cur, ytable(doc, None, None, C.MAIN_HEADER, rows, kinds, [2.55, 1.05, 1.05, 0.95, 4.9], "lrrrl",
                          size=9.0, leading=13.2, sentence_cols=(4,), notes=C.MAIN_NOTES), min_rows=2)
    main_pages = sorted(T.tables[-1]["pages"])
    if len(main_pages) < 2 or main_pages[0] != main_start:
        raise AssertionError(f"hokuto-yosan: the main table should continue across a page ({main_pages})")

    # ---------------------------------------------------------------- 2 新規・拡充事業のポイント
    cur.page_break()
    cur.section(C.SEC2, sb=0)
    _point_boxes(doc, cur)
    cur.put(line_blocks(T, [C.POINTS_NOTE], TW, NOTE.but(sb=6), extra={"note": True}))

    # ---------------------------------------------------------------- 3 積算, 4 財源
    cur.page_break()
    cur.section(C.SEC3, sb=0)
    B = C.BREAKDOWN
    brows = [[r[0], yen(r[1]), r[2], f"{v:,}", r[4]] for r, v in zip(B["rows"], bd, strict=True)]
    brows.append(["合計", "", "", f"{sum(bd):,}", ""])
    put_table(cur, ytable(doc, B["caption"], None, B["header"], brows, ["data"] * len(B["rows"]) + ["total"],
                          [2.6, 1.2, 1.2, 1.3, 3.0], "lrcrl", size=9.6, leading=13, pad=3.6, notes=B["notes"]))
    cur.section(C.SEC4, sb=12)
    F = C.FUNDS
    frows = [[r[0], f"{r[1]:,}", f"{r[2]:,}", diff(r[1], r[2])] for r in F["rows"]]
    frows.append(["合計", f"{f8:,}", f"{f7:,}", diff(f8, f7)])
    put_table(cur, ytable(doc, F["caption"], F["unit"], F["header"], frows, ["data"] * len(F["rows"]) + ["total"],
                          [3.0, 1.5, 1.5, 1.5], "lrrr", size=9.6, leading=13, pad=3.6, notes=F["notes"],
                          width=TW * 0.62))
    if len(doc.pages) != 5:
        raise AssertionError("hokuto-yosan: 積算 and 財源 must share page 5")

    # ---------------------------------------------------------------- 5 参考
    cur.page_break()
    cur.section(C.SEC5, sb=0)
    I_ = C.INDICATORS
    put_table(cur, ytable(doc, I_["caption"], None, I_["header"], I_["rows"], ["data"] * len(I_["rows"]),
                          [3.4, 1.2, 1.2, 1.5, 1.5], "lrrrr", size=9.6, leading=14, notes=I_["notes"]))
    cur.y += 12
    R = C.TREND
    trows = [[lab, *(f"{v:,}" for v in vals)] for lab, vals in R["rows"]]
    tot = [sum(vals[i] for _, vals in R["rows"]) for i in range(5)]
    trows.append(["計", *(f"{v:,}" for v in tot)])
    if tot[-2:] != [s7, s8]:
        raise AssertionError("hokuto-yosan: trend totals")
    put_table(cur, ytable(doc, R["caption"], R["unit"], R["header"], trows, ["data"] * len(R["rows"]) + ["total"],
                          [3.4, 1.1, 1.1, 1.1, 1.1, 1.1], "lrrrrr", size=9.6, leading=14, notes=R["notes"]))
    cur.y += 16
    cb = line_blocks(T, [C.CONTACT], TW - 24, Style(size=10, leading=22), extra={"contact": True})
    o = cb[0].draw

    def cdraw(P, x, y, o=o, h=cb[0].h):
        P.rect(x - 12, y - 4, TW, h + 8, stroke=NAVY, fill=(0.97, 0.98, 1.0), width=0.8, radius=3)
        o(P, x, y)
    cb[0].draw = cdraw
    cur.put(cb, X0 + 12)

    if not 5 <= len(doc.pages) <= 7:
        raise AssertionError(f"hokuto-yosan: {len(doc.pages)} pages")
    return doc


def _point_boxes(doc: Doc, cur: Cursor) -> None:
    """Two boxes side by side: 新規事業のポイント (left) and 拡充事業のポイント (right)."""
    T = doc.truth
    gap = 18.0
    bw = (TW - gap) / 2
    pad = 12.0
    tst = Style(size=12, leading=26, bold=True, color=WHITE, indent=12)
    ist = Style(size=10.6, leading=18, bold=True, sb=8)
    bst = Style(size=10.2, leading=17, hang=10.2)
    top = cur.y
    heights = []
    for col, ((title, items), colour) in enumerate(((C.POINTS_NEW, RED), (C.POINTS_UP, BLUE))):
        x = X0 + col * (bw + gap)
        tb = line_blocks(T, [title], bw, tst, heading=True, extra={"box": True})
        y = top
        hdr_y = y
        doc.op(cur.pg, lambda P, x=x, y=hdr_y, colour=colour: P.rect(x, y, bw, 26, stroke=None, fill=colour, radius=3))
        for b in tb:
            doc.place(cur.pg, b, x, y)
            y += b.h
        y += 4
        for it_title, bullets in items:
            bl = line_blocks(T, [it_title], bw - 2 * pad, ist.but(color=colour), extra={"box": True})
            y += bl[0].sb
            for b in bl:
                doc.place(cur.pg, b, x + pad, y)
                y += b.h
            for t in bullets:
                for b in line_blocks(T, split_sentences(t), bw - 2 * pad - 6, bst, extra={"box": True, "item": True}):
                    doc.place(cur.pg, b, x + pad + 6, y)
                    y += b.h
        heights.append(y + pad - top)
    h = max(heights)
    if top + h > BOTTOM:
        raise AssertionError(f"hokuto-yosan: point boxes overflow ({top + h:.0f})")
    for col, colour in enumerate((RED, BLUE)):
        x = X0 + col * (bw + gap)
        doc.op(cur.pg, lambda P, x=x, colour=colour: P.rect(x, top, bw, h, stroke=colour, fill=None, width=1.2,
                                                            radius=3))
    cur.y = top + h

