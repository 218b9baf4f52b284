"""The editor's kept forms built in the analyst's pauses, so that no key builds one.

Opening a form the first time built it (its widgets composed, mounted and styled:
200-300 ms on a 10,000-node map, against 100 ms for any key). After the first screen
each kept form is built here, one per pause in input, and installed only once it
is mounted: a form opened meanwhile is built by its key as before, and the one
built here is dropped. Each is then laid out and drawn off screen, since a form's
first layout and lines cost about as much again. There is a node form per kind of
node, so that opening one never switches the fields it shows (a switch lays the
form out anew: 20 ms more); each gets the other kinds' fields last, laid out once
each, for an analyst who switches the kind inside the form. Opening a form built
here fills it again (`kept_form`), so it shows what a fresh one would.
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
    from argmap.tui.screens.node_form import NodeForm

# Input must have paused this long before a form is built (a build is a burst of
# work: a key then would wait for it).
QUIET_SECONDS = 0.3
# How often a waiting build looks again.
POLL_SECONDS = 0.05


def build_node_form(app: ArgmapApp, kind: Kind = Kind.CLAIM) -> FormScreen[Any]:
    from argmap.tui.screens.node_form import NodeForm

    amap = app.doc.map
    return NodeForm(
        f"Add {kind.value}",
        {"kind": kind},
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


def _node_form_of(kind: Kind) -> Callable[[ArgmapApp], FormScreen[Any]]:
    return lambda app: build_node_form(app, kind)


# The name each kind's node form is kept as.
NODE_FORMS = {kind: f"node-form-{kind.value}" for kind in Kind}

# The kept forms by the name `kept_form` installs them as, most used first.
FORMS: dict[str, Callable[[ArgmapApp], FormScreen[Any]]] = {
    NODE_FORMS[Kind.CLAIM]: _node_form_of(Kind.CLAIM),
    NODE_FORMS[Kind.EVIDENCE]: _node_form_of(Kind.EVIDENCE),
    "map-form": build_map_form,
    "filter-form": build_filter_form,
    "export-form": build_export_form,
    NODE_FORMS[Kind.REBUTTAL]: _node_form_of(Kind.REBUTTAL),
    NODE_FORMS[Kind.ASSUMPTION]: _node_form_of(Kind.ASSUMPTION),
    NODE_FORMS[Kind.INDICATOR]: _node_form_of(Kind.INDICATOR),
}

# Forms that edit the map: a read-only session never opens them.
EDITING = (*NODE_FORMS.values(), "map-form")


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
        """Build each kept form not built yet, then the node forms' other kinds."""
        for name, build in FORMS.items():
            if self.app.read_only and name in EDITING:
                continue
            await self._pause()
            if not self.app.is_screen_installed(name):
                await self._build(name, build(self.app))
        for name in NODE_FORMS.values():
            await self._other_kinds(name)

    def _node_form(self, name: str) -> NodeForm | None:
        """The node form kept as `name`, unless it is not built or the analyst has it open."""
        from argmap.tui.screens.node_form import NodeForm

        app = self.app
        form = app.get_screen(name) if app.is_screen_installed(name) else None
        if isinstance(form, NodeForm) and form not in app.screen_stack:
            return form
        return None

    async def _other_kinds(self, name: str) -> None:
        """Build the other kinds' fields in the node form `name`, hidden, and lay each
        out once shown: their first layout and lines are then done when the analyst
        picks the kind. Then lay the form out on its own kind again, as it opens.
        (Opening the form meanwhile shows its own kind: `refill`.)"""
        for kind in Kind:
            await self._pause()
            form = self._node_form(name)
            if form is None:
                return
            await form.build_kind(kind)
        for kind in Kind:
            form = self._node_form(name)
            if form is None:
                return
            if kind is not form.kind:
                form.show_kind_fields(kind)
                await self.lay_out(form)
        form = self._node_form(name)
        if form is not None:
            form.show_kind_fields(form.kind)
            await self.lay_out(form)

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
