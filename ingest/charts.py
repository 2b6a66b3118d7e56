"""A bar chart's printed labels read as the table it draws: category under each bar, value over it.

A column chart drawn as vector graphics (Excel, PowerPoint, reportlab) prints its numbers as loose words:
the value over each bar, the category under it, tick labels up the axis, and axis titles. pdfplumber
finds the chart's gridlines and bars as a "table" of empty cells with a stray number or two, and the
labels come out as a line of categories and a scatter of numbers, so no figure can be read back for its
year. Here the words around such a plot area are paired by position — each value with the category whose
bar it stands over, or whose bar it ends; a grouped chart's bars matched to its legend by colour; a 100%
stacked bar's shares to its legend's names — into a grid ([x-axis title, y-axis title or series], then
[category, value…] rows) that the structure reader treats as any other table (its 「図1」 caption above it, its
注） notes under it). A chart whose labels do not pair up is left as text. Pure functions over word (and rect)
dicts (text, x0, x1, top, bottom), so they test without a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = re.compile(r"^[△▲-]?\d[\d,，.]*[%％]?$")
# a value label: a number, with its counter and its share perhaps (22人（42.3％）, 118件, 86.5％)
VALUE = re.compile(r"^[△▲-]?\d[\d,，.]*(?:[%％]|[^\s\d（）()%％]{1,3})?(?:[（(][\d,，.]+[%％]?[）)])?$")
# a word that is a value label, not a category (22人, 42.3％, 19人（36.5％）; 「1年未満」 is a category)
LABEL_LIKE = re.compile(r"^[△▲-]?\d[\d,，.]*(?:[%％]|[^\s\d（）()%％]{0,2})(?:[（(][\d,，.]+[%％]?[）)])?$")
TICK = re.compile(r"^\d[\d,.]*\s*[%％]?(?:[（(][^（）()\d]{1,6}[）)])?$")  # an axis label: 40, 50（％）, 100%
ORDINAL = re.compile(r"^第?\s*\d+\s*[月日回年期号条章節部]$")  # a table's heading or key, not a value label
PUNCT = set("0123456789,，.．%％（）()△▲- \n")
EMPTY_SHARE = 0.7  # a chart's gridlines make a "table" whose cells are mostly empty
MIN_BARS = 2


@dataclass
class Chart:
    rows: list[list[str]]  # [[x title, y title], [category, value], ...]
    bbox: tuple[float, float, float, float]  # the plot and every word read from it
    used: list[tuple[float, float, float, float]]  # the boxes of the words the grid now holds (or ticks)


def _fragment(text: str) -> bool:
    """A piece of a value label cut by a gridline cell (「11人（21.」「2％）」): a digit, and at most three
    characters that are not digits or the punctuation of a figure (its counter)."""
    t = text.strip()
    if all(ch in PUNCT for ch in t):  # 「）」: the end of a label the cell cut
        return True
    return any(ch.isdigit() for ch in t) and sum(ch not in PUNCT for ch in t) <= 3


def is_chart_grid(rows: list[list[str]]) -> bool:
    """pdfplumber's "table" over a chart's plot area: most cells empty, and the rest numbers or pieces of value
    labels (those that happen to fall inside a gridline cell)."""
    cells = [c for r in rows for c in r]
    filled = [c.strip() for c in cells if c and c.strip()]
    if not cells or len(cells) < 4:
        return False
    if not filled or any(ORDINAL.match(c) for c in filled):  # a blank grid; a schedule's 4月, 第1回: a table
        return False
    numeric = all(all(_fragment(x) for x in c.split("\n") if x.strip()) for c in filled)
    return numeric and (len(cells) - len(filled)) / len(cells) >= EMPTY_SHARE


def _mid(w: dict) -> float:
    return (w["x0"] + w["x1"]) / 2


def _mid_y(w: dict) -> float:
    return (w["top"] + w["bottom"]) / 2


def _box(w: dict) -> tuple[float, float, float, float]:
    return (w["x0"], w["top"], w["x1"], w["bottom"])


def _size(words: list[dict]) -> float:
    """The tallest word's height: the unit every distance here is measured in."""
    return max((w["bottom"] - w["top"] for w in words), default=10.0) or 10.0


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _lines(words: list[dict], size: float) -> list[list[dict]]:
    """Words grouped by the line they stand on."""
    lines: dict[int, list[dict]] = {}
    for w in words:
        lines.setdefault(round(_mid_y(w) / (size * 0.6)), []).append(w)
    return list(lines.values())


def is_share_row(cells: list[str]) -> bool:
    """pdfplumber's one-row "table" over a 100% stacked bar: two or more cells, each a share (25.0％)."""
    return len(cells) >= 2 and all(re.fullmatch(r"[\d.,]+\s*[%％]", c.strip() or "-") for c in cells)


COLUMN_BOTTOM = 1.5  # the columns of one chart stand on one baseline (points)


def _column_candidates(rects: list[dict]) -> list[dict]:
    return [r for r in rects if r.get("fill") and 4.0 <= r["x1"] - r["x0"] <= 90.0 and r["bottom"] - r["top"] >= 1.0]


def has_columns(rects: list[dict]) -> bool:
    """Three or more filled rectangles on one baseline: a page worth reading words for (column_plots)."""
    bases: dict[int, int] = {}
    for r in _column_candidates(rects):
        bases[round(r["bottom"])] = bases.get(round(r["bottom"]), 0) + 1
    return any(n >= 3 for n in bases.values())


def column_plots(rects: list[dict], words: list[dict], skip: list[tuple[float, float, float, float]]
                 ) -> list[tuple[float, float, float, float]]:
    """The plot areas of column charts drawn without gridlines: three or more filled columns side by side on one
    baseline, of different heights (a row of equal boxes is a layout: STEP boxes, a banner), none overlapping
    another, and none holding more than one word (a bar holds at most its value, and a line's point label over
    it; a box holds text). `skip`:
    areas already read (tables, gridded charts). Such a chart's values stand over their columns at the columns'
    heights, so text order reads them by height, not by category."""
    cols = [r for r in _column_candidates(rects)
            if not any(b[0] - 1 <= r["x0"] and r["x1"] <= b[2] + 1 and b[1] - 1 <= r["top"] and r["bottom"] <= b[3] + 1
                        for b in skip)]
    out: list[tuple[float, float, float, float]] = []
    for base in sorted({round(r["bottom"]) for r in cols}):
        row = sorted((r for r in cols if abs(r["bottom"] - base) <= COLUMN_BOTTOM), key=lambda r: r["x0"])
        row = [r for k, r in enumerate(row) if k == 0 or r["x0"] >= row[k - 1]["x1"] - 0.5]  # side by side
        if len(row) < 3 or max(r["bottom"] - r["top"] for r in row) - min(r["bottom"] - r["top"] for r in row) < 2:
            continue
        held = [[w for w in words if r["x0"] <= _mid(w) <= r["x1"] and r["top"] <= _mid_y(w) <= r["bottom"]] for r in row]
        if any(len(ws) > 2 or len(ws) == 2 and not all(VALUE.match(w["text"]) for w in ws) for ws in held):
            continue  # a box of text; a column holds its value, and at most a line's point label besides
        box = (row[0]["x0"], min(r["top"] for r in row), row[-1]["x1"], max(r["bottom"] for r in row))
        if not any(abs(box[0] - o[0]) < 1 and abs(box[3] - o[3]) < 1 for o in out):
            out.append(box)
    return out


def read_column_chart(words: list[dict], plot: tuple[float, float, float, float], rects: list[dict] | None = None
                      ) -> Chart | None:
    """The grid of a column chart drawn without gridlines (see column_plots): each category under its column,
    its value over it (a grouped chart: one value per series, named by its legend); None when they do not pair up."""
    return _columns(words, plot, rects or [])


def read_bar_chart(words: list[dict], plot: tuple[float, float, float, float], rects: list[dict] | None = None
                   ) -> Chart | None:
    """The grid a bar chart draws, from the words printed around its plot area (x0, top, x1, bottom): columns
    (categories under the plot) or else bars (categories left of it); None when the words do not pair up as
    one value for each of two or more categories."""
    return _columns(words, plot, rects or []) or _bars(words, plot, rects or [])


def _bars(words: list[dict], plot: tuple[float, float, float, float], rects: list[dict]) -> Chart | None:
    """A horizontal bar chart: each category left of the axis, its value at the end of its bar on the same line."""
    x0, top, x1, bottom = plot
    size = _size(words)
    # the value axis under the bars: the first row of three or more tick labels (0 10 20 … 50（％）); the grid
    # pdfplumber saw may stop above the last bar, so the bars are read down to this axis
    tick_rows: dict[int, list[dict]] = {}
    for w in words:
        if TICK.match(w["text"]) and bottom - 2 * size <= w["top"] <= bottom + 6 * size and _mid(w) >= x0 - size:
            tick_rows.setdefault(round(w["top"] / (size * 0.5)), []).append(w)
    axis = [r for _k, r in sorted(tick_rows.items()) if len(r) >= 3]
    ticks = axis[0] if axis else []
    floor = min((w["top"] for w in ticks), default=bottom + size) - 1
    left = [w for w in words if w["x1"] <= x0 + 2 and w["x1"] >= x0 - 20 * size and top - size <= _mid_y(w) < floor
            and not LABEL_LIKE.match(w["text"])]  # (a value label left of this axis is another chart's)
    rows: list[list[dict]] = []
    for w in sorted(left, key=_mid_y):
        if rows and abs(_mid_y(w) - _mid_y(rows[-1][0])) <= size * 0.4:
            rows[-1].append(w)
        else:
            rows.append([w])
    if len(rows) < MIN_BARS:
        return None
    ys = [_mid_y(r[0]) for r in rows]
    spacing = min(b - a for a, b in zip(ys, ys[1:], strict=False))
    values = [w for w in words if VALUE.match(w["text"]) and x0 - 2 <= w["x0"] <= x1 + 8 * size
              and top - size <= _mid_y(w) < floor]
    per_row = [sorted((v for v in values if abs(_mid_y(v) - y) < spacing / 2), key=_mid_y) for y in ys]
    k = len(per_row[0])
    if k == 0 or any(len(at) != k for at in per_row):
        return None
    series = ["値"] if k == 1 else _legend(words, plot, k, size)  # a grouped chart: one bar per series
    if series is None:
        return None
    if k > 1:  # which bar is which series: by colour, bar to legend key (drawing order differs between tools)
        keyed = _by_colour(per_row, series, words, rects, size)
        if keyed is None:
            return None
        per_row = keyed
    pairs, used = [], []
    for row, at in zip(rows, per_row, strict=True):
        name = " ".join(w["text"] for w in sorted(row, key=lambda w: w["x0"]))
        pairs.append([name, *(v["text"] for v in at)])
        used += [_box(w) for w in row] + [_box(v) for v in at]
    if k > 1:
        used += _legend_boxes(words, series, plot, size)
    used += [_box(w) for w in ticks]  # the axis: its tick labels, the last with the unit (50（％）)
    unit = next((m.group(1) for w in ticks if (m := re.search(r"([（(][^（）()]{1,6}[）)])$", w["text"]))), "")
    header = [unit or "値"] if k == 1 else series
    return Chart([["区分", *header], *pairs], _union([plot, *used]), used)


def _colour(r: dict, key: str = "non_stroking_color") -> tuple:
    """A drawn object's fill (or, with key="stroking_color", its line) colour, comparable between objects."""
    c = r.get(key)
    return tuple(round(float(v), 3) for v in c) if isinstance(c, (list, tuple)) else (c,)


def _key_colour(name: str, words: list[dict], filled: list[dict], size: float) -> tuple | None:
    """The colour of a legend name's key: the small filled square just left of the name (a line's key is no square)."""
    w = next((w for w in words if w["text"] == name), None)
    if w is None:
        return None
    keys = [r for r in filled if r["x1"] <= w["x0"] + 1 and w["x0"] - r["x1"] <= 2 * size
            and r["x1"] - r["x0"] <= 2 * size and r["top"] <= _mid_y(w) <= r["bottom"] + 1]
    return _colour(max(keys, key=lambda r: r["x1"])) if keys else None


def _by_colour(per_row: list[list[dict]], series: list[str], words: list[dict], rects: list[dict], size: float,
               columns: bool = False) -> list[list[dict]] | None:
    """Each group's value labels in legend order, matched by colour: a value's bar ends just left of it (a column,
    with `columns`: the column it stands on or is printed in, near its top), a legend name's key is the small filled
    square just left of the name. None when any match fails (a series never guessed by position: a swapped pair of
    years is a wrong answer)."""
    filled = [r for r in rects if r.get("fill")]

    def bar_of(v: dict) -> tuple | None:
        if columns:
            r = _column_under(v, filled, size)
            return _colour(r) if r is not None else None
        bars = [r for r in filled if r["x1"] <= v["x0"] + 1 and v["x0"] - r["x1"] <= 1.5 * size
                and r["top"] - 1 <= _mid_y(v) <= r["bottom"] + 1 and r["x1"] - r["x0"] > 2 * size]
        return _colour(max(bars, key=lambda r: r["x1"])) if bars else None

    colours = [_key_colour(n, words, filled, size) for n in series]
    if None in colours or len(set(colours)) != len(colours):
        return None
    out = []
    for at in per_row:
        by = {bar_of(v): v for v in at}
        if any(c not in by for c in colours):
            return None
        out.append([by[c] for c in colours])
    return out


def _column_under(v: dict, filled: list[dict], size: float) -> dict | None:
    """The column a value label stands on (under its middle, its top just below the label), else the one it is
    printed in near the top (white figures in a tall column)."""
    over = [r for r in filled if r["x0"] - 1 <= _mid(v) <= r["x1"] + 1 and -1 <= r["top"] - v["bottom"] <= 1.5 * size
            and r["bottom"] - r["top"] >= 1.0]
    if over:
        return min(over, key=lambda r: r["top"] - v["bottom"])
    inside = [r for r in _column_candidates(filled) if r["x0"] - 1 <= v["x0"] and v["x1"] <= r["x1"] + 1
              and r["top"] - 1 <= v["top"] <= r["top"] + 1.5 * size and v["bottom"] <= r["bottom"] + 1]
    return min(inside, key=lambda r: r["x1"] - r["x0"]) if inside else None


def _combo(overs: list[list[dict]], words: list[dict], plot: tuple[float, float, float, float], rects: list[dict],
           size: float) -> tuple[list[str], list[list[dict]]] | None:
    """A column chart with a line over it (棒グラフ＋折れ線: 相談件数 in columns, 入居決定率 as a line): two values per
    category over its column. The chart tool prints each column's label at one offset from the column's top (over it,
    or in it near the top) while the line's labels go up and down with the line: the labels whose offsets agree
    across the categories are the columns', the others the line's; when both readings agree as well, or neither
    does, None (never a guess: a swapped series is a wrong answer). The legend names both: the column series by its
    square key of the columns' colour, the line series is the other name. (series names, values in that order)."""
    bottom = plot[3]
    filled = [r for r in rects if r.get("fill")]
    cols = []
    for at in overs:
        under = [r for r in _column_candidates(filled) if abs(r["bottom"] - bottom) <= COLUMN_BOTTOM
                 and all(r["x0"] - 1 <= _mid(v) <= r["x1"] + 1 for v in at)]
        if len(under) != 1:
            return None
        cols.append(under[0])
    offsets = [[v["bottom"] - c["top"] for v in at] for at, c in zip(overs, cols, strict=True)]

    def reading(ref: float) -> tuple[float, list[int]]:
        picks = [min((0, 1), key=lambda i, o=o: abs(o[i] - ref)) for o in offsets]
        chosen = [o[i] for o, i in zip(offsets, picks, strict=True)]
        return max(chosen) - min(chosen), picks

    readings = sorted(reading(ref) for ref in offsets[0])
    spread, picks = readings[0]
    other = readings[-1][0] if readings[-1][1] != picks else float("inf")
    if spread > 0.5 * size or other <= 1.0 * size:
        return None
    on = [at[i] for at, i in zip(overs, picks, strict=True)]
    if not all(-1.5 * size <= v["bottom"] - c["top"] <= 2.5 * size for v, c in zip(on, cols, strict=True)):
        return None  # the column's own label is over it or in it near its top
    colours = {_colour(c) for c in cols}
    series = _legend(words, plot, 2, size)
    if series is None or len(colours) != 1:
        return None
    keyed = [n for n in series if _key_colour(n, words, filled, size) in colours]
    if len(keyed) != 1:
        return None
    line = next(n for n in series if n != keyed[0])
    return [keyed[0], line], [[at[i], at[1 - i]] for at, i in zip(overs, picks, strict=True)]


def _ladder(numbers: list[dict], reach: float, limit: float) -> list[dict]:
    """An axis's tick labels: the numbers at or below `reach`, and those above it (up to `limit`) that go on up the
    same ladder (right-aligned with them, one step apart each): the columns may fill half the axis (900 over a
    tallest 455)."""
    ticks = sorted((w for w in numbers if reach <= w["top"]), key=lambda w: w["top"])
    if len(ticks) < 2:
        return ticks
    step = ticks[1]["top"] - ticks[0]["top"]
    if step <= 1.5 or any(abs((b["top"] - a["top"]) - step) > 1.5 for a, b in zip(ticks, ticks[1:], strict=False)):
        return ticks
    rest = [w for w in numbers if limit <= w["top"] < reach]
    while (nxt := next((w for w in rest if abs(ticks[0]["top"] - w["top"] - step) <= 1.5
                        and abs(w["x1"] - ticks[0]["x1"]) <= 2), None)) is not None:
        ticks.insert(0, nxt)
        rest.remove(nxt)
    return ticks


def _second_axis(words: list[dict], plot: tuple[float, float, float, float], size: float) -> list[dict]:
    """The tick labels right of a plot (a line's own axis: 20 15 10 5 0) and its unit over them (（％））."""
    x0, top, x1, bottom = plot
    reach = top - max((bottom - top) / 2, 3 * size)
    ticks = [w for w in words if NUMBER.match(w["text"]) and x1 - 2 <= w["x0"] <= x1 + 6 * size
             and reach <= w["top"] and w["bottom"] <= bottom + size]
    if len(ticks) < 3:
        return []
    ceiling = min(w["top"] for w in ticks)
    unit = [w for w in words if re.fullmatch(r"[（(][^（）()]{1,6}[）)]", w["text"]) and w["bottom"] <= ceiling + 1
            and ceiling - 3 * size <= w["top"] and x1 - 2 <= w["x0"] <= x1 + 6 * size]
    return ticks + unit


def _legend(words: list[dict], plot: tuple[float, float, float, float], k: int, size: float) -> list[str] | None:
    """The k series names of a grouped chart, printed on one line just over or under the plot (which bar is
    which series is `_by_colour`'s to say)."""
    x0, top, x1, bottom = plot
    near = [w for w in words if x0 - 2 * size <= _mid(w) <= x1 + 6 * size and not VALUE.match(w["text"])
            and not re.fullmatch(r"\d[\d,.]*(?:[（(][^）)]*[）)])?", w["text"])
            and not re.fullmatch(r"[（(][^（）()]{1,6}[）)]", w["text"])  # an axis's unit (（件）) over its ticks
            and (top - 4 * size <= w["bottom"] <= top + 1 or bottom - 1 <= w["top"] <= bottom + 4 * size)]
    for line in sorted(_lines(near, size), key=lambda ln: min(abs(_mid_y(ln[0]) - top), abs(_mid_y(ln[0]) - bottom))):
        if len(line) == k:
            return [w["text"] for w in sorted(line, key=lambda w: w["x0"])]
    return None


def _legend_boxes(words: list[dict], series: list[str], plot: tuple[float, float, float, float], size: float
                  ) -> list[tuple[float, float, float, float]]:
    """The boxes of a grouped chart's legend names, near its plot (the same word elsewhere on the page stays text)."""
    x0, top, _x1, bottom = plot
    return [_box(w) for w in words if w["text"] in series and _mid(w) >= x0 - size
            and top - 4 * size <= w["top"] <= bottom + 4 * size]


def read_stacked_bar(cells: list[str], bbox: tuple[float, float, float, float], words: list[dict]) -> Chart | None:
    """A 100% stacked bar read by pdfplumber as one row of shares (25.0％ | 32.7％ | 42.3％), its segments named by a
    legend printed just under (or over) it in the same order: the legend's names become the header."""
    if not is_share_row(cells):
        return None
    x0, top, x1, bottom = bbox
    size = _size(words)
    near = [w for w in words if x0 - size <= _mid(w) <= x1 + size and not re.search(r"\d", w["text"])
            and (bottom <= w["top"] <= bottom + 4 * size or top - 3 * size <= w["bottom"] <= top)]
    # the share axis beside the bar (0％ 50％ 100％): read out with it, not left in the caption or the next sentence
    ticks = [w for w in words if re.fullmatch(r"\d{1,3}\s*[%％]", w["text"]) and x0 - 2 * size <= _mid(w) <= x1 + 2 * size
             and (bottom - 1 <= w["top"] <= bottom + 2 * size or top - 2 * size <= w["bottom"] <= top + 1)]
    for line in sorted(_lines(near, size), key=lambda ln: abs(_mid_y(ln[0]) - bottom)):
        if len(line) == len(cells):
            names = [w["text"] for w in sorted(line, key=lambda w: w["x0"])]
            used = [_box(w) for w in [*line, *ticks]]
            # one row of shares under the segment names, labelled so a cell reads 「割合」の「満足」
            return Chart([["区分", *names], ["割合", *(c.strip() for c in cells)]], _union([bbox, *used]), used)
    return None


def _columns(words: list[dict], plot: tuple[float, float, float, float], rects: list[dict] | None = None
             ) -> Chart | None:
    """A column chart: each category under the plot, its value over its bar; a grouped one (the same number of
    values over every category, a legend naming as many series): each value under its series, by its column's
    colour; columns with a line over them (two values per category, one the column's, one the line's point): a
    column per series (_combo)."""
    x0, top, x1, bottom = plot
    size = _size(words)
    # the category row: the first line of words right under the plot
    under = [w for w in words if bottom - 2 <= w["top"] <= bottom + 2.5 * size and x0 - size <= _mid(w)]
    if not under:
        return None
    first = min(w["top"] for w in under)
    row = sorted((w for w in under if abs(w["top"] - first) <= size * 0.5), key=_mid)
    cats = [w for w in row if _mid(w) <= x1 + 2]
    x_title = " ".join(w["text"] for w in row if _mid(w) > x1 + 2)  # set at the axis's right end
    if len(cats) < MIN_BARS or (all(TICK.match(w["text"]) for w in cats) and any(w["text"] == "0" for w in cats)):
        return None  # 0 20 40 …: the value axis of horizontal bars, not categories
    centres = [_mid(w) for w in cats]
    spacing = min(b - a for a, b in zip(centres, centres[1:], strict=False)) if len(centres) > 1 else x1 - x0
    # the axis: its tick labels (numbers left of the plot) and its title above them
    # (the plot's gridlines may stop short of the top tick: look up to half the plot's height above it)
    reach = top - max((bottom - top) / 2, 3 * size)
    ticks = _ladder([w for w in words if NUMBER.match(w["text"]) and x0 - 6 * size <= w["x1"] <= x0 + 2
                     and w["bottom"] <= bottom + size], reach, top - (bottom - top) - size)
    ceiling = min((w["top"] for w in ticks), default=top)

    def over_columns(upper: float) -> list[list[dict]]:
        values = [w for w in words if VALUE.match(w["text"]) and x0 <= _mid(w) <= x1 + 2
                  and upper <= w["top"] and w["bottom"] <= bottom + 1]
        return [sorted((v for v in values if abs(_mid(v) - cx) < spacing / 2), key=_mid) for cx in centres]

    pairs: list[list[str]] = []
    used = [_box(w) for w in cats]
    overs = over_columns(top - 3 * size)
    k = len(overs[0])
    series: list[str] | None = None
    combo = None
    line_unit = ""
    # a line drawn over the columns may label its points anywhere up to the axis's top: two values over every
    # category there, one on each column, are a column series and a line series (_combo)
    whole = (x0, min(top, ceiling), x1, bottom)
    wide = over_columns(min(top - 3 * size, ceiling - size)) if rects else []
    if rects and all(len(o) in (1, 2) for o in overs) and all(len(o) == 2 for o in wide):
        matched = None
        if all(len(o) == 2 for o in overs):  # a grouped chart first: both values on columns of the legend's colours
            series = _legend(words, plot, 2, size)
            matched = _by_colour(overs, series, words, rects, size, columns=True) if series else None
            if matched is not None:
                used += _legend_boxes(words, series, plot, size)
        if matched is None and (combo := _combo(wide, words, whole, rects, size)) is not None:
            series, matched = combo
            axis = _second_axis(words, whole, size)
            used += [_box(w) for w in axis] + _legend_boxes(words, series, whole, size)
            line_unit = next((w["text"] for w in axis if not NUMBER.match(w["text"])), "")
        if matched is not None:
            overs = matched
        elif all(len(o) == 1 for o in overs):
            series = None  # one value per column: a plain column chart (its line, if any, is read as a line)
        else:
            return None
    elif k >= 2 and all(len(o) == k for o in overs) and rects:  # a grouped chart: its legend names the k series
        series = _legend(words, plot, k, size)
        matched = _by_colour(overs, series, words, rects, size, columns=True) if series else None
        if matched is None:
            return None
        overs = matched
        used += _legend_boxes(words, series, plot, size)
    if any(len(o) != len(overs[0]) or not o for o in overs) or (series is None and len(overs[0]) != 1):
        return None  # none, or a stacked bar: not one value per category (per series)
    for cat, over in zip(cats, overs, strict=True):
        pairs.append([cat["text"], *(v["text"] for v in over)])
        used += [_box(v) for v in over]
    used += [_box(w) for w in ticks]
    above = [w for w in words if not NUMBER.match(w["text"]) and w["bottom"] <= ceiling + 1
             and ceiling - 3 * size <= w["top"] and w["x0"] <= x0 + size]
    y_title = " ".join(w["text"] for w in sorted(above, key=lambda w: w["x0"]))
    used += [_box(w) for w in above]
    if x_title:
        used += [_box(w) for w in row if _mid(w) > x1 + 2]
    # a grouped chart's unit over its axis (「（件）」) goes with each series, as a table's header carries it (not
    # where the legend prints it already); a line over columns takes the unit over its own axis on the right
    unit = y_title if series and re.fullmatch(r"[（(][^（）()]{1,6}[）)]", y_title) else ""
    units = [line_unit if combo and j == 1 else unit for j in range(len(series or []))]
    heads = [n if not u or n.endswith(u) else f"{n}{u}" for n, u in zip(series or [], units, strict=True)]
    head = [x_title or "区分", *heads] if series else [x_title or "区分", y_title or "値"]
    return Chart([head, *pairs], _union([plot, *used]), used)
