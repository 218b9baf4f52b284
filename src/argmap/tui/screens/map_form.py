"""MapForm: the map's title, question and the labels of its two eras."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from argmap.model import Eras
from argmap.tui.screens.form import FormError, FormScreen, fill_input, labelled


class MapForm(FormScreen[tuple[str, str | None, Eras]]):
    """Dismisses with (title, question, eras), or None when cancelled."""

    def __init__(self, title: str, question: str | None, eras: Eras) -> None:
        super().__init__("Map")
        self._values = (title, question or "", eras)

    def fields(self) -> ComposeResult:
        """Title, question, then the two era labels."""
        title, question, eras = self._values
        yield from labelled("Title", Input(title, id="title"))
        yield from labelled("Question the map answers", Input(question, id="question"))
        yield from labelled("Label of the 'then' era", Input(eras.then, id="era-then"))
        yield from labelled("Label of the 'now' era", Input(eras.now, id="era-now"))

    def on_mount(self) -> None:
        """Start in the title."""
        self.query_one("#title", Input).focus()

    def refill(self, title: str, question: str | None, eras: Eras) -> None:
        """Show these values, as a form built fresh for them would."""
        self._values = (title, question or "", eras)
        for field_id, value in zip(
            ("title", "question", "era-then", "era-now"),
            (title, question or "", eras.then, eras.now),
            strict=True,
        ):
            fill_input(self.query_one(f"#{field_id}", Input), value)
        self.clear_for_reuse()
        self.query_one("#title", Input).focus()

    def accept(self) -> tuple[str, str | None, Eras]:
        """The values, checked by the model."""
        title = self.text_of("#title")
        if title is None:
            raise FormError("title: must not be empty")
        eras = Eras.model_validate(
            {"then": self.text_of("#era-then") or "", "now": self.text_of("#era-now") or ""}
        )
        return title, self.text_of("#question"), eras
