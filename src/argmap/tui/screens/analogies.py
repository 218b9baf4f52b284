"""AnalogiesScreen: every analogy of the map, to open, edit or delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from argmap import ops
from argmap.model import Analogy, Map
from argmap.summary import analogy_counts, shorten
from argmap.tui.screens.analogy_form import AnalogyForm
from argmap.tui.screens.choice import confirm
from argmap.tui.screens.manager import Commit, Manager
from argmap.tui.widgets.footer import AppFooter
from argmap.tui.widgets.node_detail import analogy_block
from argmap.tui.widgets.steady import SteadyOptionList


def analogy_line(amap: Map, analogy_id: str, analogy: Analogy) -> Text:
    """One line: then claim → now claim, how it bears, and its counts."""

    def end(node_id: str) -> str:
        node = amap.nodes.get(node_id)
        return shorten(node.text, 36) if node else f"({node_id}?)"

    line = Text()
    line.append(f"{analogy_id}: ", style="bold")
    line.append(end(analogy.then), style="blue")
    line.append(" ⇄ ")
    line.append(end(analogy.now), style="bright_magenta")
    line.append(f"  {analogy.bears.value} · {analogy_counts(analogy)}", style="dim")
    return line


def analogy_form(
    amap: Map, analogy_id: str | None, initial: dict[str, Any], title: str
) -> AnalogyForm:
    """The form for a new or existing analogy, checked against `amap` as it is then."""

    def check(a_id: str, analogy: Analogy) -> None:
        ops.put_analogy(amap, a_id, analogy)

    return AnalogyForm(title, amap, analogy_id, initial, check=check)


class AnalogiesScreen(Manager[str | None]):
    """The analogies; enter edits, delete deletes, `g` goes to the then claim, escape closes.

    Dismisses with the id of a node to go to, or None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit_analogy", "Edit", id="analogies-edit", priority=True),
        Binding("delete", "delete_analogy", "Delete", id="analogies-delete"),
        Binding("g", "go_then", "Go to then claim", id="analogies-go-then"),
        Binding("G", "go_now", "Go to now claim", id="analogies-go-now"),
        Binding("escape", "close", "Close", id="analogies-close"),
    ]

    def __init__(
        self,
        get_map: Callable[[], Map],
        commit: Commit,
        *,
        read_only: bool,
        select: str | None = None,
    ) -> None:
        super().__init__(get_map, commit, read_only=read_only)
        self._select = select

    def compose(self) -> ComposeResult:
        """The list, the highlighted analogy in full, and the keys."""
        with Vertical(classes="manager-box") as box:
            box.border_title = "Analogies"
            yield SteadyOptionList(id="analogy-list")
            yield Static(id="analogy-detail")
        yield AppFooter()

    def on_mount(self) -> None:
        """Fill the list and focus it."""
        self.refresh_list(self._select)
        self.query_one(OptionList).focus()

    def refresh_list(self, select: str | None = None) -> None:
        """Show the analogies of the current map."""
        amap = self._get_map()
        options = (
            Option(analogy_line(amap, a_id, analogy), id=a_id)
            for a_id, analogy in amap.analogies.items()
        )
        self.fill(options, amap.analogies, select)
        self._show_current()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted analogy in full under the list."""
        self._show_current()

    def _show_current(self) -> None:
        amap = self._get_map()
        current = self.current
        body = self.query_one("#analogy-detail", Static)
        if current is None:
            body.update(
                Text("No analogies yet: select a claim in the map and press l.", style="dim")
            )
        else:
            body.update(analogy_block(amap, current, amap.analogies[current]))

    def action_edit_analogy(self) -> None:
        """Edit the highlighted analogy."""
        a_id = self.current
        if a_id is None or not self.writable():
            return
        amap = self._get_map()
        old = amap.analogies[a_id]

        def edited(result: tuple[str, Analogy] | None) -> None:
            if result is not None and result[1] != old:
                self._commit(ops.put_analogy(self._get_map(), *result), f"edit analogy {a_id}")
                self.refresh_list(a_id)

        form = analogy_form(amap, a_id, old.model_dump(by_alias=True), f"Edit analogy {a_id}")
        self.app.push_screen(form, edited)

    def action_delete_analogy(self) -> None:
        """Delete the highlighted analogy, after asking."""
        a_id = self.current
        if a_id is None or not self.writable():
            return

        def answered(answer: str | None) -> None:
            if answer == "yes":
                self._commit(ops.delete_analogy(self._get_map(), a_id), f"delete analogy {a_id}")
                self.refresh_list()

        self.app.push_screen(confirm("Delete", f"Delete the analogy {a_id}?", "Delete"), answered)

    def action_go_then(self) -> None:
        """Close and put the map's cursor on the analogy's then claim."""
        if (a_id := self.current) is not None:
            self.dismiss(self._get_map().analogies[a_id].then)

    def action_go_now(self) -> None:
        """Close and put the map's cursor on the analogy's now claim."""
        if (a_id := self.current) is not None:
            self.dismiss(self._get_map().analogies[a_id].now)
