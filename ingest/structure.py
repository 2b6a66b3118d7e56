"""Pages of lines and tables -> structural units: paragraphs, headings, tables, case boxes.

Pure functions. Tracks the section path with a stack of numbering schemes (headings.py), so
``4（1）【調査結果】`` and ``第2章 > 2-3`` come from one mechanism; keeps every table and
captioned box (``表 4-①``, ``事例 4-①``) as its own unit with title, unit line and notes;
joins paragraphs that wrap across lines, columns and pages (a line continues its paragraph
unless the previous one ended a sentence and this one starts a new paragraph by indent,
space or a short line before it), and joins a table continued on the next page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from .articles import (
    ARTICLE_SCHEME,
    FORM_SCHEME,
    PART_SCHEME,
    article_body,
    article_caption,
    article_of,
    is_legal,
    part_of,
)
from .clean import (
    FIGURE_CELL,
    FOOT_MARK,
    NOTE_MARK,
    SENTENCE_END,
    clean_cell,
    is_schedule,
    join_lines,
    label_value_grid,
    normalize,
    squash,
    starts_item,
    turns_page,
    without_page_turn,
)
from .headings import (
    ANSWER,
    Heading,
    caption_of,
    heading_of,
    is_big_figure,
    is_case_caption,
    is_chapter_level,
    is_toc_title,
    numbering,
    vocabulary,
)
from .pdf import Line, Page, Table
from .unruled import ends_continued, is_continued_mark
from .vocabulary import vocabulary as tokens_vocabulary

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
UNIT_LINE = re.compile(r"^[（(]単位[:：].*[）)]$")
# a caption's unit or scope printed on its line, apart from its words: 「…の概要　　（単位：件）」「…　（令和7年度）」
TRAILING_UNIT = re.compile(r"\s*([（(]単位[:：][^（）()]*[）)])\s*$|\s+([（(][^（）()]{1,20}[）)])\s*$")
# a note under a table (※, （注）): the table's note. A footnote's marks are more (NOTE_MARK: 注1：, *1), but a
# line such as 「注）…」 under a table reads on as text when it wraps at body size, as it always has
NOTE = re.compile(r"^[（(]注[0-9０-９]*[）)]|^※")


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
    unit_line: str = ""  # 「（単位：件）」: what the figures count
    scope: str = ""  # 「（令和7年4月1日現在）」 printed apart after a caption: when or where the figures hold
    notes: list[str] = field(default_factory=list)
    grid: list[list[str]] = field(default_factory=list)  # tables: header row first
    level: int = 0  # headings: depth in the section path, 1 = top
    section_path: list[str] = field(default_factory=list)  # readable heading titles, outermost first
    block: int = -1  # tables: the reading-order block of their last piece
    form: bool = False  # inside a form printed after rules (様式第1号): a document to fill in, read as one
    spread: bool = False  # tables: printed in blocks of columns on several pages, joined beside each other
    # tables: the pages each grid row is printed on, (label, index) pairs (a row split at a page break has two);
    # empty when unknown (a table joined beside another)
    row_places: list[list[tuple[str, int]]] = field(default_factory=list)
    open_spans: dict[int, str] = field(default_factory=dict)  # tables: merged cells cut by the page (pdf.Table)

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
    page_body: dict[int, float] = field(default_factory=dict)  # a page's own body size, where it has enough text


PAGE_BODY_CHARS = 150  # characters of running text a page needs before its own body size counts
PROSE_LINE = 20  # a line this long is running text
CALLOUT_CHARS = 15  # a line this short, set larger than the text under it, is a callout or a title over it


def _style(pages: list[Page]) -> _Style:
    sizes: Counter = Counter()
    lefts: Counter = Counter()
    page_body: dict[int, float] = {}
    for p in pages:
        own: Counter = Counter()
        prose: Counter = Counter()  # lines of running text, not labels, chips and captions set in other sizes
        for b in p.blocks:
            if isinstance(b, Line) and b.text:
                own[round(b.size, 1)] += len(b.text)
                lefts[round(b.bbox[0])] += 1
                if len(b.text.strip()) >= PROSE_LINE:
                    prose[round(b.size, 1)] += len(b.text)
        sizes.update(own)
        if prose and prose.most_common(1)[0][1] >= PAGE_BODY_CHARS:
            page_body[p.index] = prose.most_common(1)[0][0]
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    margin = lefts.most_common(1)[0][0] if lefts else 0.0
    return _Style(body, margin, page_body)


def emphasized(line: Line, style: _Style, on_page: bool = False) -> bool:
    """Bolder, or larger than the body text. `on_page`: than the page's own running text where the page has enough
    (a press release set in 10 pt, bundled with an agreement in 10.5 pt, numbers its sections in 10.8 pt), else
    than the document's."""
    body = style.page_body.get(line.page_index, style.body_size) if on_page else style.body_size
    # (and never smaller than the document's body: a list item in 10 pt on a flyer of 8 pt small print is no title)
    return line.strong or bool(body and line.size >= body + 0.5 and line.size >= style.body_size - 0.25)


# list-like numberings that are clauses and items (項「2　」, 号「（1）」) inside an article, never its sub-sections
ITEM_SCHEMES = {"N", "(N)", "ア", "(ア)", "①", "N."}


# a line drawn with one rule character (━━━━, ────, ＝＝＝＝, ＊＊＊＊, -----, ～～～～): no text, a break
DRAWN_RULE = re.compile(r"([━─＝=＊*\-－―～〜_＿・･])\1{3,}")


def classify(line: Line, style: _Style, in_article: bool = False) -> tuple[str, Heading | None]:
    """(heading | caption | unit | note | small | para | cont | blank, the heading if one).

    `in_article`: the line is inside an article of rules, where （1） and 「2　」 number items and
    clauses of that article (a text file would otherwise make each a heading)."""
    raw = line.text.strip()
    if not raw or DRAWN_RULE.fullmatch(raw):
        return "blank", None  # (a rule drawn with characters, ━━━━ or ＊＊＊＊, parts an e-mail as a blank line does)
    md = MD_HEADING.match(raw)
    if md:
        title = md.group(2).strip()
        return "heading", Heading(f"md{len(md.group(1))}", title[:20], title)
    plain_source = line.size == 0.0  # text files carry no font information
    emph = emphasized(line, style)
    if caption_of(raw) and (emph or plain_source or line.above_table):
        return "caption", None
    # a numbered line needs only stand out from its own page; an unnumbered title, from the whole document (a flyer's
    # chips and values are set larger than its small print, and title nothing)
    h = heading_of(raw, emph, plain_source, numbered_emphasis=emphasized(line, style, on_page=True))
    if in_article and h is not None and h.scheme in ITEM_SCHEMES:
        h = None
    text = normalize(raw)
    if line.over_table and (h is None or h.scheme == "face") and untitled_caption(text):
        return "caption", None
    if h is not None:
        return "heading", h
    if UNIT_LINE.match(text):
        return "unit", None
    if NOTE.match(text):
        return "note", None
    if style.body_size and line.size and line.size < style.body_size - 0.6:
        return "small", None
    if plain_source:
        return ("para" if line.bbox[0] > 0 else "cont"), None
    unit_w = line.size or style.body_size or 10
    indent = line.indent if line.block >= 0 else line.bbox[0] - style.margin
    return ("para" if indent > unit_w * 0.5 else "cont"), None


# a label and its value (a date, a figure) or its blank to fill in, after a colon
LABEL_VALUE = re.compile(r"^[^:：]{1,12}[:：]\s*(?:$|[^:：]*\d)")


def labelled_above(line: Line, prev: object) -> bool:
    """The line printed right above a key figure is its label: in its block, set smaller, short and no sentence,
    close above it and over it (「2町の人口（合計）」 over 「18,400人」). A figure over its label (「4,812件」 then
    「相談件数」) has none above it."""
    if not isinstance(prev, Line) or prev.page_index != line.page_index or prev.block != line.block:
        return False
    text = normalize(prev.text).strip()
    return (0 < len(text) <= 30 and not text.endswith(SENTENCE_END) and not is_big_figure(text)
            and prev.size < line.size - 0.5 and 0 <= line.bbox[1] - prev.bbox[3] <= line.size
            and prev.bbox[0] < line.bbox[2] and line.bbox[0] < prev.bbox[2])


def wraps_on(line: Line, printed_next: dict) -> bool:
    """The line runs on into the lines under it, which end a sentence within three lines: same block, type and left
    edge, set tight (a step box's text in larger type than the body: 「相談記録や統計から、住ま」「いに困っている
    人の状況を」「把握します。」). A title stands alone, or over text of another type."""
    cur = line
    for _ in range(3):
        nxt = printed_next.get(id(cur))
        if (not isinstance(nxt, Line) or nxt.block != cur.block or abs(nxt.size - line.size) > 0.3
                or abs(nxt.bbox[0] - line.bbox[0]) > max(line.size, 1.0)
                or not 0 <= nxt.bbox[1] - cur.bbox[3] < max(line.size, 1.0)):
            return False
        if normalize(nxt.text).rstrip().endswith(SENTENCE_END):
            return True
        cur = nxt
    return False


def untitled_caption(text: str) -> bool:
    """A line printed right above a table that can title it without a 表/図 number: short, not a
    sentence, not a lead-in to the table (「次のとおりです：」), not a unit or a note of its own."""
    t = text.strip()
    if not t or len(t) > 60 or t.endswith((*SENTENCE_END, "：", ":", "、", "，")):
        return False
    if not re.search(r"[^\d\s.,%％()（）/／\-－]", normalize(t)):
        return False  # a number alone (a chart's axis label, 「10」) names nothing
    return not (UNIT_LINE.match(t) or NOTE.match(t) or starts_item(t))


CLAUSE_NO = re.compile(r"^[0-9０-９]{1,2}\u3000")  # a clause number of rules and 要綱 (「2　市町村長は…」)


# numberings that title what follows when a short line stands alone (通知・要領: 「（1）目的」 over its text)
TITLE_SCHEMES = {"N", "(N)", "N."}
_LEAD_IN = re.compile(r"(?:次|以下)の(?:とおり|通り)|[:：]$")


def _counted(text: str) -> bool:
    """「3 団体が参加」「10 時から」: a number with its counter or unit, not a numbering."""
    m = re.match(r"^\d+\s*(\S+)", text)
    return bool(m) and any(m.group(1).startswith(c) for c in (*tokens_vocabulary().counters, "時", "/"))


def numbered_title(line: Line, prev: object, nxt: object) -> Heading | None:
    """A short numbered line standing alone above its text, in the body face: a heading of a notice or
    an outline (「1　補助事業の概要」, 「（1）目的」), which would otherwise run into its first sentence.
    Not an item of a list of short items: the line before or after it is not numbered the same way."""
    t = normalize(line.text.strip())
    num = numbering(t)
    if not line.short or num is None or num[0] not in TITLE_SCHEMES or len(t) > 30:
        return None
    if t.endswith((*SENTENCE_END, "、", "，", "：", ":")) or _counted(t) or _open_brackets(t) > 0:
        return None  # a sentence, a count, or an item wrapped inside a bracket (「5　申込先　…（電話」)
    rest = re.sub(r"^\W*\d+\W*", "", t)
    if len(re.findall(r"[一-龥ぁ-んァ-ヶ]", rest)) < 2 or len(re.findall(r"\d", rest)) * 3 > len(rest):
        return None  # 「1 / 6」「1 令和7年4月1日」: figures, not a title
    if re.search(r"[^のな](?:が|を|から|まで)", rest):
        return None  # 「1 団体が参加」: a clause, not a title
    if isinstance(prev, Line) and _LEAD_IN.search(normalize(prev.text.strip())):
        return None  # the items under 「次のとおり」 are a list
    for other in (prev, nxt):
        if isinstance(other, Line) and (n := numbering(normalize(other.text.strip()))) and n[0] == num[0] and (
                other is nxt or other.short):
            return None
    if not isinstance(nxt, Line):
        return None  # a title heads text, not a table (that line is a caption)
    if isinstance(prev, Line) and not prev.short and not prev.text.rstrip().endswith(SENTENCE_END):
        return None  # the wrapped end of a full line that runs on into it (「…、資料」 / 「3 令和7年度…」)
    return Heading(num[0], num[1], line.text.strip())


_TITLE_MARK = re.compile(r"^[○◯●◎◆◇■□]\s*\S")


@cache
def _notice_number() -> re.Pattern | None:
    """A notice's number line (「…県告示第612号」); the kinds of notice are data (notice_kinds)."""
    kinds = "|".join(map(re.escape, vocabulary().get("notice_kinds", [])))
    return re.compile(rf"(?:{kinds})\s*第\s*[\d〇一二三四五六七八九十百千]+\s*号$") if kinds else None


def notice_title(line: Line, nxt: object, after: object) -> Heading | None:
    """A gazette's notice title: a line led by a mark (at most 60 characters), not a sentence, whose next line
    (or, when the title runs full width and wraps onto an unmarked line, the one after) is the notice's number (「…県告示第612号」; the kinds of notice are data:
    notice_kinds in resources/headings.toml). Read as a ○ item, the title ran into the notice before it and
    the notice's text was filed under the previous notice's last heading."""
    t = normalize(line.text.strip())
    if not _TITLE_MARK.match(t) or len(t) > 60 or t.endswith(SENTENCE_END):
        return None
    number = _notice_number()
    if number is None:
        return None

    def is_number(other: object) -> bool:
        return isinstance(other, Line) and len(other.text.strip()) <= 30 and bool(number.search(normalize(other.text.strip())))

    # the number on the next line, or on the one after the title's wrapped end (a line of its own, not marked)
    wrapped = isinstance(nxt, Line) and not _TITLE_MARK.match(normalize(nxt.text.strip())) and not line.short and not (
        normalize(nxt.text.strip()).endswith(SENTENCE_END))
    if is_number(nxt) or (wrapped and is_number(after)):
        return Heading("notice", t[:20], line.text.strip())
    return None


def caption_lead(text: str) -> bool:
    """「表　補助メニュー別の…」: a caption word and a space open the line (a caption without a number)."""
    t = normalize(text.strip())
    return any(re.match(rf"^{re.escape(w)}[ \u3000]+\D", t) for w in vocabulary()["captions"])


# item numberings whose next number opens the next item (記書き 「1　…」「2　…」, 「（1）」「（2）」, 「1.」「2.」, 「①」「②」;
# circled numbers are read before NFKC, which turns them into plain digits)
_NUMBERINGS = (re.compile(r"^(\d{1,2})[ \u3000]"), re.compile(r"^[（(](\d{1,2})[）)]"), re.compile(r"^(\d{1,2})[.．](?!\d)"))
_CIRCLED = re.compile(r"^\s*([①-⑳])")


def _item_number(text: str) -> tuple[int, int] | None:
    """(numbering scheme, number) of the item the line opens, None when it opens none."""
    m = _CIRCLED.match(text)
    if m:
        return len(_NUMBERINGS), ord(m.group(1)) - 0x245F
    t = normalize(text.strip())
    for k, scheme in enumerate(_NUMBERINGS):
        if n := scheme.match(t):
            return k, int(n.group(1))
    return None


def _opens_item(text: str) -> bool:
    return _item_number(text) is not None


def numbered_next(prev: str, text: str) -> bool:
    """The line opens item n+1 of the numbering the previous line opened with item n: the previous item ran to
    the right edge without a full stop (「1　指定番号　第18号」「2　名称　…」), and the two are still two items."""
    a, b = _item_number(prev), _item_number(text)
    return a is not None and b is not None and a[0] == b[0] and b[1] == a[1] + 1


def _list_goes_on(para_lines: list[str], nxt: Page | None) -> str:
    """The item a numbered list ends the page with, when the next page's first line opens its next item (③ at the
    foot of one page, ④ at the top of the next); "" otherwise."""
    last = next((t.strip() for t in reversed(para_lines) if _opens_item(t)), "")
    first = next((b for b in nxt.blocks if not isinstance(b, Line) or b.text.strip()), None) if nxt else None
    return last if last and isinstance(first, Line) and numbered_next(last, first.text.strip()) else ""


def starts_paragraph(line: Line, prev: Line | None, kind: str) -> bool:
    """Whether a body line begins a new paragraph rather than continuing the previous line's.

    A sentence is never cut: a line after one that did not end a sentence continues it,
    across columns and pages, whatever its indent. Boxes are units of their own.
    """
    if prev is None:
        return True
    if line.box != prev.box or (line.box and line.block != prev.block):
        return True
    text = line.text.strip()
    ended = prev.text.rstrip().endswith(SENTENCE_END)
    if ANSWER.match(normalize(text)) or (starts_item(text) and (ended or prev.short or line.block < 0)):
        return True
    if not ended and starts_item(prev.text.strip()) and CLAUSE_NO.match(text):
        return True  # 「（4）その他…書類」 then 「2　…」: an item list ends and the next numbered clause (項) begins
    if not ended and numbered_next(prev.text.strip(), text):
        return True  # 「1　指定番号　…第18号」 then 「2　名称　…」: a full line of item 1, then item 2 of the same scheme
    if not ended and starts_item(prev.text.strip()) and prev.short and not starts_item(text) and line.gap > 1.0:
        return True  # a list of short items (「●その他　147件（11.4％）」), then prose set apart by a wider space
    if (not ended and prev.size and line.size and line.page_index == prev.page_index
            and len(prev.text.strip()) <= CALLOUT_CHARS and prev.size - line.size >= max(1.5, 0.15 * line.size)
            and bool(without_page_turn(text).strip())):
        return True  # a short title or key figure over smaller text (「21法人」 over 「県が指定した…」)
    if not ended:
        return False
    if line.block < 0:  # text files: blank lines and indents decide
        return kind == "para"
    return kind == "para" or prev.short or line.gap > 0.8 or line.block != prev.block


def broken_short(lines: list[Line | None]) -> list[bool]:
    """Per line of a paragraph: does it follow a line its author broke short — one that stops well before the
    paragraph's usual right edge (in its block, on its page) without ending a sentence (a label over its value,
    a list of short items)? The usual edge is the paragraph's own, read from most of its lines, so one line
    that runs long (a URL, a figure) does not make every full line look short."""
    rights: dict[tuple[int, int], list[float]] = {}
    extent: dict[int, list[float]] = {}  # the paragraph's left and right edges on each page
    for x in lines:
        if x is not None:
            rights.setdefault((x.page_index, x.block), []).append(x.bbox[2])
            span = extent.setdefault(x.page_index, [x.bbox[0], x.bbox[2]])
            span[0], span[1] = min(span[0], x.bbox[0]), max(span[1], x.bbox[2])
    usual = {key: sorted(r)[int(0.8 * (len(r) - 1))] for key, r in rights.items()}

    def flush_right(x: Line) -> bool:
        left, right = extent[x.page_index]
        return (x.bbox[0] - left > x.size * 4 and right - x.bbox[2] < x.size * 2
                and x.bbox[2] - x.bbox[0] < 0.4 * (right - left))

    flush: dict[int, list[float]] = {}
    for x in lines:
        if x is not None and flush_right(x):
            flush.setdefault(x.page_index, []).append(x.bbox[0])

    def set_right(x: Line) -> bool:
        """One of the short lines set flush right with ragged left edges, away from the paragraph's left edge (a
        letter's number, date and sender): a line of its own. A column's lines start at one edge; the short last
        line of a paragraph's turn into the next column is flush right with nothing but itself."""
        starts = flush.get(x.page_index, [])
        return flush_right(x) and len(starts) >= 2 and max(starts) - min(starts) > x.size * 2

    out = [False] * len(lines)
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1], lines[i]
        if prev is None or cur is None or prev.page_index != cur.page_index:
            continue
        # — unless the line before is a full line of a column of text, which wraps into this one
        key = (prev.page_index, prev.block)
        wraps = len(rights[key]) >= 3 and usual[key] - prev.bbox[2] <= prev.size * 2 and not set_right(prev)
        aside = (set_right(prev) or set_right(cur)) and not wraps
        if prev.block != cur.block:
            out[i] = aside
            continue
        out[i] = aside or (prev.short and not prev.text.rstrip().endswith(SENTENCE_END)
                           and usual[(prev.page_index, prev.block)] - prev.bbox[2] > prev.size * 2)
    return out


def _section(stack: list[dict]) -> tuple[str, str, list[str]]:
    key = ""
    for e in stack:
        k = e["key"]
        if key and key[-1].isalnum() and k[:1].isalnum():
            key += " "
        key += k
    titles = [e["title"] for e in stack]
    return key, " > ".join(titles), titles


def _table_rows(table: Table) -> tuple[list[str], list[list[str]]]:
    """(the lines printed inside the grid above its header, the grid from its header down)."""
    titles, grid = title_rows(without_empty_columns([[clean_cell(c) for c in mend_split_cells(row)]
                                                     for row in table.rows]))
    return titles, label_value_grid(schedule_rows(flatten_header(grid)))


def _bar_labels(row: list[str]) -> list[str]:
    """A bar's label printed across the month rules is cut into the months it crosses (「データ収集」 | 「・整理」):
    a piece that cannot start a label joins the one before it, in the month the label starts in."""
    out = list(row)
    for j in range(len(out) - 1, 1, -1):
        # the right piece goes on from the left one: it starts with a mark that never starts a label (・、ー, a
        # small kana); two labels side by side (説明会 | 募集開始) stay in their months
        if out[j].strip() and out[j - 1].strip() and re.match(r"[・、ーっゃゅょぁぃぅぇぉッャュョァィゥェォ）)]", out[j].strip()):
            out[j - 1], out[j] = out[j - 1].rstrip() + out[j].strip(), ""
    return out


def schedule_rows(grid: list[list[str]]) -> list[list[str]]:
    """A schedule drawn as bars (a Gantt chart: a task per row, a column per month) is read as several rows per
    task, since each bar's box draws rules inside the row: the task's title and its marks (●第2回), then a row
    with only the bar's label (設置・第1回), then an empty band. A row without a title that fills only months its
    task left empty is that task's; an empty row is no row. Other tables (a grouped table's next row fills the
    same columns as the row above) are left as they are."""
    if len(grid) < 3 or not is_schedule(grid):
        return grid
    out = [grid[0]]
    for row in grid[1:]:
        if not any(c.strip() for c in row):
            continue
        last = out[-1]
        if (len(out) > 1 and len(row) == len(last) and not row[0].strip() and last[0].strip()
                and all(not c.strip() or not last[j].strip() for j, c in enumerate(row))):
            out[-1] = [a if a.strip() else b for a, b in zip(last, _bar_labels(row), strict=True)]
            continue
        out.append(row)
    return out


def without_empty_columns(grid: list[list[str]]) -> list[list[str]]:
    """A column with no text in any row, header included, is a gridline's cell, not a column: a spreadsheet printed
    with its gridlines draws the empty cells beside its table as well."""
    width = max((len(r) for r in grid), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j].strip() for r in grid)]
    if len(keep) == width:
        return grid
    return [[r[j] if j < len(r) else "" for j in keep] for r in grid]


def title_rows(grid: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A spreadsheet printed with its gridlines is one grid from the sheet's title down: the rows that hold one
    cell or none before the first row of three labels or more (the title over merged cells, 「…調べ」, a blank row)
    are the table's caption and notes, not its header. Read as the header, the title named every column."""
    if len(grid) < 3 or max(len(r) for r in grid) < 3:
        return [], grid
    k = 0
    while k < len(grid) and sum(bool(c.strip()) for c in grid[k]) <= 1:
        k += 1
    if k == 0 or k >= len(grid) - 1 or sum(bool(c.strip()) for c in grid[k]) < 3:
        return [], grid
    if sum(bool(_FIGURE_CELL.match(c)) for c in grid[k] if c.strip()) * 3 > sum(bool(c.strip()) for c in grid[k]):
        return [], grid  # figures under a one-cell row: a group's label in a continued table (【北部圏域】), data
    return [c.strip() for row in grid[:k] for c in row if c.strip()], grid[k:]


def _open_brackets(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def mend_split_cells(row: list[str | None]) -> list[str]:
    """Text printed across a column rule (a label on a schedule strip spanning two months) is cut into two
    cells: 「市町村説明会（4月22」 | 「日）」. A cell whose last line leaves a bracket open, beside a cell whose
    first line closes it, gets that line back; the bracket is the evidence, so words are never moved on a
    guess."""
    cells = [c or "" for c in row]
    for j in range(len(cells) - 1):
        left = cells[j].rstrip("\n").split("\n")
        right = cells[j + 1].lstrip("\n").split("\n")
        need = _open_brackets(left[-1]) if left[-1] else 0
        if need <= 0 or not right[0] or _open_brackets(right[0]) >= 0:
            continue
        depth, cut = need, len(right[0])
        for k, ch in enumerate(right[0]):  # up to the bracket that closes the open one; the rest stays right
            depth += (ch in "（(") - (ch in "）)")
            if depth == 0:
                cut = k + 1
                break
        left[-1] += right[0][:cut]
        rest = right[0][cut:].strip()
        cells[j], cells[j + 1] = "\n".join(left), "\n".join(([rest] if rest else []) + right[1:])
    return cells


_FIGURE_CELL = re.compile(r"^[\d,.%％()（）\s]+$")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")


def flatten_header(grid: list[list[str]]) -> list[list[str]]:
    """A two-level header (a group label over several columns, 「居住支援協議会」 over 設置状況 / 設置年月 / 事務局,
    beside labels that span both rows, 「No.」「市町村名」) read as one header row: 「居住支援協議会 設置状況」….
    Read as two rows, the sub-labels were taken for the first data row and the group's columns after its
    first had no header. Only when the shape is unmistakable: the first row leaves cells empty after a label
    (a span), the second row is labels only (no figure), it names every spanned column, and it is empty where
    the first row's label spans both rows."""
    if len(grid) < 3 or len(grid[0]) < 3:
        return grid
    top, sub = grid[0], grid[1]
    if len(sub) != len(top) or not any(top):
        return grid
    spans, group = [], ""
    for j, (t, b) in enumerate(zip(top, sub, strict=True)):
        if t:
            group = t
        spans.append(group if not t else t)
        if not t and (not group or not b):  # an empty top cell must sit in a group and have its sub-label
            return grid
        if t and b and (j + 1 >= len(top) or top[j + 1]):  # a sub-label under a one-column label: not a group
            return grid
    if all(top) or not any(sub) or any(_FIGURE_CELL.match(b) and not _YEAR_CELL.match(b) or len(b) > 12 for b in sub if b):
        return grid  # figures or sentences under the span are data; a sub-label is short (a year may be one)
    if is_text_table(grid):
        return grid
    header = [f"{spans[j]} {b}" if b else top[j] for j, b in enumerate(sub)]
    return [header, *grid[2:]]


def _values(row: list[str]) -> int:
    """How many cells of a row are figures (a bare western year, 2024, is a header's label, not a figure)."""
    return sum(bool(FIGURE_CELL.match(c.strip())) and not _YEAR_CELL.match(c.strip()) for c in row if c.strip())


def form_tables(grid: list[list[str]]) -> tuple[list[list[str]], list[tuple[list[str], list[str], list[list[str]]]]]:
    """A form printed from a spreadsheet (an evaluation sheet) is one ruled grid: label / value rows, cells of
    prose, and a table of figures inside it (成果指標: 指標名｜単位｜区分｜令和4年度…) whose caption and the form's
    section label stand in columns of their own, empty in every row of figures. Read as one grid, the form's first
    row was the header of all of it, and no question could find a figure under its year. Returns (the form's own
    rows, [(the inner table's labels left of it — section, caption last —, its ※ notes, its grid from its header
    down)]); a grid that is one table returns (the grid, [])."""
    width = max((len(r) for r in grid), default=0)
    rows = [r + [""] * (width - len(r)) for r in grid]
    out: list[tuple[list[str], list[str], list[list[str]]]] = []
    keep: list[list[str]] = []
    i = 0
    while i < len(rows):
        # a run of two or more rows of figures
        j = i
        while j < len(rows) and _values(rows[j]) >= 2:
            j += 1
        if j - i < 2:
            keep.append(rows[i])
            i += 1
            continue
        data = rows[i:j]
        # the header band: up to two rows of labels (no figures) right above the run, after the form's kept rows
        # columns left of the table: empty in every row of figures
        lead = 0
        while lead < width and all(not r[lead].strip() for r in data):
            lead += 1
        first = min((k for r in data for k, c in enumerate(r) if FIGURE_CELL.match(c.strip())), default=width)

        def header_row(r: list[str]) -> bool:  # labels only: no figure, no sentence
            return _values(r) == 0 and sum(bool(c.strip()) for c in r) >= 2 and not any("。" in c for c in r)

        band = 1 if keep and header_row(keep[-1]) else 0
        # a second, upper header row only over a lower level (「令和4年度」… under 「実績年度」): the nearer row is
        # empty in the table's label columns, where the upper row's labels (指標名, 単位) stand for both
        if band and len(keep) > 1 and header_row(keep[-2]) and not any(keep[-1][k].strip() for k in range(lead, first)):
            band = 2
        head = keep[len(keep) - band:] if band else []
        labels = [c.strip() for r in head for c in r[:lead] if c.strip()]
        if not head or not lead or not labels:
            keep.extend(data)
            i = j
            continue
        # notes right under the table (「※…」 in one cell) belong to it
        while j < len(rows) and sum(bool(c.strip()) for c in rows[j]) == 1 and rows[j][lead:] != [""] * (
                width - lead) and _NOTE_CELL.match(next(c for c in rows[j] if c.strip()).strip()):
            j += 1
        table = [r[lead:] for r in head] + [r[lead:] for r in rows[i:j]]
        notes = [next(c for c in r if c.strip()).strip() for r in rows[i:j] if _values(r) < 2 and
                 sum(bool(c.strip()) for c in r) == 1]
        table = [r for r in table if not (sum(bool(c.strip()) for c in r) == 1 and
                                          next(c for c in r if c.strip()).strip() in notes)]
        del keep[len(keep) - band:]
        out.append((labels, notes, _filled_down(flatten_header(without_empty_columns(table)))))
        i = j
    if not out:
        return grid, []
    return [r for r in keep if any(c.strip() for c in r)], out


_NOTE_CELL = re.compile(r"^[※＊*注]")


def _filled_down(grid: list[list[str]]) -> list[list[str]]:
    """An inner table's label cells merged over the rows of one item (指標名 and 単位 over 目標値 / 実績値 /
    達成率) are printed on its first row only: each row gets them, left of the first column of figures."""
    if len(grid) < 3:
        return grid
    first = min((j for r in grid[1:] for j, c in enumerate(r) if FIGURE_CELL.match(c.strip())), default=0)
    out = [list(grid[0])]
    for r in grid[1:]:
        row = list(r)
        lead = next((j for j, c in enumerate(row[:first]) if c.strip()), first)  # the empty cells it starts with
        if out[1:] and 0 < lead < first:
            row[:lead] = out[-1][:lead]
        out.append(row)
    return out


def is_text_table(grid: list[list[str]]) -> bool:
    """Tables whose cells are sentences (case boxes, opinion lists) rather than figures."""
    cells = [c for row in grid[1:] for c in row[1:] if c]
    return bool(cells) and sum(len(c) for c in cells) / len(cells) > 30


def _continues(unit: Unit, table: Table, grid: list[list[str]]) -> bool:
    """A table that goes on from the last one: same columns, on a new page or column, or under a repeated header."""
    if not unit.grid or not grid or len(unit.grid[0]) != len(grid[0]):
        return False
    repeated = [squash(c) for c in grid[0]] == [squash(c) for c in unit.grid[0]]
    moved = table.page_index != unit.page_indices[-1] or table.block != unit.block
    return repeated or moved


def _repeats_header(unit: Unit, grid: list[list[str]]) -> bool:
    """A grid whose first row is the table's header row again (two or more labelled columns): its next part."""
    if not unit.grid or not grid or len(unit.grid[0]) != len(grid[0]) or len(grid[0]) < 2:
        return False
    head = [squash(c) for c in unit.grid[0]]
    return sum(1 for c in head if c) >= 2 and [squash(c) for c in grid[0]] == head


def beside(grid: list[list[str]], more: list[list[str]], spread: bool = False) -> list[list[str]] | None:
    """A table too wide for its page is printed in blocks of columns, each block on its own page under the same
    row titles (No., 市町村名 repeated as print titles). Returns `grid` with `more` joined in, or None when `more`
    is no such block. Three cases, for a sheet printed across then down or down then across, in any number of
    blocks:
    - new columns: `more` starts with the same header cells as `grid`, then others, and its rows carry the row
      titles of a run of `grid`'s rows, in order: its other columns go beside those rows (empty for the rest);
    - the rest of those columns: `grid` already has `more`'s other columns (anywhere after the row titles) and
      a run of rows with `more`'s row titles has them empty: they are filled in;
    - the next rows of the first block (only for a table already joined, `spread`): `more`'s header is the
      start of `grid`'s and its row titles are new, and its rows go under the others with their other cells
      empty, for a later block.
    A two-level header's second row (empty under the row titles) is a header row of both. The caller makes sure
    `more` is printed on a later page."""
    if len(grid) < 2 or len(more) < 2 or any(len(r) != len(more[0]) for r in more):
        return None
    sq = [[squash(c) for c in r] for r in grid]
    top = [[squash(c) for c in r] for r in more]
    width = len(top[0])
    if spread and width < len(sq[0]) and top[0] == sq[0][:width]:
        h = 1
        while h < min(len(top), len(sq)) and top[h] == sq[h][:width] and not top[h][0]:
            h += 1
        if {tuple(r[:2]) for r in top[h:]} & {tuple(r[:2]) for r in sq[h:]}:
            return None  # rows already there: another sheet of the same layout, not the next rows
        return grid + [r + [""] * (len(sq[0]) - width) for r in more[h:]]
    k = 0
    while k < min(len(sq[0]), width) and sq[0][k] and sq[0][k] == top[0][k]:
        k += 1
    if not 1 <= k < width:
        return None
    h = 1  # header rows: the first, and any under it with empty row titles in both
    while h < min(len(top), len(sq)) and not any(top[h][:k]) and not any(sq[h][:k]):
        h += 1
    labels = [tuple(r[:k]) for r in top[h:]]
    if not labels or not all(any(lab) for lab in labels) or len(set(labels)) != len(labels):
        return None
    rows = [tuple(r[:k]) for r in sq[h:]]
    extra = width - k
    runs = [j for j in range(len(rows) - len(labels) + 1) if rows[j:j + len(labels)] == labels]
    if not runs:
        return None
    # the columns are there already (a later band of a sheet printed across then down): fill the run whose
    # cells there are still empty
    places = [p for p in range(k, len(sq[0]) - extra + 1) if all(sq[i][p:p + extra] == top[i][k:] for i in range(h))]
    if places:
        out = [list(r) for r in grid]
        for p in places:
            for start in runs:
                if not any(c.strip() for r in out[h + start:h + start + len(labels)] for c in r[p:p + extra]):
                    for i, r in enumerate(more[h:]):
                        out[h + start + i][p:p + extra] = r[k:]
                    return out
        return None
    start = runs[0]
    out = [list(r) for r in grid]
    for j in range(len(out)):
        i = j - h - start
        new = more[j][k:] if j < h else more[h + i][k:] if 0 <= i < len(labels) else [""] * extra
        out[j] = out[j] + new
    return out


def continued_rows(grid: list[list[str]], more: list[list[str]]) -> list[list[str]]:
    """The rows a continued table adds to `grid` (which it may change). Its header rows, repeated on the new
    page (one, or both rows of a two-level header), go; a row split at the page break — its key cell empty,
    its text going on in a cell the last row left unfinished — joins the last row instead of standing alone
    (「…4団体のうち1団体は、ひい」 / 「らぎ市内に事務所を置いており…」)."""
    n = 0
    while n < min(len(more), len(grid) - 1) and [squash(c) for c in more[n]] == [squash(c) for c in grid[n]]:
        n += 1
    more = more[n:]
    if more and len(grid) > 1 and is_split_row(grid[-1], more[0], grid[1:-1]):
        last, first = grid[-1], more[0]
        grid[-1] = [join_lines([a, b]) if b.strip() and not is_continued_mark(b) and squash(b) != squash(a) else a
                    for a, b in zip(last, first, strict=True)]
        more = more[1:]
    return more


def span_filled(rows: list[list[str]], spans: dict[int, str]) -> list[list[str]]:
    """A continued table's first rows with the group cell the page break cut: a cell merged over the last rows of
    the part before is printed there only, and its group's rows on the next page leave it empty (the merged
    「3　市町村支援業務（30点）」 over one row before the break and two after). The empty cells at the top of that
    column take its text, up to the first cell printed in it. (`spans`: the group cells of the part before, as read
    into its grid: a column is taken only where the grid still holds that text in that place.)"""
    for col, text in spans.items():
        for row in rows:
            if col >= len(row) or row[col].strip() or not any(c.strip() for c in row):
                break
            row[col] = text
    return rows


def is_split_row(last: list[str], row: list[str], others: list[list[str]] | None = None) -> bool:
    """The first row under a page break goes on with the row above it: its first (key) cell is empty while the
    last row's is not, and each cell it fills goes on from a cell of running text (over 20 characters) that
    stopped short of a sentence's end — in a column of sentences: the cell holds a sentence's end before, or
    the column's other cells end with one. A grouped table's next row (an empty group cell, then a short item
    or a phrase like the one above it) is a row of its own."""
    if len(row) != len(last):
        return False
    if any(is_continued_mark(c) for c in row):  # 「（続き）」 in a cell says so (its key cell may repeat or be empty)
        return not row[0].strip() or is_continued_mark(row[0]) or squash(row[0]) == squash(last[0])
    if row[0].strip() or not last[0].strip():
        return False
    filled = [j for j, c in enumerate(row) if c.strip()]

    def prose(j: int) -> bool:
        if any(mark in last[j] for mark in ("。", "．")):
            return True
        peers = [r[j].rstrip() for r in others or [] if j < len(r) and r[j].strip()]
        return bool(peers) and sum(p.endswith(SENTENCE_END) for p in peers) * 2 >= len(peers)

    return bool(filled) and all(
        len(squash(last[j])) > 20 and not last[j].rstrip().endswith(SENTENCE_END) and prose(j) for j in filled)


def _split_unit(caption: Unit) -> None:
    """「設立に向けた課題（複数回答）　（単位：市町村）」 printed on one line: the unit goes to its own field,
    and a scope printed apart (「…の状況　（令和7年4月1日現在）」) to its own, so that a 「（単位：件）」 line
    or the table's own unit read later adds to it instead of replacing it."""
    m = TRAILING_UNIT.search(caption.title)
    if not m or m.start() == 0:
        return
    if m.group(1) and not caption.unit_line:
        caption.unit_line = m.group(1)
    elif m.group(2) and not caption.scope:
        caption.scope = m.group(2)
    else:
        return
    caption.title = caption.title[: m.start()].strip()


# the line naming a table's or chart's source, printed under it (「資料：…」「出典：…」)
SOURCE_LINE = re.compile(r"^(?:資料|出典|出所|データ)\s*[:：]|^[(（](?:資料|出典)")


def is_note_line(text: str, numbered: bool = False) -> bool:
    """A line opening a note: ※, 注1, *1 (NOTE_MARK), a footnote's number 「1)」「(2)」 (FOOT_MARK), or a raised
    number printed before its text (`numbered`: pdf.Line.note_no)."""
    t = normalize(text.strip())
    return bool(numbered or NOTE_MARK.match(t) or FOOT_MARK.match(t))


def _note_line(block) -> bool:
    return isinstance(block, Line) and is_note_line(block.text, block.note_no)


def _note_cut(page: Page, foot: int) -> bool:
    """The page's last footnote stops inside a sentence, cut by the page: it wrapped at least once (or its one
    line stops on a comma), its last line runs to the text's right edge (tables and boxes count for the edge), and
    it ends on no sentence end or closing bracket (「（右ページに続く）」). Its end is at the next page's foot."""
    lines = [b for b in page.blocks[foot:] if isinstance(b, Line) and b.text.strip()]
    if not lines:
        return False
    tail = lines[-1]
    one_line_cut = _note_line(tail) and normalize(tail.text).rstrip().endswith(("、", ","))
    if _note_line(tail) and not one_line_cut:
        return False  # a one-line note ends where it ends
    if len(lines) < 2 and not one_line_cut:
        return False
    right = max((b.bbox[2] for b in page.blocks if not isinstance(b, Line) or b.text.strip()), default=0.0)
    return (tail.bbox[2] >= right - 2 * max(tail.size, 6.0)
            and not normalize(tail.text).rstrip().endswith((*SENTENCE_END, ")", "）", "」", "】")))


def _table_goes_on(page: Page, nxt: Page | None, foot: int) -> bool:
    """The page's last table goes on at the top of the next page, under its columns, and the notes at its foot are
    footnotes (「1)」), not the table's own notes (※, 注): they wait, so they do not cut the table in two."""
    if nxt is None or not (FOOT_MARK.match(normalize(page.blocks[foot].text.strip())) or page.blocks[foot].note_no):
        return False
    before = next((b for b in reversed(page.blocks[:foot]) if not isinstance(b, Line) or b.text.strip()), None)
    first = next((b for b in nxt.blocks if not isinstance(b, Line) or b.text.strip()), None)
    if not isinstance(before, Table) or not isinstance(first, Table):
        return False
    a, b = _table_rows(before)[1], _table_rows(first)[1]
    return bool(a and b) and len(a[0]) == len(b[0])


def foot_notes_from(page: Page, style: _Style, note_open: bool = False) -> int | None:
    """Where the page's footnotes begin in its blocks: the trailing run of lines smaller than the body, when its
    first line is a note (※3 …, 注1 …, 1) …) — or goes on with the note the page before left open (`note_open`),
    or ends the note begun on the page before just above a note of this page. In a run that begins with other small
    type (a list of references over the notes), the notes are the run's last lines in one size from a note on.
    None when the page ends otherwise."""
    blocks = page.blocks
    i = len(blocks)
    while i > 0 and isinstance(blocks[i - 1], Line) and (
            not blocks[i - 1].text.strip()
            or (style.body_size and 0 < blocks[i - 1].size < style.body_size - 0.6)):
        i -= 1
    lines = [j for j in range(i, len(blocks)) if blocks[j].text.strip()]
    if not lines:
        return None

    def marked(j: int) -> bool:
        return _note_line(blocks[j])

    if marked(lines[0]) or (note_open and not re.match(r"[【［〔（(■□●○◆◇・※]", normalize(blocks[lines[0]].text).lstrip())):
        return lines[0]
    # a note begun at the foot of the page before ends here, above this page's own notes: its tail is a note too
    if len(lines) > 1 and normalize(blocks[lines[0]].text).rstrip().endswith(SENTENCE_END) and marked(lines[1]):
        return lines[0]
    for j in lines:
        if marked(j) and all(abs(blocks[k].size - blocks[j].size) < 0.3 for k in lines if k >= j):
            return j
    return None


def build_units(pages: list[Page]) -> list[Unit]:
    style = _style(pages)
    title_size = max((b.size for p in pages for b in p.blocks if isinstance(b, Line)), default=0.0)
    units: list[Unit] = []
    stack: list[dict] = []
    para: Unit | None = None
    para_lines: list[str] = []
    para_objs: list[Line | None] = []  # the paragraph's lines as laid out (None: a line with no place), for its breaks
    prev_line: Line | None = None
    caption: Unit | None = None  # a 表/事例 waiting for its grid
    caption_open = False  # caption text may wrap onto the next line
    last_table: Unit | None = None  # notes after a grid belong to it; a grid on the next page may continue it
    note_target: Unit | None = None
    # a heading whose title may wrap onto the next line, with its entry on the section stack (None when it heads
    # no section: the document's title, 目次)
    note_line: Line | None = None  # the last line read into a table's notes
    open_heading: tuple[Unit, Line, dict | None] | None = None
    page_table: Unit | None = None  # the last table read: its next part may come on the next page under its header
    blocks = [b for p in pages for b in p.blocks if not isinstance(b, Line) or b.text.strip()]
    legal = is_legal([b.text for b in blocks if isinstance(b, Line)])  # rules set out in 第N条 articles
    # the block printed after each one, across pages and blank lines: a caption looks at the article under it
    printed_next = {id(b): nb for b, nb in zip(blocks, blocks[1:], strict=False)}
    printed_prev = {id(nb): b for b, nb in zip(blocks, blocks[1:], strict=False)}
    recurring = Counter(normalize(b.text.strip()) for b in blocks if isinstance(b, Line))  # lines printed many times
    article_cap: tuple[str, Line, Page] | None = None  # a （見出し） line waiting for the article under it

    # a page's footnotes printed while a sentence runs on to the next page: read after that sentence's paragraph
    held_notes: list[tuple[Line, Page]] = []
    notes_wait = False  # the held notes stop inside a sentence: they wait for their end at the next page's foot
    list_wait = ""  # the item a numbered list ended the page with, going on overleaf (③ then ④): notes wait for its end

    def flush_para(list_goes_on: bool = False) -> None:
        nonlocal para, para_lines, para_objs, prev_line, list_wait
        if para is not None and para_lines:
            para.text = join_lines([without_page_turn(t) for t in para_lines], broken_short(para_objs))
            units.append(para)
        para, para_lines, para_objs, prev_line = None, [], [], None
        if not list_goes_on:
            list_wait = ""
        if held_notes and not notes_wait and not list_wait:
            notes = new_unit("text")
            pieces: list[list[str]] = []
            for line, pg in held_notes:
                if _note_line(line) or not pieces:
                    pieces.append([])
                pieces[-1].append(line.text)
                notes.add_place(pg.label, pg.index, line.bbox)
            notes.text = "\n".join(join_lines(p) for p in pieces)
            units.append(notes)
            held_notes.clear()

    def new_unit(kind: str) -> Unit:
        sec, sec_title, path = _section(stack)
        return Unit(kind=kind, text="", section=sec, section_title=sec_title, pages=[], page_indices=[],
                    section_path=path, form=bool(stack) and stack[0]["scheme"] == FORM_SCHEME)

    def close_caption() -> None:
        nonlocal caption
        if caption is not None:  # a caption that never got a grid: its words stay text, where they were
            caption.kind = "text"
            caption.text = "\n".join([caption.title, caption.scope, caption.unit_line, *caption.notes]).strip()
            caption = None

    def push_heading(h: Heading, line: Line, page: Page) -> dict | None:
        nonlocal stack
        doc_title = page.index == 0 and h.scheme.startswith("face") and line.size >= title_size - 0.1
        if is_toc_title(h.title):
            return None  # 「目次」 heads no section
        if doc_title:
            # the document's own title heads no section, except the enactment lines of rules printed
            # between it and the first article (「令和7年3月25日 … 決裁」): any heading closes it
            if legal and not stack:
                stack = [{"scheme": "title", "key": h.key, "title": h.title, "size": 0.0, "box": False}]
                return stack[-1]
            return None
        # a key figure set large (「132店」 on a tile) titles its tile only: the next heading of any kind closes it, so
        # the sections after the tiles are not filed under the last figure
        stack = [e for e in stack if e["scheme"] != "title" and not e.get("figure")]
        # an unnumbered heading printed the same under many others (取組の特徴 / 課題 on every profile page,
        # ポイント after each section) belongs to the one above it whatever its face: it replaces only its own
        # kind. (A numbered one printed again is the same heading: a chapter's tab, its 目次 entry.)
        recurs = (h.scheme not in (PART_SCHEME, FORM_SCHEME) and not is_chapter_level(h.key)
                  and recurring[normalize(line.text.strip())] >= 3 and not re.search(r"\d", h.title)
                  and not all(e.get("recurs") for e in stack))  # (an empty stack: all() holds, nothing to nest in)
        if h.scheme in (PART_SCHEME, FORM_SCHEME):
            stack = []  # 附則, 別表, 様式 stand beside the articles and chapters, never under them
        elif is_chapter_level(h.key):
            stack = stack[:1]
        elif recurs:
            same = next((i for i, e in enumerate(stack) if e.get("recurs")), None)
            if same is not None:
                stack = stack[:same]
        else:
            same = next((i for i, e in enumerate(stack) if e["scheme"] == h.scheme), None)
            if same is not None:
                stack = stack[:same]
            while stack and line.size and stack[-1]["size"] and stack[-1]["size"] < line.size - 0.5:
                stack.pop()  # a larger heading never nests under a smaller one
        # a form (様式) is a document of its own: its larger title nests under it, not above it
        size = 0.0 if h.scheme == FORM_SCHEME else line.size
        opened_in_box = line.box and h.scheme in (ARTICLE_SCHEME, PART_SCHEME, FORM_SCHEME)
        stack.append({"scheme": h.scheme, "key": h.key, "title": h.title, "size": size, "box": opened_in_box,
                      "recurs": recurs, "figure": h.scheme == "face" and is_big_figure(h.title)})
        return stack[-1]

    def heading_unit(text: str, line: Line, page: Page) -> None:
        h = new_unit("heading")
        h.text, h.level = text.strip().lstrip("#").strip(), len(stack)
        h.add_place(page.label, page.index, line.bbox)
        units.append(h)

    note_open = False  # the last page's footnotes stopped inside a sentence: the note goes on at this page's foot
    for k, page in enumerate(pages):
        foot = foot_notes_from(page, style, note_open)
        if notes_wait and foot is None:  # the note's end never came: the held notes are read where they are
            notes_wait = False
        table_next = foot is not None and _table_goes_on(page, pages[k + 1] if k + 1 < len(pages) else None, foot)
        note_open = foot is not None and _note_cut(page, foot)
        for at, block in enumerate(page.blocks):
            item_on = at == foot and _list_goes_on(para_lines, pages[k + 1] if k + 1 < len(pages) else None)
            if at == foot and (notes_wait or item_on or (page is not pages[-1] and (note_open or table_next or (
                    para_lines and prev_line is not None and not prev_line.text.rstrip().endswith(SENTENCE_END))))):
                # the body's sentence goes on over the page: its footnotes must not cut it, nor a table that may go
                # on at the next page's top, nor a numbered list whose next item opens the next page; a note that
                # goes on at the next page's foot is read with its end there
                held_notes.extend((b, page) for b in page.blocks[at:] if isinstance(b, Line) and b.text.strip())
                notes_wait = note_open and page is not pages[-1]
                if item_on:
                    list_wait = item_on
                if not notes_wait and not para_lines:
                    flush_para(list_goes_on=bool(item_on))
                break
            if isinstance(block, Table):
                flush_para()
                open_heading = None
                titles, grid = _table_rows(block)
                wide = (beside(last_table.grid, grid, last_table.spread)
                        if caption is None and not titles and last_table is not None
                        and block.page_index > last_table.page_indices[-1] else None)
                if wide is not None:  # the next columns of a table too wide for its page, under the same row titles
                    last_table.grid, last_table.spread, last_table.row_places = wide, True, []
                    last_table.add_place(page.label, page.index, block.bbox)
                    last_table.block = block.block
                    continue
                if (caption is None and not titles and last_table is None and page_table is not None
                        and block.page_index == page_table.page_indices[-1] + 1 and _repeats_header(page_table, grid)):
                    # under its repeated header row on the next page, with text read before it (a side note beside
                    # the table's top, a note under its first part): the same table going on
                    last_table = page_table
                if caption is None and not titles and last_table is not None and _continues(last_table, block, grid):
                    before = list(last_table.grid[-1])
                    grid = span_filled(continued_rows(last_table.grid, grid), {
                        col: last_table.grid[-1][col] for col, text in last_table.open_spans.items()
                        if col < len(last_table.grid[-1]) and squash(last_table.grid[-1][col]) == squash(text)})
                    last_table.open_spans = block.open_spans
                    if last_table.row_places and len(last_table.row_places) == len(last_table.grid):
                        here = (page.label, page.index)
                        if last_table.grid[-1] != before:  # the last row went on onto this page
                            last_table.row_places[-1].append(here)
                        last_table.row_places.extend([here] for _ in grid)
                    else:
                        last_table.row_places = []
                    last_table.grid.extend(grid)
                    last_table.add_place(page.label, page.index, block.bbox)
                    last_table.block = block.block
                    continue
                inner: list[tuple[list[str], list[str], list[list[str]]]] = []
                if caption is None:  # a form with a table of figures inside its grid: each read apart
                    grid, inner = form_tables(grid)
                inner_title = ""
                if inner and not grid:  # the whole grid is the table: its caption stands left of it
                    labels, inner_notes, grid = inner.pop(0)
                    titles, inner_title = [*titles, *labels[:-1]], labels[-1]
                else:
                    inner_notes = []
                unit = caption or new_unit("table")
                unit.kind = "case" if caption is not None and is_case_caption(caption.title) else "table"
                unit.grid = grid
                unit.notes.extend(inner_notes)
                if inner_title and not unit.title:
                    unit.title = inner_title
                    _split_unit(unit)  # 「事業費・人件費の推移（単位：千円）」
                unit.row_places = [[(page.label, page.index)] for _ in grid]
                unit.open_spans = block.open_spans
                if titles and not unit.title:  # the sheet's title printed in the grid's first row
                    unit.title, titles = titles[0], titles[1:]
                if titles:
                    unit.scope = " ".join([unit.scope, *titles]).strip()
                if block.unit and not unit.unit_line:
                    unit.unit_line = block.unit
                unit.add_place(page.label, page.index, block.bbox)
                unit.block = block.block
                if caption is None:
                    units.append(unit)
                for labels, notes, sub in inner:
                    part = new_unit("table")
                    part.grid, part.notes = sub, list(notes)
                    part.title = labels[-1]
                    _split_unit(part)
                    part.scope = " ".join([*titles, *labels[:-1]]).strip()
                    part.row_places = [[(page.label, page.index)] for _ in sub]
                    part.add_place(page.label, page.index, block.bbox)
                    part.block = block.block
                    units.append(part)  # the form's own rows stay the table a next grid may continue
                caption, caption_open = None, False
                last_table = note_target = page_table = unit
                continue
            line: Line = block
            if not line.box:
                while stack and stack[-1].get("box"):
                    stack.pop()  # articles of a sample 規約 printed in a box end with the box
            if legal:
                nxt = printed_next.get(id(line))
                cap = article_caption(line.text)
                if cap and isinstance(nxt, Line) and article_of(nxt.text) is not None:
                    flush_para()
                    article_cap = (cap, line, page)  # 「（交付申請）」 titles the 第6条 printed under it
                    continue
                article = article_of(line.text, article_cap[0] if article_cap else "")
                part = None if article else part_of(line.text)
                if article or part:
                    flush_para()
                    close_caption()
                    caption_open, open_heading, last_table, note_target = False, None, None, None
                    push_heading(article or part, line, page)
                if article:
                    if article_cap:
                        heading_unit(article_cap[1].text, article_cap[1], article_cap[2])
                    elif not article_body(line.text):
                        heading_unit(line.text, line, page)  # 「第6条（交付申請）」 alone on its line
                    article_cap = None
                    if article_body(line.text):  # the article's first sentence starts its first paragraph
                        para = new_unit("text")
                        para_lines.append(line.text)
                        para_objs.append(None)
                        para.add_place(page.label, page.index, line.bbox)
                        prev_line = line
                    continue
                if part and classify(line, style)[0] != "caption":
                    heading_unit(line.text, line, page)
                    continue
                # 「別表第1（第5条関係）　補助対象経費」 right above its grid: a section, and the table's caption
            if last_table is not None and caption is None and ends_continued(line.text):
                # 「市町村居住支援協議会の設立状況（続き）」 over the rest of a table (a slide's title, a repeated caption):
                # kept as a line of its own, and the table it continues is still open for the rows below it. It opens no
                # section: a title saying 「（続き）」 repeats one already open (「2. 事業の概要（続き）」 is in 2's section)
                flush_para()
                heading_unit(line.text, line, page)
                continue
            in_article = bool(stack) and stack[-1]["scheme"] == ARTICLE_SCHEME
            kind, heading = classify(line, style, in_article)
            if kind == "heading" and heading is not None and heading.scheme == "face" and (
                    wraps_on(line, printed_next) or LABEL_VALUE.search(normalize(line.text))):
                # a box's text set larger than the body is no title: it runs on; nor is a label with its value or
                # its blank (「目安：4月～7月」「市町村名　記入欄：」)
                kind, heading = "cont", None
            if kind == "heading" and heading is not None and heading.scheme == "face" and (
                    is_big_figure(line.text) or FIGURE_CELL.match(normalize(line.text).strip())) \
                    and labelled_above(line, printed_prev.get(id(line))):
                # a key figure under its label (「事務局の委託料（年額）」 over 「140万円」) is that label's value: it runs on
                # from it, and opens no box that would part it from its label
                kind, heading = "cont", None
            if kind in {"cont", "para"} and not in_article and not legal:
                title = numbered_title(line, printed_prev.get(id(line)), printed_next.get(id(line)))
                if title is not None:
                    kind, heading = "heading", title
            if kind != "heading":
                nxt = printed_next.get(id(line))
                notice = notice_title(line, nxt, printed_next.get(id(nxt)) if nxt is not None else None)
                if notice is not None:
                    kind, heading = "heading", notice
            if kind == "blank":
                flush_para()
                continue
            wrapped_face = kind == "heading" and heading is not None and heading.scheme.startswith("face")
            # a numbered caption's wrapped line; the last one may sit right above the table
            untitled = kind == "caption" and not caption_of(line.text)
            if caption_open and caption and ((kind in {"cont", "para", "small"} or wrapped_face) and line.strong
                                             or untitled):
                # a scope or unit set apart on the caption's line (「（令和7年4月1日現在）」) stays apart, for _split_unit
                apart = TRAILING_UNIT.fullmatch(" " + line.text.strip())
                caption.title = f"{caption.title} {line.text.strip()}" if apart else join_lines([caption.title, line.text])
                _split_unit(caption)
                caption.add_place(page.label, page.index, line.bbox)
                continue
            caption_open = False
            if open_heading is not None:
                h_unit, h_line, entry = open_heading
                same_face = line.strong == h_line.strong and abs(line.size - h_line.size) < 0.3
                question = h_unit.section_path and stack and stack[-1]["scheme"] == "Q"
                wraps = (kind in {"cont", "para"} or (kind == "heading" and heading.scheme.startswith("face"))) and (
                    (question and not h_unit.text.rstrip().endswith(SENTENCE_END)
                     and not ANSWER.match(normalize(line.text)))
                    or (same_face and not h_line.short and line.block == h_line.block
                        and line.gap < (0.8 if entry is not None and entry.get("scheme") == "notice" else 0.6)
                        and line.size > 0 and not h_unit.text.rstrip().endswith(SENTENCE_END))
                )
                if wraps:
                    h_unit.text = join_lines([h_unit.text, line.text])
                    if entry is not None:  # the section the heading opened (a box's end may have closed it)
                        entry["title"] = h_unit.text
                    h_unit.section, h_unit.section_title, h_unit.section_path = _section(stack)
                    h_unit.add_place(page.label, page.index, line.bbox)
                    open_heading = (h_unit, line, entry)
                    continue
                open_heading = None
            if kind == "heading":
                flush_para()
                close_caption()
                entry = push_heading(heading, line, page)
                heading_unit(line.text, line, page)
                open_heading = (units[-1], line, entry)
                last_table = note_target = None
                continue
            if (kind == "caption" and not caption_of(line.text) and not caption_lead(line.text) and para_lines
                    and prev_line is not None
                    and line.block == prev_line.block and not prev_line.text.rstrip().endswith(SENTENCE_END)
                    and line.gap < max(prev_line.gap, 0.5) + 0.3):
                kind = "cont"  # the end of an unfinished sentence that happens to sit above a table
            if kind in ("caption", "small") and caption is None and last_table is not None and not last_table.title:
                after = next((b for b in page.blocks[at + 1:] if not isinstance(b, Line) or b.text.strip()), None)
                if caption_of(line.text) and not para_lines and isinstance(after, Line) and (
                        SOURCE_LINE.match(normalize(after.text.strip())) or abs(after.size - line.size) > 0.3):
                    # a numbered caption printed under a table that has none, with text of another kind under it
                    # (its 資料： line, the body) on the same page: the table's own (a report's 「図3-1 …」 below its
                    # chart). A caption at the page foot, or wrapping onto a line like it, titles what follows
                    last_table.title = line.text.strip()
                    _split_unit(last_table)
                    last_table.add_place(page.label, page.index, line.bbox)
                    note_target = last_table
                    continue
            if kind == "caption":
                flush_para()
                close_caption()
                caption = new_unit("caption")  # placed now, so its words keep their place in the text
                units.append(caption)
                caption.title = line.text.strip()
                _split_unit(caption)
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
                note_line = line
                continue
            if kind == "small" and note_target is not None and note_target.notes:
                # a note's wrapped line, or its next numbered item ("2 市区町村を…")
                if re.match(r"^\d+[ \u3000]", line.text):
                    note_target.notes.append(line.text.strip())
                else:
                    note_target.notes[-1] = join_lines([note_target.notes[-1], line.text])
                note_target.add_place(page.label, page.index, line.bbox)
                note_line = line
                continue
            if (kind in {"cont", "para"} and note_target is not None and note_target.notes and note_line is not None
                    and at and page.blocks[at - 1] is note_line and line.block == note_line.block
                    and line.gap < max(0.6, note_line.gap + 0.1)
                    and not note_target.notes[-1].rstrip().endswith(SENTENCE_END)
                    and line.text.rstrip().endswith(SENTENCE_END)):
                # a note printed in the body's size goes on onto the next line and ends there (「※2 相談件数は、
                # …受け付けた」 / 「住まいに関する相談の延べ件数。」): still the note, and the table it belongs to goes
                # on after it. A paragraph under a note that ends without 。 (「※ 令和6年4月1日現在」) starts with a
                # line that runs on: it stays a paragraph
                note_target.notes[-1] = join_lines([note_target.notes[-1], line.text])
                note_target.add_place(page.label, page.index, line.bbox)
                note_line = line
                continue
            # body text
            last_table = note_target = None
            # 「3　募集戸数　…採択」「した。）」 then 「4　募集期間」: the next item of the numbering the paragraph's
            # last item opened with, though that item wrapped onto a line of its own
            opener = next((t for t in reversed(para_lines) if _opens_item(t)), "") if para is not None else ""
            turned = bool(para_lines) and turns_page(para_lines[-1])  # 「…とい（次ページに続く）」: it goes on here
            next_item = bool(list_wait) and numbered_next(list_wait, line.text.strip())
            if next_item:  # the list the page's notes wait for goes on: they wait for its last item
                list_wait = line.text.strip()
            if para is None or (not turned and (starts_paragraph(line, prev_line, kind) or (
                    opener and numbered_next(opener.strip(), line.text.strip())))):
                flush_para(list_goes_on=next_item)
                para = new_unit("text")
            para_objs.append(line)
            para_lines.append(line.text)
            para.add_place(page.label, page.index, line.bbox)
            prev_line = line
    notes_wait = False  # the document ends: notes still held are read at its end
    flush_para()
    close_caption()
    return units
