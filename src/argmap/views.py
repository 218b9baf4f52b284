"""Views of a map: a focus subtree to a depth, one era's lane, one tag.

Pure selection over the model, shared by `argmap show`, the exports and the editor.
"""

from __future__ import annotations

from argmap.model import Era, Map, Node


def submap(
    amap: Map,
    *,
    focus: str | None = None,
    depth: int | None = None,
    era: Era | None = None,
    tag: str | None = None,
) -> Map:
    """Select a view of the map: a focus subtree to a depth, one era, one tag.

    Nodes whose parent is dropped become roots of the view; links and analogies are
    kept when both their ends are. `focus` must name a node.
    """
    if focus is not None and focus not in amap.nodes:
        raise KeyError(focus)
    keep: dict[str, int] = {}
    starts = [focus] if focus is not None else list(amap.roots())
    for start in starts:
        for node_id, d in amap.walk(start):
            if depth is None or d <= depth:
                keep[node_id] = d
    if era is not None:
        keep = {n: d for n, d in keep.items() if amap.effective_era(n) in (era, None)}
    if tag is not None:
        tagged = {n for n in keep if tag in amap.nodes[n].tags}
        # A tag keeps its nodes and the path that gives them context.
        context = set(tagged)
        for n in tagged:
            context.update(a for a in amap.ancestors(n) if a in keep)
        keep = {n: d for n, d in keep.items() if n in context}
    nodes: dict[str, Node] = {}
    for node_id in keep:
        node = amap.nodes[node_id]
        if node.parent is not None and node.parent not in keep:
            node = node.model_copy(update={"parent": None})
        nodes[node_id] = node
    links = tuple(lk for lk in amap.links if lk.from_ in nodes and lk.to in nodes)
    analogies = {
        a_id: a for a_id, a in amap.analogies.items() if a.then in nodes and a.now in nodes
    }
    cited = {n.source for n in nodes.values() if n.source is not None}
    sources = {s_id: s for s_id, s in amap.sources.items() if s_id in cited}
    return amap.model_copy(
        update={"nodes": nodes, "links": links, "analogies": analogies, "sources": sources}
    )
