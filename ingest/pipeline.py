"""`kyoju ingest`: corpus -> chunks -> embeddings + tokens -> a new index build, swapped in.

Unchanged files (same SHA-256, same chunking settings and model) reuse their stored
chunks and vectors; changed or new files are read again; removed files drop out.
A file that cannot be read is reported and skipped; the others still go in.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunk import chunk_units
from .clean import split_sentences, squash
from .corpus import DocInfo, discover
from .index import SCHEMA_VERSION, IndexMissingError, IndexStore, IndexUnavailableError, StoreConfig
from .pdf import DocumentError, read_document
from .romaji import names_in
from .structure import build_units
from .table_rows import table_row_texts
from .tokens import content_words
from .vocabulary import resources_digest

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    changed: bool = False
    build_id: str = ""
    docs_indexed: list[str] = field(default_factory=list)
    docs_reused: list[str] = field(default_factory=list)
    vectors_reused: int = 0  # passages and sentences whose text an older build (another schema) had embedded already
    docs_removed: list[str] = field(default_factory=list)
    failures: list[DocumentError] = field(default_factory=list)
    chunks: int = 0
    pages: int = 0
    seconds: float = 0.0
    read_seconds: float = 0.0  # reading and chunking the changed files
    embedded: int = 0  # texts embedded in this run (chunks and sentences)
    embed_seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.read_seconds if self.read_seconds else 0.0

    @property
    def texts_per_second(self) -> float:
        return self.embedded / self.embed_seconds if self.embed_seconds else 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def search_text(chunk: dict) -> str:
    """What the embedding and the lexical index read: the chunk under its headline."""
    head = " ".join(x for x in (chunk.get("section_title", ""), chunk.get("unit_title", "")) if x)
    return f"{head}\n{chunk['text']}" if head else chunk["text"]


def lexical_tokens(chunk: dict) -> list[str]:
    """The chunk's content words, then each name it prints as one token (はなぞの市): Sudachi splits a kana
    name differently by what precedes it (花園+市 here, 謎+市 in a table row), so the words alone miss it."""
    words = content_words(search_text(chunk))
    return words + [n for n, _ in chunk.get("names") or [] if n not in words]


def chunk_sentences(chunk: dict, min_chars: int = 8) -> list[tuple[str, str]]:
    """(sentence as stored, text to embed) for each sentence of a chunk worth its own vector.

    Chunks hold several sentences and their vector blurs them; a question usually matches
    one. Sentence vectors (under the chunk's headline) let the dense side score a chunk by
    its best sentence too, and give the answer composer a semantic score per sentence.
    """
    head = " ".join(x for x in (chunk.get("section_title", ""), chunk.get("unit_title", "")) if x)
    out = []
    for sent in split_sentences(chunk["text"]):
        s = sent.strip()
        if len(squash(s)) < min_chars or s.startswith("|"):
            continue
        out.append((s, f"{head} {s}" if head else s))
    # a table's rows, each read under its column labels: the table's one vector blurs them all
    for line, row in table_row_texts(chunk["text"]):
        out.append((line, f"{head} {row}" if head else row))
    return out


def _page_count(path: Path) -> int:
    """Pages of a PDF (1 for a text file; 0 when it cannot be opened: the reader reports why)."""
    if path.suffix.lower() != ".pdf":
        return 1
    try:
        import pypdf

        return len(pypdf.PdfReader(str(path), strict=False).pages)
    except Exception:
        return 0


# the version of the texts the model embeds (search_text: a passage's title, section and text; chunk_sentences: a
# sentence's embedded form): bump it when they change, so vectors of an older build are not reused for other text
EMBED_FORMAT = 1


def fingerprint(model: str, min_chars: int, max_chars: int) -> dict:
    """What a build depends on besides the files: an index built otherwise is rebuilt (its vectors reused by text).
    The word lists count too — a short form or counter added to ingest/resources/*.toml changes the tokens."""
    return {"schema": SCHEMA_VERSION, "model": Path(model).name, "min_chars": min_chars, "max_chars": max_chars,
            "embed_format": EMBED_FORMAT, "resources": resources_digest()}


def chunk_document(doc: DocInfo, min_chars: int, max_chars: int, progress=None) -> tuple[list[dict], int]:
    """One file -> (chunk dicts, page count). Raises DocumentError for unreadable files."""
    pages = read_document(doc.path, progress=progress)
    units = build_units(pages)
    chunks = chunk_units(units, doc.doc_id, doc.title, min_chars=min_chars, max_chars=max_chars)
    if not chunks:
        raise DocumentError(doc.path, "no text found", "本文が見つかりませんでした")
    out = []
    for c in chunks:
        d = c.to_dict()
        d.update(doc_short=doc.short, source_file=doc.path.name)
        out.append(d)
    return out, len(pages)


def run_ingest(
    corpus_dir: Path,
    store_cfg: StoreConfig,
    model: str,
    min_chars: int = 200,
    max_chars: int = 600,
    force: bool = False,
    show_progress: bool = True,
    embedder=None,
) -> IngestReport:
    from tqdm import tqdm

    started = time.perf_counter()
    report = IngestReport()
    store = IndexStore(store_cfg)
    fp = fingerprint(model, min_chars, max_chars)
    try:
        old_manifest = store.manifest()
    except (IndexUnavailableError, IndexMissingError, OSError, ValueError):
        old_manifest = {}
    same_settings = old_manifest.get("fingerprint") == fp
    # titles read from unchanged files last time (a manifest title still wins): no PDF is opened to re-read a cover
    known = {d["sha256"]: d["title"] for d in old_manifest.get("documents", [])
             if d.get("title_read") and d.get("title")} if same_settings else {}
    # a publisher read from a cover depends on the title too (lines of the title are not the publisher)
    known_pub = {f'{d["sha256"]}:{d.get("title", "")}': d.get("publisher", "") for d in old_manifest.get("documents", [])
                 if d.get("publisher_read")} if same_settings else {}
    docs = discover(corpus_dir, known_titles=known, known_publishers=known_pub)
    by_path = {str(d.path): d for d in docs}
    old_docs = {d["doc_id"]: d for d in old_manifest.get("documents", [])}
    wanted = {d.doc_id: d.sha256 for d in docs}
    seen_before = {k: v["sha256"] for k, v in old_docs.items()}
    seen_before |= {f["doc_id"]: f["sha256"] for f in old_manifest.get("failures", []) if "doc_id" in f}
    if not force and same_settings and old_docs and seen_before == wanted:
        report.seconds = time.perf_counter() - started
        report.chunks = old_manifest.get("chunks", 0)
        report.docs_reused = list(old_docs)
        report.failures = [DocumentError(f["file"], f["en"], f["ja"]) for f in old_manifest.get("failures", [])]
        return report  # nothing to do: the index already matches the corpus

    reusable: dict[str, tuple[list[dict], np.ndarray]] = {}
    old_sent_vecs: dict[tuple[str, int], np.ndarray] = {}
    if same_settings and not force and old_docs:
        try:
            _, old_chunks, old_emb, _ = store.load(with_embeddings=True)
            for doc in docs:
                prev = old_docs.get(doc.doc_id)
                if prev and prev["sha256"] == doc.sha256 and old_emb is not None:
                    idx = [i for i, c in enumerate(old_chunks) if c["doc_id"] == doc.doc_id]
                    reusable[doc.doc_id] = ([old_chunks[i] for i in idx], old_emb[idx])
            if reusable:
                sents, svecs = store.load_sentences(with_embeddings=True)
                old_sent_vecs = {(r["chunk_id"], r["i"]): v for r, v in zip(sents, svecs, strict=True)
                                 if r["doc_id"] in reusable}
        except (IndexMissingError, IndexUnavailableError):
            reusable, old_sent_vecs = {}, {}

    # after a change of the reader (a new index schema) most passages and sentences come out as before: their vectors,
    # made by the same model from the same text, are taken from the old build instead of embedded again
    old_fp = old_manifest.get("fingerprint", {})
    known_vecs = {} if (force or same_settings or old_fp.get("model") != fp["model"]
                        or old_fp.get("embed_format", 1) != EMBED_FORMAT) else _vectors_by_text(store)

    all_chunks: list[dict] = []
    all_tokens: list[list[str]] = []
    all_emb: list[np.ndarray] = []
    doc_entries: list[dict] = []
    to_embed: list[int] = []
    # one bar over the pages of every file to read, so its rate and ETA hold across files of any length
    to_read = [d for d in docs if d.doc_id not in reusable]
    page_counts = {d.doc_id: _page_count(d.path) for d in to_read}
    bar = tqdm(total=sum(page_counts.values()) or None, desc="reading / 読み取り", unit="page", disable=not show_progress)
    n_read = 0
    for doc in docs:
        if doc.doc_id in reusable:
            chunks, emb = reusable[doc.doc_id]
            for c in chunks:
                all_tokens.append(c.pop("tokens", None) or lexical_tokens(c))
                all_chunks.append(c)
            all_emb.append(emb)
            report.docs_reused.append(doc.doc_id)
            doc_entries.append(doc.as_dict() | {"chunks": len(chunks), "pages": old_docs[doc.doc_id].get("pages", 0)})
            continue
        n_read += 1
        bar.set_postfix_str(f"document / 文書 {n_read}/{len(to_read)} {doc.path.name[:24]}")
        base = bar.n

        def progress(done: int, total: int, _base=base) -> None:
            bar.update(_base + done - bar.n)

        read_started = time.perf_counter()
        try:
            chunks, n_pages = chunk_document(doc, min_chars, max_chars, progress=progress)
        except DocumentError as err:
            report.failures.append(err)
            continue
        except Exception as exc:  # a layout this reader gets wrong must not cost the user the other documents
            log.exception("reading %s failed", doc.path)
            report.failures.append(DocumentError(
                doc.path, f"could not be read: an error in the layout reader ({type(exc).__name__}); "
                "the other documents are indexed",
                "レイアウトの読み取りでエラーが起きたため、この文書は索引に入れていません（他の文書は入れました）"))
            continue
        finally:
            bar.update(base + page_counts[doc.doc_id] - bar.n)  # a file that failed part-way still counts as read
            report.read_seconds += time.perf_counter() - read_started
        report.pages += n_pages
        for c in chunks:
            to_embed.append(len(all_chunks))
            c["names"] = [list(n) for n in names_in(search_text(c))]  # for English questions (ingest/romaji.py)
            all_chunks.append(c)
            all_tokens.append(lexical_tokens(c))
        all_emb.append(np.zeros((len(chunks), 0), dtype=np.float32))  # placeholder, filled below
        report.docs_indexed.append(doc.doc_id)
        doc_entries.append(doc.as_dict() | {"chunks": len(chunks), "pages": n_pages})

    bar.close()
    report.docs_removed = [d for d in old_docs if d not in wanted]
    if not all_chunks:
        report.seconds = time.perf_counter() - started
        return report  # nothing readable: keep whatever index there is

    if embedder is None:
        from .embedder import Embedder

        embedder = Embedder(model)
    dim = embedder.dimension
    vectors = np.zeros((len(all_chunks), dim), dtype=np.float32)
    offset = 0
    for block in all_emb:  # reused vectors in place
        if block.shape[1] == dim:
            vectors[offset : offset + len(block)] = block
        offset += len(block)
    sentences: list[dict] = []
    sent_texts: list[str] = []
    for c in all_chunks:
        for i, (sent, text) in enumerate(chunk_sentences(c)):
            sentences.append({"chunk_id": c["id"], "doc_id": c["doc_id"], "i": i, "text": sent})
            sent_texts.append(text)
    sent_vectors = np.zeros((len(sentences), dim), dtype=np.float32)
    sent_todo: list[int] = []
    # a chunk that is one sentence already has that sentence's vector: embedding it twice only costs time
    chunk_pos = {c["id"]: i for i, c in enumerate(all_chunks)}
    per_chunk: dict[str, int] = {}
    for r in sentences:
        per_chunk[r["chunk_id"]] = per_chunk.get(r["chunk_id"], 0) + 1
    same_as_chunk: dict[int, int] = {}
    for j, r in enumerate(sentences):
        old = old_sent_vecs.get((r["chunk_id"], r["i"]))
        ci = chunk_pos[r["chunk_id"]]
        if per_chunk[r["chunk_id"]] == 1 and squash(sent_texts[j]) == squash(search_text(all_chunks[ci])):
            same_as_chunk[j] = ci
        elif old is not None:
            sent_vectors[j] = old
        elif (known := known_vecs.get(sent_texts[j])) is not None and known.shape[0] == dim:
            sent_vectors[j] = known
            report.vectors_reused += 1
        else:
            sent_todo.append(j)
    still: list[int] = []
    for i in to_embed:
        known = known_vecs.get(search_text(all_chunks[i]))
        if known is not None and known.shape[0] == dim:
            vectors[i] = known
            report.vectors_reused += 1
        else:
            still.append(i)
    to_embed = still
    texts = [search_text(all_chunks[i]) for i in to_embed] + [sent_texts[j] for j in sent_todo]
    targets = [(vectors, i) for i in to_embed] + [(sent_vectors, j) for j in sent_todo]
    # batches of similar length: a batch is padded to its longest text, so mixing 30-character
    # sentences with 600-character chunks costs most of the time on padding
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    texts, targets = [texts[k] for k in order], [targets[k] for k in order]
    if texts:
        ebar = tqdm(total=len(texts), desc="embedding / ベクトル化", unit="text", disable=not show_progress)
        embed_started = time.perf_counter()
        for s in range(0, len(texts), 64):
            vecs = embedder.embed_passages(texts[s : s + 64])
            for (arr, row), v in zip(targets[s : s + 64], vecs, strict=True):
                arr[row] = v
            ebar.update(len(vecs))
        ebar.close()
        report.embedded = len(texts)
        report.embed_seconds = time.perf_counter() - embed_started
    for j, ci in same_as_chunk.items():
        sent_vectors[j] = vectors[ci]

    manifest = {
        "fingerprint": fp,
        "documents": doc_entries,
        "chunks": len(all_chunks),
        "sentences": len(sentences),
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "failures": [
            {"file": Path(f.path).name, "en": f.en, "ja": f.ja, "doc_id": by_path[f.path].doc_id, "sha256": by_path[f.path].sha256}
            for f in report.failures
        ],
    }
    report.build_id = store.write_build(all_chunks, all_tokens, vectors, manifest, sentences, sent_vectors)
    report.changed = True
    report.chunks = len(all_chunks)
    report.seconds = time.perf_counter() - started
    return report


def _vectors_by_text(store: IndexStore) -> dict[str, np.ndarray]:
    """The old build's vectors by the exact text they were made from (a passage's search text, a sentence's
    embedded text), to reuse where the new build embeds the same text with the same model and embedding format. A
    sentence is matched only where today's splitting of its old passage gives the very sentence stored. Empty when
    the old build cannot be read: then everything is embedded."""
    out: dict[str, np.ndarray] = {}
    try:
        _, old_chunks, old_emb, _ = store.load(with_embeddings=True)
        sents, svecs = store.load_sentences(with_embeddings=True)
        if old_emb is not None and len(old_emb) == len(old_chunks):
            for c, v in zip(old_chunks, old_emb, strict=True):
                out.setdefault(search_text(c), v)
        split = {(c["id"], i): (sent, text) for c in old_chunks for i, (sent, text) in enumerate(chunk_sentences(c))}
        if svecs is not None and len(svecs) == len(sents):
            for r, v in zip(sents, svecs, strict=True):
                sent, text = split.get((r["chunk_id"], r["i"]), ("", ""))
                if text and sent == r.get("text"):
                    out.setdefault(text, v)
    except (IndexMissingError, IndexUnavailableError, OSError, ValueError, KeyError):
        return {}
    return out
