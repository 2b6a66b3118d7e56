"""A document's head — its title and the start of its first page — where it says whose it is (かえで県 on the
cover of its guide) and which one of a series (the 第2期 plan): answerability and the composer read a question's
place against it, so a passage of that document need not repeat it."""

from __future__ import annotations

import threading

from ingest.clean import normalize, squash

HEAD_CHARS = 400  # a cover or heading block; a one-page text file is all "first page"


def doc_head(snap, doc_id: str) -> str:
    """A document's title and the start of its first page (the cover, the heading block): where it says whose
    it is. Cached per build and document; shared by concurrent sessions, so guarded by a lock."""
    key = (snap.build_id, doc_id)
    with _HEADS_LOCK:
        if key in _HEADS:
            return _HEADS[key]
    members = [c for c in snap.chunks if c.get("doc_id") == doc_id]
    first = min((min(c.get("page_indices") or [0]) for c in members), default=0)
    # a table's rows are content, not the cover: a list of municipalities opening a spreadsheet says nothing of
    # whose the document is (its first row's city is no scope of every passage)
    page = " ".join(c["text"] for c in members if first in (c.get("page_indices") or [0])
                    and c.get("kind") not in {"table", "case"})
    head = squash(normalize(" ".join([*(c.get("doc_title", "") for c in members[:1]), page[:HEAD_CHARS]])))
    with _HEADS_LOCK:
        _HEADS[key] = head
        while len(_HEADS) > 256:
            _HEADS.pop(next(iter(_HEADS)))
    return head


_HEADS: dict[tuple[str, str], str] = {}
_HEADS_LOCK = threading.Lock()
