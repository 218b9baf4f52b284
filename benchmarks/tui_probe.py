"""Headless TUI probe: open a map, report the first screen, then time keys to screen updates.

Run by run.py as its own process, so the first-screen time includes start-up (imports,
load, first layout and paint). Prints `first-screen` when the first frame has been
composed, then one JSON line: {"keys": {key: [seconds, ...]}}.

Key latency is measured from posting the key event to the end of the repaint it
causes: we wait until the screen and its widgets have handled every message (the key
and whatever it triggered, e.g. the detail pane following the cursor), then run the
screen's update (layout and compositor) at once. `Pilot.press` is not used for timing
because it sleeps at least 2 × 20 ms per key waiting for idle.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

# Keys an analyst presses most while reviewing: move, expand/collapse, move on.
DEFAULT_KEYS = ["down"] * 8 + ["right", "down", "left", "up"] * 3 + ["end", "home"]


def make_app(path: Path) -> Any:
    """The editor app on `path`, read-only so the probe can never change the map."""
    from argmap.tui.app import ArgmapApp

    return ArgmapApp(path, read_only=True)


async def _settle(pilot: Any) -> None:
    app = pilot.app
    # Messages handled can post more (cursor -> highlighted -> detail pane): go round
    # until a pass finds nothing left to do, then paint.
    for _ in range(4):
        await pilot._wait_for_screen()
    app.screen._on_timer_update()
    await pilot._wait_for_screen()


async def probe(path: Path, keys: list[str]) -> dict[str, list[float]]:
    """Open the app headless, announce the first screen, and time each key."""
    from textual import events

    app = make_app(path)
    timings: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        print("first-screen", flush=True)
        for key in keys:
            start = time.perf_counter()
            event = events.Key(key, key if len(key) == 1 else None)
            app._driver.send_message(event)
            await _settle(pilot)
            timings.setdefault(key, []).append(time.perf_counter() - start)
    return timings


def main() -> int:
    """Command line: tui_probe.py MAP [KEY...]."""
    path = Path(sys.argv[1])
    keys = sys.argv[2:] or DEFAULT_KEYS
    timings = asyncio.run(probe(path, keys))
    print(json.dumps({"keys": timings}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
