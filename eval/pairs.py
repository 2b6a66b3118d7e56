"""Each document beside the report, as a user would add it: a question set scored per document pair.

`make eval` scores the layout questions on one corpus of six documents that share one topic and one
fictional prefecture, so a question about the guide is often answered, word for word, by the FAQ
(the evidence then counts as missed). A user — and a hidden question set — adds one document to the
report. `python -m eval.pairs FILE [FILE …]` builds, for every `doc` a file names, a corpus of the
shipped documents plus that one generated PDF (data/eval/pairs/<doc>/, its own index), scores that
document's questions there (questions without `doc`: the shipped corpus alone), and writes one
report with the totals and a row per document. Files nothing was fitted on are scored plainly; a file
the answerability model was fitted on (`make fit` takes the held-out sets once they are no longer blind)
is decided out of fold, each question by a model fitted without its document.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from eval.harness import _answer_metrics, run, settle, trained_on
from eval.metrics import load_questions

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ("tutorial", "bm25", "dense", "ours")


def retrieval(rows: list[dict], name: str) -> dict:
    ranks = [r.get(f"{name}_rank") for r in rows if r["answerable"]]
    if not ranks or f"{name}_rank" not in rows[0]:
        return {}
    n = len(ranks)
    return {"hit@1": round(sum(r == 1 for r in ranks) / n, 4), "hit@5": round(sum(bool(r) and r <= 5 for r in ranks) / n, 4),
            "mrr@10": round(sum(1 / r for r in ranks if r and r <= 10) / n, 4), "n": n}


def generated(out: Path) -> dict[str, Path]:
    """Every generated document (the five layouts and the fresh ones), built once into out."""
    from tests.docgen import EVERY, build_all

    out.mkdir(parents=True, exist_ok=True)
    files = build_all(out, only=EVERY)
    return {name: out / name for name in files}


def pair_corpus(base: Path, doc: Path | None) -> Path:
    target = base / (doc.stem if doc else "shipped")
    corpus = target / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for f in (ROOT / "corpus").iterdir():
        if f.is_file():
            shutil.copy2(f, corpus / f.name)
    if doc:
        shutil.copy2(doc, corpus / doc.name)
    return target


def decide(rows: list[dict], trained: set[str]) -> None:
    """Decide and score every composed answer in place: questions of files the answerability model was fitted on
    out of fold (over all of them together, a document's questions in one fold: each decided by a model that never
    saw its document); the others were scored as they came (the shipped model's own verdict)."""
    from app.settings import get_settings
    from eval.fit import out_of_fold, stored_out_of_fold

    seen = [r for r in rows if r["file"] in trained]
    if seen:  # the fit's own folds where it stored them (each question by its fold's model), else refitted here
        settle(seen, [r.pop("_q") for r in seen], stored_out_of_fold(seen, model_file=get_settings().answerability_model) or out_of_fold(seen))


def main(argv: list[str] | None = None) -> int:
    from app.settings import Settings

    ap = argparse.ArgumentParser(description="score each document's questions beside the report alone")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--work", default=str(ROOT / "data" / "eval" / "pairs"))
    ap.add_argument("--md", help="write the Markdown report here")
    ap.add_argument("--json", help="write the JSON report here")
    args = ap.parse_args(argv)
    work = Path(args.work)
    docs = generated(work / "_generated")
    rows: list[dict] = []
    per_doc: dict[str, list[dict]] = {}
    trained: set[str] = set()
    for path in args.files:
        questions = load_questions(path)
        for name in sorted({q.get("doc", "") for q in questions}):
            if name and name not in docs and not (ROOT / "corpus" / name).exists():
                raise SystemExit(f"{path}: doc {name!r} is neither a generated document nor in corpus/")
            target = pair_corpus(work, docs.get(name))  # a name not generated is in the shipped corpus
            subset = target / f"{Path(path).stem}.jsonl"
            subset.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions
                                      if q.get("doc", "") == name), encoding="utf-8")
            settings = Settings(corpus_dir=target / "corpus", index_dir=target / "index")
            if trained_on(path, settings):
                trained.add(str(path))
            trained_file = str(path) in trained
            # a file nothing was fitted on is scored as `kyoju eval` scores it; a trained one is decided below
            report = run(subset, compare=True, settings=settings, progress=False, decide=not trained_file)
            for r in report["per_question"]:
                r["file"] = str(path)
            if trained_file:  # undecided rows come back with their questions (a plain report counts them instead)
                for r, q in zip(report["per_question"], report["questions"], strict=True):
                    r["_q"] = q
            per_doc[f"{Path(path).name} · {name or '(shipped corpus)'}"] = report["per_question"]
            rows += report["per_question"]
    decide(rows, trained)
    per_doc_report = {label: {c: retrieval(rs, c) for c in CONFIGS} | {"answers": _answer_metrics(rs)}
                      for label, rs in per_doc.items()}
    total = {c: retrieval(rows, c) for c in CONFIGS} | {"answers": _answer_metrics(rows)}
    scoring = "plain, each document beside the shipped corpus"
    if trained:
        scoring += (f"; for {', '.join(sorted(Path(t).name for t in trained))} (fitted on: no longer held out) the "
                    f"answer-or-abstain decision is out of fold, each question decided by a model fitted without its "
                    f"document, while retrieval, fact recall and citations come from the shipped sentence scorer, "
                    f"which was fitted on them too (in-sample)")
    out = {"files": args.files, "scoring": scoring, "trained_on": sorted(trained), "total": total,
           "per_document": per_doc_report, "per_question": rows}
    lines = [f"# {' + '.join(Path(f).name for f in args.files)}: each document beside the shipped report", "",
             f"Scoring: {scoring}.", "",
             "| document | ours hit@1 | MRR@10 | hit@5 | BM25 hit@1 | dense hit@1 | tutorial hit@1 | fact recall | "
             "abst. P/R | refused | cited relevant | n |", "|---" * 12 + "|"]
    for name, d in [*per_doc_report.items(), ("**total**", total)]:
        a, o = d["answers"], d["ours"]
        lines.append(f"| {name} | {o.get('hit@1')} | {o.get('mrr@10')} | {o.get('hit@5')} | {d['bm25'].get('hit@1')} | "
                     f"{d['dense'].get('hit@1')} | {d['tutorial'].get('hit@1')} | {a.get('fact_recall')} | "
                     f"{a.get('abstention_precision')}/{a.get('abstention_recall')} | {a.get('wrongly_abstained')} | "
                     f"{a.get('cited_relevant')} | {a.get('n')} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.md:
        Path(args.md).parent.mkdir(parents=True, exist_ok=True)
        Path(args.md).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
