"""NodeForm: add or edit one node; the kind's own fields change with the kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Select, TextArea

from argmap.model import KIND_FIELDS, KIND_SPECIFIC, Era, Eras, Kind, Node, Source, Target
from argmap.tradecraft import KIND_LABEL
from argmap.tui.screens.form import FormScreen, labelled, options
from argmap.tui.screens.node_fields import kind_fields, read_kind_fields, source_options
from argmap.tui.screens.source_form import SourceForm


class NodeForm(FormScreen[Node]):
    """Fields of a node; dismisses with the new `Node`, or None when cancelled.

    Args:
        title: the form's title, e.g. `Add evidence under un-exclusion`.
        initial: the node's fields as saved (kind and parent at least).
        eras: the map's era labels, for the era select.
        sources: the map's sources, for the evidence source select.
        check: raises EditError if the node cannot go into the map (shown in the form).
        add_source: adds a new source to the map (ctrl+n in the form); None hides it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new_source", "New source", id="form-new-source"),
    ]

    def __init__(
        self,
        title: str,
        initial: Mapping[str, Any],
        *,
        eras: Eras,
        sources: Mapping[str, Source],
        check: Callable[[Node], None],
        add_source: Callable[[str, Source], Mapping[str, Source]] | None = None,
    ) -> None:
        super().__init__(title)
        self._initial = dict(initial)
        # Values of kind-specific fields, kept when the kind is switched back and forth.
        self._values = dict(initial)
        self._kind: Kind = initial.get("kind") or Kind.CLAIM
        self._eras = eras
        self._sources = dict(sources)
        self._check = check
        self._add_source = add_source

    def fields(self) -> ComposeResult:
        """Text, kind, era, the kind's own fields, then tags, note and author."""
        get = self._initial.get
        yield from labelled("Text", TextArea(get("text") or "", id="text", soft_wrap=True))
        kinds = options((KIND_LABEL[k], k) for k in Kind)
        yield from labelled("Kind", Select(kinds, value=self._kind, allow_blank=False, id="kind"))
        eras = [(f"then — {self._eras.then}", Era.THEN), (f"now — {self._eras.now}", Era.NOW)]
        era = get("era") or Select.NULL
        yield from labelled(
            "Era", Select(options(eras), value=era, prompt="(as its parent)", id="era")
        )
        with Vertical(id="kind-fields"):
            yield from self._kind_rows(self._kind)
        tags = Input(" ".join(get("tags") or ()), placeholder="space or comma separated", id="tags")
        yield from labelled("Tags", tags)
        yield from labelled("Note", Input(get("note") or "", id="note"))
        yield from labelled("Author", Input(get("author") or "", id="author"))

    def _kind_rows(self, kind: Kind) -> list[Any]:
        return kind_fields(kind, self._values, self._sources, can_add=self._add_source is not None)

    def on_mount(self) -> None:
        """Put the cursor at the end of the text."""
        text = self.query_one("#text", TextArea)
        text.focus()
        text.move_cursor(text.document.end)

    async def on_select_changed(self, event: Select.Changed) -> None:
        """Switching the kind switches the kind's own fields."""
        if event.select.id != "kind" or not isinstance(event.value, Kind):
            return
        if event.value is self._kind:
            return
        box = self.query_one("#kind-fields", Vertical)
        self._values.update(read_kind_fields(box, self._kind))
        self._kind = event.value
        await box.remove_children()
        await box.mount_all(self._kind_rows(self._kind))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+n (new source) only where there is a source to pick: in evidence."""
        if action == "new_source":
            return self._add_source is not None and self._kind is Kind.EVIDENCE
        return True

    def accept(self) -> Node:
        """The node as filled in, validated by the model and checked against the map."""
        kind = self._kind
        data = dict(self._initial)
        data.update(
            kind=kind,
            text=self.text_of("#text") or "",
            era=self.choice_of("#era"),
            tags=[t for t in (self.text_of("#tags") or "").replace(",", " ").split() if t],
            note=self.text_of("#note"),
            author=self.text_of("#author"),
        )
        data.update(read_kind_fields(self.query_one("#kind-fields"), kind))
        for field in KIND_SPECIFIC - KIND_FIELDS[kind]:
            data[field] = False if field == "linchpin" else None
        if data.get("target") is Target.NODE:
            data["target"] = None  # the default; saved maps leave it out
        node = Node.model_validate(data)
        self._check(node)
        return node

    def action_new_source(self) -> None:
        """Add a source without leaving the form, and pick it."""
        if self._add_source is None:
            return
        add = self._add_source

        def added(result: tuple[str, Source] | None) -> None:
            if result is None:
                return
            source_id, source = result
            self._sources = dict(add(source_id, source))
            select = self.query_one("#source", Select)
            select.set_options(source_options(self._sources))
            select.value = source_id
            self.query_one("#locator", Input).focus()  # the next thing evidence needs

        self.app.push_screen(SourceForm("New source", None, {}, taken=set(self._sources)), added)
