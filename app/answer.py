"""The one answer entry point: extractive, cited, and honest about what the documents do not say.

The default answer is made of the documents' own sentences (chosen in app/compose.py), each
followed by a citation marker that resolves to document, printed page and section; figure
questions are answered from a table's cell. The question is analysed once (app/query.py);
whether the documents answer it is judged by a calibrated model (app/answerability.py) with
three outcomes: an answer, a cautious answer (related passages, said to be indirect), or an
abstention with the nearest passages. With an LLM configured, app/llm_answer.py writes the
answer and it is checked before it is shown.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from collections.abc import Iterator

from ingest.clean import normalize, split_sentences, squash

from .answer_types import (  # noqa: F401
    ABSTAIN_TEXT,
    CAUTIOUS_TEXT,
    FOREIGN_NOTE,
    Answer,
    Citation,
    abstain,
    cite,
    join_notes,
    timings,
)
from .answerability import ABSTAIN, CAUTIOUS, judge, load_model
from .compose import (
    PART_REACH,
    answer_cell,
    block_label,
    cited_unit,
    clean_sentence,
    compared_rows,
    continuation,
    drop_connective,
    figure_sentence,
    fiscal_years,
    group_title,
    item_run,
    kind_sentence,
    list_items,
    list_rows,
    looked_up,
    matched_answer,
    name_first_person,
    named_rows,
    narrower_sentence,
    nearby_kind,
    ordinal_run,
    other_figures,
    part_sentences,
    parts_unanswered,
    pick_sentences,
    rest_of_kinds,
    row_holds,
    row_labels,
    row_line,
    rows_where,
    schedule_row,
    sibling_rows,
    side_heading,
    side_of,
    source_note,
    table_items,
    table_lookup,
    table_source,
    whole_groups,
    with_unit,
    without_bare_titles,
)
from .llm_answer import Fallback, llm_answer_stream, validate_citations  # noqa: F401
from .query import MAX_QUESTION_CHARS, Query, analyze
from .retrieve import Hit, Retriever, rrf
from .sentence_rank import UNIT
from .settings import Settings, get_settings
from .steps import step_list

_lock = threading.Lock()
_retrievers: dict[tuple, Retriever] = {}


def get_retriever(settings: Settings) -> Retriever:
    key = (str(settings.index_dir), settings.embedding_model, settings.chroma_host, settings.chroma_port)
    with _lock:
        if key not in _retrievers:
            _retrievers[key] = Retriever(settings)
        return _retrievers[key]


def compose_extractive(q: Query, hits: list[Hit], retriever: Retriever, already_said: str = "",
                       cell: tuple | None = None, where: tuple | None = None, sched: tuple | None = None
                       ) -> tuple[str, list[Citation]]:
    """(answer text with [n] markers, citations): the lead sentence answers (a table cell, the sentence
    stating the asked figure, or the best sentence), then supporting quotes grouped by source. `cell`, `where` and
    `sched` are the table look-ups already made for the question (`answer_cell`, `rows_where` where no cell answers,
    `schedule_row` where neither does)."""
    cites: dict[str, Citation] = {}

    def marker(h: Hit, quote: str) -> str:
        cid = h.chunk["id"]
        if cid not in cites:
            cites[cid] = cite(len(cites) + 1, h, [])
        if quote and quote not in cites[cid].quotes:
            cites[cid].quotes.append(quote)
        return f"[{cites[cid].n}]"

    last: list[tuple[str, str]] = []  # (chunk id, sentence) shown just before

    def shown(h: Hit, sent: str) -> str:
        text = clean_sentence(sent)
        sents = [x.strip() for x in split_sentences(h.chunk["text"])]
        k = sents.index(sent.strip()) if sent.strip() in sents else -1
        follows = bool(last) and last[-1][0] == h.chunk["id"] and k > 0 and sents[k - 1] == last[-1][1].strip()
        if not follows:  # its antecedent is not on the line before: do not let it dangle
            text = drop_connective(text)
        last.append((h.chunk["id"], sent))
        who = block_label(split_sentences(h.chunk["text"]), k)  # line ends kept: a block ends with its paragraph
        if who and not follows:  # a quote from the middle of a labelled block says whose it is
            text = f"【{who}】{text}"
        side = "" if who or follows else side_heading(split_sentences(h.chunk["text"]), k)
        if side and f"【{side}】" not in text:  # which side of a 新旧対照表 (改正後, 改正前) it is from
            text = f"【{side}】{text}"
            who = side
        group = "" if who or follows or k < 0 else group_title(sents, k)
        if group and squash(group) not in squash(text):  # a list's item says which group (stage, kind) it is of
            text = f"【{group}】{text}"
        return name_first_person(text, h.chunk)

    lines: list[str] = []
    lead = ""

    def lead_line(h: Hit, text: str, quote: str) -> str:
        """A line read off a table (its look-up, rows, schedule, source or categories) leads the answer."""
        lines.append(f"{'- ' if lines else ''}{text}{marker(h, quote)}")
        return text
    lead_wanted = not cell and (q.numeric or bool(q.asks))
    # a count, date or amount question looks for its answer among a few more sentences than are shown
    picked = pick_sentences(q, hits, retriever, max_sentences=2 if cell else (5 if lead_wanted else 3),
                            already_said=already_said)
    picked = without_bare_titles(picked) or picked
    narrow = narrower_sentence(q, cell, picked, retriever) if cell else None
    if narrow is not None:  # the question's own condition narrows the count: the sentence stating it leads
        h, sent, _ = picked.pop(narrow)
        lead = sent
        lines.append(f"{shown(h, sent)}{marker(h, sent)}")
    if cell:
        h, i, j, row, col, value = cell
        m = UNIT.search(h.chunk["text"])
        value = with_unit(value, m.group(1).strip() if m else "", col, q.counter)
        row_label = f"「{row}」の" if row and len(h.chunk.get("grid", [])) > 2 else ""
        compared: list[int] = []
        source = table_source(h)
        if q.extreme and not table_lookup(q, [h], retriever):  # the extreme row of a column
            counted = q.numeric or bool(q.counter)
            most = {("max", True): "最も多い", ("min", True): "最も少ない", ("max", False): "最も大きい",
                    ("min", False): "最も小さい"}[(q.extreme, counted)]
            cell_line = f"{source}によると、「{col}」が{most}のは「{row}」で、{value} です。"
            others = [r for r in compared_rows(q, h) if r != i]
            if others:  # two rows compared: the larger, beside the other's figure
                grid, labels = h.chunk["grid"], row_labels(h.chunk["grid"])
                unit = m.group(1).strip() if m else ""
                than = "、".join(f"「{labels[r - 1]}」（{with_unit(grid[r][j].strip(), unit, col, q.counter)}）"
                                for r in others)
                cell_line = f"{source}によると、「{col}」は「{row}」が {value} で、{than}より{most[2:]}です。"
                compared = others
        elif not col.strip():  # a label | value box (its header row names the box, not the column)
            cell_line = f"{source}によると、「{row}」は {value} です。"
        else:
            cell_line = f"{source}によると、{row_label}「{col}」は {value} です。"
        if narrow is not None:  # the table's figure counts the whole, not the question's group
            cell_line = f"（参考：全体では、{cell_line}）"
        lead = lead or cell_line
        lines.append(f"{'- ' if lines else ''}{cell_line}{marker(h, value)}")
        cites[h.chunk["id"]].cell = [i, j]
        # the cell's whole row follows: a question about one row often asks two of its columns (いつ設立され、
        # 構成団体はいくつ), and the row shows what the figure is read beside; each cell names its column
        whole = row_line(h, i) if row and len(h.chunk["grid"][i]) > 2 and narrow is None else ""
        for r in dict.fromkeys([*compared, *sibling_rows(q, h, i, j)]) if narrow is None else []:  # rows it names
            lines.append(f"- {row_line(h, r)}{marker(h, h.chunk['grid'][r][0])}")
        if whole:
            lines.append(f"- {whole}{marker(h, h.chunk['grid'][i][0])}")
    # which rows meet the conditions the question sets (「県南圏域で転居費用補助があるのはどこ」): they lead, by name
    where = None if cell or narrow is not None else where
    if where is not None:
        h, found, conds = where
        labels = row_labels(h.chunk["grid"])
        names = "、".join(f"「{labels[i - 1]}」" for i in found)
        lead = lead_line(h, f"{table_source(h)}で、{'、'.join(conds)}に当たるのは{names}です。", h.chunk["grid"][found[0]][0])
        lines.extend(f"- {row_line(h, i)}" for i in found[:6])
        lead_wanted = False
    if sched is not None and cell is None and where is None:  # a schedule's task: the months it stands in lead
        h, i, task, marks = sched
        months = "、".join(f"{m}（{c}）" for m, c in marks)
        lead = lead_line(h, f"{table_source(h)}によると、「{task}」は{months}です。", task)
        cites[h.chunk["id"]].cell = [i, 0]
        lead_wanted = False
    read_off = bool(cell) or where is not None or sched is not None  # a table look-up already answers
    # where a table's figures come from (「この表の出典は」): the line under it that says so leads
    source = None if read_off else source_note(q, hits)
    if source is not None:
        h, line = source
        lead = lead_line(h, f"{table_source(h)}には「{clean_sentence(line)}」と記されています。", line)
        lead_wanted = False
    # what a table the question names lists (「表4-①ではどのような属性が」): its categories, by name
    categories = None if read_off else table_items(q, hits)
    if categories is not None:
        h, names = categories
        lead = lead_line(h, f"{table_source(h)}に挙げられているのは、{'、'.join(f'「{n}」' for n in names)}です。",
                         names[0])
        lead_wanted = False
    # rows of a top table the question names: their cells answer what one cell cannot (two columns, a row)
    # (a row that holds no value of the kind asked — no place for どこ, no date for いつ — does not answer it)
    rows_named = [] if cell or where is not None else [(h, i) for h, i in named_rows(q, hits, retriever)
                                                        if row_line(h, i) and row_holds(q, h, i)]
    if len(rows_named) == 1:  # the rows beside it that the question names too (its 目標値 and 実績値 rows)
        h, i = rows_named[0]
        rows_named += [(h, r) for r in sibling_rows(q, h, i) if row_line(h, r)]
    row_rank = min((hits.index(h) for h, _ in rows_named), default=len(hits))
    is_list = q.list_like and not q.numeric

    def add_rows() -> None:
        for h, i in rows_named:
            lines.append(f"{'- ' if lines else ''}{row_line(h, i)}{marker(h, h.chunk['grid'][i][0])}")
        rows_named.clear()

    # a document's own question that asks what the user asks (an FAQ, a Q&A corner): its answer leads
    faq = None if cell or narrow is not None or categories is not None else matched_answer(q, hits, retriever)
    if faq is not None:
        h, q_line, answer_lines = faq
        text = "".join(clean_sentence(x) for x in answer_lines)
        for x in answer_lines:
            mark = marker(h, x)
        lines.append(f"{text}{mark}")
        lead = text
        said = {squash(x) for x in (q_line, *answer_lines)}
        picked = [p for p in picked if squash(p[1]) not in said][:2]
        lead_wanted = False
    # a procedure's steps asked for (「設立までの手順を順番に」): the steps, in print order
    steps = None if read_off or faq is not None or categories is not None else step_list(q, hits, retriever)
    if steps is not None:
        h, announce, items = steps
        if announce:
            lines.append(f"{shown(h, announce)}{marker(h, announce)}")
        lines.extend(f"- {clean_sentence(line)}{marker(sh, line)}" for sh, line in items)
        lead = announce or items[0][1]
        picked = []  # the steps are the answer: a loose sentence beside them would read as one more
        lead_wanted = False
    if lead_wanted:
        k = figure_sentence(q, picked) if q.numeric else None
        if k is None:
            k = kind_sentence(q, picked, retriever)
        if k is None and q.asks and not q.numeric and picked:  # the date under the event's name the best line names
            near = nearby_kind(q, picked[0][0], picked[0][1])
            if near is not None:
                picked.insert(0, (picked[0][0], near, picked[0][2]))
                k = 0
        ranks = {h.chunk["id"]: r for r, h in enumerate(hits)}
        if k is not None and rows_named and (picked[k] not in without_bare_titles(picked) or (
                not year_beside_row(q, picked[k], rows_named) and (
                    ranks.get(picked[k][0].chunk["id"], len(hits)) > row_rank or note_beside_row(picked[k], rows_named)))):
            k = None  # the named row's table ranks above the sentence's passage (or the sentence is a bare title,
            # or a note under that table about other rows: 「※第12号は…名称を変更」 does not date the row asked)
        if k is not None:  # the sentence stating the figure, date or amount asked for leads, on its own line
            h, sent, _ = picked.pop(k)
            lead = sent
            rest = continuation(q, h, sent, retriever)  # the next sentence, when it answers the rest
            lines.append(f"{shown(h, sent)}{shown(h, rest) if rest else ''}{marker(h, sent)}")
            if rest:
                marker(h, rest)
                picked = [p for p in picked if squash(p[1]) != squash(rest)]
        elif rows_named:
            lead = row_line(*rows_named[0])
            add_rows()
        picked = whole_groups(picked, 2 if k is not None or lead else 3)
    add_rows()
    if lines:  # an answer stands: a title alone beside it adds nothing
        picked = without_bare_titles(picked)
    if q.numeric and lead:  # a figure about another subgroup must not stand beside the answer unexplained
        # (a figure under another side's heading — 【改正前】 beside 【改正後】 — says whose it is, and stays)
        lead_side = next((side_of(h, lead) for h in hits if lead.strip() in h.chunk["text"]), "")
        picked = [p for p in picked if not other_figures(q, p[1], lead)
                  or (lead_side and (side := side_of(p[0], p[1])) and side != lead_side)]
    rows = list_rows(q, hits, retriever) if is_list and not cell else []
    if rows:  # a list question over a table of statements: the summary sentence, then the rows
        title = rows[0][0].chunk.get("unit_title")
        picked = [p for p in picked if not p[0].chunk.get("row") or p[0].chunk.get("unit_title") != title][:1]
    # a question that asks two things: a part no line speaks to yet gets its best sentence
    shown_so_far = [*lines, *(p[1] for p in picked)]
    parts = parts_unanswered(q, shown_so_far, retriever.idf) if steps is None and not rows else []
    if parts:  # (the pool passes the checks the other quotes passed: no bare title, no other subgroup's figure)
        pool = without_bare_titles(pick_sentences(q, hits, retriever, max_sentences=PART_REACH,
                                                  already_said=already_said))
        pool = [p for p in pool if not (q.numeric and lead and other_figures(q, p[1], lead))]
        picked += part_sentences(parts, pool, shown_so_far, retriever.idf)
    # group supporting quotes by source, in the order sources first appear
    order: dict[str, int] = {}
    for h, _s, _sc in picked:
        order.setdefault(h.chunk["id"], len(order))
    picked.sort(key=lambda p: order[p[0].chunk["id"]])
    listed: set[tuple[str, str]] = set()  # (chunk id, sentence) already shown as an item of a whole list
    for h, sent, _score in picked:
        if (h.chunk["id"], sent.strip()) in listed:
            continue
        items = list_items(sent) if is_list else []
        sents = [x.strip() for x in split_sentences(h.chunk["text"])] if is_list and not items else []
        run = item_run(sents, sents.index(sent.strip())) if sent.strip() in sents else []
        if len(run) <= 1 and sent.strip() in sents:  # 「1つ目は…。2つ目は…」: the enumeration, whole
            run = ordinal_run(sents, sents.index(sent.strip()))
        if len(run) > 1:  # an item of a list: the whole list, in its order
            for i in run:
                listed.add((h.chunk["id"], sents[i]))
                lines.append(f"- {shown(h, sents[i])}{marker(h, sents[i])}")
            continue
        if items:
            lines.append(f"{shown(h, sent.split('①')[0].strip())}{marker(h, sent)}")
            lines.extend(f"- {it}" for it in items)
        else:
            bullet = "- " if (lines or len(picked) > 1) else ""
            lines.append(f"{bullet}{shown(h, sent)}{marker(h, sent)}")
    if rows:
        lines.append(f"{rows[0][0].chunk.get('unit_title', '')}{marker(rows[0][0], '')}:")
        for h, item in rows:
            lines.append(f"- {name_first_person(item, h.chunk)}{marker(h, item)}")
    lead_cite = next(iter(cites.values()), None)
    cited = cited_unit(q, lines[0], lead_cite.doc_id, retriever, "\n".join(lines)) \
        if is_list and lines and lead_cite is not None and not rows and steps is None and categories is None else None
    if cited is not None:  # the lead says where the things are (「…県がみられた（事例 4-③）」): what that unit lists
        caption, titles = cited
        lines.append(f"{caption}{marker(titles[0][0], '')}:")
        lines.extend(f"- {t}{marker(th, t)}" for th, t in titles)
    rest = rest_of_kinds(q, hits, retriever, "\n".join(lines)) if lines else None
    if rest is not None:  # the other kind of value the question asks (the venue beside the deadline)
        h, sent = rest
        lines.append(f"- {shown(h, sent)}{marker(h, sent)}")
    return "\n".join(lines), list(cites.values())


def year_beside_row(q: Query, pick: tuple[Hit, str, float], rows: list[tuple[Hit, int]]) -> bool:
    """Does the picked sentence state the fiscal year the question asks about (「令和9年度からは…が担う」) where the
    named row's table names no such year (a list 「令和8年4月1日現在」)? Then the sentence answers, not the row."""
    asked = {n for y in q.years for n in fiscal_years(normalize(y))}
    if not asked or not asked & fiscal_years(normalize(pick[1])):
        return False
    h, i = rows[0]
    table = " ".join([*h.chunk["grid"][0], *h.chunk["grid"][i], h.chunk.get("unit_title", ""),
                      h.chunk.get("section_title", "")])
    return not asked & fiscal_years(normalize(table))


def note_beside_row(pick: tuple[Hit, str, float], rows: list[tuple[Hit, int]]) -> bool:
    """Is the picked sentence a line of the named row's own table passage (a note under it) that names none of
    that row's cells? Such a note was picked for its kind of value (a date), not for the row the question names."""
    h, sent, _ = pick
    row_hit, i = rows[0]
    if h.chunk["id"] != row_hit.chunk["id"]:
        return False
    key = squash(normalize(sent))
    grid = row_hit.chunk["grid"]
    others = {squash(normalize(c)) for r, row in enumerate(grid[1:], start=1) if r != i for c in row}
    # the row's own cells: its label and the cells no other row shares (小町市 of three rows names none of them)
    own = [c for k, cell in enumerate(grid[i]) if len(c := squash(normalize(cell))) >= 2
           and not re.fullmatch(r"[\d.,%％]+", c) and (k == 0 or c not in others)]
    return not any(c in key for c in own)


def _previous_answer(history: list[dict] | None) -> str:
    return next((t.get("content", "") for t in reversed(history or []) if t.get("role") == "assistant"), "")


def answer_stream(
    question: str,
    history: list[dict] | None = None,
    settings: Settings | None = None,
    mode: str | None = None,
    retriever: Retriever | None = None,
    filters: dict | None = None,
    k: int | None = None,
    force_compose: bool = False,
) -> Iterator[str | Answer]:
    """The one answer entry point, streaming: yields text pieces, then the final `Answer`.

    Text already yielded is provisional: when the LLM fails or its answer is not grounded, the
    final Answer (extractive, with a note) replaces it, and the UI shows that instead.
    ``force_compose`` composes an answer even where kyoju would abstain (the eval scores
    out-of-fold decisions on it); the verdict is still recorded on the Answer.
    """
    from . import llm as llm_mod

    settings = settings or get_settings()
    t0 = time.perf_counter()
    if not (question or "").strip():
        raise ValueError("empty question / 質問が空です")
    retriever = retriever or get_retriever(settings)
    want_llm = (mode or settings.answer_mode) == "llm"
    use_llm = want_llm and settings.llm_enabled
    note = "" if not want_llm or use_llm else "LLMが設定されていないため、抽出方式で回答しました / no LLM configured: extractive answer"

    q = analyze(question, history, names=retriever.names)
    if q.truncated:
        note = join_notes(note, f"質問が長すぎるため、最初の{MAX_QUESTION_CHARS}文字で回答しました / "
                                f"question cut to its first {MAX_QUESTION_CHARS} characters")
    k = k or settings.top_k
    hits, pool = retriever.search_judged(q, k=k, filters=filters)
    if use_llm and q.follow_up:
        try:
            rewrite = llm_mod.faithful_rewrite(settings, q.raw, history or [])  # None when it adds facts
        except llm_mod.LLMError as err:
            rewrite = None
            note = join_notes(note, f"{err.ja}（質問の書き換えは前の質問の語句で行いました）")
        if rewrite and rewrite != q.raw:
            q2 = analyze(question, history, rewrite=rewrite, names=retriever.names)
            shown, pool = retriever.search_judged(q2, k=k, filters=filters)
            hits = fuse_hits([hits, shown], k)
            q = q2  # a faithful rewrite reads better than the carried-over words: compose and judge with it
    t1 = time.perf_counter()
    cell = answer_cell(q, hits, retriever)  # one look-up: a signal for answerability, a fact for the LLM, the lead
    # judged on the fused top k (pool): the reranker lifts the passage holding a value of the asked kind beside the
    # question's words, for a near miss too (the nearest such value, for another year or body), so over its order the
    # signals that tell the two apart (anchored values, the rankers' agreement) would be chosen for, not observed
    # a table look-up found the answer: the cell of a figure question, or the rows a 「どこ／どの」 question sifts out
    # of a table by its own conditions (「前年度より減った市町村はどこ」: the row whose 増減 is △2)
    where = rows_where(q, hits) if cell is None else None
    # the months of a schedule's task (a Gantt chart's row) answer when it happens
    sched = schedule_row(q, hits) if cell is None and where is None else None
    found = cell is not None or where is not None or sched is not None
    # the look-up that answered (its passage first), or the table rows the question names (whose cells the composer
    # will quote): is what the question asks about named in that passage?
    named = named_rows(q, hits, retriever, max_rows=1) if not found else []
    read = cell or where or sched or (named[0] if named else None)
    verdict = judge(q, retriever, pool, load_model(str(settings.answerability_model)), cell_found=found,
                    cell_hit=looked_up(read) if read else None, shown=hits)
    if q.language != "ja" and verdict.outcome != ABSTAIN:
        note = join_notes(FOREIGN_NOTE[q.language], note)
    if verdict.outcome == ABSTAIN and not force_compose:
        ans = abstain(question, q.standalone, hits, "llm" if use_llm else "extractive", note, t0, t1, verdict.probability)
        ans.outcome, ans.probability, ans.features = ABSTAIN, verdict.probability, verdict.features
        yield ans.answer
        yield ans
        return

    fallback: Fallback | None = None
    if use_llm and verdict.outcome != ABSTAIN:
        facts = [f"{cell[3]}の「{cell[4]}」は {cell[5]}（{cell[0].chunk.get('unit_title', '')}）"] if cell else None
        for item in llm_answer_stream(question, q.standalone, hits, settings, note, verdict.probability, t0, t1,
                                      facts=facts):
            if isinstance(item, Fallback):
                fallback = item
                note = item.note
                break
            if isinstance(item, Answer):
                item.outcome, item.probability, item.features = verdict.outcome, verdict.probability, verdict.features
            yield item
            if isinstance(item, Answer):
                return
    text, cites = compose_extractive(q, hits, retriever, _previous_answer(history) if q.follow_up else "", cell, where,
                                     sched)
    outcome = verdict.outcome
    if not text:
        if force_compose:
            text = ABSTAIN_TEXT
        else:
            ans = abstain(question, q.standalone, hits, "extractive", note, t0, t1, verdict.probability)
            ans.outcome, ans.probability, ans.features = ABSTAIN, verdict.probability, verdict.features
            yield ans.answer
            yield ans
            return
    if outcome == CAUTIOUS:
        text = f"{CAUTIOUS_TEXT}\n{text}"
    ans = Answer(question, text, False, "extractive", cites, q.standalone,
                 timings(t0, t1, compose=time.perf_counter() - t1), support=verdict.probability, note=note,
                 outcome=outcome, probability=verdict.probability, features=verdict.features)
    if outcome == CAUTIOUS:
        ans.related = [cite(i + 1, h, []) for i, h in enumerate(hits[:3])]
    if fallback is not None:  # LLM mode answered extractively: say so, with what the model got wrong
        ans.llm_status, ans.grounding_drops, ans.llm_format = "fallback", fallback.grounding_drops, fallback.llm_format
        ans.timings_ms.update(fallback.timings_ms)
    yield "資料から該当する箇所を引用しています…\n"
    yield ans


def fuse_hits(lists: list[list[Hit]], k: int) -> list[Hit]:
    """Reciprocal-rank fusion (the retriever's `rrf`) of several hit lists: the rewrite's search and the
    history-based one."""
    first: dict[str, Hit] = {}
    ids: list[str] = []
    for hits in lists:
        for h in hits:
            if h.chunk["id"] not in first:
                first[h.chunk["id"]] = h
                ids.append(h.chunk["id"])
    index = {cid: n for n, cid in enumerate(ids)}
    scores = rrf([[index[h.chunk["id"]] for h in hits] for hits in lists])
    order = sorted(scores, key=lambda n: (-scores[n], n))[:k]
    return [dataclasses.replace(first[ids[n]], score=scores[n], rank=r + 1) for r, n in enumerate(order)]


def answer_question(question: str, history: list[dict] | None = None, settings: Settings | None = None,
                    **options) -> Answer:
    """`answer_stream` without the streaming (same options): for the CLI and eval."""
    final = None
    for item in answer_stream(question, history, settings, **options):
        if isinstance(item, Answer):
            final = item
    assert final is not None
    return final
