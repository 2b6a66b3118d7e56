"""Layouts and questions met in a press-release bundle and a directory of corporations (BLIND31), checked here on
new documents in other wording.

- A directory table whose group rows (「北地区（3事業所）」) span the whole width, drawn with a coloured bar at their
  left end: the bar's edge is no column, and the group name is no header.
- A press release set in 10 pt bundled with an attachment set in 10.5 pt: its 「4　説明会」 sections, set in 10.8 pt,
  are sections, judged against their own page's text.
- A key figure set large (「12事業所」) is no numbered section, and stands apart from the smaller text under it.
- A programme list: each line opening with a time (「13:40　講演」) is an entry of its own.
- Rows named by a figure the question writes as the row writes it (「登録番号が第7号」), not by a running No.; a row
  named by a column after a group column says its group too.
- A key/value line whose label names what is asked (「（1）日時　…」 for いつ).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from app.compose import named_rows, row_line
from app.query import analyze
from app.retrieve import Hit
from app.sentence_rank import labels_kind
from ingest.chunk import chunk_units
from ingest.clean import starts_item
from ingest.headings import heading_of
from ingest.pdf import read_document, without_sliver_columns
from ingest.structure import build_units
from tests.pdfgen import japanese_font


def _chunks(path: Path):
    return chunk_units(build_units(read_document(path)), path.stem, path.stem)


# --- a directory with full-width group rows ---------------------------------------------------------------------

DIRECTORY = [
    ("北地区（3事業所）", [("01", "相談室あおぞら", "第2号", "かもめ市"), ("02", "すまいるネット北", "第5号", "かもめ市"),
                        ("03", "暮らしの窓口ひより", "第9号", "うみねこ町")]),
    ("南地区（2事業所）", [("04", "住まいサポート南風", "第7号", "しおかぜ市"), ("05", "ひだまり住宅相談", "第11号", "なぎさ村")]),
]
HEAD = ["No.", "事業所名", "登録番号", "所在地"]
XS = [50, 90, 300, 400, 545]


def _directory_pdf(path: Path) -> Path:
    font = japanese_font()
    from reportlab.lib.colors import Color
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 12)
    c.drawString(50, 790, "登録事業所一覧（令和8年4月1日現在）")
    y, h = 770, 18

    def rule_row(top: float, cells: list[str], bold: bool = False) -> None:
        c.setFont(font, 9)
        for x0, x1, text in zip(XS[:-1], XS[1:], cells, strict=True):
            c.rect(x0, top - h, x1 - x0, h)
            c.drawString(x0 + 3, top - h + 5, text)

    rule_row(y, HEAD)
    y -= h
    for group, rows in DIRECTORY:
        c.setFillColor(Color(0.85, 0.9, 1.0))
        c.rect(XS[0], y - h, XS[-1] - XS[0], h, fill=1)
        c.setFillColor(Color(0.1, 0.3, 0.7))
        c.rect(XS[0], y - h, 4, h, fill=1)  # the coloured bar at the group row's left end
        c.setFillColor(Color(0, 0, 0))
        c.setFont(font, 9)
        c.drawString(XS[0] + 8, y - h + 5, group)
        y -= h
        for row in rows:
            rule_row(y, list(row))
            y -= h
    c.showPage()
    c.save()
    return path


def test_a_group_row_with_a_coloured_bar_adds_no_column_and_names_no_header(tmp_path):
    chunks = _chunks(_directory_pdf(tmp_path / "directory.pdf"))
    grids = [c.grid for c in chunks if getattr(c, "grid", None)]
    assert grids, "the directory is read as a table"
    grid = grids[0]
    assert grid[0] == HEAD  # no 「No. 北地区（3事業所）」 header, no empty column
    assert all(len(r) == len(HEAD) for r in grid)
    assert ["南地区（2事業所）", "", "", ""] in grid  # the group's name, on its own row
    assert ["04", "住まいサポート南風", "第7号", "しおかぜ市"] in grid


def test_a_sliver_column_is_folded_into_its_left_neighbour():
    raw = [["No.", None, "名称", "番号"], ["", "北地区", None, None], ["01", None, "あおぞら", "第2号"],
           ["02", None, "ひより", "第9号"]]
    boxes = [[(0, 0, 40, 10), None, (40, 0, 200, 10), (200, 0, 300, 10)],
             [(0, 10, 4, 20), (4, 10, 300, 20), None, None],
             [(0, 20, 40, 30), None, (40, 20, 200, 30), (200, 20, 300, 30)],
             [(0, 30, 40, 40), None, (40, 30, 200, 40), (200, 30, 300, 40)]]
    rows, _ = without_sliver_columns(raw, boxes)
    assert [[c or "" for c in r] for r in rows] == [["No.", "名称", "番号"], ["北地区", "", ""], ["01", "あおぞら", "第2号"],
                                                    ["02", "ひより", "第9号"]]
    # a sub-column that rows of values divide off is a column
    two_level = [[(0, 0, 40, 10), (40, 0, 200, 10), None], [None, (40, 10, 120, 20), (120, 10, 200, 20)],
                 [(0, 20, 40, 30), (40, 20, 120, 30), (120, 20, 200, 30)], [(0, 30, 40, 40), (40, 30, 120, 40), (120, 30, 200, 40)]]
    raw2 = [["区分", "令和6年度", None], [None, "件数", "構成比"], ["高齢者", "120", "40%"], ["障害者", "60", "20%"]]
    assert without_sliver_columns(raw2, two_level)[0] == raw2


# --- a press release in 10 pt bundled with an attachment in 10.5 pt ---------------------------------------------

def _bundle_pdf(path: Path) -> Path:
    font = japanese_font()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 780

    def line(text: str, size: float, x: float = 60) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= size * 1.7

    line("市町村向け説明会を開催します", 16)
    line("県は、市町村の居住支援の担当者を対象に、住まいの相談窓口づくりの説明会を開きます。", 10)
    line("県内では、相談窓口を置く市町村が年々増えていますが、まだ半数に届いていません。", 10)
    line("説明会では、窓口の立ち上げに使える補助制度と、先行する町の工夫を紹介します。", 10)
    line("1　説明会の目的", 10.8, 50)
    line("相談窓口を置く市町村を増やすため、先行する町の取組と県の補助制度を紹介します。", 10)
    line("2　日時と会場", 10.8, 50)
    line("（1）日時　令和8年7月9日（木）午後2時から午後4時まで", 10)
    line("（2）会場　県庁西庁舎5階　第3会議室", 10)
    line("3　申込み", 10.8, 50)
    line("6月30日（火）までに、電子申請により申し込んでください。", 10)
    line("12事業所", 10.5)  # the document's body size: no title, yet a figure over its smaller label
    line("県内で登録を受けた相談事業所の数（令和8年4月1日現在）。", 8)
    c.showPage()
    for page in range(2):  # the attachment: its body in 10.5 pt makes 10.5 pt the document's body size
        y = 780
        c.setFont(font, 10.5)
        for k in range(24):
            c.drawString(60, y, f"第{page * 24 + k + 1}条　この要領は、相談事業所の登録に関し必要な事項を定めるものとする。")
            y -= 18
        c.showPage()
    c.save()
    return path


def test_numbered_sections_stand_out_from_their_own_pages_text(tmp_path):
    chunks = _chunks(_bundle_pdf(tmp_path / "bundle.pdf"))
    where = {key: next(c.section_path for c in chunks if key in c.text)
             for key in ("午後2時から午後4時まで", "6月30日（火）までに")}
    assert any("日時と会場" in s for s in where["午後2時から午後4時まで"])
    assert any("申込み" in s for s in where["6月30日（火）までに"])
    # the key figure's label is not run into it
    text = "\n".join(c.text for c in chunks)
    assert "12事業所県内で" not in text


def test_a_key_figure_titles_its_box_by_its_face_never_as_a_numbered_section():
    for figure in ("5法人", "37.6％", "1,286件", "3市町村"):
        assert heading_of(figure, False) is None, figure
        assert heading_of(figure, True).scheme == "face", figure  # not section 37.6 or item 3
    assert heading_of("4　締結式", True) is not None
    assert heading_of("2　日時と会場", False, numbered_emphasis=True) is not None
    assert heading_of("2　日時と会場", False) is None
    assert heading_of("3 月 10 日", True) is None  # a date spaced out, not section 3


def test_a_line_opening_with_a_time_is_an_entry_of_a_programme():
    assert starts_item("13:40　基調講演「地域で支える住まい」")
    assert starts_item("9:30～10:00 受付")
    assert not starts_item("13時40分から講演を行います。")
    assert not starts_item("令和8年度の相談件数は120件でした。")


# --- rows named by a figure, a row named beside its group --------------------------------------------------------

class _Idf:
    def __init__(self) -> None:
        self.snapshot = type("Snap", (), {"build_id": uuid.uuid4().hex, "chunks": []})()

    def idf(self, _term: str) -> float:
        return 1.0


def _hit(grid: list[list[str]], title: str) -> Hit:
    text = title + "\n" + "\n".join("| " + " | ".join(r) + " |" for r in grid)
    return Hit({"id": "t", "kind": "table", "grid": grid, "text": text, "unit_title": title}, 1.0, 1)


def test_a_row_is_named_by_a_figure_written_as_the_row_writes_it_not_by_its_running_number():
    grid = [["No.", "事業所名", "登録番号", "所在地"], ["01", "相談室あおぞら", "第2号", "かもめ市"],
            ["02", "すまいるネット北", "第5号", "かもめ市"], ["03", "暮らしの窓口ひより", "第9号", "うみねこ町"],
            ["04", "住まいサポート南風", "第7号", "しおかぜ市"], ["05", "ひだまり住宅相談", "第11号", "なぎさ村"],
            ["06", "ゆうなぎ住まい", "第12号", "なぎさ村"], ["07", "あさなぎ相談室", "第4号", "しおかぜ市"]]
    hit = _hit(grid, "登録事業所一覧")
    rows = named_rows(analyze("登録番号が第7号の事業所はどこですか。"), [hit], _Idf())
    assert [i for _h, i in rows] == [4]  # 第7号, not the row numbered 07
    rows = named_rows(analyze("登録番号が第1号の事業所はどこですか。"), [hit], _Idf())
    assert 7 not in [i for _h, i in rows] and 5 not in [i for _h, i in rows]  # 第1号 is not in 第11号 or 第12号


def test_a_row_named_after_its_group_column_says_its_group():
    grid = [["団体名", "職名", "氏名"], ["県", "知事", "山吹 正"], ["県", "住宅部長", "柏木 学"],
            ["一般社団法人みなと県宅建協会", "会長", "榊 恵子"], ["一般社団法人みなと県宅建協会", "専務理事", "楢崎 聡"],
            ["県居住支援ネット", "代表", "椎名 翔"], ["県居住支援ネット", "副代表", "霧島 葵"], ["かもめ市", "市長", "大槻 誠"]]
    hit = _hit(grid, "出席者")
    rows = named_rows(analyze("式にはみなと県宅建協会から誰が出席しますか。"), [hit], _Idf())
    assert sorted(i for _h, i in rows) == [3, 4]
    line = row_line(hit, 3)
    assert "宅建協会" in line and "榊 恵子" in line


def test_a_key_value_line_labelled_with_the_asked_kind():
    assert labels_kind("（1）日時　令和8年7月9日（木）午後2時から", ("date",))
    assert labels_kind("（2）会場　県庁西庁舎5階　第3会議室", ("date", "place"))
    assert labels_kind("会場：県民ホール", ("venue",))
    assert not labels_kind("日時については、後日お知らせします。", ("date",))
    assert not labels_kind("（3）定員　50名", ("date",))


def test_a_numbering_or_a_date_is_still_a_title():
    for title in ("1．目的", "2.概要", "10．その他", "4月", "2024年度"):
        assert heading_of(title, True) is not None, title


def test_a_time_inside_prose_opens_no_entry():
    assert not starts_item("10:00 から受付を開始します。")
    assert not starts_item("1:10 の割合で配分します。")
    assert starts_item("12:00–13:00 昼食・休憩")


def test_a_label_names_the_kind_whatever_its_value():
    assert labels_kind("（2）会場　県民ホール", ("place",))
    assert labels_kind("【日時】令和8年7月9日（木）", ("date",))
    assert not labels_kind("期間 中に3回開催しました。", ("date",))


def test_a_figure_many_rows_share_names_none_and_a_year_is_not_its_fiscal_year():
    grid = [["No.", "事業所名", "登録日", "主な支援"], ["01", "相談室あおぞら", "令和8年4月1日", "見守り"],
            ["02", "すまいるネット北", "令和7年10月1日", "物件探し"], ["03", "暮らしの窓口ひより", "令和8年4月1日", "見守り"],
            ["04", "住まいサポート南風", "令和6年6月1日", "家賃保証"], ["05", "ひだまり住宅相談", "令和8年4月1日", "残置物処理"],
            ["06", "ゆうなぎ住まい", "令和5年4月1日", "見守り"]]
    hit = _hit(grid, "登録事業所一覧")
    rows = named_rows(analyze("令和8年4月1日現在、残置物処理をしている事業所はどこ？"), [hit], _Idf())
    assert [i for _h, i in rows] == [5]
    year = [["年", "相談件数"], ["令和4年", "120件"], ["令和5年", "150件"], ["令和6年", "180件"], ["令和7年", "200件"]]
    from app.compose import _figure_cells_named

    assert _figure_cells_named(year, "令和4年度の相談件数は") == []
    assert _figure_cells_named(year, "令和4年の相談件数は") == [0]


def test_zero_padded_running_numbers_do_not_name_rows():
    from app.compose import row_labels

    grid = [["No.", "事業所名", "所在地"], ["01", "相談室あおぞら", "かもめ市"], ["02", "すまいるネット北", "かもめ市"],
            ["03", "暮らしの窓口ひより", "うみねこ町"]]
    assert row_labels(grid) == ["相談室あおぞら", "すまいるネット北", "暮らしの窓口ひより"]


def test_a_key_value_line_hears_the_title_it_stands_under():
    from app.sentence_rank import candidates

    text = "4　締結式\n（1）日時　令和8年7月9日（木）午後2時から\n（2）場所　県庁西庁舎5階　第3会議室"
    hit = Hit({"id": "p", "doc_id": "d", "text": text, "section_path": ["説明会を開催します", "4　締結式"]}, 1.0, 1)
    got = {c.text.strip(): c.features for c in candidates(analyze("締結式はどこでやるの？"), [hit], _Idf())}
    where = next(f for t, f in got.items() if t.startswith("（2）場所"))
    assert where["context"] > 0  # 締結式 is the title it stands under (two lines up), not its own words
    assert where["kind_label"] == 1.0


def test_a_question_word_names_a_row_in_another_form_of_its_vocabulary_group():
    """「立ち上げる準備」 names the row for founding (設立) and preparing as much as the row that writes 立ち上げ
    literally: the other words (準備) decide, not the form the question happened to use."""
    grid = [["メニュー", "使い道", "上限"],
            ["A 設立準備の助成", "準備会の開催、視察、規約づくり", "40万円"],
            ["B 運営立ち上げ助成", "設立後1年度以内の窓口運営", "25万円"],
            ["C 専門家の派遣", "会議での助言", "年2回"]]
    hit = _hit(grid, "県の助成メニュー")
    rows = named_rows(analyze("協議会を立ち上げる準備に使える助成の上限はいくら？"), [hit], _Idf())
    assert [i for _h, i in rows] == [1]
    # the literal form alone still names its row
    rows = named_rows(analyze("運営の立ち上げに使える助成の上限は？"), [hit], _Idf())
    assert [i for _h, i in rows] == [2]
