"""akitsu-kaiji.pdf: documents released under the あきつ県情報公開条例 (fictional あきつ県), A4 portrait — the
「行政文書部分開示決定通知書」 followed by the released records, with the withheld parts BLACKED OUT.

Layout traps: page 1 is the NOTICE (文書番号 and date right-aligned, the addressee's name itself blacked out, the
governor right-aligned, a centred title, a ruled label｜value table whose values wrap and list the withheld categories
and the articles of the 条例, ※ notes, 「（教示）」 and a 担当 block); no header, footer or number on it.  The released
pages 2–8 carry a running header made of TWO stamps on one line: the original's classification 「庁内限り」 in a black
frame at the top left and the release stamp 「部分開示（R8.2.13）」 in a red frame at the top right (truth `header` =
both); the footer holds the ORIGINAL document's own page mark where it has one (「1/2」, 「2/2」, centred) and the release
serial 「開示-n」 at the right on the same line (the printed label is n; the notice page has none).  REDACTIONS: solid
black boxes drawn instead of text (nothing is printed under a box, so pdfplumber prints the words on each side of it
with only a space between: 「建築住宅課 係長」); they hide staff names below 課長 (names of 課長 and above stay), a
consultant's nationality and age, company names, an estimate and a councillor's name, inside prose, inside table
cells and inside form values; the truth records such a sentence with a blank 「　」 where the box is.  Pages 2–3: the
list 「令和7年度 市町村居住支援体制整備に係る個別協議の実施状況」 (title, date and issuer, headings 1–4, a framed box
of the council status, 表1 個別協議の実施状況 (No.｜協議日｜市町村名｜相手方｜主な協議事項｜結果・今後の対応, 12 rows,
wrapped cells, redacted names in the 相手方 column) that CONTINUES onto page 3 with its header repeated, ※1/※2 notes,
表2 支援メニューの活用状況 whose top-left header cell is split by a DIAGONAL rule (「年度」 above right, 「区分」 below
left: pdfplumber prints 「年度」 on a line before 「区分 令和5年度 …」; truth header 「区分」), ※ notes and ①–③
items).  Pages 4–8: four 「個別協議記録票」 FORMS (記録番号 boxed at the top right, a centred title, then ONE ruled
label｜value form per record: shaded label cells VERTICALLY CENTRED in their rows and snapped onto a line of the value,
so pdfplumber glues the label 「協議内容」 to the front of a line in the middle of the prose; values with sub-headings
「1　…」, turns 「○市　」「●県　」「○町　」「○村　」 with a hanging indent and 「・」 items); the record 7-05 is too long for
one page: its 協議内容 row is CUT at the page foot and continues on the next page under a label 「協議内容（続き）」
(its remaining rows follow there).  Truth: labels flag `label`, turns `speech`, redacted sentences `redacted`.
No /Title.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_akitsu_kaiji as C
from . import fonts
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    baseline_of,
    frags_of,
    split_sentences,
    sw,
    wrap,
)
from .kit import box_block

fonts.register()

W, H = A4
X0 = 62.0
TW = W - 2 * X0
TOP = 74.0
BOTTOM = H - 64.0
RED = (0.78, 0.1, 0.1)
GRAY = (0.35, 0.35, 0.35)
SHADE = (0.9, 0.9, 0.9)
HEAD_FILL = (0.88, 0.88, 0.88)
RULE = (0.2, 0.2, 0.2)
BOX = "■"
REDRUN = re.compile("■+")

BODY = Style(font=M, size=10.2, leading=17.4, indent=10.2, sa=2)
H1 = Style(size=10.8, leading=19, bold=True, sb=8, sa=1)
NOTE = Style(size=8.6, leading=13.2, hang=sw("※1 ", G, 8.6), sb=1)
ITEM = Style(font=M, size=10.0, leading=17, hang=sw("①", M, 10.0), sa=2)
CELL = Style(size=8.8, leading=12.8)
HCELL = Style(size=8.6, leading=12.4, bold=True)
CPAD = 3.4
FV = Style(size=9.2, leading=14.6)          # form values
FL = Style(size=9.2, leading=14.6, bold=True)  # form labels
LABW = 84.0
FPAD = 4.0


def clean(s: str) -> str:
    """The text a reader gets: a blank where a black box is."""
    return REDRUN.sub("　", s)


def units_of(T, sentences: list[str], extra: dict | None = None) -> list:
    units = []
    for s in sentences:
        ex = dict(extra or {})
        if BOX in s:
            ex["redacted"] = True
        sid = T.sentence(clean(s), **ex)
        units.extend((ch, -2 if ch == BOX else sid) for ch in s)
    return units


def draw_runs(P, x: float, bl: float, line: list, st: Style) -> None:
    """Draw a wrapped line: text runs as text, runs of 「■」 as solid black boxes."""
    xx = x
    k = 0
    while k < len(line):
        red = line[k][1] == -2 if isinstance(line[k], tuple) else line[k] == BOX
        j = k
        run = ""
        while j < len(line):
            u = line[j]
            ch = u[0] if isinstance(u, tuple) else u
            r = ch == BOX
            if r != red:
                break
            run += ch
            j += 1
        w = sw(run, st.font, st.size)
        if red:
            P.rect(xx + 0.4, bl - st.size * 0.9, w - 0.8, st.size * 1.14, stroke=None, fill=BLACK)
        else:
            P.text(xx, bl, run, st.font, st.size, st.color, st.bold)
        xx += w
        k = j


def red_blocks(T, sentences: list[str], width: float, st: Style, extra: dict | None = None) -> list[Block]:
    lines = wrap(units_of(T, sentences, extra), width, st)
    out = []
    for i, ln in enumerate(lines):
        ind = st.indent if i == 0 else st.hang

        def draw(P, x, y, ln=ln, ind=ind):
            bl = baseline_of(y, st)
            if st.align == "center":
                text = "".join(u[0] for u in ln)
                P.text(x + width / 2, bl, text, st.font, st.size, st.color, st.bold, "center")
            elif st.align == "right":
                w = sum(sw(u[0], st.font, st.size) for u in ln)
                draw_runs(P, x + width - w, bl, ln, st)
            else:
                draw_runs(P, x + ind, bl, ln, st)

        last = i == len(lines) - 1
        out.append(Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=frags_of(ln),
                         sb=st.sb if i == 0 else 0.0))
    return out


def cell_lines(text: str, w: float, st: Style) -> list[str]:
    ls = wrap([(ch, -1) for ch in text], w - 2 * CPAD, st, hang_punct=False) or [[]]
    return ["".join(u[0] for u in ln) for ln in ls]


# ---------------------------------------------------------------- tables with redactions

class Table:
    def __init__(self, doc: Doc, spec: dict):
        self.doc = doc
        self.spec = spec
        tot = sum(spec["widths"])
        self.colw = [w * TW / tot for w in spec["widths"]]
        T = doc.truth
        rows_clean = [[clean(c) for c in r] for r in spec["rows"]]
        self.cap_sid = T.sentence(spec["caption"], caption=True)
        self.tid = T.table(spec["caption"], spec.get("unit"), spec["header"], rows_clean)
        self.corner = spec.get("corner")

    def caption_block(self) -> Block:
        st = Style(size=9.8, leading=16, bold=True)
        cap = self.spec["caption"]
        return Block(h=st.leading + 2, draw=lambda P, x, y: P.text(x, baseline_of(y, st), cap, G, st.size, BLACK, True),
                     frags=[(self.cap_sid, cap)], keep_next=True, sb=6, table=self.tid)

    def header_block(self) -> Block:
        cells = self.spec["header"]
        wrapped = [cell_lines(c, self.colw[j], HCELL) for j, c in enumerate(cells)]
        n = max(len(w) for w in wrapped)
        if self.corner:
            n = max(n, 2)
        h = n * HCELL.leading + 2 * CPAD
        colw = self.colw

        def draw(P, x, y):
            total = sum(colw)
            P.rect(x, y, total, h, stroke=None, fill=HEAD_FILL)
            P.line(x, y, x + total, y, 0.8, RULE)
            P.line(x, y + h, x + total, y + h, 0.8, RULE)
            xx = x
            for j, lines in enumerate(wrapped):
                P.line(xx, y, xx, y + h, 0.6, RULE)
                if j == 0 and self.corner:
                    low, high = self.corner
                    P.line(xx, y, xx + colw[0], y + h, 0.5, RULE)
                    P.text(xx + colw[0] - CPAD, baseline_of(y + CPAD, HCELL), high, G, HCELL.size, BLACK, True,
                           "right")
                    P.text(xx + CPAD, baseline_of(y + h - CPAD - HCELL.leading, HCELL), low, G, HCELL.size, BLACK,
                           True)
                else:
                    top = y + (h - len(lines) * HCELL.leading) / 2
                    for k, t in enumerate(lines):
                        P.text(xx + colw[j] / 2, baseline_of(top + k * HCELL.leading, HCELL), t, G, HCELL.size,
                               BLACK, True, "center")
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, RULE)

        return Block(h=h, draw=draw, keep_next=True, table=self.tid)

    def row_block(self, i: int) -> Block:
        cells = self.spec["rows"][i]
        colw = self.colw
        aligns = self.spec.get("align") or ["c", "c", "l", "l", "l", "l"]
        wrapped = [cell_lines(c, colw[j], CELL) for j, c in enumerate(cells)]
        h = max(len(w) for w in wrapped) * CELL.leading + 2 * CPAD

        def draw(P, x, y):
            total = sum(colw)
            P.line(x, y + h, x + total, y + h, 0.5, RULE)
            xx = x
            for j, lines in enumerate(wrapped):
                P.line(xx, y, xx, y + h, 0.6, RULE)
                top = y + CPAD
                for k, t in enumerate(lines):
                    bl = baseline_of(top + k * CELL.leading, CELL)
                    if aligns[j] == "c":
                        P.text(xx + colw[j] / 2, bl, t, G, CELL.size, BLACK, False, "center")
                    elif aligns[j] == "r":
                        P.text(xx + colw[j] - CPAD, bl, t, G, CELL.size, BLACK, False, "right")
                    else:
                        draw_runs(P, xx + CPAD, bl, list(t), CELL)
                xx += colw[j]
            P.line(xx, y, xx, y + h, 0.6, RULE)

        return Block(h=h, draw=draw, table=self.tid, row=i)


# ---------------------------------------------------------------- build

def build() -> Doc:
    doc = Doc("akitsu-kaiji.pdf", A4, C.NOTICE_TITLE,
              "information-disclosure release: a partial-disclosure notice followed by internal records with "
              "black-box redactions, two stamps as running header, the original's own page marks beside the release "
              "serial, a list table continued over a page break, a table with a diagonal corner cell and label|value "
              "forms whose longest row is cut at the page foot",
              meta_title=None)
    T = doc.truth
    orig_mark: dict[int, str] = {}

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        # original classification stamp (top left) and the release stamp (top right), one line
        P.rect(X0 - 3, 31, sw("庁内限り", G, 9) + 6, 15, stroke=BLACK, width=0.8)
        P.text(X0, 43, "庁内限り", G, 9, BLACK)
        stamp = "部分開示（R8.2.13）"
        wst = sw(stamp, G, 9.4)
        P.rect(X0 + TW - wst - 5, 29, wst + 10, 19, stroke=RED, width=1.2)
        P.rect(X0 + TW - wst - 3, 31, wst + 6, 15, stroke=RED, width=0.5)
        P.text(X0 + TW, 43, stamp, G, 9.4, RED, align="right")
        mark = orig_mark.get(info["index"])
        if mark:
            P.text(W / 2, H - 34, mark, G, 9, BLACK, align="center")
        P.text(X0 + TW, H - 34, f"開示-{info['printed']}", G, 9, BLACK, align="right")

    # ------------------------------------------------------------ page 1: the notice
    p0 = doc.new_page(printed=None, header=None, footer=None, decor=decor)

    def put_lines(page, y, blocks, x=X0):
        for b in blocks:
            y += b.sb
            doc.place(page, b, x, y)
            y += b.h
        return y

    y = 64.0
    right = Style(size=10.2, leading=17, align="right")
    y = put_lines(p0, y, red_blocks(T, [C.NOTICE_NO], TW, right))
    y = put_lines(p0, y, red_blocks(T, [C.NOTICE_DATE], TW, right))
    y += 14
    y = put_lines(p0, y, red_blocks(T, [C.NOTICE_TO], TW, Style(size=11, leading=19)))
    y += 6
    y = put_lines(p0, y, red_blocks(T, [C.NOTICE_FROM], TW, Style(size=11, leading=19, align="right")))
    y += 22
    y = put_lines(p0, y, red_blocks(T, [C.NOTICE_TITLE], TW, Style(size=15, leading=24, bold=True, align="center"),
                                    extra={"heading": True}))
    y += 12
    y = put_lines(p0, y, red_blocks(T, split_sentences(C.NOTICE_LEAD), TW, BODY))
    y += 10
    # label | value table
    lw = 150.0
    vst = Style(size=9.6, leading=15.4)
    lst = Style(size=9.6, leading=15.4)
    for label, vals in C.NOTICE_ROWS:
        lab = red_blocks(T, [label], lw - 2 * FPAD, lst, extra={"label": True})
        val = []
        for v in vals:
            hang = sw("（1）", G, vst.size) if v.startswith("（") else 0.0
            val += red_blocks(T, split_sentences(v), TW - lw - 2 * FPAD, vst.but(hang=hang))
        h = max(sum(b.h for b in lab), sum(b.h for b in val)) + 2 * FPAD

        def frame(P, y=y, h=h):
            P.rect(X0, y, lw, h, stroke=None, fill=SHADE)
            P.rect(X0, y, TW, h, stroke=RULE, width=0.7)
            P.line(X0 + lw, y, X0 + lw, y + h, 0.7, RULE)
        doc.op(p0, frame)
        put_lines(p0, y + FPAD, lab, X0 + FPAD)
        put_lines(p0, y + FPAD, val, X0 + lw + FPAD)
        y += h
    y += 6
    for n in C.NOTICE_NOTES:
        y = put_lines(p0, y, red_blocks(T, [n], TW, NOTE, extra={"note": True}))
    y += 10
    y = put_lines(p0, y, red_blocks(T, [C.NOTICE_KYOUJI_TITLE], TW, Style(size=10, leading=17, bold=True),
                                    extra={"heading": True}))
    y = put_lines(p0, y, red_blocks(T, split_sentences(C.NOTICE_KYOUJI), TW, BODY))
    y += 14
    tb_w = 300.0
    tb_y = y
    inner = []
    for t in C.NOTICE_TANTOU:
        inner += red_blocks(T, [t], tb_w - 16, Style(size=9.4, leading=15.6), extra={"contact": True})
    tb_h = sum(b.h for b in inner) + 12
    doc.op(p0, lambda P: P.rect(X0 + TW - tb_w, tb_y, tb_w, tb_h, stroke=RULE, width=0.7))
    y = put_lines(p0, tb_y + 6, inner, X0 + TW - tb_w + 8)
    if y > BOTTOM + 20:
        raise AssertionError(f"akitsu-kaiji: the notice overflows ({y:.0f})")

    # ------------------------------------------------------------ released pages: a simple flow
    state = {"page": None, "y": TOP, "serial": 0, "group": []}

    def new_page():
        state["serial"] += 1
        n = state["serial"]
        pg = doc.new_page(printed=str(n), header=C.HEADER, footer=f"開示-{n}", decor=decor)
        state["page"] = pg
        state["y"] = TOP
        state["group"].append(pg)
        return pg

    def end_original():
        """Close an original document: pages of a multi-page original get 「i/k」 beside the serial."""
        grp = state["group"]
        if len(grp) > 1:
            for i, pg in enumerate(grp, 1):
                info = doc.pages[pg].info
                orig_mark[pg] = f"{i}/{len(grp)}"
                info["footer"] = f"{i}/{len(grp)}　開示-{info['printed']}"
        state["group"] = []
        state["page"] = None

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
        need = sum(b.h + b.sb for b in blocks) + extra
        if not fits(need):
            new_page()
        for b in blocks:
            put(b)

    def put_table(spec: dict):
        t = Table(doc, spec)
        rows = [t.row_block(i) for i in range(len(spec["rows"]))]
        put_group([t.caption_block(), t.header_block(), rows[0]])
        for r in rows[1:]:
            put(r, repeat=t.header_block)
        for n in spec.get("notes", []):
            for b in red_blocks(T, split_sentences(n), TW, NOTE, extra={"note": True}):
                put(b)
        state["y"] += 4

    # ------------------------------------------------------------ pages 2-3: the list
    new_page()
    put(red_blocks(T, [C.LIST_TITLE], TW, Style(size=13.5, leading=22, bold=True, align="center"),
                   extra={"heading": True})[0])
    for t in (C.LIST_DATE, C.LIST_ORG):
        for b in red_blocks(T, [t], TW, Style(size=9.6, leading=15, align="right")):
            put(b)
    state["y"] += 4
    put_group(red_blocks(T, [C.LIST_H1], TW, H1, extra={"heading": True}), extra=40)
    for b in red_blocks(T, split_sentences(C.LIST_LEAD), TW, BODY):
        put(b)
    bx = box_block(T, C.LIST_BOX_TITLE, C.LIST_BOX, TW, Style(size=9.4, leading=15.2, hang=sw("・", G, 9.4)),
                   Style(size=9.6, leading=15.4, bold=True), fill=(0.97, 0.97, 0.97), border=(0.3, 0.3, 0.3),
                   pad=8, tab=False, bullet_hang=sw("・", G, 9.4))
    bx.sb = 6
    put(bx)
    state["y"] += 4
    put_group(red_blocks(T, [C.LIST_H2], TW, H1, extra={"heading": True}), extra=60)
    for b in red_blocks(T, split_sentences(C.LIST_P2), TW, BODY):
        put(b)
    put_table(C.TABLE1)
    put_group(red_blocks(T, [C.LIST_H3], TW, H1, extra={"heading": True}), extra=80)
    spec2 = dict(C.TABLE2)
    spec2["align"] = ["l", "r", "r", "r"]
    put_table(spec2)
    put_group(red_blocks(T, [C.LIST_H4], TW, H1, extra={"heading": True}), extra=40)
    for it in C.LIST_ISSUES:
        for b in red_blocks(T, split_sentences(it), TW, ITEM, extra={"item": True}):
            put(b)
    list_pages = list(state["group"])
    end_original()

    # ------------------------------------------------------------ pages 4-8: the record forms
    vw = TW - LABW - 2 * FPAD
    turn = re.compile(r"^[○●][市県町村]　")
    sub = re.compile(r"^\d　")

    def value_blocks(label: str, paras: list[str]) -> list[Block]:
        out = []
        for p in paras:
            if label == "協議内容" and sub.match(p):
                bl = red_blocks(T, [p], vw, FV.but(bold=True, sb=3), extra={"heading": True})
            elif turn.match(p):
                bl = red_blocks(T, split_sentences(p), vw, FV.but(hang=sw("○市　", G, FV.size)),
                                extra={"speech": True})
            elif p.startswith("・"):
                bl = red_blocks(T, split_sentences(p), vw, FV.but(hang=sw("・", G, FV.size)), extra={"item": True})
            else:
                m = re.match(r"^（[^）]+）", p)
                hang = sw(m.group(0), G, FV.size) if m else 0.0
                bl = red_blocks(T, split_sentences(p), vw, FV.but(hang=hang))
            out.extend(bl)
        return out

    def form_part(label: str, lines: list[Block], first: bool) -> None:
        """Draw one row (or the part of a row that fits) of the form at the current position."""
        pg = state["page"]
        y0 = state["y"]
        h = sum(b.h + b.sb for b in lines) + 2 * FPAD
        # value lines
        yy = y0 + FPAD
        tops = []
        for b in lines:
            yy += b.sb
            doc.place(pg, b, X0 + LABW + FPAD, yy)
            tops.append(yy)
            yy += b.h
        # label: vertically centred, snapped onto the nearest value line
        lab = red_blocks(T, [label], LABW - 2 * FPAD, FL, extra={"label": True})
        lh = sum(b.h for b in lab)
        want = y0 + (h - lh) / 2
        if len(lab) == 1 and tops:
            want = min(tops, key=lambda t: abs(t - want))
        doc.op(pg, lambda P, y0=y0, h=h: (P.rect(X0, y0, LABW, h, stroke=None, fill=SHADE),
                                          P.line(X0, y0, X0 + TW, y0, 0.7 if first else 0.5, RULE),
                                          P.line(X0, y0 + h, X0 + TW, y0 + h, 0.5, RULE),
                                          P.line(X0, y0, X0, y0 + h, 0.9, RULE),
                                          P.line(X0 + LABW, y0, X0 + LABW, y0 + h, 0.5, RULE),
                                          P.line(X0 + TW, y0, X0 + TW, y0 + h, 0.9, RULE)))
        ly = want
        for b in lab:
            doc.place(pg, b, X0 + FPAD, ly)
            ly += b.h
        state["y"] = y0 + h

    def form_head(no: str) -> None:
        pg = state["page"]
        nst = Style(size=9.6, leading=16)
        text = f"記録番号　{no}"
        wv = sw(text, G, nst.size) + 14
        sid = T.sentence(text, label=True)
        doc.place(pg, Block(h=nst.leading, draw=lambda P, x, y: (
            P.rect(x + TW - wv, y - 2, wv, nst.leading + 4, stroke=RULE, width=0.7),
            P.text(x + TW - 7, baseline_of(y, nst), text, G, nst.size, BLACK, align="right")), frags=[(sid, text)]),
                  X0, state["y"])
        state["y"] += nst.leading + 14
        tst = Style(size=15, leading=24, bold=True, align="center")
        for b in red_blocks(T, [C.FORM_TITLE], TW, tst, extra={"heading": True}):
            doc.place(pg, b, X0, state["y"])
            wt = sw(C.FORM_TITLE, G, 15)
            yb = state["y"] + 24
            doc.op(pg, lambda P, yb=yb, wt=wt: (P.line(W / 2 - wt / 2 - 6, yb, W / 2 + wt / 2 + 6, yb, 0.6, BLACK),
                                                 P.line(W / 2 - wt / 2 - 6, yb + 2.4, W / 2 + wt / 2 + 6, yb + 2.4,
                                                        0.6, BLACK)))
            state["y"] += b.h
        state["y"] += 14

    record_pages: dict[str, list[int]] = {}
    for rec in C.RECORDS:
        new_page()
        form_head(rec["no"])
        first = True
        for label, paras in rec["rows"]:
            lines = value_blocks(label, paras)
            need = sum(b.h + b.sb for b in lines) + 2 * FPAD
            if fits(need):
                form_part(label, lines, first)
            else:
                # cut the row at the page foot; the rest continues on the next page under 「（続き）」
                k = 0
                used = 2 * FPAD
                while k < len(lines) and fits(used + lines[k].h + lines[k].sb):
                    used += lines[k].h + lines[k].sb
                    k += 1
                if k < 3:
                    raise AssertionError(f"akitsu-kaiji: row {label} of {rec['no']} would start at the page foot")
                form_part(label, lines[:k], first)
                new_page()
                rest = lines[k:]
                rest[0].sb = 0.0
                form_part(f"{label}（続き）", rest, True)
            first = False
        record_pages[rec["no"]] = list(state["group"])
        end_original()

    # ------------------------------------------------------------ self-checks
    t1 = T.tables[0]
    if len(set(t1["row_pages"])) != 2:
        raise AssertionError(f"akitsu-kaiji: 表1 should continue on a second page, rows on {t1['row_pages']}")
    if len(list_pages) != 2:
        raise AssertionError(f"akitsu-kaiji: the list takes {len(list_pages)} pages")
    if len(record_pages["7-05"]) != 2 or any(len(v) != 1 for k, v in record_pages.items() if k != "7-05"):
        raise AssertionError(f"akitsu-kaiji: record pages {record_pages}")
    if not 5 <= len(doc.pages) <= 9:
        raise AssertionError(f"akitsu-kaiji: {len(doc.pages)} pages")
    return doc
