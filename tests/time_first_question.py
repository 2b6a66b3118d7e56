"""Benchmark (not a test): seconds from `kyoju serve`'s page being ready to the first answer shown.

Run: PYTHONPATH=. .venv/bin/python tests/time_first_question.py  (uses the index in data/index).
Waits for the server's warm-up log line, as an operator starting the service before office hours would.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from browser_kit import Server, launch  # noqa: E402

from app.settings import get_settings  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    srv = Server(get_settings(), Path(tempfile.mkdtemp()))
    try:
        t0 = time.perf_counter()
        srv.wait_healthy()
        srv.wait_log("warm-up finished")
        print(f"server healthy and warm after {time.perf_counter() - t0:.1f} s")
        with sync_playwright() as pw:
            ctx = launch(pw, Path(tempfile.mkdtemp()))
            page = ctx.new_page()
            page.goto(srv.url)
            page.get_by_text("市区町村職員の方へ").wait_for(timeout=60_000)
            t1 = time.perf_counter()
            box = page.get_by_test_id("stChatInputTextArea")
            box.fill("居住支援協議会を設立したい。県からどのような支援を受けられますか。")
            box.press("Enter")
            page.locator(".kj-answer").wait_for(timeout=60_000)
            print(f"first question answered {time.perf_counter() - t1:.2f} s after the page was ready")
            ctx.close()
    finally:
        srv.stop()


if __name__ == "__main__":
    main()
