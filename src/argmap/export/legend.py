"""The legend: an HTML table listing only the cards, relations and badges a diagram uses."""

from __future__ import annotations

from collections.abc import Collection

from argmap.export.cards import Badge
from argmap.export.style import LINES, SMALL_SIZE, Card, Rel, Theme
from argmap.export.text import esc

CARD_MEANING: dict[Card, str] = {
    Card.BOTTOM_LINE: "the main judgment",
    Card.CLAIM: "a factor or judgment",
    Card.EVIDENCE: "grounds, with citation",
    Card.OBJECTION: "rebuts what it points to",
    Card.COUNTER: "answers an objection",
    Card.UNDERCUT: "attacks an inference",
    Card.ASSUMPTION: "what a judgment presumes",
    Card.INDICATOR: "a signpost to watch",
}

BADGE_SAMPLE: dict[Badge, tuple[str, str]] = {
    Badge.LIKELIHOOD: ("Likely · 55–80%", "likelihood (ICD 203)"),
    Badge.CONFIDENCE: ("Moderate confidence", "analytic confidence"),
    Badge.GRADE: ("B2", "source A–F, information 1–6"),
    Badge.LINCHPIN: ("Linchpin", "judgment falls without it"),
    Badge.STATUS: ("Emerging", "indicator status"),
    Badge.HIDDEN: ("+3 more below", "not shown in this view"),
}

# Text glyphs that echo each arrowhead, so the legend reads like the lines it explains.
ARROW_GLYPH: dict[str, str] = {
    "normal": "▶",
    "tee": "┃",
    "teetee": "┃┃",
    "odiamond": "◇",
    "odot": "○",
}

REL_NAME: dict[Rel, str] = {
    Rel.SUPPORTS: "supports",
    Rel.REBUTS: "rebuts",
    Rel.COUNTERS: "answers an objection",
    Rel.UNDERCUTS: "undercuts",
    Rel.PRESUMES: "is presumed by",
    Rel.SIGNALS: "signals",
    Rel.ANALOGY: "analogy",
}


def _row(sample: str, text: str, theme: Theme) -> str:
    """A sample cell and its meaning: two cells of one legend row."""
    return (
        f'{sample}<TD ALIGN="LEFT"><FONT POINT-SIZE="{SMALL_SIZE:g}" '
        f'COLOR="{theme.text}">{esc(text)}</FONT></TD>'
    )


def _card_row(card: Card, theme: Theme) -> str:
    fill, border = theme.cards[card]
    sample = (
        f'<TD BORDER="1" COLOR="{border}" BGCOLOR="{fill}" ALIGN="LEFT">'
        f'<FONT POINT-SIZE="{SMALL_SIZE:g}" COLOR="{theme.ink(card)}"><B>{card.value.upper()}</B>'
        "</FONT></TD>"
    )
    return _row(sample, CARD_MEANING[card], theme)


def _line_row(rel: Rel, theme: Theme) -> str:
    line = LINES[rel]
    colour = theme.lines[rel]
    # Cell borders draw the line style itself; the glyph stands for the arrowhead.
    border_style = "" if line.style in ("solid", "bold") else f' STYLE="{line.style}"'
    width = 3 if line.penwidth >= 2.4 else 2
    glyph = ARROW_GLYPH.get(line.arrow, "▶")
    sample = (
        f'<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD SIDES="B" BORDER="{width}" COLOR="{colour}"{border_style} WIDTH="40"> </TD>'
        f'<TD><FONT POINT-SIZE="{SMALL_SIZE:g}" COLOR="{colour}"><B>{glyph}</B></FONT></TD>'
        "</TR></TABLE></TD>"
    )
    return _row(sample, f"{REL_NAME[rel]}: {line.meaning}", theme)


def _badge_row(badge: Badge, theme: Theme) -> str:
    sample_text, meaning = BADGE_SAMPLE[badge]
    if badge is Badge.HIDDEN:  # shown as plain text in a card's header, so here too
        sample = (
            f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{SMALL_SIZE:g}" COLOR="{theme.muted}">'
            f"{esc(sample_text)}</FONT></TD>"
        )
        return _row(sample, meaning, theme)
    sample = (
        f'<TD BORDER="1" COLOR="{theme.muted}" BGCOLOR="{theme.badge_fill}" ALIGN="LEFT">'
        f'<FONT POINT-SIZE="{SMALL_SIZE:g}" COLOR="{theme.badge_text}">{esc(sample_text)}'
        "</FONT></TD>"
    )
    return _row(sample, meaning, theme)


_EMPTY = "<TD></TD><TD></TD>"


def legend_label(
    cards: Collection[Card],
    rels: Collection[Rel],
    badges: Collection[Badge],
    theme: Theme,
    *,
    pairs: int = 0,
) -> str:
    """The legend as an HTML-like label; only what is present, in a fixed order.

    Cards and badges fill the left pair of columns, lines the right pair, row by
    row (so each line sample sits on its own text), and the legend fits beside
    the bottom line on the top rank. With `pairs`, everything is laid out in up to
    that many pairs of columns beside a title: a short strip for the foot of a slide.
    """
    card_rows = [_card_row(c, theme) for c in Card if c in cards]
    badge_rows = [_badge_row(b, theme) for b in Badge if b in badges]
    line_rows = [_line_row(r, theme) for r in Rel if r in rels]
    if pairs:  # as few rows as the pairs of columns allow, filled column by column
        entries = card_rows + badge_rows + line_rows
        tall = max(1, -(-len(entries) // pairs))
        groups = [entries[i : i + tall] for i in range(0, len(entries), tall)]
    else:
        groups = [card_rows + badge_rows, line_rows]
    groups = [g for g in groups if g] or [[]]
    height = max(len(g) for g in groups)
    rows = []
    for i in range(height):
        rows.append("".join(g[i] if i < len(g) else _EMPTY for g in groups))
    title = f'<FONT POINT-SIZE="{SMALL_SIZE + 3:g}" COLOR="{theme.text}"><B>Legend</B></FONT>'
    if pairs:
        rows[0] = f'<TD ROWSPAN="{height}" VALIGN="TOP" ALIGN="LEFT">{title}</TD>' + rows[0]
    else:
        span = 2 * len(groups)
        rows.insert(0, f'<TD COLSPAN="{span}" ALIGN="LEFT">{title}</TD>')
    return (
        f'<<TABLE BORDER="1" COLOR="{theme.lane_border}" BGCOLOR="{theme.legend_fill}" '
        'CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
        + "".join(f"<TR>{row}</TR>" for row in rows)
        + "</TABLE>>"
    )
