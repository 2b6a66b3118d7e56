"""Do the documents answer this question? Several signals, combined by a calibrated model.

One lexical-coverage score could not separate answerable from unanswerable questions that
were worded differently from the documents (a verb where the document has a noun, an
everyday word for an administrative one). So several signals are measured (`features`) and
combined by a logistic regression fitted on training folds of the question bank
(`python -m eval.fit`, weights in app/resources/answerability.json). The probability maps
to three outcomes: answer, cautious answer (related but not direct), abstain.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.clean import (
    BRACKETED,
    is_row_number_head,
    is_schedule,
    normalize,
    passage_parts,
    split_sentences,
    squash,
)
from ingest.table_rows import is_separator, table_row_texts
from ingest.tokens import content_words
from ingest.vocabulary import expand_short_forms, vocabulary

from .answer_kinds import ANSWER_LOOKS, FINER_DATES, RATE_HEAD, SHORT_DATE, finest, names_listed, value_kinds
from .compose import (
    answer_cell,
    block_label,
    counted_in_yen,
    fiscal_years,
    looked_up,
    scope_of,
    without_years,
)
from .counting import arabic_figures, counter_forms, counts_in, figure_pattern, same_counter, units_in
from .query import Query, synonym_tokens
from .retrieve import Hit, Retriever
from .sentence_rank import ITEM_LINE, is_question_line, is_title_line, speaker_of
from .specifiers import SPEAKER_MARK, compared_places, enumerated, held, specifiers

MODEL_FILE = Path(__file__).with_name("resources") / "answerability.json"
STATED_YEAR = re.compile(r"(?:(?:令和|平成|R|H)(?:\d{1,2}|元)|(?:19|20)\d\d)年(度)?")  # squashed text: no spaces
IDF_FLOOR = 1.0  # a word found in every passage of a small corpus still names the question's topic
# Questions paraphrase verbs and add colloquial adverbs; their nouns carry the topic.
TERM_WEIGHT = {"動詞": 0.3, "形容詞": 0.3, "副詞": 0.1, "接尾辞": 0.3, "感動詞": 0.1}
FEATURES = (
    "cover", "cover_top1", "cover_syn", "unknown_noun", "unknown_share", "dense_sent", "dense_chunk",
    "agree", "lex_top", "n_terms", "figure_seen", "year_seen", "type_missing",
    "cell_found", "best_sentence", "known_missing", "kind_near", "kind_share", "spec_anchor",
    "anchor", "bound", "before_stated", "deferred", "english", "cell_gap", "pairs_held", "kind_clause",
)

# The direction each signal can only push (+1 towards an answer, -1 towards abstaining, 0 either): the fit keeps
# every weight on its side (eval.fit.MonotoneLogistic)
SIGNS = {
    "cover": 1, "cover_top1": 1, "cover_syn": 1, "unknown_noun": -1, "unknown_share": -1, "dense_sent": 1,
    "dense_chunk": 1, "agree": 1, "lex_top": 1, "n_terms": 0, "figure_seen": 1, "year_seen": 1, "type_missing": -1,
    "cell_found": 1, "best_sentence": 1, "known_missing": -1, "kind_near": 1, "kind_share": 1, "spec_anchor": 1,
    "anchor": 1, "bound": 1, "before_stated": 1, "deferred": -1, "english": 0, "cell_gap": -1, "pairs_held": 1,
    "kind_clause": 1,
}

ANSWER, CAUTIOUS, ABSTAIN = "answer", "cautious", "abstain"


@dataclass(frozen=True)
class Verdict:
    outcome: str  # answer | cautious | abstain
    probability: float
    features: dict[str, float]


def _near(parts: list[str], text: str, slop: int = 2) -> bool:
    """A compound's parts in order with at most `slop` characters between them (市…町村 in 市区町村),
    not scattered over the passages (生活 … 保護)."""
    pattern = f".{{0,{slop}}}".join(re.escape(squash(normalize(p))) for p in parts)
    return bool(re.search(pattern, text))


@lru_cache(maxsize=256)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(content_words(title))


def title_words(hit: Hit) -> frozenset[str]:
    """The words of the title of the document a passage is from: a question that names the document
    (「手引きでは」「報告書に挙げられている」) names where to look, not something the passage must say."""
    return _title_words(hit.chunk.get("doc_title") or "")


_COUNTED = re.compile(r"^[\d,.]+(\D{1,4})$")


def with_counters(tokens: set[str]) -> set[str]:
    """Passage tokens plus the counter of each counted figure (4回 → 回, 11名 → 名): a question asking 「年何回」 keeps
    the bare counter 回 as a word, which a passage stating 「年4回」 holds inside its figure."""
    return tokens | {m.group(1) for t in tokens if (m := _COUNTED.match(t))}


def _coverage(q: Query, retriever: Retriever, hits: list[Hit], synonyms: bool) -> tuple[float, bool, float]:
    """(IDF-weighted share of the question's long-unit terms found in the passages, a corpus-unknown
    noun is missing, share of weight on terms the corpus never uses)."""
    if not q.terms or not hits:
        return 0.0, False, 0.0
    have: set[str] = set()
    text = ""
    for h in hits:
        c = h.chunk
        have.update(c.get("tokens") or content_words(c["text"]))
        have.update(title_words(h))
        text += squash(" ".join((c.get("section_title", ""), c.get("unit_title", ""), c["text"])))
    have = with_counters(have)
    total = got = unknown_w = 0.0
    unknown_missing = False
    for t in q.terms:
        parts = content_words(t.surface) or [t.word]
        weight = max(sum(retriever.idf(p) for p in parts), IDF_FLOOR) * TERM_WEIGHT.get(t.pos, 1.0)
        if len(parts) == 1:  # one word: as a word (a lone 「法」 must not match inside 「方法」)
            found = parts[0] in have or (len(t.word) > 1 and squash(t.word) in text)
        else:
            found = any(squash(w) in text for w in (t.word, t.surface)) or _near(parts, text)
        if not found and synonyms:
            found = any(s in have for s in synonym_tokens(tuple(parts)))
        relative = t.word in vocabulary().relative_years  # 来年度: a dated document names the year itself
        if not found and relative:  # 来年度 by a stated 年度 (令和8年度), 来年 by a stated year
            found = any(m.group(1) or not t.word.endswith("年度") for m in STATED_YEAR.finditer(text))
        total += weight
        got += weight * found
        # a word the passages print verbatim is known to them, however the tokeniser cut it there (立ち上げ inside
        # 協議会立ち上げ伴走支援事業 is read 立つ / 上げる)
        unknown = any(not retriever.knows(p) for p in parts) and not (len(t.word) > 1 and squash(t.word) in text) \
            and not relative
        unknown_w += weight * unknown
        if not found and t.pos == "名詞" and unknown and len(t.word) > 1:  # (a lone kanji, 外 of 外の業者, names no topic)
            unknown_missing = True
    return (got / total if total else 0.0), unknown_missing, (unknown_w / total if total else 0.0)


def _noun_gap(q: Query, retriever: Retriever, hit: Hit) -> float:
    """IDF-weighted share of the question's nouns and dated numbers (幹事会, 出張相談会, 令和6年度) that a passage
    — here the words a table look-up stood on — does not hold, even as a synonym (合計 as 計). Verbs and
    adjectives (増える, やる) say how the question is put, not what it is about."""
    c = hit.chunk
    have = set(c.get("tokens") or content_words(c["text"])) | title_words(hit)
    text = squash(c["text"])
    total = missing = 0.0
    for t in q.terms:
        if t.pos not in ("名詞", "数") or t.word == q.counter:
            continue  # (the counter of 何件 is held by the figures, 121件)
        parts = content_words(t.surface) or [t.word]
        found = all(p in have for p in parts) or (len(t.word) > 1 and squash(t.word) in text) \
            or any(s in have for s in synonym_tokens(tuple(parts)))
        weight = max(sum(retriever.idf(p) for p in parts), IDF_FLOOR)
        total += weight
        missing += weight * (not found)
    return missing / total if total else 0.0


_FIGURE = figure_pattern()
RATE = ANSWER_LOOKS["rate"]  # 2分の1, 46.3%, 3割, 1/2
# a span of time (3年度まで, 8か月): what 「何年度まで」「どのくらいかかる」 ask — no count of things
DURATION = re.compile(r"\d+\s*(?:年度|年間|か月|ヶ月|カ月|箇月|週間|日間)|\d+\s*(?:年|日|週)(?:以内|程度|ほど|まで)")
DURATION_ASKED = re.compile(r"何\s*(?:年|か月|ヶ月|カ月|週|日間)|(?:どれ|どの)(?:くらい|ぐらい)|期間|how long", re.I)
QUESTION_WORDS = re.compile(r"いくら|いくつ|何|なに|なん|いつ|どこ|どちら|誰|だれ|どなた|どのくらい|どれくらい|教えて")
RATE_ASKED = re.compile(r"率|割合|比率|割|[%％]|パーセント|\b(?:rate|ratio|percent|share)\b", re.I)


def features(q: Query, retriever: Retriever, hits: list[Hit], top: int = 5, cell_found: bool | None = None,
             cell_hit: Hit | None = None, shown: list[Hit] | None = None) -> dict[str, float]:
    """The signals answerability is judged on; each in [0, 1] or a small count. `cell_hit`: the passage of the
    table look-up the composer made (its cell, its sifted rows or its schedule row), when it found one. `shown`:
    the reranked passages the answer quotes, when the caller has them."""
    top_hits = hits[:top]
    # where a value is looked for beside the question's specifiers and words: the fused top three, and the passage
    # the answer opens with. A value the reranker lifted from fused rank 4 is the one the answer quotes; a near miss
    # gains little by it, since its specifier (another city, another year) is still not beside the value
    near = top_hits[:3] + [h for h in (shown or [])[:1] if h.chunk.get("id") not in {
        x.chunk.get("id") for x in top_hits[:3]}]
    if cell_found is None:  # no look-up made by the caller: the cell look-up, here
        looked = answer_cell(q, top_hits, retriever)
        cell_found, cell_hit = looked is not None, (looked_up(looked) if looked else None)
    cover, unknown_missing, unknown_share = _coverage(q, retriever, top_hits, synonyms=False)
    # an English content word the vocabulary does not know is, like a Japanese noun the corpus never uses,
    # a topic the passages cannot be shown to cover: one mechanism for both languages
    unknown_missing = unknown_missing or bool(q.unknown_english)
    cover_syn = _coverage(q, retriever, top_hits, synonyms=True)[0]
    cover1 = _coverage(q, retriever, top_hits[:1], synonyms=True)[0]
    sent = max((v for h in top_hits for v in h.sentence_scores.values()), default=0.0)
    chunk = max((h.dense for h in top_hits), default=0.0)
    agree = float(bool(hits) and (hits[0].dense_rank or 99) <= 3 and (hits[0].lexical_rank or 99) <= 3)
    q_idf = sum(retriever.idf(t) for t in q.tokens) or 1.0
    lex_top = min(max((h.lexical for h in top_hits), default=0.0) / q_idf, 2.0)
    text = arabic_figures(normalize(" ".join(h.chunk["text"] for h in top_hits)))
    figure_seen = 1.0
    if q.numeric and "frequency" not in q.asks:  # 毎月, 随時, 隔週 answer how often without a counted figure
        counters = units_in(text)
        figure_seen = float(bool(counters) and (not q.counter or any(same_counter(q.counter, c) for c in counters)))
    year_seen = 1.0
    if q.years:
        flat = squash(text)
        year_seen = sum(1 for y in q.years if _year_in(squash(y), flat)) / len(q.years)
    type_missing = 0.0
    for kind in q.asks:
        if not ANSWER_LOOKS[kind].search(text):
            type_missing = 1.0
    return {
        "cover": cover, "cover_top1": cover1, "cover_syn": cover_syn, "unknown_noun": float(unknown_missing),
        "unknown_share": unknown_share, "dense_sent": sent, "dense_chunk": chunk, "agree": agree, "lex_top": lex_top,
        "n_terms": math.log1p(len(q.terms)), "figure_seen": figure_seen, "year_seen": year_seen,
        "type_missing": type_missing,
        "cell_found": float(cell_found),
        "best_sentence": _best_sentence(q, retriever, top_hits[:3]),
        "known_missing": _known_missing(q, retriever, top_hits[:3]),
        "kind_near": _kind_near(q, retriever, near),
        "kind_share": _kind_share(q, retriever, top_hits[:3]),
        **dict(zip(("spec_anchor", "anchor"), _anchors(q, retriever, near), strict=True)),
        "bound": _bound(q, retriever, top_hits[:3]),
        "before_stated": _before_stated(q, retriever, top_hits[:3]),
        "deferred": _deferred(q, retriever, top_hits[:3]),
        # the table a look-up read from does not name what the question asks about (幹事会 asked, a cell of the
        # 研修会 schedule found by its row 第1回): the share of the question's words its passage leaves out
        "cell_gap": _noun_gap(q, retriever, cell_hit) if cell_hit is not None else 0.0,
        # an English question is read through the vocabulary's translations: its words cover less of a passage that
        # answers it than a Japanese question's would, so every lexical signal above runs lower; the model learns
        # how much lower rather than refusing English questions for it
        "english": float(q.language != "ja"),  # a question read through translated words (English, Chinese)
        "pairs_held": _pairs_held(q, retriever, top_hits[:3]),
        "kind_clause": _kind_clause(q, retriever, near),
    }


# share of a noun compound's (IDF-weighted) words a sentence or row must hold to state it: all of the A that singles
# out (後期講座, not the 講座 of 前期講座), half of the B asked of it (「FAX 0123-…」 states a FAX番号)
PAIR_SHARE = (1.0, 0.5)


def _statements(chunk: dict) -> list[str]:
    """A passage's sentences and lines, and a table's rows each read with its header row (a row 「| 後期講座 |
    オンライン |」 states the 会場 its header names)."""
    grid = chunk.get("grid") or []
    lines = [x for x in normalize(chunk["text"]).split("\n") if not (grid and x.lstrip().startswith("|"))]
    out = [u for x in lines for u in x.split("。") if u.strip()]
    if grid:
        out += [normalize(" ".join([*grid[0], *row])) for row in grid[1:]]
    return out


def _pairs_held(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """Share of the question's 「A の B」 pairs (Query.linked) that one sentence or table row of the top passages
    states together: a near miss joins two things the documents both name, never together (the FAX number of
    another desk, the 定員 of the other course). 1.0 when the question links none."""
    if not q.linked:
        return 1.0
    units = [_words(u) for h in hits for u in _statements(h.chunk)]
    eras = vocabulary().era_names

    def forms(noun: str) -> list[tuple[set[str], float]]:
        """Each word of a noun compound with its other forms, and its IDF weight (read once per noun)."""
        toks = [t for t in dict.fromkeys(content_words(noun)) if t not in eras]
        return [({t, *synonym_tokens((t,))}, max(retriever.idf(t), IDF_FLOOR)) for t in toks]

    def states(noun: list[tuple[set[str], float]], words: frozenset[str], share: float) -> bool:
        total = sum(w for _f, w in noun)
        return not total or sum(w for f, w in noun if f & words) / total >= share - 1e-9

    pairs = [(forms(a), forms(b)) for a, b in q.linked]
    held = sum(any(states(a, w, PAIR_SHARE[0]) and states(b, w, PAIR_SHARE[1]) for w in units) for a, b in pairs)
    return held / len(pairs)


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    """A sentence's content words: three features read the same top sentences for every answer."""
    return frozenset(content_words(text))


def _asked(q: Query) -> list[str]:
    """The kinds of value a question asks for; a count unless it asks for a sum, a date or a rate (いくら, いつ,
    補助率は)."""
    return finest(value_kinds(q.asks, q.numeric, q.counter))  # 「何月」 is answered by a month, not only by a day


def answered(sents: list[str]) -> list[str]:
    """For each sentence, the question line it answers (an FAQ's Q1. or 【質問】 above it in the passage), or "":
    the answer's sentences are said of what the question asks (「同意書はどのくらいの期間保管…」 over 「・あかねざわ
    市：支援終了後5年間」), though they do not repeat its words. A question line answers nothing itself."""
    out, asked = [], ""
    for sent in sents:
        if is_question_line(sent):
            asked = sent
            out.append("")
            continue
        if is_title_line(sent) and not ITEM_LINE.match(sent):
            asked = ""  # a heading ends the answer (as the composer reads it)
        out.append(asked)
    return out


def _names_hit(q: Query, hit: Hit) -> bool:
    """The passage can answer a question asking which members of a numbered group (「6市町村はどこ」): it names
    that many (a sentence counting the group, 「ほかに3町が検討中」, names none). Any passage, for other questions."""
    return names_listed(q.group, normalize(hit.chunk["text"]), squash(normalize(q.standalone)))


def _kind_share(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """The largest IDF-weighted share of the question's words held by one sentence (with the next) that
    also carries a value of the asked kind. A near miss often has the value for another year, body or
    scheme (令和6年度 where 令和5年度 is asked, another city's count): the sentence with a figure then
    lacks the question's distinguishing words. A question asking for no kind of value: its best share."""
    kinds = _asked(q)
    words = q.topic_tokens
    if not words:
        return 0.0
    w = {t: retriever.idf(t) for t in words}
    total = sum(w.values()) or 1.0
    asked = squash(normalize(q.standalone))
    best = 0.0
    for h in hits:
        if "name" in kinds and not _names_hit(q, h):
            continue
        sents = split_sentences(h.chunk["text"])
        for i, (sent, question) in enumerate(zip(sents, answered(sents), strict=True)):
            window = sent + (sents[i + 1] if i + 1 < len(sents) else "")
            text = normalize(window)
            if kinds and not all(_holds(kind, text, asked) for kind in kinds):
                continue
            toks = _words(window) | _words(question)
            best = max(best, sum(w[t] for t in words if t in toks) / total)
    return best


def _units(h: Hit, years: tuple[str, ...] = (), attribute: str = "", kinds: tuple[str, ...] = ()
           ) -> Iterator[tuple[str, str]]:
    """The passage units a value is stated in, each with what it is read under: a sentence with the next one,
    a table row with the header row; both under the document, section and table titles. A table with a column
    per fiscal year gives, for a question asking one (`years`), that year's column alone — none when it has
    no column for it: 「令和4年度の件数」 is not in a table of 令和5年度 and 令和6年度 whose row states 令和4年5月設立.
    Each unit comes with where its value must stand: the unit itself, or — in a row of a table whose column is the
    attribute the question asks (`attribute`: 「交付決定は12月の何日」 asks 交付決定) — the row's title and that column's
    cell, read under the table's titles and headers: the day in its 受付期間 cell is no answer to when the grant is
    decided. A named column none of whose cells holds a value of the asked `kinds` is not where the value stands
    (「何件」 asked of a 相談窓口 column of ○ marks and opening hours): the row is read whole."""
    c = h.chunk
    context = " ".join(x for x in (c.get("doc_title", ""), c.get("section_title", ""), c.get("unit_title", ""),
                                   *_lead_titles(c["text"])) if x)
    grid = c.get("grid") or []
    if c.get("kind") == "table" and len(grid) >= 2:
        # the table's unit (（単位：件、％）) says what its bare numbers count, as a header word would
        unit = " ".join(dict.fromkeys(TABLE_UNIT.findall(c["text"].split("|", 1)[0])))
        keep = _year_columns(grid[0], years)
        named = named_columns(grid[0], attribute) & keep
        if kinds:  # a column only containing the attribute's name (相談窓口 設置) must hold a value of the kind asked
            yen = counted_in_yen(c)
            named = {j for j in named if _header_core(grid[0][j]) == attribute or any(
                _holds_value(k, normalize(f"| {row[j]} | {grid[0][j]}"), "", yen)
                for row in grid[1:] if j < len(row) for k in kinds)}
        title = _title_column(grid[0])
        head = " ".join(x for j, x in enumerate(grid[0]) if j in keep)
        timeline = is_schedule(grid)
        for row in grid[1:]:
            if timeline:  # a schedule's row: each mark or bar is read with its month (「2月 ★設立総会」)
                marks = [f"{grid[0][j]} {x}" for j, x in enumerate(row[:len(grid[0])]) if j != title and x.strip()]
                line = f"| {row[title] if title < len(row) else ''} | {' | '.join(marks)} | {context} {unit}"
                yield line, line
                continue
            cells = [x for j, x in enumerate(row) if j in keep or j >= len(grid[0])]
            whole = f"| {' | '.join(cells)} | {context} {unit} {head}"  # the row first: its bare cells are values
            if named:
                own = [x for j, x in enumerate(row) if j in _own_columns(title, named)]
                yield whole, f"| {' | '.join(own)} | {context} {unit} {head}"
            else:
                yield whole, whole
    sents = passage_parts(c["text"])
    header: list[str] = []
    for i, (sent, question) in enumerate(zip(sents, answered(sents), strict=True)):
        nxt = sents[i + 1] if i + 1 < len(sents) else ""
        if nxt and parallel(sent, nxt):
            nxt = ""  # 「第1次募集では3件を交付決定しました。第2次募集は11月4日～に受け付けます。」: two statements
        who = speaker_of(sent) or block_label(sents, i)  # a statement in minutes is its speaker's
        text = f"{context} {question} {sent}{nxt}" + (f" {SPEAKER_MARK}{who}§" if who else "")
        if _SEPARATOR.match(sent.strip()):
            continue  # a table's rule line states nothing (the row under it is a unit of its own)
        cells = _row_cells(sent)
        if cells is not None and _SEPARATOR.match(nxt.strip()):
            header = cells  # a table's header row, over the rows that follow it in the passage's text
        named = named_columns(header, attribute) if header else set()
        if cells is not None or _row_cells(nxt) is not None:
            # a table row is a statement of its own: the next row's title (空木村) does not belong to this row's
            # date (令和7年12月予定), nor does the ※ note under the table (「※こずえ市は準備中」) to its last row, nor
            # a 備考 sentence given before a row; a row is read under the header row where the passage has one
            text = f"{context} {question} {sent} {' '.join(header) if cells is not None else ''}"
        if not named:
            yield text, text
        elif cells is not None and len(cells) == len(header):
            title = _title_column(header)
            own = [x for j, x in enumerate(cells) if j in _own_columns(title, named)]
            yield text, f"{context} | {' | '.join(own)} | {' '.join(header)}"
        else:  # a note among the rows (「（第1回募集）予算に達し次第終了。」): itself, not the row after it
            yield text, f"{context} {question} {sent}" if _row_cells(nxt) is not None else text


_SEPARATOR = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
DAY_OF_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*月の?\s*何日")
PARALLEL_KINDS = ("ordinal", "year", "place")  # (a month is in every date: it names no member of a series)


@lru_cache(maxsize=4096)
def _series_members(sentence: str) -> dict[str, tuple]:
    found: dict[str, list] = {}
    for spec in specifiers(sentence):
        if spec.kind in PARALLEL_KINDS:
            found.setdefault(spec.kind, []).append(spec)
    return {k: tuple(v) for k, v in found.items()}


def parallel(sentence: str, following: str) -> bool:
    """Two sentences each about another member of one series (第1次 / 第2次 募集, 令和6年度 / 令和7年度, ほしの市 /
    みなせ市): statements side by side, not one statement read over two sentences — the second one's 第2次 does not
    belong to the first one's 交付決定. A member written two ways (令和7年度 and 令和7年6月) is the same one."""
    a, b = _series_members(sentence), _series_members(following)
    return any(a.get(k) and b.get(k) and not any(held((s,), following, frozenset()) for s in a[k])
               and not any(held((s,), sentence, frozenset()) for s in b[k]) for k in PARALLEL_KINDS)


def _lead_titles(text: str, most: int = 2) -> list[str]:
    """The title lines a passage opens with (a step box's 「STEP3」 over 「仲間を集める」): what its sentences are
    said under, as a section title is."""
    out = []
    for line in text.split("\n")[:most]:
        if not is_title_line(line) or line.lstrip().startswith("|"):
            break
        out.append(line.strip())
    return out


def _row_cells(line: str) -> list[str] | None:
    """The cells of a table row as a passage's text writes it (「| a | b |」), or None for other text."""
    t = line.strip()
    if not (t.startswith("|") and t.endswith("|")) or _SEPARATOR.match(t):
        return None
    return [x.strip() for x in t[1:-1].split("|")]


def _header_core(head: str) -> str:
    """A header as it names its column: without its bracketed notes and fiscal years, normalised, no spaces."""
    return squash(without_years(normalize(BRACKETED.sub("", head))))


def named_columns(header: list[str], attribute: str) -> set[int]:
    """The columns (not the rows' titles) whose header is the attribute the question asks (「交付決定」 in 「第2回
    募集の交付決定は12月の何日」; a header's bracketed note, 「（予定）」, need not be written; a count's header,
    構成団体数, is named by what it counts). A column the question only sets a condition on (年度, 市町村) is not
    asked, nor is a column headed by a fiscal year alone (read by `_year_columns`); under a two-level header
    (「相談件数 令和6年度」) the year's column of the asked attribute is. `attribute`: normalised, without spaces."""
    if len(attribute) < 2:
        return set()
    out = set()
    for j, x in enumerate(header[_title_column(header) + 1:], start=_title_column(header) + 1):
        core = _header_core(x)  # 「相談件数（件） 令和6年度」 names 相談件数
        if len(core) < 2:
            continue
        if attribute in core or core in attribute or (core.endswith("数") and len(core) > 2 and core[:-1] in attribute):
            out.add(j)
    return out


def _own_columns(title: int, named: set[int]) -> set[int]:
    """The cells a named column's value is read from: the row's title and the named columns, not a row number
    before the title (「| 19 | かたくり村 | － |」: 19 is the row's number, not its 相談件数)."""
    return {title} | named


def _title_column(header: list[str]) -> int:
    """The column of the rows' titles: the first, or the second after a row number (No.)."""
    return 1 if header and is_row_number_head(header[0]) and len(header) > 2 else 0


TABLE_UNIT = re.compile(r"[（(]単位[:：][^（）()]*[）)]")


def _year_columns(header: list[str], years: tuple[str, ...]) -> set[int]:
    """The columns of a table to read for a question asking these fiscal years: all of them, unless two or more
    headers name fiscal years — then the others and the asked years' own."""
    asked = {n for y in years for n in fiscal_years(normalize(y))}
    named = {j: fiscal_years(normalize(x)) for j, x in enumerate(header)}
    if not asked or sum(bool(v) for v in named.values()) < 2:
        return set(range(len(header)))
    return {j for j, v in named.items() if not v or v & asked}


def bare(word: str, flat: str) -> bool:
    """The word stands in the text on its own somewhere, not only as the end of a shifted form: 会長 is not
    stated by 「副会長は…氏」, 制度 not by 「旧制度では」 (the prefixes are domain vocabulary)."""
    v = vocabulary()

    def shifted(at: int) -> bool:
        for p in (*v.shifting_prefixes, *v.start_prefixes):
            start = at - len(p)
            if start < 0 or flat[start:at] != p or word.startswith(p):
                continue
            if p in v.shifting_prefixes or start == 0 or not _KANJI.match(flat[start - 1]):
                return True
        return False

    at = flat.find(word)
    while at >= 0:
        if not shifted(at):
            return True
        at = flat.find(word, at + 1)
    return False


_KANJI = re.compile(r"[一-龥々]")


def _anchors(q: Query, retriever: Retriever, hits: list[Hit]) -> tuple[float, float]:
    """(spec_anchor, anchor), read in one pass over the passage units. spec_anchor: the largest share of the
    question's specifiers (a place by name, a year, a month, 第N回) that one unit states beside a value of the
    asked kind. A near miss asks for a figure the documents give for another city or year: topic words and a
    value are there, the specifier is not in the same unit. A document's issuer (かえで県 on the cover of its
    guide) is stated for all its passages. anchor: the same, where the unit also names what the value is of
    (受講料, 会長, 会場): a near miss asks for the fee of a course whose date the documents give. Each is 1.0
    when the question singles nothing out."""
    kinds = _asked(q)
    # the attribute counts for a question asking a value — not where the value's own shape names it: a phone
    # number, a date, a rate (電話番号 is 「TEL 0123-…」, a 期限 is 「4月30日まで」, a 割合 is 「35%」)
    shaped = {"contact", "address", "fax", "email", "time"} & set(kinds) or RATE_ASKED.search(q.attribute)
    # a date names a time (期限, 日程); an event's date (交付決定, 総会) is stated beside the event
    shaped = shaped or ({"date", *FINER_DATES} & set(kinds) and (not q.attribute
                                                           or q.attribute.endswith(vocabulary().time_words)))
    # a sum names a 金額 (not an 上限額 or a 会費: those are stated beside it)
    shaped = shaped or ("money" in kinds and normalize(q.attribute) in vocabulary().money_words)
    # — and only for a question asking one thing (「数と内訳」「何回まで使えて、費用は誰が」 ask two)
    one = _asks_one(q)
    # a name of the body asked (「NPO法人ささぶね」 for 「居住支援法人はどこ」) is of it: its kind is checked on the value
    named_class = next((c for c in vocabulary().name_classes if q.attribute.endswith(c)), "") if kinds == ["name"] and one else ""
    shaped = shaped or bool(named_class)
    single = len(set(finest(kinds))) == 1 and one  # a day (a month) is a date
    # a column named as the attribute holds the value asked — of a question asking one kind (「補助率と上限額」 asks
    # two, from two columns: the row holds them)
    column = squash(normalize(q.attribute)) if single else ""
    # the attribute as written, or the IDF-weighted share of its words of two characters or more that the unit
    # states: 「入居決定件数」 is not anchored by a 「相談件数」 column — its 件数 is there, its 入居 / 決定 are not
    attr = [w for w in content_words(q.attribute) if len(w) > 1] if q.attribute and single and not shaped else []
    # a count of things (件数, 人数) is named by the value's own counter (「9件です」): the unit must hold a figure
    # in that counter, not the word
    counted = [w[:-1] for w in attr if "count" in kinds and w.endswith("数") and w[:-1] in vocabulary().count_words]
    attr = [w for w in attr if not (w.endswith("数") and w[:-1] in counted)]
    whole = squash(normalize(q.attribute))
    spec_best = 1.0 if not q.specs else 0.0
    attr_best = 1.0 if not q.specs and not attr and not counted and not named_class else 0.0
    if spec_best == 1.0 and attr_best == 1.0:
        return 1.0, 1.0
    alts = [{t, *synonym_tokens((t,))} for t in attr]
    weights = [max(retriever.idf(t), IDF_FLOOR) for t in attr]
    asked = arabic_figures(squash(normalize(q.standalone)))  # as the values are read: 「二名」 states 2名
    valued = bool({"count", "money", "rate"} & set(kinds))  # a figure asked of one place
    specs = compared_places(q.specs) if q.compare else q.specs  # two places compared: each holds its own part
    months = DAY_OF_MONTH.findall(normalize(q.standalone))  # 「8月の何日」: a day of that month is asked
    for h in hits:
        if "name" in kinds and not _names_hit(q, h):
            continue
        given = scope_of(q, h, retriever)
        yen = counted_in_yen(h.chunk)
        for unit, value_part in _units(h, q.years, column, tuple(kinds)):
            # values are read with kanji numerals as digits (「十四の団体」); places and words as written (八戸市)
            written = normalize(unit)
            text, held_text = arabic_figures(written), arabic_figures(normalize(value_part))
            if kinds and not all(_holds_value(kind, held_text, asked, yen)
                                 for kind in kinds):
                continue
            if "name" in kinds and named_class and not _names_of(named_class, held_text, asked):
                continue  # 「受託する居住支援法人はどこ」: a 法人's name, not the 担当課 beside 「居住支援法人に委託」
            if q.counter and "count" in kinds and not _counts(q.counter, held_text, asked):
                continue
            if months and "day" in kinds and not any(re.search(rf"(?<!\d){m}\s*月\s*(?:\d{{1,2}}\s*日|末日)", held_text)
                                                     for m in months):
                continue  # 「8月の何日」 asks a day of August: 「8月上旬」 beside 「6月22日」 states none
            # (a year written 令和十年度 is held as 10年度; a place as written)
            share = max(_held_by(specs, text, given), _held_by(specs, written, given))
            if share and valued and specs and "|" not in text:  # a place named only in a list: the figure is the list's
                listed = sum(s.kind == "place" and s.text not in given and enumerated(squash(s.text), squash(written))
                             for s in specs)
                share = max(0.0, share - listed / len(specs))
            spec_best = max(spec_best, share)
            # the question's words are read in their official forms (市町村 as 市区町村): so is the unit, for them
            flats = dict.fromkeys((flat := squash(written), expand_short_forms(flat)))
            if counted and not any(bare(whole, f) for f in flats) and not any(_counts(c, text, asked) for c in counted):
                continue  # the count asked for (何件 as 件数) is neither written nor shown by a figure
            attr_best = max(attr_best, share * max(_attribute_share(alts, weights, whole, unit, f) for f in flats))
            if spec_best == 1.0 and attr_best == 1.0:
                return spec_best, attr_best
    return spec_best, attr_best


# a name in brackets running on into a particle (「（NPO法人）に委託」): a kind said in passing, no name
_BRACKETED_KIND = re.compile(r".*[）)](?:に|を|が|は).*")


def _names_of(kind: str, text: str, asked: str) -> bool:
    """The text names a body of the asked kind that the question does not name itself: a 法人 by its name
    (「NPO法人ささぶね」「ほしの市社会福祉協議会」), not a kind's own word (「居住支援法人に委託」「社会福祉法人に」) or a
    body of another kind (地域福祉課)."""
    v = vocabulary()
    ends = v.name_classes[kind]
    return any(not _stated(squash(name), asked) and any(e in name for e in ends)
               and name not in v.body_kinds and not _BRACKETED_KIND.fullmatch(name)
               for name in (normalize(m.group(0)).strip() for m in ANSWER_LOOKS["name"].finditer(text)))


def _asks_one(q: Query) -> bool:
    """The question asks one thing (「数と内訳」「何回まで使えて、費用は誰が」 ask two; 「いくらか教えて」 one)."""
    asking = QUESTION_WORDS.findall(q.raw)
    asking = [a for a in asking if a != "教えて"] or asking
    return len(asking) <= 1


DATE_CELL = re.compile(r"\d+\s*年\s*\d+\s*月")


def _held_by(specs: tuple, unit: str, given: frozenset[str]) -> float:
    """Share of the question's specifiers a unit states. A table row's figures are of the fiscal year its title
    cell, its headers or its caption name — not of a date in another cell: 「令和4年度の相談件数」 is not in the row
    whose 設立年月 is 令和4年5月 (a date the question states, 「令和4年11月に設立した市」, is found in any cell)."""
    if not specs or "|" not in unit:
        return held(specs, unit, given)
    return sum(held((s,), undated(unit) if s.kind == "year" and s.text.endswith("年度") else unit, given)
               for s in specs) / len(specs)


def undated(unit: str) -> str:
    """The unit without the date cells of its table rows; each row's title cell is kept (「| 令和4年度 | 534 |」 is
    dated by it). Rows stand in a unit as 「| a | b |」, two rows read together as 「| a | b || c | d |」."""
    out = []
    for line in unit.split("\n"):
        at = line.find("|")
        if at < 0:
            out.append(line)
            continue
        # "" before the first bar and between two rows; a blank cell holds spaces; what follows the last bar (a row's
        # caption and headers, as the units read it) is no cell
        cells = line[at:].split("|")
        out.append(line[:at] + "|".join(
            c if k == 1 or k == len(cells) - 1 or (k > 1 and cells[k - 1] == "")
            or not (DATE_CELL.search(c) or _condition_year(c)) else ""
            for k, c in enumerate(cells)))
    return "\n".join(out)


# a year bounding whom a row is for (「令和7年度以降に設立した」「令和6年度までに指定された」)
CONDITION_AFTER_YEAR = re.compile(r"年度?(?:末)?(?:以降|以前|以後|までに|より前)|年度?(?:中)?に(?:設立|設置|開始|開設|指定|登録|契約|認定)")
_YEARS = re.compile(r"(?:令和|平成|R|H)?\s*(?:\d{1,4}|元)\s*年度?")


def _condition_year(cell: str) -> bool:
    """A cell that bounds whom its row is for by a year (対象「令和7年度以降に設立した協議会」) and states no figure:
    the year is a condition of the row, not the year its figures are of. A cell of a year alone (a 年度 column), or a
    year a figure is of (「令和6年度末時点の累計」), dates its row."""
    flat = squash(cell)
    return bool(STATED_YEAR.search(flat)) and bool(CONDITION_AFTER_YEAR.search(flat)) \
        and not re.search(r"\d", _YEARS.sub("", cell))


def _attribute_share(alts: list[set[str]], weights: list[float], whole: str, unit: str, flat: str) -> float:
    """How much of the asked attribute a unit states: all of it when written as asked, else the IDF-weighted
    share of its words (each or a synonym standing on its own, not only inside a shifted form like 副会長)."""
    if not alts or (whole and bare(whole, flat)):
        return 1.0
    words = _words(unit)
    # a word the unit holds as a token, or writes as asked where the tokeniser splits it otherwise (繰越金's 繰り越し
    # in 「繰り越しました」, read as 繰る + 越す) — standing as a word there, not inside a compound (補助金 in 国庫補助金額)
    got = sum(w for a, w in zip(alts, weights, strict=True)
              if any(bare(x, flat) if x in words else written_apart(x, flat) for x in a))
    return got / (sum(weights) or 1.0)


def written_apart(word: str, flat: str) -> bool:
    """A word of three characters or more, with a kanji, written in the text with no kanji right before or after it:
    a word the tokeniser reads otherwise there (繰り越し in 「…に繰り越しました」), not a piece of a longer compound."""
    if len(word) < 3 or not _KANJI.search(word):
        return False
    at = flat.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _KANJI.match(flat[at - 1])) and not (end < len(flat) and _KANJI.match(flat[end])):
            return bare(word, flat)
        at = flat.find(word, at + 1)
    return False


# characters on either side of a value that speak of it: its clause (inside its sentence), and its neighbourhood
# (a heading or the line before: 「成果報告会」 over 「2月6日 13:30」)
REACHES = ((30, 8, True), (80, 80, False))  # (before, after, inside its sentence): what a value is of comes first


def _value_spans(kind: str, text: str, asked: str, counter: str) -> Iterator[tuple[int, int]]:
    """Where a text states a value of this kind that the question does not state itself (a count in the asked
    counter when there is one)."""
    if kind == "count":
        found = counts_in(text, counter) if counter else list(_FIGURE.finditer(text))
    else:
        found = list(ANSWER_LOOKS[kind].finditer(text))
    as_of = [m.span() for m in AS_OF.finditer(text)] if kind in ("date", *FINER_DATES) and not _AS_OF_ASKED.search(
        asked) else []
    for m in found:
        if not _stated(squash(m.group(0)), asked) and not any(a <= m.start() < b for a, b in as_of):
            yield m.start(), m.end()


def _bound(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """The largest IDF-weighted share of the question's words (a place the document is about counts as said)
    around one value of the asked kind, the mean over REACHES (a value's own clause counts most, its
    neighbourhood still counts); a table row is read whole with its headers. A near miss finds its topic and a
    value in the same two sentences, but the value belongs to something else: the venue of another event on a
    schedule line, a figure of a neighbouring clause (「会場は…」 after a list of dates). A question asking for
    no kind of value: the densest stretch of twice a reach."""
    words = q.topic_tokens
    if not words or not hits:
        return 0.0
    kinds = _asked(q)
    if {"place", "venue"} & set(kinds):  # 「会場はどこ？」 asks a venue; any name (市町村 in 「1市町村あたり」) is no answer
        kinds = [k for k in kinds if k != "name"]
    w = {t: retriever.idf(t) for t in words}
    total = sum(w.values()) or 1.0
    asked = squash(normalize(q.standalone))
    # a column named as the attribute holds the value (of a question asking one kind: two come from two columns)
    column = squash(normalize(q.attribute)) if _asks_one(q) and len(set(finest(kinds))) <= 1 else ""
    best = [dict.fromkeys(kinds or [""], 0.0) for _ in REACHES]  # per reach, per asked kind

    def share(span: str, given: set[str]) -> float:
        toks = _words(span)
        return sum(w[t] for t in words if t in toks or t in given) / total

    for h in hits:
        scope = scope_of(q, h, retriever)
        given = {t for s in q.specs if s.text in scope for t in content_words(s.text)}
        text = normalize(h.chunk["text"])
        if "name" in kinds and not _names_hit(q, h):
            continue
        if not kinds:
            for r, (reach, _after, _inside) in enumerate(REACHES):
                for start in range(0, max(len(text) - reach, 1), reach):
                    best[r][""] = max(best[r][""], share(text[start:start + 2 * reach], given))
            continue
        yen = counted_in_yen(h.chunk)
        for unit, value_part in _units(h, q.years, column, tuple(kinds)):
            if unit.lstrip().startswith("|") and all(
                    _holds_value(k, normalize(value_part), asked, yen) for k in kinds):
                row = share(unit, given)  # a row with its headers and caption: one statement
                for by_kind in best:
                    for k in kinds:
                        by_kind[k] = max(by_kind[k], row)
        ends = _sentence_ends(text)
        for kind in kinds:
            for start, end in _value_spans(kind, text, asked, q.counter):
                k = next(i for i, e in enumerate(ends) if e >= end)  # the value's sentence
                for r, (before, after, inside) in enumerate(REACHES):
                    lo, hi = max(start - before, 0), end + after
                    if inside:  # 「※個別相談会は…会場は県庁」 speaks of its own subject
                        lo, hi = max(lo, ends[k - 1] if k else 0), min(hi, ends[k])
                    best[r][kind] = max(best[r][kind], share(text[lo:hi], given))
    # each value asked for by its best statement, at each reach
    return sum(min(by_kind.values()) for by_kind in best) / len(REACHES)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of a text ends (offsets into the text, as split_sentences splits it)."""
    ends, at = [], 0
    for sent in split_sentences(text):
        found = text.find(sent, at)
        at = (found if found >= 0 else at) + len(sent)
        ends.append(at)
    return [*ends[:-1], len(text)]


def value_signals(q: Query, retriever: Retriever, hit: Hit) -> dict[str, float]:
    """What one passage holds of what the question asks (the reranker's reading of each candidate): the share of
    the question's words beside a value of the asked kind, that value among its topic sentences, and the value
    anchored by the question's specifiers and attribute."""
    spec, anchor = _anchors(q, retriever, [hit])
    return {"kind_share": _kind_share(q, retriever, [hit]), "kind_near": _kind_near(q, retriever, [hit]),
            "spec_anchor": spec, "anchor": anchor}


def content_set(text: str) -> frozenset[str]:
    """A text's content words (cached: the same sentences are read for every question)."""
    return _words(text)


def _counts(counter: str, text: str, asked: str) -> bool:
    """The unit counts what the question counts: a figure in its counter (「何回」 by 16回, not by 2,184件), or a
    table row's bare numbers under a header or caption that names the counter (構成団体数 for 「何団体」)."""
    if any(not _stated(squash(m.group(0)), asked) for m in counts_in(text, counter)):
        return True
    bare = re.search(r"\|\s*\d[\d,.]*\s*(?=\||$)", text)
    return bool(bare) and any(c in text for c in counter_forms(counter))


def _holds(kind: str, text: str, asked: str) -> bool:
    """Does the text hold a value of this kind that the question does not state itself? (A table row's bare
    numbers count: the unit is in its caption.)"""
    cells = re.findall(r"\|\s*(\d[\d,.]*)\s*(?=\|)", text) if text.lstrip().startswith("|") else []
    if kind == "count" or (kind == "rate" and RATE_HEAD.search(text)):
        # a table row's bare numbers: counts, or rates where the header or unit says so (構成比（％）, 割合)
        if any(not _stated(c, asked) for c in cells):
            return True
    if kind == "count":
        pattern = _FIGURE
    else:
        pattern = ANSWER_LOOKS[kind]
    if kind in ("date", *FINER_DATES) and not _AS_OF_ASKED.search(asked):
        text = AS_OF.sub(" ", text)  # a table's 「（令和7年10月1日現在）」 dates the figures, it is no event's date
    return any(not _stated(squash(m.group(0)), asked) for m in pattern.finditer(text))


def _holds_value(kind: str, text: str, asked: str, yen: bool) -> bool:
    """`_holds`, where a passage counted in yen (（単位：千円）) gives an amount as a bare figure (| 4,500 |): there a
    figure is an amount too, and an amount written out (「3,200千円でした」 in a note under the table) still is."""
    return _holds(kind, text, asked) or (kind == "money" and yen and _holds("count", text, asked))


# the day a list or a figure stands as of (「令和7年10月1日現在」「4月1日時点」): what it dates is the data, and a
# question asking when something happens is not answered by it (one asking 「いつ時点」 is)
AS_OF = re.compile(r"(?:(?:(?:令和|平成)\s*(?:\d+|元)|\d{4})\s*年(?:度末)?)?\s*(?:\d+\s*月(?:\s*\d+\s*日|\s*末)?)?"
                   r"\s*(?:[(（]\s*[月火水木金土日]\s*[)）])?\s*(?:現在|時点)|"
                   rf"(?:{SHORT_DATE})\s*(?:現在|時点)")
_AS_OF_ASKED = re.compile(r"現在|時点|基準日|as of", re.I)


def _stated(value: str, asked: str) -> bool:
    """The question itself states this value (「11人」 does not state 「1人」), or a point of a year it states
    (「令和9年度末」 for a question about 令和9年度 gives no date of its own)."""
    if re.search(rf"(?<![\d.,]){re.escape(value)}", asked):
        return True
    point = re.sub(r"(?:末|中|内|初め|当初|頃|ごろ|まで|までに)+$", "", value)
    return point != value and bool(re.search(r"年度?$", point)) and bool(re.search(rf"(?<![\d.,]){re.escape(point)}", asked))


def _kind_near(q: Query, retriever: Retriever, hits: list[Hit], best: int = 3, best_dense: int = 2) -> float:
    """Share of the answer kinds the question asks for (a count, a sum, a date, a name…) that the sentences
    most about its topic hold (the `best` by the question's words, the `best_dense` nearest in meaning), with
    the sentence after each. A near miss asks for a detail of a topic the documents cover — the budget of a
    scheme they describe, the lecturer of a seminar they mention — so its topic sentences are found but carry
    no such value; `type_missing` looks anywhere in the passages. A count is any figure with a counter here
    (the answer may count 団体 where the question says 市町村); whether the asked counter is there at all is
    `figure_seen`'s job."""
    kinds = _asked(q)
    if not kinds:
        return 1.0
    words = q.topic_tokens
    w = {t: retriever.idf(t) for t in words}
    scored: list[tuple[float, int, str]] = []
    # a table counted in 円 / 千円 (（単位：千円）) holds sums in its bare numbers: its rows, when the table is among
    # the sentences most about the question (its caption, a row)
    money_rows: dict[str, list[str]] = {}
    counted_rows: dict[str, str] = {}
    for h in hits:
        sents = split_sentences(h.chunk["text"])
        rows = [normalize(x) for x in sents if x.lstrip().startswith("|")]
        in_money = bool(rows) and counted_in_yen(h.chunk)
        for i, (sent, question) in enumerate(zip(sents, answered(sents), strict=True)):
            toks = _words(sent) | _words(question)
            share = sum(w[t] for t in words if t in toks)
            window = arabic_figures(normalize(sent + (sents[i + 1] if i + 1 < len(sents) else "")))
            scored.append((share, -len(scored), window))
            if in_money:
                money_rows[window] = rows
        grid = h.chunk.get("grid") or []
        if h.chunk.get("kind") == "table" and len(grid) >= 2:
            # each row read with its column headers (「上限額 800千円」「氏名 山田 太郎」): the row that matches the
            # question holds its value though the caption and the header line are elsewhere in the passage
            yen = counted_in_yen(h.chunk)
            for row, read in zip(grid[1:], header_rows(grid), strict=True):
                unit = normalize(read)
                toks = _words(unit)
                scored.append((sum(w[t] for t in words if t in toks), -len(scored), unit))
                # its bare numbers count what the headers or the table's unit (（単位：件）) name
                counted_rows[unit] = "| " + " | ".join(row) + " |"
                if yen:
                    money_rows[unit] = ["| " + " | ".join(row) + " |"]
    dense = sorted(((v, sent) for h in hits for sent, v in h.sentence_scores.items()), reverse=True)[:best_dense]
    top = sorted(scored, reverse=True)[:best]
    near = " ".join([text for _, _, text in top] + [arabic_figures(normalize(t)) for _, t in dense])
    asked = arabic_figures(squash(normalize(q.standalone)))

    def values(pattern: re.Pattern) -> list[re.Match]:  # a value the question itself states answers nothing
        return [m for m in pattern.finditer(near) if not _stated(squash(m.group(0)), asked)]

    found = 0
    for kind in kinds:
        if kind == "count":  # a figure with a counter, or a table row's bare numbers (the unit is in the caption);
            # 「補助率はいくつ」 (no counter) is answered by a rate, 「何年度まで」 by a span of time
            rate = not q.counter and bool(RATE_ASKED.search(q.standalone)) and bool(values(RATE))
            span = bool(DURATION_ASKED.search(q.standalone)) and bool(values(DURATION))
            rows = any(_holds("count", counted_rows.get(t, t), asked) for _, _, t in top
                       if counted_rows.get(t, t).lstrip().startswith("|"))
            found += bool(values(_FIGURE)) or rate or span or rows
        elif kind == "money":  # a sum, or a row's bare numbers in a table counted in 円 / 千円
            found += bool(values(ANSWER_LOOKS[kind])) or any(_holds("count", row, asked) for _, _, t in top
                                                                for row in money_rows.get(t, []))
        elif kind == "name":  # which members of a numbered group: a passage naming that many
            found += bool(values(ANSWER_LOOKS[kind])) and any(_names_hit(q, h) for h in hits)
        else:
            found += bool(values(ANSWER_LOOKS[kind]))
    return found / len(kinds)


# a clause: a sentence, a line (a table row is one) or an item after 「・」
# clauses within this share of the best clause's weight of question words are read too: a near tie (職員研修の基礎編
# in a quote, 実践編 in the schedule line) is no evidence of which one the question is about
CLAUSE_NEAR_BEST = 0.8
# an item mark 「・」 starts a clause after a space or where a label and colon follow it (「…講堂・実践研修：7月」); the
# 「・」 joining words (高齢者・障害者, 住宅・福祉) does not
_CLAUSE = re.compile(r"(?<=[。！？])|(?<=\s)(?=・)|(?=・[^・、。：:\s]{1,20}[：:])")


def _clauses(text: str) -> list[str]:
    """A passage's clauses in order (normalised): its sentences and ・ items, and each row of a table as its line
    followed by the row read under the column labels (the header's words say what the row's bare figures are); header
    lines and separators are no clauses, any other line of pipes is one. Rows are parsed from the text as stored
    (normalising first would turn a cell's escaped ｜ into a column break)."""
    rows = dict(table_row_texts(text))
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        key = line.strip()
        if key.startswith("|"):
            header = i + 1 < len(lines) and is_separator(lines[i + 1])
            if key in rows:
                out.append(normalize(f"{key} {rows[key]}"))
            elif not header and not is_separator(key):
                out.append(normalize(key))
            continue
        out += [p for p in _CLAUSE.split(normalize(line)) if p.strip()]
    return out


def _kind_clause(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """Share of the asked kinds of value held by the clauses most about the question's topic (those with the largest
    IDF-weighted share of its words, or nearly, each with the clause after it when that one names nothing of the question:
    「…を開催します。日時は7月15日です。」): `kind_near`'s reading, one step finer. 「・基礎研修：11月12日（木）…
    ・実践研修：令和9年7月（予定）」 holds a day in the sentence, but not in the item of the 実践研修 whose day the
    question asks; a budget table holds sums, but not in the row of the scheme asked about. A question of several
    parts (「上限はいくら？いつから？」) is read part by part: each part's own words with the words they share."""
    kinds = _asked(q)
    if not kinds:
        return 1.0
    own = {t for p in q.parts for t in p}
    shared = [t for t in q.topic_tokens if t not in own]
    groups = [[*shared, *p] for p in q.parts] or [list(q.topic_tokens)]
    units: list[tuple[str, bool, frozenset[str]]] = []
    for h in hits:
        yen = counted_in_yen(h.chunk)
        parts = [arabic_figures(p) for p in _clauses(h.chunk["text"])]
        words = [_words(p) for p in parts]
        for i, p in enumerate(parts):
            # the clause after, when it names none of the question's words, continues this one
            after = parts[i + 1] if i + 1 < len(parts) and not any(t in words[i + 1] for t in q.topic_tokens) else ""
            units.append((p + after, yen, words[i]))
    top: list[tuple[str, bool]] = []
    for group in groups:
        w = {t: retriever.idf(t) for t in group}
        shares = [sum(w[t] for t in group if t in ws) for _, _, ws in units]
        most = max(shares, default=0.0)
        top += [(text, yen) for (text, yen, _), share in zip(units, shares, strict=True)
                if most > 0 and share >= CLAUSE_NEAR_BEST * most]
    if not top:
        return 0.0
    asked = arabic_figures(squash(normalize(q.standalone)))
    return sum(any(_holds_value(k, text, asked, yen) for text, yen in top) for k in kinds) / len(kinds)


def _known_missing(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """The rarest question word that the documents use somewhere but the top passages lack (IDF, scaled to
    the rarest word's): a near miss asks about something the corpus covers elsewhere (another year, 市 not
    県, a fee) — an everyday word the corpus never uses says nothing of the kind."""
    have: set[str] = set()
    for h in hits:
        have.update(h.chunk.get("tokens") or content_words(h.chunk["text"]))
        have.update(title_words(h))
    have = with_counters(have)
    top = float(retriever.bm25.idf.max(initial=1.0)) or 1.0
    worst = 0.0
    for t in q.topic_tokens:
        if not retriever.knows(t) or t in have:
            continue
        if any(s in have for s in synonym_tokens((t,))):
            continue
        worst = max(worst, retriever.idf(t) / top)
    return worst


def header_rows(grid: list[list[str]]) -> list[str]:
    """A table's rows, each read with its column headers (「上限額 800千円」「氏名 山田 太郎」)."""
    return [" ".join(f"{head} {cell}" for head, cell in zip(grid[0], row, strict=False)) for row in grid[1:]]


def _best_sentence(q: Query, retriever: Retriever, hits: list[Hit], keep: Callable[[str], bool] | None = None,
                   rows: bool = False) -> float:
    """The largest IDF-weighted share of the question's words (or their synonyms) that ONE sentence holds:
    an answer usually stands in one sentence, while a near miss gathers its words from several. `keep`: only the
    sentences it accepts count; `rows`: a table's rows, read with their headers, are sentences too."""
    words = q.topic_tokens
    if not words:
        return 0.0
    w = {t: retriever.idf(t) for t in words}
    alts = {t: {t, *synonym_tokens((t,))} for t in words}
    total = sum(w.values()) or 1.0
    best = 0.0
    for h in hits:
        named = title_words(h)
        grid = h.chunk.get("grid") or []
        table = header_rows(grid) if rows and len(grid) > 1 else []
        for sent in [*split_sentences(h.chunk["text"]), *table]:
            toks = _words(sent)
            if not toks or (keep is not None and not keep(sent)):
                continue
            toks = toks | named
            best = max(best, sum(w[t] for t in words if alts[t] & toks) / total)
    return best


# a figure changed to another (「35万円から45万円に」「2年度から3年度へ」): a change stated by its shape
CHANGED = re.compile(r"\d[\d,.]*\s*[^\d\s、。]{0,4}\s*から\s*\d[\d,.]*\s*[^\d\s、。]{0,4}\s*(?:に|へ)")


def states_change(text: str) -> bool:
    """A (normalised) sentence that states a change or an earlier value: a figure changed to another, or a word of
    the vocabulary's [changes] stated (引き上げ, 従前, までは)."""
    return bool(CHANGED.search(text)) or any(w in text for w in vocabulary().change_stated)


def says_deferred(sentence: str) -> bool:
    """A sentence saying the value is given or decided later (「委員の氏名は、…特定後に公表する」「会場は別途通知する」
    「方針を定めていない」): the vocabulary's [deferred] phrases."""
    text = normalize(sentence).lower()
    return any(p in text for p in vocabulary().deferred)


def _deferred(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """How much of the question the best sentence that defers its value holds (IDF-weighted share, 0 when no sentence
    of the top passages defers one): 「選定委員会の委員は誰」 is met by 「委員の氏名は、…後に公表する」, which says the
    documents do not give it yet."""
    return _best_sentence(q, retriever, hits, keep=says_deferred)


def _before_stated(q: Query, retriever: Retriever, hits: list[Hit]) -> float:
    """For a question asking a value from before a change (「運営費補助の上限って、前はいくら」): the largest
    IDF-weighted share of its words that one sentence (or table row) stating a change or an earlier value holds
    (with a figure, where a figure is asked). The near miss asks the old value of a menu whose change the documents
    never state: today's figure is there, and another menu's change. 1.0 for every other question."""
    if not q.before:
        return 1.0
    figure = q.numeric or bool({"money", "count", "rate", "date", "month", "day", "duration", "frequency"} & set(q.asks))

    def keep(sent: str) -> bool:
        flat = normalize(sent)
        return states_change(flat) and (not figure or bool(re.search(r"\d", flat)))

    return _best_sentence(q, retriever, hits, keep, rows=True)


def _year_in(year: str, flat: str) -> bool:
    """令和4年度 is in a passage that writes it, or that writes 4年度 within a run of years of that era."""
    if year in flat:
        return True
    m = re.match(r"^(令和|平成)(\d+|元)年度?$", year)
    if not m:
        return False
    era, n = m.groups()
    return era in flat and bool(re.search(rf"(?<!\d){n}年度", flat))


@dataclass(frozen=True)
class Model:
    """A fitted logistic regression on standardised features, and its two operating points."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    abstain_below: float  # probability under which kyoju abstains
    answer_from: float  # probability from which it answers directly (between: a cautious answer)
    meta: dict

    def probability(self, f: dict[str, float]) -> float:
        z = self.intercept
        for name, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True):
            z += c * ((f.get(name, 0.0) - m) / (s or 1.0))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def outcome(self, p: float) -> str:
        if p < self.abstain_below:
            return ABSTAIN
        return ANSWER if p >= self.answer_from else CAUTIOUS

    def to_json(self) -> dict:
        return {"names": list(self.names), "mean": list(self.mean), "scale": list(self.scale), "coef": list(self.coef),
                "intercept": self.intercept, "abstain_below": self.abstain_below, "answer_from": self.answer_from,
                "meta": self.meta}

    @classmethod
    def from_json(cls, d: dict) -> Model:
        return cls(tuple(d["names"]), tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]), float(d["intercept"]),
                   float(d["abstain_below"]), float(d["answer_from"]), d.get("meta", {}))


def fallback_model() -> Model:
    """Used only when no fitted model ships: lexical coverage alone, threshold 0.5 (the old rule)."""
    names = FEATURES
    coef = tuple(8.0 if n == "cover_syn" else -2.0 if n == "unknown_noun" else 0.0 for n in names)
    return Model(names, tuple(0.0 for _ in names), tuple(1.0 for _ in names), coef, -4.0, 0.5, 0.5,
                 {"fitted": False})


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_FILE)) -> Model:
    p = Path(path)
    if not p.exists():
        return fallback_model()
    return Model.from_json(json.loads(p.read_text(encoding="utf-8")))


def judge(q: Query, retriever: Retriever, hits: list[Hit], model: Model | None = None,
          cell_found: bool | None = None, cell_hit: Hit | None = None, shown: list[Hit] | None = None) -> Verdict:
    """The verdict for one question and its retrieved passages (``cell_found``, ``cell_hit``: the composer's
    table look-up and the passage it read, when the caller already made it; ``shown``: the reranked passages)."""
    if not hits or not q.terms:
        return Verdict(ABSTAIN, 0.0, {})  # nothing to check against the documents (「？？？」, emoji only)
    model = model or load_model()
    f = features(q, retriever, hits, cell_found=cell_found, cell_hit=cell_hit, shown=shown)
    p = model.probability(f)
    return Verdict(model.outcome(p), p, f)
