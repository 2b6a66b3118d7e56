"""A key figure set large under its label (「事務局の委託料（年額）」 over 「140万円」) is that label's value: it reads on
from the label and opens no box that would part the two. Read from a real PDF of an invented case card."""

from __future__ import annotations

from pathlib import Path

from ingest.pdf import read_document
from ingest.structure import build_units
from tests.pdfgen import japanese_font


def _card(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 16)
    c.drawString(60, 780, "事例　ひばり町・つぐみ村")
    c.setFont(font, 10)
    c.drawString(60, 740, "共同事務局の委託料（年額）")
    c.setFont(font, 34)
    c.drawString(60, 700, "96万円")
    c.setFont(font, 10)
    c.drawString(60, 670, "事務局を居住支援法人に委託し、委託料は2町村で折半しています。")
    c.drawString(60, 655, "相談は両町村の役場で交互に受け付けています。")
    c.save()
    return path


def test_a_key_figure_under_its_label_reads_with_it(tmp_path):
    units = build_units(read_document(_card(tmp_path / "card.pdf")))
    text = [u for u in units if u.kind == "text"]
    holder = next(u for u in text if "96万円" in u.text)
    assert "共同事務局の委託料（年額）" in holder.text  # the figure stands with its label
    assert all("96万円" not in u.section_title for u in units)  # and titles nothing
    after = next(u for u in text if "折半" in u.text)
    assert "ひばり町" in after.section_title  # the card's text stays under the card's own title
