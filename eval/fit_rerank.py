"""Fit the reranker (app/rerank.py) on the training banks and the held-out sets no longer blind; report
out-of-fold numbers.

`python -m eval.fit_rerank eval/bank-report.jsonl eval/bank-layouts.jsonl [SEEN …] --pairs data/eval/pairs [--md OUT]`
(`make fit`): each question is asked of its document beside the shipped report (without --pairs: of the configured
corpus). The sets that are no longer blind add some 1,600 questions about 60 more documents to the banks' 245 (the
model fitted on the banks alone ranked them as well: more questions judge the weights, they did not move the
order). Each answerable question's top fused candidates (the product's own search,
reranker off) are read once with their features and whether they hold the question's evidence; a logistic
regression on standardised features is fitted on k-1 folds and scores the k-th (folds grouped by document: a
generated document's questions share a fold, as do paraphrases of one question about the report). The out-of-fold
rows beside the fused order are the honest estimate; the model fitted on all folds is written to
app/resources/rerank_model.json. The newest blind set (`BLIND` in the Makefile) is never passed here.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from app.query import analyze
from app.rerank import FEATURES, MODEL_FILE, RerankModel, features, load_model
from app.retrieve import Retriever
from app.settings import get_settings
from eval.fit import file_sha
from eval.metrics import is_relevant, load_questions

C = 1.0  # the regression's default regularisation; the features are few and standardised


def collect(paths: list[str], settings_for=None) -> list[dict]:
    """Per answerable question: its candidates' features and relevance, and its answer key (for folds: a
    generated document's questions share one, paraphrases of one question about the report another).
    `settings_for(question)` picks a corpus per question (document pairs), otherwise the configured one."""
    from app.answer import get_retriever
    from eval.fit import group_of
    from eval.harness import ensure_index

    settings = get_settings()
    r = None
    if not settings_for:  # one corpus: the configured one (with document pairs, each pair's own index is made below)
        ensure_index(settings, progress=False)
        r = Retriever(settings)
    corpora: dict[str, Retriever] = {}
    rows = []
    for path in paths:
        for q in load_questions(path):
            if not q["answerable"]:
                continue
            if settings_for:
                s = settings_for(q)
                if str(s.index_dir) not in corpora:
                    ensure_index(s, progress=False)
                    corpora[str(s.index_dir)] = get_retriever(s)
                r = corpora[str(s.index_dir)]
            qa = analyze(q["question"], q["history"], names=r.names)
            hits = r.search(qa, k=settings.rerank_depth, rerank=False)
            if not hits:
                continue
            x = [[features(qa, r, h, h.standing)[n] for n in FEATURES] for h in hits]
            y = [is_relevant(h.text, q["evidence"]) for h in hits]
            doc = group_of({"doc": q.get("doc", "")})
            rows.append({"id": f"{path}:{q['id']}", "key": doc if doc.startswith("doc:") else "|".join(sorted(q["evidence"])),
                         "x": x, "y": y})
    return rows


def fit(rows: list[dict]) -> RerankModel:
    x = np.array([v for r in rows for v in r["x"]], dtype=float)
    y = np.array([v for r in rows for v in r["y"]], dtype=int)
    scaler = StandardScaler().fit(x)
    lr = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(x), y)
    return RerankModel(FEATURES, tuple(float(v) for v in scaler.mean_), tuple(float(v) or 1.0 for v in scaler.scale_),
                       tuple(float(v) for v in lr.coef_[0]))


def first_rank(row: dict, model: RerankModel | None) -> int | None:
    n = len(row["y"])
    if model is None:
        order = list(range(n))
    else:
        s = [model.score(dict(zip(FEATURES, v, strict=True))) for v in row["x"]]
        order = sorted(range(n), key=lambda i: (-s[i], i))
    return next((k + 1 for k, i in enumerate(order[:10]) if row["y"][i]), None)


def metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {"hit@1": round(sum(r == 1 for r in ranks) / n, 4), "mrr@10": round(sum(1 / r for r in ranks if r) / n, 4),
            "hit@5": round(sum(bool(r) and r <= 5 for r in ranks) / n, 4), "n": len(ranks)}


def out_of_fold(rows: list[dict], k: int = 5, seed: int = 13) -> list[int | None]:
    keys = sorted({r["key"] for r in rows})
    random.Random(seed).shuffle(keys)
    fold = {key: i % k for i, key in enumerate(keys)}
    ranks: dict[str, int | None] = {}
    for f in range(k):
        model = fit([r for r in rows if fold[r["key"]] != f])
        for r in rows:
            if fold[r["key"]] == f:
                ranks[r["id"]] = first_rank(r, model)
    return [ranks[r["id"]] for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fit the reranker on the banks (out-of-fold numbers first)")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--md", help="write the out-of-fold table here")
    ap.add_argument("--out", default=str(MODEL_FILE))
    ap.add_argument("--pairs", help="ask each question of its document beside the shipped report alone (eval.pairs "
                                    "corpora under this folder) instead of the configured corpus")
    ap.add_argument("--rows", help="keep the collected candidates here (JSON) and read them back while the files, "
                                   "the features and the code are the same, to try another fit without searching again")
    args = ap.parse_args(argv)
    from eval.fit import pair_settings, rows_context

    shas = {Path(f).name: file_sha(f) for f in args.files}
    key = {"files": shas, "features": list(FEATURES), "context": rows_context(args.pairs)}
    cached = Path(args.rows) if args.rows else None
    saved = json.loads(cached.read_text(encoding="utf-8")) if cached and cached.exists() else {}
    if {k: saved.get(k) for k in key} == key:
        rows = saved["rows"]
    else:
        rows = collect(args.files, pair_settings(Path(args.pairs)) if args.pairs else None)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps({**key, "rows": rows}), encoding="utf-8")
    fused = metrics([first_rank(r, None) for r in rows])
    shipped = load_model(str(args.out)) if Path(args.out).exists() else None
    before = metrics([first_rank(r, shipped) for r in rows]) if shipped and shipped.names == FEATURES else None
    oof = metrics(out_of_fold(rows))
    model = fit(rows)
    model = RerankModel(model.names, model.mean, model.scale, model.coef, {
        "trained_on": shas, "questions": len(rows), "k_folds": 5,
        "out_of_fold": oof, "fused_order": fused,
        "folds": "grouped by document (a generated document's questions share a fold) and by evidence (paraphrases "
                 "of one question about the report share a fold)"})
    Path(args.out).write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = [f"# Reranker: fused order vs reranked, out of fold ({', '.join(Path(f).name for f in args.files)})", "",
             "| order | hit@1 | MRR@10 | hit@5 | n |", "|---|---|---|---|---|",
             f"| fused | {fused['hit@1']} | {fused['mrr@10']} | {fused['hit@5']} | {fused['n']} |",
             f"| reranked (out of fold) | {oof['hit@1']} | {oof['mrr@10']} | {oof['hit@5']} | {oof['n']} |",
             *([f"| the model this fit replaces (saw some of these questions) | {before['hit@1']} | {before['mrr@10']} | "
                f"{before['hit@5']} | {before['n']} |"] if before else []), "",
             "Weights (standardised features): " + ", ".join(f"{n} {c:+.3f}" for n, c in zip(FEATURES, model.coef,
                                                                                            strict=True))]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.md:
        Path(args.md).parent.mkdir(parents=True, exist_ok=True)  # eval/reports/ is not in a fresh clone
        Path(args.md).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
