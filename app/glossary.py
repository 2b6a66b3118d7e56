"""English questions against Japanese documents: domain terms, English -> Japanese.

The e5 model is multilingual and carries most of an English question to the right passages;
the lexical side and the answerability check need Japanese words, so an English question is
given the Japanese terms of the vocabulary data file (ingest/resources/english.toml). English
content words it does not know stay "unknown": one feature among several for answerability.
"""

from __future__ import annotations

import re

from ingest.vocabulary import vocabulary

_WORD = re.compile(r"[a-z][a-z\-']*")
_FY = re.compile(r"\b(?:fy|fiscal(?: year)?)\s*(20\d\d)\b|\b(20\d\d)\s*fiscal\b|\bin\s+(20\d\d)\b")
_ERA_YEAR = re.compile(r"\b(reiwa|heisei)\s*(\d{1,2})\b")  # "fiscal Reiwa 6", "Reiwa 6 (2024)"
_ERA_START = 2018  # Reiwa 1 = 2019
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# "(the end of) June 2025", "April 1, 2025", "1 April 2025": a calendar date, as documents write it (令和7年6月末)
_DATE = re.compile(r"(?P<end>\bend of\s+)?(?:\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?\b(?P<m>" + "|".join(_MONTHS) +
                   r")\b,?\s*(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s*)?(?P<y>(?:19|20)\d\d)\b")


_JA = r"\u3040-\u30ff\u3400-\u9fff々〆ー"
# a run of Japanese with the figures inside it (令和5年度, 第2期計画): one quoted term
JAPANESE = re.compile(rf"(?:[0-9０-９]+)?[{_JA}]+(?:[0-9０-９]+[{_JA}]+)*")
# Japanese an English question quotes: in brackets or quotation marks ((おためし同行), 「…」, '…', "…")
QUOTED = re.compile(rf"[(（「『'\"‘“][^)）」』'\"’”]*[{_JA}][^)）」』'\"’”]*[)）」』'\"’”]")


def is_english(text: str) -> bool:
    """Mostly Latin letters and no Japanese but what it quotes in brackets or quotation marks: the glossary applies.
    An English question may quote the document's term (「the column about 'trial accompaniment' (おためし同行)」);
    a Japanese question naming an English product or a URL stays Japanese."""
    bare = QUOTED.sub(" ", text)
    return bool(re.search(r"[A-Za-z]{3,}", bare)) and not re.search(rf"[{_JA}]", bare)


def fiscal_year_ja(year: int) -> str:
    """2019 -> 令和元年度 (as documents write it), 2022 -> 令和4年度, 2018 -> 平成30年度."""
    if year >= 2019:
        n = year - _ERA_START
        return "令和元年度" if n == 1 else f"令和{n}年度"
    return f"平成{year - 1988}年度"


def calendar_ja(year: int, month: int, day: int | None = None, end: bool = False) -> str:
    """2025, 6 -> 令和7年6月 (令和元年 for 2019; 平成 before May 2019), with 末 or the day."""
    if (year, month) >= (2019, 5):
        n = year - _ERA_START
        era = "令和元年" if n == 1 else f"令和{n}年"
    else:
        n = year - 1988
        era = "平成元年" if n == 1 else f"平成{n}年"
    return f"{era}{month}月" + (f"{day}日" if day else "末" if end else "")


def translate(text: str) -> tuple[str, list[str]]:
    """(Japanese terms found, English content words the vocabulary does not know)."""
    v = vocabulary()
    found: list[str] = list(dict.fromkeys(JAPANESE.findall(text)))  # Japanese it quotes: the document's own words
    t = JAPANESE.sub(" ", text).lower()
    # 「real-estate agent's」 is 「real estate agent」: a hyphen joins words, a possessive adds nothing to look up
    t = re.sub(r"['’]s\b", "", re.sub(r"(?<=[a-z])[-‐‑](?=[a-z])", " ", t))
    for m in _DATE.finditer(t):
        day = m.group("d1") or m.group("d2")
        if not 1989 <= int(m.group("y")) <= 2100:  # before 平成: no era to write it in
            continue
        found.append(calendar_ja(int(m.group("y")), _MONTHS.index(m.group("m")) + 1, int(day) if day else None,
                                 bool(m.group("end"))))
    t = _DATE.sub(" ", t)
    for m in _FY.finditer(t):
        year = int(m.group(1) or m.group(2) or m.group(3))
        if 1989 <= year <= 2100:
            found.append(fiscal_year_ja(year))
    t = _FY.sub(" ", t)
    for m in _ERA_YEAR.finditer(t):
        n = int(m.group(2))
        found.append(("令和" if m.group(1) == "reiwa" else "平成") + ("元" if n == 1 else str(n)) + "年度")
    t = _ERA_YEAR.sub(" ", t)
    counters = "|".join(map(re.escape, sorted(v.english_counters, key=len, reverse=True)))
    counted = re.search(rf"\b(?:how many|number of)\s+(?:[a-z\-]+\s+){{0,2}}?({counters})\b", t) if counters else None
    if counted:  # a count question names its counter: 何県, 何法人 — the counter noun is read, not unknown
        found.append("何" + v.english_counters[counted.group(1)])
        t = t[:counted.start(1)] + " " + t[counted.end(1):]
    elif re.search(r"\bhow many\b|\bnumber of\b", t):
        found.append("いくつ")
    if re.search(r"\b(never|no|not|did not|didn't|zero)\b.{0,40}\b(hold|held|meet|met|meeting|convene)", t):
        found.append("0回")
    for phrase in sorted(v.english_terms, key=len, reverse=True):
        pattern = r"\b" + re.escape(phrase) + r"\b"
        if re.search(pattern, t):
            found.append(v.english_terms[phrase])
            t = re.sub(pattern, " ", t)
    unknown = [w for w in _WORD.findall(t) if w not in v.english_stop and len(w) > 2 and not w.isdigit()]
    return " ".join(dict.fromkeys(found)), unknown
