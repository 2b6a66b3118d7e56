"""kirara-mail.pdf: an e-mail THREAD printed from a mail client (Outlook-style 「メモ形式」), A4 portrait (fictional きらら県).

Layout traps: the document is not a report but a printed mail thread, newest message first: (1) the prefecture's answer
(2026年6月2日) to ひばの市, in which the city's five questions are QUOTED inline, every quoted line starting with 「> 」
(so a quoted sentence that wraps comes out with 「>」 in the middle of it), each followed by the answer; (2) the city's
question mail (5月28日) appended under 「-----Original Message-----」, repeating the five questions verbatim; (3) the
original 事務連絡 (5月15日), the only place where the subsidy's rules are set out in full.  The city's questions carry
WRONG assumptions (上限 50万円, 期限 7月末) that the answer corrects.  The text is HARD-WRAPPED by the sender's mailer at
about 35 full-width characters (short lines, continuation lines of indented items aligned with spaces), so sentences run
over several short lines; numbers are full-width in the 事務連絡 (「６０万円」) and half-width in the replies.

Page furniture: the print user's name in bold over a thick rule at the top of page 1 only, then the newest message's
header fields (bold labels 差出人: / 送信日時: / 宛先: / CC: / 件名: / 添付ファイル: in a column, values beside them); the
older messages' headers are plain body lines; footer on every page: user name left, page number centred, print date
right, on one line (printed label n).  No running header.

Body of the 事務連絡: 「記」 centred, sections between lines of 「━」 (■１ … ■５), （１）–（３） and ア–ウ items with hanging
indents; TWO TABLES DRAWN WITH BOX-DRAWING CHARACTERS (┌─┬─┐ │ ├ └), cells padded with full-width spaces, one cell
wrapped over two text lines (「運営費（設立後３年度以」 / 「内）※２」), ※１/※２ notes under 表１; the procedure as five
［n］ lines with 「↓」 lines between them; a check list of six 「□」 lines; 「以上」 right-aligned; signature blocks framed by
lines of ＊ / ― / ＝.

Truth: header fields flag `mailhead` (the 「-----Original Message-----」 lines too), quoted sentences `quote`, signature
lines `signature`, procedure lines `flow`, check-list lines `item` / `check`, list items `item`, ※ lines `note`, table
captions `caption`; the box-drawing tables are tables of the truth (cells without padding); decoration lines (＊ ━ ― ＝,
「↓」, 「□」, 「> 」) are not sentences.  No /Title.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from . import content_kirara_mail as C
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    Style,
    baseline_of,
    frags_of,
    split_sentences,
    sw,
    wrap,
)

W, H = A4
X0 = 58.0
X1 = W - 58.0
TOP = 54.0
BOTTOM = H - 86.0
FS = 10.0
LEAD = 15.2
EM = FS
WRAP = 35 * EM          # the sender's mailer wraps at about 35 full-width characters
GRAY = (0.35, 0.35, 0.35)
BODY = Style(size=FS, leading=LEAD)


class Cursor:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.page: int | None = None
        self.y = TOP
        self.pending: list[tuple[Block, float]] = []

    def new_page(self) -> None:
        n = len(self.doc.pages) + 1
        self.page = self.doc.new_page(printed=str(n), header=None,
                                      footer=f"{C.PRINT_USER}　{n}　{C.PRINT_DATE}", decor=decor)
        self.y = TOP

    def add(self, b: Block, x: float = X0) -> None:
        self.pending.append((b, x))
        if b.keep_next:
            return
        group, self.pending = self.pending, []
        if self.page is None:
            self.new_page()
        if len(group) == 1 and getattr(group[0][0], "blank", False) and self.y <= TOP + 0.1:
            return  # no blank line at the top of a page
        need = sum(bb.h for bb, _ in group)
        if self.y + need > BOTTOM + 0.01:
            if need > BOTTOM - TOP:
                for bb, xx in group:
                    if self.y + bb.h > BOTTOM + 0.01:
                        self.new_page()
                        if not bb.frags and bb.table is None:
                            continue  # a blank line is not carried to the top of a page
                    self._put(bb, xx)
                return
            self.new_page()
            while group and not group[0][0].frags and group[0][0].table is None and group[0][0].h == LEAD \
                    and getattr(group[0][0], "blank", False):
                group.pop(0)
        for bb, xx in group:
            self._put(bb, xx)

    def _put(self, b: Block, x: float) -> None:
        self.doc.place(self.page, b, x, self.y)
        self.y += b.h


def decor(P, info, when):
    if when != "over":
        return
    n = info["index"] + 1
    if n == 1:
        P.text(X0, 44, C.PRINT_USER, G, 15, BLACK, True)
        P.line(X0, 52, X1, 52, 2.6, BLACK)
    y = H - 34
    P.text(X0, y, C.PRINT_USER, G, 8.5, BLACK)
    P.text(W / 2, y, str(n), G, 8.5, BLACK, align="center")
    P.text(X1, y, C.PRINT_DATE, G, 8.5, BLACK, align="right")


def blank() -> Block:
    b = Block(h=LEAD, draw=lambda P, x, y: None)
    b.blank = True
    return b


def text_line(s: str, color=BLACK, bold: bool = False) -> Block:
    """An unregistered decoration line."""
    return Block(h=LEAD, draw=lambda P, x, y: P.text(x, baseline_of(y, BODY), s, G, FS, color, bold))


def para(T, text: str, width: float, prefix: str = "", hang: float = 0.0, extra: dict | None = None,
         split: bool = True, align: str = "left") -> list[Block]:
    """Register the sentences of `text` and return one block per printed line; every line starts with `prefix`."""
    units = []
    for s in (split_sentences(text) if split else [text]):
        sid = T.sentence(s, **(extra or {}))
        units.extend((ch, sid) for ch in s)
    pw = sw(prefix, G, FS)
    lines = wrap(units, width - pw, BODY.but(hang=hang))
    out = []
    for i, ln in enumerate(lines):
        t = "".join(u[0] for u in ln)
        ind = 0.0 if i == 0 else hang

        def draw(P, x, y, t=t, ind=ind):
            bl = baseline_of(y, BODY)
            if prefix:
                P.text(x, bl, prefix, G, FS, GRAY)
            if align == "center":
                P.text(x + width / 2, bl, t, G, FS, BLACK, align="center")
            elif align == "right":
                P.text(x + width, bl, t, G, FS, BLACK, align="right")
            else:
                P.text(x + pw + ind, bl, t, G, FS, BLACK)
        out.append(Block(h=LEAD, draw=draw, frags=frags_of(ln)))
    return out


def fields_block(T, fields, label_w: float, bold_labels: bool, width: float) -> list[Block]:
    out = []
    for label, value in fields:
        sid = T.sentence(f"{label} {value}", mailhead=True)
        vw = width - label_w
        lines = wrap([(ch, sid) for ch in value], vw, BODY)
        for i, ln in enumerate(lines):
            t = "".join(u[0] for u in ln)
            first = i == 0

            def draw(P, x, y, t=t, first=first, label=label):
                bl = baseline_of(y, BODY)
                if first:
                    P.text(x, bl, label, G, FS - 0.5 if bold_labels else FS, BLACK, bold_labels)
                P.text(x + label_w, bl, t, G, FS, BLACK)
            frags = ([(sid, label)] if first else []) + [(sid, t)]
            out.append(Block(h=LEAD, draw=draw, frags=frags))
    return out


def pad(s: str, n: int) -> str:
    return s + "　" * (n - len(s))


def chunks(s: str, n: int) -> list[str]:
    return [s[i:i + n] for i in range(0, len(s), n)] or [""]


def box_table(doc: Doc, spec: dict, indent: float) -> list[Block]:
    """A table drawn with box-drawing characters, one text line per printed row line."""
    T = doc.truth
    ws = spec["widths"]
    tid = T.table(spec["caption"], None, spec["header"], spec["rows"])
    cap = para(T, spec["caption"], WRAP - indent, extra={"caption": True})
    for b in cap:
        b.table = tid

    def row_lines(cells):
        parts = [chunks(c, w) for c, w in zip(cells, ws, strict=True)]
        n = max(len(p) for p in parts)
        out = []
        for k in range(n):
            out.append("│" + "│".join(pad(p[k] if k < len(p) else "", w) for p, w in zip(parts, ws, strict=True)) + "│")
        return out

    top = "┌" + "┬".join("─" * w for w in ws) + "┐"
    mid = "├" + "┼".join("─" * w for w in ws) + "┤"
    bot = "└" + "┴".join("─" * w for w in ws) + "┘"

    def line_block(s, row=None):
        return Block(h=LEAD, draw=lambda P, x, y, s=s: P.text(x, baseline_of(y, BODY), s, G, FS, BLACK),
                     table=tid, row=row)

    # the mail client breaks pages between any two text lines: one block per printed line, no keep rules
    blocks = cap + [line_block(s) for s in [top] + row_lines(spec["header"]) + [mid]]
    for i, r in enumerate(spec["rows"]):
        ls = row_lines(r)
        for k, s in enumerate(ls):
            blocks.append(line_block(s, row=i if k == 0 else None))
    blocks.append(line_block(bot))
    return blocks


def build() -> Doc:
    doc = Doc("kirara-mail.pdf", (W, H), C.TITLE,
              "printed e-mail thread (memo style): quoted lines with '> ', hard-wrapped plain text, "
              "tables drawn with box-drawing characters", meta_title=None)
    T = doc.truth
    cur = Cursor(doc)
    cur.new_page()
    cur.y = 64.0

    def emit(blocks, x=X0):
        for b in blocks:
            cur.add(b, x)

    for mi, (fields, body) in enumerate(C.MESSAGES):
        if mi == 0:
            emit(fields_block(T, fields, 78.0, True, X1 - X0))
            cur.add(Block(h=8, draw=lambda P, x, y: P.line(X0, y + 3, X1, y + 3, 0.5, BLACK)))
            cur.add(blank())
        else:
            sid = T.sentence(C.ORIGINAL, mailhead=True)
            b = Block(h=LEAD, draw=lambda P, x, y: P.text(x, baseline_of(y, BODY), C.ORIGINAL, G, FS, BLACK),
                      frags=[(sid, C.ORIGINAL)])
            cur.add(b)
            for label, value in fields:
                emit(para(T, f"{label} {value}", X1 - X0, hang=0, extra={"mailhead": True}, split=False))
            cur.add(blank())
        for it in body:
            k = it[0]
            if k == "blank":
                cur.add(blank())
            elif k == "deco":
                cur.add(text_line(it[1], GRAY))
            elif k == "line":
                emit(para(T, it[1], WRAP))
            elif k == "p":
                emit(para(T, it[1], WRAP))
            elif k == "q":
                emit(para(T, it[1], WRAP + sw("> ", G, FS), prefix="> ", extra={"quote": True}))
            elif k == "h":
                emit(para(T, it[1], WRAP, extra={"heading": True}))
            elif k == "ind":
                emit(para(T, it[2], WRAP - it[1] * EM), X0 + it[1] * EM)
            elif k == "item":
                label = it[2].split("　")[0] + "　" if "　" in it[2][:3] else it[2][:1]
                emit(para(T, it[2], WRAP - it[1] * EM, hang=sw(label, G, FS), extra={"item": True}), X0 + it[1] * EM)
            elif k == "note":
                emit(para(T, it[2], WRAP - it[1] * EM, hang=EM, extra={"note": True}), X0 + it[1] * EM)
            elif k == "table":
                emit(box_table(doc, it[1], 2 * EM), X0 + 2 * EM)
            elif k == "flow":
                for j, s in enumerate(it[1]):
                    label = s[:3]
                    emit(para(T, s, WRAP - 2 * EM, hang=sw(label, G, FS), extra={"flow": True}), X0 + 2 * EM)
                    if j < len(it[1]) - 1:
                        cur.add(text_line("　↓", GRAY), X0 + 2 * EM)
            elif k == "check":
                for s in it[1]:
                    bl = para(T, s, WRAP - 4 * EM, extra={"item": True, "check": True})
                    o = bl[0].draw

                    def draw(P, x, y, o=o):
                        P.text(x - 2 * EM, baseline_of(y, BODY), "□", G, FS, BLACK)
                        o(P, x, y)
                    bl[0].draw = draw
                    emit(bl, X0 + 4 * EM)
            elif k == "sig":
                for s in it[1]:
                    emit(para(T, s, X1 - X0, extra={"signature": True}, split=False))
            elif k == "center":
                emit(para(T, it[1], WRAP, align="center"))
            elif k == "right":
                emit(para(T, it[1], WRAP, align="right"))
            else:
                raise KeyError(k)
    # flush anything kept for the next block
    if cur.pending:
        last = cur.pending[-1][0]
        last.keep_next = False
        cur.pending.pop()
        cur.add(last, X0)
    return doc
