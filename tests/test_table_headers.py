"""Tables as printed in lists and schedules: a two-level header, a label cut by a column rule, a page that is
one table continued under the running header."""

from __future__ import annotations

from ingest.running import Frag, find_running
from ingest.structure import flatten_header, mend_split_cells

TWO_LEVEL = [
    ["No.", "市町村名", "居住支援協議会", "", "相談窓口", "", "備考"],
    ["", "", "設置状況", "設置年月", "窓口名", "相談件数", ""],
    ["1", "いずみ市", "○", "令和3年4月", "住まい相談室", "120", "—"],
]


def test_a_group_label_over_sub_labels_becomes_one_header_row():
    grid = flatten_header(TWO_LEVEL)
    assert grid[0] == ["No.", "市町村名", "居住支援協議会 設置状況", "居住支援協議会 設置年月", "相談窓口 窓口名",
                       "相談窓口 相談件数", "備考"]
    assert grid[1][1] == "いずみ市" and len(grid) == 2


def test_a_first_data_row_with_empty_cells_is_not_taken_for_sub_labels():
    grid = [["区分", "令和5年度", "令和6年度"], ["相談", "", "12"], ["見守り", "3", "4"]]
    assert flatten_header(grid) == grid
    figures = [["項目", "実績", "", "備考"], ["", "12", "15", ""], ["相談", "1", "2", "x"]]
    assert flatten_header(figures) == figures  # figures under the span: data, not sub-labels
    sentence = [["区分", "内容", ""], ["", "対象者", "65歳以上で住宅の確保に特に配慮を要する高齢者"], ["a", "b", "c"]]
    assert flatten_header(sentence) == sentence  # a sentence is data, not a sub-label
    years = [["区分", "相談件数", ""], ["", "2023", "2024"], ["高齢者", "12", "15"]]
    assert flatten_header(years)[0] == ["区分", "相談件数 2023", "相談件数 2024"]


def test_a_label_cut_by_a_column_rule_is_mended_only_where_a_bracket_proves_it():
    row = ["", "説明会（4月22", "日）\n第1期募集（5月", "7日～6月13日）", "交付決定"]
    assert mend_split_cells(row) == ["", "説明会（4月22日）", "第1期募集（5月7日～6月13日）", "", "交付決定"]
    plain = ["住まい", "相談", "（月2回）"]
    assert mend_split_cells(plain) == plain
    # only up to the closing bracket: the next label stays in its own column
    assert mend_split_cells(["説明会（4月22", "日）研修会（5月10日）", ""]) == ["説明会（4月22日）", "研修会（5月10日）", ""]


def test_a_page_that_is_one_table_loses_its_running_header_too():
    header = "市町村の取組状況一覧（令和8年4月1日現在）"
    pages = [
        [Frag("市町村の取組状況一覧", 50, 65, 200, 600, 15.5), Frag("この一覧は…です。", 107, 116, 45, 800, 9.6),
         Frag("1 / 3", 567, 576, 410, 430, 9.0)],
        [Frag(header, 22, 31, 566, 800, 8.6), Frag("2 / 3", 567, 576, 410, 430, 9.0)],
        [Frag(header, 22, 31, 566, 800, 8.6), Frag("※1 注記です。", 235, 245, 36, 700, 8.6),
         Frag("3 / 3", 567, 576, 410, 430, 9.0)],
    ]
    heights = [595.0] * 3
    kept_empty = find_running(pages, heights, 9.6)
    assert 0 not in kept_empty[1]  # a page is never emptied of its words...
    assert find_running(pages, heights, 9.6, has_other=[True, True, True])[1] == {0, 1}  # ...unless a table fills it
    captions = [[Frag("表2　市町村別相談件数（単位：件）", 22, 31, 40, 400, 8.6), Frag(f"{k} / 3", 567, 576, 410, 430, 9.0)]
                for k in (1, 2, 3)]
    assert all(0 not in hit for hit in find_running(captions, heights, 9.6, has_other=[True] * 3))  # a caption stays


def test_a_table_of_figures_inside_a_form_grid_is_read_as_a_table_of_its_own():
    """An evaluation sheet is one ruled grid; its 成果指標 table (a two-level year header, item labels merged over
    目標値 / 実績値 rows) stands in columns right of the form's section label and the table's caption."""
    from ingest.structure import form_tables

    grid = [["実績", "令和6年度の取組内容", "・補助を2件交付した。", "", "", ""],
            ["", "成果指標", "指標名", "区分", "実績年度", ""],
            ["", "", "", "", "令和5年度", "令和6年度"],
            ["", "", "【活動】補助件数", "目標値", "2", "3"],
            ["", "", "", "実績値", "1", "2"],
            ["", "", "※各年度末現在。", "", "", ""],
            ["改善", "今後の方向性", "・拡充する。", "", "", ""]]
    form, inner = form_tables(grid)
    assert [r[0] for r in form] == ["実績", "改善"]
    (labels, notes, table), = inner
    assert labels == ["成果指標"] and notes == ["※各年度末現在。"]
    assert table[0] == ["指標名", "区分", "実績年度 令和5年度", "実績年度 令和6年度"]
    assert table[2] == ["【活動】補助件数", "実績値", "1", "2"]  # the merged label on each of its rows
    plain = [["区分", "令和5年度", "令和6年度"], ["相談件数", "12", "15"], ["入居件数", "3", "4"]]
    assert form_tables(plain) == (plain, [])  # a table that is only a table is left as it is


def test_a_form_row_of_prose_is_no_header_of_the_inner_table_and_figures_are_figures():
    from ingest.clean import FIGURE_CELL
    from ingest.structure import _filled_down, form_tables

    grid = [["実績", "取組内容", "・補助を2件交付した。", "", ""],
            ["", "事業費の推移（単位：千円）", "区分", "令和5年度", "令和6年度"],
            ["", "", "事業費", "1,200", "1,300"],
            ["", "", "人件費", "800", "900"]]
    form, ((labels, _notes, table),) = form_tables(grid)
    assert form[0][0] == "実績" and labels == ["事業費の推移（単位：千円）"]
    assert table[0] == ["区分", "令和5年度", "令和6年度"]
    for cell in ("第3", "約12", "計100", "令6"):
        assert not FIGURE_CELL.match(cell), cell
    for cell in ("-3", "△5", "▲1,200", "－", "88.9％"):
        assert FIGURE_CELL.match(cell), cell
    # a blank cell of a new item stays blank: only the leading empties of an item's later rows are its labels
    filled = _filled_down([["指標名", "単位", "区分", "令和6年度"], ["入居件数", "件", "目標値", "350"],
                           ["", "", "実績値", "342"], ["利用者満足度", "", "目標値", "80.0"]])
    assert filled[2][:2] == ["入居件数", "件"] and filled[3][1] == ""
