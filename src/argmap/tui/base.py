"""EditorBase: the app's state and the one path every change takes to the screen.

The app owns one `Document`. An edit builds a new map with `argmap.ops`, hands it
to `commit`, and `show_change` brings the tree, detail, findings and header up to
date; widgets never change the map themselves.
"""

from __future__ import annotations

import asyncio
import threading
import time
from functools import partial
from typing import Literal

from textual import events
from textual.app import App
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget

from argmap.errors import ArgmapError
from argmap.model import Map
from argmap.summary import shorten
from argmap.tui import findings
from argmap.tui.document import Document, Step
from argmap.tui.heap import IDLE_SECONDS, TIDY_SECONDS, Collector
from argmap.tui.keys import hide_edit_keys
from argmap.tui.offload import Offloader
from argmap.tui.search import Filter, visible_ids
from argmap.tui.widgets.findings_panel import FindingsPanel
from argmap.tui.widgets.map_tree import MapTree
from argmap.tui.widgets.node_detail import NodeDetail

AUTOSAVE_DELAY = 2.0
# Findings on maps up to this size are computed at once; bigger maps use a thread.
SYNC_FINDINGS_NODES = 300
# Lint of 10,000 nodes takes over a second of CPU in its thread: wait for a pause in typing.
FINDINGS_DELAY = 1.5

Severity = Literal["information", "warning", "error"]


class EditorBase(App[int]):
    """State shared by the editor's action groups (edits, files, views)."""

    # As App's, without repainting the whole screen on a change: the header's title
    # watches them and repaints itself (the unsaved mark repainted every widget).
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)

    def __init__(
        self,
        doc: Document,
        *,
        read_only: bool = False,
        recovered: Map | None = None,
        autosave_delay: float = AUTOSAVE_DELAY,
    ) -> None:
        super().__init__()
        self.doc = doc
        self.read_only = read_only
        self.recovered = recovered
        self.autosave_delay = autosave_delay
        self.filter = Filter()
        self.view_ids: set[str] | None = None
        self.pinned: set[str] = set()
        self.items: list[findings.Item] = []
        self.items_by_node: dict[str, list[findings.Item]] = {}
        self.cut_id: str | None = None
        self.search_query = ""
        self.said: list[str] = []  # every notification, oldest first
        self.recovery_lock = threading.Lock()
        self.widgets = (MapTree(id="tree"), NodeDetail(id="detail"), FindingsPanel(id="findings"))
        if read_only:
            hide_edit_keys(self._bindings)
            hide_edit_keys(self.map_tree._bindings)
        self._autosave_timer: Timer | None = None
        self._findings_timer: Timer | None = None
        self._idle_timers: list[Timer] = []
        self.last_input = time.monotonic()  # of the last key or click
        self.prebuilding: asyncio.Task[None] | None = None  # the kept forms being built
        self.collector = Collector()
        self.offloader = Offloader()
        self.export_cancel: threading.Event | None = None

    # ---- widgets ---------------------------------------------------------------

    # The widgets are kept from compose: `App.query_one` searches the screen on top,
    # which is a form or dialog while its callback runs.

    @property
    def map_tree(self) -> MapTree:
        """The map tree."""
        return self.widgets[0]

    @property
    def detail(self) -> NodeDetail:
        """The detail pane."""
        return self.widgets[1]

    @property
    def panel(self) -> FindingsPanel:
        """The findings panel."""
        return self.widgets[2]

    @property
    def selected(self) -> str | None:
        """The id of the node under the tree's cursor."""
        node_id = self.map_tree.selected_id
        return node_id if node_id in self.doc.map.nodes else None

    # ---- messages to the user --------------------------------------------------

    def say(self, message: str, severity: Severity = "information") -> None:
        """Notify the user; `message` is plain text (it may hold brackets)."""
        self.said.append(message)
        self.notify(message, severity=severity, markup=False)

    def refuse_read_only(self) -> bool:
        """In read-only mode, say so and return True (the caller then stops)."""
        if self.read_only:
            self.say("This map is open read-only: edits are off.", "warning")
        return self.read_only

    def fail(self, error: ArgmapError) -> None:
        """Show a refused edit or failed file operation as one line."""
        self.say(str(error).splitlines()[0], "error")

    # ---- the one way the map changes -----------------------------------------

    def commit(self, new: Map, label: str, focus: str | None = None) -> bool:
        """Make `new` the document's map (undoable) and update the screen.

        Returns:
            False if nothing changed or the map is read-only.
        """
        if self.read_only or new is self.doc.map:
            return False
        old = self.doc.map
        self.doc.apply(new, label, focus_before=self.selected, focus_after=focus)
        self.show_change(old, new, focus)
        return True

    def show_step(self, step: Step, *, undone: bool) -> None:
        """Show the map after an undo (back to `before`) or a redo."""
        if undone:
            self.show_change(step.after, step.before, step.focus_before)
        else:
            self.show_change(step.before, step.after, step.focus_after)

    def show_change(self, old: Map, new: Map, focus: str | None) -> None:
        """Bring every view from `old` to `new` and put the cursor on `focus`."""
        if focus is not None and self.filter.active:
            self.pinned.add(focus)
        self.view_ids = visible_ids(new, self.filter, self.pinned)
        self.map_tree.update_map(old, new, visible=self.view_ids, touched=touched_ids(old, new))
        if focus is None or not self.map_tree.reveal(focus):
            self.keep_cursor()
        self.update_header()
        self.show_detail()
        self.schedule_findings()
        self.schedule_autosave()

    def keep_cursor(self) -> None:
        """After an edit that removed the cursor's node, put the cursor somewhere sensible."""
        if self.selected is None and self.map_tree.last_line >= 0:
            self.map_tree.move_cursor_to_line(
                min(max(self.map_tree.cursor_line, 0), self.map_tree.last_line)
            )

    # ---- views -------------------------------------------------------------------

    def update_header(self) -> None:
        """Title, file name, unsaved mark, read-only and filter state."""
        self.title = self.doc.map.title
        parts = [self.doc.path.name]
        if self.doc.dirty:
            parts.append("● unsaved")
        if self.read_only:
            parts.append("read-only")
        if self.filter.active:
            parts.append(f"filter: {self.filter.describe()}")
        self.sub_title = " · ".join(parts)
        question = self.doc.map.question
        retitle(self.map_tree, shorten(question, 66) if question else "Map")

    def show_detail(self) -> None:
        """Show the selected node in the detail pane."""
        selected = self.selected
        mine = self.items_by_node.get(selected, []) if selected else []
        self.detail.show(self.doc.map, selected, mine)

    def show_all(self) -> None:
        """Rebuild the tree from scratch (on open, on reload, when the filter changes)."""
        self.view_ids = visible_ids(self.doc.map, self.filter, self.pinned)
        self.map_tree.show_map(self.doc.map, visible=self.view_ids)
        self.update_header()
        self.schedule_findings(delay=0.05)  # just after the first paint

    # ---- findings ------------------------------------------------------------------

    def schedule_findings(self, delay: float = FINDINGS_DELAY) -> None:
        """Recompute findings: at once on small maps, in a thread after `delay` on big ones."""
        if len(self.doc.map.nodes) <= SYNC_FINDINGS_NODES:
            amap = self.doc.map
            self.show_findings(amap, findings.report(amap, findings.collect(amap)))
            return
        if self._findings_timer is not None:
            self._findings_timer.stop()
        self._findings_timer = self.set_timer(delay, self._findings_in_thread)
        self.panel.updating()

    def _findings_in_thread(self) -> None:
        amap = self.doc.map

        def work() -> None:
            findings.prepare()
            # In a child process where possible: lint holds no GIL against the keys.
            items = self.offloader.run(partial(findings.collect, amap))
            if items is not None:
                # Indexed here, not in the event loop (10-20 ms for 7,000 findings).
                self.call_from_thread(self.show_findings, amap, findings.report(amap, items))

        self.run_worker(work, thread=True, exclusive=True, group="findings")

    def show_findings(self, amap: Map, report: findings.Report) -> None:
        """Show findings computed for `amap`, unless the map has changed since."""
        if amap is not self.doc.map:
            return
        self.items = report.items
        self.items_by_node = report.by_node
        self.panel.show_items(report.items)
        self.map_tree.set_marks(report.marks)
        self.show_detail()
        self.collector.settle()

    # ---- the garbage collector --------------------------------------------------------

    def on_load(self) -> None:
        """Before the first screen is built: no garbage collection until it is up."""
        self.collector.pause()

    def start_collector(self) -> None:
        """Schedule collections for this session (see `argmap.tui.heap`)."""
        self.collector.start(freezing=len(self.doc.map.nodes) > SYNC_FINDINGS_NODES)

    async def on_event(self, event: events.Event) -> None:
        """Every key or click puts the next full collection off until input pauses."""
        if isinstance(event, events.Key | events.MouseDown) and not event.is_forwarded:
            self.last_input = time.monotonic()
            for timer in self._idle_timers:
                timer.stop()
            self._idle_timers = [
                self.set_timer(IDLE_SECONDS, self._collect_when_idle),
                self.set_timer(TIDY_SECONDS, self._tidy_when_idle),
            ]
        await super().on_event(event)

    def _collect_when_idle(self) -> None:
        self.collector.idle(forms_open=len(self.screen_stack) > 1)

    def _tidy_when_idle(self) -> None:
        self.collector.tidy(forms_open=len(self.screen_stack) > 1)

    def on_unmount(self) -> None:
        """The session is over: end a findings child, give the collector its thresholds back."""
        self.offloader.cancel()
        self.collector.stop()
        if self.prebuilding is not None:
            self.prebuilding.cancel()

    # ---- autosave --------------------------------------------------------------------

    def schedule_autosave(self) -> None:
        """Write the recovery file a little after the last edit (restarted on each edit)."""
        if self.read_only:
            return
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(self.autosave_delay, self.autosave_now)

    def autosave_now(self) -> None:
        """Start writing the recovery file (overridden by the file actions)."""


def retitle(widget: Widget, title: str) -> None:
    """Set a widget's border title if it changed (setting one repaints the whole widget)."""
    if widget.border_title != title:
        widget.border_title = title


def touched_ids(old: Map, new: Map) -> set[str]:
    """Nodes whose labels depend on a source or analogy that changed."""
    out: set[str] = set()
    if old.sources is not new.sources:
        for source_id in set(old.sources) | set(new.sources):
            if old.sources.get(source_id) != new.sources.get(source_id):
                out.update(new.uses_of_source(source_id))
    if old.analogies is not new.analogies:
        for analogy_id in set(old.analogies) | set(new.analogies):
            before, after = old.analogies.get(analogy_id), new.analogies.get(analogy_id)
            if before != after:
                out.update(a for x in (before, after) if x is not None for a in (x.then, x.now))
    return out
