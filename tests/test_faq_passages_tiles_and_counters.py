"""Four general rules from reading a guide's FAQ page, an activity report's figure tiles and its tables (BLIND35),
checked on invented text:

- an FAQ's next question opens a passage of its own (one question with its answer per passage);
- a key figure set large on a tile titles its tile only, not the numbered sections printed after it;
- a column whose header ends in its counter (「令和7年度（件）」) does not answer a count in another counter (延べ何回);
- an attribute that only says "a sum" (金額) is stated by a sum's shape, and a word the tokeniser splits in the
  passage (繰越金's 繰り越し in 「繰り越しました」) is still found written there.
"""

from app.answerability import _attribute_share
from app.compose import header_counter, table_lookup
from app.query import analyze
from app.retrieve import Hit
from ingest.chunk import chunk_units
from ingest.clean import normalize, squash
from ingest.pdf import Line, Page
from ingest.structure import Unit, build_units


def _unit(kind: str, text: str, path: list[str]) -> Unit:
    return Unit(kind=kind, text=text, section=path[-1], section_title=" > ".join(path), pages=["5"],
                page_indices=[4], section_path=path)


def test_each_question_of_an_faq_with_its_answer_is_one_passage():
    path = ["資料編", "よくある質問"]
    units = [_unit("heading", "よくある質問", path)]
    qa = [("Q1　見守りの費用は誰が払いますか。", "A　利用者の負担はありません。"),
          ("Q2　夜間も相談できますか。", "A　夜間は留守番電話で受け付け、翌朝に折り返します。"),
          ("Q3　家族が代わりに申し込めますか。", "A　できます。委任状を添えてください。")]
    for q, a in qa:
        units += [_unit("text", q, path), _unit("text", a, path)]
    chunks = chunk_units(units, "faq", "faq")
    assert len(chunks) == 3
    for c, (q, a) in zip(chunks, qa, strict=True):
        assert q in c.text and a in c.text
        assert sum(x in c.text for x, _ in qa) == 1  # no other question in it
    # an FAQ's index (its questions listed without answers) stays one passage, each question once
    index = [_unit("text", q, path) for q, _a in qa]
    listed = chunk_units(index, "idx", "idx")
    assert len(listed) == 1 and all(q in listed[0].text for q, _a in qa)
    # plain paragraphs are still packed together
    prose = [_unit("text", f"第{k}段落の本文です。" * 3, ["概要"]) for k in range(1, 5)]
    assert len(chunk_units(prose, "p", "p")) == 1


def _line(text: str, y: float, size: float = 10.0, x: float = 72.0) -> Line:
    return Line(text, 0, (x, y, x + size * len(text), y + size), size)


def test_a_figure_on_a_tile_titles_its_tile_not_the_sections_after_it():
    page = Page(index=0, label="1", width=595, height=842)
    body = "協議会の会員は、県内の市町村と関係団体で構成されています。" * 2
    page.blocks += [
        _line("年報", 60, 26),
        _line("相談件数", 120), _line("2,345件", 140, 20), _line("前年度 2,001件", 170),
        _line("登録店", 200), _line("87店", 220, 20), _line("前年度末 75店", 250),
        _line("1　協議会の概要", 300, 13), _line(body, 320), _line(body, 334),
        _line("2　相談の状況", 380, 13), _line(body, 400), _line(body, 414),
    ]
    units = build_units([page, Page(index=1, label="2", width=595, height=842)])
    for u in units:
        if "構成されています" in u.text:
            assert not any(squash(t) in {"2,345件", "87店"} for t in u.section_path), u.section_path
            assert u.section_path and u.section_path[-1].startswith(("1", "2"))


def _table_hit() -> Hit:
    grid = [["区分", "令和5年度（件）", "令和6年度（件）"], ["相談", "310", "352"], ["合計", "410", "470"]]
    text = "表2　相談の件数\n| 区分 | 令和5年度（件） | 令和6年度（件） |\n|---|---|---|\n| 相談 | 310 | 352 |\n| 合計 | 410 | 470 |"
    chunk = {"id": "r:0001", "doc_id": "r", "text": text, "kind": "table", "grid": grid, "unit_title": "表2　相談の件数",
             "section_title": "相談の状況"}
    return Hit(chunk=chunk, score=1.0, rank=1)


def test_a_column_counting_in_another_counter_does_not_answer_a_count():
    assert header_counter("令和6年度（件）") == {"件"}
    assert header_counter("金額（千円）") == set() and header_counter("実施日（予定）") == set()
    h = _table_hit()
    assert table_lookup(analyze("令和6年度の相談の合計は何件？"), [h]) is not None
    assert table_lookup(analyze("令和6年度の訪問は合計で延べ何回？"), [h]) is None


def test_a_sum_and_a_split_word_are_found_as_written():
    text = "前年度の残りの800千円を次年度に繰り越しました。国庫補助金額は確定済みです。"
    flat = squash(normalize(text))
    assert _attribute_share([{"繰り越し"}], [3.0], "繰越金", text, flat) == 1.0
    assert _attribute_share([{"補助金"}], [3.0], "交付補助金", text, flat) == 0.0  # only inside a longer compound
    assert _attribute_share([{"越し"}], [3.0], "引越し費用", text, flat) == 0.0  # two letters are too few to trust


def test_an_attribute_that_only_says_a_sum_is_stated_by_the_sum():
    from types import SimpleNamespace

    from app.answerability import _anchors

    chunk = {"id": "n:0001", "doc_id": "n", "text": "設立準備補助金は2件、合計900千円を交付しました（あおい市500千円、みどり町400千円）。",
             "kind": "text", "section_title": "補助金の交付"}
    r = SimpleNamespace(idf=lambda t: 2.0, snapshot=SimpleNamespace(chunks=[chunk], pos={"n:0001": 0}, build_id="t"))
    h = Hit(chunk=chunk, score=1.0, rank=1)
    q = analyze("設立準備補助金の交付先と金額を教えて")
    assert _anchors(q, r, [h])[1] == 1.0
    assert _anchors(analyze("設立準備補助金の上限額を教えて"), r, [h])[1] < 1.0  # an 上限額 must stand beside the sum
