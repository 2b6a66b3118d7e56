"""The chat (`kyoju serve`, `make run`): Japanese, cited answers an official can check in one look.

Each answer's [n] markers link to compact source cards (document, printed page, readable
section, the quoted sentence marked, a table with the figure's cell marked, the page cropped
to the passage; the full page one click away). A refusal says what the documents cover, shows
the nearest passages and offers questions in the documents' own words. The conversation
survives reloads (its id is in the URL), questions queue instead of being dropped, active
filters show by the input. Index status and rebuild sit in a collapsed 「管理」 section; the
rebuild only for an admin. The model and index are loaded once per process (warmed by
`kyoju serve`) and shared by all sessions.
"""

from __future__ import annotations

import os

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

import base64  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402

from app import feedback, ui_store  # noqa: E402
from app.answer import Answer, get_retriever  # noqa: E402
from app.answer_types import page_text  # noqa: E402
from app.answerability import ABSTAIN, judge  # noqa: E402
from app.chain import make_chain  # noqa: E402
from app.llm import health  # noqa: E402
from app.query import analyze  # noqa: E402
from app.render import (  # noqa: E402
    answer_html,
    card_html,
    chips_html,
    conversation_markdown,
    esc,
    quote,
    readable_section,
)
from app.settings import get_settings  # noqa: E402
from app.ui_style import CSS  # noqa: E402
from app.ui_suggest import coverage, document_examples, rephrasings, section_options  # noqa: E402
from ingest.index import IndexUnavailableError  # noqa: E402
from ingest.tokens import content_words, prepare  # noqa: E402

EXAMPLES = {
    "市区町村職員": ["居住支援協議会を設立したい。県からどのような支援を受けられますか。",
                "市区町村の担当職員同士の交流会には、どのような人が出席していますか。"],
    "都道府県職員": ["国の伴走支援プロジェクトを活用して市区町村を支援した県の事例を教えてください。",
                "令和4年度に居住支援協議会を一度も開催しなかった県はいくつありましたか。"],
}
MODES = {"extractive": "抽出（資料の文をそのまま引用）", "llm": "LLM（資料の抜粋だけから文章を作成）"}
MAX_CHARS = 2000
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
REPEAT_WINDOW_S = 5.0  # the same question again within this many seconds is a double submit, not a new question


@st.cache_resource(show_spinner="資料と検索モデルを読み込んでいます…")
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


def is_admin() -> bool:
    """Write actions only for an admin: a loopback-only server is one person's own PC, or KYOJU_ADMIN=1."""
    return get_settings().admin or str(st.get_option("server.address") or "") in LOOPBACK


def conversations_dir() -> Path:
    return get_settings().data_dir / "conversations"


# ---- pictures ------------------------------------------------------------------------------------
@st.cache_data(max_entries=256, show_spinner=False)
def page_picture(pdf: str, page_index: int, boxes: tuple, crop: bool) -> bytes | None:
    from app.pages import crop_to_marks, marked_page

    try:
        png = marked_page(Path(pdf), page_index, [list(b) for b in boxes], get_settings().cache_dir / "pages")
        return crop_to_marks(png, [list(b) for b in boxes], page_index) if crop else png
    except Exception:
        return None  # a moved or replaced file: the text and label still show


@st.cache_data(max_entries=256, show_spinner=False)
def source_pdf(name: str) -> str | None:
    from app.pages import find_source

    p = find_source(get_settings().corpus_dir, name)
    return str(p) if p is not None and p.suffix.lower() == ".pdf" else None


def picture_uri(c) -> str:
    pdf = source_pdf(c.source_file) if c.source_file else None
    if not pdf or not c.page_indices:
        return ""
    png = page_picture(pdf, int(c.page_indices[0]), tuple(tuple(b) for b in c.boxes), True)
    return "data:image/png;base64," + base64.b64encode(png).decode() if png else ""


# ---- the conversation ----------------------------------------------------------------------------
def conversation() -> list[dict]:
    """This browser tab's conversation: found again by the id in the URL after a reload."""
    cid = st.query_params.get("c")
    if not ui_store.valid_id(cid):
        cid = ui_store.new_id()
        st.query_params["c"] = cid
    if st.session_state.get("cid") != cid:
        st.session_state.cid = cid
        st.session_state.messages = ui_store.load(conversations_dir(), cid)
    return st.session_state.messages


def save() -> None:
    try:
        ui_store.save(conversations_dir(), st.session_state.cid, st.session_state.messages)
    except OSError:
        st.session_state.save_failed = True


def ask(question: str) -> None:
    """Queue a question (callback of the input, examples and suggestions): nothing submitted is dropped."""
    question = (question or "").strip()
    messages = st.session_state.messages
    if not question:
        st.session_state.empty_question = True
        return
    last = next((m for m in reversed(messages) if m["role"] == "user"), None)
    if last and last["content"] == question and (time.time() - last.get("t", 0) < REPEAT_WINDOW_S
                                                 or unanswered(messages)):
        return  # a double submit
    messages.append({"role": "user", "content": question[:MAX_CHARS], "t": time.time()})
    save()


def on_submit() -> None:
    ask(st.session_state.get("q") or "")


def unanswered(messages: list[dict]) -> int | None:
    """Index of the first question without a reply."""
    for i, m in enumerate(messages):
        if m["role"] == "user" and (i + 1 >= len(messages) or messages[i + 1]["role"] != "assistant"):
            return i
    return None


def new_conversation() -> None:
    ui_store.clear(conversations_dir(), st.session_state.cid)
    st.session_state.cid = ui_store.new_id()
    st.query_params["c"] = st.session_state.cid
    st.session_state.messages = []


def clear_filters() -> None:
    st.session_state.f_docs = []
    st.session_state.f_secs = []


def ask_without_filters(question: str) -> None:
    clear_filters()
    st.session_state.messages.append({"role": "user", "content": question, "t": time.time()})
    save()


# ---- answering -----------------------------------------------------------------------------------
def filter_labels(filters: dict, docs: dict, sections: dict) -> list[str]:
    labels = [f"文書: {docs.get(d, {}).get('short') or d}" for d in filters.get("doc_id", [])]
    return labels + [f"節: {sections.get(s, s)}" for s in filters.get("section", [])]


def in_filters(chunk: dict, filters: dict) -> bool:
    docs, secs = filters.get("doc_id"), filters.get("section")
    return (not docs or chunk.get("doc_id") in docs) and (not secs or any(str(chunk.get("section", "")).startswith(s)
                                                                          for s in secs))


def filter_note(r, ans: Answer, filters: dict) -> str:
    """Say when a filter may hide the evidence: the best passage without filters lies outside them."""
    if not filters:
        return ""
    hits = r.search(ans.standalone_question or ans.question, k=3)
    outside = [h for h in hits if not in_filters(h.chunk, filters)]
    if not hits or hits[0] not in outside:
        return ""
    c = outside[0].chunk
    page = page_text(c.get("page_label", ""), c.get("page_indices"))
    where = f"{c.get('doc_short', '')} {page} {readable_section(c.get('section_title', ''))}"
    return f"絞り込みの外に、この質問により近い箇所があります（{where.strip()}）。絞り込みで根拠が除かれている可能性があります。"


def suggestions_for(r, ans: Answer, opts: dict) -> list[str]:
    def works(q: str) -> bool:  # the answerer's own answerability judgement, without composing an answer
        query = analyze(q, names=r.names)
        hits = r.search(query, filters=opts["filters"] or None, rerank=False)  # judged on the fused order
        return bool(hits) and judge(query, r, hits).outcome != ABSTAIN

    return rephrasings(ans.related, can_answer=works)


def answer_pending(r, i: int, opts: dict) -> None:
    """Answer the queued question at messages[i]; say what is happening instead of pretending to type."""
    messages = st.session_state.messages
    question = messages[i]["content"]
    history = [{"role": m["role"], "content": m["content"]} for m in messages[:i] if m.get("answer") is not None
               or m["role"] == "user"]
    reply: dict = {"role": "assistant", "content": ""}
    with st.chat_message("assistant", avatar=":material/menu_book:"):
        slot = st.empty()
        try:
            with st.spinner("資料を検索しています…"):
                shown, ans = "", None
                chain = make_chain(get_settings(), opts["mode"])
                for item in chain.stream_answer({"question": question, "history": history or None,
                                                 "filters": opts["filters"] or None}):
                    if isinstance(item, Answer):
                        ans = item
                    elif opts["mode"] == "llm":  # real streaming: show the text as the LLM writes it
                        shown += item
                        slot.html(answer_html(shown, "live", set()))
                assert ans is not None
                reply.update(content=ans.answer, answer=ans, filters=filter_labels(opts["filters"], opts["docs"],
                                                                                   opts["sections"]))
                reply["filter_note"] = filter_note(r, ans, opts["filters"])
                if ans.abstained:
                    reply["suggestions"] = suggestions_for(r, ans, opts)
        except IndexUnavailableError as exc:
            reply["error"] = ("回答を作成できませんでした。索引（Chroma サーバー）に接続できません。サーバーが動いているか"
                              "確認し、しばらくしてからもう一度お試しください。会話はこのまま続けられます。")
            reply["detail"] = str(exc)[:300]
        except Exception as exc:
            reply["error"] = "回答を作成できませんでした。索引とモデルを確認してください（端末で `make run`）。"
            reply["detail"] = str(exc)[:300]
    messages.insert(i + 1, reply)
    st.session_state.scroll_to = i
    save()
    st.rerun()  # show the answer with its cards and feedback row


# ---- showing -------------------------------------------------------------------------------------
def scroll_to_question(i: int) -> None:
    """After a new answer, bring its question to the top (a phone would otherwise land below the sources)."""
    n = sum(1 for m in st.session_state.messages[: i + 1] if m["role"] == "user")
    # repeated: Streamlit keeps a chat page stuck to its bottom while the last elements arrive
    st.html(f"<script>for (const ms of [300, 900, 1600]) setTimeout(() => {{"
            f" const q = document.querySelectorAll('.kj-question')[{n - 1}];"
            " if (q) q.scrollIntoView({block: 'start'}); }, ms);</script>", unsafe_allow_javascript=True)


def show_cards(r, ans: Answer, key: str, newest: bool) -> None:
    refs = ans.related if ans.abstained else ans.citations
    if not refs:
        return
    title = "近い内容の箇所（回答の根拠ではありません）" if ans.abstained else "出典"
    cards = []
    for c in refs:
        i = r.pos.get(c.chunk_id)
        grid = (r.chunks[i].get("grid") if i is not None else None) if c.kind == "table" else None
        cards.append(card_html(c, key, grid, picture_uri(c) if newest else "", open_=newest, related=ans.abstained))
    st.html(f'<div class="kj-sources"><div class="kj-sources-title">{title}（{len(refs)}件）</div>{"".join(cards)}</div>')
    pages = [c for c in refs if c.page_indices and c.source_file and source_pdf(c.source_file)]
    if pages:
        pick = st.pills("ページ全体を表示", [c.n for c in pages], key=f"full-{key}",
                        format_func=lambda n: f"[{n}] {next(c.page_text for c in pages if c.n == n)}")
        c = next((c for c in pages if c.n == pick), None)
        if c is not None:
            for p in c.page_indices[:2]:
                png = page_picture(source_pdf(c.source_file), int(p), tuple(tuple(b) for b in c.boxes), False)
                if png:
                    st.image(png, caption=f"{c.short or c.title} {c.page_text}（PDF {p + 1}ページ目、該当箇所を枠で表示）")


def show_refusal(r, msg: dict, key: str) -> None:
    ans: Answer = msg["answer"]
    st.html(f'<div class="kj-refusal">{esc(ans.answer.replace("近い内容の箇所を下に示します。", ""))}</div>')
    docs = coverage(r.manifest, r.chunks)
    if docs:
        items = "".join(f"<li><b>{esc(d['title'])}</b>（{esc(d['printed'])}、{esc(d['pages'])}ページ）：扱っている内容は "
                        + "、".join(f"「{esc(s)}」" for s in d["sections"]) + "</li>" for d in docs)
        st.html(f'<div class="kj-coverage"><div class="kj-sources-title">登録されている資料が扱う範囲</div>'
                f"<ul>{items}</ul></div>")
    if msg.get("suggestions"):
        st.markdown("**資料の言葉で聞き直す**")
        with st.container(key=f"sugg-{key}"):
            for j, q in enumerate(msg["suggestions"]):
                st.button(q, key=f"sg-{key}-{j}", on_click=ask, args=(q,), icon=":material/search:")


def show_answer(r, msg: dict, key: str, newest: bool) -> None:
    if msg.get("error"):
        st.error(msg["error"], icon=":material/error:")
        st.caption(quote(msg.get("detail", "")))
        return
    ans: Answer = msg["answer"]
    if ans.note:  # an English question or an LLM fallback: said before the answer, not after
        st.info(quote(ans.note), icon=":material/info:")
    if msg.get("filter_note"):
        st.warning(quote(msg["filter_note"]), icon=":material/filter_alt_off:")
        st.button("絞り込みを外して同じ質問をする", key=f"nof-{key}", on_click=ask_without_filters,
                  args=(ans.question,), icon=":material/filter_alt_off:")
    if ans.abstained:
        show_refusal(r, msg, key)
    else:
        st.html(answer_html(ans.answer, key, {c.n for c in ans.citations}))
    show_cards(r, ans, key, newest)
    meta = f"回答方式: {'抽出' if ans.mode == 'extractive' else 'LLM'}"
    if msg.get("filters"):
        meta += " ／ 絞り込み: " + "、".join(msg["filters"])
    if ans.standalone_question and ans.standalone_question != ans.question:
        meta += f" ／ 検索した質問: {ans.standalone_question}"
    st.caption(quote(meta))


def feedback_row(i: int, msg: dict, question: str, history: list[dict]) -> None:
    if msg.get("rated"):
        st.caption("フィードバックを記録しました。ありがとうございます。")
        return
    if msg.get("answer") is None:
        return
    with st.container(horizontal=True, key=f"fb-row-{i}"):
        for rating, label, icon in (("up", "役に立った", ":material/thumb_up:"),
                                    ("down", "役に立たなかった", ":material/thumb_down:")):
            if st.button(label, key=f"fb-{rating}-{i}", icon=icon):
                try:
                    comment = st.session_state.get(f"fb-c-{i}", "")
                    feedback.record(get_settings().feedback_file, question, msg["answer"], rating, comment, history)
                    msg["rated"] = rating
                    save()
                    st.rerun()
                except OSError as exc:
                    st.error(f"フィードバックを保存できませんでした: {quote(str(exc))}")
        st.text_input("コメント（任意）", key=f"fb-c-{i}", label_visibility="collapsed",
                      placeholder="コメント（任意）: 何が足りなかったか など")


# ---- page parts ----------------------------------------------------------------------------------
def sidebar(r) -> dict:
    settings = get_settings()
    docs = {d["doc_id"]: d for d in (r.manifest or {}).get("documents", [])}
    sections = section_options(r.chunks)
    with st.sidebar:
        st.header("設定")
        ok, msg = llm_health()
        options = ["extractive"] + (["llm"] if settings.llm_enabled else [])
        default = settings.answer_mode if settings.answer_mode in options else "extractive"
        mode = st.radio("回答方式", options, index=options.index(default), format_func=MODES.get)
        st.caption((":material/check_circle: " if ok else ":material/radio_button_unchecked: ") + quote(msg))
        st.subheader("絞り込み")
        picked_docs = st.multiselect("文書", list(docs), key="f_docs", select_all=False, placeholder="すべての文書",
                                     format_func=lambda d: docs[d].get("short") or docs[d]["title"])
        picked_secs = st.multiselect("節", list(sections), key="f_secs", select_all=False, placeholder="すべての節",
                                     format_func=lambda s: sections.get(s, s))
        st.caption("絞り込むと、その範囲の箇所だけから答えます。範囲外に根拠があるときは回答の下でお知らせします。")
        with st.expander("管理", icon=":material/settings:"):
            admin_panel(r)
    filters = {"doc_id": picked_docs or None, "section": picked_secs or None}
    return {"mode": mode, "filters": {k: v for k, v in filters.items() if v}, "docs": docs, "sections": sections}


def admin_panel(r) -> None:
    m = r.manifest or {}
    st.markdown("**索引の状態**")
    for d in m.get("documents", []):
        st.markdown(f"- {quote(d['title'])}（{quote(d.get('publisher', ''))} {quote(str(d.get('date', '')))}、"
                    f"{d.get('pages', '?')}ページ）")
    for f in m.get("failures", []):
        st.warning(quote(f"{f['file']}: {f['ja']}"))
    st.caption(quote(f"チャンク数 {m.get('chunks', 0)} ／ 作成 {m.get('built_at', '-')}"))
    if is_admin():
        if st.button("索引を作り直す（資料フォルダの追加・変更を反映）", key="rebuild", icon=":material/refresh:"):
            rebuild(r)
    else:
        st.caption("索引の作り直しは管理者だけが行えます（この PC だけで起動したとき、または KYOJU_ADMIN=1）。")


def rebuild(r) -> None:
    from ingest.pipeline import run_ingest

    s = get_settings()
    with st.spinner("索引を作り直しています…（既存の索引は完了まで使えます）"):
        try:
            rep = run_ingest(s.corpus_dir, s.store_config, s.embedding_model, s.chunk_min_chars, s.chunk_max_chars,
                             show_progress=False, embedder=r.embedder)
        except Exception as exc:
            st.error("索引を作り直せませんでした。既存の索引はそのまま使えます。")
            st.caption(quote(str(exc)[:300]))
            return
    r.refresh(max_age_s=0)
    for f in rep.failures:
        st.warning(quote(f"{Path(f.path).name}: {f.ja}"))
    st.success(f"索引を更新しました（{rep.chunks} チャンク）" if rep.changed else "索引は最新です（変更なし）")


def toolbar(r, messages: list[dict]) -> None:
    with st.container(horizontal=True, key="toolbar"):
        st.button("新しい会話", key="new-chat", on_click=new_conversation, icon=":material/add_comment:")
        st.download_button("会話を保存（Markdown）", conversation_markdown(messages, (r.manifest or {}).get("documents")),
                           file_name="kyoju-conversation.md", mime="text/markdown", icon=":material/download:",
                           key="save-chat", on_click="ignore")


@st.cache_data(show_spinner=False, max_entries=4)
def _examples(build_id: str, _r) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Worked out once per index build (`_r` is not hashed): the fixed examples whose words the index
    knows, and one question per document from its own headings when several are registered."""
    fixed = {who: [q for q in qs if all(_r.knows(t) for t in content_words(prepare(q)))] for who, qs in EXAMPLES.items()}
    docs = (_r.manifest or {}).get("documents", [])
    return fixed, (document_examples(_r.chunks, docs) if len(docs) > 1 else [])


def examples(r) -> None:
    """Fixed examples (about the shipped report) and questions from the registered documents' headings."""
    fixed, per_doc = _examples(r.build_id, r)
    for who, known in fixed.items():
        if not known:
            continue
        st.markdown(f"**{who}の方へ**")
        with st.container(key=f"ex-{who}"):
            for q in known:
                st.button(q, key=q, on_click=ask, args=(q,), icon=":material/chat_bubble:")
    if per_doc:
        st.markdown("**登録資料の見出しから**")
        with st.container(key="ex-docs"):
            for short, q in per_doc:
                st.button(f"{q}（{short}）", key=f"ex-doc-{short}-{q}", on_click=ask, args=(q,),
                          icon=":material/description:")


def main() -> None:
    st.set_page_config(page_title="居住支援 資料アシスタント", page_icon=":material/home_work:", layout="centered")
    st.html(CSS)
    try:
        r = retriever()
    except Exception as exc:  # missing index or model, server down: say how to fix, never a traceback
        st.error("索引またはモデルを読み込めませんでした。端末で `make run`（または `kyoju ingest`）を実行してください。"
                 "Chroma サーバーを使う設定の場合は、サーバーが動いているか確認してください。")
        st.caption(quote(str(exc)[:500]))
        return
    messages = conversation()
    opts = sidebar(r)
    st.title("居住支援 資料アシスタント")
    docs = (r.manifest or {}).get("documents", [])
    st.html('<div class="kj-intro">登録された公的資料だけを根拠に、ページと節を示して答えます。'
            "資料に記述がない場合はそう答えます。<br>資料: "
            + "、".join(f"{esc(d['title'])}（{esc(d.get('date', ''))}）" for d in docs) + "</div>")
    if messages:
        toolbar(r, messages)
    else:
        examples(r)
    pending = unanswered(messages)
    last_answer = max((i for i, m in enumerate(messages) if m["role"] == "assistant"), default=-1)
    for i, msg in enumerate(messages):
        if msg["role"] == "user":
            with st.chat_message("user", avatar=":material/person:"):
                st.html(f'<div class="kj-question">{esc(msg["content"])}</div>')
        else:
            with st.chat_message("assistant", avatar=":material/menu_book:"):
                show_answer(r, msg, f"m{i}", newest=i == last_answer and pending is None)
                history = [{"role": m["role"], "content": m["content"]} for m in messages[: i - 1]]
                feedback_row(i, msg, messages[i - 1]["content"], history)
    if pending is not None:
        answer_pending(r, pending, opts)
    if (target := st.session_state.pop("scroll_to", None)) is not None:
        scroll_to_question(target)
    if st.session_state.pop("empty_question", False):
        st.warning("質問が空です。知りたいことを入力してください。", icon=":material/edit:")
    if st.session_state.pop("save_failed", False):
        st.caption("会話を保存できませんでした（ディスクの空きと書き込み権限を確認してください）。この画面ではそのまま続けられます。")
    labels = filter_labels(opts["filters"], opts["docs"], opts["sections"])
    with st.container(key="input-notes"):
        if labels:
            with st.container(horizontal=True, key="chips"):
                st.html(chips_html(["絞り込み中"] + labels))
                st.button("絞り込みを解除", key="clear-filters", on_click=clear_filters, icon=":material/close:")
    st.chat_input(f"質問を入力してください（{MAX_CHARS}文字まで）", key="q", max_chars=MAX_CHARS, on_submit=on_submit,
                  submit_mode="disable")


main()
