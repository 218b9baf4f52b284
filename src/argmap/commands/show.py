"""`argmap show PATH`: print the map as a tree in the terminal."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from argmap.commands import COMMANDS
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
        help=COMMANDS["show"],
        description="Print the map as a tree: kind, era, id, text and badges"
        " (likelihood, confidence, Admiralty grade), then its analogies.",
    )
    parser.add_argument("path", metavar="PATH", help="the map file")
    parser.add_argument("--focus", metavar="ID", help="show only this node and what is below it")
    parser.add_argument("--depth", type=int, metavar="N", help="show N levels below the top")
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def _label(amap: Map, node_id: str) -> list[tuple[str, str]]:
    """A node's line as (text, style) pieces: kind, era, id, text, badges."""
    from argmap.summary import badges, kind_title

    node = amap.nodes[node_id]
    title = kind_title(amap, node_id)
    spans = [(title.upper(), KIND_STYLE.get(title, "bold"))]
    era = amap.effective_era(node_id)
    if node.era is not None and era is not None:
        spans.append((f" [{era.value}]", "yellow"))
    spans.append((f" {node_id}", "dim"))
    spans.append((f"  {node.text}", ""))  # printed literally: no markup parsing
    spans.extend((f"  ‹{badge}›", "bold cyan") for badge in badges(amap, node_id))
    return spans


def render(amap: Map, *, focus: str | None, depth: int | None) -> list[RenderableType]:
    """The renderables `show` prints: header, node tree, analogies."""
    from rich.text import Text

    from argmap.commands.treeview import Item, TreeView
    from argmap.summary import analogy_counts
    from argmap.views import submap

    if focus is not None and focus not in amap.nodes:
        from argmap.errors import did_you_mean

        raise UsageError(f"--focus: no node '{focus}'{did_you_mean(focus, amap.nodes)}")
    view = submap(amap, focus=focus, depth=depth)
    header = Text(amap.title, style="bold underline")
    if amap.question:
        header.append(f"\n{amap.question}", style="italic")
    header.append(f"\nthen: {amap.eras.then}   now: {amap.eras.now}", style="yellow")
    items = [
        Item(
            level + 1,
            view.children(view.nodes[node_id].parent)[-1] == node_id,
            _label(view, node_id),
        )
        for node_id, level in view.walk()
    ]
    tree = TreeView(Text(f"{len(view.nodes)} nodes", style="dim"), items)
    out: list[RenderableType] = [header, tree]
    if view.analogies:
        lines = []
        for number, (a_id, analogy) in enumerate(view.analogies.items(), start=1):
            ends = f"{analogy.then} (then) → {analogy.now} (now), {analogy.bears.value}; "
            spans = [(f"{a_id}: ", "bold"), (ends, ""), (analogy_counts(analogy), "cyan")]
            lines.append(Item(1, number == len(view.analogies), spans))
        out.append(TreeView(Text("Analogies", style="bold"), lines))
    return out


def run(args: argparse.Namespace) -> int:
    """Print the tree."""
    from rich.console import Console

    if args.depth is not None and args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    amap = load(args.path, args).map

    class Quiet(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 here, which argmap's codes read as "invalid map"; the CLI
            # ends every command whose reader has gone (`show | head`) the same way.
            raise BrokenPipeError

    console = Quiet(highlight=False)
    for renderable in render(amap, focus=args.focus, depth=args.depth):
        console.print(renderable, crop=False)  # lines are cut to width already
    return EXIT_OK
