"""A 新旧対照表 and statute text: which side a quote is from, a 後段 that extends the sentence before it, a row
label that is only the end of a place's name, a category row that is not the asked counter. Pure functions over
invented passages and tables (no index)."""

from app.compose import drop_connective, leans_back, names_counter, side_heading, table_lookup
from app.query import analyze
from app.retrieve import Hit
from ingest.clean import split_sentences

SIDES = ("【改正案】（委員）\n第5条 委員会に、委員長1人及び委員3人を置く。\n"
         "【現行】（委員）\n第5条 委員会に、委員長1人及び委員2人を置く。")


def test_a_quote_from_a_side_by_side_table_says_which_side_it_is_from():
    sents = split_sentences(SIDES)
    keys = [s.strip() for s in sents]
    new = keys.index("第5条 委員会に、委員長1人及び委員3人を置く。")
    old = keys.index("第5条 委員会に、委員長1人及び委員2人を置く。")
    assert side_heading(sents, new) == "改正案" and side_heading(sents, old) == "現行"
    assert side_heading(sents, 0) == ""  # a heading names its own side


def test_one_labelled_heading_heads_a_section_and_names_no_side():
    sents = split_sentences("【調査結果】\n県の協議会は年2回開かれていた。\n市の協議会は年1回だった。")
    assert all(side_heading(sents, k) == "" for k in range(len(sents)))


def test_two_section_labels_are_no_sides():
    sents = split_sentences("【調査結果】\n相談は120件だった。\n【考察】\n相談は200件に増える見込みである。")
    assert all(side_heading(sents, k) == "" for k in range(len(sents)))


def test_a_condition_opener_is_kept_and_only_before_its_comma():
    assert drop_connective("この場合において、その任期は3年とする。") == "この場合において、その任期は3年とする。"
    assert drop_connective("その場合には、家賃の3か月分を上限とする。") == "その場合には、家賃の3か月分を上限とする。"
    assert not leans_back("この場合の手数料は無料です。")  # a noun phrase, not an opener


def test_a_second_sentence_that_extends_the_first_leans_on_it():
    assert leans_back("その職を退いた後も、同様とする。")
    assert leans_back("この場合において、その任期は、令和10年3月31日までとする。")
    assert not leans_back("委員の任期は2年とする。")
    assert not leans_back("同様の取組は他の市でも見られる。")  # 同様 in the middle states something of its own


def test_a_counter_named_as_a_unit_and_not_inside_a_category():
    assert names_counter("参加人数", "人")
    assert names_counter("延べ利用者（人）", "人")
    assert not names_counter("居住支援法人", "人")  # a category counted in the table's unit, not people
    assert names_counter("居住支援法人数", "法人")
    assert not names_counter("居住支援法人数", "人")  # 人数 there is 法人's count
    assert names_counter("居住支援法人", "法人")  # a counter of its own length names itself


MEMBERS = [["区分", "改正前", "改正後"], ["福祉関係団体", "4", "6"], ["市町村", "5", "12"], ["県", "2", "2"],
           ["居住支援法人", "－", "5"], ["合計", "11", "25"]]


def _table(grid: list[list[str]]) -> Hit:
    title = "表2　ほたる県居住支援協議会の区分別の構成員数"
    text = f"{title}\n（単位：団体）\n" + "\n".join(" | ".join(r) for r in grid)
    return Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "text": text, "unit_title": title}, 1.0, 1)


def test_a_place_name_does_not_name_the_row_its_last_character_labels():
    cell = table_lookup(analyze("ほたる県協議会の改正前の福祉関係団体の数は？"), [_table(MEMBERS)])
    assert cell is not None and cell[3] == "福祉関係団体"
    assert table_lookup(analyze("ほたる県協議会の副会長は改正前と改正後で何人？"), [_table(MEMBERS)]) is None
    cell = table_lookup(analyze("改正後、県は何団体？"), [_table(MEMBERS)])
    assert cell is not None and cell[3] == "県" and cell[5] == "2"  # 県 standing on its own names the row


STATUS = [["市町村名", "状況", "設立年月"], ["ひかり市", "設立済み", "令和3年4月"], ["ながれ町", "準備中", "令和9年度予定"],
          ["せせらぎ村", "設立済み", "令和6年1月"], ["こもれび町", "検討中", "－"]]


def test_rows_whose_value_the_question_names_in_everyday_words():
    from app.compose import rows_where

    grid = STATUS
    h = Hit({"id": "s", "doc_id": "d", "kind": "table", "grid": grid, "unit_title": "表3　設立状況",
             "text": "表3　設立状況\n" + "\n".join(" | ".join(r) for r in grid)}, 1.0, 1)
    found = rows_where(analyze("もう協議会を立ち上げ済みの市町村ってどこ？"), [h])
    assert found is not None and found[1] == [1, 3]  # 設立済み, named as 立ち上げ済み (vocabulary synonyms)
    assert rows_where(analyze("協議会がある市町村の担当課はどこ？"), [h]) is None  # names no value
