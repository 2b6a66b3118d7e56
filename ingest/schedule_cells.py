"""pdfplumber's cells of a schedule repaired: a Gantt chart's bars and labels cut and cross the cells of its grid.

The top and bottom edges of a bar cut the cells it spans into strips, read as rows of their own; a bar's label
runs over a month's rule and is cut in two; in a body drawn without month rules, every label of a task's row falls
into one cell spanning the timeline. Each function takes a table's cell texts and boxes (pdfplumber's
`t.extract()` and `row.cells`) with the page's characters or filled shapes, and is pure.
"""

from __future__ import annotations

import unicodedata


def without_nested_rows(raw: list[list[str | None]], boxes: list[list], bars: list[dict]) -> list[int]:
    """Rows that lie inside a row above, in a few of its columns only, cut off by a bar's edge: the top and bottom
    edges of a bar drawn across a schedule's month columns (a Gantt chart) cut the cells it spans into strips, which
    pdfplumber reads as rows of their own. Their text goes back into that row's cell of the same column. (Rows a
    ruled line divides under a merged cell — a group's items beside its name — are rows.) The rows kept, by index;
    `raw` takes the strips' text."""
    keep: list[int] = []
    lefts = sorted({round(c[0], 1) for cells in boxes for c in cells if c is not None})
    for r, cells in enumerate(boxes):
        present = [c for c in cells if c is not None]
        # a strip a bar cut is one column wide; a band across the columns (a phase's title row) is a row
        if any(next((x for x in lefts if x > c[0] + 1.0), c[2]) < c[2] - 1.0 for c in present):
            keep.append(r)
            continue
        # (the row's own height is that of most of its cells: a name merged down over the rows below makes one cell
        # tall, and those rows are rows)
        parent = next((p for p in reversed(keep) if present and _usual_span(boxes[p]) is not None
                       and _usual_span(boxes[p])[0] - 0.5 <= min(c[1] for c in present)
                       and max(c[3] for c in present) <= _usual_span(boxes[p])[1] + 0.5), None)
        # (a strip starts or ends at the edge of a bar drawn across it)
        top, bottom = (min(c[1] for c in present), max(c[3] for c in present)) if present else (0.0, 0.0)
        cut = any((abs(b["top"] - top) <= 1.0 or abs(b["bottom"] - bottom) <= 1.0
                   or abs(b["bottom"] - top) <= 1.0 or abs(b["top"] - bottom) <= 1.0)
                  and b["x0"] <= min(c[2] for c in present) and b["x1"] >= max(c[0] for c in present)
                  for b in bars) if present else False
        if parent is None or 2 * len(present) >= len(cells) or not cut:
            keep.append(r)
            continue
        for k, c in enumerate(cells):
            text = raw[r][k] if k < len(raw[r]) else None
            if c is not None and text and text.strip() and k < len(raw[parent]):
                raw[parent][k] = ((raw[parent][k] or "") + text).strip()
    return keep


def _usual_span(cells: list) -> tuple[float, float] | None:
    present = sorted(c[3] for c in cells if c is not None)
    return (min(c[1] for c in cells if c is not None), present[len(present) // 2]) if present else None


def _row_span(cells: list) -> tuple[float, float] | None:
    present = [c for c in cells if c is not None]
    return (min(c[1] for c in present), max(c[3] for c in present)) if present else None


def with_overflow_joined(raw: list[list[str | None]], boxes: list[list], chars: list[dict]) -> list[list]:
    """A one-line label printed across a cell's rule (a bar's label in a Gantt chart running over the next month,
    「不動産・福 | 祉団体を訪問」) is read whole in the cell it starts in: a table's own text never straddles its rules,
    so a character cut by the rule between two cells joins their text (over as many rules as it runs)."""
    present = [c for cells in boxes for c in cells if c is not None]
    if not present:
        return raw
    x0, top0 = min(c[0] for c in present), min(c[1] for c in present)
    x1, bottom0 = max(c[2] for c in present), max(c[3] for c in present)
    # (words run over a rule; an arrow or a mark set on it, 「4市町 → 13市町村」 across 現状｜目標, joins nothing)
    inside = [c for c in chars if c["text"].strip() and x0 - 1 <= c["x0"] and c["x1"] <= x1 + 1
              and top0 - 1 <= c["top"] and c["bottom"] <= bottom0 + 1
              and not unicodedata.category(c["text"][0]).startswith("S")]
    for r, cells in enumerate(boxes):
        band = _row_span(cells)
        if band is None:
            continue
        line = [c for c in inside if band[0] <= (c["top"] + c["bottom"]) / 2 <= band[1]]
        emptied: set[int] = set()  # cells whose text a join carried left
        for k in range(len(cells) - 1):
            left = cells[k]
            if left is None or k in emptied or k >= len(raw[r]) or not raw[r][k] or "\n" in (raw[r][k] or ""):
                continue
            n = k
            while True:  # carried on over the next rule while the label runs over it
                n = next((j for j in range(n + 1, len(cells)) if cells[j] is not None), None)
                if n is None or n >= len(raw[r]) or not raw[r][n] or "\n" in raw[r][n]:
                    break
                right = cells[n]
                # (the band of the two cells: a strip of the row that a bar cut is still the row's)
                x, top, bottom = right[0], min(left[1], right[1]), max(left[3], right[3])
                row = [c for c in line if top <= (c["top"] + c["bottom"]) / 2 <= bottom
                       and x - 40.0 < c["x1"] and c["x0"] < x + 40.0]
                cut = any(c["x0"] < x - 1.0 and c["x1"] > x + 1.0 for c in row)
                # (or the rule falls between two characters set as one run: no gap wider than the run's own)
                before = max((c for c in row if c["x1"] <= x + 1.0), key=lambda c: c["x1"], default=None)
                after = min((c for c in row if c["x0"] >= x - 1.0 and c is not before), key=lambda c: c["x0"],
                            default=None)
                tight = (before is not None and after is not None
                         and abs(before["top"] - after["top"]) <= before["size"] * 0.3
                         and after["x0"] - before["x1"] <= before["size"] * 0.15)
                if not (cut or tight):
                    break
                raw[r][k], raw[r][n] = raw[r][k] + raw[r][n], ""
                emptied.add(n)
    return raw


def with_labels_binned(raw: list[list[str | None]], boxes: list[list], chars: list[dict], marks: list[dict]
                       ) -> list[list]:
    """A Gantt chart whose body has no rules between its months: a task's row is one cell across the whole timeline,
    and its labels (a bar's 「説明会（R8.6.12）」, a milestone's 「◆設立総会（R9.2）」) would all read as the first
    month's. Each label goes to the column (month, quarter) where it starts — where the bar or the marker drawn
    just before it starts, if one is — as the header's columns divide the page."""
    lefts: dict[int, float] = {}
    for cells in boxes:
        for j, c in enumerate(cells):
            if c is not None:
                lefts[j] = min(lefts.get(j, c[0]), c[0])
    present = [c for cells in boxes for c in cells if c is not None]
    if not present:
        return raw
    top0, bottom0 = min(c[1] for c in present), max(c[3] for c in present)
    chars = [c for c in chars if c["text"].strip() and top0 - 1 <= c["top"] and c["bottom"] <= bottom0 + 1]
    marks = [m for m in marks if m.get("fill") and m["bottom"] >= top0 and m["top"] <= bottom0]
    for r, cells in enumerate(boxes):
        if r == 0:
            continue  # the header: a title over several columns is theirs, not the first one's
        for k, cell in enumerate(cells):
            if cell is None or k >= len(raw[r]) or not raw[r][k] or "\n" in (raw[r][k] or ""):
                continue
            n = next((j for j in range(k + 1, len(cells)) if cells[j] is not None), len(cells))
            if n - k < 2 or not all(j in lefts for j in range(k, n)):
                continue
            # the columns the cell covers are a timeline: one header row names each of them (4～6月, 7～9月 …)
            if not any(all(j < len(raw[h]) and raw[h][j] for j in range(k, n)) for h in range(min(2, r))):
                continue
            band = sorted((c for c in chars if cell[1] <= (c["top"] + c["bottom"]) / 2 <= cell[3]), key=lambda c: c["x0"])
            ink = [c for c in band if cell[0] <= (c["x0"] + c["x1"]) / 2 <= cell[2]]
            # (a label running on past the cell, read into it above, is read whole)
            for c in band:
                if ink and c["x0"] > ink[-1]["x0"] and (c["x0"] + c["x1"]) / 2 > cell[2] \
                        and c["x0"] - ink[-1]["x1"] <= 0.2 * c["size"] and abs(c["top"] - ink[-1]["top"]) <= 1.0:
                    ink.append(c)
            if not ink or len({round(c["top"]) for c in ink}) > 2:
                continue
            pieces: list[list[dict]] = [[ink[0]]]
            for c in ink[1:]:
                if c["x0"] - pieces[-1][-1]["x1"] > 1.5 * c["size"]:
                    pieces.append([c])
                else:
                    pieces[-1].append(c)
            if len(pieces) == 1 and abs((ink[0]["x0"] - cell[0]) - (cell[2] - ink[-1]["x1"])) <= ink[0]["size"]:
                continue  # one text set in the middle of its cell: a group's title, not a label where a bar starts
            binned: dict[int, list[str]] = {}
            marked = False  # a bar or a marker drawn in the cell: a Gantt chart's row, not a note over the columns
            for piece in pieces:
                start, size = piece[0]["x0"], piece[0]["size"]
                top, bottom = min(c["top"] for c in piece), max(c["bottom"] for c in piece)
                # the bar behind it or the marker right before it (its fill reaches the label's line)
                drawn = [m["x0"] for m in marks if m["top"] <= bottom and m["bottom"] >= top
                         and cell[0] - 1 <= m["x0"] < start and start - 1.5 * size <= m["x1"] <= piece[-1]["x1"] + 1
                         and m["x1"] - m["x0"] < cell[2] - cell[0] - 1]
                # (a milestone's ◆ / ★ / ▲ printed as a character marks it as well as a drawn one)
                marked = marked or bool(drawn) or unicodedata.category(piece[0]["text"][0]) in ("So", "Sm")
                start = min(drawn) if drawn else start
                # (only to a column the header names: a month, a quarter — not a strip left of the task's name)
                j = max((j for j in range(k, n) if lefts[j] <= start + 1.0), default=k)
                binned.setdefault(j, []).append("".join(c["text"] for c in piece))
            if list(binned) == [k] or not marked:
                continue
            for j in range(k, n):
                raw[r][j] = " ".join(binned.get(j, [])) if j in binned else ("" if j == k else raw[r][j])
    return raw
