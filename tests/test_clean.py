import re

from hypothesis import given
from hypothesis import strategies as st

from ingest.clean import clean_cell, join_lines, page_number_label, split_sentences, squash


def test_page_number_lines():
    assert page_number_label("- 68 -") == "68"
    assert page_number_label("－ 7 －") == "7"
    assert page_number_label("令和 3年度") is None


def test_join_never_inserts_space_between_japanese():
    assert join_lines(["居住支援協議会を通じ", "た情報提供"]) == "居住支援協議会を通じた情報提供"
    assert join_lines(["support for", "municipalities"]) == "support for municipalities"


def test_cell_keeps_items_apart():
    cell = "・ 当法人では、連携\n体制がある。\n・ 議事内容について"
    assert clean_cell(cell) == "・ 当法人では、連携体制がある。\n・ 議事内容について"


def test_split_sentences_is_lossless_and_keeps_brackets():
    text = "3県みられた（表 4-①）。次の文。「引用。」後"
    parts = split_sentences(text)
    assert "".join(parts) == text
    assert parts[0] == "3県みられた（表 4-①）。"


def test_squash_matching_rule():
    assert squash("３ 県") == "3県"


jp = st.text(alphabet=st.sampled_from(list("居住支援協議会県市の、。・○123 ABCab（）「」\n")), max_size=200)


@given(jp)
def test_cleaning_loses_no_character(text):
    lines = text.split("\n")
    joined = join_lines(lines)
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)
    assert re.sub(r"\s", "", clean_cell(text)) == re.sub(r"\s", "", text)
    assert "".join(split_sentences(joined)) == joined


def test_a_line_the_author_broke_short_is_kept_apart_by_a_space_and_a_wrapped_line_is_not():
    from ingest.clean import join_lines

    assert join_lines(["人口", "4,120人", "設立年月", "令和6年10月"], [False, True, True, True]) == "人口 4,120人 設立年月 令和6年10月"
    assert join_lines(["協議会の設立後、相談件数は", "増えました。"], [False, False]) == "協議会の設立後、相談件数は増えました。"
    assert join_lines(["a line", "wrapped"]) == "a line wrapped"


def test_a_line_attributing_a_quote_stays_with_the_quote():
    text = "主な意見は次のとおりです。\n「研修はオンラインで参加できるとありがたい。」\n（あまね村）\n表1\n（単位：件）\n"
    parts = split_sentences(text)
    assert "".join(parts) == text
    assert "「研修はオンラインで参加できるとありがたい。」\n（あまね村）\n" in parts
    assert "（単位：件）\n" in parts  # a bracketed line after a caption attributes nothing
    for other in ("図1「相談件数の推移」\n（単位：件）\n", "「x」\n\n（あまね村）\n", "規約「設置要綱」\n（案）\n"):
        assert len(split_sentences(other)) == 2, other  # a title with a quote, a blank line, a note: no attribution


def test_a_sentence_inside_a_table_cell_carries_its_rows_name():
    """A sentence of a row's 備考 is said of that row, not of the whole table; the row itself stays whole."""
    from ingest.clean import passage_parts

    text = ("表1　実施状況\n| No. | 市町村名 | 状況 | 備考 |\n|---|---|---|---|\n"
            "| 12 | つばさ市 | 設立済み。 | 令和6年1月設立。転居費用補助の上限は5万円。 |\n"
            "| 13 | うたせ町 | － | 共同設置。 |\n※1 件数は延べ件数。")
    parts = passage_parts(text)
    assert "（つばさ市）転居費用補助の上限は5万円。" in parts and "（つばさ市）設立済み。" in parts
    assert "（うたせ町）共同設置。" in parts
    assert "※1 件数は延べ件数。" in parts and "表1　実施状況" in parts  # outside the table: as before
    assert "| 13 | うたせ町 | － | 共同設置。 |" in parts  # the row stays one part
    assert not any(p.startswith("（No.）") or p.startswith("（12）") for p in parts)  # no header, no running number


def test_a_row_titled_by_a_year_or_by_its_group_is_named_so():
    from ingest.clean import passage_parts

    years = passage_parts("| 年度 | 件数 | 備考 |\n|---|---|---|\n| 2023 | 12 | 増加した。理由は周知。 |")
    assert "（2023）理由は周知。" in years
    grouped = passage_parts("| 区分 | 項目 | 内容 |\n|---|---|---|\n| 高齢者 | 入居 | 見守りを実施。 |\n"
                            "|  | 退去 | 残置物を処理。 |")
    assert "（高齢者 退去）残置物を処理。" in grouped


def test_the_colloquial_topic_marker_after_a_gathering_keeps_its_noun():
    """「研修会って、会場どこ？」 reads 研修 + 会 as 「研修会は」 does (the tokeniser takes 会って for the verb 会う);
    「家主に会って説明」 still meets."""
    from ingest.tokens import content_words

    assert content_words("研修会って、会場どこ？") == content_words("研修会は、会場どこ？")
    assert "会う" not in content_words("出張相談会って令和6年度に何回やった？")
    assert "会う" in content_words("家主に会って説明したい")


def test_the_next_number_of_a_numbering_opens_the_next_item_though_the_line_before_ran_full():
    """記書き items printed to the right edge without a full stop: 「1　指定番号　…第18号」 then 「2　名称　…」 are two
    items, not one sentence 「…第18号2　名称…」; a wrapped sentence whose next line starts with another number is not."""
    from ingest.structure import numbered_next

    assert numbered_next("1　指定番号　ふじなみ県居住支援法人第18号", "2　名称　一般社団法人ましろ居住支援センター")
    assert numbered_next("（1）郵送　〒987-8570　ちとせ市大手町1番1号", "（2）FAX　0251-555-3429")
    assert not numbered_next("1　指定番号", "3　所在地")  # not the next number
    assert not numbered_next("（1）郵送", "2　名称")  # another numbering
    assert not numbered_next("補助金の額は、令和7年度第", "2回の募集から")


def test_a_form_row_holding_sentences_is_no_header_and_its_sentences_stand_alone():
    """An evaluation sheet printed from a spreadsheet is one ruled grid: its first row is a label and a cell of
    several sentences, not a table's header; each sentence is quoted on its own under its label."""
    from ingest.clean import passage_parts

    text = ("| 実績 | 令和6年度の取組内容 | ・補助を2件交付した。 ・研修会を8月22日に開催し、41名が参加した。 |\n"
            "|---|---|---|\n| 区分 | 令和5年度 | 令和6年度 |\n| 目標値 | 2 | 3 |")
    parts = passage_parts(text)
    assert "（令和6年度の取組内容）・研修会を8月22日に開催し、41名が参加した。" in parts
    assert "| 目標値 | 2 | 3 |" in parts  # the table under it keeps its own header
    assert not any(p.startswith("（目標値）") for p in parts)


def test_a_schedule_cell_stands_alone_under_its_month():
    from ingest.clean import passage_parts

    text = ("| 令和8年度のスケジュール | 4月 | 5月 | 9月 | 10月 |\n|---|---|---|---|---|\n"
            "|  | 説明会（4月22日） | 第1期募集（5月7日～6月13日） | 第2期募集（9月1日～10月10日） | 12 |")
    parts = passage_parts(text)
    assert "（令和8年度のスケジュール 9月）第2期募集（9月1日～10月10日）" in parts
    assert not any(p.endswith("）12") for p in parts)  # a figure is no event
    # a table whose columns are not points in time keeps its rows whole
    plain = passage_parts("| 区分 | 内容 | 期間 | 備考 |\n|---|---|---|---|\n| 募集 | 第2期募集の受付 | 9月1日～ | なし |")
    assert not any(p.startswith("（") for p in plain)
