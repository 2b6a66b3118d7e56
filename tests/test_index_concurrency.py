"""Two ingests at once (every replica has a rebuild button) against a real `chroma run` and an embedded folder.

Writers are separate processes, as replicas on separate machines would be; a reader thread
keeps loading the index meanwhile. Afterwards the pointer must name a build that exists
and reads whole, and no read may have failed on the way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from chroma_server import ChromaServer
from conftest import ROOT
from test_index_store import fake_build

from ingest.build_lock import IndexBusyError
from ingest.index import IndexStore, StoreConfig

GRACE = 2.0  # seconds a left-behind build survives; a reader here holds a build for well under that
WRITER = f"""
import sys
from pathlib import Path
from test_index_store import fake_build
from ingest.index import IndexStore, StoreConfig
index_dir, name, host, port, who, rounds = sys.argv[1:]
store = IndexStore(StoreConfig(Path(index_dir), name, host, int(port or 0), lease_ttl_s=30, lease_wait_s=120,
                               retire_grace_s={GRACE}))
for r in range(int(rounds)):
    store.write_build(**fake_build(f"{{who}}{{r}}"))
"""


def _reader(store: IndexStore, stop: threading.Event, errors: list, reads: list) -> None:
    """Load the active build over and over; every read must succeed and be one build's data."""
    while not stop.is_set():
        try:
            build_id, chunks, _, col = store.load()
            sentences = store.sentence_collection(build_id)
            tags = {c["doc_id"] for c in chunks}
            stags = {m["doc_id"] for m in sentences.get(include=["metadatas"])["metadatas"]}
            assert len(tags) == 1 and stags == tags and col.count() == len(chunks), (build_id, tags, stags)
            reads.append(build_id)
        except Exception as exc:  # noqa: BLE001 - any failure of a reader is what this test looks for
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.05)


def _race(cfg: StoreConfig, rounds: int = 5) -> tuple[list[str], list[str]]:
    store = IndexStore(cfg)
    store.write_build(**fake_build("seed"))
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests'}", ANONYMIZED_TELEMETRY="False")
    argv = [str(cfg.index_dir), cfg.collection, cfg.chroma_host, str(cfg.chroma_port if cfg.server else "")]
    stop, errors, reads = threading.Event(), [], []
    reader = threading.Thread(target=_reader, args=(store, stop, errors, reads), daemon=True)
    reader.start()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, *argv, who, str(rounds)], env=env, cwd=ROOT / "tests",
                                stderr=subprocess.PIPE, text=True) for who in ("a", "b")]
    try:
        outcomes = [(w.wait(timeout=300), w.stderr.read()) for w in writers]
    finally:
        stop.set()
        reader.join(timeout=60)
    for code, err in outcomes:
        assert code == 0, err[-3000:]
    return errors, reads


def _settle(store: IndexStore, builds: int = 1) -> None:
    """Past the grace period, one more build prunes everything left behind during the race."""
    for _ in range(builds):
        time.sleep(GRACE + 0.5)
        store.write_build(**fake_build("a-final"))


def _assert_pointer_readable(store: IndexStore) -> None:
    snap = store.load_snapshot()
    assert snap.build_id == store.current_build() and snap.sentences is not None
    tag = snap.manifest["tag"]
    assert tag[0] in "ab" and {c["doc_id"] for c in snap.chunks} == {tag} and len(snap.chunks) == 6
    assert {m["doc_id"] for m in snap.sentences.get(include=["metadatas"])["metadatas"]} == {tag}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = ChromaServer(tmp_path_factory.mktemp("chroma-race") / "chroma").start()
    yield srv
    srv.stop()


def test_two_ingests_at_once_on_one_server(server):
    cfg = StoreConfig(Path("/nonexistent"), "race", "127.0.0.1", server.port, retire_grace_s=GRACE)
    errors, reads = _race(cfg)
    store = IndexStore(cfg)
    _assert_pointer_readable(store)
    assert not errors, errors[:5]
    _settle(store)
    _assert_pointer_readable(store)
    assert len(set(reads)) >= 2  # the reader really saw the pointer move
    import chromadb

    names = [c.name for c in chromadb.HttpClient(host="127.0.0.1", port=server.port).list_collections()]
    builds = [n for n in names if n.startswith("race__") and n.endswith("__s")]
    assert len(builds) == 3, names  # active, previous, the one before in its grace period; older ones pruned
    assert "race__lease" not in names  # released


def test_two_ingests_at_once_embedded(tmp_path):
    cfg = StoreConfig(tmp_path / "index", retire_grace_s=GRACE)
    errors, reads = _race(cfg)
    store = IndexStore(cfg)
    _assert_pointer_readable(store)
    assert not errors, errors[:5]
    # embedded writers lock only the swap, so builds go in out of start order; one newer than the floor counts
    # as left behind once its writer has exited: the first build after the race marks it, the next removes it
    _settle(store, builds=2)
    _assert_pointer_readable(store)
    assert len(list((cfg.index_dir / "builds").iterdir())) == 3  # active, previous, one in its grace period


def test_a_crashed_builders_lease_expires(server):
    """A lease left by a builder that died blocks others only until it expires; a live one makes them wait, then give up
    with a message in both languages."""
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=server.port)
    client.create_collection("crash__lease", metadata={"owner": "host:999:dead", "expires": time.time() + 2})
    cfg = StoreConfig(Path("/nonexistent"), "crash", "127.0.0.1", server.port, lease_wait_s=30)
    started = time.monotonic()
    IndexStore(cfg).write_build(**fake_build("after-crash"))
    assert 1.5 < time.monotonic() - started < 20
    assert IndexStore(cfg).load_snapshot().manifest["tag"] == "after-crash"

    client.create_collection("crash__lease", metadata={"owner": "host:4242:alive", "expires": time.time() + 600})
    busy = StoreConfig(Path("/nonexistent"), "crash", "127.0.0.1", server.port, lease_wait_s=1)
    with pytest.raises(IndexBusyError) as err:
        IndexStore(busy).write_build(**fake_build("blocked"))
    assert "host:4242:alive" in str(err.value) and "書き込み中" in str(err.value)
    assert IndexStore(cfg).load_snapshot().manifest["tag"] == "after-crash"  # untouched
    client.delete_collection("crash__lease")
