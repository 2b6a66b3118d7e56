"""The extractive composer's pieces: table look-up, sentence choice, figure leads, list rows.

Pure text logic over retrieved passages and one analysed `Query` (no model calls). Every
rule is general: a cell is read from any table whose row and column the question names; a
negated count reads a column meaning zero/none; a statement labelled with a speaker
(【…の意見】, 「○委員：」) counts for the question's subject; a list question over a table of
statements gives its rows. Words come from the vocabulary data file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ingest.clean import (
    BRACKETED,
    FIGURE_CELL,
    is_row_number_head,
    is_schedule,
    normalize,
    split_sentences,
    squash,
)
from ingest.headings import unit_key, unit_refs
from ingest.tokens import content_words
from ingest.unruled import without_status
from ingest.vocabulary import expand_short_forms, vocabulary

from .answer_kinds import ANSWER_LOOKS, RATE_HEAD, finest, value_kinds
from .counting import NUMBER, counts_in, same_counter, to_number, units_in
from .doc_head import doc_head, names_prefecture, prefecture_names, same_name, sole_prefecture
from .query import (
    NEGATION,
    ZERO_Q,
    Query,
    contains_run,
    not_done,
    synonym_members,
    synonym_others,
    synonym_tokens,
)
from .retrieve import PLACEHOLDER, Hit, Retriever, is_blank_form
from .sentence_rank import (
    ANSWER_LINE,
    FIGURE,
    ITEM_LINE,
    MARKED_LINE,
    SPEAKER,
    TOP_PASSAGES,
    UNIT,
    SentenceModel,
    bigrams,
    candidates,
    in_marked_run,
    introduces_list,
    is_caption,
    is_question_line,
    is_title_line,
    item_family,
    passage_sentences,
    points_at_marks,
    speaker_of,
    subject_of,
)
from .sentence_rank import load_model as load_sentence_model
from .specifiers import (
    QUOTED,
    compared_places,
    document_scope,
    held,
    is_region,
    kanji_number,
    other_ordinal,
    stated,
    unit_named,
)

TOTAL_Q = re.compile(r"合計|全体|計|延べ|総数")
SUBTOTAL = re.compile(r"(?:小|合|総)?計")  # a group's own total row, named only with its group
# sentence openers that lean on the sentence before them (Japanese grammar, not domain words)
CONNECTIVE = re.compile(r"^(また|さらに|加えて|このうち|その上で|併せて|あわせて|一方|他方|これを受けて|これにより|"
                        r"そのため|このため|その結果|これらの|しかし|ただし|なお|そこで|同様に|上記のように|以上のように|"
                        r"このように|こうした中|(?:この場合において|この場合|その場合)(?=[、，,]))[、，,]?")
# openers kept when a quote is shown without its antecedent: they narrow the subject or set a condition
KEEP_OPENERS = frozenset({"このうち", "これらの", "この場合において", "この場合", "その場合"})
# a statute's second sentence that extends the first (後段): 「その職を退いた後も、同様とする。」
SAME_AS_BEFORE = re.compile(r"も[、，,]?\s*同様と(?:する|します)。?$")
NO_FIGURE = re.compile(r"^[\s\-−‐―—－ー…‥･・*＊×x]+$")  # a dash or mark printed in a cell that has no figure
LEADING_ROW_NO = re.compile(r"^\s*(?:№\s*)?\d{1,3}[ \u3000\n]+(?=\D)")


def leans_back(sent: str) -> bool:
    """A sentence that cannot stand without the one before it: an opener that leans on it, or a 後段 extending it."""
    return bool(CONNECTIVE.match(sent) or SAME_AS_BEFORE.search(sent.strip()))


def _cell_key(text: str) -> str:
    return squash(text)


def _header_names(head: str) -> list[str]:
    """A header and its parts: 「受刑者関係（保護観察所等）」 is also 「受刑者関係」 and 「保護観察所」."""
    names = [head, *re.split(r"[（()）]", head)]
    if re.search(r"\S\s+\S", head.strip()):  # a two-level header read as 「年度末 令和6年度末」: its own label last
        names.append(head.split()[-1])
    keys = [_cell_key(re.sub(r"(等|など)$", "", n.strip())) for n in names]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def _is_zero_header(head: str) -> bool:
    h = _cell_key(head)
    return any(h == z or h.startswith(z) and not h[len(z):len(z) + 1].isdigit() for z in vocabulary().zero_headers)


def row_labels(grid: list[list[str]]) -> list[str]:
    """Row labels with a prefix written only on the first row carried down (「令和 3年度」 then 「4年度」
    reads 「令和 4年度」): a general table convention, not one table's."""
    out: list[str] = []
    prefix = after = group = ""
    numbers = [r[0].strip() for r in grid[1:] if r and re.fullmatch(r"\d{1,4}", r[0].strip())]
    # a running number (No. 1, 2, 3 …) is not the row's name: the cell after it is (a year or month column is)
    running = len(numbers) >= 2 and [int(n) for n in numbers] == list(range(1, len(numbers) + 1))  # 1, 2 … or 01, 02 …
    col = _name_column(grid, 1 if running else 0)
    for r in grid[1:]:
        label = (r[0] if r else "").strip()
        if running and re.fullmatch(r"\d{1,4}", label) and len(r) > 1 and r[1].strip():
            label = r[1].strip()
        if label and col:
            group = label  # the group cell, printed once over its rows in a table not filled down
        if col and len(r) > col and r[col].strip() and (not running or re.fullmatch(r"\d{1,4}", r[0].strip())):
            # a group's subtotal is named with its group (補助金収入 計), another row by its own name
            label = f"{group} {r[col].strip()}".strip() if SUBTOTAL.fullmatch(r[col].strip()) else r[col].strip()
        m = re.match(r"^(\D+?)\s*\d+\s*(\D?)", label)
        if m and not re.match(r"^\d", label):
            prefix, after = m.group(1).strip(), m.group(2)
        elif prefix and (n := re.match(r"^\d+\s*(\D?)", label)) and n.group(1) == after:
            label = f"{prefix} {label}"  # 「4年度」 under 「令和 3年度」; not 「3月下旬」 under 「令和8年1月30日」
        out.append(label)
    return out


def _name_column(grid: list[list[str]], first: int) -> int:
    """The column that names each row when the first one groups them (圏域: 中央, 中央, 北部… beside 市町村名): the
    next column whose cells are nearly all different, when the first repeats most of its cells. 0: the first."""
    rows = grid[1:]
    if len(rows) < 4:
        return 0

    def distinct(j: int) -> float:
        cells = [r[j].strip() for r in rows if len(r) > j and r[j].strip()]
        return len(set(cells)) / len(rows) if cells else 0.0

    def named(j: int) -> bool:
        """Nearly every row has its own name here; a subtotal (計, 小計) under each group and an empty cell
        beside the grand total (款｜項 of a budget: 補助金収入｜県補助金, 補助金収入｜計, 収入合計｜) do not count."""
        cells = [r[j].strip() for r in rows if len(r) > j and r[j].strip()]
        names = [c for c in cells if not SUBTOTAL.fullmatch(c)]
        return len(cells) >= 0.7 * len(rows) and bool(names) and len(set(names)) >= 0.9 * len(names)

    if distinct(first) > 0.6:
        return 0
    for j in (first + 1, first + 2):
        figures = sum(bool(_NUMBER_CELL.fullmatch(r[j])) for r in rows if len(r) > j and r[j].strip())
        if (distinct(j) >= 0.9 or named(j)) and figures * 2 < len(rows):  # names, not 10件 / 12.5%
            return j
    return 0



def _question_keys(q: Query) -> tuple[str, str, set[str]]:
    """(normalised question, its squashed key, its content words): what the table readers match against."""
    text = normalize(q.compose_text)
    return text, _cell_key(text), set(content_words(text)) | set(not_done(text))


def _without_places(q: Query, key: str) -> str:
    """The question's key with the places it names cut out: a row labelled 「県」 is not named by 「なぎさ県」."""
    for sp in q.specs:
        if sp.kind == "place" and (k := _cell_key(normalize(sp.text))):
            key = key.replace(k, "|")
    return key


def _label_in(label: str, key: str, bare: str) -> bool:
    """A row label the question names: a one-character label (県, 市) only outside a place the question names,
    where it is a word of its own and not the end of a name."""
    return label in (bare if len(label) == 1 else key)


def names_counter(label: str, counter: str) -> bool:
    """A row label that counts in the asked counter: 「相談者数」「相談者（人）」 for 人, 「居住支援法人数」 for 法人 —
    but not the 人 inside 「居住支援法人」 (a category counted in the table's own unit) or 「法人数」 (法人's count).
    A counter of two characters or more (法人, 団体) counts where it is named at all."""
    if not counter or counter not in label:
        return False
    if len(counter) > 1:
        return True
    text = normalize(label)
    for longer in vocabulary().counters:  # 法人数 counts 法人, not 人
        if len(longer) > len(counter) and longer.endswith(counter):
            text = text.replace(longer, "＿")
    c = re.escape(counter)
    return bool(re.search(rf"[（(]\s*{c}\s*[）)]|\d\s*{c}|{c}数", text))


def _value_tables(hits: list[Hit], min_rows: int = 2, min_cols: int = 1) -> Iterator[tuple[Hit, list[list[str]]]]:
    """The passages that are tables of values, with their grids: a blank form (様式) holds frames to fill
    in, not values."""
    for h in hits:
        grid = h.chunk.get("grid") or []
        if h.chunk.get("kind") == "table" and len(grid) >= min_rows and len(grid[0]) >= min_cols \
                and not is_blank_form(h.chunk):
            yield h, grid


def own_words(q: Query) -> set[str]:
    """A follow-up's own topic words (現行 in 「現行だと？」): not an era (令和 heads every year column) and not a
    one-character counter (件)."""
    return {t for t in q.focus_tokens if t not in vocabulary().era_names and len(t) > 1}


YEN_LABEL = re.compile(r"[(（]\s*[千万億]?円\s*[)）]")  # a label naming its figures' unit: 年間予算（千円）


def _unit_in_yen(text: str) -> bool:
    """A (normalised) table text whose unit line counts the whole table in 円 (（単位：千円）, 単位：円)."""
    unit = UNIT.search(text)
    return bool(unit and "円" in unit.group(1)) or bool(re.search(r"単位\s*[:：]?\s*[千万億]?円", text))


def counted_in_yen(chunk: dict) -> bool:
    """A table whose bare figures are sums of money: its unit line (（単位：千円）, 単位：円), a header
    (予算額（千円）) or a row label of a label|value table (「年間予算（千円） | 3,480」) says 円."""
    grid = chunk.get("grid") or [[]]
    return _unit_in_yen(normalize(chunk["text"])) or any("円" in c for c in grid[0]) or any(
        row and YEN_LABEL.search(normalize(row[0])) for row in grid[1:])


def column_in_yen(chunk: dict, head: str) -> bool:
    """A column whose bare figures are sums: the whole table is counted in 円 (its unit line), or the column's own
    header says 円 (予算額（千円）). Where other headers name 円 and this one does not (相談件数（令和6年度） beside
    県補助金交付額（千円）), its figures count something else. A label|value table's 円 is in its row labels."""
    if "円" in normalize(head) or _unit_in_yen(normalize(chunk["text"])):
        return True
    return not any("円" in c for c in (chunk.get("grid") or [[]])[0]) and counted_in_yen(chunk)


def _own_header_words(q: Query, header: list[str]) -> dict[int, set[str]]:
    """Per column: the follow-up's own words that name it and no other column (令和 names none of them)."""
    words = [set(content_words(h)) for h in header]
    focus = own_words(q)
    return {j: {t for t in focus & w if sum(t in o for o in words[1:]) == 1} for j, w in enumerate(words)}


def figure_question(q: Query) -> bool:
    """A count question or one that names a numbered table: it may read a cell by its row alone (a table of
    one value column); any other question reads a cell only where it names the column exactly."""
    return q.numeric or bool(re.search(r"表\s*\d", q.standalone))


def table_lookup(q: Query, hits: list[Hit], retriever: Retriever | None = None
                 ) -> tuple[Hit, int, int, str, str, str] | None:
    """(hit, row index, column index, row label, column header, value) when the question names a cell
    of a figure table. A negated question (「構成員にしていない県」) is not answered by a cell
    counting the positive case; only a zero/none column or a negative header may answer it. With the retriever,
    a place its document's head states for all of it (かすみ県 on the cover) counts as the table's."""
    figure_q = figure_question(q)
    text, qn, q_tokens = _question_keys(q)
    # a follow-up (「じゃあ市区町村は？」) carries the last question's words: the column or row it names itself wins
    own = _cell_key(normalize(q.raw)) if q.follow_up else ""
    # what the question quotes (「予算を確保できない」を挙げた市町村は), where some passage says it: a table that does
    # not say it gives no cell. A quote no passage says (a document's name in other words) sets no condition
    says = {h.chunk["id"]: squash(normalize(" ".join(h.chunk.get(k, "") for k in (
        "text", "doc_title", "section_title", "unit_title")))) for h in hits}
    quoted = [x for x in (squash(normalize(x)) for x in QUOTED.findall(q.raw)) if any(x in t for t in says.values())]
    for h, grid in _value_tables(hits):
        if quoted and not any(x in says[h.chunk["id"]] for x in quoted):
            continue
        given = scope_of(q, h, retriever)  # the places its document's cover states for all of it
        unit = UNIT.search(expand_short_forms(normalize(h.chunk["text"])))
        named_in_table = any(names_counter(expand_short_forms(r[0] if r else ""), q.counter) for r in grid) or any(
            re.match(rf"^\s*\d+\s*{re.escape(q.counter)}", normalize(h)) for h in grid[0])
        if q.counter and unit and q.counter not in unit.group(1) and not named_in_table:
            continue  # 「何法人」 is not answered by a table counting 県 (unless 回 names its columns: 0回, 1回…)
        header = grid[0]
        own_words = _own_header_words(q, header) if own else {}
        scores = []
        card = values_first(grid)
        # a KPI card's first column holds values too, unless the question states its value (then it names the row)
        first = 0 if card and _cell_key(grid[1][0]) not in qn else 1
        for j, head in enumerate(header[first:], start=first):
            head_tokens = set(content_words(head))
            exact = any(k in qn for k in _header_names(head))
            named = exact or bool(head_tokens and head_tokens <= q_tokens)
            score = (exact * 10 + len(q_tokens & head_tokens)) if named else 0
            if (q.zero or q.negated) and _is_zero_header(head):
                score = max(score, 9)
            if own and score and (any(k in own for k in _header_names(head)) or head_tokens & own_words[j]):
                score += 20  # the follow-up names this column itself, in other inflection (入居決定は？ → 入居決定件数)
            scores.append((score, j))
        if len(header) == 2 and scores and scores[0][0] == 0 and figure_q and not card:
            scores = [(1, 1)]  # one value column: naming the row is enough (a KPI card has two: its row is read whole)
        if not figure_q:  # any other question reads a cell only where it names the column exactly (補助率は？)
            scores = [(sc, j) for sc, j in scores if sc >= 10]
        scores.sort(reverse=True)
        labels = row_labels(grid)
        if len(scores) > 1 and scores[0][0] >= 10 and scores[0][0] == scores[1][0] and any(
                len(_cell_key(lab)) >= 2 and _cell_key(lab) in qn and places_held(q, h, grid[i + 1], given)
                and any(s.kind == "place" for s in q.specs) for i, lab in enumerate(labels)):
            return None  # it names a place's row and several columns of this table (「ほたか市の相談件数は令和2年度から
            # 令和6年度まで」): no one cell answers it, nor another table's cell of that place — the row does (named_rows)
        if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[0][0] == scores[1][0]):
            continue
        j = scores[0][1]
        if len(labels) == 1:
            i = 0
        else:
            bare = _without_places(q, qn)
            matches = [i for i, lab in enumerate(labels) if _cell_key(lab) and (_label_in(_cell_key(lab), qn, bare) or (
                _cell_key(grid[i + 1][0]) and _cell_key(grid[i + 1][0]) in qn and len(_cell_key(grid[i + 1][0])) > 2))]
            named = list(matches)
            if len(matches) > 1:  # 「令和 4年度」 also contains 「4年度」: prefer the longest label named
                longest = max(len(_cell_key(labels[i])) for i in matches)
                matches = [i for i in matches if len(_cell_key(labels[i])) == longest]
            if TOTAL_Q.search(text):
                # a total row: the one among the rows named (事務費 計 of the rows grouped under 事務費); of several
                # totals of groups, the one whose group the question names (収入合計 only where it says 収入), else one
                # of no group; a table's only total (県計, 小計, 年間合計) answers any 「合計」
                totals = [i for i, lab in enumerate(labels) if TOTAL_Q.search(lab)]
                within = [i for i in totals if i in named]
                if within:
                    totals = within
                elif not matches and len(totals) > 1:
                    group = {i: _cell_key(TOTAL_Q.sub("", labels[i])) for i in totals}
                    totals = ([i for i in totals if group[i] and group[i] in qn]
                              or [i for i in totals if not group[i]] or totals)
                matches = totals or matches
            if own:
                matches = [i for i in matches if _cell_key(labels[i]) in own] or matches
            if len(matches) > 1:  # rows keyed by two labels (事業名 merged over its 年度 rows): the other one named too
                matches = _rows_by_other_label(grid, matches, qn) or matches
            if not matches:
                matches = _rows_by_value(grid, qn, j) or _rows_by_words(labels, q_tokens | counted_noun(q.counter))
            if len(matches) != 1:
                continue
            i = matches[0]
        row = grid[i + 1]
        head = header[j]
        if q.negated and not (NEGATION.search(normalize(head + row[0])) or _is_zero_header(head)):
            continue
        value = row[j].strip() if j < len(row) else ""
        if not value or PLACEHOLDER.match(value) or NO_FIGURE.match(value):
            continue  # an empty cell, or a dash printed where the table has no figure (−, ―, …)
        if q.numeric and not re.search(r"\d|なし|無し|ゼロ", normalize(value)):
            continue  # 「いくら払ってる？」 is not answered by a cell of words (・来所相談)
        if q.numeric and not cell_of_kind(q, h, value, head):
            continue  # 「交付決定」 7月上旬 answers neither 「何市町に…いくら」 nor 「11月の何日」
        if q.counter and (counted := units_in(normalize(value)) or counted_by_header(head)) and not any(
                same_counter(q.counter, c) for c in counted):
            continue  # 「相談件数は何件」 is not answered by a cell counting in its own counter (4市町村), nor 「延べ何回」
            # by a column whose header gives its counter (「令和7年度（件）」)
        if not figure_q and not _cell_fits(q, value, [labels[i], head, h.chunk.get("unit_title", "")]):
            continue
        if other_year(q, f"{labels[i]} {head} {value}") or _dated_elsewhere(q, h, f"{labels[i]} {head}", f"{labels[i]} {head} {value}"):
            continue  # the cell is another year's (令和5年度142件 where 令和4年度 is asked), or its table's caption dates it
            # to another year (「住まいの相談件数（令和6年度）」 for a question about 令和5年度)
        if not places_held(q, h, [*row, head], given):
            continue  # 「ゆりのき市の相談件数」 is not the whole prefecture's figure in a table without ゆりのき市
        return h, i + 1, j, (h.chunk.get("unit_title") or labels[i]) if card else labels[i], head, value
    return None


HEAD_UNIT = re.compile(r"[（(]([^()（）\d]{1,4})[）)]\s*$")


def header_counter(head: str) -> set[str]:
    """The counter a column header ends in (「令和7年度（件）」 → 件), where it is one of the counters; else none
    (「金額（千円）」 is a money unit, 「（予定）」 no unit)."""
    m = HEAD_UNIT.search(normalize(head))
    return {m.group(1)} if m and m.group(1) in vocabulary().counters else set()


def counted_by_header(head: str) -> set[str]:
    """The counters a column header counts in: its unit in brackets (header_counter), or a counted noun it names
    (「相談件数（令和6年度）」 → 件, 「開催回数」 → 回; the vocabulary's header_counts, longest first so that 法人数 is
    法人, not 人): a 「何回」 question is not answered by a column of 件数, whatever year both name."""
    flat, named = normalize(head), set()
    for noun, counter in sorted(vocabulary().header_counts.items(), key=lambda x: -len(x[0])):
        if noun in flat:
            named.add(counter)
            flat = flat.replace(noun, " ")
    return header_counter(head) | named


def _dated_elsewhere(q: Query, h: Hit, labels: str, cell: str = "") -> bool:
    """The table's caption dates it to another year (or another of a series) than the question asks, while its
    labels name no year of their own: 「住まいの相談件数（令和6年度）」 answers nothing about 令和5年度. `cell`: the
    cell read with its labels, when one cell is judged."""
    return not fiscal_years(normalize(labels)) and other_year(q, f"{h.chunk.get('unit_title', '')} {cell}".strip())


def looked_up(read: tuple) -> Hit:
    """The words a table look-up stood on, as a passage: the table's caption and section, and for a cell its
    column's header and its row; for rows (named, sifted, a schedule's), the header and those rows. What the
    question asks about should be among them: 「出張相談会で入居に至った件数」 is not answered by the cell
    「うち入居に至った件数｜令和6年度」 of the centre's totals, though another row of that table names 出張相談会."""
    h = read[0]
    grid = h.chunk.get("grid") or []
    if len(read) == 6:  # a cell: (hit, row, column, label, header, value)
        rows, heads = [read[1]], [grid[0][read[2]]] if grid and read[2] < len(grid[0]) else []
    else:  # rows named (hit, row), sifted (hit, [rows], …) or a schedule's (hit, row, task, months)
        rows = read[1] if isinstance(read[1], list) else [read[1]]
        heads = list(grid[0]) if grid else []
    cells = [c for i in rows if 0 < i < len(grid) for c in grid[i] if c]
    text = "\n".join([h.chunk.get("unit_title", ""), h.chunk.get("section_title", ""), *heads, *cells])
    return replace(h, chunk={"id": h.chunk.get("id", ""), "doc_id": h.chunk.get("doc_id", ""),
                             "doc_title": h.chunk.get("doc_title", ""), "text": text, "tokens": content_words(text)})


def cell_of_kind(q: Query, h: Hit, value: str, head: str) -> bool:
    """A figure question's cell holds a value of the kind it asks: a sum for いくら (or a bare number in a table
    counted in 円), a rate for 何％ (or a bare number under a ％ header), a day for 何日 (a month or 中旬 is none), a
    date for いつ; a figure other than a date for a count. A question asking two kinds (何日の何時, いつできて何団体)
    is served by a cell holding either."""
    v = normalize(value)
    # what is asked, as answerability reads it; 何日 asks a day: a date without one is none
    kinds = finest(value_kinds(q.asks, True, q.counter))
    ok = []
    for kind in kinds:
        if kind == "count":
            ok.append(bool(re.search(r"\d", ANSWER_LOOKS["date"].sub(" ", v))) or bool(re.search(r"なし|無し|ゼロ", v)))
        elif kind == "money":
            ok.append(bool(ANSWER_LOOKS[kind].search(v)) or (bool(re.search(r"\d", v)) and column_in_yen(h.chunk, head)))
        elif kind == "rate":
            ok.append(bool(ANSWER_LOOKS[kind].search(v)) or (bool(re.search(r"\d", v))
                                                            and bool(RATE_HEAD.search(normalize(head)))))
        elif kind in ANSWER_LOOKS and kind not in ("name", "person", "place", "venue"):
            ok.append(bool(ANSWER_LOOKS[kind].search(v)))
    return any(ok) if ok else True


def _cell_fits(q: Query, value: str, names: list[str]) -> bool:
    """A question that asks no figure reads a cell only where the cell is what it asks: a value of the kind it
    asks for (「…はどこですか」 is not answered by 「12」), and the noun whose value it asks (補助率 in 「…の補助率は
    何分の何」) named by the cell's row, column or table — a column the question names as its subject
    (居住支援法人) is not the value asked of it."""
    kinds = finest(q.asks)  # 何日 asks a day: 11月中旬 is none; 何月 a month: 令和8年度中 is none
    if kinds and not any(ANSWER_LOOKS[kind].search(normalize(value)) for kind in kinds):
        return False
    if not q.asks and len(normalize(q.attribute)) < 2 and re.fullmatch(rf"\s*{NUMBER}\s*", normalize(value)):
        return False  # 「県の役割を全部教えて」 asks for no figure: 「15」 under 市区町村 in a row 県 is no answer to it
    attr = normalize(q.attribute)
    if len(attr) < 2:
        return True
    named = [normalize(n) for n in names if n]
    last = attribute_head(attr)
    return any(attr in n or (len(n) > 1 and n in attr) or (last and last in n) for n in named)


def attribute_head(attr: str) -> str:
    """The word an asked attribute ends in, what names it (上限額 of 補助上限額, 予算 of 居住支援関係の予算); '' for none."""
    return next((w for w in reversed(content_words(attr)) if len(w) > 1), "")


def scope_of(q: Query, h: Hit, retriever: Retriever | None) -> frozenset[str]:
    """The question's places (and series ordinals) that the hit's document states for all of it: on its head, or
    (a place) as the prefecture the document is about."""
    if retriever is None or not q.specs:
        return frozenset()
    doc_id = h.chunk.get("doc_id", "")
    sole = sole_prefecture(retriever.snapshot, doc_id)
    # not for a passage that names another prefecture (「かえで県では…」 in ひびき県's report speaks of かえで県)
    if sole and any(not same_name(n, sole) for n in prefecture_names(h.chunk)):
        sole = ""
    return document_scope(q.specs, doc_head(retriever.snapshot, doc_id)) | {
        s.text for s in q.specs if s.kind == "place" and names_prefecture(s.text, sole)}


def places_held(q: Query, h: Hit, row: list[str], given: frozenset[str] = frozenset()) -> bool:
    """Every place the question names is the cell's (its row or column header), or the table's (its caption,
    section or document title; `given`: the places its document's head states for all of it): a figure read
    elsewhere counts someone else. Of two or more places asked side by side, each row holds its own."""
    places = tuple(s for s in q.specs if s.kind == "place")
    if not places:
        return True
    places = compared_places(places) if q.compare else places
    c = h.chunk
    scope = " ".join([*row, c.get("unit_title", ""), c.get("section_title", ""), c.get("doc_title", "")])
    return held(places, scope, given) == 1.0


_NUMBER_CELL = re.compile(rf"\s*({NUMBER})\s*[^\d\s]{{0,4}}\s*")  # 22, 1,284件, 1万2千世帯, 63.2% (not 令和4年7月)
# a row that adds up others (合計, 小計, and the sum of a group: 市計, 町村計, 県計, 圏域計), never 会計 or 統計
TOTAL_ROW = re.compile(r"(?:^(?:合|小|総|累)?|(?<=[市町村県区都府道域部]))計(?:[（(][^）)]*[）)])?$|合計|総数|総計")


def extreme_cell(q: Query, hits: list[Hit], top: int = 3) -> tuple[Hit, int, int, str, str, str] | None:
    """For 「構成団体数がいちばん多い市町村は」: the row holding the largest (or smallest) figure of the column
    the question names, in a top-ranked table that the question is about, as table_lookup's tuple. A table
    with one figure column needs no column named, but must share a word with the question beyond it. Total
    rows (計), ties, and questions that name a row (「家賃低廉化の…いちばん高い」 names its own) answer nothing."""
    if not q.extreme:
        return None
    _text, qn, q_tokens = _question_keys(q)
    for h, grid in _value_tables(hits[:top], min_rows=4):
        labels = row_labels(grid)
        named_rows = set(_labels_named(labels, qn))
        if not q.compare and (named_rows or _rows_by_words(labels, q_tokens)):
            continue  # the question names a row: it asks about that row, not for the extreme one
        if q.compare and len(named_rows) < 2:
            continue  # 「AとBどっちが多い」 compares the rows it names: this table does not hold both
        values: dict[int, list[tuple[float, int]]] = {}
        for j in range(1, len(grid[0])):
            col = []
            for i, row in enumerate(grid[1:]):
                m = _NUMBER_CELL.fullmatch(normalize(row[j])) if j < len(row) else None
                value = to_number(m.group(1)) if m else None
                # a row without a label (a total whose 「合計」 is merged across the first columns) names no one
                total = not _cell_key(labels[i]) or any(TOTAL_ROW.search(_cell_key(c)) for c in [labels[i], *row[:j]])
                if value is not None and not total and (not named_rows or i in named_rows):
                    col.append((value, i))
            # a superlative ranges over rows counting one thing: 1,374件 / 512人 / 18回 in one column are three
            # quantities (a table of indicators by year), none larger than another
            counters = [c for _v, i in col for c in units_in(normalize(grid[i + 1][j]))]
            alike = all(same_counter(counters[0], c) for c in counters)  # (人 and 名 count alike)
            if len(col) >= (2 if named_rows else 3) and alike:
                values[j] = col
        named = [j for j in values if any(k in qn for k in _header_names(grid[0][j]))
                 or (set(content_words(grid[0][j])) and set(content_words(grid[0][j])) <= q_tokens)]
        # a header written only inside another one named (「理解できた」 inside 「よく理解できた」) is not named itself;
        # written on its own too (「満足とやや満足を合わせた」), it is
        said = {j: max((k for k in _header_names(grid[0][j]) if k in qn), key=len, default="") for j in named}
        named = [j for j in named if not said[j] or said[j] in _without(qn, [said[k] for k in named if k != j
                                                                          and said[j] != said[k] and said[j] in said[k]])]
        about = set(content_words(normalize(" ".join([h.chunk.get("unit_title", ""), *grid[0][:1]]))))
        cols = named or (list(values) if len(values) == 1 and about & q_tokens else [])
        if len(cols) != 1:
            continue
        j = cols[0]
        col = sorted(values[j], reverse=q.extreme == "max")
        if col[0][0] == col[1][0]:
            continue  # a tie: no one row is the answer
        i = col[0][1]
        return h, i + 1, j, labels[i], grid[0][j], grid[i + 1][j].strip()
    return None


def _without(text: str, parts: list[str]) -> str:
    """The text with every occurrence of the parts blanked out (longest first)."""
    for p in sorted(parts, key=len, reverse=True):
        text = text.replace(p, "\0")
    return text


def compared_rows(q: Query, h: Hit) -> list[int]:
    """The rows (grid indices) a question comparing rows names by their labels (「おおるり市とさざれ市、どっちが
    多い」): two or more, else none."""
    if not q.compare:
        return []
    _text, qn, _tokens = _question_keys(q)
    rows = [i + 1 for i in _labels_named(row_labels(h.chunk.get("grid") or []), qn)]
    return rows if len(rows) >= 2 else []


def _labels_named(labels: list[str], qn: str) -> list[int]:
    """The rows whose label the (normalised) question writes verbatim — without the mark and status a budget table
    prints before a project's name: a name of two characters or more, not a bare running number."""
    keys = [_cell_key(lab) for lab in labels]
    # 「◎拡充 …事業」 is named as 「…事業」, in the question's forms (市町村 is read as 市区町村 there)
    bare = [_cell_key(expand_short_forms(without_status(lab))) for lab in labels]
    return [i for i, (k, b) in enumerate(zip(keys, bare, strict=True))
            if len(k) >= 2 and not k.isdigit() and (k in qn or (len(b) >= 4 and b in qn) or _parts_named(labels[i], qn))]


def _parts_named(label: str, qn: str) -> bool:
    """A label printed in parts (「事例発表②　ゆきしろ市」, a cell of two lines) is named when the question writes
    every part, apart or in another order (「事例発表②の、ゆきしろ市の発表」)."""
    parts = [_cell_key(p) for p in normalize(label).split()]
    return len(parts) >= 2 and all(len(p) >= 2 and not p.isdigit() and p in qn for p in parts)


_WORD_ON = re.compile(r"[一-龥々ァ-ヶー]")


def _figure_cells_named(grid: list[list[str]], qn: str) -> list[int]:
    """Rows (grid index - 1) with a cell the question writes whole that holds a figure beside words (第14号,
    令和4年4月1日): a number written as the row writes it names the row. A figure inside a longer cell does not
    (令和4年度 is not the row whose 設立年月 is 令和4年5月), nor a bare number (a running No. 14)."""
    out = []
    for i, row in enumerate(grid[1:]):
        for cell in row:
            k = _cell_key(cell)
            if len(k) < 3 or k.isdigit() or not re.search(r"\d", k):
                continue
            at = qn.find(k)
            after = qn[at + len(k):at + len(k) + 1] if at >= 0 else ""
            # bounded: no digit runs on either side (第1号 is not in 第11号), no word runs on after it (令和4年 is not
            # 令和4年度)
            if at >= 0 and not (k[0].isdigit() and at > 0 and qn[at - 1].isdigit()) \
                    and not (after and (after.isdigit() or _WORD_ON.match(after))):
                out.append(i)
                break
    return out


def _rows_by_other_label(grid: list[list[str]], rows: list[int], qn: str) -> list[int]:
    """Of several rows sharing the label the question names, the one whose other label cell (a 年度, a 区分) the
    question names as well; none when that does not single one out."""
    cols = _label_columns(grid)
    keyed = [i for i in rows if any(
        k < len(grid[i + 1]) and len(key := _cell_key(grid[i + 1][k])) >= 2 and key in qn
        and sum(_cell_key(grid[r + 1][k]) == key for r in rows if k < len(grid[r + 1])) == 1
        for k in cols[1:])]
    return keyed if len(keyed) == 1 else []


def answer_cell(q: Query, hits: list[Hit], retriever: Retriever | None = None
                ) -> tuple[Hit, int, int, str, str, str] | None:
    """The one table cell that answers: the row and column the question names, else the extreme row of
    the column it names (いちばん多い)."""
    return table_lookup(q, hits, retriever) or extreme_cell(q, hits)


def counted_noun(counter: str) -> set[str]:
    """The noun a count question names by its counter (何回 asks a 回数, 何件 a 件数): a row labelled 「開催回数」 is
    named by 「何回開催」, as 「相談件数」 by 「相談は何件」. Only where the counter and 数 make one word."""
    if not counter:
        return set()
    words = content_words(counter + "数")
    return {words[0]} if len(words) == 1 and words[0] != counter else set()


def _rows_by_words(labels: list[str], q_tokens: set[str]) -> list[int]:
    """Rows whose label the question names in other order or inflection (「運営強化補助（人口1万人未満の
    町村）」 for 「人口1万人未満の町村が運営強化補助を…」): most of the label's words are in the question;
    only the best-covered row, and only when it is the one such row. Rows covered alike: the one naming more of
    the question's words (「未設置市町村数」 over 「設置市町村数」 for 「設置していない市町村」)."""
    cover, named = [], []
    label_words = [set(content_words(normalize(lab))) for lab in labels]
    for i, toks in enumerate(label_words):
        if len(toks) >= 2:
            cover.append((len(toks & q_tokens) / len(toks), len(toks & q_tokens), i))
            named.append(frozenset(toks & q_tokens))
        else:
            named.append(frozenset())
    good = sorted(((c, n, i) for c, n, i in cover if c >= 0.75), key=lambda x: (-x[0], -x[1], x[2]))
    if not good or (len(good) > 1 and good[0][:2] == good[1][:2]):
        return []
    best = good[0][2]
    negated = ["未" in t for t in label_words]  # (設置していない reads 未 in the question: query.not_done)
    asks_negated = "未" in q_tokens
    if sum(1 for i, n in enumerate(named) if n and n >= named[best] and negated[i] == asks_negated) > 1:
        # another row holds every word the question names: the question does not say which — unless that row
        # is the negated one (未設置市町村数 beside 設置市町村数) and the question is not, or the other way round
        return []
    return [best]


def _rows_by_value(grid: list[list[str]], qn: str, column: int) -> list[int]:
    """The row a question picks by a value it states from one of the row's other cells (「令和4年11月に協議会を
    設立した市の…」: the row whose 設立年月 is 令和4年11月): a cell of five characters or more holding a figure,
    written whole in the question, in that row alone."""
    rows = [i for i, r in enumerate(grid[1:]) if any(
        j != column and len(k := _cell_key(c)) >= 5 and re.search(r"\d", k) and k in qn for j, c in enumerate(r))]
    return rows if len(rows) == 1 else []


WHICH_Q = re.compile(r"どこ|どちら|どの(?:市|町|村|自治体|団体|法人)|どれ(?!くらい|ぐらい|だけ|ほど)|\b(?:which|where)\b", re.I)
MARK_YES = {"○", "◯", "〇", "●", "◎", "✓", "✔", "有", "あり", "有り"}
MARK_NO = {"✕", "△", "▲", "無", "なし", "無し"}  # besides the dashes of NO_FIGURE
DECREASE_Q = re.compile(r"減(?:った|っている|ってる|少)|下回|マイナス|decreas|fell|dropp", re.I)
INCREASE_Q = re.compile(r"増(?:えた|えている|えてる|加)|上回|伸び|increas|grew|rose", re.I)
CHANGE_HEAD = re.compile(r"増減|前年(?:度)?比|差")
COMPARED_Q = re.compile(r"以上|以下|未満|超え|を超|より(?:多|少|大|小|高|低)|最も|いちばん|一番|\b(?:more|less|fewer|over|under)\b")


def table_source(h: Hit) -> str:
    """How an answer names the table it reads: 「表4-①」 from its caption, else the caption, else 「表」."""
    unit = h.chunk.get("unit_title", "")
    name = re.match(r"^(?:表|図)[ \u3000]*\S*", unit)
    return name.group(0) if name else (unit or "表")


def table_items(q: Query, hits: list[Hit], top: int = 3) -> tuple[Hit, list[str]] | None:
    """(the table, the things it lists) for a question asking what a table it names lists (「表4-①ではどのような属性が
    挙げられていますか」): a table of figures lists its categories — across its header (the corner cell aside) when it
    has one or two rows of figures, down its row labels otherwise. A table of statements is `list_rows`' (its rows
    are the answer), and a question asking a value (a count, a date) is a cell's."""
    if not q.refs or not q.list_like or q.numeric or q.asks or q.counter:
        return None
    for h, grid in _value_tables(hits[:top], min_cols=3):
        if not unit_named(h.chunk, q.refs):
            continue
        body = [c.strip() for r in grid[1:] for c in r[1:] if c.strip()]
        if not body or sum(bool(_NUMBER_CELL.fullmatch(normalize(c))) for c in body) < len(body) / 2:
            return None  # words in its cells: not a table of figures
        items = [c.strip() for c in grid[0][1:] if c.strip()] if len(grid) <= 3 else row_labels(grid)
        return (h, items) if len(items) >= 2 else None
    return None


# a table's line naming where its figures come from: 「（注）1 当省の調査結果による。」「資料：県住宅課調べ」「出典：…」
SOURCE_LINE = re.compile(r"^(?:[（(]注[）)]\s*\d*\s*|※\s*\d*\s*)?(?:(?:出典|資料|出所|典拠|データ)\s*[:：]|.*(?:による|調べ|より作成|"
                         r"を基に作成|をもとに作成|から作成)[。．]?\s*$)")


def source_note(q: Query, hits: list[Hit], top: int = 3) -> tuple[Hit, str] | None:
    """(the table, its source line) for a question asking where a table's figures come from (「この表の出典は」):
    the line under the table that says so. A table the question names is read first."""
    if not q.source:
        return None
    tables = [h for h in hits[:top] if h.chunk.get("grid")]
    for h in sorted(tables, key=lambda h: not unit_named(h.chunk, q.refs)):
        for line in h.chunk["text"].split("\n"):
            if not line.startswith("|") and SOURCE_LINE.match(normalize(line.strip())):
                return h, line.strip()
    return None


def schedule_row(q: Query, hits: list[Hit], top: int = 3) -> tuple[Hit, int, str, list[tuple[str, str]]] | None:
    """(hit, grid row, the row's task, [(month, mark)]) when a question asks when (いつ, 何月) a task of a schedule
    happens (a table whose columns are months: a Gantt chart, 「設立スケジュール例」): the answer is the months its
    marks and bars stand in (「設立総会」 → 2月 ★設立総会), which no cell states — the month is the column."""
    if not {"date", "month"} & set(q.asks):
        return None
    text, qn, q_tokens = _question_keys(q)
    for h in hits[:top]:
        grid = h.chunk.get("grid") or []
        if h.chunk.get("kind") != "table" or len(grid) < 3 or not is_schedule(grid):
            continue
        titles = [r[0] if r else "" for r in grid[1:]]
        named = [i for i, t in enumerate(titles) if len(_cell_key(t)) >= 2 and _cell_key(BRACKETED.sub("", t)) in qn]
        if len(named) > 1:  # 「設立準備会」 and 「設立準備補助金の手続」 both start so: the longest named wins
            longest = max(len(_cell_key(titles[i])) for i in named)
            named = [i for i in named if len(_cell_key(titles[i])) == longest]
        rows = named or _rows_by_words(titles, q_tokens)
        if len(rows) != 1:
            continue
        row = grid[rows[0] + 1]
        marks = [(grid[0][j], c.strip()) for j, c in enumerate(row[: len(grid[0])])
                 if j and c.strip() and not FIGURE_CELL.match(c.strip()) and not NO_FIGURE.match(c.strip())]
        if marks:
            return h, rows[0] + 1, titles[rows[0]], marks
    return None


def rows_where(q: Query, hits: list[Hit], top: int = 3) -> tuple[Hit, list[int], list[str]] | None:
    """The rows of a top table that meet every condition the question sets them, for a question asking which
    ones (どこ, どの市町村): a word the question names that is one of a column's values (県南 of a 圏域 column),
    a column of marks the question names (転居費用補助: ○), a change column (増減) for 減った / 増えた (▲ is a
    decrease). Returns (hit, grid row indices, the conditions in words) when they single out some rows, not
    all; a total row (合計) is never one of them."""
    if not WHICH_Q.search(q.raw) or COMPARED_Q.search(q.raw):
        return None  # 「人口5万人以上の市」 sets a condition on figures this reading does not weigh
    if ("place" in q.asks and "name" not in q.asks) or any(s.kind == "place" and not is_region(s) for s in q.specs):
        return None  # a venue (会議の場所はどこ), or a question about the places it names: no rows to sift (a region,
        # 「南部で…はどこ」, is a value of a column the rows share: a condition)
    _text, qn, q_tokens = _question_keys(q)
    regions = [s for s in q.specs if is_region(s)]
    down, up = bool(DECREASE_Q.search(q.raw)), bool(INCREASE_Q.search(q.raw))
    attribute = _cell_key(normalize(q.attribute)) if q.attribute else ""
    for h, grid in _value_tables(hits[:top], min_rows=4, min_cols=3):
        header = grid[0]
        if attribute and any(attribute in _header_names(x) for x in header[1:]):
            continue  # it asks a column's value (「事務局はどちらの町」): a cell, not a choice of rows
        labels = row_labels(grid)
        body = [r for r, lab in zip(grid[1:], labels, strict=False) if not TOTAL_Q.search(lab)]  # not 合計's ○7
        conds: list[tuple[int, object, str]] = []
        everyday = set(synonym_tokens(q.tokens))
        meant = legend_marks(h.chunk["text"], q_tokens | everyday)
        for j in range(1, len(header)):
            cells = [c for c in (r[j].strip() if j < len(r) else "" for r in body) if c]
            values = set(cells)
            named = [v for v in values if len(_cell_key(v)) >= 2 and not re.search(r"\d", v) and _cell_key(v) in qn]
            if not named:  # a value the question names in everyday words (立ち上げ済み for 設立済み: the vocabulary)
                named = [v for v in values if len(_cell_key(v)) >= 2 and not re.search(r"\d", v)
                         and (words := set(content_words(v))) and words <= q_tokens | everyday and words & everyday]
            names = [k for k in _header_names(header[j]) if len(k) >= 3]
            # a figure with its counter that the question states (「3回開いた市町」): the rows holding that figure
            figured = [v for v in values if re.fullmatch(r"\d[\d,.]*[^\d\s.,|]{1,3}", _cell_key(v))
                       and re.search(rf"(?<![\d.,]){re.escape(_cell_key(v))}(?![\d目])", qn)]  # not 3回目
            # a value shared by several rows (a 圏域, a status) sets a condition; a name held by one row names it
            if not named and len(figured) == 1 and 2 <= len(values):
                v = figured[0]
                conds.append((j, lambda c, v=v: _cell_key(c) == _cell_key(v), f"「{header[j]}」が{v}"))
            elif named and 2 <= len(values) < len(cells):
                v = max(named, key=len)
                conds.append((j, lambda c, v=v: c.strip() == v, f"「{header[j]}」が{v}"))
            elif values and all(v in MARK_YES or v in MARK_NO or NO_FIGURE.match(v) for v in values) and any(
                    k in qn or set(content_words(k)) <= q_tokens for k in names[-1:] + names[:1]):
                if meant and meant[0] in values:  # the legend's mark for what the question asks (◎ 主担当: メイン)
                    m, meaning = meant
                    conds.append((j, lambda c, m=m: c.strip() == m, f"「{header[j]}」が{m}（{meaning}）"))
                else:
                    conds.append((j, lambda c: c.strip() in MARK_YES, f"「{header[j]}」が○"))
            elif (down or up) and CHANGE_HEAD.search(header[j]) and any(re.search(r"\d", c) for c in values):
                if down:
                    conds.append((j, lambda c: bool(re.match(r"^[▲△\-−－]\s*\d", c.strip())), f"「{header[j]}」が減少（▲）"))
                else:
                    conds.append((j, lambda c: bool(re.match(r"^\+?\d", c.strip())) and c.strip() not in {"0"},
                                  f"「{header[j]}」が増加"))
        if not conds or ((down or up) and not any(CHANGE_HEAD.search(header[j]) for j, _p, _d in conds)):
            continue  # a change the table cannot show (no 増減 column) is a condition left unread
        if any(not any(stated(r, squash(normalize(d))) for _j, _p, d in conds) for r in regions):
            continue  # a region asked (「南部圏域で…」) that no column's value sets: the rows are the whole table's
        asked = set(content_words(normalize(q.attribute))) if q.attribute else set()  # the rows' kind (団体)
        if _unread_column(grid, {j for j, _p, _d in conds}, _beyond_caption(q, h, header, q_tokens) - asked):
            continue
        rows = [i for i, (r, lab) in enumerate(zip(grid[1:], labels, strict=False)) if lab and not TOTAL_Q.search(lab)
                and all(pred(r[j] if j < len(r) else "") for j, pred, _ in conds)]
        if 0 < len(rows) < len(body):
            return h, [i + 1 for i in rows], [d for _j, _p, d in conds]
    return None


def _beyond_caption(q: Query, h: Hit, header: list[str], q_tokens: set[str]) -> set[str]:
    """The question's words less those it shares with the table's caption as a run of three characters or more
    printed in no column header: 「出張相談会」 of 「出張相談会の開催状況」 names the table's topic, not its 相談件数
    column; 「相談件数」 names that column, wherever the caption also prints it."""
    text = normalize(q.compose_text)
    caption = normalize(h.chunk.get("unit_title", ""))
    heads = [normalize(x) for x in header]
    kept, i = [], 0
    while i < len(text):
        n = 0
        while i + n < len(text) and text[i:i + n + 1] in caption:
            n += 1
        if n >= 3 and not any(text[i:i + n] in head for head in heads):
            kept.append(" ")
            i += n
        else:
            kept.append(text[i])
            i += 1
    rest = "".join(kept)
    return q_tokens & (set(content_words(rest)) | set(not_done(rest)))


LEGEND_PAIR = re.compile(r"([◎○◯〇△▲●■□×✕☆★])\s*([^\s◎○◯〇△▲●■□×✕☆★、,，。・（(]{2,10})")


def legend_marks(text: str, q_tokens: set[str]) -> tuple[str, str] | None:
    """(mark, meaning) from a table's legend (「◎主担当　○協力　△情報提供」: a line pairing two marks or more with
    their meanings) whose meaning the question names, in its words or their vocabulary synonyms (「メインで
    やる」 names 主担当): a mark column is then sifted for that mark, not for any mark."""
    for line in normalize(text).split("\n"):
        pairs = LEGEND_PAIR.findall(line)
        if len(pairs) < 2 or line.lstrip().startswith("|"):
            continue
        named = sorted(((mark, meaning, words) for mark, meaning in pairs
                        if (words := frozenset(content_words(meaning))) and words <= q_tokens), key=lambda x: -len(x[2]))
        if not named or any(not named[0][2] > other[2] for other in named[1:]):
            continue  # the question names two meanings alike: no one mark
        mark, meaning, words = named[0]
        # none graded above it (◎重点的に実施 is 実施 too: 「実施しているのは」 takes both)
        if not any(words < frozenset(content_words(m2)) for _m, m2 in pairs):
            return mark, meaning
    return None


def _unread_column(grid: list[list[str]], used: set[int], q_tokens: set[str]) -> bool:
    """The question names a column it sets no condition on (「北部圏域で協議会がもうできてるのは」 names the
    協議会 column, read only as 北部): a list sifted on the other conditions alone would be wrong. The row titles'
    columns count as read, and a change column (増減) reads the columns it compares: those of its group (相談窓口
    相談件数), or the two before it."""
    header = grid[0]
    titles = {0, 1} if is_row_number_head(header[0]) else {0}
    if len(header) > 1:  # a name column beside a group column (区分 | 団体名) titles the rows too
        names = [r[1].strip() for r in grid[1:] if len(r) > 1 and r[1].strip()]
        titles |= {1} if names and len(set(names)) == len(names) else set()
    changes = [u for u in used if CHANGE_HEAD.search(header[u])]
    groups = {header[u].split()[0] for u in changes if " " in header[u].strip()}
    read = used | titles | {j for j, x in enumerate(header) if " " in x.strip() and x.split()[0] in groups}
    read |= {u - d for u in changes for d in (1, 2) if u - d >= 0}  # the figures a change column compares

    def words(j: int) -> set[str]:
        return {t for t in content_words(normalize(header[j])) if len(t) >= 2}

    seen = set().union(*(words(j) for j in read)) if read else set()
    unread = set().union(*(words(j) for j in range(len(header)) if j not in read)) - seen
    return bool(unread & q_tokens)


def values_first(grid: list[list[str]]) -> bool:
    """A KPI card: one row of figures under its headers (「| 現状 | 目標 |」 over 「| 38店 | → 90店 |」), so the first
    column holds a value like the others, not the row's name (the caption names it). A table of several rows keeps
    its first column as their names, figures or not (1人 / 2人, No. 1 / 2)."""
    if len(grid) != 2 or len(grid[0]) < 2:
        return False
    cells = [normalize(c).strip().lstrip("→⇒").strip() for c in grid[1]]
    # a figure with its counter, however long the counter (13市町村 as 38店) — the whole rest of the cell (not 65歳以上)
    return bool(cells) and all(FIGURE_CELL.match(c) or ((m := re.fullmatch(r"\d[\d,.]*\s*(\S+)", c)) is not None
                                                        and m.group(1) in units_in(c)) for c in cells)


def _caption_named(h: Hit, q_tokens: set[str]) -> bool:
    """The question holds at least three quarters of the words of the table's caption (two words or more)."""
    words = set(content_words(normalize(h.chunk.get("unit_title", ""))))
    return len(words) >= 2 and len(words & q_tokens) >= 0.75 * len(words)


# a list mark opening a row label: ①, (1), 1., A and a space
_LABEL_MARK = re.compile(r"^\s*(?:[①-⑳]|[（(]\d{1,2}[）)]|\d{1,2}[.．、]\s*|[A-ZＡ-Ｚ][\s\u3000]+)")


def named_rows(q: Query, hits: list[Hit], retriever: Retriever, top: int = 3, max_rows: int = 3
               ) -> list[tuple[Hit, int]]:
    """Rows of a top-ranked table that the question names by their label, as (hit, grid row index):
    「広域連携加算の上限額と補助率は？」 names the row 「メニューC 広域連携加算」, whose cells answer it
    whole (a cell look-up takes one column); 「しおさい市で家賃債務保証をする法人は」 names a row by its cells.
    The label is named verbatim, or the row by its own words — words of the header and caption only say
    which table it is, not which row. At most `max_rows` rows tie."""
    if q.follow_up and q.focus_tokens:  # 「南部は？」 after a question about 北部: its own words name the row first
        own = replace(q, standalone=normalize(q.raw), lexical_text=normalize(q.raw), follow_up=False)
        rows = named_rows(own, hits, retriever, top, max_rows)
        if rows:
            return rows
    _text, qn, q_tokens = _question_keys(q)
    for h, grid in _value_tables(hits[:top], min_rows=2, min_cols=2):
        if len(grid) == 2:
            # one row of figures under its headers (a KPI card 「| 現状 | 目標 |」 / 「| 38店 | → 90店 |」): its caption
            # names the row; the question naming most of the caption's words names it
            if values_first(grid) and _caption_named(h, q_tokens):
                return [(h, 1)]
            continue
        labels = row_labels(grid)
        if q.years and _dated_elsewhere(q, h, " ".join([*grid[0], *labels])):
            continue  # a table its caption dates to another year (「相談件数（令和6年度）」 for 令和5年度) names no row
        keys = [_cell_key(lab) for lab in labels]
        exact = _labels_named(labels, qn)
        figured = [] if exact else _figure_cells_named(grid, qn)
        if len(figured) > max(1, len(labels) // 3):
            figured = []  # a figure many rows share (a 登録日 of half the list) sets none apart: the words decide
        if exact:  # each label the question names, but not one inside another it names (「令和4年度」 holds 「4年度」)
            rows = [i for i in exact if not any(keys[i] != keys[j] and keys[i] in keys[j] for j in exact)]
        elif figured:
            rows = figured
        else:
            # the row's own words (its label and cells, not the header's or caption's) that the question holds;
            # at least one of them must set the row apart (in at most a third of the rows): 支援, shared by
            # most rows, names none, しおさい (the one row active there) does
            context = set(content_words(normalize(" ".join(grid[0]) + " " + h.chunk.get("unit_title", ""))))
            # each cell read on its own (run together, 「1 ともえ市 ○」 tokenises the name differently); a figure or
            # year in a row's other cells (令和7年度に…) does not name the row, one in its label (相談件数（令和6年度）) does
            # (a label's list mark is no figure: 「①設立準備補助金」 is not named by 「1つの市町村」)
            row_all = [(set(content_words(normalize(_LABEL_MARK.sub("", lab))))
                        | {t for c in r if c for t in content_words(normalize(c)) if not re.search(r"\d", t)}) - context
                       for lab, r in zip(labels, grid[1:], strict=False)]
            # a question word the row holds in another form of its vocabulary group counts as held (「立ち上げる準備」
            # names the row 「設立準備補助金」 as much as 「運営立ち上げ補助金」: the rest of its words decide); whether a
            # word sets a row apart is read on the words as written
            others = synonym_others(tuple(content_words(_text)))
            row_words = [{t for t in q_tokens if t in w or any(all(o in w for o in f) for f in others.get(t, ()))}
                         for w in row_all]
            spread = {t: sum(t in w for w in row_all) for t in q_tokens}
            rare = max(1, len(labels) // 3)
            scores = [sum(retriever.idf(t) for t in w) if any(spread[t] <= rare for t in w) else 0.0 for w in row_words]
            best = max(scores, default=0.0)
            rows = [i for i, sc in enumerate(scores) if sc == best] if best > 0 else []
        # a row of a table that names none of the question's places counts someone else (「ゆめみ市の…令和5年度は？」
        # is not answered by the row 令和5年度 of a survey of prefectures)
        given = scope_of(q, h, retriever)
        rows = [i for i in rows if places_held(q, h, [*grid[i + 1], *grid[0]], given)]
        if 0 < len(rows) <= max_rows:
            return [(h, i + 1) for i in rows]
    return []


_WORDY = re.compile(r"[一-龥ぁ-んァ-ヶA-Za-z]{2,}")
_WHERE_WHO = re.compile(r"どこ|どちら|誰|だれ|\b(?:where|who)\b", re.I)
# a question asking what someone said or asked for (「何を求めましたか」「どんな意見が出た」): language, not domain words
_SAID = re.compile(r"求め|述べ|発言|意見|要望|指摘|提案|主張|訴え|言っ|話し|ほしいと|欲しいと")


def row_holds(q: Query, h: Hit, i: int) -> bool:
    """Does row i of a table hold a value of a kind the question asks for? A date for いつ (in any cell, the
    label too: a schedule's rows are dates), a sum for いくら (or any figure in a table counted in 円 / 千円),
    a figure for 何件, words for どこ / 誰 (a place, a body, a name: not figures alone). A question asking two
    things (いつできて、何団体) is served by a row holding either; one asking for no kind, by any row. A row of
    budget figures does not say where a seminar is held."""
    label, *rest = [normalize(c) if c.strip() and not PLACEHOLDER.match(c) else "" for c in h.chunk["grid"][i]]
    values = [v for v in rest if v]
    full = " ".join([label, *values])
    figures = any(re.search(r"\d", v) for v in values)
    wants: list[bool] = []
    if q.numeric:
        wants.append(figures)
    for kind in q.asks:
        if kind == "money":
            wants.append(bool(ANSWER_LOOKS[kind].search(full)) or (figures and counted_in_yen(h.chunk)))
        elif kind == "rate":  # 46.3%, or a bare 46.3 under a header or unit that says ％ / 構成比
            head = normalize(" ".join(h.chunk["grid"][0]) + " " + h.chunk["text"].split("|", 1)[0])
            wants.append(bool(ANSWER_LOOKS[kind].search(full)) or (figures and bool(RATE_HEAD.search(head))))
        elif kind in ("name", "person"):  # a place, body or name in a cell (中央公民館, 山田 太郎): words, not figures
            wants.append(any(_WORDY.search(v) for v in values))
        else:
            wants.append(bool(ANSWER_LOOKS[kind].search(full)))
    if not wants and _WHERE_WHO.search(q.text):  # どこでやるの, 誰が担当: in any wording
        wants.append(any(_WORDY.search(v) for v in values))
    if not wants and _SAID.search(q.text):  # what a member asked for: a statement, not a roster's 所属・役職・出欠
        wants.append(any(len(v) > 20 and _WORDY.search(v) for v in values))
    return any(wants) if wants else True


def sibling_rows(q: Query, h: Hit, i: int, j: int | None = None) -> list[int]:
    """Rows of the cell's table that the question also names, beside row i: rows alike in every label cell but
    one, whose cells there — row i's and theirs — the question writes (「目標値・実績値・達成率を教えて」 names three
    rows of one 指標 told apart by their 区分 cell). One cell (column j; None: a row read whole) answers one of
    them; these answer the rest."""
    grid = h.chunk.get("grid") or []
    if not (0 < i < len(grid)) or len(grid) < 3:
        return []
    asked = squash(normalize(q.standalone))
    labels = [k for k in _label_columns(grid) if j is None or k < j]
    # a label printed on its group's first row only (an empty group cell) is the row's all the same
    filled = [list(grid[0])]
    for row in grid[1:]:
        filled.append([c.strip() or (filled[-1][k] if k in labels and len(filled) > 1 and k < len(filled[-1]) else "")
                       for k, c in enumerate(row)])

    def named(text: str) -> bool:
        key = squash(normalize(text))
        return len(key) >= 2 and key in asked

    out = []
    for r in range(1, len(grid)):
        if r == i or len(grid[r]) != len(grid[i]) or (j is not None and not grid[r][j].strip()):
            continue
        differ = [k for k in labels if filled[r][k] != filled[i][k]]
        if len(differ) == 1 and named(filled[i][differ[0]]) and named(filled[r][differ[0]]):
            out.append(r)
    return out


def _label_columns(grid: list[list[str]]) -> list[int]:
    """A table's label columns: those before the first column whose cells are mostly figures (or 「－」), after a
    row-number column (No.). A fiscal year in a row's label (令和6年度) is a label, not a figure."""
    head, rows = grid[0], grid[1:]
    start = 1 if head and is_row_number_head(head[0]) else 0
    for k in range(start, len(head)):
        cells = [r[k].strip() for r in rows if k < len(r) and r[k].strip()]
        if cells and sum(bool(FIGURE_CELL.match(c)) for c in cells) * 2 >= len(cells):
            return list(range(start, k))
    return list(range(start, len(head)))


def row_line(h: Hit, i: int) -> str:
    """A table row as a statement: 「表5 補助金のメニューの「メニューC 広域連携加算」：上限額 30万円、補助率 10/10」
    (cells with their headers, original characters; the table's unit when it has one). The label is the
    row's as read (a prefix written only on the first row carried down); cells past the header stay, unlabelled.
    Empty when the row holds no value."""
    grid = h.chunk["grid"]
    head, row = grid[0], grid[i]
    cells = []
    first_value = values_first(grid)  # a KPI card: every cell is a value under its header, the caption names the row
    for j, c in enumerate(row[0 if first_value else 1:], start=0 if first_value else 1):
        hd = head[j].strip() if j < len(head) else ""
        if c.strip() and not PLACEHOLDER.match(c):
            # a cell that says its header itself (「n=52」 under 「n」) is not prefixed twice
            said = bool(hd) and re.match(re.escape(squash(normalize(hd))) + r"[=:]", squash(normalize(c))) is not None
            cells.append(f"{hd} {c.strip()}" if hd and not said else c.strip())
    if not cells:
        return ""
    m = UNIT.search(h.chunk["text"])
    unit = f"（単位：{m.group(1).strip()}）" if m else ""
    if first_value:
        return f"{h.chunk.get('unit_title') or '表'}：{'、'.join(cells)}{unit}"
    named = row_labels(grid)[i - 1]
    first = row[0].strip() if row else ""
    if named and first and not re.fullmatch(r"\d{1,4}", first) and not named.endswith(first) \
            and not PLACEHOLDER.match(first):
        # the row is named by another column (a group column repeats 団体名 over its rows): the group is said too
        cells.insert(0, f"{head[0].strip()} {first}" if head and head[0].strip() else first)
    label = " ".join((named or row[0]).split())  # a wrapped label reads as one line
    title = h.chunk.get("unit_title") or "表"
    return f"{title}の「{label}」：{'、'.join(cells)}{unit}" if label else f"{title}：{'、'.join(cells)}{unit}"


# ---- sentence selection ---------------------------------------------------------------------
# the label of an answer line (A．, A 借りられます, 【回答】): the answer is shown without it
ANSWER_LABEL = re.compile(r"^\s*(?:A\s*\d*\s*[.．:：、]\s*|A[ \u3000]+|【回答】\s*|答\s*[.．:：]\s*)")


# a rule drawn with characters (an e-mail's ━━━━ or ＊＊＊＊ between its parts, 「-----Original Message-----」):
# decoration, shown as a break between the words it separates
RULE_RUN = re.compile(r"([━─═＝=＊*―\-－_＿~〜])\1{3,}")


def clean_sentence(sent: str) -> str:
    """A quoted sentence as shown: without a table row's stray number (「3 当県は…」) or an answer's label
    (「A．」「【回答】」: the answer is what the reader wants, the label only says it is one), nor a rule drawn with
    characters (「■４　提出方法 ━━━━━━━━電子メールに…」 reads 「■４　提出方法 電子メールに…」)."""
    sent = re.sub(r"\s{2,}", " ", RULE_RUN.sub(" ", sent)) if RULE_RUN.search(sent) else sent
    return ANSWER_LABEL.sub("", LEADING_ROW_NO.sub("", sent.strip()).strip(), count=1).strip()


def drop_connective(sent: str) -> str:
    """「一方、…」「上記のように、…」 shown without what it leans on: the connective goes, the statement stays."""
    m = CONNECTIVE.match(sent)
    if not m or m.group(1) in KEEP_OPENERS:
        return sent
    rest = sent[m.end():].lstrip("、，, ")
    return rest or sent


def pick_sentences(q: Query, hits: list[Hit], retriever: Retriever, max_sentences: int = 3,
                   already_said: str = "", model: SentenceModel | None = None,
                   cands: list | None = None) -> list[tuple[Hit, str, float]]:
    """The sentences that answer, scored by the sentence model (app.sentence_rank: fitted on the
    banks' training folds). Some sentences bring others along: one that leans on the sentence before
    it (一方、このうち…) brings that one; a title line, or a sentence announcing what follows
    (「次のとおりです」), brings the lines under it; a question line (an FAQ's Q) brings its answer.
    For a follow-up, what was already said is not repeated. `cands`: the candidates of these hits, already listed
    (they do not depend on the model: the sentence fit composes each question with many models)."""
    model = model or load_sentence_model()
    cands = candidates(q, hits, retriever, already_said) if cands is None else cands
    scored = sorted(((model.score(c.features), c) for c in cands), key=lambda x: (-x[0], x[1].rank, x[1].index))
    by_chunk = {h.chunk["id"]: passage_sentences(h) for h in hits[:TOP_PASSAGES]}
    out: list[tuple[Hit, str, float]] = []
    seen: set[str] = set()
    best = scored[0][0] if scored else 0.0
    primary = 0  # sentences chosen on their own merit; antecedents and continuations ride along
    for score, c in scored:
        h, s_i, s = c.hit, c.index, c.text
        if primary >= max_sentences or not model.keep(score, best):
            break
        if squash(s) in seen or other_ordinal(q.specs, s):
            continue  # a sentence about another one of the asked series (STEP2 where STEP3 is asked) answers it not
        primary += 1
        sents = by_chunk[h.chunk["id"]]
        prev = sents[s_i - 1] if s_i > 0 else ""
        led = False  # the antecedent brought along counts what the list under both names (2法人を指定。これにより…)
        if (leans_back(normalize(s)) and prev and squash(prev) not in seen and not is_caption(prev, h.chunk)
                and not (speaker_of(s) and speaker_of(s) != speaker_of(prev))):
            seen.add(squash(prev))  # the antecedent first, so 「一方、…」 does not dangle
            out.append((h, prev, score))
            led = introduces_list(sents, s_i - 1)
        seen.add(squash(s))
        out.append((h, s, score))
        f = c.features
        # a sentence pointing at the marked lines under it (「次の書類がそろっているか確認してください。」 over □ lines)
        led = led or (not f.get("question_line") and not f.get("lead_in") and points_at_marks(sents, s_i))
        if f.get("title_line") or f.get("lead_in") or f.get("question_line") or led:
            # a heading, box title or 「次のとおり」 is never shown alone: the lines under it answer;
            # a question line is answered by what follows it, up to the next question or title
            limit = 2 if f.get("question_line") else MAX_ITEMS
            for k, item in enumerate(sents[s_i + 1 : s_i + 1 + limit], start=s_i + 1):
                if squash(item) in seen:
                    continue  # picked on its own merit already: the lines after it still belong here
                listed = bool(ITEM_LINE.match(item)) or in_marked_run(sents, k)
                # (an item phrased as a question — a checklist's or an audit's viewpoints 「①…行われているか。」 —
                # is still an item of a lead-in's list; under a question line, the next question line starts the
                # next question, numbered or not: 「（2）申請先はどこですか。」)
                if (not item or (is_question_line(item) and not (listed and not f.get("question_line")))
                        or (is_title_line(item) and not listed) or (led and not listed)):
                    break
                seen.add(squash(item))
                out.append((h, item, score))
            continue
        # a bullet's sub-items (・ then －) elaborate it: 「アドバイザーを派遣します」 then 「－社会福祉士、…」
        mark = _bullet(s)
        for item in sents[s_i + 1 : s_i + 1 + MAX_SUBITEMS]:
            if not mark or not _bullet(item) or _bullet(item) == mark or squash(item) in seen:
                break
            seen.add(squash(item))
            out.append((h, item, score))
        nxt = sents[s_i + 1] if s_i + 1 < len(sents) else ""
        if nxt and leans_back(normalize(nxt)) and squash(nxt) not in seen and primary < max_sentences:
            seen.add(squash(nxt))
            out.append((h, nxt, score))
    return out


PART_REACH = 8  # how many of the best sentences a part of the question looks among for its own


def part_share(part: tuple[str, ...], sentence: str, idf) -> float:
    """The share (by idf) of a question part's own words that a sentence holds."""
    toks = set(content_words(sentence))
    total = sum(idf(t) for t in part) or 1.0
    return sum(idf(t) for t in part if t in toks) / total


def parts_unanswered(q: Query, shown: list[str], idf) -> list[tuple[str, ...]]:
    """The parts of a question that asks two things (「予算はいくらで、前年度からいくら増えた？」) no shown line speaks
    to: none holds most of that part's own words (by idf)."""
    return [p for p in q.parts if not any(part_share(p, s, idf) >= 0.5 for s in shown)]


def part_sentences(parts: list[tuple[str, ...]], pool: list[tuple[Hit, str, float]], shown: list[str], idf
                   ) -> list[tuple[Hit, str, float]]:
    """For each part no shown line speaks to, the best sentence of the pool (in the scorer's order) that does. The
    scorer ranks sentences against the whole question, and one part's sentences can crowd out the other's."""
    out: list[tuple[Hit, str, float]] = []
    said = {squash(x) for x in shown}
    for part in parts:
        for h, sent, score in pool:
            if squash(sent) not in said and part_share(part, sent, idf) >= 0.5:
                out.append((h, sent, score))
                said.add(squash(sent))
                break
    return out


MAX_ITEMS = 6
MAX_SUBITEMS = 3
_BULLETS = "・･-－‐•◦○●■□◆◇※"


def _bullet(line: str) -> str:
    """The bullet a line starts with (・, －, ○…), or ''."""
    t = line.lstrip()
    return t[0] if t and t[0] in _BULLETS else ""


_FISCAL = re.compile(r"(?:令和|平成)?\s*(?<!\d)(\d{1,2}|元)\s*年度|(?<!\d)((?:19|20)\d\d)\s*年度")


def fiscal_years(text: str) -> set[str]:
    """The fiscal years a normalised text states, as era years (元 is 1; 2025年度 is 令和7年度)."""
    out = set()
    for era_year, western in _FISCAL.findall(text):
        if western:
            y = int(western)
            out.add(str(y - 2018 if y >= 2019 else y - 1988))
        else:
            out.add("1" if era_year == "元" else era_year)
    return out


def without_years(text: str) -> str:
    """A normalised text without its fiscal years (「相談件数 令和6年度」 → 「相談件数 」): what a two-level table
    header names besides the year it is of."""
    return _FISCAL.sub("", text)


def other_year(q: Query, text: str) -> bool:
    """The sentence states fiscal years, none of them the one the question asks about (令和9年度末 for a
    question about 令和8年度), or another one of a series (第1期計画 for the 第2期): its figure answers that other
    one and must not lead."""
    asked = {n for y in q.years for n in fiscal_years(normalize(y))}
    flat = normalize(text)
    stated = fiscal_years(flat)
    if asked and stated and not asked & stated:
        # another year given in brackets beside a figure of its own (「入居決定：317件（令和5年度は264件）」): the figure
        # outside the brackets is the year the passage is about, not the bracketed one
        brackets = BRACKETED.findall(flat)
        outside = BRACKETED.sub("", flat)
        if fiscal_years(outside) or not FIGURE.search(outside) or not any(
                fiscal_years(b) and FIGURE.search(b) for b in brackets):
            return True
    return other_ordinal(q.specs, text)


PERIOD = r"[年月週日]"
# a frequency asked per period (年何回, 月に何日, 週あたり何時間), not a date (何年何月何日)
PER_PERIOD = re.compile(rf"(?<!何)({PERIOD})\s*(?:に|あたり|当たり)?\s*(?:何|なん)\s*(?:回|度|時間|日|人|件|か所|箇所)")


def figure_sentence(q: Query, picked: list[tuple[Hit, str, float]]) -> int | None:
    """Index of the picked sentence whose stated figure (9法人, 3県) the question asks for, judged by
    the words around each figure: before it (「居住支援法人は28法人」) and after it up to the clause's end, where a
    Japanese predicate stands (「6法人から、…提出されていなかった」); a negated question needs a negated phrase
    there."""
    q_grams = bigrams(q.compose_text)
    per = PER_PERIOD.search(normalize(q.raw if q.follow_up else q.compose_text))
    best, best_score = None, 0.0
    for i, (_h, sent, _s) in enumerate(picked):
        text = normalize(sent)
        if other_year(q, text):
            continue
        for m in FIGURE.finditer(text):
            if q.counter and not same_counter(m.group("unit"), q.counter):
                continue
            # a frequency asked per period (年何回, 月に何回) is not one stated per another (月1回 for 年何回)
            stated = re.search(rf"({PERIOD})\s*(?:に|あたり|当たり)?\s*$", text[max(0, m.start() - 4) : m.start()])
            if per and stated and stated.group(1) != per.group(1):
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            after = text[m.end() : m.end() + 40].split("。")[0]
            nxt = next((n for n in FIGURE.finditer(after) if not q.counter or same_counter(n.group("unit"), q.counter)), None)
            if nxt is not None:  # up to the next figure it counts: what follows that is said of that one
                after = after[: nxt.start()]
            # the words before weigh more: the figure's own subject stands there (「構成員としていないところが3県」)
            ahead = bigrams(before) & q_grams
            score = len(ahead) + 0.5 * len((bigrams(after) & q_grams) - ahead)
            if q.negated:
                score += 3 if NEGATION.search(before) else (1 if NEGATION.search(after) else 0)
            if score > best_score:
                best, best_score = i, score
    return best


RATIO_HEADER = RATE_HEAD  # a header of shares (構成比, 割合（％）, 執行率)
PERCENT = {"%", "％", "パーセント"}


def column_unit(units: str, header: str = "", counter: str = "", value: str = "") -> str:
    """Which of a table's units (（単位：件、％）) a column's cells are in. Shares (％) first: a ratio header (構成比)
    or the question asking in ％ takes it; otherwise the count units decide — the one the header ends with
    (…件数 -> 件, 交付額（千円） -> 千円), the one the question asks in (何人 -> 人), or the only one there is
    (（単位：千円、％） -> 千円). Two count units and no sign which: none (a figure with the wrong unit is a wrong
    figure). A value stating its share (「1（8.3%）」) is in the count unit."""
    listed = [u.strip() for u in re.split(r"[、,，・/／]", units) if u.strip()]
    if len(listed) <= 1:
        return listed[0] if listed else ""
    shares = [u for u in listed if u in PERCENT]
    counts = [u for u in listed if u not in PERCENT]
    if shares and not re.search(r"[%％]", value) and (RATIO_HEADER.search(header) or counter in PERCENT):
        return shares[0]
    if not counts:
        return ""
    head = re.sub(r"\s+", "", header)
    ending = [u for u in counts if re.search(rf"(?:{re.escape(u)}|[（(]{re.escape(u)}[）)]|{re.escape(u)}数)$", head)]
    if len(ending) == 1:
        return ending[0]
    if counter and counter in counts:
        return counter
    if len(counts) == 1 and not RATIO_HEADER.search(header):
        return counts[0]
    return ""


def with_unit(value: str, unit: str, header: str = "", counter: str = "") -> str:
    """A cell's value with the table's unit (（単位：団体）) after its number: 「1（8.3%）」 reads 「1団体（8.3%）」,
    not 「1（8.3%）団体」. A value that says its own unit (40.0%, 3分の2) or is no number (○, 市直営) stays as it is.
    A table of several units (（単位：回、人）) gives the column's (`column_unit`); a table with none, or whose units
    leave the column open, the counter or money unit its column header ends in (「派遣（回）」 -> 3回, 「交付額（千円）」
    -> 1,200千円)."""
    unit = column_unit(unit, header, counter, value)
    if not unit:
        yen = YEN_LABEL.search(normalize(header))
        unit = next(iter(header_counter(header)), "") or (yen.group(0).strip("()（） ") if yen else "")
    if not unit or unit in value:
        return value
    m = re.match(r"^\s*((?:約|概ね|およそ)?[△▲▽−\-+]?[\d,.]+(?:\s*[～〜~]\s*[\d,.]+)?)\s*(?=[（(※]|以上|以下|未満|$)", value)
    return f"{m.group(1)}{unit}{value[m.end():]}" if m else value


def narrower_sentence(q: Query, cell: tuple, picked: list[tuple[Hit, str, float]], retriever: Retriever) -> int | None:
    """Index of a picked sentence that states the asked count under the question's own condition, which the
    table cannot express: 「毎年度開催する旨を規定していない県のうち、0回だった県は」 is answered by the sentence
    counting within that group (1県), not by the table's cell for all 15 (2県). The question's words that
    the table (caption, header, row) lacks must weigh at least `0.3` of the question, and the sentence must hold
    most of them and a figure of the asked counter."""
    if not q.counter:
        return None
    h, _i, _j, row, col, _value = cell
    # what the table itself can express: from its caption on (scope, unit, cells, notes), not a lead-in
    # paragraph read before it
    text, title = h.chunk["text"], h.chunk.get("unit_title", "")
    start = text.find(title) if title else -1
    table_text = text[start:] if start > 0 else text
    table_words = set(content_words(normalize(" ".join([title, table_text, row, col]))))
    if q.zero:  # 「一度も…しなかった」 is what the table's zero column says
        table_words.update(w for m in ZERO_Q.finditer(normalize(q.standalone)) for w in content_words(m.group(0)))
    weights = {t: retriever.idf(t) for t in q.topic_tokens}
    residual = {t: w for t, w in weights.items() if t not in table_words}
    total, rest = sum(weights.values()) or 1.0, sum(residual.values())
    if rest / total < 0.3:
        return None
    best, best_share = None, 0.6
    for k, (_h, sent, _s) in enumerate(picked):
        if not counts_in(normalize(sent), q.counter) or other_year(q, sent):
            continue  # (a sentence counting another year — 「2,693件（令和7年度）」 for 令和5年度 — narrows nothing)
        toks = set(content_words(sent))
        share = sum(w for t, w in residual.items() if t in toks) / rest
        if share >= best_share:
            best, best_share = k, share
    return best


RECORD_LABEL = re.compile(r"^【[^】]{1,20}】")  # a record's field label (【要望事項】, 【県の回答】)
FAQ_MATCH = 0.5  # share of the question's (IDF-weighted) words a document's question line must hold


def matched_answer(q: Query, hits: list[Hit], retriever: Retriever, top: int = 2, max_lines: int = 6
                   ) -> tuple[Hit, str, list[str]] | None:
    """(hit, question line, its answer lines) when a top passage holds a question (Q．…？, 【質問】…か。) that
    asks what the user asks: a Q&A leaflet, an FAQ page or a newsletter's Q&A corner has already written the
    answer, and it runs from the question to the next question or title line. The question line must hold at
    least FAQ_MATCH of the user's question words (IDF-weighted), and be the best such line; for a follow-up, one
    of its own words too."""
    words = {t: retriever.idf(t) for t in dict.fromkeys(content_words(q.compose_text)) if t not in vocabulary().era_names}
    total = sum(words.values())
    if not total:
        return None
    # a word counts when the line holds it or one of its other forms (要る / 必要, 立ち上げる / 設立)
    members = synonym_members(tuple(content_words(q.compose_text)))
    own = own_words(q)
    best: tuple[float, Hit, int, list[str]] | None = None
    for h in hits[:top]:
        sents = passage_sentences(h)
        for i, s in enumerate(sents):
            if not is_question_line(s) or i + 1 >= len(sents):
                continue
            toks = content_words(s)
            have = set(toks)
            for m, others in members:
                if any(contains_run(toks, o) for o in others):
                    have.update(m)
            if q.follow_up and own and not own & have:
                continue  # a follow-up's own words (「現行だと？」) are not in it: it answers the earlier question
            share = sum(w for t, w in words.items() if t in have) / total
            if share >= FAQ_MATCH and (best is None or share > best[0]):
                best = (share, h, i, sents)
    if best is None:
        return None
    _share, h, i, sents = best
    answer: list[str] = []
    # a record's labelled request (【要望事項】…) goes on for a sentence or two before its labelled reply (【県の回答】):
    # the answer starts at the reply — only there, never past a title or another labelled field
    start = i + 1
    if RECORD_LABEL.match(normalize(sents[i])):
        for k in range(i + 1, min(i + 4, len(sents))):
            t = normalize(sents[k])
            if ANSWER_LINE.match(t):
                start = k
                break
            if is_question_line(t) or is_title_line(sents[k]) or RECORD_LABEL.match(t):
                break
    for s in sents[start : start + max_lines]:
        if is_question_line(s) or (is_title_line(s) and not ITEM_LINE.match(s) and answer):
            break
        answer.append(s)
    return (h, sents[i], answer) if answer else None


def continuation(q: Query, hit: Hit, sent: str, retriever: Retriever, share: float = 0.15) -> str:
    """The sentence right after a lead in its passage, when it holds question words the lead lacks (at least
    `share` of the question's IDF weight): 「…は26法人です。」 then 「種類別では、NPO法人が11法人…」 answers
    the rest of 「数と種類別の内訳」. '' otherwise, or when the next line is a question or a title."""
    sents = passage_sentences(hit)
    i = next((k for k, x in enumerate(sents) if x == sent.strip()), -1)
    if i < 0 or i + 1 >= len(sents):
        return ""
    nxt = sents[i + 1]
    if is_question_line(nxt) or is_title_line(nxt) or other_ordinal(q.specs, nxt):
        return ""  # (nor the next one of a series: 「第1回…」 under a lead about 第2回 answers another one)
    weights = {t: retriever.idf(t) for t in dict.fromkeys(q.tokens)}
    total = sum(weights.values()) or 1.0
    lead, after = set(content_words(sent)), set(content_words(nxt))
    return nxt if sum(w for t, w in weights.items() if t in after and t not in lead) / total >= share else ""


def whole_groups(picked: list[tuple[Hit, str, float]], n: int) -> list[tuple[Hit, str, float]]:
    """The first n lines, and the rest of the last one's group: lines that ride along with a sentence
    (its antecedent, a title's items, a Q's answer) carry its score and are not cut from it."""
    out = picked[:n]
    for p in picked[n:]:
        if not out or p[2] != out[-1][2]:
            break
        out.append(p)
    return out


def without_bare_titles(picked: list[tuple[Hit, str, float]]) -> list[tuple[Hit, str, float]]:
    """The picked lines less each heading, band or box title that stands without the line printed under it (a
    profile's 「みさご市居住支援協議会」 over its table): alone it states nothing, and the citation names the
    section anyway. A title whose next line is quoted too stays, heading what follows; a list item is no title.
    May return nothing: the caller keeps the titles when they are all it has."""
    chosen = {(h.chunk["id"], squash(s)) for h, s, _ in picked}

    def title(h: Hit, s: str) -> bool:
        """The passage's caption, a heading of its section path, or a short line opening it (a band's name over
        a table). A short line inside a box or list (「目安：1か月」) is content; so is a table's row."""
        if s.lstrip().startswith("|") or ITEM_LINE.match(s):
            return False
        c = h.chunk
        heads = {squash(x) for x in (*(c.get("section_path") or []), c.get("section_title", ""), c.get("unit_title", ""))}
        first = next((x for x in c["text"].splitlines() if x.strip()), "")
        return (is_caption(s, c) or squash(s) in heads - {""}
                or (is_title_line(s) and squash(s) == squash(first)))

    keep = []
    for h, s, score in picked:
        if title(h, s):
            sents = [x.strip() for x in passage_sentences(h)]
            k = sents.index(s.strip()) if s.strip() in sents else len(sents)
            under = next((x for x in sents[k + 1:] if not title(h, x)), "")  # the first line it heads
            if not under or (h.chunk["id"], squash(under)) not in chosen:
                continue
        keep.append((h, s, score))
    return keep


def _states_asked_kind(q: Query, sentence: str) -> bool:
    """The sentence holds a value of the (finest) kind asked for, not of another year than the question's."""
    text = normalize(sentence)
    return any(ANSWER_LOOKS[kind].search(text) for kind in finest(q.asks)) and not other_year(q, text)


def _states_specs(q: Query, h: Hit, sentence: str, retriever: Retriever | None) -> float:
    """Share of the question's specifiers a sentence states, read under its passage's headings (「日時：11月9日」 under
    「第2回 …のご案内」) — unless it dates itself against them (「前年度は1,150万円」 under a 令和8年度 heading is
    令和7年度's)."""
    given = scope_of(q, h, retriever)
    own = held(q.specs, sentence, given)
    flat = normalize(sentence)
    if any(w in flat for w in vocabulary().relative_years):
        return own
    titled = " ".join([h.chunk.get("section_title", ""), h.chunk.get("unit_title", ""), sentence])
    return max(own, held(q.specs, titled, given))


def kind_sentence(q: Query, picked: list[tuple[Hit, str, float]], retriever: Retriever | None = None) -> int | None:
    """Index of the best-scored picked sentence holding the kind of answer asked for (a date for いつ,
    an amount for いくら): it leads, as the figure does for a count question. Of those, one that states what the
    question singles out (第2回, a place, a year; what its document states for all of it counts as stated) comes
    first: a cover's issue date outscores 「第2回　南部会場 日時：…」 on the question's words, but answers no 第2回."""
    order = sorted(range(len(picked)), key=lambda i: -picked[i][2])
    stating = [i for i in order if _states_asked_kind(q, picked[i][1])]
    if q.specs and len(stating) > 1:
        share = {i: _states_specs(q, *picked[i][:2], retriever) for i in stating}
        most = max(share.values())
        stating = [i for i in stating if share[i] == most]
        # of those, one naming what the value is of (「令和8年度の予算 1,460万円」 for 「予算はいくら」, not the line of one
        # item of it under the same heading)
        head = attribute_head(normalize(q.attribute))
        named = [i for i in stating if head and head in content_words(picked[i][1])]
        stating = named or stating
    return stating[0] if stating else None


def nearby_kind(q: Query, h: Hit, sent: str, reach: int = 3) -> str | None:
    """The first of the few lines after the best-scored one, in its passage, that holds the kind of value asked (the
    finer one: a day for 「開催日時」) — a cover or a notice gives an event's name, then its date and place on lines
    of their own that share no word with the question. None when none within `reach` lines does."""
    sents = [x.strip() for x in passage_sentences(h)]
    if sent.strip() not in sents:
        return None
    k = sents.index(sent.strip())
    return next((nxt for nxt in sents[k + 1:k + 1 + reach] if _states_asked_kind(q, nxt)), None)


REST_SHARE = 0.35  # share of the question's (IDF-weighted) words a sentence answering its other kind must hold


def rest_of_kinds(q: Query, hits: list[Hit], retriever: Retriever, said: str, top: int = 3
                  ) -> tuple[Hit, str] | None:
    """A question asking two kinds of value (「実践編の会場と申込みの締切」: a venue and a date) whose answer so far
    states one of them: the sentence of a top passage that states the other, among those holding at least REST_SHARE
    of the question's words (the best such), not of another year. None when the answer states every kind, asks one,
    or states none (then no lead was found, and a loosely matched value would be a guess)."""
    kinds = list(dict.fromkeys(finest(q.asks)))
    text = normalize(said)
    missing = [k for k in kinds if not ANSWER_LOOKS[k].search(text)]
    if len(kinds) < 2 or not missing or len(missing) == len(kinds):
        return None
    weights = {t: retriever.idf(t) for t in q.topic_tokens}
    total = sum(weights.values()) or 1.0
    best: tuple[float, Hit, str] | None = None
    for h in hits[:top]:
        for sent in passage_sentences(h):
            flat = normalize(sent)
            if squash(flat) in squash(text) or other_year(q, flat):
                continue
            if not any(ANSWER_LOOKS[k].search(flat) for k in missing):
                continue
            toks = set(content_words(flat))
            share = sum(w for t, w in weights.items() if t in toks) / total
            if share >= REST_SHARE and (best is None or share > best[0]):
                best = (share, h, sent)
    return (best[1], best[2]) if best else None


def other_figures(q: Query, sentence: str, lead: str) -> bool:
    """True when a supporting sentence states a figure of the asked counter that the lead does not:
    it speaks of another subgroup and must not stand beside the answer unexplained."""
    if not q.counter:
        return False
    lead_figs = {squash(m.group(0)) for m in counts_in(normalize(lead), q.counter)}
    figs = {squash(m.group(0)) for m in counts_in(normalize(sentence), q.counter)}
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
    subject = subject_of(q.raw if q.follow_up else q.compose_text)
    out = []
    for c in retriever.chunks:
        if c.get("unit_title") == title and c.get("row"):
            text = c["text"].replace(title, "", 1).strip()
            text = clean_sentence(text)
            text = re.sub(r"\n?（注）.*$", "", text, flags=re.S).strip()
            text = speaker_block(text, subject) if subject else text
            out.append((by_id.get(c["id"]) or Hit(c, 0.0, 0), text))
    return out[:max_rows]


_UNIT_ROWS: dict[str, dict[tuple[str, str], list[dict]]] = {}  # per index build: (document, unit key) -> its rows


def unit_rows(retriever: Retriever, doc_id: str, key: str) -> list[dict]:
    """The row passages (a case box's or table's, one per row) of one document's unit, in print order; the map is
    built once per index build."""
    build = getattr(retriever.snapshot, "build_id", "")
    if build not in _UNIT_ROWS:
        _UNIT_ROWS.clear()
        rows: dict[tuple[str, str], list[dict]] = {}
        for c in retriever.chunks:
            if c.get("row") and (k := unit_key(c.get("unit_title", ""))):
                rows.setdefault((c.get("doc_id", ""), k), []).append(c)
        _UNIT_ROWS[build] = rows
    return _UNIT_ROWS[build].get((doc_id, key), [])


def _row_title(c: dict) -> str:
    """A row's title line (「○市区町村における…の把握・個別支援」) after its caption and running number (printed on
    the line or alone above it), or '' when the row opens with running text."""
    body = c["text"].replace(c.get("unit_title", ""), "", 1)
    lines = [x.strip() for x in body.split("\n") if x.strip()]
    if lines and re.fullmatch(r"\d{1,2}", lines[0]):
        lines = lines[1:]
    first = re.sub(r"^\d{1,2}\s+", "", lines[0]).strip() if lines else ""
    if not first or re.fullmatch(r"[\d\W]*", first) or len(first) > 40:
        return ""
    return first if MARKED_LINE.match(first) or is_title_line(first) else ""


def cited_unit(q: Query, text: str, doc_id: str, retriever: Retriever, shown: str = ""
               ) -> tuple[str, list[tuple[Hit, str]]] | None:
    """(the unit's caption, its items as (passage, title line)) for a list question whose answer sentence, from
    document `doc_id`, only cites where the things are (「独自の取組を実施している県がみられた（事例 4-③）。」): the
    titles of that unit's rows, when each row opens with one and the answer shows none yet. A unit whose rows open
    with running text has no titles to list (the sentence stands alone)."""
    if not q.list_like or q.numeric:
        return None
    for ref in unit_refs(text):
        rows = unit_rows(retriever, doc_id, ref)
        titles = [(Hit(c, 0.0, 0), _row_title(c)) for c in rows]
        if len(titles) < 2 or not all(t for _h, t in titles) or any(squash(t) in squash(shown) for _h, t in titles):
            continue
        return rows[0].get("unit_title", ref), titles
    return None


def speaker_block(text: str, subject: str) -> str:
    """From a row holding several labelled statements (【A の意見】… 【B の意見】…), the one the question
    asks about; the whole row when no label names the subject."""
    parts = re.split(r"(?=【[^】]{1,30}】)", text)
    mine = [p.strip() for p in parts if (who := speaker_of(p)) and (subject in who or who in subject)]
    return "\n".join(mine) if mine else text


def block_label(sents: list[str], k: int) -> str:
    """Who speaks in sentence k of a passage: the label of the statement block it stands in
    (【ひばり市】保証人を…。家賃債務保証の…。 → 「ひばり市」 for the second sentence too), so a quote taken
    from the middle of a block still says whose it is. `sents` as split, line ends kept: a block ends with its
    paragraph. A label alone on its line (【調査結果】) heads a section and names no speaker; a sentence that
    opens with its own label needs none."""
    if not 0 <= k < len(sents) or speaker_of(sents[k].strip()):
        return ""
    for prev in reversed(sents[:k]):
        if prev.endswith("\n"):
            return ""  # a paragraph ended before sentence k: the block is not its
        who = speaker_of(prev.strip())
        if who:
            text = normalize(prev.strip())
            m = SPEAKER.match(text)
            rest = text[m.end():] if m else ""
            # a bracketed label, or a name set off by ：or a space (○委員長：, ○ひばり市　…): short and not ending
            # in a particle (○ 住宅確保要配慮者への … is a bullet before a sentence, not a speaker)
            named = bool(m) and (m.group("a") is not None or (
                len(who) <= 15 and not re.search(r"[のへをにはがともで]$", who)
                and re.match(r"[：:\s]", text[m.end() - 1:])))
            return who if named and squash(rest) else ""
        if is_title_line(prev.strip()):
            return ""  # a heading ends the block
    return ""


def _heading_label(line: str) -> str:
    """The bracketed label of a line that is only a block's heading (【改正後】（役員）, 【現行】): '' otherwise."""
    if not line.endswith("\n"):
        return ""
    m = SPEAKER.match(normalize(line.strip()))
    if not m or m.group("a") is None:
        return ""
    rest = normalize(line.strip())[m.end():]
    return m.group("a") if len(rest) <= 15 and not re.search(r"[。．]", rest) else ""


def side_heading(sents: list[str], k: int) -> str:
    """The label of the labelled block sentence k stands in, where a passage sets blocks side by side under
    headings of their own (a 新旧対照表's 【改正後】 and 【改正前】, 【現行】 and 【改正案】): the same words
    stand in both, so a quote says which side it is from. '' where the passage has one such heading or none
    (【調査結果】 heads a section, not a side): the labels are the vocabulary's names of versions set side by side
    (ingest/resources/vocabulary.toml side_labels). `sents` as split, line ends kept."""
    labels = {lab for x in sents if (lab := _heading_label(x)) and lab in vocabulary().side_labels}
    if len(labels) < 2 or not 0 <= k < len(sents) or _heading_label(sents[k]):
        return ""  # (a heading names its own side)
    return next((lab for x in reversed(sents[:k]) if (lab := _heading_label(x)) and lab in labels), "")


def side_of(h: Hit, sent: str) -> str:
    """side_heading of a quoted sentence in its passage ('' where it is not found there)."""
    sents = split_sentences(h.chunk["text"])
    keys = [x.strip() for x in sents]
    return side_heading(sents, keys.index(sent.strip())) if sent.strip() in keys else ""


def group_title(sents: list[str], k: int) -> str:
    """The title over the list item k stands in (「段階3　設立準備期（10月～1月）」 over 「□協力不動産店の登録方法を
    決めた」): a checklist's or a grouped list's item says little without the group it belongs to. The title is the
    line right above the run of marked lines (□, ✓, ・, ①…), short and no sentence; none when the run opens the
    passage or a sentence leads it in (「次のとおりです。」)."""
    if not 0 <= k < len(sents) or not MARKED_LINE.match(sents[k]):
        return ""
    j = k - 1
    while j >= 0 and MARKED_LINE.match(sents[j]):
        j -= 1
    t = sents[j].strip() if j >= 0 else ""
    if 0 < len(t) <= 40 and not t.startswith("|") and not re.search(r"[。．！？!?：:]$", t):
        return t
    return ""


# the numbered marks of MARKED_LINE, each a kind of its own whatever its number (①② are one list, (1)(2) another)
def item_run(sents: list[str], k: int, most: int = 12) -> list[int]:
    """The list sentence k is an item of: the indices of the run of lines around it that open with the same kind of
    mark (①②③, ・・・), or [k] when it is no item of two or more. A list question (「どのようなことが挙げられて
    いますか」) is answered by the whole list, not by the one item that scored best among other sentences."""
    fam = item_family(sents[k]) if 0 <= k < len(sents) else ""
    if not fam:
        return [k]
    i = j = k
    while i > 0 and item_family(sents[i - 1]) == fam:
        i -= 1
    while j + 1 < len(sents) and item_family(sents[j + 1]) == fam:
        j += 1
    if j == i or j - i + 1 > most:
        return [k]
    return list(range(i, j + 1))


# a sentence opening with its place in a spoken or written enumeration: 「1つ目は」「二つ目に」「第二に」
ORDINAL_OPENER = re.compile(r"^\s*(?:(?P<a>\d{1,2}|[一二三四五六七八九十])\s*つ目(?:は|に|として|が|、)|"
                            r"第\s*(?P<b>\d{1,2}|[一二三四五六七八九十])\s*(?:に|は|、))")


def _ordinal(sent: str) -> int:
    m = ORDINAL_OPENER.match(normalize(sent))
    if not m:
        return 0
    n = m.group("a") or m.group("b")
    return int(n) if n.isdigit() else kanji_number(n)


def ordinal_run(sents: list[str], k: int, most: int = 10) -> list[int]:
    """The enumeration sentence k belongs to or announces, in order: 「主な新規事業は3つある。1つ目は…。2つ目は…。
    3つ目は…。」 — its 1つ目, 2つ目 … sentences (one unnumbered sentence between two of them goes with the one before),
    after the count sentence when that is k. [k] when it is none: an item that only numbers itself is no list."""
    if not _ordinal(sents[k]):
        if k + 1 >= len(sents) or _ordinal(sents[k + 1]) != 1:
            return [k]
        first, head = k + 1, [k]
    else:
        first, head = k, []
        while _ordinal(sents[first]) > 1:  # back to the 1つ目
            want = _ordinal(sents[first]) - 1
            back = next((j for j in (first - 1, first - 2) if j >= 0 and _ordinal(sents[j]) == want), None)
            if back is None:
                return [k]
            first = back
    run, n, i = [first], 1, first + 1
    while i < len(sents) and len(run) < most:
        if _ordinal(sents[i]) == n + 1:
            run.append(i)
            n += 1
        elif not _ordinal(sents[i]) and i + 1 < len(sents) and _ordinal(sents[i + 1]) == n + 1:
            run.append(i)
        else:
            break
        i += 1
    return head + run if n >= 2 else [k]


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
