"""Which part of a map a diagram shows: focus, depth, era and tag views, slides, storyboards."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from argmap.errors import UsageError, did_you_mean
from argmap.export.options import ExportOptions
from argmap.model import Kind, Map
from argmap.views import submap

# The most cards a slide shows (DOMAIN §8: about 12–15 a slide); its grid of rows
# and columns (`rows.SLIDE_GRID`) may hold fewer. `fit.fit_cards` ranks which ones.
SLIDE_FIT = {"16:9": 15, "4:3": 12}


class View(NamedTuple):
    """A selection of a map to draw.

    Attributes:
        map: the nodes, links and analogies shown (parents outside the view cut off).
        full: the whole map, for roles, citations and what was left out.
        hidden: for a shown node, how many nodes below it the view leaves out.
        invisible: nodes laid out but not drawn yet (storyboard steps).
        invisible_analogies: analogies laid out but not drawn yet.
        invisible_links: indexes into `map.links` laid out but not drawn yet.
        notes: advice for the user about the view, e.g. that a slide shows fewer levels.
    """

    map: Map
    full: Map
    hidden: Mapping[str, int] = MappingProxyType({})
    invisible: frozenset[str] = frozenset()
    invisible_analogies: frozenset[str] = frozenset()
    invisible_links: frozenset[int] = frozenset()
    notes: tuple[str, ...] = ()


def _subtree_sizes(amap: Map) -> dict[str, int]:
    sizes: dict[str, int] = {}
    order = [n for n, _ in amap.walk()]
    for node_id in reversed(order):  # children come after their parent in a walk
        sizes[node_id] = 1 + sum(sizes.get(c, 0) for c in amap.children(node_id))
    return sizes


def _hidden_counts(full: Map, shown: Map) -> dict[str, int]:
    sizes = _subtree_sizes(full)
    hidden: dict[str, int] = {}
    for node_id in shown.nodes:
        left_out = sum(sizes.get(c, 1) for c in full.children(node_id) if c not in shown.nodes)
        if left_out:
            hidden[node_id] = left_out
    return hidden


def _submap(amap: Map, options: ExportOptions, depth: int | None) -> Map:
    if options.focus is None and depth is None and options.era is None and options.tag is None:
        return amap  # the whole map: no need to copy it
    return submap(amap, focus=options.focus, depth=depth, era=options.era, tag=options.tag)


def _kept(amap: Map, keep: set[str]) -> Map:
    """The map with only the nodes `keep` (each with its parent), links and analogies among them."""
    nodes = {n: node for n, node in amap.nodes.items() if n in keep}
    links = tuple(lk for lk in amap.links if lk.from_ in nodes and lk.to in nodes)
    analogies = {a: an for a, an in amap.analogies.items() if an.then in nodes and an.now in nodes}
    return amap.model_copy(update={"nodes": nodes, "links": links, "analogies": analogies})


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _slide(amap: Map, options: ExportOptions, slide: str) -> tuple[Map, str | None]:
    """The cards that fit one slide, ranked by `fit.fit_cards`.

    Returns the view and a note for the user when it leaves part of the map out.
    """
    from argmap.export.fit import fit_cards
    from argmap.export.rows import SLIDE_GRID, drawn_lanes

    whole = _submap(amap, options, None)
    fit = fit_cards(whole, drawn_lanes(amap), SLIDE_GRID[slide], SLIDE_FIT[slide])
    if len(fit.nodes) == len(whole.nodes):
        return whole, None
    shown = _kept(whole, set(fit.nodes))
    claims = sum(1 for node in shown.nodes.values() if node.kind is Kind.CLAIM) - fit.tops
    parts = ["the bottom line" if whole.bottom_lines() else _count(fit.tops, "top", "tops")]
    parts.append(_count(claims, "claim", "claims"))
    if fit.analogies:
        parts.append(_count(fit.analogies, "analogy", "analogies"))
    if fit.objections:
        parts.append(_count(fit.objections, "objection", "objections") + " to it")
    listed = ", ".join(parts[:-1]) + " and " + parts[-1]
    note = (
        f"the {slide} slide shows {len(shown.nodes)} of {len(whole.nodes)} cards ({listed}),"
        " the rest folded into '+N more below' so that its text stays readable; use"
        " --depth N to choose, --focus ID for backup slides, or --storyboard to reveal"
        " it step by step"
    )
    return shown, note


def select(amap: Map, options: ExportOptions) -> View:
    """The view the options ask for.

    On a slide with no `--depth`, a map too big to read on one slide keeps the cards
    `fit.fit_cards` ranks first, and a note says so.

    Raises:
        UsageError: `focus` names no node, or the view would be empty.
    """
    if options.focus is not None and options.focus not in amap.nodes:
        hint = did_you_mean(options.focus, amap.nodes)
        raise UsageError(f"--focus: no node '{options.focus}'{hint}")
    notes: list[str] = []
    if options.slide is not None and options.depth is None:
        shown, note = _slide(amap, options, options.slide)
        notes += [note] if note else []
    else:
        shown = _submap(amap, options, options.depth)
    if not shown.nodes and amap.nodes:
        raise UsageError("this view is empty: no node matches the --focus/--era/--tag asked for")
    hidden = _hidden_counts(amap, shown) if len(shown.nodes) < len(amap.nodes) else {}
    return View(map=shown, full=amap, hidden=hidden, notes=tuple(notes))


STEP_TITLES = ("the bottom line", "the factors", "the evidence", "rebuttals and analogies")


def _base_step(view: View, node_id: str, tops: set[str]) -> int:
    kind = view.map.nodes[node_id].kind
    if node_id in tops:
        return 1
    if kind is Kind.CLAIM:
        return 2
    if kind is Kind.REBUTTAL:
        return 4
    return 3


def node_steps(view: View) -> dict[str, int]:
    """The step (1–4) at which each node appears; never before its parent."""
    amap = view.map
    tops = {n for n in view.full.bottom_lines() if n in amap.nodes} or set(amap.roots())
    steps: dict[str, int] = {}
    for node_id, _ in amap.walk():
        parent = amap.nodes[node_id].parent
        own = _base_step(view, node_id, tops)
        steps[node_id] = max(own, steps[parent]) if parent is not None else own
    return steps


def storyboard(view: View) -> list[View]:
    """Views that reveal `view` step by step, each laying out the whole of it."""
    steps = node_steps(view)
    analogy_steps = {
        a_id: max(4, steps[a.then], steps[a.now]) for a_id, a in view.map.analogies.items()
    }
    link_steps = [max(steps[lk.from_], steps[lk.to]) for lk in view.map.links]
    used = sorted(set(steps.values()) | set(analogy_steps.values()) | set(link_steps))
    out: list[View] = []
    for step in used:
        out.append(
            view._replace(
                invisible=frozenset(n for n, s in steps.items() if s > step),
                invisible_analogies=frozenset(a for a, s in analogy_steps.items() if s > step),
                invisible_links=frozenset(i for i, s in enumerate(link_steps) if s > step),
            )
        )
    return out
