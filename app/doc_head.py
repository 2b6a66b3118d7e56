"""A document's head — its title and the start of its first page — where it says whose it is (かえで県 on the
cover of its guide) and which one of a series (the 第2期 plan): answerability and the composer read a question's
place against it, so a passage of that document need not repeat it."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from ingest.clean import normalize, squash

from .answer_kinds import GENERIC_PLACE

HEAD_CHARS = 400  # a cover or heading block; a one-page text file is all "first page"


_CACHE: dict[tuple[str, str, str], str] = {}
_CACHE_LOCK = threading.Lock()


def _per_document(what: str, snap, doc_id: str, read: Callable[[list[dict]], str]) -> str:
    """`read` of a document's passages, cached per build and document (256 entries); shared by concurrent
    sessions, so guarded by a lock."""
    key = (what, snap.build_id, doc_id)
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
    value = read([c for c in snap.chunks if c.get("doc_id") == doc_id])
    with _CACHE_LOCK:
        _CACHE[key] = value
        while len(_CACHE) > 256:
            _CACHE.pop(next(iter(_CACHE)))
    return value


def doc_head(snap, doc_id: str) -> str:
    """A document's title and the start of its first page (the cover, the heading block): where it says whose
    it is."""
    return _per_document("head", snap, doc_id, _head)


def _head(members: list[dict]) -> str:
    first = min((min(c.get("page_indices") or [0]) for c in members), default=0)
    # a table's rows are content, not the cover: a list of municipalities opening a spreadsheet says nothing of
    # whose the document is (its first row's city is no scope of every passage)
    page = " ".join(c["text"] for c in members if first in (c.get("page_indices") or [0])
                    and c.get("kind") not in {"table", "case"})
    return squash(normalize(" ".join([*(c.get("doc_title", "") for c in members[:1]), page[:HEAD_CHARS]])))


PREFECTURE_SUFFIX = ("県", "都", "府", "道")
PREFECTURE_SHARE = 0.6  # of the prefecture names a document's passages hold: the one it is about


def sole_prefecture(snap, doc_id: str) -> str:
    """The prefecture a document is about: the one it names in most passages — at least two, and at least
    PREFECTURE_SHARE of its passages' prefecture names — where a city's 復命書 on the prefecture's briefing or a
    notice of ひびき県 sent to its municipalities says 「県内の居住支援法人は31法人」 without repeating the name. Empty
    when it names none or several alike (a survey of many prefectures). Read from the names the index keeps per
    passage (ingest/romaji.py: no tokenising here); those are loose (「あるひびき県」 for ひびき県 after a verb), so a name
    that ends with, or is the end of, a more frequent one counts for it."""
    return _per_document("prefecture", snap, doc_id, _sole_prefecture)


def _sole_prefecture(members: list[dict]) -> str:
    seen: dict[str, int] = {}
    for c in members:
        for name in prefecture_names(c):
            seen[name] = seen.get(name, 0) + 1
    merged: dict[str, int] = {}
    for name, n in sorted(seen.items(), key=lambda kv: -kv[1]):
        into = next((m for m in merged if same_name(name, m)), name)
        merged[into] = merged.get(into, 0) + n
    best = max(merged, key=merged.__getitem__, default="")
    total = sum(merged.values())
    return best if best and merged[best] >= 2 and merged[best] >= PREFECTURE_SHARE * total else ""


def prefecture_names(chunk: dict) -> set[str]:
    """The prefectures a passage names, from the index's names: not a generic one (近隣県, 対象県, 都道府県)."""
    return {n for n, _key in chunk.get("names") or []
            if len(n) > 1 and n.endswith(PREFECTURE_SUFFIX) and not GENERIC_PLACE.search(n)}


def same_name(a: str, b: str) -> bool:
    """Two of the index's loose names for one prefecture: equal, or one is the other after a few kana the tokeniser
    ran into it (「あるひびき県」, 「はやせ県」 and 「やせ県」) — not 東京都 and 京都."""
    short, long_ = sorted((a, b), key=len)
    return long_.endswith(short) and bool(re.fullmatch(r"[ぁ-ん]{0,3}", long_[:len(long_) - len(short)]))


def names_prefecture(place: str, prefecture: str) -> bool:
    """The place a question names is the document's prefecture (written whole, or as the loose name's end)."""
    return bool(prefecture) and place.endswith(PREFECTURE_SUFFIX) and same_name(place, prefecture)

