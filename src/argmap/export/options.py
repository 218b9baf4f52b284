"""What an export can be asked for: formats, themes, slide presets and view options."""

from __future__ import annotations

from typing import NamedTuple

from argmap.errors import UsageError
from argmap.model import Era

FORMATS: tuple[str, ...] = ("dot", "svg", "png", "pdf", "md")
IMAGE_FORMATS: tuple[str, ...] = ("svg", "png", "pdf")
THEMES: tuple[str, ...] = ("default", "colorblind", "grayscale", "dark")
SLIDES: tuple[str, ...] = ("16:9", "4:3")

# Graphviz lays 1,000 nodes out in about half a second and 10,000 in minutes.
LARGE_MAP_NODES = 1500
DEFAULT_TIMEOUT = 300.0


class ExportOptions(NamedTuple):
    """How to draw or brief a map; every field has a sensible default.

    Attributes:
        theme: one of `THEMES`.
        slide: `"16:9"` or `"4:3"` to size the drawing for a slide, or None.
        dpi: resolution of PNG output (PNG only; default 144 on slides, so that
            16:9 comes out at 1920×1080, and 96 otherwise).
        focus: draw only this node and what lies below it.
        depth: draw only this many levels below the top of the view.
        era: draw only one lane (`then` or `now`).
        tag: draw only nodes with this tag, and the path above them.
        legend: draw the legend.
    """

    theme: str = "default"
    slide: str | None = None
    dpi: int | None = None
    focus: str | None = None
    depth: int | None = None
    era: Era | None = None
    tag: str | None = None
    legend: bool = True

    def check(self, fmt: str) -> None:
        """Raise `UsageError` if these options make no sense for `fmt`."""
        if fmt not in FORMATS:
            raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
        if self.theme not in THEMES:
            raise UsageError(f"unknown theme '{self.theme}'; choose one of {', '.join(THEMES)}")
        if self.slide is not None and self.slide not in SLIDES:
            raise UsageError(f"unknown slide '{self.slide}'; choose one of {', '.join(SLIDES)}")
        if self.dpi is not None and (fmt != "png" or not 10 <= self.dpi <= 1200):
            raise UsageError(
                "--dpi applies to PNG only" if fmt != "png" else "--dpi must be 10 to 1200"
            )
        if self.depth is not None and self.depth < 0:
            raise UsageError("--depth must be 0 or more")

    @property
    def png_dpi(self) -> int:
        """The resolution PNG output gets."""
        if self.dpi is not None:
            return self.dpi
        return 144 if self.slide is not None else 96
