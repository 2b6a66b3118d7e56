"""Footnote reference marks: the small raised number a word processor prints after a word (「…法¹に基づき」).

pdfplumber keeps them in the text layer at their raised position, and they read as part of the line:
「住宅セーフティネット法1に基づき」, 「…80万円）である7。」, 「第167条の2第1項第2号10を根拠として」. A mark glued to a
figure or an article number changes what the sentence says, and a search for 「法に基づき」 no longer finds it.
They are found by their shape, not by any document's wording: a run of digits (or ※, *, 注 and brackets)
printed clearly smaller than the character it follows on the same line and raised above that character's
baseline. A mark opening a line is a footnote's own number at the page foot (「⁹ 県は、…」), and is kept; so is a
mark with a sign of its own (「注1」, 「3)」), which cannot be read as part of a figure.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

DIGITS = set("0123456789０１２３４５６７８９")
MARK_CHARS = DIGITS | set("※*＊注()（）")
SIZE_RATIO = 0.85  # a mark is printed at most this share of its host character's size
RAISE = 0.2  # and its bottom stands at least this share of the host's size above the host's bottom
GAP = 0.6  # at most this share of the host's size between the host's right edge and the mark


def _is_small_raised(c: dict, host: dict) -> bool:
    size = max(host["size"], 1.0)
    return (c["size"] <= size * SIZE_RATIO and c["bottom"] <= host["bottom"] - size * RAISE
            and c["top"] >= host["top"] - size * 0.3)


def reference_mark_chars(chars: list[dict]) -> set[int]:
    """Indexes (into chars) of the characters of footnote reference marks."""
    candidates = [i for i, c in enumerate(chars) if c["text"] in MARK_CHARS]
    if not candidates:
        return set()
    # the characters by their right edge, so each candidate looks only at those ending just before it
    by_x1 = sorted((c["x1"], j) for j, c in enumerate(chars) if c["text"].strip())
    edges = [x for x, _j in by_x1]
    reach = max((c["size"] for c in chars), default=1.0) * GAP
    marks: set[int] = set()
    for i in sorted(candidates, key=lambda i: chars[i]["x0"]):
        c = chars[i]
        # the character right before it on its line (the nearest one ending at or before it)
        near = by_x1[bisect_left(edges, c["x0"] - reach):bisect_right(edges, c["x0"] + 0.5)]
        left = [j for _x, j in near if j != i and -0.5 <= c["x0"] - chars[j]["x1"] <= max(chars[j]["size"], 1.0) * GAP
                and chars[j]["top"] - chars[j]["size"] <= c["top"] <= chars[j]["bottom"]]
        if not left:
            continue
        j = max(left, key=lambda k: chars[k]["x1"])
        h = chars[j]
        if j in marks:  # the next character of a mark already found (「10」, 「※1」)
            if abs(h["size"] - c["size"]) < 0.3 and abs(h["bottom"] - c["bottom"]) < 0.5:
                marks.add(i)
        elif _is_small_raised(c, h) and not (h["text"].isascii() and h["text"].isalpha()):
            marks.add(i)  # (after a Latin letter it is an exponent or a unit: m², km³, R²)
    return marks


def _runs(chars: list[dict], marks: set[int]) -> list[list[int]]:
    """The marks grouped into the runs printed together (「1」「0」 of 「10」)."""
    runs: list[list[int]] = []
    for i in sorted(marks, key=lambda i: (round(chars[i]["bottom"], 1), chars[i]["x0"])):
        last = chars[runs[-1][-1]] if runs else None
        c = chars[i]
        if last is not None and abs(last["bottom"] - c["bottom"]) < 0.5 and -0.5 <= c["x0"] - last["x1"] <= c["size"] * 0.5:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs



def _text_goes_on(chars: list[dict], run: list[int]) -> bool:
    """Small text goes on right after the run, at its size and on its baseline: the run opens smaller text set
    beside a large heading (「申込期限」 then a smaller 「10月31日」), not a mark, after which the text returns to
    its own size or ends."""
    last = chars[run[-1]]
    members = set(run)
    return any(k not in members and c["text"].strip() and -0.5 <= c["x0"] - last["x1"] <= last["size"] * 0.6
               and abs(c["size"] - last["size"]) < 0.3 and abs(c["bottom"] - last["bottom"]) < 0.5
               for k, c in enumerate(chars))


def without_reference_marks(chars: list[dict]) -> list[dict]:
    """The page's characters without its bare-number reference marks.

    Only a mark of digits alone is dropped: it reads as part of the word or figure it follows (「第2号10」).
    A mark with a sign of its own (「注1」, 「3)」, 「※2」) cannot be misread and stays as printed, so the
    sentence still points to its note."""
    drop = {i for run in _runs(chars, reference_mark_chars(chars))
            if all(chars[i]["text"] in DIGITS for i in run) and not _text_goes_on(chars, run) for i in run}
    return [c for i, c in enumerate(chars) if i not in drop] if drop else chars


def lead_number_end(ink: list[dict]) -> int:
    """How many characters at the start of a line are a footnote's own raised number (「¹⁰契約の性質…」 at a page
    foot: small digits printed above the baseline of the text they open), 0 when the line opens otherwise."""
    k = 0
    while k < len(ink) and k < 3 and ink[k]["text"] in DIGITS:
        k += 1
    if not 0 < k < len(ink) or ink[k]["text"] in DIGITS:
        return 0
    host = ink[k]
    return k if all(_is_small_raised(c, host) for c in ink[:k]) else 0
