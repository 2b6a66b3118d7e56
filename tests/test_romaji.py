"""English questions that name a place in romaji find the passages that print it in kana or kanji."""

import jaconv
import pytest

from app.query import analyze
from app.romaji_names import NameIndex
from ingest.romaji import names_in, romaji_key


@pytest.mark.parametrize("spellings", [
    ("Tokyo", "Tōkyō", "Toukyou", "トウキョウ", "とうきょう"),
    ("Hatchobori", "Hacchōbori", "ハッチョウボリ"),
    ("Shimbashi", "Shinbashi", "Sinbasi", "シンバシ"),
    ("Ohno", "Ōno", "Oono", "オオノ"),
    ("Chuo", "Chūō", "チュウオウ"),
])
def test_one_key_for_every_romanisation_of_a_name(spellings):
    assert len({romaji_key(s) for s in spellings}) == 1


def test_different_names_keep_different_keys():
    keys = [romaji_key(s) for s in ("Kyoto", "Kochi", "Tokyo", "Toyota", "Sango", "Sanjo")]
    assert len(set(keys)) == len(keys)


def test_names_are_the_place_and_its_suffix_not_a_particle_or_a_verb():
    found = dict(names_in("はなぞの市とほしかげ町・つくし町が共同で設置し、札幌市や京都府も視察した。協議会を設立した市もある。"))
    assert {"はなぞの市", "ほしかげ町", "つくし町", "札幌市", "京都府"} <= set(found)
    assert not any(n.startswith(("と", "し")) or n == "した市" for n in found)
    assert found["はなぞの市"] == romaji_key("Hanazono")
    assert found["札幌市"] == romaji_key("Sapporo")


def _index(*texts: str) -> NameIndex:
    return NameIndex.build([{"names": names_in(t)} for t in texts])


def test_an_ambiguous_or_short_name_is_no_place_specifier_of_its_own():
    names = _index("ともえ県の計画", "ともえ町の窓口", "伊勢市の相談")
    q = analyze("How many consultations did Tomoe handle?", names=names)
    assert set(q.names) == {"ともえ県", "ともえ町"} and not [s for s in q.specs if s.kind == "place"]
    assert [n for _, n in names.resolve("What about Ise City?")] == ["伊勢市"]  # a short name before a place word
    assert names.resolve("Is it wise to ask Ise?") == []  # a short key alone is an English word's chance


def test_a_romanised_name_resolves_to_the_printed_name_its_place_word_picks():
    names = _index("あさひ市の相談件数", "あさひ県の計画", "みなみ町とみなみ村")
    assert [n for _, n in names.resolve("How many consultations did Asahi City handle?")] == ["あさひ市"]
    assert [n for _, n in names.resolve("What does the Asahi Prefecture plan say?")] == ["あさひ県"]
    assert {n for _, n in names.resolve("Minami Village and the next town")} == {"みなみ村"}
    assert names.resolve("how many cities set up a council?") == []  # lower-case words that are no name


def test_an_english_question_carries_the_japanese_name_into_its_search_terms():
    names = _index("表1 市町村別の実績 はなぞの市 769件")
    q = analyze("How many consultations did Hanazono City handle in fiscal Reiwa 7?", names=names)
    assert "はなぞの市" in q.names
    assert "令和7年度" in q.tokens
    assert "hanazono" not in q.unknown_english
    assert any(s.kind == "place" and s.text == "はなぞの市" for s in q.specs)


def test_english_questions_find_rows_of_kana_and_kanji_place_names(tmp_path, model_path, embedder):
    """A table of places written in hiragana and kanji: an English question spelling each place's name (its
    romanisation made here with jaconv, not the product's key) finds the row's passage first."""
    from conftest import make_settings
    from reportlab.pdfgen import canvas

    from app.retrieve import Retriever
    from ingest.pipeline import run_ingest
    from tests.docgen.fonts import GOTHIC, register

    places = [("はなぞの市", "はなぞの", "市", "City"), ("ほしかげ町", "ほしかげ", "町", "Town"),
              ("青葉区", "あおば", "区", "Ward"), ("くすのき村", "くすのき", "村", "Village")]
    pages = []
    for k, (name, _, _, _) in enumerate(places):
        pages.append([f"{k + 1} 地域の取組", f"{name}では、令和6年度に居住支援の相談窓口で{100 + 37 * k}件の相談を受けた。",
                      "相談の多くは高齢の単身世帯からで、家賃の安い住まいを探す内容であった。",
                      "協議会では、不動産店と福祉の窓口が連携して住まい探しを支えている。"])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    register()
    c = canvas.Canvas(str(corpus / "areas.pdf"), pagesize=(595, 842))
    for lines in pages:
        c.setFont(GOTHIC, 14)
        c.drawString(60, 780, lines[0])
        c.setFont(GOTHIC, 10.5)
        for k, line in enumerate(lines[1:]):
            c.drawString(60, 740 - 18 * k, line)
        c.showPage()
    c.save()
    s = make_settings(tmp_path, corpus, model_path)
    assert run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder).ok
    r = Retriever(s, embedder=embedder)
    for name, reading, _, word in places:
        spelled = jaconv.kana2alphabet(reading).capitalize()
        hits = r.search(f"How many consultations did {spelled} {word} handle in fiscal 2024?", k=3)
        assert name in hits[0].text, (spelled, [h.text[:30] for h in hits])


def test_a_name_romanised_in_parts_is_read_whole():
    names = _index("ひなた県社会福祉協議会が事務局を担う")
    found = names.resolve("Does the Shakai Fukushi Kyogikai run the secretariat?")
    assert found == [("Shakai Fukushi Kyogikai", "社会福祉協議会")], found
