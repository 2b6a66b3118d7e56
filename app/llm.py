"""The optional LLM, through LangChain: the one place that talks to a chat model.

Providers: ``openai`` (ChatOpenAI with a base URL: vLLM, llama.cpp server, LM Studio,
OpenAI) and ``ollama`` (ChatOllama). One chat model per settings, cached: a new client per
call would open new connections and re-read its configuration every question.

Chains (prompts from app/prompts.py): the answer is ``ANSWER_PROMPT | model bound to the
JSON schema | text parser`` and the follow-up rewrite ``REWRITE_PROMPT | model | text parser``.

The deadline is one wall-clock budget (``llm_timeout_s``) for the whole call. An HTTP
read timeout is not one: llama.cpp sends a keep-alive every 15 s, so a 123 s answer never
tripped a 30 s read timeout. Chains run as asyncio tasks on one background event loop;
when the budget passes (or the caller stops reading) the task is cancelled, which closes
the HTTP connection so the server stops generating for an answer nobody will read.

Every failure (unreachable, timeout, HTTP error, garbage, a stream cut mid-answer) becomes
an `LLMError` carrying English and Japanese text, so callers fall back to the extractive
answer instead of crashing.
"""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from functools import lru_cache

from langchain_core.runnables import Runnable, RunnableGenerator, RunnableSequence

from .prompts import ANSWER_PROMPT, ANSWER_SCHEMA, REWRITE_PROMPT, rewrite_inputs
from .settings import Settings


class LLMError(RuntimeError):
    def __init__(self, en: str, ja: str, kind: str = "error"):
        super().__init__(f"{en} / {ja}")
        self.en, self.ja, self.kind = en, ja, kind


class StreamCut(RuntimeError):
    """The stream closed without a finish reason: what came is not the whole answer."""


def _model_key(settings: Settings) -> tuple:
    return (settings.llm_provider, settings.llm_model, settings.llm_base_url, settings.llm_api_key,
            settings.llm_temperature, settings.llm_timeout_s)


def chat_model(settings: Settings):
    """The chat model for these settings, created once and reused."""
    if not settings.llm_enabled:
        raise LLMError("no LLM configured (KYOJU_LLM_PROVIDER, KYOJU_LLM_MODEL)",
                       "LLM が設定されていません（KYOJU_LLM_PROVIDER と KYOJU_LLM_MODEL）")
    return _cached_model(_model_key(settings))


@lru_cache(maxsize=8)
def _cached_model(key: tuple):
    provider, model, base_url, api_key, temperature, timeout_s = key
    # the HTTP timeout is only a backstop behind the wall-clock deadline (stream_with_deadline)
    http_timeout = timeout_s + 5
    if provider == "openai":
        import openai.lib.streaming.chat  # noqa: F401 (imported here, not inside the first call's deadline)
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(model=model, base_url=base_url or None, api_key=api_key or "not-needed",
                          temperature=temperature, timeout=http_timeout,
                          max_retries=0,  # a retry doubles the wait the user sees; we fall back instead
                          streaming=True)
    if provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(model=model, base_url=base_url or None, temperature=temperature,
                          client_kwargs={"timeout": http_timeout})
    raise LLMError(f"unknown LLM provider {provider!r}", f"LLM の種類 {provider!r} は使えません")


def _chunk_text(chunk) -> str:
    content = getattr(chunk, "content", chunk)
    if isinstance(content, str):
        return content
    return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)


def _finished(chunk) -> bool:
    meta = getattr(chunk, "response_metadata", {}) or {}
    return bool(meta.get("finish_reason") or meta.get("done_reason") or meta.get("done"))


def _text_pieces(chunks: Iterator) -> Iterator[str]:
    finished = False
    for chunk in chunks:
        finished = finished or _finished(chunk)
        if text := _chunk_text(chunk):
            yield text
    if not finished:
        raise StreamCut()


async def _atext_pieces(chunks: AsyncIterator) -> AsyncIterator[str]:
    finished = False
    async for chunk in chunks:
        finished = finished or _finished(chunk)
        if text := _chunk_text(chunk):
            yield text
    if not finished:
        raise StreamCut()


# The parser of both chains: message chunks -> text pieces, and a stream that ends without a
# finish reason raises (a JSON answer cut in half must not be read as a short answer).
TEXT_PARSER = RunnableGenerator(_text_pieces, _atext_pieces)


def structured_model(settings: Settings) -> Runnable:
    """The chat model bound to ANSWER_SCHEMA the way `with_structured_output(method="json_schema")`
    binds it (OpenAI ``response_format``, which llama.cpp turns into a grammar; Ollama ``format``).
    Its JSON parser is left off: a server that ignores the schema answers in plain text with [n]
    markers, and app/llm_reply.py reads both."""
    structured = chat_model(settings).with_structured_output(ANSWER_SCHEMA, method="json_schema")
    return structured.first if isinstance(structured, RunnableSequence) else structured


def answer_chain(settings: Settings) -> Runnable:
    """prompt | model (JSON schema) | parser: answer_inputs(...) -> raw reply text pieces."""
    return ANSWER_PROMPT | structured_model(settings) | TEXT_PARSER


def rewrite_chain(settings: Settings) -> Runnable:
    """prompt | model | parser: rewrite_inputs(...) -> the rewritten question's text pieces."""
    return REWRITE_PROMPT | chat_model(settings) | TEXT_PARSER


_loop_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def _background_loop() -> asyncio.AbstractEventLoop:
    """One event loop for every LLM call: the async HTTP clients keep their connections on it."""
    global _loop
    with _loop_lock:
        if _loop is None or _loop.is_closed():
            _loop = asyncio.new_event_loop()
            threading.Thread(target=_loop.run_forever, name="kyoju-llm", daemon=True).start()
        return _loop


def _wrap(exc: BaseException, settings: Settings) -> LLMError:
    name = type(exc).__name__
    where = settings.llm_base_url or settings.llm_provider
    if isinstance(exc, StreamCut):
        return LLMError("the LLM stream ended before the answer was complete", "LLM の応答が途中で切れました", "cut")
    if "Timeout" in name or "timed out" in str(exc).lower():
        return _too_slow(settings)
    if "Connect" in name or "Connection" in name or "refused" in str(exc).lower():
        return LLMError(f"cannot reach the LLM server at {where}", f"LLM サーバー（{where}）に接続できません", "connect")
    return LLMError(f"the LLM server at {where} failed: {name}: {str(exc)[:200]}",
                    f"LLM サーバー（{where}）でエラーが発生しました: {name}")


def _too_slow(settings: Settings) -> LLMError:
    where = settings.llm_base_url or settings.llm_provider
    return LLMError(f"the LLM at {where} was too slow: no complete answer within {settings.llm_timeout_s:g} s "
                    "(request cancelled)",
                    f"LLM（{where}）が {settings.llm_timeout_s:g} 秒以内に応答しませんでした（遅すぎるため打ち切りました）",
                    "timeout")


def stream_with_deadline(runnable: Runnable, inputs: dict, settings: Settings,
                         budget_s: float | None = None) -> Iterator[str]:
    """The runnable's text pieces, within one wall-clock budget for the whole call.

    Raises LLMError on any failure. When the budget passes, or the caller closes this
    generator early, the request task is cancelled and its HTTP connection closed.
    """
    budget = settings.llm_timeout_s if budget_s is None else budget_s
    pieces: queue.Queue = queue.Queue()

    async def pump() -> None:
        try:
            async for piece in runnable.astream(inputs):
                pieces.put(("piece", piece))
            pieces.put(("end", None))
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # the SDKs raise many types; all mean "no trustworthy answer"
            pieces.put(("error", exc))

    deadline = time.monotonic() + budget
    task = asyncio.run_coroutine_threadsafe(pump(), _background_loop())
    try:
        while True:
            left = deadline - time.monotonic()
            try:
                kind, value = pieces.get(timeout=max(left, 0.0)) if left > 0 else pieces.get_nowait()
            except queue.Empty:
                raise _too_slow(settings) from None
            if kind == "end":
                return
            if kind == "error":
                raise _wrap(value, settings) from value
            yield value
    finally:
        if not task.done():
            task.cancel()  # closes the HTTP response: the server sees the client go


_NO_SCHEMA: set[tuple] = set()  # servers that refused a JSON-schema response_format (llama-cpp-python's)


def _schema_refused(err: LLMError) -> bool:
    text = f"{err} {err.__cause__ or ''}".lower()
    return "response_format" in text or "json_schema" in text or "json_object" in text


def plain_answer_chain(settings: Settings) -> Runnable:
    """prompt | model | parser without a response_format: the prompt still asks for the JSON shape,
    and app/llm_reply.py reads JSON or [n]-marked text."""
    return ANSWER_PROMPT | chat_model(settings) | TEXT_PARSER


def stream_answer(settings: Settings, inputs: dict) -> Iterator[str]:
    """Raw reply pieces of the answer chain (JSON, or plain text if the server ignores the schema).
    A server that refuses the schema outright is asked again without it, and remembered."""
    key = _model_key(settings)
    try:
        chain = plain_answer_chain(settings) if key in _NO_SCHEMA else answer_chain(settings)
    except LLMError:
        raise
    except Exception as exc:
        raise _wrap(exc, settings) from exc
    started = False
    try:
        for piece in stream_with_deadline(chain, inputs, settings):
            started = True
            yield piece
    except LLMError as err:
        if started or key in _NO_SCHEMA or not _schema_refused(err):
            raise
        _NO_SCHEMA.add(key)
        yield from stream_with_deadline(plain_answer_chain(settings), inputs, settings)


def complete(settings: Settings, runnable: Runnable, inputs: dict) -> str:
    return "".join(stream_with_deadline(runnable, inputs, settings)).strip()


def _first_line(text: str) -> str:
    text = text.strip().strip("「」\"'")
    return text.splitlines()[0].strip().strip("「」\"'") if text else ""


def faithful_rewrite(settings: Settings, question: str, history: list[dict]) -> str | None:
    """The follow-up made standalone by the LLM, or None when the rewrite is unusable or adds
    content words or figures found neither in the question nor in the history (a small model
    answers instead of rewriting: 「受刑者関係の機関は、司法部です。」). Raises LLMError."""
    from .grounding import rewrite_is_faithful

    text = _first_line(complete(settings, rewrite_chain(settings), rewrite_inputs(question, history)))
    if not 2 <= len(text) <= 300:
        return None
    return text if rewrite_is_faithful(text, question, history) else None


def rewrite_question(settings: Settings, question: str, history: list[dict]) -> str:
    """`faithful_rewrite`, or the question itself when the rewrite is not faithful. Raises LLMError."""
    return faithful_rewrite(settings, question, history) or question


def health(settings: Settings, timeout_s: float = 3.0) -> tuple[bool, str]:
    """(ok, Japanese message) for the sidebar and `kyoju status`: is the server there, is the model known."""
    if not settings.llm_enabled:
        return False, "LLM は設定されていません（抽出方式で回答します）"
    base = (settings.llm_base_url or ("http://127.0.0.1:11434" if settings.llm_provider == "ollama"
                                      else "https://api.openai.com/v1")).rstrip("/")
    url = f"{base}/api/tags" if settings.llm_provider == "ollama" else f"{base}/models"
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {settings.llm_api_key}"})
    try:
        with urllib.request.urlopen(req, timeout=timeout_s) as resp:  # noqa: S310 (configured URL)
            body = json.loads(resp.read().decode("utf-8", "replace") or "{}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return False, f"LLM サーバー（{base}）に接続できません: {exc}"
    names = [m.get("id") or m.get("name") or m.get("model") for m in (body.get("data") or body.get("models") or [])]
    if names and settings.llm_model not in names:
        return True, f"接続できますが、モデル {settings.llm_model} が一覧にありません（{', '.join(map(str, names[:5]))}）"
    return True, f"{settings.llm_provider}: {settings.llm_model}（{base}）に接続できます"
