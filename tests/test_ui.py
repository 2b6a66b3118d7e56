"""The chat through Streamlit's AppTest: answer + sources, abstention, follow-up, feedback, export."""

import json

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest


@pytest.fixture()
def app(built, retriever, monkeypatch, tmp_path):
    s = built[0]
    monkeypatch.setenv("KYOJU_INDEX_DIR", str(s.index_dir))
    monkeypatch.setenv("KYOJU_CORPUS_DIR", str(s.corpus_dir))
    monkeypatch.setenv("KYOJU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KYOJU_EMBEDDING_MODEL", s.embedding_model)
    from app.settings import get_settings

    get_settings.cache_clear()
    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120).run()
    assert not at.exception
    yield at, tmp_path
    get_settings.cache_clear()


def texts(at) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)


def test_chat_answers_with_sources_and_feedback(app):
    at, tmp = app
    assert any("市区町村職員" in m.value for m in at.markdown)  # first screen: examples per kind of user
    at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
    assert not at.exception
    text = texts(at)
    assert "協力不動産店" in text
    assert "報告書 p\\.69" in text  # citation label with the printed page, escaped as text
    assert ":orange-background[**" in text  # the cited sentence is highlighted in the passage
    assert len(at.chat_message) == 2
    # feedback with a comment lands in data/feedback.jsonl with question, answer and citations
    at.text_input(key="fb-c-1").set_value("ページは合っている")
    at.button(key="fb-down-1").click().run()
    rows = [json.loads(line) for line in (tmp / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[-1]["rating"] == "down" and rows[-1]["comment"] == "ページは合っている"
    assert "協力不動産店" in rows[-1]["question"] and rows[-1]["citations"][0]["page"] == "69"
    assert any("フィードバックを記録しました" in c.value for c in at.caption)


def test_abstention_and_follow_up(app):
    at, _ = app
    at.chat_input[0].set_value("東京都の居住支援協議会の事務局の電話番号を教えてください。").run()
    assert any("見つかりませんでした" in w.value for w in at.warning)
    assert any("関連する可能性のある箇所" in e.label for e in at.expander)
    at.chat_input[0].set_value("伴走支援プロジェクトを活用した県の事例を教えてください。").run()
    at.chat_input[0].set_value("その結果、何か具体的な成果はありましたか。").run()
    assert not at.exception
    # the follow-up was searched together with the previous question
    assert any("検索した質問: 伴走支援プロジェクト" in c.value for c in at.caption)
    assert "設立" in texts(at)


def test_table_source_shown_as_table_and_markdown_export(app):
    at, _ = app
    at.chat_input[0].set_value("令和3年度に5回以上開いた県はいくつ").run()
    assert not at.exception
    assert at.table, "the table passage is shown as a table"
    assert "3県" in texts(at).replace(" ", "")
    from app.render import conversation_markdown

    md = conversation_markdown(at.session_state["messages"])
    assert md.startswith("# ") and "出典:" in md and "p.68" in md


def test_markup_in_questions_is_not_rendered(app):
    at, _ = app
    at.chat_input[0].set_value("<script>alert(1)</script> **協議会** [link](http://x)").run()
    assert not at.exception
    user = at.chat_message[0].markdown[0].value
    assert "<script>" not in user and "&lt;script&gt;" in user and "\\*\\*" in user


def test_llm_mode_in_the_chat(built, retriever, monkeypatch, tmp_path):
    """With an LLM configured (a real OpenAI-compatible stand-in on 127.0.0.1): the sidebar shows its health,
    the answer says it came from the LLM with its citation, and a broken reply falls back with a note."""
    from openai_standin import Reply, StandIn

    from app.settings import get_settings

    s = built[0]
    with StandIn() as llm:
        for key, value in {"KYOJU_INDEX_DIR": str(s.index_dir), "KYOJU_CORPUS_DIR": str(s.corpus_dir),
                           "KYOJU_DATA_DIR": str(tmp_path), "KYOJU_EMBEDDING_MODEL": s.embedding_model,
                           "KYOJU_LLM_PROVIDER": "openai", "KYOJU_LLM_MODEL": "standin-model",
                           "KYOJU_LLM_BASE_URL": llm.base_url, "KYOJU_ANSWER_MODE": "llm"}.items():
            monkeypatch.setenv(key, value)
        get_settings.cache_clear()
        try:
            at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120).run()
            assert at.sidebar.radio[0].value == "llm"
            assert any("🟢" in c.value and "standin-model" in c.value for c in at.sidebar.caption)
            llm.script = [Reply("表4-②によると、令和4年度に開催回数0回の県は2県です。[1]")]
            at.chat_input[0].set_value("令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。").run()
            assert not at.exception
            assert any("回答方式: LLM" in c.value for c in at.caption)
            assert "2県です" in texts(at) and "**[1] 報告書 p\\." in texts(at)
            llm.script = [Reply(garbage=True)]
            at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
            assert any("抽出方式で回答しました" in i.value for i in at.info)
            assert "協力不動産店のリスト" in texts(at)
        finally:
            get_settings.cache_clear()
