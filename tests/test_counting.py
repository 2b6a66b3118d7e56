"""Counters read from the vocabulary data on both sides: what a count question asks for, what a figure counts."""

from app.answer_kinds import asked_kinds
from app.counting import asked_counter, counts_in, figures, same_counter, units_in
from ingest.clean import normalize


def test_figures_read_japanese_numerals_and_counters_beyond_a_fixed_list():
    found = {m.group("value"): m.group("unit") for m in figures(normalize("約1万2千世帯、協力店は45店、相談1,284件、3つの協議会"))}
    assert found == {"1万2千": "世帯", "45": "店", "1,284": "件", "3": "協議会"}


def test_the_counter_nearest_the_question_word_is_the_one_asked():
    assert asked_counter(normalize("市町村協議会はいくつですか")) == "協議会"
    assert asked_counter(normalize("研修には毎回何人来ますか")) == "人"  # an explicit 何X wins over 回
    assert asked_counter(normalize("第2回研修会には何市町村から何名が参加しましたか。")) == "市町村"  # not 市 of 何市…から
    assert asked_counter(normalize("県は何をしていますか")) == ""  # 何を asks what, not how many
    # 実数 (the actual number) ends another word: its 数 does not make the 会場 before it the counter asked
    assert asked_counter(normalize("参加した市町村は、両会場を合わせて実数でいくつでしたか。")) == ""
    assert asked_counter(normalize("法人数はいくつですか")) == "法人"
    assert asked_counter(normalize("居住支援法人の指定数は？")) == "法人"  # 設置数, 指定数, 総数 count what is before them
    assert asked_counter(normalize("居住支援法人の総数を教えて")) == "法人"
    assert asked_counter(normalize("相談窓口はどこですか")) == ""


def test_counters_that_count_the_same_thing():
    assert same_counter("人", "名") and same_counter("市町村", "市区町村") and not same_counter("人", "件")
    assert [m.group(0) for m in counts_in(normalize("参加は15名、相談は3件"), "人")] == ["15名"]


def test_a_table_declares_its_unit_once():
    assert "市町村" in units_in(normalize("設立に向けた課題（単位：市町村）\n| 予算の確保が難しい | 8 |"))


def test_quoted_words_are_not_what_a_question_asks_for():
    assert "money" not in asked_kinds(normalize("「予算の確保が難しい」と答えた市町村はいくつ"))
    assert "money" in asked_kinds(normalize("予算はいくらですか"))
    assert "person" not in asked_kinds(normalize("物件の紹介を担うのは誰ですか"))
    assert "person" in asked_kinds(normalize("協議会の会長は誰ですか"))


def test_a_body_s_name_is_not_a_person_s_name():
    from app.answer_kinds import ANSWER_LOOKS

    assert asked_kinds(normalize("見守りをしてくれる法人の名前は？")) == ("name",)
    assert "person" in asked_kinds(normalize("担当者の名前を教えて"))
    assert ANSWER_LOOKS["name"].search(normalize("| NPO法人こがね見守りネット | こがね市 |"))


def test_a_counter_inside_a_longer_word_is_not_asked():
    for q in ("補助メニューは全部でいくつありますか", "区分はいくつ", "役割はいくつ", "町内会の数は？"):
        assert asked_counter(normalize(q)) == "", q
    assert [m.group(0) for m in figures(normalize("第3回会議で12法人"))] == ["12法人"]  # 第3回 is an ordinal
    assert asked_kinds(normalize("市長さんは誰ですか")) == ("person",)
    from app.answer_kinds import ANSWER_LOOKS

    assert not ANSWER_LOOKS["name"].search(normalize("社会福祉士と医療機関が相談に応じます。"))


def test_the_counter_asked_is_not_the_end_of_a_place_name():
    """「ゆきみ村の相談件数」 counts 件 (the 村 ends a name); 「参加人数」 counts 人; 法人数 counts 法人."""
    from app.counting import asked_counter
    from ingest.clean import normalize

    assert asked_counter(normalize("ゆきみ村の相談件数を教えて")) == "件"
    assert asked_counter(normalize("協議会の参加人数は？")) == "人"
    assert asked_counter(normalize("ひなた県の法人数は？")) == "法人"
    assert asked_counter(normalize("県内の協議会はいくつ？")) == "協議会"


def test_a_share_of_a_count_asks_no_count():
    """「…の相談件数は、全体の相談件数の何％を占めますか」 asks a share: 件 of 相談件数 is its base, not what is asked;
    「何件で、全体の何％」 asks both."""
    from app.counting import asked_counter
    from ingest.clean import normalize

    assert asked_counter(normalize("北区の相談件数は、全体の相談件数の何％を占めますか")) == ""
    assert asked_counter(normalize("北区の相談件数は何件で、全体の何％ですか")) == "件"
    assert asked_counter(normalize("北区の相談件数は？")) == "件"


def test_kanji_numerals_that_count_or_date_read_as_digits():
    from app.counting import arabic_figures, kanji_value
    assert [kanji_value(k) for k in ("二", "十四", "四十二", "二千", "二〇二六", "百五")] == [2, 14, 42, 2000, 2026, 105]
    assert kanji_value("二三十") is None
    # a vertical notice's figures, as the figure patterns read digits
    assert arabic_figures("あわせて十四の団体が参加") == "あわせて14団体が参加"
    assert arabic_figures("月額二千円まで、最長十二か月間") == "月額2000円まで、最長12か月間"
    assert arabic_figures("令和十年度末までに十市町村") == "令和10年度末までに10市町村"
    assert arabic_figures("職員がおおむね月一回訪問") == "職員がおおむね月1回訪問"
    assert {m.group(0) for m in figures(arabic_figures("町の職員二名と四十二万円"))} >= {"2名"}
    # numerals inside words, and a lone 一 that is a word, stay
    for word in ("統一的な対応", "同一の市町村につき", "一部の県", "一時的に", "唯一の窓口", "二分の一", "十分な", "千田さん"):
        assert arabic_figures(word) == word


def test_digits_units_blanks_and_names_are_left_as_written():
    from app.counting import arabic_figures
    for text in ("1千円", "3,200千円", "（単位：千円）", "千円未満", "令和〇年〇月〇日", "参加者〇名", "八戸市", "四日市市",
                 "十日町市", "一人暮らし", "一人一人", "数十団体", "万一の場合", "相談は15件、補助は45万円"):
        assert arabic_figures(text) == text
    assert arabic_figures("二万五千円") == "2万5000円"


def test_the_counter_after_ikutsu_no_is_the_one_asked():
    # 「いくつの市町で」 asks for 市町 as 「何市町で」 does, not for the 法人 named before it
    assert asked_counter(normalize("大森さんの法人って、いくつの市町で活動してるの？")) == "市町"
    assert asked_counter(normalize("法人はいくつの市町村で活動していますか")) == "市町村"
    assert same_counter("市町", "市町村")
    assert [m.group(0) for m in figures(normalize("5市町で活動していて"))] == ["5市町"]


def test_ikutsu_no_names_a_counter_only_as_a_whole_noun():
    for question in ("いくつの社会福祉法人が参加", "いくつの区分に分かれて", "いくつの市民団体", "いくつの町内会"):
        assert asked_counter(normalize(question)) == "", question
