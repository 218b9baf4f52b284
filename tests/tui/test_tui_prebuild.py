"""Pilot tests: the kept forms, built while the editor is idle, open as fresh ones would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from argmap.model import Kind
from argmap.tui.app import ArgmapApp
from argmap.tui.prebuild import FORMS, NODE_FORMS, Prebuilder, build_node_form
from argmap.tui.screens.form import FormScreen
from argmap.tui.screens.node_form import NodeForm

from .conftest import drive, select, settle
from .test_tui_form_reuse import close, form_state, open_screen

# (node selected, key) for each form: every kept form, the node form for three kinds.
OPENINGS = [
    ("ev-ilm-1972", "enter"),
    ("un-exclusion", "c"),
    ("un-exclusion", "e"),
    ("un-exclusion", "u"),
    ("bluf", "m"),
    ("bluf", "f"),
    ("bluf", "E"),
]


async def built_while_idle(app: ArgmapApp, pilot: Pilot[int]) -> None:
    """Wait, without a key, until the forms are built."""
    await settle(app, pilot)
    assert app.prebuilding is not None
    await app.prebuilding
    await settle(app, pilot)


@pytest.mark.parametrize(("node_id", "key"), OPENINGS)
def test_a_form_built_while_idle_opens_as_a_fresh_one(
    map_path: Path, node_id: str, key: str
) -> None:
    fresh: dict[str, Any] = {}
    first: dict[str, Any] = {}
    built: dict[str, Any] = {}

    async def fresh_form(app: ArgmapApp, pilot: Pilot[int]) -> None:
        assert not any(app.is_screen_installed(name) for name in FORMS)
        await select(app, pilot, node_id)
        fresh.update(form_state(await open_screen(app, pilot, key)))

    async def built_form(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await built_while_idle(app, pilot)
        built.update({name: app.get_screen(name) for name in FORMS})
        for kind, name in NODE_FORMS.items():  # each on its own kind, every kind built
            node_form = built[name]
            assert isinstance(node_form, NodeForm) and node_form.kind is kind
            assert all(node_form.has_fields(other) for other in Kind)
        assert all(form.is_running and form.query(".form-box") for form in built.values())
        await select(app, pilot, node_id)
        form = await open_screen(app, pilot, key)
        assert form in built.values()  # the form built while idle, filled for this node
        first.update(form_state(form))

    drive(map_path, fresh_form, prebuild_forms=False)
    drive(map_path, built_form)
    assert first == fresh


def test_a_form_opened_before_it_is_built_while_idle_is_the_one_kept(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        form = await open_screen(app, pilot, "c")  # the key builds the form
        claim_form = NODE_FORMS[Kind.CLAIM]
        assert app.get_screen(claim_form) is form
        # A build that ends while the key's form is open drops its own form.
        other = build_node_form(app)
        await Prebuilder(app)._build(claim_form, other)
        assert app.get_screen(claim_form) is form and not other.is_attached
        await close(app, pilot)
        await Prebuilder(app).run()
        assert app.get_screen(claim_form) is form  # kept, its other kinds built
        assert isinstance(form, NodeForm) and all(form.has_fields(kind) for kind in Kind)
        assert all(app.is_screen_installed(name) for name in FORMS)
        assert await open_screen(app, pilot, "m") is app.get_screen("map-form")

    drive(map_path, script, prebuild_forms=False)


def test_a_read_only_session_builds_only_the_forms_it_can_open(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await built_while_idle(app, pilot)
        installed = [name for name in FORMS if app.is_screen_installed(name)]
        assert installed == ["filter-form", "export-form"]
        form: FormScreen[Any] = await open_screen(app, pilot, "f")
        assert form is app.get_screen("filter-form")

    drive(map_path, script, read_only=True)


def test_a_form_built_while_idle_opens_at_the_size_of_the_terminal_then(map_path: Path) -> None:
    fresh: dict[str, Any] = {}
    first: dict[str, Any] = {}

    async def fresh_form(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.resize_terminal(90, 30)
        await select(app, pilot, "ev-ilm-1972")
        fresh.update(form_state(await open_screen(app, pilot, "enter")))

    async def built_form(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await built_while_idle(app, pilot)  # laid out at the terminal's first size
        await pilot.resize_terminal(90, 30)
        await select(app, pilot, "ev-ilm-1972")
        form = await open_screen(app, pilot, "enter")
        assert form is app.get_screen(NODE_FORMS[Kind.EVIDENCE])
        first.update(form_state(form))

    drive(map_path, fresh_form, prebuild_forms=False)
    drive(map_path, built_form)
    assert first == fresh
