"""Fit the answerability model on the question bank, honestly: out-of-fold numbers, then one final fit.

`python -m eval.fit eval/bank-report.jsonl [eval/bank-layouts.jsonl ...]` answers every bank
question once against the configured index (features and a composed draft per question), then:
- k-fold (stratified, seeded): for each fold, a logistic regression and its operating points are
  fitted on the other folds only, and the fold's questions are decided by it (out-of-fold);
- the final model is fitted on all bank questions and written to app/resources/answerability.json
  with the files it was trained on (their SHA-256), so `kyoju eval` knows to report out-of-fold
  numbers for them and plain numbers for any other file.
Nothing is fitted on eval/questions.jsonl or the held-out files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from app.answerability import FEATURES, MODEL_FILE, SIGNS, Model

ROOT = Path(__file__).resolve().parent.parent
K_FOLDS = 5
SEED = 13
TARGET_ABSTAIN_PRECISION = 0.85  # of the questions kyoju refuses, at least this share must be unanswerable
FOLDS_FILE = ROOT / "eval" / "answerability_folds.json"  # the fit's fold models, for `kyoju eval` of a training file
DIRECT_SHARE = 0.75  # at least this share of answerable training questions get a direct (not cautious) answer


def file_sha(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def matrix(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["features"].get(n, 0.0) for n in FEATURES] for r in rows], dtype=float)
    y = np.array([1 if r["answerable"] else 0 for r in rows], dtype=int)
    return x, y


def _thresholds(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Operating points on training probabilities: abstain below the largest threshold whose
    abstentions keep TARGET_ABSTAIN_PRECISION (most recall at that precision); answer directly above
    the point that keeps DIRECT_SHARE of answerable questions out of the cautious band."""
    cands = np.unique(np.concatenate([p, [0.0, 1.0]]))
    best_t, best_recall = 0.0, -1.0
    n_unans = max(int((y == 0).sum()), 1)
    for t in cands:
        refused = p < t
        if not refused.any():
            continue
        precision = float((y[refused] == 0).mean())
        recall = float((y[refused] == 0).sum()) / n_unans
        if precision >= TARGET_ABSTAIN_PRECISION and recall >= best_recall:
            best_t, best_recall = float(t), recall
    # Directly from the probability above which at least DIRECT_SHARE of the answerable training questions
    # lie: the cautious preface (「直接の記述は見当たりませんが…」) is for the doubtful band, not for most answers.
    answerable = np.sort(p[y == 1])
    answer_from = float(answerable[int(len(answerable) * (1 - DIRECT_SHARE))]) if len(answerable) else best_t
    return best_t, max(answer_from, best_t)


class MonotoneLogistic:
    """Logistic regression (L2, balanced classes, as scikit-learn's with C) whose coefficients keep the sign
    each signal is known to have (`SIGNS`): more of the question's words found never lowers the probability
    of an answer, a missing word never raises it. Unconstrained, correlated signals (three coverage scores)
    took opposite signs on the bank, and a question none of whose words the documents hold (coverage 0, far
    outside the bank) was answered: the opposing weights, extrapolated, added up to a push towards yes."""

    def __init__(self, signs: list[int], c: float = 0.3):
        self.signs, self.c = signs, c

    def fit(self, x: np.ndarray, y: np.ndarray) -> MonotoneLogistic:
        from scipy.optimize import minimize

        n, d = x.shape
        counts = np.bincount(y, minlength=2)
        w = (n / (2.0 * np.maximum(counts, 1)))[y]  # balanced class weights

        def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
            coef, b = theta[:d], theta[d]
            z = x @ coef + b
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
            ll = w * (np.logaddexp(0, z) - y * z)
            g = w * (p - y)
            return (self.c * ll.sum() + 0.5 * coef @ coef,
                    np.concatenate([self.c * (x.T @ g) + coef, [self.c * g.sum()]]))

        bounds = [(0, None) if s > 0 else (None, 0) if s < 0 else (None, None) for s in self.signs] + [(None, None)]
        res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", bounds=bounds)
        if not res.success:
            raise RuntimeError(f"the answerability fit did not converge / 学習が収束しませんでした: {res.message}")
        self.coef_, self.intercept_ = np.array([res.x[:d]]), np.array([res.x[d]])
        return self

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ self.coef_[0] + self.intercept_[0], -40, 40)))
        return np.column_stack([1 - p, p])


def _lr(x: np.ndarray, y: np.ndarray):
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    signs = [SIGNS.get(n, 0) for n in FEATURES] if x.shape[1] == len(FEATURES) else [0] * x.shape[1]
    return scaler, MonotoneLogistic(signs).fit(scaler.transform(x), y)


def _held_out_probabilities(x: np.ndarray, y: np.ndarray, k: int = K_FOLDS,
                            groups: list[str] | None = None) -> np.ndarray:
    """Each training question's probability from a model fitted without it (inner folds; without its document
    when groups are given)."""
    f = folds(y, k, groups=groups)
    p = np.zeros(len(y))
    for i in range(k):
        train, test = f != i, f == i
        if not test.any() or len(set(y[train])) < 2:
            continue
        scaler, lr = _lr(x[train], y[train])
        p[test] = lr.predict_proba(scaler.transform(x[test]))[:, 1]
    return p


def fit_model(x: np.ndarray, y: np.ndarray, meta: dict | None = None, groups: list[str] | None = None) -> Model:
    """The regression on all of x; its operating points chosen on probabilities the regression gives questions
    it was not fitted on (inner folds). On its own training probabilities the precision of abstaining looks
    better than it is, and the threshold came out too high: answerable questions on new documents were refused."""
    scaler, lr = _lr(x, y)
    p = _held_out_probabilities(x, y, groups=groups) if len(set(y)) > 1 and min(np.bincount(y)) >= K_FOLDS else \
        lr.predict_proba(scaler.transform(x))[:, 1]
    lo, hi = _thresholds(p, y)
    return Model(tuple(FEATURES), tuple(map(float, scaler.mean_)), tuple(float(s) or 1.0 for s in scaler.scale_),
                 tuple(map(float, lr.coef_[0])), float(lr.intercept_[0]), lo, hi, meta or {})


def folds(y: np.ndarray, k: int = K_FOLDS, seed: int = SEED, groups: list[str] | None = None) -> np.ndarray:
    """Stratified fold number per question (answerable and unanswerable spread evenly). With groups (the document
    each question is about), a document's questions share one fold: a model is then judged on documents it never
    saw, as on a user's new PDF — questions of one document resemble each other, and folds that split them
    flattered the model. Groups are dealt out largest first, each to the fold with fewest questions so far."""
    rng = np.random.default_rng(seed)
    if groups is not None and len(set(groups)) >= 2:  # fewer documents than folds: one fold per document
        k = min(k, len(set(groups)))
        names = sorted(set(groups))
        rng.shuffle(names)
        size = {g: 0 for g in names}
        for g in groups:
            size[g] += 1
        fold_of: dict[str, int] = {}
        load = [0] * k
        for g in sorted(names, key=lambda g: -size[g]):  # stable: ties keep the shuffled order
            fold_of[g] = int(np.argmin(load))
            load[fold_of[g]] += size[g]
        return np.array([fold_of[g] for g in groups], dtype=int)
    out = np.zeros(len(y), dtype=int)
    for label in (0, 1):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        out[idx] = np.arange(len(idx)) % k
    return out


def group_of(row: dict) -> str:
    """The unit a fold keeps whole: the generated document a question is about; a question about the shipped
    corpus (the report, or none in particular) is its own unit, as every hidden question about the report is new."""
    doc = row.get("doc") or ""
    if doc and not (ROOT / "corpus" / doc).exists():
        return f"doc:{doc}"
    # a question about the report: with its paraphrases (a bank words one question several ways, same evidence)
    evidence = "|".join(sorted(row.get("evidence") or []))
    return f"ev:{evidence}" if evidence else f"q:{row.get('file', '')}:{row.get('id', '')}"


def fold_models(rows: list[dict], k: int = K_FOLDS) -> tuple[np.ndarray, dict[int, Model]]:
    """(fold per question, the model of each fold fitted on the other folds): a document's questions share a fold."""
    x, y = matrix(rows)
    groups = [group_of(r) for r in rows]
    f = folds(y, k, groups=groups)
    models: dict[int, Model] = {}
    for i in range(k):
        train, test = f != i, f == i
        if not test.any() or len(set(y[train])) < 2:
            continue
        models[i] = fit_model(x[train], y[train], groups=[g for g, t in zip(groups, train, strict=True) if t])
    return f, models


def decide_by_folds(rows: list[dict], f: np.ndarray, models: dict[int, Model]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(outcome, probability, fold) per question, each from its own fold's model (one that never saw it)."""
    outcomes = [""] * len(rows)
    probs = np.zeros(len(rows))
    for j, (r, i) in enumerate(zip(rows, f, strict=True)):
        if int(i) in models:
            probs[j] = models[int(i)].probability(r["features"])
            outcomes[j] = models[int(i)].outcome(probs[j])
    return outcomes, probs, f


def out_of_fold(rows: list[dict], k: int = K_FOLDS) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(outcome per question, its probability, its fold), each decided by a model that never saw it, nor any
    question about its document."""
    return decide_by_folds(rows, *fold_models(rows, k))


def file_key(file: str | Path) -> str:
    """A question file's name in the folds: its path under the repository (eval/bank-report.jsonl), else its own."""
    p = Path(file).resolve()
    return p.relative_to(ROOT).as_posix() if p.is_relative_to(ROOT) else str(p)


def row_key(file: str | Path, qid: str) -> str:
    return f"{file_key(file)}:{qid}"


def folds_file_for(model_file: str | Path) -> Path:
    """Where a fit keeps its folds: eval/answerability_folds.json for the shipped model, beside any other."""
    model_file = Path(model_file)
    return FOLDS_FILE if model_file.resolve() == MODEL_FILE.resolve() else model_file.with_suffix(".folds.json")


def save_folds(rows: list[dict], f: np.ndarray, models: dict[int, Model], path: Path = FOLDS_FILE,
               model_file: str | Path = MODEL_FILE) -> None:
    """Keep the fit's fold models and each training question's fold, so `kyoju eval` scores a bank file the way
    the fit did: each question by the model fitted on the other folds of ALL training questions (a file refitted
    on its own ~200 questions abstained far worse than the shipped model, which learns from some 2,000)."""
    shas = {file_key(r["file"]): file_sha(r["file"]) for r in rows}
    data = {"model_sha": file_sha(model_file), "k_folds": len(models), "files": shas,
            "models": {str(i): m.to_json() for i, m in models.items()},
            "fold_of": {row_key(r["file"], r["id"]): int(i) for r, i in zip(rows, f, strict=True)}}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def stored_out_of_fold(rows: list[dict], path: str | Path | None = None, model_file: str | Path = MODEL_FILE,
                       folds_file: Path | None = None) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """The fit's own out-of-fold decisions for training questions (their features as composed now): each row's
    file is `path`, else its own "file". None when the stored folds are not those of the fit that wrote
    `model_file` (the model in use), or do not cover these versions of the files."""
    folds_file = folds_file or folds_file_for(model_file)
    if not folds_file.exists() or not Path(model_file).exists():
        return None
    data = json.loads(folds_file.read_text(encoding="utf-8"))
    if data.get("model_sha") != file_sha(model_file):
        return None  # another fit's folds (an experimental fit, or the model changed since)
    files = [Path(path or r["file"]) for r in rows]
    stored = data.get("files", {})
    if any(file_key(f) not in stored or not f.is_file() or stored[file_key(f)] != file_sha(f) for f in set(files)):
        return None
    fold_of = data.get("fold_of", {})
    keys = [row_key(f, r["id"]) for f, r in zip(files, rows, strict=True)]
    if not all(k in fold_of for k in keys):
        return None
    models = {int(i): Model.from_json(m) for i, m in data["models"].items()}
    return decide_by_folds(rows, np.array([fold_of[k] for k in keys], dtype=int), models)


def curve(probs: np.ndarray, y: np.ndarray) -> list[dict]:
    """Answer rate vs abstention precision/recall over thresholds (for the calibration plot)."""
    out = []
    for t in np.linspace(0, 1, 41):
        refused = probs < t
        n_ref = int(refused.sum())
        out.append({
            "threshold": round(float(t), 3),
            "answer_rate": round(float(1 - refused.mean()), 4) if len(y) else 0.0,
            "abstention_precision": round(float((y[refused] == 0).mean()), 4) if n_ref else 1.0,
            "abstention_recall": round(float((y[refused] == 0).sum() / max((y == 0).sum(), 1)), 4),
        })
    return out


def pair_settings(pairs: Path):
    """Settings per question for the document-pair corpora of eval.pairs (its doc beside the shipped
    report; no doc or the report: the shipped corpus alone)."""
    from app.settings import Settings
    from eval.pairs import generated, pair_corpus

    docs = generated(pairs / "_generated")
    cache: dict[str, Settings] = {}

    def settings_for(q: dict) -> Settings:
        name = q.get("doc", "")
        if name not in cache:
            target = pair_corpus(pairs, docs.get(name))
            cache[name] = Settings(corpus_dir=target / "corpus", index_dir=target / "index")
        return cache[name]
    return settings_for


def collect(paths: list[str], settings=None, progress: bool = True, settings_for=None) -> list[dict]:
    """Answer every question once (composed even where kyoju would abstain), keeping its features.
    `settings_for(question)` picks a corpus per question (document pairs); otherwise one corpus."""
    from tqdm import tqdm

    from app.answer import answer_question, get_retriever
    from app.settings import get_settings
    from eval.harness import ensure_index
    from eval.metrics import load_questions

    settings = settings or get_settings()
    ready: set[str] = set()
    rows = []
    for path in paths:
        for q in tqdm(load_questions(path), desc=f"features {Path(path).name}", disable=not progress):
            s = settings_for(q) if settings_for else settings
            if settings_for and str(s.index_dir) not in ready:
                ensure_index(s, progress=False)
                ready.add(str(s.index_dir))
            ans = answer_question(q["question"], history=q["history"] or None, settings=s, retriever=get_retriever(s),
                                  force_compose=True)
            rows.append({"id": q["id"], "file": str(path), "doc": q.get("doc", ""), "evidence": q.get("evidence", []),
                         "answerable": q["answerable"],
                         "features": ans.features,
                         "probability": ans.probability})
    return rows


def rows_context(pairs: str | None) -> str:
    """What cached feature rows depend on besides the question file: the corpus mode, the retrieval
    settings, the index build, the feature names and the code that computes them (app/, ingest/ and the
    document generator). Rows collected under another context are stale."""
    from app.answer import get_retriever
    from app.settings import get_settings

    s = get_settings()
    build = "pairs" if pairs else get_retriever(s).build_id
    root = Path(__file__).resolve().parent.parent
    code = hashlib.sha256()
    for f in sorted([*root.glob("app/*.py"), *root.glob("ingest/*.py"), *root.glob("ingest/resources/*"),
                     *root.glob("app/resources/*.toml"), *root.glob("tests/docgen/*.py"), *root.glob("eval/*.py")]):
        code.update(f.read_bytes())  # the features' code, the index's schema, the generated documents, the scoring
    parts = [f"pairs={pairs or ''}", f"build={build}", f"fusion={s.fusion}", f"dense_weight={s.dense_weight}",
             f"rrf_k={s.rrf_k}", f"forms={s.blank_form_penalty}", f"candidates={s.dense_candidates},{s.lexical_candidates}",
             "features=" + ",".join(FEATURES), f"code={code.hexdigest()}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fit the answerability model on the question bank")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", default=str(MODEL_FILE))
    ap.add_argument("--rows", help="reuse (if it exists) or write the collected features here")
    ap.add_argument("--pairs", help="collect each question with its document beside the shipped report alone "
                                    "(eval.pairs corpora under this folder) instead of the configured corpus")
    args = ap.parse_args(argv)
    cached = json.loads(Path(args.rows).read_text(encoding="utf-8")) if args.rows and Path(args.rows).exists() else []
    context = rows_context(args.pairs)
    have = ({r["file"] for r in cached if r.get("sha") == file_sha(r["file"]) and r.get("context") == context}
            if cached else set())
    rows = [r for r in cached if r["file"] in have and r["file"] in set(map(str, args.files))]
    todo = [f for f in args.files if str(f) not in have]
    settings_for = pair_settings(Path(args.pairs)) if args.pairs else None
    for r in (new := collect(todo, settings_for=settings_for)) if todo else []:
        r["sha"], r["context"] = file_sha(r["file"]), context
    rows += new if todo else []
    if args.rows:  # a file's rows are reused until the file, the retrieval settings, the index or the features change
        Path(args.rows).parent.mkdir(parents=True, exist_ok=True)
        keep = [r for r in cached if r["file"] not in set(map(str, todo))] + (new if todo else [])
        Path(args.rows).write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
    x, y = matrix(rows)
    f, models = fold_models(rows)
    outcomes, probs, _ = decide_by_folds(rows, f, models)
    refused = np.array([o == "abstain" for o in outcomes])
    oof = {
        "abstention_precision": round(float((y[refused] == 0).mean()), 4) if refused.any() else 1.0,
        "abstention_recall": round(float((y[refused] == 0).sum() / max((y == 0).sum(), 1)), 4),
        "answerable_refused": int((refused & (y == 1)).sum()),
        "cautious": int(sum(o == "cautious" for o in outcomes)),
    }
    meta = {
        "fitted": True, "trained_on": {Path(p).name: file_sha(p) for p in args.files}, "n": len(rows),
        "answerable": int(y.sum()), "k_folds": K_FOLDS, "seed": SEED, "out_of_fold": oof,
        "target_abstention_precision": TARGET_ABSTAIN_PRECISION,
    }
    model = fit_model(x, y, meta, groups=[group_of(r) for r in rows])
    Path(args.out).write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    save_folds(rows, f, models, folds_file_for(args.out), args.out)
    print(json.dumps({"out_of_fold": oof, "abstain_below": model.abstain_below, "answer_from": model.answer_from,
                      "coef": dict(zip(FEATURES, (round(c, 3) for c in model.coef), strict=True))}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
