"""Which line leads when the question names a table's row (BLIND37 misses, checked here on tables written for the
test, in other words and figures):

- a date printed short, as lists print them (R5.10.1, H29.4.1, 2023/10/1), is a date: a row holding one answers
  「いつ」;
- a note under the row's table (「※第3号は…名称を変更」) that names none of the row's cells does not lead instead of
  the row the question names;
- a sentence stating the fiscal year the question asks about leads over a row of a table that names no such year.
"""

from app.answer import note_beside_row, year_beside_row
from app.answer_kinds import ANSWER_LOOKS
from app.query import analyze
from app.retrieve import Hit

GRID = [["番号", "登録日", "事業者名", "所在地"],
        ["第1号", "H29.4.1", "合同会社ふたば住まいネット", "小町市"],
        ["第2号", "R2.6.1", "株式会社ささめ不動産", "笹目町"],
        ["第3号", "R5.10.1", "NPO法人よつばの家", "小町市"]]
NOTE = "※第1号は、令和6年4月1日に名称を変更しています。"


def _table() -> Hit:
    text = "\n".join(["表2　登録事業者の一覧（令和7年4月1日現在）", *("| " + " | ".join(r) + " |" for r in GRID), NOTE])
    return Hit({"id": "t", "doc_id": "d", "text": text, "grid": GRID, "unit_title": "表2　登録事業者の一覧（令和7年4月1日現在）",
                "kind": "table"}, 1.0, 1)


def test_a_short_printed_date_is_a_date():
    looks = ANSWER_LOOKS["date"]
    for text in ("R5.10.1", "H29.4.1", "2023/10/1", "2023.10.1", "登録日 R2.6.1"):
        assert looks.search(text), text
    for text in ("3.5", "第1.2版", "PR5.1", "12.5％", "S1.2", "H2.5m", "W1.8×H2.0", "R 0.85", "2024/13/45"):
        assert not looks.search(text), text


def test_a_note_under_the_table_does_not_date_another_row():
    h = _table()
    rows = [(h, 2)]  # 株式会社ささめ不動産
    assert note_beside_row((h, NOTE, 1.0), rows)
    assert not note_beside_row((h, NOTE, 1.0), [(h, 1)])  # the note is about 第1号: it may lead for that row
    other = Hit({"id": "o", "doc_id": "d", "text": NOTE, "grid": [], "kind": "text"}, 1.0, 2)
    assert not note_beside_row((other, NOTE, 1.0), rows)  # another passage's sentence: ranks decide


def test_a_sentence_of_the_asked_year_leads_over_a_row_of_no_year():
    h = _table()
    q = analyze("ささめ不動産の担当は令和9年度からどこになりますか")
    said = (h, "令和9年度からは笹目町の住宅課が担当します。", 1.0)
    assert year_beside_row(q, said, [(h, 2)])
    assert not year_beside_row(q, (h, "令和8年度は小町市が担当します。", 1.0), [(h, 2)])  # another year
    assert not year_beside_row(analyze("ささめ不動産の担当はどこ"), said, [(h, 2)])  # no year asked


def test_a_cell_of_a_document_whose_cover_names_the_place_answers_a_question_naming_it():
    """「ささめ県で、南区域の入居件数は？」 over a table of a report whose cover says ささめ県 (its rows and caption do not):
    the cell answers, as the named row does; without the document's head the place is someone else's."""
    from types import SimpleNamespace

    from app.compose import answer_cell

    grid = [["区域", "法人数", "相談件数", "入居件数"], ["北区域", "7", "284", "49"], ["南区域", "6", "278", "61"]]
    text = "\n".join(["表2　区域別の活動実績（令和7年度）", *("| " + " | ".join(r) + " |" for r in grid)])
    table = {"id": "r:2", "doc_id": "r", "text": text, "grid": grid, "unit_title": "表2　区域別の活動実績（令和7年度）",
             "kind": "table", "page_indices": [1], "doc_title": "居住支援法人 活動状況 年報"}
    cover = {"id": "r:0", "doc_id": "r", "text": "ささめ県 居住支援法人 活動状況 年報 令和7年度", "kind": "text",
             "page_indices": [0], "doc_title": "居住支援法人 活動状況 年報"}
    retriever = SimpleNamespace(snapshot=SimpleNamespace(build_id="test-scope", chunks=[cover, table]))
    q = analyze("ささめ県で、南区域の令和7年度の入居件数は何件ですか")
    hits = [Hit(table, 1.0, 1)]
    assert answer_cell(q, hits) is None  # the table alone does not say whose it is
    found = answer_cell(q, hits, retriever)
    assert found is not None and found[-1] == "61"
    other = SimpleNamespace(snapshot=SimpleNamespace(build_id="test-scope-2", chunks=[
        dict(cover, text="みぎわ県 居住支援法人 活動状況 年報"), table]))
    assert answer_cell(q, hits, other) is None  # another prefecture's report does not answer it


def test_a_note_naming_a_cell_other_rows_share_is_about_none_of_them():
    """「※小町市の事業者は…」 names 小町市, which two rows share: it names neither of them in particular."""
    h = _table()
    note = "※小町市の事業者は、令和7年度から市の窓口でも受け付けます。"
    assert note_beside_row((h, note, 1.0), [(h, 3)])  # 第3号 (小町市) is not singled out by it
    assert not note_beside_row((h, "※NPO法人よつばの家は令和6年に移転しました。", 1.0), [(h, 3)])  # its own name is
