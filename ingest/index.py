"""The one index schema, and the one place that talks to Chroma.

Each ingest builds a complete new index aside and then swaps a pointer to it, so a failed
or killed run never touches the index that is answering. The lexical index is not a
second copy: each chunk's content-word tokens live in its Chroma metadata (``lex``), and
readers assemble BM25 from what Chroma holds, so the two can never drift apart.

Embedded mode: ``<index_dir>/builds/<id>/`` is a Chroma PersistentClient folder and
``<index_dir>/CURRENT`` names the active one. Server mode (``KYOJU_CHROMA_HOST``):
collection ``<name>__<id>`` per build and a small ``<name>__pointer`` collection whose
metadata names the active one (and the one before it).

Writers serialise the swap and the prune (``build_lock``): the build the pointer names is
never deleted. Readers get one consistent build (``load_snapshot``): chunks, collection
and sentence collection of the same build id, retried if the build vanishes mid-read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .build_lock import IndexBusyError, ServerLease, file_lock

SCHEMA_VERSION = 116  # bump when chunk fields or their meaning change: forces a rebuild
JSON_FIELDS = ("pages", "page_indices", "grid", "boxes", "section_path", "names")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class IndexMissingError(RuntimeError):
    """No index has been built yet."""


class IndexUnavailableError(RuntimeError):
    """The index exists but cannot be reached (e.g. the Chroma server is down)."""


class IndexWriteError(OSError):
    """A new build could not be written (disk full, no permission, store error); the old one still serves."""


class BuildGoneError(IndexUnavailableError):
    """The build being read was pruned meanwhile (the pointer moved on twice): read the current one."""


__all__ = ["IndexBusyError", "IndexMissingError", "IndexUnavailableError", "IndexWriteError", "BuildGoneError"]
BUILD_ID = re.compile(r"\d{8}T\d{6}(\.\d{6})?-\d+-\d+(-[0-9a-f]+)?")


def new_build_id() -> str:
    """Sorts by start time (to the microsecond: builds in the same second must still sort in
    order, the prune relies on it); unique across processes and machines sharing one server."""
    now = time.time()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(now)) + f".{int(now * 1e6) % 1_000_000:06d}"
    return f"{stamp}-{os.getpid()}-{threading.get_ident() % 10000}-{uuid.uuid4().hex[:6]}"


@dataclass(frozen=True)
class StoreConfig:
    index_dir: Path
    collection: str = "kyoju"
    chroma_host: str = ""
    chroma_port: int = 8000
    lease_ttl_s: float = 60.0  # a crashed builder blocks others this long at most
    lease_wait_s: float = 300.0  # how long an ingest waits for another one to finish writing
    retire_grace_s: float = 60.0  # a build left behind stays this long, for readers still holding it

    @property
    def server(self) -> bool:
        return bool(self.chroma_host)


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


_http_clients: dict[tuple[str, int, int], object] = {}
_http_lock = threading.Lock()


def _client(cfg: StoreConfig, build_dir: Path | None = None):
    """Server mode: one HttpClient per server and process (each new one is a Chroma System
    with its own connection pool that is never freed, and the pointer is polled every few
    seconds). It reconnects by itself after a server restart."""
    import chromadb

    if cfg.server:
        key = (cfg.chroma_host, cfg.chroma_port, os.getpid())
        with _http_lock:
            if key not in _http_clients:
                _http_clients[key] = chromadb.HttpClient(
                    host=cfg.chroma_host, port=cfg.chroma_port, settings=_chroma_settings()
                )
            return _http_clients[key]
    assert build_dir is not None
    return chromadb.PersistentClient(path=str(build_dir / "chroma"), settings=_chroma_settings())


def _missing(exc: BaseException) -> bool:
    """Chroma's own "no such collection" answer, as opposed to a network or server failure."""
    from chromadb.errors import NotFoundError

    return isinstance(exc, NotFoundError)


def get_all(col, include: list[str], batch: int = 5000) -> dict:
    """Every record of a collection, fetched in pages: one `get()` of 100k records exceeds
    SQLite's variable limit inside Chroma ("too many SQL variables")."""
    out: dict = {"ids": [], **{k: [] for k in include}}
    offset = 0
    while True:
        got = col.get(include=include, limit=batch, offset=offset)
        n = len(got["ids"])
        out["ids"].extend(got["ids"])
        for k in include:
            vals = got.get(k)
            out[k].extend(list(vals) if vals is not None else [None] * n)
        if n < batch:
            return out
        offset += n


def chunk_to_record(chunk: dict, tokens: list[str]) -> tuple[str, str, dict]:
    """A chunk dict -> (id, document text, flat Chroma metadata)."""
    meta = {
        k: (json.dumps(chunk.get(k, []), ensure_ascii=False) if k in JSON_FIELDS else chunk.get(k, ""))
        for k in (
            "doc_id", "doc_title", "doc_short", "source_file", "kind", "section", "section_title", "unit_title", "row",
            "page_label", "position", *JSON_FIELDS,
        )
    }
    meta["lex"] = " ".join(tokens)
    meta["page_start"] = int(chunk["page_indices"][0]) if chunk.get("page_indices") else 0
    meta["position"] = int(chunk.get("position", 0))
    return chunk["id"], chunk["text"], meta


def record_to_chunk(cid: str, text: str, meta: dict) -> dict:
    d = {k: v for k, v in meta.items() if k != "lex"}
    for k in JSON_FIELDS:
        d[k] = json.loads(meta.get(k) or "[]")
    d["id"] = cid
    d["text"] = text
    d["tokens"] = (meta.get("lex") or "").split()
    return d


@dataclass(frozen=True)
class IndexSnapshot:
    """One build, read whole: every part comes from the same build id, even if the pointer
    moved while it was read, so a reader can swap it in as one immutable unit."""

    build_id: str
    chunks: list[dict]
    embeddings: np.ndarray | None
    collection: object
    sentences: object | None  # the sentence collection; None only for a build made before sentence vectors
    manifest: dict = field(default_factory=dict)


class IndexStore:
    """Writes builds and swaps them in; reads the active one."""

    def __init__(self, cfg: StoreConfig):
        self.cfg = cfg
        if not cfg.server:
            cfg.index_dir.mkdir(parents=True, exist_ok=True)

    # ---- pointer -------------------------------------------------------------------------
    @property
    def _pointer_file(self) -> Path:
        return self.cfg.index_dir / "CURRENT"

    def _unavailable(self, exc: BaseException) -> IndexUnavailableError:
        return IndexUnavailableError(
            f"Chroma server {self.cfg.chroma_host}:{self.cfg.chroma_port}: {type(exc).__name__}: {exc}"
        )

    def _pointer_meta(self) -> dict:
        """Server mode: {"current": build id, "previous": build id it replaced, "updated": time}."""
        try:
            col = _client(self.cfg).get_or_create_collection(f"{self.cfg.collection}__pointer", embedding_function=None)
        except Exception as exc:
            raise self._unavailable(exc) from exc
        return dict(col.metadata or {})

    def current_build(self) -> str | None:
        if self.cfg.server:
            return self._pointer_meta().get("current") or None
        try:
            name = self._pointer_file.read_text().strip()
        except FileNotFoundError:
            return None
        return name if name and (self.cfg.index_dir / "builds" / name).is_dir() else None

    def _set_current(self, build_id: str, previous: str | None = None) -> None:
        if self.cfg.server:
            col = _client(self.cfg).get_or_create_collection(f"{self.cfg.collection}__pointer", embedding_function=None)
            meta = dict(col.metadata or {})  # modify() replaces the metadata: keep the other keys ("retired")
            col.modify(metadata={**meta, "current": build_id, "previous": previous or "", "updated": time.time()})
            return
        tmp = self._pointer_file.with_name(f"CURRENT.{os.getpid()}.{threading.get_ident()}.tmp")
        with open(tmp, "w") as f:
            f.write(build_id)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._pointer_file)

    # ---- reading -------------------------------------------------------------------------
    def _open(self, build_id: str):
        """The client for a build. Embedded: refuse a folder that is gone rather than let
        PersistentClient create an empty one in its place."""
        if self.cfg.server:
            try:
                return _client(self.cfg)
            except Exception as exc:
                raise self._unavailable(exc) from exc
        folder = self.cfg.index_dir / "builds" / build_id
        if not (folder / "manifest.json").exists():
            raise BuildGoneError(f"index build {build_id} no longer exists")
        return _client(self.cfg, folder)

    def _gone(self, build_id: str, exc: BaseException) -> bool:
        if _missing(exc):
            return True
        return not self.cfg.server and not (self.cfg.index_dir / "builds" / build_id / "manifest.json").exists()

    def manifest(self, build_id: str | None = None) -> dict:
        build_id = build_id or self.current_build()
        if not build_id:
            return {}
        if self.cfg.server:
            return self._manifest_of(build_id, self._collection(build_id))
        return self._manifest_of(build_id, None)

    def _manifest_of(self, build_id: str, col) -> dict:
        if self.cfg.server:
            return json.loads((col.metadata or {}).get("manifest", "{}"))
        path = self.cfg.index_dir / "builds" / build_id / "manifest.json"
        try:
            return json.loads(path.read_text())
        except FileNotFoundError:
            return {}

    def _collection(self, build_id: str, client=None):
        name = f"{self.cfg.collection}__{build_id}" if self.cfg.server else self.cfg.collection
        client = client or self._open(build_id)
        try:
            return client.get_collection(name, embedding_function=None)
        except Exception as exc:
            if self._gone(build_id, exc):
                raise BuildGoneError(f"index build {build_id} no longer exists") from exc
            raise IndexUnavailableError(f"index {build_id} unreadable: {type(exc).__name__}: {exc}") from exc

    def sentence_collection(self, build_id: str, client=None):
        """The build's sentence collection. None only when Chroma says it does not exist while
        the build itself does (built before sentence vectors): any other failure raises, so a
        server hiccup never silently switches scoring to chunk vectors only."""
        name = f"{self.cfg.collection}__{build_id}__s" if self.cfg.server else f"{self.cfg.collection}_sentences"
        client = client or self._open(build_id)
        try:
            return client.get_collection(name, embedding_function=None)
        except Exception as exc:
            if not _missing(exc):
                raise IndexUnavailableError(
                    f"sentence vectors of index {build_id} unreadable: {type(exc).__name__}: {exc}"
                ) from exc
        self._collection(build_id, client)  # BuildGoneError when the whole build was pruned
        return None

    def load_sentences(self, with_embeddings: bool = False, build_id: str | None = None) -> tuple[list[dict], np.ndarray]:
        """Sentence records ({chunk_id, doc_id, i, section, kind, text}) and their vectors, for reuse on re-ingest."""
        build_id = build_id or self.current_build()
        col = self.sentence_collection(build_id) if build_id else None
        if col is None:
            return [], np.zeros((0, 0), dtype=np.float32)
        try:
            got = get_all(col, ["documents", "metadatas"] + (["embeddings"] if with_embeddings else []))
        except Exception as exc:
            raise IndexUnavailableError(f"sentence vectors of index {build_id} unreadable: {exc}") from exc
        recs = [dict(m, text=d) for d, m in zip(got["documents"], got["metadatas"], strict=True)]
        emb = got.get("embeddings") if with_embeddings else None
        return recs, (np.asarray(emb, dtype=np.float32) if emb is not None and len(recs) else np.zeros((0, 0), np.float32))

    def load_snapshot(self, with_embeddings: bool = False, attempts: int = 3) -> IndexSnapshot:
        """The active build, read whole. If it is pruned while being read (two newer builds
        swapped in meanwhile), read the build the pointer names now."""
        for attempt in range(attempts):
            build_id = self.current_build()
            if not build_id:
                raise IndexMissingError(
                    "No index yet: run `kyoju ingest` / 索引がありません。`kyoju ingest` を実行してください"
                )
            try:
                return self._read(build_id, with_embeddings)
            except BuildGoneError:
                if attempt + 1 == attempts:
                    raise
        raise AssertionError("unreachable")

    def _read(self, build_id: str, with_embeddings: bool) -> IndexSnapshot:
        client = self._open(build_id)
        col = self._collection(build_id, client)
        include = ["documents", "metadatas"] + (["embeddings"] if with_embeddings else [])
        try:
            got = get_all(col, include)
        except Exception as exc:
            if self._gone(build_id, exc):
                raise BuildGoneError(f"index build {build_id} was removed while being read") from exc
            raise IndexUnavailableError(f"index {build_id} unreadable: {type(exc).__name__}: {exc}") from exc
        try:
            sentences = self.sentence_collection(build_id, client)
        except IndexUnavailableError as exc:
            # embedded: the build's folder went between the chunks and the sentences ("unable to open database
            # file"): a pruned build, read again from the pointer — not an index that is down
            if self._gone(build_id, exc.__cause__ or exc):
                raise BuildGoneError(f"index build {build_id} was removed while being read") from exc
            raise
        manifest = self._manifest_of(build_id, col)
        if not manifest:  # embedded: the folder went while we read (open files still answer): not a build to serve
            raise BuildGoneError(f"index build {build_id} was removed while being read")
        chunks = [record_to_chunk(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)]
        order = sorted(range(len(chunks)), key=lambda i: (chunks[i]["doc_id"], chunks[i]["position"]))
        chunks = [chunks[i] for i in order]
        emb = None
        if with_embeddings and got.get("embeddings") is not None and len(chunks):
            emb = np.asarray(got["embeddings"], dtype=np.float32)[order]
        return IndexSnapshot(build_id, chunks, emb, col, sentences, manifest)

    def load(self, with_embeddings: bool = False) -> tuple[str, list[dict], np.ndarray | None, object]:
        """(build id, chunks in document order, embeddings or None, collection) of the active build.
        Kept for callers that need no sentence collection; ``load_snapshot`` gives all parts."""
        snap = self.load_snapshot(with_embeddings)
        return snap.build_id, snap.chunks, snap.embeddings, snap.collection

    # ---- writing -------------------------------------------------------------------------
    def write_build(
        self,
        chunks: list[dict],
        tokens: list[list[str]],
        embeddings: np.ndarray,
        manifest: dict,
        sentences: list[dict] | None = None,
        sentence_vectors: np.ndarray | None = None,
    ) -> str:
        """Write a complete build aside; only then point readers at it.

        Raises IndexBusyError (an OSError) when another ingest holds the write lock past
        ``lease_wait_s``; IndexUnavailableError / IndexWriteError when the store fails.
        In every case the build the pointer names is left as it was."""
        sentences = sentences or []
        if self.cfg.server:
            return self._write_server(chunks, tokens, embeddings, manifest, sentences, sentence_vectors)
        build_id = new_build_id()
        manifest = dict(manifest, build_id=build_id, schema=SCHEMA_VERSION)
        self._write_embedded(build_id, chunks, tokens, embeddings, manifest, sentences, sentence_vectors)
        return build_id

    def _write_server(self, chunks, tokens, embeddings, manifest, sentences, sentence_vectors) -> str:
        """The whole write holds the lease: builds are collections in a store that several
        machines share, and the prune must not race another writer's swap. The build id is
        taken under the lease, so ids sort in commit order."""
        try:
            client = _client(self.cfg)
            lease = ServerLease(client, f"{self.cfg.collection}__lease", self.cfg.lease_ttl_s, self.cfg.lease_wait_s)
            lease.acquire()
        except IndexBusyError:
            raise
        except Exception as exc:
            raise self._unavailable(exc) from exc
        build_id = new_build_id()
        manifest = dict(manifest, build_id=build_id, schema=SCHEMA_VERSION)
        name = f"{self.cfg.collection}__{build_id}"
        try:
            try:
                col = client.create_collection(
                    name,
                    embedding_function=None,
                    metadata={"hnsw:space": "cosine", "manifest": json.dumps(manifest, ensure_ascii=False)},
                )
                self._add_all(col, chunks, tokens, embeddings, on_batch=lease.renew)
                scol = client.create_collection(f"{name}__s", embedding_function=None, metadata={"hnsw:space": "cosine"})
                self._add_sentences(scol, sentences, sentence_vectors, chunks, on_batch=lease.renew)
                lease.renew()  # raises if we stalled past the lease and another writer took over
                old = self.current_build()
                self._set_current(build_id, old)  # the commit point: one metadata update
            except Exception as exc:
                for suffix in ("", "__s"):  # best effort: the server may be gone
                    try:
                        client.delete_collection(f"{name}{suffix}")
                    except Exception:
                        pass
                if isinstance(exc, IndexBusyError):
                    raise
                raise self._unavailable(exc) from exc
            self._prune_server(client, old)
        finally:
            lease.release()
        return build_id

    def _write_embedded(self, build_id, chunks, tokens, embeddings, manifest, sentences, sentence_vectors) -> None:
        # the folder is complete once manifest.json exists; CURRENT is the commit point
        target = self.cfg.index_dir / "builds" / build_id
        target.mkdir(parents=True)
        client = None
        try:
            client = _client(self.cfg, target)
            col = client.create_collection(self.cfg.collection, embedding_function=None, metadata={"hnsw:space": "cosine"})
            self._add_all(col, chunks, tokens, embeddings)
            scol = client.create_collection(
                f"{self.cfg.collection}_sentences", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
            self._add_sentences(scol, sentences, sentence_vectors, chunks)
            with open(target / "chunks.jsonl", "w", encoding="utf-8") as f:
                for c in chunks:
                    f.write(json.dumps(c, ensure_ascii=False) + "\n")
            (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
            close_client(client)  # the writer's Chroma stops (and flushes) before readers are pointed at the build
        except BaseException as exc:
            close_client(client)
            shutil.rmtree(target, ignore_errors=True)
            if isinstance(exc, Exception) and not isinstance(exc, OSError):
                raise IndexWriteError(f"{type(exc).__name__}: {exc}") from exc  # e.g. sqlite "disk is full"
            raise
        with file_lock(self.cfg.index_dir / ".build.lock", wait_s=self.cfg.lease_wait_s):
            if not (target / "manifest.json").exists():  # only if it waited so long that two newer builds went in
                raise IndexWriteError(
                    f"build {build_id} was superseded and removed by newer ingests before it could be swapped in "
                    "/ より新しい取り込みが先に完了したため、この索引は使われませんでした"
                )
            old = self.current_build()
            self._set_current(build_id)
            self._prune(keep={build_id, old or ""})

    @staticmethod
    def _add_all(col, chunks: list[dict], tokens: list[list[str]], embeddings: np.ndarray, batch: int = 5000,
                 on_batch=None) -> None:
        for s in range(0, len(chunks), batch):
            recs = [chunk_to_record(c, t) for c, t in zip(chunks[s : s + batch], tokens[s : s + batch], strict=True)]
            col.add(
                ids=[r[0] for r in recs],
                documents=[r[1] for r in recs],
                metadatas=[r[2] for r in recs],
                embeddings=embeddings[s : s + batch].tolist(),
            )
            if on_batch:
                on_batch()

    @staticmethod
    def _add_sentences(col, sentences: list[dict], vectors: np.ndarray | None, chunks: list[dict], batch: int = 5000,
                       on_batch=None) -> None:
        """Each sentence carries its chunk's ``section`` and ``kind`` so that a ``where`` filter
        on those fields works on the sentence collection as on the chunk collection."""
        by_id = {c["id"]: c for c in chunks}
        for s in range(0, len(sentences), batch):
            part = sentences[s : s + batch]
            metas = []
            for r in part:
                chunk = by_id.get(r["chunk_id"], {})
                metas.append({
                    "chunk_id": r["chunk_id"], "doc_id": r["doc_id"], "i": int(r["i"]),
                    "section": r.get("section") or chunk.get("section") or "",
                    "kind": r.get("kind") or chunk.get("kind") or "",
                    # a table row (ingest/table_rows.py), stored as its Markdown line: searched apart from prose
                    "row": r["text"].startswith("|"),
                })
            col.add(
                ids=[f"{r['chunk_id']}#s{r['i']}" for r in part],
                documents=[r["text"] for r in part],
                metadatas=metas,
                embeddings=vectors[s : s + batch].tolist(),
            )
            if on_batch:
                on_batch()

    def _prune_server(self, client, old: str | None) -> None:
        """Called under the lease. Drop every build but the active one and the one before it,
        once left behind for ``retire_grace_s`` (a replica may be answering from one between
        its refreshes). The pointer is read again here, so what it names is never deleted;
        no other writer can be mid-build (the lease), so only older builds are dropped.
        When each build was first seen left behind is kept in the pointer's metadata."""
        prefix = f"{self.cfg.collection}__"
        try:
            meta = self._pointer_meta()
            names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
        except Exception:
            return
        keep = {b for b in (meta.get("current"), meta.get("previous"), old) if b}
        if not keep:
            return
        now = time.time()
        retired = json.loads(meta.get("retired") or "{}")
        seen: dict[str, float] = {}
        for name in names:
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix):]
            build = rest.removesuffix("__s")
            if not rest.startswith("lease-stale-"):  # left by a waiter that died mid-cleanup: always drop
                if not BUILD_ID.fullmatch(build) or build in keep:
                    continue
                seen[build] = retired.get(build, now)
                if now - seen[build] < self.cfg.retire_grace_s:
                    continue
            try:
                client.delete_collection(name)
            except Exception:
                pass
        left = {b: t for b, t in seen.items() if now - t < self.cfg.retire_grace_s}
        if left != retired:
            try:  # the lease is held: nobody else writes the pointer meanwhile
                col = client.get_collection(f"{prefix}pointer", embedding_function=None)
                col.modify(metadata={**meta, "retired": json.dumps(left)})
            except Exception:
                pass

    def _prune(self, keep: set[str]) -> None:
        """Called under the build lock. Keep the active build and the one before it; remove
        complete builds older than both once left behind for ``retire_grace_s`` (a reader may
        still hold one; a RETIRED file marks when), and builds whose process died before they
        were swapped in (killed ingest)."""
        builds = self.cfg.index_dir / "builds"
        keep = {k for k in keep | {self.current_build() or ""} if k}
        floor, now = min(keep), time.time()
        for p in builds.iterdir():
            if not p.is_dir() or p.name in keep:
                continue
            pid = p.name.split("-")[1] if p.name.count("-") >= 2 else ""
            dead = pid.isdigit() and not _pid_alive(int(pid))
            if not (p / "manifest.json").exists():
                if dead:  # never completed
                    shutil.rmtree(p, ignore_errors=True)
            elif p.name < floor or dead:  # left behind (newer, with its writer alive: waiting to swap in)
                mark = p / "RETIRED"
                if not mark.exists():
                    mark.touch()
                if now - mark.stat().st_mtime >= self.cfg.retire_grace_s:
                    shutil.rmtree(p, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def close_client(client) -> None:
    """Stop an embedded writer's Chroma System (SQLite, HNSW files) through the public
    ``Client.close()``: a long-lived process (the UI's rebuild button) would otherwise keep
    every build it ever wrote open, and a failed build's folder could not be removed cleanly."""
    if client is not None:
        client.close()
