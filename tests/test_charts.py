"""A column chart's printed labels read back as the grid it draws (ingest/charts.py): pure functions over
word boxes, and one real PDF drawn with reportlab."""

from ingest.charts import is_chart_grid, read_bar_chart


def w(text, x0, top, width=20.0, height=8.0):
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + height}


PLOT = (120.0, 140.0, 460.0, 270.0)
CATS = ["令和2年度", "令和3年度", "令和4年度"]
WORDS = [
    w("相談件数（件）", 66, 94, 60),  # the axis title over the ticks
    *[w(t, 95, y) for t, y in (("600", 113), ("400", 160), ("200", 210), ("0", 262))],  # ticks
    *[w(v, 170 + 110 * i, y) for i, (v, y) in enumerate((("118", 240), ("276", 200), ("534", 128)))],  # values
    *[w(c, 160 + 110 * i, 273, 40) for i, c in enumerate(CATS)],  # categories under the bars
    w("年度", 470, 273),  # the x-axis title at the axis's right end
    w("注）令和2年度は1協議会のみ", 62, 300, 200),  # a note under the chart stays text
]


def test_each_value_is_paired_with_the_category_under_its_bar():
    chart = read_bar_chart(WORDS, PLOT)
    assert chart is not None
    assert chart.rows[0] == ["年度", "相談件数（件）"]
    assert chart.rows[1:] == [["令和2年度", "118"], ["令和3年度", "276"], ["令和4年度", "534"]]
    note = WORDS[-1]
    assert (note["x0"], note["top"], note["x1"], note["bottom"]) not in chart.used


def test_a_stacked_or_unlabelled_chart_is_not_guessed():
    two_over_one = [*WORDS, w("99", 172, 250)]  # a second value over the first bar
    assert read_bar_chart(two_over_one, PLOT) is None
    no_values = [x for x in WORDS if x["text"] not in {"118", "276", "534"}]
    assert read_bar_chart(no_values, PLOT) is None


def test_a_chart_grid_is_mostly_empty_cells_and_numbers():
    assert is_chart_grid([["", "", ""], ["802", "", ""], ["", "", ""], ["534", "", ""]])
    assert not is_chart_grid([["区分", "令和5年度"], ["相談件数", "802"]])  # a table of values
    assert not is_chart_grid([["", "", ""], ["注）", "", ""], ["", "", ""], ["", "", ""]])  # words: not a chart


def test_a_drawn_column_chart_becomes_a_table_in_the_pdf(tmp_path):
    from pathlib import Path

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from ingest.pdf import Table, read_pdf
    from tests.docgen.fonts import GOTHIC, register

    register()
    path = Path(tmp_path) / "chart.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 80, "図1　相談件数の推移")
    c.setFont(GOTHIC, 8)
    c.drawString(60, h - 100, "相談件数（件）")
    x0, y0, x1, y1 = 120, h - 270, 460, h - 120
    for k, tick in enumerate(("0", "200", "400", "600")):  # gridlines and ticks
        y = y0 + k * (y1 - y0) / 3
        c.line(x0, y, x1, y)
        c.drawRightString(x0 - 4, y - 3, tick)
    c.line(x0, y0, x0, y1)
    c.line(x1, y0, x1, y1)
    for i, (cat, v) in enumerate((("令和2年度", 118), ("令和3年度", 276), ("令和4年度", 534))):
        bx = x0 + 40 + i * 110
        top = y0 + v / 600 * (y1 - y0)
        c.setFillGray(0.5)
        c.rect(bx, y0, 30, top - y0, fill=1, stroke=0)
        c.setFillGray(0)
        c.drawCentredString(bx + 15, top + 3, str(v))
        c.drawCentredString(bx + 15, y0 - 12, cat)
    c.drawString(x1 + 8, y0 - 12, "年度")
    c.save()
    pages = read_pdf(path)
    grids = [b.rows for b in pages[0].blocks if isinstance(b, Table)]
    assert ["令和4年度", "534"] in [r for g in grids for r in g]
