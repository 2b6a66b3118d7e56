"""Vertical writing (縦書き): columns of characters read top to bottom, the columns right to left.

A circular (回覧板), a leaflet or a notice set in vertical writing prints each character under the one before
it. Read as horizontal text, every row of such a block takes one character from each column, so no sentence
survives (「ら の し」「正 相 窓 に 町」). Here such columns are found from the characters' geometry alone: a
character set solid under another (no gap between them), with no character beside it on its own baseline, is
written vertically. Columns of one size standing side by side make a block; a column that starts a character
lower than the block's top (一字下げ) or follows a column that stops short begins a new paragraph.

Each paragraph comes back as one horizontal line for the page's reading order, stacked inside the block's place
in reading order, so the rest of ingest (paragraphs, sentences, sections) reads it as it reads any text. Pure
functions over pdfplumber's char dicts: they test without a PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from .clean import SENTENCE_END

MIN_SEEDS = 2  # characters set solid one under another that start a column
MIN_CHARS = 12  # characters in a block: a couple of short stacked labels are a figure's, not a text
PUNCT = frozenset("、。，．,.")


@dataclass
class Column:
    chars: list[dict]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars if c["text"].strip())


@dataclass
class Block:
    columns: list[Column] = field(default_factory=list)  # right to left

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (min(c.x0 for c in self.columns), min(c.top for c in self.columns),
                max(c.x1 for c in self.columns), max(c.bottom for c in self.columns))


def _size(c: dict) -> float:
    return max(float(c.get("size") or 0.0), 1.0)


def _extent(c: dict) -> float:
    """A character's size along its column: a half-width digit or letter turned in vertical writing reports its
    glyph's height as its size, but spans the column's width on the page."""
    return _size(c) if c.get("upright", True) else max(c["x1"] - c["x0"], c["bottom"] - c["top"], 1.0)


def _mid_x(c: dict) -> float:
    return (c["x0"] + c["x1"]) / 2


def _mid_y(c: dict) -> float:
    return (c["top"] + c["bottom"]) / 2


def _neighbours(ink: list[dict]) -> tuple[set[int], set[int]]:
    """(chars with a char set solid above or below them, chars with a char set close beside them on their line).

    Characters are put in buckets of about a character's size, and only the next buckets are looked at: a page of
    prose costs one pass, not a pass per character. Solid means touching, or nearly (a tenth of a character):
    horizontal lines are set with leading, so the characters of one line never touch those of the next
    (letter-spaced labels 「氏　名」「住　所」 on a 1.2-line pitch stand 0.2 apart)."""
    vertical: set[int] = set()
    beside: set[int] = set()
    if not ink:
        return vertical, beside
    cell = max(median(_size(c) for c in ink), 1.0)
    buckets: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(ink):
        buckets.setdefault((int(c["x0"] // cell), int(c["top"] // cell)), []).append(i)
    for a, c in enumerate(ink):
        if c["text"] in PUNCT:
            continue  # vertical punctuation sits at a column's edge: it says nothing of the direction
        s = _size(c)
        bx, by = int(c["x0"] // cell), int(c["top"] // cell)
        reach = max(1, int(2 * s // cell) + 1)
        for dx in range(-reach, reach + 1):
            for dy in range(-reach, reach + 1):
                for b in buckets.get((bx + dx, by + dy), ()):
                    if b <= a:
                        continue
                    d = ink[b]
                    if d["text"] in PUNCT:
                        continue
                    upper, lower = (c, d) if c["top"] <= d["top"] else (d, c)
                    if abs(_mid_x(c) - _mid_x(d)) <= 0.35 * s and -0.2 * s <= lower["top"] - upper["bottom"] <= 0.12 * s:
                        vertical.update((a, b))
                    left, right = (c, d) if c["x0"] <= d["x0"] else (d, c)
                    if abs(_mid_y(c) - _mid_y(d)) <= 0.3 * s and -0.2 * s <= right["x0"] - left["x1"] <= 0.3 * s:
                        beside.update((a, b))
    return vertical, beside


def columns(chars: list[dict]) -> list[Column]:
    """The vertical columns among a page's chars: runs of characters set solid one under another, none of
    them with a character close beside it; then every char (punctuation, a rotated bracket) standing in that
    run's band joins it."""
    ink = [c for c in chars if c["text"].strip()]
    vertical, beside = _neighbours(ink)
    # (upright glyphs only: text turned on its side — a rotated page or label — is not vertical writing)
    seeds = sorted((ink[i] for i in vertical - beside if ink[i].get("upright", True)), key=_mid_x)
    bands: list[list[dict]] = []
    for c in seeds:
        for band in bands:
            if abs(_mid_x(band[0]) - _mid_x(c)) <= 0.35 * _size(c) and abs(_size(band[0]) - _size(c)) <= 0.15 * _size(c):
                band.append(c)
                break
        else:
            bands.append([c])
    out: list[Column] = []
    for band in bands:
        band.sort(key=lambda c: c["top"])
        run = [band[0]]
        for c in band[1:]:
            if c["top"] - run[-1]["bottom"] > 1.2 * _size(c):
                out.append(_column(run))
                run = [c]
            else:
                run.append(c)
        out.append(_column(run))
    cols = [c for c in out if len(c.chars) >= MIN_SEEDS]
    taken = {id(c) for col in cols for c in col.chars}
    for c in chars:  # the rest of each column: punctuation at its edge, a rotated bracket, a character beside one
        if id(c) in taken or not c["text"].strip():
            continue
        home = _home(cols, c)
        if home is not None:
            home.chars.append(c)
            taken.add(id(c))
    for col in cols:
        _settle(col)
    return cols


def _home(cols: list[Column], c: dict) -> Column | None:
    """The column a char stands in: it starts in the column's left part (punctuation sits at its right edge),
    within its length, of its size; the nearest of several."""
    s = _extent(c)
    home = [col for col in cols if col.x0 - 0.2 * s <= c["x0"] <= col.x0 + 0.6 * col.size
            and col.top - 0.6 * s <= _mid_y(c) <= col.bottom + 0.6 * s and abs(col.size - s) <= 0.3 * s]
    return min(home, key=lambda col: abs(col.x0 - c["x0"])) if home else None


def _settle(col: Column) -> None:
    """A column's chars in reading order, its extent from them."""
    col.chars.sort(key=lambda c: (c["top"], c["x0"]))
    col.top, col.bottom = min(c["top"] for c in col.chars), max(c["bottom"] for c in col.chars)


def _column(run: list[dict]) -> Column:
    return Column(list(run), median(c["x0"] for c in run), median(c["x1"] for c in run),
                  min(c["top"] for c in run), max(c["bottom"] for c in run), median(_size(c) for c in run))


def blocks(cols: list[Column]) -> list[Block]:
    """Columns of one size side by side, their lengths overlapping, a column's width or two apart: one block,
    read right to left. A block holds enough characters to be text, not a stack of labels."""
    out: list[Block] = []
    for col in sorted(cols, key=lambda c: -c.x1):
        for b in out:
            last = b.columns[-1]
            overlap = min(last.bottom, col.bottom) - max(last.top, col.top)
            if (abs(last.size - col.size) <= 0.15 * col.size and 0 < last.x0 - col.x0 <= 3.0 * col.size
                    and overlap >= 0.5 * min(last.bottom - last.top, col.bottom - col.top)):
                b.columns.append(col)
                break
        else:
            out.append(Block([col]))
    # (prose: a grid of labels or marks that happens to stand solid — 「有○○－」 — has no 、 or 。)
    return [b for b in out if len(b.columns) >= 2 and sum(len(c.text) for c in b.columns) >= MIN_CHARS
            and max(len(c.text) for c in b.columns) >= 4 and any(p in c.text for c in b.columns for p in "、。")]


def _fill(block: Block, rest: list[dict]) -> list[dict]:
    """Characters in the block's place that no column took: a paragraph's last column of one or two characters
    (「す。」), too short to be found by itself. They make columns where the block's next column would stand.
    Returns the chars still left."""
    x0, top, x1, bottom = block.bbox
    size = median(c.size for c in block.columns)
    step = median([a.x0 - b.x0 for a, b in zip(block.columns, block.columns[1:], strict=False)] or [1.5 * size])
    inside = [c for c in rest if c["text"].strip() and x0 - step - 0.2 * size <= c["x0"] <= x1
              and top - 0.6 * size <= _mid_y(c) <= bottom and abs(_extent(c) - size) <= 0.3 * size]
    if not inside:
        return rest
    new: list[list[dict]] = []
    for c in sorted(inside, key=lambda c: -c["x0"]):
        # (its column by place alone: the block's columns run its whole height, a short one's last characters too)
        home = next((col for col in block.columns if col.x0 - 0.2 * size <= c["x0"] <= col.x0 + 0.6 * size), None)
        if home is not None:
            home.chars.append(c)
            continue
        run = next((r for r in new if abs(r[0]["x0"] - c["x0"]) <= 0.6 * size), None)
        if run is not None:
            run.append(c)
        else:
            new.append([c])
    for run in new:
        block.columns.append(_column(sorted(run, key=lambda c: c["top"])))
    for col in block.columns:
        _settle(col)
    block.columns.sort(key=lambda col: -col.x0)
    taken = {id(c) for c in inside}
    return [c for c in rest if id(c) not in taken]


def paragraphs(block: Block) -> list[str]:
    """A block's text, paragraph by paragraph: a column starting about a character below the block's top
    (the indent of a new paragraph) or one after a column that stopped short (the last of a paragraph)."""
    top = min(c.top for c in block.columns)
    bottom = max(c.bottom for c in block.columns)
    out: list[str] = []
    prev: Column | None = None
    for col in block.columns:
        indented = col.top - top >= 0.6 * col.size
        short = prev is not None and bottom - prev.bottom >= 1.5 * prev.size
        # an indent starts a paragraph only after a sentence ended: an item's hanging indent (「一　相談は…役場」
        # then 「二階で開きます。」 set a character lower) goes on with its sentence
        if prev is None or short or (indented and out[-1].endswith(SENTENCE_END)):
            out.append(col.text)
        else:
            out[-1] += col.text
        prev = col
    return [p for p in out if p]


def vertical_lines(chars: list[dict], make_line: Callable[[str, tuple, float, str], object]
                   ) -> tuple[list[object], list[dict]]:
    """(the lines read from vertical blocks, the chars left for horizontal reading). `make_line(text, bbox,
    size, font)` builds the caller's line: each paragraph one line, one under the other inside the block's place in
    reading order, set apart so that each is a paragraph of its own."""
    found = blocks(columns(chars))
    if not found:
        return [], chars
    used = {id(c) for b in found for col in b.columns for c in col.chars}
    rest = [c for c in chars if id(c) not in used]
    for b in found:
        rest = _fill(b, rest)
    lines: list[object] = []
    for b in found:
        x0, top, x1, bottom = b.bbox
        size = median(col.size for col in b.columns)
        paras = paragraphs(b)
        step = min(2.0 * size, (bottom - top) / max(len(paras), 1))
        height = min(size, 0.6 * step)  # every line inside the block's own place, one under the other
        font = _font(b)
        for k, text in enumerate(paras):
            y = top + k * step
            lines.append(make_line(text, (x0, y, x1, y + height), size, font))
    return lines, rest


def _font(block: Block) -> str:
    names = Counter(c.get("fontname", "") for col in block.columns for c in col.chars)
    return names.most_common(1)[0][0] if names else ""
