"""Which part of a map a diagram shows: focus, depth, era and tag views, slides, storyboards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from argmap.errors import UsageError, did_you_mean
from argmap.export.options import ExportOptions
from argmap.model import Kind, Map, submap

# Cards that fit one slide with text of about 10 pt (measured on the bundled map): past
# this, a slide shows fewer levels, and its lowest level keeps its claims (and, room
# permitting, its rebuttals) and folds the rest into "+N more below".
SLIDE_FIT = {"16:9": 9, "4:3": 7}


@dataclass(frozen=True)
class View:
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
    hidden: Mapping[str, int] = field(default_factory=dict)
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


def _without(amap: Map, drop: set[str]) -> Map:
    """The map without the leaf nodes `drop`, and without links and analogies touching them."""
    nodes = {n: node for n, node in amap.nodes.items() if n not in drop}
    links = tuple(lk for lk in amap.links if lk.from_ in nodes and lk.to in nodes)
    analogies = {a: an for a, an in amap.analogies.items() if an.then in nodes and an.now in nodes}
    return amap.model_copy(update={"nodes": nodes, "links": links, "analogies": analogies})


def _fit_slide(shown: Map, depth: int, fit: int) -> Map:
    """Fold the lowest level's side branches until the slide's cards fit."""
    lowest = {n for n, d in shown.walk() if d == depth and d > 0}
    for keep in ({Kind.CLAIM, Kind.REBUTTAL}, {Kind.CLAIM}):
        if len(shown.nodes) <= fit:
            break
        shown = _without(shown, {n for n in lowest if shown.nodes[n].kind not in keep})
        lowest &= set(shown.nodes)
    return shown


def _submap(amap: Map, options: ExportOptions, depth: int | None) -> Map:
    if options.focus is None and depth is None and options.era is None and options.tag is None:
        return amap  # the whole map: no need to copy it
    return submap(amap, focus=options.focus, depth=depth, era=options.era, tag=options.tag)


def _slide(amap: Map, options: ExportOptions, slide: str) -> tuple[Map, str | None]:
    """The deepest view that fits one slide, folding the lowest level's side branches.

    Returns the view and a note for the user when it leaves part of the map out.
    """
    fit = SLIDE_FIT[slide]
    whole = _submap(amap, options, None)
    if len(whole.nodes) <= fit:
        return whole, None
    deepest = max((d for _, d in whole.walk()), default=0)
    best = _fit_slide(_submap(amap, options, 1), 1, fit)
    depth = 1
    for candidate in range(2, deepest + 1):
        shown = _fit_slide(_submap(amap, options, candidate), candidate, fit)
        if len(shown.nodes) > fit:
            break
        best, depth = shown, candidate
    note = (
        f"the {slide} slide shows the top {depth + 1} levels of the map, side branches"
        " folded into '+N more below', so that its text stays readable; use --depth N to"
        " choose, --focus ID for backup slides, or --storyboard to reveal it step by step"
    )
    return best, note


def select(amap: Map, options: ExportOptions) -> View:
    """The view the options ask for.

    On a slide with no `--depth`, a map too big to read on one slide is cut to the
    levels that fit, and a note says so.

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
            replace(
                view,
                invisible=frozenset(n for n, s in steps.items() if s > step),
                invisible_analogies=frozenset(a for a, s in analogy_steps.items() if s > step),
                invisible_links=frozenset(i for i, s in enumerate(link_steps) if s > step),
            )
        )
    return out
