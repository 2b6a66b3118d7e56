"""Two things printed over or into a line that are not its text: furigana over kanji (やさしい日本語 guides) and black
boxes over withheld words (partly disclosed records). Pages drawn here with our own text."""

from __future__ import annotations

from pathlib import Path

from ingest.clean import squash
from ingest.redactions import withheld_boxes
from ingest.ruby import ruby_chars
from tests.pdfgen import japanese_font

# phrases of a guide, each word with its reading ("" for kana); lines break between phrases
GUIDE = [[("家", "いえ"), ("を", ""), ("探", "さが"), ("して", ""), ("いる", ""), ("人", "ひと"), ("は", ""), ("、", "")],
         [("市役所", "しやくしょ"), ("の", ""), ("窓口", "まどぐち"), ("に", ""), ("相談", "そうだん"), ("して", ""),
          ("ください。", "")],
         [("相談", "そうだん"), ("は", ""), ("無料", "むりょう"), ("です。", ""), ("毎週", "まいしゅう"),
          ("火曜日", "かようび"), ("に", "")],
         [("通訳", "つうやく"), ("が", ""), ("います。", "")]]
CELLS = [[("窓口", "まどぐち"), ("電話", "でんわ")], [("住宅課", "じゅうたくか"), ("0123-45-6789", "")],
         [("福祉課", "ふくしか"), ("0123-45-6790", "")]]


def _guide_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont(font, 16)
    c.drawString(60, height - 70, "すまいの しおり")
    y = height - 120
    for line in GUIDE:
        x = 60
        for base, reading in line:
            bw = c.stringWidth(base, font, 12)
            c.setFont(font, 12)
            c.drawString(x, y, base)
            if reading:  # half-size kana centred over the word
                c.setFont(font, 6)
                c.drawString(x + (bw - c.stringWidth(reading, font, 6)) / 2, y + 12, reading)
            x += bw + 6
        y -= 30
    top = y - 10
    for r, row in enumerate(CELLS):
        for k, (base, reading) in enumerate(row):
            x0, yy = 60 + 150 * k, top - 30 * r
            c.rect(x0, yy - 30, 150, 30)
            c.setFont(font, 11)
            c.drawString(x0 + 8, yy - 22, base)
            if reading:
                bw = c.stringWidth(base, font, 11)
                c.setFont(font, 5.5)
                c.drawString(x0 + 8 + (bw - c.stringWidth(reading, font, 5.5)) / 2, yy - 11, reading)
    c.setFont(font, 9)
    c.drawCentredString(width / 2, 30, "- 1 -")
    c.save()
    return path


RECORD = [["令和7年9月4日、", None, "市の住宅担当と打合せを行った。"],
          ["出席者は県住宅課の", None, "主査と市の担当者2名である。"],
          ["市からは、準備会を10月中に立ち上げたいとの説明があった。"],
          ["相談者の", None, "氏の事案については、", None, "として扱う。"],
          ["次回の打合せは11月上旬に行う予定である。"]]


def _record_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont(font, 14)
    c.drawString(60, height - 80, "打合せ記録")
    y = height - 120
    for parts in RECORD:
        x = 60
        for p in parts:
            if p is None:  # a withheld name: a black box the width of four characters
                c.rect(x, y - 3, 48, 14, fill=1)
                x += 50
            else:
                c.setFont(font, 10.5)
                c.drawString(x, y, p)
                x += c.stringWidth(p, font, 10.5) + 2
        y -= 20
    c.save()
    return path


def _chunks(pdf: Path):
    from ingest.chunk import chunk_units
    from ingest.pdf import read_document
    from ingest.structure import build_units

    return chunk_units(build_units(read_document(pdf)), "d", "d")


def test_furigana_is_not_read_into_the_sentences_nor_into_table_cells(tmp_path):
    chunks = _chunks(_guide_pdf(tmp_path / "guide.pdf"))
    text = squash("".join(c.text for c in chunks))
    body = squash("".join(base for line in GUIDE for base, _ in line))
    for sentence in body.split("。")[:-1]:
        assert sentence in text, sentence
    for reading in {r for line in GUIDE for _, r in line if len(r) >= 3}:
        assert reading not in text, reading
    grid = next(c.grid for c in chunks if c.grid)
    assert [[squash(x) for x in row] for row in grid] == [[squash(b) for b, _ in row] for row in CELLS]


def test_a_line_with_withheld_words_is_one_line_even_where_boxes_stand_one_above_the_other(tmp_path):
    text = squash("".join(c.text for c in _chunks(_record_pdf(tmp_path / "record.pdf"))))
    lines = [squash("".join(p for p in parts if p)) for parts in RECORD]
    at = 0
    for line in lines:  # every line whole and in the order printed
        found = text.find(line, at)
        assert found >= 0, line
        at = found + len(line)


def _char(text: str, x0: float, top: float, size: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size, "upright": True}


def test_only_kana_set_small_right_over_kanji_is_ruby():
    base = [_char(ch, 100 + 12 * i, 100, 12) for i, ch in enumerate("窓口")]
    reading = [_char(ch, 103 + 6 * i, 93, 6) for i, ch in enumerate("まどぐち")]
    assert ruby_chars(base + reading) == {id(c) for c in reading}
    # a small note with a kanji in it, the same place: a note, not a reading
    note = [_char(ch, 103 + 6 * i, 93, 6) for i, ch in enumerate("※注記")]
    assert ruby_chars(base + note) == set()
    # small kana far above the line (a caption of its own): not a reading
    far = [_char(ch, 103 + 6 * i, 60, 6) for i, ch in enumerate("まどぐち")]
    assert ruby_chars(base + far) == set()
    # kana over kana: nothing to read there
    kana = [_char(ch, 100 + 12 * i, 100, 12) for i, ch in enumerate("まど")]
    assert ruby_chars(kana + reading) == set()


def test_a_filled_box_counts_as_withheld_only_inside_a_line_of_text():
    line = [_char(ch, 100 + 10 * i, 100, 10) for i, ch in enumerate("県住宅課の")]
    after = [_char(ch, 200 + 10 * i, 100, 10) for i, ch in enumerate("主査")]
    box = {"x0": 152.0, "x1": 196.0, "top": 98.0, "bottom": 112.0, "fill": True}
    assert withheld_boxes([box], line + after, []) == [(152.0, 98.0, 196.0, 112.0)]
    assert withheld_boxes([dict(box, fill=False)], line + after, []) == []  # a frame, not a box of ink
    assert withheld_boxes([box], line + after, [(90.0, 90.0, 300.0, 120.0)]) == []  # inside a table: its cell
    behind = [_char(ch, 160 + 10 * i, 100, 10) for i, ch in enumerate("強調")]  # a marker behind words
    assert withheld_boxes([box], line + behind, []) == []
    tall = dict(box, top=60.0, bottom=140.0)  # a panel, not one line high
    assert withheld_boxes([tall], line + after, []) == []
