"""First-screen examples come from the registered documents' own headings (pure, no index)."""

from app.ui_suggest import document_examples


def test_each_document_gets_a_question_from_its_own_table_or_heading():
    docs = [{"doc_id": "a", "short": "図書館だより"}, {"doc_id": "b", "short": "公園の手引き"}]
    chunks = [
        {"doc_id": "a", "unit_title": "", "section_title": "1 はじめに > 1.2 今年の貸出実績"},
        {"doc_id": "a", "unit_title": "表3　学年別の貸出冊数", "section_title": "1 はじめに"},
        {"doc_id": "b", "unit_title": "", "section_title": "第2章 使い方 > （1）遊具の点検の手順"},
    ]
    got = dict(document_examples(chunks, docs))
    assert "学年別の貸出冊数" in got["図書館だより"] and "表3" not in got["図書館だより"]  # a table title first
    assert "遊具の点検の手順" in got["公園の手引き"] and "（1）" not in got["公園の手引き"]
    assert all(q.endswith("？") or q.endswith("。") for q in got.values())
