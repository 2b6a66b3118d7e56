"""shiosai-sanetsu.pdf: a tri-fold leaflet (三つ折りリーフレット), A4 landscape, 2 pages (fictional しおさい県).

Layout traps: three panels of EQUAL width per page side by side with narrow gutters (the texts of
neighbouring panels are 20 pt apart) and no rules between them, so pdfplumber reads across the panels line
by line and wrapped sentences come out only in pieces; reading order in the truth is panel by panel, left
panel first: the outside page reads flap (figures, ● breakdown, a boxed callout) → back (four contact
boxes with phone numbers and hours) → COVER (the title is in the RIGHT panel of page 1); the inside page
reads left → right (協議会とは / 県の支援メニュー with a small ruled table, ※ notes and a boxed callout /
設立までの流れ as four boxes joined by arrows, ・ cases and a Q/A); coloured heading bands; a round badge whose
text is drawn over three lines; no page or panel numbers (labels null), no running header or footer,
no /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape

from . import content_shiosai_sanetsu as C
from .engine import Block, Doc, G, Style, TableSpec, place_text, split_sentences, table_parts, text_height

W, H = landscape(A4)
PW = W / 3
M_IN = 10.0            # inner margin of a panel: the texts of neighbouring panels are 20 pt apart
TOP, BOTTOM = 26.0, H - 20.0
SEA = (0.05, 0.36, 0.58)
DEEP = (0.06, 0.2, 0.36)
CORAL = (0.88, 0.4, 0.3)
SAND = (1.0, 0.96, 0.9)
FOAM = (0.9, 0.96, 0.99)
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
            raise AssertionError(f"shiosai-sanetsu p{self.pg}: panel at x={self.x:.0f} overflows ({self.y:.0f})")

    def text(self, sentences, st: Style, dx: float = 0.0, w: float | None = None, heading=False, **extra) -> float:
        used = place_text(self.doc, self.pg, self.x + dx, self.y, w if w is not None else self.w - dx,
                          sentences, st, heading=heading, extra=extra or None)
        self.y += used
        self.check()
        return used

    def band(self, title: str, color, size: float = 12.5):
        h = size + 11
        y = self.y
        self.op(lambda P, y=y: (P.rect(self.x, y, self.w, h, stroke=None, fill=color, radius=3),
                                P.rect(self.x + 7, y + 5, 3, h - 10, stroke=None, fill=WHITE)))
        place_text(self.doc, self.pg, self.x + 17, y + 5, self.w - 22, [title],
                   Style(size=size, leading=size + 2, bold=True, color=WHITE), heading=True)
        self.y += h + 7
        self.check()

    def sub(self, title: str, color):
        y = self.y
        st = Style(size=10.3, leading=16, bold=True, color=color)
        self.op(lambda P, y=y: (P.rect(self.x, y + 3, 9, 9, stroke=None, fill=color, radius=2),
                                P.line(self.x, y + 17, self.x + self.w, y + 17, 0.8, color)))
        place_text(self.doc, self.pg, self.x + 13, y, self.w - 15, [title], st, heading=True)
        self.y += 22
        self.check()

    def callout(self, title: str | None, paras: list[str], color, fill, st: Style, tst: Style | None = None,
                pad: float = 8.0, **extra):
        """A framed callout; the title (if any) in bold on the first line inside the frame."""
        inner = self.w - 2 * pad
        h = 2 * pad
        if title:
            h += text_height([title], inner, tst) + 2
        h += sum(text_height(split_sentences(t), inner, st) for t in paras)
        y = self.y
        self.op(lambda P, y=y: P.rect(self.x, y, self.w, h, stroke=color, fill=fill, width=1.2, radius=6))
        self.y += pad
        if title:
            self.text([title], tst, dx=pad, w=inner, heading=True, box=True)
            self.y += 2
        for t in paras:
            self.text(split_sentences(t), st, dx=pad, w=inner, box=True, **extra)
        self.y = y + h
        self.check()


def build() -> Doc:
    doc = Doc("shiosai-sanetsu.pdf", (W, H), C.TITLE, "A4 landscape tri-fold leaflet, three equal panels per page",
              meta_title=None)

    def decor(P, info, when):
        if when != "under":
            return
        if info["index"] == 0:  # cover panel background and a wave strip at its foot
            P.rect(2 * PW, 0, PW, H, stroke=None, fill=FOAM)
            P.rect(2 * PW, H - 64, PW, 64, stroke=None, fill=SEA)
            P.rect(2 * PW, H - 70, PW, 6, stroke=None, fill=(0.45, 0.72, 0.86))
        else:
            P.rect(0, 0, W, 7, stroke=None, fill=SEA)
            P.rect(0, H - 7, W, 7, stroke=None, fill=SEA)

    pg = doc.new_page(decor=decor)
    _flap(Panel(doc, pg, 0))
    _back(Panel(doc, pg, 1))
    _cover(Panel(doc, pg, 2))
    pg = doc.new_page(decor=decor)
    _about(Panel(doc, pg, 0, top=TOP + 2))
    _menu(Panel(doc, pg, 1, top=TOP + 2))
    _steps(Panel(doc, pg, 2, top=TOP + 2))
    return doc


# ------------------------------------------------------------------ outside
def _flap(p: Panel):
    F = C.FLAP
    p.band(F["heading"], SEA, 12.0)
    st = Style(size=9.5, leading=15, indent=9.5, sb=3)
    for t in F["paras"]:
        p.text(split_sentences(t), st)
    p.y += 8
    p.sub(F["breakdown_title"], SEA)
    ist = Style(size=9.6, leading=15.5)
    for t in F["breakdown"]:
        p.text([t], ist, dx=6, item=True)
    p.y += 6
    p.text(split_sentences(F["after"]), st)
    p.y += 12
    p.callout(F["call_title"], F["call"], CORAL, SAND, Style(size=9.4, leading=14.6, indent=9.4, sb=2),
              Style(size=10.5, leading=15, bold=True, color=CORAL), pad=10)
    p.y += 12
    p.sub(F["center_title"], SEA)
    p.text(split_sentences(F["center"]), st)


def _back(p: Panel):
    B = C.BACK
    p.band(B["heading"], DEEP, 12.5)
    p.text([B["lead"]], Style(size=9.4, leading=14.5))
    p.y += 6
    tst = Style(size=9.4, leading=13, bold=True, color=WHITE)
    lst = Style(size=9.0, leading=13.2, hang=9.0)
    for k, (title, lines) in enumerate(B["desks"]):
        color = CORAL if k == 3 else SEA
        th = text_height([title], p.w - 16, tst) + 6
        body_h = sum(text_height(split_sentences(t), p.w - 16, lst) for t in lines)
        h = th + body_h + 10
        y = p.y
        p.op(lambda P, y=y, h=h, th=th, color=color: (
            P.rect(p.x, y, p.w, h, stroke=color, fill=WHITE, width=1.1, radius=4),
            P.rect(p.x, y, p.w, th, stroke=None, fill=color, radius=4)))
        p.y += 3
        p.text([title], tst, dx=8, w=p.w - 16, heading=True, box=True)
        p.y += 5
        for t in lines:
            bold = t.startswith(("電話", "フリーダイヤル"))
            p.text(split_sentences(t), lst.but(bold=bold, size=10.0 if bold else lst.size), dx=8, w=p.w - 16,
                   box=True, contact=True)
        p.y = y + h + 7
        p.check()
    p.text([B["note"]], Style(size=8.4, leading=12.5, color=GRAY), note=True)
    p.y += 10
    for t in B["issuer"]:
        p.text([t], Style(size=8.6, leading=13, color=GRAY))


def _cover(p: Panel):
    K = C.COVER
    T = p.doc.truth
    p.y += 12
    p.text([K["org"]], Style(size=10, leading=14, color=SEA, bold=True, align="center"))
    p.y += 30
    sid = T.sentence("".join(K["title_lines"]), heading=True)
    for k, ln in enumerate(K["title_lines"]):
        p.doc.place(p.pg, Block(h=34, draw=lambda P, x, y, ln=ln: P.text(x + p.w / 2, y + 27, ln, G, 22, DEEP,
                                                                         True, "center"),
                                frags=[(sid, ln)]), p.x, p.y + k * 34)
    p.y += 3 * 34 + 10
    y = p.y
    p.op(lambda P, y=y: (P.line(p.x + 24, y, p.x + p.w - 24, y, 1, CORAL),
                         P.line(p.x + 24, y + 28, p.x + p.w - 24, y + 28, 1, CORAL)))
    p.y += 4
    p.text([K["subtitle"]], Style(size=14, leading=20, bold=True, color=CORAL, align="center"), heading=True)
    p.y += 8
    p.text([K["edition"]], Style(size=10.5, leading=15, color=DEEP, align="center"))
    p.y += 10
    # round badge whose text is one sentence drawn over three lines
    r = 34.0
    cx, cy = p.x + p.w - r - 6, p.y + r
    bsid = T.sentence("".join(K["badge"]), box=True)
    p.op(lambda P: P.rect(cx - r, cy - r, 2 * r, 2 * r, stroke=None, fill=CORAL, radius=r))
    for k, ln in enumerate(K["badge"]):
        p.doc.place(p.pg, Block(h=14, draw=lambda P, x, y, ln=ln: P.text(x, y + 11, ln, G, 10.5, WHITE, True,
                                                                         "center"),
                                frags=[(bsid, ln)]), cx, cy - 22 + k * 14)
    # waves beside the badge (shapes only)
    for k in range(3):
        yy = p.y + 18 + k * 14
        p.op(lambda P, yy=yy: P.line(p.x + 14, yy, p.x + p.w - 2 * r - 30, yy, 2.2, (0.45, 0.72, 0.86)))
    p.y += 2 * r + 14
    p.text(split_sentences(K["lead"]), Style(size=9.6, leading=16, indent=9.6), dx=4, w=p.w - 8)
    p.y += 10
    cst = Style(size=9.4, leading=14.5, bold=True, color=DEEP, sb=2)
    h = sum(text_height([t], p.w - 28, cst) for t in K["facts"]) + 12
    y = p.y
    p.op(lambda P, y=y: P.rect(p.x + 4, y, p.w - 8, h, stroke=DEEP, fill=WHITE, width=1, radius=4))
    p.y += 5
    for t in K["facts"]:
        p.text([t], cst, dx=14, w=p.w - 28, box=True)
    p.y = H - 64 + 22
    p.text([K["by"]], Style(size=14, leading=20, bold=True, color=WHITE, align="center"))


# ------------------------------------------------------------------ inside
def _about(p: Panel):
    A = C.ABOUT
    p.band(A["heading"], SEA, 12.5)
    st = Style(size=9.4, leading=14.8, indent=9.4, sb=2)
    for t in A["paras"]:
        p.text(split_sentences(t), st)
    p.y += 8
    p.sub(A["can_title"], SEA)
    ist = Style(size=9.4, leading=14.6, hang=9.4, sb=1)
    for t in A["can"]:
        p.text([t], ist, dx=4, item=True)
    p.y += 10
    p.sub(A["houjin_title"], SEA)
    for t in A["houjin"]:
        p.text(split_sentences(t), st)
    p.y += 10
    p.sub(A["who_title"], SEA)
    p.text(split_sentences(A["who"]), st)
    p.y += 10
    p.callout(A["voice_title"], [A["voice"]], SEA, FOAM, Style(size=9.2, leading=14.2),
              Style(size=9.8, leading=14, bold=True, color=SEA))


def _menu(p: Panel):
    M_ = C.MENU
    p.band(M_["heading"], DEEP, 12.5)
    p.text([M_["lead"]], Style(size=9.4, leading=14.6, indent=9.4))
    p.y += 4
    ts = TableSpec(**M_["table"], size=9.0, leading=12.5, pad=3.6, header_fill=(0.85, 0.92, 0.97),
                   rule=(0.3, 0.38, 0.45),
                   caption_style=Style(size=9.6, leading=14, bold=True, color=DEEP, sa=3, keep_next=True))
    caps, header, rows, _notes = table_parts(p.doc, ts, p.w)
    for b in caps + [header()] + rows:
        p.y += b.sb
        p.doc.place(p.pg, b, p.x, p.y)
        p.y += b.h
    p.check()
    p.y += 3
    nst = Style(size=8.2, leading=12, hang=8.2, color=GRAY, sb=1)
    for t in M_["notes"]:
        p.text(split_sentences(t), nst, note=True)
    p.y += 8
    p.callout(M_["box_title"], M_["box"], CORAL, SAND, Style(size=9.2, leading=14, hang=9.2, sb=1),
              Style(size=10.2, leading=14.5, bold=True, color=CORAL))
    p.y += 8
    p.sub(M_["other_title"], DEEP)
    for t in M_["other"]:
        p.text([t], Style(size=9.2, leading=14.2, hang=9.2), dx=2, item=True)
    p.y += 8
    p.sub(M_["apply_title"], DEEP)
    for t in M_["apply"]:
        p.text([t], Style(size=9.4, leading=14.4, bold=True), dx=6)
    p.y += 4
    p.text(split_sentences(M_["consult"]), Style(size=9.0, leading=13.8, indent=9.0))
    p.y += 4
    p.text(split_sentences(M_["budget"]), Style(size=9.2, leading=14.2, indent=9.2))


def _steps(p: Panel):
    S = C.STEPS
    p.band(S["heading"], SEA, 12.5)
    hst = Style(size=10.0, leading=14.5, bold=True, color=DEEP)
    dst = Style(size=8.9, leading=13.0)
    for k, (num, head, desc) in enumerate(S["steps"]):
        h = 6 + hst.leading + text_height([desc], p.w - 36, dst) + 6
        y = p.y
        p.op(lambda P, y=y, h=h, num=num: (
            P.rect(p.x, y, p.w, h, stroke=SEA, fill=WHITE, width=1.0, radius=5),
            P.rect(p.x, y, 24, h, stroke=None, fill=SEA, radius=5),
            P.text(p.x + 12, y + h / 2 + 4.5, num, G, 12, WHITE, True, "center")))
        p.y += 6
        p.text([head], hst, dx=32, w=p.w - 36, heading=True)
        p.text(split_sentences(desc), dst, dx=32, w=p.w - 36)
        p.y = y + h
        if k < len(S["steps"]) - 1:
            cx, ay = p.x + p.w / 2, p.y + 2
            p.op(lambda P, cx=cx, ay=ay: P.poly([(cx - 9, ay), (cx + 9, ay), (cx, ay + 8)], fill=CORAL))
            p.y += 12
    p.y += 8
    p.text(split_sentences(S["period"]), Style(size=9.2, leading=14.2, indent=9.2))
    p.y += 8
    p.sub(S["cases_title"], SEA)
    for t in S["cases"]:
        p.text(split_sentences(t), Style(size=9.0, leading=13.8, hang=9.0, sb=2), dx=2, item=True)
    p.y += 10
    qst = Style(size=9.6, leading=14, bold=True, color=CORAL)
    ast = Style(size=9.0, leading=13.6)
    y = p.y
    p.op(lambda P, y=y: (P.rect(p.x, y + 1, 14, 14, stroke=None, fill=CORAL, radius=7),
                         P.text(p.x + 7, y + 12, "Q", G, 9, WHITE, True, "center")))
    p.text([S["qa_q"]], qst, dx=19, q=True)
    p.y += 2
    y = p.y
    p.op(lambda P, y=y: (P.rect(p.x, y + 1, 14, 14, stroke=SEA, fill=WHITE, radius=7, width=1),
                         P.text(p.x + 7, y + 12, "A", G, 9, SEA, True, "center")))
    p.text(split_sentences(S["qa_a"]), ast, dx=19, a=True)
