"""A question that asks two things gets a sentence for each part (app/query.py question_parts, app/compose.py
part_sentences). Pure: invented passages, no index."""

from app.compose import part_sentences, parts_unanswered
from app.query import analyze, question_parts
from app.retrieve import Hit


class _Idf:
    def idf(self, token: str) -> float:
        return 1.0


def test_a_question_of_two_parts_keeps_each_parts_own_words():
    parts = question_parts("みなと県の令和7年度の研修予算はいくらで、前年度からいくら増えましたか")
    assert len(parts) == 2 and "予算" in parts[0] and "増える" in parts[1]
    assert not set(parts[0]) & set(parts[1])  # a word both parts hold singles out neither
    assert question_parts("研修会を開かなかった県はいくつですか") == ()
    assert question_parts("どこで、いつ開かれますか") == ()  # no part has a word of its own
    assert analyze("相談窓口はいくつある？去年と比べて増えた？").parts
    assert question_parts("令和5年度で、協議会を開いた県はいくつ？") == ()  # a condition asks nothing of its own
    assert question_parts("予算が足りないので、県に相談したい。補助金はいくら？") == ()
    history = [{"role": "user", "content": "令和4年度に会議を開かなかった県はいくつ？"}, {"role": "assistant", "content": "2県"}]
    assert analyze("それと、構成員に法人がいない県は？", history).parts == ()  # the carried turn is no part of it


def test_the_part_no_shown_line_speaks_to_gets_its_best_sentence():
    hit = Hit(chunk={"id": "c1", "text": ""}, score=1.0, rank=0)
    texts = ["前年度は900万円でした（100万円の増）。", "前年度から100万円増えました。", "研修予算は1,000万円です。",
             "講師は県職員です。"]
    pool = [(hit, t, 1.0 - i / 10) for i, t in enumerate(texts)]
    q = analyze("研修予算はいくらで、前年度からいくら増えた？")
    idf = _Idf().idf
    missing = parts_unanswered(q, [texts[0]], idf)
    assert missing == [q.parts[0]]  # the increase is spoken to, the budget is not
    assert [s for _, s, _ in part_sentences(missing, pool, [texts[0]], idf)] == ["研修予算は1,000万円です。"]
    assert parts_unanswered(q, [texts[0], texts[2]], idf) == []  # both parts already spoken to
    assert parts_unanswered(analyze("研修予算はいくらですか"), [texts[3]], idf) == []  # one part: nothing to add


def test_a_yes_no_follow_up_asks_no_value_of_the_question_before():
    from app.query import analyze

    h = [{"role": "user", "content": "設立準備補助金の上限額はいくらですか。"}, {"role": "assistant", "content": "上限は50万円です。"}]
    assert analyze("じゃあ、その補助金って職員の人件費にも使える？", h).asks == ()
    assert "money" in analyze("令和5年度は？", h).asks  # a bare noun asks what the question before asked
