"""A question asking two kinds of value whose answer states one: the sentence stating the other comes along."""

from app.compose import rest_of_kinds
from app.query import analyze
from app.retrieve import Hit


class _Idf:
    def idf(self, _token: str) -> float:
        return 1.0


NOTES = Hit({"id": "n", "doc_id": "d", "text": "実践編は令和7年11月13日に開催します。申込みの締切は10月17日です。"
             "実践編の会場は、県自治会館3階の大会議室です。個別相談会の会場は各市町村の庁舎です。"}, 1.0, 1)


def test_the_venue_comes_along_when_the_answer_gives_only_the_deadline():
    q = analyze("研修の実践編の会場と申込みの締切を教えてください。")
    assert set(q.asks) >= {"date", "venue"}
    got = rest_of_kinds(q, [NOTES], _Idf(), "申込みの締切は10月17日です。")
    assert got is not None and "県自治会館" in got[1]


def test_nothing_comes_along_when_every_kind_is_stated_or_only_one_is_asked():
    q = analyze("研修の実践編の会場と申込みの締切を教えてください。")
    assert rest_of_kinds(q, [NOTES], _Idf(), "締切は10月17日、会場は県自治会館です。") is None
    assert rest_of_kinds(analyze("実践編の申込みの締切はいつ？"), [NOTES], _Idf(), "申込みの締切は10月17日です。") is None
    assert rest_of_kinds(q, [NOTES], _Idf(), "研修を開催します。") is None  # no kind stated: no lead to go with
