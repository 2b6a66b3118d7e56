"""The domain vocabulary (ingest/resources/*.toml), loaded once and shared by ingest and the app.

Words live in data so a municipality can extend them without touching code, and so no
rule in code is written around one document's wording.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).with_name("resources")


@dataclass(frozen=True)
class Vocabulary:
    short_forms: dict[str, str]
    synonym_groups: tuple[tuple[str, ...], ...]
    counters: frozenset[str]
    stop_words: frozenset[str]
    functional_verbs: frozenset[str]
    relational_suffixes: tuple[str, ...]
    first_person: tuple[str, ...]
    zero_headers: tuple[str, ...]
    english_terms: dict[str, str]
    english_counters: dict[str, str]
    english_stop: frozenset[str]
    english_suffixes: dict[str, str] = field(default_factory=dict)  # "city" -> 市 after a romanised name
    count_words: tuple[str, ...] = ()
    not_attributes: frozenset[str] = frozenset()
    relative_nouns: frozenset[str] = frozenset()  # 後, これまで: a time told from what was said, no topic of its own
    light_verbs: frozenset[str] = frozenset()  # する, ある: a verb that names no action of its own
    totals: frozenset[str] = frozenset()  # 合計, 平均: 「Xの合計」 asks X in all — X is the attribute
    time_words: tuple[str, ...] = ()  # 期限, 日程: an attribute ending so is named by a date's own shape
    relative_years: frozenset[str] = frozenset()  # 来年度, 昨年度: a year told from the reader's today
    side_labels: tuple[str, ...] = ()  # 改正後, 改正前: versions of a text set side by side (a 新旧対照表)
    source_asked: tuple[str, ...] = ()  # 出典, 出所: a question asking where a table's figures come from
    counted_nouns: frozenset[str] = frozenset()  # 法人, 団体: a counter that names what it counts (23法人 is 法人)
    money_words: frozenset[str] = frozenset()  # 金額, 額: an attribute that is one of them is named by a sum's shape
    steps_asked: tuple[str, ...] = ()  # 手順, 流れ, 順番: a question asking a procedure's steps (app/steps.py)
    steps_not: tuple[str, ...] = ()  # 現段階, ステップアップ: words holding one of those that ask no procedure
    step_marks: tuple[str, ...] = ()  # STEP, ステップ: the words numbering a step line (「STEP1　…」)
    step_units: tuple[str, ...] = ()  # 段階, ステップ: what a lead counts steps in (「五つの段階に」)
    counter_groups: tuple[frozenset[str], ...] = ()
    compound_suffixes: tuple[str, ...] = ()  # 数, 長: a long form before one ends its own word (市区町村・数)
    ask_labels: tuple[str, ...] = ()  # 【質問】【要望事項】: a record's field that asks; its answer follows
    answer_labels: tuple[str, ...] = ()  # 【回答】【県の回答】: the field that answers
    request_endings: tuple[str, ...] = ()  # 教えてください: a turn ending so asks; its reply follows
    not_asking: tuple[str, ...] = ()  # いずれか, 明らか: a sentence ending so asks nothing
    speaker_labels: tuple[str, ...] = ()  # 発言者: the header of a table of turns
    era_names: frozenset[str] = frozenset()  # 令和, 平成: a year's prefix, not a topic word
    shifting_prefixes: tuple[str, ...] = ()  # 副, 次期: 副会長 is another role than 会長
    start_prefixes: tuple[str, ...] = ()  # 前, 旧: the same at a word's start only (前会長, not 事前相談)
    legal_forms: tuple[str, ...] = ()  # 株式会社, 社会福祉法人: a body's name follows (or precedes) one
    person_titles: tuple[str, ...] = ()  # 委員, 部会長: a person's surname comes before one
    before_asked: tuple[str, ...] = ()  # 前は, 引き上げ前: a question asking a value from before a change
    change_stated: tuple[str, ...] = ()  # 引き上げ, から…に: a passage stating a change or an earlier value
    deferred: tuple[str, ...] = ()  # 後日, 未定, 別途: a sentence saying the value is given or decided later
    kind_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # date -> 日時, 期限: a value's label
    header_counts: dict[str, str] = field(default_factory=dict)  # 件数 -> 件: the counter a 「…数」 column counts in
    name_classes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 法人 -> 会社, 協議会: a name's endings
    body_kinds: frozenset[str] = frozenset()  # 居住支援法人, 社会福祉法人: a kind of body, no name

    def synonyms(self, word: str) -> list[str]:
        """The other forms of every group holding `word` (document form first)."""
        out: list[str] = []
        for group in self.synonym_groups:
            if word in group:
                out.extend(w for w in group if w != word and w not in out)
        return out


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with open(RESOURCES / "vocabulary.toml", "rb") as f:
        v = tomllib.load(f)
    with open(RESOURCES / "english.toml", "rb") as f:
        e = tomllib.load(f)
    w = v.get("words", {})
    return Vocabulary(
        short_forms={_nfkc(k): _nfkc(val) for k, val in v.get("short_forms", {}).items() if k != val},
        synonym_groups=tuple(tuple(_nfkc(w) for w in g) for g in v.get("synonyms", {}).get("groups", [])),
        counters=frozenset(_nfkc(c) for c in w.get("counters", [])) | frozenset(w.get("counters", [])),
        stop_words=frozenset(w.get("stop_words", [])),
        functional_verbs=frozenset(w.get("functional_verbs", [])),
        relational_suffixes=tuple(w.get("relational_suffixes", [])),
        first_person=tuple(w.get("first_person", [])),
        zero_headers=tuple(_nfkc(z) for z in w.get("zero_headers", [])),
        english_terms={k.lower(): val for k, val in e.get("terms", {}).items()},
        english_counters={k.lower(): val for k, val in e.get("counters", {}).items()},
        english_stop=frozenset(e.get("stop", {}).get("words", [])),
        english_suffixes={k.lower(): val for k, val in e.get("name_suffixes", {}).items()},
        not_attributes=frozenset(_nfkc(a) for a in w.get("not_attributes", [])),
        relative_nouns=frozenset(_nfkc(a) for a in w.get("relative_nouns", [])),
        light_verbs=frozenset(_nfkc(a) for a in w.get("light_verbs", [])),
        totals=frozenset(_nfkc(a) for a in w.get("totals", [])),
        time_words=tuple(_nfkc(a) for a in w.get("time_words", [])),
        counted_nouns=frozenset(_nfkc(a) for a in w.get("counted_nouns", [])),
        relative_years=frozenset(_nfkc(a) for a in v.get("question", {}).get("relative_years", [])),
        side_labels=tuple(_nfkc(a) for a in v.get("question", {}).get("side_labels", [])),
        source_asked=tuple(_nfkc(a) for a in v.get("question", {}).get("source_asked", [])),
        money_words=frozenset(_nfkc(a) for a in w.get("money_words", [])),
        steps_asked=tuple(_nfkc(a) for a in w.get("steps_asked", [])),
        steps_not=tuple(_nfkc(a) for a in w.get("steps_not", [])),
        step_marks=tuple(_nfkc(a) for a in w.get("step_marks", [])),
        step_units=tuple(_nfkc(a) for a in w.get("step_units", [])),
        count_words=tuple(dict.fromkeys(_nfkc(c) for c in v.get("counting", {}).get("things", []))),
        counter_groups=tuple(frozenset(_nfkc(c) for c in g) for g in v.get("counting", {}).get("same", [])),
        compound_suffixes=tuple(_nfkc(x) for x in w.get("compound_suffixes", [])),
        ask_labels=tuple(_nfkc(a) for a in v.get("records", {}).get("asks", [])),
        answer_labels=tuple(_nfkc(a) for a in v.get("records", {}).get("answers", [])),
        request_endings=tuple(_nfkc(a).lower() for a in v.get("records", {}).get("request_endings", [])),
        not_asking=tuple(_nfkc(a) for a in v.get("records", {}).get("not_asking", [])),
        speaker_labels=tuple(_nfkc(a).lower() for a in v.get("records", {}).get("speaker_labels", [])),
        era_names=frozenset(_nfkc(e) for e in w.get("era_names", [])),
        shifting_prefixes=tuple(_nfkc(x) for x in w.get("shifting_prefixes", [])),
        start_prefixes=tuple(_nfkc(x) for x in w.get("start_prefixes", [])),
        legal_forms=tuple(_nfkc(x) for x in w.get("legal_forms", [])),
        person_titles=tuple(_nfkc(x) for x in w.get("person_titles", [])),
        before_asked=tuple(_nfkc(x).lower() for x in v.get("changes", {}).get("asked", [])),
        change_stated=tuple(_nfkc(x) for x in v.get("changes", {}).get("stated", [])),
        deferred=tuple(_nfkc(x).lower() for x in v.get("deferred", {}).get("phrases", [])),
        kind_labels={k: tuple(_nfkc(x) for x in xs) for k, xs in v.get("kind_labels", {}).items()},
        header_counts={_nfkc(k): _nfkc(c) for k, c in v.get("question", {}).get("header_counts", {}).items()},
        name_classes={_nfkc(k): tuple(_nfkc(x) for x in xs)
                      for k, xs in v.get("question", {}).get("name_classes", {}).items()},
        body_kinds=frozenset(_nfkc(x) for x in [*v.get("question", {}).get("body_kinds", []),
                                                  *w.get("legal_forms", [])]),
    )


@lru_cache(maxsize=1)
def table_marks() -> dict:
    """ingest/resources/tables.toml: the marks tables and page breaks print (values, 「（続き）」, 「（次ページに続く）」,
    status tags). Read by the table readers and by text cleaning."""
    with open(RESOURCES / "tables.toml", "rb") as f:
        return tomllib.load(f)


_KANJI = re.compile(r"[\u4e00-\u9fff々]")


@lru_cache(maxsize=1024)
def _one_word(pair: str) -> bool:
    """Two kanji the tokeniser reads as one word (協力, 協定), not two (協 + 事)."""
    from .tokens import morphemes  # it reads this module's vocabulary

    return len(morphemes(pair)) == 1


@lru_cache(maxsize=8)
def _forms_pattern(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, keys)))


def expand_short_forms(text: str, forms: dict[str, str] | None = None) -> str:
    """Short forms -> official forms, whole-word: a short form already followed by the rest of its
    long form (居住支援協 in 居住支援協議会) or already inside its long form (市町村 in 市区町村 is not,
    but 宅建 inside 宅地建物 cannot occur), or a clipped form running on into another word (居住支援協力店), is
    left as written."""
    forms = vocabulary().short_forms if forms is None else forms
    if not forms:
        return text
    out: list[str] = []
    i = 0
    pattern = _forms_pattern(tuple(sorted(forms, key=len, reverse=True)))
    while True:
        m = pattern.search(text, i)
        if not m:
            out.append(text[i:])
            break
        short, full = m.group(0), forms[m.group(0)]
        start = m.start()
        # where the long form would stand if this match were its beginning or middle
        at = full.find(short)
        already_long = at >= 0 and text.startswith(full, start - at) if start - at >= 0 else False
        # a clipped form (居住支援協 of 居住支援協議会) whose last character makes a word with the next one is the start
        # of that word (居住支援協力店: 協力; 居住支援協定: 協定), not the short form (居住支援協事務局 is)
        other_word = full.startswith(short) and m.end() < len(text) and _KANJI.match(text[m.end()]) is not None \
            and _one_word(short[-1] + text[m.end()])
        out.append(text[i:start])
        out.append(short if already_long or other_word else full)
        i = m.end()
    # a long form that begins a compound (市区町村数, from 市町村数 or as written) ends its own word: the tokeniser
    # splits the unknown 市区町村数 into 市 / 区 / 町 / 村数, and no question's 市町村 would find it. Written and
    # expanded forms get the same break, so both sides of a match read the same words.
    suffixes = vocabulary().compound_suffixes
    if not suffixes:
        return "".join(out)
    return _compound_break(tuple(sorted(set(forms.values()), key=len, reverse=True)), suffixes).sub(
        r"\g<0>・", "".join(out))


@lru_cache(maxsize=8)
def _compound_break(longs: tuple[str, ...], suffixes: tuple[str, ...]) -> re.Pattern:
    # only before a one-character suffix that ends the word (市区町村数, 市区町村長), not inside a longer compound
    # (市区町村営住宅) or a word of its own (宅地建物取引業者)
    return re.compile(f"(?:{'|'.join(map(re.escape, longs))})(?=(?:{'|'.join(map(re.escape, suffixes))})(?![一-龥]))")


# lists only the question side reads (app.query): editing them changes no token of the index, so no rebuild
QUERY_ONLY = frozenset({"synonyms", "question", "english_captions"})


def resources_digest() -> str:
    """A short digest of the word lists ingest reads (ingest/resources/*.toml): part of the index's fingerprint, so
    an edited list rebuilds the tokens without `kyoju ingest --force`."""
    h = hashlib.sha256()
    for path in sorted(RESOURCES.glob("*.toml")):  # what the lists say, not how they are written (comments, CRLF)
        with open(path, "rb") as f:
            lists = {k: v for k, v in tomllib.load(f).items() if k not in QUERY_ONLY}
        h.update(path.name.encode() + b"\0" + json.dumps(lists, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:16]
