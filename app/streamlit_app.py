"""The chat (`kyoju serve`): Japanese, cited answers, sources under every answer.

A first version: chat with history and follow-ups, sources with page and section, the
abstention shown apart, an index status in the sidebar. Page pictures, feedback and the
LLM switch come with the UI issue.
"""

from __future__ import annotations

import html
import os

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

import streamlit as st  # noqa: E402

from app.answer import answer_question, get_retriever  # noqa: E402
from app.settings import get_settings  # noqa: E402

EXAMPLES = {
    "市区町村職員": ["居住支援協議会を設立したい。県からどのような支援を受けられますか。",
                "市区町村の担当職員同士の交流会には、どのような人が出席していますか。"],
    "都道府県職員": ["国の伴走支援プロジェクトを活用して市区町村を支援した県の事例を教えてください。",
                "令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。"],
}


def answer_markdown(text: str) -> str:
    """Our own list markers stay Markdown; every quoted word is escaped."""
    out = []
    for line in text.split("\n"):
        bullet = line.startswith("- ")
        out.append(("- " if bullet else "") + quote(line[2:] if bullet else line))
    return "\n".join(out)


def quote(text: str) -> str:
    """Document text is shown as text: escape HTML and Markdown control characters."""
    esc = html.escape(text)
    for ch in "\\`*_{}[]<>()#+-.!|~":
        esc = esc.replace(ch, "\\" + ch)
    return esc.replace("\n", "  \n")


@st.cache_resource(show_spinner="モデルと索引を読み込んでいます…")
def retriever():
    return get_retriever(get_settings())


def show_sources(ans) -> None:
    refs = ans.related if ans.abstained else ans.citations
    if not refs:
        return
    title = "関連する可能性のある箇所" if ans.abstained else "出典"
    with st.expander(f"{title}（{len(refs)}件）", expanded=not ans.abstained):
        for c in refs:
            st.markdown(f"**[{c.n}] {quote(c.label)}**")
            st.caption(quote(c.title))
            st.markdown("> " + quote(c.text).replace("  \n", "  \n> "))


def main() -> None:
    st.set_page_config(page_title="居住支援 資料アシスタント", page_icon="🏠", layout="wide")
    settings = get_settings()
    try:
        r = retriever()
    except Exception as exc:  # missing index or model: say how to fix, never a traceback
        st.error(f"索引またはモデルを読み込めませんでした。`make run`（または `kyoju ingest`）を実行してください。\n\n{exc}")
        return
    with st.sidebar:
        st.header("索引の状態")
        m = r.manifest or {}
        for d in m.get("documents", []):
            st.markdown(f"- {quote(d['title'])}（{quote(d.get('publisher', ''))} {quote(d.get('date', ''))}）")
        st.caption(f"チャンク数 {m.get('chunks', 0)} ／ 作成 {m.get('built_at', '-')}")
        st.caption("回答方式: 抽出（資料の文をそのまま引用）")
        if st.button("新しい会話"):
            st.session_state.messages = []
            st.rerun()

    st.title("居住支援 資料アシスタント")
    st.write("登録された公的資料だけを根拠に、ページと節を示して答えます。資料に記述がない場合はそう答えます。")
    st.session_state.setdefault("messages", [])
    if not st.session_state.messages:
        cols = st.columns(len(EXAMPLES))
        for col, (who, qs) in zip(cols, EXAMPLES.items(), strict=True):
            col.markdown(f"**{who}の方へ**")
            for q in qs:
                if col.button(q, key=q):
                    st.session_state.pending = q

    for msg in st.session_state.messages:
        with st.chat_message(msg["role"]):
            st.markdown(quote(msg["content"]) if msg["role"] == "user" else msg["content"])
            if msg.get("answer") is not None:
                show_sources(msg["answer"])

    question = st.chat_input("質問を入力してください") or st.session_state.pop("pending", None)
    if not question:
        return
    if not question.strip():
        st.warning("質問が空です。")
        return
    history = [{"role": m["role"], "content": m["content"]} for m in st.session_state.messages]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(quote(question))
    with st.chat_message("assistant"):
        ans = answer_question(question, history=history or None, settings=settings, retriever=r)
        body = answer_markdown(ans.answer)
        if ans.abstained:
            st.warning(ans.answer)
        else:
            st.markdown(body)
        show_sources(ans)
    st.session_state.messages.append({"role": "assistant", "content": body, "answer": ans})


main()
