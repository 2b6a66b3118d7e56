"""wakaba-bukai.pdf: 会議録 of a prefectural council's sub-committee (fictional わかば県), A4 portrait, with the speaker
in a LEFT HANGING COLUMN, 別紙1 委員名簿 and 別紙2 座席表.

Layout traps: a two-line centred title on page 1 only (no /Title); header lines whose labels are spread over a fixed
four-character width (均等割付: 「日　　時」, drawn character by character, so pdfplumber prints 「日 時」); two framed
boxes SIDE BY SIDE (「次　第」 left, 「配布資料」 right; pdfplumber reads across them, so their wrapped items come out
in pieces); 「議事の経過」 as an UNRULED two-column layout: the speaker sits in a hanging left column (short labels
such as 「楢崎委員」 spread over a six-character width, so pdfplumber prints 「楢 崎 委 員」; the 事務局 on two lines
「事務局」 / 「（国分班長）」), the remarks in the right column with every wrapped line aligned on the column (no
rules, no ○ marks), further paragraphs with a one-character indent, stage directions 〔…〕 inside a turn or on a
line of their own, agenda headings across the full width, right-aligned time lines; a turn continues over the page
break with an EMPTY speaker column (a sentence is cut by the break); 「以上」; then 別紙1 (a boxed tag, a caption,
a ruled 委員名簿 区分｜氏名｜所属・役職｜備考 that continues onto the next page with its header repeated, ※ notes with
the 事務局 names); 別紙2 on its own page: a 座席表 drawn as a hollow-square table with seat boxes on four sides
(role line small over the name), a monitor for the online member, 記者席, 傍聴席 and 出入口 (pdfplumber reads the
left and right seat boxes on the same lines).  Running header (the meeting's name, small, LEFT-aligned over a rule)
from page 2, replaced on the 別紙2 page by a boxed 「別紙2」 tag; a bare page number centred in the footer on every
page.  Truth: speaker labels flag `speaker`, remarks `speech`, directions `direction`, seat texts `seat`.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_wakaba_bukai as C
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
    unit_blocks,
)

W, H = A4
X0, X1, TOP, BOTTOM = 64.0, W - 64.0, 76.0, H - 68.0
TW = X1 - X0
GRAY = (0.35, 0.35, 0.35)
LIGHT = (0.93, 0.93, 0.93)
BOXLINE = (0.3, 0.3, 0.3)

FS = 10.0
LEAD = 17.2
SPK_W = 100.0          # the hanging speaker column
SPK_FS = 9.8
SPREAD = 6             # short speaker labels are spread over this many characters
SAY = Style(font=M, size=FS, leading=LEAD)
SAY2 = SAY.but(indent=FS)
DIR = Style(font=M, size=FS, leading=LEAD)
SEC = Style(size=10.6, leading=18, bold=True, sb=9, sa=2, keep_next=True)
HEADV = Style(font=M, size=10.2, leading=17.5)
HEAD_LABEL_W = 4 * 10.2


def spread_text(P, x: float, bl: float, text: str, width: float, font: str, size: float, color=BLACK,
                bold: bool = False) -> None:
    """均等割付: draw the characters of `text` evenly over `width`."""
    n = len(text)
    if n == 1:
        P.text(x, bl, text, font, size, color, bold)
        return
    used = sum(cw(ch, font, size) for ch in text)
    gap = (width - used) / (n - 1)
    xx = x
    for ch in text:
        P.text(xx, bl, ch, font, size, color, bold)
        xx += cw(ch, font, size) + gap


def head_blocks(T, label: str, values: list[str]) -> list[Block]:
    lsid = T.sentence(label, heading=True, label=True)
    vx = HEAD_LABEL_W + 22
    out = []
    for k, v in enumerate(values):
        vb = line_blocks(T, split_sentences(v), TW - vx, HEADV.but(hang=0))
        for j, b in enumerate(vb):
            first = k == 0 and j == 0

            def draw(P, x, y, b=b, first=first):
                if first:
                    spread_text(P, x, baseline_of(y, HEADV), label, HEAD_LABEL_W, M, HEADV.size)
                    P.text(x + HEAD_LABEL_W + 6, baseline_of(y, HEADV), "：", M, HEADV.size)
                b.draw(P, x + vx, y)
            frags = ([(lsid, label)] if first else []) + b.frags
            out.append(Block(h=b.h, draw=draw, frags=frags, sb=4 if first else 0))
    return out


def two_boxes(T) -> Block:
    gap = 14.0
    bw = (TW - gap) / 2
    pad = 8.0
    tst = Style(size=10.4, leading=18, bold=True, align="center")
    ist = Style(size=9.2, leading=15.2)

    def content(title, items, indent_rules):
        parts = line_blocks(T, [title], bw - 2 * pad, tst, heading=True, extra={"box": True})
        for it in items:
            hang = indent_rules(it)
            st = ist.but(indent=hang[0], hang=hang[1])
            parts.extend(line_blocks(T, [it], bw - 2 * pad, st, extra={"box": True, "item": True}))
        return parts

    def agenda_indent(it):
        if it.startswith("（"):
            return (10.0, 10.0 + 2 * 9.2)
        if it[0].isdigit():
            return (0.0, 9.2 * 1.5)
        return (10.0 + 2 * 9.2, 10.0 + 2 * 9.2)

    def handout_indent(it):
        head = it.split("　")[0] + "　"
        return (0.0, sw(head, G, 9.2))

    left = content(C.AGENDA_TITLE, C.AGENDA, agenda_indent)
    right = content(C.HANDOUTS_TITLE, C.HANDOUTS, handout_indent)
    h = 2 * pad + max(sum(b.h for b in left), sum(b.h for b in right)) + 4

    def draw(P, x, y):
        for k, parts in enumerate((left, right)):
            bx = x + k * (bw + gap)
            P.rect(bx, y, bw, h, stroke=BOXLINE, width=0.8)
            P.rect(bx, y, bw, pad + 18 + 2, stroke=None, fill=LIGHT)
            P.line(bx, y + pad + 20, bx + bw, y + pad + 20, 0.5, BOXLINE)
            yy = y + pad
            for j, b in enumerate(parts):
                if j == 1:
                    yy += 4
                b.draw(P, bx + pad, yy)
                yy += b.h

    frags = [f for b in left for f in b.frags] + [f for b in right for f in b.frags]
    return Block(h=h, draw=draw, frags=frags, sb=12)


def spk_width(label: str) -> float:
    return sw(label, G, SPK_FS)


def turn_blocks(T, speaker: list[str], paras: list[str]) -> list[Block]:
    sx = SPK_W
    sayw = TW - sx
    label = "".join(speaker)
    lsid = T.sentence(label, speaker=True)
    for s in speaker:
        if spk_width(s) > SPK_W - 8:
            raise AssertionError(f"wakaba-bukai: speaker line too wide: {s}")
    lines: list[Block] = []
    first_para = True
    for p in paras:
        if p.startswith("〔"):
            lines.extend(line_blocks(T, [p], sayw, DIR, extra={"direction": True}))
            continue
        units = []
        for s in split_sentences(p):
            sid = T.sentence(s, speech=True)
            units.extend((ch, sid) for ch in s)
        lines.extend(unit_blocks(units, sayw, SAY if first_para else SAY2))
        first_para = False
    while len(lines) < len(speaker):
        lines.append(Block(h=LEAD, draw=lambda P, x, y: None))
    out = []
    for k, b in enumerate(lines):
        frags = []
        if k < len(speaker):
            frags.append((lsid, speaker[k]))
        frags.extend(b.frags)

        def draw(P, x, y, b=b, k=k):
            if k < len(speaker):
                s = speaker[k]
                bl = baseline_of(y, SAY)
                if len(speaker) == 1 and len(s) <= SPREAD:
                    spread_text(P, x, bl, s, SPREAD * SPK_FS, G, SPK_FS)
                else:
                    P.text(x, bl, s, G, SPK_FS, BLACK)
            b.draw(P, x + sx, y)

        out.append(Block(h=b.h, draw=draw, frags=frags, sb=7 if k == 0 else 0,
                         keep_next=k < max(len(speaker), 2) - 1))
    return out


def dir_blocks(T, text: str) -> list[Block]:
    bl = line_blocks(T, [text], TW - SPK_W, DIR, extra={"direction": True})
    return [Block(h=b.h, draw=lambda P, x, y, b=b: b.draw(P, x + SPK_W, y), frags=b.frags, sb=4) for b in bl]


def seat_box(doc: Doc, page: int, x: float, y: float, w: float, role: str, name: str, h: float = 34.0,
             fill=(1, 1, 1)) -> None:
    doc.op(page, lambda P: P.rect(x, y, w, h, stroke=BLACK, fill=fill, width=0.7))
    rst = Style(size=7.2, leading=11, align="center", color=GRAY)
    nst = Style(size=9.6, leading=14, align="center")
    place_text(doc, page, x + 2, y + 4, w - 4, [role], rst, extra={"seat": True, "label": True})
    place_text(doc, page, x + 2, y + 16, w - 4, [name], nst, extra={"seat": True})


def build() -> Doc:
    doc = Doc("wakaba-bukai.pdf", A4, C.TITLE1 + " " + C.TITLE2,
              "A4 minutes with the speaker in an unruled hanging left column, side-by-side 次第 / 配布資料 boxes, a "
              "member table across a page break and a drawn seating chart", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        hd = info["header"]
        if hd == C.SEATS_TAG:
            P.rect(X1 - 62, 36, 62, 22, stroke=BLACK, width=0.9)
            P.text(X1 - 31, 52, hd, G, 11, BLACK, True, "center")
        elif hd:
            P.text(X0, 46, hd, G, 8.0, GRAY)
            P.line(X0, 51, X1, 51, 0.5, GRAY)
        P.text(W / 2, H - 38, info["footer"], M, 10, BLACK, align="center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None if n == 1 else C.RUN_HEADER, footer=str(n), decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow.top = 58.0  # page 1 has no running header: the title starts higher
    flow.add_all(line_blocks(T, [C.TITLE1], TW, Style(font=M, size=13, leading=21, align="center"), heading=True))
    flow.add_all(line_blocks(T, [C.TITLE2], TW, Style(font=M, size=16, leading=26, bold=True, align="center",
                                                      sa=10), heading=True))
    flow.top = TOP
    for label, vals in C.HEAD:
        flow.add_all(head_blocks(T, label, vals))
    flow.add(two_boxes(T))
    sec0 = line_blocks(T, [C.PROCEEDINGS], TW, Style(size=11.5, leading=20, bold=True, sb=16, sa=4, keep_next=True),
                       heading=True)
    b0 = sec0[0]
    orig = b0.draw

    def draw_sec0(P, x, y, orig=orig):
        orig(P, x, y)
        P.line(x, y + 21, x + TW, y + 21, 0.8, BLACK)
    b0.draw = draw_sec0
    flow.add_all(sec0)
    for it in C.ROWS:
        kind = it[0]
        if kind == "sec":
            flow.add_all(line_blocks(T, [it[1]], TW, SEC, heading=True))
        elif kind == "say":
            flow.add_all(turn_blocks(T, it[1], it[2]))
        elif kind == "dir":
            flow.add_all(dir_blocks(T, it[1]))
        elif kind == "time":
            flow.add_all(line_blocks(T, [it[1]], TW, Style(font=M, size=FS, leading=LEAD, align="right", sb=4),
                                     extra={"time": True}))
        else:
            raise KeyError(kind)
    flow.add_all(line_blocks(T, [C.END], TW, Style(font=M, size=10.5, leading=18, align="right", sb=8)))

    # 別紙1: a boxed tag, the caption and the member table (continues onto the next page)
    tag_st = Style(size=10.5, leading=20, bold=True, sb=22, keep_next=True)
    tag = line_blocks(T, [C.MEMBERS_TAG], TW, tag_st, heading=True)
    tb = tag[0]
    torig = tb.draw

    def draw_tag(P, x, y, torig=torig):
        P.rect(x - 4, y + 1, sw(C.MEMBERS_TAG, G, 10.5) + 8, 18, stroke=BLACK, width=0.8)
        torig(P, x, y)
    tb.draw = draw_tag
    flow.add_all(tag)
    flow.add_table(TableSpec(caption=C.MEMBERS_CAPTION, header=C.MEMBERS_HEADER, rows=C.MEMBERS,
                             widths=[1.25, 1.35, 3.3, 1.5], align=["l", "l", "l", "l"], size=9.2, leading=13.5,
                             pad=4.5, header_fill=LIGHT,
                             caption_style=Style(size=11, leading=20, bold=True, sb=4, sa=4, align="center",
                                                 keep_next=True),
                             notes=C.MEMBERS_NOTES,
                             note_style=Style(size=8.6, leading=13.5, hang=sw("※ ", G, 8.6), sb=3)))
    flow.finish()

    # 別紙2: the seating chart on its own page
    n = len(doc.pages) + 1
    pg = doc.new_page(printed=str(n), header=C.SEATS_TAG, footer=str(n), decor=decor)
    y = 84.0
    y += place_text(doc, pg, X0, y, TW, [C.SEATS_TITLE], Style(size=16, leading=26, bold=True, align="center"),
                    heading=True)
    y += place_text(doc, pg, X0, y + 2, TW, [C.SEATS_SUB], Style(size=10, leading=17, align="center"))
    # the hollow-square table
    tx0, tx1, ty0, ty1 = 176.0, W - 176.0, 250.0, 530.0
    doc.op(pg, lambda P: (P.rect(tx0, ty0, tx1 - tx0, ty1 - ty0, stroke=BLACK, fill=(0.96, 0.94, 0.9), width=1.0),
                          P.rect(tx0 + 34, ty0 + 34, tx1 - tx0 - 68, ty1 - ty0 - 68, stroke=BLACK, fill=(1, 1, 1),
                                 width=1.0)))
    bw = 104.0
    # top row: 職務代理者, 部会長 (centred), then the monitor at the right
    cx = W / 2
    top_y = ty0 - 48
    seat_box(doc, pg, cx - bw / 2 - bw - 10, top_y, bw, *C.SEAT_TOP[0])
    seat_box(doc, pg, cx - bw / 2, top_y, bw, *C.SEAT_TOP[1], fill=(0.98, 0.93, 0.86))
    mx = cx + bw / 2 + 10
    seat_box(doc, pg, mx, top_y, bw + 12, *C.SEAT_MONITOR, fill=(0.9, 0.93, 0.97))
    # left and right sides
    side_w = 104.0
    for k, (role, name) in enumerate(C.SEAT_LEFT):
        seat_box(doc, pg, tx0 - side_w - 10, ty0 + 30 + k * 86, side_w, role, name)
    for k, (role, name) in enumerate(C.SEAT_RIGHT):
        seat_box(doc, pg, tx1 + 10, ty0 + 30 + k * 86, side_w, role, name)
    # bottom row: the secretariat
    nb = len(C.SEAT_BOTTOM)
    bbw = 84.0
    gapb = 10.0
    bx0 = cx - (nb * bbw + (nb - 1) * gapb) / 2
    for k, (role, name) in enumerate(C.SEAT_BOTTOM):
        seat_box(doc, pg, bx0 + k * (bbw + gapb), ty1 + 14, bbw, role, name)
    # press seats (left), public seats (centre), door (right)
    py = ty1 + 86
    doc.op(pg, lambda P: P.rect(X0 + 4, py, 96, 30, stroke=BLACK, dash=([3, 2], 0), width=0.7))
    place_text(doc, pg, X0 + 4, py + 7, 96, [C.SEAT_PRESS], Style(size=9.6, leading=16, align="center"),
               extra={"seat": True})
    doc.op(pg, lambda P: P.rect(cx - 130, py + 20, 260, 34, stroke=BLACK, dash=([3, 2], 0), width=0.7))
    place_text(doc, pg, cx - 130, py + 29, 260, [C.SEAT_PUBLIC], Style(size=9.6, leading=16, align="center"),
               extra={"seat": True})
    dy = py + 62
    doc.op(pg, lambda P: (P.line(X1 - 70, dy, X1, dy, 2.0, BLACK), P.line(X1 - 70, dy, X1 - 70, dy - 18, 0.6, BLACK)))
    place_text(doc, pg, X1 - 70, dy + 4, 70, [C.SEAT_DOOR], Style(size=9.6, leading=16, align="center"),
               extra={"seat": True})
    ny = dy + 40
    for t in C.SEAT_NOTES:
        ny += place_text(doc, pg, X0, ny, TW, [t], Style(size=9, leading=15, hang=sw("※ ", G, 9)),
                         extra={"note": True})
    if ny > BOTTOM:
        raise AssertionError(f"wakaba-bukai: seating chart overflows ({ny:.0f})")

    # self-checks on the intended layout
    tpages = T.tables[0]["row_pages"]
    if len(set(tpages)) != 2:
        raise AssertionError(f"wakaba-bukai: the member table should cross a page break ({tpages})")
    if not 6 <= len(doc.pages) <= 8:
        raise AssertionError(f"wakaba-bukai: {len(doc.pages)} pages")
    return doc
