"""A KPI card: one row of figures under 「現状｜目標」, named by its caption. Both values are answers; neither is the
row's name."""

from app.compose import named_rows, row_line, table_lookup, values_first
from app.query import analyze
from app.retrieve import Hit

CARD = {"id": "k", "doc_id": "d", "kind": "table", "unit_title": "居住支援協力店の登録数",
        "text": "居住支援協力店の登録数\n| 現状 | 目標 |\n|---|---|\n| 38店 | → 90店 |",
        "grid": [["現状", "目標"], ["38店", "→ 90店"]]}
LIST = [["市町村", "設立"], ["若竹市", "令和4年7月"], ["早苗市", "令和6年2月"]]


def test_a_row_of_figures_has_no_label_column():
    assert values_first(CARD["grid"])
    assert not values_first(LIST)
    assert not values_first([["年度", "件数"], ["令和5年度", "12件"]])  # a year names its row
    assert not values_first([["世帯人数", "上限額"], ["1人", "5万円"], ["2人", "8万円"]])  # rows named by figures
    assert values_first([["現状", "目標"], ["4市町", "→ 13市町村"]])  # a counter of three characters is a counter
    assert not values_first([["対象", "上限"], ["65歳以上", "5万円"]])  # a figure with more than its counter names a row


def test_a_card_counting_in_a_long_counter_is_not_answered_for_another_cards_caption():
    """Of two cards under one heading, the one whose caption the question names answers — a card counting 市町村
    gives no 目標 to a question about 協力店 (its first cell is a value like 38店, not a row name)."""
    other = Hit({"id": "o", "doc_id": "d", "kind": "table", "unit_title": "",
                 "text": "協議会を設置した市町村数\n| 現状 | 目標 |\n|---|---|\n| 4市町 | → 13市町村 |",
                 "grid": [["現状", "目標"], ["4市町", "→ 13市町村"]]}, 1.0, 1)
    q = analyze("居住支援協力店の登録数の現状値と目標値はそれぞれいくつですか。")
    assert table_lookup(q, [Hit(CARD, 1.0, 1), other]) is None


def test_rows_named_by_figures_keep_their_names():
    hit = Hit({"id": "t", "doc_id": "d", "kind": "table", "unit_title": "家賃補助の上限",
               "text": "家賃補助の上限\n| 世帯人数 | 上限額 |\n|---|---|\n| 1人 | 5万円 |\n| 2人 | 8万円 |",
               "grid": [["世帯人数", "上限額"], ["1人", "5万円"], ["2人", "8万円"]]}, 1.0, 1)
    cell = table_lookup(analyze("世帯人数2人の上限額はいくらですか"), [hit])
    assert cell is not None and cell[5] == "8万円"


def test_both_values_of_the_card_are_read_with_their_headers():
    hit = Hit(CARD, 1.0, 1)
    q = analyze("居住支援協力店の登録数の現状値と目標値はそれぞれいくつですか。")
    assert table_lookup(q, [hit]) is None  # two columns named: no single cell answers
    assert named_rows(q, [hit], retriever=None) == [(hit, 1)]
    assert row_line(hit, 1) == "居住支援協力店の登録数：現状 38店、目標 → 90店"
    one = table_lookup(analyze("居住支援協力店の登録数の目標はいくつ？"), [hit])
    assert one is not None and one[5].endswith("90店") and one[3] == "居住支援協力店の登録数"  # the caption names it
    unnamed = analyze("居住支援協力店の登録数はいくつですか")  # no column named: the row whole, not the target alone
    assert table_lookup(unnamed, [hit]) is None and named_rows(unnamed, [hit], retriever=None) == [(hit, 1)]
    assert named_rows(analyze("協議会の数はいくつ？"), [hit], retriever=None) == []  # the caption is not named
