"""Minutes printed as a table of turns, tables introduced (or not) by the paragraph above them, and punctuation
hanging past a table's border (BLIND32), checked here on new documents in other wording.

- A turn that asks (「…はいつまでですか。」, 「…を教えてください。」) is read with the next turn, its reply, in one chunk;
  the reply keeps a chunk of its own, and a turn that asks nothing is read alone.
- The same in prose minutes: a short paragraph that asks, cut off from its reply by the packing, is repeated at the
  head of the reply's chunk.
- The paragraph above a captioned table is its lead only when it points at it or speaks of what the caption names.
- A 。 that hangs past the table's right border (Word's 句読点のぶら下げ) ends its cell's line, not a stray chunk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunk import asks, chunk_units, leads_into
from ingest.clean import squash
from ingest.pdf import read_document
from ingest.structure import Unit, build_units
from tests.pdfgen import japanese_font


def _chunks(path: Path):
    return chunk_units(build_units(read_document(path)), path.stem, path.stem)


# --- what asks ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["見守りの費用は誰が負担するのですか。", "対象は何世帯でしょうか？",
                                  "来年度の研修日程を教えてください。", "県のお考えをお聞かせください。",
                                  "補助の対象になるか伺いたい。", "夜間の対応は可能か。"])
def test_a_turn_that_asks(text):
    assert asks(text)


@pytest.mark.parametrize("text", ["申請書は来月までに提出してください。", "三つの町で試行を始めます。",
                                  "ご協力をお願いします。", "対象となる方は、次のいずれか", "効果は明らか。",
                                  "補助の対象とするかどうか。", ""])
def test_a_turn_that_asks_nothing(text):
    assert not asks(text)


# --- minutes as a table of turns ------------------------------------------------------------------------------------

TURNS = [
    ("発言者", "発言内容"),
    ("あさひ町 福祉課", "見守り訪問の費用は、町と法人のどちらが負担するのですか。"),
    ("事務局（高野）", "訪問一回当たり二千円を上限に、県が法人へ直接支払います。町の負担はありません。"),
    ("ゆうひ市 住宅課", "ゆうひ市では空き家の活用を考えています。登録の手順を教えてください。"),
    ("事務局（高野）", "まず所有者の同意書をいただき、県の台帳に載せます。台帳は毎月末に更新します。"),
    ("つきみ村 総務課", "つきみ村は来月から相談窓口を週二回に増やします。"),
    ("事務局（高野）", "ありがとうございます。窓口の案内は県の広報誌でも紹介します。"),
]
XS = [50, 160, 520]


def _turns_pdf(path: Path, hang: bool = False) -> Path:
    font = japanese_font()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 12)
    c.drawString(50, 800, "第3回 住まい連携会議 議事録")
    y, h = 780, 34
    for who, said in TURNS:
        for x0, x1 in zip(XS[:-1], XS[1:], strict=True):
            c.rect(x0, y - h, x1 - x0, h)
        c.setFont(font, 9)
        c.drawString(XS[0] + 3, y - 14, who)
        if hang and said.startswith("まず"):
            # two lines: the first fills the cell and its 。 hangs past the table's right border
            first, rest = said.split("。", 1)
            width = c.stringWidth(first, font, 9)
            c.drawString(XS[2] - 2 - width, y - 14, first)
            c.drawString(XS[2] - 3.5, y - 14, "。")  # the 。 starts inside the cell, its middle lies right of the border
            c.drawString(XS[1] + 3, y - 27, rest)
        else:
            c.drawString(XS[1] + 3, y - 14, said)
        y -= h
    c.showPage()
    c.save()
    return path


def test_a_turn_that_asks_is_read_with_its_reply(tmp_path):
    chunks = _chunks(_turns_pdf(tmp_path / "turns.pdf"))
    flat = [squash(c.text) for c in chunks]
    asked = [t for t in flat if squash("どちらが負担するのですか") in t]
    assert any(squash("県が法人へ直接支払います") in t for t in asked), "the reply is in the question's chunk"
    requested = [t for t in flat if squash("登録の手順を教えてください") in t]
    assert any(squash("所有者の同意書") in t for t in requested)
    # the reply is still a chunk of its own, without the question
    assert any(squash("県が法人へ直接支払います") in t and squash("負担するのですか") not in t for t in flat)
    # a turn that asks nothing is read alone
    told = [t for t in flat if squash("週二回に増やします") in t]
    assert told and all(squash("広報誌") not in t for t in told)


def test_a_full_stop_hanging_past_the_border_ends_its_line(tmp_path):
    chunks = _chunks(_turns_pdf(tmp_path / "hanging.pdf", hang=True))
    texts = [c.text for c in chunks]
    assert not any(squash(t) in ("。", "") for t in texts)
    assert any(squash("県の台帳に載せます。台帳は毎月末") in squash(t) for t in texts), texts


def test_rows_that_ask_are_read_with_the_next_row_only_in_a_table_of_turns(tmp_path):
    # a checklist asks in every row; no row is the answer to the one above it
    rows = [("項目", "確認の観点"), ("規約", "協議会の目的、構成員の範囲、会議の開き方と議決の方法を規約に定めていますか。"),
            ("事務局", "事務局を置く課と担当者を決め、その連絡先を構成員と関係機関に知らせていますか。"),
            ("名簿", "構成員の名簿を作り、毎年度の初めに異動を確かめて見直す手順を決めていますか。")]
    units = [Unit(kind="table", text="", section="1", section_title="確認", pages=["1"], page_indices=[0],
                  title="設立前の確認表", grid=[list(r) for r in rows])]
    texts = [c.text for c in chunk_units(units, "d", "d")]
    assert len(texts) == 3 and not any("目的" in t and "連絡先" in t for t in texts), texts


# --- prose minutes --------------------------------------------------------------------------------------------------

def _unit(text: str, kind: str = "text") -> Unit:
    return Unit(kind=kind, text=text, section="1", section_title="議事", pages=["1"], page_indices=[0],
                section_path=["議事"])


def test_a_paragraph_that_asks_is_repeated_with_its_reply_across_a_chunk_break():
    filler = "○委員　" + "地域の見守りの取組について、各団体から報告がありました。" * 6
    question = "○委員　夜間の緊急連絡はどこが受けるのですか。"
    reply = "○事務局　夜間は委託先のコールセンターが受け、翌朝に担当者へ引き継ぎます。"
    chunks = chunk_units([_unit(filler), _unit(question), _unit(reply)], "d", "d", min_chars=100, max_chars=200)
    with_reply = [c.text for c in chunks if "コールセンター" in c.text]
    assert with_reply and all(question in t for t in with_reply)
    # a paragraph that asks nothing is not repeated
    plain = chunk_units([_unit(filler), _unit("○委員　夜間の連絡体制は整っています。"), _unit(reply)], "d", "d",
                        min_chars=100, max_chars=200)
    assert sum("夜間の連絡体制" in c.text for c in plain) == 1


# --- which paragraph introduces a table -----------------------------------------------------------------------------

def _table(title: str, header: list[str]) -> Unit:
    return Unit(kind="table", text="", section="1", section_title="s", pages=["1"], page_indices=[0], title=title,
                grid=[header, ["令和6年度", "12"]])


def test_the_paragraph_above_a_captioned_table_leads_it_only_when_it_speaks_of_it():
    table = _table("表2　空き家バンクの登録件数", ["年度", "登録件数"])
    assert leads_into("空き家バンクへの登録は年々増えています。", table)  # names what the caption names
    assert leads_into("内訳は次のとおりです。", table)  # points at it
    assert leads_into("内訳は表2のとおりです。", table)  # names it by its number
    assert leads_into("登録は令和6年度に12件ありました（表2）。", table)
    assert leads_into("登録できる物件は次の3種類です。", table)  # announces its items
    assert not leads_into("研修の申込みは電子メールでお送りください。", table)  # another topic that ends above it
    assert not leads_into("申請は要綱第5条のとおり行ってください。", table)  # points at something else
    # a word every table of the domain heads its columns with (年度, 件数 in the header) is no shared topic
    assert not leads_into("令和6年度の研修は3回開きました。", table)
    # … or of what its rows are (an indicator table under a caption that names none of them)
    indicators = Unit(kind="table", text="", section="1", section_title="s", pages=["1"], page_indices=[0],
                      title="成果指標", grid=[["指標名", "令和6年度"], ["空き家見学会の開催回数", "9"]])
    assert leads_into("空き家見学会を9回開きました。", indicators)
    assert not leads_into("研修の申込みは電子メールでお送りください。", indicators)
    # a table without a caption is titled by the paragraph above it
    assert leads_into("研修の申込みは電子メールでお送りください。", _table("", ["年度", "件数"]))
