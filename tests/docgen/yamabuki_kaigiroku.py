"""yamabuki-kaigiroku.pdf: the VERBATIM 会議録 of a prefectural council's sub-committee (fictional やまぶき県), A4 portrait.

Layout traps: a two-line centred title on page 1 only (no /Title); a ruled header table (shaded label cells 日時 / 場所 /
出席委員 / 欠席委員 / 事務局 on the left, wrapped values on the right; the 出席委員 cell lists eight members as a
borderless two-column list inside the cell, names left and affiliations right (one wrapped), with （部会長） /
（部会長職務代理者） / （オンラインにより出席） as part of the affiliation; truth: every value sentence, name and
affiliation flag `cell`, the names also `item`, and one table 「会議の概要」 whose rows are the labels with their
values); 議事 (1)–(4); then the proceedings word for word: bold Gothic headings 「１　開会」…, time lines
〔午後1時30分開会〕, speaker turns with the label 「○山吹部会長」「○中村委員」「○事務局（住宅政策課長）」 at the start of
the paragraph followed by a full-width space and the speech, wrapped lines hanging by one character, further
paragraphs of the same turn indented by one character (label flag `speaker`, speech sentences `speech`); stage
directions in 〔〕 (〔資料2に基づき説明〕, 〔「異議なし」の声あり〕; flag `direction`) inside a turn or on a line of their
own; long turns of several sentences that cross page breaks (a sentence is cut by the page break); a table read
out in a speech (資料3 表1) that is NOT drawn; figures only in speech (約3割, 延べ412件 after a correction of 延べ421件,
5市町村・延べ9回 correcting the slide's 4市町村・延べ7回); 「原案のとおり了承」.  Running header only from page 2 (the
meeting name, small, right-aligned), footer 「－n－」 centred on every page.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_yamabuki_kaigiroku as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    M,
    Style,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
    unit_blocks,
    wrap,
)

W, H = A4
X0, X1, TOP, BOTTOM = 70.0, W - 70.0, 74.0, H - 70.0
GRAY = (0.35, 0.35, 0.35)
SHADE = (0.90, 0.90, 0.90)

FS = 10.5
SAY = Style(font=M, size=FS, leading=19.8, hang=FS, sb=4)
SAY2 = Style(font=M, size=FS, leading=19.8, indent=FS, hang=FS)
DIR = Style(font=M, size=FS, leading=19.8, indent=2 * FS, hang=2 * FS, sb=2, sa=2)
HEAD = Style(size=10.8, leading=20, bold=True, sb=12, sa=2, keep_next=True)
CELL = Style(font=M, size=9.6, leading=15.5)
CELL_LAB = Style(size=9.6, leading=15.5, bold=True, align="center")


def head_row(T, tid: int, i: int, label: str, value, width: float) -> Block:
    lw = 78.0
    vw = width - lw
    pad = 5.0
    lab_sid = T.sentence(label, cell=True, label=True)
    parts = []  # (x offset, y offset, line blocks)
    if isinstance(value, tuple):
        nw = 84.0
        yy = pad
        for name, aff in value[1]:
            bn = line_blocks(T, [name], nw, CELL, extra={"cell": True, "item": True})
            ba = line_blocks(T, [aff], vw - 2 * pad - nw, CELL, extra={"cell": True})
            parts.append((lw + pad, yy, bn))
            parts.append((lw + pad + nw, yy, ba))
            yy += max(sum(b.h for b in bn), sum(b.h for b in ba))
        h = yy + pad
    else:
        bl = line_blocks(T, split_sentences(value), vw - 2 * pad, CELL, extra={"cell": True})
        parts.append((lw + pad, pad, bl))
        h = sum(b.h for b in bl) + 2 * pad
    lab_lines = wrap([(ch, lab_sid) for ch in label], lw - 2 * pad, CELL_LAB)
    lab_h = len(lab_lines) * CELL_LAB.leading

    def draw(P, x, y):
        P.rect(x, y, lw, h, stroke=None, fill=SHADE)
        P.rect(x, y, width, h, stroke=BLACK, width=0.7)
        P.line(x + lw, y, x + lw, y + h, 0.7, BLACK)
        ly = y + (h - lab_h) / 2
        for ln in lab_lines:
            t = "".join(u[0] for u in ln)
            P.text(x + lw / 2, baseline_of(ly, CELL_LAB), t, G, CELL_LAB.size, BLACK, True, "center")
            ly += CELL_LAB.leading
        for dx, dy, bl in parts:
            yy = y + dy
            for b in bl:
                b.draw(P, x + dx, yy)
                yy += b.h

    frags = [(lab_sid, label)]
    for _dx, _dy, bl in parts:
        for b in bl:
            frags.extend(b.frags)
    return Block(h=h, draw=draw, frags=frags, table=tid, row=i)


def turn_blocks(T, label: str, paras: list[str], width: float) -> list[Block]:
    out: list[Block] = []
    for k, p in enumerate(paras):
        direction = p.startswith("〔")
        extra = {"speech": True, "direction": True} if direction else {"speech": True}
        units = []
        if k == 0:
            lsid = T.sentence(label, speaker=True)
            units = [(ch, lsid) for ch in label] + [("　", -1)]
        for s in split_sentences(p):
            sid = T.sentence(s, **extra)
            units.extend((ch, sid) for ch in s)
        out.extend(unit_blocks(units, width, SAY if k == 0 else SAY2))
    return out


def build() -> Doc:
    doc = Doc("yamabuki-kaigiroku.pdf", A4, C.TITLE1 + " " + C.TITLE2,
              "A4 verbatim meeting record (会議録): ruled header table, ○speaker turns with hanging indent, stage "
              "directions", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 44, info["header"], M, 8.5, GRAY, align="right")
        P.text(W / 2, H - 38, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=f"－{n}－",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    flow.add_all(line_blocks(T, [C.TITLE1], wd, Style(font=M, size=15, leading=24, bold=True, align="center"),
                             heading=True))
    flow.add_all(line_blocks(T, [C.TITLE2], wd, Style(font=M, size=15, leading=24, bold=True, align="center",
                                                      sa=12), heading=True))
    rows = []
    for label, value in C.HEAD:
        rows.append([label, " ".join(f"{a}　{b}" for a, b in value[1]) if isinstance(value, tuple) else value])
    tid = T.table("会議の概要", None, ["項目", "内容"], rows)
    for i, (label, value) in enumerate(C.HEAD):
        flow.add(head_row(T, tid, i, label, value, wd))
    flow.add_all(line_blocks(T, [C.AGENDA_TITLE], wd, HEAD.but(sb=14), heading=True))
    for a in C.AGENDA:
        flow.add_all(line_blocks(T, [a], wd, Style(font=M, size=FS, leading=19, indent=FS, hang=FS + sw("（1）", M, FS)),
                                 extra={"item": True}))
    flow.vspace(6)
    flow.add(Block(h=8, draw=lambda P, x, y: P.line(x, y + 4, x + wd, y + 4, 0.6, GRAY)))
    for it in C.PROCEEDINGS:
        kind = it[0]
        if kind == "h":
            flow.add_all(line_blocks(T, [it[1]], wd, HEAD, heading=True))
        elif kind == "time":
            flow.add_all(line_blocks(T, [it[1]], wd, DIR, extra={"direction": True}))
        elif kind == "dir":
            flow.add_all(line_blocks(T, [it[1]], wd, DIR, extra={"speech": True, "direction": True}))
        elif kind == "turn":
            flow.add_all(turn_blocks(T, it[1], it[2], wd))
        else:
            raise KeyError(kind)
    flow.add_all(line_blocks(T, ["以上"], wd, Style(font=M, size=FS, leading=19, align="right", sb=10)))
    flow.finish()
    return doc
