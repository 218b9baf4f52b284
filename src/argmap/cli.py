"""The `argmap` command line: parse arguments, run one command, report errors as one line.

This module imports only the standard library at start-up; each command imports
what it needs when it runs, so `argmap validate` never pays for Textual.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib
import os
import sys
import types
from collections.abc import Sequence
from typing import NoReturn

from argmap import __version__
from argmap.commands import COMMANDS, command_module
from argmap.errors import EXIT_USAGE, ArgmapError, report

DESCRIPTION = """\
argmap builds, checks and draws argument maps for policy analysis: claims,
evidence, rebuttals and the analogies that tie an early Cold War case to a
present-day judgment. Maps are YAML files; `argmap edit` opens the editor.
"""

EPILOG = """\
exit codes: 0 ok; 1 the map is invalid or has findings at the fail level;
            2 usage error or unreadable file.
examples:
  argmap new maps/mine.yaml --title "My question"
  argmap show maps/sino-soviet-2020s.yaml --depth 2
  argmap validate maps/*.yaml
  argmap export maps/sino-soviet-2020s.yaml -f svg
"""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser for `argv`: the command it names in full, the others listed.

    Only the named command's module is imported and its options added: the others
    are not needed to parse `argv`, and importing and registering all of them cost
    every command about 15 ms of start-up. The others are listed (each an empty
    parser, about 0.3 ms apiece) only where argparse may show the list: top-level
    help, and an unknown or missing command. With `argv` None, all in full.
    """
    parser = argparse.ArgumentParser(
        prog="argmap",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when something fails"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    named = _command_named(argv)
    listed = argv is None or named not in COMMANDS or _asks_for_help_before(argv, named)
    for name, summary in COMMANDS.items():
        if argv is None or name == named:
            command_module(name).register(sub)
        elif listed:  # in top-level help and in argparse's "invalid choice" message
            sub.add_parser(name, help=summary, add_help=False)
    return parser


def _asks_for_help_before(argv: Sequence[str], command: str | None) -> bool:
    """True if `argv` asks for top-level help (`-h` before the command's name)."""
    for word in argv:
        if word == command:
            return False
        if word in ("-h", "--help"):
            return True
    return False


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The command `argv` runs: its first word that is not an option (none take values)."""
    return next((word for word in argv or () if not word.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run argmap with `argv` (default: the process arguments) and return the exit code."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed usage or help already
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "edit":  # a long session: the collector runs (`run` stopped it)
        gc.enable()
        return _guarded(args)
    # A batch command builds a map's objects once and exits; they hold no garbage
    # cycles worth collecting (peak memory is the same), but with the collector on
    # a 10,000-node map is rescanned again and again: `lint` 4.6 s -> 2.3 s off.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _guarded(args)
    finally:
        if enabled:
            gc.enable()


def _guarded(args: argparse.Namespace) -> int:
    """Run the command; every failure becomes one line on stderr and an exit code."""
    try:
        code: int = args.run(args)
        return code
    except ArgmapError as error:
        if args.debug:
            _print_traceback()
        print(report(error), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the one place a bug becomes a message, not a traceback
        if args.debug:
            _print_traceback()
        print(
            f"argmap: internal error: {type(error).__name__}: {error}"
            " (run again with --debug and report it)",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _print_traceback() -> None:
    import traceback  # only with --debug: its import costs start-up 8 ms

    traceback.print_exc()


def skip_pydantic_plugin_discovery() -> None:
    """Spare start-up pydantic's search for plugins; argmap uses none.

    pydantic finds plugins through `importlib.metadata`, whose import alone costs
    about 50 ms, a fifth of `argmap validate` on a small map (PYDANTIC_DISABLE_PLUGINS
    does not help: the import comes first). A stand-in module answers "no plugins";
    any other name asked of it loads the real module, so a newer pydantic still works.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return

    def real(attribute: str) -> object:
        if attribute.startswith("__"):  # the import system probing (__path__, ...)
            raise AttributeError(attribute)
        sys.modules.pop(name, None)
        return getattr(importlib.import_module(name), attribute)

    stand_in = types.ModuleType(name)
    stand_in.__dict__.update(get_plugins=lambda *args, **kwargs: (), __getattr__=real)
    sys.modules[name] = stand_in


def run() -> None:
    """Console-script entry point."""
    # Start-up (argparse, pydantic, the model classes) allocates much and frees
    # almost nothing: with the collector off from here, `argmap validate` on 1,000
    # nodes runs 2 % fewer instructions. `main` turns it back on for the editor.
    gc.disable()
    skip_pydantic_plugin_discovery()
    code = main()
    if _command_named(sys.argv[1:]) != "edit":
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> NoReturn:
    """End a batch command without tearing the interpreter down.

    Every file a command writes is closed and in place before it returns; what
    Python would still do at exit is free the map's objects one by one and unload
    every module, 15-20 ms of `argmap export -f dot` on 1,000 nodes. Exit handlers
    still run and the standard streams are flushed.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone, a closed stream
            stream.flush()
    os._exit(code)
