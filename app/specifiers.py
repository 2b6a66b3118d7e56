"""What singles out the thing a question asks about: a place by name, a year, a month, an ordinal.

A near miss asks for a value the documents hold for something else: the 相談件数 of another city,
the 令和4年度 figure where only 令和5・6年度 are printed, the 第3次 call where two were made. The
passages then match the question's topic words well, and every lexical or dense score says
"answerable". What they lack is the question's *specifier* next to a value of the asked kind.
This module finds the specifiers in a question (pure text processing) and tells whether one
passage unit (a sentence with the next, or a table row with its header and caption) states them.

General Japanese only: place-name suffixes (市町村県区…), the era and fiscal-year notation,
第N回/期/次. No document's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.clean import normalize, squash
from ingest.headings import unit_key
from ingest.romaji import names_in
from ingest.tokens import morphemes
from ingest.vocabulary import expand_short_forms, vocabulary

from .answer_kinds import GATHERING
from .counting import kanji_value

PLACE_SUFFIX = {"市", "町", "村", "県", "区", "都", "府"}
# a place word after these names no particular place (他県, 各市, 当県 are one word or a prefix)
NOT_A_NAME = {"市", "町", "村", "県", "区", "都", "府", "道", "国", "他", "各", "同", "本", "当", "全", "両", "近隣",
              "周辺", "一部", "大", "小", "中核", "政令", "地方", "一般"}
ORDINAL = re.compile(r"第\s*(\d+)\s*(回|期|次|弾|号|条)")
# the everyday order of the same (「2回目の協議会」「3年度目の上限」「設立3年目」): N then the unit then 目 — not 目標,
# 目途, 目安, and not a range from it (「2年目以降」)
ORDINAL_AFTER = re.compile(r"(?<![\d.,第])(\d+)\s*(回|期|次|弾|年度|年)\s*目(?![標途安指])(?!\s*(?:以降|以上|以後|から))")
# what a series of meetings or calls is of: 「2回目の協議会」 is one of them, 「2回目の申請」 is someone's second try
SERIES_NOUN = re.compile(rf"{GATHERING}|募集|公募|派遣|交付")
STEP = re.compile(r"(?i:step|ステップ)\s*(\d{1,2})(?!\d)|第\s*(\d)\s*段階|段階\s*(\d)(?!\d)")
MONTH = re.compile(r"(?<![\d月])(\d{1,2})\s*月(?!\s*\d+\s*日\s*[〜～~-])")
FISCAL = re.compile(r"(?:(令和|平成)\s*)?(?<!\d)(\d{1,2}|元)\s*年度(?!目)")  # 3年度目 counts years since
WESTERN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(度?)")
CALENDAR = re.compile(r"(令和|平成)\s*(\d{1,2}|元)\s*年(?!度)")
QUOTED = re.compile(r"「([^「」]{2,30})」")
# a region of a prefecture named by its direction (中央圏域, 県北地区, 南部地域, 東部ブロック): general Japanese, no name
REGION_WORDS = "圏域|地域|地区|ブロック|エリア"
_DIRECTION = "北東|北西|南東|南西|北|南|東|西|中"
# in a question: a direction with a region word, not the start of a name (西地域包括支援センター, 北部地域振興局); a
# direction with 部 (南部, 県東部) or after 県 (県北) alone (「南部は？」), not a name (西部ガス)
REGION = re.compile(rf"(?<![一-龥])(?:(県?(?:{_DIRECTION})部?|県央|中央)({REGION_WORDS})(?![一-龥])|"
                    rf"(県?(?:{_DIRECTION})部|県(?:北|南|央|東|西))(?![一-龥ァ-ヶ]))")
# in a passage: the direction on its own or after a place's suffix (県南部地域, はまなす市南部で), not inside a word (関東部会)
_REGION_START = r"(?:(?<![一-龥])|(?<=[都道府県市町村区]))"
# how a unit of a passage says who speaks it (answerability marks each unit of a labelled block with its speaker)
SPEAKER_MARK = "§話者="
# a body named with its legal form (株式会社かざはや不動産サービス, 社会福祉法人汐風会, ふじなみ住宅サービス株式会社): the
# name is what singles it out; the forms are data (vocabulary: legal_forms). Read up to a particle or a bracket —
# a name's own の (いぶき住まいの輪) cuts it short, and its first part still names it
_HARD_STOP = set(" 、。，,・「」『』（）()?？")
_NAME_STOP = r"[\s、。，,・「」『』（）()?？のはがをにでとやもへ]"


@dataclass(frozen=True)
class Specifier:
    kind: str  # place | year | month | ordinal | body | speaker
    text: str  # as the question writes it (normalised)
    pattern: str  # a regular expression a passage matches when it states it


def _describes(kana: str) -> bool:
    """A kana run that describes rather than names (いろんな市, ちいさな町, あたらしい県): it ends in な, or the
    tokeniser reads an adjective, an adnominal or a verb in it."""
    ms = morphemes(kana)
    if kana.endswith("な") or not ms:
        return True
    if len(ms) == 1 and (ms[0][1][2] == "副詞可能" or ms[0][1][0] in {"代名詞", "副詞", "連体詞"}):
        return True  # 「いま県が指定してる」「どこ県」: a word of time or a pointer, no name
    pos = [p[0] for _s, p in ms]
    last_surface, last = ms[-1][0], pos[-1]
    # a name cut up by the tokeniser reads anything, even a verb last (ゆり+の+き); a run with an adjective, an
    # adverb or an auxiliary (ちかくの, よくある, きたの), one that opens with a particle (に+し+の) or closes with
    # a verb of two kana or more (となり+あう, ある) describes
    # — but a verb's continuative form (ゆめみ of 夢見る) modifies no noun: it is a piece of the name
    continuative = "連用形" in ms[-1][1][5]
    # an adjectival noun modifies a noun only with な (のどかな町): one right before the suffix is the name (のどか市)
    describing = {"形容詞", "連体詞", "副詞"} | ({"形状詞"} if "形状詞" in pos[:-1] else set())
    # (an auxiliary opens no phrase: はる+ひ of はるひ is a name read as dialect)
    return (bool(describing & set(pos)) or "助動詞" in pos[1:] or pos[0] == "助詞"
            or (last == "動詞" and not continuative and (len(last_surface) >= 2 or len(ms) == 1)))


def place_names(text: str) -> list[str]:
    """Names of particular places: 「かわせみ市」「ともえ県」「札幌市」, not 「県内の市」「他県」「市区町村」.
    A place suffix (市, 町, 県…) right after a noun that stands on its own (not the end of a compound, not a
    generic place word)."""
    out: list[str] = []
    ms = morphemes(text)
    for k, (surface, pos) in enumerate(ms):
        if pos[0] == "名詞" and pos[1] == "固有名詞" and pos[2] == "地名" and surface[-1:] in PLACE_SUFFIX \
                and len(surface) > 1 and not set(surface) <= PLACE_SUFFIX:
            nxt = ms[k + 1][0] if k + 1 < len(ms) else ""
            out.append(surface + nxt if nxt in PLACE_SUFFIX else surface)  # 京都 + 府
            continue
        if k >= 1 and ms[k - 1][1][2] == "地名" and ms[k - 1][0][-1:] in PLACE_SUFFIX:
            continue  # the 府 of 京都府, already taken
        if surface not in PLACE_SUFFIX or k == 0:
            continue
        prev, ppos = ms[k - 1]
        if ppos[0] != "名詞" or ppos[1] == "数詞" or ppos[2] in {"副詞可能", "サ変可能"} or prev in NOT_A_NAME \
                or prev[-1] in PLACE_SUFFIX:
            continue  # 「いる県」「4県」「毎年県」「都道府県県」
        # the end of a longer compound (調査対象市 = the surveyed cities) names a class, not a place; a proper
        # noun (ほのか市) or a word standing alone (隣のさくら県, ともえ県居住支援協議会) names one
        if ppos[1] != "固有名詞" and k >= 2 and ms[k - 2][1][0] in {"名詞", "接頭辞"}:
            continue
        out.append(prev + surface)
    # a name in kana (ゆりのき市, ヤマブキ町) that the tokeniser cut up: read as the index reads printed names
    for name, _key in names_in(text):
        if name[-1:] in PLACE_SUFFIX and len(name) > 2 and re.fullmatch(r"[ぁ-んァ-ヶー]+", name[:-1]) \
                and not any(name in o for o in out) and not _describes(name[:-1]):
            # a piece of it taken above (ひ市 of はるひ市, cut after はる) gives way to the whole name — unless the
            # piece is a whole word of its own and what the kana run adds before it is a verb or a particle the
            # run swallowed (出てくる + かざみ町 read as くるかざみ町)
            if any(name.endswith(o) and len(o) >= 4 and _describes(name[:-len(o)]) for o in out):
                continue
            out = [o for o in out if not name.endswith(o)] + [name]
    return list(dict.fromkeys(out))


def _era_years(text: str) -> list[tuple[str, str]]:
    """(era or '', year) of each fiscal year a text names (令和元年度 -> ('令和', '1'))."""
    return [(era or "", "1" if n == "元" else n) for era, n in FISCAL.findall(text)]


def is_region(spec: Specifier) -> bool:
    """The specifier is a region named by its direction (中央圏域, 南部), not a named place: a table's 圏域 column holds
    it as a value rows share."""
    return spec.kind == "place" and bool(REGION.fullmatch(spec.text))


@lru_cache(maxsize=4096)
def specifiers(question: str) -> tuple[Specifier, ...]:
    """The specifiers of a (normalised, standalone) question."""
    text = normalize(question)
    # what a question quotes it often paraphrases (「不動産の団体が少ない」): a quote is no specifier, and its
    # own words (「令和6年度事業計画」) are not the question's
    bare = QUOTED.sub(" ", text)
    out: list[Specifier] = [Specifier("place", p, re.escape(squash(p))) for p in place_names(bare)]
    # a region: the same direction with its region word, or alone in a list or a table's cell (「| 中央 | 512 |」)
    for a, b, c in REGION.findall(bare):
        direction = a or c
        # the region stated with its word, or alone (「| 中央 | 15 |」, squashed 「中央15」), not inside a word (中央公民館);
        # a direction with 部 is that region with or without the prefecture's 県 before it (県南部 = 南部)
        core = re.escape(direction[1:]) if direction.startswith("県") and direction.endswith("部") else re.escape(direction)
        lead = "県?" if core != re.escape(direction) else ""
        end = r"(?![一-龥ぁ-んァ-ヶ])" if direction in ("中央", "中") else r"(?![一-龥ァ-ヶ])"  # 「南部では」, not 「中央の」
        out.append(Specifier("place", direction + b, rf"{_REGION_START}{lead}{core}(?:{REGION_WORDS}|{end})"))
    for era, n in _era_years(bare):
        # 4年度 alone, or inside a run of years of one era (令和3年度 | 4年度), not another era's (平成4年度);
        # never 4年度目 (the 4th year of…). A fiscal year ends in March of the next calendar year: 令和5年度末
        # is 令和6年3月末. The same year in 西暦 (令和6年度 = 2024年度).
        other = {"令和": "平成", "平成": "令和"}.get(era, "")
        alt = f"|{era or '(?:令和|平成)'}元年" if n == "1" else ""
        end = bool(re.search(rf"(?<!\d){n}\s*年度\s*末", bare))
        alt += rf"|(?<![\d.]){int(n) + 1}年3月" if end else ""
        alt += f"|{int(n) + (1988 if era == '平成' else 2018)}年度?"
        bare_n = rf"(?<!{other})(?<![\d.]){n}年度(?!目)" if other else rf"(?<![\d.]){n}年度(?!目)"
        # the end of a fiscal year is its March, not any date of the calendar year it starts in (令和8年7月1日 is
        # no 令和8年度末)
        calendar = "" if end else rf"|{era or '(?:令和|平成)'}{n}年(?!度)"
        out.append(Specifier("year", f"{n}年度", rf"{bare_n}{calendar}{alt}"))
    for era, n in CALENDAR.findall(bare):
        n = "1" if n == "元" else n
        alt = f"|{era}元年" if n == "1" else ""
        out.append(Specifier("year", f"{era}{n}年", rf"{era}{n}年|(?<![\d.]){n}年度(?!目)|"
                                                   rf"{int(n) + (1988 if era == '平成' else 2018)}年{alt}"))
    for y, fiscal in WESTERN.findall(bare):  # 2024年度 is 令和6年度, 2019年度 is 令和元年度
        era, n = ("令和", int(y) - 2018) if int(y) >= 2019 else ("平成", int(y) - 1988)
        if n < 1:
            continue
        suffix = "年度" if fiscal else "年"
        first = f"|{era}元{suffix}" if n == 1 else ""
        out.append(Specifier("year", f"{y}{suffix}", rf"{y}年|{era}{n}{suffix}|(?<![\d.]){n}年度(?!目){first}"))
    series = bool(SERIES_NOUN.search(bare))
    numbered = _arabic_ordinals(bare)  # 第二回, 二回目 as 第2回, 2回目
    ordinals = ORDINAL.findall(numbered) + [(n, u) for n, u in ORDINAL_AFTER.findall(numbered)
                                            if u in ("年度", "年") or series]
    for n, unit in ordinals:
        if unit in ("年度", "年"):  # the Nth year of something (3年度目, 3年目), never a fiscal year (3年度)
            # (said either way: 「2年目」 is the 「2年度目」 of a scheme counted in fiscal years)
            out.append(Specifier("ordinal", f"{n}{unit}目", rf"(?<![\d.]){n}\s*年度?\s*目(?![標途安指])|第{n}年度?"))
        else:
            out.append(Specifier("ordinal", f"第{n}{unit}", rf"第{n}{unit}|(?<![\d.]){n}{unit}目"))
    for a, b, c in STEP.findall(bare):  # a guide's numbered step (「STEP3」「ステップ3」) or stage (「第3段階」「段階3」)
        if a:
            out.append(Specifier("ordinal", f"STEP{a}", rf"(?i:step|ステップ){a}(?!\d)"))
        else:
            n = b or c
            out.append(Specifier("ordinal", f"段階{n}", rf"第{n}段階|段階{n}(?!\d)"))
    for n in MONTH.findall(bare):
        out.append(Specifier("month", f"{n}月", rf"(?<![\d.]){n}月"))
    for name in body_names(bare):
        out.append(Specifier("body", name, re.escape(squash(name))))
    for name, role in person_names(bare):
        out.append(Specifier("speaker", f"{name}{role}", rf"{re.escape(name)}{_titles()}"))
    return tuple({s.text: s for s in out}.values())


@lru_cache(maxsize=1)
def _titles() -> str:
    """A person's titles (vocabulary: person_titles; 「堀内委員」「山吹部会長」) as one pattern, longest first."""
    return "(?:" + "|".join(map(re.escape, sorted(vocabulary().person_titles, key=len, reverse=True))) + ")"


def person_names(text: str) -> list[tuple[str, str]]:
    """(name, title) of each person a text names with a title: a proper noun of kanji (a surname; the tokeniser
    reads many as places) right before a title word — 「堀内委員」, not 「外部委員」「専門委員」."""
    out: list[tuple[str, str]] = []
    at = 0
    for surface, pos in morphemes(text):
        start = text.find(surface, at)
        if start < 0:
            continue
        at = start + len(surface)
        if pos[0] == "名詞" and pos[1] == "固有名詞" and re.fullmatch(r"[一-龥々]{1,4}", surface) \
                and (start == 0 or not re.match(r"[一-龥々]", text[start - 1])):
            m = re.match(rf"\s*({_titles()})(?![一-龥])", text[at:]) if vocabulary().person_titles else None
            if m:
                out.append((surface, m.group(1)))
    return out


def body_names(text: str) -> list[str]:
    """Names of particular bodies written with their legal form (「株式会社かざはや不動産サービス」 ->
    かざはや不動産サービス): not the form alone (「社会福祉法人向けのセミナー」「株式会社の法人」 name none)."""
    forms = "|".join(map(re.escape, sorted(vocabulary().legal_forms, key=len, reverse=True)))
    if not forms:
        return []
    out = []
    for m in re.finditer(rf"(?:{forms})\s*", text):
        # up to a particle — past one that would leave fewer than three characters (かざ|はや不動産サービス); none
        # when a particle follows the form itself (「株式会社の法人」「NPO法人はいくつ」)
        rest, end = text[m.end():], 0
        for cut in re.finditer(rf"{_NAME_STOP}|$", rest):
            end = cut.start()
            if end == 0 or end >= 3 or not cut.group(0) or cut.group(0) in _HARD_STOP:
                break
        name = rest[:min(end, 20)]
        if len(name) >= 2 and not re.match(r"向け|以外|など|全体|同士|等", name):
            out.append(name)
    for m in re.finditer(rf"(?:{forms})", text):  # the form after the name: back to a particle or a verb's end
        before = re.split(rf"{_NAME_STOP}|[たっ]", text[:m.start()].rstrip())[-1]
        if len(before) >= 4:
            out.append(before[-20:])
    return list(dict.fromkeys(out))


def stated(spec: Specifier, flat: str) -> bool:
    """The (squashed, normalised) text states this specifier."""
    return bool(re.search(spec.pattern, flat))


def held(specs: tuple[Specifier, ...], text: str, given: frozenset[str] = frozenset()) -> float:
    """Share of the specifiers a text states (1.0 when there are none); `given` are the specifiers its
    document states for every passage (the issuer's place name on the cover)."""
    if not specs:
        return 1.0
    flat = squash(normalize(text))
    ordinal = _arabic_ordinals(flat) if any(s.kind == "ordinal" for s in specs) else flat  # 第二回 states 第2回
    found = [s.text in given or (_spoken_by(s, flat) if s.kind == "speaker" else
                                 stated(s, ordinal if s.kind == "ordinal" else flat)) for s in specs]
    return sum(found) / len(specs)


def compared_places(specs: tuple[Specifier, ...]) -> tuple[Specifier, ...]:
    """The rest of the specifiers when the places compared (「おおるり市とさざれ市、どっちが多い」) are taken as one:
    each place's own statement answers its part. The caller knows the question compares."""
    places = [s for s in specs if s.kind == "place"]
    if len(places) < 2:
        return specs
    alt = "|".join(f"(?:{s.pattern})" for s in places)
    return (*(s for s in specs if s.kind != "place"), Specifier("place", "／".join(s.text for s in places), alt))


_PLACE_RUN = re.compile(r"(?:[^、,，。\s]{1,8}?[都道府県市区町村][、,，]){2,}[^、,，。\s]{1,8}?[都道府県市区町村]")


def enumerated(name: str, flat: str) -> bool:
    """Every mention of the place in a (squashed) text is one of a list of three or more places (「すいれん町、ねじばな町、
    ときじく市の3市町に…合計130万円」): a figure there is the list's, not this place's own. (Two places joined by と or
    ・ are often one joint body: not a list here.)"""
    if re.search(r"それぞれ|ずつ|各々|おのおの|各市町村|各町村", flat):
        return False  # 「A町、B町、C市にそれぞれ50万円」: each one's own figure
    at = [m.start() for m in re.finditer(re.escape(name), flat)]
    runs = [(m.start(), m.end()) for m in _PLACE_RUN.finditer(flat)]
    return bool(at) and all(any(a <= i and i + len(name) <= b for a, b in runs) for i in at)


_TIMES = {"year": re.compile(rf"{FISCAL.pattern}|{CALENDAR.pattern}|{WESTERN.pattern}"), "month": MONTH}


def other_time(specs: tuple[Specifier, ...], text: str) -> bool:
    """The text states a fiscal year (a month) and none of those the question asks: 「9月末時点では4市町村」 where
    「10月末時点」 is asked, 「令和6年度は…」 where 令和5年度 is — a near-duplicate figure of another time."""
    flat = squash(normalize(text))
    for kind, rx in _TIMES.items():
        asked = [s for s in specs if s.kind == kind]
        if asked and rx.search(flat) and not any(stated(s, flat) for s in asked):
            return True
    return False


def _spoken_by(spec: Specifier, flat: str) -> bool:
    """A unit of a labelled block (minutes: 「○堀内委員　…」) is the speaker's: it states what 堀内委員 said only
    under that label, not where another speaker names him (「堀内委員のご指摘のとおり」) nor in the list of members.
    A unit outside any labelled block states it where it names the person with the title."""
    # a label that names a speaker (○中村委員, 【ひばり市】, （事務局）); a heading label (【主な意見】) names none
    marks = [m for m in re.findall(rf"{SPEAKER_MARK}([^§]*)§", flat)
             if re.search(rf"{_titles()}|事務局|[都道府県市区町村]$", m) or re.fullmatch(r"[一-龥々]{1,4}", m)]
    if marks:
        name = re.sub(rf"{_titles()}$", "", spec.text)
        role = spec.text[len(name):]
        # his surname standing alone (not 小林 for 林), then his title or none (○堀内　…), not another's (田中課長)
        return any(re.search(rf"(?<![一-龥々]){re.escape(name)}(?:{re.escape(role)}|(?!{_titles()}))", m) for m in marks)
    return stated(spec, flat)


SERIES = {"回", "期", "次", "弾"}  # ordinals that number one of a series (a meeting, a plan); not 条 or 号


def kanji_number(k: str) -> int:
    """A number written in kanji (二 -> 2, 十五 -> 15, 二〇 -> 20): documents and questions write counts and a
    series' number either way. One reading of kanji numerals for the project (app/counting.kanji_value); 0 for a
    run that is no number."""
    return kanji_value(k) or 0


def _arabic_ordinals(flat: str) -> str:
    """第二期 -> 第2期, 第十五回 -> 第15回, 二回目 -> 2回目: documents and questions write a series' number either way."""
    def value(m: re.Match) -> str:
        return f"第{kanji_number(m.group(1))}{m.group(2)}"

    def after(m: re.Match) -> str:
        return f"{kanji_number(m.group(1))}{m.group(2)}目"
    flat = re.sub(r"第([〇一二三四五六七八九十]+)(回|期|次|弾|号|条)", value, flat)
    return re.sub(r"(?<![〇一二三四五六七八九十])([一二三四五六七八九十]+)(回|期|次|弾|年度|年)目", after, flat)


def other_ordinal(specs: tuple[Specifier, ...], text: str) -> bool:
    """The text gives a figure or date for another one of the series the question asks about (「第1期計画（令和2年度
    ～令和6年度）」 where the 第2期 is asked), and does not name the asked one: that figure is the other one's. Another
    one named away from any figure (「第1期計画の成果を踏まえ、…6,000戸を目指します」) says nothing against it."""
    flat = _arabic_ordinals(squash(normalize(text)))
    headed = _arabic_ordinals(normalize(text).strip())  # spaces kept: a label set apart (「第1回　北部会場」)
    for s in specs:
        step = re.fullmatch(r"STEP(\d+)", s.text) if s.kind == "ordinal" else None
        if step and not stated(s, flat) and re.search(rf"(?i:step|ステップ)(?!{step.group(1)}(?!\d))\d+", flat):
            return True  # 「STEP2の前に…」 where STEP3 is asked: about another step
        m = ORDINAL.fullmatch(s.text) if s.kind == "ordinal" else None
        if m is None or m.group(2) not in SERIES or stated(s, flat):
            continue
        if re.search(rf"第(?!{m.group(1)}{m.group(2)})\d+{m.group(2)}.{{0,6}}\d", flat):
            return True
        if "。" not in headed and re.match(rf"\W*第(?!{m.group(1)}{m.group(2)})\d+{m.group(2)}[\s:：].*\d", headed):
            return True  # a label line headed by another one (「第1回　北部会場 日時：10月28日…」, no sentence): all
            # its figures are that one's
    return False


def document_scope(specs: tuple[Specifier, ...], head: str) -> frozenset[str]:
    """The specifiers a document's head (title and first page, squashed) states for the whole document: whose it is
    (a place: かえで県 on the cover of its guide) and which one of a series it is (the 第2期 plan, the 第15回 meeting's
    minutes) — when the head names no other one of that series (「第1期計画を踏まえ…第2期」 says neither). Not a year:
    a report's cover dates it, and its tables still give other years. Not an article (第5条) or a number (第3号)."""
    flat = _arabic_ordinals(head)
    out = set()
    for s in specs:
        if s.kind == "place" and not is_region(s) and stated(s, head):  # (a region the head names — a contents
            out.add(s.text)  # line 「3 南部地域の取組」, a venue — is not the whole document's)
        m = ORDINAL.fullmatch(s.text) if s.kind == "ordinal" else None
        if m and m.group(2) in SERIES and stated(s, flat) and {
                n for n, unit in ORDINAL.findall(flat) if unit == m.group(2)} == {m.group(1)}:
            out.add(s.text)
    return frozenset(out)


# question words that ask for a value (いくら, 誰, どこ, いつ, 何件…) and the particles between it and what it asks
ASKING = re.compile(r"^お?(?:いくら|幾ら|誰|だれ|どなた|どこ|何処|どちら|いつ|何時|何|なん|なに|いくつ|幾つ)(?!か|も)")
LINKING = {"は", "って", "が", "も", "の", "、", "まで", "で", "とは"}


def asked_attribute(question: str) -> str:
    """The noun whose value a question asks (受講料 in 「研修の受講料はいくら」, 会場 in 「研修会って、会場どこ？」,
    会長 in 「会長はどなたですか」, 上限額 in 「…の上限額は？」): the run of nouns before the question word, over
    particles, a rate (1時間当たり) and a counter (年いくら). Empty when no noun stands right before it."""
    # a rate (「1時間当たり」「1市町村あたり」「1団体につき」, 当たり年 though the tokeniser reads one word) says per
    # what, never what is asked
    ms = morphemes(RATE_PHRASE.sub("", normalize(question)), "C")

    def run_before(j: int) -> str:
        if j >= 0 and ms[j][0] == "の":
            # 「交付決定は、12月の何日」: a month or year before の says when; what is asked is the topic before it
            if j >= 2 and ms[j - 2][1][1] == "数詞" and ms[j - 1][0] in {"月", "年", "年度"}:
                topic = next((i for i in range(j - 3, 0, -1) if ms[i][0] in {"は", "って", "が"}), None)
                return run_before(topic - 1) if topic is not None else ""
            return ""  # 「市町村の何を確かめて」: the noun before の owns what is asked, it is not what is asked
        while j >= 0 and (ms[j][0] in LINKING or ms[j][1][0] in {"補助記号", "接尾辞"} or ms[j][1][1] == "数詞"
                          or ms[j][1][2] == "助数詞可能"):
            j -= 1  # 「謝金は、1時間当たりいくら」: over the particle, the comma and the rate
        words: list[str] = []
        # not an adverbial noun (全部, それぞれ, 毎年) or a formal one (ほう, もの): they name no attribute
        while j >= 0 and ms[j][1][0] == "名詞" and ms[j][1][1] not in {"数詞", "固有名詞"} \
                and ms[j][1][2] not in {"副詞可能", "形式名詞"} and ms[j][0] not in {"ほう", "方", "もの", "こと", "場"}:
            words.insert(0, ms[j][0])
            j -= 1
        found = "".join(words)
        if found in vocabulary().totals and j >= 1 and ms[j][0] == "の":
            owner = run_before(j - 1)  # 「入居決定件数の合計は何件」: the total of 入居決定件数 is what is asked
            # — not of a group summed over (「県内市町村の合計」) or a counted number (「42団体の合計」)
            v = vocabulary()
            return "" if any(owner.endswith(c) for c in (*v.count_words, *v.not_attributes)) else owner
        # 「去年度は何回」「合計は何件」: when or how much in all, not what is asked; 「数は何法人」: 数 names nothing
        return "" if len(found) <= 1 or found in vocabulary().not_attributes or words[-1:] == ["年度"] else found

    for k, (surface, pos) in enumerate(ms):
        if ASKING.match(surface) and pos[0] in {"名詞", "代名詞", "副詞"}:
            # 「いくつの市町で」「何人の委員が」: what is counted follows the question word — a counter there (市町) is
            # the question's counter, which the figure's own unit answers: no attribute beside it
            counting = surface in ("いくつ", "幾つ") or (surface.startswith("何") and len(surface) > 1
                                                         and surface[1:] in vocabulary().count_words)
            if counting and k + 2 < len(ms) and ms[k + 1][0] == "の" and ms[k + 2][1][0] == "名詞":
                after = "".join(_noun_run(ms, k + 2))
                if len(after) > 1:
                    return "" if after in vocabulary().count_words or expand_short_forms(after) != after else after
            return run_before(k - 1)
    # 「上限額は？」「受講料を教えて」: the noun before the closing particle or request
    for k in range(len(ms) - 1, 0, -1):
        if ms[k][0] in {"は", "って", "を"} and all(m[1][0] in {"補助記号", "助詞", "動詞", "助動詞", "空白"}
                                                   for m in ms[k + 1:]):
            return run_before(k - 1)
    return ""


RATE_PHRASE = re.compile(r"\d+\s*[^\s、。\d？?]{1,8}?(?:当たり|当り|あたり|につき)")


def _noun_run(ms: list, j: int) -> list[str]:
    """The nouns from position j on (「市町」 of 「いくつの市町で」), not a formal or adverbial one."""
    out = []
    while j < len(ms) and ms[j][1][0] == "名詞" and ms[j][1][1] != "数詞" and ms[j][1][2] not in {"副詞可能", "形式名詞"} \
            and not ASKING.match(ms[j][0]):
        out.append(ms[j][0])
        j += 1
    return out


# nouns of a compound: a noun, a prefix or suffix glued to it (第, 編, 番号); a number breaks no compound of its own but
# makes it a figure, which a specifier or a counter reads instead
_COMPOUND_POS = {"名詞", "接頭辞", "接尾辞"}
_CLOSING = set("）)」』】")


def linked_nouns(text: str) -> tuple[tuple[str, str], ...]:
    """The pairs 「A の B」 of a question: B of A (「センターのFAX番号」, 「実践編の定員」), each a noun compound of two
    characters or more without a figure. A near miss often joins two things the documents both name, never together
    (the FAX number of another desk, the 定員 of the other course): answerability checks each pair is stated in one
    sentence or table row. Pure text processing (Sudachi's parts of speech)."""
    units: list[tuple[str, bool]] = []  # (compound, followed by の)
    cur, figure = "", False
    ms = morphemes(text, "C")
    for k, (surface, pos) in enumerate(ms):
        if pos[0] in _COMPOUND_POS:
            cur += surface
            figure = figure or pos[1] == "数詞" or bool(re.search(r"\d", surface))
            continue
        if cur:
            j = k
            while j < len(ms) and ms[j][0] in _CLOSING:  # 「研修会（実践編）の定員」: 実践編's の is after its bracket
                j += 1
            linked = (j + 1 < len(ms) and ms[j][0] == "の" and ms[j][1][0] == "助詞"
                      and ms[j + 1][1][0] in _COMPOUND_POS)
            units.append(("" if figure or len(cur) < 2 or cur.startswith("何") else cur, linked))
        cur, figure = "", False
    if cur:
        units.append(("" if figure or len(cur) < 2 or cur.startswith("何") else cur, False))
    # a place by name is a specifier, read as one (and a document's own place is stated for all its passages)
    places = set(place_names(text))
    return tuple((a, b) for (a, linked), (b, _) in zip(units, units[1:], strict=False)
                 if linked and a and b and not ({a, b} & places or any(a.endswith(p) or b.endswith(p) for p in places)))


def unit_named(chunk: dict, refs: tuple[str, ...]) -> bool:
    """The passage is (part of) a captioned unit the question names (「表4-①では」 and the 表 4-① it is, 「事例4-③の」
    and a row of 事例 4-③): its caption or its first line keys to one of `refs` (ingest.headings.unit_refs). A passage
    that only cites the unit (「…みられた（表 4-①）。」) is not it."""
    if not refs:
        return False
    if unit_key(chunk.get("unit_title", "")) in refs:
        return True
    first = (chunk.get("text") or "").lstrip().split("\n", 1)[0]
    return not re.search(r"[、。]", first) and unit_key(first) in refs  # 「表 4-① のとおり、…」 only cites it
