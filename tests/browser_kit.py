"""Shared parts of the browser tests: `kyoju serve` in its own process group, Debian's Chromium via Playwright.

Every server is started with start_new_session so teardown can stop its whole process group:
no test leaves a process (or a port) behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
ARTIFACTS = ROOT / "tests" / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.3)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Server:
    """`python -m app.cli serve` on a free port with the test index; `log` is its combined output."""

    def __init__(self, settings, data_dir: Path, extra_env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir / f"serve-{self.port}.log"
        env = dict(os.environ, KYOJU_INDEX_DIR=str(settings.index_dir), KYOJU_CORPUS_DIR=str(settings.corpus_dir),
                   KYOJU_DATA_DIR=str(data_dir), KYOJU_EMBEDDING_MODEL=settings.embedding_model,
                   PYTHONPATH=str(ROOT), **(extra_env or {}))
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(self.port)], cwd=ROOT,
                                     env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_healthy(self, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("streamlit did not start: " + self.log[-2000:])

    def wait_log(self, text: str, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.log:
                return
            time.sleep(0.3)
        raise AssertionError(f"{text!r} not in the server log: " + self.log[-2000:])

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self._log.close()


def launch(pw, profile: Path):
    """Debian's Chromium with a fresh user-data-dir (no browser download, no network beyond localhost)."""
    assert CHROMIUM, "Debian's chromium is required (`make test` installs it: apt-get install chromium)"
    return pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=FLAGS, headless=True,
                                                 viewport={"width": 1366, "height": 900}, locale="ja-JP")
