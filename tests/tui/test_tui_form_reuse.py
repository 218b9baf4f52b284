"""Pilot tests: the node form, built once and filled again, equals a form built fresh."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from argmap.model import Kind, Source, Target
from argmap.tui.app import ArgmapApp
from argmap.tui.prebuild import NODE_FORMS
from argmap.tui.screens.filter_form import FilterForm
from argmap.tui.screens.form import Box, FormFields, FormScreen
from argmap.tui.screens.map_form import MapForm
from argmap.tui.screens.node_form import NodeForm
from argmap.tui.widgets.footer import AppFooter

from .conftest import drive, fill, select, settle

History = Callable[[ArgmapApp, Pilot[int]], Awaitable[None]]


def shown(widget: Widget) -> bool:
    """Whether `widget` and every container above it in its screen are displayed."""
    return widget.display and all(
        node.display for node in widget.ancestors if isinstance(node, Widget)
    )


def form_state(form: FormScreen[Any]) -> dict[str, Any]:
    """What an analyst sees of the form and what its keys would act on."""
    fields: list[tuple[Any, ...]] = []
    for widget in form.query("Input, TextArea, Select, Checkbox"):
        if not shown(widget):
            continue
        if isinstance(widget, TextArea):
            fields.append(
                (widget.id, widget.text, widget.cursor_location, widget.history.undo_stack)
            )
        elif isinstance(widget, Input):
            fields.append((widget.id, widget.value, widget.cursor_position))
        elif isinstance(widget, Select):
            labels = [(str(label), value) for label, value in widget._options]
            fields.append((widget.id, widget.value, widget.expanded, widget.prompt, labels))
        elif isinstance(widget, Checkbox):
            fields.append((widget.id, widget.value))
    box = form.query_one(".form-box")
    lines = [strip.text for strip in form._compositor.render_strips()]
    drawn = [
        line[box.region.x : box.region.right] for line in lines[box.region.y :][: box.region.height]
    ]
    foot = form.query_one(AppFooter).region
    footer = [line[foot.x : foot.right] for line in lines[foot.y :][: foot.height]]
    return {
        "footer": footer,
        "title": (form.form_title, box.border_title),
        "fields": fields,
        "errors": str(form.query_one("#form-errors", Static).render()),
        "focused": form.focused.id if form.focused else None,
        "scroll": form.query_one(FormFields).scroll_offset,
        "new-source key": form.check_action("new_source", ()),
        "drawn": drawn,
    }


async def open_form(app: ArgmapApp, pilot: Pilot[int], node_id: str, key: str) -> NodeForm:
    await select(app, pilot, node_id)
    await pilot.press(key)
    await settle(app, pilot)
    assert isinstance(app.screen, NodeForm)
    return app.screen


async def close(app: ArgmapApp, pilot: Pilot[int]) -> None:
    await pilot.press("escape")
    await settle(app, pilot)
    assert not isinstance(app.screen, NodeForm)


# Each kept node form (one per kind) with the keys that open it: the target, and
# another opening of the same form (another node, or adding rather than editing).
TARGETS = {
    ("ev-ilm-1972", "enter"): (Kind.EVIDENCE, ("bluf", "e")),
    ("un-exclusion", "c"): (Kind.CLAIM, ("bluf", "enter")),
    ("un-exclusion", "u"): (Kind.REBUTTAL, ("rb-soviet-support", "enter")),
}
# Fields of each kind to type into.
KIND_TYPING: dict[Kind, dict[str, Any]] = {
    Kind.EVIDENCE: {"locator": "p. 99", "quote": "typed"},
    Kind.CLAIM: {"likelihood": "likely"},
    Kind.REBUTTAL: {"target": Target.NODE},
}


def another_use(node_id: str, key: str) -> History:
    """Open the same form for another node and cancel."""

    async def history(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await open_form(app, pilot, *TARGETS[node_id, key][1])
        await close(app, pilot)

    return history


def unsaved_typing(node_id: str, key: str) -> History:
    """Type into every kind of field, switch the kind twice, scroll, then cancel."""

    async def history(app: ArgmapApp, pilot: Pilot[int]) -> None:
        form = await open_form(app, pilot, node_id, key)
        own = TARGETS[node_id, key][0]
        fill(app, text="typed\nover\nseveral\nlines", tags="x y", note="n", **KIND_TYPING[own])
        fill(app, kind=Kind.ASSUMPTION)
        await settle(app, pilot)
        form.query_one("#linchpin", Checkbox).value = True
        fill(app, kind=Kind.INDICATOR if own is Kind.CLAIM else Kind.CLAIM)
        await settle(app, pilot)
        form.query_one("#author", Input).focus()
        form.query_one(FormFields).scroll_end(animate=False, immediate=True)
        await settle(app, pilot)
        await close(app, pilot)

    return history


def error_shown(node_id: str, key: str) -> History:
    """Blank the text and accept: the form shows the error; then cancel."""

    async def history(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await open_form(app, pilot, node_id, key)
        fill(app, text="   ")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "must not be empty" in str(app.screen.query_one("#form-errors", Static).render())
        await close(app, pilot)

    return history


Opener = Callable[[ArgmapApp, Pilot[int]], Awaitable[FormScreen[Any]]]


def reopened_equals_fresh(
    map_path: Path, opened: Opener, history: History, name: str, kind: type[FormScreen[Any]]
) -> None:
    """The kept form `name`, opened again after `history`, equals it opened in a fresh app."""
    fresh: dict[str, Any] = {}
    again: dict[str, Any] = {}

    async def first(app: ArgmapApp, pilot: Pilot[int]) -> None:
        fresh.update(form_state(await opened(app, pilot)))

    async def second(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await history(app, pilot)
        kept = app.get_screen(name)
        form = await opened(app, pilot)
        assert isinstance(form, kind) and form is kept  # the same form, filled again
        again.update(form_state(form))

    drive(map_path, first, prebuild_forms=False)
    drive(map_path, second, prebuild_forms=False)
    assert again == fresh


HISTORIES = {"another use": another_use, "unsaved typing": unsaved_typing, "error": error_shown}


@pytest.mark.parametrize("history", list(HISTORIES))
@pytest.mark.parametrize(("node_id", "key"), list(TARGETS))
def test_a_form_opened_again_equals_a_fresh_one(
    map_path: Path, history: str, node_id: str, key: str
) -> None:
    async def opened(app: ArgmapApp, pilot: Pilot[int]) -> FormScreen[Any]:
        return await open_form(app, pilot, node_id, key)

    name = NODE_FORMS[TARGETS[node_id, key][0]]
    reopened_equals_fresh(map_path, opened, HISTORIES[history](node_id, key), name, NodeForm)


def test_each_kind_of_node_opens_its_own_kept_form(map_path: Path) -> None:
    # A form per kind, so that opening one never switches the fields it shows.
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        opened: dict[Kind, NodeForm] = {}
        for (node_id, key), (kind, other) in TARGETS.items():
            for target in ((node_id, key), other):
                form = await open_form(app, pilot, *target)
                assert form.kind is kind and form is app.get_screen(NODE_FORMS[kind])
                assert opened.setdefault(kind, form) is form
                await close(app, pilot)
        assert len(set(opened.values())) == 3

    drive(map_path, script, prebuild_forms=False)


def test_a_form_shown_with_other_fields_is_laid_out_as_a_second_layout_would(
    map_path: Path,
) -> None:
    # The form's boxes of fields do not ask for the second layout Textual asks for
    # when a box's size changes (one kind's fields shown instead of another's): the
    # layout that measured them must have placed every widget as a fresh one does.
    def placement(form: FormScreen[Any]) -> dict[Widget, tuple[object, ...]]:
        return {
            widget: (geometry.region, geometry.virtual_size, widget.virtual_size)
            for widget, geometry in form._compositor.full_map.items()
        }

    async def same_as_laid_out_afresh(app: ArgmapApp, pilot: Pilot[int], what: object) -> None:
        form = app.screen
        assert isinstance(form, NodeForm)
        placed, drawn = placement(form), form_state(form)["drawn"]
        # Laid out again from scratch by Textual's own size update, and again as
        # often as it asks.
        with pytest.MonkeyPatch.context() as patch:
            for box in (Box, FormFields):
                patch.setattr(box, "_size_updated", Widget._size_updated)
            form._arrangement_cache.clear()
            for widget in form.walk_children(Widget):
                widget._layout_cache.clear()
                widget._size = Size(0, 0)
            form._refresh_layout(form.size)
            await settle(app, pilot)
        assert placement(form) == placed, what
        assert form_state(form)["drawn"] == drawn, what

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        for node_id, key in [("bluf", "enter"), ("un-exclusion", "e"), ("ev-ilm-1972", "enter")]:
            await open_form(app, pilot, node_id, key)
            await same_as_laid_out_afresh(app, pilot, (node_id, key))
            for kind in (Kind.EVIDENCE, Kind.ASSUMPTION, Kind.CLAIM, Kind.REBUTTAL):
                fill(app, kind=kind)  # the form now shows that kind's fields
                await settle(app, pilot)
                await same_as_laid_out_afresh(app, pilot, (node_id, key, kind))
            await close(app, pilot)

    drive(map_path, script)


def test_a_form_opened_again_saves_what_is_typed_into_it(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await unsaved_typing("ev-ilm-1972", "enter")(app, pilot)
        await error_shown("ev-ilm-1972", "enter")(app, pilot)
        await open_form(app, pilot, "ev-ilm-1972", "enter")
        fill(app, locator="p. 12")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, NodeForm)

    before = drive(map_path, lambda app, pilot: settle(app, pilot)).doc.map.nodes["ev-ilm-1972"]
    app = drive(map_path, script)
    node = app.doc.map.nodes["ev-ilm-1972"]
    assert node == before.model_copy(update={"locator": "p. 12"})
    assert not any(n.text.startswith("typed") for n in app.doc.map.nodes.values())


def test_a_form_opened_again_lists_sources_added_meanwhile(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await open_form(app, pilot, "ev-ilm-1972", "enter")
        await close(app, pilot)
        app.add_source("new-src", Source(title="A new [bracketed] source"))
        form = await open_form(app, pilot, "un-exclusion", "e")
        options = form.query_one("#source", Select)._options
        assert ("A new [bracketed] source  [new-src]", "new-src") in [
            (str(label), value) for label, value in options
        ]
        fill(app, text="Cites the new source", source="new-src")
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    app = drive(map_path, script)
    added = [n for n in app.doc.map.nodes.values() if n.text == "Cites the new source"]
    assert [n.source for n in added] == ["new-src"]


async def open_screen(app: ArgmapApp, pilot: Pilot[int], key: str) -> FormScreen[Any]:
    await pilot.press(key)
    await settle(app, pilot)
    assert isinstance(app.screen, FormScreen)
    return app.screen


async def map_form_history(app: ArgmapApp, pilot: Pilot[int]) -> None:
    """Blank the title (an error), type elsewhere, then cancel."""
    await open_screen(app, pilot, "m")
    fill(app, title="", question="typed", era_now="typed too")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "title: must not be empty" in str(app.screen.query_one("#form-errors", Static).render())
    await close(app, pilot)


async def filter_history(app: ArgmapApp, pilot: Pilot[int]) -> None:
    """Pick a kind and a tag, then cancel."""
    await open_screen(app, pilot, "f")
    tags = app.screen.query_one("#filter-tag", Select)._options
    fill(app, filter_kind=Kind.EVIDENCE, filter_tag=tags[-1][1])
    app.screen.query_one("#filter-tag", Select).focus()
    await settle(app, pilot)
    await close(app, pilot)


@pytest.mark.parametrize(
    ("key", "kind", "history"),
    [("m", MapForm, map_form_history), ("f", FilterForm, filter_history)],
)
def test_map_and_filter_forms_opened_again_equal_fresh_ones(
    map_path: Path, key: str, kind: type[FormScreen[Any]], history: History
) -> None:
    async def opened(app: ArgmapApp, pilot: Pilot[int]) -> FormScreen[Any]:
        return await open_screen(app, pilot, key)

    name = f"{'map' if key == 'm' else 'filter'}-form"
    reopened_equals_fresh(map_path, opened, history, name, kind)


def test_the_filter_form_opened_again_shows_the_filter_in_force(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await open_screen(app, pilot, "f")
        fill(app, filter_kind=Kind.EVIDENCE)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        form = await open_screen(app, pilot, "f")
        assert form.query_one("#filter-kind", Select).value is Kind.EVIDENCE
        assert form.query_one("#filter-tag", Select).value is Select.NULL
        fill(app, filter_kind=Select.NULL)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        form = await open_screen(app, pilot, "f")
        assert form.query_one("#filter-kind", Select).value is Select.NULL

    app = drive(map_path, script)
    assert not app.filter.active


def test_the_export_dialog_opened_again_equals_a_fresh_one(map_path: Path) -> None:
    fresh: dict[str, Any] = {}
    again: dict[str, Any] = {}

    async def first(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "bluf")
        fresh.update(form_state(await open_screen(app, pilot, "E")))

    async def second(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "un-exclusion")
        form = await open_screen(app, pilot, "E")
        tags = form.query_one("#tag", Select)._options
        fill(app, format="png", slide="16:9", tag=tags[-1][1], path="elsewhere.png")
        form.query_one("#focus", Checkbox).value = True
        form.query_one("#legend", Checkbox).value = False
        await settle(app, pilot)
        await close(app, pilot)
        await select(app, pilot, "bluf")
        assert await open_screen(app, pilot, "E") is form
        again.update(form_state(form))

    drive(map_path, first)
    drive(map_path, second)
    assert again == fresh
    assert "Only the selected node (bluf) and below" in "\n".join(fresh["drawn"])
