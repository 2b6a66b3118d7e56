"""Hybrid retrieval: Sudachi BM25 + e5 dense search in Chroma, fused; exact filters; follow-ups.

One `Retriever` per process holds the embedding model and an immutable `Snapshot` of the
active index build (chunks, BM25, Chroma collections). A search reads one snapshot from start
to end; a reload (after `kyoju ingest` swapped in a new build) builds a new snapshot aside and
replaces the reference in one assignment, so a search during a rebuild never mixes two builds.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from ingest.index import IndexStore, IndexUnavailableError
from ingest.lexical import BM25
from ingest.tokens import content_words, prepare

from . import doc_names
from .doc_names import DocNames
from .query import Query, analyze, is_follow_up, standalone_question, synonym_tokens  # noqa: F401
from .rerank import RerankModel, Scores, named_first, reordered
from .rerank import load_model as load_rerank_model
from .romaji_names import NameIndex
from .settings import Settings

FILTER_KEYS = ("doc_id", "section", "kind")
SYNONYM_WEIGHT = 0.5  # a word the vocabulary added counts half of the user's own word in BM25


@dataclass
class Hit:
    chunk: dict
    score: float
    rank: int
    dense: float = 0.0
    lexical: float = 0.0
    neighbours: list[dict] = field(default_factory=list)
    sentence_scores: dict[str, float] = field(default_factory=dict)  # sentence text -> cosine to the query
    row_score: float = 0.0  # best cosine of one of its table rows read under the column labels (ingest/table_rows.py)
    dense_rank: int | None = None
    lexical_rank: int | None = None
    standing: Scores | None = None  # its fused, dense and lexical standing among all candidates (the reranker's)

    @property
    def text(self) -> str:
        return self.chunk["text"]

    def as_dict(self) -> dict:
        c = self.chunk
        return {
            "rank": self.rank,
            "score": round(self.score, 5),
            "dense": round(self.dense, 4),
            "lexical": round(self.lexical, 3),
            "id": c["id"],
            "doc_id": c["doc_id"],
            "title": c.get("doc_title", ""),
            "page": c.get("page_label", ""),
            "section": c.get("section", ""),
            "section_title": c.get("section_title", ""),
            "kind": c.get("kind", ""),
            "unit_title": c.get("unit_title", ""),
            "text": c["text"],
        }


@dataclass(frozen=True)
class Snapshot:
    """One index build as read: never changed after construction, shared by concurrent searches."""

    build_id: str
    chunks: list[dict]
    bm25: BM25
    collection: object
    sentences: object | None
    n_sentences: int
    pos: dict[str, int]
    manifest: dict
    blank_forms: frozenset[int] = frozenset()  # chunk indices of blank forms (様式), found once per build
    doc_names: DocNames = field(default_factory=lambda: DocNames({}, {}))  # words that name each document
    names: NameIndex = field(default_factory=NameIndex)  # printed names by romanisation, for English questions


def normalize_query(q: str) -> str:
    """NFKC, short forms, era abbreviations (R4 -> 令和4年度), spaces squeezed: the text `analyze` matches on."""
    return prepare(re.sub(r"\s+", " ", (q or "").replace("\u0000", " ")).strip())


# empty, or only the frame of a value to fill in (年 月 日, 円, □); ○ and － are values in a survey matrix
PLACEHOLDER = re.compile(r"^[\s年月日円□／/()（）:：]*$")


def is_blank_form(chunk: dict) -> bool:
    """A form to fill in (様式): a grid of at least four value cells, at least half of them empty or
    only placeholders (「年　月　日」「円」「□」). It repeats the document's terms and states nothing."""
    grid = chunk.get("grid") or []
    cells = [c for row in grid[1:] for c in row[1:]] if len(grid) > 1 else []
    if len(grid) > 1 and len(grid[0]) == 2:  # label | blank: the labels are the rows, every value is a cell
        cells = [row[1] for row in grid if len(row) > 1]
    if len(cells) < 4:
        return False
    return sum(1 for c in cells if PLACEHOLDER.match(c or "")) / len(cells) >= 0.5


def rrf(rank_lists: list[list[int]], k: int = 60) -> dict[int, float]:
    scores: dict[int, float] = {}
    for ranks in rank_lists:
        for r, i in enumerate(ranks):
            scores[i] = scores.get(i, 0.0) + 1.0 / (k + r + 1)
    return scores


def weighted(dense: dict[int, float], lexical: dict[int, float], alpha: float = 0.5) -> dict[int, float]:
    """Min-max normalised scores, summed with weight alpha on the dense side."""

    def norm(d: dict[int, float]) -> dict[int, float]:
        if not d:
            return {}
        lo, hi = min(d.values()), max(d.values())
        return {i: (v - lo) / (hi - lo) if hi > lo else 1.0 for i, v in d.items()}

    nd, nl = norm(dense), norm(lexical)
    return {i: alpha * nd.get(i, 0.0) + (1 - alpha) * nl.get(i, 0.0) for i in set(nd) | set(nl)}


def standardize(scores: dict[int, float]) -> dict[int, float]:
    """Scores as standard deviations from their mean over the candidates (z-scores)."""
    return standardize_with_floor(scores)[0]


def standardize_with_floor(scores: dict[int, float], depth: int = 0) -> tuple[dict[int, float], float]:
    """(z-scores over the candidates, where a passage the side did not return stands). A side returns its top
    `depth` passages; one that returned fewer matched no more, so the rest score 0 and count as such, down to
    `depth`: BM25 matching one passage alone (a rare word) puts it far ahead, where a z-score over that one
    passage gave 0, the same as the passages it did not match. `depth` is the number of passages the side could
    have returned (its candidate count, or fewer in a small or filtered index): a side that returned all of them
    is read as before, its floor below its last candidate."""
    if not scores:
        return {}, 0.0
    v = np.fromiter(scores.values(), dtype=float)
    padded = len(v) < depth
    if padded:
        v = np.concatenate([v, np.zeros(depth - len(v))])
    mean, sd = float(v.mean()), float(v.std()) or 1.0
    z = {i: (x - mean) / sd for i, x in scores.items()}
    return z, ((0.0 - mean) / sd if padded else min(z.values()))


def zscore(dense: dict[int, float], lexical: dict[int, float], dense_weight: float, depth: int = 0
           ) -> dict[int, float]:
    """Each side's scores standardised over its own candidates, then a weighted sum.

    Rank fusion (RRF) throws away how far ahead a passage is: a BM25 score far above the rest and one
    barely ahead count the same, so on documents where the dense model is weak (a new layout, a 要綱)
    its second-rate favourite outvoted a clear lexical winner. Standardised scores keep the margins.
    A candidate found by the dense side only gets the dense side's lowest score; one the lexical side did not
    return stands where `standardize_with_floor` puts it (`depth`: the passages BM25 could have returned)."""
    nd = standardize(dense)
    nl, floor_l = standardize_with_floor(lexical, depth)
    floor_d = min(nd.values(), default=0.0)
    return {i: dense_weight * nd.get(i, floor_d) + (1 - dense_weight) * nl.get(i, floor_l) for i in set(nd) | set(nl)}


def demote(fused: dict[int, float], which: frozenset[int] | set[int], penalty: float) -> dict[int, float]:
    """Lower the passages in `which` by `penalty` standard deviations of the fused scores
    (the same meaning whatever the fusion method)."""
    if not penalty or not fused or not (which & fused.keys()):
        return fused
    sd = float(np.std(np.fromiter(fused.values(), dtype=float))) or 1.0
    return {i: s - (penalty * sd if i in which else 0.0) for i, s in fused.items()}


def clean_filters(filters: dict | None) -> dict[str, list[str]]:
    """Only known keys, each as a list of exact values; empty selections dropped."""
    out: dict[str, list[str]] = {}
    for key, want in (filters or {}).items():
        if key not in FILTER_KEYS or want in (None, "", [], ()):
            continue
        vals = list(want) if isinstance(want, list | tuple | set | frozenset) else [want]
        out[key] = [str(v) for v in vals]
    return out


def chroma_where(filters: dict[str, list[str]]) -> dict | None:
    """Exact-match filters as Chroma's `where`, so the dense side ranks within the filtered set."""
    conds = [{k: {"$in": v}} for k, v in filters.items()]
    if not conds:
        return None
    return conds[0] if len(conds) == 1 else {"$and": conds}


def filter_mask(chunks: list[dict], filters: dict[str, list[str]]) -> np.ndarray | None:
    """Exact matches only: doc `report` does not keep `report-2`, section `4` does not keep `4（1）`."""
    if not filters:
        return None
    keep = np.ones(len(chunks), dtype=bool)
    for key, vals in filters.items():
        wanted = set(vals)
        keep &= np.fromiter((str(c.get(key, "")) in wanted for c in chunks), dtype=bool, count=len(chunks))
    return keep


class Retriever:
    def __init__(self, settings: Settings, embedder=None):
        self.settings = settings
        self.store = IndexStore(settings.store_config)
        self._embedder = embedder
        self._reload_lock = threading.Lock()
        self._checked = 0.0
        self._snap: Snapshot = self._read_snapshot()

    # ---- loading ---------------------------------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            from ingest.embedder import Embedder

            self._embedder = Embedder(self.settings.embedding_model)
        return self._embedder

    @property
    def snapshot(self) -> Snapshot:
        return self._snap

    # read-only views of the active snapshot, for callers that show the index (chat, CLI)
    @property
    def chunks(self) -> list[dict]:
        return self._snap.chunks

    @property
    def bm25(self) -> BM25:
        return self._snap.bm25

    @property
    def build_id(self) -> str:
        return self._snap.build_id

    @property
    def names(self) -> NameIndex:
        """The active build's printed names by romanisation (reloaded first if another process swapped the build:
        a question is analysed before it is searched)."""
        self.refresh()
        return self._snap.names

    @property
    def manifest(self) -> dict:
        return self._snap.manifest

    @property
    def pos(self) -> dict[str, int]:
        return self._snap.pos

    @property
    def n_sentences(self) -> int:
        return self._snap.n_sentences

    def _read_snapshot(self) -> Snapshot:
        snap = self.store.load_snapshot()  # chunks, collections and manifest of one build
        chunks = snap.chunks
        sentences = snap.sentences
        return Snapshot(
            build_id=snap.build_id, chunks=chunks, bm25=BM25([c["tokens"] for c in chunks]), collection=snap.collection,
            sentences=sentences, n_sentences=sentences.count() if sentences is not None else 0,
            pos={c["id"]: i for i, c in enumerate(chunks)}, manifest=snap.manifest,
            blank_forms=frozenset(i for i, c in enumerate(chunks) if c.get("grid") and is_blank_form(c)),
            doc_names=doc_names.build(chunks, snap.manifest or {}), names=NameIndex.build(chunks),
        )

    def _load(self) -> None:
        with self._reload_lock:  # one reload at a time; searches never wait for it
            self._snap = self._read_snapshot()

    def refresh(self, max_age_s: float = 2.0) -> bool:
        """Reload when another process swapped in a new build; cheap enough to call per question."""
        now = time.monotonic()
        if now - self._checked < max_age_s:
            return False
        self._checked = now
        current = self.store.current_build()  # IndexUnavailableError when the server is gone
        if current and current != self._snap.build_id:
            self._load()
            return True
        return False

    def chunk_by_id(self, chunk_id: str) -> dict | None:
        snap = self._snap
        i = snap.pos.get(chunk_id)
        return snap.chunks[i] if i is not None else None

    def idf(self, token: str) -> float:
        """IDF of a token; a token no chunk holds weighs more than the rarest one (it names a new topic)."""
        bm = self._snap.bm25
        v = bm.idf_of(token)
        return v if v is not None else float(bm.idf.max(initial=1.0)) + 1.0

    def knows(self, token: str) -> bool:
        return self._snap.bm25.idf_of(token) is not None

    # ---- search ----------------------------------------------------------------------------
    def dense_search(self, snap: Snapshot, text: str, n: int, filters: dict[str, list[str]],
                     sentence_scores: dict | None = None, row_scores: dict | None = None) -> dict[int, float]:
        """Chunk cosine plus the chunk's best sentence cosine (parent-document scoring: a chunk
        vector averages several sentences; a question usually matches one of them; a table's rows count as its
        sentences). ``sentence_scores`` (if given) is filled with chunk index -> {sentence: cosine} for its prose
        sentences, ``row_scores`` with chunk index -> its best row's cosine: the composer and answerability read
        sentences, which a table row read under its labels is not."""
        n = min(n, len(snap.chunks))
        if n == 0:
            return {}
        vec = self.embedder.embed_queries([text])[0].tolist()
        try:
            return self._dense(snap, vec, n, filters, sentence_scores, row_scores)
        except IndexUnavailableError:
            raise
        except Exception as exc:  # Chroma server stopped, network gone: a clear error, not a traceback
            raise IndexUnavailableError(f"dense search failed: {type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _dense(snap: Snapshot, vec: list[float], n: int, filters: dict[str, list[str]],
               sentence_scores, row_scores=None) -> dict[int, float]:
        where = chroma_where(filters)
        res = snap.collection.query(query_embeddings=[vec], n_results=n, where=where, include=["distances"])
        chunk_cos: dict[int, float] = {}
        for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True):
            if cid in snap.pos:
                chunk_cos[snap.pos[cid]] = 1.0 - float(dist)
        best: dict[int, float] = {}
        if snap.sentences is not None and snap.n_sentences:
            # sentence records carry doc_id, section and kind: filter inside Chroma there too. Prose sentences and
            # table rows are searched apart, so that the rows of one long table cannot crowd out the sentences
            s_where = chroma_where(filters)
            mask = filter_mask(snap.chunks, filters)
            rows: dict[int, float] = {}
            for is_row, depth in ((False, n * 4), (True, n * 2)):
                part = {"row": is_row} if s_where is None else {"$and": [s_where, {"row": is_row}]}
                sres = snap.sentences.query(query_embeddings=[vec], n_results=min(depth, snap.n_sentences), where=part,
                                            include=["distances", "metadatas", "documents"])
                for meta, doc, dist in zip(sres["metadatas"][0], sres["documents"][0], sres["distances"][0],
                                           strict=True):
                    i = snap.pos.get(meta.get("chunk_id"))
                    if i is None or (mask is not None and not mask[i]):
                        continue
                    cos = 1.0 - float(dist)
                    best[i] = max(best.get(i, -1.0), cos)
                    if is_row:
                        rows[i] = max(rows.get(i, -1.0), cos)
                    elif sentence_scores is not None:
                        sentence_scores.setdefault(i, {})[doc] = cos
            if row_scores is not None and rows:
                # a table whose rows all fell below the search depth: as near as the farthest row found, not 0
                floor_r = min(rows.values())
                for i in set(chunk_cos) | set(best):
                    tabled = any(x.startswith("|") for x in snap.chunks[i]["text"].split("\n"))
                    row_scores[i] = rows.get(i, floor_r if tabled else 0.0)
        out: dict[int, float] = {}
        floor_c = min(chunk_cos.values(), default=0.0)
        floor_s = min(best.values(), default=0.0)
        for i in set(chunk_cos) | set(best):
            c = chunk_cos.get(i, floor_c)
            out[i] = c + (best.get(i, floor_s) if best else c)
        return out

    @staticmethod
    def lexical_search(snap: Snapshot, q: Query, n: int, filters: dict[str, list[str]],
                       mask: np.ndarray | None = None) -> dict[int, float]:
        extra = synonym_tokens(q.tokens)
        weights = {t: SYNONYM_WEIGHT for t in extra}
        named = snap.doc_names.named(q.lexical_text, q.tokens)
        # a name an English question spells (Hanazono -> はなぞの市), as printed: one token on both sides (ingest
        # adds each chunk's names), however Sudachi splits a kana name in its context — unless its words name a
        # document, which picks the document below
        naming = {w for words in named.values() for w in words}
        places = [n for n in q.names if n not in q.tokens and not naming & set(content_words(n))]
        asked = list(q.tokens) + extra + places
        scores = snap.bm25.scores(asked, weights)
        for doc, words in named.items():
            # words naming a document pick the document: each of its passages counts as holding them once
            # (tried: letting a passage that prints them keep its higher score — the cover then won again)
            rest = snap.bm25.scores([t for t in asked if t not in words], weights)
            members = np.fromiter(snap.doc_names.members[doc], dtype=np.int64)
            scores[members] = rest[members] + sum(snap.bm25.idf_of(t) or 0.0 for t in words)
        mask = filter_mask(snap.chunks, filters) if mask is None else mask
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        if not scores.any():
            return {}
        n = min(n, int((scores > 0).sum()))
        idx = np.argsort(-scores, kind="stable")[:n]
        return {int(i): float(scores[i]) for i in idx}

    def search(
        self,
        question: str | Query,
        k: int | None = None,
        history: list[dict] | None = None,
        filters: dict | None = None,
        mode: str = "hybrid",
        neighbours: bool = False,
        rerank: bool = True,
    ) -> list[Hit]:
        """Top-k passages for a question (text, or a `Query` already analysed); `rerank=False` keeps the fused
        order (the reranker's own fit reads that)."""
        return self.search_judged(question, k, history, filters, mode, neighbours, rerank)[0]

    def search_judged(
        self,
        question: str | Query,
        k: int | None = None,
        history: list[dict] | None = None,
        filters: dict | None = None,
        mode: str = "hybrid",
        neighbours: bool = False,
        rerank: bool = True,
    ) -> tuple[list[Hit], list[Hit]]:
        """(the top k as shown, the top k in fused order) from one search: answerability reads the fused order
        (see app.answer: the reranker selects for the signals answerability observes), the answer the reranked one."""
        self.refresh()
        snap = self._snap  # one build for the whole search
        k = k or self.settings.top_k
        q = question if isinstance(question, Query) else analyze(question, history, names=snap.names)
        if not q.standalone:
            return [], []
        flt = clean_filters(filters)
        sent_scores: dict[int, dict[str, float]] = {}
        row_scores: dict[int, float] = {}
        dense: dict[int, float] = {}
        if mode != "lexical":
            try:
                dense = self.dense_search(snap, q.dense_text, self.settings.dense_candidates, flt, sent_scores, row_scores)
            except IndexUnavailableError:
                # another replica may have swapped in a new build and dropped an old one: reload once
                if not self.refresh(max_age_s=0):
                    raise
                snap = self._snap
                dense = self.dense_search(snap, q.dense_text, self.settings.dense_candidates, flt, sent_scores, row_scores)
        mask = filter_mask(snap.chunks, flt)  # read once: the lexical side and its depth below
        lexical = self.lexical_search(snap, q, self.settings.lexical_candidates, flt, mask) if mode != "dense" else {}
        # the passages BM25 could have returned: its candidate count, or fewer in a small or filtered index
        depth = min(self.settings.lexical_candidates, int(mask.sum()) if mask is not None else len(snap.chunks))
        rank_d = sorted(dense, key=lambda i: -dense[i])
        rank_l = sorted(lexical, key=lambda i: -lexical[i])
        if mode == "dense":
            fused = dense
        elif mode == "lexical":
            fused = lexical
        elif self.settings.fusion == "weighted":
            fused = weighted(dense, lexical)
        elif self.settings.fusion == "rrf":
            fused = rrf([rank_d, rank_l], self.settings.rrf_k)
        else:
            fused = zscore(dense, lexical, self.settings.dense_weight, depth)
        if mode not in ("dense", "lexical"):
            fused = demote(fused, snap.blank_forms, self.settings.blank_form_penalty)
        pos_d = {i: r + 1 for r, i in enumerate(rank_d)}
        pos_l = {i: r + 1 for r, i in enumerate(rank_l)}
        model = self.rerank_model if mode not in ("dense", "lexical") and rerank else None
        order = sorted(fused, key=lambda i: (-fused[i], i))[: max(k, self.settings.rerank_depth) if model else k]
        nd, nf = standardize(dense), standardize(fused)
        nl, floor_l = standardize_with_floor(lexical, depth)
        floor_d = min(nd.values(), default=0.0)
        hits = [Hit(snap.chunks[i], fused[i], r + 1, dense.get(i, 0.0) / 2, lexical.get(i, 0.0),
                    sentence_scores=sent_scores.get(i, {}), row_score=row_scores.get(i, 0.0), dense_rank=pos_d.get(i), lexical_rank=pos_l.get(i),
                    standing=Scores(nf[i], nd.get(i, floor_d), nl.get(i, floor_l), r + 1, pos_d.get(i), pos_l.get(i)))
                for r, i in enumerate(order)]
        fused_top = [dataclasses.replace(h) for h in hits[:k]]
        if model is not None:
            hits = reordered(q, self, hits, model)
        if model is not None or (q.refs and mode not in ("dense", "lexical")):  # the baselines keep their order
            hits = named_first(q, hits, k)[:k]
            for r, h in enumerate(hits):
                h.rank = r + 1
        for h in hits:
            if neighbours:
                i = snap.pos[h.chunk["id"]]
                h.neighbours = [snap.chunks[j] for j in (i - 1, i + 1)
                                if 0 <= j < len(snap.chunks) and snap.chunks[j]["doc_id"] == snap.chunks[i]["doc_id"]]
        return hits, fused_top

    @property
    def rerank_model(self) -> RerankModel | None:
        """The fitted reranker, or None: no file, or a depth of 0 (the fused order stands)."""
        if self.settings.rerank_depth <= 0:
            return None
        return load_rerank_model(str(self.settings.rerank_model))
