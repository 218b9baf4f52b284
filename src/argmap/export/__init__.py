"""Export a map as a Graphviz diagram (DOT, SVG, PNG, PDF) or a Markdown briefing.

This is the API the CLI and the TUI's export dialog share::

    from argmap.export import ExportOptions, export_map

    path = export_map(amap, "png", Path("exports/x.png"), ExportOptions(slide="16:9"))

Building DOT text and Markdown is pure Python and needs no Graphviz. Image formats
run Graphviz's `dot` as a child process with a timeout; a `threading.Event` passed
as `cancel` stops it early (the TUI runs exports in a worker and cancels on Escape).
Heavy modules are imported inside the functions, so importing this package is cheap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.export.options import (
    DEFAULT_TIMEOUT,
    FORMATS,
    IMAGE_FORMATS,
    LARGE_MAP_NODES,
    SLIDES,
    THEMES,
    ExportOptions,
)

if TYPE_CHECKING:
    from argmap.model import Map

__all__ = [
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "IMAGE_FORMATS",
    "LARGE_MAP_NODES",
    "SLIDES",
    "THEMES",
    "ExportOptions",
    "default_output",
    "dot_source",
    "export_map",
    "export_storyboard",
    "markdown",
]

Notify = Callable[[str], None]


def default_output(map_path: Path, fmt: str) -> Path:
    """Where an export goes by default: `exports/<map stem>.<fmt>`."""
    return Path("exports") / f"{map_path.stem}.{fmt}"


def dot_source(amap: Map, options: ExportOptions | None = None) -> str:
    """The DOT text of the map's diagram (no Graphviz program needed).

    Raises:
        UsageError: the options are invalid or name an unknown node.
    """
    from argmap.export.dot import build_digraph
    from argmap.export.style import theme
    from argmap.export.views import select

    options = options or ExportOptions()
    options.check("dot")
    view = select(amap, options)
    source: str = build_digraph(view, options, theme(options.theme)).source
    return source


def markdown(amap: Map, options: ExportOptions | None = None) -> str:
    """The Markdown briefing of the map, or of the view the options select."""
    from argmap.export.outline import briefing
    from argmap.export.views import select

    options = options or ExportOptions()
    options.check("md")
    return briefing(select(amap, options))


def export_map(
    amap: Map,
    fmt: str,
    out_path: Path,
    options: ExportOptions | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
    notify: Notify | None = None,
) -> Path:
    """Write the map to `out_path` as `fmt` (one of `FORMATS`) and return the path.

    The file is replaced atomically: a failed or cancelled render leaves any
    previous export untouched.

    Args:
        amap: the map.
        fmt: `dot`, `svg`, `png`, `pdf` or `md`.
        out_path: the file to write; its directory is created if missing.
        options: theme, slide preset, view; defaults to the full map, default theme.
        timeout: seconds Graphviz may take before it is stopped.
        cancel: set it from another thread to stop Graphviz early.
        notify: receives advice for the user, e.g. that text on a slide is small.

    Raises:
        UsageError: the options are invalid or name an unknown node.
        GraphvizMissingError: an image format was asked for and `dot` is not installed.
        RenderError: Graphviz failed, timed out or was cancelled.
    """
    from argmap.export.pipeline import export_one

    options = options or ExportOptions()
    options.check(fmt)
    return export_one(amap, fmt, out_path, options, timeout, cancel, notify or _quiet)


def export_storyboard(
    amap: Map,
    fmt: str,
    out_dir: Path,
    stem: str,
    options: ExportOptions | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
    notify: Notify | None = None,
) -> list[Path]:
    """Write numbered slides `<stem>-step01.<fmt>`, … that reveal the map step by step.

    Bottom line first, then the factors, then evidence, then rebuttals and
    analogies; every node keeps its place from slide to slide. `fmt` is `dot`,
    `svg`, `png` or `pdf`. Arguments and errors as for `export_map`.
    """
    from argmap.export.pipeline import export_steps

    options = options or ExportOptions()
    options.check(fmt)
    return export_steps(amap, fmt, out_dir, stem, options, timeout, cancel, notify or _quiet)


def _quiet(message: str) -> None:
    """Drop advice nobody asked to see."""
