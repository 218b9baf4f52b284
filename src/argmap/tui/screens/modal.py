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

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.geometry import Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import _RenderCache

R = TypeVar("R")

# Changes shown by screens under another screen, in this process (a count shared by
# every app can only make a backdrop be drawn more often, never left stale).
_background_changes = 0


def note_background_change(screen: Screen[Any]) -> None:
    """Count a change `screen` is about to show while another screen is on top of it."""
    global _background_changes
    if screen is not screen.app.screen and screen._compositor._dirty_regions:
        _background_changes += 1


# Tinted styles by (style, tint, base): a screen has a few dozen distinct styles in
# thousands of segments, and Textual blends the colours of every segment anew.
_tinted: dict[tuple[Style | None, Color, Style], Style] = {}
_NULL_STYLE = Style()


def tint(segments: Iterable[Segment], color: Color, base: Style) -> list[Segment]:
    """`BackgroundScreen.process_segments` for a visible tint, then the modal screen's
    own style under each (as Textual's `_Styled` adds it), each style worked out once."""
    if len(_tinted) > 4096:  # themes come and go: keep the cache bounded
        _tinted.clear()
    from_rich = Color.from_rich_color
    out = []
    for text, style, control in segments:
        if control:
            out.extend(on_base([Segment(text, style)], base))
            continue
        tinted = _tinted.get((style, color, base))
        if tinted is None:
            plain = _NULL_STYLE if style is None else style.clear_meta_and_links()
            fore = (from_rich(plain.color) + color).rich_color if plain.color else None
            back = (from_rich(plain.bgcolor) + color).rich_color if plain.bgcolor else None
            tinted = base + (plain + Style.from_color(fore, back))
            _tinted[(style, color, base)] = tinted
        out.append(Segment(text, tinted))
    return out


class Backdrop(BackgroundScreen):
    """The screens under a modal one, dimmed: as Textual draws them, but faster."""

    def strips(self, width: int, height: int, base: Style) -> list[Strip]:
        """The lines Textual's own backdrop renders to, on the modal screen's `base` style.

        Textual turns the screen below into strips, the strips into one stream of
        segments through rich, and the stream back into lines; this tints the
        strips themselves (about half the time of a backdrop).
        """
        color = self.color
        lines = self.screen._compositor.render_strips(Size(width, height))
        if color.a == 0:  # nothing to tint: as Textual does it, meta and links cleared
            lines = [Strip(on_base(self.process_segments(line, color), base)) for line in lines]
        else:
            lines = [Strip(tint(line, color, base), line.cell_length) for line in lines]
        return [line.crop(0, width) for line in lines[:height]]


def on_base(segments: Iterable[Segment], base: Style) -> list[Segment]:
    """`segments` with `base` under each style, as Textual's `_Styled` does (control dropped)."""
    return [Segment(text, base + style) for text, style, _ in segments]


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

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        # A screen pushed is repainted whole (Textual refreshes the screen below as it
        # pushes one), and Screen._on_timer_update does that in a second frame right
        # after the layout's: one frame of the whole screen does both.
        if self._repaint_required:
            self._repaint_required = False
            self._exchange_repaint_regions()  # all of them: the whole screen is drawn
            self._compositor._dirty_regions.add((size or self.outer_size).region)
        super()._refresh_layout(size, scroll)

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
        # Widget._render_content, with the backdrop's lines made by Backdrop.strips.
        width, height = self.size
        visual = self._render()
        drawn = getattr(visual, "_renderable", None)
        if isinstance(drawn, Backdrop):
            strips = drawn.strips(width, height, self.visual_style.rich_style)
        else:
            strips = Visual.to_strips(self, visual, width, height, self.visual_style)
        self._render_cache = _RenderCache(self.size, strips)
        self._dirty_regions.clear()
        self._backdrop = key
