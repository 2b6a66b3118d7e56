"""mikage-tebiki.pdf: 市町村居住支援協議会 設立・運営の手引き（第2版）, A4 portrait (fictional みかげ県).

Layout traps: a cover without a number; body pages P.1 … with a WIDE body column and a NARROW side-note column in the
OUTER margin (right on odd pages, left on even pages).  The side notes (a small coloured label 用語解説 / 参照 / ヒント
and 7.6-pt text) start on the baseline of the FIRST line of the paragraph they belong to, so pdfplumber prints the
body line and the note's label on the same text line (on odd pages body first, on even pages the note first); the
notes' leading is two thirds of the body's, so every third note line shares a text line with a body line again.
Chapter headings 「第1章　…」 with a coloured bar, sub-headings 「1.1　…」, 「(1)」 lists with a hanging indent, a
コラム box that CONTINUES onto the next page (closing line 「（次ページに続く）」, reopened under 「（前ページから続く）」,
one sentence is cut by the page break), three ruled tables (表2 continues onto the next page under its repeated
header row), two checklists with drawn □ boxes, a framed contact box.  Running header = the chapter in effect at
the top of the page, on the OUTER side over a rule; footer 「P.n」 at the OUTER bottom corner (printed label n).

Reading order in the truth: a paragraph's sentences, then its side notes (label as a heading with flags `note` /
`side`, then the note's sentences with flags `note` / `side`), then the next paragraph.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mikage_tebiki as C
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
)
from .kit import box_block

W, H = A4
INNER, OUTER = 56.0, 30.0
SIDE_W, GAP = 100.0, 16.0
MAIN_W = W - INNER - OUTER - SIDE_W - GAP
TOP = 80.0
BOTTOM = H - 68.0

INDIGO = (0.16, 0.24, 0.45)   # 御影石 dark
STONE = (0.52, 0.50, 0.47)
PALE = (0.93, 0.94, 0.97)
SAND = (0.97, 0.95, 0.90)
GRAY = (0.40, 0.40, 0.40)
WHITE = (1, 1, 1)
LABEL_FILL = {"用語解説": (0.16, 0.24, 0.45), "参照": (0.30, 0.50, 0.38), "ヒント": (0.72, 0.45, 0.12)}

BODY = Style(font=M, size=10.0, leading=18.6, indent=10.0, sa=4.0)
LI = Style(font=M, size=10.0, leading=18.6, hang=20.0)
H1 = Style(size=15.0, leading=26.0, bold=True, color=INDIGO)
H2 = Style(size=11.6, leading=20.0, bold=True, color=INDIGO, sb=10, sa=3)
SIDE_LAB = Style(size=7.6, leading=12.4, bold=True, color=WHITE)
SIDE = Style(size=7.6, leading=12.4, color=(0.18, 0.18, 0.18))
CHECK = Style(font=M, size=10.0, leading=18.6, hang=0.0)
CHECK_H = Style(size=10.4, leading=18.0, bold=True, color=INDIGO, sb=8, sa=2)
QST = Style(size=10.0, leading=18.0, bold=True, color=INDIGO, sb=6)
AST = Style(font=M, size=10.0, leading=18.6, sa=2)
CONT = Style(size=8.0, leading=12.0, color=GRAY, align="right")


def shift(draw, dx: float):
    """A block's draw function moved right by dx."""
    def moved(P, x, y):
        draw(P, x + dx, y)
    return moved


def build() -> Doc:
    doc = Doc("mikage-tebiki.pdf", A4, C.TITLE,
              "A4 portrait guide: wide body column + narrow outer side-note column aligned with the paragraphs, "
              "コラム box and table continuing across pages, checklists, P.n at the outer bottom corner",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        n = int(info["printed"])
        odd = n % 2 == 1
        xl, xr = (INNER, W - OUTER) if odd else (OUTER, W - INNER)
        P.text(xr if odd else xl, 46, info["header"], G, 8.6, INDIGO, align="right" if odd else "left")
        P.line(xl, 52, xr, 52, 0.5, STONE)
        P.line(xl, H - 48, xr, H - 48, 0.4, STONE)
        P.text(xr if odd else xl, H - 32, info["footer"], G, 10, BLACK, True, align="right" if odd else "left")

    # ------------------------------------------------------------------ cover (no number)
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(0, 0, W, 300, stroke=None, fill=PALE),
                          P.rect(0, 300, W, 6, stroke=None, fill=INDIGO),
                          P.rect(60, 470, W - 120, 0.8, stroke=None, fill=STONE)))
    place_text(doc, pg, 64, 120, W - 128, [C.COVER["kicker"]], Style(size=14, leading=22, bold=True, color=INDIGO),
               heading=True)
    y = 170.0
    for ln in C.COVER["title_lines"]:
        y += place_text(doc, pg, 64, y, W - 128, [ln], Style(size=28, leading=42, bold=True), heading=True)
    place_text(doc, pg, 64, y + 4, W - 128, [C.COVER["edition"]], Style(size=16, leading=24, color=INDIGO),
               heading=True)
    place_text(doc, pg, 64, 330, W - 128, [C.COVER["date"]], Style(size=12, leading=20, align="right"))
    yy = 352.0
    for s in C.COVER["issuers"]:
        yy += place_text(doc, pg, 64, yy, W - 128, [s], Style(size=12, leading=20, align="right"))
    b = box_block(T, C.COVER["box_title"], C.COVER["box"], W - 160, Style(size=9.6, leading=16.5, hang=9.6),
                  Style(size=10, leading=16, bold=True), fill=SAND, border=STONE, pad=10, bullet_hang=9.6)
    doc.place(pg, b, 80, 520)

    # ------------------------------------------------------------------ body pages
    st = {"pg": None, "n": 0, "y": TOP, "side_y": TOP, "chapter": ""}

    def odd() -> bool:
        return st["n"] % 2 == 1

    def mx() -> float:
        return INNER if odd() else OUTER + SIDE_W + GAP

    def sx() -> float:
        return INNER + MAIN_W + GAP if odd() else OUTER

    def new_page() -> None:
        st["n"] += 1
        n = st["n"]
        st["pg"] = doc.new_page(printed=str(n), header=st["chapter"], footer=f"P.{n}", decor=decor)
        st["y"], st["side_y"] = TOP, TOP

    def ensure(h: float) -> None:
        if st["pg"] is None or st["y"] + h > BOTTOM + 0.01:
            new_page()

    def put(b: Block, x_off: float = 0.0) -> float:
        """Place one block at the current y (space before dropped at the top of a page); return its y."""
        if st["y"] > TOP + 0.01:
            st["y"] += b.sb
        y = st["y"]
        doc.place(st["pg"], b, mx() + x_off, y)
        st["y"] += b.h
        return y

    def put_group(blocks: list[Block]) -> list[float]:
        need = sum(b.h for b in blocks) + sum(b.sb for b in blocks[1:]) + (blocks[0].sb if st["pg"] is not None else 0)
        ensure(need)
        return [put(b) for b in blocks]

    pending: list[Block] = []   # heading lines kept with what follows

    def flow_lines(blocks: list[Block], keep_first: int = 2) -> float:
        """Place lines, keeping pending headings with the first `keep_first` lines; return the first line's y and
        its page (via st) -- the caller uses them for side notes."""
        nonlocal pending
        head, rest = pending + blocks[:keep_first], blocks[keep_first:]
        pending = []
        ys = put_group(head)
        first_y = ys[len(head) - len(blocks[:keep_first])]
        first_pg = st["pg"]
        for b in rest:
            ensure(b.h)
            put(b)
        return first_y, first_pg

    def side_notes(notes: list[tuple[str, str]], y0: float, pg: int) -> None:
        if not notes:
            return
        n_page = st["n"] if st["pg"] == pg else st["n"] - 1
        x = (INNER + MAIN_W + GAP) if n_page % 2 == 1 else OUTER
        sy = max(y0 + 3.96, st["side_y"] if st["pg"] == pg else TOP)
        for label, text in notes:
            lab = line_blocks(T, [label], SIDE_W, SIDE_LAB, heading=True, extra={"note": True, "side": True})
            body = line_blocks(T, split_sentences(text), SIDE_W - 6, SIDE, extra={"note": True, "side": True})
            lw = sw(label, G, SIDE_LAB.size) + 8
            top = sy
            doc.op(pg, lambda P, top=top, lw=lw, x=x, fill=LABEL_FILL[label]: P.rect(x, top + 1.2, lw, 11.0,
                                                                                       stroke=None, fill=fill,
                                                                                       radius=2))
            doc.place(pg, lab[0], x + 4, sy)
            sy += lab[0].h
            for b in body:
                doc.place(pg, b, x + 3, sy)
                sy += b.h
            rule_x = x - 6 if n_page % 2 == 1 else x + SIDE_W + 3
            doc.op(pg, lambda P, top=top, bot=sy, rx=rule_x: P.line(rx, top + 1, rx, bot, 0.8, STONE))
            sy += 9.0
            if sy > BOTTOM + 8:
                raise AssertionError(f"mikage-tebiki P.{n_page}: side notes overflow ({sy:.0f} > {BOTTOM:.0f})")
        if st["pg"] == pg:
            st["side_y"] = sy

    for it in C.ITEMS:
        kind = it[0]
        if kind == "ch":
            st["chapter"] = it[1]
            bl = line_blocks(T, [it[1]], MAIN_W - 12, H1, heading=True)
            hb = bl[0]
            orig = hb.draw

            def draw(P, x, y, orig=orig):
                P.rect(x, y + 3, 5, 20, stroke=None, fill=INDIGO)
                P.rect(x, y + 26, MAIN_W, 1.6, stroke=None, fill=INDIGO)
                orig(P, x + 12, y)
            hb.draw = draw
            hb.h += 8
            hb.sb = 14
            pending.append(hb)
        elif kind == "h":
            pending.extend(line_blocks(T, [it[1]], MAIN_W, H2, heading=True))
        elif kind == "p":
            _, text, notes = it
            bl = line_blocks(T, split_sentences(text), MAIN_W, BODY)
            y0, pg0 = flow_lines(bl)
            side_notes(notes, y0, pg0)
        elif kind == "list":
            blocks = []
            for t in it[1]:
                blocks.extend(line_blocks(T, split_sentences(t), MAIN_W - 10, LI, extra={"item": True}))
            for b in blocks:
                b.draw = shift(b.draw, 10)
            blocks[-1].h += 4
            flow_lines(blocks)
        elif kind == "col":
            _, title, paras = it
            pad = 10.0
            inner = MAIN_W - 2 * pad
            tst = Style(size=10.4, leading=18, bold=True, color=WHITE)
            bst = Style(font=M, size=9.6, leading=17.0, indent=9.6)
            tsid = T.sentence(title, heading=True, box=True)
            lines: list[Block] = []
            for k, p in enumerate(paras):
                lb = line_blocks(T, split_sentences(p), inner, bst, extra={"box": True})
                if k:
                    lb[0].sb = 4
                lines.extend(lb)
            title_h = 24.0
            # first part: title + as many lines as fit (at least 3)
            if st["y"] > TOP + 0.01:
                st["y"] += 10
            min_h = title_h + pad + 3 * bst.leading + 16
            if st["pg"] is None or st["y"] + min_h > BOTTOM:
                new_page()
            parts: list[tuple[int, float, list[tuple[Block, float]], bool]] = []
            first = True
            i = 0
            while i < len(lines):
                pg = st["pg"]
                top = st["y"]
                yy = top + (title_h if first else 16) + pad
                placed: list[tuple[Block, float]] = []
                while i < len(lines):
                    b = lines[i]
                    s = b.sb if placed else 0.0
                    if yy + s + b.h + pad + (14 if i < len(lines) - 1 else 0) > BOTTOM:
                        break
                    yy += s
                    placed.append((b, yy))
                    yy += b.h
                    i += 1
                more = i < len(lines)
                parts.append((pg, top, placed, first))
                for b, by in placed:
                    doc.place(pg, b, mx() + pad, by)
                if first:
                    doc.place(pg, Block(h=0, draw=lambda P, x, y: None, frags=[(tsid, title)]), mx(), top)
                    xm = mx()
                    doc.op(pg, lambda P, x=xm + pad, top=top, t=title, ts=tst.size: (
                        P.rect(x, top + 5, sw(t, G, ts) + 16, 17, stroke=None, fill=STONE, radius=3),
                        P.text(x + 8, top + 17.6, t, G, ts, WHITE, True)))
                else:
                    place_text(doc, pg, mx() + pad, top + 4, inner, ["（前ページから続く）"],
                               Style(size=8.0, leading=12.0, color=GRAY), extra={"note": True, "box": True})
                if more:
                    place_text(doc, pg, mx() + pad, yy, inner, ["（次ページに続く）"], CONT,
                               extra={"note": True, "box": True})
                    yy += 12
                bottom = yy + pad
                xm = mx()
                doc.op(pg, lambda P, x=xm, top=top, bottom=bottom: P.rect(x, top, MAIN_W, bottom - top, stroke=STONE,
                                                                         fill=None, width=1.0))
                # a background under the text: drawn first on the page
                doc.pages[pg].ops.insert(0, lambda P, x=xm, top=top, bottom=bottom:
                                         P.rect(x, top, MAIN_W, bottom - top, stroke=None, fill=SAND))
                st["y"] = bottom + 6
                first = False
                if more:
                    new_page()
        elif kind == "tbl":
            spec = C.TABLES[it[1]]
            ts = TableSpec(caption=spec["caption"], unit=spec["unit"], header=spec["header"], rows=spec["rows"],
                           widths=spec["widths"], align=spec["align"], size=8.6, leading=12.6, pad=3.6,
                           header_fill=(0.85, 0.88, 0.94), first_col_fill=(0.96, 0.96, 0.98),
                           caption_style=Style(size=9.8, leading=16, bold=True, color=INDIGO, sb=8),
                           notes=spec["notes"], note_style=Style(size=8.0, leading=12.4, hang=8.0, sb=3, color=GRAY))
            caps, header, rows, notes = table_parts(doc, ts, MAIN_W)
            caps[0].sb = 8
            put_group(pending + caps + [header(), rows[0]])
            pending = []
            for r in rows[1:]:
                if st["y"] + r.h > BOTTOM:
                    new_page()
                    put(header())
                put(r)
            if notes:
                put_group(notes)
            st["y"] += 4
        elif kind == "check":
            _, sub, items = it
            hb = line_blocks(T, [sub], MAIN_W, CHECK_H, heading=True)
            blocks = []
            for t in items:
                lb = line_blocks(T, [t], MAIN_W - 22, CHECK, extra={"item": True, "check": True})
                o = lb[0].draw

                def draw(P, x, y, o=o):
                    P.rect(x + 4, y + 4.6, 9.4, 9.4, stroke=INDIGO, fill=WHITE, width=0.8)
                    o(P, x + 22, y)
                lb[0].draw = draw
                for b in lb[1:]:
                    b.draw = shift(b.draw, 22)
                blocks.extend(lb)
            pending.extend(hb)
            flow_lines(blocks)
        elif kind == "qa":
            _, q, a = it
            qb = line_blocks(T, [q], MAIN_W, QST, extra={"q": True})
            ab = line_blocks(T, split_sentences(a), MAIN_W - 14, AST, extra={"a": True})
            o = ab[0].draw

            def draw_a(P, x, y, o=o):
                P.text(x, baseline_of(y, AST), "A", G, 10, INDIGO, True)
                o(P, x + 14, y)
            ab[0].draw = draw_a
            for b in ab[1:]:
                b.draw = shift(b.draw, 14)
            pending.extend(qb)
            flow_lines(ab)
        elif kind == "contact":
            _, title, lines_ = it
            b = box_block(T, title, lines_, MAIN_W, Style(size=9.2, leading=16, hang=0), Style(size=10, leading=16,
                          bold=True), fill=PALE, border=INDIGO, pad=9)
            put_group(pending + [b])
            pending = []
        elif kind == "pagebreak":
            st["pg"] = None
        else:
            raise KeyError(kind)
    if pending:
        raise AssertionError("mikage-tebiki: heading left at the end")
    for p in doc.pages[1:]:
        if not p.ops:
            raise AssertionError("mikage-tebiki: empty page")
    return doc
