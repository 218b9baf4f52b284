"""Rows of a slide: cards packed into a few columns per lane, keeping the slide's shape.

Graphviz puts a parent's children side by side on one rank, so a slide of a dozen
cards would come out as one long strip and be scaled down to unreadable text. Here
each lane gets a share of the slide's columns (in proportion to its cards) and the
rows are filled top down, as a list scheduler fills machines: of the cards whose
parent sits on a row above, those with the longest chain below them go first (so
that chains start early and the drawing stays short), then those leading to an
analogy, then the map's order. A card's distance from its parent's row becomes the
`minlen` of its edge. Lanes are side-by-side boxes, so the drawing is as wide as the
lanes' widest rows added together: capping each lane caps the width.

A lane's only card under a lone bottom line (the `then` lane's context claim) sits
beside the bottom line, on its lane's side, so that it costs no row of its own.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from argmap.model import Era, Map


class Grid(NamedTuple):
    """The cards a slide holds with text of about 10 pt (measured on the bundled map).

    Attributes:
        columns: cards side by side, shared out among the lanes.
        rows: rows of cards below the top row (the bottom line and the cards beside it).
        legend_pairs: pairs of columns (sample, meaning) of the legend at the foot.
    """

    columns: int
    rows: int
    legend_pairs: int


SLIDE_GRID = {
    "16:9": Grid(columns=5, rows=2, legend_pairs=4),
    "4:3": Grid(columns=4, rows=2, legend_pairs=3),
}


def walk_order(amap: Map) -> list[str]:
    """The ids in `Map.walk` order, depth-first in sibling order.

    A list built from the map's child lists in one loop: `Map.walk` yields depths
    too and asks for each node's children through a method, several times slower
    for the thousands of nodes a diagram walks over.
    """
    kids = amap.child_lists()
    out: list[str] = []
    stack = list(reversed(kids.get(None, ())))
    while stack:
        node_id = stack.pop()
        out.append(node_id)
        below = kids.get(node_id)
        if below:
            stack += reversed(below)
    return out


def lanes(amap: Map) -> dict[str, Era | None]:
    """The lane of every node: its own era or its nearest ancestor's (one walk, no re-climbing)."""
    out: dict[str, Era | None] = {}
    nodes = amap.nodes  # once: reading a field of a model costs more than a local
    for node_id in walk_order(amap):
        node = nodes[node_id]
        out[node_id] = node.era if node.era is not None else out.get(node.parent or "")
    return out


def drawn_lanes(full: Map) -> dict[str, Era | None]:
    """The lane each card is drawn in: as `lanes`, but the bottom lines head both lanes."""
    out = lanes(full)
    for node_id in full.bottom_lines():
        out[node_id] = None
    return out


def shares(columns: int, counts: Mapping[Era | None, int]) -> dict[Era | None, int]:
    """Columns for each lane, in proportion to its cards, at least one each."""
    total = sum(counts.values())
    if total == 0:
        return {}
    columns = max(columns, len(counts))
    exact = {lane: columns * n / total for lane, n in counts.items()}
    out = {lane: max(1, math.floor(x)) for lane, x in exact.items()}
    # Largest remainders get the columns left over; ties go in lane order.
    order = sorted(counts, key=lambda lane: (out[lane] - exact[lane], str(lane)))
    for lane in order[: max(0, columns - sum(out.values()))]:
        out[lane] += 1
    return out


def columns_for(grid: Grid, cards: int) -> int:
    """The columns of a slide drawing `cards` cards: more than the grid's for a big view.

    A view the grid cannot hold (one asked for with --depth) gets columns and rows
    alike, growing with the square root of its cards, so it keeps the slide's shape.
    """
    room = grid.columns * (grid.rows + 1)
    if cards <= room:
        return grid.columns
    return max(grid.columns, round(grid.columns * math.sqrt(cards / room)))


class Cards(NamedTuple):
    """A set of cards to lay out: each with its parent among them, in walk order.

    Attributes:
        order: ids, parents before children, siblings in the map's order.
        parent: each card's parent, None for a card at the top.
        claims: the cards that are claims.
        analogies: (then, now) ends of the analogies among the cards.
    """

    order: Sequence[str]
    parent: Mapping[str, str | None]
    claims: frozenset[str]
    analogies: Sequence[tuple[str, str]]

    @classmethod
    def of_map(cls, amap: Map) -> Cards:
        """All the cards of a map."""
        from argmap.model import Kind

        order = [n for n, _ in amap.walk()]
        return cls(
            order=order,
            parent={n: amap.nodes[n].parent for n in order},
            claims=frozenset(n for n in order if amap.nodes[n].kind is Kind.CLAIM),
            analogies=[(a.then, a.now) for a in amap.analogies.values()],
        )

    def children(self) -> dict[str | None, list[str]]:
        """Each card's children (None: the cards at the top), in order."""
        out: dict[str | None, list[str]] = {}
        for node_id in self.order:
            out.setdefault(self.parent[node_id], []).append(node_id)
        return out


def bridges(
    order: Sequence[str], parent: Mapping[str, str | None], ends: Iterable[str]
) -> set[str]:
    """Cards with an analogy end at or below them."""
    out = set(ends)
    for node_id in reversed(order):  # children come after their parent in a walk
        up = parent[node_id]
        if node_id in out and up is not None:
            out.add(up)
    return out


def lane_heads(cards: Cards, lane_of: Mapping[str, Era | None]) -> dict[str, Era]:
    """The claim drawn beside the bottom line: one lane's only card under a lone top.

    Only when the cards have one top, in neither lane, the other lane has several
    cards under it (else the two lanes' cards share a row anyway), and the claim
    has cards below it.
    """
    children = cards.children()
    tops = children.get(None, [])
    if len(tops) != 1 or lane_of.get(tops[0]) is not None:
        return {}
    below = children.get(tops[0], [])
    per_lane = Counter(lane_of.get(c) for c in below)
    alone = [c for c in below if lane_of.get(c) is not None and per_lane[lane_of.get(c)] == 1]
    if len(alone) != 1 or alone[0] not in cards.claims or not children.get(alone[0]):
        return {}
    lane = lane_of.get(alone[0])
    assert lane is not None
    return {alone[0]: lane}


def _heights(cards: Cards) -> dict[str, int]:
    height = dict.fromkeys(cards.order, 0)
    for node_id in reversed(cards.order):  # children come after their parent in a walk
        parent = cards.parent[node_id]
        if parent is not None:
            height[parent] = max(height[parent], height[node_id] + 1)
    return height


def packed_rows(
    cards: Cards, lane_of: Mapping[str, Era | None], columns: int, top_row: Iterable[str]
) -> dict[str, int]:
    """The row of each card (0: the top row) when each lane has its share of `columns`.

    Args:
        cards: the cards of the slide.
        lane_of: each card's lane (None: in no lane).
        columns: columns of the whole slide, shared out among the lanes.
        top_row: cards beside the top cards on the first row (see `lane_heads`).
    """
    first = set(top_row)
    row = {n: 0 for n in cards.order if cards.parent[n] is None or n in first}
    rest = [n for n in cards.order if n not in row]
    caps = shares(columns, Counter(lane_of.get(n) for n in rest))
    height = _heights(cards)
    bridged = bridges(cards.order, cards.parent, (e for pair in cards.analogies for e in pair))
    rank = {n: (-height[n], n not in bridged, i) for i, n in enumerate(cards.order)}
    children = cards.children()
    ready: dict[Era | None, list[tuple[tuple[int, bool, int], str]]] = {lane: [] for lane in caps}

    def release(parents: Iterable[str]) -> None:
        for parent in parents:
            for child in children.get(parent, ()):
                if child not in row:
                    heapq.heappush(ready[lane_of.get(child)], (rank[child], child))

    release(list(row))
    at = 0
    while any(ready.values()):
        at += 1
        now = [
            heapq.heappop(heap)[1]
            for lane, heap in ready.items()
            for _ in range(min(caps[lane], len(heap)))
        ]
        row.update(dict.fromkeys(now, at))
        release(now)
    return row
