"""Reading what the model replied: the JSON of cited sentences, or plain text with [n] markers.

The schema is asked for, but a server may ignore it (an old llama.cpp, an OpenAI-compatible
proxy), and a model may wrap the JSON in a code fence or prose. Pure functions, so every
shape is tested without a model.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from langchain_core.utils.json import parse_partial_json

from .grounding import normalize, split_marked
from .prompts import NOT_FOUND


@dataclass
class Reply:
    """The model's answer as (sentence, passage numbers) pairs, and how it was read."""

    sentences: list[tuple[str, list[int]]] = field(default_factory=list)
    format: str = "text"  # "json": the schema was followed; "text": read from [n] markers
    not_found: bool = False  # the model said the passages do not answer


def _json_object(raw: str) -> dict | None:
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", raw.strip())
    start = text.find("{")
    if start < 0:
        return None
    try:
        obj = json.loads(text[start:])
    except ValueError:
        try:
            obj = json.loads(text[start : text.rfind("}") + 1])
        except ValueError:
            return None
    return obj if isinstance(obj, dict) else None


def _pairs(obj: dict, complete_only: bool = False) -> list[tuple[str, list[int]]]:
    items = obj.get("sentences")
    if not isinstance(items, list):
        return []
    if complete_only:
        items = items[:-1]  # the last one may still be growing
    out = []
    for it in items:
        if not isinstance(it, dict) or not isinstance(it.get("text"), str):
            continue
        src = it.get("sources") or []
        nums = [int(n) for n in (src if isinstance(src, list) else [src])
                if isinstance(n, int | str) and str(n).strip().isdigit()]
        out.append((it["text"].strip(), list(dict.fromkeys(nums))))
    return [(t, n) for t, n in out if t]


def _says_not_found(text: str) -> bool:
    return NOT_FOUND.rstrip("。") in normalize(text) or "該当する記述が見つかりません" in normalize(text)


def parse_reply(raw: str) -> Reply:
    """The whole reply -> sentences with their passage numbers (JSON first, then [n] markers)."""
    obj = _json_object(raw)
    if obj is not None and "sentences" in obj:
        pairs = _pairs(obj)
        only_not_found = all(_says_not_found(t) for t, _ in pairs)
        return Reply([p for p in pairs if not _says_not_found(p[0])], "json", not pairs or only_not_found)
    pairs = split_marked(raw)
    substantive = [(t, n) for t, n in pairs if not _says_not_found(t)]
    return Reply(substantive, "text", bool(pairs) and not any(n for _, n in substantive) and _says_not_found(raw))


def complete_sentences(raw_so_far: str) -> list[tuple[str, list[int]]]:
    """Sentences of a JSON reply still streaming that are already complete (a later one has begun)."""
    if not raw_so_far.lstrip().startswith("{"):
        return []
    obj = parse_partial_json(raw_so_far.strip())
    return _pairs(obj, complete_only=True) if isinstance(obj, dict) else []


def render(sentences: list[tuple[str, list[int]]]) -> str:
    """Cited text as the extractive answer writes it: 「…です。[1]」, list items on their own lines."""
    out = ""
    for text, nums in sentences:
        piece = text + "".join(f"[{n}]" for n in nums)
        if out and (text.startswith(("- ", "・", "-")) or out.endswith("\n") or "\n- " in out or out.startswith("- ")):
            out += "\n"
        out += piece
    return out
