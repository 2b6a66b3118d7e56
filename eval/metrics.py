"""Metric functions of the question-set schema (see eval/README.md). Pure."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ingest.clean import squash

REQUIRED = {"id": str, "question": str, "answerable": bool}


class QuestionFileError(ValueError):
    pass


def load_questions(path: str | Path) -> list[dict]:
    """Read a question set; a malformed line raises with its line number."""
    out: list[dict] = []
    seen: set[str] = set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"line {n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(q, dict):
            raise QuestionFileError(f"line {n}: expected an object")
        for key, typ in REQUIRED.items():
            if not isinstance(q.get(key), typ):
                raise QuestionFileError(f"line {n}: field '{key}' missing or not {typ.__name__}")
        if q["id"] in seen:
            raise QuestionFileError(f"line {n}: duplicate id {q['id']}")
        seen.add(q["id"])
        q.setdefault("evidence", [])
        q.setdefault("facts", [])
        q.setdefault("category", "uncategorized")
        q.setdefault("history", [])
        if not isinstance(q["evidence"], list) or not isinstance(q["facts"], list):
            raise QuestionFileError(f"line {n}: evidence and facts must be lists")
        out.append(q)
    return out


def is_relevant(passage: str, evidence: list[str]) -> bool:
    p = squash(passage)
    return any(squash(e) and squash(e) in p for e in evidence)


def first_relevant_rank(passages: list[str], evidence: list[str]) -> int | None:
    for r, p in enumerate(passages, start=1):
        if is_relevant(p, evidence):
            return r
    return None


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None, cutoff: int = 10) -> float:
    return 1.0 / rank if rank is not None and rank <= cutoff else 0.0


def hit_within_chars(passages: list[str], evidence: list[str], budget: int = 1200) -> float:
    """1 when a relevant passage starts within the first `budget` characters of the ranking."""
    used = 0
    for p in passages:
        if used >= budget:
            return 0.0
        if is_relevant(p, evidence):
            return 1.0
        used += len(p)
    return 0.0


def fact_recall(answer: str, facts: list[list[str]]) -> float:
    if not facts:
        return 1.0
    a = squash(answer)
    covered = sum(1 for alts in facts if any(squash(x) and squash(x) in a for x in alts))
    return covered / len(facts)


def precision_recall(pred: list[bool], gold: list[bool]) -> tuple[float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    pp = sum(pred)
    gp = sum(gold)
    return (tp / pp if pp else 1.0, tp / gp if gp else 1.0)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0
