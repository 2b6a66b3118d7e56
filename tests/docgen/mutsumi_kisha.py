"""mutsumi-kisha.pdf: a 記者発表資料 (press release) bundle, A4 portrait (fictional むつみ県), built for held-out tests
(BLIND31).

Layout traps: FOUR sub-documents in one file, each with its own page furniture.  The press release (PDF pages 1–2): a
black 「記者発表資料」 tab at the top left with the date / issuer right-aligned beside it (pdfplumber reads the date
first) and a grey 資料提供先 line, a double-ruled title box, headings 「1　…」 with （1） items and 「（1）日時　…」
key/value lines, a 締結者 table (区分｜団体名｜代表者), an 出席者 table whose 団体名 cells are MERGED over two rows (printed
once, vertically centred, so pdfplumber prints the name on a line of its own between the 職名 / 氏名 lines of the two
rows, or wraps it around them), a framed 取材 box, a （参考） table with ※ notes and a 問合せ先 frame with TWO contact
blocks side by side (read across line by line: two departments, two phone and two FAX numbers); footer 「1／2」「2／2」.
別添1 協定書 (PDF pages 3–5): a boxed 「別添1」 tag on its first page only, bare centred page numbers 「1」「2」「3」
(restarting), （見出し） lines above 第N条, 項 and 号 with hanging indents, a four-party signature block in a 2×2 grid
(甲 / 乙 / 丙 / 丁: address, body, title and name with a drawn seal circle holding 「印」; read across, so two parties'
lines alternate), and 別表 with a TWO-LEVEL header (「役割」 over three role columns, 連携事項 spanning both header rows),
wrapped cells (registered as sentences, flag `cell`), a last row whose three role cells are MERGED into one, continuing
onto the next page under its repeated two-row header.  別添2 (PDF page 6): a one-page 概要 diagram (node boxes with
wrapped sub-lines, labelled arrows between and below them, an arc above the top row, a dashed node linked by an elbow
line; all labels flag `chart`), three rounded boxes side by side, a 目標 table beside a ポイント box, and a timeline
whose labels (date over event) alternate above and below the line; no page number.  参考 (PDF pages 7–8): the
seminar flyer — a coloured title band, four pictogram info chips in a 2×2 grid (the label inside a round pictogram,
the value beside it; read across), a program list without vertical rules (time | title, speaker on the next line),
two speaker boxes side by side with photo placeholders, a ✓ list beside an access box with a drawn map (labels
scattered over roads, station and buildings) and directions; the back page a 協力店 box with two columns, contacts, a
dashed 「キリトリ線」 and a FAX 申込書 (big FAX number, a drawn QR code with caption, a ruled form with shaded labels,
blank fields and □ options, ※ notes).  Near-duplicate numbers on purpose: two FAX numbers (住宅課 3419 / 地域福祉課 2279,
the form goes to the latter), 5月22日 / 5月26日 / 6月1日 / 6月5日 / 6月9日 / 6月10日 / 6月16日 / 7月1日, 902 / 1,094 / 1,286件,
138 / 171 / 214 / 300件, 16 / 19 / 24 / 30法人, 200店, 1,126社 / 284社, 100名 / 200名.  No /Title.
"""

from __future__ import annotations

import math

from reportlab.lib.pagesizes import A4

from . import content_mutsumi_kisha as C
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
    text_height,
    wrap,
)
from .kit import box_block

W, H = A4
LM, RM = 62.0, 62.0
TW = W - LM - RM
TOP = 62.0
BOTTOM = H - 56.0
CH = 10.5

NAVY = (0.12, 0.2, 0.38)
GRAY = (0.4, 0.4, 0.4)
LGRAY = (0.93, 0.93, 0.93)
SHADE = (0.88, 0.9, 0.94)
WHITE = (1, 1, 1)
ORANGE = (0.9, 0.47, 0.12)
CREAM = (1.0, 0.96, 0.88)
GREEN = (0.2, 0.5, 0.32)
LGREEN = (0.91, 0.96, 0.92)
TEAL = (0.06, 0.45, 0.5)
RED = (0.75, 0.18, 0.14)

BODY = Style(font=M, size=10.0, leading=16.0)
HEAD = Style(size=10.8, leading=17.0, bold=True, sb=5)
NOTE = Style(font=M, size=9.0, leading=14.0)
ABODY = Style(font=M, size=10.5, leading=18.0)   # the agreement


class Cursor:
    """Vertical flow on full-width pages; `part` decides the page furniture."""

    def __init__(self, doc: Doc, decor):
        self.doc, self.decor = doc, decor
        self.pg: int | None = None
        self.y = TOP
        self.part = ""
        self.pages: dict[str, list[int]] = {}
        self.pending: list[tuple[Block, float]] = []

    def new_page(self, top: float = TOP) -> int:
        pg = self.doc.new_page(decor=self.decor)
        self.doc.pages[pg].info["_part"] = self.part
        self.pages.setdefault(self.part, []).append(pg)
        self.pg, self.y = pg, top
        return pg

    def ensure(self, h: float) -> None:
        if self.pg is None or self.y + h > BOTTOM + 0.01:
            self.new_page()

    def put(self, b: Block, dx: float = 0.0) -> tuple[int, float]:
        if self.pg is None:
            self.new_page()
        sb = b.sb if self.y > TOP + 0.01 else 0.0
        if self.y + sb + b.h > BOTTOM + 0.01:
            self.new_page()
            sb = 0.0
        self.y += sb
        y = self.y
        self.doc.place(self.pg, b, LM + dx, y)
        self.y += b.h
        return self.pg, y

    def hold(self, blocks: list[Block], dx: float = 0.0) -> None:
        """Keep these blocks with whatever comes next."""
        self.pending.extend((b, dx) for b in blocks)

    def flow(self, blocks: list[Block], dx: float = 0.0, keep: int = 2) -> None:
        head = self.pending + [(b, dx) for b in blocks[:keep]]
        self.pending = []
        self.ensure(sum(b.h + b.sb for b, _ in head))
        for b, d in head:
            self.put(b, d)
        for b in blocks[keep:]:
            self.put(b, dx)


def shifted(blocks: list[Block], dx: float) -> list[Block]:
    for b in blocks:
        b.draw = (lambda o: (lambda P, x, y: o(P, x + dx, y)))(b.draw)
    return blocks


def item(T, label: str, text: str, x0: float, font=G, size: float = 10.0, leading: float = 16.0,
         extra: dict | None = None, sep: str = "") -> list[Block]:
    full = label + sep + text
    hang = sw(label + sep, font, size)
    st = Style(font=font, size=size, leading=leading, hang=hang)
    return shifted(line_blocks(T, split_sentences(full), TW - x0, st, extra=extra), x0)


# ------------------------------------------------------------------ tables
def rule_table(doc: Doc, spec: dict, width: float, size: float = 9.0) -> tuple[list[Block], list[Block]]:
    """A ruled TableSpec table; returns (caption + header + rows, notes)."""
    ts = TableSpec(caption=spec.get("caption"), unit=spec.get("unit"), header=spec["header"], rows=spec["rows"],
                   widths=spec["widths"], align=spec.get("align"), size=size, leading=size + 3.6, pad=3.2,
                   header_fill=SHADE, caption_style=Style(size=10.0, leading=17, bold=True, sb=8),
                   notes=spec.get("notes", []), note_style=Style(font=M, size=8.6, leading=13, hang=8.6, sb=3))
    caps, header, rows, notes = table_parts(doc, ts, width)
    return caps + [header()] + rows, notes


def attend_table(cur: Cursor, spec: dict, dx: float) -> None:
    """出席者: 団体名 merged over consecutive rows with the same name (printed once, vertically centred)."""
    doc, T = cur.doc, cur.doc.truth
    width = TW - dx
    colw = [w * width / sum(spec["widths"]) for w in spec["widths"]]
    size, lead, pad = 9.0, 12.6, 3.2
    cst = Style(size=size, leading=lead)
    tid = T.table(spec["caption"], None, spec["header"], spec["rows"])

    def cell_lines(t: str, w: float) -> list[str]:
        return ["".join(u[0] for u in ln) for ln in wrap([(c, -1) for c in t], w - 2 * pad, cst, hang_punct=False)]

    hh = lead + 2 * pad

    def hdraw(P, x, y):
        P.rect(x, y, width, hh, stroke=None, fill=SHADE)
        xx = x
        for j, t in enumerate(spec["header"]):
            P.text(xx + colw[j] / 2, baseline_of(y + pad, cst), t, G, size, BLACK, True, "center")
            P.line(xx, y, xx, y + hh, 0.6)
            xx += colw[j]
        P.line(xx, y, xx, y + hh, 0.6)
        P.line(x, y, x + width, y, 0.6)
        P.line(x, y + hh, x + width, y + hh, 0.6)
    hb = Block(h=hh, draw=hdraw, table=tid)
    rows = spec["rows"]
    blocks = []
    heights = [max(len(cell_lines(r[1], colw[1])), 1) * lead + 2 * pad for r in rows]
    i = 0
    while i < len(rows):  # a merged group must be tall enough for its name
        j = i
        while j + 1 < len(rows) and rows[j + 1][0] == rows[i][0]:
            j += 1
        need = len(cell_lines(rows[i][0], colw[0])) * lead + 2 * pad
        have = sum(heights[i:j + 1])
        if need > have:
            heights[j] += need - have
        i = j + 1
    for i, r in enumerate(rows):
        l1 = cell_lines(r[1], colw[1])
        h = heights[i]
        first = i == 0 or rows[i - 1][0] != r[0]
        last = i == len(rows) - 1 or rows[i + 1][0] != r[0]

        def draw(P, x, y, r=r, l1=l1, h=h, first=first, last=last):
            x1, x2 = x + colw[0], x + colw[0] + colw[1]
            for k, t in enumerate(l1):
                P.text(x1 + pad, baseline_of(y + pad + k * lead, cst), t, G, size)
            P.text(x2 + pad, baseline_of(y + pad + (h - 2 * pad - lead) / 2, cst), r[2], G, size)
            for xx in (x, x1, x2, x + width):
                P.line(xx, y, xx, y + h, 0.6)
            P.line(x1, y, x + width, y, 0.6)
            P.line(x1, y + h, x + width, y + h, 0.6)
            if first:
                P.line(x, y, x1, y, 0.6)
            if last:
                P.line(x, y + h, x1, y + h, 0.6)
        blocks.append(Block(h=h, draw=draw, table=tid, row=i))
    cur.flow([hb] + blocks, dx, keep=len(blocks) + 1)
    # merged 団体名 cells: find the placed y of each row via the ops order (rows are consecutive on one page)
    pg = cur.pg
    y_end = cur.y
    ys = []
    yy = y_end
    for b in reversed(blocks):
        yy -= b.h
        ys.insert(0, yy)
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1][0] == rows[i][0]:
            j += 1
        top, bot = ys[i], ys[j] + blocks[j].h
        lines = cell_lines(rows[i][0], colw[0])
        y0 = top + (bot - top - len(lines) * lead) / 2
        x0 = LM + dx

        def mdraw(P, lines=lines, y0=y0, x0=x0):
            for k, t in enumerate(lines):
                P.text(x0 + pad, baseline_of(y0 + k * lead, cst), t, G, size)
        doc.op(pg, mdraw)
        i = j + 1


def contact_frame(cur: Cursor, spec: dict) -> None:
    """問合せ先: a titled frame with two contact blocks side by side."""
    T = cur.doc.truth
    st = Style(size=9.0, leading=13.6)
    half = (TW - 24) / 2
    title_sid = T.sentence(spec["title"], heading=True, box=True)
    cols = []
    for lines in (spec["left"], spec["right"]):
        bl = []
        for t in lines:
            bl.extend(line_blocks(T, [t], half, st.but(bold=t.startswith("〈")), extra={"box": True}))
        cols.append(bl)
    body_h = max(sum(b.h for b in c) for c in cols)
    h = 6 + 18 + body_h + 6

    def draw(P, x, y):
        P.rect(x, y, TW, h, stroke=NAVY, fill=None, width=1.0)
        P.text(x + 10, baseline_of(y + 5, Style(size=10.2, leading=16)), spec["title"], G, 10.2, NAVY, True)
        for k, c in enumerate(cols):
            yy = y + 24
            for b in c:
                b.draw(P, x + 12 + k * (half + 10), yy)
                yy += b.h
        P.line(x + 12 + half + 4, y + 24, x + 12 + half + 4, y + h - 6, 0.4, GRAY, dash=([2, 2], 0))
    frags = [(title_sid, spec["title"])]
    # reading order in the truth: left block, then right block
    for c in cols:
        for b in c:
            frags.extend(b.frags)
    cur.flow([Block(h=h, draw=draw, frags=frags, sb=8)])


def bettyou(cur: Cursor, spec: dict, caption_sid: int) -> None:
    """別表: two-level header, wrapped cells registered as sentences (flag cell), last row merged over the roles."""
    T = cur.doc.truth
    width = TW
    colw = [w * width / sum(spec["widths"]) for w in spec["widths"]]
    size, lead, pad = 9.0, 13.4, 4.0
    cst = Style(size=size, leading=lead)
    hdr = [spec["cols"][0]] + [f"{spec['group']} {c}" for c in spec["cols"][1:]]
    rows_truth = []
    for r in spec["rows"]:
        rows_truth.append(r if r[2] else [r[0], r[1], r[1], r[1]])
    tid = T.table(T.sentences[caption_sid]["text"], None, hdr, rows_truth)
    h1 = lead + 2 * pad
    sub_lines = [["".join(u[0] for u in ln) for ln in wrap([(c, -1) for c in t], colw[j + 1] - 2 * pad, cst)]
                 for j, t in enumerate(spec["cols"][1:])]
    h2 = max(len(s) for s in sub_lines) * lead + 2 * pad

    def hdraw(P, x, y):
        hh = h1 + h2
        P.rect(x, y, width, hh, stroke=None, fill=SHADE)
        P.text(x + colw[0] / 2, baseline_of(y + (hh - lead) / 2, cst), spec["cols"][0], G, size, BLACK, True,
               "center")
        xr = x + colw[0]
        P.text(xr + (width - colw[0]) / 2, baseline_of(y + pad, cst), spec["group"], G, size, BLACK, True, "center")
        P.line(xr, y + h1, x + width, y + h1, 0.6)
        xx = xr
        for j, ls in enumerate(sub_lines):
            for k, t in enumerate(ls):
                P.text(xx + colw[j + 1] / 2, baseline_of(y + h1 + pad + k * lead, cst), t, G, size, BLACK, True,
                       "center")
            if j:
                P.line(xx, y + h1, xx, y + hh, 0.6)
            xx += colw[j + 1]
        for xv in (x, xr, x + width):
            P.line(xv, y, xv, y + hh, 0.6)
        P.line(x, y, x + width, y, 0.6)
        P.line(x, y + hh, x + width, y + hh, 0.6)

    def header_block() -> Block:
        b = Block(h=h1 + h2, draw=hdraw, table=tid)
        b.keep_next = True
        return b

    blocks = []
    for i, r in enumerate(spec["rows"]):
        merged = not r[2]
        cells = [r[0], r[1]] if merged else list(r)
        widths = [colw[0], sum(colw[1:])] if merged else colw
        cell_lines = []
        frags = []
        for j, t in enumerate(cells):
            sids = [T.sentence(s, cell=True) for s in split_sentences(t)]
            units = [(ch, sid) for s, sid in zip(split_sentences(t), sids, strict=True) for ch in s]
            lines = wrap(units, widths[j] - 2 * pad, cst, hang_punct=False)
            cell_lines.append(["".join(u[0] for u in ln) for ln in lines])
            for ln in lines:
                frags.extend(frags_of(ln))
        h = max(len(c) for c in cell_lines) * lead + 2 * pad

        def draw(P, x, y, cell_lines=cell_lines, widths=widths, h=h, merged=merged):
            xx = x
            for j, ls in enumerate(cell_lines):
                for k, t in enumerate(ls):
                    if merged and j == 1:
                        P.text(xx + widths[j] / 2, baseline_of(y + pad + k * lead, cst), t, G, size, BLACK, False,
                               "center")
                    else:
                        P.text(xx + pad, baseline_of(y + pad + k * lead, cst), t, G, size)
                P.line(xx, y, xx, y + h, 0.6)
                xx += widths[j]
            P.line(xx, y, xx, y + h, 0.6)
            P.line(x, y, x + width, y, 0.6)
            P.line(x, y + h, x + width, y + h, 0.6)
        blocks.append(Block(h=h, draw=draw, frags=frags, table=tid, row=i))
    # caption + header + first row stay together; rows may continue under a repeated header
    cur.flow([header_block(), blocks[0]], 0, keep=2)
    for b in blocks[1:]:
        if cur.y + b.h > BOTTOM:
            cur.new_page()
            cur.put(header_block())
        cur.put(b)
    for n in spec["notes"]:
        cur.put(line_blocks(T, split_sentences(n), TW, NOTE.but(hang=9.4, sb=4), extra={"note": True})[0])


# ------------------------------------------------------------------ build
def build() -> Doc:
    doc = Doc("mutsumi-kisha.pdf", A4, C.TITLE,
              "A4 portrait press-release bundle (記者発表資料 + 協定書 + 概要 + flyer): per-part page furniture, merged "
              "cells, a signature grid, a two-level header, a diagram, pictogram chips, a map, a FAX form",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        part = info["_part"]
        if info.get("footer"):
            P.text(W / 2, H - 32, info["footer"], M if part == "agree" else G, 10.0, BLACK, align="center")
        if info.get("header"):
            tw = sw(info["header"], G, 11) + 18
            P.rect(W - RM - tw, 26, tw, 21, stroke=BLACK, fill=WHITE, width=0.9)
            P.text(W - RM - tw / 2, 41, info["header"], G, 11, BLACK, True, "center")

    cur = Cursor(doc, decor)

    # ================================================= press release
    cur.part = "press"
    pg = cur.new_page()
    tag_w = sw(C.TAG, G, 12.5) + 24
    doc.op(pg, lambda P: P.rect(LM, 40, tag_w, 24, stroke=None, fill=BLACK))
    place_text(doc, pg, LM, 44, tag_w, [C.TAG], Style(size=12.5, leading=16, bold=True, color=WHITE, align="center"),
               heading=True)
    rst = Style(size=10.2, leading=15.5, align="right")
    place_text(doc, pg, LM + 200, 38, TW - 200, [C.DATE], rst)
    place_text(doc, pg, LM + 200, 53.5, TW - 200, [C.ISSUER], rst)
    place_text(doc, pg, LM + 100, 70, TW - 100, [C.DIST], Style(size=8.6, leading=13, color=GRAY, align="right"))
    by = 92.0
    h1 = place_text(doc, pg, LM + 16, by + 12, TW - 32, [C.HEADLINE],
                    Style(size=15.5, leading=24, bold=True, align="center"), heading=True)
    h2 = place_text(doc, pg, LM + 24, by + 12 + h1 + 2, TW - 48, [C.SUBLINE],
                    Style(size=10.0, leading=15.5, align="center"), heading=True)
    bh = 12 + h1 + 2 + h2 + 12
    doc.op(pg, lambda P: (P.rect(LM, by, TW, bh, stroke=BLACK, fill=None, width=1.4),
                          P.rect(LM + 3, by + 3, TW - 6, bh - 6, stroke=BLACK, fill=None, width=0.5)))
    cur.y = by + bh + 14

    for it in C.PRESS:
        kind = it[0]
        if kind == "p":
            cur.flow(line_blocks(T, split_sentences(it[1]), TW, BODY.but(indent=CH, sb=2)))
        elif kind == "h":
            cur.hold(line_blocks(T, [it[1]], TW, HEAD, heading=True))
        elif kind == "sub":
            cur.flow(shifted(line_blocks(T, split_sentences(it[1]), TW - 3 * CH, BODY), 3 * CH))
        elif kind == "i":
            cur.hold(item(T, it[1], it[2], CH, extra={"item": True}))
        elif kind == "kv":
            cur.flow(item(T, it[1], it[2], CH, font=M, extra={"item": True}, sep="　"))
        elif kind == "note":
            cur.flow(item(T, "※", it[1][1:], CH, font=M, size=9.0, leading=14, extra={"note": True}))
        elif kind == "table":
            key = it[1]
            if key == "attend":
                attend_table(cur, C.TABLES[key], 3 * CH)
                cur.y += 4
            elif key == "parties":
                blocks, notes = rule_table(doc, C.TABLES[key], TW - 3 * CH)
                cur.flow(blocks, 3 * CH, keep=len(blocks))
                cur.y += 3
            else:
                blocks, notes = rule_table(doc, C.TABLES[key], TW)
                cur.flow(blocks + notes, 0, keep=len(blocks) + len(notes))
        elif kind == "box":
            spec = C.BOXES[it[1]]
            if it[1] == "contact":
                contact_frame(cur, spec)
            else:
                b = box_block(T, spec["title"], spec["lines"], TW - CH, BODY.but(size=9.6, leading=15.5),
                              Style(size=10, leading=16, bold=True), fill=(0.97, 0.97, 0.97), border=GRAY, pad=9,
                              tab=False, sb=4)
                cur.flow([b], CH)
                cur.y += 4
        else:
            raise KeyError(kind)
    press = cur.pages["press"]
    if len(press) != 2:
        raise AssertionError(f"mutsumi-kisha: the press release takes {len(press)} pages, not 2")

    # ================================================= 別添1 協定書
    cur.part = "agree"
    cur.new_page(TOP + 8)
    for b in line_blocks(T, [C.AGREEMENT_TITLE], TW, Style(size=14.5, leading=24, bold=True, align="center"),
                         heading=True):
        cur.put(b)
    cur.y += 14
    cur.flow(line_blocks(T, split_sentences(C.PREAMBLE), TW, ABODY.but(indent=CH)))
    cur.y += 4
    for head, paras, go in C.ARTICLES:
        cur.hold(shifted(line_blocks(T, [head], TW - CH, ABODY.but(sb=6), heading=True), CH))
        for k, p in enumerate(paras):
            cur.flow(line_blocks(T, split_sentences(p), TW, ABODY.but(hang=CH)), keep=2 if k == 0 else 1)
        for g in go or []:
            cur.flow(item(T, g[:3], g[3:], CH, font=M, size=10.5, leading=18.0, extra={"item": True}))
    cur.y += 8
    cur.flow(line_blocks(T, split_sentences(C.CLOSING), TW, ABODY.but(indent=CH)))
    cur.y += 10
    cur.flow(shifted(line_blocks(T, [C.SIGN_DATE], TW - CH, ABODY), CH))
    cur.y += 12
    # signature grid 2 x 2
    sig_w = (TW - 16) / 2
    sst = Style(font=M, size=10.0, leading=17.0)
    cells = []
    for label, addr, body, name in C.SIGNERS:
        lab = line_blocks(T, [label], 20, Style(size=12, leading=17, bold=True), extra={"sign": True})
        lines = []
        for t in (addr, body, name):
            lines.extend(line_blocks(T, [t], sig_w - 60, sst, extra={"sign": True}))
        seal = T.sentence("印", seal=True)
        cells.append((lab, lines, seal))
    cell_h = max(sum(b.h for b in c[1]) for c in cells) + 10
    for r in range(2):
        cur.ensure(cell_h + 6)
        pg, y0 = cur.pg, cur.y
        for c in range(2):
            lab, lines, seal = cells[2 * r + c]
            x = LM + c * (sig_w + 16)
            doc.place(pg, lab[0], x, y0)
            yy = y0
            for b in lines:
                doc.place(pg, b, x + 24, yy)
                yy += b.h
            sx, sy = x + sig_w - 20, yy - 17 / 2 - 1
            doc.op(pg, lambda P, sx=sx, sy=sy: P.rect(sx - 11, sy - 11, 22, 22, stroke=RED, fill=None, width=0.8,
                                                       radius=11))
            doc.place(pg, Block(h=12, frags=[(seal, "印")],
                                draw=lambda P, x_, y_, sx=sx, sy=sy: P.text(sx, sy + 3.6, "印", M, 10, RED,
                                                                            align="center")), sx, sy - 6)
        cur.y = y0 + cell_h + 6
    # 別表
    cur.y += 10
    cap = line_blocks(T, [C.BETTYOU_TITLE], TW, Style(size=10.5, leading=18, bold=True, sb=6), heading=True)
    cap_sid = len(T.sentences) - 1
    cur.hold(cap)
    bettyou(cur, C.BETTYOU, cap_sid)

    # ================================================= 別添2 概要 (one page)
    cur.part = "gaiyou"
    _gaiyou(doc, cur.new_page())

    # ================================================= 参考 flyer
    cur.part = "flyer"
    _flyer_front(doc, cur.new_page())
    _flyer_back(doc, cur.new_page())

    # page labels, headers, footers
    for k, pg in enumerate(press, 1):
        info = doc.pages[pg].info
        info["printed"] = f"{k}／{len(press)}"
        info["footer"] = f"{k}／{len(press)}"
    agree = cur.pages["agree"]
    if len(agree) != 3:
        raise AssertionError(f"mutsumi-kisha: the agreement takes {len(agree)} pages, not 3")
    for k, pg in enumerate(agree, 1):
        info = doc.pages[pg].info
        info["printed"] = str(k)
        info["footer"] = str(k)
    doc.pages[agree[0]].info["header"] = "別添1"
    doc.pages[cur.pages["gaiyou"][0]].info["header"] = "別添2"
    doc.pages[cur.pages["flyer"][0]].info["header"] = "参考"

    def with_part(part: str):
        def deco(P, info, when):
            decor(P, {**info, "_part": part}, when)
        return deco

    for p in doc.pages:
        p.decor = with_part(p.info.pop("_part"))
    return doc


# ------------------------------------------------------------------ 別添2
def _arrow(P, x1, y1, x2, y2, color, width=1.3, both=False):
    P.line(x1, y1, x2, y2, width, color)
    for (ax, ay, bx, by) in ([(x1, y1, x2, y2)] + ([(x2, y2, x1, y1)] if both else [])):
        a = math.atan2(by - ay, bx - ax)
        L, s = 7.5, 3.6
        cx, cy = bx - L * math.cos(a), by - L * math.sin(a)
        P.poly([(bx, by), (cx - s * math.sin(a), cy + s * math.cos(a)), (cx + s * math.sin(a), cy - s * math.cos(a))],
               fill=color)


def _label(doc, pg, cx, cy, t, color, w=None, size=7.8):
    w = w or sw(t, G, size) + 8
    lines = len(wrap([(c, -1) for c in t], w, Style(size=size, leading=size + 3)))
    h = lines * (size + 3) + 2
    doc.op(pg, lambda P: P.rect(cx - w / 2, cy - h / 2, w, h, stroke=None, fill=WHITE))
    place_text(doc, pg, cx - w / 2, cy - h / 2 + 1, w, [t], Style(size=size, leading=size + 3, bold=True, color=color,
                                                                   align="center"), extra={"chart": True})


def _node(doc, pg, key, x, y, w, h, col, fill, dashed=False):
    name, subs = C.NODES[key]
    doc.op(pg, lambda P: P.rect(x, y, w, h, stroke=col, fill=fill, width=1.3, radius=6,
                                dash=([3, 2], 0) if dashed else None))
    place_text(doc, pg, x + 4, y + 6, w - 8, [name], Style(size=9.8, leading=14, bold=True, color=col, align="center"),
               extra={"chart": True})
    yy = y + 22
    for s in subs:
        yy += place_text(doc, pg, x + 5, yy, w - 10, [s], Style(size=7.8, leading=11, align="center"),
                         extra={"chart": True})
    if yy > y + h + 0.5:
        raise AssertionError(f"mutsumi-kisha: node {key} overflows")


def _gaiyou(doc: Doc, pg: int):
    X0, X1 = 40.0, W - 40.0
    doc.op(pg, lambda P: P.rect(X0, 56, X1 - X0, 34, stroke=None, fill=NAVY))
    place_text(doc, pg, X0, 62, X1 - X0, [C.GAIYOU_TITLE], Style(size=16, leading=22, bold=True, color=WHITE,
                                                                  align="center"), heading=True)
    lw = 46.0
    doc.op(pg, lambda P: (P.rect(X0, 98, X1 - X0, 30, stroke=NAVY, fill=(0.94, 0.96, 1.0), width=0.8),
                          P.rect(X0, 98, lw, 30, stroke=None, fill=NAVY)))
    place_text(doc, pg, X0, 105, lw, [C.GAIYOU_PURPOSE_LABEL], Style(size=10.5, leading=15, bold=True, color=WHITE,
                                                                      align="center"), heading=True)
    place_text(doc, pg, X0 + lw + 8, 106, X1 - X0 - lw - 14, [C.GAIYOU_PURPOSE], Style(size=9.4, leading=14))

    # top row: 不動産 (left), 県 (centre), 法人 (right); the person below; 市町村 dashed at the lower left
    nw, nh = 118.0, 76.0
    gap = (X1 - X0 - 3 * nw) / 2
    ny = 172.0
    xs = [X0 + k * (nw + gap) for k in range(3)]
    keys = ["fudousan", "ken", "houjin"]
    cols = [ORANGE, NAVY, GREEN]
    fills = [CREAM, (0.93, 0.95, 1.0), LGREEN]
    # arc 法人 <-> 不動産 above the top row
    ay = 146.0
    cl = [xs[0] + nw / 2, xs[2] + nw / 2]
    doc.op(pg, lambda P: (P.line(cl[0], ny, cl[0], ay, 1.2, GRAY), P.line(cl[0], ay, cl[1], ay, 1.2, GRAY),
                          P.line(cl[1], ay, cl[1], ny, 1.2, GRAY),
                          _arrow(P, cl[0], ay + 8, cl[0], ny, GRAY), _arrow(P, cl[1], ay + 8, cl[1], ny, GRAY)))
    _label(doc, pg, W / 2, ay, C.EDGES["hou_fu"], GRAY)
    for k in range(3):
        _node(doc, pg, keys[k], xs[k], ny, nw, nh, cols[k], fills[k])
    # 県 <-> 不動産 (two arrows), 県 -> 法人
    l0, r0 = xs[0] + nw, xs[1]
    doc.op(pg, lambda P: (_arrow(P, r0, ny + 24, l0, ny + 24, NAVY), _arrow(P, l0, ny + 52, r0, ny + 52, ORANGE)))
    _label(doc, pg, (l0 + r0) / 2, ny + 13, C.EDGES["ken_fu"], NAVY, w=gap - 2)
    _label(doc, pg, (l0 + r0) / 2, ny + 63, C.EDGES["fu_ken"], ORANGE, w=gap - 2)
    l1, r1 = xs[1] + nw, xs[2]
    doc.op(pg, lambda P: _arrow(P, l1, ny + 38, r1, ny + 38, NAVY))
    _label(doc, pg, (l1 + r1) / 2, ny + 24, C.EDGES["ken_hou"], NAVY, w=gap - 2)
    # the person
    pw, ph = 230.0, 50.0
    px, py = W / 2 - pw / 2, 302.0
    doc.op(pg, lambda P: P.rect(px, py, pw, ph, stroke=RED, fill=(1.0, 0.95, 0.94), width=1.5, radius=25))
    name, subs = C.NODES["person"]
    place_text(doc, pg, px, py + 9, pw, [name], Style(size=11, leading=15, bold=True, color=RED, align="center"),
               extra={"chart": True})
    place_text(doc, pg, px, py + 27, pw, subs, Style(size=8.4, leading=12, align="center"), extra={"chart": True})
    for k, key in enumerate(("fu_person", "ken_person", "hou_person")):
        sx, sy = xs[k] + nw / 2, ny + nh
        tx, ty = px + pw * (0.18 + 0.32 * k), py
        doc.op(pg, lambda P, sx=sx, sy=sy, tx=tx, ty=ty, c=cols[k]: _arrow(P, sx, sy, tx, ty, c, 1.5))
        _label(doc, pg, sx + (tx - sx) * 0.48, sy + (ty - sy) * 0.48, C.EDGES[key], cols[k])
    # 市町村 (dashed) at the lower left, linked to the person
    sxn, syn = X0, 366.0
    _node(doc, pg, "shichoson", sxn, syn, 170, 58, GRAY, WHITE, dashed=True)
    ex, ey = sxn + 60, py + ph / 2
    doc.op(pg, lambda P: (P.line(ex, syn, ex, ey, 1.0, GRAY, dash=([3, 2], 0)),
                          P.line(ex, ey, px, ey, 1.0, GRAY, dash=([3, 2], 0))))
    _label(doc, pg, (ex + px) / 2, ey, C.EDGES["shi_ken"], GRAY)

    # 主な取組: three rounded boxes side by side
    y = 440.0
    doc.op(pg, lambda P, y=y: P.rect(X0, y, X1 - X0, 20, stroke=None, fill=TEAL))
    place_text(doc, pg, X0 + 10, y + 3, X1 - X0 - 20, [C.TORIKUMI_HEADING],
               Style(size=10.5, leading=14, bold=True, color=WHITE), heading=True)
    bw = (X1 - X0 - 20) / 3
    by = y + 28
    bh = 86.0
    for k, (num, title, lines) in enumerate(C.TORIKUMI):
        x = X0 + k * (bw + 10)
        doc.op(pg, lambda P, x=x: P.rect(x, by, bw, bh, stroke=TEAL, fill=(0.93, 0.97, 0.97), width=1.0, radius=8))
        place_text(doc, pg, x + 8, by + 7, bw - 16, [num + title], Style(size=10, leading=14, bold=True, color=TEAL,
                                                                           hang=10), extra={"box": True})
        yy = by + 26
        for t in lines:
            yy += place_text(doc, pg, x + 8, yy, bw - 16, ["・" + t], Style(size=8.8, leading=13, hang=8.8),
                             extra={"box": True, "item": True})
        if yy > by + bh:
            raise AssertionError("mutsumi-kisha: 取組 box overflows")

    # 目標 table (left) and the schedule (under it)
    ty0 = by + bh + 16
    blocks, notes = rule_table(doc, C.TARGET, 330, size=8.8)
    yy = ty0
    for b in blocks + notes:
        yy += b.sb
        doc.place(pg, b, X0, yy)
        yy += b.h
    # a ポイント note at the right of the table
    rx = X0 + 344
    pst = Style(size=8.8, leading=14)
    ph2 = text_height([C.TARGET_POINT], X1 - rx - 16, pst)
    doc.op(pg, lambda P: P.rect(rx, ty0 + 20, X1 - rx, ph2 + 12, stroke=ORANGE, fill=CREAM, width=0.8, radius=6))
    place_text(doc, pg, rx + 8, ty0 + 26, X1 - rx - 16, [C.TARGET_POINT], pst, extra={"box": True})
    # timeline
    sy = yy + 12
    place_text(doc, pg, X0, sy, 200, [C.SCHEDULE_HEADING], Style(size=10.5, leading=15, bold=True, color=NAVY),
               heading=True)
    ly = sy + 50
    doc.op(pg, lambda P: _arrow(P, X0 + 4, ly, X1 - 4, ly, NAVY, 2.0))
    n = len(C.SCHEDULE)
    step = (X1 - X0 - 40) / n
    for k, (d, ev) in enumerate(C.SCHEDULE):
        cx = X0 + 20 + step * (k + 0.5)
        up = k % 2 == 0
        doc.op(pg, lambda P, cx=cx: P.rect(cx - 4, ly - 4, 8, 8, stroke=None, fill=ORANGE, radius=4))
        yy0 = ly - 31 if up else ly + 7
        place_text(doc, pg, cx - step / 2, yy0, step, [d], Style(size=8.4, leading=12, bold=True, color=ORANGE,
                                                                align="center"), extra={"chart": True})
        place_text(doc, pg, cx - step * 0.75, yy0 + 12, step * 1.5, [ev], Style(size=8.4, leading=12, align="center"),
                   extra={"chart": True})
    if ly + 7 + 24 > H - 16:
        raise AssertionError(f"mutsumi-kisha: 別添2 timeline too low ({ly:.0f})")


# ------------------------------------------------------------------ 参考: flyer
def _pictogram(P, kind, cx, cy, r, color):
    P.rect(cx - r, cy - r, 2 * r, 2 * r, stroke=None, fill=color, radius=r)
    s = r * 0.42
    if kind == "日時":   # calendar
        P.rect(cx - s, cy - s - 10, 2 * s, 1.6 * s, stroke=WHITE, fill=None, width=1.0)
    elif kind == "会場":  # pin
        P.poly([(cx - s * 0.7, cy - 13), (cx + s * 0.7, cy - 13), (cx, cy - 4)], fill=WHITE)
    elif kind == "定員":  # person
        P.rect(cx - 3, cy - 17, 6, 6, stroke=None, fill=WHITE, radius=3)
    else:                 # coin
        P.rect(cx - 4, cy - 16, 8, 8, stroke=WHITE, fill=None, width=1.0, radius=4)


def _flyer_front(doc: Doc, pg: int):
    X0, X1 = 34.0, W - 34.0
    doc.op(pg, lambda P: P.rect(0, 0, W, 138, stroke=None, fill=ORANGE))
    doc.op(pg, lambda P: P.rect(X0, 40, 176, 20, stroke=None, fill=WHITE, radius=10))
    place_text(doc, pg, X0, 43, 176, [C.FLY_KICKER], Style(size=9.6, leading=14, bold=True, color=ORANGE,
                                                            align="center"), heading=True)
    place_text(doc, pg, X0, 66, X1 - X0, [C.FLY_TITLE], Style(size=28, leading=36, bold=True, color=WHITE),
               heading=True)
    place_text(doc, pg, X0, 106, X1 - X0, [C.FLY_CATCH], Style(size=13, leading=18, bold=True, color=(1, 0.97, 0.85)),
               heading=True)
    y = 146.0
    for t in C.FLY_LEAD:
        y += place_text(doc, pg, X0, y, X1 - X0, [t], Style(size=9.6, leading=15))
    # info chips 2 x 2
    y += 8
    cw = (X1 - X0 - 12) / 2
    chh = 42.0
    for k, (lab, main, sub) in enumerate(C.FLY_INFO):
        r_, c_ = divmod(k, 2)
        x = X0 + c_ * (cw + 12)
        yy = y + r_ * (chh + 8)
        doc.op(pg, lambda P, x=x, yy=yy: P.rect(x, yy, cw, chh, stroke=(0.95, 0.75, 0.5), fill=CREAM, width=0.8,
                                                radius=chh / 2))
        cx, cy = x + chh / 2, yy + chh / 2
        doc.op(pg, lambda P, cx=cx, cy=cy, lab=lab: _pictogram(P, lab, cx, cy, chh / 2 - 4, ORANGE))
        place_text(doc, pg, cx - 19, cy + 1, 38, [lab], Style(size=8.6 if len(lab) > 2 else 9.2, leading=11, bold=True,
                                                             color=WHITE, align="center"), heading=True,
                   extra={"label": True})
        tx = x + chh + 4
        place_text(doc, pg, tx, yy + 7, cw - chh - 12, [main], Style(size=10.4, leading=15, bold=True),
                   extra={"box": True})
        if sub:
            place_text(doc, pg, tx, yy + 25, cw - chh - 12, [sub], Style(size=8.6, leading=13, color=GRAY),
                       extra={"box": True})
    y += 2 * chh + 8 + 10
    # program
    ph_ = 18.0
    doc.op(pg, lambda P, y=y: P.rect(X0, y, 96, ph_, stroke=None, fill=TEAL, radius=4))
    place_text(doc, pg, X0, y + 2, 96, [C.PROGRAM_HEADING], Style(size=10.5, leading=14, bold=True, color=WHITE,
                                                                   align="center"), heading=True)
    y += ph_ + 4
    tx_w = 44.0
    for t, title, spk in C.PROGRAM:
        y0 = y
        place_text(doc, pg, X0 + 4, y + 3, tx_w, [t], Style(size=9.6, leading=14, bold=True, color=TEAL),
                   extra={"item": True})
        y += 3 + place_text(doc, pg, X0 + tx_w + 6, y + 3, X1 - X0 - tx_w - 10, [title],
                            Style(size=9.6, leading=14, bold=True), extra={"item": True})
        if spk:
            y += place_text(doc, pg, X0 + tx_w + 16, y, X1 - X0 - tx_w - 20, [spk], Style(size=8.8, leading=13),
                            extra={"item": True})
        y += 2
        doc.op(pg, lambda P, y=y, y0=y0: P.line(X0, y, X1, y, 0.4, (0.7, 0.7, 0.7), dash=([1.5, 1.5], 0)))
    y += 9
    # speakers side by side
    sw_ = (X1 - X0 - 12) / 2
    sh_ = 96.0
    for k, (role, name, bio) in enumerate(C.SPEAKERS):
        x = X0 + k * (sw_ + 12)
        doc.op(pg, lambda P, x=x, y=y: (P.rect(x, y, sw_, sh_, stroke=TEAL, fill=WHITE, width=0.9, radius=6),
                                        P.rect(x + 8, y + 10, 44, 54, stroke=None, fill=LGRAY),
                                        P.line(x + 8, y + 10, x + 52, y + 64, 0.5, (0.75, 0.75, 0.75)),
                                        P.line(x + 52, y + 10, x + 8, y + 64, 0.5, (0.75, 0.75, 0.75))))
        yy = y + 8
        yy += place_text(doc, pg, x + 60, yy, sw_ - 68, [role], Style(size=8.6, leading=12, bold=True, color=TEAL),
                         heading=True, extra={"box": True})
        yy += place_text(doc, pg, x + 60, yy, sw_ - 68, [name], Style(size=10.2, leading=15, bold=True),
                         extra={"box": True})
        yy += 2
        for b in bio:
            yy += place_text(doc, pg, x + 60, yy, sw_ - 68, [b], Style(size=7.8, leading=11.2), extra={"box": True})
        if yy > y + sh_:
            raise AssertionError(f"mutsumi-kisha: speaker box {k} overflows ({yy - y:.0f})")
    y += sh_ + 10
    # recommend (left) and access (right)
    lw_ = 206.0
    place_text(doc, pg, X0, y, lw_, [C.RECOMMEND_HEADING], Style(size=10.2, leading=15, bold=True, color=ORANGE),
               heading=True)
    yy = y + 19
    for t in C.RECOMMEND:
        doc.op(pg, lambda P, yy=yy: P.text(X0 + 1, yy + 11, "✓", G, 10, ORANGE, True))
        yy += place_text(doc, pg, X0 + 14, yy, lw_ - 14, [t], Style(size=9.0, leading=13.5), extra={"item": True})
        yy += 3
    ax = X0 + lw_ + 12
    aw = X1 - ax
    ah = 132.0
    doc.op(pg, lambda P, y=y: P.rect(ax, y, aw, ah, stroke=(0.6, 0.6, 0.6), fill=WHITE, width=0.8, radius=5))
    place_text(doc, pg, ax + 8, y + 6, aw - 16, [C.ACCESS_HEADING], Style(size=9.8, leading=14, bold=True),
               heading=True, extra={"box": True})
    # map (left part of the access box)
    mx, my, mw, mh = ax + 8, y + 24, 150.0, 102.0
    L = C.MAP_LABELS

    def mapdraw(P):
        P.rect(mx, my, mw, mh, stroke=(0.7, 0.7, 0.7), fill=(0.97, 0.97, 0.95), width=0.5)
        P.line(mx, my + 22, mx + mw, my + 22, 3.0, (0.45, 0.45, 0.45))          # railway
        P.line(mx, my + 22, mx + mw, my + 22, 1.6, WHITE, dash=([5, 5], 0))
        P.line(mx + 48, my, mx + 48, my + mh, 5.0, (0.85, 0.85, 0.85))           # 中央通り
        P.line(mx, my + 84, mx + mw, my + 84, 6.0, (0.85, 0.85, 0.85))           # 国道8号
        P.rect(mx + 30, my + 14, 36, 16, stroke=None, fill=(0.3, 0.3, 0.3))      # station
        P.rect(mx + 62, my + 46, 38, 24, stroke=RED, fill=(1.0, 0.9, 0.88), width=1.2)  # hall
        P.rect(mx + 110, my + 50, 28, 20, stroke=None, fill=(0.8, 0.85, 0.9))    # 県庁
        P.rect(mx + 100, my + 89, 6, 6, stroke=None, fill=TEAL, radius=3)        # bus stop
    doc.op(pg, mapdraw)
    ms = Style(size=6.8, leading=9)
    for key, (lx, ly_, lw2) in {"station": (mx + 4, my + 3, 60), "east": (mx + 52, my + 31, 20),
                                "hall": (mx + 56, my + 71, 60), "kencho": (mx + 111, my + 71, 26),
                                "bus": (mx + 84, my + 97, 64), "road": (mx + 4, my + 91, 34),
                                "street": (mx + 4, my + 50, 34)}.items():
        place_text(doc, pg, lx, ly_, lw2, [L[key]], ms.but(bold=key == "hall"), extra={"chart": True})
    tx0 = mx + mw + 8
    yy = y + 30
    for t in C.ACCESS:
        yy += place_text(doc, pg, tx0, yy, ax + aw - 8 - tx0, ["・" + t], Style(size=8.6, leading=13, hang=8.6),
                         extra={"box": True, "item": True})
        yy += 3
    if yy > y + ah:
        raise AssertionError("mutsumi-kisha: access box overflows")
    y = y + ah + 12
    doc.op(pg, lambda P, y=y: P.line(X0, y - 4, X1, y - 4, 0.6, ORANGE))
    for t in C.ORGANIZERS:
        y += place_text(doc, pg, X0, y, X1 - X0, [t], Style(size=8.6, leading=13, hang=8.6 * 3))
    if y > H - 20:
        raise AssertionError(f"mutsumi-kisha: flyer front overflows ({y:.0f})")


def _flyer_back(doc: Doc, pg: int):
    X0, X1 = 34.0, W - 34.0
    y = 56.0
    bh = 176.0
    doc.op(pg, lambda P, y=y: P.rect(X0, y, X1 - X0, bh, stroke=GREEN, fill=LGREEN, width=1.2, radius=10))
    doc.op(pg, lambda P, y=y: P.rect(X0, y, X1 - X0, 28, stroke=None, fill=GREEN, radius=10))
    place_text(doc, pg, X0, y + 5, X1 - X0, [C.KYORYOKU_HEADING], Style(size=13, leading=18, bold=True, color=WHITE,
                                                                          align="center"), heading=True)
    yy = y + 36
    yy += place_text(doc, pg, X0 + 14, yy, X1 - X0 - 28, split_sentences(C.KYORYOKU_LEAD),
                     Style(size=10, leading=16, bold=True), extra={"box": True})
    half = (X1 - X0 - 40) / 2
    for k, (head, items) in enumerate(((C.KYORYOKU_REQ_HEADING, C.KYORYOKU_REQ),
                                       (C.KYORYOKU_MERIT_HEADING, C.KYORYOKU_MERIT))):
        x = X0 + 14 + k * (half + 12)
        y2 = yy + 6
        doc.op(pg, lambda P, x=x, y2=y2: P.rect(x, y2, 84, 17, stroke=None, fill=GREEN, radius=8))
        place_text(doc, pg, x, y2 + 2, 84, [head], Style(size=9.4, leading=13, bold=True, color=WHITE, align="center"),
                   heading=True, extra={"box": True})
        y2 += 23
        for t in items:
            y2 += place_text(doc, pg, x, y2, half, [t], Style(size=9.0, leading=14, hang=9.0),
                             extra={"box": True, "item": True})
            y2 += 3
        if y2 > y + bh - 4:
            raise AssertionError("mutsumi-kisha: 協力店 box overflows")
    y += bh + 10
    for t in C.FLY_CONTACTS:
        y += place_text(doc, pg, X0 + 4, y, X1 - X0, [t], Style(size=9.0, leading=14))
    # cut line
    y += 14
    cy = y
    cw = sw(C.CUT_LINE, G, 8.6) + 16
    doc.op(pg, lambda P: (P.line(10, cy, W - 10, cy, 0.8, GRAY, dash=([4, 3], 0)),
                          P.rect(W / 2 - cw / 2, cy - 7, cw, 14, stroke=None, fill=WHITE)))
    place_text(doc, pg, W / 2 - cw / 2, cy - 6.5, cw, [C.CUT_LINE], Style(size=8.6, leading=12, color=GRAY,
                                                                           align="center"), extra={"cut": True})
    y += 20
    # FAX header and the QR code at the right
    place_text(doc, pg, X0, y, 330, [C.FAX_TO], Style(size=22, leading=30, bold=True), heading=True)
    place_text(doc, pg, X0, y + 31, 330, [C.FAX_ADDRESSEE], Style(size=10.5, leading=15))
    qx, qs = X1 - 64, 60.0
    qy = y + 2

    def qr(P):
        P.rect(qx, qy, qs, qs, stroke=BLACK, fill=WHITE, width=0.6)
        n = 15
        cell = (qs - 6) / n
        seed = 1234567
        for i in range(n):
            for j in range(n):
                seed = (seed * 1103515245 + 12345) % 2147483648
                corner = (i < 4 and j < 4) or (i < 4 and j > n - 5) or (i > n - 5 and j < 4)
                on = (i in (0, 3, n - 4, n - 1) or j in (0, 3, n - 4, n - 1)) if corner else (seed >> 16) % 2 == 0
                if on:
                    P.rect(qx + 3 + j * cell, qy + 3 + i * cell, cell, cell, stroke=None, fill=BLACK)
    doc.op(pg, qr)
    place_text(doc, pg, qx - 10, qy + qs + 2, qs + 20, [C.QR_CAPTION], Style(size=7.8, leading=11, align="center"),
               extra={"caption": True})
    place_text(doc, pg, X1 - 232, y + 4, 160, [C.QR_TEXT], Style(size=8.6, leading=12.5, bold=True),
               extra={"box": True})
    place_text(doc, pg, X1 - 232, y + 19, 160, [C.QR_SUB], Style(size=7.8, leading=11.5), extra={"box": True})
    y += 56
    place_text(doc, pg, X0, y, X1 - X0, [C.FORM_TITLE], Style(size=13, leading=19, bold=True, align="center"),
               heading=True)
    y += 21
    place_text(doc, pg, X0, y, X1 - X0, [C.FORM_DEADLINE], Style(size=10, leading=15, bold=True, color=RED,
                                                                  align="right"))
    y += 18
    # the form: shaded label column, blank or option value cells
    T = doc.truth
    lw = 130.0
    fst = Style(size=9.4, leading=14)
    rows_truth = []
    for label, value, note in C.FORM_ROWS:
        rh = 34.0
        vals = value.split("\n") if value else []
        vlines = sum(len(wrap([(c, -1) for c in v], X1 - X0 - lw - 12, fst)) for v in vals)
        rh = max(rh, vlines * 14 + 12)
        if label.startswith("講師"):
            rh = 60.0
        y0 = y
        doc.op(pg, lambda P, y0=y0, rh=rh: (P.rect(X0, y0, lw, rh, stroke=None, fill=LGRAY),
                                            P.rect(X0, y0, X1 - X0, rh, stroke=BLACK, fill=None, width=0.7),
                                            P.line(X0 + lw, y0, X0 + lw, y0 + rh, 0.7)))
        place_text(doc, pg, X0 + 6, y0 + (rh - 14) / 2, lw - 12, [label], fst.but(bold=True), extra={"field": True})
        vy = y0 + (rh - vlines * 14) / 2
        for v in vals:
            vy += place_text(doc, pg, X0 + lw + 6, vy, X1 - X0 - lw - 12, [v], fst, extra={"option": True})
        if note:
            place_text(doc, pg, X0 + lw + 6, y0 + rh - 13, X1 - X0 - lw - 12, [note],
                       Style(size=7.6, leading=10, color=GRAY, align="right"), extra={"note": True})
        rows_truth.append([label, "　".join(vals)])
        y += rh
    tid = T.table(C.FORM_TITLE, None, ["項目", "記入欄"], rows_truth)
    T.tables[tid]["pages"].add(pg)
    T.tables[tid]["row_pages"] = [pg] * len(rows_truth)
    y += 8
    for t in C.FORM_NOTES:
        y += place_text(doc, pg, X0, y, X1 - X0, [t], Style(size=8.6, leading=13, hang=8.6), extra={"note": True})
    if y > H - 24:
        raise AssertionError(f"mutsumi-kisha: flyer back overflows ({y:.0f})")
