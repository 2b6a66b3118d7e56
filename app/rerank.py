"""A second look at the fused candidates: does the passage hold what the question asks for?

Fusion ranks passages by how much they share with the question (BM25 words, e5 meaning). A question
asks for something — a count, a sum, a date, the fee of one course, a figure for one city or year —
and the passage that shares most of its words is often the one that names the topic without the
value (a slide's title over a note, the section lead above the table). The reranker reads each of
the top candidates for the value the question asks for, in a unit that also holds the question's
words and specifiers (the same reading answerability does over the top hits, here per candidate),
and combines that with the fusion scores in a logistic model fitted on training folds of the banks
(`python -m eval.fit_rerank`, weights in app/resources/rerank_model.json). Without a model file the
fused order stands.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.clean import normalize

from .query import Query
from .specifiers import unit_named

MODEL_FILE = Path(__file__).with_name("resources") / "rerank_model.json"
FEATURES = ("fused", "dense", "lexical", "rank", "dense_rank", "lexical_rank", "kind_share", "kind_near",
            "spec_anchor", "anchor", "cover", "title_cover", "table", "first_page", "length", "sentence",
            "year_in", "titled_other_year", "cover_past_title", "row")


@dataclass(frozen=True)
class Scores:
    """One candidate's standing among all candidates of its search (z-scores and 1-based ranks)."""

    fused: float
    dense: float
    lexical: float
    rank: int
    dense_rank: int | None
    lexical_rank: int | None


def features(q: Query, retriever, hit, s: Scores) -> dict[str, float]:
    """The candidate's features: its fusion standing, and what it holds of what the question asks."""
    from .answerability import content_set, value_signals  # it imports the retriever, which imports this
    from .compose import fiscal_years, other_year

    words = q.topic_tokens
    w = {t: max(retriever.idf(t), 1.0) for t in words}
    total = sum(w.values()) or 1.0
    c = hit.chunk
    asked_years = {n for y in q.years for n in fiscal_years(normalize(y))}
    body = content_set(normalize(c["text"]))
    titles = content_set(normalize(" ".join([c.get("section_title", ""), c.get("unit_title", "")])))
    # the question's words beyond the document's own title: a cover or a title block holds the words that name the
    # document (「のどか県…支援プログラム（素案）の期間は」), not what is asked of it
    named = content_set(normalize(c.get("doc_title", "")))
    past = [t for t in words if t not in named]
    return {
        "fused": s.fused, "dense": s.dense, "lexical": s.lexical, "rank": 1.0 / s.rank,
        "dense_rank": 1.0 / s.dense_rank if s.dense_rank else 0.0,
        "lexical_rank": 1.0 / s.lexical_rank if s.lexical_rank else 0.0,
        **value_signals(q, retriever, hit),
        "cover": sum(w[t] for t in words if t in body) / total,
        "title_cover": sum(w[t] for t in words if t in titles) / total,
        "cover_past_title": (sum(w[t] for t in past if t in body) / (sum(w[t] for t in past) or 1.0)) if past else 1.0,
        "table": float(c.get("kind") == "table"),
        "first_page": float(min(c.get("page_indices") or [0]) == 0),
        "length": math.log1p(len(c["text"])),
        "sentence": max(hit.sentence_scores.values(), default=0.0),
        # a table's best row read under its column labels: the question asks about one row of a long table
        "row": hit.row_score,
        # a question asking a fiscal year: the passage states it, or its caption / heading dates it to another
        # (「表1 補助金の概要（令和8年度）」 for a question about 令和7年度)
        "year_in": float(bool(asked_years) and bool(asked_years & fiscal_years(normalize(c["text"])))),
        "titled_other_year": float(bool(asked_years) and other_year(q, " ".join(
            [c.get("unit_title", ""), c.get("section_title", "")]))),
    }


@dataclass(frozen=True)
class RerankModel:
    """score = Σ coef·(x - mean)/scale (a logistic regression's log-odds, up to its intercept)."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    meta: dict = field(default_factory=dict, hash=False, compare=False)

    def score(self, f: dict[str, float]) -> float:
        return sum(c * (f.get(n, 0.0) - m) / (s or 1.0)
                   for n, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True))

    def to_json(self) -> dict:
        return {"names": list(self.names), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "meta": self.meta}

    @classmethod
    def from_json(cls, d: dict) -> RerankModel:
        return cls(tuple(d["names"]), tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]), d.get("meta", {}))


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_FILE)) -> RerankModel | None:
    """The fitted model, or None (the fused order stands) when no file was fitted."""
    p = Path(path)
    if not p.exists():
        return None
    return RerankModel.from_json(json.loads(p.read_text(encoding="utf-8")))


def named_first(q: Query, hits: list, k: int) -> list:
    """The passages of a unit the question names (「表4-②で」「事例4-③では」「Table 3」) ahead of the rest, each group
    in the order it had: a user who names the table asks that table, whatever else shares its words. Only the unit of
    the document whose passage of it ranks highest (every document may have a 表1), and no more of it than leaves one
    other passage in the top k (the paragraph citing the unit often says what the question asks)."""
    if not q.refs:
        return hits
    flags = [unit_named(h.chunk, q.refs) for h in hits]
    doc = next((h.chunk.get("doc_id") for h, f in zip(hits, flags, strict=True) if f), None)
    if doc is None:
        return hits
    named = [h for h, f in zip(hits, flags, strict=True) if f and h.chunk.get("doc_id") == doc]
    rest = [h for h, f in zip(hits, flags, strict=True) if not (f and h.chunk.get("doc_id") == doc)]
    keep = max(1, k - 1)
    return [*named[:keep], *rest[:1], *named[keep:], *rest[1:]]


def reordered(q: Query, retriever, hits: list, model: RerankModel | None) -> list:
    """The candidates (hits carrying their `standing`) in the model's order; ties keep the fused order."""
    if model is None or len(hits) < 2:
        return hits
    s = [model.score(features(q, retriever, h, h.standing)) for h in hits]
    return [hits[i] for i in sorted(range(len(hits)), key=lambda i: (-s[i], i))]
