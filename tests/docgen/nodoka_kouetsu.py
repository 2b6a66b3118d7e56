"""nodoka-kouetsu.pdf: a draft programme (素案) of のどか県 printed from Word WITH MARKUP (fictional のどか県), A4
portrait, no /Title.

Layout traps: Word's 「変更履歴/コメントの表示」 print: the page is shrunk into a narrow body column (8.6-pt Mincho) and a
grey MARKUP PANE on the right holds balloons — comments 「コメント [三浦1]: …」 (flag `comment`), deletions
「削除: …」 (flag `deleted`; the deleted words are NOT in the body) and a format change (flag `format`) — each joined to
its anchor in the text by a dashed leader; inserted words are printed in the body in colour with an underline, comment
ranges highlighted; balloons stand beside their anchor lines, so pdfplumber reads a body line and a balloon line as one
line; balloon figures (proposals, deleted figures) near-duplicate the body's; four ruled tables (one continues on the
next page with its header repeated), running header 「素案（…時点）　取扱注意」 right-aligned over the body column on
every page, footer 「- n -」 centred under the body column.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_nodoka_kouetsu as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    split_sentences,
    sw,
    table_parts,
    wrap,
)

W, H = A4
X0, X1 = 40.0, 388.0          # body column (the shrunk page)
PX0, PX1 = 400.0, 578.0       # markup pane
TOP, BOTTOM = 62.0, H - 60.0
INS = (0.72, 0.08, 0.1)
AUTH = {"三浦": (0.93, 0.85, 0.97), "早川": (0.85, 0.93, 0.98), "佐伯": (0.99, 0.93, 0.8)}
AUTH_LINE = {"三浦": (0.55, 0.3, 0.65), "早川": (0.2, 0.45, 0.7), "佐伯": (0.8, 0.5, 0.1)}
PANE = (0.94, 0.94, 0.94)

P = Style(font=M, size=8.6, leading=14.2, indent=8.6)
LI = Style(font=M, size=8.6, leading=14.2, hang=8.6 * 2, sb=2)
H1 = Style(font=G, size=10.2, leading=17, bold=True, sb=8, keep_next=True)
H2 = Style(font=G, size=9.0, leading=15, bold=True, sb=4, keep_next=True)
BAL = Style(font=G, size=7.1, leading=10.2)

_TOK = re.compile(r"\{\+|\+\}|<c:(\w+)>|</c>|\[d:(\w+)\]")


def parse(text: str):
    """Return (plain text, attrs per char, comment anchors {id: [start, end)}, deletions [(pos, id)])."""
    plain, attrs = [], []
    ins = False
    cur_c = None
    anchors: dict[str, list[int]] = {}
    dels: list[tuple[int, str]] = []
    i = 0
    for m in _TOK.finditer(text):
        for ch in text[i:m.start()]:
            plain.append(ch)
            attrs.append((ins, cur_c))
        t = m.group(0)
        if t == "{+":
            ins = True
        elif t == "+}":
            ins = False
        elif t == "</c>":
            anchors[cur_c][1] = len(plain)
            cur_c = None
        elif m.group(1):
            cur_c = m.group(1)
            anchors[cur_c] = [len(plain), len(plain)]
        else:
            dels.append((len(plain), m.group(2)))
        i = m.end()
    for ch in text[i:]:
        plain.append(ch)
        attrs.append((ins, cur_c))
    return "".join(plain), attrs, anchors, dels


def build() -> Doc:
    doc = Doc("nodoka-kouetsu.pdf", A4, C.TITLE, "Word print with markup (tracked changes and comment balloons)",
              meta_title=None)
    T = doc.truth

    def decor(P_, info, when):
        if when == "under":
            P_.rect(PX0, 0, W - PX0, H, stroke=None, fill=PANE)
            return
        P_.text(X1, 40, C.HEADER, G, 7.4, (0.35, 0.35, 0.35), align="right")
        P_.text((X0 + X1) / 2, H - 36, info["footer"], M, 8.6, BLACK, align="center")

    st = {"page": -1, "y": 0.0, "bal_y": {}}

    def new_page():
        n = len(doc.pages) + 1
        st["page"] = doc.new_page(printed=str(n), header=C.HEADER, footer=f"- {n} -", decor=decor)
        st["y"] = TOP
        return st["page"]

    def need(h: float):
        if st["y"] + h > BOTTOM:
            new_page()

    def put(b: Block, x: float = X0):
        sb = b.sb if st["y"] > TOP + 0.1 else 0.0
        need(sb + b.h)
        if st["y"] > TOP + 0.1:
            st["y"] += b.sb
        doc.place(st["page"], b, x, st["y"])
        y = st["y"]
        st["y"] += b.h
        return st["page"], y

    def balloon(bid: str, page: int, ax: float, ay: float):
        kind, text = C.BALLOONS[bid]
        who = next((k for k in AUTH if k in text), None)
        fill = AUTH[who] if who else ((0.98, 0.9, 0.9) if kind == "delete" else (0.93, 0.93, 0.93))
        edge = AUTH_LINE[who] if who else (INS if kind == "delete" else (0.45, 0.45, 0.45))
        flag = {"comment": "comment", "delete": "deleted", "format": "format"}[kind]
        bw = PX1 - PX0 - 12
        blocks = line_blocks(T, split_sentences(text), bw - 10, BAL, extra={flag: True})
        h = sum(b.h for b in blocks) + 8
        by = max(ay - 6, st["bal_y"].get(page, TOP - 10) + 5)
        if by + h > BOTTOM + 20:
            raise AssertionError(f"balloon {bid} overflows page {page}")
        st["bal_y"][page] = by + h
        bx = PX0 + 6

        def draw(P_, x, y, by=by, h=h):
            P_.line(ax, ay, PX0, ay, 0.5, edge, dash=[1.5, 1.5])
            P_.line(PX0, ay, bx, by + 6, 0.5, edge, dash=[1.5, 1.5])
            P_.rect(bx, by, bw, h, stroke=edge, fill=fill, width=0.7, radius=3)

        doc.op(page, lambda P_, d=draw: d(P_, 0, 0))
        yy = by + 4
        for b in blocks:
            doc.place(page, b, bx + 5, yy)
            yy += b.h

    def para(text: str, style: Style, extra: dict | None = None, heading: bool = False, bids=()):
        plain, attrs, anchors, dels = parse(text)
        units = []
        for s in (split_sentences(plain) if not heading else [plain]):
            sid = T.sentence(s, heading=heading, **(extra or {}))
            units.extend((ch, sid) for ch in s)
        lines = wrap(units, X1 - X0, style)
        pos = 0
        events = []  # (bid, page, x, y)
        for li, ln in enumerate(lines):
            n = len(ln)
            text_ln = "".join(u[0] for u in ln)
            at = attrs[pos:pos + n]
            ind = style.indent if li == 0 else style.hang
            xs = []
            xx = ind
            for ch in text_ln:
                xs.append(xx)
                xx += sw(ch, style.font, style.size)
            xs.append(xx)

            def draw(P_, x, y, text_ln=text_ln, at=at, xs=xs):
                bl = baseline_of(y, style)
                for k, (_ins, cid) in enumerate(at):
                    if cid:
                        who = next(w for w in AUTH if w in C.BALLOONS[cid][1])
                        P_.rect(x + xs[k], bl - style.size * 0.95, xs[k + 1] - xs[k], style.size * 1.25,
                                stroke=None, fill=AUTH[who])
                k = 0
                while k < len(text_ln):
                    j = k
                    while j < len(text_ln) and at[j][0] == at[k][0]:
                        j += 1
                    col = INS if at[k][0] else BLACK
                    P_.text(x + xs[k], bl, text_ln[k:j], style.font, style.size, col, style.bold)
                    if at[k][0]:
                        P_.line(x + xs[k], bl + 1.6, x + xs[j], bl + 1.6, 0.5, INS)
                    k = j

            b = Block(h=style.leading, draw=draw, frags=frags_of(ln), keep_next=style.keep_next,
                      sb=style.sb if li == 0 else 0.0)
            page, y = put(b)
            ay = baseline_of(y, style) - style.size * 0.35
            for cid, (_a0, a1) in anchors.items():
                if pos <= a1 - 1 < pos + n:
                    events.append((cid, page, X0 + xs[a1 - 1 - pos + 1], ay))
            for dpos, did in dels:
                if pos <= dpos < pos + n or (dpos == pos + n and li == len(lines) - 1):
                    dx = X0 + xs[dpos - pos]

                    def mark(P_, dx=dx, y=y):
                        P_.line(dx, y + 2, dx, y + style.leading - 1, 0.9, INS)
                    doc.op(page, mark)
                    events.append((did, page, dx, ay))
            if li == 0:
                for bid in bids:
                    events.append((bid, page, X0 + xs[-1], ay))
            pos += n
        for bid, page, x, y in events:
            balloon(bid, page, x, y)

    def table(spec: dict):
        ts = TableSpec(**{"size": 7.8, "leading": 11.0, "pad": 3.0, **spec})
        caps, header, rows, notes = table_parts(doc, ts, X1 - X0)
        for b in caps:
            b.sb = 6
        need(sum(b.h + b.sb for b in caps) + header().h + rows[0].h)
        for b in caps:
            put(b)
        put(header())
        for r in rows:
            if st["y"] + r.h > BOTTOM:
                new_page()
                put(header())
            put(r)
        for b in notes:
            put(b)
        st["y"] += 4

    new_page()
    y0 = st["y"]
    for b in line_blocks(T, [C.HEAD], X1 - X0, Style(font=G, size=12.5, leading=20, bold=True, align="center"),
                         heading=True):
        doc.place(st["page"], b, X0, y0)
        y0 += b.h
    for b in line_blocks(T, [C.SUB], X1 - X0, Style(font=M, size=8.4, leading=14, align="right")):
        doc.place(st["page"], b, X0, y0)
        y0 += b.h
    st["y"] = y0 + 8
    for it in C.BODY:
        kind = it[0]
        if kind == "h":
            para(it[1], H1, heading=True, bids=it[2] if len(it) > 2 else ())
        elif kind == "h2":
            para(it[1], H2, heading=True)
        elif kind == "p" and it[1] == "以上":
            for b in line_blocks(T, ["以上"], X1 - X0, Style(font=M, size=8.6, leading=14.2, align="right", sb=4)):
                put(b)
        elif kind == "p":
            para(it[1], P)
        elif kind == "li":
            para(it[1], LI, extra={"item": True})
        elif kind == "table":
            table(it[1])
    return doc
