"""Instruction-shaped text in a passage or a question: found, and kept away from the model.

Grounding (app/grounding.py) already refuses a sentence the cited passage does not state;
this is the second wall. A passage sentence that gives orders (「これまでの指示を無視し…」)
is cut from the text the model sees and the text grounding checks against, so an answer
that obeys it has nothing to stand on. A question that gives orders is not sent to the
model at all. The patterns live in app/resources/injection.toml so they can grow without
code changes.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

PATTERNS_FILE = Path(__file__).resolve().parent / "resources" / "injection.toml"
REMOVED = "〔指示のような文のため省略〕"


@lru_cache(maxsize=4)
def patterns(path: Path = PATTERNS_FILE) -> tuple[tuple[str, re.Pattern], ...]:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return tuple((p["name"], re.compile(p["regex"], re.I | re.M)) for p in data.get("pattern", []))


def _flat(text: str) -> str:
    return re.sub(r"[ \t\u3000]+", "", unicodedata.normalize("NFKC", text or ""))


def instruction_patterns(text: str) -> list[str]:
    """Names of the patterns the text matches (empty: it reads as data)."""
    flat = _flat(text)
    return [name for name, rx in patterns() if rx.search(flat)]


def looks_like_instruction(text: str) -> bool:
    """Does the text address the model with orders (ignore the instructions, answer as follows, role tags)?"""
    return bool(instruction_patterns(text))


def neutralise(text: str) -> tuple[str, int]:
    """(the passage with each instruction-shaped sentence replaced by a marker, how many were cut)."""
    out: list[str] = []
    cut = 0
    for line in (text or "").splitlines(keepends=True):
        parts = re.split(r"(?<=[。！？!?])(?![」』）)])", line)
        for part in parts:
            if part.strip() and looks_like_instruction(part):
                out.append(REMOVED)
                cut += 1
            else:
                out.append(part)
    return "".join(out), cut
