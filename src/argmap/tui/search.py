"""Search and filter over a map: which nodes match, and which the tree shows.

Pure functions (no Textual); both walk the map once, so they stay linear on big maps.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from argmap.model import Era, Kind, Map, Node


def _haystack(node_id: str, node: Node) -> str:
    parts = [node_id, node.text, *node.tags, node.note or "", node.quote or "", node.locator or ""]
    return "\n".join(parts).casefold()


def matches(amap: Map, query: str, visible: Collection[str] | None = None) -> list[str]:
    """Ids of the nodes whose id, text, tags, note, quote or locator contain `query`.

    Args:
        amap: the map.
        query: the text to look for, ignoring case.
        visible: when given, only these nodes are candidates (the filtered view).

    Returns:
        Matching ids in tree order (depth-first, sibling order).
    """
    needle = query.casefold().strip()
    if not needle:
        return []
    return [
        node_id
        for node_id, _ in amap.walk()
        if (visible is None or node_id in visible)
        and needle in _haystack(node_id, amap.nodes[node_id])
    ]


@dataclass(frozen=True)
class Filter:
    """Which nodes the tree shows: those of a kind, an era and a tag (None: any)."""

    kind: Kind | None = None
    era: Era | None = None
    tag: str | None = None

    @property
    def active(self) -> bool:
        """True when the filter hides anything."""
        return self.kind is not None or self.era is not None or self.tag is not None

    def describe(self) -> str:
        """E.g. `kind=claim era=then`."""
        parts = [
            f"{name}={value}"
            for name, value in (("kind", self.kind), ("era", self.era), ("tag", self.tag))
            if value is not None
        ]
        return " ".join(parts)

    def keeps(self, amap: Map, node_id: str, eras: Mapping[str, Era | None] | None = None) -> bool:
        """True when the node itself matches every criterion.

        Args:
            amap: the map.
            node_id: the node.
            eras: every node's effective era, if already known (`effective_eras`).
        """
        node = amap.nodes[node_id]
        if self.kind is not None and node.kind is not self.kind:
            return False
        if self.era is not None:
            era = eras[node_id] if eras is not None else amap.effective_era(node_id)
            if era is not self.era:
                return False
        return self.tag is None or self.tag in node.tags


def effective_eras(amap: Map) -> dict[str, Era | None]:
    """Every node's effective era (its own, or its nearest ancestor's), in one pass.

    The same as `Map.effective_era` for each node, without walking up from every node
    (on 10,000 nodes: 45 ms to a few).
    """
    eras: dict[str, Era | None] = {}
    for node_id in amap.nodes:
        chain: list[str] = []
        current: str | None = node_id
        found: Era | None = None
        while current is not None and current not in eras:
            node = amap.nodes.get(current)
            if node is None or current in chain:  # a missing parent, or a cycle
                current = None
                break
            if node.era is not None:
                found = node.era
                break
            chain.append(current)
            current = node.parent
        if current is not None:
            found = eras.get(current, found)
            eras[current] = found
        for link in chain:
            eras[link] = found
    return eras


def visible_ids(amap: Map, flt: Filter, pinned: Collection[str] = ()) -> set[str] | None:
    """The nodes a filtered tree shows: matches, pinned nodes, and their ancestors.

    Args:
        amap: the map.
        flt: the filter; an inactive one shows everything (returns None).
        pinned: nodes to show even if they do not match (e.g. one just added).

    Returns:
        The ids to show, or None for all.
    """
    if not flt.active:
        return None
    eras = effective_eras(amap) if flt.era is not None else None
    nodes = amap.nodes
    shown: set[str] = set()
    for node_id in [*nodes, *pinned]:
        if node_id in shown or node_id not in nodes:
            continue
        if node_id in pinned or flt.keeps(amap, node_id, eras):
            shown.add(node_id)
            # Up to the first ancestor already shown (each node is climbed past once).
            parent = nodes[node_id].parent
            while parent is not None and parent in nodes and parent not in shown:
                shown.add(parent)
                parent = nodes[parent].parent
    return shown


def all_tags(amap: Map) -> list[str]:
    """Every tag used on a node, sorted."""
    return sorted({tag for node in amap.nodes.values() for tag in node.tags})
