"""Footnotes at the page foot (※3 …, small type under the body): they are content, not a running footer, even
where they start at the same place on most pages; and a sentence that runs on over the page is not cut by them.
Found on a plan excerpt written blind (BLIND15): the first line of each footnote was dropped as furniture and its
wrapped line was glued into the body sentence above it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunk import chunk_units
from ingest.clean import squash
from ingest.pdf import read_document
from ingest.structure import build_units

BODY = 10.5
NOTE = 8.0

# per page: body lines (the last may run on to the next page), then footnote lines (the page foot)
PAGES = [
    (["第1節　登録の促進", "登録戸数は令和5年度末で3,412戸※1となっています。県は説明会を開催し、",
      "登録手続の簡素化を図ることで、令和16年度末までに登録戸数6,000戸"],
     ["※1 住宅セーフティネット法に基づき登録された住宅の戸数で、空き住戸でないものを",
      "含みます。"]),
    (["を目指します。また、協力店※2の登録を進めます。", "協力店は令和6年度末で84店です。"],
     ["※2 宅地建物取引業協会の会員で、入居に協力する不動産店として登録した店をいいます。",
      "登録は無料です。"]),
    (["第2節　見守りの推進", "見守りの契約は令和5年度で120件※3でした。"],
     ["※3 居住支援法人が結んだ見守り契約の件数です。"]),
    (["第3節　相談体制", "相談の件数は令和5年度で1,126件※4でした。"],
     ["※4 県と市町村の協議会が受けた相談の合計です。"]),
]


def _pdf(path: Path, pages: list[tuple[list[str], list[str]]] = PAGES) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    from tests.docgen.fonts import GOTHIC, register

    try:
        register()
    except Exception as exc:  # no Japanese font on this machine
        pytest.skip(f"no IPAexGothic: {exc}")
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for n, (body, notes) in enumerate(pages, start=1):
        c.setFont(GOTHIC, 9)
        c.drawString(60, 810, "さざなみ県住宅計画（抜粋）")
        c.setFont(GOTHIC, BODY)
        for k, text in enumerate(body):
            c.drawString(60, 760 - 18 * k, text)
        c.setFont(GOTHIC, NOTE)
        top = 80 + 11 * (len(notes) - 1)  # the foot: a footnote's last line sits at the same height on every page
        c.line(60, top + 12, 160, top + 12)
        for k, text in enumerate(notes):
            c.drawString(60 + (0 if k == 0 or text[:1] in "※注*" else 12), top - 11 * k, text)
        c.setFont(GOTHIC, 9)
        c.drawCentredString(297, 40, f"- {20 + n} -")
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def chunks(tmp_path_factory) -> str:
    pdf = _pdf(tmp_path_factory.mktemp("notes") / "plan.pdf")
    pages = read_document(pdf)
    assert [p.label for p in pages] == ["21", "22", "23", "24"]
    return "\n".join(squash(c.text) for c in chunk_units(build_units(pages), "plan", "plan", 200, 900))


def test_every_footnote_is_kept_whole(chunks):
    for _, notes in PAGES:
        note = squash("".join(notes))
        assert note in chunks.replace("\n", ""), note


def test_a_sentence_over_the_page_is_not_cut_by_the_footnotes_between(chunks):
    assert squash("令和16年度末までに登録戸数6,000戸を目指します。") in chunks.replace("\n", "")


def test_the_running_header_and_page_number_still_go(chunks):
    assert "さざなみ県住宅計画" not in chunks
    assert "-21-" not in chunks


def test_a_chunk_starting_on_an_unnumbered_page_has_no_printed_label():
    from ingest.chunk import Chunk

    def label(pages: list[str]) -> str:
        return Chunk("c", "d", "t", "text", "text", "", "", pages, list(range(len(pages))), 0).page_label

    assert label(["", "i"]) == ""  # a cover, then 目次 page i: not 「-i」; the citation names the PDF page instead
    assert label(["5", ""]) == "5"
    assert label(["5", "6"]) == "5-6"
    assert label(["7"]) == "7"


# a sentence over two page breaks, a note on each page, in the other common forms of the mark
OVER_TWO = [
    (["第1節　支援の体制", "県は、住まい探しに困っている方の相談に応じる窓口を各地域に設けています。",
      "窓口では不動産店の紹介や入居後の見守りまで一貫して支援しています。", "県は協力店注1：の登録を進め、"],
     ["注1：宅地建物取引業協会の会員で、入居に協力する店をいいます。"]),
    (["市町村の協議会*1と連携して"], ["*1 市町村が設置する居住支援協議会です。"]),
    (["入居の支援を図ります。", "相談の件数は令和5年度で1,126件注2でした。今後も相談体制を充実します。",
      "以上の取組を計画期間を通じて着実に進めます。"], ["注2 相談の件数は県と市町村の合計です。"]),
]


def test_a_sentence_over_two_page_breaks_keeps_every_note_whole_after_it(tmp_path):
    pages = read_document(_pdf(tmp_path / "two.pdf", OVER_TWO))
    text = "\n".join(squash(c.text) for c in chunk_units(build_units(pages), "plan", "plan", 200, 900)).replace("\n", "")
    sentence = squash("県は協力店注1：の登録を進め、市町村の協議会*1と連携して入居の支援を図ります。")
    assert sentence in text
    notes = [squash(n[0]) for _, n in OVER_TWO]
    for note in notes:
        assert note in text, note
    assert text.index(notes[0]) < text.index(notes[1]) > text.index(sentence)
