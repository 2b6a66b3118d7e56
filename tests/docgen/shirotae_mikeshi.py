"""shirotae-mikeshi.pdf: a consultation package on a draft amendment of a subsidy 要綱, A4 portrait (fictional しろたえ県).

Layout traps: page 1 is the cover letter (鑑: 文書番号 and date right-aligned, addressee, sender and （公印省略）, a two-line
件名, 「記」, items 1–5 with （1）–（3）, the list of attachments and a ruled 担当 box side by side (pdfplumber reads them on
the same lines), 「以上」; no page number).  別添1 (改正の概要, 「- 1 -」「- 2 -」) has headings, prose, a （1）–（7） list and two
ruled tables.  別添2 is the 要綱 printed as a 見え消し版: DELETED words are printed in red with a DOUBLE STRIKE-THROUGH and
INSERTED words in red with an UNDERLINE, both in the text layer, so pdfplumber prints the old and the new wording one after
the other with nothing between them (「年額20万円30万円」, 「期限の1か月前2週間前までに」, 「（3）（4）居住支援法人」, renumbered
articles 「第13条第14条」); whole 号, a whole 条 with its 見出し and the whole new 附則 are inserted, one 号 is deleted (the old
and the new （4） follow each other); the table 別表第1 has revision marks INSIDE its cells and CONTINUES from page 5 to page 6
under its repeated header row, where the whole deleted row (still printed, struck through) and the whole inserted row stand.
Every text line of 別添2 (not the table rows) carries a small LINE NUMBER in the left margin that restarts at 1 on every page
(as Word prints 行番号); being smaller than the text on the same baseline, pdfplumber prints most numbers on a line of their
own AFTER the line they number (so each looks like the number of the next line), but glues them to the front of the smaller
history lines (「3 令和5年3月24日一部改正」).  別添3 is an opinion form whose example row points at a page and line of 別添2
(computed from the layout).  Attachments start on a new page with a boxed tag 「別添n」 at the top right of their first page;
later pages of 別添2 carry a small running header; footer 「- n -」 centred on attachment pages (the 鑑 is not numbered).

Truth: a sentence is the PRINTED text (old and new words both); sentences with revision marks carry `revised`, `old` (the
text as it reads before the amendment) and `new` (after it); wholly deleted / inserted ones also `deleted` / `inserted`.
Sentences are split at 。 outside parentheses only.  Table 別表第1 keeps the printed cells in `rows` and the two readings in
`rows_old` / `rows_new`.  Pages of 別添2 carry `line_numbers` (how many numbers are printed on the page).  No /Title.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_shirotae_mikeshi as C
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

W, H = A4
X0, X1 = 80.0, W - 70.0
TOP, BOTTOM = 74.0, H - 72.0
FS = 10.5
Z = FS
RED = (0.80, 0.06, 0.06)
GRAY = (0.42, 0.42, 0.42)
PALE = (0.90, 0.92, 0.95)
NAVY = (0.12, 0.20, 0.38)

TERMS = set("。！？")
CLOSERS = set("」』）)】")


# --------------------------------------------------------------------------- revision markup

_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def parse(markup: str) -> list[tuple[str, str | None]]:
    runs: list[tuple[str, str | None]] = []
    pos = 0
    for m in _MARK.finditer(markup):
        if m.start() > pos:
            runs.append((markup[pos:m.start()], None))
        if m.group(1) is not None:
            runs.append((m.group(1), "del"))
        else:
            runs.append((m.group(2), "ins"))
        pos = m.end()
    if pos < len(markup):
        runs.append((markup[pos:], None))
    return runs


def readings(markup: str) -> tuple[str, str, str]:
    runs = parse(markup)
    printed = "".join(t for t, _ in runs)
    old = "".join(t for t, s in runs if s != "ins")
    new = "".join(t for t, s in runs if s != "del")
    return printed, old, new


def psplit(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at 。！？ outside （）, keeping closing brackets with the sentence."""
    spans = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        i += 1
        if ch in TERMS and depth == 0:
            while i < len(text) and text[i] in CLOSERS:
                i += 1
            spans.append((start, i))
            start = i
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def rev_units(T, markup: str, extra: dict | None = None, heading: bool = False) -> list[tuple[str, int, str | None]]:
    """Register the sentences of a marked-up string; return units (char, sentence id, style)."""
    runs = parse(markup)
    chars: list[tuple[str, str | None]] = [(ch, s) for t, s in runs for ch in t]
    text = "".join(c for c, _ in chars)
    units = []
    for a, b in psplit(text):
        seg = chars[a:b]
        printed = "".join(c for c, _ in seg)
        kinds = {s for _, s in seg}
        info = dict(extra or {})
        if kinds - {None}:
            info["revised"] = True
            info["old"] = "".join(c for c, s in seg if s != "ins")
            info["new"] = "".join(c for c, s in seg if s != "del")
            if kinds == {"del"}:
                info["deleted"] = True
            if kinds == {"ins"}:
                info["inserted"] = True
        sid = T.sentence(printed, heading=heading, **info)
        units.extend((c, sid, s) for c, s in seg)
    return units


def draw_runs(P, x: float, bl: float, line, font: str, size: float, color=BLACK, bold: bool = False) -> float:
    """Draw a wrapped line of (char, sid, style) units; return the x after it."""
    k = 0
    while k < len(line):
        sty = line[k][2]
        j = k
        while j < len(line) and line[j][2] == sty:
            j += 1
        t = "".join(u[0] for u in line[k:j])
        w = sw(t, font, size)
        P.text(x, bl, t, font, size, RED if sty else color, bold)
        if sty == "del":
            P.line(x, bl - size * 0.29, x + w, bl - size * 0.29, 0.55, RED)
            P.line(x, bl - size * 0.43, x + w, bl - size * 0.43, 0.55, RED)
        elif sty == "ins":
            P.line(x, bl + 1.7, x + w, bl + 1.7, 0.6, RED)
        x += w
        k = j
    return x


def line_frags(line) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for ch, sid, _s in line:
        if sid < 0:
            continue
        if out and out[-1][0] == sid:
            out[-1] = (sid, out[-1][1] + ch)
        else:
            out.append((sid, ch))
    return out


def rev_blocks(units, width: float, st: Style, numbered: bool = True) -> list[Block]:
    lines = wrap(units, width, st)
    blocks = []
    for i, ln in enumerate(lines):
        ind = st.indent if i == 0 else st.hang

        def draw(P, x, y, ln=ln, ind=ind):
            bl = baseline_of(y, st)
            if st.align in ("center", "right"):
                w = sum(sw(u[0], st.font, st.size) for u in ln)
                dx = (width - w) / 2 if st.align == "center" else width - w
                draw_runs(P, x + dx, bl, ln, st.font, st.size, st.color, st.bold)
            else:
                draw_runs(P, x + ind, bl, ln, st.font, st.size, st.color, st.bold)

        last = i == len(lines) - 1
        b = Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=line_frags(ln),
                  sb=st.sb if i == 0 else 0.0, keep_next=st.keep_next)
        b.nums = [baseline_of(0, st)] if numbered else []
        blocks.append(b)
    return blocks


# --------------------------------------------------------------------------- page cursor

class Cursor:
    def __init__(self, doc: Doc, new_page):
        self.doc = doc
        self.new_page_fn = new_page
        self.pg: int | None = None
        self.y = TOP
        self.numbering = False
        self.counts: dict[int, int] = {}
        self.first_line: dict[str, tuple[int, int]] = {}

    def page(self) -> None:
        self.pg = self.new_page_fn()
        self.y = TOP

    def fits(self, h: float) -> bool:
        return self.pg is not None and self.y + h <= BOTTOM + 0.01

    def put(self, b: Block, dx: float = 0.0) -> float:
        if self.pg is None:
            self.page()
        if self.y > TOP + 0.01:
            self.y += b.sb
        y = self.y
        self.doc.place(self.pg, b, X0 + dx, y)
        if self.numbering:
            for off in getattr(b, "nums", []):
                n = self.counts.get(self.pg, 0) + 1
                self.counts[self.pg] = n
                tag = getattr(b, "tag", None)
                if tag and tag not in self.first_line:
                    self.first_line[tag] = (self.pg, n)
                self.doc.op(self.pg, lambda P, n=n, yy=y + off: P.text(X0 - 14, yy, str(n), G, 7.0, GRAY,
                                                                        align="right"))
        self.y += b.h
        return y

    def need(self, blocks: list[Block]) -> float:
        top = self.pg is None or self.y <= TOP + 0.01
        return sum(b.h for b in blocks) + sum(b.sb for b in blocks[(1 if top else 0):])

    def group(self, blocks: list[Block], dx: float = 0.0) -> None:
        if not self.fits(self.need(blocks)):
            self.page()
        for b in blocks:
            self.put(b, dx)

    def flow(self, blocks: list[Block], head: list[Block] | None = None, keep: int = 2, dx: float = 0.0) -> None:
        head = list(head or [])
        self.group(head + blocks[:keep], dx)
        for b in blocks[keep:]:
            if not self.fits(b.h):
                self.page()
            self.put(b, dx)


# --------------------------------------------------------------------------- build

def build() -> Doc:
    doc = Doc("shirotae-mikeshi.pdf", A4, C.TITLE,
              "A4 portrait consultation package: cover letter, summary, the 要綱 as a 見え消し版 (struck-through deletions and "
              "underlined insertions both in the text, line numbers in the margin, a table with revision marks in its cells), "
              "an opinion form",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        hd = info["header"]
        if hd:
            if hd.startswith("別添") and len(hd) <= 3:
                w = sw(hd, G, 10.5) + 16
                P.rect(X1 - w, 34, w, 20, stroke=BLACK, fill=None, width=0.8)
                P.text(X1 - w / 2, 48, hd, G, 10.5, BLACK, align="center")
            else:
                P.text(X1, 44, hd, G, 8, GRAY, align="right")
                P.line(X0, 50, X1, 50, 0.4, GRAY)
        if info["footer"]:
            P.text(W / 2, H - 40, info["footer"], M, 10, BLACK, align="center")

    num = {"n": 0}

    def numbered_page(header: str | None) -> int:
        num["n"] += 1
        n = num["n"]
        return doc.new_page(printed=str(n), header=header, footer=f"- {n} -", decor=decor)

    # ------------------------------------------------------------------ 鑑 (no number)
    K = C.KAGAMI
    pg = doc.new_page(decor=decor)
    R = Style(font=M, size=FS, leading=17.5, align="right")
    L = Style(font=M, size=FS, leading=17.5)
    y = 64.0
    y += place_text(doc, pg, X0, y, X1 - X0, [K["number"]], R)
    y += place_text(doc, pg, X0, y, X1 - X0, [K["date"]], R) + 10
    y += place_text(doc, pg, X0, y, X1 - X0, [K["to"]], L) + 8
    for s in K["sender"]:
        y += place_text(doc, pg, X0, y, X1 - X0 - Z, [s], R)
    y += 12
    subj = Style(size=11.2, leading=19, bold=True, align="center")
    sid = T.sentence("".join(K["subject"]), heading=True)
    for ln in K["subject"]:
        doc.place(pg, Block(h=subj.leading, draw=lambda P, x, yy, ln=ln: P.text(
            x + (X1 - X0) / 2, baseline_of(yy, subj), ln, G, subj.size, BLACK, True, "center"),
            frags=[(sid, ln)]), X0, y)
        y += subj.leading
    y += 10
    body = Style(font=M, size=FS, leading=17.5, indent=Z)
    for p in K["body"]:
        y += place_text(doc, pg, X0, y, X1 - X0, [p[a:b] for a, b in psplit(p)], body)
    y += 6
    y += place_text(doc, pg, X0, y, X1 - X0, ["記"], Style(font=M, size=FS, leading=20, align="center")) + 4
    lab = Style(font=M, size=FS, leading=17.5)
    val = Style(font=M, size=FS, leading=17.5, hang=0)
    sub = Style(font=M, size=FS, leading=17.5, indent=0, hang=sw("（1）", M, FS))
    lw = 6.5 * Z
    for label, lines in K["ki"]:
        place_text(doc, pg, X0, y, lw, [label], lab, heading=True)
        if lines[0].startswith("（"):
            y += lab.leading
        for k, t in enumerate(lines):
            parts = [t[a:b] for a, b in psplit(t)]
            if k == 0 and not t.startswith("（"):
                y += place_text(doc, pg, X0 + lw, y, X1 - X0 - lw, parts, val)
            else:
                y += place_text(doc, pg, X0 + 1.5 * Z, y, X1 - X0 - 1.5 * Z, parts, sub, extra={"item": True})
        y += 3
    y += 8
    ytop = y
    y += place_text(doc, pg, X0, y, 200, [K["attach_title"]], L, heading=True)
    for a in K["attach"]:
        y += place_text(doc, pg, X0 + Z, y, 220, [a], L, extra={"item": True})
    # 担当 box at the right, beside the attachment list
    bw = 232.0
    bx = X1 - bw
    tst = Style(font=M, size=9.6, leading=15.2)
    by = ytop
    bh = 8 + len(K["tanto"]) * tst.leading + 6
    doc.op(pg, lambda P: P.rect(bx, by, bw, bh, stroke=BLACK, fill=None, width=0.7))
    yy = by + 6
    for t in K["tanto"]:
        yy += place_text(doc, pg, bx + 8, yy, bw - 14, [t], tst, extra={"box": True})
    y = max(y, by + bh) + 8
    y += place_text(doc, pg, X0, y, X1 - X0, ["以上"], Style(font=M, size=FS, leading=17.5, align="right"))
    if y > H - 40:
        raise AssertionError(f"shirotae-mikeshi: cover letter overflows ({y:.0f})")

    # ------------------------------------------------------------------ 別添1 改正の概要
    state = {"first": True}

    def page_b1() -> int:
        hd = "別添1" if state["first"] else None
        state["first"] = False
        return numbered_page(hd)

    cur = Cursor(doc, page_b1)
    cur.page()
    tst = Style(size=12.5, leading=21, bold=True, align="center")
    sid = T.sentence("".join(C.GAIYOU_TITLE), heading=True)
    for ln in C.GAIYOU_TITLE:
        cur.put(Block(h=tst.leading, draw=lambda P, x, yy, ln=ln: P.text(
            x + (X1 - X0) / 2, baseline_of(yy, tst), ln, G, tst.size, BLACK, True, "center"), frags=[(sid, ln)]))
    cur.y += 10
    H2 = Style(size=11, leading=19, bold=True, sb=10, sa=2, color=NAVY)
    P_ = Style(font=M, size=FS, leading=18, indent=Z, sa=2)
    LI = Style(font=M, size=FS, leading=18, indent=0, hang=sw("（1）", M, FS), sa=1)
    head: list[Block] = []
    for it in C.GAIYOU:
        kind = it[0]
        if kind == "h":
            head = rev_blocks(rev_units(T, it[1], heading=True), X1 - X0, H2, numbered=False)
        elif kind == "p":
            cur.flow(rev_blocks(rev_units(T, it[1]), X1 - X0, P_, numbered=False), head)
            head = []
        elif kind == "list":
            for k, t in enumerate(it[1]):
                bl = rev_blocks(rev_units(T, t, extra={"item": True}), X1 - X0 - Z, LI, numbered=False)
                cur.flow(bl, head if k == 0 else None, dx=Z)
                head = []
        elif kind == "table":
            spec = C.GAIYOU_TABLES[it[1]]
            ts = TableSpec(caption=spec["caption"], unit=spec["unit"], header=spec["header"], rows=spec["rows"],
                           widths=spec["widths"], align=spec["align"], size=9.2, leading=13.5, pad=3.8,
                           header_fill=PALE, caption_style=Style(size=9.8, leading=16, bold=True, sb=4),
                           notes=spec["notes"], note_style=Style(font=M, size=8.8, leading=14, hang=8.8, sb=2))
            caps, header, rows, notes = table_parts(doc, ts, X1 - X0 - Z)
            cur.group(head + caps + [header(), rows[0]], dx=Z)
            head = []
            for r in rows[1:]:
                if not cur.fits(r.h):
                    cur.page()
                    cur.put(header(), dx=Z)
                cur.put(r, dx=Z)
            if notes:
                cur.flow(notes, dx=Z)
            cur.y += 4
        else:
            raise KeyError(kind)

    # ------------------------------------------------------------------ 別添2 要綱（見え消し版）
    state2 = {"first": True}

    def page_b2() -> int:
        hd = "別添2" if state2["first"] else "別添2　交付要綱（見え消し版）"
        state2["first"] = False
        return numbered_page(hd)

    cur = Cursor(doc, page_b2)
    cur.numbering = True
    cur.page()
    TITLE = Style(size=12.5, leading=22, bold=True, align="center", sa=2)
    SUB = Style(font=M, size=9.5, leading=15, align="right")
    MID = Style(font=M, size=FS, leading=18, indent=Z, sb=3)
    JO = Style(font=M, size=FS, leading=18, indent=0, hang=Z)
    GO = Style(font=M, size=FS, leading=18, indent=Z, hang=2 * Z)
    FU = Style(font=M, size=FS, leading=18, indent=3 * Z, sb=6)
    BT = Style(font=G, size=FS, leading=18, bold=True, sb=10)
    pending: list[Block] = []
    for it in C.YOUKOU_ITEMS:
        kind = it[0]
        if kind == "title":
            cur.put(rev_blocks(rev_units(T, it[1], heading=True), X1 - X0, TITLE)[0])
        elif kind == "sub":
            for b in rev_blocks(rev_units(T, it[1]), X1 - X0, SUB):
                cur.put(b)
        elif kind == "legend":
            lst = Style(size=9.2, leading=15)
            sid = T.sentence(it[1], note=True)
            text = it[1]
            w = sw(text, G, 9.2) + 20

            def draw(P, x, y, text=text, w=w, lst=lst):
                P.rect(x + (X1 - X0 - w) / 2, y + 2, w, 19, stroke=RED, fill=None, width=0.7)
                P.text(x + (X1 - X0) / 2, baseline_of(y + 4, lst), text, G, 9.2, RED, False, "center")
            b = Block(h=28, draw=draw, frags=[(sid, text)], sb=4)
            b.nums = [baseline_of(4, lst)]
            cur.put(b)
        elif kind == "mid":
            pending = rev_blocks(rev_units(T, it[1], heading=True), X1 - X0, MID)
        elif kind in ("jo", "go", "fusoku", "btitle"):
            st = {"jo": JO, "go": GO, "fusoku": FU, "btitle": BT}[kind]
            if kind in ("fusoku", "btitle"):
                pending = rev_blocks(rev_units(T, it[1], heading=True), X1 - X0, st)
                if kind == "btitle":
                    T.sentences[-1]["caption"] = True
                continue
            bl = rev_blocks(rev_units(T, it[1]), X1 - X0, st)
            if it[1].startswith("第6条"):
                bl[0].tag = "art6"
            cur.flow(bl, pending)
            pending = []
        elif kind == "rtable":
            spec = C.RTABLES[it[1]]
            rtable(doc, cur, spec, pending)
            pending = []
        else:
            raise KeyError(kind)
    if pending:
        raise AssertionError("shirotae-mikeshi: heading left at the end of 別添2")
    for p, n in cur.counts.items():
        doc.pages[p].info["line_numbers"] = n
    art6 = cur.first_line["art6"]
    art6_loc = f"{doc.pages[art6[0]].info['printed']}ページ {art6[1]}行目"

    # ------------------------------------------------------------------ 別添3 意見提出様式
    form(doc, numbered_page("別添3"), art6_loc)
    return doc


def rtable(doc: Doc, cur: Cursor, spec: dict, head: list[Block]) -> None:
    """別表 with revision marks inside the cells; rows are unbreakable, the header row repeats on a new page."""
    T = doc.truth
    width = X1 - X0
    tot = sum(spec["widths"])
    colw = [w * width / tot for w in spec["widths"]]
    size, lead, pad = 8.8, 13.2, 3.6
    cst = Style(size=size, leading=lead)
    printed_rows, old_rows, new_rows = [], [], []
    for r in spec["rows"]:
        rd = [readings(c) for c in r]
        printed_rows.append([p for p, _, _ in rd])
        old_rows.append([o for _, o, _ in rd])
        new_rows.append([n for _, _, n in rd])
    # the caption is the 別表 title line already registered (pending heading); the table keeps it as caption
    tid = T.table(spec["caption"], None, spec["header"], printed_rows)
    T.tables[tid]["rows_old"] = old_rows
    T.tables[tid]["rows_new"] = new_rows

    def row_block(cells: list[str], header: bool, ri: int | None) -> Block:
        wrapped = []
        for j, cell in enumerate(cells):
            runs = parse(cell) if not header else [(cell, None)]
            units = [(ch, -1, s) for t, s in runs for ch in t]
            ls = wrap(units, colw[j] - 2 * pad, cst, hang_punct=False) or [[]]
            wrapped.append(ls)
        nl = max(len(w) for w in wrapped)
        h = nl * lead + 2 * pad

        def draw(P, x, y):
            if header:
                P.rect(x, y, width, h, stroke=None, fill=PALE)
            P.line(x, y, x + width, y, 0.6, BLACK)
            P.line(x, y + h, x + width, y + h, 0.6, BLACK)
            xx = x
            for j, lines in enumerate(wrapped):
                P.line(xx, y, xx, y + h, 0.6, BLACK)
                for k, ln in enumerate(lines):
                    bl = baseline_of(y + pad + k * lead, cst)
                    if header or spec_align(j) == "c":
                        w = sum(sw(u[0], G, size) for u in ln)
                        draw_runs(P, xx + (colw[j] - w) / 2, bl, ln, G, size, BLACK, header)
                    else:
                        draw_runs(P, xx + pad, bl, ln, G, size, BLACK, header)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, BLACK)

        b = Block(h=h, draw=draw, table=tid, row=ri)
        return b

    def spec_align(j: int) -> str:
        return "c" if j == 2 else "l"

    def header() -> Block:
        return row_block(spec["header"], True, None)

    rows = [row_block(r, False, i) for i, r in enumerate(spec["rows"])]
    for b in head:
        b.table = tid
    cur.group(head + [header(), rows[0]])
    for r in rows[1:]:
        if not cur.fits(r.h):
            cur.page()
            cur.put(header())
        cur.put(r)
    cur.y += 6


def form(doc: Doc, pg: int, art6_loc: str) -> None:
    T = doc.truth
    F = C.FORM
    width = X1 - X0
    y = TOP + 4
    y += place_text(doc, pg, X0, y, width, [F["title"]], Style(size=14, leading=24, bold=True, align="center"),
                    heading=True)
    y += place_text(doc, pg, X0, y, width, [F["lead"]], Style(font=M, size=10, leading=17, align="center")) + 10
    # fields: label | blank
    lw = 130.0
    rh = 26.0
    fst = Style(size=9.6, leading=14)
    top = y
    for label in F["fields"]:
        yy = y
        doc.op(pg, lambda P, yy=yy: (P.rect(X0, yy, lw, rh, stroke=None, fill=PALE),
                                     P.line(X0, yy, X1, yy, 0.6, BLACK)))
        place_text(doc, pg, X0 + 8, yy + (rh - fst.leading) / 2, lw - 12, [label], fst, extra={"field": True})
        y += rh
    doc.op(pg, lambda P, y=y, top=top: (P.line(X0, y, X1, y, 0.6, BLACK), P.line(X0, top, X0, y, 0.6, BLACK),
                                        P.line(X0 + lw, top, X0 + lw, y, 0.6, BLACK),
                                        P.line(X1, top, X1, y, 0.6, BLACK)))
    y += 14
    place_text(doc, pg, X0, y, lw, [F["options_label"]], Style(size=10, leading=17, bold=True), extra={"field": True})
    for k, o in enumerate(F["options"]):
        place_text(doc, pg, X0 + lw + k * 120, y, 110, [o], Style(size=10, leading=17), extra={"option": True})
    y += 17 + 12
    # opinion table
    rows = [[c.format(art6=art6_loc) for c in F["example"]]] + [[str(i + 1), "", "", ""] for i in range(F["blank_rows"])]
    ts = TableSpec(caption=F["table_caption"], header=F["header"], rows=rows, widths=[0.7, 1.9, 2.8, 2.8],
                   align=["c", "l", "l", "l"], size=9.0, leading=13.5, pad=4.0, header_fill=PALE,
                   caption_style=Style(size=10, leading=17, bold=True, sb=0))
    caps, header, rblocks, _ = table_parts(doc, ts, width)
    for b in caps + [header()]:
        doc.place(pg, b, X0, y)
        y += b.h
    cw_ = [v * width / 8.2 for v in (0.7, 1.9, 2.8, 2.8)]
    for i, b in enumerate(rblocks):
        if i:  # blank rows are tall, as on a real form: drawn here, only the number is text
            h = 92.0
            label = rows[i][0]

            def draw(P, x, yy, h=h, label=label):
                P.rect(x, yy, width, h, stroke=BLACK, fill=None, width=0.6)
                xx = x
                for wv in cw_[:-1]:
                    xx += wv
                    P.line(xx, yy, xx, yy + h, 0.6, BLACK)
                P.text(x + cw_[0] / 2, baseline_of(yy + 4.0, Style(size=9.0, leading=13.5)), label, G, 9.0,
                       BLACK, False, "center")
            b = Block(h=h, draw=draw, table=b.table, row=b.row)
        doc.place(pg, b, X0, y)
        y += b.h
    y += 8
    nst = Style(font=M, size=9.2, leading=15, hang=9.2)
    for n in F["notes"]:
        y += place_text(doc, pg, X0, y, width, [n], nst, extra={"note": True})
    if y > BOTTOM + 10:
        raise AssertionError(f"shirotae-mikeshi: form overflows ({y:.0f})")
    T.tables[-1]["caption"] = F["table_caption"]
