"""LLM mode: the model writes the answer from numbered passages; kyoju checks it before showing it.

The generator yields provisional text pieces and finally either an `Answer` (the model's
checked answer, or an abstention when the model says the passages are silent) or a
`Fallback` telling the caller to answer extractively, with the reason as a note.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from .answer_types import Answer, abstain, cite, join_notes, timings
from .retrieve import Hit
from .settings import Settings

MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,、，]\s*\d+)*)\s*[\]］]")


@dataclass
class Fallback:
    """The LLM gave nothing trustworthy: answer extractively, with this note."""

    note: str


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


def llm_answer_stream(question: str, standalone: str, hits: list[Hit], settings: Settings, note: str,
                      support: float, t0: float, t1: float) -> Iterator[str | Answer | Fallback]:
    """Provisional pieces, then a final `Answer` or `Fallback`."""
    from . import llm as llm_mod
    from .prompts import NOT_FOUND, answer_messages

    passages = [(i + 1, cite(i + 1, h, []).label, h.chunk["text"]) for i, h in enumerate(hits)]
    pieces: list[str] = []
    t_llm = time.perf_counter()
    try:
        for piece in llm_mod.stream_chat(settings, answer_messages(standalone, passages)):
            pieces.append(piece)
            yield piece
    except llm_mod.LLMError as err:
        yield Fallback(join_notes(note, f"{err.ja}。抽出方式で回答しました / {err.en}: extractive answer"))
        return
    raw = "".join(pieces).strip()
    text, used, bad = validate_citations(raw, set(range(1, len(hits) + 1)))
    llm_s = time.perf_counter() - t_llm
    if NOT_FOUND.rstrip("。") in text and not used:
        ans = abstain(question, standalone, hits, "llm", note, t0, t1, support)
        ans.timings_ms["llm"] = round(llm_s * 1000, 1)
        yield ans
        return
    if used:
        cites = [cite(n, hits[n - 1], []) for n in used]
        flag = f"存在しない出典番号 {', '.join(f'[{b}]' for b in dict.fromkeys(bad))} を削除しました" if bad else ""
        ans = Answer(question, text, False, "llm", cites, standalone, timings(t0, t1, llm=llm_s),
                     support=support, note=join_notes(note, flag))
        ans.invalid_citations = sorted(set(bad))
        yield ans
        return
    yield Fallback(join_notes(note, "LLMの回答に有効な出典がなかったため、抽出方式で回答しました / "
                                    "the LLM answer cited no passage: extractive answer"))
