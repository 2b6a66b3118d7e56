"""Composer rules met on an audit report and a procurement notice (BLIND30), checked on other wording.

- A table keyed by two labels (a programme merged over its 年度 rows): the row is the one whose both labels
  the question names.
- The sentence stating the asked count leads, judged by the words after the figure too (a Japanese predicate
  follows it: 「28法人のうち6法人から…提出されていなかった」).
- What a question asks: a casually typed yes/no (「…ないといけないの？」), who bears a cost (「誰持ち」), a span in
  fiscal years (「設立から3年度まで」).
"""

from app.answer_kinds import ANSWER_LOOKS, asked_kinds
from app.compose import figure_sentence, table_lookup
from app.query import analyze
from app.retrieve import Hit
from ingest.clean import normalize


def _table(cid: str, title: str, grid: list[list[str]], rank: int = 1) -> Hit:
    text = title + "\n" + "\n".join("| " + " | ".join(r) + " |" for r in grid)
    return Hit({"id": cid, "doc_id": "d", "text": text, "grid": grid, "unit_title": title, "kind": "table"}, 1.0, rank)


BUDGET = _table("t", "表2　事業費の推移（単位：千円）", [
    ["事業名", "年度", "予算額", "決算額"],
    ["見守り支援事業", "令和4年度", "4,000", "3,820"],
    ["見守り支援事業", "令和5年度", "4,200", "4,105"],
    ["見守り支援事業", "令和6年度", "4,500", "4,390"],
    ["住替え相談事業", "令和4年度", "2,000", "1,760"],
    ["住替え相談事業", "令和5年度", "2,100", "1,980"],
    ["住替え相談事業", "令和6年度", "2,300", "2,250"],
])


def test_a_row_keyed_by_two_labels_is_the_one_whose_both_labels_are_named():
    got = table_lookup(analyze("表2で、住替え相談事業の令和5年度の決算額はいくらですか。"), [BUDGET])
    assert got is not None and got[5] == "1,980"


def test_the_sentence_whose_predicate_matches_leads_a_count():
    q = analyze("研修報告を出していなかった協力店は何店ありましたか。")
    hit = Hit({"id": "s", "doc_id": "d", "text": ""}, 1.0, 1)
    picked = [(hit, "県の協力店は、令和7年3月31日現在42店である。", 1.0),
              (hit, "42店のうち5店から、令和6年度の研修報告が提出されていなかった。", 0.9)]
    assert figure_sentence(q, picked) == 1


def kinds(text: str) -> tuple[str, ...]:
    return asked_kinds(normalize(text))


def test_a_casual_yes_no_question_asks_no_sum():
    assert kinds("講師の謝金って、補助の対象経費に入れないといけないの？") == ()
    assert kinds("電話で聞いてもいい？") == ()
    assert kinds("謝金っていくら？") == ("money",)
    assert "time" in kinds("窓口って土曜も開いてるの？何時から何時まで？")


def test_who_bears_a_cost_asks_no_sum():
    assert "money" not in kinds("引継ぎに費用がかかったら、誰持ちになるの？")
    assert "money" not in kinds("その経費はどこが負担するの？")
    assert "money" in kinds("その経費は誰が負担して、いくらかかるの？")


def test_a_span_in_fiscal_years_answers_how_long():
    span = ANSWER_LOOKS["duration"]
    assert span.search(normalize("補助の対象期間は協議会の設立から3年度までである。"))
    assert span.search(normalize("5年度続けて同一の法人と契約している。"))
    assert not span.search(normalize("令和3年度までに設立する。"))
    assert not span.search(normalize("平成30年度まで実施した。"))
    for date in ("R3年度まで", "令和6年度から8年度まで", "令和6～8年度まで"):  # dates, written otherwise
        assert not span.search(normalize(date)), date


def test_a_frequency_asked_per_year_is_not_read_from_one_stated_per_month():
    q = analyze("見守りの訪問って年何回あるの？")
    picked = [(Hit({"id": "a", "text": ""}, 1.0, 1), "見守りの訪問は、担当者が月2回行う。", 2.0),
              (Hit({"id": "b", "text": ""}, 1.0, 2), "見守りの訪問は、年4回行う。", 1.0)]  # the same words before each figure
    assert figure_sentence(q, picked) == 1
    # asked per month, the monthly figure is the one
    assert figure_sentence(analyze("見守りの訪問って月に何回あるの？"), picked) == 0
