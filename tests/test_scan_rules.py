"""A scanned page's table: the rules are pixels of the page's picture, the text an invisible OCR layer. The rules
found in the picture make the grid again (ingest/scan_rules.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ingest.pdf import Table, read_document
from ingest.scan_rules import rules
from tests.pdfgen import japanese_font


def _grid_image(width: int, height: int, xs: list[int], ys: list[int], skew: int = 2, faint: int = 200) -> np.ndarray:
    """A white page with a ruled grid: each horizontal rule drifts `skew` pixels across the page, its right half
    fainter (grey `faint`), as a scanner draws them."""
    img = np.full((height, width), 245, dtype=np.uint8)
    for y in ys:
        for x in range(xs[0], xs[-1] + 1):
            img[y + (x - xs[0]) * skew // max(1, xs[-1] - xs[0]), x] = 90 if x < (xs[0] + xs[-1]) // 2 else faint
    for x in xs:
        img[ys[0]:ys[-1] + 1, x] = 100
    return img


def test_faint_skewed_rules_are_found_and_characters_are_not():
    xs, ys = [100, 300, 500], [100, 140, 180, 220]
    img = _grid_image(800, 1100, xs, ys)
    img[150:165, 120:280] = 30  # a run of dark characters inside a cell...
    text = [(117 / 2.0, 147 / 2.0, 283 / 2.0, 168 / 2.0)]  # ...inside boxes the text layer gives (points)
    across, down = rules(img, scale=2.0, text=text)
    assert len(across) == len(ys) and len(down) == len(xs)
    assert all(abs(h["x0"] - 50) <= 1 and abs(h["x1"] - 250) <= 1 for h in across)  # whole width, faint half too
    assert sorted(round(v["x0"]) for v in down) == [50, 150, 250]


def _scanned_pdf(path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = japanese_font()
    scale = 100 / 72
    w, h = 595, 842
    xs, ys = [60, 200, 420], [100, 130, 160, 190]  # points
    img = _grid_image(int(w * scale), int(h * scale), [int(x * scale) for x in xs], [int(y * scale) for y in ys])
    c = canvas.Canvas(str(path), pagesize=(w, h))
    c.drawImage(ImageReader(Image.fromarray(img)), 0, 0, w, h)
    rows = [("区分", "上限額"), ("単独設置", "45万円"), ("共同設置", "80万円")]
    for r, (a, b) in enumerate(rows):
        y = h - ys[r] - 20
        for x, s in ((xs[0] + 6, a), (xs[1] + 6, b)):
            t = c.beginText(x, y)
            t.setTextRenderMode(3)  # invisible: the OCR layer
            t.setFont(font, 10)
            t.textOut(s)
            c.drawText(t)
    c.showPage()
    c.save()


def test_a_scanned_table_reads_as_a_grid(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    _scanned_pdf(path)
    tables = [b for b in read_document(path)[0].blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[cell.replace(" ", "") for cell in r] for r in tables[0].rows] == [
        ["区分", "上限額"], ["単独設置", "45万円"], ["共同設置", "80万円"]]
