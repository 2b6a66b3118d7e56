"""「A の B」 in a question (実践編の定員, 窓口のFAX番号): both must be stated in one sentence or table row of the top
passages (an answerability signal, app/answerability._pairs_held), checked on invented text."""

from types import SimpleNamespace

from app.answerability import _pairs_held
from app.query import analyze
from app.retrieve import Hit
from app.specifiers import linked_nouns


def test_the_pairs_a_question_links_with_no():
    assert linked_nouns("後期講座の受講料はいくら？") == (("後期講座", "受講料"),)
    assert linked_nouns("研修会（応用コース）の会場はどこ？") == (("応用コース", "会場"),)  # の after the bracket
    assert linked_nouns("相談会は何回開きましたか") == ()  # nothing linked
    assert linked_nouns("令和6年度の相談件数は") == ()  # a year is a specifier, read as one
    assert linked_nouns("さくら市の相談件数は") == ()  # so is a place by name


def _retriever() -> SimpleNamespace:
    return SimpleNamespace(idf=lambda t: 2.0)


def _hit(text: str) -> Hit:
    grid = [[c.strip() for c in x.strip().strip("|").split("|")] for x in text.splitlines() if x.startswith("|")]
    return Hit(chunk={"id": "d:0001", "doc_id": "d", "text": text, "kind": "table" if grid else "text", "grid": grid},
               score=1.0, rank=1)


def test_a_pair_is_held_only_where_one_sentence_or_row_states_both():
    text = ("前期講座は5月に開き、受講料は無料です。後期講座は10月に開きます。\n"
            "| 講座 | 会場 |\n| 前期講座 | 県民会館 |\n| 後期講座 | オンライン |")
    r, h = _retriever(), _hit(text)
    assert _pairs_held(analyze("前期講座の受講料はいくら？"), r, [h]) == 1.0
    assert _pairs_held(analyze("後期講座の受講料はいくら？"), r, [h]) == 0.0  # the fee is said of the other course
    assert _pairs_held(analyze("後期講座の会場はどこ？"), r, [h]) == 1.0  # its row
    assert _pairs_held(analyze("講座は何月に開きますか"), r, [h]) == 1.0  # no pair: nothing to check
