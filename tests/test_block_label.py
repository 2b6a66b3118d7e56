"""Whose statement a quote is: the label of the block it stands in (pure function, no index)."""

from app.compose import block_label

MINUTES = ["【ひばり市】保証人を立てられないことを理由に断られる例が多い。", "家賃債務保証の周知が必要と感じている。",
           "【こもれび市】相談件数は187件であった。", "不動産店の参加が少ない。",
           "【調査結果】", "調査対象の15県では会議を開いていた。",
           "○ 県は市町村に制度を説明した。", "その結果、2市が設立した。",
           "○委員長：それでは開会します。", "本日の議題は二つです。",
           "2 今後の予定", "次回は3月に開く。"]


def test_a_sentence_inside_a_labelled_block_is_attributed_to_its_label():
    assert block_label(MINUTES, 1) == "ひばり市"
    assert block_label(MINUTES, 3) == "こもれび市"  # the nearest label, not the first
    assert block_label(MINUTES, 9) == "委員長"


def test_a_sentence_that_opens_with_its_label_or_stands_under_a_heading_gets_none():
    assert block_label(MINUTES, 0) == ""  # its own label is shown already
    assert block_label(MINUTES, 5) == ""  # 【調査結果】 alone on its line heads a section
    assert block_label(MINUTES, 7) == ""  # ○ as a bullet before a sentence is no speaker
    assert block_label(MINUTES, 11) == ""  # a heading ends the block


def test_a_yes_no_question_asks_for_no_kind_of_value():
    from app.answer_kinds import asked_kinds

    assert asked_kinds("その費用に職員の人件費は含まれますか。") == ()  # whether, not how much
    assert asked_kinds("引っ越し費用の助成は受けられますか?") == ()
    assert asked_kinds("費用はいくらですか") == ("money",)
    assert asked_kinds("協議会の会長は誰ですか。") == ("person",)
    assert asked_kinds("How much is the fee?") == ("money",)


def test_a_rate_question_asks_for_a_rate_not_a_count():
    """「補助率ってどのくらい？」 is answered by 2分の1 or 46.3%, not by 月額4万円: a near miss asks the rate of a scheme
    whose ceiling the documents give."""
    from app.answer_kinds import ANSWER_LOOKS, asked_kinds
    from app.answerability import _asked
    from app.query import analyze

    assert asked_kinds("家賃低廉化補助の補助率ってどのくらい？") == ("rate",)
    assert asked_kinds("効率的な運営の方法は？") == ()
    assert _asked(analyze("家賃低廉化補助の補助率ってどのくらい？")) == ["rate"]
    assert _asked(analyze("福祉部局の職員は何人で、全体の何％でしたか。")) == ["rate", "count"]  # asks both
    assert ANSWER_LOOKS["rate"].search("補助率 2分の1") and not ANSWER_LOOKS["rate"].search("上限は月額4万円")


def test_a_block_ends_with_its_paragraph_and_a_bullet_before_a_sentence_is_no_speaker():
    from ingest.clean import split_sentences

    sents = split_sentences("【ひばり市】保証人の例が多い。周知が必要。\n事務局から、次回は3月に開くと説明があった。")
    assert [block_label(sents, k) for k in range(len(sents))] == ["", "ひばり市", ""]
    bullet = ["○ 住宅確保要配慮者への 支援について説明した。", "県は補助を続ける。"]
    assert block_label(bullet, 1) == ""


def test_a_request_phrased_as_a_question_still_asks_for_its_value():
    from app.answer_kinds import asked_kinds

    assert asked_kinds("相談窓口の電話番号を教えてもらえますか") == ("contact",)
    assert asked_kinds("申請の締め切りを教えていただけますか") == ("date",)
    assert asked_kinds("Can you tell me the phone number of the office?") == ("contact",)


def test_a_question_that_stands_on_its_own_is_no_follow_up():
    from app.query import is_follow_up

    for q in ("協議会の会長は誰ですか", "補助金の上限額はいくら", "セミナーの会場はどこ？", "協議会の事務局は何課ですか",
              "現在どこで相談できますか", "月末までに申請できますか", "合計で何人が参加しましたか"):
        assert not is_follow_up(q), q
    for q in ("現行だといくら？", "共同設置なら？", "令和5年度は？", "前の年度はいくらだった？",
              "今年度はこれまでにどれくらい使われてる？", "これまでの合計はどれくらい使われた？",  # time or a whole only
              "いちばん多く開いたのはどこ？"):  # a degree names no topic
        assert is_follow_up(q), q


def test_what_a_name_a_person_and_a_span_of_time_look_like_in_a_passage():
    from app.answer_kinds import ANSWER_LOOKS
    from app.answerability import DURATION, DURATION_ASKED

    assert ANSWER_LOOKS["name"].search("少なくとも、不動産関係団体と居住支援法人を加えてください")  # a body by its kind
    assert ANSWER_LOOKS["name"].search("活動地域は、いなほ市とさわらび町です")  # a municipality written in kana
    assert not ANSWER_LOOKS["name"].search("すべての市町村で")  # not a particle run before 市
    assert ANSWER_LOOKS["person"].search("代表理事：早瀬 千尋")  # a role, then the name
    assert DURATION.search("設立した年度の翌年度から3年度まで") and DURATION_ASKED.search("何年度まで受けられますか")
    assert not DURATION.search("相談件数は3件")


def test_a_rate_tables_bare_numbers_hold_a_rate():
    from app.answerability import _holds

    row = "| 高齢者 | 312 | 46.5 | 新規相談の内訳 （単位：件、％） | 区分 | 件数 | 構成比"
    assert _holds("rate", row, "高齢者の構成比は何％")
    assert not _holds("rate", "| 高齢者 | 312 | 新規相談の件数 （単位：件） | 区分 | 件数", "高齢者の構成比は何％")


def test_a_name_with_shi_is_a_person_whatever_follows_but_a_role_is_not():
    from app.answer_kinds import ANSWER_LOOKS

    person = ANSWER_LOOKS["person"]
    assert person.search("副会長は、宅地建物取引業協会の柚木孝典氏が務めています。")
    assert person.search("事務局から田中氏が説明した。")
    assert not person.search("協議会会長が指名する委員で構成します。")
    assert not person.search("家主さんが安心して貸せるように")


def test_a_role_with_a_shifting_prefix_is_another_role():
    from app.answerability import bare

    assert not bare("会長", "副会長は、協会の柚木孝典氏が務めています。")  # the 会長 is not named
    assert bare("会長", "会長は山田氏、副会長は柚木氏です。")
    assert bare("副会長", "副会長は柚木氏です。")
    assert not bare("制度", "旧制度では上限額は40万円でした。")
    assert bare("相談", "事前相談は5日前までに申し込みます。")  # 前 inside 事前 shifts nothing
