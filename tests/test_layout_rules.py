"""Columns kept apart by drawn vertical rules: three narrow columns set close to the rules between
them (closer than an empty gutter would need), with hanging punctuation reaching over a rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.layout import Geometry, Item, reading_order
from ingest.pdf import Line, Table, read_document

GEO = Geometry(gutter=9.0, min_column=90.0)


def _lines(x0: float, x1: float, n: int, tag: str) -> list[Item]:
    return [Item((x0, 80 + 15 * k, x1, 90 + 15 * k), f"{tag}{k}") for k in range(n)]


def _order(items: list[Item], geo: Geometry) -> list[str]:
    return [i.obj for leaf in reading_order(items, geo) for row in leaf.rows for i in row]


def test_a_rule_in_a_narrow_gap_separates_columns():
    items = _lines(40, 200, 4, "a") + _lines(206, 366, 4, "b") + _lines(372, 532, 4, "c")
    # 6 pt gaps: no empty gutter, so without rules each row is one line across the page
    assert _order(items, GEO)[:3] == ["a0", "b0", "c0"]
    ruled = Geometry(gutter=9.0, min_column=90.0, rules=[(203, 70, 150), (369, 70, 150)])
    assert _order(items, ruled) == [f"{t}{k}" for t in "abc" for k in range(4)]


def test_a_rule_that_runs_through_no_gap_separates_nothing():
    items = _lines(40, 200, 4, "a") + _lines(206, 366, 4, "b")
    geo = Geometry(gutter=9.0, min_column=90.0, rules=[(30, 70, 150), (120, 70, 150)])  # beside, and under text
    assert _order(items, geo)[:2] == ["a0", "b0"]


def _font() -> str:
    pytest.importorskip("reportlab")
    from tests.docgen.fonts import GOTHIC, register

    try:
        register()
    except Exception as exc:  # no Japanese font on this machine
        pytest.skip(f"no IPAexGothic: {exc}")
    return GOTHIC


COLS = [
    ["一の段の一行目です、", "一の段の二行目です。", "一の段の三行目です。", "一の段の四行目です。"],
    ["二の段の一行目です、", "二の段の二行目です。", "二の段の三行目です。", "二の段の四行目です。"],
    ["三の段の一行目です。", "三の段の二行目です。", "三の段の三行目です。", "三の段の四行目です。"],
]


def test_three_ruled_columns_in_a_pdf_read_column_by_column(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "three.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    size, width = 10.0, 96.0  # nine characters and a hanging 「、」 past the column's right edge
    lefts = [40.0, 40 + width + 6, 40 + 2 * (width + 6)]
    for x, col in zip(lefts, COLS, strict=True):
        for k, text in enumerate(col):
            c.setFont(font, size)
            c.drawString(x, 760 - 15 * k, text)
    for x in lefts[1:]:
        c.setLineWidth(0.5)
        c.line(x - 3, 775, x - 3, 690)  # the rule between two columns, 3 pt from each
    c.showPage()
    c.save()
    page = read_document(path)[0]
    lines = [b.text for b in page.blocks if isinstance(b, Line)]
    assert lines == [t for col in COLS for t in col]


def test_an_unruled_table_beside_prose_across_a_rule_takes_no_prose(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "beside.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    prose = ["左の段は本文の文章が続きま", "す。ここは表ではありません", "が、行の間隔は表と同じで", "す。最後の行まで本文です。",
             "まだ本文が続いています。"]
    rows = [("", "前年", "今年"), ("北部", "12", "15"), ("中部", "38", "44"), ("南部", "21", "23"), ("合計", "71", "82")]
    for k, (text, row) in enumerate(zip(prose, rows, strict=True)):
        y = 500 - 14 * k
        c.setFont(font, 9)
        c.drawString(40, y, text)
        c.drawString(215, y, row[0])
        c.drawRightString(330, y, row[1])
        c.drawRightString(375, y, row[2])
    c.line(207, 515, 207, 420)
    c.line(388, 515, 388, 420)
    c.setFont(font, 9)
    for k in range(5):
        c.drawString(398, 500 - 14 * k, "右の段の文章です。")
    c.showPage()
    c.save()
    page = read_document(path)[0]
    tables = [b for b in page.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    cells = [c for r in tables[0].rows for c in r]
    assert not any("本文" in c for c in cells)
    assert ["北部", "12", "15"] in tables[0].rows


def test_hanging_punctuation_does_not_close_an_empty_gutter(tmp_path: Path):
    """No rules: a 「、」 hanging past a column's edge reaches to 2 pt of the next column on a row where
    that column has a paragraph break; the columns are still read one after the other."""
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "hang.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    size = 10.0
    left = [f"左の段の{k}行目の文です。" if k != 3 else "左の段の三行目は続きます、" for k in range(8)]
    right = [f"右の段の{k}行目の文です。" for k in range(8)]
    for k, text in enumerate(left):
        c.setFont(font, size)
        c.drawString(40, 500 - 15 * k, text)  # 13 characters: 40..170
    for k, text in enumerate(right):
        if k in (3, 4):
            continue  # a paragraph break beside the hanging 「、」
        c.setFont(font, size)
        c.drawString(172, 500 - 15 * k, text)  # 12 pt after the left column's text, 2 pt after the 「、」
    c.showPage()
    c.save()
    page = read_document(path)[0]
    lines = [b.text for b in page.blocks if isinstance(b, Line)]
    assert lines == left + [t for k, t in enumerate(right) if k not in (3, 4)]


def test_four_columns_with_empty_gutters_and_a_box_in_one_read_column_by_column():
    cols = [_lines(40 + 130 * k, 160 + 130 * k, 6, "abcd"[k]) for k in range(4)]
    box = Item((300, 200, 420, 260), None, [Item((306, 206 + 15 * k, 414, 216 + 15 * k), f"x{k}") for k in range(3)])
    order = _order([i for c in cols for i in c] + [box], GEO)
    assert order == [f"{t}{k}" for t in "ab" for k in range(6)] + [f"c{k}" for k in range(6)] + ["x0", "x1", "x2"] \
        + [f"d{k}" for k in range(6)]


def test_a_line_drawn_through_text_is_no_column_rule(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "through.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    texts = ["一行目の文章がここに続きます。", "二行目の文章がここに続きます。", "三行目の文章がここに続きます。"]
    for k, text in enumerate(texts):
        c.setFont(font, 10)
        c.drawString(40, 500 - 15 * k, text)
    c.line(95, 520, 95, 460)  # through the middle of a character on every line
    c.showPage()
    c.save()
    lines = [b.text for b in read_document(path)[0].blocks if isinstance(b, Line)]
    assert lines == texts


def test_a_bar_chart_row_reads_label_then_value():
    from ingest.pdf import _split_row

    def ch(text: str, x0: float) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + 9.0, "top": 165.0, "bottom": 174.0, "size": 9.0}

    label = [ch(t, 129 + 9 * i) for i, t in enumerate("職員が不足")]  # ends at 174
    value = [ch(t, 300 + 9 * i) for i, t in enumerate("8団体")]
    bar = (180.0, 164.0, 295.0, 175.0)  # between them, at the row's height
    assert len(_split_row(label + value, [bar])) == 1
    assert len(_split_row(label + value, [])) == 2  # without the bar, a wide gap is a gutter
    behind = (120.0, 160.0, 200.0, 180.0)  # a box behind the left text starts before it: no bar
    assert len(_split_row(label + value, [behind])) == 2


def test_a_grid_of_whole_panels_is_the_page_frame_not_a_table():
    from ingest.pdf import is_frame

    panel = "\n".join(f"この行はパネルの本文の{k}行目です。" for k in range(12))
    assert is_frame([["", ""], ["", panel], ["", ""]])
    values = [["区分", "補助率", "上限額"], ["設立準備", "2分の1", "50万円"], ["運営", "3分の1", "30万円"]]
    assert not is_frame(values)
    # a table with one long cell among values, and a page-sized form with blank fields, stay tables
    bullets = "\n".join(f"・事業内容{k}" for k in range(10))
    assert not is_frame([["事業", "内容", "予算"], ["相談", bullets, "1,200"], ["研修", "年2回", "300"]])
    form = [["申請者", "", ""], ["住所", "", ""], ["氏名", "", ""], ["電話", "", ""]]
    assert not is_frame(form)


def test_a_lone_roman_numeral_numbers_the_front_matter_before_the_body():
    from ingest.running import choose_labels, page_number_candidates

    printed = ["", "i", "- 1 -", "- 2 -", "- 3 -", "- 4 -"]
    labels = choose_labels([page_number_candidates(t) if t else [] for t in printed])
    assert labels == ["", "i", "1", "2", "3", "4"]
    # after the body has begun, a lone roman numeral is no front matter
    printed = ["", "- 1 -", "- 2 -", "iv", "- 4 -"]
    assert choose_labels([page_number_candidates(t) if t else [] for t in printed])[3] == ""
