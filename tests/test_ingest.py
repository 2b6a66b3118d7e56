import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

from conftest import REPORT_PDF, ROOT, make_settings, shared_txt

from ingest.clean import squash
from ingest.index import IndexStore, StoreConfig
from ingest.pipeline import run_ingest


def _chunks(settings):
    return IndexStore(StoreConfig(settings.index_dir)).load()[1]


def test_every_prose_line_is_kept(built):
    chunks = _chunks(built[0])
    joined = "".join(squash(c["text"]) for c in chunks)
    missing = []
    for line in shared_txt().read_text(encoding="utf-8").splitlines():
        key = squash(line)
        if not key or line.strip().startswith("№") or re.fullmatch(r"-?\d+-?", key):
            continue
        if re.fullmatch(r"[\d\s]+", line.strip()) or line.split()[0] in {"属性", "0回", "県", "令和", "4年度", "5年度", "合計"}:
            continue  # table grid cells: checked as grids below
        if key in joined or re.sub(r"^\d+", "", key) in joined:
            continue
        missing.append(line)
    assert not missing, missing[:5]


def test_prose_order_is_kept(built):
    chunks = [c for c in _chunks(built[0]) if c["kind"] == "text"]
    joined = "".join(squash(c["text"]) for c in chunks)
    anchors = ["国土交通省は", "調査対象15県の居住支援協議会の構成員", "上記研修会等の開催のほか", "この点については",
               "次に、県による市区町村等", "【まとめ】", "【所見】"]
    positions = [joined.index(squash(a)) for a in anchors]
    assert positions == sorted(positions)


def test_pages_and_sections(built):
    chunks = _chunks(built[0])
    assert len(chunks) >= 15
    for c in chunks:
        assert c["pages"] and all(67 <= int(p) <= 72 for p in c["pages"]), c["id"]
        assert c["section"].startswith("4"), c["id"]
        assert 20 <= len(c["text"]) <= 700, (c["id"], len(c["text"]))
    sections = {c["section"] for c in chunks}
    assert {"4（1）【調査結果】", "4（2）【調査結果】", "4【まとめ】", "4【所見】"} <= sections
    # a paragraph running from p.70 onto p.71 carries both pages
    assert any(c["pages"] == ["70", "71"] for c in chunks)


def test_tables_are_grids(built):
    chunks = _chunks(built[0])
    t1 = next(c for c in chunks if c["unit_title"].startswith("表 4-①"))
    t2 = next(c for c in chunks if c["unit_title"].startswith("表 4-②"))
    assert t1["kind"] == "table" and t1["pages"] == ["67"]
    assert t1["grid"][0] == ["属性", "市区町村", "居住支援法人", "社会福祉協議会", "宅地建物取引業協会",
                             "全日本不動産協会", "受刑者関係（保護観察所等）"]
    assert t1["grid"][1] == ["県", "15", "12", "14", "14", "12", "10"]
    assert t2["grid"][0][1:] == ["0回", "1回", "2回", "3回", "4回", "5回以上"]
    assert t2["grid"][2] == ["4年度", "2", "4", "3", "0", "4", "2"]
    assert t2["grid"][4] == ["合計", "4", "13", "7", "2", "13", "6"]
    assert "（単位：県）" in t2["text"] and "（注）" in t2["text"]
    cases = [c for c in chunks if c["kind"] == "case"]
    assert {c["unit_title"][:6] for c in cases} == {"事例 4-①", "事例 4-②", "事例 4-③"}


def test_reingest_unchanged_is_a_noop(built, model_path, embedder):
    s, first = built
    before = IndexStore(StoreConfig(s.index_dir)).current_build()
    rep = run_ingest(s.corpus_dir, StoreConfig(s.index_dir), model_path, show_progress=False, embedder=embedder)
    assert not rep.changed and rep.ok
    assert IndexStore(StoreConfig(s.index_dir)).current_build() == before


def test_broken_pdf_beside_a_good_one(tmp_path, model_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPORT_PDF, corpus / "良い 資料.pdf")
    (corpus / "broken.pdf").write_bytes(REPORT_PDF.read_bytes()[:3000])
    (corpus / "empty.pdf").write_bytes(b"")
    (corpus / "fake.pdf").write_text("not a pdf at all")
    s = make_settings(tmp_path, corpus, model_path)
    rep = run_ingest(corpus, StoreConfig(s.index_dir), model_path, show_progress=False, embedder=embedder)
    failed = {os.path.basename(f.path): f for f in rep.failures}
    assert set(failed) == {"broken.pdf", "empty.pdf", "fake.pdf"}
    assert all(f.ja and f.en for f in failed.values())
    assert rep.docs_indexed == ["良い-資料"]
    assert any("居住支援" in c["text"] for c in _chunks(s))


def test_a_layout_reader_error_costs_only_its_document(tmp_path, model_path, embedder, monkeypatch):
    """A bug in the layout reader on one odd PDF is reported for that file; the others are indexed."""
    from pdfgen import text_pdf

    import ingest.pipeline as pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPORT_PDF, corpus / "report.pdf")
    text_pdf(corpus / "odd.pdf", [["A page the reader trips over."]])
    real = pipeline.build_units

    def tripping(pages):
        if any("trips over" in getattr(b, "text", "") for p in pages for b in p.blocks):
            raise IndexError("list index out of range")
        return real(pages)

    monkeypatch.setattr(pipeline, "build_units", tripping)
    s = make_settings(tmp_path, corpus, model_path)
    rep = run_ingest(corpus, StoreConfig(s.index_dir), model_path, show_progress=False, embedder=embedder)
    assert [os.path.basename(f.path) for f in rep.failures] == ["odd.pdf"]
    assert rep.failures[0].en and rep.failures[0].ja
    assert rep.docs_indexed == ["report"]
    assert any("居住支援" in c["text"] for c in _chunks(s))


def test_image_only_pdf_says_ocr(tmp_path):
    import pypdf

    from ingest.pdf import DocumentError, read_pdf

    w = pypdf.PdfWriter()
    w.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as f:
        w.write(f)
    try:
        read_pdf(path)
    except DocumentError as err:
        assert "OCR" in err.en and "OCR" in err.ja
    else:
        raise AssertionError("image-only PDF accepted")


def test_killed_ingest_keeps_old_index_answering(built, tmp_path, model_path):
    """SIGKILL an ingest mid-run: the old build still answers, and the next ingest completes."""
    s, _ = built
    index = tmp_path / "index"
    shutil.copytree(s.index_dir, index)
    corpus = tmp_path / "corpus"
    shutil.copytree(s.corpus_dir, corpus)
    shutil.copy(REPORT_PDF, corpus / "copy.pdf")  # a change, so the run has work to do
    env = dict(os.environ, KYOJU_INDEX_DIR=str(index), KYOJU_CORPUS_DIR=str(corpus), KYOJU_EMBEDDING_MODEL=model_path)
    before = (index / "CURRENT").read_text()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "ingest", "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not any((index / "builds").glob(f"*-{proc.pid}-*")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (index / "CURRENT").read_text() == before
    out = subprocess.run([sys.executable, "-m", "app.cli", "search", "協力不動産店", "--json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "協力不動産店" in json.loads(out.stdout)[0]["text"]
    done = subprocess.run([sys.executable, "-m", "app.cli", "ingest", "--quiet"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (index / "CURRENT").read_text() != before
    assert not [p for p in (index / "builds").iterdir() if not (p / "manifest.json").exists()]


def test_index_is_read_in_pages(built):
    """Large indexes are read page by page (one get() of 100k records breaks Chroma's SQLite)."""
    from ingest.index import get_all

    s, _ = built
    _, chunks, _, col = IndexStore(StoreConfig(s.index_dir)).load()
    got = get_all(col, ["documents", "metadatas"], batch=7)
    assert sorted(got["ids"]) == sorted(c["id"] for c in chunks) and len(set(got["ids"])) == len(chunks)
    assert len(got["documents"]) == len(got["metadatas"]) == len(chunks)


def test_ingest_reports_its_speed(built):
    """pages/s and texts/s come back with the report, so a slow corpus can be told from a slow model."""
    _, rep = built
    assert rep.pages == 6 and rep.read_seconds > 0 and rep.pages_per_second > 0
    assert rep.embedded >= rep.chunks and rep.texts_per_second > 0


def test_an_edited_word_list_changes_the_index_fingerprint(tmp_path, monkeypatch):
    """A municipality adding a short form to ingest/resources/*.toml gets its tokens rebuilt by the next ingest:
    the word lists are part of the fingerprint an index is reused by (no `--force` needed)."""
    import ingest.vocabulary as vocab
    from ingest.pipeline import fingerprint

    for f in vocab.RESOURCES.glob("*.toml"):
        shutil.copy2(f, tmp_path / f.name)
    monkeypatch.setattr(vocab, "RESOURCES", tmp_path)
    before = fingerprint("m", 100, 800)
    assert fingerprint("m", 100, 800) == before  # the same lists, the same fingerprint
    words = tmp_path / "vocabulary.toml"
    words.write_text("# a note of the municipality\n" + words.read_text(encoding="utf-8"), encoding="utf-8")
    assert fingerprint("m", 100, 800) == before  # a comment changes no word: no rebuild
    words.write_text(words.read_text(encoding="utf-8").replace(
        "[short_forms]\n", '[short_forms]\n"包括" = "地域包括支援センター"\n', 1), encoding="utf-8")
    after = fingerprint("m", 100, 800)
    assert after != before
    edited = words.read_text(encoding="utf-8").replace("groups = [\n", 'groups = [\n  ["見守り", "安否確認"],\n', 1)
    assert "安否確認" in edited
    words.write_text(edited, encoding="utf-8")
    assert fingerprint("m", 100, 800) == after  # synonyms are read with the question only: no token changes
