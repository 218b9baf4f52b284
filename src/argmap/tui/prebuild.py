"""The editor's kept forms built in the analyst's pauses, so that no key builds one.

Opening a form the first time built it (its widgets composed, mounted and styled:
200-300 ms on a 10,000-node map, against 100 ms for any key). After the first screen
each kept form is built here, one per pause in input, and installed only once it
is mounted: a form opened meanwhile is built by its key as before, and the one
built here is dropped. Each is then laid out and drawn off screen (the node form
once per kind), since a form's first layout and lines cost about as much again.
Opening a form built here fills it again (`kept_form`), so it shows what a fresh
one would.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widget import AwaitMount

from argmap.model import Kind

if TYPE_CHECKING:
    from argmap.tui.app import ArgmapApp
    from argmap.tui.screens.form import FormScreen

# Input must have paused this long before a form is built (a build is a burst of
# work: a key then would wait for it).
QUIET_SECONDS = 0.3
# How often a waiting build looks again.
POLL_SECONDS = 0.05


def build_node_form(app: ArgmapApp) -> FormScreen[Any]:
    from argmap.tui.screens.node_form import NodeForm

    amap = app.doc.map
    return NodeForm(
        "Add claim",
        {"kind": Kind.CLAIM},
        eras=amap.eras,
        sources=amap.sources,
        check=lambda node: None,  # replaced when the form is filled for a node
        add_source=app.add_source,
    )


def build_map_form(app: ArgmapApp) -> FormScreen[Any]:
    from argmap.tui.screens.map_form import MapForm

    amap = app.doc.map
    return MapForm(amap.title, amap.question, amap.eras)


def build_filter_form(app: ArgmapApp) -> FormScreen[Any]:
    from argmap.tui.screens.filter_form import FilterForm
    from argmap.tui.search import all_tags

    return FilterForm(app.filter, app.doc.map.eras, all_tags(app.doc.map))


def build_export_form(app: ArgmapApp) -> FormScreen[Any]:
    from argmap.tui.screens.export_form import ExportForm
    from argmap.tui.search import all_tags

    amap = app.doc.map
    return ExportForm(app.doc.path, amap.eras, all_tags(amap), app.selected)


# The kept forms by the name `kept_form` installs them as, most used first.
FORMS: dict[str, Callable[[ArgmapApp], FormScreen[Any]]] = {
    "node-form": build_node_form,
    "map-form": build_map_form,
    "filter-form": build_filter_form,
    "export-form": build_export_form,
}

# Forms that edit the map: a read-only session never opens them.
EDITING = ("node-form", "map-form")


class Prebuilder:
    """Builds the kept forms of one editor session while input pauses."""

    def __init__(self, app: ArgmapApp) -> None:
        self.app = app

    async def _pause(self) -> None:
        """Wait until input has paused and only the editor's own screen is shown."""
        app = self.app
        while True:
            await asyncio.sleep(POLL_SECONDS)
            quiet = time.monotonic() - app.last_input >= QUIET_SECONDS
            if quiet and len(app.screen_stack) == 1 and app._message_queue.empty():
                return

    async def run(self) -> None:
        """Build each kept form not built yet, then the node form's other kinds."""
        from argmap.tui.screens.node_form import NodeForm

        for name, build in FORMS.items():
            if self.app.read_only and name in EDITING:
                continue
            await self._pause()
            if not self.app.is_screen_installed(name):
                await self._build(name, build(self.app))
        for kind in Kind:
            await self._pause()
            if not self.app.is_screen_installed("node-form"):
                return
            form = self.app.get_screen("node-form")
            if isinstance(form, NodeForm) and form not in self.app.screen_stack:
                await form.build_kind(kind)
                # Drawn once with this kind's fields shown: each widget's first
                # layout and lines are then done when the analyst picks the kind.
                form.show_kind_fields(kind)
                await self.lay_out(form)
                if form not in self.app.screen_stack:
                    form.show_kind_fields(form.kind)

    async def _build(self, name: str, form: FormScreen[Any]) -> None:
        """Mount `form` off screen and install it as `name`, unless a key built one first."""
        app = self.app
        app._load_screen_css(form)
        await AwaitMount(form, app._register(app, form))
        if app.is_screen_installed(name):
            await form.remove()  # opened meanwhile: that one is kept
            return
        form._styled_at = app._css_update_count  # styled as mounted (see Modal)
        app.install_screen(form, name)
        await self.lay_out(form)

    async def lay_out(self, form: FormScreen[Any]) -> None:
        """Lay `form` out, then draw it off screen (each in a pause), as its opening would."""
        await self._pause()
        if form not in self.app.screen_stack:
            form._refresh_layout(self.app.size)
        await self._pause()
        if form not in self.app.screen_stack:
            form._compositor.render_update(full=True)
