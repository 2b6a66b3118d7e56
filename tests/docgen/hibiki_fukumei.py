"""hibiki-fukumei.pdf: a 復命書 (trip report) of すずね市 on the prefecture's briefing, printed from the city's
electronic approval system (電子決裁) (fictional ひびき県), A4 portrait, no /Title.

Layout traps: a system print header on every page (「すずね市文書管理システム」 left, 「出力日時：…」 right, over a
thin rule; recorded as one header string); page 1: an approval data block at the top left (文書番号 / 起案日 /
決裁日 / 保存期間) beside a ruled 決裁欄 (a vertical 「決裁」 label cell, five position cells with electronic
SEAL IMAGES — names only as pictures, no text — one cell struck through) and a 合議 cell (住宅課長); the title
「復　命　書」 with letter spacing, date / addressee / reporter lines; then the whole report is ONE ruled
two-column form (shaded label column 出張日時 / 出張先 / 出張者 / 用務 / 復命内容 / 所感 / 今後の対応（案） /
添付資料 / 旅費, content column right) whose long 復命内容 row is SPLIT over three pages as Word splits a table
row: the frame continues, the label is printed only on the first part, each part closed by a rule at the foot
of the page; inside the cell: numbered headings, （n） sub-headings, ・ bullets with a hanging indent, a
NESTED ruled table (メニュー別予算額, unit （単位：千円） right of the caption, a 合計 row), Q/A pairs
「Q（ねいろ市）」「A（県）」 with hanging indents (flags `q` / `a`); footer 「n / N」 centred.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader

from . import content_hibiki_fukumei as C
from . import fonts
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    TableSpec,
    line_blocks,
    split_sentences,
    sw,
)

W, H = A4
X0, X1 = 56.0, W - 56.0
LW = 92.0            # label column
PX = 7.0             # padding inside the content cell
CX0, CX1 = X0 + LW + PX, X1 - PX - 5
TOP, BOTTOM = 62.0, H - 58.0
GRAY = (0.4, 0.4, 0.4)
RULE = (0.15, 0.15, 0.15)
FILL = (0.92, 0.92, 0.92)
FS = 10.0
LEADING = 16.2

LABEL = Style(font=G, size=FS, leading=LEADING)
P = Style(font=M, size=FS, leading=LEADING)
HEAD1 = Style(font=G, size=FS, leading=LEADING, bold=True, sb=5, keep_next=True)
HEAD2 = Style(font=G, size=FS, leading=LEADING, sb=2, keep_next=True)
BUL = Style(font=M, size=FS, leading=LEADING, indent=FS * 0.4, hang=FS * 1.4, sb=1)
NUM = Style(font=M, size=FS, leading=LEADING, hang=FS * 2, sb=1)


class FormDoc(Doc):
    """A Doc that remembers every placement (page, y, h, block) for drawing the form frame afterwards."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.placed: list[tuple[int, float, float, Block]] = []

    def place(self, page, block, x, y):
        super().place(page, block, x, y)
        self.placed.append((page, y, block.h, block))


def _seal_png(name: str | None, date: str, seed: int) -> bytes:
    """An electronic approval seal (name and date in a red circle) as a PNG with transparency."""
    from PIL import Image, ImageDraw, ImageFont

    path = fonts.register()[G]
    s = 4  # pixels per point
    sz = 34 * s
    im = Image.new("RGBA", (sz, sz), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    col = (210, 35, 40, 255)
    d.ellipse([2, 2, sz - 3, sz - 3], outline=col, width=int(1.3 * s))
    d.line([int(sz * 0.16), int(sz * 0.36), int(sz * 0.84), int(sz * 0.36)], fill=col, width=int(0.8 * s))
    d.line([int(sz * 0.16), int(sz * 0.64), int(sz * 0.84), int(sz * 0.64)], fill=col, width=int(0.8 * s))
    f1 = ImageFont.truetype(path, 5.2 * s)
    f2 = ImageFont.truetype(path, (9.5 if len(name) <= 2 else 7.5) * s)
    d.text((sz / 2, sz * 0.24), "すずね市", font=f1, fill=col, anchor="mm")
    d.text((sz / 2, sz * 0.50), date, font=f1, fill=col, anchor="mm")
    d.text((sz / 2, sz * 0.81), name, font=f2, fill=col, anchor="mm")
    im = im.rotate(((seed * 7) % 9) - 4, resample=Image.BICUBIC)
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def build() -> Doc:
    doc = FormDoc("hibiki-fukumei.pdf", A4, C.TITLE, "trip report form (復命書) from an e-approval system",
                  meta_title=None)
    T = doc.truth
    header = C.HEADER_LEFT + "　" + C.HEADER_RIGHT

    def decor(P_, info, when):
        if when == "under":
            _frame_fill(P_, info["index"])
            return
        P_.text(X0, 34, C.HEADER_LEFT, G, 7.6, GRAY)
        P_.text(X1, 34, C.HEADER_RIGHT, G, 7.6, GRAY, align="right")
        P_.line(X0, 38.5, X1, 38.5, 0.4, GRAY)
        P_.text(W / 2, H - 30, info["footer"], M, 9.5, BLACK, align="center")
        _frame_lines(P_, info["index"])

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=header, footer=f"{n} / N", decor=decor)

    # ------------------------------------------------------------ page 1 top
    p0 = new_page()

    def put(x, y, width, sents, st, **kw):
        blocks = line_blocks(T, sents, width, st, **kw)
        yy = y + st.sb
        for b in blocks:
            doc.place(p0, b, x, yy)
            yy += b.h
        return yy - y

    y = 50.0
    for t in C.META:
        y += put(X0, y, 165, [t], Style(font=G, size=8.6, leading=14.5), extra={"meta": True})

    # 決裁欄 (grid; seal images drawn by an op)
    cwid, lab_w, hh, sh = 44.0, 16.0, 13.0, 40.0
    gap = 8.0
    gw = lab_w + cwid * len(C.KESSAI) + gap + lab_w + cwid * len(C.GOGI)
    gx, gy = X1 - gw, 50.0
    cells = []  # (x, label, name)
    xx = gx + lab_w
    for lab, nm in C.KESSAI:
        cells.append((xx, lab, nm))
        xx += cwid
    xg = xx + gap
    for lab, nm in C.GOGI:
        cells.append((xg + lab_w, lab, nm))
    labs = [c[1] for c in cells]
    lsid = T.sentence("　".join(labs), grid=True)
    ksid = T.sentence("決裁", grid=True)
    gsid = T.sentence("合議", grid=True)

    def grid_draw(P_, x, y_):
        for bx, nlab in ((gx, len(C.KESSAI)), (xg, len(C.GOGI))):
            w = lab_w + cwid * nlab
            P_.rect(bx, gy, w, hh + sh, stroke=RULE, fill=None, width=0.7)
            P_.rect(bx, gy, lab_w, hh + sh, stroke=None, fill=FILL)
            P_.rect(bx, gy, w, hh + sh, stroke=RULE, fill=None, width=0.7)
            P_.line(bx + lab_w, gy + hh, bx + w, gy + hh, 0.6, RULE)
            for k in range(nlab + 1):
                P_.line(bx + lab_w + k * cwid, gy, bx + lab_w + k * cwid, gy + hh + sh, 0.6, RULE)
        for i, ch in enumerate("決裁"):
            P_.text(gx + lab_w / 2, gy + 22 + i * 13, ch, G, 8.6, BLACK, align="center")
        for i, ch in enumerate("合議"):
            P_.text(xg + lab_w / 2, gy + 22 + i * 13, ch, G, 8.6, BLACK, align="center")
        for cx, lab, nm in cells:
            P_.text(cx + cwid / 2, gy + 9.6, lab, G, 7.6 if len(lab) > 3 else 8.2, BLACK, align="center")
            if nm is None:
                P_.line(cx + 4, gy + hh + sh - 4, cx + cwid - 4, gy + hh + 4, 0.6, RULE)

    frags = [(lsid, "".join(labs)), (ksid, "決"), (ksid, "裁"), (gsid, "合"), (gsid, "議")]
    doc.place(p0, Block(h=0, draw=grid_draw, frags=frags), gx, gy)
    seals = []
    for i, (cx, lab, nm) in enumerate(cells):
        if nm:
            dt = "8.5.19" if lab in ("部長",) else ("8.5.18" if lab in ("課長", "住宅課長") else "8.5.15")
            seals.append((cx + cwid / 2, gy + hh + sh / 2, _seal_png(nm, dt, i)))

    def seal_op(P_):
        for cx, cy, png in seals:
            P_.c.drawImage(ImageReader(io.BytesIO(png)), cx - 17, P_.H - cy - 17, 34, 34, mask="auto")

    doc.op(p0, seal_op)

    y = max(y, gy + hh + sh) + 22
    sp = Style(font=G, size=18, leading=28, bold=True, align="center")
    y += put(X0, y, X1 - X0, [C.HEAD], sp, heading=True) + 6
    y += put(X0, y, X1 - X0, [C.DATE], Style(font=M, size=FS, leading=LEADING, align="right"))
    y += put(X0, y, X1 - X0, [C.TO], Style(font=M, size=10.5, leading=18))
    y += put(X0, y, X1 - X0, [C.FROM], Style(font=M, size=FS, leading=LEADING, align="right")) + 8
    y += put(X0, y, X1 - X0, [C.LEAD], Style(font=M, size=FS, leading=LEADING, indent=FS)) + 6
    form_top = y

    # ------------------------------------------------------------ the form (one flow in the content column)
    flow = Flow(doc, (CX0, TOP, CX1, BOTTOM), new_page, ncols=1,
                top_of=lambda pg: form_top if pg == 0 else TOP)
    flow.page = p0
    flow.band_top = form_top
    width = CX1 - CX0
    rows_meta: list[dict] = []

    def start_row(label: str):
        sid = T.sentence(label, heading=True, label=True)
        r = len(rows_meta)
        rows_meta.append({"label": label})

        def draw(P_, x, y_, label=label):
            P_.text(X0 + 6, y_ + 5 + LABEL.size * 0.86 + (LEADING - FS) / 2, label, G, FS, BLACK)

        b = Block(h=5.0, draw=draw, frags=[(sid, label)], keep_next=True)
        b.mark = ("start", r)
        lab_lines = 1
        return b, lab_lines

    def end_row():
        b = Block(h=5.0, draw=lambda P_, x, y_: None)
        b.mark = ("end", len(rows_meta) - 1)
        return b

    for label, items in C.ROWS:
        sb, _ = start_row(label)
        flow.add(sb)
        for it in items:
            k = it[0]
            if k == "p":
                flow.add_all(line_blocks(T, split_sentences(it[1]), width, P))
            elif k == "h":
                flow.add_all(line_blocks(T, [it[1]], width, HEAD1, heading=True))
            elif k == "h2":
                flow.add_all(line_blocks(T, [it[1]], width, HEAD2, heading=True))
            elif k == "b":
                flow.add_all(line_blocks(T, split_sentences("・" + it[1]), width, BUL, extra={"item": True}))
            elif k == "n":
                flow.add_all(line_blocks(T, split_sentences(it[1]), width, NUM, extra={"item": True}))
            elif k in ("q", "a"):
                tag = ("Q" if k == "q" else "A") + "（" + it[1] + "）"
                st = Style(font=M, size=FS, leading=LEADING, hang=sw(tag, M, FS) + 2, sb=3 if k == "q" else 0)
                flow.add_all(line_blocks(T, split_sentences(tag + it[2]), width, st, extra={k: True}))
            elif k == "table":
                spec = dict(it[1])
                flow.add_table(TableSpec(**spec, size=8.8, leading=12.6, pad=3.4, header_fill=(0.9, 0.9, 0.9),
                                         rule=RULE,
                                         caption_style=Style(font=G, size=9.2, leading=15, sb=4, keep_next=True)))
                flow.vspace(3)
            else:
                raise KeyError(k)
        flow.add(end_row())
    flow.finish()

    # ------------------------------------------------------------ 添付資料1 (the agenda)
    pa = new_page()

    def put_a(x, y_, width_, sents, st, **kw):
        blocks = line_blocks(T, sents, width_, st, **kw)
        yy = y_ + st.sb
        for b in blocks:
            doc.place(pa, b, x, yy)
            yy += b.h
        return yy - y_

    tag_sid = T.sentence(C.ATT_TAG, tag=True)

    def tag_draw(P_, x, y_):
        w = sw(C.ATT_TAG, G, 10) + 14
        P_.rect(X1 - w, y_, w, 19, stroke=BLACK, fill=None, width=0.8)
        P_.text(X1 - w / 2, y_ + 13.4, C.ATT_TAG, G, 10, BLACK, align="center")

    doc.place(pa, Block(h=19, draw=tag_draw, frags=[(tag_sid, C.ATT_TAG)]), X1 - 80, 52)
    y = 92.0
    full = X1 - X0
    for t in C.ATT_TITLE:
        y += put_a(X0, y, full, [t], Style(font=G, size=14, leading=22, bold=True, align="center"), heading=True)
    y += 12
    y += put_a(X0, y, full, [C.ATT_HEAD], Style(font=G, size=15, leading=24, bold=True, align="center"),
               heading=True) + 14
    for t in C.ATT_INFO:
        y += put_a(X0 + 90, y, full - 90, [t], Style(font=M, size=10.5, leading=19))
    y += 22
    ist = Style(font=M, size=11, leading=26)
    for lvl, text, tm in C.ATT_ITEMS:
        if lvl == 0:
            sid = T.sentence(text, item=True)
            tsid = T.sentence(tm, item=True, time=True)

            def brk(P_, x, y_, text=text, tm=tm):
                P_.line(X0 + 60, y_ + 13, X0 + 190, y_ + 13, 0.5, GRAY, dash=[2, 2])
                P_.text(X0 + 212, y_ + 17, text, M, 10.5, GRAY)
                P_.line(X0 + 250, y_ + 13, X1 - 110, y_ + 13, 0.5, GRAY, dash=[2, 2])
                P_.text(X1 - 30, y_ + 17, tm, M, 10.5, GRAY, align="right")

            doc.place(pa, Block(h=24, draw=brk, frags=[(sid, text), (tsid, tm)]), X0, y)
            y += 24
            continue
        ind = 40 if lvl == 1 else 64
        h = put_a(X0 + ind, y, full - ind - (120 if tm else 30), [text],
                  ist.but(leading=26 if lvl == 1 else 20, hang=0 if lvl == 1 else 11 * 2.6),
                  heading=lvl == 1, extra=None if lvl == 1 else {"item": True})
        if tm:
            tsid = T.sentence(tm, item=True, time=True)

            def tdraw(P_, x, y_, tm=tm):
                P_.text(X1 - 30, y_ + 18, tm, M, 10.5, BLACK, align="right")

            doc.place(pa, Block(h=0, draw=tdraw, frags=[(tsid, tm)]), X0, y)
        y += h
    y += 26
    # 配付資料 in a ruled box
    bx0, bw = X0 + 40, full - 80
    y0 = y
    y += 8
    y += put_a(bx0 + 12, y, bw - 24, [C.ATT_DOCS_TITLE], Style(font=G, size=10.5, leading=19, bold=True),
               heading=True)
    for t in C.ATT_DOCS:
        y += put_a(bx0 + 24, y, bw - 36, [t], Style(font=M, size=10.5, leading=19), extra={"item": True})
    y += 8
    doc.op(pa, lambda P_, y0=y0, y1=y: P_.rect(bx0, y0, bw, y1 - y0, stroke=BLACK, fill=None, width=0.7))
    y += 14
    for t in C.ATT_NOTES:
        y += put_a(X0 + 40, y, full - 80, split_sentences(t), Style(font=M, size=9.6, leading=16, hang=9.6),
                   extra={"note": True})

    # total page count in the footers
    n = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = pg.info["footer"].replace("N", str(n))

    # ------------------------------------------------------------ frame geometry per page
    segs: dict[int, list[dict]] = {}
    cur = None
    for page, y_, h, b in doc.placed:
        mark = getattr(b, "mark", None)
        if mark and mark[0] == "start":
            cur = mark[1]
            segs.setdefault(page, []).append({"row": cur, "top": y_, "bot": y_ + h, "first": True, "end": False})
            continue
        if cur is None or page == 0 and y_ < form_top:
            continue
        lst = segs.setdefault(page, [])
        if not lst or lst[-1]["row"] != cur:
            lst.append({"row": cur, "top": y_ - 4, "bot": y_ + h, "first": False, "end": False})
        lst[-1]["bot"] = max(lst[-1]["bot"], y_ + h)
        if mark and mark[0] == "end":
            lst[-1]["end"] = True
            cur = None
    for lst in segs.values():
        for s in lst:
            if not s["end"]:
                s["bot"] += 4

    def _frame_fill(P_, page):
        for s in segs.get(page, []):
            P_.rect(X0, s["top"], LW, s["bot"] - s["top"], stroke=None, fill=FILL)

    def _frame_lines(P_, page):
        for s in segs.get(page, []):
            P_.line(X0, s["top"], X1, s["top"], 0.8, RULE)
            P_.line(X0, s["bot"], X1, s["bot"], 0.8, RULE)
            P_.line(X0, s["top"], X0, s["bot"], 0.8, RULE)
            P_.line(X0 + LW, s["top"], X0 + LW, s["bot"], 0.6, RULE)
            P_.line(X1, s["top"], X1, s["bot"], 0.8, RULE)

    return doc
