"""Edges of a diagram: tree relations (undercuts onto the edge they attack), analogies, links."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from argmap.export.cards import Badge
from argmap.export.style import FONT, LINES, SMALL_SIZE, Card, Rel, Theme
from argmap.export.text import esc
from argmap.export.views import View
from argmap.model import Bears, Era, Kind, Map, Relation, Role, Target
from argmap.summary import analogy_counts

# An edge's attributes may be shared with other edges (see `_line`): read, never change.
Edge = tuple[str, str, Mapping[str, str]]

# Looking a member up on its enum class costs more than a global (Python 3.11).
_SUPPORTS = Rel.SUPPORTS
_ROLE_REL: dict[Role, Rel] = {
    Role.REASON: Rel.SUPPORTS,
    Role.OBJECTION: Rel.REBUTS,
    Role.COUNTER_REBUTTAL: Rel.COUNTERS,
    Role.UNDERCUT: Rel.UNDERCUTS,
    Role.ASSUMPTION: Rel.PRESUMES,
    Role.INDICATOR: Rel.SIGNALS,
}


@dataclass
class Build:
    """What the builder collects on its way: ids given out and what the legend needs."""

    view: View
    theme: Theme
    slide: bool = False
    columns: int = 0
    heads: dict[str, Era] = field(default_factory=dict)
    relays: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    tooltips: bool = True
    ids: dict[str, str] = field(default_factory=dict)
    junctions: set[str] = field(default_factory=set)
    minlen: dict[str, int] = field(default_factory=dict)
    anchors: set[str] = field(default_factory=set)
    cards: set[Card] = field(default_factory=set)
    rels: set[Rel] = field(default_factory=set)
    badges: set[Badge] = field(default_factory=set)
    lines: dict[tuple[object, ...], Mapping[str, str]] = field(default_factory=dict)

    def junction(self, node_id: str) -> str:
        """The id of the point on the edge from `node_id` up to its parent."""
        return f"j{self.ids[node_id][1:]}"


# Kinds whose role is always a reason (or a root): they support whatever is above
# them. Asking `Map.role` of every card cost more than the rest of the edge.
_SUPPORTING_KINDS = frozenset({Kind.CLAIM, Kind.EVIDENCE})
_INFERENCE = Target.INFERENCE


def relation(full: Map, node_id: str) -> Rel:
    """How a node bears on its parent, as drawn."""
    if full.nodes[node_id].kind in _SUPPORTING_KINDS:
        return _SUPPORTS
    return _ROLE_REL.get(full.role(node_id), _SUPPORTS)


def junction_parents(amap: Map) -> set[str]:
    """Nodes whose edge to their parent is attacked by an undercut shown in the view."""
    out: set[str] = set()
    for node in amap.nodes.values():
        if node.target is not _INFERENCE or not node.is_undercut:  # the first test is cheap
            continue
        parent = node.parent
        if parent is not None and amap.nodes[parent].parent is not None:
            out.add(parent)
    return out


def edge_defaults(theme: Theme) -> dict[str, str]:
    """Defaults of every edge: a tree edge that supports its parent."""
    line = LINES[Rel.SUPPORTS]
    return {
        "dir": "back",
        "arrowtail": line.arrow,
        "style": line.style,
        "color": theme.lines[Rel.SUPPORTS],
        "penwidth": f"{line.penwidth:g}",
        "fontname": FONT,
        "fontsize": f"{SMALL_SIZE:g}",
        "fontcolor": theme.muted,
        "arrowsize": "0.9",
    }


def _line(build: Build, rel: Rel, hidden: bool, **extra: str) -> Mapping[str, str]:
    """An edge's attributes, leaving out those equal to the defaults (support).

    Thousands of edges share a handful of looks: each is worked out once per
    diagram and shared, so the result must not be changed.
    """
    build.rels.add(rel)
    key = (rel, hidden, *extra.items())
    done = build.lines.get(key)
    if done is not None:
        return done
    attrs: dict[str, str] = {}
    if hidden:
        attrs["style"] = "invis"
    if rel is not Rel.SUPPORTS:
        line = LINES[rel]
        attrs.setdefault("style", line.style)
        attrs |= {"color": build.theme.lines[rel], "penwidth": f"{line.penwidth:g}"}
    done = build.lines[key] = attrs | extra
    return done


def staggered(amap: Map, per_row: int, max_rows: int) -> dict[str, int]:
    """Extra rows for leaves: a parent's leaf children go on up to `max_rows` rows.

    Leaves side by side make the widest rank of a tree; cycling them over a few
    rows (as Graphviz's `unflatten -l` does) trades that width for some height.
    Returns the `minlen` of each leaf's edge that is not 1.
    """
    out: dict[str, int] = {}
    kids = amap.child_lists()  # once: asking `children` twice per node cost more than the rest
    for node_id, children in kids.items():
        if node_id is None:  # the roots have no edge above them
            continue
        leaves = [c for c in children if c not in kids]
        rows = min(max_rows, -(-len(leaves) // per_row))
        if rows > 1:
            out.update((leaf, 1 + i % rows) for i, leaf in enumerate(leaves) if i % rows)
    return out


_SUPPORT_ARROW = LINES[_SUPPORTS].arrow  # the edges' default


def tree_edges(build: Build) -> Iterator[Edge]:
    """Parent–child edges, drawn child-to-parent (arrowhead at the parent)."""
    view = build.view
    nodes, full, invisible, ids = view.map.nodes, view.full, view.invisible, build.ids
    # Read once, not once per edge: fields of models and members of enums (see `_SUPPORTS`).
    junctions, relays, minlen, heads = build.junctions, build.relays, build.minlen, build.heads
    undercuts = Rel.UNDERCUTS
    # The look of a plain edge by (relation, hidden): `_line` (which builds a key of
    # keyword arguments) is asked once per look instead of once per edge.
    plain: dict[tuple[Rel, bool], Mapping[str, str]] = {}
    for node_id in ids:
        parent = nodes[node_id].parent
        if parent is None:
            continue
        rel = relation(full, node_id)
        hidden = node_id in invisible
        tail = ids[parent]
        if rel is undercuts and parent in junctions:
            tail = build.junction(parent)
        elif rel is undercuts:
            rel = Rel.REBUTS  # nothing above it in this view: it can only rebut the node
        if node_id in junctions or node_id in relays or node_id in heads or node_id in minlen:
            yield from _special_edge(build, node_id, tail, rel, hidden)
            continue
        # Most edges: from the parent straight down to the next row.
        look = plain.get((rel, hidden))
        if look is None:
            look = plain[rel, hidden] = _line(build, rel, hidden, **_arrow(LINES[rel].arrow))
        yield tail, ids[node_id], look


def _arrow(arrow: str) -> dict[str, str]:
    return {} if arrow == _SUPPORT_ARROW else {"arrowtail": arrow}


def _special_edge(build: Build, node_id: str, tail: str, rel: Rel, hidden: bool) -> Iterator[Edge]:
    """The edge of a card on an undercut's junction, through relays, beside its parent,
    or more than a row below it."""
    ids = build.ids
    arrow = LINES[rel].arrow
    extra = _arrow(arrow)
    if node_id in build.junctions:
        point = build.junction(node_id)
        yield tail, point, _line(build, rel, hidden, **extra)
        yield point, ids[node_id], _line(build, rel, hidden, dir="none")
        return
    if node_id in build.relays:
        # Through invisible points inside the card's lane, so that the line stays
        # in the lane's box on its way up to a card drawn outside it.
        chain = [tail, *build.relays[node_id], ids[node_id]]
        yield chain[0], chain[1], _line(build, rel, hidden, **extra)
        for upper, lower in itertools.pairwise(chain[1:]):
            yield upper, lower, _line(build, rel, hidden, dir="none")
        return
    if node_id in build.minlen:
        extra["minlen"] = str(build.minlen[node_id])
    if build.heads.get(node_id) is Era.THEN:
        # Beside its parent on one rank, left of it: the edge runs left to right
        # (Graphviz puts a flat edge's tail on the left).
        flat = {"dir": "forward", "arrowhead": arrow}
        yield ids[node_id], tail, _line(build, rel, hidden, **flat)
        return
    yield tail, ids[node_id], _line(build, rel, hidden, **extra)


def _analogy_label(counts: str, bears: Bears, theme: Theme, compact: bool) -> str:
    # On a slide the counts take one line: a tall label lands on the cards around it.
    lines = esc(counts) if compact else "<BR/>".join(esc(part) for part in counts.split(", "))
    return (
        f'<<TABLE BORDER="0" CELLPADDING="2" BGCOLOR="{theme.background}"><TR><TD>'
        f'<FONT COLOR="{theme.lines[Rel.ANALOGY]}"><B>analogy · {bears.value}</B></FONT>'
        f"<BR/>{lines}</TD></TR></TABLE>>"
    )


def analogy_edges(build: Build) -> Iterator[Edge]:
    """One heavy edge per analogy, from its `then` claim to its `now` claim."""
    view, ids = build.view, build.ids
    for a_id, analogy in view.map.analogies.items():
        arrow = "normal" if analogy.bears is Bears.SUPPORTS else "tee"
        label = _analogy_label(analogy_counts(analogy), analogy.bears, build.theme, build.slide)
        hidden = a_id in view.invisible_analogies
        line = _line(build, Rel.ANALOGY, hidden, dir="forward", arrowhead=arrow, constraint="false")
        # An xlabel is placed after layout: a label would add a rank above flat edges.
        attrs = {**line, "xlabel": label, "tooltip": a_id}
        rows = build.rows
        if analogy.then in rows and rows.get(analogy.then) == rows.get(analogy.now):
            # Two cards side by side: over their tops, where the label finds room
            # (between them it would land on a card).
            attrs |= {"tailport": "n", "headport": "n"}
        yield ids[analogy.then], ids[analogy.now], attrs


def link_edges(build: Build) -> Iterator[Edge]:
    """Extra links beyond the tree, thinner than tree edges: cross-references, not structure."""
    view, ids = build.view, build.ids
    for index, link in enumerate(view.map.links):
        rel = Rel.SUPPORTS if link.relation is Relation.SUPPORTS else Rel.REBUTS
        hidden = index in view.invisible_links
        attrs = _line(
            build,
            rel,
            hidden,
            dir="forward",
            arrowhead=LINES[rel].arrow,
            constraint="false",
            penwidth="1",
        )
        yield ids[link.from_], ids[link.to], attrs
