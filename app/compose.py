"""The extractive composer's pieces: table look-up, sentence choice, figure leads, list rows.

Pure text logic over retrieved passages (no model calls): which table cell a count question
names, which sentences answer, which stated figure leads, and when a list question is best
answered by every row of a statement table.
"""

from __future__ import annotations

import re

from ingest.clean import normalize, split_sentences, squash
from ingest.tokens import content_words

from .retrieve import Hit, Retriever
from .support import idf

NUMERIC_Q = re.compile(r"いくつ|何(県|市|回|法人|人|件|団体|年|か所|割)|いくら|どれくらい|どのくらい|数を|の数|何件|何回|how many", re.I)
COUNTER_Q = re.compile(r"(県|市区町村|市|法人|回|団体|件|人)(?:は|が|の数|を)?.{0,6}(いくつ|何|数)|何(県|市|回|法人|人|件|団体)")
LIST_Q = re.compile(r"どのような|どんな|何を|どういった|挙げ|示され|教えて")
TOTAL_Q = re.compile(r"合計|全体|計|延べ")
def _cell_key(text: str) -> str:
    return squash(text).replace("令和", "").replace("平成", "")


ZERO_Q = re.compile(r"(?:一度も|一回も|1回も|全然|ぜんぜん|まったく|全く).{0,12}(?:なかった|ない|いない|ず)|"
                    r"(?:開催|実施)(?:しなかった|していない|されなかった|されていない|なし)|"
                    r"開(?:か|い)(?:なかった|ない|れなかった|れていない|ていない|てない)|ゼロ|0回")
NEGATION = re.compile(r"(?:し|さ|い|れ|せ|て|で|け|ら|わ|め)(?:ない|なかった)|ません|以外|除く|除いて|未|"
                      r"(?:せ|ら|れ|け)ず(?:に|、|。|$)")


def _header_names(head: str) -> list[str]:
    """A header and its parts: 「受刑者関係（保護観察所等）」 is also 「受刑者関係」 and 「保護観察所」."""
    names = [head, *re.split(r"[（()）]", head)]
    keys = [_cell_key(re.sub(r"(等|など)$", "", n.strip())) for n in names]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def table_question(question: str) -> str:
    """Words of a question as a table names them: 「一度も開催しなかった」 is the column 「0回」."""
    return ZERO_Q.sub("0回", normalize(question))


def table_lookup(question: str, hits: list[Hit]) -> tuple[Hit, str, str, str] | None:
    """Find (hit, row header, column header, value) when the question names a cell of a figure table.

    A negated question (「構成員にしていない県」) is not answered by a cell counting the
    positive case; only a header that is itself negative or zero may answer it.
    """
    if not (NUMERIC_Q.search(question) or re.search(r"表\s*\d", question)):
        return None  # only a count / figure question is answered by a cell
    asked = _asked_counter(question)
    question = table_question(question)
    negated = bool(NEGATION.search(question))
    qn = _cell_key(question)
    q_tokens = set(content_words(question))
    for h in hits:
        grid = h.chunk.get("grid") or []
        if h.chunk.get("kind") != "table" or len(grid) < 2:
            continue
        unit = re.search(r"[（(]単位[:：]\s*(.+?)[）)]", h.chunk["text"])
        if asked and unit and asked not in unit.group(1) and not any(asked in c for row in grid for c in row[:1]):
            continue  # 「何法人」 is not answered by a table counting 県
        header, rows = grid[0], grid[1:]
        col_scores = []
        for j, head in enumerate(header[1:], start=1):
            head_tokens = set(content_words(head))
            overlap = len(q_tokens & head_tokens)
            exact = any(k in qn for k in _header_names(head))
            # a column is named only when all its words are in the question: 「不動産」 alone
            # must not select 「全日本不動産協会」
            col_scores.append((exact * 10 + overlap if exact or (head_tokens and head_tokens <= q_tokens) else 0, j))
        col_scores.sort(reverse=True)
        if not col_scores or col_scores[0][0] == 0 or (len(col_scores) > 1 and col_scores[0][0] == col_scores[1][0]):
            continue
        j = col_scores[0][1]
        if len(rows) == 1:
            i = 0
        else:
            matches = [i for i, r in enumerate(rows) if r and _cell_key(r[0]) and _cell_key(r[0]) in qn]
            if TOTAL_Q.search(question):
                matches = [i for i, r in enumerate(rows) if r and TOTAL_Q.search(r[0])] or matches
            if len(matches) != 1:
                continue
            i = matches[0]
        row = rows[i]
        if negated and not (NEGATION.search(normalize(header[j] + row[0])) or _cell_key(header[j]).startswith("0")):
            continue
        if j < len(row) and row[j].strip():
            return h, row[0], header[j], row[j].strip()
    return None


# ---- sentence selection ---------------------------------------------------------------------
def _asked_counter(question: str) -> str:
    m = COUNTER_Q.search(normalize(question))
    if not m:
        return ""
    return m.group(1) or m.group(3) or ""


CONNECTIVE = re.compile(r"^(また|さらに|加えて|このうち|その上で|併せて|あわせて)、")


def _is_caption(sent: str, chunk: dict) -> bool:
    s = squash(sent)
    return s == squash(chunk.get("unit_title", "")) or bool(re.match(r"^(表|図|事例)\d+-[①-⑳\d]+[^。]{0,60}$", s))


def _subject(question: str) -> str:
    """Whose view a question asks for: 「…について、居住支援法人はどのような要望を…」 -> 居住支援法人."""
    m = re.search(r"([^\s、。,]+?)(?:側)?(?:は|が)(?:どのような|どう|何を|なんて|どんな)", normalize(question))
    return m.group(1) if m else ""


def _bigrams(text: str) -> set[str]:
    """Character bigrams of the Japanese text (after NFKC, no spaces or punctuation): they see
    inflection and particles (構成員にしていない県 ~ 構成員としていない県) that content words drop."""
    t = re.sub(r"[\s、。，．,.「」（）()？?！!・]", "", normalize(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def pick_sentences(question: str, hits: list[Hit], retriever: Retriever, max_sentences: int = 3,
                   focus: str = "", already_said: str = "") -> list[tuple[Hit, str, float]]:
    """The sentences that answer: content-word overlap (IDF), the sentence's own dense similarity
    to the question (stored sentence vectors), the passage's rank, and for count questions the
    asked counter. A sentence continuing a chosen one (また、…) follows it.

    For a follow-up, ``focus`` is what the user just asked (その結果…): its words weigh extra,
    and sentences the previous answer ``already_said`` are not repeated.
    """
    focus_tokens = [t for t in dict.fromkeys(content_words(focus))] if focus else []
    focus_w = {t: idf(retriever, t) for t in focus_tokens}
    focus_total = sum(focus_w.values()) or 1.0
    said = _bigrams(already_said) if already_said else set()
    subject = _subject(focus or question)
    q_tokens = list(dict.fromkeys(content_words(question)))
    weights = {t: idf(retriever, t) for t in q_tokens}
    total = sum(weights.values()) or 1.0
    numeric = bool(NUMERIC_Q.search(question))
    counter = _asked_counter(question)
    negated = bool(NEGATION.search(normalize(question)))
    q_grams = _bigrams(question)
    dense_all = [v for h in hits[:4] for v in h.sentence_scores.values()]
    lo, hi = (min(dense_all), max(dense_all)) if dense_all else (0.0, 0.0)
    scored: list[tuple[float, int, int, Hit, str]] = []
    by_chunk: dict[str, list[str]] = {}
    for r, h in enumerate(hits[:4]):
        sents = [x.strip() for x in split_sentences(h.chunk["text"])]
        by_chunk[h.chunk["id"]] = sents
        for s_i, s in enumerate(sents):
            if len(squash(s)) < 6 or s.startswith("|") or _is_caption(s, h.chunk):
                continue
            toks = set(content_words(s))
            overlap = sum(w for t, w in weights.items() if t in toks) / total
            cos = h.sentence_scores.get(s)
            dense = (cos - lo) / (hi - lo) if cos is not None and hi > lo else 0.0
            grams = len(q_grams & _bigrams(s)) / len(q_grams) if q_grams else 0.0
            score = overlap + 0.5 * dense + 0.5 * grams + 0.2 / (r + 1)
            if focus_w:
                score += 0.5 * sum(w for t, w in focus_w.items() if t in toks) / focus_total
            speaker = re.match(r"^【(.+?)の(?:意見|考え|要望|見解)", s)
            if subject and speaker:  # a case row's 【X の意見】: whose view the question asks for
                score += 0.2 if (speaker.group(1) in subject or subject in speaker.group(1)) else -0.4
            if said:
                s_grams = _bigrams(s)
                if s_grams and len(s_grams & said) / len(s_grams) > 0.6:
                    score -= 1.0  # the previous answer said this already
            if negated and NEGATION.search(normalize(s)):
                score += 0.2  # 「していない県」 is answered by a sentence that counts the negative case
            if numeric:
                nums = re.findall(r"\d+\s*(県|市区町村|市|法人|回|団体|件|人)", normalize(s))
                if nums:
                    score += 0.15 + (0.25 if counter and counter in nums else 0.0)
            scored.append((score, r, s_i, h, s))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    out: list[tuple[Hit, str, float]] = []
    seen: set[str] = set()
    best = scored[0][0] if scored else 0.0
    for score, _r, s_i, h, s in scored:
        if len(out) >= max_sentences or score < best * 0.6:
            break
        if squash(s) in seen:
            continue
        seen.add(squash(s))
        out.append((h, s, score))
        sents = by_chunk[h.chunk["id"]]
        nxt = sents[s_i + 1] if s_i + 1 < len(sents) else ""
        if nxt and CONNECTIVE.match(nxt) and squash(nxt) not in seen and len(out) < max_sentences:
            seen.add(squash(nxt))
            out.append((h, nxt, score))
    return out


def figure_sentence(question: str, picked: list[tuple[Hit, str, float]]) -> int | None:
    """Index of the picked sentence whose stated figure (9法人, 3県) the question asks for.

    Judged by the words just before each figure: 「…を構成員としていない県が、3県」 answers
    「構成員にしていない県はいくつ」, while 「構成員とする 15 県のうち 5 県」 in the same
    passage does not. A negated question needs a negated phrase before the figure.
    """
    counter = _asked_counter(question)
    q_grams = _bigrams(question)
    negated = bool(NEGATION.search(normalize(question)))
    best, best_score = None, 0.0
    for i, (_h, sent, _s) in enumerate(picked):
        text = normalize(sent)
        for m in re.finditer(r"\d+\s*(県|市区町村|市|法人|回|団体|件|人)", text):
            if counter and m.group(1) != counter:
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            score = len(_bigrams(before) & q_grams) + (3 if negated and NEGATION.search(before) else 0)
            if score > best_score:
                best, best_score = i, score
    return best


def list_rows(question: str, hits: list[Hit], retriever: Retriever, max_rows: int = 6) -> list[tuple[Hit, str]]:
    """For a list question whose answer is a table of statements (表 4-③: one opinion a row): every
    row of that table, in order, as (hit, the row's statement). Only when two of the top passages
    are rows of the same table and its title shares most of the question's words."""
    units: dict[str, int] = {}
    for h in hits[:5]:
        c = h.chunk
        if c.get("kind") == "table" and c.get("row") and not c.get("grid"):
            units[c["unit_title"]] = units.get(c["unit_title"], 0) + 1
    title = next((u for u, n in units.items() if n >= 2), "")
    if not title:
        return []
    q = set(content_words(question))
    t = set(content_words(title))
    if not q or len(q & t) / len(q) < 0.4:
        return []
    by_id = {h.chunk["id"]: h for h in hits}
    out = []
    for c in retriever.chunks:
        if c.get("unit_title") == title and c.get("row"):
            text = c["text"].replace(title, "", 1).strip()
            text = re.sub(r"^\d+\s*", "", text)
            text = re.sub(r"\n?（注）.*$", "", text, flags=re.S).strip()
            out.append((by_id.get(c["id"]) or Hit(c, 0.0, 0), text))
    return out[:max_rows]


def list_items(sentence: str) -> list[str]:
    """'①…、②…、③…' -> items, for list questions."""
    parts = re.split(r"(?=[①-⑳])", sentence)
    items = [p.strip("、。 ") for p in parts if re.match(r"^[①-⑳]", p)]
    return items if len(items) >= 3 else []
