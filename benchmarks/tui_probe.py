"""Headless TUI probe: open a map, report the first screen, then time keys to screen updates.

Run by run.py as its own process, so the first-screen time includes start-up (imports,
load, first layout and paint). Prints `first-screen` when the first frame showing the
map has been composed (Textual's `_display`, headless), `settled` when every message
of the start-up has been handled, `findings` when the first findings (lint, in a
thread) are shown and the kept forms built in that pause, then one JSON line:
{"keys": {key: [seconds, ...]}, "stall": seconds}.
The default keys move, expand, edit and undo, then open each form (FORM_KEYS) and close
it with escape, several times: a form's time runs until it is on screen and painted.

Key latency is measured as a terminal shows it: from posting the key event to the
last frame it causes (Textual's `_display`, which writes a frame to the terminal).
Between those the probe posts nothing and only glances at the app every few ms: the
key counts as done once no frame has come for QUIET seconds and every message queue
of the app and its widgets is empty (a pending repaint gets its frame within a
refresh interval, 1/60 s). `Pilot.press` and `Pilot._wait_for_screen` are not used
for timing: both post a callback to every widget of the screen and wait for them,
work a real terminal does not do, and it was counted in the key's time (the five
such waits the probe made per key took 80-90 ms on an idle form of ~100 widgets,
~20 ms on the editor's screen).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

# What an analyst presses while reviewing and arranging: move, expand and collapse,
# jump by sibling and to the parent, move a node down and up, undo both, and show
# and hide the findings. Moves and undos are real edits of the 10,000-node map.
DEFAULT_KEYS = [
    *["down"] * 6,
    "space",
    "down",
    "space",
    "shift+down",
    "shift+down",
    "ctrl+down",
    "ctrl+up",
    "ctrl+z",
    "ctrl+z",
    "shift+left",
    "up",
    "F",
    "F",
]
# Then forms, each opened and closed (escape) several times, the cursor one node further
# down each round: edit the selected node, add a claim, add evidence, the map's title,
# the filter and the export dialog. The first opening of each builds the form.
FORM_KEYS = ["enter", "c", "e", "m", "f", "E"]
FORM_OPENS = 4  # opens of each form
CLOSE = "escape"
PAUSE = 0.1  # seconds between keys, as a quick typist: timers and workers may run
# A key is done when no frame has come for QUIET seconds (over three refresh intervals
# of 1/60 s) and no message waits; the probe looks every POLL seconds.
QUIET = 0.06
POLL = 0.002


def make_app(path: Path, *, prebuild: bool = True) -> Any:
    """The editor on `path` (a scratch copy: edits stay in memory, no autosave meanwhile)."""
    from argmap.cli import skip_pydantic_plugin_discovery

    skip_pydantic_plugin_discovery()  # as the `argmap` console script does, before pydantic
    from argmap.tui.app import open_app

    return open_app(path, autosave_delay=3600.0, prebuild_forms=prebuild)


async def _settle(pilot: Any) -> None:
    app = pilot.app
    # Messages handled can post more (cursor -> highlighted -> detail pane): go round
    # until a pass finds nothing left to do, then paint.
    for _ in range(4):
        await pilot._wait_for_screen()
    app.screen._on_timer_update()
    await pilot._wait_for_screen()


def say(marker: str) -> None:
    """Tell run.py now (the real stdout: Textual captures `print` while it runs)."""
    out = sys.__stdout__
    assert out is not None
    out.write(marker + "\n")
    out.flush()


class Frames:
    """Times the frames the app writes, and says `first-screen` at the first showing the map.

    A headless app skips turning a frame into terminal codes; a terminal needs them,
    so each frame is rendered to them here and that time counts.
    """

    def __init__(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        self.last = 0.0  # perf_counter() when the latest frame was written
        display = app._display
        shown = False

        def frame(screen: Any, renderable: Any) -> None:
            nonlocal shown
            display(screen, renderable)
            if renderable is None or app._batch_count:
                return  # no frame (as App._display)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.last = time.perf_counter()
            tree = getattr(app, "map_tree", None)
            if not shown and tree is not None and tree.last_line >= 0:
                shown = True
                say("first-screen")

        app._display = frame


def idle(app: Any) -> bool:
    """True when the app and every widget it has mounted have no message waiting."""
    return app._message_queue.empty() and all(node._message_queue.empty() for node in app._registry)


async def key_latency(app: Any, frames: Frames, key: str) -> float:
    """Post `key`, wait until the app is quiet, and return the seconds to its last frame.

    A key that changes nothing on screen (up on the first line) counts until the
    app was first seen with no message waiting.
    """
    from textual import events

    start = time.perf_counter()
    app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
    handled = 0.0
    while True:
        await asyncio.sleep(POLL)
        now = time.perf_counter()
        if not idle(app):
            continue
        handled = handled or now
        if now - max(start, frames.last) >= QUIET:
            break
    return (frames.last if frames.last > start else handled) - start


async def probe(path: Path, keys: list[str], *, prebuild: bool = True) -> dict[str, Any]:
    """Open the app headless, announce the first screen, and time each key."""
    app = make_app(path, prebuild=prebuild)
    frames = Frames(app)
    timings: dict[str, list[float]] = {}
    stall = 0.0
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        say("settled")
        # Big maps get their findings (lint) in a thread after the first screen: let
        # that finish, as it would while the analyst reads the screen, then type.
        await asyncio.sleep(0.5)
        await app.workers.wait_for_complete()
        # The kept forms are built in that pause too (in slices, between keys if any).
        if app.prebuilding is not None:
            await app.prebuilding
        await _settle(pilot)
        say("findings")
        for key in keys:
            before = time.perf_counter()
            await asyncio.sleep(PAUSE)
            # A sleep that overruns means the UI was busy: report the worst.
            stall = max(stall, time.perf_counter() - before - PAUSE)
            timings.setdefault(key, []).append(await key_latency(app, frames, key))
    return {"keys": timings, "stall": stall}


def form_keys() -> list[str]:
    """Each form of FORM_KEYS opened and closed FORM_OPENS times, moving down between."""
    out: list[str] = []
    for _ in range(FORM_OPENS):
        for key in FORM_KEYS:
            out += [key, CLOSE]
        out.append("down")
    return out


def main() -> int:
    """Command line: tui_probe.py [--no-prebuild] MAP [KEY...] (forms built by their keys)."""
    args = sys.argv[1:]
    prebuild = "--no-prebuild" not in args
    args = [a for a in args if a != "--no-prebuild"]
    path = Path(args[0])
    keys = args[1:] or DEFAULT_KEYS + form_keys()
    say(json.dumps(asyncio.run(probe(path, keys, prebuild=prebuild))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
