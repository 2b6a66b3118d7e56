"""A question that names a captioned unit (「表3では」「事例2の」「Table 3」) is answered from that unit.

Written on invented passages (not the wording of any set): the caption keys a question and a passage share, a
table of figures whose categories a question asks, a table of statements that is no such table, and a procedure
question naming a case box while another passage nearby holds a numbered list.
"""

import re
import uuid
from types import SimpleNamespace

from app.answer import compose_extractive
from app.compose import table_items
from app.query import analyze
from app.rerank import named_first
from app.retrieve import Hit
from app.specifiers import unit_named
from app.steps import step_list
from ingest.headings import unit_key, unit_refs


def test_a_reference_and_the_caption_it_names_share_one_key():
    assert unit_refs("表 2－③では、どの団体が") == ["表2-3"]
    assert unit_key("表 2-③ 相談窓口の種類別件数") == "表2-3"
    assert unit_refs("事例3の町と第5表の値") == ["事例3", "表5"]
    assert unit_refs("According to Table 2-③, how many") == ["表2-3"]
    # a word holding a caption word names no unit; nor does a line that is no caption
    assert unit_refs("代表者と地図2枚") == []
    assert unit_key("相談件数は3件でした。") == ""


def test_the_ways_users_write_a_units_number_key_alike_and_never_run_into_another_number():
    assert unit_refs("表4①") == unit_refs("表4−①") == unit_refs("表4ー1") == unit_refs("表 4 － ①") == ["表4-1"]
    assert unit_refs("表41の値") == ["表41"]  # not 表4-1
    assert unit_refs("表4.1と表4.2") == ["表4-1", "表4-2"] and unit_key("表4.2 相談件数の推移") == "表4-2"
    assert unit_refs("表4-1-2") == ["表4-1-2"]
    assert unit_refs("in case 2 households apply, see Figure 3") == ["図3"]  # a lower-case case names no 事例


def test_a_follow_up_naming_another_unit_asks_that_one_and_one_naming_none_keeps_the_first():
    first = {"role": "user", "content": "表2-③ではどんな窓口が挙げられていますか"}
    history = [first, {"role": "assistant", "content": "市役所、社会福祉協議会などです。"}]
    assert analyze("じゃあ表2-④だと？", history=history).refs == ("表2-4",)
    assert analyze("それ以外には？", history=history).refs == ("表2-3",)


def _chunk(n: int, text: str, kind: str = "text", unit_title: str = "", grid: list | None = None) -> dict:
    c = {"id": f"doc:{n:04d}", "doc_id": "doc", "doc_title": "くすのき市 居住支援の手引き", "text": text, "kind": kind,
         "unit_title": unit_title, "section_path": ["2 相談"], "section_title": "2 相談", "page_label": str(n + 1)}
    if grid is not None:
        c["grid"] = grid
    return c


def _hit(chunk: dict, rank: int = 1) -> Hit:
    return Hit(chunk=chunk, score=1.0, rank=rank)


def _retriever(chunks: list[dict]) -> SimpleNamespace:
    """A retriever stand-in: the index snapshot (its chunks in order) and every word equally rare."""
    snap = SimpleNamespace(chunks=chunks, pos={c["id"]: i for i, c in enumerate(chunks)}, build_id=uuid.uuid4().hex)
    return SimpleNamespace(snapshot=snap, chunks=chunks, idf=lambda _t: 1.0)


FIGURES = _chunk(0, "表 2-③ 相談窓口の種類別件数\n（単位：件）\n| 区分 | 市役所 | 社会福祉協議会 | 居住支援法人 | 不動産店 |\n"
                    "|---|---|---|---|---|\n| 令和6年度 | 41 | 27 | 19 | 8 |\n（注）市の集計による。",
                 kind="table", unit_title="表 2-③ 相談窓口の種類別件数",
                 grid=[["区分", "市役所", "社会福祉協議会", "居住支援法人", "不動産店"], ["令和6年度", "41", "27", "19", "8"]])
CITING = _chunk(1, "相談は市役所が最も多く受けている（表 2-③）。")
STATEMENTS = _chunk(2, "表 2-④ 窓口の意見\n| 窓口 | 意見 |\n|---|---|\n| 市役所 | 人手が足りない |\n| 法人 | 家主の理解が進まない |",
                    kind="table", unit_title="表 2-④ 窓口の意見",
                    grid=[["窓口", "意見"], ["市役所", "人手が足りない"], ["法人", "家主の理解が進まない"]])


def test_a_passage_is_the_unit_it_is_captioned_by_not_one_that_cites_it():
    refs = analyze("表2-③ではどんな窓口が挙げられていますか").refs
    assert unit_named(FIGURES, refs)
    assert not unit_named(CITING, refs)
    assert not unit_named(_chunk(5, "表 2-③ のとおり、市役所が最も多い。"), refs)  # a first line that cites it
    assert not unit_named(FIGURES, analyze("表2-④ではどんな意見がありますか").refs)


def test_what_a_named_table_of_figures_lists_is_its_categories_in_print_order():
    q = analyze("表2-③では、相談窓口としてどのようなところが挙げられていますか。")
    found = table_items(q, [_hit(CITING), _hit(FIGURES, 2)])
    assert found is not None
    assert found[1] == ["市役所", "社会福祉協議会", "居住支援法人", "不動産店"]
    text, _cites = compose_extractive(q, [_hit(CITING), _hit(FIGURES, 2)], _retriever([FIGURES, CITING]))
    first = text.splitlines()[0]
    assert all(name in first for name in ("市役所", "社会福祉協議会", "居住支援法人", "不動産店"))
    assert "（単位" not in text  # a unit line is no statement to quote


def test_no_category_list_for_a_count_a_table_of_statements_or_a_table_not_named():
    hits = [_hit(FIGURES), _hit(STATEMENTS, 2)]
    assert table_items(analyze("表2-③で社会福祉協議会の件数は何件ですか"), hits) is None
    assert table_items(analyze("表2-④ではどのような意見が挙げられていますか"), hits) is None
    assert table_items(analyze("相談窓口としてどのようなところがありますか"), hits) is None


CASE = _chunk(3, "事例 2 空き家を活用した町の取組\n町は、まず空き家の所有者に意向調査を行い、貸してもよいと答えた所有者を個別に訪ねて"
                 "登録を勧めている。", kind="case", unit_title="事例 2 空き家を活用した町の取組")
OTHER_LIST = _chunk(4, "規約で定める事項\n①目的\n②構成員\n③会議\n④事務局", unit_title="")




def test_a_procedure_question_naming_a_case_takes_no_other_passages_numbered_list():
    q = analyze("事例2の町は、空き家の活用をどのような手順で進めていますか。")
    assert q.refs == ("事例2",)
    r = _retriever([CASE, OTHER_LIST])
    assert step_list(q, [_hit(CASE), _hit(OTHER_LIST, 2)], r) is None
    # the same list is still a procedure's steps for a question that names no unit
    assert step_list(analyze("規約づくりの手順を順番に教えて"), [_hit(OTHER_LIST)], r) is not None


CASE_TITLE = "事例 3 町が独自に行う支援の事例"
CASE_ROWS = [
    _chunk(10, f"{CASE_TITLE}\n1 ○空き家の所有者への意向調査\n町は、所有者に貸す意向があるかを尋ねている。", kind="case",
           unit_title=CASE_TITLE),
    _chunk(11, f"{CASE_TITLE}\n2\n○家主向けの相談会\n町は、家主の不安を聞く相談会を年2回開いている。", kind="case",
           unit_title=CASE_TITLE),
]
OTHER_DOC_ROW = dict(_chunk(13, f"{CASE_TITLE}\n1 ○別の町の見守り訪問\n…", kind="case", unit_title=CASE_TITLE),
                     doc_id="other", id="other:0013")
for _c in [*CASE_ROWS, OTHER_DOC_ROW]:
    _c["row"] = True
SUMMARY = _chunk(12, "町が独自に支援を行っている例もみられた（事例 3）。")
ALSO = _chunk(14, "町が独自に行う支援として、家賃の補助も行われている。")


def test_a_list_answer_that_only_cites_its_case_box_lists_that_documents_box_item_titles_after_the_rest():
    q = analyze("町が独自にやってる支援ってどんなのがある？")
    r = _retriever([*CASE_ROWS, SUMMARY, ALSO, OTHER_DOC_ROW])
    text, cites = compose_extractive(q, [_hit(SUMMARY), _hit(ALSO, 2)], r)
    assert "○空き家の所有者への意向調査" in text and "○家主向けの相談会" in text  # a number alone above its title too
    assert "別の町" not in text  # another document's 事例 3 is another box
    # the box's items come last, under its caption: no other quote reads as one of them
    assert text.index("家賃の補助") < text.index(CASE_TITLE) < text.index("○空き家") < text.index("○家主向け")
    markers = [int(m) for m in re.findall(r"\[(\d+)\]", text)]
    assert markers == sorted(markers) and [c.n for c in cites] == sorted({*markers})  # numbered as they are read
    # a count question is answered by its figure, not by the box's titles
    count, _ = compose_extractive(analyze("独自の支援をしている町はいくつ？"), [_hit(SUMMARY)], r)
    assert "○家主向けの相談会" not in count


def test_passages_of_the_named_unit_come_first_with_one_other_kept_in_the_top_k():
    hits = [_hit(CITING, 1), _hit(STATEMENTS, 2), _hit(FIGURES, 3)]
    out = named_first(analyze("表2-③で市役所の件数はいくつ？"), hits, k=3)
    assert [h.chunk["id"] for h in out] == [FIGURES["id"], CITING["id"], STATEMENTS["id"]]
    assert named_first(analyze("市役所の相談件数はいくつ？"), hits, k=3) == hits  # no unit named: the order stands
    rows = [_hit(c, i + 2) for i, c in enumerate(CASE_ROWS)]
    out = named_first(analyze("事例3ではどんな支援が紹介されてる？"), [_hit(SUMMARY), *rows], k=2)
    assert [h.chunk["id"] for h in out[:2]] == [CASE_ROWS[0]["id"], SUMMARY["id"]]


def test_an_english_question_asking_what_a_named_table_lists_gets_its_categories():
    q = analyze("What kinds of consultation desks are listed in Table 2-③?")
    assert q.list_like and q.refs == ("表2-3",)
    found = table_items(q, [_hit(CITING), _hit(FIGURES, 2)])
    assert found is not None and found[1][0] == "市役所"


def test_where_a_tables_figures_come_from_is_the_source_line_under_it():
    from app.compose import source_note

    sourced = dict(FIGURES, id="doc:0020", text=FIGURES["text"].replace("（注）市の集計による。", "資料：くすのき市福祉課調べ"))
    q = analyze("相談窓口の件数の表って、出典どこ？")
    found = source_note(q, [_hit(CITING), _hit(sourced, 2)])
    assert found is not None and found[1] == "資料：くすのき市福祉課調べ"
    text, _ = compose_extractive(q, [_hit(CITING), _hit(sourced, 2)], _retriever([sourced, CITING]))
    assert "くすのき市福祉課調べ" in text.splitlines()[0]
    assert source_note(analyze("相談窓口の件数はいくつ？"), [_hit(sourced)]) is None  # not asked
    assert source_note(q, [_hit(STATEMENTS)]) is None  # no line says where its figures come from
    # 出所 of a person (released from prison) asks no source; nor does a question about no table or data
    assert not analyze("刑務所を出所するとき住まいが決まっていなかった人は何人？").source
    assert not analyze("この事業の出典は？").source and analyze("この数字の出典は？").source


def test_a_spoken_enumeration_is_shown_whole_from_its_count_sentence():
    from app.compose import ordinal_run

    sents = ["新しい事業は3つある。", "1つ目は、土曜日の窓口である。", "2つ目は、法人の連絡会である。", "年4回開く。",
             "3つ目は、家主向けの講座である。", "予算は120万円である。"]
    assert ordinal_run(sents, 0) == [0, 1, 2, 3, 4]  # the count, the three and the sentence more about the second
    assert ordinal_run(sents, 4) == [1, 2, 3, 4]  # from any of them, back to the first
    assert ordinal_run(sents, 5) == [5] and ordinal_run(["2つ目は、ひとつだけ。"], 0) == [0]
    chunk = _chunk(30, "\n".join(sents))
    text, _ = compose_extractive(analyze("新しい事業ってどんなのがあるの？"), [_hit(chunk)], _retriever([chunk]))
    assert all(x in text for x in ("土曜日の窓口", "法人の連絡会", "家主向けの講座"))
