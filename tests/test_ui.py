from conftest import ROOT
from streamlit.testing.v1 import AppTest


def test_chat_answers_with_sources(built, retriever, monkeypatch):
    s = built[0]
    monkeypatch.setenv("KYOJU_INDEX_DIR", str(s.index_dir))
    monkeypatch.setenv("KYOJU_EMBEDDING_MODEL", s.embedding_model)
    from app.settings import get_settings

    get_settings.cache_clear()
    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120).run()
    assert not at.exception
    at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "報告書 p\\.69" in text  # short citation label, page escaped as text
    assert "協力不動産店" in text
    assert any("p\\.69" in m.value or "p.69" in m.value for m in at.markdown)
    at.chat_input[0].set_value("東京都の居住支援協議会の事務局の電話番号を教えてください。").run()
    assert any("見つかりませんでした" in w.value for w in at.warning)
    get_settings.cache_clear()
