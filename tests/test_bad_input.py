"""Bad input: odd PDFs and odd questions get an answer, an abstention or a clear message; never a crash."""

import re
import shutil
import time

import pytest
from conftest import REPORT_PDF
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfgen import text_pdf

from app.answer import answer_question
from app.render import answer_markdown, quote
from ingest.clean import squash
from ingest.pdf import DocumentError, Line, Page, read_document


def test_encrypted_pdf_is_refused_with_a_clear_message(tmp_path):
    import pypdf

    w = pypdf.PdfWriter(clone_from=str(REPORT_PDF))
    w.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "暗号化 資料.pdf"
    with open(path, "wb") as f:
        w.write(f)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert "password" in err.value.en.lower() or "encrypt" in err.value.en.lower()
    assert "パスワード" in err.value.ja or "暗号" in err.value.ja


@pytest.mark.parametrize("cut", [0, 100, 20_000, -200], ids=["zero-byte", "header-only", "half", "no-trailer"])
def test_truncated_pdfs(tmp_path, cut):
    """A damaged PDF is refused with a message in both languages, never half-read into the index."""
    data = REPORT_PDF.read_bytes()
    path = tmp_path / "切れた.pdf"
    path.write_bytes(data[:cut])
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.en and err.value.ja and "切れた.pdf" in str(err.value)


def test_thousand_page_pdf(tmp_path):
    path = text_pdf(tmp_path / "large file (1000 pages).pdf",
                    [[f"Section {i}: housing support council meeting minutes.", f"- {i + 1} -"] for i in range(1000)])
    seen = []
    t = time.perf_counter()
    pages = read_document(path, progress=lambda done, total: seen.append((done, total)))
    elapsed = time.perf_counter() - t
    assert len(pages) == 1000 and seen[-1] == (1000, 1000)
    assert pages[999].label == "1000"  # the printed page number line became the label
    assert "Section 999" in pages[999].blocks[0].text
    print(f"1000 pages read in {elapsed:.1f} s")


def test_odd_file_names_and_a_non_pdf(tmp_path, model_path, embedder):
    from conftest import make_settings

    from ingest.pipeline import run_ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPORT_PDF, corpus / "報告書 (第4章)　全角スペース#1.PDF")
    (corpus / "写真.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    text_pdf(corpus / "english memo.pdf", [["The council meets twice a year."]])
    s = make_settings(tmp_path, corpus, model_path)
    rep = run_ingest(corpus, s.store_config, model_path, show_progress=False, embedder=embedder)
    assert [os_name(f.path) for f in rep.failures] == ["写真.pdf"]
    assert len(rep.docs_indexed) == 2 and rep.chunks > 20


def os_name(p) -> str:
    from pathlib import Path

    return Path(p).name


QUESTIONS = [
    "   \t\n ",
    "あ" * 10_000,
    "居住支援協議会\x00\x07\x1b[31mの開催回数は？",
    "<script>alert('x')</script> 協議会の構成員は？",
    "**協議会** の [構成員](javascript:alert(1)) は？ # 見出し",
    "'; DROP TABLE chunks; -- 居住支援法人の数は",
    "🏠🏠 協議会って何回開くの？？ 😅",
    "How many prefectures held no council meeting in FY2022?",
    "居住支援協議会 meeting の回数 about R4",
    "？？？",
    "🏠🏠🏠",
    "\u202e\u200b居住支援\u3000法人",
]


@pytest.mark.parametrize("question", QUESTIONS, ids=range(len(QUESTIONS)))
def test_odd_questions(built, retriever, question):
    if not question.strip():
        with pytest.raises(ValueError):
            answer_question(question, settings=built[0], retriever=retriever)
        return
    ans = answer_question(question, settings=built[0], retriever=retriever)
    assert ans.answer.strip()
    assert ans.abstained or ans.citations  # an answer always carries its sources
    shown = answer_markdown(ans.answer)
    assert "<script>" not in shown and "](javascript" not in shown
    assert "<script>" not in quote(question)


def _pages(lines: list[str]) -> list[Page]:
    page = Page(index=0, label="1", width=595, height=842)
    for n, text in enumerate(lines):
        page.blocks.append(Line(text, 0, (72.0, 72.0 + 14 * n, 500.0, 84.0 + 14 * n), 10.5))
    return [page]


line = st.one_of(
    st.text(alphabet=st.sampled_from(list("居住支援協議会県市の、。・○123（）「」【】ABab -")), min_size=1, max_size=60),
    st.sampled_from(["表 4-① 構成員の属性", "事例 4-② 県の意見", "（注）当省の調査結果による。", "【調査結果】",
                     "（1） 都道府県居住支援協議会による支援", "4 都道府県による支援", "① 市区町村の把握"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(line, min_size=1, max_size=30))
def test_chunking_loses_and_duplicates_nothing(lines):
    """Every character of the text reaches exactly one chunk, in order (whitespace aside; page-number
    lines are taken out earlier, by the PDF reader, and tested there)."""
    from ingest.chunk import chunk_units
    from ingest.structure import build_units

    chunks = chunk_units(build_units(_pages(lines)), "doc", "doc", min_chars=50, max_chars=120)
    kept = [ln for ln in lines if ln.strip()]
    expect = re.sub(r"\s", "", "".join(kept))
    got = re.sub(r"\s", "", "".join(c.text for c in chunks))
    assert squash(got) == squash(expect)


def test_question_without_words_abstains(built, retriever):
    for q in ("？？？", "🏠🏠🏠", "!!!"):
        assert answer_question(q, settings=built[0], retriever=retriever).abstained, q
