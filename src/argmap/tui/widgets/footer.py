"""AppFooter: Textual's Footer, rebuilt only when the keys it shows change.

Footer builds all its keys again whenever the bindings might have changed: every
focus change, and every form or dialog opened or closed (twice: the form's footer
and the editor's). Each key is a widget, restyled once when built and once more when
it learns it is compact: some 40 ms of every form opened on this machine. This one
keeps its keys while the list it would show is the same, builds compact keys
compact, and shows or hides keys it has built when only which of them to show
changes (a kept form switching between kinds of node: ctrl+n comes and goes). It
looks the same.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[object, ...], ...]


class AppFooter(Footer):
    """The footer: the keys of the focused widget, its screen and the app."""

    _composed: Shown | None = None  # the keys last shown
    _pending = False  # a rebuild is scheduled
    # The keys built, in order, by action, with what each shows; None if a rebuild
    # cannot be done by showing and hiding them (grouped keys).
    _built: dict[str, tuple[tuple[object, ...], FooterKey]] | None = None
    _palette: tuple[object, ...] | None = None  # the command palette key built

    def compose(self) -> ComposeResult:
        """Footer's keys, built compact or not from the start."""
        shown: Shown = ()
        if self._bindings_ready:
            shown = self._composed = self._shown(self.screen)
        keys, self._palette = self._keys(shown)
        built: dict[str, tuple[tuple[object, ...], FooterKey]] | None = {}
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Otherwise each key restyles once for its default and once when bound
                # to the footer's `compact`.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
                if built is not None and widget.action in keys:
                    built[widget.action] = (keys[widget.action], widget)
            elif built is not None:
                built = None  # a group of keys: rebuilt, not shown and hidden
            yield widget
        self._built = built if built is not None and len(built) == len(keys) else None

    def _keys(
        self, shown: Shown
    ) -> tuple[dict[str, tuple[object, ...]], tuple[object, ...] | None]:
        """What Footer.compose builds for `shown`: a key per action (its first shown
        binding), and the command palette key."""
        palette = self.app.COMMAND_PALETTE_BINDING
        keys: dict[str, tuple[object, ...]] = {}
        palette_key = None
        for entry in shown:
            if entry[-1]:  # binding.show
                keys.setdefault(str(entry[2]), entry)
            if entry[0] == palette:
                palette_key = entry
        return keys, palette_key

    def _show_built(self, shown: Shown) -> bool:
        """Show exactly the built keys `shown` asks for, if it asks for no other; else False."""
        if self._built is None:
            return False
        keys, palette = self._keys(shown)
        if palette != self._palette:
            return False
        order = list(self._built)
        if any(self._built.get(a, (None,))[0] != e for a, e in keys.items()):
            return False
        if [a for a in order if a in keys] != list(keys):
            return False  # the same keys in another order
        for action, (_, widget) in self._built.items():
            widget.display = action in keys
        self.styles.grid_size_columns = len(keys)
        self._composed = shown
        return True

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Schedule one rebuild of the keys, if what they would show changed."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending and self._composed != self._shown(screen):
            self._pending = True  # several changes in a row rebuild once
            self.call_after_refresh(self._rebuild)

    def update_now(self) -> None:
        """Show the keys of the footer's screen now if showing and hiding built keys does.

        For a screen about to be shown again: it then opens with the right keys, instead
        of being drawn, laid out again and redrawn when the rebuild comes.
        """
        if self._bindings_ready and self.is_attached:
            shown = self._shown(self.screen)
            if self._composed != shown:
                self._show_built(shown)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:  # its screen closed before the rebuild came round
            return
        shown = self._shown(self.screen)
        if self._composed != shown and not self._show_built(shown):
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
                binding.show,
            )
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette  # Footer shows these, and no others
        )
