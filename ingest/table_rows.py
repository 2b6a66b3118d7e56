"""The rows of a Markdown table in a passage, each as a short labelled text for its own vector.

A table passage's one vector averages all its rows (a Gantt chart's twenty tasks, a budget's ten lines), and its
rows were never embedded on their own, so a question about one row met the table only through that blurred vector
and a long, mostly empty, lexical text. Each data row read under its column labels (「取組：…　担当：…　成果物：…」)
is what a question about that row resembles. Pure text processing: no model here.
"""

from __future__ import annotations

import re

from .clean import squash

# a row needs this many characters of content (its cells, not its labels, nor dashes standing for no value)
MIN_ROW_CHARS = 2
_NO_VALUE = re.compile(r"^[-－―—‐ー−・…\s]*$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip() for c in inner.split("|")]


def is_separator(line: str) -> bool:
    """A Markdown table's rule under its header (|---|---|), as ingest/chunk.py writes it."""
    cells = _cells(line)
    return line.lstrip().startswith("|") and bool(cells) and all(re.fullmatch(r":?-{3,}:?", c) for c in cells)


def _labels(header: list[str]) -> list[str]:
    """Column labels from the header row; a label spanning empty header cells to its right (「令和8年度」 over its
    four quarters) names them too."""
    out: list[str] = []
    last = ""
    for c in header:
        last = c or last
        out.append(last)
    return out


def _continues_header(header: list[str], row: list[str]) -> bool:
    """A second header row (quarters under the years spanning them): its first cell is empty, it fills at least two
    cells, and at least one of them stands under a header cell left empty by a span. A data row whose group cell is
    printed only on the row above (「|  | 家賃補助 | 5万円 |」) fills no such cell."""
    if not row or row[0] or sum(1 for c in row if c) < 2:
        return False
    return any(c and k < len(header) and not header[k] for k, c in enumerate(row))


def labelled_row(labels: list[str], cells: list[str]) -> str:
    """「label：cell」 for each filled cell (the cell alone where it has no label or repeats it), in column order."""
    parts = []
    for j, c in enumerate(cells):
        if not c:
            continue
        lab = labels[j] if j < len(labels) else ""
        parts.append(f"{lab}：{c}" if lab and lab != c else c)
    return "　".join(parts)


def _content(cells: list[str]) -> int:
    return len(squash("".join(c for c in cells if not _NO_VALUE.match(c))))


def table_row_texts(text: str) -> list[tuple[str, str]]:
    """(row line as stored, row read under its labels) for each data row of each Markdown table in ``text``.

    A table is a run of lines starting with 「|」 whose second line is the separator; its first line is the header,
    and rows right under it that fill cells a spanning header cell left empty continue the header. A line followed by
    a separator starts the next table. Rows with less than MIN_ROW_CHARS characters of content (dashes, empty cells)
    are left out."""
    lines = text.split("\n")
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        if not (lines[i].lstrip().startswith("|") and i + 1 < len(lines) and is_separator(lines[i + 1])):
            i += 1
            continue
        header = _cells(lines[i])
        labels = _labels(header)
        j = i + 2
        while j + 1 < len(lines) and lines[j + 1].lstrip().startswith("|") and _continues_header(header, _cells(lines[j])):
            sub = _cells(lines[j])[: len(labels)]
            sub += [""] * (len(labels) - len(sub))
            labels = [" ".join(x for x in (lab, c) if x) for lab, c in zip(labels, sub, strict=True)]
            j += 1
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            if j + 1 < len(lines) and is_separator(lines[j + 1]):
                break  # the header of the next table
            cells = _cells(lines[j])
            if not is_separator(lines[j]) and _content(cells) >= MIN_ROW_CHARS:
                out.append((lines[j].strip(), labelled_row(labels, cells)))
            j += 1
        i = j
    return out
