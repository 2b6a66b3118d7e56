"""Headings by numbering scheme, and table-of-contents pages. Pure functions.

A heading is recognised by its numbering scheme (第N章, N-N, N.N, N．, （N）, ①, STEP N, Q1．,
■/◆/● lead-ins, 【…】) and by its face (larger or bolder than the body). Schemes carry no
fixed level: the reader keeps a stack and a scheme seen again closes everything opened
below it, so 第1章 > 1-1 > （1） and 4 > （1） > 【調査結果】 come out of one mechanism.
Words that belong to documents (captions, summary titles) live in resources/headings.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_NUM = r"[0-9０-９]+"
_KANJI_NUM = r"[0-9０-９一二三四五六七八九十百]+"
_TERMINAL = ("。", "．", "！", "？", "!", "?", "、", "，", ",")


@dataclass(frozen=True)
class Heading:
    scheme: str  # which numbering: 第N章, N-N, (N), ①, Q, size:13.0 ...
    key: str  # compact section key: 第2章, 2-3, （1）, 【調査結果】, Q3
    title: str  # the heading line as printed


@cache
def vocabulary() -> dict:
    with open(Path(__file__).parent / "resources" / "headings.toml", "rb") as f:
        return tomllib.load(f)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


# (scheme name, regex on NFKC text, strong): strong schemes make a heading on their own when the
# line is short and unpunctuated; weak ones (list-like) need a heading face as well.
_SCHEMES: list[tuple[str, re.Pattern, bool]] = [
    ("第N章", re.compile(rf"^(第{_KANJI_NUM}[章編部])\s*(\S.*)?$"), True),
    ("第N節", re.compile(rf"^(第{_KANJI_NUM}[節款])\s*(\S.*)?$"), True),
    ("STEP", re.compile(r"^((?:STEP|Step|ステップ)\s*\d+)\s*[.:：]?\s*(\S.*)?$"), True),
    ("Q", re.compile(r"^(Q\s*\d*)\s*[.:：)]\s*(\S.*)$"), True),
    ("N-N-N", re.compile(r"^(\d+[-‐‑–][0-9]+[-‐‑–][0-9]+)\s+(\D.*)$"), True),
    ("N-N", re.compile(r"^(\d+[-‐‑–]\d+)\s+(\D.*)$"), True),
    ("N.N.N", re.compile(r"^(\d+\.\d+\.\d+)\.?\s*(\D.*)$"), True),
    ("N.N", re.compile(r"^(\d+\.\d+)\.?\s*(\D.*)$"), True),
    ("【】", re.compile(r"^(【[^】]{1,30}】)$"), True),
    ("N.", re.compile(r"^(\d{1,2})\s*[.、]\s*(\D.*)$"), False),
    ("(N)", re.compile(r"^[(](\d{1,2})[)]\s*(\S.*)$"), False),
    ("ア", re.compile(r"^([ア-ン])\s*[.)]\s*(\S.*)$"), False),
    ("(ア)", re.compile(r"^[(]([ア-ン])[)]\s*(\S.*)$"), False),
    ("mark", re.compile(r"^([■◆●□◇◎▼▶▲◼])\s*(\S.*)$"), False),
    ("N", re.compile(r"^(\d{1,2})\s+(\D.*)$"), False),
]
ANSWER = re.compile(r"^A\s*\d*\s*[.:：)]\s*")
@cache
def _big_figure() -> re.Pattern:
    from .vocabulary import vocabulary

    counters = "|".join(sorted(map(re.escape, vocabulary().count_words), key=len, reverse=True))
    return re.compile(rf"^(?:約|計|合計)?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|{counters})$")


def is_big_figure(text: str) -> bool:
    """A figure with its counter and nothing else (a map's 「5法人」, a key number 「1,286件」「89.7％」), as set large
    in a callout: never a numbered section. A numbering's title (「1．目的」) or a date (「4月」「2024年度」) is not one."""
    return bool(_big_figure().match(_nfkc(text)))


def numbering(text: str) -> tuple[str, str, bool] | None:
    """(scheme, key, strong scheme) for a line that starts with a numbering, else None."""
    raw = text.strip()
    if raw[:1] and "①" <= raw[0] <= "⑳":  # NFKC would turn ① into 1
        return "①", raw[0], False
    t = _nfkc(text)
    for name, rx, strong in _SCHEMES:
        m = rx.match(t)
        if not m:
            continue
        raw = m.group(1)
        if name == "(N)":
            key = f"（{raw}）"
        elif name == "(ア)":
            key = f"（{raw}）"
        elif name == "mark":
            key = (m.group(2) or "")[:20]
            name = f"mark{raw}"
        elif name == "Q":
            key = raw.replace(" ", "")
        else:
            key = raw
        return name, key, strong
    return None


def heading_of(text: str, emphasized: bool, plain_source: bool = False,
               numbered_emphasis: bool | None = None) -> Heading | None:
    """The heading a line is, if it is one.

    `emphasized`: larger or bolder than the body text. `numbered_emphasis`: the same for a line that opens with a
    numbering, which may be judged against its own page's text (default: `emphasized`). `plain_source`: a text
    file, where no face is known, so numbering alone decides.
    """
    t = _nfkc(text)
    if not t or len(t) > 60 and not t.startswith("Q"):
        return None
    if caption_of(text):
        return None
    if re.fullmatch(r"[\d,.]+", t):
        return None  # a bare number set large (a tile map's 13, a chart's 1,236) names nothing: no section, no box
    if is_big_figure(t):
        # a key figure set large (「4,812件」 over its label) opens a box of its own, as a title does, but by its face
        # alone: 「37.6％」 is no section 37.6, 「3市町村」 no item 3
        return Heading("face", t[:20], text.strip()) if emphasized else None
    num = numbering(t)
    punctuated = t.endswith(_TERMINAL)
    if num is not None:
        scheme, key, strong = num
        emphasized = emphasized if numbered_emphasis is None else (emphasized or numbered_emphasis)
        if scheme == "Q":
            return Heading(scheme, key, text.strip())
        if punctuated or (len(t) > 40 and not emphasized):
            return None
        if strong or emphasized or (plain_source and scheme in {"N", "(N)"}):
            if scheme == "N" and re.match(r"^\d+\s*(?:年|月|日(?![時程付])|県|市|回|法人|%|人|件|か所|箇所)", t):
                return None
            return Heading(scheme, key, text.strip())
        return None
    if emphasized and not punctuated and len(t) <= 40:
        return Heading("face", t[:20], text.strip())
    return None


def caption_of(text: str) -> str | None:
    """The caption word (表, 事例…) when the line titles a table or box, else None."""
    t = _nfkc(text)
    for word in vocabulary()["captions"]:
        if re.match(rf"^{re.escape(word)}\s*\d+(?:[-‐－]?[①-⑳\d]*)?(?:\s|$|[:：.])", t):
            return word
        # the statistical style puts the number first: 「第7表　…」「第2図　…」
        if re.match(rf"^第\s*\d+\s*{re.escape(word)}(?:\s|$|[:：.])", t):
            return word
    return None


# what joins the parts of a unit's number (4-1, 4－1, 4−1, 4ー1, 4.1): one class for questions and captions alike
_JOIN = r"[-‐‑–—−ー－.．]"


@cache
def _reference() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(vocabulary()["captions"], key=len, reverse=True))
    return re.compile(rf"(?<![一-龥ァ-ヶー])(?:(?P<w>{words})\s*(?P<n>\d+(?:\s*{_JOIN}\s*\d+)*)(?!\d|\s*{_JOIN}\s*\d)"
                      rf"|第\s*(?P<n2>\d+)\s*(?P<w2>{words}))")


def _circled_as_part(text: str) -> str:
    """A circled number after a unit's number is its next part (表4-① and 表4① are 表4-1), read before NFKC turns
    ① into a bare 1 that would run into the number before it (表41)."""
    return re.sub(rf"([0-9０-９])\s*{_JOIN}?\s*([①-⑳])", lambda m: f"{m.group(1)}-{ord(m.group(2)) - 0x245F}", text)


def unit_refs(text: str) -> list[str]:
    """The captioned units a text names (「表4-①では」「事例 4-③の」「第7表の」「Table 4-①」), each as its compact key
    (表4-1, 事例4-3, 表7; a circled part is read as its number): the key `unit_key` gives the unit's own caption. A word
    that merely contains a caption word (代表, 地図) names none."""
    t = _nfkc(_circled_as_part(text))
    english = vocabulary().get("english_captions", {})
    if english:  # 「Table 4-①」 names 表4-1
        words = "|".join(map(re.escape, sorted(english, key=len, reverse=True)))
        t = re.sub(rf"\b({words})\.?\s*(?=\d)", lambda m: english[m.group(1)], t)
    out = []
    for m in _reference().finditer(t):
        word, num = (m.group("w"), m.group("n")) if m.group("w") else (m.group("w2"), m.group("n2"))
        out.append(word + "-".join(re.split(rf"\s*{_JOIN}\s*", num.strip())))
    return list(dict.fromkeys(out))


@cache
def unit_key(caption: str) -> str:
    """The compact key of a unit's caption line (「表 4-① 調査対象…」 -> 表4-1), or '' when it is no caption."""
    if not caption_of(caption):
        return ""
    refs = unit_refs(caption)
    return refs[0] if refs else ""


def is_case_caption(text: str) -> bool:
    return caption_of(text) in set(vocabulary()["case_captions"])


def is_toc_title(text: str) -> bool:
    return re.sub(r"\s", "", _nfkc(text)) in {re.sub(r"\s", "", _nfkc(w)) for w in vocabulary()["toc_titles"]}


def is_chapter_level(key: str) -> bool:
    return key.strip("【】[]") in set(vocabulary()["chapter_level"])


_TOC_ENTRY = re.compile(r"^(?=.*\S.*\S)(?:.*?)(?:[.．・…‥·⋯_]{3,}|…|[ 　]{2,}|\s)\s*[-‐]?\s*\d{1,4}\s*$")
_LEADER = re.compile(r"[.．・…‥·⋯_]{3,}|…")


def is_toc_entry(line: str) -> bool:
    """「第1章 はじめに ……… 3」: words, a leader or a gap, and a page number."""
    r = _nfkc(line)
    return bool(_TOC_ENTRY.match(r) and re.search(r"[^\d\s.．・…‥·⋯_-]", r))


def is_toc_page(lines: list[str]) -> bool:
    """A table of contents: titled so and made of entries, or mostly entries with dotted leaders."""
    rows = [_nfkc(x) for x in lines if x.strip()]
    if not rows:
        return False
    entries = [r for r in rows if is_toc_entry(r)]
    leaders = [r for r in entries if _LEADER.search(r)]
    titled = any(is_toc_title(r) for r in rows[:5])
    if titled and len(entries) >= 2:
        return True
    return len(leaders) >= 3 and len(leaders) >= 0.4 * len(rows)
