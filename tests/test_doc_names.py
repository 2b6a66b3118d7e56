"""A question that names a document (its title or publisher) picks the document, not the passages that print
the name: pure functions, then the real retriever on two generated documents."""

from __future__ import annotations

import shutil

import pytest

from app.doc_names import build, naming_words
from ingest.corpus import cover_publisher
from ingest.tokens import content_words

SUFFIXES = ("課", "部", "局", "県", "協議会")


def test_cover_publisher_reads_the_issuing_bodies_not_the_title_or_sentences():
    lines = ["令和7年6月", "市町村居住支援協議会", "設立の手引き", "～地域の住まいの困りごと～",
             "みずほ県 建設部 住宅課", "みずほ県 福祉部 地域福祉課", "本書は市町村の担当者向けに作成した。"]
    got = cover_publisher(lines, SUFFIXES, title="市町村居住支援協議会 設立の手引き")
    assert "みずほ県 建設部 住宅課" in got and "みずほ県 福祉部 地域福祉課" in got
    assert "手引き" not in got and "作成" not in got and "令和" not in got


def test_cover_publisher_of_a_page_without_bodies_is_empty():
    assert cover_publisher(["第1章 はじめに", "居住支援の現状について説明します。"], SUFFIXES) == ""


def test_naming_words_are_label_words_few_passages_hold():
    # 手引き and みずほ are on the cover only; 協議会 is what every passage is about
    passages = [content_words(t) for t in (
        "協議会の設立には準備会を開きます。", "協議会の規約には名称と目的を定めます。",
        "協議会の構成員は不動産団体と福祉団体です。", "協議会の事務局は市の住宅課が担います。",
        "協議会の会議は年2回開きます。", "みずほ県の手引きに関するお問い合わせは住宅課へ。")]
    words = naming_words("居住支援協議会設立の手引き みずほ県 建設部", passages)
    assert "みずほ" in words.places and "手引き" in words.nouns
    assert not {"協議", "会", "部", "県"} & (words.places | words.nouns)


def test_a_place_name_names_its_document_anywhere_a_title_word_only_when_referred_to():
    chunks = [{"doc_id": "a", "tokens": content_words("規約には名称を定めます")},
              {"doc_id": "a", "tokens": content_words("みずほ県の手引きの問い合わせ先")},
              {"doc_id": "a", "tokens": content_words("会議は年2回開きます")},
              {"doc_id": "a", "tokens": content_words("準備会で規約案を作ります")},
              {"doc_id": "a", "tokens": content_words("構成員は不動産団体です")},
              {"doc_id": "b", "tokens": content_words("報告書の調査結果")}]
    manifest = {"documents": [{"doc_id": "a", "title": "設立の手引き", "publisher": "みずほ県 建設部"},
                              {"doc_id": "b", "title": "調査報告書", "short": "報告書"}]}
    names = build(chunks, manifest)
    assert names.members["a"] == (0, 1, 2, 3, 4)

    def named(q: str) -> dict:
        return names.named(q, content_words(q))

    assert set(named("みずほ県の手引きでは規約に何を書くの")["a"]) == {"みずほ", "手引き"}
    assert set(named("手引きだと規約はどうなってる？")["a"]) == {"手引き"}  # colloquial 「…だと」 refers too
    assert set(named("みずほ県で規約に何を書くの")["a"]) == {"みずほ"}  # a place names its document anywhere
    assert named("手引きの規約に何を書くの") == {}  # a title word outside a reference is content
    assert named("規約に何を書くの") == {}


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory, model_path, embedder):
    from app.retrieve import Retriever
    from ingest.pipeline import run_ingest
    from tests.conftest import make_settings
    from tests.docgen import build_all

    gen = tmp_path_factory.mktemp("gen")
    build_all(gen, only=["guide", "slides"])
    root = tmp_path_factory.mktemp("named")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in ("guide-booklet.pdf", "slides-deck.pdf"):
        shutil.copy2(gen / name, corpus / name)
    s = make_settings(root, corpus, model_path)
    assert run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder).ok
    return Retriever(s, embedder=embedder)


def test_a_named_document_ranks_its_content_not_its_cover(two_docs):
    """Naming the guide by its title picks the guide; its answer passage, not the cover or the contact line
    that print the title, comes first."""
    snap = two_docs.snapshot
    guide = next(d for d in snap.manifest["documents"] if d["file"] == "guide-booklet.pdf")
    assert snap.doc_names.names.get(guide["doc_id"]), "the guide's title words name it"
    hits = two_docs.search(f"{guide['title']}では、規約にはどんな項目を定めますか", k=5)
    assert hits[0].chunk["doc_id"] == guide["doc_id"]
    assert "規約" in hits[0].text


def test_a_kana_place_name_names_its_document_however_sudachi_splits_it():
    # in this title Sudachi reads かえで as か + 支え; the question's own split differs: the printed name matches
    label = "居住支援協議会の設立に向けた県の支援について かえで県 建築住宅部 住宅政策課"
    texts = ["補助メニューの補助率は2分の1です。", "説明会は7月14日に開きました。", "設立意向調査の回答期限は10月31日です。",
             "共同設置の上限額は70万円です。", "改正法は令和7年10月1日に施行されます。"]
    chunks = [{"doc_id": "k", "text": t, "tokens": content_words(t)} for t in texts]
    dn = build(chunks, {"documents": [{"doc_id": "k", "title": label}]})
    question = "かえで県の説明会で示された補助率は？"
    named = dn.named(question, tuple(content_words(question)))
    assert "k" in named and "補助" not in named["k"] and "率" not in named["k"]
    assert not dn.named("はるかぜ県の補助率は？", tuple(content_words("はるかぜ県の補助率は？")))


def test_a_page_where_no_text_stands_out_gives_its_first_line_as_title(tmp_path):
    """A spreadsheet printed as it is: every line the same size. The title is its first line, not the page."""
    from pdfgen import text_pdf

    from ingest.corpus import pdf_title

    rows = [f"{i} Town{i} North {1000 * i} 12 34 Office{i}" for i in range(1, 30)]
    path = text_pdf(tmp_path / "sheet.pdf", [["Survey of housing support by municipality", *rows]])
    assert pdf_title(path).replace(" ", "") == "Surveyofhousingsupportbymunicipality"
    cover = text_pdf(tmp_path / "cover.pdf", [["Housing", "support", "council", "guide"]])
    assert pdf_title(cover).replace(" ", "") == "Housingsupportcouncilguide"  # a cover: its lines stay whole


def test_an_e_mail_printout_is_titled_by_its_subject():
    from ingest.corpus import mail_subject

    page = ("星野 あかり\n差出人: 森 ゆうき <mori@pref.example.lg.jp>\n送信日時: 2026年6月2日 火曜日 16:48\n"
            "宛先: 星野 あかり <hoshino@city.example.lg.jp>\n件名: RE: RE: 【事務連絡】設立準備補助金の募集について"
            "添付ファイル: 様式.docx\n本文です。")
    assert mail_subject(page) == "【事務連絡】設立準備補助金の募集について"
    assert mail_subject("From: a@b.jp\nSent: Monday\nSubject: Fwd: Council meeting\n") == "Council meeting"
    assert mail_subject("件名: \n差出人: a\n宛先: b\n") == ""  # an empty subject takes no other header line
    # a subject line alone is not a mail header (a form's 「件名：」 field)
    assert mail_subject("申請書\n件名：設立準備補助金の交付申請\n") == ""
