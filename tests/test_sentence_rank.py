"""The composer's sentence scorer and the fitting of it: pure text logic and a tiny synthetic fit
(no index, no model). Passages are invented, in shapes (FAQ, lead-in list, speaker turns) the rules
must handle in any document."""

import json

import numpy as np
import pytest

from app.compose import pick_sentences
from app.query import analyze
from app.retrieve import Hit
from app.sentence_rank import FEATURES, MODEL_FILE, SentenceModel, candidates, hand_model, load_model
from eval.fit_sentences import Item, listwise_weights


class FlatIdf:
    """A retriever stand-in for the scorer: every word equally rare."""

    def idf(self, _token: str) -> float:
        return 1.0


def _hit(text: str, rank: int = 1) -> Hit:
    return Hit({"id": f"c{rank}", "doc_id": "d", "text": text, "unit_title": ""}, 1.0, rank)


def test_a_question_line_brings_its_answer():
    faq = ("Q7．図書館の本は何冊まで借りられますか。\nA．一人10冊まで、2週間借りられます。延長は1回までです。\n"
           "Q8．返却ポストはどこにありますか。\nA．正面玄関の右側にあります。")
    picked = pick_sentences(analyze("本って何冊まで借りられるの？"), [_hit(faq)], FlatIdf(), model=hand_model())
    texts = [s for _h, s, _ in picked]
    assert any("10冊" in s for s in texts)  # the answer line, not only the question that matches the words
    assert not any("正面玄関" in s for s in texts)  # the next Q&A is another question's answer


def test_a_lead_in_sentence_brings_the_items_under_it():
    text = ("申込みの手順は次のとおりです。\n①窓口で申込書を受け取る\n②必要事項を記入する\n③係員に提出する\n"
            "■その他\n駐車場はありません。")
    picked = pick_sentences(analyze("申込みの手順を教えてください"), [_hit(text)], FlatIdf(), model=hand_model())
    texts = " ".join(s for _h, s, _ in picked)
    assert "①" in texts and "③" in texts
    assert "駐車場" not in texts


def test_features_mark_question_answer_and_kind_lines():
    text = "Q2．説明会はいつですか。\nA．令和7年5月12日に開きます。\n会場は市民会館です。"
    cands = {c.text: c.features for c in candidates(analyze("説明会はいつ開かれますか"), [_hit(text)], FlatIdf())}
    q_line = next(f for t, f in cands.items() if t.startswith("Q2"))
    a_line = next(f for t, f in cands.items() if t.startswith("A．"))
    assert q_line["question_line"] == 1.0 and a_line["question_line"] == 0.0
    assert a_line["answer_line"] == 1.0
    assert a_line["kind_match"] == 1.0 and q_line["kind_missing"] == 1.0  # いつ asks for a date


def test_listwise_fit_learns_which_feature_marks_the_relevant_sentence():
    rng = np.random.default_rng(0)
    items = []
    j = FEATURES.index("kind_match")
    for _ in range(60):
        x = rng.normal(size=(8, len(FEATURES)))
        x[:, j] = 0.0
        y = np.zeros(8, dtype=int)
        y[rng.integers(8)] = 1
        x[y == 1, j] = 1.0  # the relevant sentence is the one holding the asked kind of answer
        items.append(Item("q", None, [], [], [], "", x, y))
    _mu, _sd, w = listwise_weights(items)
    assert w[j] == max(w) and w[j] > 0.5


def test_model_round_trip_and_a_stale_file_falls_back_to_the_hand_weights(tmp_path):
    m = SentenceModel(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), tuple(range(len(FEATURES))), 0.0, 0.3)
    p = tmp_path / "m.json"
    p.write_text(json.dumps(m.to_json()))
    assert load_model(str(p)) == m
    stale = m.to_json() | {"names": ["overlap"], "mean": [0.0], "scale": [1.0], "coef": [1.0]}
    p2 = tmp_path / "stale.json"
    p2.write_text(json.dumps(stale))
    with pytest.warns(UserWarning, match="other sentence features"):
        assert load_model(str(p2)).link == "identity"
    assert m.keep(-0.5, 0.0) and not m.keep(-3.0, 0.0)  # e^-0.5 ≥ 0.3 > e^-3


def test_the_shipped_model_is_fitted_on_the_banks_not_the_dev_set():
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(shipped["names"]) == FEATURES, "refit with `make fit` after changing the features"
    meta = shipped["meta"]
    assert meta["fitted"] and "questions.jsonl" not in meta["trained_on"]
    assert meta["out_of_fold"]["fitted"]["fact_share"] > 0


def test_a_date_question_is_led_by_the_sentence_that_states_a_date():
    from app.answer import compose_extractive

    text = ("みどり市の読書まつりは、市立図書館と商店街が一緒に開く催しで、毎年たくさんの家族が読書まつりに参加しています。\n"
            "今年の読書まつりは令和7年11月3日に中央公園で開きます。\n雨の場合は市民会館に会場を移します。")
    q = analyze("みどり市の読書まつりはいつ開かれますか")
    answer, cites = compose_extractive(q, [_hit(text)], FlatIdf())
    first = answer.splitlines()[0]
    assert "11月3日" in first  # the date leads, not the sentence that repeats the question's words
    assert cites and cites[0].quotes


def test_a_heading_ending_in_ka_is_not_a_question_line():
    from app.sentence_rank import is_question_line

    assert is_question_line("Q3．申込みはいつまでですか。")
    assert is_question_line("会議は公開されるのか？")
    assert not is_question_line("居住支援法人のほか")


def test_a_sentence_pointing_at_the_items_under_it_introduces_them():
    from app.sentence_rank import introduces_list

    sents = ["県は、次の4つの役割を担います。", "・情報提供：制度の動向を届けます。", "・人材育成：研修を開きます。", "以上の役割を果たします。"]
    assert introduces_list(sents, 0)
    assert not introduces_list(sents, 1)  # an item introduces nothing
    assert not introduces_list(["次の会議で決めます。", "会議は3月です。"], 0)  # nothing listed under it


def test_a_sentence_counting_the_items_under_it_introduces_them():
    """「2法人を指定しました」 over two ● lines (perhaps after one more sentence) names them one by one."""
    from app.sentence_rank import introduces_list

    sents = ["県は10月20日、新たに2法人を指定しました。", "これにより、県内の法人は23法人になりました。",
             "●NPO法人ささぶね（瑠璃市）：見守り", "●株式会社みちしるべ（常盤市）：家賃債務保証", "指定は年2回です。"]
    assert introduces_list(sents, 0)
    assert not introduces_list(sents, 2)  # an item introduces nothing
    # the count must be the items': three cities are not two lines, nor four
    assert not introduces_list(["3市が設立しました。", "・A市", "・B市"], 0)
    assert not introduces_list(["3市が設立しました。", "・A市", "・B市", "・C市", "・D市"], 0)
    assert introduces_list(["三つの柱があります。", "■相談", "■入居", "■見守り"], 0)


def test_a_bullet_brings_its_sub_items():
    from app.compose import _bullet

    assert _bullet("・県がアドバイザーを派遣します") == "・" and _bullet("－社会福祉士、大学教員") == "－"
    assert _bullet("県がアドバイザーを派遣します") == ""


def test_a_figure_line_is_quoted_with_the_line_it_labels():
    from app.retrieve import Hit
    from app.sentence_rank import passage_sentences

    text = "相談の状況\n4,812件\n令和6年度に窓口が受けた相談件数。\n令和5年度から約2割増えました。\n協力店数\n42店\n| 市 | 件数 |"
    sents = passage_sentences(Hit({"id": "c", "text": text}, 1.0, 1))
    assert "4,812件 令和6年度に窓口が受けた相談件数。" in sents
    assert "協力店数 42店" in sents
    assert "令和5年度から約2割増えました。" in sents  # a sentence with a figure is no figure line
    # label, figure, label, figure: each figure with its own label, never with the next one
    slide = "相談件数\n4,812件\n協力店数\n42店\n登録住宅\n1,203戸\n2 地域の取組"
    assert passage_sentences(Hit({"id": "d", "text": slide}, 1.0, 1)) == [
        "相談件数 4,812件", "協力店数 42店", "登録住宅 1,203戸", "2 地域の取組"]


def test_a_records_labelled_request_asks_and_its_labelled_reply_answers():
    """【要望事項】… is asked like an FAQ's Q and 【県の回答】… answers it (labels from the vocabulary data);
    a block's own label (【居住支援法人の意見の概要】) is neither."""
    from app.sentence_rank import ANSWER_LINE, is_question_line

    assert is_question_line("【要望事項】運営費補助金の交付期間の延長を要望する。")
    assert ANSWER_LINE.match("【県の回答】交付期間の延長は、現時点では困難です。")
    assert not is_question_line("【県の回答】交付期間の延長は、現時点では困難です。")
    label = "【居住支援法人の意見の概要】当法人に事務を委託してほしい。"
    assert not is_question_line(label) and not ANSWER_LINE.match(label)


class _Idf:
    """Every word weighs the same: what matched_answer needs of a retriever."""

    def idf(self, token: str) -> float:
        return 1.0


def _passage(text: str):
    from app.retrieve import Hit

    return Hit({"id": "p", "doc_id": "d", "kind": "text", "text": text, "section_title": "", "unit_title": ""}, 1.0, 1)


def test_a_labelled_request_is_answered_by_its_own_labelled_reply():
    from app.compose import matched_answer
    from app.query import analyze

    text = ("【要望市町村】もくせい市\n【要望事項】運営費補助金の交付期間の延長を要望する。当市の交付期間は令和7年度で終わる。\n"
            "【県の回答】交付期間の延長は、現時点では困難です。\n【担当課】住まい政策課")
    got = matched_answer(analyze("運営費補助金の交付期間の延長の要望はどうなりましたか"), [_passage(text)], _Idf())
    assert got is not None
    _h, asked, answer = got
    assert asked.startswith("【要望事項】") and answer[0].startswith("【県の回答】")


def test_an_faqs_answer_is_not_taken_from_a_record_further_down():
    from app.compose import matched_answer
    from app.query import analyze

    text = ("Q1 空き家を住宅確保要配慮者向けに登録できますか？\nはい、セーフティネット住宅として登録できます。\n"
            "■ 市町村からの意見\n【意見】登録手数料を無料にしてほしい。\n【県の回答】手数料の無料化は困難です。")
    got = matched_answer(analyze("空き家を住宅確保要配慮者向けに登録できますか"), [_passage(text)], _Idf())
    assert got is not None
    _h, asked, answer = got
    assert asked.startswith("Q1") and answer[0].startswith("はい")


def test_a_statement_inside_a_speakers_block_carries_the_speakers_words_as_context():
    text = ("○B委員（くすのき住まいネット） 窓口の相談が増えている。\n"
            "特に単身の高齢者からの相談が目立つ。\n"
            "夜間に困る人が多いため、緊急の宿泊先を市全体で用意してほしい。\n"
            "○C委員（市社会福祉協議会） 見守りの体制を広げたい。")
    q = analyze("くすのき住まいネットの委員は、市全体で何を用意してほしいと求めましたか。")
    feats = {c.text: c.features for c in candidates(q, [_hit(text)], FlatIdf())}
    asked = feats["夜間に困る人が多いため、緊急の宿泊先を市全体で用意してほしい。"]
    other = feats["○C委員（市社会福祉協議会） 見守りの体制を広げたい。"]
    assert asked["context"] > 0 and asked["context"] > other["context"]


def test_a_sentence_pointing_at_a_run_of_check_boxes_brings_them():
    """「次の書類がそろっているか確認してください。」 over □ lines: the boxes are the list it points at."""
    text = ("■３　提出書類\n提出の前に、次の書類がそろっているか確認してください。\n□ 様式第１号　交付申請書\n"
            "□ 様式第２号　事業計画書\n□ 経費の見積書の写し\n■４　提出方法\n電子メールで提出してください。")
    picked = pick_sentences(analyze("申請で出す書類を全部教えて"), [_hit(text)], FlatIdf(), model=hand_model())
    texts = " ".join(s for _h, s, _ in picked)
    assert "交付申請書" in texts and "見積書" in texts


def test_the_line_stating_the_asked_one_of_a_series_leads_over_a_better_scored_date():
    """A cover's issue date outscores 「第2回　南部会場 日時：…」 on the question's words; the 第2回 line leads."""
    from app.compose import kind_sentence

    h = _hit("x")
    picked = [(h, "令和8年3月　はまなす県 住宅課", 3.0), (h, "第1回　北部会場 日時：令和7年10月28日（火）", 2.5),
              (h, "第2回　南部会場 日時：令和7年11月27日（木）", 2.0)]
    assert kind_sentence(analyze("ワークショップの第2回はいつ開かれましたか"), picked) == 2


def test_a_lead_in_list_runs_past_a_note_between_its_items():
    """「次のとおりです。」 brings its items to the list's end, across a ※ line between them."""
    text = ("補助の対象となる方は次のとおりです。\n① 65歳以上の方\n② 障害のある方\n※所得の基準額は別表のとおりです。\n"
            "③ ひとり親世帯の方\n④ 子育て世帯の方")
    picked = pick_sentences(analyze("補助の対象は誰ですか"), [_hit(text)], FlatIdf(), model=hand_model())
    texts = " ".join(s for _h, s, _ in picked)
    assert "①" in texts and "④" in texts


def test_a_sentence_that_only_says_順次_points_at_no_list():
    from app.sentence_rank import points_at_marks

    sents = ["令和7年度から順次、支援を拡充します。", "● 相談窓口の設置", "● 研修の開催"]
    assert not points_at_marks(sents, 0)
    assert points_at_marks(["次の書類を添付してください。", "□ 申請書", "□ 見積書"], 0)


def test_the_heading_a_date_stands_under_counts_as_stating_what_is_asked():
    """「日時：11月9日（土）」 under the caption 「令和6年度 住まいの相談会のご案内」 answers 令和6年度's date over a
    sentence that names 令和6年度 beside another date."""
    from app.compose import kind_sentence

    h = Hit({"id": "c1", "doc_id": "d", "text": "x", "unit_title": "令和6年度 住まいの相談会のご案内"}, 1.0, 1)
    picked = [(h, "日時：11月9日（土）10時～15時", 3.0), (h, "本事業は令和6年4月1日から実施しています。", 1.0)]
    assert kind_sentence(analyze("令和6年度の住まいの相談会はいつ開かれますか"), picked) == 0


def test_the_sum_named_as_asked_leads_over_an_item_and_last_year_s_under_the_same_heading():
    """Under a heading dated 令和8年度, 「前年度は…」 is another year's and 「…運営委託 640万円」 one item: 「令和8年度の予算
    1,460万円」 answers 「令和8年度の予算はいくら」."""
    from app.compose import kind_sentence

    h = Hit({"id": "c1", "doc_id": "d", "text": "x", "unit_title": "数字で見る 令和8年度"}, 1.0, 1)
    picked = [(h, "相談ステーション運営委託 640万円", 3.0), (h, "前年度は1,150万円（310万円の増）", 2.5),
              (h, "令和8年度の予算 1,460万円", 2.0)]
    assert kind_sentence(analyze("令和8年度の予算はいくらですか"), picked) == 2
