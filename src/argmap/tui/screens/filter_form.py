"""FilterForm: show only nodes of a kind, an era or a tag (all blank: show everything)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
        era = current.era or Select.NULL
        yield from labelled("Era", Select(self._era_options(), value=era, id="filter-era"))
        tag_value = current.tag if current.tag in self._tags else Select.NULL
        yield from labelled(
            "Tag",
            Select(options((t, t) for t in self._tags), value=tag_value, id="filter-tag"),
        )

    def _era_options(self) -> list[tuple[Any, Any]]:
        eras = self._eras
        return options([(f"then — {eras.then}", Era.THEN), (f"now — {eras.now}", Era.NOW)])

    def on_mount(self) -> None:
        """Start at the kind."""
        self.query_one("#filter-kind", Select).focus()

    def refill(self, current: Filter, eras: Eras, tags: Sequence[str]) -> None:
        """Show this filter, as a form built fresh for it would."""
        kind = self.query_one("#filter-kind", Select)
        era = self.query_one("#filter-era", Select)
        tag = self.query_one("#filter-tag", Select)
        if eras != self._eras:
            self._eras = eras
            era.set_options(self._era_options())
        if list(tags) != self._tags:
            self._tags = list(tags)
            tag.set_options(options((t, t) for t in self._tags))
        self._current = current
        kind.value = current.kind or Select.NULL
        era.value = current.era or Select.NULL
        tag.value = current.tag if current.tag in self._tags else Select.NULL
        self.clear_for_reuse()
        kind.focus()

    def accept(self) -> Filter:
        """The filter chosen."""
        return Filter(
            kind=self.choice_of("#filter-kind"),
            era=self.choice_of("#filter-era"),
            tag=self.choice_of("#filter-tag"),
        )
