"""The base of the sources and analogies screens: one of the map's collections as a list."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TypeVar

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from argmap.model import Map
from argmap.tui.screens.modal import Modal

R = TypeVar("R")

# Applies an edit to the document and records it for undo (the app's `commit`).
Commit = Callable[[Map, str], bool]


class Manager(Modal[R]):
    """A list of the map's sources or analogies, each change made through `commit`.

    Args:
        get_map: returns the document's current map.
        commit: applies an edit to the document.
        read_only: refuse changes.
    """

    def __init__(self, get_map: Callable[[], Map], commit: Commit, *, read_only: bool) -> None:
        super().__init__(classes="manager")
        self._get_map = get_map
        self._commit = commit
        self._read_only = read_only

    def fill(self, options: Iterable[Option], ids: Collection[str], select: str | None) -> None:
        """Show `options` (one per id of `ids`, in order), the cursor on `select` or the first."""
        listing = self.query_one(OptionList)
        listing.clear_options()
        # All at once: each option added alone makes the list measure and scroll again.
        listing.add_options(options)
        if select is not None and select in ids:
            listing.highlighted = list(ids).index(select)
        elif ids:
            listing.highlighted = 0

    @property
    def current(self) -> str | None:
        """The id of the highlighted item."""
        listing = self.query_one(OptionList)
        if listing.highlighted is None or listing.option_count == 0:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def writable(self) -> bool:
        """Whether edits are allowed; says why not when they are refused."""
        if self._read_only:
            self.notify("This map is open read-only: edits are off.", severity="warning")
        return not self._read_only

    def action_close(self) -> None:
        """Back to the map."""
        self.dismiss(None)
