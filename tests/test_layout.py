"""Pure parts of layout reading: columns, running lines and page labels, headings, TOC pages."""

from __future__ import annotations

from ingest.headings import heading_of, is_toc_page, numbering
from ingest.layout import Geometry, Item, reading_order
from ingest.running import Frag, choose_labels, find_running, page_number_candidates

GEO = Geometry(gutter=9.0, min_column=90.0)


def _lines(x0: float, x1: float, tops: list[float], tag: str) -> list[Item]:
    return [Item((x0, t, x1, t + 10), f"{tag}{k}") for k, t in enumerate(tops)]


def _order(items: list[Item]) -> list[str]:
    return [i.obj for leaf in reading_order(items, GEO) for row in leaf.rows for i in row]


def test_two_columns_under_a_full_width_title_read_column_by_column():
    title = [Item((50, 40, 545, 60), "T")]
    left = _lines(50, 285, [80 + 15 * k for k in range(5)], "L")
    right = _lines(310, 545, [80 + 15 * k for k in range(5)], "R")
    assert _order(title + right + left) == ["T", *[f"L{k}" for k in range(5)], *[f"R{k}" for k in range(5)]]


def test_full_width_block_between_column_runs_keeps_its_place():
    top_l, top_r = _lines(50, 285, [80, 95], "a"), _lines(310, 545, [80, 95], "b")
    wide = [Item((50, 120, 545, 200), "W")]
    low_l, low_r = _lines(50, 285, [220, 235], "c"), _lines(310, 545, [220, 235], "d")
    assert _order(top_l + top_r + wide + low_l + low_r) == ["a0", "a1", "b0", "b1", "W", "c0", "c1", "d0", "d1"]


def test_label_and_value_gap_is_not_a_gutter():
    rows = []
    for k in range(4):
        rows += [Item((50, 80 + 15 * k, 80, 90 + 15 * k), f"k{k}"), Item((130, 80 + 15 * k, 500, 90 + 15 * k), f"v{k}")]
    leaves = reading_order(rows, GEO)
    assert [[i.obj for i in row] for leaf in leaves for row in leaf.rows] == [[f"k{k}", f"v{k}"] for k in range(4)]


def test_side_by_side_boxes_are_separate_units_in_left_to_right_order():
    box1 = Item((50, 100, 250, 200), None, _lines(60, 240, [110, 125], "p"))
    box2 = Item((300, 100, 500, 200), None, _lines(310, 490, [110, 125], "q"))
    leaves = reading_order([box2, box1], GEO)
    assert [leaf.box for leaf in leaves] == [True, True]
    assert [[i.obj for r in leaf.rows for i in r] for leaf in leaves] == [["p0", "p1"], ["q0", "q1"]]


def test_page_number_forms():
    def values(text):
        return {(c[1], c[2]) for c in page_number_candidates(text)}

    assert (67, "arabic") in values("- 67 -")
    assert (12, "arabic") in values("― 12 ―")
    assert (12, "arabic") in values("P.12")
    assert (12, "arabic") in values("p. 12")
    assert (12, "arabic") in values("12 / 40")
    assert (7, "arabic") in values("みなと県住宅課　P.7")
    assert (4, "roman") in values("iv")
    assert (2, "roman") in values("― ii ―")
    assert (3, "arabic") in values("あさぎ すまいネット通信　第12号　（3）")  # in brackets after the name
    assert not page_number_candidates("令和6年度の取組")
    # a house style's ornaments on both sides, or a pair of brackets
    assert (3, "arabic") in values("～ 3 ～")
    assert (5, "arabic") in values("* 5 *")
    assert (12, "arabic") in values("《 12 》")
    assert (4, "arabic") in values("〔4〕")
    assert (3, "arabic") in values("令和6年度 年報　～ 3 ～")
    assert not page_number_candidates("《3》の取組")


def test_ornamented_footer_numbers_the_pages_even_in_large_type():
    """「《 n 》」 at the foot of every page is the page number, though it is set larger than the text of the slides
    printed four to a page (large text that recurs is otherwise kept as content)."""
    pages = []
    for k in range(4):
        body = [Frag(f"スライド{k}の本文その{j}について述べる。", 100 + 20 * j, 106 + 20 * j, 50, 500, 5.0)
                for j in range(4)]
        pages.append([*body, Frag(f"《 {k + 1} 》", 800, 810, 280, 320, 9.5)])
    hits = find_running(pages, [842.0] * 4, 5.0)
    assert all(len(p) - 1 in h for p, h in zip(pages, hits, strict=True))
    cands = [[c for i in sorted(h) for c in page_number_candidates(p[i].text)] for p, h in zip(pages, hits, strict=True)]
    assert choose_labels(cands) == ["1", "2", "3", "4"]


def _slide(x0: float, top: float, tag: str, w: float = 230, h: float = 130) -> Item:
    return Item((x0, top, x0 + w, top + h), None, _lines(x0 + 10, x0 + w - 10, [top + 10, top + 25], tag))


def test_a_grid_of_slides_is_read_row_by_row():
    """Four slides to a page: top left, top right, bottom left, bottom right (not column by column)."""
    boxes = [_slide(50, 100, "a"), _slide(310, 100, "b"), _slide(50, 260, "c"), _slide(310, 260, "d")]
    leaves = reading_order(list(reversed(boxes)), GEO)
    assert [leaf.rows[0][0].obj[0] for leaf in leaves] == ["a", "b", "c", "d"]


def test_boxes_of_varying_height_in_two_columns_are_read_column_by_column():
    """An FAQ's Q&A boxes in two columns whose rows differ in height are columns, not a grid."""
    boxes = [_slide(50, 100, "a", h=130), _slide(310, 100, "b", h=130), _slide(50, 260, "c", h=90),
             _slide(310, 260, "d", h=90)]
    # the second row is shorter than the first: no grid of one cell size
    leaves = reading_order(boxes, GEO)
    assert [leaf.rows[0][0].obj[0] for leaf in leaves] == ["a", "c", "b", "d"]


def test_columns_inside_a_laid_out_frame_are_measured_against_the_frame():
    """A slide printed small holds a flow of three step boxes, each with notes under it: the notes are read
    under their own box (columns narrower than the page's measure); a frame of text alone keeps the page's."""
    geo = Geometry(gutter=6.0, min_column=90.0, column_share=0.15, column_floor=30.0)
    steps = [Item((60 + 80 * k, 110, 120 + 80 * k, 130), None, _lines(62 + 80 * k, 118 + 80 * k, [112], f"s{k}"))
             for k in range(3)]
    notes = [Item((60 + 80 * k, 140 + 12 * j, 120 + 80 * k, 148 + 12 * j), f"n{k}{j}") for k in range(3) for j in range(2)]
    slide = Item((50, 100, 300, 200), None, steps + notes)
    got = [i.obj for leaf in reading_order([slide], geo) for row in leaf.rows for i in row]
    assert got == ["s00", "n00", "n01", "s10", "n10", "n11", "s20", "n20", "n21"]
    # the same lines without the step boxes: names and numbers in a plain frame stay rows
    plain = Item((50, 100, 300, 200), None, notes)
    rows = [[i.obj for i in row] for leaf in reading_order([plain], geo) for row in leaf.rows]
    assert rows[0] == ["n00", "n10", "n20"]


def _doc(footers: list[str | None], header: str | None = None, n_body: int = 3) -> list[list[Frag]]:
    pages = []
    for k, foot in enumerate(footers):
        words = "住まい相談支援協議会法人家主見守り入居福祉部局"
        frags = [Frag(f"{words[(k + j) % 10:(k + j) % 10 + 4]}について{words[j:j + 3]}が述べる。", 100 + 20 * j,
                      110 + 20 * j, 50, 500, 10.5) for j in range(n_body)]
        if header:
            frags.insert(0, Frag(header.format(k), 30, 38, 50, 300, 8.0))
        if foot:
            frags.append(Frag(foot, 800, 810, 280, 320, 9.0))
        pages.append(frags)
    return pages


def _labels(pages: list[list[Frag]]) -> tuple[list[str], list[set[int]]]:
    hits = find_running(pages, [842.0] * len(pages), 10.5)
    cands = [[c for i in sorted(h) for c in page_number_candidates(p[i].text)] for p, h in zip(pages, hits, strict=True)]
    return choose_labels(cands), hits


def test_footer_with_publisher_and_cover_without_number():
    pages = _doc([None, *[f"みなと県住宅課　P.{n}" for n in range(5, 11)]])
    labels, hits = _labels(pages)
    assert labels == ["", "5", "6", "7", "8", "9", "10"]
    assert all(len(p) - 1 in h for p, h in zip(pages[1:], hits[1:], strict=True))
    assert not hits[0]  # the cover's body is not furniture


def test_a_number_after_the_publication_s_name_is_the_page_and_a_section_page_is_kept_as_printed():
    named = _labels(_doc([None, *[f"事例集-{n}" for n in range(1, 8)]]))[0]
    assert named == ["", "1", "2", "3", "4", "5", "6", "7"]
    sections = _labels(_doc([None, "1-1", "2-1", "2-2", "3-1", "参考-1"]))[0]
    assert sections == ["", "1-1", "2-1", "2-2", "3-1", "参考-1"]
    chapters = _labels(_doc(["1-1", "1-2", "1-3", "2-1"]))[0]  # a chapter number is part of the label
    assert chapters == ["1-1", "1-2", "1-3", "2-1"]
    mixed = _labels(_doc([None, *[f"- {n} -" for n in range(1, 6)], "参考-1", "参考-2"]))[0]
    assert mixed[-2:] == ["参考-1", "参考-2"] and mixed[1:6] == ["1", "2", "3", "4", "5"]  # no page label twice


def test_roman_front_matter_then_arabic():
    labels, _ = _labels(_doc(["― i ―", "― ii ―", "― iii ―", "― 1 ―", "― 2 ―", "― 3 ―"]))
    assert labels == ["i", "ii", "iii", "1", "2", "3"]


def test_chapter_header_with_changing_words_is_running_but_body_is_not():
    pages = _doc([f"- {n} -" for n in range(1, 7)], header="ガイド本編｜第{0}章 いろいろな題名")
    _, hits = _labels(pages)
    for p, h in zip(pages, hits, strict=True):
        assert 0 in h and len(p) - 1 in h
        assert not any(i in h for i in range(1, len(p) - 1))


def test_year_in_header_does_not_beat_the_page_sequence():
    pages = _doc([f"令和6年度報告　{n}" for n in range(3, 9)])
    labels, _ = _labels(pages)
    assert labels == [str(n) for n in range(3, 9)]


def test_numbering_schemes_give_keys():
    assert numbering("第2章 協議会の設立")[:2] == ("第N章", "第2章")
    assert numbering("2-3 会則の作り方")[:2] == ("N-N", "2-3")
    assert numbering("（1） 都道府県による支援")[:2] == ("(N)", "（1）")
    assert numbering("Q3．会議は何回？")[:2] == ("Q", "Q3")
    assert numbering("① 住まいの確保")[0] == "①"


def test_weak_numbering_needs_a_heading_face():
    assert heading_of("1. 相談を受け付ける", emphasized=False) is None
    assert heading_of("1. 相談を受け付ける", emphasized=True) is not None
    assert heading_of("2-3 会則の作り方", emphasized=False) is not None
    assert heading_of("第2章では設立の手順を説明する。", emphasized=True) is None


def test_toc_page():
    toc = ["目次", "第1章 はじめに ……………… 1", "1-1 背景 ………… 2", "第2章 設立 ……… 5"]
    assert is_toc_page(toc)
    assert not is_toc_page(["第1章 はじめに", "本書は県の支援をまとめたものです。", "表1 構成員 12"])


def test_a_meeting_name_over_small_slides_on_every_page_is_a_running_header_though_larger_than_them():
    """A handout printed three slides a page: the meeting's name and 「資料2」 at the top of every page, in a face
    larger than the slides' small text. Large text was kept as a repeating slide title; on every page at the same
    place it is furniture."""
    pages = []
    for n in range(6):
        header = Frag("令和7年度 第2回 市町村居住支援担当者会議 資料2", 30, 40, 50, 545, size=9.0)
        body = [Frag(f"・スライド{n}の本文{k}", 80 + 60 * k, 87 + 60 * k, 60, 280, size=6.5) for k in range(8)]
        title = Frag(["本日の内容", "現状", "補助制度", "申請手続", "役割分担", "問い合わせ先"][n], 70, 78, 60, 280, size=9.0)
        pages.append([header, title, *body])
    hits = find_running(pages, [842.0] * 6, 6.5)
    assert all(0 in h for h in hits)
    assert not any(1 in h for h in hits)  # each slide's own title stays


def test_a_spreadsheet_s_title_and_blank_rows_printed_inside_its_grid_are_no_header():
    from ingest.structure import title_rows, without_empty_columns

    grid = [["市町村別 取組状況一覧", "", "", "", ""], ["", "", "", "", "県住宅課 調べ"], ["", "", "", "", ""],
            ["No.", "市町村名", "設置状況", "相談件数", ""], ["1", "みずかげ市", "○", "468", ""], ["2", "かなえ市", "○", "251", ""]]
    titles, rest = title_rows(without_empty_columns(grid))
    assert titles == ["市町村別 取組状況一覧", "県住宅課 調べ"]
    assert rest[0] == ["No.", "市町村名", "設置状況", "相談件数", ""] and len(rest) == 3
    assert without_empty_columns([["a", "", "b"], ["c", "", "d"]]) == [["a", "b"], ["c", "d"]]
    plain = [["No.", "市町村名", "件数"], ["1", "みずかげ市", "468"], ["2", "かなえ市", "251"]]
    assert title_rows(plain) == ([], plain)  # a table whose first row is its header
    going_on = [["【北部圏域】", "", ""], ["あさひ市", "120", "130"], ["ゆめみ市", "80", "90"]]
    assert title_rows(going_on) == ([], going_on)  # a group's label over figures in a continued table


def test_boxes_drawn_inside_a_box_are_read_one_by_one_though_narrower_than_a_page_column():
    """A slide printed small on a handout: three step boxes side by side inside its frame, each two lines of
    6.5-pt text, narrower than a page's narrowest column. Read across, the steps' lines interleave."""
    from ingest.pdf import _boxed

    frame = (40.0, 100.0, 300.0, 250.0)
    steps = [(50.0 + 85 * k, 150.0, 120.0 + 85 * k, 190.0) for k in range(3)]
    items = [Item((x0 + 3, 155 + 12 * r, x1 - 3, 162 + 12 * r), f"S{k}L{r}")
             for k, (x0, _t, x1, _b) in enumerate(steps) for r in range(2)]
    items.append(Item((50, 110, 290, 118), "TITLE"))
    items.append(Item((500, 400, 560, 410), "ELSEWHERE"))
    geo = Geometry(gutter=6.0, min_column=89.0)
    order = [i.obj for leaf in reading_order(_boxed(items, [frame, *steps]), geo) for row in leaf.rows for i in row]
    assert order.index("S0L1") < order.index("S1L0") < order.index("S1L1") < order.index("S2L0")
    assert order[0] == "TITLE"
    flat = [i.obj for leaf in reading_order(_boxed(items, [frame]), geo) for row in leaf.rows for i in row]
    assert flat.index("S1L0") < flat.index("S0L1")  # the frame alone: the steps' lines read across


def test_a_lone_panel_inside_a_box_is_read_with_the_box():
    """A profile's frame inside a case box is no unit of its own (its title must not become a section): only
    boxes standing side by side are read one by one."""
    from ingest.pdf import _side_by_side

    steps = [(50.0 + 85 * k, 150.0, 120.0 + 85 * k, 190.0) for k in range(3)]
    assert _side_by_side(steps) == steps
    assert _side_by_side([(50.0, 150.0, 290.0, 240.0)]) == []
    assert _side_by_side([(50.0, 100.0, 290.0, 140.0), (50.0, 150.0, 290.0, 240.0)]) == []  # one above the other


def test_a_lone_number_in_a_box_s_bottom_corner_numbers_the_box_and_a_figure_elsewhere_does_not():
    from ingest.pdf import Line, _box_number

    slide = (40.0, 100.0, 300.0, 250.0)
    def item(text: str, bbox: tuple) -> Item:
        return Item(bbox, Line(text, 0, bbox, 6.5))
    assert _box_number(item("5", (288, 240, 296, 247)), slide)  # bottom right: the slide's number
    assert _box_number(item("12", (165, 240, 175, 247)), slide)  # centred under the text
    assert not _box_number(item("986", (60, 240, 75, 247)), slide)  # a chart's value at the bottom left
    assert not _box_number(item("5", (288, 150, 296, 157)), slide)  # a figure mid-box
    assert not _box_number(item("317件", (270, 240, 296, 247)), slide)  # a figure with its counter
    big = Item((180, 200, 240, 247), Line("344", 0, (180, 200, 240, 247), 36.0))
    assert not _box_number(big, slide, 6.5)  # a panel's figure set large under its label


def test_numbered_titles_at_the_top_of_every_page_are_content():
    """STEP 1 / STEP 2 / STEP 3 (or 様式第1号, 第2号…) in large type at the top of each page share a shape once
    digits are read as #, but not their words: they stay."""
    pages = [[Frag(f"STEP {k} 相談の受付", 30, 48, 50, 300, size=18.0),
              *[Frag(f"本文{k}の{j}行目です。", 200 + 15 * j, 210 + 15 * j, 50, 545, size=10.5) for j in range(10)]]
             for k in range(1, 4)]
    assert find_running(pages, [842.0] * 3, 10.5) == [set(), set(), set()]


def test_slide_numbers_of_a_two_up_handout_are_furniture_but_number_no_page():
    from ingest.running import slide_counters

    def page(k: int) -> list[Frag]:
        return [Frag("研修の進め方について", 100, 110, 50, 500), Frag(f"{2 * k + 1} / 16", 380, 390, 480, 520),
                Frag("相談窓口の設置について", 420, 430, 50, 500), Frag(f"{2 * k + 2} / 16", 760, 770, 480, 520)]

    assert slide_counters([page(k) for k in range(8)]) == [{1, 3}] * 8
    # the dates or fractions of a table drawn without lines are no slide numbers
    dates = [[Frag("開催日", 100, 110, 50, 90), Frag("4/15", 100, 110, 100, 130), Frag("5/15", 120, 130, 100, 130),
              Frag("6/15", 140, 150, 100, 130)], [Frag("7/15", 100, 110, 100, 130), Frag("8/15", 120, 130, 100, 130)]]
    assert slide_counters(dates) == [set(), set()]
    halves = [[Frag("補助率", 100, 110, 50, 90), Frag("1/2", 100, 110, 100, 130), Frag("1/2", 120, 130, 100, 130)]] * 2
    assert slide_counters(halves) == [set(), set()]
    # one slide to a page: 「3 / 16」 is the page's number, left to the page-number reading
    one = [[Frag("本文です。", 100, 110, 50, 500), Frag(f"{k + 1} / 16", 760, 770, 480, 520)] for k in range(4)]
    assert slide_counters(one) == [set()] * 4


def test_a_title_saying_continued():
    from ingest.unruled import ends_continued

    assert ends_continued("市町村居住支援協議会の設立状況（続き）")
    assert ends_continued("表2 補助メニュー (続き)")
    assert not ends_continued("（続き）")  # a row's mark, not a title
    assert not ends_continued("手続きの続き")


def test_a_heading_tab_over_labels_and_values_keeps_each_pair_on_one_line():
    """A frame measured on its own splits only columns laid out in boxes or tables: a small heading tab over
    「電話番号｜0123-…」 lines is no such layout, so each label stays with its value."""
    geo = Geometry(gutter=9.45, min_column=89.0, column_share=0.15, column_floor=63.0)
    tab = Item((60, 100, 130, 114), None, [Item((62, 102, 128, 112), "tab")])
    lines = []
    for k in range(3):
        lines += [Item((60, 120 + 14 * k, 133, 130 + 14 * k), f"k{k}"), Item((150, 120 + 14 * k, 300, 130 + 14 * k), f"v{k}")]
    frame = Item((50, 95, 310, 170), None, [tab, *lines])
    rows = [[i.obj for i in row] for leaf in reading_order([frame], geo) for row in leaf.rows]
    assert rows == [["tab"], ["k0", "v0"], ["k1", "v1"], ["k2", "v2"]]


def test_lines_whose_words_change_on_every_page_are_content_at_the_foot_or_in_a_band():
    """A profile per page (個票): each page's contact line in small type at the foot and its 「No.n」 tag on the band
    under the header stand at the same place on every page, but their words differ from page to page and nothing
    else of the running lines shares their line: they are content. The book's title over every page, the page number
    and a chapter's name printed on the title's line stay furniture."""
    towns = ["かもめ市", "ふなで市", "みさご市", "あまも町", "いさな村", "ほしずな町"]
    pages = []
    for k, town in enumerate(towns):
        pages.append([
            Frag("市町村居住支援協議会 個票集", 36, 45, 50, 300, size=8.4),
            Frag(f"第{k // 2 + 1}章 {['概要', '市の事例', '町村の事例'][k // 2]}", 36, 45, 400, 545, size=8.4),
            Frag(f"No.{k + 1}", 93, 104, 50, 80, size=11.0),
            Frag(f"{town}の居住支援協議会", 93, 104, 90, 300, size=11.0),
            *[Frag(f"{town}の取組の{j}つ目について述べる文です。", 130 + 20 * j, 140 + 20 * j, 50, 545, size=10.4)
              for j in range(20)],
            Frag(f"連絡先　{town} {['建築住宅課', '福祉政策課', '住宅課'][k % 3]}　電話 0479-555-{3101 + 97 * k}",
                 759, 768, 50, 400, size=9.8),
            Frag(f"- {k + 2} -", 801, 811, 280, 320, size=9.5),
        ])
    hits = find_running(pages, [842.0] * len(pages), 10.4)
    for page, hit in zip(pages, hits, strict=True):
        texts = {page[i].text for i in hit}
        assert "市町村居住支援協議会 個票集" in texts and any(t.startswith("- ") for t in texts)
        assert any(t.startswith("第") for t in texts)  # the chapter's name beside the title
        assert not any(t.startswith(("連絡先", "No.")) for t in texts)
