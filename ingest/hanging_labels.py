"""Labels in a column of their own beside the text they head: a speaker column in minutes.

Minutes, Q&A sheets and 要綱 tables without rules often print the speaker (「部会長」「事務局（住宅政策課長）」) in a
narrow left column and the remark in a column to its right, whose wrapped lines all start at one x. A label too
long for its column wraps onto the second and third line — beside the remark's second and third line. Read line by
line, that piece lands inside the remark (「…前年（住宅政策課長） 度より…」) and the sentence is broken. Here such a
piece goes back to its label, before the remark it heads: a piece in the label column right under another one, beside
a remark that goes on (its line above runs to the column's right edge) or beside nothing. A new label starts where the
remark before it ended short of the edge; a list marker (「（2）」「②」「・」) is never a label's piece, nor is the end of
a line that ran across both columns (an interview's 「――…」 question wrapping to 「か。」).

Pure geometry over the rows of one reading-order block: testable without a PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

# a list item's own marker at the left edge: an item of its own, never the rest of a label above it
_MARKER = re.compile(r"[（(]?\s*(?:\d{1,3}|[０-９]{1,3}|[一二三四五六七八九十]{1,3}|[ア-ン]|[a-zA-Z])\s*[）).．、]?|"
                     r"[①-⑳㉑-㉟・●○■◆◇□※▪–-]|第\s*\d+\s*[条章節項]")


class _Part(Protocol):
    bbox: tuple[float, float, float, float]
    obj: object


def _text(part: _Part) -> str:
    return getattr(part.obj, "text", "") or ""


def _size(part: _Part) -> float:
    return getattr(part.obj, "size", 0.0) or 10.0


def body_column(rows: list[list[_Part]], left: float, right: float) -> float | None:
    """The x where the text column beside a label column starts: the start of at least two wrapped lines
    (rows that begin there) and of the text after a label starting at the block's left edge in at least two rows.
    None where the block has no such column (or the label column would be over 40 % of the block)."""
    size = max((_size(p) for r in rows for p in r), default=10.0)
    tol = max(size * 0.25, 1.5)
    starts = Counter(round(r[0].bbox[0]) for r in rows if r and r[0].bbox[0] > left + size * 2)
    for x, n in starts.most_common(3):
        if n < 2 or x - left > (right - left) * 0.4:
            continue
        labelled = sum(1 for r in rows if len(r) >= 2 and abs(r[0].bbox[0] - left) <= tol
                       and any(abs(p.bbox[0] - x) <= tol for p in r[1:]) and r[0].bbox[2] < x - size * 0.5)
        if labelled >= 2:
            return float(x)
    return None


def regrouped(rows: list[list[_Part]], left: float, right: float) -> list[list[_Part]]:
    """The rows with each wrapped piece of a label moved up beside the label's first piece (before the text it
    heads). Rows of a block without a label column come back as they were."""
    if len(rows) < 3 or any(not hasattr(p.obj, "text") for r in rows for p in r):
        return rows
    x = body_column(rows, left, right)
    if x is None:
        return rows
    out: list[list[_Part]] = []
    head = None  # index in out of the row holding the current label's first piece
    body_full = False  # the text of the row above runs to the column's right edge: the same paragraph goes on
    label_above = False  # the row above has a piece in the label column: a label wraps line by line
    for row in rows:
        size = max(_size(p) for p in row)
        label = [p for p in row if p.bbox[2] <= x - size * 0.5]
        body = [p for p in row if p.bbox[2] > x - size * 0.5]
        at_left = bool(label) and abs(label[0].bbox[0] - left) <= max(size * 0.25, 1.5)
        piece = " ".join(_text(p) for p in label).strip()
        continued = (head is not None and at_left and label_above and not _MARKER.fullmatch(piece.replace(" ", ""))
                     and (not body or body_full))
        if continued:
            target = out[head]
            n_label = sum(1 for p in target if p.bbox[2] <= x - size * 0.5)
            out[head] = [*target[:n_label], *label, *target[n_label:]]
            if body:
                out.append(body)
        else:
            out.append(row)
            if label and at_left and body:
                head = len(out) - 1
            elif label and not body:
                head = None  # a line of its own at the left edge (a heading): no label goes on past it
        if body:
            body_full = max(p.bbox[2] for p in body) >= right - size * 2
        label_above = bool(label) and at_left
    return out
