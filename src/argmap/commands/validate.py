"""`argmap validate PATH...`: check maps against the format; 0 valid, 1 invalid, 2 unreadable."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.commands import COMMANDS
from argmap.commands.common import add_max_bytes, for_each_file, load
from argmap.errors import EXIT_OK


def register(sub: Any) -> None:
    """Add the `validate` command."""
    parser = sub.add_parser(
        "validate",
        help=COMMANDS["validate"],
        description="Check each map: YAML syntax, the format's keys and values, ids,"
        " references, cycles. Every problem is printed as file:line:col: path: message.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="map files")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing when valid")
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate every file; report each valid one unless --quiet."""

    def one(path: str) -> int:
        amap = load(path, args).map
        if not args.quiet:
            counts = ", ".join(
                _count(len(items), word, plural)
                for items, word, plural in (
                    (amap.nodes, "node", "nodes"),
                    (amap.sources, "source", "sources"),
                    (amap.analogies, "analogy", "analogies"),
                )
            )
            print(f"{path}: valid ({counts})")
        return EXIT_OK

    return for_each_file(args.paths, one)


def _count(n: int, word: str, plural: str) -> str:
    return f"{n} {word if n == 1 else plural}"
