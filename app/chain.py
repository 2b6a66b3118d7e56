"""kyoju as LangChain pieces: a `BaseRetriever` returning `Document`s, and the answer chain as a Runnable.

This is the one entry point the CLI, the chat, the eval harness and the load test go through,
and what a LangChain user plugs into their own code::

    from app.chain import make_chain, make_retriever
    docs = make_retriever(settings, k=3).invoke("居住支援協議会の開催回数は？")
    out = make_chain(settings).invoke({"question": "宅建協会を構成員にしている県はいくつ？"})
    for piece in make_chain(settings).stream({"question": "..."}): print(piece, end="")

`make_chain(...).invoke` returns the same dict as `kyoju ask --json`; `.stream` yields the answer
text; `.batch` answers several questions (threads share one read-only index snapshot).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig
from pydantic import ConfigDict, Field

from .answer import Answer, answer_stream, get_retriever
from .retrieve import Hit
from .settings import Settings, get_settings


def hit_to_document(h: Hit) -> Document:
    """A retrieved passage as a LangChain Document; metadata says where it is printed."""
    c = h.chunk
    return Document(
        id=c["id"],
        page_content=c["text"],
        metadata={
            "doc_id": c.get("doc_id", ""), "doc_short": c.get("doc_short", ""), "title": c.get("doc_title", ""),
            "page": c.get("page_label", ""), "section": c.get("section", ""),
            "section_title": c.get("section_title", ""), "kind": c.get("kind", ""),
            "unit_title": c.get("unit_title", ""), "chunk_id": c["id"], "score": float(h.score), "rank": h.rank,
            "source_file": c.get("source_file", ""), "page_indices": list(c.get("page_indices", [])),
        },
    )


class KyojuRetriever(BaseRetriever):
    """Hybrid (Sudachi BM25 + e5 in Chroma) retrieval over the registered documents.

    `k` and `filters` ({"doc_id": [...], "section": [...], "kind": [...]}, exact matches) are fields;
    per call they can also come through `config={"configurable": {"k": 3, "filters": {...}}}`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    settings: Settings = Field(default_factory=get_settings)
    k: int = 5
    filters: dict = Field(default_factory=dict)
    mode: str = "hybrid"  # hybrid | dense | lexical

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = get_retriever(self.settings).search(query, k=self.k, filters=self.filters or None, mode=self.mode)
        return [hit_to_document(h) for h in hits]

    def invoke(self, input: str, config: RunnableConfig | None = None, **kwargs: Any) -> list[Document]:
        conf = (config or {}).get("configurable", {})
        if "k" in conf or "filters" in conf:
            other = self.model_copy(update={k: conf[k] for k in ("k", "filters") if k in conf})
            return BaseRetriever.invoke(other, input, config, **kwargs)
        return super().invoke(input, config, **kwargs)


def make_retriever(settings: Settings | None = None, k: int | None = None, filters: dict | None = None,
                   mode: str = "hybrid") -> KyojuRetriever:
    settings = settings or get_settings()
    return KyojuRetriever(settings=settings, k=k or settings.top_k, filters=filters or {}, mode=mode)


class KyojuChain(Runnable[dict, dict]):
    """Question (+ history, filters, k) -> the cited answer, in extractive or LLM mode (one shape for both).

    Input: {"question": str, "history": [{"role", "content"}...], "filters": {...}, "k": int}.
    """

    def __init__(self, settings: Settings | None = None, mode: str | None = None):
        self.settings = settings or get_settings()
        self.mode = mode or self.settings.answer_mode

    @property
    def InputType(self) -> type:  # noqa: N802 (LangChain's name)
        return dict

    @property
    def OutputType(self) -> type:  # noqa: N802
        return dict

    def _options(self, input: dict | str, config: RunnableConfig | None) -> dict:
        if isinstance(input, str):
            input = {"question": input}
        conf = (config or {}).get("configurable", {})
        return {
            "question": input.get("question", ""), "history": input.get("history") or None,
            "filters": input.get("filters") or conf.get("filters"), "k": input.get("k") or conf.get("k"),
            "mode": input.get("mode") or conf.get("mode") or self.mode,
        }

    def stream_answer(self, input: dict | str, config: RunnableConfig | None = None,
                      **extra: Any) -> Iterator[str | Answer]:
        """Progress text, then the final `Answer` object (for the chat and the CLI, which show sources)."""
        o = self._options(input, config)
        yield from answer_stream(o["question"], o["history"], self.settings, mode=o["mode"],
                                 filters=o["filters"], k=o["k"], **extra)

    def answer(self, input: dict | str, config: RunnableConfig | None = None, **extra: Any) -> Answer:
        final = None
        for item in self.stream_answer(input, config, **extra):
            if isinstance(item, Answer):
                final = item
        assert final is not None
        return final

    def invoke(self, input: dict | str, config: RunnableConfig | None = None, **kwargs: Any) -> dict:
        return self._call_with_config(lambda x: self.answer(x, config).to_dict(), input, config)

    def stream(self, input: dict | str, config: RunnableConfig | None = None, **kwargs: Any) -> Iterator[str]:
        """The answer text: what is final (a grounded LLM answer or the extractive one), line by line."""
        for item in self.stream_answer(input, config):
            if isinstance(item, Answer):
                yield from item.answer.splitlines(keepends=True)


def make_chain(settings: Settings | None = None, mode: str | None = None) -> KyojuChain:
    return KyojuChain(settings, mode)
