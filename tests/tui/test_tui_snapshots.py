"""Four screen snapshots at 120×40 (pytest-textual-snapshot; update with --snapshot-update).

Plain synchronous tests: `snap_compare` does not work inside `async def`. Cursor
blink is turned off so that a snapshot never catches the cursor half-way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from argmap.tui.app import open_app

from .conftest import SIZE


async def _no_blink(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


def test_main_screen(map_path: Path, snap_compare: Any) -> None:
    app = open_app(map_path, autosave_delay=600)
    assert snap_compare(app, press=["down", "down"], terminal_size=SIZE)


def test_add_evidence_form(map_path: Path, snap_compare: Any) -> None:
    app = open_app(map_path, autosave_delay=600)
    keys = ["down", "e", *"Moscow vetoed it", "tab"]
    assert snap_compare(app, press=keys, terminal_size=SIZE, run_before=_no_blink)


def test_delete_confirmation(map_path: Path, snap_compare: Any) -> None:
    app = open_app(map_path, autosave_delay=600)
    assert snap_compare(app, press=["down", "delete"], terminal_size=SIZE)


def test_help_screen(map_path: Path, snap_compare: Any) -> None:
    app = open_app(map_path, autosave_delay=600)
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)
