"""The answerability fitting: folds, operating points, and the model's round trip. Pure (no index)."""

import numpy as np

from app.answerability import ABSTAIN, ANSWER, CAUTIOUS, FEATURES, Model
from eval.fit import (
    _thresholds,
    decide_by_folds,
    fit_model,
    fold_models,
    folds,
    group_of,
    matrix,
    out_of_fold,
    save_folds,
    stored_out_of_fold,
)


def _rows(n: int = 120, seed: int = 0) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        answerable = i % 4 != 0
        f = {name: float(rng.normal()) for name in FEATURES}
        f["cover_syn"] = float(rng.normal(1.0 if answerable else -1.0, 0.5))  # one informative signal
        rows.append({"answerable": answerable, "features": f})
    return rows


def test_folds_are_stratified_and_cover_every_question():
    y = np.array([1] * 90 + [0] * 30)
    f = folds(y, 5)
    assert sorted(set(f)) == [0, 1, 2, 3, 4]
    for k in range(5):
        assert (y[f == k] == 0).sum() == 6  # the unanswerable share is the same in every fold


def test_a_documents_questions_share_one_fold_and_folds_stay_balanced():
    groups = [f"doc:{d}" for d in range(12) for _ in range(10)]  # 12 documents of 10 questions each
    y = np.array([1, 1, 0, 1, 1, 1, 0, 1, 1, 1] * 12)
    f = folds(y, 5, groups=groups)
    for d in range(12):
        assert len(set(f[d * 10:(d + 1) * 10])) == 1  # never split across folds
    sizes = np.bincount(f, minlength=5)
    assert sizes.min() >= 20 and sizes.max() <= 30  # 120 questions dealt out: 2-3 documents per fold


def test_groups_are_generated_documents_while_questions_on_the_shipped_report_stand_alone():
    assert group_of({"doc": "yunagi-kenkyu.pdf", "id": "yk-01"}) == group_of({"doc": "yunagi-kenkyu.pdf", "id": "yk-02"})
    report = "report-section4-prefectural-support.pdf"  # in corpus/: every hidden question about it is new
    assert group_of({"doc": report, "id": "r1"}) != group_of({"doc": report, "id": "r2"})
    assert group_of({"doc": "", "id": "o1"}) != group_of({"doc": "", "id": "o2"})


def test_out_of_fold_learns_a_real_signal_and_decides_every_question():
    rows = _rows()
    outcomes, probs, fold = out_of_fold(rows)
    assert all(o in {ANSWER, CAUTIOUS, ABSTAIN} for o in outcomes)
    y = np.array([r["answerable"] for r in rows])
    assert probs[y].mean() > probs[~y].mean() + 0.3
    refused = np.array([o == ABSTAIN for o in outcomes])
    assert refused.any() and (~y[refused]).mean() >= 0.7  # held-out abstentions are mostly right


def test_operating_points_keep_the_abstention_precision_target():
    p = np.array([0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    y = np.array([0, 0, 0, 1, 0, 1, 1, 1, 1, 1])
    lo, hi = _thresholds(p, y)
    refused = p < lo
    assert refused.sum() >= 3 and (y[refused] == 0).mean() >= 0.85
    assert hi >= lo


def test_model_round_trips_through_json():
    rows = _rows(60, seed=1)
    x, y = matrix(rows)
    m = fit_model(x, y, {"fitted": True})
    again = Model.from_json(m.to_json())
    f = rows[0]["features"]
    assert abs(m.probability(f) - again.probability(f)) < 1e-12 and again.outcome(0.0) == ABSTAIN


class _FlatIdf:
    """The retriever's narrow interface answerability reads: every word weighs the same."""

    def idf(self, token: str) -> float:
        return 1.0


def _hits(*texts: str):
    from app.retrieve import Hit

    return [Hit({"text": t, "doc_id": "d"}, 1.0, i + 1) for i, t in enumerate(texts)]


def test_kind_near_wants_the_asked_value_in_the_sentences_about_the_topic():
    """A near miss asks a detail of a topic the passages cover (the lecturer of a seminar they mention):
    the topic sentences are found, but they carry no value of the asked kind."""
    from app.answerability import _kind_near
    from app.query import analyze

    passages = _hits("みずほ市では家主向けセミナーを毎年開催している。セミナーの会場は市役所である。"
                     "セミナーの参加者には家主が多い。",
                     "相談窓口は平日に開いている。窓口の職員は丁寧に対応する。窓口の研修には40人が参加した。")
    who = analyze("家主向けセミナーの参加者は毎回何人ですか。")
    assert _kind_near(who, _FlatIdf(), passages) == 0.0  # the figure is about another event
    stated = _hits("みずほ市では家主向けセミナーを年2回開催し、毎回30人が参加した。")
    assert _kind_near(who, _FlatIdf(), stated) == 1.0
    plain = analyze("家主向けセミナーではどのような話がありましたか。")
    assert _kind_near(plain, _FlatIdf(), passages) == 1.0  # asks for no kind of value: nothing can be missing


def test_kind_near_ignores_values_the_question_itself_states():
    from app.answerability import _kind_near
    from app.query import analyze

    q = analyze("無料相談会の年間予算はいくらですか。")
    assert _kind_near(q, _FlatIdf(), _hits("無料相談会を毎月開いている。")) == 0.0
    assert _kind_near(q, _FlatIdf(), _hits("無料相談会の予算は年間120万円である。")) == 1.0


def test_the_regression_keeps_each_signals_sign_and_otherwise_matches_scikit_learn():
    from sklearn.linear_model import LogisticRegression

    from eval.fit import MonotoneLogistic

    rng = np.random.default_rng(3)
    x = rng.normal(size=(300, 3))
    y = (x[:, 0] + 0.5 * x[:, 1] + rng.normal(scale=0.5, size=300) > 0).astype(int)
    x[:, 2] = x[:, 0] * 0.9 + rng.normal(scale=0.1, size=300)  # a near copy of the first signal
    free = MonotoneLogistic([0, 0, 0]).fit(x, y)
    ref = LogisticRegression(C=0.3, class_weight="balanced", max_iter=5000).fit(x, y)
    assert np.allclose(free.coef_, ref.coef_, atol=0.02) and np.allclose(free.predict_proba(x), ref.predict_proba(x),
                                                                          atol=0.01)
    negative = MonotoneLogistic([-1, 0, 0]).fit(x, y)  # a sign against the data: that weight stays at zero
    assert abs(negative.coef_[0, 0]) < 1e-6 and negative.coef_[0, 2] > 0.5  # and its near copy takes over


class _FlatSnapshot(_FlatIdf):
    """…with an index snapshot whose document head names nobody (no place stated for a whole document)."""

    class snapshot:  # noqa: N801 - the attribute the retriever exposes
        build_id = "test"
        chunks: list = []


def test_bound_wants_the_asked_value_beside_the_question_words_not_on_the_next_line():
    """A schedule line lists an event and its date; the venue the next note gives is another event's. The
    question's words and a venue share two sentences, but the venue is not said of the asked event."""
    from app.answerability import _bound
    from app.query import analyze

    schedule = _hits("8月4日 個別相談会（申込締切：7月31日）11月14日 実務者研修 令和8年2月6日 成果報告会（各協議会の取組発表）\n"
                     "※個別相談会は1市町村あたり60分、会場は県庁本館5階または各市町村役場。")
    q = analyze("令和8年2月6日の成果報告会は、どこの会場で開かれますか。")
    stated = _hits("令和8年2月6日の成果報告会は、県庁本館5階の大会議室で開かれます。")
    assert _bound(q, _FlatSnapshot(), schedule) < 0.75 <= _bound(q, _FlatSnapshot(), stated)
    other = analyze("個別相談会の会場はどこ？")
    assert _bound(other, _FlatSnapshot(), schedule) == 1.0  # the note's own event


def test_times_venues_spans_and_form_numbers_are_kinds_of_answer():
    """「何時から」 is answered by 13:30, 「どこでやるの」 by a hall or a city's venue, 「何分間」 by 90分, 「第何号」 by
    様式第3号 — and none of them by any figure in the passage."""
    from app.answer_kinds import ANSWER_LOOKS, asked_kinds
    from app.answerability import _asked
    from app.query import analyze
    from ingest.clean import normalize

    cases = {"実務者研修って、何時から始まる？": "time", "家主向けセミナーってどこでやるの？": "venue",
             "講義は何分間でしたか。": "duration", "申請の様式は第何号ですか。": "form", "地域福祉課のFAX番号は？": "fax",
             "第2回は11月の何日にやるの？": "date", "講師を務めたのは誰ですか。": "person",
             "事務局をどこの法人に委託してるの？": "name", "センターのメールアドレスは？": "email"}
    for question, kind in cases.items():
        assert kind in asked_kinds(normalize(question)), question
    assert "place" not in asked_kinds(normalize("補助金を活用した市町はどこですか。"))  # どこです: a name
    # words that only look like these questions: 「1日時点」, 「どこで、何件」, 「どこでも」, 「何分の何」, 「週何日」
    for plain in ("令和7年4月1日時点で指定している法人はいくつありますか。", "最も多かった法人はどこで、何件でしたか。",
                  "県内どこでも動ける法人は何法人？", "補助率は何分の何ですか。", "窓口は週何日開けてるの？",
                  "平均で何日くらいかかってる？", "どの課題に取り組んでいますか", "どこの部分が変わりましたか", "どこが違いますか",
                  "審査には何日かかりますか", "支援の対象になったのは誰ですか"):
        assert not {"date", "place", "duration", "time", "person"} & set(asked_kinds(normalize(plain))), plain
    for plain in ("どの課題に取り組んでいますか", "どこの部分が変わりましたか", "どこが違いますか"):
        assert "name" not in asked_kinds(normalize(plain)), plain
    assert ANSWER_LOOKS["place"].search("市町村の住宅担当課で申請できます")  # 「どこでできますか」: a desk answers
    assert _asked(analyze("講義は何分間でしたか。")) == ["duration"]  # no count: a span of time
    looks = {"time": "受付 平日8:30〜17:15", "place": "あさひ市会場", "duration": "設立まで1年程度", "form": "様式第3号",
             "email": "メール：kyoju@pref.example.jp"}
    assert "contact" not in asked_kinds(normalize("センターのメールアドレスは？"))  # a phone number is no answer
    assert not ANSWER_LOOKS["email"].search("電話：0749-555-7410")
    for kind, text in looks.items():
        assert ANSWER_LOOKS[kind].search(text), kind
    assert not ANSWER_LOOKS["time"].search("相談件数は238件、2時間の研修") and not ANSWER_LOOKS["form"].search("第3回")


def test_a_table_with_a_column_per_year_holds_no_figure_for_a_year_it_has_no_column_for():
    """「ゆめみ市の令和4年度の相談件数は？」 against a table of 令和5年度 and 令和6年度 counts whose row also says 令和4年5月
    設立: the row's units hold no 令和4年度 figure; for 令和6年度 the row gives that column alone."""
    from app.answerability import _units
    from app.retrieve import Hit

    grid = [["市町村名", "設立年月", "相談件数 令和5年度", "相談件数 令和6年度"], ["ゆめみ市", "令和4年5月", "298", "344"],
            ["かなえ市", "令和3年4月", "236", "251"]]
    hit = Hit({"text": "取組状況一覧", "doc_id": "d", "kind": "table", "grid": grid}, 1.0, 1)
    four = [u for u, _ in _units(hit, ("令和4年度",)) if u.startswith("|")]
    assert four and not any("298" in u or "344" in u for u in four)
    six = [u for u, _ in _units(hit, ("令和6年度",)) if u.startswith("|")]
    assert "344" in six[0] and "298" not in six[0] and "令和4年5月" in six[0]
    assert "298" in [u for u, _ in _units(hit) if u.startswith("|")][0]  # no year asked: the whole row


def test_a_training_file_is_scored_by_the_fits_own_fold_models_until_it_changes(tmp_path):
    bank = tmp_path / "bank-x.jsonl"
    bank.write_text("{}\n", encoding="utf-8")
    model = tmp_path / "model.json"
    model.write_text("{}", encoding="utf-8")
    rows = [r | {"id": f"q{i}", "file": str(bank)} for i, r in enumerate(_rows())]
    f, models = fold_models(rows)
    folds_file = tmp_path / "folds.json"
    save_folds(rows, f, models, folds_file, model)
    want = decide_by_folds(rows, f, models)
    got = stored_out_of_fold(list(reversed(rows)), bank, model, folds_file)  # by question id, in any order
    assert got is not None
    assert list(reversed(got[0])) == want[0] and np.allclose(got[1][::-1], want[1]) and (got[2][::-1] == f).all()
    other = [r | {"id": "new"} for r in rows[:1]]
    assert stored_out_of_fold(other, bank, model, folds_file) is None  # a question the fit never saw: no stored fold
    model.write_text('{"refitted": 1}', encoding="utf-8")
    assert stored_out_of_fold(rows, bank, model, folds_file) is None  # another fit's model is in use
    model.write_text("{}", encoding="utf-8")
    twin = tmp_path / "other" / "bank-x.jsonl"  # a file of the same name elsewhere is another file
    twin.parent.mkdir()
    twin.write_text("{}\n", encoding="utf-8")
    assert stored_out_of_fold(rows, twin, model, folds_file) is None
    bank.write_text("{}\n{}\n", encoding="utf-8")
    assert stored_out_of_fold(rows, bank, model, folds_file) is None  # the file changed since the fit
    assert stored_out_of_fold(rows, tmp_path / "missing.jsonl", model, folds_file) is None
