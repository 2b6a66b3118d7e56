"""The prefecture a document is about stands for its passages that say only 「県内」: a city's report on the
prefecture's briefing answers 「ひびき県に居住支援法人はいくつ」 with its 「県内の居住支援法人は31法人」."""

from types import SimpleNamespace

from app.doc_head import names_prefecture, sole_prefecture


def _snap(build: str, docs: dict[str, list[list[str]]]) -> SimpleNamespace:
    chunks = [{"doc_id": doc, "text": "", "page_indices": [0], "names": [[n, n] for n in names]} for doc, passages in docs.items() for names in passages]
    return SimpleNamespace(build_id=build, chunks=chunks)


def test_the_prefecture_most_passages_name_is_the_documents():
    snap = _snap("b1", {
        # loose names from the index (「あるひびき県」 after a verb) count for the name they end with
        "fukumei": [["ひびき県", "すずね市"], ["ひびき県"], ["あるひびき県", "しらべ市"], ["すずね市"]],
        # a survey naming several prefectures alike is no one prefecture's
        "survey": [["あおば県"], ["かえで県"], ["あおば県", "かえで県"]],
        # named once: too little to say whose the document is
        "once": [["ことぶき県"], []],
        "none": [["すずね市"]],
    })
    assert sole_prefecture(snap, "fukumei") == "ひびき県"
    assert sole_prefecture(snap, "survey") == ""
    assert sole_prefecture(snap, "once") == ""
    assert sole_prefecture(snap, "none") == ""


def test_a_question_names_the_documents_prefecture_only_by_a_prefecture_name():
    assert names_prefecture("ひびき県", "ひびき県")
    assert names_prefecture("はやせ県", "やせ県")  # the index's name cut short by the tokeniser
    assert not names_prefecture("ひびき市", "ひびき県")
    assert not names_prefecture("かえで県", "ひびき県")
    assert not names_prefecture("ひびき県", "")


def test_a_passage_naming_another_prefecture_is_not_the_documents():
    from app.compose import scope_of
    from app.query import analyze

    snap = _snap("b2", {"fukumei": [["ひびき県"], ["ひびき県", "すずね市"], [], ["かえで県"]]})
    retriever = SimpleNamespace(snapshot=snap)
    q = analyze("ひびき県に居住支援法人はいくつありますか")
    assert "ひびき県" in {s.text for s in q.specs}
    says_only_kennai = SimpleNamespace(chunk={"doc_id": "fukumei", "names": []})
    about_kaede = SimpleNamespace(chunk={"doc_id": "fukumei", "names": [["かえで県", "kaede"]]})
    assert "ひびき県" in scope_of(q, says_only_kennai, retriever)
    assert "ひびき県" not in scope_of(q, about_kaede, retriever)


def test_generic_and_unrelated_names_are_no_prefecture_of_the_document():
    from app.doc_head import prefecture_names, same_name

    assert prefecture_names({"names": [["近隣県", "k"], ["調査対象県", "c"], ["都道府県", "t"], ["ひびき県", "h"]]}) == {"ひびき県"}
    assert same_name("あるひびき県", "ひびき県") and not same_name("東京都", "京都")
