"""YAML text <-> Map: safe load with located errors, canonical atomic save, recovery files.

Typical use::

    loaded = store.load(Path("maps/x.yaml"))
    new_map = ops.add_node(loaded.map, ...)
    store.save(new_map, loaded.path, expected=loaded.fingerprint)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap import integrity
from argmap.errors import ExternalChangeError, Loc, MapInvalidError, Problem
from argmap.model import Map
from argmap.store import canon_read
from argmap.store.files import (
    DEFAULT_MAX_BYTES,
    Fingerprint,
    atomic_write,
    current_fingerprint,
    fingerprint_of,
    read_bytes,
)
from argmap.store.gcpause import gc_paused
from argmap.store.validate import build_map

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Fingerprint",
    "Loaded",
    "current_fingerprint",
    "dumps",
    "load",
    "loads",
    "recovery_path",
    "remove_recovery",
    "save",
    "to_data",
    "write_recovery",
]

RECOVERY_SUFFIX = ".recover"


@dataclass(frozen=True)
class Loaded:
    """A map read from a file, with what is needed to save it back safely.

    Attributes:
        map: the map.
        path: where it came from.
        data: the file's bytes as read.
        mtime_ns: the file's modification time when it was read.
        lines: line of each entry of sources, nodes, links and analogies.
    """

    map: Map
    path: Path
    data: bytes = field(repr=False)
    mtime_ns: int
    lines: dict[Loc, int] = field(default_factory=dict)

    @functools.cached_property
    def fingerprint(self) -> Fingerprint:
        """The file as read; `save` refuses to overwrite a different one."""
        # Hashed when asked for (by the commands that save): hashing a 1,000-node
        # map costs ~8 M instructions that `validate`, `show` and `export` never need.
        return fingerprint_of(self.data, self.mtime_ns)

    def line_of(self, section: str, key: str | int) -> int | None:
        """Line where an entry such as ('nodes', 'bluf') starts, if known."""
        return self.lines.get((section, key))


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as YAML's do; the line is UTF-8 up to the bad byte.
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        bad = data[error.start : error.start + 1].hex()
        raise MapInvalidError(
            [
                Problem(
                    (),
                    f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8",
                    file=name,
                    line=line,
                    column=column,
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def loads_with_lines(text: str, name: str = "<string>") -> tuple[Map, dict[Loc, int]]:
    """Parse and validate map text; return the map and the line of each entry.

    Raises:
        MapInvalidError: with every problem found, each located in `name`.
    """
    with gc_paused():  # many objects, no cycles: see gcpause
        # Text laid out as argmap saves it is read without libyaml; a valid map read
        # so is done. Anything else, and any invalid map, takes the libyaml path,
        # which words and locates every problem.
        quick = canon_read.read(text)
        if quick is not None:
            amap, _ = build_map(quick[0])
            if amap is not None:
                lines = quick[1]
                # Dropped while the collector is paused: it then never scans the data.
                quick = None
                return amap, lines
        return _loads_with_libyaml(text, name)


def _loads_with_libyaml(text: str, name: str) -> tuple[Map, dict[Loc, int]]:
    # Imported here: PyYAML costs ~15 ms to import, which a saved map never needs.
    from argmap.store.yaml_read import YamlProblem, locate, parse, scalar_at, top_level_lines

    # Called inside the collector pause of `loads_with_lines`: the YAML node tree (a
    # third of a million objects for 10,000 nodes) is gone before the collector runs
    # again, so it never scans it (0.3 s per scan where the collector is on, as in the
    # editor).
    try:
        data, root = parse(text)
    except YamlProblem as error:
        raise MapInvalidError(
            [error.problem.at(name, error.problem.line, error.problem.column)]
        ) from None
    amap, problems = build_map(data, lambda loc: scalar_at(root, loc))
    if amap is None:
        located = [p.at(name, *locate(root, p.loc)) for p in problems]
        located.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise MapInvalidError(located)
    return amap, top_level_lines(root)


def loads(text: str, name: str = "<string>") -> Map:
    """Parse and validate map text (see `loads_with_lines`)."""
    return loads_with_lines(text, name)[0]


def load(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read and validate the map at `path`.

    Raises:
        UnreadableError: the file is missing, a directory, or over `max_bytes`.
        MapInvalidError: every syntax, schema and reference problem, located.
    """
    data = read_bytes(path, max_bytes)
    mtime_ns = path.stat().st_mtime_ns
    text = _decode(data, str(path))
    amap, lines = loads_with_lines(text, str(path))
    return Loaded(amap, path, data, mtime_ns, lines)


def dumps(amap: Map) -> str:
    """The canonical YAML text of `amap` (see `yaml_write.dumps`)."""
    # Imported here, with PyYAML: loading a saved map needs neither.
    from argmap.store import yaml_write

    return yaml_write.dumps(amap)


def to_data(amap: Map) -> dict[str, Any]:
    """The map as plain data in canonical order (see `yaml_write.to_data`)."""
    from argmap.store import yaml_write

    return yaml_write.to_data(amap)


def save(
    amap: Map, path: Path, *, expected: Fingerprint | None = None, force: bool = False
) -> Fingerprint:
    """Write `amap` to `path` canonically and atomically, keeping `path.bak`.

    Args:
        amap: the map to save.
        path: target file.
        expected: the fingerprint from when the file was loaded (None: it was new).
        force: overwrite even if the file changed on disk since.

    Returns:
        The fingerprint of the saved file, to pass as `expected` next time.

    Raises:
        ExternalChangeError: the file on disk is not the one that was loaded.
        MapInvalidError: the map breaks a rule of the format (an edit that bypassed
            `ops`); nothing is written, since the file would not load again.
    """
    broken = integrity.problems(amap)
    if broken:
        raise MapInvalidError([p.at(str(path), None, None) for p in broken])
    if not force:
        now = current_fingerprint(path)
        if _changed(expected, now):
            raise ExternalChangeError(
                f"{path}: changed on disk since it was opened; not overwritten"
                " (reload it, or save elsewhere)"
            )
    return atomic_write(path, dumps(amap).encode("utf-8"))


def _changed(expected: Fingerprint | None, now: Fingerprint | None) -> bool:
    if expected is None:
        return now is not None
    if now is None:
        return False  # deleted meanwhile: writing it back loses nothing
    return (now.size, now.sha256) != (expected.size, expected.sha256)


def recovery_path(path: Path) -> Path:
    """Where unsaved edits of `path` are autosaved: `NAME.recover` beside it."""
    return path.with_name(path.name + RECOVERY_SUFFIX)


def write_recovery(amap: Map, path: Path) -> None:
    """Autosave `amap` as the recovery file of `path` (atomically, no backup)."""
    atomic_write(recovery_path(path), dumps(amap).encode("utf-8"), backup=False)


def remove_recovery(path: Path) -> None:
    """Delete the recovery file of `path`, if any (after a save or a discard)."""
    recovery_path(path).unlink(missing_ok=True)
