"""nodoka-manga.pdf: a MANGA booklet for municipal staff, 「マンガでわかる！はじめての市町村居住支援協議会」 of のどか県
(fictional のどか県), B5 portrait, no /Title.

Layout traps: a cover (title, characters drawn as shapes, issuer) and a 登場人物 page (four character cards in a 2×2
grid, read across) without page numbers, so the manga pages are numbered 「1」… from the third PDF page (number at
the OUTER bottom corner: right on odd, left on even numbers); four comic pages of framed PANELS in tiers, read in
Japanese manga order — tiers top to bottom, panels RIGHT TO LEFT, bubbles right to left inside a panel — while
pdfplumber reads each line across the whole tier, so neighbouring bubbles interleave and most sentences come out only
in pieces; speech bubbles (rounded, with a tail; flag `bubble`), thought bubbles (dashed, flag `thought`), narration
boxes (flag `narration`), sound effects in large coloured type (flag `sfx`); the facts (two fiscal years' counts,
subsidy limits, dates) are only in dialogue; episode title bands; a 解説 page: four STEP boxes side by side (read
across), a ruled table 県の支援メニュー（令和8年度） with wrapped cells and ※ notes, and a ruled colophon box (発行, three
phone numbers).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import B5

from . import content_nodoka_manga as C
from .engine import (
    BLACK,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    line_blocks,
    split_sentences,
    table_parts,
)

W, H = B5
MX = 34.0
GAP = 9.0
BUB = Style(font=G, size=8.2, leading=11.6)
NAR = Style(font=M, size=8.0, leading=11.4)
SFX = Style(font=G, size=15, leading=18, bold=True, color=(0.85, 0.3, 0.1))
CHARS = {  # hair colour, body colour
    "miya": ((0.35, 0.2, 0.1), (0.95, 0.6, 0.55)),
    "tani": ((0.55, 0.55, 0.55), (0.35, 0.4, 0.55)),
    "kashi": ((0.1, 0.1, 0.15), (0.3, 0.55, 0.45)),
    "omori": ((0.75, 0.75, 0.78), (0.85, 0.65, 0.3)),
    "client": ((0.85, 0.85, 0.85), (0.6, 0.5, 0.7)),
}
SKIN = (1.0, 0.88, 0.76)


def draw_char(P_, cx: float, by: float, who: str, r: float = 15.0) -> None:
    hair, body = CHARS[who]
    c = P_.c
    c.saveState()
    c.setFillColorRGB(*body)
    c.setStrokeColorRGB(*BLACK)
    c.setLineWidth(0.7)
    c.roundRect(cx - r * 1.25, P_.H - by, r * 2.5, r * 1.6, r * 0.5, stroke=1, fill=1)
    c.setFillColorRGB(*SKIN)
    c.circle(cx, P_.H - (by - r * 1.05), r, stroke=1, fill=1)
    c.setFillColorRGB(*hair)
    c.wedge(cx - r, P_.H - (by - r * 1.05) - r, cx + r, P_.H - (by - r * 1.05) + r, 15, 150, stroke=0, fill=1)
    c.setFillColorRGB(*BLACK)
    c.circle(cx - r * 0.35, P_.H - (by - r * 0.95), 1.3, stroke=0, fill=1)
    c.circle(cx + r * 0.35, P_.H - (by - r * 0.95), 1.3, stroke=0, fill=1)
    c.restoreState()


def build() -> Doc:
    doc = Doc("nodoka-manga.pdf", B5, C.TITLE, "manga booklet (panels read right to left, speech bubbles)",
              meta_title=None)
    T = doc.truth
    num = {"n": 0}

    def decor(P_, info, when):
        if when == "over" and info["footer"]:
            n = int(info["footer"])
            if n % 2:
                P_.text(W - MX, H - 26, info["footer"], G, 9, BLACK, align="right")
            else:
                P_.text(MX, H - 26, info["footer"], G, 9, BLACK)

    def page(numbered: bool) -> int:
        if numbered:
            num["n"] += 1
            return doc.new_page(printed=str(num["n"]), footer=str(num["n"]), decor=decor)
        return doc.new_page(decor=decor)

    def put(pg, x, y, width, sents, st, **kw) -> float:
        yy = y + st.sb
        for b in line_blocks(T, sents, width, st, **kw):
            doc.place(pg, b, x, yy)
            yy += b.h
        return yy - y

    # ------------------------------------------------------------------ cover
    p0 = page(False)
    doc.op(p0, lambda P_: P_.rect(0, 0, W, H, stroke=None, fill=(1.0, 0.96, 0.86)))
    y = 90.0
    for kind, text in C.COVER:
        if kind == "tag":
            doc.op(p0, lambda P_, y=y, text=text: P_.rect(W / 2 - 50, y - 2, 100, 20, stroke=None,
                                                          fill=(0.9, 0.45, 0.2), radius=9))
            y += put(p0, MX, y, W - 2 * MX, [text], Style(font=G, size=10, leading=16, align="center",
                                                          color=(1, 1, 1), bold=True)) + 14
        elif kind == "title":
            y += put(p0, MX, y, W - 2 * MX, [text], Style(font=G, size=21, leading=32, align="center", bold=True),
                     heading=True)
        elif kind == "sub":
            y += put(p0, MX, y, W - 2 * MX, [text], Style(font=M, size=12, leading=22, align="center", sb=8))
            ycast = y + 120
            for k, who in enumerate(["miya", "tani", "kashi", "omori"]):
                doc.op(p0, lambda P_, k=k, who=who, yc=ycast: draw_char(P_, W / 2 - 150 + k * 100, yc + 40, who, 26))
            y = ycast + 170
        else:
            y += put(p0, MX, y, W - 2 * MX, [text], Style(font=G, size=9.5, leading=16, align="center"))

    # ------------------------------------------------------------------ cast page
    p1 = page(False)
    y = 60.0
    y += put(p1, MX, y, W - 2 * MX, [C.CAST_TITLE], Style(font=G, size=15, leading=24, bold=True), heading=True)
    doc.op(p1, lambda P_: P_.line(MX, 84, W - MX, 84, 2, (0.9, 0.45, 0.2)))
    y += 14
    cw_ = (W - 2 * MX - 14) / 2
    ch_ = 118.0
    for k, (who, name, desc) in enumerate(C.CAST):
        cx = MX + (k % 2) * (cw_ + 14)
        cy = y + (k // 2) * (ch_ + 14)
        doc.op(p1, lambda P_, cx=cx, cy=cy: P_.rect(cx, cy, cw_, ch_, stroke=(0.5, 0.5, 0.5),
                                                    fill=(0.99, 0.97, 0.93), radius=6))
        doc.op(p1, lambda P_, cx=cx, cy=cy, who=who: draw_char(P_, cx + 36, cy + 70, who, 20))
        tx = cx + 72
        hh = put(p1, tx, cy + 12, cw_ - 82, [name], Style(font=G, size=11, leading=18, bold=True),
                 heading=True, extra={"cast": True})
        put(p1, tx, cy + 14 + hh, cw_ - 82, split_sentences(desc), Style(font=M, size=8.6, leading=13.2),
            extra={"cast": True})
    y += 2 * (ch_ + 14) + 16
    put(p1, MX, y, W - 2 * MX, [C.CAST_NOTE], Style(font=M, size=8.6, leading=13.2), extra={"note": True})

    # ------------------------------------------------------------------ manga pages
    for ep, tiers in C.PAGES:
        pg = page(True)
        y = 44.0
        if ep:
            doc.op(pg, lambda P_, y=y: P_.rect(MX, y, W - 2 * MX, 24, stroke=None, fill=(0.2, 0.3, 0.5)))
            y += put(pg, MX + 10, y + 2, W - 2 * MX - 20, [ep],
                     Style(font=G, size=12, leading=20, bold=True, color=(1, 1, 1)), heading=True) + 10
        for th, panels in tiers:
            total = W - 2 * MX - GAP * (len(panels) - 1)
            xr = W - MX
            for rel, elems, chars in panels:  # right to left
                pw = total * rel
                px = xr - pw
                xr = px - GAP
                doc.op(pg, lambda P_, px=px, y=y, pw=pw, th=th: P_.rect(px, y, pw, th, stroke=BLACK,
                                                                        fill=(1, 1, 1), width=1.4))
                # characters at the bottom, spread over the panel
                for k, who in enumerate(chars):
                    cx = px + pw * (k + 1) / (len(chars) + 1)
                    doc.op(pg, lambda P_, cx=cx, y=y, th=th, who=who: draw_char(P_, cx, y + th - 4, who))
                main = [e for e in elems if e[0] != "sfx"]
                slot = (pw - 10) / max(1, len(main))
                sx = px + pw - 5
                for j, (kind, text) in enumerate(main):
                    bx0 = sx - slot
                    sx = bx0
                    if kind == "nar":
                        tw = slot - 14
                        sents = split_sentences(text)
                        blocks = line_blocks(T, sents, tw, NAR, extra={"narration": True})
                        hgt = sum(b.h for b in blocks) + 10
                        bx, by = bx0 + 4, y + 5
                        doc.op(pg, lambda P_, bx=bx, by=by, w=slot - 6, h=hgt: P_.rect(
                            bx, by, w, h, stroke=BLACK, fill=(1.0, 0.98, 0.82), width=0.8))
                        yy = by + 5
                        for b in blocks:
                            doc.place(pg, b, bx + 5, yy)
                            yy += b.h
                        continue
                    tw = slot - 26
                    blocks = line_blocks(T, split_sentences(text), tw, BUB,
                                         extra={"bubble" if kind == "say" else "thought": True})
                    hgt = sum(b.h for b in blocks) + 14
                    bx, by = bx0 + 6, y + 8 + j * 16
                    if by + hgt > y + th - 38:
                        raise AssertionError(f"bubble overflows panel: {text[:12]}")
                    bw = slot - 10
                    tip = (bx + bw / 2 + (8 if j % 2 else -8), min(by + hgt + 16, y + th - 34))

                    def bub(P_, bx=bx, by=by, bw=bw, hgt=hgt, tip=tip, kind=kind):
                        if kind == "say":
                            P_.poly([(tip[0] - 6 if tip[0] > bx + bw / 2 else tip[0] + 6, by + hgt - 3),
                                     (tip[0] + 4, by + hgt - 3), tip], fill=(1, 1, 1), stroke=BLACK)
                            P_.rect(bx, by, bw, hgt, stroke=BLACK, fill=(1, 1, 1), width=0.9,
                                    radius=min(hgt / 2, 14))
                        else:
                            P_.rect(bx, by, bw, hgt, stroke=BLACK, fill=(1, 1, 1), width=0.8,
                                    radius=min(hgt / 2, 14), dash=[2, 2])
                            for k2, rr in enumerate((3.0, 2.0)):
                                cc = P_.c
                                cc.setFillColorRGB(1, 1, 1)
                                cc.circle(bx + bw / 2 - 6 * k2, P_.H - (by + hgt + 6 + 7 * k2), rr, stroke=1, fill=1)
                    doc.op(pg, bub)
                    yy = by + 7
                    for b in blocks:
                        doc.place(pg, b, bx + 10, yy)
                        yy += b.h
                for kind, text in elems:
                    if kind == "sfx":
                        put(pg, px + 10, y + th - 60, pw / 2, [text], SFX, extra={"sfx": True})
            y += th + GAP

    # ------------------------------------------------------------------ explanation page
    pg = page(True)
    y = 44.0
    doc.op(pg, lambda P_: P_.rect(MX, 44, W - 2 * MX, 26, stroke=None, fill=(0.9, 0.45, 0.2)))
    y += put(pg, MX + 10, y + 3, W - 2 * MX, [C.EXPLAIN_TITLE],
             Style(font=G, size=12.5, leading=20, bold=True, color=(1, 1, 1)), heading=True) + 16
    n = len(C.STEPS)
    sw_ = (W - 2 * MX - 12 * (n - 1)) / n
    sh = 122.0
    for k, (lab, head, desc) in enumerate(C.STEPS):
        sx = MX + k * (sw_ + 12)
        doc.op(pg, lambda P_, sx=sx, y=y: P_.rect(sx, y, sw_, sh, stroke=(0.2, 0.3, 0.5), fill=(0.93, 0.95, 0.99),
                                                   width=0.9, radius=4))
        if k < n - 1:
            doc.op(pg, lambda P_, sx=sx, y=y: P_.poly([(sx + sw_ + 2, y + sh / 2 - 6), (sx + sw_ + 10, y + sh / 2),
                                                       (sx + sw_ + 2, y + sh / 2 + 6)], fill=(0.9, 0.45, 0.2)))
        yy = y + 6
        yy += put(pg, sx + 6, yy, sw_ - 12, [lab], Style(font=G, size=10, leading=15, bold=True,
                                                         color=(0.9, 0.45, 0.2)), heading=True)
        yy += put(pg, sx + 6, yy, sw_ - 12, [head], Style(font=G, size=9, leading=13.5, bold=True), heading=True)
        put(pg, sx + 6, yy + 3, sw_ - 12, split_sentences(desc), Style(font=M, size=8.2, leading=12.4),
            extra={"box": True})
    y += sh + 18
    ts = TableSpec(**{**C.MENU, "size": 8.2, "leading": 12.0})
    caps, header, rows, notes = table_parts(doc, ts, W - 2 * MX)
    for b in caps + [header()] + rows + notes:
        doc.place(pg, b, MX, y)
        y += b.h
    y += 18
    y0 = y
    y += 8
    for k, t in enumerate(C.COLOPHON):
        y += put(pg, MX + 14, y, W - 2 * MX - 28, [t],
                 Style(font=G if k == 0 else M, size=9 if k == 0 else 8.4, leading=14, bold=k == 0,
                       indent=(3 * 8.4 if t.startswith("健康") or t.startswith("のどか県居住") else 0)),
                 extra={"colophon": True})
    y += 8
    doc.op(pg, lambda P_, y0=y0, y1=y: P_.rect(MX, y0, W - 2 * MX, y1 - y0, stroke=BLACK, width=0.7))
    if y > H - 40:
        raise AssertionError("explanation page overflows")
    return doc
