"""hotaru-kairan.pdf: 回覧 「なつくさ 暮らしの回覧板」 第112号 (令和8年7月1日) of the 夏草町 住民福祉課 and the 夏草町自治会連合会,
a neighbourhood CIRCULAR announcing the 夏草町居住支援協議会 with a page 「ほたる県からのお知らせ」 (fictional ほたる県),
held-out set BLIND39.

A4 portrait, 4 pages, no /Title.  The body text is VERTICAL (縦書き): characters stacked top to bottom in columns read
from right to left, numbers written in kanji (「令和八年六月二十四日」, 「四十二万円」), 「、」「。」 moved to the upper right
of their cell, brackets and 「ー」 drawn ROTATED by 90 degrees, vertical headings in bold Gothic.
Every character is its own text object, drawn in reading order: a reader that follows the content stream gets
the sentences whole, but one that sorts by position (pdfplumber) reads ACROSS the columns, one character of each
column per line, so no vertical sentence survives there.  Page 1: a red 「回覧」 stamp, the masthead, a ruled 回覧順 /
確認印 grid with empty cells, a boxed note to the 班長 with the return date, then one tier of vertical text (a two-column
big title, a heading, the news of the council, a second heading on the new desk) and, under it, a horizontal table of
the 出張相談会 with ※ notes.  Page 2: a Q&A (問一–問八 / 答) in TWO TIERS (上段 then 下段, each read right to left;
問七 stands at the foot of the upper tier and its answer starts the lower one), sections for landlords and on the
staff, and a horizontal glossary SIDEBAR box 「ことばの解説」 in the lower left corner beside the vertical columns.  Page 3: the
prefecture's notice in vertical text with the issuer set at the foot of its own column (地付き), a framed horizontal
box for the 県居住支援センター beside it, then two horizontal tables (the four 居住支援法人 of the 東部圏域; the six
市町村居住支援協議会).  Page 4: the chair's message in vertical text with the signature at the foot, a horizontal box
of the year's schedule beside it, a dashed 「きりとり線」, and a blank application FORM (shaded label cells, □ options on
one line, 締切 / 提出先 lines).  No running header; footer 「n／4」 centred (printed n).

Truth: vertical sentences flag `vertical` (one fragment per character, since that is the unit every extractor
keeps), headings `heading`; form labels flag `field`, □ lines `option`; box lines `box`; table notes `note`.
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.pagesizes import A4

from . import fonts
from .engine import (
    BLACK,
    Block,
    Doc,
    G,
    M,
    Style,
    TableSpec,
    place_text,
    split_sentences,
    sw,
    table_parts,
    wrap,
)

W, H = A4
X0, X1 = 42.0, W - 42.0
TW = X1 - X0
RED = (0.80, 0.12, 0.12)
GREEN = (0.18, 0.45, 0.30)
GREEN_L = (0.91, 0.96, 0.92)
GRAY = (0.40, 0.40, 0.40)
LGRAY = (0.72, 0.72, 0.72)
WHITE = (1, 1, 1)
CREAM = (1.0, 0.98, 0.91)

TITLE = "なつくさ 暮らしの回覧板 第112号（夏草町居住支援協議会が発足しました）"
NPAGES = 4

ROTATE = set("ー～「」（）『』【】…―－〔〕＝")
PUNCT = set("、。，．")
SMALL = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ")

TKW = dict(size=8.8, leading=12.4, pad=3.4, header_fill=(0.88, 0.94, 0.89))
NOTE = Style(font=G, size=8.4, leading=12.6, hang=10.0, color=(0.25, 0.25, 0.25))


# --------------------------------------------------------------------------- helpers

def _lab(doc: Doc, pg: int, x: float, y: float, text: str, size: float = 10.0, color=BLACK, bold: bool = False,
         align: str = "left", font: str = G, maxw: float | None = None, **flags) -> float:
    w = sw(text, font, size)
    if maxw is not None and w > maxw + 0.5:
        raise AssertionError(f"hotaru-kairan p{pg}: label too wide ({w:.0f} > {maxw:.0f}): {text}")
    sid = doc.truth.sentence(text, **flags)

    def draw(P, _x, _y):
        P.text(x, y, text, font, size, color, bold, align)

    doc.place(pg, Block(h=0, draw=draw, frags=[(sid, text)]), x, y)
    return w


def _shape(doc: Doc, pg: int, fn) -> None:
    doc.op(pg, fn)


def _table(doc: Doc, pg: int, x: float, y: float, w: float, ts: TableSpec) -> float:
    caps, header, rows, notes = table_parts(doc, ts, w)
    yy = y
    for b in caps + [header()] + rows + notes:
        yy += b.sb if (not caps or b is not caps[0]) else 0.0
        doc.place(pg, b, x, yy)
        yy += b.h
    return yy - y


def _vchar(P, cx: float, top: float, ch: str, font: str, size: float, color, bold: bool) -> None:
    """One character of vertical text in the em cell whose top centre is (cx, top)."""
    if ch in ("　", " "):
        return
    if not fonts.has_char(font, ch):
        raise ValueError(f"glyph missing in {font}: {ch!r}")
    c = P.c
    w = sw(ch, font, size)
    c.saveState()
    c.setFillColorRGB(*color)
    if bold:
        c.setStrokeColorRGB(*color)
        c.setLineWidth(size * 0.035)
    if ch in ROTATE:
        c.translate(cx, P.H - (top + size / 2))
        c.rotate(-90)
        t = c.beginText()
        t.setFont(font, size)
        t.setTextRenderMode(2 if bold else 0)
        t.setTextOrigin(-w / 2, -size * 0.36)
        t.textOut(ch)
        c.drawText(t)
    else:
        dx, dy = 0.0, 0.0
        if ch in PUNCT:
            dx, dy = size * 0.58, -size * 0.60
        elif ch in SMALL:
            dx, dy = size * 0.10, -size * 0.10
        t = c.beginText()
        t.setFont(font, size)
        t.setTextRenderMode(2 if bold else 0)
        t.setTextOrigin(cx - w / 2 + dx, P.H - (top + size * 0.88 + dy))
        t.textOut(ch)
        c.drawText(t)
    c.restoreState()


class VFlow:
    """Vertical text flowing through regions (tiers): columns right to left, regions one after another.

    A region is (x_right, x_left, y_top, col_len).  Items are laid column by column; every column is one Block
    whose fragments are its characters."""

    def __init__(self, doc: Doc, pg: int, regions: list[tuple[float, float, float, float]]):
        self.doc, self.pg, self.regions = doc, pg, regions
        self.ri = 0
        self.x = regions[0][0]   # right edge of the next column

    def _region(self):
        return self.regions[self.ri]

    def _take(self, pitch: float) -> tuple[float, float, float]:
        """Reserve one column of `pitch`; return (centre x, top, col_len)."""
        xr, xl, top, ln = self._region()
        if self.x - pitch < xl - 0.5:
            self.ri += 1
            if self.ri >= len(self.regions):
                raise AssertionError(f"hotaru-kairan p{self.pg}: vertical text overflows its regions")
            xr, xl, top, ln = self._region()
            self.x = xr
        cx = self.x - pitch / 2
        self.x -= pitch
        return cx, top, ln

    def skip(self, pitch: float) -> None:
        self.x -= pitch

    def next_region(self) -> None:
        self.ri += 1
        self.x = self._region()[0]

    def room(self) -> float:
        """Width left in the current region."""
        return self.x - self._region()[1]

    def text(self, sentences: list[str], size: float = 11.0, pitch: float = 19.0, font: str = M, color=BLACK,
             bold: bool = False, indent: int = 1, hang: int = 0, foot: bool = False, rule: tuple | None = None,
             **flags) -> None:
        """One paragraph; `indent` / `hang` in characters; `foot` sets a one-column text at the column's foot."""
        truth = self.doc.truth
        units = []
        for s in sentences:
            for ch in s:
                if unicodedata.east_asian_width(ch) not in "WFA":
                    raise AssertionError(f"hotaru-kairan: half-width character in vertical text: {ch!r} in {s}")
            sid = truth.sentence(s, vertical=True, **flags)
            units.extend((ch, sid) for ch in s)
        ln = self._region()[3]
        st = Style(font=font, size=size, indent=indent * size, hang=hang * size)
        lines = wrap(units, ln, st)
        for i, line in enumerate(lines):
            cx, top, col_len = self._take(pitch)
            if foot:
                if len(lines) > 1:
                    raise AssertionError("hotaru-kairan: a text set at the foot must fit one column")
                start = top + col_len - len(line) * size
            else:
                start = top + (indent if i == 0 else hang) * size
            chars = [u[0] for u in line]

            def draw(P, _x, _y, cx=cx, start=start, chars=chars, col_len=col_len, top=top):
                if rule:
                    P.line(cx + pitch / 2 - 1, top, cx + pitch / 2 - 1, top + col_len, 1.6, rule)
                for k, ch in enumerate(chars):
                    _vchar(P, cx, start + k * size, ch, font, size, color, bold)

            frags = [(sid, ch) for ch, sid in line if sid >= 0 and not ch.isspace()]
            self.doc.place(self.pg, Block(h=0, draw=draw, frags=frags), cx, top)


def _vbox_title(flow: VFlow, text: str, size: float = 15.0, pitch: float = 26.0, color=GREEN) -> None:
    if flow.room() < pitch + 3 * 19 and flow.ri + 1 < len(flow.regions):  # keep a heading with its text
        flow.next_region()
    flow.text([text], size=size, pitch=pitch, font=G, color=color, bold=True, indent=0, heading=True)


def _point_box(doc: Doc, pg: int, x: float, y: float, w: float, title: str, paras: list[str],
               size: float = 8.8, border=GREEN, fill=GREEN_L) -> float:
    pad = 8.0
    bst = Style(font=G, size=size, leading=size * 1.55)
    inner = w - 2 * pad
    n = sum(len(wrap([(ch, -1) for ch in p], inner, bst)) for p in paras)
    hh = pad + 19 + n * bst.leading + (len(paras) - 1) * 3 + pad

    def box(P):
        P.rect(x, y, w, hh, stroke=border, fill=fill, width=1.0, radius=5)

    _shape(doc, pg, box)
    _lab(doc, pg, x + pad, y + pad + 10, title, 10, border, True, heading=True, box=True)
    yy = y + pad + 19
    for p in paras:
        yy += place_text(doc, pg, x + pad, yy, inner, split_sentences(p), bst, extra={"box": True}) + 3
    return hh


# --------------------------------------------------------------------------- document

def build() -> Doc:
    doc = Doc("hotaru-kairan.pdf", (W, H), TITLE,
              "A4 neighbourhood circular (回覧板) in vertical writing (縦書き): kanji numerals, rotated brackets, two "
              "tiers, horizontal tables, a sidebar, a tear-off form", meta_title=None,
              author="夏草町 住民福祉課")

    def decor(P, info, when):
        if when == "over":
            P.text(W / 2, H - 24, info["footer"], G, 9.0, BLACK, align="center")

    def new_page(n: int) -> int:
        return doc.new_page(printed=str(n), header=None, footer=f"{n}／{NPAGES}", decor=decor)

    _page1(doc, new_page(1))
    _page2(doc, new_page(2))
    _page3(doc, new_page(3))
    _page4(doc, new_page(4))
    return doc


# --------------------------------------------------------------------------- page 1

def _page1(doc: Doc, pg: int) -> None:
    def stamp(P):
        P.rect(X0, 34, 74, 44, stroke=RED, fill=None, width=2.2, radius=6)
        P.rect(X0 + 3, 37, 68, 38, stroke=RED, fill=None, width=0.7, radius=4)

    _shape(doc, pg, stamp)
    _lab(doc, pg, X0 + 37, 66, "回覧", 24, RED, True, "center", heading=True)
    _lab(doc, pg, X0 + 88, 54, "なつくさ 暮らしの回覧板", 17, GREEN, True, heading=True)
    _lab(doc, pg, X0 + 88, 72, "第112号　令和8年7月1日発行", 9.4, GRAY)
    ts = TableSpec(caption=None, header=["回覧順", "1組", "2組", "3組", "4組", "5組", "6組"],
                   rows=[["確認印", "", "", "", "", "", ""]], widths=[1.5, 1, 1, 1, 1, 1, 1],
                   align=["c"] * 7, size=8.4, leading=20.0, pad=3.0, header_fill=(0.96, 0.90, 0.90))
    _table(doc, pg, X1 - 216, 34, 216, ts)
    by = 92.0

    def note_box(P):
        P.rect(X0, by, TW, 34, stroke=RED, fill=(1.0, 0.96, 0.95), width=0.8, radius=3)

    _shape(doc, pg, note_box)
    _lab(doc, pg, X0 + 8, by + 14, "発行：夏草町 住民福祉課・夏草町自治会連合会（この回覧は町内全戸にお回ししています）", 8.8)
    _lab(doc, pg, X0 + 8, by + 28, "班長さんへ　回覧が終わりましたら、7月15日（水）までに自治会長へお戻しください。", 8.8, RED,
         True)
    top = 140.0
    vf = VFlow(doc, pg, [(X1, X0, top, 462.0)])
    vf.text(["住まいの困りごと、"], size=24, pitch=34, font=G, color=GREEN, bold=True, indent=0, heading=True)
    vf.text(["ひとりで悩まずにご相談ください"], size=24, pitch=34, font=G, color=GREEN, bold=True, indent=2,
            heading=True)
    vf.skip(10)
    _vbox_title(vf, "夏草町居住支援協議会が発足しました")
    body = [
        "令和八年六月二十四日、町役場三階の大会議室で設立総会を開き、「夏草町居住支援協議会」が発足しました。",
        "協議会には、町内の不動産店四店、夏草町社会福祉協議会、民生委員児童委員協議会、居住支援法人二法人、町の関係課"
        "など、あわせて十四の団体が参加しています。",
        "協議会は、高齢の方や障がいのある方、子育て中のひとり親の方など、住まい探しに困っている方が安心して暮らせるよう、"
        "大家さんや不動産店と福祉の関係者をつなぐ役割を担います。",
        "会長には、夏草町社会福祉協議会の会長の野々村清さんが選ばれました。副会長は、なつくさ不動産の代表の千田綾子さんです。",
        "設立の準備にあたっては、ほたる県の「市町村居住支援協議会設立準備補助金」四十二万円を活用したほか、県から派遣された"
        "居住支援アドバイザーから三回の助言を受けました。",
        "夏草町の協議会は、県内で六つ目の市町村居住支援協議会です。",
    ]
    for p in body:
        vf.text(split_sentences(p))
    vf.skip(8)
    _vbox_title(vf, "住まいの相談窓口を開設します")
    for p in ["七月十三日（月）から、町役場一階の住民福祉課に「住まいの相談窓口」を開設します。",
              "受付は平日の午前九時から午後四時まで（正午から午後一時までを除く）で、相談は無料です。",
              "相談員がお話を伺ったうえで、居住支援法人や不動産店におつなぎします。",
              "ご相談の内容が、ご本人の同意なく外部に伝わることはありません。"]:
        vf.text(split_sentences(p))
    y = top + 462 + 22

    def bar(P, y=y):
        P.line(X0, y - 10, X1, y - 10, 0.8, LGRAY)

    _shape(doc, pg, bar)
    t = TableSpec(caption="住まいの出張相談会（7月・8月）", unit="参加無料・相談時間は1人30分程度",
                  header=["日時", "会場", "相談員"],
                  rows=[["7月25日（土）10時～12時", "夏草公民館 和室", "NPO法人ほたる住まいサポート"],
                        ["8月8日（土）10時～12時", "北山集会所", "株式会社なつくさ不動産"],
                        ["8月22日（土）13時～15時", "町役場1階 相談室", "ほたる県居住支援センター"]],
                  widths=[3.0, 2.6, 3.4], align=["l", "l", "l"],
                  notes=["※ 予約優先です。4ページの申込書を住民福祉課へ提出するか、お電話でお申し込みください。当日の受付も"
                         "できます。",
                         "※ 北山集会所には駐車場がありません。夏草公民館の駐車場をご利用ください。"],
                  caption_style=Style(font=G, size=11.5, leading=18, bold=True, color=GREEN, keep_next=True),
                  note_style=NOTE, **TKW)
    y += _table(doc, pg, X0, y, TW, t)
    if y > H - 40:
        raise AssertionError(f"hotaru-kairan p1 overflows: {y:.0f}")


# --------------------------------------------------------------------------- page 2

def _page2(doc: Doc, pg: int) -> None:
    top1, len1 = 44.0, 330.0
    top2, len2 = top1 + len1 + 26, 396.0
    side_w = 132.0

    def tiers(P):
        P.line(X0, top2 - 13, X1, top2 - 13, 0.8, LGRAY)

    _shape(doc, pg, tiers)
    vf = VFlow(doc, pg, [(X1, X0, top1, len1), (X1, X0 + side_w + 14, top2, len2)])
    _vbox_title(vf, "よくあるご質問", size=17, pitch=30)
    vf.skip(4)
    qa = [
        ("問一　どのような人が相談できますか。",
         "答　町内にお住まいの方や、町内への転居を考えている方で、住まい探しにお困りの方であれば、どなたでも相談できます。"
         "ご家族やケアマネジャー、民生委員からの相談も受け付けます。"),
        ("問二　相談にお金はかかりますか。",
         "答　相談は無料です。ただし、家賃債務保証の保証料や引っ越しの費用などは、ご本人の負担となります。"),
        ("問三　大家さんも相談できますか。",
         "答　できます。高齢の方などに部屋を貸すことへの不安について、見守りサービスや家賃債務保証の紹介など、協議会に"
         "参加する団体がお手伝いします。"),
        ("問四　町営住宅の申込みもできますか。",
         "答　町営住宅の入居申込みは、これまでどおり役場二階の建設課住宅係で受け付けています。住まいの相談窓口では、"
         "民間の賃貸住宅を中心にご案内します。"),
        ("問五　入居した後も相談できますか。",
         "答　できます。ご本人の同意があれば、入居後も居住支援法人の職員がおおむね月一回訪問し、暮らしの困りごとの"
         "相談に応じます。"),
        ("問六　自治会に入らなければなりませんか。",
         "答　入居にあたって、自治会への加入が条件となることはありません。地域での暮らしについては、各地区の自治会長に"
         "お気軽にご相談ください。"),
        ("問七　ペットと一緒に住める部屋も探せますか。",
         "答　探せます。ただし、ペットと一緒に住める部屋は町内では少ないため、近くの市や町の物件をご案内することが"
         "あります。"),
        ("問八　相談の予約は必要ですか。",
         "答　窓口での相談は予約がなくても受け付けますが、お待たせすることがあるため、事前にお電話をいただくと確実です。"
         "出張相談会は予約優先です。"),
    ]
    for q, a in qa:
        vf.text([q], font=G, bold=True, indent=0, color=GREEN, q=True)
        vf.text(split_sentences(a), indent=0, hang=2, a=True)
        vf.skip(2)
    vf.skip(8)
    _vbox_title(vf, "大家さん・不動産店の皆さまへ", size=14, pitch=24)
    for p in ["空き家や空き部屋を、住まいに困っている方に貸していただける大家さんを募集しています。",
              "協議会に登録していただいた物件は、町の住まいの相談窓口でご紹介します。",
              "登録物件に高齢の方などが入居した場合、ほたる県の「あんしん賃貸支援事業」により、見守りサービスの費用を"
              "月額二千円まで、最長十二か月間補助します。",
              "登録の申込みは、住民福祉課で受け付けています。"]:
        vf.text(split_sentences(p))
    vf.skip(12)
    _vbox_title(vf, "相談員のご紹介", size=14, pitch=24)
    for p in ["住まいの相談窓口の相談員は、社会福祉士の資格を持つ町の職員二名です。",
              "毎週水曜日の午後は、居住支援法人の職員も窓口に同席し、物件探しのご相談に応じます。"]:
        vf.text(split_sentences(p))
    # sidebar in the lower left corner, beside the lower tier
    _point_box(doc, pg, X0, top2, side_w, "ことばの解説", [
        "【居住支援法人】住まい探しに困っている方の入居の支援や、入居後の見守りなどを行う法人として、都道府県知事が"
        "指定する法人です。ほたる県では、令和8年4月1日現在、15法人が指定されています。",
        "【家賃債務保証】入居者が家賃を支払えなくなったときに、保証会社などが大家さんに家賃を立て替える仕組みです。",
    ], size=8.4)


# --------------------------------------------------------------------------- page 3

def _page3(doc: Doc, pg: int) -> None:
    top, ln = 44.0, 372.0

    def band(P):
        P.rect(X1 - 44, top - 6, 44, ln + 12, stroke=None, fill=GREEN_L, radius=4)

    _shape(doc, pg, band)
    vf = VFlow(doc, pg, [(X1 - 4, X0, top, ln)])
    _vbox_title(vf, "ほたる県からのお知らせ", size=18, pitch=36)
    vf.skip(6)
    _vbox_title(vf, "市町村の協議会づくりを応援しています", size=13, pitch=24, color=BLACK)
    for p in ["ほたる県では、令和十年度末までに、県内十二市町村のうち十市町村で、居住支援の協議会が設けられることを"
              "目標にしています。",
              "この協議会には、二つ以上の町村による共同設置や、県協議会の地域分科会も含みます。",
              "このため県は、設立の準備に要する経費の補助（上限五十万円、補助率二分の一）や、専門家であるアドバイザーの"
              "派遣（一市町村あたり年三回まで）、市町村の担当職員の研修を行っています。",
              "また、令和八年四月からは、県の三つの保健福祉事務所に地域支援担当を置き、それぞれの圏域で相談に応じています。",
              "東部圏域では、星降市に続き、夏草町で協議会が設立されました。",
              "県内の居住支援法人は十五法人で、このうち四法人が東部圏域で活動しています。"]:
        vf.text(split_sentences(p))
    vf.text(["ほたる県県土整備部住まい政策課"], size=10, font=G, indent=0, foot=True)
    _point_box(doc, pg, X0, top, 170, "ほたる県居住支援センター", [
        "住まいに関するご相談を、県内どこからでも無料で受け付けています。",
        "電話　0120-481-706（通話料無料）",
        "受付　平日9時～17時／第2・第4土曜日10時～15時",
        "運営　NPO法人ほたる住まいサポート（県の委託事業）",
    ], size=8.8, border=(0.75, 0.50, 0.08), fill=CREAM)
    y = top + ln + 26
    t = TableSpec(caption="東部圏域で活動する居住支援法人（令和8年4月1日現在）", unit=None,
                  header=["法人名", "所在地", "主な支援内容", "電話"],
                  rows=[["NPO法人ほたる住まいサポート", "川霧市", "相談・物件探し・入居後の見守り", "0796-40-1187"],
                        ["株式会社なつくさ不動産", "夏草町", "物件の紹介・内見の同行", "0798-66-0312"],
                        ["一般社団法人こよい見守りネット", "小夜町", "見守り・安否確認", "0798-71-5520"],
                        ["社会福祉法人ほしふる福祉会", "星降市", "生活支援・緊急連絡先の引受け", "0798-63-8841"]],
                  widths=[3.6, 1.3, 3.6, 2.0], align=["l", "c", "l", "c"],
                  notes=["※ NPO法人ほたる住まいサポートは、県内全域で活動しています。"],
                  caption_style=Style(font=G, size=10.5, leading=17, bold=True, color=GREEN, keep_next=True),
                  note_style=NOTE, **TKW)
    y += _table(doc, pg, X0, y, TW, t)
    y += 14
    t2 = TableSpec(caption="県内の市町村居住支援協議会（令和8年7月1日現在）", unit=None,
                   header=["協議会の名称", "設立年月", "圏域"],
                   rows=[["川霧市居住支援協議会", "令和5年10月", "西部"],
                         ["星降市居住支援協議会", "令和6年3月", "東部"],
                         ["瀬音町・水車町居住支援協議会", "令和6年7月", "中部"],
                         ["月見野市居住支援協議会", "令和7年2月", "中部"],
                         ["葦原市居住支援協議会", "令和7年11月", "中部"],
                         ["夏草町居住支援協議会", "令和8年6月", "東部"]],
                   widths=[4.6, 2.0, 1.2], align=["l", "c", "c"],
                   notes=["※ このほか、岩雫村と苔谷村は、県協議会の地域分科会に参加しています。"],
                   caption_style=Style(font=G, size=10.5, leading=17, bold=True, color=GREEN, keep_next=True),
                   note_style=NOTE, **TKW)
    y += _table(doc, pg, X0, y, TW * 0.72, t2)
    if y > H - 40:
        raise AssertionError(f"hotaru-kairan p3 overflows: {y:.0f}")


# --------------------------------------------------------------------------- page 4

def _page4(doc: Doc, pg: int) -> None:
    top, ln = 44.0, 300.0
    vf = VFlow(doc, pg, [(X1, X0 + 150, top, ln)])
    _vbox_title(vf, "協議会の会長から", size=16, pitch=30)
    vf.skip(4)
    for p in ["このたび、夏草町居住支援協議会の会長を務めることになりました野々村清です。",
              "町内でも、ひとり暮らしの高齢の方が増え、住み慣れた地域で住まいを見つけることが難しくなっているとの声を、"
              "民生委員の皆さんから多く伺ってきました。",
              "協議会では、今年度、町内三か所で出張相談会を開くほか、十月には大家さんを対象とした説明会を開く予定です。",
              "住まいのことで困ったときは、どうぞお気軽に窓口へお声がけください。"]:
        vf.text(split_sentences(p))
    vf.skip(6)
    vf.text(["夏草町居住支援協議会会長野々村清"], size=10.5, font=G, indent=0, foot=True)
    # a small horizontal box at the left of the message
    _point_box(doc, pg, X0, top, 136, "今年度の主な予定", [
        "7月13日　住まいの相談窓口を開設",
        "7月25日　第1回 出張相談会",
        "8月8日　第2回 出張相談会",
        "8月22日　第3回 出張相談会",
        "10月　大家さん向け説明会",
        "令和9年2月　第2回 総会",
    ], size=8.4)
    cy = top + ln + 26

    def cut(P):
        P.line(X0, cy, X1, cy, 0.9, GRAY, ([5, 3], 0))
        w = sw("きりとり線", G, 8.4) + 12
        P.rect(W / 2 - w / 2, cy - 7, w, 14, stroke=None, fill=WHITE)

    _shape(doc, pg, cut)
    _lab(doc, pg, W / 2, cy + 3, "きりとり線", 8.4, GRAY, align="center")
    y = cy + 22
    _lab(doc, pg, W / 2, y + 12, "住まいの出張相談会 申込書", 15, GREEN, True, "center", heading=True)
    _lab(doc, pg, X1, y + 30, "夏草町 住民福祉課 行", 9.4, BLACK, align="right")
    y += 40
    lw = 108.0
    rows = [("申込日", ["令和8年　　月　　日"]),
            ("お名前", [""]),
            ("ご住所", ["夏草町"]),
            ("電話番号", [""]),
            ("希望日（□に✓）", ["□ 7月25日（土）　□ 8月8日（土）　□ 8月22日（土）"]),
            ("ご相談の内容", ["□ 住まい探し　□ 家賃の支払い　□ 大家としての相談　□ その他（　　　　　　）"]),
            ("ご本人との関係", ["□ 本人　□ 家族　□ ケアマネジャー　□ その他（　　　　　　）"])]
    rh = 26.0
    fy = y

    def grid(P, n=len(rows)):
        for k in range(n):
            yy = fy + k * rh
            P.rect(X0, yy, lw, rh, stroke=None, fill=(0.90, 0.95, 0.91))
            P.line(X0, yy, X1, yy, 0.6, BLACK)
        P.line(X0, fy + n * rh, X1, fy + n * rh, 0.6, BLACK)
        P.line(X0, fy, X0, fy + n * rh, 0.6, BLACK)
        P.line(X0 + lw, fy, X0 + lw, fy + n * rh, 0.6, BLACK)
        P.line(X1, fy, X1, fy + n * rh, 0.6, BLACK)

    _shape(doc, pg, grid)
    for k, (label, vals) in enumerate(rows):
        bl = fy + k * rh + rh / 2 + 3.4
        _lab(doc, pg, X0 + 6, bl, label, 9.4, BLACK, True, field=True)
        for v in vals:
            if v:
                _lab(doc, pg, X0 + lw + 8, bl, v, 9.4, BLACK, option=v.startswith("□"),
                     maxw=TW - lw - 12)
    y = fy + len(rows) * rh + 8
    for t in ["申込締切：各相談会の3日前まで（当日の受付もできます）",
              "提出先：住民福祉課（役場1階）または各組の班長",
              "電話・FAXでも申し込めます。電話 0798-66-2200　FAX 0798-66-2290"]:
        y += place_text(doc, pg, X0, y, TW, split_sentences(t), Style(font=G, size=9.0, leading=14.0))
    y += 4
    y += place_text(doc, pg, X0, y, TW, [
        "※ ご記入いただいた個人情報は、相談会の運営と、その後のご相談への対応のためにのみ使用します。"], NOTE,
        extra={"note": True})
    if y > H - 40:
        raise AssertionError(f"hotaru-kairan p4 overflows: {y:.0f}")
