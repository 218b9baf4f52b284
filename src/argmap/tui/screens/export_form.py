"""ExportForm: format, theme, slide and view of an export, and where to write it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from argmap.export import FORMATS, SLIDES, THEMES, ExportOptions, default_output
from argmap.model import Era, Eras
from argmap.tui.screens.form import FormError, FormScreen, fill_input, labelled, options

FORMAT_LABEL = {
    "svg": "SVG diagram",
    "png": "PNG image",
    "pdf": "PDF",
    "dot": "DOT text (Graphviz source)",
    "md": "Markdown briefing",
}


@dataclass(frozen=True)
class ExportRequest:
    """What the form asks for: a format, a file and the options."""

    fmt: str
    path: Path
    options: ExportOptions


class ExportForm(FormScreen[ExportRequest]):
    """Dismisses with an `ExportRequest`, or None when cancelled.

    Args:
        map_path: the map's file (the default output is `exports/<stem>.<format>`).
        eras: the era labels, for the era select.
        tags: the tags in the map, for the tag select.
        selected: the node under the cursor, offered as the focus of the view.
    """

    def __init__(
        self, map_path: Path, eras: Eras, tags: Sequence[str], selected: str | None
    ) -> None:
        super().__init__("Export")
        self._map_path = map_path
        self._eras = eras
        self._tags = list(tags)
        self._selected = selected
        # The file name the form filled in itself; a typed one is left alone.
        self._auto_path = str(self._output("svg"))

    def fields(self) -> ComposeResult:
        """Format, theme, slide; then the view; then the file."""
        yield from labelled(
            "Format",
            Select(
                options((FORMAT_LABEL.get(f, f), f) for f in FORMATS),
                value="svg",
                allow_blank=False,
                id="format",
            ),
        )
        yield from labelled(
            "Theme",
            Select(options((t, t) for t in THEMES), value="default", allow_blank=False, id="theme"),
        )
        yield from labelled(
            "Slide", Select(options((s, s) for s in SLIDES), prompt="(no slide size)", id="slide")
        )
        yield from labelled("Era", Select(self._era_options(), prompt="(both lanes)", id="era"))
        yield from labelled(
            "Tag", Select(options((t, t) for t in self._tags), prompt="(any tag)", id="tag")
        )
        # Hidden when nothing is selected (the form is kept and shown again).
        focus = Checkbox(self._focus_label(), id="focus")
        focus.display = self._selected is not None
        yield focus
        yield Checkbox("Legend", True, id="legend")
        yield from labelled("File", Input(self._auto_path, id="path"))

    def _era_options(self) -> list[tuple[Any, Any]]:
        eras = self._eras
        return options([(f"then — {eras.then}", Era.THEN), (f"now — {eras.now}", Era.NOW)])

    def _focus_label(self) -> str:
        return f"Only the selected node ({self._selected}) and below"

    def on_mount(self) -> None:
        """Start at the format."""
        self.query_one("#format", Select).focus()

    def refill(self, map_path: Path, eras: Eras, tags: Sequence[str], selected: str | None) -> None:
        """Show the dialog for this map and selection, as one built fresh would."""
        self._map_path = map_path
        self._selected = selected
        self._auto_path = str(self._output("svg"))
        self.query_one("#format", Select).value = "svg"
        self.query_one("#theme", Select).value = "default"
        self.query_one("#slide", Select).value = Select.NULL
        era = self.query_one("#era", Select)
        if eras != self._eras:
            self._eras = eras
            era.set_options(self._era_options())
        era.value = Select.NULL
        tag = self.query_one("#tag", Select)
        if list(tags) != self._tags:
            self._tags = list(tags)
            tag.set_options(options((t, t) for t in self._tags))
        tag.value = Select.NULL
        focus = self.query_one("#focus", Checkbox)
        focus.label = self._focus_label()
        focus.value = False
        focus.display = selected is not None
        self.query_one("#legend", Checkbox).value = True
        fill_input(self.query_one("#path", Input), self._auto_path)
        self.clear_for_reuse()
        self.query_one("#format", Select).focus()

    def _output(self, fmt: str) -> Path:
        return default_output(self._map_path, fmt)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new format changes the file's extension, unless the file was typed."""
        if event.select.id != "format" or not isinstance(event.value, str):
            return
        path = self.query_one("#path", Input)
        if path.value == self._auto_path:
            self._auto_path = path.value = str(self._output(event.value))

    def accept(self) -> ExportRequest:
        """The request, with options checked by the export package."""
        fmt: str = self.choice_of("#format")
        path = self.text_of("#path")
        if path is None:
            raise FormError("file: give the file to write")
        focus = self.query_one("#focus", Checkbox)
        export_options = ExportOptions(
            theme=self.choice_of("#theme"),
            slide=self.choice_of("#slide"),
            era=self.choice_of("#era"),
            tag=self.choice_of("#tag"),
            focus=self._selected if focus.display and focus.value else None,
            legend=self.query_one("#legend", Checkbox).value,
        )
        export_options.check(fmt)
        return ExportRequest(fmt, Path(path).expanduser(), export_options)
