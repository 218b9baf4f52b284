"""The rules every map must keep: references resolve, parents form no cycle, kinds fit.

These are hard invariants (a map breaking them is not loaded, and an edit breaking
them is refused); soft weaknesses are lint findings instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from argmap.errors import Problem, did_you_mean
from argmap.model import KIND_FIELDS, KIND_SPECIFIC, Era, Kind, Map, Node, Source

_KIND_NOUN = {
    Kind.CLAIM: "claims",
    Kind.EVIDENCE: "evidence",
    Kind.REBUTTAL: "rebuttals",
    Kind.ASSUMPTION: "assumptions",
    Kind.INDICATOR: "indicators",
}


def _owner_of(field: str) -> str:
    owners = [_KIND_NOUN[k] for k, fields in KIND_FIELDS.items() if field in fields]
    return " and ".join(owners)


def problems(amap: Map, known_ids: Collection[str] = ()) -> list[Problem]:
    """Every broken invariant in `amap`, in file order.

    Args:
        amap: the map to check.
        known_ids: ids of nodes that exist in the file but failed schema validation;
            references to them are not reported again.

    Returns:
        One `Problem` per broken rule, located by its path in the map.
    """
    found: list[Problem] = []
    ids = set(amap.nodes) | set(known_ids)
    nodes, sources = amap.nodes, amap.sources  # looked up once: a model's attributes are slow
    for node_id, node in nodes.items():
        found.extend(_node_problems(node_id, node, nodes, sources, ids))
    found.extend(cycle_problems(amap))
    for i, link in enumerate(amap.links):
        for end, value in (("from", link.from_), ("to", link.to)):
            if value not in ids:
                found.append(
                    Problem(("links", i, end), f"no node '{value}'{did_you_mean(value, ids)}")
                )
        if link.from_ == link.to:
            found.append(Problem(("links", i), "a link cannot join a node to itself"))
    found.extend(analogy_problems(amap, amap.analogies, ids))
    return found


def analogy_problems(amap: Map, analogy_ids: Iterable[str], ids: Collection[str]) -> list[Problem]:
    """Broken ends of the given analogies: a missing node, not a claim, the wrong era."""
    found: list[Problem] = []
    for a_id in analogy_ids:
        analogy = amap.analogies[a_id]
        for end, era in (("then", Era.THEN), ("now", Era.NOW)):
            target = getattr(analogy, end)
            found.extend(_analogy_end(amap, ("analogies", a_id, end), target, era, ids))
    return found


# The fields a node of each kind must leave empty, in a steady order: worked out once,
# not per node (a tenth of loading a 10,000-node map went to the set difference).
_FOREIGN_FIELDS = {kind: tuple(sorted(KIND_SPECIFIC - KIND_FIELDS[kind])) for kind in Kind}


def node_problems(amap: Map, node_id: str, ids: Collection[str]) -> list[Problem]:
    """Broken rules of one node: kind fields, parent, undercut target, source."""
    return _node_problems(node_id, amap.nodes[node_id], amap.nodes, amap.sources, ids)


def _node_problems(
    node_id: str,
    node: Node,
    nodes: Mapping[str, Node],
    sources: Mapping[str, Source],
    ids: Collection[str],
) -> list[Problem]:
    loc = ("nodes", node_id)
    out: list[Problem] = []
    for field in _FOREIGN_FIELDS[node.kind]:
        value = getattr(node, field)
        if value is not None and value is not False:
            out.append(
                Problem(
                    (*loc, field),
                    f"only {_owner_of(field)} carry '{field}'; remove it or change the kind",
                )
            )
    parent_id = node.parent
    if parent_id is not None:
        if parent_id not in ids:
            hint = did_you_mean(parent_id, ids)
            out.append(Problem((*loc, "parent"), f"no node '{parent_id}'{hint}"))
        elif parent_id in nodes:
            parent = nodes[parent_id]
            if node.kind is Kind.CLAIM and parent.kind in (Kind.EVIDENCE, Kind.INDICATOR):
                out.append(
                    Problem(
                        (*loc, "parent"),
                        f"'{parent_id}' is {parent.kind.value}, which cannot hold a claim;"
                        " attach the claim to a claim instead",
                    )
                )
    # Most nodes have no target, and then no undercut: spares the property call.
    if node.target is not None and node.is_undercut:
        out.extend(_undercut_problems(nodes, node_id))
    source = node.source
    if source is not None and source not in sources:
        hint = did_you_mean(source, sources)
        out.append(Problem((*loc, "source"), f"no source '{source}'{hint}"))
    return out


def _undercut_problems(nodes: Mapping[str, Node], node_id: str) -> list[Problem]:
    parent_id = nodes[node_id].parent
    loc = ("nodes", node_id, "target")
    if parent_id is None:
        return [
            Problem(
                loc,
                "an undercut attacks the link between its parent and the parent's parent;"
                " give it a parent, or use target: node",
            )
        ]
    parent = nodes.get(parent_id)
    if parent is not None and parent.parent is None:
        return [
            Problem(
                loc,
                f"'{parent_id}' is a root, so there is no inference above it to undercut;"
                " use target: node",
            )
        ]
    return []


def cycle_problems(amap: Map) -> list[Problem]:
    """One problem per cycle of parents."""
    if _parents_first(amap.nodes):
        return []
    out: list[Problem] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in amap.nodes:
        path: list[str] = []
        node_id: str | None = start
        while node_id is not None and node_id in amap.nodes and node_id not in state:
            state[node_id] = 1
            path.append(node_id)
            node_id = amap.nodes[node_id].parent
        if node_id is not None and state.get(node_id) == 1:
            cycle = path[path.index(node_id) :]
            chain = " -> ".join([*cycle, node_id])
            out.append(
                Problem(
                    ("nodes", node_id, "parent"),
                    f"parents form a cycle ({chain}); give one of them another parent",
                )
            )
        for n in path:
            state[n] = 2
    return out


def _parents_first(nodes: Mapping[str, Node]) -> bool:
    """Whether each node's parent, if in the map, comes before it: then there is no cycle.

    Going up from parent to parent only ever goes back in the order, so it cannot come
    round. Saved maps list nodes depth-first, so this one pass usually spares the search.
    """
    seen: set[str] = set()
    for node_id, node in nodes.items():
        parent = node.parent
        if parent is not None and parent not in seen and parent in nodes:
            return False
        seen.add(node_id)
    return True


def _analogy_end(
    amap: Map, loc: tuple[str, ...], target: str, era: Era, ids: Collection[str]
) -> list[Problem]:
    if target not in ids:
        return [Problem(loc, f"no node '{target}'{did_you_mean(target, ids)}")]
    node = amap.nodes.get(target)
    if node is None:
        return []
    if node.kind is not Kind.CLAIM:
        return [Problem(loc, f"'{target}' is {node.kind.value}; an analogy joins two claims")]
    actual = amap.effective_era(target)
    if actual is not era:
        shown = actual.value if actual is not None else "no era"
        return [
            Problem(
                loc,
                f"'{target}' has {shown}; the '{era.value}' end of an analogy needs a claim"
                f" with era: {era.value}",
            )
        ]
    return []
