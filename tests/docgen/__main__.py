"""python -m tests.docgen OUTDIR [doc ...]"""

from __future__ import annotations

import sys
import time

from . import EVERY, build_all


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        names = EVERY
        print("usage: python -m tests.docgen OUTDIR [" + "|".join(names) + " ...]")
        return 2
    t0 = time.time()
    res = build_all(argv[0], argv[1:] or None)
    for f, t in res.items():
        print(f"{f}: {len(t['pages'])} pages, {len(t['sentences'])} sentences, {len(t['tables'])} tables")
    print(f"done in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
