"""Pure text for the chat: the one escaping helper, answers with linked markers, source cards, the export.

Anything not written by us (document text, questions, file and section names, LLM and error
texts, notes) goes through `esc` before it is shown, so it can never become markup, a link or
an image. The chat renders these strings with `st.html`; `quote` is kept for Markdown widgets.
"""

from __future__ import annotations

import html
import re

_MD = "\\`*_{}[]<>()#+-.!|~:$/"
_MARK = re.compile(r"\[(\d+)\]")
PREVIEW = 160  # characters of a nearest passage shown before 「全文を表示」
_UNIT = re.compile(r"[（(]単位[:：]\s*(.+?)[）)]")


def esc(text: object) -> str:
    """HTML-escaped text, with line breaks kept: the only way untrusted text reaches the page."""
    return html.escape(str(text or ""), quote=True).replace("\n", "<br>")


def quote(text: str) -> str:
    """Text for a Markdown widget (captions, alerts): markup characters backslash-escaped, so nothing renders."""
    out = html.escape(text, quote=False)
    for ch in _MD:
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", "  \n")


def answer_markdown(text: str) -> str:
    """Our own list markers stay Markdown; every word of the answer is escaped."""
    out = []
    for line in text.split("\n"):
        bullet = line.startswith("- ")
        out.append(("- " if bullet else "") + quote(line[2:] if bullet else line))
    return "\n".join(out)


def card_id(key: str, n: int) -> str:
    return f"kj-{key}-{n}"


def _link_markers(line_html: str, key: str, known: set[int]) -> str:
    def link(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in known:
            return m.group(0)
        return f'<a class="kj-ref" href="#{card_id(key, n)}" title="出典 {n} へ">[{n}]</a>'

    return _MARK.sub(link, line_html)


def answer_html(text: str, key: str, known: set[int]) -> str:
    """The answer, escaped, with each [n] a link to its source card; our own "- " lines become a list."""
    out: list[str] = []
    items: list[str] = []
    for line in text.split("\n"):
        if line.startswith("- "):
            items.append(f"<li>{_link_markers(esc(line[2:]), key, known)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line.strip():
            out.append(f"<p>{_link_markers(esc(line), key, known)}</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return f'<div class="kj-answer">{"".join(out)}</div>'


def readable_section(section_title: str, section: str = "") -> str:
    """「都道府県居住支援協議会による支援 ＞ 調査結果」 instead of 「4（1）【調査結果】」: headings, not codes."""
    parts = [p.strip() for p in (section_title or "").split(">") if p.strip()]
    if not parts:
        return section
    clean = [re.sub(r"^(?:\d+|[（(]\d+[）)]|[①-⑳])\s*", "", p).strip("【】 ") or p for p in parts]
    return " ＞ ".join(clean[-2:])


def highlighted(text: str, quotes: list[str]) -> str:
    """The passage, escaped, with the sentences the answer used marked."""
    spans: list[tuple[int, int]] = []
    for q in quotes:
        q = q.strip()
        i = text.find(q) if q else -1
        if i >= 0:
            spans.append((i, i + len(q)))
    spans.sort()
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(esc(text[pos:a]))
        out.append(f"<mark>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def grid_rows(grid: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a table grid, padded to the header's width; an empty header stays empty."""
    header = [h.strip() for h in grid[0]]
    rows = [[(r[i] if i < len(r) else "") for i in range(len(header))] for r in grid[1:]]
    return header, rows


def table_html(grid: list[list[str]], cell: list[int] | None = None) -> str:
    """The table with its real header names; the cell that gave a figure is marked (grid row 0 is the header)."""
    header, rows = grid_rows(grid)
    hit = tuple(cell) if cell and len(cell) == 2 else None
    head = "".join(f'<th class="{"kj-colhead" if hit and hit[1] == j else ""}">{esc(h)}</th>'
                   for j, h in enumerate(header))
    body = []
    for i, row in enumerate(rows, start=1):
        tds = []
        for j, v in enumerate(row):
            tag = "th" if j == 0 else "td"
            cls = "kj-hit" if hit == (i, j) else ("kj-rowhead" if hit and hit[0] == i and j == 0 else "")
            tds.append(f'<{tag} class="{cls}">{esc(v)}</{tag}>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    return f'<div class="kj-table"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def unit_of(text: str) -> str:
    """「県」 from 「（単位：県）」 in a table passage, or empty."""
    m = _UNIT.search(text or "")
    return m.group(1).strip() if m else ""


def without_title(text: str, title: str) -> str:
    """The passage without its opening lines that only repeat the table/case title shown above it."""
    squash = re.sub(r"\s+", "", title or "")
    lines = text.split("\n")
    while squash and len(lines) > 1 and re.sub(r"\s+", "", lines[0]) and re.sub(r"\s+", "", lines[0]) in squash:
        lines.pop(0)
    return "\n".join(lines).strip()


def card_html(c, key: str, grid: list[list[str]] | None = None, picture_uri: str = "", open_: bool = True,
              related: bool = False) -> str:
    """One compact source card: document, printed page, readable section, the quoted sentences marked.

    A table shows as a table with its unit and the figure's cell marked; the rest of the passage and the
    page picture (cropped to the marked lines) sit inside the same card.
    """
    page = c.page_text
    pdf_hint = f"PDF {c.page_indices[0] + 1}ページ目" if c.page and c.page_indices else ""
    section = readable_section(c.section_title, c.section)
    summary = (f'<span class="kj-n">[{c.n}]</span> <b>{esc(c.short or c.title)}</b> '
               f'<span class="kj-page">{esc(page)}</span> <span class="kj-sec">{esc(section)}</span>')
    parts = []
    if c.unit_title:
        unit = unit_of(c.text)
        parts.append(f'<div class="kj-unit">{esc(c.unit_title)}{esc(f"（単位：{unit}）") if unit else ""}</div>')
    if grid and len(grid) >= 2:
        parts.append(table_html(grid, c.cell))
    elif c.quotes and not related:
        shown = [q for q in c.quotes if q.strip() and q.strip() in c.text]
        if shown:
            parts.append("".join(f'<blockquote class="kj-quote"><mark>{esc(q)}</mark></blockquote>' for q in shown))
        parts.append(f'<details class="kj-more"><summary>前後の文を表示</summary><div class="kj-text">'
                     f'{highlighted(c.text, c.quotes)}</div></details>')
    elif len(c.text) > PREVIEW:  # a nearest passage: its opening (after the title shown above), the rest on a click
        body = without_title(c.text, c.unit_title)
        parts.append(f'<div class="kj-text">{esc(body[:PREVIEW])}…</div><details class="kj-more"><summary>'
                     f'全文を表示</summary><div class="kj-text">{esc(c.text)}</div></details>')
    else:
        parts.append(f'<div class="kj-text">{highlighted(c.text, c.quotes)}</div>')
    if picture_uri:
        parts.append(f'<img class="kj-pic" alt="{esc(page)} の該当箇所" src="{picture_uri}">')
    foot = " ／ ".join(p for p in (esc(c.title), esc(pdf_hint)) if p)
    parts.append(f'<div class="kj-foot">{foot}</div>')
    return (f'<details class="kj-card{" kj-related" if related else ""}" id="{card_id(key, c.n)}"'
            f'{" open" if open_ else ""}><summary>{summary}</summary>{"".join(parts)}</details>')


def chips_html(labels: list[str]) -> str:
    """Active filters as chips, escaped."""
    return '<div class="kj-chips">' + "".join(f'<span class="kj-chip">{esc(t)}</span>' for t in labels) + "</div>"


def conversation_markdown(messages: list[dict], documents: list[dict] | None = None,
                          title: str = "居住支援 資料アシスタント 会話記録") -> str:
    """The conversation with each answer's sources and the documents' full titles, for pasting into a memo."""
    lines = [f"# {title}", ""]
    for m in messages:
        if m["role"] == "user":
            lines += [f"## 質問: {m['content']}", ""]
        elif m.get("answer") is not None:
            lines += [m["answer"].render_text(excerpts=True), ""]
        else:
            lines += [m["content"], ""]
    if documents:
        lines += ["## 参照した資料", ""]
        for d in documents:
            meta = "、".join(str(v) for v in (d.get("publisher"), d.get("date")) if v)
            lines.append(f"- {d.get('short') or d.get('doc_id', '')}: {d.get('title', '')}"
                         + (f"（{meta}）" if meta else "") + (f" {d['url']}" if d.get("url") else ""))
        lines.append("")
    return "\n".join(lines)
