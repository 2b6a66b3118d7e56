"""A table continued on the next page: repeated header rows go, a row split at the page break is one row,
and a statistical caption (「第7表」) is a caption. Pure functions: no PDF needed."""

from ingest.headings import caption_of
from ingest.structure import continued_rows, is_split_row

HEAD = ["番号", "要望市町村", "要望事項", "県の回答", "担当課"]
ANSWER = "県では、令和7年7月に指定に関する説明会を開催しました。相談があった4団体のうち1団体は、ひい"


def test_a_row_split_at_the_page_break_joins_the_row_above():
    grid = [HEAD, ["8", "ひいらぎ市", "法人の新規指定に向けた県の働きかけを強化してほしい。", ANSWER, "住まい政策課"]]
    more = [HEAD, ["", "", "", "らぎ市内に事務所を置いています。", ""], ["9", "とちのき市", "一覧がほしい。", "作成します。", "住まい政策課"]]
    added = continued_rows(grid, more)
    assert [r[0] for r in added] == ["9"]  # the repeated header and the split half are not rows of their own
    assert "ひいらぎ市内に事務所" in grid[-1][3].replace("\n", "")
    assert grid[-1][4] == "住まい政策課"


def test_both_rows_of_a_repeated_two_level_header_go():
    top, sub = ["市町村名", "居住支援協議会", ""], ["", "設立年月", "構成団体数"]
    grid = [top, sub, ["もくせい市", "令和2年6月", "24"]]
    added = continued_rows(grid, [top, sub, ["かがみ町", "－", "－"]])
    assert added == [["かがみ町", "－", "－"]]


def test_a_grouped_tables_next_row_stays_a_row():
    last = ["支出", "事業費", "1,000"]
    assert not is_split_row(last, ["", "人件費", "2,000"])  # a short item under the same group
    assert not is_split_row(["1", "とちのき市", "説明会を開催しました。"], ["", "", "資料は後日送ります。"])  # ended
    assert is_split_row(["8", "ひいらぎ市", ANSWER], ["", "", "らぎ市内に事務所を置いています。"])


def test_a_statistical_caption_puts_the_number_first():
    assert caption_of("第7表　市町村別の居住支援の実施状況") == "表"
    assert caption_of("第2図 相談件数の推移") == "図"
    assert caption_of("第7条　この要綱は") is None
    assert caption_of("第7表の数値は速報値です。") is None


def test_a_grouped_tables_phrase_after_the_page_break_is_a_row_of_its_own():
    last = ["A市", "空き家を活用した住まい探しの説明会を各地区で開催"]
    assert not is_split_row(last, ["", "居住支援法人と連携した見守り体制の検討会を設置"])


def test_a_row_marked_as_continued_joins_the_row_above_without_its_mark():
    head = ["No.", "質問", "回答"]
    last = ["3", "構成員には、どのような団体を入れる必要がありますか。", "県では、次の分野から参加いただくことを推奨しています。"]
    more = [head, ["", "（続き）", "・不動産関係団体\n・居住支援法人"], ["4", "補助率は？", "2分の1です。"]]
    grid = [head, list(last)]
    added = continued_rows(grid, more)
    assert added == [["4", "補助率は？", "2分の1です。"]]
    assert grid[-1][1] == last[1]  # the mark is no text of the question
    assert grid[-1][2].startswith(last[2]) and grid[-1][2].endswith("・居住支援法人")
    # the key cell repeated on the new page is not doubled
    grid = [head, list(last)]
    continued_rows(grid, [head, ["3", "(続き)", "・居住支援法人"]])
    assert grid[-1][0] == "3"
    # another row's key is another row, mark or not
    assert not is_split_row(last, ["5", "（続き）", "…"])

    # a grouped table whose group cell was printed once (empty in the row above) still goes on under the mark
    assert is_split_row(["", "Q5 申請の方法は？", "郵送又は電子申請で、なお、"], ["", "（続き）", "電子データでも受け付けます。"])


def test_lines_set_to_the_right_are_lines_of_their_own():
    from ingest.clean import join_lines
    from ingest.pdf import Line
    from ingest.structure import broken_short

    def line(text: str, x0: float, x1: float, block: int = 0) -> Line:
        return Line(text=text, page_index=0, bbox=(x0, 100, x1, 110), size=10.5, block=block)

    head = [line("こ住第123号", 461, 523), line("令和8年3月2日", 451, 523), line("各市町村居住支援担当課長　様", 72, 219, 1),
            line("こまち県県土整備部住宅企画課長", 366, 523, 1)]
    text = join_lines([x.text for x in head], broken_short(head))
    assert "号 令和" in text and "様 こまち県" in text  # not 「号令和」「様こまち県」
    # a paragraph wrapped at the right edge is joined as before
    wrapped = [line("本県では、令和7年度に、居住支援協議会の設立を検討している市町村に専門家を派遣する取", 72, 523),
               line("組を試行的に実施しました。", 72, 210)]
    assert join_lines([x.text for x in wrapped], broken_short(wrapped)).count(" ") == 0
