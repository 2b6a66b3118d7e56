"""wakaba-houkoku.pdf: 「令和7年度 市町村居住支援体制づくり支援事業 実施報告書」 (fictional わかば県), A4 portrait,
printed for binding (mirrored margins, left and right pages), with a table spread over FACING pages.

Layout traps: a cover without a number whose lower half is a framed 目次 (entries with dotted leaders and page numbers
that must agree with the layout; flag `toc`, `is_toc`); body pages numbered 「- n -」 at the OUTER bottom corner (left
on even, right on odd pages; the cover is unnumbered, so printed n = PDF index); MIRRORED margins (the inner margin is
wider); running header = the report's name at the top LEFT of even pages and the current chapter at the top RIGHT of
odd pages, over a rule; chapter banners 「第1　…」–「第4　…」 and 「資料　…」, headings 「1　…」, ①–③ items; Mincho prose
with FOOTNOTE MARKERS 「※1」–「※7」 printed small and RAISED inside the line (the marker is part of the sentence text:
pdfplumber prints 「住宅確保要配慮者※1が」) and the notes at the foot of the page where the marker lands, under a short
rule (flags `note`, `footnote`; registered after the page's body text), while the tables' own notes are unnumbered
「※ …」 lines; seven ruled tables in the flow (表1 with wrapped cells, 表2 with （単位：千円） right of the caption and a
合計 row that moves to the next page under its prose, 表3–表5 with 合計 rows, 表4 continuing across a page break with
its header repeated, 表6, 表7 見直し 令和7年度｜令和8年度); chapter 第4 starts a new page (the page before it is half
empty) so that the annex opens an even page; THE FACING-PAGE TABLE 表8 (市町村別の取組状況, 18 municipalities + 県計):
the caption is split over the spread — 「表8　市町村別の居住支援の取組状況」 at the top of the LEFT page,
「（令和8年3月31日現在）」 and the unit at the top of the RIGHT page; the left page holds No.｜圏域｜市町村名｜人口 and the
group 「居住支援協議会」 (設立年月｜構成団体数｜事務局), the right page the groups 「相談件数」 (令和6年度｜令和7年度),
入居決定件数, 協力不動産店数 and 「県の支援（令和7年度）」 (four columns) and ONLY the No. at its right edge — the
municipality's name is not on the right page, so a figure there must be joined to its row through the No. (both halves
have a TWO-LEVEL header of the same height and rows of the same heights; the 県計 row's label spans three cells on the
left page, 「計」 on the right); notes 注1–注5 under the halves; a 「表8の見方」 box at the top of the right page beside
the chapter banner and the lead of the left page; a 事例 box and a framed contact box (label panel left) on page 5.
Truth: 表8 is ONE table with pages [left, right] (header flattened: 「居住支援協議会 設立年月」 …; the right half's No.
column is not repeated in the rows; `row_pages` = the left page).  No /Title.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_wakaba_houkoku as C
from . import fonts
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
    place_text,
    split_sentences,
    sw,
    table_parts,
    wrap,
)
from .kit import box_block

fonts.register()  # the styles below measure text at import time

W, H = A4
IN_M, OUT_M = 72.0, 56.0
TW = W - IN_M - OUT_M
TOP = 78.0
BOTTOM = H - 66.0
GREEN = (0.16, 0.42, 0.3)
PALE = (0.91, 0.96, 0.92)
GRAY = (0.38, 0.38, 0.38)
LINE = (0.6, 0.6, 0.6)
HEAD_FILL = (0.88, 0.93, 0.89)
WHITE = (1, 1, 1)

BODY = Style(font=M, size=10.0, leading=17.6, indent=10.0, sa=3)
LIST = Style(font=M, size=10.0, leading=17.2, hang=sw("①　", M, 10.0), sa=2)
CHAP = Style(size=13.0, leading=26, bold=True, color=WHITE, indent=12.0)
H1 = Style(size=11.0, leading=19, bold=True, sb=10, sa=2)
FOOT = Style(size=7.8, leading=11.8, color=GRAY, hang=sw("※1　", G, 7.8))
MARK = re.compile(r"※(\d)")
SUP = 0.62
RAISE = 0.36


def x0_of(n: int) -> float:
    """Left edge of the text on printed page n (even = left page: the inner margin is on the right)."""
    return OUT_M if n % 2 == 0 else IN_M


def marked_blocks(T, sentences: list[str], width: float, st: Style, extra: dict | None = None) -> list[Block]:
    """Like line_blocks, but 「※n」 markers are drawn small and raised inside the line."""
    units = []
    for s in sentences:
        sid = T.sentence(s, **(extra or {}))
        units.extend((ch, sid) for ch in s)
    lines = wrap(units, width, st)
    blocks: list[Block] = []
    for i, ln in enumerate(lines):
        text = "".join(u[0] for u in ln)
        if text.endswith("※") and i + 1 < len(lines) and lines[i + 1][0][0].isdigit():
            raise AssertionError(f"wakaba-houkoku: footnote marker split over two lines: {text}")
        ind = st.indent if i == 0 else st.hang

        def draw(P, x, y, text=text, ind=ind):
            bl = baseline_of(y, st)
            xx = x + ind
            for k, seg in enumerate(MARK.split(text)):
                if k % 2:
                    mark = "※" + seg
                    P.text(xx, bl - st.size * RAISE, mark, st.font, st.size * SUP, st.color)
                    xx += sw(mark, st.font, st.size * SUP)
                elif seg:
                    P.text(xx, bl, seg, st.font, st.size, st.color, st.bold)
                    xx += sw(seg, st.font, st.size)

        last = i == len(lines) - 1
        blocks.append(Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=frags_of(ln),
                            sb=st.sb if i == 0 else 0.0))
    return blocks


def reading_order(T) -> None:
    """Footnotes are registered when their page is closed; put every sentence back in page order with each page's
    footnotes after its body text."""
    idx = sorted(range(len(T.sentences)),
                 key=lambda i: (min(T.sentences[i]["pages"]), bool(T.sentences[i].get("footnote")), i))
    new_of = {old: new for new, old in enumerate(idx)}
    T.sentences = [T.sentences[i] for i in idx]
    T.frags = [(new_of[sid], p, t) for sid, p, t in T.frags]
    T.frag_x = [(new_of[sid], p, t, x) for sid, p, t, x in T.frag_x]


# ---------------------------------------------------------------- the facing-page table

CELL = Style(size=8.4, leading=11.6)
HCELL = Style(size=8.0, leading=10.6, bold=True)
CPAD = 3.6


def cell_lines(text: str, w: float, st: Style) -> list[str]:
    ls = wrap([(ch, -1) for ch in text], w - 2 * CPAD, st, hang_punct=False) or [[]]
    return ["".join(u[0] for u in ln) for ln in ls]


class Half:
    """One half of the spread: header spec [("single", text) | ("group", label, [subs])] and leaf widths."""

    def __init__(self, spec: list, widths: list[float], aligns: list[str]):
        tot = sum(widths)
        self.colw = [w * TW / tot for w in widths]
        self.spec = spec
        self.aligns = aligns
        self.xs = [0.0]
        for w in self.colw:
            self.xs.append(self.xs[-1] + w)

    def leaves(self):
        out = []
        j = 0
        for it in self.spec:
            if it[0] == "single":
                out.append((j, it[1], None))
                j += 1
            else:
                for s in it[2]:
                    out.append((j, s, it[1]))
                    j += 1
        return out

    def header_heights(self) -> tuple[float, float, float]:
        """(group row height, sub row height, minimum total for single cells)."""
        h1 = HCELL.leading + 2 * CPAD
        h2 = 0.0
        single = 0.0
        j = 0
        for it in self.spec:
            if it[0] == "single":
                single = max(single, len(cell_lines(it[1], self.colw[j], HCELL)) * HCELL.leading + 2 * CPAD)
                j += 1
            else:
                for s in it[2]:
                    h2 = max(h2, len(cell_lines(s, self.colw[j], HCELL)) * HCELL.leading + 2 * CPAD)
                    j += 1
        return h1, h2, single

    def draw_header(self, P, x, y, h1, h2):
        h = h1 + h2
        total = self.xs[-1]
        P.rect(x, y, total, h, stroke=None, fill=HEAD_FILL)
        P.line(x, y, x + total, y, 0.8, BLACK)
        P.line(x, y + h, x + total, y + h, 0.6, BLACK)
        j = 0
        for it in self.spec:
            if it[0] == "single":
                lines = cell_lines(it[1], self.colw[j], HCELL)
                top = y + (h - len(lines) * HCELL.leading) / 2
                for k, t in enumerate(lines):
                    P.text(x + (self.xs[j] + self.xs[j + 1]) / 2, baseline_of(top + k * HCELL.leading, HCELL), t,
                           G, HCELL.size, BLACK, True, "center")
                P.line(x + self.xs[j], y, x + self.xs[j], y + h, 0.6, BLACK)
                j += 1
            else:
                c0, c1 = j, j + len(it[2]) - 1
                P.line(x + self.xs[c0], y, x + self.xs[c0], y + h, 0.6, BLACK)
                P.line(x + self.xs[c0], y + h1, x + self.xs[c1 + 1], y + h1, 0.6, BLACK)
                P.text(x + (self.xs[c0] + self.xs[c1 + 1]) / 2, baseline_of(y + CPAD, HCELL), it[1], G, HCELL.size,
                       BLACK, True, "center")
                for s in it[2]:
                    lines = cell_lines(s, self.colw[j], HCELL)
                    top = y + h1 + (h2 - len(lines) * HCELL.leading) / 2
                    for k, t in enumerate(lines):
                        P.text(x + (self.xs[j] + self.xs[j + 1]) / 2, baseline_of(top + k * HCELL.leading, HCELL),
                               t, G, HCELL.size, BLACK, True, "center")
                    if j > c0:
                        P.line(x + self.xs[j], y + h1, x + self.xs[j], y + h, 0.6, BLACK)
                    j += 1
        P.line(x + total, y, x + total, y + h, 0.6, BLACK)

    def draw_row(self, P, x, y, cells: list[str], h: float, shade: bool = False, merge: int = 1):
        total = self.xs[-1]
        if shade:
            P.rect(x, y, total, h, stroke=None, fill=(0.95, 0.95, 0.92))
        P.line(x, y + h, x + total, y + h, 0.6 if not shade else 0.8, BLACK)
        for j, cell in enumerate(cells):
            if j < merge - 1:
                continue
            x_l = x + self.xs[0 if j < merge else j]
            w = self.xs[j + 1] - (self.xs[0] if j < merge else self.xs[j])
            P.line(x_l, y, x_l, y + h, 0.6, BLACK)
            if j == merge - 1 and merge > 1:
                cell = cells[0]  # a label spanning the first `merge` cells
            lines = cell_lines(cell, w, CELL)
            top = y + (h - len(lines) * CELL.leading) / 2
            a = "c" if j < merge and merge > 1 else self.aligns[j]
            for k, t in enumerate(lines):
                bl = baseline_of(top + k * CELL.leading, CELL)
                if a == "r":
                    P.text(x_l + w - CPAD, bl, t, G, CELL.size, BLACK, shade, "right")
                elif a == "c":
                    P.text(x_l + w / 2, bl, t, G, CELL.size, BLACK, shade, "center")
                else:
                    P.text(x_l + CPAD, bl, t, G, CELL.size, BLACK, shade)
        P.line(x + total, y, x + total, y + h, 0.6, BLACK)

    def row_height(self, cells: list[str]) -> float:
        n = max(len(cell_lines(c, self.colw[j], CELL)) for j, c in enumerate(cells))
        return n * CELL.leading + 2 * CPAD


def _num(s: str) -> int:
    return int(s.replace(",", "")) if re.fullmatch(r"[0-9,]+", s) else 0


def spread_data():
    rows = [list(r) for r in C.SPREAD_ROWS]
    total = ["県計", "", "", f"{sum(_num(r[3]) for r in rows):,}",
             f"{sum(1 for r in rows if r[5] not in ('－', '（7に同じ）'))}協議会", "－", "－"]
    for j in range(7, 15):
        total.append(f"{sum(_num(r[j]) for r in rows):,}")
    # figures the prose repeats
    want = {7: "690", 8: "864", 10: "133", 11: "2,020", 12: "1,180", 13: "15", 14: "26"}
    for j, v in want.items():
        if total[j] != v:
            raise AssertionError(f"wakaba-houkoku: 表7 column {j} sums to {total[j]}, the text says {v}")
    if total[4] != "7協議会":
        raise AssertionError(f"wakaba-houkoku: 表7 counts {total[4]}")
    if sum(1 for r in rows if r[14] not in ("－",)) != 11:
        raise AssertionError("wakaba-houkoku: 出張相談会 should be held in 11 municipalities")
    return rows, total


# ---------------------------------------------------------------- build

def build() -> Doc:
    doc = Doc("wakaba-houkoku.pdf", A4, C.RUN_LEFT,
              "A4 report printed for binding: mirrored margins, outer page numbers, raised ※n footnote markers with "
              "notes at the page foot, a table continued over a page break and a table spread over facing pages "
              "(the right page carries only the No.)", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        n = int(info["printed"])
        x0 = x0_of(n)
        if n % 2 == 0:
            P.text(x0, 46, info["header"], G, 8.2, GRAY)
        else:
            P.text(x0 + TW, 46, info["header"], G, 8.2, GRAY, align="right")
        P.line(x0, 52, x0 + TW, 52, 0.5, LINE)
        if n % 2 == 0:
            P.text(x0, H - 36, info["footer"], G, 9.6, BLACK)
        else:
            P.text(x0 + TW, H - 36, info["footer"], G, 9.6, BLACK, align="right")

    # ------------------------------------------------------------ cover with the 目次
    cv = doc.new_page(printed=None, header=None, footer=None, is_toc=True, decor=decor)
    doc.op(cv, lambda P: (P.rect(0, 0, W, 150, stroke=None, fill=GREEN),
                          P.rect(0, 150, W, 6, stroke=None, fill=(0.55, 0.75, 0.45))))
    cx0, ctw = 70.0, W - 140.0
    y = 58.0
    y += place_text(doc, cv, cx0, y, ctw, [C.COVER["year"]], Style(size=15, leading=26, color=WHITE), heading=True)
    place_text(doc, cv, cx0, 200, ctw, [C.COVER["title1"]], Style(size=22, leading=34, bold=True, align="center"),
               heading=True)
    place_text(doc, cv, cx0, 238, ctw, [C.COVER["title2"]], Style(size=28, leading=42, bold=True, align="center"),
               heading=True)
    place_text(doc, cv, cx0, 292, ctw, [C.COVER["sub"]], Style(size=11.5, leading=20, align="center", color=GREEN))
    doc.op(cv, lambda P: P.line(cx0 + 60, 326, cx0 + ctw - 60, 326, 1.0, GREEN))
    toc_y = 392.0
    toc_h = 40 + 28 * len(C.TOC) + 10
    doc.op(cv, lambda P: P.rect(cx0 + 40, toc_y, ctw - 80, toc_h, stroke=GREEN, width=1.0))
    place_text(doc, cv, cx0 + 40, toc_y + 10, ctw - 80, [C.TOC_TITLE], Style(size=12.5, leading=22, bold=True,
                                                                                 align="center"), heading=True)
    toc_rows = []
    for k, (entry, page) in enumerate(C.TOC):
        ty = toc_y + 42 + 28 * k
        sid = T.sentence(entry, heading=True, toc=True)
        tx = cx0 + 70
        tr = cx0 + ctw - 70
        st = Style(size=11, leading=20)

        def draw(P, x, yy, entry=entry, page=page, tr=tr, st=st):
            bl = baseline_of(yy, st)
            P.text(x, bl, entry, G, 11, BLACK)
            x1 = x + sw(entry, G, 11) + 8
            x2 = tr - sw(page, G, 11) - 8
            dots = int((x2 - x1) / sw("・", G, 8))
            P.text(x1, bl, "・" * max(dots, 0), G, 8, GRAY)
            P.text(tr, bl, page, G, 11, BLACK, align="right")
        doc.place(cv, Block(h=st.leading, draw=draw, frags=[(sid, entry)]), tx, ty)
        toc_rows.append((entry, page))
    place_text(doc, cv, cx0, 720, ctw, [C.COVER["date"]], Style(size=12, leading=20, align="center"))
    place_text(doc, cv, cx0, 744, ctw, [C.COVER["org"]], Style(size=13, leading=22, bold=True, align="center"))

    # ------------------------------------------------------------ body pages
    state = {"page": None, "y": TOP, "feet": [], "n": 0, "chap": None}
    chap_page: dict[str, int] = {}

    def new_body_page() -> int:
        state["n"] += 1
        n = state["n"]
        header = C.RUN_LEFT if n % 2 == 0 else state["chap"]
        return doc.new_page(printed=str(n), header=header, footer=f"- {n} -", decor=decor)

    def foot_h(feet) -> float:
        if not feet:
            return 0.0
        return 14 + sum(len(wrap([(ch, -1) for ch in C.FOOTNOTES[k]], TW, FOOT)) * FOOT.leading for k in feet)

    def close():
        pg = state["page"]
        if pg is None:
            return
        feet = state["feet"]
        if feet:
            x0 = x0_of(state["n"])
            fy = BOTTOM - foot_h(feet) + 14
            doc.op(pg, lambda P, fy=fy, x0=x0: P.line(x0, fy - 6, x0 + 140, fy - 6, 0.6, GRAY))
            for k in feet:
                fy += place_text(doc, pg, x0, fy, TW, split_sentences(C.FOOTNOTES[k]), FOOT,
                                 extra={"note": True, "footnote": True})
        state["page"] = None

    def start():
        close()
        state["page"] = new_body_page()
        state["y"] = TOP
        state["feet"] = []

    def fits(h, new_feet=()) -> bool:
        feet = state["feet"] + [k for k in new_feet if k not in state["feet"]]
        return state["y"] + h <= BOTTOM - foot_h(feet) - 8 + 0.01

    def put(b: Block, new_feet=()):
        if state["page"] is None:
            start()
        sb = b.sb if state["y"] > TOP + 0.1 else 0.0
        if not fits(sb + b.h, new_feet):
            start()
            sb = 0.0
        doc.place(state["page"], b, x0_of(state["n"]), state["y"] + sb)
        state["y"] += sb + b.h
        state["feet"].extend(k for k in new_feet if k not in state["feet"])

    def put_group(blocks: list[Block], extra: float = 0.0):
        if state["page"] is None:
            start()
        need = sum(b.h + b.sb for b in blocks) + extra
        if not fits(need):
            start()
        for b in blocks:
            put(b)

    def marked(blocks: list[Block]):
        for b in blocks:
            text = "".join(t for _, t in b.frags)
            put(b, [int(m) for m in MARK.findall(text)])

    def chap_blocks(title: str) -> list[Block]:
        bl = line_blocks(T, [title], TW, CHAP, heading=True)
        b = bl[0]
        orig = b.draw

        def draw(P, x, y, orig=orig):
            P.rect(x, y + 1, TW, CHAP.leading - 2, stroke=None, fill=GREEN)
            P.rect(x, y + 1, 5, CHAP.leading - 2, stroke=None, fill=(0.55, 0.75, 0.45))
            orig(P, x, y)
        b.draw = draw
        b.sb = 14
        return bl

    def tspec(spec: dict) -> TableSpec:
        return TableSpec(**{"size": 8.8, "leading": 12.8, "pad": 3.8, "header_fill": HEAD_FILL,
                            "caption_style": Style(size=9.8, leading=16, bold=True, sb=8, sa=2),
                            "note_style": Style(size=8.2, leading=12.4, hang=sw("※ ", G, 8.2), sb=2, color=GRAY),
                            **spec})

    def put_table(spec: dict):
        caps, header, rows, notes = table_parts(doc, tspec(spec), TW)
        put_group(caps + [header(), rows[0]])
        for r in rows[1:]:
            if not fits(r.h):
                start()
                put(header())
            put(r)
        for nb in notes:
            put(nb)
        state["y"] += 4

    def put_spread():
        rows, total = spread_data()
        left = Half([("single", t) for t in C.SPREAD_LEFT_SINGLE]
                    + [("group", C.SPREAD_LEFT_GROUP[0], C.SPREAD_LEFT_GROUP[1])],
                    [24, 36, 62, 60, 104, 60, 123], ["r", "c", "l", "r", "l", "r", "l"])
        right = Half([("group", C.SPREAD_RIGHT_GROUP1[0], C.SPREAD_RIGHT_GROUP1[1])]
                     + [("single", t) for t in C.SPREAD_RIGHT_SINGLE]
                     + [("group", C.SPREAD_RIGHT_GROUP2[0], C.SPREAD_RIGHT_GROUP2[1])]
                     + [("single", "No.")],
                     [44, 44, 52, 46, 66, 62, 56, 56, 26], ["r", "r", "r", "r", "r", "r", "r", "r", "r"])
        header_flat = (C.SPREAD_LEFT_SINGLE + [f"{C.SPREAD_LEFT_GROUP[0]} {s}" for s in C.SPREAD_LEFT_GROUP[1]]
                       + [f"{C.SPREAD_RIGHT_GROUP1[0]} {s}" for s in C.SPREAD_RIGHT_GROUP1[1]]
                       + C.SPREAD_RIGHT_SINGLE
                       + [f"{C.SPREAD_RIGHT_GROUP2[0]} {s}" for s in C.SPREAD_RIGHT_GROUP2[1]])
        all_rows = rows + [total]
        lcells = [r[:7] for r in all_rows]
        rcells = [r[7:] + [r[0] if r is not total else "計"] for r in all_rows]
        heights = [max(left.row_height(a), right.row_height(b)) for a, b in zip(lcells, rcells, strict=True)]
        lh1, lh2, ls = left.header_heights()
        rh1, rh2, rs = right.header_heights()
        h1 = max(lh1, rh1)
        h2 = max(lh2, rh2, ls - h1, rs - h1)

        lp = state["page"]
        ln_ = state["n"]
        if ln_ % 2 != 0:
            raise AssertionError(f"wakaba-houkoku: the spread must start on an even (left) page, not {ln_}")
        cap_full = C.SPREAD_CAPTION_L + C.SPREAD_CAPTION_R
        cap_sid = T.sentence(cap_full, caption=True)
        tid = T.table(cap_full, C.SPREAD_UNIT, header_flat, all_rows)
        cst = Style(size=10.6, leading=18, bold=True)
        y_left = state["y"]
        # right page: the 見方 box at the top, beside the banner and lead of the left page
        close()
        rp = new_body_page()
        rn = state["n"]
        state["page"], state["feet"] = rp, []
        legend = box_block(T, C.LEGEND_TITLE, C.LEGEND, TW, Style(size=8.6, leading=13.6, hang=sw("・", G, 8.6)),
                           Style(size=9.2, leading=15, bold=True), fill=PALE, border=GREEN, pad=7,
                           bullet_hang=sw("・", G, 8.6))
        doc.place(rp, legend, x0_of(rn), TOP)
        y_cap = max(y_left + 8, TOP + legend.h + 10)
        lx, rx = x0_of(ln_), x0_of(rn)
        # caption: first half on the left page, second half (and the unit) on the right page
        doc.place(lp, Block(h=cst.leading, draw=lambda P, x, y: P.text(x, baseline_of(y, cst), C.SPREAD_CAPTION_L, G,
                                                                        cst.size, BLACK, True),
                            frags=[(cap_sid, C.SPREAD_CAPTION_L)], table=tid), lx, y_cap)

        def draw_rcap(P, x, y):
            P.text(x, baseline_of(y, cst), C.SPREAD_CAPTION_R, G, cst.size, BLACK, True)
            P.text(x + TW, baseline_of(y, cst), C.SPREAD_UNIT, G, 8.4, BLACK, align="right")
        doc.place(rp, Block(h=cst.leading, draw=draw_rcap, frags=[(cap_sid, C.SPREAD_CAPTION_R)], table=tid),
                  rx, y_cap)
        yh = y_cap + cst.leading + 2
        doc.place(lp, Block(h=h1 + h2, draw=lambda P, x, y: left.draw_header(P, x, y, h1, h2), table=tid), lx, yh)
        doc.place(rp, Block(h=h1 + h2, draw=lambda P, x, y: right.draw_header(P, x, y, h1, h2), table=tid), rx, yh)
        yy = yh + h1 + h2
        for i, (a, b, h) in enumerate(zip(lcells, rcells, heights, strict=True)):
            last = i == len(lcells) - 1
            doc.place(lp, Block(h=h, draw=lambda P, x, y, a=a, h=h, last=last:
                                left.draw_row(P, x, y, a, h, shade=last, merge=3 if last else 1),
                                table=tid, row=i), lx, yy)
            doc.place(rp, Block(h=h, draw=lambda P, x, y, b=b, h=h, last=last:
                                right.draw_row(P, x, y, b, h, shade=last), table=tid), rx, yy)
            yy += h
        for pg, x, notes in ((lp, lx, C.SPREAD_LEFT_NOTES), (rp, rx, C.SPREAD_RIGHT_NOTES)):
            ny = yy + 6
            for t in notes:
                ny += place_text(doc, pg, x, ny, TW, split_sentences(t),
                                 Style(size=8.2, leading=12.6, hang=sw("注1　", G, 8.2), color=GRAY),
                                 extra={"note": True})
            if ny > BOTTOM:
                raise AssertionError(f"wakaba-houkoku: 表7 overflows page {pg} ({ny:.0f})")
        state["page"] = None  # the next item starts a new page

    for it in C.BODY:
        kind = it[0]
        if kind == "chap":
            state["chap"] = it[1]
            bl = chap_blocks(it[1])
            spread_next = C.BODY.index(it) + 2 < len(C.BODY) and C.BODY[C.BODY.index(it) + 2][0] == "spread"
            if spread_next:
                start()
            put_group(bl, extra=80)
            pg = state["page"]
            if abs(state["y"] - bl[0].h - TOP) < 0.5:  # the chapter opens the page: it names the page's header
                info = doc.pages[pg].info
                if int(info["printed"]) % 2:
                    info["header"] = it[1]
            chap_page[it[1]] = int(doc.pages[pg].info["printed"])
        elif kind == "h1":
            put_group(line_blocks(T, [it[1]], TW, H1, heading=True), extra=50)
        elif kind == "p":
            marked(marked_blocks(T, split_sentences(it[1]), TW, BODY))
        elif kind == "list":
            for t in it[1]:
                marked(marked_blocks(T, split_sentences(t), TW, LIST, extra={"item": True}))
        elif kind == "table":
            put_table(dict(it[1]))
        elif kind == "spread":
            put_spread()
        elif kind == "pagebreak":
            close()
        elif kind == "box":
            b = box_block(T, it[1], it[2], TW, Style(font=M, size=9.6, leading=16.4, indent=9.6),
                          Style(size=10, leading=17, bold=True), fill=PALE, border=GREEN, pad=10)
            b.sb = 14
            put(b)
        elif kind == "contact":
            tsid = T.sentence(it[1], heading=True, contact=True)
            lines = [line_blocks(T, [t], TW - 130, Style(size=9.4, leading=16.5), extra={"contact": True})
                     for t in it[2]]
            inner = [b for bl in lines for b in bl]
            h = 16 + sum(b.h for b in inner)

            def draw(P, x, y, inner=inner, h=h, title=it[1]):
                P.rect(x, y, TW, h, stroke=GREEN, width=1.0)
                P.rect(x, y, 104, h, stroke=None, fill=GREEN)
                P.text(x + 52, y + h / 2 + 4, title, G, 11, WHITE, True, "center")
                yy = y + 8
                for b in inner:
                    b.draw(P, x + 120, yy)
                    yy += b.h
            put(Block(h=h, draw=draw, frags=[(tsid, it[1])] + [f for b in inner for f in b.frags], sb=14))
        else:
            raise KeyError(kind)
    close()
    reading_order(T)

    # the 目次 must agree with the layout
    for entry, page in toc_rows:
        if str(chap_page.get(entry)) != page:
            raise AssertionError(f"wakaba-houkoku: 目次 says {entry} on p.{page}, it is on p.{chap_page.get(entry)}")
    feet = sorted(int(s["text"][1]) for s in T.sentences if s.get("footnote"))
    if feet != sorted(C.FOOTNOTES):
        raise AssertionError(f"wakaba-houkoku: footnotes printed {feet}")
    crossing = [t["caption"] for t in T.tables if len(set(t["row_pages"])) > 1]
    if not crossing:
        raise AssertionError("wakaba-houkoku: no table crosses a page break")
    if not 6 <= len(doc.pages) <= 8:
        raise AssertionError(f"wakaba-houkoku: {len(doc.pages)} pages")
    return doc
