"""Team mode: the index in a real `chroma run` server on 127.0.0.1 (ingest, search, answer, replicas, outage)."""

import pytest
from chroma_server import ChromaServer
from conftest import ROOT, ingest_report

from app.answer import answer_question
from app.retrieve import Retriever
from ingest.index import IndexStore, IndexUnavailableError
from ingest.pipeline import run_ingest

Q = "令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。"


@pytest.fixture(scope="module")
def team(tmp_path_factory, model_path, embedder):
    tmp = tmp_path_factory.mktemp("team")
    server = ChromaServer(tmp / "chroma").start()
    s, _ = ingest_report(tmp, model_path, embedder, chroma_host="127.0.0.1", chroma_port=server.port)
    yield s, server, embedder
    server.stop()


def test_search_and_answer_from_server(team, built, retriever):
    s, _server, embedder = team
    r = Retriever(s, embedder=embedder)
    assert not (s.index_dir / "CURRENT").exists()  # nothing written locally: the server holds it all
    assert len(r.chunks) == len(retriever.chunks) and r.n_sentences == retriever.n_sentences
    hits = r.search(Q)
    local = retriever.search(Q)
    assert [h.chunk["id"] for h in hits] == [h.chunk["id"] for h in local]  # same ranking as the embedded store
    ans = answer_question(Q, settings=s, retriever=r)
    assert "「0回」は 2県" in ans.answer and ans.citations[0].page == "68"


def test_replicas_share_one_server_and_follow_a_rebuild(team):
    s, _server, embedder = team
    a, b = Retriever(s, embedder=embedder), Retriever(s, embedder=embedder)
    before = b.build_id
    assert a.build_id == b.build_id and a.bm25.vocab == b.bm25.vocab  # lexical index rebuilt from Chroma itself
    assert not run_ingest(s.corpus_dir, s.store_config, s.embedding_model, show_progress=False, embedder=embedder).changed
    (s.corpus_dir / "メモ 追加.txt").write_text("居住支援協議会の議事録は構成員に共有する。\n", encoding="utf-8")
    try:
        rep = run_ingest(s.corpus_dir, s.store_config, s.embedding_model, show_progress=False, embedder=embedder)
        assert rep.changed and rep.docs_reused == ["report"]  # the PDF's vectors came back from the server
        assert b.build_id == before != rep.build_id  # replica b had the old build loaded
        hits = b.search("議事録は誰に共有しますか")  # its next question notices the new build by itself
        assert b.build_id == rep.build_id and "議事録" in hits[0].text
        assert not b.refresh(max_age_s=0)  # nothing newer to load
    finally:
        (s.corpus_dir / "メモ 追加.txt").unlink()
        run_ingest(s.corpus_dir, s.store_config, s.embedding_model, show_progress=False, embedder=embedder)
    names = [c if isinstance(c, str) else c.name for c in __import__("chromadb").HttpClient(
        host="127.0.0.1", port=s.chroma_port).list_collections()]
    pointer = IndexStore(s.store_config)._pointer_meta()
    builds = {n.removesuffix("__s") for n in names if n.endswith("__s")}
    # the active build and the one it replaced are there; the first build of this test, left behind less than
    # retire_grace_s ago, stays until a later ingest (a replica may still be answering from it)
    assert {f"kyoju__{pointer['current']}", f"kyoju__{pointer['previous']}"} <= builds and len(builds) <= 3


def test_server_stopped_then_back(team):
    s, server, embedder = team
    r = Retriever(s, embedder=embedder)
    build = r.build_id
    server.stop()
    try:
        with pytest.raises(IndexUnavailableError):
            r.search(Q)
        with pytest.raises(IndexUnavailableError):
            IndexStore(s.store_config).current_build()
        with pytest.raises(IndexUnavailableError):  # ingest during the outage: a clear error, nothing half-written
            run_ingest(s.corpus_dir, s.store_config, s.embedding_model, force=True, show_progress=False, embedder=embedder)
    finally:
        server.start()
    assert IndexStore(s.store_config).current_build() == build  # same index after the restart
    ans = answer_question(Q, settings=s, retriever=r)  # the same Retriever recovers
    assert "2県" in ans.answer.replace(" ", "")


def test_cli_reports_server_down_in_both_languages(team, tmp_path):
    import os
    import subprocess
    import sys

    s, _server, _ = team
    from chroma_server import free_port

    env = dict(os.environ, KYOJU_CHROMA_HOST="127.0.0.1", KYOJU_CHROMA_PORT=str(free_port()),
               KYOJU_INDEX_DIR=str(tmp_path / "idx"), KYOJU_EMBEDDING_MODEL=s.embedding_model)
    out = subprocess.run([sys.executable, "-m", "app.cli", "ask", "協議会の開催回数は"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "error:" in out.stderr and "Chroma サーバー" in out.stderr


def test_chat_page_during_an_outage(team, monkeypatch, tmp_path):
    """The chat says the index cannot be reached (no traceback) and answers again once the server is back."""
    from streamlit.testing.v1 import AppTest

    from app.settings import get_settings

    s, server, _ = team
    for key, value in {"KYOJU_CHROMA_HOST": "127.0.0.1", "KYOJU_CHROMA_PORT": str(server.port),
                       "KYOJU_INDEX_DIR": str(s.index_dir), "KYOJU_CORPUS_DIR": str(s.corpus_dir),
                       "KYOJU_DATA_DIR": str(tmp_path), "KYOJU_EMBEDDING_MODEL": s.embedding_model}.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120).run()
        at.chat_input[0].set_value(Q).run()
        shown = lambda: " ".join([*(m.value for m in at.markdown), *(h.value for h in at.html)])  # noqa: E731
        assert not at.exception and "2県" in shown().replace(" ", "")
        server.stop()
        try:
            at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
            assert not at.exception
            assert any("Chroma サーバー）に接続できません" in e.value for e in at.error), [e.value for e in at.error] + [m.value[:80] for m in at.markdown]
        finally:
            server.start()
        n_errors = len(at.error)  # the outage message stays in the conversation it happened in
        at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
        assert not at.exception and len(at.error) <= n_errors  # no new error once the server is back
        assert "協力不動産店のリスト" in shown()
    finally:
        get_settings.cache_clear()
