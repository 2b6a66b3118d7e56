"""harukaze-leaflet.pdf: a tri-fold leaflet (三つ折りリーフレット), A4 landscape, 2 pages (fictional はるかぜ県).

Layout traps: three panels per page with narrow gutters (about 20 pt between the text of neighbouring
panels, so pdfplumber reads across the panels line by line); the outside page is read flap → back →
cover (the cover is the RIGHT panel); coloured heading bands; check-box items; Q/A bubbles; a contact
panel with three boxes (two phone numbers for the same desk, four city numbers as two-column lines);
a 2×2 grid of icon boxes; a numbered flow ①→④ with arrows; a small ruled table with wrapped cells in a
260-pt panel; ※ notes; no page numbers, no running header or footer, no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_harukaze_leaflet as C
from .engine import Doc, G, Style, TableSpec, place_text, split_sentences, sw, table_parts, text_height

W, H = landscape(A4)
PW = W / 3
M_IN = 10.0            # inner margin of a panel: text of neighbouring panels is 20 pt apart
TOP, BOTTOM = 24.0, H - 18.0
ORANGE = (0.9, 0.45, 0.12)
TEAL = (0.05, 0.5, 0.52)
NAVY = (0.12, 0.22, 0.45)
CREAM = (1.0, 0.97, 0.9)
MINT = (0.9, 0.97, 0.96)
WHITE = (1, 1, 1)
GRAY = (0.35, 0.35, 0.35)
DARK = (0.12, 0.12, 0.12)


class Panel:
    def __init__(self, doc: Doc, pg: int, idx: int, top: float = TOP):
        self.doc, self.pg = doc, pg
        self.x = idx * PW + M_IN
        self.w = PW - 2 * M_IN
        self.y = top

    def op(self, fn):
        self.doc.op(self.pg, fn)

    def check(self):
        if self.y > BOTTOM + 0.5:
            raise AssertionError(f"harukaze-leaflet p{self.pg}: panel at x={self.x:.0f} overflows ({self.y:.0f})")

    def text(self, sentences, st: Style, dx: float = 0.0, w: float | None = None, heading=False, **extra) -> float:
        used = place_text(self.doc, self.pg, self.x + dx, self.y, w if w is not None else self.w - dx,
                          sentences, st, heading=heading, extra=extra or None)
        self.y += used
        self.check()
        return used

    def band(self, title: str, color, size: float = 12.5):
        h = size + 11
        y = self.y
        self.op(lambda P, y=y: (P.rect(self.x, y, self.w, h, stroke=None, fill=color, radius=4),
                                P.rect(self.x + 6, y + h / 2 - 4, 8, 8, stroke=None, fill=WHITE, radius=4)))
        place_text(self.doc, self.pg, self.x + 20, y + 5, self.w - 26, [title],
                   Style(size=size, leading=size + 2, bold=True, color=WHITE), heading=True)
        self.y += h + 6
        self.check()

    def sub(self, title: str, color):
        y = self.y
        st = Style(size=10.5, leading=16, bold=True, color=color)
        self.op(lambda P, y=y: P.line(self.x, y + 17, self.x + self.w, y + 17, 1.2, color))
        place_text(self.doc, self.pg, self.x + 2, y, self.w - 4, [title], st, heading=True)
        self.y += 22
        self.check()


def build() -> Doc:
    doc = Doc("harukaze-leaflet.pdf", (W, H), C.TITLE, "A4 landscape tri-fold leaflet, three panels per page",
              meta_title=None)

    def decor(P, info, when):
        if when != "under":
            return
        if info["index"] == 0:  # cover panel background
            P.rect(2 * PW, 0, PW, H, stroke=None, fill=(1.0, 0.95, 0.86))
            P.rect(2 * PW, H - 70, PW, 70, stroke=None, fill=ORANGE)
        else:
            P.rect(0, 0, W, 8, stroke=None, fill=TEAL)
            P.rect(0, H - 8, W, 8, stroke=None, fill=TEAL)

    pg = doc.new_page(decor=decor)
    _flap(Panel(doc, pg, 0))
    _back(Panel(doc, pg, 1))
    _cover(Panel(doc, pg, 2))
    pg = doc.new_page(decor=decor)
    _about(Panel(doc, pg, 0, top=TOP + 2))
    _flow(Panel(doc, pg, 1, top=TOP + 2))
    _list(Panel(doc, pg, 2, top=TOP + 2))
    return doc


# ------------------------------------------------------------------ outside
def _flap(p: Panel):
    F = C.FLAP
    p.band(F["heading"], ORANGE, 12.0)
    st = Style(size=9.6, leading=14.5)
    for t in F["checks"]:
        y = p.y
        p.op(lambda P, y=y: (P.rect(p.x + 4, y + 3.5, 9, 9, stroke=ORANGE, fill=WHITE, width=1.0),
                             P.line(p.x + 5.5, y + 8, p.x + 8, y + 11, 1.4, ORANGE),
                             P.line(p.x + 8, y + 11, p.x + 13.5, y + 2.5, 1.4, ORANGE)))
        p.text([t], st, dx=19, item=True)
        p.y += 3
    p.y += 4
    cst = Style(size=10.2, leading=15.5, bold=True, color=(0.55, 0.22, 0.02))
    h = text_height([F["call"]], p.w - 20, cst) + 12
    y = p.y
    p.op(lambda P, y=y: P.rect(p.x, y, p.w, h, stroke=ORANGE, fill=CREAM, width=1.2, radius=8))
    p.y += 6
    p.text([F["call"]], cst, dx=10, w=p.w - 20, box=True)
    p.y += 6 + 12
    p.band(F["qa_heading"], TEAL, 12.0)
    qst = Style(size=9.6, leading=14, bold=True, color=TEAL)
    ast = Style(size=9.2, leading=13.6)
    for q, a in F["qas"]:
        y = p.y
        p.op(lambda P, y=y: (P.rect(p.x, y + 1, 14, 14, stroke=None, fill=TEAL, radius=7),
                             P.text(p.x + 7, y + 12, "Q", G, 9, WHITE, True, "center")))
        p.text([q], qst, dx=19, q=True)
        p.y += 1
        y = p.y
        p.op(lambda P, y=y: (P.rect(p.x, y + 1, 14, 14, stroke=ORANGE, fill=WHITE, radius=7, width=1),
                             P.text(p.x + 7, y + 12, "A", G, 9, ORANGE, True, "center")))
        p.text(split_sentences(a), ast, dx=19, a=True)
        p.y += 6


def _contact_box(p: Panel, title: str, sub: str | None, lines: list[str], color, st: Style, fill=WHITE):
    tst = Style(size=10.5, leading=14, bold=True, color=WHITE)
    th = text_height([title], p.w - 16, tst) + 8
    sst = Style(size=8.8, leading=13, color=color, bold=True)
    body_h = sum(text_height(split_sentences(t), p.w - 16, st.but(sb=2)) for t in lines)
    if sub:
        body_h += text_height([sub], p.w - 16, sst)
    h = th + body_h + 12
    y = p.y
    p.op(lambda P, y=y: (P.rect(p.x, y, p.w, h, stroke=color, fill=fill, width=1.2, radius=5),
                         P.rect(p.x, y, p.w, th, stroke=None, fill=color, radius=5)))
    p.y += 4
    p.text([title], tst, dx=8, w=p.w - 16, heading=True, box=True)
    p.y += 8
    if sub:
        p.text([sub], sst, dx=8, w=p.w - 16, box=True)
    for t in lines:
        p.text(split_sentences(t), st.but(sb=2), dx=8, w=p.w - 16, box=True)
    p.y = y + h + 8
    p.check()


def _back(p: Panel):
    B = C.BACK
    p.band(B["heading"], NAVY, 12.5)
    _contact_box(p, B["desk_title"], B["desk_sub"], B["desk_lines"], ORANGE,
                 Style(size=9.3, leading=14, hang=0), fill=CREAM)
    # city windows: name left, number right on the same line
    tst = Style(size=10.5, leading=14, bold=True, color=WHITE)
    st = Style(size=9.3, leading=15)
    nst = Style(size=8.4, leading=12.5, color=GRAY)
    h = 22 + len(B["cities"]) * st.leading + text_height([B["city_note"]], p.w - 16, nst) + 10
    y = p.y
    p.op(lambda P, y=y: (P.rect(p.x, y, p.w, h, stroke=TEAL, fill=WHITE, width=1.2, radius=5),
                         P.rect(p.x, y, p.w, 22, stroke=None, fill=TEAL, radius=5)))
    p.y += 4
    p.text([B["city_title"]], tst, dx=8, w=p.w - 16, heading=True, box=True)
    p.y += 4
    for name, tel in B["cities"]:
        y0 = p.y
        p.text([name], st, dx=8, w=150, box=True)
        p.y = y0
        p.text([tel], st.but(align="right"), dx=160, w=p.w - 168, box=True)
    p.text([B["city_note"]], nst, dx=8, w=p.w - 16, note=True)
    p.y = y + h + 8
    _contact_box(p, B["pref_title"], None, B["pref_lines"], NAVY, Style(size=9.2, leading=14))
    p.y += 6
    ist = Style(size=8.6, leading=13, color=GRAY)
    for t in B["issuer"]:
        p.text([t], ist, dx=4)


def _house(P, cx: float, top: float, s: float):
    """A simple house icon: roof, body, door, window (no text)."""
    P.poly([(cx - 1.1 * s, top + s), (cx, top), (cx + 1.1 * s, top + s)], fill=ORANGE)
    P.rect(cx - 0.8 * s, top + s, 1.6 * s, 1.05 * s, stroke=None, fill=WHITE)
    P.rect(cx - 0.8 * s, top + s, 1.6 * s, 1.05 * s, stroke=ORANGE, fill=None, width=2)
    P.rect(cx - 0.2 * s, top + 1.45 * s, 0.4 * s, 0.6 * s, stroke=None, fill=TEAL)
    P.rect(cx + 0.35 * s, top + 1.25 * s, 0.3 * s, 0.3 * s, stroke=None, fill=(0.98, 0.8, 0.3))


def _cover(p: Panel):
    K = C.COVER
    p.y += 14
    p.text([K["org"]], Style(size=10, leading=14, color=TEAL, bold=True, align="center"))
    p.y += 36
    p.text([K["title"]], Style(size=20.5, leading=28, bold=True, color=NAVY, align="center"), heading=True)
    p.y += 6
    y = p.y
    p.op(lambda P, y=y: (P.line(p.x + 30, y, p.x + p.w - 30, y, 1, ORANGE),
                         P.line(p.x + 30, y + 28, p.x + p.w - 30, y + 28, 1, ORANGE)))
    p.y += 4
    p.text([K["subtitle"]], Style(size=14, leading=20, bold=True, color=ORANGE, align="center"), heading=True)
    p.y += 22
    y = p.y
    p.op(lambda P, y=y: _house(P, p.x + p.w / 2 - 20, y, 38))
    bx, by = p.x + p.w - 62, y + 20
    p.op(lambda P: (P.rect(bx, by, 56, 56, stroke=None, fill=TEAL, radius=28)))
    place_text(p.doc, p.pg, bx, by + 18, 56, [K["badge"]], Style(size=11, leading=16, bold=True, color=WHITE,
                                                                  align="center"))
    p.y += 100
    p.text(split_sentences(K["lead"]), Style(size=10, leading=17), dx=6, w=p.w - 12)
    p.y += 14
    cst = Style(size=9.6, leading=15, bold=True, color=NAVY)
    h = text_height([K["count"]], p.w - 28, cst) + 12
    y = p.y
    p.op(lambda P, y=y: P.rect(p.x + 4, y, p.w - 8, h, stroke=NAVY, fill=WHITE, width=1, radius=4))
    p.y += 6
    p.text([K["count"]], cst, dx=14, w=p.w - 28, box=True)
    p.y = H - 70 + 26
    p.text([K["by"]], Style(size=11.5, leading=16, bold=True, color=WHITE, align="center"))


# ------------------------------------------------------------------ inside
def _about(p: Panel):
    A = C.ABOUT
    p.band(A["heading"], TEAL, 12.5)
    st = Style(size=9.5, leading=15, indent=9.5, sb=2)
    for t in A["paras"]:
        p.text(split_sentences(t), st)
    p.y += 8
    p.sub(A["help_heading"], TEAL)
    gap = 8.0
    bw = (p.w - gap) / 2
    tst = Style(size=9.8, leading=13, bold=True, color=NAVY)
    dst = Style(size=8.8, leading=13)
    bh = max(text_height([d], bw - 12, dst) for _t, d in A["icons"]) + 46
    y0 = p.y
    for k, (title, desc) in enumerate(A["icons"]):
        r, c = divmod(k, 2)
        x = p.x + c * (bw + gap)
        y = y0 + r * (bh + gap)
        p.op(lambda P, x=x, y=y, k=k: (P.rect(x, y, bw, bh, stroke=TEAL, fill=MINT, width=1, radius=6),
                                       P.rect(x + 6, y + 6, 24, 24, stroke=None, fill=TEAL, radius=12),
                                       _glyph(P, k, x + 18, y + 18)))
        place_text(p.doc, p.pg, x + 34, y + 6 + (12 - tst.leading / 2 if sw(title, G, 9.8) < bw - 40 else 0),
                   bw - 38, [title], tst, heading=True, extra={"box": True})
        place_text(p.doc, p.pg, x + 6, y + 36, bw - 12, [desc], dst, extra={"box": True})
    p.y = y0 + 2 * bh + gap + 12
    p.check()
    _contact_box(p, A["owner_title"], None, A["owner"], ORANGE, Style(size=9.0, leading=13.6), fill=CREAM)
    p.y += 4
    p.sub(A["snj_title"], TEAL)
    for t in A["snj"]:
        p.text(split_sentences(t), Style(size=9.0, leading=13.8, indent=9.0, sb=2))


def _glyph(P, k: int, cx: float, cy: float):
    """Little white pictograms inside the icon circles (shapes only)."""
    if k == 0:    # magnifier
        P.rect(cx - 6, cy - 6, 9, 9, stroke=WHITE, fill=None, width=1.6, radius=4.5)
        P.line(cx + 2, cy + 2, cx + 6, cy + 6, 2, WHITE)
    elif k == 1:  # document
        P.rect(cx - 5, cy - 7, 10, 14, stroke=WHITE, fill=None, width=1.4)
        for d in (-3, 0, 3):
            P.line(cx - 3, cy + d, cx + 3, cy + d, 0.8, WHITE)
    elif k == 2:  # eye
        P.rect(cx - 7, cy - 4, 14, 8, stroke=WHITE, fill=None, width=1.4, radius=4)
        P.rect(cx - 2, cy - 2, 4, 4, stroke=None, fill=WHITE, radius=2)
    else:         # speech bubble
        P.rect(cx - 7, cy - 6, 14, 9, stroke=WHITE, fill=None, width=1.4, radius=3)
        P.poly([(cx - 3, cy + 3), (cx - 5, cy + 7), (cx + 1, cy + 3)], fill=WHITE)


def _flow(p: Panel):
    F = C.FLOW
    p.band(F["heading"], NAVY, 12.5)
    hst = Style(size=10.5, leading=15, bold=True, color=NAVY)
    dst = Style(size=9.0, leading=13.4)
    for k, (head, desc) in enumerate(F["steps"]):
        h = 8 + hst.leading + text_height([desc], p.w - 22, dst) + 6
        y = p.y
        p.op(lambda P, y=y, h=h: (P.rect(p.x, y, p.w, h, stroke=NAVY, fill=WHITE, width=1.1, radius=6),
                                  P.rect(p.x, y, 5, h, stroke=None, fill=ORANGE)))
        p.y += 5
        p.text([head], hst, dx=12, w=p.w - 20, heading=True)
        p.text(split_sentences(desc), dst, dx=12, w=p.w - 22)
        p.y = y + h
        if k < len(F["steps"]) - 1:
            cx, ay = p.x + p.w / 2, p.y + 2
            p.op(lambda P, cx=cx, ay=ay: P.poly([(cx - 10, ay), (cx + 10, ay), (cx, ay + 9)], fill=ORANGE))
            p.y += 13
    p.y += 3
    p.text([F["note"]], Style(size=8.8, leading=13, color=GRAY, align="right"), note=True)
    p.y += 6
    p.sub(F["cost_title"], ORANGE)
    cst = Style(size=9.0, leading=13.6, hang=9.0, sb=1)
    for t in F["costs"]:
        p.text(split_sentences(t), cst, dx=2, item=True)
    p.y += 8
    p.sub(F["aid_title"], ORANGE)
    for t in F["aids"]:
        p.text([t], Style(size=9.0, leading=13.6, hang=9.0), dx=2, item=True)
    p.text([F["aid_note"]], Style(size=8.4, leading=12.6, color=GRAY), dx=2, note=True)


def _list(p: Panel):
    L = C.LIST
    p.band(L["heading"], TEAL, 12.5)
    ts = TableSpec(**L["table"], size=7.8, leading=10.6, pad=3.0, header_fill=(0.85, 0.94, 0.93),
                   rule=(0.35, 0.45, 0.45),
                   caption_style=Style(size=8.8, leading=13, bold=True, color=DARK, sa=3, keep_next=True))
    caps, header, rows, _notes = table_parts(p.doc, ts, p.w)
    for b in caps + [header()] + rows:
        p.y += b.sb
        p.doc.place(p.pg, b, p.x, p.y)
        p.y += b.h
    p.check()
    p.y += 4
    nst = Style(size=8.2, leading=12, hang=8.2, color=GRAY)
    for t in L["notes"]:
        p.text(split_sentences(t), nst, note=True)
    p.y += 10
    p.sub(L["council_title"], NAVY)
    for t in L["council"]:
        p.text(split_sentences(t), Style(size=9.0, leading=13.8, indent=9.0, sb=2))
    p.y += 12
    _contact_box(p, L["bring_title"], None, L["bring"], TEAL, Style(size=8.8, leading=13, hang=8.8))
