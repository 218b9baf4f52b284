"""`argmap export PATH`: draw the map (dot, svg, png, pdf) or write its briefing (md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from argmap.commands import COMMANDS
from argmap.commands.common import add_max_bytes, load
from argmap.errors import EXIT_OK, UsageError

FORMATS = ("dot", "svg", "png", "pdf", "md")  # argmap.export.FORMATS, without importing it
THEMES = ("default", "colorblind", "grayscale", "dark")
SLIDES = ("16:9", "4:3")

DESCRIPTION = """\
Draw the map with Graphviz (dot, svg, png, pdf) or write a Markdown briefing (md).
Bottom line on top, the then and now lanes side by side, analogies between them.
Relations are told apart by line style and arrowhead as well as colour, so the
grayscale theme prints without loss. Image formats need Graphviz's dot program;
-f dot and -f md do not.
"""

EPILOG = """\
examples:
  argmap export maps/x.yaml                          exports/x.svg
  argmap export maps/x.yaml -f png --slide 16:9      a 1920×1080 slide
  argmap export maps/x.yaml -f pdf --theme grayscale for black-and-white print
  argmap export maps/x.yaml --focus bluf --depth 2   a backup slide
  argmap export maps/x.yaml -f md -o brief.md        the written briefing
  argmap export maps/x.yaml --storyboard -o slides/  slides that build up the map
"""


def register(sub: Any) -> None:
    """Add the `export` command."""
    parser = sub.add_parser(
        "export",
        help=COMMANDS["export"],
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="PATH", help="the map file")
    parser.add_argument("-f", "--format", default="svg", choices=FORMATS, help="default: svg")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write (default: exports/<map name>.<format>); with --storyboard, a folder",
    )
    parser.add_argument("--theme", default="default", choices=THEMES, help="default: default")
    parser.add_argument("--slide", choices=SLIDES, help="size the drawing for a slide")
    parser.add_argument("--dpi", type=int, metavar="N", help="PNG resolution (slides: 144)")
    parser.add_argument("--focus", metavar="ID", help="draw this node and what is below it")
    parser.add_argument("--depth", type=int, metavar="N", help="draw N levels below the top")
    parser.add_argument("--era", choices=("then", "now"), help="draw one lane only")
    parser.add_argument("--tag", metavar="T", help="draw nodes tagged T and the path above them")
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")
    parser.add_argument(
        "--storyboard",
        action="store_true",
        help="write numbered slides that reveal the map step by step (needs -o DIR)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="S",
        help="stop Graphviz after S seconds (default: 300)",
    )
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def _note(message: str) -> None:
    print(f"argmap: note: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Export the map and print the path of each file written."""
    from pathlib import Path

    from argmap.export import ExportOptions, default_output, export_map, export_storyboard
    from argmap.model import Era

    if args.timeout <= 0:
        raise UsageError("--timeout must be more than 0 seconds")
    options = ExportOptions(
        theme=args.theme,
        slide=args.slide,
        dpi=args.dpi,
        focus=args.focus,
        depth=args.depth,
        era=Era(args.era) if args.era else None,
        tag=args.tag,
        legend=not args.no_legend,
    )
    options.check(args.format)  # before loading: a usage error needs no map
    map_path = Path(args.path)
    amap = load(args.path, args).map
    if args.storyboard:
        if args.output is None:
            raise UsageError("--storyboard needs -o DIR, the folder for the slides")
        paths = export_storyboard(
            amap,
            args.format,
            Path(args.output),
            map_path.stem,
            options,
            timeout=args.timeout,
            notify=_note,
        )
    else:
        out = Path(args.output) if args.output else default_output(map_path, args.format)
        paths = [export_map(amap, args.format, out, options, timeout=args.timeout, notify=_note)]
    for path in paths:
        print(path)
    return EXIT_OK
