"""The LangChain entry point (app/chain.py) on the real index, and the retriever's snapshot and filters."""

import threading

from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable


def test_readme_snippet_runs(built, retriever):
    """The five lines of the README's 「Python から使う」, as a LangChain user would write them."""
    settings = built[0]
    from app.chain import make_chain, make_retriever

    docs = make_retriever(settings, k=3).invoke("居住支援協議会の開催回数は？")
    out = make_chain(settings).invoke({"question": "宅建協会を構成員にしている県はいくつ？"})
    text = "".join(make_chain(settings).stream({"question": "宅建協会を構成員にしている県はいくつ？"}))

    assert isinstance(make_retriever(settings), BaseRetriever) and isinstance(make_chain(settings), Runnable)
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    meta = docs[0].metadata
    assert {"doc_id", "doc_short", "title", "page", "section", "kind", "unit_title", "chunk_id", "score"} <= set(meta)
    assert meta["page"] in {"67", "68", "69", "70", "71", "72"}
    assert "14" in out["answer"] and out["citations"] and out["citations"][0]["page"] == "67"
    assert text.strip() == out["answer"].strip()  # .stream yields the same final answer as .invoke


def test_chain_batch_and_config(built):
    from app.chain import make_chain, make_retriever

    settings = built[0]
    outs = make_chain(settings).batch([{"question": "宅建協会を構成員にしている県はいくつ？"},
                                       {"question": "保護観察所を構成員にしている県はいくつ？"}])
    assert "14" in outs[0]["answer"] and "10" in outs[1]["answer"]
    r = make_retriever(settings, k=5)
    assert len(r.invoke("居住支援協議会", config={"configurable": {"k": 2}})) == 2
    cases = r.invoke("居住支援協議会", config={"configurable": {"filters": {"kind": ["case"]}}})
    assert cases and all(d.metadata["kind"] == "case" for d in cases)


def test_filters_match_exactly(retriever):
    from app.retrieve import chroma_where, clean_filters, filter_mask

    chunks = [{"doc_id": "report", "section": "4"}, {"doc_id": "report-2", "section": "4（1）"}]
    assert filter_mask(chunks, clean_filters({"doc_id": "report"})).tolist() == [True, False]
    assert filter_mask(chunks, clean_filters({"section": ["4"]})).tolist() == [True, False]
    assert chroma_where(clean_filters({"doc_id": "report", "bogus": "x"})) == {"doc_id": {"$in": ["report"]}}
    sections = sorted({c["section"] for c in retriever.chunks})
    longest = max(sections, key=len)
    hits = retriever.search("居住支援協議会の構成員", k=5, filters={"section": longest})
    assert hits and all(h.chunk["section"] == longest for h in hits)
    prefix = longest[:1]  # a prefix of every section, but no chunk's section itself (unless it is)
    hits = retriever.search("居住支援協議会の構成員", k=5, filters={"section": prefix})
    assert all(h.chunk["section"] == prefix for h in hits)


def test_searches_during_rebuilds_never_mix_builds(tmp_path, model_path, embedder):
    """Searches in threads while the index is rebuilt in a loop: no error, and every hit's text is the text
    its chunk id has (a search reads one snapshot; the old attribute-by-attribute reload could mix them)."""
    from conftest import ingest_report

    from app.retrieve import Retriever
    from ingest.pipeline import run_ingest

    settings, _ = ingest_report(tmp_path, model_path, embedder)
    r = Retriever(settings, embedder=embedder)
    truth = {c["id"]: c["text"] for c in r.chunks}
    errors: list[str] = []
    stop = threading.Event()
    questions = ["居住支援協議会の開催回数", "協力不動産店のリスト", "伴走支援プロジェクト", "社会福祉法人向けのセミナー"]

    def search_loop(i: int) -> None:
        n = 0
        while not stop.is_set():
            try:
                r._checked = 0.0  # look for a new build on every search
                for h in r.search(questions[(i + n) % len(questions)], k=5):
                    if truth.get(h.chunk["id"]) != h.chunk["text"]:
                        errors.append(f"{h.chunk['id']} text from another chunk")
            except Exception as exc:  # noqa: BLE001 - any error is the failure being tested for
                errors.append(f"{type(exc).__name__}: {exc}")
            n += 1

    threads = [threading.Thread(target=search_loop, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    builds = {r.build_id}
    try:
        for _ in range(3):
            run_ingest(settings.corpus_dir, settings.store_config, model_path, force=True, show_progress=False,
                       embedder=embedder)
            r.refresh(max_age_s=0)
            builds.add(r.build_id)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert len(builds) >= 3  # the searches really ran across rebuilds
    assert not errors, errors[:5]
