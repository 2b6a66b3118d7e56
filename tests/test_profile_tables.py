"""A profile table printed as label | value rows with no header row (設立年月 | 令和4年4月, 事務局 | …), as a 個票 or a
法人概要 box prints it: its first row is data, its figures may be counted in a unit its label names, and the titles
printed over it are no answer."""

from app.compose import counted_in_yen, without_bare_titles
from app.retrieve import Hit
from ingest.clean import label_value_grid

PROFILE = [["設立年月", "令和4年4月"], ["事務局", "NPO法人みさご住まいサポート（市住宅課から委託）"],
           ["構成団体数", "15団体"], ["年間予算（千円）", "1,920"], ["相談件数", "令和5年度 88件／令和6年度 119件"]]


def test_a_label_value_table_gets_an_empty_header_row_and_a_headed_table_keeps_its_own():
    assert label_value_grid(PROFILE) == [["", ""], *PROFILE]
    headed = [["項目", "内容"], *PROFILE]
    assert label_value_grid(headed) == headed  # 項目 | 内容 names the columns
    years = [["区分", "令和6年度"], ["相談件数", "247件"], ["入居件数", "81件"]]
    assert label_value_grid(years) == years  # a fiscal year heads a column
    wide = [["市町村", "令和5年度", "令和6年度"], ["かもめ市", "214件", "247件"], ["ふなで市", "163件", "158件"]]
    assert label_value_grid(wide) == wide
    assert label_value_grid(PROFILE[:2]) == PROFILE[:2]  # two rows are too few to tell


def test_a_row_label_naming_yen_counts_the_table_in_yen():
    def chunk(grid: list[list[str]]) -> dict:
        return {"text": "\n".join("| " + " | ".join(r) + " |" for r in grid), "grid": grid}

    assert counted_in_yen(chunk(label_value_grid(PROFILE)))
    assert not counted_in_yen(chunk(label_value_grid([r for r in PROFILE if "円" not in r[0]])))


def test_a_title_over_a_table_is_not_quoted_without_the_line_it_heads():
    text = ("みさご市居住支援協議会\nみさご市居住支援協議会の概要（令和7年4月1日現在）\n| 設立年月 | 令和4年4月 |\n"
            "取組の特徴\n事務局の運営を、NPO法人に委託しています。")
    h = Hit({"id": "c", "doc_id": "d", "text": text, "unit_title": "みさご市居住支援協議会の概要（令和7年4月1日現在）"},
            1.0, 1)
    picked = [(h, "みさご市居住支援協議会", 0.9), (h, "みさご市居住支援協議会の概要（令和7年4月1日現在）", 0.8),
              (h, "事務局の運営を、NPO法人に委託しています。", 0.7)]
    assert [s for _, s, _ in without_bare_titles(picked)] == ["事務局の運営を、NPO法人に委託しています。"]
    # a heading whose next line is quoted too heads it and stays
    headed = [(h, "取組の特徴", 0.9), (h, "事務局の運営を、NPO法人に委託しています。", 0.7)]
    assert without_bare_titles(headed) == headed


def test_a_budget_row_is_named_without_its_status_mark_and_in_the_questions_forms():
    from app.compose import _labels_named, _question_keys
    from app.query import analyze
    from ingest.unruled import without_status

    assert without_status("◎拡充 市町村居住支援協議会設立・運営支援事業") == "市町村居住支援協議会設立・運営支援事業"
    assert without_status("★新規家主安心サポート事業") == "家主安心サポート事業"
    assert without_status("◎新しい取組") == "新しい取組"  # 新 of 新しい is no status
    labels = ["Ⅰ 市町村の居住支援体制づくりへの支援", "◎拡充\n市町村居住支援協議会設立・運営支援事業", "居住支援アドバイザー派遣事業",
              "ほくと県居住支援協議会負担金"]
    q = analyze("ほくと県の市町村居住支援協議会設立・運営支援事業の令和8年度予算額はいくらですか。")
    assert _labels_named(labels, _question_keys(q)[1]) == [1]


def test_profile_pages_keep_each_profiles_name_its_table_and_its_contact_line(tmp_path):
    """A 個票集: one page per municipality, each with a band naming it, a label|value table, the same two sub-headings
    (取組の特徴 / 課題) and a contact line in small type at the foot. Each profile's prose carries its municipality
    in its section path, its table is read from its first row, and its contact line (same place, other words on
    every page) stays text."""
    from pathlib import Path

    from ingest.chunk import chunk_units
    from ingest.pdf import read_document
    from ingest.structure import build_units
    from tests.pdfgen import japanese_font

    font = japanese_font()
    from reportlab.pdfgen import canvas

    towns = [("かもめ市", "3101", "令和2年11月"), ("ふなで市", "4210", "令和3年7月"), ("みさご市", "2318", "令和4年4月"),
             ("あまも町", "7134", "令和4年1月")]
    path = Path(tmp_path) / "kohyo.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for n, (town, tel, est) in enumerate(towns, start=1):
        c.setFont(font, 8.4)
        c.drawString(50, 800, "市町村居住支援協議会 個票集（令和7年度）")
        c.setFont(font, 11)
        c.drawString(50, 740, f"No.{n}　{town}")
        c.setFont(font, 10.4)
        c.drawString(60, 712, f"{town}居住支援協議会の概要（令和7年4月1日現在）")
        y = 690
        for label, value in [("設立年月", est), ("構成団体数", f"{10 + n}団体"), ("年間予算（千円）", f"{1000 + 100 * n:,}"),
                             ("事務局", f"{town[:-1]}住宅課")]:
            c.rect(58, y - 4, 120, 18, stroke=1, fill=0)
            c.rect(178, y - 4, 300, 18, stroke=1, fill=0)
            c.drawString(62, y + 1, label)
            c.drawString(182, y + 1, value)
            y -= 18
        c.setFont(font, 11.5)
        c.drawString(50, 580, "取組の特徴")
        c.setFont(font, 10.4)
        c.drawString(50, 560, f"{town}では、相談窓口の運営を居住支援法人に委託しています。")
        c.drawString(50, 545, f"令和6年度は{20 + n}件の相談が入居に結び付きました。")
        c.setFont(font, 11.5)
        c.drawString(50, 500, "課題")
        c.setFont(font, 10.4)
        c.drawString(50, 480, f"・相談員{n}名では、増え続ける相談に対応しきれない。")
        c.setFont(font, 9.8)
        c.drawString(50, 75, f"連絡先　{town} 住宅課　電話 0479-555-{tel}")
        c.setFont(font, 9.5)
        c.drawString(285, 40, f"- {n} -")
        c.showPage()
    c.save()
    chunks = chunk_units(build_units(read_document(path)), "kohyo", "kohyo")
    for n, (town, tel, _est) in enumerate(towns, start=1):
        prose = next(ch for ch in chunks if f"{20 + n}件の相談" in ch.text)
        assert any(town in part for part in prose.section_path), prose.section_path
        assert any(f"0479-555-{tel}" in ch.text for ch in chunks)  # the contact line is text, not a footer
        table = next(ch for ch in chunks if ch.grid and any(f"{10 + n}団体" in cell for row in ch.grid for cell in row))
        assert table.grid[0] == ["", ""] and table.grid[1][0] == "設立年月"


def test_prose_set_apart_under_a_list_of_short_items_starts_its_own_paragraph():
    """「●その他　147件（11.4％）」 ends no sentence, but the prose printed under the list after a wider space is
    no continuation of the item: read on it, 「…（11.4％）一方、相談から入居に至ったのは312件で…」 made one sentence of both."""
    from ingest.pdf import Line
    from ingest.structure import starts_paragraph

    item = Line("●その他\u3000147件（11.4％）", 0, (16, 232, 141, 241), 9.6, block=1, indent=6.0, short=True, gap=0.61)
    prose = Line("一方、相談から入居に至ったのは312件で、およそ4件に1", 0, (20, 256, 268, 266), 9.5, block=1, indent=9.5,
                 gap=1.55)
    wrapped = Line("件）", 0, (26, 244, 60, 254), 9.6, block=1, indent=16.0, short=True, gap=0.6)
    assert starts_paragraph(prose, item, "para")
    assert not starts_paragraph(wrapped, item, "cont")  # an item's own next line, at the list's spacing, goes on


def test_a_first_row_of_text_in_a_text_table_is_read_not_dropped_as_labels():
    """A page drawn as frames (a booklet's back cover with its contacts beside the cover) is read as a table of text
    cells; its first row is text, not the labels of the rows under it, and must come back in the chunks."""
    from ingest.chunk import _table_chunks
    from ingest.structure import Unit

    contacts = ("お問い合わせ先\nきらら県 県土整備部 住宅課 居住支援担当\n電話 0855-21-6340（直通）\n"
                "受付 平日8時30分～17時15分")
    cover = "令和8年度版\n市町村居住支援協議会\n立ち上げ応援ブック\n県は、市町村の協議会づくりを応援します。"
    unit = Unit("table", "", "", "", ["1"], [0], grid=[[contacts, ""], ["", cover], ["", "令和8年5月 きらら県 住宅課"]])
    text = "\n".join(c["text"] for c in _table_chunks(unit, 800))
    assert "0855-21-6340" in text and "立ち上げ応援ブック" in text
