"""AppHeader: Textual's Header, whose title changes repaint one line instead of the screen.

The header's title widget is a `Static`, and `Static.update` lays the whole screen out
again: on a big map that repainted the tree and every scrollbar (10-40 ms) each time
the unsaved mark came or went. The title has a fixed size (one line, the full width),
so a repaint is all a new title needs. It looks the same: same classes, same styles.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


class _Title(HeaderTitle):
    """The header's title: its size never depends on its text."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        """Show `content`; repaint only (the title's size is fixed)."""
        super().update(content, layout=False)


class AppHeader(Header):
    """The header, with a title that repaints without a layout."""

    def compose(self) -> ComposeResult:
        """Icon, title and clock space, as Header has them."""
        yield HeaderIcon().data_bind(Header.icon)
        yield _Title()
        if self._show_clock:
            yield HeaderClock().data_bind(Header.time_format)
        else:
            yield HeaderClockSpace()
