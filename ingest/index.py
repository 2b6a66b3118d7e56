"""The one index schema, and the one place that talks to Chroma.

Each ingest builds a complete new index aside and then swaps a pointer to it, so a failed
or killed run never touches the index that is answering. The lexical index is not a
second copy: each chunk's content-word tokens live in its Chroma metadata (``lex``), and
readers assemble BM25 from what Chroma holds, so the two can never drift apart.

Embedded mode: ``<index_dir>/builds/<id>/`` is a Chroma PersistentClient folder and
``<index_dir>/CURRENT`` names the active one. Server mode (``KYOJU_CHROMA_HOST``):
collection ``<name>__<id>`` per build and a small ``<name>__pointer`` collection whose
metadata names the active one.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SCHEMA_VERSION = 12  # bump when chunk fields or their meaning change: forces a rebuild
JSON_FIELDS = ("pages", "page_indices", "grid", "boxes")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class IndexMissingError(RuntimeError):
    """No index has been built yet."""


class IndexUnavailableError(RuntimeError):
    """The index exists but cannot be reached (e.g. the Chroma server is down)."""


class IndexWriteError(OSError):
    """A new build could not be written (disk full, no permission, store error); the old one still serves."""


@dataclass(frozen=True)
class StoreConfig:
    index_dir: Path
    collection: str = "kyoju"
    chroma_host: str = ""
    chroma_port: int = 8000

    @property
    def server(self) -> bool:
        return bool(self.chroma_host)


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _client(cfg: StoreConfig, build_dir: Path | None = None):
    import chromadb

    if cfg.server:
        return chromadb.HttpClient(host=cfg.chroma_host, port=cfg.chroma_port, settings=_chroma_settings())
    assert build_dir is not None
    return chromadb.PersistentClient(path=str(build_dir / "chroma"), settings=_chroma_settings())


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

    def current_build(self) -> str | None:
        if self.cfg.server:
            try:
                meta = _client(self.cfg).get_or_create_collection(f"{self.cfg.collection}__pointer", embedding_function=None).metadata
            except Exception as exc:
                raise IndexUnavailableError(f"Chroma server {self.cfg.chroma_host}:{self.cfg.chroma_port}: {exc}") from exc
            return (meta or {}).get("current") or None
        try:
            name = self._pointer_file.read_text().strip()
        except FileNotFoundError:
            return None
        return name if name and (self.cfg.index_dir / "builds" / name).is_dir() else None

    def _set_current(self, build_id: str) -> None:
        if self.cfg.server:
            col = _client(self.cfg).get_or_create_collection(f"{self.cfg.collection}__pointer", embedding_function=None)
            col.modify(metadata={"current": build_id, "updated": time.time()})
            return
        tmp = self._pointer_file.with_name(f"CURRENT.{os.getpid()}.tmp")
        with open(tmp, "w") as f:
            f.write(build_id)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._pointer_file)

    # ---- reading -------------------------------------------------------------------------
    def manifest(self, build_id: str | None = None) -> dict:
        build_id = build_id or self.current_build()
        if not build_id:
            return {}
        if self.cfg.server:
            col = self._collection(build_id)
            return json.loads((col.metadata or {}).get("manifest", "{}"))
        path = self.cfg.index_dir / "builds" / build_id / "manifest.json"
        return json.loads(path.read_text()) if path.exists() else {}

    def _collection(self, build_id: str, client=None):
        name = f"{self.cfg.collection}__{build_id}" if self.cfg.server else self.cfg.collection
        client = client or _client(self.cfg, self.cfg.index_dir / "builds" / build_id)
        return client.get_collection(name, embedding_function=None)

    def sentence_collection(self, build_id: str, client=None):
        name = f"{self.cfg.collection}__{build_id}__s" if self.cfg.server else f"{self.cfg.collection}_sentences"
        client = client or _client(self.cfg, self.cfg.index_dir / "builds" / build_id)
        try:
            return client.get_collection(name, embedding_function=None)
        except Exception:
            return None  # an index built before sentence vectors existed

    def load_sentences(self, with_embeddings: bool = False, build_id: str | None = None) -> tuple[list[dict], np.ndarray]:
        """Sentence records ({chunk_id, doc_id, i, text}) and their vectors, for reuse on re-ingest."""
        build_id = build_id or self.current_build()
        col = self.sentence_collection(build_id) if build_id else None
        if col is None:
            return [], np.zeros((0, 0), dtype=np.float32)
        got = get_all(col, ["documents", "metadatas"] + (["embeddings"] if with_embeddings else []))
        recs = [dict(m, text=d) for d, m in zip(got["documents"], got["metadatas"], strict=True)]
        emb = got.get("embeddings") if with_embeddings else None
        return recs, (np.asarray(emb, dtype=np.float32) if emb is not None and len(recs) else np.zeros((0, 0), np.float32))

    def load(self, with_embeddings: bool = False) -> tuple[str, list[dict], np.ndarray | None, object]:
        """(build id, chunks in document order, embeddings or None, collection) of the active build."""
        build_id = self.current_build()
        if not build_id:
            raise IndexMissingError(
                "No index yet: run `kyoju ingest` / 索引がありません。`kyoju ingest` を実行してください"
            )
        try:
            col = self._collection(build_id)
            include = ["documents", "metadatas"] + (["embeddings"] if with_embeddings else [])
            got = get_all(col, include)
        except IndexMissingError:
            raise
        except Exception as exc:
            raise IndexUnavailableError(f"index {build_id} unreadable: {exc}") from exc
        chunks = [record_to_chunk(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)]
        order = sorted(range(len(chunks)), key=lambda i: (chunks[i]["doc_id"], chunks[i]["position"]))
        chunks = [chunks[i] for i in order]
        emb = None
        if with_embeddings and got.get("embeddings") is not None and len(chunks):
            emb = np.asarray(got["embeddings"], dtype=np.float32)[order]
        return build_id, chunks, emb, col

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
        """Write a complete build aside; only then point readers at it."""
        sentences = sentences or []
        build_id = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{threading.get_ident() % 10000}"
        manifest = dict(manifest, build_id=build_id, schema=SCHEMA_VERSION)
        if self.cfg.server:
            name = f"{self.cfg.collection}__{build_id}"
            try:
                client = _client(self.cfg)
                col = client.create_collection(
                    name,
                    embedding_function=None,
                    metadata={"hnsw:space": "cosine", "manifest": json.dumps(manifest, ensure_ascii=False)},
                )
                self._add_all(col, chunks, tokens, embeddings)
                scol = client.create_collection(f"{name}__s", embedding_function=None, metadata={"hnsw:space": "cosine"})
                self._add_sentences(scol, sentences, sentence_vectors)
                old = self.current_build()
                self._set_current(build_id)  # the commit point: one metadata update
            except Exception as exc:
                for suffix in ("", "__s"):  # best effort: the server may be gone
                    try:
                        client.delete_collection(f"{name}{suffix}")
                    except Exception:
                        pass
                raise IndexUnavailableError(
                    f"Chroma server {self.cfg.chroma_host}:{self.cfg.chroma_port}: {type(exc).__name__}: {exc}"
                ) from exc
            self._prune_server(client, keep={build_id, old or ""})
            return build_id
        # the folder is complete once manifest.json exists; CURRENT is the commit point
        target = self.cfg.index_dir / "builds" / build_id
        target.mkdir(parents=True)
        try:
            client = _client(self.cfg, target)
            col = client.create_collection(self.cfg.collection, embedding_function=None, metadata={"hnsw:space": "cosine"})
            self._add_all(col, chunks, tokens, embeddings)
            scol = client.create_collection(
                f"{self.cfg.collection}_sentences", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
            self._add_sentences(scol, sentences, sentence_vectors)
            with open(target / "chunks.jsonl", "w", encoding="utf-8") as f:
                for c in chunks:
                    f.write(json.dumps(c, ensure_ascii=False) + "\n")
            (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
            _release_client(target)  # the writer stops (and flushes) before readers are pointed at the build
        except BaseException as exc:
            _release_client(target)
            shutil.rmtree(target, ignore_errors=True)
            if isinstance(exc, Exception) and not isinstance(exc, OSError):
                raise IndexWriteError(f"{type(exc).__name__}: {exc}") from exc  # e.g. sqlite "disk is full"
            raise
        self._set_current(build_id)
        self._prune(keep=build_id)
        return build_id

    @staticmethod
    def _add_all(col, chunks: list[dict], tokens: list[list[str]], embeddings: np.ndarray, batch: int = 5000) -> None:
        for s in range(0, len(chunks), batch):
            recs = [chunk_to_record(c, t) for c, t in zip(chunks[s : s + batch], tokens[s : s + batch], strict=True)]
            col.add(
                ids=[r[0] for r in recs],
                documents=[r[1] for r in recs],
                metadatas=[r[2] for r in recs],
                embeddings=embeddings[s : s + batch].tolist(),
            )

    @staticmethod
    def _add_sentences(col, sentences: list[dict], vectors: np.ndarray | None, batch: int = 5000) -> None:
        for s in range(0, len(sentences), batch):
            part = sentences[s : s + batch]
            col.add(
                ids=[f"{r['chunk_id']}#s{r['i']}" for r in part],
                documents=[r["text"] for r in part],
                metadatas=[{"chunk_id": r["chunk_id"], "doc_id": r["doc_id"], "i": int(r["i"])} for r in part],
                embeddings=vectors[s : s + batch].tolist(),
            )

    def _prune_server(self, client, keep: set[str]) -> None:
        """Keep the active build and the one before it (replicas reload within seconds); drop older ones."""
        prefix = f"{self.cfg.collection}__"
        try:
            names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
        except Exception:
            return
        for name in names:
            if not name.startswith(prefix) or name == f"{prefix}pointer":
                continue
            build = name[len(prefix):].removesuffix("__s")
            if build not in keep:
                try:
                    client.delete_collection(name)
                except Exception:
                    pass

    def _prune(self, keep: str) -> None:
        """Keep the active build and the one before it (a reader may still hold it open);
        remove builds that never completed because their process died (killed ingest)."""
        builds = self.cfg.index_dir / "builds"
        complete = sorted(p for p in builds.iterdir() if p.is_dir() and (p / "manifest.json").exists())
        for p in complete[:-2]:
            if p.name != keep:
                shutil.rmtree(p, ignore_errors=True)
        for p in builds.iterdir():
            if p.is_dir() and not (p / "manifest.json").exists():
                pid = p.name.split("-")[1] if p.name.count("-") >= 2 else ""
                if pid.isdigit() and not _pid_alive(int(pid)):
                    shutil.rmtree(p, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _release_client(path: Path) -> None:
    """Drop chromadb's in-process cache of a PersistentClient so its folder can move."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        key = str(path / "chroma")
        system = SharedSystemClient._identifier_to_system.pop(key, None)
        if system is not None:
            system.stop()
    except Exception:
        pass
