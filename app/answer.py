"""The one answer entry point: extractive, cited, and abstaining when the documents are silent.

The default answer is made of the documents' own sentences: the few that best match the
question, each followed by a citation marker that resolves to document, printed page and
section. Table questions are answered from the stored grid. When the question's key
words are not supported by the retrieved passages, it abstains and shows the nearest
passages as possibly related.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from ingest.clean import normalize, split_sentences, squash
from ingest.tokens import content_words, terms

from .glossary import is_english, translate
from .retrieve import Hit, Retriever, is_follow_up, standalone_question
from .settings import Settings, get_settings

ABSTAIN_TEXT = "資料には該当する記述が見つかりませんでした。"
NUMERIC_Q = re.compile(r"いくつ|何(県|市|回|法人|人|件|団体|年|か所|割)|いくら|どれくらい|どのくらい|数を|の数|何件|何回|how many", re.I)
COUNTER_Q = re.compile(r"(県|市区町村|市|法人|回|団体|件|人)(?:は|が|の数|を)?.{0,6}(いくつ|何|数)|何(県|市|回|法人|人|件|団体)")
LIST_Q = re.compile(r"どのような|どんな|何を|どういった|挙げ|示され|教えて")
TOTAL_Q = re.compile(r"合計|全体|計|延べ")
# Questions paraphrase verbs (持っている / 望んでいる) and add colloquial adverbs (ぜんぜん, 結局);
# their nouns carry the topic.
# A word found in every passage of a small corpus has IDF ~0, yet a question made only of such
# words (県の協議会に市町村は入っている?) is still about them: each term weighs at least this.
IDF_FLOOR = 1.0
UNKNOWN_NOUN_FACTOR = 0.5
TERM_WEIGHT = {"動詞": 0.3, "形容詞": 0.3, "副詞": 0.1, "接尾辞": 0.3, "感動詞": 0.1}

_lock = threading.Lock()
_retrievers: dict[tuple, Retriever] = {}


@dataclass
class Citation:
    n: int
    doc_id: str
    title: str
    short: str
    page: str
    section: str
    kind: str
    unit_title: str
    text: str
    score: float
    chunk_id: str
    quotes: list[str] = field(default_factory=list)  # the sentences used, for highlighting
    page_indices: list[int] = field(default_factory=list)
    boxes: list = field(default_factory=list)
    source_file: str = ""

    @property
    def label(self) -> str:
        parts = [self.short or self.title, f"p.{self.page}" if self.page else "", self.section, self.unit_title]
        return " ".join(p for p in parts if p)

    def to_dict(self) -> dict:
        return {
            "n": self.n, "doc_id": self.doc_id, "title": self.title, "page": self.page, "section": self.section,
            "kind": self.kind, "unit_title": self.unit_title, "text": self.text, "score": round(self.score, 5),
            "label": self.label, "quotes": self.quotes,
        }


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    mode: str
    citations: list[Citation]
    standalone_question: str
    timings_ms: dict
    related: list[Citation] = field(default_factory=list)
    support: float = 0.0
    note: str = ""
    invalid_citations: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_dict() for c in self.citations],
            "related": [c.to_dict() for c in self.related],
            "standalone_question": self.standalone_question,
            "support": round(self.support, 3),
            "note": self.note,
            "invalid_citations": self.invalid_citations,
            "timings_ms": self.timings_ms,
        }

    def render_text(self, excerpts: bool = False) -> str:
        """Plain text for the CLI and the Markdown export: answer, note, sources, mode."""
        lines = [self.answer, ""]
        if self.note:
            lines += [f"（{self.note}）", ""]
        refs = self.related if self.abstained else self.citations
        if refs:
            lines.append("関連する可能性のある箇所:" if self.abstained else "出典:")
            for c in refs:
                excerpt = re.sub(r"\s+", " ", "／".join(c.quotes) if c.quotes else c.text)[:300]
                lines.append(f"- [{c.n}] {c.label} — 「{excerpt}」" if excerpts else f"[{c.n}] {c.label}")
            lines.append("")
        lines.append(f"（回答方式: {'抽出' if self.mode == 'extractive' else 'LLM'}）")
        return "\n".join(lines)


def get_retriever(settings: Settings) -> Retriever:
    key = (str(settings.index_dir), settings.embedding_model, settings.chroma_host, settings.chroma_port)
    with _lock:
        if key not in _retrievers:
            _retrievers[key] = Retriever(settings)
        return _retrievers[key]


def _idf(retriever: Retriever, tok: str) -> float:
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
        return 1.0 if hits else 0.0  # no Japanese content words (e.g. English): decided by dense score
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
        weight = max(sum(_idf(retriever, p) for p in parts), IDF_FLOOR) * TERM_WEIGHT.get(t.pos, 1.0)
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


def _cite(n: int, h: Hit, quotes: list[str]) -> Citation:
    c = h.chunk
    return Citation(
        n=n, doc_id=c["doc_id"], title=c.get("doc_title", ""), short=c.get("doc_short", ""), page=c.get("page_label", ""),
        section=c.get("section", ""), kind=c.get("kind", ""), unit_title=c.get("unit_title", ""), text=c["text"],
        score=h.score, chunk_id=c["id"], quotes=quotes, page_indices=c.get("page_indices", []), boxes=c.get("boxes", []),
        source_file=c.get("source_file", ""),
    )


# ---- table look-up --------------------------------------------------------------------------
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
    focus_w = {t: _idf(retriever, t) for t in focus_tokens}
    focus_total = sum(focus_w.values()) or 1.0
    said = _bigrams(already_said) if already_said else set()
    subject = _subject(focus or question)
    q_tokens = list(dict.fromkeys(content_words(question)))
    weights = {t: _idf(retriever, t) for t in q_tokens}
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


def _figure_sentence(question: str, picked: list[tuple[Hit, str, float]]) -> int | None:
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


def _list_rows(question: str, hits: list[Hit], retriever: Retriever, max_rows: int = 6) -> list[tuple[Hit, str]]:
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


def _items(sentence: str) -> list[str]:
    """'①…、②…、③…' -> items, for list questions."""
    parts = re.split(r"(?=[①-⑳])", sentence)
    items = [p.strip("、。 ") for p in parts if re.match(r"^[①-⑳]", p)]
    return items if len(items) >= 3 else []


MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,、，]\s*\d+)*)\s*[\]］]")


def validate_citations(text: str, valid: set[int]) -> tuple[str, list[int], list[int]]:
    """Keep [n] markers that point at a passage given to the model; drop the others.

    Returns (text with only valid markers, cited numbers in order, invalid numbers seen).
    """
    used: list[int] = []
    bad: list[int] = []

    def fix(m: re.Match) -> str:
        nums = [int(x) for x in re.split(r"[,、，]", m.group(1))]
        ok = [n for n in nums if n in valid]
        bad.extend(n for n in nums if n not in valid)
        used.extend(n for n in ok if n not in used)
        return "".join(f"[{n}]" for n in ok)

    return MARKER.sub(fix, text), used, bad


def _timings(t0: float, t1: float, **extra: float) -> dict:
    out = {"retrieve": round((t1 - t0) * 1000, 1)}
    out.update({k: round(v * 1000, 1) for k, v in extra.items()})
    out["total"] = round((time.perf_counter() - t0) * 1000, 1)
    return out


def _extractive(question: str, standalone: str, hits: list[Hit], retriever: Retriever, note: str,
                t0: float, t1: float, history: list[dict] | None = None) -> Answer:
    cites: dict[str, Citation] = {}

    def marker(h: Hit, quote: str) -> str:
        cid = h.chunk["id"]
        if cid not in cites:
            cites[cid] = _cite(len(cites) + 1, h, [])
        if quote and quote not in cites[cid].quotes:
            cites[cid].quotes.append(quote)
        return f"[{cites[cid].n}]"

    lines: list[str] = []
    cell = table_lookup(standalone, hits)
    if cell:
        h, row, col, value = cell
        unit = h.chunk.get("unit_title", "表")
        unit_label = re.search(r"[（(]単位[:：](.+?)[）)]", h.chunk["text"])
        u = unit_label.group(1) if unit_label else ""
        era = next((m.group(0) for r in h.chunk.get("grid", [])[1:] if r and (m := re.match(r"令和|平成", r[0]))), "")
        if era and re.match(r"^\s*\d+\s*年度", row):
            row = f"{era} {row.strip()}"  # a table writes 令和 only on its first row: 「4年度」 is 「令和 4年度」
        row_label = f"「{row}」の" if row and len(h.chunk.get("grid", [])) > 2 else ""
        name = re.match(r"^(?:表|図|事例)[ \u3000]*\S*", unit)
        lines.append(f"{name.group(0) if name else '表'}によると、{row_label}「{col}」は {value}{u} です。{marker(h, value)}")
    focus = said = ""
    if history and standalone != question:  # a follow-up: answer what is new in it
        focus = question
        said = next((t.get("content", "") for t in reversed(history) if t.get("role") == "assistant"), "")
    picked = pick_sentences(standalone, hits, retriever, max_sentences=2 if cell else 3, focus=focus, already_said=said)
    is_list = bool(LIST_Q.search(question)) and not NUMERIC_Q.search(question)
    if not cell and NUMERIC_Q.search(standalone):
        lead = _figure_sentence(standalone, picked)
        if lead is not None:  # a count question: the sentence stating the figure leads, on its own line
            h, sent, _ = picked.pop(lead)
            lines.append(f"{sent}{marker(h, sent)}")
    rows = _list_rows(standalone, hits, retriever) if is_list and not cell else []
    if rows:  # a list question over a sentence table: the summary sentence, then the table's rows
        picked = [p for p in picked if not p[0].chunk.get("row") or p[0].chunk.get("unit_title") != rows[0][0].chunk.get(
            "unit_title")][:1]
    for h, sent, _score in picked:
        items = _items(sent) if is_list else []
        if items:
            lines.append(f"{sent.split('①')[0].strip()}{marker(h, sent)}")
            lines.extend(f"- {it}" for it in items)
        else:
            lines.append(f"- {sent}{marker(h, sent)}" if (lines or len(picked) > 1) else f"{sent}{marker(h, sent)}")
    if rows:
        lines.append(f"{rows[0][0].chunk.get('unit_title', '')}{marker(rows[0][0], '')}:")
        for h, item in rows:
            lines.append(f"- {item}{marker(h, item)}")
    text = "\n".join(lines) if lines else ABSTAIN_TEXT
    return Answer(question, text, not lines, "extractive", list(cites.values()), standalone,
                  _timings(t0, t1, compose=time.perf_counter() - t1), support=0.0, note=note)


def _abstain(question: str, standalone: str, hits: list[Hit], mode: str, note: str, t0: float, t1: float,
             support: float) -> Answer:
    related = [_cite(i + 1, h, []) for i, h in enumerate(hits[:3])]
    return Answer(question, ABSTAIN_TEXT + "近い内容の箇所を下に示します。", True, mode, [], standalone,
                  _timings(t0, t1), related=related, support=support, note=note)


def answer_stream(
    question: str,
    history: list[dict] | None = None,
    settings: Settings | None = None,
    mode: str | None = None,
    retriever: Retriever | None = None,
    filters: dict | None = None,
    k: int | None = None,
) -> Iterator[str | Answer]:
    """The one answer entry point, streaming: yields text pieces, then the final `Answer`.

    Text already yielded is provisional: when the LLM fails or cites nothing valid, the
    final Answer (extractive, with a note) replaces it, and the UI shows that instead.
    """
    from . import llm as llm_mod
    from .prompts import NOT_FOUND, answer_messages

    settings = settings or get_settings()
    t0 = time.perf_counter()
    question = (question or "").strip()
    if not question:
        raise ValueError("empty question / 質問が空です")
    question = question[:2000]
    retriever = retriever or get_retriever(settings)
    want_llm = (mode or settings.answer_mode) == "llm"
    use_llm = want_llm and settings.llm_enabled
    note = "" if not want_llm or use_llm else "LLMが設定されていないため、抽出方式で回答しました / no LLM configured: extractive answer"

    standalone = standalone_question(question, history)
    search_history = history
    if use_llm and history and is_follow_up(question):
        try:
            standalone = llm_mod.rewrite_question(settings, question, history)
            search_history = None
        except llm_mod.LLMError as err:
            note = f"{err.ja}（質問の書き換えは前の質問の語句で行いました）"
    hits = retriever.search(standalone if search_history is None else question, k=k or settings.top_k,
                            history=search_history, filters=filters)
    t1 = time.perf_counter()
    support = english_support(retriever, standalone, hits) if is_english(standalone) else support_score(
        retriever, standalone, hits)
    answerable = bool(hits) and support >= settings.abstain_threshold
    if answerable and is_english(standalone):
        note = "；".join(x for x in (note, "資料は日本語のため、原文（日本語）で回答します / quoting the Japanese documents") if x)
    if not answerable:
        ans = _abstain(question, standalone, hits, "llm" if use_llm else "extractive", note, t0, t1, support)
        yield ans.answer
        yield ans
        return

    if use_llm:
        passages = [(i + 1, _cite(i + 1, h, []).label, h.chunk["text"]) for i, h in enumerate(hits)]
        pieces: list[str] = []
        t_llm = time.perf_counter()
        try:
            for piece in llm_mod.stream_chat(settings, answer_messages(standalone, passages)):
                pieces.append(piece)
                yield piece
            raw = "".join(pieces).strip()
            text, used, bad = validate_citations(raw, set(range(1, len(hits) + 1)))
            llm_s = time.perf_counter() - t_llm
            if NOT_FOUND.rstrip("。") in text and not used:
                ans = _abstain(question, standalone, hits, "llm", note, t0, t1, support)
                ans.timings_ms["llm"] = round(llm_s * 1000, 1)
                yield ans
                return
            if used:
                cites = []
                for n in used:
                    c = _cite(n, hits[n - 1], [])
                    cites.append(c)
                flag = f"存在しない出典番号 {', '.join(f'[{b}]' for b in dict.fromkeys(bad))} を削除しました" if bad else ""
                ans = Answer(question, text, False, "llm", cites, standalone, _timings(t0, t1, llm=llm_s),
                             support=support, note="；".join(x for x in (note, flag) if x))
                ans.invalid_citations = sorted(set(bad))
                yield ans
                return
            note = "LLMの回答に有効な出典がなかったため、抽出方式で回答しました / the LLM answer cited no passage: extractive answer"
        except llm_mod.LLMError as err:
            note = f"{err.ja}。抽出方式で回答しました / {err.en}: extractive answer"
    compose_q = translate(standalone)[0] if is_english(standalone) else standalone
    ans = _extractive(question, compose_q, hits, retriever, note, t0, t1, history)
    ans.standalone_question = standalone
    ans.support = support
    yield from ans.answer.splitlines(keepends=True)
    yield ans


def answer_question(question: str, history: list[dict] | None = None, settings: Settings | None = None,
                    **options) -> Answer:
    """`answer_stream` without the streaming (same options: mode, retriever, filters, k): for the CLI and eval."""
    final = None
    for item in answer_stream(question, history, settings, **options):
        if isinstance(item, Answer):
            final = item
    assert final is not None
    return final
