"""Columns kept apart by drawn vertical rules: three narrow columns set close to the rules between
them (closer than an empty gutter would need), with hanging punctuation reaching over a rule."""

from __future__ import annotations

from pathlib import Path

from ingest.layout import Geometry, Item, reading_order
from ingest.pdf import Line, Table, read_document
from tests.pdfgen import japanese_font

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



COLS = [
    ["一の段の一行目です、", "一の段の二行目です。", "一の段の三行目です。", "一の段の四行目です。"],
    ["二の段の一行目です、", "二の段の二行目です。", "二の段の三行目です。", "二の段の四行目です。"],
    ["三の段の一行目です。", "三の段の二行目です。", "三の段の三行目です。", "三の段の四行目です。"],
]


def test_three_ruled_columns_in_a_pdf_read_column_by_column(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = japanese_font()
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

    font = japanese_font()
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

    font = japanese_font()
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

    font = japanese_font()
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


def test_a_sheet_printed_two_pages_up_is_labelled_with_both_pages():
    from ingest.running import choose_labels, page_number_candidates

    sheets = [["- 2 -"], ["- 3 -", "- 4 -"], ["- 5 -", "- 6 -"], ["- 7 -", "- 8 -"], ["- 9 -"]]
    labels = choose_labels([[c for t in s for c in page_number_candidates(t)] for s in sheets])
    assert labels == ["2", "3-4", "5-6", "7-8", "9"]
    # bare numbers, two sheets two-up: the pairs tie with single pages and win
    bare = [["1"], ["2", "3"], ["4", "5"], ["6"]]
    assert choose_labels([[c for t in s for c in page_number_candidates(t)] for s in bare]) == ["1", "2-3", "4-5", "6"]
    # one number a page stays one label, even where a page also shows the next number once
    pages = [["- 1 -"], ["- 2 -"], ["- 3 -", "- 4 -"], ["- 4 -"], ["- 5 -"]]
    assert choose_labels([[c for t in s for c in page_number_candidates(t)] for s in pages])[:3] == ["1", "2", "3"]


def test_a_count_that_starts_again_keeps_its_total_and_a_roman_chapter_its_prefix():
    from ingest.running import choose_labels, page_number_candidates

    def labels(printed: list[str]) -> list[str]:
        return choose_labels([page_number_candidates(t) if t else [] for t in printed])

    # one count through the document: 「3 / 5」 is page 3
    assert labels(["1 / 5", "2 / 5", "3 / 5", "4 / 5", "5 / 5"]) == ["1", "2", "3", "4", "5"]
    # parts counted each for itself: the bare number would name several pages
    assert labels(["1／3", "2／3", "3／3", "1／2", "2／2"]) == ["1/3", "2/3", "3/3", "1/2", "2/2"]
    # 「Ⅲ-1」… are pages of chapter Ⅲ; a word prefixing every page (事例集-1…) names the publication
    assert labels(["", "Ⅲ-1", "Ⅲ-2", "Ⅲ-3"]) == ["", "III-1", "III-2", "III-3"]
    assert labels(["事例集-1", "事例集-2", "事例集-3"]) == ["1", "2", "3"]
    # one stray total in a run that counts once changes nothing; latin letters are no chapter numerals
    assert labels(["1 / 8", "2 / 8", "3 / 8", "4 / 9", "5 / 8"]) == ["1", "2", "3", "4", "5"]
    assert labels(["C-1", "C-2", "C-3"]) == ["1", "2", "3"]
    # a covering letter counted 「1／2」「2／2」 before an attachment numbered 1, 2, 3: the totals say which page 1
    assert labels(["1／2", "2／2", "1", "2", "3"]) == ["1/2", "2/2", "1", "2", "3"]


def test_a_booklet_imposed_for_saddle_stitching_is_labelled_by_its_sheets_pages():
    """An 8-page booklet printed as sheets 8|1, 2|7, 6|3, 4|5: each sheet's two numbers add up to 9, and the sheet is
    pages 「2-7」 — not the index sequence 2, 3, 4 that its left numbers happen to follow. Pages with one number each,
    or a constant chapter number beside the page's, keep their own labels."""
    from ingest.running import choose_labels

    def arabic(*ns: int) -> list[tuple[str, int, str, bool]]:
        return [(str(n), n, "arabic", False) for n in ns]

    assert choose_labels([[], arabic(8, 2, 7), arabic(3, 6, 3), arabic(5, 4, 5)]) == ["", "2-7", "6-3", "4-5"]
    assert choose_labels([arabic(1), arabic(2), arabic(3)]) == ["1", "2", "3"]
    assert choose_labels([arabic(2, 10), arabic(2, 11), arabic(2, 12)]) == ["10", "11", "12"]
    assert choose_labels([arabic(2, 3), arabic(4, 5), arabic(6, 7)]) == ["2-3", "4-5", "6-7"]  # two-up, consecutive


def _leader_pdf(path: Path, dotted: bool, underline: bool = False) -> list[str]:
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    rows = [("①単独で設置している", "6市町村", "②共同で設置", "2市町村"),
            ("③設立に向けて準備中", "3市町村", "④設立を検討中", "3市町村")]
    for k, (a, na, b, nb) in enumerate(rows):
        y = 700 - 20 * k
        c.setFont(font, 10)
        for x0, text, x1, num in ((40, a, 240, na), (300, b, 500, nb)):
            c.drawString(x0, y, text)
            c.drawString(x1, y, num)
            if dotted:
                c.setDash(1, 2)
                c.line(x0 + c.stringWidth(text, font, 10) + 3, y - 2, x1 - 3, y - 2)
                c.setDash()
    if underline:  # a heading's underline across its own panel, under two panels' headings
        c.drawString(40, 600, "見出しA")
        c.drawString(300, 600, "見出しB")
        c.line(40, 597, 280, 597)
        c.line(300, 597, 540, 597)
    c.showPage()
    c.save()
    return [b.text for b in read_document(path)[0].blocks if isinstance(b, Line)]


def test_a_dotted_leader_ties_an_option_to_its_count(tmp_path: Path):
    lines = _leader_pdf(tmp_path / "leader.pdf", dotted=True)
    assert "①単独で設置している 6市町村" in lines and "④設立を検討中 3市町村" in lines  # one line, a space apart
    # without the leader the wide gaps are gutters: options and counts come apart
    apart = _leader_pdf(tmp_path / "plain.pdf", dotted=False)
    assert "①単独で設置している 6市町村" not in apart and "①単独で設置している" in apart


def test_an_underline_of_a_panel_heading_is_no_leader(tmp_path: Path):
    lines = _leader_pdf(tmp_path / "under.pdf", dotted=False, underline=True)
    assert "見出しA" in lines and "見出しB" in lines


def test_a_filled_in_field_box_stays_in_its_line(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = japanese_font()
    path = tmp_path / "field.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 10)
    c.drawString(40, 700, "問1　協議会の設置状況について記入してください。")
    c.drawString(60, 670, "構成団体の数")
    c.rect(130, 664, 50, 18)  # the field: one line high, around the value
    c.drawString(150, 670, "14.6")
    c.drawString(186, 670, "団体")
    c.drawString(40, 640, "問2　次の質問です。")
    c.rect(40, 560, 300, 60)  # a box of several lines is a block of its own
    c.drawString(50, 600, "コラム")
    c.drawString(50, 585, "囲みの中の文章です。")
    c.showPage()
    c.save()
    from ingest.chunk import chunk_units
    from ingest.structure import build_units

    chunks = chunk_units(build_units(read_document(path)), "field", "field")
    assert any("構成団体の数14.6団体" in ch.text.replace(" ", "").replace("\n", "") and "\n14.6\n" not in ch.text
               for ch in chunks)


def test_one_line_boxes_of_a_flow_stay_boxes(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = japanese_font()
    path = tmp_path / "flow.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 10)
    c.drawString(40, 740, "相談から入居までの流れを示します。")
    for k, step in enumerate(["相談受付", "物件紹介", "入居支援"]):
        x = 40 + 150 * k
        c.rect(x, 694, 110, 18)
        c.drawString(x + 10, 700, step)
        if k:
            c.drawString(x - 30, 700, "→")
    c.showPage()
    c.save()
    from ingest.layout import Item
    from ingest.pdf import _inline_field

    lines = [b for b in read_document(path)[0].blocks if isinstance(b, Line)]
    assert not any("→物件紹介" in ln.text.replace(" ", "") for ln in lines)
    items = [Item(ln.bbox, ln) for ln in lines]
    box = (190.0, 842 - 712.0, 300.0, 842 - 694.0)
    assert not _inline_field(box, items, [box])  # a step's words are no value


def test_numbered_steps_in_a_grid_have_no_header_row():
    from ingest.chunk import numbered_rows

    steps = [["STEP1", "庁内の体制づくり"], ["STEP2", "関係団体への声かけ"], ["STEP3", "準備会の開催"]]
    assert numbered_rows(steps)
    assert numbered_rows([["①", "a"], ["②", "b"], ["③", "c"]])
    assert not numbered_rows([["区分", "内容"], ["STEP1", "a"], ["STEP2", "b"]])  # a header names the columns
    assert not numbered_rows([["1", "a"], ["1", "b"], ["1", "c"]])  # the same number is no sequence


def test_stacked_articles_in_ruled_columns_beside_a_sidebar_are_read_article_by_article():
    # a newsletter page: article A in two ruled columns (y 100-250), article B under its own headline in two
    # columns ruled anew (y 290-400), and a sidebar column beside both; the rule between A's columns stops at A's end
    def col(x0: float, top: float, n: int, tag: str) -> list[Item]:
        return [Item((x0, top + 15 * k, x0 + 150, top + 10 + 15 * k), f"{tag}{k}") for k in range(n)]

    items = [Item((36, 80, 360, 92), "A-title"), *col(36, 100, 10, "A1-"), *col(215, 100, 10, "A2-"),
             Item((36, 270, 160, 282), "B-title"), *col(36, 290, 8, "B1-"), *col(215, 290, 8, "B2-"),
             *col(400, 80, 22, "S-")]
    rules = [(207.0, 98.0, 252.0), (207.0, 288.0, 402.0), (392.0, 78.0, 402.0)]
    order = _order(items, Geometry(gutter=9.0, min_column=90.0, rules=rules))
    tags = [t.split("-")[0] for t in order]
    # each article whole, its first column before its second; the sidebar after both
    assert tags == ["A"] + ["A1"] * 10 + ["A2"] * 10 + ["B"] + ["B1"] * 8 + ["B2"] * 8 + ["S"] * 22


def test_a_column_rule_drawn_in_pieces_does_not_cut_its_article():
    items = [Item((36, 100 + 15 * k, 186, 110 + 15 * k), f"L{k}") for k in range(20)]
    items += [Item((215, 100 + 15 * k, 365, 110 + 15 * k), f"R{k}") for k in range(20)]
    geo = Geometry(gutter=9.0, min_column=90.0, rules=[(207.0, 98.0, 250.0), (207.0, 262.0, 402.0)])
    assert _order(items, geo) == [f"L{k}" for k in range(20)] + [f"R{k}" for k in range(20)]
