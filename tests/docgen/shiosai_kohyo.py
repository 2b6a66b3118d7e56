"""shiosai-kohyo.pdf: 「市町村居住支援協議会 個票集（令和7年度）」, A4 portrait (fictional しおさい県), built for
held-out tests (BLIND26).

Layout traps: a cover without a number; an overview page numbered 「- 1 -」 with a summary table of the eight
councils (設立年月, 構成団体数, 相談件数 for 令和5年度 and 令和6年度, 「－」 for councils that did not exist yet,
a shaded 合計 row), ※ notes and a 個票の見方 box; then ONE PAGE PER MUNICIPALITY (eight pages) with an identical
structure: a coloured band with 「No.n」, the municipality and the council's name, a ruled two-column profile
table (shaded label cell | value; the SAME seven labels on every page, labels vertically centred beside wrapped
values, so pdfplumber prints a label on a middle line of its value; the caption names the council), 「取組の
特徴」 prose, 「課題」 bullets and a framed contact line at the foot of the page.  Near-duplicates everywhere:
the same labels with different values, the counts repeated in the overview table and on each page, several
councils with 運営費補助 年額300千円 or アドバイザー派遣.  Running header = the document title (top left, over a
rule) from the overview page; footer 「- n -」 centred; no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_shiosai_kohyo as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    table_parts,
    wrap,
)
from .kit import box_block

W, H = A4
X0, X1, TOP, BOTTOM = 58.0, W - 58.0, 78.0, H - 62.0
SEA = (0.05, 0.36, 0.58)
DEEP = (0.06, 0.2, 0.36)
PALE = (0.9, 0.95, 0.98)
LABEL_FILL = (0.88, 0.93, 0.97)
SUM_FILL = (0.95, 0.95, 0.93)
RULE = (0.3, 0.34, 0.4)
GRAY = (0.38, 0.38, 0.38)
WHITE = (1, 1, 1)

P_ = Style(size=10.4, leading=19.5, indent=10.4)
H2 = Style(size=11.5, leading=18, bold=True, color=DEEP)
LI = Style(size=10.2, leading=18, hang=10.2, sb=3)
NOTE = Style(size=8.6, leading=13.2, hang=8.6, color=(0.25, 0.25, 0.25))
CELL = Style(size=10.0, leading=16.0)
LAB = Style(size=10.0, leading=16.0, bold=True)
PAD = 7.0
LABEL_W = 118.0
CELL_SENTENCES = {"事務局", "主な取組", "県の支援"}   # value cells also registered as sentences (flag `cell`)


class Cursor:
    """Places blocks one under the other on one page."""

    def __init__(self, doc: Doc, pg: int, y: float):
        self.doc, self.pg, self.y = doc, pg, y

    def put(self, blocks: list[Block], x: float = X0):
        for b in blocks:
            self.y += b.sb
            self.doc.place(self.pg, b, x, self.y)
            self.y += b.h
        if self.y > BOTTOM + 0.5:
            raise AssertionError(f"shiosai-kohyo p{self.pg}: page overflows ({self.y:.0f} > {BOTTOM:.0f})")

    def heading(self, text: str, sb: float = 14.0):
        T = self.doc.truth
        self.y += sb
        y = self.y
        self.doc.op(self.pg, lambda P, y=y: (P.rect(X0, y + 2, 5, 14, stroke=None, fill=SEA),
                                             P.line(X0, y + 19, X1, y + 19, 0.6, SEA)))
        self.put(line_blocks(T, [text], X1 - X0 - 12, H2, heading=True), x=X0 + 12)
        self.y += 6


def build() -> Doc:
    doc = Doc("shiosai-kohyo.pdf", A4, C.TITLE, "A4 portrait one-page-per-municipality profile sheets",
              meta_title=None, author="しおさい県 土木部 住まい政策課")

    def decor(P, info, when):
        if when != "over" or info["footer"] is None:
            return
        P.text(X0, 44, info["header"], G, 8.4, GRAY)
        P.line(X0, 50, X1, 50, 0.6, SEA)
        P.text(W / 2, H - 32, info["footer"], G, 9.5, BLACK, align="center")

    _cover(doc)
    n = 0

    def body_page() -> int:
        nonlocal n
        n += 1
        return doc.new_page(printed=str(n), header=C.TITLE, footer=f"- {n} -", decor=decor)

    _overview(doc, body_page())
    for k, m in enumerate(C.MUNIS, 1):
        _municipality(doc, body_page(), k, m)
    return doc


def _cover(doc: Doc) -> None:
    T = doc.truth
    K = C.COVER
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(0, 0, W, H, stroke=None, fill=PALE),
                          P.rect(0, 250, W, 6, stroke=None, fill=SEA),
                          P.rect(0, 258, W, 2, stroke=None, fill=(0.45, 0.72, 0.86)),
                          P.rect(0, 470, W, 2, stroke=None, fill=(0.45, 0.72, 0.86))))
    sid = T.sentence("".join(K["title_lines"]), heading=True)
    for k, ln in enumerate(K["title_lines"]):
        doc.place(pg, Block(h=50, draw=lambda P, x, y, ln=ln: P.text(x, y + 38, ln, G, 30, DEEP, True),
                            frags=[(sid, ln)]), 74, 300 + k * 56)
    place_text(doc, pg, 74, 428, W - 148, [K["subtitle"]], Style(size=14, leading=22, color=SEA))
    place_text(doc, pg, 0, H - 200, W - 74, [K["date"]], Style(size=13, leading=22, align="right"))
    place_text(doc, pg, 0, H - 172, W - 74, [K["issuer"]], Style(size=13, leading=22, align="right", bold=True))


def _overview(doc: Doc, pg: int) -> None:
    T = doc.truth
    OV = C.OVERVIEW
    cur = Cursor(doc, pg, TOP)
    cur.heading(OV["heading"], sb=0)
    for para in OV["paras"]:
        cur.put(line_blocks(T, split_sentences(para), X1 - X0, P_.but(sa=3)))
    rows = [[str(k), m["name"], m["values"][0], m["values"][2], m["counts"][0], m["counts"][1]]
            for k, m in enumerate(C.MUNIS, 1)]
    n_mem = sum(int(m["values"][2].rstrip("団体")) for m in C.MUNIS)
    r5 = sum(int(m["counts"][0].rstrip("件")) for m in C.MUNIS if m["counts"][0] != "－")
    r6 = sum(int(m["counts"][1].rstrip("件")) for m in C.MUNIS)
    rows.append(["", "合計", "", f"{n_mem}団体", f"{r5}件", f"{r6}件"])
    ts = TableSpec(**OV["table"], rows=rows, size=9.4, leading=14, pad=4.2, header_fill=(0.85, 0.92, 0.97),
                   rule=RULE, caption_style=Style(size=10.2, leading=16, bold=True, sb=12, sa=3, keep_next=True),
                   notes=OV["notes"], note_style=NOTE.but(sb=2))
    caps, header, rbs, notes = table_parts(doc, ts, X1 - X0)
    last = rbs[-1]
    orig = last.draw

    def shaded(P, x, y, orig=orig, h=last.h):
        P.rect(x, y, X1 - X0, h, stroke=None, fill=SUM_FILL)
        orig(P, x, y)
    last.draw = shaded
    cur.put(caps + [header()] + rbs)
    cur.y += 2
    cur.put(notes)
    cur.y += 10
    cur.put([box_block(T, OV["guide_title"], OV["guide"], X1 - X0, Style(size=9.6, leading=15.5, hang=9.6),
                       Style(size=10, leading=14, bold=True), fill=(0.97, 0.98, 1.0), border=SEA, pad=10,
                       sb=10, bullet_hang=9.6)])


def _profile_table(doc: Doc, m: dict) -> list[Block]:
    """Caption + one block per label | value row (label vertically centred, value top-aligned)."""
    T = doc.truth
    width = X1 - X0
    valw = width - LABEL_W
    caption = f"{m['council']}の概要（令和7年4月1日現在）"
    csid = T.sentence(caption, caption=True)
    tid = T.table(caption, None, ["項目", "内容"], [[lab, v] for lab, v in zip(C.LABELS, m["values"], strict=True)])
    cap = [Block(h=22, draw=lambda P, x, y: P.text(x, baseline_of(y, Style(size=10.5, leading=18)), caption, G,
                                                   10.5, DEEP, True),
                 frags=[(csid, caption)], table=tid)]
    blocks: list[Block] = []
    n = len(C.LABELS)
    for i, (lab, val) in enumerate(zip(C.LABELS, m["values"], strict=True)):
        if lab in CELL_SENTENCES:
            units = []
            for s in split_sentences(val):
                sid = T.sentence(s, cell=True)
                units.extend((ch, sid) for ch in s)
        else:
            units = [(ch, -1) for ch in val]
        lines = wrap(units, valw - 2 * PAD, CELL, hang_punct=False)
        frags = [f for ln in lines for f in frags_of(ln)]
        texts = ["".join(u[0] for u in ln) for ln in lines]
        h = len(lines) * CELL.leading + 2 * PAD

        def draw(P, x, y, texts=texts, h=h, lab=lab, first=i == 0, last=i == n - 1):
            P.rect(x, y, LABEL_W, h, stroke=None, fill=LABEL_FILL)
            P.line(x, y, x + width, y, 1.0 if first else 0.6, RULE)
            P.line(x, y + h, x + width, y + h, 1.0 if last else 0.6, RULE)
            for xx in (x, x + LABEL_W, x + width):
                P.line(xx, y, xx, y + h, 0.6, RULE)
            ly = y + (h - LAB.leading) / 2  # vertically centred (between two lines when the value has two)
            P.text(x + PAD + 2, baseline_of(ly, LAB), lab, G, LAB.size, BLACK, True)
            for k, t in enumerate(texts):
                P.text(x + LABEL_W + PAD, baseline_of(y + PAD + k * CELL.leading, CELL), t, G, CELL.size, BLACK)

        blocks.append(Block(h=h, draw=draw, frags=frags, table=tid, row=i))
    return cap + blocks


def _municipality(doc: Doc, pg: int, k: int, m: dict) -> None:
    T = doc.truth
    # band: No.n, the municipality, the council's name at the right
    y = TOP
    bh = 40.0
    doc.op(pg, lambda P: (P.rect(X0, y, X1 - X0, bh, stroke=None, fill=SEA, radius=3),
                          P.rect(X0 + 8, y + 8, 52, bh - 16, stroke=None, fill=WHITE, radius=3)))
    tag = f"No.{k}"
    sid = T.sentence(f"{tag}　{m['name']}", heading=True)
    doc.place(pg, Block(h=bh, draw=lambda P, x, yy: (P.text(x + 34, yy + 25, tag, G, 11, SEA, True, "center"),
                                                     P.text(x + 72, yy + 28, m["name"], G, 18, WHITE, True)),
                        frags=[(sid, tag), (sid, m["name"])]), X0, y)
    place_text(doc, pg, X0, y + 13, X1 - X0 - 12, [m["council"]],
               Style(size=10.5, leading=15, color=WHITE, align="right", bold=True))
    cur = Cursor(doc, pg, y + bh + 18)
    cur.put(_profile_table(doc, m))
    cur.heading("取組の特徴", sb=20)
    cur.put(line_blocks(T, m["feature"], X1 - X0, P_))
    cur.heading("課題", sb=16)
    for t in m["issues"]:
        cur.put(line_blocks(T, split_sentences(t), X1 - X0, LI, extra={"item": True}), x=X0 + 4)
    # contact line framed at the foot of the page
    cy = BOTTOM - 30
    if cur.y > cy - 8:
        raise AssertionError(f"shiosai-kohyo p{pg}: contact line overlaps the body ({cur.y:.0f})")
    doc.op(pg, lambda P: P.rect(X0, cy, X1 - X0, 28, stroke=SEA, fill=PALE, width=0.8, radius=3))
    place_text(doc, pg, X0 + 12, cy + 5, X1 - X0 - 24, [m["contact"]], Style(size=9.8, leading=18), extra={"contact": True})
