"""The chat (`kyoju serve`, `make run`): Japanese, streamed, cited answers with their pages.

Under every answer: its sources (document, printed page, section, the passage with the used
sentences highlighted, tables as tables, the PDF page with the passage marked). Sidebar:
answer mode and LLM health, filters, number of passages, index status and a rebuild
button. Feedback goes to data/feedback.jsonl; the conversation downloads as Markdown.
The model and index are loaded once per process and shared by all sessions.
"""

from __future__ import annotations

import os

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402

from app import feedback  # noqa: E402
from app.answer import Answer, answer_stream, get_retriever  # noqa: E402
from app.llm import health  # noqa: E402
from app.render import answer_markdown, conversation_markdown, grid_rows, highlighted, quote  # noqa: E402
from app.settings import get_settings  # noqa: E402
from ingest.index import IndexUnavailableError  # noqa: E402

EXAMPLES = {
    "市区町村職員": ["居住支援協議会を設立したい。県からどのような支援を受けられますか。",
                "市区町村の担当職員同士の交流会には、どのような人が出席していますか。"],
    "都道府県職員": ["国の伴走支援プロジェクトを活用して市区町村を支援した県の事例を教えてください。",
                "令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。"],
}
MODES = {"extractive": "抽出（資料の文をそのまま引用）", "llm": "LLM（資料の抜粋だけから文章を作成）"}


@st.cache_resource(show_spinner="モデルと索引を読み込んでいます…")
def _retriever(index: str, model: str, host: str, port: int):
    return get_retriever(get_settings())


def retriever():
    """One Retriever per process and per index location, shared by all sessions."""
    s = get_settings()
    return _retriever(str(s.index_dir), s.embedding_model, s.chroma_host, s.chroma_port)


@st.cache_data(ttl=30, show_spinner=False)
def _llm_health(provider: str, model: str, base_url: str) -> tuple[bool, str]:
    return health(get_settings())


def llm_health() -> tuple[bool, str]:
    """Checked at most every 30 s per configured server."""
    s = get_settings()
    return _llm_health(s.llm_provider, s.llm_model, s.llm_base_url)


@st.cache_data(max_entries=64, show_spinner=False)
def page_picture(pdf: str, page_index: int, boxes: tuple) -> bytes | None:
    from app.pages import marked_page

    try:
        return marked_page(Path(pdf), page_index, [list(b) for b in boxes], get_settings().cache_dir / "pages")
    except Exception:
        return None  # a moved or replaced file: the text and label still show


def show_citation(c, key: str) -> None:
    settings = get_settings()
    st.markdown(f"**[{c.n}] {quote(c.label)}**")
    st.caption(quote(c.title))
    r = retriever()
    i = r.pos.get(c.chunk_id)
    chunk = r.chunks[i] if i is not None else {}
    grid = chunk.get("grid") or []
    if c.kind == "table" and len(grid) >= 2:
        import pandas as pd

        header, rows = grid_rows(grid)
        st.table(pd.DataFrame(rows, columns=header))
    else:
        st.markdown(highlighted(c.text, c.quotes))
    pdf = settings.corpus_dir / c.source_file if c.source_file else None
    if pdf and pdf.suffix.lower() == ".pdf" and pdf.exists() and c.page_indices:
        if st.toggle("ページの画像を表示", key=f"img-{key}", value=c.n == 1):
            for p in c.page_indices[:2]:
                png = page_picture(str(pdf), int(p), tuple(tuple(b) for b in c.boxes))
                if png:
                    st.image(png, caption=f"{c.short or c.title} の {p + 1} ページ目（PDF 上の位置、該当箇所を枠で表示）")


def show_sources(ans: Answer, key: str) -> None:
    refs = ans.related if ans.abstained else ans.citations
    if not refs:
        return
    title = "関連する可能性のある箇所（回答の根拠ではありません）" if ans.abstained else "出典"
    with st.expander(f"{title}（{len(refs)}件）", expanded=not ans.abstained):
        for c in refs:
            show_citation(c, f"{key}-{c.n}")
            st.divider()


def show_answer(ans: Answer, key: str, slot=None) -> None:
    slot = slot or st.empty()
    if ans.abstained:
        slot.warning(ans.answer, icon="🔎")
    else:
        slot.markdown(answer_markdown(ans.answer))
    if ans.note:
        st.info(ans.note, icon="ℹ️")
    st.caption(f"回答方式: {'抽出' if ans.mode == 'extractive' else 'LLM'}"
               + (f" ／ 検索した質問: {ans.standalone_question}" if ans.standalone_question != ans.question else ""))
    show_sources(ans, key)


def feedback_row(i: int, msg: dict, question: str, history: list[dict]) -> None:
    if msg.get("rated"):
        st.caption("フィードバックを記録しました。ありがとうございます。")
        return
    c1, c2, c3 = st.columns([1, 1, 4])
    comment = c3.text_input("コメント（任意）", key=f"fb-c-{i}", label_visibility="collapsed",
                            placeholder="コメント（任意）: 何が足りなかったか など")
    for col, rating, label in ((c1, "up", "👍 役に立った"), (c2, "down", "👎 役に立たなかった")):
        if col.button(label, key=f"fb-{rating}-{i}"):
            try:
                feedback.record(get_settings().feedback_file, question, msg["answer"], rating, comment, history)
                msg["rated"] = rating
                st.rerun()
            except OSError as exc:
                st.error(f"フィードバックを保存できませんでした: {exc}")


def sidebar(r) -> dict:
    settings = get_settings()
    with st.sidebar:
        st.header("設定")
        ok, msg = llm_health()
        options = ["extractive"] + (["llm"] if settings.llm_enabled else [])
        default = settings.answer_mode if settings.answer_mode in options else "extractive"
        mode = st.radio("回答方式", options, index=options.index(default), format_func=MODES.get)
        st.caption(("🟢 " if ok else "⚪ ") + msg)
        docs = {d["doc_id"]: d for d in (r.manifest or {}).get("documents", [])}
        picked_docs = st.multiselect("文書で絞り込む", list(docs), format_func=lambda d: docs[d].get("short") or docs[d]["title"],
                                     placeholder="すべての文書")
        sections = sorted({c.get("section", "").split("【")[0] for c in r.chunks if c.get("section")})
        picked_sections = st.multiselect("節で絞り込む", sections, placeholder="すべての節")
        k = st.slider("参照する箇所の数", 3, 10, settings.top_k)
        st.divider()
        st.header("索引の状態")
        m = r.manifest or {}
        for d in m.get("documents", []):
            st.markdown(f"- {quote(d['title'])}（{quote(d.get('publisher', ''))} {quote(str(d.get('date', '')))}、"
                        f"{d.get('pages', '?')}ページ）")
        for f in m.get("failures", []):
            st.warning(f"{f['file']}: {f['ja']}")
        st.caption(f"チャンク数 {m.get('chunks', 0)} ／ 作成 {m.get('built_at', '-')}")
        if st.button("索引を作り直す（資料フォルダの追加・変更を反映）"):
            rebuild(r)
        st.divider()
        if st.button("新しい会話"):
            st.session_state.messages = []
            st.rerun()
        if st.session_state.get("messages"):
            st.download_button("会話を Markdown で保存", conversation_markdown(st.session_state.messages),
                               file_name="kyoju-conversation.md", mime="text/markdown")
    filters = {"doc_id": picked_docs or None, "section": picked_sections or None}
    return {"mode": mode, "k": k, "filters": {k_: v for k_, v in filters.items() if v}}


def rebuild(r) -> None:
    from ingest.pipeline import run_ingest

    s = get_settings()
    with st.spinner("索引を作り直しています…（既存の索引は完了まで使えます）"):
        try:
            rep = run_ingest(s.corpus_dir, s.store_config, s.embedding_model, s.chunk_min_chars, s.chunk_max_chars,
                             show_progress=False, embedder=r.embedder)
        except Exception as exc:
            st.error(f"索引を作り直せませんでした。既存の索引はそのまま使えます。\n\n{exc}")
            return
    r.refresh(max_age_s=0)
    for f in rep.failures:
        st.warning(f"{Path(f.path).name}: {f.ja}")
    st.success(f"索引を更新しました（{rep.chunks} チャンク）" if rep.changed else "索引は最新です（変更なし）")


def main() -> None:
    st.set_page_config(page_title="居住支援 資料アシスタント", page_icon="🏠", layout="wide")
    try:
        r = retriever()
    except Exception as exc:  # missing index or model, server down: say how to fix, never a traceback
        st.error("索引またはモデルを読み込めませんでした。端末で `make run`（または `kyoju ingest`）を実行してください。"
                 "Chroma サーバーを使う設定の場合は、サーバーが動いているか確認してください。")
        st.caption(quote(str(exc)[:500]))
        return
    opts = sidebar(r)
    st.title("居住支援 資料アシスタント")
    docs = (r.manifest or {}).get("documents", [])
    st.write("登録された公的資料だけを根拠に、ページと節を示して答えます。資料に記述がない場合はそう答えます。")
    st.caption("資料: " + "、".join(f"{d['title']}（{d.get('date', '')}）" for d in docs))
    st.session_state.setdefault("messages", [])
    messages = st.session_state.messages
    if not messages:
        cols = st.columns(len(EXAMPLES))
        for col, (who, qs) in zip(cols, EXAMPLES.items(), strict=True):
            col.markdown(f"**{who}の方へ**")
            for q in qs:
                if col.button(q, key=q):
                    st.session_state.pending = q

    for i, msg in enumerate(messages):
        with st.chat_message(msg["role"]):
            if msg["role"] == "user":
                st.markdown(quote(msg["content"]))
            else:
                show_answer(msg["answer"], f"m{i}")
                history = [{"role": m["role"], "content": m["content"]} for m in messages[: i - 1]]
                feedback_row(i, msg, messages[i - 1]["content"], history)

    question = st.chat_input("質問を入力してください（例: 協議会の設立に県はどう関わりますか）")
    question = question if question is not None else st.session_state.pop("pending", None)
    if question is None:
        return
    if not question.strip():
        st.warning("質問が空です。知りたいことを入力してください。")
        return
    history = [{"role": m["role"], "content": m["content"]} for m in messages]
    with st.chat_message("user"):
        st.markdown(quote(question))
    with st.chat_message("assistant"):
        slot = st.empty()
        ans = None
        shown = ""
        try:
            for item in answer_stream(question, history or None, get_settings(), mode=opts["mode"], retriever=r,
                                      filters=opts["filters"] or None, k=opts["k"]):
                if isinstance(item, Answer):
                    ans = item
                else:
                    shown += item
                    slot.markdown(answer_markdown(shown) + " ▌")
        except IndexUnavailableError as exc:
            slot.error("回答を作成できませんでした。索引（Chroma サーバー）に接続できません。サーバーが動いているか確認し、"
                       "しばらくしてからもう一度お試しください。会話はこのまま続けられます。")
            st.caption(quote(str(exc)[:300]))
            return
        except Exception as exc:
            slot.error("回答を作成できませんでした。索引とモデルを確認してください（端末で `make run`）。")
            st.caption(quote(str(exc)[:300]))
            return
        show_answer(ans, f"m{len(messages) + 1}", slot)
    messages.append({"role": "user", "content": question})
    messages.append({"role": "assistant", "content": ans.answer, "answer": ans})
    st.rerun()  # show the new answer with its feedback row


main()
