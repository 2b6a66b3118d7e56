"""Footnotes at the page foot, running lines of facing pages, and schedules drawn as bars: pure functions over
plain text pieces and grids (the layouts of an academic report chapter and of a set-up worksheet)."""

from ingest.running import Frag, find_running, footnote_lines
from ingest.structure import schedule_rows


def _page(k: int, header: str | None, notes: list[str]) -> list[Frag]:
    frags = [Frag(header, 30, 38, 300, 520, 8.5)] if header else []
    words = "住まい相談支援協議会法人家主見守り入居福祉部局設立準備会規約事務局"
    frags += [Frag(f"{words[(3 * k + j) % 20:(3 * k + j) % 20 + 5]}について{words[j:j + 3]}が述べる。", 100 + 20 * j,
                   110 + 20 * j, 70, 520, 10.0) for j in range(20)]
    frags += [Frag(t, 720 + 12 * i, 728 + 12 * i, 70 if t[0].isdigit() else 86, 520, 8.0) for i, t in enumerate(notes)]
    frags.append(Frag(f"― {41 + k} ―", 810, 818, 280, 320, 9.0))
    return frags


def test_a_footnote_in_small_type_at_the_page_foot_is_content_though_small_text_stands_there_on_every_page():
    topics = ["回答部署", "調査期間", "基準日", "共同設置", "相談件数", "派遣事業"]
    pages = [_page(k, None, [f"{k + 1})　{topics[k]}は、住宅部局が{k + 3}市町村であった。福祉部局が回答した市",
                             f"町村は、{topics[k]}について住宅部局と協議している。"]) for k in range(6)]
    hits = find_running(pages, [842.0] * 6, 10.0)
    for p, h in zip(pages, hits, strict=True):
        texts = {p[i].text for i in h}
        assert any(t.startswith("―") for t in texts)  # the page number goes
        assert not any("市町村であった" in t or "協議している" in t for t in texts)  # the note stays


def test_the_end_of_a_note_begun_on_the_page_before_is_a_note_too():
    frags = [*(Frag(f"本文の行{'あいうえおかきくけこ'[j]}である。", 400 + 20 * j, 410 + 20 * j, 70, 520, 10.0) for j in range(10)),
             Frag("なわ町、すみれ町の4市町村に延べ9回派遣した。", 720, 728, 86, 400, 8.0),
             Frag("7)　ワークシートでは、標準的な準備期間を12か月とし、4月に準備を始め", 732, 740, 70, 520, 8.0),
             Frag("る工程を例示する予定である。", 744, 752, 86, 300, 8.0)]
    assert footnote_lines(frags) == {10, 11, 12}


def test_running_lines_of_facing_pages_go_though_each_stands_on_half_the_pages():
    pages = [_page(k, None if k == 0 else ("調査研究報告書" if k % 2 else "第3章　市町村の居住支援体制"), []) for k in range(6)]
    hits = find_running(pages, [842.0] * 6, 10.0)
    for k in range(1, 6):
        assert 0 in hits[k]  # the header, on the left pages and on the right ones
    assert not any("述べる" in pages[k][i].text for k in range(6) for i in hits[k])


def test_a_task_drawn_as_bars_is_one_row_of_its_schedule():
    grid = [["作業項目", "4月", "5月", "6月", "7月"],
            ["庁内連絡会議", "", "", "●第2回", ""],
            ["", "設置・第1回", "", "", ""],
            ["", "", "", "", ""],
            ["現状把握", "", "", "", ""],
            ["", "", "データ収集", "・整理", ""]]
    assert schedule_rows(grid) == [grid[0], ["庁内連絡会議", "設置・第1回", "", "●第2回", ""],
                                   ["現状把握", "", "データ収集・整理", "", ""]]
    # a grouped table (not by months) keeps its rows: the next row of a group fills the same columns
    grouped = [["区分", "項目", "件数"], ["高齢者", "入居", "3"], ["", "見守り", "5"], ["", "", ""]]
    assert schedule_rows(grouped) == grouped


def test_a_box_text_set_larger_than_the_body_runs_on_and_is_no_title():
    from ingest.pdf import Line
    from ingest.structure import LABEL_VALUE, wraps_on

    def line(text: str, top: float, size: float = 9.6, block: int = 5) -> Line:
        return Line(text, 0, (44, top, 159, top + size), size=size, block=block)

    title = line("現状を知る", 339, size=11.2)
    a, b, c = line("相談記録や統計から、住ま", 368), line("いに困っている人の状況を", 383), line("把握します。", 399)
    nxt = {id(title): a, id(a): b, id(b): c}
    assert wraps_on(a, nxt) and wraps_on(b, nxt)
    assert not wraps_on(title, nxt)  # over text of another type: a title
    assert not wraps_on(line("設立までの5つのステップ", 292, 13.0, block=2), {})
    assert LABEL_VALUE.search("目安：4月～7月") and LABEL_VALUE.search("市町村名　記入欄：")
    assert not LABEL_VALUE.search("ポイント：早めに相談する")  # a title with a colon


def test_two_labels_in_adjacent_months_stay_in_their_months():
    grid = [["作業", "4月", "5月", "6月", "7月"], ["入居者募集", "", "", "●締切", ""], ["", "説明会", "募集開始", "", ""]]
    assert schedule_rows(grid)[1] == ["入居者募集", "説明会", "募集開始", "●締切", ""]
