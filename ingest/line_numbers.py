"""Line numbers printed in a page's margin (Word's 行番号, a legal draft's or a 見え消し版's numbered lines).

They are furniture: a column of small integers counting down the page, left (or right) of every other text on
their rows. Left in, each number is read into the line it numbers, or as a line of its own between two halves of a
sentence (「…次3 に掲げる書類」). They are found by their shape, not by any document's wording: a run of at least
MIN_RUN numbers sharing a right (or left) edge, rising by one from row to row, each standing apart from the
text of its row and printed smaller than it (or, when the same size, numbering a long run of rows in a margin
that no other text enters). A "No." column of an unruled table is printed at the text's size where the prose
above and below it starts, and is kept.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median

MIN_RUN = 5  # fewer numbers than this are a short numbered list, not line numbering
SAME_SIZE_RUN = 15  # numbers as large as the text count as line numbers only over this many rows
EDGE_SLACK = 3.0  # points: numbers of one column share their aligned edge within this
STEP_SHARE = 0.8  # share of consecutive numbers that must rise by exactly one


def _tokens(chars: list[dict]) -> list[list[dict]]:
    """Runs of digit characters on one baseline, with no gap between them wider than half a character."""
    digits = sorted((c for c in chars if c["text"].isdigit() and c["text"].isascii()),
                    key=lambda c: (round(c["bottom"], 1), c["x0"]))
    runs: list[list[dict]] = []
    for c in digits:
        last = runs[-1][-1] if runs else None
        if last is not None and abs(last["bottom"] - c["bottom"]) < 0.5 and 0 <= c["x0"] - last["x1"] < c["size"] * 0.5:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _apart(run: list[dict], others: list[dict]) -> tuple[bool, float | None]:
    """Whether the run stands at one end of its row (nothing between it and the page's edge on that side, a gap
    of at least half its height to the row's text), and the size of the row's text (None: a row of its own)."""
    top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
    x0, x1 = run[0]["x0"], run[-1]["x1"]
    size = max(c["size"] for c in run)
    row = [c for c in others if c["text"].strip() and c["top"] < bottom + size * 0.5 and c["bottom"] > top - size * 0.5]
    if not row:
        return True, None
    left = [c for c in row if c["x1"] <= x0]
    right = [c for c in row if c["x0"] >= x1]
    if len(left) + len(right) < len(row):
        return False, None  # text overlapping it: part of a line
    gap = size * 0.5
    ok = (not left and min(c["x0"] for c in right) - x1 >= gap) or (not right and x0 - max(c["x1"] for c in left) >= gap)
    return ok, median(c["size"] for c in row)


def _in_margin(col: list[list[dict]], others: list[dict]) -> bool:
    """Numbers as large as the text are line numbers only in a margin of their own: every other text of the page
    stands to one side of them (a table's No. column starts where the prose above and below it starts)."""
    x0 = min(r[0]["x0"] for r in col)
    x1 = max(r[-1]["x1"] for r in col)
    ink = [c for c in others if c["text"].strip()]
    return bool(ink) and (all(c["x0"] >= x1 for c in ink) or all(c["x1"] <= x0 for c in ink))


def line_number_chars(chars: list[dict]) -> set[int]:
    """ids (``id(char)``) of the characters that print line numbers on this page."""
    runs = [r for r in _tokens(chars) if len(r) <= 3]
    if len(runs) < MIN_RUN:
        return set()
    member = {id(c) for r in runs for c in r}
    others = [c for c in chars if id(c) not in member]
    found: set[int] = set()
    for edge in ("x1", "x0"):  # right-aligned numbers share x1, left-aligned ones x0
        columns: dict[int, list[list[dict]]] = defaultdict(list)
        for r in runs:
            key = r[-1]["x1"] if edge == "x1" else r[0]["x0"]
            columns[round(key / EDGE_SLACK)].append(r)
        merged: dict[int, list[list[dict]]] = defaultdict(list)
        for k in sorted(columns):  # neighbouring buckets are one column (an edge on a bucket's border)
            target = k - 1 if merged.get(k - 1) else k
            merged[target] += columns[k]
        for col in merged.values():
            if len(col) < MIN_RUN:
                continue
            col.sort(key=lambda r: r[0]["top"])
            values = [int("".join(c["text"] for c in r)) for r in col]
            steps = [b - a for a, b in zip(values, values[1:], strict=False)]
            if sum(s == 1 for s in steps) < STEP_SHARE * len(steps):
                continue
            smaller = 0
            standing = True
            for r in col:
                apart, row_size = _apart(r, others)
                if not apart:
                    standing = False
                    break
                if row_size is not None and max(c["size"] for c in r) < row_size * 0.95:
                    smaller += 1
            if not standing:
                continue
            if smaller >= STEP_SHARE * len(col) or (len(col) >= SAME_SIZE_RUN and _in_margin(col, others)):
                found |= {id(c) for r in col for c in r}
    return found


def without_line_numbers(chars: list[dict]) -> list[dict]:
    """The page's characters without its line numbers (all of them when it has none)."""
    drop = line_number_chars(chars)
    return [c for c in chars if id(c) not in drop] if drop else chars
