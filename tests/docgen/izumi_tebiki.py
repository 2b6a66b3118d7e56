"""izumi-tebiki.pdf: 居住支援協議会 設立・運営の手引き（市町村向け）, A4 portrait, 9 pages (fictional いずみ県).

Layout traps: a cover and a 目次 without page numbers, so the body is numbered 1… from the third PDF page;
ONE main column with a narrow OUTER margin column (right on odd pages, left on even pages) holding side notes
(「用語メモ」 definitions and 「参照先」 cross references such as 「→p.5」) beside the paragraphs they explain;
footnotes ※1–※6 at the page foot under a short rule (registered after the page's body text); コラム boxes; chapter
headings 「第2章 協議会をつくる」 with a rule and sub-headings 「2.3 構成員を選ぶ」; a wide table 表4 split over two
FACING pages (p.6 left: 設立状況 columns, p.7 right: 運営状況 columns, each half with the row labels and its own
caption （1/2）/（2/2）); running header (the chapter) and a footer with the page number on the OUTER side (odd right,
even left) and the document title on the inner side on the same line. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_izumi_tebiki as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    table_parts,
    wrap,
)
from .kit import box_block

W, H = A4
INNER, OUTER = 56.0, 34.0
SIDE_W, GAP = 108.0, 14.0
MAIN_W = W - INNER - OUTER - SIDE_W - GAP
TOP = 74.0
BOTTOM = H - 64.0
TEAL = (0.0, 0.42, 0.45)
GRAY = (0.38, 0.38, 0.38)
LTEAL = (0.9, 0.96, 0.96)

BODY = Style(font=M, size=10.4, leading=19.0, indent=10.4, sa=6)
LI = Style(font=M, size=10.4, leading=19.0, hang=13, sb=2)
H1 = Style(size=16, leading=26, bold=True, color=TEAL, sa=10)
H2 = Style(size=12.2, leading=22, bold=True, color=TEAL, sb=14, sa=5)
SIDE_LABEL = Style(size=8, leading=12, bold=True, color=TEAL)
SIDE = Style(size=8, leading=12.4, color=(0.2, 0.2, 0.2))
FOOT = Style(size=8.2, leading=12.6, hang=14, color=(0.2, 0.2, 0.2))


def _main_x(printed: int) -> float:
    return INNER if printed % 2 else OUTER + SIDE_W + GAP


def _side_x(printed: int) -> float:
    return INNER + MAIN_W + GAP if printed % 2 else OUTER


def build() -> Doc:
    doc = Doc("izumi-tebiki.pdf", A4, C.TITLE, "A4 portrait guide: one main column with an outer side-note column, "
              "footnotes under a short rule, コラム boxes, a wide table split over facing pages, outer page numbers",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        n = int(info["printed"])
        odd = n % 2 == 1
        x_in, x_out = (INNER, W - OUTER) if odd else (W - INNER, OUTER)
        # header: chapter at the outer side over a thin rule
        P.text(x_out, 40, info["header"], G, 8.4, TEAL, align="right" if odd else "left")
        P.line(OUTER if not odd else INNER, 46, W - OUTER if odd else W - INNER, 46, 0.5, (0.6, 0.7, 0.7))
        # footer: title on the inner side, page number on the outer side, one line
        P.line(OUTER if not odd else INNER, H - 44, W - OUTER if odd else W - INNER, H - 44, 0.5, (0.6, 0.7, 0.7))
        P.text(x_in, H - 30, C.SHORT, G, 8.2, GRAY, align="left" if odd else "right")
        P.text(x_out, H - 30, info["printed"], G, 10.5, BLACK, True, align="right" if odd else "left")

    # ---- cover (no number)
    pg = doc.new_page()

    def cover_deco(P):
        P.rect(0, 0, W, 250, stroke=None, fill=LTEAL)
        P.rect(0, 250, W, 8, stroke=None, fill=TEAL)
        P.rect(60, 560, W - 120, 1.2, stroke=None, fill=TEAL)
    doc.op(pg, cover_deco)
    place_text(doc, pg, 60, 150, W - 120, [C.COVER["kicker"]], Style(size=15, leading=24, color=TEAL, bold=True),
               heading=True)
    y = 300.0
    for ln in C.COVER["title_lines"]:
        y += place_text(doc, pg, 60, y, W - 120, [ln], Style(size=30, leading=46, bold=True), heading=True)
    place_text(doc, pg, 60, y + 6, W - 120, [C.COVER["subtitle"]], Style(size=16, leading=26, color=TEAL),
               heading=True)
    place_text(doc, pg, 60, H - 190, W - 120, [C.COVER["edition"]], Style(size=12.5, leading=22, align="right"))
    place_text(doc, pg, 60, H - 164, W - 120, [C.COVER["issuer"]], Style(size=12.5, leading=22, align="right"))

    # ---- 目次 (no number)
    toc = doc.new_page(is_toc=True)
    y = 90.0
    y += place_text(doc, toc, INNER, y, W - 2 * INNER, ["目次"], H1, heading=True)
    entries = []
    for k, page in enumerate(C.PAGES, 1):
        for it in page:
            if it[0] in ("ch", "h"):
                entries.append((it[1], 0 if it[0] == "ch" else 1, k))
            elif it[0] == "col":
                entries.append((it[1].replace("　", " "), 2, k))
    xr = W - INNER - 10
    for text, lvl, num in entries:
        st = [Style(size=11.4, leading=27, bold=True), Style(font=M, size=10.4, leading=21),
              Style(font=M, size=9.6, leading=19, color=GRAY)][lvl]
        x = INNER + 10 + [0, 22, 34][lvl]
        sid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st, num=num):
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, st.color, st.bold)
            tw = sw(text, st.font, st.size) + 8
            dot = sw("…", G, 8.5)
            n = int((xr - xx - tw - 20) / dot)
            P.text(xx + tw, bl, "…" * n, G, 8.5, GRAY)
            P.text(xr, bl, str(num), G, st.size, BLACK, False, "right")

        gap = 6 if lvl == 0 else 0
        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(sid, text)]), x, y + gap)
        y += st.leading + gap
    place_text(doc, toc, INNER + 10, y + 20, W - 2 * INNER - 20, [C.TOC_NOTE],
               Style(size=8.6, leading=14, color=GRAY), extra={"note": True})

    # ---- body pages
    chapter = {"t": ""}
    for k, items in enumerate(C.PAGES, 1):
        if items[0][0] == "ch":
            chapter["t"] = items[0][1]
        odd = k % 2 == 1
        footer = f"{C.SHORT}　{k}" if odd else f"{k}　{C.SHORT}"
        pg = doc.new_page(printed=str(k), header=chapter["t"], footer=footer, decor=decor)
        mx, sx = _main_x(k), _side_x(k)
        full_x = INNER if odd else OUTER
        full_w = W - INNER - OUTER
        y = TOP
        side_y = TOP
        feet: list[str] = []

        def put(blocks, x=mx, pg=pg):
            nonlocal y
            for b in blocks:
                y += b.sb
                doc.place(pg, b, x, y)
                y += b.h

        for it in items:
            kind = it[0]
            if kind == "ch":
                y += 4
                bl = line_blocks(T, [it[1]], MAIN_W, H1, heading=True)
                top = y
                put(bl)
                doc.op(pg, lambda P, top=top, x=mx: (P.rect(x, top + 26, MAIN_W, 2.2, stroke=None, fill=TEAL),
                                                    P.rect(x, top + 3, 5, 20, stroke=None, fill=TEAL)))
                bl[0].draw = (lambda orig: (lambda P, x, yy: orig(P, x + 10, yy)))(bl[0].draw)
            elif kind == "h":
                put(line_blocks(T, [it[1]], MAIN_W, H2, heading=True))
            elif kind == "p":
                _, text, side, fnotes = it
                y0 = y
                put(line_blocks(T, split_sentences(text), MAIN_W, BODY))
                feet.extend(fnotes)
                if side:
                    sy = max(y0 + 3, side_y)
                    label, note = side
                    d0 = line_blocks(T, [f"【{label}】"], SIDE_W - 8, SIDE_LABEL, heading=True, extra={"side": True})
                    d1 = line_blocks(T, split_sentences(note), SIDE_W - 8, SIDE, extra={"side": True})
                    hh = sum(b.h for b in d0 + d1) + 8
                    doc.op(pg, lambda P, sy=sy, hh=hh, sx=sx: (P.rect(sx, sy, SIDE_W, hh, stroke=None, fill=LTEAL),
                                                              P.line(sx, sy, sx, sy + hh, 1.6, TEAL)))
                    yy = sy + 4
                    for b in d0 + d1:
                        doc.place(pg, b, sx + 5, yy)
                        yy += b.h
                    side_y = yy + 10
            elif kind == "list":
                for t in it[1]:
                    put(line_blocks(T, split_sentences(t), MAIN_W, LI, extra={"item": True}))
                y += 4
            elif kind == "col":
                b = box_block(T, it[1], it[2], MAIN_W, BODY.but(sa=0, size=9.8, leading=17.5), Style(size=10.2, leading=16,
                              bold=True), fill=(0.97, 0.97, 0.93), border=(0.55, 0.5, 0.3), sb=8)
                put([b])
            elif kind == "tbl":
                left = it[1] == "L"
                rows = [[lab] + r for lab, r in zip(C.ROWS_LABEL, C.ROWS_L if left else C.ROWS_R, strict=True)]
                ts = TableSpec(caption=C.TABLE_CAPTION_L if left else C.TABLE_CAPTION_R, unit=C.TABLE_UNIT,
                               header=C.HEADER_L if left else C.HEADER_R, rows=rows,
                               widths=[1.45, 0.9, 1.25, 0.75, 0.85, 1.2] if left else [1.45, 0.95, 0.95, 0.95, 0.95, 1.3],
                               align=["l", "r", "c", "c", "r", "c"] if left else ["l", "r", "r", "r", "r", "c"],
                               size=8.8, leading=13, pad=4, header_fill=(0.86, 0.93, 0.93), first_col_fill=(0.95, 0.97, 0.97),
                               caption_style=Style(size=9.8, leading=16, bold=True, color=TEAL, sb=10),
                               notes=C.TABLE_NOTES_L if left else C.TABLE_NOTES_R,
                               note_style=Style(size=8, leading=12.5, hang=8, sb=3, color=GRAY))
                caps, header, rblocks, notes = table_parts(doc, ts, full_w)
                y += 6
                for b in caps + [header()] + rblocks + notes:
                    y += b.sb
                    doc.place(pg, b, full_x, y)
                    y += b.h
                y += 6
                if left:
                    place_text(doc, pg, full_x, y, full_w, ["（右ページに続く）"],
                               Style(size=8.6, leading=13, align="right", color=GRAY), extra={"note": True})
                    y += 13
            else:
                raise KeyError(kind)
        # footnotes at the foot under a short rule
        if feet:
            fh = sum(len(wrap([(ch, -1) for ch in f], MAIN_W, FOOT)) * FOOT.leading for f in feet)
            fy = BOTTOM - fh
            if fy < y + 12:
                raise AssertionError(f"izumi-tebiki p.{k}: body ({y:.0f}) runs into the footnotes ({fy:.0f})")
            doc.op(pg, lambda P, fy=fy, x=mx: P.line(x, fy - 5, x + 110, fy - 5, 0.6, GRAY))
            for f in feet:
                fy += place_text(doc, pg, mx, fy, MAIN_W, split_sentences(f), FOOT, extra={"note": True, "footnote": True})
        elif y > BOTTOM + 1:
            raise AssertionError(f"izumi-tebiki p.{k}: body overflows ({y:.0f} > {BOTTOM:.0f})")
        if side_y > BOTTOM + 14:
            raise AssertionError(f"izumi-tebiki p.{k}: side notes overflow ({side_y:.0f})")
    return doc
