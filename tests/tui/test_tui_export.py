"""The editor while Graphviz runs: keys still work, escape stops `dot`, nothing is lost."""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from argmap.tui.app import ArgmapApp
from tests.tui.conftest import drive, fill, select, settle


def _slow_dot(folder: Path, pid_file: Path) -> Path:
    """A `dot` that records its pid and never finishes on its own."""
    folder.mkdir()
    script = folder / "dot"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def _alive(pid: int) -> bool:
    # The export reaps the killed `dot` before it reports, so not even a zombie is left.
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def _wait_for(condition: Callable[[], bool], pilot: Pilot[int], what: str) -> None:
    for _ in range(200):  # up to 10 s: the machine may be busy
        if condition():
            return
        await asyncio.sleep(0.05)
        await pilot.pause()
    pytest.fail(f"timed out waiting for {what}")


def test_escape_cancels_a_running_export_and_keeps_the_old_file(
    map_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "dot.pid"
    monkeypatch.setenv("PATH", f"{_slow_dot(tmp_path / 'bin', pid_file)}{os.pathsep}/usr/bin:/bin")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "small.svg"
    out.write_text("the slide from last week", encoding="utf-8")

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("E")
        fill(app, format="svg")
        fill(app, path=str(out))
        await pilot.press("ctrl+s")
        await _wait_for(pid_file.exists, pilot, "dot to start")
        assert app.export_cancel is not None
        assert any("escape cancels" in m for m in app.said)

        # The editor answers keys while dot runs.
        await select(app, pilot, "bluf")
        await pilot.press("down")
        await pilot.pause()
        assert app.selected != "bluf"

        await pilot.press("escape")
        await settle(app, pilot)
        assert app.export_cancel is None
        assert app.said[-1] == "Export cancelled."

    drive(map_path, script)
    assert not _alive(int(pid_file.read_text(encoding="utf-8")))
    assert out.read_text(encoding="utf-8") == "the slide from last week"
    assert sorted(p.name for p in out_dir.iterdir()) == ["small.svg"]  # no temp file left
