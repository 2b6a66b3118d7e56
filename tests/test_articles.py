"""Rules (要綱, 規約, 条例) read as articles: 第N条 with its （見出し） is a section, cross-references are not.

Pure functions on short synthetic lines first, then a text-file 規約 with chapters, and the generated
held-out 要綱 (tests/docgen youkou) read back against its truth file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest.articles import article_body, article_caption, article_of, is_legal, part_of
from ingest.chunk import chunk_units
from ingest.pdf import Line, Page, read_document
from ingest.structure import build_units


def test_a_line_initial_article_with_a_space_or_its_caption_opens_one():
    assert article_of("第6条　設立準備補助の交付を受けようとする市町村長は、", "交付申請").title == "第6条（交付申請）"
    assert article_of("第6条（交付申請）　設立準備補助の…", "").title == "第6条（交付申請）"
    assert article_of("第6条（交付申請）").key == "第6条"
    assert article_of("第3条の2　会長は、").key == "第3条の2"
    assert article_of("第１２条 知事は、").key == "第12条"
    assert article_body("第6条（交付申請）") == "" and article_body("第6条　本文").startswith("本文")


@pytest.mark.parametrize("text", [
    "第6条の規定により、下記のとおり申請します。",
    "第3条第2項の規定にかかわらず、",
    "第5条（第3項を除く。）の規定は、",
    "第6条",
    "条第3項の規定にかかわらず、令和7年度から",
    "前条第1号及び第2号の補助金（以下「補助金」という。）",
    "この要綱は、第6条の規定により",
])
def test_cross_references_open_no_article(text):
    assert article_of(text) is None


def test_a_caption_line_is_words_in_brackets_not_an_item_a_unit_or_a_sentence():
    assert article_caption("（交付申請）") == "交付申請"
    assert article_caption("（補助金の額の確定及び支払）") == "補助金の額の確定及び支払"
    for text in ["（1）", "（ア）", "（単位：件）", "（この要綱の規定に違反したとき。）", "（交付申請）の手続"]:
        assert article_caption(text) is None


def test_parts_after_the_articles():
    assert part_of("附　則").title == "附則"
    amending = part_of("附　則（令和7年8月1日 7建住第1544号）")
    assert amending.title == "附則（令和7年8月1日 7建住第1544号）" and amending.key != part_of("附則").key
    table = part_of("別表第1（第5条関係）　補助対象経費")
    assert table.key == "別表第1" and table.title == "別表第1（第5条関係） 補助対象経費"
    form = part_of("様式第1号（第6条関係）")
    assert form.key == "様式第1号" and form.scheme == "part:form"
    assert part_of("別記様式第2号（第7条関係）").scheme == "part:form"
    for text in ["別表第2の規定は、令和7年度分の補助金から適用する。", "別表第2に定めるとおりとする", "様式第1号により"]:
        assert part_of(text) is None


def test_a_document_is_legal_when_articles_open_lines():
    assert is_legal(["（趣旨）", "第1条　この要綱は、", "（定義）", "第2条　この要綱において、"])
    assert not is_legal(["第6条の規定により", "法第2条第1項に規定する", "第3条　一つだけ"])


# --- structure on lines as a PDF gives them -------------------------------------------------

def _line(text: str, y: float, indent: float = 0.0, size: float = 10.5, box: bool = False) -> Line:
    short = len(text) < 30
    return Line(text, 0, (78 + indent, y, 78 + indent + 10.5 * len(text), y + 10.5), size, block=0, box=box,
                indent=indent, short=short, gap=0.86)


def _page(texts: list[tuple[str, float] | tuple[str, float, float]], index: int = 0, box: bool = False) -> Page:
    page = Page(index=index, label=str(index + 1), width=595, height=842)
    for n, spec in enumerate(texts):
        text, indent, *size = spec
        page.blocks.append(_line(text, 80 + 16 * n, indent, size[0] if size else 10.5, box))
    return page


RULES = [
    ("市居住支援協議会設置要綱", 40, 13.5),
    ("（趣旨）", 10.5),
    ("第1条　この要綱は、協議会の設置に関し必要な事項を定めるものとする。", 0),
    ("（所掌事項）", 10.5),
    ("第2条　協議会は、次に掲げる事項を所掌する。", 0),
    ("（1）住宅確保要配慮者の入居の円滑化に関すること", 10.5),
    ("（2）その他協議会が必要と認めること", 10.5),
    ("第3条（会議）　会議は、会長が招集する。", 0),
    ("2　会議は、委員の過半数が出席しなければ開くことができない。", 0),
    ("3　前項の規定にかかわらず、会長が必要と認めるときは、第2条第1号の事項に限り書面により", 0),
    ("第2条の規定により議決することができる。", 10.5),
    ("附　則", 31.5),
    ("この要綱は、令和7年4月1日から施行する。", 10.5),
]


def _units(pages: list[Page]):
    return [u for u in build_units(pages) if u.kind != "heading"]


def test_articles_of_rules_are_sections_and_references_are_not():
    units = build_units([_page(RULES)])
    text = [u for u in units if u.kind == "text"]
    titles = [u.section_title for u in text]
    assert titles == ["第1条（趣旨）", "第2条（所掌事項）", "第2条（所掌事項）", "第2条（所掌事項）",
                      "第3条（会議）", "第3条（会議）", "第3条（会議）", "附則"]
    # the clause that wraps onto a line starting with 「第2条の規定により」 stays one paragraph of 第3条
    assert text[-2].text.startswith("3　前項の規定") and text[-2].text.endswith("議決することができる。")
    # the printed caption line is kept as the article's heading unit (the quotation reads as printed)
    assert [u.text for u in units if u.kind == "heading"][1:3] == ["（趣旨）", "（所掌事項）"]


def test_items_and_clauses_stay_inside_their_article_in_a_text_file(tmp_path: Path):
    src = tmp_path / "kiyaku.txt"
    src.write_text("\n".join([
        "第1章　総則",
        "（名称）",
        "第1条　本会は、みなと市居住支援協議会と称する。",
        "第2章　組織",
        "（構成）",
        "",
        "第3条　本会は、次に掲げる者をもって構成する。",
        "（1）居住支援法人",
        "（2）不動産関係団体",
        "2　前項に定めるもののほか、会長が必要と認める者を加えることができる。",
        "第3条の2　会長は、第3条第2項の規定により加えた者を総会に報告する。",
        "附　則",
        "第1条　この規約は、令和7年4月1日から施行する。",
    ]), encoding="utf-8")
    units = build_units(read_document(src))
    by_text = {u.text.split("　")[0]: u.section_title for u in units if u.kind == "text"}
    assert by_text["第1条"] == "附則 > 第1条"  # the last 第1条 seen: the 附則's own article
    assert by_text["（1）居住支援法人"] == "第2章　組織 > 第3条（構成）"
    assert by_text["2"] == "第2章　組織 > 第3条（構成）"
    assert by_text["第3条の2"] == "第2章　組織 > 第3条の2"
    assert not [u for u in units if u.kind == "heading" and u.text.startswith("（1）")]  # 号 is no heading
    first = next(u for u in units if u.kind == "text")
    assert first.section_title == "第1章　総則 > 第1条（名称）"


def test_a_caption_at_the_foot_of_a_page_titles_the_article_on_the_next():
    p1 = _page([("（趣旨）", 10.5), ("第1条　この要綱は、必要な事項を定める。", 0), ("（定義）", 10.5)])
    p2 = _page([("第2条　この要綱において、用語の意義は次のとおりとする。", 0),
                ("第3条　補助金は、予算の範囲内で交付する。", 0)], index=1)
    text = [u for u in build_units([p1, p2]) if u.kind == "text"]
    assert [u.section_title for u in text] == ["第1条（趣旨）", "第2条（定義）", "第3条"]
    assert text[1].pages == ["2"]


def test_a_form_keeps_its_larger_title_under_it_and_a_boxed_sample_ends_with_its_box():
    body = _page([("別添の規約例のとおりとする。", 0)])
    boxed = _page([("（名称）", 10.5), ("第1条　本会は、みなと市居住支援協議会と称する。", 0),
                   ("（目的）", 10.5), ("第2条　本会は、入居の円滑化を図ることを目的とする。", 0)], index=1, box=True)
    after = _page([("規約例は、地域の実情に応じて修正して使う。", 0),
                   ("様式第1号（第6条関係）", 0), ("補助金交付申請書", 40, 12.0),
                   ("下記のとおり申請します。", 10.5)], index=2)
    text = [u for u in build_units([body, boxed, after]) if u.kind == "text"]
    assert [u.section_title for u in text] == [
        "", "第1条（名称）", "第2条（目的）", "", "様式第1号（第6条関係） > 補助金交付申請書"]


def test_a_document_without_articles_is_read_as_before():
    lines = [("調査の概要", 0, 13.5), ("第6条の規定により報告する。", 0), ("附　則", 31.5), ("本文の続き。", 0)]
    units = build_units([_page(lines)])
    assert all(u.section_title == "" for u in units if u.kind == "text")


# --- the generated 要綱 -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def youkou(tmp_path_factory):
    pytest.importorskip("reportlab")
    from tests.docgen.__main__ import build_all

    out = tmp_path_factory.mktemp("youkou")
    try:
        build_all(str(out), ["youkou"])
    except RuntimeError as err:  # no Japanese font on this machine
        pytest.skip(str(err))
    truth = json.loads((out / "sakura-youkou.truth.json").read_text(encoding="utf-8"))
    units = build_units(read_document(out / truth["file"]))
    return truth, chunk_units(units, "youkou", "要綱")


_KEY = re.compile(r"^(第[0-9]+条(?:の[0-9]+)*)")


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_every_chunk_of_the_youkou_has_a_section_and_the_title_heads_only_the_preamble(youkou):
    truth, chunks = youkou
    assert all(c.section_path for c in chunks), [c.text[:30] for c in chunks if not c.section_path]
    title = truth["sentences"][0]["text"]
    assert sum(c.section_path[0] == title for c in chunks) == 1


def test_articles_of_the_youkou_are_section_titles_and_never_share_a_chunk(youkou):
    truth, chunks = youkou
    sents = truth["sentences"]
    expected = []
    for k, s in enumerate(sents):
        if s.get("article"):
            caption = sents[k - 1]["text"] if k and sents[k - 1].get("heading") else ""
            expected.append(_KEY.match(s["text"]).group(1) + caption)
    articles = [c.section_title for c in chunks if _KEY.match(c.section_title)]
    assert list(dict.fromkeys(articles)) == expected  # 第1条（趣旨）… 第14条（その他）, each once, in order
    # no chunk holds the end of one article and the start of another, and none starts inside one
    # article while filed under another
    for c in chunks:
        starts = [s["text"] for s in sents if s.get("article") and _squash(s["text"]) in _squash(c.text)]
        assert len(starts) <= 1, c.text[:80]
        if starts:
            assert c.section_title.startswith(_KEY.match(starts[0]).group(1) + "（")
            assert _squash(c.text).startswith(_squash(sents[sents.index(next(
                s for s in sents if s["text"] == starts[0])) - 1]["text"]))


def test_cross_references_in_the_youkou_open_no_section(youkou):
    _, chunks = youkou
    keys = {_KEY.match(c.section_title).group(1) for c in chunks if _KEY.match(c.section_title)}
    assert keys == {f"第{n}条" for n in range(1, 15)}
    supplementary = [c for c in chunks if c.section_title == "附則"]
    assert supplementary and "第5条第3項の規定にかかわらず" in _squash(supplementary[-1].text)


def test_parts_of_the_youkou_and_the_blank_form_keep_their_own_sections(youkou):
    truth, chunks = youkou
    tables = [c for c in chunks if c.kind == "table"]
    for t in truth["tables"]:
        c = next(c for c in tables if _squash(c.unit_title) == _squash(t["caption"]))
        assert c.section_title.startswith(t["caption"].split("（")[0].split("\u3000")[0])  # 別表第1 …
    form = [c for c in chunks if c.section_title.startswith("様式第1号")]
    assert form and all(c.section_path[0] == "様式第1号（第6条関係）" for c in form)
    assert not any("様式" in c.section_title for c in chunks if _KEY.match(c.section_title))
    assert any(c.section_title == "附則（令和7年8月1日 7建住第1544号）" for c in chunks)


def test_a_form_after_the_rules_is_one_chunk_with_its_grid():
    from ingest.pdf import Table

    rules = _page([("（交付申請）", 10.5), ("第6条　補助金の交付を受けようとする者は、申請書を提出しなければならない。", 0),
                   ("（実績報告）", 10.5), ("第7条　補助事業が完了したときは、実績報告書を提出しなければならない。", 0)])
    form = _page([("様式第1号（第6条関係）", 0), ("補助金交付申請書", 40, 12.0), ("第6条の規定により、下記のとおり申請します。", 10.5)],
                 index=1)
    form.blocks.append(Table([["1 申請額", "円"], ["2 名称", ""], ["3 設立日", "年 月 日"], ["4 連絡先", ""]], 1,
                             (78, 200, 500, 300)))
    chunks = chunk_units(build_units([rules, form]), "d", "d")
    assert [c.section_title for c in chunks] == ["第6条（交付申請）", "第7条（実績報告）", "様式第1号（第6条関係）"]
    last = chunks[-1]
    assert last.kind == "table" and last.grid[0] == ["1 申請額", "円"]
    assert last.text.startswith("様式第1号（第6条関係）\n補助金交付申請書\n第6条の規定により") and "| 2 名称 |" in last.text


def test_the_next_item_starts_anew_after_an_item_that_wrapped_onto_a_line_of_its_own():
    """記書き items in a notice: item 3 wraps and ends on a short line, item 4 follows in the body's face without
    an indent; it is the next item, not the end of item 3's sentence run on (「…採択した。）4　募集期間…」)."""
    lines = [("記", 0), ("1　補助の対象　登録住宅の改修工事", 0),
             ("3　募集戸数　20戸程度（第1回は12戸を採択し", 0), ("た。）", 0),
             ("4　募集期間　令和7年11月10日から同年12月12日まで", 0), ("5　申込先　住宅政策課", 0)]
    page = _page(lines)
    page.blocks[3].short = False  # it ends at the column's edge, and the next line follows closely: a plain run-on
    page.blocks[4].gap = page.blocks[3].gap = 0.3
    texts = [u.text for u in _units([page])]
    assert any(t.startswith("4　募集期間") or "\n4　募集期間" in t for t in texts), texts
    assert not any("12戸を採択した。）4" in t for t in texts), texts
