"""tokiwa-giansho.pdf: 令和8年度 ときわ県居住支援協議会 通常総会 議案書, A4 portrait (fictional ときわ県).

Layout traps: a cover without a number that holds the 議案目次 (tag + title, … leaders, the page number computed
from the layout; flag `toc`, `is_toc`); body pages numbered 「- n -」 from the second PDF page (printed = PDF index);
no running header; 議案 open with a boxed tag 「第n号議案」 at the top left over the centred title, 第1号 / 第3号 /
第4号 / 第5号 on a new page, 第2号 (決算) right under the end of 第1号, so its 支出の部 continues onto the next page; numbered headings 「1　…」 / 「（1）…」 and ①② items; ruled tables 表1–表4 (wrapped cells, ※ notes);
FOUR budget tables in YEN (収入の部 / 支出の部 of the 決算 and of the 予算) with a 款｜項 hierarchy whose 款 cell is
MERGED over its 項 rows and its shaded 「計」 row (printed once, vertically centred, no rules between the rows in
that column, so pdfplumber prints the 款 name on a line of its own or beside a middle row; the truth repeats it
in every row), a 合計 row whose label spans 款 and 項, 「△」 decreases, the 款 group kept on one page and the header
repeated when a table continues; the prose gives the same sums once more (and the plan in 万円); a 監査報告 page
with the date right-aligned and two signature lines with a drawn seal circle; 表4 役員（案） with 新任 / 再任 and a
※ note on the retiring officers; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_tokiwa_giansho as C
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
    split_sentences,
    sw,
    wrap,
)
from .kit import decorate

W, H = A4
X0, X1, TOP, BOTTOM = 60.0, W - 60.0, 58.0, H - 58.0
NAVY = (0.12, 0.2, 0.42)
LNAVY = (0.9, 0.92, 0.97)
SUB = (0.95, 0.95, 0.95)
GRAY = (0.4, 0.4, 0.4)
RULE = (0.25, 0.25, 0.25)

P_ = Style(font=M, size=9.8, leading=15.8, indent=9.8, sa=1)
H1 = Style(size=10.6, leading=17, bold=True, sb=7, sa=2, keep_next=True)
H2 = Style(size=9.8, leading=15.4, bold=True, sb=1, keep_next=True, indent=4)
LI = Style(font=M, size=9.6, leading=15.4, hang=9.6, indent=9.8)
CAP = Style(size=9.2, leading=14, bold=True, sb=5, sa=1, keep_next=True)
TS, TL, PAD = 8.4, 11.6, 3.0


def _h1_deco(P, x, y, w, h):
    P.line(x, y + h - 2, x + w, y + h - 2, 0.5, (0.6, 0.65, 0.8))


def _wrap(text: str, width: float, bold: bool = False) -> list[str]:
    st = Style(size=TS, leading=TL, bold=bold)
    ls = wrap([(ch, -1) for ch in text], width - 2 * PAD, st, hang_punct=False) or [[]]
    return ["".join(u[0] for u in ln) for ln in ls]


_NUMCOL = {2, 3, 4}


def _cell(P, x, y, w, lines, col, header=False):
    for k, t in enumerate(lines):
        bl = baseline_of(y + PAD + k * TL, Style(size=TS, leading=TL))
        if header:
            P.text(x + w / 2, bl, t, G, TS, BLACK, True, "center")
        elif col in _NUMCOL:
            P.text(x + w - PAD, bl, t, G, TS, BLACK, False, "right")
        else:
            P.text(x + PAD, bl, t, G, TS, BLACK)


def _ktable(flow: Flow, spec: dict) -> None:
    doc = flow.doc
    T = doc.truth
    width = flow.width
    tot = sum(spec["widths"])
    colw = [w * width / tot for w in spec["widths"]]
    xs = [sum(colw[:j]) for j in range(len(colw) + 1)]
    rows: list[list[str]] = []
    for kan, items, sub in spec["groups"]:
        for it in items:
            rows.append([kan] + it)
        if sub:
            rows.append([kan] + sub)
    total = spec["total"]
    rows.append([total[0], ""] + total[1:])
    # caption (+ unit at the right)
    csid = T.sentence(spec["caption"], caption=True)
    tid = T.table(spec["caption"], spec["unit"], spec["header"], rows)
    unit = spec["unit"]

    def cap_draw(P, x, y):
        P.text(x, baseline_of(y, CAP), spec["caption"], G, CAP.size, BLACK, True)
        P.text(x + width, baseline_of(y, CAP), unit, G, TS, BLACK, False, "right")
    flow.add(Block(h=CAP.leading + CAP.sa, draw=cap_draw, frags=[(csid, spec["caption"])], keep_next=True,
                   sb=CAP.sb, table=tid))

    def header_block() -> Block:
        cells = [_wrap(t, colw[j], True) for j, t in enumerate(spec["header"])]
        h = max(len(c) for c in cells) * TL + 2 * PAD

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=LNAVY)
            P.line(x, y, x + width, y, 0.7, RULE)
            P.line(x, y + h, x + width, y + h, 0.7, RULE)
            for j, c in enumerate(cells):
                P.line(x + xs[j], y, x + xs[j], y + h, 0.6, RULE)
                _cell(P, x + xs[j], y + (h - len(c) * TL - 2 * PAD) / 2, colw[j], c, j, True)
            P.line(x + width, y, x + width, y + h, 0.6, RULE)
        return Block(h=h, draw=draw, keep_next=True, table=tid)

    flow.add(header_block())
    ri = 0
    first = True
    for kan, items, sub in spec["groups"]:
        lines = []
        for it in items:
            lines.append(([_wrap(t, colw[j + 1]) for j, t in enumerate(it)], False))
        if sub:
            lines.append(([_wrap(t, colw[j + 1]) for j, t in enumerate(sub)], True))
        hs = [max(len(c) for c in cl) * TL + 2 * PAD for cl, _s in lines]
        gh = sum(hs)
        kl = _wrap(kan, colw[0])

        def draw(P, x, y, lines=lines, hs=hs, gh=gh, kl=kl):
            yy = y
            for (cl, is_sub), rh in zip(lines, hs, strict=True):
                if is_sub:
                    P.rect(x + xs[1], yy, width - xs[1], rh, stroke=None, fill=SUB)
                for j, c in enumerate(cl):
                    if is_sub and j == 0:
                        P.text(x + xs[1] + colw[1] / 2, baseline_of(yy + PAD, Style(size=TS, leading=TL)), c[0], G,
                               TS, BLACK, False, "center")
                    else:
                        _cell(P, x + xs[j + 1], yy, colw[j + 1], c, j + 1)
                if yy > y:
                    P.line(x + xs[1], yy, x + width, yy, 0.5, RULE)
                yy += rh
            _cell(P, x, y + (gh - len(kl) * TL - 2 * PAD) / 2, colw[0], kl, 0)
            P.line(x, y, x + width, y, 0.6, RULE)
            P.line(x, y + gh, x + width, y + gh, 0.6, RULE)
            for j in range(len(colw) + 1):
                P.line(x + xs[j], y, x + xs[j], y + gh, 0.6, RULE)

        flow.add(Block(h=gh, draw=draw, table=tid, row=ri))
        ri += len(lines)
        if first:
            flow.flush()
            flow.repeat = header_block
            first = False
    # total row: the label spans 款 and 項
    tcells = [_wrap(t, colw[j + 2]) for j, t in enumerate(total[1:])]
    th = TL + 2 * PAD

    def tdraw(P, x, y):
        P.rect(x, y, width, th, stroke=None, fill=LNAVY)
        P.text(x + xs[2] / 2, baseline_of(y + PAD, Style(size=TS, leading=TL)), total[0], G, TS, BLACK, True,
               "center")
        for j, c in enumerate(tcells):
            _cell(P, x + xs[j + 2], y, colw[j + 2], c, j + 2)
        P.line(x, y, x + width, y, 0.6, RULE)
        P.line(x, y + th, x + width, y + th, 1.0, RULE)
        for j in [0] + list(range(2, len(colw) + 1)):
            P.line(x + xs[j], y, x + xs[j], y + th, 0.6, RULE)

    flow.add(Block(h=th, draw=tdraw, table=tid, row=ri))
    flow.flush()
    flow.repeat = None
    nst = Style(size=TS - 0.4, leading=TL, hang=TS, sb=3)
    for k, n in enumerate(spec.get("notes", [])):
        flow.add_all(line_blocks(T, split_sentences(n), width, nst.but(sb=3 if k == 0 else 0), extra={"note": True}))
    flow.vspace(6)


def _audit(flow: Flow, spec: dict) -> int:
    T = flow.doc.truth
    wd = flow.width
    tst = Style(size=14, leading=24, bold=True, align="center", sb=6, sa=14, keep_next=True)
    tb = line_blocks(T, [spec["title"]], wd, tst, heading=True)
    tsid = len(T.sentences) - 1
    flow.add_all(tb)
    flow.add_all(line_blocks(T, split_sentences(spec["text"]), wd, Style(font=M, size=10.6, leading=19, indent=10.6,
                                                                        sa=18)))
    flow.add_all(line_blocks(T, [spec["date"]], wd - 20, Style(font=M, size=10.6, leading=19, align="right", sa=14)))
    for role, name in spec["signers"]:
        t = f"{role}　{name}"
        sid = T.sentence(t)

        def draw(P, x, y, t=t):
            bl = baseline_of(y, Style(size=11, leading=26))
            tx = x + wd - 60 - sw(t, M, 11)
            P.text(tx, bl, t, M, 11, BLACK)
            cx, cy = x + wd - 36, bl - 4
            P.c.setStrokeColorRGB(0.75, 0.2, 0.2)
            P.c.setLineWidth(0.8)
            P.c.circle(cx, P.H - cy, 10, stroke=1, fill=0)
            P.text(cx, cy + 3.5, "印", G, 9, (0.75, 0.2, 0.2), align="center")
        flow.add(Block(h=30, draw=draw, frags=[(sid, t)]))
    return tsid


def _build(toc_pages: dict) -> tuple[Doc, dict]:
    doc = Doc("tokiwa-giansho.pdf", A4, C.TITLE, "A4 general-meeting agenda book with 款・項 budget tables",
              meta_title=None)
    T = doc.truth
    wd = X1 - X0

    def decor(P, info, when):
        if when == "over" and info["footer"]:
            P.text(W / 2, H - 34, info["footer"], G, 9.6, BLACK, align="center")

    # ---- cover with the 議案目次
    cv = doc.new_page(printed=None, header=None, footer=None, is_toc=True, decor=decor)
    cv_ = C.COVER
    y = 150.0
    doc.place(cv, line_blocks(T, [cv_["year"]], wd, Style(size=16, leading=26, align="center", bold=True),
                              heading=True)[0], X0, y)
    tsid = T.sentence(C.TITLE.split(" ", 1)[1], heading=True)
    y += 40
    for t in cv_["title"]:
        st = Style(size=24, leading=40, bold=True, color=NAVY)
        doc.place(cv, Block(h=40, draw=lambda P, x, yy, t=t, st=st: P.text(x + wd / 2, baseline_of(yy, st), t, G,
                                                                             st.size, NAVY, True, "center"),
                            frags=[(tsid, t)]), X0, y)
        y += 40
    y += 10
    doc.op(cv, lambda P, y=y: P.line(X0 + 40, y, X1 - 40, y, 1.2, NAVY))
    y += 26
    for lab, val in cv_["meta"]:
        t = f"{lab}　{val}"
        doc.place(cv, line_blocks(T, [t], wd, Style(size=12, leading=22))[0], X0 + 90, y)
        y += 26
    y += 30
    # 目次 frame
    entries = []
    for key, tag, title, _items in C.PARTS:
        entries.append((key, f"{tag}　{title}"))
        if key == "g2":
            entries.append(("audit", "監査報告"))
    fx, fw = X0 + 30, wd - 60
    fh = 44 + 28 * len(entries)
    doc.op(cv, lambda P, y=y: P.rect(fx, y, fw, fh, stroke=NAVY, fill=None, width=0.9))
    doc.place(cv, line_blocks(T, [cv_["toc_title"]], fw, Style(size=12, leading=20, bold=True, align="center"),
                              heading=True)[0], fx, y + 10)
    yy = y + 40
    est = Style(size=10.6, leading=20)
    for key, text in entries:
        sid = T.sentence(text, toc=True)
        pg = str(toc_pages.get(key, 0))
        ind = 22 if key == "audit" else 0

        def draw(P, x, y0, text=text, pg=pg, ind=ind):
            bl = baseline_of(y0, est)
            P.text(x + 18 + ind, bl, text, G, est.size, BLACK)
            x1 = x + 18 + ind + sw(text, G, est.size) + 6
            x2 = x + fw - 18 - sw(pg, G, est.size) - 6
            P.c.setFillColorRGB(0.4, 0.4, 0.4)
            xx = x1
            while xx < x2:
                P.c.circle(xx, P.H - bl + 2.5, 0.6, stroke=0, fill=1)
                xx += 4.0
            P.text(x + fw - 18, bl, pg, G, est.size, BLACK, align="right")
        doc.place(cv, Block(h=28, draw=draw, frags=[(sid, text)]), fx, yy)
        yy += 28
    y = H - 150
    for k, t in enumerate(cv_["issuer"]):
        doc.place(cv, line_blocks(T, [t], wd, Style(size=12.5 if k == 0 else 10, leading=22, align="center",
                                                     bold=k == 0))[0], X0, y)
        y += 22

    # ---- body
    def new_page() -> int:
        n = len(doc.pages)
        return doc.new_page(printed=str(n), header=None, footer=f"- {n} -", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    found: dict[str, int] = {}
    marks: dict[str, int] = {}
    tagst = Style(size=11, leading=20, bold=True)
    for key, tag, title, items in C.PARTS:
        if key in C.NEW_PAGE:
            flow.page_break()
        else:
            flow.vspace(18)
        sid = T.sentence(tag, heading=True)
        marks[key] = sid
        tw = sw(tag, G, tagst.size)

        def tdraw(P, x, y, tag=tag, tw=tw):
            P.rect(x, y, tw + 16, 22, stroke=BLACK, fill=None, width=0.9)
            P.text(x + 8, baseline_of(y + 1, tagst), tag, G, tagst.size, BLACK, True)
        flow.add(Block(h=28, draw=tdraw, frags=[(sid, tag)], keep_next=True))
        flow.add_all(line_blocks(T, [title], wd, Style(size=13.4, leading=22, bold=True, align="center", sa=6,
                                                       keep_next=True), heading=True))
        for it in items:
            kind = it[0]
            if kind == "h1":
                flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), _h1_deco, wd))
            elif kind == "h2":
                flow.add_all(line_blocks(T, [it[1]], wd, H2, heading=True))
            elif kind == "p":
                flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
            elif kind == "list":
                for t in it[1]:
                    flow.add_all(line_blocks(T, split_sentences(t), wd, LI, extra={"item": True}))
            elif kind == "table":
                flow.add_table(TableSpec(**{"size": TS, "leading": TL, "header_fill": LNAVY, "caption_style": CAP,
                                            **it[1]}))
                flow.vspace(4)
            elif kind == "ktable":
                _ktable(flow, it[1])
            elif kind == "audit":
                marks["audit"] = _audit(flow, it[1])
            else:
                raise KeyError(kind)
    flow.finish()
    for key, sid in marks.items():
        found[key] = min(T.sentences[sid]["pages"])
    for t in T.tables:  # rows drawn inside one 款 block share its page
        last = None
        for i, p in enumerate(t["row_pages"]):
            if p is None:
                t["row_pages"][i] = last
            last = t["row_pages"][i]
    return doc, found


def build() -> Doc:
    _d, pages = _build({})
    doc, again = _build(pages)
    assert pages == again, (pages, again)
    return doc
