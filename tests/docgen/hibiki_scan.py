"""hibiki-scan.pdf: a SEARCHABLE SCAN — a paper notice of ひびき県 (with 別紙1–3) received by すずね市, stamped,
scanned on a multifunction printer and saved as 「画像＋透明テキスト」 PDF (fictional ひびき県).

Every page is ONE raster image (150 dpi, JPEG, RGB) of the printed page: slightly rotated (a different small
skew and shift per page), paper tone, speckles, a shadow along the left edge, light blur; a red receipt
stamp 「すずね市 / 8.4.28 / 受付 第268号」 (itself rotated) and a red 回覧 grid with round seals on page 1, red
pen marks (an underline, a tick) that exist only in the image.  Over the image lies an INVISIBLE OCR text
layer (text render mode 3), placed chunk by chunk as OCR engines do: every printed line is cut into short
"words" at punctuation (and long runs at arbitrary points), each chunk positioned where the skewed image
shows it (so the baseline steps by a fraction of a point along a line) and squeezed horizontally (Tz) to
the width of its image box.  The OCR layer has a few misreadings (力→カ, 一→ー, 口→ロ, ず→す, 8→B,
full-width → half-width brackets) that the truth records as the layer has them; the seal names and the
pen marks are not in the layer at all.

Page furniture as printed: 文書番号 / date right-aligned, addressee left, sender and (公印省略) right,
件名 centred, 「記」, items 1 / （1）, 「以上」, a ruled 担当 box; 別紙1–3 with 「別紙n」 at the top left
(recorded as the page header); footer 「- n -」 centred on pages 1–5; 別紙3 is a FAX reply form (no page
number) with empty fields, numbered choices and empty boxes.  No /Title.
"""

from __future__ import annotations

import io
import math
import random
import zlib

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas

from . import content_hibiki_scan as C
from . import fonts
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    _Info,
    baseline_of,
    cw,
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    wrap,
)

W, H = A4
X0, X1, TOP, BOTTOM = 72.0, W - 68.0, 70.0, H - 66.0
FS = 10.5
LEAD = 17.4
Z = FS
DPI = 150
SC = DPI / 72.0
RED = (0.82, 0.12, 0.12)

P_RIGHT = Style(font=M, size=FS, leading=LEAD, align="right")
P_LEFT = Style(font=M, size=FS, leading=LEAD)
SUBJ = Style(font=G, size=11.5, leading=19, bold=True, align="center", sb=14, sa=10)
BODY = Style(font=M, size=FS, leading=LEAD, indent=Z)
KI = Style(font=M, size=FS, leading=LEAD, align="center", sb=10, sa=4)
H1 = Style(font=G, size=FS, leading=LEAD, bold=True, hang=2 * Z, sb=6, keep_next=True)
H2P = Style(font=M, size=FS, leading=LEAD, indent=Z, hang=3 * Z, sb=1)
PARA = Style(font=M, size=FS, leading=LEAD, indent=2 * Z, hang=Z)
ITEM = Style(font=M, size=FS, leading=LEAD, indent=Z, hang=2 * Z)
NOTE = Style(font=M, size=9.6, leading=15, indent=Z, hang=2 * Z, sb=2)
END = Style(font=M, size=FS, leading=LEAD, align="right", sb=6)

# per page: (skew in degrees, shift x, shift y in points)
SKEW = [(0.32, 3.0, -2.0), (-0.21, -2.0, 1.5), (0.18, 1.0, 2.5), (-0.27, 2.5, -1.0), (0.24, -1.5, 0.5),
        (-0.15, 2.0, 2.0)]


def _fix(s: str) -> str:
    for k, v in C.OCR_FIX.items():
        s = s.replace(k, v)
    return s


# --------------------------------------------------------------------------- recording painter

class RecPainter:
    """Collects what the engine draws on one page (top-down points), to be rasterised and OCR-layered."""

    def __init__(self, page_h: float):
        self.H = page_h
        self.ops: list[tuple] = []

    def text(self, x, baseline, s, font=G, size=10, color=BLACK, bold=False, align="left"):
        img = _fix(s)
        if len(img) != len(s):
            raise AssertionError(f"OCR_FIX changed the length of {s!r}")
        for ch in s:
            if not fonts.has_char(G, ch):
                raise ValueError(f"glyph missing: {ch!r} in {s!r}")
        w = sw(img, font, size)
        if align == "right":
            x -= w
        elif align == "center":
            x -= w / 2
        self.ops.append(("text", x, baseline, s, img, font, size, color, bold, True))

    def line(self, x1, y1, x2, y2, width=0.6, color=BLACK, dash=None):
        self.ops.append(("line", x1, y1, x2, y2, width, color, dash))

    def rect(self, x, y, w, h, stroke=BLACK, fill=None, width=0.6, radius=0.0, dash=None):
        self.ops.append(("rect", x, y, w, h, stroke, fill, width, radius))

    def poly(self, pts, fill=BLACK, stroke=None):
        self.ops.append(("poly", pts, fill, stroke))

    # image-only extras
    def ink(self, pts, color=RED, width=1.2):
        self.ops.append(("ink", pts, color, width))

    def image_text(self, x, baseline, s, size, color=RED):
        self.ops.append(("text", x, baseline, s, s, G, size, color, False, False))

    def stamp(self, x, y, w, h, lines, angle):
        """A red rectangular receipt stamp with len(lines) rows; `lines` are OCR strings."""
        self.ops.append(("stamp", x, y, w, h, lines, angle))

    def seal(self, cx, cy, r, name):
        self.ops.append(("seal", cx, cy, r, name))


def _rgb(c):
    return tuple(int(round(v * 255)) for v in c)


class _Fonts:
    def __init__(self):
        from PIL import ImageFont
        self.IF = ImageFont
        self.path = fonts.register()[G]
        self.cache = {}

    def get(self, size_px: float):
        k = round(size_px * 4) / 4
        f = self.cache.get(k)
        if f is None:
            f = self.cache[k] = self.IF.truetype(self.path, k)
        return f


def _draw_text(d, F, x, bl, s, font, size, color, bold):
    f = F.get(size * SC)
    xx = x
    for ch in s:
        if ch != " " and ch != "\u3000":
            d.text((xx * SC, bl * SC), ch, font=f, fill=_rgb(color), anchor="ls",
                   stroke_width=1 if bold else 0, stroke_fill=_rgb(color))
        xx += cw(ch, font, size)


def _render(ops, page_idx: int, F) -> bytes:
    from PIL import Image, ImageDraw, ImageFilter

    wpx, hpx = int(round(W * SC)), int(round(H * SC))
    im = Image.new("RGB", (wpx, hpx), (255, 255, 255))
    d = ImageDraw.Draw(im)
    rng = random.Random(1000 + page_idx)
    later = []
    for op in ops:
        k = op[0]
        if k == "rect":
            _, x, y, w, h, stroke, fill, width, radius = op
            box = [x * SC, y * SC, (x + w) * SC, (y + h) * SC]
            kw = {"fill": _rgb(fill) if fill else None, "outline": _rgb(stroke) if stroke else None,
                  "width": max(1, int(round(width * SC)))}
            if radius:
                d.rounded_rectangle(box, radius=radius * SC, **kw)
            else:
                d.rectangle(box, **kw)
        elif k == "line":
            _, x1, y1, x2, y2, width, color, dash = op
            d.line([x1 * SC, y1 * SC, x2 * SC, y2 * SC], fill=_rgb(color), width=max(1, int(round(width * SC))))
        elif k == "poly":
            _, pts, fill, stroke = op
            d.polygon([(x * SC, y * SC) for x, y in pts], fill=_rgb(fill), outline=_rgb(stroke) if stroke else None)
        elif k == "text":
            _, x, bl, s, img, font, size, color, bold, _ocr = op
            _draw_text(d, F, x, bl, img, font, size, color, bold)
        else:
            later.append(op)
    # red ink: stamps, seals and pen marks (drawn over the print, slightly transparent)
    for op in later:
        k = op[0]
        if k == "stamp":
            _, x, y, w, h, lines, angle = op
            lw, lh = int(w * SC) + 8, int(h * SC) + 8
            layer = Image.new("RGBA", (lw, lh), (0, 0, 0, 0))
            ld = ImageDraw.Draw(layer)
            col = (200, 40, 45, 215)
            ld.rectangle([4, 4, lw - 5, lh - 5], outline=col, width=3)
            rows = len(lines)
            for i in range(1, rows):
                yy = 4 + (lh - 8) * i / rows
                ld.line([4, yy, lw - 5, yy], fill=col, width=2)
            for i, t in enumerate(lines):
                t = _fix(t)
                f = F.get(9.5 * SC)
                ld.text((lw / 2, 4 + (lh - 8) * (i + 0.5) / rows), t, font=f, fill=col, anchor="mm")
            layer = layer.rotate(angle, resample=Image.BICUBIC, expand=True)
            im.paste(layer, (int(x * SC - (layer.width - lw) / 2), int(y * SC - (layer.height - lh) / 2)), layer)
        elif k == "seal":
            _, cx, cy, r, name = op
            sz = int(r * 2 * SC) + 6
            layer = Image.new("RGBA", (sz, sz), (0, 0, 0, 0))
            ld = ImageDraw.Draw(layer)
            col = (205, 45, 50, 200)
            ld.ellipse([3, 3, sz - 4, sz - 4], outline=col, width=2)
            f = F.get(r * 0.82 * SC)
            for i, ch in enumerate(name):
                ld.text((sz / 2, sz / 2 + (i - (len(name) - 1) / 2) * r * 0.85 * SC), ch, font=f, fill=col, anchor="mm")
            layer = layer.rotate(rng.uniform(-12, 12), resample=Image.BICUBIC)
            im.paste(layer, (int(cx * SC - sz / 2), int(cy * SC - sz / 2)), layer)
        elif k == "ink":
            _, pts, color, width = op
            d.line([(x * SC + rng.uniform(-0.6, 0.6), y * SC + rng.uniform(-0.6, 0.6)) for x, y in pts],
                   fill=_rgb(color), width=max(1, int(round(width * SC))), joint="curve")
    # the scan: skew + shift, paper tone, edge shadow, speckles, blur
    ang, dx, dy = SKEW[page_idx % len(SKEW)]
    th = math.radians(ang)
    co, si = math.cos(th), math.sin(th)
    cx, cy = wpx / 2, hpx / 2
    dxp, dyp = dx * SC, dy * SC
    data = (co, si, cx - co * (cx + dxp) - si * (cy + dyp),
            -si, co, cy + si * (cx + dxp) - co * (cy + dyp))
    im = im.transform((wpx, hpx), Image.AFFINE, data, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    tone = Image.new("RGB", (wpx, hpx), (246, 244, 238))
    im = Image.composite(im, tone, im.convert("L").point(lambda v: 255 - v if v < 250 else 0))
    d = ImageDraw.Draw(im)
    for i in range(14):  # shadow along the left edge
        g = 150 + i * 7
        d.line([i, 0, i, hpx], fill=(g, g, g - 4))
    for _ in range(230):
        x, y = rng.uniform(0, wpx), rng.uniform(0, hpx)
        r = rng.choice([0.6, 0.8, 1.0, 1.4])
        g = rng.randint(110, 190)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(g, g, g))
    im = im.filter(ImageFilter.GaussianBlur(0.45))
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=62, optimize=True)
    return buf.getvalue()


def _forward(page_idx: int):
    ang, dx, dy = SKEW[page_idx % len(SKEW)]
    th = math.radians(ang)
    co, si = math.cos(th), math.sin(th)
    cx, cy = W / 2, H / 2

    def f(x, y):
        return (cx + co * (x - cx) - si * (y - cy) + dx, cy + si * (x - cx) + co * (y - cy) + dy)
    return f


_BREAK_AFTER = set("、。，）」』：:")
_BREAK_BEFORE = set("（「『")
_KEEP = set("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-@_:/,")


def _chunks(s: str, rng: random.Random) -> list[tuple[int, int]]:
    """Cut a printed line into OCR 'words': (start, end) index pairs."""
    cuts = [0]
    i, start = 0, 0
    while i < len(s):
        ch = s[i]
        nxt = s[i + 1] if i + 1 < len(s) else ""
        cut = False
        if ch in " \u3000":
            cut = True
        elif ch in _BREAK_AFTER and not (ch in ":," and nxt in _KEEP):
            cut = True
        elif nxt in _BREAK_BEFORE:
            cut = True
        elif i + 1 - start >= rng.randint(7, 13) and not (ch in _KEEP and nxt in _KEEP):
            cut = True
        if cut and i + 1 < len(s):
            cuts.append(i + 1)
            start = i + 1
        i += 1
    cuts.append(len(s))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _ocr_layer(c, ops, page_idx: int) -> None:
    fwd = _forward(page_idx)
    for n, op in enumerate(ops):
        k = op[0]
        if k == "text":
            _, x, bl, s, img, font, size, color, bold, ocr = op
            if not ocr:
                continue
            rng = random.Random(zlib.crc32(f"{page_idx}/{n}/{s}".encode()))
            pos = [0.0]
            for ch in img:
                pos.append(pos[-1] + cw(ch, font, size))
            for a, b in _chunks(s, rng):
                piece = s[a:b]
                if not piece.strip():
                    continue
                # strip spaces at the ends of a chunk (OCR does not emit them)
                while piece and piece[0] in " \u3000":
                    a += 1
                    piece = piece[1:]
                while piece and piece[-1] in " \u3000":
                    b -= 1
                    piece = piece[:-1]
                img_w = pos[b] - pos[a]
                fs = size * rng.uniform(0.96, 1.0)
                ocr_w = sw(piece, G, fs)
                tz = 100.0 * img_w / ocr_w * rng.uniform(0.975, 0.998) if ocr_w > 0 else 100.0
                px, py = fwd(x + pos[a], bl)
                t = c.beginText()
                t.setFont(G, fs)
                t.setTextRenderMode(3)
                t.setHorizScale(tz)
                t.setTextOrigin(px, H - py)
                t.textOut(piece)
                c.drawText(t)
        elif k == "stamp":
            _, x, y, w, h, lines, angle = op
            rows = len(lines)
            for i, tline in enumerate(lines):
                fs = 9.5
                tw = sw(_fix(tline), G, fs)
                bx = x + (w + 8 / SC) / 2 - tw / 2
                by = y + (h + 8 / SC) * (i + 0.5) / rows + fs * 0.35
                px, py = fwd(bx, by)
                ow = sw(tline, G, fs)
                t = c.beginText()
                t.setFont(G, fs)
                t.setTextRenderMode(3)
                t.setHorizScale(100.0 * tw / ow * 0.98)
                t.setTextOrigin(px, H - py)
                t.textOut(tline)
                c.drawText(t)


class ScanDoc(Doc):
    def save(self, outdir):
        import json
        from pathlib import Path

        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        path = outdir / self.file
        c = rl_canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1, pageCompression=1)
        info = _Info()
        info.title = None
        info.author = None
        info.producer = "ReportLab PDF Library"
        c._doc.info = info
        F = _Fonts()
        for pg in self.pages:
            P = RecPainter(self.H)
            if pg.decor:
                pg.decor(P, pg.info, "under")
            for fn in pg.ops:
                fn(P)
            if pg.decor:
                pg.decor(P, pg.info, "over")
            jpeg = _render(P.ops, pg.info["index"], F)
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, self.W, self.H)
            _ocr_layer(c, P.ops, pg.info["index"])
            c.showPage()
        c.save()
        data = self.truth.as_json()
        (outdir / (self.file[:-4] + ".truth.json")).write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return data


# --------------------------------------------------------------------------- page content helpers

def _with_ink(block: Block, fn) -> Block:
    orig = block.draw

    def draw(P, x, y):
        orig(P, x, y)
        if hasattr(P, "ink"):
            fn(P, x, y)
    block.draw = draw
    return block


def _contact_block(T, lines: list[str], width: float) -> Block:
    bw, pad = 262.0, 7.0
    st = Style(font=M, size=9.8, leading=15.5)
    drawn = []
    for t in lines:
        sid = T.sentence(t, box=True)
        for ln in wrap([(ch, sid) for ch in t], bw - 2 * pad, st):
            drawn.append(("".join(u[0] for u in ln), frags_of(ln)))
    h = len(drawn) * st.leading + 2 * pad

    def draw(P, x, y):
        bx = x + width - bw
        P.rect(bx, y, bw, h, stroke=BLACK, fill=None, width=0.7)
        for k, (t, _f) in enumerate(drawn):
            P.text(bx + pad, baseline_of(y + pad + k * st.leading, st), t, M, 9.8, BLACK)

    return Block(h=h, draw=draw, frags=[f for _t, fr in drawn for f in fr], sb=14)


def build() -> Doc:
    doc = ScanDoc("hibiki-scan.pdf", A4, C.TITLE, "searchable scan (image + invisible OCR text layer)",
                  meta_title=None)
    T = doc.truth
    state = {"header": None, "num": 0, "footer": True}

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 50, info["header"], G, 10.5, BLACK)
        if info["footer"]:
            P.text(W / 2, H - 36, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        if state["footer"]:
            state["num"] += 1
            n = state["num"]
            return doc.new_page(printed=str(n), header=state["header"], footer=f"- {n} -", decor=decor)
        return doc.new_page(printed=None, header=state["header"], footer=None, decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0

    def lines(sents, st, **kw):
        bl = line_blocks(T, sents, wd, st, **kw)
        flow.add_all(bl)
        return bl

    def body(items):
        for it in items:
            k = it[0]
            if k == "h1":
                lines([it[1]], H1, heading=True)
            elif k == "h2p":
                lines(split_sentences(it[1]), H2P, extra={"item": True})
            elif k == "p":
                lines(split_sentences(it[1]), PARA)
            elif k == "i":
                lines(split_sentences(it[1]), ITEM, extra={"item": True})
            elif k == "note":
                lines(split_sentences(it[1]), NOTE, extra={"note": True})
            elif k == "kv":
                lab = it[1]
                st = Style(font=M, size=FS, leading=LEAD, indent=2 * Z, hang=2 * Z + sw(lab, M, FS))
                bl = lines([lab + it[2]], st, extra={"item": True})
                if it[1] == "日時：":
                    def tick(P, x, y):  # a red hand-drawn tick in the left margin
                        P.ink([(x - 30, y + 9), (x - 26, y + 14), (x - 18, y + 2)], width=1.3)
                    _with_ink(bl[0], tick)
            elif k == "table":
                spec = dict(it[1])
                flow.add_table(TableSpec(**spec, size=9.0, leading=13.0, pad=3.6, header_fill=(0.88, 0.88, 0.88),
                                         rule=(0.15, 0.15, 0.15),
                                         caption_style=Style(font=G, size=9.8, leading=17, bold=True, sb=6, sa=2,
                                                             keep_next=True),
                                         note_style=Style(font=M, size=9.0, leading=14, hang=3 * 9.0, sb=1)))
            else:
                raise KeyError(k)

    # ---- page 1: receipt stamp and 回覧 grid (drawn by the recipient, over the print)
    first = new_page()
    flow.page = first
    flow.band_top = TOP

    sids = [T.sentence(t, stamp=True) for t in C.STAMP]

    def stamp_draw(P, x, y):
        if hasattr(P, "stamp"):
            P.stamp(x, y, 96, 54, C.STAMP, 4.0)
        else:
            for i, t in enumerate(C.STAMP):
                P.text(x, y + 12 * (i + 1), t, G, 9.5, RED)

    doc.place(first, Block(h=0, draw=stamp_draw, frags=list(zip(sids, C.STAMP, strict=True))), 300, 16)
    kairan = ["課長", "補佐", "係長", "担当"]
    ksid = T.sentence("　".join(kairan), stamp=True)

    def kairan_draw(P, x, y):
        cwd, hh = 34, 12
        for i, lab in enumerate(kairan):
            P.rect(x + i * cwd, y, cwd, hh, stroke=RED, fill=None, width=0.8)
            P.rect(x + i * cwd, y + hh, cwd, 30, stroke=RED, fill=None, width=0.8)
            P.text(x + i * cwd + cwd / 2, y + 9.3, lab, G, 7.5, RED, align="center")
        if hasattr(P, "seal"):
            for i, nm in enumerate(["三谷", "", "岸", "水野"]):
                if nm:
                    P.seal(x + i * cwd + cwd / 2, y + hh + 15, 11, nm)
            P.ink([(x + cwd + 4, y + hh + 26), (x + 2 * cwd - 4, y + hh + 4)], width=0.9)

    doc.place(first, Block(h=0, draw=kairan_draw, frags=[(ksid, "　".join(kairan))]), X0 - 10, 14)

    # ---- the notice
    lines([C.DOC_NO], P_RIGHT)
    lines([C.DATE], P_RIGHT)
    flow.vspace(8)
    lines([C.TO], P_LEFT)
    flow.vspace(6)
    lines([C.FROM], P_RIGHT.but(indent=0))
    lines([C.SEAL], P_RIGHT)
    lines([C.SUBJECT], SUBJ, heading=True)
    for para in C.INTRO:
        lines(split_sentences(para), BODY)
    lines(["記"], KI, heading=True)
    # a red underline under the answer deadline (pen, image only)
    after4 = False
    for it in C.BODY:
        if after4 and it[0] == "p":
            bl = line_blocks(T, split_sentences(it[1]), wd, PARA)
            pre = "別紙3の回答票により、"
            dl = "令和8年5月22日（金）までに"

            def underline(P, x, y, pre=pre, dl=dl):
                x0 = x + PARA.indent + sw(pre, M, FS)
                x1 = x0 + sw(dl, M, FS)
                yy = y + LEAD - 1.5
                P.ink([(x0 - 2, yy + 0.6), ((x0 + x1) / 2, yy - 0.5), (x1 + 3, yy + 0.8)], width=1.1)

            _with_ink(bl[0], underline)
            flow.add_all(bl)
            after4 = False
            continue
        body([it])
        after4 = it[0] == "h1" and it[1].startswith("4")
    lines(["以上"], END)
    flow.add(_contact_block(T, C.CONTACT, wd))

    # ---- 別紙1
    flow.page_break()
    state["header"] = "別紙1"
    lines([C.B1_TITLE], Style(font=G, size=11.5, leading=20, bold=True, align="center", sa=8), heading=True)
    body(C.B1)

    # ---- 別紙2
    flow.page_break()
    state["header"] = "別紙2"
    lines([C.B2_TITLE], Style(font=G, size=11.5, leading=20, bold=True, align="center", sa=8), heading=True)
    body(C.B2)
    flow.finish()

    # ---- 別紙3: the FAX reply form (no page number)
    state["header"] = "別紙3"
    state["footer"] = False
    pg = new_page()
    y = TOP
    y += _place(doc, pg, X0, y, wd, [C.B3_TITLE], Style(font=G, size=12.5, leading=22, bold=True, align="center"),
                heading=True) + 6
    y += _place(doc, pg, X0, y, wd, [C.B3_TO], Style(font=G, size=10.5, leading=18, bold=True)) + 2
    for t in C.B3_SEND:
        y += _place(doc, pg, X0 + 14, y, wd - 14, [t], Style(font=M, size=10, leading=16))
    y += 8
    # fields grid: label | empty
    lw, rh = 110.0, 22.0
    for lab in C.B3_FIELDS:
        sid = T.sentence(lab, heading=True)

        def fd(P, x, yy, lab=lab):
            P.rect(x, yy, lw, rh, stroke=None, fill=(0.9, 0.9, 0.9))
            P.rect(x, yy, wd, rh, stroke=BLACK, fill=None, width=0.6)
            P.line(x + lw, yy, x + lw, yy + rh, 0.6, BLACK)
            P.text(x + 8, yy + rh / 2 + 3.6, lab, G, 10, BLACK)

        doc.place(pg, Block(h=rh, draw=fd, frags=[(sid, lab)]), X0, y)
        y += rh
    y += 12
    qst = Style(font=G, size=10, leading=16, bold=True, hang=2.5 * 10)
    ost = Style(font=M, size=10, leading=16)
    for q, opts in C.B3_QS:
        y += _place(doc, pg, X0, y, wd, [q], qst, extra={"item": True}) + 2
        if opts:
            half = (len(opts) + 1) // 2
            y0 = y
            for j, o in enumerate(opts):
                col = 0 if j < half else 1
                row = j if j < half else j - half
                _place(doc, pg, X0 + 24 + col * (wd / 2), y0 + row * 16, wd / 2 - 30, [o], ost, extra={"item": True})
            y = y0 + half * 16 + 8
        else:
            bh = 46.0 if q.startswith("問3") else 84.0

            def bx(P, x, yy, bh=bh):
                P.rect(x, yy, wd - 14, bh, stroke=BLACK, fill=None, width=0.6)
            doc.place(pg, Block(h=bh, draw=bx), X0 + 14, y)
            if q.startswith("問3"):
                _place(doc, pg, X0 + 26, y + 14, wd - 40, [C.B3_Q3_FILL], Style(font=M, size=10, leading=16),
                       extra={"item": True})
            y += bh + 10
    _place(doc, pg, X0, y, wd, split_sentences(C.B3_NOTE), Style(font=M, size=9.4, leading=14, hang=9.4),
           extra={"note": True})
    return doc


def _place(doc, page, x, y, width, sentences, st, heading=False, extra=None) -> float:
    blocks = line_blocks(doc.truth, sentences, width, st, heading, extra)
    yy = y + st.sb
    for b in blocks:
        doc.place(page, b, x, yy)
        yy += b.h
    return yy - y
