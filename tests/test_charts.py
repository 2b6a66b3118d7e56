"""A column chart's printed labels read back as the grid it draws (ingest/charts.py): pure functions over
word boxes, and one real PDF drawn with reportlab."""

import pytest

from ingest.charts import column_plots, is_chart_grid, read_bar_chart


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


@pytest.mark.parametrize("gridlines", [True, False])
def test_a_drawn_column_chart_becomes_a_table_in_the_pdf(tmp_path, gridlines):
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
        if gridlines:
            c.line(x0, y, x1, y)
        c.drawRightString(x0 - 4, y - 3, tick)
    if gridlines:
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


def test_columns_without_gridlines_are_found_as_a_plot_and_a_row_of_boxes_is_not():
    def rect(x0, top, x1, bottom):
        return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "fill": True}

    columns = [rect(160 + 110 * i, t, 190 + 110 * i, 270) for i, t in enumerate((250, 210, 140))]
    assert column_plots(columns, WORDS, []) == [(160, 140, 410, 270)]
    chart = read_bar_chart(WORDS, column_plots(columns, WORDS, [])[0])
    assert chart is not None and chart.rows[1:] == [["令和2年度", "118"], ["令和3年度", "276"], ["令和4年度", "534"]]
    boxes = [rect(60 + 150 * i, 400, 200 + 150 * i, 460) for i in range(3)]  # STEP boxes: one height
    assert column_plots(boxes, [], []) == []
    texty = [rect(160 + 110 * i, t, 250 + 110 * i, 270) for i, t in enumerate((200, 180, 160))]  # boxes of text
    words = [w(x, 165 + 110 * i + 25 * j, 230) for i in range(3) for j, x in enumerate(("見守り", "の", "体制"))]
    assert column_plots(texty, words, []) == []
    assert column_plots(columns, WORDS, [(100, 100, 500, 300)]) == []  # inside a table already read


def test_a_horizontal_bar_chart_pairs_each_category_with_the_value_at_its_bars_end():
    plot = (190.0, 505.0, 403.0, 566.0)
    words = [w("住宅部局", 150, 506, 34), w("22人（42.3％）", 407, 506, 63),
             w("福祉部局", 150, 528, 34), w("19人（36.5％）", 377, 528, 64),
             w("企画・防災・その他", 107, 550, 77), w("11人（21.2％）", 301, 550, 63),
             *[w(t, 188 + 50 * i, 571, 9) for i, t in enumerate(("0", "10", "20", "30"))], w("40（％）", 386, 571, 30)]
    chart = read_bar_chart(words, plot)
    assert chart is not None
    assert chart.rows[0] == ["区分", "（％）"]
    assert chart.rows[1:] == [["住宅部局", "22人（42.3％）"], ["福祉部局", "19人（36.5％）"],
                              ["企画・防災・その他", "11人（21.2％）"]]


def test_a_grouped_bar_chart_takes_its_series_from_the_legend():
    plot = (208.0, 288.0, 423.0, 475.0)
    words = [w("令和6年度（n=47）", 222, 262, 75), w("令和7年度（n=52）", 333, 262, 75),
             w("福祉部局との連携体制", 116, 294, 86), w("55.3％", 398, 289, 25), w("61.5％", 419, 301, 25),
             w("担当職員の人手不足", 125, 326, 77), w("63.8％", 427, 321, 24), w("57.7％", 406, 333, 25)]
    grey, blue = (0.6, 0.6, 0.6), (0.2, 0.4, 0.8)

    def rect(x0, top, x1, bottom, colour):
        return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "fill": True, "non_stroking_color": colour}

    keys = [rect(210, 262, 218, 270, grey), rect(321, 262, 329, 270, blue)]  # legend keys left of the names
    # the tool drew each group's 令和7年度 bar ABOVE its 令和6年度 bar: colours, not positions, say which is which
    bars = [rect(208, 287, 417, 299, blue), rect(208, 299, 396, 311, grey),
            rect(208, 319, 425, 331, grey), rect(208, 331, 404, 343, blue)]
    words[3], words[4] = w("61.5％", 419, 289, 25), w("55.3％", 398, 301, 25)
    words[6], words[7] = w("63.8％", 427, 321, 24), w("57.7％", 406, 333, 25)
    chart = read_bar_chart(words, plot, keys + bars)
    assert chart is not None
    assert chart.rows == [["区分", "令和6年度（n=47）", "令和7年度（n=52）"],
                          ["福祉部局との連携体制", "55.3％", "61.5％"], ["担当職員の人手不足", "63.8％", "57.7％"]]
    assert read_bar_chart(words, plot) is None  # no colours to tell the series apart: not guessed by position
    assert read_bar_chart(words[2:], plot, keys + bars) is None  # two bars a category and no legend


def test_side_by_side_bar_charts_do_not_take_each_others_labels():
    left_plot, right_plot = (150.0, 100.0, 260.0, 160.0), (420.0, 100.0, 530.0, 160.0)
    words = [*[w(c, 100, 105 + 20 * i, 40) for i, c in enumerate(("住宅部局", "福祉部局", "その他"))],
             *[w(v, 240, 105 + 20 * i, 25) for i, v in enumerate(("22人", "19人", "11人"))],
             *[w(c, 370, 105 + 20 * i, 40) for i, c in enumerate(("住宅部局", "福祉部局", "その他"))],
             *[w(v, 500, 105 + 20 * i, 25) for i, v in enumerate(("30人", "12人", "9人"))]]
    right = read_bar_chart(words, right_plot)
    assert right is not None and right.rows[1:] == [["住宅部局", "30人"], ["福祉部局", "12人"], ["その他", "9人"]]
    left = read_bar_chart(words, left_plot)
    assert left is not None and left.rows[1:] == [["住宅部局", "22人"], ["福祉部局", "19人"], ["その他", "11人"]]


def test_a_horizontal_charts_value_axis_is_not_read_as_columns():
    plot = (190.0, 100.0, 400.0, 200.0)
    words = [*[w(c, 120, 105 + 20 * i, 60) for i, c in enumerate(("相談対応", "入居支援", "見守り", "研修", "広報"))],
             *[w(v, 200 + 40 * i, 105 + 20 * i, 25) for i, v in enumerate(("3.1%", "22.5%", "41.0%", "58.0%", "75.0%"))],
             *[w(t, 190 + 50 * i, 202, 10) for i, t in enumerate(("0", "20", "40", "60", "80"))]]
    chart = read_bar_chart(words, plot)
    assert chart is not None and chart.rows[1] == ["相談対応", "3.1%"]


def test_a_stacked_bar_of_shares_is_named_by_its_legend():
    from ingest.charts import read_stacked_bar

    words = [w("0％", 62, 158, 12), w("50％", 290, 158, 16), w("100％", 517, 158, 20),
             w("設立済み", 81, 178, 33), w("設立に向けて準備中", 145, 178, 74), w("設立の予定はない", 250, 178, 65)]
    chart = read_stacked_bar(["25.0％", "32.7％", "42.3％"], (68.0, 128.0, 527.0, 154.0), words)
    assert chart is not None
    assert chart.rows == [["区分", "設立済み", "設立に向けて準備中", "設立の予定はない"], ["割合", "25.0％", "32.7％", "42.3％"]]
    assert (62, 158, 74, 166) in chart.used  # the share axis (0％ 50％ 100％) goes with the bar
    assert read_stacked_bar(["25.0％", "32.7％"], (68.0, 128.0, 527.0, 154.0), words) is None  # 2 shares, 3 names


def test_a_grouped_column_chart_takes_its_series_from_the_legend_by_colour():
    # two series of columns over each year; the legend's keys and the columns' fills say which value is which
    orange, teal = (0.9, 0.5, 0.2), (0.1, 0.5, 0.5)

    def rect(x0, top, x1, bottom, colour):
        return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "fill": True, "non_stroking_color": colour}

    plot = (140.0, 120.0, 422.0, 270.0)  # the columns' extent
    legend = [w("相談窓口", 300, 90, 40), w("協議会", 360, 90, 30)]
    keys = [rect(288, 90, 296, 98, teal), rect(348, 90, 356, 98, orange)]
    cats = [w(c, 140 + 120 * i, 274, 40) for i, c in enumerate(["令和5年度", "令和6年度", "令和7年度"])]
    # per year: the orange column drawn first (left), the teal one right of it — the legend lists teal first
    cols, values = [], []
    for i, (a, b) in enumerate([(40, 90), (60, 120), (80, 150)]):
        left = 140 + 120 * i
        cols += [rect(left, 270 - a, left + 20, 270, orange), rect(left + 22, 270 - b, left + 42, 270, teal)]
        values += [w(str(a), left + 2, 270 - a - 10, 16), w(str(b), left + 24, 270 - b - 10, 16)]
    words = [*legend, *cats, *values]
    chart = read_bar_chart(words, plot, keys + cols)
    assert chart is not None
    assert chart.rows == [["区分", "相談窓口", "協議会"], ["令和5年度", "90", "40"], ["令和6年度", "120", "60"],
                          ["令和7年度", "150", "80"]]
    assert read_bar_chart(words, plot) is None  # no colours: two values over a year are not guessed by position
