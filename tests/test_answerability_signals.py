"""Signals of the answerability model read on invented passages (pure functions, no index): what a passage holds."""

from app.answerability import _best_sentence, _holds, _holds_value
from app.query import analyze
from app.retrieve import Hit
from ingest.clean import normalize


class _Idf:
    """Every word weighs the same."""

    def idf(self, _token: str) -> float:
        return 1.0


def test_an_amount_written_out_holds_an_amount_in_a_table_counted_in_yen():
    note = normalize("※令和5年度の県補助金は、法人活動支援補助のみの3,200千円でした。")
    assert _holds_value("money", note, "", yen=True)  # written out in 千円: an amount
    assert not _holds("count", note, "")  # read only as a bare figure of the table, it was none
    assert _holds_value("money", normalize("| 会費 | 1,600 | 1,600 |"), "", yen=True)  # the table's bare figures
    assert not _holds_value("money", normalize("| 会費 | 1,600 | 1,600 |"), "", yen=False)


def test_the_words_of_the_document_a_question_names_are_held_by_its_passages():
    q = analyze("手引きに書かれている設立の流れは？")
    passage = {"id": "g", "doc_id": "g", "text": "設立の流れは次の5段階です。"}
    named = Hit({**passage, "doc_title": "協議会設立の手引き"}, 1.0, 1)
    other = Hit({**passage, "doc_title": "協議会の活動報告"}, 1.0, 1)
    assert _best_sentence(q, _Idf(), [named]) > _best_sentence(q, _Idf(), [other])


def test_a_question_asking_the_value_before_a_change_needs_a_statement_of_that_change():
    """「前はいくら」 asks an earlier value: the passage must state how the asked thing changed. Today's figure, and
    another menu's change, answer nothing."""
    from app.answerability import _before_stated

    q = analyze("運営費補助の上限って、前はいくらだったの？")
    assert q.before and not analyze("その方のお名前は？").before and not analyze("地元は何市？").before
    assert analyze("What was the limit before the revision?").before
    today = Hit({"id": "a", "doc_id": "d", "text": "運営費補助の上限額は年額25万円です。"}, 1.0, 1)
    other = Hit({"id": "b", "doc_id": "d", "text": "設立準備補助の上限額は、令和6年度に35万円から45万円に引き上げました。"}, 1.0, 2)
    own = Hit({"id": "c", "doc_id": "d", "text": "運営費補助の上限額は、令和6年度に20万円から25万円に引き上げました。"}, 1.0, 3)
    assert _before_stated(q, _Idf(), [today]) == 0.0
    assert _before_stated(q, _Idf(), [today, own]) > _before_stated(q, _Idf(), [today, other])
    assert _before_stated(analyze("運営費補助の上限はいくら？"), _Idf(), [today]) == 1.0  # not asked: no say


def test_a_sentence_deferring_the_asked_value_is_a_signal_of_silence():
    """「委員は誰」 met by 「委員の氏名は、選定後に公表する」: the documents say the value comes later, so they do not
    state it. The signal is the share of the question the best deferring sentence holds; none defers: 0."""
    from app.answerability import _deferred, says_deferred

    q = analyze("審査会の委員は誰ですか。")
    later = Hit({"id": "a", "doc_id": "d", "text": "審査会は5名で構成する。審査会の委員の氏名は、選定後に公表する予定である。"}, 1.0, 1)
    given = Hit({"id": "b", "doc_id": "d", "text": "審査会の委員は、山田一郎氏ほか4名である。"}, 1.0, 1)
    assert says_deferred("会場は別途通知する。") and says_deferred("事務局を置く村は決まっていない。")
    assert not says_deferred("審査会の委員は5名である。")
    assert not says_deferred("教材費は別途500円です。")  # a value given, not put off
    assert not says_deferred("この要綱に定めるもののほか、必要な事項は協議の上定める。")  # boilerplate
    assert _deferred(q, _Idf(), [later]) > 0.5
    assert _deferred(q, _Idf(), [given]) == 0.0


class _Corpus(_Idf):
    """A corpus that knows only the words its passages print."""

    def __init__(self, text: str):
        from ingest.tokens import content_words

        self.words = set(content_words(text))

    def knows(self, token: str) -> bool:
        return token in self.words


def test_a_year_told_from_today_is_covered_by_a_passage_that_states_a_year():
    """「来年度」 in a question: a dated document says 令和8年度 instead, so a passage stating a year covers it
    and it is no word the documents lack; a passage stating no year does not."""
    from app.answerability import _coverage

    q = analyze("市町村部会は来年度は何回開催するの？")
    dated = Hit({"id": "a", "doc_id": "d", "text": "令和8年度の市町村部会は3回開催します。"}, 1.0, 1)
    undated = Hit({"id": "b", "doc_id": "d", "text": "市町村部会は年3回開催します。"}, 1.0, 1)
    cover, unknown_missing, unknown_share = _coverage(q, _Corpus(dated.chunk["text"]), [dated], synonyms=True)
    assert cover == 1.0 and not unknown_missing and unknown_share == 0.0
    assert _coverage(q, _Corpus(undated.chunk["text"]), [undated], synonyms=True)[0] < 1.0


def test_the_asked_value_must_stand_in_the_clause_of_the_asked_topic():
    """A day in the sentence, but in the item of another course: the clause about the asked course holds none."""
    from app.answerability import _kind_clause, _kind_near

    q = analyze("実践研修って、7月の何日にやるの？")
    both = Hit({"id": "a", "doc_id": "d", "text": "・基礎研修：令和8年11月12日（木）、県庁講堂・実践研修：令和9年7月（予定）"
                                                  "、事例検討を中心に実施"}, 1.0, 1)
    dated = Hit({"id": "b", "doc_id": "d", "text": "・基礎研修：令和8年11月（予定）・実践研修：令和9年7月15日（木）、県庁講堂"}, 1.0, 1)
    assert _kind_near(q, _Idf(), [both]) == 1.0  # the sentence holds a day (the other course's)
    assert _kind_clause(q, _Idf(), [both]) < 1.0
    assert _kind_clause(q, _Idf(), [dated]) == 1.0
    row = Hit({"id": "c", "doc_id": "d", "text": "| 研修 | 日程 |\n|---|---|\n| 基礎研修 | 11月12日 |\n| 実践研修 | 7月（予定） |"},
              1.0, 1)
    assert _kind_clause(q, _Idf(), [row]) < 1.0  # a table row is one clause
    assert _kind_clause(analyze("実践研修の内容は？"), _Idf(), [both]) == 1.0  # no value asked: no say


def test_a_bare_counter_of_the_question_is_held_by_a_counted_figure():
    from app.answerability import with_counters

    assert with_counters({"派遣", "4回", "11名", "令和"}) >= {"回", "名", "4回", "派遣"}
    assert "令和" in with_counters({"令和"}) and len(with_counters({"4", "派遣"})) == 2  # a bare number adds nothing


def test_clauses_are_items_sentences_and_rows_read_under_their_labels():
    from app.answerability import _clauses

    assert _clauses("・基礎研修：11月12日、講堂・実践研修：7月（予定）") == ["・基礎研修:11月12日、講堂", "・実践研修:7月(予定)"]
    assert _clauses("相談窓口（住宅・福祉）は平日。高齢者・障害者も対象。") == ["相談窓口(住宅・福祉)は平日。", "高齢者・障害者も対象。"]
    rows = _clauses("| 区分 | 内容 |\n|---|---|\n| 家賃補助 | 月額｜上限あり |")
    assert len(rows) == 1 and rows[0].endswith("区分:家賃補助 内容:月額|上限あり")  # the escaped ｜ stays in its cell
