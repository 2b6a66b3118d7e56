"""hayase-nenpou.pdf: はやせ県居住支援協議会 令和6年度 年報, A4 portrait with LANDSCAPE annex pages (fictional はやせ県).

Layout traps: page 1 has no running header: the council's name, the big title 「令和6年度 年報」, the period and the issue
line, a thick rule and a framed 「概要」 box (five ・ key figures), then the body starts on the same page; headings at
four levels: roman 「Ⅰ　協議会の概要」 (bar + rule), 「1　…」, 「（1）…」 and ア / イ / ① list items with hanging indents;
body prose in Mincho with FOOTNOTE MARKERS printed as small raised 「注1」…「注6」 inside the line (the marker is part of
the sentence's text; pdfplumber reads it in the line, e.g. 「…住宅確保要配慮者注1の…」), and the notes 注n in smaller
grey type at the foot of the page where the marker lands, under a short rule, above the footer (flags `note`,
`footnote`; registered after the page's body text); four ruled tables in the body (表1 会員 with 令和5年度末 / 令和6年度末
and 増減, 表2 会議 with wrapped 議題 cells, 表3 相談者の属性 with 構成比 and a ※ note, 表4 two 助成 menus); a contact line
under a rule at the end of the body; running header (the report's name, right-aligned over a rule) from page 2; the
footer is 「～ n ～」 centred on every page.  The 資料編 is printed on LANDSCAPE pages inside the portrait document:
page 7 has a landscape MediaBox (842 × 595, as a Word landscape section) and holds 資料1, a 12-column table by
municipality (21 municipalities + 県外・不明 + 合計) with a TWO-LEVEL header (「相談件数」 merged over 令和2年度 …
令和6年度 and 増減（R6－R5）; the other header cells span both rows; truth header flattened as 「相談件数 令和2年度」 …),
「△2」 for a decrease, ※1–※3 notes; page 8 is a PORTRAIT MediaBox with /Rotate 90 whose content is drawn sideways
(so it displays as landscape; truth: `rotate` 90) and holds 資料2 (収支の推移, five fiscal-year columns 令和4年度決算 …
令和7年度予算, 区分 printed only on the first row of its group) and, to its RIGHT, 資料3 (出張相談会 by town, 合計 row), so
pdfplumber reads across the two tables; the annex pages carry the header 「資料編」 (top left of the landscape view) and
the footer 「～ n ～」 at the bottom of the landscape view.  Truth pages carry `orientation` (portrait / landscape)
and `rotate` (0 / 90).  No /Title.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from . import content_hayase_nenpou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Painter,
    Style,
    TableSpec,
    _Info,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    table_parts,
    wrap,
)
from .kit import box_block, decorate

W, H = A4
X0, X1 = 60.0, W - 60.0
TW = X1 - X0
TOP = 76.0
BOTTOM = H - 64.0
NAVY = (0.1, 0.2, 0.42)
TEAL = (0.05, 0.45, 0.55)
PALE = (0.9, 0.95, 0.97)
GRAY = (0.38, 0.38, 0.38)
LINE = (0.65, 0.65, 0.65)
WHITE = (1, 1, 1)

BODY = Style(font=M, size=10.0, leading=17.6, indent=10.0, sa=3)
LIST = Style(font=M, size=10.0, leading=17.2, indent=10.0, hang=30.0, sa=1)
ROMAN = Style(size=13.5, leading=24, bold=True, color=NAVY, sb=16, sa=6, indent=10.0)
H1 = Style(size=11.2, leading=19, bold=True, sb=9, sa=2)
H2 = Style(size=10.4, leading=18, bold=True, sb=4)
FOOT = Style(size=7.8, leading=11.6, color=GRAY, hang=20.5)  # width of 「注1　」
MARK = re.compile(r"注(\d)")
SUP = 0.6     # marker size relative to the text
RAISE = 0.35  # marker baseline raised by this fraction of the text size

LW, LH = H, W  # landscape display size


class NenpouDoc(Doc):
    """A Doc whose pages may be landscape (swapped MediaBox) or portrait with /Rotate 90 (content drawn sideways)."""

    def save(self, outdir: Path) -> dict:
        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        path = outdir / self.file
        c = rl_canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1, pageCompression=1)
        info = _Info()
        info.title = self.meta_title or None
        info.author = self.author
        info.producer = "ReportLab PDF Library"
        c._doc.info = info
        for pg in self.pages:
            land = pg.info["orientation"] == "landscape"
            rot = pg.info["rotate"]
            # reportlab's pagesize is the DISPLAY size: with /Rotate 90 it writes the swapped (portrait) MediaBox
            c.setPageSize((self.H, self.W) if land else (self.W, self.H))
            c.setPageRotation(rot)
            if rot == 90:
                c.saveState()
                c.transform(0, 1, -1, 0, self.W, 0)  # landscape drawing coordinates onto the portrait MediaBox
            P = Painter(c, self.W if land else self.H)
            if pg.decor:
                pg.decor(P, pg.info, "under")
            for fn in pg.ops:
                fn(P)
            if pg.decor:
                pg.decor(P, pg.info, "over")
            if rot == 90:
                c.restoreState()
            c.showPage()
        c.save()
        data = self.truth.as_json()
        (outdir / (self.file[:-4] + ".truth.json")).write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return data


def _marked_blocks(T, sentences: list[str], width: float, st: Style, extra: dict | None = None) -> list[Block]:
    """Like line_blocks, but 「注n」 markers are drawn small and raised inside the line."""
    units = []
    for s in sentences:
        sid = T.sentence(s, **(extra or {}))
        units.extend((ch, sid) for ch in s)
    lines = wrap(units, width, st)
    blocks: list[Block] = []
    for i, ln in enumerate(lines):
        text = "".join(u[0] for u in ln)
        if text.endswith("注") and i + 1 < len(lines) and lines[i + 1][0][0].isdigit():
            raise AssertionError(f"hayase-nenpou: footnote marker split over two lines: {text}")
        ind = st.indent if i == 0 else st.hang

        def draw(P, x, y, text=text, ind=ind):
            bl = baseline_of(y, st)
            xx = x + ind
            for k, seg in enumerate(MARK.split(text)):
                if k % 2:  # a marker number
                    mark = "注" + seg
                    P.text(xx, bl - st.size * RAISE, mark, st.font, st.size * SUP, st.color)
                    xx += sw(mark, st.font, st.size * SUP)
                elif seg:
                    P.text(xx, bl, seg, st.font, st.size, st.color, st.bold)
                    xx += sw(seg, st.font, st.size)

        last = i == len(lines) - 1
        blocks.append(Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=frags_of(ln),
                            sb=st.sb if i == 0 else 0.0))
    return blocks


def _reading_order(T) -> None:
    """Footnotes are registered when their page is closed; put every sentence back in page order with each page's
    footnotes after its body text."""
    idx = sorted(range(len(T.sentences)),
                 key=lambda i: (min(T.sentences[i]["pages"]), bool(T.sentences[i].get("footnote")), i))
    new_of = {old: new for new, old in enumerate(idx)}
    T.sentences = [T.sentences[i] for i in idx]
    T.frags = [(new_of[sid], p, t) for sid, p, t in T.frags]
    T.frag_x = [(new_of[sid], p, t, x) for sid, p, t, x in T.frag_x]


def _two_level_header(spec: dict, colw: list[float], ts: TableSpec, tid: int) -> Block:
    label, c0, c1 = spec["group"]
    st = Style(size=ts.size, leading=ts.leading, bold=True)
    pad = ts.pad

    def lines_of(text, w):
        return ["".join(u[0] for u in ln) for ln in wrap([(ch, -1) for ch in text], w - 2 * pad, st, hang_punct=False)]

    h1 = ts.leading + 2 * pad
    subs = {c0 + k: lines_of(t, colw[c0 + k]) for k, t in enumerate(spec["sub"])}
    h2 = max(len(v) for v in subs.values()) * ts.leading + 2 * pad
    singles = {j: lines_of(t, colw[j]) for j, t in enumerate(spec["single"]) if t}
    h = h1 + h2
    xs = [0.0]
    for w_ in colw:
        xs.append(xs[-1] + w_)

    def draw(P, x, y):
        total = xs[-1]
        P.rect(x, y, total, h, stroke=None, fill=ts.header_fill)
        P.line(x, y, x + total, y, 0.6, ts.rule)
        P.line(x, y + h, x + total, y + h, 0.6, ts.rule)
        P.line(x + xs[c0], y + h1, x + xs[c1 + 1], y + h1, 0.6, ts.rule)
        for j, xv in enumerate(xs):
            inside = c0 < j <= c1
            P.line(x + xv, y + (h1 if inside else 0.0), x + xv, y + h, 0.6, ts.rule)
        cx = x + (xs[c0] + xs[c1 + 1]) / 2
        P.text(cx, baseline_of(y + pad, st), label, G, ts.size, BLACK, True, "center")
        for j, lines in subs.items():
            top = y + h1 + (h2 - len(lines) * ts.leading) / 2
            for k, t in enumerate(lines):
                P.text(x + (xs[j] + xs[j + 1]) / 2, baseline_of(top + k * ts.leading, st), t, G, ts.size, BLACK,
                       True, "center")
        for j, lines in singles.items():
            top = y + (h - len(lines) * ts.leading) / 2
            for k, t in enumerate(lines):
                P.text(x + (xs[j] + xs[j + 1]) / 2, baseline_of(top + k * ts.leading, st), t, G, ts.size, BLACK,
                       True, "center")

    return Block(h=h, draw=draw, table=tid)


def build() -> Doc:
    doc = NenpouDoc("hayase-nenpou.pdf", A4, C.TITLE,
                    "A4 portrait annual report: 概要 box, roman headings, footnote markers with notes at the page foot, "
                    "numeric tables; 資料編 on landscape pages (one swapped MediaBox, one /Rotate 90)",
                    meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        land = info["orientation"] == "landscape"
        pw, ph = (LW, LH) if land else (W, H)
        if info["header"]:
            if land:
                P.rect(40, 24, 58, 19, stroke=None, fill=NAVY, radius=2)
                P.text(69, 38, info["header"], G, 10, WHITE, True, "center")
                P.line(40, 46, pw - 40, 46, 0.8, NAVY)
            else:
                P.text(X1, 44, info["header"], G, 8.4, GRAY, align="right")
                P.line(X0, 50, X1, 50, 0.5, LINE)
        P.text(pw / 2, ph - (24 if land else 36), info["footer"], G, 9.6, BLACK, align="center")

    def new_page(n: int, header: str | None, orientation: str = "portrait", rotate: int = 0) -> int:
        pg = doc.new_page(printed=str(n), header=header, footer=f"～ {n} ～", decor=decor)
        doc.pages[pg].info["orientation"] = orientation
        doc.pages[pg].info["rotate"] = rotate
        return pg

    # ------------------------------------------------------------ page 1: title block and 概要 box
    p1 = new_page(1, None)
    y = 56.0
    y += place_text(doc, p1, X0, y, TW, [C.COVER["org"]], Style(size=12, leading=20, color=NAVY, align="center"),
                    heading=True)
    y += place_text(doc, p1, X0, y + 2, TW, [C.COVER["title"]], Style(size=26, leading=40, bold=True, align="center"),
                    heading=True) + 2
    y += place_text(doc, p1, X0, y, TW, [C.COVER["period"]], Style(size=10.5, leading=18, align="center"))
    y += place_text(doc, p1, X0, y, TW, [C.COVER["issued"]], Style(size=9, leading=16, color=GRAY, align="center"))
    rule_y = y + 8
    doc.op(p1, lambda P: (P.rect(X0, rule_y, TW, 3, stroke=None, fill=NAVY),
                          P.line(X0, rule_y + 6, X1, rule_y + 6, 0.6, TEAL)))
    box = box_block(T, C.GAIYOU_TITLE, C.GAIYOU, TW, Style(size=9.6, leading=16, hang=sw("・", G, 9.6)),
                    Style(size=10.5, leading=17, bold=True), fill=PALE, border=TEAL, pad=10,
                    bullet_hang=sw("・", G, 9.6))
    box_y = rule_y + 20
    doc.place(p1, box, X0, box_y)

    # ------------------------------------------------------------ body pages with footnotes
    state = {"page": p1, "y": box_y + box.h + 6, "feet": [], "n": 1}

    def foot_h(feet) -> float:
        if not feet:
            return 0.0
        return 14 + sum(len(wrap([(ch, -1) for ch in C.FOOTNOTES[k]], TW, FOOT)) * FOOT.leading for k in feet)

    def close():
        pg = state["page"]
        if pg is None:
            return
        feet = state["feet"]
        if feet:
            fy = BOTTOM - foot_h(feet) + 14
            doc.op(pg, lambda P, fy=fy: P.line(X0, fy - 6, X0 + 130, fy - 6, 0.6, GRAY))
            for k in feet:
                fy += place_text(doc, pg, X0, fy, TW, split_sentences(C.FOOTNOTES[k]), FOOT,
                                 extra={"note": True, "footnote": True})
        state["page"] = None

    def start():
        close()
        state["n"] += 1
        state["page"] = new_page(state["n"], C.RUN_HEADER)
        state["y"] = TOP
        state["feet"] = []

    def fits(h, new_feet=()) -> bool:
        feet = state["feet"] + [k for k in new_feet if k not in state["feet"]]
        return state["y"] + h <= BOTTOM - foot_h(feet) - 8 + 0.01

    def put(b: Block, new_feet=()):
        if state["page"] is None:
            start()
        sb = b.sb if state["y"] > TOP + 0.1 else 0.0
        if not fits(sb + b.h, new_feet):
            start()
            sb = 0.0
        doc.place(state["page"], b, X0, state["y"] + sb)
        state["y"] += sb + b.h
        state["feet"].extend(k for k in new_feet if k not in state["feet"])

    def put_group(blocks: list[Block], extra: float = 0.0):
        if state["page"] is None:
            start()
        need = sum(b.h + b.sb for b in blocks) + extra
        if not fits(need):
            start()
        for b in blocks:
            put(b)

    def marked(blocks: list[Block]):
        for b in blocks:
            text = "".join(t for _, t in b.frags)
            put(b, [int(m) for m in MARK.findall(text)])

    def roman_deco(P, x, y, w, h):
        h -= ROMAN.sa
        P.rect(x, y + 3, 5, h - 6, stroke=None, fill=NAVY)
        P.line(x, y + h + 1, x + w, y + h + 1, 1.2, NAVY)

    def tspec(spec: dict) -> TableSpec:
        return TableSpec(**{"size": 8.8, "leading": 12.8, "pad": 3.6, "header_fill": (0.86, 0.91, 0.95),
                            "caption_style": Style(size=9.6, leading=16, bold=True, sb=8, sa=2),
                            "note_style": Style(size=8.0, leading=12, hang=8.0, sb=2, color=GRAY), **spec})

    for it in C.BODY:
        kind = it[0]
        if kind == "roman":
            bl = line_blocks(T, [f"{it[1]}　{it[2]}"], TW, ROMAN, heading=True)
            decorate(bl, roman_deco, TW)
            put_group(bl, extra=70)
        elif kind == "h1":
            put_group(line_blocks(T, [it[1]], TW, H1, heading=True), extra=40)
        elif kind == "h2":
            put_group(line_blocks(T, [it[1]], TW, H2, heading=True), extra=36)
        elif kind == "p":
            text = it[1].replace("{", "").replace("}", "")
            marked(_marked_blocks(T, split_sentences(text), TW, BODY))
        elif kind == "list":
            for t in it[1]:
                t = t.replace("{", "").replace("}", "")
                hang = LIST.hang if t[1] == "　" else LIST.indent + 10.0
                marked(_marked_blocks(T, split_sentences(t), TW, LIST.but(hang=hang), extra={"item": True}))
        elif kind == "table":
            spec = {k: v for k, v in it[1].items()}
            caps, header, rows, notes = table_parts(doc, tspec(spec), TW)
            blocks = caps + [header()] + rows + notes
            blocks[-1].h += 4
            put_group(blocks)
        elif kind == "contact":
            st = Style(size=8.8, leading=14, hang=sw("問い合わせ先　", G, 8.8))
            bl = line_blocks(T, [it[1]], TW, st)
            decorate(bl, lambda P, x, y, w, h: P.line(x, y - 3, x + w, y - 3, 0.6, GRAY), TW)
            bl[0].sb = 14
            put_group(bl)
        else:
            raise KeyError(kind)
    close()

    # ------------------------------------------------------------ 資料編: landscape pages
    n = state["n"]
    LX0 = 40.0
    LTW = LW - 2 * LX0

    # page A: landscape MediaBox, 資料1 with a two-level header
    pa = new_page(n + 1, C.ANNEX_HEADER, "landscape", 0)
    a1 = C.ANNEX1
    ts = TableSpec(caption=a1["caption"], unit=a1["unit"], header=a1["header"], rows=a1["rows"], widths=a1["widths"],
                   align=a1["align"], size=8.2, leading=11.0, pad=2.4, header_fill=(0.86, 0.91, 0.95),
                   caption_style=Style(size=10, leading=17, bold=True, sa=3),
                   notes=a1["notes"], note_style=Style(size=7.8, leading=11.5, hang=sw("※1　", G, 7.8), sb=2,
                                                       color=GRAY))
    caps, _header, rows, notes = table_parts(doc, ts, LTW)
    tot = sum(a1["widths"])
    colw = [w_ * LTW / tot for w_ in a1["widths"]]
    hdr = _two_level_header(a1, colw, ts, len(T.tables) - 1)
    y = 60.0
    for b in caps + [hdr] + rows + notes:
        y += b.sb
        doc.place(pa, b, LX0, y)
        y += b.h
    if y > LH - 40:
        raise AssertionError(f"hayase-nenpou: 資料1 overflows the landscape page ({y:.0f})")
    # shade the two summary rows
    sum_y0 = y - sum(b.h + b.sb for b in notes) - rows[-1].h - rows[-2].h
    doc.pages[pa].ops.insert(0, lambda P, yy=sum_y0, hh=rows[-1].h + rows[-2].h:
                             P.rect(LX0, yy, LTW, hh, stroke=None, fill=(0.95, 0.95, 0.93)))

    # page B: portrait MediaBox with /Rotate 90; 資料2 left, 資料3 right
    pb = new_page(n + 2, C.ANNEX_HEADER, "landscape", 90)
    gap = 30.0
    w2 = LTW * 0.64
    w3 = LTW - w2 - gap
    for spec, x, w_ in ((C.ANNEX2, LX0, w2), (C.ANNEX3, LX0 + w2 + gap, w3)):
        ts = TableSpec(caption=spec["caption"], unit=spec["unit"], header=spec["header"], rows=spec["rows"],
                       widths=spec["widths"], align=spec["align"], size=8.6, leading=12.4, pad=3.2,
                       header_fill=(0.86, 0.91, 0.95), caption_style=Style(size=10, leading=17, bold=True, sa=3),
                       notes=spec["notes"], note_style=Style(size=7.8, leading=11.5, hang=7.8, sb=2, color=GRAY))
        caps, header, rows, notes = table_parts(doc, ts, w_)
        y = 60.0
        for b in caps + [header()] + rows + notes:
            y += b.sb
            doc.place(pb, b, x, y)
            y += b.h
        if y > LH - 40:
            raise AssertionError(f"hayase-nenpou: {spec['caption']} overflows ({y:.0f})")

    _reading_order(T)
    printed = [s["text"][:2] for s in T.sentences if s.get("footnote") and MARK.match(s["text"])]
    if sorted(printed) != [f"注{k}" for k in sorted(C.FOOTNOTES)]:
        raise AssertionError(f"hayase-nenpou: footnotes {printed}")
    if len(doc.pages) not in (7, 8, 9):
        raise AssertionError(f"hayase-nenpou: {len(doc.pages)} pages")
    return doc
