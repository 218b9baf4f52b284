"""AppFooter: Textual's Footer, rebuilt only when the keys it shows change.

Footer builds all its keys again whenever the bindings might have changed: every
focus change, and every form or dialog opened or closed (twice: the form's footer
and the editor's). Each key is a widget, restyled once when built and once more when
it learns it is compact: some 40 ms of every form opened on this machine. This one
keeps its keys while the list it would show is the same, and builds compact keys
compact. It looks the same.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[object, ...], ...]


class AppFooter(Footer):
    """The footer: the keys of the focused widget, its screen and the app."""

    _composed: Shown | None = None  # the keys last built
    _pending = False  # a rebuild is scheduled

    def compose(self) -> ComposeResult:
        """Footer's keys, built compact or not from the start."""
        if self._bindings_ready:
            self._composed = self._shown(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Otherwise each key restyles once for its default and once when bound
                # to the footer's `compact`.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Schedule one rebuild of the keys, if what they would show changed."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending and self._composed != self._shown(screen):
            self._pending = True  # several changes in a row rebuild once
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if self.is_attached and self._composed != self._shown(self.screen):
            await self.recompose()

    def _shown(self, screen: Screen[object]) -> Shown:
        """Everything of the active bindings that Footer.compose reads."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        return tuple(
            (
                key,
                binding.key,
                binding.action,
                binding.description,
                binding.tooltip,
                binding.group,
                app.get_key_display(binding),
                enabled,
                tooltip,
            )
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette  # Footer shows these, and no others
        )
