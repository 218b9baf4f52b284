"""`argmap edit PATH [--read-only]`: open the terminal editor."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.commands import COMMANDS
from argmap.commands.common import add_max_bytes


def register(sub: Any) -> None:
    """Add the `edit` command."""
    parser = sub.add_parser(
        "edit",
        help=COMMANDS["edit"],
        description="Open the map in the terminal editor (creates PATH if missing)."
        " Press ? inside for the keys.",
    )
    parser.add_argument("path", metavar="PATH", help="the map file")
    parser.add_argument(
        "--read-only", action="store_true", help="review only: every edit is refused"
    )
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the editor until the user quits."""
    from argmap.tui.app import run_editor  # Textual is imported only here

    return run_editor(Path(args.path), read_only=args.read_only, max_bytes=args.max_bytes)
