"""Words that name a document (its title, short name, publisher), told apart from words about its content.

「かえで県の手引きでは、規約にどんな項目を…」 names the document (かえで県, 手引き) and then asks about
its content (規約, 項目). The naming words are rare inside the document — it says 「県」 after its cover —
so BM25 gave them a high weight and the passages that happen to print them (the cover, the contact
line, the note under the table of contents) outranked the passage that answers. A naming word should
pick the document, not the passage: every passage of the named document counts as holding it.

A word names a document when it is in the document's title, short name or publisher (manifest, /Title
or cover) and appears in at most `MAX_SHARE` of the document's passages: a title word the whole text
is about (協議会, 設立) stays a content word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ingest.tokens import content_words

MAX_SHARE = 0.25


@dataclass(frozen=True)
class DocNames:
    """For each document: its chunk indices and the words that name it."""

    members: dict[str, tuple[int, ...]]
    names: dict[str, frozenset[str]]

    def named(self, tokens: tuple[str, ...] | list[str]) -> dict[str, tuple[str, ...]]:
        """The documents a question names, each with the question's words that name it."""
        out: dict[str, tuple[str, ...]] = {}
        for doc_id, words in self.names.items():
            hit = tuple(t for t in dict.fromkeys(tokens) if t in words)
            if hit:
                out[doc_id] = hit
        return out


def naming_words(label: str, doc_tokens: list[list[str]], max_share: float = MAX_SHARE) -> frozenset[str]:
    """The content words of a document's labels (title, publisher…) that few of its passages hold."""
    words = set(content_words(label))
    if not words or not doc_tokens:
        return frozenset()
    held = Counter(t for toks in doc_tokens for t in set(toks) if t in words)
    limit = max_share * len(doc_tokens)
    return frozenset(w for w in words if held[w] <= limit)


def build(chunks: list[dict], manifest: dict) -> DocNames:
    """From one index build: the manifest's document labels and the chunks' tokens."""
    members: dict[str, list[int]] = {}
    for i, c in enumerate(chunks):
        members.setdefault(c["doc_id"], []).append(i)
    labels = {d["doc_id"]: " ".join(str(d.get(k) or "") for k in ("title", "short", "publisher"))
              for d in manifest.get("documents", []) if d.get("doc_id")}
    names = {doc: naming_words(labels.get(doc, ""), [chunks[i].get("tokens") or [] for i in idx])
             for doc, idx in members.items()}
    return DocNames({d: tuple(v) for d, v in members.items()}, {d: w for d, w in names.items() if w})
