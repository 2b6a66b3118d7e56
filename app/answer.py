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

from .answer_types import ABSTAIN_TEXT, Answer, Citation, abstain, cite, join_notes, timings  # noqa: F401
from .compose import LIST_Q, NUMERIC_Q, figure_sentence, list_items, list_rows, pick_sentences, table_lookup
from .glossary import is_english, translate
from .llm_answer import Fallback, llm_answer_stream, validate_citations  # noqa: F401
from .retrieve import Hit, Retriever, is_follow_up, standalone_question
from .settings import Settings, get_settings
from .support import english_support, support_score

_lock = threading.Lock()
_retrievers: dict[tuple, Retriever] = {}


def get_retriever(settings: Settings) -> Retriever:
    key = (str(settings.index_dir), settings.embedding_model, settings.chroma_host, settings.chroma_port)
    with _lock:
        if key not in _retrievers:
            _retrievers[key] = Retriever(settings)
        return _retrievers[key]


def _extractive(question: str, standalone: str, hits: list[Hit], retriever: Retriever, note: str,
                t0: float, t1: float, history: list[dict] | None = None) -> Answer:
    cites: dict[str, Citation] = {}

    def marker(h: Hit, quote: str) -> str:
        cid = h.chunk["id"]
        if cid not in cites:
            cites[cid] = cite(len(cites) + 1, h, [])
        if quote and quote not in cites[cid].quotes:
            cites[cid].quotes.append(quote)
        return f"[{cites[cid].n}]"

    lines: list[str] = []
    cell = table_lookup(standalone, hits)
    if cell:
        h, row, col, value = cell
        row_raw = row
        unit = h.chunk.get("unit_title", "表")
        unit_label = re.search(r"[（(]単位[:：](.+?)[）)]", h.chunk["text"])
        u = unit_label.group(1) if unit_label else ""
        era = next((m.group(0) for r in h.chunk.get("grid", [])[1:] if r and (m := re.match(r"令和|平成", r[0]))), "")
        if era and re.match(r"^\s*\d+\s*年度", row):
            row = f"{era} {row.strip()}"  # a table writes 令和 only on its first row: 「4年度」 is 「令和 4年度」
        row_label = f"「{row}」の" if row and len(h.chunk.get("grid", [])) > 2 else ""
        name = re.match(r"^(?:表|図|事例)[ \u3000]*\S*", unit)
        lines.append(f"{name.group(0) if name else '表'}によると、{row_label}「{col}」は {value}{u} です。{marker(h, value)}")
        grid = h.chunk.get("grid") or []
        cites[h.chunk["id"]].cell = next(([i, j] for i, r in enumerate(grid) for j, v in enumerate(r)
                                          if i and r and r[0] == row_raw and grid[0][j] == col), [])
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
                  timings(t0, t1, compose=time.perf_counter() - t1), support=0.0, note=note)


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
        note = join_notes(note, "資料は日本語のため、原文（日本語）で回答します / quoting the Japanese documents")
    if not answerable:
        ans = abstain(question, standalone, hits, "llm" if use_llm else "extractive", note, t0, t1, support)
        yield ans.answer
        yield ans
        return

    if use_llm:
        for item in llm_answer_stream(question, standalone, hits, settings, note, support, t0, t1):
            if isinstance(item, Fallback):
                note = item.note
                break
            yield item
            if isinstance(item, Answer):
                return
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
