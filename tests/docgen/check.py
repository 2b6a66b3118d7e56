"""Self-check: python -m tests.docgen.check OUTDIR [--only doc,doc] [QUESTIONS.jsonl ...]

`--only newsletter,youkou` checks the held-out documents (FRESH) instead of the default five;
`--only kaede_tebiki,kaede_setsumeikai` the second held-out set (BLIND);
`--only aoba_gijiyoshi,aoba_qa` the third (BLIND3);
`--only harukaze_leaflet,harukaze_tsuchi` the fourth (BLIND4);
`--only mizuho_chousa,mizuho_houjin` the fifth (BLIND5); `--only tomoe_gaiyou,tomoe_ichiran` the sixth (BLIND6);
`--only hinata_jireishu,hinata_shiryou` the seventh (BLIND7); `--only izumi_tebiki,izumi_handout` the eighth (BLIND8);
`--only kitahama_kenshu,kitahama_soukai` the eleventh (BLIND11);
`--only tsubaki_leaflet,tsubaki_houkoku` the twelfth (BLIND12);
`--only kotobuki_shiryou,kotobuki_youbou` the thirteenth (BLIND13);
`--only minamino_anketo,minamino_kouhou` the fourteenth (BLIND14);
`--only sazanami_web,sazanami_keikaku` the fifteenth (BLIND15);
`--only tsutsuji_handout,tsutsuji_sheet` the sixteenth (BLIND16);
`--only suzuran_booklet,suzuran_chousahyou` the seventeenth (BLIND17);
`--only akitsu_kaiji,akitsu_yasashii` the forty-eighth (BLIND48).

Builds every document into OUTDIR, then with pdfplumber verifies that every truth sentence
(whitespace removed) is printed on the pages the truth names, that every footer/header label is on
its page, and the /Title rules.  Question files are checked against the truth: evidence must be a
substring of one body sentence (or a table caption / a row's first cell), facts of the body text.
Needs pdfplumber (not needed by the generator itself).
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return WS.sub("", unicodedata.normalize("NFKC", s))


def raw(s: str) -> str:
    return WS.sub("", s)


def check_pdfs(outdir: Path, only: list[str] | None = None) -> tuple[dict, list[str]]:
    import pdfplumber

    from . import build_all

    t0 = time.time()
    res = build_all(outdir, only=only, keep_docs=True)
    gen = time.time() - t0
    problems: list[str] = []
    print(f"generation: {gen:.2f}s")
    for file, truth in res.items():
        doc = truth.pop("_doc")
        with pdfplumber.open(outdir / file) as pdf:
            meta_title = pdf.metadata.get("Title")
            texts = [raw(p.extract_text() or "") for p in pdf.pages]
            npages = len(pdf.pages)
        if npages != len(truth["pages"]):
            problems.append(f"{file}: {npages} pages in PDF, {len(truth['pages'])} in truth")
        want_title = file in ("guide-booklet.pdf", "faq-leaflet.pdf", "activity-report.pdf", "sakura-newsletter.pdf",
                          "kaede-tebiki.pdf", "sazanami-web.pdf")
        if want_title != bool(meta_title):
            problems.append(f"{file}: /Title is {meta_title!r}")
        # every fragment is drawn where the truth says
        frag_ok = Counter()
        for sid, page, text in doc.truth.frags:
            if raw(text) and raw(text) not in texts[page]:
                problems.append(f"{file} p{page}: fragment not found: {text!r}")
            else:
                frag_ok[sid] += 1
        whole = split = 0
        for i, s in enumerate(truth["sentences"]):
            pages = s["pages"]
            joined = "".join(texts[p] for p in pages)
            if raw(s["text"]) in joined:
                whole += 1
            elif frag_ok[i]:
                split += 1  # printed in pieces (column / page / box boundary); pieces verified above
            else:
                problems.append(f"{file}: sentence {i} not found: {s['text'][:30]}")
        for p in truth["pages"]:
            for k in ("footer", "header"):
                if p[k] and raw(p[k]) not in texts[p["index"]]:
                    problems.append(f"{file} p{p['index']}: {k} {p[k]!r} not on page")
        multi = sum(1 for s in truth["sentences"] if len(s["pages"]) > 1)
        xs: dict = {}
        for sid, page, _t, x in doc.truth.frag_x:
            xs.setdefault((sid, page), set()).add(round(x))
        cross_col = sum(1 for v in xs.values() if len(v) > 1)
        print(f"{file}: {npages} pages, {len(truth['sentences'])} sentences "
              f"({whole} contiguous on their page(s), {split} only in pieces, {multi} across pages, "
              f"{cross_col} across columns/boxes), "
              f"{len(truth['tables'])} tables (pages {[t['pages'] for t in truth['tables']]}), title={meta_title!r}")
    return res, problems


def check_questions(res: dict, path: Path) -> list[str]:
    problems: list[str] = []
    bodies = {}
    for file, truth in res.items():
        sents = [norm(s["text"]) for s in truth["sentences"] if not s.get("toc")]
        cells = [norm(c) for t in truth["tables"] for r in t["rows"] for c in r]
        anchors = [norm(t["caption"]) for t in truth["tables"]] + [norm(r[0]) for t in truth["tables"] for r in t["rows"]]
        bodies[file] = (sents, "".join(sents) + "|" + "|".join(cells), anchors)
    cats = Counter()
    ans = Counter()
    per_doc = Counter()
    ids = set()
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        qid = q["id"]
        if qid in ids:
            problems.append(f"{path.name}:{ln} duplicate id {qid}")
        ids.add(qid)
        cats[q["category"]] += 1
        ans[q["answerable"]] += 1
        per_doc[q["doc"]] += 1
        if q["doc"] not in bodies:
            problems.append(f"{qid}: unknown doc {q['doc']}")
            continue
        sents, body, anchors = bodies[q["doc"]]
        if not q["answerable"]:
            if q["evidence"] or q["facts"]:
                problems.append(f"{qid}: unanswerable with evidence/facts")
            continue
        if not q["evidence"] or not q["facts"]:
            problems.append(f"{qid}: answerable without evidence or facts")
        for ev in q["evidence"]:
            len(norm(ev))
            if not 8 <= len(ev) <= 25:
                problems.append(f"{qid}: evidence length {len(ev)}: {ev}")
            e = norm(ev)
            if not any(e in s for s in sents) and not any(e in a for a in anchors):
                problems.append(f"{qid}: evidence not in a body sentence: {ev}")
        for fact in q["facts"]:
            if not any(norm(alt) in body for alt in fact):
                problems.append(f"{qid}: fact not in document text: {fact}")
        if q.get("history"):
            h = q["history"]
            if len(h) != 2 or h[0]["role"] != "user" or h[1]["role"] != "assistant":
                problems.append(f"{qid}: history must be one user + one assistant turn")
    print(f"{path.name}: {sum(cats.values())} questions; answerable {ans[True]}, unanswerable {ans[False]}")
    print("  by category:", dict(sorted(cats.items())))
    print("  by doc:", dict(sorted(per_doc.items())))
    return problems


def main(argv: list[str]) -> int:
    argv = list(argv)
    only = None
    if "--only" in argv:
        k = argv.index("--only")
        only = argv[k + 1].split(",")
        del argv[k:k + 2]
    out = Path(argv[0] if argv else "/tmp/docgen-out")
    res, problems = check_pdfs(out, only)
    for qf in argv[1:]:
        problems += check_questions(res, Path(qf))
    for p in problems[:80]:
        print("PROBLEM", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
