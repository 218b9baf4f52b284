"""Helpers the commands share: loading maps and reporting per-file problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import EXIT_OK, ArgmapError, report

if TYPE_CHECKING:
    from argmap.store import Loaded

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    """Add `--max-bytes`, the size cap on map files."""
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse map files larger than N bytes (default: 20 MB)",
    )


def load(path: str, args: argparse.Namespace) -> Loaded:
    """Load the map at `path` with the command's size cap."""
    from argmap import store

    return store.load(Path(path), max_bytes=args.max_bytes)


def for_each_file(paths: list[str], action: Callable[[str], int]) -> int:
    """Run `action` on every path, reporting errors per file; return the worst exit code."""
    worst = EXIT_OK
    for path in paths:
        try:
            code = action(path)
        except ArgmapError as error:
            print(report(error), file=sys.stderr)
            code = error.exit_code
        worst = max(worst, code)
    return worst
