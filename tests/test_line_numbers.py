"""Line numbers in a page's margin are furniture; a numbered list or a No. column is content."""

from ingest.line_numbers import line_number_chars, without_line_numbers


def _word(text: str, x0: float, top: float, size: float) -> list[dict]:
    out, x = [], x0
    for ch in text:
        width = size if not ch.isascii() else size * 0.5
        out.append({"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size})
        x += width
    return out


def _page(numbers: list[int], num_size: float, text_size: float = 10.5, number_x1: float = 66.0,
          text_x0: float = 90.0) -> list[dict]:
    chars: list[dict] = []
    for i, n in enumerate(numbers):
        top = 100.0 + i * 18.0
        label = str(n)
        chars += _word(label, number_x1 - len(label) * num_size * 0.5, top + 2.0, num_size)
        chars += _word("支援協議会の設立及び運営に要する経費", text_x0, top, text_size)
    return chars


def test_small_margin_numbers_counting_down_the_page_are_dropped():
    chars = _page(list(range(8, 20)), num_size=7.0)
    kept = without_line_numbers(chars)
    assert all(not c["text"].isdigit() for c in kept)
    assert len(kept) == len(chars) - sum(len(str(n)) for n in range(8, 20))


def test_a_short_numbered_list_at_text_size_is_kept():
    chars = _page([1, 2, 3, 4, 5, 6], num_size=10.5)
    assert line_number_chars(chars) == set()


def test_numbers_that_do_not_count_are_kept():
    chars = _page([3, 12, 7, 40, 5, 18, 2], num_size=7.0)
    assert without_line_numbers(chars) == chars


def test_a_number_inside_its_line_is_not_a_line_number():
    chars = _page(list(range(1, 9)), num_size=7.0, number_x1=92.0, text_x0=90.0)
    assert line_number_chars(chars) == set()


def test_a_long_no_column_where_the_prose_starts_is_kept():
    # an unruled table numbered 1-16 at the text's size, under a line of prose that starts where the numbers do
    chars = _word("県内の協力店の一覧は次のとおりです。", 60.0, 80.0, 10.5) + _page(list(range(1, 17)), num_size=10.5)
    assert line_number_chars(chars) == set()


def test_same_size_numbers_in_a_margin_of_their_own_are_line_numbers():
    chars = _page(list(range(1, 17)), num_size=10.5)
    assert len(line_number_chars(chars)) == sum(len(str(n)) for n in range(1, 17))


def test_a_table_of_numbers_keeps_its_number_column():
    chars: list[dict] = []
    for i in range(6):
        top = 100.0 + i * 18.0
        chars += _word(str(i + 1), 60.0, top, 10.5) + _word(str(120 + 7 * i), 120.0, top, 10.5)
    assert line_number_chars(chars) == set()
