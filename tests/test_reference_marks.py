"""Word-style footnotes and merged table cells, as a word processor prints them.

A footnote's reference mark is a small raised number glued to the word before it; left in, it reads as part of
the word or figure (「第2号10を根拠として」). The note at the page foot opens with the same raised number, and one
that does not fit goes on at the next page's foot without it. A table's group name merged over several rows is
printed once, and a group cut by a page break leaves its name cell empty in the part on the next page.
Found on an audit report written blind (BLIND30); the documents here are new, in another wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunk import chunk_units
from ingest.clean import squash
from ingest.pdf import read_document
from ingest.reference_marks import lead_number_end, reference_mark_chars, without_reference_marks
from ingest.structure import build_units, span_filled


def _chars(text: str, x0: float, top: float, size: float) -> list[dict]:
    out, x = [], x0
    for ch in text:
        w = size * (0.5 if ch.isascii() else 1.0)
        out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": top + size, "size": size})
        x += w
    return out


def _raised(text: str, after: list[dict], size: float = 6.0) -> list[dict]:
    host = after[-1]
    return _chars(text, host["x1"] + 0.2, host["top"], size)


def test_a_small_raised_number_after_a_word_is_a_mark_and_goes():
    word = _chars("第2号", 100, 200, 10.5)
    mark = _raised("10", word)
    rest = _chars("を根拠として", mark[-1]["x1"] + 0.2, 200, 10.5)
    chars = word + mark + rest
    assert {chars[i]["text"] for i in reference_mark_chars(chars)} == {"1", "0"}
    assert "".join(c["text"] for c in without_reference_marks(chars)) == "第2号を根拠として"


def test_a_mark_with_a_sign_of_its_own_stays_as_printed():
    word = _chars("居住支援法人", 100, 200, 10.5)
    mark = _raised("注3", word)
    chars = word + mark + _chars("は", mark[-1]["x1"] + 0.2, 200, 10.5)
    assert reference_mark_chars(chars)  # found, yet kept: 「注3」 cannot be read as part of a figure
    assert without_reference_marks(chars) == chars


def test_digits_on_the_baseline_are_text():
    chars = _chars("令和6年度は128件", 100, 200, 10.5)
    assert reference_mark_chars(chars) == set()
    small = _chars("合計", 100, 200, 10.5) + _chars("12", 125, 204.5, 6.0)  # small, but on the baseline: a unit
    assert reference_mark_chars(small) == set()


def test_a_footnotes_own_number_opens_its_line():
    number = [dict(c, top=699.0, bottom=705.0) for c in _chars("12", 60, 699, 6.0)]  # raised over the text's baseline
    text = [dict(c, top=699.0, bottom=707.5) for c in _chars("契約の性質又は目的", number[-1]["x1"] + 0.3, 699, 8.0)]
    chars = number + text
    assert reference_mark_chars(chars) == set()  # nothing before it: not a mark in running text
    assert lead_number_end(chars) == 2
    assert lead_number_end(_chars("12月の会議", 60, 700, 8.0)) == 0


BODY, NOTE, MARK = 10.5, 8.0, 6.0


def _register():
    pytest.importorskip("reportlab")
    from tests.docgen.fonts import GOTHIC, register

    try:
        register()
    except Exception as exc:  # no Japanese font on this machine
        pytest.skip(f"no IPAexGothic: {exc}")
    return GOTHIC


def _marked_line(c, font: str, x: float, y: float, pieces: list[str]) -> None:
    """Body text with raised small marks: pieces alternate text, mark, text, mark …"""
    for k, piece in enumerate(pieces):
        if k % 2:
            c.setFont(font, MARK)
            c.drawString(x, y + BODY * 0.4, piece)
            x += c.stringWidth(piece, font, MARK)
        else:
            c.setFont(font, BODY)
            c.drawString(x, y, piece)
            x += c.stringWidth(piece, font, BODY)


def _note(c, font: str, y: float, number: str | None, text: str) -> None:
    if number:
        c.setFont(font, MARK)
        c.drawString(60, y + NOTE * 0.35, number)
    c.setFont(font, NOTE)
    c.drawString(72, y, text)


def _audit_pdf(path: Path) -> Path:
    font = _register()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    # page 1: two marks in the body, which ends on a sentence's end, and two notes; the second goes on overleaf
    c.setFont(font, 9)
    c.drawCentredString(297, 40, "- 31 -")
    _marked_line(c, font, 60, 760, ["本事業は、地方自治法施行令第167条の2第1項第2号", "7", "を根拠とし、"])
    _marked_line(c, font, 60, 742, ["同一の団体と随意契約が結ばれている", "8", "。相談窓口は週5日開設され、"])
    _marked_line(c, font, 60, 724, ["土曜日の相談は令和6年度から月2回実施されている。"])
    c.line(60, 132, 200, 132)
    _note(c, font, 116, "7", "契約の性質又は目的が競争入札に適しないときの規定である。")
    _note(c, font, 102, "8", "令和6年度の委託契約の契約額は18,700千円で、前年度の委託契約の契約額は17,900千円であり、")
    c.showPage()
    c.setFont(font, 9)
    c.drawCentredString(297, 40, "- 32 -")
    _marked_line(c, font, 60, 760, ["利用者の満足度は年1回調査されている。"])
    c.line(60, 132, 200, 132)
    _note(c, font, 116, None, "増額は相談員1名の増員によるものである。")
    c.showPage()
    c.save()
    return path


def test_marks_notes_and_a_note_over_the_page_read_whole(tmp_path):
    pages = read_document(_audit_pdf(tmp_path / "audit.pdf"))
    text = "".join(squash(c.text) for c in chunk_units(build_units(pages), "a", "a", 200, 900)).replace("\n", "")
    for sentence in ("本事業は、地方自治法施行令第167条の2第1項第2号を根拠とし、同一の団体と随意契約が結ばれている。",
                     "土曜日の相談は令和6年度から月2回実施されている。",
                     "契約の性質又は目的が競争入札に適しないときの規定である。",
                     "令和6年度の委託契約の契約額は18,700千円で、前年度の委託契約の契約額は17,900千円であり、増額は相談員1名の増員によるものである。"):
        assert squash(sentence) in text, sentence
    assert squash("第2号7") not in text


def test_a_group_cut_by_the_page_break_names_its_rows_on_the_next_page():
    rows = [["", "令和6年度", "8,000"], ["", "令和7年度", "8,500"], ["計", "令和6年度", "31,000"], ["", "令和7年度", "32,000"]]
    filled = span_filled([list(r) for r in rows], {0: "法人補助"})
    assert [r[0] for r in filled] == ["法人補助", "法人補助", "計", ""]  # up to the first name printed
    assert span_filled([list(r) for r in rows], {}) == rows


def _merged_pdf(path: Path) -> Path:
    """A ruled table whose group names are merged over their rows, continued on a second page under its header;
    the last group is cut after its first row."""
    font = _register()
    from reportlab.pdfgen import canvas

    groups = [("相談支援", ["面談", "電話", "訪問"]), ("住まい探し", ["同行", "内覧"]), ("見守り", ["安否確認", "訪問", "緊急対応"])]
    xs = [60, 200, 320, 420]
    head = ["区分", "内容", "件数"]
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    counts = iter(range(11, 99, 7))
    page_rows = [[], []]
    for g, (name, items) in enumerate(groups):
        for k, item in enumerate(items):
            part = 0 if (g < 2 or k == 0) else 1
            page_rows[part].append((name, item, str(next(counts)), k))
    for part, rows in enumerate(page_rows):
        c.setFont(font, 9)
        c.drawCentredString(297, 40, f"- {5 + part} -")
        c.setFont(font, BODY)
        if part == 0:
            c.drawString(60, 780, "表2　支援の実績")
        top = 760
        h = 20
        y = top
        c.line(xs[0], y, xs[-1], y)
        for k, t in enumerate(head):
            c.drawString(xs[k] + 4, y - 14, t)
        y -= h
        c.line(xs[0], y, xs[-1], y)
        start = y
        for i, (name, item, n, _k) in enumerate(rows):
            c.drawString(xs[1] + 4, y - 14, item)
            c.drawString(xs[2] + 4, y - 14, n)
            nxt = rows[i + 1][0] if i + 1 < len(rows) else None
            y -= h
            c.line(xs[1], y, xs[-1], y)
            if nxt != name:  # the group's merged cell ends here: its name in the middle of its rows
                c.line(xs[0], y, xs[1], y)
                c.drawString(xs[0] + 4, (start + y) / 2 - 4, name if part == 0 or _k > 0 or i > 0 else "")
                start = y
        for x in xs:
            c.line(x, top, x, y)
        c.showPage()
    c.save()
    return path


def test_merged_group_cells_name_every_row_across_the_page_break(tmp_path):
    pages = read_document(_merged_pdf(tmp_path / "merged.pdf"))
    tables = [u for u in build_units(pages) if u.kind == "table"]
    assert len(tables) == 1
    grid = tables[0].grid
    body = {(r[0], r[1]) for r in grid[1:]}
    assert body == {("相談支援", "面談"), ("相談支援", "電話"), ("相談支援", "訪問"), ("住まい探し", "同行"),
                    ("住まい探し", "内覧"), ("見守り", "安否確認"), ("見守り", "訪問"), ("見守り", "緊急対応")}


def test_an_exponent_after_a_letter_and_small_text_beside_a_heading_are_text():
    unit = _chars("延床面積1,200m", 100, 200, 10.5)
    exp = _raised("2", unit)
    chars = unit + exp + _chars("の住宅", exp[-1]["x1"] + 0.2, 200, 10.5)
    assert without_reference_marks(chars) == chars  # m²: a unit, not a note's mark
    head = _chars("申込期限", 100, 200, 24.0)
    small = _chars("10月31日", head[-1]["x1"] + 0.5, 206.0, 12.0)  # smaller, set level with the heading's middle
    assert without_reference_marks(head + small) == head + small


class _Row:
    def __init__(self, cells: list, top: float, bottom: float):
        self.cells, self.bbox = cells, (0.0, top, 300.0, bottom)


class _Table:
    """pdfplumber's view of a ruled table: the text of each cell, and each row's cell boxes (None: covered by a
    cell merged from above or from the left)."""

    def __init__(self, texts: list[list], boxes: list[list], tops: list[float]):
        self.texts = texts
        self.rows = [_Row(b, t, t + 20.0) for b, t in zip(boxes, tops, strict=True)]

    def extract(self) -> list[list]:
        return self.texts


def test_a_merged_group_name_fills_its_rows_but_a_merged_figure_does_not():
    from ingest.pdf import merged_rows

    tops = [0.0, 20.0, 40.0, 60.0]
    texts = [["事業", "内容", "予算額"], ["相談支援", "面談", "12,000"], [None, "電話", None], [None, "訪問", None]]
    boxes = [[(0, 0, 100, 20), (100, 0, 200, 20), (200, 0, 300, 20)],
             [(0, 20, 100, 80), (100, 20, 200, 40), (200, 20, 300, 80)],
             [None, (100, 40, 200, 60), None], [None, (100, 60, 200, 80), None]]
    rows, open_spans = merged_rows(_Table(texts, boxes, tops))
    assert [r[0] for r in rows[1:]] == ["相談支援"] * 3  # the group's name, in every row it spans
    assert [r[2] for r in rows[1:]] == ["12,000", "", ""]  # a group total stays one figure
    assert open_spans == {0: "相談支援"}  # the group reaches the table's foot: it may go on overleaf


def test_a_bare_number_opening_a_line_is_a_note_only_where_it_was_printed_raised():
    from ingest.clean import FOOT_MARK

    for line in ("12　第2章 現状と課題", "3 / 16", "0 10 20 30"):  # a footer, a page count, a chart's ticks
        assert not FOOT_MARK.match(line)
    assert FOOT_MARK.match("3) 協議会の構成員をいう。")


def _list_pdf(path: Path) -> Path:
    font = _register()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 9)
    c.drawCentredString(297, 40, "- 8 -")
    _marked_line(c, font, 60, 760, ["点検に当たっては、次の4つの項目を確認した", "4", "。"])
    for k, item in enumerate(["①申請書の記載が要件を満たしているか。", "②経費の支出が規程に従っているか。",
                              "③報告が期限までに提出されているか。"], start=1):
        _marked_line(c, font, 60, 760 - 18 * k, [item])
    c.line(60, 132, 200, 132)
    _note(c, font, 116, "4", "項目は前年度の点検結果を踏まえて定めた。")
    c.showPage()
    c.setFont(font, 9)
    c.drawCentredString(297, 40, "- 9 -")
    _marked_line(c, font, 60, 760, ["④改善の指示が記録されているか。"])
    _marked_line(c, font, 60, 742, ["点検は令和7年10月に実施した。"])
    c.showPage()
    c.save()
    return path


def test_a_numbered_list_going_on_overleaf_is_not_cut_by_the_pages_notes(tmp_path):
    pages = read_document(_list_pdf(tmp_path / "list.pdf"))
    text = "".join(squash(c.text) for c in chunk_units(build_units(pages), "a", "a", 200, 900)).replace("\n", "")
    items = squash("③報告が期限までに提出されているか。④改善の指示が記録されているか。")
    note = squash("項目は前年度の点検結果を踏まえて定めた。")
    assert items in text  # ③ and ④ read together, though ③ ends the page above its note
    assert note in text and text.index(note) > text.index(items)
