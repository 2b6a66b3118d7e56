"""The one answer entry point: extractive, cited, and abstaining when the documents are silent.

The default answer is made of the documents' own sentences (chosen in app/compose.py):
the few that best match the question, each followed by a citation marker that resolves to
document, printed page and section. Table questions are answered from the stored grid.
When the question's key words are not supported by the retrieved passages (app/support.py),
it abstains and shows the nearest passages as possibly related. With an LLM configured,
the LLM writes the answer from the numbered passages and its citations are checked here.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from .compose import LIST_Q, NUMERIC_Q, figure_sentence, list_items, list_rows, pick_sentences, table_lookup
from .glossary import is_english, translate
from .retrieve import Hit, Retriever, is_follow_up, standalone_question
from .settings import Settings, get_settings
from .support import english_support, support_score

ABSTAIN_TEXT = "資料には該当する記述が見つかりませんでした。"
_lock = threading.Lock()
_retrievers: dict[tuple, Retriever] = {}


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

    @property
    def label(self) -> str:
        parts = [self.short or self.title, f"p.{self.page}" if self.page else "", self.section, self.unit_title]
        return " ".join(p for p in parts if p)

    def to_dict(self) -> dict:
        return {
            "n": self.n, "doc_id": self.doc_id, "title": self.title, "page": self.page, "section": self.section,
            "kind": self.kind, "unit_title": self.unit_title, "text": self.text, "score": round(self.score, 5),
            "label": self.label, "quotes": self.quotes,
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


def get_retriever(settings: Settings) -> Retriever:
    key = (str(settings.index_dir), settings.embedding_model, settings.chroma_host, settings.chroma_port)
    with _lock:
        if key not in _retrievers:
            _retrievers[key] = Retriever(settings)
        return _retrievers[key]


def _cite(n: int, h: Hit, quotes: list[str]) -> Citation:
    c = h.chunk
    return Citation(
        n=n, doc_id=c["doc_id"], title=c.get("doc_title", ""), short=c.get("doc_short", ""), page=c.get("page_label", ""),
        section=c.get("section", ""), kind=c.get("kind", ""), unit_title=c.get("unit_title", ""), text=c["text"],
        score=h.score, chunk_id=c["id"], quotes=quotes, page_indices=c.get("page_indices", []), boxes=c.get("boxes", []),
        source_file=c.get("source_file", ""),
    )


MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,、，]\s*\d+)*)\s*[\]］]")


def validate_citations(text: str, valid: set[int]) -> tuple[str, list[int], list[int]]:
    """Keep [n] markers that point at a passage given to the model; drop the others.

    Returns (text with only valid markers, cited numbers in order, invalid numbers seen).
    """
    used: list[int] = []
    bad: list[int] = []

    def fix(m: re.Match) -> str:
        nums = [int(x) for x in re.split(r"[,、，]", m.group(1))]
        ok = [n for n in nums if n in valid]
        bad.extend(n for n in nums if n not in valid)
        used.extend(n for n in ok if n not in used)
        return "".join(f"[{n}]" for n in ok)

    return MARKER.sub(fix, text), used, bad


def _join(*notes: str) -> str:
    """Notes accumulate (an English question, then a failing LLM): none replaces another."""
    return "；".join(n for n in notes if n)


def _timings(t0: float, t1: float, **extra: float) -> dict:
    out = {"retrieve": round((t1 - t0) * 1000, 1)}
    out.update({k: round(v * 1000, 1) for k, v in extra.items()})
    out["total"] = round((time.perf_counter() - t0) * 1000, 1)
    return out


def _extractive(question: str, standalone: str, hits: list[Hit], retriever: Retriever, note: str,
                t0: float, t1: float, history: list[dict] | None = None) -> Answer:
    cites: dict[str, Citation] = {}

    def marker(h: Hit, quote: str) -> str:
        cid = h.chunk["id"]
        if cid not in cites:
            cites[cid] = _cite(len(cites) + 1, h, [])
        if quote and quote not in cites[cid].quotes:
            cites[cid].quotes.append(quote)
        return f"[{cites[cid].n}]"

    lines: list[str] = []
    cell = table_lookup(standalone, hits)
    if cell:
        h, row, col, value = cell
        unit = h.chunk.get("unit_title", "表")
        unit_label = re.search(r"[（(]単位[:：](.+?)[）)]", h.chunk["text"])
        u = unit_label.group(1) if unit_label else ""
        era = next((m.group(0) for r in h.chunk.get("grid", [])[1:] if r and (m := re.match(r"令和|平成", r[0]))), "")
        if era and re.match(r"^\s*\d+\s*年度", row):
            row = f"{era} {row.strip()}"  # a table writes 令和 only on its first row: 「4年度」 is 「令和 4年度」
        row_label = f"「{row}」の" if row and len(h.chunk.get("grid", [])) > 2 else ""
        name = re.match(r"^(?:表|図|事例)[ \u3000]*\S*", unit)
        lines.append(f"{name.group(0) if name else '表'}によると、{row_label}「{col}」は {value}{u} です。{marker(h, value)}")
    focus = said = ""
    if history and standalone != question:  # a follow-up: answer what is new in it
        focus = question
        said = next((t.get("content", "") for t in reversed(history) if t.get("role") == "assistant"), "")
    picked = pick_sentences(standalone, hits, retriever, max_sentences=2 if cell else 3, focus=focus, already_said=said)
    is_list = bool(LIST_Q.search(question)) and not NUMERIC_Q.search(question)
    if not cell and NUMERIC_Q.search(standalone):
        lead = figure_sentence(standalone, picked)
        if lead is not None:  # a count question: the sentence stating the figure leads, on its own line
            h, sent, _ = picked.pop(lead)
            lines.append(f"{sent}{marker(h, sent)}")
    rows = list_rows(standalone, hits, retriever) if is_list and not cell else []
    if rows:  # a list question over a sentence table: the summary sentence, then the table's rows
        picked = [p for p in picked if not p[0].chunk.get("row") or p[0].chunk.get("unit_title") != rows[0][0].chunk.get(
            "unit_title")][:1]
    for h, sent, _score in picked:
        items = list_items(sent) if is_list else []
        if items:
            lines.append(f"{sent.split('①')[0].strip()}{marker(h, sent)}")
            lines.extend(f"- {it}" for it in items)
        else:
            lines.append(f"- {sent}{marker(h, sent)}" if (lines or len(picked) > 1) else f"{sent}{marker(h, sent)}")
    if rows:
        lines.append(f"{rows[0][0].chunk.get('unit_title', '')}{marker(rows[0][0], '')}:")
        for h, item in rows:
            lines.append(f"- {item}{marker(h, item)}")
    text = "\n".join(lines) if lines else ABSTAIN_TEXT
    return Answer(question, text, not lines, "extractive", list(cites.values()), standalone,
                  _timings(t0, t1, compose=time.perf_counter() - t1), support=0.0, note=note)


def _abstain(question: str, standalone: str, hits: list[Hit], mode: str, note: str, t0: float, t1: float,
             support: float) -> Answer:
    related = [_cite(i + 1, h, []) for i, h in enumerate(hits[:3])]
    return Answer(question, ABSTAIN_TEXT + "近い内容の箇所を下に示します。", True, mode, [], standalone,
                  _timings(t0, t1), related=related, support=support, note=note)


def answer_stream(
    question: str,
    history: list[dict] | None = None,
    settings: Settings | None = None,
    mode: str | None = None,
    retriever: Retriever | None = None,
    filters: dict | None = None,
    k: int | None = None,
) -> Iterator[str | Answer]:
    """The one answer entry point, streaming: yields text pieces, then the final `Answer`.

    Text already yielded is provisional: when the LLM fails or cites nothing valid, the
    final Answer (extractive, with a note) replaces it, and the UI shows that instead.
    """
    from . import llm as llm_mod
    from .prompts import NOT_FOUND, answer_messages

    settings = settings or get_settings()
    t0 = time.perf_counter()
    question = (question or "").strip()
    if not question:
        raise ValueError("empty question / 質問が空です")
    question = question[:2000]
    retriever = retriever or get_retriever(settings)
    want_llm = (mode or settings.answer_mode) == "llm"
    use_llm = want_llm and settings.llm_enabled
    note = "" if not want_llm or use_llm else "LLMが設定されていないため、抽出方式で回答しました / no LLM configured: extractive answer"

    standalone = standalone_question(question, history)
    search_history = history
    if use_llm and history and is_follow_up(question):
        try:
            standalone = llm_mod.rewrite_question(settings, question, history)
            search_history = None
        except llm_mod.LLMError as err:
            note = f"{err.ja}（質問の書き換えは前の質問の語句で行いました）"
    hits = retriever.search(standalone if search_history is None else question, k=k or settings.top_k,
                            history=search_history, filters=filters)
    t1 = time.perf_counter()
    support = english_support(retriever, standalone, hits) if is_english(standalone) else support_score(
        retriever, standalone, hits)
    answerable = bool(hits) and support >= settings.abstain_threshold
    if answerable and is_english(standalone):
        note = _join(note, "資料は日本語のため、原文（日本語）で回答します / quoting the Japanese documents")
    if not answerable:
        ans = _abstain(question, standalone, hits, "llm" if use_llm else "extractive", note, t0, t1, support)
        yield ans.answer
        yield ans
        return

    if use_llm:
        passages = [(i + 1, _cite(i + 1, h, []).label, h.chunk["text"]) for i, h in enumerate(hits)]
        pieces: list[str] = []
        t_llm = time.perf_counter()
        try:
            for piece in llm_mod.stream_chat(settings, answer_messages(standalone, passages)):
                pieces.append(piece)
                yield piece
            raw = "".join(pieces).strip()
            text, used, bad = validate_citations(raw, set(range(1, len(hits) + 1)))
            llm_s = time.perf_counter() - t_llm
            if NOT_FOUND.rstrip("。") in text and not used:
                ans = _abstain(question, standalone, hits, "llm", note, t0, t1, support)
                ans.timings_ms["llm"] = round(llm_s * 1000, 1)
                yield ans
                return
            if used:
                cites = [_cite(n, hits[n - 1], []) for n in used]
                flag = f"存在しない出典番号 {', '.join(f'[{b}]' for b in dict.fromkeys(bad))} を削除しました" if bad else ""
                ans = Answer(question, text, False, "llm", cites, standalone, _timings(t0, t1, llm=llm_s),
                             support=support, note=_join(note, flag))
                ans.invalid_citations = sorted(set(bad))
                yield ans
                return
            note = _join(note, "LLMの回答に有効な出典がなかったため、抽出方式で回答しました / "
                               "the LLM answer cited no passage: extractive answer")
        except llm_mod.LLMError as err:
            note = _join(note, f"{err.ja}。抽出方式で回答しました / {err.en}: extractive answer")
    compose_q = translate(standalone)[0] if is_english(standalone) else standalone
    ans = _extractive(question, compose_q, hits, retriever, note, t0, t1, history)
    ans.standalone_question = standalone
    ans.support = support
    yield from ans.answer.splitlines(keepends=True)
    yield ans


def answer_question(question: str, history: list[dict] | None = None, settings: Settings | None = None,
                    **options) -> Answer:
    """`answer_stream` without the streaming (same options: mode, retriever, filters, k): for the CLI and eval."""
    final = None
    for item in answer_stream(question, history, settings, **options):
        if isinstance(item, Answer):
            final = item
    assert final is not None
    return final
