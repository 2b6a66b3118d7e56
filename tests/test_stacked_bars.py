"""Stacked bar charts read back as the grid they draw (ingest/stacked_bars.py): real PDFs drawn with reportlab in
layouts of their own (legend under the chart, shares with a ％ sign, no n=, a thin segment's share over it), and
look-alikes that must stay text."""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.pdf import Table, read_pdf
from tests.docgen.fonts import GOTHIC, register

COLOURS = [(0.15, 0.3, 0.6), (0.45, 0.6, 0.85), (0.85, 0.6, 0.2), (0.6, 0.6, 0.6)]
ANSWERS = ["満足", "やや満足", "やや不満", "不満"]
BARS = [("相談窓口の対応", (40.0, 35.0, 20.0, 5.0)), ("入居後の見守り", (22.5, 47.5, 27.0, 3.0)),
        ("家賃債務保証", (10.0, 30.0, 42.0, 18.0))]


def _draw(path: Path, legend: bool = True, gap: float = 0.0, colours=COLOURS, counts: bool = False,
          gridlines: bool = False, two_lines: bool = False) -> None:
    register()
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 80, "図2　支援メニュー別の満足度")
    x0, width, bar_h = 170.0, 320.0, 16.0
    for i, (name, shares) in enumerate(BARS):
        top = h - 120 - i * 34
        c.setFont(GOTHIC, 8)
        c.setFillGray(0)
        if two_lines:  # a right-aligned name on two lines, the lower one longer
            c.drawRightString(x0 - 6, top - 6, name[:3])
            c.drawRightString(x0 - 6, top - bar_h + 1, name[3:] + "について")
        else:
            c.drawRightString(x0 - 6, top - bar_h + 5, name)
        if counts:
            c.drawString(x0 + width + 6, top - bar_h + 5, f"n={40 + i}")
        x = x0
        for k, v in enumerate(shares):
            w = width * v / 100
            c.setFillColorRGB(*colours[k])
            c.rect(x, top - bar_h, w - gap, bar_h, fill=1, stroke=0)
            c.setFillGray(0)
            label = f"{v:.1f}％"
            if w > 30:
                c.drawCentredString(x + w / 2, top - bar_h + 5, label)
            else:  # a thin segment: its share over the bar
                c.drawCentredString(x + w / 2, top + 3, label)
            x += w
    if gridlines:  # dashed gridlines across the bars, as a spreadsheet draws them
        c.setDash(2, 2)
        for k in range(5):
            gx = x0 + width * k / 4
            c.line(gx, h - 120 + 4, gx, h - 120 - len(BARS) * 34 + 10)
        c.setDash()
    if legend:  # under the chart this time
        ly = h - 120 - len(BARS) * 34 - 10
        lx = x0
        for k, name in enumerate(ANSWERS):
            c.setFillColorRGB(*COLOURS[k])
            c.rect(lx, ly, 8, 8, fill=1, stroke=0)
            c.setFillGray(0)
            c.drawString(lx + 11, ly + 1, name)
            lx += 80
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 330, "満足度は前年度より上がりました。")
    c.save()


def _grids(path: Path) -> list[list[list[str]]]:
    return [b.rows for p in read_pdf(path) for b in p.blocks if isinstance(b, Table)]


def test_each_share_is_read_under_its_answer_for_its_bar(tmp_path):
    path = tmp_path / "stacked.pdf"
    _draw(path)
    grids = _grids(path)
    assert len(grids) == 1
    head, *rows = grids[0]
    assert [h.rstrip("（％）") for h in head[1:]] == ANSWERS
    want = {name: [f"{v:.1f}％" for v in shares] for name, shares in BARS}
    assert {r[0]: r[1:] for r in rows} == want


def test_the_chart_labels_do_not_stay_in_the_text(tmp_path):
    path = tmp_path / "stacked.pdf"
    _draw(path)
    pages = read_pdf(path)
    text = "\n".join(b.text for p in pages for b in p.blocks if not isinstance(b, Table))
    assert "満足度は前年度より上がりました" in text.replace(" ", "")
    assert "42.0％" not in text and "入居後の見守り" not in text


def test_without_a_legend_or_with_unnamed_colours_nothing_is_guessed(tmp_path):
    def named(path: Path) -> list:
        return [g for g in _grids(path) if any(r and r[0] in dict(BARS) for r in g)]

    path = tmp_path / "nolegend.pdf"
    _draw(path, legend=False)
    assert named(path) == []
    path = tmp_path / "apart.pdf"
    _draw(path, gap=3.0)  # segments apart: boxes side by side, not one bar
    assert named(path) == []
    path = tmp_path / "unnamed.pdf"
    _draw(path, colours=[*COLOURS[:3], (0.9, 0.1, 0.1)])  # the legend's keys are drawn in COLOURS: one is not
    assert named(path) == []


def test_a_legend_under_the_bars_and_counts_right_of_them(tmp_path):
    # the thinnest segment (3.0％) is as small as a legend key: it must not be taken for one, nor n= for a name
    path = tmp_path / "counted.pdf"
    _draw(path, counts=True, gridlines=True)
    grids = _grids(path)
    assert len(grids) == 1  # the gridlines' "table" of share fragments is gone
    head, *rows = grids[0]
    assert [h.rstrip("（％）") for h in head[1:-1]] == ANSWERS and head[-1] == "n"
    assert [r[-1] for r in rows] == ["n=40", "n=41", "n=42"]
    assert rows[1][:5] == ["入居後の見守り", "22.5％", "47.5％", "27.0％", "3.0％"]


def test_a_name_on_two_lines_reads_line_by_line(tmp_path):
    path = tmp_path / "two_lines.pdf"
    _draw(path, two_lines=True)
    names = [r[0].replace(" ", "") for r in _grids(path)[0][1:]]
    assert names == [n + "について" for n, _s in BARS]


def test_a_heat_map_of_banded_cells_is_not_a_stacked_bar(tmp_path):
    # rows of touching cells coloured by band (three colours, repeated along a row), with a legend of the bands
    register()
    path = tmp_path / "heat.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    bands = [(0.9, 0.9, 0.6), (0.6, 0.8, 0.6), (0.3, 0.6, 0.3)]
    values = [[25, 33, 81, 47, 12, 66], [52, 18, 71, 29, 64, 35], [44, 83, 21, 58, 37, 76]]
    c.setFont(GOTHIC, 8)
    for i, row in enumerate(values):
        top = h - 120 - i * 20
        c.setFillGray(0)
        c.drawRightString(114, top - 12, f"市町村{i + 1}")
        for j, v in enumerate(row):
            c.setFillColorRGB(*bands[0 if v < 30 else 1 if v < 60 else 2])
            c.rect(120 + j * 50, top - 18, 50, 18, fill=1, stroke=0)
            c.setFillGray(0)
            c.drawCentredString(145 + j * 50, top - 12, str(v))
    for k, name in enumerate(["30％未満", "30～60％", "60％以上"]):
        c.setFillColorRGB(*bands[k])
        c.rect(120 + k * 90, h - 200, 8, 8, fill=1, stroke=0)
        c.setFillGray(0)
        c.drawString(131 + k * 90, h - 199, name)
    c.save()
    assert not any(g and g[0][1:] == ["30％未満", "30～60％", "60％以上"] for g in _grids(path))
