"""👍/👎 on an answer, appended to ``data/feedback.jsonl`` so failures can become eval questions."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

_lock = threading.Lock()


def record(path: Path, question: str, answer, rating: str, comment: str = "", history: list[dict] | None = None) -> dict:
    """Append one line (question, answer, citations, rating, comment); returns what was written."""
    if rating not in {"up", "down"}:
        raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
    row = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "rating": rating,
        "comment": comment.strip()[:2000],
        "question": question,
        "history": history or [],
        "answer": answer.answer,
        "abstained": answer.abstained,
        "mode": answer.mode,
        "citations": [c.to_dict() for c in (answer.related if answer.abstained else answer.citations)],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(row, ensure_ascii=False) + "\n"
    with _lock, open(path, "a", encoding="utf-8") as f:  # one write per line: concurrent sessions don't interleave
        f.write(line)
        f.flush()
        os.fsync(f.fileno())
    return row
