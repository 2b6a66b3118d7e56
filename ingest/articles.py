"""Legal-style structure (要綱, 要領, 規約, 会則, 条例, 細則): articles and the parts after them. Pure functions.

Rules are cited by article, so an article is the section a quotation belongs to: 「第6条（交付申請）」.
Rules also mention articles in nearly every sentence (「前条第1号」「第6条の規定により」「第3条第2項」),
and a wrapped line may start with such a reference, so only the printed shape of an article heading
opens one: a line that starts with 第N条 (第N条の2) and goes on after a space (「第6条　設立準備…」) or
after its own bracketed caption (「第6条（交付申請）」), or the caption alone on the line above it
(「（交付申請）」 then 「第6条　…」; the caller checks the next line, see `article_caption`). Parts
printed after the articles (附則, 別表第N, 様式第N号, 別記) open top-level sections; their words are
in resources/headings.toml. Clauses (項 「2　」) and items (号 「（1）」) stay inside their article.
"""

from __future__ import annotations

import re

from .headings import Heading, vocabulary

_NUM = r"[0-9０-９一二三四五六七八九十百千]+"
_SP = r"[\s\u3000]"
ARTICLE_SCHEME = "第N条"
PART_SCHEME = "part"
FORM_SCHEME = "part:form"
# 第6条 / 第6条の2, then （見出し） and/or a space and the article's first sentence
_ARTICLE = re.compile(
    rf"^(第{_NUM}条(?:の{_NUM})*)(?:[（(]([^（）()\n]{{1,30}})[）)])?(?:{_SP}*(\S.*))?$"
)
# a body that goes on with a particle is a reference with a space put in by the PDF (「第6条 の規定により」)
_REFERENCE_BODY = re.compile(r"^(?:の|に|を|が|は|で|と|から|まで|及び|又は|並びに|若しくは)")
_CAPTION = re.compile(r"^[（(]([^（）()\n]{2,30})[）)]$")
_TERMINAL = ("。", "．", "、", "，", ",")


def _digits(text: str) -> str:
    return text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def article_of(text: str, caption: str = "") -> Heading | None:
    """The article a line opens, or None. `caption`: the （見出し） printed alone on the line above.

    The title is 「第6条（交付申請）」 (the key and its caption) so that a quotation reads as it is
    cited; a caption on the article's own line wins over one above it.
    """
    t = text.strip()
    m = _ARTICLE.match(t)
    if not m or not (m.group(2) or m.group(3)):
        return None  # 「第6条」 alone: a reference, not a heading
    if m.group(2) and re.search(r"[。、，,]|^(?:第|前|次|同|以下)", m.group(2)):
        return None  # 「第5条（第3項を除く。）の規定は」: a bracketed reference, not a caption
    spaced = bool(re.match(rf"^第{_NUM}条(?:の{_NUM})*{_SP}", t))
    if not m.group(2) and (not spaced or _REFERENCE_BODY.match(m.group(3) or "")):
        return None  # 「第6条の規定により」「第6条 の規定により」: a reference; a heading has a space or a caption
    key = _digits(m.group(1))
    cap = (m.group(2) or caption).strip()
    return Heading(ARTICLE_SCHEME, key, f"{key}（{cap}）" if cap else key)


def article_body(text: str) -> str:
    """The text after an article's key and caption on its line (empty when the line is only a heading)."""
    m = _ARTICLE.match(text.strip())
    return (m.group(3) or "") if m else ""


def article_caption(text: str) -> str | None:
    """「（交付申請）」 alone on a line: its words, else None. A heading only when an article follows it."""
    m = _CAPTION.match(text.strip())
    if not m:
        return None
    inner = m.group(1).strip()
    if inner.endswith(_TERMINAL) or re.fullmatch(r"[0-9０-９ア-ンa-zA-Zａ-ｚＡ-Ｚ]+", inner):
        return None  # （1） is an item, 「（…する。）」 a sentence
    if re.match(r"^(?:単位|注|※)", inner):
        return None
    return inner


def _part_regex() -> re.Pattern:
    words = sorted(vocabulary()["legal_parts"], key=len, reverse=True)
    alt = "|".join(f"{_SP}*".join(map(re.escape, w)) for w in words)
    return re.compile(
        rf"^((?:{alt})+)(第{_NUM}号?)?{_SP}*(?:([（(][^（）()\n]{{1,40}}[）)]))?(?:{_SP}+(\S.{{0,40}}))?$"
    )


def part_of(text: str) -> Heading | None:
    """附則 / 附則（令和7年8月1日 …） / 別表第1（第5条関係） 補助対象経費 / 様式第1号（第6条関係）, else None."""
    t = text.strip()
    if len(t) > 70:
        return None
    m = _part_regex().match(t)
    if not m or t.endswith(_TERMINAL):
        return None
    word = re.sub(r"[\s\u3000]", "", m.group(1))
    number = _digits(m.group(2) or "")
    bracket = m.group(3) or ""
    title = " ".join(x for x in (word + number + bracket, m.group(4) or "") if x)
    key = word + number if number else word + bracket  # two 附則 (original, amending) stay apart
    forms = tuple(vocabulary()["legal_forms"])
    scheme = FORM_SCHEME if word.endswith(forms) or word.startswith(forms) else PART_SCHEME
    return Heading(scheme, key, title)


def is_legal(lines: list[str], least: int = 2) -> bool:
    """A document set out in articles: at least `least` lines open one."""
    return sum(article_of(x) is not None for x in lines) >= least
