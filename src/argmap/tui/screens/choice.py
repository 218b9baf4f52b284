"""ChoiceScreen: a question with a few answers (save/discard/cancel, overwrite/reload/...)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from argmap.tui.screens.modal import Modal


@dataclass(frozen=True)
class Choice:
    """One answer: the value returned, the button's label and its key."""

    value: str
    label: str
    key: str
    variant: str = "default"


class ChoiceScreen(Modal[str]):
    """Ask `question`; dismiss with the chosen value (`cancel_value` on escape)."""

    def __init__(
        self,
        title: str,
        question: str,
        choices: Sequence[Choice],
        *,
        cancel_value: str = "cancel",
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._question = question
        self._choices = tuple(choices)
        self._cancel_value = cancel_value

    def compose(self) -> ComposeResult:
        """The question and one button per answer."""
        with Vertical(classes="dialog-box") as box:
            box.border_title = self._title
            yield Static(Text(self._question), classes="question")
            with Horizontal(classes="buttons"):
                for choice in self._choices:
                    yield Button(
                        f"{choice.label} ({choice.key})",
                        id=f"choice-{choice.value}",
                        variant=choice.variant,  # type: ignore[arg-type]
                    )

    def on_mount(self) -> None:
        """Focus the first answer, so enter takes it."""
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button's value."""
        event.stop()
        value = (event.button.id or "").removeprefix("choice-")
        self.dismiss(value)

    def on_key(self, event: events.Key) -> None:
        """A choice's letter answers it; escape cancels."""
        if event.key == "escape":
            event.stop()
            self.dismiss(self._cancel_value)
            return
        for choice in self._choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return


def confirm(title: str, question: str, yes: str = "Yes") -> ChoiceScreen:
    """A yes/cancel question; the screen dismisses with `yes` or `cancel`."""
    return ChoiceScreen(
        title,
        question,
        [Choice("yes", yes, "y", "error"), Choice("cancel", "Cancel", "escape")],
    )
