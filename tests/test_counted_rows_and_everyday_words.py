"""A count question names a table's row by its counter, and everyday or English words reach the documents' terms
(BLIND32: 「How many … sessions were held」, 「お盆ってセンター休み？」), checked on other tables and wording.

- 「何回」 asks a 回数: among rows named alike by the question's words (見学会回数 / 見学会参加者数), the counter
  picks the row. The same for an English question whose counter noun is its head ("how many tours").
- English counter nouns ("sessions", "households", "cases") and general office words ("toll-free", "booking")
  become the Japanese the documents use.
- Colloquial names of office closures (お盆休み, 休み) search the documents' 夏季休館 / 休業.
- An English "deadline" asks a date; a cost or fee naming a programme ("the operating cost subsidy") asks no sum.
"""

from app.compose import counted_noun, table_lookup
from app.glossary import translate
from app.query import analyze
from app.retrieve import Hit
from ingest.vocabulary import vocabulary


def _table(title: str, grid: list[list[str]]) -> Hit:
    text = title + "\n" + "\n".join("| " + " | ".join(r) + " |" for r in grid)
    return Hit({"id": "t", "doc_id": "d", "text": text, "grid": grid, "unit_title": title, "kind": "table"}, 1.0, 1)


TOURS = _table("表3　空き家見学会の実績", [
    ["区分", "令和5年度", "令和6年度"],
    ["見学会回数", "6回", "9回"],
    ["見学会参加者数", "48人", "75人"],
    ["成約件数", "3件", "5件"],
])


def test_the_counter_names_the_row_of_its_count():
    got = table_lookup(analyze("令和6年度に空き家の見学会は何回行われましたか。"), [TOURS])
    assert got is not None and got[5] == "9回"
    got = table_lookup(analyze("令和5年度の見学会には何人参加しましたか。"), [TOURS])
    assert got is not None and got[5] == "48人"


def test_an_english_count_names_the_row_by_its_counter_noun():
    got = table_lookup(analyze("How many vacant-house tours were held in FY2024 (令和6年度)?"), [TOURS])
    assert got is None or got[5] != "75人"  # never the participants' row
    got = table_lookup(analyze("How many viewing sessions (見学会) were held in FY2024 (令和6年度)?"), [TOURS])
    assert got is not None and got[5] == "9回"


def test_counted_noun_only_where_counter_and_数_make_one_word():
    assert counted_noun("回") == {"回数"}
    assert counted_noun("件") == {"件数"}
    assert counted_noun("") == set()


def test_english_counters_and_office_words():
    assert "何回" in translate("How many consultation sessions took place?")[0]
    assert "何世帯" in translate("How many households moved in?")[0]
    assert "何件" in translate("How many cases were handled?")[0]
    japanese = translate("What toll-free number do I call for a booking?")[0]
    assert "フリーダイヤル" in japanese and "予約" in japanese
    # the counter noun is read as the counter, not left over as a word the vocabulary does not know
    assert "sessions" not in translate("How many sessions were held?")[1]


def test_everyday_names_of_closures_reach_the_documents_words():
    v = vocabulary()
    assert "夏季" in v.synonyms("盆")
    assert "休館" in v.synonyms("休み")


def test_an_english_deadline_asks_a_date_and_a_cost_naming_a_programme_asks_no_sum():
    from app.answer_kinds import asked_kinds

    assert asked_kinds("What is the application deadline for the rent support grant?") == ("date",)
    assert "date" in asked_kinds("How early must towns consult the prefecture before applying?")
    # 「the operating cost subsidy」 names a programme; what is asked of it is no sum
    assert "money" not in asked_kinds("Which division handles the operating cost subsidy?")
    assert "money" not in asked_kinds("What is the application deadline for the operating cost subsidy?")
    # … unless a sum of it is asked all the same
    assert "money" in asked_kinds("What is the maximum cost subsidy per household?")
    assert "money" in asked_kinds("What is the fee reduction amount?")
    assert "money" in asked_kinds("How much is the operating cost subsidy?")
    assert "money" in asked_kinds("What is the budget for the advisor dispatch?")


def test_an_english_question_counting_days_asks_the_count_in_days():
    ja, unknown = translate("Within how many days must the grant application be submitted after selection?")
    assert "何日" in ja and "以内" in ja and "交付申請" in ja and "採択" in ja
    assert "days" not in unknown and "selection" not in unknown
