"""`argmap lint PATH...`: tradecraft findings (owned by the lint work)."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.commands.common import add_max_bytes
from argmap.errors import UsageError


def register(sub: Any) -> None:
    """Add the `lint` command."""
    parser = sub.add_parser("lint", help="check maps against analysts' tradecraft standards")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="map files")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--fail-on", choices=["error", "warning"], default="error")
    parser.add_argument("--list-rules", action="store_true")
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Not available yet."""
    raise UsageError("lint is not available in this build yet")
