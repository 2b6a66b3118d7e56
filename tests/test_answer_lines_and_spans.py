"""Lines that ask, lines that answer, and spans of time (BLIND33/34: a committee record whose members ask with
「…伺います。」, a Q&A whose answers start with a red 「A」 set larger than their text, 「何日で転居できた」),
checked on other wording:

- one check says whether a sentence asks, for ingest (a turn read with its reply) and for the answer layer
  (a question line is no answer): ？, a か that asks, or a request for an answer (vocabulary `request_endings`);
- an answer mark set apart from its text (「A　県では…」) is read apart and is an answer line, and a letter set
  larger than its line does not make the line a heading;
- 「何日で」「何日かかる」 count days and 「…までどれくらいかかる」 asks a span, 「何日でしたか」 a date;
- a letter-spaced label (「場　所　…」) names what its line holds;
- a table look-up whose passage leaves out what the question asks about is a signal against answering.
"""

from app.answerability import features
from app.query import analyze
from app.retrieve import Hit
from app.sentence_rank import ANSWER_AFTER_Q, ANSWER_LINE, is_question_line, labels_kind
from ingest.asking import asks_sentence
from ingest.pdf import _fragments, _spaced_text


def test_one_check_for_a_sentence_that_asks():
    assert asks_sentence("今後の見通しについて、改めて伺います。")
    assert asks_sentence("あわせて、補助の要件についても説明をお願いします。")
    assert asks_sentence("対象になりますか")
    assert not asks_sentence("次のいずれか。")
    assert not asks_sentence("設立は令和7年4月です。")
    assert is_question_line("Q4．会費は必要ですか")  # marked as a question
    assert is_question_line("問3：補助の対象を示してください。")
    assert not is_question_line("A 会費は集めていません。")
    assert is_question_line("Q 申込みの方法について")  # a Q mark set apart from its text
    assert not is_question_line("居住支援法人とは何か")  # a heading phrased as a question
    assert not asks_sentence("相談員がご自宅に伺います。")  # a statement of what staff will do


def test_an_answer_mark_set_apart_is_an_answer_line_only_under_a_question():
    # 「A 」 before Japanese text marks an answer where a question came before it in the passage (sentence_rank
    # reads it so); alone it may be a survey's option (「A 賃貸住宅」), so the plain answer mark needs its 「．」
    assert ANSWER_AFTER_Q.match("A 会費を集めている協議会はありません。")
    assert not ANSWER_LINE.match("A 賃貸住宅")
    assert ANSWER_LINE.match("A．会費は不要です。")
    assert not ANSWER_AFTER_Q.match("A council meets twice a year.")


def _char(text, x0, size=9.4, width=None):
    w = size if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + w, "top": 100.0, "bottom": 100.0 + size, "size": size,
            "fontname": "ABCDEF+IPAexGothic"}


def test_a_gap_of_half_a_character_reads_as_a_space_and_a_tight_line_does_not():
    marked = [_char("A", 30, 10.0, 7.0), *[_char(c, 45 + 9.4 * k) for k, c in enumerate("協議会は")]]
    assert _spaced_text(marked) == "A 協議会は"
    tight = [_char(c, 45 + 9.6 * k) for k, c in enumerate("協議会は")]  # justified: 0.2 pt between glyphs
    assert _spaced_text(tight) == "協議会は"
    tracked = [_char(c, 45 + 14.1 * k) for k, c in enumerate("居住支援の手引き")]  # a title set letter-spaced
    assert _spaced_text(tracked) == "居住支援の手引き"


def test_a_letter_set_larger_does_not_size_its_line():
    line = [_char("A", 30, 10.5, 7.0), *[_char(c, 45 + 9.4 * k) for k, c in enumerate("会費は不要です")]]
    frags = _fragments(line, 0)
    assert len(frags) == 1 and abs(frags[0].size - 9.4) < 0.01
    heading = [_char(c, 45 + 12 * k, 12.0) for k, c in enumerate("第2章 設立")]
    assert abs(_fragments(heading, 0)[0].size - 12.0) < 0.01


def test_spans_of_days_and_days_of_the_month():
    # (days counted: no day of the month, which a date in the passage would answer wrongly)
    assert not {"date", "day"} & set(analyze("相談から何日で入居できましたか。").asks)
    assert not {"date", "day"} & set(analyze("申請してから決定まで何日かかる？").asks)
    assert analyze("登録までどれくらいかかるの？").asks == ("duration",)
    assert "day" in analyze("説明会は何日でしたか。").asks
    assert "money" in analyze("改修の費用はどれくらいかかる？").asks and "duration" not in analyze("改修の費用はどれくらいかかる？").asks
    from app.answer_kinds import ANSWER_LOOKS
    assert ANSWER_LOOKS["duration"].search("相談から47日で転居しました。")
    assert not any(ANSWER_LOOKS["duration"].search(t) for t in ("11月15日で締め切ります。", "令和3年で終了しました。"))


def test_a_letter_spaced_label_names_its_line():
    assert labels_kind("会\u3000場\u3000みどり市民会館 2階", ("place",))
    assert labels_kind("日\u3000時\u3000令和8年10月2日（金）", ("date",))
    assert not labels_kind("本\u3000日は雨のため中止", ("place",))


def _table(title: str, grid: list[list[str]]) -> Hit:
    text = "\n".join([title, *("| " + " | ".join(r) + " |" for r in grid)])
    from ingest.tokens import content_words
    return Hit({"id": title, "doc_id": "d", "doc_title": "", "text": text, "grid": grid, "unit_title": title,
                "kind": "table", "tokens": content_words(text)}, 1.0, 1)


def test_a_look_up_in_a_table_about_something_else_leaves_a_gap(retriever):
    seminars = _table("表1　令和8年度 研修会の予定", [["回", "開催予定日"], ["第1回", "令和8年7月14日"],
                                                  ["第2回", "令和8年10月6日"]])
    from app.compose import looked_up

    cell = looked_up((seminars, 1, 1, "第1回", "開催予定日", "令和8年7月14日"))  # what the look-up stood on
    asked = analyze("令和8年度の幹事会の第1回はいつ？")
    wrong = features(asked, retriever, [seminars], cell_found=True, cell_hit=cell)
    right = features(analyze("令和8年度の研修会の第1回はいつ？"), retriever, [seminars], cell_found=True, cell_hit=cell)
    none = features(asked, retriever, [seminars], cell_found=False, cell_hit=None)
    assert wrong["cell_gap"] > right["cell_gap"] and none["cell_gap"] == 0.0


def test_a_cell_look_up_stands_on_its_caption_column_and_row_only():
    from app.compose import looked_up

    totals = _table("表3　センターの相談実績", [["区分", "令和6年度", "令和7年度"], ["相談件数", "1,047件", "1,318件"],
                                             ["うち入居に至った件数", "142件", "186件"],
                                             ["出張相談会の開催回数", "12回", "16回"]])
    text = looked_up((totals, 2, 1, "うち入居に至った件数", "令和6年度", "142件")).chunk["text"]
    assert "表3" in text and "令和6年度" in text and "うち入居に至った件数" in text
    assert "出張相談会" not in text and "令和7年度" not in text  # another row, another column
