"""Tables drawn without lines (ingest/unruled.py): found from aligned columns with figures, and
nothing else is taken for one: prose in two columns, a table of contents, label/value lines, Q/A."""

from ingest.unruled import Piece, find_tables, is_figure

SIZE = 10.0


def row(y: float, *cells: tuple[float, str]) -> list[Piece]:
    """Pieces on one line at height y: (x0, text), width from the text length."""
    return [Piece((x, y, x + len(t) * SIZE, y + SIZE), t, SIZE) for x, t in cells]


def right(x1: float, text: str) -> tuple[float, str]:
    """A right-aligned cell ending at x1."""
    return (x1 - len(text) * SIZE, text)


def test_figures_like_values():
    for t in ["212", "27.4%", "9,412戸", "▲3", "-", "○", "1,240万円", "3協議会"]:
        assert is_figure(t), t
    for t in ["令和6年度", "北部圏域", "4月～6月", "委員18名中15名の出席", "第2章"]:
        assert not is_figure(t), t


def test_table_with_header_and_right_aligned_figures():
    rows = [
        row(100, (60, "圏域"), (200, "相談件数"), (300, "入居件数")),
        row(118, (40, "北部圏域"), right(270, "212"), right(370, "58")),
        row(136, (40, "中央圏域"), right(270, "398"), right(370, "97")),
        row(154, (40, "南部圏域"), right(270, "187"), right(370, "49")),
        row(172, (40, "合計"), right(270, "797"), right(370, "204")),
    ]
    found = find_tables(rows)
    assert len(found) == 1
    t = found[0]
    assert (t.first, t.last) == (0, 4)
    assert t.grid[0] == ["圏域", "相談件数", "入居件数"]
    assert t.grid[1:] == [["北部圏域", "212", "58"], ["中央圏域", "398", "97"], ["南部圏域", "187", "49"],
                          ["合計", "797", "204"]]


def test_prose_before_and_after_stays_out_and_a_wrapped_label_is_one_cell():
    rows = [
        row(60, (40, "参考として、圏域別の件数を示します。")),
        row(100, (40, "区分"), (300, "件数")),
        row(118, (40, "高齢者"), right(330, "381")),
        row(136, (40, "住宅確保要配慮者の"), right(330, "52")),
        row(154, (40, "うち子育て世帯")),
        row(172, (40, "障害者"), right(330, "176")),
        row(220, (40, "高齢者の相談が最も多くなっています。")),
    ]
    found = find_tables(rows)
    assert len(found) == 1
    t = found[0]
    assert (t.first, t.last) == (1, 5)
    assert t.grid == [["区分", "件数"], ["高齢者", "381"], ["住宅確保要配慮者の\nうち子育て世帯", "52"], ["障害者", "176"]]


def test_two_columns_of_prose_are_not_a_table():
    left = ["居住支援協議会は、住宅部局と福祉部局が", "連携して住まいの確保を支える場です。", "設立には規約の作成が必要で、構成員の",
            "選定と事務局の決定から始めます。"]
    right_col = ["県は令和6年度に12件の相談を受け、", "そのうち8件が設立に結びつきました。", "2023年度は5件、2024年度は",
                 "7件の設立がありました。"]
    rows = [row(100 + 18 * i, (40, a), (300, b)) for i, (a, b) in enumerate(zip(left, right_col, strict=True))]
    assert find_tables(rows) == []


def test_a_table_of_contents_without_leaders_is_not_a_table():
    rows = [row(100 + 20 * i, (40, t), right(500, n)) for i, (t, n) in enumerate(
        [("はじめに", "1"), ("第1章　協議会とは", "3"), ("第2章　設立の手順", "7"), ("第3章　運営のポイント", "12"),
         ("資料編", "18")])]
    assert find_tables(rows) == []


def test_label_value_lines_and_qa_are_not_tables():
    labels = [row(100, (40, "日時"), (120, "令和7年2月18日（火）14時00分")),
              row(118, (40, "場所"), (120, "県庁西庁舎5階 大会議室")),
              row(136, (40, "出席者"), (120, "委員18名中15名"))]
    assert find_tables(labels) == []
    qa = [row(100, (40, "Q1．協議会の設立に費用はかかりますか。")), row(118, (40, "A．規約の作成などに少額の費用がかかります。")),
          row(136, (40, "Q2．構成員は何人必要ですか。")), row(154, (40, "A．決まりはありませんが、10人前後が多いです。"))]
    assert find_tables(qa) == []


def test_two_rows_of_figures_are_too_few():
    rows = [row(100, (40, "区分"), (300, "件数")), row(118, (40, "高齢者"), right(330, "381")),
            row(136, (40, "障害者"), right(330, "176"))]
    assert find_tables(rows) == []


def test_rows_spaced_like_paragraphs_are_not_one_table():
    rows = [row(100, (40, "北部圏域"), right(270, "212")), row(160, (40, "中央圏域"), right(270, "398")),
            row(220, (40, "南部圏域"), right(270, "187"))]
    assert find_tables(rows) == []


def test_a_table_beside_a_column_of_prose_is_left_to_the_column_reader():
    """Seen across the whole page, a table in the left column shares its lines with the right column's
    prose: no table at that level (the column's own reading finds it)."""
    prose = ["居住支援法人は、入居後の見守りや生活", "支援を担う法人として県が指定します。", "令和6年度末には31法人となり、前年度",
             "より5法人増えました。"]
    cells = [("北部", "7"), ("中央", "13"), ("南部", "6"), ("東部", "5")]
    rows = [row(100 + 18 * i, (40, a), right(170, b), (300, p)) for i, ((a, b), p) in enumerate(zip(cells, prose, strict=True))]
    assert find_tables(rows) == []
    column = [r[:2] for r in rows]
    assert len(find_tables(column)) == 1


def test_unit_in_the_header_corner_is_the_tables_unit_and_an_empty_corner_stays_a_header():
    body = [
        row(118, (40, "北部圏域"), right(270, "12"), right(370, "15")),
        row(136, (40, "中部圏域"), right(270, "38"), right(370, "44")),
        row(154, (40, "南部圏域"), right(270, "21"), right(370, "23")),
    ]
    for corner, unit in [("（店）", "（店）"), ("(単位:件)", "(単位:件)"), (None, "")]:
        head = row(100, *([(40, corner)] if corner else []), right(270, "令和6年"), right(370, "令和7年"))
        found = find_tables([head, *body])
        assert len(found) == 1, corner
        t = found[0]
        assert t.unit == unit
        assert t.grid[0] == ["", "令和6年", "令和7年"]
        assert t.grid[1] == ["北部圏域", "12", "15"]


def test_a_column_name_in_the_header_corner_is_no_unit():
    rows = [
        row(100, (40, "圏域"), right(270, "令和6年"), right(370, "令和7年")),
        row(118, (40, "北部圏域"), right(270, "12"), right(370, "15")),
        row(136, (40, "中部圏域"), right(270, "38"), right(370, "44")),
        row(154, (40, "南部圏域"), right(270, "21"), right(370, "23")),
    ]
    t = find_tables(rows)[0]
    assert t.unit == "" and t.grid[0][0] == "圏域"


def test_a_tables_own_unit_becomes_its_units_unit_line():
    from ingest.pdf import Line, Page, Table
    from ingest.structure import build_units

    page = Page(index=0, label="1", width=595, height=842)
    page.blocks = [Line("表5　圏域別の店数", 0, (40, 80, 200, 90), 10.0, True, above_table=True),
                   Table([["", "令和6年", "令和7年"], ["北部", "12", "15"]], 0, (40, 100, 370, 130), unit="（店）")]
    tables = [u for u in build_units([page]) if u.grid]
    assert len(tables) == 1 and tables[0].unit_line == "（店）" and tables[0].title.startswith("表5")


def test_a_narrow_column_of_prose_beside_a_table_is_not_its_label_column():
    """Prose wrapped in a narrow column: lines of under 18 characters that run the column's full width
    and end mid-sentence. Seen across the page, beside a table in the next column, they are no labels."""
    prose = ["東浜町の協議会は八団体で構成され", "る町で三番目の協議会です。町の保", "健福祉課が事務局を担い設立に当た", "っては県の調整役が準備会に三回参",
             "加しました。若草市の協議会は十二"]
    cells = [("", "令和5年度", "令和6年度"), ("相談件数", "612", "745"), ("高齢者", "298", "351"), ("障害者", "96", "104"),
             ("子育て世帯", "71", "88")]
    rows = [row(100 + 15 * i, (40, p), (215, a), right(320, b), right(380, c))
            if a else row(100 + 15 * i, (40, p), right(320, b), right(380, c))
            for i, (p, (a, b, c)) in enumerate(zip(prose, cells, strict=True))]
    assert find_tables(rows) == []
    column = [r[1:] for r in rows]
    found = find_tables(column)
    assert len(found) == 1 and found[0].grid[1] == ["相談件数", "612", "745"]


def test_long_labels_of_one_length_in_a_narrow_table_are_still_labels():
    rows = [
        row(100, (40, "区分"), right(270, "件数")),
        row(118, (40, "設立準備補助"), right(270, "2件")),
        row(136, (40, "運営強化補助"), right(270, "5件")),
        row(154, (40, "調整役の派遣"), right(270, "12回")),
    ]
    assert len(find_tables(rows)) == 1
