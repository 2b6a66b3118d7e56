"""The extractive composer's pieces: table look-up, sentence choice, figure leads, list rows.

Pure text logic over retrieved passages and one analysed `Query` (no model calls). Every
rule is general: a cell is read from any table whose row and column the question names; a
negated count reads a column meaning zero/none; a statement labelled with a speaker
(【…の意見】, 「○委員：」) counts for the question's subject; a list question over a table of
statements gives its rows. Words come from the vocabulary data file.
"""

from __future__ import annotations

import re

from ingest.clean import normalize, split_sentences, squash
from ingest.headings import ANSWER
from ingest.tokens import content_words
from ingest.vocabulary import expand_short_forms, vocabulary

from .query import NEGATION, Query
from .retrieve import Hit, Retriever

TOTAL_Q = re.compile(r"合計|全体|計|延べ|総数")
UNIT = re.compile(r"[（(]単位[:：]\s*(.+?)[）)]")
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(県|市区町村|市|町|村|法人|回|団体|件|人|名|社|世帯|戸|か所|箇所|%|割|機関|事業所|店)")
# sentence openers that lean on the sentence before them (Japanese grammar, not domain words)
CONNECTIVE = re.compile(r"^(また|さらに|加えて|このうち|その上で|併せて|あわせて|一方|他方|これを受けて|これにより|"
                        r"そのため|このため|その結果|これらの|しかし|ただし|なお|そこで|同様に|上記のように|以上のように|"
                        r"このように|こうした中)[、，,]?")
LEADING_ROW_NO = re.compile(r"^\s*(?:№\s*)?\d{1,3}[ \u3000\n]+(?=\D)")
QUESTION_LINE = re.compile(r"^Q\s*\d*\s*[.:：)．]")
SPEAKER = re.compile(r"^(?:【(?P<a>[^】]{1,30})】|[○◯●◎]\s*(?P<b>[^：:\s]{1,30})\s*[：:]?)")


def _cell_key(text: str) -> str:
    return squash(text)


def _header_names(head: str) -> list[str]:
    """A header and its parts: 「受刑者関係（保護観察所等）」 is also 「受刑者関係」 and 「保護観察所」."""
    names = [head, *re.split(r"[（()）]", head)]
    keys = [_cell_key(re.sub(r"(等|など)$", "", n.strip())) for n in names]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def _is_zero_header(head: str) -> bool:
    h = _cell_key(head)
    return any(h == z or h.startswith(z) and not h[len(z):len(z) + 1].isdigit() for z in vocabulary().zero_headers)


def row_labels(grid: list[list[str]]) -> list[str]:
    """Row labels with a prefix written only on the first row carried down (「令和 3年度」 then 「4年度」
    reads 「令和 4年度」): a general table convention, not one table's."""
    out: list[str] = []
    prefix = ""
    for r in grid[1:]:
        label = (r[0] if r else "").strip()
        m = re.match(r"^(\D+?)\s*\d", label)
        if m and not re.match(r"^\d", label):
            prefix = m.group(1).strip()
        elif prefix and re.match(r"^\d", label):
            label = f"{prefix} {label}"
        out.append(label)
    return out


def table_lookup(q: Query, hits: list[Hit]) -> tuple[Hit, int, int, str, str, str] | None:
    """(hit, row index, column index, row label, column header, value) when the question names a cell
    of a figure table. A negated question (「構成員にしていない県」) is not answered by a cell
    counting the positive case; only a zero/none column or a negative header may answer it."""
    if not (q.numeric or re.search(r"表\s*\d", q.standalone)):
        return None
    text = normalize(q.compose_text)
    qn = _cell_key(text)
    q_tokens = set(content_words(text))
    for h in hits:
        grid = h.chunk.get("grid") or []
        if h.chunk.get("kind") != "table" or len(grid) < 2:
            continue
        unit = UNIT.search(expand_short_forms(normalize(h.chunk["text"])))
        named_in_table = any(q.counter in expand_short_forms(r[0] if r else "") for r in grid) or any(
            re.match(rf"^\s*\d+\s*{re.escape(q.counter)}", normalize(h)) for h in grid[0])
        if q.counter and unit and q.counter not in unit.group(1) and not named_in_table:
            continue  # 「何法人」 is not answered by a table counting 県 (unless 回 names its columns: 0回, 1回…)
        header = grid[0]
        scores = []
        for j, head in enumerate(header[1:], start=1):
            head_tokens = set(content_words(head))
            exact = any(k in qn for k in _header_names(head))
            named = exact or bool(head_tokens and head_tokens <= q_tokens)
            score = (exact * 10 + len(q_tokens & head_tokens)) if named else 0
            if (q.zero or q.negated) and _is_zero_header(head):
                score = max(score, 9)
            scores.append((score, j))
        if len(header) == 2 and scores and scores[0][0] == 0:
            scores = [(1, 1)]  # one value column: naming the row is enough
        scores.sort(reverse=True)
        if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[0][0] == scores[1][0]):
            continue
        j = scores[0][1]
        labels = row_labels(grid)
        if len(labels) == 1:
            i = 0
        else:
            matches = [i for i, lab in enumerate(labels) if _cell_key(lab) and (_cell_key(lab) in qn or (
                _cell_key(grid[i + 1][0]) and _cell_key(grid[i + 1][0]) in qn and len(_cell_key(grid[i + 1][0])) > 2))]
            if len(matches) > 1:  # 「令和 4年度」 also contains 「4年度」: prefer the longest label named
                longest = max(len(_cell_key(labels[i])) for i in matches)
                matches = [i for i in matches if len(_cell_key(labels[i])) == longest]
            if TOTAL_Q.search(text):
                matches = [i for i, lab in enumerate(labels) if TOTAL_Q.search(lab)] or matches
            if len(matches) != 1:
                continue
            i = matches[0]
        row = grid[i + 1]
        head = header[j]
        if q.negated and not (NEGATION.search(normalize(head + row[0])) or _is_zero_header(head)):
            continue
        if j < len(row) and row[j].strip():
            return h, i + 1, j, labels[i], head, row[j].strip()
    return None


# ---- sentence selection ---------------------------------------------------------------------
def _is_caption(sent: str, chunk: dict) -> bool:
    s = squash(sent)
    return s == squash(chunk.get("unit_title", "")) or bool(re.match(r"^(表|図|事例)\d+[-－]?[①-⑳\d]*[^。]{0,60}$", s))


def _subject(text: str) -> str:
    """Whose view a question asks for: 「…について、居住支援法人はどのような要望を…」 -> 居住支援法人."""
    m = re.search(r"([一-龥ァ-ヶー]+?)(?:側)?(?:は|が)(?:どのような|どう|何を|なんて|どんな|何と)", normalize(text))
    return m.group(1) if m else ""


def _bigrams(text: str) -> set[str]:
    """Character bigrams (NFKC, no spaces or punctuation): they see inflection and particles
    (構成員にしていない県 ~ 構成員としていない県) that content words drop."""
    t = re.sub(r"[\s、。，．,.「」（）()？?！!・]", "", normalize(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def clean_sentence(sent: str) -> str:
    """A quoted sentence as shown: without a table row's stray number (「3 当県は…」)."""
    return LEADING_ROW_NO.sub("", sent.strip()).strip()


def drop_connective(sent: str) -> str:
    """「一方、…」「上記のように、…」 shown without what it leans on: the connective goes, the statement stays."""
    m = CONNECTIVE.match(sent)
    if not m or m.group(1) in {"このうち", "これらの"}:  # these narrow the subject: keeping them is honest
        return sent
    rest = sent[m.end():].lstrip("、，, ")
    return rest or sent


def speaker_of(sent: str) -> str:
    m = SPEAKER.match(normalize(sent))
    return (m.group("a") or m.group("b") or "") if m else ""


def pick_sentences(q: Query, hits: list[Hit], retriever: Retriever, max_sentences: int = 3,
                   already_said: str = "") -> list[tuple[Hit, str, float]]:
    """The sentences that answer: content-word overlap (IDF), the sentence's own dense similarity to the
    question, character bigrams, the passage's rank, and for count questions a figure with the asked
    counter. A sentence that leans on the one before it (一方、このうち…) brings that one along.
    For a follow-up, the new question's own words weigh extra and what was already said is not repeated."""
    text = q.compose_text
    focus_w = {t: retriever.idf(t) for t in q.focus_tokens}
    focus_total = sum(focus_w.values()) or 1.0
    said = _bigrams(already_said) if already_said else set()
    subject = _subject(q.raw if q.follow_up else text)
    weights = {t: retriever.idf(t) for t in dict.fromkeys(content_words(text))}
    total = sum(weights.values()) or 1.0
    q_grams = _bigrams(text)
    dense_all = [v for h in hits[:4] for v in h.sentence_scores.values()]
    lo, hi = (min(dense_all), max(dense_all)) if dense_all else (0.0, 0.0)
    scored: list[tuple[float, int, int, Hit, str]] = []
    by_chunk: dict[str, list[str]] = {}
    for r, h in enumerate(hits[:4]):
        sents = [x.strip() for x in split_sentences(h.chunk["text"])]
        by_chunk[h.chunk["id"]] = sents
        block = ""  # a labelled block (【…の意見】, ○委員) speaks until the next label
        for s_i, s in enumerate(sents):
            block = speaker_of(s) or block
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
            who = block
            if subject and who:  # a labelled statement: whose view the question asks for
                score += 0.2 if (who in subject or subject in who or subject in who.replace("の意見", "")) else -0.4
            if said:
                s_grams = _bigrams(s)
                if s_grams and len(s_grams & said) / len(s_grams) > 0.6:
                    score -= 1.0  # the previous answer said this already
            if q.negated and NEGATION.search(normalize(s)):
                score += 0.2  # 「していない県」 is answered by a sentence that counts the negative case
            if q.numeric:
                units = [m.group(1) for m in FIGURE.finditer(normalize(s))]
                if units:
                    score += 0.15 + (0.25 if q.counter and q.counter in units else 0.0)
            scored.append((score, r, s_i, h, s))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    out: list[tuple[Hit, str, float]] = []
    seen: set[str] = set()
    best = scored[0][0] if scored else 0.0
    primary = 0  # sentences chosen on their own merit; antecedents and continuations ride along
    for score, _r, s_i, h, s in scored:
        if primary >= max_sentences or score < best * 0.6:
            break
        if squash(s) in seen:
            continue
        primary += 1
        sents = by_chunk[h.chunk["id"]]
        prev = sents[s_i - 1] if s_i > 0 else ""
        if (CONNECTIVE.match(normalize(s)) and prev and squash(prev) not in seen and not _is_caption(prev, h.chunk)
                and not (speaker_of(s) and speaker_of(s) != speaker_of(prev))):
            seen.add(squash(prev))  # the antecedent first, so 「一方、…」 does not dangle
            out.append((h, prev, score))
        seen.add(squash(s))
        out.append((h, s, score))
        if is_title_line(s):  # a heading or box title is never shown alone: the lines under it answer
            for item in sents[s_i + 1 : s_i + 1 + MAX_ITEMS]:
                if not item or is_title_line(item) or squash(item) in seen:
                    break
                seen.add(squash(item))
                out.append((h, item, score))
            continue
        nxt = sents[s_i + 1] if s_i + 1 < len(sents) else ""
        if QUESTION_LINE.match(normalize(s)) and nxt and ANSWER.match(normalize(nxt)) and squash(nxt) not in seen:
            seen.add(squash(nxt))  # a printed question (Q22．…か。) is answered by its A．line, never shown alone
            out.append((h, nxt, score))
            continue
        if nxt and CONNECTIVE.match(normalize(nxt)) and squash(nxt) not in seen and primary < max_sentences:
            seen.add(squash(nxt))
            out.append((h, nxt, score))
    return out


MAX_ITEMS = 6


def is_title_line(sent: str) -> bool:
    """A short line without sentence-final punctuation: a heading, a box or slide title, a label."""
    t = sent.strip()
    return 0 < len(t) <= 30 and not re.search(r"[。．！？!?）)」』]$", t) and not FIGURE.search(normalize(t))


def figure_sentence(q: Query, picked: list[tuple[Hit, str, float]]) -> int | None:
    """Index of the picked sentence whose stated figure (9法人, 3県) the question asks for, judged by
    the words just before each figure; a negated question needs a negated phrase before it."""
    q_grams = _bigrams(q.compose_text)
    best, best_score = None, 0.0
    for i, (_h, sent, _s) in enumerate(picked):
        text = normalize(sent)
        for m in FIGURE.finditer(text):
            if q.counter and m.group(1) != q.counter:
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            score = len(_bigrams(before) & q_grams) + (3 if q.negated and NEGATION.search(before) else 0)
            if score > best_score:
                best, best_score = i, score
    return best


def other_figures(q: Query, sentence: str, lead: str) -> bool:
    """True when a supporting sentence states a figure of the asked counter that the lead does not:
    it speaks of another subgroup and must not stand beside the answer unexplained."""
    if not q.counter:
        return False
    lead_figs = {squash(m.group(0)) for m in FIGURE.finditer(normalize(lead)) if m.group(1) == q.counter}
    figs = {squash(m.group(0)) for m in FIGURE.finditer(normalize(sentence)) if m.group(1) == q.counter}
    return bool(figs - lead_figs)


def list_rows(q: Query, hits: list[Hit], retriever: Retriever, max_rows: int = 8) -> list[tuple[Hit, str]]:
    """For a list question whose answer is a table of statements (one statement a row): every row of
    that table, in order. Only when two of the top passages are rows of the same table and its title
    shares most of the question's words."""
    units: dict[str, int] = {}
    for h in hits[:5]:
        c = h.chunk
        if c.get("kind") in {"table", "case"} and c.get("row") and not c.get("grid") and c.get("unit_title"):
            units[c["unit_title"]] = units.get(c["unit_title"], 0) + 1
    title = next((u for u, n in units.items() if n >= 2), "")
    if not title:
        return []
    qt = set(content_words(q.compose_text))
    t = set(content_words(title))
    if not qt or len(qt & t) / len(qt) < 0.4:
        return []
    by_id = {h.chunk["id"]: h for h in hits}
    subject = _subject(q.raw if q.follow_up else q.compose_text)
    out = []
    for c in retriever.chunks:
        if c.get("unit_title") == title and c.get("row"):
            text = c["text"].replace(title, "", 1).strip()
            text = clean_sentence(text)
            text = re.sub(r"\n?（注）.*$", "", text, flags=re.S).strip()
            text = speaker_block(text, subject) if subject else text
            out.append((by_id.get(c["id"]) or Hit(c, 0.0, 0), text))
    return out[:max_rows]


def speaker_block(text: str, subject: str) -> str:
    """From a row holding several labelled statements (【A の意見】… 【B の意見】…), the one the question
    asks about; the whole row when no label names the subject."""
    parts = re.split(r"(?=【[^】]{1,30}】)", text)
    mine = [p.strip() for p in parts if (who := speaker_of(p)) and (subject in who or who in subject)]
    return "\n".join(mine) if mine else text


def list_items(sentence: str) -> list[str]:
    """'①…、②…、③…' -> items, for list questions."""
    parts = re.split(r"(?=[①-⑳])", sentence)
    items = [p.strip("、。 ") for p in parts if re.match(r"^[①-⑳]", p)]
    return items if len(items) >= 3 else []


def name_first_person(sentence: str, chunk: dict) -> str:
    """「当県は…」 in a case box: say which body it is (「当県（事例 4-③ の県）」), once."""
    unit = chunk.get("unit_title", "")
    if not unit:
        return sentence
    name = re.match(r"^(?:表|図|事例|ケース|取組例|事例紹介)[ \u3000]*[^\s　]*", unit)
    label = name.group(0) if name else unit[:20]
    for fp in vocabulary().first_person:
        if fp in sentence:
            body = fp[1:] if fp.startswith(("当", "本")) else fp
            return sentence.replace(fp, f"{fp}（{label}の{body}）", 1)
    return sentence
