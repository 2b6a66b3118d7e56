"""What a page break does to a book set on facing pages (found on a guide with side notes, BLIND28, once it was seen):
- the running line names the chapter in effect and stands on the OUTER side (right on odd pages, left on even ones):
  it is one place, and furniture, though each chapter's name is over one or two pages only;
- a box cut by the page break prints 「（次ページに続く）」 at its foot and 「（前ページから続く）」 at the next page's top:
  the marks go and the cut sentence is one again, in the box's section;
- a table going on under its repeated header row on the next page stays one grid though a side note is read between
  its two parts."""

from __future__ import annotations

import pytest

from ingest.clean import turns_page, without_page_turn
from ingest.running import Frag, find_running

WIDTH, HEIGHT, BODY = 595.0, 842.0, 10.0
CHAPTERS = ["第1章　協議会の役割", "第1章　協議会の役割", "第2章　協議会をつくる", "第3章　県の支援", "第3章　県の支援",
            "第4章　運営する", "第4章　運営する", "第4章　運営する"]


def _book() -> list[list[Frag]]:
    pages = []
    for k, chapter in enumerate(CHAPTERS, start=1):
        odd = k % 2 == 1
        x0, x1 = (430.0, 565.0) if odd else (30.0, 165.0)  # the outer side
        frags = [Frag(chapter, 38, 46, x0, x1, 8.6)]
        if k == 1 or CHAPTERS[k - 2] != chapter:  # the chapter opens on this page: its title in the body
            frags.append(Frag(chapter, 85, 100, 68, 300, 15.0))
        frags += [Frag(f"本文{k}の{j}行目は、住まいの相談について述べている。", 120 + 18 * j, 130 + 18 * j, 68, 430, BODY)
                  for j in range(30)]
        frags.append(Frag(f"P.{k}", 800, 809, x0 + 100 if odd else x0, x1 if odd else x0 + 30, 9.0))
        pages.append(frags)
    return pages


def test_the_chapter_over_the_outer_side_of_facing_pages_is_a_running_line():
    pages = _book()
    hits = find_running(pages, [HEIGHT] * len(pages), BODY, widths=[WIDTH] * len(pages))
    for page, hit in zip(pages, hits, strict=True):
        texts = [page[i].text for i in sorted(hit)]
        assert texts[0] in CHAPTERS and texts[-1].startswith("P."), texts
        assert not any(page[i].size > 12 or page[i].size == BODY for i in hit)  # the title and body stay


@pytest.mark.parametrize(("line", "turns", "bare"), [
    ("議論に時間を要したとい（次ページに続く）", True, "議論に時間を要したとい"),
    ("（前ページから続く）います。", False, "います。"),
    ("(前ページから続く) います。", False, "います。"),
    ("続きは次回の会議で話し合います。", False, "続きは次回の会議で話し合います。"),
    ("（次ページに続く）", True, ""),
])
def test_page_turn_marks_are_no_text(line, turns, bare):
    assert turns_page(line) is turns
    assert without_page_turn(line) == bare


@pytest.fixture(scope="module")
def guide_chunks(tmp_path_factory):
    pytest.importorskip("reportlab")
    from layout_check import ingest_chunks

    from tests.docgen.__main__ import build_all

    out = tmp_path_factory.mktemp("mikage")
    try:
        build_all(str(out), ["mikage_tebiki"])
    except RuntimeError as err:  # no Japanese font on this machine
        pytest.skip(str(err))
    _, chunks = ingest_chunks(next(out.glob("*.pdf")))
    return chunks


def test_a_box_cut_by_the_page_break_is_one_text_without_its_marks(guide_chunks):
    text = "\n".join(c.text for c in guide_chunks)
    assert "続く）" not in text
    column = next(c for c in guide_chunks if "コラム" in c.text)
    assert "議論に時間を要したといいます。" in column.text
    assert "設立から1年間の相談件数は97件" in column.text  # the part printed on the next page, under the box's title


def test_no_running_chapter_line_in_chunks_and_a_continued_table_is_one_grid(guide_chunks):
    for c in guide_chunks:
        lines = c.text.split("\n")
        assert len(lines) < 2 or lines[0] != lines[1]  # the chapter's title once, not again as its running line
    table = [c for c in guide_chunks if "| 協議会 | 設立年月 |" in c.text]
    assert len(table) == 1, [c.text[:80] for c in table]
    assert "しらぬい市" in table[0].text and "ささゆり町・ゆきま町" in table[0].text and "| 合計 |" in table[0].text
