"""The steps of a procedure, in order: 「設立までの手順を順番に教えて」 is answered by the list of steps.

A guide prints a procedure as numbered step lines (STEP1 … STEP5, ①…④, 第1段階) that often fall into several
passages, one per step, or as a lead announcing the steps (「…を五つの段階に分けて説明します」) over headings of their
own, without numbers. Sentence picking quotes the best line or two, so a question asking for the whole procedure got
its first step only. Here the steps are read from the top passage and the passages around it in the document, in
print order. The words are domain vocabulary (`steps_asked`, `steps_not`, `step_marks`, `step_units` under `[words]`
in vocabulary.toml); the numbering shapes (①, 第N段階) are general Japanese.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ingest.clean import normalize, squash
from ingest.vocabulary import vocabulary

from .query import Query
from .retrieve import Hit, Retriever
from .specifiers import kanji_number, unit_named

MOST_STEPS = 12
REACH = 8  # passages after the top one that may hold the rest of the steps
BACK = 3  # passages before it that may hold the first ones
KANJI_COUNT = r"[一二三四五六七八九十]{1,2}"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a numbered step line, a lead announcing a count of steps), from the vocabulary's words."""
    v = vocabulary()
    marks = "|".join(map(re.escape, sorted(v.step_marks, key=len, reverse=True))) or "STEP"
    units = "|".join(map(re.escape, sorted(v.step_units, key=len, reverse=True))) or "段階"
    # 「STEP1　…」「手順2：…」 (style: the mark), 「①　…」 (circled), 「第3段階　…」 (the ordinal)
    line = re.compile(rf"^\s*(?:(?P<mark>{marks})\s*(?P<n>\d{{1,2}})|(?P<c>[①-⑳])|第\s*(?P<k>\d{{1,2}})\s*段階)"
                      r"(?![\d,.])\s*[:：.．、\s]?\s*(?P<rest>\S.*)?$")
    # 「五つの段階に」「3つのステップ」「設立までの3ステップ」「4段階で」 — not an ordinal (第2段階) nor a count of
    # something else (「利用料は3段階です」 is no procedure: the lead must say the steps follow or are explained)
    lead = re.compile(rf"(?<!第)(?<![\d一-龥])(?P<n>\d{{1,2}}|{KANJI_COUNT})\s*つ?\s*の?\s*(?:{units})")
    return line, lead


def _says(text: str, words: tuple[str, ...]) -> bool:
    """Whether a normalised text holds one of the words (English ones as whole words)."""
    low = text.lower()
    for w in words:
        wl = w.lower()
        if wl.isascii():
            if re.search(rf"\b{re.escape(wl)}\b", low):
                return True
        elif wl in low:
            return True
    return False


def asks_steps(q: Query) -> bool:
    """The question asks for a procedure's steps (手順, 流れ, 順番…) in its own words, and no value of a kind (a
    figure, a place, a sum: 「手順のうち面談は何回」「ステップアップ研修の会場は」 ask one)."""
    if q.numeric or q.asks:
        return False
    v = vocabulary()
    text = normalize(q.raw if q.follow_up else q.standalone)  # a follow-up's words, not the earlier question's
    for w in v.steps_not:
        text = text.replace(normalize(w), " ")
    return _says(text, v.steps_asked)


def _style(m: re.Match) -> str:
    return "circled" if m.group("c") else "段階" if m.group("k") else normalize(m.group("mark")).upper()


def _step(line: str) -> tuple[str, int] | None:
    """(numbering style, number) of a step line with its text, else None."""
    m = _patterns()[0].match(line)
    if not m or not m.group("rest"):
        return None
    if m.group("c"):
        return _style(m), ord(m.group("c")) - ord("①") + 1
    return _style(m), int(m.group("n") or m.group("k"))


def _lines(chunk: dict) -> list[str]:
    """A passage's printed lines (a step line is one line of its own; a step's mark printed on a line above its
    title, 「STEP1」 over 「庁内準備会の設置」 in a box, is read with it)."""
    out: list[str] = []
    for x in (x.strip() for x in chunk.get("text", "").splitlines()):
        if not x:
            continue
        if out and _bare_mark(out[-1]) and not _patterns()[0].match(x):
            out[-1] = f"{out[-1]} {x}"
        else:
            out.append(x)
    return out


def _bare_mark(line: str) -> bool:
    m = _patterns()[0].match(line)
    return bool(m) and not m.group("rest")


def _announced(line: str) -> int | None:
    """The count of steps a lead announces, where the line is a lead and not a step itself."""
    if _step(line) is not None:
        return None
    m = _patterns()[1].search(normalize(line))
    if not m:
        return None
    n = m.group("n")
    value = int(n) if n.isdigit() else kanji_number(n)
    return value if 2 <= value <= MOST_STEPS else None


def _chapter(c: dict) -> str:
    return (c.get("section_path") or [""])[0]


def _around(retriever: Retriever, h: Hit) -> tuple[list[dict], int]:
    """(passages, where the top one is among them): up to BACK passages before it and up to REACH after it, in its
    document and under its chapter (step 1 may be a passage of its own)."""
    snap = retriever.snapshot
    i = snap.pos.get(h.chunk.get("id"))
    if i is None:
        return [h.chunk], 0
    doc, top = h.chunk.get("doc_id"), _chapter(h.chunk)

    def same(c: dict) -> bool:
        return c.get("doc_id") == doc and _chapter(c) == top

    before = []
    for c in reversed(snap.chunks[max(0, i - BACK):i]):
        if not same(c):
            break
        before.insert(0, c)
    after = [h.chunk]
    for c in snap.chunks[i + 1:i + REACH + 1]:
        # (a passage opening with a step goes on with the procedure though its heading made it a chapter of its
        # own: 「STEP2　関係団体への呼びかけ」 printed as a box after 「STEP1」)
        if not same(c) and not (c.get("doc_id") == doc and any(_step(x) for x in _lines(c)[:1])):
            break
        after.append(c)
    return before + after, len(before)


def _numbered(chunks: list[dict]) -> list[tuple[dict, str]]:
    """Step lines numbered 1, 2, 3 … in print order and in one numbering style (a list of documents ①② inside
    STEP 1 is not STEP 2), from the first step 1 on; a new step 1 of that style ends the procedure (another one)."""
    steps: list[tuple[dict, str]] = []
    style = ""
    for c in chunks:
        if c.get("kind") == "table":
            continue
        for line in _lines(c):
            found = _step(line)
            if found is None:
                continue
            s, n = found
            if n == 1 and (not steps or s == style):
                if len(steps) >= 3:
                    return steps
                steps, style = [(c, line)], s
            elif steps and s == style and n == len(steps) + 1:
                steps.append((c, line))
    return steps


def _headed(chunks: list[dict], want: int) -> list[tuple[dict, str]]:
    """The `want` section titles printed after the announcing passage: its sub-sections (depth + 1) if it has that
    many, else the sections beside it (a guide's unnumbered step headings 「庁内の体制をつくる」「関係団体に声をかける」…
    set at the level of the announcing one)."""
    path = list(chunks[0].get("section_path") or [])
    if not path:
        return []
    for parent, depth in ((path, len(path) + 1), (path[:-1], len(path))):
        seen, steps = {squash(path[-1])}, []
        for c in chunks[1:]:
            p = list(c.get("section_path") or [])
            if len(p) != depth or p[:-1] != parent:
                if steps:
                    break
                continue
            if squash(p[-1]) in seen:
                continue
            seen.add(squash(p[-1]))
            steps.append((c, p[-1]))
            if len(steps) == want:
                return steps
    return []


def _holds(chunk: dict, steps: list[tuple[dict, str]]) -> bool:
    return any(c.get("id") == chunk.get("id") for c, _ in steps)


def step_list(q: Query, hits: list[Hit], retriever: Retriever, top: int = 2
              ) -> tuple[Hit, str, list[tuple[Hit, str]]] | None:
    """(the top passage, its lead announcing the steps or '', the steps as (passage, line)) for a question asking a
    procedure's steps. None when no top passage holds a step of at least three numbered ones (or of as many as its
    lead announces) or announces steps printed as headings after it."""
    if not asks_steps(q):
        return None
    # a question naming its unit (「事例4-③の県は…どのような手順で」) asks that unit's procedure: another passage's
    # numbered list (a guide's ①–⑥ of what rules hold) is no answer to it
    named = [h for h in hits[:top] if unit_named(h.chunk, q.refs)]
    if q.refs and not named and any(unit_named(h.chunk, q.refs) for h in hits[top:5]):
        return None
    for h in named or hits[:top]:
        chunks, at = _around(retriever, h)
        lead = next((x for x in _lines(h.chunk) if _announced(x)), "")
        want = _announced(lead) if lead else None
        steps = _numbered(chunks)  # the whole run: a count in the lead may be of something else (「3段階の料金」)
        announced_here = bool(lead) and bool(steps) and chunks.index(steps[0][0]) >= at
        if not _holds(h.chunk, steps) and not announced_here:
            steps = []  # the steps of another procedure nearby: the top passage must hold one, or announce them
        if len(steps) < min(3, want or 3) and want:
            steps = _headed(chunks[at:], want)
        if len(steps) < min(3, want or 3):
            continue
        as_hits = [(h if c.get("id") == h.chunk.get("id") else dataclasses.replace(h, chunk=c, sentence_scores={}), line)
                   for c, line in steps]
        return h, lead, as_hits
    return None
