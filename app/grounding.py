"""Is each sentence of an LLM answer backed by the passage it cites? Pure functions, no models.

A small model cites a passage and still writes a figure from the next column, or obeys an
order it found in a passage while citing it. One valid [n] per answer proves nothing, so
every sentence is checked on its own:

1. it cites at least one passage;
2. it says something checkable: at least `MIN_CONTENT_BIGRAMS` content bigrams besides
   its figures (a bare 「5県」 does not say what was counted);
3. its content is in the cited passages: no new word (below), so particles and です・ます
   may change but 知事 or 司法部 may not appear from nowhere;
4. every figure with its counter (12県, 9法人, 令和4年度, 3月19日, 15%) is in a cited
   passage, and when that passage is a table, in the cell of the row / column the sentence
   names: 「宅地建物取引業協会…12県」 fails when that column says 14, even though 12 is
   printed in the next column;
5. a figure is not denied where its source denies nothing (「居住支援法人を構成員にしていない県は
   12県」 against the cell 居住支援法人 = 12), and a total in the passage (「12県のうち5県では」)
   does not back a count;
6. every figure stands beside the sentence's words in one cited passage (`figure_in_context`):
   a figure of one passage given to the subject of another is a splice neither states;
7. the scope qualifiers the source sentence attaches to a noun or figure (一部の, 約, 以上 …)
   are kept and none is added (`scope_problem`), and no body the source marks as acting is
   made the one acted on, or the reverse (`role_problem`: 「国土交通省に対して…促す」 where the
   ministries urge the prefectures), and a list the source closes with its count (「北浜市、港南市、
   汐見市の3市が」) is not cut to some of its items (`list_problem`). The words for 5 and 7 are in
   app/resources/grounding.toml.

Checks 5–7 measured on the real 1.5B model's replies (Qwen2.5-Coder-1.5B-Instruct Q4_K_M: 77
sentences of 61 replies, the dev set and a 40-question sample of the banks): they refuse 3
sentences the earlier checks kept, all wrong (a denied figure, a swapped addressee, a closed list
cut to two of its three items), and no faithful one. Requiring the figure and the sentence's words in one passage *sentence* instead of
one passage would have refused 9 more sentences, all faithful (verbatim copies spanning two
passage sentences, table answers whose words are in the title), so 6 works at passage level.

How "found there" is decided, and why not a bigram-overlap threshold: the report is about
one topic, so 居住支援協議会, 市区町村, 構成員 are in every passage, and an invented sentence
(「居住支援法人の指定は都道府県知事が行います。」) shares 0.73 of its bigrams with some
passage while honest paraphrases go down to 0.80: no threshold separates them (measured on
tests/data/grounding_calibration.json, 30 paraphrases written the way a small model words
answers, against tests/data/grounding_invented.json, 15 plausible statements the report does
not make). What separates them is the new word: a run of kanji / katakana / letters is
covered when each adjacent pair of it is in the cited passage (compounds such as 毎回初対面
for 毎回お互いに初対面 pass), and a sentence is grounded only when no two neighbouring
characters are uncovered (one-character affixes such as 等 or 向け may differ). On that
data: all 30 paraphrases pass, 14 of 15 invented statements fail; the one that passes
(「市区町村は居住支援協議会を必ず設立しなければなりません」) changes only modality, which no
lexical check sees. `coverage` (share of content characters covered) is recorded for the eval.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MIN_CONTENT_BIGRAMS = 1

_CONTENT = r"0-9A-Za-z\u3005\u30a1-\u30fa\u30fc\u4e00-\u9fff"  # digits, latin, 々, katakana, ー, kanji (not ・)
_IS_CONTENT = re.compile(f"[{_CONTENT}]")
_RUN = re.compile(f"[{_CONTENT}]+")
MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,、，]\s*\d+)*)\s*[\]］]")
COUNTERS = ("年度|か年|年|か月|ヶ月|カ月|月|日|都道府県|市区町村|市町村|県|法人|団体|機関|事業者|事例|件|回|"
            "%|％|人|名|か所|箇所|カ所|割|倍|億円|万円|円|歳|世帯|戸|市|区|町|村|者|社|点|項目|校|時間|分|週")
FIGURE = re.compile(
    r"(?:令和|平成)(?:\d+|元)年(?:度|\d+月(?:\d+日)?)?"  # 令和4年度, 令和7年3月19日
    r"|\d+月\d+日"  # 3月19日
    rf"|\d+(?:\.\d+)?(?:{COUNTERS})"  # 12県, 15%
    r"|\d{2,}(?:-\d+)+|\d{3,}"  # a telephone number, a bare long number: a model invents these too
)
_ERA = re.compile(r"^(令和|平成)")
LEXICON_FILE = Path(__file__).resolve().parent / "resources" / "grounding.toml"
_HIRAGANA = "\u3041-\u3096"


@dataclass
class Verdict:
    """One sentence of an answer and whether it stands on its cited passages."""

    text: str
    sources: list[int]
    grounded: bool
    reason: str = ""  # why not, in Japanese, for the answer's note
    coverage: float = 0.0
    figures: list[str] = field(default_factory=list)


def normalize(text: str) -> str:
    """NFKC without whitespace or [n] markers: the PDF writes 「15 県」, the model 「15県」."""
    text = MARKER.sub("", unicodedata.normalize("NFKC", text or ""))
    return re.sub(r"\s+", "", text)


def figures(text: str) -> list[str]:
    """Figures with their counters, in order (12県, 令和4年度, 3月19日, 15%), from normalised text."""
    return [m.group(0) for m in FIGURE.finditer(normalize(text))]


def content_bigrams(text: str, without_figures: bool = True) -> set[str]:
    """Pairs of adjacent content characters; figures are blanked first so they are checked on their own."""
    t = normalize(text)
    if without_figures:
        t = FIGURE.sub("|", t)
    return {t[i : i + 2] for i in range(len(t) - 1) if _IS_CONTENT.match(t[i]) and _IS_CONTENT.match(t[i + 1])}


def new_words(sentence: str, passage_text: str) -> tuple[list[str], float]:
    """(stretches of two or more content characters the passage does not cover, share of content
    characters covered). A character is covered when a content bigram it is part of is in the passage."""
    have = content_bigrams(passage_text, without_figures=False)
    t = FIGURE.sub("|", normalize(sentence))
    new: list[str] = []
    total = covered = 0
    for run in _RUN.findall(t):
        if len(run) < 2:
            continue
        ok = [False] * len(run)
        for i in range(len(run) - 1):
            if run[i : i + 2] in have:
                ok[i] = ok[i + 1] = True
        total += len(run)
        covered += sum(ok)
        gap = ""
        for ch, good in zip(run + " ", ok + [True], strict=True):
            if good:
                if len(gap) >= 2:
                    new.append(gap)
                gap = ""
            else:
                gap += ch
    return new, (covered / total if total else 1.0)


def _number(fig: str) -> str:
    m = re.search(r"\d+(?:\.\d+)?", fig)
    return m.group(0) if m else ""


def _counter(fig: str) -> str:
    return re.sub(r"^.*?\d+(?:\.\d+)?", "", fig)


def _label_keys(label: str) -> list[str]:
    """The ways a sentence names a header: 「受刑者関係（保護観察所等）」 -> full, 受刑者関係, 保護観察所;
    「令和 3年度」 -> 令和3年度, 3年度. One-character labels (「県」) name nothing."""
    n = normalize(label)
    keys = [n, re.sub(r"[（(].*?[）)]", "", n), *re.findall(r"[（(](.+?)等?[）)]", n), _ERA.sub("", n)]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def _mentions(sent: str, label: str) -> list[int]:
    """Positions where the sentence names a label; 「1回」 is not named inside 「11回」."""
    out = []
    for key in _label_keys(label):
        for m in re.finditer(re.escape(key), sent):
            before = sent[m.start() - 1] if m.start() else ""
            after = sent[m.end()] if m.end() < len(sent) else ""
            if not (before.isdigit() or (key[-1].isdigit() and after.isdigit())):
                out.append(m.start())
    return out


def _nearest(pos: int, named: dict[int, list[int]]) -> int | None:
    """The header index whose mention is closest to a figure at `pos`."""
    best = min(((abs(p - pos), j) for j, ps in named.items() for p in ps), default=None)
    return best[1] if best else None


def _table_ok(fig: str, pos: int, sent: str, grid: list[list[str]], text: str) -> bool | None:
    """Check a figure against a table passage's grid: True / False, None when the grid does not hold it."""
    header, rows = grid[0], grid[1:]
    labels = {normalize(h) for h in header} | {normalize(r[0]) for r in rows if r}
    labels |= {_ERA.sub("", lab) for lab in labels}
    bare = _ERA.sub("", fig)
    if any(sent.startswith(lab, pos + len(fig) - len(bare)) for lab in labels if lab.startswith(bare)):
        return True  # 「0回」「4年度」「5回以上」 are headers the sentence names, not figures it states
    num, counter = _number(fig), _counter(fig)
    unit = re.search(r"[（(]単位[:：](.+?)[）)]", normalize(text))
    cells = [(i, j) for i, r in enumerate(rows) for j, c in enumerate(r) if j and normalize(c) == num]
    cells += [(i, j) for i, r in enumerate(rows) for j, c in enumerate(r) if j and normalize(c) == fig]
    if counter and unit and counter not in unit.group(1):
        cells = [(i, j) for i, j in cells if counter in normalize(header[j]) + normalize(rows[i][0])]
    if not cells:
        return None
    cols = {j: _mentions(sent, h) for j, h in enumerate(header) if j}
    rws = {i: _mentions(sent, r[0]) for i, r in enumerate(rows) if r}
    col = _nearest(pos, {j: p for j, p in cols.items() if p})
    row = _nearest(pos, {i: p for i, p in rws.items() if p})
    return any((col is None or j == col) and (row is None or i == row) for i, j in cells)


def _clause(sent: str, pos: int) -> str:
    start = max(sent.rfind(c, 0, pos) for c in "、。，,") + 1
    ends = [e for e in (sent.find(c, pos) for c in "、。，,") if e >= 0]
    return sent[start : min(ends) if ends else len(sent)]


def _full_sentence(text: str, pos: int) -> str:
    """The 。-delimited part of text around pos (a model's "sentence" may hold several)."""
    start = text.rfind("。", 0, pos) + 1
    end = text.find("。", pos)
    return text[start : end + 1 if end >= 0 else len(text)]


def _without_totals(text: str) -> str:
    """Text without 「15県のうち」-style totals, which are neither affirmed nor denied."""
    return re.sub(rf"(?:{FIGURE.pattern})(?:のうち|の中|中)", "|", text)


def negated(text: str) -> bool:
    """Does (normalised) text deny what it states (していない, なかった, せず)? Words in
    app/resources/grounding.toml [polarity]; 少ない or 必ず are not denials."""
    lex = lexicon()
    for word in lex.not_negative:
        text = text.replace(word, "|")
    if any(_number(f) in ("0", "0.0") for f in FIGURE.findall(text)):
        return True  # 「開催回数0回」 says what 「一度も開催しなかった」 says
    return any(w in text for w in lex.negative)


def figure_grounded(fig: str, pos: int, sent: str, chunk: dict) -> bool:
    """Is this figure, at `pos` in the normalised sentence, stated by this passage, and not denied
    where the passage affirms? (「居住支援法人を構成員にしていない県は12県」 is not the cell 居住支援法人 = 12.)"""
    text = normalize(chunk.get("text", ""))
    grid = chunk.get("grid") or []  # header row first
    total = _is_total(sent, pos + len(fig))  # 「15県のうち」: neither affirmed nor denied
    mine = not total and negated(_without_totals(_full_sentence(sent, pos)))
    if len(grid) >= 2:
        cell = _table_ok(fig, pos, sent, grid, chunk.get("text", ""))
        labels = normalize(" ".join([*grid[0], *(r[0] for r in grid[1:] if r), chunk.get("unit_title", "") or ""]))
        if cell and not (mine and not negated(labels)):
            return True
        # not in the named cell: only a title or note line that says the same thing may hold it
        # (「調査対象の15県のうち」 is the table's title, not a cell)
        clause = _clause(sent, pos)
        return any(_line_holds(fig, clause, mine, line, text, total)
                   for line in chunk.get("text", "").splitlines() if not line.lstrip().startswith("|"))
    # a text passage: the figure must be in a passage sentence that says what the clause around it
    # says (「12県」 in 「15県のうち12県では、会則…」 does not back 「宅地建物取引業協会…12県」)
    clause = _clause(sent, pos)
    lines = re.split(r"(?<=[。])|\n", chunk.get("text", ""))
    return any(_line_holds(fig, clause, mine, line, text, total) for line in lines)


def _is_total(text: str, end: int) -> bool:
    return text.startswith(("のうち", "の中", "中"), end)


def _line_holds(fig: str, clause: str, mine: bool, line: str, passage: str, total: bool = False) -> bool:
    """Does this passage line state the figure, in words the clause uses, and not denied where the line
    denies nothing? A total in the line (「12県のうち5県では」) backs only a total in the answer."""
    norm = normalize(line)
    era = _ERA.match(fig)
    key = fig if fig in norm else (_ERA.sub("", fig) if era and era.group(1) in passage else "")
    here = bool(key) and any(total or not _is_total(norm, m.end()) for m in re.finditer(re.escape(key), norm))
    if not here or new_words(clause, line)[0]:
        return False
    return not (mine and not negated(_without_totals(norm)))  # a denial the passage sentence has nowhere


# ---- scope qualifiers, figures beside their subject, who acts on whom (app/resources/grounding.toml)


@dataclass(frozen=True)
class Qualifier:
    """A group of words that limit the scope of a noun or figure (一部の~, ~以上, 約~)."""

    name: str
    forms: tuple[re.Pattern, ...]  # group "t" is the noun or figure qualified
    same: tuple[str, ...]  # words that keep the scope when the answer writes them near the target

    def targets(self, text: str) -> list[str]:
        """Nouns / figures this qualifier is attached to in (normalised) text."""
        out = []
        for rx in self.forms:
            for m in rx.finditer(text):
                t = m.group("t")
                fig = FIGURE.search(t)
                # 「開催回数5回以上」: the figure is what 以上 qualifies, not the whole run
                out.append(fig.group(0) if fig and (m.start("t") == m.start() or t.endswith(fig.group(0))) else t)
        return [t for t in dict.fromkeys(out) if len(t) >= 2 or FIGURE.fullmatch(t)]

    def near(self, text: str, target: str) -> bool:
        """Is a word of this group written next to some mention of target (within its clause)?"""
        for m in re.finditer(re.escape(target), text):
            window = text[max(0, m.start() - 12) : m.end() + 8]
            if any(w in window for w in self.same):
                return True
        return False


def _form(form: str) -> re.Pattern:
    before, _, after = form.partition("~")
    word = re.sub(r"^の|の$|^は|^を|^に", "", before or after)
    target = FIGURE.pattern if len(word) == 1 else rf"(?:{FIGURE.pattern})|[{_CONTENT}]+"
    if before and not after:  # 一部の~: the noun starts right after
        return re.compile(rf"{re.escape(before)}(?P<t>{target})")
    if after and not before:  # ~以上: the noun or figure ends right before
        return re.compile(rf"(?P<t>{target})(?<![{_HIRAGANA}]){re.escape(after)}")
    return re.compile(rf"{re.escape(before)}(?P<t>{target}){re.escape(after)}")


@dataclass(frozen=True)
class Lexicon:
    qualifiers: tuple[Qualifier, ...]
    agent: tuple[str, ...]
    target: tuple[str, ...]
    negative: tuple[str, ...] = ()
    not_negative: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """The qualifiers and role particles of app/resources/grounding.toml (format documented there)."""
    with open(path, "rb") as f:
        data = tomllib.load(f)
    quals = []
    for q in data.get("qualifier", []):
        forms = tuple(_form(unicodedata.normalize("NFKC", f)) for f in q["forms"])
        words = [re.sub(r"^の|の$|^は|^を|^に", "", w) for f in q["forms"] for w in f.split("~") if w]
        same = tuple(dict.fromkeys([*q.get("same", []), *words]))
        quals.append(Qualifier(q["name"], forms, same))
    roles = data.get("roles", {})
    pol = data.get("polarity", {})
    return Lexicon(tuple(quals), tuple(roles.get("agent", [])), tuple(roles.get("target", [])),
                   tuple(pol.get("negative", [])), tuple(pol.get("not_negative", [])))


def passage_sentences(text: str) -> list[str]:
    """A passage's sentences (or lines), normalised."""
    return [n for n in (normalize(p) for p in re.split(r"(?<=[。])|\n", text or "")) if n]


def _anchor(sent: str, cands: list[str]) -> str | None:
    """The passage sentence the answer sentence most likely comes from: most shared content bigrams."""
    mine = content_bigrams(sent, without_figures=False)
    return max(cands, key=lambda s: len(mine & content_bigrams(s, without_figures=False)), default=None)


def scope_problem(sent: str, cited_sentences: list[str]) -> str:
    """Why the (normalised) sentence changes the scope its source sentence gives a noun or figure, or "".

    Dropped: the source sentence says 「一部の調査対象県においては…」 and the answer names 調査対象県
    with no word of the 一部 group near it. Added: the answer writes 「全ての県が…」 and its source
    sentence has no word of that group at all."""
    for q in lexicon().qualifiers:
        for s in cited_sentences:
            for t in q.targets(s):
                if t not in sent or _anchor(sent, [c for c in cited_sentences if t in c]) != s:
                    continue
                if s.count(t) > len([m for rx in q.forms for m in rx.finditer(s) if t in m.group("t")]):
                    continue  # the source also names it without the qualifier: cannot tell which is meant
                if not q.near(sent, t):
                    return f"「{q.name}」の限定が抜けている（{t}）"
        for t in q.targets(sent):
            anchor = _anchor(sent, [c for c in cited_sentences if t in c])
            if anchor is not None and not any(w in anchor for w in q.same):
                return f"出典にない限定「{q.name}」（{t}）"
    return ""


_CLOSED_LIST = re.compile(rf"(?P<items>[{_CONTENT}]{{2,}}(?:、[{_CONTENT}]{{2,}})+)の(?P<n>\d+)")


def list_problem(sent: str, cited_sentences: list[str]) -> str:
    """Why the (normalised) sentence names part of a list its source closes with a count, or "":
    「北浜市、港南市、汐見市の3市が…実施しており」 written 「北浜市と港南市が…実施しており」 says those two
    are the ones. Naming one item, or all, or stating the count, is not refused."""
    for s in cited_sentences:
        for m in _CLOSED_LIST.finditer(s):
            items = m.group("items").split("、")
            named = [i for i in items if i in sent]
            if len(items) == int(m.group("n")) and 2 <= len(named) < len(items) and m.group("n") not in sent:
                return f"列挙の一部だけ（{'、'.join(i for i in items if i not in named)}が抜けている）"
    return ""


def _role_rx(particles: tuple[str, ...]) -> str:
    alts = []
    for p in sorted(particles, key=len, reverse=True):
        # a one-kana particle followed by more kana is another word (において, には, がある)
        alts.append(re.escape(p) + (f"(?![{_HIRAGANA}])" if p[-1] not in "てしるの" else ""))
    return "|".join(alts)


def roles(text: str) -> dict[str, set[str]]:
    """Nouns of a normalised sentence marked as acting ("agent": 県は, 県から) or acted on ("target":
    国に対して, 市区町村に); coordinated nouns (国土交通省及び厚生労働省は) share the particle."""
    lex = lexicon()
    out: dict[str, set[str]] = {}
    for role, parts in (("target", lex.target), ("agent", lex.agent)):
        rx = re.compile(rf"((?:[{_CONTENT}]+(?:及び|および|並びに|又は|または|と|や))*[{_CONTENT}]+)(?:{_role_rx(parts)})")
        # 「都道府県（都道府県居住支援協議会）が」: the parenthesis names the same body
        for m in rx.finditer(re.sub(r"[(（][^()（）]*[)）]", "", FIGURE.sub("|", text))):
            for noun in re.split(r"及び|および|並びに|又は|または|と|や", m.group(1)):
                if len(noun) >= 2:
                    out.setdefault(noun, set()).add(role)
    return out


def role_problem(sent: str, cited_sentences: list[str]) -> str:
    """Why the (normalised) sentence swaps who acts and who is acted on, or "": a noun the answer
    marks as agent that its source sentence marks only as target, or the reverse
    (「国土交通省に対して…促すこと」 from 「国土交通省及び厚生労働省は、…都道府県に対し…促すこと」)."""
    for noun, mine in roles(sent).items():
        anchor = _anchor(sent, [c for c in cited_sentences if noun in c])
        theirs = roles(anchor).get(noun, set()) if anchor else set()
        if theirs and not theirs & mine:
            return f"「{noun}」の立場（{'する側' if 'agent' in mine else '受ける側'}）が出典と逆"
    return ""


def figure_in_context(sent: str, chunk: dict, question: str = "") -> bool:
    """Does this passage, which holds the figure, also hold every word of the sentence? A figure must
    stand beside the nouns it is said of in one passage, not in one passage while the sentence's
    subject comes from another (a splice: two true statements joined into a claim neither makes).
    The passage's title (unit, section) counts as its text: 「当県」 is named in 事例 4-①'s title.
    Words of the question count too (「受刑者関係の機関」 restates the question): that a question's
    subject is not given a figure from elsewhere is the clause check's job (figure_grounded)."""
    text = "\n".join([chunk.get("text", ""), chunk.get("unit_title", "") or "", chunk.get("section_title", "") or "",
                      FIGURE.sub("|", question)])
    return not new_words(sent, text)[0]


def ground_sentence(text: str, sources: list[int], passages: dict[int, dict], question: str = "") -> Verdict:
    """The checks 1–7 above for one sentence; `passages` maps a passage number to its chunk dict.

    Words of the question count as known (an answer restates 「受刑者関係の機関」), figures never:
    a figure must come from a cited passage, whatever the question asserts."""
    cited = [passages[n] for n in sources if n in passages]
    sent = normalize(text)
    figs = [(m.group(0), m.start()) for m in FIGURE.finditer(sent)]
    v = Verdict(text, list(sources), False, figures=[f for f, _ in figs])
    if not cited:
        v.reason = "出典がない"
        return v
    if len(content_bigrams(text)) < MIN_CONTENT_BIGRAMS:
        v.reason = "確かめられる内容がない"
        return v
    new, v.coverage = new_words(text, "\n".join([*(c.get("text", "") for c in cited), FIGURE.sub("|", question)]))
    if new:
        v.reason = f"出典にない語句（{'、'.join(new[:3])}）"
        return v
    for fig, pos in figs:
        holding = [c for c in cited if figure_grounded(fig, pos, sent, c)]
        if not holding:
            v.reason = f"数値「{fig}」が出典の該当箇所にない"
            return v
        if not any(figure_in_context(text, c, question) for c in holding):
            v.reason = f"数値「{fig}」と文の語句が同じ出典にない"
            return v
    cited_sentences = [s for c in cited for s in passage_sentences(c.get("text", ""))]
    for part in passage_sentences(sent):  # a reply "sentence" may copy several: each has its own source
        v.reason = (v.reason or scope_problem(part, cited_sentences) or list_problem(part, cited_sentences)
                    or role_problem(part, cited_sentences))
    v.grounded = not v.reason
    return v


def split_marked(text: str) -> list[tuple[str, list[int]]]:
    """Plain text with [n] markers -> (sentence, its passage numbers), for a server that ignored the schema.

    A marker belongs to the sentence it follows (「…。[1]」 or 「…[1]。」); a sentence without one
    takes the next marker on the same line (「A。B。[1]」 cites [1] for both: the new-word check
    still tests each on its own).
    """
    out: list[tuple[str, list[int]]] = []
    marks = r"(?:[\[［]\s*\d+(?:\s*[,、，]\s*\d+)*\s*[\]］]\s*)+"
    for line in (text or "").splitlines():
        line = re.sub(rf"([。！？!?])\s*({marks})", r"\2\1", line)  # markers before the full stop
        pending: list[str] = []
        for part in re.split(r"(?<=[。！？!?])", line):
            nums = [int(x) for m in MARKER.finditer(part) for x in re.split(r"[,、，]", m.group(1))]
            sent = re.sub(r"\s+(?=[。！？!?]$)", "", MARKER.sub("", part)).strip()
            if not nums:
                if sent:
                    pending.append(sent)
                continue
            nums = list(dict.fromkeys(nums))
            out.extend((p, list(nums)) for p in [*pending, sent] if p)
            pending = []
        out.extend((p, []) for p in pending)
    return out


_QUESTION_SHAPE = re.compile(r"(か|かね|の)[。？?]?$|[？?]$|(教えて|示して|説明して)(ください|下さい)?[。]?$|(何|どの|どう|どこ|いつ|誰|いくつ|いくら)")
GENERIC_QUESTION_WORDS = frozenset("内容 具体的 具体 場合 方法 理由 結果 状況 件数 数 何 種類 例 事例 成果 詳細 概要 点 他 以外".split())


def rewrite_is_faithful(rewrite: str, question: str, history: list[dict]) -> bool:
    """Does a rewritten follow-up keep to the words of the question and the history?

    It must read as a question (not an answer such as 「…は、司法部です。」), carry no figure
    absent from both, and add no new word (two or more neighbouring content characters
    covered by no bigram of the question or the history) except generic question words
    (成果, 内容, 具体的 …) that add no fact.
    """
    source = "\n".join([question, *(str(t.get("content", "")) for t in history)])
    norm_src = normalize(source)
    if not _QUESTION_SHAPE.search(normalize(rewrite)) or re.search(r"(です|ます|でした|ました)。?$", normalize(rewrite)):
        return False
    if any(f not in norm_src for f in figures(rewrite)):
        return False
    new, _ = new_words(rewrite, source)
    return all(w in GENERIC_QUESTION_WORDS for w in new)
