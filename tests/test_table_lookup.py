"""The table look-up and the blank-form prior: pure functions over invented tables (no index)."""

import uuid

from app.compose import table_lookup
from app.query import analyze
from app.retrieve import Hit, is_blank_form

RATES = [["区分", "補助率", "上限額"],
         ["貸出券の発行（小学生）", "2分の1", "3万円"],
         ["貸出券の発行（高校生以上）", "3分の1", "5万円"],
         ["移動図書館の運行", "2分の1", "20万円"]]


def _table(grid: list[list[str]]) -> Hit:
    text = "表1　助成の率と上限\n" + "\n".join(" | ".join(r) for r in grid)
    return Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "text": text, "unit_title": "表1　助成の率と上限"},
               1.0, 1)


def test_a_row_named_in_other_words_and_a_column_named_exactly_give_the_cell():
    cell = table_lookup(analyze("高校生以上の貸出券の発行に対する補助率は？"), [_table(RATES)])
    assert cell is not None and cell[5] == "3分の1"


def test_two_rows_equally_named_give_no_cell():
    assert table_lookup(analyze("貸出券の発行の補助率は？"), [_table(RATES)]) is None  # 小学生 or 高校生以上?


def test_a_question_that_names_no_column_reads_no_cell():
    assert table_lookup(analyze("移動図書館の運行について教えてください"), [_table(RATES)]) is None


def test_a_blank_form_is_recognised_and_a_table_of_figures_is_not():
    form = [["1 申請者", ""], ["2 事業名", ""], ["3 申請日", "年　月　日"], ["4 申請額", "円"], ["5 区分", "A ／ B"]]
    assert is_blank_form({"grid": form})
    assert not is_blank_form({"grid": RATES})
    assert not is_blank_form({"grid": RATES[:2]})  # too small to tell


def test_a_numbered_clause_after_an_item_list_starts_a_new_paragraph():
    from ingest.pdf import Line
    from ingest.structure import starts_paragraph

    item = Line("（4）その他市長が必要と認める書類", 0, (60, 100, 300, 112), size=10, block=0)
    clause = Line("2\u3000前項の申請は、毎年度4月30日までに行う。", 0, (50, 114, 500, 126), size=10, block=0)
    wrapped = Line("2 県では、前項の規定により", 0, (50, 114, 500, 126), size=10, block=0)
    sentence = Line("申請者は次の書類を添えて提出し、", 0, (50, 100, 500, 112), size=10, block=0)
    assert starts_paragraph(clause, item, "cont")
    assert not starts_paragraph(wrapped, sentence, "cont")  # a wrapped sentence that happens to begin with a figure


def test_a_blank_form_gives_no_cell_and_a_survey_matrix_is_not_a_form():
    form = [["項目", "記入欄"], ["申請年月日", "年　月　日"], ["申請者", ""], ["申請額", "円"], ["連絡先", ""]]
    hit = Hit({"id": "f", "doc_id": "d", "kind": "table", "grid": form, "text": "様式\n" + str(form),
               "unit_title": "様式第1号"}, 1.0, 1)
    assert table_lookup(analyze("申請年月日はいつですか。"), [hit]) is None
    matrix = [["県", "研修", "相談会", "補助"], ["A県", "○", "－", "○"], ["B県", "－", "○", "－"], ["C県", "○", "○", "－"]]
    assert not is_blank_form({"grid": matrix})  # ○ and － are answers, not frames to fill in


def test_the_extreme_row_of_the_column_a_question_names():
    from app.compose import extreme_cell
    from app.query import analyze

    grid = [["市町村名", "設立年月", "構成団体数"], ["ひばり市", "令和3年4月", "22団体"], ["こもれび市", "令和4年7月", "19団体"],
            ["しらゆり市", "令和5年1月", "17団体"], ["計", "", "58団体"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "設立状況", "unit_title": "表 設立状況"}, 1.0, 1)
    cell = extreme_cell(analyze("構成団体数がいちばん多い市町村はどこ？"), [hit])
    assert cell is not None and cell[3] == "ひばり市" and cell[5] == "22団体"  # the total row is not a municipality
    low = extreme_cell(analyze("構成団体数が最も少ないのは？"), [hit])
    assert low is not None and low[3] == "しらゆり市"
    assert extreme_cell(analyze("ひばり市の構成団体数は？"), [hit]) is None  # no extreme asked
    # a group's sum (市計, 町村計 with its count in brackets) is no municipality either; 会計 or 統計 is no sum
    grouped = [grid[0], *grid[1:4], ["市計（3市）", "", "58団体"], ["みなも町", "令和6年4月", "12団体"],
               ["町村計（1町）", "", "12団体"]]
    hit = Hit({"id": "g", "kind": "table", "grid": grouped, "text": "設立状況", "unit_title": "表 設立状況"}, 1.0, 1)
    cell = extreme_cell(analyze("構成団体数がいちばん多い市町村はどこ？"), [hit])
    assert cell is not None and cell[3] == "ひばり市"
    assert extreme_cell(analyze("構成団体数が最も少ないのは？"), [hit])[3] == "みなも町"
    # a total whose label stands in a merged cell (read as an empty first cell) names no one either
    merged = [grid[0], *grid[1:4], ["", "合計", "58団体"]]
    hit = Hit({"id": "m", "kind": "table", "grid": merged, "text": "設立状況", "unit_title": "表 設立状況"}, 1.0, 1)
    assert extreme_cell(analyze("構成団体数がいちばん多い市町村はどこ？"), [hit])[3] == "ひばり市"


class _Idf:
    """A retriever stand-in for what named_rows reads: every word weighs the same; the index snapshot's chunks
    give each document's head (its cover)."""

    def __init__(self, chunks: list[dict] | None = None) -> None:
        self.snapshot = type("Snap", (), {"build_id": uuid.uuid4().hex, "chunks": chunks or []})()

    def idf(self, _term: str) -> float:
        return 1.0


def test_a_row_named_by_its_rarest_words_is_quoted_whole():
    from app.compose import named_rows, row_line

    grid = [["メニュー", "対象", "上限額", "補助率"], ["A 設立準備支援", "未設立の市町村", "60万円", "1/2"],
            ["B 運営支援", "設立3年度以内", "40万円", "1/2"], ["C 広域連携加算（新設）", "共同設立", "30万円", "10/10"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表5 補助金のメニュー", "unit_title": "表5 補助金のメニュー"}, 1.0, 1)
    rows = named_rows(analyze("広域連携加算の上限額と補助率を教えて"), [hit], _Idf())
    assert [i for _h, i in rows] == [3]
    line = row_line(hit, 3)
    assert "30万円" in line and "10/10" in line and "広域連携加算" in line and "60万円" not in line
    assert named_rows(analyze("補助金の上限額は？"), [hit], _Idf()) == []  # header words name no row


def test_two_rows_compared_give_the_larger_of_the_two_and_name_both():
    from app.compose import compared_rows, extreme_cell

    grid = [["市町村名", "設立年月", "構成団体数"], ["ひばり市", "令和3年4月", "22団体"], ["こもれび市", "令和4年7月", "19団体"],
            ["しらゆり市", "令和5年1月", "17団体"], ["あおい町", "令和5年9月", "12団体"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "設立状況", "unit_title": "表 設立状況"}, 1.0, 1)
    q = analyze("構成団体数、しらゆり市とこもれび市だとどっちが多い？")
    cell = extreme_cell(q, [hit])
    assert cell is not None and cell[3] == "こもれび市"  # not ひばり市, the table's largest, which was not asked
    assert compared_rows(q, hit) == [2, 3]
    low = extreme_cell(analyze("しらゆり市とあおい町では、どちらが構成団体数が少ない？"), [hit])
    assert low is not None and low[3] == "あおい町"
    assert extreme_cell(analyze("しらゆり市の構成団体数は？"), [hit]) is None
    # a ranking question that happens to name rows asks about the table, not about those rows
    assert extreme_cell(analyze("しらゆり市やこもれび市がある県内で、構成団体数がいちばん多い市町村は？"), [hit]) is None


def test_rows_labelled_in_two_parts_are_compared_when_the_question_writes_both_parts_apart():
    from app.compose import compared_rows, extreme_cell, row_line

    # a survey chart's bars: a session and its speaker, two bars sharing the session's name; shares in two columns,
    # one answer's name inside the other's (「満足」 in 「やや満足」)
    grid = [["区分", "満足（％）", "やや満足（％）", "n"], ["基調講演", "41.0", "39.0", "n=61"],
            ["分科会A あさひ町", "30.5", "50.0", "n=30"], ["分科会A みなみ村・きた町", "48.4", "38.7", "n=31"],
            ["分科会B つばさ市", "35.0", "45.0", "n=60"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "図2　満足度", "unit_title": "図2　満足度"}, 1.0, 1)
    q = analyze("分科会Aの、あさひ町の回とみなみ村・きた町の回では、「やや満足」の割合はどちらが高かった？")
    assert compared_rows(q, hit) == [2, 3]
    cell = extreme_cell(q, [hit])
    assert cell is not None and cell[3] == "分科会A あさひ町" and cell[5] == "50.0"
    q = analyze("分科会Aの、あさひ町の回とみなみ村・きた町の回では、「満足」の割合はどちらが高かった？")
    cell = extreme_cell(q, [hit])
    assert cell is not None and cell[3] == "分科会A みなみ村・きた町" and cell[5] == "48.4"
    # 「満足」 written on its own beside 「やや満足」: both columns are named, so no one column is read
    both = analyze("分科会Aの、あさひ町の回とみなみ村・きた町の回で、満足とやや満足を合わせた割合はどちらが高かった？")
    assert extreme_cell(both, [hit]) is None
    # a part the question does not write (つばさ市) leaves its row out
    assert compared_rows(analyze("分科会Bと基調講演では、「満足」の割合はどちらが高かった？"), hit) == []
    # a cell that prints its own header (n=61 under n) is quoted once
    assert "n=61" in row_line(hit, 1) and "n n=61" not in row_line(hit, 1)


def test_extreme_needs_a_ranking_phrase_and_compares_magnitudes():
    from app.compose import extreme_cell

    grid = [["区分", "上限額"], ["その他", "5,000円"], ["購入", "1億円"], ["改修", "60万円"], ["設計", "1,000円"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表 補助の上限額", "unit_title": "表 補助の上限額"}, 1.0, 1)
    top = extreme_cell(analyze("補助の上限額がいちばん多い区分は？"), [hit])
    assert top is not None and top[3] == "購入"  # 1億円 > 60万円 > 5,000円
    assert extreme_cell(analyze("改修の補助は最大でいくらですか"), [hit]) is None  # a cap, and a row named
    assert analyze("補助は最高いくらまで出ますか").extreme == ""
    assert extreme_cell(analyze("相談件数がいちばん多い市町村はどこですか"), [hit]) is None  # another table's question


def test_one_shared_word_names_no_row():
    from app.compose import named_rows

    grid = [["メニュー", "上限額"], ["A 設立準備支援", "60万円"], ["B 運営支援", "40万円"], ["C 広域連携加算", "30万円"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表5 補助金", "unit_title": "表5 補助金"}, 1.0, 1)
    assert named_rows(analyze("市町村の支援について教えて"), [hit], _Idf()) == []


def test_a_row_is_named_by_its_cells_too():
    from app.compose import named_rows

    grid = [["法人名", "活動地域", "主な支援"], ["NPO法人 あさぎり住まいネット", "あさぎり市", "物件紹介"],
            ["株式会社 しおさい不動産サポート", "しおさい市、いずみ町", "物件紹介、家賃債務保証"],
            ["社会福祉法人 くすのき会", "くすのき町", "見守り"], ["NPO法人 こがね暮らし応援団", "こがね市", "見守り、安否確認"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "主な居住支援法人の一覧", "unit_title": "主な居住支援法人の一覧"}, 1.0, 1)
    rows = named_rows(analyze("しおさい市で家賃債務保証を扱っている法人はどこ？"), [hit], _Idf())
    assert [i for _h, i in rows] == [2]
    assert [i for _h, i in named_rows(analyze("こがね市で見守りをしてくれる法人は？"), [hit], _Idf())] == [4]


def test_a_figure_for_another_fiscal_year_does_not_lead():
    from app.compose import other_year

    q = analyze("令和8年度末までに何市町村で協議会ができる目標ですか")
    assert other_year(q, "目標：令和9年度末までに県内12市町村で協議会を設立")
    assert not other_year(q, "令和8年度末には10市町村で設立")
    assert not other_year(q, "県内12市町村で協議会を設立する")  # no year stated: not another year
    assert not other_year(analyze("協議会の目標は？"), "令和9年度末までに12市町村")
    # a bracketed comparison with another year beside the passage's own figure: that figure still answers
    asked = analyze("市町村窓口を通じた入居決定件数は、令和6年度は何件でしたか？")
    assert not other_year(asked, "・市町村窓口を通じた入居決定：317件（令和5年度は264件）")
    assert other_year(asked, "・令和5年度の入居決定：264件（速報値）")  # the year outside the brackets
    assert other_year(asked, "（令和5年度）入居決定の状況")  # no figure of its own outside the brackets
    assert other_year(asked, "相談件数は264件（令和5年度）でした。")  # the bracket dates the figure: another year's


def test_a_follow_up_names_its_row_with_its_own_words():
    from app.compose import named_rows

    grid = [["圏域", "日程", "会場"], ["北部圏域", "8月20日", "北部地域振興局"], ["中部圏域", "8月27日", "県庁西庁舎"],
            ["南部圏域", "9月3日", "南部地域振興局"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "個別相談会", "unit_title": "個別相談会"}, 1.0, 1)
    history = [{"role": "user", "content": "北部圏域の個別相談会の日程と会場は？"}, {"role": "assistant", "content": "8月20日です。"}]
    q = analyze("南部は？", history)
    assert q.follow_up and [i for _h, i in named_rows(q, [hit], _Idf())] == [3]


def test_a_follow_up_reads_the_column_it_names_itself():
    grid = [["属性", "市区町村", "居住支援法人", "社会福祉協議会"], ["県", "15", "12", "14"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表 4-① 構成員の属性（単位：県）", "unit_title": "表 4-①"}, 1.0, 1)
    history = [{"role": "user", "content": "表4-①で社会福祉協議会を構成員にしている県はいくつ？"},
               {"role": "assistant", "content": "14県です。"}]
    q = analyze("じゃあ市区町村は？", history)
    cell = table_lookup(q, [hit])
    assert q.follow_up and cell is not None and cell[4] == "市区町村" and cell[5] == "15"


def test_a_sentence_counting_within_the_question_s_group_leads_over_the_table():
    from app.compose import narrower_sentence

    grid = [["年度", "0回", "1回", "2回以上"], ["令和 4年度", "2", "3", "10"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表 4-② 年度別開催回数", "unit_title": "表 4-② 年度別開催回数"},
              1.0, 1)
    cell = (hit, 1, 1, "令和 4年度", "0回", "2")
    narrow = "毎年度開催する旨を規定していないところが3県あり、このうち令和4年度の開催回数が0回のところが1県みられた。"
    other = "調査対象15県の居住支援協議会の開催回数をみると、0回のところが4年度に2県みられた。"
    picked = [(hit, other, 1.0), (hit, narrow, 0.9)]
    q = analyze("毎年度開催する旨を規定していない県のうち、令和4年度の開催回数が0回だった県はいくつですか。")
    assert narrower_sentence(q, cell, picked, _Idf()) == 1
    plain = analyze("令和4年度に開催回数が0回だった県はいくつですか。")  # the table says all the question asks
    assert narrower_sentence(plain, cell, picked, _Idf()) is None


def test_a_document_s_own_question_that_asks_what_the_user_asks_brings_its_answer():
    from app.compose import matched_answer

    text = ("Q&Aコーナー\nQ．協議会の設置には条例が必要ですか。\nA．必要ありません。県内の9協議会は、いずれも規約を定めて設立しています。\n"
            "Q．近隣の町と共同で協議会を設立できますか。\nA．できます。")
    hit = Hit({"id": "t", "kind": "text", "grid": [], "text": text, "unit_title": ""}, 1.0, 1)
    class Rare:  # words every passage holds (協議会) weigh little, as in a real index
        def idf(self, term: str) -> float:
            return 0.2 if term in {"協議", "会"} else 1.0

    found = matched_answer(analyze("協議会を作るのに条例って要る？"), [hit], Rare())  # 要る is 必要, 作る is 設立
    assert found is not None and "条例" in found[1]
    assert found[2] == ["A．必要ありません。", "県内の9協議会は、いずれも規約を定めて設立しています。"]  # up to the next Q
    assert matched_answer(analyze("協議会の予算の上限はいくら？"), [hit], Rare()) is None  # no question asks that
    # a follow-up whose own words (単独) no question line holds is not answered by the earlier question's Q
    history = [{"role": "user", "content": "近隣の町と共同で協議会を設立できますか。"}, {"role": "assistant", "content": "できます。"}]
    follow = analyze("単独だとどう？", history)
    assert follow.follow_up and matched_answer(follow, [hit], Rare()) is None


def test_the_sentence_after_a_lead_comes_along_when_it_answers_the_rest():
    from app.compose import continuation

    text = "【回答】県が指定している居住支援法人は26法人です。法人の種類別では、NPO法人が11法人、株式会社が8法人です。\n【質問】次の質問ですか。"
    hit = Hit({"id": "t", "kind": "text", "grid": [], "text": text, "unit_title": ""}, 1.0, 1)
    lead = "【回答】県が指定している居住支援法人は26法人です。"
    rest = continuation(analyze("指定している居住支援法人の数と、種類別の内訳は？"), hit, lead, _Idf())
    assert rest.startswith("法人の種類別では")
    assert continuation(analyze("指定している居住支援法人の数は？"), hit, lead, _Idf()) == ""  # nothing more asked


def test_answer_labels_are_not_shown_and_recurring_days_are_dates():
    from app.answer_kinds import ANSWER_LOOKS
    from app.compose import clean_sentence
    from ingest.clean import normalize

    assert clean_sentence("【回答】26法人です。") == "26法人です。" and clean_sentence("A．できます。") == "できます。"
    assert clean_sentence("A市では毎年開催する。") == "A市では毎年開催する。"
    assert ANSWER_LOOKS["date"].search(normalize("毎月第2木曜日に会議を開く"))


def test_a_numbered_list_is_named_by_its_name_column_not_by_a_year_in_its_notes():
    from app.compose import named_rows, row_labels

    grid = [["No.", "市町村名", "設置年月", "相談件数", "備考"],
            ["1", "ともえ市", "平成30年11月", "612", "相談窓口の運営を委託。"],
            ["2", "ほのか市", "令和2年7月", "248", "令和7年度に見守り部会を設置。"],
            ["3", "うしお市", "令和3年4月", "187", "令和7年度から出張相談を開始。"],
            ["4", "すばる市", "令和4年10月", "231", "—"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表 一覧", "unit_title": "表 一覧"}, 1.0, 1)
    assert row_labels(grid) == ["ともえ市", "ほのか市", "うしお市", "すばる市"]  # not the running numbers
    assert row_labels([["年", "件数"], ["2019", "120"], ["2020", "130"]]) == ["2019", "2020"]  # a year column is the label
    assert row_labels([["年度", "件数"], ["令和 3年度", "1"], ["4年度", "2"]]) == ["令和 3年度", "令和 4年度"]  # era carried down
    # a month after a full date is not a year of that era: 「3月下旬」 stays as printed
    assert row_labels([["時期", "手続き"], ["令和8年1月30日", "申請"], ["3月下旬", "支払"]]) == ["令和8年1月30日", "3月下旬"]
    # a name Sudachi reads differently when the row's cells are run together (「1 ともえ市」) still names its row
    assert [i for _h, i in named_rows(analyze("ともえ市の協議会はいつ設置されましたか"), [hit], _Idf())] == [1]
    assert named_rows(analyze("令和7年度の相談件数はどうでしたか"), [hit], _Idf()) == []  # a year in the notes names none


def test_a_cell_answer_brings_its_whole_row_so_a_second_column_asked_is_answered():
    from app.answer import compose_extractive

    grid = [["市町村", "設立年月", "構成団体数"], ["ひばり市", "令和3年4月", "21団体"], ["こまち町", "令和5年10月", "12団体"],
            ["みさき村", "－", "－"]]
    hit = Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "unit_title": "表2 設立状況", "pages": ["3"],
               "text": "表2 設立状況\n" + "\n".join(f"| {' | '.join(r)} |" for r in grid[:1] + [["---"] * 3] + grid[1:])},
              1.0, 1)
    q = analyze("こまち町の協議会はいつ設立されて、構成団体数はいくつですか。")
    answer, _cites = compose_extractive(q, [hit], _Idf(), cell=table_lookup(q, [hit]))
    assert "12団体" in answer and "令和5年10月" in answer
    assert "21団体" not in answer  # another row's cells are not shown


def test_a_row_answers_only_a_question_whose_kind_of_value_it_holds():
    from app.compose import row_holds

    grid = [["事業名", "予算額", "実績額"], ["家主向けセミナー", "600", "512"], ["相談会", "400", "380"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "unit_title": "表2 予算と実績",
               "text": "表2 予算と実績（単位：千円）"}, 1.0, 1)
    assert row_holds(analyze("家主向けセミナーの予算はいくら？"), hit, 1)  # figures in a table counted in 千円
    assert not row_holds(analyze("家主向けセミナーってどこでやるの？"), hit, 1)  # budget figures name no place
    assert not row_holds(analyze("家主向けセミナーはいつ開かれますか"), hit, 1)
    places = [["事業名", "会場", "日程"], ["家主向けセミナー", "あさひ市民会館", "10月15日"]]
    venue = Hit({"id": "v", "kind": "table", "grid": places, "unit_title": "表3 日程", "text": "表3 日程"}, 1.0, 1)
    assert row_holds(analyze("家主向けセミナーってどこでやるの？"), venue, 1)
    assert row_holds(analyze("家主向けセミナーはいつ開かれますか"), venue, 1)


def test_a_follow_up_reads_the_column_its_own_words_name_in_another_inflection():
    grid = [["市町村名", "相談件数（令和7年度）", "入居決定件数（令和7年度）"], ["あさひ市", "320", "71"], ["わかくさ町", "61", "9"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表1 実績（単位：件）", "unit_title": "表1 実績"}, 1.0, 1)
    history = [{"role": "user", "content": "わかくさ町の令和7年度の相談件数は何件ですか。"}, {"role": "assistant", "content": "61件です。"}]
    q = analyze("入居決定のほうは？", history)
    cell = table_lookup(q, [hit])
    assert q.follow_up and cell is not None and cell[5] == "9"


def test_a_year_follow_up_reads_its_year_column():
    grid = [["市町村名", "令和5年度", "令和6年度", "令和7年度"], ["あさひ市", "280", "300", "320"], ["わかくさ町", "50", "61", "70"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "表1 相談件数（単位：件）", "unit_title": "表1 相談件数"}, 1.0, 1)
    history = [{"role": "user", "content": "わかくさ町の令和6年度の相談件数は何件ですか。"}, {"role": "assistant", "content": "61件です。"}]
    cell = table_lookup(analyze("令和7年度は？", history), [hit])
    assert cell is not None and cell[5] == "70"  # 令和 heads every column: it names none of them


def test_a_row_of_words_answers_where_and_who_and_a_header_in_yen_answers_how_much():
    from app.compose import row_holds

    grid = [["事業", "会場", "講師", "予算額（千円）"], ["家主向けセミナー", "中央公民館", "山田 太郎", "600"], ["相談会", "県庁", "佐藤 花子", "400"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "unit_title": "表3 事業", "text": "表3 事業"}, 1.0, 1)
    for q in ("家主向けセミナーの会場はどこですか", "家主向けセミナーの講師は誰？", "家主向けセミナーの予算は？"):
        assert row_holds(analyze(q), hit, 1), q


STATUS = [["市町村", "協議会", "相談件数（令和6年度）", "相談件数（令和7年度）", "構成団体数"],
          ["あさひ市", "○", "247", "281", "12"],
          ["ななかまど市", "設立準備中", "−", "14", "−"]]


def test_a_dash_in_the_cell_is_no_figure_and_another_years_column_no_answer():
    assert table_lookup(analyze("ななかまど市の構成団体数は？"), [_table(STATUS)]) is None
    assert table_lookup(analyze("あさひ市の構成団体数は？"), [_table(STATUS)])[5] == "12"
    assert table_lookup(analyze("あさひ市の令和7年度の相談件数は？"), [_table(STATUS)])[5] == "281"
    assert table_lookup(analyze("あさひ市の令和5年度の相談件数は？"), [_table(STATUS)]) is None


def test_a_sum_is_not_read_from_a_cell_of_words():
    grid = [["事業", "内容"], ["相談デスク", "来所相談・電話相談"], ["セミナー", "年2回"]]
    assert table_lookup(analyze("相談デスクの内容はいくら？"), [_table(grid)]) is None


def test_another_years_cell_is_told_in_any_notation():
    wide = [["市町村", "相談件数（令和７年度）"], ["あさひ市", "281"], ["ほたる町", "12"]]
    assert table_lookup(analyze("あさひ市の令和7年度の相談件数は？"), [_table(wide)])[5] == "281"  # full-width 7
    assert table_lookup(analyze("あさひ市の2025年度の相談件数は？"), [_table(wide)])[5] == "281"  # 2025 = 令和7
    assert table_lookup(analyze("あさひ市の2024年度の相談件数は？"), [_table(wide)]) is None


SETUP = [["区分", "年度末 令和5年度末", "年度末 令和6年度末"],
         ["設置市町村数", "6", "8"],
         ["未設置市町村数", "8", "6"]]


def test_a_negated_row_answers_the_negated_question_and_only_it():
    cell = table_lookup(analyze("令和6年度末に協議会を設置していない市町村はいくつ？"), [_table(SETUP)])
    assert cell is not None and cell[3] == "未設置市町村数" and cell[5] == "6"
    cell = table_lookup(analyze("令和6年度末に協議会を設置している市町村はいくつ？"), [_table(SETUP)])
    assert cell is not None and cell[3] == "設置市町村数" and cell[5] == "8"


def test_a_cell_for_the_whole_does_not_answer_for_a_place_the_table_does_not_name():
    totals = [["年度", "相談件数（件）"], ["令和5年度", "802"], ["令和6年度", "1,025"]]
    assert table_lookup(analyze("令和6年度の相談件数は何件？"), [_table(totals)]) is not None
    assert table_lookup(analyze("ゆりのき市の令和6年度の相談件数は何件？"), [_table(totals)]) is None


def test_a_place_named_by_a_column_header_is_the_cells_place():
    by_city = [["区分", "ゆりのき市", "もくせい市"], ["相談件数", "12", "30"], ["入居件数", "4", "9"]]
    cell = table_lookup(analyze("ゆりのき市の相談件数は何件？"), [_table(by_city)])
    assert cell is not None and cell[5] == "12"


MEMBERS = [["区分", "市区町村", "居住支援法人", "社会福祉協議会"], ["県", "15", "12", "14"]]


def test_a_column_named_as_the_subject_is_not_the_value_asked():
    """A count of members under 居住支援法人 does not answer what the 法人's subsidy rate is, nor where they are."""
    members = _table(MEMBERS)
    assert table_lookup(analyze("居住支援法人の活動への補助の補助率は何分の何ですか。"), [members]) is None
    assert table_lookup(analyze("県内全域で活動している居住支援法人はどこですか。"), [members]) is None
    cell = table_lookup(analyze("居住支援法人を構成員にしている県はいくつ？"), [members])  # a count asked: read
    assert cell is not None and cell[5] == "12"
    # the asked noun in other words than the column's (補助上限額 for 上限額): still that column
    cell = table_lookup(analyze("移動図書館の運行の補助上限額は？"), [_table(RATES)])
    assert cell is not None and cell[5] == "20万円"


def test_a_question_asking_no_figure_is_not_answered_by_a_bare_figure():
    """「県と市町村の役割分担で、県の役割を全部教えて」 names a row (県) and a column (市区町村) of a table counting
    members; its count is no list of roles. The same cell answers the count question."""
    members = _table(MEMBERS)
    assert table_lookup(analyze("県と市区町村の役割分担で、県の役割として挙げられているものを全部教えてください。"), [members]) is None
    cell = table_lookup(analyze("市区町村を構成員にしている県はいくつ？"), [members])
    assert cell is not None and cell[5] == "15"


def test_a_follow_up_about_a_city_is_not_answered_by_a_row_of_a_table_without_it():
    """「ゆめみ市の令和6年度の相談件数は？」 then 「令和5年度は？」: the survey table's row 令和5年度 counts prefectures,
    not ゆめみ市; the city's own table answers."""
    from app.compose import named_rows

    survey = [["年度", "0回", "1回", "2回"], ["令和4年度", "1", "6", "2"], ["令和5年度", "1", "6", "2"],
              ["令和6年度", "0", "5", "3"]]
    other = Hit({"id": "s", "kind": "table", "grid": survey, "text": "表4-② 年度別開催回数", "unit_title": "表4-② 年度別開催回数"},
                1.0, 1)
    history = [{"role": "user", "content": "ゆめみ市の令和6年度の相談件数は何件ですか？"}, {"role": "assistant", "content": "344件です。"}]
    q = analyze("令和5年度は？", history)
    assert q.follow_up and named_rows(q, [other], _Idf()) == []
    assert [i for _h, i in named_rows(analyze("令和5年度の開催回数は？"), [other], _Idf())] == [2]


def test_a_row_is_named_by_its_name_column_when_the_first_column_groups_the_rows():
    """A list numbered 1, 2, 3… whose next column is the region (中央, 中央, 北部…): the municipality's column names
    each row, so 「ゆめみ市の令和6年度の相談件数」 reads ゆめみ市's cell under its year."""
    from app.compose import row_labels

    grid = [["No.", "圏域", "市町村名", "相談件数 令和5年度", "相談件数 令和6年度"],
            ["1", "中央", "みずかげ市", "412", "468"], ["2", "中央", "かなえ市", "236", "251"],
            ["3", "東部", "ゆめみ市", "298", "344"], ["4", "東部", "かたくり村", "－", "－"], ["5", "北部", "とよさか市", "187", "203"]]
    assert row_labels(grid) == ["みずかげ市", "かなえ市", "ゆめみ市", "かたくり村", "とよさか市"]
    cell = table_lookup(analyze("ゆめみ市の令和6年度の相談件数は何件ですか？"), [_table(grid)])
    assert cell is not None and cell[5] == "344"
    assert row_labels([["区分", "件数"], ["A", "1"], ["B", "2"], ["C", "3"], ["D", "4"]]) == ["A", "B", "C", "D"]


def test_a_place_the_document_s_cover_names_is_the_place_of_its_tables():
    """「かえで県の令和5年度の登録戸数」 in かえで県's own guide: its table need not repeat かえで県; a table of another
    document that never names it is someone else's."""
    from app.compose import named_rows

    grid = [["指標", "令和5年度", "令和6年度"], ["セーフティネット住宅の登録戸数", "5,046", "5,872"], ["協力店の数", "40", "52"],
            ["相談件数", "300", "350"]]
    hit = Hit({"id": "t", "doc_id": "kaede", "kind": "table", "grid": grid, "text": "主な指標の推移",
               "unit_title": "主な指標の推移"}, 1.0, 1)
    cover = [{"doc_id": "kaede", "doc_title": "市町村居住支援協議会 設立促進説明会", "page_indices": [0],
              "text": "かえで県 建築住宅部 住宅政策課"}]
    q = analyze("かえで県のセーフティネット住宅の登録戸数は何戸ですか。")
    assert [i for _h, i in named_rows(q, [hit], _Idf(cover))] == [1]
    other = [{"doc_id": "kaede", "doc_title": "調査報告", "page_indices": [0], "text": "総務省 行政評価局"}]
    assert named_rows(q, [hit], _Idf(other)) == []


def test_a_column_of_figures_names_no_rows_and_a_city_named_by_a_column_holds_its_rows():
    from app.compose import named_rows, row_labels

    months = [["年度", "月", "相談件数"], ["令和5年度", "4月", "10件"], ["令和5年度", "5月", "12件"], ["令和5年度", "6月", "15件"],
              ["令和6年度", "4月", "11件"], ["令和6年度", "5月", "13件"]]
    assert row_labels(months)[0] != "10件"
    cities = [["項目", "ゆめみ市", "あさひ市"], ["相談件数", "298", "120"], ["入居決定", "41", "20"], ["協力店", "12", "8"]]
    hit = Hit({"id": "c", "doc_id": "d", "kind": "table", "grid": cities, "text": "市別の実績", "unit_title": "市別の実績"}, 1.0, 1)
    assert [i for _h, i in named_rows(analyze("ゆめみ市の入居決定は何件？"), [hit], _Idf())] == [2]


def test_a_row_picked_by_a_value_the_question_states_gives_the_cell():
    """「令和4年11月に開館した館」 picks the row whose 開館年月 is 令和4年11月; its 予算 cell answers."""
    grid = [["館名", "開館年月", "予算（千円）"], ["北図書館", "令和2年4月", "1,200"], ["南図書館", "令和4年11月", "860"],
            ["東図書館", "令和5年7月", "940"]]
    cell = table_lookup(analyze("令和4年11月に開館した館の予算はいくらですか。"), [_table(grid)])
    assert cell is not None and cell[3] == "南図書館" and cell[5] == "860"
    assert table_lookup(analyze("令和3年に開館した館の予算はいくらですか。"), [_table(grid)]) is None  # no such row


SHEET = [["No.", "市町村名", "圏域", "相談件数", "増減", "家賃債務保証料補助"],
         ["1", "あさひ市", "北部", "120", "15", "○"], ["2", "ゆうひ町", "南部", "40", "▲3", "○"],
         ["3", "つきみ村", "南部", "9", "2", "－"], ["4", "ほしの町", "南部", "22", "▲5", "－"],
         ["5", "かぜの市", "北部", "80", "▲1", "○"], ["合計", "", "", "271", "8", "○3"]]


def test_which_rows_meet_the_questions_conditions():
    from app.compose import rows_where

    found = rows_where(analyze("南部で家賃債務保証料の補助をしているのはどこ？"), [_table(SHEET)])
    assert found is not None and [SHEET[i][1] for i in found[1]] == ["ゆうひ町"]
    found = rows_where(analyze("相談件数が前の年より減ったのはどこですか"), [_table(SHEET)])
    assert [SHEET[i][1] for i in found[1]] == ["ゆうひ町", "ほしの町", "かぜの市"]  # ▲ is a decrease; 合計 is no row


def test_rows_holding_a_figure_the_question_states():
    from app.compose import rows_where

    visits = [["市町名", "回数", "相談件数", "主な会場"], ["ほたか市", "5回", "21件", "市役所"], ["みくまり市", "3回", "15件", "公民館"],
              ["きさらぎ市", "3回", "9件", "支所"], ["すがの町", "3回", "12件", "役場"], ["ゆずは町", "2回", "4件", "役場"],
              ["合計", "16回", "61件", ""]]
    title = "資料3　出張相談会の開催状況"
    hit = Hit({"id": "v", "doc_id": "d", "kind": "table", "grid": visits, "text": title, "unit_title": title}, 1.0, 1)
    found = rows_where(analyze("出張相談会を3回開いた市町はどこですか"), [hit])
    assert found is not None and [visits[i][0] for i in found[1]] == ["みくまり市", "きさらぎ市", "すがの町"]
    assert rows_where(analyze("出張相談会を13回開いた市町はどこですか"), [hit]) is None  # 3回 is not 13回
    assert rows_where(analyze("3回以上開いた市町はどこ？"), [hit]) is None  # a comparison
    # a column the question names beyond the table's topic still stops the sifting, also when the caption names it
    assert rows_where(analyze("3回開いて相談件数が多かった市町はどこですか"), [hit]) is None
    both = "出張相談会の開催回数と相談件数"
    named = Hit({"id": "w", "doc_id": "d", "kind": "table", "grid": visits, "text": both, "unit_title": both}, 1.0, 1)
    assert rows_where(analyze("3回開いて相談件数が多かった市町はどこですか"), [named]) is None
    assert rows_where(analyze("3回目の相談会を開いた市町はどこですか"), [hit]) is None  # an ordinal, no count


def test_conditions_it_cannot_read_give_no_rows():
    from app.compose import rows_where

    assert rows_where(analyze("相談件数が50件以上なのはどこ？"), [_table(SHEET)]) is None  # a comparison of figures
    no_change = [r[:4] + r[5:] for r in SHEET]
    assert rows_where(analyze("相談件数が減ったのはどこ？"), [_table(no_change)]) is None  # no 増減 column
    assert rows_where(analyze("南部の相談件数は？"), [_table(SHEET)]) is None  # asks no 「どこ」


def test_a_column_the_question_names_but_sets_no_condition_on_gives_no_rows():
    """「北部で協議会がもうできてるのは」 names the 協議会 column, whose 予定 is no ○: sifting on 北部 alone is wrong."""
    from app.compose import rows_where

    grid = [["市町村名", "圏域", "協議会 設置状況", "人口"], ["あさひ市", "北部", "○", "12,000"],
            ["ゆうひ町", "北部", "予定", "8,000"], ["つきみ村", "南部", "○", "2,100"], ["ほしの町", "北部", "－", "900"]]
    assert rows_where(analyze("北部で協議会がもうできてるのはどこ？"), [_table(grid)]) is None
    found = rows_where(analyze("北部の市町村はどこ？"), [_table(grid)])
    assert found is not None and [grid[i][0] for i in found[1]] == ["あさひ市", "ゆうひ町", "ほしの町"]


SCHEDULE = [["区分", "受付期間", "交付決定"],
            ["第1回募集", "5月12日～6月13日", "7月上旬"],
            ["第2回募集", "9月1日～10月10日", "11月中旬"]]


def test_a_cell_answers_only_the_kind_of_value_asked():
    hit = _table(SCHEDULE)
    assert table_lookup(analyze("第1回募集の交付決定はいつ？"), [hit])[5] == "7月上旬"
    # a date is no count and no sum; a month with 中旬 is no day
    assert table_lookup(analyze("第1回募集では何市町に交付決定し、交付決定額の合計はいくらでしたか。"), [hit]) is None
    assert table_lookup(analyze("第2回募集の交付決定は11月の何日ですか。"), [hit]) is None


def test_english_words_joined_by_a_hyphen_or_a_possessive_are_looked_up():
    from app.glossary import translate

    terms, unknown = translate("How long is a cooperating real-estate agent's registration valid?")
    assert "協力不動産店" in terms and "登録" in terms
    assert "real-estate" not in unknown and "agent's" not in unknown


def test_an_address_is_answered_by_a_place_or_a_postal_address_not_a_phone_number():
    from app.answer_kinds import ANSWER_LOOKS, asked_kinds
    from ingest.clean import normalize

    assert "address" in asked_kinds(normalize("新たに指定された2法人の名前と所在地を教えてください。"))
    assert ANSWER_LOOKS["address"].search(normalize("●NPO法人ささぶね（瑠璃市）：単身高齢者の入居相談"))
    assert ANSWER_LOOKS["address"].search(normalize("所在地：中央通り3丁目4番12号"))
    assert not ANSWER_LOOKS["address"].search(normalize("電話 0120-555-862"))


def test_a_row_asked_over_several_named_columns_reads_no_one_cell_of_any_table():
    """「ほたか市の相談件数は令和2年度から令和4年度まで」 names two columns of the yearly table: no one cell answers
    it, and a lower table's single 相談件数 cell (another count of the same city) must not either."""
    years = [["市町村名", "相談件数 令和2年度", "相談件数 令和3年度", "相談件数 令和4年度"],
             ["ほたか市", "52", "61", "70"], ["ひむろ市", "105", "135", "168"]]
    visits = [["市町村", "回数", "相談件数"], ["ほたか市", "5回", "21件"], ["ひむろ市", "3回", "12件"]]
    q = analyze("ほたか市の相談件数は、令和2年度から令和4年度までどう推移しましたか。")
    assert table_lookup(q, [_table(years), _table(visits)]) is None
    one = table_lookup(analyze("ほたか市の令和3年度の相談件数は何件ですか。"), [_table(years), _table(visits)])
    assert one is not None and one[5] == "61"


def test_rows_told_apart_by_one_named_cell_are_all_given():
    """「目標値・実績値・達成率を教えて」 names three rows of one 指標, alike but for their 区分 cell; a row of another
    指標 or one the question does not name is not added."""
    from app.compose import sibling_rows
    from app.query import analyze
    from app.retrieve import Hit

    grid = [["指標名", "単位", "区分", "令和5年度", "令和6年度"],
            ["入居件数", "件", "目標値", "300", "350"],
            ["入居件数", "件", "実績値", "318", "342"],
            ["入居件数", "件", "達成率", "106.0％", "97.7％"],
            ["相談件数", "件", "目標値", "900", "1,000"]]
    h = Hit({"id": "t", "grid": grid, "text": ""}, 1.0, 1)
    q = analyze("入居件数について、令和6年度の目標値と達成率を教えてください。")
    assert sibling_rows(q, h, 3, 4) == [1]  # the 目標値 row beside the 達成率 row; not 実績値, not 相談件数
    assert sibling_rows(analyze("入居件数の達成率は？"), h, 3, 4) == []


def test_a_cell_counting_in_another_counter_does_not_answer_a_count():
    from app.compose import table_lookup
    from app.query import analyze

    grid = [["年度末", "値"], ["令和4年度末", "4市町村"], ["令和5年度末", "5市町村"], ["令和6年度末", "7市町村"]]
    hit = Hit({"id": "c", "kind": "table", "grid": grid, "text": "設立した市町村数", "unit_title": "図 設立した市町村数"},
              1.0, 1)
    assert table_lookup(analyze("令和4年度末の相談件数は何件でしたか。"), [hit]) is None  # 4市町村 counts no 件
    cell = table_lookup(analyze("令和4年度末に設立していた市町村はいくつ？"), [hit])
    assert cell is not None and cell[5] == "4市町村"


def test_a_table_whose_caption_dates_it_to_another_year_gives_no_cell():
    """「住まいの相談件数（令和6年度）」 holds that year's figures: a question about 令和5年度 reads none of its cells; a
    table dated to the year asked, or one whose columns are the years, still answers."""
    grid = [["相談窓口", "相談件数", "うち入居"], ["市町村協議会", "884件", "162件"], ["センター", "531件", "74件"]]

    def dated(caption: str) -> Hit:
        return Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "unit_title": caption,
                    "text": caption + "\n" + "\n".join(" | ".join(r) for r in grid)}, 1.0, 1)

    q = analyze("令和5年度の市町村協議会の相談件数は何件ですか。")
    assert table_lookup(q, [dated("住まいの相談件数（令和6年度）")]) is None
    cell = table_lookup(analyze("令和6年度の市町村協議会の相談件数は何件ですか。"), [dated("住まいの相談件数（令和6年度）")])
    assert cell is not None and cell[5] == "884件"
    years = [["相談窓口", "令和5年度", "令和6年度"], ["市町村協議会", "672", "884"]]
    hit = Hit({"id": "y", "doc_id": "d", "kind": "table", "grid": years, "unit_title": "相談件数の推移（令和6年度まで）",
               "text": "相談件数の推移\n" + "\n".join(" | ".join(r) for r in years)}, 1.0, 1)
    cell = table_lookup(q, [hit])
    assert cell is not None and cell[5] == "672"


def test_a_table_dated_to_another_year_names_no_row(monkeypatch):
    import app.compose as compose

    grid = [["相談窓口", "相談件数", "うち入居"], ["市町村協議会", "884件", "162件"], ["センター", "531件", "74件"],
            ["合計", "1,415件", "236件"]]
    hit = Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "unit_title": "住まいの相談件数（令和6年度）",
               "text": "住まいの相談件数（令和6年度）\n" + "\n".join(" | ".join(r) for r in grid)}, 1.0, 1)

    class _Retriever:
        snapshot = None

        def idf(self, _token: str) -> float:
            return 1.0

    monkeypatch.setattr(compose, "doc_head", lambda *_a: "")  # no document head: the invented hit has no index
    monkeypatch.setattr(compose, "sole_prefecture", lambda *_a: "")  # nor a prefecture it is about
    assert compose.named_rows(analyze("令和6年度のセンターの相談件数と入居件数は？"), [hit], _Retriever())
    assert not compose.named_rows(analyze("令和5年度のセンターの相談件数と入居件数は？"), [hit], _Retriever())


def test_a_sum_is_read_only_from_a_column_counted_in_yen():
    """「…補助の合計額はいくら」 over a table whose one column is 交付額（千円）: never the count beside it (3,207 under
    相談件数（令和6年度）, named by the question's year); the sum's own column where the question names it."""
    grid = [["圏域", "相談件数（令和6年度）", "県補助金交付額（千円）"], ["北部", "1,204", "1,800"], ["南部", "2,003", "3,000"],
            ["合計", "3,207", "4,800"]]
    hit = Hit({"id": "t", "doc_id": "d", "kind": "table", "grid": grid, "unit_title": "圏域別集計",
               "text": "圏域別集計\n" + "\n".join(" | ".join(r) for r in grid)}, 1.0, 1)
    cell = table_lookup(analyze("令和6年度に県が交付した補助の合計額はいくらですか。"), [hit])
    assert cell is None or cell[5] == "4,800"
    cell = table_lookup(analyze("令和6年度の県補助金交付額は合計でいくらですか。"), [hit])
    assert cell is not None and cell[5] == "4,800"


def test_a_roster_row_does_not_answer_what_its_member_asked_for():
    from app.compose import row_holds

    grid = [["所属", "区分", "役職", "出欠"], ["くすのき住まいネット", "委員", "理事長", "出席"]]
    h = Hit({"id": "r", "doc_id": "d", "text": "", "grid": grid}, 1.0, 1)
    assert not row_holds(analyze("くすのき住まいネットの委員は何を求めましたか"), h, 1)
    assert row_holds(analyze("くすのき住まいネットの委員の役職は？"), h, 1)  # the roster answers who is who


def test_a_rule_drawn_with_characters_is_shown_as_a_break():
    from app.compose import clean_sentence
    shown = clean_sentence("■４　提出方法 ━━━━━━━━━━━━━━電子メールに上記の書類を添付して、提出してください。")
    assert "━" not in shown and shown.endswith("電子メールに上記の書類を添付して、提出してください。")
    assert "提出方法 電子メール" in shown  # the words on either side stay apart
    assert clean_sentence("電話 0120-481-706（通話料無料）") == "電話 0120-481-706（通話料無料）"  # a phone number's dashes stay


def test_a_sentence_counting_another_year_does_not_narrow_the_cell_of_the_asked_year():
    """「…相談件数は2,693件（令和7年度）」 shares the question's words but counts another year: the 令和5年度 cell leads."""
    from app.compose import narrower_sentence

    grid = [["令和5年度", "令和6年度", "令和7年度"], ["1,652件", "2,184件", "2,693件"]]
    hit = Hit({"id": "t", "kind": "table", "grid": grid, "text": "相談件数の推移（デスク）", "unit_title": "相談件数の推移（デスク）"},
              1.0, 1)
    cell = (hit, 1, 0, "", "令和5年度", "1,652件")
    other = "ともえ住まい相談デスクの相談件数は2,693件（令和7年度）で、前年度から増加しました。"
    q = analyze("ともえ住まい相談デスクの令和5年度の相談件数は何件でしたか。")
    assert narrower_sentence(q, cell, [(hit, other, 1.0)], _Idf()) is None


def test_a_column_of_another_count_gives_no_cell_and_a_person_count_reads_its_column():
    """A 「何回」 question is not answered by a 相談件数 column (「512回」 was read off one); 相談者数 still answers 何人."""
    counts = [["圏域", "相談件数（令和6年度）", "相談件数（令和7年度）"], ["中央", "512", "588"], ["北部", "301", "322"]]
    assert table_lookup(analyze("中央圏域では、令和6年度に出張相談会を何回開催しましたか。"), [_table(counts)]) is None
    people = [["年度", "相談者数", "相談件数"], ["令和5年度", "412", "802"], ["令和6年度", "530", "1,025"]]
    cell = table_lookup(analyze("令和6年度の相談者数は何人ですか"), [_table(people)])
    assert cell is not None and cell[5] == "530"


def test_a_region_names_its_row_written_without_its_region_word():
    """「中央圏域の開催回数」 reads the row 「中央」 of a 圏域 column; a prefecture-wide table holds no region's figure."""
    grid = [["圏域", "開催回数", "相談件数"], ["北部", "12", "80"], ["中央", "15", "120"], ["南部", "9", "40"]]
    cell = table_lookup(analyze("中央圏域の開催回数は何回ですか"), [_table(grid)])
    assert cell is not None and cell[5] == "15"
    whole = [["年度", "開催回数"], ["令和6年度", "14"], ["令和7年度", "18"]]
    assert table_lookup(analyze("中央圏域では令和6年度に何回開催しましたか"), [_table(whole)]) is None


def test_a_region_the_rows_do_not_state_sets_no_condition_on_them():
    """「南部圏域で…はどこ」 over a table with no 圏域 column: its ○ rows are the whole prefecture's, not the answer."""
    from app.compose import rows_where

    grid = [["No.", "市町村名", "相談件数", "家賃債務保証料補助"], ["1", "あさひ市", "120", "○"], ["2", "ゆうひ町", "40", "－"],
            ["3", "つきみ村", "9", "○"], ["4", "ほしの町", "22", "○"]]
    assert rows_where(analyze("南部圏域で家賃債務保証料の補助をしている市町村はどこですか"), [_table(grid)]) is None
