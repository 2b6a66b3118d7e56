"""What kind of answer a question asks for, and what such an answer looks like (app.answer_kinds)."""

import re

from app.answer_kinds import ANSWER_LOOKS, asked_kinds
from ingest.clean import normalize


def kinds(text: str) -> tuple[str, ...]:
    return asked_kinds(normalize(text))


def test_how_many_years_about_asks_a_span_of_time():
    assert "duration" in kinds("同意書って何年くらい取っておけばいいの？")
    assert "duration" not in kinds("協議会は何年に設立されましたか。")


def test_the_venue_of_a_gathering_is_a_building_or_online_not_the_body_running_it():
    assert kinds("研修会の実践編って、会場どこでやるの？") == ("venue",)
    assert kinds("研修会はどこで開かれますか") == ("venue",)
    assert "venue" not in kinds("会場使用料はいくら？")  # names a venue, asks a sum
    assert kinds("申請はどこでできますか") == ("place",)  # where a thing is done: a desk will do
    venue = ANSWER_LOOKS["venue"]
    assert venue.search(normalize("会場：県庁本館5階 第1会議室"))
    assert venue.search(normalize("オンライン（Zoom）で開催"))
    assert not venue.search(normalize("実践編は会場での受講のみです。居住支援法人の担当者も参加できます。"))
    assert ANSWER_LOOKS["place"].search(normalize("住宅政策課の窓口で受け付けます。"))
    assert "venue" not in kinds("住まいの相談はどこでやってるの？")  # a service at a desk
    assert "venue" not in kinds("申請書の提出場所はどこですか")
    assert not venue.search(normalize("県内市町村の担当者を対象に実施します。"))  # no place by name


def test_a_fax_number_is_one_labelled_fax():
    assert "fax" in kinds("地域福祉課のFAX番号を教えてください。")
    assert "contact" not in kinds("FAXは？")
    fax = ANSWER_LOOKS["fax"]
    assert fax.search(normalize("電話：026-555-0142（直通） FAX：026-555-0199"))
    assert not fax.search(normalize("電話 0287-555-0452（直通） 受付 平日 8:30〜17:15"))
    assert fax.search("| FAX | 026-555-0199 |")
    assert fax.search(normalize("ファクシミリ (026)555-0199"))
    assert "fax" not in kinds("FAXとメールのどちらで申し込めばいいですか")  # asks how, not the number
    assert "fax" in kinds("センターにFAXで送りたいんだけど、番号わかる？")
    assert re.search(ANSWER_LOOKS["contact"], normalize("電話 0287-555-0452"))


def test_who_filled_a_role_asks_for_a_person():
    from app.answer_kinds import asked_kinds
    from ingest.clean import normalize

    assert "person" in asked_kinds(normalize("講演で講師をやったのって誰？"))
    assert "person" in asked_kinds(normalize("司会をしたのは誰ですか"))
    assert "person" not in asked_kinds(normalize("協議会の事務局を担うのは誰？"))  # a role, not a person
    # a comma or 「それぞれ」 between the topic and 誰 / どなた: still a person
    assert "person" in asked_kinds(normalize("評価委員会の有識者3名は、どなたですか。"))
    assert "person" in asked_kinds(normalize("審査会の外部有識者3名は、それぞれ誰ですか。"))


def test_a_day_asked_is_not_answered_by_a_month():
    from app.answer_kinds import ANSWER_LOOKS, asked_kinds
    from ingest.clean import normalize

    assert "day" in asked_kinds(normalize("研修会の2回目、11月の何日？"))
    assert "day" in asked_kinds(normalize("交付決定は何月何日ですか。"))
    assert "day" not in asked_kinds(normalize("何日前までに申し込めばいい？"))  # a span before, not a day
    assert "day" not in asked_kinds(normalize("利用できる期間は最長何日ですか。"))
    assert "day" not in asked_kinds(normalize("いつ開催しますか。"))  # a month may answer 「いつ」
    day = ANSWER_LOOKS["day"]
    assert day.search(normalize("第2回を11月14日に開催します。"))
    assert day.search(normalize("毎月第2木曜日に開催"))
    assert not day.search(normalize("第2回を11月にオンラインで開催する予定です。"))
    assert not day.search(normalize("11月中旬に開催予定"))


def test_a_day_is_a_day_of_a_month_not_a_span_an_ordinal_or_a_fraction():
    from app.answer_kinds import ANSWER_LOOKS, asked_kinds
    from app.counting import asked_counter
    from ingest.clean import normalize

    day = ANSWER_LOOKS["day"]
    for text in ("補助率は1/2です", "30日以上", "研修の2日目"):
        assert not day.search(normalize(text)), text
    for text in ("11/14（金）", "11月14日"):
        assert day.search(normalize(text)), text
    assert "day" not in asked_kinds(normalize("週に何日開いていますか"))
    assert asked_kinds(normalize("What is the mail address?")) == ("email",)
    assert asked_counter(normalize("協議会を設立したのは何市町村か教えてください")) == "市町村"


def test_a_contact_asked_for_not_a_service_named_after_one():
    from app.answer_kinds import asked_kinds
    from ingest.clean import normalize

    assert "contact" in asked_kinds(normalize("相談窓口の連絡先を教えてください"))
    assert "contact" in asked_kinds(normalize("このアンケートの問い合わせ先の電話って何番？"))
    assert "contact" not in asked_kinds(normalize("緊急連絡先を引き受けてくれる居住支援法人って県内にいくつある？"))


def test_a_share_is_answered_by_a_rate_or_a_split_not_by_a_time():
    from app.answer_kinds import ANSWER_LOOKS
    from ingest.clean import normalize

    rate = ANSWER_LOOKS["rate"]
    for text in ("補助率は2分の1", "構成比は46.3％", "経費は人口割で負担", "7：3で負担"):
        assert rate.search(normalize(text)), text
    for text in ("13:30～16:30に開催", "受付は10：00から", "令和7年度", "表2：令和6年度の相談件数", "STEP1：申請書を提出（2週間）",
                 "問3：年齢（1つ選択）", "住民税均等割のみ課税"):
        assert not rate.search(normalize(text)), text


def test_a_month_asked_is_not_answered_by_a_fiscal_year_or_a_span():
    from app.answer_kinds import finest

    assert "month" in asked_kinds(normalize("空木村は令和8年度の何月に協議会を設立する予定ですか。"))
    assert "month" in asked_kinds(normalize("In what month was the council founded?"))
    assert "month" not in asked_kinds(normalize("準備には何か月かかりますか"))  # a span, not a month
    looks = ANSWER_LOOKS["month"]
    for text in ("令和8年10月", "10月中旬", "11/14（金）", "in October"):
        assert looks.search(normalize(text)), text
    for text in ("令和8年度中", "3か月", "月額1,500円", "2025年", "補助率は１／２以内", "資料1/6", "may be submitted"):
        assert not looks.search(normalize(text)), text
    assert finest(["date", "month"]) == ["month"] and finest(["date", "count"]) == ["date", "count"]


def test_who_bears_a_cost_is_no_question_of_how_much():
    from app.answer_kinds import asked_kinds
    from ingest.clean import normalize

    assert "money" not in asked_kinds(normalize("アドバイザーは年に何回まで受けられて、費用はどこが負担しますか。"))
    assert "money" not in asked_kinds(normalize("研修の費用は誰が負担しますか"))
    assert "money" in asked_kinds(normalize("設立の費用はどのくらいかかる？"))


def test_the_day_and_time_of_an_event_asks_a_day():
    """「開催日時」「開催日」 ask for a day: a fiscal year (令和7年度 in the event's name) is no answer; 開催日数 asks a count."""
    from app.compose import nearby_kind
    from app.query import analyze
    from app.retrieve import Hit

    assert "day" in analyze("読書講座の開催日時を教えてください。").asks
    assert "day" in analyze("開催日は？").asks
    assert "day" not in analyze("開催日数は？").asks
    cover = Hit({"id": "c", "doc_id": "d", "text": "令和7年度 図書館ボランティア講座\n本の修理を学ぶ\n令和7年9月6日（土）10時～12時\n"
                                                "会場：中央図書館 2階"}, 1.0, 1)
    q = analyze("本の修理を学ぶ講座の開催日時を教えてください。")
    assert nearby_kind(q, cover, "本の修理を学ぶ") == "令和7年9月6日（土）10時～12時"
    assert nearby_kind(q, cover, "会場：中央図書館 2階") is None  # nothing after it


def test_each_sentence_of_a_question_asks_for_itself():
    """「会費を集める必要はありますか。県内ではどうしていますか。」 asks whether and how: no sum, though 会費 is named and
    the second sentence has a question word; 「上限額はいくらですか。」 still asks one."""
    assert asked_kinds("協議会の構成団体から会費を集める必要はありますか。県内の協議会ではどうしていますか。") == ()
    assert asked_kinds("会費はいくらですか？") == ("money",)


def test_a_speaker_introducing_themselves_by_post_and_surname_names_a_person():
    looks = ANSWER_LOOKS["person"]
    assert looks.search("皆さん、こんにちは。住宅課居住支援係長の篠崎です。")
    assert not looks.search("係長の職務は、協議会の事務を行うことです。")


def test_each_clause_of_a_joined_question_asks_for_itself():
    # a count, then whether: the cost is named in a yes/no clause, no sum is asked
    assert "money" not in kinds("How many visits can one town receive per year, and is the cost covered by the grant?")
    assert "money" not in kinds("派遣は年に何回まで受けられますか、費用は補助の対象になりますか")
    assert "money" in kinds("派遣は年に何回まで受けられますか、費用はいくらですか")
    assert "money" in kinds("How many people can attend, and what is the fee?")


def test_a_sum_named_under_another_question_word_is_not_asked():
    assert "money" not in kinds("From which fiscal year's budget does the rule apply?")
    assert "money" in kinds("What is the budget for the council in 2025?")
    assert "money" in kinds("How much is the fee for the training?")
    # a relative clause's who / which / when asks nothing of its own
    assert "money" in kinds("What is the fee for residents who are over 65?")
    assert "money" in kinds("What is the budget for the program which started in 2024?")
    assert "money" in kinds("How many yen is the fee?")
    assert "money" not in kinds("変更承認のいらない減額の範囲はどうなりますか")  # a reduction, not a sum asked
    assert "money" in kinds("補助金の上限額はどうなりますか")


def test_how_often_asks_a_frequency_answered_by_a_recurring_time():
    from app.answer_kinds import ANSWER_LOOKS, value_kinds
    for q in ("どのくらいの頻度で担当者会議を開いていますか", "見守りってどのくらいのペースで来てくれるの？",
              "How often does the council meet?"):
        assert asked_kinds(q) == ("frequency",), q
        assert "count" not in value_kinds(asked_kinds(q), True, "")  # 「どのくらい」 is no count here
    assert "frequency" not in asked_kinds("年に何回開きますか")  # a count: 3回 answers it
    looks = ANSWER_LOOKS["frequency"]
    assert all(looks.search(t) for t in ("毎月の担当者会議", "月に1回訪問", "年2回開催", "隔週で", "3か月に1回", "随時"))
    assert not looks.search("令和7年度は3回開催した")


def test_a_sum_only_named_beside_another_question_word_is_not_asked():
    assert "money" not in asked_kinds("設立準備補助金は何市町村分の予算が計上されていますか")
    assert "money" not in asked_kinds("何年度の予算で実施しましたか")
    assert "money" in asked_kinds("予算はいくらで、何市町村分ですか")
    assert "money" in asked_kinds("会費は年何円ですか")


def test_a_month_alone_answers_when():
    from app.answer_kinds import ANSWER_TYPES

    looks = ANSWER_TYPES["date"][1]
    assert looks.search("10月までに庁内の準備会を立ち上げよう") and looks.search("応用研修を毎年11月に開催する")
    # a span or a frequency is no date
    assert not looks.search("福祉課に来て2か月") and not looks.search("3か月に1回") and not looks.search("月に1回")


def test_a_month_in_brackets_or_alone_in_a_cell_answers_when():
    from app.answer_kinds import ANSWER_LOOKS

    assert ANSWER_LOOKS["date"].search("| 市町村職員研修 | 基礎研修（6月）、実務研修（10月） |")
    assert ANSWER_LOOKS["date"].search("| 第2回 | 11月 | 県庁 |")
    assert not ANSWER_LOOKS["date"].search("支援期間（6か月）")  # a span, not a month
