"""Run a pure computation over the map in a forked child, where it cannot slow the UI.

Lint of a 10,000-node map is over a second of pure Python. In a thread it holds the
GIL against the event loop, and keys pressed meanwhile took twice as long. A child
made with `fork` shares the map for free (copy-on-write: nothing is sent to it) and
runs on the other core; only its result comes back, pickled through a pipe (7,000
findings: about 0.6 MB, 10 ms to unpickle).

No Textual here. The child runs one function and leaves with `os._exit`: it never
returns into the event loop, flushes no buffer of the terminal and runs no exit
handler. Where `fork` is missing or unsafe (not Linux), or the child fails, the
function runs in the calling thread instead, as before.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Offloader:
    """Runs one computation at a time in a child; a newer one ends the older child."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid: int | None = None

    @staticmethod
    def available() -> bool:
        """True where computations go to a child process."""
        return sys.platform == "linux" and hasattr(os, "fork")

    def run(self, compute: Callable[[], T]) -> T | None:
        """`compute()`, run in a child; None if a later `run` or `cancel` ended it.

        Call from a worker thread: this blocks until the child is done.
        """
        if not self.available():
            return compute()
        read_end, write_end = os.pipe()
        with self._lock:
            self._end_child()
            with warnings.catch_warnings():
                # Python 3.12+ warns about forking a threaded process: the child
                # below calls no code that could wait on another thread's lock.
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:  # pragma: no cover  (the child: coverage does not follow it)
                _child(compute, read_end, write_end)
            self._pid = pid
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        with self._lock:
            if self._pid == pid:
                self._pid = None
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            return None  # ended on purpose: a newer computation replaces it
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and data:
            result: T = pickle.loads(data)
            return result
        return compute()  # the child failed: compute here (an error then shows as usual)

    def cancel(self) -> None:
        """End the child computing now, if any (e.g. when the editor quits)."""
        with self._lock:
            self._end_child()

    def _end_child(self) -> None:
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):  # it has just finished
                os.kill(self._pid, signal.SIGKILL)
            self._pid = None


def _child(
    compute: Callable[[], object], read_end: int, write_end: int
) -> None:  # pragma: no cover
    """The child's whole life: compute, write the pickled result, leave at once."""
    status = 1
    try:
        os.close(read_end)
        gc.disable()  # the collector would touch (and so copy) every shared page
        data = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)
