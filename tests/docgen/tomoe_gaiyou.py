"""tomoe-gaiyou.pdf: a government 「ポンチ絵」 事業概要, two A3 LANDSCAPE pages (fictional ともえ県).

Layout traps: a full-width title band with the 資料 tag above it and a 予算額 callout box at its lower
right; a 事業の目的 strip; page 1 is three columns of fixed boxes side by side (現状・課題 on the left, a
2×2 grid of 事業内容 boxes plus one wide box in the middle, 目標（KPI） and 期待される効果 on the right) with
block arrows between them, so a reader going across a line mixes the boxes; every box has a coloured
heading bar, ・ bullets with a hanging indent in small type, and three boxes hold small ruled tables
(補助率 / 上限額, units 千円／法人, 千円／戸); 事業費 right-aligned at the foot of each box; a スケジュール strip
(12 month cells, coloured bars with labels above and below); ※ notes in small type at the bottom. Page 2
(参考) has a 実施体制 diagram (node boxes joined by labelled arrows), a one-row table, a 主な変更点 box, a
前年度比較 table with 合計 row and （単位：千円）, 重点支援市町村 and お問い合わせ boxes. No page numbers,
no running header or footer, no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A3, landscape

from . import content_tomoe_gaiyou as C
from .engine import BLACK, Doc, G, Style, TableSpec, place_text, sw, table_parts

W, H = landscape(A3)
MX = 28.0
NAVY = (0.1, 0.2, 0.42)
BLUE = (0.16, 0.38, 0.66)
LBLUE = (0.9, 0.94, 0.99)
ORANGE = (0.88, 0.45, 0.1)
CREAM = (1.0, 0.97, 0.9)
GREEN = (0.14, 0.5, 0.3)
LGREEN = (0.91, 0.97, 0.92)
GRAY = (0.35, 0.35, 0.35)
LGRAY = (0.94, 0.94, 0.94)
RED = (0.75, 0.15, 0.12)
WHITE = (1, 1, 1)
BOX_COLORS = [BLUE, (0.1, 0.5, 0.52), (0.45, 0.3, 0.6), ORANGE, GREEN]

BODY = Style(size=9.4, leading=13.4, hang=9.4)
SMALL = Style(size=7.8, leading=11.2, hang=7.8, color=GRAY)


class Box:
    """A fixed-size framed box with a coloured heading bar; content is placed with a cursor."""

    def __init__(self, doc: Doc, pg: int, x: float, y: float, w: float, h: float, title: str | None, color,
                 fill=WHITE, pad: float = 7.0, bar_size: float = 10.5):
        self.doc, self.pg, self.x, self.y0, self.w, self.h, self.pad = doc, pg, x, y, w, h, pad
        bar_h = bar_size + 9 if title else 0.0
        doc.op(pg, lambda P: P.rect(x, y, w, h, stroke=color, fill=fill, width=1.1, radius=3))
        if title:
            doc.op(pg, lambda P: P.rect(x, y, w, bar_h, stroke=None, fill=color, radius=3))
            place_text(doc, pg, x + pad, y + 4, w - 2 * pad, [title],
                       Style(size=bar_size, leading=bar_size + 2, bold=True, color=WHITE), heading=True,
                       extra={"box": True})
        self.cy = y + bar_h + 5

    @property
    def iw(self) -> float:
        return self.w - 2 * self.pad

    def check(self):
        if self.cy > self.y0 + self.h + 0.5:
            raise AssertionError(f"tomoe-gaiyou p{self.pg}: box at ({self.x:.0f},{self.y0:.0f}) overflows by "
                                 f"{self.cy - self.y0 - self.h:.0f}")

    def text(self, sentences, st: Style = BODY, dx: float = 0.0, heading: bool = False, **extra):
        self.cy += place_text(self.doc, self.pg, self.x + self.pad + dx, self.cy, self.iw - dx, sentences, st,
                              heading=heading, extra=extra or None)
        self.check()

    def bullets(self, items, st: Style = BODY, gap: float = 2.0):
        for t in items:
            self.text([t], st, item=True)
            self.cy += gap

    def sub(self, t: str, color):
        self.text([t], Style(size=9.6, leading=14, bold=True, color=color), heading=True, box=True)

    def table(self, spec: dict, color, size: float = 8.4):
        ts = TableSpec(**spec, size=size, leading=size + 3.4, pad=2.6, header_fill=LGRAY, rule=(0.45, 0.45, 0.45),
                       caption_style=Style(size=8.6, leading=13, bold=True, color=color, keep_next=True),
                       align=["l"] + ["c"] * (len(spec["header"]) - 1))
        caps, header, rows, _n = table_parts(self.doc, ts, self.iw)
        for b in caps + [header()] + rows:
            self.doc.place(self.pg, b, self.x + self.pad, self.cy)
            self.cy += b.h
        self.cy += 3
        self.check()

    def cost(self, t: str, color, in_bar: bool = False):
        y = self.y0 + 2 if in_bar else self.y0 + self.h - 19
        if not in_bar and self.cy > y + 0.5:
            raise AssertionError(f"tomoe-gaiyou: no room for {t}")
        tw = sw(t, G, 9.6) + 12
        xr = self.x + self.w - self.pad
        self.doc.op(self.pg, lambda P: P.rect(xr - tw, y + 1, tw, 15, stroke=color, fill=WHITE, width=0.8, radius=2))
        place_text(self.doc, self.pg, xr - tw, y + 1.5, tw, [t],
                   Style(size=9.6, leading=14, bold=True, color=color, align="center"), extra={"box": True})


def _arrow_right(P, x, yc, w, h, color):
    """A block arrow pointing right, shaft height h/2."""
    s = h / 4
    P.poly([(x, yc - s), (x + w * 0.55, yc - s), (x + w * 0.55, yc - h / 2), (x + w, yc),
            (x + w * 0.55, yc + h / 2), (x + w * 0.55, yc + s), (x, yc + s)], fill=color)


def _arrow(P, x1, y1, x2, y2, color, width=1.4):
    import math
    P.line(x1, y1, x2, y2, width, color)
    a = math.atan2(y2 - y1, x2 - x1)
    L, s = 8.0, 3.8
    bx, by = x2 - L * math.cos(a), y2 - L * math.sin(a)
    P.poly([(x2, y2), (bx - s * math.sin(a), by + s * math.cos(a)), (bx + s * math.sin(a), by - s * math.cos(a))],
           fill=color)


def _title_band(doc: Doc, pg: int, title: str, budget: bool):
    doc.op(pg, lambda P: P.rect(MX, 30, W - 2 * MX, 44, stroke=None, fill=NAVY))
    doc.op(pg, lambda P: P.rect(W - MX - 60, 8, 60, 18, stroke=BLACK, fill=None, width=0.8))
    place_text(doc, pg, W - MX - 60, 9, 60, [C.TAG], Style(size=11, leading=16, bold=True, align="center"))
    place_text(doc, pg, MX + 14, 38, W - 2 * MX - 300, [title], Style(size=21, leading=28, bold=True, color=WHITE),
               heading=True)
    place_text(doc, pg, W - MX - 290, 46, 276, [C.ORG], Style(size=10.5, leading=14, color=WHITE, align="right"))
    if budget:
        bw, bx, by = 300.0, W - MX - 312, 80.0
        doc.op(pg, lambda P: P.rect(bx, by, bw, 26, stroke=RED, fill=(1.0, 0.95, 0.94), width=1.6, radius=4))
        place_text(doc, pg, bx, by + 5, bw, [C.BUDGET], Style(size=11.5, leading=16, bold=True, color=RED,
                                                               align="center"), extra={"box": True})


def build() -> Doc:
    doc = Doc("tomoe-gaiyou.pdf", (W, H), C.TITLE, "A3 landscape ポンチ絵 (事業概要) with boxes, arrows and tables",
              meta_title=None)
    _page1(doc)
    _page2(doc)
    return doc


# ------------------------------------------------------------------ page 1
def _page1(doc: Doc):
    pg = doc.new_page()
    _title_band(doc, pg, C.TITLE, True)
    # 事業の目的 strip
    lw = sw(C.PURPOSE_LABEL, G, 10) + 16
    doc.op(pg, lambda P: (P.rect(MX, 82, W - 2 * MX - 330, 30, stroke=NAVY, fill=LBLUE, width=0.8),
                          P.rect(MX, 82, lw, 30, stroke=None, fill=NAVY)))
    place_text(doc, pg, MX, 90, lw, [C.PURPOSE_LABEL], Style(size=10, leading=14, bold=True, color=WHITE,
                                                              align="center"), heading=True)
    place_text(doc, pg, MX + lw + 8, 84, W - 2 * MX - 330 - lw - 14, [C.PURPOSE], Style(size=9.2, leading=13))

    top, bottom = 122.0, 690.0
    # left column: 現状・課題
    lx, lwid = MX, 262.0
    b = Box(doc, pg, lx, top, lwid, bottom - top, C.GENJO["heading"], GRAY, fill=(0.985, 0.985, 0.985),
            bar_size=12)
    for sub, items in C.GENJO["blocks"]:
        b.cy += 4
        if sub == "table":
            b.table(items, NAVY, size=8.8)
            continue
        b.sub(sub, RED if sub == "【課題】" else NAVY)
        b.bullets(items, Style(size=9.8, leading=14.6, hang=9.8), gap=6)
    # arrow into the middle
    ax = lx + lwid + 3
    doc.op(pg, lambda P: _arrow_right(P, ax, (top + bottom) / 2, 20, 40, (0.6, 0.6, 0.6)))

    # middle: 事業内容 label and 2x2 grid + wide box
    mx0, mx1 = lx + lwid + 27, W - MX - 290
    doc.op(pg, lambda P: P.rect(mx0, top, mx1 - mx0, 18, stroke=None, fill=LBLUE))
    place_text(doc, pg, mx0, top + 2, mx1 - mx0, [C.JIGYO_LABEL], Style(size=11, leading=14, bold=True, color=NAVY,
                                                                         align="center"), heading=True)
    gap = 9.0
    bw = (mx1 - mx0 - gap) / 2
    gy = top + 24
    bh = 220.0
    for k, spec in enumerate(C.BOXES):
        r, c = divmod(k, 2)
        x = mx0 + c * (bw + gap)
        y = gy + r * (bh + gap)
        col = BOX_COLORS[k]
        bx = Box(doc, pg, x, y, bw, bh, spec["heading"], col)
        bx.bullets(spec["bullets"])
        if spec.get("table"):
            bx.cy += 1
            bx.table(spec["table"], col)
        if spec.get("note"):
            bx.text([spec["note"]], SMALL, note=True)
        bx.cost(spec["cost"], col)
    wy = gy + 2 * (bh + gap)
    wb = Box(doc, pg, mx0, wy, mx1 - mx0, bottom - wy, C.WIDE_BOX["heading"], BOX_COLORS[4])
    half = (wb.iw - 14) / 2
    items = C.WIDE_BOX["bullets"]
    y0 = wb.cy
    for k, t in enumerate(items):  # two columns of bullets inside the wide box
        if k == 2:
            wb.cy = y0
        _text_at(wb, t, 0 if k < 2 else half + 14, half)
        wb.cy += 3
    wb.cost(C.WIDE_BOX["cost"], BOX_COLORS[4], in_bar=True)

    # arrow to the right column
    ax2 = mx1 + 3
    doc.op(pg, lambda P: _arrow_right(P, ax2, (top + bottom) / 2, 20, 40, (0.6, 0.6, 0.6)))

    # right: KPI and effects
    rx = mx1 + 27
    rw = W - MX - rx
    kb = Box(doc, pg, rx, top, rw, 250, C.KPI_HEADING, RED, fill=(1.0, 0.985, 0.98), bar_size=12)
    kb.cy += 2
    kb.table(C.KPI_TABLE, RED, size=8.2)
    kb.text([C.KPI_NOTE], SMALL, note=True)
    kb.cy += 8
    kb.text([C.KPI_REF], Style(size=8.8, leading=13, hang=0), box=True)
    eb = Box(doc, pg, rx, top + 262, rw, bottom - top - 262, C.EFFECT_HEADING, GREEN, fill=LGREEN, bar_size=12)
    eb.cy += 4
    eb.bullets(C.EFFECTS, Style(size=9.8, leading=15, hang=9.8), gap=9)

    _schedule(doc, pg, bottom + 10)
    ny = bottom + 10 + 78
    for t in C.NOTES:
        ny += place_text(doc, pg, MX, ny, W - 2 * MX, [t], Style(size=7.8, leading=11, color=GRAY),
                         extra={"note": True})
    if ny > H - 8:
        raise AssertionError(f"tomoe-gaiyou p1: notes overflow ({ny:.0f})")


def _text_at(box: Box, t: str, dx: float, w: float):
    box.cy += place_text(box.doc, box.pg, box.x + box.pad + dx, box.cy, w, [t], BODY, extra={"item": True})
    box.check()


def _schedule(doc: Doc, pg: int, y: float):
    lw = 96.0
    x0 = MX + lw
    cw = (W - MX - x0) / 12
    h = 74.0
    doc.op(pg, lambda P: (P.rect(MX, y, W - 2 * MX, h, stroke=NAVY, fill=WHITE, width=0.8),
                          P.rect(MX, y, lw, h, stroke=None, fill=NAVY)))
    place_text(doc, pg, MX + 6, y + h / 2 - 16, lw - 12, [C.SCHEDULE_LABEL],
               Style(size=10, leading=15, bold=True, color=WHITE, align="center"), heading=True)
    for i, m in enumerate(C.MONTHS):
        x = x0 + i * cw
        doc.op(pg, lambda P, x=x, m=m: (P.rect(x, y, cw, 15, stroke=(0.7, 0.7, 0.7), fill=LBLUE, width=0.5),
                                       P.text(x + cw / 2, y + 11, m, G, 8.5, NAVY, True, "center"),
                                       P.line(x, y + 15, x, y + h, 0.3, (0.8, 0.8, 0.8), dash=([2, 2], 0))))
    bar_y = y + 40
    for a, b_, row, label in C.SCHEDULE:
        xa, xb = x0 + a * cw + 4, x0 + (b_ + 1) * cw - 4
        col = ORANGE if "募集" in label else BLUE
        doc.op(pg, lambda P, xa=xa, xb=xb, col=col, row=row: P.rect(xa, bar_y - 2 + row * 6, xb - xa, 6, stroke=None,
                                                                    fill=col, radius=2))
        ly = y + 19 if row == 0 else bar_y + 12
        lwid = max(xb - xa, sw(label, G, 8.2) + 2)
        lx = max(x0 + 2, min((xa + xb) / 2 - lwid / 2, W - MX - 2 - lwid))
        place_text(doc, pg, lx, ly, lwid, [label],
                   Style(size=8.2, leading=12, align="center"), extra={"item": True})


# ------------------------------------------------------------------ page 2
def _node(doc: Doc, pg: int, key: str, x: float, y: float, w: float, h: float, col, fill):
    doc.op(pg, lambda P: P.rect(x, y, w, h, stroke=col, fill=fill, width=1.2, radius=5))
    name, sub = C.NODES[key]
    place_text(doc, pg, x + 4, y + 5, w - 8, [name], Style(size=10.4, leading=14, bold=True, color=col,
                                                          align="center"), extra={"box": True})
    place_text(doc, pg, x + 4, y + 21, w - 8, [sub], Style(size=8.2, leading=11.5, align="center"),
               extra={"box": True}, max_h=h - 22)


def _label(doc: Doc, pg: int, cx: float, cy: float, t: str, color=ORANGE):
    lwid = sw(t, G, 8.6) + 8
    doc.op(pg, lambda P: P.rect(cx - lwid / 2, cy - 7.5, lwid, 15, stroke=None, fill=WHITE))
    place_text(doc, pg, cx - lwid / 2, cy - 7, lwid, [t], Style(size=8.6, leading=13, bold=True, color=color,
                                                               align="center"), extra={"box": True})


def _page2(doc: Doc):
    pg = doc.new_page()
    _title_band(doc, pg, C.TITLE2, False)
    top, bottom = 90.0, 712.0
    # left: 実施体制 diagram
    lx, lw = MX, 560.0
    b = Box(doc, pg, lx, top, lw, bottom - top, C.TAIKEI_HEADING, NAVY, bar_size=12)
    ix = lx + 10
    iw = lw - 20
    py = top + 40
    _node(doc, pg, "pref", ix + 10, py, 300, 42, NAVY, LBLUE)
    kx = ix + iw - 190
    _node(doc, pg, "kenkyo", kx, py, 190, 42, NAVY, WHITE)
    doc.op(pg, lambda P: P.line(ix + 310, py + 21, kx, py + 21, 1.0, GRAY, dash=([3, 2], 0)))
    _label(doc, pg, (ix + 310 + kx) / 2, py + 21, C.KENKYO_LINK, GRAY)
    n = len(C.EDGES)
    gap = 10.0
    nw = (iw - gap * (n - 1)) / n
    ry = py + 42 + 110
    nh = 56.0
    bus = py + 42 + 30
    cxs = [ix + k * (nw + gap) + nw / 2 for k in range(n)]
    pcx = ix + 160
    doc.op(pg, lambda P: (P.line(pcx, py + 42, pcx, bus, 1.4, GRAY), P.line(cxs[0], bus, cxs[-1], bus, 1.4, GRAY)))
    person_y = ry + nh + 120
    pw = 330.0
    pxc = ix + iw / 2
    for k, (key, down, up) in enumerate(C.EDGES):
        x = ix + k * (nw + gap)
        cx = cxs[k]
        doc.op(pg, lambda P, cx=cx: _arrow(P, cx, bus, cx, ry, GRAY))
        _label(doc, pg, cx, (bus + ry) / 2 + 6, down)
        _node(doc, pg, key, x, ry, nw, nh, BLUE, LBLUE)
        tx = pxc - pw / 2 + 30 + k * (pw - 60) / (n - 1)
        doc.op(pg, lambda P, cx=cx, tx=tx: _arrow(P, cx, ry + nh, tx, person_y, (0.55, 0.2, 0.15)))
        _label(doc, pg, cx + (tx - cx) * 0.4, ry + nh + (person_y - ry - nh) * 0.4, up, RED)
    _node(doc, pg, "person", pxc - pw / 2, person_y, pw, 42, RED, (1.0, 0.95, 0.94))
    b.cy = person_y + 42 + 24
    b.table(C.YAKUWARI_TABLE, NAVY, size=9.2)
    b.cy += 8
    b.table(C.SUISHIN_TABLE, NAVY, size=9.2)

    # middle: changes + budget
    mx0 = lx + lw + 14
    mw = 330.0
    cb = Box(doc, pg, mx0, top, mw, 250, C.CHANGES_HEADING, ORANGE, fill=CREAM, bar_size=11.5)
    cb.cy += 4
    cb.bullets(C.CHANGES, Style(size=10, leading=15, hang=10), gap=8)
    bb = Box(doc, pg, mx0, top + 262, mw, bottom - top - 262, None, NAVY)
    bb.cy += 2
    bb.table(C.BUDGET_TABLE, NAVY, size=9.4)
    bb.cy += 6
    bb.text([C.ZAIGEN], Style(size=9.4, leading=14, bold=True), box=True)
    bb.cy += 2
    bb.text([C.BUDGET_REF], Style(size=9.4, leading=14), box=True)

    # right: 重点支援 + contacts
    rx = mx0 + mw + 14
    rw = W - MX - rx
    jb = Box(doc, pg, rx, top, rw, 330, C.JUTEN_HEADING, GREEN, fill=LGREEN, bar_size=11.5)
    jb.cy += 4
    jb.text([C.JUTEN_LEAD], Style(size=9.8, leading=15), box=True)
    jb.cy += 8
    jb.bullets(C.JUTEN, Style(size=10, leading=15, hang=10), gap=8)
    kb = Box(doc, pg, rx, top + 342, rw, bottom - top - 342, C.CONTACT_HEADING, NAVY, bar_size=11.5)
    kb.cy += 4
    kb.bullets(C.CONTACTS, Style(size=9.8, leading=15, hang=9.8), gap=12)
    ny = bottom + 10
    for t in C.NOTES2:
        ny += place_text(doc, pg, MX, ny, W - 2 * MX, [t], Style(size=8.4, leading=12.4, color=GRAY),
                         extra={"note": True})
