"""Documents -> pages of positioned lines and ruled tables.

pypdf opens and validates each PDF (encryption, damage, missing text layer) because its
errors are precise; pdfplumber then reads the same file for what pypdf cannot give:
character positions (to mark a passage on the page picture) and ruled table grids
(header cells split over several lines come back as one cell). Text and Markdown files
become one page of lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .clean import FIGURE_CELL, normalize, squash
from .line_numbers import without_line_numbers
from .redactions import withheld_boxes
from .reference_marks import lead_number_end, without_reference_marks
from .ruby import without_ruby
from .vertical import vertical_lines

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".md", ".markdown"}


class DocumentError(Exception):
    """A file that cannot be read; carries a message for users in English and Japanese."""

    def __init__(self, path: Path | str, en: str, ja: str):
        self.path = str(path)
        self.en = en
        self.ja = ja
        super().__init__(f"{Path(self.path).name}: {en} / {ja}")


@dataclass
class Line:
    text: str
    page_index: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (PDF points, top-left origin)
    size: float = 0.0
    strong: bool = False  # bolder face than the body text: headings and captions
    font: str = ""
    block: int = -1  # reading-order block (a column piece or a box); -1: unknown (text files)
    box: bool = False  # drawn inside a rectangle: a unit of its own
    indent: float = 0.0  # points right of its block's left edge
    short: bool = False  # ends clearly before its block's right edge
    gap: float = 0.0  # empty space above it inside its block, in line heights
    above_table: bool = False  # in the strip right above a table, with a caption word: the table's caption
    over_table: bool = False  # the line read right before a table and printed just above it, over its columns
    hang: float = 0.0  # how far a hanging 「、」「。」 at its end reaches past the text's right edge
    note_no: bool = False  # opens with a footnote's own raised number (「¹⁰契約の…」, read 「10 契約の…」)


@dataclass
class Table:
    rows: list[list[str]]
    page_index: int
    bbox: tuple[float, float, float, float]
    block: int = -1
    unit: str = ""  # the unit printed inside the table (an unruled table's header corner), if any
    # columns of group names (cells merged over rows) whose last cell reaches the grid's foot, with its text: a
    # group the page break may cut, whose rows go on, with that cell left empty, in the table's next part
    open_spans: dict[int, str] = field(default_factory=dict)
    drawn: bool = False  # read from a chart's drawing (columns, bars, a line, a pie): its caption may stand further
    # above, or under it (a figure's caption, 「図1　…」, is printed below it as often as above)


@dataclass
class Page:
    index: int  # 0-based index in the file
    label: str  # printed page number ("" when the page shows none)
    width: float
    height: float
    blocks: list[Line | Table] = field(default_factory=list)
    toc: bool = False  # a table of contents: navigation, not content
    running: list[str] = field(default_factory=list)  # header/footer text removed from the body


def read_document(path: Path, progress=None) -> list[Page]:
    """Any supported file -> pages; `progress(done, total)` is called per PDF page."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, progress=progress)
    if suffix in {".txt", ".md", ".markdown"}:
        return read_text(path)
    raise DocumentError(path, f"unsupported file type {suffix}", f"対応していない形式です（{suffix}）")


def _validate_pdf(path: Path) -> int:
    import pypdf
    from pypdf.errors import PdfReadError

    if path.stat().st_size == 0:
        raise DocumentError(path, "the file is empty (0 bytes)", "ファイルが空です（0バイト）")
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise DocumentError(
                    path,
                    "the PDF is encrypted (password protected); save an unprotected copy",
                    "PDFが暗号化（パスワード保護）されています。保護を解除したPDFを保存してください",
                )
        n_pages = len(reader.pages)
        text_chars = 0
        for page in reader.pages[: min(n_pages, 20)]:
            text_chars += len((page.extract_text() or "").strip())
            if text_chars:  # one page with text shows there is a text layer (extracting 20 cost a quarter of the read)
                break
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise DocumentError(
            path, f"the PDF is damaged or not a PDF ({exc.__class__.__name__})", "PDFが壊れているか、PDFではありません"
        ) from exc
    if n_pages == 0:
        raise DocumentError(path, "the PDF has no pages", "PDFにページがありません")
    if text_chars == 0:
        raise DocumentError(
            path,
            "no text layer (scanned images only): run OCR first, e.g. ocrmypdf",
            "文字情報のない画像だけのPDFです。OCR（文字認識）をかけてから追加してください（例：ocrmypdf）",
        )
    return n_pages


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


_BOLDISH = re.compile(r"bold|heavy|black|semibold|demi|-W[6-9]|W[6-9]$", re.I)
_GOTHIC = re.compile(r"gothic|ゴシック|sans|goth|kaku", re.I)


def _font_family(fontname: str) -> str:
    return fontname.split("+", 1)[-1]


def is_strong(font: str, body_font: str) -> bool:
    """Bolder than the body text: a bold face, or a gothic face in a mincho (serif) document.

    Judged against the document's own body font, because a document set entirely in gothic
    would otherwise read as all headings.
    """
    if not font or font == body_font:
        return False
    if _BOLDISH.search(font) and not _BOLDISH.search(body_font):
        return True
    return bool(_GOTHIC.search(font)) and not _GOTHIC.search(body_font)


@dataclass
class _Raw:
    """One PDF page as read, before statistics over the whole document."""

    index: int
    width: float
    height: float
    frags: list[Line]
    tables: list[Table]
    rects: list[tuple[float, float, float, float]]
    weights: Counter  # (font, size) -> characters: for the document's body style
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # vertical rules: x, top, bottom


def read_pdf(path: Path, progress=None) -> list[Page]:
    import pdfplumber

    n_pages = _validate_pdf(path)
    raws: list[_Raw] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for i, ppage in enumerate(pdf.pages):
                raws.append(_read_pdf_page(ppage, i))
                ppage.close()  # frees the page's parsed layout: long files stay small in memory
                if progress:
                    progress(i + 1, n_pages)
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged streams
        raise DocumentError(
            path, f"the PDF could not be read ({exc.__class__.__name__}: {exc})", "PDFを読み取れませんでした"
        ) from exc
    return assemble(raws)


def _split_row(chars: list[dict], bars: list[tuple[float, float, float, float]] | None = None,
               leaders: list[tuple[float, float, float, float]] | None = None,
               boxes: list[tuple[float, float, float, float]] | None = None) -> list[list[dict]]:
    """Chars of one visual line, cut where the horizontal gap is wider than about a character — unless a
    bar of a bar chart or a leader fills the gap: a label and its value (「職員が不足している ▇▇▇ 8団体（72.7%）」,
    「①単独で設置している ‥‥ 6市町村」) are one line, not two columns. Never from outside a box into it: the
    dashed line from a commented word to its balloon in a markup pane is no leader."""
    chars = sorted(chars, key=lambda c: c["x0"])
    out: list[list[dict]] = [[chars[0]]]
    for c in chars[1:]:
        prev = out[-1][-1]
        size = max(c["size"], prev["size"], 1.0)
        if c["x0"] - prev["x1"] <= size * 0.9:
            out[-1].append(c)
        elif (_bar_between(prev, c, bars or [], size)
              or (_leader_between(prev, c, leaders or [], size) and _same_boxes(prev, c, boxes or []))
              or (c["x0"] - prev["x1"] <= size * 2.0 and lead_number_end([*out[-1], c]) == len(out[-1]))):
            # (or a footnote's raised number set before its text at the page foot: 「⁷　上限額は…」)
            # one line, its two parts kept apart by a space as the eye sees them (「20〜29 ‥‥ 15」 is not 「20〜2915」)
            out[-1] += [dict(prev, text=" ", x0=prev["x1"], x1=c["x0"]), c]
        else:
            out.append([c])
    return out


def _same_boxes(left: dict, right: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    """Both chars lie in the same boxes (a balloon, a shaded pane, a framed panel) or both outside them."""
    def held(c: dict) -> set[int]:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return {i for i, (x0, top, x1, bottom) in enumerate(boxes) if x0 <= x <= x1 and top <= y <= bottom}
    return not boxes or held(left) == held(right)


def _bar_between(left: dict, right: dict, bars: list[tuple[float, float, float, float]], size: float) -> bool:
    """A filled bar lies in the gap between two chars of a row: it starts after the left text ends and ends
    before the right text starts (a box behind the text starts before it, so it does not count), at the
    row's height, and spans most of the gap."""
    mid = (left["top"] + left["bottom"]) / 2
    gap = right["x0"] - left["x1"]
    return any(x0 >= left["x1"] - size * 0.5 and x1 <= right["x0"] + size * 0.5 and top - size * 0.5 <= mid <= bottom
               + size * 0.5 and (x1 - x0) >= gap * 0.5 for x0, top, x1, bottom in bars)


def _leader_between(left: dict, right: dict, leaders: list[tuple[float, float, float, float]], size: float) -> bool:
    """A leader line fills the gap between two chars of a row: it starts where the left text ends and ends where
    the right text starts (within about an em each), on the row's baseline. An underline of a heading spans
    its own panel, not the gap from one panel's heading to the next."""
    mid = (left["top"] + left["bottom"]) / 2
    return any(left["x1"] - size * 0.5 <= x0 <= left["x1"] + size * 1.5
               and right["x0"] - size * 1.5 <= x1 <= right["x0"] + size * 0.5
               and mid <= (top + bottom) / 2 <= max(left["bottom"], right["bottom"]) + size * 0.4
               for x0, top, x1, bottom in leaders)


# punctuation a typesetter lets hang past the column's right edge (ぶら下げ): its ink is in the left
# half of its box, but the box reaches into the gutter
HANGING = set("、。，．,.")


def _at_rules(piece: list[dict], rules: list[tuple[float, float, float]]) -> list[tuple[list[dict], float]]:
    """A row piece cut where a vertical rule crosses it, each part with the x its box may not pass.

    Columns set close to a rule between them can touch or cross it with hanging punctuation
    (a 「、」 whose em box, not its ink, reaches over the rule), so a part's right edge stops at the
    rule: the rule, not a gap in the text, is what keeps the columns apart.
    """
    top = min(c["top"] for c in piece)
    bottom = max(c["bottom"] for c in piece)
    mid = (top + bottom) / 2
    cuts = sorted(x for x, t, b in rules if t <= mid <= b and piece[0]["x0"] < x < piece[-1]["x1"])
    out: list[tuple[list[dict], float]] = []
    rest = piece
    for x in cuts:
        left = [c for c in rest if c["x0"] < x]
        rest = [c for c in rest if c["x0"] >= x]
        if left:
            out.append((left, x - 0.5))
    if rest:
        out.append((rest, float("inf")))
    return out


def _fragments(chars: list[dict], index: int, rules: list[tuple[float, float, float]] | None = None,
               bars: list[tuple[float, float, float, float]] | None = None,
               leaders: list[tuple[float, float, float, float]] | None = None,
               boxes: list[tuple[float, float, float, float]] | None = None) -> list[Line]:
    """Chars -> line fragments: same baseline, no wide gap (a gap wider than that is a column gutter),
    never across a vertical rule."""
    rows: list[list[dict]] = []
    ref = None
    for c in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        mid = (c["top"] + c["bottom"]) / 2
        if rows and ref is not None and abs(mid - ref) <= max(c["size"], 1.0) * 0.35:
            rows[-1].append(c)
        else:
            rows.append([c])
            ref = mid
    out: list[Line] = []
    parts = [part for row in rows for piece in _split_row(row, bars, leaders, boxes) for part in _at_rules(piece, rules or [])]
    for piece, stop in parts:
        ink = [c for c in piece if c["text"].strip()]
        lead = lead_number_end(ink)
        if lead:  # a footnote's raised number glued to its text: read apart, as the eye does (「10 契約の…」)
            piece = [*ink[:lead], dict(ink[lead - 1], text=" "), *piece[piece.index(ink[lead]):]]
        text = _spaced_text(piece)
        if not text or not ink:
            continue
        fonts = Counter(_font_family(c.get("fontname", "")) for c in ink)
        x0 = min(c["x0"] for c in ink)
        bbox = (x0, min(c["top"] for c in ink),
                max(x0 + 1.0, min(stop, max(c["x1"] for c in ink))), max(c["bottom"] for c in ink))
        size = max(c["size"] for c in ink)
        if len(ink) > 3 and ink[0]["text"].isascii() and ink[0]["text"].isalpha() \
                and ink[0]["size"] > max(c["size"] for c in ink[1:]):
            size = max(c["size"] for c in ink[1:])  # a letter set larger before its text (a red 「A」 over an answer)
        line = Line(text, index, bbox, size, False, fonts.most_common(1)[0][0], note_no=bool(lead))
        if len(ink) > 1 and ink[-1]["text"] in HANGING:
            line.hang = max(0.0, bbox[2] - ink[-1]["x0"])
        out.append(line)
    return out


def _spaced_text(piece: list[dict]) -> str:
    """The fragment's text, with a space where two glyphs that print no space between them stand apart by half a
    character or more, and by clearly more than the line's own spacing: a marker set apart from its text
    (「A　県では…」 read as 「A県では」 is another word). A title set letter-spaced (「居 住 支 援」) stays one word."""
    ink = [(a, b) for a, b in zip(piece, piece[1:], strict=False) if a["text"].strip() and b["text"].strip()]
    gaps = sorted(b["x0"] - a["x1"] for a, b in ink)
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[str] = []
    prev = None
    for c in piece:
        if prev is not None and c["text"].strip() and prev["text"].strip():
            em = max(c["size"], prev["size"], 1.0)
            if c["x0"] - prev["x1"] >= max(0.5 * em, usual + 0.4 * em):
                out.append(" ")
        out.append(c["text"])
        prev = c
    return "".join(out).strip()


FRAME_LINES = 10  # a cell of this many lines holds a column of prose, not a value
FRAME_CELLS = 6  # a page frame has a handful of cells (bands, gutters, panels); a table of values has more


_HANGING = frozenset("。、，．,.」』）)")


def hanging_marks(bbox: tuple[float, float, float, float], chars: list[dict]) -> list[dict]:
    """Punctuation hanging past a ruled table's right border (Word's 句読点のぶら下げ, on by default): the 。 that ends
    a line of the last column is printed just outside the cell, so it belongs to no cell and was read as a stray
    「。」 after the table, while the cell's sentence lost its end and ran into the next one."""
    x0, top, x1, bottom = bbox
    return [c for c in chars if c["text"] in _HANGING and x1 < (c["x0"] + c["x1"]) / 2 <= x1 + max(c["size"], 4.0)
            and c["x0"] <= x1 + 1.0 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]


def with_hanging_marks(raw: list[list[str | None]], boxes: list[list], hanging: list[dict],
                       chars: list[dict], placed: list[dict] | None = None) -> list[list[str | None]]:
    """The rows with each hanging mark put back at the end of the line it hangs from (the last cell of its row,
    the line of that cell on the mark's baseline). The marks put back are added to ``placed``: a mark that finds no
    such line stays in the page's free text rather than being lost."""
    raw = [list(r) for r in raw]
    for mark in hanging:
        mid = (mark["top"] + mark["bottom"]) / 2
        for r, cells in enumerate(boxes):
            live = [(k, b) for k, b in enumerate(cells) if b is not None and b[1] <= mid <= b[3]]
            if not live:
                continue
            k, (cx0, ctop, cx1, cbottom) = max(live, key=lambda kb: kb[1][2])
            if raw[r][k] is None:
                break
            inside = [c for c in chars if c["text"].strip() and cx0 <= (c["x0"] + c["x1"]) / 2 <= cx1
                      and ctop <= (c["top"] + c["bottom"]) / 2 <= cbottom]
            tops: list[float] = []
            for c in sorted(inside, key=lambda c: c["top"]):
                if not tops or c["top"] - tops[-1] > c["size"] * 0.5:
                    tops.append(c["top"])
            lines = raw[r][k].split("\n")
            at = next((i for i, y in enumerate(tops) if abs(y - mark["top"]) <= mark["size"] * 0.6), None)
            if at is not None and len(tops) == len(lines):
                lines[at] += mark["text"]
                raw[r][k] = "\n".join(lines)
                if placed is not None:
                    placed.append(mark)
            break
    return raw


def merged_rows(t, hanging: list[dict] | None = None,
                placed: list[dict] | None = None) -> tuple[list[list[str]], dict[int, str]]:
    """A ruled table's rows with a merged (rowspan) cell's text in every row it spans, and its open spans.

    pdfplumber gives the text of a cell merged over several rows to the first of them and None to the rest; a row
    read alone (「令和5年度 2,000 980」) then loses the name of the group it belongs to, so each row gets it. A
    cell merged across columns (a 合計 spanning two) stays in its first column: only a cell whose box reaches down
    into a row with other text fills it. A cell merged down from a row that also merges cells across (a header
    over its sub-columns) or from the first row is the header's, left to the two-level header reading."""
    raw = t.extract()
    boxes = [list(r.cells) for r in t.rows]
    if hanging and len(boxes) == len(raw):
        raw = with_hanging_marks(raw, boxes, hanging, t.page.chars, placed)
    if len(boxes) != len(raw):
        return [[(c or "") for c in row] for row in raw], {}
    from .schedule_cells import with_labels_binned, with_overflow_joined, without_nested_rows

    page = getattr(t, "page", None)  # (a table built by hand in a test has none)
    kept = without_nested_rows(raw, boxes, [r for r in [*page.rects, *page.curves] if r.get("fill")]
                               if page is not None else [])
    raw, boxes, row_boxes = [raw[r] for r in kept], [boxes[r] for r in kept], [t.rows[r].bbox for r in kept]
    if page is not None:
        raw = with_overflow_joined(raw, boxes, page.chars)
        raw = with_labels_binned(raw, boxes, page.chars, [*page.rects, *page.curves])
    raw, boxes = without_sliver_columns(raw, boxes)
    rows = [[(c or "") for c in row] for row in raw]
    # a column of figures keeps a merged figure in its first row: a group total merged over its rows (予算額
    # 12,000 over 事業A–C) is not each row's figure; only names of groups are given to every row
    width = max((len(r) for r in rows), default=0)
    figures = {c for c in range(width) if _mostly_figures([r[c] for r in rows[1:] if c < len(r) and r[c].strip()])}
    spans: dict[int, tuple[int, float]] = {}  # column -> (the row its last cell starts on, that cell's bottom)
    across: set[int] = set()  # rows with a cell merged across columns: header rows over their sub-columns
    grouped: set[int] = set()  # columns with a cell merged over rows of values: a column of group names
    for r, (row, cells) in enumerate(zip(raw, boxes, strict=True)):
        top = row_boxes[r][1]
        n = min(len(row), len(cells))
        down = {c for c in range(n) if cells[c] is None and c in spans and spans[c][1] > top + 1.0}
        if any(cells[c] is None and c not in down for c in range(n)):
            across.add(r)
        for c in range(n):
            if cells[c] is not None:
                spans[c] = (r, cells[c][3])
            elif (c in down and c not in figures and row[c] is None and spans[c][0] > 0 and spans[c][0] not in across
                  and any(x and x.strip() for x in row)):
                rows[r][c] = rows[spans[c][0]][c]
                grouped.add(c)
    bottom = row_boxes[-1][3] if row_boxes else 0.0
    open_spans = {c: rows[r][c] for c, (r, foot) in spans.items()
                  if c in grouped and foot >= bottom - 1.0 and rows[r][c].strip()}
    return rows, open_spans


def without_sliver_columns(raw: list[list[str | None]], boxes: list[list]) -> tuple[list[list], list[list]]:
    """A column that only a row spanning the table has: a group row (「北部圏域（4法人）」 across the whole width)
    drawn with a coloured bar at its left end puts an edge a few points into the first column, and pdfplumber
    makes that edge a column of its own — empty, merged into its left neighbour, in every other row. Read as a
    column, it took the group's name into the header (「No. 中央圏域」). Such a column is folded back into the
    one on its left; a column some row of three cells or more divides off is a column (a sub-column under a
    two-level header)."""
    width = min((len(r) for r in boxes), default=0)
    full = [r for r in boxes if sum(c is not None for c in r) >= 3]
    if width < 3 or len(full) < 2:
        return raw, boxes
    fold = [c for c in range(1, width)
            if all(r[c] is None for r in full) and any(r[c] is not None for r in boxes)]
    if not fold:
        return raw, boxes
    raw = [list(r) for r in raw]
    boxes = [list(r) for r in boxes]
    for c in reversed(fold):
        for row, cells in zip(raw, boxes, strict=True):
            if cells[c] is not None:
                left = cells[c - 1]
                cells[c - 1] = cells[c] if left is None else (min(left[0], cells[c][0]), min(left[1], cells[c][1]),
                                                              max(left[2], cells[c][2]), max(left[3], cells[c][3]))
                joined = " ".join(t for t in (row[c - 1], row[c]) if t and t.strip())  # both with text: kept apart
                row[c - 1] = (joined or None) if left is not None else row[c]
            del row[c]
            del cells[c]
    return raw, boxes


_FIGURE_LINE = re.compile(r"[\d,.，．\s%％()（）△▲\-]+")


def _figures_only(rows: list[list[str]]) -> bool:
    """Every line of every cell is a figure or a piece of one (「104\n98」): a "table" pdfplumber made of a plot's
    gridlines cutting its labels, not a table of the document."""
    cells = [c for r in rows for c in r if c and c.strip()]
    return bool(cells) and all(_FIGURE_LINE.fullmatch(x) for c in cells for x in c.split("\n") if x.strip())


def _mostly_figures(cells: list[str]) -> bool:
    return bool(cells) and 2 * sum(bool(FIGURE_CELL.match(c.strip())) for c in cells) >= len(cells)


def is_frame(rows: list[list[str]]) -> bool:
    """A ruled grid that frames the page's layout rather than tabulating values: the bands and gutter rules of a
    tri-fold leaflet or a slide make pdfplumber find one "table" of a few cells, most of the text in panels of
    prose. A table with one long cell among many (a 事例 profile, a form to fill in) stays a table."""
    total = sum(len(r) for r in rows)
    cells = [c for r in rows for c in r if c and c.strip()]
    panels = [c for c in cells if c.count("\n") + 1 >= FRAME_LINES]
    return total <= FRAME_CELLS and bool(panels) and 2 * len(panels) >= len(cells)


def _tables_of(ppage) -> list:
    """pdfplumber's tables of the page; on a scanned page (a picture with a text layer), those the rules in the
    picture draw."""
    from .scan_rules import is_scanned, page_rules

    if is_scanned(ppage):
        across, down = page_rules(ppage)
        if len(across) >= 2 and len(down) >= 2:
            return ppage.find_tables({"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                                      "explicit_vertical_lines": down, "explicit_horizontal_lines": across})
    return ppage.find_tables()


def is_marked_run(rows: list[list[str]], bbox: tuple[float, float, float, float], chars: list[dict]) -> bool:
    """A run of text shaded character by character (a comment's highlighted range, a tracked insertion, a marker
    pen): pdfplumber sees a grid of one-character cells on one line. The line continues outside the grid on the same
    baseline, so the text belongs to that line, not to a table."""
    filled = [r for r in rows if any(c.strip() for c in r)]
    cells = [c.strip() for r in filled for c in r if c.strip()]
    # (one character a cell; a 「。」 hanging past the grid is read into its last cell)
    if len(filled) != 1 or len(cells) < 3 or any(len(c.rstrip("。、，．,.」』）)")) > 1 for c in cells):
        return False
    inside = [c for c in chars if c["text"].strip() and bbox[0] - 1.0 <= (c["x0"] + c["x1"]) / 2 <= bbox[2] + 1.0
              and bbox[1] - 1.0 <= (c["top"] + c["bottom"]) / 2 <= bbox[3] + 1.0]
    if not inside:
        return False
    size = max(c["size"] for c in inside)
    top = min(c["top"] for c in inside)
    if bbox[3] - bbox[1] > 2.5 * size:
        return False
    return any(c["text"].strip() and abs(c["top"] - top) <= size * 0.3
               and (bbox[0] - 1.5 * size <= c["x1"] <= bbox[0] + 1.0 or bbox[2] - 1.0 <= c["x0"] <= bbox[2] + 1.5 * size)
               for c in chars)


def _read_pdf_page(ppage, index: int) -> _Raw:
    from .charts import (
        column_plots,
        has_columns,
        is_chart_grid,
        is_share_row,
        read_bar_chart,
        read_column_chart,
        read_stacked_bar,
    )
    from .line_charts import line_charts, polylines
    from .pie_charts import pie_charts, pies
    from .stacked_bars import bars as stacked_bars
    from .stacked_bars import read_stacked_bars

    ppage = without_ruby(ppage)  # furigana over kanji: help for the reader, not text of the page
    tables = []
    plots = []
    stacked = []
    hung: set[int] = set()  # punctuation hanging past a table's border, read into its cell (ids of the chars)
    for t in _tables_of(ppage):
        placed: list[dict] = []
        if len(t.rows) <= 2 and is_marked_run([[c or "" for c in r] for r in t.extract()], tuple(t.bbox), ppage.chars):
            continue  # a highlighted run inside a line of text: its characters stay text
        rows, open_spans = merged_rows(t, hanging_marks(tuple(t.bbox), ppage.chars), placed)
        if rows and is_chart_grid(rows):
            plots.append(tuple(t.bbox))  # a chart's gridlines: its labels are read below
            continue
        if len(rows) == 1 and is_share_row(rows[0]):
            stacked.append((rows[0], tuple(t.bbox)))  # one stacked bar of shares: its legend names them
            continue
        # a grid with text in one cell at most is no table: the bars of a chart, a decorative frame, a heading
        # printed on a band beside a coloured marker (「■ 8. 今後の課題」 as two cells); their text stays text
        if len(rows) >= 1 and max(len(r) for r in rows) >= 2 and sum(bool(c.strip()) for r in rows for c in r) >= 2 \
                and not is_frame(rows):
            tables.append(Table(rows=rows, page_index=index, bbox=tuple(t.bbox), open_spans=open_spans))
            hung.update(id(c) for c in placed)
    read_out: list[tuple[float, float, float, float]] = []  # a chart's plot and the labels its grid now holds
    found = {id(t) for t in tables}  # the grids pdfplumber found (a chart reader's grids are added below)
    chained = stacked_bars(ppage.rects)
    words = ppage.extract_words() if plots or stacked or chained or has_columns(ppage.rects) else []
    for chart in read_stacked_bars(chained, ppage.rects, words) if chained else []:
        # the "table" pdfplumber saw in the bars' gridlines or frame holds pieces of what the chart's grid now holds
        # (「46.」「2」, a name cut by a gridline)
        held = squash(normalize("".join(c for r in chart.rows for c in r)))
        tables = [t for t in tables if not (_mostly_inside(chart.bbox, t.bbox) and (_figures_only(t.rows) or all(
            squash(normalize(c)) in held for r in t.rows for c in r if c and c.strip())))]
        plots = [p for p in plots if not _mostly_inside(chart.bbox, p)]
        stacked = [(c, b) for c, b in stacked if not _mostly_inside(chart.bbox, b)]  # one of its bars, read alone
        tables.append(Table(rows=chart.rows, page_index=index, bbox=chart.bbox, drawn=True))
        read_out += chart.used
    ruled = [t.bbox for t in tables if id(t) in found]
    charted = [t.bbox for t in tables if id(t) not in found]
    for plot in column_plots(ppage.rects, words, [*ruled, *charted, *plots, *(b for _c, b in stacked)]):
        chart = read_column_chart(words, plot, ppage.rects)  # columns without gridlines: read by height otherwise
        if chart is not None:
            tables.append(Table(rows=chart.rows, page_index=index, bbox=chart.bbox, drawn=True))
            read_out += [plot, *chart.used]
    if plots or stacked:
        for plot in plots:
            chart = read_bar_chart(words, plot, ppage.rects)
            if chart is not None:
                tables.append(Table(rows=chart.rows, page_index=index, bbox=chart.bbox, drawn=True))
                read_out += [plot, *chart.used]  # not its whole box: a word beside the axis stays text
        for cells, bbox in stacked:
            chart = read_stacked_bar(cells, bbox, words)
            if chart is not None:
                tables.append(Table(rows=chart.rows, page_index=index, bbox=chart.bbox))
                read_out += [bbox, *chart.used]
            else:  # no legend to name its segments: the shares stay a one-row table, as pdfplumber read them
                tables.append(Table(rows=[cells], page_index=index, bbox=bbox))
                ruled.append(bbox)
    # line charts (series drawn as polylines) and pies (filled wedges): their labels read into grids
    drawn = polylines(ppage.lines, ppage.curves)
    wedges = pies(ppage.curves)
    if drawn or wedges:
        words = words or ppage.extract_words()
        # the words no other grid holds: a bar chart's labels beside a trend line, a ruled table beside a pie
        # (a grid of nothing but figures may be the plot's gridlines cutting its labels: its words stay free)
        held = [t.bbox for t in tables if id(t) in found and not _figures_only(t.rows)]
        free = [w for w in words if not _inside(w, held) and not _inside(w, read_out)]
        for chart in [*line_charts(ppage.lines, ppage.curves, ppage.rects, free, drawn),
                      *pie_charts(ppage.curves, free, ppage.lines, wedges)]:
            if not any(_contains(r, chart.bbox, 2.0) for r in ruled):
                # a "table" pdfplumber saw in the plot's gridlines holds only pieces of the labels now read
                stray = [t for t in tables if id(t) in found and _mostly_inside(chart.bbox, t.bbox) and _figures_only(t.rows)]
                tables = [t for t in tables if t not in stray]
                ruled = [r for r in ruled if not any(r == t.bbox for t in stray)]
                tables.append(Table(rows=chart.rows, page_index=index, bbox=chart.bbox, drawn=True))
                read_out += chart.used
    tboxes = [t.bbox for t in tables]
    chars = without_reference_marks(without_line_numbers(
        [c for c in ppage.chars if not _inside(c, ruled) and not _inside(c, read_out)
         and id(c) not in hung]))
    weights: Counter = Counter()
    for c in chars:
        if c["text"].strip():
            weights[(_font_family(c.get("fontname", "")), round(c["size"], 1))] += 1
    # vertical writing (縦書き): its columns read as paragraphs first, the rest as horizontal lines
    upright, chars = vertical_lines(chars, lambda text, bbox, size, font: Line(text, index, bbox, size, False,
                                                                               _font_family(font)))
    area = ppage.width * ppage.height
    rects = []
    for r in [*ppage.rects, *ppage.curves]:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if w < 30 or h < 12 or w * h > area * 0.6:
            continue
        bb = (r["x0"], r["top"], r["x1"], r["bottom"])
        if any(_contains(tb, bb, 2.0) for tb in tboxes):
            continue
        rects.append(bb)
    # the bars of a bar chart: filled, one text line high at most, outside tables, three or more sharing a
    # left edge (the axis); a vertical line across their rows is a gridline, not a rule between columns
    bars = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in ppage.rects
            if r.get("fill") and 2.0 <= r["bottom"] - r["top"] <= 24.0 and r["x1"] - r["x0"] >= 3.0
            and not any(_contains(tb, (r["x0"], r["top"], r["x1"], r["bottom"]), 2.0) for tb in tboxes)]
    axes = Counter(round(b[0]) for b in bars)
    bars = [b for b in bars if axes[round(b[0])] >= 3]
    withheld = withheld_boxes(ppage.rects, chars, tboxes)  # 黒塗り in a line: the line's two sides are one line
    rects = [r for r in rects if r not in withheld]
    charts = [(x, min(b[1] for b in bars if round(b[0]) == x), max(b[3] for b in bars if round(b[0]) == x))
              for x in {round(b[0]) for b in bars}]
    rules = [(x, t, b) for x, t, b in _vertical_rules(ppage, tboxes, chars)
             if not any(x >= ax - 1.0 and t <= bottom and b >= top for ax, top, bottom in charts)]
    # a leader: a thin horizontal line (often dotted) from the end of one text to the start of the next on its
    # baseline (「①単独で設置している ‥‥‥ 6市町村」): it ties them into one line, as a bar of a chart does
    leaders = [(ln["x0"], ln["top"], ln["x1"], ln["bottom"]) for ln in [*ppage.lines, *ppage.rects]
               if ln["bottom"] - ln["top"] <= 1.5 and ln["x1"] - ln["x0"] >= 6.0
               and not any(_contains(tb, (ln["x0"], ln["top"], ln["x1"], ln["bottom"]), 2.0) for tb in tboxes)]
    return _Raw(index, ppage.width, ppage.height, [*_fragments(chars, index, rules, [*bars, *withheld], leaders, rects), *upright], tables,
                rects, weights, rules)


def _vertical_rules(ppage, tboxes: list, chars: list[dict]) -> list[tuple[float, float, float]]:
    """Long thin vertical lines outside tables (x, top, bottom): rules drawn between columns.

    A rule several lines tall keeps the text on its two sides apart even where the columns
    nearly touch it; short strokes (arrows, ticks, table cell walls) are not rules, nor is a
    line drawn through the middle of characters on two or more lines (only a hanging 「、」's
    empty half may reach over a rule).
    """
    out = []
    for ln in [*ppage.lines, *ppage.rects]:
        x0, x1, top, bottom = ln["x0"], ln["x1"], ln["top"], ln["bottom"]
        if x1 - x0 > 2.0 or bottom - top < 40.0:
            continue
        bb = (x0, top, x1, bottom)
        if any(_contains(tb, bb, 2.0) for tb in tboxes):
            continue
        x = (x0 + x1) / 2
        through = {round(c["top"]) for c in chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom
                   and c["text"].strip() and c["text"] not in HANGING
                   and c["x0"] + (c["x1"] - c["x0"]) * 0.2 < x < c["x1"] - (c["x1"] - c["x0"]) * 0.2}
        if len(through) < 2:
            out.append((x, top, bottom))
    return out


def _contains(outer: tuple, inner: tuple, slack: float = 1.0) -> bool:
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1]
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def _mostly_inside(outer: tuple, inner: tuple) -> bool:
    """Most of `inner` lies inside `outer` (text may overhang a shaded box by a little)."""
    w = max(0.0, min(outer[2], inner[2]) - max(outer[0], inner[0]))
    h = max(0.0, min(outer[3], inner[3]) - max(outer[1], inner[1]))
    area = max((inner[2] - inner[0]) * (inner[3] - inner[1]), 1e-6)
    return w * h / area >= 0.6


def assemble(raws: list[_Raw]) -> list[Page]:
    """Whole-document pass: body style, running lines and page labels, then reading order per page."""
    from .headings import is_toc_entry, is_toc_page
    from .running import Frag, choose_labels, find_running, page_number_candidates, slide_counters

    weights: Counter = Counter()
    for r in raws:
        weights.update(r.weights)
    body_font, body_size = weights.most_common(1)[0][0] if weights else ("", 0.0)
    for r in raws:
        for f in r.frags:
            f.strong = is_strong(f.font, body_font)
    frags = [[Frag(f.text, f.bbox[1], f.bbox[3], f.bbox[0], f.bbox[2], f.size, f.note_no) for f in r.frags] for r in raws]
    running = find_running(
        frags,
        [r.height for r in raws],
        body_size,
        [bool(r.tables) for r in raws],  # a page filled by a table: its repeated lines may all be furniture
        [r.width for r in raws],
    )
    cands = [[c for i in sorted(hit) for c in page_number_candidates(r.frags[i].text)] for r, hit in zip(raws, running,
                                                                                                         strict=True)]
    labels = choose_labels(cands)
    # slide numbers of a handout with several slides to a page go too, but number no page
    running = [hit | more for hit, more in zip(running, slide_counters(frags), strict=True)]
    pages: list[Page] = []
    block_ids = iter(range(1 << 30))
    for r, hit, label in zip(raws, running, labels, strict=True):
        body = [f for i, f in enumerate(r.frags) if i not in hit]
        page = Page(index=r.index, label=label, width=r.width, height=r.height,
                    running=[r.frags[i].text for i in sorted(hit)])
        rows = _visual_lines(body)
        page.toc = is_toc_page([text for text, _ in rows])
        if page.toc:  # entries go; a title or a note on the same page stays
            drop = {id(f) for text, frags in rows if is_toc_entry(text) for f in frags}
            body = [f for f in body if id(f) not in drop]
        page.blocks = _order(r, body, body_size, block_ids, page.toc)
        pages.append(page)
    return pages


def _visual_lines(frags: list[Line]) -> list[tuple[str, list[Line]]]:
    """Fragments sharing a baseline joined left to right (what a reader sees as one line)."""
    rows: list[list[Line]] = []
    for f in sorted(frags, key=lambda f: (f.bbox[1], f.bbox[0])):
        if rows and abs(f.bbox[1] - rows[-1][0].bbox[1]) < max(f.size, 1.0) * 0.4:
            rows[-1].append(f)
        else:
            rows.append([f])
    return [(" ".join(f.text for f in sorted(row, key=lambda f: f.bbox[0])), row) for row in rows]


def _unruled_tables(strips: list, index: int, rules: list | None = None) -> list:
    """Strips (rows of items) that form a table drawn without lines become one Table item in place.

    A table never reaches across a vertical rule: rows side by side in two ruled-off columns
    (prose beside a table) are not one table's rows."""
    from .layout import Item
    from .unruled import Piece, find_tables

    rows = [[Piece(it.obj.bbox, it.obj.text, it.obj.size) for it in sorted(strip, key=lambda i: i.bbox[0])]
            if all(isinstance(it.obj, Line) and not it.children for it in strip) else [] for strip in strips]
    strips = list(strips)
    def unruled(bbox) -> bool:
        return not any(bbox[0] + 1 < x < bbox[2] - 1 and min(b, bbox[3]) - max(t, bbox[1]) > (bbox[3] - bbox[1]) * 0.5
                       for x, t, b in rules or [])

    for hit in reversed(find_tables(rows, allowed=unruled)):
        table = Table(rows=hit.grid, page_index=index, bbox=hit.bbox, unit=hit.unit)
        strips[hit.first : hit.last + 1] = [[Item(hit.bbox, table, block=True)]]
    return strips


def _order(r: _Raw, body: list[Line], body_size: float, block_ids, toc: bool = False) -> list[Line | Table]:
    """One page's body lines and tables in reading order, each line knowing its block's edges."""
    from . import hanging_labels
    from .headings import caption_of
    from .layout import Geometry, Item, attach_captions, reading_order

    unit = body_size or 10.0
    geo = Geometry(gutter=max(unit * 0.9, 6.0), min_column=max(r.width * 0.15, unit * 6), rules=r.rules,
                   column_share=0.15, column_floor=unit * 6)
    # a line's hanging punctuation does not count against the gutter it reaches into
    items = [Item((f.bbox[0], f.bbox[1], f.bbox[2] - f.hang, f.bbox[3]), f) for f in body]
    items += [Item(t.bbox, t, block=True) for t in r.tables]
    items = attach_captions(items, lambda line: bool(caption_of(line.text)),
                            lambda line: not line.text.rstrip().endswith(("。", "．", "：", ":")))
    for group in items:
        if group.children and not group.frame:
            for child in group.children:
                if isinstance(child.obj, Line):
                    child.obj.above_table = True
    items = _boxed(items, r.rects)
    out: list[Line | Table] = []
    for leaf in reading_order(items, geo, tables=None if toc else partial(_unruled_tables, index=r.index, rules=r.rules)):
        bid = next(block_ids)
        left, right = leaf.left, leaf.right
        prev_bottom = None
        for row in hanging_labels.regrouped(leaf.rows, left, right):
            if len(row) == 1 and isinstance(row[0].obj, Table):
                row[0].obj.block = bid
                out.append(row[0].obj)
                prev_bottom = None
                continue
            parts = [it.obj for it in row if not it.furniture]
            if not parts:
                continue
            first = parts[0]
            bbox = (min(p.bbox[0] for p in parts), min(p.bbox[1] for p in parts),
                    max(p.bbox[2] for p in parts), max(p.bbox[3] for p in parts))
            size = max(p.size for p in parts)
            line = Line(" ".join(p.text for p in parts), r.index, bbox, size,
                        sum(p.strong for p in parts) * 2 > len(parts), first.font, bid, leaf.box,
                        above_table=any(p.above_table for p in parts), note_no=first.note_no)
            line.indent = bbox[0] - left
            line.short = right - bbox[2] > size * 2
            height = max(bbox[3] - bbox[1], 1.0)
            line.gap = 0.0 if prev_bottom is None else max(0.0, bbox[1] - prev_bottom) / height
            prev_bottom = bbox[3]
            out.append(line)
    out = with_text_tables(out)
    _mark_over_table(out)
    return out


def with_text_tables(blocks: list[Line | Table]) -> list[Line | Table]:
    """Runs of lines drawing a table with characters (┌─┬─┐ │…│…│ └─┴─┘: an e-mail, a plain-text notice) as one
    Table each, in their place."""
    from .text_tables import runs

    texts = [b.text if isinstance(b, Line) else "" for b in blocks]  # (a Table's "" ends a run: all are Lines)
    out = list(blocks)
    for first, last, rows in reversed(runs(texts)):
        lines = out[first:last + 1]
        if len({b.page_index for b in lines}) != 1:
            continue
        bbox = (min(b.bbox[0] for b in lines), min(b.bbox[1] for b in lines), max(b.bbox[2] for b in lines),
                max(b.bbox[3] for b in lines))
        out[first:last + 1] = [Table(rows=rows, page_index=lines[0].page_index, bbox=bbox, block=lines[0].block)]
    return out


def _box_number(item, box: tuple, text_size: float = 0.0) -> bool:
    """A lone number in a box's bottom corner (or centred under it) numbers the box — a slide's number on a
    handout of thumbnails — and is no part of its text: read with the last line, it ran into a figure
    (「（令和5年度は264件）5」)."""
    line = item.obj
    if not isinstance(line, Line) or not re.fullmatch(r"\d{1,3}", line.text.strip()):
        return False
    if text_size and line.size > text_size * 1.2:
        return False  # a figure set large in a panel (344 under 「相談件数」) is what the panel says
    w, h = box[2] - box[0], box[3] - box[1]
    x0, _top, x1, bottom = item.bbox
    return bottom >= box[3] - h * 0.12 and (x0 >= box[2] - w * 0.12 or abs((x0 + x1 - box[0] - box[2]) / 2) < w * 0.05)


def _side_by_side(rects: list[tuple]) -> list[tuple]:
    """The rectangles that stand beside another one at the same height (the steps of a flow, boxes in a row):
    those are read one by one. A lone panel inside a box (a profile's frame) is read with the box's text, as
    before: its title must not become a section of its own."""
    def beside(a: tuple, b: tuple) -> bool:
        overlap = min(a[3], b[3]) - max(a[1], b[1])
        return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1]) and (a[2] <= b[0] + 1 or b[2] <= a[0] + 1)
    return [a for a in rects if any(beside(a, b) for b in rects if b is not a)]


def _boxed(items: list, rects: list[tuple]) -> list:
    """Drawn rectangles that hold some of the items (not all) become boxes, the outermost first, and the
    rectangles inside a box become boxes of its own (a slide's thumbnail, then the steps of a flow drawn on it):
    each is read whole before what lies beside it."""
    from .layout import Item

    boxes: list[tuple] = []
    for bb in sorted(rects, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1])):
        if any(_contains(o, bb) for o in boxes) or _inline_field(bb, items, rects):
            continue
        inside = [it for it in items if _mostly_inside(bb, it.bbox)]
        if inside and len(inside) < len(items):
            boxes.append(bb)
    for bb in boxes:
        inside = [it for it in items if _mostly_inside(bb, it.bbox)]
        if inside:
            items = [it for it in items if it not in inside]
            sizes = sorted(it.obj.size for it in inside if isinstance(it.obj, Line))
            for it in inside:
                it.furniture = _box_number(it, bb, sizes[len(sizes) // 2] if sizes else 0.0)
            inner = _side_by_side([x for x in rects if x != bb and _contains(bb, x)])
            items.append(Item(bb, None, _boxed(inside, inner) if inner and len(inside) > 1 else inside))
    return items


def _inline_field(bb: tuple, items: list, rects: list[tuple]) -> bool:
    """A box one line high around a single value (a short text with a figure), with the line's own words just
    outside it on the same baseline and in no box of their own (「構成団体の数 [14.6] 団体」, a form's filled-in
    field): part of the line, not a block. A step of a flow drawn as one-line boxes side by side stays a box."""
    inside = [it for it in items if _mostly_inside(bb, it.bbox)]
    if len(inside) != 1 or not isinstance(inside[0].obj, Line):
        return False
    value = inside[0].obj.text.strip()
    size = max(inside[0].obj.size, 1.0)
    if bb[3] - bb[1] > size * 2.5 or len(value) > 12 or not re.search(r"\d", value):
        return False
    mid = (inside[0].bbox[1] + inside[0].bbox[3]) / 2
    return any(it is not inside[0] and isinstance(it.obj, Line) and it.bbox[1] <= mid <= it.bbox[3]
               and (0 <= bb[0] - it.bbox[2] <= size * 3 or 0 <= it.bbox[0] - bb[2] <= size * 3)
               and not any(r != bb and _mostly_inside(r, it.bbox) for r in rects) for it in items)


def _mark_over_table(blocks: list[Line | Table]) -> None:
    """The line read right before a table and printed just above it, within its width: where an
    unnumbered caption (「設立に向けた課題（複数回答）」) sits. Whether it is one is for the structure
    reader to say (it knows headings and sentences); this only records the geometry."""
    for k, t in enumerate(blocks):
        if not isinstance(t, Table) or k == 0 or not isinstance(blocks[k - 1], Line):
            continue
        line = blocks[k - 1]
        if line.page_index != t.page_index:
            continue
        height = max(line.bbox[3] - line.bbox[1], 1.0)
        slack = max(line.size, height)
        if (line.bbox[3] <= t.bbox[1] + 2 and t.bbox[1] - line.bbox[3] <= height * 1.5
                and line.bbox[0] >= t.bbox[0] - slack and line.bbox[2] <= t.bbox[2] + slack):
            line.over_table = True


def read_text(path: Path) -> list[Page]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError as exc:
            raise DocumentError(path, "not UTF-8 or Shift_JIS text", "UTF-8またはShift_JISのテキストではありません") from exc
    if not text.strip():
        raise DocumentError(path, "the file is empty", "ファイルが空です")
    page = Page(index=0, label="", width=0, height=0)
    markdown = path.suffix.lower() in {".md", ".markdown"}
    for n, raw_line in enumerate(text.splitlines()):
        if not raw_line.strip():
            page.blocks.append(Line("", 0, (0, n, 0, n)))  # blank line: paragraph break
            continue
        strong = markdown and raw_line.lstrip().startswith("#")
        indent = len(raw_line) - len(raw_line.lstrip(" \u3000"))
        page.blocks.append(Line(raw_line.strip(), 0, (float(indent), float(n), 0.0, float(n)), 0.0, strong))
    page.blocks = with_text_tables(page.blocks)
    return [page]
