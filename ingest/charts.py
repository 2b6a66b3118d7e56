"""A bar chart's printed labels read as the table it draws: category under each bar, value over it.

A column chart drawn as vector graphics (Excel, PowerPoint, reportlab) prints its numbers as loose words:
the value over each bar, the category under it, tick labels up the axis, and axis titles. pdfplumber
finds the chart's gridlines and bars as a "table" of empty cells with a stray number or two, and the
labels come out as a line of categories and a scatter of numbers, so no figure can be read back for its
year. Here the words around such a plot area are paired by position — each value with the category whose
bar it stands over — into a two-column grid ([x-axis title, y-axis title], then [category, value] rows)
that the structure reader treats as any other table (its 「図1」 caption above it, its 注） notes under it).
Pure functions over word dicts (text, x0, x1, top, bottom), so they test without a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = re.compile(r"^[△▲-]?\d[\d,，.]*[%％]?$")
EMPTY_SHARE = 0.7  # a chart's gridlines make a "table" whose cells are mostly empty
MIN_BARS = 2


@dataclass
class Chart:
    rows: list[list[str]]  # [[x title, y title], [category, value], ...]
    bbox: tuple[float, float, float, float]  # the plot and every word read from it
    used: list[tuple[float, float, float, float]]  # the boxes of the words the grid now holds (or ticks)


def is_chart_grid(rows: list[list[str]]) -> bool:
    """pdfplumber's "table" over a chart's plot area: most cells empty, and the rest bare numbers (the value
    labels that happen to fall inside a gridline cell)."""
    cells = [c for r in rows for c in r]
    filled = [c.strip() for c in cells if c and c.strip()]
    if not cells or len(cells) < 4:
        return False
    numeric = all(all(NUMBER.match(x.strip()) for x in c.split("\n") if x.strip()) for c in filled)
    return numeric and (len(cells) - len(filled)) / len(cells) >= EMPTY_SHARE


def _mid(w: dict) -> float:
    return (w["x0"] + w["x1"]) / 2


def _box(w: dict) -> tuple[float, float, float, float]:
    return (w["x0"], w["top"], w["x1"], w["bottom"])


def read_bar_chart(words: list[dict], plot: tuple[float, float, float, float]) -> Chart | None:
    """The grid a column chart draws, from the words printed around its plot area (x0, top, x1, bottom);
    None when the words do not pair up as one value over each of two or more categories."""
    x0, top, x1, bottom = plot
    size = max((w["bottom"] - w["top"] for w in words), default=10.0) or 10.0
    # the category row: the first line of words right under the plot
    under = [w for w in words if bottom - 2 <= w["top"] <= bottom + 2.5 * size and x0 - size <= _mid(w)]
    if not under:
        return None
    first = min(w["top"] for w in under)
    row = sorted((w for w in under if abs(w["top"] - first) <= size * 0.5), key=_mid)
    cats = [w for w in row if _mid(w) <= x1 + 2]
    x_title = " ".join(w["text"] for w in row if _mid(w) > x1 + 2)  # set at the axis's right end
    if len(cats) < MIN_BARS:
        return None
    centres = [_mid(w) for w in cats]
    spacing = min(b - a for a, b in zip(centres, centres[1:], strict=False)) if len(centres) > 1 else x1 - x0
    values = [w for w in words if NUMBER.match(w["text"]) and x0 <= _mid(w) <= x1 + 2
              and top - 3 * size <= w["top"] and w["bottom"] <= bottom + 1]
    pairs: list[list[str]] = []
    used = [_box(w) for w in cats]
    for cat, cx in zip(cats, centres, strict=True):
        over = [v for v in values if abs(_mid(v) - cx) < spacing / 2]
        if len(over) != 1:  # none, or a stacked / grouped bar: not one value per category
            return None
        pairs.append([cat["text"], over[0]["text"]])
        used.append(_box(over[0]))
    # the axis: its tick labels (numbers left of the plot) and its title above them
    # (the plot's gridlines may stop short of the top tick: look up to half the plot's height above it)
    reach = top - max((bottom - top) / 2, 3 * size)
    ticks = [w for w in words if NUMBER.match(w["text"]) and x0 - 6 * size <= w["x1"] <= x0 + 2
             and reach <= w["top"] and w["bottom"] <= bottom + size]
    used += [_box(w) for w in ticks]
    ceiling = min((w["top"] for w in ticks), default=top)
    above = [w for w in words if not NUMBER.match(w["text"]) and w["bottom"] <= ceiling + 1
             and ceiling - 3 * size <= w["top"] and w["x0"] <= x0 + size]
    y_title = " ".join(w["text"] for w in sorted(above, key=lambda w: w["x0"]))
    used += [_box(w) for w in above]
    if x_title:
        used += [_box(w) for w in row if _mid(w) > x1 + 2]
    boxes = [plot, *used]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return Chart([[x_title or "区分", y_title or "値"], *pairs], bbox, used)
