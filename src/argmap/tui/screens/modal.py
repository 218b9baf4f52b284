"""Modal: the base of the editor's forms and dialogs, with a backdrop drawn once.

A modal screen shows the screens under it dimmed, and Textual draws that backdrop
again (the whole screen below, composed and tinted: about 20 ms on this machine)
each time the modal screen itself is refreshed, three times or more per form
opened. Here the backdrop is kept until something under it changes: every screen of
the editor counts the changes it makes while it is under another. A new modal screen
is also not restyled as a whole right after its widgets were styled when mounted.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

R = TypeVar("R")

# Changes shown by screens under another screen, in this process (a count shared by
# every app can only make a backdrop be drawn more often, never left stale).
_background_changes = 0


def note_background_change(screen: Screen[Any]) -> None:
    """Count a change `screen` is about to show while another screen is on top of it."""
    global _background_changes
    if screen is not screen.app.screen and screen._compositor._dirty_regions:
        _background_changes += 1


class MainScreen(Screen[Any]):
    """The editor's screen (the tree, detail and findings): it counts its changes."""

    def _compositor_refresh(self) -> None:
        note_background_change(self)
        super()._compositor_refresh()


class Modal(ModalScreen[R]):
    """A modal screen whose dimmed backdrop is drawn again only when it changes."""

    _backdrop: tuple[object, ...] | None = None  # what the backdrop was drawn for
    _resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen it pushes, though they were styled
        # as they were mounted just before: skip that the first time (Screen's own
        # handler runs after this one).
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        note_background_change(self)
        super()._compositor_refresh()

    def _render_content(self) -> None:
        # The screen's own content is its background: the dimmed screens below it.
        app = self.app
        key = (
            self.size,
            self.styles.background,
            app.theme,
            len(app.screen_stack),
            _background_changes,
        )
        if key == self._backdrop:
            self._dirty_regions.clear()  # as drawn: Widget.render_line reads the cache
            return
        super()._render_content()
        self._backdrop = key
