"""The rules of a scanned page's tables, found in its image.

A scanned notice carries its text as an invisible OCR layer over a picture of the page: the table's rules are
pixels only, so pdfplumber finds no table and reads a cell's wrapped lines across the row, cell after cell. Long
thin dark runs in the picture are the rules; given to pdfplumber as explicit lines, they make the grid again.

``rules`` works on a grey image as a NumPy array (pure, tested without a PDF); ``page_rules`` renders a page."""

from __future__ import annotations

import numpy as np

RESOLUTION = 100  # dots per inch the page is rendered at: a rule of 0.5 pt is still a pixel
MIN_RULE = 0.08  # a rule is at least this share of the page's width (or height)
MAX_THICK = 7  # pixels: a rule is thin; a filled band or a photo is not
GAP = 3  # pixels of a broken scan line bridged
SNAP = 40.0  # points: a rule that stops this short of a crossing one is carried to it
FAINT = 15  # grey levels darker than the paper: a faded rule still is (the characters are masked out first)


def _closed(dark: np.ndarray, gap: int) -> np.ndarray:
    """Dark pixels with gaps of up to `gap` pixels along each row filled (a scanned rule is often broken)."""
    if gap <= 0:
        return dark
    out = dark.copy()
    for k in range(1, gap + 1):
        out[:, k:-k] |= dark[:, : -2 * k] & dark[:, 2 * k:]
    return out


def _runs(row: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    """(start, end) of each run of True at least min_len long in a 1-D boolean array."""
    padded = np.concatenate(([False], row, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= min_len]


def _horizontal(dark: np.ndarray, min_len: int) -> list[tuple[float, float, float]]:
    """(y, x0, x1) in pixels of each horizontal rule: runs of neighbouring rows that overlap, at most MAX_THICK."""
    found: list[list[float]] = []  # [y_first, y_last, x0, x1]
    for y in range(dark.shape[0]):
        for a, b in _runs(dark[y], min_len):
            for f in found:
                if y - f[1] <= 1 and min(b, f[3]) - max(a, f[2]) >= 0.8 * min(b - a, f[3] - f[2]):
                    f[1], f[2], f[3] = y, min(a, f[2]), max(b, f[3])
                    break
            else:
                found.append([y, y, a, b])
    return [((f[0] + f[1]) / 2, f[2], f[3]) for f in found if f[1] - f[0] + 1 <= MAX_THICK]


def rules(gray: np.ndarray, scale: float, min_share: float = MIN_RULE,
          text: list[tuple[float, float, float, float]] | None = None) -> tuple[list[dict], list[dict]]:
    """(horizontal, vertical) rules of a grey page image (0 black … 255 white) as pdfplumber line objects in PDF
    points (`scale` pixels to a point). `text`: boxes (x0, top, x1, bottom, in points) of the page's text layer —
    their pixels are the characters, not rules, and are left out."""
    background = float(np.median(gray))
    if text:
        gray = gray.copy()
        h, w = gray.shape
        for x0, top, x1, bottom in text:  # (shrunk by a pixel: a rule may touch a character's box)
            a, b = max(0, int(x0 * scale) + 1), min(w, int(x1 * scale))
            c, d = max(0, int(top * scale) + 1), min(h, int(bottom * scale))
            if a < b and c < d:
                gray[c:d, a:b] = 255
    # a scanned rule is faint in places and drifts a pixel or two across the page: dark is clearly darker than the
    # paper, and a pixel counts for its row when one of its neighbours above or below is dark
    dark = gray < background - FAINT
    dark = dark | np.roll(dark, 1, axis=0) | np.roll(dark, -1, axis=0)
    h_min = max(20, int(gray.shape[1] * min_share))
    v_min = max(20, int(gray.shape[0] * min_share * 0.5))
    hs = _horizontal(_closed(dark, GAP), h_min)
    across = gray < background - FAINT
    across = across | np.roll(across, 1, axis=1) | np.roll(across, -1, axis=1)
    vs = _horizontal(_closed(across.T.copy(), GAP), v_min)

    def line(x0: float, top: float, x1: float, bottom: float) -> dict:
        return {"object_type": "line", "x0": x0 / scale, "x1": x1 / scale, "top": top / scale,
                "bottom": bottom / scale, "width": (x1 - x0) / scale, "height": (bottom - top) / scale}

    hs, vs = _joined(hs), _joined(vs)
    reach = SNAP * scale
    hs, vs = _snapped(hs, vs, reach), _snapped(vs, hs, reach)
    return ([line(a, y, b, y) for y, a, b in hs], [line(x, a, x, b) for x, a, b in vs])


def _snapped(lines: list[tuple[float, float, float]], across: list[tuple[float, float, float]], reach: float
             ) -> list[tuple[float, float, float]]:
    """Each rule's faded end carried to the crossing rule it stops short of (within `reach` pixels): a grid's rules
    meet, and a cell left open would be read together with the next."""
    out = []
    for y, a, b in lines:
        crossing = [x for x, lo, hi in across if lo - 3 <= y <= hi + 3]
        ahead = [x for x in crossing if b < x <= b + reach]
        behind = [x for x in crossing if a - reach <= x < a]
        out.append((y, max(behind) if behind else a, min(ahead) if ahead else b))
    return out


def _joined(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Pieces of one rule (the same row within two pixels) joined where a faded stretch broke it: the gap is shorter
    than the longer piece."""
    out: list[list[float]] = []
    for y, a, b in sorted(segments, key=lambda s: s[1]):
        last = next((o for o in reversed(out) if abs(o[0] - y) <= 2.0
                     and max(a, o[1]) - min(b, o[2]) <= max(b - a, o[2] - o[1])), None)
        if last is not None:
            last[1], last[2] = min(last[1], a), max(last[2], b)
            continue
        out.append([y, a, b])
    return [(y, a, b) for y, a, b in out]


def is_scanned(ppage) -> bool:
    """A page that is one picture (a scan) with text laid over it and no drawn lines of its own."""
    area = float(ppage.width * ppage.height) or 1.0
    covered = sum((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in ppage.images)
    return covered >= 0.8 * area and bool(ppage.chars) and not ppage.lines and len(ppage.rects) <= 2


def page_rules(ppage) -> tuple[list[dict], list[dict]]:
    """The rules printed in a scanned page's picture (empty lists if it cannot be rendered)."""
    try:
        image = ppage.to_image(resolution=RESOLUTION).original.convert("L")
    except Exception:  # no renderer, a broken image: the page is read without its rules, as before
        return [], []
    text = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in ppage.chars if c["text"].strip()]
    return rules(np.asarray(image), RESOLUTION / 72.0, text=text)
