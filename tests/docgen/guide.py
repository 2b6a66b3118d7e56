"""guide-booklet.pdf: A4 portrait, two-column 設立・運営ガイド."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_guide as C
from .engine import BLACK, Block, Doc, Flow, G, Style, baseline_of, place_text, sw
from .kit import box_block, render

NAVY = (0.08, 0.27, 0.45)
TEAL = (0.0, 0.45, 0.5)
LIGHT = (0.9, 0.95, 0.96)
GRAY = (0.4, 0.4, 0.4)

W, H = A4
X0, X1, TOP, BOTTOM = 46.0, W - 46.0, 76.0, H - 62.0

S = {
    "p": Style(size=10.2, leading=17.2, indent=10.2),
    "h2": Style(size=11.6, leading=17, bold=True, color=NAVY, sb=12, sa=5, keep_next=True, indent=7),
    "h3": Style(size=10.2, leading=16, bold=True, color=TEAL, sb=5, keep_next=True),
    "li": Style(size=10.0, leading=16.4, hang=10.0, sb=2),
    "note": Style(size=8.2, leading=12.6, hang=16.4, sb=3, sa=3, color=(0.25, 0.25, 0.25)),
    "box": Style(size=9.4, leading=15.2, indent=0),
    "box_title": Style(size=9.6, leading=14, bold=True),
    "box_kw": {"fill": (1.0, 0.97, 0.88), "border": (0.86, 0.52, 0.08)},
    "table_kw": {"size": 8.8, "leading": 12.8,
                 "caption_style": Style(size=9.4, leading=14, bold=True, sb=8, sa=2, keep_next=True)},
}


def _h2_deco(P, x, y, w, h):
    P.rect(x, y + 2, 3.2, h - 7, stroke=None, fill=NAVY)
    P.line(x, y + h - 4, x + w, y + h - 4, 0.5, (0.6, 0.7, 0.8))


S["h2_deco"] = _h2_deco


def build() -> Doc:
    doc = Doc("guide-booklet.pdf", A4, C.TITLE, "two-column booklet", meta_title=C.TITLE,
              author="みなと県 土木部 住宅課")
    T = doc.truth
    state = {"chapter": None, "n": 0}

    def decor(P, info, when):
        if when != "over" or info["printed"] is None:
            return
        P.text(X0, 44, info["header"], G, 7.8, GRAY)
        P.line(X0, 50, X1, 50, 0.5, (0.55, 0.62, 0.7))
        P.text(W / 2, H - 34, info["footer"], G, 9, BLACK, align="center")

    def body_page() -> int:
        state["n"] += 1
        n = state["n"]
        hdr = f"{C.RUN_TITLE}　｜　{state['chapter']}"
        return doc.new_page(printed=str(n), header=hdr, footer=f"- {n} -", decor=decor)

    # ---- cover
    pg = doc.new_page()
    doc.op(pg, lambda P: (P.rect(0, 0, W, 250, stroke=None, fill=NAVY),
                          P.rect(0, 250, W, 8, stroke=None, fill=TEAL),
                          P.rect(0, H - 120, W, 120, stroke=None, fill=LIGHT)))
    place_text(doc, pg, 60, 60, 400, [C.COVER["edition"]], Style(size=12, leading=18, color=(1, 1, 1)))
    y = 300
    # the title is one sentence printed on two lines
    sid = T.sentence(C.TITLE, heading=True)
    for k, ln in enumerate(C.COVER["title_lines"]):
        blk = Block(h=46, draw=lambda P, x, yy, ln=ln: P.text(x, yy + 36, ln, G, 32, NAVY, True), frags=[(sid, ln)])
        doc.place(pg, blk, 70, y + k * 52)
    place_text(doc, pg, 70, 420, 460, [C.COVER["subtitle"]], Style(size=14, leading=22, color=TEAL))
    yy = H - 100
    for pub in C.COVER["publishers"]:
        place_text(doc, pg, 0, yy, W - 70, [pub], Style(size=12.5, leading=22, align="right"))
        yy += 24

    # ---- table of contents
    toc = doc.new_page(is_toc=True)
    place_text(doc, toc, X0 + 10, 70, 300, ["目次"], Style(size=20, leading=28, bold=True, color=NAVY), heading=True)
    doc.op(toc, lambda P: P.line(X0 + 10, 102, X1 - 10, 102, 1.2, NAVY))
    entries = [(it[1] + "　" + it[2], 0) if it[0] == "chapter" else (it[1], 1)
               for it in C.BODY if it[0] in ("chapter", "h2")]
    y = 122
    xr = X1 - 20
    for text, lvl in entries:
        st = Style(size=12, leading=24, bold=True) if lvl == 0 else Style(size=10.4, leading=20)
        x = X0 + 20 + (22 if lvl else 0)
        if lvl == 0:
            y += 6
        sid = T.sentence(text, heading=True, toc=True)

        def draw(P, xx, yy, text=text, st=st):
            target = next(i for i, s in enumerate(T.sentences)
                          if s["text"] == text and s.get("heading") and not s.get("toc"))
            num = doc.pages[min(T.sentences[target]["pages"])].info["printed"]
            bl = baseline_of(yy, st)
            P.text(xx, bl, text, G, st.size, BLACK, st.bold)
            tw = sw(text, G, st.size) + 6
            nw = sw(num, G, st.size) + 6
            dot = sw("…", G, st.size * 0.8)
            n = int((xr - xx - tw - nw) / dot)
            P.text(xx + tw, bl, "…" * n, G, st.size * 0.8, GRAY)
            P.text(xr, bl, num, G, st.size, BLACK, False, "right")

        doc.place(toc, Block(h=st.leading, draw=draw, frags=[(sid, text)]), x, y)
        y += st.leading
    bx = box_block(T, C.HOWTO_TITLE, C.HOWTO, X1 - X0 - 40, Style(size=9.6, leading=16, indent=9.6),
                   Style(size=10, leading=15, bold=True), fill=LIGHT, border=TEAL)
    doc.place(toc, bx, X0 + 20, H - 70 - bx.h)

    # ---- body
    flow = Flow(doc, (X0, TOP, X1, BOTTOM), body_page, ncols=2, gutter=20, col_rule=(0.8, 0.8, 0.8))

    def chapter(fl: Flow, label: str, title: str):
        fl.page_break()
        state["chapter"] = f"{label}　{title}"
        fl.set_columns(1)
        text = f"{label}　{title}"
        sid = T.sentence(text, heading=True)

        def draw(P, x, y):
            P.rect(x, y, X1 - X0, 44, stroke=None, fill=NAVY, radius=3)
            P.rect(x + 8, y + 8, 70, 28, stroke=None, fill=(1, 1, 1), radius=3)
            P.text(x + 43, y + 28, label, G, 15, NAVY, True, "center")
            P.text(x + 92, y + 29, title, G, 18, (1, 1, 1), True)

        fl.add(Block(h=56, draw=draw, frags=[(sid, label), (sid, title)]))
        fl.set_columns(2, gap=4)

    render(flow, C.BODY, S, hooks={"chapter": chapter})
    flow.finish()
    return doc
