"""Pure text clean-up for Japanese PDF text. Nothing here drops or reorders a word."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .vocabulary import table_marks

# how a sentence ends on a line (a line ending so closes its statement)
SENTENCE_END = ("。", "！", "？", "!", "?", "。」", "。）", "．")

_PAGE_NUM = re.compile(r"^\s*[-‐－―ー–—]\s*(\d{1,4})\s*[-‐－―ー–—]\s*$|^\s*(\d{1,4})\s*$")
# a note's mark at the start of its line (NFKC text): ※, ※3, *1, (注), (注1), 注1:, 注), 注1 — a footnote or a table note
NOTE_MARK = re.compile(r"^\s*(?:※|\*\s*\d|\(注\s*\d*\)|注\s*\d*\s*[):]|注\s*\d+\s)")
# a footnote's number at the start of a small line at the page foot (「1)　…」「(2) …」「*3」「注4」): the body
# carries the same number after the words it annotates. Read so only in small type at a page's foot, where a
# numbered list item (「1) 調査の目的」 at body size) does not stand. A bare number (「10 契約の…」) opens a note only
# where it was printed raised over its text, as a word processor does (pdf.Line.note_no: ingest/reference_marks.py);
# by its text alone it is as likely a page number or a tick of a chart (「12　第2章 現状と課題」, 「0 10 20」).
FOOT_MARK = re.compile(r"^\s*(?:\d{1,2}\)|\(\d{1,2}\)|\*\s*\d{1,2}|注\s*\d{1,2})\s*\S")
# (an official numbering's 「1　…」 and 「ア　…」 levels set their mark apart by a full-width space; 「ア」 alone is no word)
_BULLET = re.compile(r"^\s*(?:[・○●◆◇■□▪※]|[①-⑳]|[（(]\d+[）)]|\d+[.)．）]|[ア-ン][.．）]|[-*] |\d{1,2}\u3000|[ア-ン][\u3000 ]|\d{1,2}[:：]\d{2}(?:\s*[～~〜－\-–−]|[\s　]+(?!から|まで|に|より|頃|ごろ|以降|以前|の)))")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_WS = re.compile(r"\s+")


def page_number_label(line: str) -> str | None:
    """'- 68 -' -> '68'; anything else -> None."""
    m = _PAGE_NUM.match(line)
    if not m:
        return None
    return m.group(1) or m.group(2)


def joiner(prev: str, nxt: str) -> str:
    """What goes between two wrapped lines: nothing for Japanese, a space between ASCII words."""
    if not prev or not nxt:
        return ""
    if _ASCII_WORD.match(prev[-1]) and _ASCII_WORD.match(nxt[0]):
        return " "
    if prev[-1] in ",;:" and _ASCII_WORD.match(nxt[0]):
        return " "
    return ""


def join_lines(lines: list[str], breaks: list[bool] | None = None) -> str:
    """Join lines wrapped by the layout into one paragraph (no space between Japanese characters).
    `breaks[i]`: line i follows a line that stopped short of the right edge without ending a sentence — a
    break the author made (a label over its value: 「人口」「4,120人」「設立年月」…) — so a space keeps the two
    apart, where running them together would read 「人口4,120人設立年月令和6年10月」."""
    out = ""
    for i, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        hard = bool(breaks and i < len(breaks) and breaks[i])
        out = out + (" " if hard else joiner(out, line)) + line if out else line
    return out


def starts_item(line: str) -> bool:
    """A line that starts a list item (・, ○, ①, （1）…) begins a new line even inside a cell."""
    return bool(_BULLET.match(line))


def clean_cell(text: str) -> str:
    """A table cell's wrapped lines -> its text, keeping list items and paragraphs apart.

    A line clearly shorter than the cell's longest line ended its paragraph (the layout
    wrapped it before the edge), so the next line starts a new one.
    """
    lines = [ln for ln in (text or "").split("\n") if ln.strip()]
    if not lines:
        return ""
    longest = max(len(ln.strip()) for ln in lines)
    items: list[list[str]] = []
    prev = ""
    for line in lines:
        short_prev = bool(prev) and longest >= 12 and len(prev.strip()) < longest * 0.7
        if not items or starts_item(line) or short_prev:
            items.append([line])
        else:
            items[-1].append(line)
        prev = line
    return "\n".join(join_lines(item) for item in items)


def normalize(text: str) -> str:
    """NFKC: for matching only; users always see the original characters."""
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """NFKC with all whitespace removed: the matching rule of the question sets."""
    return _WS.sub("", normalize(text))


_SENT_END = re.compile(r"(?<=[。！？!?\n])(?![）」』)\]。、\n])")


# a line that only names, in brackets, who said the statement before it: 「…してほしい。」（あまね村）
_ATTRIBUTION = re.compile(r"[（(](?!単位|注|案|再掲|敬称略|\d)[^（）()。\n]{1,15}[）)]\s*")


def _quote_line(before: str) -> bool:
    """The text so far ends with a line that is one quotation (「…」, possibly after a bullet)."""
    if before.endswith("\n\n"):  # a blank line between: the bracket starts something else
        return False
    line = before.rstrip("\n").rsplit("\n", 1)[-1].strip()
    return line.endswith(("」", "』")) and line.lstrip("・○●◆■-－ ").startswith(("「", "『"))


def split_sentences(text: str) -> list[str]:
    """Split after 。！？ and line breaks; closing brackets stay with their sentence, and so does a line that
    only attributes a quoted statement (「…」 then （ひぐらし町）): a comment is read with whose it is.

    Lossless: ``"".join(split_sentences(t)) == t``.
    """
    out: list[str] = []
    for p in _SENT_END.split(text):
        if not p:
            continue
        if out and _ATTRIBUTION.fullmatch(p) and _quote_line("".join(out)):
            out[-1] += p
        else:
            out.append(p)
    return out


ROW_NUMBER_HEADS = {"no", "no.", "番号", "#"}  # NFKC, lower case (№ reads No): a running-number column


def is_row_number_head(head: str) -> bool:
    """A table's first header names a running-number column (No., №, 番号): the next column names the rows."""
    return normalize(head).strip().lower() in ROW_NUMBER_HEADS


# a bracketed note (「（予定）」「（※令和7年4月1日現在。）」), innermost brackets
BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
# a table cell that is a figure: a number with an optional sign of decrease, a ％ or a short unit (41名, 12件; not
# a date's 年・月・日, 2024年度 heads a column), or a dash standing for a figure not given
FIGURE_CELL = re.compile(r"^[△▲\-－―]?\s*\d[\d,.]*\s*(?:[%％]|[^\d\s年月日度]{1,2})?$|^[－―\-—]$")


_FISCAL_YEAR = re.compile(r"^(?:令和|平成|昭和)\s*(?:\d+|元)\s*年度$|^(?:19|20)\d\d\s*年度?$")


def _value_cell(cell: str) -> bool:
    """A cell that states a value rather than names a column: a figure (15団体, 3,480), a date (令和4年4月), a list or
    a phrase (「市住宅課（相談窓口は…に委託）」). A fiscal year alone (令和6年度) heads a column."""
    t = normalize(cell).strip()
    if not t or _FISCAL_YEAR.match(t):
        return False
    return bool(FIGURE_CELL.match(t) or re.search(r"\d", t) or len(t) >= 15 or re.search(r"[、。]", t))


def label_value_grid(grid: list[list[str]]) -> list[list[str]]:
    """A two-column profile table (設立年月 | 令和4年4月, 事務局 | 市住宅課, 構成団体数 | 15団体) prints no header row:
    its first row is data. It gets an empty header row, so every reader of grids (a row's statement, a cell's
    lookup, the column holding figures) reads its first row as a row, not as the names of the columns. A first
    row of two labels (項目 | 内容, 区分 | 令和6年度) is a header and stays."""
    if len(grid) < 3 or any(len(r) != 2 for r in grid):
        return grid
    labels = [normalize(r[0]).strip() for r in grid]
    if not all(labels) or len(set(labels)) < len(labels) or any(len(t) > 14 or "。" in t for t in labels):
        return grid
    if not _value_cell(grid[0][1]) or sum(_value_cell(r[1]) for r in grid[1:]) * 2 < len(grid) - 1:
        return grid
    return [["", ""], *grid]


def _is_prose(cell: str) -> bool:
    """A cell that holds a sentence (a form's 取組内容, a 備考): ends one with 「。」 and is not a short label."""
    bare = BRACKETED.sub("", cell)  # a header's bracketed note (「備考（※…現在。）」) is no sentence
    return "。" in bare and len(bare) >= 12


def passage_parts(text: str) -> list[str]:
    """A passage's sentences, stripped, for quoting. A markdown table's rows stay whole, one part each (a row is
    one line: cells never hold a line break); and each sentence in a row's cell of prose (a 備考) is also given
    on its own, with the row's name before it (「（つばさ市）転居費用補助の上限は5万円。」): it is said of that row,
    never of all. The name is the row's title cell (after a No. column); in a grouped table whose group cell
    is left empty, the group and the row's next cell. A first row holding a sentence is no header but a form's row:
    its sentences are given on their own, each under the label cell left of it."""
    out: list[str] = []
    buf: list[str] = []
    header: list[str] | None = None
    col, group, timeline = 0, "", False

    def flush() -> None:
        if buf:
            out.extend(p.strip() for p in split_sentences("\n".join(buf)) if p.strip())
            buf.clear()

    for line in text.split("\n"):
        s = line.strip()
        if not (len(s) > 1 and s.startswith("|") and s.endswith("|")):
            header = None
            buf.append(line)
            continue
        flush()
        out.append(s)
        cells = [c.strip() for c in s[1:-1].split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
            continue  # the header's rule
        if header is None:
            prose = [j for j, c in enumerate(cells) if _is_prose(c)]
            if prose:  # no header holds sentences: a form's row (「| 実績 | 令和6年度の取組内容 | ・…。・…。 |」)
                for j in prose:
                    label = next((c for c in reversed(cells[:j]) if c and not _is_prose(c)), "")
                    out.extend(f"（{label}）{p.strip()}" if label else p.strip()
                               for p in split_sentences(cells[j]) if p.strip())
                continue
            header = cells
            col = 1 if len(cells) > 1 and is_row_number_head(cells[0]) else 0
            timeline = is_timeline(cells)
            continue
        title = cells[col] if col < len(cells) else ""
        if title:
            group = label = title
        else:
            label = " ".join(x for x in (group, cells[col + 1] if col + 1 < len(cells) else "") if x)
        for j, cell in enumerate(cells):
            if j > col and "。" in cell and label:
                out.extend(f"（{label}）{p.strip()}" for p in split_sentences(cell) if p.strip())
            elif j > col and timeline and j < len(header) and _is_event(cell):
                # a schedule's cell is a statement of its own, said of its month (「（9月）第2期募集（9月1日～…）」):
                # the row holds a year of events, and the one asked about is lost among the others
                where = " ".join(x for x in (title or group or header[col], header[j]) if x)
                out.append(f"（{where}）{cell}")
    flush()
    return out


# a column headed by a point in time: a month, a part of one, a quarter, a fiscal or calendar year
TIME_HEAD = re.compile(r"^(?:\d{1,2}月(?:[上中下]旬)?|第?\d四半期|(?:令和|平成|R|H)?\s*(?:\d{1,4}|元)\s*年度?|\d{4})$")


def _time_columns(header: list[str]) -> list[int]:
    return [j for j, h in enumerate(header) if TIME_HEAD.match(normalize(h).replace(" ", ""))]


def is_timeline(header: list[str]) -> bool:
    """A table whose columns are points in time (4月 | 5月 | … or 令和6年度 | 令和7年度 | …): a schedule, a
    Gantt chart, a plan by year; at least three such columns."""
    return len(_time_columns(header)) >= 3


def is_schedule(grid: list[list[str]]) -> bool:
    """A timeline table whose cells say what happens when (marks, bars, events: a Gantt chart, a year plan), not
    figures by year (a 推移 table of counts): its month is where a mark stands, the answer to 「いつ」."""
    if not grid or not is_timeline(grid[0]):
        return False
    cols = _time_columns(grid[0])
    cells = [r[j].strip() for r in grid[1:] for j in cols if j < len(r) and r[j].strip()]
    figures = sum(bool(FIGURE_CELL.match(c)) for c in cells)
    return bool(cells) and figures * 2 < len(cells)


def _is_event(cell: str) -> bool:
    """A schedule cell that says something (第2期募集（9月1日～10月10日）), not a figure, mark or fragment."""
    bare = cell.strip()
    return len(bare) >= 4 and not FIGURE_CELL.match(bare) and bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", bare))


@lru_cache(maxsize=1)
def _turn_marks() -> tuple[re.Pattern, re.Pattern]:
    def alts(marks: list[str]) -> str:  # as printed and in NFKC (full- or half-width brackets), matched on the line
        forms = {f for m in marks for f in (m, unicodedata.normalize("NFKC", m))}
        return "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in sorted(forms, key=len, reverse=True))
    marks = table_marks()
    # only a bracketed mark stands at a line's start in prose: a bare 「続き」 there is a word
    leading = [m for m in marks.get("continued_marks", []) if unicodedata.normalize("NFKC", m)[:1] in "(["]
    return (re.compile(rf"\s*(?:{alts(marks.get('page_turn_marks', []))})\s*$", re.I),
            re.compile(rf"^\s*(?:{alts(leading)})\s*", re.I))


def turns_page(line: str) -> bool:
    """A line that ends with a page-turn mark: its text goes on at the next page's top."""
    return bool(_turn_marks()[0].search(line))


def without_page_turn(line: str) -> str:
    """A line of prose without the marks a page break prints into it: 「…時間を要したとい（次ページに続く）」 at a
    box's foot and 「（前ページから続く）います。」 at the next page's top are 「…とい」 and 「います。」, to be joined."""
    trailing, leading = _turn_marks()
    return leading.sub("", trailing.sub("", line))
