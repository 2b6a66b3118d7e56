"""The names an index's documents print, found by how an English question spells them.

Built once per index build from each chunk's `names` (surface, romanisation key; ingest/romaji.py).
`resolve("How many consultations did Hanazono City handle?")` -> [("Hanazono", "はなぞの市")]: the
Japanese name joins the question's Japanese terms, so BM25, the specifier check and the document
filter see the place the question is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.romaji import MIN_KEY, romaji_key
from ingest.vocabulary import vocabulary

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
MAX_PER_NAME = 2  # a key two places share (つくし町 and 筑紫市) gives both; more is a key too common to trust


@dataclass(frozen=True)
class NameIndex:
    """Printed names by their romanisation key, counted over the chunks that print them."""

    by_key: dict[str, Counter] = field(default_factory=dict)  # romanisation key -> Counter of printed names

    @classmethod
    def build(cls, chunks: list[dict]) -> NameIndex:
        """From one index build's chunks (each with its `names`: [printed name, key], stored at ingest)."""
        by_key: dict[str, Counter] = {}
        for c in chunks:
            for surface, key in c.get("names") or []:
                by_key.setdefault(key, Counter())[surface] += 1
        return cls(by_key)

    def resolve(self, text: str) -> list[tuple[str, str]]:
        """(word as written, Japanese name) for each romanised name in an English text. A word counts when it
        is capitalised (a name) or followed by a place word (city, -machi); the place word picks the printed
        name with that suffix (Tomoe Prefecture -> ともえ県, not ともえ)."""
        if not self.by_key:
            return []
        v = vocabulary()
        words = [m.group(0) for m in _WORD.finditer(text)]
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            for n in (3, 2, 1):  # a name romanised in parts first (Shakai Fukushi Kyogikai), then one word
                span = words[i:i + n]
                if len(span) < n or any(w.lower() in v.english_stop or w.lower() in v.english_suffixes for w in span):
                    continue
                nxt = words[i + n].lower() if i + n < len(words) else ""
                suffix = v.english_suffixes.get(nxt, "")
                if not (span[0][:1].isupper() or suffix):
                    continue
                key = romaji_key("".join(span))
                found = self.by_key.get(key) if len(key) >= MIN_KEY or suffix else None
                if not found:
                    continue
                names = [name for name, _ in found.most_common()]
                fitting = [name for name in names if suffix and name.endswith(suffix)]
                placed = [name for name in names if name[-1:] in v.english_suffixes.values()]
                out.extend((" ".join(span), name) for name in (fitting or placed or names)[:MAX_PER_NAME])
                i += n - 1
                break
            i += 1
        return out
