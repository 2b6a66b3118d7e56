"""Structural units -> chunks an official would accept as a quotation. Pure functions.

Text: paragraphs of one section packed into ~200-600 characters, split only at sentence
ends. Tables with figures: one chunk (title, unit, Markdown grid, notes) with the grid kept
as JSON for cell look-ups. Case boxes and tables of sentences: one chunk per row.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from .asking import asks_sentence, marked_question
from .clean import is_row_number_head, join_lines, normalize, split_sentences, squash
from .structure import Unit, is_text_table
from .tokens import content_words
from .vocabulary import table_marks, vocabulary


@dataclass
class Chunk:
    id: str
    doc_id: str
    doc_title: str
    text: str  # the quotation, original characters
    kind: str  # text | table | case | heading
    section: str
    section_title: str
    pages: list[str]
    page_indices: list[int]
    position: int
    unit_title: str = ""
    row: str = ""  # case/table row number (№)
    grid: list[list[str]] = field(default_factory=list)
    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    section_path: list[str] = field(default_factory=list)  # heading titles, outermost first

    @property
    def page_label(self) -> str:
        """The printed page, or range of pages, the chunk is on. A chunk that starts on a page printing no number
        (a cover) has none: the citation then names its place in the file rather than a range like 「-i」."""
        if not self.pages or not self.pages[0]:
            return ""
        last = next((p for p in reversed(self.pages) if p), self.pages[0])
        return self.pages[0] if last == self.pages[0] else f"{self.pages[0]}-{last}"

    @property
    def context(self) -> str:
        """Headline the chunk is read under: section and table/case title (for search only)."""
        parts = [self.section_title, self.unit_title]
        return " ".join(p for p in parts if p)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["page_label"] = self.page_label
        return d


def markdown_table(grid: list[list[str]]) -> str:
    if not grid:
        return ""
    width = max(len(r) for r in grid)
    rows = [[(c or "").replace("\n", " ").replace("|", "｜") for c in r] + [""] * (width - len(r)) for r in grid]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(out)


def _pack(pieces: list[str], max_chars: int) -> list[str]:
    """Greedy packing of sentence pieces into strings of at most max_chars (a longer sentence stays whole)."""
    out: list[str] = []
    cur = ""
    for p in pieces:
        if cur and len(cur) + len(p) > max_chars:
            out.append(cur)
            cur = ""
        cur += p
    if cur:
        out.append(cur)
    return out


def _split_long(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    parts = _pack(split_sentences(text), max_chars)
    # avoid a tiny tail: rebalance the last two parts
    if len(parts) >= 2 and len(parts[-1]) < max_chars // 4:
        tail = split_sentences(parts[-2] + parts[-1])
        half = len(parts[-2] + parts[-1]) / 2
        acc, cut = 0, len(tail)
        for i, s in enumerate(tail):
            acc += len(s)
            if acc >= half:
                cut = i + 1
                break
        parts[-2:] = ["".join(tail[:cut]), "".join(tail[cut:])]
    return [p for p in parts if p]


def _places(units: list[Unit]) -> tuple[list[str], list[int], list]:
    pages: list[str] = []
    idx: list[int] = []
    boxes: list = []
    for u in units:
        for p in u.pages:
            if p not in pages:
                pages.append(p)
        for i in u.page_indices:
            if i not in idx:
                idx.append(i)
        boxes.extend(u.boxes)
    return pages, idx, boxes


def numbered_rows(grid: list[list[str]]) -> bool:
    """Every row, the first included, starts with a number of one shape (STEP1, STEP2 …; Q1, Q2 …; ① ② …):
    the first row is a row like the others, not a header naming the columns."""
    firsts = [re.sub(r"\s+", "", normalize(r[0])) if r else "" for r in grid]  # NFKC: ① is 1
    if len(firsts) < 3 or not all(firsts) or len(set(firsts)) < len(firsts):
        return False
    shapes = {re.sub(r"\d+", "#", f) for f in firsts}
    shape = next(iter(shapes))
    return len(shapes) == 1 and "#" in shape and len(shape) <= 8


def asks(text: str) -> bool:
    """Whether a turn (a paragraph of minutes, a row of a table of turns) ends by asking: its last sentence asks
    (asking.asks_sentence: ？, a か that asks, or a request for an answer). In minutes the answer is the next turn,
    by another speaker; apart, a question's own words matched it while the reply that answers was in another chunk."""
    sentences = [x for x in split_sentences(text.strip()) if x.strip()]
    return bool(sentences) and asks_sentence(sentences[-1])


def turns_table(header: list[str]) -> bool:
    """A table of turns of minutes (発言者｜発言内容): its header names who speaks (the vocabulary's speaker_labels).
    Only there is a row that asks followed by the row that answers it."""
    labels = vocabulary().speaker_labels
    return any(lab in normalize(h).lower() for h in header for lab in labels)


HEADER_CHARS = 40  # a header cell is a label; a longer first-row cell is text


def _table_chunks(u: Unit, max_chars: int) -> list[dict]:
    """Dicts of chunk fields for one table or case unit."""
    head = "\n".join(x for x in (u.title, u.scope, u.unit_line) if x)
    notes = "\n".join(u.notes)
    if not is_text_table(u.grid):
        body = "\n".join(x for x in (head, markdown_table(u.grid), notes) if x)
        return [{"text": body, "row": "", "grid": u.grid}]
    header = u.grid[0] if u.grid and not numbered_rows(u.grid) else []
    if any(len(squash(c)) > HEADER_CHARS for c in header):
        header = []  # a first row of text, not labels (a page drawn as frames: the back cover's contacts beside the
        # cover): its cells are read as rows, not dropped as the others' labels
    has_no = bool(header) and is_row_number_head(header[0])
    out: list[dict] = []
    rows: list[tuple[str, str, bool, list]] = []  # (number, text, a statement of several fields, places)
    turns = turns_table(header)
    for r, row in enumerate(u.grid[1:] if header else u.grid):
        cells = [c for c in row]
        no = cells[0].strip() if has_no and cells else ""
        content = cells[1:] if has_no else cells
        labels = header[1:] if has_no else header
        fields = len([c for c in content if c]) > 1
        if fields:
            body = "\n".join(f"【{labels[i]}】{c}" if i < len(labels) and labels[i] else c for i, c in enumerate(content) if c)
            text = f"{no}\n{body}" if no else body
        else:
            text = f"{no} {''.join(content)}".strip()
        at = r + 1 if header else r
        rows.append((no or str(r + 1), text, fields, u.row_places[at] if len(u.row_places) == len(u.grid) else []))
    for r, (no, text, fields, places) in enumerate(rows):
        pieces = _split_long(text, max_chars)
        reply = rows[r + 1] if r + 1 < len(rows) else None
        if (turns and fields and reply and reply[2] and len(pieces) == 1 and asks(text)
                and len(text) + len(reply[1]) <= max_chars):
            # a turn that asks is read with the next turn, its reply; the reply keeps its own chunk too
            pieces = [text + "\n" + reply[1]]
            places = list(dict.fromkeys([*places, *reply[3]]))
        for j, piece in enumerate(pieces):
            out.append({"text": piece, "row": no, "grid": [], "part": j, "places": places})
    if out:
        if head:
            out[0]["text"] = head + "\n" + out[0]["text"]
        if notes:
            out[-1]["text"] = out[-1]["text"] + "\n" + notes
    return out


def table_lead(buf: list[Unit], table: Unit, max_chars: int) -> Unit | None:
    """The short paragraph that introduces a table (「…次の2種類の補助を実施しています。」), to be read with it.

    A table is chunked apart from the text before it, so the sentence that says what the table is about
    and the grid that holds its figures were found separately: a question matched one and the answer was in
    the other. The paragraph right before a table, in the same section and short enough to be a lead-in
    (at most a third of a chunk) and on the page where the table starts, is repeated at the head of the
    table's chunk; its own text chunk keeps it too. Only for grids read as one chunk (a table of statements
    is chunked per row, each row an answer of its own), not 事例 boxes, never across another table or heading.
    """
    if table.kind != "table" or not buf:
        return None
    last = buf[-1]
    if last.kind != "text" or last.section_path != table.section_path or len(last.text) > max_chars // 3:
        return None
    if not last.page_indices or not table.page_indices or last.page_indices[-1] != table.page_indices[0]:
        return None  # a lead-in at the foot of the page before: the table's citation must stay on its own page
    return last if leads_into(last.text, table) else None


def leads_into(text: str, table: Unit) -> bool:
    """Whether a paragraph right above a table introduces it rather than merely standing before it.

    A table with its own caption is introduced by a paragraph that points at it (「次のとおり」「表3のとおり」,
    tables.toml's lead_pointers and lead_pointer_patterns) or that speaks of what the caption names (a shared word
    of two characters or more, not one of tables.toml's generic_headers: 「相談件数は…」 over 「表2　相談件数の推移」)
    or what its rows are (the first column: 「出張相談会を18回開催」 over an indicator table whose row is
    「出張相談会の開催回数」). The header's words do not count: 市町村 or 開催日 head tables of every topic. A
    paragraph of another topic that happens to end above the grid (the training dates above 「出張相談会の会場一覧」)
    would otherwise be read as the table's lead and make the table answer questions about that topic. A table
    without a caption is read with the paragraph above it, which is then its only title."""
    if not table.title.strip():
        return True
    marks = table_marks()
    flat = re.sub(r"\s+", "", normalize(text)).lower()
    if any(re.sub(r"\s+", "", normalize(p)).lower() in flat for p in marks.get("lead_pointers", [])) or any(
            re.search(p, flat) for p in marks.get("lead_pointer_patterns", [])):
        return True
    generic = {normalize(w) for w in marks.get("generic_headers", [])}
    eras = vocabulary().era_names

    def topic(t: str) -> set[str]:  # words of two characters or more that name something (not 会, 表, 7月, 令和, 年度)
        return {w for w in content_words(t) if len(w) > 1 and not re.search(r"\d", w) and w not in generic
                and w not in eras}

    named = topic(" ".join([table.title, *(row[0] for row in table.grid[1:] if row)]))
    return not named or bool(topic(text) & named)


def form_runs(units: list[Unit], max_chars: int = 600) -> dict[int, int]:
    """Start -> end (exclusive) of each form printed after rules (様式第1号…) to be read as one chunk.

    A form is a document to fill in: its title, the sentence that applies (「…の規定により、下記のとおり
    申請します。」) and its grid of blank fields belong together, and apart they are a text chunk that
    repeats the programme's full name and states nothing. Kept whole (with its grid), the form is one
    table chunk that retrieval can recognise as a blank form. Only a form with a grid of figures or
    fields and of at most twice the chunk size; a longer one is chunked as usual.
    """
    runs: dict[int, int] = {}
    i = 0
    while i < len(units):
        if not units[i].form:
            i += 1
            continue
        root = units[i].section_path[:1]
        end = i
        while end < len(units) and units[end].form and units[end].section_path[:1] == root:
            end += 1
        members = units[i:end]
        grids = [u for u in members if u.kind in ("table", "case") and u.grid and not is_text_table(u.grid)]
        size = sum(len(u.text) for u in members if not u.grid) + sum(len(markdown_table(u.grid)) for u in grids)
        if grids and size <= 2 * max_chars:
            runs[i] = end
        i = end
    return runs


def boxed_line(u: Unit) -> Unit | None:
    """A ruled grid of one row read as the line it is printed as, or None for a real table.

    One row is no table: it has no header naming columns and no rows to look a value up in. It is a labelled
    box — a step of a flow chart (「STEP1 | 庁内の検討体制をつくる」), a heading beside its number, a caption
    boxed with its value — and as a chunk of its own it is a few words cut off from the steps and the text
    around it. Read as a text line it is packed with them (the flow chart's caption, its steps and the notes
    between them in one chunk)."""
    if u.kind != "table" or len(u.grid) != 1:
        return None
    cells = [join_lines(c.splitlines()) for c in u.grid[0] if c and c.strip()]
    if not cells:
        return None
    text = "\n".join(x for x in (u.title, u.scope, u.unit_line, "\u3000".join(cells), *u.notes) if x)
    return replace(u, kind="text", text=text, grid=[], row_places=[])


def answered(group: list[Unit]) -> bool:
    """The group holds a marked question (Q1．, 問3：) with text after it: an FAQ's question and its answer, which the
    next question does not join. A run of bare questions (an FAQ's index of its questions) stays together."""
    marked = [k for k, g in enumerate(group) if g.kind == "text" and marked_question(normalize(g.text))]
    return bool(marked) and any(g.kind == "text" for g in group[marked[-1] + 1:])


def chunk_units(
    units: list[Unit], doc_id: str, doc_title: str, min_chars: int = 200, max_chars: int = 600
) -> list[Chunk]:
    chunks: list[Chunk] = []

    def emit(text: str, kind: str, members: list[Unit], anchor: Unit | None = None,
             places: list[tuple[str, int]] | None = None, **extra) -> None:
        pages, idx, boxes = _places(members)
        if places:  # one row of a table over several pages: the pages that row is printed on
            pages = list(dict.fromkeys(label for label, _ in places))
            idx = list(dict.fromkeys(i for _, i in places))
            boxes = [b for b in boxes if b[0] in idx]
        # a chunk led by headings is filed under the section of its body text
        first = anchor or next((m for m in members if m.kind != "heading"), members[-1])
        chunks.append(
            Chunk(
                id=f"{doc_id}:{len(chunks):04d}",
                doc_id=doc_id,
                doc_title=doc_title,
                text=text,
                kind=kind,
                section=first.section,
                section_title=first.section_title,
                section_path=list(first.section_path),
                pages=pages,
                page_indices=idx,
                position=len(chunks),
                boxes=boxes,
                **extra,
            )
        )

    buf: list[Unit] = []  # headings and paragraphs of one section waiting to be packed

    def flush() -> None:
        nonlocal buf
        if not buf:
            return
        texts = [u.text for u in buf]
        if all(u.kind == "heading" for u in buf):
            emit("\n".join(texts), "heading", buf)
            buf = []
            return
        # pack whole paragraphs; split a paragraph only when it alone is too long
        groups: list[list[Unit]] = [[]]
        size = 0
        for u in buf:
            add = len(u.text) + 1
            # an FAQ's next question (Q2．, 問3：) opens a passage of its own: one question with its answer is what a
            # reader quotes, and six of them packed together matched every question about any of them
            next_q = u.kind == "text" and marked_question(normalize(u.text)) and answered(groups[-1])
            if next_q or groups[-1] and size + add > max_chars and size >= min_chars // 2 and u.kind != "heading" and not all(
                g.kind == "heading" for g in groups[-1]
            ):
                groups.append([])
                size = 0
            groups[-1].append(u)
            size += add
        # a trailing heading belongs to the next section: handled by the caller's flush order
        for n, g in enumerate(groups):
            text = "\n".join(u.text for u in g)
            before = groups[n - 1][-1] if n else None
            if (before is not None and g[0].kind == "text" and len(before.text) <= max_chars // 2 and asks(before.text)
                    and not marked_question(normalize(g[0].text))):
                # a paragraph that asks, cut off from its reply by the packing: repeated at the reply's head
                text = before.text + "\n" + text
                g = [before, *g]
            if len(text) <= max_chars:
                emit(text, "text", g)
                continue
            lead = "\n".join(u.text for u in g if u.kind == "heading")
            body = "\n".join(u.text for u in g if u.kind != "heading")
            parts = _split_long(body, max_chars - len(lead))
            for k, part in enumerate(parts):
                emit((lead + "\n" + part) if (lead and k == 0) else part, "text", g)
        buf = []

    forms = form_runs(units, max_chars)
    skip_to = 0
    for n, u in enumerate(units):
        if n < skip_to:
            continue
        u = boxed_line(u) or u
        if n in forms:  # a form: its title, lead sentence and grid as one table chunk
            flush()
            skip_to = forms[n]
            members = units[n:skip_to]
            tables = [m for m in members if m.grid]
            texts = ["\n".join(p["text"] for p in _table_chunks(m, max_chars)) if m.grid else m.text for m in members]
            # filed under the form itself (様式第1号…), whatever titles it carries inside
            emit("\n".join(t for t in texts if t), "table", members, anchor=members[0], unit_title=tables[0].title,
                 grid=tables[0].grid)
            continue
        if u.kind == "heading":
            if buf and buf[-1].kind != "heading":
                flush()
            buf.append(u)
            continue
        if u.kind == "text":
            if buf and buf[-1].section != u.section and buf[-1].kind != "heading":
                flush()
            buf.append(u)
            continue
        # table / case: headings right before it go to the next text, not into the table
        pending_headings = [b for b in buf if b.kind == "heading"] if buf and buf[-1].kind == "heading" else []
        if pending_headings:
            buf = [b for b in buf if b not in pending_headings]
        lead = table_lead(buf, u, max_chars)
        flush()
        buf = pending_headings
        # the title right above a grid (a slide's title over its only table) is read with it too: the title
        # names what the figures are, and alone with a note under the table it outranked them
        titled = [h for h in pending_headings if h.page_indices and u.page_indices
                  and h.page_indices[-1] == u.page_indices[0]][-1:]
        for k, piece in enumerate(_table_chunks(u, max_chars)):
            with_lead = lead is not None and k == 0 and bool(piece.get("grid"))  # a grid, not a statement row
            heads = titled if k == 0 and piece.get("grid") and not with_lead else []
            emit(
                "\n".join([*(h.text for h in heads), piece["text"]]) if heads
                else (lead.text + "\n" + piece["text"]) if with_lead else piece["text"],
                u.kind,
                [*heads, u] if heads else [lead, u] if with_lead else [u],
                anchor=u,
                unit_title=u.title,
                row=piece.get("row", ""),
                grid=piece.get("grid", []),
                places=None if heads or with_lead or piece.get("grid") else piece.get("places"),
            )
    flush()
    return chunks

