"""Names as an English question spells them: 「はなぞの市」 is Hanazono City, 「札幌市」 is Sapporo.

An English question names places and bodies in romaji, the documents in kana or kanji, so
neither the lexical index nor the specifier check could see that 「Yamabuki City」 asks about
「やまぶき市」 (the embedding model does not know a fictional name either). At ingest each chunk's
names are read with their Sudachi reading and given a romanisation key (`names_in`); the app
looks an English question's words up by the same key (`app.romaji_names`).

The key is one spelling for the ways a name is romanised: Hepburn or Kunrei (Shinbashi, Sinbasi),
long vowels written or not (Tōkyō, Toukyou, Tokyo), n or m before b/p (Shimbashi).
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

from .tokens import readings
from .vocabulary import vocabulary

# a place suffix and how it is read after a name (町 is チョウ or マチ, 村 ムラ or ソン)
SUFFIX_READINGS = {"市": ("シ",), "町": ("チョウ", "マチ"), "村": ("ムラ", "ソン"), "県": ("ケン",), "区": ("ク",),
                   "府": ("フ",), "都": ("ト",), "郡": ("グン",)}
MIN_KEY = 4  # a shorter key (ise, tu) is looked up only before a place word (Ise City): alone it is an English word
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_SCRIPTS = (("hiragana", re.compile(r"^[\u3041-\u3096]+$")), ("katakana", re.compile(r"^[\u30a1-\u30fa\u30fc]+$")),
            ("kanji", re.compile(r"^[\u3400-\u9fff々]+$")))


def _script(text: str) -> str:
    """hiragana, katakana or kanji when the text is all of one, else ''."""
    return next((name for name, rx in _SCRIPTS if rx.match(text)), "")
# Hepburn -> one canonical spelling (applied to both sides, so Kunrei spellings already match)
_CANON = (("tch", "ch"), ("shi", "si"), ("sh", "sy"), ("chi", "ti"), ("ch", "ty"), ("tsu", "tu"), ("fu", "hu"),
          ("ji", "zi"), ("j", "zy"))
_LONG = re.compile(r"(?<=o)[ou]|(?<=u)u|(?<=a)a|(?<=i)i|(?<=e)e|(?<=o)h(?![aiueoy])")


def romaji_key(text: str) -> str:
    """The romanisation key of a name in romaji, kana or a katakana reading ('' if none)."""
    s = unicodedata.normalize("NFKC", text)
    if _KANA.search(s):
        s = jaconv.kana2alphabet(jaconv.kata2hira(s))
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s.lower()) if "a" <= ch <= "z")
    s = s.replace("cch", "tch")  # jaconv writes ッチ as cch, Hepburn as tch (Hatchobori)
    for a, b in _CANON:
        s = s.replace(a, b)
    s = re.sub(r"m(?=[bpm])", "n", s)
    return _LONG.sub("", s)


_KANA_RUN = re.compile(r"[\u3041-\u3096]+$")
# morphemes a name is not made of: particles, auxiliaries, pre-noun words (その市, どの市). Not verbs: Sudachi reads
# kana names as verbs often enough (ほし+かげ町, つくし町)
NOT_NAME_POS = {"助詞", "助動詞", "補助記号", "空白", "連体詞"}
_NOT_A_NAME_END = {"助動詞", "格助詞", "係助詞", "接続助詞", "副助詞"}


def _reads_as_name(kana: str) -> bool:
    """A hiragana run before a place suffix, read alone, does not end in an auxiliary or a case particle
    (した, ための, のような are no names; はるかぜ, ほしかげ are)."""
    last = readings(kana, "C")[-1:]
    return bool(last) and last[0][1][0] != "助動詞" and last[0][1][1] not in _NOT_A_NAME_END


def _without_suffix(reading: str, suffix: str) -> str:
    for r in SUFFIX_READINGS.get(suffix, ()):
        if reading.endswith(r) and len(reading) > len(r):
            return reading[: -len(r)]
    return reading


def names_in(text: str) -> list[tuple[str, str]]:
    """(name as printed, romanisation key) for each proper noun and each place a text names: a place
    suffix after a run of one script (はなぞの市, 札幌市, ヤマブキ町) or a proper noun (ともえ, 港湾大学)."""
    ms = readings(text, "C")
    out: dict[str, str] = {}
    for k, (surface, pos, reading) in enumerate(ms):
        if pos[0] == "名詞" and pos[1] == "固有名詞" and surface not in vocabulary().era_names:  # proper nouns to Sudachi, but a year
            suffix = surface[-1:] if surface[-1:] in SUFFIX_READINGS and len(surface) > 1 else ""
            out.setdefault(surface, romaji_key(_without_suffix(reading, suffix) if suffix else reading))
            continue
        if surface not in SUFFIX_READINGS or k == 0:
            continue
        # the name: the morphemes of one script right before the suffix, back to a particle or another script
        parts: list[tuple[str, str]] = []
        for prev, ppos, pread in reversed(ms[max(0, k - 4):k]):
            if ppos[0] in NOT_NAME_POS or not _script(prev.strip()) or \
                    (parts and _script(prev) != _script(parts[0][0])):
                break
            parts.insert(0, (prev, pread))
        run = "".join(s for s, _ in parts)
        kana = _KANA_RUN.search("".join(s for s, _, _ in ms[max(0, k - 6):k]))
        if len(run) < 2 and kana and len(kana.group(0)) > 2 and _reads_as_name(kana.group(0)):
            run, parts = kana.group(0), []  # 「年度はるかぜ県」: Sudachi took は for a particle
        if len(run) < 2:
            continue
        out.setdefault(run + surface, romaji_key(run if _KANA.search(run) else "".join(r for _, r in parts)))
    return [(name, key) for name, key in out.items() if key]
