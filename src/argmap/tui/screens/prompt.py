"""PromptScreen: one line of input (a search, a file name)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from argmap.tui.screens.form import FormError, FormScreen, labelled


class PromptScreen(FormScreen[str]):
    """Ask for one value; enter or ctrl+s accepts, escape cancels."""

    def __init__(self, title: str, label: str, value: str = "", *, placeholder: str = "") -> None:
        super().__init__(title)
        self._label = label
        self._value = value
        self._placeholder = placeholder

    def fields(self) -> ComposeResult:
        """The one input."""
        yield from labelled(
            self._label, Input(self._value, id="prompt", placeholder=self._placeholder)
        )

    def on_mount(self) -> None:
        """Start in the input, with its text selected so typing replaces it."""
        self.query_one("#prompt", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter accepts, as in any one-line prompt."""
        event.stop()
        self.action_accept()

    def accept(self) -> str:
        """The value typed; empty is refused."""
        value = self.text_of("#prompt")
        if value is None:
            raise FormError("type something, or press escape")
        return value
