"""The chat through Streamlit's AppTest: cited answers with linked cards, refusals that help, safety, persistence."""

import json
import re

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

HOSTILE = "<script>alert(1)</script> **協議会** [link](http://x) ![img](http://x) http://x.example/path"


def start(monkeypatch, s, tmp_path, **env) -> AppTest:
    from app.settings import get_settings

    for key, value in {"KYOJU_INDEX_DIR": str(s.index_dir), "KYOJU_CORPUS_DIR": str(s.corpus_dir),
                       "KYOJU_DATA_DIR": str(tmp_path), "KYOJU_EMBEDDING_MODEL": s.embedding_model, **env}.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    return AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120)


@pytest.fixture()
def app(built, retriever, monkeypatch, tmp_path):
    at = start(monkeypatch, built[0], tmp_path).run()
    assert not at.exception
    yield at, tmp_path
    from app.settings import get_settings

    get_settings.cache_clear()


def html(at) -> str:
    return " ".join(h.value for h in at.html)


def texts(at) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption) + html(at)


def unsafe_markup(body: str) -> list[str]:
    """Links that leave the page, images that are not our own pictures, scripts that are not our own."""
    bad = [a for a in re.findall(r"<a\b[^>]*>", body) if not re.search(r'href="#kj-', a)]
    bad += [i for i in re.findall(r"<img\b[^>]*>", body) if 'src="data:image/png;base64,' not in i]
    bad += [s for s in re.findall(r"<script>.*?</script>", body, re.S) if "scrollIntoView" not in s]
    return bad


def test_answer_links_markers_to_cards_and_records_feedback(app):
    at, tmp = app
    assert any("市区町村職員" in m.value for m in at.markdown)  # first screen: examples per kind of user
    at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
    assert not at.exception
    body = html(at)
    assert "協力不動産店" in body
    marker = re.search(r'<a class="kj-ref" href="#(kj-m1-1)"', body)
    assert marker and f'id="{marker.group(1)}"' in body  # [1] links to its card
    card = body[body.index(f'id="{marker.group(1)}"'):]
    assert "p.69" in card[:400] and "<mark>" in card  # printed page in the card head, the quoted sentence marked
    assert "4（1）【" not in body  # sections read as headings, not codes
    at.text_input(key="fb-c-1").set_value("ページは合っている")
    at.button(key="fb-down-1").click().run()
    rows = [json.loads(line) for line in (tmp / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[-1]["rating"] == "down" and rows[-1]["comment"] == "ページは合っている"
    assert "協力不動産店" in rows[-1]["question"] and rows[-1]["citations"][0]["page"] == "69"
    assert any("フィードバックを記録しました" in c.value for c in at.caption)


def test_refusal_says_what_is_covered_and_offers_working_rephrasings(app):
    at, _ = app
    at.chat_input[0].set_value("東京都の居住支援協議会の事務局の電話番号を教えてください。").run()
    body = html(at)
    assert "kj-refusal" in body and "見つかりませんでした" in body
    assert "登録されている資料が扱う範囲" in body and "p.67–72" in body
    assert re.search(r'<details class="kj-card kj-related" id="kj-m1-1" open>', body)  # nearest passages, open
    suggestions = [b for b in at.button if (b.key or "").startswith("sg-m1-")]
    assert 2 <= len(suggestions) <= 3
    suggestions[0].click().run()
    assert not at.exception
    last = at.session_state["messages"][-1]
    assert last["answer"] is not None and not last["answer"].abstained  # the rephrasing is answered


def test_follow_up_is_searched_with_the_previous_question(app):
    at, _ = app
    at.chat_input[0].set_value("伴走支援プロジェクトを活用した県の事例を教えてください。").run()
    at.chat_input[0].set_value("その結果、何か具体的な成果はありましたか。").run()
    assert not at.exception
    assert any("検索した質問: 伴走支援プロジェクト" in c.value.replace("\\", "") for c in at.caption)
    assert "設立" in html(at)


def test_table_card_marks_the_cell_and_export_names_the_documents(app):
    at, _ = app
    at.chat_input[0].set_value("令和3年度に5回以上開いた県はいくつ").run()
    assert not at.exception
    body = html(at)
    assert re.search(r'<td class="kj-hit">3</td>', body) and '<th class="kj-colhead">5回以上</th>' in body
    assert "単位：県" in body and "列1" not in body
    from app.render import conversation_markdown

    md = conversation_markdown(at.session_state["messages"], [
        {"short": "報告書", "title": "結果報告書", "publisher": "総務省行政評価局", "date": "2025-03-28",
         "url": "https://www.soumu.go.jp/x"}])
    assert md.startswith("# ") and "出典:" in md and "p.68" in md
    assert "総務省行政評価局" in md and "https://www.soumu.go.jp/x" in md


def test_markup_never_renders_on_any_path(app):
    at, _ = app
    at.chat_input[0].set_value(HOSTILE).run()
    assert not at.exception
    body = html(at)
    assert "&lt;script&gt;" in body and unsafe_markup(body) == []
    assert "http://x.example" in body and 'href="http' not in body  # a bare URL stays text
    for c in at.caption:  # the searched question (and any error) in a caption: every markup character escaped
        assert not re.search(r"(?<!\\)[\[\]<>]", c.value), c.value


def test_escaping_helpers_cover_documents_notes_and_sections():
    from app.answer_types import Citation
    from app.render import answer_html, card_html, chips_html, esc

    for text in (HOSTILE, "[link](http://x)", "![img](http://x)", "<script>x</script>", "http://x"):
        c = Citation(1, "d", text, text, "1", text, "text", text, text, 0.0, "d:1", quotes=[text],
                     section_title=text, source_file=text)
        out = answer_html(f"{text}[1]\n- {text}", "k", {1}) + card_html(c, "k") + chips_html([text]) + esc(text)
        assert unsafe_markup(out) == [] and "<script>" not in out and "<img" not in out, text


def test_double_submit_asks_once_and_reload_keeps_the_conversation(built, monkeypatch, tmp_path):
    at = start(monkeypatch, built[0], tmp_path).run()
    q = "協力不動産店のリストを公開している県はありますか。"
    at.chat_input[0].set_value(q).run()
    at.chat_input[0].set_value(q).run()  # the same question again at once: a double submit
    assert [m["content"] for m in at.session_state["messages"] if m["role"] == "user"] == [q]
    cid = at.query_params["c"]
    stored = tmp_path / "conversations" / f"{cid}.json"
    assert stored.exists()
    again = start(monkeypatch, built[0], tmp_path)
    again.query_params["c"] = cid
    again.run()  # a reload: a new session with the id from the URL
    assert [m["role"] for m in again.session_state["messages"]] == ["user", "assistant"]
    assert "協力不動産店" in html(again) and "kj-card" in html(again)
    again.button(key="new-chat").click().run()
    assert again.session_state["messages"] == [] and not stored.exists()


def test_filter_shows_a_chip_and_warns_when_the_evidence_is_outside(app):
    at, _ = app
    at.sidebar.multiselect(key="f_secs").select("4（2）").run()
    assert "節: （2） 居住支援協議会以外の都道府県による支援" in html(at)
    at.chat_input[0].set_value("令和3年度に5回以上開いた県はいくつ").run()
    assert any("絞り込みの外に" in w.value for w in at.warning)
    at.button(key="nof-m1").click().run()  # ask again without the filter
    assert at.session_state["f_secs"] == [] and "kj-hit" in html(at)


def test_rebuild_is_for_admins_only(built, monkeypatch, tmp_path):
    from streamlit import config

    old = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = start(monkeypatch, built[0], tmp_path).run()
        assert not [b for b in at.button if b.key == "rebuild"]
        at = start(monkeypatch, built[0], tmp_path, KYOJU_ADMIN="1").run()
        assert [b for b in at.button if b.key == "rebuild"]
    finally:
        config.set_option("server.address", old)


def test_english_question_shows_its_note_first(app):
    at, _ = app
    at.chat_input[0].set_value("What support do prefectures give to municipalities?").run()
    assert not at.exception
    order = [e for e in at.chat_message[1] if e.type in ("info", "html")]
    note = next(i for i, e in enumerate(order) if "日本語" in getattr(e, "value", ""))
    answer = next(i for i, e in enumerate(order) if "kj-answer" in getattr(e, "value", ""))
    assert note < answer  # the note comes before the answer it qualifies


def test_llm_mode_in_the_chat(built, retriever, monkeypatch, tmp_path):
    """With an LLM configured (a real OpenAI-compatible stand-in on 127.0.0.1): the sidebar shows its health,
    the answer says it came from the LLM with its citation, and a broken reply falls back with a note."""
    from openai_standin import Reply, StandIn

    from app.settings import get_settings

    with StandIn() as llm:
        try:
            at = start(monkeypatch, built[0], tmp_path, KYOJU_LLM_PROVIDER="openai", KYOJU_LLM_MODEL="standin-model",
                       KYOJU_LLM_BASE_URL=llm.base_url, KYOJU_ANSWER_MODE="llm").run()
            assert at.sidebar.radio[0].value == "llm"
            assert any("standin-model" in c.value.replace("\\", "") for c in at.sidebar.caption)
            llm.script = [Reply("表4-②によると、令和4年度に開催回数0回の県は2県です。[1]")]
            at.chat_input[0].set_value("令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。").run()
            assert not at.exception
            assert any("回答方式: LLM" in c.value.replace("\\", "") for c in at.caption)
            assert "2県です" in html(at) and 'href="#kj-m1-1"' in html(at)
            llm.script = [Reply(garbage=True)]
            at.chat_input[0].set_value("協力不動産店のリストを公開している県はありますか。").run()
            assert any("抽出方式で回答しました" in i.value for i in at.info)
            assert "協力不動産店のリスト" in html(at)
        finally:
            get_settings.cache_clear()
