"""Warm-up at server start: the first official of the day must not wait for the model to load.

`kyoju serve` runs Streamlit in its own process and starts this in a thread first: it loads
the index and the embedding model into the process-wide retriever the chat uses, answers one
question (tokenizer, dictionaries, vectors), imports the page renderer and renders the
corpus's pages into the picture cache. `STATE` is the health flag; the log line says when.
"""

from __future__ import annotations

import sys
import threading
import time

STATE: dict = {"started": False, "done": False, "seconds": None, "error": ""}
WARM_QUESTION = "居住支援協議会の設立に県はどのような支援をしていますか。"
MAX_PAGES = 40  # rendering more pages would keep a large corpus busy long after the first user arrives


def warm(settings=None) -> float:
    """Load everything the first question needs; returns the seconds it took."""
    from .answer import answer_question, get_retriever
    from .settings import get_settings

    t0 = time.perf_counter()
    STATE["started"] = True
    settings = settings or get_settings()
    r = get_retriever(settings)
    answer_question(WARM_QUESTION, settings=settings, retriever=r)
    _render_pages(settings, r)
    import app.render  # noqa: F401  (the chat's own imports, so the first page view is not blank for seconds)

    STATE.update(done=True, seconds=round(time.perf_counter() - t0, 1))
    return STATE["seconds"]


def _render_pages(settings, r) -> None:
    from .pages import find_source, render_page

    seen: set[tuple[str, int]] = set()
    for c in r.chunks:
        for p in c.get("page_indices", []):
            if len(seen) >= MAX_PAGES:
                return
            key = (c.get("source_file", ""), int(p))
            if key in seen:
                continue
            seen.add(key)
            pdf = find_source(settings.corpus_dir, key[0])
            if pdf is not None and pdf.suffix.lower() == ".pdf":
                render_page(pdf, key[1], settings.cache_dir / "pages")


def start_in_background() -> threading.Thread:
    """Warm up beside the starting server; a failure is logged and the chat reports it on first use."""

    def run() -> None:
        try:
            s = warm()
            print(f"kyoju: warm-up finished in {s} s / 準備ができました（{s} 秒）", file=sys.stderr, flush=True)
        except Exception as exc:  # the chat shows the same problem in Japanese when it loads the index
            STATE["error"] = str(exc)
            print(f"kyoju: warm-up failed: {exc} / 準備に失敗しました", file=sys.stderr, flush=True)

    t = threading.Thread(target=run, name="kyoju-warm-up", daemon=True)
    t.start()
    return t
