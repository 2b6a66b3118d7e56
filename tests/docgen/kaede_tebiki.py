"""kaede-tebiki.pdf: A4 portrait 設立の手引き (fictional かえで県), built for held-out tests.

Layout traps: cover without a number, はじめに / 目次 numbered i, ii (centred), body pages numbered with a
bare number at the OUTER corner (right on odd pages, left on even pages) and a running header with the
chapter title on the same outer side, chapter banners, 1-1 headings, a STEP flow chart drawn as boxes and
arrows with a side column of 県の支援, ポイント boxes, a 規約 example in a ruled box that crosses a page
break, ruled tables (one continues across a page with its header repeated, several with wrapped cells, one
with（単位：件）), a two-column section, ※ notes, Q1./A. pairs, a 参考事例 page with a comparison table and
case boxes.  /Title is set.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_kaede_tebiki as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 84.0, H - 70.0
WINE = (0.55, 0.12, 0.16)      # かえで (maple) red
OCHRE = (0.85, 0.55, 0.12)
PALE = (0.99, 0.95, 0.92)
GRAY = (0.4, 0.4, 0.4)
WHITE = (1, 1, 1)

P_ = Style(font=M, size=10.4, leading=18.6, indent=10.4, sa=2)
H2 = Style(size=12.2, leading=20, bold=True, color=WINE, sb=14, sa=4, keep_next=True)
H3 = Style(size=10.4, leading=17, bold=True, sb=6, keep_next=True)
LI = Style(font=M, size=10.4, leading=18, hang=10.4, sb=1)
NOTE = Style(size=8.6, leading=13.6, hang=8.6, sb=3, sa=2, color=(0.25, 0.25, 0.25))
TAB = {"size": 9.0, "leading": 13.2, "pad": 3.8, "header_fill": (0.96, 0.88, 0.86), "rule": (0.3, 0.3, 0.3),
       "caption_style": Style(size=9.8, leading=16, bold=True, sb=10, sa=2, keep_next=True),
       "note_style": Style(size=8.4, leading=13, hang=8.4, sb=2)}


def build() -> Doc:
    doc = Doc("kaede-tebiki.pdf", A4, C.TITLE, "A4 guidebook with outer-corner page numbers",
              meta_title=C.TITLE, author="かえで県 建築住宅部 住宅政策課")
    T = doc.truth
    state = {"chapter": None, "n": 0}

    def decor(P, info, when):
        if when != "over" or info["footer"] is None:
            return
        if info["header"] is None:  # front matter: centred roman numeral
            P.text(W / 2, H - 36, info["footer"], G, 9.5, BLACK, align="center")
            return
        odd = int(info["printed"]) % 2 == 1
        if odd:
            P.text(X1, 48, info["header"], G, 8.4, GRAY, align="right")
            P.text(X1 + 14, H - 34, info["footer"], G, 11, WINE, True, align="right")
        else:
            P.text(X0, 48, info["header"], G, 8.4, GRAY)
            P.text(X0 - 14, H - 34, info["footer"], G, 11, WINE, True)
        P.line(X0, 55, X1, 55, 0.5, (0.75, 0.6, 0.6))

    # ---- cover (no number)
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(0, 0, W, H, stroke=None, fill=PALE),
                          P.rect(0, 210, W, 6, stroke=None, fill=WINE),
                          P.rect(0, 470, W, 3, stroke=None, fill=OCHRE)))
    place_text(doc, pg, 70, 150, 400, [C.COVER["edition"]], Style(size=14, leading=22, color=WINE))
    sid = T.sentence(C.TITLE, heading=True)
    for k, ln in enumerate(C.COVER["title_lines"]):
        doc.place(pg, Block(h=48, draw=lambda P, x, y, ln=ln: P.text(x, y + 38, ln, G, 31, BLACK, True),
                            frags=[(sid, ln)]), 70, 270 + k * 56)
    place_text(doc, pg, 70, 410, W - 140, [C.COVER["subtitle"]], Style(size=13, leading=22, color=WINE))
    yy = H - 150
    for pub in C.COVER["publishers"]:
        place_text(doc, pg, 0, yy, W - 70, [pub], Style(size=13, leading=22, align="right"))
        yy += 26

    # ---- i: はじめに
    pg = doc.new_page(printed="i", footer="i", decor=decor)
    y = 92.0
    y += place_text(doc, pg, X0, y, X1 - X0, [C.PREFACE_TITLE], H2.but(size=16, leading=28, sa=14), heading=True)
    for para in C.PREFACE:
        y += place_text(doc, pg, X0, y, X1 - X0, split_sentences(para), P_.but(leading=21, sa=8))
    y += 30
    for s in C.PREFACE_SIGN:
        y += place_text(doc, pg, X0, y, X1 - X0, [s], Style(font=M, size=10.4, leading=20, align="right"))

    # ---- ii: 目次
    toc = doc.new_page(printed="ii", footer="ii", is_toc=True, decor=decor)
    y = 92.0
    y += place_text(doc, toc, X0, y, X1 - X0, ["目次"], H2.but(size=16, leading=28, sa=14), heading=True)
    entries = []
    for it in C.BODY:
        if it[0] == "chapter":
            entries.append((f"{it[1]}　{it[2]}", 0))
        elif it[0] == "h2":
            entries.append((it[1], 1))
    xr = X1 - 10
    for text, lvl in entries:
        st = Style(size=11.4, leading=25, bold=True) if lvl == 0 else Style(font=M, size=10.4, leading=21)
        x = X0 + 10 + (22 if lvl else 0)
        sid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st):
            target = next(i for i, s in enumerate(T.sentences)
                          if s["text"] == text and s.get("heading") and not s.get("toc"))
            num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, BLACK, st.bold)
            tw = sw(text, st.font, st.size) + 8
            dot = sw("…", G, 8.5)
            n = int((xr - xx - tw - 20) / dot)
            P.text(xx + tw, bl, "…" * n, G, 8.5, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        gap = 8 if lvl == 0 else 0
        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(sid, text)]), x, y + gap)
        y += st.leading + gap
    place_text(doc, toc, X0 + 10, y + 24, X1 - X0 - 20,
               ["※本文中の「県」はかえで県を、「協議会」は居住支援協議会を指します。"], NOTE, extra={"note": True})

    # ---- body
    def body_page() -> int:
        state["n"] += 1
        n = state["n"]
        return doc.new_page(printed=str(n), header=state["chapter"], footer=str(n), decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), body_page, ncols=1, gutter=22, col_rule=(0.8, 0.7, 0.7))
    def h2_deco(P, x, y, w, h):
        P.rect(x, y + 3, 6, h - 9, stroke=None, fill=WINE)
        P.line(x, y + h - 3, x + w, y + h - 3, 0.6, (0.8, 0.6, 0.6))

    for it in C.BODY:
        kind = it[0]
        fw = flow.width
        if kind == "chapter":
            _chapter(flow, T, state, it[1], it[2])
        elif kind == "h2":
            flow.add_all(decorate(line_blocks(T, [it[1]], fw, H2.but(indent=12, hang=12), heading=True), h2_deco, fw))
        elif kind == "h3":
            flow.add_all(line_blocks(T, [it[1]], fw, H3, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
        elif kind == "note":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, NOTE, extra={"note": True}))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), fw, LI.but(sb=4 if k == 0 else 1), extra={"item": True}))
        elif kind == "point":
            flow.add(box_block(T, "ポイント", it[1], fw, Style(size=9.6, leading=15.6), Style(size=9.8, leading=14, bold=True),
                               fill=(1.0, 0.97, 0.88), border=OCHRE, pad=9, sb=10, bullet_hang=9.6))
        elif kind == "case":
            flow.add(box_block(T, it[1], it[2], fw, Style(font=M, size=9.8, leading=16.6, indent=9.8),
                               Style(size=10.2, leading=16, bold=True), fill=(0.97, 0.97, 0.97), border=WINE,
                               pad=10, sb=12))
        elif kind == "table":
            flow.add_table(TableSpec(**{**TAB, **it[1]}))
            flow.vspace(4)
        elif kind == "flow":
            _flowchart(flow, T, it[1], it[2])
        elif kind == "kiyaku":
            flow.add_all(_kiyaku(T, it[1], it[2], fw))
        elif kind == "qa":
            flow.add_all(line_blocks(T, [it[1]], fw, Style(size=10.4, leading=18, bold=True, color=WINE, hang=10.4 * 2.6,
                                                           sb=8, keep_next=True), extra={"q": True}))
            flow.add_all(line_blocks(T, split_sentences(it[2]), fw, Style(font=M, size=10.2, leading=17.6,
                                                                          indent=0, hang=10.2 * 2), extra={"a": True}))
        elif kind == "term":
            flow.add_all(line_blocks(T, ["■" + it[1]], fw, H3.but(color=WINE, sb=8), heading=True))
            flow.add_all(line_blocks(T, split_sentences(it[2]), fw, P_.but(indent=0, hang=0), extra={"definition": True}))
        elif kind == "cols":
            flow.set_columns(it[1], gap=8)
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "vspace":
            flow.vspace(it[1])
        else:
            raise KeyError(kind)
    flow.finish()
    return doc


def _chapter(flow: Flow, T, state, label: str, title: str) -> None:
    flow.page_break()
    state["chapter"] = f"{label}　{title}"
    sid = T.sentence(f"{label}　{title}", heading=True)
    wd = flow.width

    def draw(P, x, y):
        P.rect(x, y, 86, 58, stroke=None, fill=WINE)
        P.text(x + 43, y + 37, label, G, 17, WHITE, True, "center")
        P.rect(x + 86, y, wd - 86, 58, stroke=None, fill=PALE)
        P.line(x + 86, y + 58, x + wd, y + 58, 1.4, WINE)
        P.text(x + 104, y + 38, title, G, 19, WINE, True)

    flow.add(Block(h=70, draw=draw, frags=[(sid, label), (sid, title)]))


def _flowchart(flow: Flow, T, caption: str, steps) -> None:
    wd = flow.width
    cap = line_blocks(T, [caption], wd, Style(size=9.8, leading=16, bold=True, sb=10, sa=4, keep_next=True),
                      extra={"caption": True, "figure": True})
    for b in cap:
        b.keep_next = True
    flow.add_all(cap)
    hdr = ["取り組むこと", "目安の期間", "県の支援"]
    hsid = [T.sentence(h, heading=True, figure=True) for h in hdr]
    rows = []
    for label, text, period, support in steps:
        rows.append((T.sentence(f"{label}　{text}", figure=True), label, text,
                     T.sentence(period, figure=True), period, T.sentence(support, figure=True), support))
    rh, gap, hh = 36.0, 16.0, 20.0
    lab_w, main_w, per_w = 58.0, 190.0, 62.0
    side_x = lab_w + main_w + per_w + 30
    side_w = wd - side_x
    h = hh + len(rows) * rh + (len(rows) - 1) * gap + 6

    def draw(P, x, y):
        P.text(x + lab_w + main_w / 2, y + 13, hdr[0], G, 8.6, GRAY, True, "center")
        P.text(x + lab_w + main_w + per_w / 2 + 6, y + 13, hdr[1], G, 8.6, GRAY, True, "center")
        P.text(x + side_x + side_w / 2, y + 13, hdr[2], G, 8.6, GRAY, True, "center")
        P.rect(x + side_x - 6, y + hh - 4, side_w + 6, h - hh + 4, stroke=OCHRE, fill=None, width=0.8,
               dash=([3, 2], 0), radius=4)
        for k, (_s, label, text, _p, period, _q, support) in enumerate(rows):
            yy = y + hh + k * (rh + gap)
            P.rect(x, yy, lab_w, rh, stroke=None, fill=WINE, radius=3)
            P.text(x + lab_w / 2, yy + rh / 2 + 4, label, G, 11, WHITE, True, "center")
            P.rect(x + lab_w, yy, main_w, rh, stroke=WINE, fill=WHITE, width=1.0)
            P.text(x + lab_w + 10, yy + rh / 2 + 4, text, G, 10.2, BLACK, True)
            P.text(x + lab_w + main_w + per_w / 2 + 6, yy + rh / 2 + 4, period, G, 9.6, BLACK, False, "center")
            # support box with a dashed arrow pointing at the step
            sx = x + side_x
            P.rect(sx, yy + 5, side_w - 6, rh - 10, stroke=OCHRE, fill=(1.0, 0.97, 0.88), width=0.8, radius=3)
            P.text(sx + 6, yy + rh / 2 + 3.5, support, G, 8.4, BLACK)
            ax = x + lab_w + main_w + per_w + 10
            P.line(sx - 2, yy + rh / 2, ax + 6, yy + rh / 2, 0.8, OCHRE, dash=([2, 2], 0))
            P.poly([(ax + 6, yy + rh / 2 - 3.5), (ax, yy + rh / 2), (ax + 6, yy + rh / 2 + 3.5)], fill=OCHRE)
            if k < len(rows) - 1:
                cx = x + lab_w + main_w / 2
                P.line(cx, yy + rh + 1, cx, yy + rh + gap - 6, 2.2, WINE)
                P.poly([(cx - 6, yy + rh + gap - 7), (cx + 6, yy + rh + gap - 7), (cx, yy + rh + gap - 1)], fill=WINE)

    frags = [(hsid[0], hdr[0]), (hsid[1], hdr[1]), (hsid[2], hdr[2])]
    for s1, label, text, s2, period, s3, support in rows:
        frags += [(s1, label), (s1, text), (s2, period), (s3, support)]
    flow.add(Block(h=h, draw=draw, frags=frags, sb=4))


def _kiyaku(T, title: str, lines, width: float) -> list[Block]:
    """A ruled box drawn line by line, so it can break across pages."""
    pad = 12.0
    inner = width - 2 * pad
    sz = 9.8
    styles = {
        "title": Style(font=M, size=10.6, leading=19, bold=True, align="center", sb=4),
        "cap": Style(font=M, size=sz, leading=16.4, indent=sz, sb=3),
        "art": Style(font=M, size=sz, leading=16.4, hang=sz),
        "item": Style(font=M, size=sz, leading=16.4, indent=sz, hang=sz * 3),
    }
    parts: list[Block] = []
    tsid = T.sentence(title, heading=True, box=True)
    for kind, text in lines:
        st = styles[kind]
        bl = line_blocks(T, split_sentences(text), inner, st, heading=kind in ("title", "cap"), extra={"box": True})
        if bl and bl[0].sb:
            bl[0].h += bl[0].sb  # the box draws its own background: keep the gap inside the block
            bl[0].sb = 0.0
            orig = bl[0].draw
            bl[0].draw = lambda P, x, y, orig=orig, d=st.sb: orig(P, x, y + d)
        parts.extend(bl)
    out: list[Block] = []
    tab_h = 22.0
    n = len(parts)
    for k, b in enumerate(parts):
        top = tab_h if k == 0 else 0.0
        bottom = pad if k == n - 1 else 0.0
        h = top + b.h + bottom

        def draw(P, x, y, b=b, top=top, bottom=bottom, h=h, first=k == 0, last=k == n - 1):
            P.rect(x, y, width, h, stroke=None, fill=(0.985, 0.985, 0.975))
            P.line(x, y, x, y + h, 0.9, GRAY)
            P.line(x + width, y, x + width, y + h, 0.9, GRAY)
            if first:
                P.line(x, y, x + width, y, 0.9, GRAY)
                P.rect(x, y, sw(title, G, 9.6) + 20, 17, stroke=None, fill=GRAY)
                P.text(x + 10, y + 12.5, title, G, 9.6, WHITE, True)
            if last:
                P.line(x, y + h, x + width, y + h, 0.9, GRAY)
            b.draw(P, x + pad, y + top)

        frags = ([(tsid, title)] if k == 0 else []) + b.frags
        out.append(Block(h=h, draw=draw, frags=frags, sb=10.0 if k == 0 else 0.0))
    return out
