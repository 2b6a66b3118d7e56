"""nagisa-taishohyo.pdf: 資料2 of 「令和7年度 第2回 なぎさ県居住支援協議会」 (令和8年3月19日),
「なぎさ県居住支援協議会設置要綱の一部改正について」 (fictional なぎさ県), held-out set BLIND38.

A4 portrait, no /Title.  Page 1: date right-aligned, a centred title between two rules, the issuer, then a summary in
ONE column (headings 1–4, （1）–（8） items with a hanging indent, a small ruled date table).  Pages 2–: the 新旧対照表
as ONE ruled two-column table 「改正後｜改正前」 (new text LEFT, old text RIGHT), one row per article (見出し line,
第N条, 項 2 / 3, 号 （1）, 附則 blocks, 別表第1 / 別表第2 as indented lists inside the cell), Mincho text; the CHANGED
words are UNDERLINED (a drawn rule, no mark in the text layer), whole new articles on the left face 「（新設）」 on the
right; rows that do not fit are SPLIT at the page break and continue under the repeated header row; pdfplumber reads
the new and the old wording of the same line side by side, so most sentences of a cell come out only in pieces
(every cell sentence has flag `cell` and `side` new / old).  A caption with 「（下線部分は改正部分）」 at the right of
the same line.  Last pages: 参考 tables (構成員数, 設立状況 of 13 rows, 会議の予定) with ※ notes and a contact box.
Running header on every page: the meeting's name at the left and a framed 「資料2」 at the right over a rule (truth
header = both); footer 「n／N」 centred (printed label n).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_nagisa_taishohyo as C
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
    cw,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 52.0, W - 52.0, 70.0, H - 58.0
CW = X1 - X0
INK = (0.10, 0.24, 0.40)
GRAY = (0.40, 0.40, 0.40)
RULE = (0.25, 0.25, 0.25)
WHITE = (1, 1, 1)

P_ = Style(font=M, size=10.0, leading=17.4, indent=10.0, sa=2)
H2 = Style(size=11.2, leading=19, bold=True, color=INK, sb=10, sa=3, keep_next=True)
LI = Style(font=M, size=10.0, leading=17.0, hang=0.0, sb=2)
TABLE_KW = dict(size=9.0, leading=13.0, pad=4.0, header_fill=(0.88, 0.91, 0.95),
                caption_style=Style(size=9.8, leading=16, bold=True, sb=8, sa=1, keep_next=True),
                note_style=Style(size=8.4, leading=12.8, hang=8.4, sb=2))

# comparison table
SIZE, LEAD, PADX, PADY = 9.0, 14.6, 6.0, 5.0
UL = 1_000_000


def _strip(text: str) -> tuple[str, list[bool]]:
    out, flags, on = [], [], False
    for ch in text:
        if ch == "‹":
            on = True
        elif ch == "›":
            on = False
        else:
            out.append(ch)
            flags.append(on)
    return "".join(out), flags


def _style(kind: str) -> Style:
    s = SIZE
    if kind == "mi":
        return Style(font=M, size=s, leading=LEAD, indent=s, hang=s)
    if kind in ("jo", "kou"):
        return Style(font=M, size=s, leading=LEAD, indent=0, hang=s)
    if kind == "gou":
        return Style(font=M, size=s, leading=LEAD, indent=s, hang=2 * s)
    if kind == "fu":
        return Style(font=M, size=s, leading=LEAD, indent=3 * s, hang=3 * s)
    if kind == "tb":
        return Style(font=G, size=s - 0.4, leading=LEAD, indent=0, hang=s, bold=True)
    if kind == "li":
        return Style(font=M, size=s, leading=LEAD, indent=s, hang=2 * s)
    return Style(font=M, size=s, leading=LEAD, indent=s, hang=0)


def _cell_lines(T, paras: list, width: float, side: str) -> tuple[list, str]:
    """Wrap one cell; return ([(text, frags, ul_spans, x_off, style)], plain cell text)."""
    out = []
    plain_all = []
    for kind, text in paras:
        plain, flags = _strip(text)
        plain_all.append(plain)
        st = _style(kind)
        units = []
        pos = 0
        for s in split_sentences(plain):
            extra = {"cell": True, "side": side}
            if any(flags[pos:pos + len(s)]):
                extra["underlined"] = True
            sid = T.sentence(s, **extra)
            for k, ch in enumerate(s):
                units.append((ch, sid + (UL if flags[pos + k] else 0)))
            pos += len(s)
        for i, ln in enumerate(wrap(units, width, st, hang_punct=False)):
            text_ = "".join(u[0] for u in ln)
            frags: list = []
            for ch, sid in ln:
                base = sid % UL
                if frags and frags[-1][0] == base:
                    frags[-1] = (base, frags[-1][1] + ch)
                else:
                    frags.append((base, ch))
            spans = []
            x = 0.0
            for ch, sid in ln:
                w_ = cw(ch, st.font, st.size)
                if sid >= UL:
                    if spans and abs(spans[-1][1] - x) < 0.01:
                        spans[-1] = (spans[-1][0], x + w_)
                    else:
                        spans.append((x, x + w_))
                x += w_
            out.append((text_, frags, spans, st.indent if i == 0 else st.hang, st))
    return out, "".join(plain_all)


def build() -> Doc:
    doc = Doc("nagisa-taishohyo.pdf", A4, C.TITLE,
              "A4 新旧対照表: two-column 改正後/改正前 table with underlined changes, rows split across pages",
              meta_title=None, author="なぎさ県 建築住宅局 居住安定推進課")
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        P.text(X0, 44, C.MEETING, G, 8.6, GRAY)
        tw = sw(C.TAG, G, 10) + 16
        P.rect(X1 - tw, 30, tw, 19, stroke=BLACK, fill=None, width=0.9)
        P.text(X1 - tw / 2, 44, C.TAG, G, 10, BLACK, True, "center")
        P.line(X0, 54, X1 - tw - 6, 54, 0.5, GRAY)
        P.text(W / 2, H - 32, info["footer"], G, 9.0, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=C.RUN, footer=f"{n}／?", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow._new_page()
    pg = flow.page
    y = TOP
    y += place_text(doc, pg, X0, y, CW, [C.DATE], Style(size=9.6, leading=15, align="right"))
    y += 8
    sid = T.sentence(C.TITLE, heading=True)

    def title_draw(P, x, yy):
        P.line(X0, yy, X1, yy, 1.4, INK)
        P.text(W / 2, yy + 27, C.TITLE, G, 15.5, INK, True, "center")
        P.line(X0, yy + 40, X1, yy + 40, 0.6, INK)

    doc.place(pg, Block(h=44, draw=title_draw, frags=[(sid, C.TITLE)]), X0, y)
    y += 48
    y += place_text(doc, pg, X0, y, CW, [C.ISSUER], Style(size=9.4, leading=15, align="right"))
    flow.band_top = y + 4

    _items(flow, T, C.SUMMARY)
    flow.vspace(10)
    _comparison(flow, T)
    flow.page_break()
    _items(flow, T, C.REF)
    flow.add(box_block(T, C.CONTACT_TITLE, C.CONTACT, CW, Style(size=9.4, leading=15.4),
                       Style(size=9.4, leading=15, bold=True), fill=WHITE, border=INK, pad=9, sb=14))
    flow.finish()
    n = len(doc.pages)
    for p in doc.pages:
        p.info["footer"] = f"{p.info['printed']}／{n}"
    return doc


def _items(flow: Flow, T, items: list) -> None:
    fw = flow.width
    for it in items:
        kind = it[0]
        if kind == "h2":
            def deco(P, x, y, w, h):
                P.rect(x, y + 3, w, h - 6, stroke=None, fill=(0.92, 0.94, 0.97))
                P.rect(x, y + 3, 4, h - 6, stroke=None, fill=INK)
            flow.add_all(decorate(line_blocks(T, [it[1]], fw, H2.but(indent=9, hang=9), heading=True), deco, fw))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, P_))
        elif kind == "li":
            hang = sw("（1）", M, LI.size)
            flow.add_all(line_blocks(T, split_sentences(it[1]), fw, LI.but(hang=hang), extra={"item": True}))
        elif kind == "table":
            flow.add_table(TableSpec(**{**TABLE_KW, **it[1]}))
            flow.vspace(4)
        else:
            raise KeyError(kind)


def _comparison(flow: Flow, T) -> None:
    width = flow.width
    colw = width / 2
    inner = colw - 2 * PADX
    cap_st = Style(size=11.0, leading=20, bold=True, color=INK)
    note_st = Style(size=8.6, leading=20)
    csid = T.sentence(C.TABLE_CAPTION, caption=True)
    nsid = T.sentence(C.TABLE_NOTE, note=True)
    cells = []
    for new, old in C.ROWS:
        nl, ntext = _cell_lines(T, new, inner, "new")
        ol, otext = _cell_lines(T, old, inner, "old")
        cells.append((nl, ol, ntext, otext))
    tid = T.table(C.TABLE_CAPTION, None, list(C.COLS), [[c[2], c[3]] for c in cells])

    def cap_draw(P, x, y):
        P.text(x, baseline_of(y, cap_st), C.TABLE_CAPTION, G, cap_st.size, INK, True)
        P.text(x + width, baseline_of(y, cap_st), C.TABLE_NOTE, G, note_st.size, BLACK, False, "right")

    flow.add(Block(h=cap_st.leading + 4, draw=cap_draw, frags=[(csid, C.TABLE_CAPTION), (nsid, C.TABLE_NOTE)],
                   keep_next=True, table=tid))

    def header_block() -> Block:
        h = 20.0

        def draw(P, x, y):
            P.rect(x, y, width, h, stroke=None, fill=(0.86, 0.89, 0.94))
            P.line(x, y, x + width, y, 0.9, RULE)
            P.line(x, y + h, x + width, y + h, 0.9, RULE)
            for j, t in enumerate(C.COLS):
                P.line(x + j * colw, y, x + j * colw, y + h, 0.6, RULE)
                P.text(x + j * colw + colw / 2, y + 14, t, G, 10, BLACK, True, "center")
            P.line(x + width, y, x + width, y + h, 0.6, RULE)

        return Block(h=h, draw=draw, keep_next=True, table=tid)

    def part(i: int, nl: list, ol: list, a: int, b: int, first: bool, last: bool) -> Block:
        h = (b - a) * LEAD + (PADY if first else 2) + (PADY if last else 2)
        top_pad = PADY if first else 2

        def draw(P, x, y):
            P.line(x, y, x + width, y, 0.6 if first else 0.3, RULE)
            P.line(x, y + h, x + width, y + h, 0.6 if last else 0.3, RULE)
            for j in range(3):
                P.line(x + j * colw, y, x + j * colw, y + h, 0.6, RULE)
            for j, lines in enumerate((nl, ol)):
                for k, (t, _fr, spans, xoff, st) in enumerate(lines[a:b]):
                    bl = baseline_of(y + top_pad + k * LEAD, st)
                    tx = x + j * colw + PADX + xoff
                    P.text(tx, bl, t, st.font, st.size, BLACK, st.bold)
                    for s0, s1 in spans:
                        P.line(tx + s0, bl + 2.2, tx + s1, bl + 2.2, 0.7, BLACK)

        frags = [f for lines in (nl, ol) for ln in lines[a:b] for f in ln[1]]
        return Block(h=h, draw=draw, frags=frags, table=tid, row=i)

    flow.add(header_block())
    for i, (nl, ol, _a, _b) in enumerate(cells):
        n = max(len(nl), len(ol))
        full = n * LEAD + 2 * PADY
        if i == 0:
            flow.add(part(i, nl, ol, 0, n, True, True))
            flow.flush()
            flow.repeat = header_block
            continue
        rem = flow.remaining()
        fit = int((rem - PADY - 2) // LEAD)
        if full > rem + 0.01 and fit >= 3 and n - fit >= 2:
            flow.add(part(i, nl, ol, 0, fit, True, False))
            flow.flush()
            flow.add(part(i, nl, ol, fit, n, False, True))
        else:
            flow.add(part(i, nl, ol, 0, n, True, True))
        flow.flush()
    flow.repeat = None
