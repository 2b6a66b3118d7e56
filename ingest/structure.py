"""Pages of lines and tables -> structural units: paragraphs, headings, tables, case boxes.

Pure functions. Tracks the section path (``4（1）【調査結果】``), keeps every table
(``表 4-①``) and case box (``事例 4-①``) as its own unit with title, unit line and notes,
and joins paragraphs that wrap across lines and pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .clean import clean_cell, join_lines, normalize
from .pdf import Line, Page, Table

H1 = re.compile(r"^(\d{1,2})[ \u3000]+(\S.{0,40})$")
H2 = re.compile(r"^[（(](\d{1,2})[）)][ \u3000]*(\S.{0,40})$")
H3 = re.compile(r"^【([^】]{1,20})】$")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
CAPTION = re.compile(r"^(表|図|事例|参考|資料)[ \u3000]*(\d+[-－‐]?[①-⑳\d]*)")
UNIT_LINE = re.compile(r"^[（(]単位[:：].*[）)]$")
NOTE = re.compile(r"^[（(]注[0-9０-９]*[）)]|^※")
# headings that close the numbered part and speak for the whole chapter
CHAPTER_LEVEL_H3 = {"まとめ", "所見", "結論", "総括"}


@dataclass
class Unit:
    kind: str  # text | heading | table | case
    text: str
    section: str
    section_title: str
    pages: list[str]
    page_indices: list[int]
    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    title: str = ""  # 表/事例 caption
    unit_line: str = ""
    notes: list[str] = field(default_factory=list)
    grid: list[list[str]] = field(default_factory=list)  # tables: header row first
    level: int = 0  # headings: 1..3

    def add_place(self, label: str, index: int, bbox: tuple[float, float, float, float]) -> None:
        if not self.pages or self.pages[-1] != label:
            self.pages.append(label)
        if not self.page_indices or self.page_indices[-1] != index:
            self.page_indices.append(index)
        self.boxes.append((index, *bbox))


@dataclass
class _Style:
    body_size: float
    margin: float


def _style(pages: list[Page]) -> _Style:
    sizes: Counter = Counter()
    lefts: Counter = Counter()
    for p in pages:
        for b in p.blocks:
            if isinstance(b, Line) and b.text:
                sizes[round(b.size, 1)] += len(b.text)
                lefts[round(b.bbox[0])] += 1
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    margin = lefts.most_common(1)[0][0] if lefts else 0.0
    return _Style(body, margin)


def classify(line: Line, style: _Style) -> str:
    """heading1/2/3 | caption | unit | note | para (starts a paragraph) | cont (continues one)."""
    text = normalize(line.text).strip()
    raw = line.text.strip()
    if not raw:
        return "blank"
    md = MD_HEADING.match(raw)
    if md:
        return f"heading{min(len(md.group(1)), 3)}"
    emphasized = line.strong or (style.body_size and line.size > style.body_size + 0.2)
    plain_source = line.size == 0.0  # text files carry no font information
    headingish = (emphasized or plain_source) and not raw.endswith(("。", "、"))
    if H3.match(text) and (headingish or plain_source):
        return "heading3"
    if CAPTION.match(text) and (emphasized or plain_source):
        return "caption"
    if H2.match(text) and headingish:
        return "heading2"
    if H1.match(text) and headingish and not re.match(r"^\d+[ \u3000]*(?:年|月|日|県|市|回|法人|%)", text):
        return "heading1"
    if UNIT_LINE.match(text):
        return "unit"
    if NOTE.match(text):
        return "note"
    small = style.body_size and line.size and line.size < style.body_size - 0.6
    if small:
        return "small"
    indent = line.bbox[0] - style.margin
    unit_w = line.size or style.body_size or 10
    if plain_source:
        return "para" if indent > 0 else "cont"
    return "para" if indent > unit_w * 0.5 else "cont"


def _section_key(levels: dict[int, tuple[str, str]]) -> tuple[str, str]:
    keys, titles = [], []
    for lvl in sorted(levels):
        key, title = levels[lvl]
        keys.append(key)
        titles.append(title)
    return "".join(keys), " > ".join(titles)


def _heading_key(kind: str, text: str) -> str:
    t = normalize(text)
    if kind == "heading1" and (m := H1.match(t)):
        return m.group(1)
    if kind == "heading2" and (m := H2.match(t)):
        return f"（{m.group(1)}）"
    if kind == "heading3" and (m := H3.match(t)):
        return f"【{m.group(1)}】"
    return t.lstrip("#").strip()[:30]


def _table_rows(table: Table) -> list[list[str]]:
    return [[clean_cell(c) for c in row] for row in table.rows]


def is_text_table(grid: list[list[str]]) -> bool:
    """Tables whose cells are sentences (case boxes, opinion lists) rather than figures."""
    cells = [c for row in grid[1:] for c in row[1:] if c]
    return bool(cells) and sum(len(c) for c in cells) / len(cells) > 30


def build_units(pages: list[Page]) -> list[Unit]:
    style = _style(pages)
    units: list[Unit] = []
    levels: dict[int, tuple[str, str]] = {}
    para: Unit | None = None
    para_lines: list[str] = []
    caption: Unit | None = None  # a 表/事例 waiting for its grid
    caption_open = False  # caption text may wrap onto the next line
    last_table: Unit | None = None  # notes after a grid belong to it
    note_target: Unit | None = None

    def flush_para() -> None:
        nonlocal para, para_lines
        if para is not None and para_lines:
            para.text = join_lines(para_lines)
            units.append(para)
        para, para_lines = None, []

    def new_unit(kind: str) -> Unit:
        sec, sec_title = _section_key(levels)
        return Unit(kind=kind, text="", section=sec, section_title=sec_title, pages=[], page_indices=[])

    def close_caption() -> None:
        nonlocal caption
        if caption is not None:  # a caption that never got a grid: keep its words as text
            caption.kind = "text"
            caption.text = "\n".join([caption.title, caption.unit_line, *caption.notes]).strip()
            units.append(caption)
            caption = None

    for page in pages:
        for block in page.blocks:
            if isinstance(block, Table):
                flush_para()
                grid = _table_rows(block)
                unit = caption or new_unit("table")
                if caption is not None and normalize(caption.title).startswith("事例"):
                    unit.kind = "case"
                else:
                    unit.kind = "table"
                unit.grid = grid
                unit.add_place(page.label, page.index, block.bbox)
                units.append(unit)
                caption, caption_open = None, False
                last_table = note_target = unit
                continue
            line: Line = block
            kind = classify(line, style)
            if kind == "blank":
                flush_para()
                continue
            if caption_open and kind in {"cont", "para", "small"} and line.strong and caption is not None:
                caption.title = join_lines([caption.title, line.text])
                caption.add_place(page.label, page.index, line.bbox)
                continue
            caption_open = False
            if kind.startswith("heading"):
                flush_para()
                close_caption()
                level = int(kind[-1])
                key = _heading_key(kind, line.text)
                if level == 3 and key.strip("【】") in CHAPTER_LEVEL_H3:
                    levels = {k: v for k, v in levels.items() if k < 2}
                levels = {k: v for k, v in levels.items() if k < level}
                title = line.text.strip().lstrip("#").strip()
                levels[level] = (key, title)
                h = new_unit("heading")
                h.text, h.level = line.text.strip(), level
                h.add_place(page.label, page.index, line.bbox)
                units.append(h)
                last_table = note_target = None
                continue
            if kind == "caption":
                flush_para()
                close_caption()
                caption = new_unit("table")
                caption.title = line.text.strip()
                caption.add_place(page.label, page.index, line.bbox)
                caption_open = True
                note_target = caption
                continue
            if kind == "unit" and (caption or last_table):
                target = caption or last_table
                target.unit_line = line.text.strip()
                target.add_place(page.label, page.index, line.bbox)
                continue
            if kind == "note" and (caption or last_table):
                flush_para()
                note_target = caption or last_table
                note_target.notes.append(line.text.strip())
                note_target.add_place(page.label, page.index, line.bbox)
                continue
            if kind == "small" and note_target is not None and note_target.notes:
                # a note's wrapped line, or its next numbered item ("2 市区町村を…")
                if re.match(r"^\d+[ \u3000]", line.text) or not note_target.notes:
                    note_target.notes.append(line.text.strip())
                else:
                    note_target.notes[-1] = join_lines([note_target.notes[-1], line.text])
                note_target.add_place(page.label, page.index, line.bbox)
                continue
            # body text
            last_table = note_target = None
            if kind == "para" or para is None:
                flush_para()
                para = new_unit("text")
            para_lines.append(line.text)
            para.add_place(page.label, page.index, line.bbox)
    flush_para()
    close_caption()
    return units
