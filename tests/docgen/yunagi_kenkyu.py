"""yunagi-kenkyu.pdf: chapter 3 of an ACADEMIC-STYLE research report, A4 portrait (fictional ゆうなぎ県).

「市町村居住支援体制の構築に関する調査研究報告書」 of the ゆうなぎ県地域政策研究所, printed as an excerpt: only
「第3章　市町村における居住支援体制の現状と課題」, pages 「― 41 ―」…「― 46 ―」 of the report.

Layout traps: the printed page numbers start at 41 (footer 「― n ―」 centred; the printed label is never the PDF page
number); a chapter opening on page 41 (「第3章」, the chapter title, a rule and the author's line) without running
header; from page 42 a running header at the OUTER corner over a rule: the REPORT title on even pages (left), the
CHAPTER title on odd pages (right); one Mincho text column; numbered headings 3.1 / 3.1.1 (N.N / N.N.N); FOOTNOTE
markers printed as small raised 「1)」…「8)」 inside the line (the marker is part of the sentence text, so
pdfplumber reads 「…合計1,224件5)で…」; a marker never starts a line, it hangs at the end of the line above),
the notes in smaller Mincho at the foot of the SAME page under a short rule (flags `note`, `footnote`; registered
after the page's body text), and one note (6)) that is too long for its page: its first lines stand at the foot of one page and it
CONTINUES at the foot of the next page, above that page's own notes; two charts drawn with rectangles: 図3-1 a
column chart (values above the columns, year labels under them, a dashed target line with its label) and 図3-2 a
horizontal bar chart (category labels left of the axis, 「64.3%（9）」 right of each bar); figure captions BELOW the
figure followed by a 「資料：…」 source line (chart labels and values are sentences with flag `chart`); two ruled
tables with the caption ABOVE: 表3-1 (20 municipalities + 合計, wrapped header cells) that continues on the next page
with its header row repeated, and 表3-2 (wrapped cells); 「注1：」 / 「資料：」 lines under the tables; inline
citations 「（川端 2024）」 and a 参考文献 list with hanging indents at the end.  No /Title.
"""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import A4

from . import content_yunagi_kenkyu as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    frags_of,
    line_blocks,
    place_text,
    split_sentences,
    sw,
    table_parts,
    wrap,
)

W, H = A4
X0, X1 = 70.0, W - 70.0
TW = X1 - X0
TOP = 74.0
BOTTOM = H - 70.0
GRAY = (0.35, 0.35, 0.35)
RULE = (0.3, 0.3, 0.3)
BAR = (0.42, 0.47, 0.55)
BAR2 = (0.62, 0.66, 0.72)
LIGHT = (0.82, 0.82, 0.82)

BODY = Style(font=M, size=10.0, leading=18.0, indent=10.0, sa=2)
H2 = Style(font=G, size=11.6, leading=20, bold=True, sb=14, sa=3, keep_next=True)
H3 = Style(font=G, size=10.4, leading=18, bold=True, sb=7, sa=1, keep_next=True)
FOOT = Style(font=M, size=8.0, leading=12.2)  # hang set in build(): width of 「8)　」
REF = Style(font=M, size=9.0, leading=15.0, hang=18.0, sb=2)
CAP = Style(font=G, size=9.2, leading=14, bold=True, align="center", sb=4)
SRC = Style(font=M, size=8.2, leading=12.5, sb=1)
MARK = re.compile(r"(?<![0-9,])([0-9]\))")
SUP = 0.6     # marker size relative to the text
RAISE = 0.35  # marker baseline raised by this fraction of the text size


def _marked_blocks(T, sentences: list[str], width: float, st: Style) -> list[Block]:
    """Like line_blocks, but 「n)」 markers are drawn small and raised inside the line."""
    units = []
    for s in sentences:
        sid = T.sentence(s)
        units.extend((ch, sid) for ch in s)
    lines = wrap(units, width, st)
    for i in range(1, len(lines)):  # a marker never starts a line: it hangs at the end of the line above
        head = "".join(u[0] for u in lines[i][:2])
        if MARK.fullmatch(head):
            lines[i - 1].extend(lines[i][:2])
            del lines[i][:2]
    lines = [ln for ln in lines if ln]
    blocks: list[Block] = []
    for i, ln in enumerate(lines):
        text = "".join(u[0] for u in ln)
        if i + 1 < len(lines) and text[-1:].isdigit() and "".join(u[0] for u in lines[i + 1])[:1] == ")":
            raise AssertionError(f"yunagi-kenkyu: footnote marker split over two lines: {text}")
        ind = st.indent if i == 0 else st.hang

        def draw(P, x, y, text=text, ind=ind):
            bl = baseline_of(y, st)
            xx = x + ind
            for k, seg in enumerate(MARK.split(text)):
                if k % 2:
                    P.text(xx, bl - st.size * RAISE, seg, st.font, st.size * SUP, st.color)
                    xx += sw(seg, st.font, st.size * SUP) + 0.6
                elif seg:
                    P.text(xx, bl, seg, st.font, st.size, st.color, st.bold)
                    xx += sw(seg, st.font, st.size)

        last = i == len(lines) - 1
        blocks.append(Block(h=st.leading + (st.sa if last else 0.0), draw=draw, frags=frags_of(ln),
                            sb=st.sb if i == 0 else 0.0))
    return blocks


def _markup(text: str) -> str:
    return re.sub(r"\{(\d)\}", r"\1)", text)


def _reading_order(T) -> None:
    """Put every sentence back in page order, each page's footnotes after its body text."""
    idx = sorted(range(len(T.sentences)),
                 key=lambda i: (min(T.sentences[i]["pages"]), bool(T.sentences[i].get("footnote")), i))
    new_of = {old: new for new, old in enumerate(idx)}
    T.sentences = [T.sentences[i] for i in idx]
    T.frags = [(new_of[sid], p, t) for sid, p, t in T.frags]
    T.frag_x = [(new_of[sid], p, t, x) for sid, p, t, x in T.frag_x]


def _column_chart(T, spec: dict) -> Block:
    """図3-1: vertical columns with the value above and the label under each column, dashed target line."""
    h = 176.0
    plot_top, plot_h = 22.0, 120.0
    ax = 70.0
    pw = TW - ax - 30.0
    vmax = 14.0
    n = len(spec["bars"])
    slot = pw / n
    bw = slot * 0.46
    lst = Style(font=G, size=8.6, leading=12)
    frags = []
    items = []
    for label, v in spec["bars"]:
        ls = T.sentence(label, chart=True)
        vs = T.sentence(str(v), chart=True)
        frags += [(vs, str(v)), (ls, label)]
        items.append((label, v))
    tsid = T.sentence(spec["target_label"], chart=True)
    frags.append((tsid, spec["target_label"]))

    def draw(P, x, y):
        base = y + plot_top + plot_h
        x_ax = x + ax
        P.text(x_ax - 8, y + plot_top - 8, spec["unit"], G, 7.6, GRAY, align="right")
        for t in range(0, 15, 2):
            gy = base - plot_h * t / vmax
            if t:
                P.line(x_ax, gy, x_ax + pw, gy, 0.3, LIGHT)
            P.text(x_ax - 5, gy + 2.6, str(t), G, 7.4, GRAY, align="right")
        P.line(x_ax, base - plot_h, x_ax, base, 0.7, GRAY)
        P.line(x_ax, base, x_ax + pw, base, 0.8, BLACK)
        ty = base - plot_h * spec["target"] / vmax
        P.line(x_ax, ty, x_ax + pw, ty, 0.9, (0.7, 0.2, 0.2), dash=([4, 2], 0))
        P.text(x_ax + pw, ty - 4, spec["target_label"], G, 8.0, (0.6, 0.1, 0.1), align="right")
        for i, (label, v) in enumerate(items):
            cx = x_ax + slot * (i + 0.5)
            bh = plot_h * v / vmax
            P.rect(cx - bw / 2, base - bh, bw, bh, stroke=None, fill=BAR if i < n - 1 else BAR2)
            P.text(cx, base - bh - 4, str(v), G, 9.0, BLACK, True, "center")
            P.text(cx, baseline_of(base + 4, lst), label, G, 8.6, BLACK, align="center")

    return Block(h=h, draw=draw, frags=frags, sb=8, keep_next=True)


def _bar_chart(T, spec: dict) -> Block:
    """図3-2: horizontal bars, category label left of the axis, 「64.3%（9）」 right of each bar."""
    lst = Style(font=G, size=8.8, leading=20)
    lw = 176.0
    maxbar = TW - lw - 78.0
    frags, items = [], []
    for label, cnt in spec["bars"]:
        if sw(label, G, 8.8) > lw - 10:
            raise AssertionError(f"yunagi-kenkyu: chart label too long: {label}")
        pct = cnt * 100.0 / spec["n"]
        val = f"{pct:.1f}%（{cnt}）"
        ls = T.sentence(label, chart=True)
        vs = T.sentence(val, chart=True)
        frags += [(ls, label), (vs, val)]
        items.append((label, val, pct))
    rows_h = len(items) * lst.leading
    h = rows_h + 20

    def draw(P, x, y):
        ax = x + lw
        for k in (0, 20, 40, 60, 80):
            gx = ax + maxbar * k / 80
            if k:
                P.line(gx, y, gx, y + rows_h + 2, 0.3, LIGHT, dash=([2, 2], 0))
            P.text(gx, y + rows_h + 12, f"{k}%", G, 6.8, GRAY, align="center")
        P.line(ax, y, ax, y + rows_h + 2, 0.8, GRAY)
        for i, (label, val, pct) in enumerate(items):
            yy = y + i * lst.leading
            bl = baseline_of(yy, lst)
            P.text(ax - 6, bl, label, G, 8.8, BLACK, align="right")
            bw = maxbar * pct / 80
            P.rect(ax, yy + 5, bw, lst.leading - 10, stroke=None, fill=BAR)
            P.text(ax + bw + 5, bl, val, G, 8.6, BLACK)

    return Block(h=h, draw=draw, frags=frags, sb=8, keep_next=True)


def build() -> Doc:
    doc = Doc("yunagi-kenkyu.pdf", A4, C.TITLE,
              "A4 academic research report chapter: printed pages from 41, alternating running headers (report / chapter "
              "title), N.N.N headings, raised footnote markers with notes at the page foot (one continued on the next "
              "page), drawn column and bar charts with captions below, tables continued with repeated header, 参考文献",
              meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        if info["header"]:
            even = int(info["printed"]) % 2 == 0
            if even:
                P.text(X0, 46, info["header"], M, 8.6, GRAY)
            else:
                P.text(X1, 46, info["header"], M, 8.6, GRAY, align="right")
            P.line(X0, 52, X1, 52, 0.5, GRAY)
        P.text(W / 2, H - 40, info["footer"], M, 9.6, BLACK, align="center")

    def new_page() -> int:
        n = C.FIRST_PAGE + len(doc.pages)
        header = None if not doc.pages else (C.REPORT_TITLE if n % 2 == 0 else C.CHAPTER_HEADER)
        return doc.new_page(printed=str(n), header=header, footer=f"― {n} ―", decor=decor)

    # footnote blocks, registered up front (reading order is fixed at the end)
    foot_st = FOOT.but(hang=sw("8)　", M, FOOT.size))
    feet_blocks: dict[int, list[Block]] = {}
    for k, text in C.FOOTNOTES.items():
        feet_blocks[k] = line_blocks(T, split_sentences(f"{k})　{text}"), TW, foot_st,
                                     extra={"note": True, "footnote": True})

    # ------------------------------------------------------------ page 41: chapter opening
    p1 = new_page()
    y = 84.0
    y += place_text(doc, p1, X0, y, TW, [C.CHAPTER_NO], Style(font=G, size=13, leading=20, color=BAR), heading=True)
    y += place_text(doc, p1, X0, y + 2, TW, [C.CHAPTER_TITLE], Style(font=G, size=19, leading=30, bold=True),
                    heading=True) + 2
    rule_y = y + 6
    doc.op(p1, lambda P: (P.line(X0, rule_y, X1, rule_y, 1.6, BLACK), P.line(X0, rule_y + 3, X1, rule_y + 3, 0.4, BLACK)))
    y = rule_y + 10
    y += place_text(doc, p1, X0, y, TW, [C.AUTHOR], Style(font=M, size=9.4, leading=16, align="right"))

    state = {"page": p1, "y": y + 14, "feet": [], "carry": []}

    def foot_lines(feet, carry) -> list[Block]:
        out = list(carry)
        for k in feet:
            bl = feet_blocks[k]
            out.extend(bl[:C.FOOT_SPLIT.get(k, len(bl))])
        return out

    def foot_h(feet, carry) -> float:
        ls = foot_lines(feet, carry)
        return 12.0 + sum(b.h for b in ls) if ls else 0.0

    def close():
        pg = state["page"]
        if pg is None:
            return
        ls = foot_lines(state["feet"], state["carry"])
        new_carry: list[Block] = []
        for k in state["feet"]:
            if k in C.FOOT_SPLIT:
                new_carry = feet_blocks[k][C.FOOT_SPLIT[k]:]
        if ls:
            fy = BOTTOM - sum(b.h for b in ls)
            doc.op(pg, lambda P, fy=fy: P.line(X0, fy - 5, X0 + 130, fy - 5, 0.6, BLACK))
            for b in ls:
                doc.place(pg, b, X0, fy)
                fy += b.h
        state["carry"] = new_carry
        state["page"] = None

    def start():
        close()
        state["page"] = new_page()
        state["y"] = TOP
        state["feet"] = []

    def fits(h, new_feet=()) -> bool:
        feet = state["feet"] + [k for k in new_feet if k not in state["feet"]]
        return state["y"] + h <= BOTTOM - foot_h(feet, state["carry"]) - 8 + 0.01

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
            put(b, [int(m[0]) for m in MARK.findall(text)])

    def table(spec: dict):
        ts = TableSpec(caption=spec["caption"], header=spec["header"], rows=spec["rows"], widths=spec["widths"],
                       align=spec["align"], size=8.6, leading=12.2, pad=3.4, header_fill=(0.9, 0.9, 0.9),
                       rule=(0.25, 0.25, 0.25),
                       caption_style=Style(font=G, size=9.2, leading=15, bold=True, sb=10, sa=3, keep_next=True),
                       notes=spec["notes"], note_style=Style(font=M, size=8.2, leading=12.5, hang=sw("注1：", M, 8.2),
                                                             sb=1))
        caps, header, rows, notes = table_parts(doc, ts, TW)
        put_group(caps + [header(), rows[0]])
        for r in rows[1:]:
            if not fits(r.h):
                start()
                put(header())
            put(r)
        if notes:
            notes[0].sb = 3
        notes[-1].h += 6
        for nb in notes:
            put(nb)

    def figure(key: str):
        spec = getattr(C, key)
        chart = _column_chart(T, spec) if key == "FIG1" else _bar_chart(T, spec)
        cap = line_blocks(T, [spec["caption"]], TW, CAP, extra={"caption": True})
        src = line_blocks(T, [spec["source"]], TW, SRC.but(indent=TW * 0.0), extra={"note": True})
        for b in cap:
            b.keep_next = True
        src[-1].h += 6
        put_group([chart] + cap + src)

    for it in C.BODY:
        kind = it[0]
        if kind == "h2":
            put_group(line_blocks(T, [it[1]], TW, H2, heading=True), extra=40)
        elif kind == "h3":
            put_group(line_blocks(T, [it[1]], TW, H3, heading=True), extra=36)
        elif kind == "p":
            marked(_marked_blocks(T, split_sentences(_markup(it[1])), TW, BODY))
        elif kind == "fig":
            figure(it[1])
        elif kind == "table":
            table(getattr(C, it[1]))
        elif kind == "refs":
            put_group(line_blocks(T, ["参考文献"], TW, H2, heading=True), extra=40)
            for r in it[1]:
                for b in line_blocks(T, [r], TW, REF, extra={"item": True}):
                    put(b)
        else:
            raise KeyError(kind)
    close()
    if state["carry"]:
        raise AssertionError("yunagi-kenkyu: a continued footnote has no next page")

    _reading_order(T)
    printed = sorted(int(s["text"][0]) for s in T.sentences if s.get("footnote") and MARK.match(s["text"][:2]))
    if printed != sorted(C.FOOTNOTES):
        raise AssertionError(f"yunagi-kenkyu: footnotes {printed}")
    body = "".join(s["text"] for s in T.sentences if not s.get("footnote"))
    if sorted(int(m[0]) for m in MARK.findall(body)) != sorted(C.FOOTNOTES):
        raise AssertionError("yunagi-kenkyu: footnote markers do not match the notes")
    fpages = {k: set() for k in C.FOOT_SPLIT}
    for sid, page, _t in T.frags:
        s = T.sentences[sid]
        if s.get("footnote"):
            for k in fpages:
                if s["text"] in split_sentences(f"{k})　{C.FOOTNOTES[k]}"):
                    fpages[k].add(page)
    if any(len(v) != 2 for v in fpages.values()):
        raise AssertionError(f"yunagi-kenkyu: continued footnote pages {fpages}")
    t1 = T.tables[0]
    if len(t1["pages"]) < 2:
        raise AssertionError("yunagi-kenkyu: 表3-1 does not continue on the next page")
    if not 6 <= len(doc.pages) <= 7:
        raise AssertionError(f"yunagi-kenkyu: {len(doc.pages)} pages")
    return doc
