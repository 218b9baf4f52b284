"""`argmap schema`: print the JSON Schema of the map format, for editors."""

from __future__ import annotations

import argparse
import json
from typing import Any

from argmap.commands import COMMANDS
from argmap.errors import EXIT_OK


def register(sub: Any) -> None:
    """Add the `schema` command."""
    parser = sub.add_parser(
        "schema",
        help=COMMANDS["schema"],
        description="Print the JSON Schema of map format v1. Point your editor's YAML"
        " language server at it to validate maps as you type.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    from argmap.schema import map_schema

    print(json.dumps(map_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
