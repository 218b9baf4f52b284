"""Helpers for the editor's Pilot tests: a private copy of a map, and a driver.

Tests are plain synchronous functions that run the app with `asyncio.run`, so they
need no async plugin and `snap_compare` works beside them.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from argmap.tui.app import ArgmapApp, open_app

SIZE = (120, 40)
DATA = Path(__file__).parent.parent / "data"

Script = Callable[[ArgmapApp, Pilot[int]], Awaitable[None]]


@pytest.fixture
def map_path(tmp_path: Path) -> Path:
    """A copy of tests/data/small.yaml that a test may change."""
    target = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", target)
    return target


def drive(path: Path, script: Script, **options: Any) -> ArgmapApp:
    """Open the editor on `path`, run `script` against it, and return the app."""
    options.setdefault("autosave_delay", 60.0)  # tests that want autosave ask for it
    app = open_app(path, **options)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await script(app, pilot)

    asyncio.run(main())
    return app


async def settle(app: ArgmapApp, pilot: Pilot[int]) -> None:
    """Let messages, screens and background workers finish.

    Workers of the `file` group may be waiting for an answer in a dialog, so they
    are not waited for.
    """
    await pilot.pause()
    background = [w for w in app.workers if w.group != "file"]
    if background:  # an empty list would mean every worker
        await app.workers.wait_for_complete(background)
    await pilot.pause()


def fill(app: ArgmapApp, **values: Any) -> None:
    """Set fields of the form on top by id (text boxes, inputs and selects)."""
    for field_id, value in values.items():
        widget = app.screen.query_one(f"#{field_id.replace('_', '-')}")
        if isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, Input | Select):
            widget.value = value
        else:
            raise TypeError(f"cannot fill {widget!r}")


async def select(app: ArgmapApp, pilot: Pilot[int], node_id: str) -> None:
    """Put the tree's cursor on `node_id`."""
    assert app.map_tree.reveal(node_id), node_id
    await pilot.pause()
    assert app.selected == node_id
