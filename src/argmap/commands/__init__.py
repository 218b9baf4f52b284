"""One module per CLI command; each registers its parser and runs with imports of its own.

The table below is all the CLI needs to list the commands: it imports only the
module of the command it runs (see `argmap.cli.build_parser`).
"""

import importlib
from types import ModuleType

# Command name -> the one line `argmap --help` shows for it, in the order shown.
COMMANDS = {
    "new": "create a valid empty map",
    "edit": "open the map in the terminal editor",
    "show": "print the map as a tree",
    "validate": "check maps against the format",
    "fmt": "rewrite maps in canonical form",
    "lint": "check maps against analysts' tradecraft standards",
    "export": "draw the map (dot, svg, png, pdf) or brief it (md)",
    "schema": "print the JSON Schema of the map format",
}


def command_module(name: str) -> ModuleType:
    """The module of command `name` (with `register(sub)` and `run(args)`)."""
    return importlib.import_module(f"argmap.commands.{name}")
