"""Which sentences of the retrieved passages answer the question: features per sentence and a
fitted scorer.

Until now the composer added hand-set weights (overlap + 0.5 dense + 0.5 bigrams …) chosen while
looking at the dev questions. Here every candidate sentence gets a feature vector (pure text logic
over the passages and one `Query`), and a listwise model fitted on the question banks' training
folds (`python -m eval.fit_sentences`, `make fit`) turns it into a score. The hand weights stay as
the fallback model (no fitted file) and as the baseline the fit is compared with.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.asking import QUESTION_MARK, asks_sentence
from ingest.clean import normalize, passage_parts, squash
from ingest.tokens import content_words
from ingest.vocabulary import vocabulary

from .answer_kinds import ANSWER_LOOKS, finest
from .counting import arabic_figures, figure_pattern, same_counter
from .query import NEGATION, Query, synonym_others
from .retrieve import Hit, Retriever
from .specifiers import held, kanji_number, other_ordinal, other_time

MODEL_FILE = Path(__file__).with_name("resources") / "sentence_model.json"
TOP_PASSAGES = 4  # sentences are taken from this many passages

FIGURE = figure_pattern()  # a figure with its counter (45店, 1万2千世帯): app/counting.py
SPEAKER = re.compile(r"^(?:【(?P<a>[^】]{1,30})】|[○◯●◎]\s*(?P<b>[^：:\s]{1,30})\s*[：:]?)")
# a line that asks (an FAQ's Q, a heading phrased as a question): it names the topic, its answer follows
# (a record's field that asks — 【質問】【要望事項】 — or answers — 【回答】【県の回答】: labels from the vocabulary)
_ANSWERS = "|".join(map(re.escape, vocabulary().answer_labels)) or "回答"


def is_question_line(sent: str) -> bool:
    """A line that asks: marked as a question (Q1．, 問2：, 【質問】), or a sentence that asks by its ending
    (ingest.asking: ？, a か that asks, 「…について伺います。」; a heading ending in a bare か does not). The same check ingest uses to read a turn with its reply."""
    ns = normalize(sent)
    if QUESTION_MARK.search(ns):
        return True
    bare = ns.rstrip().rstrip("」』)")
    if bare.endswith("か") and not bare.endswith(("ですか", "ますか", "でしょうか")):
        return False  # 「居住支援法人とは何か」: a heading phrased as a question, over the text that explains it
    return asks_sentence(ns)


ANSWER_LINE = re.compile(rf"^(?:A\s*\d*\s*[.．:：、]|答\s*[.．:：]|【(?:{_ANSWERS})】)")
# 「A 県では…」: an answer mark set apart from its text — an answer only under a question (「A 賃貸住宅」 is an option)
ANSWER_AFTER_Q = re.compile(r"^A\s+(?=[^\x00-\x7f])")
# a list item: it belongs to the title or lead-in above it, however short it is
# (an official numbering's 「1　…」 and 「ア　…」 levels set their mark apart by a full-width space)
ITEM_LINE = re.compile(r"^\s*(?:[①-⑳]|[・･\-－‐•◦]|[（(]\d{1,2}[）)]|\d{1,2}[.．)）]\s|[ア-ン][.．)）]|[a-z][.)）]|"
                       r"\d{1,2}\u3000|[ア-ン][\u3000 ])")
# a sentence that announces what follows (「…は次のとおりです。」「…の例：」): the items answer
LEAD_IN = re.compile(r"(?:次|以下|下記|左記|右記)の(?:とおり|通り|ような|ように|よう)[^。]{0,12}[。：:]?$|[：:]$")

FEATURES = (
    "overlap", "dense", "grams", "rank", "focus", "speaker_match", "speaker_other", "said", "negation",
    "figure", "counter_figure", "kind_match", "kind_missing", "question_line", "answer_line", "title_line",
    "lead_in", "length", "q_match", "context", "spec_held", "spec_other", "kind_label",
)
# The weights the composer used before fitting (the fallback and the baseline of `eval.fit_sentences`).
HAND_WEIGHTS = {"overlap": 1.0, "dense": 0.5, "grams": 0.5, "rank": 0.2, "focus": 0.5, "speaker_match": 0.2,
                "speaker_other": -0.4, "said": -1.0, "negation": 0.2, "figure": 0.15, "counter_figure": 0.25}


# a key/value line (after its item mark, ITEM_LINE): a short label set apart from its value by a colon, a full-width
# space or a wide gap (「（1）日時　令和8年…」「会場：県民会館」), or by one space before a figure (「定員 100名」). Read on
# the text as printed: NFKC would make the full-width space a plain one.
LABELLED = re.compile(r"^[【\[〈](?P<bracketed>[^】\]〉]{1,8})[】\]〉]|"
                      r"^(?P<label>[^\s:：、。【】\[\]]{1,8}?)\s*(?:[:：]|\u3000|\s{2,})|"
                      r"^(?P<short>[^\s:：、。]{1,4}) (?=\d)")


UNIT = re.compile(r"[（(]単位[:：]\s*(.+?)[）)]")  # a table's unit line: what its figures count, no statement
# a label set letter-spaced (「日　時　令和8年…」「場 所 …」)
SPACED_LABEL = re.compile(r"^((?:[^\s:：、。][ \u3000]){1,3}[^\s:：、。])(?:\s*[:：]|[ \u3000]+)")


def labels_kind(sent: str, kinds: tuple[str, ...]) -> bool:
    """The sentence is a key/value line whose label names a kind of answer asked for (日時 for いつ, 会場 for どこで):
    the value beside the label answers, whatever words the question shares with it."""
    if not kinds:
        return False
    text = sent.strip()
    mark = ITEM_LINE.match(text)
    rest = text[mark.end():].lstrip(" ") if mark else text
    m = LABELLED.match(rest)
    if not m:
        return False
    label = normalize(re.sub(r"\s", "", m.group("bracketed") or m.group("label") or m.group("short")))
    spaced = SPACED_LABEL.match(rest)  # 「日　時　令和8年…」「場　所　…」: a label set letter-spaced
    found = [label, *([re.sub(r"\s", "", normalize(spaced.group(1)))] if spaced else [])]
    labels = vocabulary().kind_labels
    return any(lab in labels.get(k, ()) for k in kinds for lab in found)



def speaker_of(sent: str) -> str:
    m = SPEAKER.match(normalize(sent))
    return (m.group("a") or m.group("b") or "") if m else ""


def subject_of(text: str) -> str:
    """Whose view a question asks for: 「…について、居住支援法人はどのような要望を…」 -> 居住支援法人."""
    m = re.search(r"([一-龥ァ-ヶー]+?)(?:側)?(?:は|が)(?:どのような|どう|何を|なんて|どんな|何と)", normalize(text))
    return m.group(1) if m else ""


def bigrams(text: str) -> set[str]:
    """Character bigrams (NFKC, no spaces or punctuation): they see inflection and particles
    (構成員にしていない県 ~ 構成員としていない県) that content words drop."""
    t = re.sub(r"[\s、。，．,.「」（）()？?！!・]", "", normalize(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def is_title_line(sent: str) -> bool:
    """A short line without sentence-final punctuation: a heading, a box or slide title, a label."""
    t = sent.strip()
    return 0 < len(t) <= 30 and not re.search(r"[。．！？!?）)」』]$", t) and not FIGURE.search(normalize(t))


def is_caption(sent: str, chunk: dict) -> bool:
    s = squash(sent)
    return s == squash(chunk.get("unit_title", "")) or bool(re.match(r"^(表|図|事例)\d+[-－]?[①-⑳\d]*[^。]{0,60}$", s))


@dataclass
class Candidate:
    """One sentence of a retrieved passage, with what the scorer sees of it."""

    hit: Hit
    rank: int  # the passage's place in the hit list (0 = first)
    index: int  # the sentence's place in its passage
    text: str
    features: dict[str, float] = field(default_factory=dict)


def passage_sentences(hit: Hit) -> list[str]:
    """The passage's sentences; a line that is only a figure joins the line it labels (a slide's big number:
    「4,812件」 over 「令和6年度に…受けた相談件数。」, or under a short label), so the figure is quoted with it."""
    parts = passage_parts(hit.chunk["text"])
    out: list[str] = []
    joined: set[int] = set()  # lines of `out` that already hold a figure line
    i = 0
    while i < len(parts):
        p = parts[i]
        if figure_only(p):
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            ahead = bool(nxt) and not figure_only(nxt) and not nxt.startswith("|")
            if ahead and nxt.rstrip().endswith(("。", "．")):  # the sentence under a big figure says what it counts
                out.append(f"{p} {nxt}")
                joined.add(len(out) - 1)
                i += 2
                continue
            if out and len(out) - 1 not in joined and _is_label(out[-1]):  # a short label over its figure
                out[-1] = f"{out[-1]} {p}"
                joined.add(len(out) - 1)
                i += 1
                continue
            if ahead and len(squash(nxt)) > LABEL_CHARS:
                out.append(f"{p} {nxt}")
                joined.add(len(out) - 1)
                i += 2
                continue
        out.append(p)
        i += 1
    return out


def _is_label(line: str) -> bool:
    return len(squash(line)) <= LABEL_CHARS and not line.startswith("|") and not FIGURE.search(normalize(line)) \
        and not line.rstrip().endswith(("。", "．"))


LABEL_CHARS = 16  # a short label line (相談件数) a figure under it belongs to
_QUALIFIER = re.compile(r"^(?:約|およそ|計|合計|累計|延べ|最大|最高)|(?:増|減|増加|減少|以上|以下|程度)$")


def figure_only(line: str) -> bool:
    """The line is a figure with its counter and nothing else (「4,812件」「約2割増」「23法人」)."""
    ns = squash(normalize(line))
    m = FIGURE.search(ns) or ANSWER_LOOKS["money"].search(ns)
    if not m or len(ns) > 16:
        return False
    rest = _QUALIFIER.sub("", ns.replace(m.group(0), "", 1))
    return not re.sub(r"[（）()、。・:：\-~〜～→]", "", rest)


FORWARD = re.compile(r"次|以下|下記|掲げる|[：:]$")


# a line marked as one of a list: the numbered and dotted items, and the marks a list is set with (●, ■, ◆, ★)
MARKED_LINE = re.compile(rf"{ITEM_LINE.pattern}|^\s*[●○■□◆◇★☆▶▷✓✔☑☐]")
# a count stated with its counter (2法人, 3つ, 三つの): how many items the sentence speaks of
COUNTED = re.compile(r"(?<![\d,.])(\d{1,2}|[二三四五六七八九十])\s*(?:つ|[^\d\s、。，,（）()「」をはがのにでとも]{1,3}?)(?:を|が|は|の|に|で|と|、|。|$)")


def in_marked_run(sents: list[str], i: int) -> bool:
    """The line is one of two or more lines set with the same mark (●…, ●…): a list's item. A lone ■ line is a
    heading (■その他)."""
    m = MARKED_LINE.match(sents[i])
    if not m:
        return False
    mark = sents[i].lstrip()[:1]
    return any(0 <= k < len(sents) and sents[k].lstrip()[:1] == mark for k in (i - 1, i + 1))


_ITEM_FAMILIES = (
    ("circled", re.compile(r"[①-⑳]")),
    ("paren", re.compile(r"[（(]\s*\d{1,2}\s*[）)]")),
    ("number", re.compile(r"\d{1,2}\s*[.．)）]|\d{1,2}\u3000")),
    ("katakana", re.compile(r"[ア-ン]\s*[.．)）]|[ア-ン][\u3000 ]")),
    ("latin", re.compile(r"[a-z][.)）]")),
)


def item_family(line: str) -> str:
    """Which kind of list mark a line opens with (MARKED_LINE: numbered items by their kind of
    number, each bullet or symbol by itself), or '' for a line that is no item."""
    s = line.lstrip()
    if not MARKED_LINE.match(s):
        return ""
    return next((name for name, rx in _ITEM_FAMILIES if rx.match(s)), s[0])


def introduces_list(sents: list[str], i: int) -> bool:
    """A sentence that points forward (次の4つの役割, 次に掲げる書類, …：) with list items right under it:
    the items are its answer (the wording of the pointer varies; the layout under it does not). So does a
    sentence counting what the list then names one by one (「新たに2法人を指定しました。」 over two ● lines,
    perhaps after one sentence more): the items are what it counted."""
    s = sents[i]
    if i + 1 >= len(sents) or (ITEM_LINE.match(s) and item_family(s) == item_family(sents[i + 1])):
        return False  # an item introduces no list of its own kind (「1　…次のいずれか」 does introduce 「ア　…」)
    if FORWARD.search(normalize(s)) and ITEM_LINE.match(sents[i + 1]):
        return True  # 「○ 協議会は次の4つの役割を担う。」 over (1)…(4): a marked paragraph may point forward too
    if MARKED_LINE.match(s):
        return False  # a marked line counting something is one of a list, not its lead
    counts = {int(n) if n.isdigit() else kanji_number(n) for n in (m.group(1) for m in COUNTED.finditer(normalize(s)))}
    for start in (i + 1, i + 2):  # the items right under it, or after one sentence that goes on about the count
        run = 0
        while start + run < len(sents) and MARKED_LINE.match(sents[start + run]):
            run += 1
        if run >= 2 and run in counts:
            return True
        if run or start >= len(sents) or MARKED_LINE.match(sents[start]):
            break
    return False


POINTS_AT = re.compile(r"次の|次に|以下の|下記の|掲げる|[：:]$")


def points_at_marks(sents: list[str], i: int) -> bool:
    """The sentence points forward over a run of lines set with one mark (「次の書類がそろっているか確認してください。」
    over □ lines): the lines are what it points at. (A sentence read as a lead-in already brings the items under it,
    to its own end; 「順次、…」 points at nothing.)"""
    return (i + 1 < len(sents) and not MARKED_LINE.match(sents[i]) and bool(POINTS_AT.search(normalize(sents[i])))
            and in_marked_run(sents, i + 1))


def candidates(q: Query, hits: list[Hit], retriever: Retriever, already_said: str = "") -> list[Candidate]:
    """Every sentence of the top passages that could answer, with its features (no model involved)."""
    text = q.compose_text
    focus_w = {t: retriever.idf(t) for t in q.focus_tokens}
    focus_total = sum(focus_w.values()) or 1.0
    said = bigrams(already_said) if already_said else set()
    subject = subject_of(q.raw if q.follow_up else text)
    weights = {t: retriever.idf(t) for t in dict.fromkeys(content_words(text))}
    total = sum(weights.values()) or 1.0
    # a question word is held by a sentence in another form of its vocabulary group too (「立ち上げる準備」 by
    # 「設立準備補助金」), as coverage and answerability read it: each word, the other forms that stand for it
    others = synonym_others(tuple(weights))
    q_grams = bigrams(text)
    top = hits[:TOP_PASSAGES]
    dense_all = [v for h in top for v in h.sentence_scores.values()]
    lo, hi = (min(dense_all), max(dense_all)) if dense_all else (0.0, 0.0)
    out: list[Candidate] = []
    for r, h in enumerate(top):
        block = ""  # a labelled block (【…の意見】, ○委員) speaks until the next label
        after_question = asked_before = False
        q_overlap = 0.0  # how well the last question line (an FAQ's Q) matches the question: its answer inherits it
        prev_toks: set[str] = set()  # the previous sentence's words: 「共同設置の場合は…。申請は代表となる市町村が…」
        # the words of the title the sentence stands under: its section's (「4　締結式」 over 「（1）日時　令和8年5月26日」)
        # and the last title line above it in the passage
        path = h.chunk.get("section_path") or []
        section_toks = set(content_words(path[-1])) if path else set()
        title_toks: set[str] = set()
        sents = passage_sentences(h)
        for s_i, s in enumerate(sents):
            block = speaker_of(s) or block
            ns = normalize(s)
            is_q = is_question_line(ns)
            marked = bool(ANSWER_LINE.match(ns)) or (asked_before and bool(ANSWER_AFTER_Q.match(ns)))
            is_a = marked or (after_question and not is_q)
            asked_before = asked_before or is_q
            # an answer runs from its Q (or its A label) to the next question or title line
            after_question = is_q or marked or (after_question and not is_title_line(s))
            toks = set(content_words(s))
            overlap = sum(w for t, w in weights.items()
                          if t in toks or any(all(o in toks for o in form) for form in others.get(t, ()))) / total
            # the question's words that only the sentence before holds: the condition a statement continues; or the
            # label of the block it stands in (「○A委員（NPO法人…）」 speaks for the sentences after it too)
            above = prev_toks | section_toks | title_toks | (set(content_words(block)) if block else set())
            context = sum(w for t, w in weights.items() if t in above and t not in toks) / total
            prev_toks = toks
            if is_title_line(s) and not is_q:
                title_toks = toks
            if is_q:
                q_overlap = overlap
            if len(squash(s)) < 6 or s.startswith("|") or is_caption(s, h.chunk) or UNIT.fullmatch(s.strip()):
                continue
            cos = h.sentence_scores.get(s)
            if cos is None:  # a figure joined to its label: the label's own cosine
                cos = max((v for k, v in h.sentence_scores.items() if len(k.strip()) > 5 and k.strip() in s), default=None)
            nv = arabic_figures(ns)  # 「月に一回訪問」「十四の団体」 hold a figure as 「月に1回」 does
            units = [m.group("unit") for m in FIGURE.finditer(nv)] if q.numeric else []
            match = any(ANSWER_LOOKS[k].search(nv) for k in finest(q.asks))
            f = {
                "overlap": overlap,
                "dense": (cos - lo) / (hi - lo) if cos is not None and hi > lo else 0.0,
                "grams": len(q_grams & bigrams(s)) / len(q_grams) if q_grams else 0.0,
                "rank": 1.0 / (r + 1),
                "focus": sum(w for t, w in focus_w.items() if t in toks) / focus_total if focus_w else 0.0,
                "speaker_match": 0.0, "speaker_other": 0.0,
                "said": 0.0,
                "negation": float(q.negated and bool(NEGATION.search(ns))),
                "figure": float(bool(units)),
                "counter_figure": float(bool(q.counter) and any(same_counter(q.counter, u) for u in units)),
                "kind_match": float(bool(q.asks) and match),
                "kind_missing": float(bool(q.asks) and not match),
                "question_line": float(is_q),
                "answer_line": float(is_a),
                "title_line": float(is_title_line(s)),
                "lead_in": float(bool(LEAD_IN.search(ns)) or introduces_list(sents, s_i)),
                "length": math.log1p(len(squash(s))) / 5.0,
                "q_match": q_overlap if is_a else 0.0,
                "context": context,
                # what singles out the asked thing (a year, a month, 第2回, a place, a speaker): stated, or another
                # of its kind stated instead (「9月末時点では」 where 10月末 is asked)
                "spec_held": held(q.specs, s) if q.specs else 0.0,
                "spec_other": float(bool(q.specs) and (other_time(q.specs, s) or other_ordinal(q.specs, s))),
                "kind_label": float(labels_kind(s, q.asks)),
            }
            if subject and block:  # a labelled statement: whose view the question asks for
                mine = block in subject or subject in block or subject in block.replace("の意見", "")
                f["speaker_match" if mine else "speaker_other"] = 1.0
            if said:
                s_grams = bigrams(s)
                f["said"] = float(bool(s_grams) and len(s_grams & said) / len(s_grams) > 0.6)
            out.append(Candidate(h, r, s_i, s, f))
    return out


@dataclass(frozen=True)
class SentenceModel:
    """score = intercept + Σ coef·(x - mean)/scale; the hand weights use mean 0, scale 1."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    keep_ratio: float = 0.6  # sentences scoring below this share of the best one are not shown
    link: str = "softmax"  # "softmax": a listwise score, kept within a probability ratio of the best;
    # "identity": the hand weights' plain sum, kept above keep_ratio × the best
    meta: dict = field(default_factory=dict, hash=False, compare=False)

    def score(self, f: dict[str, float]) -> float:
        z = self.intercept + sum(c * (f.get(n, 0.0) - m) / s
                                 for n, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True))
        return z

    def keep(self, score: float, best: float) -> bool:
        """Is a sentence scored `score` worth showing beside the best one?"""
        if self.link == "softmax":  # its softmax probability is at least keep_ratio of the best's
            return math.exp(min(0.0, score - best)) >= self.keep_ratio
        return score >= best * self.keep_ratio

    def to_json(self) -> dict:
        return {"names": list(self.names), "mean": list(self.mean), "scale": list(self.scale), "coef": list(self.coef),
                "intercept": self.intercept, "keep_ratio": self.keep_ratio, "link": self.link, "meta": self.meta}

    @classmethod
    def from_json(cls, d: dict) -> SentenceModel:
        return cls(tuple(d["names"]), tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]), float(d["intercept"]),
                   float(d.get("keep_ratio", 0.6)), d.get("link", "softmax"), d.get("meta", {}))


def hand_model() -> SentenceModel:
    """The pre-fitting weights, as a model: their plain sum is the score, as before."""
    return SentenceModel(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES),
                         tuple(HAND_WEIGHTS.get(n, 0.0) for n in FEATURES), 0.0, 0.6, "identity", {"fitted": False})


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_FILE)) -> SentenceModel:
    """The fitted model, or the hand weights when no fitted file exists or it names other features."""
    p = Path(path)
    if not p.exists():
        return hand_model()
    model = SentenceModel.from_json(json.loads(p.read_text(encoding="utf-8")))
    if model.names != FEATURES:  # fitted on other features: say so rather than score with misread weights
        warnings.warn(f"{p.name} was fitted on other sentence features; using the hand weights "
                      "(run `make fit`)", stacklevel=2)
        return hand_model()
    return model
