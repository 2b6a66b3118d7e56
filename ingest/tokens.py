"""Japanese content words for the lexical index, shared by ingest and retrieval.

SudachiPy (core dictionary), split mode A for recall, normalized forms (申込み/申し込み
match), particles and symbols dropped, and numbers kept with their counter as one token
(`0回`, `3県`, `令和4年度`), because questions about figures hinge on them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

from .vocabulary import expand_short_forms, vocabulary

_local = threading.local()  # a Sudachi tokenizer is not safe to share between threads

KEEP_POS = {"名詞", "動詞", "形容詞", "副詞", "形状詞", "接頭辞", "接尾辞", "代名詞", "感動詞"}
# Words come from the vocabulary data file (ingest/resources/vocabulary.toml): stop words,
# compound-particle verbs (について, による: after に/を they carry no topic), relational
# suffixes (県側 -> 県) and the counters that belong to a number.
_V = vocabulary()
STOP = _V.stop_words
FUNCTIONAL_VERBS = _V.functional_verbs
RELATIONAL_SUFFIXES = _V.relational_suffixes
COUNTERS = _V.counters
COUNTED_NOUNS = _V.counted_nouns
SURU = {"為る", "する", "出来る", "できる"}
_ERA_ABBR = re.compile(r"(?<![A-Za-z])([RH])([0-9]{1,2})(?![0-9])(?!年)")
_NUM = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_KANJI_NUM = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"}
_ERA = re.compile(r"^(令和|平成|R|H)$")
_SPACE_NEAR_CJK = re.compile(r"(?<=[^\x00-\x7f0-9])\s+|\s+(?=[^\x00-\x7f])|(?<=[0-9])\s+(?=[0-9]*[^\x00-\x7f])")


def _tokenizer():
    tok = getattr(_local, "tok", None)
    if tok is None:
        from sudachipy import Dictionary

        tok = Dictionary(dict="core").create()  # .tokenizer() alias is missing from older 0.6.x releases
        _local.tok = tok
    return tok


def prepare(text: str) -> str:
    """NFKC, domain short forms expanded (whole-word), spaces around Japanese removed ("令和 3年度" -> "令和3年度")."""
    text = unicodedata.normalize("NFKC", text)
    text = expand_short_forms(text)
    text = _ERA_ABBR.sub(lambda m: ("令和" if m.group(1) == "R" else "平成") + m.group(2) + "年度", text)
    return _SPACE_NEAR_CJK.sub("", text)


def morphemes(text: str, mode: str = "A") -> list[tuple[str, tuple[str, ...]]]:
    """(surface, part of speech) of each morpheme; mode "A" short units, "C" compounds whole."""
    from sudachipy import SplitMode

    text = prepare(text)
    if not text.strip():
        return []
    return [(m.surface(), tuple(m.part_of_speech())) for m in _tokenizer().tokenize(text[:20000], SplitMode.C if mode == "C" else SplitMode.A)]


def readings(text: str, mode: str = "C") -> list[tuple[str, tuple[str, ...], str]]:
    """(surface, part of speech, reading in katakana) of each morpheme; compounds whole by default. Spaces are
    kept (a table cell's edge): 「実績 はなぞの市」 squeezed would read 実績は + なぞ + の + 市."""
    from sudachipy import SplitMode

    text = unicodedata.normalize("NFKC", text)
    if not text.strip():
        return []
    return [(m.surface(), tuple(m.part_of_speech()), m.reading_form())
            for m in _tokenizer().tokenize(text[:20000], SplitMode.C if mode == "C" else SplitMode.A)]


def content_words(text: str, mode: str = "A") -> list[str]:
    """Content words; mode "A" (short units) for the index, "C" (compounds such as 生活保護) for phrase checks."""
    return [t.word for t in terms(text, mode)]


@dataclass(frozen=True)
class Term:
    word: str  # normalized form (what the index holds)
    surface: str  # as written, NFKC
    pos: str  # Sudachi's first POS level, "数" for number+counter


def terms(text: str, mode: str = "A") -> list[Term]:
    """Content words with their surface and part of speech."""
    from sudachipy import SplitMode

    text = prepare(text)
    if not text.strip():
        return []
    out: list[Term] = []
    morphs = _tokenizer().tokenize(text[:20000], SplitMode.C if mode == "C" else SplitMode.A)
    pending_num = ""  # digits waiting for a counter
    prev_era = ""
    prev_particle = ""
    for k, m in enumerate(morphs):
        surface = m.surface()
        pos = m.part_of_speech()
        after_particle, prev_particle = prev_particle, surface if pos[0] == "助詞" else ""
        if surface == "元" and prev_era and not pending_num:  # 令和元年度 is 令和1年度
            pending_num = "1"
            continue
        if _NUM.match(surface) or (pos[1] == "数詞" and surface in _KANJI_NUM and not pending_num):
            pending_num = pending_num + (_KANJI_NUM.get(surface, surface))
            continue
        if pending_num:
            norm = m.normalized_form()
            counter = surface if surface in COUNTERS else norm if norm in COUNTERS else ""
            if counter:
                tok = pending_num + counter
                out.append(Term(prev_era + tok if prev_era and counter in {"年度", "年"} else tok, tok, "数"))
                if prev_era:
                    out.append(Term(tok, tok, "数"))
                if counter in COUNTED_NOUNS:  # 23法人 counts 法人: the noun stands in the text too
                    out.append(Term(counter, counter, "名詞"))
                pending_num, prev_era = "", ""
                continue
            out.append(Term(pending_num, pending_num, "数"))
            pending_num, prev_era = "", ""
        if _ERA.match(surface):
            prev_era = "令和" if surface in {"令和", "R"} else "平成"
            out.append(Term(prev_era, surface, "名詞"))
            continue
        prev_era = ""
        if (pos[0] == "動詞" and re.fullmatch(r"[一-龥]っ", surface) and k > 0 and k + 1 < len(morphs)
                and morphs[k - 1].part_of_speech()[0] == "名詞" and morphs[k + 1].surface() == "て"):
            # 「研修会って、会場どこ？」: the colloquial topic marker って after a compound ending in 会 reads to the
            # tokeniser as the verb 会う; the noun's last character is what is written (as 「研修会は」 reads)
            out.append(Term(surface[0], surface[0], "名詞"))
            continue
        if pos[0] not in KEEP_POS:
            continue
        if pos[0] in {"接尾辞"} and surface not in COUNTERS and len(surface) < 2:
            continue
        word = surface if surface.isascii() else m.normalized_form()
        if pos[0] == "動詞" and after_particle in {"に", "を"} and word in FUNCTIONAL_VERBS:
            continue
        if word in STOP or not word.strip() or (word.startswith("何") and len(word) <= 3):
            continue
        for suffix in RELATIONAL_SUFFIXES:  # 県側 -> 県, 法人自体 -> 法人
            if word.endswith(suffix) and len(word) > len(suffix) and word not in COUNTERS:
                word, surface = word[: -len(suffix)], surface[: -len(suffix)] if surface.endswith(suffix) else surface
                break
        # 「後押しした」「開催しなかった」: a サ変 noun followed by する acts as the verb of the sentence
        acts_as_verb = pos[2] == "サ変可能" and k + 1 < len(morphs) and morphs[k + 1].normalized_form() in SURU
        out.append(Term(word.lower(), surface, "動詞" if acts_as_verb else pos[0]))
    if pending_num:
        out.append(Term(pending_num, pending_num, "数"))
    return out
