"""eval.pairs decides composed answers: a file the answerability model was fitted on out of fold, each question by a
model that never saw its document; any other file by the shipped model's own verdict. Pure (no index)."""

import numpy as np

from app.answer_types import ABSTAIN_TEXT
from app.answerability import FEATURES
from eval.pairs import decide


def _rows(n_docs: int = 10, per_doc: int = 12, seed: int = 0) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        for k in range(per_doc):
            answerable = k % 3 != 0
            f = {name: float(rng.normal()) for name in FEATURES}
            f["cover_syn"] = float(rng.normal(1.5 if answerable else -1.5, 0.5))
            q = {"id": f"d{d}-{k}", "answerable": answerable, "facts": [["42件"]] if answerable else [],
                 "evidence": ["42件"] if answerable else []}
            rows.append({"id": q["id"], "doc": f"gen-{d}.pdf", "file": "eval/heldout-x.jsonl", "answerable": answerable,
                         "features": f, "answer": "相談は42件でした。", "abstained": False, "outcome": "answer",
                         "probability": 0.9, "citations": ["p.1"], "cite_texts": ["相談は42件でした。"], "_q": q})
    return rows


def test_a_trained_file_is_decided_out_of_fold_by_document_and_scored():
    rows = _rows()
    decide(rows, {"eval/heldout-x.jsonl"})
    folds = {}
    for r in rows:
        folds.setdefault(r["doc"], set()).add(r["fold"])
        assert "_q" not in r and "cite_texts" not in r  # settled: the question and the cited texts are consumed
        assert (r["fact_recall"] is not None) == r["answerable"]
    assert all(len(f) == 1 for f in folds.values())  # a document's questions share one fold
    refused = [r for r in rows if r["abstained"]]
    assert refused and all(r["answer"] == ABSTAIN_TEXT and r["citations"] == [] for r in refused)
    assert sum(not r["answerable"] for r in refused) / len(refused) >= 0.7  # the signal is learned without the doc


def test_an_answer_nothing_could_be_composed_for_is_an_abstention_whatever_the_verdict():
    from app.answer_types import CAUTIOUS_TEXT
    from eval.harness import settle

    rows = _rows(1, 2)
    rows[0]["answer"] = ABSTAIN_TEXT  # force_compose found nothing to say
    rows[1]["answer"] = f"{CAUTIOUS_TEXT}\n相談は42件でした。"
    settle(rows, [r.pop("_q") for r in rows], (["answer", "answer"], [0.9, 0.9], [0, 0]))
    assert rows[0]["abstained"] and rows[0]["outcome"] == "abstain" and rows[0]["citations"] == []
    assert not rows[1]["abstained"] and rows[1]["answer"] == "相談は42件でした。"  # the verdict drops the preface


def test_a_file_of_two_documents_is_folded_by_document_all_the_same():
    from eval.fit import folds

    groups = ["doc:a"] * 30 + ["doc:b"] * 30
    f = folds(np.array([1, 0, 1] * 20), 5, groups=groups)
    assert set(f[:30]) != set(f[30:]) and len(set(f[:30])) == 1 and len(set(f[30:])) == 1
