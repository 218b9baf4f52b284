"""FindingsPanel: the list of findings; enter on one asks the app to jump to its node."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from argmap.tui.findings import Item
from argmap.tui.labels import MARK_STYLE
from argmap.tui.widgets.steady import SteadyOptionList

MAX_SHOWN = 100


class FindingsPanel(SteadyOptionList):
    """Findings, worst first; the border title counts them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Go to its node", id="findings-go"),
    ]

    class Jump(Message):
        """The user chose a finding about `node_id`."""

        def __init__(self, node_id: str) -> None:
            self.node_id = node_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[Item] = []
        self._shown = False
        self.border_title = "Findings"

    @property
    def items(self) -> list[Item]:
        """The findings shown."""
        return self._items

    def show_items(self, items: Sequence[Item]) -> None:
        """Replace the list with `items` (the first MAX_SHOWN of them)."""
        same = (
            self._shown
            and len(items) == len(self._items)
            and items[:MAX_SHOWN] == self._items[:MAX_SHOWN]
        )
        self._items = list(items)
        if same:  # after most edits: the list as it is, without building it again
            self._retitle(f"Findings ({len(self._items)})")
            return
        options = [
            Option(_prompt(item), id=str(index)) for index, item in enumerate(items[:MAX_SHOWN])
        ]
        if not items:
            options.append(Option(Text("No findings.", style="dim"), disabled=True))
        more = len(self._items) - MAX_SHOWN
        if more > 0:
            options.append(Option(Text(f"… and {more} more", style="dim"), disabled=True))
        self.clear_options()
        self.add_options(options)  # at once: each added alone measures the list again
        self._shown = True
        self._retitle(f"Findings ({len(self._items)})")

    def updating(self) -> None:
        """Say that the list is being brought up to date (big maps: lint runs in the background)."""
        count = f" ({len(self._items)})" if self._shown else ""
        self._retitle(f"Findings{count} · updating…")

    def _retitle(self, title: str) -> None:
        # Setting a border title repaints the whole panel, even when it is the same.
        if self.border_title != title:
            self.border_title = title

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is None:
            return
        node_id = self._items[int(event.option_id)].node_id
        if node_id is not None:
            self.post_message(self.Jump(node_id))


def _prompt(item: Item) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{item.severity.value:<7} ", style=MARK_STYLE[item.severity])
    text.append(f"{item.code} ", style="bold")
    text.append(f"{item.where}: ", style="dim")
    text.append(item.message)
    if item.hint:
        text.append(f" — {item.hint}", style="dim italic")
    return text
