"""From map and options to files: select the view, build DOT or Markdown, render, check slides."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable
from pathlib import Path

from argmap.export.dot import build_digraph
from argmap.export.options import LARGE_MAP_NODES, ExportOptions
from argmap.export.render import run_dot, write_atomic
from argmap.export.style import SMALL_SIZE, theme
from argmap.export.views import View, select, storyboard
from argmap.model import Map

Notify = Callable[[str], None]

# Text below this size (points on a 13.333 × 7.5 in slide) is past "about 10 pt": too small.
MIN_SLIDE_POINTS = 9.0
_SCALE = re.compile(rb'class="graph" transform="scale\(([0-9.]+)')


def _advise_size(view: View, fmt: str, notify: Notify) -> None:
    count = len(view.map.nodes)
    if fmt != "dot" and count > LARGE_MAP_NODES:
        notify(
            f"{count} nodes: Graphviz's layout may take minutes at this size;"
            " --focus ID --depth N draws a readable part quickly"
        )


def _check_slide(svg: bytes, options: ExportOptions, dpi: int | None, notify: Notify) -> None:
    match = _SCALE.search(svg)
    if match is None:
        return
    # An SVG drawn at a PNG's dpi is scaled by dpi/72 on top of the slide's scaling.
    smallest = SMALL_SIZE * float(match.group(1)) * 72 / (dpi or 72)
    if smallest < MIN_SLIDE_POINTS:
        notify(
            f"the smallest text on this {options.slide} slide is {smallest:.1f} pt;"
            " for text of 10 pt or more draw less: --depth N, --focus ID or --storyboard"
        )


def _draw(
    view: View,
    fmt: str,
    out: Path,
    options: ExportOptions,
    timeout: float,
    cancel: threading.Event | None,
    notify: Notify,
) -> Path:
    source = build_digraph(view, options, theme(options.theme)).source
    if fmt == "dot":
        return write_atomic(out, source.encode("utf-8"))
    dpi = options.png_dpi if fmt == "png" else None
    if options.slide is None or fmt == "svg":
        run_dot(source, [(fmt, out)], dpi=dpi, timeout=timeout, cancel=cancel)
        if options.slide is not None:
            _check_slide(out.read_bytes(), options, None, notify)
        return out
    # One layout, two outputs: the SVG says how far the slide scaled the drawing down.
    probe = out.with_name(f".{out.name}.probe.svg")
    try:
        run_dot(source, [(fmt, out), ("svg", probe)], dpi=dpi, timeout=timeout, cancel=cancel)
        _check_slide(probe.read_bytes(), options, dpi, notify)
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return out


def export_one(
    amap: Map,
    fmt: str,
    out: Path,
    options: ExportOptions,
    timeout: float,
    cancel: threading.Event | None,
    notify: Notify,
) -> Path:
    """Write one export; see `argmap.export.export_map`."""
    view = select(amap, options)
    for note in view.notes:
        notify(note)
    if fmt == "md":
        from argmap.export.outline import briefing

        return write_atomic(out, briefing(view).encode("utf-8"))
    _advise_size(view, fmt, notify)
    return _draw(view, fmt, out, options, timeout, cancel, notify)


def export_steps(
    amap: Map,
    fmt: str,
    out_dir: Path,
    stem: str,
    options: ExportOptions,
    timeout: float,
    cancel: threading.Event | None,
    notify: Notify,
) -> list[Path]:
    """Write a storyboard; see `argmap.export.export_storyboard`."""
    from argmap.errors import UsageError

    if fmt == "md":
        raise UsageError("--storyboard draws diagrams: use -f svg, png, pdf or dot")
    view = select(amap, options)
    for note in view.notes:
        notify(note)
    _advise_size(view, fmt, notify)
    written: list[Path] = []
    for number, step in enumerate(storyboard(view), start=1):
        out = out_dir / f"{stem}-step{number:02d}.{fmt}"
        written.append(_draw(step, fmt, out, options, timeout, cancel, quiet_after(notify, number)))
    return written


def quiet_after(notify: Notify, number: int) -> Notify:
    """Pass advice on for the first step only: every step has the same layout."""
    return notify if number == 1 else (lambda _message: None)
