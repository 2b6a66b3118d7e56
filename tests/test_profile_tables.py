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
