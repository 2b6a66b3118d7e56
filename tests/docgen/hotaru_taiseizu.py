"""hotaru-taiseizu.pdf: 「ほたる県 居住支援の推進体制図（令和8年度）」 of the ほたる県 県土整備部 住まい政策課 and
健康福祉部 地域共生課 (令和8年5月) (fictional ほたる県), held-out set BLIND39.

A4 portrait, 5 pages, no /Title.  The document is built around ORGANISATION CHARTS: boxes with the text inside them
(a bold name line, smaller wrapped detail lines, staff counts in brackets) joined by ELBOW CONNECTORS (a trunk down
from the parent, a bar across the children, drops to each child), DASHED connectors for liaison and for bodies
outside the line of command, and a LABEL ON A CONNECTOR (「連携（毎月の担当者会議）」 under a U-shaped dashed line,
「選任」 on a horizontal one).  Page 1: a title band, the issuer right-aligned, a lead, 図1 県庁内の推進体制 (知事 → two
部 → three 課 → four 係 with staff counts, a 推進本部 box beside the 知事, three 保健福祉事務所 reached by a dashed
route), a ※ note under the figure and items （1）–（4）.  Page 2: 図2 the prefectural council (総会 → 幹事会 → three
部会 → a working group and a 分科会, an 役員 box joined by a labelled line, a dashed 事務局 box), text, and TWO TABLES
SIDE BY SIDE (表1 構成員の内訳 with a 計 row, 表2 会議の開催実績と予定) so pdfplumber reads their rows together.
Page 3: 図3 a RELATIONSHIP DIAGRAM (相関図: seven boxes, straight arrows with labels beside them, solid arrows for
money and dashed arrows for designation / reports / liaison, a legend box that alone says which is which), three
items and 表3 (support menus).  Page 4: 図4 three small model charts side by side (A型 / B型 / C型, each with a caption
line 「例：…」 under it; pdfplumber reads across the three panels) and 表4 (a comparison).  Page 5: 表5 (the state of
the 12 municipalities, 圏域 printed only on the first row of its group), 表6 (contacts) and a コラム box
(改定の経過).  Running header (left, grey) from page 2; footer 「― n ―」 centred on every page (printed label n).

Truth: the text inside a chart box is registered as sentences flagged `node` (one sentence per printed line group),
connector labels flag `edge`, legend lines flag `legend`, figure captions `caption`, example lines `caption` too;
items flag `item`, notes `note`, the コラム flags `box`.  Tables carry caption, unit, header and rows.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    place_text,
    split_sentences,
    sw,
    table_parts,
    wrap,
)

W, H = A4
X0, X1 = 50.0, W - 50.0
TW = X1 - X0
NAVY = (0.10, 0.16, 0.32)
FIRE = (0.78, 0.88, 0.22)
LEAF = (0.16, 0.48, 0.36)
LEAF_L = (0.90, 0.96, 0.92)
SKY_L = (0.91, 0.94, 0.99)
GRAY = (0.40, 0.40, 0.40)
LGRAY = (0.75, 0.75, 0.75)
WHITE = (1, 1, 1)
CREAM = (1.0, 0.98, 0.90)

TITLE = "ほたる県 居住支援の推進体制図（令和8年度）"
RUN = "ほたる県 居住支援の推進体制図（令和8年度）"

BODY = Style(font=M, size=10.0, leading=16.5)
ITEM = Style(font=M, size=10.0, leading=16.5, hang=30.0)
NOTE = Style(font=G, size=8.4, leading=12.5, hang=12.0, color=(0.25, 0.25, 0.25))
H1 = Style(font=G, size=12.5, leading=20.0, bold=True, color=NAVY)
CAP = Style(font=G, size=9.4, leading=14.0, bold=True)

TKW = dict(size=8.6, leading=12.0, pad=3.2, header_fill=(0.86, 0.93, 0.89))


# --------------------------------------------------------------------------- helpers

def _lab(doc: Doc, pg: int, x: float, y: float, text: str, size: float = 10.0, color=BLACK, bold: bool = False,
         align: str = "left", font: str = G, maxw: float | None = None, **flags) -> float:
    """One line of text with its baseline at y; returns its width."""
    w = sw(text, font, size)
    if maxw is not None and w > maxw + 0.5:
        raise AssertionError(f"hotaru-taiseizu p{pg}: label too wide ({w:.0f} > {maxw:.0f}): {text}")
    sid = doc.truth.sentence(text, **flags)

    def draw(P, _x, _y):
        P.text(x, y, text, font, size, color, bold, align)

    doc.place(pg, Block(h=0, draw=draw, frags=[(sid, text)]), x, y)
    return w


def _shape(doc: Doc, pg: int, fn) -> None:
    doc.op(pg, fn)


def _heading(doc: Doc, pg: int, y: float, text: str) -> float:
    def deco(P):
        P.rect(X0, y + 2, 6, 17, stroke=None, fill=FIRE)
        P.rect(X0 + 6, y + 2, 3, 17, stroke=None, fill=NAVY)
        P.line(X0, y + 21, X1, y + 21, 0.8, NAVY)

    _shape(doc, pg, deco)
    return place_text(doc, pg, X0 + 16, y, TW - 16, [text], H1, heading=True) + 6


def _para(doc: Doc, pg: int, y: float, text: str, st: Style = BODY, x: float = X0, w: float = TW, **flags) -> float:
    return place_text(doc, pg, x, y, w, split_sentences(text), st, extra=flags or None)


def _items(doc: Doc, pg: int, y: float, items: list[str], gap: float = 3.0) -> float:
    yy = y
    for t in items:
        yy += place_text(doc, pg, X0, yy, TW, split_sentences(t), ITEM, extra={"item": True}) + gap
    return yy - y


def _table(doc: Doc, pg: int, x: float, y: float, w: float, ts: TableSpec) -> float:
    """Place a whole table (caption, header, rows, notes) at (x, y); return its height."""
    caps, header, rows, notes = table_parts(doc, ts, w)
    yy = y
    for b in caps + [header()] + rows + notes:
        yy += b.sb if b is not caps[0] else 0.0
        doc.place(pg, b, x, yy)
        yy += b.h
    return yy - y


def _lines_of(text: str, width: float, st: Style) -> list[str]:
    return ["".join(u[0] for u in ln) for ln in wrap([(ch, -1) for ch in text], width, st, hang_punct=False)]


NT = Style(font=G, size=9.4, leading=12.6, bold=True)   # box name
ND = Style(font=G, size=7.6, leading=10.4)              # box detail


class Box:
    def __init__(self, x: float, y: float, w: float, h: float):
        self.x, self.y, self.w, self.h = x, y, w, h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def _node(doc: Doc, pg: int, cx: float, y: float, w: float, name: str, details: list[str] = (),
          fill=WHITE, border=NAVY, name_color=NAVY, dashed: bool = False, h: float | None = None,
          pad: float = 4.5, width: float = 1.0, radius: float = 3.0, detail_color=BLACK) -> Box:
    """A chart box: the name (bold) and detail lines, each centred and wrapped inside the box."""
    inner = w - 2 * pad
    name_lines = _lines_of(name, inner, NT)
    det = [(d, _lines_of(d, inner, ND)) for d in details]
    need = 2 * pad + len(name_lines) * NT.leading + sum(len(ls) for _d, ls in det) * ND.leading
    hh = h if h is not None else need
    if need > hh + 0.5:
        raise AssertionError(f"hotaru-taiseizu p{pg}: box text overflows ({need:.0f} > {hh:.0f}): {name}")
    x = cx - w / 2

    def frame(P):
        P.rect(x, y, w, hh, stroke=border, fill=fill, width=width, radius=radius, dash=([3, 2], 0) if dashed else None)

    _shape(doc, pg, frame)
    yy = y + (hh - need) / 2 + pad
    sid = doc.truth.sentence(name, node=True)
    for ln in name_lines:
        bl = baseline_of(yy, NT)

        def draw(P, _x, _y, ln=ln, bl=bl):
            P.text(cx, bl, ln, G, NT.size, name_color, True, "center")

        doc.place(pg, Block(h=0, draw=draw, frags=[(sid, ln)]), cx, yy)
        yy += NT.leading
    for d, ls in det:
        sid = doc.truth.sentence(d, node=True)
        for ln in ls:
            bl = baseline_of(yy, ND)

            def draw(P, _x, _y, ln=ln, bl=bl):
                P.text(cx, bl, ln, G, ND.size, detail_color, False, "center")

            doc.place(pg, Block(h=0, draw=draw, frags=[(sid, ln)]), cx, yy)
            yy += ND.leading
    return Box(x, y, w, hh)


def _tree(doc: Doc, pg: int, parent: Box, children: list[Box], color=NAVY, dashed: bool = False) -> None:
    """Elbow connectors: a trunk down from the parent, a bar across, a drop to every child."""
    top = min(c.y for c in children)
    mid = parent.bottom + (top - parent.bottom) / 2
    xs = [c.cx for c in children] + [parent.cx]
    dash = ([3, 2], 0) if dashed else None

    def draw(P):
        P.line(parent.cx, parent.bottom, parent.cx, mid, 1.0, color, dash)
        P.line(min(xs), mid, max(xs), mid, 1.0, color, dash)
        for c in children:
            P.line(c.cx, mid, c.cx, c.y, 1.0, color, dash)

    _shape(doc, pg, draw)


def _arrow(P, x1, y1, x2, y2, color=NAVY, width=1.2, dashed=False, head=6.0, both=False) -> None:
    import math

    ang = math.atan2(y2 - y1, x2 - x1)
    ux, uy = math.cos(ang), math.sin(ang)
    bx, by = x2 - head * ux, y2 - head * uy
    sx, sy = (x1 + head * ux, y1 + head * uy) if both else (x1, y1)
    P.line(sx, sy, bx, by, width, color, ([4, 3], 0) if dashed else None)
    px, py = -uy, ux
    P.poly([(x2, y2), (bx + px * head * 0.5, by + py * head * 0.5), (bx - px * head * 0.5, by - py * head * 0.5)],
           fill=color)
    if both:
        P.poly([(x1, y1), (sx + px * head * 0.5, sy + py * head * 0.5), (sx - px * head * 0.5, sy - py * head * 0.5)],
               fill=color)


def _edge_label(doc: Doc, pg: int, x: float, y: float, text: str, size: float = 7.8, align: str = "center",
                color=BLACK) -> None:
    """A label printed on a connector, on a white patch (baseline at y)."""
    w = sw(text, G, size)
    x0 = x - w / 2 if align == "center" else (x - w if align == "right" else x)

    def patch(P):
        P.rect(x0 - 2, y - size - 1, w + 4, size + 4, stroke=None, fill=WHITE)

    _shape(doc, pg, patch)
    _lab(doc, pg, x, y, text, size, color, False, align, edge=True)


# --------------------------------------------------------------------------- document

def build() -> Doc:
    doc = Doc("hotaru-taiseizu.pdf", (W, H), TITLE,
              "A4 organisation charts (組織図) with elbow and dashed connectors, labelled connectors, a relationship "
              "diagram with a legend, side-by-side tables", meta_title=None,
              author="ほたる県 県土整備部 住まい政策課")

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            P.text(X0, 30, info["header"], G, 8.4, GRAY)
            P.line(X0, 36, X1, 36, 0.5, LGRAY)
        P.text(W / 2, H - 28, info["footer"], G, 9.0, BLACK, align="center")

    def new_page(n: int) -> int:
        return doc.new_page(printed=str(n), header=RUN if n > 1 else None, footer=f"― {n} ―", decor=decor)

    _page1(doc, new_page(1))
    _page2(doc, new_page(2))
    _page3(doc, new_page(3))
    _page4(doc, new_page(4))
    _page5(doc, new_page(5))
    return doc


# --------------------------------------------------------------------------- page 1

def _page1(doc: Doc, pg: int) -> None:
    def band(P):
        P.rect(X0 - 6, 34, TW + 12, 64, stroke=None, fill=NAVY, radius=4)
        for k, (dx, dy) in enumerate(((400, 52), (432, 70), (460, 48), (485, 78), (505, 60))):
            P.c.setFillColorRGB(*FIRE)
            P.c.circle(X0 + dx - 10, H - dy, 2.6 if k % 2 else 1.8, stroke=0, fill=1)

    _shape(doc, pg, band)
    tw = _lab(doc, pg, X0 + 10, 66, "ほたる県 居住支援の推進体制図", 20, WHITE, True, heading=True)

    def tag(P, tw=tw):
        P.rect(X0 + 10 + tw + 10, 50, sw("令和8年度", G, 11) + 14, 20, stroke=None, fill=FIRE, radius=10)

    _shape(doc, pg, tag)
    _lab(doc, pg, X0 + 10 + tw + 17, 64.5, "令和8年度", 11, NAVY, True)
    _lab(doc, pg, X0 + 10, 88, "～県・市町村・居住支援法人のつながりを図で示します～", 10, WHITE)
    _lab(doc, pg, X1, 114, "令和8年5月", 9.2, BLACK, align="right")
    _lab(doc, pg, X1, 127, "ほたる県 県土整備部 住まい政策課", 9.2, BLACK, align="right")
    _lab(doc, pg, X1, 140, "健康福祉部 地域共生課", 9.2, BLACK, align="right")
    y = 152.0
    y += _para(doc, pg, y, "この資料は、令和8年4月1日の組織改正後のほたる県における居住支援の推進体制を、組織図と相関図で示したもの"
               "です。市町村の担当者が、県のどの部署に何を相談すればよいかを確かめる際にご活用ください。")
    y += 8
    y += _heading(doc, pg, y, "1　県庁内の推進体制（令和8年4月1日現在）")
    _lab(doc, pg, X0, y + 12, "図1　居住支援に関係する県の組織", 9.4, BLACK, True, caption=True)
    y += 22

    # level 0 and the 本部
    gov = _node(doc, pg, 230, y + 8, 110, "ほたる県知事", fill=SKY_L)
    hq = _node(doc, pg, 455, y, 170, "ほたる県居住支援推進本部", ["本部長：副知事", "令和8年4月1日設置・年2回開催"],
               fill=CREAM, border=(0.80, 0.55, 0.10), name_color=(0.55, 0.30, 0.0))

    def hq_line(P):
        P.line(gov.x + gov.w, gov.cy, hq.x, gov.cy, 1.0, NAVY)

    _shape(doc, pg, hq_line)
    y1 = hq.bottom + 22
    dep_a = _node(doc, pg, 170, y1, 120, "県土整備部", fill=SKY_L)
    dep_b = _node(doc, pg, 395, y1, 120, "健康福祉部", fill=SKY_L)
    _tree(doc, pg, gov, [dep_a, dep_b])
    y2 = dep_a.bottom + 24
    ka_a = _node(doc, pg, 170, y2, 120, "住まい政策課")
    ka_b = _node(doc, pg, 360, y2, 110, "地域共生課")
    ka_c = _node(doc, pg, 485, y2, 110, "障がい福祉課")
    _tree(doc, pg, dep_a, [ka_a])
    _tree(doc, pg, dep_b, [ka_b, ka_c])
    y3 = ka_a.bottom + 24
    kw = 108.0
    k1 = _node(doc, pg, 110, y3, kw, "住宅企画係（5名）", ["公営住宅・住生活基本計画"], fill=LEAF_L, border=LEAF,
               name_color=LEAF, h=42)
    k2 = _node(doc, pg, 230, y3, kw, "居住支援係（4名）", ["協議会事務局・法人の指定"], fill=LEAF_L, border=LEAF,
               name_color=LEAF, h=42)
    k3 = _node(doc, pg, 360, y3, kw, "包括支援係（6名）", ["アドバイザー派遣・研修"], fill=LEAF_L, border=LEAF,
               name_color=LEAF, h=42)
    k4 = _node(doc, pg, 485, y3, kw - 8, "地域生活係（3名）", ["障がい者の地域移行"], fill=LEAF_L, border=LEAF,
               name_color=LEAF, h=42)
    _tree(doc, pg, ka_a, [k1, k2])
    _tree(doc, pg, ka_b, [k3])
    _tree(doc, pg, ka_c, [k4])
    uy = k2.bottom + 14

    def u_line(P):
        d = ([3, 2], 0)
        P.line(k2.cx, k2.bottom, k2.cx, uy, 1.0, (0.80, 0.30, 0.20), d)
        P.line(k2.cx, uy, k3.cx, uy, 1.0, (0.80, 0.30, 0.20), d)
        P.line(k3.cx, uy, k3.cx, k3.bottom, 1.0, (0.80, 0.30, 0.20), d)

    _shape(doc, pg, u_line)
    _edge_label(doc, pg, (k2.cx + k3.cx) / 2, uy + 11, "連携（毎月の担当者会議）", color=(0.70, 0.22, 0.12))
    y4 = uy + 34
    offices = []
    for k, name in enumerate(("西部保健福祉事務所", "中部保健福祉事務所", "東部保健福祉事務所")):
        offices.append(_node(doc, pg, 200 + k * 130, y4, 118, name, ["地域支援担当（2名）"], dashed=True))

    def office_route(P):
        d = ([3, 2], 0)
        xr = X1 - 2
        P.line(dep_b.x + dep_b.w, dep_b.cy, xr, dep_b.cy, 1.0, NAVY, d)
        P.line(xr, dep_b.cy, xr, y4 - 10, 1.0, NAVY, d)
        P.line(offices[0].cx, y4 - 10, xr, y4 - 10, 1.0, NAVY, d)
        for o in offices:
            P.line(o.cx, y4 - 10, o.cx, y4, 1.0, NAVY, d)

    _shape(doc, pg, office_route)
    _lab(doc, pg, X0 + 2, offices[0].cy - 2, "圏域の相談窓口", 8.6, LEAF, True, node=True)
    _lab(doc, pg, X0 + 2, offices[0].cy + 10, "（出先機関）", 8.0, LEAF, node=True)
    y = offices[0].bottom + 8
    y += place_text(doc, pg, X0, y, TW, ["※ 人数は令和8年4月1日現在の職員数（会計年度任用職員を除く）です。"], NOTE,
                    extra={"note": True}) + 6
    y += _items(doc, pg, y, [
        "（1）　住まい政策課居住支援係は、ほたる県居住支援協議会の事務局と、居住支援法人の指定・監督、市町村への補助金の"
        "交付を担当します。",
        "（2）　地域共生課包括支援係は、居住支援アドバイザーの派遣と、市町村の住宅・福祉の担当職員向けの研修を担当します。",
        "（3）　令和8年4月1日に、副知事を本部長とする「ほたる県居住支援推進本部」を設置しました。本部会議は8月と2月の"
        "年2回開き、両部の施策を調整します。",
        "（4）　圏域ごとの相談は、各保健福祉事務所の地域支援担当が最初の窓口になります。",
    ])
    y += 8
    y += _point_box(doc, pg, y, "ポイント　こんなときは、ここに相談", [
        "・協議会の設立の手続や補助金の申請　→　住まい政策課 居住支援係",
        "・アドバイザーの派遣や研修の申込み　→　地域共生課 包括支援係",
        "・住まいに困っている方の個別の相談　→　ほたる県居住支援センター",
    ])
    if y > H - 50:
        raise AssertionError(f"hotaru-taiseizu p1 overflows: {y:.0f}")


def _point_box(doc: Doc, pg: int, y: float, title: str, lines: list[str]) -> float:
    pad = 9.0
    bst = Style(font=G, size=9.2, leading=14.5, hang=9.2)
    inner = TW - 2 * pad
    hh = pad + 20 + sum(len(_lines_of(t, inner, bst)) * bst.leading for t in lines) + pad

    def box(P):
        P.rect(X0, y, TW, hh, stroke=(0.80, 0.55, 0.10), fill=CREAM, width=1.0, radius=5)
        P.rect(X0, y, sw(title, G, 10) + 2 * pad + 4, 18, stroke=None, fill=(0.80, 0.55, 0.10), radius=4)

    _shape(doc, pg, box)
    _lab(doc, pg, X0 + pad + 2, y + 13, title, 10, WHITE, True, heading=True, box=True)
    yy = y + pad + 20
    for t in lines:
        yy += place_text(doc, pg, X0 + pad, yy, inner, [t], bst, extra={"box": True, "item": True})
    return hh


# --------------------------------------------------------------------------- page 2

def _page2(doc: Doc, pg: int) -> None:
    y = 50.0
    y += _heading(doc, pg, y, "2　ほたる県居住支援協議会の組織")
    _lab(doc, pg, X0, y + 12, "図2　ほたる県居住支援協議会の組織図（令和8年4月1日現在）", 9.4, BLACK, True, caption=True)
    y += 24
    gen = _node(doc, pg, 245, y + 10, 120, "総会", ["構成員46団体", "年1回（5月）"], fill=SKY_L)
    off = _node(doc, pg, 452, y, 186, "役員", ["会長　星野 美咲（ほたる県立大学 教授）",
                                            "副会長　木島 健司（ほたる県宅地建物取引業協会 会長）",
                                            "副会長　浅井 和代（ほたる県社会福祉協議会 常務理事）"],
                fill=CREAM, border=(0.80, 0.55, 0.10), name_color=(0.55, 0.30, 0.0))

    def sel(P):
        P.line(gen.x + gen.w, gen.cy, off.x, gen.cy, 1.0, NAVY)

    _shape(doc, pg, sel)
    _edge_label(doc, pg, (gen.x + gen.w + off.x) / 2, gen.cy - 4, "選任")
    y1 = max(gen.bottom, off.bottom) + 22
    kan = _node(doc, pg, 245, y1, 150, "幹事会", ["幹事14名（各部会長を含む）", "年3回"], fill=SKY_L)
    sec = _node(doc, pg, 95, y1, 120, "事務局", ["住まい政策課 居住支援係", "地域共生課 包括支援係"], dashed=True,
                fill=CREAM, border=(0.80, 0.55, 0.10), name_color=(0.55, 0.30, 0.0))

    def sec_line(P):
        P.line(sec.x + sec.w, kan.cy, kan.x, kan.cy, 1.0, NAVY, ([3, 2], 0))

    _shape(doc, pg, sec_line)
    _tree(doc, pg, gen, [kan])
    y2 = kan.bottom + 26
    bw = 156.0
    b1 = _node(doc, pg, X0 + bw / 2, y2, bw, "相談支援部会", ["部会員12名・年4回", "部会長：青木 悠",
                                                         "（NPO法人ほたる住まいサポート 理事長）"],
               fill=LEAF_L, border=LEAF, name_color=LEAF, h=66)
    b2 = _node(doc, pg, W / 2, y2, bw, "住宅確保部会", ["部会員10名・年3回", "部会長：村瀬 透",
                                                    "（ほたる県宅地建物取引業協会 副会長）"],
               fill=LEAF_L, border=LEAF, name_color=LEAF, h=66)
    b3 = _node(doc, pg, X1 - bw / 2, y2, bw, "市町村連携部会", ["部会員16名・年4回", "部会長：住まい政策課長"],
               fill=LEAF_L, border=LEAF, name_color=LEAF, h=66)
    _tree(doc, pg, kan, [b1, b2, b3])
    y3 = b1.bottom + 22
    wg = _node(doc, pg, b1.cx, y3, bw, "入居後支援ワーキンググループ", ["令和8年度新設・年2回"], dashed=True)
    sub = _node(doc, pg, b3.cx, y3, bw, "地域分科会", ["岩雫村・苔谷村（令和7年5月から）"], dashed=True)
    _tree(doc, pg, b1, [wg], dashed=True)
    _tree(doc, pg, b3, [sub], dashed=True)
    y = max(wg.bottom, sub.bottom) + 14
    y += _para(doc, pg, y, "協議会の意思決定は総会で行い、総会の間の運営は幹事会が担います。3つの部会は、幹事会の下で具体的な"
               "検討を行います。令和8年度は、相談支援部会の下に「入居後支援ワーキンググループ」を新たに設け、入居後の見守り"
               "や家賃の滞納への対応を検討します。")
    y += 4
    y += _para(doc, pg, y, "事務局は、令和8年度から住まい政策課居住支援係と地域共生課包括支援係の2係による共同事務局としました。")
    y += 12
    t1 = TableSpec(caption="表1　構成員の内訳", unit="（単位：団体）", header=["区分", "団体数"],
                   rows=[["市町村", "12"], ["居住支援法人", "15"], ["不動産関係団体", "6"], ["福祉関係団体", "8"],
                         ["学識経験者・その他", "3"], ["県", "2"], ["計", "46"]],
                   widths=[3, 1.4], **TKW)
    t2 = TableSpec(caption="表2　会議の開催実績と予定", unit="（単位：回）",
                   header=["会議", "令和7年度実績", "令和8年度予定"],
                   rows=[["総会", "1", "1"], ["幹事会", "3", "3"], ["相談支援部会", "4", "4"], ["住宅確保部会", "2", "3"],
                         ["市町村連携部会", "3", "4"], ["入居後支援WG", "－", "2"]],
                   widths=[2.6, 1.6, 1.6], **TKW)
    h1 = _table(doc, pg, X0, y, 190, t1)
    h2 = _table(doc, pg, X0 + 215, y, TW - 215, t2)
    y += max(h1, h2) + 8
    y += place_text(doc, pg, X0, y, TW, [
        "※ 市町村連携部会の部会員は、全12市町村の担当課長と、居住支援法人4団体の代表者です。"], NOTE, extra={"note": True})
    y += place_text(doc, pg, X0, y, TW, [
        "※ 住宅確保部会は、令和7年度は委員の改選のため2回の開催にとどまりました。"], NOTE, extra={"note": True})
    if y > H - 50:
        raise AssertionError(f"hotaru-taiseizu p2 overflows: {y:.0f}")


# --------------------------------------------------------------------------- page 3

def _page3(doc: Doc, pg: int) -> None:
    y = 50.0
    y += _heading(doc, pg, y, "3　関係機関の相関図")
    _lab(doc, pg, X0, y + 12, "図3　県・市町村・居住支援法人などの関係", 9.4, BLACK, True, caption=True)
    top = y + 26
    RED = (0.78, 0.25, 0.15)
    nat = _node(doc, pg, W / 2, top, 150, "国", ["国土交通省・厚生労働省"], fill=(0.95, 0.95, 0.95))
    r1 = top + 96
    pref = _node(doc, pg, W / 2, r1, 118, "ほたる県", ["住まい政策課・地域共生課"], fill=NAVY, border=NAVY,
                 name_color=WHITE, detail_color=WHITE, h=44)
    muni = _node(doc, pg, X0 + 52, r1, 104, "市町村", ["12市町村（5市5町2村）"], fill=SKY_L, h=44)
    corp = _node(doc, pg, X1 - 52, r1, 104, "居住支援法人", ["15法人（令和8年4月1日現在）"], fill=LEAF_L,
                 border=LEAF, name_color=LEAF, h=44)
    r2 = r1 + 120
    coun = _node(doc, pg, X0 + 52, r2, 104, "市町村居住支援協議会", ["5協議会（6市町）"], fill=SKY_L, h=44)
    cent = _node(doc, pg, W / 2 + 20, r2, 150, "ほたる県居住支援センター", ["運営：NPO法人ほたる住まいサポート"],
                 fill=CREAM, border=(0.80, 0.55, 0.10), name_color=(0.55, 0.30, 0.0), h=44)
    est = _node(doc, pg, X1 - 52, r2, 104, "不動産関係団体・家主", ["物件の提供・入居の受入れ"],
                fill=(0.97, 0.93, 0.97), border=(0.50, 0.30, 0.55), name_color=(0.45, 0.20, 0.50), h=44)
    ry = cent.bottom + 16  # the route of the 出張相談 arrow under the boxes

    def arrows(P):
        # money: solid
        _arrow(P, nat.cx, nat.bottom, pref.cx, pref.y, NAVY)
        _arrow(P, pref.x, pref.cy - 8, muni.x + muni.w, muni.cy - 8, NAVY)
        _arrow(P, cent.cx, pref.bottom, cent.cx, cent.y, NAVY)
        _arrow(P, muni.cx, muni.bottom, coun.cx, coun.y, NAVY)
        # designation / reports / liaison: dashed
        _arrow(P, muni.x + muni.w, muni.cy + 8, pref.x, pref.cy + 8, RED, dashed=True)
        _arrow(P, pref.x + pref.w, pref.cy - 8, corp.x, corp.cy - 8, RED, dashed=True)
        _arrow(P, corp.x, corp.cy + 8, pref.x + pref.w, pref.cy + 8, RED, dashed=True)
        _arrow(P, corp.cx, corp.bottom, est.cx, est.y, RED, dashed=True, both=True)
        d = ([4, 3], 0)
        P.line(cent.cx - 30, cent.bottom, cent.cx - 30, ry, 1.2, RED, d)
        P.line(cent.cx - 30, ry, coun.cx + 20, ry, 1.2, RED, d)
        _arrow(P, coun.cx + 20, ry, coun.cx + 20, coun.bottom, RED, dashed=True)

    _shape(doc, pg, arrows)
    gap_l = (pref.x + muni.x + muni.w) / 2
    gap_r = (pref.x + pref.w + corp.x) / 2
    _edge_label(doc, pg, nat.cx + 6, (nat.bottom + pref.y) / 2 + 3, "交付金", align="left")
    _edge_label(doc, pg, gap_l, pref.y - 5, "設立準備補助・運営費補助", size=7.4)
    _edge_label(doc, pg, gap_l, pref.bottom + 12, "取組状況の報告（毎年6月末）", size=7.4, color=RED)
    _edge_label(doc, pg, gap_r, pref.y - 5, "指定・監督", size=7.4, color=RED)
    _edge_label(doc, pg, gap_r, pref.bottom + 12, "事業計画・実績報告", size=7.4, color=RED)
    _edge_label(doc, pg, cent.cx + 6, (pref.bottom + cent.y) / 2 + 8, "運営委託（年額1,380万円）", size=7.4,
                align="left")
    _edge_label(doc, pg, muni.cx + 6, (muni.bottom + coun.y) / 2 + 8, "設置・運営", size=7.4, align="left")
    _edge_label(doc, pg, (cent.cx - 30 + coun.cx + 20) / 2, ry + 4, "出張相談（各圏域で月2回）", size=7.4, color=RED)
    _edge_label(doc, pg, corp.cx + 6, (corp.bottom + est.y) / 2 + 8, "物件情報の共有", size=7.4, align="left",
                color=RED)
    # legend
    ly = ry + 18
    lx = X0 + 150

    def legend(P):
        P.rect(lx - 8, ly - 4, TW - 150 + 8 - 142, 36, stroke=LGRAY, fill=None, width=0.6)
        _arrow(P, lx, ly + 7, lx + 36, ly + 7, NAVY)
        _arrow(P, lx, ly + 23, lx + 36, ly + 23, RED, dashed=True)

    _shape(doc, pg, legend)
    _lab(doc, pg, lx - 8 - 6, ly + 19, "凡例", 8.6, BLACK, True, "right", legend=True)
    _lab(doc, pg, lx + 44, ly + 10, "実線：補助金・委託料などのお金の流れ", 8.2, BLACK, legend=True)
    _lab(doc, pg, lx + 44, ly + 26, "破線：指定・報告・連携などの関係", 8.2, BLACK, legend=True)
    y = ly + 44
    y += _items(doc, pg, y, [
        "（1）　県は、市町村の協議会の設立準備と設立後の運営に要する経費を補助します。市町村は、毎年6月末までに前年度"
        "の取組状況を県に報告します。",
        "（2）　ほたる県居住支援センターは、県がNPO法人ほたる住まいサポートに運営を委託しているもので、県内全域の住まい"
        "探しの相談に応じるほか、各圏域で月2回の出張相談を行います。",
        "（3）　居住支援法人は、県が指定し、毎年度の事業計画と実績報告を県に提出します。協議会がある市町村では、その構成員"
        "として参加しています。",
    ])
    y += 4
    t3 = TableSpec(caption="表3　県の主な支援メニュー（令和8年度）", unit=None,
                   header=["メニュー", "内容", "上限額・回数", "担当"],
                   rows=[["設立準備補助金", "協議会の設立準備に要する経費", "上限50万円（補助率2分の1）", "居住支援係"],
                         ["共同設置加算", "2以上の市町村が共同で設立する場合", "20万円を加算", "居住支援係"],
                         ["運営費補助金", "設立後3年度以内の運営経費", "年額25万円（補助率3分の1）", "居住支援係"],
                         ["アドバイザー派遣", "専門家による助言", "1市町村につき年3回まで", "包括支援係"],
                         ["職員研修", "住宅・福祉の担当職員向け", "年2回（7月・11月）", "包括支援係"]],
                   widths=[2.2, 3.8, 3.2, 1.6], align=["l", "l", "l", "c"], **TKW)
    y += _table(doc, pg, X0, y, TW, t3)
    y += 2
    y += place_text(doc, pg, X0, y, TW, [
        "※ 令和8年度の補助金の申請期間は、5月11日から6月12日までです。"], NOTE, extra={"note": True})
    y += place_text(doc, pg, X0, y, TW, [
        "※ アドバイザー派遣の回数は、B型（共同設置）の場合も1市町村につき年3回までです。"], NOTE, extra={"note": True})
    if y > H - 50:
        raise AssertionError(f"hotaru-taiseizu p3 overflows: {y:.0f}")


# --------------------------------------------------------------------------- page 4

def _page4(doc: Doc, pg: int) -> None:
    y = 50.0
    y += _heading(doc, pg, y, "4　市町村の推進体制モデル")
    y += _para(doc, pg, y, "県は、市町村の規模や近隣の状況に応じて、次の3つの体制モデルを示しています。どのモデルを選ぶかは"
               "市町村が決めますが、県のアドバイザーに相談しながら検討することをお勧めします。")
    y += 8
    _lab(doc, pg, X0, y + 12, "図4　市町村の推進体制の3つのモデル", 9.4, BLACK, True, caption=True)
    y += 22
    pw, gap = 155.0, 15.0
    heads = ["A型　単独設置型", "B型　共同設置型", "C型　県協議会活用型"]
    cols = [NAVY, LEAF, (0.55, 0.30, 0.0)]
    ph = 230.0
    for k in range(3):
        px = X0 + k * (pw + gap)

        def panel(P, px=px, k=k, y=y):
            P.rect(px, y, pw, ph, stroke=cols[k], fill=None, width=1.0, radius=4)
            P.rect(px, y, pw, 20, stroke=None, fill=cols[k], radius=4)

        _shape(doc, pg, panel)
        _lab(doc, pg, px + pw / 2, y + 14, heads[k], 9.6, WHITE, True, "center", heading=True)
    cy = y + 30
    # A型
    ax = X0 + pw / 2
    a1 = _node(doc, pg, ax, cy, 130, "市町村居住支援協議会", ["市町村が設置"])
    a2 = _node(doc, pg, ax, cy + 62, 130, "事務局", ["住宅担当課・福祉担当課"])
    a3 = _node(doc, pg, ax, cy + 124, 130, "住まいの相談窓口", ["市町村の庁舎内"])
    _tree(doc, pg, a1, [a2])
    _tree(doc, pg, a2, [a3])
    # B型
    bx = X0 + pw + gap + pw / 2
    b1 = _node(doc, pg, bx - 36, cy, 62, "瀬音町", fill=LEAF_L, border=LEAF, name_color=LEAF)
    b2 = _node(doc, pg, bx + 36, cy, 62, "水車町", fill=LEAF_L, border=LEAF, name_color=LEAF)
    b3 = _node(doc, pg, bx, cy + 62, 136, "瀬音町・水車町居住支援協議会", ["2町が共同で設置"], fill=LEAF_L, border=LEAF,
               name_color=LEAF)
    b4 = _node(doc, pg, bx, cy + 124, 136, "事務局", ["2年ごとに2町が交代で担当"], fill=LEAF_L, border=LEAF,
               name_color=LEAF)
    mid = (b1.bottom + b3.y) / 2

    def join(P):
        for b in (b1, b2):
            P.line(b.cx, b.bottom, b.cx, mid, 1.0, LEAF)
        P.line(b1.cx, mid, b2.cx, mid, 1.0, LEAF)
        P.line(b3.cx, mid, b3.cx, b3.y, 1.0, LEAF)

    _shape(doc, pg, join)
    _tree(doc, pg, b3, [b4], color=LEAF)
    # C型
    cx = X0 + 2 * (pw + gap) + pw / 2
    BR = (0.80, 0.55, 0.10)
    c1 = _node(doc, pg, cx, cy, 136, "ほたる県居住支援協議会", ["市町村連携部会"], fill=CREAM, border=BR,
               name_color=(0.55, 0.30, 0.0))
    c2 = _node(doc, pg, cx, cy + 62, 136, "地域分科会", ["事務局は県と村が共同で担当"], fill=CREAM, border=BR,
               name_color=(0.55, 0.30, 0.0))
    c3 = _node(doc, pg, cx - 36, cy + 124, 62, "岩雫村", fill=CREAM, border=BR, name_color=(0.55, 0.30, 0.0))
    c4 = _node(doc, pg, cx + 36, cy + 124, 62, "苔谷村", fill=CREAM, border=BR, name_color=(0.55, 0.30, 0.0))
    _tree(doc, pg, c1, [c2], color=BR)
    _tree(doc, pg, c2, [c3, c4], color=BR)
    ey = cy + 170
    ex = ["例：川霧市、星降市、", "月見野市、葦原市", "例：瀬音町・水車町", "（令和6年7月設立）", "例：岩雫村・苔谷村",
          "（令和7年5月から）"]
    for k in range(3):
        px = X0 + k * (pw + gap) + pw / 2
        sid = doc.truth.sentence(ex[2 * k] + ex[2 * k + 1], caption=True)
        for j in range(2):
            t = ex[2 * k + j]

            def draw(P, _x, _y, t=t, px=px, j=j):
                P.text(px, ey + 4 + j * 12.5, t, G, 8.4, GRAY, False, "center")

            doc.place(pg, Block(h=0, draw=draw, frags=[(sid, t)]), px, ey)
    y += ph + 12
    y += _para(doc, pg, y, "B型では、設立準備補助金に共同設置加算が上乗せされるため、上限は70万円になります。C型は、村が単独で"
               "協議会を設けることが難しい場合に、県協議会の地域分科会に参加する方式で、令和7年5月に岩雫村と苔谷村が初めて採用"
               "しました。")
    y += 8
    t4 = TableSpec(caption="表4　モデル別の比較", unit=None, header=["項目", "A型", "B型", "C型"],
                   rows=[["設置主体", "市町村", "2以上の市町村", "県協議会（地域分科会）"],
                         ["事務局", "市町村の住宅・福祉担当課", "構成町村が2年ごとに交代", "県（住まい政策課）と村"],
                         ["県の補助", "設立準備補助（上限50万円）", "設立準備補助＋共同設置加算（上限70万円）",
                          "補助なし（経費は県が負担）"],
                         ["向いている市町村", "人口5万人以上の市", "隣り合う小規模な町", "人口1万人未満の村"]],
                   widths=[1.9, 2.9, 2.9, 2.9], align=["l", "l", "l", "l"], **TKW)
    y += _table(doc, pg, X0, y, TW, t4)
    y += 14
    y += _point_box(doc, pg, y, "ポイント　モデルを選ぶときの目安", [
        "・相談件数が年間50件を超える見込みの市は、専任の窓口を置けるA型が向いています。",
        "・隣り合う町で不動産店や福祉の事業所を共有している場合は、B型で事務の負担を分け合えます。",
        "・C型を選んだ村も、相談件数が増えた段階でA型やB型に移ることができます。",
    ])
    y += 10
    y += _para(doc, pg, y, "なお、どのモデルでも、協議会を設けた市町村は、設立後3年度以内であれば運営費補助金（年額25万円）の"
               "対象になります。ただし、C型の地域分科会は県協議会の一部であるため、運営費補助金の対象になりません。")
    if y > H - 50:
        raise AssertionError(f"hotaru-taiseizu p4 overflows: {y:.0f}")


# --------------------------------------------------------------------------- page 5

def _page5(doc: Doc, pg: int) -> None:
    y = 50.0
    y += _heading(doc, pg, y, "5　市町村の体制の状況とお問い合わせ先")
    rows = [["西部", "川霧市", "A型", "令和5年10月", "県庁所在地"],
            ["", "沢辺市", "－", "－", "令和8年度に検討会を設置予定"],
            ["", "宵待町", "準備中", "令和9年2月予定", "アドバイザー派遣中"],
            ["", "苔谷村", "C型", "令和7年5月", "地域分科会に参加"],
            ["中部", "月見野市", "A型", "令和7年2月", ""],
            ["", "葦原市", "A型", "令和7年11月", ""],
            ["", "瀬音町", "B型", "令和6年7月", "水車町と共同設置"],
            ["", "水車町", "B型", "令和6年7月", "瀬音町と共同設置"],
            ["東部", "星降市", "A型", "令和6年3月", ""],
            ["", "夏草町", "準備中", "令和8年6月予定", "設立準備補助金を交付決定済み"],
            ["", "小夜町", "－", "－", "未定"],
            ["", "岩雫村", "C型", "令和7年5月", "地域分科会に参加"]]
    t5 = TableSpec(caption="表5　市町村の推進体制の状況（令和8年4月1日現在）", unit=None,
                   header=["圏域", "市町村", "体制", "設立年月", "備考"], rows=rows,
                   widths=[1.0, 1.6, 1.2, 2.0, 4.2], align=["c", "l", "c", "c", "l"], **TKW)
    y += _table(doc, pg, X0, y, TW, t5)
    y += 2
    y += place_text(doc, pg, X0, y, TW, [
        "※ 「－」は、協議会の設立に向けた具体的な予定がないことを示します。"], NOTE, extra={"note": True})
    y += 14
    t6 = TableSpec(caption="表6　お問い合わせ先", unit=None, header=["担当", "主な内容", "電話"],
                   rows=[["住まい政策課 居住支援係", "協議会の運営、居住支援法人の指定、補助金", "0796-44-2381"],
                         ["地域共生課 包括支援係", "アドバイザー派遣、職員研修", "0796-44-2517"],
                         ["西部保健福祉事務所 地域支援担当", "西部圏域の相談", "0796-52-3104"],
                         ["中部保健福祉事務所 地域支援担当", "中部圏域の相談", "0797-21-4410"],
                         ["東部保健福祉事務所 地域支援担当", "東部圏域の相談", "0798-63-2209"],
                         ["ほたる県居住支援センター", "住まい探しの個別の相談", "0120-481-706"]],
                   widths=[3.4, 4.0, 2.0], align=["l", "l", "c"], **TKW)
    y += _table(doc, pg, X0, y, TW, t6)
    y += 2
    y += place_text(doc, pg, X0, y, TW, [
        "※ 電子メールでのお問い合わせは、住まい政策課（sumai-shien@pref.hotaru.lg.jp）で受け付けます。"], NOTE,
        extra={"note": True})
    y += 16
    # コラム box
    paras = ["令和6年4月　体制図の初版を作成しました。",
             "令和7年4月　C型（県協議会活用型）のモデルを追加しました。",
             "令和8年4月　居住支援推進本部の設置と、協議会事務局の住宅企画係から居住支援係への移管を反映しました。",
             "次の改定は、市町村の協議会の設立状況を反映して令和9年4月に行う予定です。"]
    pad = 9.0
    bst = Style(font=G, size=9.0, leading=14.0, hang=66.0)
    inner = TW - 2 * pad
    hh = pad + 20 + sum(len(_lines_of(p, inner - 0, bst)) * bst.leading for p in paras) + pad + 2

    def box(P):
        P.rect(X0, y, TW, hh, stroke=LEAF, fill=LEAF_L, width=1.0, radius=5)

    _shape(doc, pg, box)
    _lab(doc, pg, X0 + pad, y + pad + 11, "コラム　この体制図の改定の経過", 10, LEAF, True, heading=True, box=True)
    yy = y + pad + 20
    for p in paras:
        yy += place_text(doc, pg, X0 + pad, yy, inner, split_sentences(p), bst, extra={"box": True})
    if yy > y + hh + 0.5:
        raise AssertionError("hotaru-taiseizu p5: コラム overflows")
    if y + hh > H - 50:
        raise AssertionError(f"hotaru-taiseizu p5 overflows: {y + hh:.0f}")
