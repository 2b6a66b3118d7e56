"""Stacked bar charts read as the table they draw: one row per bar, one column per legend name.

A survey report's favourite chart (「よく理解できた／理解できた／あまり…」 for each programme, a 100% stacked
bar per question) draws each bar as a chain of filled segments, one colour per answer, prints each share inside
its segment (a thin segment's share just over it), the bar's name left of it and its 「n=52」 right of it, and
names the colours in a legend of small keys. Read as text, the shares of every bar come out as a scatter of
numbers beside the names, and pdfplumber finds a "table" of fragments in the chart's gridlines, so no share can
be read back for its answer. Here the segments are chained into bars, matched to the legend by colour, and each
share is given to the segment it stands in (or the nearest unlabelled one under it); the result is a grid
([区分, names…, n], then [bar, share…, n]) that the structure reader treats as any other table. A chart whose
colours the legend does not name, or whose shares do not pair up, is left as it was; a number over a bar is only
taken for a segment too thin to hold it (the nearest such one).
Pure functions over pdfplumber's dicts (rects, words), so they test without a PDF.
"""

from __future__ import annotations

import re

from .charts import NUMBER, TICK, Chart, _box, _colour, _lines, _mid, _mid_y, _size, _union

JOIN = 1.0  # the end of one segment and the start of the next, in points
MIN_BARS = 2  # a chart: two bars or more, sharing their left end (the axis)
BAR_HEIGHT = (4.0, 40.0)  # a bar is a band of this height, in points
KEY_MAX = 16.0  # a legend key is a small square, at most this wide and high
LABELLED = 0.5  # a chart keeps its grid only when most segments have their share printed
COUNT = re.compile(r"^[nＮN]\s*[=＝]\s*[\d,，]+$")  # the bar's number of answers, right of it: n=52


def _segments(rects: list[dict]) -> list[dict]:
    return [r for r in rects if r.get("fill") and BAR_HEIGHT[0] <= r["bottom"] - r["top"] <= BAR_HEIGHT[1]
            and r["x1"] - r["x0"] > 0.5]


def bars(rects: list[dict]) -> list[list[dict]]:
    """The stacked bars a page draws: chains of two or more filled segments of one height, each starting where
    the one before ends, each colour once, left to right; only bars that share their left end with another
    bar of the same height (a chart's bars start at its axis). A table's shaded header row is one rect per cell
    in one colour, and a heat map's row repeats its bands' colours, so neither chains."""
    rows: dict[tuple[int, int], list[dict]] = {}
    for r in _segments(rects):
        rows.setdefault((round(r["top"]), round(r["bottom"])), []).append(r)
    chains = []
    for segs in rows.values():
        segs = sorted(segs, key=lambda r: r["x0"])
        chain: list[dict] = []
        for r in segs:
            if chain and abs(r["x0"] - chain[-1]["x1"]) <= JOIN and _colour(r) != _colour(chain[-1]):
                chain.append(r)
                continue
            if len(chain) >= 2:
                chains.append(chain)
            chain = [r]
        if len(chain) >= 2:
            chains.append(chain)
    # a bar shows each answer once: a row of cells coloured by band (a heat map's 25 / 33 / 81) repeats colours
    chains = [c for c in chains if len({_colour(r) for r in c}) == len(c)]
    out = []
    for c in chains:
        height = c[0]["bottom"] - c[0]["top"]
        if any(o is not c and abs(o[0]["x0"] - c[0]["x0"]) <= JOIN and abs(o[0]["bottom"] - o[0]["top"] - height) <= JOIN
               for o in chains):
            out.append(c)
    return sorted(out, key=lambda c: c[0]["top"])


def _charts(chains: list[list[dict]]) -> list[list[list[dict]]]:
    """The bars grouped into charts: bars with one left end, one under another, no more than four bar heights
    apart."""
    groups: list[list[list[dict]]] = []
    for c in chains:
        for g in groups:
            last = g[-1][0]
            if abs(last["x0"] - c[0]["x0"]) <= JOIN and c[0]["top"] - last["bottom"] <= 4 * (last["bottom"] - last["top"]):
                g.append(c)
                break
        else:
            groups.append([c])
    return [g for g in groups if len(g) >= MIN_BARS and _one_order(g)]


def _one_order(group: list[list[dict]]) -> bool:
    """Every bar shows its colours in one order (a bar may lack one: a 0% answer is not drawn)."""
    first: dict[tuple, int] = {}
    for bar in group:
        for r in bar:
            first.setdefault(_colour(r), len(first))
    return all([first[_colour(r)] for r in bar] == sorted(first[_colour(r)] for r in bar) for bar in group)


def _legend(rects: list[dict], words: list[dict], colours: set[tuple], size: float,
            area: tuple[float, float, float, float], segments: set[int]) -> list[tuple[tuple, list[dict], dict]] | None:
    """The legend: for each bar colour, its key (a small filled square of that colour near the chart) and the
    words right of it on its line, up to the next key; in reading order (line by line, left to right). None
    when a colour has no key."""
    x0, top, x1, bottom = area
    # a key is a small square apart from the bars (a thin segment of a bar is as small: never a key)
    keys = [r for r in rects if id(r) not in segments and r.get("fill") and r["x1"] - r["x0"] <= KEY_MAX
            and r["bottom"] - r["top"] <= KEY_MAX and _colour(r) in colours and x0 - 4 * size <= r["x0"] <= x1 + 8 * size
            and top - 8 * size <= r["top"] <= bottom + 8 * size]
    found: dict[tuple, tuple[dict, list[dict]]] = {}
    for k in sorted(keys, key=lambda r: (round(r["top"]), r["x0"])):
        if _colour(k) in found:
            continue
        cy = (k["top"] + k["bottom"]) / 2
        stop = min((r["x0"] for r in keys if abs((r["top"] + r["bottom"]) / 2 - cy) <= size / 2 and r["x0"] > k["x1"]),
                   default=float("inf"))
        line = sorted((w for w in words if abs(_mid_y(w) - cy) <= size / 2 and k["x1"] - 1 <= w["x0"] < stop),
                      key=lambda w: w["x0"])
        name: list[dict] = []  # the words that run on from the key, a space apart at most
        for w in line:
            if w["x0"] - (name[-1]["x1"] if name else k["x1"]) > (size if name else 2 * size):
                break
            name.append(w)
        if name:
            found[_colour(k)] = (k, name)
    if set(found) != colours:
        return None
    order = sorted(found.items(), key=lambda kv: (round(kv[1][0]["top"] / size), kv[1][0]["x0"]))
    return [(c, name, k) for c, (k, name) in order]


def _shares(bar: list[dict], words: list[dict], size: float, taken: set[int]) -> list[dict | None] | None:
    """Each segment's share: the number printed inside it, else, for a segment too thin to hold its number, one
    printed just over the bar, nearest to it among such segments still without one. None when a number over the
    bar has no such segment (an axis or a note printed there is not a share)."""
    top, bottom = bar[0]["top"], bar[0]["bottom"]
    out: list[dict | None] = [None] * len(bar)
    for i, s in enumerate(bar):
        inside = [w for w in words if id(w) not in taken and NUMBER.match(w["text"]) and s["x0"] <= _mid(w) <= s["x1"]
                  and top <= _mid_y(w) <= bottom]
        if len(inside) == 1:
            out[i] = inside[0]
            taken.add(id(inside[0]))
    over = [w for w in words if id(w) not in taken and NUMBER.match(w["text"]) and top - 2.5 * size <= w["top"]
            and w["bottom"] <= top + 1 and bar[0]["x0"] - size <= _mid(w) <= bar[-1]["x1"] + 2 * size]
    # an axis printed over the bars (0 25 50 75 100) is a row of three or more numbers: not shares
    lines = [ln for ln in _lines(over, size) if len(ln) < 3]
    over = [w for ln in lines for w in ln]
    for w in sorted(over, key=_mid):
        # (too thin: narrower than the number and a margin of a character on each side)
        free = [i for i in range(len(bar)) if out[i] is None and bar[i]["x1"] - bar[i]["x0"] < w["x1"] - w["x0"] + 2 * size]
        if not free:
            return None
        i = min(free, key=lambda i: abs((bar[i]["x0"] + bar[i]["x1"]) / 2 - _mid(w)))
        out[i] = w
        taken.add(id(w))
    return out


def _bar_row(bar: list[dict], legend: list, words: list[dict], size: float, right_edge: float, taken: set[int]
             ) -> tuple[list[str], list[tuple[float, float, float, float]], int] | None:
    """One bar as a row [name, share per legend colour…, n=…] with the boxes of the words it holds and how many of
    its segments have a share; None without a name left of it or when its shares do not pair up."""
    top, bottom = bar[0]["top"], bar[0]["bottom"]
    name = sorted((w for w in words if top - 1 <= _mid_y(w) <= bottom + 1 and w["x1"] <= bar[0]["x0"] + 1
                   and bar[0]["x0"] - w["x1"] <= 20 * size),
                  key=lambda w: (round(_mid_y(w) / (0.6 * size)), w["x0"]))  # a name on two lines: line by line
    shares = _shares(bar, words, size, taken)
    if not name or shares is None:
        return None
    by_colour = {_colour(s): v for s, v in zip(bar, shares, strict=True)}
    counts = [w for w in words if top - 1 <= _mid_y(w) <= bottom + 1 and w["x0"] >= bar[-1]["x1"] - 1
              and w["x0"] - right_edge <= 4 * size and COUNT.match(w["text"])]
    row = [" ".join(w["text"] for w in name), *(by_colour[c]["text"] if by_colour.get(c) else "" for c, _n, _k in legend),
           counts[0]["text"] if counts else ""]  # the count as printed: 「n=52」
    used = [_box(w) for w in [*name, *counts[:1]]] + [_box(v) for v in shares if v]
    return row, used, sum(v is not None for v in shares)


def read_stacked_bars(chains: list[list[dict]], rects: list[dict], words: list[dict]) -> list[Chart]:
    """Every stacked bar chart among the page's bars (`bars(rects)`, see the module's docstring) as a grid; charts
    that do not read cleanly are left out."""
    if not words:
        return []
    size = _size(words)
    out = []
    for group in _charts(chains):
        area = (min(b[0]["x0"] for b in group), group[0][0]["top"], max(b[-1]["x1"] for b in group), group[-1][0]["bottom"])
        colours = {_colour(s) for b in group for s in b}
        legend = _legend(rects, words, colours, size, area, {id(r) for b in group for r in b})
        if legend is None:
            continue
        taken: set[int] = set()
        read = [_bar_row(b, legend, words, size, area[2], taken) for b in group]
        if None in read or sum(n for _r, _u, n in read) < LABELLED * sum(len(b) for b in group):
            continue
        rows = [r for r, _u, _n in read]
        used = [box for _r, u, _n in read for box in u]
        # the share axis under the bars (0 25 50 75 100 （％）): read out with them; its unit goes with each answer
        axis = [w for w in words if TICK.match(w["text"]) and area[3] - 1 <= w["top"] <= area[3] + 3 * size
                and area[0] - 2 * size <= _mid(w) <= area[2] + 6 * size]
        unit_words = [w for w in words if re.fullmatch(r"[（(][%％][）)]", w["text"]) and area[3] - 1 <= w["top"] <= area[3] + 3 * size
                      and area[0] <= w["x0"] <= area[2] + 8 * size]
        axis += unit_words
        unit = "（％）" if unit_words or any(re.search(r"[%％]", w["text"]) for w in axis) else ""
        used += [_box(w) for w in axis]
        for _c, name, key in legend:
            used += [_box(w) for w in name] + [(key["x0"], key["top"], key["x1"], key["bottom"])]
        head = ["区分", *(" ".join(w["text"] for w in name) + unit for _c, name, _k in legend), "n"]
        if not any(r[-1] for r in rows):  # no bar prints its count
            head, rows = head[:-1], [r[:-1] for r in rows]
        out.append(Chart([head, *rows], _union([area, *used]), used))
    return out
