"""koyomi-chikujo.pdf: 「こよみ県市町村居住支援協議会設置促進条例（仮称）逐条解説」 of the fictional こよみ県
(土木部 住宅政策課 / 健康福祉部 地域福祉課, 令和8年2月), A4 portrait, no /Title.

Layout traps: a cover without a number (three title lines, the edition line, a framed 「本書の取扱いについて」 box,
date, two issuers); page 「i」 holds はじめに and the 目次 (chapters and every article with … leaders and the
printed body page); body pages 「- 1 -」… (centred footer): chapter headings over a rule; every article (（見出し）
line, 第N条 / 項 / 号 with hanging indents) printed inside a SHADED FRAME with a dark left edge, followed by
【趣旨】 (a label line and an indented paragraph) and 【解説】 with （1）（2） items with hanging indents;
FOOTNOTE references printed as small RAISED 「注n」 inside the line (pdfplumber reads them inline:
「…法律注1（以下…」, 「…こととされた注2。」; the sentence text carries 「注n」, a reference never starts a line),
the notes in smaller type at the foot of the SAME page under a short rule (flags `note`, `footnote`;
registered when the page is closed, after the page's body text); cross-references between articles
(「第8条の解説を参照」); one small ruled table 「表　補助の区分と上限額（予定）」 with two ※ notes inside 第6条's
解説; running headers that DIFFER on even and odd pages (even: the document's title at the LEFT; odd: the
chapter at the top of the page at the RIGHT, both over a rule); 附則 framed like an article.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_koyomi_chikujo as C
from .engine import (
    BLACK,
    NO_START,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
    table_parts,
    text_height,
    wrap,
)

W, H = A4
X0, X1 = 62.0, W - 60.0
TW = X1 - X0
TOP = 66.0
BOTTOM = H - 60.0
FS = 9.2
LEAD = 14.4
GRAY = (0.35, 0.35, 0.35)
FRAME = (0.93, 0.93, 0.93)
EDGE = (0.25, 0.25, 0.3)
NAVY = (0.12, 0.2, 0.38)

P_ST = Style(font=M, size=FS, leading=LEAD, indent=FS)
ITEM_ST = Style(font=M, size=FS, leading=LEAD, hang=FS * 2.6, sb=1.5)
LABEL_ST = Style(font=G, size=FS, leading=LEAD + 0.6, bold=True, sb=3, keep_next=True)
CHAP_ST = Style(font=G, size=12.5, leading=21, bold=True, sb=8, keep_next=True, color=NAVY)
NOTE_FS = 7.8
NOTE_ST = Style(font=M, size=NOTE_FS, leading=11.0, hang=NOTE_FS * 2.6)
MARK_FS = 6.0
MARK_RISE = 3.4
TOKEN = re.compile(r"\{注(\d+)\}")


def _parse(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Replace {注n} tokens by 「注n」; return the printed text and (start, end, n) of every reference."""
    out, refs, pos = "", [], 0
    for m in TOKEN.finditer(text):
        out += text[pos:m.start()]
        mark = "注" + m.group(1)
        refs.append((len(out), len(out) + len(mark), int(m.group(1))))
        out += mark
        pos = m.end()
    out += text[pos:]
    return out, refs


def marked_blocks(T, text: str, width: float, st: Style, extra: dict | None = None) -> list[Block]:
    """Line blocks for a paragraph whose footnote references are drawn small and raised."""
    plain, refs = _parse(text)
    mark_at: dict[int, int] = {}
    for a, b, n in refs:
        for i in range(a, b):
            mark_at[i] = n
    units = []
    for s in split_sentences(plain):
        sid = T.sentence(s, **(extra or {}))
        units.extend((ch, sid) for ch in s)
    idx = {id(u): i for i, u in enumerate(units)}
    lines = wrap(units, width, st)
    # a reference never starts a line: move it to the end of the previous line
    for k in range(1, len(lines)):
        moved = False
        while lines[k] and (idx[id(lines[k][0])] in mark_at or moved and lines[k][0][0] in NO_START):
            moved = True
            lines[k - 1].append(lines[k].pop(0))
    lines = [ln for ln in lines if ln]
    blocks = []
    for i, ln in enumerate(lines):
        chars = [(u[0], idx[id(u)] in mark_at) for u in ln]
        notes = sorted({mark_at[idx[id(u)]] for u in ln if idx[id(u)] in mark_at})
        ind = st.indent if i == 0 else st.hang
        frags = []
        for ch, sid in ln:
            if frags and frags[-1][0] == sid:
                frags[-1] = (sid, frags[-1][1] + ch)
            else:
                frags.append((sid, ch))

        def draw(P, x, y, chars=chars, ind=ind):
            bl = baseline_of(y, st)
            xx = x + ind
            run, run_mark = "", False
            for ch, mk in chars + [("", None)]:
                if mk != run_mark or ch == "":
                    if run:
                        if run_mark:
                            P.text(xx, bl - MARK_RISE, run, G, MARK_FS, BLACK)
                            xx += sw(run, G, MARK_FS)
                        else:
                            P.text(xx, bl, run, st.font, st.size, st.color, st.bold)
                            xx += sw(run, st.font, st.size)
                    run, run_mark = ch, mk
                else:
                    run += ch

        b = Block(h=st.leading, draw=draw, frags=frags, sb=st.sb if i == 0 else 0.0)
        b.notes = notes
        blocks.append(b)
    return blocks


def _shifted(draw, dx: float):
    def d(P, x, y):
        draw(P, x + dx, y)
    return d


def build() -> Doc:
    doc = Doc("koyomi-chikujo.pdf", A4, C.TITLE, "A4 commentary on an ordinance (逐条解説) with footnotes",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        side = info.get("_side")
        if info["header"]:
            if side == "left":
                P.text(X0, 50, info["header"], G, 8.2, GRAY)
            else:
                P.text(X1, 50, info["header"], G, 8.2, GRAY, align="right")
            P.line(X0, 55, X1, 55, 0.5, GRAY)
        if info["footer"]:
            P.text(W / 2, H - 40, info["footer"], M, 9.6, BLACK, align="center")

    def put(page, x, y, width, sents, st, **kw) -> float:
        blocks = line_blocks(T, sents, width, st, **kw)
        yy = y + st.sb
        for b in blocks:
            doc.place(page, b, x, yy)
            yy += b.h
        return yy - y

    # ------------------------------------------------------------------ cover
    pc = doc.new_page(printed=None, header=None, footer=None, decor=decor)
    y = 170.0
    for i, t in enumerate(C.COVER_TITLE):
        y += put(pc, X0, y, TW, [t], Style(font=G, size=22 if i < 2 else 26, leading=38 if i < 2 else 48,
                                           bold=True, align="center"), heading=True)
    doc.op(pc, lambda P, yy=y + 8: P.line(X0 + 60, yy, X1 - 60, yy, 1.4, NAVY))
    y += 20
    y += put(pc, X0, y, TW, [C.COVER_SUB], Style(font=G, size=12, leading=22, align="center"))
    y += 60
    bx, bw = X0 + 30, TW - 60
    by0 = y
    y += 12
    y += put(pc, bx + 14, y, bw - 28, [C.COVER_BOX_TITLE], Style(font=G, size=10.5, leading=18, bold=True),
             heading=True, extra={"box": True}) + 4
    for t in C.COVER_BOX:
        y += put(pc, bx + 14, y, bw - 28, split_sentences("・" + t), Style(font=M, size=9.8, leading=16.5,
                                                                           hang=9.8, sb=2), extra={"box": True})
    y += 12
    doc.op(pc, lambda P, a=by0, b=y: P.rect(bx, a, bw, b - a, stroke=GRAY, fill=None, width=0.8))
    y = H - 250
    y += put(pc, X0, y, TW, [C.COVER_DATE], Style(font=G, size=12.5, leading=24, align="center")) + 16
    for t in C.COVER_ISSUER:
        y += put(pc, X0, y, TW, [t], Style(font=G, size=12.5, leading=24, align="center"))

    # ------------------------------------------------------------------ page i: はじめに + 目次
    pt = doc.new_page(printed="i", header=None, footer="- i -", is_toc=True, decor=decor)
    y = TOP + 6
    y += put(pt, X0, y, TW, [C.PREFACE_TITLE], Style(font=G, size=13, leading=24, bold=True, color=NAVY),
             heading=True)
    doc.op(pt, lambda P, yy=y: P.line(X0, yy, X1, yy, 0.8, NAVY))
    y += 8
    for ptxt in C.PREFACE:
        y += put(pt, X0, y, TW, split_sentences(ptxt), Style(font=M, size=FS, leading=LEAD, indent=FS, sb=3))
    y += 26
    y += put(pt, X0, y, TW, [C.TOC_TITLE], Style(font=G, size=13, leading=24, bold=True, color=NAVY,
                                                  align="center"), heading=True) + 8
    toc_pages: dict[str, str] = {}
    toc_entries = []
    for chap, arts in C.CHAPTERS:
        toc_entries.append((chap, chap, 0))
        for a in arts:
            if chap == "附則":
                continue
            num = a["text"][0].split("　")[0]
            toc_entries.append((num + a["caption"], num, 1))
    for label, key, lvl in toc_entries:
        sid = T.sentence(label, toc=True)
        st_font, st_size = (G, 10.2) if lvl == 0 else (M, 9.8)
        xin = X0 + 14 + (20 if lvl else 0)

        def tdraw(P, x, yy, label=label, key=key, st_font=st_font, st_size=st_size, xin=xin, lvl=lvl):
            bl = yy + 13
            P.text(xin, bl, label, st_font, st_size, BLACK, lvl == 0)
            num = toc_pages[key]
            x_end = X1 - 14 - sw(num, M, 9.8) - 4
            x_start = xin + sw(label, st_font, st_size) + 4
            dots = int((x_end - x_start) / sw("…", M, 9.8))
            if dots > 0:
                P.text(x_end - dots * sw("…", M, 9.8), bl, "…" * dots, M, 9.8, GRAY)
            P.text(X1 - 14, bl, num, M, 9.8, BLACK, False, "right")

        h = 20.0 if lvl == 0 else 17.5
        if lvl == 0:
            y += 4
        doc.place(pt, Block(h=h, draw=tdraw, frags=[(sid, label)]), X0, y)
        y += h
    assert y < BOTTOM, f"目次 too long ({y:.0f})"

    # ------------------------------------------------------------------ body: own pagination with footnotes
    note_h = {n: text_height(split_sentences(f"注{n}　{t}"), TW, NOTE_ST) for n, t in C.FOOTNOTES.items()}
    SEP = 12.0
    state = {"page": None, "y": TOP, "notes": [], "k": 0, "chapter": None}

    def open_page(chapter: str):
        state["k"] += 1
        k = state["k"]
        even = k % 2 == 0
        pg = doc.new_page(printed=str(k), header=C.RUNNING if even else chapter, footer=f"- {k} -", decor=decor)
        doc.pages[pg].info["_side"] = "left" if even else "right"
        state.update(page=pg, y=TOP, notes=[])

    def close_page():
        pg = state["page"]
        if pg is None or not state["notes"]:
            return
        total = SEP + sum(note_h[n] for n in state["notes"])
        yy = BOTTOM - total
        doc.op(pg, lambda P, a=yy + 5: P.line(X0, a, X0 + 150, a, 0.6, BLACK))
        yy += SEP
        for n in state["notes"]:
            yy += put(pg, X0, yy, TW, split_sentences(f"注{n}　{C.FOOTNOTES[n]}"), NOTE_ST,
                      extra={"note": True, "footnote": True})
        assert yy <= BOTTOM + 0.5

    def notes_total(ns) -> float:
        return (SEP if ns else 0.0) + sum(note_h[n] for n in ns)

    def place_group(group: list[Block], chapter: str):
        if state["page"] is None:
            open_page(chapter)
        for attempt in range(2):
            top = state["y"] == TOP
            need = sum(b.h for b in group) + sum(b.sb for b in group[(1 if top else 0):])
            new_notes = [n for b in group for n in getattr(b, "notes", []) if n not in state["notes"]]
            if state["y"] + need + notes_total(state["notes"] + new_notes) <= BOTTOM + 0.01:
                break
            assert attempt == 0, "group taller than a page"
            close_page()
            open_page(chapter)
        for i, b in enumerate(group):
            if i or state["y"] != TOP:
                state["y"] += b.sb
            doc.place(state["page"], b, X0, state["y"])
            if getattr(b, "art_key", None):
                toc_pages[b.art_key] = str(state["k"])
            state["y"] += b.h
            for n in getattr(b, "notes", []):
                if n not in state["notes"]:
                    state["notes"].append(n)

    pending: list[Block] = []

    def add(b: Block, chapter: str):
        pending.append(b)
        if b.keep_next:
            return
        group = pending[:]
        pending.clear()
        place_group(group, chapter)

    def article_box(art: dict) -> Block:
        pad = 7.5
        inner = TW - 2 * pad - 4
        parts: list[Block] = []
        if art["caption"]:
            parts += line_blocks(T, [art["caption"]], inner, Style(font=G, size=FS, leading=LEAD, indent=FS),
                                 heading=True, extra={"article": True})
        for ln in art["text"]:
            if ln == "附　則":
                parts += line_blocks(T, [ln], inner, Style(font=G, size=FS + 0.4, leading=LEAD + 2, bold=True,
                                                          indent=FS * 2), heading=True, extra={"article": True})
                continue
            if ln.startswith("（"):
                st = Style(font=M, size=FS, leading=LEAD, indent=FS, hang=FS * 3.4)
            else:
                st = Style(font=M, size=FS, leading=LEAD, hang=FS)
            parts += line_blocks(T, split_sentences(ln), inner, st, extra={"article": True})
        h = pad * 2 + sum(b.h for b in parts)

        def draw(P, x, y):
            P.rect(x, y, TW, h, stroke=(0.6, 0.6, 0.6), fill=FRAME, width=0.6)
            P.rect(x, y, 3.2, h, stroke=None, fill=EDGE)
            yy = y + pad
            for b in parts:
                b.draw(P, x + pad + 4, yy)
                yy += b.h

        blk = Block(h=h, draw=draw, frags=[f for b in parts for f in b.frags], sb=6, keep_next=True)
        return blk

    for chap, arts in C.CHAPTERS:
        if chap != "附則":
            hb = line_blocks(T, [chap], TW, CHAP_ST, heading=True)
            for b in hb:
                orig = b.draw

                def d(P, x, y, orig=orig):
                    orig(P, x, y)
                    P.line(x, y + CHAP_ST.leading + 1, x + TW, y + CHAP_ST.leading + 1, 0.9, NAVY)
                b.draw = d
                b.art_key = chap
                add(b, chap)
        for art in arts:
            box = article_box(art)
            if chap == "附則":
                box.art_key = chap
            else:
                box.art_key = art["text"][0].split("　")[0]
            add(box, chap)
            for b in line_blocks(T, ["【趣旨】"], TW, LABEL_ST, heading=True):
                add(b, chap)
            for b in marked_blocks(T, art["shushi"], TW, P_ST, extra={"purpose": True}):
                add(b, chap)
            for b in line_blocks(T, ["【解説】"], TW, LABEL_ST, heading=True):
                add(b, chap)
            for i, item in enumerate(art["kaisetsu"]):
                bl = marked_blocks(T, item, TW, ITEM_ST, extra={"item": True})
                if len(bl) >= 2:  # keep the first two lines of an item together
                    bl[0].keep_next = True
                for b in bl:
                    add(b, chap)
                if art.get("table_after") == i:
                    spec = art["table"]
                    ts = TableSpec(caption=spec["caption"], header=spec["header"], rows=spec["rows"],
                                   widths=spec["widths"], align=spec["align"], size=8.8, leading=12.8, pad=4.0,
                                   header_fill=(0.88, 0.88, 0.88), rule=(0.2, 0.2, 0.2),
                                   caption_style=Style(font=G, size=9.4, leading=16, bold=True, sb=6,
                                                       keep_next=True, align="center"),
                                   notes=art.get("table_notes", []),
                                   note_style=Style(font=M, size=8.4, leading=13, hang=8.4, sb=0))
                    tw_ = TW - 40
                    caps, hdr, rows, tnotes = table_parts(doc, ts, tw_)
                    grp = caps + [hdr()] + rows
                    for b in grp:
                        b.keep_next = True
                    for b in grp + tnotes:  # indent the table and its notes by 20 pt
                        b.draw = _shifted(b.draw, 20.0)
                    grp[-1].keep_next = False
                    grp[-1].sb = 0
                    for b in grp:
                        add(b, chap)
                    for j, b in enumerate(tnotes):
                        b.sb = 3 if j == 0 else 0
                        add(b, chap)
                    add(Block(h=4, draw=lambda P, x, y: None), chap)
    if pending:
        place_group(pending[:], chap)
    close_page()
    missing = [e[1] for e in toc_entries if e[1] not in toc_pages]
    assert not missing, missing
    return doc
