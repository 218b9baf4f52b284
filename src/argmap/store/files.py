"""Files on disk: read with limits, fingerprint, and write atomically with a backup.

A crash at any instant leaves either the old file or the new one, whole: we write a
temp file beside the target, fsync it, keep the old version as `NAME.bak`, then
`os.replace` and fsync the directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
from pathlib import Path
from typing import NamedTuple

from argmap.errors import UnreadableError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TMP_PREFIX = "."
TMP_SUFFIX = ".argmap-tmp"


class Fingerprint(NamedTuple):
    """What a file looked like when we read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str


def fingerprint_bytes(data: bytes, path: Path) -> Fingerprint:
    """Fingerprint `data`, just read from or written to `path`."""
    return fingerprint_of(data, path.stat().st_mtime_ns)


def fingerprint_of(data: bytes, mtime_ns: int) -> Fingerprint:
    """Fingerprint `data`, read from or written to a file with this modification time."""
    return Fingerprint(mtime_ns, len(data), hashlib.sha256(data).hexdigest())


def current_fingerprint(path: Path) -> Fingerprint | None:
    """Fingerprint the file as it is now, or None if it does not exist."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return fingerprint_bytes(data, path)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole file, refusing directories, missing files and files over the cap.

    Raises:
        UnreadableError: with a line saying what to do.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UnreadableError(f"{path}: no such file; create it with `argmap new {path}`") from None
    except OSError as error:
        raise UnreadableError(f"{path}: cannot read: {error.strerror}") from error
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableError(f"{path}: is a directory; give the path of a .yaml map")
    if st.st_size > max_bytes:
        raise UnreadableError(
            f"{path}: {st.st_size:,} bytes is over the {max_bytes:,}-byte limit;"
            " raise it with --max-bytes if this really is a map"
        )
    try:
        # Read one byte past the cap: a device or a growing file cannot run us out of memory.
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise UnreadableError(f"{path}: cannot read: {error.strerror}") from error
    if len(data) > max_bytes:
        raise UnreadableError(f"{path}: over the {max_bytes:,}-byte limit")
    return data


def _fsync_dir(directory: Path) -> None:
    # Some file systems refuse to open or fsync a directory; the rename still happened.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


def _clean_stale_temps(path: Path) -> None:
    """Remove temp files a crash mid-save left beside `path`.

    A temp file's name carries the writer's pid; one whose writer still runs may be
    a save in progress in another process, so it is left alone.
    """
    pattern = f"{TMP_PREFIX}{path.name}.*{TMP_SUFFIX}"
    for stale in path.parent.glob(pattern):
        pid_text = stale.name.removesuffix(TMP_SUFFIX).rsplit(".", 1)[-1]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            stale.unlink()


def atomic_write(path: Path, data: bytes, *, backup: bool = True) -> Fingerprint:
    """Replace `path` with `data` so that a crash never leaves a partial file.

    Args:
        path: the file to write.
        data: its new contents.
        backup: keep the previous version as `path.bak` (hard-linked, so it is free).

    Returns:
        The fingerprint of the file written.
    """
    if path.is_symlink():
        # Replace the file the link points to, not the link: the map stays where it lives.
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path()
    _clean_stale_temps(path)
    tmp = directory / f"{TMP_PREFIX}{path.name}.{os.getpid()}{TMP_SUFFIX}"
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            bak_tmp = directory / f"{TMP_PREFIX}{bak.name}.{os.getpid()}{TMP_SUFFIX}"
            with contextlib.suppress(FileNotFoundError):
                bak_tmp.unlink()
            try:
                os.link(path, bak_tmp)
            except OSError:  # no hard links here (some network or FAT file systems)
                shutil.copy2(path, bak_tmp)
            os.replace(bak_tmp, bak)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise UnreadableError(f"{path}: cannot save: {error.strerror or error}") from error
    _fsync_dir(directory)
    return fingerprint_bytes(data, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
