"""hinata-jireishu.pdf: 市町村居住支援協議会 取組事例集, A4 portrait, 8 pages (fictional ひなた県).

Layout traps: a cover without a page number (the body is numbered 「事例集-1」… from the はじめに page, so the
printed number is one less than the PDF page); running header (the document's short name, right-aligned over a
rule) from page 2; はじめに with a ruled 掲載事例一覧 (page references as 「事例集-n」) and a 本事例集の見方 box;
one case per page (事例2 runs over two pages): a coloured band at the top with a 「事例N」 tag, the municipality
name and the theme; a NARROW left sidebar (プロフィール box: label tags 協議会名 / 人口 / 設立年月 / 事務局 /
構成団体数 / 年間予算 / 相談件数 with the value lines under each label, the two fiscal years of 相談件数 on two
lines; a photo placeholder with a caption) beside a WIDER right column of narrative (headings 設立のきっかけ /
取組の内容 (①②③) / 成果 / 県の関わり, a boxed 今後の課題, in 事例2 also 運営の工夫 and a small ruled table), so
pdfplumber reads the sidebar and the narrative together line by line; the continuation page of 事例2 repeats the
band with 「（続き）」 and has a 「この事例のポイント」 box in the sidebar, and a sentence of 事例2 crosses the
page break; the last page has a ruled comparison table of the four cases (9 columns, wrapped cells, a 合計 row,
the 人口 of 事例4 summed over two municipalities while its sidebar gives them separately), ※ notes and a
問い合わせ先 box with two phone numbers. No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_hinata_jireishu as C
from .engine import BLACK, Doc, Flow, G, Style, line_blocks, place_text, split_sentences, sw
from .kit import box_block, decorate, render

W, H = A4
X0, X1 = 40.0, W - 40.0
SIDE_W = 150.0
GAP = 16.0
RX = X0 + SIDE_W + GAP
BAND_Y, BAND_H = 46.0, 56.0
BODY_TOP = BAND_Y + BAND_H + 14.0
BOTTOM = H - 50.0
GRAY = (0.35, 0.35, 0.35)
LGRAY = (0.9, 0.9, 0.9)
WHITE = (1, 1, 1)
GREEN = (0.2, 0.5, 0.35)
CASE_COLORS = [(0.13, 0.42, 0.62), (0.28, 0.55, 0.24), (0.1, 0.48, 0.55), (0.6, 0.36, 0.16)]
TINTS = [(0.92, 0.96, 0.99), (0.93, 0.97, 0.91), (0.91, 0.97, 0.97), (0.99, 0.95, 0.9)]
ISSUE = (0.82, 0.38, 0.12)

BODY = Style(size=9.5, leading=16.0, indent=9.5, sa=2)


def _styles(color) -> dict:
    S = {
        "p": BODY,
        "h2": Style(size=11.2, leading=18, bold=True, color=color, sb=10, sa=3, keep_next=True, indent=9),
        "li": Style(size=9.5, leading=16.0, hang=9.5, sb=2),
        "li_gap": 3.0,
        "note": Style(size=8.0, leading=12.5, hang=8.0, color=GRAY),
        "box": Style(size=9.4, leading=15.6, indent=9.4),
        "box_title": Style(size=10, leading=15, bold=True),
        "box_kw": {"fill": (1.0, 0.96, 0.92), "border": ISSUE, "sb": 10},
        "table_kw": {"size": 8.8, "leading": 12.8, "pad": 3.4, "header_fill": (0.9, 0.94, 0.88),
                     "rule": (0.3, 0.3, 0.3),
                     "caption_style": Style(size=9.2, leading=15, bold=True, sb=8, keep_next=True),
                     "note_style": Style(size=7.9, leading=12.2, hang=7.9, sb=2, color=GRAY)},
    }

    def deco(P, x, y, w, h):
        P.rect(x, y + 3, 4, h - 6, stroke=None, fill=color)
        P.line(x, y + h - 1, x + w, y + h - 1, 0.5, (0.7, 0.7, 0.7))

    S["h2_deco"] = deco
    return S


def build() -> Doc:
    doc = Doc("hinata-jireishu.pdf", A4, C.TITLE, "A4 portrait case collection: coloured band, narrow profile sidebar "
              "beside a wide narrative column, comparison table", meta_title=None)

    def decor(P, info, when):
        if when != "over" or info["index"] == 0:
            return
        P.text(X1, 28, info["header"], G, 8.4, GRAY, align="right")
        P.line(X0, 34, X1, 34, 0.6, (0.55, 0.55, 0.55))
        P.text(W / 2, H - 26, info["footer"], G, 9.2, BLACK, align="center")

    def body_page() -> int:
        n = len(doc.pages)  # the cover is not numbered: PDF page 2 is 事例集-1
        return doc.new_page(printed=str(n), header=C.RUN, footer=f"事例集-{n}", decor=decor)

    _cover(doc)
    _intro(doc, body_page)
    for k, case in enumerate(C.CASES):
        _case(doc, body_page, case, CASE_COLORS[k], TINTS[k])
    _compare(doc, body_page)
    assert len(doc.pages) == 8, len(doc.pages)
    return doc


# ------------------------------------------------------------------ cover
def _cover(doc: Doc) -> None:
    pg = doc.new_page()
    navy = CASE_COLORS[0]

    def art(P):
        P.rect(0, 0, W, 250, stroke=None, fill=(0.93, 0.96, 0.99))
        P.rect(0, 250, W, 6, stroke=None, fill=navy)
        # a row of simple houses along the lower part of the cover
        for i, col in enumerate(CASE_COLORS + CASE_COLORS[:2]):
            x = 70 + i * 78
            y = 560.0
            P.rect(x, y, 52, 44, stroke=None, fill=col)
            P.poly([(x - 6, y), (x + 26, y - 28), (x + 58, y)], fill=col)
            P.rect(x + 19, y + 20, 14, 24, stroke=None, fill=WHITE)
        P.line(50, 604, W - 50, 604, 2.0, GRAY)
        P.rect(0, H - 90, W, 90, stroke=None, fill=(0.93, 0.96, 0.99))

    doc.op(pg, art)
    place_text(doc, pg, 60, 300, W - 120, [C.TITLE], Style(size=26, leading=38, bold=True, color=navy,
                                                           align="center"), heading=True)
    place_text(doc, pg, 60, 350, W - 120, [C.SUBTITLE], Style(size=15, leading=24, color=GRAY, align="center"))
    place_text(doc, pg, 60, 660, W - 120, [C.DATE], Style(size=13, leading=22, align="center"))
    for k, line in enumerate(C.ISSUERS):
        place_text(doc, pg, 60, H - 76 + 22 * k, W - 120, [line], Style(size=12, leading=22, bold=True, color=navy,
                                                                         align="center"))


# ------------------------------------------------------------------ はじめに
def _intro(doc: Doc, body_page) -> None:
    T = doc.truth
    color = CASE_COLORS[0]
    S = _styles(color)
    pg = body_page()
    flow = Flow(doc, (X0 + 20, 60, X1 - 20, BOTTOM), lambda: pg, ncols=1)
    h = Style(size=16, leading=28, bold=True, color=color, sa=10)
    _heading(flow, C.INTRO_HEADING, h, color)
    for para in C.INTRO:
        flow.add_all(_lines(T, para, flow.width, Style(size=10.2, leading=19, indent=10.2, sa=6)))
    flow.vspace(10)
    render(flow, [("table", dict(C.LIST_TABLE, size=9.4, leading=14, pad=4.5,
                                 caption_style=Style(size=11, leading=18, bold=True, color=color, sb=8,
                                                     keep_next=True)))], S)
    flow.add(box_block(T, C.HOWTO_TITLE, C.HOWTO, flow.width, Style(size=9.6, leading=16, hang=9.6),
                       Style(size=10, leading=15, bold=True), fill=(0.95, 0.97, 1.0), border=color, sb=22,
                       bullet_hang=9.6))
    flow.finish()


def _heading(flow: Flow, text: str, st: Style, color) -> None:
    bl = line_blocks(flow.doc.truth, [text], flow.width, st, heading=True)

    def deco(P, x, y, w, h):
        P.line(x, y + h - 6, x + w, y + h - 6, 1.6, color)

    decorate(bl, deco, flow.width)
    flow.add_all(bl)


def _lines(T, para, width, st):
    return line_blocks(T, split_sentences(para), width, st)


# ------------------------------------------------------------------ a case
def _band(doc: Doc, pg: int, tag: str, name: str, theme: str | None, color) -> None:
    doc.op(pg, lambda P: P.rect(X0, BAND_Y, X1 - X0, BAND_H, stroke=None, fill=color))
    doc.op(pg, lambda P: P.rect(X0 + 10, BAND_Y + 15, 54, 26, stroke=None, fill=WHITE, radius=4))
    place_text(doc, pg, X0 + 10, BAND_Y + 19, 54, [tag], Style(size=12, leading=18, bold=True, color=color,
                                                                align="center"), heading=True)
    if theme:
        place_text(doc, pg, X0 + 78, BAND_Y + 5, X1 - X0 - 90, [name], Style(size=17, leading=26, bold=True,
                                                                            color=WHITE), heading=True)
        place_text(doc, pg, X0 + 78, BAND_Y + 32, X1 - X0 - 90, [theme], Style(size=10.5, leading=17,
                                                                              color=WHITE), heading=True)
    else:
        place_text(doc, pg, X0 + 78, BAND_Y + 14, X1 - X0 - 90, [name], Style(size=15, leading=26, bold=True,
                                                                             color=WHITE), heading=True)


def _sidebar(doc: Doc, pg: int, title: str, color, tint, fill_fn) -> float:
    """A framed sidebar box in the left column; fill_fn(y) places the content and returns the new y."""
    x, y0 = X0, BODY_TOP
    hold = {"h": 0.0}
    doc.op(pg, lambda P: P.rect(x, y0, SIDE_W, hold["h"], stroke=color, fill=tint, width=1.0, radius=3))
    doc.op(pg, lambda P: P.rect(x, y0, SIDE_W, 22, stroke=None, fill=color, radius=3))
    place_text(doc, pg, x + 8, y0 + 3, SIDE_W - 16, [title], Style(size=10, leading=16, bold=True, color=WHITE),
               heading=True, extra={"box": True})
    y = fill_fn(y0 + 30)
    hold["h"] = y - y0 + 6
    return hold["h"]


def _case(doc: Doc, body_page, case: dict, color, tint) -> None:
    S = _styles(color)
    inner = SIDE_W - 16

    def profile(y: float) -> float:
        for label, values in case["profile"]:
            lw = sw(label, G, 8.4) + 10
            doc.op(pg, lambda P, y=y, lw=lw: P.rect(X0 + 8, y, lw, 14, stroke=None, fill=color, radius=2))
            place_text(doc, pg, X0 + 8, y + 0.5, lw, [label], Style(size=8.4, leading=13, bold=True, color=WHITE,
                                                                     align="center"), extra={"box": True})
            y += 17
            for v in values:
                y += place_text(doc, pg, X0 + 12, y, inner - 4, [v], Style(size=9.2, leading=14.2, hang=9.2),
                                extra={"box": True})
            y += 5
        return y

    def first_page() -> int:
        p = body_page()
        _band(doc, p, case["tag"], case["name"], case["theme"], color)
        return p

    pg = first_page()
    side_h = _sidebar(doc, pg, "協議会のプロフィール", color, tint, profile)
    # photo placeholder under the profile box
    py = [0.0]

    def photo_at(P, y):
        P.rect(X0, y, SIDE_W, 96, stroke=(0.6, 0.6, 0.6), fill=LGRAY, width=0.6)
        cx, cy = X0 + SIDE_W / 2, y + 48
        P.rect(cx - 22, cy - 12, 44, 30, stroke=(0.55, 0.55, 0.55), fill=WHITE, width=0.8)
        P.poly([(cx - 28, cy - 12), (cx, cy - 32), (cx + 28, cy - 12)], fill=(0.7, 0.7, 0.7))

    py[0] = BODY_TOP + side_h + 12
    doc.op(pg, lambda P: photo_at(P, py[0]))
    place_text(doc, pg, X0, py[0] + 99, SIDE_W, [case["photo"]], Style(size=8.2, leading=12.6, color=GRAY),
               extra={"caption": True})

    state = {"first": True}

    def new_page() -> int:
        nonlocal pg
        if state["first"]:
            state["first"] = False
            return pg
        p = body_page()
        _band(doc, p, case["tag"], case["name"] + "（続き）", None, color)
        pts = case.get("points")
        if pts:
            def points(y: float, p=p) -> float:
                for t in pts:
                    y += place_text(doc, p, X0 + 8, y, inner, [t], Style(size=9.2, leading=15, hang=9.2),
                                    extra={"box": True, "item": True})
                    y += 4
                return y
            _sidebar(doc, p, case["points_title"], color, tint, points)
        return p

    flow = Flow(doc, (RX, BODY_TOP, X1, BOTTOM), new_page, ncols=1)
    render(flow, case["items"], S)
    flow.finish()


# ------------------------------------------------------------------ last page
def _compare(doc: Doc, body_page) -> None:
    T = doc.truth
    color = (0.25, 0.3, 0.4)
    S = _styles(color)
    pg = body_page()
    doc.op(pg, lambda P: P.rect(X0, BAND_Y, X1 - X0, 34, stroke=None, fill=color))
    place_text(doc, pg, X0 + 14, BAND_Y + 5, X1 - X0 - 28, [C.COMPARE_HEADING],
               Style(size=15, leading=24, bold=True, color=WHITE), heading=True)
    flow = Flow(doc, (X0, BAND_Y + 46, X1, BOTTOM), lambda: pg, ncols=1)
    spec = dict(C.COMPARE_TABLE, size=8.6, leading=12.4, pad=3.6, header_fill=(0.88, 0.9, 0.94),
                caption_style=Style(size=10, leading=16, bold=True, sb=2, keep_next=True),
                note_style=Style(size=8.2, leading=13, hang=8.2, sb=3, color=GRAY))
    render(flow, [("table", spec), ("h2", C.SUMMARY_HEADING), ("list", C.SUMMARY)], S)
    flow.add(box_block(T, C.CONTACT_TITLE, C.CONTACT, flow.width * 0.62, Style(size=9.6, leading=16.5),
                       Style(size=10.5, leading=15, bold=True), fill=(0.97, 0.97, 0.97), border=color, sb=24))
    flow.finish()
