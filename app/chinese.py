"""Chinese questions against Japanese documents: characters to Japanese kanji, words to Japanese.

The e5 model is multilingual and carries a Chinese question to the right passages; the lexical side, the
question analysis (a count of 県, a negation) and the answerability check read Japanese words. Chinese and
Japanese share most content words once the characters agree (协议会 and 協議会 are one word), so a question told
Chinese by a character Japanese does not write (县) or a word only Chinese uses (怎么) has its characters put in
their Japanese form (OpenCC: simplified -> traditional -> Japanese shinjitai), then the function words and the few
content words Chinese says otherwise are replaced from the data file app/resources/chinese.toml. A Japanese
question is never converted (OpenCC would make 連携 連攜).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent / "resources"  # read with the question only: no index token
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u3400-\u9fff]")
# a count word before its noun (有几个县, 多少个法人): 何県, 何法人 — the Japanese shape of a count question
# (not 多少钱, how much money: the word list reads that one)
COUNT_BEFORE_NOUN = re.compile(r"有?(?:幾個|几個|多少個|幾|几|多少)(?![個銭])([\u3400-\u9fff]+)")
NUMBER_CLASSIFIER = re.compile(r"(\d)\s*個(?=[\u3400-\u9fff])")  # 12个县 -> 12県
NUMBER_TIMES = re.compile(r"(\d|何)\s*次(?!期)")  # 3次, 几次 -> 3回, 何回 (not 次期)


@dataclass(frozen=True)
class ChineseData:
    marks: tuple[str, ...]  # words only a Chinese sentence uses (in Japanese character forms)
    words: tuple[tuple[str, str], ...]  # (Chinese in Japanese character forms, Japanese), longest first
    particles: tuple[tuple[str, str], ...]  # one character each, replaced outside the protected words
    protected: tuple[str, ...]  # Japanese words holding a particle's character (目的, 完了, 是正)


def _japanese_writes(c: str) -> bool:
    """A character of the Japanese character set (Shift_JIS): 携, 里, 縣 — not 县, 协, 们, 这."""
    try:
        c.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("s2t"), opencc.OpenCC("t2jp")


def to_kanji(text: str) -> str:
    """A Chinese text's characters in their Japanese form (县 -> 県, 协议 -> 協議, 会议机会 -> 会議機会, 縣 -> 県), by
    OpenCC's phrase tables (simplified -> traditional -> Japanese), then the data file's [characters] where OpenCC
    gives a form Japanese does not write (攜 -> 携). Only for a text already told Chinese (`is_chinese`)."""
    s2t, t2jp = _converters()
    out = t2jp.convert(s2t.convert(text))
    for a, b in _characters().items():
        out = out.replace(a, b)
    return out


@lru_cache(maxsize=1)
def _characters() -> dict[str, str]:
    with open(RESOURCES / "chinese.toml", "rb") as f:
        return dict(tomllib.load(f).get("characters", {}))


@lru_cache(maxsize=1)
def chinese_data() -> ChineseData:
    with open(RESOURCES / "chinese.toml", "rb") as f:
        d = tomllib.load(f)
    particles = dict(d.get("particles", {}))
    protected = tuple(particles.pop("protected", []))
    words = {to_kanji(k): v for k, v in d.get("words", {}).items()}  # keys may be written in any character form
    return ChineseData(tuple(dict.fromkeys(to_kanji(m) for m in d.get("detect", {}).get("marks", []))),
                       tuple(sorted(words.items(), key=lambda kv: -len(kv[0]))),
                       tuple((to_kanji(k), v) for k, v in particles.items()), protected)


def is_chinese(text: str) -> bool:
    """A character only Chinese writes (县, 协, 们, 这), or, in a question with no kana, a word only a Chinese
    sentence uses (怎麼, 哪, 嗎). A Japanese question of kanji alone (「都道府県連携事例」「具体的な支援内容」) has
    neither; a Chinese question may still name a place in kana (「みなと县有几个…」)."""
    if len(HAN.findall(text)) < 3:
        return False
    if any(not _japanese_writes(c) for c in HAN.findall(text)):
        return True
    if KANA.search(text):
        return False
    converted = to_kanji(text)
    return any(m in converted for m in chinese_data().marks)


def _count_of(m: re.Match) -> str:
    """有几个县 -> 何県 (a counter: 県, 法人, 回), 有几个居住支援法人 -> 居住支援法人はいくつ (a noun counted)."""
    from ingest.vocabulary import vocabulary

    noun = m.group(1)
    counters = sorted(vocabulary().counters, key=len, reverse=True)
    head = next((c for c in counters if noun.startswith(c)), "")
    if head or noun[:1] in "次個":
        return f"何{noun}"
    return f"{noun}はいくつ"


def from_chinese(text: str) -> str:
    """The question as Japanese words the analysis reads (「有几个县」 -> 「何県」, 「没有召开」 -> 「未開催」)."""
    data = chinese_data()
    out = to_kanji(text)
    out = COUNT_BEFORE_NOUN.sub(_count_of, out)
    out = NUMBER_CLASSIFIER.sub(r"\1", out)
    out = NUMBER_TIMES.sub(r"\1回", out)
    for zh, ja in data.words:
        out = out.replace(zh, ja)
    keep = {f"\ue000{i}\ue001": w for i, w in enumerate(data.protected)}
    for mark, w in keep.items():
        out = out.replace(w, mark)
    for zh, ja in data.particles:
        out = out.replace(zh, ja)
    for mark, w in keep.items():
        out = out.replace(mark, w)
    return re.sub(r"\s+", " ", out).strip()
