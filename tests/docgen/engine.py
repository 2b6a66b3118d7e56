"""A small canvas layout engine that knows where every sentence lands.

Text is wrapped character by character (Japanese may break almost anywhere) with light
kinsoku rules; each drawn line remembers the sentence fragments it carries, so the truth
file can say on which PDF page(s) every sentence is printed.

Coordinates inside the engine are top-down (y = distance from the top edge of the page).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen import canvas as rl_canvas

from . import fonts

G = fonts.GOTHIC
M = fonts.MINCHO

NO_START = set("、。，．,.）」』】〕〉》]）・：；？！ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞ％%)～〜")
NO_END = set("（「『【〔〈《([")
CLOSERS = set("」』）)】")
TERMS = set("。！？")
_WORD = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ,.%/:\-－，．]*")

BLACK = (0.1, 0.1, 0.1)


def split_sentences(text: str) -> list[str]:
    """Split at 。！？ (keeping closing brackets that follow them with the sentence)."""
    out: list[str] = []
    cur = ""
    i = 0
    while i < len(text):
        ch = text[i]
        cur += ch
        i += 1
        if ch in TERMS:
            while i < len(text) and text[i] in CLOSERS:
                cur += text[i]
                i += 1
            if cur.strip():
                out.append(cur)
            cur = ""
    if cur.strip():
        out.append(cur)
    return out


# --------------------------------------------------------------------------- truth

class Truth:
    def __init__(self, file: str, title: str, layout: str):
        self.file, self.title, self.layout = file, title, layout
        self.sentences: list[dict] = []
        self.pages: list[dict] = []
        self.tables: list[dict] = []
        self.frags: list[tuple[int, int, str]] = []  # (sid, page, drawn text): for self-checks
        self.frag_x: list[tuple[int, int, str, float]] = []  # the same with the block's x

    def sentence(self, text: str, heading: bool = False, **extra) -> int:
        d = {"text": text, "pages": set()}
        if heading:
            d["heading"] = True
        d.update(extra)
        self.sentences.append(d)
        return len(self.sentences) - 1

    def record(self, sid: int, page: int, text: str) -> None:
        self.sentences[sid]["pages"].add(page)
        self.frags.append((sid, page, text))

    def table(self, caption: str, unit: str | None, header: list[str], rows: list[list[str]]) -> int:
        self.tables.append({"caption": caption, "unit": unit, "header": list(header),
                            "rows": [list(r) for r in rows], "pages": set(), "row_pages": [None] * len(rows)})
        return len(self.tables) - 1

    def as_json(self) -> dict:
        running: list[str] = []
        for p in self.pages:
            for k in ("header", "footer"):
                if p[k] and p[k] not in running:
                    running.append(p[k])
        for i, s in enumerate(self.sentences):
            if not s["pages"]:
                raise AssertionError(f"{self.file}: sentence {i} never drawn: {s['text'][:30]}")
        return {
            "file": self.file, "title": self.title, "layout": self.layout,
            "pages": [dict(p) for p in self.pages],
            "sentences": [{**s, "pages": sorted(s["pages"])} for s in self.sentences],
            "tables": [{**t, "pages": sorted(t["pages"])} for t in self.tables],
            "running": running,
        }


# --------------------------------------------------------------------------- text measure / wrap

_wcache: dict[tuple[str, str, float], float] = {}


def cw(ch: str, font: str, size: float) -> float:
    k = (ch, font, size)
    w = _wcache.get(k)
    if w is None:
        w = pdfmetrics.stringWidth(ch, font, size)
        _wcache[k] = w
    return w


def sw(s: str, font: str, size: float) -> float:
    return sum(cw(ch, font, size) for ch in s)


@dataclass(frozen=True)
class Style:
    font: str = G
    size: float = 10.0
    leading: float = 17.0
    color: tuple = BLACK
    bold: bool = False
    indent: float = 0.0      # extra indent of the first line
    hang: float = 0.0        # indent of continuation lines
    sb: float = 0.0          # space before (dropped at the top of a column)
    sa: float = 0.0          # space after
    align: str = "left"      # left | center | right
    keep_next: bool = False

    def but(self, **kw) -> Style:
        return replace(self, **kw)


Unit = tuple[str, int]  # (char, sentence id)


def _tokens(units: list[Unit]) -> list[list[Unit]]:
    s = "".join(u[0] for u in units)
    toks: list[list[Unit]] = []
    i = 0
    while i < len(s):
        m = _WORD.match(s, i)
        if m and m.end() - i > 1:
            toks.append(units[i:m.end()])
            i = m.end()
        else:
            toks.append([units[i]])
            i += 1
    return toks


def wrap(units: list[Unit], width: float, st: Style, hang_punct: bool = True) -> list[list[Unit]]:
    lines: list[list[Unit]] = []
    cur: list[Unit] = []
    w = 0.0
    limit = width - st.indent
    for tok in _tokens(units):
        tw = sum(cw(u[0], st.font, st.size) for u in tok)
        if cur and w + tw > limit + 0.01:
            if len(tok) == 1 and tok[0][0] in NO_START:
                if hang_punct and w <= limit + st.size * 1.05:
                    cur.extend(tok)
                    w += tw
                    continue
                if not hang_punct:  # push the last char down with the punctuation
                    carry = [cur.pop()] if len(cur) > 1 else []
                    lines.append(cur)
                    cur = carry + list(tok)
                    limit = width - st.hang
                    w = sum(cw(u[0], st.font, st.size) for u in cur)
                    continue
            carry = []
            while len(cur) > 1 and cur[-1][0] in NO_END:
                carry.insert(0, cur.pop())
            lines.append(cur)
            cur = carry
            limit = width - st.hang
            w = sum(cw(u[0], st.font, st.size) for u in cur)
            if tw > limit:  # a very long token: break it by characters
                for u in tok:
                    uw = cw(u[0], st.font, st.size)
                    if cur and w + uw > limit:
                        lines.append(cur)
                        cur, w = [], 0.0
                    cur.append(u)
                    w += uw
                continue
        cur.extend(tok)
        w += tw
    if cur:
        lines.append(cur)
    return lines


def frags_of(line: list[Unit]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for ch, sid in line:
        if sid < 0:
            continue
        if out and out[-1][0] == sid:
            out[-1] = (sid, out[-1][1] + ch)
        else:
            out.append((sid, ch))
    return out


# --------------------------------------------------------------------------- painter

class Painter:
    """Thin wrapper over the reportlab canvas with top-down coordinates."""

    def __init__(self, c: rl_canvas.Canvas, page_h: float):
        self.c, self.H = c, page_h

    def text(self, x: float, baseline: float, s: str, font: str = G, size: float = 10,
             color=BLACK, bold: bool = False, align: str = "left") -> None:
        for ch in s:
            if not fonts.has_char(font, ch):
                raise ValueError(f"glyph missing in {font}: {ch!r} (U+{ord(ch):04X}) in {s!r}")
        if align != "left":
            w = sw(s, font, size)
            x = x - w if align == "right" else x - w / 2
        c = self.c
        c.saveState()  # q/Q scope: render mode, colours and line width must not leak
        c.setFillColorRGB(*color)
        t = c.beginText()
        t.setFont(font, size)
        if bold:
            c.setStrokeColorRGB(*color)
            c.setLineWidth(size * 0.035)
        t.setTextRenderMode(2 if bold else 0)  # Tr persists in the graphics state: always set it
        t.setTextOrigin(x, self.H - baseline)
        t.textOut(s)
        c.drawText(t)
        c.restoreState()

    def line(self, x1, y1, x2, y2, width=0.6, color=BLACK, dash=None) -> None:
        c = self.c
        c.setStrokeColorRGB(*color)
        c.setLineWidth(width)
        c.setDash(*(dash or ([], 0)))
        c.line(x1, self.H - y1, x2, self.H - y2)
        c.setDash([], 0)

    def rect(self, x, y, w, h, stroke=BLACK, fill=None, width=0.6, radius=0.0, dash=None) -> None:
        c = self.c
        if stroke:
            c.setStrokeColorRGB(*stroke)
        c.setLineWidth(width)
        if fill:
            c.setFillColorRGB(*fill)
        c.setDash(*(dash or ([], 0)))
        if radius:
            c.roundRect(x, self.H - y - h, w, h, radius, stroke=1 if stroke else 0, fill=1 if fill else 0)
        else:
            c.rect(x, self.H - y - h, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)
        c.setDash([], 0)

    def poly(self, pts, fill=BLACK, stroke=None) -> None:
        c = self.c
        p = c.beginPath()
        p.moveTo(pts[0][0], self.H - pts[0][1])
        for x, y in pts[1:]:
            p.lineTo(x, self.H - y)
        p.close()
        c.setFillColorRGB(*fill)
        if stroke:
            c.setStrokeColorRGB(*stroke)
        c.drawPath(p, stroke=1 if stroke else 0, fill=1)


def baseline_of(y_top: float, st: Style) -> float:
    return y_top + (st.leading - st.size) / 2 + st.size * 0.86


# --------------------------------------------------------------------------- blocks

@dataclass
class Block:
    h: float
    draw: Callable[[Painter, float, float], None]
    frags: list = field(default_factory=list)      # [(sid, text)]
    keep_next: bool = False
    sb: float = 0.0
    table: int | None = None
    row: int | None = None  # index of the table row this block draws (None: header/caption)


def line_blocks(truth: Truth, sentences: list[str], width: float, st: Style,
                heading: bool = False, extra: dict | None = None, hang_punct: bool = True) -> list[Block]:
    """Register sentences in the truth and return one block per wrapped line."""
    units: list[Unit] = []
    for s in sentences:
        sid = truth.sentence(s, heading=heading, **(extra or {}))
        units.extend((ch, sid) for ch in s)
    return unit_blocks(units, width, st, hang_punct)


def unit_blocks(units: list[Unit], width: float, st: Style, hang_punct: bool = True) -> list[Block]:
    lines = wrap(units, width, st, hang_punct)
    blocks: list[Block] = []
    for i, ln in enumerate(lines):
        text = "".join(u[0] for u in ln)
        ind = st.indent if i == 0 else st.hang

        def draw(P: Painter, x: float, y: float, text=text, ind=ind):
            bl = baseline_of(y, st)
            if st.align == "center":
                P.text(x + width / 2, bl, text, st.font, st.size, st.color, st.bold, "center")
            elif st.align == "right":
                P.text(x + width, bl, text, st.font, st.size, st.color, st.bold, "right")
            else:
                P.text(x + ind, bl, text, st.font, st.size, st.color, st.bold)

        last = i == len(lines) - 1
        blocks.append(Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=frags_of(ln),
                            keep_next=st.keep_next,
                            sb=st.sb if i == 0 else 0.0))
    return blocks


def group_block(blocks: list[Block], keep_next: bool = False, sb: float = 0.0) -> Block:
    """Glue blocks into one unbreakable block."""
    h = sum(b.h for b in blocks) + sum(b.sb for b in blocks[1:])

    def draw(P, x, y):
        yy = y
        for k, b in enumerate(blocks):
            if k:
                yy += b.sb
            b.draw(P, x, yy)
            yy += b.h

    return Block(h=h, draw=draw, frags=[f for b in blocks for f in b.frags], keep_next=keep_next, sb=sb)


def measure(units_or_text, width: float, st: Style) -> int:
    if isinstance(units_or_text, str):
        units_or_text = [(ch, -1) for ch in units_or_text]
    return len(wrap(units_or_text, width, st))


def place_text(doc: Doc, page: int, x: float, y: float, width: float, sentences: list[str], st: Style,
               heading: bool = False, extra: dict | None = None, max_h: float | None = None) -> float:
    """Wrap and place sentences directly on a page; return the height used."""
    blocks = line_blocks(doc.truth, sentences, width, st, heading, extra)
    yy = y + st.sb
    for b in blocks:
        doc.place(page, b, x, yy)
        yy += b.h
    used = yy - y
    if max_h is not None and used > max_h + 0.5:
        raise AssertionError(f"{doc.truth.file} p{page}: text overflows box ({used:.0f} > {max_h:.0f}): "
                             f"{sentences[0][:20]}")
    return used


def text_height(sentences: list[str], width: float, st: Style) -> float:
    units = [(ch, -1) for s in sentences for ch in s]
    n = len(wrap(units, width, st))
    return st.sb + n * st.leading + st.sa


# --------------------------------------------------------------------------- tables

@dataclass
class TableSpec:
    caption: str | None
    header: list[str]
    rows: list[list[str]]
    widths: list[float]                 # relative or absolute; scaled to the width
    unit: str | None = None
    align: list[str] | None = None      # per column: l / c / r
    size: float = 8.8
    leading: float = 12.5
    pad: float = 3.5
    header_fill: tuple = (0.86, 0.9, 0.95)
    rule: tuple = (0.25, 0.25, 0.25)
    first_col_fill: tuple | None = None
    caption_style: Style | None = None
    notes: list[str] = field(default_factory=list)  # ※ lines after the table (sentences)
    note_style: Style | None = None
    ruled: str = "grid"  # grid: every cell ruled | rules: only lines above/below the header and at the end | none


_NUM = re.compile(r"^[\s\-－―—▲△0-9０-９,，.．%％]+[件人法市町村戸回団体名%％年月日時分円万千億]*$")


def _table_row_block(cells: list[str], colw: list[float], ts: TableSpec, header: bool, tid: int | None,
                     last: bool = False) -> Block:
    st = Style(size=ts.size, leading=ts.leading, bold=header)
    wrapped = []
    for j, cell in enumerate(cells):
        ls = wrap([(ch, -1) for ch in cell], colw[j] - 2 * ts.pad, st, hang_punct=False) or [[]]
        wrapped.append(["".join(u[0] for u in ln) for ln in ls])
    nl = max(len(w) for w in wrapped)
    h = nl * ts.leading + 2 * ts.pad
    aligns = ts.align or (["l"] + ["r"] * (len(cells) - 1))

    def draw(P: Painter, x: float, y: float):
        total = sum(colw)
        grid = ts.ruled == "grid"
        if header and grid:
            P.rect(x, y, total, h, stroke=None, fill=ts.header_fill)
        elif ts.first_col_fill and grid:
            P.rect(x, y, colw[0], h, stroke=None, fill=ts.first_col_fill)
        if grid or (ts.ruled == "rules" and header):
            P.line(x, y, x + total, y, 0.6, ts.rule)
        if grid or (ts.ruled == "rules" and (header or last)):
            P.line(x, y + h, x + total, y + h, 0.6, ts.rule)
        xx = x
        for j, lines in enumerate(wrapped):
            if grid:
                P.line(xx, y, xx, y + h, 0.6, ts.rule)
            a = "c" if header else aligns[j]
            if a == "r" and not _NUM.match(cells[j] or "0"):
                a = "c" if len(lines) == 1 else "l"
            for k, t in enumerate(lines):
                bl = baseline_of(y + ts.pad + k * ts.leading, st)
                if a == "c":
                    P.text(xx + colw[j] / 2, bl, t, G, ts.size, BLACK, header, "center")
                elif a == "r":
                    P.text(xx + colw[j] - ts.pad, bl, t, G, ts.size, BLACK, header, "right")
                else:
                    P.text(xx + ts.pad, bl, t, G, ts.size, BLACK, header)
            xx += colw[j]
        if grid:
            P.line(xx, y, xx, y + h, 0.6, ts.rule)

    return Block(h=h, draw=draw, table=tid)


def table_parts(doc: Doc, ts: TableSpec, width: float):
    """Return (caption blocks, header factory, row blocks, note blocks); registers truth."""
    truth = doc.truth
    tot = sum(ts.widths)
    colw = [w * width / tot for w in ts.widths]
    cap_blocks: list[Block] = []
    if ts.caption:
        cst = ts.caption_style or Style(size=ts.size + 0.8, leading=ts.leading + 3, bold=True, sb=6, keep_next=True)
        sid = truth.sentence(ts.caption, caption=True)
        units = [(ch, sid) for ch in ts.caption]
        cap_blocks = unit_blocks(units, width - (sw(ts.unit, G, ts.size) + 8 if ts.unit else 0), cst)
        if ts.unit:
            last = cap_blocks[-1]
            unit = ts.unit
            orig = last.draw

            def draw(P, x, y, orig=orig):
                orig(P, x, y)
                P.text(x + width, baseline_of(y, cst), unit, G, ts.size, BLACK, False, "right")
            last.draw = draw
        for b in cap_blocks:
            b.keep_next = True
    tid = truth.table(ts.caption or "", ts.unit, ts.header, ts.rows)
    for b in cap_blocks:
        b.table = tid

    def header_block():
        b = _table_row_block(ts.header, colw, ts, True, tid)
        b.keep_next = True
        return b

    rows = [_table_row_block(r, colw, ts, False, tid, last=i == len(ts.rows) - 1) for i, r in enumerate(ts.rows)]
    for i, b in enumerate(rows):
        b.row = i
    notes: list[Block] = []
    if ts.notes:
        nst = ts.note_style or Style(size=ts.size - 0.6, leading=ts.leading, indent=0, hang=ts.size, sb=2)
        for i, n in enumerate(ts.notes):
            notes.extend(line_blocks(truth, split_sentences(n), width, nst.but(sb=3 if i == 0 else 0), extra={"note": True}))
    return cap_blocks, header_block, rows, notes


# --------------------------------------------------------------------------- document

@dataclass
class PageRec:
    info: dict
    ops: list = field(default_factory=list)
    decor: Callable | None = None


class _Info(PDFInfo):
    """Document info dictionary that omits /Title when there is none."""

    def format(self, document):
        D = {}
        if self.title:
            D["Title"] = PDFString(self.title)
        if self.author:
            D["Author"] = PDFString(self.author)
        D["ModDate"] = D["CreationDate"] = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        D["Producer"] = PDFString(self.producer)
        D["Trapped"] = PDFName(self.trapped)
        return PDFDictionary(D).format(document)


class Doc:
    def __init__(self, file: str, pagesize: tuple[float, float], title: str, layout: str,
                 meta_title: str | None, author: str | None = None):
        fonts.register()
        self.file = file
        self.W, self.H = pagesize
        self.meta_title = meta_title
        self.author = author
        self.truth = Truth(file, title, layout)
        self.pages: list[PageRec] = []

    def new_page(self, printed: str | None = None, header: str | None = None, footer: str | None = None,
                 is_toc: bool = False, decor: Callable | None = None) -> int:
        idx = len(self.pages)
        info = {"index": idx, "printed": printed, "header": header, "footer": footer, "is_toc": is_toc}
        self.pages.append(PageRec(info=info, decor=decor))
        self.truth.pages.append(info)
        return idx

    def place(self, page: int, block: Block, x: float, y: float) -> None:
        self.pages[page].ops.append(lambda P, b=block, x=x, y=y: b.draw(P, x, y))
        for sid, text in block.frags:
            self.truth.record(sid, page, text)
            self.truth.frag_x.append((sid, page, text, x))
        if block.table is not None:
            t = self.truth.tables[block.table]
            t["pages"].add(page)
            if block.row is not None:
                t["row_pages"][block.row] = page

    def op(self, page: int, fn: Callable[[Painter], None]) -> None:
        self.pages[page].ops.append(fn)

    def save(self, outdir: Path) -> dict:
        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        path = outdir / self.file
        c = rl_canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1, pageCompression=1)
        info = _Info()
        info.title = self.meta_title or None
        info.author = self.author
        info.producer = "ReportLab PDF Library"
        c._doc.info = info
        for pg in self.pages:
            P = Painter(c, self.H)
            if pg.decor:
                pg.decor(P, pg.info, "under")
            for fn in pg.ops:
                fn(P)
            if pg.decor:
                pg.decor(P, pg.info, "over")
            c.showPage()
        c.save()
        data = self.truth.as_json()
        (outdir / (self.file[:-4] + ".truth.json")).write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return data


# --------------------------------------------------------------------------- flow (columns, bands, pages)

class Flow:
    """Fills column frames top to bottom, column by column, page by page.

    A page holds one or more horizontal bands; each band has `ncols` columns.  Switching the
    number of columns mid-page balances the current band first (so a full-width table can sit
    under two balanced columns of text)."""

    def __init__(self, doc: Doc, frame: tuple[float, float, float, float], new_page: Callable[[], int],
                 ncols: int = 1, gutter: float = 18.0, col_rule: tuple | None = None,
                 top_of: Callable[[int], float] | None = None):
        self.doc = doc
        self.top_of = top_of
        self.x0, self.top, self.x1, self.bottom = frame
        self.new_page_fn = new_page
        self.ncols = ncols
        self.gutter = gutter
        self.col_rule = col_rule
        self.page: int | None = None
        self.band_top = self.top
        self.cols: list[list[tuple[Block, float]]] = [[] for _ in range(ncols)]
        self.ci = 0
        self.pending: list[Block] = []
        self.repeat: Callable[[], Block] | None = None

    # geometry
    @property
    def width(self) -> float:
        return (self.x1 - self.x0 - self.gutter * (self.ncols - 1)) / self.ncols

    def col_x(self, i: int) -> float:
        return self.x0 + i * (self.width + self.gutter)

    def _used(self, i: int) -> float:
        return sum(b.h + s for b, s in self.cols[i])

    @property
    def avail(self) -> float:
        return self.bottom - self.band_top

    def remaining(self) -> float:
        return self.avail - self._used(self.ci)

    # adding
    def add(self, block: Block) -> None:
        self.pending.append(block)
        if block.keep_next:
            return
        group, self.pending = self.pending, []
        self._place_group(group)

    def add_all(self, blocks: list[Block]) -> None:
        for b in blocks:
            self.add(b)

    def flush(self) -> None:
        if self.pending:
            group, self.pending = self.pending, []
            self._place_group(group)

    def _need(self, group: list[Block], col_empty: bool) -> float:
        return sum(b.h for b in group) + sum(b.sb for b in group[(1 if col_empty else 0):])

    def _place_group(self, group: list[Block]) -> None:
        if self.page is None:
            self._new_page()
        empty = not self.cols[self.ci]
        if self._used(self.ci) + self._need(group, empty) > self.avail + 0.01:
            if empty and self._need(group, True) > self.avail:
                for b in group:  # too tall for any column: place one by one
                    self._place_group([b]) if len(group) > 1 else self._force(b)
                return
            self._next_col()
        for b in group:
            s = b.sb if self.cols[self.ci] else 0.0
            self.cols[self.ci].append((b, s))

    def _new_page(self) -> None:
        self.page = self.new_page_fn()
        self.band_top = self.top_of(self.page) if self.top_of else self.top

    def _force(self, b: Block) -> None:
        raise AssertionError(f"{self.doc.file}: block taller than a column ({b.h:.0f} > {self.avail:.0f})")

    def _next_col(self) -> None:
        if self.ci < self.ncols - 1:
            self.ci += 1
        else:
            self._commit()
            self._new_page()
        if self.repeat:
            hb = self.repeat()
            self.cols[self.ci].append((hb, 0.0))

    def _commit(self) -> float:
        """Place the current band on the page; return its height."""
        hmax = 0.0
        for i, col in enumerate(self.cols):
            y = self.band_top
            for b, s in col:
                y += s
                self.doc.place(self.page, b, self.col_x(i), y)
                y += b.h
            hmax = max(hmax, y - self.band_top)
        if self.col_rule and self.ncols > 1 and hmax > 0:
            for i in range(1, self.ncols):
                xr = self.col_x(i) - self.gutter / 2
                y0, y1 = self.band_top, self.band_top + hmax
                self.doc.op(self.page, lambda P, xr=xr, y0=y0, y1=y1: P.line(xr, y0, xr, y1, 0.4, self.col_rule))
        self.cols = [[] for _ in range(self.ncols)]
        self.ci = 0
        return hmax

    def _balance(self) -> None:
        if self.ncols != 2:
            return
        items = [b for col in self.cols for b, _ in col]
        if not items or not self.cols[1] and self._used(0) < 1:
            return
        best = None
        for k in range(len(items) + 1):
            if k and items[k - 1].keep_next and k < len(items):
                continue
            left, right = items[:k], items[k:]
            hl = self._need(left, True) if left else 0.0
            hr = self._need(right, True) if right else 0.0
            if hl > self.avail + 0.01 or hr > self.avail + 0.01:
                continue
            score = (max(hl, hr), 0 if hl >= hr else 1)
            if best is None or score < best[0]:
                best = (score, k)
        if best is None:
            return
        k = best[1]
        self.cols = [[], []]
        for idx, b in enumerate(items):
            ci = 0 if idx < k else 1
            self.cols[ci].append((b, b.sb if self.cols[ci] else 0.0))

    def set_columns(self, n: int, gap: float = 10.0, balance: bool = True) -> None:
        self.flush()
        if self.page is not None and any(self.cols):
            if balance:
                self._balance()
            h = self._commit()
            self.band_top += h + gap
        self.ncols = n
        self.cols = [[] for _ in range(n)]
        self.ci = 0
        if self.band_top > self.bottom - 40:
            self.page = None
            self.band_top = self.top

    def column_break(self) -> None:
        self.flush()
        self._next_col()

    def page_break(self) -> None:
        self.flush()
        if self.page is not None:
            self._commit()
        self.page = None
        self.band_top = self.top
        self.cols = [[] for _ in range(self.ncols)]
        self.ci = 0

    def vspace(self, h: float) -> None:
        self.add(Block(h=h, draw=lambda P, x, y: None))

    def add_table(self, ts: TableSpec) -> None:
        caps, header, rows, notes = table_parts(self.doc, ts, self.width)
        for b in caps:
            self.add(b)
        self.add(header())
        for i, r in enumerate(rows):
            self.add(r)
            if i == 0:
                self.flush()
                self.repeat = header
        self.flush()
        self.repeat = None
        for n in notes:
            self.add(n)

    def finish(self) -> None:
        self.flush()
        if self.page is not None and any(self.cols):
            self._commit()
        self.page = None
