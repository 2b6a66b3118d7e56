"""BM25 over content-word tokens, as a sparse matrix: fast, immutable, safe to share between threads."""

from __future__ import annotations

import numpy as np
from scipy import sparse


class BM25:
    def __init__(self, docs_tokens: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.zeros(len(docs_tokens), dtype=np.float32)
        for i, toks in enumerate(docs_tokens):
            lengths[i] = len(toks)
            counts: dict[int, int] = {}
            for t in toks:
                j = vocab.setdefault(t, len(vocab))
                counts[j] = counts.get(j, 0) + 1
            for j, c in counts.items():
                rows.append(i)
                cols.append(j)
                vals.append(c)
        self.vocab = vocab
        n = len(docs_tokens)
        tf = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, max(len(vocab), 1)))
        df = np.bincount(np.array(cols, dtype=np.int64), minlength=max(len(vocab), 1)).astype(np.float32)
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        avg = float(lengths.mean()) if n else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1e-6))
        # precompute the BM25 weight of every (doc, term) pair
        tf = tf.tocoo()
        w = tf.data * (k1 + 1) / (tf.data + norm[tf.row])
        self.matrix = sparse.csc_matrix((w * self.idf[tf.col], (tf.row, tf.col)), shape=tf.shape)
        self.n = n

    def scores(self, query_tokens: list[str], weights: dict[str, float] | None = None) -> np.ndarray:
        """BM25 score of every document; a repeated query term counts once. ``weights`` scales
        single terms (a synonym the vocabulary added counts less than the user's own word)."""
        picked: dict[int, float] = {}
        for t in query_tokens:
            j = self.vocab.get(t)
            if j is not None:
                picked[j] = max(picked.get(j, 0.0), (weights or {}).get(t, 1.0))
        if not picked or self.n == 0:
            return np.zeros(self.n, dtype=np.float32)
        cols = sorted(picked)
        if all(picked[j] == 1.0 for j in cols):
            return np.asarray(self.matrix[:, cols].sum(axis=1)).ravel()
        w = np.array([picked[j] for j in cols], dtype=np.float32)
        return np.asarray(self.matrix[:, cols] @ w).ravel()

    def idf_of(self, token: str) -> float | None:
        """IDF of a token in this index, or None when no chunk holds it."""
        j = self.vocab.get(token)
        return float(self.idf[j]) if j is not None else None

    def top(self, query_tokens: list[str], k: int) -> list[tuple[int, float]]:
        s = self.scores(query_tokens)
        if not s.any():
            return []
        k = min(k, int((s > 0).sum()))
        idx = np.argpartition(-s, k - 1)[:k]
        idx = idx[np.argsort(-s[idx], kind="stable")]
        return [(int(i), float(s[i])) for i in idx]
