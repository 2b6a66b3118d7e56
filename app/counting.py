"""Figures and the counters a count question asks for, built once from the domain vocabulary.

One list of counting words (`[counting]` in ingest/resources/vocabulary.toml) serves both sides: the
question (「何店」, 「協議会はいくつ」, 「世帯数は」) and the passage (45店, 1万2千世帯, 3つの協議会, a table's
bare numbers under 「（単位：市町村）」). Before it, six modules kept their own copies of the list and a
figure in 店 or 万 was invisible to some of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.vocabulary import vocabulary

# 12, 1,284, 2.5, 1万2千, 3千: Japanese numerals with 万/千/億 between digit groups
NUMBER = r"\d[\d,]*(?:\.\d+)?(?:[万千億]\d*(?:[,.]\d+)?)*"


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = vocabulary().count_words
    if not words:
        raise ValueError("ingest/resources/vocabulary.toml: [counting] things is empty / 助数詞の一覧が空です")
    things = _alternation(words)
    asked = [w for w in words if w not in {"つ", "%", "倍"}]  # いくつ holds つ: not a counter there
    multi = _alternation([w for w in asked if len(w) > 1])
    single = _alternation([w for w in asked if len(w) == 1])
    # a one-character counter is a word of its own only between non-kanji (全部, 役割, 区分, 町内会 are not
    # 部, 割, 区, 町); any counter may be followed by 数 (世帯数は) but not run on into a longer word
    alone = r"(?!(?!数)[一-龥々])"
    unit = rf"(?:(?P<unit>{multi})|(?<![一-龥々])(?P<unit1>{single})){alone}"
    return {
        # a figure with what it counts; 「3つの協議会」 counts 協議会; 第3回 is an ordinal, not a count
        "figure": re.compile(rf"(?<![\d.,第])(?P<value>{NUMBER})\s*(?:つの)?(?P<unit>{things})"),
        # 何人来ますか: a verb may follow 何X in kanji; 何人か means "some" (何市町村から, 何市町村か教えて are no such か)
        # (atomic: 「何市町村か教えて」 must not fall back to 市)
        "explicit": re.compile(rf"何\s*(?>(?P<unit>{multi})|(?P<unit1>{single}))(?!か(?!ら|教え|知り|分かり|わかり|調べ))"),
        # — and 「いくつの市町で」 asks for 市町 as 「何市町で」 does, whatever was named before it (「法人って、」), where the
        # counter is the whole noun (「いくつの社会福祉法人」「いくつの区分」 name no counter)
        "ikutsu": re.compile(rf"いくつの\s*(?>(?P<unit>{multi})|(?P<unit1>{single}))(?![一-龥々ァ-ヶー])"),
        "word": re.compile(rf"(?<![0-9０-９]){unit}"),
        "counted": re.compile(rf"(?<![0-9０-９])({single})数"),
        # (実数 / 延べ数 — the actual or the cumulative number — count nothing of their own: 「両会場を合わせて実数で
        # いくつ」 does not ask for 会場; 設置数, 総数 name the count of the counter before them)
        "how_many": re.compile(r"(?:は|が|の数|数|を)?.{0,6}?(?:いくつ|何(?![年月日時歳円をがのでか])|(?<!実)(?<!延べ)(?<!延)数|"
                               r"どれ(?:くらい|ぐらい|だけ))"),
        "unit_note": re.compile(rf"単位\s*[:：]\s*(?P<unit>{things})"),
    }


def _unit(m: re.Match) -> str:
    return m.group("unit") or m.group("unit1") or ""


def figures(text: str) -> list[re.Match]:
    """Every figure with its counter in a normalised text (`m.group("unit")`, `m.group(0)`)."""
    return list(_patterns()["figure"].finditer(text))


def figure_pattern() -> re.Pattern:
    return _patterns()["figure"]


def units_in(text: str) -> set[str]:
    """The counters a normalised text counts in: its figures' and a table's declared unit (単位：店)."""
    out = {m.group("unit") for m in figures(text)}
    out.update(m.group("unit") for m in _patterns()["unit_note"].finditer(text))
    return out


# a share asked for outright: the count named before it is its base, not what is asked
SHARE_ASKED = re.compile(r"何\s*(?:[%％]|割|パーセント)|\bwhat (?:percent(?:age)?|share)\b", re.I)


def asked_counter(text: str) -> str:
    """The counter a count question asks for, from normalised text; an explicit 何X wins (「毎回何人」
    asks for 人, not 回)."""
    p = _patterns()
    m = p["explicit"].search(text) or p["ikutsu"].search(text)
    if m:
        return _unit(m)
    if SHARE_ASKED.search(text):
        return ""  # 「相談件数の何％を占める」 asks a share of a count, not the count (何件で、何％ has its 何件 above)
    from .specifiers import place_names  # it reads counters too

    # the counter nearest before the question word: 「市町村協議会はいくつ」 counts 協議会 — not the end of a place's
    # name (ゆきみ村 in 「ゆきみ村の相談件数」); a counter right before 数 counts though a kanji precedes it
    # (「相談件数」「参加人数」 count 件, 人)
    places = [m.span() for name in place_names(text) for m in re.finditer(re.escape(name), text)]
    words = list(p["word"].finditer(text))
    near = [(w.start(), _unit(w)) for w in words if p["how_many"].match(text, w.end())
            and not any(a <= w.start() < b for a, b in places)]
    near += [(m.start(), m.group(1)) for m in p["counted"].finditer(text)
             if not any(w.start() < m.start() < w.end() for w in words)]  # 人 of 法人数 is 法人's
    return max(near)[1] if near else ""


def explicit_counter(text: str) -> str:
    """The counter of an explicit 何X (何店, 何人) in normalised text: that alone makes a count question."""
    m = _patterns()["explicit"].search(text) or _patterns()["ikutsu"].search(text)
    return _unit(m) if m else ""


def to_number(text: str) -> float | None:
    """The value of a figure as written (「1万2千」 -> 12000, 「1,284」 -> 1284), for comparing rows."""
    m = re.match(NUMBER, text.strip())
    if not m:
        return None
    total, part = 0.0, ""
    for ch in m.group(0).replace(",", ""):
        if ch in "万千億":
            total += float(part or 1) * {"千": 1e3, "万": 1e4, "億": 1e8}[ch]
            part = ""
        else:
            part += ch
    return total + float(part or 0)


def counter_forms(counter: str) -> tuple[str, ...]:
    """The counter and those counting the same (人 and 名): a table's unit or header may use either."""
    return (counter, *(c for g in vocabulary().counter_groups if counter in g for c in g if c != counter))


def same_counter(a: str, b: str) -> bool:
    """Two counters count the same thing (人 and 名, 市町村 and 市区町村)."""
    return a == b or any(a in g and b in g for g in vocabulary().counter_groups)


def counts_in(text: str, counter: str) -> list[re.Match]:
    """The figures of a normalised text that count what `counter` counts."""
    return [m for m in figures(text) if same_counter(m.group("unit"), counter)]


# kanji numerals: a vertical notice or a 回覧板 writes 「十四の団体」「二名」「月額二千円」「令和十年度末」
_KANJI_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_POWER = {"十": 10, "百": 100, "千": 1000}
_KANJI_RUN = "[〇一二三四五六七八九十百千]+"
# a lone 一 before these is a word, not a count (一部の県, 一時的, 一体的, 一人ひとり)
_ONE_WORDS = ("一部", "一時", "一体", "一人ひとり", "一人一人", "一人暮らし", "一回り", "一室", "一日も", "一日中")


def kanji_value(run: str) -> int | None:
    """二 -> 2, 十四 -> 14, 四十二 -> 42, 二千 -> 2000, 二〇二六 -> 2026 (digit by digit); None if not a number."""
    if not run or any(c not in _KANJI_DIGIT and c not in _KANJI_POWER for c in run):
        return None
    if not any(c in _KANJI_POWER for c in run):
        return int("".join(str(_KANJI_DIGIT[c]) for c in run))
    total, digit = 0, None
    for c in run:
        if c in _KANJI_DIGIT:
            if digit is not None:
                return None  # 二三十: no number
            digit = _KANJI_DIGIT[c]
        else:
            total += (1 if digit is None else digit) * _KANJI_POWER[c]
            digit = None
    return total + (digit or 0)


@lru_cache(maxsize=1)
def _kanji_figure() -> re.Pattern:
    counted = _alternation([*vocabulary().count_words, "年度", "年", "か月", "ヶ月", "カ月", "月", "日", "時", "万",
                            "億", "円"])
    # not after a digit (1千円, 3,200千円 are figures already), nor after a kanji that makes the numeral part of a
    # word (同一, 統一, 唯一, 単一, 均一, 画一, 逐一) or an estimate (数十団体, 何百人); not before a place's suffix
    # (八戸市, 四日市市, 十日町市, 一戸町 are names)
    return re.compile(rf"(?<![\d,.同統唯単均画逐択純数何幾〇一二三四五六七八九十百千])({_KANJI_RUN})"
                      rf"(の(?=(?:{counted})(?![市町村区郡]))|(?=(?:つの)?(?:{counted})(?![市町村区郡])))")


def _in_one_word(text: str, at: int) -> bool:
    """The 一 at `at` is one of a word's (一部, the second 一 of 一人一人)."""
    return any(text[at - i:at - i + len(w)] == w for w in _ONE_WORDS for i, c in enumerate(w) if c == "一" and at >= i)


def arabic_figures(text: str) -> str:
    """A normalised text with its kanji numerals that count or date something in digits (「十四の団体」 ->
    「14団体」, 「令和十年度末」 -> 「令和10年度末」, 「月額二千円」 -> 「月額2000円」, 「二万五千円」 -> 「2万5000円」), so a
    figure written either way is read by the same patterns; for matching only, never shown, and only where it is
    read as a value (places and words are matched on the text as written). Left as written: a numeral inside a
    word (統一, 唯一, 万一) or a name (八戸市), a lone 一 that is a word (一部の県, 一時的, 一人暮らし), a unit (単位：千円,
    千円未満: a bare 千 or 百) and a blank form's 〇 (令和〇年〇月〇日, 〇〇名)."""
    def value(m: re.Match) -> str:
        run = m.group(1)
        if run == "一" and (_in_one_word(text, m.start()) or text[m.start() - 1:m.start()] == "万"):
            return m.group(0)
        if set(run) <= {"〇"} or run in ("千", "百"):
            return m.group(0)
        n = kanji_value(run)
        # 「十四の団体」 is 14団体: the の goes with the numeral, as a figure pattern reads 「14団体」
        return m.group(0) if n is None else str(n)
    return _kanji_figure().sub(value, text) if re.search(_KANJI_RUN, text) else text
