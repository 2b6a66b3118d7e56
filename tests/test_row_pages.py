"""A table of records over several pages: each row's chunk cites the pages that row is printed on."""

from ingest.chunk import chunk_units
from ingest.structure import Unit, continued_rows


def test_each_row_of_a_text_table_cites_its_own_pages():
    head = ["No.", "質問", "回答"]
    rows = [["1", "居住支援協議会とは、どのような組織ですか。", "住宅確保要配慮者の民間賃貸住宅への入居を支援するため、"
             "地方公共団体、不動産関係団体、居住支援法人などが連携する組織です。"],
            ["2", "県の補助金の補助率と上限額を教えてください。", "設立準備メニューの補助率は2分の1、上限額は60万円です。"
             "共同設置の場合は90万円です。"],
            ["3", "補助金の申請期限はいつですか。今から申請しても間に合いますか。", "第2回の締切は11月28日です。"
             "事前相談は締切の2週間前までに住宅企画課へしてください。"]]
    u = Unit(kind="table", text="", section="", section_title="", pages=["1", "2"], page_indices=[0, 1],
             grid=[head, *rows], row_places=[[("1", 0)], [("1", 0)], [("1", 0), ("2", 1)], [("2", 1)]])
    chunks = [c for c in chunk_units([u], "qa", "質疑応答集") if c.kind == "table"]
    assert [c.pages for c in chunks] == [["1"], ["1", "2"], ["2"]]
    assert [c.page_indices for c in chunks] == [[0], [0, 1], [1]]
    # without the row places (a table joined beside another) every row cites the table's pages
    u.row_places = []
    assert all(c.pages == ["1", "2"] for c in chunk_units([u], "qa", "質疑応答集") if c.kind == "table")


def test_a_marked_continuation_joins_its_row_and_the_next_row_stands_alone():
    from ingest import structure

    grid = [["No.", "質問", "回答"], ["3", "構成員は？", "次の分野から参加いただくことを推奨しています。"]]
    added = continued_rows(grid, [["No.", "質問", "回答"], ["", "（続き）", "・居住支援法人"], ["4", "補助率は？", "2分の1です。"]])
    assert len(grid) == 2 and len(added) == 1  # the continuation joined row 3; row 4 is new
    assert structure.is_split_row(grid[-1], ["", "（続き）", "…"])
