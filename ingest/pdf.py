"""Documents -> pages of positioned lines and ruled tables.

pypdf opens and validates each PDF (encryption, damage, missing text layer) because its
errors are precise; pdfplumber then reads the same file for what pypdf cannot give:
character positions (to mark a passage on the page picture) and ruled table grids
(header cells split over several lines come back as one cell). Text and Markdown files
become one page of lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .clean import page_number_label

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".md", ".markdown"}


class DocumentError(Exception):
    """A file that cannot be read; carries a message for users in English and Japanese."""

    def __init__(self, path: Path | str, en: str, ja: str):
        self.path = str(path)
        self.en = en
        self.ja = ja
        super().__init__(f"{Path(self.path).name}: {en} / {ja}")


@dataclass
class Line:
    text: str
    page_index: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (PDF points, top-left origin)
    size: float = 0.0
    strong: bool = False  # gothic / bold face: headings and captions


@dataclass
class Table:
    rows: list[list[str]]
    page_index: int
    bbox: tuple[float, float, float, float]


@dataclass
class Page:
    index: int  # 0-based index in the file
    label: str  # printed page number when found, else index+1
    width: float
    height: float
    blocks: list[Line | Table] = field(default_factory=list)


def read_document(path: Path, progress=None) -> list[Page]:
    """Any supported file -> pages; `progress(done, total)` is called per PDF page."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, progress=progress)
    if suffix in {".txt", ".md", ".markdown"}:
        return read_text(path)
    raise DocumentError(path, f"unsupported file type {suffix}", f"対応していない形式です（{suffix}）")


def _validate_pdf(path: Path) -> int:
    import pypdf
    from pypdf.errors import PdfReadError

    if path.stat().st_size == 0:
        raise DocumentError(path, "the file is empty (0 bytes)", "ファイルが空です（0バイト）")
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise DocumentError(
                    path,
                    "the PDF is encrypted (password protected); save an unprotected copy",
                    "PDFが暗号化（パスワード保護）されています。保護を解除したPDFを保存してください",
                )
        n_pages = len(reader.pages)
        text_chars = 0
        for page in reader.pages[: min(n_pages, 20)]:
            text_chars += len((page.extract_text() or "").strip())
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise DocumentError(
            path, f"the PDF is damaged or not a PDF ({exc.__class__.__name__})", "PDFが壊れているか、PDFではありません"
        ) from exc
    if n_pages == 0:
        raise DocumentError(path, "the PDF has no pages", "PDFにページがありません")
    if text_chars == 0:
        raise DocumentError(
            path,
            "no text layer (scanned images only): run OCR first, e.g. ocrmypdf",
            "文字情報のない画像だけのPDFです。OCR（文字認識）をかけてから追加してください（例：ocrmypdf）",
        )
    return n_pages


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _is_strong(fontname: str) -> bool:
    return bool(re.search(r"gothic|bold|heavy|black|ゴシック|-W[6-9]|Sans", fontname, re.I))


def read_pdf(path: Path, progress=None) -> list[Page]:
    import pdfplumber

    n_pages = _validate_pdf(path)
    pages: list[Page] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for i, ppage in enumerate(pdf.pages):
                pages.append(_read_pdf_page(ppage, i))
                if progress:
                    progress(i + 1, n_pages)
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged streams
        raise DocumentError(
            path, f"the PDF could not be read ({exc.__class__.__name__}: {exc})", "PDFを読み取れませんでした"
        ) from exc
    return pages


def _read_pdf_page(ppage, index: int) -> Page:
    tables = []
    for t in ppage.find_tables():
        rows = [[(c or "") for c in row] for row in t.extract()]
        if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            tables.append(Table(rows=rows, page_index=index, bbox=tuple(t.bbox)))
    boxes = [t.bbox for t in tables]
    outside = ppage.filter(lambda o: not (o.get("object_type") == "char" and _inside(o, boxes)))
    lines: list[Line] = []
    label = ""
    for tl in outside.extract_text_lines(return_chars=True, strip=True):
        text = tl["text"]
        if not text.strip():
            continue
        chars = [c for c in tl["chars"] if c["text"].strip()]
        size = max((c["size"] for c in chars), default=0.0)
        strong = bool(chars) and sum(_is_strong(c.get("fontname", "")) for c in chars) > len(chars) / 2
        num = page_number_label(text)
        if num is not None and (tl["top"] > ppage.height * 0.85 or tl["bottom"] < ppage.height * 0.12):
            label = num  # printed page number: kept as label, dropped from text
            continue
        lines.append(Line(text, index, (tl["x0"], tl["top"], tl["x1"], tl["bottom"]), size, strong))
    blocks: list[Line | Table] = [*lines, *tables]
    blocks.sort(key=lambda b: (b.bbox[1], b.bbox[0]))
    return Page(index=index, label=label or str(index + 1), width=ppage.width, height=ppage.height, blocks=blocks)


def read_text(path: Path) -> list[Page]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError as exc:
            raise DocumentError(path, "not UTF-8 or Shift_JIS text", "UTF-8またはShift_JISのテキストではありません") from exc
    if not text.strip():
        raise DocumentError(path, "the file is empty", "ファイルが空です")
    page = Page(index=0, label="", width=0, height=0)
    markdown = path.suffix.lower() in {".md", ".markdown"}
    for n, raw_line in enumerate(text.splitlines()):
        if not raw_line.strip():
            page.blocks.append(Line("", 0, (0, n, 0, n)))  # blank line: paragraph break
            continue
        strong = markdown and raw_line.lstrip().startswith("#")
        indent = len(raw_line) - len(raw_line.lstrip(" \u3000"))
        page.blocks.append(Line(raw_line.strip(), 0, (float(indent), float(n), 0.0, float(n)), 0.0, strong))
    return [page]
