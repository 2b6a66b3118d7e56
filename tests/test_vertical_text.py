"""Vertical writing (縦書き): columns read top to bottom, right to left, paragraph by paragraph; horizontal text
and a label stacked beside an axis are left to the horizontal reader. Pure functions over char dicts, then a
real PDF drawn glyph by glyph as vertical typesetting does (rotated brackets, punctuation at the column's edge)."""

from __future__ import annotations

from pathlib import Path

from ingest.vertical import blocks, columns, paragraphs, vertical_lines
from tests.pdfgen import japanese_font

S = 10.0


def _col(text: str, x: float, top: float) -> list[dict]:
    out = []
    for k, ch in enumerate(text):
        y = top + k * S
        if ch in "、。":  # set in the column's upper right, as vertical fonts place them
            out.append({"text": ch, "x0": x + 0.55 * S, "x1": x + 1.55 * S, "top": y - 0.55 * S, "bottom": y + 0.45 * S,
                        "size": S})
        else:
            out.append({"text": ch, "x0": x, "x1": x + S, "top": y, "bottom": y + S, "size": S})
    return out


def _row(text: str, x: float, top: float) -> list[dict]:
    return [{"text": ch, "x0": x + k * S, "x1": x + (k + 1) * S, "top": top, "bottom": top + S, "size": S}
            for k, ch in enumerate(text)]


def test_columns_are_read_right_to_left_and_an_indent_starts_a_paragraph():
    chars = [*_col("町では協議会を設立し", 500, 100), *_col("ました。", 484, 100),
             *_col(" 相談は無料です。", 468, 100)]
    found = blocks(columns(chars))
    assert len(found) == 1
    assert paragraphs(found[0]) == ["町では協議会を設立しました。", "相談は無料です。"]


def test_a_column_that_stops_short_ends_its_paragraph():
    chars = [*_col("町では協議会を設立し", 500, 100), *_col("ました。", 484, 100),
             *_col("相談は毎週火曜日です", 468, 100), *_col("。", 452, 100)]
    made, rest = vertical_lines(chars, lambda text, *_: text)
    assert made == ["町では協議会を設立しました。", "相談は毎週火曜日です。"]  # (the last 「。」 a column of its own)
    assert rest == []


def test_horizontal_text_and_a_stacked_axis_label_stay_with_the_horizontal_reader():
    lines = [*_row("居住支援協議会を設立しました。", 50, 100), *_row("相談は無料です。", 50, 112),
             *_row("窓口は福祉課です。", 50, 124)]
    assert blocks(columns(lines)) == []
    axis = _col("相談件数", 30, 300)  # one column of four: a chart's label, not a text
    made, rest = vertical_lines([*lines, *axis], lambda *a: a)
    assert made == [] and len(rest) == len(lines) + len(axis)


def test_vertical_lines_hand_back_the_horizontal_chars_untouched():
    title = _row("回覧", 50, 40)
    body = [*_col("町では協議会を設立し", 500, 100), *_col("ました。", 484, 100)]
    made, rest = vertical_lines([*title, *body], lambda text, bbox, size, font: (text, bbox))
    assert [t for t, _ in made] == ["町では協議会を設立しました。"]
    assert rest == title
    (_, (x0, top, x1, _)), = made
    assert x0 >= 480 and x1 <= 512 and top >= 90  # in the block's own place on the page



def _vertical_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    font = japanese_font()
    size = 10.5
    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def column(x: float, y: float, text: str) -> None:
        for ch in text:
            if ch in "、。":
                c.drawString(x + size * 0.55, y + size * 0.55, ch)
            elif ch in "「」（）":
                c.saveState()
                c.translate(x + size * 0.15, y + size * 0.85)
                c.rotate(-90)
                c.drawString(0, 0, ch)
                c.restoreState()
            elif ch != " ":
                c.drawString(x, y, ch)
            y -= size

    def tier(top: float, paras: list[str], per: int = 14) -> None:
        x = 540 - size
        for p in paras:
            text = " " + p
            for i in range(0, len(text), per):
                column(x, top - size, text[i:i + per])
                x -= size * 1.7

    c.setFont(font, 16)
    c.drawString(60, 790, "ひだまり町 回覧 第3号")
    c.setFont(font, size)
    tier(760, ["町は令和8年4月に居住支援協議会を設立しました。", "「住まい相談」は毎週火曜日に役場二階で開きます。"])
    tier(560, ["見守り付き住宅の登録は十四件です。", "家主の方の登録をお待ちしています。"])
    c.drawString(60, 330, "表1　相談件数")
    y = 310
    for row in [["年度", "相談件数"], ["令和6年度", "31件"], ["令和7年度", "47件"]]:
        for j, cell in enumerate(row):
            c.rect(60 + j * 120, y - 4, 120, 18)
            c.drawString(64 + j * 120, y, cell)
        y -= 18
    c.save()
    return path


def test_a_vertical_leaflet_reads_whole_sentences_tier_by_tier(tmp_path):
    from ingest.pdf import Line, Table, read_document

    page = read_document(_vertical_pdf(tmp_path / "kairan.pdf"))[0]
    texts = [b.text for b in page.blocks if isinstance(b, Line)]
    joined = "".join(texts)
    for sentence in ["町は令和8年4月に居住支援協議会を設立しました。", "「住まい相談」は毎週火曜日に役場二階で開きます。",
                     "見守り付き住宅の登録は十四件です。", "家主の方の登録をお待ちしています。"]:
        assert sentence in texts  # each paragraph whole, its brackets upright again
    assert joined.index("設立しました") < joined.index("見守り付き")  # the upper tier first
    tables = [b for b in page.blocks if isinstance(b, Table)]
    assert tables and tables[0].rows[1] == ["令和6年度", "31件"]  # the horizontal table is read as before


def _grid_rows(rows: list[str], x: float, top: float, pitch: float, step: float) -> list[dict]:
    """Rows of characters set `step` apart on a `pitch` line spacing (letter-spaced labels, a table of marks)."""
    return [{"text": ch, "x0": x + k * step, "x1": x + k * step + S, "top": top + r * pitch,
             "bottom": top + r * pitch + S, "size": S}
            for r, row in enumerate(rows) for k, ch in enumerate(row) if ch != " "]


def test_letter_spaced_labels_and_a_grid_of_marks_are_not_vertical_writing():
    labels = _grid_rows(["氏 名", "住 所", "電 話", "職 業", "性 別", "年 齢"], 50, 100, 1.2 * S, S)
    assert vertical_lines(labels, lambda *a: a)[0] == []  # lines 0.2 apart are not set solid
    marks = _grid_rows(["有○○－○", "無○－○○", "数35241"], 50, 300, S, 1.8 * S)  # solid rows, no 、 or 。
    assert vertical_lines(marks, lambda *a: a)[0] == []


def test_a_hanging_indent_goes_on_with_its_sentence():
    chars = [*_col("一相談は毎週火曜日に役場", 500, 100), *_col("二階で開きます。", 484, 110),
             *_col("二見守りの登録は十四件で", 468, 100), *_col("す。", 452, 110)]
    made, _ = vertical_lines(chars, lambda text, *_: text)
    assert made == ["一相談は毎週火曜日に役場二階で開きます。", "二見守りの登録は十四件です。"]


def test_a_half_width_figure_turned_in_its_column_stays_in_it():
    chars = _col("協議会は令和8年に設立", 500, 100)
    # 「8」 turned on its side in its slot: its reported size is the glyph's height, its width the column's
    chars[6] = {"text": "8", "x0": 500.5, "x1": 509.5, "top": 162.5, "bottom": 167.5, "size": 6.0, "upright": False}
    chars += _col("しました。", 484, 100)
    made, rest = vertical_lines(chars, lambda text, *_: text)
    assert made == ["協議会は令和8年に設立しました。"] and rest == []
