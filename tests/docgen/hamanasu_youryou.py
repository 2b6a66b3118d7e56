"""hamanasu-youryou.pdf: 令和8年度 はまなす県居住支援ネットワークづくり推進事業（市町村モデル事業）公募要領
(fictional はまなす県), held-out set BLIND36.

A4 portrait call for proposals, no /Title.  Page 1: a double-framed title block, date and issuer right-aligned, a
「公募の概要」 box, then the body in ONE column with the numbering of a prefectural 要領 (第1 / 1 / （1） / ア, hanging
indents).  A YES/NO decision chart (図1: a question box on top, two branches, each question with a side exit to the
right and the next question below; 「はい」/「いいえ」 labels on the arrows) and a SWIMLANE chart (図2: lanes 市町村 /
県 / 審査会 × six month columns, boxes with the date in brackets, elbow arrows in the gutters), both captioned below.
Ruled tables: 表1 compares the two subsidy types column by column (wrapped cells, two ※ notes), 表2 経費 with wrapped
cells, 表3 提出書類 with ○ / △ / －, 表4 審査基準 (the 審査項目 is printed only on the first of its two rows; unit
right of the caption) which continues on the next page under its repeated header, 表5 加点, 表6 旧事業の採択実績
(unit 千円).  Running header from page 2: a dark tab 「公募要領」 at the left and the current 第N section at the
right, over a rule (the section of the first 第N heading on the page, else the one carried over); footer 「－n－」 in
FULL-WIDTH digits centred.  The last page is 様式第1号: a form with a tag, blank fields and □ choices, without page
number, header or footer.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_hamanasu_youryou as C
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
    place_text,
    split_sentences,
    sw,
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1, TOP, BOTTOM = 62.0, W - 62.0, 74.0, H - 66.0
CW = X1 - X0
NAVY = (0.12, 0.22, 0.40)
PALE = (0.90, 0.93, 0.97)
GRAY = (0.40, 0.40, 0.40)
GREEN = (0.16, 0.48, 0.30)
PALEGREEN = (0.89, 0.96, 0.91)
ROSE = (0.97, 0.91, 0.90)
WHITE = (1, 1, 1)
FW = str.maketrans("0123456789", "０１２３４５６７８９")

FS = 10.0
BODY = Style(font=M, size=FS, leading=17.4)
SEC = Style(size=11.6, leading=22, bold=True, color=NAVY, sb=14, sa=4, keep_next=True, indent=6)
H3 = Style(size=10.4, leading=18, bold=True, sb=7, keep_next=True)
H4 = Style(size=10.0, leading=17.4, bold=True, sb=3, keep_next=True, indent=10, hang=10)
CAP = Style(size=9.4, leading=15, bold=True, align="center", sb=3, sa=6)
TABLE_KW = dict(size=8.7, leading=12.4, pad=3.6, header_fill=(0.86, 0.89, 0.95),
                caption_style=Style(size=9.6, leading=16, bold=True, sb=8, sa=1, keep_next=True),
                note_style=Style(size=8.3, leading=12.6, hang=8.3 * 2.5, sb=2))


def _prefix_w(text: str) -> float:
    for k, ch in enumerate(text[:8]):
        if ch in "　）":
            return sw(text[:k + 1], M, FS)
    return FS * 2


def _sec_blocks(T, text: str) -> list[Block]:
    def deco(P, x, y, w, h):
        P.rect(x, y + 2, w, h - 6, stroke=None, fill=PALE)
        P.rect(x, y + 2, 4, h - 6, stroke=None, fill=NAVY)
        P.line(x, y + h - 4, x + w, y + h - 4, 0.8, NAVY)

    return decorate(line_blocks(T, [text], CW, SEC, heading=True, extra={"sec": True}), deco, CW)


def _box_lines(T, text: str, width: float, st: Style, extra: dict) -> tuple[list[str], list]:
    sid = T.sentence(text, **extra)
    lines = wrap([(ch, sid) for ch in text], width, st)
    return ["".join(u[0] for u in ln) for ln in lines], [f for ln in lines for f in frags_of(ln)]


# --------------------------------------------------------------------------- 図1 YES/NO chart

def _flow_chart(T) -> Block:
    qst = Style(size=8.6, leading=12.2)
    est = Style(size=8.0, leading=11.4)
    ext = {"chart": True}
    frags: list = []
    ops: list = []
    pad = 5.0

    def box(text, x, y, w, st, fill, stroke, bold=False, sub=None):
        lines, fr = _box_lines(T, text, w - 2 * pad, st, ext)
        frags.extend(fr)
        sub_lines: list[str] = []
        if sub:
            sub_lines, sfr = _box_lines(T, sub, w - 2 * pad, est, ext)
            frags.extend(sfr)
        h = len(lines) * st.leading + len(sub_lines) * est.leading + 2 * pad

        def op(P, ox, oy, lines=lines, sub_lines=sub_lines, x=x, y=y, w=w, h=h):
            P.rect(ox + x, oy + y, w, h, stroke=stroke, fill=fill, width=0.9, radius=4)
            for k, ln in enumerate(lines):
                P.text(ox + x + w / 2, baseline_of(oy + y + pad + k * st.leading, st), ln, G, st.size, BLACK, bold,
                       "center")
            y2 = oy + y + pad + len(lines) * st.leading
            for k, ln in enumerate(sub_lines):
                P.text(ox + x + w / 2, baseline_of(y2 + k * est.leading, est), ln, G, est.size, GREEN, False, "center")
        ops.append(op)
        return h

    def label(text, x, y, align="left"):
        sid = T.sentence(text, chart=True, label=True)
        frags.append((sid, text))
        ops.append(lambda P, ox, oy: P.text(ox + x, oy + y, text, G, 7.2, (0.75, 0.15, 0.1), True, align))

    def arrow(pts):
        def op(P, ox, oy):
            for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
                P.line(ox + xa, oy + ya, ox + xb, oy + yb, 0.9, GRAY)
            (xa, ya), (xb, yb) = pts[-2], pts[-1]
            if xa == xb:
                d = 1 if yb > ya else -1
                P.poly([(ox + xb - 3.5, oy + yb - 6 * d), (ox + xb + 3.5, oy + yb - 6 * d), (ox + xb, oy + yb)], fill=GRAY)
            else:
                d = 1 if xb > xa else -1
                P.poly([(ox + xb - 6 * d, oy + yb - 3.5), (ox + xb - 6 * d, oy + yb + 3.5), (ox + xb, oy + yb)], fill=GRAY)
        ops.append(op)

    q1w = 250.0
    q1x = (CW - q1w) / 2
    h1 = box(C.FLOW_Q1, q1x, 0, q1w, qst.but(), PALE, NAVY, True)
    half = CW / 2
    qw, ew, gap = 122.0, 75.0, 32.0
    branches = [(0.0, C.FLOW_LEFT, C.FLOW_LEFT_END, "いいえ"), (half + 6, C.FLOW_RIGHT, C.FLOW_RIGHT_END, "はい")]
    y_start = h1 + 30
    bottoms = []
    for bx, qs, end, ans in branches:
        cx = bx + qw / 2
        arrow([(CW / 2, h1), (CW / 2, h1 + 12), (cx, h1 + 12), (cx, y_start)])
        label(ans, cx + 5, h1 + 25)
        y = y_start
        for q, exit_text, exit_ans in qs:
            qh_est = len(wrap([(c, -1) for c in q], qw - 2 * pad, qst)) * qst.leading + 2 * pad
            eh_est = len(wrap([(c, -1) for c in exit_text], ew - 2 * pad, est)) * est.leading + 2 * pad
            qh = box(q, bx, y, qw, qst, WHITE, NAVY)
            ey = y + (qh_est - eh_est) / 2
            box(exit_text, bx + qw + gap, ey, ew, est, ROSE, (0.75, 0.35, 0.3))
            arrow([(bx + qw, y + qh / 2), (bx + qw + gap, y + qh / 2)])
            label(exit_ans, bx + qw + gap / 2, y + qh / 2 - 4, "center")
            other = "はい" if exit_ans == "いいえ" else "いいえ"
            y_next = y + max(qh, eh_est) + 26
            arrow([(cx, y + qh), (cx, y_next)])
            label(other, cx + 5, y + qh + 15)
            y = y_next
        eh = box(end[0], bx, y, qw + gap + ew, qst, PALEGREEN, GREEN, True, sub=end[1])
        bottoms.append(y + eh)
    total = max(bottoms) + 4

    def draw(P, x, y):
        for op in ops:
            op(P, x, y)

    return Block(h=total, draw=draw, frags=frags, keep_next=True, sb=8)


# --------------------------------------------------------------------------- 図2 swimlane chart

def _lanes(T) -> Block:
    lw, hh = 46.0, 20.0
    ncol = len(C.LANE_COLS)
    colw = (CW - lw) / ncol
    bst = Style(size=7.8, leading=10.4)
    bpad = 3.5
    bw = colw - 12
    slot_h = 3 * bst.leading + 2 * bpad + 7
    lane_h = 2 * slot_h + 4
    frags: list = []
    for t in C.LANE_COLS:
        sid = T.sentence(t, chart=True, label=True)
        frags.append((sid, t))
    for nm in C.LANE_NAMES:
        sid = T.sentence(nm, chart=True, label=True)
        frags.append((sid, nm))
    boxes = []
    for lane, col, slot, lines in C.LANE_BOXES:
        sid = T.sentence("".join(lines), chart=True)
        frags.extend((sid, ln) for ln in lines)
        bh = len(lines) * bst.leading + 2 * bpad
        bx = lw + col * colw + 6
        by = hh + lane * lane_h + 6 + slot * slot_h + (slot_h - 7 - bh) / 2
        boxes.append((bx, by, bw, bh, lines, lane))
    total = hh + len(C.LANE_NAMES) * lane_h

    def draw(P, x, y):
        P.rect(x, y, CW, total, stroke=GRAY, fill=None, width=0.8)
        P.rect(x, y, CW, hh, stroke=None, fill=NAVY)
        for k, t in enumerate(C.LANE_COLS):
            P.text(x + lw + colw * (k + 0.5), y + 14, t, G, 8.6, WHITE, True, "center")
        for li, nm in enumerate(C.LANE_NAMES):
            ly = y + hh + li * lane_h
            P.rect(x, ly, lw, lane_h, stroke=None, fill=PALE if li != 1 else (0.93, 0.95, 0.90))
            if li:
                P.line(x, ly, x + CW, ly, 0.6, GRAY)
            P.text(x + lw / 2, ly + lane_h / 2 + 3.5, nm, G, 9.0, NAVY, True, "center")
        for k in range(1, ncol):
            xx = x + lw + k * colw
            P.line(xx, y + hh, xx, y + total, 0.3, (0.7, 0.7, 0.7), dash=([2, 2], 0))
        P.line(x + lw, y, x + lw, y + total, 0.6, GRAY)
        for a, b in C.LANE_ARROWS:
            _lane_arrow(P, x, y, boxes[a], boxes[b], lw, colw, C.LANE_BOXES[a][1], C.LANE_BOXES[b][1])
        for bx, by, bw_, bh, lines, lane in boxes:
            fill = (1.0, 0.97, 0.88) if lane == 0 else (WHITE if lane == 1 else (0.95, 0.92, 0.97))
            P.rect(x + bx, y + by, bw_, bh, stroke=NAVY, fill=fill, width=0.7, radius=3)
            for k, ln in enumerate(lines):
                P.text(x + bx + bw_ / 2, baseline_of(y + by + bpad + k * bst.leading, bst), ln, G, bst.size, BLACK,
                       False, "center")

    return Block(h=total, draw=draw, frags=frags, keep_next=True, sb=8)


def _lane_arrow(P, x, y, A, B, lw, colw, ca, cb):
    ax, ay, aw, ah = A[0], A[1], A[2], A[3]
    bx, by, bh = B[0], B[1], B[3]
    col = GRAY
    if ca == cb:
        cx = x + ax + aw / 2
        if by > ay:
            y1, y2 = y + ay + ah, y + by
        else:
            y1, y2 = y + ay, y + by + bh
        P.line(cx, y1, cx, y2, 0.9, col)
        d = 1 if y2 > y1 else -1
        P.poly([(cx - 3, y2 - 5 * d), (cx + 3, y2 - 5 * d), (cx, y2)], fill=col)
        return
    xm = x + lw + cb * colw - 0.5
    ya, yb = y + ay + ah / 2, y + by + bh / 2
    P.line(x + ax + aw, ya, xm, ya, 0.9, col)
    P.line(xm, ya, xm, yb, 0.9, col)
    P.line(xm, yb, x + bx, yb, 0.9, col)
    P.poly([(x + bx - 5, yb - 3), (x + bx - 5, yb + 3), (x + bx, yb)], fill=col)


# --------------------------------------------------------------------------- document

def build():
    doc = Doc("hamanasu-youryou.pdf", A4, C.TITLE,
              "A4 call for proposals: 第N/1/（1）/ア, YES/NO chart, swimlane chart, section header, full-width page numbers",
              meta_title=None, author="はまなす県 建設部 住宅課")
    T = doc.truth
    secs: list[int] = []

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            tab = C.RUN_TAB
            tw = sw(tab, G, 8.4) + 14
            P.rect(X0, 38, tw, 15, stroke=None, fill=NAVY)
            P.text(X0 + 7, 49, tab, G, 8.4, WHITE, True)
            P.text(X1, 49, info["header"][len(tab) + 1:], G, 8.8, NAVY, True, "right")
            P.line(X0, 56, X1, 56, 0.7, NAVY)
        if info["footer"]:
            P.text(W / 2, H - 36, info["footer"], M, 9.6, BLACK, False, "center")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=None, footer="－" + str(n).translate(FW) + "－", decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1)
    flow._new_page()
    pg = flow.page
    # title block
    ty = 44.0
    tsid = T.sentence(C.TITLE, heading=True)
    sizes = [12.0, 16.5, 16.5]
    th = 22 + sum(s * 1.55 for s in sizes)

    def title_draw(P, x, y):
        P.rect(x, y, CW, th, stroke=NAVY, fill=None, width=1.6)
        P.rect(x + 3.5, y + 3.5, CW - 7, th - 7, stroke=NAVY, fill=None, width=0.5)
        yy = y + 12
        for ln, s in zip(C.TITLE_LINES, sizes, strict=True):
            yy += s * 1.55
            P.text(x + CW / 2, yy - s * 0.45, ln, G, s, NAVY, True, "center")

    doc.place(pg, Block(h=th, draw=title_draw, frags=[(tsid, ln) for ln in C.TITLE_LINES]), X0, ty)
    y = ty + th + 8
    y += place_text(doc, pg, X0, y, CW, [C.DATE], Style(size=9.8, leading=16, align="right"))
    y += place_text(doc, pg, X0, y, CW, [C.ISSUER], Style(size=9.8, leading=16, align="right"))
    y += 4
    sb = box_block(T, C.SUMMARY_TITLE, C.SUMMARY, CW, Style(size=9.4, leading=14.6), Style(size=9.8, leading=16, bold=True),
                   fill=(0.97, 0.98, 1.0), border=NAVY, pad=9, bullet_hang=9.4, sb=0)
    doc.place(pg, sb, X0, y)
    flow.band_top = y + sb.h + 6

    for it in C.BODY:
        _item(flow, T, it, secs)
    cb = box_block(T, C.CONTACT_TITLE, C.CONTACT, CW, Style(size=9.3, leading=15), Style(size=9.8, leading=16, bold=True),
                   fill=WHITE, border=NAVY, pad=9, sb=14)
    flow.add(cb)
    flow.finish()

    # running header: the first 第N heading on the page, else the last one before it
    for p in range(1, len(doc.pages)):
        on = [s for s in secs if min(T.sentences[s]["pages"]) == p]
        before = [s for s in secs if min(T.sentences[s]["pages"]) < p]
        s = on[0] if on else before[-1]
        doc.pages[p].info["header"] = C.RUN_TAB + "　" + T.sentences[s]["text"]

    _form(doc, T)
    return doc


def _item(flow: Flow, T, it, secs: list[int]) -> None:
    kind = it[0]
    if kind == "sec":
        bl = _sec_blocks(T, it[1])
        secs.append(bl[0].frags[0][0])
        flow.add_all(bl)
    elif kind == "h3":
        flow.add_all(line_blocks(T, [it[1]], CW, H3, heading=True))
    elif kind == "h4":
        flow.add_all(line_blocks(T, [it[1]], CW, H4, heading=True))
    elif kind == "p":
        base = it[2] * FS
        flow.add_all(line_blocks(T, split_sentences(it[1]), CW, BODY.but(indent=base + FS, hang=base, sa=2)))
    elif kind == "item":
        base = it[2] * FS
        st = BODY.but(indent=base, hang=base + _prefix_w(it[1]), sb=1)
        flow.add_all(line_blocks(T, split_sentences(it[1]), CW, st, extra={"item": True}))
    elif kind == "table":
        flow.add_table(TableSpec(**{**TABLE_KW, **it[1]}))
        flow.vspace(4)
    elif kind == "figure":
        blk = _flow_chart(T) if it[1] == "flow" else _lanes(T)
        cap = C.FLOW_CAPTION if it[1] == "flow" else C.LANES_CAPTION
        flow.add(blk)
        flow.add_all(line_blocks(T, [cap], CW, CAP, extra={"caption": True, "figure": True}))
    elif kind == "vspace":
        flow.vspace(it[1])
    elif kind == "pagebreak":
        flow.page_break()
    else:
        raise KeyError(kind)


def _form(doc: Doc, T) -> None:
    pg = doc.new_page(printed=None, header=None, footer=None)
    y = 52.0
    y += place_text(doc, pg, X0, y, CW, [C.FORM_TAG], Style(size=9.6, leading=16), extra={"form": True})
    y += place_text(doc, pg, X0, y + 6, CW, [C.FORM_DATE], Style(size=10, leading=17, align="right"),
                    extra={"form": True}) + 10
    y += place_text(doc, pg, X0, y, CW, [C.FORM_TO], Style(size=10.5, leading=18, indent=10), extra={"form": True}) + 6
    for ln in C.FORM_FROM:
        sid = T.sentence(ln, form=True, field=True)
        xx = X0 + CW * 0.52

        def d(P, x, yy, ln=ln):
            P.text(x, baseline_of(yy, BODY), ln, G, 10, BLACK)
            P.line(x + 66, yy + 15, X1, yy + 15, 0.5, GRAY)
        doc.place(pg, Block(h=22, draw=d, frags=[(sid, ln)]), xx, y)
        y += 22
    y += 16
    tsid = T.sentence("".join(C.FORM_TITLE), heading=True, form=True)
    for ln in C.FORM_TITLE:
        doc.place(pg, Block(h=20, draw=lambda P, x, yy, ln=ln: P.text(x + CW / 2, yy + 15, ln, G, 12.2, BLACK, True,
                                                                         "center"),
                            frags=[(tsid, ln)]), X0, y)
        y += 20
    y += 10
    y += place_text(doc, pg, X0, y, CW, split_sentences(C.FORM_LEAD), BODY.but(indent=FS), extra={"form": True}) + 8
    lab_w = 128.0
    vst = Style(size=9.4, leading=15.0)
    top = y
    rows = []
    for label, vals in C.FORM_ROWS:
        lsid = T.sentence(label, form=True, label=True)
        vs = [(T.sentence(v, form=True) if v else None, v) for v in vals]
        rh = max(1, len(vals)) * vst.leading + 14
        if label == "事業名":
            rh += 14
        rows.append((label, lsid, vs, rh))
    for label, lsid, vs, rh in rows:
        def d(P, x, yy, label=label, vs=vs, rh=rh):
            P.rect(x, yy, lab_w, rh, stroke=None, fill=(0.92, 0.92, 0.92))
            P.rect(x, yy, CW, rh, stroke=BLACK, fill=None, width=0.6)
            P.line(x + lab_w, yy, x + lab_w, yy + rh, 0.6, BLACK)
            P.text(x + 6, yy + rh / 2 + 3.4, label, G, 9.4, BLACK)
            y0 = yy + (rh - len(vs) * vst.leading) / 2
            for k, (_s, v) in enumerate(vs):
                if v:
                    right = v == "円"
                    P.text(x + (CW - 10 if right else lab_w + 8), baseline_of(y0 + k * vst.leading, vst), v, G, 9.4,
                           BLACK, False, "right" if right else "left")
        frags = [(lsid, label)] + [(s, v) for s, v in vs if s is not None]
        doc.place(pg, Block(h=rh, draw=d, frags=frags), X0, y)
        y += rh
    assert y > top
    y += 10
    for n in C.FORM_NOTES:
        y += place_text(doc, pg, X0, y, CW, split_sentences(n), Style(size=8.8, leading=14, hang=8.8 * 2.5),
                        extra={"note": True, "form": True})
    assert y < H - 40, f"form overflows ({y:.0f})"
