"""Fit the composer's sentence scorer on the question banks, honestly: out-of-fold numbers first.

`python -m eval.fit_sentences eval/bank-report.jsonl eval/bank-layouts.jsonl …` retrieves once for
every answerable bank question, lists the candidate sentences of its top passages with their features
(app.sentence_rank.candidates) and labels a sentence relevant when it states one of the question's
facts (or holds its evidence). Then:
- k-fold by question (seeded): on the other folds a listwise (softmax) model is fitted, and the share of
  sentences kept (keep_ratio) is chosen so that no more sentences are shown on average than the hand
  weights show; the fold's questions are composed with that model (pick_sentences) and scored by the
  share of their facts the chosen sentences state — beside the same score for the hand weights;
- the final model, fitted on all questions, goes to app/resources/sentence_model.json with the files
  it was trained on. Nothing is fitted on eval/questions.jsonl or the held-out files.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.sentence_rank import FEATURES, MODEL_FILE, SentenceModel, hand_model
from eval.fit import SEED, file_sha

K_FOLDS = 5
LAMBDA = 1.0  # L2 penalty of the listwise fit (0.3–10 gave the same out-of-fold share within 0.01)
RATIOS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)  # softmax probability of a kept sentence / the best's


@dataclass
class Item:
    qid: str
    query: object  # app.query.Query
    hits: list
    facts: list[list[str]]
    evidence: list[str]
    already_said: str
    x: np.ndarray
    y: np.ndarray
    retriever: object = None  # the corpus it was asked of (document pairs: its document beside the report)
    doc: str = ""
    cands: list | None = None  # app.sentence_rank.candidates, listed once: each compose pass only rescores them


def _flat(text: str) -> str:
    from ingest.clean import normalize, squash

    return squash(normalize(text))


def _relevant(sentence: str, facts: list[list[str]], evidence: list[str]) -> bool:
    s = _flat(sentence)
    return any(_flat(a) and _flat(a) in s for alts in facts for a in alts) or \
        any(len(_flat(e)) >= 6 and _flat(e) in s for e in evidence)


def collect(paths: list[str], settings=None, progress: bool = True, settings_for=None) -> tuple[list[Item], object]:
    """Every answerable question's candidate sentences; `settings_for(question)` picks a corpus per question
    (document pairs), otherwise one corpus."""
    from tqdm import tqdm

    from app.answer import _previous_answer, get_retriever
    from app.query import analyze
    from app.sentence_rank import candidates
    from app.settings import get_settings
    from eval.harness import ensure_index
    from eval.metrics import load_questions

    settings = settings or get_settings()
    retriever = None
    if not settings_for:  # one corpus: the configured one (with document pairs, each pair's own index is made below)
        ensure_index(settings, progress=False)
        retriever = get_retriever(settings)
    ready: set[str] = set()
    items = []
    for path in paths:
        for q in tqdm(load_questions(path), desc=f"sentences {Path(path).name}", disable=not progress):
            if not q["answerable"] or not q.get("facts"):
                continue
            history = q["history"] or None
            if settings_for:
                s = settings_for(q)
                if str(s.index_dir) not in ready:
                    ensure_index(s, progress=False)
                    ready.add(str(s.index_dir))
                retriever = get_retriever(s)
            query = analyze(q["question"], history, names=retriever.names)
            hits = retriever.search(query, k=settings.top_k)
            said = _previous_answer(history) if query.follow_up else ""
            cands = candidates(query, hits, retriever, said)
            if not cands:
                continue
            x = np.array([[c.features.get(n, 0.0) for n in FEATURES] for c in cands], dtype=float)
            y = np.array([int(_relevant(c.text, q["facts"], q.get("evidence", []))) for c in cands])
            items.append(Item(q["id"], query, hits, q["facts"], q.get("evidence", []), said, x, y, retriever,
                              q.get("doc", ""), cands))
    return items, retriever


def fact_share(item: Item, picked: list) -> float:
    text = _flat(" ".join(s for _h, s, _sc in picked))
    return sum(any(_flat(a) in text for a in alts) for alts in item.facts) / len(item.facts)


def compose_scores(items: list[Item], retriever, model: SentenceModel) -> tuple[float, float]:
    """(mean fact share, mean sentences shown) of pick_sentences with this model."""
    from app.compose import pick_sentences

    shares, shown = [], []
    for it in items:
        picked = pick_sentences(it.query, it.hits, it.retriever or retriever, already_said=it.already_said, model=model,
                                cands=it.cands)
        shares.append(fact_share(it, picked))
        shown.append(len(picked))
    return float(np.mean(shares)) if shares else 0.0, float(np.mean(shown)) if shown else 0.0


def listwise_weights(items: list[Item], lam: float = LAMBDA) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, scale, weights) of a conditional logit: per question, a softmax over its candidate
    sentences, trained to put the probability on the relevant ones. A ranking objective fits the
    composer's use (the best sentences of one question) better than a pointwise classifier (tried:
    out-of-fold fact share 0.692 pointwise against 0.726 listwise, hand weights 0.698)."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    x_all = np.vstack([it.x for it in items])
    mu, sd = x_all.mean(0), x_all.std(0)
    sd[sd == 0] = 1.0
    data = [((it.x - mu) / sd, it.y.astype(bool)) for it in items if it.y.any() and not it.y.all()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for x, y in data:
            z = x @ w
            lz, lr = logsumexp(z), logsumexp(z[y])
            total += lz - lr
            p = np.exp(z - lz)
            pr = np.zeros_like(z)
            pr[y] = np.exp(z[y] - lr)
            grad += x.T @ (p - pr)
        return total + lam * float(w @ w), grad + 2 * lam * w

    w = minimize(loss, np.zeros(x_all.shape[1]), jac=True, method="L-BFGS-B").x
    return mu, sd, w


def fit_model(items: list[Item], retriever, meta: dict | None = None) -> SentenceModel:
    mu, sd, w = listwise_weights(items)
    # keep_ratio: the most facts without showing more sentences, on average, than the hand weights do
    _, hand_shown = compose_scores(items, retriever, hand_model())
    best, best_share = None, -1.0
    for ratio in RATIOS:
        m = SentenceModel(FEATURES, tuple(map(float, mu)), tuple(map(float, sd)), tuple(map(float, w)), 0.0, ratio,
                          "softmax", meta or {})
        share, shown = compose_scores(items, retriever, m)
        if shown <= hand_shown + 1e-9 and share > best_share:
            best, best_share = m, share
    assert best is not None or not RATIOS
    return best or hand_model()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fit the composer's sentence scorer on the question banks")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", default=str(MODEL_FILE))
    ap.add_argument("--pairs", help="ask each question of its document beside the shipped report alone (eval.pairs "
                                    "corpora under this folder) instead of the configured corpus")
    args = ap.parse_args(argv)
    from eval.fit import group_of, pair_settings

    items, retriever = collect(args.files, settings_for=pair_settings(Path(args.pairs)) if args.pairs else None)
    rng = np.random.default_rng(SEED)
    # folds by answer, not by question: a bank words one question several ways (formal, colloquial,
    # English) with the same facts; they must fall in the same fold or the test fold is seen in training
    # — and by document: the questions of one generated document share a fold, as a user's new PDF is unseen
    keys = [group_of({"doc": it.doc}) if group_of({"doc": it.doc}).startswith("doc:")
            else json.dumps([it.facts, it.evidence], ensure_ascii=False) for it in items]
    groups = list(dict.fromkeys(keys))
    group_fold = {g: f for g, f in zip(groups, rng.permutation(len(groups)) % K_FOLDS, strict=True)}
    fold = np.array([group_fold[k] for k in keys])
    oof_fit, oof_hand = [], []
    for k in range(K_FOLDS):
        train = [it for it, f in zip(items, fold, strict=True) if f != k]
        test = [it for it, f in zip(items, fold, strict=True) if f == k]
        model = fit_model(train, retriever)
        oof_fit.append(compose_scores(test, retriever, model))
        oof_hand.append(compose_scores(test, retriever, hand_model()))
    w = np.bincount(fold, minlength=K_FOLDS)

    def avg(rows: list[tuple[float, float]], i: int) -> float:
        return round(float(np.average([r[i] for r in rows], weights=w)), 4)

    oof = {"fitted": {"fact_share": avg(oof_fit, 0), "sentences_shown": avg(oof_fit, 1)},
           "hand_weights": {"fact_share": avg(oof_hand, 0), "sentences_shown": avg(oof_hand, 1)},
           "questions": len(items), "answer_groups": len(groups), "k_folds": K_FOLDS, "seed": SEED,
           "folds": "grouped by document (a generated document's questions share a fold) and by facts and evidence "
                    "(paraphrases of one question about the report share a fold)"}
    meta = {"fitted": True, "trained_on": {Path(p).name: file_sha(p) for p in args.files}, "out_of_fold": oof}
    model = fit_model(items, retriever, meta)
    Path(args.out).write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"out_of_fold": oof, "keep_ratio": model.keep_ratio,
                      "coef": dict(zip(FEATURES, (round(c, 3) for c in model.coef), strict=True))},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
