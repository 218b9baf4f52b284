"""SteadyScrollView: a ScrollView that lets a screen layout pass by when nothing of it changed.

Textual tells every ScrollView its size on every layout of the screen, and a
ScrollView then updates its scrollbars (repainting them) and gets a Resize event
(Tree repaints every line on one), whether or not anything changed. On a big map a
layout (a findings panel shown, a node's detail growing a scrollbar) so repainted
the tree, the detail and every scrollbar: 15-30 ms. Here a layout that leaves the
widget's size, its container's size and its scrollable size as they were does nothing,
and one that changes only its height repaints only the lines that moved or appeared.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.widgets import OptionList


class SteadyScrollView(ScrollView):
    """A ScrollView that ignores layouts leaving its sizes unchanged.

    Mix it in after the widget class (`class T(Tree, SteadyScrollView)`): Textual takes
    CSS names, default styles and component classes from the first base only.
    """

    _sizes: tuple[Size, Size, Size] | None = None  # as of the last layout that mattered

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # The scrollable size is the widget's own (lines, content), not the layout's.
        sizes = (size, self.virtual_size, container_size)
        if sizes == self._sizes:
            return False  # no Resize event: nothing to redraw
        self._sizes = sizes
        old = self._size
        if not old or old.width != size.width or old == size:
            return super()._size_updated(size, virtual_size, container_size, layout)
        # Only the height changed (a panel below shown or hidden): the lines above the
        # old bottom edge look as they did. Repaint from there down, not every line.
        self._size = size
        self._repaint_from(min(old.height, size.height) - self.styles.gutter.bottom)
        self._scrollbar_changes.clear()
        self._container_size = size - self.styles.gutter.totals
        self._scroll_update(self.virtual_size)
        return True  # a Resize event: the widget fits its content to the new height

    def _repaint_from(self, row: int) -> None:
        """Repaint the widget's rows from `row` (counted from its top edge) down."""
        top = self.content_offset.y
        self.refresh(Region(0, row - top, self._size.width, self._size.height))


class SteadyOptionList(OptionList, SteadyScrollView):
    """An OptionList that measures its options again only when its width changes.

    OptionList wraps every option again to measure it on each Resize; the first one
    comes after the list has been drawn (and measured) at its new size, so a list of
    400 sources was measured twice per opening.
    """

    _measured_width = -1  # the width the options' heights were measured at

    def _update_lines(self) -> None:
        measured = len(self._line_cache.heights)
        super()._update_lines()
        if len(self._line_cache.heights) != measured:  # options measured, at this width
            self._measured_width = self.scrollable_content_region.width

    def on_resize(self, event: events.Resize) -> None:
        """Keep the measured heights if the width is the same (OptionList drops them)."""
        # Textual calls OptionList's own handler after this one unless prevented.
        if self.scrollable_content_region.width == self._measured_width:
            event.prevent_default()  # heights depend on the width only
