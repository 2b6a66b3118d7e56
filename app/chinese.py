"""Chinese questions against Japanese documents: characters to Japanese kanji, words to Japanese.

The e5 model is multilingual and carries a Chinese question to the right passages; the lexical side, the
question analysis (a count of 県, a negation) and the answerability check read Japanese words. Chinese and
Japanese share most content words once the characters agree (协议会 and 協議会 are one word), so a question with no
kana is converted by OpenCC (simplified -> traditional -> Japanese shinjitai), then the function words and the
few content words Chinese says otherwise are replaced from the data file app/resources/chinese.toml.
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
COUNT_BEFORE_NOUN = re.compile(r"有?(?:幾個|多少個|幾|多少)(?=[\u3400-\u9fff])(?!個)")
NUMBER_CLASSIFIER = re.compile(r"(\d)\s*個(?=[\u3400-\u9fff])")  # 12个县 -> 12県


@dataclass(frozen=True)
class ChineseData:
    marks: tuple[str, ...]  # words only a Chinese sentence uses
    words: tuple[tuple[str, str], ...]  # (converted Chinese, Japanese), longest first
    particles: tuple[tuple[str, str], ...]  # one character each, replaced outside the protected words
    protected: tuple[str, ...]  # Japanese words holding a particle's character (目的, 完了)


@lru_cache(maxsize=1)
def chinese_data() -> ChineseData:
    with open(RESOURCES / "chinese.toml", "rb") as f:
        d = tomllib.load(f)
    particles = dict(d.get("particles", {}))
    protected = tuple(particles.pop("protected", []))
    return ChineseData(tuple(d.get("detect", {}).get("marks", [])),
                       tuple(sorted(d.get("words", {}).items(), key=lambda kv: -len(kv[0]))),
                       tuple(particles.items()), protected)


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("s2t"), opencc.OpenCC("t2jp")


def to_kanji(text: str) -> str:
    """Chinese characters in their Japanese form (县 -> 県, 协议 -> 協議, 會議 -> 会議); Japanese text is unchanged."""
    s2t, t2jp = _converters()
    return t2jp.convert(s2t.convert(text))


def _unprotected(text: str, data: ChineseData) -> str:
    for w in data.protected:
        text = text.replace(w, "\u3000")
    return text


def is_chinese(text: str) -> bool:
    """No kana, some Han characters, and either a character only Chinese writes (县, 协) or a word only a Chinese
    sentence uses (的, 哪, 怎么): a Japanese question of kanji alone (「居住支援協議会設立状況」「設立目的」) converts to
    itself and holds no such word outside a Japanese word."""
    if KANA.search(text) or len(HAN.findall(text)) < 3:
        return False
    data = chinese_data()
    bare = _unprotected(text, data)
    return to_kanji(text) != text or any(m in bare for m in data.marks)


def from_chinese(text: str) -> str:
    """The question as Japanese words the analysis reads (「有几个县」 -> 「何県」, 「没有召开」 -> 「未開催」)."""
    data = chinese_data()
    out = to_kanji(text)
    out = COUNT_BEFORE_NOUN.sub("何", out)
    out = NUMBER_CLASSIFIER.sub(r"\1", out)
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
