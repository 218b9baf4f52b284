"""Presentation of diagrams: themes (colours, fonts) and the line style of each relation.

Meaning is carried by line style and arrowhead first and by colour second, so the
grayscale theme loses no distinction. The colour-blind theme uses the Okabe–Ito
palette; the default follows Rationale's convention (support green, objection
red, rebuttal of an objection orange).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from argmap.errors import UsageError


class Rel(StrEnum):
    """How one element of a diagram bears on another, as drawn."""

    SUPPORTS = "supports"
    REBUTS = "rebuts"
    COUNTERS = "counter-rebuts"
    UNDERCUTS = "undercuts"
    PRESUMES = "presumed by"
    SIGNALS = "signals"
    ANALOGY = "analogy"


class Card(StrEnum):
    """The kinds of node card, refined by role where a reader needs the difference."""

    BOTTOM_LINE = "bottom line"
    CLAIM = "claim"
    EVIDENCE = "evidence"
    OBJECTION = "objection"
    COUNTER = "counter-rebuttal"
    UNDERCUT = "undercut"
    ASSUMPTION = "assumption"
    INDICATOR = "indicator"


class Line(NamedTuple):
    """The colour-free look of a relation: line style, arrowhead, width."""

    style: str
    arrow: str
    penwidth: float
    meaning: str


# Every relation differs from the others by style or arrowhead, never by colour alone.
LINES: dict[Rel, Line] = {
    Rel.SUPPORTS: Line("solid", "normal", 1.6, "solid, arrow"),
    Rel.REBUTS: Line("dashed", "tee", 1.6, "dashed, bar"),
    Rel.COUNTERS: Line("dashed", "teetee", 2.4, "heavy dashed, double bar"),
    Rel.UNDERCUTS: Line("dotted", "tee", 2.0, "dotted, onto the arrow it attacks"),
    Rel.PRESUMES: Line("solid", "odiamond", 1.2, "thin, open diamond"),
    Rel.SIGNALS: Line("solid", "odot", 1.2, "thin, open circle"),
    Rel.ANALOGY: Line("bold", "normal", 2.6, "heavy, between lanes; bar if it opposes"),
}

# Node borders back up the kind named on each card.
CARD_BORDER: dict[Card, tuple[str, float]] = {
    Card.BOTTOM_LINE: ("rounded,filled,bold", 3.0),
    Card.CLAIM: ("rounded,filled", 1.4),
    Card.EVIDENCE: ("filled", 1.2),
    Card.OBJECTION: ("rounded,filled,dashed", 1.6),
    Card.COUNTER: ("rounded,filled,dashed", 2.4),
    Card.UNDERCUT: ("rounded,filled,dotted", 2.0),
    Card.ASSUMPTION: ("filled", 1.0),
    Card.INDICATOR: ("filled", 1.0),
}

# A family list: pango picks the first font that has each glyph, so Latin,
# Cyrillic (Noto Sans) and Chinese (Noto Sans CJK) all render.
FONT = "Noto Sans,Noto Sans CJK SC,DejaVu Sans,sans-serif"

# Characters per line of node text; smaller on slides keeps cards compact.
WRAP = 28
SLIDE_WRAP = 26
TEXT_SIZE = 14.0
SMALL_SIZE = 12.0
TITLE_SIZE = 24.0


class Theme(NamedTuple):
    """Colours of one theme; `cards` maps each card kind to (fill, border)."""

    name: str
    background: str
    text: str
    muted: str
    cards: dict[Card, tuple[str, str]]
    lines: dict[Rel, str]
    badge_fill: str
    badge_text: str
    lane_fill: tuple[str, str]
    lane_border: str
    legend_fill: str
    # Colour of the kind named on a card; None: the card's border colour. Light
    # palettes (Okabe–Ito's sky blue and yellow) are too faint for text.
    header_ink: str | None = None

    def ink(self, card: Card) -> str:
        """The colour of a card's kind label."""
        return self.header_ink or self.cards[card][1]


def _cards(
    claim: tuple[str, str],
    bottom: tuple[str, str],
    evidence: tuple[str, str],
    objection: tuple[str, str],
    counter: tuple[str, str],
    undercut: tuple[str, str],
    assumption: tuple[str, str],
    indicator: tuple[str, str],
) -> dict[Card, tuple[str, str]]:
    return {
        Card.CLAIM: claim,
        Card.BOTTOM_LINE: bottom,
        Card.EVIDENCE: evidence,
        Card.OBJECTION: objection,
        Card.COUNTER: counter,
        Card.UNDERCUT: undercut,
        Card.ASSUMPTION: assumption,
        Card.INDICATOR: indicator,
    }


def _lines(
    supports: str,
    rebuts: str,
    counters: str,
    undercuts: str,
    presumes: str,
    signals: str,
    analogy: str,
) -> dict[Rel, str]:
    return {
        Rel.SUPPORTS: supports,
        Rel.REBUTS: rebuts,
        Rel.COUNTERS: counters,
        Rel.UNDERCUTS: undercuts,
        Rel.PRESUMES: presumes,
        Rel.SIGNALS: signals,
        Rel.ANALOGY: analogy,
    }


DEFAULT = Theme(
    name="default",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#555555",
    cards=_cards(
        claim=("#EAF1FB", "#2B5797"),
        bottom=("#FFF4D6", "#1A1A1A"),
        evidence=("#EAF6EC", "#2E7D32"),
        objection=("#FDECEC", "#C62828"),
        counter=("#FFF1E0", "#E65100"),
        undercut=("#F8E8F2", "#AD1457"),
        assumption=("#F0F0F0", "#616161"),
        indicator=("#E6F4F8", "#00695C"),
    ),
    lines=_lines(
        supports="#2E7D32",
        rebuts="#C62828",
        counters="#E65100",
        undercuts="#AD1457",
        presumes="#616161",
        signals="#00695C",
        analogy="#5E35B1",
    ),
    badge_fill="#FFFFFF",
    badge_text="#1A1A1A",
    lane_fill=("#F7F3EA", "#F1F5FA"),
    lane_border="#B8B0A0",
    legend_fill="#FFFFFF",
)

# Okabe & Ito (2008): orange E69F00, sky blue 56B4E9, bluish green 009E73,
# yellow F0E442, blue 0072B2, vermillion D55E00, reddish purple CC79A7.
COLORBLIND = Theme(
    name="colorblind",
    background="#FFFFFF",
    text="#000000",
    muted="#4D4D4D",
    cards=_cards(
        claim=("#E0EEF9", "#0072B2"),
        bottom=("#FCF8D2", "#000000"),
        evidence=("#D9F0E9", "#009E73"),
        objection=("#F7E0D0", "#D55E00"),
        counter=("#FAEBCC", "#E69F00"),
        undercut=("#F5E4ED", "#CC79A7"),
        assumption=("#EFEFEF", "#4D4D4D"),
        indicator=("#E3F2FB", "#56B4E9"),
    ),
    lines=_lines(
        supports="#009E73",
        rebuts="#D55E00",
        counters="#E69F00",
        undercuts="#CC79A7",
        presumes="#4D4D4D",
        signals="#56B4E9",
        analogy="#0072B2",
    ),
    badge_fill="#FFFFFF",
    badge_text="#000000",
    lane_fill=("#F6F6F6", "#EEF5FB"),
    lane_border="#999999",
    legend_fill="#FFFFFF",
    header_ink="#000000",
)

# Greys only (R = G = B): prints the same on any black-and-white printer.
GRAYSCALE = Theme(
    name="grayscale",
    background="#FFFFFF",
    text="#000000",
    muted="#444444",
    cards=_cards(
        claim=("#FFFFFF", "#000000"),
        bottom=("#E6E6E6", "#000000"),
        evidence=("#F2F2F2", "#333333"),
        objection=("#FFFFFF", "#000000"),
        counter=("#FFFFFF", "#000000"),
        undercut=("#FFFFFF", "#000000"),
        assumption=("#F2F2F2", "#555555"),
        indicator=("#F2F2F2", "#555555"),
    ),
    lines=_lines(
        supports="#000000",
        rebuts="#000000",
        counters="#000000",
        undercuts="#000000",
        presumes="#555555",
        signals="#555555",
        analogy="#333333",
    ),
    badge_fill="#FFFFFF",
    badge_text="#000000",
    # Lanes apart in print: a grey `then` lane beside a white `now` lane, dark borders.
    lane_fill=("#EBEBEB", "#FFFFFF"),
    lane_border="#666666",
    legend_fill="#FFFFFF",
)

DARK = Theme(
    name="dark",
    background="#1E1F22",
    text="#ECECEC",
    muted="#B0B0B0",
    cards=_cards(
        claim=("#1F3147", "#7FB2F0"),
        bottom=("#3D3420", "#FFD166"),
        evidence=("#1E3A26", "#81C784"),
        objection=("#45201F", "#EF7A7A"),
        counter=("#46301A", "#FFB74D"),
        undercut=("#3F1F35", "#F48FB1"),
        assumption=("#2E2E2E", "#BDBDBD"),
        indicator=("#173B3B", "#4DD0C8"),
    ),
    lines=_lines(
        supports="#81C784",
        rebuts="#EF7A7A",
        counters="#FFB74D",
        undercuts="#F48FB1",
        presumes="#BDBDBD",
        signals="#4DD0C8",
        analogy="#B39DDB",
    ),
    badge_fill="#2A2B2F",
    badge_text="#ECECEC",
    lane_fill=("#26272B", "#23282F"),
    lane_border="#55585F",
    legend_fill="#26272B",
)

THEME_BY_NAME: dict[str, Theme] = {t.name: t for t in (DEFAULT, COLORBLIND, GRAYSCALE, DARK)}


def theme(name: str) -> Theme:
    """The theme called `name`.

    Raises:
        UsageError: there is no such theme.
    """
    try:
        return THEME_BY_NAME[name]
    except KeyError:
        raise UsageError(
            f"unknown theme '{name}'; choose one of {', '.join(THEME_BY_NAME)}"
        ) from None
