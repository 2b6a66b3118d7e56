"""sazanami-web.pdf: a prefecture WEB PAGE 「住宅確保要配慮者の居住支援について」 saved as PDF from a browser
(A4 portrait, fictional さざなみ県).

Layout traps: the browser's print header on every page (print date and time at the top left, the page title
centred on the same line) and footer (the page URL at the bottom left, 「n/N」 at the bottom right of the same
line); the site's header band (logo text, 文字サイズ / Foreign Language links, a search box drawn as a rectangle
with a placeholder and a button), a global navigation bar and a breadcrumb on page 1 only; a LEFT navigation
column (「住まい」 menu, the current page highlighted) only on page 1 beside the main column (pdfplumber reads the
menu and the main text together on one line), while the main column keeps its x position on the following pages
(blank left margin); h1 over a thick rule, 「ページ番号」 and 「更新日」 right-aligned on one line; a framed お知らせ;
h2 in a shaded bar with a coloured left edge, h3 with an underline; ・ lists; blue underlined link texts with a
file-type tag in front (「実施要領（PDF：210KB）」); two ruled tables with wrapped cells, BOTH continuing onto the
next page WITHOUT a repeated header row (browsers do not repeat it): subsidy menus (補助メニュー｜主な対象経費｜補助率｜
上限額, 4 rows, ※ notes) and the list of 居住支援法人 (法人名｜指定番号｜主な活動地域｜電話, 12 rows, no 第4号); an accordion FAQ (Q bars with ＋ / － marks; two
questions are collapsed, so their answers are not printed at all); a お問い合わせ box; a アンケート block with
radio circles at the very end. Text breaks across pages wherever the page ends (mid-paragraph). /Title is the
page title, as browsers set it.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_sazanami_web as C
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
    table_parts,
)
from .kit import decorate

W, H = A4
X0, X1 = 30.0, W - 30.0
NAV_W = 128.0
MAIN_X = X0 + NAV_W + 16.0
MAIN_W = X1 - MAIN_X
TOP, BOTTOM = 40.0, H - 38.0
BODY_TOP1 = 158.0

NAVY = (0.05, 0.22, 0.45)
BLUE = (0.0, 0.27, 0.7)
LBLUE = (0.9, 0.94, 0.99)
GRAY = (0.4, 0.4, 0.4)
LGRAY = (0.93, 0.93, 0.93)
RULE = (0.65, 0.7, 0.78)

P_ = Style(size=9.4, leading=16.2, sa=6)
LI = Style(size=9.4, leading=16.2, hang=9.4, sb=1)
H1 = Style(size=16.5, leading=26, bold=True, color=NAVY, sa=2)
H2 = Style(size=12.0, leading=25, bold=True, color=NAVY, sb=16, sa=8, indent=12, hang=12, keep_next=True)
H3 = Style(size=10.6, leading=19, bold=True, color=NAVY, sb=8, sa=6, keep_next=True)
LINK = Style(size=9.2, leading=17, color=BLUE, indent=34, hang=34, sb=1)
Q_ = Style(size=9.4, leading=16, bold=True, indent=24, hang=24)
A_ = Style(size=9.2, leading=15.6, indent=24, hang=24)
SITE = Style(size=8.6, leading=13)


def _tag_of(text: str) -> tuple[str, tuple] | None:
    for key, col in (("PDF", (0.78, 0.1, 0.1)), ("Word", (0.16, 0.34, 0.7)), ("Excel", (0.12, 0.5, 0.25))):
        if f"（{key}：" in text:
            return key, col
    if "外部リンク" in text:
        return "外部", (0.45, 0.45, 0.45)
    return None


def build() -> Doc:
    doc = Doc("sazanami-web.pdf", A4, C.TITLE,
              "web page saved from a browser: print header/footer, site header band, left navigation on page 1 only, "
              "shaded h2 bars, link lists, a table continuing without a repeated header, accordion FAQ, survey",
              meta_title=C.BROWSER_TITLE)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        # browser print header and footer (small, in the page margins)
        P.text(22, 20, C.PRINTED_AT, G, 7.6, BLACK)
        P.text(W / 2, 20, C.BROWSER_TITLE, G, 7.6, BLACK, align="center")
        P.text(22, H - 13, C.URL, G, 7.6, BLACK)
        P.text(W - 22, H - 13, info["footer"].split("　")[-1], G, 7.6, BLACK, align="right")

    def new_page() -> int:
        n = len(doc.pages) + 1
        return doc.new_page(printed=str(n), header=f"{C.PRINTED_AT}　{C.BROWSER_TITLE}",
                            footer=f"{C.URL}　{n}/?", decor=decor)

    # ------------------------------------------------------------ page 1: site chrome
    p1 = new_page()

    def band(P):
        P.line(X0, 104, X1, 104, 0.8, NAVY)
        # logo mark: three waves
        for k in range(3):
            P.rect(X0 + 2, 52 + k * 7, 26, 3.2, stroke=None, fill=(0.1 + 0.2 * k, 0.45 + 0.1 * k, 0.8), radius=1.5)
        # search box and button
        P.rect(X1 - 196, 66, 150, 22, stroke=(0.55, 0.55, 0.55), fill=(1, 1, 1), width=0.8)
        P.rect(X1 - 44, 66, 44, 22, stroke=None, fill=NAVY, radius=2)
        # global navigation bar
        P.rect(X0, 108, X1 - X0, 24, stroke=None, fill=NAVY)
        step = (X1 - X0) / len(C.GNAV)
        for k in range(1, len(C.GNAV)):
            P.line(X0 + k * step, 112, X0 + k * step, 128, 0.5, (0.5, 0.6, 0.8))
    doc.op(p1, band)
    place_text(doc, p1, X0 + 34, 46, 150, [C.LOGO], Style(size=21, leading=30, bold=True, color=NAVY),
               extra={"site": True})
    place_text(doc, p1, X0 + 35, 76, 150, [C.LOGO_EN], Style(size=7.8, leading=12, color=GRAY), extra={"site": True})
    # utility links on one line at the top right
    ux = X1
    util_st = Style(size=7.8, leading=12, color=BLACK)
    xs = []
    for t in reversed(C.UTIL):
        ux -= sw(t, G, 7.8)
        xs.append((ux, t))
        ux -= 10
    for x, t in reversed(xs):
        place_text(doc, p1, x, 44, sw(t, G, 7.8) + 4, [t], util_st, extra={"site": True})
    place_text(doc, p1, X1 - 190, 71, 140, [C.SEARCH_PLACEHOLDER], Style(size=8.4, leading=12, color=(0.55, 0.55, 0.55)),
               extra={"site": True})
    place_text(doc, p1, X1 - 44, 71, 44, [C.SEARCH_BUTTON], Style(size=8.6, leading=12, color=(1, 1, 1), align="center",
                                                                  bold=True), extra={"site": True})
    step = (X1 - X0) / len(C.GNAV)
    for k, t in enumerate(C.GNAV):
        place_text(doc, p1, X0 + k * step, 113, step, [t], Style(size=9, leading=14, color=(1, 1, 1), bold=True,
                                                                 align="center"), extra={"site": True})
    # breadcrumb: one line, links in blue, the current page black
    bsid = T.sentence("＞".join(C.BREADCRUMB), site=True, breadcrumb=True)
    bc_text = " ＞ ".join(C.BREADCRUMB)

    def bc_draw(P, x, y):
        bl = baseline_of(y, SITE)
        xx = x
        for k, part in enumerate(C.BREADCRUMB):
            last = k == len(C.BREADCRUMB) - 1
            P.text(xx, bl, part, G, 8.2, BLACK if last else BLUE)
            if not last:
                P.line(xx, bl + 1.5, xx + sw(part, G, 8.2), bl + 1.5, 0.4, BLUE)
            xx += sw(part, G, 8.2)
            if not last:
                P.text(xx + 3, bl, "＞", G, 8.2, GRAY)
                xx += sw("＞", G, 8.2) + 6
    doc.place(p1, Block(h=SITE.leading, draw=bc_draw, frags=[(bsid, p) for p in C.BREADCRUMB]), X0, 138)
    assert sw(bc_text, G, 8.2) < X1 - X0

    # left navigation column (page 1 only)
    ny = BODY_TOP1
    nt = Style(size=10, leading=24, bold=True, color=(1, 1, 1), indent=8)
    doc.op(p1, lambda P, y=ny: P.rect(X0, y, NAV_W, 24, stroke=None, fill=NAVY))
    ny += place_text(doc, p1, X0, ny, NAV_W, [C.NAV_TITLE], nt, heading=True, extra={"site": True, "nav": True})
    for k, t in enumerate(C.NAV):
        cur = k == C.NAV_CURRENT
        st = Style(size=8.6, leading=13.2, color=BLACK if cur else BLUE, bold=cur, indent=0, hang=0)
        bl = line_blocks(T, [t], NAV_W - 22, st, extra={"site": True, "nav": True})
        hh = sum(b.h for b in bl) + 10
        doc.op(p1, lambda P, y=ny, hh=hh, cur=cur: (
            P.rect(X0, y, NAV_W, hh, stroke=None, fill=LBLUE if cur else (0.97, 0.97, 0.97)),
            P.line(X0, y + hh, X0 + NAV_W, y + hh, 0.5, RULE),
            P.poly([(X0 + 7, y + hh / 2 - 3), (X0 + 7, y + hh / 2 + 3), (X0 + 11.5, y + hh / 2)], fill=NAVY)))
        if cur:
            doc.op(p1, lambda P, y=ny, hh=hh: P.rect(X0, y, 3, hh, stroke=None, fill=NAVY))
        yy = ny + 5
        for b in bl:
            doc.place(p1, b, X0 + 16, yy)
            yy += b.h
        ny += hh
    doc.op(p1, lambda P, y=ny: P.line(X0, BODY_TOP1, X0, y, 0.5, RULE))
    doc.op(p1, lambda P, y=ny: P.line(X0 + NAV_W, BODY_TOP1, X0 + NAV_W, y, 0.5, RULE))

    # ------------------------------------------------------------ main column
    flow = Flow(doc, (MAIN_X, TOP, X1, BOTTOM), new_page, ncols=1)
    flow.page = p1
    flow.band_top = BODY_TOP1
    wd = MAIN_W

    def h1_deco(P, x, y, w, h):
        P.rect(x, y + h - 1, w, 2.4, stroke=None, fill=NAVY)

    def h2_deco(P, x, y, w, h):
        h -= H2.sa
        P.rect(x, y, w, h, stroke=None, fill=LBLUE)
        P.rect(x, y, 5, h, stroke=None, fill=NAVY)

    def h3_deco(P, x, y, w, h):
        P.line(x, y + h - H3.sa + 1, x + w, y + h - H3.sa + 1, 0.9, NAVY)

    def bordered(blocks, first_top=False, last_bottom=False, fill=None, color=RULE):
        """Draw side borders (and optionally top/bottom) around each line block of a framed area."""
        for k, b in enumerate(blocks):
            orig = b.draw
            top = first_top and k == 0
            bot = last_bottom and k == len(blocks) - 1

            def draw(P, x, y, orig=orig, h=b.h, top=top, bot=bot):
                if fill:
                    P.rect(x, y, wd, h, stroke=None, fill=fill)
                P.line(x, y, x, y + h, 0.7, color)
                P.line(x + wd, y, x + wd, y + h, 0.7, color)
                if top:
                    P.line(x, y, x + wd, y, 0.7, color)
                if bot:
                    P.line(x, y + h, x + wd, y + h, 0.7, color)
                orig(P, x, y)
            b.draw = draw
        return blocks

    def spacer(h):
        return Block(h=h, draw=lambda P, x, y: None)

    def underline(blocks, st):
        for b in blocks:
            orig = b.draw
            text = "".join(t for _, t in b.frags)
            ind = st.indent if b is blocks[0] else st.hang

            def draw(P, x, y, orig=orig, text=text, ind=ind):
                orig(P, x, y)
                bl = baseline_of(y, st)
                P.line(x + ind, bl + 1.8, x + ind + sw(text, G, st.size), bl + 1.8, 0.5, BLUE)
            b.draw = draw
        return blocks

    tspec = {"size": 8.6, "leading": 12.6, "pad": 4.0, "header_fill": (0.85, 0.9, 0.96),
             "caption_style": Style(size=9.6, leading=16, bold=True, sb=8, sa=3, keep_next=True),
             "note_style": Style(size=8.4, leading=13.5, hang=8.4, sb=1)}

    for it in C.BODY:
        kind = it[0]
        if kind == "h1":
            bl = line_blocks(T, [it[1]], wd, H1, heading=True)
            flow.add_all(decorate(bl, h1_deco, wd))
            s1 = T.sentence(C.PAGE_NO)
            s2 = T.sentence(C.UPDATED)
            st = Style(size=8.4, leading=20)

            def meta(P, x, y, st=st):
                bl_ = baseline_of(y + 4, st)
                P.text(x + wd, bl_, C.UPDATED, G, 8.4, GRAY, align="right")
                P.text(x + wd - sw(C.UPDATED, G, 8.4) - 16, bl_, C.PAGE_NO, G, 8.4, GRAY, align="right")
            flow.add(Block(h=24, draw=meta, frags=[(s1, C.PAGE_NO), (s2, C.UPDATED)]))
        elif kind == "notice":
            st = Style(size=9.2, leading=15.5, color=(0.7, 0.1, 0.1), indent=8, hang=8)
            bl = line_blocks(T, split_sentences(it[1]), wd - 8, st, extra={"box": True})
            flow.vspace(4)
            bl = [spacer(5)] + bl + [spacer(5)]
            bl[0].keep_next = True
            flow.add_all(bordered(bl, True, True, fill=(1.0, 0.96, 0.95), color=(0.8, 0.3, 0.3)))
            flow.vspace(10)
        elif kind == "h2":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H2, heading=True), h2_deco, wd))
        elif kind == "h3":
            flow.add_all(decorate(line_blocks(T, [it[1]], wd, H3, heading=True), h3_deco, wd))
        elif kind == "p":
            flow.add_all(line_blocks(T, split_sentences(it[1]), wd, P_))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                flow.add_all(line_blocks(T, split_sentences(t), wd, LI.but(sb=2 if k == 0 else 1,
                                                                             sa=5 if k == len(it[1]) - 1 else 0),
                                         extra={"item": True}))
        elif kind == "links":
            for k, t in enumerate(it[1]):
                bl = underline(line_blocks(T, [t], wd, LINK.but(sa=5 if k == len(it[1]) - 1 else 0),
                                           extra={"item": True, "link": True}), LINK)
                tag = _tag_of(t)
                orig = bl[0].draw

                def draw(P, x, y, orig=orig, tag=tag):
                    if tag:
                        label, col = tag
                        P.rect(x + 2, y + 3.5, 26, 10.5, stroke=None, fill=col, radius=1.5)
                        P.text(x + 15, y + 11.6, label, G, 6.6, (1, 1, 1), True, "center")
                    else:
                        P.poly([(x + 12, y + 5), (x + 12, y + 12), (x + 17, y + 8.5)], fill=BLUE)
                    orig(P, x, y)
                bl[0].draw = draw
                flow.add_all(bl)
        elif kind == "table":
            ts = TableSpec(**{**tspec, **it[1]})
            caps, header, rows, notes = table_parts(doc, ts, wd)
            flow.add_all(caps)
            flow.add(header())  # keep_next: stays with the first row; NOT repeated on the next page
            flow.add_all(rows)
            flow.vspace(2)
            flow.add_all(notes)
            flow.vspace(6)
        elif kind == "faq":
            for q, a in it[1]:
                opened = a is not None
                qb = line_blocks(T, [q], wd - 40, Q_, extra={"q": True})
                n = len(qb)
                for k, b in enumerate(qb):
                    tp, bp = (4 if k == 0 else 0), (4 if k == n - 1 else 0)
                    b.h += tp + bp
                    orig = b.draw

                    def draw(P, x, y, orig=orig, h=b.h, k=k, n=n, tp=tp, opened=opened):
                        P.rect(x, y, wd, h, stroke=None, fill=(0.92, 0.95, 0.98))
                        P.line(x, y, x, y + h, 0.7, RULE)
                        P.line(x + wd, y, x + wd, y + h, 0.7, RULE)
                        if k == 0:
                            P.line(x, y, x + wd, y, 0.7, RULE)
                            P.rect(x + 5, y + 4.5, 14, 13, stroke=None, fill=NAVY, radius=2)
                            P.text(x + 12, y + 14.6, "Q", G, 8.6, (1, 1, 1), True, "center")
                            P.text(x + wd - 12, y + 15, "－" if opened else "＋", G, 11, NAVY, True, "center")
                        if k == n - 1:
                            P.line(x, y + h, x + wd, y + h, 0.7, RULE)
                        orig(P, x, y + tp)
                    b.draw = draw
                qb[0].sb = 8
                if not opened:
                    flow.add_all(qb)
                    continue
                qb[-1].keep_next = True
                flow.add_all(qb)
                ab = line_blocks(T, split_sentences(a), wd - 30, A_, extra={"a": True})
                ab = bordered([spacer(4)] + ab + [spacer(4)], False, True)
                a_orig = ab[1].draw

                def adraw(P, x, y, orig=a_orig):
                    orig(P, x, y)
                    P.text(x + 12, baseline_of(y, A_), "A", G, 9.4, (0.75, 0.2, 0.1), True, "center")
                ab[1].draw = adraw
                ab[0].keep_next = True
                flow.add_all(ab)
            flow.vspace(6)
        elif kind == "contact":
            _, title, lines = it
            flow.vspace(10)
            tb = line_blocks(T, [title], wd, Style(size=10.2, leading=24, bold=True, color=(1, 1, 1), indent=10),
                             heading=True, extra={"box": True})
            decorate(tb, lambda P, x, y, w, h: P.rect(x, y, w, h, stroke=None, fill=NAVY), wd)
            body: list[Block] = []
            for k, ln in enumerate(lines):
                st = Style(size=9.2, leading=16.5, indent=12, hang=12, bold=k == 0,
                           color=BLUE if ln.endswith("こちら") else BLACK)
                bl = line_blocks(T, [ln], wd - 12, st, extra={"box": True})
                if ln.endswith("こちら"):
                    underline(bl, st)
                body.extend(bl)
            body = [spacer(6)] + body + [spacer(8)]
            bordered(body, False, True, fill=(0.98, 0.98, 0.98))
            for b in tb + body:
                b.keep_next = True
            body[-1].keep_next = False
            flow.add_all(tb + body)
        elif kind == "survey":
            _, title, intro, qs, button = it
            flow.vspace(14)
            blocks: list[Block] = []
            blocks += decorate(line_blocks(T, [title], wd, Style(size=10.2, leading=22, bold=True, color=NAVY, indent=8),
                                           heading=True, extra={"survey": True}),
                               lambda P, x, y, w, h: (P.rect(x, y, w, h, stroke=None, fill=LGRAY),
                                                      P.rect(x, y, 4, h, stroke=None, fill=NAVY)), wd)
            blocks += line_blocks(T, [intro], wd, Style(size=9, leading=15, sb=6, sa=4), extra={"survey": True})
            for q, opts in qs:
                blocks += line_blocks(T, [q], wd, Style(size=9.2, leading=16, bold=True, sb=4),
                                      extra={"survey": True})
                sids = [T.sentence(o, survey=True) for o in opts]
                ost = Style(size=9, leading=18)

                def odraw(P, x, y, opts=opts, ost=ost):
                    xx = x + 12
                    bl_ = baseline_of(y, ost)
                    for o in opts:
                        P.c.setStrokeColorRGB(0.35, 0.35, 0.35)
                        P.c.setLineWidth(0.8)
                        P.c.circle(xx + 4.5, P.H - (bl_ - 3.2), 4.5, stroke=1, fill=0)
                        P.text(xx + 13, bl_, o, G, 9, BLACK)
                        xx += 13 + sw(o, G, 9) + 26
                blocks.append(Block(h=ost.leading, draw=odraw, frags=list(zip(sids, opts, strict=True))))
            bsid = T.sentence(button, survey=True)

            def bdraw(P, x, y, button=button):
                P.rect(x + wd / 2 - 40, y + 6, 80, 20, stroke=None, fill=NAVY, radius=3)
                P.text(x + wd / 2, y + 20, button, G, 9.4, (1, 1, 1), True, "center")
            blocks.append(Block(h=34, draw=bdraw, frags=[(bsid, button)]))
            for b in blocks[:-1]:
                b.keep_next = True
            flow.add_all(blocks)
        else:
            raise KeyError(kind)
    flow.finish()

    n = len(doc.pages)
    for pg in doc.pages:
        pg.info["footer"] = f"{C.URL}　{pg.info['printed']}/{n}"
    # the 居住支援法人 table must continue onto the next page, without its header row there
    t = T.tables[1]
    if len(t["pages"]) < 2:
        raise AssertionError(f"sazanami-web: the 居住支援法人 table does not cross a page ({sorted(t['pages'])})")
    if not any(len(s["pages"]) > 1 for s in T.sentences if not s.get("heading")):
        raise AssertionError("sazanami-web: no paragraph breaks across pages")
    if not 4 <= n <= 5:
        raise AssertionError(f"sazanami-web: {n} pages")
    return doc
