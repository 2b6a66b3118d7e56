"""kazahana-gijiroku.pdf: 議事録 of a prefecture's meeting with municipal housing-support officials (fictional 風花県),
A4 portrait, printed from Word with the proceedings as ONE two-column ruled table.

Layout traps: a centred two-line title on page 1 only (no /Title); header part 「1　日　時」… 「5　配付資料」 as label /
value lines (values indented, wrapped with a hanging indent); then 「6　議事の経過」 and a ruled table 「発言者｜発言内容」
with a shaded header row: the 発言者 cell holds the speaker on TWO lines (body / role or name in parentheses), the
発言内容 cell holds the whole turn wrapped over many lines (paragraphs of the same turn start with a one-character
indent), so pdfplumber prints the speaker's two lines glued to the first two lines of the speech
(「事務局 資料1により…」「（森下主査） まず、…」); agenda items are shaded rows spanning BOTH columns (heading sentences);
long rows are SPLIT at the page break (Word's "allow row to break across pages"): the rest of the speech continues
under the repeated header row with an EMPTY 発言者 cell, and a sentence may be cut by the break; the table is closed at
the foot of each page.  Running header (the meeting's short name, right-aligned, small) from page 2, footer 「- n -」
centred on every page; a contact block after the table and 「以上」.
Truth: the table 「議事の経過」 has one row per turn (speaker joined by a space, full speech text); section rows are
headings and not table rows; speaker lines flag `speaker`, speech sentences flag `speech`.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_kazahana_gijiroku as C
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
    unit_blocks,
)

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 70.0, H - 66.0
GRAY = (0.35, 0.35, 0.35)
HEAD_FILL = (0.85, 0.85, 0.85)
SEC_FILL = (0.93, 0.93, 0.93)

FS = 9.8
LEAD = 16.0
PAD = 4.0
SPK_W = 104.0
SAY = Style(font=M, size=FS, leading=LEAD)
SAY2 = Style(font=M, size=FS, leading=LEAD, indent=FS)
SPK = Style(size=9.0, leading=LEAD)
SEC = Style(size=10.0, leading=LEAD + 2, bold=True)
LAB = Style(font=M, size=10.5, leading=18.5)

state: dict = {}


def _mark(page_y: float, x: float, w: float) -> None:
    state["bottom"] = page_y
    state["x"], state["w"] = x, w


def header_block(width: float) -> Block:
    h = LEAD + 2 * PAD

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=BLACK, fill=HEAD_FILL, width=0.7)
        P.line(x + SPK_W, y, x + SPK_W, y + h, 0.7, BLACK)
        bl = baseline_of(y + PAD, SPK)
        P.text(x + SPK_W / 2, bl, "発言者", G, 9.5, BLACK, True, "center")
        P.text(x + SPK_W + (width - SPK_W) / 2, bl, "発言内容", G, 9.5, BLACK, True, "center")
        state["closed"] = True
        _mark(y + h, x, width)

    return Block(h=h, draw=draw, keep_next=True)


def sec_blocks(T, text: str, width: float) -> list[Block]:
    bl = line_blocks(T, [text], width - 2 * PAD, SEC, heading=True)
    out = []
    for k, b in enumerate(bl):
        first, last = k == 0, k == len(bl) - 1
        h = b.h + (PAD if first else 0) + (PAD if last else 0)

        def draw(P, x, y, b=b, first=first, last=last, h=h):
            P.rect(x, y, width, h, stroke=None, fill=SEC_FILL)
            P.line(x, y, x, y + h, 0.7, BLACK)
            P.line(x + width, y, x + width, y + h, 0.7, BLACK)
            if first:
                P.line(x, y, x + width, y, 0.7, BLACK)
            if last:
                P.line(x, y + h, x + width, y + h, 0.7, BLACK)
            b.draw(P, x + PAD, y + (PAD if first else 0))
            _mark(y + h, x, width)
            state["closed"] = last

        out.append(Block(h=h, draw=draw, frags=b.frags, keep_next=True))
    return out


def turn_blocks(T, tid: int, row: int, speaker: list[str], paras: list[str], width: float) -> list[Block]:
    sw_ = width - SPK_W
    lines: list[Block] = []
    for k, p in enumerate(paras):
        sents = split_sentences(p)
        units = []
        for s in sents:
            sid = T.sentence(s, speech=True)
            units.extend((ch, sid) for ch in s)
        lines.extend(unit_blocks(units, sw_ - 2 * PAD, SAY if k == 0 else SAY2))
    spk_sids = [T.sentence(s, speaker=True) for s in speaker]
    for s in speaker:
        if sw(s, G, SPK.size) > SPK_W - 2 * PAD:
            raise AssertionError(f"speaker line too wide: {s}")
    out = []
    n = len(lines)
    while len(lines) < len(speaker):  # a one-line turn: the speaker cell makes the row two lines high
        lines.append(Block(h=LEAD, draw=lambda P, x, y: None))
    n = len(lines)
    for k, b in enumerate(lines):
        first, last = k == 0, k == n - 1
        h = LEAD + (PAD if first else 0) + (PAD if last else 0)
        frags = []
        if k < len(speaker):
            frags.append((spk_sids[k], speaker[k]))
        frags.extend(b.frags)

        def draw(P, x, y, b=b, k=k, first=first, last=last, h=h):
            P.line(x, y, x, y + h, 0.7, BLACK)
            P.line(x + SPK_W, y, x + SPK_W, y + h, 0.7, BLACK)
            P.line(x + width, y, x + width, y + h, 0.7, BLACK)
            if first:
                P.line(x, y, x + width, y, 0.7, BLACK)
            if last:
                P.line(x, y + h, x + width, y + h, 0.7, BLACK)
            yy = y + (PAD if first else 0)
            if k < len(speaker):
                P.text(x + PAD, baseline_of(yy, SPK), speaker[k], G, SPK.size, BLACK)
            b.draw(P, x + SPK_W + PAD, yy)
            _mark(y + h, x, width)
            state["closed"] = last

        out.append(Block(h=h, draw=draw, frags=frags, table=tid, row=row, keep_next=k < len(speaker) - 1))
    return out


def build() -> Doc:
    doc = Doc("kazahana-gijiroku.pdf", A4, C.TITLE1 + " " + C.TITLE2,
              "A4 minutes (議事録) whose proceedings are one two-column ruled table 発言者｜発言内容 with rows split "
              "across pages", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when == "under":
            state.clear()
            state["closed"] = True
            return
        if not state.get("closed", True) and state.get("bottom"):
            y = state["bottom"]
            P.line(state["x"], y, state["x"] + state["w"], y, 0.7, BLACK)
        if info["header"]:
            P.text(X1, 44, info["header"], M, 8.0, GRAY, align="right")
            P.line(X0, 49, X1, 49, 0.4, GRAY)
        P.text(W / 2, H - 36, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=f"- {n} -",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    flow.add_all(line_blocks(T, [C.TITLE1], wd, Style(font=M, size=14, leading=22, bold=True, align="center"),
                             heading=True))
    flow.add_all(line_blocks(T, [C.TITLE2], wd, Style(font=M, size=15, leading=24, bold=True, align="center",
                                                      sa=10), heading=True))
    lab_w = sw("5　配付資料", M, LAB.size) + 14
    for label, vals in C.HEAD:
        lsid = T.sentence(label, heading=True)
        for k, v in enumerate(vals):
            vb = line_blocks(T, split_sentences(v), wd - lab_w, LAB.but(hang=LAB.size))
            if k == 0:
                b0 = vb[0]
                orig = b0.draw

                def draw(P, x, y, orig=orig, label=label):
                    P.text(x - lab_w, baseline_of(y, LAB), label, M, LAB.size, BLACK)
                    orig(P, x, y)
                b0.draw = draw
                b0.frags = [(lsid, label)] + b0.frags
            # values are placed at x + lab_w: wrap them in shifted blocks
            for b in vb:
                flow.add(Block(h=b.h, draw=lambda P, x, y, b=b: b.draw(P, x + lab_w, y), frags=b.frags, sb=b.sb))
    flow.add_all(line_blocks(T, [C.TABLE_LEAD], wd, LAB.but(sb=8, keep_next=True), heading=True))
    rows = []
    for it in C.ROWS:
        if it[0] == "say":
            rows.append([" ".join(it[1]), "".join(it[2])])
    tid = T.table("議事の経過", None, ["発言者", "発言内容"], rows)
    flow.add(header_block(wd))
    flow.flush()
    flow.repeat = lambda: header_block(wd)
    r = 0
    for it in C.ROWS:
        if it[0] == "sec":
            flow.add_all(sec_blocks(T, it[1], wd))
        else:
            flow.add_all(turn_blocks(T, tid, r, it[1], it[2], wd))
            r += 1
    flow.flush()
    flow.repeat = None
    flow.vspace(10)
    flow.add_all(line_blocks(T, ["以上"], wd, Style(font=M, size=10.5, leading=18, align="right")))
    for k, ln in enumerate(C.CONTACT):
        flow.add_all(line_blocks(T, [ln], wd, Style(font=M, size=9.5, leading=16, sb=8 if k == 0 else 0,
                                                    indent=wd - 300), extra={"contact": True}))
    flow.page_break()
    flow.add_table(TableSpec(caption=C.ATT_TITLE, caption_style=Style(font=M, size=12, leading=20, bold=True, sa=6), header=C.ATT_HEADER, rows=C.ATT_ROWS, widths=[1.3, 2.6, 0.9, 1.2],
                             align=["l", "l", "c", "l"], size=9.2, leading=14.0, pad=4.0, header_fill=HEAD_FILL,
                             notes=C.ATT_NOTES))
    flow.finish()
    return doc
