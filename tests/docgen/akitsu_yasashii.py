"""akitsu-yasashii.pdf: 「すまいの そうだん ガイド（やさしい 日本語）」 for the foreign residents of the fictional
あきつ県 (土木部 住宅課 / あきつ県居住支援協議会, 2026年（令和8年）2月), A4 portrait, 7 pages, with FURIGANA.

Layout traps: every kanji word carries RUBY (furigana) printed small (half the base size) CENTRED ABOVE it, as a
separate line of text — pdfplumber prints each ruby line on a line of its own before the line it belongs to
(「じゅうたくか」 … then 「住宅課」), so a sentence that wraps comes out with a line of kana in the middle, and a reader
that follows the content stream gets each reading right after its word (「住宅課じゅうたくか」); where the reading is wider than its
kanji the kanji are spaced out to the ruby's width (gaps inside words); the text is written with SPACES between
phrases (分かち書き: 「へやを さがす ときに」) and lines break only at those spaces; figures are given as 2026年 with
令和 only on the cover and in the colophon; headings are coloured bands with a number in a white circle, the title
(white, with white ruby) and an ENGLISH sub-title in grey under the band (flag `en`); page 0 is a cover without a
number holding the title, an English line, a drawn house and a framed もくじ whose page numbers are computed from the
layout (flag `toc`, `is_toc`); body pages have a footer 「すまいの そうだん ガイド（やさしい にほんご）」 left and the
number in a circle right on the same line (printed n = PDF index); a check list with DRAWN boxes (not text), a
「たいせつ」 box, a label｜value info block with one label spanning two value lines (the Saturday hours have no label
of their own), three ruled tables with ruby inside the cells, each under a bold caption with ruby (そうだん会 4 rows; 市町村の まどぐち 16 rows that CONTINUE on
the next page with the header row repeated; 居住支援法人 6 rows), ※ notes, a six-step flow of boxes joined by drawn
arrows (number, bold step, detail side by side, flag `box`), sub-headings （1）（2）, a glossary of ■ terms (the official
words with their plain explanation, flag `term`), a contact box and a colophon.  Page references 「{n}ページ」 in the
text agree with the layout (checked).  Truth: sentences are the base text with its spaces, never the ruby; the ruby
is not registered.  No /Title.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_akitsu_yasashii as C
from . import fonts
from .engine import BLACK, NO_START, Block, Doc, G, split_sentences, sw

fonts.register()

W, H = A4
X0 = 56.0
TW = W - 2 * X0
TOP = 52.0
BOTTOM = H - 62.0
TEAL = (0.0, 0.45, 0.5)
PALE = (0.9, 0.96, 0.96)
ORANGE = (0.92, 0.5, 0.1)
CREAM = (1.0, 0.97, 0.88)
GRAY = (0.4, 0.4, 0.4)
WHITE = (1, 1, 1)
RULE = (0.3, 0.3, 0.3)
KEYLEN = max(len(k) for k in C.RUBY)


def is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "々〆"


def segment(text: str) -> list[tuple[str, str | None]]:
    """Split text into (base, ruby) units by longest dictionary match; plain characters get no ruby."""
    out = []
    i = 0
    while i < len(text):
        for n in range(min(KEYLEN, len(text) - i), 0, -1):
            k = text[i:i + n]
            if k in C.RUBY:
                out.append((k, C.RUBY[k]))
                i += n
                break
        else:
            ch = text[i]
            if is_kanji(ch):
                raise KeyError(f"akitsu-yasashii: no ruby for {text[i:i + 4]!r} in {text!r}")
            out.append((ch, None))
            i += 1
    return out


class RStyle:
    def __init__(self, size=12.0, leading=31.0, bold=False, color=BLACK, align="left", hang=0.0, sb=0.0, sa=0.0,
                 ruby=0.5):
        self.size, self.leading, self.bold, self.color, self.align = size, leading, bold, color, align
        self.hang, self.sb, self.sa, self.rsize = hang, sb, sa, size * ruby

    def but(self, **kw):
        d = dict(size=self.size, leading=self.leading, bold=self.bold, color=self.color, align=self.align,
                 hang=self.hang, sb=self.sb, sa=self.sa, ruby=self.rsize / self.size)
        d.update(kw)
        return RStyle(**d)


def uwidth(u, st: RStyle) -> float:
    base, ruby, _sid = u
    if base == " ":
        return st.size * 0.45
    bw = sw(base, G, st.size)
    if ruby:
        bw = max(bw, sw(ruby, G, st.rsize))
    return bw


def rwrap(units: list, width: float, st: RStyle) -> list[list]:
    """Greedy wrap at spaces; a phrase longer than a line is broken between units (light kinsoku)."""
    toks: list[list] = []
    cur: list = []
    for u in units:
        if u[0] == " ":
            if cur:
                toks.append(cur)
                cur = []
            toks.append([u])
        else:
            cur.append(u)
    if cur:
        toks.append(cur)
    lines: list[list] = []
    line: list = []
    w = 0.0
    limit = width
    for tok in toks:
        if tok[0][0] == " ":
            if line:
                line.append(tok[0])
                w += uwidth(tok[0], st)
            continue
        tw = sum(uwidth(u, st) for u in tok)
        if line and w + tw > limit + 0.01:
            while line and line[-1][0] == " ":
                line.pop()
            lines.append(line)
            line, w = [], 0.0
            limit = width - st.hang
        if tw > limit + 0.01:
            for u in tok:
                uw = uwidth(u, st)
                if line and w + uw > limit + 0.01 and u[0][0] not in NO_START:
                    lines.append(line)
                    line, w = [], 0.0
                    limit = width - st.hang
                line.append(u)
                w += uw
            continue
        line.extend(tok)
        w += tw
    while line and line[-1][0] == " ":
        line.pop()
    if line:
        lines.append(line)
    return lines


def draw_line(P, x: float, bl: float, line: list, st: RStyle) -> None:
    """Plain characters between spaces go out as one text run; a word with ruby is its own run followed by its
    reading (as word processors write ruby)."""
    xx = x
    run, rx = "", x

    def flush():
        if run:
            P.text(rx, bl, run, G, st.size, st.color, st.bold)
    for u in line:
        uw = uwidth(u, st)
        base, ruby, _ = u
        if base != " " and not ruby:
            if not run:
                rx = xx
            run += base
            xx += uw
            continue
        flush()
        run = ""
        if base != " ":
            bw = sw(base, G, st.size)
            if ruby and uw > bw + 0.1 and len(base) > 1:
                # spread the kanji over the ruby's width
                step = (uw - bw) / len(base)
                cx = xx + step / 2
                for ch in base:
                    P.text(cx, bl, ch, G, st.size, st.color, st.bold)
                    cx += sw(ch, G, st.size) + step
            else:
                P.text(xx + uw / 2, bl, base, G, st.size, st.color, st.bold, "center")
            if ruby:
                P.text(xx + uw / 2, bl - st.size * 0.98, ruby, G, st.rsize, st.color, False, "center")
        xx += uw
    flush()


def line_w(line, st) -> float:
    return sum(uwidth(u, st) for u in line)


def baseline(y: float, st: RStyle) -> float:
    """Baseline of a line box that starts at y: the ruby sits in the upper part of the box."""
    return y + st.leading - (st.leading - st.size * 1.5) / 2 - st.size * 0.14


def frags(line) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for base, _r, sid in line:
        if sid < 0:
            continue
        if out and out[-1][0] == sid:
            out[-1] = (sid, out[-1][1] + base)
        else:
            out.append((sid, base))
    return out


def units_for(T, text: str, extra: dict | None = None, register: bool = True) -> list:
    units = []
    for s in split_sentences(text):
        sid = T.sentence(s, **(extra or {})) if register else -1
        units.extend((b, r, sid) for b, r in segment(s))
    return units


def rblocks(T, text: str, width: float, st: RStyle, extra: dict | None = None) -> list[Block]:
    lines = rwrap(units_for(T, text, extra), width, st)
    out = []
    for i, ln in enumerate(lines):
        ind = 0.0 if i == 0 else st.hang

        def draw(P, x, y, ln=ln, ind=ind):
            bl = baseline(y, st)
            if st.align == "center":
                draw_line(P, x + (width - line_w(ln, st)) / 2, bl, ln, st)
            elif st.align == "right":
                draw_line(P, x + width - line_w(ln, st), bl, ln, st)
            else:
                draw_line(P, x + ind, bl, ln, st)
        last = i == len(lines) - 1
        out.append(Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=frags(ln),
                         sb=st.sb if i == 0 else 0.0))
    return out


def stack(blocks: list[Block]) -> float:
    return sum(b.h + b.sb for b in blocks)


def glue(blocks: list[Block], sb: float = 0.0) -> Block:
    h = stack(blocks)

    def draw(P, x, y):
        yy = y
        for b in blocks:
            yy += b.sb
            b.draw(P, x, yy)
            yy += b.h
    return Block(h=h, draw=draw, frags=[f for b in blocks for f in b.frags], sb=sb)


BODY = RStyle(size=11.5, leading=27.5, sa=2)
NOTE = RStyle(size=10, leading=23.5, hang=sw("※ ", G, 10))
CELL = RStyle(size=9.6, leading=20.5)
HCELL = RStyle(size=9.6, leading=20.5, bold=True)
CPAD = 3.0


# ---------------------------------------------------------------- tables with ruby

class RTable:
    def __init__(self, doc: Doc, spec: dict):
        self.doc = doc
        tot = sum(spec["widths"])
        self.colw = [w * TW / tot for w in spec["widths"]]
        self.spec = spec
        self.tid = doc.truth.table(spec.get("caption", ""), None, spec["header"], spec["rows"])
        self.cap = []
        if spec.get("caption"):
            self.cap = rblocks(doc.truth, spec["caption"], TW, RStyle(size=11, leading=26, bold=True, color=TEAL, sb=2),
                               extra={"caption": True})
            for b in self.cap:
                b.table = self.tid
                b.keep_next = True

    def _row(self, cells, st, header: bool, i: int | None) -> Block:
        colw = self.colw
        wrapped = [rwrap(units_for(self.doc.truth, c, register=False), colw[j] - 2 * CPAD, st)
                   for j, c in enumerate(cells)]
        n = max(len(w) for w in wrapped)
        h = n * st.leading + 2 * CPAD - 4

        def draw(P, x, y):
            total = sum(colw)
            if header:
                P.rect(x, y, total, h, stroke=None, fill=PALE)
            elif i is not None and i % 2 == 1:
                P.rect(x, y, total, h, stroke=None, fill=(0.97, 0.97, 0.97))
            P.line(x, y, x + total, y, 0.9 if header else 0.5, RULE)
            P.line(x, y + h, x + total, y + h, 0.9 if header else 0.5, RULE)
            xx = x
            for j, lines in enumerate(wrapped):
                P.line(xx, y, xx, y + h, 0.5, RULE)
                for k, ln in enumerate(lines):
                    bl = baseline(y + CPAD - 2 + k * st.leading, st)
                    if header:
                        draw_line(P, xx + (colw[j] - line_w(ln, st)) / 2, bl, ln, st)
                    else:
                        draw_line(P, xx + CPAD, bl, ln, st)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.5, RULE)
        return Block(h=h, draw=draw, table=self.tid, row=i)

    def header(self) -> Block:
        b = self._row(self.spec["header"], HCELL, True, None)
        b.keep_next = True
        return b

    def rows(self) -> list[Block]:
        return [self._row(r, CELL, False, i) for i, r in enumerate(self.spec["rows"])]


# ---------------------------------------------------------------- build

EXPECT = {"s1": 1, "s2": 1, "s3": 2, "s4": 2, "s5": 3, "s6": 4, "s7": 5, "s8": 5, "s9": 6}


def resolve(text: str) -> str:
    return re.sub(r"\{p:(s\d)\}", lambda m: str(EXPECT[m.group(1)]), text)


def build() -> Doc:
    doc = Doc("akitsu-yasashii.pdf", A4, C.TITLE,
              "easy-Japanese guide with furigana (ruby) over every kanji word, phrases separated by spaces, "
              "coloured heading bands with English sub-titles, ruled tables with ruby in the cells (one continued "
              "over a page break), a check list with drawn boxes, a flow of boxes and a glossary",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        P.line(X0, H - 50, X0 + TW, H - 50, 0.6, TEAL)
        P.text(X0, H - 32, C.FOOTER, G, 9, GRAY)
        P.c.setFillColorRGB(*TEAL)
        P.c.circle(X0 + TW - 9, 32 + 3.5, 10, stroke=0, fill=1)
        P.text(X0 + TW - 9, H - 32, info["printed"], G, 10.5, WHITE, True, "center")

    # ------------------------------------------------------------ cover
    cv = doc.new_page(printed=None, header=None, footer=None, is_toc=True, decor=decor)
    doc.op(cv, lambda P: (P.rect(0, 0, W, 118, stroke=None, fill=TEAL),
                          P.rect(0, 118, W, 5, stroke=None, fill=ORANGE)))

    def place_all(page, x, y, blocks):
        for b in blocks:
            y += b.sb
            doc.place(page, b, x, y)
            y += b.h
        return y

    place_all(cv, X0, 36, rblocks(T, C.COVER["to"], TW, RStyle(size=16, leading=40, color=WHITE, align="center")))
    y = place_all(cv, X0, 132, rblocks(T, C.COVER["title"], TW, RStyle(size=34, leading=66, bold=True,
                                                                        color=TEAL, align="center"),
                                       extra={"heading": True}))
    pill = C.COVER["pill"]
    pst = RStyle(size=15, leading=36, bold=True, color=WHITE, align="center")
    pw = 190.0
    doc.op(cv, lambda P, y=y: P.rect(W / 2 - pw / 2, y + 4, pw, 34, stroke=None, fill=ORANGE, radius=17))
    y = place_all(cv, X0, y, rblocks(T, pill, TW, pst, extra={"heading": True}))
    y = place_all(cv, X0, y + 10, rblocks(T, C.COVER["en"], TW, RStyle(size=10.5, leading=20, color=GRAY,
                                                                         align="center"), extra={"en": True}))

    # a drawn house (no text)
    hx, hy = W / 2, y + 16

    def house(P, hx=hx, hy=hy):
        P.poly([(hx - 70, hy + 60), (hx, hy), (hx + 70, hy + 60)], fill=ORANGE)
        P.rect(hx - 55, hy + 60, 110, 70, stroke=None, fill=(0.98, 0.86, 0.6))
        P.rect(hx - 14, hy + 88, 28, 42, stroke=None, fill=TEAL)
        P.rect(hx - 45, hy + 72, 22, 20, stroke=None, fill=WHITE)
        P.rect(hx + 23, hy + 72, 22, 20, stroke=None, fill=WHITE)
        P.rect(hx + 30, hy + 14, 14, 30, stroke=None, fill=(0.55, 0.3, 0.2))
    doc.op(cv, house)
    y = hy + 138

    # もくじ
    toc_x, toc_w = X0 + 50, TW - 100
    tst = RStyle(size=10.5, leading=23.5)
    toc_h = 34 + tst.leading * len(C.TOC) + 8
    doc.op(cv, lambda P, y=y: P.rect(toc_x, y, toc_w, toc_h, stroke=TEAL, width=1.2, radius=6))
    place_all(cv, toc_x, y + 4, rblocks(T, C.TOC_TITLE, toc_w, RStyle(size=12.5, leading=28, bold=True,
                                                                         color=TEAL, align="center"),
                                        extra={"heading": True}))
    toc_rows = []
    ty = y + 34
    for num, title, key in C.TOC:
        sid = T.sentence(title, heading=True, toc=True)
        line = [(b, r, sid) for b, r in segment(title)]
        page = str(EXPECT[key])

        def draw(P, x, yy, line=line, num=num, page=page):
            bl = baseline(yy, tst)
            P.text(x + 16, bl, num, G, tst.size, TEAL, True)
            draw_line(P, x + 34, bl, line, tst)
            x1 = x + 34 + line_w(line, tst) + 6
            x2 = x + toc_w - 24 - sw(page, G, tst.size)
            dots = int((x2 - x1) / sw("・", G, 8))
            P.text(x1, bl, "・" * max(dots, 0), G, 8, GRAY)
            P.text(x + toc_w - 18, bl, page, G, tst.size, BLACK, align="right")
        doc.place(cv, Block(h=tst.leading, draw=draw, frags=[(sid, title)]), toc_x, ty)
        toc_rows.append((key, page))
        ty += tst.leading
    yb = y + toc_h + 26
    doc.op(cv, lambda P, yl=yb - 8: P.line(X0 + 60, yl, X0 + TW - 60, yl, 0.8, TEAL))
    for t, st in ((C.COVER["date"], RStyle(size=11.5, leading=26, align="center")),
                  (C.COVER["org1"], RStyle(size=12, leading=27, bold=True, align="center")),
                  (C.COVER["org2"], RStyle(size=12, leading=27, bold=True, align="center"))):
        yb = place_all(cv, X0, yb, rblocks(T, t, TW, st))
    if yb > H - 30:
        raise AssertionError(f"akitsu-yasashii: the cover overflows ({yb:.0f})")

    # ------------------------------------------------------------ body flow
    state = {"page": None, "y": TOP, "n": 0}
    where: dict[str, int] = {}

    def new_page():
        state["n"] += 1
        n = state["n"]
        state["page"] = doc.new_page(printed=str(n), header=None, footer=f"{C.FOOTER}　{n}", decor=decor)
        state["y"] = TOP

    def fits(h):
        return state["y"] + h <= BOTTOM + 0.01

    def put(b: Block, repeat=None):
        if state["page"] is None:
            new_page()
        sb = b.sb if state["y"] > TOP + 0.1 else 0.0
        if not fits(sb + b.h):
            new_page()
            sb = 0.0
            if repeat:
                hb = repeat()
                doc.place(state["page"], hb, X0, state["y"])
                state["y"] += hb.h
        doc.place(state["page"], b, X0, state["y"] + sb)
        state["y"] += sb + b.h

    def put_group(blocks: list[Block], extra: float = 0.0):
        if state["page"] is None:
            new_page()
        if not fits(stack(blocks) + extra):
            new_page()
        for b in blocks:
            put(b)

    hst = RStyle(size=14.5, leading=34, bold=True, color=WHITE)
    enst = RStyle(size=9.5, leading=17, color=GRAY)

    def heading(key, num, title, en):
        bl = rblocks(T, title, TW - 60, hst, extra={"heading": True})
        band = bl[0]
        orig = band.draw

        def draw(P, x, y, orig=orig):
            P.rect(x, y + 1, TW, hst.leading - 1, stroke=None, fill=TEAL, radius=4)
            P.c.setFillColorRGB(*WHITE)
            P.c.circle(x + 20, H - (y + hst.leading / 2 + 1), 12, stroke=0, fill=1)
            P.text(x + 20, y + hst.leading / 2 + 6, num, G, 14, TEAL, True, "center")
            orig(P, x + 44, y)
        band.draw = draw
        band.sb = 14
        eb = rblocks(T, en, TW - 44, enst, extra={"en": True})
        for b in eb:
            ob = b.draw
            b.draw = lambda P, x, y, ob=ob: ob(P, x + 44, y)
        put_group([band] + eb, extra=70)
        where[key] = state["n"]
        state["y"] += 4

    def para(text, st=BODY, extra=None):
        for b in rblocks(T, resolve(text), TW, st, extra):
            put(b)

    def table(spec):
        t = RTable(doc, spec)
        rows = t.rows()
        put_group(t.cap + [t.header(), rows[0]])
        for r in rows[1:]:
            put(r, repeat=t.header)
        state["y"] += 6

    for it in C.BODY:
        kind = it[0]
        if kind == "h":
            heading(*it[1:])
        elif kind == "p":
            para(it[1])
        elif kind == "note":
            para(it[1], NOTE, {"note": True})
        elif kind == "sub":
            para(it[1], BODY.but(bold=True, color=TEAL, sb=6), {"heading": True})
        elif kind == "check":
            cst = RStyle(size=11.5, leading=27)
            for item in it[1]:
                bl = rblocks(T, item, TW - 30, cst, extra={"item": True, "check": True})
                first = bl[0]
                orig = first.draw

                def draw(P, x, y, orig=orig, cst=cst):
                    bly = baseline(y, cst)
                    P.rect(x + 4, bly - 11.5, 13, 13, stroke=TEAL, width=1.2)
                    orig(P, x + 28, y)
                first.draw = draw
                for b in bl[1:]:
                    ob = b.draw
                    b.draw = lambda P, x, y, ob=ob: ob(P, x + 28, y)
                put(glue(bl))
            state["y"] += 4
        elif kind == "box":
            inner = rblocks(T, it[1], TW - 24, RStyle(size=12, leading=28, bold=True, color=ORANGE),
                            extra={"heading": True, "box": True})
            for t in it[2]:
                inner += rblocks(T, t, TW - 24, RStyle(size=11.5, leading=27), extra={"box": True})
            body = glue(inner)
            h = body.h + 16

            def draw(P, x, y, body=body, h=h):
                P.rect(x, y, TW, h, stroke=ORANGE, fill=CREAM, width=1.4, radius=8)
                body.draw(P, x + 12, y + 6)
            put(Block(h=h, draw=draw, frags=body.frags, sb=10))
            state["y"] += 6
        elif kind == "info":
            lab_w = 92.0
            rows = []
            for label, value in it[1]:
                lb = rblocks(T, label, lab_w - 10, RStyle(size=11, leading=27, bold=True, color=TEAL),
                             extra={"label": True}) if label else []
                vb = rblocks(T, value, TW - lab_w - 14, RStyle(size=11.5, leading=27))
                rows.append((lb, vb))
            blocks = []
            for k, (lb, vb) in enumerate(rows):
                h = max(stack(lb), stack(vb))
                cont = k + 1 < len(rows) and not it[1][k + 1][0]

                def draw(P, x, y, lb=lb, vb=vb, h=h, cont=cont, label=it[1][k][0], lab_w=lab_w):
                    if label:
                        P.rect(x, y, lab_w, h + (27 if cont else 0), stroke=None, fill=PALE)
                        P.line(x, y, x + TW, y, 0.5, TEAL)
                    yy = y
                    for b in lb:
                        b.draw(P, x + 8, yy)
                        yy += b.h
                    yy = y
                    for b in vb:
                        b.draw(P, x + lab_w + 10, yy)
                        yy += b.h
                blocks.append(Block(h=h, draw=draw, frags=[f for b in lb + vb for f in b.frags]))
            total = glue(blocks)
            od = total.draw

            def tdraw(P, x, y, od=od, h=total.h):
                od(P, x, y)
                P.line(x, y + h, x + TW, y + h, 0.5, TEAL)
            put(Block(h=total.h, draw=tdraw, frags=total.frags, sb=4))
            state["y"] += 8
        elif kind == "table":
            table(it[1])
        elif kind == "flow":
            steps = it[1]
            fst = RStyle(size=11, leading=26, bold=True, color=TEAL)
            dst = RStyle(size=11, leading=26)  # the same size and leading: step and detail share baselines
            tw_, dw = 150.0, TW - 44 - 150 - 12
            for k, (title, detail) in enumerate(steps):
                tb = rblocks(T, title, tw_, fst, extra={"box": True, "step": True})
                db = rblocks(T, detail, dw, dst, extra={"box": True})
                h = max(stack(tb), stack(db)) + 8
                num = "①②③④⑤⑥⑦"[k]
                last = k == len(steps) - 1

                def draw(P, x, y, tb=tb, db=db, h=h, num=num, last=last, fst=fst, tw_=tw_):
                    P.rect(x, y, TW, h, stroke=TEAL, fill=WHITE, width=1.0, radius=5)
                    P.text(x + 20, baseline(y + 4, fst), num, G, 15, ORANGE, True, "center")
                    yy = y + 4
                    for b in tb:
                        b.draw(P, x + 40, yy)
                        yy += b.h
                    yy = y + 4
                    for b in db:
                        b.draw(P, x + 44 + tw_, yy)
                        yy += b.h
                    if not last:
                        P.poly([(x + TW / 2 - 9, y + h + 2), (x + TW / 2 + 9, y + h + 2), (x + TW / 2, y + h + 10)],
                               fill=ORANGE)
                put(Block(h=h + 12, draw=draw, frags=[f for b in tb + db for f in b.frags]))
            state["y"] += 4
        elif kind == "term":
            tb = rblocks(T, it[1], TW, RStyle(size=11.5, leading=27, bold=True, color=TEAL),
                         extra={"heading": True, "term": True})
            first = tb[0]
            ofirst = first.draw

            def tdraw(P, x, y, o=ofirst):
                P.rect(x, baseline(y, BODY) - 10, 9, 9, stroke=None, fill=TEAL)
                o(P, x + 14, y)
            first.draw = tdraw
            db = rblocks(T, it[2], TW - 14, RStyle(size=11, leading=26), extra={"term": True})
            for b in db:
                ob = b.draw
                b.draw = lambda P, x, y, ob=ob: ob(P, x + 14, y)
            put_group(tb + db)
            state["y"] += 4
        elif kind == "contact":
            inner = rblocks(T, it[1], TW - 24, RStyle(size=12, leading=30, bold=True, color=WHITE),
                            extra={"heading": True, "contact": True})
            body = []
            for t in it[2]:
                body += rblocks(T, t, TW - 24, RStyle(size=11, leading=28), extra={"contact": True})
            hh = stack(inner)
            bh = stack(body)
            h = hh + bh + 14

            def draw(P, x, y, inner=inner, body=body, hh=hh, h=h):
                P.rect(x, y, TW, h, stroke=TEAL, width=1.4, radius=6)
                P.rect(x, y, TW, hh + 4, stroke=None, fill=TEAL, radius=6)
                yy = y + 2
                for b in inner:
                    b.draw(P, x + 12, yy)
                    yy += b.h
                yy += 8
                for b in body:
                    b.draw(P, x + 12, yy)
                    yy += b.h
            put(Block(h=h, draw=draw, frags=[f for b in inner + body for f in b.frags], sb=14))
        elif kind == "colophon":
            state["y"] += 10
            for t in it[1]:
                for b in rblocks(T, t, TW, RStyle(size=10, leading=25, color=GRAY, align="right")):
                    put(b)
        elif kind == "pagebreak":
            state["page"] = None
        else:
            raise KeyError(kind)

    # ------------------------------------------------------------ self-checks
    if where != EXPECT:
        raise AssertionError(f"akitsu-yasashii: sections land on {where}, the text and もくじ say {EXPECT}")
    long_t = [t for t in T.tables if len(set(t["row_pages"])) > 1]
    if len(long_t) != 1 or len(long_t[0]["rows"]) != 16:
        raise AssertionError(f"akitsu-yasashii: the desks table should continue on a second page: "
                             f"{[t['row_pages'] for t in T.tables]}")
    if not 5 <= len(doc.pages) <= 9:
        raise AssertionError(f"akitsu-yasashii: {len(doc.pages)} pages")
    return doc
