"""Fit the retriever's fusion weight (`dense_weight`) on the training banks; report out-of-fold numbers.

`python -m eval.fit_fusion eval/bank-report.jsonl eval/bank-layouts.jsonl [--md OUT]` on the evaluation
corpus (`KYOJU_CORPUS_DIR=data/eval/corpus KYOJU_INDEX_DIR=data/eval/index`). Each answerable question's
dense and lexical candidates are collected once with the product's own searches; then every weight of a
grid is scored offline (z-score fusion, `app.retrieve.zscore`), beside RRF. The weight chosen on all
banks is what `Settings.dense_weight` should say; the out-of-fold row (weight chosen on k-1 folds, scored
on the k-th) is the honest estimate. Held-out files are never passed here.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from app.query import analyze
from app.retrieve import Retriever, demote, rrf, zscore
from app.settings import get_settings
from eval.metrics import is_relevant, load_questions

GRID = tuple(round(0.05 * i, 2) for i in range(21))


def collect(paths: list[str]) -> list[dict]:
    """Per answerable question: its dense and lexical candidate scores and the relevant chunk indices."""
    settings = get_settings()
    r = Retriever(settings)
    r.refresh(max_age_s=0)
    snap = r.snapshot
    rows = []
    for path in paths:
        for q in load_questions(path):
            if not q["answerable"]:
                continue
            qa = analyze(q["question"], q["history"], names=r.names)
            dense = r.dense_search(snap, qa.dense_text, settings.dense_candidates, {})
            lexical = r.lexical_search(snap, qa, settings.lexical_candidates, {})
            rel = {i for i in set(dense) | set(lexical) if is_relevant(snap.chunks[i]["text"], q["evidence"])}
            rows.append({"file": Path(path).name, "id": q["id"], "answer_key": "|".join(sorted(q["evidence"])),
                         "depth": min(settings.lexical_candidates, len(snap.chunks)),
                         "dense": dense, "lexical": lexical, "rel": rel, "forms": snap.blank_forms})
    return rows


def first_rank(row: dict, fused: dict[int, float]) -> int | None:
    order = sorted(fused, key=lambda i: (-fused[i], i))[:10]
    return next((k + 1 for k, i in enumerate(order) if i in row["rel"]), None)


def fused_for(row: dict, method: str, weight: float, penalty: float) -> dict[int, float]:
    if method == "rrf":
        rd = sorted(row["dense"], key=lambda i: -row["dense"][i])
        rl = sorted(row["lexical"], key=lambda i: -row["lexical"][i])
        fused = rrf([rd, rl], get_settings().rrf_k)
    else:
        fused = zscore(row["dense"], row["lexical"], weight, row.get("depth", 0))
    return demote(fused, row["forms"], penalty)


def scores(rows: list[dict], method: str, weight: float, penalty: float) -> dict[str, float]:
    ranks = [first_rank(r, fused_for(r, method, weight, penalty)) for r in rows]
    n = len(ranks) or 1
    return {"hit@1": sum(x == 1 for x in ranks) / n, "mrr@10": sum(1 / x for x in ranks if x) / n,
            "hit@5": sum(bool(x) and x <= 5 for x in ranks) / n, "n": len(ranks)}


def best_weight(rows: list[dict], penalty: float) -> float:
    """The grid weight with the best MRR@10 (ties: the one nearer the middle of the tied run)."""
    res = [(round(scores(rows, "zscore", w, penalty)["mrr@10"], 4), w) for w in GRID]
    top = max(m for m, _ in res)
    tied = [w for m, w in res if m == top]
    return tied[len(tied) // 2]


def out_of_fold(rows: list[dict], penalty: float, k: int = 5, seed: int = 13) -> tuple[dict[str, float], list[float]]:
    """Weights chosen on k-1 folds, each fold scored with its own; folds grouped by answer (paraphrases of
    one question share a fold)."""
    keys = sorted({r["answer_key"] for r in rows})
    random.Random(seed).shuffle(keys)
    fold = {key: i % k for i, key in enumerate(keys)}
    ranks: list[int | None] = []
    chosen = []
    for f in range(k):
        train = [r for r in rows if fold[r["answer_key"]] != f]
        test = [r for r in rows if fold[r["answer_key"]] == f]
        w = best_weight(train, penalty)
        chosen.append(w)
        ranks += [first_rank(r, fused_for(r, "zscore", w, penalty)) for r in test]
    n = len(ranks) or 1
    return ({"hit@1": sum(x == 1 for x in ranks) / n, "mrr@10": sum(1 / x for x in ranks if x) / n,
             "hit@5": sum(bool(x) and x <= 5 for x in ranks) / n, "n": len(ranks)}, chosen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fit the fusion weight on training banks (out-of-fold numbers)")
    ap.add_argument("banks", nargs="+")
    ap.add_argument("--md", help="write the grid and the out-of-fold row here (Markdown)")
    args = ap.parse_args(argv)
    penalty = get_settings().blank_form_penalty
    rows = collect(args.banks)
    lines = [f"# Fusion weight on {', '.join(Path(b).name for b in args.banks)} ({len(rows)} answerable questions)", "",
             "| fusion | dense weight | hit@1 | MRR@10 | hit@5 |", "|---|---|---|---|---|"]
    base = scores(rows, "rrf", 0.0, penalty)
    lines.append(f"| rrf (k=60) | – | {base['hit@1']:.3f} | {base['mrr@10']:.3f} | {base['hit@5']:.3f} |")
    for w in GRID:
        s = scores(rows, "zscore", w, penalty)
        lines.append(f"| zscore | {w:.2f} | {s['hit@1']:.3f} | {s['mrr@10']:.3f} | {s['hit@5']:.3f} |")
    oof, chosen = out_of_fold(rows, penalty)
    best = best_weight(rows, penalty)
    lines += ["", f"Out-of-fold (weights chosen per fold: {chosen}): hit@1 {oof['hit@1']:.3f}, "
              f"MRR@10 {oof['mrr@10']:.3f}, hit@5 {oof['hit@5']:.3f}.", "",
              f"Chosen on all banks: dense_weight = {best:.2f} (Settings.dense_weight, KYOJU_DENSE_WEIGHT)."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.md:
        Path(args.md).parent.mkdir(parents=True, exist_ok=True)  # eval/reports/ is not in a fresh clone
        Path(args.md).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
