"""kirara-menzuke.pdf: an 8-page A5 booklet delivered as the printer's IMPOSED file (面付け) for saddle stitching
(fictional きらら県).

Layout traps: 4 PDF pages, each a landscape A4 sheet holding TWO A5 portrait booklet pages side by side, in
FOLDING order, not reading order: PDF page 1 = [8 | 1] (back cover left, cover right), page 2 = [2 | 7], page 3 =
[6 | 3], page 4 = [4 | 5].  So the booklet is read 1 (p1 right) → 2 (p2 left) → 3 (p3 right) → 4 (p4 left) → 5 (p4
right) → 6 (p3 left) → 7 (p2 right) → 8 (p1 left); a reader that follows the PDF page order meets page 7 before page 3.
Text runs on between booklet pages: a sentence starts at the foot of booklet page 2 (PDF p2, left half) and ends at the
top of booklet page 3 (PDF p3, right half); 表3 starts at the foot of booklet page 5 (PDF p4, right half) and continues
at the top of booklet page 6 (PDF p3, LEFT half) under its repeated header row.  About 60 pt between the texts of the
two halves, so pdfplumber reads across the two booklet pages line by line.  Each numbered half has its page number at
its OUTER bottom corner (even pages left, odd pages right); the truth records a sheet's label as 「left-right」 (「2-7」,
「6-3」, 「4-5」; the first sheet, cover and back cover, has none) and its footer as both numbers on one line.  Running
header: the booklet's short name top left of every numbered even page, the current section title top right of every
numbered odd page (recorded as one string, left then right).  Small fold / trim marks at the sheet's edges (vectors).

Content: cover (edition tab, two-line title, drawn houses and stars, issuer, date); はじめに; 1–9 headings with a bar;
ruled tables 表1 (its ※ says the 相談件数 columns are FISCAL YEARS, not the dates in the header), 表2 支援メニュー (wrapped
cells, ※1/※2), 表3 schedule (continues across the imposed sheets), 表4 councils; a five-STEP flow (boxes with a period at
the right of the title line, triangles between the boxes, a dashed connector to a 「県の支援」 tag beside each box); a 算定例
box; a FILLED-IN SAMPLE FORM 記入例 (様式第5号, sample entries in blue, a red 「記入例」 stamp, red numbered balloons in the
right margin joined to their rows by leader lines); Q&A with drawn 「Q」/「A」 marks; back cover with three contact boxes,
a QR-code-like square (drawn modules, no text) with a two-line caption, the issue line.

Truth: sentences in READING order (booklet order); STEP texts flag `box` (titles also `heading`), the tags `support`;
the form: title `form`, stamp `stamp`, labels `field`, entries `example`, balloons `balloon`; the form is also a table
(caption = 「記入例　…」, header 項目｜記入例); Q/A flags `q` / `a`; contact lines `box`; QR caption `caption`.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_kirara_menzuke as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    place_text,
    split_sentences,
    table_parts,
    wrap,
)
from .kit import box_block

W, H = landscape(A4)
HW = W / 2
MX = 30.0                      # margin of a half (both sides)
TOP, BOTTOM = 50.0, H - 44.0
PURPLE = (0.36, 0.24, 0.55)
LIGHT = (0.92, 0.89, 0.97)
PALE = (0.97, 0.96, 0.99)
GOLD = (0.86, 0.64, 0.12)
GRAY = (0.40, 0.40, 0.40)
WHITE = (1, 1, 1)
RED = (0.80, 0.12, 0.12)
BLUE = (0.05, 0.25, 0.70)

# booklet page -> (PDF page, half) for an 8-page saddle-stitched booklet on 2 sheets
IMPOSE = {8: (0, 0), 1: (0, 1), 2: (1, 0), 7: (1, 1), 6: (2, 0), 3: (2, 1), 4: (3, 0), 5: (3, 1)}

P_ST = Style(size=8.6, leading=13.8, indent=8.6, sa=3)
H2 = Style(size=10.0, leading=15, bold=True, color=PURPLE, sb=9, sa=5, indent=9, hang=9, keep_next=True)
LI = Style(size=8.5, leading=13.4, indent=0, hang=0, sb=1)
NOTE = Style(size=7.4, leading=11.2, color=GRAY, hang=7.4, sb=2, sa=2)
Q_ST = Style(size=8.6, leading=13.4, bold=True, color=PURPLE, indent=16, hang=16, sb=6, keep_next=True)
A_ST = Style(size=8.5, leading=13.4, indent=16, hang=16, sa=2)
TABLE_KW = dict(size=7.6, leading=10.6, pad=2.8, header_fill=LIGHT, rule=(0.3, 0.3, 0.3),
                caption_style=Style(size=8.4, leading=12.6, bold=True, sb=6, sa=2, keep_next=True),
                note_style=Style(size=7.1, leading=10.4, color=GRAY, hang=14.2, sa=3))


def half_x(half: int) -> float:
    return HW * half + MX


class Pages:
    """Places blocks on booklet pages 2..7 in reading order, each booklet page being one half of an imposed sheet."""

    def __init__(self, doc: Doc, first: int, last: int):
        self.doc = doc
        self.bp = first
        self.last = last
        self.y = TOP
        self.pending: list[Block] = []
        self.repeat = None
        self.width = HW - 2 * MX

    @property
    def page(self) -> int:
        return IMPOSE[self.bp][0]

    @property
    def x(self) -> float:
        return half_x(IMPOSE[self.bp][1])

    def next_page(self) -> None:
        self.flush()
        self.bp += 1
        if self.bp > self.last:
            raise AssertionError("kirara-menzuke: body overflows booklet page 7")
        self.y = TOP
        if self.repeat:
            self._put(self.repeat())

    def _put(self, b: Block) -> None:
        s = b.sb if self.y > TOP + 0.1 else 0.0
        self.y += s
        self.doc.place(self.page, b, self.x, self.y)
        self.y += b.h

    def add(self, b: Block) -> None:
        self.pending.append(b)
        if b.keep_next:
            return
        self.flush()

    def flush(self) -> None:
        group, self.pending = self.pending, []
        if not group:
            return
        at_top = self.y <= TOP + 0.1

        def need(top: bool) -> float:
            return sum(b.h for b in group) + sum(b.sb for b in group[1:]) + (0 if top else group[0].sb)
        if self.y + need(at_top) > BOTTOM + 0.01:
            if not at_top:
                self.next_page()
            if self.y + need(self.y <= TOP + 0.1) > BOTTOM + 0.01:
                if len(group) == 1:
                    raise AssertionError(f"kirara-menzuke: block taller than a page ({group[0].h:.0f})")
                for b in group:
                    self.pending = [b]
                    self.flush()
                return
        for b in group:
            self._put(b)

    def add_all(self, blocks) -> None:
        for b in blocks:
            self.add(b)

    def add_table(self, ts: TableSpec) -> None:
        caps, header, rows, notes = table_parts(self.doc, ts, self.width)
        self.add_all(caps)
        self.add(header())
        for i, r in enumerate(rows):
            self.add(r)
            if i == 0:
                self.flush()
                self.repeat = header
        self.flush()
        self.repeat = None
        self.add_all(notes)


def build() -> Doc:
    doc = Doc("kirara-menzuke.pdf", (W, H), C.TITLE,
              "A5 booklet, printer's imposed file: two booklet pages per landscape A4 sheet in folding order "
              "(8|1, 2|7, 6|3, 4|5)", meta_title=None)
    T = doc.truth
    hdr: dict[int, str] = {}   # booklet page -> running header text

    def decor(P, info, when):
        if when != "over":
            return
        idx = info["index"]
        for bp, (pg, half) in IMPOSE.items():
            if pg != idx or bp in (1, 8):
                continue
            x0, x1 = half_x(half), HW * half + HW - MX
            if half == 0:
                P.text(x0, 30, hdr[bp], G, 7.4, PURPLE)
                P.line(x0, 35, x1, 35, 0.5, PURPLE)
                P.text(x0, H - 22, str(bp), G, 9, BLACK)
            else:
                P.text(x1, 30, hdr[bp], G, 7.4, PURPLE, align="right")
                P.line(x0, 35, x1, 35, 0.5, PURPLE)
                P.text(x1, H - 22, str(bp), G, 9, BLACK, align="right")
        # fold and trim marks (vectors only)
        for xx in (HW,):
            P.line(xx, 0, xx, 9, 0.4, GRAY)
            P.line(xx, H - 9, xx, H, 0.4, GRAY)
        for cx, cy, dx, dy in ((0, 0, 1, 1), (W, 0, -1, 1), (0, H, 1, -1), (W, H, -1, -1)):
            P.line(cx + dx * 4, cy + dy * 14, cx + dx * 14, cy + dy * 14, 0.4, GRAY)
            P.line(cx + dx * 14, cy + dy * 4, cx + dx * 14, cy + dy * 14, 0.4, GRAY)

    for _ in range(4):
        doc.new_page(printed=None, header=None, footer=None, decor=decor)

    # ------------------------------------------------------------------ booklet page 1: cover (PDF p1, right)
    pg, half = IMPOSE[1]
    cx = half_x(half)
    cwid = HW - 2 * MX

    def cover_art(P):
        P.rect(HW, 0, HW, H, stroke=None, fill=PALE)
        P.rect(HW, 0, HW, 18, stroke=None, fill=PURPLE)
        P.rect(HW, H - 120, HW, 120, stroke=None, fill=LIGHT)
        P.rect(cx, 44, 74, 20, stroke=None, fill=GOLD, radius=3)
        # houses on a hill
        base = H - 150
        for k, (hx, hw_, hh) in enumerate(((cx + 30, 60, 46), (cx + 110, 76, 58), (cx + 210, 56, 42))):
            col = (0.55, 0.45, 0.75) if k % 2 else (0.45, 0.35, 0.68)
            P.rect(hx, base - hh, hw_, hh, stroke=None, fill=col)
            P.poly([(hx - 8, base - hh), (hx + hw_ / 2, base - hh - 30), (hx + hw_ + 8, base - hh)], fill=PURPLE)
            P.rect(hx + hw_ / 2 - 7, base - 20, 14, 20, stroke=None, fill=WHITE)
            P.rect(hx + 8, base - hh + 10, 12, 12, stroke=None, fill=(1, 0.95, 0.7))
        # sparkles (きらら)
        for sx, sy, r in ((cx + 285, 210, 14), (cx + 320, 250, 8), (cx + 250, 255, 6), (cx + 300, 300, 10)):
            P.poly([(sx, sy - r), (sx + r * 0.25, sy - r * 0.25), (sx + r, sy), (sx + r * 0.25, sy + r * 0.25),
                    (sx, sy + r), (sx - r * 0.25, sy + r * 0.25), (sx - r, sy), (sx - r * 0.25, sy - r * 0.25)], fill=GOLD)

    doc.op(pg, cover_art)
    place_text(doc, pg, cx + 8, 47, 64, [C.COVER["edition"]], Style(size=9.5, leading=14, bold=True, color=WHITE))
    y = 96
    for k, ln in enumerate(C.COVER["title"]):
        st = Style(size=17 if k == 0 else 24, leading=26 if k == 0 else 34, bold=True, color=PURPLE)
        y += place_text(doc, pg, cx, y, cwid, [ln], st, heading=True)
    y += place_text(doc, pg, cx, y + 6, cwid, [C.COVER["sub"]], Style(size=10.5, leading=16, color=PURPLE)) + 14
    for ln in C.COVER["lead"]:
        y += place_text(doc, pg, cx, y, 230, [ln], Style(size=9, leading=15))
    yy = H - 104
    for ln in C.COVER["issuer"]:
        yy += place_text(doc, pg, cx, yy, cwid, [ln], Style(size=11.5, leading=18, bold=True, align="center"))
    place_text(doc, pg, cx, yy + 6, cwid, [C.COVER["date"]], Style(size=9.5, leading=15, align="center"))

    # ------------------------------------------------------------------ booklet pages 2..7
    F = Pages(doc, 2, 7)
    width = F.width

    def h2(text):
        bl = line_blocks(T, [text], width, H2, heading=True)
        total = sum(b.h for b in bl)
        o = bl[0].draw

        def draw(P, x, y, o=o):
            P.rect(x, y + 2, 4, total - H2.sa - 3, stroke=None, fill=GOLD)
            P.line(x, y + total - H2.sa + 1, x + width, y + total - H2.sa + 1, 0.5, PURPLE)
            o(P, x, y)
        bl[0].draw = draw
        F.add_all(bl)

    def steps(items):
        tag_w = 86.0
        bw = width - tag_w - 14
        tab_w = 40.0
        inner = bw - tab_w - 12
        tst = Style(size=8.8, leading=12.6, bold=True, color=PURPLE)
        dst = Style(size=8.0, leading=11.8)
        sst = Style(size=7.6, leading=10.6, color=WHITE, bold=True)
        for k, (lab, title, period, text, support) in enumerate(items):
            sid_t = T.sentence(f"{lab}　{title}", heading=True, box=True)
            sid_p = T.sentence(period, box=True)
            body = line_blocks(T, split_sentences(text), inner, dst, extra={"box": True})
            sup_lines = line_blocks(T, [f"県の支援：{support}"], tag_w - 10, sst, extra={"box": True, "support": True})
            h = 6 + tst.leading + sum(b.h for b in body) + 6
            last = k == len(items) - 1

            def draw(P, x, y, lab=lab, title=title, period=period, body=body, sup=sup_lines, h=h, last=last):
                P.rect(x, y, bw, h, stroke=PURPLE, fill=WHITE, width=0.8)
                P.rect(x, y, tab_w, h, stroke=None, fill=PURPLE)
                P.text(x + tab_w / 2, y + h / 2 + 3, lab, G, 8, WHITE, True, "center")
                bl = baseline_of(y + 6, tst)
                P.text(x + tab_w + 7, bl, title, G, tst.size, PURPLE, True)
                P.text(x + bw - 5, bl, period, G, 7.6, GRAY, False, "right")
                yy = y + 6 + tst.leading
                for b in body:
                    b.draw(P, x + tab_w + 7, yy)
                    yy += b.h
                # 県の支援 tag joined by a dashed line
                sh = sum(b.h for b in sup) + 8
                tx = x + bw + 14
                ty = y + (h - sh) / 2
                P.line(x + bw, y + h / 2, tx, y + h / 2, 0.8, GOLD, dash=[2, 2])
                P.rect(tx, ty, tag_w, sh, stroke=None, fill=GOLD, radius=4)
                yy = ty + 4
                for b in sup:
                    b.draw(P, tx + 5, yy)
                    yy += b.h
                if not last:
                    ax = x + bw / 2
                    P.poly([(ax - 9, y + h + 2), (ax + 9, y + h + 2), (ax, y + h + 10)], fill=GOLD)
            frags = [(sid_t, lab), (sid_t, title), (sid_p, period)] + [f for b in body for f in b.frags] \
                + [f for b in sup_lines for f in b.frags]
            F.add(Block(h=h, draw=draw, frags=frags, sb=6 if k == 0 else 13))

    def qa(q, a):
        qb = line_blocks(T, [q], width, Q_ST, extra={"q": True})
        ab = line_blocks(T, split_sentences(a), width, A_ST, extra={"a": True})
        for blocks, lab, col in ((qb, "Q", PURPLE), (ab, "A", GOLD)):
            o = blocks[0].draw

            def draw(P, x, y, o=o, lab=lab, col=col):
                P.rect(x + 1, y + 1.5, 11, 11, stroke=None, fill=col, radius=5.5)
                P.text(x + 6.5, y + 10.2, lab, G, 7.6, WHITE, True, "center")
                o(P, x, y)
            blocks[0].draw = draw
        F.add_all(qb + ab)

    def kinyurei():
        Fm = C.FORM
        fw = 236.0          # form width
        lw = 66.0           # label column
        vw = fw - lw
        bx = fw + 14        # balloons column
        bwid = width - bx
        lst = Style(size=7.6, leading=10.6)
        vst = Style(size=7.8, leading=10.8, color=BLUE, font=M)
        bst = Style(size=7.0, leading=9.8, color=RED)
        sid_form = T.sentence(Fm["form"], form=True)
        sid_title = T.sentence(Fm["title"], heading=True, form=True)
        sid_stamp = T.sentence(Fm["stamp"], stamp=True)
        tid = T.table(Fm["caption"], None, ["項目", "記入例"], [[r[0], r[1]] for r in Fm["rows"]])
        cap_blocks = line_blocks(T, [Fm["caption"]], width, Style(size=8.4, leading=12.6, bold=True, sb=6, sa=3),
                                 extra={"caption": True})
        for b in cap_blocks:
            b.table = tid
            b.keep_next = True
        rows = []
        for label, value, _bal in Fm["rows"]:
            lb = line_blocks(T, [label], lw - 6, lst, extra={"field": True})
            vb = line_blocks(T, [value], vw - 6, vst, extra={"example": True})
            rh = max(sum(b.h for b in lb), sum(b.h for b in vb)) + 6
            rows.append((lb, vb, rh))
        bals = []
        for _label, _value, bal in Fm["rows"]:
            bals.append(line_blocks(T, [bal], bwid - 10, bst, extra={"balloon": True}) if bal else None)
        head_h = 40.0
        form_h = head_h + sum(r[2] for r in rows)
        # balloon positions: beside their row, pushed down when they would overlap
        ys = []
        cursor = 0.0
        ry = head_h
        for (_lb, _vb, rh), bb in zip(rows, bals, strict=True):
            if bb:
                bh = sum(b.h for b in bb) + 8
                top = max(ry + rh / 2 - bh / 2, cursor)
                ys.append((top, bh, ry + rh / 2))
                cursor = top + bh + 6
            else:
                ys.append(None)
            ry += rh
        total_h = max(form_h, cursor) + 4

        def draw(P, x, y):
            # form frame, number, title, stamp
            P.text(x, y + 9, Fm["form"], G, 7.4, BLACK)
            P.text(x + fw / 2, y + 28, Fm["title"], G, 9.6, BLACK, True, "center")
            P.rect(x + fw - 44, y + 1, 42, 15, stroke=RED, fill=None, width=1.2, radius=2)
            P.rect(x + fw - 42, y + 3, 38, 11, stroke=RED, fill=None, width=0.5, radius=1.5)
            P.text(x + fw - 23, y + 11.8, Fm["stamp"], G, 8, RED, True, "center")
            yy = y + head_h
            P.line(x, yy, x + fw, yy, 0.7, BLACK)
            for (lb, vb, rh) in rows:
                P.rect(x, yy, lw, rh, stroke=None, fill=(0.94, 0.94, 0.94))
                P.line(x, yy + rh, x + fw, yy + rh, 0.5, BLACK)
                ly = yy + 3
                for b in lb:
                    b.draw(P, x + 3, ly)
                    ly += b.h
                vy = yy + 3
                for b in vb:
                    b.draw(P, x + lw + 3, vy)
                    vy += b.h
                yy += rh
            P.line(x, y + head_h, x, yy, 0.7, BLACK)
            P.line(x + lw, y + head_h, x + lw, yy, 0.5, BLACK)
            P.line(x + fw, y + head_h, x + fw, yy, 0.7, BLACK)
            P.line(x, yy, x + fw, yy, 0.7, BLACK)
            # balloons
            for pos, bb in zip(ys, bals, strict=True):
                if not bb:
                    continue
                top, bh, target = pos
                P.rect(x + bx, y + top, bwid, bh, stroke=RED, fill=(1, 0.96, 0.96), width=0.8, radius=4)
                P.line(x + fw - 6, y + target, x + bx, y + top + bh / 2, 0.7, RED)
                P.rect(x + fw - 8, y + target - 2, 4, 4, stroke=None, fill=RED, radius=2)
                by = y + top + 4
                for b in bb:
                    b.draw(P, x + bx + 5, by)
                    by += b.h

        frags = [(sid_form, Fm["form"]), (sid_title, Fm["title"]), (sid_stamp, Fm["stamp"])]
        for lb, vb, _rh in rows:
            frags += [f for b in lb + vb for f in b.frags]
        for bb in bals:
            if bb:
                frags += [f for b in bb for f in b.frags]
        F.add_all(cap_blocks)
        blk = Block(h=total_h, draw=draw, frags=frags, sb=2, table=tid)
        F.add(blk)
        # the rows of the form table are on the page of the form block
        t = T.tables[tid]
        t["row_pages"] = [F.page] * len(rows)

    for it in C.BODY:
        kind = it[0]
        if kind == "h2":
            h2(it[1])
        elif kind == "p":
            F.add_all(line_blocks(T, split_sentences(it[1]), width, P_ST))
        elif kind == "note":
            F.add_all(line_blocks(T, split_sentences(it[1]), width, NOTE, extra={"note": True}))
        elif kind == "list":
            for t in it[1]:
                bl = line_blocks(T, split_sentences(t), width - 10, LI, extra={"item": True})
                o = bl[0].draw

                def draw(P, x, y, o=o):
                    P.rect(x + 1, y + 5, 4.5, 4.5, stroke=None, fill=GOLD)
                    o(P, x + 10, y)
                bl[0].draw = draw
                for b in bl[1:]:
                    ob = b.draw
                    b.draw = lambda P, x, y, ob=ob: ob(P, x + 10, y)
                F.add_all(bl)
        elif kind == "box":
            F.add(box_block(T, it[1], it[2], width, Style(size=8.3, leading=13, indent=8.3),
                            Style(size=8.8, leading=14, bold=True), fill=(1.0, 0.97, 0.88), border=GOLD, sb=8))
        elif kind == "table":
            F.add_table(TableSpec(**{**TABLE_KW, **it[1]}))
        elif kind == "steps":
            steps(it[1])
        elif kind == "qa":
            qa(it[1], it[2])
        elif kind == "kinyurei":
            kinyurei()
        elif kind == "newpage":
            F.next_page()
        else:
            raise KeyError(kind)
    F.flush()

    # ------------------------------------------------------------------ booklet page 8: back cover (PDF p1, left)
    pg, half = IMPOSE[8]
    bx0 = half_x(half)
    doc.op(pg, lambda P: (P.rect(0, 0, HW, H, stroke=None, fill=PALE), P.rect(0, H - 18, HW, 18, stroke=None, fill=PURPLE)))
    y = 52
    y += place_text(doc, pg, bx0, y, cwid, [C.BACK["title"]], Style(size=13, leading=20, bold=True, color=PURPLE),
                    heading=True) + 6
    for title, lines in C.BACK["boxes"]:
        tl = len(wrap([(ch, -1) for ch in title], cwid - 24, Style(size=9, leading=14)))
        bh = 8 + tl * 14 + 2 + len(lines) * 13.4 + 8
        doc.op(pg, lambda P, y=y, bh=bh: (P.rect(bx0, y, cwid, bh, stroke=PURPLE, fill=WHITE, width=0.9, radius=4),
                                          P.rect(bx0, y, 5, bh, stroke=None, fill=GOLD)))
        yy = y + 8
        yy += place_text(doc, pg, bx0 + 14, yy, cwid - 24, [title], Style(size=9, leading=14, bold=True), heading=True,
                         extra={"box": True}) + 2
        for ln in lines:
            yy += place_text(doc, pg, bx0 + 20, yy, cwid - 30, [ln], Style(size=8.3, leading=13.4), extra={"box": True})
        y += bh + 10
    # QR-like square
    qx, qy, qs = bx0 + 6, y + 8, 74.0

    def qr(P, qx=qx, qy=qy, qs=qs):
        n = 21
        m = qs / n
        P.rect(qx - 3, qy - 3, qs + 6, qs + 6, stroke=GRAY, fill=WHITE, width=0.5)
        seed = 12345
        for i in range(n):
            for j in range(n):
                finder = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
                if finder:
                    a, b = i % (n - 7) if i >= n - 7 else i, j % (n - 7) if j >= n - 7 else j
                    on = a in (0, 6) or b in (0, 6) or (2 <= a <= 4 and 2 <= b <= 4)
                else:
                    seed = (seed * 1103515245 + 12345) % (1 << 31)
                    on = (seed >> 16) % 2 == 0
                if on:
                    P.rect(qx + j * m, qy + i * m, m + 0.05, m + 0.05, stroke=None, fill=BLACK)
    doc.op(pg, qr)
    cy = qy + 10
    for k, ln in enumerate(C.BACK["qr_caption"]):
        cy += place_text(doc, pg, qx + qs + 14, cy, cwid - qs - 26, [ln],
                         Style(size=8.4 if k == 0 else 7.8, leading=13, bold=k == 0), extra={"caption": True})
    y = qy + qs + 20
    place_text(doc, pg, bx0, H - 70, cwid, [C.BACK["issued"]], Style(size=8.4, leading=13, align="center"))
    place_text(doc, pg, bx0, H - 56, cwid, [C.BACK["paper"]], Style(size=7.4, leading=12, color=GRAY, align="center"))

    # ------------------------------------------------------------------ running headers, page labels
    headings = []  # (booklet page, text) of h2 headings in reading order
    pos_of = {v: k for k, v in IMPOSE.items()}
    for i, s in enumerate(T.sentences):
        if s.get("heading") and not s.get("box") and not s.get("form") and s["text"] not in C.COVER["title"] \
                and s["text"] != C.BACK["title"] and not s["text"].startswith("きらら県"):
            for sid, page, _t, x in T.frag_x:
                if sid == i:
                    headings.append((pos_of[(page, 1 if x >= HW else 0)], s["text"]))
                    break
    for bp in range(2, 8):
        if bp % 2 == 0:
            hdr[bp] = C.SHORT_TITLE
        else:
            on_page = [t for hb, t in headings if hb == bp]
            before = [t for hb, t in headings if hb < bp]
            hdr[bp] = on_page[0] if on_page else before[-1]
    for pgi in range(1, 4):
        left = [bp for bp, (p, h) in IMPOSE.items() if p == pgi and h == 0][0]
        right = [bp for bp, (p, h) in IMPOSE.items() if p == pgi and h == 1][0]
        info = doc.pages[pgi].info
        info["printed"] = f"{left}-{right}"
        info["footer"] = f"{left}　{right}"
        info["header"] = f"{hdr[left]}　{hdr[right]}"
    return doc
