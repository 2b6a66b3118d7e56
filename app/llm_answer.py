"""LLM mode: the model writes the answer from numbered passages; kyoju checks every sentence before showing it.

The generator yields provisional text pieces and finally either an `Answer` (the model's
grounded sentences, or an abstention when the model says the passages are silent) or a
`Fallback` telling the caller to answer extractively, with the reason as a note.

Provisional pieces are only sentences that already passed grounding (app/grounding.py),
so a wrong figure is never on screen, not even for a moment. A sentence that fails is
dropped and named in the note; when none is left, the extractive answer is given.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from .answer_types import Answer, abstain, cite, join_notes, timings
from .grounding import Verdict, ground_sentence
from .llm_guard import instruction_patterns, neutralise
from .llm_reply import complete_sentences, parse_reply, render
from .retrieve import Hit
from .settings import Settings

MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,、，]\s*\d+)*)\s*[\]］]")


@dataclass
class Fallback:
    """The LLM gave nothing trustworthy: answer extractively, with this note.

    The other fields are for the eval: copy them onto the extractive Answer."""

    note: str
    llm_status: str = "fallback"
    grounding_drops: list[str] = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)
    llm_format: str = ""


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


def guarded_passages(hits: list[Hit]) -> tuple[dict[int, dict], int]:
    """Numbered passages with instruction-shaped sentences cut: what the model sees and grounding checks."""
    out: dict[int, dict] = {}
    cut = 0
    for i, h in enumerate(hits):
        text, n = neutralise(h.chunk["text"])
        cut += n
        out[i + 1] = {**h.chunk, "text": text}
    return out, cut


def _drop_note(drops: list[Verdict]) -> str:
    if not drops:
        return ""
    named = "、".join(f"「{v.text[:40]}」（{v.reason}）" for v in drops[:3])
    more = f" ほか{len(drops) - 3}文" if len(drops) > 3 else ""
    return (f"資料で確かめられなかった文を除きました: {named}{more} / "
            f"{len(drops)} sentence(s) not supported by the cited passages were removed")


def llm_answer_stream(question: str, standalone: str, hits: list[Hit], settings: Settings, note: str,
                      support: float, t0: float, t1: float,
                      facts: list[str] | None = None) -> Iterator[str | Answer | Fallback]:
    """Provisional (already grounded) pieces, then a final `Answer` or `Fallback`.

    `facts`: statements kyoju already verified (the extractive table-cell look-up), given to
    the model to state with a citation; they are grounded like any other sentence.
    """
    from . import llm as llm_mod
    from .prompts import answer_inputs

    if instruction_patterns(question) or instruction_patterns(standalone):
        yield Fallback(join_notes(note, "質問に指示のような文が含まれるため、LLMを使わず抽出方式で回答しました / "
                                        "the question contains instruction-like text: extractive answer"))
        return
    passages, cut = guarded_passages(hits)
    guard_note = f"資料中の指示のような文（{cut}文）はLLMに渡していません" if cut else ""
    labelled = [(n, cite(n, hits[n - 1], []).label, p["text"]) for n, p in passages.items()]
    valid = set(passages)

    def check(text: str, nums: list[int]) -> Verdict:
        return ground_sentence(text, [n for n in nums if n in valid], passages, question=standalone)

    raw = ""
    shown = 0  # complete sentences already judged while streaming
    kept: list[tuple[str, list[int]]] = []
    t_llm = time.perf_counter()
    first: float | None = None
    try:
        for piece in llm_mod.stream_answer(settings, answer_inputs(standalone, labelled, facts)):
            if first is None:
                first = time.perf_counter() - t_llm
            raw += piece
            done = complete_sentences(raw)
            for text, nums in done[shown:]:
                v = check(text, nums)
                if v.grounded:
                    kept.append((text, v.sources))
                    yield render(kept)[len(render(kept[:-1])):]
            shown = len(done)
    except llm_mod.LLMError as err:
        llm_s = time.perf_counter() - t_llm
        yield Fallback(join_notes(note, guard_note, f"{err.ja}。抽出方式で回答しました / {err.en}: extractive answer"),
                       timings_ms=_ms(first, llm_s))
        return
    llm_s = time.perf_counter() - t_llm
    reply = parse_reply(raw)
    if reply.not_found and not reply.sentences:
        ans = abstain(question, standalone, hits, "llm", join_notes(note, guard_note), t0, t1, support)
        ans.timings_ms.update(_ms(first, llm_s))
        ans.llm_status, ans.llm_format = "abstained", reply.format
        yield ans
        return
    verdicts = [check(t, n) for t, n in reply.sentences]
    bad = sorted({n for _, nums in reply.sentences for n in nums if n not in valid})
    kept = [(v.text, v.sources) for v in verdicts if v.grounded]
    drops = [v for v in verdicts if not v.grounded]
    if not kept:
        why = ("LLMの回答を資料で確かめられなかったため、抽出方式で回答しました / "
               "no sentence of the LLM answer was supported by its cited passages: extractive answer")
        yield Fallback(join_notes(note, guard_note, why, _drop_note(drops)),
                       grounding_drops=[v.text for v in drops], timings_ms=_ms(first, llm_s), llm_format=reply.format)
        return
    used = list(dict.fromkeys(n for _, nums in kept for n in nums))
    flag = f"存在しない出典番号 {', '.join(f'[{b}]' for b in bad)} を削除しました" if bad else ""
    ans = Answer(question, render(kept), False, "llm", [cite(n, hits[n - 1], []) for n in used], standalone,
                 timings(t0, t1, llm=llm_s), support=support,
                 note=join_notes(note, guard_note, flag, _drop_note(drops)))
    ans.timings_ms.update(_ms(first, llm_s))
    ans.invalid_citations = bad
    ans.llm_status, ans.llm_format = "own", reply.format
    ans.grounding_drops = [v.text for v in drops]
    yield ans


def _ms(first: float | None, total: float) -> dict:
    out = {"llm": round(total * 1000, 1)}
    if first is not None:
        out["llm_first_token"] = round(first * 1000, 1)
    return out
