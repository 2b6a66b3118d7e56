"""`kyoju eval FILE`: retrieval and answer metrics for any question set, side by side with baselines.

Configurations (same process, same questions):
  tutorial  LangChain docs RAG: PyPDFLoader, RecursiveCharacterTextSplitter(1000, 200), Chroma, same e5
  bm25      our chunks, Sudachi BM25 only
  dense     our chunks, e5 dense only
  ours      hybrid fusion (the product)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from .metrics import (
    QuestionFileError,
    fact_recall,
    first_relevant_rank,
    hit_at,
    hit_within_chars,
    load_questions,
    percentile,
    precision_recall,
    reciprocal_rank,
)

RETRIEVAL_KEYS = ("hit@1", "hit@3", "hit@5", "mrr@10", "hit@1200ch")


def _retrieval_row(passages: list[str], evidence: list[str]) -> dict:
    rank = first_relevant_rank(passages[:10], evidence)
    return {
        "rank": rank,
        "hit@1": hit_at(rank, 1),
        "hit@3": hit_at(rank, 3),
        "hit@5": hit_at(rank, 5),
        "mrr@10": reciprocal_rank(rank, 10),
        "hit@1200ch": hit_within_chars(passages, evidence, 1200),
    }


def _mean(rows: list[dict], key: str) -> float:
    vals = [r[key] for r in rows if key in r]
    return round(sum(vals) / len(vals), 4) if vals else 0.0


class TutorialBaseline:
    """What a user following LangChain's RAG tutorial would build, on the same e5 model."""

    def __init__(self, corpus_dir: Path, model_path: str):
        from langchain_chroma import Chroma
        from langchain_community.document_loaders import PyPDFLoader
        from langchain_huggingface import HuggingFaceEmbeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        docs = []
        for pdf in sorted(corpus_dir.rglob("*.pdf")):
            try:
                docs.extend(PyPDFLoader(str(pdf)).load())
            except Exception:
                continue
        splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
        emb = HuggingFaceEmbeddings(
            model_name=model_path,
            encode_kwargs={"prompt_name": "passage", "normalize_embeddings": True},
            query_encode_kwargs={"prompt_name": "query", "normalize_embeddings": True},
        )
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self._tmp = tempfile.TemporaryDirectory()
        client = chromadb.PersistentClient(self._tmp.name, settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(collection_name="tutorial", embedding_function=emb, client=client)
        self.store.add_documents(splits)

    def search(self, question: str, k: int) -> list[str]:
        return [d.page_content for d in self.store.similarity_search(question, k=k)]


def ensure_index(settings, progress: bool = True) -> None:
    """The index must match the corpus the settings name (a new corpus folder or index folder for a
    hidden question set): ingest what changed; a no-op when nothing did."""
    from ingest.pipeline import run_ingest

    rep = run_ingest(settings.corpus_dir, settings.store_config, settings.embedding_model, settings.chunk_min_chars,
                     settings.chunk_max_chars, show_progress=progress)
    for f in rep.failures:
        print(f"  ✗ {Path(f.path).name}: {f.en} / {f.ja}", file=sys.stderr)


def trained_on(path: str | Path, settings) -> bool:
    """Is this file one the answerability model was fitted on? Then only out-of-fold numbers are honest."""
    from app.answerability import load_model
    from eval.fit import file_sha

    meta = load_model(str(settings.answerability_model)).meta or {}
    return file_sha(path) in set((meta.get("trained_on") or {}).values())


def run(path: str | Path, compare: bool = False, answers: bool = True, settings=None, progress: bool = True,
        mode: str = "extractive", ingest: bool = True, decide: bool = True) -> dict:
    """Score one question file. decide=False (eval.pairs, which decides across files): every answer is composed,
    and the rows come back undecided and unscored, to be settled by `settle`."""
    from tqdm import tqdm

    from app.answer import get_retriever
    from app.chain import make_chain
    from app.query import standalone_question
    from app.settings import get_settings

    settings = settings or get_settings()
    questions = load_questions(path)
    if ingest:
        ensure_index(settings, progress)
    retriever = get_retriever(settings)
    chain = make_chain(settings, mode)
    configs: dict[str, callable] = {
        "ours": lambda q: [h.text for h in retriever.search(q["question"], k=10, history=q["history"])],
    }
    if compare:
        tut = TutorialBaseline(settings.corpus_dir, settings.embedding_model)
        configs = {
            "tutorial": lambda q: tut.search(standalone_question(q["question"], q["history"]), 10),
            "bm25": lambda q: [h.text for h in retriever.search(q["question"], k=10, history=q["history"], mode="lexical")],
            "dense": lambda q: [h.text for h in retriever.search(q["question"], k=10, history=q["history"], mode="dense")],
            **configs,
        }
    # warm the model so latency is measured with models loaded
    retriever.search("ウォームアップ", k=1)
    oof = answers and trained_on(path, settings)
    compose_all = oof or not decide

    per_question: list[dict] = []
    per_config: dict[str, list[dict]] = defaultdict(list)
    latencies: list[float] = []
    for q in tqdm(questions, desc="questions / 質問", disable=not progress):
        row = {"id": q["id"], "category": q["category"], "question": q["question"], "answerable": q["answerable"],
               "doc": q.get("doc", ""), "evidence": q.get("evidence", [])}
        for name, fn in configs.items():
            passages = fn(q)
            if q["answerable"]:
                r = _retrieval_row(passages, q["evidence"])
                per_config[name].append(r | {"category": q["category"], "doc": q.get("doc", "")})
                row[f"{name}_rank"] = r["rank"]
            if name == "ours":
                row["top_passages"] = [p[:120] for p in passages[:3]]
        if answers:
            t = time.perf_counter()
            ans = chain.answer({"question": q["question"], "history": q["history"] or None}, force_compose=compose_all)
            latencies.append((time.perf_counter() - t) * 1000)
            row |= {
                "answer": ans.answer, "abstained": ans.abstained, "outcome": ans.outcome,
                "probability": round(ans.probability, 4), "support": round(ans.probability, 4),
                "features": ans.features, "cite_texts": [c.text for c in ans.citations],
                "citations": [c.label for c in ans.citations],
                "llm_status": getattr(ans, "llm_status", ""), "grounding_drops": len(getattr(ans, "grounding_drops", []) or []),
                "invalid_citations": len(ans.invalid_citations), "timings_ms": ans.timings_ms,
            }
        else:
            t = time.perf_counter()
            retriever.search(q["question"], k=settings.top_k, history=q["history"])
            latencies.append((time.perf_counter() - t) * 1000)
        per_question.append(row)

    if not decide:
        return {"file": str(path), "per_question": per_question, "questions": questions}
    scoring = "plain"
    if answers and oof:  # decide each question by a model fitted without its fold (and its document)
        from eval.fit import K_FOLDS, out_of_fold, stored_out_of_fold

        stored = stored_out_of_fold(per_question, path, settings.answerability_model)
        settle(per_question, questions, stored or out_of_fold(per_question))
        scoring = (f"out-of-fold ({K_FOLDS}-fold over all training questions of `make fit`: each question decided by "
                   "the fit's model of the other folds, a document's questions in one fold)" if stored else
                   f"out-of-fold ({K_FOLDS}-fold over this file alone: each question decided by a model fitted on the "
                   "other folds, a document's questions in one fold; `make fit` stored no folds for this version)")
    elif answers:
        settle(per_question, questions)

    def summarize(rows: list[dict]) -> dict:
        return {k: _mean(rows, k) for k in RETRIEVAL_KEYS} | {"n": len(rows)}

    report: dict = {
        "file": str(path),
        "scoring": scoring,
        "mode": mode,
        "questions": len(questions),
        "configs": {name: summarize(rows) for name, rows in per_config.items()},
    }
    report["retrieval"] = report["configs"].get("ours", summarize([]))
    report["per_category"] = {}
    for cat in sorted({q["category"] for q in questions}):
        rows = [r for r in per_config["ours"] if r["category"] == cat]
        entry = {"retrieval": summarize(rows) if rows else None}
        if answers:
            entry["answers"] = _answer_metrics([r for r in per_question if r["category"] == cat])
        report["per_category"][cat] = entry
    docs = sorted({q.get("doc", "") for q in questions} - {""})
    report["per_document"] = {}
    for d in docs:
        entry = {name: summarize([r for r in rows if r["doc"] == d]) for name, rows in per_config.items()}
        if answers:
            entry["answers"] = _answer_metrics([r for r in per_question if r["doc"] == d])
        report["per_document"][d] = entry
    report["answers"] = _answer_metrics(per_question) if answers else {}
    if answers:
        import numpy as np

        from eval.fit import curve

        report["calibration"] = curve(np.array([r["probability"] for r in per_question]),
                                      np.array([1 if r["answerable"] else 0 for r in per_question]))
        status = [r.get("llm_status") for r in per_question if r.get("llm_status")]
        if status:
            report["llm"] = {s: status.count(s) for s in sorted(set(status))} | {
                "grounding_drops": sum(r.get("grounding_drops", 0) for r in per_question),
                "invalid_citations": sum(r.get("invalid_citations", 0) for r in per_question),
                "first_token_ms_p50": round(percentile([r["timings_ms"].get("llm_first_token", 0) for r in per_question
                                                        if r["timings_ms"].get("llm_first_token")], 50), 1),
                "llm_ms_p50": round(percentile([r["timings_ms"].get("llm", 0) for r in per_question
                                                if r["timings_ms"].get("llm")], 50), 1),
            }
    report["latency_ms"] = {"p50": round(percentile(latencies, 50), 1), "p95": round(percentile(latencies, 95), 1),
                            "what": "answer" if answers else "search"}
    report["per_question"] = per_question
    report["failures"] = [
        r for r in per_question
        if (r["answerable"] and (r.get("ours_rank") != 1 or (answers and (r.get("abstained") or (r.get("fact_recall") or 0) < 1))))
        or (not r["answerable"] and answers and not r.get("abstained"))
    ]
    return report


def settle(per_question: list[dict], questions: list[dict], decisions: tuple | None = None) -> None:
    """Score the answers in place; with decisions (outcome, probability and fold per row, from models that never
    saw the row's fold) first re-decide each composed answer: abstain, cautious or direct."""
    from app.answer_types import ABSTAIN_TEXT, CAUTIOUS_TEXT

    if decisions is not None:
        outcomes, probs, fold = decisions
        for r, o, p, f in zip(per_question, outcomes, probs, fold, strict=True):
            r["fold"], r["outcome"], r["probability"] = int(f), o, round(float(p), 4)
            body = r["answer"].removeprefix(CAUTIOUS_TEXT).strip()
            if o == "abstain" or body == ABSTAIN_TEXT.strip():  # refused, or nothing could be composed
                r["outcome"] = "abstain"
                r["answer"], r["abstained"], r["cite_texts"], r["citations"] = ABSTAIN_TEXT, True, [], []
            else:
                r["abstained"] = False
                body = r["answer"].removeprefix(CAUTIOUS_TEXT).lstrip("\n")
                r["answer"] = f"{CAUTIOUS_TEXT}\n{body}" if o == "cautious" else body
    for r, q in zip(per_question, questions, strict=True):
        r["fact_recall"] = fact_recall(r["answer"], q["facts"]) if q["answerable"] and not r["abstained"] else (
            0.0 if q["answerable"] else None)
        cited = r.pop("cite_texts", [])
        r["cited_relevant"] = bool(q["answerable"] and any(first_relevant_rank([t], q["evidence"]) for t in cited))


def _answer_metrics(rows: list[dict]) -> dict:
    if not rows or "abstained" not in rows[0]:
        return {}
    ans = [r for r in rows if r["answerable"]]
    pred = [r["abstained"] for r in rows]
    gold = [not r["answerable"] for r in rows]
    p, rc = precision_recall(pred, gold)
    return {
        "fact_recall": round(sum(r["fact_recall"] or 0.0 for r in ans) / len(ans), 4) if ans else None,
        "cautious": sum(1 for r in rows if r.get("outcome") == "cautious"),
        "abstention_precision": round(p, 4),
        "abstention_recall": round(rc, 4),
        "wrongly_abstained": sum(1 for r in ans if r["abstained"]),
        "cited_relevant": round(sum(1 for r in ans if r["cited_relevant"]) / len(ans), 4) if ans else None,
        "n": len(rows),
    }


def table_text(report: dict) -> str:
    lines = ["| config | " + " | ".join(RETRIEVAL_KEYS) + " |", "|---" * (len(RETRIEVAL_KEYS) + 1) + "|"]
    for name, m in report["configs"].items():
        lines.append(f"| {name} | " + " | ".join(f"{m[k]:.3f}" for k in RETRIEVAL_KEYS) + " |")
    return "\n".join(lines)


def write_markdown(report: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.parent.mkdir(parents=True, exist_ok=True)
    png = out.with_suffix(".png")
    names = list(report["configs"])
    fig, ax = plt.subplots(figsize=(8, 3.5))
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        vals = [report["configs"][name][k] for k in RETRIEVAL_KEYS]
        ax.bar([x + i * width for x in range(len(RETRIEVAL_KEYS))], vals, width, label=name)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(RETRIEVAL_KEYS))], RETRIEVAL_KEYS)
    ax.set_ylim(0, 1.05)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("retrieval on " + Path(report["file"]).name)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)
    md = [f"# Evaluation: {report['file']}", "", f"Scoring: {report.get('scoring', 'plain')}; mode: "
          f"{report.get('mode', 'extractive')}", "", f"![chart]({png.name})", "", "## Retrieval", "", table_text(report), ""]
    if report.get("answers"):
        md += ["## Answers", "", "```json", json.dumps(report["answers"], ensure_ascii=False, indent=2), "```", ""]
    if report.get("calibration"):
        cal = out.with_name(out.stem + "-calibration.png")
        fig, ax = plt.subplots(figsize=(6, 3.5))
        c = report["calibration"]
        ax.plot([p["answer_rate"] for p in c], [p["abstention_precision"] for p in c], marker=".", label="abstention precision")
        ax.plot([p["answer_rate"] for p in c], [p["abstention_recall"] for p in c], marker=".", label="abstention recall")
        ax.set_xlabel("answer rate (share of questions answered)")
        ax.set_ylim(0, 1.05)
        ax.legend(loc="lower left", fontsize=8)
        ax.set_title("answerability: threshold sweep")
        fig.tight_layout()
        fig.savefig(cal, dpi=110)
        plt.close(fig)
        md += ["## Calibration", "", f"![calibration]({cal.name})", "",
               "| threshold | answer rate | abstention precision | abstention recall |", "|---|---|---|---|"]
        md += [f"| {p['threshold']} | {p['answer_rate']} | {p['abstention_precision']} | {p['abstention_recall']} |"
               for p in c[::4]]
        md.append("")
    if report.get("per_document"):
        md += ["## Per document", "", "| document | hit@1 | mrr@10 | hit@5 | fact_recall | abstention P/R | cited_relevant |",
               "|---|---|---|---|---|---|---|"]
        for d, e in report["per_document"].items():
            r = e.get("ours") or {}
            a = e.get("answers") or {}
            md.append(f"| {d} | {r.get('hit@1', '-')} | {r.get('mrr@10', '-')} | {r.get('hit@5', '-')} | "
                      f"{a.get('fact_recall', '-')} | {a.get('abstention_precision', '-')}/{a.get('abstention_recall', '-')} | "
                      f"{a.get('cited_relevant', '-')} |")
        md.append("")
    if report.get("llm"):
        md += ["## LLM mode", "", "```json", json.dumps(report["llm"], ensure_ascii=False, indent=2), "```", ""]
    md += ["## Per category", "", "| category | hit@1 | mrr@10 | fact_recall | abstained right |", "|---|---|---|---|---|"]
    for cat, e in report["per_category"].items():
        r = e.get("retrieval") or {}
        a = e.get("answers") or {}
        md.append(f"| {cat} | {r.get('hit@1', '-')} | {r.get('mrr@10', '-')} | {a.get('fact_recall', '-')} | "
                  f"{a.get('abstention_recall', '-')} |")
    md += ["", f"Latency ({report['latency_ms']['what']}, warm): p50 {report['latency_ms']['p50']} ms, "
           f"p95 {report['latency_ms']['p95']} ms", "", "## Questions that failed", ""]
    for f in report["failures"]:
        md.append(f"- **{f['id']}** ({f['category']}) {f['question']} — rank {f.get('ours_rank')}, "
                  f"abstained {f.get('abstained')}, answer: {str(f.get('answer', ''))[:160]!r}")
    out.write_text("\n".join(md), encoding="utf-8")


def main(args) -> int:
    try:
        report = run(args.file, compare=args.compare, answers=not args.no_answers, mode=getattr(args, "mode", "extractive"),
                     ingest=not getattr(args, "no_ingest", False))
    except QuestionFileError as exc:
        print(f"error: {args.file}: {exc}\nエラー: 質問ファイルの形式が正しくありません（{exc}）", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: {exc}\nエラー: ファイルが見つかりません", file=sys.stderr)
        return 2
    print(f"{report['file']}: {report['scoring']} ({report['mode']})")
    print(table_text(report))
    if report.get("answers"):
        print("answers:", json.dumps(report["answers"], ensure_ascii=False))
    print(f"latency ms ({report['latency_ms']['what']}): p50 {report['latency_ms']['p50']} p95 {report['latency_ms']['p95']}")
    for f in report["failures"]:
        print(f"  ✗ {f['id']} [{f['category']}] rank={f.get('ours_rank')} abstained={f.get('abstained')} "
              f"support={f.get('support')} fact={f.get('fact_recall')}")
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.md_out:
        write_markdown(report, Path(args.md_out))
    return 0
