"""One-line labels for tree nodes: problem mark, kind icon, era, short text, badges.

Labels are `rich.text.Text` built from plain strings, never markup: analysts type
brackets (`see [1]`), and a markup label would lose them or fail to render.
"""

from __future__ import annotations

from rich.text import Text

from argmap.model import Era, Kind, Map, Role, Severity
from argmap.summary import badges, shorten

TEXT_WIDTH = 56

ICON: dict[Kind, str] = {
    Kind.CLAIM: "◆",
    Kind.EVIDENCE: "■",
    Kind.REBUTTAL: "✖",
    Kind.ASSUMPTION: "◇",
    Kind.INDICATOR: "⚑",
}
UNDERCUT_ICON = "↯"
BOTTOM_LINE_ICON = "★"

KIND_STYLE: dict[Kind, str] = {
    Kind.CLAIM: "bold cyan",
    Kind.EVIDENCE: "green",
    Kind.REBUTTAL: "red",
    Kind.ASSUMPTION: "magenta",
    Kind.INDICATOR: "yellow",
}
ERA_STYLE: dict[Era, str] = {Era.THEN: "blue", Era.NOW: "bright_magenta"}
MARK_STYLE: dict[Severity, str] = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "blue",
}


def icon(amap: Map, node_id: str) -> str:
    """The node's icon: its kind's, a star for a bottom line, a bolt for an undercut."""
    node = amap.nodes[node_id]
    if node.kind is Kind.REBUTTAL and amap.role(node_id) is Role.UNDERCUT:
        return UNDERCUT_ICON
    if node.kind is Kind.CLAIM and node.parent is None and "bottom-line" in node.tags:
        return BOTTOM_LINE_ICON
    return ICON[node.kind]


def node_label(amap: Map, node_id: str, mark: Severity | None = None) -> Text:
    """The tree label of `node_id`; `mark` flags the worst finding on it."""
    node = amap.nodes[node_id]
    label = Text(no_wrap=True, overflow="ellipsis")
    if mark is not None:
        label.append("! ", style=MARK_STYLE[mark])
    label.append(icon(amap, node_id) + " ", style=KIND_STYLE[node.kind])
    # Claims carry their lane; other nodes only when they set one themselves.
    era = amap.effective_era(node_id) if node.kind is Kind.CLAIM else node.era
    if era is not None:
        label.append(f"{era.value} ", style=ERA_STYLE[era])
    label.append(shorten(node.text, TEXT_WIDTH))
    shown = badges(amap, node_id)
    if shown:
        # One span for all badges: every styled span costs time on each repaint.
        label.append(" · " + " · ".join(shown), style="italic")
    analogies = len(amap.analogies_of(node_id))
    if analogies:
        label.append(f" ⇄{analogies}", style="bold blue")
    return label
