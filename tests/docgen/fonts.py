"""Locate and register the Japanese TrueType fonts (IPAexGothic, IPAexMincho if present)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"  # an alias of GOTHIC when no Mincho file exists

_registered: dict[str, str] = {}


def _fc_match(family: str, stem: str) -> str | None:
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    if out and Path(out).name.lower().startswith(stem) and Path(out).is_file():
        return out
    return None


def _bundled(stem: str) -> str | None:
    spec = importlib.util.find_spec("japanize_matplotlib")  # does not import the module
    if spec is None or not spec.origin:
        return None
    cand = Path(spec.origin).parent / "fonts" / f"{stem}.ttf"
    return str(cand) if cand.is_file() else None


def find_font(family: str, stem: str) -> str | None:
    env = os.environ.get("DOCGEN_FONT_" + stem.upper())
    if env and Path(env).is_file():
        return env
    return _fc_match(family, stem) or _bundled(stem)


def register() -> dict[str, str]:
    """Register the fonts once; return {alias: file}."""
    if _registered:
        return _registered
    g = find_font("IPAexGothic", "ipaexg")
    if not g:
        raise RuntimeError(
            "docgen: IPAexGothic not found. Install fonts-ipaexfont-gothic, or "
            "`pip install japanize-matplotlib` (ships ipaexg.ttf), or set DOCGEN_FONT_IPAEXG=/path/ipaexg.ttf")
    pdfmetrics.registerFont(TTFont(GOTHIC, g))
    _registered[GOTHIC] = g
    m = find_font("IPAexMincho", "ipaexm")
    if m:
        pdfmetrics.registerFont(TTFont(MINCHO, m))
        _registered[MINCHO] = m
    else:
        pdfmetrics.registerFont(TTFont(MINCHO, g))
        _registered[MINCHO] = g
    return _registered


def has_char(font: str, ch: str) -> bool:
    f = pdfmetrics.getFont(font)
    return ord(ch) in f.face.charToGlyph
