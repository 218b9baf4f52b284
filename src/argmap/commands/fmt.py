"""`argmap fmt PATH... [--check]`: rewrite maps in canonical form."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.commands import COMMANDS
from argmap.commands.common import add_max_bytes, for_each_file, load
from argmap.errors import EXIT_INVALID, EXIT_OK


def register(sub: Any) -> None:
    """Add the `fmt` command."""
    parser = sub.add_parser(
        "fmt",
        help=COMMANDS["fmt"],
        description="Rewrite each map in canonical form (key order, nodes depth-first,"
        " block style), atomically, keeping NAME.bak. Comments are not kept.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="map files")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file is not canonical"
    )
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Format (or check) every file."""
    from argmap import store

    def one(path: str) -> int:
        loaded = load(path, args)
        data = store.dumps(loaded.map).encode("utf-8")
        if data == loaded.data:  # the bytes as loaded, not a second read
            return EXIT_OK
        if args.check:
            print(f"{path}: not in canonical form (run `argmap fmt {path}`)", file=sys.stderr)
            return EXIT_INVALID
        store.save(loaded.map, Path(path), expected=loaded.fingerprint)
        print(f"{path}: reformatted")
        return EXIT_OK

    return for_each_file(args.paths, one)
