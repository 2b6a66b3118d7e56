"""Withheld words: filled boxes set in a line of text (a partly disclosed record's 黒塗り).

A record released under a disclosure ordinance prints a solid box where a name or a figure was withheld
(「出席者は県住宅課の■■■主査と…」). The box leaves a gap in the line as wide as the words it hides, and where
two lines have their boxes one above the other the gaps look like a gutter: the page was read as two columns,
the left halves of both lines before the right halves. A box in a line is part of the line; the reader keeps
the line's two sides together (a space stands for the box: nothing is read from it).

A box counts when it is filled, about one line high, outside a table, and has text of that line right beside
it on either side (within two characters), its band holding the text's middle.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]


def _inside(x: float, y: float, boxes: list[Box]) -> bool:
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def withheld_boxes(rects: list[dict], chars: list[dict], tables: list[Box]) -> list[Box]:
    """The filled boxes set inside lines of text, as (x0, top, x1, bottom)."""
    ink = [c for c in chars if c.get("text", "").strip() and c.get("upright", True)]
    out: list[Box] = []
    for r in rects:
        if not r.get("fill"):
            continue
        x0, top, x1, bottom = r["x0"], r["top"], r["x1"], r["bottom"]
        h = bottom - top
        if h < 4.0 or x1 - x0 < 4.0 or _inside((x0 + x1) / 2, (top + bottom) / 2, tables):
            continue
        for c in ink:
            size = max(c["size"], 1.0)
            mid = (c["top"] + c["bottom"]) / 2
            if not (top <= mid <= bottom and 0.6 * size <= h <= 2.0 * size and x1 - x0 >= 0.8 * size):
                continue
            if x0 - 2 * size <= c["x1"] <= x0 + 0.5 * size or x1 - 0.5 * size <= c["x0"] <= x1 + 2 * size:
                # no char under the box: a box behind words (a marker, a shaded label) is no gap in the line
                if not any(x0 < (d["x0"] + d["x1"]) / 2 < x1 and top <= (d["top"] + d["bottom"]) / 2 <= bottom
                           for d in ink):
                    out.append((x0, top, x1, bottom))
                break
    return out
