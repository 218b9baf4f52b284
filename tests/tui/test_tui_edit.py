"""Pilot tests: adding, editing, deleting, moving and re-parenting nodes; undo and redo."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from argmap import store
from argmap.model import Confidence, Kind, Likelihood, Target
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.choice import ChoiceScreen
from argmap.tui.screens.node_form import NodeForm

from .conftest import drive, fill, select, settle


@pytest.mark.parametrize(
    ("key", "parent", "kind", "target"),
    [
        ("c", "bluf", Kind.CLAIM, None),
        ("e", "un-exclusion", Kind.EVIDENCE, None),
        ("r", "un-exclusion", Kind.REBUTTAL, None),
        ("u", "un-exclusion", Kind.REBUTTAL, Target.INFERENCE),
        ("a", "bluf", Kind.ASSUMPTION, None),
        ("i", "bluf", Kind.INDICATOR, None),
    ],
)
def test_each_key_adds_its_kind_under_the_selection(
    map_path: Path, key: str, parent: str, kind: Kind, target: Target | None
) -> None:
    added: list[str] = []

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, parent)
        before = set(app.doc.map.nodes)
        await pilot.press(key)
        assert isinstance(app.screen, NodeForm)
        assert app.screen.focused is not None and app.screen.focused.id == "text"
        fill(app, text=f"A new {kind.value} [with brackets]")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        added.extend(set(app.doc.map.nodes) - before)
        assert app.selected == added[0]  # the cursor follows the new node
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert len(added) == 1
    node = app.doc.map.nodes[added[0]]
    assert (node.kind, node.parent, node.target) == (kind, parent, target)
    assert node.text == f"A new {kind.value} [with brackets]"
    on_disk = store.load(map_path).map
    assert on_disk.nodes[added[0]] == node


def test_sibling_goes_right_after_the_selection(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "ev-ilm-1972")
        await pilot.press("s")
        fill(app, text="A sibling claim")
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    app = drive(map_path, script)
    siblings = app.doc.map.children("un-exclusion")
    assert siblings[0] == "ev-ilm-1972"
    assert app.doc.map.nodes[siblings[1]].text == "A sibling claim"
    assert app.doc.map.nodes[siblings[1]].kind is Kind.CLAIM


def test_claim_under_evidence_is_refused_before_the_form(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "ev-ilm-1972")
        await pilot.press("c")
        await settle(app, pilot)
        assert not isinstance(app.screen, NodeForm)
        messages = app.said
        assert any("cannot hold a claim" in m for m in messages), messages

    app = drive(map_path, script)
    assert not app.doc.dirty


def test_enter_edits_with_selects_for_enums(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "bluf")
        await pilot.press("enter")
        assert isinstance(app.screen, NodeForm)
        fill(app, text="Edited text", likelihood=Likelihood.LIKELY, confidence=Confidence.HIGH)
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    app = drive(map_path, script)
    node = app.doc.map.nodes["bluf"]
    assert (node.text, node.likelihood, node.confidence) == (
        "Edited text",
        Likelihood.LIKELY,
        Confidence.HIGH,
    )
    assert node.tags == ("bottom-line",)
    assert app.doc.dirty


def test_invalid_input_stays_in_the_form_with_the_message(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "bluf")
        await pilot.press("enter")
        fill(app, text="   ", tags="bad[tag")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, NodeForm)  # still open, nothing lost
        errors = str(app.screen.query_one("#form-errors", Static).render())
        assert "text: must not be empty" in errors
        assert "tags" in errors
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, NodeForm)

    app = drive(map_path, script)
    assert not app.doc.dirty


def test_delete_asks_with_the_count_and_undo_restores(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "un-exclusion")
        await pilot.press("delete")
        assert isinstance(app.screen, ChoiceScreen)
        question = str(app.screen.query_one(".question", Static).render())
        assert "the 3 node(s) under it" in question
        await pilot.press("y")
        await settle(app, pilot)
        assert "un-exclusion" not in app.doc.map.nodes
        assert "uc-sponsor-1963" not in app.map_tree.shown_ids()
        await pilot.press("ctrl+z")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert app.doc.map == store.load(map_path).map
    assert app.selected == "un-exclusion"
    assert not app.doc.dirty


def test_delete_cancelled_changes_nothing(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "un-exclusion")
        await pilot.press("delete", "escape")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert "un-exclusion" in app.doc.map.nodes
    assert not app.doc.can_undo


def test_ctrl_arrows_move_among_siblings(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "rb-soviet-support")
        await pilot.press("ctrl+up")
        await settle(app, pilot)
        assert app.doc.map.children("un-exclusion") == ("rb-soviet-support", "ev-ilm-1972")
        assert app.map_tree.shown_ids()[2] == "rb-soviet-support"
        assert app.selected == "rb-soviet-support"
        await pilot.press("ctrl+down")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert app.doc.map.children("un-exclusion") == ("ev-ilm-1972", "rb-soviet-support")


def test_cut_and_paste_reparents_and_refuses_a_cycle(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "un-exclusion")
        await pilot.press("x")
        await select(app, pilot, "uc-sponsor-1963")
        await pilot.press("p")  # under its own descendant: a cycle
        await settle(app, pilot)
        assert app.doc.map.nodes["un-exclusion"].parent == "bluf"
        assert any("cycle" in m for m in app.said)
        await select(app, pilot, "nixon-opening")
        await pilot.press("p")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert app.doc.map.nodes["un-exclusion"].parent == "nixon-opening"
    assert app.selected == "un-exclusion"
    shown = app.map_tree.shown_ids()
    assert shown.index("un-exclusion") > shown.index("nixon-opening")
    assert "uc-sponsor-1963" in shown  # its expanded subtree came along


def test_undo_and_redo_every_edit(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        original = app.doc.map
        await select(app, pilot, "un-exclusion")
        await pilot.press("ctrl+down")  # a move
        await pilot.press("r")  # an add
        fill(app, text="An objection")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        after = app.doc.map
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(app, pilot)
        assert app.doc.map is original
        assert not app.doc.dirty
        await pilot.press("ctrl+y", "ctrl+y")
        await settle(app, pilot)
        assert app.doc.map is after
        assert app.map_tree.shown_ids() == [n for n, _ in after.walk()]

    drive(map_path, script)


def test_map_title_is_edited_in_a_form(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("m")
        fill(app, title="A new title", question="")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.title == "A new title"

    app = drive(map_path, script)
    assert (app.doc.map.title, app.doc.map.question) == ("A new title", None)
