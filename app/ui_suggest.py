"""What to offer when the documents are silent: what they cover, and questions in their own words.

A refusal must not be a dead end. The coverage comes from the index manifest and the chunks'
headings; the rephrasings are built from the nearest passages' table/case titles and section
headings (the documents' own terms), and only those the answerer can actually answer are kept.
"""

from __future__ import annotations

import re

from .render import readable_section

_NUM = re.compile(r"^(?:表|図|事例)\s*[\d０-９]+\s*[-－ー]\s*[①-⑳\d]+\s*")


def coverage(manifest: dict | None, chunks: list[dict]) -> list[dict]:
    """Per document: title, page range (printed) and its readable section headings, in reading order."""
    docs = []
    for d in (manifest or {}).get("documents", []):
        mine = [c for c in chunks if c.get("doc_id") == d.get("doc_id")]
        labels = [str(c.get("page_label", "")) for c in mine if c.get("page_label")]
        nums = [int(n) for lab in labels for n in re.findall(r"\d+", lab)]
        sections: list[str] = []
        for c in mine:
            s = readable_section(c.get("section_title", ""), c.get("section", ""))
            if s and s not in sections:
                sections.append(s)
        docs.append({"title": d.get("title", ""), "short": d.get("short", ""), "pages": d.get("pages"),
                     "printed": f"p.{min(nums)}–{max(nums)}" if nums else "", "sections": sections})
    return docs


def section_options(chunks: list[dict]) -> dict[str, str]:
    """Filter values (section prefixes such as 「4（1）」) named by their heading, not their code."""
    out: dict[str, str] = {}
    for c in chunks:
        sec = c.get("section", "")
        key = sec.split("【")[0]
        if not key or key in out:
            continue
        heads = [p.strip() for p in c.get("section_title", "").split(">") if p.strip() and "【" not in p]
        out[key] = heads[-1] if heads else key
    return dict(sorted(out.items()))


def _topic(c) -> str:
    title = _NUM.sub("", c.unit_title or "").strip()
    if title:
        m = re.match(r"(.{6,}?)(?:について|に関する|に係る|、)", title)
        return m.group(1) if m and len(title) > 24 else title
    heads = [p.strip() for p in (c.section_title or "").split(">") if p.strip() and "【" not in p]
    return re.sub(r"^(?:\d+|[（(]\d+[）)])\s*", "", heads[-1]) if heads else ""


def rephrasings(related: list, can_answer=None, limit: int = 3) -> list[str]:
    """2–3 questions built from the nearest passages' own headings; `can_answer(q)` keeps only working ones."""
    out: list[str] = []
    for c in related:
        topic = _topic(c)
        q = f"{topic}について教えてください。" if topic else ""
        if q and q not in out and (can_answer is None or can_answer(q)):
            out.append(q)
        if len(out) >= limit:
            break
    return out


def document_examples(chunks: list[dict], docs: list[dict], per_doc: int = 1) -> list[tuple[str, str]]:
    """(document's short name, question) built from each document's own table/case titles or headings,
    so the first screen offers questions about whatever documents the index holds, not only the report."""
    out: list[tuple[str, str]] = []
    for d in docs:
        mine = [c for c in chunks if c.get("doc_id") == d.get("doc_id")]
        asked: list[str] = []
        # a table or case title names a topic best; then the deepest section headings
        for _, c in sorted(enumerate(mine), key=lambda p: (not p[1].get("unit_title"), p[0])):
            title = _NUM.sub("", c.get("unit_title") or "").strip()
            heads = [p.strip() for p in (c.get("section_title") or "").split(">") if p.strip() and "【" not in p]
            topic = title or (re.sub(r"^(?:第?\d+[章節]?|[（(]\d+[）)]|[①-⑳]|STEP\s*\d+)[\s.．]*", "", heads[-1])
                              if heads else "")
            topic = re.sub(r"^(?:表|図)\s*[\d０-９]+[\s\d０-９\-－ー]*", "", topic).strip("　 ")
            if 4 <= len(topic) <= 30 and topic not in asked:
                asked.append(topic)
            if len(asked) >= per_doc:
                break
        out.extend((d.get("short") or d.get("title", ""), f"{t}について教えてください。") for t in asked)
    return out
