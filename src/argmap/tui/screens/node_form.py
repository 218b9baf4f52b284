"""NodeForm: add or edit one node; the kind's own fields change with the kind.

The editor builds one NodeForm and fills it again for each node (`refill`): building
its fifty-odd widgets took 250-450 ms on a loaded machine, filling them a few ms.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Select, TextArea

from argmap.model import KIND_FIELDS, KIND_SPECIFIC, Era, Eras, Kind, Node, Source, Target
from argmap.tradecraft import KIND_LABEL
from argmap.tui.screens.form import Box, FormScreen, fill_input, fill_text, labelled, options
from argmap.tui.screens.node_fields import (
    fill_kind_fields,
    kind_fields,
    read_kind_fields,
    source_options,
    source_prompt,
)
from argmap.tui.screens.source_form import SourceForm
from argmap.tui.widgets.footer import AppFooter


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
        self._set_state(initial, eras, sources, check, add_source)
        # The rows of each kind's own fields built so far; the current kind's are shown.
        self._groups: dict[Kind, Box] = {}
        # What the source select lists (rebuilt only when the map's sources change).
        self._listed_sources: Mapping[str, Source] = self._sources

    def _set_state(
        self,
        initial: Mapping[str, Any],
        eras: Eras,
        sources: Mapping[str, Source],
        check: Callable[[Node], None],
        add_source: Callable[[str, Source], Mapping[str, Source]] | None,
    ) -> None:
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
        era = get("era") or Select.NULL
        yield from labelled(
            "Era", Select(self._era_options(), value=era, prompt="(as its parent)", id="era")
        )
        with Box(id="kind-fields"):
            yield self._group(self._kind)
        tags = Input(" ".join(get("tags") or ()), placeholder="space or comma separated", id="tags")
        yield from labelled("Tags", tags)
        yield from labelled("Note", Input(get("note") or "", id="note"))
        yield from labelled("Author", Input(get("author") or "", id="author"))

    def _era_options(self) -> list[tuple[Any, Any]]:
        eras = self._eras
        return options([(f"then — {eras.then}", Era.THEN), (f"now — {eras.now}", Era.NOW)])

    def _group(self, kind: Kind) -> Box:
        """A new box of `kind`'s own fields, filled from the values (mounted by the caller)."""
        rows = kind_fields(kind, self._values, self._sources, can_add=self._add_source is not None)
        group = Box(*rows, id=f"kind-{kind.value}", classes="kind-group")
        self._groups[kind] = group
        if kind is Kind.EVIDENCE:
            self._listed_sources = self._sources
        return group

    def on_mount(self) -> None:
        """Put the cursor at the end of the text."""
        self._focus_text()

    def _focus_text(self) -> None:
        text = self.query_one("#text", TextArea)
        text.focus()
        text.move_cursor(text.document.end)

    def refill(
        self,
        title: str,
        initial: Mapping[str, Any],
        *,
        eras: Eras,
        sources: Mapping[str, Source],
        check: Callable[[Node], None],
        add_source: Callable[[str, Source], Mapping[str, Source]] | None = None,
    ) -> None:
        """Show another node, as a form built fresh for it would (same arguments)."""
        old_eras = self._eras
        self._set_state(initial, eras, sources, check, add_source)
        self.set_title(title)
        get = self._initial.get
        fill_text(self.query_one("#text", TextArea), get("text") or "")
        self.query_one("#kind", Select).value = self._kind
        era_select = self.query_one("#era", Select)
        if eras != old_eras:
            era_select.set_options(self._era_options())
        era_select.value = get("era") or Select.NULL
        evidence = self._groups.get(Kind.EVIDENCE)
        if evidence is not None:
            source = evidence.query_one("#source", Select)
            source.prompt = source_prompt(can_add=add_source is not None)
            if sources is not self._listed_sources and self._sources != self._listed_sources:
                source.set_options(source_options(self._sources))
            self._listed_sources = sources
        # The other kinds' boxes are filled if the analyst switches to them.
        if self._kind in self._groups:
            fill_kind_fields(self._groups[self._kind], self._kind, self._values)
        self._show_group(self._kind)
        fill_input(self.query_one("#tags", Input), " ".join(get("tags") or ()))
        fill_input(self.query_one("#note", Input), get("note") or "")
        fill_input(self.query_one("#author", Input), get("author") or "")
        self.clear_for_reuse()
        self._focus_text()
        self.refresh_bindings()
        self.query_one(AppFooter).update_now()  # ctrl+n shown for evidence only

    def _show_group(self, kind: Kind) -> None:
        """Show `kind`'s own fields (built now if new), hiding the other kinds'."""
        for other, group in self._groups.items():
            group.display = other is kind
        if kind not in self._groups:
            self.query_one("#kind-fields", Box).mount(self._group(kind))

    def has_fields(self, kind: Kind) -> bool:
        """Whether `kind`'s own fields are built."""
        return kind in self._groups

    async def build_kind(self, kind: Kind) -> None:
        """Build `kind`'s own fields now, hidden, unless built (filled when shown)."""
        if kind in self._groups:
            return
        group = self._group(kind)
        group.display = kind is self._kind
        await self.query_one("#kind-fields", Box).mount(group)

    @property
    def kind(self) -> Kind:
        """The kind chosen in the form."""
        return self._kind

    def show_kind_fields(self, kind: Kind) -> None:
        """Show `kind`'s own fields (built before), hiding the other kinds'."""
        self._show_group(kind)

    async def on_select_changed(self, event: Select.Changed) -> None:
        """Switching the kind switches the kind's own fields."""
        if event.select.id != "kind" or not isinstance(event.value, Kind):
            return
        if event.value is self._kind:
            return
        self._values.update(read_kind_fields(self._groups[self._kind], self._kind))
        self._kind = event.value
        if event.value in self._groups:
            fill_kind_fields(self._groups[event.value], event.value, self._values)
        self._show_group(event.value)
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
        data.update(read_kind_fields(self._groups[kind], kind))
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
            self._listed_sources = self._sources
            select = self._groups[Kind.EVIDENCE].query_one("#source", Select)
            select.set_options(source_options(self._sources))
            select.value = source_id
            self._groups[Kind.EVIDENCE].query_one(
                "#locator", Input
            ).focus()  # the next thing evidence needs

        self.app.push_screen(SourceForm("New source", None, {}, taken=set(self._sources)), added)
