"""IndexStore on real Chroma (embedded and a real `chroma run`): what readers get, what writers leave open.

Small synthetic builds (8-dimensional vectors) keep these fast; the chunk and sentence
records have the fields the pipeline writes.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from chroma_server import ChromaServer

from ingest import index as index_mod
from ingest.index import IndexStore, IndexUnavailableError, StoreConfig

DIM = 8


def fake_build(tag: str, n: int = 6) -> dict:
    """Chunks in two sections and two kinds, two sentences each: every record says which build (tag) it is."""
    rng = np.random.default_rng(abs(hash(tag)) % 2**32)
    chunks = [
        {"id": f"{tag}-c{i}", "doc_id": tag, "text": f"{tag} chunk {i}", "position": i,
         "section": "4-1" if i % 2 == 0 else "4-2", "kind": "table" if i == 3 else "text"}
        for i in range(n)
    ]
    sentences = [{"chunk_id": c["id"], "doc_id": tag, "i": j, "text": f"{tag} sentence {j} of {c['id']}"}
                 for c in chunks for j in range(2)]
    vec = rng.normal(size=(n, DIM)).astype(np.float32)
    svec = rng.normal(size=(len(sentences), DIM)).astype(np.float32)
    return {"chunks": chunks, "tokens": [[tag] for _ in chunks], "embeddings": vec, "manifest": {"tag": tag},
            "sentences": sentences, "sentence_vectors": svec}


def write(store: IndexStore, tag: str) -> str:
    return store.write_build(**fake_build(tag))


@pytest.fixture()
def embedded(tmp_path) -> IndexStore:
    return IndexStore(StoreConfig(tmp_path / "index", retire_grace_s=0))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = ChromaServer(tmp_path_factory.mktemp("chroma-store") / "chroma").start()
    yield srv
    srv.stop()


def server_store(server, name: str) -> IndexStore:
    return IndexStore(StoreConfig(Path("/nonexistent"), name, "127.0.0.1", server.port, retire_grace_s=0))


# ---- sentence metadata carries section and kind (filters inside Chroma) -----------------------------------------

@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_sentence_where_on_section_and_kind(mode, embedded, server):
    store = embedded if mode == "embedded" else server_store(server, "filters")
    build = write(store, "flt")
    scol = store.sentence_collection(build)
    got = scol.get(where={"section": "4-2"}, include=["metadatas"])
    assert sorted(m["chunk_id"] for m in got["metadatas"]) == sorted(f"flt-c{i}" for i in (1, 1, 3, 3, 5, 5))
    got = scol.get(where={"$and": [{"kind": "table"}, {"doc_id": "flt"}]}, include=["metadatas"])
    assert {m["chunk_id"] for m in got["metadatas"]} == {"flt-c3"} and len(got["ids"]) == 2
    q = scol.query(query_embeddings=[[1.0] * DIM], n_results=3, where={"section": "4-1"}, include=["metadatas"])
    assert q["metadatas"][0] and all(m["section"] == "4-1" for m in q["metadatas"][0])


# ---- a failure reading sentence vectors is an error, not "old index" -----------------------------------------------

def test_sentence_read_error_is_not_an_old_index_embedded(embedded, monkeypatch):
    build = write(embedded, "err")

    class Down:
        def get_collection(self, *a, **k):
            raise ConnectionError("connection reset")

    with pytest.raises(IndexUnavailableError):
        embedded.sentence_collection(build, client=Down())
    real = index_mod._client
    monkeypatch.setattr(index_mod, "_client", lambda cfg, d=None: _Failing(real(cfg, d), "_sentences"))
    with pytest.raises(IndexUnavailableError):
        embedded.load_sentences()
    with pytest.raises(IndexUnavailableError):
        embedded.load_snapshot()


class _Failing:
    """A client whose get_collection fails (like a dropped connection) for names ending in `suffix`."""

    def __init__(self, client, suffix: str):
        self.client, self.suffix = client, suffix

    def get_collection(self, name, **kw):
        if name.endswith(self.suffix):
            raise OSError("connection reset by peer")
        return self.client.get_collection(name, **kw)


def test_build_without_sentence_collection_still_reads(embedded):
    """The one case that means "old index": Chroma answers that the sentence collection does not exist."""
    build = write(embedded, "old")
    client = index_mod._client(embedded.cfg, embedded.cfg.index_dir / "builds" / build)
    client.delete_collection("kyoju_sentences")
    assert embedded.sentence_collection(build, client=client) is None
    assert embedded.load_sentences() == ([], pytest.approx(np.zeros((0, 0))))
    snap = embedded.load_snapshot()
    assert snap.sentences is None and len(snap.chunks) == 6


def test_sentence_read_with_server_stopped_raises(tmp_path):
    srv = ChromaServer(tmp_path / "chroma").start()
    try:
        store = server_store(srv, "stopped")
        build = write(store, "stp")
        assert store.sentence_collection(build) is not None
        srv.stop()
        with pytest.raises(IndexUnavailableError):
            store.sentence_collection(build)
        with pytest.raises(IndexUnavailableError):
            store.load_sentences(build_id=build)
    finally:
        srv.stop()


# ---- one consistent build per read, even when the pointer moves and the build is pruned mid-read -----------------

@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_load_returns_one_build_when_pruned_mid_read(mode, embedded, server, monkeypatch):
    store = embedded if mode == "embedded" else server_store(server, f"midread{os.getpid()}")
    write(store, "one")
    real_get_all = index_mod.get_all
    calls = {"n": 0}

    def get_all_then_two_rebuilds(col, include, batch=5000):
        calls["n"] += 1
        if calls["n"] == 1:  # another ingest finishes twice while this reader is in the middle of its read
            write(store, "two")
            write(store, "three")
        return real_get_all(col, include, batch)

    monkeypatch.setattr(index_mod, "get_all", get_all_then_two_rebuilds)
    build_id, chunks, _, col = store.load()
    tags = {c["doc_id"] for c in chunks}
    assert len(tags) == 1 and col.count() == len(chunks)
    if mode == "server":  # the collection really is gone: the read moved on to what the pointer names now
        assert build_id == store.current_build() and tags == {"three"}
    calls["n"] = 0
    snap = store.load_snapshot()
    assert calls["n"] >= 1
    tag = snap.manifest["tag"]
    assert snap.manifest["build_id"] == snap.build_id and {c["doc_id"] for c in snap.chunks} == {tag}
    assert {m["doc_id"] for m in snap.sentences.get(include=["metadatas"])["metadatas"]} == {tag}
    if mode == "server":
        assert snap.build_id == store.current_build() and tag == "three"


# ---- the writer's embedded Chroma is closed through the public API -----------------------------------------------

def _open_files_under(folder: Path) -> list[str]:
    out = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            out.append(target)
    return out


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_writer_leaves_no_file_open_in_its_build(embedded):
    """A long-lived process (the UI's rebuild button) must not keep every build it wrote open.
    Fails if `Client.close()` stops releasing the System in a future Chroma."""
    build = write(embedded, "fds")
    assert _open_files_under(embedded.cfg.index_dir / "builds" / build) == []
    assert embedded.load()[0] == build  # and a reader can still open it afterwards


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_polling_the_pointer_does_not_leak_connections(server):
    """Replicas poll the pointer every few seconds: each poll must not leave a client (and its socket) behind."""
    store = server_store(server, "poll")
    write(store, "pol")
    store.current_build()
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(30):
        assert store.current_build()
    assert len(os.listdir("/proc/self/fd")) - before < 5


def test_a_build_pruned_between_its_chunks_and_its_sentences_is_read_again(embedded, monkeypatch):
    """Embedded Chroma: the folder of the build being read goes after its chunks were read, and opening its
    sentence vectors fails ("unable to open database file"): the reader moves on to the pointer's build instead
    of reporting the index as down."""
    write(embedded, "one")
    real = IndexStore.sentence_collection
    calls = {"n": 0}

    def prune_then_fail(self, build_id, client=None):
        calls["n"] += 1
        if calls["n"] == 1:
            write(self, "two")
            write(self, "three")  # "one" is pruned now
            raise index_mod.IndexUnavailableError("sentence vectors unreadable: unable to open database file")
        return real(self, build_id, client)

    monkeypatch.setattr(IndexStore, "sentence_collection", prune_then_fail)
    snap = embedded.load_snapshot()
    assert snap.manifest["tag"] == "three" and {c["doc_id"] for c in snap.chunks} == {"three"}
