"""Faults during ingest: disk full, index folder not writable. A clear message, the old index intact."""

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def _copy_index(built, where: Path) -> tuple[Path, Path, dict]:
    s, _ = built
    index, corpus = where / "index", where / "corpus"
    shutil.copytree(s.index_dir, index)
    shutil.copytree(s.corpus_dir, corpus)
    env = dict(os.environ, KYOJU_INDEX_DIR=str(index), KYOJU_CORPUS_DIR=str(corpus),
               KYOJU_EMBEDDING_MODEL=s.embedding_model, HOME=str(where), PYTHONDONTWRITEBYTECODE="1")
    return index, corpus, env


def _search_still_answers(env) -> None:
    out = subprocess.run([sys.executable, "-m", "app.cli", "search", "協力不動産店", "--json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "協力不動産店" in json.loads(out.stdout)[0]["text"]


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))  # every file stops growing at 64 kB: "disk full"
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so writes fail with EFBIG instead of killing the process


def test_disk_full_during_ingest(built, tmp_path):
    index, _corpus, env = _copy_index(built, tmp_path)
    before = (index / "CURRENT").read_text()
    builds_before = sorted(p.name for p in (index / "builds").iterdir())
    out = subprocess.run([sys.executable, "-m", "app.cli", "ingest", "--force", "--quiet"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, preexec_fn=_limit_file_size)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    assert "error:" in out.stderr and "索引を書き込めませんでした" in out.stderr
    assert (index / "CURRENT").read_text() == before
    assert sorted(p.name for p in (index / "builds").iterdir()) == builds_before  # the half-written build is gone
    _search_still_answers(env)


def _make_read_only(paths: list[Path]) -> None:
    if os.geteuid() == 0:  # root ignores permission bits; the immutable attribute stops it too
        subprocess.run(["chattr", "+i", *map(str, paths)], check=True)
    else:
        for p in paths:
            p.chmod(0o555)


def _make_writable(paths: list[Path]) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=False)
    for p in paths:
        p.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX only")
def test_index_folder_not_writable(built, tmp_path):
    index, _corpus, env = _copy_index(built, tmp_path)
    before = (index / "CURRENT").read_text()
    locked = [index, index / "builds"]
    _make_read_only(locked)
    try:
        out = subprocess.run([sys.executable, "-m", "app.cli", "ingest", "--force", "--quiet"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=600)
        assert out.returncode != 0
        assert "Traceback" not in out.stderr, out.stderr[-3000:]
        assert "error:" in out.stderr and "エラー:" in out.stderr and "以前の索引はそのまま使えます" in out.stderr
        assert (index / "CURRENT").read_text() == before
        _search_still_answers(env)  # reading needs no write access
    finally:
        _make_writable(locked)
