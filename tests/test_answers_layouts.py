"""The answer layer on documents its rules were never written for: generated documents in other layouts.

Questions are made from the generator's truth files (a table's row and column, a Q&A's question), so the
checks hold for whatever wording the documents use: a figure comes from the cell the question names, and
a Q&A question is answered from its own answer, cited with the printed page.
"""

import re
import shutil

import pytest

from app.answer import answer_question
from ingest.clean import squash


@pytest.fixture(scope="module")
def layouts(tmp_path_factory, model_path, embedder):
    from conftest import make_settings

    from app.retrieve import Retriever
    from ingest.pipeline import run_ingest
    from tests.docgen import build_all

    tmp = tmp_path_factory.mktemp("layouts")
    gen = tmp / "gen"
    truths = build_all(gen, only=["faq", "report"])
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name in truths:
        shutil.copy(gen / name, corpus / name)
    s = make_settings(tmp, corpus, model_path)
    rep = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    assert rep.ok and rep.changed
    return s, Retriever(s, embedder=embedder), truths


def _numeric_tables(truth: dict):
    for t in truth["tables"]:
        for row in t["rows"]:
            for j, cell in enumerate(row[1:], start=1):
                if re.fullmatch(r"[\d,]+(?:\.\d+)?\s*\D{0,3}", cell.strip()) and re.search(r"\d", cell):
                    yield t, row, j


def test_a_figure_comes_from_the_cell_the_question_names(layouts):
    s, r, truths = layouts
    truth = next(t for name, t in truths.items() if name.startswith("activity"))
    cases = list(_numeric_tables(truth))
    assert cases, "the generated report has numeric tables"
    checked = 0
    for t, row, j in cases[:: max(1, len(cases) // 6)][:6]:
        question = f"{row[0]}の{t['header'][j]}はいくつですか。"
        ans = answer_question(question, settings=s, retriever=r)
        value = row[j].strip()
        assert not ans.abstained, question
        assert squash(value) in squash(ans.answer), (question, ans.answer[:200])
        cited = [c for c in ans.citations if c.cell]
        if cited:  # the figure was read from a grid: the marked cell holds exactly that value
            grid = r.chunk_by_id(cited[0].chunk_id)["grid"]
            i, jj = cited[0].cell
            assert squash(grid[i][jj]) == squash(value) and squash(grid[0][jj]) == squash(t["header"][j])
            checked += 1
    assert checked >= 3  # most figures come straight from their cell


def test_a_faq_question_is_answered_from_its_answer(layouts):
    s, r, truths = layouts
    truth = next(t for name, t in truths.items() if name.startswith("faq"))
    sents = truth["sentences"]
    pairs = []
    for k, x in enumerate(sents):
        if x.get("q") and k + 1 < len(sents) and sents[k + 1].get("a"):
            pairs.append((x, sents[k + 1]))
    assert len(pairs) >= 5
    hits = 0
    for q, a in pairs[:: max(1, len(pairs) // 5)][:5]:
        question = re.sub(r"^Q\d+[．.]\s*", "", q["text"])
        ans = answer_question(question, settings=s, retriever=r)
        first_a = squash(re.sub(r"^A[．.]\s*", "", a["text"]))[:20]
        if not ans.abstained and any(first_a in squash(c.text) for c in ans.citations):
            page = truth["pages"][a["pages"][0]]["printed"]
            assert any(c.page == page for c in ans.citations if first_a in squash(c.text)), (question, page)
            hits += 1
    assert hits >= 4  # a question asked as the leaflet asks it is answered from its own answer


def _numbered_lists(truth: dict):
    """(heading, items) of every list of three or more ①②③ items, with the heading it stands under."""
    head, run = "", []
    for s in [*truth["sentences"], {"text": ""}]:
        if s.get("item") and s["text"][:1] in "①②③④⑤⑥⑦⑧⑨⑩":
            run.append(s["text"])
            continue
        if len(run) >= 3:
            yield head, run
        run = []
        if s.get("heading"):
            head = s["text"]


def test_a_list_question_gets_the_whole_list(layouts):
    """Asked for the items under a heading, the answer gives every item of the numbered list there, not the one
    item that scored best beside other sentences."""
    s, r, truths = layouts
    name, truth = next((n, t) for n, t in truths.items() if n.startswith("activity"))
    doc = next(c["doc_id"] for c in r.chunks if c.get("source_file", "").endswith(name) or name.startswith(c["doc_id"]))
    lists = list(_numbered_lists(truth))
    assert lists, "the generated report has numbered lists"
    for head, items in lists:
        question = f"「{head.split(' ', 1)[-1]}」の項目をすべて教えてください。"
        ans = answer_question(question, settings=s, retriever=r, filters={"doc_id": doc})  # the user picked the report
        assert not ans.abstained, question
        for item in items:
            label = item[1:].split("：")[0][:10]  # ①行政機関：… -> 行政機関
            assert squash(label) in squash(ans.answer), (question, item, ans.answer[:300])
