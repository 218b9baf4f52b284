"""FilterForm: show only nodes of a kind, an era or a tag (all blank: show everything)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Select

from argmap.model import Era, Eras, Kind
from argmap.tradecraft import KIND_LABEL
from argmap.tui.screens.form import FormScreen, labelled, options
from argmap.tui.search import Filter


class FilterForm(FormScreen[Filter]):
    """Dismisses with the new `Filter` (inactive when every field is blank)."""

    def __init__(self, current: Filter, eras: Eras, tags: Sequence[str]) -> None:
        super().__init__("Filter (blank shows everything)")
        self._current = current
        self._eras = eras
        self._tags = list(tags)

    def fields(self) -> ComposeResult:
        """Kind, era and tag selects."""
        current = self._current
        yield from labelled(
            "Kind",
            Select(
                options((KIND_LABEL[k], k) for k in Kind),
                value=current.kind or Select.NULL,
                id="filter-kind",
            ),
        )
        eras = [(f"then — {self._eras.then}", Era.THEN), (f"now — {self._eras.now}", Era.NOW)]
        yield from labelled(
            "Era", Select(options(eras), value=current.era or Select.NULL, id="filter-era")
        )
        tag_value = current.tag if current.tag in self._tags else Select.NULL
        yield from labelled(
            "Tag",
            Select(options((t, t) for t in self._tags), value=tag_value, id="filter-tag"),
        )

    def on_mount(self) -> None:
        """Start at the kind."""
        self.query_one("#filter-kind", Select).focus()

    def accept(self) -> Filter:
        """The filter chosen."""
        return Filter(
            kind=self.choice_of("#filter-kind"),
            era=self.choice_of("#filter-era"),
            tag=self.choice_of("#filter-tag"),
        )
