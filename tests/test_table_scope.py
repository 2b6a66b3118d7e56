"""A caption's scope (「（令和7年4月1日現在）」) and its table's unit (「（単位：件）」) are kept both.

Before, a scope printed apart on the caption's line went to the unit field, and a later unit line or
the table's own unit replaced it (or was dropped): the chunk lost either when the figures hold or
what they count.
"""

from __future__ import annotations

from ingest.chunk import chunk_units
from ingest.pdf import Line, Page, Table
from ingest.structure import build_units

GRID = [["", "令和6年", "令和7年"], ["北部", "12", "15"]]


def _table(*lines: Line, unit: str = "") -> tuple:
    page = Page(index=0, label="1", width=595, height=842)
    page.blocks = [*lines, Table(GRID, 0, (40, 120, 370, 150), unit=unit)]
    units = build_units([page])
    table = next(u for u in units if u.grid)
    return table, chunk_units(units, "d", "d")


def _caption(text: str) -> Line:
    return Line(text, 0, (40, 80, 300, 90), 10.0, True, above_table=True)


def test_a_scope_on_the_caption_line_and_a_unit_line_after_it_are_both_kept():
    table, chunks = _table(_caption("表3　協力店数の推移　（令和7年4月1日現在）"), Line("（単位：件）", 0, (300, 100, 370, 110), 9.0))
    assert table.title == "表3　協力店数の推移"
    assert table.scope == "（令和7年4月1日現在）" and table.unit_line == "（単位：件）"
    text = chunks[0].text
    assert "（令和7年4月1日現在）" in text and "（単位：件）" in text


def test_a_scope_does_not_keep_out_the_tables_own_unit():
    table, _ = _table(_caption("表5　圏域別の店数　（各年9月末）"), unit="（店）")
    assert table.scope == "（各年9月末）" and table.unit_line == "（店）"


def test_a_unit_on_the_caption_line_still_goes_to_the_unit_and_a_scope_inside_the_words_stays():
    table, _ = _table(_caption("表2　設立状況（各年4月1日現在）　（単位：団体）"))
    assert table.title == "表2　設立状況（各年4月1日現在）" and table.unit_line == "（単位：団体）" and not table.scope
