"""The chat in a real headless Chromium (Debian's, driven by Playwright; no browser download)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(built, tmp_path):
    s = built[0]
    port = free_port()
    env = dict(os.environ, KYOJU_INDEX_DIR=str(s.index_dir), KYOJU_CORPUS_DIR=str(s.corpus_dir),
               KYOJU_DATA_DIR=str(tmp_path), KYOJU_EMBEDDING_MODEL=s.embedding_model)
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("streamlit did not start: " + (tmp_path / "serve.log").read_text()[-2000:])
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_question_in_real_browser(server, tmp_path):
    assert CHROMIUM, "Debian's chromium is required (.ci/run installs it: apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    artifacts = ROOT / "tests" / "artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=FLAGS, headless=True,
            viewport={"width": 1280, "height": 1400}, locale="ja-JP")  # a fresh user-data-dir
        page = browser.new_page()
        page.goto(server)
        page.get_by_text("市区町村職員の方へ").wait_for(timeout=120_000)
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill("協力不動産店のリストを公開している県はありますか。")
        box.press("Enter")
        page.get_by_text("報告書 p.69", exact=False).first.wait_for(timeout=120_000)
        body = page.inner_text("body")
        assert "協力不動産店のリストや検索システム" in body
        assert "出典" in body and "回答方式: 抽出" in body
        page.get_by_text("ページの画像を表示").first.wait_for(timeout=30_000)
        page.locator("[data-testid='stImage'] img, [data-testid='stFullScreenFrame'] img").first.wait_for(timeout=60_000)
        page.screenshot(path=str(artifacts / "chat-answer.png"), full_page=True)
        assert (artifacts / "chat-answer.png").stat().st_size > 20_000
        browser.close()
