"""Conversations kept across reloads: one JSON file per browser conversation id under data/conversations/.

The id lives in the page URL (``?c=…``), so a reload or a bookmark finds the conversation again
without cookies. Answers are stored field by field and rebuilt as `Answer`/`Citation`, so an
old conversation renders with the same cards as a new one.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import uuid
from pathlib import Path

from .answer_types import Answer, Citation

_ID = re.compile(r"^[0-9a-f]{32}$")


def new_id() -> str:
    return uuid.uuid4().hex


def valid_id(cid: str | None) -> bool:
    """Only ids we could have made: a URL parameter must never name another file."""
    return bool(cid) and bool(_ID.match(cid or ""))


def _path(folder: Path, cid: str) -> Path:
    if not valid_id(cid):
        raise ValueError(f"not a conversation id: {cid!r}")
    return folder / f"{cid}.json"


def answer_to_dict(ans: Answer) -> dict:
    return dataclasses.asdict(ans)


def _build(cls, data: dict):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def answer_from_dict(data: dict) -> Answer:
    """An Answer stored by `answer_to_dict` (fields added later fall back to their defaults)."""
    ans = _build(Answer, data)
    ans.citations = [_build(Citation, c) for c in data.get("citations", [])]
    ans.related = [_build(Citation, c) for c in data.get("related", [])]
    return ans


def save(folder: Path, cid: str, messages: list[dict]) -> None:
    rows = [{k: (answer_to_dict(v) if k == "answer" and v is not None else v) for k, v in m.items()} for m in messages]
    path = _path(folder, cid)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"id": cid, "messages": rows}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a conversation


def load(folder: Path, cid: str) -> list[dict]:
    """The stored messages, or none for an unknown, foreign or damaged file."""
    try:
        data = json.loads(_path(folder, cid).read_text(encoding="utf-8"))
        out = []
        for m in data.get("messages", []):
            m = dict(m)
            if m.get("answer") is not None:
                m["answer"] = answer_from_dict(m["answer"])
            out.append(m)
        return out
    except (OSError, ValueError, TypeError, KeyError):
        return []


def clear(folder: Path, cid: str) -> None:
    try:
        _path(folder, cid).unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
