"""A table is read with the short paragraph that introduces it; a cell's value carries its unit after its number.

A question often matches the sentence that says what a table is about (「…次の2種類の補助を実施しています。」)
while the figures are in the grid: chunked apart, retrieval found one and the answer needed the other.
"""

from __future__ import annotations

from app.compose import with_unit
from ingest.chunk import chunk_units
from ingest.pdf import Line, Page, Table
from ingest.structure import build_units

GRID = [["区分", "設立準備", "運営"], ["上限額", "50万円", "100万円"], ["補助率", "10分の10", "2分の1"]]


def _chunks(*lines: Line) -> list:
    page = Page(index=0, label="7", width=595, height=842)
    page.blocks = [*lines, Table(GRID, 0, (40, 300, 370, 360))]
    return chunk_units(build_units([page]), "d", "d")


def _line(text: str, y: float) -> Line:
    return Line(text, 0, (40, y, 500, y + 10), 10.0)


def test_the_paragraph_right_before_a_table_is_read_with_it_and_kept_in_its_own_chunk():
    lead = "市町村の協議会の設立と運営を後押しするため、次の2種類の補助を実施しています。"
    chunks = _chunks(Line("2-7　県の支援制度", 0, (40, 100, 300, 114), 14.0, True), _line(lead, 200),
                     Line("表5　補助制度", 0, (40, 280, 300, 290), 10.0, True, above_table=True))
    table = next(c for c in chunks if c.grid)
    assert table.text.startswith(lead) and "| 上限額 | 50万円 | 100万円 |" in table.text
    assert any(lead in c.text for c in chunks if not c.grid)  # lossless: the text chunk keeps it
    assert table.section_title.endswith("県の支援制度")
    assert table.pages == ["7"]


def test_a_long_paragraph_before_a_table_is_not_a_lead_in():
    long = "この事業は" + "市町村の取組を支えるものであり、" * 20 + "継続して実施します。"
    chunks = _chunks(_line(long, 200))
    table = next(c for c in chunks if c.grid)
    assert not table.text.startswith("この事業は")


def test_a_unit_goes_after_the_number_of_a_cell_with_a_share():
    assert with_unit("1（8.3%）", "団体") == "1団体（8.3%）"
    assert with_unit("14", "県") == "14県"
    assert with_unit("○", "") == "○"


def test_a_lead_in_on_the_page_before_the_table_stays_out_of_its_chunk():
    lead = "補助の内容は次の表のとおりです。"
    first = Page(index=0, label="7", width=595, height=842)
    first.blocks = [_line(lead, 780)]
    second = Page(index=1, label="8", width=595, height=842)
    second.blocks = [Table(GRID, 1, (40, 60, 370, 120))]
    chunks = chunk_units(build_units([first, second]), "d", "d")
    table = next(c for c in chunks if c.grid)
    assert table.pages == ["8"] and lead not in table.text  # a cell answer cites the page the table is on


def test_a_unit_is_not_added_twice_and_a_compound_unit_gives_its_count_part():
    assert with_unit("3団体（25%）", "団体") == "3団体（25%）"
    assert with_unit("1（8.3%）", "団体、%") == "1団体（8.3%）"
    assert with_unit("△3（-2.0%）", "人") == "△3人（-2.0%）"


def test_a_value_that_says_its_own_unit_or_is_no_number_gets_none_added():
    assert with_unit("40.0%", "千円") == "40.0%"  # a rate in a table counted in 千円
    assert with_unit("3分の2", "千円") == "3分の2"
    assert with_unit("○", "件") == "○"
    assert with_unit("2,460", "千円") == "2,460千円"


def test_a_unit_goes_after_an_approximate_figure_a_range_and_a_noted_figure():
    assert with_unit("約300", "千円") == "約300千円"
    assert with_unit("3,000～5,000", "千円") == "3,000～5,000千円"
    assert with_unit("300※", "千円") == "300千円※"


def test_a_table_of_several_units_gives_each_column_its_own():
    """（単位：件、％）: a share column is in ％, a count column in 件; the question's counter or the header picks
    it, and with no sign which, no unit is guessed (46.5 is no 46.5件)."""
    assert with_unit("46.5", "件、％", "令和6年度 構成比") == "46.5％"
    assert with_unit("143", "回、人", "令和5年度 参加者数", "人") == "143人"
    assert with_unit("143", "回、人", "令和5年度 参加者数") == "143"
    assert with_unit("1,920", "件、千円", "交付額（千円）") == "1,920千円"
    assert with_unit("7", "件、千円", "令和6年度 件数", "件") == "7件"


def test_without_a_table_unit_the_column_header_gives_its_own():
    assert with_unit("3", "", "派遣（回）") == "3回"  # a figure read bare would not answer 「何回」
    assert with_unit("1,200", "", "交付額（千円）") == "1,200千円"
    assert with_unit("3", "", "区分（予定）") == "3"  # a bracket that is no unit adds nothing
    assert with_unit("3", "件", "派遣（回）") == "3件"  # the table's own unit line still decides where it has one
