"""Scores an ingest of a generated PDF against its truth file (tests/docgen writes both).

Used by tests/test_layout_docs.py and by hand: ``python -m tests.layout_check DIR``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.retrieve import is_blank_form
from ingest.chunk import chunk_units
from ingest.clean import squash
from ingest.pdf import read_document
from ingest.structure import build_units


def ingest_chunks(pdf: Path) -> tuple[list, list]:
    pages = read_document(pdf)
    chunks = chunk_units(build_units(pages), pdf.stem, pdf.stem)
    return pages, chunks


def score(pdf: Path, truth: dict) -> dict:
    pages, chunks = ingest_chunks(pdf)
    texts = [squash(c.text) for c in chunks]
    printed = {p["index"]: (p["printed"] or "") for p in truth["pages"]}
    sents = [s for s in truth["sentences"] if not s.get("toc")]
    missing, out_of_order = [], []
    at = (0, 0)  # where the previous sentence was found: the next one should come after it
    for s in sents:
        key = squash(s["text"])
        ahead = next(((i, t.find(key, at[1] if i == at[0] else 0)) for i, t in enumerate(texts)
                      if i >= at[0] and t.find(key, at[1] if i == at[0] else 0) >= 0), None)
        if ahead is not None:
            at = (ahead[0], ahead[1] + 1)
            continue
        anywhere = next(((i, t.index(key)) for i, t in enumerate(texts) if key in t), None)
        if anywhere is None:
            missing.append(s["text"])
        else:
            out_of_order.append(s["text"])
            at = (anywhere[0], anywhere[1] + 1)
    label_pages = [(p.index, p.label, printed.get(p.index, "")) for p in pages]
    bad_labels = [x for x in label_pages if squash(x[1]) != squash(x[2])]  # 「Ⅲ-1」 is III-1, 「1／4」 1/4
    shown = [[squash(p) for p in c.pages] for c in chunks]
    bad_chunks = [c.id for c, labels in zip(chunks, shown, strict=True)
                  if labels != [squash(printed.get(i, "")) for i in c.page_indices]
                  and labels != list(dict.fromkeys(squash(printed.get(i, "")) for i in c.page_indices))]
    running = {squash(p[k]) for p in truth["pages"] for k in ("header", "footer") if p.get(k)}
    running -= {squash(s["text"]) for s in sents}  # a section name printed as content too
    leaks = [(c.id, r) for c in chunks for r in running if r and len(r) >= 4 and r in squash(c.text)]
    tables_ok = 0
    for t in truth.get("tables", []):
        want = ["".join(r) for r in expected_grid(t, chunks)]
        for c in chunks:
            grid_rows = [squash("".join(r)) for r in c.grid]
            if c.grid and all(r in grid_rows for r in want[1:]) and want[0] in grid_rows[:1]:
                tables_ok += 1
                break
    table_errors = compare_tables(truth.get("tables", []), chunks)
    toc_texts = {squash(s["text"]) for s in truth["sentences"] if s.get("toc")}
    toc_chunks = [c.id for c in chunks if any(k and k == squash(c.text) for k in toc_texts)]
    return {
        "file": pdf.name,
        "sentences": len(sents),
        "whole": len(sents) - len(missing),
        "whole_pct": round(100 * (len(sents) - len(missing)) / max(1, len(sents)), 1),
        "out_of_order": len(out_of_order),
        "out_of_order_texts": out_of_order,
        "pages": len(pages),
        "labels_right_pct": round(100 * (len(pages) - len(bad_labels)) / max(1, len(pages)), 1),
        "bad_labels": bad_labels,
        "chunks": len(chunks),
        "chunks_bad_labels": bad_chunks,
        "leaks": leaks,
        "tables": len(truth.get("tables", [])),
        "tables_ok": tables_ok,
        "table_errors": table_errors,
        "grids": sum(1 for c in chunks if c.grid),
        "forms": sum(1 for c in chunks if c.grid and is_blank_form({"grid": c.grid})),  # 様式: ruled, but no table
        "toc_chunks": toc_chunks,
        "missing": missing,
    }


def expected_grid(table: dict, chunks: list) -> list[list[str]]:
    """A truth table's rows as the grid should hold them: its header row first, unless the header is not printed
    (a label|value profile table whose truth names its columns 項目｜内容 though the page shows no such row)."""
    want = [[squash(c) for c in table["header"]], *[[squash(c) for c in r] for r in table["rows"]]]
    printed = any("".join(want[0]) in squash(c.text).replace("|", "") for c in chunks)
    return want if printed else [["" for _ in want[0]], *want[1:]]  # read with an empty header row


def compare_tables(tables: list[dict], chunks: list) -> list[str]:
    """Each truth table against the stored grids: one grid with exactly its cells, its caption as the
    chunk's title and its unit in the chunk. Returns what differs (empty: all right)."""
    errors = []
    for t in tables:
        want = expected_grid(t, chunks)
        found = [c for c in chunks if c.grid and [squash(x) for x in c.grid[0]] == want[0]
                 and any([squash(x) for x in r] == want[1] for r in c.grid[1:])]
        name = t["caption"] or t["header"]
        if len(found) != 1:
            errors.append(f"{name}: {len(found)} grids with its header and first row")
            continue
        c = found[0]
        got = [[squash(x) for x in r] for r in c.grid]
        if got != want:
            diff = [(i, g, w) for i, (g, w) in enumerate(zip(got, want, strict=False)) if g != w][:3]
            errors.append(f"{name}: cells differ ({len(got)} rows, want {len(want)}): {diff}")
        if t["caption"] and squash(c.unit_title) != squash(t["caption"]):
            errors.append(f"{name}: caption read as {c.unit_title!r}")
        if t.get("unit") and squash(t["unit"]) not in squash(c.text):
            errors.append(f"{name}: unit {t['unit']} not in the chunk")
    return errors


def main(folder: str) -> None:
    for truth_path in sorted(Path(folder).glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pdf = truth_path.with_name(truth["file"])
        r = score(pdf, truth)
        print(json.dumps({k: v for k, v in r.items() if k not in {"missing", "out_of_order_texts"}},
                         ensure_ascii=False))
        for m in r["table_errors"]:
            print("   TABLE:", m)
        for m in r["out_of_order_texts"][:12]:
            print("   OUT OF ORDER:", m[:80])
        for m in r["missing"][:12]:
            print("   MISSING:", m[:80])


if __name__ == "__main__":
    main(sys.argv[1])
