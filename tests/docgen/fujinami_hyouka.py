"""fujinami-hyouka.pdf: three 事務事業評価シート printed from a spreadsheet, A4 portrait (fictional ふじなみ県).

An excerpt of the 「令和7年度 事務事業評価結果報告書（土木部）」: the three sheets of the 住宅政策課 (市町村居住支援協議会
設立促進事業 / 居住支援法人活動支援事業 / 住まい相談・入居支援事業), two pages each.

Layout traps: every page is ONE dense ruled FORM (no prose flow): shaded label cells at the left, value cells at the
right, label/value PAIRS side by side in the header rows (事業名｜…｜事業番号｜…, 所管部課｜…｜関係課｜…, 課長名｜…｜内線｜…,
事業期間｜…｜実施方法｜■補助　□委託　■直営), so pdfplumber reads two labels and two values on one line; sections
marked by a narrow column with a VERTICAL label (計画 / 実績 on the first page of a sheet, コスト / 評価 / 改善 on the
second; one character per line, so pdfplumber prints 「計」 and 「画」 at the start of two different lines of other
cells); choices printed as ■ (chosen) and □ (not chosen) in the text itself (必要性 ■高い　□妥当　□低い; 今後の方向性
■拡充　□現状維持　□改善…), so the answer is the word after the only ■; a first evaluation by the department (一次評価)
and a second one by the 行政経営課 (二次評価) with DIFFERENT directions on two sheets; an indicator table with a
TWO-LEVEL header (「実績年度」 over 令和4–6年度, 「計画年度」 over 令和7–8年度; 指標名 / 単位 / 区分 span both rows) and a
MERGED 指標名 cell over three rows 目標値 / 実績値 / 達成率 (truth rows repeat the name; the header is flattened as
「実績年度 令和4年度」 …) with ※ notes; a cost table (（単位：千円）, 事業費（A） with indented 内訳 and 財源 rows, 人件費（B）,
職員数 0.80 / 1.20 / 0.50人, 総コスト（A）＋（B）); the same labels on all three sheets, so every figure has two near twins.
PAGE NUMBERS: the sheet's own 「1/2」 / 「2/2」 at the right of its title band, and the report's page number 「- 87 -」…
「- 92 -」 centred in the footer (the printed label is 87–92, never the PDF page number); running header (the report's
name, right-aligned, grey) on every page.  Truth: labels flag `field`, values flag `cell`, ■/□ lines flag `option`,
vertical labels flag `label` (one fragment per character), notes flag `note`; tables registered with caption
(= the label cell: 「成果指標・活動指標」, 「コストの推移」 + unit).  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_fujinami_hyouka as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    baseline_of,
    place_text,
    split_sentences,
    text_height,
    wrap,
)

W, H = A4
X0, X1 = 34.0, W - 34.0
GW = X1 - X0
VW = 20.0            # vertical label column
LW = 86.0            # label column
CX = X0 + VW + LW    # content column
CW = X1 - CX
PAD = 4.0
GRID = (0.25, 0.25, 0.25)
LABEL_FILL = (0.88, 0.91, 0.86)
V_FILL = (0.78, 0.84, 0.76)
HEAD_FILL = (0.9, 0.9, 0.9)
GRAY = (0.4, 0.4, 0.4)

FS = 8.8
CELL = Style(font=G, size=FS, leading=12.8)
LABEL = Style(font=G, size=FS, leading=12.4)
BUL = Style(font=G, size=FS, leading=12.8, hang=FS)  # width of 「・」 (a full-width character)
NOTE = Style(font=G, size=7.8, leading=11.2, hang=7.8, color=(0.15, 0.15, 0.15))
TSIZE = 8.0
TLEAD = 11.0


class Form:
    """Draws ruled rows on one page and registers the texts."""

    def __init__(self, doc: Doc, pg: int, y: float):
        self.doc, self.pg, self.y = doc, pg, y
        self.T = doc.truth

    def frame(self, x, y, w, h, fill=None):
        self.doc.op(self.pg, lambda P: (P.rect(x, y, w, h, stroke=None, fill=fill) if fill else None,
                                        P.rect(x, y, w, h, stroke=GRID, fill=None, width=0.6)))

    def text_h(self, paras: list[str], w: float, st: Style) -> float:
        # one character is kept free at the right: hanging punctuation must stay inside the cell
        return sum(text_height(split_sentences(p), w - 2 * PAD - 1.6 * st.size, st) for p in paras)

    def put(self, x, y, w, h, paras: list[str], st: Style, extra: dict, valign: str = "c") -> None:
        th = self.text_h(paras, w, st)
        yy = y + ((h - th) / 2 if valign == "c" else PAD)
        for p in paras:
            yy += place_text(self.doc, self.pg, x + PAD, yy, w - 2 * PAD - 1.6 * st.size, split_sentences(p), st,
                             extra=extra)

    def row(self, cells: list[tuple], min_h: float = 19.0) -> float:
        """cells: (x, w, paras, style, extra, fill, valign)."""
        h = min_h
        for _x, w, paras, st, _e, _f, _v in cells:
            h = max(h, self.text_h(paras, w, st) + 2 * PAD)
        for x, w, paras, st, extra, fill, valign in cells:
            self.frame(x, self.y, w, h, fill)
            if paras:
                self.put(x, self.y, w, h, paras, st, extra, valign)
        self.y += h
        return h

    def pair(self, label: str, value: str, label2: str | None = None, value2: str | None = None,
             value_extra: dict | None = None, value2_extra: dict | None = None) -> float:
        lw = VW + LW
        cells = [(X0, lw, [label], LABEL, {"field": True}, LABEL_FILL, "c")]
        if label2 is None:
            cells.append((X0 + lw, GW - lw, [value], CELL, value_extra or {"cell": True}, None, "c"))
        else:
            w1, lw2 = 190.0, 64.0
            cells += [(X0 + lw, w1, [value], CELL, value_extra or {"cell": True}, None, "c"),
                      (X0 + lw + w1, lw2, [label2], LABEL, {"field": True}, LABEL_FILL, "c"),
                      (X0 + lw + w1 + lw2, GW - lw - w1 - lw2, [value2], CELL, value2_extra or {"cell": True}, None,
                       "c")]
        return self.row(cells)

    def section(self, label: str) -> tuple[int, float]:
        sid = self.T.sentence(label, heading=True, label=True)
        return sid, self.y

    def end_section(self, sid: int, y0: float) -> None:
        label = self.T.sentences[sid]["text"]
        h = self.y - y0
        self.frame(X0, y0, VW, h, V_FILL)
        step = 12.5
        top = y0 + (h - step * len(label)) / 2
        st = Style(font=G, size=9.6, leading=step, bold=True)
        for k, ch in enumerate(label):
            def draw(P, x, y, ch=ch):
                P.text(x + VW / 2, baseline_of(y, st), ch, G, 9.6, BLACK, True, "center")
            self.doc.place(self.pg, Block(h=step, draw=draw, frags=[(sid, ch)]), X0, top + k * step)

    def labelled(self, label: str, paras: list[str], st: Style = BUL, extra: dict | None = None) -> float:
        return self.row([(X0 + VW, LW, [label], LABEL, {"field": True}, LABEL_FILL, "c"),
                         (CX, CW, paras, st, extra or {"cell": True}, None, "t")])


def _label_cell(f: Form, sid: int, y0: float, h: float, unit: str | None = None) -> None:
    """The shaded label cell left of a table: the caption (a sentence, wrapped) and, under it, the unit."""
    text = f.T.sentences[sid]["text"]
    f.frame(X0 + VW, y0, LW, h, LABEL_FILL)
    lines = wrap([(ch, sid) for ch in text], LW - 2 * PAD, LABEL)
    ly = y0 + (h - LABEL.leading * (len(lines) + (1 if unit else 0))) / 2
    for ln in lines:
        t = "".join(u[0] for u in ln)

        def dr(P, x, y, t=t):
            P.text(x, baseline_of(y, LABEL), t, G, FS, BLACK)
        f.doc.place(f.pg, Block(h=LABEL.leading, draw=dr, frags=[(sid, t)]), X0 + VW + PAD, ly)
        ly += LABEL.leading
    if unit:
        f.doc.op(f.pg, lambda P, y=ly: P.text(X0 + VW + PAD, baseline_of(y, LABEL), unit, G, 7.8, BLACK))


def _ind_table(f: Form, sheet: dict) -> None:
    """Label cell + indicator table with a two-level header and 指標名 merged over three rows."""
    T, doc, pg = f.T, f.doc, f.pg
    cap_sid = T.sentence(C.IND_CAPTION, field=True, caption=True)
    rows = []
    for name, unit, tgt, act, rate in sheet["indicators"]:
        for kind, vals in (("目標値", tgt), ("実績値", act), ("達成率", rate)):
            rows.append([name, unit, kind] + vals)
    tid = T.table(C.IND_CAPTION, None, C.IND_HEADER, rows)
    T.tables[tid]["pages"].add(pg)
    T.tables[tid]["row_pages"] = [pg] * len(rows)
    colw = [112.0, 36.0, 40.0]
    colw += [(CW - sum(colw)) / 5] * 5
    xs = [CX]
    for w_ in colw:
        xs.append(xs[-1] + w_)
    hst = Style(font=G, size=TSIZE, leading=TLEAD, bold=True)
    rst = Style(font=G, size=TSIZE, leading=TLEAD)
    h1 = h2 = TLEAD + 5
    rh = TLEAD + 4
    name_lines = {}
    for name, *_ in sheet["indicators"]:
        ls = wrap([(ch, -1) for ch in name], colw[0] - 2 * PAD, rst, hang_punct=False)
        name_lines[name] = ["".join(u[0] for u in ln) for ln in ls]
        if len(ls) * TLEAD > 3 * rh - 4:
            raise AssertionError(f"fujinami-hyouka: indicator name too long: {name}")
    notes_h = sum(text_height(split_sentences(n), CW - 2 * PAD, NOTE) for n in sheet["ind_notes"])
    table_h = h1 + h2 + rh * len(rows)
    y0 = f.y
    total_h = table_h + notes_h + 2 * PAD + 2

    def draw(P, x, y):
        def ctext(x0, x1, yt, hh, t, st, align="c"):
            bl = baseline_of(yt + (hh - st.leading) / 2, st)
            if align == "c":
                P.text((x0 + x1) / 2, bl, t, G, st.size, BLACK, st.bold, "center")
            elif align == "r":
                P.text(x1 - PAD, bl, t, G, st.size, BLACK, st.bold, "right")
            else:
                P.text(x0 + PAD, bl, t, G, st.size, BLACK, st.bold)
        # header
        P.rect(xs[0], y0, xs[-1] - xs[0], h1 + h2, stroke=None, fill=HEAD_FILL)
        for j, t in enumerate(["指標名", "単位", "区分"]):
            P.rect(xs[j], y0, colw[j], h1 + h2, stroke=GRID, fill=None, width=0.6)
            ctext(xs[j], xs[j + 1], y0, h1 + h2, t, hst)
        for label, a, b in (("実績年度", 3, 6), ("計画年度", 6, 8)):
            P.rect(xs[a], y0, xs[b] - xs[a], h1, stroke=GRID, fill=None, width=0.6)
            ctext(xs[a], xs[b], y0, h1, label, hst)
        for j, t in enumerate(C.YEARS):
            P.rect(xs[3 + j], y0 + h1, colw[3 + j], h2, stroke=GRID, fill=None, width=0.6)
            ctext(xs[3 + j], xs[4 + j], y0 + h1, h2, t, hst)
        yy = y0 + h1 + h2
        for k, r in enumerate(rows):
            if k % 3 == 0:
                P.rect(xs[0], yy, colw[0], 3 * rh, stroke=GRID, fill=None, width=0.6)
                P.rect(xs[1], yy, colw[1], 3 * rh, stroke=GRID, fill=None, width=0.6)
                lines = name_lines[r[0]]
                top = yy + (3 * rh - len(lines) * TLEAD) / 2
                for n, t in enumerate(lines):
                    P.text(xs[0] + PAD, baseline_of(top + n * TLEAD, rst), t, G, TSIZE, BLACK)
                ctext(xs[1], xs[2], yy, 3 * rh, r[1], rst)
            for j in range(2, 8):
                P.rect(xs[j], yy, colw[j], rh, stroke=GRID, fill=None, width=0.6)
                ctext(xs[j], xs[j + 1], yy, rh, r[j], rst, "c" if j == 2 else "r")
            yy += rh

    doc.op(pg, lambda P: draw(P, 0, 0))
    # label cell and the frame round table + notes
    _label_cell(f, cap_sid, y0, total_h)
    f.frame(CX, y0, CW, total_h)
    ny = y0 + table_h + PAD
    for n in sheet["ind_notes"]:
        ny += place_text(doc, pg, CX + PAD, ny, CW - 2 * PAD, split_sentences(n), NOTE, extra={"note": True})
    f.y = y0 + total_h


def _cost_table(f: Form, sheet: dict) -> None:
    T, doc, pg = f.T, f.doc, f.pg
    cap_sid = T.sentence(C.COST_CAPTION, field=True, caption=True)
    rows = [[label] + vals for label, vals, _ind in sheet["cost"]]
    tid = T.table(C.COST_CAPTION, C.COST_UNIT, C.COST_HEADER, rows)
    T.tables[tid]["pages"].add(pg)
    T.tables[tid]["row_pages"] = [pg] * len(rows)
    colw = [CW - 3 * 82.0, 82.0, 82.0, 82.0]
    xs = [CX]
    for w_ in colw:
        xs.append(xs[-1] + w_)
    hst = Style(font=G, size=TSIZE, leading=TLEAD, bold=True)
    rst = Style(font=G, size=TSIZE, leading=TLEAD)
    rh = TLEAD + 4
    y0 = f.y
    total_h = rh * (len(rows) + 1)

    def draw(P):
        P.rect(xs[0], y0, xs[-1] - xs[0], rh, stroke=None, fill=HEAD_FILL)
        for j, t in enumerate(C.COST_HEADER):
            P.rect(xs[j], y0, colw[j], rh, stroke=GRID, fill=None, width=0.6)
            P.text((xs[j] + xs[j + 1]) / 2, baseline_of(y0 + 2, hst), t, G, TSIZE, BLACK, True, "center")
        yy = y0 + rh
        for (label, vals, ind) in sheet["cost"]:
            bold = ind == 0
            if bold:
                P.rect(xs[0], yy, xs[-1] - xs[0], rh, stroke=None, fill=(0.96, 0.96, 0.93))
            for j, t in enumerate([label] + vals):
                P.rect(xs[j], yy, colw[j], rh, stroke=GRID, fill=None, width=0.6)
                bl = baseline_of(yy + 2, rst)
                if j == 0:
                    P.text(xs[0] + PAD + (12 if ind else 0), bl, t, G, TSIZE, BLACK, bold)
                else:
                    P.text(xs[j + 1] - PAD, bl, t, G, TSIZE, BLACK, bold, "right")
            yy += rh

    doc.op(pg, draw)
    _label_cell(f, cap_sid, y0, total_h, C.COST_UNIT)
    f.y = y0 + total_h


def build() -> Doc:
    doc = Doc("fujinami-hyouka.pdf", A4, C.TITLE,
              "A4 spreadsheet-printed evaluation forms (事務事業評価シート): label/value grid, vertical section labels, "
              "■/□ choices, indicator table with merged cells and two-level header, cost table; sheet 1/2 vs book page",
              meta_title=None)


    def decor(P, info, when):
        if when != "over":
            return
        P.text(X1, 24, info["header"], G, 7.6, GRAY, False, "right")
        P.text(W / 2, H - 22, info["footer"], G, 9.0, BLACK, False, "center")

    def page(k_of_sheet: int, sheet: dict) -> Form:
        n = C.FIRST_PAGE + len(doc.pages)
        pg = doc.new_page(printed=str(n), header=C.RUN_HEADER, footer=f"- {n} -", decor=decor)
        f = Form(doc, pg, 32.0)
        # title band with the sheet's own page counter
        th = 26.0
        f.frame(X0, f.y, GW, th, (0.8, 0.87, 0.78))
        place_text(doc, pg, X0, f.y + 5, GW, [C.SHEET_TITLE],
                   Style(font=G, size=12.5, leading=16, bold=True, align="center"), heading=True)
        cnt = f"{k_of_sheet}/2"
        doc.op(pg, lambda P, y=f.y: P.text(X1 - 8, y + 17, cnt, G, 9.0, BLACK, False, "right"))
        f.y += th
        return f

    for sheet in C.SHEETS:
        # ---------------------------------------------------------------- page 1 of the sheet
        f = page(1, sheet)
        f.pair("事業名", sheet["name"], "事業番号", sheet["no"])
        f.pair("所管部課", sheet["dept"], "関係課", sheet["related"])
        f.pair("課長名", sheet["chief"], "内線", sheet["ext"])
        f.pair("施策体系", sheet["system"])
        f.pair("根拠法令等", sheet["law"])
        f.pair("事業期間", sheet["period"], "実施方法", C.opts(["補助", "委託", "直営"], sheet["method"]),
               value2_extra={"option": True})
        f.y += 6
        sid, y0 = f.section("計画")
        f.labelled("対象（誰・何を）", [sheet["target"]], CELL)
        f.labelled("意図（どのような状態にしたいか）", [sheet["intent"]], CELL)
        f.labelled("事業内容", ["・" + t for t in sheet["content"]])
        f.end_section(sid, y0)
        f.y += 6
        sid, y0 = f.section("実績")
        f.labelled("令和6年度の取組内容", ["・" + t for t in sheet["results"]])
        _ind_table(f, sheet)
        f.end_section(sid, y0)
        if f.y > H - 40:
            raise AssertionError(f"fujinami-hyouka: page 1 of {sheet['no']} overflows ({f.y:.0f})")

        # ---------------------------------------------------------------- page 2 of the sheet
        f = page(2, sheet)
        f.pair("事業名", sheet["name"], "事業番号", sheet["no"])
        f.y += 6
        sid, y0 = f.section("コスト")
        _cost_table(f, sheet)
        f.labelled("コストの説明", ["・" + t for t in sheet["cost_note"]])
        f.end_section(sid, y0)
        f.y += 6
        sid, y0 = f.section("評価")
        ow = 132.0
        for label, chosen, reason in sheet["eval"]:
            f.row([(X0 + VW, LW, [label], LABEL, {"field": True}, LABEL_FILL, "c"),
                   (CX, ow, [C.opts(C.GRADES, chosen)], CELL, {"option": True}, None, "c"),
                   (CX + ow, CW - ow, [reason], CELL, {"cell": True}, None, "t")], min_h=30.0)
        f.labelled("課題", ["・" + t for t in sheet["issues"]])
        f.end_section(sid, y0)
        f.y += 6
        sid, y0 = f.section("改善")
        f.labelled("一次評価（所管課）今後の方向性", [C.opts(C.DIRECTIONS, sheet["dir1"])], CELL, {"option": True})
        f.labelled("改善の内容", ["・" + t for t in sheet["improve"]])
        f.labelled("二次評価（行政経営課）", [C.opts(C.DIRECTIONS, sheet["dir2"])], CELL, {"option": True})
        f.labelled("二次評価の意見", [sheet["opinion2"]], CELL)
        ext = sheet["external"]
        f.labelled("外部有識者の意見", ["・" + t for t in ext] if len(ext) > 1 else ext, BUL if len(ext) > 1 else CELL)
        f.end_section(sid, y0)
        if f.y > H - 40:
            raise AssertionError(f"fujinami-hyouka: page 2 of {sheet['no']} overflows ({f.y:.0f})")
    return doc
