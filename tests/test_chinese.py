"""Chinese questions: read through Japanese kanji and the data file's words (app/chinese.py), then answered by the
same mechanisms as a Japanese one."""

from app.chinese import chinese_data, from_chinese, is_chinese, to_kanji
from app.query import analyze


def test_chinese_is_told_from_japanese_written_in_kanji_alone():
    assert is_chinese("哪些县设立了居住支援协议会？")  # simplified characters
    assert is_chinese("縣怎麼支援市町村？")  # traditional, and a word only Chinese uses
    assert not is_chinese("居住支援協議会設立状況")  # Japanese of kanji alone converts to itself
    assert not is_chinese("協議会の設立目的")  # 的 inside a Japanese word, and kana
    assert not is_chinese("設立目的一覧")
    assert not is_chinese("How many prefectures held a meeting?")
    for ja in ("都道府県連携事例", "具体的支援内容一覧", "任期満了", "多少増加", "里親支援"):  # Japanese, kanji alone
        assert not is_chinese(ja) and analyze(ja).language == "ja"
    assert is_chinese("みなと县有几个居住支援法人？")  # a Chinese question naming a place in kana
    assert analyze("みなと县有几个居住支援法人？").counter == "法人"


def test_the_data_files_words_are_matched_in_the_form_conversion_gives():
    data = chinese_data()
    assert all(to_kanji(k) == k for k, _ in data.words)  # a key written in a form conversion changes would never match
    assert "予算" in from_chinese("县的预算是多少钱？") and "いくら" in from_chinese("县的预算是多少钱？")
    assert "電話番号" in from_chinese("协议会的电话号码是多少？")
    assert "携" in from_chinese("连携的事例有哪些？")  # not OpenCC's 攜


def test_a_chinese_count_question_reads_as_a_japanese_one():
    ja = from_chinese("有几个县召开了研修会？")
    assert "何県" in ja and "研修会" in ja and "开" not in ja
    q = analyze("调查对象的15个县中，有几个县的居住支援协议会没有召开会议？")
    assert q.language == "zh" and q.counter == "県" and q.numeric and q.negated
    assert {"居住", "支援", "協議", "会議", "開催"} <= set(q.tokens)
    assert q.raw.startswith("调查对象")  # the user's own words are kept for display
    assert "県" in q.compose_text and "县" not in q.compose_text  # the composer reads the Japanese


def test_a_question_whether_something_happened_is_not_read_as_its_negation():
    assert not analyze("令和5年度有没有召开居住支援协议会的会议？").negated
    assert analyze("令和5年度没有召开居住支援协议会会议的县有几个？").negated


def test_a_chinese_follow_up_carries_the_chinese_question_before_it():
    history = [{"role": "user", "content": "令和4年度一次也没有召开居住支援协议会会议的县有几个？"},
               {"role": "assistant", "content": "2県です。"}]
    q = analyze("那令和5年度呢？", history)
    assert q.follow_up and q.language == "zh" and q.counter == "県" and "协" not in q.standalone
    assert "会議" in q.standalone


def test_particles_are_replaced_outside_japanese_words_only():
    assert "目的" in from_chinese("设立居住支援协议会的目的是什么？")
    assert "令和" in from_chinese("令和5年度的不动产店有几家？")  # 和 and 不 are never touched
    assert "不動産" in from_chinese("令和5年度的不动产店有几家？")


def test_a_chinese_question_is_answered_from_the_japanese_report(built, retriever):
    from app.answer import answer_question

    ans = answer_question("令和4年度一次也没有召开居住支援协议会会议的县有几个？", settings=built[0], retriever=retriever)
    assert not ans.abstained and "2県" in ans.answer.replace(" ", "") and "日本語" in ans.note
    ans = answer_question("东京都居住支援协议会的电话号码是多少？", settings=built[0], retriever=retriever)
    assert ans.abstained  # a phone number the documents do not print
