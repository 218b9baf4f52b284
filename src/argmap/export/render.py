"""Run Graphviz's `dot`: the only place argmap spawns it, always with a timeout.

Output goes to a temporary file beside the target and replaces it only when `dot`
succeeded, so a failed, timed-out or cancelled render leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import GraphvizMissingError, RenderError

if TYPE_CHECKING:
    import subprocess

# subprocess is imported where `dot` is run: `-f dot` and `-f md` only write a file,
# and its import was 7 ms of those commands' start-up.

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; Fedora: sudo dnf install"
    " graphviz; macOS: brew install graphviz; Windows: winget install graphviz) and try again;"
    " -f dot and -f md work without it"
)
_POLL = 0.1


def dot_program() -> str:
    """The path of `dot`.

    Raises:
        GraphvizMissingError: `dot` is not on the PATH.
    """
    import shutil

    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissingError(f"Graphviz's dot program was not found: {INSTALL_HINT}")
    return found


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    return path


def _temp_beside(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(tmp)


def _wait(
    proc: subprocess.Popen[bytes],
    source: bytes,
    timeout: float,
    cancel: threading.Event | None,
) -> bytes:
    """Feed `dot` and wait for it; return its stderr. Kills it on timeout or cancel."""
    import subprocess

    deadline = time.monotonic() + timeout
    pending: bytes | None = source
    while True:
        try:
            _, err = proc.communicate(pending, timeout=_POLL)
            return err
        except subprocess.TimeoutExpired:
            pending = None  # Popen keeps feeding what it was given first
        if cancel is not None and cancel.is_set():
            proc.kill()
            proc.communicate()
            raise RenderError("export cancelled; nothing was written")
        if time.monotonic() > deadline:
            proc.kill()
            proc.communicate()
            raise RenderError(
                f"Graphviz took longer than {timeout:g} s and was stopped; draw a smaller"
                " view with --focus ID --depth N"
            )


def run_dot(
    source: str,
    outputs: list[tuple[str, Path]],
    *,
    dpi: int | None = None,
    timeout: float,
    cancel: threading.Event | None = None,
) -> None:
    """Lay `source` out once and write each (format, path) of `outputs`.

    Raises:
        GraphvizMissingError: `dot` is not installed.
        RenderError: `dot` failed, timed out or was cancelled.
    """
    import subprocess

    program = dot_program()
    temps = [(_temp_beside(path), path) for _, path in outputs]
    command = [program]
    if dpi is not None:
        command.append(f"-Gdpi={dpi}")
    for (fmt, _), (tmp, _) in zip(outputs, temps, strict=True):
        command += [f"-T{fmt}", f"-o{tmp}"]
    try:
        try:
            proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
        except FileNotFoundError as error:
            raise GraphvizMissingError(
                f"Graphviz's dot program could not be run: {INSTALL_HINT}"
            ) from error
        err = _wait(proc, source.encode("utf-8"), timeout, cancel)
        if proc.returncode != 0:
            lines = [ln for ln in err.decode("utf-8", "replace").splitlines() if ln.strip()]
            detail = lines[0] if lines else f"exit status {proc.returncode}"
            raise RenderError(f"Graphviz failed: {detail}")
        for tmp, path in temps:
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
