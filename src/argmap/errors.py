"""Errors argmap raises, with messages written for the analyst who reads them.

Hard problems raise an `ArgmapError`; the CLI's single error boundary prints
`str(error)` (one line per problem) and exits with `error.exit_code`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

Loc = tuple[str | int, ...]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def format_loc(loc: Loc) -> str:
    """Render a location such as ('nodes', 'ev-9', 'parent') as `nodes.ev-9.parent`."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif parts:
            parts.append(f".{part}")
        else:
            parts.append(part)
    return "".join(parts)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    options = list(choices)
    # A wrong case (`b` for `B`) is the likeliest slip, and difflib scores it low.
    same = [c for c in options if c.casefold() == word.casefold()]
    if same:
        return f" (did you mean '{same[0]}'?)"
    import difflib  # only for a map with a mistake: its import costs every command 5 ms

    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


class Problem(NamedTuple):
    """One thing wrong with a map, located as precisely as we know.

    Attributes:
        loc: path inside the map, e.g. ('nodes', 'ev-9', 'parent').
        message: what is wrong and, where possible, what to do.
        file: the file it came from, when it came from one.
        line: 1-based line, when known.
        column: 1-based column, when known.
    """

    loc: Loc
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def at(self, file: str, line: int | None, column: int | None) -> Problem:
        """Return a copy placed in `file` at `line`:`column`."""
        return self._replace(file=file, line=line, column=column)

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        path = format_loc(self.loc)
        return f"{where}{path}: {self.message}" if path else f"{where}{self.message}"


class ArgmapError(Exception):
    """Base of every error argmap reports to a user; `str()` is what they read."""

    exit_code = EXIT_USAGE


def report(error: ArgmapError) -> str:
    """The lines a user reads for `error`.

    Problems with a file start with the file (`file:line:col: ...`), as compilers
    print them; other errors get an `argmap:` prefix.
    """
    if isinstance(error, MapInvalidError | UnreadableError):
        return str(error)
    return f"argmap: {error}"


class UsageError(ArgmapError):
    """The command was called wrongly (bad option, missing file, unknown id)."""

    exit_code = EXIT_USAGE


class UnreadableError(ArgmapError):
    """A file cannot be read at all: missing, a directory, too large, no permission."""

    exit_code = EXIT_USAGE


class MapInvalidError(ArgmapError):
    """A map file was read but is not a valid map; carries every problem found."""

    exit_code = EXIT_INVALID

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class EditError(ArgmapError):
    """An edit was refused because it would break the map (a cycle, a missing id)."""

    exit_code = EXIT_INVALID


class ExternalChangeError(ArgmapError):
    """The file changed on disk since it was loaded; saving would overwrite that change."""

    exit_code = EXIT_INVALID


class GraphvizMissingError(ArgmapError):
    """Graphviz's `dot` program is not installed but an image format was asked for."""

    exit_code = EXIT_USAGE


class RenderError(ArgmapError):
    """Graphviz failed or timed out while drawing a diagram."""

    exit_code = EXIT_INVALID
