"""Build the diagram of a view as DOT text (a `dotwriter.Digraph`): pure, no `dot` needed.

Nodes get synthetic ids (`n0`, `n1`, … in walk order) because a `:` in an id would
become a port. Every piece of user text goes through `text.esc` into HTML-like labels.
Layout: the title heads an outer cluster; the `then` and `now` lanes are clusters
inside it, `then` on the left; the legend sits beside the bottom line on the top
rank, or, on a slide, at its foot. Slides pack their cards into rows (`rows`).
"""

from __future__ import annotations

import itertools

from argmap.export.cards import Badge, CardLabels, CardStyle, card_of
from argmap.export.dotwriter import Digraph, quote_map_id
from argmap.export.edges import (
    Build,
    Edge,
    analogy_edges,
    edge_defaults,
    junction_parents,
    link_edges,
    relation,
    staggered,
    tree_edges,
)
from argmap.export.legend import legend_label
from argmap.export.options import LARGE_MAP_NODES, ExportOptions
from argmap.export.rows import (
    SLIDE_GRID,
    Cards,
    columns_for,
    drawn_lanes,
    lane_heads,
    packed_rows,
    walk_order,
)
from argmap.export.style import (
    CARD_BORDER,
    FONT,
    SLIDE_WRAP,
    TEXT_SIZE,
    TITLE_SIZE,
    WRAP,
    Card,
    Theme,
)
from argmap.export.text import esc
from argmap.export.views import View
from argmap.model import Era

# Views larger than this put leaf siblings on two rows to keep the drawing less wide.
STAGGER_ABOVE = 24

# Slides in inches: 16:9 is 1920 × 1080 at 144 dpi.
SLIDE_INCHES = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5)}

# Graphviz's cheaper settings: 10,000 nodes in about a minute instead of three.
FAST_LAYOUT = {"splines": "line", "nslimit": "1", "mclimit": "0.1", "remincross": "false"}


def _graph_attrs(build: Build, options: ExportOptions) -> dict[str, str]:
    theme = build.theme
    attrs = {
        "rankdir": "TB",
        "newrank": "true",
        "bgcolor": theme.background,
        "fontname": FONT,
        "fontcolor": theme.text,
        "nodesep": "0.3",
        "ranksep": "0.45",
        "pad": "0.3",
    }
    if len(build.view.map.nodes) > LARGE_MAP_NODES:
        attrs |= FAST_LAYOUT
    if options.slide is not None:
        width, height = SLIDE_INCHES[options.slide]
        attrs |= {"size": f"{width:g},{height:g}!", "ratio": "fill"}
        # No pad: it would come out of the slide; the title cluster's margin frames it.
        attrs |= {"nodesep": "0.15", "ranksep": "0.3", "pad": "0"}
    return attrs


def _new_graph(name: str, graph_attr: dict[str, str]) -> Digraph:
    return Digraph(name=name, graph_attr=graph_attr)


def _body(build: Build) -> Digraph:
    """The outer cluster: no border, the title and question as its label."""
    full, theme = build.view.full, build.theme
    title = f'<FONT POINT-SIZE="{TITLE_SIZE:g}"><B>{esc(full.title)}</B></FONT>'
    if full.question:
        title += (
            f'<BR/><FONT POINT-SIZE="{TEXT_SIZE:g}" COLOR="{theme.muted}">'
            f"<I>{esc(full.question)}</I></FONT>"
        )
    return _new_graph(
        "cluster_map", {"label": f"<{title}>", "labelloc": "t", "peripheries": "0", "margin": "4"}
    )


def _lane(build: Build, era: Era) -> Digraph:
    eras, theme = build.view.full.eras, build.theme
    text = eras.then if era is Era.THEN else eras.now
    return _new_graph(
        f"cluster_{era.value}",
        {
            "label": f"<<B>{era.value.upper()}</B> · {esc(text)}>",
            "labeljust": "l",
            # On a slide, at the foot of the lane: analogies cross the lanes' tops,
            # and their labels would cover the lane's.
            "labelloc": "b" if build.slide else "t",
            "style": "rounded,filled",
            "fillcolor": theme.lane_fill[0 if era is Era.THEN else 1],
            "color": theme.lane_border,
            "peripheries": "1",  # the title's cluster has none, and lanes would inherit that
            "fontcolor": theme.muted,
            "fontsize": f"{TEXT_SIZE:g}",
            "margin": "8" if build.slide else "14",
        },
    )


def _declare_card(
    target: Digraph, build: Build, node_id: str, card: Card, labels: CardLabels
) -> None:
    """Declare one card; its look comes from its card group's defaults."""
    view = build.view
    hidden = view.hidden.get(node_id, 0)
    if hidden:
        build.badges.add(Badge.HIDDEN)
    label = labels.label(node_id, card, hidden)
    name = build.ids[node_id]
    if node_id in build.heads:
        build.labels[name] = label
    # The card's other attributes, sorted by name as `dotwriter` writes them.
    pairs = "style=invis" if node_id in view.invisible else ""
    if build.tooltips:  # hovering shows the map id; ids are [A-Za-z0-9._-], safe as text
        tooltip = quote_map_id(node_id)
        pairs = f"{pairs} tooltip={tooltip}" if pairs else f"tooltip={tooltip}"
    target.card(name, label, pairs)


def _card_look(card: Card, theme: Theme) -> dict[str, str]:
    fill, border = theme.cards[card]
    style, penwidth = CARD_BORDER[card]
    return {"style": style, "fillcolor": fill, "color": border, "penwidth": f"{penwidth:g}"}


def _node_defaults(theme: Theme) -> dict[str, str]:
    return {
        "shape": "box",
        **_card_look(Card.CLAIM, theme),
        "fontname": FONT,
        "fontsize": f"{TEXT_SIZE:g}",
        "fontcolor": theme.text,
        "margin": "0.1,0.05",
    }


def _junction_attrs(build: Build, node_id: str) -> dict[str, str]:
    colour = build.theme.lines[relation(build.view.full, node_id)]
    return {
        "shape": "point",
        "width": "0.09",
        "label": "",
        "color": colour,
        "fillcolor": colour,
        "style": "invis" if node_id in build.view.invisible else "filled",
    }


def _extra_rows(build: Build, lane_of: dict[str, Era | None]) -> dict[str, int]:
    """The `minlen` of edges longer than one row: a slide's packed rows, or staggered leaves."""
    if build.columns:
        cards = Cards.of_map(build.view.map)
        build.heads.update(lane_heads(cards, lane_of))
        row = packed_rows(cards, lane_of, build.columns, build.heads)
        build.rows.update(row)
        gaps = {n: row[n] - row[p] for n, p in cards.parent.items() if p is not None}
        return {n: gap for n, gap in gaps.items() if gap > 1}
    if len(build.view.map.nodes) > STAGGER_ABOVE:
        return staggered(build.view.map, per_row=1, max_rows=2)
    return {}


def _relay_attrs(build: Build, node_id: str) -> dict[str, str]:
    """A dot in the line's colour, so that the line's pieces join without a gap."""
    colour = build.theme.lines[relation(build.view.full, node_id)]
    hidden = node_id in build.view.invisible
    return {
        "shape": "point",
        "width": "0.03",
        "color": colour,
        "style": "invis" if hidden else "filled",
    }


def _relay(build: Build, lane_of: dict[str, Era | None]) -> None:
    """Points inside a lane for each edge that climbs rows to a parent outside the lane.

    Graphviz routes such an edge through points of its own outside every cluster,
    which takes it out of the lane's box and across the other lane.
    """
    amap = build.view.map
    for node_id, gap in list(build.minlen.items()):
        parent = amap.nodes[node_id].parent
        lane = lane_of.get(node_id)
        if lane is None or parent is None or lane_of.get(parent) is lane:
            continue
        if node_id in build.junctions:
            continue
        number = build.ids[node_id][1:]
        build.relays[node_id] = [f"r{number}_{k}" for k in range(1, gap)]
        del build.minlen[node_id]


def _declare_nodes(body: Digraph, build: Build, labels: CardLabels) -> None:
    view = build.view
    order = walk_order(view.map)
    build.ids.update((node_id, f"n{i}") for i, node_id in enumerate(order))
    build.junctions.update(junction_parents(view.map))
    lane_of = drawn_lanes(view.full)
    build.minlen.update(_extra_rows(build, lane_of))
    # A card beside the bottom line is drawn outside its lane's box: Graphviz keeps
    # the left-to-right order of a rank only among cards of one cluster.
    lane_of.update(dict.fromkeys(build.heads))
    _relay(build, lane_of)
    groups = {era: [n for n in order if lane_of.get(n) is era] for era in (Era.THEN, Era.NOW)}
    both = all(groups.values())
    # Graphviz ignores flat edges between clusters, so the lanes' order is set from
    # the top rank: an invisible point outside the lanes above each lane, left to
    # right, in a chain with the bottom line and the cards beside it.
    anchored = [era for era in groups if both and not build.heads]
    for era, members in groups.items():
        if not members:
            continue
        lane = _lane(build, era)
        if era in anchored:
            lane.node(f"lane_{era.value}", shape="point", style="invis", width="0")
            build.anchors.add(f"lane_{era.value}")
        _add_nodes(lane, build, members, labels)
        for node_id in members:
            for relay in build.relays.get(node_id, ()):
                lane.node(relay, **_relay_attrs(build, node_id))
        body.subgraph(lane)
    _add_nodes(body, build, [n for n in order if lane_of.get(n) is None], labels)
    for era in anchored:
        side = "left" if era is Era.THEN else "right"
        body.edge(f"lanes_{side}", f"lane_{era.value}", style="invis")


_SIDES = (("left", "then"), ("right", "now"))


def _balance(build: Build) -> list[Edge]:
    """Invisible edges from the bottom line to the first row under the card beside it.

    The bottom line's own cards pull it over their lane; these pull it back toward
    the middle of the slide.
    """
    if not build.heads:
        return []
    root = build.view.map.roots()[0]
    return [
        (build.ids[root], build.ids[child], {"style": "invis"})
        for head in build.heads
        for child in build.view.map.children(head)
        if build.rows.get(child) == 1
    ]


def _top_order(build: Build, top: Digraph, anchors: list[str]) -> list[str]:
    """The top rank's left-to-right order, declaring its cards beside the bottom line.

    A lone card beside the bottom line gets an invisible twin on the other side, so
    that the bottom line sits in the middle.
    """
    if not build.heads:
        return [n for n in anchors if n]
    root = build.ids[build.view.map.roots()[0]]
    beside = {era: build.ids[n] for n, era in build.heads.items()}
    for era, twin in ((Era.THEN, Era.NOW), (Era.NOW, Era.THEN)):
        if era in beside and twin not in beside:
            label = build.labels[beside[era]]
            top.node(f"balance_{twin.value}", label=label, style="invis")
            beside[twin] = f"balance_{twin.value}"
    middle = [beside[Era.THEN], root, beside[Era.NOW]]
    for name in middle:
        top.node(name)
    return [n for n in (anchors[0], *middle, anchors[1]) if n]


def _top_rank(body: Digraph, build: Build, legend: bool) -> None:
    """The top rank: lane anchors, cards beside the bottom line, and the legend at the right."""
    anchors = [f"lanes_{side}" if f"lane_{era}" in build.anchors else "" for side, era in _SIDES]
    if not any(anchors) and not legend and not build.heads:
        return
    top = _new_graph("top_rank", {"rank": "min"})
    for name in filter(None, anchors):
        top.node(name, shape="point", style="invis", width="0")
    order = _top_order(build, top, anchors)
    root = build.ids[build.view.map.roots()[0]] if build.heads else ""
    drawn = {pair for n in build.heads for pair in ((build.ids[n], root), (root, build.ids[n]))}
    for left, right in itertools.pairwise(order):
        if (left, right) not in drawn:  # a second flat edge would arc over the first
            top.edge(left, right, style="invis")
    if legend and not build.slide:
        label = legend_label(build.cards, build.rels, build.badges, build.theme)
        top.node("legend", label=label, shape="plain")
        if order:
            top.edge(order[-1], "legend", style="invis")
    body.subgraph(top)


def _add_nodes(graph: Digraph, build: Build, members: list[str], labels: CardLabels) -> None:
    """Declare cards grouped by kind, each group setting its look once.

    Graphviz orders a rank by following edges from the roots, so grouping the
    declarations leaves the layout as it was while the DOT text stays small.
    """
    full = build.view.full
    groups: dict[Card, list[str]] = {}
    for node_id in members:
        groups.setdefault(card_of(full, node_id), []).append(node_id)
    for card in Card:
        if card not in groups:
            continue
        build.cards.add(card)
        target = graph
        if card is not Card.CLAIM:  # claims use the graph's node defaults
            name = card.value.replace(" ", "_").replace("-", "_")
            target = _new_graph(f"cards_{graph.name}_{name}", {})  # not "cluster…"
            target.attr("node", **_card_look(card, build.theme))
        for node_id in groups[card]:
            _declare_card(target, build, node_id, card, labels)
        if target is not graph:
            graph.subgraph(target)
    for node_id in members:
        if node_id in build.junctions:
            graph.node(build.junction(node_id), **_junction_attrs(build, node_id))


def build_digraph(view: View, options: ExportOptions, theme: Theme) -> Digraph:
    """The diagram of `view`: lanes, node cards, relations, analogies, links, legend.

    Pure: the same view and options give the same DOT text, byte for byte.
    """
    build = Build(view, theme, slide=options.slide is not None)
    if options.slide is not None:
        build.columns = columns_for(SLIDE_GRID[options.slide], len(view.map.nodes))
    build.tooltips = len(view.map.nodes) <= LARGE_MAP_NODES  # costly at 10,000 nodes
    g = Digraph(
        name="argmap",
        graph_attr=_graph_attrs(build, options),
        node_attr=_node_defaults(theme),
        edge_attr=edge_defaults(theme),
    )
    body = _body(build)
    card_style = CardStyle(width=SLIDE_WRAP, narrow_badges=True) if build.slide else CardStyle(WRAP)
    labels = CardLabels(view.full, theme, card_style)
    _declare_nodes(body, build, labels)
    build.badges |= labels.badge_kinds
    edges: list[Edge] = [*tree_edges(build), *analogy_edges(build), *link_edges(build)]
    edges += _balance(build)
    _top_rank(body, build, legend=options.legend and bool(view.map.nodes))
    if build.slide and options.legend and view.map.nodes:
        # At the foot of a slide, as wide as it is: beside the bottom line it would
        # cost a tall first row. A cluster's label, so that ratio=fill counts it in.
        pairs = SLIDE_GRID[options.slide or ""].legend_pairs
        label = legend_label(build.cards, build.rels, build.badges, theme, pairs=pairs)
        foot = _new_graph("cluster_slide", {"label": label, "labelloc": "b", "peripheries": "0"})
        foot.subgraph(body)
        body = foot
    g.subgraph(body)
    for tail, head, attrs in edges:
        g.shared_edge(tail, head, attrs)
    return g
