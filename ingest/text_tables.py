"""Tables drawn with characters: an e-mail or a plain-text notice printed to PDF draws its grid with box-drawing
characters (┌─┬─┐ │区分│上限額│ ├─┼─┤ └─┴─┘) or ASCII (+---+---+ |区分|上限額|). The PDF has no ruling lines,
so the lines of such a table reach the structure as prose; read as a grid here, a row is one row and a cell
wrapped onto the next line (「みなせ市（さやか町と共」 / 「同）」) is one cell.

Pure functions over the lines' text; ``with_text_tables`` replaces such runs in a page's blocks."""

from __future__ import annotations

import re

BARS = "│┃|｜"
_RULE = re.compile(r"[\s\u3000]*[┌┐└┘├┤┬┴┼─━═╋┣┫┳┻┏┓┗┛╔╗╚╝╠╣╦╩╬\-+=＋－|│┃]+[\s\u3000]*")
_MD_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?")
_ROW = re.compile(rf"^[\s\u3000]*[{BARS}].*[{BARS}][\s\u3000]*$")


def is_rule(text: str) -> bool:
    """A line drawn only with rule characters and a corner or crossing among them (┌──┬──┐, ├──┼──┤, +----+----+),
    or a Markdown table's header rule (|---|---|). A run of ─ alone is a separator, not a table's border."""
    t = text.strip()
    if _MD_RULE.fullmatch(t):
        return True  # a Markdown table's rule under its header (|---|:---:|)
    return bool(t) and bool(_RULE.fullmatch(t)) and (bool(re.search(r"[┌┐└┘├┤┬┴┼╋┣┫┳┻┏┓┗┛╔╗╚╝╠╣╦╩╬+＋]", t))
                                                      and len(t) >= 3)


def row_cells(text: str) -> list[str] | None:
    """The cells of a line drawn between bars (│区分　│上限額│), spaces that pad them stripped; None for another line."""
    if not _ROW.match(text):
        return None
    inner = text.strip().strip("\u3000")[1:-1]
    cells = [c.strip().strip("\u3000").strip() for c in re.split(rf"[{BARS}]", inner)]
    return cells if len(cells) >= 2 else None


def grid(texts: list[str]) -> list[list[str]] | None:
    """The rows of a table drawn with characters, from its lines in order; None unless it is one (two columns and
    two rows at least). Lines between two rules are one row when the later ones only continue its cells (the first
    cell empty, or every cell but the first empty: a note mark 「※２」 under a label); otherwise each is a row."""
    rows: list[list[str]] = []
    width = 0
    fresh = True  # a rule was just drawn: the next line opens a row
    # a Markdown table (its header rule |---|) writes each row on its line; a table drawn with box characters in
    # fixed-width text wraps a long cell onto the next line
    markdown = any(_MD_RULE.fullmatch(t.strip()) for t in texts)
    for text in texts:
        if is_rule(text):
            fresh = True
            continue
        cells = row_cells(text)
        if cells is None:
            return None
        width = max(width, len(cells))
        if rows and not fresh and not markdown and len(cells) == len(rows[-1]) and _continues(cells):
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
        fresh = False
    # a table cut by the page break: its head alone, the rule under it still open (├──┼──┤, not └──┴──┘), goes
    # on on the next page
    open_end = bool(texts) and is_rule(texts[-1]) and not re.search(r"[└┘┴┗┛╚╝╩]", texts[-1])
    if width < 2 or len(rows) < (1 if open_end else 2):
        return None
    return [r + [""] * (width - len(r)) for r in rows]


def _continues(cells: list[str]) -> bool:
    filled = [bool(c) for c in cells]
    return any(filled) and (not filled[0] or not any(filled[1:]))


def runs(texts: list[str]) -> list[tuple[int, int, list[list[str]]]]:
    """(first, last, grid) of each run of three lines or more drawn as a table (rules and bar rows), with one
    rule at least (lines that only open and close with 「|」 are no table)."""
    out: list[tuple[int, int, list[list[str]]]] = []
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and (is_rule(texts[j]) or row_cells(texts[j]) is not None):
            j += 1
        rows = grid(texts[i:j]) if j - i >= 3 and any(is_rule(t) for t in texts[i:j]) else None
        if rows is not None:
            out.append((i, j - 1, rows))
        i = max(j, i + 1)
    return out
