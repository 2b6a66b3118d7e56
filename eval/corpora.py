"""The evaluation corpus: the shipped report plus the generated documents of other layouts.

`python -m eval.corpora DIR` fills DIR with corpus/'s files and the five PDFs of tests/docgen
(no manifest entries for those: titles must come from the documents themselves, as a user's
dropped-in PDF would). The question banks and held-out sets are scored against this corpus.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(target: Path) -> Path:
    from tests.docgen import build_all

    target.mkdir(parents=True, exist_ok=True)
    for f in (ROOT / "corpus").iterdir():
        if f.is_file():
            shutil.copy2(f, target / f.name)
    gen = target / "generated"
    gen.mkdir(exist_ok=True)
    build_all(gen)
    for truth in gen.glob("*.truth.json"):  # the truth files are for tests, not documents
        truth.unlink()
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "data/eval/corpus")))
