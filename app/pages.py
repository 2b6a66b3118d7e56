"""Pictures of PDF pages with a passage's lines marked, for the source panel.

Each page is rendered once (pypdfium2) into ``<data_dir>/cache/pages`` and reused; the
marks are drawn on a copy. Boxes are the passage's line boxes from ingest, in PDF points
from the page's top-left: [page_index, x0, top, x1, bottom]. PDFium is not thread-safe,
so rendering holds one lock.
"""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

_lock = threading.Lock()
SCALE = 1.5  # 108 dpi: readable in the side panel, ~200 KB a page


def _cache_path(pdf: Path, page_index: int, cache_dir: Path) -> Path:
    st = pdf.stat()
    key = hashlib.sha256(f"{pdf.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    return cache_dir / f"{key}-p{page_index}.png"


def render_page(pdf: Path, page_index: int, cache_dir: Path) -> Path:
    """The page as PNG on disk (rendered on first use)."""
    out = _cache_path(pdf, page_index, cache_dir)
    if out.exists():
        return out
    import pypdfium2 as pdfium

    cache_dir.mkdir(parents=True, exist_ok=True)
    with _lock:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            image = doc[page_index].render(scale=SCALE).to_pil()
        finally:
            doc.close()
    tmp = out.with_suffix(".tmp.png")
    image.save(tmp, format="PNG", optimize=True)
    tmp.replace(out)  # readers never see half a file
    return out


def marked_page(pdf: Path, page_index: int, boxes: list, cache_dir: Path) -> bytes:
    """PNG bytes of the page with the passage's lines on that page highlighted."""
    from PIL import Image, ImageDraw

    base = Image.open(render_page(pdf, page_index, cache_dir)).convert("RGBA")
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for b in boxes:
        if len(b) == 5 and int(b[0]) == page_index:
            x0, top, x1, bottom = (float(v) * SCALE for v in b[1:])
            draw.rectangle([x0 - 2, top - 2, x1 + 2, bottom + 2], fill=(255, 213, 0, 80), outline=(230, 120, 0, 255), width=2)
    buf = io.BytesIO()
    Image.alpha_composite(base, overlay).convert("RGB").save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def find_source(corpus_dir: Path, name: str) -> Path | None:
    """The stored file name of a source, found anywhere under the corpus (documents may sit in subfolders)."""
    if not name:
        return None
    direct = corpus_dir / name
    if direct.is_file():
        return direct
    base = Path(name).name
    return next((p for p in sorted(corpus_dir.rglob(base)) if p.is_file()), None)


def crop_to_marks(png: bytes, boxes: list, page_index: int, margin_pt: float = 36.0) -> bytes:
    """The band of a marked page that holds the passage: a card shows where the words are, not a whole page."""
    from PIL import Image

    tops = [(float(b[2]), float(b[4])) for b in boxes if len(b) == 5 and int(b[0]) == page_index]
    if not tops:
        return png
    image = Image.open(io.BytesIO(png))
    top = max(0, int((min(t for t, _ in tops) - margin_pt) * SCALE))
    bottom = min(image.height, int((max(b for _, b in tops) + margin_pt) * SCALE))
    bottom = min(bottom, top + int(260 * SCALE))  # a long passage: its start is enough, the full page is one click away
    buf = io.BytesIO()
    image.crop((0, top, image.width, bottom)).save(buf, format="PNG", optimize=True)
    return buf.getvalue()
