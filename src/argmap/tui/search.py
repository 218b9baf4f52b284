"""Search and filter over a map: which nodes match, and which the tree shows.

Pure functions (no Textual); both walk the map once, so they stay linear on big maps.
"""

from __future__ import annotations

from collections.abc import Collection
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

    def keeps(self, amap: Map, node_id: str) -> bool:
        """True when the node itself matches every criterion."""
        node = amap.nodes[node_id]
        if self.kind is not None and node.kind is not self.kind:
            return False
        if self.era is not None and amap.effective_era(node_id) is not self.era:
            return False
        return self.tag is None or self.tag in node.tags


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
    shown: set[str] = set()
    for node_id in [*amap.nodes, *pinned]:
        if node_id in shown or node_id not in amap.nodes:
            continue
        if node_id in pinned or flt.keeps(amap, node_id):
            shown.add(node_id)
            for ancestor in amap.ancestors(node_id):
                if ancestor in shown:
                    break
                shown.add(ancestor)
    return shown


def all_tags(amap: Map) -> list[str]:
    """Every tag used on a node, sorted."""
    return sorted({tag for node in amap.nodes.values() for tag in node.tags})
