"""Node cards: HTML-like labels with the kind, the wrapped text and the badges."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from argmap.export.style import SMALL_SIZE, TEXT_SIZE, Card, Theme
from argmap.export.text import display_width, esc, esc_fixed, html_lines
from argmap.model import Confidence, Kind, Map, Node, Role
from argmap.summary import shorten
from argmap.tradecraft import INDICATOR_STATUS, LIKELIHOOD, grade


class Badge(StrEnum):
    """The kinds of badge a card can carry."""

    LIKELIHOOD = "likelihood"
    CONFIDENCE = "confidence"
    GRADE = "grade"
    LINCHPIN = "linchpin"
    STATUS = "status"
    HIDDEN = "hidden"


_ROLE_CARD: dict[Role, Card] = {
    Role.COUNTER_REBUTTAL: Card.COUNTER,
    Role.UNDERCUT: Card.UNDERCUT,
}


_KIND_CARD: dict[Kind, Card] = {
    Kind.CLAIM: Card.CLAIM,
    Kind.EVIDENCE: Card.EVIDENCE,
    Kind.ASSUMPTION: Card.ASSUMPTION,
    Kind.INDICATOR: Card.INDICATOR,
}

# Members read once per card, bound to names here: looking a member up on its enum
# class costs about ten times as much as a global (Python 3.11).
_CLAIM, _REBUTTAL, _EVIDENCE = Kind.CLAIM, Kind.REBUTTAL, Kind.EVIDENCE
_BOTTOM_LINE, _OBJECTION = Card.BOTTOM_LINE, Card.OBJECTION
_GRADE = Badge.GRADE


def card_of(full: Map, node_id: str) -> Card:
    """The card kind of a node, judged in the full map (a view may cut its parent off)."""
    node = full.nodes[node_id]
    kind = node.kind
    if kind is _REBUTTAL:
        return _ROLE_CARD.get(full.role(node_id), _OBJECTION)
    if kind is _CLAIM and node.parent is None and "bottom-line" in node.tags:
        return _BOTTOM_LINE
    return _KIND_CARD[kind]


# Badges, written once: every card with a likelihood would otherwise format its own.
_LIKELIHOOD_BADGE = {
    level: (Badge.LIKELIHOOD, f"{term.term.capitalize()} · {term.range}")
    for level, term in LIKELIHOOD.items()
}
_CONFIDENCE_BADGE = {
    level: (Badge.CONFIDENCE, f"{level.value.capitalize()} confidence") for level in Confidence
}
_STATUS_BADGE = {
    status: (Badge.STATUS, text.capitalize()) for status, text in INDICATOR_STATUS.items()
}
_LINCHPIN_BADGE = (Badge.LINCHPIN, "Linchpin")


def badges_of(full: Map, node: Node) -> list[tuple[Badge, str]]:
    """The badges of a node of `full`, likelihood and confidence always apart."""
    out: list[tuple[Badge, str]] = []
    if node.likelihood is not None:
        out.append(_LIKELIHOOD_BADGE[node.likelihood])
    if node.confidence is not None:
        out.append(_CONFIDENCE_BADGE[node.confidence])
    if node.kind is _EVIDENCE:
        source = full.sources.get(node.source) if node.source else None
        graded = grade(source.reliability if source else None, node.credibility)
        if graded is not None:
            out.append((_GRADE, graded))
    if node.linchpin:
        out.append(_LINCHPIN_BADGE)
    if node.status is not None:
        out.append(_STATUS_BADGE[node.status])
    return out


def _work(full: Map, source_id: str | None) -> list[str]:
    """Who and when of a cited work (`Author 1998`), or nothing: the first part of a citation."""
    source = full.sources.get(source_id) if source_id else None
    if source is None:
        return []
    who = shorten(source.author or source.title, 28)
    return [f"{who} {source.date[:4]}" if source.date else who]


def _has_citation(node: Node) -> bool:
    """Whether a node's card carries a citation: evidence with a source or a locator."""
    return node.kind is _EVIDENCE and (node.source is not None or bool(node.locator))


def citation(full: Map, node_id: str) -> str | None:
    """A short citation for evidence: who, when, where in the work."""
    node = full.nodes[node_id]
    if not _has_citation(node):
        return None
    parts = _work(full, node.source)
    if node.locator:
        parts.append(shorten(node.locator, 28))
    return ", ".join(parts)


class CardStyle(NamedTuple):
    """Sizes a card is drawn at."""

    width: int
    text_size: float = TEXT_SIZE
    small_size: float = SMALL_SIZE
    # Badges on strips no wider than the text (slides are short of width).
    narrow_badges: bool = False


def badge_cell(text: str, theme: Theme, border: str, size: float) -> str:
    """One badge: a small bordered cell."""
    return (
        f'<TD BORDER="1" COLOR="{border}" BGCOLOR="{theme.badge_fill}">'
        f'<FONT POINT-SIZE="{size:g}" COLOR="{theme.badge_text}">{esc_fixed(text)}</FONT></TD>'
    )


BADGES_PER_ROW = 2


def _strips(badges: list[tuple[Badge, str]], fit: float | None) -> list[list[tuple[Badge, str]]]:
    """Badges two to a strip, or as many as fit `fit` columns of text (at least one)."""
    if fit is None:
        return [badges[i : i + BADGES_PER_ROW] for i in range(0, len(badges), BADGES_PER_ROW)]
    strips: list[list[tuple[Badge, str]]] = []
    used = 0.0
    for badge in badges:
        width = display_width(badge[1]) + 2  # the cell's padding and border
        if strips and len(strips[-1]) < BADGES_PER_ROW and used + width <= fit:
            strips[-1].append(badge)
            used += width
        else:
            strips.append([badge])
            used = width
    return strips


def badge_rows(
    badges: list[tuple[Badge, str]],
    theme: Theme,
    border: str,
    size: float,
    fit: float | None = None,
) -> str:
    """The badges as strips of at most two cells, so they never widen a card much.

    With `fit` (columns of small text), a strip holds only the badges that fit it.
    """
    rows: list[str] = []
    for chunk in _strips(badges, fit):
        cells = "".join(badge_cell(text, theme, border, size) for _, text in chunk)
        rows.append(
            '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" '
            f'CELLPADDING="2"><TR>{cells}</TR></TABLE></TD></TR>'
        )
    return "".join(rows)


def _header(card: Card, theme: Theme, style: CardStyle, hidden: int) -> str:
    more = ""
    if hidden:  # what the view leaves out, beside the kind: not a property of the node
        more = f'<FONT COLOR="{theme.muted}">   +{hidden} more below</FONT>'
    return (
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{style.small_size:g}" COLOR="{theme.ink(card)}">'
        f"<B>{card.value.upper()}</B>{more}</FONT></TD></TR>"
    )


def _width(card: Card, style: CardStyle) -> int:
    # The bottom line stands alone on the top rank: a wider card there costs no width.
    return style.width * 3 // 2 if card is Card.BOTTOM_LINE else style.width


_TABLE = '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'


class CardLabels:
    """The HTML-like labels of one diagram's cards; every piece of user text escaped.

    What all cards of a kind share (the header, the strips of the same badges) is
    written once per diagram, not once per card: a diagram has thousands of cards
    and a few dozen distinct headers and badge strips.
    """

    def __init__(self, full: Map, theme: Theme, style: CardStyle) -> None:
        """Labels for cards of `full` drawn in `theme` at the sizes of `style`."""
        self._full = full
        self._theme = theme
        self._style = style
        self._headers: dict[Card, str] = {}
        self._badges: dict[tuple[object, ...], str] = {}
        self.badge_kinds: set[Badge] = set()
        self._works: dict[str | None, list[str]] = {}
        self._widths = {card: _width(card, style) for card in Card}
        self._cited = (
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{style.small_size:g}" '
            f'COLOR="{theme.muted}"><I>'
        )

    def label(self, node_id: str, card: Card, hidden: int) -> str:
        """The label of one card; `hidden`: how many nodes below it the view leaves out.

        The kinds of badge drawn are collected in `badge_kinds`, for the legend.
        """
        full = self._full
        node = full.nodes[node_id]
        header = self._headers.get(card) if not hidden else None
        if header is None:
            header = _header(card, self._theme, self._style, hidden)
            if not hidden:
                self._headers[card] = header
        text = html_lines(node.text, self._widths[card])
        rows = [_TABLE, header, '<TR><TD ALIGN="LEFT" BALIGN="LEFT">', text, "</TD></TR>"]
        if _has_citation(node):
            rows += (self._cited, self._citation(node), "</I></FONT></TD></TR>")
        badges = badges_of(full, node)
        if badges:
            rows.append(self._badge_rows(card, badges))
        rows.append("</TABLE>>")
        return "".join(rows)

    def _citation(self, node: Node) -> str:
        """`citation` of an evidence node, escaped; each work's part written once."""
        # Escaping goes character by character, so the parts can be escaped apart.
        parts = self._works.get(node.source)
        if parts is None:
            parts = self._works[node.source] = [
                esc(part) for part in _work(self._full, node.source)
            ]
        if node.locator:
            return ", ".join([*parts, esc(shorten(node.locator, 28))])
        return ", ".join(parts)

    def _badge_rows(self, card: Card, badges: list[tuple[Badge, str]]) -> str:
        key = (card, *badges)
        done = self._badges.get(key)
        if done is None:
            style = self._style
            # Small text is narrower than the card's: the same width holds more of it.
            fit = self._widths[card] * style.text_size / style.small_size
            done = badge_rows(
                badges,
                self._theme,
                self._theme.cards[card][1],
                style.small_size,
                fit if style.narrow_badges else None,
            )
            self._badges[key] = done
            # Once per distinct strip, not once per card: the same key, the same kinds.
            self.badge_kinds.update(badge for badge, _ in badges)
        return done
