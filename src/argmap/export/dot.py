"""Build the diagram of a view as a `graphviz.Digraph`: pure, deterministic, no `dot` needed.

Nodes get synthetic ids (`n0`, `n1`, … in walk order) because a `:` in an id would
become a port. Every piece of user text goes through `text.esc` into HTML-like labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.export.cards import Badge, CardStyle, badges_of, card_of, node_label
from argmap.export.legend import legend_label
from argmap.export.options import ExportOptions
from argmap.export.style import (
    CARD_BORDER,
    FONT,
    LINES,
    SMALL_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    WRAP,
    Card,
    Rel,
    Theme,
)
from argmap.export.text import esc
from argmap.export.views import View
from argmap.model import Bears, Era, Map, Relation, Role
from argmap.summary import analogy_counts

if TYPE_CHECKING:
    import graphviz

SLIDE_SIZE = {"16:9": "13.333,7.5!", "4:3": "10,7.5!"}

_ROLE_REL: dict[Role, Rel] = {
    Role.REASON: Rel.SUPPORTS,
    Role.OBJECTION: Rel.REBUTS,
    Role.COUNTER_REBUTTAL: Rel.COUNTERS,
    Role.UNDERCUT: Rel.UNDERCUTS,
    Role.ASSUMPTION: Rel.PRESUMES,
    Role.INDICATOR: Rel.SIGNALS,
}


@dataclass
class _Build:
    """What the builder collects on its way: ids given out and what the legend needs."""

    view: View
    theme: Theme
    ids: dict[str, str] = field(default_factory=dict)
    cards: set[Card] = field(default_factory=set)
    rels: set[Rel] = field(default_factory=set)
    badges: set[Badge] = field(default_factory=set)


def lanes(amap: Map) -> dict[str, Era | None]:
    """The lane of every node: its own era or its nearest ancestor's (one walk, no re-climbing)."""
    out: dict[str, Era | None] = {}
    for node_id, _ in amap.walk():
        node = amap.nodes[node_id]
        out[node_id] = node.era if node.era is not None else out.get(node.parent or "")
    return out


def _graph_attrs(view: View, options: ExportOptions, theme: Theme) -> dict[str, str]:
    title = f'<FONT POINT-SIZE="{TITLE_SIZE:g}"><B>{esc(view.full.title)}</B></FONT>'
    if view.full.question:
        title += (
            f'<BR/><FONT POINT-SIZE="{TEXT_SIZE:g}" COLOR="{theme.muted}">'
            f"<I>{esc(view.full.question)}</I></FONT>"
        )
    attrs = {
        "rankdir": "TB",
        "newrank": "true",
        "bgcolor": theme.background,
        "fontname": FONT,
        "fontcolor": theme.text,
        "label": f"<{title}>",
        "labelloc": "t",
        "nodesep": "0.3",
        "ranksep": "0.45",
        "pad": "0.3",
    }
    if options.slide is not None:
        attrs |= {"size": SLIDE_SIZE[options.slide], "ratio": "fill"}
    return attrs


def _new_digraph(view: View, options: ExportOptions, theme: Theme) -> graphviz.Digraph:
    import graphviz

    return graphviz.Digraph(
        name="argmap",
        graph_attr=_graph_attrs(view, options, theme),
        node_attr={
            "shape": "box",
            "fontname": FONT,
            "fontsize": f"{TEXT_SIZE:g}",
            "fontcolor": theme.text,
            "margin": "0.1,0.05",
        },
        edge_attr={
            "fontname": FONT,
            "fontsize": f"{SMALL_SIZE:g}",
            "fontcolor": theme.muted,
            "arrowsize": "0.9",
        },
    )


def _node_attrs(build: _Build, node_id: str, card_style: CardStyle) -> dict[str, str]:
    view, theme = build.view, build.theme
    card = card_of(view.full, node_id)
    hidden = view.hidden.get(node_id, 0)
    build.cards.add(card)
    build.badges.update(b for b, _ in badges_of(view.full, node_id, hidden))
    fill, border = theme.cards[card]
    style, penwidth = CARD_BORDER[card]
    attrs = {
        "label": node_label(view.full, node_id, theme, card_style, hidden),
        "style": style,
        "fillcolor": fill,
        "color": border,
        "penwidth": f"{penwidth:g}",
        "tooltip": node_id,  # ids are [A-Za-z0-9._-]: safe as plain text
    }
    if node_id in view.invisible:
        attrs["style"] = "invis"
    return attrs


def _lane_label(era: Era, amap: Map) -> str:
    label = amap.eras.then if era is Era.THEN else amap.eras.now
    return f"<<B>{era.value.upper()}</B> · {esc(label)}>"


def _junction_parents(view: View) -> set[str]:
    """Nodes whose edge to their parent is attacked by an undercut shown in the view."""
    amap = view.map
    out: set[str] = set()
    for node in amap.nodes.values():
        parent = node.parent
        if node.is_undercut and parent is not None and amap.nodes[parent].parent is not None:
            out.add(parent)
    return out


def _declare_nodes(g: graphviz.Digraph, build: _Build, card_style: CardStyle) -> None:
    view = build.view
    order = [n for n, _ in view.map.walk()]
    for i, node_id in enumerate(order):
        build.ids[node_id] = f"n{i}"
    lane_of = lanes(view.full)
    junctions = _junction_parents(view)
    for era in (Era.THEN, Era.NOW, None):
        members = [n for n in order if lane_of.get(n) is era]
        if not members:
            continue
        sub = g if era is None else _lane(g, era, build)
        for node_id in members:
            sub.node(build.ids[node_id], **_node_attrs(build, node_id, card_style))
            if node_id in junctions:
                sub.node(f"j{build.ids[node_id][1:]}", **_junction_attrs(build, node_id))
        if sub is not g:
            g.subgraph(sub)


def _lane(g: graphviz.Digraph, era: Era, build: _Build) -> graphviz.Digraph:
    import graphviz

    index = 0 if era is Era.THEN else 1
    return graphviz.Digraph(
        name=f"cluster_{era.value}",
        graph_attr={
            "label": _lane_label(era, build.view.full),
            "labeljust": "l",
            "style": "rounded,filled",
            "fillcolor": build.theme.lane_fill[index],
            "color": build.theme.lane_border,
            "fontcolor": build.theme.muted,
            "fontsize": f"{TEXT_SIZE:g}",
            "margin": "14",
        },
    )


def _relation(full: Map, node_id: str) -> Rel:
    return _ROLE_REL.get(full.role(node_id), Rel.SUPPORTS)


def _junction_attrs(build: _Build, node_id: str) -> dict[str, str]:
    colour = build.theme.lines[_relation(build.view.full, node_id)]
    style = "invis" if node_id in build.view.invisible else "filled"
    return {
        "shape": "point",
        "width": "0.09",
        "label": "",
        "color": colour,
        "fillcolor": colour,
        "style": style,
    }


def _line_attrs(build: _Build, rel: Rel, hidden: bool, **extra: str) -> dict[str, str]:
    line = LINES[rel]
    build.rels.add(rel)
    attrs = {
        "style": "invis" if hidden else line.style,
        "color": build.theme.lines[rel],
        "penwidth": f"{line.penwidth:g}",
    }
    return attrs | extra


def _tree_edges(build: _Build) -> Iterator[tuple[str, str, dict[str, str]]]:
    view = build.view
    amap, ids = view.map, build.ids
    junctions = _junction_parents(view)
    for node_id in ids:
        parent = amap.nodes[node_id].parent
        if parent is None:
            continue
        rel = _relation(view.full, node_id)
        hidden = node_id in view.invisible
        tail = ids[parent]
        if rel is Rel.UNDERCUTS and parent in junctions:
            tail = f"j{ids[parent][1:]}"
        elif rel is Rel.UNDERCUTS:
            rel = Rel.REBUTS  # nothing above to undercut in this view: it rebuts the node
        arrow = LINES[rel].arrow
        if node_id in junctions:
            junction = f"j{ids[node_id][1:]}"
            yield tail, junction, _line_attrs(build, rel, hidden, dir="back", arrowtail=arrow)
            yield junction, ids[node_id], _line_attrs(build, rel, hidden, dir="none")
        else:
            yield tail, ids[node_id], _line_attrs(build, rel, hidden, dir="back", arrowtail=arrow)


def _analogy_label(counts: str, bears: Bears, theme: Theme) -> str:
    lines = "<BR/>".join(esc(part) for part in counts.split(", "))
    return (
        f'<<TABLE BORDER="0" CELLPADDING="2" BGCOLOR="{theme.background}"><TR><TD>'
        f'<FONT COLOR="{theme.lines[Rel.ANALOGY]}"><B>analogy · {bears.value}</B></FONT>'
        f"<BR/>{lines}</TD></TR></TABLE>>"
    )


def _analogy_edges(build: _Build) -> Iterator[tuple[str, str, dict[str, str]]]:
    view, ids = build.view, build.ids
    for a_id, analogy in view.map.analogies.items():
        arrow = "normal" if analogy.bears is Bears.SUPPORTS else "tee"
        label = _analogy_label(analogy_counts(analogy), analogy.bears, build.theme)
        hidden = a_id in view.invisible_analogies
        attrs = _line_attrs(
            build, Rel.ANALOGY, hidden, arrowhead=arrow, constraint="false", label=label
        )
        attrs["tooltip"] = a_id
        yield ids[analogy.then], ids[analogy.now], attrs


def _link_edges(build: _Build) -> Iterator[tuple[str, str, dict[str, str]]]:
    view, ids = build.view, build.ids
    for index, link in enumerate(view.map.links):
        rel = Rel.SUPPORTS if link.relation is Relation.SUPPORTS else Rel.REBUTS
        hidden = index in view.invisible_links
        attrs = _line_attrs(build, rel, hidden, arrowhead=LINES[rel].arrow, constraint="false")
        attrs["penwidth"] = "1"  # thinner than tree edges: a cross-reference, not structure
        yield ids[link.from_], ids[link.to], attrs


def build_digraph(view: View, options: ExportOptions, theme: Theme) -> graphviz.Digraph:
    """The diagram of `view`: lanes, node cards, relations, analogies, links, legend.

    Pure: the same view and options give the same DOT text, byte for byte.
    """
    g = _new_digraph(view, options, theme)
    build = _Build(view, theme)
    _declare_nodes(g, build, CardStyle(width=WRAP))
    edges: list[tuple[str, str, dict[str, str]]] = [
        *_tree_edges(build),
        *_analogy_edges(build),
        *_link_edges(build),
    ]
    for tail, head, attrs in edges:
        g.edge(tail, head, **attrs)
    if options.legend and view.map.nodes:
        _add_legend(g, build)
    return g


def _add_legend(g: graphviz.Digraph, build: _Build) -> None:
    import graphviz

    legend: Any = graphviz.Digraph(name="legend", graph_attr={"rank": "sink"})
    legend.node(
        "legend",
        label=legend_label(build.cards, build.rels, build.badges, build.theme),
        shape="plain",
    )
    g.subgraph(legend)
