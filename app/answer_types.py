"""What an answer is made of: citations, the answer record, and the helpers every answerer shares.

Both answerers (extractive in app/answer.py, LLM in app/llm_answer.py) build these, so the
CLI, the chat and the eval read one shape.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from .retrieve import Hit

ABSTAIN_TEXT = "資料には該当する記述が見つかりませんでした。"
CAUTIOUS_TEXT = "資料に直接の記述は見当たりませんが、関連する記述は次のとおりです。"
# said above an answer to a question in another language: the quotes stay in the documents' Japanese
FOREIGN_NOTE = {"en": "資料は日本語のため、原文（日本語）で回答します / quoting the Japanese documents",
                "zh": "資料は日本語のため、原文（日本語）で回答します / 资料为日文，以下引用日文原文"}


def page_text(label: str, page_indices: list[int] | None) -> str:
    """How a passage's page is named to the user: its printed page (「p.68」), or, where the page prints no number
    (a cover), its place in the file (「PDF 1ページ目」)."""
    if label:
        return f"p.{label}"
    return f"PDF {page_indices[0] + 1}ページ目" if page_indices else ""


@dataclass
class Citation:
    n: int
    doc_id: str
    title: str
    short: str
    page: str
    section: str
    kind: str
    unit_title: str
    text: str
    score: float
    chunk_id: str
    quotes: list[str] = field(default_factory=list)  # the sentences used, for highlighting
    page_indices: list[int] = field(default_factory=list)
    boxes: list = field(default_factory=list)
    source_file: str = ""
    section_title: str = ""  # human-readable heading path (「都道府県居住支援協議会による支援 > 調査結果」)
    cell: list[int] = field(default_factory=list)  # [row, column] of the grid cell that gave a figure (header row 0)

    @property
    def page_text(self) -> str:
        """The printed page (「p.68」); a page that prints no number is named by its place in the file."""
        return page_text(self.page, self.page_indices)

    @property
    def label(self) -> str:
        parts = [self.short or self.title, self.page_text, self.section, self.unit_title]
        return " ".join(p for p in parts if p)

    def to_dict(self) -> dict:
        return {
            "n": self.n, "doc_id": self.doc_id, "title": self.title, "page": self.page, "section": self.section,
            "kind": self.kind, "unit_title": self.unit_title, "text": self.text, "score": round(self.score, 5),
            "label": self.label, "quotes": self.quotes, "section_title": self.section_title, "cell": self.cell,
            "page_indices": self.page_indices, "source_file": self.source_file, "short": self.short,
        }


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    mode: str
    citations: list[Citation]
    standalone_question: str
    timings_ms: dict
    related: list[Citation] = field(default_factory=list)
    support: float = 0.0
    note: str = ""
    invalid_citations: list[int] = field(default_factory=list)
    outcome: str = "answer"  # answer | cautious | abstain (app/answerability.py)
    probability: float = 0.0  # the answerability model's probability that the documents answer it
    features: dict = field(default_factory=dict)  # the signals it was judged on (for eval and fitting)
    llm_status: str = ""  # LLM mode only: "own" (the model's grounded sentences), "fallback", "abstained"
    grounding_drops: list[str] = field(default_factory=list)  # the model's sentences the documents did not support
    llm_format: str = ""  # how the reply was read: "json" (schema followed) or "text" ([n] markers)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_dict() for c in self.citations],
            "related": [c.to_dict() for c in self.related],
            "standalone_question": self.standalone_question,
            "support": round(self.support, 3),
            "note": self.note,
            "invalid_citations": self.invalid_citations,
            "outcome": self.outcome,
            "probability": round(self.probability, 4),
            "llm_status": self.llm_status,
            "grounding_drops": self.grounding_drops,
            "llm_format": self.llm_format,
            "timings_ms": self.timings_ms,
        }

    def render_text(self, excerpts: bool = False) -> str:
        """Plain text for the CLI and the Markdown export: answer, note, sources, mode."""
        lines = [self.answer, ""]
        if self.note:
            lines += [f"（{self.note}）", ""]
        refs = self.related if self.abstained else self.citations
        if refs:
            lines.append("関連する可能性のある箇所:" if self.abstained else "出典:")
            for c in refs:
                excerpt = re.sub(r"\s+", " ", "／".join(c.quotes) if c.quotes else c.text)[:300]
                lines.append(f"- [{c.n}] {c.label} — 「{excerpt}」" if excerpts else f"[{c.n}] {c.label}")
            lines.append("")
        lines.append(f"（回答方式: {'抽出' if self.mode == 'extractive' else 'LLM'}）")
        return "\n".join(lines)


def cite(n: int, h: Hit, quotes: list[str]) -> Citation:
    c = h.chunk
    return Citation(
        n=n, doc_id=c["doc_id"], title=c.get("doc_title", ""), short=c.get("doc_short", ""), page=c.get("page_label", ""),
        section=c.get("section", ""), kind=c.get("kind", ""), unit_title=c.get("unit_title", ""), text=c["text"],
        score=h.score, chunk_id=c["id"], quotes=quotes, page_indices=c.get("page_indices", []), boxes=c.get("boxes", []),
        source_file=c.get("source_file", ""), section_title=c.get("section_title", ""),
    )


def join_notes(*notes: str) -> str:
    """Notes accumulate (an English question, then a failing LLM): none replaces another."""
    return "；".join(n for n in notes if n)


def timings(t0: float, t1: float, **extra: float) -> dict:
    out = {"retrieve": round((t1 - t0) * 1000, 1)}
    out.update({k: round(v * 1000, 1) for k, v in extra.items()})
    out["total"] = round((time.perf_counter() - t0) * 1000, 1)
    return out


def abstain(question: str, standalone: str, hits: list[Hit], mode: str, note: str, t0: float, t1: float,
             support: float) -> Answer:
    related = [cite(i + 1, h, []) for i, h in enumerate(hits[:3])]
    return Answer(question, ABSTAIN_TEXT + "近い内容の箇所を下に示します。", True, mode, [], standalone,
                  timings(t0, t1), related=related, support=support, note=note)


