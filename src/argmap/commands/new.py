"""`argmap new PATH`: create a valid empty map."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.commands import COMMANDS
from argmap.errors import EXIT_OK, UsageError


def register(sub: Any) -> None:
    """Add the `new` command."""
    parser = sub.add_parser(
        "new",
        help=COMMANDS["new"],
        description="Create a new, valid, empty map file. Refuses to overwrite a file.",
    )
    parser.add_argument("path", metavar="PATH", help="the file to create, e.g. maps/mine.yaml")
    parser.add_argument("--title", help="the map's title (default: from the file name)")
    parser.add_argument("--question", help="the question the map answers")
    parser.set_defaults(run=run)


def default_title(path: Path) -> str:
    """A readable title from a file name: `china-arctic.yaml` -> `China arctic`."""
    words = path.stem.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Untitled map"


def run(args: argparse.Namespace) -> int:
    """Create the map file."""
    from argmap import ops, store

    path = Path(args.path)
    if path.exists():
        raise UsageError(f"{path}: already exists; not overwritten")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent}: no such directory")
    amap = ops.new_map(args.title or default_title(path), args.question)
    store.save(amap, path)
    print(f"{path}: created; open it with `argmap edit {path}`")
    return EXIT_OK
