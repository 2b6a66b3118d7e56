"""Minutes with the speaker in a column of its own: a label that wraps stays with its label, every remark whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.clean import squash
from ingest.hanging_labels import body_column, regrouped
from tests.pdfgen import japanese_font

TURNS = [
    (["部会長"], "それでは議事に入ります。事務局から資料1について説明をお願いします。"),
    (["事務局", "（住宅政策課長）"], "資料1をご覧ください。令和7年度の相談件数は412件で、前年度より38件増えました。"
                                "このうち入居に結びついたものは96件です。"),
    (["芦田委員"], "入居に結びついた割合が低いように思います。不動産関係団体との連携はどのように進めていますか。"),
    (["事務局", "（居住支援推進", "班長）"], "協力店の登録を進めております。現在の登録は52店で、来年度は70店を目標としています。"),
    (["柊委員"], "見守りの体制についても、市町村ごとの差が大きいと感じます。県として何か支援を考えていますか。"),
]


def _minutes_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont(font, 14)
    c.drawCentredString(width / 2, height - 60, "第2回 住宅確保要配慮者部会 会議録")
    y = height - 100
    for labels, speech in TURNS:
        c.setFont(font, 10.5)
        lines = [speech[i:i + 30] for i in range(0, len(speech), 30)]
        for k, label in enumerate(labels):
            if len(label) <= 4:  # a short name spread over the column (均等割付)
                step = (64 - 10.5) / (len(label) - 1)
                for i, ch in enumerate(label):
                    c.drawString(56 + i * step, y - 16 * k, ch)
            else:
                c.drawString(56, y - 16 * k, label)
        for k, line in enumerate(lines):
            c.drawString(150, y - 16 * k, line)
        y -= 16 * max(len(lines), len(labels)) + 8
    c.setFont(font, 9)
    c.drawCentredString(width / 2, 30, "－1－")
    c.save()
    return path


def test_a_wrapped_speaker_label_goes_back_to_its_label_and_every_remark_stays_whole(tmp_path):
    from ingest.chunk import chunk_units
    from ingest.pdf import read_document
    from ingest.structure import build_units

    pdf = _minutes_pdf(tmp_path / "minutes.pdf")
    chunks = chunk_units(build_units(read_document(pdf)), "m", "m")
    text = squash("".join(c.text for c in chunks))
    for labels, speech in TURNS:
        for sentence in speech.split("。")[:-1]:
            assert squash(sentence) in text, sentence
        # the label, all its lines, stands right before its remark
        assert squash("".join(labels) + speech[:10]) in text, labels


@dataclass
class _Frag:
    text: str
    size: float = 10.0


@dataclass
class _Part:
    bbox: tuple[float, float, float, float]
    obj: _Frag


def _row(*pieces: tuple[float, float, str]) -> list[_Part]:
    return [_Part((x0, 0.0, x1, 10.0), _Frag(t)) for x0, x1, t in pieces]


def test_a_numbered_list_with_hanging_text_is_not_a_label_column():
    """「（1）」 at the left edge over text that wraps to an indent is an item: the next item's marker stays its own,
    even where the item above ran to the right edge."""
    rows = [_row((50, 70, "（1）"), (90, 500, "協議会の設置について、県は市町村に対して助言を行うものとする。")),
            _row((90, 500, "また、必要に応じて職員を派遣することができるものとし、その")),
            _row((50, 70, "（2）"), (90, 400, "補助金の交付について。")),
            _row((90, 300, "詳しくは別表のとおり。"))]
    assert body_column(rows, 50, 500) == 90
    assert regrouped(rows, 50, 500) == rows


def test_a_label_piece_beside_a_remark_that_goes_on_joins_the_label_above():
    rows = [_row((50, 80, "事務局"), (120, 500, "資料1をご覧ください。令和7年度の相談件数は412件で、前年")),
            _row((50, 110, "（課長）"), (120, 500, "度より38件増えました。このうち入居に結びついたものは")),
            _row((120, 300, "96件です。")),
            _row((50, 80, "委員"), (120, 500, "ありがとうございました。入居の割合について伺いますが、")),
            _row((120, 200, "以上です。"))]
    out = regrouped(rows, 50, 500)
    assert [p.obj.text for p in out[0]][:2] == ["事務局", "（課長）"]
    assert [p.obj.text for p in out[1]] == ["度より38件増えました。このうち入居に結びついたものは"]
    assert out[3] == rows[3]  # a new speaker after a remark that ended short of the edge


def test_the_end_of_a_line_across_both_columns_is_no_label_piece():
    """An interview's question runs across the speaker column and wraps: its 「か。」 at the left edge is its own end."""
    rows = [_row((50, 80, "森本"), (120, 500, "令和5年ごろから、地域包括支援センターに住まいの相談が増えて")),
            _row((120, 300, "いました。")),
            _row((50, 500, "――設立までにどのくらいかかりました")),
            _row((50, 70, "か。")),
            _row((50, 80, "大川"), (120, 500, "準備期間は約1年で、準備会を4回開きました。県の旧補助金を")),
            _row((120, 300, "利用しました。"))]
    assert regrouped(rows, 50, 500) == rows
