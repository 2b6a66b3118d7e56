"""Ruled boxes that are no tables: a heading printed on a band beside a coloured marker (two cells, one with
text), and the steps of a flow chart drawn as one-row grids (「STEP1 | 庁内の検討体制をつくる」). Read as tables they
took the document's section headings away (no chunk had a section path) and cut a flow chart into chunks of a few
words; read as the lines they print they are headings and text like any other."""

from __future__ import annotations

from pathlib import Path

from ingest.chunk import boxed_line, chunk_units
from ingest.pdf import Table, read_document
from ingest.structure import Unit, build_units
from tests.pdfgen import japanese_font


def _unit(grid: list[list[str]], title: str = "") -> Unit:
    return Unit(kind="table", text="", section="s", section_title="s", pages=["1"], page_indices=[0],
                grid=grid, title=title)


def test_a_one_row_grid_is_read_as_its_line():
    line = boxed_line(_unit([["STEP2", "地域の\n課題を把握する"]], title="図1　設立までの流れ"))
    assert line is not None and line.kind == "text" and not line.grid
    assert line.text.splitlines() == ["図1　設立までの流れ", "STEP2\u3000地域の課題を把握する"]


def test_a_grid_of_two_rows_stays_a_table():
    assert boxed_line(_unit([["区分", "件数"], ["高齢者", "12件"]])) is None
    assert boxed_line(_unit([["", ""]])) is None  # nothing to read


def _band(c, font: str, y: float, text: str) -> None:
    """A heading on a band: a filled square marker cell, then the heading's cell, both ruled."""
    c.setLineWidth(0.6)
    c.setFillGray(0.4)
    c.rect(50, y, 14, 18, stroke=1, fill=1)
    c.setFillGray(1.0)
    c.rect(64, y, 300, 18, stroke=1, fill=0)
    c.setFillGray(0.0)
    c.setFont(font, 12)
    c.drawString(70, y + 5, text)


def _prose(c, font: str, y: float, lines: list[str]) -> None:
    c.setFont(font, 10)
    for k, text in enumerate(lines):
        c.drawString(50, y - 15 * k, text)


def test_headings_on_bands_give_the_text_under_them_its_section(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = japanese_font()
    path = tmp_path / "bands.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    _band(c, font, 760, "1.　協議会の概要")
    _prose(c, font, 740, ["協議会は平成30年に設立され、構成団体は52団体です。", "事務局は県の住宅課に置いています。"])
    _band(c, font, 680, "2.　今後の課題")
    _prose(c, font, 660, ["町村部での設置を進めることが課題です。", "入居後の見守りの仕組みも広げます。"])
    c.showPage()
    c.save()
    pages = read_document(path)
    assert not [b for b in pages[0].blocks if isinstance(b, Table)]
    chunks = chunk_units(build_units(pages), "bands", "bands")
    where = {s: c.section_path for c in chunks for s in ("構成団体は52団体", "町村部での設置") if s in c.text}
    assert where["構成団体は52団体"][-1].endswith("協議会の概要")
    assert where["町村部での設置"][-1].endswith("今後の課題")


def test_the_steps_of_a_flow_chart_are_read_together(tmp_path: Path):
    from reportlab.pdfgen import canvas

    font = japanese_font()
    path = tmp_path / "flow.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 10)
    c.drawString(50, 780, "設立までの流れを次の3つの段階に整理しました。")
    steps = ["庁内の検討体制をつくる", "構成団体に参加を呼びかける", "設立総会を開く"]
    y = 740
    for n, step in enumerate(steps, start=1):
        c.setLineWidth(0.6)
        c.rect(50, y, 60, 20, stroke=1, fill=0)
        c.rect(110, y, 250, 20, stroke=1, fill=0)
        c.setFont(font, 10)
        c.drawString(56, y + 6, f"STEP{n}")
        c.drawString(116, y + 6, step)
        c.drawString(380, y + 6, f"目安：{n}か月")
        y -= 40
    c.showPage()
    c.save()
    chunks = chunk_units(build_units(read_document(path)), "flow", "flow")
    together = [c for c in chunks if all(s in c.text.replace("\u3000", "") for s in steps)]
    assert len(together) == 1 and together[0].kind == "text"
    text = together[0].text
    assert text.index("STEP1") < text.index(steps[0]) < text.index("STEP2") < text.index("STEP3")
