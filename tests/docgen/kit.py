"""Reusable pieces on top of the engine: callout boxes and a tiny item markup renderer.

Markup items (tuples), interpreted by `render`:
  ("h2", text) ("h3", text) ("p", text) ("note", text) ("list", [item, ...])
  ("box", title, [paragraph, ...])     a framed callout kept in one column
  ("table", spec)  ("wtable", spec)    spec: dict of TableSpec fields; wtable spans all columns
  ("colbreak",) ("pagebreak",) ("vspace", points)
Anything else is looked up in `hooks` (document-specific items such as chapter banners).
"""

from __future__ import annotations

from collections.abc import Callable

from .engine import (
    Block,
    Flow,
    Style,
    TableSpec,
    baseline_of,
    line_blocks,
    split_sentences,
    sw,
)


def decorate(blocks: list[Block], deco: Callable, width: float) -> list[Block]:
    """Draw `deco(P, x, y, width, height)` under a group of heading lines."""
    if not blocks:
        return blocks
    total = sum(b.h for b in blocks)
    first = blocks[0]
    orig = first.draw

    def draw(P, x, y):
        deco(P, x, y, width, total)
        orig(P, x, y)
    first.draw = draw
    return blocks


def box_block(truth, title: str | None, paras: list, width: float, body: Style, title_st: Style,
              fill=(1.0, 0.97, 0.88), border=(0.85, 0.55, 0.1), pad: float = 8.0, tab: bool = True,
              title_color=(1, 1, 1), sb: float = 8.0, bullet_hang: float = 0.0) -> Block:
    """A framed callout; `paras` are strings (split into sentences)."""
    inner = width - 2 * pad
    parts: list[Block] = []
    title_h = 0.0
    if title:
        tsid = truth.sentence(title, heading=True, box=True)
        tw = sw(title, title_st.font, title_st.size)
        title_h = title_st.leading + (4 if tab else 2)
    for k, p in enumerate(paras):
        st = body.but(sb=3 if k else 0, hang=bullet_hang if p[:1] in "・●①②③④⑤⑥✓□" else body.hang,
                      indent=0 if p[:1] in "・●①②③④⑤⑥✓□" else body.indent)
        parts.extend(line_blocks(truth, split_sentences(p), inner, st, extra={"box": True}))
    body_h = sum(b.h + b.sb for b in parts)
    h = pad + title_h + body_h + pad

    def draw(P, x, y):
        P.rect(x, y, width, h, stroke=border, fill=fill, width=1.0, radius=4)
        if title:
            if tab:
                P.rect(x, y, tw + 2 * pad + 4, title_st.leading + 2, stroke=None, fill=border, radius=3)
                P.text(x + pad + 2, baseline_of(y + 1, title_st), title, title_st.font, title_st.size,
                       title_color, True)
            else:
                P.text(x + pad, baseline_of(y + pad, title_st), title, title_st.font, title_st.size,
                       title_st.color, True)
        yy = y + pad + title_h
        for b in parts:
            yy += b.sb
            b.draw(P, x + pad, yy)
            yy += b.h

    frags = []
    if title:
        frags.append((tsid, title))
    for b in parts:
        frags.extend(b.frags)
    return Block(h=h, draw=draw, frags=frags, sb=sb)


def render(flow: Flow, items: list, S: dict, hooks: dict | None = None) -> None:
    truth = flow.doc.truth
    hooks = hooks or {}
    for it in items:
        kind = it[0]
        if kind in hooks:
            hooks[kind](flow, *it[1:])
        elif kind in ("h2", "h3", "h4"):
            bl = line_blocks(truth, [it[1]], flow.width, S[kind], heading=True)
            if S.get(kind + "_deco"):
                decorate(bl, S[kind + "_deco"], flow.width)
            flow.add_all(bl)
        elif kind == "p":
            flow.add_all(line_blocks(truth, split_sentences(it[1]), flow.width, S["p"]))
        elif kind == "note":
            flow.add_all(line_blocks(truth, split_sentences(it[1]), flow.width, S["note"], extra={"note": True}))
        elif kind == "list":
            for k, t in enumerate(it[1]):
                st = S["li"].but(sb=S["li"].sb if k == 0 else S.get("li_gap", 0.0))
                flow.add_all(line_blocks(truth, split_sentences(t), flow.width, st, extra={"item": True}))
        elif kind == "box":
            flow.add(box_block(truth, it[1], it[2], flow.width, S["box"], S["box_title"], **S.get("box_kw", {})))
        elif kind == "table":
            flow.add_table(TableSpec(**{**S.get("table_kw", {}), **it[1]}))
        elif kind == "wtable":
            n = flow.ncols
            flow.set_columns(1)
            flow.add_table(TableSpec(**{**S.get("table_kw", {}), **it[1]}))
            flow.set_columns(n)
        elif kind == "colbreak":
            flow.column_break()
        elif kind == "pagebreak":
            flow.page_break()
        elif kind == "vspace":
            flow.vspace(it[1])
        else:
            raise KeyError(f"unknown item kind {kind!r}")
