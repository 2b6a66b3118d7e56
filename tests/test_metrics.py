import json

import pytest

from eval.metrics import (
    QuestionFileError,
    fact_recall,
    first_relevant_rank,
    hit_within_chars,
    load_questions,
    precision_recall,
    reciprocal_rank,
)


def test_rank_and_mrr():
    passages = ["無関係", "開催回数 0回のところが令和 3年度に 1県、4年度に 2 県"]
    rank = first_relevant_rank(passages, ["4年度に2県"])
    assert rank == 2
    assert reciprocal_rank(rank) == 0.5
    assert reciprocal_rank(None) == 0.0


def test_hit_within_chars_is_precision():
    long = "あ" * 1300
    assert hit_within_chars([long, "3県みられた"], ["3県"]) == 0.0
    assert hit_within_chars(["短い", "3県みられた"], ["3県"]) == 1.0


def test_fact_recall_alternatives():
    assert fact_recall("１２法人が該当", [["12法人"], ["存在しない"]]) == 0.5


def test_abstention_precision_recall():
    assert precision_recall([True, True, False], [True, False, False]) == (0.5, 1.0)


def test_malformed_question_file_names_the_line(tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text(json.dumps({"id": "a", "question": "q", "answerable": True}) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(QuestionFileError, match="line 2"):
        load_questions(f)
