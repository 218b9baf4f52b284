"""The editor's one document: the current immutable map, its undo/redo history and save state.

No Textual here: the app replaces the map through `apply`, and undo is a stack of the
maps it replaced (maps share unchanged nodes, so a step costs one dict, not a map).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from argmap.model import Map
from argmap.store import Fingerprint

HISTORY = 500


@dataclass(frozen=True)
class Step:
    """One edit: the maps before and after, and the node to select on either side.

    Attributes:
        label: what the edit did, e.g. `add evidence ev-3` (shown on undo/redo).
        before: the map before the edit.
        after: the map after it.
        focus_before: the node selected before the edit.
        focus_after: the node the edit is about (e.g. the one added).
    """

    label: str
    before: Map
    after: Map
    focus_before: str | None
    focus_after: str | None


class Document:
    """The map being edited, with at least `history` levels of undo and redo.

    Attributes:
        path: the file the map is saved to.
        fingerprint: the file as last read or written (None: not on disk yet).
        saved: the map as last read or written; the document is dirty when it differs.
        revision: grows by one on every change (edit, undo, redo), for autosave.
    """

    def __init__(
        self,
        amap: Map,
        path: Path,
        fingerprint: Fingerprint | None,
        *,
        history: int = HISTORY,
    ) -> None:
        self._map = amap
        self.path = path
        self.fingerprint = fingerprint
        self.saved = amap
        self.revision = 0
        self.saved_revision = 0
        self._undo: deque[Step] = deque(maxlen=history)
        self._redo: deque[Step] = deque(maxlen=history)

    @property
    def map(self) -> Map:
        """The current map."""
        return self._map

    @property
    def dirty(self) -> bool:
        """True when the map differs from the file as last read or written."""
        # Identity is enough: undoing back to the saved map restores that very object.
        return self._map is not self.saved

    @property
    def can_undo(self) -> bool:
        """True when there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when there is an undone edit to redo."""
        return bool(self._redo)

    def apply(
        self, new: Map, label: str, *, focus_before: str | None, focus_after: str | None
    ) -> Step:
        """Make `new` the current map, recording the edit for undo; clears redo."""
        step = Step(label, self._map, new, focus_before, focus_after)
        self._undo.append(step)
        self._redo.clear()
        self._set(new)
        return step

    def undo(self) -> Step | None:
        """Go back one edit; return it, or None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        self._set(step.before)
        return step

    def redo(self) -> Step | None:
        """Redo the last undone edit; return it, or None when there is none."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        self._set(step.after)
        return step

    def mark_saved(self, fingerprint: Fingerprint, path: Path | None = None) -> None:
        """Record that the current map is now what is on disk (at `path`, if it moved)."""
        if path is not None:
            self.path = path
        self.fingerprint = fingerprint
        self.saved = self._map
        self.saved_revision = self.revision

    def reloaded(self, amap: Map, fingerprint: Fingerprint | None, label: str) -> Step:
        """Replace the map with the file's version, as an edit that can be undone."""
        step = self.apply(amap, label, focus_before=None, focus_after=None)
        self.fingerprint = fingerprint
        self.saved = amap
        self.saved_revision = self.revision
        return step

    def _set(self, amap: Map) -> None:
        self._map = amap
        self.revision += 1
