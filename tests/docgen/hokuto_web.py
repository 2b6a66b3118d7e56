"""hokuto-web.pdf: a prefecture WEB PAGE 「市町村居住支援協議会の設立・運営への支援について」 printed from a browser
(A4 portrait, fictional ほくと県), built for held-out tests (BLIND27).

Layout traps: the browser's print header on every page (print date and time at the top LEFT, the page title at the
top RIGHT, small type) and footer (the URL at the bottom left, 「n/N」 at the bottom right of the same line); on
page 1 only: the site banner (a coloured band with the logo, 文字サイズ 小 中 大 / 背景色 / English links and a
search box drawn as rectangles), a row of global-navigation tabs, a breadcrumb line 「ホーム ＞ くらし・住まい ＞ 住宅
＞ 居住支援 ＞ …」 and a LEFT navigation column of short menu links (the current one highlighted) beside the main
column, so pdfplumber reads a menu link and the main text together on one line; the main column keeps its x
position on the following pages (blank left margin); h1 over a thick rule with 「ページ番号」 and 「このページを
印刷する」 on one line under it; an in-page 「このページの内容」 link box that repeats the h2 texts; h2 as filled
見出し bars (white text), h3 as 「■…」 lines with an underline; ・ lists with 「label：text」 items; a ruled table
(区分｜補助対象｜補助率｜上限額, wrapped cells) that continues onto the next page WITH its header row repeated,
※ notes under it; blue underlined download links with a file-type tag; a よくある質問 section with 「Q.」 / 「A.」
labels drawn beside the text; 「最終更新日：…」 right-aligned; a framed 「お問い合わせ先」 block (電話 / FAX /
E-mail on separate lines); a feedback widget (「このページの情報は役に立ちましたか？」 with radio circles and a
送信 button). Text breaks across pages wherever the page ends. No /Title (printed through a PDF printer driver).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_hokuto_web as C
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
from .kit import decorate

W, H = A4
X0, X1 = 28.0, W - 28.0
NAV_W = 118.0
MAIN_X = X0 + NAV_W + 18.0
MAIN_W = X1 - MAIN_X
TOP, BOTTOM = 42.0, H - 40.0
BODY_TOP1 = 176.0

GREEN = (0.0, 0.33, 0.36)      # site colour
DGREEN = (0.0, 0.24, 0.27)
PALE = (0.9, 0.96, 0.96)
BLUE = (0.0, 0.27, 0.7)
GRAY = (0.42, 0.42, 0.42)
LGRAY = (0.95, 0.95, 0.95)
RULE = (0.62, 0.7, 0.72)
WHITE = (1, 1, 1)

P_ = Style(size=9.5, leading=16.4, sa=6)
LI = Style(size=9.5, leading=16.4, hang=9.5, sb=1)
H1 = Style(size=16.0, leading=25, bold=True, color=DGREEN, sa=2)
H2 = Style(size=11.8, leading=24, bold=True, color=WHITE, sb=16, sa=8, indent=10, hang=10, keep_next=True)
H3 = Style(size=10.4, leading=19, bold=True, color=DGREEN, sb=8, sa=5, keep_next=True)
LINK = Style(size=9.2, leading=17, color=BLUE, indent=34, hang=34, sb=1)
TOCL = Style(size=9.0, leading=15.5, color=BLUE, indent=14, hang=14)
Q_ = Style(size=9.5, leading=16, bold=True, indent=22, hang=22)
A_ = Style(size=9.3, leading=15.8, indent=22, hang=22)


def _tag_of(text: str) -> tuple[str, tuple] | None:
    for key, col in (("PDF", (0.78, 0.1, 0.1)), ("Word", (0.16, 0.34, 0.7)), ("Excel", (0.12, 0.5, 0.25))):
        if f"（{key}：" in text:
            return key, col
    return None


def build() -> Doc:
    doc = Doc("hokuto-web.pdf", A4, C.TITLE,
              "web page printed from a browser: print header/footer, site banner, breadcrumb and left navigation on "
              "page 1 only, 見出し bars, a ruled table continuing with a repeated header, Q./A., contact, feedback widget",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        # browser print header and footer (small, in the page margins)
        P.text(20, 20, C.PRINTED_AT, G, 7.4, BLACK)
        P.text(W - 20, 20, C.BROWSER_TITLE, G, 7.4, BLACK, align="right")
        P.text(20, H - 14, C.URL, G, 7.4, BLACK)
        P.text(W - 20, H - 14, info["footer"].split("　")[-1], G, 7.4, BLACK, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=f"{C.PRINTED_AT}　{C.BROWSER_TITLE}",
                            footer=f"{C.URL}　{n}/?", decor=decor)

    # ------------------------------------------------------------ page 1: site chrome
    p1 = new_page()
    site = {"site": True}

    def banner(P):
        P.rect(X0, 34, X1 - X0, 64, stroke=None, fill=GREEN)
        # logo mark: a seven-dot dipper
        for k, (dx, dy) in enumerate(((0, 10), (8, 6), (16, 8), (23, 13), (27, 22), (36, 24), (38, 15))):
            P.rect(X0 + 10 + dx, 48 + dy, 3.4, 3.4, stroke=None, fill=(1, 0.9, 0.45) if k < 4 else WHITE, radius=1.7)
        # search box and button
        P.rect(X1 - 188, 66, 140, 20, stroke=None, fill=WHITE)
        P.rect(X1 - 46, 66, 38, 20, stroke=None, fill=(0.95, 0.75, 0.2), radius=2)
        # global navigation tabs
        step = (X1 - X0) / len(C.GNAV)
        for k in range(len(C.GNAV)):
            P.rect(X0 + k * step + 1, 102, step - 2, 24, stroke=RULE, fill=PALE if k else (0.8, 0.9, 0.9),
                   width=0.6)
        P.line(X0, 126, X1, 126, 2.0, GREEN)
    doc.op(p1, banner)
    place_text(doc, p1, X0 + 60, 44, 150, [C.LOGO], Style(size=22, leading=30, bold=True, color=WHITE), extra=site)
    place_text(doc, p1, X0 + 61, 74, 150, [C.LOGO_SUB], Style(size=7.4, leading=11, color=(0.85, 0.95, 0.95)),
               extra=site)
    ux = X1 - 8
    xs = []
    for t in reversed(C.UTIL):
        ux -= sw(t, G, 7.8)
        xs.append((ux, t))
        ux -= 9
    for x, t in reversed(xs):
        place_text(doc, p1, x, 42, sw(t, G, 7.8) + 4, [t], Style(size=7.8, leading=12, color=WHITE), extra=site)
    place_text(doc, p1, X1 - 182, 70, 130, [C.SEARCH_PLACEHOLDER], Style(size=8.2, leading=12, color=GRAY), extra=site)
    place_text(doc, p1, X1 - 46, 70, 38, [C.SEARCH_BUTTON],
               Style(size=8.4, leading=12, color=DGREEN, align="center", bold=True), extra=site)
    step = (X1 - X0) / len(C.GNAV)
    for k, t in enumerate(C.GNAV):
        place_text(doc, p1, X0 + k * step, 107, step, [t],
                   Style(size=9, leading=14, color=DGREEN, bold=True, align="center"), extra=site)
    # breadcrumb: one line, links in blue, the current page black
    bst = Style(size=8.2, leading=13)
    bsid = T.sentence(" ＞ ".join(C.BREADCRUMB), site=True, breadcrumb=True)

    def bc_draw(P, x, y):
        bl = baseline_of(y, bst)
        xx = x
        for k, part in enumerate(C.BREADCRUMB):
            last = k == len(C.BREADCRUMB) - 1
            P.text(xx, bl, part, G, 8.2, BLACK if last else BLUE)
            if not last:
                P.line(xx, bl + 1.5, xx + sw(part, G, 8.2), bl + 1.5, 0.4, BLUE)
            xx += sw(part, G, 8.2)
            if not last:
                P.text(xx + 4, bl, "＞", G, 8.2, GRAY)
                xx += sw("＞", G, 8.2) + 8
    parts = []
    for k, part in enumerate(C.BREADCRUMB):
        parts.append((bsid, part))
        if k < len(C.BREADCRUMB) - 1:
            parts.append((bsid, "＞"))
    doc.place(p1, Block(h=bst.leading, draw=bc_draw, frags=parts), X0, 136)
    assert sw("　＞　".join(C.BREADCRUMB), G, 8.2) < X1 - X0

    # left navigation column (page 1 only)
    ny = BODY_TOP1
    nt = Style(size=10.5, leading=26, bold=True, color=WHITE, indent=10)
    doc.op(p1, lambda P, y=ny: P.rect(X0, y, NAV_W, 26, stroke=None, fill=GREEN, radius=2))
    ny += place_text(doc, p1, X0, ny, NAV_W, [C.NAV_TITLE], nt, heading=True, extra={**site, "nav": True})
    for k, t in enumerate(C.NAV):
        cur = k == C.NAV_CURRENT
        st = Style(size=8.8, leading=13.4, color=DGREEN if cur else BLUE, bold=cur)
        bl = line_blocks(T, [t], NAV_W - 22, st, extra={**site, "nav": True})
        hh = sum(b.h for b in bl) + 11
        doc.op(p1, lambda P, y=ny, hh=hh, cur=cur: (
            P.rect(X0, y, NAV_W, hh, stroke=None, fill=PALE if cur else WHITE),
            P.line(X0, y + hh, X0 + NAV_W, y + hh, 0.5, RULE, dash=[2, 2]),
            P.poly([(X0 + 7, y + hh / 2 - 3), (X0 + 7, y + hh / 2 + 3), (X0 + 11.5, y + hh / 2)], fill=GREEN)))
        yy = ny + 5.5
        for b in bl:
            doc.place(p1, b, X0 + 17, yy)
            yy += b.h
        ny += hh
    doc.op(p1, lambda P, y=ny: P.rect(X0, BODY_TOP1, NAV_W, y - BODY_TOP1, stroke=RULE, fill=None, width=0.6))

    # ------------------------------------------------------------ main column
    flow = Flow(doc, (MAIN_X, TOP, X1, BOTTOM), new_page, ncols=1)
    flow.page = p1
    flow.band_top = BODY_TOP1
    wd = MAIN_W

    def h1_deco(P, x, y, w, h):
        P.rect(x, y + h - 1, w, 2.6, stroke=None, fill=GREEN)

    def h2_deco(P, x, y, w, h):
        h -= H2.sa
        P.rect(x, y, w, h, stroke=None, fill=GREEN, radius=2)

    def h3_deco(P, x, y, w, h):
        P.line(x, y + h - H3.sa + 1, x + w, y + h - H3.sa + 1, 0.8, RULE)

    def spacer(h):
        return Block(h=h, draw=lambda P, x, y: None)

    def framed(blocks, fill=None, color=RULE, top=True, bottom=True, width=None):
        """Side borders (and top/bottom) around the line blocks of a framed area."""
        ww = width or wd
        for k, b in enumerate(blocks):
            orig = b.draw
            t_ = top and k == 0
            b_ = bottom and k == len(blocks) - 1

            def draw(P, x, y, orig=orig, h=b.h, t_=t_, b_=b_):
                if fill:
                    P.rect(x, y, ww, h, stroke=None, fill=fill)
                P.line(x, y, x, y + h, 0.7, color)
                P.line(x + ww, y, x + ww, y + h, 0.7, color)
                if t_:
                    P.line(x, y, x + ww, y, 0.7, color)
                if b_:
                    P.line(x, y + h, x + ww, y + h, 0.7, color)
                orig(P, x, y)
            b.draw = draw
        return blocks

    def underline(blocks, st):
        for i, b in enumerate(blocks):
            orig = b.draw
            text = "".join(t for _, t in b.frags)
            ind = st.indent if i == 0 else st.hang

            def draw(P, x, y, orig=orig, text=text, ind=ind):
                orig(P, x, y)
                bl = baseline_of(y, st)
                P.line(x + ind, bl + 1.8, x + ind + sw(text, G, st.size), bl + 1.8, 0.5, BLUE)
            b.draw = draw
        return blocks

    tspec = {"size": 8.8, "leading": 13.0, "pad": 4.2, "header_fill": (0.82, 0.91, 0.91), "rule": (0.35, 0.42, 0.44),
             "caption_style": Style(size=9.8, leading=16, bold=True, color=DGREEN, sb=8, sa=3, keep_next=True),
             "note_style": Style(size=8.5, leading=13.6, hang=8.5, sb=1)}

    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H1, heading=True), h1_deco, wd))
            s1 = T.sentence(C.PAGE_NO)
            s2 = T.sentence(C.SHARE, site=True)
            st = Style(size=8.4, leading=20)

            def meta(P, x, y, st=st):
                bl_ = baseline_of(y + 4, st)
                P.text(x, bl_, C.PAGE_NO, G, 8.4, GRAY)
                P.text(x + wd, bl_, C.SHARE, G, 8.4, BLUE, align="right")
                P.rect(x + wd - sw(C.SHARE, G, 8.4) - 13, bl_ - 7.5, 9, 8, stroke=BLUE, fill=None, width=0.6)
            flow.add(Block(h=26, draw=meta, frags=[(s1, C.PAGE_NO), (s2, C.SHARE)]))
        elif kind == "toc":
            _, title, links = it
            iw = wd - 24
            bl = line_blocks(T, [title], iw, Style(size=9.4, leading=18, bold=True, color=DGREEN, indent=8),
                             heading=True, extra={"toc_box": True})
            for t in links:
                lb = line_blocks(T, [t], iw, TOCL, extra={"item": True, "link": True})
                orig = lb[0].draw

                def draw(P, x, y, orig=orig):
                    P.poly([(x + 4, y + 5.5), (x + 10, y + 5.5), (x + 7, y + 10.5)], fill=BLUE)
                    orig(P, x, y)
                lb[0].draw = draw
                bl.extend(underline(lb, TOCL))
            bl = [spacer(5)] + bl + [spacer(6)]
            for b in bl[:-1]:
                b.keep_next = True
            flow.vspace(2)
            flow.add_all(framed(bl, fill=(0.98, 0.98, 0.98)))
            flow.vspace(4)
        elif kind == "h2":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H2, heading=True), h2_deco, wd))
        elif kind == "h3":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H3, heading=True), h3_deco, wd))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), wd,
                                         LI.but(sb=2 if k == 0 else 2, sa=6 if k == len(it[1]) - 1 else 0),
                                         extra={"item": True}))
        elif kind == "table":
            flow.add_table(TableSpec(**{**tspec, **it[1]}))
            flow.vspace(6)
        elif kind == "links":
            for k, t in enumerate(it[1]):
                bl = underline(line_blocks(T, [t], wd, LINK.but(sa=6 if k == len(it[1]) - 1 else 0),
                                           extra={"item": True, "link": True}), LINK)
                tag = _tag_of(t)
                orig = bl[0].draw

                def draw(P, x, y, orig=orig, tag=tag):
                    if tag:
                        label, col = tag
                        P.rect(x + 2, y + 3.5, 27, 10.5, stroke=None, fill=col, radius=1.5)
                        P.text(x + 15.5, y + 11.6, label, G, 6.6, WHITE, True, "center")
                    else:
                        P.poly([(x + 12, y + 5), (x + 12, y + 12), (x + 17, y + 8.5)], fill=BLUE)
                    orig(P, x, y)
                bl[0].draw = draw
                flow.add_all(bl)
        elif kind == "faq":
            for q, a in it[1]:
                qb = line_blocks(T, [q], wd - 8, Q_, extra={"q": True})
                qb[0].sb = 10
                o = qb[0].draw

                def qdraw(P, x, y, o=o):
                    P.text(x + 2, baseline_of(y, Q_), "Q.", G, 10.5, GREEN, True)
                    o(P, x, y)
                qb[0].draw = qdraw
                qb[-1].keep_next = True
                flow.add_all(qb)
                ab = line_blocks(T, split_sentences(a), wd - 8, A_, extra={"a": True})
                ab[0].sb = 2
                o = ab[0].draw

                def adraw(P, x, y, o=o):
                    P.text(x + 2, baseline_of(y, A_), "A.", G, 10.5, (0.78, 0.35, 0.05), True)
                    o(P, x, y)
                ab[0].draw = adraw
                ab[-1].h += 3
                ob = ab[-1].draw

                def rule(P, x, y, ob=ob, h=ab[-1].h):
                    ob(P, x, y)
                    P.line(x, y + h - 1, x + wd, y + h - 1, 0.5, RULE, dash=[2, 2])
                ab[-1].draw = rule
                flow.add_all(ab)
            flow.vspace(4)
        elif kind == "updated":
            flow.add_all(line_blocks(T, [it[1]], wd, Style(size=8.8, leading=18, align="right", sb=6, color=GRAY)))
        elif kind == "contact":
            _, title, lines = it
            flow.vspace(12)
            tb = line_blocks(T, [title], wd, Style(size=10.4, leading=24, bold=True, color=DGREEN, indent=10),
                             heading=True, extra={"box": True})
            decorate(tb, lambda P, x, y, w, h: (P.rect(x, y, w, h, stroke=None, fill=PALE),
                                                P.rect(x, y, 4, h, stroke=None, fill=GREEN)), wd)
            body: list[Block] = []
            for k, ln in enumerate(lines):
                st = Style(size=9.3, leading=16.5, indent=14, hang=14, bold=k == 0)
                body.extend(line_blocks(T, [ln], wd - 14, st, extra={"box": True}))
            body = [spacer(6)] + body + [spacer(8)]
            framed(body, top=False)
            for b in tb + body[:-1]:
                b.keep_next = True
            flow.add_all(tb + body)
        elif kind == "feedback":
            _, title, qs, note, button = it
            flow.vspace(14)
            blocks: list[Block] = []
            blocks += decorate(line_blocks(T, [title], wd, Style(size=10.0, leading=22, bold=True, color=DGREEN),
                                           heading=True, extra={"survey": True}),
                               lambda P, x, y, w, h: P.line(x, y + h - 1, x + w, y + h - 1, 1.2, GREEN), wd)
            for q, opts in qs:
                blocks += line_blocks(T, [q], wd, Style(size=9.3, leading=16, bold=True, sb=6), extra={"survey": True})
                sids = [T.sentence(o, survey=True) for o in opts]
                ost = Style(size=9, leading=18)

                def odraw(P, x, y, opts=opts, ost=ost):
                    xx = x + 10
                    bl_ = baseline_of(y, ost)
                    for o in opts:
                        P.c.setStrokeColorRGB(0.35, 0.35, 0.35)
                        P.c.setLineWidth(0.8)
                        P.c.circle(xx + 4.5, P.H - (bl_ - 3.2), 4.5, stroke=1, fill=0)
                        P.text(xx + 13, bl_, o, G, 9, BLACK)
                        xx += 13 + sw(o, G, 9) + 24
                blocks.append(Block(h=ost.leading, draw=odraw, frags=list(zip(sids, opts, strict=True))))
            blocks += line_blocks(T, [note], wd, Style(size=8.4, leading=14, sb=6, color=GRAY),
                                  extra={"survey": True, "note": True})
            bsid = T.sentence(button, survey=True)

            def bdraw(P, x, y, button=button):
                P.rect(x + wd / 2 - 36, y + 6, 72, 20, stroke=None, fill=GREEN, radius=10)
                P.text(x + wd / 2, y + 20, button, G, 9.4, WHITE, True, "center")
            blocks.append(Block(h=32, draw=bdraw, frags=[(bsid, button)]))
            for b in blocks[:-1]:
                b.keep_next = True
            flow.add_all(blocks)
        else:
            raise KeyError(kind)
    flow.finish()

    n = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = f"{C.URL}　{pg.info['printed']}/{n}"
    t = T.tables[0]
    if len(t["pages"]) < 2:
        raise AssertionError(f"hokuto-web: the 補助メニュー table does not cross a page ({sorted(t['pages'])})")
    if not 4 <= n <= 5:
        raise AssertionError(f"hokuto-web: {n} pages")
    return doc
