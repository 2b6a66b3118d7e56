"""A table too wide for its page, printed in blocks of columns under repeated row titles, is one grid."""

from ingest.structure import beside

A_HEAD = ["No.", "市町村名", "人口", "設立年月"]
B_HEAD = ["No.", "市町村名", "法人数", "備考"]
TOP = [["1", "あさひ市", "12,000", "令和4年4月"], ["2", "ゆうひ町", "8,000", "－"]]
BOTTOM = [["3", "つきみ村", "2,100", "令和6年1月"], ["合計", "", "22,100", ""]]
TOP_B = [["1", "あさひ市", "4", "県内で最初に設立。"], ["2", "ゆうひ町", "1", "準備中。"]]
BOTTOM_B = [["3", "つきみ村", "0", "－"], ["合計", "", "5", "延べ数。"]]
WHOLE = [A_HEAD + B_HEAD[2:]] + [a + b[2:] for a, b in zip(TOP + BOTTOM, TOP_B + BOTTOM_B, strict=True)]


def test_across_then_down():
    grid = beside([A_HEAD, *TOP], [B_HEAD, *TOP_B])
    assert grid == [A_HEAD + B_HEAD[2:]] + [a + b[2:] for a, b in zip(TOP, TOP_B, strict=True)]
    assert beside(grid, [A_HEAD, *BOTTOM]) is None  # the first block's next rows: only once joined
    grid = beside(grid, [A_HEAD, *BOTTOM], spread=True)
    assert grid[-1] == ["合計", "", "22,100", "", "", ""]
    assert beside(grid, [B_HEAD, *BOTTOM_B], spread=True) == WHOLE


def test_down_then_across():
    grid = [A_HEAD, *TOP, *BOTTOM]  # the first block's rows, joined down the pages as any table
    grid = beside(grid, [B_HEAD, *TOP_B])
    assert grid[3] == BOTTOM[0] + ["", ""]
    assert beside(grid, [B_HEAD, *BOTTOM_B], spread=True) == WHOLE


def test_other_tables_stay_apart():
    assert beside([A_HEAD, *TOP], [A_HEAD, *BOTTOM]) is None  # the same columns again: rows that go on
    assert beside([A_HEAD, *TOP], [B_HEAD, *BOTTOM_B]) is None  # other rows under the same titles
    assert beside([A_HEAD, *TOP], [["区分", "件数"], ["高齢者", "12"], ["障害者", "3"]]) is None
    filled = beside([A_HEAD, *TOP], [B_HEAD, *TOP_B])
    assert beside(filled, [B_HEAD, *TOP_B], spread=True) is None  # those cells are filled already


def test_a_two_level_header_is_joined_row_by_row():
    top_a, sub_a = ["市町村名", "居住支援協議会", ""], ["", "設立年月", "構成団体数"]
    top_b, sub_b = ["市町村名", "相談窓口", ""], ["", "設置", "相談件数"]
    grid = beside([top_a, sub_a, ["あさひ市", "令和4年4月", "18"], ["ゆうひ町", "－", "－"]],
                  [top_b, sub_b, ["あさひ市", "○", "120"], ["ゆうひ町", "－", "－"]])
    assert grid[:2] == [top_a + top_b[1:], sub_a + sub_b[1:]]
    assert grid[2] == ["あさひ市", "令和4年4月", "18", "○", "120"]


C_HEAD = ["No.", "市町村名", "窓口", "件数"]
TOP_C = [["1", "あさひ市", "○", "120"], ["2", "ゆうひ町", "－", "－"]]
BOTTOM_C = [["3", "つきみ村", "○", "9"], ["合計", "", "", "129"]]


def test_three_blocks_across_then_down():
    grid = beside(beside([A_HEAD, *TOP], [B_HEAD, *TOP_B]), [C_HEAD, *TOP_C])
    grid = beside(grid, [A_HEAD, *BOTTOM], spread=True)
    grid = beside(grid, [B_HEAD, *BOTTOM_B], spread=True)  # B's columns sit in the middle
    grid = beside(grid, [C_HEAD, *BOTTOM_C], spread=True)
    assert grid[0] == A_HEAD + B_HEAD[2:] + C_HEAD[2:]
    assert grid[3] == BOTTOM[0] + BOTTOM_B[0][2:] + BOTTOM_C[0][2:]
    assert all(len(r) == len(grid[0]) for r in grid)


def test_another_sheet_of_the_same_layout_is_not_the_next_rows():
    grid = beside([A_HEAD, *TOP], [B_HEAD, *TOP_B])
    assert beside(grid, [A_HEAD, *TOP], spread=True) is None
