"""akebono-youryou.pdf: 公募型プロポーザル実施要領 with 別紙1 仕様書 and 別紙2 評価基準, A4 portrait (fictional あけぼの県).

Layout traps: a procurement bundle of three parts, each starting on a new page and each with its OWN page count printed
at the TOP RIGHT as 「k／N」 (「1／5」…「5／5」, then 「1／4」…, then 「1／2」「2／2」) beside the part's name at the top left over a
rule; there is no footer, so the printed label is never the PDF page number after the first part.  Official numbering
at five levels 「第1」 / 「1」 / 「（1）」 / 「ア」 / 「（ア）」 with hanging indents (the label belongs to the item's first
sentence; in the 仕様書 the top level is 「1　業務名」 without 第), items of the form 「業務名　…」 (a key, a full-width
space and the value on one line), a date line and issuer right-aligned above the centred two-line title on page 1, a
framed 失格 box with ・ lines and a framed contact box without a title; tables: 表1 スケジュール (項目｜日程, wrapped cells,
two ※ notes), 表2 業務量の目安 (令和4–7年度, the last column 「令和7年度（12月末）」), 表3 評価の段階と係数, and 表4 評価項目及び
配点 with MERGED 評価項目 cells (label with its subtotal, e.g. 「2　相談支援業務（30点）」, vertically centred over its rows)
and 評価の視点 cells wrapped over two lines (registered as sentences with flag `cell`), that CONTINUES onto the next page
under its repeated header row; the merged cell of the group cut by the page break is printed only in the part on the
first page (the truth fills the label in every row); a shaded 合計 row spanning the first two columns.  Sentences cross
page breaks.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_akebono_youryou as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
    table_parts,
    wrap,
)
from .kit import box_block

W, H = A4
LM, RM = 68.0, 64.0
TW = W - LM - RM
TOP = 84.0
BOTTOM = H - 64.0
CH = 10.5

GREEN = (0.12, 0.36, 0.30)
GRAY = (0.40, 0.40, 0.40)
SHADE = (0.89, 0.93, 0.91)
PALE = (0.96, 0.97, 0.96)

BODY = Style(font=M, size=10.5, leading=18.0)
HEAD = Style(size=11.0, leading=19.0, bold=True, sb=9, sa=1)
TITLE = Style(size=14.0, leading=23.0, bold=True, align="center")
RIGHT = Style(font=M, size=10.5, leading=17.0, align="right")

LEVEL_X = {"p": 2 * CH, "i1": CH, "i2": 2 * CH, "i3": 3 * CH, "i4": 4 * CH}


def build() -> Doc:
    doc = Doc("akebono-youryou.pdf", A4, C.TITLE,
              "A4 portrait procurement bundle (実施要領 + 仕様書 + 評価基準): per-part page counts k／N at the top right, "
              "five numbering levels with hanging indents, a rowspan table crossing a page, boxes", meta_title=None)
    T = doc.truth

    def decor(P, info, when):
        if when != "over":
            return
        part, num = info["_part"], info["printed"]
        P.text(LM, 48, part, G, 8.8, GRAY)
        P.text(W - RM, 48, num, G, 10.0, BLACK, True, align="right")
        P.line(LM, 54, W - RM, 54, 0.6, GREEN)

    st = {"pg": None, "y": TOP, "part": None, "k": 0, "pages": []}

    def new_page() -> None:
        st["k"] += 1
        pg = doc.new_page(printed=None, header=None, footer=None, decor=decor)
        doc.pages[pg].info["_part"] = st["part"]
        st["pages"].append(pg)
        st["pg"] = pg
        st["y"] = TOP

    def put(b: Block, x_off: float = 0.0) -> tuple[int, float]:
        if st["pg"] is None:
            new_page()
        sb = b.sb if st["y"] > TOP + 0.01 else 0.0
        if st["y"] + sb + b.h > BOTTOM + 0.01:
            new_page()
            sb = 0.0
        st["y"] += sb
        y = st["y"]
        doc.place(st["pg"], b, LM + x_off, y)
        st["y"] += b.h
        return st["pg"], y

    def ensure(h: float) -> None:
        if st["pg"] is None or st["y"] + h > BOTTOM + 0.01:
            new_page()

    pending: list[Block] = []

    def flush_with(blocks: list[Block], keep: int = 2) -> None:
        nonlocal pending
        head = pending + blocks[:keep]
        pending = []
        ensure(sum(b.h + b.sb for b in head))
        for b in head + blocks[keep:]:
            put(b)

    def item_blocks(kind: str, label: str | None, text: str) -> list[Block]:
        x0 = LEVEL_X[kind]
        if kind == "p":
            full = text
            stl = BODY.but(indent=CH, hang=0.0)
            width = TW - CH
            bl = line_blocks(T, split_sentences(full), width, stl)
            for b in bl:
                b.draw = (lambda o: (lambda P, x, y: o(P, x + CH, y)))(b.draw)
            return bl
        sep = "　" if kind in ("i1", "i3") else ""
        full = label + sep + text
        hang = sw(label + sep, M, BODY.size)
        stl = BODY.but(indent=0.0, hang=hang)
        bl = line_blocks(T, split_sentences(full), TW - x0, stl, extra={"item": True})
        for b in bl:
            b.draw = (lambda o, dx=x0: (lambda P, x, y: o(P, x + dx, y)))(b.draw)
        return bl

    def simple_table(spec: dict) -> None:
        nonlocal pending
        ind = 2 * CH
        ts = TableSpec(caption=spec["caption"], unit=spec.get("unit"), header=spec["header"], rows=spec["rows"],
                       widths=spec["widths"], align=spec["align"], size=9.0, leading=13.0, pad=4.0,
                       header_fill=SHADE, caption_style=Style(size=9.8, leading=17, bold=True, sb=6),
                       notes=spec.get("notes", []), note_style=Style(font=M, size=8.6, leading=13.4, hang=8.6, sb=4))
        caps, header, rows, notes = table_parts(doc, ts, TW - ind)
        pend = pending
        head = pend + caps + [header(), rows[0]]
        pending = []
        ensure(sum(b.h + b.sb for b in head))
        for b in head:
            put(b, 0 if any(b is p for p in pend) else ind)
        for r in rows[1:]:
            if st["y"] + r.h > BOTTOM:
                new_page()
                put(header(), ind)
            put(r, ind)
        for b in notes:
            put(b, ind)
        st["y"] += 4

    def rtable(spec: dict) -> None:
        nonlocal pending
        ind = 2 * CH
        width = TW - ind
        colw = [w * width / sum(spec["widths"]) for w in spec["widths"]]
        size, lead, pad = 9.0, 13.0, 4.5
        cst = Style(size=size, leading=lead)
        groups = []
        rows_truth = []
        total = 0
        for label, rows in spec["groups"]:
            sub = sum(p for _, p in rows)
            total += sub
            glabel = f"{label}（{sub}点）"
            groups.append((glabel, rows))
            for view, p in rows:
                rows_truth.append([glabel, view, str(p)])
        assert total == 100, total
        rows_truth.append([spec["total_label"], "", str(total)])
        cap = spec["caption"]
        csid = T.sentence(cap, caption=True)
        tid = T.table(cap, None, spec["header"], rows_truth)
        cap_st = Style(size=9.8, leading=17, bold=True, sb=6)
        capb = Block(h=cap_st.leading, sb=6, table=tid, frags=[(csid, cap)],
                     draw=lambda P, x, y: P.text(x, baseline_of(y, cap_st), cap, G, cap_st.size, BLACK, True))

        def header_block() -> Block:
            hh = lead + 2 * pad

            def draw(P, x, y):
                P.rect(x, y, width, hh, stroke=None, fill=SHADE)
                xx = x
                for j, t in enumerate(spec["header"]):
                    P.text(xx + colw[j] / 2, baseline_of(y + pad, cst), t, G, size, BLACK, True, "center")
                    P.line(xx, y, xx, y + hh, 0.6)
                    xx += colw[j]
                P.line(xx, y, xx, y + hh, 0.6)
                P.line(x, y, x + width, y, 0.6)
                P.line(x, y + hh, x + width, y + hh, 0.6)
            return Block(h=hh, draw=draw, table=tid)

        def row_block(view: str, pts: str, idx: int, last_in_group: bool) -> Block:
            sids = [T.sentence(s, cell=True) for s in split_sentences(view)]
            units = [(ch, sid) for s, sid in zip(split_sentences(view), sids, strict=True) for ch in s]
            lines = wrap(units, colw[1] - 2 * pad, cst, hang_punct=False)
            frags = []
            texts = []
            for ln in lines:
                t = "".join(u[0] for u in ln)
                texts.append(t)
                cur = None
                for ch_, sid in ln:
                    if cur and cur[0] == sid:
                        cur[1] += ch_
                    else:
                        cur = [sid, ch_]
                        frags.append(cur)
            frags = [(a, b) for a, b in frags]
            hh = len(lines) * lead + 2 * pad

            def draw(P, x, y):
                x1 = x + colw[0]
                x2 = x1 + colw[1]
                for k, t in enumerate(texts):
                    P.text(x1 + pad, baseline_of(y + pad + k * lead, cst), t, G, size, BLACK)
                P.text(x2 + colw[2] / 2, baseline_of(y + hh / 2 - lead / 2, cst), pts, G, size, BLACK, False, "center")
                for xx in (x, x1, x2, x + width):
                    P.line(xx, y, xx, y + hh, 0.6)
                P.line(x1, y, x + width, y, 0.6)
                P.line(x1, y + hh, x + width, y + hh, 0.6)
                if last_in_group:
                    P.line(x, y + hh, x1, y + hh, 0.6)
            return Block(h=hh, draw=draw, frags=frags, table=tid, row=idx)

        # caption + header + first row kept with the heading before
        first_rows = []
        idx = 0
        blocks_by_group = []
        for _glabel, rows in groups:
            bl = []
            for k, (view, p) in enumerate(rows):
                bl.append(row_block(view, str(p), idx, k == len(rows) - 1))
                idx += 1
            blocks_by_group.append(bl)
        first_rows = blocks_by_group[0][:1]
        pend = pending
        head = pend + [capb, header_block()] + first_rows
        pending = []
        ensure(sum(b.h + b.sb for b in head))
        placed_first = [put(b, 0 if any(b is p for p in pend) else ind) for b in head]
        for gi, ((glabel, _rows), bl) in enumerate(zip(groups, blocks_by_group, strict=True)):
            placed = [placed_first[-1]] if gi == 0 else []
            for k, b in enumerate(bl):
                if gi == 0 and k == 0:
                    continue
                if st["y"] + b.h > BOTTOM:
                    new_page()
                    put(header_block(), ind)
                placed.append(put(b, ind))
            first_pg = placed[0][0]
            part = [(p, y, b) for (p, y), b in zip(placed, bl, strict=True) if p == first_pg]
            top = part[0][1]
            bot = part[-1][1] + part[-1][2].h
            lines = ["".join(u[0] for u in ln) for ln in wrap([(c, -1) for c in glabel], colw[0] - 2 * pad, cst)]
            if len(lines) * lead + 2 > bot - top:
                raise AssertionError(f"akebono-youryou: merged cell {glabel} does not fit ({bot - top:.0f})")
            y0 = top + (bot - top - len(lines) * lead) / 2
            x0 = LM + ind

            def mdraw(P, lines=lines, y0=y0, x0=x0):
                for k, t in enumerate(lines):
                    P.text(x0 + pad, baseline_of(y0 + k * lead, cst), t, G, size, BLACK, True)
            doc.op(first_pg, mdraw)
            if len(part) < len(placed):
                doc.op(first_pg, lambda P, bot=bot, x0=x0: P.line(x0, bot, x0 + colw[0], bot, 0.6))
        # 合計 row spanning the first two columns
        tot_h = lead + 2 * pad

        def tdraw(P, x, y):
            P.rect(x, y, width, tot_h, stroke=None, fill=PALE)
            P.text(x + (colw[0] + colw[1]) / 2, baseline_of(y + pad, cst), spec["total_label"], G, size, BLACK, True,
                   "center")
            P.text(x + colw[0] + colw[1] + colw[2] / 2, baseline_of(y + pad, cst), str(total), G, size, BLACK, True,
                   "center")
            for xx in (x, x + colw[0] + colw[1], x + width):
                P.line(xx, y, xx, y + tot_h, 0.6)
            P.line(x, y, x + width, y, 0.6)
            P.line(x, y + tot_h, x + width, y + tot_h, 0.6)
        cut = [k for k in range(len(rows_truth) - 2) if T.tables[tid]["row_pages"][k] != T.tables[tid]["row_pages"][k + 1]]
        if not cut or rows_truth[cut[0]][0] != rows_truth[cut[0] + 1][0]:
            raise AssertionError(f"akebono-youryou: 表4 is not cut inside a merged group: {cut}")
        tb = Block(h=tot_h, draw=tdraw, table=tid, row=len(rows_truth) - 1)
        if st["y"] + tb.h > BOTTOM:
            new_page()
            put(header_block(), ind)
        put(tb, ind)
        st["y"] += 6

    for part_name, items in C.PARTS:
        st["part"] = part_name
        st["pg"] = None
        st["k"] = 0
        st["pages"] = []
        for it in items:
            kind = it[0]
            if kind == "title":
                bl = [b for t in it[1] for b in line_blocks(T, [t], TW, TITLE, heading=True)]
                bl[0].sb = 10
                bl[-1].h += 10
                for b in bl:
                    put(b)
            elif kind == "right":
                for t in it[1]:
                    put(line_blocks(T, [t], TW, RIGHT)[0])
                st["y"] += 8
            elif kind == "d":
                pending.extend(line_blocks(T, [it[1]], TW, HEAD, heading=True))
            elif kind == "p":
                flush_with(item_blocks("p", None, it[1]))
            elif kind in ("i1", "i2", "i3", "i4"):
                flush_with(item_blocks(kind, it[1], it[2]))
            elif kind == "table":
                simple_table(C.TABLES[it[1]])
            elif kind == "rtable":
                rtable(C.RTABLE)
            elif kind == "box":
                _, title, lines = it
                b = box_block(T, title, lines, TW - 2 * CH, Style(font=M, size=10.0, leading=17.0, hang=10.0),
                              Style(size=10.0, leading=16, bold=True), fill=PALE, border=GREEN, pad=9, tab=bool(title),
                              sb=6)
                nonlocal_pending = pending + [b]
                pending = []
                ensure(sum(x.h + x.sb for x in nonlocal_pending))
                for x in nonlocal_pending:
                    put(x, 2 * CH if x is b else 0)
                st["y"] += 4
            elif kind == "vspace":
                st["y"] += it[1]
            else:
                raise KeyError(kind)
        if pending:
            raise AssertionError("akebono-youryou: heading left at the end of a part")
        n = len(st["pages"])
        for k, pg in enumerate(st["pages"], 1):
            info = doc.pages[pg].info
            info["printed"] = f"{k}／{n}"
            info["header"] = f"{part_name}　{k}／{n}"
    # the helper key must not reach the truth file
    def with_part(part: str):
        def deco(P, info, when):
            decor(P, {**info, "_part": part}, when)
        return deco

    for p in doc.pages:
        p.decor = with_part(p.info.pop("_part"))
    return doc
