"""Header and footer: they skip work when nothing changed, and still follow every change.

The footer rebuilds its keys only when the keys it would show change, and the header's
title repaints without a layout; both must still show what the editor is doing now.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderTitle

from argmap.tui.app import ArgmapApp

from .conftest import drive, select, settle


def footer_keys(app: ArgmapApp) -> list[tuple[str, str]]:
    """(key, description) of every key the footer of the screen on top shows."""
    footer = app.screen.query_one(Footer)
    return [(key.key, key.description) for key in footer.query(FooterKey)]


def expected_keys(app: ArgmapApp) -> list[tuple[str, str]]:
    """What Textual's Footer shows for the active bindings (one key per action)."""
    out: dict[str, tuple[str, str]] = {}
    bindings = app.screen.active_bindings
    for _, binding, _, _ in bindings.values():
        if binding.show:
            out.setdefault(binding.action, (binding.key, binding.description))
    shown = list(out.values())
    palette = bindings.get(app.COMMAND_PALETTE_BINDING)
    if palette is not None:  # Footer always ends with the command palette's key
        shown.append((palette[1].key, palette[1].description))
    return shown


def title_text(app: ArgmapApp) -> str:
    title = app.screen.query_one(HeaderTitle)
    return "".join(strip.text for strip in title.render_lines(title.region.reset_offset))


def test_the_footer_follows_the_focus_and_the_screens(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await settle(app, pilot)
        on_tree = footer_keys(app)
        assert on_tree == expected_keys(app)
        assert ("enter", "Edit") in on_tree
        app.panel.focus()  # the findings panel: enter goes to a finding instead
        await settle(app, pilot)
        assert footer_keys(app) == expected_keys(app) != on_tree
        assert ("enter", "Go to its node") in footer_keys(app)
        app.map_tree.focus()
        await settle(app, pilot)
        assert footer_keys(app) == on_tree
        await pilot.press("c")  # a form: its own footer
        await settle(app, pilot)
        assert footer_keys(app) == expected_keys(app)
        assert ("ctrl+s", "Accept") in footer_keys(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert footer_keys(app) == on_tree

    drive(map_path, script)


def test_the_header_shows_the_unsaved_mark_as_it_comes_and_goes(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        amap = app.doc.map
        first = next(n for n in amap.nodes if amap.children(amap.nodes[n].parent)[0] != n)
        await select(app, pilot, first)  # it has a sibling before it
        assert "unsaved" not in title_text(app)
        await pilot.press("ctrl+up")
        await settle(app, pilot)
        assert "● unsaved" in title_text(app)
        assert map_path.name in title_text(app)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert "unsaved" not in title_text(app)

    drive(map_path, script)
