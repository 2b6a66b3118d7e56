"""The corpus folder: which files there are, what the manifest says of each, and their hashes."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .pdf import SUPPORTED_SUFFIXES

MANIFEST = "manifest.toml"


@dataclass(frozen=True)
class DocInfo:
    path: Path
    doc_id: str
    title: str
    short: str
    publisher: str = ""
    date: str = ""
    url: str = ""
    sha256: str = ""
    title_read: bool = False  # the title was read from the file (no manifest title)
    publisher_read: bool = False  # the publisher was read from the file's cover (no manifest publisher)

    def as_dict(self) -> dict:
        return {
            "file": self.path.name,
            "doc_id": self.doc_id,
            "title": self.title,
            "short": self.short,
            "publisher": self.publisher,
            "date": self.date,
            "url": self.url,
            "sha256": self.sha256,
            "title_read": self.title_read,
            "publisher_read": self.publisher_read,
        }


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _slug(name: str) -> str:
    stem = re.sub(r"[^0-9A-Za-z\u3040-\u30ff\u4e00-\u9fff]+", "-", Path(name).stem).strip("-")
    return stem[:40] or "doc"


_JUNK_TITLE = re.compile(r"^(untitled|無題|microsoft (word|powerpoint)|document\d*$|\(unspecified\))|\.(docx?|pptx?|xlsx?|pdf)$", re.I)


def pdf_title(path: Path) -> str:
    """A title for a PDF without a manifest entry: /Title when it is a real one, else the first page's largest text.

    Word processors often leave a file name or 「Microsoft Word - 案.docx」 in /Title, which
    would read worse than the words printed large on the cover.
    """
    try:
        import pypdf

        title = ((pypdf.PdfReader(str(path), strict=False).metadata or {}).get("/Title") or "").strip()
    except Exception:  # unreadable files are reported by the reader, not here
        return ""
    if title and not _JUNK_TITLE.search(title) and len(title) >= 3:
        return " ".join(title.split())
    try:
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            chars = [c for c in pdf.pages[0].chars if c["text"].strip()] if pdf.pages else []
            first_text = (pdf.pages[0].extract_text() or "") if pdf.pages else ""
    except Exception:
        return ""
    if not chars:
        return ""
    subject = mail_subject(first_text)
    if subject:
        return subject[:80]
    top = max(round(c["size"], 1) for c in chars)
    big = sorted((c for c in chars if round(c["size"], 1) >= top - 0.5), key=lambda c: (round(c["top"]), c["x0"]))
    sizes = Counter(round(c["size"], 1) for c in chars)
    if len(chars) > COVER_MAX_CHARS and sizes.most_common(1)[0][0] >= top - 0.5:
        # no text stands out (a spreadsheet printed as it is, a page of plain text): the largest text is the
        # whole page, so the title is its first line (a cover's title, however many lines, is larger than the rest)
        big = [c for c in big if abs(c["top"] - big[0]["top"]) <= big[0]["size"] * 0.5]
    out = ""
    for prev, c in zip([None, *big], big, strict=False):
        if prev is not None and (c["x0"] - prev["x1"] > c["size"] * 0.3 or abs(c["top"] - prev["top"]) > c["size"] * 0.5):
            out += " "
        out += c["text"]
    return " ".join(out.split())[:80]


# an e-mail printed from a mail client: its header block names the sender, the date and the subject; the subject,
# not the name printed large at the top (the account that printed it), is what the document is about
_MAIL_LABELS = re.compile(r"^\s*(?:差出人|送信者|送信日時|日時|宛先|CC|Cc|From|Sent|Date|To)\s*[:：]", re.M)
_MAIL_SUBJECT = re.compile(r"^[ \t\u3000]*(?:件名|Subject)[ \t\u3000]*[:：][ \t\u3000]*([^\n]+)$", re.M)
_REPLY_MARK = re.compile(r"^(?:\s*(?:RE|Re|re|FW|Fw|FWD|Fwd|返信|転送)\s*[:：]\s*)+")


def mail_subject(text: str) -> str:
    """The subject of an e-mail printout's first message (「件名: RE: RE: 【事務連絡】…の募集について」 ->
    「【事務連絡】…の募集について」), or "" when the page has no mail header (a subject line and two other header
    labels: 差出人 / 送信日時 / 宛先 or From / Sent / To)."""
    m = _MAIL_SUBJECT.search(text)
    if not m or len(_MAIL_LABELS.findall(text[: m.end() + 400])) < 2:
        return ""
    subject = _REPLY_MARK.sub("", m.group(1)).strip()
    # a label printed on the same line after it (「…について添付ファイル: a.pdf」) is not the subject's
    subject = re.split(r"\s*(?:添付ファイル|添付|Attachments?)\s*[:：]", subject)[0].strip()
    return " ".join(subject.split())


COVER_MAX_CHARS = 400  # a first page with more text than this is a page of content, not a cover


def _publisher_suffixes() -> tuple[str, ...]:
    with open(Path(__file__).parent / "resources" / "headings.toml", "rb") as f:
        return tuple(tomllib.load(f).get("publisher_suffixes", ()))


def cover_publisher(lines: list[str], suffixes: tuple[str, ...] | None = None, title: str = "") -> str:
    """The issuing bodies printed on a cover (「かえで県 建築住宅部 住宅政策課」): short lines, not sentences,
    that end with a body's suffix (課, 部, 局, 県, 協議会 …; data in ingest/resources/headings.toml).
    A question that names the publisher names the document, not a passage of it."""
    suffixes = _publisher_suffixes() if suffixes is None else suffixes
    found: list[str] = []
    for line in lines:
        flat = re.sub(r"^(?:発行|発行者|作成|編集|編集・発行|問い?合わ?せ先?)\s*[:：]\s*", "", re.sub(r"\s+", " ", line).strip())
        bare = flat.replace(" ", "").replace("\u3000", "")
        if (not (2 <= len(bare) <= 40) or re.search(r"[。、？?：:]", bare) or re.match(r"^(?:令和|平成|[0-9０-９(（]|第\d)", bare)
                or bare.endswith(("会議室", "会場"))):
            continue
        if bare.endswith(suffixes) and flat not in found and bare not in re.sub(r"\s", "", title):
            found.append(flat)
    return " ／ ".join(found[:3])


def pdf_publisher(path: Path, title: str = "") -> str:
    """The publisher printed on a PDF's cover page (lines of the title aside), or "" when the first page is
    not a cover."""
    try:
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            text = (pdf.pages[0].extract_text() or "") if pdf.pages else ""
    except Exception:  # unreadable files are reported by the reader, not here
        return ""
    if len(re.sub(r"\s", "", text)) > COVER_MAX_CHARS:
        return ""
    return cover_publisher(text.splitlines(), title=title)


def short_name(title: str) -> str:
    """A short citation name: the title before a subtitle mark or bracket, at most 20 characters."""
    head = re.split(r"[～〜~―—:：（(「【]|\s[-–]\s", title, maxsplit=1)[0].strip() or title
    return head[:20]


def read_manifest(corpus_dir: Path) -> dict[str, dict]:
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return {d["file"]: d for d in data.get("document", []) if "file" in d}


def discover(corpus_dir: Path, known_titles: dict[str, str] | None = None,
             known_publishers: dict[str, str] | None = None) -> list[DocInfo]:
    """Every supported file under the corpus folder, with its manifest entry (or defaults).

    `known_titles` (SHA-256 -> title) / `known_publishers` ("SHA-256:title" -> publisher), what was read from
    the file before, spare opening an unchanged PDF again just to read its cover: a re-ingest with nothing
    changed then reads no PDF at all.
    """
    known_titles = known_titles or {}
    known_publishers = known_publishers or {}
    entries = read_manifest(corpus_dir)
    docs: list[DocInfo] = []
    seen: set[str] = set()
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES or path.name.startswith(".") or path.name == "README.md":
            continue
        rel = str(path.relative_to(corpus_dir))
        e = entries.get(rel) or entries.get(path.name) or {}
        doc_id = e.get("id") or _slug(path.name)
        base, n = doc_id, 2
        while doc_id in seen:
            doc_id, n = f"{base}-{n}", n + 1
        seen.add(doc_id)
        sha = file_sha256(path)
        title = e.get("title") or known_titles.get(sha) or (path.suffix.lower() == ".pdf" and pdf_title(path)) or path.stem
        publisher = e.get("publisher", "")
        if not publisher:
            known = f"{sha}:{title}"
            publisher = (known_publishers[known] if known in known_publishers
                         else pdf_publisher(path, title) if path.suffix.lower() == ".pdf" else "")
        docs.append(
            DocInfo(
                path=path,
                doc_id=doc_id,
                title=title,
                short=e.get("short") or short_name(title),
                publisher=publisher,
                date=str(e.get("date", "")),
                url=e.get("url", ""),
                sha256=sha,
                title_read=not e.get("title"),
                publisher_read=not e.get("publisher"),
            )
        )
    return docs
