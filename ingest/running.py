"""Running headers/footers and printed page numbers, found statistically across a document's pages.

Pure functions over plain tuples, so they are testable without PDFs. A running line is text
that comes back at about the same height near the top or bottom edge on several pages once
its digits are normalised (「- 67 -」, 「みなと県住宅課　P.7」, 「第2章 協議会の設立」). Such lines
are removed from the body; the printed page number is read from them (or from a lone number
in the margin) and the sequence that increases by one from page to page wins, because dates,
years and chapter numbers in the same lines do not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .clean import FOOT_MARK, NOTE_MARK

EDGE_BAND = 0.14  # top/bottom share of the page height where running lines live
Y_TOLERANCE = 0.012  # share of the page height: "the same position" on two pages

_DASH = "-‐－―ー–—−"
_UNIT = re.compile(r"[(（]\s*単位\s*[:：]")
_BARE = re.compile(rf"[\d{re.escape(_DASH)}()（）\s]+|[ivxlcdm]+", re.I)
_BRACKETS = "《》〈〉<>〔〕[]【】«»⟨⟩"
_ORNAMENTS = re.escape("~〜・*=◆◇■□●○★☆◎♦")
_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I)
# bracket pairs around a page number; （n） is read by its own form below
_PAIRS = "|".join(rf"{re.escape(a)}\s*(?P<n{i}>\d{{1,4}}|[ivxlcdm]{{1,7}})\s*{re.escape(b)}"
                  for i, (a, b) in enumerate(zip(_BRACKETS[::2], _BRACKETS[1::2], strict=True)))
_FORMS = [
    # (regex on NFKC text, strong): strong forms are page numbers even when seen once
    (re.compile(rf"^[{_DASH}]\s*(\d{{1,4}}|[ivxlcdm]{{1,7}})\s*[{_DASH}]$", re.I), True),
    # the same ornament on both sides (「～ 3 ～」「* 3 *」「・3・」), or a pair of brackets (「《 3 》」「〔3〕」):
    # a printed page number in a house style of its own — where it recurs page after page (「○1○」 once is a mark)
    (re.compile(rf"^(?P<o>[{_ORNAMENTS}])(?P=o)?\s*(?P<n>\d{{1,4}}|[ivxlcdm]{{1,7}})\s*(?P=o)(?P=o)?$", re.I), False),
    (re.compile(rf"^(?:{_PAIRS})$", re.I), False),
    (re.compile(r"(?:^|[\s　])(?:p|P|ページ|頁)\s*[.．]?\s*(\d{1,4})$"), True),
    (re.compile(r"^(?:p|P)\s*[.．]?\s*(\d{1,4})\b"), True),
    (_COUNTED := re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$"), True),  # 「3 / 16」: page 3 of 16 (`_counted_labels`)
    (re.compile(r"^(\d{1,4})\s*(?:ページ|頁)$"), True),
    (re.compile(r"^第?\s*(\d{1,3})\s*面$"), True),  # a newspaper's or newsletter's page: 「1面」「第2面」
    (re.compile(r"^[(（]\s*(\d{1,4})\s*[)）]$"), False),
    (re.compile(r"^(\d{1,4})$"), False),
    (re.compile(r"^([ivxlcdm]{1,7})$", re.I), False),
    # a page of a count closing a running line: 「さつき県 住宅課 ｜ 1/3」
    (_COUNTED_TAIL := re.compile(r"(?:\s|\|)\s*(\d{1,4})\s*/\s*(\d{1,4})$"), False),
    (re.compile(r"(?:^|\s)(\d{1,4})$"), False),  # a number closing a running line: 「手引き　12」
    (re.compile(r"\s[(（]\s*(\d{1,4})\s*[)）]$"), False),  # or in brackets: 「すまいネット通信　第12号　（3）」
    (re.compile(rf"\s(?P<o>[{_ORNAMENTS}])\s*(?P<n>\d{{1,4}})\s*(?P=o)$"), False),  # or ornamented: 「年報　～ 3 ～」
    (re.compile(r"^(\d{1,4})(?:\s)"), False),  # or opening it: 「12　手引き」
]


# a number after a prefix and a dash, alone on its line: 「事例集-3」「参考-1」「2-5」 (chapter–page numbering)
_SECTION_DASH = _DASH.replace("ー", "")  # not the long-vowel mark: 「センター3」 is a name and a number
_SECTIONED = re.compile(rf"^([^\d\s{re.escape(_DASH)}]{{1,8}}|\d{{1,3}})\s*[{re.escape(_SECTION_DASH)}]\s*(\d{{1,4}})$")


@dataclass(frozen=True)
class Frag:
    """A piece of text on a page: what the statistics look at."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float = 0.0
    note_no: bool = False  # opens with a footnote's own raised number (pdf.Line.note_no)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def roman_value(s: str) -> int | None:
    if not s or not _ROMAN.match(s):
        return None
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    s = s.lower()
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def page_number_candidates(text: str) -> list[tuple[str, int, str, bool]]:
    """Printed page numbers a line may hold: (label, value, 'arabic'|'roman', strong form)."""
    t = _nfkc(text)
    sectioned = _SECTIONED.match(re.sub(r"\s+", "", t))
    if sectioned:  # printed as it stands; `choose_labels` keeps only the number when one word prefixes every page
        prefix, n = sectioned.group(1), int(sectioned.group(2))
        return [(f"{prefix}-{n}", n, f"sectioned:{prefix}", True)]
    out: list[tuple[str, int, str, bool]] = []
    for rx, strong in _FORMS:
        m = rx.search(t)
        if not m:
            continue
        raw = next((v for k, v in m.groupdict().items() if k.startswith("n") and v), None) or m.group(1)
        if raw.isdigit() and rx in (_COUNTED, _COUNTED_TAIL):  # kept with its total until the document shows it is one count
            cand = (f"{int(raw)}/{int(m.group(2))}", int(raw), "arabic", strong)
        elif raw.isdigit():
            cand = (str(int(raw)), int(raw), "arabic", strong)
        else:
            v = roman_value(raw)
            if v is None:
                continue
            cand = (raw.lower() if raw.islower() else raw, v, "roman", strong)
        if cand not in out:
            out.append(cand)
    return out


def shape(text: str) -> str:
    """Digit- and roman-normalised text: the same running line on every page gives one shape."""
    t = re.sub(r"\s+", "", _nfkc(text))
    t = re.sub(r"\d+", "#", t)
    return re.sub(r"(?<![A-Za-z])[ivxlcdm]{1,7}(?![A-Za-z])", "#", t, flags=re.I)


def _wordy(part: str) -> bool:
    """Whether a fixed part of a line holds enough letters (not digits, marks or punctuation) to name something."""
    return sum(ch.isalpha() for ch in part if ch != "#") >= 5


def _band(f: Frag, height: float) -> str | None:
    if f.bottom <= height * EDGE_BAND:
        return "top"
    if f.top >= height * (1 - EDGE_BAND):
        return "bottom"
    return None


def _place(f: Frag, band: str, y: float, h: float, w: float = 0.0) -> tuple:
    """Where small furniture stands. Given the page width, the distance from the nearer side edge: a book's running
    line sits on the outer side of facing pages (right on odd pages, left on even ones) and is one place."""
    x = min(f.x0, w - f.x1) if w else f.x0
    return band, round(y / (h * Y_TOLERANCE * 2)), round(f.size), round(x / 20)


def _caption_or_unit(text: str) -> bool:
    """A table's caption (表2　…, from the headings vocabulary) or its unit line (（単位：件）): content."""
    from .headings import caption_of

    return caption_of(text) is not None or bool(_UNIT.search(_nfkc(text)))


def _prose(text: str) -> bool:
    """A line of running prose (a footnote's 「1)　…法律に基づき、…」 or its wrapped end 「…協議会をいう。」): content,
    though small and at the page foot on many pages. Furniture is a name, a number or a title; only its very words
    recurring (a disclaimer on every page) make a sentence furniture."""
    t = _nfkc(text).strip()
    return len(t) >= 15 and bool(re.search(r"[、。]", t))


def footnote_lines(frags: list[Frag]) -> set[int]:
    """The indexes of a page's footnote lines. A footnote (※3 …, 注1 …, *2 …) at the page foot is small text in the
    same place on many pages, yet content: its mark is in the body. So the line starting with a note mark, every
    piece printed on that line, and the lines wrapped under it (same size, a line's height below, starting at or
    right of the mark) are kept; only the same words on many pages (a disclaimer) make one furniture."""
    order = sorted(range(len(frags)), key=lambda i: (frags[i].top, frags[i].x0))
    out: set[int] = set()
    mark: Frag | None = None  # the note line's first piece
    last: Frag | None = None  # the note's lowest line so far
    sizes = sorted(f.size for f in frags)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    for i in order:
        f = frags[i]
        size = max(f.size, 1.0)
        if NOTE_MARK.match(_nfkc(f.text)) or ((FOOT_MARK.match(_nfkc(f.text)) or f.note_no) and f.size < body - 0.5):
            out.add(i)
            mark = last = f
        elif last is not None and abs(f.top - last.top) < size * 0.3:
            out.add(i)  # another piece of the same line (the reader split it at a wide gap)
        elif (last is not None and mark is not None and abs(f.size - last.size) < 0.3
              and 0 <= f.top - last.bottom < size * 1.2 and mark.x0 - 2 <= f.x0 <= mark.x0 + size * 3):
            out.add(i)
            last = f
        elif last is not None and f.top >= last.bottom:
            mark = last = None
    # the end of a note begun at the foot of the page before, printed over this page's first note in its type and
    # hanging indent: a note too
    if out:
        first = frags[min(out, key=lambda i: frags[i].top)]
        while True:
            above = [k for k in range(len(frags)) if k not in out and abs(frags[k].size - first.size) < 0.3
                     and 0 <= first.top - frags[k].bottom < first.size * 1.2 and frags[k].x0 > first.x0 + 2]
            if not above:
                break
            out.update(above)
            first = frags[above[0]]
    return out


def find_running(pages: list[list[Frag]], heights: list[float], body_size: float = 0.0,
                 has_other: list[bool] | None = None, widths: list[float] | None = None) -> list[set[int]]:
    """Per page, the indexes of the fragments that are running headers/footers or page numbers.

    A fragment counts when its shape recurs at about the same height in the same edge band
    on enough pages (at least 2, and at least 3 in documents of 5 pages or more), or when it
    alone is a page number in the edge band. Large text (slide titles) counts only when the very same words
    stand at the same place on nearly every page (a handout's meeting name): titles that repeat are content.
    `has_other[i]`: page i holds content that is not among its fragments (a table), so its repeated lines may
    all go. `widths`: the page widths, so a running line on the outer side of facing pages is one place.
    """
    n = len(pages)
    widths = widths or [0.0] * n
    need = 2 if n < 5 else 3
    keys: list[list[tuple | None]] = []
    counts: Counter = Counter()
    on_pages: dict[tuple, set[int]] = {}
    for frags, h in zip(pages, heights, strict=True):
        row: list[tuple | None] = []
        seen: set[tuple] = set()
        for f in frags:
            band = _band(f, h)
            if band is None:
                row.append(None)
                continue
            y = f.top if band == "top" else h - f.bottom
            yb = round(y / (h * Y_TOLERANCE * 2))
            sh = shape(f.text)
            # the whole line, or its first or last words: a header naming the current chapter
            # (「ガイド｜第1章 …」, 「ガイド｜第2章 …」) keeps its fixed part
            variants = [(band, "=" + sh, yb)]
            if len(sh) >= 8:
                # a fixed part must be words: 「課電話#-#-#」 ending every municipality's contact line is a number's
                # shape, and the lines are content
                variants += [(band, mark + part, yb) for mark, part in (("<", sh[:8]), (">", sh[-8:]))
                             if _wordy(part)]
            row.append(tuple(variants))
            for key in variants:
                if key not in seen:
                    seen.add(key)
                    counts[key] += 1
                    on_pages.setdefault(key, set()).add(len(keys))
        keys.append(row)

    # position and face alone: text smaller than the body at the same place on half the
    # pages or more is furniture even when its words change (a section name over slides)
    places: Counter = Counter()
    for frags, h, w in zip(pages, heights, widths, strict=True):
        seen_places: set[tuple] = set()
        for f in frags:
            band = _band(f, h)
            if band is None or not body_size or f.size > body_size - 0.5:
                continue
            y = f.top if band == "top" else h - f.bottom
            seen_places.add(_place(f, band, y, h, w))
        places.update(seen_places)
    need_place = max(need, (n + 1) // 2)

    def alternate(key: tuple) -> bool:
        """A running line of facing pages, in a document too short for the count alone (5 or 6 pages, where each
        side has 2 or 3): the same words on every even (or every odd) page but the first, twice at least, and
        other words recurring at the same place on the other side (a book's title over the left pages, its
        chapter's over the right ones). A box title on two pages, with nothing facing it, is content."""
        at = on_pages.get(key, set())
        if n > 6 or len(at) < 2 or len({p % 2 for p in at}) != 1:  # longer documents: the count decides
            return False
        side = next(iter(at)) % 2
        if not at >= {p for p in range(1, n) if p % 2 == side}:
            return False
        band, _sh, yb = key
        return any(k[0] == band and k[1][0] == "=" and k != key and abs(k[2] - yb) <= 1 and len(v) >= 2
                   and {p % 2 for p in v} == {1 - side} for k, v in on_pages.items())

    def recurs(variants: tuple, exact: bool, pages_needed: int = need) -> bool:
        return any(
            counts.get((band, sh, yb + d), 0) >= pages_needed or (exact and alternate((band, sh, yb + d)))
            for band, sh, yb in variants if (sh[0] == "=") == exact for d in (-1, 0, 1)
        )

    # the same words at the same place on (nearly) every page are furniture whatever their size: a handout's
    # meeting name over small slide thumbnails is larger than the slides' text, yet no slide title
    everywhere = max(need, -(-4 * n // 5))
    # — its very words, digits included: numbered titles (STEP 1, STEP 2…, 様式第1号, 第2号…) share a shape, not words
    def words(f: Frag) -> str:
        return re.sub(r"\s+", "", _nfkc(f.text))

    literal: Counter = Counter()
    printed: Counter = Counter()  # a line's words wherever they stand: a chapter's title as heading and as running line
    for frags, h in zip(pages, heights, strict=True):
        literal.update({(_band(f, h), words(f)) for f in frags if _band(f, h)})
        printed.update(words(f) for f in frags)

    # the body frame: where text of body size starts and ends on most pages. Furniture
    # matched only by position or by part of its words must lie outside it, so a caption
    # at the top of several pages is never taken for a header.
    tops, bottoms = [], []
    for frags, row in zip(pages, keys, strict=True):
        body = [f for f, key in zip(frags, row, strict=True)
                if (not body_size or f.size >= body_size - 0.5) and not (key and recurs(key, True))]
        if body:
            tops.append(min(f.top for f in body))
            bottoms.append(max(f.bottom for f in body))
    tops.sort()
    bottoms.sort()
    frame_top = tops[len(tops) // 10] if tops else 0.0
    frame_bottom = bottoms[-1 - len(bottoms) // 10] if bottoms else float("inf")

    out: list[set[int]] = []
    for p, (frags, row, h) in enumerate(zip(pages, keys, heights, strict=True)):
        hit: set[int] = set()
        numbers: set[int] = set()
        notes = footnote_lines(frags)
        lone: list[int] = []
        for i, (f, key) in enumerate(zip(frags, row, strict=True)):
            if key is None:
                continue
            band = key[0][0]
            cands = page_number_candidates(f.text)
            lone_number = bool(cands) and len(re.sub(r"\s", "", _nfkc(f.text))) <= 12 and any(
                c[3] or _BARE.fullmatch(_nfkc(f.text)) for c in cands
            )
            big = body_size and f.size > body_size * 1.25
            outside = f.bottom <= frame_top + 0.5 if band == "top" else f.top >= frame_bottom - 0.5
            y = f.top if band == "top" else h - f.bottom
            # a footnote's line of prose in small type at the foot: only its very words recurring make it furniture
            footnote_prose = band == "bottom" and bool(body_size) and f.size <= body_size - 0.5 and _prose(f.text)
            # small type where small furniture stands on half the pages (`places`) is furniture when its words recur on
            # some other page (a section's name over its slides) or it shares its line with
            # furniture (a chapter's name beside the book's title): a line whose words differ on every page and stand
            # alone (each municipality's contact line at the foot of its profile) is content
            small_place = (bool(body_size) and f.size <= body_size - 0.5
                           and places[_place(f, band, y, h, widths[p])] >= need_place)
            # (the chapter in effect over each page names a chapter that opens on one page only: its words are printed
            # again as that chapter's heading)
            if small_place and not recurs(key, True, 2) and not (printed[words(f)] >= 2 and _wordy(words(f))):
                small_place = False
                if outside and i not in notes and not footnote_prose:
                    lone.append(i)
            if lone_number:
                hit.add(i)
                numbers.add(i)
            elif n >= 3 and recurs(key, True, everywhere) and literal[(band, words(f))] >= everywhere:
                hit.add(i)
            elif (not big or bool(cands)) and ((recurs(key, True) and (outside or bool(cands) or _wordy(key[0][1])))
                                               or (outside and i not in notes and not footnote_prose
                                                   and (recurs(key, False) or small_place))):
                # a bare numbered tag inside the body frame (「No.3」 on a band opening each profile) is content;
                # large type that recurs is content (slide titles) — but not a page number's own line
                # (「《 3 》」 set larger than the slides printed four to a page): the page sequence judges it
                hit.add(i)
        hit |= {i for i in lone if any(abs(frags[i].top - frags[j].top) <= 2 for j in hit)}
        if hit and len(hit) == len(frags):
            # a page is never emptied of its words: repeated lines that are all it says are content — unless a
            # table fills the page, and then only lines that are not a table's caption or unit
            hit = numbers | ({i for i in hit if not _caption_or_unit(frags[i].text)}
                             if has_other and has_other[p] else set())
        out.append(hit)
    return out


def slide_counters(pages: list[list[Frag]]) -> list[set[int]]:
    """Per page, the slide numbers of a handout printed with several slides to a page (「7 / 16」 at the foot of each
    slide's frame): 「n / N」 with one N throughout the document, printed twice or more on some page. They number the
    slides, not the page (its own footer does), and are no content: a table going on from one slide to the next
    must not be cut by one. A deck with one slide to a page prints 「n / N」 once a page: that is its page number."""
    found = [[(i, int(m[1]), int(m[2])) for i, f in enumerate(frags) if (m := _COUNTED.match(_nfkc(f.text)))]
             for frags in pages]
    totals = Counter(t for row in found for _, _, t in row)
    if not totals:
        return [set() for _ in pages]
    total, seen = totals.most_common(1)[0]
    numbers = [n for row in found for _, n, t in row if t == total]
    # a sequence of slides: each number once, rising page by page, most of 1..N printed — not the dates or
    # fractions of a table drawn without lines (「4/15」「5/15」, 「1/2」 three times)
    if (seen < 3 or not any(sum(1 for _, _, t in row if t == total) >= 2 for row in found)
            or len(set(numbers)) != len(numbers) or numbers != sorted(numbers) or len(numbers) < 0.6 * total
            or max(numbers) > total):
        return [set() for _ in pages]
    return [{i for i, n, t in row if t == total} for row in found]


def choose_labels(cands: list[list[tuple[str, int, str, bool]]]) -> list[str]:
    """One printed label per page from its candidates; '' where none fits.

    Each candidate implies an offset (value - page index) per numbering system; the offset
    shared by most pages is the document's sequence, so a page picks the candidate whose
    offset the most pages support. A candidate no other page supports is kept only in a
    strong form (「P.7」, 「- 7 -」) or in a one- or two-page document.
    """
    cands = _two_up(_publication_prefix(cands))
    support: Counter = Counter()
    for i, cs in enumerate(cands):
        for _, v, system, _ in {(c[0], c[1], c[2], c[3]) for c in cs}:
            support[_sequence(system, v, i)] += 1
    # where the body's arabic sequence (supported by two pages or more) begins: a lone roman numeral before it
    # numbers the front matter (a 目次 page printed 「i」 ahead of 「- 1 -」)
    body_start = min((i for i, cs in enumerate(cands) for _, v, system, _ in cs
                      if system == "arabic" and support[(system, v - i)] >= 2), default=-1)
    labels: list[str] = []
    for i, cs in enumerate(cands):
        best, best_s = "", 0
        for label, v, system, strong in cs:
            s = support[_sequence(system, v, i)]
            # on a tie the two-up reading wins: a sheet showing 「2」 and 「3」 is pages 2-3, not page 2
            if s > best_s or (s == best_s and best_s > 0 and (strong or system in ("two-up", "spread"))):
                best, best_s = label, s
        if best and best_s < 2 and len(cands) > 2:
            strong_ones = [c for c in cs if c[3]]
            front = [c for c in cs if c[2] == "roman" and i < body_start and c[1] <= i + 1]
            best = strong_ones[0][0] if len(strong_ones) == 1 else front[0][0] if len(front) == 1 else ""
        labels.append(best)
    return _counted_labels(labels)


def _counted_labels(labels: list[str]) -> list[str]:
    """「n / N」 labels are page n where one count runs through the document (「3 / 16」 is page 3; a stray 「7 / 9」
    in it changes nothing); where the count starts again (a call for proposals of three parts, 「1／4」…「1／3」…), n
    alone would name several pages, and the labels keep their totals."""
    counted = [m for label in labels if (m := _COUNTED.match(label))]
    others = {label for label in labels if label and not _COUNTED.match(label)}
    if len(counted) > len({m[1] for m in counted}) or any(m[1] in others for m in counted):
        return labels  # some n on two pages (a letter's 「1／2」 before an attachment's 「1」): n alone would not say which
    return [m[1] if (m := _COUNTED.match(label)) else label for label in labels]


def _sequence(system: str, value: int, index: int) -> tuple[str, int]:
    """The numbering a candidate belongs to: its system and its offset from the page index (a two-up sheet's
    first number grows by two a page)."""
    if system == "spread":  # an imposed sheet's two pages add up to the same sum on every sheet
        return system, value
    return system, value - (2 * index if system == "two-up" else index)


def _two_up(cands: list[list[tuple[str, int, str, bool]]]) -> list[list[tuple[str, int, str, bool]]]:
    """A sheet printed two pages up (a booklet's A5 pages side by side on A4) prints two consecutive numbers,
    one at the foot of each half: the sheet is pages 「3-4」. The pair is a candidate of its own, whose value
    grows by two a sheet; it wins only where that sequence is the document's (`choose_labels`)."""
    out = []
    for cs in cands:
        arabic = {c[1]: c for c in cs if c[2] == "arabic"}
        pairs = [(f"{v}-{v + 1}", v, "two-up", arabic[v][3] and arabic[v + 1][3]) for v in sorted(arabic)
                 if v + 1 in arabic]
        # a sheet of a booklet imposed for saddle stitching (8 pages: 8|1, 2|7, 6|3, 4|5): the last two numbers of its
        # running lines, left to right, add up to the same sum on every sheet; the pair as printed is a candidate whose
        # sum is its value, winning only where that sum is shared (`choose_labels`)
        nums = [c for c in cs if c[2] == "arabic"]
        a, b = nums[-2:] if len(nums) >= 2 else (None, None)
        spread = [(f"{a[1]}-{b[1]}", a[1] + b[1], "spread", a[3] and b[3])] if a and b and a[1] != b[1] else []
        out.append((cs + pairs if len(pairs) == 1 else cs) + spread)
    return out


def _chapter_numeral(prefix: str) -> bool:
    """A roman chapter numeral as printed (Ⅲ, read III): capitals I, V, X only — 「C-1」「MD-1」 are letters."""
    return bool(re.fullmatch(r"[IVX]+", prefix)) and roman_value(prefix) is not None


def _publication_prefix(cands: list[list[tuple[str, int, str, bool]]]) -> list[list[tuple[str, int, str, bool]]]:
    """A number printed after a prefix and a dash (「事例集-3」, 「1-2」, 「参考-1」) is a page in a section or
    in a named publication. When one word prefixes it on every page that has one (「事例集-1」…「事例集-7」),
    the word names the publication and the number alone is the page; a prefix that changes (資料1's 「1-1」,
    then 「2-1」「2-2」「参考-1」) or a chapter number is part of the label, kept as printed."""
    prefixes = {c[2].split(":", 1)[1] for cs in cands for c in cs if c[2].startswith("sectioned:")}
    pages = sum(1 for cs in cands if any(c[2].startswith("sectioned:") for c in cs))
    numbered = sum(1 for cs in cands if cs)
    numbers = [c[1] for cs in cands for c in cs if c[2].startswith("sectioned:")]
    # only when every numbered page is numbered this way, and no number comes twice (「- 1 -」… then 「参考-1」)
    # (a roman numeral is a chapter's number too: 「Ⅲ-1」…「Ⅲ-7」 are pages of chapter Ⅲ, printed so)
    if (len(prefixes) != 1 or pages < 2 or pages != numbered or len(set(numbers)) != len(numbers)
            or next(iter(prefixes)).isdigit() or _chapter_numeral(next(iter(prefixes)))):
        return cands
    return [[(str(c[1]), c[1], "arabic", True) if c[2].startswith("sectioned:") else c for c in cs] for cs in cands]
