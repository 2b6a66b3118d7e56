"""Pure text for the chat: escaping document text, highlighting quotes, the Markdown export.

Document text is always shown as text: HTML is escaped and Markdown control characters
are backslash-escaped, so a passage can never render markup or links.
"""

from __future__ import annotations

import html

_MD = "\\`*_{}[]<>()#+-.!|~:$"


def quote(text: str) -> str:
    esc = html.escape(text, quote=False)
    for ch in _MD:
        esc = esc.replace(ch, "\\" + ch)
    return esc.replace("\n", "  \n")


def answer_markdown(text: str) -> str:
    """Our own list markers stay Markdown; every word of the answer is escaped."""
    out = []
    for line in text.split("\n"):
        bullet = line.startswith("- ")
        out.append(("- " if bullet else "") + quote(line[2:] if bullet else line))
    return "\n".join(out)


def highlighted(text: str, quotes: list[str]) -> str:
    """The passage, escaped, with the sentences the answer used in bold on a highlight."""
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
        out.append(quote(text[pos:a]))
        out.append(":orange-background[**" + quote(text[a:b]).replace("  \n", " ") + "**]")
        pos = b
    out.append(quote(text[pos:]))
    return "".join(out)


def grid_rows(grid: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a table grid with unique, non-empty column names (for a DataFrame)."""
    header = [h.strip() or f"列{i + 1}" for i, h in enumerate(grid[0])]
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        seen[h] = seen.get(h, 0) + 1
        if seen[h] > 1:
            header[i] = f"{h} ({seen[h]})"
    rows = [[(r[i] if i < len(r) else "") for i in range(len(header))] for r in grid[1:]]
    return header, rows


def conversation_markdown(messages: list[dict], title: str = "居住支援 資料アシスタント 会話記録") -> str:
    """The conversation with each answer's sources, for pasting into a memo."""
    lines = [f"# {title}", ""]
    for m in messages:
        if m["role"] == "user":
            lines += [f"## 質問: {m['content']}", ""]
        elif m.get("answer") is not None:
            lines += [m["answer"].render_text(excerpts=True), ""]
        else:
            lines += [m["content"], ""]
    return "\n".join(lines)
