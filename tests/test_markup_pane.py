"""A Word draft printed with its markup: highlighted runs inside the body's lines, a shaded markup pane at the
right with comment balloons, and dashed lines from a commented word to its balloon. The body reads as prose, the
balloons as their own lines."""

from __future__ import annotations

from pathlib import Path

from ingest.pdf import Line, Table, is_marked_run, read_document
from tests.pdfgen import japanese_font


def _draft(path: Path) -> None:
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFillGray(0.94)
    c.rect(400, 0, 195, 842, stroke=0, fill=1)  # the markup pane, the page's whole height
    size = 9.0
    y = 760
    c.setFont(font, 12)
    c.setFillGray(0.1)
    c.drawString(40, y, "2　県内の現状")
    heading_end = 40 + c.stringWidth("2　県内の現状", font, 12)
    c.setDash(1.5, 1.5)
    c.setStrokeColorRGB(0.5, 0.5, 0.5)
    c.line(heading_end + 2, y - 3, 400, y - 3)  # to the pane, level with a balloon's line
    c.setDash()
    c.setFont(font, 7)
    c.drawString(411, y + 10, "コメント [早川1]: 見出しの書式を変更し")
    c.drawString(411, y, "ました。")
    y -= 20
    # a line whose middle run is highlighted character by character (a tracked insertion / a commented range)
    before, marked, after = "本プログラムの期間は、令和9年度から", "令和11年度までの3年間", "とする。"
    c.setFont(font, size)
    x = 40.0
    c.drawString(x, y, before)
    x += c.stringWidth(before, font, size)
    for ch in marked:
        w = c.stringWidth(ch, font, size)
        c.setFillColorRGB(0.93, 0.85, 0.97)
        c.rect(x, y - 2.5, w, size + 2.5, stroke=0, fill=1)
        c.setFillColorRGB(0.72, 0.08, 0.1)
        c.drawString(x, y, ch)
        x += w
    c.setFillGray(0.1)
    c.drawString(x, y, after)
    c.showPage()
    c.save()


def test_a_highlighted_run_stays_in_its_line_and_a_balloon_stays_out_of_the_body(tmp_path: Path):
    path = tmp_path / "draft.pdf"
    _draft(path)
    page = read_document(path)[0]
    assert not [b for b in page.blocks if isinstance(b, Table)]  # the shaded characters are no table
    lines = [b.text.replace(" ", "") for b in page.blocks if isinstance(b, Line)]
    assert "本プログラムの期間は、令和9年度から令和11年度までの3年間とする。" in lines
    assert "2　県内の現状" in lines  # the dashed line to the pane ties no balloon text to the heading
    assert not any("県内の現状" in t and "ました" in t for t in lines)


def test_a_grid_of_single_characters_is_a_table_when_its_line_does_not_go_on():
    def char(text: str, x0: float) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + 9, "top": 100.0, "bottom": 109.0, "size": 9.0}

    cells = [["令", "和", "1", "1", "年"]]
    inside = [char(t, 100 + 9 * i) for i, t in enumerate("令和11年")]
    bbox = (100.0, 98.0, 145.0, 111.0)
    assert is_marked_run(cells, bbox, [char("期", 91.0), *inside])  # the line goes on before the grid
    assert not is_marked_run(cells, bbox, inside)  # a one-line grid alone: a table of its own
    assert not is_marked_run([["区分", "件数", "割合"]], bbox, [char("期", 91.0), *inside])  # cells of words
