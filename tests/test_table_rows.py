"""Rows of a table passage get vectors of their own, each read under its column labels."""

from ingest.pipeline import chunk_sentences
from ingest.table_rows import labelled_row, table_row_texts

GANTT = """工程表
| 取組 | 担当 | 令和8年度 |  | 令和9年度 |  |
|---|---|---|---|---|---|
|  |  | 上期 | 下期 | 上期 | 下期 |
| 意向調査 | 県 | 5月実施 |  |  |  |
| 設立総会 | 市町村 |  |  | ◆設立総会（R9.6） |  |
※ ◆は節目を表します。"""


def test_each_data_row_is_read_under_its_labels():
    rows = table_row_texts(GANTT)
    assert [line for line, _ in rows] == ["| 意向調査 | 県 | 5月実施 |  |  |  |",
                                          "| 設立総会 | 市町村 |  |  | ◆設立総会（R9.6） |  |"]
    # a second header row (the half-years) joins the year spanning it; empty cells say nothing
    assert rows[1][1] == "取組：設立総会　担当：市町村　令和9年度 上期：◆設立総会（R9.6）"
    assert "令和8年度 上期：5月実施" in rows[0][1]


def test_a_cell_repeating_its_label_and_rows_without_content():
    assert labelled_row(["区分", "金額"], ["区分", "10万円"]) == "区分　金額：10万円"
    text = "| 項目 | 値 |\n|---|---|\n| - | － |\n| 上限額 | 50万円（共同設置は80万円） |\n| 計 | 9 |"
    rows = table_row_texts(text)
    assert [r for _, r in rows] == ["項目：上限額　値：50万円（共同設置は80万円）", "項目：計　値：9"]


def test_a_row_whose_group_cell_is_printed_above_is_data_not_header():
    text = "| 区分 | 事業 | 金額 |\n|---|---|---|\n|  | 家賃補助 | 5万円 |\n| 住宅 | 改修補助 | 10万円 |"
    assert [r for _, r in table_row_texts(text)] == ["事業：家賃補助　金額：5万円", "区分：住宅　事業：改修補助　金額：10万円"]


def test_two_tables_in_one_passage_keep_their_own_headers():
    text = "| 年度 | 件数 |\n|---|---|\n| 令和5年度 | 12件 |\n| 区分 | 上限 |\n|---|---|\n| 単独 | 50万円 |"
    assert [r for _, r in table_row_texts(text)] == ["年度：令和5年度　件数：12件", "区分：単独　上限：50万円"]


def test_text_without_a_table_has_no_rows():
    assert table_row_texts("| 区切りではない行\n本文です。") == []


def test_chunk_sentences_add_the_rows_after_the_prose():
    chunk = {"text": GANTT, "section_title": "1 工程", "unit_title": ""}
    out = chunk_sentences(chunk)
    stored = [s for s, _ in out]
    assert stored[0] == "※ ◆は節目を表します。"  # prose first (the 3-character caption is too short for a vector)
    assert "| 意向調査 | 県 | 5月実施 |  |  |  |" in stored
    embedded = dict(out)
    assert embedded["| 意向調査 | 県 | 5月実施 |  |  |  |"].startswith("1 工程 取組：意向調査")
