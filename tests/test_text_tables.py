"""Tables drawn with characters (an e-mail, a plain-text notice, a Markdown file) read as grids."""

from __future__ import annotations

from pathlib import Path

from ingest.chunk import chunk_units
from ingest.pdf import read_document
from ingest.structure import build_units
from ingest.text_tables import grid, is_rule, row_cells, runs

BOX = ["┌──────┬───────────┬─────┐",
       "│年度　　　　│交付先　　　　　　　　│交付額　　│",
       "├──────┼───────────┼─────┤",
       "│令和４年度　│あかね市　　　　　　　│４２万円　│",
       "│令和６年度　│みなせ市（さやか町と共│５０万円　│",
       "│　　　　　　│同）　　　　　　　　　│　　　　　│",
       "│運営費　　　│年額３０万円　　　　　│３分の１　│",
       "│※２　　　　│　　　　　　　　　　　│　　　　　│",
       "└──────┴───────────┴─────┘"]


def test_a_box_drawn_table_is_a_grid_with_wrapped_cells_joined():
    assert grid(BOX) == [["年度", "交付先", "交付額"], ["令和４年度", "あかね市", "４２万円"],
                         ["令和６年度", "みなせ市（さやか町と共同）", "５０万円"], ["運営費※２", "年額３０万円", "３分の１"]]
    assert [(a, b) for a, b, _rows in runs(["以下のとおりです。", *BOX, "以上"])] == [(1, len(BOX))]


def test_what_is_not_a_drawn_table():
    assert not is_rule("-----Original Message-----") and not is_rule("━━━━━━━━━━")  # a separator, no grid
    assert row_cells("| 一つだけ |") is None
    assert runs(["|a|b|", "|c|d|"]) == []  # no rule: two lines that happen to hold bars
    assert grid(["┌──┬──┐", "│区分│件数│", "└──┴──┘"]) is None  # a head closed with nothing under it
    assert grid(["┌──┬──┐", "│区分│件数│", "├──┼──┤"]) == [["区分", "件数"]]  # a head the page break cut


def test_a_markdown_file_s_table_is_a_grid(tmp_path: Path):
    path = tmp_path / "notice.md"
    path.write_text("# 補助の概要\n\n表1　補助の区分と上限額\n\n| 区分 | 上限額 |\n|---|:---:|\n| 単独設置 | 60万円 |\n"
                    "| 共同設置 | 90万円 |\n\n以上\n", encoding="utf-8")
    chunks = chunk_units(build_units(read_document(path)), "notice", "notice")
    grids = [c.grid for c in chunks if c.grid]
    assert grids and ["共同設置", "90万円"] in grids[0] and ["区分", "上限額"] == grids[0][0]


def test_each_line_of_a_markdown_table_is_a_row():
    # a Markdown table writes one row to a line: an empty first cell is an empty cell, not a wrapped one
    assert grid(["| 区分 | 金額 |", "|---|---|", "| A | 1 |", "|  | 2 |"]) == [["区分", "金額"], ["A", "1"], ["", "2"]]
    assert grid(["| 項目 | 備考 |", "|---|---|", "| 申請 | |", "| 提出 | |"]) == [["項目", "備考"], ["申請", ""], ["提出", ""]]
