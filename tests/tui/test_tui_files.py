"""Pilot tests: never losing work (save, quit guard, external change, recovery, read-only)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from argmap import ops, store
from argmap.errors import UnreadableError
from argmap.model import Kind, Node
from argmap.tui.app import ArgmapApp, open_app
from argmap.tui.keys import EDIT_ACTIONS
from argmap.tui.screens.choice import ChoiceScreen
from argmap.tui.screens.prompt import PromptScreen

from .conftest import drive, fill, select, settle

NEW = Node(kind=Kind.CLAIM, parent="bluf", text="An edit that must not be lost")


async def add_claim(app: ArgmapApp, pilot: Pilot[int], text: str = NEW.text) -> str:
    """Add a claim under bluf through the keys; return its id."""
    await select(app, pilot, "bluf")
    await pilot.press("c")
    fill(app, text=text)
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    return app.selected or ""


def test_save_writes_the_file_atomically_with_a_backup(map_path: Path) -> None:
    original = map_path.read_bytes()

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        node_id = await add_claim(app, pilot)
        assert "unsaved" in app.sub_title
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "unsaved" not in app.sub_title
        assert store.load(map_path).map.nodes[node_id].text == NEW.text

    app = drive(map_path, script)
    assert not app.doc.dirty
    assert map_path.with_name("small.yaml.bak").read_bytes() == original
    assert map_path.read_text(encoding="utf-8") == store.dumps(app.doc.map)


def test_quit_guard_cancel_keeps_the_editor_open(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await add_claim(app, pilot)
        await pilot.press("q")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.is_running and not isinstance(app.screen, ChoiceScreen)
        assert app.doc.dirty

    drive(map_path, script)


def test_quit_guard_discard_leaves_the_file_and_no_recovery(map_path: Path) -> None:
    original = map_path.read_bytes()

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await add_claim(app, pilot)
        app.autosave_now()
        await settle(app, pilot)
        assert store.recovery_path(map_path).exists()
        await pilot.press("q", "d")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert app.return_code == 0
    assert map_path.read_bytes() == original
    assert not store.recovery_path(map_path).exists()


def test_quit_guard_save_saves_then_quits(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await add_claim(app, pilot)
        await pilot.press("q", "s")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert app.return_code == 0
    texts = [n.text for n in store.load(map_path).map.nodes.values()]
    assert NEW.text in texts


def test_clean_quit_does_not_ask(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("q")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert app.return_code == 0


def _change_on_disk(path: Path) -> None:
    outside = ops.update_node(store.load(path).map, "nixon-opening", text="Changed elsewhere")
    path.write_text(store.dumps(outside), encoding="utf-8")


def test_external_change_overwrite(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await add_claim(app, pilot)
        _change_on_disk(map_path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("o")
        await settle(app, pilot)

    app = drive(map_path, script)
    on_disk = store.load(map_path).map
    assert on_disk.nodes["nixon-opening"].text == "Nixon's opening"
    assert NEW.text in [n.text for n in on_disk.nodes.values()]
    assert not app.doc.dirty


def test_external_change_reload_keeps_the_edit_in_undo(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        node_id = await add_claim(app, pilot)
        _change_on_disk(map_path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.doc.map.nodes["nixon-opening"].text == "Changed elsewhere"
        assert node_id not in app.doc.map.nodes
        assert not app.doc.dirty
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert node_id in app.doc.map.nodes

    drive(map_path, script)
    assert store.load(map_path).map.nodes["nixon-opening"].text == "Changed elsewhere"


def test_external_change_cancel_writes_nothing(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await add_claim(app, pilot)
        _change_on_disk(map_path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.doc.dirty

    drive(map_path, script)
    assert store.load(map_path).map.nodes["nixon-opening"].text == "Changed elsewhere"


def test_autosave_writes_the_recovery_file_and_save_removes_it(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        node_id = await add_claim(app, pilot)
        await asyncio.sleep(0.3)  # past the autosave delay
        await settle(app, pilot)
        recovered = store.load(store.recovery_path(map_path)).map
        assert recovered.nodes[node_id].text == NEW.text
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not store.recovery_path(map_path).exists()

    drive(map_path, script, autosave_delay=0.1)


def test_recovery_after_a_crash_is_offered_and_restored(map_path: Path) -> None:
    # What an editor killed with unsaved edits leaves behind: the file and its recovery.
    crashed = ops.add_node(store.load(map_path).map, "c-9", NEW)
    store.write_recovery(crashed, map_path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.doc.map.nodes["c-9"] == NEW
        assert app.doc.dirty
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(map_path, script)
    assert store.load(map_path).map.nodes["c-9"] == NEW
    assert not store.recovery_path(map_path).exists()


def test_recovery_discarded(map_path: Path) -> None:
    store.write_recovery(ops.add_node(store.load(map_path).map, "c-9", NEW), map_path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("d")
        await settle(app, pilot)
        assert "c-9" not in app.doc.map.nodes

    drive(map_path, script)
    assert not store.recovery_path(map_path).exists()


def test_recovery_identical_to_the_file_is_removed_silently(map_path: Path) -> None:
    store.write_recovery(store.load(map_path).map, map_path)
    app = open_app(map_path)
    assert app.recovered is None
    assert not store.recovery_path(map_path).exists()


def test_read_only_refuses_edits_but_navigates(map_path: Path) -> None:
    original = map_path.read_bytes()

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "bluf")
        await pilot.press("c", "delete", "x", "ctrl+up", "ctrl+s", "ctrl+z")
        await settle(app, pilot)
        assert app.screen is app.screen_stack[0]  # no form opened
        messages = app.said
        assert any("read-only" in m for m in messages)
        await pilot.press("down")
        await settle(app, pilot)
        assert app.selected == "un-exclusion"
        assert "read-only" in app.sub_title

    app = drive(map_path, script, read_only=True)
    assert not app.doc.can_undo
    assert map_path.read_bytes() == original


def footer_actions(app: ArgmapApp) -> set[str]:
    """The actions of the keys the footer shows (without the `app.` prefix)."""
    return {key.action.removeprefix("app.") for key in app.screen.query(FooterKey)}


@pytest.mark.parametrize("read_only", [False, True])
def test_footer_shows_edit_keys_only_when_editing(map_path: Path, read_only: bool) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "bluf")
        await settle(app, pilot)
        shown = footer_actions(app)
        assert {"search", "save", "help", "quit"} <= shown
        if read_only:
            assert not shown & EDIT_ACTIONS
            await pilot.press("e", "enter")  # hidden, but still answered
            await settle(app, pilot)
            assert app.screen is app.screen_stack[0]
            assert app.said[-2:] == ["This map is open read-only: edits are off."] * 2
        else:
            assert {"add_claim", "add_evidence", "edit_node", "delete_node", "undo"} <= shown

    drive(map_path, script, read_only=read_only)


def test_missing_file_is_created_as_a_new_map(tmp_path: Path) -> None:
    path = tmp_path / "china-arctic.yaml"
    app = open_app(path)
    assert store.load(path).map.title == "China arctic"
    assert app.doc.map.nodes == {}


def test_missing_file_in_read_only_mode_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="no such file"):
        open_app(tmp_path / "none.yaml", read_only=True)


def test_an_empty_map_starts_with_a_claim(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("e")
        await settle(app, pilot)
        assert app.screen is app.screen_stack[0]
        await pilot.press("c")
        fill(app, text="First claim")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(path, script)
    assert [n.text for n in store.load(path).map.nodes.values()] == ["First claim"]


def test_save_as_moves_the_editor_to_the_new_file(map_path: Path) -> None:
    target = map_path.with_name("copy.yaml")

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await add_claim(app, pilot)
        await pilot.press("w")
        assert isinstance(app.screen, PromptScreen)
        fill(app, prompt=str(target))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.doc.path == target
        assert "copy.yaml" in app.sub_title

    app = drive(map_path, script)
    assert NEW.text in [n.text for n in store.load(target).map.nodes.values()]
    assert NEW.text not in map_path.read_text(encoding="utf-8")
    assert not app.doc.dirty


def test_edit_command_reports_unusable_maps_without_starting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    assert main(["edit", "--read-only", str(tmp_path / "none.yaml")]) == 2
    assert "no such file; nothing to review" in capsys.readouterr().err
    assert main(["edit", str(tmp_path / "no-dir" / "x.yaml")]) == 2
    assert "no such directory" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: x\nnodes:\n  a: {kind: claim}\n", encoding="utf-8")
    assert main(["edit", str(bad)]) == 1
    assert "bad.yaml:4:3: nodes.a.text" in capsys.readouterr().err
