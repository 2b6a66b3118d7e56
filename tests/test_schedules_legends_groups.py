"""Reading a schedule drawn as bars, a role table's legend, a checklist's groups and a chart's caption: pure
functions over invented tables and passages (a library's year plan, no index)."""

from app.compose import group_title, item_run, legend_marks, rows_where, schedule_row, table_lookup
from app.query import analyze
from app.retrieve import Hit
from ingest.structure import untitled_caption

PLAN = [["作業", "4月", "5月", "6月", "7月"],
        ["読書週間の準備", "", "●打合せ", "", ""],
        ["読書週間", "", "", "", "★開催"],
        ["蔵書点検", "■点検", "", "", ""]]

ROLES = [["機関", "貸出", "読み聞かせ", "修繕"],
         ["市立図書館", "◎", "○", "◎"],
         ["ボランティア会", "", "◎", "△"],
         ["学校図書室", "○", "○", ""],
         ["公民館", "△", "", "○"]]


def _table(grid: list[list[str]], title: str, before: str = "") -> Hit:
    text = f"{title}\n{before}" + "\n".join("| " + " | ".join(r) + " |" for r in grid)
    return Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "text": text, "unit_title": title}, 1.0, 1)


def test_a_task_of_a_schedule_is_answered_by_the_months_of_its_marks():
    found = schedule_row(analyze("読書週間は何月に開かれますか"), [_table(PLAN, "年間予定")])
    assert found is not None and found[2] == "読書週間" and found[3] == [("7月", "★開催")]
    assert schedule_row(analyze("読書週間の準備はいつ？"), [_table(PLAN, "年間予定")])[3] == [("5月", "●打合せ")]
    assert schedule_row(analyze("読書週間の内容は？"), [_table(PLAN, "年間予定")]) is None  # it asks no time
    plain = [["区分", "内容", "時期"], ["読書週間", "展示", "7月"], ["蔵書点検", "点検", "4月"]]
    assert schedule_row(analyze("読書週間は何月？"), [_table(plain, "表")]) is None  # no columns of months


def test_a_legend_turns_what_the_question_asks_into_its_mark():
    legend = "◎主担当　○協力　△情報提供\n"
    assert legend_marks(legend, {"担当"}) == ("◎", "主担当")
    assert legend_marks("◎は主担当を示す。\n", {"担当"}) is None  # one mark in a sentence is no legend
    hit = _table(ROLES, "役割分担の例", legend)
    where = rows_where(analyze("読み聞かせをメインでやるのはどこ？"), [hit])
    assert where is not None and where[1] == [2]  # ボランティア会 (◎), not every marked row
    where = rows_where(analyze("読み聞かせをしているのはどこ？"), [_table(ROLES, "役割分担の例")])
    assert where is not None and where[1] == [1, 2, 3]  # without a legend, any mark


def test_a_checklist_item_is_quoted_with_its_group():
    sents = ["段階2　調整期（7月～9月）", "□蔵書の数を数えた", "□ボランティアに声をかけた", "段階3　実施期",
             "□会場を決めた"]
    assert group_title(sents, 2) == "段階2　調整期（7月～9月）"
    assert group_title(sents, 4) == "段階3　実施期"
    assert group_title(sents, 3) == ""  # the title itself is no item
    assert group_title(["次のとおりです。", "・会場", "・日程"], 1) == ""  # a sentence leads the list in


def test_a_list_item_brings_its_whole_list():
    sents = ["8.　今後の課題", "①蔵書の更新：古い本を入れ替えます。", "②開館時間の延長：夜8時まで開けます。",
             "③分館の整備：二つの分館を建て替えます。", "このほか、職員の研修も課題です。"]
    assert item_run(sents, 2) == [1, 2, 3]  # one kind of mark (①②③), not the heading or the sentence after
    assert item_run(sents, 4) == [4]  # no item
    mixed = ["・貸出の手続", "・返却の方法", "(1) 開館日", "(2) 休館日"]
    assert item_run(mixed, 0) == [0, 1] and item_run(mixed, 3) == [2, 3]  # each kind of mark its own list
    assert item_run(["① 一つだけの項目", "本文です。"], 0) == [0]


def test_a_table_that_never_says_what_the_question_quotes_gives_no_cell():
    chart = [["区分", "値"], ["令和4年度末", "3"], ["令和5年度末", "4"]]
    q = analyze("令和5年度調査で「予算が足りない」を挙げた館はいくつ？")
    said = Hit({"id": "s", "doc_id": "d", "text": "令和5年度調査では「予算が足りない」が6館だった。", "unit_title": ""}, 1.0, 2)
    assert table_lookup(q, [_table(chart, "図1　推移"), said]) is None
    # a quote no passage says (the document's name in other words) sets no condition
    assert table_lookup(analyze("「館の年報」で令和5年度末の値はいくつ？"), [_table(chart, "図1　推移")]) is not None
    assert table_lookup(analyze("令和5年度末の値はいくつ？"), [_table(chart, "図1　推移")]) is not None


def test_a_number_alone_is_no_caption():
    assert not untitled_caption("10")
    assert untitled_caption("協議会設置数の推移")


def test_a_table_of_figures_by_year_is_no_schedule():
    from ingest.clean import is_schedule

    figures = [["事業", "令和5年度", "令和6年度", "令和7年度"], ["見守り訪問（件）", "－", "45", "60"],
               ["出張相談（回）", "12", "15", "18"]]
    assert not is_schedule(figures)
    assert is_schedule(PLAN)
    assert schedule_row(analyze("見守り訪問はいつから始まりましたか"), [_table(figures, "表2")]) is None


def test_a_graded_legend_does_not_narrow_to_one_grade():
    graded = "凡例：◎重点的に実施　○実施　△一部実施\n"
    assert legend_marks(graded, {"実施"}) is None  # ◎ is 実施 too
    assert legend_marks(graded, {"重点", "実施"}) == ("◎", "重点的に実施")


def test_a_pointing_sentence_set_with_a_mark_still_introduces_its_items():
    from app.sentence_rank import introduces_list

    assert introduces_list(["○ 協議会は次の4つの役割を担う。", "(1) 相談", "(2) 見守り", "(3) 入居支援", "(4) 情報提供"], 0)
