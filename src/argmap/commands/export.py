"""`argmap export PATH`: diagrams and briefings (owned by the export work)."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.commands.common import add_max_bytes
from argmap.errors import UsageError


def register(sub: Any) -> None:
    """Add the `export` command."""
    parser = sub.add_parser("export", help="draw the map (dot, svg, png, pdf) or brief it (md)")
    parser.add_argument("path", metavar="PATH")
    parser.add_argument("-f", "--format", default="svg", choices=["dot", "svg", "png", "pdf", "md"])
    parser.add_argument("-o", "--output", metavar="OUT")
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Not available yet."""
    raise UsageError("export is not available in this build yet")
