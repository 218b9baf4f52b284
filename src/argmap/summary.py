"""Short text summaries of nodes and analogies, shared by `show`, the TUI and exports.

Pure functions over the model: no terminal, widget or Graphviz knowledge here.
"""

from __future__ import annotations

from argmap.model import Analogy, Kind, Map, Role
from argmap.tradecraft import INDICATOR_STATUS, LIKELIHOOD, grade

ROLE_TITLE: dict[Role, str] = {
    Role.ROOT: "claim",
    Role.REASON: "reason",
    Role.OBJECTION: "objection",
    Role.COUNTER_REBUTTAL: "counter-rebuttal",
    Role.UNDERCUT: "undercut",
    Role.ASSUMPTION: "assumption",
    Role.INDICATOR: "indicator",
}


def kind_title(amap: Map, node_id: str) -> str:
    """What to call the node in a list: its kind, refined by role for rebuttals."""
    node = amap.nodes[node_id]
    if node.kind is Kind.REBUTTAL:
        role = amap.role(node_id)
        # A rebuttal without a parent attacks nothing yet: call it what it is.
        return node.kind.value if role is Role.ROOT else ROLE_TITLE[role]
    if node.kind is Kind.CLAIM and "bottom-line" in node.tags and node.parent is None:
        return "bottom line"
    return node.kind.value


def badges(amap: Map, node_id: str) -> list[str]:
    """Badges for a node: likelihood and confidence (separately), grade, status, linchpin."""
    node = amap.nodes[node_id]
    out: list[str] = []
    if node.likelihood is not None:
        term = LIKELIHOOD[node.likelihood]
        out.append(f"{term.term} ({term.range})")
    if node.confidence is not None:
        out.append(f"{node.confidence.value} confidence")
    if node.kind is Kind.EVIDENCE:
        source = amap.sources.get(node.source) if node.source else None
        graded = grade(source.reliability if source else None, node.credibility)
        if graded is not None:
            out.append(graded)
    if node.linchpin:
        out.append("linchpin")
    if node.status is not None:
        out.append(INDICATOR_STATUS[node.status])
    return out


def analogy_counts(analogy: Analogy) -> str:
    """E.g. `2 likenesses, 1 difference, 2 open questions`."""

    def count(n: int, word: str, plural: str) -> str:
        return f"{n} {word if n == 1 else plural}"

    parts = [
        count(len(analogy.likenesses), "likeness", "likenesses"),
        count(len(analogy.differences), "difference", "differences"),
    ]
    open_questions = analogy.questions.open_count
    parts.append(count(open_questions, "open question", "open questions"))
    return ", ".join(parts)


def shorten(text: str, width: int) -> str:
    """One line of at most `width` characters, with an ellipsis when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(0, width - 1)].rstrip() + "…"
