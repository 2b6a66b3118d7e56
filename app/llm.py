"""The optional LLM, through LangChain: the one place that talks to a chat model.

Providers: ``openai`` (ChatOpenAI with a base URL: vLLM, llama.cpp server, LM Studio,
OpenAI) and ``ollama`` (ChatOllama). Every failure (unreachable, timeout, HTTP error,
garbage, a stream cut mid-answer) becomes an `LLMError` carrying English and Japanese
text, so callers fall back to the extractive answer instead of crashing.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

from .prompts import rewrite_messages
from .settings import Settings


class LLMError(RuntimeError):
    def __init__(self, en: str, ja: str):
        super().__init__(f"{en} / {ja}")
        self.en, self.ja = en, ja


def chat_model(settings: Settings):
    if settings.llm_provider == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url or None,
            api_key=settings.llm_api_key or "not-needed",
            temperature=settings.llm_temperature,
            timeout=settings.llm_timeout_s,
            max_retries=0,  # a retry doubles the wait the user sees; we fall back instead
            streaming=True,
        )
    if settings.llm_provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=settings.llm_model,
            base_url=settings.llm_base_url or None,
            temperature=settings.llm_temperature,
            client_kwargs={"timeout": settings.llm_timeout_s},
        )
    raise LLMError("no LLM configured (KYOJU_LLM_PROVIDER, KYOJU_LLM_MODEL)",
                   "LLM が設定されていません（KYOJU_LLM_PROVIDER と KYOJU_LLM_MODEL）")


def _wrap(exc: Exception, settings: Settings) -> LLMError:
    name = type(exc).__name__
    where = settings.llm_base_url or settings.llm_provider
    if "Timeout" in name or "timed out" in str(exc).lower():
        return LLMError(f"the LLM server at {where} did not answer within {settings.llm_timeout_s:g} s",
                        f"LLM サーバー（{where}）が {settings.llm_timeout_s:g} 秒以内に応答しませんでした")
    if "Connect" in name or "Connection" in name or "refused" in str(exc).lower():
        return LLMError(f"cannot reach the LLM server at {where}", f"LLM サーバー（{where}）に接続できません")
    return LLMError(f"the LLM server at {where} failed: {name}: {str(exc)[:200]}",
                    f"LLM サーバー（{where}）でエラーが発生しました: {name}")


def stream_chat(settings: Settings, messages: list[tuple[str, str]]) -> Iterator[str]:
    """Text pieces as the model produces them; raises LLMError on any failure, including mid-stream."""
    model = chat_model(settings)
    finished = False
    try:
        for chunk in model.stream(messages):
            meta = getattr(chunk, "response_metadata", {}) or {}
            finished = finished or bool(meta.get("finish_reason") or meta.get("done_reason") or meta.get("done"))
            text = chunk.content if isinstance(chunk.content, str) else "".join(
                p.get("text", "") if isinstance(p, dict) else str(p) for p in chunk.content
            )
            if text:
                yield text
        if not finished:  # the connection closed mid-answer: what came is not the whole answer
            raise LLMError("the LLM stream ended before the answer was complete",
                           "LLM の応答が途中で切れました")
    except LLMError:
        raise
    except Exception as exc:  # the SDKs raise many types; all mean "no trustworthy answer"
        raise _wrap(exc, settings) from exc


def complete(settings: Settings, messages: list[tuple[str, str]]) -> str:
    return "".join(stream_chat(settings, messages)).strip()


def rewrite_question(settings: Settings, question: str, history: list[dict]) -> str:
    """A follow-up made standalone by the LLM; the question itself if the reply is unusable."""
    text = complete(settings, rewrite_messages(question, history))
    text = text.strip().strip("「」\"'").splitlines()[0].strip() if text.strip() else ""
    return text if 2 <= len(text) <= 300 else question


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
