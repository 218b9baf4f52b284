"""LineTree: Textual's Tree, drawing only lines whose look changed, and batching rebuilds.

Textual's Tree keys its cache of drawn lines by line number and by a counter that
every added, removed, expanded or collapsed node bumps: after any change to the tree's
shape every visible line is drawn again (about 0.5-0.8 ms a line, 30 ms a screenful),
and every node added to the tree makes it schedule a new layout. This subclass

- caches drawn lines by what they show (the nodes on the path, their state, the
  cursor, hover and focus), so that a line which only moved up or down is reused:
  only its `line` metadata (used by the mouse) is rewritten;
- measures label widths without drawing the labels;
- draws nothing again when only its height changes;
- lets a caller add or remove many nodes with one invalidation (`batched`);
- after a change of shape (a node moved, added or removed, expanded or collapsed, an
  edit undone) repaints only the visible lines that look different instead of the
  whole widget, and lays nothing out unless a scrollbar comes or goes: Tree asks for
  a screen layout on every change, which repaints the tree, its scrollbars and every
  dirty widget (20-45 ms of an edit on a big map).

What a line looks like is still decided by Tree itself (`Tree._render_line`), so
the tree looks and behaves as before.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets._tree import _TreeLine
from textual.widgets.tree import TreeNode

from argmap.tui.widgets.steady import SteadyScrollView

LINES_KEPT = 1024  # about twenty screenfuls


class LineTree(Tree[str], SteadyScrollView):
    """A Tree whose lines survive changes elsewhere in the tree."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id)
        self._drawn: LRUCache[tuple[Any, ...], tuple[int, Strip]] = LRUCache(LINES_KEPT)
        self._batching = 0
        self._invalid = False
        self._resized_width = -1
        # What each line (by number) was last drawn as: a change repaints the lines
        # whose key differs.
        self._drawn_keys: dict[int, tuple[Any, ...]] = {}
        self._sizing = False  # building lines in `_invalidate`

    # ---- fewer invalidations ---------------------------------------------------

    @contextmanager
    def batched(self) -> Iterator[None]:
        """Add, remove and expand nodes inside this block; the tree is laid out once after.

        The tree's lines are stale inside the block: do not ask for `last_line` or a
        node's line there.
        """
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._invalid:
                self._invalid = False
                self._invalidate()

    def _invalidate(self) -> None:
        if self._batching:
            self._invalid = True
            return
        if not self._drawn_keys or not self.size:  # nothing drawn yet: draw it all
            super()._invalidate()
            return
        # Tree._invalidate without its layout: build the lines now, then repaint the
        # lines that changed.
        self._clear_line_cache()
        self._updates += 1
        self.root._reset()
        before = self.virtual_size
        self._sizing = True
        try:
            lines = self._tree_lines
        finally:
            self._sizing = False
        if self.virtual_size != before and not self._resized_in_place():
            self.refresh(layout=True)  # as Tree does: lay out and repaint it all
            return
        top = self.scroll_offset.y
        style = self.rich_style
        for y in range(top, top + self.size.height):
            if self._drawn_keys.get(y) != self._key_at(y, lines, style):
                self._refresh_line(y)

    def _resized_in_place(self) -> bool:
        """Take a new number of lines or width without a layout, if the scrollbars allow.

        Returns:
            False if a scrollbar comes or goes, or the view is scrolled past the new
            end: the screen must be laid out.
        """
        shown = (self.show_horizontal_scrollbar, self.show_vertical_scrollbar)
        self._scroll_update(self.virtual_size)  # the scrollbars' thumbs
        now = (self.show_horizontal_scrollbar, self.show_vertical_scrollbar)
        return now == shown and self.scroll_offset.y <= self.max_scroll_y

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Tree's refresh, except the layout its new virtual size asks for in `_invalidate`."""
        if self._sizing and layout and not regions:
            return self  # `_invalidate` lays out only if the scrollbars change
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def clear(self) -> Self:
        """Remove every node (and forget what the lines looked like)."""
        self._drawn_keys.clear()
        return super().clear()

    def _on_resize(self, event: events.Resize) -> None:
        # Tree redraws every line and lays the screen out again on any resize; a
        # change of height alone (the findings panel shown or hidden) changes no line:
        # SteadyScrollView repaints the rows it uncovers or moves.
        if event.size.width == self._resized_width:
            event.prevent_default()
            self._line_cache.grow(event.size.height)
        self._resized_width = event.size.width

    def get_label_width(self, node: TreeNode[str]) -> int:
        """The label's width as `render_label` draws it (toggle icon and label)."""
        if node._allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return cell_len(icon) + node._label.cell_len
        return node._label.cell_len

    # ---- drawing lines ---------------------------------------------------------

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        lines = self._tree_lines
        key = self._drawn_keys[y] = self._key_at(y, lines, base_style)
        if y >= len(lines):
            return super()._render_line(y, x1, x2, base_style)
        cached = self._drawn.get(key)
        if cached is None:
            strip = super()._render_line(y, 0, sys.maxsize, base_style)
            self._drawn[key] = (y, strip)
        else:
            drawn_at, strip = cached
            if drawn_at != y:
                strip = _at_line(strip, y)
                self._drawn[key] = (y, strip)
        return strip.crop(x1, x2)

    def _key_at(self, y: int, lines: list[_TreeLine[str]], base_style: Style) -> tuple[Any, ...]:
        """What line `y` looks like: its `_line_key`, or a blank line's below the last."""
        if y < len(lines):
            return self._line_key(y, lines[y], base_style)
        return ("blank", base_style, self.size.width)

    def _line_key(self, y: int, line: _TreeLine[str], base_style: Style) -> tuple[Any, ...]:
        """Everything `Tree._render_line` reads for line `y`, but the line number itself."""
        return (
            # The theme and the focus decide the colours (Tree's styles are restyled on
            # every focus change, e.g. each time a form opens: that alone redraws nothing).
            self.app.theme,
            base_style,
            self.size.width,
            self.virtual_size.width,
            self._pseudo_class_state,
            self.has_focus,
            self.guide_depth,
            self.show_guides,
            self.hover_line == y,
            self.cursor_line == y,
            line.last,
            tuple(
                (
                    node._id,
                    node._updates,
                    node._hover,
                    node._selected,
                    node._expanded,
                    node._allow_expand,
                    node.is_last,
                )
                for node in line.path
            ),
        )


def _at_line(strip: Strip, y: int) -> Strip:
    """The same strip drawn for line `y`: Tree puts the line number in each segment's meta."""
    meta = Style.from_meta({"line": y})
    segments = [
        Segment(text, meta if style is None else style + meta, control)
        for text, style, control in strip
    ]
    return Strip(segments, strip.cell_length)
