"""`make bench`: ingest throughput, warm search/answer latency, and how search grows with the index.

Speed is measured here, never asserted in unit tests. Three parts:
  1. ingest of the real corpus (forced rebuild into a scratch folder): chunks/s, pages/s;
  2. warm latency of `Retriever.search` and `answer_question` over the development questions;
  3. synthetic indexes of 1k / 10k / 100k chunks (filler text recombined from the real
     corpus's sentences, random unit vectors in place of embeddings: timing only, the
     query is still embedded by the real model) : build time, load time, search p50/p95.
Peak memory is the process's max RSS after each part (it only grows).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .metrics import load_questions, percentile


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _latency(fn, questions: list[dict], repeat: int) -> dict:
    times = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t) * 1000)
    return {"n": len(times), "p50": round(percentile(times, 50), 1), "p95": round(percentile(times, 95), 1),
            "max": round(max(times), 1)}


def bench_ingest(settings, embedder) -> dict:
    from ingest.index import StoreConfig
    from ingest.pipeline import run_ingest

    with tempfile.TemporaryDirectory(prefix="kyoju-bench-") as tmp:
        cfg = StoreConfig(Path(tmp) / "index", settings.collection)
        t = time.perf_counter()
        rep = run_ingest(settings.corpus_dir, cfg, settings.embedding_model, settings.chunk_min_chars,
                         settings.chunk_max_chars, force=True, show_progress=False, embedder=embedder)
        secs = time.perf_counter() - t
    return {"files": len(rep.docs_indexed), "pages": rep.pages, "chunks": rep.chunks, "seconds": round(secs, 2),
            "chunks_per_s": round(rep.chunks / secs, 1), "pages_per_s": round(rep.pages / secs, 2),
            "peak_rss_mb": peak_rss_mb()}


def bench_warm(settings, questions: list[dict], repeat: int) -> dict:
    from app.answer import answer_question, get_retriever

    retriever = get_retriever(settings)
    retriever.search("居住支援協議会")  # warm-up: model and tokenizer loaded
    search = _latency(lambda q: retriever.search(q["question"], history=q.get("history")), questions, repeat)
    answer = _latency(lambda q: answer_question(q["question"], q.get("history"), settings, retriever=retriever),
                      questions, repeat)
    return {"search_ms": search, "answer_ms": answer, "peak_rss_mb": peak_rss_mb()}


def _synthetic(n: int, sentences: list[tuple[str, list[str]]], dim: int, seed: int = 7):
    """n chunks of 3-6 recombined real sentences, with their tokens, and clustered unit vectors."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    centres = nrng.standard_normal((64, dim)).astype(np.float32)
    chunks, tokens, sents = [], [], []
    for i in range(n):
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(3, 6)))
        text = "".join(s for s, _ in picked)
        cid = f"syn-{i:06d}"
        chunks.append({"id": cid, "doc_id": f"syn{i // 500:04d}", "doc_title": "synthetic", "doc_short": "synthetic",
                       "source_file": "synthetic.pdf", "kind": "text", "section": f"{i % 9}", "section_title": "",
                       "unit_title": "", "row": "", "page_label": str(1 + i // 3), "position": i, "pages": [],
                       "page_indices": [i // 3], "grid": [], "boxes": [], "text": text})
        tokens.append([t for _, toks in picked for t in toks])
        for j, (s, _) in enumerate(picked):
            sents.append({"chunk_id": cid, "doc_id": chunks[-1]["doc_id"], "i": j, "text": s})

    def vecs(m: int) -> np.ndarray:
        v = centres[nrng.integers(0, len(centres), m)] + 0.7 * nrng.standard_normal((m, dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    return chunks, tokens, vecs(len(chunks)), sents, vecs(len(sents))


def bench_scale(settings, embedder, questions: list[dict], sizes: list[int], repeat: int) -> list[dict]:
    from app.retrieve import Retriever
    from ingest.clean import split_sentences
    from ingest.index import IndexStore, StoreConfig
    from ingest.tokens import content_words

    base = Retriever(settings, embedder=embedder)
    sentences = []
    for c in base.chunks:
        for s in split_sentences(c["text"]):
            if len(s.strip()) >= 8 and not s.startswith("|"):
                sentences.append((s, content_words(s)))
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"kyoju-bench-{n}-") as tmp:
            cfg = settings.model_copy(update={"index_dir": Path(tmp) / "index"})
            chunks, tokens, emb, sents, semb = _synthetic(n, sentences, embedder.dimension)
            t = time.perf_counter()
            IndexStore(StoreConfig(cfg.index_dir, cfg.collection)).write_build(
                chunks, tokens, emb, {"fingerprint": {}, "documents": [], "chunks": n}, sents, semb)
            build_s = time.perf_counter() - t
            t = time.perf_counter()
            r = Retriever(cfg, embedder=embedder)
            load_s = time.perf_counter() - t
            r.search("居住支援協議会の開催回数")
            lat = _latency(lambda q, r=r: r.search(q["question"], history=q.get("history")), questions, repeat)
            rows.append({"chunks": n, "sentences": len(sents), "build_s": round(build_s, 1),
                         "insert_per_s": round((n + len(sents)) / build_s), "load_s": round(load_s, 2),
                         "search_ms": lat, "peak_rss_mb": peak_rss_mb()})
            print(f"  {n:>7} chunks: build {build_s:.1f} s, load {load_s:.2f} s, search p50 {lat['p50']} ms "
                  f"p95 {lat['p95']} ms, peak {peak_rss_mb()} MB", file=sys.stderr)
            del r
    return rows


def markdown(report: dict) -> str:
    ing, warm = report["ingest"], report["warm"]
    lines = [
        "# kyoju benchmark", "",
        f"Machine: {report['machine']}", "",
        "## Ingest (real corpus, forced rebuild, model loaded)", "",
        "| files | pages | chunks | seconds | chunks/s | pages/s | peak RSS MB |", "|---|---|---|---|---|---|---|",
        f"| {ing['files']} | {ing['pages']} | {ing['chunks']} | {ing['seconds']} | {ing['chunks_per_s']} | "
        f"{ing['pages_per_s']} | {ing['peak_rss_mb']} |", "",
        "## Warm latency (development questions)", "",
        "| call | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|",
    ]
    for name in ("search_ms", "answer_ms"):
        d = warm[name]
        lines.append(f"| {name[:-3]} | {d['n']} | {d['p50']} | {d['p95']} | {d['max']} |")
    lines += ["", "## Search latency as the index grows (synthetic chunks)", "",
              "| chunks | sentence vectors | build s | inserts/s | load s | search p50 ms | search p95 ms | peak RSS MB |",
              "|---|---|---|---|---|---|---|---|"]
    for r in report["scale"]:
        lines.append(f"| {r['chunks']} | {r['sentences']} | {r['build_s']} | {r['insert_per_s']} | {r['load_s']} | "
                     f"{r['search_ms']['p50']} | {r['search_ms']['p95']} | {r['peak_rss_mb']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import os
    import platform

    from app.settings import get_settings
    from ingest.embedder import Embedder

    ap = argparse.ArgumentParser(prog="kyoju bench")
    ap.add_argument("--questions", default="eval/questions.jsonl")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", dest="json_out", default="eval/reports/bench.json")
    ap.add_argument("--md", dest="md_out", default="eval/reports/bench.md")
    args = ap.parse_args(argv)
    settings = get_settings()
    questions = [q for q in load_questions(Path(args.questions))]
    embedder = Embedder(settings.embedding_model)
    report = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    print("ingest …", file=sys.stderr)
    report["ingest"] = bench_ingest(settings, embedder)
    print("warm latency …", file=sys.stderr)
    report["warm"] = bench_warm(settings, questions, args.repeat)
    print("scale …", file=sys.stderr)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    report["scale"] = bench_scale(settings, embedder, questions, sizes, args.repeat)
    Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=2))
    md = markdown(report)
    Path(args.md_out).write_text(md)
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
