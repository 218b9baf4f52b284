"""Build the diagram of a view as a `graphviz.Digraph`: pure, deterministic, no `dot` needed.

Nodes get synthetic ids (`n0`, `n1`, … in walk order) because a `:` in an id would
become a port. Every piece of user text goes through `text.esc` into HTML-like labels.
Layout: the title heads an outer cluster; the `then` and `now` lanes are clusters
inside it, `then` on the left; the legend is the graph's label, below the drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.export.cards import Badge, CardStyle, badges_of, card_of, node_label
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
from argmap.model import Era, Map

if TYPE_CHECKING:
    import graphviz

# Views larger than this put leaf siblings on two rows to keep the drawing less wide.
STAGGER_ABOVE = 24

# Slides in inches: 16:9 is 1920 × 1080 at 144 dpi.
SLIDE_INCHES = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5)}

# Graphviz's cheaper settings: 10,000 nodes in about a minute instead of three.
FAST_LAYOUT = {"splines": "line", "nslimit": "1", "mclimit": "0.1", "remincross": "false"}


def lanes(amap: Map) -> dict[str, Era | None]:
    """The lane of every node: its own era or its nearest ancestor's (one walk, no re-climbing)."""
    out: dict[str, Era | None] = {}
    for node_id, _ in amap.walk():
        node = amap.nodes[node_id]
        out[node_id] = node.era if node.era is not None else out.get(node.parent or "")
    return out


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
        attrs |= {"nodesep": "0.2", "ranksep": "0.35", "pad": "0"}
    return attrs


def _new_graph(name: str, graph_attr: dict[str, str]) -> graphviz.Digraph:
    import graphviz

    return graphviz.Digraph(name=name, graph_attr=graph_attr)


def _body(build: Build) -> graphviz.Digraph:
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


def _lane(build: Build, era: Era) -> graphviz.Digraph:
    eras, theme = build.view.full.eras, build.theme
    text = eras.then if era is Era.THEN else eras.now
    return _new_graph(
        f"cluster_{era.value}",
        {
            "label": f"<<B>{era.value.upper()}</B> · {esc(text)}>",
            "labeljust": "l",
            "labelloc": "t",
            "style": "rounded,filled",
            "fillcolor": theme.lane_fill[0 if era is Era.THEN else 1],
            "color": theme.lane_border,
            "fontcolor": theme.muted,
            "fontsize": f"{TEXT_SIZE:g}",
            "margin": "14",
        },
    )


def _node_attrs(build: Build, node_id: str, card: Card, card_style: CardStyle) -> dict[str, str]:
    """A node's own attributes; its look comes from its card group's defaults."""
    view = build.view
    hidden = view.hidden.get(node_id, 0)
    badges = badges_of(view.full, node_id, 0)
    build.cards.add(card)
    build.badges.update(b for b, _ in badges)
    if hidden:
        build.badges.add(Badge.HIDDEN)
    label = node_label(view.full, node_id, card, badges, build.theme, card_style, hidden)
    attrs = {"label": label}
    if node_id in view.invisible:
        attrs["style"] = "invis"
    if build.tooltips:  # hovering shows the map id; ids are [A-Za-z0-9._-], safe as text
        attrs["tooltip"] = node_id
    return attrs


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


def _stagger(build: Build) -> dict[str, int]:
    if build.slide:
        return staggered(build.view.map, per_row=4, max_rows=3)
    if len(build.view.map.nodes) > STAGGER_ABOVE:
        return staggered(build.view.map, per_row=1, max_rows=2)
    return {}


def _declare_nodes(body: graphviz.Digraph, build: Build, card_style: CardStyle) -> None:
    view = build.view
    order = [n for n, _ in view.map.walk()]
    build.ids.update((node_id, f"n{i}") for i, node_id in enumerate(order))
    build.junctions.update(junction_parents(view.map))
    build.minlen.update(_stagger(build))
    lane_of = lanes(view.full)
    for node_id in view.full.bottom_lines():  # the bottom line heads both lanes
        lane_of[node_id] = None
    # Declared `now` first: with the anchors below, Graphviz then puts `then` on the left.
    groups = {era: [n for n in order if lane_of.get(n) is era] for era in (Era.THEN, Era.NOW)}
    both = all(groups.values())
    for era, members in groups.items():
        if not members:
            continue
        lane = _lane(build, era)
        if both:  # an invisible anchor per lane on the top rank keeps `then` on the left
            lane.node(f"lane_{era.value}", shape="point", style="invis", width="0")
            build.anchors.add(f"lane_{era.value}")
        _add_nodes(lane, build, members, card_style)
        body.subgraph(lane)
    _add_nodes(body, build, [n for n in order if lane_of.get(n) is None], card_style)
    if both:
        # Graphviz ignores flat edges between clusters, so the order is set one rank up:
        # two invisible points outside the lanes, left to right, each above its lane.
        body.edge("lanes_left", "lane_then", style="invis")
        body.edge("lanes_right", "lane_now", style="invis")


def _top_rank(body: graphviz.Digraph, build: Build, legend: bool) -> None:
    """The top rank: the lane anchors and the legend, right of everything else on it."""
    both = "lane_then" in build.anchors
    if not both and not legend:
        return
    top = _new_graph("top_rank", {"rank": "min"})
    if both:
        top.node("lanes_left", shape="point", style="invis", width="0")
        top.node("lanes_right", shape="point", style="invis", width="0")
        top.edge("lanes_left", "lanes_right", style="invis")
    if legend:
        label = legend_label(build.cards, build.rels, build.badges, build.theme)
        top.node("legend", label=label, shape="plain")
        if both:
            top.edge("lanes_right", "legend", style="invis")
    body.subgraph(top)


def _add_nodes(
    graph: graphviz.Digraph, build: Build, members: list[str], card_style: CardStyle
) -> None:
    """Declare cards grouped by kind, each group setting its look once.

    Graphviz orders a rank by following edges from the roots, so grouping the
    declarations leaves the layout as it was while the DOT text stays small.
    """
    groups: dict[Card, list[str]] = {}
    for node_id in members:
        groups.setdefault(card_of(build.view.full, node_id), []).append(node_id)
    for card in Card:
        if card not in groups:
            continue
        target = graph
        if card is not Card.CLAIM:  # claims use the graph's node defaults
            name = card.value.replace(" ", "_").replace("-", "_")
            target = _new_graph(f"cards_{graph.name}_{name}", {})  # not "cluster…"
            target.attr("node", **_card_look(card, build.theme))
        for node_id in groups[card]:
            target.node(build.ids[node_id], **_node_attrs(build, node_id, card, card_style))
        if target is not graph:
            graph.subgraph(target)
    for node_id in members:
        if node_id in build.junctions:
            graph.node(build.junction(node_id), **_junction_attrs(build, node_id))


def build_digraph(view: View, options: ExportOptions, theme: Theme) -> graphviz.Digraph:
    """The diagram of `view`: lanes, node cards, relations, analogies, links, legend.

    Pure: the same view and options give the same DOT text, byte for byte.
    """
    import graphviz

    build = Build(view, theme, slide=options.slide is not None)
    build.tooltips = len(view.map.nodes) <= LARGE_MAP_NODES  # costly at 10,000 nodes
    g = graphviz.Digraph(
        name="argmap",
        graph_attr=_graph_attrs(build, options),
        node_attr=_node_defaults(theme),
        edge_attr=edge_defaults(theme),
    )
    body = _body(build)
    card_style = CardStyle(width=SLIDE_WRAP if build.slide else WRAP)
    _declare_nodes(body, build, card_style)
    edges: list[Edge] = [*tree_edges(build), *analogy_edges(build), *link_edges(build)]
    _top_rank(body, build, legend=options.legend and bool(view.map.nodes))
    g.subgraph(body)
    for tail, head, attrs in edges:
        g.edge(tail, head, **attrs)
    return g
