"""sazanami-keikaku.pdf: 「さざなみ県賃貸住宅供給促進計画（第2期）」 excerpt (cover, 目次, 第3章), A4 portrait
(fictional さざなみ県).

Layout traps: an EXCERPT, so the body pages carry the plan's own page numbers 「- 23 -」… (the first body page is
the third PDF page) and the 目次 lists chapters that are not in the file (第1章, 第2章, 第4章, 資料編); cover without
a number (with a 「第3章 抜粋」 tag), 目次 numbered 「i」 with dotted leaders; running header (the plan's name, left,
over a rule) and footer 「- n -」 centred from the first body page; chapter banner, 第n節 headings with a bar,
「1　…」 and 「（1）…」 headings; long prose paragraphs in Mincho that run across page breaks; footnotes ※1–※5 at the
page foot under a short rule (registered after the page's body text; flags `note`, `footnote`); a 施策体系図 drawn
with boxes and elbow connector lines in three columns (基本目標 → 施策の方向 → 主な施策), each box's text wrapped
inside it (pdfplumber reads across the three columns on one line, so most box texts come out only in pieces;
registered as sentences with flag `chart`, tree order); 表3-1 statistics with the unit line at the right of the
caption, △ for decreases, 注） and 資料： lines; 表3-2 成果指標 (指標｜現状値（年度）｜目標値（年度）, wrapped 指標
cells); a コラム box. No /Title.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_sazanami_keikaku as C
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
from .kit import box_block, decorate

W, H = A4
X0, X1 = 64.0, W - 64.0
TW = X1 - X0
TOP, BOTTOM = 80.0, H - 66.0
GREEN = (0.0, 0.42, 0.38)
LGREEN = (0.9, 0.96, 0.94)
GRAY = (0.4, 0.4, 0.4)
WHITE = (1, 1, 1)

BODY = Style(font=M, size=10.3, leading=18.6, indent=10.3, sa=4)
SEC = Style(size=13.2, leading=24, bold=True, color=GREEN, sb=16, sa=8, indent=12)
HH = Style(size=11.4, leading=20, bold=True, sb=12, sa=3)
SUB = Style(size=10.5, leading=18.6, bold=True, sb=7, sa=1, hang=31)
FOOT = Style(font=M, size=8.2, leading=12.6, hang=16.4, color=(0.2, 0.2, 0.2))
MARK = re.compile(r"※(\d)")


def _diagram(T, width: float) -> list[Block]:
    """図3-1 施策体系図: boxes in three columns joined by elbow connectors; returns [caption, diagram]."""
    cap_st = Style(size=10, leading=18, bold=True, align="center", sb=10, sa=4)
    cap = line_blocks(T, ["図3-1　施策体系図"], width, cap_st, extra={"caption": True})
    gx, gw = 0.0, 112.0
    dx, dw = gw + 24, 146.0
    mx = dx + dw + 24
    mw = width - mx
    st_h = Style(size=9.4, leading=18, bold=True, color=WHITE, align="center")
    st_g = Style(size=9.4, leading=14, bold=True, color=WHITE)
    st_d = Style(size=9.0, leading=13.4, bold=True, color=(0.05, 0.3, 0.27))
    st_m = Style(size=8.8, leading=13.0)
    pad = 5.0
    heads = []
    for t, x, w in zip(C.TREE_HEADERS, (gx, dx, mx), (gw, dw, mw), strict=True):
        heads.append((x, w, line_blocks(T, [t], w, st_h, heading=True, extra={"chart": True})))
    nodes = []  # (kind, x, y, w, h, blocks)
    conns = []  # (x_from, y_from, [(x_to, y_to)])
    y = 30.0

    def box(text, w, st, extra_pad=0.0):
        bl = line_blocks(T, [text], w - 2 * pad, st, extra={"chart": True})
        return bl, len(bl) * st.leading + 2 * pad + extra_pad

    for gi, (goal, dirs) in enumerate(C.TREE):
        gbl, gh = box(goal, gw, st_g, 6)
        prepared = []
        for d, ms in dirs:
            dbl, dh = box(d, dw, st_d)
            mboxes = [box(m, mw, st_m) for m in ms]
            msum = sum(h for _, h in mboxes) + 5 * (len(mboxes) - 1)
            prepared.append((dbl, dh, mboxes, msum, max(dh, msum)))
        span = sum(p[4] for p in prepared) + 10 * (len(prepared) - 1)
        gspan = max(span, gh)
        gy = y + (gspan - gh) / 2
        nodes.append(("g", gx, gy, gw, gh, gbl))
        yy = y + (gspan - span) / 2
        dmids = []
        for dbl, dh, mboxes, msum, gsp in prepared:
            dy = yy + (gsp - dh) / 2
            nodes.append(("d", dx, dy, dw, dh, dbl))
            dmids.append((dx, dy + dh / 2))
            my = yy + (gsp - msum) / 2
            mmids = []
            for mbl, mh in mboxes:
                nodes.append(("m", mx, my, mw, mh, mbl))
                mmids.append((mx, my + mh / 2))
                my += mh + 5
            conns.append((dx + dw, dy + dh / 2, mmids))
            yy += gsp + 10
        conns.append((gx + gw, gy + gh / 2, dmids))
        y += gspan + (16 if gi < len(C.TREE) - 1 else 0)
    total_h = y + 6

    def draw(P, x0, y0):
        for x, w, bl in heads:
            P.rect(x0 + x, y0, w, 20, stroke=None, fill=GRAY, radius=3)
            bl[0].draw(P, x0 + x, y0 + 1)
        for xf, yf, targets in conns:
            xm = xf + 12
            ys = [yt for _, yt in targets] + [yf]
            P.line(x0 + xf, y0 + yf, x0 + xm, y0 + yf, 0.9, GREEN)
            P.line(x0 + xm, y0 + min(ys), x0 + xm, y0 + max(ys), 0.9, GREEN)
            for xt, yt in targets:
                P.line(x0 + xm, y0 + yt, x0 + xt, y0 + yt, 0.9, GREEN)
        for kind, x, yb, w, h, bl in nodes:
            if kind == "g":
                P.rect(x0 + x, y0 + yb, w, h, stroke=None, fill=GREEN, radius=4)
            elif kind == "d":
                P.rect(x0 + x, y0 + yb, w, h, stroke=GREEN, fill=LGREEN, width=0.9, radius=2)
            else:
                P.rect(x0 + x, y0 + yb, w, h, stroke=(0.5, 0.5, 0.5), fill=WHITE, width=0.7)
            ty = y0 + yb + pad + (3 if kind == "g" else 0)
            for b in bl:
                b.draw(P, x0 + x + pad, ty)
                ty += b.h

    # nodes are in tree order (goal → its directions → their measures), like the sentences
    frags = [f for _, _, bl in heads for b in bl for f in b.frags]
    frags += [f for n in nodes for b in n[5] for f in b.frags]
    cap[-1].keep_next = True
    return cap + [Block(h=total_h, draw=draw, frags=frags)]


def _reading_order(T) -> None:
    """Footnotes are registered when their page is closed, i.e. after the block that no longer fitted was
    created; put every sentence back in page order with each page's footnotes after its body text."""
    idx = sorted(range(len(T.sentences)),
                 key=lambda i: (min(T.sentences[i]["pages"]), bool(T.sentences[i].get("footnote")), i))
    new_of = {old: new for new, old in enumerate(idx)}
    T.sentences = [T.sentences[i] for i in idx]
    T.frags = [(new_of[sid], p, t) for sid, p, t in T.frags]
    T.frag_x = [(new_of[sid], p, t, x) for sid, p, t, x in T.frag_x]


def build() -> Doc:
    doc = Doc("sazanami-keikaku.pdf", A4, C.TITLE,
              "plan excerpt: cover, 目次 with leaders, chapter pages numbered from 23, footnotes under a short rule, "
              "policy tree diagram, statistics and indicator tables, コラム box", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 46, info["header"], G, 8.6, GRAY)
            P.line(X0, 53, X1, 53, 0.6, GREEN)
        if info["footer"]:
            P.text(W / 2, H - 36, info["footer"], G, 9.6, BLACK, align="center")

    # ------------------------------------------------------------ cover (no number)
    cv = doc.new_page(decor=decor)

    def cover_deco(P):
        P.rect(0, 0, W, 300, stroke=None, fill=LGREEN)
        P.rect(0, 300, W, 6, stroke=None, fill=GREEN)
        P.rect(X1 - 92, 56, 92, 26, stroke=GREEN, fill=WHITE, width=1.2)
        for k in range(4):
            P.line(X0, 560 + k * 9, X1, 560 + k * 9 + (k % 2) * 4, 1.0, (0.55, 0.75, 0.7))
    doc.op(cv, cover_deco)
    place_text(doc, cv, X1 - 92, 61, 92, [C.COVER["tag"]], Style(size=11, leading=16, bold=True, color=GREEN,
                                                                   align="center"), heading=True)
    sid = T.sentence(C.TITLE, heading=True)
    parts = [(C.COVER["pref"], 22, 0.0), (C.COVER["title_lines"][0], 32, 0.0), (C.COVER["title_lines"][1], 26, 0.0)]
    yy = 150.0
    for text, size, _ in parts:
        doc.place(cv, Block(h=size * 1.6, draw=lambda P, x, y, t=text, s=size: P.text(x, y + s * 1.2, t, G, s, BLACK, True),
                            frags=[(sid, text)]), X0, yy)
        yy += size * 1.7
    place_text(doc, cv, X0, 330, TW, [C.COVER["subtitle"]], Style(size=12.5, leading=22, color=GREEN), heading=True)
    place_text(doc, cv, X0, 380, TW, [C.COVER["period"]], Style(size=13, leading=22))
    place_text(doc, cv, X0, H - 170, TW, [C.COVER["date"]], Style(size=14, leading=24, align="center"))
    place_text(doc, cv, X0, H - 140, TW, [C.COVER["issuer"]], Style(size=17, leading=28, bold=True, align="center"))

    # ------------------------------------------------------------ 目次 (i)
    toc = doc.new_page(printed="i", footer="i", is_toc=True, decor=decor)
    y = 92.0
    y += place_text(doc, toc, X0, y, TW, ["目　次"], Style(size=17, leading=30, bold=True, align="center", sa=18),
                    heading=True)
    xr = X1 - 6
    for lvl, text, num in C.TOC:
        st = Style(size=11.2, leading=25, bold=True) if lvl == 0 else Style(font=M, size=10.4, leading=21)
        x = X0 + 8 + (24 if lvl else 0)
        tsid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st, num=num):
            if num is None:
                target = next(i for i, s in enumerate(T.sentences)
                              if s["text"] == text and s.get("heading") and not s.get("toc"))
                num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, st.font, st.size, BLACK, st.bold)
            tw = sw(text, st.font, st.size) + 6
            dot = sw("…", G, 9)
            n = int((xr - xx - tw - 22) / dot)
            P.text(xx + tw, bl, "…" * n, G, 9, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        gap = 8 if lvl == 0 else 0
        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(tsid, text)]), x, y + gap)
        y += st.leading + gap
    place_text(doc, toc, X0 + 8, y + 26, TW - 16, [C.TOC_NOTE], Style(font=M, size=9.2, leading=15, color=GRAY),
               extra={"note": True})

    # ------------------------------------------------------------ body pages with footnotes
    state = {"page": None, "y": TOP, "feet": [], "n": C.FIRST_BODY_PAGE - 1}

    def foot_h(feet) -> float:
        if not feet:
            return 0.0
        return 12 + sum(len(wrap([(ch, -1) for ch in C.FOOTNOTES[k]], TW, FOOT)) * FOOT.leading for k in feet)

    def close():
        pg = state["page"]
        if pg is None:
            return
        feet = state["feet"]
        if feet:
            fy = BOTTOM - foot_h(feet) + 12
            doc.op(pg, lambda P, fy=fy: P.line(X0, fy - 6, X0 + 120, fy - 6, 0.6, GRAY))
            for k in feet:
                fy += place_text(doc, pg, X0, fy, TW, split_sentences(C.FOOTNOTES[k]), FOOT,
                                 extra={"note": True, "footnote": True})
        state["page"] = None

    def start():
        close()
        state["n"] += 1
        n = state["n"]
        state["page"] = doc.new_page(printed=str(n), header=C.RUN_HEADER, footer=f"- {n} -", decor=decor)
        state["y"] = TOP
        state["feet"] = []

    def fits(h, new_feet=()) -> bool:
        return state["y"] + h <= BOTTOM - foot_h(state["feet"] + list(new_feet)) + 0.01

    def put(b: Block, new_feet=()):
        if state["page"] is None:
            start()
        sb = b.sb if state["y"] > TOP + 0.1 else 0.0
        if not fits(sb + b.h, new_feet):
            start()
            sb = 0.0
        doc.place(state["page"], b, X0, state["y"] + sb)
        state["y"] += sb + b.h
        state["feet"].extend(k for k in new_feet if k not in state["feet"])

    def put_group(blocks: list[Block], extra: float = 0.0):
        """Keep blocks together (plus `extra` points of what follows) on one page."""
        if state["page"] is None:
            start()
        need = sum(b.h + b.sb for b in blocks) + extra
        if not fits(need):
            start()
        for b in blocks:
            put(b)

    def paragraph(blocks: list[Block]):
        texts = ["".join(t for _, t in b.frags) for b in blocks]
        for i, b in enumerate(blocks):
            marks = [int(m) for m in MARK.findall(texts[i])]
            if texts[i].endswith("※") and i + 1 < len(blocks):
                marks.append(int(texts[i + 1][0]))
            put(b, marks)

    def sec_deco(P, x, y, w, h):
        h -= SEC.sa
        P.rect(x, y + 2, 5, h - 4, stroke=None, fill=GREEN)
        P.line(x, y + h + 1, x + w, y + h + 1, 1.0, GREEN)

    for it in C.BODY:
        kind = it[0]
        if kind == "chapter":
            _, label, title = it
            csid = T.sentence(f"{label}　{title}", heading=True)

            def cdraw(P, x, y, label=label, title=title):
                P.rect(x, y, TW, 46, stroke=None, fill=GREEN)
                P.rect(x + 8, y + 8, 62, 30, stroke=None, fill=WHITE, radius=3)
                P.text(x + 39, y + 29, label, G, 15, GREEN, True, "center")
                P.text(x + 84, y + 30, title, G, 16, WHITE, True)
            put(Block(h=58, draw=cdraw, frags=[(csid, label), (csid, title)]))
        elif kind == "sec":
            bl = decorate(line_blocks(T, [it[1]], TW, SEC, heading=True), sec_deco, TW)
            put_group(bl, extra=60)
        elif kind == "h":
            put_group(line_blocks(T, [it[1]], TW, HH, heading=True), extra=40)
        elif kind == "sub":
            put_group(line_blocks(T, [it[1]], TW, SUB, heading=True), extra=38)
        elif kind == "p":
            paragraph(line_blocks(T, split_sentences(it[1]), TW, BODY))
        elif kind == "table":
            ts = TableSpec(**{"size": 9.0, "leading": 13.4, "pad": 4.0, "header_fill": LGREEN,
                              "first_col_fill": (0.97, 0.98, 0.97),
                              "caption_style": Style(size=10, leading=17, bold=True, sb=10, sa=3),
                              "note_style": Style(font=M, size=8.4, leading=13, hang=8.4, sb=1), **it[1]})
            caps, header, rows, notes = table_parts(doc, ts, TW)
            blocks = caps + [header()] + rows + notes
            blocks[-1].h += 6
            put_group(blocks)
        elif kind == "diagram":
            put_group(_diagram(T, TW))
        elif kind == "column":
            _, title, paras = it
            b = box_block(T, title, paras, TW, Style(font=M, size=9.6, leading=16.8, indent=9.6),
                          Style(size=10, leading=16, bold=True, color=GREEN), fill=(0.98, 0.97, 0.92),
                          border=(0.55, 0.5, 0.3), pad=10, tab=False, sb=12)
            b.h += 8
            put(b)
        else:
            raise KeyError(kind)
    close()
    _reading_order(T)
    body = len(doc.pages) - 2
    if not 6 <= len(doc.pages) <= 8:
        raise AssertionError(f"sazanami-keikaku: {len(doc.pages)} pages ({body} body pages)")
    # every footnote printed exactly once, on the page of its marker
    printed = [s["text"][:2] for s in T.sentences if s.get("footnote")]
    if sorted(printed) != [f"※{k}" for k in sorted(C.FOOTNOTES)]:
        raise AssertionError(f"sazanami-keikaku: footnotes {printed}")
    return doc
