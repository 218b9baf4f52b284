"""When Python's garbage collector runs in the editor: in the analyst's pauses, not in a key.

Measured on a 10,000-node map: the map, its tree and findings are 100,000+ long-lived
objects, and a full collection walks every one of them (50-150 ms). Opening a form
builds and drops some 20,000 more, so with the default thresholds about one full
collection landed in every form opened, and one in every few cursor moves.

The editor therefore (0) collects nothing while it builds its first screen (a full
collection there cost 50 ms of the start on 10,000 nodes; everything built then lives
on), and on big maps (1) freezes the long-lived heap (frozen objects are
never walked, and are still freed by reference counting when dropped), (2) makes
automatic full collections rare, and (3) runs a full collection itself once input
has paused for `IDLE_SECONDS`, freezing what survives when no form or dialog is open
(a form's widgets die when it closes; frozen, their reference cycles would never be
collected).

Objects frozen while alive can still die later in reference cycles (cached lines of
the screen, footer keys replaced by a new footer): frozen, they are never collected.
Some 2,000 such objects were trapped per form opened and closed, so once the frozen
heap has doubled since the last clean-up, a longer pause (`TIDY_SECONDS`) thaws it
and collects everything: under a second on a 10,000-node map, once in many minutes
of work.
"""

from __future__ import annotations

import gc

# Young collections stay frequent (they only walk recent objects); a full collection
# comes after 100 middle ones instead of 10, i.e. rarely during a burst of keys.
THRESHOLDS = (700, 10, 100)
IDLE_SECONDS = 1.0
TIDY_SECONDS = 5.0
# Clean up (thaw, collect everything) when the frozen heap has grown by this factor.
REGROWTH = 2.0


class Collector:
    """The collector's schedule for one editor session.

    Attributes:
        freezing: a big map: freeze the heap and collect in pauses. Small maps keep
            Python's own schedule (their collections are short, and a test process
            opening many small maps would otherwise keep them all).
        regrowth: how much the frozen heap grows before `tidy` cleans it up.
    """

    def __init__(self) -> None:
        self.freezing = False
        self.regrowth = REGROWTH
        self._saved: tuple[int, int, int] | None = None
        self._was_enabled: bool | None = None  # set while paused
        self._clean_size = 0  # frozen objects after the last full clean-up

    def pause(self) -> None:
        """Collect nothing until `start` (the editor is building its first screen)."""
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def start(self, *, freezing: bool) -> None:
        """Collect again; on a big map (`freezing`), take over the schedule and freeze now.

        A small map keeps Python's own schedule: its collections are short.
        """
        self.freezing = freezing
        if freezing and self._saved is None:
            self._saved = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)
        self._resume()
        self.settle()
        self._clean_size = gc.get_freeze_count()

    def _resume(self) -> None:
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None

    def settle(self) -> None:
        """After building long-lived state (the tree, findings): freeze it, if freezing."""
        if self.freezing:
            gc.collect(1)  # the young garbage is not frozen with the rest
            gc.freeze()

    def idle(self, *, forms_open: bool) -> None:
        """Input has paused: collect everything, and freeze the survivors if it is safe."""
        if not self.freezing:
            return
        gc.collect()
        if not forms_open:
            gc.freeze()

    def tidy(self, *, forms_open: bool) -> None:
        """A longer pause: if the frozen heap has doubled, thaw it and collect everything."""
        if not self.freezing or forms_open:
            return
        if gc.get_freeze_count() <= self._clean_size * self.regrowth:
            return
        gc.unfreeze()  # frozen objects that died in cycles since can now be collected
        gc.collect()
        gc.freeze()
        self._clean_size = gc.get_freeze_count()

    def stop(self) -> None:
        """Give the thresholds back (the session is over)."""
        self._resume()
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
