"""suzuran-chousahyou.pdf: a municipal QUESTIONNAIRE (調査票) reprinted with its tabulated results, A4 portrait
(fictional すずらん県).

Layout traps: page 1 opens with a navy header band (issuer, survey name, 「調　査　票」) and a white 回答期限 box at its
right, a red 「集計結果記入版」 stamp, the response status line, an EMPTY ruled 回答者記入欄 (label cells shaded, value
cells blank) and a 記入上の注意 box that also explains how to read the results (the numbers beside the options are
counts of municipalities, the ✓ marks the most frequent option, the boxes hold totals). Questions 問1–問12 in four
sections (Ⅰ–Ⅳ, navy bars); each question has a 「問n」 tab beside its wrapped text and, on the line under it, the
target group (「対象：問1で①・②と回答した市町村」) at the left and the red 「【集計】回答 n市町村」 at the right. Options
are laid out in ONE, TWO or THREE columns: □ check boxes (the □ is a glyph; the tick on the most frequent option is a
red vector drawing, so it is not in the text) or ①–⑤ choices with an empty 回答欄 box at the right; each option is
followed by a dotted leader (drawn, not text) and the red count 「6市町村」, so pdfplumber reads two or three
option/count pairs on one line. Branch instructions 「→…へお進みください」, fill-in boxes with the totals written in
red (「令和5年度 [1,529] 件」, 付問 boxes for averages / 延べ数) and ※ notes explaining what the totals mean; a ruled
cross-tabulation 集計表1 (設置状況 × 人口規模, with a 計 row and column) under 問1's branch line; 問12's free comments
as six boxes in TWO columns (quotes wrapped inside each box, attribution （市町村名） right-aligned under each), so
pdfplumber reads across the two boxes line by line. Running header from page 2 (survey name left, 「集計結果記入版」
right, over a rule); footer 「すずらん県住宅政策課　n」 at the bottom right of every page. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_suzuran_chousahyou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    Flow,
    G,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
)
from .kit import box_block

W, H = A4
X0, X1 = 46.0, W - 46.0
WIDTH = X1 - X0
TOP, BOTTOM = 58.0, H - 50.0
NAVY = (0.16, 0.26, 0.47)
LIGHT = (0.90, 0.93, 0.97)
RED = (0.78, 0.10, 0.10)
GRAY = (0.40, 0.40, 0.40)
WHITE = (1, 1, 1)

TAB_W = 38.0
Q_ST = Style(size=9.2, leading=14.2)
OPT_SIZE = 9.0
OPT_H = 18.0
NOTE = Style(size=7.8, leading=11.6, color=GRAY, hang=7.8)
BRANCH = Style(size=8.6, leading=13, color=NAVY, bold=True)


def build() -> Doc:
    doc = Doc("suzuran-chousahyou.pdf", A4, C.TITLE,
              "A4 portrait questionnaire reprinted with tabulated results: options in 1-3 columns with counts",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["index"] > 0:
            P.text(X0, 36, C.RUNNING[0], G, 8, GRAY)
            P.text(X1, 36, C.RUNNING[1], G, 8, RED, True, "right")
            P.line(X0, 41, X1, 41, 0.5, NAVY)
        P.text(X1, H - 26, info["footer"], G, 8.4, BLACK, align="right")

    def page_info(i):
        hdr = None if i == 0 else f"{C.RUNNING[0]}　{C.RUNNING[1]}"
        return dict(printed=str(i + 1), header=hdr, footer=f"{C.ORG}　{i + 1}")

    # ------------------------------------------------------------------ page 1: header band
    p0 = doc.new_page(**page_info(0), decor=decor)
    bt, bh = 30.0, 70.0
    bx = X1 - 132

    def band(P):
        P.rect(X0 - 8, bt, WIDTH + 16, bh, stroke=None, fill=NAVY)
        P.rect(bx, bt + 10, 124, bh - 20, stroke=None, fill=WHITE, radius=4)
    doc.op(p0, band)
    place_text(doc, p0, X0, bt + 7, 300, [C.BAND["from"]], Style(size=8.4, leading=12, color=WHITE))
    place_text(doc, p0, X0, bt + 21, bx - X0 - 8, [C.BAND["title"]], Style(size=14.5, leading=21, bold=True,
                                                                            color=WHITE), heading=True)
    place_text(doc, p0, X0, bt + 45, 200, [C.BAND["kind"]], Style(size=11, leading=16, bold=True, color=WHITE),
               heading=True)
    place_text(doc, p0, bx, bt + 14, 124, [C.BAND["deadline_label"]], Style(size=8.6, leading=12, color=NAVY,
                                                                               bold=True, align="center"))
    place_text(doc, p0, bx, bt + 29, 124, [C.BAND["deadline"]], Style(size=10.6, leading=16, color=RED, bold=True,
                                                                         align="center"))
    y = bt + bh + 8
    place_text(doc, p0, X0, y, WIDTH - 100, C.BASE, Style(size=8.2, leading=13))
    sw_ = sw(C.STAMP, G, 10) + 16
    doc.op(p0, lambda P, y=y: P.rect(X1 - sw_, y - 2, sw_, 18, stroke=RED, fill=None, width=1.2))
    place_text(doc, p0, X1 - sw_, y + 1, sw_, [C.STAMP], Style(size=10, leading=14, color=RED, bold=True,
                                                                 align="center"))
    y += 17
    place_text(doc, p0, X0, y, 250, [C.STATUS[0]], Style(size=8.6, leading=13, color=RED, bold=True))
    place_text(doc, p0, X0 + 262, y, WIDTH - 262, [C.STATUS[1]], Style(size=8.6, leading=13, color=RED, bold=True))
    y += 19

    first = {"used": False}

    def new_page() -> int:
        if not first["used"]:
            first["used"] = True
            return p0
        return doc.new_page(**page_info(len(doc.pages)), decor=decor)

    flow = Flow(doc, (X0, TOP, X1, BOTTOM), new_page, ncols=1, top_of=lambda pg: y if pg == p0 else TOP)

    # ------------------------------------------------------------------ 回答者記入欄 and 記入上の注意
    fst = Style(size=8.6, leading=12, bold=True)
    tid = T.sentence(C.FORM_TITLE, heading=True, form=True)
    flow.add(Block(h=18, draw=lambda P, x, yy: P.text(x, baseline_of(yy + 2, fst), C.FORM_TITLE, G, 9.4, NAVY, True),
                   frags=[(tid, C.FORM_TITLE)], keep_next=True))
    lw, vw = 78.0, WIDTH / 2 - 78.0
    for a, b in C.FORM:
        sa = T.sentence(a, form=True)
        frags = [(sa, a)]
        if b:
            sb_ = T.sentence(b, form=True)
            frags.append((sb_, b))

        def row(P, x, yy, a=a, b=b):
            rh = 22
            P.rect(x, yy, lw, rh, stroke=None, fill=LIGHT)
            if b:
                P.rect(x + lw + vw, yy, lw, rh, stroke=None, fill=LIGHT)
            P.rect(x, yy, WIDTH, rh, stroke=(0.3, 0.3, 0.3), fill=None, width=0.6)
            P.line(x + lw, yy, x + lw, yy + rh, 0.6, (0.3, 0.3, 0.3))
            P.text(x + 6, baseline_of(yy + 5, fst), a, G, 8.6, BLACK, True)
            if b:
                P.line(x + lw + vw, yy, x + lw + vw, yy + rh, 0.6, (0.3, 0.3, 0.3))
                P.line(x + 2 * lw + vw, yy, x + 2 * lw + vw, yy + rh, 0.6, (0.3, 0.3, 0.3))
                P.text(x + lw + vw + 6, baseline_of(yy + 5, fst), b, G, 8.6, BLACK, True)
        flow.add(Block(h=22, draw=row, frags=frags))
    paras = C.NOTES + [C.HOWTO_TITLE] + C.HOWTO
    flow.add(box_block(T, C.NOTES_TITLE, paras, WIDTH, Style(size=8.4, leading=13, hang=8.4),
                       Style(size=9, leading=14, bold=True), fill=(0.97, 0.98, 1.0), border=NAVY, sb=12,
                       bullet_hang=8.4))

    # ------------------------------------------------------------------ helpers
    def section(title):
        sid = T.sentence(title, heading=True)
        st = Style(size=10.5, leading=15, bold=True, color=WHITE)

        def draw(P, x, yy):
            P.rect(x, yy, WIDTH, 21, stroke=None, fill=NAVY)
            P.text(x + 8, baseline_of(yy + 3, st), title, G, st.size, WHITE, True)
        flow.add(Block(h=21, draw=draw, frags=[(sid, title)], keep_next=True, sb=16))

    def q_header(q):
        label = f"問{q['no']}"
        sid_l = T.sentence(label, heading=True, q=True)
        blocks = line_blocks(T, split_sentences(q["text"]), WIDTH - TAB_W, Q_ST, extra={"q": True})
        tgt = f"対象：{q['target']}" if q.get("target") else None
        cnt = f"【集計】回答 {q['n']}市町村"
        sid_t = T.sentence(tgt, note=True) if tgt else None
        sid_c = T.sentence(cnt, note=True, result=True)
        mst = Style(size=8.2, leading=13)
        h = sum(b.h for b in blocks) + 14 + 3

        def draw(P, x, yy, blocks=blocks):
            P.rect(x, yy + 1, 30, 15, stroke=None, fill=NAVY, radius=3)
            P.text(x + 15, yy + 12, label, G, 9.4, WHITE, True, "center")
            y2 = yy
            for b in blocks:
                b.draw(P, x + TAB_W, y2)
                y2 += b.h
            bl = baseline_of(y2 + 1, mst)
            if tgt:
                P.text(x + TAB_W, bl, tgt, G, 8.2, GRAY)
            P.text(x + WIDTH, bl, cnt, G, 8.2, RED, True, "right")
        frags = [(sid_l, label)] + [f for b in blocks for f in b.frags]
        if tgt:
            frags.append((sid_t, tgt))
        frags.append((sid_c, cnt))
        flow.add(Block(h=h, draw=draw, frags=frags, keep_next=True, sb=12))

    def tick(P, x, yy):  # a red hand-drawn-looking tick over a check box
        P.line(x + 1.0, yy + 4.5, x + 4.2, yy + 9.0, 1.6, RED)
        P.line(x + 4.2, yy + 9.0, x + 10.5, yy - 1.5, 1.6, RED)

    def options(q, box: bool):
        ncols = q.get("cols", 2)
        x_off = TAB_W
        area = WIDTH - TAB_W - (112 if not box else 0)
        cw = area / ncols
        opts = q["options"]
        rows = [opts[i:i + ncols] for i in range(0, len(opts), ncols)]
        k = 0
        for r, row in enumerate(rows):
            cells = []
            frags = []
            for c, (label, count) in enumerate(row):
                ctext = f"{count}市町村"
                sid = T.sentence(f"{label}　{ctext}", item=True, option=True)
                frags += [(sid, label), (sid, ctext)]
                need = (13 if box else 0) + sw(label, G, OPT_SIZE) + 12 + sw(ctext, G, OPT_SIZE) + 8
                if need > cw + 0.5:
                    raise AssertionError(f"suzuran-chousahyou 問{q['no']}: option does not fit ({need:.0f} > {cw:.0f}): "
                                         f"{label}")
                cells.append((c, label, ctext, k == q["top"]))
                k += 1
            answer_box = (not box) and r == 0

            def draw(P, x, yy, cells=cells, answer_box=answer_box):
                st = Style(size=OPT_SIZE, leading=OPT_H)
                bl = baseline_of(yy, st)
                for c, label, ctext, top in cells:
                    cx = x + x_off + c * cw
                    tx = cx
                    if box:
                        P.text(cx, bl, "□", G, 10, BLACK)
                        tx = cx + 13
                        if top:
                            tick(P, cx + 0.5, bl - 7)
                    elif top:
                        tick(P, cx - 15, bl - 7)
                    P.text(tx, bl, label, G, OPT_SIZE, BLACK)
                    lx0 = tx + sw(label, G, OPT_SIZE) + 4
                    rx = cx + cw - 8
                    lx1 = rx - sw(ctext, G, OPT_SIZE) - 4
                    if lx1 > lx0 + 4:
                        P.line(lx0, bl - 2, lx1, bl - 2, 0.8, (0.55, 0.55, 0.55), dash=[0.8, 2.4])
                    P.text(rx, bl, ctext, G, OPT_SIZE, RED, True, "right")
                if answer_box:
                    ax = x + WIDTH - 74
                    P.text(ax - 4, bl, "回答欄", G, 8.2, NAVY, True, "right")
                    P.rect(ax, yy - 2, 74, 22, stroke=NAVY, fill=None, width=0.9)
            flow.add(Block(h=OPT_H + (6 if (answer_box and len(rows) == 1) else 0), draw=draw, frags=frags,
                           keep_next=r < len(rows) - 1, sb=4 if r == 0 else 0))

    def fills(q, sub: bool):
        items = q["fill"]
        frags = []
        laid = []
        if sub:
            sid = T.sentence("付問", heading=True)
            frags.append((sid, "付問"))
        for label, value, unit in items:
            sid = T.sentence(f"{label}　{value}{unit}", form=True, result=True)
            frags += [(sid, label), (sid, value), (sid, unit)]
            laid.append((label, value, unit))
        st = Style(size=9, leading=24)

        def draw(P, x0, yy):
            bl = baseline_of(yy, st)
            x = x0 + TAB_W
            if sub:
                P.rect(x, yy + 5, 28, 14, stroke=NAVY, fill=None, width=0.7, radius=2)
                P.text(x + 14, bl, "付問", G, 8, NAVY, True, "center")
                x += 36
            for label, value, unit in laid:
                P.text(x, bl, label, G, 9, BLACK)
                x += sw(label, G, 9) + 6
                P.rect(x, yy + 2, 70, 20, stroke=BLACK, fill=None, width=0.8)
                P.text(x + 62, bl, value, G, 10, RED, True, "right")
                x += 74
                P.text(x, bl, unit, G, 9, BLACK)
                x += sw(unit, G, 9) + 26
        flow.add(Block(h=26, draw=draw, frags=frags, sb=4, keep_next=bool(q.get("fill_note"))))
        if q.get("fill_note"):
            flow.add_all(line_blocks(T, split_sentences(q["fill_note"]), WIDTH - TAB_W, NOTE.but(sb=1),
                                     extra={"note": True}))

    def indent(blocks, dx):
        for b in blocks:
            orig = b.draw
            b.draw = (lambda P, x, yy, orig=orig: orig(P, x + dx, yy))
        return blocks

    def free(q):
        flow.add_all(indent(line_blocks(T, [q["lead"]], WIDTH - TAB_W, Style(size=8.8, leading=14, color=RED,
                                                                           bold=True, sb=4), extra={"result": True}),
                            TAB_W))
        gap = 12.0
        bw = (WIDTH - gap) / 2
        inner = bw - 16
        qst = Style(size=8.6, leading=13.2)
        ast = Style(size=8.2, leading=13, align="right")
        quotes = q["quotes"]
        for i in range(0, len(quotes), 2):
            pair = []
            for text, who in quotes[i:i + 2]:
                body = line_blocks(T, split_sentences("「" + text + "」"), inner, qst, extra={"box": True, "quote": True})
                attr = line_blocks(T, [f"（{who}）"], inner, ast, extra={"box": True, "attribution": True})
                pair.append(body + attr)
            h = max(sum(b.h for b in bl) for bl in pair) + 16

            def draw(P, x, yy, pair=pair, h=h):
                for k, bl in enumerate(pair):
                    bx = x + k * (bw + gap)
                    P.rect(bx, yy, bw, h, stroke=(0.45, 0.45, 0.45), fill=(0.99, 0.99, 0.97), width=0.7, radius=6)
                    y2 = yy + 8
                    for b in bl[:-1]:
                        b.draw(P, bx + 8, y2)
                        y2 += b.h
                    bl[-1].draw(P, bx + 8, yy + h - 8 - bl[-1].h)
            flow.add(Block(h=h, draw=draw, frags=[f for bl in pair for b in bl for f in b.frags], sb=8))
        flow.add_all(line_blocks(T, split_sentences(q["quote_note"]), WIDTH, NOTE.but(sb=4), extra={"note": True}))

    # ------------------------------------------------------------------ questions
    qs = {q["no"]: q for q in C.QUESTIONS}
    for title, nos in C.SECTIONS:
        section(title)
        for no in nos:
            q = qs[no]
            q_header(q)
            if q["kind"] in ("check", "choice"):
                options(q, box=q["kind"] == "check")
                if q.get("branch"):
                    flow.add_all(indent(line_blocks(T, [q["branch"]], WIDTH - TAB_W, BRANCH.but(sb=3),
                                                    extra={"note": True, "branch": True}), TAB_W))
                if q.get("fill"):
                    fills(q, sub=True)
            elif q["kind"] == "fill":
                fills(q, sub=False)
            elif q["kind"] == "free":
                free(q)
            if C.CROSS["after"] == no:
                cr = C.CROSS
                flow.add_table(TableSpec(caption=cr["caption"], unit=cr["unit"], header=cr["header"], rows=cr["rows"],
                                         widths=[1.6, 1.0, 1.25, 1.0, 0.7], align=["l", "r", "r", "r", "r"], size=8.6,
                                         leading=11.5, pad=3.6, header_fill=LIGHT, rule=(0.3, 0.3, 0.3),
                                         caption_style=Style(size=9.2, leading=14, bold=True, sb=12, sa=2,
                                                             keep_next=True),
                                         notes=cr["notes"], note_style=NOTE))

    # ------------------------------------------------------------------ 参考: comparison with the previous survey
    cp = C.COMPARE
    section(cp["heading"])
    flow.add_all(line_blocks(T, split_sentences(cp["lead"]), WIDTH, Style(size=8.8, leading=14, sb=6)))
    flow.add_table(TableSpec(caption=cp["caption"], unit=cp["unit"], header=cp["header"], rows=cp["rows"],
                             widths=[3.4, 1.1, 1.1, 0.7], align=["l", "r", "r", "r"], size=8.6, leading=11.5, pad=3.6,
                             header_fill=LIGHT, rule=(0.3, 0.3, 0.3),
                             caption_style=Style(size=9.2, leading=14, bold=True, sb=8, sa=2, keep_next=True),
                             notes=cp["notes"], note_style=NOTE))

    # ------------------------------------------------------------------ contact box
    flow.add(box_block(T, C.CONTACT_TITLE, C.CONTACT, WIDTH, Style(size=8.6, leading=13.6, hang=8.6),
                       Style(size=9, leading=14, bold=True), fill=(0.97, 0.98, 1.0), border=NAVY, sb=18))
    flow.add_all(line_blocks(T, [C.END], WIDTH, Style(size=9, leading=14, align="right", sb=8)))
    flow.finish()
    return doc
