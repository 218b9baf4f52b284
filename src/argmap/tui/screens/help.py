"""HelpScreen: every key of the editor, by task, and the keys of forms."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from argmap.tui.keys import FORM_KEYS, KEYS, TREE_KEYS
from argmap.tui.screens.modal import Modal

INTRO = (
    "argmap builds claim–evidence–rebuttal trees. Select a node with the arrow keys,"
    " then add to it: c claim, e evidence, r rebuttal. Enter edits; ctrl+s saves;"
    " ctrl+z undoes any edit. Every action is also in the command palette (ctrl+p)."
)


def help_table() -> Table:
    """The keys, grouped by task."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    groups: dict[str, list[tuple[str, str]]] = {}
    for key in KEYS:
        groups.setdefault(key.group, []).append((key.shown_key, key.help))
    groups["Moving around"] = list(TREE_KEYS)
    groups["In forms"] = list(FORM_KEYS)
    for group, rows in groups.items():
        table.add_row(Text(group, style="bold underline"), "")
        for shown, text in rows:
            table.add_row(shown, Text(text))
        table.add_row("", "")
    return table


class HelpScreen(Modal[None]):
    """The keys; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        """The intro and the table of keys."""
        with VerticalScroll(classes="help-box") as box:
            box.border_title = "Keys (escape closes)"
            yield Static(Text(INTRO), classes="help-intro")
            yield Static(help_table())

    def on_mount(self) -> None:
        """Focus the text so that the arrow keys and page keys scroll it."""
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        """Back to the map."""
        self.dismiss(None)
