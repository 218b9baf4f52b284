"""Modal: the base of the editor's forms and dialogs, with a backdrop drawn once.

A modal screen shows the screens under it dimmed, and Textual draws that backdrop
again (the whole screen below, composed and tinted: about 20 ms on this machine)
each time the modal screen itself is refreshed, three times or more per form
opened. Here the backdrop is kept until something under it changes: every screen of
the editor counts the changes it makes while it is under another. A new modal screen
is also not restyled as a whole right after its widgets were styled when mounted, nor
when it is shown again with the app's styles unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
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


# Tinted styles by (style, tint): a screen has a few dozen distinct styles in
# thousands of segments, and Textual blends the colours of every segment anew.
_tinted: dict[tuple[Style | None, Color], Style] = {}
_NULL_STYLE = Style()


def tint(segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
    """`BackgroundScreen.process_segments` for a visible tint, each style blended once."""
    if len(_tinted) > 4096:  # themes come and go: keep the cache bounded
        _tinted.clear()
    from_rich = Color.from_rich_color
    for segment in segments:
        text, style, control = segment
        if control:
            yield segment
            continue
        tinted = _tinted.get((style, color))
        if tinted is None:
            plain = _NULL_STYLE if style is None else style.clear_meta_and_links()
            fore = (from_rich(plain.color) + color).rich_color if plain.color else None
            back = (from_rich(plain.bgcolor) + color).rich_color if plain.bgcolor else None
            tinted = plain + Style.from_color(fore, back)
            _tinted[(style, color)] = tinted
        yield Segment(text, tinted, control)


class Backdrop(BackgroundScreen):
    """The screens under a modal one, dimmed: as Textual draws them, but faster."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = console.render(self.screen._compositor, options)
        if self.color.a == 0:
            return self.process_segments(segments, self.color)
        return tint(segments, self.color)


class MainScreen(Screen[Any]):
    """The editor's screen (the tree, detail and findings): it counts its changes."""

    def _compositor_refresh(self) -> None:
        note_background_change(self)
        super()._compositor_refresh()


class Modal(ModalScreen[R]):
    """A modal screen whose dimmed backdrop is drawn again only when it changes."""

    _backdrop: tuple[object, ...] | None = None  # what the backdrop was drawn for
    _styled_at: int | None = None  # the app's CSS generation the widgets were styled in

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen it pushes, though they were styled
        # as they were mounted just before, or when this screen (kept to be shown
        # again) was last shown: skip that unless the app's CSS or theme changed since
        # (Screen's own handler runs after this one).
        generation = self.app._css_update_count
        if self._styled_at is None or self._styled_at == generation:
            event.refresh_styles = False
        self._styled_at = generation

    def _compositor_refresh(self) -> None:
        note_background_change(self)
        super()._compositor_refresh()

    def forget_backdrop(self) -> None:
        """Draw the backdrop again when next shown (for a screen shown again later)."""
        self._backdrop = None

    def render(self) -> RenderableType:
        """The dimmed screens below, tinted faster than Textual's own backdrop."""
        drawn = super().render()
        if type(drawn) is BackgroundScreen:
            return Backdrop(drawn.screen, drawn.color)
        return drawn

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
