"""aoba-gijiyoshi.pdf: A4 portrait 議事要旨 of a prefecture–municipality liaison meeting (fictional あおば県).

Layout traps: title on page 1 only (no /Title), a ruled two-column header block (日時 / 場所 / 出席者 /
配付資料; label cell on the left, wrapped values on the right), numbered headings 「1　開会」 and
「（1）…について」, speaker labels INLINE at the start of each turn in three styles (【ひばり市】, （事務局）,
委員長：) with a hanging indent, a ruled table that continues onto the next page with its header repeated
and a ※ note under it, 決定事項 as ①②③ items with a rule on the left, a running header only from page 2
(right-aligned), a centred footer 「- n -」 on every page, 「以上」 at the end.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_aoba_gijiyoshi as C
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
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    wrap,
)

W, H = A4
X0, X1, TOP, BOTTOM = 68.0, W - 68.0, 80.0, H - 74.0
GRAY = (0.35, 0.35, 0.35)
GREEN = (0.16, 0.42, 0.26)   # あおば (fresh leaves)

BODY = Style(font=M, size=10.5, leading=19.5, indent=10.5, sb=2)
SAY = Style(font=M, size=10.5, leading=19.5, hang=10.5, sb=5)
H1 = Style(size=11.5, leading=21, bold=True, sb=14, sa=2, keep_next=True)
H2 = Style(size=10.8, leading=20, bold=True, sb=10, sa=1, indent=5, keep_next=True)
LI = Style(font=M, size=10.5, leading=19.5, hang=10.5, sb=3)


def _head_block(T, label: str, values: list[str], width: float) -> Block:
    """One row of the ruled header block: label cell | value cell (values wrapped, registered)."""
    lw = 78.0
    pad = 5.0
    st = Style(font=M, size=10.2, leading=17.5)
    lsid = T.sentence(label, heading=True)
    vlines = []  # (text, indent, frags)
    for v in values:
        sub = v.split("　", 1)
        hang = sw(sub[0] + "　", M, 10.2) if len(sub) == 2 and len(sub[0]) <= 5 else 0.0
        units = []
        for s in split_sentences(v):
            sid = T.sentence(s, item=len(values) > 1)
            units.extend((ch, sid) for ch in s)
        for k, ln in enumerate(wrap(units, width - lw - 2 * pad, st.but(hang=hang))):
            vlines.append(("".join(u[0] for u in ln), 0.0 if k == 0 else hang, frags_of(ln)))
    h = len(vlines) * st.leading + 2 * pad

    def draw(P, x, y):
        P.rect(x, y, lw, h, stroke=None, fill=(0.92, 0.95, 0.92))
        P.line(x, y, x + width, y, 0.6, GRAY)
        P.line(x, y + h, x + width, y + h, 0.6, GRAY)
        P.line(x, y, x, y + h, 0.6, GRAY)
        P.line(x + lw, y, x + lw, y + h, 0.6, GRAY)
        P.line(x + width, y, x + width, y + h, 0.6, GRAY)
        P.text(x + lw / 2, baseline_of(y + pad, st), label, G, 10.2, BLACK, True, "center")
        for k, (t, ind, _f) in enumerate(vlines):
            P.text(x + lw + pad + ind, baseline_of(y + pad + k * st.leading, st), t, M, 10.2, BLACK)

    frags = [(lsid, label)] + [f for _t, _i, fr in vlines for f in fr]
    return Block(h=h, draw=draw, frags=frags)


def build() -> Doc:
    doc = Doc("aoba-gijiyoshi.pdf", A4, C.TITLE, "A4 meeting summary (議事要旨) with inline speaker labels",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X1, 48, info["header"], G, 8.2, GRAY, align="right")
            P.line(X0, 54, X1, 54, 0.4, (0.6, 0.7, 0.6))
        P.text(W / 2, H - 40, info["footer"], G, 9.5, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=f"- {n} -",
                            decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    wd = X1 - X0
    flow.add_all(line_blocks(T, [C.TITLE], wd, Style(size=14.5, leading=24, bold=True, align="center", color=GREEN),
                             heading=True))
    flow.add_all(line_blocks(T, [C.DRAFTER], wd, Style(font=M, size=9.5, leading=16, align="right", sa=8)))
    for label, values in C.HEAD:
        flow.add(_head_block(T, label, values, wd))
    flow.vspace(4)
    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            flow.add_all(line_blocks(T, [it[1]], wd, H1, heading=True))
        elif kind == "h2":
            flow.add_all(line_blocks(T, [it[1]], wd, H2, heading=True))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, BODY))
        elif kind == "say":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, SAY, extra={"speech": True}))
        elif kind == "table":
            flow.add_table(TableSpec(**it[1], size=9.6, leading=15.5, pad=4.5, header_fill=(0.88, 0.93, 0.88),
                                     rule=(0.3, 0.3, 0.3),
                                     caption_style=Style(size=10, leading=17, bold=True, sb=10, sa=3, keep_next=True),
                                     note_style=Style(size=8.8, leading=14, hang=8.8, sb=3, sa=4)))
        elif kind == "decide":
            blocks = []
            for k, t in enumerate(it[1]):
                blocks.extend(line_blocks(T, split_sentences(t), wd - 14, LI.but(sb=4 if k else 2),
                                          extra={"item": True}))
            for b in blocks:
                orig = b.draw

                def draw(P, x, y, orig=orig, b=b):
                    P.rect(x, y - b.sb, 3, b.h + b.sb, stroke=None, fill=GREEN)
                    orig(P, x + 14, y)
                b.draw = draw
            flow.add_all(blocks)
        elif kind == "end":
            flow.add_all(line_blocks(T, ["以上"], wd, Style(font=M, size=10.5, leading=19.5, align="right", sb=10)))
        else:
            raise KeyError(kind)
    flow.finish()
    return doc
