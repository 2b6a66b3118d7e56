"""`make load`: N concurrent sessions through the one answer entry point (loopback only, bounded).

Each session is a thread asking the development questions (with their histories) in its own
order, sharing one Retriever (one model, one BM25, one Chroma client) as the Streamlit
server does. Reports per N: throughput, latency p50/p95, errors, and how many answers
differed from the single-session answer to the same question (a race would show there).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from pathlib import Path

from .bench import peak_rss_mb
from .metrics import load_questions, percentile


def run_level(n: int, questions: list[dict], settings, retriever, reference: dict[str, str],
              per_session: int, time_limit_s: float) -> dict:
    from app.chain import make_chain

    chain = make_chain(settings)

    latencies: list[float] = []
    errors: list[str] = []
    mismatches: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + time_limit_s
    done = 0

    def session(seed: int) -> None:
        nonlocal done
        order = random.Random(seed).sample(questions, k=len(questions))
        for q in (order * ((per_session // len(order)) + 1))[:per_session]:
            if time.monotonic() > deadline:
                return
            t = time.perf_counter()
            try:
                ans = chain.answer({"question": q["question"], "history": q.get("history") or None})
            except Exception as exc:  # counted, not raised: the report shows them
                with lock:
                    errors.append(f"{q['id']}: {type(exc).__name__}: {exc}")
                continue
            ms = (time.perf_counter() - t) * 1000
            with lock:
                latencies.append(ms)
                done += 1
                if ans.answer != reference[q["id"]]:
                    mismatches.append(q["id"])

    threads = [threading.Thread(target=session, args=(i,)) for i in range(n)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {
        "sessions": n, "answers": done, "seconds": round(wall, 2), "throughput_qps": round(done / wall, 2),
        "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
        "errors": len(errors), "error_samples": errors[:3], "mismatches": len(mismatches),
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    from app.answer import get_retriever
    from app.chain import make_chain
    from app.settings import get_settings

    ap = argparse.ArgumentParser(prog="python -m eval.load")
    ap.add_argument("--questions", default="eval/questions.jsonl")
    ap.add_argument("--levels", default="1,4,16")
    ap.add_argument("--per-session", type=int, default=27, help="questions each session asks")
    ap.add_argument("--time-limit", type=float, default=120.0, help="seconds per level (bound)")
    ap.add_argument("--json", dest="json_out", default="eval/reports/load.json")
    args = ap.parse_args(argv)
    settings = get_settings()
    if settings.chroma_host not in ("", "127.0.0.1", "localhost", "::1"):
        print("load runs on loopback only / 負荷試験はローカルのみ", file=sys.stderr)
        return 2
    questions = load_questions(Path(args.questions))
    retriever = get_retriever(settings)
    chain = make_chain(settings)
    reference = {q["id"]: chain.answer({"question": q["question"], "history": q.get("history") or None}).answer
                 for q in questions}  # also the warm-up
    rows = []
    for n in [int(x) for x in args.levels.split(",")]:
        row = run_level(n, questions, settings, retriever, reference, args.per_session, args.time_limit)
        rows.append(row)
        print(f"N={n:>2}: {row['answers']} answers in {row['seconds']} s, {row['throughput_qps']} q/s, "
              f"p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, errors {row['errors']}, "
              f"mismatches {row['mismatches']}, peak {row['peak_rss_mb']} MB", file=sys.stderr)
    Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json_out).write_text(json.dumps(rows, ensure_ascii=False, indent=2))
    print("| sessions | answers | q/s | p50 ms | p95 ms | errors | differing answers | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['sessions']} | {r['answers']} | {r['throughput_qps']} | {r['p50_ms']} | {r['p95_ms']} | "
              f"{r['errors']} | {r['mismatches']} | {r['peak_rss_mb']} |")
    return 0 if all(r["errors"] == 0 and r["mismatches"] == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
