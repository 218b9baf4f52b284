"""SourcesScreen: list, add, edit and delete the map's sources.

A source in use is deleted only after the analyst has seen which nodes cite it and
agreed to un-cite them; every change is one undoable edit of the map.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from argmap import ops
from argmap.model import Map, Source
from argmap.summary import shorten
from argmap.tui.screens.choice import Choice, ChoiceScreen
from argmap.tui.screens.manager import Manager
from argmap.tui.screens.source_form import SourceForm
from argmap.tui.widgets.footer import AppFooter
from argmap.tui.widgets.steady import SteadyOptionList


def source_line(amap: Map, source_id: str, source: Source) -> Text:
    """One line of the list: title, author and date, grade, how often it is cited."""
    line = Text()
    grade = source.reliability.value if source.reliability else "?"
    line.append(f"[{grade}] ", style="bold")
    line.append(shorten(source.title, 60))
    who = ", ".join(p for p in (source.author, source.date) if p)
    if who:
        line.append(f" — {shorten(who, 40)}", style="dim")
    uses = len(amap.uses_of_source(source_id))
    line.append(f"  {source_id} · cited {uses}×", style="italic")
    return line


class SourcesScreen(Manager[None]):
    """The map's sources; `a` adds, enter edits, delete deletes, escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_source", "Add", id="sources-add"),
        Binding("enter", "edit_source", "Edit", id="sources-edit", priority=True),
        Binding("delete", "delete_source", "Delete", id="sources-delete"),
        Binding("escape", "close", "Close", id="sources-close"),
    ]

    def compose(self) -> ComposeResult:
        """The list of sources and the keys."""
        with Vertical(classes="manager-box") as box:
            box.border_title = "Sources"
            yield SteadyOptionList(id="source-list")
            yield Static(id="source-help")
        yield AppFooter()

    def on_mount(self) -> None:
        """Fill the list and focus it."""
        self.refresh_list()
        self.query_one(OptionList).focus()

    def refresh_list(self, select: str | None = None) -> None:
        """Show the sources of the current map; keep the cursor on `select` if given."""
        amap = self._get_map()
        options = (
            Option(source_line(amap, source_id, source), id=source_id)
            for source_id, source in amap.sources.items()
        )
        self.fill(options, amap.sources, select)
        help_text = "No sources yet: press a to add one." if not amap.sources else ""
        self.query_one("#source-help", Static).update(Text(help_text, style="dim"))

    def action_add_source(self) -> None:
        """Add a source through the form."""
        if not self.writable():
            return
        amap = self._get_map()

        def added(result: tuple[str, Source] | None) -> None:
            if result is not None:
                source_id, source = result
                self._commit(
                    ops.put_source(self._get_map(), source_id, source), f"add source {source_id}"
                )
                self.refresh_list(source_id)

        self.app.push_screen(SourceForm("New source", None, {}, taken=set(amap.sources)), added)

    def action_edit_source(self) -> None:
        """Edit the highlighted source."""
        source_id = self.current
        if source_id is None or not self.writable():
            return
        source = self._get_map().sources[source_id]

        def edited(result: tuple[str, Source] | None) -> None:
            if result is not None and result[1] != source:
                self._commit(ops.put_source(self._get_map(), *result), f"edit source {source_id}")
                self.refresh_list(source_id)

        form = SourceForm(f"Edit source {source_id}", source_id, source.model_dump(by_alias=True))
        self.app.push_screen(form, edited)

    def action_delete_source(self) -> None:
        """Delete the highlighted source; if nodes cite it, show them and ask first."""
        source_id = self.current
        if source_id is None or not self.writable():
            return
        amap = self._get_map()
        users = amap.uses_of_source(source_id)

        def delete(answer: str | None = "delete") -> None:
            if answer == "delete":
                new = ops.delete_source(self._get_map(), source_id, force=True)
                self._commit(new, f"delete source {source_id}")
                self.refresh_list()

        if not users:
            delete()
            return
        shown = ", ".join(users[:8]) + (" …" if len(users) > 8 else "")
        question = (
            f"{source_id} is cited by {len(users)} node(s): {shown}."
            " Delete it and remove the citation from them?"
        )
        choices = [
            Choice("delete", "Delete and un-cite", "d", "error"),
            Choice("cancel", "Cancel", "escape"),
        ]
        self.app.push_screen(ChoiceScreen("Source in use", question, choices), delete)
