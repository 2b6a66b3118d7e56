"""Reading order on one page: columns, full-width blocks and boxes, by recursive cuts.

Pure geometry over boxes, testable without PDFs. The page's items (line fragments, tables,
boxes drawn as rectangles) are cut into horizontal strips where nothing overlaps vertically;
consecutive strips that share an empty vertical gutter form one multi-column run, read
column by column (each column recursively: a column may hold columns of its own). A strip
that crosses the gutter (a title, a wide table) closes the run and is read in its vertical
place. A gutter only counts when the slices on both sides are wide enough to be text
columns, so the gap between a label and its value (「日時　令和6年…」) never splits a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class Item:
    bbox: Box
    obj: object = None  # what the caller placed here (a line, a table)
    children: list[Item] = field(default_factory=list)  # a box: the items drawn inside it
    block: bool = False  # read as one piece (a table), never merged into a row of text
    frame: bool = True  # children drawn inside a rectangle (False: a table with its caption)
    furniture: bool = False  # a box's own number: it shapes its block's edges, but is not read


@dataclass
class Leaf:
    """Items read top to bottom as one block; rows side by side in one strip stay together."""

    rows: list[list[Item]]
    box: bool = False  # drawn inside a rectangle: a unit of its own

    @property
    def left(self) -> float:
        return min(i.bbox[0] for r in self.rows for i in r)

    @property
    def right(self) -> float:
        return max(i.bbox[2] for r in self.rows for i in r)


@dataclass
class Geometry:
    gutter: float  # narrowest empty vertical band that separates columns
    min_column: float  # narrowest slice that counts as a text column
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # vertical rules: x, top, bottom
    column_share: float = 0.0  # a text column's least share of the width it stands in (0: min_column throughout)
    column_floor: float = 0.0  # and its least width anywhere
    outer: Geometry | None = None  # inside a frame measured on its own: the page's geometry

    def within(self, width: float) -> Geometry:
        """The geometry inside a box this wide: its columns are measured against the box, not the page (a slide
        printed four to a page holds a flow of three boxes, each narrower than a page's column)."""
        if not self.column_share:
            return self
        return replace(self, min_column=min(self.min_column, max(width * self.column_share, self.column_floor)),
                       outer=self.outer or self)

    def ruled(self, a: float, b: float, items: list[Item]) -> bool:
        """A vertical rule runs through the empty band a..b beside most of these items' height:
        a drawn column separator, however narrow the band."""
        top = min(i.bbox[1] for i in items)
        bottom = max(i.bbox[3] for i in items)
        return any(a - 1 <= x <= b + 1 and min(bot, bottom) - max(t, top) >= (bottom - top) * 0.5
                   for x, t, bot in self.rules)


def attach_captions(items: list[Item], is_caption, wraps=None) -> list[Item]:
    """A table and the strip right above it that holds its caption become one piece.

    A caption set in one column above a table spanning both columns belongs with the table
    in reading order, not at the foot of that column. A caption too long for its column wraps:
    the strips between its first line and the table, set at line spacing and accepted by
    `wraps(obj)` (not a sentence of their own), come with it.
    """
    tables = [i for i in items if i.block and not i.children]
    for t in tables:
        # (a caption may start a character left of a drawn chart's plot: set at the figure's frame, not its axis)
        reach = 2.0 + (0.25 * (t.bbox[2] - t.bbox[0]) if getattr(t.obj, "drawn", False) else 0.0)
        above = [i for i in items if not i.block and not i.children and i.bbox[3] <= t.bbox[1] + 1
                 and i.bbox[0] >= t.bbox[0] - reach and i.bbox[2] <= t.bbox[2] + 2]
        group: list[Item] = []
        edge = t.bbox[1]  # top of what is grouped so far
        for _ in range(3):  # the caption's last line, then up to two lines above it
            if not above:
                break
            low = max(i.bbox[3] for i in above)
            strip = [i for i in above if i.bbox[3] > low - max(2.0, (i.bbox[3] - i.bbox[1]) * 0.5)]
            height = max(i.bbox[3] - i.bbox[1] for i in strip)
            # a numbered caption (図2) may stand further above a drawn chart, whose labels start below its frame
            far = 6 if not group and getattr(t.obj, "drawn", False) and any(is_caption(i.obj) for i in strip) \
                else 2 if not group else 1
            if edge - low > height * far:
                break
            group = [*strip, *group]
            if any(is_caption(i.obj) for i in strip):
                break
            if wraps is not None and not all(wraps(i.obj) for i in strip):
                group = []
                break
            above = [i for i in above if i not in strip]
            edge = min(i.bbox[1] for i in strip)
        if (not group or not any(is_caption(i.obj) for i in group)) and getattr(t.obj, "drawn", False):
            group = _caption_below(items, t, is_caption)  # a figure's caption under it: read before its grid
        if not group or not any(is_caption(i.obj) for i in group):
            continue
        group.append(t)
        items = [i for i in items if i not in group]
        bbox = (min(i.bbox[0] for i in group), min(i.bbox[1] for i in group),
                max(i.bbox[2] for i in group), max(i.bbox[3] for i in group))
        items.append(Item(bbox, None, group, block=True, frame=False))
    return items


def _caption_below(items: list[Item], t: Item, is_caption) -> list[Item]:
    """The caption line right under a chart (within three of its line heights, inside the chart's width give or take a
    quarter), when it is one (「図1　相談件数の推移」); else nothing."""
    reach = 0.25 * (t.bbox[2] - t.bbox[0])
    below = [i for i in items if not i.block and not i.children and i.bbox[1] >= t.bbox[3] - 1
             and i.bbox[0] >= t.bbox[0] - reach and i.bbox[2] <= t.bbox[2] + reach]
    if not below:
        return []
    top = min(i.bbox[1] for i in below)
    strip = [i for i in below if i.bbox[1] < top + max(2.0, (i.bbox[3] - i.bbox[1]) * 0.5)]
    height = max(i.bbox[3] - i.bbox[1] for i in strip)
    return strip if top - t.bbox[3] <= 3 * height and any(is_caption(i.obj) for i in strip) else []


def _strips(items: list[Item]) -> list[list[Item]]:
    """Items grouped where their vertical extents overlap (allowing a sliver of overlap)."""
    out: list[list[Item]] = []
    bottom = None
    for it in sorted(items, key=lambda i: (i.bbox[1], i.bbox[0])):
        top, bot = it.bbox[1], it.bbox[3]
        slack = min(2.0, (bot - top) * 0.25)
        if out and bottom is not None and top < bottom - slack:
            out[-1].append(it)
            bottom = max(bottom, bot)
        else:
            out.append([it])
            bottom = bot
    return out


def _coverage(items: list[Item]) -> list[list[float]]:
    spans = sorted((i.bbox[0], i.bbox[2]) for i in items)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return merged


def gutters(items: list[Item], geo: Geometry) -> list[float]:
    """x positions of the column gutters among these items (empty list: one column)."""
    cov = _coverage(items)
    gaps = [(cov[k][1], cov[k + 1][0]) for k in range(len(cov) - 1)]
    ruled = {g for g in gaps if geo.rules and geo.ruled(g[0], g[1], items)}
    cuts = [g for g in gaps if g[1] - g[0] >= geo.gutter or g in ruled]

    def strength(cut: tuple[float, float]) -> float:  # a drawn rule outweighs any empty band
        return float("inf") if cut in ruled else cut[1] - cut[0]
    while cuts:
        edges = [cov[0][0], *[c for cut in cuts for c in cut], cov[-1][1]]
        widths = [edges[2 * k + 1] - edges[2 * k] for k in range(len(cuts) + 1)]

        def beside(k: int) -> list[tuple[float, float]]:  # the empty (unruled) cuts next to slice k
            return [c for c in (cuts[k - 1] if k > 0 else None, cuts[k] if k < len(cuts) else None)
                    if c is not None and c not in ruled]

        # a slice too narrow for a text column joins its neighbour across an empty gutter;
        # a slice between drawn rules is a column however narrow (a table's figures under their header)
        narrow = [k for k in range(len(widths)) if widths[k] < geo.min_column and beside(k)]
        if not narrow:
            return [(a + b) / 2 for a, b in cuts]
        k = min(narrow, key=lambda k: widths[k])
        cuts.remove(min(beside(k), key=strength))
    return []


def _laid_out(items: list[Item], cuts: list[float]) -> bool:
    """Every slice between the cuts holds a box or a table of its own (a flow of steps, each with notes under it),
    or one slice is mostly a box or a table (a table beside a point box): the frame is laid out in parts. A small
    box over plain lines (a heading tab over labels and their values) is no layout of columns."""
    edges = [float("-inf"), *cuts, float("inf")]
    slices = [[i for i in items if a <= (i.bbox[0] + i.bbox[2]) / 2 < b] for a, b in zip(edges, edges[1:], strict=False)]
    height = max(i.bbox[3] for i in items) - min(i.bbox[1] for i in items)
    parts = [[i for i in sl if i.children or i.block] for sl in slices]
    return all(parts) or any(sum(i.bbox[3] - i.bbox[1] for i in p) >= 0.6 * height for p in parts)


def _box_row(strip: list[Item], tol: float = 3.0) -> tuple[list[tuple[float, float]], float] | None:
    """(the x-extents, the height) of a strip made of two or more framed boxes side by side, aligned top and bottom
    (a row of slides printed several to a page); else None."""
    if len(strip) < 2 or not all(i.children and i.frame for i in strip):
        return None
    tops = [i.bbox[1] for i in strip]
    bottoms = [i.bbox[3] for i in strip]
    if max(tops) - min(tops) > tol or max(bottoms) - min(bottoms) > tol:
        return None
    # slides are landscape (4:3 to 16:9); a column's Q&A boxes or articles are not that shape as a rule
    if not all(1.2 <= (i.bbox[2] - i.bbox[0]) / max(i.bbox[3] - i.bbox[1], 1.0) <= 1.9 for i in strip):
        return None
    return sorted((i.bbox[0], i.bbox[2]) for i in strip), max(bottoms) - min(tops)


def _grid_rows(strips: list[list[Item]], tol: float = 3.0) -> set[int]:
    """The strips that are rows of a grid of boxes: a box row above or below another with the same columns and
    height (cells of one size: slides four to a page). A grid is read row by row (top left, top right, then the row
    under them), not column by column as text columns are — boxes of varying height in columns (an FAQ's Q&As) are
    columns."""
    rows = [_box_row(s, tol) for s in strips]

    def same(a: tuple[list[tuple[float, float]], float] | None, b: tuple[list[tuple[float, float]], float] | None) -> bool:
        if a is None or b is None or len(a[0]) != len(b[0]) or abs(a[1] - b[1]) > tol:
            return False
        return all(abs(x0 - y0) <= tol and abs(x1 - y1) <= tol for (x0, x1), (y0, y1) in zip(a[0], b[0], strict=True))

    return {k for k, r in enumerate(rows)
            if r and ((k > 0 and same(rows[k - 1], r)) or (k + 1 < len(rows) and same(rows[k + 1], r)))}


def _runs(strips: list[list[Item]], geo: Geometry) -> list[list[list[Item]]]:
    """Consecutive strips grouped into runs of one column structure; each row of a grid of boxes is a run of its
    own."""
    runs: list[list[list[Item]]] = []
    run_items: list[Item] = []
    run_cols = False
    grid = _grid_rows(strips)
    for k, strip in enumerate(strips):
        if k in grid or (k - 1) in grid:
            runs.append([strip])
            run_items = list(strip)
            run_cols = bool(gutters(run_items, geo))
            continue
        if not runs:
            runs.append([strip])
            run_items = list(strip)
            run_cols = bool(gutters(run_items, geo))
            continue
        cuts = gutters(run_items + strip, geo)
        joined = bool(cuts)
        alone = len(strip) > 1 and bool(gutters(strip, geo))
        # a run with columns goes on while its gutters stay free; a run of one column
        # ends where a strip brings columns of its own
        if run_cols:
            keep = len(cuts) >= len(gutters(run_items, geo)) and not _rule_ended(run_items, strip, geo)
        else:
            keep = not joined and not alone
        if keep:
            runs[-1].append(strip)
            run_items += strip
        else:
            runs.append([strip])
            run_items = list(strip)
            run_cols = bool(gutters(run_items, geo))
    return _reattach(runs, geo)


def _rule_ended(run_items: list[Item], strip: list[Item], geo: Geometry) -> bool:
    """The drawn rule between the run's columns stops above this strip: a newspaper's article set in columns
    under its own headline ends there, and the next article below (its columns ruled anew, or none) is read after
    it — not its first column after the first column of the article above."""
    if not geo.rules:
        return False
    top = min(i.bbox[1] for i in run_items)
    bottom = max(i.bbox[3] for i in run_items)
    below = min(i.bbox[1] for i in strip)
    # a rule drawn in pieces (broken for a line or two) goes on: only a break of more than two lines ends it
    lines = sorted(i.bbox[3] - i.bbox[1] for i in run_items)
    reach = 2 * lines[len(lines) // 2] + 2
    for x in gutters(run_items, geo):
        # the rules in this gutter beside the run's text (a drawn column separator, not a box's edge)
        beside = [(t, b) for rx, t, b in geo.rules
                  if abs(rx - x) <= geo.gutter and min(b, bottom) - max(t, top) >= (bottom - top) * 0.5]
        if not beside:
            continue
        end = max(b for _t, b in beside)
        for t, b in sorted((t, b) for rx, t, b in geo.rules if abs(rx - x) <= geo.gutter):
            if end < b and t <= end + reach:  # the next piece of the same rule
                end = b
        if end + 2 < below:
            return True
    return False


def _crosses(items: list[Item], cuts: list[float]) -> bool:
    return any(i.bbox[0] < x < i.bbox[2] for i in items for x in cuts)


def _reattach(runs: list[list[list[Item]]], geo: Geometry) -> list[list[list[Item]]]:
    """Strips at the end of a one-column run that fit the next run's columns move into it.

    The greedy pass cannot tell that a strip holding only the top of one column (or the
    tops of two columns too short to look like columns) belongs to the columns below it.
    """
    k = 0
    while k + 1 < len(runs):
        here, nxt = runs[k], runs[k + 1]
        flat_here = [i for s in here for i in s]
        cuts = gutters([i for s in nxt for i in s], geo)
        if cuts and not gutters(flat_here, geo):
            while here and not _crosses(here[-1], cuts):
                nxt.insert(0, here.pop())
            if not here:
                runs.pop(k)
                continue
        k += 1
    return runs


def reading_order(items: list[Item], geo: Geometry, box: bool = False, tables=None) -> list[Leaf]:
    """Leaves in reading order: columns left to right inside each run, runs top to bottom.

    `tables(strips) -> strips`, when given, may join strips that form a table drawn without
    lines into one block item; it sees each level (the page, then each column and box), so a
    table across the page is found before its label column is taken for a text column, and a
    table inside one column once the other column's prose is apart.
    """
    if not items:
        return []
    out: list[Leaf] = []
    strips = _strips(items)
    if tables is not None:
        strips = tables(strips)
    for run in _runs(strips, geo):
        flat = [i for s in run for i in s]
        cuts = gutters(flat, geo) if len(flat) > 1 else []
        if cuts and geo.outer is not None and not _laid_out(flat, cuts):
            # a frame's own measure splits only columns each led by a box or a table (a flow of steps with notes under
            # each); labels and their values in plain lines (「電話番号｜0123-…」) are read with the page's measure
            cuts = gutters(flat, geo.outer)
        if cuts:
            edges = [float("-inf"), *cuts, float("inf")]
            for a, b in zip(edges, edges[1:], strict=False):
                col = [i for i in flat if a <= (i.bbox[0] + i.bbox[2]) / 2 < b]
                out.extend(reading_order(col, geo, box, tables))
            continue
        rows: list[list[Item]] = []
        for strip in run:
            row: list[Item] = []
            for it in sorted(strip, key=lambda i: i.bbox[0]):
                if not (it.children or it.block):
                    row.append(it)
                    continue
                if row:
                    rows.append(row)
                    row = []
                if rows:
                    out.append(Leaf(rows, box))
                    rows = []
                # a frame laid out in boxes and tables of its own (a slide: a flow of steps with notes under each, a
                # table beside a point box) has columns as narrow as its parts; a frame of text alone (a list of
                # names and phone numbers) keeps the page's measure, so a name and its number stay one line
                laid_out = it.frame and any(c.children or c.block for c in it.children)
                inner = geo.within(it.bbox[2] - it.bbox[0]) if laid_out else geo
                out.extend(reading_order(it.children, inner, box or it.frame, tables) if it.children
                           else [Leaf([[it]], box)])
            if row:
                rows.append(row)
        if rows:
            out.append(Leaf(rows, box))
    return out
