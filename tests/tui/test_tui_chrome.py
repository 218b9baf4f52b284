"""Header, footer and findings panel: they skip work when nothing changed, yet follow every change.

The footer rebuilds its keys only when the keys it would show change, the header's title
repaints without a layout, and the findings panel keeps its list when a new one shows the
same; each must still show what the editor is doing now.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderTitle

from argmap.model import Severity
from argmap.tui import findings
from argmap.tui.app import ArgmapApp
from argmap.tui.widgets.findings_panel import MAX_SHOWN, FindingsPanel
from argmap.tui.widgets.footer import AppFooter

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


def test_a_footer_rebuild_that_comes_after_its_screen_closed_does_nothing(
    map_path: Path,
) -> None:
    # A rebuild is scheduled after a refresh; a form closed quickly can be gone by then
    # (this crashed the app with NoScreen).
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        footer = app.screen.query_one(AppFooter)
        await pilot.press("escape")
        await settle(app, pilot)
        await footer.remove()
        assert not footer.is_attached
        await footer._rebuild()
        assert footer_keys(app) == expected_keys(app)

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


def test_the_findings_panel_lists_the_first_findings_of_each_new_list(map_path: Path) -> None:
    # An unchanged list is kept as it is; any change in what it shows rebuilds it.
    def item(n: int) -> findings.Item:
        return findings.Item("ARG101", Severity.WARNING, None, f"node n{n}", f"finding {n}")

    def listed(panel: FindingsPanel) -> list[str]:
        return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        panel = app.panel
        many = [item(n) for n in range(150)]
        for items in (many, list(many), [item(-1), *many[1:]], many[:120], many[:3], []):
            panel.show_items(items)
            await settle(app, pilot)
            expected = [f"warning ARG101 {i.where}: {i.message}" for i in items[:MAX_SHOWN]]
            if len(items) > MAX_SHOWN:
                expected.append(f"… and {len(items) - MAX_SHOWN} more")
            assert listed(panel) == (expected or ["No findings."])
            assert panel.border_title == f"Findings ({len(items)})"

    drive(map_path, script)
