"""What the findings panel lists: broken rules and lint findings, as one plain list.

Pure functions (no Textual), run off the UI thread on big maps. Lint plugs in at
`collect`; everything downstream (panel, tree marks, detail) sees only `Item`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap import integrity
from argmap.errors import Problem, format_loc
from argmap.model import Map, Severity

if TYPE_CHECKING:
    from argmap.lint import Finding, TargetKind

# argmap.lint is imported by `collect`, after the first screen (see ArgmapApp.on_mount).

SEVERITY_RANK: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Item:
    """One finding, ready to show.

    Attributes:
        code: a stable code such as `ARG101` (`invalid` for a broken rule).
        severity: error, warning or info.
        node_id: the node it is about, if any (enter jumps there); for an analogy,
            its `then` claim.
        where: where it is, as a path such as `analogies.nixon-reverse`.
        message: what is wrong.
        hint: what to do about it, if known.
        analogy_id: the analogy it is about, if any (shown with both its claims).
    """

    code: str
    severity: Severity
    node_id: str | None
    where: str
    message: str
    hint: str | None = None
    analogy_id: str | None = None


def prepare() -> None:
    """Import lint now, e.g. before forking a child that runs `collect` (it then inherits it)."""
    import argmap.lint  # noqa: F401


def collect(amap: Map) -> list[Item]:
    """Every broken rule and lint finding for `amap`, worst first, then in map order."""
    from argmap.lint import TargetKind, lint_map

    node, analogy = TargetKind.NODE, TargetKind.ANALOGY
    items = [_from_problem(amap, p) for p in integrity.problems(amap)]
    items.extend(_from_finding(amap, f, node, analogy) for f in lint_map(amap))
    return sorted(items, key=lambda item: SEVERITY_RANK[item.severity])


def _from_finding(amap: Map, finding: Finding, node: TargetKind, analogy: TargetKind) -> Item:
    """An Item for a lint finding; `node` and `analogy` are lint's TargetKinds for those."""
    target = finding.target
    node_id: str | None = None
    analogy_id: str | None = None
    if finding.target_kind is node and target in amap.nodes:
        node_id = target
    elif finding.target_kind is analogy and target in amap.analogies:
        analogy_id = target
        node_id = amap.analogies[target].then
    where = "map" if target is None else f"{finding.target_kind.value} {target}"
    return Item(
        finding.code,
        finding.severity,
        node_id,
        where,
        finding.message,
        finding.hint or None,
        analogy_id,
    )


def _from_problem(amap: Map, problem: Problem) -> Item:
    node_id = _node_of(amap, problem.loc)
    loc = problem.loc
    analogy_id = str(loc[1]) if len(loc) >= 2 and loc[0] == "analogies" else None
    return Item(
        "invalid", Severity.ERROR, node_id, format_loc(loc), problem.message, None, analogy_id
    )


def _node_of(amap: Map, loc: tuple[str | int, ...]) -> str | None:
    """The node a location points into: a node itself, or the `then` end of an analogy."""
    if len(loc) >= 2 and loc[0] == "nodes" and str(loc[1]) in amap.nodes:
        return str(loc[1])
    if len(loc) >= 2 and loc[0] == "analogies" and str(loc[1]) in amap.analogies:
        return amap.analogies[str(loc[1])].then
    return None


@dataclass(frozen=True)
class Report:
    """Findings ready for the editor: the list, each node's findings, each node's mark.

    Attributes:
        items: every finding, worst first.
        by_node: what each node's detail shows (`by_node`).
        marks: the worst severity on each node (`marks`).
    """

    items: list[Item]
    by_node: dict[str, list[Item]]
    marks: dict[str, Severity]


def report(amap: Map, items: list[Item]) -> Report:
    """The findings of `amap` with their indexes (built off the event loop on big maps)."""
    return Report(items, by_node(amap, items), marks(items))


def marks(items: Iterable[Item]) -> dict[str, Severity]:
    """The worst severity found on each node, for the marks in the tree."""
    out: dict[str, Severity] = {}
    for item in items:
        if item.node_id is None:
            continue
        old = out.get(item.node_id)
        if old is None or SEVERITY_RANK[item.severity] < SEVERITY_RANK[old]:
            out[item.node_id] = item.severity
    return out


def by_node(amap: Map, items: Iterable[Item]) -> dict[str, list[Item]]:
    """The findings each node's detail shows: its own, and those of analogies touching it."""
    out: dict[str, list[Item]] = {}
    for item in items:
        shown_on = {item.node_id}
        analogy = amap.analogies.get(item.analogy_id) if item.analogy_id else None
        if analogy is not None:
            shown_on |= {analogy.then, analogy.now}
        for node_id in shown_on:
            if node_id is not None:
                out.setdefault(node_id, []).append(item)
    return out
