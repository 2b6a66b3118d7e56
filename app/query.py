"""One analysis of a question, made once and passed to retrieval, answerability and composing.

Before this, retrieve, support and compose each normalised and tokenised the question again
(and read the retriever's internals to do it). A `Query` holds everything they need:
the standalone text (follow-ups resolved), its words, the counter a count question asks for,
negation, years, language, and the texts each search side reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.clean import normalize, squash
from ingest.headings import unit_refs
from ingest.romaji import romaji_key
from ingest.tokens import Term, content_words, prepare, terms
from ingest.vocabulary import vocabulary

from .answer_kinds import QUESTION_WORD, YES_NO, asked_kinds, named_group
from .chinese import from_chinese, is_chinese
from .counting import asked_counter, explicit_counter
from .glossary import is_english, translate
from .specifiers import Specifier, asked_attribute, is_region, linked_nouns, specifiers

if TYPE_CHECKING:
    from .romaji_names import NameIndex

MAX_QUESTION_CHARS = 2000

# ---- question shapes (general Japanese, no document wording) -------------------------------------
NUMERIC_Q = re.compile(r"いくつ|何(?:年|割|%|パーセント)|いくら|どれくらい|どのくらい|どれだけ|数[をはがって]|の数|"
                       r"how many|how much|number of", re.I)
# what a table, figure or its data is called in a question (「この表の出典」「数字の出典」「source of the figures」)
TABLE_WORD = re.compile(r"表|図|グラフ|データ|数字|数値|統計|\b(?:tables?|figures?|charts?|data|statistics)\b", re.I)
LIST_Q = re.compile(r"どのような|どんな|何を|どういった|挙げ|示され|教えて|どういう|なにを|何が|何があ|"
                    r"\bwhat (?:kinds?|types?|sorts?) of\b|\b(?:are|were|is) (?:listed|named|given|shown|included)\b|"
                    r"\blist (?:the|all)\b|\bwhat (?:are|were) the\b|\bwhat (?:two|three|four|five|six|\d+)\b", re.I)
ZERO_Q = re.compile(r"(?:一度も|一回も|1回も|全然|ぜんぜん|まったく|全く).{0,12}(?:なかった|ない|いない|ず)|ゼロ|0回")
NEGATION = re.compile(r"(?:し|さ|い|れ|せ|て|で|け|ら|わ|め|か)(?:ない|なかった|てない)|ません|以外|除く|除いて|未|"
                      r"(?:せ|ら|れ|け)ず(?:に|、|。|$)")
# a Sino-Japanese verb negated (設置していない, 設立されていない, 加入してない): the documents name the state with
# the prefix 未 (未設置, 未設立, 未加入), which the tokeniser splits off as a word of its own
NOT_DONE = re.compile(r"[一-龥]{2}(?:して|されて|し|され)(?:い)?(?:ない|なかった|ておらず|ず)")


@lru_cache(maxsize=1)
def _before_asked() -> re.Pattern | None:
    """The vocabulary's [changes] asked phrases; one opening with a kanji (前は, 旧の) is a word of its own only
    where no kanji stands before it (名前は, 午前は, 地元は are other words)."""
    phrases = sorted(vocabulary().before_asked, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile("|".join(("(?<![一-龥々])" if re.match(r"[一-龥々]", p) else r"\b" if p[0].isascii() else "")
                               + re.escape(p) for p in phrases), re.I)


def asks_before(text: str) -> bool:
    """Whether a (normalised) question asks a value from before a change: 「前はいくら」「引き上げ前の上限」."""
    rx = _before_asked()
    return bool(rx and rx.search(text))


def not_done(text: str) -> tuple[str, ...]:
    """The prefix 未 as a word when the text negates a Sino-Japanese verb (設置していない reads 未設置)."""
    return ("未",) if NOT_DONE.search(normalize(text)) else ()


# the largest / smallest of something (「いちばん多い市」「最も少ない」 "the most"): a table column's extreme
# 「最大で」「最高いくら」「最低限」 ask for a cap or a minimum, not a row: only a ranking phrase counts
EXTREME_Q = {
    "max": re.compile(r"(?:最も|もっとも|一番|いちばん|1番)(?:多|大き|高|長)|最多|the (?:most|largest|highest|biggest)\b",
                      re.I),
    "min": re.compile(r"(?:最も|もっとも|一番|いちばん|1番)(?:少な|小さ|低|短)|最少|the (?:fewest|least|smallest|lowest)\b",
                      re.I),
}
# 「AとBではどっちが多い」: the larger (smaller) of the rows or places the question names
COMPARE_Q = {
    "max": re.compile(r"(?:どっち|どちら)(?:が|の方が|のほうが)[^。？?]{0,12}?(?:多(?:い|かっ|く)|大き(?:い|かっ|く)|"
                      r"高(?:い|かっ|く)|長(?:い|かっ|く))"),
    "min": re.compile(r"(?:どっち|どちら)(?:が|の方が|のほうが)[^。？?]{0,12}?(?:少な(?:い|かっ|く)|小さ(?:い|かっ|く)|"
                      r"低(?:い|かっ|く)|短(?:い|かっ|く))"),
}
YEAR = re.compile(r"(?:令和|平成)\s*(?:\d{1,2}|元)\s*年度?|(?<!\d)\d{1,2}\s*年度|(?:19|20)\d\d\s*年度?")

# ---- follow-ups: a question that refers back, or lacks what it is about ---------------------------
ANAPHOR_START = re.compile(r"^(?:その|それ|この|これ|あの|あれ|そこ|そちら|こちら|同じ|上記|前述|先ほど|さっき|"
                           r"では|じゃあ|じゃ|なら|ならば|それなら|それで|で、|また|他に|ほかに|あと|さらに|"
                           r"前の|前回の?|前年度|翌年度|次の|次回の?|"  # a time told relative to what was said
                           r"and\b|what about|how about|then\b)", re.I)
ANAPHOR = re.compile(r"(?:その|それ|あの|あれ|そこ|そちら|同じ|上記の|前述の|先ほどの|さっきの)"
                     r"(?![ょ])(?:ような|よう)?|(?:この|これ)(?:ら|って|は|に|を|で|が)|\b(?:it|they|that|those|them)\b", re.I)
ELLIPTIC_END = re.compile(r"(?:は|も|って|で|の方|のほう)\s*[?？]?\s*$|(?:は|も)(?:どう|いかが)|"
                          r"(?:だと|だったら|なら|では|の場合)[はも]?\s*(?:(?:いくら|なん|何|どう|いつ|どこ|誰|だれ)[^。]{0,8})?"
                          r"\s*[?？]?\s*$")


@dataclass(frozen=True)
class Query:
    """Everything the pipeline needs to know about one question (see `analyze`)."""

    raw: str  # as typed (trimmed and cut to MAX_QUESTION_CHARS)
    text: str  # the question normalised for matching (NFKC, short forms, era abbreviations)
    standalone: str  # the question with a follow-up's context carried over (normalised)
    follow_up: bool
    language: str  # "ja" | "en" | "zh" (a Chinese question: standalone and lexical_text are its Japanese words)
    lexical_text: str  # what BM25 reads
    dense_text: str  # what the embedding model reads
    tokens: tuple[str, ...]  # content words (short units) of the standalone question
    focus_tokens: tuple[str, ...]  # a follow-up's own words (what is new in it)
    terms: tuple[Term, ...]  # long units of the standalone question, for answerability
    unknown_english: tuple[str, ...] = ()
    counter: str = ""  # the counter a count question asks for (県, 法人…)
    numeric: bool = False
    list_like: bool = False
    negated: bool = False
    zero: bool = False
    years: tuple[str, ...] = ()
    truncated: bool = False
    rewrite: str = ""  # an LLM rewrite of a follow-up, when one was accepted
    asks: tuple[str, ...] = ()  # the kinds of answer it asks for (app.answer_kinds: date, money, person…)
    extreme: str = ""  # "max" / "min": it asks for the largest or smallest (いちばん多い市は)
    compare: bool = False  # it compares what it names (「AとBではどっちが多い」): extreme among those
    specs: tuple[Specifier, ...] = ()  # what singles out its subject: a place, year, month, 第N回 (app.specifiers)
    attribute: str = ""  # the noun whose value it asks (受講料 in 「受講料はいくら」)
    # the names an English question spells in romaji, as the documents print them (Hanazono City -> はなぞの市):
    # one search token each. (Tried for a Japanese question's places too: the name then counted twice beside its
    # own words and pulled up passages that only mention it; held-out hit@1 fell 0.773 -> 0.769)
    names: tuple[str, ...] = ()
    group: tuple[int, str] = (0, "")  # a numbered group asked for by name (「6市町村はどこ」: (6, 市町村))
    before: bool = False  # it asks a value from before a change (「前はいくら」「引き上げ前の上限」)
    linked: tuple[tuple[str, str], ...] = ()  # its 「A の B」 pairs (実践編の定員): stated together, or not at all
    refs: tuple[str, ...] = ()  # the captioned units it names (表4-1, 事例4-3: ingest.headings.unit_refs keys)
    source: bool = False  # it asks where a table's figures come from (出典, 出所: vocabulary `source_asked`)
    # the words of each part of a question that asks two things (「予算はいくらで、前年度からいくら増えた？」, 「いくつ
    # ある？前と比べてどのくらい増えた？」): each part's own content words, not those the parts share; () for one part
    parts: tuple[tuple[str, ...], ...] = ()

    @property
    def topic_tokens(self) -> list[str]:
        """Its content words once each, without era names (令和 in 令和5年度 dates the question, it is no topic):
        what coverage and topic scores weigh."""
        eras = vocabulary().era_names
        return [t for t in dict.fromkeys(self.tokens) if t not in eras]

    @property
    def compose_text(self) -> str:
        """The Japanese wording the composer matches sentences with."""
        return self.lexical_text if self.language != "ja" else self.standalone


def is_follow_up(question: str, has_history: bool = True) -> bool:
    """A follow-up refers back (その結果は, それって) or lacks a topic of its own (「令和5年度は？」
    「宅建協会は？」): judged from what the question lacks, never from its length alone.
    A self-contained question (「居住支援法人とは何ですか」「調査結果によると…」) stays as typed."""
    if not has_history:
        return False
    q = normalize(question).strip()
    if not q:
        return False
    if ANAPHOR_START.search(q) or ANAPHOR.search(q):
        return True
    if re.search(r"とは(?:何|なに|なん)|って(?:何|なに|なん)", q):
        return False  # a definition question names its own topic
    v = vocabulary()
    # nouns that name a topic: not an era (令和), not a word that carries none (とき in 「令和2年のときは？」)
    words = terms(q, "C")
    nouns = [t for t in words if t.pos in {"名詞", "代名詞"} and t.word not in v.era_names
             and t.word not in v.stop_words and t.surface not in v.stop_words]
    figures = [t for t in words if t.pos == "数"]
    if not nouns:
        return True  # only figures, years or verbs: 「令和5年度は？」「どうでしたか」
    # nouns of time or of a whole only (今年度, これまで, 合計, 内訳) and no verb that names a topic (申請, 参加 — a
    # noun used as a verb): 「今年度はこれまでにどれくらい使われてる？」 says nothing of what; 「月末までに申請できますか」 does
    named = [t for t in words if t.pos == "動詞" and re.fullmatch(r"[一-龥々]{2,}", t.surface)]
    # (counters and relative words too: 「今年度はもう何件くらい使われてる？」「終わったあとはどうするって書いてある？」)
    counted = {c for c in v.counters if re.search(rf"(?:何|\d)\s*{re.escape(c)}", q)}  # 何件, 3回: counting, no topic
    topicless = v.not_attributes | v.relative_nouns | counted
    if not named and all({t.word, t.surface} & topicless for t in nouns):
        return True
    # one bare topic and no predicate of its own: 「宅建協会は？」「法人側は？」
    verbs = [t for t in words if t.pos in {"動詞", "形容詞"}]
    return bool(ELLIPTIC_END.search(q)) and len(nouns) + len(figures) <= 2 and not verbs


def _last_user(history: list[dict]) -> tuple[int, str] | None:
    for i in range(len(history) - 1, -1, -1):
        t = history[i]
        if t.get("role") == "user" and str(t.get("content", "")).strip():
            return i, str(t["content"])
    return None


# a year told relative to the one the conversation is about: 「その前の年度は？」「翌年度は？」
RELATIVE_YEAR = {-1: re.compile(r"前の年度|前年度|前の年(?!齢)|その前の年|[1１一]年前"),
                 1: re.compile(r"次の年度|翌年度|翌年|次の年(?!齢)|[1１一]年後")}
COMPARING = re.compile(r"比|くらべ|より|増|減|伸び|伸ば|差|変化|違")
_ERA_YEAR = re.compile(r"(令和|平成)\s*(\d{1,2}|元)\s*(年度?)|(?<!\d)((?:19|20)\d\d)\s*(年度?)")


def shift_year(text: str, delta: int) -> str:
    """The text with its one year moved by `delta` (令和6年度 -> 令和5年度, 2024年 -> 2023年); as written when it
    names no year or several (which one 「前の年度」 is relative to is then unclear)."""
    found = {re.sub(r"\s+", "", m.group(0)) for m in _ERA_YEAR.finditer(text)}
    if len(found) != 1:
        return text

    def moved(m: re.Match) -> str:
        if m.group(1):
            n = (1 if m.group(2) == "元" else int(m.group(2))) + delta
            return f"{m.group(1)}{n}{m.group(3)}" if n >= 1 else m.group(0)
        return f"{int(m.group(4)) + delta}{m.group(5)}"
    return _ERA_YEAR.sub(moved, text)


# 「運営費にも使える？」「共同設置でも対象？」: 「も」 says "as well as what was asked before"
ALSO = re.compile(r"(?<![最何誰])[一-龥ァ-ヶー]\s*(?:に|で|と|へ|から)?も(?![うしっの])")


def continues(question: str, history: list[dict] | None) -> bool:
    """A question that asks the same of something else (「協議会ができたあとの運営費にも使える？」 after 「設立準備補助金って
    何に使えるの？」): it says 「も」 and repeats the previous question's verb, while what that verb is said of (the
    補助金) is left to the conversation."""
    last = _last_user(history or [])
    if last is None or not ALSO.search(normalize(question)):
        return False
    v = vocabulary()
    verbs = {t.word for t in terms(normalize(question), "C") if t.pos == "動詞"} - v.functional_verbs - v.light_verbs
    before = {t.word for t in terms(normalize(last[1]), "C") if t.pos == "動詞"}
    return bool(verbs & before)


def standalone_question(question: str, history: list[dict] | None, depth: int = 2, force: bool = False) -> str:
    """Without an LLM: a follow-up carries over the previous question's words, itself made standalone
    first (so 「0回の県は？」 after 「令和5年度は？」 after a question on 開催回数 keeps all three). A year told
    relative to the previous question's (「その前の年度はいくらだった？」) is that year moved, when the follow-up
    names none of its own."""
    if not history or not (force or is_follow_up(question)):
        return question
    last = _last_user(history)
    if last is None:
        return question
    i, prev = last
    if depth > 1:  # (a 「も」 question before it carried its own subject: 「運営費にも使える？」 then 「上限は？」)
        prev = standalone_question(prev, history[:i], depth - 1, force=continues(prev, history[:i]))
    own = normalize(question)
    # 「前の年度と比べて何件増えた？」 compares the two years: the previous question's year stays
    if not _ERA_YEAR.search(own) and not COMPARING.search(own):
        for delta, phrase in RELATIVE_YEAR.items():
            if phrase.search(own):
                prev = normalize(prev)
                if not _ERA_YEAR.search(prev):  # 「相談件数は？」「令和6年度は1,318件です」「その前の年度は？」
                    prev = f"{prev} {answered_year(history[i + 1:])}".strip()
                prev = shift_year(prev, delta)
                break
    return f"{prev} {question}"


def answered_year(turns: list[dict]) -> str:
    """The one year the answer to the last question was about (「令和6年度の相談件数は1,318件です。」), or '' when it
    names none or several: a question that named no year was answered for one, and 「その前の年度」 is told from it."""
    reply = next((str(t.get("content", "")) for t in turns if t.get("role") == "assistant"), "")
    found = {re.sub(r"\s+", "", m.group(0)) for m in _ERA_YEAR.finditer(normalize(reply))}
    return next(iter(found)) if len(found) == 1 else ""


def analyze(question: str, history: list[dict] | None = None, rewrite: str | None = None,
            names: NameIndex | None = None) -> Query:
    """The one analysis of a question. `rewrite` is an accepted LLM rewrite of a follow-up; `names` are the
    index's names by romanisation, for an English question that spells them (Hanazono City -> はなぞの市)."""
    raw = re.sub(r"\s+", " ", (question or "").replace("\u0000", " ")).strip()
    truncated = len(raw) > MAX_QUESTION_CHARS
    raw = raw[:MAX_QUESTION_CHARS]
    # what the analysis reads: the question as typed, a Chinese one (and Chinese turns before it) in Japanese words;
    # the user still sees raw, and the embedding model reads both
    chinese = not is_english(raw) and is_chinese(raw)
    reading = from_chinese(raw) if chinese else raw
    history = [t | {"content": from_chinese(str(t.get("content", "")))} if t.get("role") == "user" and is_chinese(
        str(t.get("content", ""))) else t for t in history or []]
    follow = bool(history) and (is_follow_up(reading) or continues(reading, history))
    carried = rewrite or (standalone_question(reading, history, force=follow) if follow else reading)
    standalone = prepare(carried)
    text = prepare(reading)
    english = is_english(standalone)
    unknown: list[str] = []
    named: list[str] = []
    if english:
        ja, unknown, named = _to_japanese(standalone, names)
        lexical, dense = (ja or standalone), f"{standalone} {ja}".strip()
    elif chinese:
        lexical, dense = standalone, f"{prepare(raw)} {standalone}"
    else:
        lexical = dense = standalone
    tokens = tuple(dict.fromkeys([*content_words(lexical), *not_done(lexical)]))
    focus = tuple(dict.fromkeys(content_words(text))) if follow else ()
    nt = normalize(lexical if english else standalone)
    own = normalize(_to_japanese(text, names)[0] if english else text)
    specs = _merged_specs(specifiers(own), specifiers(nt))
    # what a follow-up asks is its own when it has a question word (「いちばん多く開いたのはどこ？」 after 「何回やった？」
    # asks a name, not a count); without one (「令和5年度は？」) it asks what the question before asked
    # (「どうだった？」 asks no kind of its own: the one before's stands)
    own_kinds = asked_kinds(normalize(reading)) if follow else ()
    own_asks = follow and bool(own_kinds or explicit_counter(own) or NUMERIC_Q.search(own))
    # a follow-up asking yes or no in words of its own (「じゃあ、その補助金って人件費にも使える？」) asks no value, not the
    # sum the question before asked; one asking how it goes elsewhere (「町村だとどうなる？」) still asks that one's kind
    yes_no = follow and not own_asks and bool(YES_NO.search(own)) and not QUESTION_WORD.search(own)
    asking = own if own_asks or yes_no else nt
    # a name read from romaji singles out a place only when it is one place (ともえ県 and ともえ町 share a key)
    places = [n for n in named if n[-1:] in vocabulary().english_suffixes.values()]
    if len(places) == 1 and places[0] not in {s.text for s in specs}:
        specs += (Specifier("place", places[0], re.escape(squash(places[0]))),)
    group = named_group(own)
    refs = tuple(unit_refs(reading) or unit_refs(standalone))  # a follow-up's own unit replaces the one carried
    compare = next((k for k, rx in COMPARE_Q.items() if rx.search(nt) or rx.search(reading)), "")
    return Query(
        raw=raw, text=text, standalone=standalone, follow_up=follow, language="en" if english else "zh" if chinese else "ja",
        lexical_text=lexical, dense_text=dense, tokens=tokens, focus_tokens=focus,
        terms=tuple({t.word: t for t in terms(lexical, "C")}.values()), unknown_english=tuple(unknown),
        counter=asked_counter(asking), numeric=bool(NUMERIC_Q.search(asking) or explicit_counter(asking)),
        list_like=bool(LIST_Q.search(own) or (english and LIST_Q.search(raw))),
        negated=bool(NEGATION.search(nt)), zero=bool(ZERO_Q.search(nt)),
        years=tuple(dict.fromkeys(re.sub(r"\s+", "", y) for y in YEAR.findall(nt))), truncated=truncated,
        rewrite=rewrite or "",
        asks=_with_group(() if yes_no else own_kinds if own_asks else asked_kinds(normalize(reading + " " + standalone)),
                         group),
        extreme=next((k for k, rx in EXTREME_Q.items() if rx.search(nt) or rx.search(reading)), "") or compare,
        compare=bool(compare),
        specs=specs, attribute=asked_attribute(own) or asked_attribute(nt),
        names=tuple(named), group=group, before=asks_before(own) or asks_before(nt) or asks_before(normalize(reading)),
        linked=() if english else linked_nouns(nt),
        refs=refs, parts=() if english else question_parts(own),  # a follow-up's own parts, not the carried turn
        source=any(w in own or w in normalize(reading).lower() for w in vocabulary().source_asked)
        and bool(refs or TABLE_WORD.search(own) or TABLE_WORD.search(reading)),
    )


# where a question that asks two things divides: a question mark or full stop, or 「…で、」「…か、」 (「いくらで、何年」),
# not 「…ので、」 (a reason)
PART_BREAK = re.compile(r"([?？。]+|(?<![の])(?<=[でか])[、,]\s*)")

def question_parts(text: str) -> tuple[tuple[str, ...], ...]:
    """Each asking part's own content words (not those another part shares, nor years or figures), where the
    question asks two or more things, each part with a word of its own; () for a question of one part. A part that
    asks nothing (「令和5年度で、」「調査対象の15県で、」) is a condition of the whole, not a part."""
    eras = set(vocabulary().era_names)
    pieces = PART_BREAK.split(text)
    asked = []
    for k in range(0, len(pieces), 2):
        part, mark = pieces[k], pieces[k + 1] if k + 1 < len(pieces) else ""
        if part.strip() and (QUESTION_WORD.search(part) or "?" in mark or "？" in mark):  # it asks something
            asked.append(part)
    words = [[t for t in dict.fromkeys(content_words(p)) if t not in eras and not re.search(r"\d", t)] for p in asked]
    words = [w for w in words if w]
    if len(words) < 2:
        return ()
    own = [tuple(t for t in w if not any(t in o for j, o in enumerate(words) if j != i)) for i, w in enumerate(words)]
    return tuple(own) if all(own) else ()


def _with_group(asks: tuple[str, ...], group: tuple[int, str]) -> tuple[str, ...]:
    """A question asking which members of a numbered group they are (「9市町村って、どこのこと？」) asks for names,
    however it words the asking."""
    return asks if not group[0] or "name" in asks else (*asks, "name")


def _to_japanese(text: str, names: NameIndex | None) -> tuple[str, list[str], list[str]]:
    """An English question's Japanese terms (the vocabulary's, and the index's names it spells in romaji), the
    English words neither knows, and the names."""
    ja, unknown = translate(text)
    pairs = names.resolve(text) if names is not None else []
    if not pairs:
        return ja, unknown, []
    named = list(dict.fromkeys(n for _, n in pairs))
    spelled = {romaji_key(part) for w, _ in pairs for part in w.split()}
    # a word read as one name joins the Japanese text (each name on its own after 。: a hiragana name is split
    # differently after other words, は+なぞ+の); a word two places share is a search token only (Query.names)
    per_word: dict[str, list[str]] = {}
    for w, n in pairs:
        per_word.setdefault(w, []).append(n)
    ja = "。".join([ja, *dict.fromkeys(ns[0] for ns in per_word.values() if len(ns) == 1)]).strip("。")
    return ja, [u for u in unknown if romaji_key(u) not in spelled], named


def _merged_specs(own: tuple[Specifier, ...], carried: tuple[Specifier, ...]) -> tuple[Specifier, ...]:
    """A follow-up's own place or year replaces the carried one of that kind (「ともえ町は？」 after a question
    on かわせみ市 asks about ともえ町 alone)."""
    kinds = {_spec_kind(s) for s in own}
    # a region (「南部は？」) replaces the region asked before, not the prefecture or city it lies in; a named place
    # replaces the place and any region carried
    return own + tuple(s for s in carried if _spec_kind(s) not in kinds and s not in own
                       and not (_spec_kind(s) == "region" and "place" in kinds))


def _spec_kind(s: Specifier) -> str:
    return "region" if is_region(s) else s.kind


@lru_cache(maxsize=1)
def _synonym_index() -> list[tuple[tuple[str, ...], ...]]:
    """Each synonym group as the index tokens of its members (立ち上げる -> (立つ, 上げる))."""
    return [tuple(t for t in (tuple(content_words(m)) for m in g) if t) for g in vocabulary().synonym_groups]


def contains_run(seq: tuple[str, ...] | list[str], part: tuple[str, ...]) -> bool:
    """`part` stands in `seq` as a contiguous run of tokens."""
    n = len(part)
    return any(tuple(seq[i : i + n]) == part for i in range(len(seq) - n + 1))


def synonym_members(tokens: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """(a vocabulary member standing in the question, the group's other members), as index tokens:
    「立ち上げられ」 holds (立つ, 上げる), whose other forms include (設立,)."""
    out = []
    for group in _synonym_index():
        for m in group:
            if contains_run(tokens, m):
                out.append((m, tuple(o for o in group if o != m)))
    return out


def synonym_others(tokens: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Each question token that is part of a vocabulary member, with the group's other members (as index tokens)
    that stand for it: 立つ -> [(設立,), (作る,), …] for 「立ち上げる」. A text holding every token of one of them holds the
    word in another form."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for member, forms in synonym_members(tokens):
        for t in member:
            out.setdefault(t, []).extend(forms)
    return out


def synonym_tokens(tokens: tuple[str, ...]) -> list[str]:
    """Index tokens of the vocabulary's other forms of the question's words (立ち上げる -> 設立):
    a member counts when its tokens stand in the question in order."""
    out: list[str] = []
    for group in _synonym_index():
        if any(contains_run(tokens, m) for m in group):
            for m in group:
                out.extend(w for w in m if w not in tokens and w not in out)
    return out
