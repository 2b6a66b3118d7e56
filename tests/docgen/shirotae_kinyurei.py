"""shirotae-kinyurei.pdf: a subsidy application guide with FILLED-IN SAMPLE FORMS (記入例), A4 portrait (fictional しろたえ県).

Layout traps: no cover; page 1 opens with a title band (kicker, two title lines, date and issuer); the guide pages are
numbered 「- 1 -」–「- 4 -」, then come three sample-form pages labelled only 「記入例-1」–「記入例-3」 at the foot, and the guide
resumes with 「- 5 -」 on the eighth PDF page (so after the forms the printed number is three less than the PDF page); running
header (the guide's short name, top left over a rule) on the guide pages from page 2 only.  Guide: headings with a bar,
prose (a sentence crosses the break from page 1 to page 2), ruled tables (表1 with ※1–※3, 表2 募集日程 with a wrapped cell,
表3 with long wrapped cells, 表4, 表5 by council that CONTINUES onto the last page under its repeated header row), a 変更点
box, three framed 算定例 boxes (label left, amount right, dotted leaders drawn as vectors), a TWO-LANE procedure chart 図1
alone on page 4 (市町村 / 県 lanes and a 時期・様式 column; eight step boxes alternate between the lanes, joined by straight and
elbow arrows; a step's wrapped detail and its note share text lines), Q1–Q6 with a drawn 「A」, a checklist with drawn □.
記入例 pages: a form in the left 57 % of the page (「様式第n号（第7条関係）」 top left, a red 「記入例」 stamp top right, ruled
label | value rows; the example entries are in blue Mincho and name the fictional 「○○町」; ■ / □ choices printed as text;
an empty shaded 県使用欄; on 記入例-3 three ruled tables 収入 / 支出 / 算定) and RED BALLOONS ①… in the right margin (rounded
frames joined to their field by a red leader line with a dot), whose wrapped lines sit at arbitrary heights beside the form
rows, so pdfplumber prints a form row and a balloon line on one text line and splits balloons around form lines
(「1 事業区分 し、構成市町村名を事業の名称の後に」, 「報償費（講師謝金） 64,000 64,000 8,000円×2時間×4 ②謝金の単価は、…」).
The sample amounts agree with the rules (算定例1 = the sample 収支予算書) but are not real figures; the binding rules of
the guide are only in some balloons (押印不要, 謝金 8,000円, 旅費 2名分, 完了期限).

Truth: form labels flag `field`, entries `example` (■ / □ lines also `option`), balloons `balloon`, the stamp `stamp`, the
form number `form`; forms 1–2 are also tables (caption = the printed form title, header 項目｜記入例); the 収支予算書's three
tables are ordinary tables with their printed captions.  Flow chart texts flag `box` (step titles also `heading`), its notes
`item`; checklist items `item` / `check`.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_shirotae_kinyurei as C
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
X0, X1 = 60.0, W - 60.0
TOP, BOTTOM = 80.0, H - 70.0
FS = 10.3
Z = FS

TEAL = (0.05, 0.36, 0.42)
PALE = (0.90, 0.94, 0.95)
SAND = (0.98, 0.96, 0.90)
GRAY = (0.40, 0.40, 0.40)
WHITE = (1, 1, 1)
RED = (0.82, 0.10, 0.10)
DARKRED = (0.55, 0.05, 0.05)
PINK = (1.0, 0.95, 0.95)
BLUE = (0.05, 0.20, 0.62)
SHADE = (0.92, 0.92, 0.92)

H2 = Style(size=12, leading=21, bold=True, color=TEAL, sb=12, sa=3, keep_next=True)
P_ = Style(font=M, size=FS, leading=18, indent=Z, sa=3)
QST = Style(size=10.2, leading=18, bold=True, color=TEAL, sb=6, keep_next=True)
AST = Style(font=M, size=FS, leading=18, sa=2)


class Cursor:
    def __init__(self, doc: Doc, new_page):
        self.doc = doc
        self.new_page_fn = new_page
        self.pg: int | None = None
        self.y = TOP

    def page(self) -> None:
        self.pg = self.new_page_fn()
        self.y = TOP

    def fits(self, h: float) -> bool:
        return self.pg is not None and self.y + h <= BOTTOM + 0.01

    def put(self, b: Block, dx: float = 0.0) -> None:
        if self.pg is None:
            self.page()
        if self.y > TOP + 0.01:
            self.y += b.sb
        self.doc.place(self.pg, b, X0 + dx, self.y)
        self.y += b.h

    def group(self, blocks: list[Block], dx: float = 0.0) -> None:
        top = self.pg is None or self.y <= TOP + 0.01
        need = sum(b.h for b in blocks) + sum(b.sb for b in blocks[(1 if top else 0):])
        if not self.fits(need):
            self.page()
        for b in blocks:
            self.put(b, dx)

    def flow(self, blocks: list[Block], head: list[Block] | None = None, keep: int = 2, dx: float = 0.0) -> None:
        self.group(list(head or []) + blocks[:keep], dx)
        for b in blocks[keep:]:
            if not self.fits(b.h):
                self.page()
            self.put(b, dx)


def heading_blocks(T, text: str) -> list[Block]:
    bl = line_blocks(T, [text], X1 - X0 - 12, H2, heading=True)
    o = bl[0].draw

    def draw(P, x, y, o=o):
        P.rect(x, y + 4, 5, 15, stroke=None, fill=TEAL)
        P.line(x, y + 21, x + (X1 - X0), y + 21, 0.6, TEAL)
        o(P, x + 12, y)
    bl[0].draw = draw
    return bl


def table_spec(spec: dict) -> TableSpec:
    return TableSpec(caption=spec["caption"], unit=spec["unit"], header=spec["header"], rows=spec["rows"],
                     widths=spec["widths"], align=spec["align"], size=8.9, leading=13.2, pad=3.8,
                     header_fill=PALE, first_col_fill=(0.97, 0.98, 0.98),
                     caption_style=Style(size=9.8, leading=16, bold=True, color=TEAL, sb=6),
                     notes=spec["notes"], note_style=Style(font=M, size=8.7, leading=13.6, hang=8.7, sb=3))


def calc_block(T, title: str, rows: list[tuple[str, str]], width: float) -> Block:
    tst = Style(size=9.8, leading=16, bold=True, color=TEAL)
    rst = Style(size=9.4, leading=16)
    tsid = T.sentence(title, heading=True, box=True)
    sids = [T.sentence(lab + val, box=True) for lab, val in rows]
    pad = 9.0
    h = pad + tst.leading + 2 + len(rows) * rst.leading + pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=TEAL, fill=SAND, width=0.8, radius=3)
        P.text(x + pad, baseline_of(y + pad, tst), title, G, tst.size, TEAL, True)
        yy = y + pad + tst.leading + 2
        for k, (lab, val) in enumerate(rows):
            bl = baseline_of(yy, rst)
            last = k == len(rows) - 1
            P.text(x + pad + 10, bl, lab, G, rst.size, BLACK, last)
            vw = sw(val, G, rst.size)
            P.text(x + width - pad - 10, bl, val, G, rst.size, BLACK, last, "right")
            x1 = x + pad + 14 + sw(lab, G, rst.size)
            x2 = x + width - pad - 14 - vw
            P.line(x1, bl - 1, x2, bl - 1, 0.6, GRAY, dash=([0.8, 2.2], 0))
            yy += rst.leading

    frags = [(tsid, title)] + [f for sid, (lab, val) in zip(sids, rows, strict=True) for f in ((sid, lab), (sid, val))]
    return Block(h=h, draw=draw, frags=frags, sb=8)


def flow_block(T, spec: dict, width: float) -> list[Block]:
    """The two-lane chart as one unbreakable block (plus its caption line)."""
    cap = line_blocks(T, [spec["caption"]], width, Style(size=9.8, leading=16, bold=True, color=TEAL, sb=6),
                      extra={"caption": True})
    lw = [width * 0.355, width * 0.355, width * 0.29]
    lx = [0.0, lw[0], lw[0] + lw[1]]
    hh = 20.0
    tst = Style(size=9.6, leading=13.5, bold=True, color=TEAL)
    dst = Style(size=8.4, leading=11.2)
    nst = Style(size=8.6, leading=12.0, align="center")
    bw = lw[0] - 24
    heads = [line_blocks(T, [t], lw[k], Style(size=9.4, leading=14, bold=True, align="center", color=WHITE),
                         heading=True, extra={"box": True})[0] for k, t in enumerate(spec["lanes"])]
    steps = []
    for lane, title, detail, note in spec["steps"]:
        tb = line_blocks(T, [title], bw - 12, tst, heading=True, extra={"box": True})
        db = line_blocks(T, split_sentences(detail), bw - 12, dst, extra={"box": True})
        nb = line_blocks(T, [note], lw[2] - 16, nst, extra={"item": True})
        steps.append((lane, tb, db, nb))
    bh = max(6 + sum(b.h for b in tb) + sum(b.h for b in db) + 6 for _, tb, db, _ in steps)
    gap = 16.0
    total = hh + 8 + len(steps) * bh + (len(steps) - 1) * gap + 6

    def draw(P, x, y):
        for k in range(3):
            P.rect(x + lx[k] + 1, y, lw[k] - 2, hh, stroke=None, fill=TEAL)
            heads[k].draw(P, x + lx[k], y + (hh - 14) / 2)
            P.rect(x + lx[k] + 1, y + hh + 2, lw[k] - 2, total - hh - 2, stroke=None,
                   fill=(0.96, 0.98, 0.98) if k < 2 else (0.985, 0.985, 0.985))
        for k in (1, 2):
            P.line(x + lx[k], y + hh + 2, x + lx[k], y + total, 0.6, GRAY, dash=([3, 2], 0))
        yy = y + hh + 8
        prev = None
        for lane, tb, db, nb in steps:
            bx = x + lx[lane] + 12
            P.rect(bx, yy, bw, bh, stroke=TEAL, fill=WHITE, width=0.9, radius=3)
            ty = yy + 6
            for b in tb:
                b.draw(P, bx + 6, ty)
                ty += b.h
            for b in db:
                b.draw(P, bx + 6, ty)
                ty += b.h
            nh = sum(b.h for b in nb)
            ny = yy + (bh - nh) / 2
            for b in nb:
                b.draw(P, x + lx[2] + 8, ny)
                ny += b.h
            cx = bx + bw / 2
            if prev is not None:
                pcx, pby = prev
                ym = pby + gap / 2
                if abs(pcx - cx) < 1:
                    P.line(cx, pby, cx, yy - 4, 1.0, TEAL)
                else:
                    P.line(pcx, pby, pcx, ym, 1.0, TEAL)
                    P.line(pcx, ym, cx, ym, 1.0, TEAL)
                    P.line(cx, ym, cx, yy - 4, 1.0, TEAL)
                P.poly([(cx - 4, yy - 5), (cx + 4, yy - 5), (cx, yy)], fill=TEAL)
            prev = (cx, yy + bh)
            yy += bh + gap

    frags = [f for b in heads for f in b.frags]
    for _, tb, db, nb in steps:
        for b in tb + db + nb:
            frags.extend(b.frags)
    return cap + [Block(h=total, draw=draw, frags=frags, sb=4)]


def qa_blocks(T, q: str, a: str, width: float) -> tuple[list[Block], list[Block]]:
    qb = line_blocks(T, [q], width, QST, extra={"q": True})
    ab = line_blocks(T, split_sentences(a), width - 16, AST, extra={"a": True})
    o = ab[0].draw

    def draw_a(P, x, y, o=o):
        P.text(x, baseline_of(y, AST), "A", G, 10.5, TEAL, True)
        o(P, x + 16, y)
    ab[0].draw = draw_a
    for b in ab[1:]:
        ob = b.draw
        b.draw = lambda P, x, y, ob=ob: ob(P, x + 16, y)
    return qb, ab


def render_body(doc: Doc, cur: Cursor, items: list) -> None:
    T = doc.truth
    width = X1 - X0
    head: list[Block] = []
    for it in items:
        kind = it[0]
        if kind == "h":
            head = heading_blocks(T, it[1])
        elif kind == "p":
            cur.flow(line_blocks(T, split_sentences(it[1]), width, P_), head)
            head = []
        elif kind == "table":
            ts = table_spec(C.TABLES[it[1]])
            caps, header, rows, notes = table_parts(doc, ts, width)
            cur.group(head + caps + [header(), rows[0]])
            head = []
            for r in rows[1:]:
                if not cur.fits(r.h):
                    cur.page()
                    cur.put(header())
                cur.put(r)
            if notes:
                cur.flow(notes)
            cur.y += 4
        elif kind == "box":
            b = box_block(T, it[1], it[2], width, Style(size=9.4, leading=15.5, hang=9.4),
                          Style(size=10, leading=16, bold=True), fill=(0.98, 0.99, 0.99), border=TEAL, pad=9,
                          bullet_hang=9.4)
            cur.group(head + [b])
            head = []
        elif kind == "calc":
            cur.group(head + [calc_block(T, it[1], it[2], width - 40)], dx=20)
            head = []
        elif kind == "flow":
            cur.group(head + flow_block(T, C.FLOW, width))
            head = []
        elif kind == "qa":
            qb, ab = qa_blocks(T, it[1], it[2], width)
            cur.flow(ab, head + qb)
            head = []
        elif kind == "check":
            blocks = []
            cst = Style(font=M, size=FS, leading=19)
            for t in it[1]:
                lb = line_blocks(T, [t], width - 40, cst, extra={"item": True, "check": True})
                o = lb[0].draw

                def draw(P, x, y, o=o):
                    P.rect(x + 12, y + 4.8, 9.6, 9.6, stroke=TEAL, fill=WHITE, width=0.9)
                    o(P, x + 30, y)
                lb[0].draw = draw
                for b in lb[1:]:
                    ob = b.draw
                    b.draw = lambda P, x, y, ob=ob: ob(P, x + 30, y)
                blocks.extend(lb)
            cur.flow(blocks, head)
            head = []
        elif kind == "contact":
            b = box_block(T, it[1], it[2], width, Style(size=9.4, leading=16), Style(size=10, leading=16, bold=True),
                          fill=PALE, border=TEAL, pad=9)
            cur.group(head + [b])
            head = []
        else:
            raise KeyError(kind)
    if head:
        raise AssertionError("shirotae-kinyurei: heading left at the end of a body part")


# --------------------------------------------------------------------------- 記入例 pages

FX0, FX1 = 52.0, 392.0
BX0, BX1 = 406.0, W - 34.0
LBL = Style(size=9.8, leading=14.6)
VAL = Style(font=M, size=10.2, leading=15.8, color=BLUE)
BAL = Style(size=8.2, leading=11.6, color=DARKRED)


class Balloons:
    def __init__(self, doc: Doc, pg: int):
        self.doc, self.pg = doc, pg
        self.bottom = 70.0

    def add(self, text: str, ty: float, tx: float) -> None:
        """A balloon whose leader points at (tx, ty); placed as high as the previous balloon allows."""
        doc, pg = self.doc, self.pg
        inner = BX1 - BX0 - 12
        n = len(wrap([(ch, -1) for ch in text], inner, BAL))
        h = n * BAL.leading + 10
        top = max(ty - 12, self.bottom + 5)
        doc.op(pg, lambda P, top=top, h=h: (
            P.line(BX0, top + 10, tx + 2, ty, 0.7, RED),
            P.rect(tx - 1.6, ty - 1.6, 3.2, 3.2, stroke=None, fill=RED, radius=1.6),
            P.rect(BX0, top, BX1 - BX0, h, stroke=RED, fill=PINK, width=0.9, radius=5)))
        place_text(doc, pg, BX0 + 6, top + 5, inner, [text], BAL, extra={"balloon": True})
        self.bottom = top + h
        if self.bottom > H - 60:
            raise AssertionError(f"shirotae-kinyurei: balloons overflow ({self.bottom:.0f})")


def stamp(doc: Doc, pg: int) -> None:
    st = Style(size=15, leading=22, bold=True, color=RED, align="center")
    doc.op(pg, lambda P: (P.rect(W - 128, 34, 92, 30, stroke=RED, fill=None, width=1.6, radius=4),
                          P.rect(W - 125, 37, 86, 24, stroke=RED, fill=None, width=0.5, radius=3)))
    place_text(doc, pg, W - 128, 38, 92, ["記入例"], st, extra={"stamp": True})


def form_rows(doc: Doc, pg: int, y: float, rows, tid: int, balloons: Balloons, lw: float = 108.0) -> float:
    """Ruled label | value rows; returns the y under the last row."""
    T = doc.truth
    vw = FX1 - FX0 - lw
    for i, (label, values, bal) in enumerate(rows):
        lines = sum(len(wrap([(ch, -1) for ch in v], vw - 12, VAL)) for v in values)
        llines = len(wrap([(ch, -1) for ch in label], lw - 12, LBL))
        h = max(lines * VAL.leading, llines * LBL.leading) + 20
        top = y
        doc.op(pg, lambda P, top=top, h=h: (P.rect(FX0, top, lw, h, stroke=None, fill=PALE),
                                            P.rect(FX0, top, FX1 - FX0, h, stroke=BLACK, fill=None, width=0.7),
                                            P.line(FX0 + lw, top, FX0 + lw, top + h, 0.7, BLACK)))
        place_text(doc, pg, FX0 + 6, top + (h - llines * LBL.leading) / 2, lw - 12, [label], LBL,
                   extra={"field": True})
        yy = top + 10
        right = FX0 + lw + 6
        for v in values:
            extra = {"example": True}
            if v.startswith(("■", "□")):
                extra["option"] = True
            st = VAL
            used = place_text(doc, pg, FX0 + lw + 6, yy, vw - 12, split_sentences(v), st, extra=extra)
            if used <= VAL.leading + 0.1:
                right = max(right, FX0 + lw + 6 + sw(v, M, VAL.size))
            else:
                right = FX1 - 8
            yy += used
        doc.place(pg, Block(h=0, draw=lambda P, x, y: None, table=tid, row=i), FX0, top)
        if bal:
            balloons.add(bal, top + min(h / 2, 15), min(right + 4, FX1 - 4))
        y += h
    T.tables[tid]["pages"].add(pg)
    return y


def kinyu_page(doc: Doc, pg: int, F: dict) -> None:
    T = doc.truth
    fw = FX1 - FX0
    balloons = Balloons(doc, pg)
    place_text(doc, pg, FX0, 40, 200, [F["form"]], Style(size=9.6, leading=15), extra={"form": True})
    stamp(doc, pg)
    y = 74.0
    if "top_right" in F:  # 様式第1号: letter part
        anchors = {}
        for k, t in enumerate(F["top_right"]):
            place_text(doc, pg, FX0, y, fw, [t], VAL.but(align="right"), extra={"example": True})
            if k == 1:
                anchors["date"] = (y + 8, FX1 + 2)
            y += VAL.leading + 4
        y += 14
        place_text(doc, pg, FX0, y, fw, [F["to"]], VAL, extra={"example": True})
        anchors["to"] = (y + 8, FX0 + sw(F["to"], M, VAL.size) + 4)
        y += VAL.leading + 18
        place_text(doc, pg, FX0, y, fw, [F["applicant"]], VAL.but(align="right"), extra={"example": True})
        anchors["applicant"] = (y + 8, FX1 + 2)
        y += VAL.leading + 26
        for key, text in F["head_balloons"]:
            ty, tx = anchors[key]
            balloons.add(text, ty, tx)
        tst = Style(size=11.5, leading=19, bold=True)
        sid = T.sentence(F["title"], heading=True)
        for ln in F["title_lines"]:
            doc.place(pg, Block(h=tst.leading, draw=lambda P, x, yy, ln=ln: P.text(
                x + fw / 2, baseline_of(yy, tst), ln, G, tst.size, BLACK, True, "center"), frags=[(sid, ln)]), FX0, y)
            y += tst.leading
        y += 12
        y += place_text(doc, pg, FX0, y, fw, split_sentences(F["lead"]), Style(font=M, size=10, leading=17, indent=10))
        y += 10
        y += place_text(doc, pg, FX0, y, fw, ["記"], Style(font=M, size=10, leading=18, align="center")) + 8
        tid = T.table(F["title"], None, ["項目", "記入例"], [[r[0], "".join(r[1])] for r in F["rows"]])
        y = form_rows(doc, pg, y, F["rows"], tid, balloons)
        # 県使用欄 (shaded, empty)
        y += 26
        ow = 250.0
        ox = FX1 - ow
        cells = F["office"]
        doc.op(pg, lambda P, y=y: (P.rect(ox, y, ow, 24, stroke=BLACK, fill=SHADE, width=0.6),
                                   P.line(ox + 60, y, ox + 60, y + 24, 0.6, BLACK),
                                   P.line(ox + 155, y, ox + 155, y + 24, 0.6, BLACK)))
        for k, t in enumerate(cells):
            cx = [ox + 6, ox + 66, ox + 161][k]
            place_text(doc, pg, cx, y + 5, 80, [t], Style(size=8.4, leading=14, color=GRAY), extra={"field": True})
        y += 24
    else:
        y += 10
        y += place_text(doc, pg, FX0, y, fw, [F["title"]], Style(size=13, leading=22, bold=True, align="center"),
                        heading=True) + 14
        y += place_text(doc, pg, FX0, y, fw, [F["name_line"]], VAL.but(align="right"), extra={"example": True}) + 14
        if "rows" in F:
            tid = T.table(F["title"], None, ["項目", "記入例"], [[r[0], "".join(r[1])] for r in F["rows"]])
            y = form_rows(doc, pg, y, F["rows"], tid, balloons, lw=96.0)
        else:
            y = budget_tables(doc, pg, y, F, balloons)
    if y > H - 56:
        raise AssertionError(f"shirotae-kinyurei: form overflows ({y:.0f})")


def budget_tables(doc: Doc, pg: int, y: float, F: dict, balloons: Balloons) -> float:
    fw = FX1 - FX0
    B = F["balloons"]
    for key in ("income", "expense", "calc"):
        spec = F[key]
        n = len(spec["header"])
        ts = TableSpec(caption=spec["caption"], header=spec["header"], rows=spec["rows"], widths=spec["widths"],
                       align=["l"] + ["r"] * (n - 2) + (["l"] if key != "calc" else ["r"]), size=9.0, leading=13.6,
                       pad=4.6, header_fill=PALE,
                       caption_style=Style(size=10.4, leading=20, bold=True, sb=0))
        caps, header, rows, _ = table_parts(doc, ts, fw)
        for b in caps + [header()]:
            doc.place(pg, b, FX0, y)
            y += b.h
        for i, b in enumerate(rows):
            first = spec["rows"][i][0]
            doc.place(pg, b, FX0, y)
            tgt = None
            if key == "expense" and first in B:
                tgt = B[first]
            if key == "income" and first == "町一般財源":
                tgt = B["income"]
            if key == "calc" and first.startswith("（C）"):
                tgt = B["calc"]
            if tgt:
                balloons.add(tgt, y + b.h / 2, FX1 + 2)
            y += b.h
        y += 20
    return y


# --------------------------------------------------------------------------- build

def build() -> Doc:
    doc = Doc("shirotae-kinyurei.pdf", A4, C.TITLE,
              "A4 portrait application guide: guide pages - 1 - … , three sample-form pages 記入例-n with red balloons in the "
              "right margin, then the guide resumes with - 4 -; two-lane flow chart, worked examples, tables",
              meta_title=None)
    T = doc.truth
    num = {"n": 0}

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 46, info["header"], G, 8.4, GRAY)
            P.line(X0, 52, X1, 52, 0.5, TEAL)
        if info["footer"]:
            P.text(W / 2, H - 38, info["footer"], G, 9.6, BLACK, align="center")

    def body_page() -> int:
        num["n"] += 1
        n = num["n"]
        return doc.new_page(printed=str(n), header=C.RUN if n > 1 else None, footer=f"- {n} -", decor=decor)

    cur = Cursor(doc, body_page)
    cur.page()
    # title band on page 1
    pg = cur.pg
    doc.op(pg, lambda P: (P.rect(0, 36, W, 118, stroke=None, fill=TEAL), P.rect(0, 154, W, 4, stroke=None,
                                                                                   fill=(0.85, 0.65, 0.2))))
    place_text(doc, pg, X0, 46, X1 - X0, [C.HEAD["kicker"]], Style(size=12, leading=18, bold=True, color=WHITE),
               heading=True)
    sid = T.sentence("".join(C.HEAD["title"]), heading=True)
    yy = 68.0
    tst = Style(size=17, leading=26, bold=True, color=WHITE)
    for ln in C.HEAD["title"]:
        doc.place(pg, Block(h=tst.leading, draw=lambda P, x, y, ln=ln: P.text(x, baseline_of(y, tst), ln, G, tst.size,
                                                                              WHITE, True), frags=[(sid, ln)]), X0, yy)
        yy += tst.leading
    place_text(doc, pg, X0, 124, X1 - X0, [C.HEAD["date"] + "　" + C.HEAD["issuer"]],
               Style(size=10, leading=16, color=WHITE, align="right"))
    cur.y = 176.0
    render_body(doc, cur, C.BODY1)

    # 記入例 pages
    for k, F in enumerate(C.KINYU, 1):
        pg = doc.new_page(printed=f"記入例-{k}", header=None, footer=f"記入例-{k}", decor=decor)
        kinyu_page(doc, pg, F)

    cur.pg = None
    render_body(doc, cur, C.BODY2)
    return doc
