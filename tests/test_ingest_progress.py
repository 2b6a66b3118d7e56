"""Ingest progress and the cheap paths: one page bar over all files (documents, pages, ETA), and a
re-ingest with nothing changed that opens no PDF (titles read from covers are remembered)."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory):
    from tests.docgen import build_all

    tmp = tmp_path_factory.mktemp("progress")
    gen = tmp / "gen"
    try:
        build_all(gen, only=["faq", "minutes"])
    except RuntimeError as err:  # no Japanese font on this machine
        pytest.skip(str(err))
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name in ("faq-leaflet.pdf", "minutes.pdf"):
        shutil.copy(gen / name, corpus / name)
    return tmp, corpus


def test_progress_shows_documents_pages_and_eta(two_docs, model_path, embedder, capsys):
    from conftest import make_settings

    from ingest.pipeline import run_ingest

    tmp, corpus = two_docs
    s = make_settings(tmp / "a", corpus, model_path)
    rep = run_ingest(corpus, s.store_config, model_path, show_progress=True, embedder=embedder)
    assert rep.ok and rep.pages == 9
    err = capsys.readouterr().err
    assert "読み取り" in err and "/9 " in err  # one bar over the 4 + 5 pages of both files
    assert "document / 文書 1/2" in err and "document / 文書 2/2" in err
    assert "page/s" in err or "s/page" in err
    assert "<" in err  # tqdm's elapsed<remaining: the ETA
    assert "ベクトル化" in err


def test_reingest_with_nothing_changed_opens_no_pdf(two_docs, model_path, embedder, monkeypatch):
    from conftest import make_settings

    import ingest.corpus
    from ingest.pipeline import run_ingest

    tmp, corpus = two_docs
    s = make_settings(tmp / "b", corpus, model_path)
    first = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    assert first.changed

    def opened(path):
        raise AssertionError(f"{path} opened again to read its title")

    monkeypatch.setattr(ingest.corpus, "pdf_title", opened)
    again = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    assert not again.changed and again.chunks == first.chunks


def test_a_new_reader_schema_reuses_the_vectors_of_unchanged_text(two_docs, model_path, embedder, monkeypatch):
    """After an upgrade that changes the reader (a new index schema), every file is read again, but a passage or a
    sentence whose text comes out as before keeps its vector: only changed text is embedded."""
    import numpy as np
    from conftest import make_settings

    import ingest.pipeline
    from ingest.index import IndexStore
    from ingest.pipeline import run_ingest

    tmp, corpus = two_docs
    s = make_settings(tmp / "c", corpus, model_path)
    first = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    _, chunks_a, emb_a, _ = IndexStore(s.store_config).load(with_embeddings=True)
    monkeypatch.setattr(ingest.pipeline, "SCHEMA_VERSION", ingest.pipeline.SCHEMA_VERSION + 1)
    again = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    assert again.changed and again.docs_indexed  # read again: the reader changed
    assert again.vectors_reused >= first.chunks and again.embedded == 0  # nothing new to embed
    _, chunks_b, emb_b, _ = IndexStore(s.store_config).load(with_embeddings=True)
    assert [c["id"] for c in chunks_b] == [c["id"] for c in chunks_a]
    assert np.allclose(emb_a, emb_b)
