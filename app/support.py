"""Do the documents answer this question? The calibrated support score behind abstention.

Terms are Sudachi's long units (生活保護, 申請手数料); each weighs its IDF in the index
(at least IDF_FLOOR), verbs and adverbs less, and a noun the corpus never uses that the
passages lack halves the score. The threshold lives in settings (abstain_threshold).
"""

from __future__ import annotations

import re

from ingest.clean import normalize, squash
from ingest.tokens import content_words, terms

from .glossary import translate
from .retrieve import Hit, Retriever

# A word found in every passage of a small corpus has IDF ~0, yet a question made only of such
# words (県の協議会に市町村は入っている?) is still about them: each term weighs at least this.
IDF_FLOOR = 1.0
UNKNOWN_NOUN_FACTOR = 0.5
# Questions paraphrase verbs (持っている / 望んでいる) and add colloquial adverbs (ぜんぜん, 結局);
# their nouns carry the topic.
TERM_WEIGHT = {"動詞": 0.3, "形容詞": 0.3, "副詞": 0.1, "接尾辞": 0.3, "感動詞": 0.1}


def idf(retriever: Retriever, tok: str) -> float:
    j = retriever.bm25.vocab.get(tok)
    return float(retriever.bm25.idf[j]) if j is not None else float(retriever.bm25.idf.max(initial=1.0)) + 1.0


def support_score(retriever: Retriever, question: str, hits: list[Hit], top: int = 5) -> float:
    """How much of the question the top passages cover: IDF-weighted share of its key terms found there.

    Terms are Sudachi's long units (生活保護, 申請手数料), and a compound counts only when it
    appears as written (after NFKC, spaces removed): its parts scattered over the passages
    (生活 … 保護 …) do not make the documents answer it. Verbs and adverbs weigh less
    (TERM_WEIGHT) because questions paraphrase them (持っている / 望んでいる).
    """
    q_terms = list({t.word: t for t in terms(question, "C")}.values())
    if not q_terms:
        return 0.0  # nothing to check against the documents (「？？？」, emoji only): abstain
    have_tokens: set[str] = set()
    text = ""
    for h in hits[:top]:
        c = h.chunk
        have_tokens.update(c.get("tokens") or content_words(c["text"]))
        text += squash(normalize(" ".join((c.get("section_title", ""), c.get("unit_title", ""), c["text"]))))
    total = got = 0.0
    unknown_missing = False
    for t in q_terms:
        parts = content_words(t.surface) or [t.word]
        weight = max(sum(idf(retriever, p) for p in parts), IDF_FLOOR) * TERM_WEIGHT.get(t.pos, 1.0)
        if len(parts) == 1:  # one word: as a word (a lone 「法」 must not match inside 「方法」)
            found = parts[0] in have_tokens or (len(t.word) > 1 and squash(normalize(t.word)) in text)
        else:
            found = any(squash(normalize(w)) in text for w in (t.word, t.surface)) or _near(parts, text)
        total += weight
        got += weight * found
        if not found and t.pos == "名詞" and any(p not in retriever.bm25.vocab for p in parts):
            unknown_missing = True
    share = got / total if total else 0.0
    # a noun the whole corpus never uses (要件, 会長, 費用, 手数料) names a topic the documents do not cover
    return share * UNKNOWN_NOUN_FACTOR if unknown_missing else share


def english_support(retriever: Retriever, question: str, hits: list[Hit]) -> float:
    """Support of an English question: its glossary terms as a Japanese question, scaled by the share
    of its content words the glossary knows (unknown words are topics the documents may not cover)."""
    ja, unknown = translate(question)
    if not ja:
        return 0.0
    known = len(ja.split())
    # unknown words weigh 1.5: like out-of-vocabulary Japanese words, they are the question's specific topic
    return support_score(retriever, ja, hits) * known / (known + 1.5 * len(unknown))


def _near(parts: list[str], text: str, slop: int = 2) -> bool:
    """A compound's parts in order with at most `slop` characters between them (市…町村 in 市区町村),
    but not scattered over the passages (生活 … 保護)."""
    pattern = f".{{0,{slop}}}".join(re.escape(squash(normalize(p))) for p in parts)
    return bool(re.search(pattern, text))
