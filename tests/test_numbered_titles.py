"""A short numbered line standing alone is a notice's or outline's heading; figures, clauses and list items are not."""

import pytest

from ingest.pdf import Line
from ingest.structure import numbered_title


def _line(text: str, short: bool = True) -> Line:
    return Line(text=text, page_index=0, bbox=(70.0, 0.0, 200.0, 10.0), size=10.5, strong=False, font="", block=1,
                box=False, indent=0.0, short=short, gap=0.6)


BODY = _line("補助の対象となるのは、令和7年4月1日から実施する事業です。", short=False)


@pytest.mark.parametrize("text", ["1　補助事業の概要", "（1）目的", "（2）補助対象者", "5　その他"])
def test_a_numbered_title_over_its_text_is_a_heading(text):
    h = numbered_title(_line(text), BODY, BODY)
    assert h is not None and h.title == text


@pytest.mark.parametrize("text", ["3 団体が参加", "10 時から", "1 / 6", "1 令和7年4月1日", "（1）本補助金は県が交付します。"])
def test_figures_and_clauses_are_not_titles(text):
    assert numbered_title(_line(text), BODY, BODY) is None


def test_items_of_a_list_are_not_titles():
    first, second = _line("（1）高齢者"), _line("（2）障害者")
    assert numbered_title(first, BODY, second) is None  # the next line is numbered the same way
    assert numbered_title(second, first, BODY) is None  # the line before is a sibling item
    assert numbered_title(_line("1 申請書"), _line("提出書類は次のとおりです。"), BODY) is None  # under a lead-in
    assert numbered_title(_line("3 令和7年度活動計画"), _line("５　配付資料　資料1 令和6年度活動状況、資料", short=False),
                          BODY) is None  # the wrapped end of a full line


def test_a_gazette_notice_title_is_a_heading_and_its_number_line_is_not():
    """「○居住支援法人の指定」 over 「ふじなみ県告示第612号」 titles a notice (a ○ item otherwise); a ○ item of a list, or
    a sentence, over ordinary text does not."""
    from ingest.pdf import Line
    from ingest.structure import notice_title

    def line(text: str) -> Line:
        return Line(text=text, page_index=0, size=9.4, bbox=(0, 0, 100, 10))

    assert notice_title(line("○居住支援法人の指定"), line("ふじなみ県告示第612号"), line("法第40条の規定により…")) is not None
    wrapped = notice_title(line("○令和7年度市町村居住支援協議会設立促進事業費補助"), line("金（第2回）の交付申請の受付"),
                           line("ふじなみ県公告第142号"))
    assert wrapped is not None and wrapped.scheme == "notice"
    assert notice_title(line("○相談窓口を設置した"), line("・見守りを実施した"), line("第2回研修会")) is None
    assert notice_title(line("○協議会を設立した。"), line("ふじなみ県告示第612号"), None) is None  # a sentence


def test_an_item_wrapped_inside_a_bracket_is_no_title():
    from ingest.pdf import Line
    from ingest.structure import numbered_title

    item = Line(text="5　申込先　住宅政策課住宅企画係（電話", page_index=0, size=9.4, bbox=(0, 0, 100, 10), short=True)
    assert numbered_title(item, None, Line(text="0251-555-3416）", page_index=0, size=9.4, bbox=(0, 12, 60, 22))) is None


def test_a_bare_number_set_large_is_no_heading():
    """A tile map's or chart's big figure (「13」, 「1,236」) opens no section: the real sections after it (「3　居住支援
    法人の一覧」) would otherwise nest under it and the map would be cut into a chunk per tile."""
    from ingest.headings import heading_of

    for text in ("13", "1,236", "4.5"):
        assert heading_of(text, emphasized=True) is None, text
    assert heading_of("3　居住支援法人の一覧", emphasized=True) is not None  # a numbered title still is one
    assert heading_of("1,236件", emphasized=True) is not None  # a key figure with its counter still opens a box
