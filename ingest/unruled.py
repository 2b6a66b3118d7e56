"""Tables drawn without lines: columns kept apart by spacing only. Pure geometry over text pieces.

Works on one reading-order block (a column, a box or a full-width run) after the page's columns
are found, so a table inside one column never takes in the other column's prose. A run of rows
is a table when, over at least three consecutive rows, the text pieces fall into the same set
of x-ranges (column starts and ends line up), one column other than the first holds figures in
nearly every row, and the rows are spaced like lines, not paragraphs. The row right above the
figures that names the columns (no figures of its own) is the header; a lone piece under a
label is that label's wrapped line.

False positives cost more than misses, so two columns of prose (no figure column), a table of
contents (page numbers climbing in the last column, leaders) and label/value blocks stay text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .vocabulary import table_marks

Box = tuple[float, float, float, float]


@dataclass
class Piece:
    bbox: Box
    text: str
    size: float = 10.0


@dataclass
class Found:
    first: int  # index of the first row of the block that belongs to the table
    last: int  # index of the last row (inclusive)
    grid: list[list[str]]  # header row first when there is one
    bbox: Box
    unit: str = ""  # 「（件）」 printed in the header's first cell, over the labels: the table's unit


# a header's first cell that names no column but the unit of the figures: 「（件）」「(単位:人)」「単位：円」
UNIT_CELL = re.compile(r"^(?:[(](?:単位:)?[^()]{1,6}[)]|単位:\S{1,6})$")


@cache
def _continued_marks() -> frozenset[str]:
    return frozenset(_nfkc(m).replace(" ", "") for m in table_marks().get("continued_marks", []))


@cache
def _status_lead() -> re.Pattern:
    tags = "|".join(re.escape(_nfkc(t)) for t in table_marks().get("status_tags", []))
    return re.compile(rf"^[◎○●★☆◆◇■□◉※*]+\s*(?:(?:{tags})(?![ぁ-ん])\s*)?" if tags else r"^[◎○●★☆◆◇■□◉※*]+\s*")


def without_status(label: str) -> str:
    """A row's label without the mark and status printed before its name (「◎拡充 市町村…支援事業」 is the row of
    市町村…支援事業): the name a question uses."""
    t = _nfkc(label).strip()
    rest = _status_lead().sub("", t, count=1)
    return rest if len(rest) >= 2 else t


def ends_continued(text: str) -> bool:
    """A title that says its table goes on from the page or slide before (「設立状況（続き）」)."""
    t = _nfkc(text).replace(" ", "")
    return any(t.endswith(m) and len(t) > len(m) and not m[0].isalnum() for m in _continued_marks())


def is_continued_mark(text: str) -> bool:
    """A cell of a row's continuation that says the row goes on from the page before (「（続き）」)."""
    t = _nfkc(text).replace(" ", "")
    return bool(t) and t in _continued_marks()


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def is_figure(text: str) -> bool:
    """A cell that is a value: 「212」「27.4%」「9,412戸」「▲3」「-」「○」 (a short unit may follow a number)."""
    t = _nfkc(text).replace(" ", "")
    if not t:
        return False
    v = table_marks()
    if t in v["empty_marks"] or t in v["value_marks"]:
        return True
    return bool(re.fullmatch(r"[▲△+\-−±]?\d[\d,]*(?:\.\d+)?[^\d\s。、，,.:：()（）～〜~]{0,4}", t))


def _leader(text: str) -> bool:
    return bool(re.search(r"[.．・…‥·⋯_]{3,}|…", _nfkc(text)))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _columns(rows: list[list[Piece]]) -> list[tuple[float, float]]:
    """x-ranges of the columns: the merged extents of the pieces of the fullest rows with figures
    (a header's words may be centred anywhere over their column, so they do not set its edges)."""
    data = [r for r in rows if any(is_figure(p.text) for p in r[1:])] or rows
    most = max(len(r) for r in data)
    spans = sorted((p.bbox[0], p.bbox[2]) for r in data if len(r) == most for p in r)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _place(row: list[Piece], cols: list[tuple[float, float]]) -> list[int] | None:
    """Column of each piece of a row (the column whose slot holds the piece's centre, slots split
    midway between columns), or None when a piece reaches well into another column or two pieces
    share one."""
    mids = [(cols[j][1] + cols[j + 1][0]) / 2 for j in range(len(cols) - 1)]
    out = []
    for p in row:
        centre = (p.bbox[0] + p.bbox[2]) / 2
        j = sum(centre > m for m in mids)
        width = max(p.bbox[2] - p.bbox[0], 1.0)
        if any(k != j and _overlap((p.bbox[0], p.bbox[2]), c) > width * 0.3 for k, c in enumerate(cols)):
            return None
        if not (cols[0][0] - p.size * 8 <= centre <= cols[-1][1] + p.size * 8):
            return None
        out.append(j)
    if len(set(out)) != len(out):
        return None
    return out


def _gap_ok(upper: list[Piece], lower: list[Piece]) -> bool:
    if not upper or not lower:
        return False
    top = min(p.bbox[1] for p in lower)
    bottom = max(p.bbox[3] for p in upper)
    height = max(max(p.bbox[3] - p.bbox[1] for p in upper), max(p.bbox[3] - p.bbox[1] for p in lower), 1.0)
    return -height * 0.3 <= top - bottom <= height * 1.6


def _prose(cells) -> bool:
    """Cells that read as lines of running text rather than labels."""
    texts = [_nfkc(c) for c in cells if c.strip()]
    if not texts:
        return False
    long = sum(len(t) for t in texts) / len(texts) > 18
    ended = sum(t.endswith(("。", "、", "，")) for t in texts) * 2 >= len(texts)
    return long or ended


def _filled(block: list[list[Piece]], placed: list[list[int]], cols: list[tuple[float, float]], j: int) -> bool:
    """Column j is set like a text column: wide (ten characters or more) and most of its pieces
    run its full width, as wrapped lines of prose do (a table's labels vary in length, or are short)."""
    pieces = [p for r, where in zip(block, placed, strict=True) for p, k in zip(r, where, strict=True) if k == j]
    if len(pieces) < 3:
        return False
    width = cols[j][1] - cols[j][0]
    size = sorted(p.size for p in pieces)[len(pieces) // 2]
    if width < size * 10:
        return False
    full = sum(p.bbox[2] - p.bbox[0] >= width * 0.85 for p in pieces)
    return full >= len(pieces) * 0.6


def _looks_like_toc(grid: list[list[str]]) -> bool:
    """Titles and climbing page numbers in the last column, no header: a table of contents."""
    if len(grid[0]) != 2:
        return False
    last = [_nfkc(r[-1]) for r in grid]
    if not all(re.fullmatch(r"\d{1,4}", x) for x in last):
        return False
    nums = [int(x) for x in last]
    return nums == sorted(nums)


def find_tables(rows: list[list[Piece]], min_rows: int = 3, allowed=None) -> list[Found]:
    """Unruled tables among a block's rows (each row: the pieces on one line, left to right).

    `allowed(bbox)`, when given, can refuse a table where it lies (across a drawn rule)."""
    found: list[Found] = []
    k = 0
    n = len(rows)
    while k < n:
        if len(rows[k]) < 2:
            k += 1
            continue
        # the longest stretch of rows from k that keeps one column structure
        end = k
        while end + 1 < n and _gap_ok(rows[end], rows[end + 1]) and (
                len(rows[end + 1]) >= 2 or (end + 2 < n and len(rows[end + 2]) >= 2 and _gap_ok(rows[end + 1], rows[end + 2]))):
            end += 1
        hit = _table_in(rows, k, end, min_rows)
        if hit is None or (allowed is not None and not allowed(hit.bbox)):
            k += 1
            continue
        found.append(hit)
        k = hit.last + 1
    return found


def _table_in(rows: list[list[Piece]], first: int, last: int, min_rows: int) -> Found | None:
    while last - first + 1 >= min_rows:
        block = rows[first : last + 1]
        multi = [r for r in block if len(r) >= 2]
        cols = _columns(multi)
        if len(cols) < 2:
            return None
        placed = [_place(r, cols) for r in block]
        bad = [i for i, p in enumerate(placed) if p is None]
        if bad and bad[0] == 0:  # a first row that does not fit: the table may start below it
            first += 1
            continue
        if bad:  # shrink to the part before the first row that does not fit
            last = first + bad[0] - 1
            continue
        grid: list[list[str]] = []
        figure_rows: list[int] = []
        for r, where in zip(block, placed, strict=True):
            cells = [""] * len(cols)
            for p, j in zip(r, where, strict=True):
                cells[j] = p.text.strip()
            if len(r) == 1 and grid and where[0] == 0 and not any(is_figure(c) for c in cells):
                grid[-1][0] = grid[-1][0] + "\n" + cells[0]  # a label's wrapped line
                continue
            if len(r) == 1:
                break
            grid.append(cells)
            if any(is_figure(c) for c in cells[1:]):
                figure_rows.append(len(grid) - 1)
        if not figure_rows:
            return None
        # the header: the text-only row right above the first row of figures
        start = figure_rows[0]
        head = start - 1 if start >= 1 and not any(is_figure(c) for c in grid[start - 1]) else start
        body = grid[start:]
        # a row past the figures that has none of its own ends the table there
        while body and not any(is_figure(c) for c in body[-1][1:]):
            body.pop()
        if len(body) < min_rows:
            return None
        fig_cols = [j for j in range(1, len(cols))
                    if sum(is_figure(r[j]) for r in body) >= max(min_rows, 0.8 * sum(bool(r[j]) for r in body))]
        if not fig_cols or any(_leader(c) for r in body for c in r):
            return None
        if any(len(_nfkc(r[j])) > 12 for r in body for j in fig_cols):
            return None
        if any(_prose(r[j] for r in body) or _filled(block, placed, cols, j) for j in range(len(cols)) if j not in fig_cols):
            return None  # a column of running text: two columns of prose, or a table beside one
        table = grid[head : start + len(body)]
        if head == start and _looks_like_toc(table):
            return None
        unit = ""
        if head < start and UNIT_CELL.match(_nfkc(table[0][0])):
            unit, table[0][0] = table[0][0], ""
        # map grid rows back to block rows for the bbox and the row span
        used = _rows_of(block, placed, head, start + len(body))
        boxes = [p.bbox for i in used for p in block[i]]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        return Found(first + used[0], first + used[-1], table, bbox, unit)
    return None


def _rows_of(block: list[list[Piece]], placed: list[list[int]], g0: int, g1: int) -> list[int]:
    """Block row indices that make grid rows g0..g1-1 (a wrapped label line goes with its row)."""
    out, g = [], -1
    for i, (r, where) in enumerate(zip(block, placed, strict=True)):
        cont = len(r) == 1 and g >= 0 and where[0] == 0 and not is_figure(r[0].text)
        if not cont:
            if len(r) == 1:
                break
            g += 1
        if g0 <= g < g1:
            out.append(i)
        elif g >= g1:
            break
    return out
