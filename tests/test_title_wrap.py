"""A document title printed over two lines on the first page is one heading, and heads no section."""

from ingest.pdf import Line, Page
from ingest.structure import build_units


def _line(text: str, top: float, size: float, strong: bool, short: bool = False, gap: float = 0.0) -> Line:
    return Line(text=text, page_index=0, bbox=(60.0, top, 60.0 + size * len(text), top + size), size=size,
                strong=strong, font="", block=0, box=False, indent=0.0, short=short, gap=gap)


def test_a_title_wrapped_onto_a_second_line_is_one_heading():
    body = "協議会の設立に向けて、県は市町村の担当者を対象とする説明会を開催しています。"
    lines = [_line("市町村居住支援協議会の設立に向けた", 60, 20.0, True),
             _line("県の支援策について", 86, 20.0, True, short=True, gap=0.2)]
    lines += [_line(body, 140 + 18 * i, 10.5, False, gap=1.0 if i == 0 else 0.0) for i in range(6)]
    units = build_units([Page(index=0, label="1", width=595, height=842, blocks=lines)])
    heads = [u for u in units if u.kind == "heading"]
    assert [h.text for h in heads] == ["市町村居住支援協議会の設立に向けた県の支援策について"]
    assert all(not u.section_path for u in units)  # the document's title heads no section
