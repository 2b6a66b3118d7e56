"""Furigana (ruby): small kana printed over kanji, dropped before the page is read.

Guides for foreign residents and children (やさしい日本語) print the reading of every kanji word over it. In the PDF
the reading is ordinary text half the size, one line above its base, so a reader glues it to the line below
(「いえ さが ひと家を探している人は」) and into every table cell (「まどぐち窓口」): sentences lose their words to BM25
and e5, and quotes show readings the page only prints as help. The reading says nothing the base does not, so it
is removed, on the page and in its tables alike.

A run of characters is ruby when all of it is kana, it is set at most RATIO of the size of kanji directly under it,
and it sits just above them (within half a base line). A note or label in small type holds other characters
(kanji, figures, ※) and stays; so does kana over kana (nothing to read there).
"""

from __future__ import annotations

import re

RATIO = 0.7  # ruby is usually set at half the base size
KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u309d\u309e\u30fd\u30fe]")
KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff々〆ヶ]")


def _runs(chars: list[dict]) -> list[list[dict]]:
    """Characters set on one baseline at one size, next to each other (a gap under one character), left to right."""
    runs: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["size"], 1), round(c["bottom"]), c["x0"])):
        last = runs[-1][-1] if runs else None
        if last is not None and round(last["size"], 1) == round(c["size"], 1) \
                and abs(last["bottom"] - c["bottom"]) <= 0.2 * c["size"] and c["x0"] - last["x1"] <= c["size"]:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _over_kanji(run: list[dict], kanji: list[dict]) -> bool:
    size = max(c["size"] for c in run)
    x0, x1, bottom = run[0]["x0"], run[-1]["x1"], max(c["bottom"] for c in run)
    mid = (x0 + x1) / 2
    for b in kanji:
        if b["size"] * RATIO < size:
            continue
        gap = b["top"] - bottom
        if -0.25 * b["size"] <= gap <= 0.5 * b["size"] and b["x0"] - b["size"] <= mid <= b["x1"] + b["size"]:
            return True
    return False


def ruby_chars(chars: list[dict]) -> set[int]:
    """The ids of the characters that are readings printed over kanji."""
    kanji = [c for c in chars if KANJI.match(c.get("text", "")) and c.get("upright", True)]
    if not kanji:
        return set()
    largest = max(c["size"] for c in kanji)
    small = [c for c in chars if c.get("text", "").strip() and c.get("upright", True) and c["size"] < largest * RATIO]
    out: set[int] = set()
    for run in _runs(small):
        if all(KANA.match(c["text"]) for c in run) and _over_kanji(run, kanji):
            out.update(id(c) for c in run)
    return out


def without_ruby(ppage):
    """The pdfplumber page without its ruby characters (the page itself when it has none)."""
    drop = ruby_chars(ppage.chars)
    if not drop:
        return ppage
    return ppage.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in drop)
