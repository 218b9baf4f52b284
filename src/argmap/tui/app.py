"""ArgmapApp, the terminal editor, and `run_editor`, its entry point for `argmap edit`."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Tree
from textual.worker import Worker

from argmap import ops, store
from argmap.errors import ArgmapError, UnreadableError
from argmap.model import Map
from argmap.store import DEFAULT_MAX_BYTES
from argmap.tui.document import Document
from argmap.tui.edit_actions import EditActions
from argmap.tui.export_actions import ExportActions
from argmap.tui.file_actions import FileActions
from argmap.tui.keys import KEYS, bindings
from argmap.tui.screens.modal import MainScreen
from argmap.tui.view_actions import ViewActions
from argmap.tui.widgets.findings_panel import FindingsPanel
from argmap.tui.widgets.footer import AppFooter
from argmap.tui.widgets.header import AppHeader

# Not needed for the first screen: imported in the background just after it, so that
# neither the start nor the first form waits for them.
IMPORTED_LATER = (
    "argmap.lint",
    "argmap.tui.screens.node_form",
    "argmap.tui.screens.map_form",
    "argmap.tui.screens.analogies",
    "argmap.tui.screens.sources",
    "argmap.tui.screens.filter_form",
    "argmap.tui.screens.help",
    "argmap.tui.screens.prompt",
    "argmap.tui.screens.export_form",
)


class ArgmapApp(EditActions, FileActions, ViewActions, ExportActions):
    """The editor: a map tree, the selected node in detail, findings, and the keys."""

    CSS_PATH = "app.tcss"
    TITLE = "argmap"
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(),
        # Textual binds ctrl+q with priority, which would fire inside forms.
        Binding("ctrl+q", "quit", "Quit", show=False, id="quit-ctrl-q"),
        Binding("escape", "cancel_export", "Cancel export", id="cancel-export"),
    ]

    def __init__(
        self,
        doc: Document,
        *,
        read_only: bool = False,
        recovered: Map | None = None,
        notices: Iterable[str] = (),
        autosave_delay: float | None = None,
        prebuild_forms: bool = True,
    ) -> None:
        kwargs = {} if autosave_delay is None else {"autosave_delay": autosave_delay}
        super().__init__(doc, read_only=read_only, recovered=recovered, **kwargs)
        self.notices = list(notices)
        self.prebuild_forms = prebuild_forms

    def get_default_screen(self) -> Screen[object]:
        """The editor's screen (it tells the forms above it when it changes)."""
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        """Header, tree beside detail, findings, footer."""
        yield AppHeader()
        with Horizontal(id="main"):
            yield self.map_tree
            yield self.detail
        yield self.panel
        yield AppFooter(compact=True)

    def on_mount(self) -> None:
        """Show the map, put the cursor on its first node, and raise any notices."""
        self.show_all()
        tree = self.map_tree
        if tree.last_line >= 0:
            tree.move_cursor_to_line(0)
        tree.focus()
        self.show_detail()
        for notice in self.notices:
            self.say(notice, "warning")
        self.offer_recovery()
        # After the first frame: the collector's first pass walks everything built
        # for it (45 ms on 10,000 nodes).
        self.call_after_refresh(self.start_collector)
        self.call_after_refresh(self._import_later)

    def _import_later(self) -> None:
        def work() -> None:
            for name in IMPORTED_LATER:
                importlib.import_module(name)

        imports = self.run_worker(work, thread=True, group="imports")
        if self.prebuild_forms:
            # A task, not a worker: waiting for workers (tests, the probe) must not
            # wait for a pause that an open form puts off.
            self.prebuilding = asyncio.create_task(self._prebuild(imports))
            self.prebuilding.add_done_callback(self._prebuilt)

    async def _prebuild(self, imports: Worker[None]) -> None:
        """Build the kept forms in the pauses after the first screen (see `prebuild`)."""
        from argmap.tui.prebuild import Prebuilder

        await imports.wait()  # the forms' modules, imported in a thread meanwhile
        await Prebuilder(self).run()

    def _prebuilt(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            self._handle_exception(task.exception())  # type: ignore[arg-type]

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        """The cursor moved: show the node under it."""
        self.show_detail()

    def on_findings_panel_jump(self, event: FindingsPanel.Jump) -> None:
        """Enter on a finding: go to its node."""
        self.go_to(event.node_id)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: every editor action by name, then Textual's own."""
        for key in KEYS:
            title = f"{key.description} ({key.shown_key})"
            yield SystemCommand(title, key.help, partial(self.run_action, key.action))
        yield from super().get_system_commands(screen)


def open_app(
    path: Path,
    *,
    read_only: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    autosave_delay: float | None = None,
    prebuild_forms: bool = True,
) -> ArgmapApp:
    """Load (or create) the map at `path` and build the editor for it.

    Raises:
        ArgmapError: the map cannot be read or is invalid (before any screen shows).
    """
    notices: list[str] = []
    if not path.exists():
        if read_only:
            raise UnreadableError(f"{path}: no such file; nothing to review")
        if not path.parent.is_dir():
            raise UnreadableError(f"{path.parent}: no such directory; create it first")
        store.save(ops.new_map(_title_from(path)), path)
        notices.append(f"Created {path}: a new, empty map. Press c to add a claim.")
    loaded = store.load(path, max_bytes=max_bytes)
    recovered, notice = _read_recovery(path, loaded.map, max_bytes)
    notices.extend([notice] if notice else [])
    doc = Document(loaded.map, loaded.path, loaded.fingerprint)
    return ArgmapApp(
        doc,
        read_only=read_only,
        recovered=recovered,
        notices=notices,
        autosave_delay=autosave_delay,
        prebuild_forms=prebuild_forms,
    )


def _title_from(path: Path) -> str:
    """A readable title from a file name: `china-arctic.yaml` -> `China arctic`."""
    words = path.stem.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Untitled map"


def _read_recovery(path: Path, amap: Map, max_bytes: int) -> tuple[Map | None, str | None]:
    """The map in the recovery file, if there is one that differs from the file."""
    where = store.recovery_path(path)
    if not where.exists():
        return None, None
    try:
        recovered = store.load(where, max_bytes=max_bytes).map
    except ArgmapError as error:
        first = str(error).splitlines()[0]
        return None, f"Recovery file {where} cannot be read ({first}); it was left as it is."
    if store.dumps(recovered) == store.dumps(amap):
        store.remove_recovery(path)
        return None, None
    return recovered, None


def run_editor(path: Path, *, read_only: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Run the editor on `path` until the user quits; return the exit code."""
    app = open_app(path, read_only=read_only, max_bytes=max_bytes)
    code = app.run()
    return code if isinstance(code, int) else 0
