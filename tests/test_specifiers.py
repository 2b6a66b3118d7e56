"""What singles out a question's subject (a named place, a year, a month, 第N回), and whether a text states it:
pure text processing, no index."""

from app.query import analyze
from app.specifiers import SPEAKER_MARK, document_scope, held, place_names, specifiers
from ingest.clean import normalize, squash


def _texts(question: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in specifiers(question)]


def test_a_named_place_and_a_year_single_out_a_question():
    assert _texts("かわせみ市の令和4年度の相談件数は何件でしたか。") == [("place", "かわせみ市"), ("year", "4年度")]
    assert ("ordinal", "第3次") in _texts("第3次募集の申請期限はいつですか。")
    assert ("month", "2月") in _texts("かえで県の2月の市町村担当者研修会って、会場どこ？")


def test_generic_places_and_relative_clauses_are_no_names():
    assert place_names("県内の市と他県、各市、当県、都道府県、市区町村") == []
    assert place_names("制度を実施している市と、その上限額") == []  # a verb before 市: a relative clause
    assert place_names("調査対象市の居住支援協議会") == []  # the end of a compound names a class
    assert place_names("宮城県仙台市と隣のさくら県") == ["宮城県", "仙台市", "さくら県"]


def test_years_are_read_in_any_common_notation():
    assert _texts("2024年度の予算は") == [("year", "2024年度")]
    assert _texts("設立後3年度目の協議会") == [("ordinal", "3年度目")]  # the 3rd year since, not a fiscal year
    assert [s.text for s in analyze("R6の相談件数は？").specs] == ["6年度"]  # the era abbreviation is 令和6年度


def test_a_text_states_a_year_written_under_its_era_but_not_a_year_count():
    specs = analyze("かわせみ市の令和4年度の相談件数は？").specs
    assert held(specs, "かわせみ市 | 令和3年度 | 4年度 | 120件") == 1.0  # the era is written once, on the first year
    assert held(specs, "かわせみ市の相談件数は令和5年度142件") == 0.5
    assert held(specs, "かわせみ市は設立4年度目に相談会を開いた") == 0.5
    assert held((), "anything") == 1.0


def test_a_documents_own_place_is_stated_for_all_its_passages():
    specs = analyze("かえで県の手引きでは、規約に何を入れる？").specs
    assert document_scope(specs, "かえで県建築住宅部 市町村居住支援協議会設立の手引き") == {"かえで県"}
    assert document_scope(specs, "さくら県 手引き") == frozenset()
    assert held(specs, "規約には名称と目的を定める", given=frozenset({"かえで県"})) == 1.0


def test_a_documents_place_in_a_series_is_stated_for_all_its_passages_but_not_its_date():
    specs = analyze("第2期計画の令和6年度の登録戸数は？").specs
    head = "賃貸住宅供給促進計画（第2期）計画期間 令和7年度～令和16年度 令和6年度末"
    assert document_scope(specs, head) == {"第2期"}  # the 第2期 plan throughout; a year on its cover is not
    assert document_scope(specs, "賃貸住宅供給促進計画（第1期）") == frozenset()
    assert document_scope(specs, "本県は平成30年に第1期計画を策定し、このたび第2期計画を策定した") == frozenset()
    assert document_scope(analyze("第5条で定める経費は？").specs, "要綱 第1条 第2条 第5条") == frozenset()
    assert document_scope(analyze("第15回の出席者は？").specs, "第十五回 協議会 議事録") == {"第15回"}


def test_a_fiscal_year_end_is_march_of_the_next_year():
    specs = analyze("令和5年度末の登録戸数は何戸ですか").specs
    assert held(specs, "令和6年3月末現在の登録戸数は3,412戸") == 1.0
    assert held(specs, "令和7年3月末現在の登録戸数は3,412戸") == 0.0


def test_the_attribute_a_question_asks_the_value_of():
    from app.specifiers import asked_attribute

    assert asked_attribute("居住支援実務研修の受講料はいくらですか。") == "受講料"
    assert asked_attribute("講師の謝金は、1時間当たりいくらまで補助されますか") == "謝金"
    assert asked_attribute("研修会って、会場どこ？") == "会場"
    assert asked_attribute("設立準備補助金の上限額は？") == "上限額"
    assert asked_attribute("去年度は何回会議ひらいた？") == ""  # when, not what
    assert asked_attribute("居住支援法人の数は何法人ですか") == ""  # 数 names nothing
    assert asked_attribute("登録店は、令和8年3月末時点で何店ありますか") == ""  # a point in time, not what is asked
    assert asked_attribute("県は市町村の何を確かめて一覧を作るの？") == ""  # 市町村 owns what is asked
    assert asked_attribute("研修会の2回目、11月の何日？") == ""
    assert asked_attribute("令和6年度の入居決定件数の合計は何件ですか。") == "入居決定件数"  # the total of what
    assert asked_attribute("令和6年度の合計は何件ですか。") == ""  # a year's total names nothing
    assert asked_attribute("県全体の合計は何件ですか。") == ""  # nor does the whole's or both's
    assert asked_attribute("両方の合計はいくらですか。") == ""
    # a month before の says when: what is asked is the topic before it
    assert asked_attribute("第2回募集の交付決定は、12月の何日になりますか。") == "交付決定"
    assert asked_attribute("申請は10月末までと聞きましたが、交付決定が12月の何日か教えて") == "交付決定"
    # a rate the tokeniser reads as one word (当たり年 of 「1市町村当たり年何回」) is passed over like 1時間当たり
    assert asked_attribute("アドバイザーは、1市町村当たり年何回まで派遣してもらえますか") == "アドバイザー"
    # 「いくつの市町で」「何人の委員が」: what is counted follows the question word; a counter there (市町) is the
    # question's counter, not an attribute; other question words before の own nothing (「どこの市町村」「何日の何時」)
    assert asked_attribute("大森さんの法人って、いくつの市町で活動してるの？") == ""
    assert asked_attribute("何人の委員がいますか") == "委員"
    assert asked_attribute("どこの市町村が家賃低廉化補助を実施していますか。") == ""
    assert asked_attribute("何日の何時から開催？") == ""
    assert asked_attribute("アドバイザーは、1市町村あたり年何回まで派遣してもらえますか") == "アドバイザー"


def test_a_value_asked_of_a_named_column_stands_in_that_column():
    """「第2回募集の交付決定は12月の何日」 names the column 交付決定: its cell (「12月上旬」) holds no day, though the
    row's 受付期間 cell does; a question asking two things (「事務局はどの課で、構成団体は何団体」) reads the whole row."""
    from app.answerability import _holds, _units, named_columns
    from app.retrieve import Hit
    from ingest.clean import normalize, squash

    header = ["区分", "受付期間", "交付決定（予定）", "構成団体数", "令和6年度"]
    asked = squash(normalize("第2回募集の交付決定は、12月の何日になりますか。"))
    assert named_columns(header, "交付決定") == {2}
    assert named_columns(header, "構成団体") == {3}  # a count's header by what it counts
    assert named_columns(header, "区分") == set()  # the rows' titles are no column asked
    assert named_columns(header, "") == set()  # no attribute asked: the whole row
    assert named_columns(["No.", "協議会名", "構成団体数"], "協議会名") == set()  # titles after a row number
    assert named_columns(header, "令和6年度") == set()  # a year's column is read by the year, not as asked
    text = ("補助金の申請スケジュール\n| 区分 | 受付期間 | 交付決定 |\n|---|---|---|\n"
            "| 第2回募集 | 10月1日（水）～10月31日（金） | 12月上旬 |")
    for chunk in ({"kind": "text", "text": text}, {"kind": "table", "text": text, "grid": [
            ["区分", "受付期間", "交付決定"], ["第2回募集", "10月1日（水）～10月31日（金）", "12月上旬"]]}):
        units = [(u, v) for u, v in _units(Hit(chunk, 1.0, 1), (), "交付決定") if "第2回募集 |" in u]
        assert units and all(not _holds("day", normalize(v), asked) for u, v in units)
        assert any(_holds("day", normalize(u), asked) for u, v in units)  # the whole row does hold a day
        # without a named column the value may stand anywhere in the row
        assert any(_holds("day", normalize(v), "") for u, v in _units(Hit(chunk, 1.0, 1), (), "") if "第2回募集 |" in u)


def test_a_count_is_anchored_only_by_a_figure_in_the_asked_counter():
    from app.answerability import _counts

    assert _counts("回", "出張相談を年16回実施", "")
    assert not _counts("回", "相談件数 令和6年度 2,184件", "")
    assert _counts("団体", "区分 構成団体数 | 12 |", "")
    assert not _counts("団体", "区分 市町村数 | 8 |", "")


def test_a_follow_up_replaces_the_carried_place_and_keeps_the_year():
    history = [{"role": "user", "content": "かわせみ市の令和4年度の相談件数は何件？"}, {"role": "assistant", "content": "…"}]
    q = analyze("ともえ町は？", history)
    assert sorted(s.text for s in q.specs) == ["4年度", "ともえ町"]
    q = analyze("会場は？", [{"role": "user", "content": "研修の受講料はいくらですか"}, {"role": "assistant", "content": "…"}])
    assert q.attribute == "会場"


def test_years_match_across_notations_and_not_across_eras():
    assert held(analyze("令和6年度の件数は？").specs, "2024年度の件数は10件") == 1.0
    assert held(analyze("2019年度の件数は？").specs, "令和元年度の件数は10件") == 1.0
    assert held(analyze("令和4年度の件数は？").specs, "平成4年度の件数は10件") == 0.0
    assert place_names("京都府と東京都") == ["京都府", "東京都"]


def test_a_table_rows_bare_numbers_count_in_the_tables_unit():
    """「第2表 … （単位：件）」: a row's bare cells are counts in 件, though no header names 件."""
    from app.answerability import _counts, _holds, _units
    from app.retrieve import Hit

    grid = [["協議会名", "令和5年度 新規", "令和5年度 継続"], ["もくせい市", "212", "97"]]
    chunk = {"kind": "table", "grid": grid, "section_title": "", "unit_title": "第2表　協議会別の相談件数",
             "text": "第2表　協議会別の相談件数\n（単位：件）\n| 協議会名 | 令和5年度 新規 | 令和5年度 継続 |\n"
                     "|---|---|---|\n| もくせい市 | 212 | 97 |"}
    rows = [u for u, _ in _units(Hit(chunk, 1.0, 1)) if "もくせい市" in u and u.startswith("|")]
    assert rows, "the row is read as a unit of its own"
    asked = "もくせい市の令和5年度の新規相談件数はいくつですか"
    assert _holds("count", rows[0], asked) and _counts("件", rows[0], asked)
    no_unit = dict(chunk, unit_title="第2表　協議会別の実績",
                   text=chunk["text"].replace("（単位：件）\n", "").replace("相談件数", "実績"))
    row = next(u for u, _ in _units(Hit(no_unit, 1.0, 1)) if "もくせい市" in u and u.startswith("|"))
    assert not _counts("件", row, asked.replace("件数", ""))


def test_a_place_named_in_kana_is_a_place_though_the_tokeniser_cuts_it_up():
    """ゆりのき市 reads ゆり+の+き to the tokeniser; いろんな市 and ちいさな町 describe, they name nothing."""
    assert place_names("ゆりのき市の相談件数は？") == ["ゆりのき市"]
    assert sorted(place_names("しいのき町とヤマブキ町")) == ["しいのき町", "ヤマブキ町"]
    for text in ("いろんな市の例", "ちいさな町でも", "あたらしい県", "その市は", "ある市で", "しずかな町で"):
        assert place_names(text) == [], text
    # an adjectival noun right before the suffix (no な) is the name itself: のどか市, not a quiet city
    assert place_names("のどか市の協議会はいつ設立？") == ["のどか市"]


def test_a_negated_verb_reads_as_the_prefix_the_documents_use():
    from app.query import analyze, not_done

    assert not_done("協議会を設置していない市町村") == ("未",)
    assert not_done("まだ設立されていない") == ("未",)
    assert not_done("設置している市町村") == ()
    assert "未" in analyze("協議会を設置していない市町村はいくつ？").tokens


def test_a_long_form_that_begins_a_compound_ends_its_own_word():
    """市町村数 expands to 市区町村数, which the tokeniser would cut into 市 / 区 / 町 / 村数."""
    from ingest.tokens import content_words

    assert "市区町村" in content_words("未設置市町村数")
    assert content_words("市区町村数") == content_words("市町村数")
    assert "市区町村" in content_words("市町村の数")


def test_a_text_about_another_one_of_the_series_is_told_apart():
    from app.specifiers import other_ordinal

    specs = analyze("第2期計画の計画期間はいつまで？").specs
    assert other_ordinal(specs, "第1期計画（令和2年度～令和6年度）の期間中、登録戸数は増加しました。")
    assert not other_ordinal(specs, "第2期計画では、第1期計画の課題を踏まえます。")  # names the asked one too
    assert not other_ordinal(specs, "計画期間 令和7年度～令和16年度")
    assert not other_ordinal(analyze("第15回の会議の出席者は？").specs, "第2期計画では")  # another series
    # another one named away from the figure: the sentence may still give the asked one's
    assert not other_ordinal(specs, "第1期計画の成果を踏まえ、令和16年度末までに登録戸数6,000戸を目指します。")
    assert not other_ordinal(specs, "第二期計画では第1期の課題を踏まえ、登録を進めます。")  # 第二期 is the asked one


def test_kana_names_the_tokeniser_reads_as_a_verb_or_a_dialect_auxiliary_are_places():
    """ゆめみ市 (ゆめみ read as 夢見る's continuative) and はるひ市 (はる read as an auxiliary) are names; 「ちいさな町」
    「よくある市」 describe."""
    from app.specifiers import place_names

    assert place_names("ゆめみ市の令和6年度の相談件数") == ["ゆめみ市"]
    assert place_names("はるひ市の協議会") == ["はるひ市"]
    assert place_names("ちいさな町の協議会") == [] and place_names("よくある市の例") == []


class _Corpus:
    """Just what the anchor signal reads of a retriever: word weights and the documents' heads."""

    class snapshot:  # noqa: N801 - stands in for the index snapshot
        build_id, chunks = "test", []

    @staticmethod
    def idf(word: str) -> float:
        return 2.0


def _anchor(question: str, text: str) -> float:
    from app.answerability import _anchors
    from app.retrieve import Hit

    chunk = {"kind": "text", "text": text, "doc_id": "d", "section_title": "", "unit_title": ""}
    return _anchors(analyze(question), _Corpus(), [Hit(chunk, 1.0, 1)])[1]


def test_a_count_asked_as_a_number_of_things_is_named_by_the_figure():
    """「入居に結びついた件数」: 「9件です」 states a 件数 though the word is not written."""
    text = "設立初年度に、協議会の支援で入居に結びついたのは9件です。"
    assert _anchor("設立初年度に入居に結びついた件数を教えてください。", text) == 1.0
    assert _anchor("設立初年度に入居に結びついた件数を教えてください。", "設立初年度の会議は3回です。") == 0.0


def test_an_attribute_is_anchored_by_the_share_of_its_words_a_unit_states():
    """A 相談件数 column does not state an 入居決定件数: only its 件数 is there (and a figure says that much)."""
    assert _anchor("ゆきみ村の入居決定件数は何件？", "ゆきみ村の相談件数は令和6年度に3件。") == 0.0
    assert 0.0 < _anchor("ゆきみ村の入居決定件数は何件？", "ゆきみ村の入居相談は令和6年度に3件。") < 1.0
    assert _anchor("ゆきみ村の入居決定件数は何件？", "ゆきみ村の入居決定件数は令和6年度に1件。") == 1.0


def test_a_table_opening_the_first_page_is_no_part_of_the_documents_head():
    """A list of municipalities opening a spreadsheet does not make its first row's city every passage's scope."""
    from types import SimpleNamespace

    from app.doc_head import doc_head

    chunks = [{"doc_id": "s", "doc_title": "市町村別 実施状況調べ", "kind": "table", "page_indices": [0],
               "text": "| No. | 市町村名 |\n| 1 | ゆきしろ市 |"},
              {"doc_id": "g", "doc_title": "居住支援の手引き", "kind": "text", "page_indices": [0],
               "text": "かえで県 建築住宅部"}]
    snap = SimpleNamespace(build_id="head-test", chunks=chunks)
    assert "ゆきしろ市" not in doc_head(snap, "s") and "実施状況調べ" in doc_head(snap, "s")
    assert "かえで県" in doc_head(snap, "g")


def test_a_count_unit_in_another_word_for_its_counter_still_counts():
    """A row's bare numbers under （単位：名） count 人: 名 and 人 count the same."""
    from app.answerability import _counts

    assert _counts("人", "| 第1回 | 45 | 参加者（単位：名）", "")
    assert _anchor("第1回説明会の参加人数を教えて", "第1回説明会には45名が参加した。") == 1.0  # 名 counts 人


def test_the_rarer_words_of_an_attribute_weigh_more():
    """The share is IDF-weighted: a unit stating the rare word of the attribute anchors it more than one stating
    the common word."""
    from app.answerability import _anchors
    from app.retrieve import Hit

    class Weighted(_Corpus):
        @staticmethod
        def idf(word: str) -> float:
            return {"入居": 3.0}.get(word, 1.0)

    def anchor(text: str) -> float:
        chunk = {"kind": "text", "text": text, "doc_id": "d", "section_title": "", "unit_title": ""}
        return _anchors(analyze("ゆきみ村の入居決定件数は何件？"), Weighted(), [Hit(chunk, 1.0, 1)])[1]

    rare, common = anchor("ゆきみ村の入居は3件。"), anchor("ゆきみ村の決定は3件。")
    assert rare == 0.75 and common == 0.25


def test_a_row_is_dated_by_its_title_headers_and_caption_not_by_a_date_cell():
    from app.answerability import _held_by

    row = "| ゆめみ市 | 令和4年5月 | 120 | 130 | 一覧 市町村名 設立年月 相談件数（令和5年度） 相談件数（令和6年度）"
    assert _held_by(analyze("ゆめみ市の令和4年度の相談件数は？").specs, row, frozenset()) == 0.5
    assert _held_by(analyze("令和4年度の相談件数は？").specs, "| 令和4年度 | 534 | 推移 年度 相談件数", frozenset()) == 1.0
    # a date the question itself states picks the row by that cell
    asked = analyze("令和4年5月に設立した市の令和6年度の相談件数は？").specs
    assert _held_by(asked, row, frozenset()) == 1.0
    # the same row read as a line of its passage, after the document's title (as the answerability units read it)
    line = "かえで県 居住支援の手引き | ゆめみ市 | 令和4年5月 | 120件 | 130件 |"
    assert _held_by(analyze("ゆめみ市の令和4年度の相談件数は？").specs, line, frozenset()) == 0.5
    two = "| つばさ市 | 令和3年4月 | 5 | 6 || 令和4年度 | 令和4年5月 | 1 | 2 |"  # two rows: each title cell dates its row
    # what follows a row (its caption and headers) dates it, a date there included
    tail = "| 会場 | 県庁 第2会議室 | 令和7年度研修会 概要 開催日時 令和7年10月16日"
    assert _held_by(analyze("令和7年度の研修会の会場は？").specs, tail, frozenset()) == 1.0
    assert _held_by(analyze("令和4年度の件数は？").specs, two, frozenset()) == 1.0


def test_a_follow_up_year_told_relative_to_the_previous_one():
    history = [{"role": "user", "content": "ネットワークが令和6年度に受け取った県補助金の額は？"}, {"role": "assistant", "content": "…"}]
    q = analyze("その前の年度はいくらだった？", history)
    assert [s.text for s in q.specs if s.kind == "year"] == ["5年度"]
    assert "令和5年度" in q.standalone and "令和6年度" not in q.standalone
    assert "2025年度" in analyze("翌年度は？", [{"role": "user", "content": "2024年度の件数は？"}]).standalone
    # a comparison keeps the year it compares with; a year of its own replaces the carried one
    assert "令和6年度" in analyze("前の年度と比べて何件増えた？", history).standalone
    assert "令和6年度" in analyze("前年度比は何％？", history).standalone
    assert "令和6年度" in analyze("前年度からの増減は？", history).standalone
    assert "令和6年度" in analyze("前の年とくらべてどう？", history).standalone
    assert [s.text for s in analyze("じゃあ令和4年度は？", history).specs if s.kind == "year"] == ["4年度"]


def test_a_relative_year_is_told_from_the_year_the_last_answer_was_about():
    """The question named no year; the answer was for one (「令和6年度は…」): 「その前の年度」 is the year before it."""
    asked = {"role": "user", "content": "図書館の貸出冊数は？"}
    q = analyze("その前の年度は何冊だった？", [asked, {"role": "assistant", "content": "令和6年度の貸出冊数は8,200冊です。"}])
    assert [s.text for s in q.specs if s.kind == "year"] == ["5年度"]
    two = analyze("その前の年度は？", [asked, {"role": "assistant", "content": "令和6年度は8,200冊（令和5年度は7,900冊）。"}])
    assert not [s for s in two.specs if s.kind == "year"]  # two years answered: which one is meant is unclear


def test_a_word_of_time_before_a_place_suffix_is_no_place():
    assert not [s for s in analyze("いま県が指定してる居住支援法人って何法人あるんだっけ？").specs if s.kind == "place"]
    assert [s.text for s in analyze("ゆめみ市の相談件数は？").specs if s.kind == "place"] == ["ゆめみ市"]


def test_a_two_level_header_names_the_asked_attribute_for_each_year_and_a_row_number_is_no_value():
    """「相談件数（件） 令和6年度」 is the 相談件数 column of that year: a village whose cell is 「－」 states no count,
    though its row number (19) and another column (法人数 0) are figures."""
    from app.answerability import _holds, _units, named_columns
    from app.retrieve import Hit
    from ingest.clean import normalize, squash

    header = ["No.", "市町村名", "相談件数（件） 令和5年度", "相談件数（件） 令和6年度", "居住支援法人数"]
    assert named_columns(header, "相談件数") == {2, 3}
    grid = [header, ["19", "かたくり村", "－", "－", "0"], ["20", "みずき町", "12", "15", "1"]]
    chunk = {"kind": "table", "grid": grid, "text": "取組状況一覧\n| " + " | ".join(header) + " |"}
    asked = squash(normalize("かたくり村の令和6年度の相談件数は何件？"))
    units = {u.split("|")[2].strip(): v for u, v in _units(Hit(chunk, 1.0, 1), ("令和6年度",), "相談件数")
             if u.startswith("|")}
    assert not _holds("count", normalize(units["かたくり村"]), asked)
    assert _holds("count", normalize(units["みずき町"]), asked)


def test_a_table_row_in_a_passage_is_read_without_the_next_row():
    """Row 9's date (令和7年12月予定) is not the date of row 10's village, which has only 令和8年度中."""
    from app.answerability import _units
    from app.retrieve import Hit

    text = ("| 9 | 桔梗町（設立準備中） | 令和7年12月予定 |\n| 10 | 空木村（検討中） | 令和8年度中 |")
    units = [u for u, _ in _units(Hit({"kind": "text", "text": text}, 1.0, 1)) if "令和7年12月" in u]
    assert units and not any("空木村" in u for u in units)


def test_an_as_of_date_answers_no_question_asking_when():
    from app.answerability import _holds
    from ingest.clean import normalize

    row = normalize("| 空木村 | 令和8年度中 | 設立状況（令和7年10月1日現在）")
    assert not _holds("month", row, "空木村は令和8年度の何月に設立")
    assert _holds("month", row, "この表はいつ時点の数字？何月現在")
    assert _holds("month", normalize("| 桔梗町 | 令和7年12月予定 |"), "桔梗町は何月に設立")


def test_a_named_column_without_a_value_of_the_asked_kind_leaves_the_row_whole():
    """「何件」 asked of 相談窓口: its columns hold ○ marks and opening hours, so the count stands elsewhere in the row
    (a 備考 cell 「…南支所分は58件」)."""
    from app.answerability import _holds, _units
    from app.retrieve import Hit
    from ingest.clean import normalize

    grid = [["No.", "市町村名", "相談窓口 設置", "相談窓口 開設日時", "備考"],
            ["20", "まほろば市", "○", "月～金 9:00～17:00", "232件のうち南支所分は58件。"]]
    chunk = {"kind": "table", "grid": grid, "text": "一覧"}
    values = [v for u, v in _units(Hit(chunk, 1.0, 1), (), "相談窓口", ("count",)) if u.startswith("|")]
    assert values and _holds("count", normalize(values[0]), "南支所は何件")
    narrowed = [v for u, v in _units(Hit(chunk, 1.0, 1), (), "相談窓口") if u.startswith("|")]
    assert "南支所" not in narrowed[0]  # without the asked kinds the named columns alone are read


def test_a_column_named_exactly_as_asked_holds_the_value_even_when_none_of_its_cells_is_of_the_asked_kind():
    """「第2回募集の交付決定は12月の何日」: the 交付決定 column says 「審査後随時通知」; the 受付期間 day is no answer."""
    from app.answerability import _holds, _units
    from app.retrieve import Hit
    from ingest.clean import normalize, squash

    grid = [["募集回", "受付期間", "交付決定（予定）"], ["第2回", "10月1日～10月31日", "審査後随時通知"]]
    h = Hit({"id": "t", "kind": "table", "grid": grid, "text": "募集スケジュール"}, 1.0, 1)
    asked = squash(normalize("第2回募集の交付決定は12月の何日ですか。"))
    values = [v for u, v in _units(h, (), "交付決定", ("date", "day")) if "第2回" in u and u.startswith("|")]
    assert values and not any(_holds("day", normalize(v), asked) for v in values)


def test_a_body_named_with_its_legal_form_is_a_specifier():
    from app.specifiers import body_names

    assert body_names("社会福祉法人汐風会が試行しているセンサー") == ["汐風会"]
    assert body_names("県北地区の指定管理者になったふじなみ住宅サービス株式会社の所在地") == ["ふじなみ住宅サービス"]
    assert body_names("特定非営利活動法人いぶき住まいの輪の電話番号")[0].startswith("いぶき住まい")
    for text in ("社会福祉法人向けセミナーの受講料", "株式会社の居住支援法人のうち", "そのうちNPO法人はいくつですか",
                 "社会福祉法人等を対象にした"):
        assert body_names(text) == [], text
    assert any(s.kind == "body" for s in specifiers("株式会社西原ハウジングの令和6年度の入居支援件数は何件ですか。"))


def test_a_numbered_step_singles_out_its_step_and_a_stage_its_stage():
    from app.specifiers import other_ordinal, specifiers, stated
    from ingest.clean import normalize, squash

    step = specifiers("STEP3では何をしますか")
    assert [s.text for s in step] == ["STEP3"]
    assert stated(step[0], squash(normalize("ステップ3　仲間を集める"))) and stated(step[0], "step3")
    assert not stated(step[0], squash(normalize("STEP 13 まとめ")))
    assert other_ordinal(step, "※ STEP1とSTEP2は並行して進めます。")  # about other steps
    assert not other_ordinal(step, "STEP3では関係団体に参加を呼びかけます。")
    assert [s.text for s in specifiers("第2段階の項目は")] == ["段階2"]  # a stage is another series than a step


def test_a_passage_is_read_under_the_title_lines_it_opens_with():
    from app.answerability import _lead_titles

    assert _lead_titles("STEP3\n仲間を集める\n関係団体に参加を呼びかけます。") == ["STEP3", "仲間を集める"]
    assert _lead_titles("関係団体に参加を呼びかけます。\nSTEP3") == []


def test_a_person_named_with_a_title_is_a_speaker_and_a_generic_member_is_none():
    specs = specifiers("堀内委員は、障害のある方の入居について会議でどんな意見を述べましたか。")
    assert [(s.kind, s.text) for s in specs] == [("speaker", "堀内委員")]
    assert [s.text for s in specifiers("山吹部会長はどうまとめた？")] == ["山吹部会長"]
    assert not [s for s in specifiers("外部委員と専門委員は何人？") if s.kind == "speaker"]


def test_what_a_speaker_said_is_held_only_under_his_label_in_minutes():
    specs = specifiers("堀内委員は何と言った？")
    assert held(specs, f"○堀内委員　見守りが大切です。 {SPEAKER_MARK}堀内委員§") == 1.0
    assert held(specs, f"○中村委員　堀内委員のご指摘のとおりです。 {SPEAKER_MARK}中村委員§") == 0.0
    assert held(specs, "出席委員：高畑 聡、堀内 さやか") == 0.0  # the list of members says nothing he said
    assert held(specs, "堀内委員は、見守りの必要性を指摘した。") == 1.0  # a report of the meeting, no labels
    assert held(specs, f"【主な意見】堀内委員から、見守りが必要との意見があった。 {SPEAKER_MARK}主な意見§") == 1.0
    assert held(specifiers("林委員は何と言った？"), f"○小林委員　賛成です。 {SPEAKER_MARK}小林委員§") == 0.0
    assert held(specifiers("田中委員は何と言った？"), f"○田中課長　ご説明します。 {SPEAKER_MARK}田中課長§") == 0.0


def test_a_place_named_only_in_a_list_of_places_has_no_figure_of_its_own():
    from app.specifiers import enumerated

    group = "第1回の募集では、すいれん町、ねじばな町、ときじく市の3市町に合計130万円の交付決定を行いました。"
    assert enumerated("ときじく市", group) and enumerated("すいれん町", group)
    assert not enumerated("ときじく市", "ときじく市には50万円を交付しました。")
    assert not enumerated("ときじく市", group + "ときじく市には50万円です。")  # named on its own too
    assert not enumerated("あおい市", "あおい市とさくら町の共同設置の協議会は14団体です。")  # a pair: often one body
    assert not enumerated("ときじく市", "すいれん町、ねじばな町、ときじく市にそれぞれ50万円を交付した。")  # each's own


def test_of_two_places_compared_each_ones_statement_holds_its_own_and_only_when_compared():
    from app.specifiers import compared_places

    q = analyze("令和6年度の相談件数、おおるり市とさざれ市だとどっちが多かった？")
    assert q.compare and q.extreme == "max"
    specs = compared_places(q.specs)
    assert held(specs, "おおるり市 152件 令和6年度") == 1.0
    assert held(specs, "ときわ市 98件 令和6年度") < 1.0
    # not compared: a question naming a prefecture and a town needs the town (not another city) in the unit
    plain = specifiers("やまぶき県のねむのき町の補助額はいくら？")
    assert held(plain, "さざれ市には50万円を補助した。", frozenset({"やまぶき県"})) < 1.0
    assert not analyze("AとBのどちらが高齢者向けですか").compare  # 高齢 is no comparison


def test_the_end_of_a_fiscal_year_is_its_march_not_any_date_of_its_calendar_year():
    from app.query import analyze
    from app.specifiers import held

    q = analyze("見守り協力店の令和7年度末の登録目標は何店ですか。")
    assert held(q.specs, "令和7年6月1日から登録の受付を始めます。") == 0.0
    assert held(q.specs, "令和8年3月末の登録数は45店でした。") == 1.0
    assert held(q.specs, "令和7年度末までに60店の登録を目指します。") == 1.0
    # a fiscal year without 末 still holds the dates of its calendar year
    assert held(analyze("令和7年度の相談件数は").specs, "令和7年9月末までの相談件数") == 1.0


def test_a_point_of_a_year_the_question_names_is_no_date_of_its_own():
    from app.answerability import _stated

    asked = "令和9年度の研修会の申込期限はいつですか"
    assert _stated("令和9年度末", asked)  # 「令和9年度末までに設立を目指す」 gives no deadline
    assert not _stated("令和9年5月31日", asked)
    assert not _stated("令和10年度末", asked)


def test_a_verb_the_kana_run_swallowed_is_not_part_of_the_place():
    # 「出てくる」 + 「かざみ町」: the name read from the kana run (くるかざみ町) is not the place; a name the tokeniser
    # cut up (はるひ市, cut after はる) is still read whole
    assert place_names("マンガ冊子に出てくるかざみ町の人口はどのくらいですか。") == ["かざみ町"]
    assert place_names("はるひ市の協議会はいつできましたか") == ["はるひ市"]
    assert place_names("あそこにあるすずかけ町って") == ["すずかけ町"]


def test_a_line_headed_by_another_one_of_the_series_is_that_one_s():
    """「第1回　北部会場 日時：…」 gives the 第1回's date and place, however far they stand from the label; a sentence
    that opens with another one as its subject (「第1期計画の成果を踏まえ、…」) may still speak of the asked one."""
    from app.specifiers import other_ordinal

    specs = analyze("ワークショップの第2回は、いつ、どこで開かれましたか").specs
    assert other_ordinal(specs, "第1回　北部会場 日時：令和7年10月28日（火）13時30分～会場：ゆきしろ市総合福祉センター")
    assert not other_ordinal(specs, "第2回　南部会場 日時：令和7年11月27日（木）13時30分～")
    assert not other_ordinal(analyze("第2期計画の目標は？").specs, "第1期計画の成果を踏まえ、令和16年度末までに6,000戸を目指します。")


def test_a_region_named_by_its_direction_singles_out_its_rows():
    """中央圏域 / 県北地区 / 南部 single out a region (a table's 圏域 row, 「| 中央 | 512 |」); 地域 alone, 他地域, 東北地方 and
    中央公民館 name none."""
    from app.specifiers import stated

    def places(text: str) -> list[str]:
        return [s.text for s in analyze(text).specs if s.kind == "place"]

    assert "中央圏域" in places("ときわ県の中央圏域では、出張相談会を何回開催しましたか")
    assert places("県北地区の相談件数は") == ["県北地区"] and places("南部は？") == ["南部"]
    assert places("地域の協議会は") == [] and places("他地域の例は") == [] and places("東北地方の協議会") == []
    central = next(s for s in analyze("中央圏域の相談件数は").specs if s.text == "中央圏域")
    assert stated(central, squash(normalize("| 中央 | 512 | 588 |"))) and stated(central, "中央圏域では")
    assert not stated(central, squash(normalize("中央公民館で開催")))
    south = analyze("南部は？").specs[0]
    assert stated(south, squash(normalize("南部地域振興局"))) and not stated(south, squash(normalize("東南部の町")))


def test_a_region_in_passages_and_follow_ups():
    """A passage states a region after its place's suffix too (県南部地域, はまなす市南部で), not inside a word (関東部会);
    a follow-up naming a region keeps the prefecture asked before; a region on a document's head is not its scope."""
    from app.specifiers import is_region, other_ordinal, stated

    south = next(s for s in analyze("南部地域の相談件数は").specs if is_region(s))
    for text in ("県南部地域の相談件数は312件", "はまなす市南部地域で", "県南部では"):
        assert stated(south, squash(normalize(text))), text
    assert not stated(south, squash(normalize("関東部会の報告"))) and not stated(south, squash(normalize("南部ガス")))
    assert [s.text for s in analyze("西部ガスの協力は").specs] == []
    history = [{"role": "user", "content": "ときわ県の相談件数は何件ですか"}, {"role": "assistant", "content": "512件です。"}]
    assert {s.text for s in analyze("南部は？", history).specs} >= {"ときわ県", "南部"}
    specs = analyze("南部地域の相談件数は").specs
    assert document_scope(specs, squash(normalize("目次 1 北部地域の取組 2 南部地域の取組"))) == frozenset()
    # a sentence opening with another one of the series, after a space, is still a sentence, not a label
    assert not other_ordinal(analyze("第2期計画の目標は？").specs, "第1期 計画の成果を踏まえ、6,000戸を目指します。")


def test_a_year_inside_a_condition_cell_does_not_date_the_rows_figures():
    """「令和7年度以降に設立した協議会」 in a row's 対象 cell says whom the row is for; the row's 30万円 is still the
    figure of the table's own year. A cell of a year alone (a 年度 column) dates its row."""
    from app.answerability import _held_by

    asked = analyze("令和7年度の上限額はいくら？").specs
    condition = "| 運営補助金 | 令和7年度以降に設立した協議会の事務局となる市町村 | 30万円 | 支援メニュー 対象 上限額"
    assert _held_by(asked, condition, frozenset()) == 0.0
    column = "| 運営補助金 | 令和7年度 | 30万円 | 支援メニュー 年度 上限額"
    assert _held_by(asked, column, frozenset()) == 1.0
    # a year the row's figure is of, in a phrase (「令和6年度末時点の累計」), still dates it
    total = "| 登録戸数 | 令和6年度末時点の累計 | 3,412戸 | 指標 区分 値"
    assert _held_by(analyze("令和6年度の登録戸数は？").specs, total, frozenset()) == 1.0


def test_a_note_under_a_table_is_not_read_as_part_of_its_last_row():
    """「※こずえ市は準備中」 under a list of councils does not make the last council's 設立年月 こずえ市's."""
    text = ("表4 市町村居住支援協議会の一覧\n| 協議会名 | 構成市町村 | 設立年月 |\n|---|---|---|\n"
            "| ほしの市居住支援協議会 | ほしの市 | 令和5年4月 |\n| みなせ・さやか居住支援協議会 | みなせ市、さやか町 | 令和7年10月 |\n"
            "※こずえ市は、令和8年度中の設立に向けて準備中です。")
    assert _anchor("こずえ市の居住支援協議会は何年何月に設立されましたか。", text) == 0.0
    assert _anchor("さやか町の居住支援協議会は何年何月に設立されましたか。", text) == 1.0


def test_sentences_about_two_members_of_a_series_are_two_statements():
    """「第1次募集では…交付決定しました。第2次募集は…受け付けます。」: the 第2次 of the second sentence is not the
    first one's 交付決定; a sentence leading into its detail (「第2回の研修会について。会場は県庁です。」) is one."""
    from app.answerability import parallel

    text = "第1次募集（6月15日～7月17日）では、3件を交付決定しました。第2次募集は11月4日（水）から受け付けます。"
    assert parallel(*text.split("。")[:2])
    assert _anchor("第2次募集の交付決定は何件でしたか。", text) == 0.0
    assert _anchor("第1次募集の交付決定は何件でしたか。", text) == 1.0
    assert not parallel("第2回の研修会について。", "第2回は県庁で開きます。")
    assert not parallel("令和7年度の第1次募集について。", "令和7年6月2日（月）から受け付けます。")  # one year, two ways
    assert parallel("ほしの市は令和5年度に設立。", "みなせ市は令和7年度に設立。")


def test_a_day_asked_within_a_month_is_a_day_of_that_month():
    """「8月の何日」 asks a day of August: 「8月上旬」 beside another step's 「6月22日」 states none."""
    text = "交付申請は6月22日から7月17日まで、交付決定は8月上旬に通知します。"
    assert _anchor("交付決定は、8月の何日に通知されますか。", text) == 0.0
    assert _anchor("交付決定は、8月の何日に通知されますか。", "交付決定は8月7日に通知します。") == 1.0
    assert _anchor("申請の締切は3月の何日ですか。", "申請の締切は令和8年3月末日です。") == 1.0  # 末日 is a day
    # a month the question names otherwise is no 「N月の何日」
    assert _anchor("3月の協議会で決まった申請の受付開始日は何日ですか。", "3月の協議会で、受付開始日を4月1日とした。") == 1.0


def test_an_attribute_read_in_its_official_form_is_held_by_the_short_form_a_passage_writes():
    """「いくつの市町村で」 asks 市町村, which the question reads as 市区町村: a passage writing 市町村 states it."""
    text = "令和十年度末までに、県内十二市町村のうち十市町村で協議会が設けられることを目標にしています。"
    assert _anchor("令和10年度末までにいくつの市町村で協議会を作るのが目標？", text) == 1.0


def test_an_ordinal_said_the_everyday_way_singles_out_one_of_a_series():
    """「2回目の協議会」 asks the 第2回 one; 「3年度目の上限」 / 「できて2年目」 the Nth year of a scheme (not a fiscal year)."""
    specs = {s.text: s for s in specifiers("令和8年度の2回目の協議会って、3月の何日？")}
    assert "第2回" in specs and held((specs["第2回"],), "第2回協議会は3月18日に開催", frozenset()) == 1.0
    third = specifiers("運営費補助金の3年度目の上限は？")
    assert [s.kind for s in third] == ["ordinal"]
    assert held(third, "コメント: 3年度目は上限を15万円に逓減する方式も検討", frozenset()) == 1.0
    assert held(third, "令和3年度の上限は25万円", frozenset()) == 0.0
    assert held(specifiers("できて2年目の協議会"), "設立後2年度目の協議会は上限20万円", frozenset()) == 1.0
    # not a target or a plan (目標, 目途), not a range from it (2年目以降), not someone's second try at a thing
    for text in ("令和12年度目標の登録戸数は？", "令和8年度目途に設立する市は？", "2年目以降の更新料も対象？",
                 "同じ世帯が2回目の申請をすることはできますか。"):
        assert not [s for s in specifiers(text) if s.kind == "ordinal"], text


def test_a_name_asked_of_a_kind_of_body_is_a_name_of_that_kind():
    """「出張相談を受託する居住支援法人はどこ」: a row saying 「居住支援法人に委託」 beside its 担当課 names no 法人."""
    row = "空白地域での出張相談：東部・南部圏域で月1回、居住支援法人に委託して実施（担当課：地域福祉課）"
    assert _anchor("出張相談を受託する居住支援法人はどこですか。", row) == 0.0
    named = "空白地域での出張相談：東部・南部圏域で月1回、NPO法人ささぶねに委託して実施（担当課：地域福祉課）"
    assert _anchor("出張相談を受託する居住支援法人はどこですか。", named) == 1.0
    council = "出張相談は、居住支援法人であるほしの市社会福祉協議会に委託して実施"
    assert _anchor("出張相談を受託する居住支援法人はどこですか。", council) == 1.0
    assert _anchor("出張相談を受託する居住支援法人はどこですか。", "出張相談は、県内の社会福祉法人に委託") == 0.0


def test_an_ordinal_in_kanji_numerals_is_the_same_member():
    """「第二回」「二回目」 ask the 第2回 one, and a passage writing 第二回 states a question's 第2回."""
    assert [s.text for s in specifiers("第二回の協議会の会場は？")] == ["第2回"]
    assert [s.text for s in specifiers("二回目の研修はいつ？")] == ["第2回"]
    assert held(specifiers("第2回の協議会の会場は？"), "第二回協議会は県庁で開催", frozenset()) == 1.0
