"""`argmap show PATH`: print the map as a tree in the terminal."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from argmap.commands.common import add_max_bytes, load
from argmap.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from argmap.model import Map

KIND_STYLE = {
    "claim": "bold",
    "bottom line": "bold magenta",
    "evidence": "green",
    "reason": "green",
    "objection": "red",
    "counter-rebuttal": "dark_orange",
    "undercut": "red italic",
    "assumption": "cyan",
    "indicator": "blue",
}


def register(sub: Any) -> None:
    """Add the `show` command."""
    parser = sub.add_parser(
        "show",
        help="print the map as a tree",
        description="Print the map as a tree: kind, era, id, text and badges"
        " (likelihood, confidence, Admiralty grade), then its analogies.",
    )
    parser.add_argument("path", metavar="PATH", help="the map file")
    parser.add_argument("--focus", metavar="ID", help="show only this node and what is below it")
    parser.add_argument("--depth", type=int, metavar="N", help="show N levels below the top")
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def _label(amap: Map, node_id: str) -> RenderableType:
    from rich.text import Text

    from argmap.summary import badges, kind_title

    node = amap.nodes[node_id]
    title = kind_title(amap, node_id)
    label = Text()
    label.append(title.upper(), style=KIND_STYLE.get(title, "bold"))
    era = amap.effective_era(node_id)
    if node.era is not None and era is not None:
        label.append(f" [{era.value}]", style="yellow")
    label.append(f" {node_id}", style="dim")
    label.append("  ")
    label.append(node.text)  # Text.append takes the text literally: no markup parsing
    for badge in badges(amap, node_id):
        label.append(f"  ‹{badge}›", style="bold cyan")
    return label


def render(amap: Map, *, focus: str | None, depth: int | None) -> list[RenderableType]:
    """The renderables `show` prints: header, node tree, analogies."""
    from rich.text import Text
    from rich.tree import Tree

    from argmap.model import submap
    from argmap.summary import analogy_counts

    if focus is not None and focus not in amap.nodes:
        from argmap.errors import did_you_mean

        raise UsageError(f"--focus: no node '{focus}'{did_you_mean(focus, amap.nodes)}")
    view = submap(amap, focus=focus, depth=depth)
    header = Text(amap.title, style="bold underline")
    if amap.question:
        header.append(f"\n{amap.question}", style="italic")
    header.append(f"\nthen: {amap.eras.then}   now: {amap.eras.now}", style="yellow")
    tree = Tree(Text(f"{len(view.nodes)} nodes", style="dim"), guide_style="dim")
    branches: dict[str | None, Any] = {None: tree}
    for node_id, _ in view.walk():
        parent = view.nodes[node_id].parent
        branches[node_id] = branches[parent].add(_label(view, node_id))
    out: list[RenderableType] = [header, tree]
    if view.analogies:
        analogies = Tree(Text("Analogies", style="bold"), guide_style="dim")
        for a_id, analogy in view.analogies.items():
            line = Text(f"{a_id}: ", style="bold")
            line.append(f"{analogy.then} (then) → {analogy.now} (now), {analogy.bears.value}; ")
            line.append(analogy_counts(analogy), style="cyan")
            analogies.add(line)
        out.append(analogies)
    return out


def run(args: argparse.Namespace) -> int:
    """Print the tree."""
    from rich.console import Console

    if args.depth is not None and args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    amap = load(args.path, args).map
    console = Console(highlight=False)
    for renderable in render(amap, focus=args.focus, depth=args.depth):
        console.print(renderable)
    return EXIT_OK
