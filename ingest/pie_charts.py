"""A pie or donut chart's labels read as the table it draws: each share beside the name printed with it.

A pie chart prints its labels around the circle (a name with its value under it or beside it, often at the end
of a leader line) or in a legend (a colour key, the name, the value under it). Read as text, the labels on the
left and right of the circle share lines, so 「高齢者（65歳以上） 241人（47.1％）57人（11.1％）障害者…」 comes out
with the names and values of different slices interleaved. Here a pie is found from its drawing (three or more
filled wedges of different colours, together about as wide as tall, each reaching the centre), each value label near it (a number with its counter
or a share: 83人（16.2％）, 43.4％) is paired with the name on its own line just left of it, or else on the line just
above it, and the pairs become a grid ([区分, 値], then [name, value]…). A pie whose labels do not pair up is left
as text. Pure functions over pdfplumber's dicts, so they test without a PDF.
"""

from __future__ import annotations

import re

from .charts import Chart, _box, _colour, _mid, _mid_y, _size, _union

# a value label of a slice: a share (43.4％), or a count with its share or in a counter of people or cases
# (241人（47.1％）, 596件) — never a bare number, nor a category that holds a figure (20代, 65歳, 4月, 2人世帯)
SHARE = re.compile(r"^\d[\d,，.]*(?:[%％]|[^\s\d（）()%％]{1,2}[（(][\d,，.]+[%％][）)]|"
                   r"(?:人|件|世帯|戸|団体|法人|店|名|社|施設|か所|箇所))$")
MIN_SLICES = 3
MAX_SHAPES = 400  # filled curves on a page beyond which no pie is looked for (a map, a drawing)
TOUCH = 2.0  # wedges of one pie share its centre: their boxes touch or overlap (points)


def pies(curves: list[dict]) -> list[tuple[float, float, float, float]]:
    """The boxes of the pies a page draws: groups of three or more filled curves of three or more colours whose
    boxes touch, near-square together, each reaching the group's centre (wedges round one centre; a donut's hole
    is one more curve). A rounded box is one curve; a map or a flow of block arrows is no such group."""
    wedges = [c for c in curves if c.get("fill") and 8.0 <= c["x1"] - c["x0"] <= 400 and 8.0 <= c["bottom"] - c["top"] <= 400]
    if len({_colour(c) for c in wedges}) < MIN_SLICES or len(wedges) > MAX_SHAPES:
        return []  # too few colours for a pie; a map or a drawing of many shapes is no chart read here
    groups: list[list[dict]] = []
    for c in wedges:
        near = [g for g in groups if any(c["x0"] <= o["x1"] + TOUCH and o["x0"] <= c["x1"] + TOUCH
                                         and c["top"] <= o["bottom"] + TOUCH and o["top"] <= c["bottom"] + TOUCH for o in g)]
        merged = [c]
        for g in near:
            merged += g
            groups.remove(g)
        groups.append(merged)
    out = []
    for g in groups:
        if len(g) < MIN_SLICES or len({_colour(c) for c in g}) < MIN_SLICES:
            continue
        box = (min(c["x0"] for c in g), min(c["top"] for c in g), max(c["x1"] for c in g), max(c["bottom"] for c in g))
        w, h = box[2] - box[0], box[3] - box[1]
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        # a circle: about as wide as tall, and every wedge reaches its centre (a flow of block arrows, a map, a
        # stacked bar drawn as paths does neither)
        if 0.75 <= w / h <= 1.33 and all(_contains(_box(c), centre, TOUCH + 0.05 * w) for c in g):
            out.append(box)
    return out


def _name_of(v: dict, words: list[dict], size: float) -> list[dict]:
    """The words naming a value label: on its line just left of it, or else on the line just above it over the
    same span (a name centred, left- or right-aligned over its value)."""
    names = [w for w in words if not SHARE.match(w["text"])]
    left = sorted((w for w in names if abs(_mid_y(w) - _mid_y(v)) <= size * 0.4 and w["x1"] <= v["x0"] + 1), key=lambda w: -w["x1"])
    if left and v["x0"] - left[0]["x1"] <= 1.5 * size:
        return [left[0]]
    above = [w for w in names if 0 <= v["top"] - w["bottom"] <= 1.2 * size
             and w["x0"] <= v["x1"] + 2 * size and w["x1"] >= v["x0"] - 2 * size]
    if not above:
        return []
    line = max(w["bottom"] for w in above)
    return sorted((w for w in above if abs(w["bottom"] - line) <= size * 0.4), key=lambda w: w["x0"])


def _leader_ends(box: tuple[float, float, float, float], lines: list[dict], size: float) -> list[tuple[float, float]]:
    """Where the leader lines from a label lead: the far end of each line that starts at the label's edge (and of
    the lines joined to it, an elbow or two)."""
    def near(pt: tuple[float, float], slack: float) -> bool:
        return box[0] - slack <= pt[0] <= box[2] + slack and box[1] - slack <= pt[1] <= box[3] + slack

    def joins(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return abs(p[0] - q[0]) + abs(p[1] - q[1]) <= 1.0

    segs = [ln["pts"] for ln in lines if len(ln.get("pts") or []) == 2]
    ends = []
    for k, (a, b) in enumerate(segs):
        if not (near(a, size * 0.5) or near(b, size * 0.5)):
            continue
        end, seen = (b if near(a, size * 0.5) else a), {k}
        for _hop in range(4):
            step = next((m for m, (p, q) in enumerate(segs) if m not in seen and (joins(p, end) or joins(q, end))), None)
            if step is None:
                break
            seen.add(step)
            p, q = segs[step]
            end = q if joins(p, end) else p
        ends.append(end)
    return ends


def _separated(w: dict, pie: tuple[float, float, float, float], lines: list[dict]) -> bool:
    """A vertical rule between a label and a pie (two figures side by side, each in its own frame)."""
    lo, hi = sorted((_mid(w), (pie[0] + pie[2]) / 2))
    return any(abs(ln["x1"] - ln["x0"]) <= 1.0 and lo < ln["x0"] < hi and ln["top"] <= _mid_y(w) <= ln["bottom"]
               for ln in lines)


def pie_charts(curves: list[dict], words: list[dict], lines: list[dict] | None = None,
               found: list[tuple[float, float, float, float]] | None = None) -> list[Chart]:
    """Every pie on a page read as its grid: each value label near a pie (level with it, within its width)
    goes to the pie its leader line reaches, or else to the nearest pie not behind a rule; a pie keeps its
    grid when three or more labels pair with names, each name once. Labels that do not pair stay text.
    `found`: the page's pies, when the caller has them."""
    found = pies(curves) if found is None else found
    if not found:
        return []
    lines = lines or []
    size = _size(words)

    def dist(b: tuple[float, float, float, float], w: dict) -> float:
        return max(b[0] - _mid(w), _mid(w) - b[2], 0.0)

    owned: dict[int, list[tuple[list[dict], dict]]] = {k: [] for k in range(len(found))}
    for v in words:
        if not SHARE.match(v["text"]):
            continue
        if any(_contains(b, (_mid(v), _mid_y(v)), -0.15 * (b[2] - b[0])) for b in found):
            continue  # the total in a donut's hole (新規相談者 512人): no slice; it stays text
        near = [k for k, (x0, top, x1, bottom) in enumerate(found)
                if top - max(3 * size, 0.6 * (bottom - top)) <= _mid_y(v) <= bottom + max(3 * size, 0.6 * (bottom - top))
                and dist(found[k], v) <= 1.5 * (x1 - x0)]
        if not near:
            continue
        name = _name_of(v, words, size)
        if not name:
            continue
        box = _union([_box(w) for w in [*name, v]])
        ends = _leader_ends(box, lines, size)
        led = [k for k in near if any(_contains(found[k], end, 4.0) for end in ends)]
        if led:
            owned[led[0]].append((name, v))
            continue
        open_ = [k for k in near if not _separated(v, found[k], lines)]
        if open_:
            owned[min(open_, key=lambda k: dist(found[k], v))].append((name, v))
    out = []
    for k, pairs in owned.items():
        rows, used, seen = [], [], set()
        x1 = found[k][2]
        for name, v in sorted(pairs, key=lambda p: (_mid(p[1]) > x1, p[1]["top"], p[1]["x0"])):
            text = " ".join(w["text"] for w in name)
            if text in seen or re.fullmatch(r"[\d,.%％（）()]+", text):
                continue
            seen.add(text)
            rows.append([text, v["text"]])
            used += [_box(w) for w in [*name, v]]
        if len(rows) >= MIN_SLICES:
            out.append(Chart([["区分", "値"], *rows], _union([found[k], *used]), used))
    return out


def _contains(b: tuple[float, float, float, float], pt: tuple[float, float], slack: float) -> bool:
    return b[0] - slack <= pt[0] <= b[2] + slack and b[1] - slack <= pt[1] <= b[3] + slack
