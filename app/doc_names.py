"""Words that name a document (its issuer's place name, or its title words where the question refers to a
document), told apart from words about its content.

「かえで県の手引きでは、規約にどんな項目を…」 names the document (かえで県, 手引き) and then asks about
its content (規約, 項目). The naming words are rare inside the document — it says 「県」 after its cover —
so BM25 gave them a high weight and the passages that happen to print them (the cover, the contact
line, the note under the table of contents) outranked the passage that answers. A naming word should
pick the document, not the passage: every passage of the named document counts as holding it.

Two kinds of naming words, both from the document's labels (title, short name, publisher: manifest,
/Title or cover) and both in at most `MAX_SHARE` of the document's passages (a title word the whole text
is about, 協議会 or 設立, stays a content word):
- place names: a label word printed right before 県/市/町/村… (「かえで県 建築住宅部」 -> かえで). An
  issuer's name says whose document it is wherever the question uses it.
- other label nouns (手引き, ガイド, 報告): only inside a phrase that refers to a document
  (「…の手引きでは」「報告書によると」). 「住宅確保要配慮者の定義は」 asks about content, though 確保
  and 配慮 are in the report's title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.clean import normalize
from ingest.romaji import names_in
from ingest.tokens import content_words, terms
from ingest.vocabulary import vocabulary

MAX_SHARE = 0.25
PLACE_SUFFIX = frozenset("県府都道市区町村")
# 「<document>では」「<document>によると」「<document>で、」: the phrase before names where to look
REFERENCE = re.compile(r"([^、。,.？?！!\s「」]{2,30}?)(?:では|だと|によると|によれば|でいう|で言う|に書いて|に載って|で[、,])")


@dataclass(frozen=True)
class Names:
    places: frozenset[str]
    nouns: frozenset[str]
    # the label's places as printed (かえで県): Sudachi splits a kana name by its context (か+支え in one title),
    # so a question naming it is also matched by the characters
    printed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DocNames:
    """For each document: its chunk indices and the words that name it."""

    members: dict[str, tuple[int, ...]]
    names: dict[str, Names]

    def named(self, question: str, tokens: tuple[str, ...] | list[str]) -> dict[str, tuple[str, ...]]:
        """The documents a question names, each with the question's words that name it."""
        if not self.names:
            return {}
        text = normalize(question)
        referred = {w for m in REFERENCE.finditer(text) for w in content_words(m.group(1))}
        out: dict[str, tuple[str, ...]] = {}
        said: list = []  # the question's terms with their surfaces, read once when a printed name is in it
        for doc_id, n in self.names.items():
            hit = [t for t in dict.fromkeys(tokens) if t in n.places or (t in n.nouns and t in referred)]
            for name in (p for p in n.printed if p in text):
                said = said or terms(text, "A")
                # the question's own words for the name (not its suffix), however they were split
                hit += [t.word for t in said if t.surface in name[:-1] and t.word in tokens and t.word not in hit]
            if hit:
                out[doc_id] = tuple(hit)
        return out


def _label_words(label: str) -> tuple[set[str], set[str]]:
    """(place names, other nouns of two characters or more) among a label's words."""
    ts = terms(label, "A")
    places = {t.word for t, nxt in zip(ts, ts[1:], strict=False)
              if nxt.surface in PLACE_SUFFIX and len(t.surface) >= 2 and t.pos in {"名詞", "代名詞"}}
    nouns = {t.word for t in ts if t.pos == "名詞" and len(t.surface) >= 2 and not re.search(r"\d", t.surface)
             and t.word not in vocabulary().era_names}
    return places, nouns - places


def naming_words(label: str, doc_tokens: list[list[str]], max_share: float = MAX_SHARE,
                 doc_texts: list[str] | None = None) -> Names:
    """The words of a document's labels that few of its passages hold, as place names and other nouns (and the
    places as printed, held by few of `doc_texts`)."""
    places, nouns = _label_words(label)
    if not doc_tokens:
        return Names(frozenset(), frozenset())
    held = Counter(t for toks in doc_tokens for t in set(toks) if t in places | nouns)
    limit = max_share * len(doc_tokens)
    printed = {name for name, _ in names_in(label) if name[-1:] in PLACE_SUFFIX and len(name) > 2}
    if doc_texts is not None:
        printed = {p for p in printed if sum(p in t for t in doc_texts) <= limit}
    return Names(frozenset(w for w in places if held[w] <= limit), frozenset(w for w in nouns if held[w] <= limit),
                 frozenset(printed))


def build(chunks: list[dict], manifest: dict) -> DocNames:
    """From one index build: the manifest's document labels and the chunks' tokens."""
    members: dict[str, list[int]] = {}
    for i, c in enumerate(chunks):
        members.setdefault(c["doc_id"], []).append(i)
    labels = {d["doc_id"]: " ".join(str(d.get(k) or "") for k in ("title", "short", "publisher"))
              for d in manifest.get("documents", []) if d.get("doc_id")}
    names = {doc: naming_words(labels.get(doc, ""), [chunks[i].get("tokens") or [] for i in idx],
                               doc_texts=[normalize(chunks[i].get("text", "")) for i in idx])
             for doc, idx in members.items()}
    return DocNames({d: tuple(v) for d, v in members.items()},
                    {d: n for d, n in names.items() if n.places or n.nouns or n.printed})
