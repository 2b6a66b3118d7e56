"""A line chart's data labels read as the table it draws: each value under its category, in its series' column.

A line chart with data labels (a monthly count for two fiscal years, Excel's or reportlab's) prints every value
as a loose number beside its point, the categories (4月 … 3月) under the plot, tick labels up the axis and a
legend. Read as text, the labels of both series come out as one scatter of numbers in line order, so no month's
figure can be read back. Here each series is recovered from its drawn polyline (chained line segments, or a
curve's points, of one colour, left to right), each label is given to the category whose point it stands over
and to the series whose point is nearest, and the legend's names are matched to the series by colour (its key
line or marker). The result is a grid ([区分, series…], then [category, value…]) that the structure reader treats
as any other table. A chart whose labels do not pair up is left as text: nothing is guessed. Pure functions over
pdfplumber's dicts (lines, curves, rects, words), so they test without a PDF.
"""

from __future__ import annotations

import re

from .charts import VALUE, Chart, _box, _colour, _mid, _mid_y, _size, _union

JOIN = 1.0  # the end of one segment and the start of the next, in points
MIN_POINTS = 4  # a series: four points or more (three segments), left to right
COVER = 0.6  # a series keeps a chart only when most of its points have a label
UNIT = re.compile(r"^[（(]([^（）()\d]{1,4})[）)]$")  # the axis unit above the ticks: （件）, (人)
TICK = re.compile(r"^\d[\d,.]*$")


def _stroke(obj: dict) -> tuple:
    return _colour(obj, "stroking_color")


def polylines(lines: list[dict], curves: list[dict]) -> list[tuple[tuple, list[tuple[float, float]]]]:
    """The series a page draws: (stroke colour, points left to right) for every chain of four or more points of
    one colour whose x grows at each step. Gridlines, rules, ticks and box edges are single segments or go up
    and down, so they never chain."""
    segs = []
    for ln in lines:
        pts = ln.get("pts") or []
        if len(pts) == 2 and abs(pts[1][0] - pts[0][0]) > 1.0:
            a, b = sorted(pts)
            segs.append((_stroke(ln), [a, b]))
    out = []
    for c in curves:  # one path through all its points (a series drawn in one stroke)
        pts = c.get("pts") or []
        if c.get("fill") or len(pts) < MIN_POINTS:
            continue
        if all(b[0] - a[0] > 1.0 for a, b in zip(pts, pts[1:], strict=False)) and _plotted(list(pts)):
            out.append((_stroke(c), list(pts)))
    starts: dict[tuple, list[int]] = {}  # segments by colour and rounded start point, to chain them quickly
    for i, (colour, (a, _b)) in enumerate(segs):
        starts.setdefault((colour, round(a[0]), round(a[1])), []).append(i)
    used = [False] * len(segs)
    for i in sorted(range(len(segs)), key=lambda i: segs[i][1][0][0]):
        if used[i]:
            continue
        colour, chain = segs[i][0], list(segs[i][1])
        used[i] = True
        while True:
            end = chain[-1]
            nxt = next((j for dx in (0, -1, 1) for dy in (0, -1, 1)
                        for j in starts.get((colour, round(end[0]) + dx, round(end[1]) + dy), [])
                        if not used[j] and abs(segs[j][1][0][0] - end[0]) <= JOIN
                        and abs(segs[j][1][0][1] - end[1]) <= JOIN), None)
            if nxt is None:
                break
            chain.append(segs[nxt][1][1])
            used[nxt] = True
        if len(chain) >= MIN_POINTS and _plotted(chain):
            out.append((colour, chain))
    return out


def _plotted(pts: list[tuple[float, float]]) -> bool:
    """A data line rises and falls: most of its steps change height. A rule drawn cell by cell along a
    table's row, or a connector, stays level."""
    steps = list(zip(pts, pts[1:], strict=False))
    return 2 * sum(1 for a, b in steps if abs(b[1] - a[1]) > 0.5) >= len(steps)


def _legend_name(colour: tuple, lines: list[dict], rects: list[dict], words: list[dict], size: float,
                 plotted: list[tuple[float, float]]) -> str | None:
    """The legend's name for a series: the words just right of a short key line or marker of its colour that
    is not one of the series' own points."""
    keys = [(ln["x1"], _mid_y(ln)) for ln in lines if _stroke(ln) == colour and 4.0 <= ln["x1"] - ln["x0"] <= 4 * size
            and ln["bottom"] - ln["top"] <= 1.0]
    keys += [(r["x1"], _mid_y(r)) for r in rects if (_stroke(r) == colour or _colour(r) == colour)
             and r["x1"] - r["x0"] <= size and r["bottom"] - r["top"] <= size
             and not any(r["x0"] - 1 <= x <= r["x1"] + 1 and r["top"] - 1 <= y <= r["bottom"] + 1 for x, y in plotted)]
    for kx, ky in keys:
        right = sorted((w for w in words if abs(_mid_y(w) - ky) <= size * 0.6 and 0 <= w["x0"] - kx <= 2 * size),
                       key=lambda w: w["x0"])
        if right and not VALUE.match(right[0]["text"]):
            return right[0]["text"]
    return None


def read_line_chart(series: list[tuple[tuple, list[tuple[float, float]]]], words: list[dict], lines: list[dict],
                    rects: list[dict]) -> Chart | None:
    """The grid of one line chart (its series drawn over the same categories), or None when its labels do not
    pair up: categories under the plot aligned with the points, a label over most points, a name for each
    series (its legend key's colour, or the axis unit when there is one series)."""
    if not series:
        return None
    xs = sorted({round(x, 0) for _c, pts in series for x, _y in pts})
    centres: list[float] = []
    for x in xs:  # the points' columns (series share them)
        if not centres or x - centres[-1] > 3.0:
            centres.append(x)
    if len(centres) < MIN_POINTS:
        return None
    spacing = min(b - a for a, b in zip(centres, centres[1:], strict=False))
    x0, x1 = centres[0] - spacing / 2, centres[-1] + spacing / 2
    top = min(y for _c, pts in series for _x, y in pts)
    low = max(y for _c, pts in series for _x, y in pts)
    # the size of the chart's own words (its labels), not the page's largest (a title would widen every tolerance)
    own = sorted(w["bottom"] - w["top"] for w in words if x0 - spacing <= _mid(w) <= x1 + spacing
                 and top - 60 <= _mid_y(w) <= low + 120)
    size = own[len(own) // 2] if own else _size(words)
    # the value axis: a column of three or more numbers set right-aligned left of the first point — never a value
    left = [w for w in words if TICK.match(w["text"]) and w["x1"] <= centres[0] + 2 and top - 3 * size <= w["top"]]
    axis = max(({round(w["x1"]) for w in left}), key=lambda x: sum(abs(w["x1"] - x) <= 2 for w in left), default=None)
    ticks = [w for w in left if axis is not None and abs(w["x1"] - axis) <= 2]
    if len(ticks) < 3:
        ticks = []
    # the category row: the first line under the lowest point with a word under most columns
    below = sorted((w for w in words if w["top"] > low and x0 <= _mid(w) <= x1), key=lambda w: w["top"])
    cats: list[dict] = []
    for w in below:
        line = [v for v in below if abs(v["top"] - w["top"]) <= size * 0.5]
        hits = [v for v in line if min(abs(_mid(v) - c) for c in centres) < spacing / 2]
        years = all(re.fullmatch(r"(?:19|20)\d\d", v["text"]) for v in hits)  # 2019 2020 …: categories, not ticks
        if len(hits) >= COVER * len(centres) and (years or not all(TICK.match(v["text"]) for v in hits)):
            cats = sorted(hits, key=_mid)
            break
    if not cats:
        return None
    floor = min(w["top"] for w in cats)
    labels = [w for w in words if VALUE.match(w["text"]) and x0 <= _mid(w) <= x1
              and top - 3 * size <= w["top"] and w["bottom"] <= floor + 1 and not any(w is t for t in ticks)]
    col_of = {id(w): min(range(len(cats)), key=lambda k: abs(_mid(cats[k]) - _mid(w))) for w in labels}
    cell: dict[tuple[int, int], tuple[float, dict]] = {}
    for w in labels:
        k = col_of[id(w)]
        if abs(_mid(cats[k]) - _mid(w)) >= spacing / 2:
            continue
        best = None
        for s, (_c, pts) in enumerate(series):
            near = [y for x, y in pts if abs(x - _mid(cats[k])) < spacing / 2]
            if near:
                d = min(abs(_mid_y(w) - y) for y in near)
                if best is None or d < best[0]:
                    best = (d, s)
        if best is None or best[0] > 3 * size:
            continue
        key = (best[1], k)
        if key not in cell or best[0] < cell[key][0]:
            cell[key] = (best[0], w)
    for s, (_c, pts) in enumerate(series):
        if sum(1 for k in range(len(cats)) if (s, k) in cell) < COVER * len(pts):
            return None
    plotted = [p for _c, pts in series for p in pts]
    # the axis's unit above its ticks
    ceiling = min((w["top"] for w in ticks), default=top)
    units = [w for w in words if UNIT.match(w["text"]) and ceiling - 4 * size <= w["top"] <= ceiling
             and w["x1"] <= x0 + 2 * size]
    unit = UNIT.match(units[0]["text"]).group(1) if units else ""
    if len(series) == 1:
        names = [f"値（{unit}）" if unit else "値"]
    else:
        names = [_legend_name(c, lines, rects, words, size, plotted) for c, _pts in series]
        if None in names or len(set(names)) != len(names):
            return None  # which line is which year is never guessed from its height
    rows = [["区分", *names]]
    used = [_box(w) for w in cats] + [_box(w) for w in ticks] + [_box(w) for w in units]
    for k, cat in enumerate(cats):
        row = [cat["text"]]
        for s in range(len(series)):
            w = cell.get((s, k), (0.0, None))[1]
            text = w["text"] if w else ""
            if w:
                used.append(_box(w))
            row.append(text + unit if text and unit and TICK.match(text) else text)
        rows.append(row)
    if len(series) > 1:
        used += [_box(w) for w in words if w["text"] in names and top - 6 * size <= w["top"] <= floor + 4 * size]
    xs_all = [x for x, _y in plotted]
    plot = (min(xs_all), top, max(xs_all), low)
    return Chart(rows, _union([plot, *used]), used)


def line_charts(lines: list[dict], curves: list[dict], rects: list[dict], words: list[dict],
                found: list[tuple[tuple, list[tuple[float, float]]]] | None = None) -> list[Chart]:
    """Every line chart on a page: series drawn over the same columns and rows of the page are one chart.
    `found`: the page's polylines, when the caller has them."""
    found = polylines(lines, curves) if found is None else found
    groups: list[list[tuple[tuple, list[tuple[float, float]]]]] = []
    for s in found:
        sx0, sx1 = s[1][0][0], s[1][-1][0]
        for g in groups:
            gx0, gx1 = g[0][1][0][0], g[0][1][-1][0]
            ys = [y for _c, pts in g for _x, y in pts]
            sy = [y for _x, y in s[1]]
            gap = max(min(sy) - max(ys), min(ys) - max(sy))  # negative: their heights overlap
            reach = 0.5 * max(max(ys) - min(ys), max(sy) - min(sy), 20.0)
            if min(sx1, gx1) - max(sx0, gx0) > 0.5 * (gx1 - gx0) and gap <= reach:
                g.append(s)
                break
        else:
            groups.append([s])
    return [c for g in groups if (c := read_line_chart(g, words, lines, rects)) is not None]
