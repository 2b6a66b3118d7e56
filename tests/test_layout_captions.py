"""A caption above a table inside one column, wrapped onto a second line, stays with its table."""

from __future__ import annotations

from ingest.layout import Geometry, Item, attach_captions, reading_order

GEO = Geometry(gutter=9.0, min_column=90.0)


def _is_caption(text: str) -> bool:
    return text.startswith("表")


def _wraps(text: str) -> bool:
    return not text.endswith("。")


def _column(tag: str, x0: float, x1: float, between: list[str]) -> list[Item]:
    """Prose, a caption (its lines in `between`), a table, more prose, in one column."""
    items = [Item((x0, 80, x1, 90), f"{tag}:prose-above。")]
    y = 110.0
    for text in between:
        items.append(Item((x0, y, x1 - 20, y + 10), text))
        y += 14
    items.append(Item((x0, y + 4, x1, y + 80), f"{tag}:TABLE", block=True))
    items.append(Item((x0, y + 95, x1, y + 105), f"{tag}:prose-below。"))
    return items


def _names(items: list[Item]) -> list[str]:
    out = []
    for leaf in reading_order(items, GEO):
        out += [i.obj for row in leaf.rows for i in row]
    return out


def test_a_wrapped_caption_in_a_column_joins_its_table():
    left = _column("L", 40, 280, ["表6　支援メニューの利用状況（令和7年", "4月～9月）"])
    right = [Item((310, 80 + 15 * k, 550, 90 + 15 * k), f"R{k}。") for k in range(12)]
    items = attach_captions(left + right, _is_caption, _wraps)
    groups = [i for i in items if i.children]
    assert len(groups) == 1
    assert [c.obj for c in groups[0].children] == ["表6　支援メニューの利用状況（令和7年", "4月～9月）", "L:TABLE"]
    order = _names(items)
    assert order.index("R0。") > order.index("L:prose-below。")  # the column is read whole first


def test_a_sentence_between_caption_and_table_is_not_taken_as_its_wrapped_line():
    left = _column("L", 40, 280, ["表6　支援メニューの利用状況", "次の表のとおりです。"])
    items = attach_captions(left, _is_caption, _wraps)
    assert not any(i.children for i in items)


def test_a_one_line_caption_still_joins_its_table():
    left = _column("L", 40, 280, ["表3　法人種別の指定数"])
    items = attach_captions(left, _is_caption, _wraps)
    groups = [i for i in items if i.children]
    assert len(groups) == 1 and [c.obj for c in groups[0].children] == ["表3　法人種別の指定数", "L:TABLE"]


def test_a_figure_caption_under_a_chart_is_read_with_it_and_not_under_a_table():
    from types import SimpleNamespace

    def figure(drawn: bool) -> list[Item]:
        chart = SimpleNamespace(drawn=drawn)
        return [Item((40, 80, 280, 90), "prose-above。"), Item((40, 100, 280, 200), chart, block=True),
                Item((60, 210, 240, 220), "図1　相談件数の推移"), Item((40, 240, 280, 250), "prose-below。")]

    def is_caption(obj) -> bool:
        return isinstance(obj, str) and obj.startswith(("表", "図"))

    items = attach_captions(figure(True), is_caption, _wraps)
    groups = [i for i in items if i.children]
    assert len(groups) == 1 and groups[0].children[0].obj == "図1　相談件数の推移"  # its caption, read first
    assert not any(i.children for i in attach_captions(figure(False), is_caption, _wraps))  # a table's is above it
