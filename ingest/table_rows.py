"""The rows of a Markdown table in a passage, each as a short labelled text for its own vector.

A table passage's one vector averages all its rows (a Gantt chart's twenty tasks, a budget's ten lines), and its
rows were never embedded on their own, so a question about one row met the table only through that blurred vector
and a long, mostly empty, lexical text. Each data row read under its column labels (「取組：…　担当：…　成果物：…」)
is what a question about that row resembles. Pure text processing: no model here.
"""

from __future__ import annotations

from .clean import squash


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip() for c in inner.split("|")]


def _separator(line: str) -> bool:
    cells = _cells(line)
    return bool(cells) and all(c and set(c) <= set("-: ") for c in cells)


def _labels(header: list[str]) -> list[str]:
    """Column labels from the header row; a label spanning empty header cells to its right (「令和8年度」 over its
    four quarters) names them too."""
    out: list[str] = []
    last = ""
    for c in header:
        last = c or last
        out.append(last)
    return out


def labelled_row(labels: list[str], cells: list[str]) -> str:
    """「label：cell」 for each filled cell (the cell alone where it has no label or repeats it), in column order."""
    parts = []
    for j, c in enumerate(cells):
        if not c:
            continue
        lab = labels[j] if j < len(labels) else ""
        parts.append(f"{lab}：{c}" if lab and lab != c else c)
    return "　".join(parts)


def table_row_texts(text: str, min_chars: int = 8) -> list[tuple[str, str]]:
    """(row line as stored, row read under its labels) for each data row of each Markdown table in ``text``.

    A table is a run of lines starting with 「|」 whose second line is the separator; its first line is the header,
    and rows right under it with an empty first cell over several labels continue the header.
    Rows with less than ``min_chars`` characters of content are left out (a row of dashes says nothing)."""
    lines = text.split("\n")
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|") and i + 1 < len(lines) and _separator(lines[i + 1]):
            labels = _labels(_cells(lines[i]))
            j = i + 2
            # a second header row (quarters under years): its row-name cell is empty and it labels several columns
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                sub = _cells(lines[j])
                if sub[0] or sum(1 for c in sub if c) < 2:
                    break
                sub += [""] * (len(labels) - len(sub))
                labels = [" ".join(x for x in (lab, c) if x) for lab, c in zip(labels, sub[: len(labels)], strict=True)]
                j += 1
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                row = labelled_row(labels, _cells(lines[j]))
                if len(squash(row)) >= min_chars:
                    out.append((lines[j].strip(), row))
                j += 1
            i = j
        else:
            i += 1
    return out
