"""mizunagi-tebiki.pdf: 市町村居住支援協議会 設立・運営の手引き（第2版） (fictional みずなぎ県), held-out set BLIND35.

A4 portrait guidebook in one column.  Cover without a number; 目次 page without a number whose page numbers are
CHAPTER-PAGE labels (「1-1」 … 「3-2」, 「資-1」), computed from the layout; body pages carry the label centred in the
footer (the printed label, never the PDF page number) and a running header of two pieces on one line (the guide's
short title left, the current chapter right).  Section headings have NO numbers: they differ from sub-headings
only by size / colour / weight (h2 13.5 pt navy, h3 10.8 pt black).  Three ruled tables drawn by this module with a
TWO-LINE header whose second line is the unit (「金額」 / 「（千円）」, 「相談件数」 / 「令和6年度（件）」; the truth header is
flattened), ※ markers INSIDE cells (「600※1」, 「15※2」) explained by notes under the table; 表2-1 has a 区分 column
whose label is printed once, vertically centred over its rows and its shaded 小計 row (no rules inside the column);
表1-1 ends with a 合計 row whose label spans two columns.  Speech BUBBLES (先輩担当者の声): rounded boxes with a tail
pointing at a round icon, the speaker's municipality and division under the icon, alternating left / right.
ポイント / 注意 boxes; dates in 和暦 with 西暦 in brackets, or in 西暦 only; some prose digits are full-width.
The 資料編 page switches from one column (Q&A) to TWO columns (用語集) and back to one column (contact box) on the
same page.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_mizunagi_tebiki as C
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
    wrap,
)
from .kit import box_block

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 80.0, H - 66.0
NAVY = (0.11, 0.23, 0.42)
SKY = (0.55, 0.70, 0.86)
PALE = (0.92, 0.95, 0.99)
GRAY = (0.42, 0.42, 0.42)
WHITE = (1, 1, 1)
ORANGE = (0.86, 0.47, 0.12)
RED = (0.74, 0.16, 0.14)

RUN_LEFT = "市町村居住支援協議会 設立・運営の手引き（第2版）"

P_ = Style(font=M, size=10.2, leading=18.0, indent=10.2, sa=2)
H2 = Style(size=13.5, leading=22, bold=True, color=NAVY, sb=14, sa=3, keep_next=True)
H3 = Style(size=10.8, leading=18, bold=True, sb=7, keep_next=True)
LI = Style(font=M, size=10.2, leading=17.4, indent=10.2, hang=10.2 * 3, sb=1)
NOTE = Style(size=8.4, leading=12.8, hang=8.4 * 2.5, sb=2)


class MDoc(Doc):
    """Doc that also records the rows of a merged table group drawn as one block."""

    def place(self, page, block, x, y):
        super().place(page, block, x, y)
        rows = getattr(block, "rows", None)
        if rows and block.table is not None:
            for r in rows:
                self.truth.tables[block.table]["row_pages"][r] = page


# --------------------------------------------------------------------------- tables with a two-line header

def _flat(lines: list[str]) -> str:
    if len(lines) == 1:
        return lines[0]
    return lines[0] + ("" if lines[1].startswith("（") else " ") + lines[1]


def mtable_parts(doc: Doc, spec: dict, width: float, size: float = 8.8, leading: float = 12.6, pad: float = 3.6,
                 header_fill=(0.86, 0.90, 0.96), sub_fill=(0.93, 0.94, 0.96), grand_fill=(0.84, 0.87, 0.93)):
    """Caption blocks, header factory, row blocks (a group with a merged label = one block), note blocks."""
    T = doc.truth
    tot = sum(spec["widths"])
    colw = [w * width / tot for w in spec["widths"]]
    align = spec["align"]
    st = Style(size=size, leading=leading)
    hst = Style(size=size, leading=leading, bold=True)
    cap_st = Style(size=size + 1.0, leading=leading + 4, bold=True, sb=8, sa=1, keep_next=True)
    caps = line_blocks(T, [spec["caption"]], width, cap_st, extra={"caption": True})
    for b in caps:
        b.keep_next = True
    header_flat = [_flat(h) for h in spec["header"]]
    truth_rows: list[list[str]] = []
    layout: list[tuple] = []  # ("group", label, [(cells, kind)], [row idx]) | ("row", cells, idx, kind)
    for g in spec["groups"]:
        if g.get("label"):
            items, idxs = [], []
            for r in g["rows"]:
                truth_rows.append([g["label"]] + r)
                idxs.append(len(truth_rows) - 1)
                items.append((r, "row"))
            if g.get("total"):
                truth_rows.append([g["label"]] + g["total"])
                idxs.append(len(truth_rows) - 1)
                items.append((g["total"], "sub"))
            layout.append(("group", g["label"], items, idxs))
        else:
            for r in g["rows"]:
                truth_rows.append(list(r))
                layout.append(("row", r, len(truth_rows) - 1, "row"))
    for r in spec.get("tail", []):
        truth_rows.append(list(r))
        layout.append(("tail", r, len(truth_rows) - 1, "tail"))
    if spec.get("grand"):
        truth_rows.append(list(spec["grand"]))
        layout.append(("grand", spec["grand"], len(truth_rows) - 1, "grand"))
    tid = T.table(spec["caption"], spec.get("unit"), header_flat, truth_rows)
    for b in caps:
        b.table = tid

    def cell_lines(text: str, w: float, style: Style) -> list[str]:
        ls = wrap([(ch, -1) for ch in text], w - 2 * pad, style, hang_punct=False) or [[]]
        return ["".join(u[0] for u in ln) for ln in ls]

    def draw_cells(P, x, y, cells, widths, aligns, h, fill=None, bold=False):
        total = sum(widths)
        if fill:
            P.rect(x, y, total, h, stroke=None, fill=fill)
        P.line(x, y, x + total, y, 0.6, (0.3, 0.3, 0.3))
        P.line(x, y + h, x + total, y + h, 0.6, (0.3, 0.3, 0.3))
        xx = x
        for j, cell in enumerate(cells):
            P.line(xx, y, xx, y + h, 0.6, (0.3, 0.3, 0.3))
            lines = cell_lines(cell, widths[j], st)
            a = aligns[j]
            top = y + (h - len(lines) * leading) / 2
            for k, t in enumerate(lines):
                bl = baseline_of(top + k * leading, st)
                if a == "c":
                    P.text(xx + widths[j] / 2, bl, t, G, size, BLACK, bold, "center")
                elif a == "r":
                    P.text(xx + widths[j] - pad, bl, t, G, size, BLACK, bold, "right")
                else:
                    P.text(xx + pad, bl, t, G, size, BLACK, bold)
            xx += widths[j]
        P.line(xx, y, xx, y + h, 0.6, (0.3, 0.3, 0.3))

    def row_h(cells, widths) -> float:
        return max(len(cell_lines(c, widths[j], st)) for j, c in enumerate(cells)) * leading + 2 * pad

    def header_block() -> Block:
        nl = max(len(h) for h in spec["header"])
        hh = nl * leading + 2 * pad

        def draw(P, x, y):
            P.rect(x, y, sum(colw), hh, stroke=None, fill=header_fill)
            P.line(x, y, x + sum(colw), y, 0.6, (0.3, 0.3, 0.3))
            P.line(x, y + hh, x + sum(colw), y + hh, 0.6, (0.3, 0.3, 0.3))
            xx = x
            for j, lines in enumerate(spec["header"]):
                P.line(xx, y, xx, y + hh, 0.6, (0.3, 0.3, 0.3))
                top = y + (hh - len(lines) * leading) / 2
                for k, t in enumerate(lines):
                    sz = size if k == 0 else size - 0.8
                    P.text(xx + colw[j] / 2, baseline_of(top + k * leading, hst), t, G, sz, BLACK, k == 0, "center")
                xx += colw[j]
            P.line(xx, y, xx, y + hh, 0.6, (0.3, 0.3, 0.3))

        b = Block(h=hh, draw=draw, table=tid, keep_next=True)
        return b

    blocks: list[Block] = []
    for it in layout:
        if it[0] == "row":
            cells, idx = it[1], it[2]
            h = row_h(cells, colw)
            b = Block(h=h, draw=lambda P, x, y, c=cells, h=h: draw_cells(P, x, y, c, colw, align, h), table=tid, row=idx)
            blocks.append(b)
        elif it[0] in ("grand", "tail"):
            cells = it[1]
            span = spec.get("grand_span", 1)
            widths = [sum(colw[:span])] + colw[span:]
            cs = [cells[0]] + cells[span:]
            al = ["c"] + align[span:]
            h = row_h(cs, widths)
            g = it[0] == "grand"
            b = Block(h=h, draw=lambda P, x, y, c=cs, w=widths, a=al, h=h, g=g: draw_cells(
                P, x, y, c, w, a, h, grand_fill if g else None, g), table=tid, row=it[2])
            blocks.append(b)
        else:
            label, items, idxs = it[1], it[2], it[3]
            widths = colw[1:]
            heights = [row_h(c, widths) for c, _k in items]
            gh = sum(heights)

            def draw(P, x, y, label=label, items=items, heights=heights, gh=gh, widths=widths):
                lw = colw[0]
                P.rect(x, y, lw, gh, stroke=None, fill=(0.96, 0.97, 0.99))
                P.line(x, y, x + lw, y, 0.6, (0.3, 0.3, 0.3))
                P.line(x, y + gh, x + lw, y + gh, 0.6, (0.3, 0.3, 0.3))
                P.line(x, y, x, y + gh, 0.6, (0.3, 0.3, 0.3))
                P.text(x + lw / 2, baseline_of(y + (gh - leading) / 2, st), label, G, size + 0.4, BLACK, True, "center")
                yy = y
                for (cells, kind), h in zip(items, heights, strict=True):
                    al = align[1:]
                    if kind == "sub":
                        al = ["c"] + align[2:]
                    draw_cells(P, x + lw, yy, cells, widths, al, h, sub_fill if kind == "sub" else None, kind == "sub")
                    yy += h

            b = Block(h=gh, draw=draw, table=tid)
            b.rows = idxs
            blocks.append(b)
    notes: list[Block] = []
    for i, n in enumerate(spec.get("notes", [])):
        notes.extend(line_blocks(T, split_sentences(n), width, NOTE.but(sb=4 if i == 0 else 0), extra={"note": True}))
    return caps, header_block, blocks, notes


def add_mtable(flow: Flow, spec: dict, **kw) -> None:
    caps, header, rows, notes = mtable_parts(flow.doc, spec, flow.width, **kw)
    for b in caps:
        flow.add(b)
    flow.add(header())
    for i, r in enumerate(rows):
        flow.add(r)
        if i == 0:
            flow.flush()
            flow.repeat = header
    flow.flush()
    flow.repeat = None
    for n in notes:
        flow.add(n)


# --------------------------------------------------------------------------- speech bubbles

def bubble_block(T, speaker: str, side: str, sentences: list[str], width: float) -> Block:
    icon_d = 36.0
    icon_col = 64.0
    tail = 10.0
    bw = width - icon_col - 46.0
    pad = 9.0
    st = Style(size=9.6, leading=15.6)
    parts = line_blocks(T, sentences, bw - 2 * pad, st, extra={"box": True, "bubble": True})
    bh = sum(b.h for b in parts) + 2 * pad
    ssid = T.sentence(speaker, speaker=True)
    muni, dept = speaker.split("　")
    h = max(bh, icon_d + 30.0)

    def draw(P, x, y):
        if side == "L":
            ix = x + (icon_col - icon_d) / 2
            bx = x + icon_col + tail
        else:
            ix = x + width - icon_col + (icon_col - icon_d) / 2
            bx = x + width - icon_col - tail - bw
        cx = ix + icon_d / 2
        # icon: a simple person in a circle
        P.c.setFillColorRGB(*PALE)
        P.c.setStrokeColorRGB(*SKY)
        P.c.setLineWidth(1.2)
        P.c.circle(cx, P.H - (y + icon_d / 2), icon_d / 2, stroke=1, fill=1)
        P.c.setFillColorRGB(*SKY)
        P.c.circle(cx, P.H - (y + icon_d * 0.38), icon_d * 0.15, stroke=0, fill=1)
        P.c.wedge(cx - icon_d * 0.28, P.H - (y + icon_d * 0.95), cx + icon_d * 0.28, P.H - (y + icon_d * 0.5), 0, 180,
                  stroke=0, fill=1)
        P.text(cx, y + icon_d + 11, muni, G, 7.6, NAVY, True, "center")
        P.text(cx, y + icon_d + 22, dept, G, 7.2, GRAY, False, "center")
        # bubble with a tail towards the icon
        P.rect(bx, y, bw, bh, stroke=SKY, fill=(0.97, 0.985, 1.0), width=1.1, radius=9)
        ty = y + 16
        if side == "L":
            P.poly([(bx + 0.8, ty - 6), (bx + 0.8, ty + 6), (bx - tail, ty + 1)], fill=(0.97, 0.985, 1.0))
            P.line(bx, ty - 6, bx - tail, ty + 1, 1.1, SKY)
            P.line(bx - tail, ty + 1, bx, ty + 6, 1.1, SKY)
        else:
            P.poly([(bx + bw - 0.8, ty - 6), (bx + bw - 0.8, ty + 6), (bx + bw + tail, ty + 1)], fill=(0.97, 0.985, 1.0))
            P.line(bx + bw, ty - 6, bx + bw + tail, ty + 1, 1.1, SKY)
            P.line(bx + bw + tail, ty + 1, bx + bw, ty + 6, 1.1, SKY)
        yy = y + pad
        for b in parts:
            b.draw(P, bx + pad, yy)
            yy += b.h

    frags = [(ssid, muni), (ssid, dept)] + [f for b in parts for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=10)


def voices_tag(T, text: str, width: float) -> Block:
    sid = T.sentence(text, heading=True, box=True)
    tw = sw(text, G, 10.0) + 34

    def draw(P, x, y):
        P.rect(x, y + 4, tw, 20, stroke=None, fill=ORANGE, radius=10)
        P.c.setFillColorRGB(*WHITE)
        P.c.circle(x + 12, P.H - (y + 14), 4, stroke=0, fill=1)
        P.text(x + 22, y + 18.5, text, G, 10.0, WHITE, True)

    return Block(h=28, draw=draw, frags=[(sid, text)], sb=12, keep_next=True)


# --------------------------------------------------------------------------- build

def build() -> Doc:
    doc = MDoc("mizunagi-tebiki.pdf", A4, C.TITLE, "A4 guidebook, chapter-page labels 「2-3」, unnumbered headings",
               meta_title=None, author="みずなぎ県 土木部 住宅政策課")
    T = doc.truth
    state = {"chap": None, "k": 0, "title": ""}

    def decor(P, info, when):
        if when != "over" or info["footer"] is None:
            return
        left, right = info["header"].split("　", 1)
        P.text(X0, 50, left, G, 7.8, GRAY)
        P.text(X1, 50, right, G, 7.8, NAVY, True, "right")
        P.line(X0, 56, X1, 56, 0.7, SKY)
        P.line(W / 2 - 30, H - 48, W / 2 + 30, H - 48, 0.5, SKY)
        P.text(W / 2, H - 34, info["footer"], G, 10, BLACK, False, "center")

    # ---- cover
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(0, 0, W, 250, stroke=None, fill=NAVY),
                          P.rect(0, 250, W, 6, stroke=None, fill=SKY),
                          P.rect(0, H - 120, W, 120, stroke=None, fill=PALE)))
    place_text(doc, pg, 70, 150, 300, [C.COVER["edition"]], Style(size=13, leading=20, color=WHITE))
    bsid = T.sentence(C.COVER["badge"], heading=True)

    def badge(P, x, y):
        P.c.setFillColorRGB(*ORANGE)
        P.c.circle(x + 34, P.H - (y + 34), 34, stroke=0, fill=1)
        P.text(x + 34, y + 41, C.COVER["badge"], G, 17, WHITE, True, "center")
    doc.place(pg, Block(h=68, draw=badge, frags=[(bsid, C.COVER["badge"])]), W - 160, 60)
    sid = T.sentence(C.TITLE.replace("（第2版）", ""), heading=True)
    for k, ln in enumerate(C.COVER["title_lines"]):
        doc.place(pg, Block(h=44, draw=lambda P, x, y, ln=ln: P.text(x, y + 36, ln, G, 29, NAVY, True),
                            frags=[(sid, ln)]), 70, 300 + k * 54)
    place_text(doc, pg, 70, 420, W - 140, [C.COVER["subtitle"]], Style(size=12.5, leading=20, color=NAVY))
    yy = H - 98
    for pub in C.COVER["publishers"]:
        place_text(doc, pg, 0, yy, W - 70, [pub], Style(size=12.5, leading=20, align="right"))
        yy += 26

    # ---- 目次 (no number); page labels computed from the layout at draw time
    toc = doc.new_page(is_toc=True)
    place_text(doc, toc, X0, 84, X1 - X0, ["目次"], Style(size=19, leading=28, bold=True, color=NAVY), heading=True)
    doc.op(toc, lambda P: P.line(X0, 118, X1, 118, 1.4, NAVY))
    y = 134.0
    entries = []
    for it in C.BODY:
        if it[0] == "chapter":
            entries.append((f"{it[2]}　{it[3]}", 0))
        elif it[0] == "h2":
            entries.append((it[1], 1))
    xr = X1 - 6
    for text, lvl in entries:
        st = Style(size=11.6, leading=24, bold=True, color=NAVY) if lvl == 0 else Style(font=M, size=10.4, leading=20.5)
        x = X0 + 6 + (26 if lvl else 0)
        tsid = T.sentence(text, heading=True, toc=True)
        nth = sum(1 for t, _l in entries[:entries.index((text, lvl))] if t == text)

        def draw(P, xx, yy, text=text, st=st, nth=nth):
            targets = [i for i, s in enumerate(T.sentences) if s["text"] == text and s.get("heading")
                       and not s.get("toc")]
            num = doc.pages[min(T.sentences[targets[nth]]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, st.color, st.bold)
            tw = sw(text, st.font, st.size) + 6
            dot = sw("・", G, 8.5)
            n = int((xr - xx - tw - 26) / dot)
            P.text(xx + tw, bl, "・" * n, G, 8.5, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        gap = 10 if lvl == 0 else 0
        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(tsid, text)]), x, y + gap)
        y += st.leading + gap
    y += 18
    for n in C.TOC_NOTES:
        y += place_text(doc, toc, X0 + 6, y, X1 - X0 - 12, [n], NOTE, extra={"note": True})

    # ---- body
    def body_page() -> int:
        state["k"] += 1
        label = f"{state['chap']}-{state['k']}"
        return doc.new_page(printed=label, header=f"{RUN_LEFT}　{state['title']}", footer=label, decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), body_page, ncols=1, gutter=22)
    first = True
    for it in C.BODY:
        kind = it[0]
        fw = flow.width
        if kind == "chapter":
            if not first:
                flow.page_break()
            first = False
            state.update(chap=it[1], k=0, title=f"{it[2]}　{it[3]}")
            flow.add(_chapter(T, it[2], it[3], fw))
        elif kind == "h2":
            flow.add_all(line_blocks(T, [it[1]], fw, H2, heading=True))
        elif kind == "h3":
            flow.add_all(line_blocks(T, [it[1]], fw, H3, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                st = LI.but(sb=3 if k == 0 else 1, indent=0 if t.startswith("・") else 10.2,
                            hang=10.2 if t.startswith("・") else 10.2 * 3)
                flow.add_all(line_blocks(T, split_sentences(t), fw, st, extra={"item": True}))
        elif kind == "mtable":
            add_mtable(flow, it[1])
            flow.vspace(4)
        elif kind == "table":
            flow.add_table(TableSpec(**it[1], size=8.8, leading=12.6, pad=3.6, header_fill=(0.86, 0.90, 0.96),
                                     caption_style=Style(size=9.8, leading=16.6, bold=True, sb=8, sa=1, keep_next=True)))
            flow.vspace(4)
        elif kind == "voices":
            flow.add(voices_tag(T, it[1], fw))
        elif kind == "bubbles":
            for spk, side, sents in it[1]:
                flow.add(bubble_block(T, spk, side, sents, fw))
            flow.vspace(6)
        elif kind == "point":
            flow.add(box_block(T, "ポイント", it[1], fw, Style(size=9.6, leading=15.6, hang=9.6),
                               Style(size=9.8, leading=14, bold=True), fill=(0.95, 0.97, 1.0), border=NAVY,
                               pad=9, sb=10, bullet_hang=9.6))
        elif kind == "caution":
            flow.add(box_block(T, "注意", it[1], fw, Style(size=9.6, leading=15.6, hang=9.6),
                               Style(size=9.8, leading=14, bold=True), fill=(1.0, 0.95, 0.94), border=RED,
                               pad=9, sb=12, bullet_hang=9.6))
        elif kind == "qa":
            flow.add_all(line_blocks(T, [it[1]], fw, Style(size=10.2, leading=17.6, bold=True, color=NAVY,
                                                           hang=10.2 * 2.2, sb=8, keep_next=True), extra={"q": True}))
            flow.add_all(line_blocks(T, split_sentences(it[2]), fw, Style(font=M, size=10.0, leading=17.0,
                                                                          hang=10.0 * 2.2), extra={"a": True}))
        elif kind == "glossary":
            flow.set_columns(2, gap=6)
            gw = flow.width
            for term, text in it[1]:
                flow.add_all(line_blocks(T, [term], gw, Style(size=9.6, leading=15, bold=True, color=NAVY, sb=5,
                                                             keep_next=True), heading=True, extra={"term": True}))
                flow.add_all(line_blocks(T, split_sentences(text), gw, Style(font=M, size=8.9, leading=13.8,
                                                                             indent=8.9, sa=1), extra={"glossary": True}))
            flow.set_columns(1, gap=8)
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "contact":
            flow.add(_contact(T, it[1], it[2], flow.width))
        else:
            raise KeyError(kind)
    flow.finish()
    return doc


def _chapter(T, label: str, title: str, width: float) -> Block:
    sid = T.sentence(f"{label}　{title}", heading=True)

    def draw(P, x, y):
        P.rect(x, y, width, 44, stroke=None, fill=NAVY)
        P.rect(x, y + 44, width, 3, stroke=None, fill=SKY)
        lw = sw(label, G, 14) + 24
        P.rect(x + 10, y + 8, lw, 28, stroke=None, fill=WHITE, radius=14)
        P.text(x + 10 + lw / 2, y + 27, label, G, 14, NAVY, True, "center")
        P.text(x + lw + 26, y + 29, title, G, 17, WHITE, True)

    return Block(h=58, draw=draw, frags=[(sid, label), (sid, title)], keep_next=True)


def _contact(T, title: str, lines: list[str], width: float) -> Block:
    pad = 11.0
    tsid = T.sentence(title, heading=True, box=True)
    parts: list[Block] = []
    for k, ln in enumerate(lines):
        st = Style(size=9.8 if k % 2 == 0 else 9.6, leading=16, bold=k % 2 == 0, indent=0 if k % 2 == 0 else 14,
                   sb=5 if k and k % 2 == 0 else 0)
        parts.extend(line_blocks(T, [ln], width - 2 * pad, st, extra={"box": True, "contact": True}))
    th = 24.0
    h = th + sum(b.h + b.sb for b in parts) + pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=NAVY, fill=WHITE, width=1.2, radius=4)
        P.rect(x, y, width, 20, stroke=None, fill=NAVY, radius=4)
        P.text(x + 12, y + 14, title, G, 10.2, WHITE, True)
        yy = y + th
        for b in parts:
            yy += b.sb
            b.draw(P, x + pad, yy)
            yy += b.h

    frags = [(tsid, title)] + [f for b in parts for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=14)
