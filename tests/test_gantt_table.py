"""A schedule drawn as a Gantt chart: a ruled grid of tasks by month, with bars drawn across months and labels on
them. The bars' edges cut the cells they span into strips, and a label runs over the rule into the next month; the
task is still one row, its label one cell where the bar starts."""

from __future__ import annotations

from pathlib import Path

from ingest.pdf import Table, read_document
from tests.pdfgen import japanese_font


def _gantt(path: Path) -> None:
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    months = ["4月", "5月", "6月", "7月", "8月", "9月"]
    x0, label_w, col_w, row_h, top = 40, 200, 70, 30, 520
    tasks = [("庁内検討会議", 0, 2, "体制づくり"), ("関係団体への説明", 1, 3, "不動産・福祉団体を訪問"),
             ("規約案の作成", 3, 5, "規約案を準備会で検討")]
    right = x0 + label_w + col_w * len(months)
    for i in range(len(tasks) + 2):  # rules: header and rows
        y = top - i * row_h
        c.line(x0, y, right, y)
    for k in range(len(months) + 2):
        x = x0 if k == 0 else x0 + label_w + col_w * (k - 1)
        c.line(x, top, x, top - (len(tasks) + 1) * row_h)
    c.setFont(font, 9)
    c.drawString(x0 + 4, top - 20, "取り組むこと")
    for k, m in enumerate(months):
        c.drawString(x0 + label_w + col_w * k + 24, top - 20, m)
    for i, (task, start, end, label) in enumerate(tasks):
        y = top - (i + 2) * row_h
        c.setFillGray(0.1)
        c.drawString(x0 + 4, y + 10, task)
        bx = x0 + label_w + col_w * start + 4
        c.setFillColorRGB(0.2, 0.5, 0.7)
        c.rect(bx, y + 6, col_w * (end - start) - 8, 16, stroke=0, fill=1)  # the bar, across its months
        c.setFillGray(1.0)
        c.drawString(bx + 4, y + 10, label)  # its label, running over the month rules
    c.showPage()
    c.save()


def test_a_gantt_chart_reads_one_row_per_task_with_its_label_where_the_bar_starts(tmp_path: Path):
    path = tmp_path / "gantt.pdf"
    _gantt(path)
    tables = [b for b in read_document(path)[0].blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[cell.replace(" ", "") for cell in r] for r in tables[0].rows]
    body = [r for r in rows if r[0] and r[0] != "取り組むこと"]
    assert [r[0] for r in body] == ["庁内検討会議", "関係団体への説明", "規約案の作成"]  # no strips read as rows
    assert body[1][2] == "不動産・福祉団体を訪問" and body[1][3] == ""  # the label whole, in 5月
    assert body[2][4] == "規約案を準備会で検討"
    assert all(any(cell for cell in r) for r in rows)  # no empty row left by a bar's edge


def _gantt_without_month_rules(path: Path) -> None:
    """Rules only between the task rows in the body; the months are columns of the header alone. A label starts
    at its bar or right after a milestone's marker."""
    from reportlab.pdfgen import canvas

    font = japanese_font()
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    months = ["4～6月", "7～9月", "10～12月", "1～3月"]
    x0, label_w, col_w, row_h, top = 40, 180, 90, 30, 520
    right = x0 + label_w + col_w * len(months)
    c.setFont(font, 9)
    for i in range(2):  # the header: task | the four quarters, ruled
        c.line(x0, top - i * row_h, right, top - i * row_h)
    for k in range(len(months) + 2):
        x = x0 if k == 0 else x0 + label_w + col_w * (k - 1)
        c.line(x, top, x, top - row_h)
    c.drawString(x0 + 4, top - 20, "取組")
    for k, m in enumerate(months):
        c.drawString(x0 + label_w + col_w * k + 20, top - 20, m)
    tasks = [("意向調査", 0, "5月実施・19市町村"), ("設立総会", 2, "◆設立総会（R9.2）"), ("窓口の開設", 3, "◆窓口開設（R9.4）")]
    for i, (task, quarter, label) in enumerate(tasks):
        y = top - (i + 2) * row_h
        c.line(x0, y, right, y)  # a rule under each task, none between the months
        c.line(x0, y, x0, y + row_h)
        c.line(x0 + label_w, y, x0 + label_w, y + row_h)
        c.line(right, y, right, y + row_h)
        c.drawString(x0 + 4, y + 10, task)
        bx = x0 + label_w + col_w * quarter + 10
        c.setFillColorRGB(0.2, 0.5, 0.7)
        c.rect(bx, y + 8, 12, 12, stroke=0, fill=1)  # a short bar; its label set right of it
        c.setFillGray(0.1)
        c.drawString(bx + 16, y + 10, label)
    c.showPage()
    c.save()


def test_labels_of_a_gantt_without_month_rules_go_to_the_quarter_where_they_start(tmp_path: Path):
    path = tmp_path / "gantt2.pdf"
    _gantt_without_month_rules(path)
    tables = [b for b in read_document(path)[0].blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = {r[0]: r for r in ([cell.replace(" ", "") for cell in r] for r in tables[0].rows)}
    assert rows["意向調査"][1] == "5月実施・19市町村"
    assert rows["設立総会"][3] == "◆設立総会（R9.2）" and rows["設立総会"][1] == ""
    assert rows["窓口の開設"][4] == "◆窓口開設（R9.4）"


def test_a_word_over_a_rule_joins_its_cells_and_an_arrow_on_it_does_not():
    from ingest.schedule_cells import with_overflow_joined

    def char(text: str, x0: float, w: float = 8.0) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + w, "top": 2.0, "bottom": 10.0, "size": 8.0}

    boxes = [[(0.0, 0.0, 50.0, 12.0), (50.0, 0.0, 100.0, 12.0)]]
    over = [char("不", 30), char("動", 38), char("産", 46), char("店", 54)]  # 産 is cut by the rule at x=50
    assert with_overflow_joined([["不動", "産店"]], boxes, over) == [["不動産店", ""]]
    arrow = [char("4", 20), char("市", 28), char("町", 36), char("→", 46), char("1", 58), char("3", 66)]
    assert with_overflow_joined([["4市町", "→ 13"]], boxes, arrow) == [["4市町", "→ 13"]]  # 現状 → 目標


def test_rows_after_a_bar_s_strips_keep_their_own_cells():
    # task A's 5月 cell is cut into strips by a bar's edges; task B, below, must not take A's ◆完了 (a row read as
    # another row's once the strips are folded back)
    from types import SimpleNamespace as NS

    from ingest.pdf import merged_rows

    def ch(t: str, x: float, top: float, size: float = 8) -> dict:
        return {"text": t, "x0": x, "x1": x + size, "top": top, "bottom": top + size, "size": size}

    rows_cells = [[(0, 80, 60, 100), (60, 80, 120, 100), (120, 80, 180, 100), (180, 80, 240, 100)],
                  [(0, 100, 60, 130), (60, 100, 120, 130), (120, 100, 180, 110), (180, 100, 240, 130)],
                  [None, None, (120, 110, 180, 120), None],
                  [None, None, (120, 120, 180, 130), None],
                  [(0, 130, 60, 150), (60, 130, 240, 150), None, None]]
    raw = [["タスク", "4月", "5月", "6月"], ["A", "", "", "◆完了"], [None, None, "作業", None], [None, None, "", None],
           ["B", "説明会", None, None]]
    chars = [ch(c, 2 + i * 8, 85) for i, c in enumerate("タスク")] + [ch("A", 2, 110), ch("B", 2, 135)]
    chars += [ch(c, 185 + i * 8, 112) for i, c in enumerate("◆完了")] + [ch(c, 125 + i * 8, 112) for i, c in enumerate("作業")]
    chars += [ch(c, 65 + i * 8, 137) for i, c in enumerate("説明会")]
    page = NS(rects=[{"x0": 120, "x1": 180, "top": 110, "bottom": 120, "fill": True}], curves=[], chars=chars)

    def bbox(cs: list) -> tuple:
        p = [c for c in cs if c]
        return (min(c[0] for c in p), min(c[1] for c in p), max(c[2] for c in p), max(c[3] for c in p))

    t = NS(extract=lambda: [r[:] for r in raw], rows=[NS(cells=c, bbox=bbox(c)) for c in rows_cells], page=page)
    rows, _ = merged_rows(t)
    assert rows == [["タスク", "4月", "5月", "6月"], ["A", "", "作業", "◆完了"], ["B", "説明会", "", ""]]
