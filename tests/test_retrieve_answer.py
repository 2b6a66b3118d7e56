from app.answer import answer_question
from app.answer_types import CAUTIOUS_TEXT
from app.retrieve import normalize_query, standalone_question


def lead(ans) -> str:
    """The line that answers (after the cautious preface, if any), without spaces."""
    lines = [ln for ln in ans.answer.splitlines() if ln.strip() and ln.strip() != CAUTIOUS_TEXT]
    return lines[0].replace(" ", "") if lines else ""


def cell_value(ans, retriever) -> str:
    """The grid cell the first citation points at (the figure's source)."""
    c = ans.citations[0]
    grid = retriever.chunk_by_id(c.chunk_id)["grid"]
    return grid[c.cell[0]][c.cell[1]]


def test_query_normalisation():
    assert normalize_query("Ｒ４に５回以上") == "令和4年度に5回以上"
    assert normalize_query("令和 3年度") == "令和3年度"


def test_follow_up_carries_previous_turn():
    hist = [{"role": "user", "content": "伴走支援プロジェクトを活用した県の事例を教えてください。"},
            {"role": "assistant", "content": "…"}]
    assert "伴走支援" in standalone_question("その結果どうなりましたか", hist)
    assert standalone_question("宅地建物取引業協会を構成員としている県の数を教えてください。", hist).startswith("宅地")


def test_search_finds_the_passage(retriever):
    hits = retriever.search("協力不動産店のリストを公開している県はありますか。", k=3)
    assert "協力不動産店のリスト" in hits[0].text
    assert hits[0].chunk["page_label"] == "69"


def test_filters(retriever):
    hits = retriever.search("居住支援協議会", k=5, filters={"kind": "case"})
    assert hits and all(h.chunk["kind"] == "case" for h in hits)


def test_table_cell_answer(built, retriever):
    ans = answer_question("令和3年度に5回以上開いた県はいくつ", settings=built[0], retriever=retriever)
    assert not ans.abstained
    assert "3県" in lead(ans) and "令和3年度" in lead(ans) and "5回以上" in lead(ans)
    assert ans.citations[0].unit_title.startswith("表 4-②") and ans.citations[0].page == "68"
    grid = retriever.chunk_by_id(ans.citations[0].chunk_id)["grid"]
    i, j = ans.citations[0].cell  # the cell the figure came from, for the chat to highlight
    assert grid[i][j] == "3" and grid[0][j] == "5回以上" and "3" in grid[i][0]


def test_abstains_when_documents_are_silent(built, retriever):
    ans = answer_question("東京都の居住支援協議会の事務局の電話番号を教えてください。", settings=built[0], retriever=retriever)
    assert ans.abstained and ans.related and "見つかりませんでした" in ans.answer


def test_numeric_answer_is_cited(built, retriever):
    ans = answer_question("調査した45の居住支援法人のうち、県の居住支援協議会の構成員になっていなかった法人はいくつですか。",
                          settings=built[0], retriever=retriever)
    assert "12法人" in ans.answer.replace(" ", "")
    assert ans.citations and ans.citations[0].page == "67" and "[1]" in ans.answer
    # the manifest's short name is what a citation shows
    assert ans.citations[0].label.startswith("報告書 p.67 4（1）【調査結果】")


def test_no_table_cell_for_a_word_shared_with_a_column(built, retriever):
    """「不動産」 in a yes/no question must not pull the 全日本不動産協会 column's count (a wrong figure)."""
    ans = answer_question("協力不動産店のリストを公開している県はありますか。", settings=built[0], retriever=retriever)
    assert "12県" not in ans.answer.replace(" ", "") and "協力不動産店" in ans.answer


def test_negated_count_is_not_answered_by_the_positive_cell(built, retriever):
    ans = answer_question("調査対象の15県のうち、居住支援法人を構成員にしていない県はいくつありましたか。",
                          settings=built[0], retriever=retriever)
    assert "「居住支援法人」は" not in ans.answer
    assert "3県" in lead(ans) and "していない" in lead(ans)  # the figure asked for leads


def test_count_question_leads_with_its_figure(built, retriever):
    ans = answer_question("社会福祉法人向けのセミナーの成果として、何法人が居住支援法人に指定されましたか。",
                          settings=built[0], retriever=retriever)
    first = lead(ans)
    assert not first.startswith("-") and "9法人" in first and "6法人" in first and first.endswith("[1]")


def test_never_held_maps_to_the_zero_column(built, retriever):
    ans = answer_question("令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。",
                          settings=built[0], retriever=retriever)
    assert "2県" in lead(ans) and "令和4年度" in lead(ans)
    assert cell_value(ans, retriever) == "2" and ans.citations[0].cell[1] == 1  # the 0回 column


def test_concurrent_sessions_get_the_serial_answers(built, retriever):
    """8 threads through the shared Retriever (one model, BM25, Sudachi per thread) answer as one thread does."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    from conftest import ROOT

    qs = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    ask = lambda q: answer_question(q["question"], q.get("history"), built[0], retriever=retriever).answer  # noqa: E731
    serial = [ask(q) for q in qs]
    with ThreadPoolExecutor(8) as pool:
        parallel = list(pool.map(ask, qs * 2))
    assert parallel == serial * 2


def test_glossary_translation():
    from app.glossary import is_english, translate

    ja, unknown = translate("How many prefectures did not hold a council meeting in fiscal 2022?")
    assert {"令和4年度", "0回", "何県", "協議会"} <= set(ja.split()) and unknown == []
    assert translate("How do I claim welfare benefits?")[1] == ["claim", "benefits"]
    assert is_english("What is MLIT?") and not is_english("R4の協議会 meeting")


def test_english_questions(built, retriever):
    ans = answer_question("How many prefectures did not hold a council meeting in fiscal 2022?", settings=built[0],
                          retriever=retriever)
    assert not ans.abstained and "2県" in lead(ans) and "日本語" in ans.note
    ans = answer_question("How many corporations were designated as housing support corporations after the seminar "
                          "for social welfare corporations?", settings=built[0], retriever=retriever)
    assert "12県" not in ans.answer.replace(" ", "") and "9法人" in lead(ans)
    ans = answer_question("What is the phone number of the Tokyo council secretariat?", settings=built[0],
                          retriever=retriever)
    assert ans.abstained and ans.related  # a phone number the documents do not print


def test_colloquial_questions(built, retriever):
    ask = lambda q: answer_question(q, settings=built[0], retriever=retriever)  # noqa: E731
    ans = ask("宅建協会が入ってる県はいくつ")  # short form expanded to 宅地建物取引業協会
    assert "14県" in lead(ans) and "宅地建物取引業協会" in lead(ans)
    ans = ask("保護観察所を構成員に入れてる県はいくつ？")  # a header's bracketed alias names the column
    assert "10県" in lead(ans)
    ans = ask("居住支援法人で県の協議会に入ってないとこはどれくらい？")  # colloquial negation: no positive cell
    assert "「居住支援法人」は" not in ans.answer and not ans.abstained
    assert not ask("県の協議会に市町村って入ってる？").abstained  # 市町村 meets 市区町村


def test_questions_the_documents_do_not_answer_get_no_direct_answer(built, retriever):
    """Off-topic or absent details: an abstention, or at most related passages said to be indirect."""
    on_topic = answer_question("宅建協会を構成員にしている県はいくつ？", settings=built[0], retriever=retriever)
    for q in ("居住支援協議会の会長は誰ですか", "協議会の設立に必要な費用は？", "生活保護の申請方法を教えてください"):
        ans = answer_question(q, settings=built[0], retriever=retriever)
        assert ans.outcome in {"abstain", "cautious"} and ans.probability < on_topic.probability, q
        if ans.outcome == "cautious":
            assert ans.answer.startswith(CAUTIOUS_TEXT)


def test_terms_weigh_verbs_and_strip_relational_suffixes():
    from ingest.tokens import terms

    got = {t.word: t.pos for t in terms("県側は協議会設立を後押しした", "C")}
    assert got == {"県": "名詞", "協議会": "名詞", "設立": "名詞", "後押し": "動詞"}


def test_elliptical_follow_ups_chain_their_context():
    from app.retrieve import is_follow_up, standalone_question

    assert is_follow_up("令和5年度はどうでしたか。") and is_follow_up("宅建協会は？")
    assert is_follow_up("それってどこの県？") and is_follow_up("じゃあ5年度は？")
    assert is_follow_up("令和2年のときは？")  # 「とき」 names no topic of its own
    assert not is_follow_up("設立した時に必要な書類は何ですか")
    # a count, a time told from what was said (あと, これまで) and a verb name no topic either
    assert is_follow_up("今年度はもう何件くらい使われてる？") and is_follow_up("終わったあとはどうするって書いてある？")
    assert not is_follow_up("相談は何件ありましたか") and not is_follow_up("研修のあとにアンケートはしましたか")
    # self-contained questions stay as typed, however short, and a bare 結果 is no reference back
    for q in ("居住支援協議会の構成員に保護観察所を含めている県はいくつありますか。", "居住支援法人とは何ですか",
              "調査結果によると、毎年度の開催を規定している県はいくつ", "協議会を立ち上げるには？"):
        assert not is_follow_up(q), q
    h = [{"role": "user", "content": "居住支援協議会の開催回数について教えてください。"}, {"role": "assistant", "content": "…"},
         {"role": "user", "content": "令和5年度はどうでしたか。"}, {"role": "assistant", "content": "…"}]
    assert standalone_question("0回の県は？", h) == "居住支援協議会の開催回数について教えてください。 令和5年度はどうでしたか。 0回の県は？"


def test_case_rows_answer_for_the_asked_speaker(built, retriever):
    """「居住支援法人は…」 is answered from 【居住支援法人の意見】, not from the prefecture's column.
    (Which sentence leads depends on the fitted sentence scorer and the retrieval order; the quotes must be
    the asked speaker's.)"""
    ans = answer_question("県の居住支援協議会の活動について、居住支援法人はどのような要望を持っていますか。",
                          settings=built[0], retriever=retriever)
    assert "【県の意見" not in ans.answer and "【居住支援法人の意見" in ans.answer


def test_list_question_over_a_statement_table_lists_its_rows(built, retriever):
    ans = answer_question("市区町村への支援に当たって、県は国に対してどのような要望を出していますか。",
                          settings=built[0], retriever=retriever)
    bullets = [line for line in ans.answer.splitlines() if line.startswith("- ")]
    table = next(c.unit_title for c in ans.citations if c.unit_title.startswith("表"))
    rows = [c for c in retriever.chunks if c.get("unit_title") == table and c.get("row")]
    assert len(bullets) >= len(rows) >= 2 and all(b.endswith("]") for b in bullets)  # every row, each cited
    assert "（注）" not in ans.answer
    assert {c.page for c in ans.citations} >= {"71"}


def test_colloquial_never_held_with_era_abbreviation(built, retriever):
    ans = answer_question("R5年度に協議会を開かなかった県の数", settings=built[0], retriever=retriever)
    assert "1県" in lead(ans) and "令和5年度" in lead(ans) and cell_value(ans, retriever) == "1"


def test_short_forms_expand_whole_word_only():
    """居住支援協 is a short form of 居住支援協議会; inside the long form it must stay as written."""
    from app.query import analyze
    from ingest.tokens import content_words, prepare

    assert prepare("居住支援協議会") == "居住支援協議会"
    assert prepare("宅建協会と居住支援協") == "宅地建物取引業協会と居住支援協議会"
    assert "議会" not in content_words("居住支援協議会の構成員")
    assert "議会" in analyze("県議会で居住支援協議会はどう議論されましたか").tokens  # a real 議会 stays
    # a clipped form running on into another word is that word's start: 居住支援協力店 is no 居住支援協議会 + 力店
    assert prepare("居住支援協力店の登録数") == "居住支援協力店の登録数"
    assert "協議会" not in analyze("居住支援協力店の登録数は？").tokens
    assert prepare("居住支援協事務局はどこ").startswith("居住支援協議会")  # no word 協事: the short form


def test_vocabulary_synonyms_reach_the_document_words():
    from app.query import analyze, synonym_tokens

    assert "設立" in synonym_tokens(analyze("協議会を立ち上げるには？").tokens)
    assert "委託" in synonym_tokens(analyze("事務を任せることはできる？").tokens)


def test_a_count_of_things_also_names_the_things():
    """「23法人」 counts 法人: a question about 法人 finds the count, which stays one token for the figure too.
    A count of time (3年度) names nothing to look up."""
    from ingest.tokens import content_words

    words = content_words("県が指定した23法人のうち5法人")
    assert "23法人" in words and "5法人" in words and "法人" in words
    assert "団体" in content_words("構成員は30団体となる")
    assert "年度" not in content_words("3年度の実績")


def test_fiscal_years_read_as_documents_write_them():
    from app.glossary import fiscal_year_ja, translate
    from ingest.tokens import content_words

    assert fiscal_year_ja(2019) == "令和元年度" and fiscal_year_ja(2023) == "令和5年度"
    assert "令和元年度" in translate("How many meetings in FY2019?")[0]
    assert "令和1年度" in content_words("令和元年度の開催状況")  # both spellings meet in the index


def test_the_configured_answerability_model_decides(built, retriever, tmp_path):
    """KYOJU_ANSWERABILITY_MODEL is the model used: one whose abstain point is 1.0 refuses everything."""
    import json

    from app.answerability import MODEL_FILE

    m = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    m["abstain_below"] = m["answer_from"] = 1.0
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps(m), encoding="utf-8")
    s = built[0].model_copy(update={"answerability_model": strict})
    assert not answer_question("宅建協会を構成員にしている県はいくつ？", settings=built[0], retriever=retriever).abstained
    assert answer_question("宅建協会を構成員にしている県はいくつ？", settings=s, retriever=retriever).abstained


def test_the_reranker_reorders_the_fused_candidates_and_nothing_else(built, retriever):
    """A reranker only reorders the top fused candidates (pluggable: any model of the same features), and the
    shipped model keeps every hit the fused order would show within its depth."""
    from app.query import analyze
    from app.rerank import FEATURES, RerankModel, reordered

    q = analyze("居住支援協議会を一度も開催しなかった県はいくつありますか")
    fused = retriever.search(q, k=retriever.settings.rerank_depth, rerank=False)
    assert all(h.standing is not None for h in fused)
    tables_first = RerankModel(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES),
                               tuple(1.0 if n == "table" else 0.0 for n in FEATURES))
    order = reordered(q, retriever, fused, tables_first)
    assert {h.chunk["id"] for h in order} == {h.chunk["id"] for h in fused}
    kinds = [h.chunk.get("kind") == "table" for h in order]
    assert kinds == sorted(kinds, reverse=True)  # every table ahead of every text
    shown = retriever.search(q, k=5)
    assert [h.rank for h in shown] == [1, 2, 3, 4, 5]
    assert {h.chunk["id"] for h in shown} <= {h.chunk["id"] for h in fused}


def test_a_lone_lexical_match_stays_ahead_in_fusion():
    """BM25 matching one passage alone (a rare word) puts it ahead of the passages it did not match; a z-score over
    that one candidate was 0, the same as every passage BM25 did not return."""
    from app.retrieve import zscore

    dense = {0: 0.80, 1: 0.81, 2: 0.82}
    fused = zscore(dense, {0: 9.6}, 0.6, depth=30)
    assert max(fused, key=fused.get) == 0
    many = {i: 10.0 - i for i in range(30)}  # as many matches as asked for: read as before, below the last one
    fused = zscore({40: 0.9}, many, 0.6, depth=30)
    assert fused[40] < fused[0]
    # a small index (6 passages, all matched): nothing is padded, the clear BM25 winner keeps its lead
    lexical = {0: 4.0, 1: 3.0, 2: 2.9, 3: 2.8, 4: 2.7, 5: 2.6}
    dense6 = {0: 0.80, 1: 0.84, 2: 0.83, 3: 0.82, 4: 0.81, 5: 0.80}
    assert zscore(dense6, lexical, 0.35, depth=6) == zscore(dense6, lexical, 0.35)


def test_an_english_question_may_quote_the_documents_japanese():
    from app.glossary import is_english
    from app.query import analyze

    q = analyze("In the column about 'trial accompaniment' (おためし同行), how many cases were decided in FY2023?")
    assert q.language == "en" and "おためし同行" in q.lexical_text and "令和5年度" in q.lexical_text
    assert not is_english("NPO法人の数は？") and not is_english("居住支援協議会の設立に必要な手続きを教えて")
    assert not is_english("Google Workspace for Educationの導入状況は？")  # an English name in a Japanese question
    assert "第2期計画" in analyze("What does the plan (第2期計画) set as its target?").lexical_text  # figures kept


def test_a_follow_up_asks_what_it_asks_and_also_questions_carry_their_subject():
    from app.query import analyze

    def turn(q: str) -> list[dict]:
        return [{"role": "user", "content": q}, {"role": "assistant", "content": "…"}]

    # its own question word: a name, not the count the question before asked
    q = analyze("いちばん多く開いたのはどこ？", turn("出張相談会って令和6年度に何回やった？"))
    assert q.follow_up and "name" in q.asks and not q.numeric
    # none of its own: what the question before asked
    q = analyze("令和5年度は？", turn("相談件数は何件？"))
    assert q.follow_up and q.numeric
    # 「…にも使える？」 repeats the verb of the question before: its subject (the 補助金) comes from there
    q = analyze("協議会ができたあとの運営費にも使える？", turn("設立準備補助金って何に使えるの？"))
    assert q.follow_up and "補助" in q.standalone
    # a new topic with a light verb stays as typed
    assert not analyze("相談会もありますか", turn("研修会はありますか")).follow_up
    # 「どうだった？」 asks no kind of its own: the count or sum asked before stands
    q = analyze("じゃあ令和5年度はどうだった？", turn("相談件数は何件？"))
    assert q.numeric and q.counter == "件"
    assert "money" in analyze("令和5年度はどうですか", turn("補助金の上限額はいくら？")).asks
    # the subject a 「も」 question carried reaches the question after it
    two = turn("設立準備補助金って何に使えるの？") + turn("協議会ができたあとの運営費にも使える？")
    assert "補助" in analyze("それって上限はいくら？", two).standalone


def test_the_reranker_reads_whether_a_passage_is_of_the_asked_year(retriever):
    """A question asking a fiscal year: a passage stating it is marked, one whose caption dates it to another year
    (「表1 補助金の概要（令和8年度）」 for 令和7年度) is marked as such (weights are the fitted model's)."""
    from types import SimpleNamespace

    from app.query import analyze
    from app.rerank import Scores, features

    def hit(text: str, title: str) -> SimpleNamespace:
        chunk = {"id": "x", "doc_id": "", "text": text, "unit_title": title, "section_title": "", "kind": "text",
                 "page_indices": [1]}
        return SimpleNamespace(chunk=chunk, sentence_scores={}, row_score=0.0, dense=0.0)

    s = Scores(0.0, 0.0, 0.0, 1, 1, 1)
    q = analyze("令和7年度は運営事業で何件交付されましたか")
    this_year = features(q, retriever, hit("令和7年度の交付実績は、運営事業3件でした。", ""), s)
    other = features(q, retriever, hit("| 運営事業 | 2分の1 | 30万円 |", "表1　補助金の概要（令和8年度）"), s)
    assert this_year["year_in"] == 1.0 and this_year["titled_other_year"] == 0.0
    assert other["year_in"] == 0.0 and other["titled_other_year"] == 1.0
    plain = features(analyze("運営事業の上限額はいくらですか"), retriever, hit("上限額は30万円です。", "表1（令和8年度）"), s)
    assert plain["year_in"] == 0.0 and plain["titled_other_year"] == 0.0


def test_answerability_knows_an_english_question_for_what_it_is(retriever):
    """An English question's lexical signals run lower through translation: the model is told it is English."""
    from app.answerability import FEATURES, features
    from app.query import analyze

    assert "english" in FEATURES
    en = analyze("How many prefectures never held a council meeting in FY2022?")
    ja = analyze("令和4年度に協議会を一度も開かなかった県はいくつですか")
    assert features(en, retriever, retriever.search(en, k=5))["english"] == 1.0
    assert features(ja, retriever, retriever.search(ja, k=5))["english"] == 0.0


def test_a_table_row_is_scored_on_its_own(retriever):
    """Each row of a table passage has its own vector (read under its column labels): the table's hit carries its
    best row's cosine, apart from the prose sentences that the composer and answerability read."""
    hits = retriever.search("令和3年度に居住支援協議会を5回以上開いた県の数", k=8)
    tables = [h for h in hits if h.chunk["kind"] == "table" and "|" in h.text]
    assert tables and all(h.row_score > 0.5 for h in tables)
    assert all(h.row_score == 0.0 for h in hits if "|" not in h.text)
    assert not any(s.startswith("|") for h in hits for s in h.sentence_scores)
