"""Export from inside the editor: render in a thread, cancel with escape, say where it went."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError
from argmap.model import Map
from argmap.tui.base import EditorBase
from argmap.tui.search import all_tags

if TYPE_CHECKING:
    from argmap.tui.screens.export_form import ExportRequest

# The export package is not imported at start-up (opening a big map has a budget of
# two seconds): a thread imports it after the first screen (app.IMPORTED_LATER).


class ExportActions(EditorBase):
    """The export dialog and the worker that renders."""

    def action_export(self) -> None:
        """Choose a format, theme and view; render without freezing the editor."""
        if self.export_cancel is not None:
            self.say("An export is already running: escape cancels it.", "warning")
            return
        from argmap.tui.screens.export_form import ExportForm
        from argmap.tui.screens.form import kept_form

        amap = self.doc.map
        form = kept_form(
            self, "export-form", ExportForm, self.doc.path, amap.eras, all_tags(amap), self.selected
        )
        self.push_screen(form, self._start_export)

    def _start_export(self, request: ExportRequest | None) -> None:
        from argmap.export import IMAGE_FORMATS, LARGE_MAP_NODES

        if request is None:
            return
        amap = self.doc.map
        large = len(amap.nodes) > LARGE_MAP_NODES and request.options.focus is None
        if request.fmt in IMAGE_FORMATS and large:
            self.say(
                f"{len(amap.nodes)} nodes: Graphviz may take minutes. Escape cancels;"
                " an export of the selected node's subtree is faster.",
                "warning",
            )
        cancel = threading.Event()
        self.export_cancel = cancel
        self.refresh_bindings()
        self.say(f"Exporting {request.path} … (escape cancels)")
        self.run_worker(
            lambda: self._export_in_thread(amap, request, cancel),
            thread=True,
            group="export",
            exit_on_error=False,
        )

    def _export_in_thread(self, amap: Map, request: ExportRequest, cancel: threading.Event) -> None:
        from argmap.export import export_map

        def advise(message: str) -> None:
            self.call_from_thread(self.say, message)

        try:
            path = export_map(
                amap, request.fmt, request.path, request.options, cancel=cancel, notify=advise
            )
        except ArgmapError as error:
            failure = str(error).splitlines()[0]
            message = "Export cancelled." if cancel.is_set() else f"Export failed: {failure}"
            self.call_from_thread(self._export_done, message, "error")
            return
        except Exception as error:  # a bug in a renderer must not leave the editor stuck
            message = f"Export failed: internal error: {type(error).__name__}: {error}"
            self.call_from_thread(self._export_done, message, "error")
            return
        self.call_from_thread(self._export_done, f"Exported {path.resolve()}", "information")

    def _export_done(self, message: str, severity: str) -> None:
        self.export_cancel = None
        self.refresh_bindings()
        self.say(message, "error" if severity == "error" else "information")

    def action_cancel_export(self) -> None:
        """Stop the running export."""
        if self.export_cancel is not None:
            self.export_cancel.set()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape cancels an export only while one runs."""
        if action == "cancel_export":
            return self.export_cancel is not None
        return True
