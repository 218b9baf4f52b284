"""Which cards a slide keeps: a ranking that puts the bottom line, claims and analogies first.

A slide is a grid (`rows.Grid`): the bottom line on the top row with, beside it, a
lane's only card under it; below, a few rows whose columns the lanes share. Cards
are taken in this order, each with the path above it (a card never floats without
its parent), while the cards taken still pack into the grid (`rows.packed_rows`):

1. the bottom lines (or, with none, the roots of the view);
2. claims under them, level by level. A claim that is the only claim its parent has
   in its lane (the `then` lane's one context claim) adds a card but no level: the
   claims below it count as the level it would have had. Within a level come first
   the claims leading to an analogy, then the analogies between claims of this level
   and the next (both ends, cheapest first), then the level's other claims; within
   each of these the lane with fewer cards on the slide goes first, so that both
   lanes fill before either goes deeper. A level that does not fit whole is the last;
3. the other analogies (an end below an objection, say), cheapest first;
4. objections to the bottom line;
5. the rest: claims by level (those leading to an analogy first), then everything
   else by depth.

Everything left out is counted in "+N more below" on the card above it. The ranking
is deterministic and close to linear: one walk, a sort of the claims and one of the
analogies, paths climbed only as far as the budget allows, and each check packs a
dozen cards.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.export.rows import Cards, Grid, bridges, lane_heads, packed_rows
from argmap.model import Era, Kind, Map, Role


@dataclass(frozen=True)
class Fit:
    """What a slide keeps, and what to tell the user about it.

    Attributes:
        nodes: ids of the cards kept, in the map's order.
        tops: the bottom lines (or roots) kept.
        analogies: analogies with both ends kept.
        objections: objections to the bottom line kept.
    """

    nodes: tuple[str, ...]
    tops: int
    analogies: int
    objections: int


@dataclass
class _Picker:
    """The cards chosen so far; adds cards with their paths only if all still fit."""

    amap: Map
    lane_of: Mapping[str, Era | None]
    grid: Grid
    budget: int
    index: dict[str, int]
    chosen: set[str] = field(default_factory=set)
    by_then: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for analogy in self.amap.analogies.values():
            self.by_then.setdefault(analogy.then, []).append(analogy.now)

    @property
    def left(self) -> int:
        return self.budget - len(self.chosen)

    def path(self, node_id: str, limit: int) -> list[str] | None:
        """`node_id` and its ancestors not chosen yet; None if more than `limit`."""
        out: list[str] = []
        current: str | None = node_id
        while current is not None and current not in self.chosen:
            if len(out) == limit:
                return None
            out.append(current)
            current = self.amap.nodes[current].parent
        return out

    def take(self, *ends: str) -> bool:
        """Choose every end with its path, if together they fit the budget and the grid."""
        needed: set[str] = set()
        for end in ends:
            path = self.path(end, self.left)
            if path is None:
                return False
            needed.update(path)
        if not needed:
            return True
        if len(needed) > self.left or not self.packs(self.chosen | needed):
            return False
        self.chosen |= needed
        return True

    def packs(self, ids: set[str]) -> bool:
        """Whether the cards `ids` lay out within the grid's rows."""
        nodes = self.amap.nodes
        order = sorted(ids, key=self.index.__getitem__)
        cards = Cards(
            order=order,
            parent={n: nodes[n].parent for n in order},
            claims=frozenset(n for n in order if nodes[n].kind is Kind.CLAIM),
            analogies=[(t, n) for t in order for n in self.by_then.get(t, ()) if n in ids],
        )
        heads = lane_heads(cards, self.lane_of)
        rows = packed_rows(cards, self.lane_of, self.grid.columns, heads)
        return max(rows.values(), default=0) <= self.grid.rows


def claim_levels(amap: Map, lane_of: Mapping[str, Era | None], tops: list[str]) -> dict[str, int]:
    """The level of each claim on a chain of claims from a top (tops are level 0).

    A claim that is its parent's only claim in its lane takes its parent's level.
    """
    order = [n for n, _ in amap.walk()]
    per_lane: Counter[tuple[str, Era | None]] = Counter()
    for node_id in order:
        node = amap.nodes[node_id]
        if node.kind is Kind.CLAIM and node.parent is not None:
            per_lane[(node.parent, lane_of.get(node_id))] += 1
    level = dict.fromkeys(tops, 0)
    for node_id in order:
        node = amap.nodes[node_id]
        parent = node.parent
        if node_id in level or parent not in level or node.kind is not Kind.CLAIM:
            continue
        alone = per_lane[(parent, lane_of.get(node_id))] == 1
        level[node_id] = level[parent] + (0 if alone else 1)
    return level


_LANE_ORDER: dict[Era | None, int] = {Era.THEN: 0, Era.NOW: 1, None: 2}


def _lane_turns(picker: _Picker, claims: list[str]) -> bool:
    """Take `claims`, the lane with fewer cards on the slide first; False if one did not fit."""
    queues: dict[Era | None, deque[str]] = {}
    for node_id in claims:
        queues.setdefault(picker.lane_of.get(node_id), deque()).append(node_id)
    whole = True
    while queues:
        on_slide = Counter(picker.lane_of.get(n) for n in picker.chosen)
        lane = min(queues, key=lambda x: (on_slide[x], _LANE_ORDER[x]))
        whole = picker.take(queues[lane].popleft()) and whole
        if not queues[lane]:
            del queues[lane]
    return whole


def _take_analogies(picker: _Picker, analogies: list[tuple[str, str]]) -> None:
    """Both ends of each analogy, cheapest first (as each costs when this step starts)."""
    costs: list[tuple[int, int, str, str]] = []
    for index, (then, now) in enumerate(analogies):
        ends = [picker.path(end, picker.left) for end in (then, now)]
        if ends[0] is not None and ends[1] is not None:
            costs.append((len(set(ends[0]) | set(ends[1])), index, then, now))
    for _, _, then, now in sorted(costs):
        picker.take(then, now)


def _main_line(picker: _Picker, level: dict[str, int], order: list[str], bridged: set[str]) -> None:
    """Step 2 of the ranking."""
    by_level: dict[int, list[str]] = {}
    for node_id in order:
        if node_id in level:
            by_level.setdefault(level[node_id], []).append(node_id)
    joined = [
        (max(level[a.then], level[a.now]), a.then, a.now)
        for a in picker.amap.analogies.values()
        if a.then in level and a.now in level
    ]
    for number in sorted(by_level):
        members = by_level[number]
        fits = _lane_turns(picker, [n for n in members if n in bridged])
        _take_analogies(picker, [(then, now) for lv, then, now in joined if lv <= number + 1])
        fits = _lane_turns(picker, [n for n in members if n not in bridged]) and fits
        if not fits:
            return


def _claims_in_turn(
    picker: _Picker, level: dict[str, int], order: list[str], bridged: set[str]
) -> list[str]:
    """Claims by level; within one, those leading to an analogy first, the lanes in turn."""
    turn: Counter[tuple[int, bool, Era | None]] = Counter()
    keyed: list[tuple[int, bool, int, int, str]] = []
    for index, node_id in enumerate(order):
        if node_id not in level:
            continue
        group = (level[node_id], node_id not in bridged, picker.lane_of.get(node_id))
        keyed.append((group[0], group[1], turn[group], index, node_id))
        turn[group] += 1
    return [node_id for *_, node_id in sorted(keyed)]


def _rest(picker: _Picker, claims: list[str], order: list[str], depth: dict[str, int]) -> None:
    for node_id in claims:
        if picker.left == 0:
            return
        picker.take(node_id)
    others = sorted((depth[n], i, n) for i, n in enumerate(order) if n not in picker.chosen)
    for *_, node_id in others:
        if picker.left == 0:
            return
        picker.take(node_id)


def fit_cards(amap: Map, lane_of: Mapping[str, Era | None], grid: Grid, budget: int) -> Fit:
    """The cards of `amap` one slide shows (see the module's ranking).

    Args:
        amap: the view to fit (the whole map, or a focus, era or tag view of it).
        lane_of: the lane each card is drawn in (`rows.drawn_lanes`).
        grid: the slide's grid.
        budget: the most cards the slide shows, whatever the grid holds.
    """
    walk = list(amap.walk())
    order = [n for n, _ in walk]
    picker = _Picker(amap, lane_of, grid, budget, {n: i for i, n in enumerate(order)})
    tops = amap.bottom_lines() or list(amap.roots())
    if len(order) <= budget and picker.packs(set(order)):  # the whole view fits
        return Fit(tuple(amap.nodes), len(tops), len(amap.analogies), 0)
    tops = tops[: max(budget, 1)]
    picker.chosen.update(tops)  # the top row always holds them
    level = claim_levels(amap, lane_of, tops)
    parent = {n: amap.nodes[n].parent for n in order}
    ends = [e for a in amap.analogies.values() for e in (a.then, a.now)]
    bridged = bridges(order, parent, ends)
    _main_line(picker, level, order, bridged)
    _take_analogies(picker, [(a.then, a.now) for a in amap.analogies.values()])
    objections = [c for t in tops for c in amap.children(t) if amap.role(c) is Role.OBJECTION]
    for objection in objections:
        picker.take(objection)
    _rest(picker, _claims_in_turn(picker, level, order, bridged), order, dict(walk))
    shown = picker.chosen
    drawn = sum(1 for a in amap.analogies.values() if a.then in shown and a.now in shown)
    kept = sum(1 for n in objections if n in shown)
    return Fit(tuple(n for n in amap.nodes if n in shown), len(tops), drawn, kept)
