"""Line charts and pies read back as the grids they draw (ingest/line_charts.py, ingest/pie_charts.py), and the
answers that read such grids and budget tables (BLIND33: a monthly line chart, two pies side by side, a 款｜項
budget). Checked on charts and tables drawn here, in other words and figures:

- a line chart's data labels go to the category under them and the series whose point is nearest, named by the
  legend key of the same colour; a chart without data labels, and a table's rules drawn cell by cell, are no chart;
- a pie's labels pair with the name beside or above them, each pie keeps its own (a leader line or a rule between
  two figures decides), the total in a donut's hole is no slice, and each figure keeps its own caption;
- a superlative never ranks rows counting different things (件 / 人 / 回 in one column);
- a 款｜項 budget names rows by their 項, a group's subtotal by its group; 「…事務費の合計」 reads 事務費 計.
"""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.compose import extreme_cell, row_labels, table_lookup
from app.query import analyze
from app.retrieve import Hit
from ingest.line_charts import polylines, read_line_chart
from ingest.pdf import Table, read_pdf
from tests.docgen.fonts import GOTHIC, register

YEARS = ["令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度"]
VISITS = [152, 188, 231, 204, 276]  # series A (blue), drawn with labels above its points
MOVES = [61, 70, 58, 93, 88]  # series B (orange), labels under its points; the lines never cross here


def _line_chart_pdf(path: Path, labels: bool = True) -> None:
    register()
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 70, "図4　訪問相談と入居支援の件数の推移")
    c.setFont(GOTHIC, 7)
    c.drawString(62, h - 100, "（件）")
    x0, y0, y1 = 110, h - 300, h - 110
    for k, tick in enumerate(("0", "100", "200", "300")):
        y = y0 + k * (y1 - y0) / 3
        c.setStrokeGray(0.85)
        c.line(x0, y, 500, y)
        c.drawRightString(x0 - 4, y - 3, tick)
    legend = [("訪問相談", (0.1, 0.3, 0.8)), ("入居支援", (0.9, 0.5, 0.1))]
    for k, (name, colour) in enumerate(legend):  # key line, then the name
        c.setStrokeColorRGB(*colour)
        c.setLineWidth(1.5)
        c.line(330 + 90 * k, h - 85, 348 + 90 * k, h - 85)
        c.setFillGray(0)
        c.drawString(352 + 90 * k, h - 88, name)
    for series, (_name, colour), above in ((VISITS, legend[0], True), (MOVES, legend[1], False)):
        pts = [(140 + 80 * i, y0 + v / 300 * (y1 - y0)) for i, v in enumerate(series)]
        c.setStrokeColorRGB(*colour)
        c.setLineWidth(1.5)
        for a, b in zip(pts, pts[1:], strict=False):
            c.line(a[0], a[1], b[0], b[1])
        c.setFillGray(0)
        if labels:
            for (x, y), v in zip(pts, series, strict=True):
                c.drawCentredString(x, y + 5 if above else y - 10, str(v))
    for i, year in enumerate(YEARS):
        c.drawCentredString(140 + 80 * i, y0 - 12, year)
    c.setFont(GOTHIC, 10)
    c.drawString(60, y0 - 40, "訪問相談は令和6年度に最も多くなりました。")
    c.save()


def test_a_line_chart_reads_as_a_grid_named_by_its_legend(tmp_path):
    path = Path(tmp_path) / "line.pdf"
    _line_chart_pdf(path)
    blocks = read_pdf(path)[0].blocks
    grids = [b.rows for b in blocks if isinstance(b, Table)]
    assert len(grids) == 1
    grid = grids[0]
    order = [grid[0].index("訪問相談"), grid[0].index("入居支援")]
    rows = {r[0]: [r[k] for k in order] for r in grid[1:]}
    # each figure under its year and in its series' column, with the axis unit (件)
    assert rows["令和4年度"] == ["231件", "58件"] and rows["令和6年度"] == ["276件", "88件"]
    # the labels are no longer loose text, the sentence under the chart is
    text = " ".join(b.text for b in blocks if not isinstance(b, Table))
    assert "276" not in text and "訪問相談は令和6年度に最も多く" in text


def test_a_line_chart_without_data_labels_stays_as_it_is(tmp_path):
    path = Path(tmp_path) / "bare.pdf"
    _line_chart_pdf(path, labels=False)
    assert not [b for b in read_pdf(path)[0].blocks if isinstance(b, Table)]


def test_level_rules_drawn_cell_by_cell_are_no_series():
    def seg(x0, y0, x1, y1):
        return {"pts": [(x0, y0), (x1, y1)], "stroking_color": (0, 0, 0), "x0": x0, "x1": x1,
                "top": min(y0, y1), "bottom": max(y0, y1)}
    rule = [seg(100 + 50 * k, 300, 150 + 50 * k, 300) for k in range(6)]  # a table's row rule
    data = [seg(100, 300, 150, 280), seg(150, 280, 200, 290), seg(200, 290, 250, 260)]
    found = polylines([*rule, *data], [])
    assert len(found) == 1 and len(found[0][1]) == 4
    # two series but no legend to tell them apart: not guessed
    two = [((0.0,), [(100.0, 300.0), (150.0, 280.0), (200.0, 290.0), (250.0, 260.0)]),
           ((1.0,), [(100.0, 330.0), (150.0, 320.0), (200.0, 335.0), (250.0, 310.0)])]
    words = [{"text": t, "x0": x - 8, "x1": x + 8, "top": y - 12, "bottom": y - 4}
             for s in two for (x, y), t in zip(s[1], ("1", "2", "3", "4"), strict=True)]
    words += [{"text": f"{m}月", "x0": x - 8, "x1": x + 8, "top": 345, "bottom": 353}
              for m, x in zip((4, 5, 6, 7), (100, 150, 200, 250), strict=True)]
    assert read_line_chart(two, words, [], []) is None


def _pie_pdf(path: Path) -> None:
    register()
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 70, "図5　入居者の年代（n=120）")
    c.drawString(320, h - 70, "図6　住まいの種類（n=120）")
    c.setStrokeGray(0.7)
    c.line(305, h - 65, 305, h - 260)  # a rule between the two figures
    colours = [(0.1, 0.3, 0.6), (0.3, 0.6, 0.8), (0.9, 0.6, 0.2), (0.7, 0.7, 0.7)]
    # pie 1: labels left and right of it, name over value
    slices = [("65歳以上", "54人（45.0％）"), ("40～64歳", "38人（31.7％）"), ("39歳以下", "20人（16.7％）"), ("不明", "8人（6.7％）")]
    cx, cy, r = 170, h - 160, 50
    start = 90.0
    for (_name, value), colour in zip(slices, colours, strict=True):
        share = float(value.split("（")[1].rstrip("％）"))
        c.setFillColorRGB(*colour)
        c.wedge(cx - r, cy - r, cx + r, cy + r, start, -share * 3.6, stroke=0, fill=1)
        start -= share * 3.6
    c.setFillGray(1)
    c.circle(cx, cy, 20, stroke=0, fill=1)  # a donut: its total in the hole
    c.setFillGray(0)
    c.setFont(GOTHIC, 7)
    c.drawCentredString(cx, cy + 2, "入居者")
    c.drawCentredString(cx, cy - 8, "120人")
    places = [(232, h - 120), (232, h - 205), (70, h - 205), (70, h - 120)]
    for (name, value), (x, y) in zip(slices, places, strict=True):
        c.drawString(x, y, name)
        c.drawString(x, y - 10, value)
    # pie 2: a legend right of it (key square, name, value under the name)
    kinds = [("民間賃貸住宅", "71件（59.2％）"), ("公営住宅", "29件（24.2％）"), ("サービス付き高齢者向け住宅", "20件（16.7％）")]
    cx, cy = 380, h - 160
    start = 90.0
    for (_name, value), colour in zip(kinds, colours, strict=False):
        share = float(value.split("（")[1].rstrip("％）"))
        c.setFillColorRGB(*colour)
        c.wedge(cx - r, cy - r, cx + r, cy + r, start, -share * 3.6, stroke=0, fill=1)
        start -= share * 3.6
    for k, ((name, value), colour) in enumerate(zip(kinds, colours, strict=False)):
        y = h - 120 - 30 * k
        c.setFillColorRGB(*colour)
        c.rect(440, y, 6, 6, stroke=0, fill=1)
        c.setFillGray(0)
        c.drawString(450, y, name)
        c.drawString(450, y - 10, value)
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 290, "民間賃貸住宅への入居が6割近くを占めました。")
    c.save()


def test_two_pies_side_by_side_each_read_with_their_captions(tmp_path):
    from ingest.structure import build_units

    path = Path(tmp_path) / "pie.pdf"
    _pie_pdf(path)
    pages = read_pdf(path)
    grids = [b.rows for b in pages[0].blocks if isinstance(b, Table)]
    assert len(grids) == 2
    first = {r[0]: r[1] for r in grids[0][1:]}
    second = {r[0]: r[1] for r in grids[1][1:]}
    assert first == {"65歳以上": "54人（45.0％）", "40～64歳": "38人（31.7％）", "39歳以下": "20人（16.7％）",
                     "不明": "8人（6.7％）"}  # the hole's 120人 is the total, not a slice
    assert second["公営住宅"] == "29件（24.2％）" and second["サービス付き高齢者向け住宅"] == "20件（16.7％）"
    tables = [u for u in build_units(pages) if u.grid]
    assert [u.title.split("　")[0] for u in tables] == ["図5", "図6"]  # each figure its own caption


def _hit(title: str, grid: list[list[str]], unit: str = "") -> Hit:
    text = "\n".join([title, unit, *("| " + " | ".join(r) + " |" for r in grid)])
    return Hit({"id": title, "doc_id": "d", "doc_title": "かもめ県居住支援協議会 総会資料", "text": text, "grid": grid,
                "unit_title": title, "kind": "table"}, 1.0, 1)


def test_a_superlative_never_ranks_rows_counting_different_things():
    indicators = _hit("表2　センターの実績", [
        ["区分", "令和5年度", "令和6年度"],
        ["相談件数", "802件", "951件"],
        ["相談者数", "344人", "410人"],
        ["出張相談会", "12回", "15回"],
        ["入居件数", "96件", "121件"],
    ])
    assert extreme_cell(analyze("令和6年度にいちばん多かった月はいつですか。"), [indicators]) is None
    months = _hit("図2　月別の相談件数", [["区分", "令和6年度"], *[[f"{m}月", f"{v}件"] for m, v in
                                                              ((4, 61), (5, 70), (6, 93), (7, 88))]])
    got = extreme_cell(analyze("令和6年度に相談がいちばん多かった月は？"), [months])
    assert got is not None and got[3] == "6月"


BUDGET = [
    ["款", "項", "予算額", "決算額", "備考"],
    ["会費収入", "正会員会費", "300,000", "290,000", "30団体"],
    ["会費収入", "計", "300,000", "290,000", ""],
    ["補助金収入", "市補助金", "900,000", "900,000", "かもめ県居住支援協議会補助金"],
    ["補助金収入", "国補助金", "1,500,000", "1,320,000", ""],
    ["補助金収入", "計", "2,400,000", "2,220,000", ""],
    ["収入合計", "", "2,700,000", "2,510,000", ""],
]
SPENDING = [
    ["款", "項", "予算額", "決算額", "備考"],
    ["事業費", "研修費", "500,000", "460,000", ""],
    ["事業費", "広報費", "300,000", "280,500", ""],
    ["事業費", "計", "800,000", "740,500", ""],
    ["事務費", "会議費", "120,000", "98,000", ""],
    ["事務費", "旅費", "80,000", "61,200", ""],
    ["事務費", "計", "200,000", "159,200", ""],
    ["支出合計", "", "1,000,000", "899,700", ""],
]


def test_a_budgets_rows_are_named_by_their_item_and_subtotals_by_their_group():
    assert row_labels(BUDGET)[:3] == ["正会員会費", "会費収入 計", "市補助金"]
    income = _hit("令和7年度 収支決算書（収入の部）", BUDGET, "（単位：円）")
    spending = _hit("令和7年度 収支決算書（支出の部）", SPENDING, "（単位：円）")
    got = table_lookup(analyze("令和7年度決算で、市補助金の決算額はいくらでしたか。"), [income, spending])
    assert got is not None and got[5] == "900,000"
    # the income table's grand total does not answer a question about the 事務費 group's total
    got = table_lookup(analyze("かもめ県居住支援協議会の令和7年度決算で、事務費の決算額の合計はいくら？"), [income, spending])
    assert got is not None and got[5] == "159,200"


def test_a_trend_line_over_columns_leaves_the_columns_grid(tmp_path):
    register()
    path = Path(tmp_path) / "combo.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 80, "図2　相談件数と入居率の推移")
    c.setFont(GOTHIC, 8)
    x0, y0, x1, y1 = 120, h - 270, 460, h - 120
    for k, tick in enumerate(("0", "100", "200", "300")):
        y = y0 + k * (y1 - y0) / 3
        c.line(x0, y, x1, y)
        c.drawRightString(x0 - 4, y - 3, tick)
    c.line(x0, y0, x0, y1)
    c.line(x1, y0, x1, y1)
    counts = (("令和3年度", 120), ("令和4年度", 150), ("令和5年度", 135), ("令和6年度", 180), ("令和7年度", 210))
    pts = []
    for i, (cat, v) in enumerate(counts):
        bx = x0 + 20 + i * 66
        top = y0 + v / 300 * (y1 - y0)
        c.setFillGray(0.6)
        c.rect(bx, y0, 26, top - y0, fill=1, stroke=0)
        c.setFillGray(0)
        c.drawCentredString(bx + 13, top + 3, f"{v}件")
        c.drawCentredString(bx + 13, y0 - 12, cat)
        pts.append((bx + 13, y1 - 20 - 6 * i * (1 if i % 2 else -1)))
    c.setStrokeColorRGB(0.8, 0.1, 0.1)
    for a, b in zip(pts, pts[1:], strict=False):
        c.line(a[0], a[1], b[0], b[1])
    c.save()
    grids = [b.rows for b in read_pdf(path)[0].blocks if isinstance(b, Table)]
    assert ["令和6年度", "180件"] in [r for g in grids for r in g]  # the columns' grid stays


def _combo_pdf(path: Path, inside: bool, dip: bool = False, units: bool = True) -> None:
    """Columns (訪問件数, labels inside or over them) with a labelled line over them (成約率, its own axis on the
    right), a legend of a square key and a line key, each with its unit, and the axes' units beside it."""
    register()
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont(GOTHIC, 10)
    c.drawString(60, h - 70, "図5　訪問件数と成約率の推移")
    c.setFont(GOTHIC, 8)
    x0, y0, x1, y1 = 120, h - 300, 460, h - 130
    c.drawString(x0 - 30, y1 + 18, "（件）")
    c.drawString(x1 + 6, y1 + 18, "（％）")
    c.setFillColorRGB(0.2, 0.3, 0.6)
    c.rect(250, y1 + 17, 8, 8, fill=1, stroke=0)
    c.setFillGray(0)
    c.drawString(262, y1 + 18, "訪問件数（件）" if units else "訪問件数")
    c.setStrokeColorRGB(0.9, 0.4, 0.1)
    c.line(340, y1 + 21, 356, y1 + 21)
    c.drawString(360, y1 + 18, "成約率（％）" if units else "成約率")
    for k, (tick, right) in enumerate((("0", "0"), ("300", "8"), ("600", "16"), ("900", "24"))):
        y = y0 + k * (y1 - y0) / 3
        c.drawRightString(x0 - 4, y - 3, tick)
        c.drawString(x1 + 6, y - 3, right)
    rows = (("令和3年度", 310, "12.5％"), ("令和4年度", 365, "14.0％"), ("令和5年度", 402, "18.2％"),
            ("令和6年度", 455, "5.0％" if dip else "21.7％"))
    pts = []
    for i, (cat, v, rate) in enumerate(rows):
        bx = x0 + 25 + i * 80
        top = y0 + v / 900 * (y1 - y0)
        c.setFillColorRGB(0.2, 0.3, 0.6)
        c.rect(bx, y0, 34, top - y0, fill=1, stroke=0)
        if inside:
            c.setFillGray(1)
            c.drawCentredString(bx + 17, top - 12, f"{v:,}")
        else:
            c.setFillGray(0)
            c.drawCentredString(bx + 17, top + 3, f"{v:,}")
        c.setFillGray(0)
        c.drawCentredString(bx + 17, y0 - 12, cat)
        py = y0 + float(rate.rstrip("％")) / 24 * (y1 - y0)
        pts.append((bx + 17, py))
        c.drawCentredString(bx + 17, py + 6, rate)
    c.setStrokeColorRGB(0.9, 0.4, 0.1)
    for a, b in zip(pts, pts[1:], strict=False):
        c.line(a[0], a[1], b[0], b[1])
    c.save()


def test_a_line_over_columns_reads_as_a_second_column_of_the_same_grid(tmp_path):
    """A 棒グラフ＋折れ線 chart: the column values (in the columns or over them) and the line's point labels, two
    per category, are one grid with a column per legend name; the line's own axis (0 8 16 24, （％）) is no value."""
    for inside in (True, False):
        path = Path(tmp_path) / f"combo-{inside}.pdf"
        _combo_pdf(path, inside)
        page = read_pdf(path)[0]
        grids = [b.rows for b in page.blocks if isinstance(b, Table)]
        assert len(grids) == 1, grids
        assert grids[0][0][1:] == ["訪問件数（件）", "成約率（％）"]
        assert grids[0][1:] == [["令和3年度", "310", "12.5％"], ["令和4年度", "365", "14.0％"],
                                ["令和5年度", "402", "18.2％"], ["令和6年度", "455", "21.7％"]]


def test_a_line_dipping_into_a_column_keeps_each_label_in_its_series(tmp_path):
    """The line's point (5.0％) falls inside the last column, under its own label: the column's labels stand at one
    offset from their columns' tops, the line's do not, so neither is taken for the other; a legend without units
    takes each axis's unit, the line the right one's."""
    for inside in (True, False):
        path = Path(tmp_path) / f"dip-{inside}.pdf"
        _combo_pdf(path, inside, dip=True, units=False)
        grids = [b.rows for b in read_pdf(path)[0].blocks if isinstance(b, Table)]
        assert len(grids) == 1, grids
        assert grids[0][0][1:] == ["訪問件数（件）", "成約率（％）"]
        assert grids[0][-1] == ["令和6年度", "455", "5.0％"]


def test_an_axis_ladder_of_ticks_printed_twice_ends():
    """Tick labels printed twice at nearly the same place (a faked bold) make no ladder step: reading stops."""
    from ingest.charts import _ladder

    def w(text, top):
        return {"text": text, "x0": 10.0, "x1": 20.0, "top": top, "bottom": top + 8}

    ticks = _ladder([w("10", 50.0), w("10", 50.5), w("20", 30.0)], reach=45.0, limit=0.0)
    assert [t["text"] for t in ticks] == ["10", "10"]
    ladder = _ladder([w("0", 100.0), w("300", 80.0), w("600", 60.0), w("900", 40.0), w("7", 5.0)], reach=55.0, limit=20.0)
    assert [t["text"] for t in ladder] == ["900", "600", "300", "0"]  # up the ladder, not past its limit


def test_a_tables_only_total_answers_a_question_about_the_total():
    months = _hit("表4　相談方法別の件数", [["区分", "件数"], ["来所", "62件"], ["電話", "91件"], ["訪問", "24件"],
                                         ["県計", "177件"]])
    got = table_lookup(analyze("相談件数の合計は何件ですか。"), [months])
    assert got is not None and got[5] == "177件"
