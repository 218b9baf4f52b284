"""Rendering with Graphviz: escaping proven through `dot`, storyboards, slides, timeouts."""

from __future__ import annotations

import os
import stat
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import GraphvizMissingError, RenderError
from argmap.export import ExportOptions, dot_source, export_map, export_storyboard
from argmap.export.render import run_dot
from argmap.export.style import WRAP
from argmap.export.text import clean, wrap
from argmap.export.views import node_steps, select
from tests.export_helpers import (
    SVG_NS,
    golden_map,
    ids_by_map_id,
    one_node_map,
    png_size,
    svg_node_texts,
)

NASTY = [
    "Quotes \"x\" and 'y'",
    "C:\\new\\table",
    "ends with a backslash \\",
    "<b>not bold</b> <unknown> & &amp; &#x41;",
    "{braces} [brackets] |pipes| \\n \\l \\N",
    "Москва — 中苏友好同盟互助条约",
    "line one\nline two\n\nafter a blank",
]

# Any text a person could type: everything but lone surrogates, plus the usual suspects.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("\"'\\<>&{}[]|\n\t ")),
    ),
    min_size=1,
    max_size=120,
).filter(lambda t: "".join(t.split()) != "")


def test_clean_drops_only_control_characters() -> None:
    assert clean("a\x00b\x07c\x1bd\x7fe\x85f\ufffeg") == "abcdefg"
    assert clean("tab\tnew\nline 中 \U00018d09 \u200b") == "tab\tnew\nline 中 \U00018d09 \u200b"


def _svg_of(text: str, tmp_path: Path) -> bytes:
    out = tmp_path / "one.svg"
    run_dot(dot_source(one_node_map(text)), [("svg", out)], timeout=60)
    return out.read_bytes()


def _check_renders_as_typed(text: str, svg: bytes) -> None:
    drawn = svg_node_texts(svg, "n0")
    assert drawn[0] == "CLAIM"
    lines = [line.replace("\xa0", " ") for line in drawn[1:]]
    expected = [line for line in wrap(text, WRAP) if line]
    assert [line.strip() for line in lines if line.strip()] == expected
    # Nothing lost or added: the same characters, whatever the line breaks (control
    # characters, which have no glyph and are not allowed in SVG, are dropped).
    typed = "".join(clean(text).split())
    assert "".join("".join(lines).split()) == typed


@pytest.mark.dot
@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_renders_as_typed(text: str, tmp_path: Path) -> None:
    _check_renders_as_typed(text, _svg_of(text, tmp_path))


@pytest.mark.dot
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT)
def test_any_text_renders_as_typed(text: str, tmp_path: Path) -> None:
    _check_renders_as_typed(text, _svg_of(text, tmp_path))


def _node_boxes(svg: bytes) -> dict[str, str]:
    """Node title -> the points of its outline, for the nodes the SVG draws."""
    root = ET.fromstring(svg)
    out: dict[str, str] = {}
    for group in root.iter(f"{SVG_NS}g"):
        title = group.find(f"{SVG_NS}title")
        # Shapes sit inside an <a> when the node has a tooltip.
        shapes = [*group.iter(f"{SVG_NS}path"), *group.iter(f"{SVG_NS}polygon")]
        shape = shapes[0] if shapes else None
        if group.get("class") == "node" and title is not None and shape is not None:
            out[title.text or ""] = shape.get("d") or shape.get("points") or ""
    return out


@pytest.mark.dot
def test_storyboard_reveals_in_order_and_keeps_places(tmp_path: Path) -> None:
    amap = golden_map()
    paths = export_storyboard(amap, "svg", tmp_path, "golden", timeout=60)
    assert [p.name for p in paths] == [f"golden-step0{i}.svg" for i in range(1, 5)]
    boxes = [_node_boxes(p.read_bytes()) for p in paths]
    source = dot_source(amap)
    ids = {dot_id: map_id for map_id, dot_id in ids_by_map_id(source).items()}
    shown = [{ids.get(n, n) for n in b} for b in boxes]
    assert {"bluf"} <= shown[0] and "factor" not in shown[0]
    assert {"factor", "judgment"} <= shown[1] and "ev-paper" not in shown[1]
    assert {"ev-paper", "linchpin", "signpost"} <= shown[2] and "objection" not in shown[2]
    assert {"objection", "answer", "uc-timing"} <= shown[3]
    for earlier in boxes[:-1]:
        assert set(earlier) < set(boxes[-1])
        for title, outline in earlier.items():
            assert boxes[-1][title] == outline, f"{title} moved between steps"
    steps = node_steps(select(amap, ExportOptions()))
    assert steps["bluf"] == 1 and steps["answer"] == 4


@pytest.mark.dot
def test_slide_png_is_16_by_9(tmp_path: Path) -> None:
    out = export_map(golden_map(), "png", tmp_path / "s.png", ExportOptions(slide="16:9"))
    width, height = png_size(out.read_bytes())
    assert height <= 1080 and width <= 1920
    assert abs(width / height - 16 / 9) < 0.04
    notes: list[str] = []
    export_map(golden_map(), "png", tmp_path / "d.png", ExportOptions(dpi=50), notify=notes.append)
    assert png_size((tmp_path / "d.png").read_bytes())[0] < width


@pytest.mark.dot
def test_pdf_and_svg_render_unicode(tmp_path: Path) -> None:
    pdf = export_map(golden_map(), "pdf", tmp_path / "m.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    svg = export_map(golden_map(), "svg", tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "中苏友好同盟互助条约" in svg and "Москва" in svg
    assert "Noto Sans" in svg


def _fake_dot(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "dot"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def test_missing_dot_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissingError, match="apt-get install graphviz"):
        export_map(golden_map(), "svg", tmp_path / "x.svg")
    # DOT and Markdown need no Graphviz.
    assert export_map(golden_map(), "dot", tmp_path / "x.dot").read_text().startswith("digraph")
    assert export_map(golden_map(), "md", tmp_path / "x.md").read_text().startswith("# ")


def test_timeout_stops_dot_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", f"{_fake_dot(tmp_path, 'sleep 30')}{os.pathsep}/usr/bin:/bin")
    out = tmp_path / "x.svg"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RenderError, match=r"longer than 0\.3 s"):
        export_map(golden_map(), "svg", out, timeout=0.3)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "x.svg"]


def test_cancel_stops_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", f"{_fake_dot(tmp_path, 'sleep 30')}{os.pathsep}/usr/bin:/bin")
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(RenderError, match="cancelled"):
        export_map(golden_map(), "png", tmp_path / "x.png", timeout=30, cancel=cancel)
    assert not (tmp_path / "x.png").exists()


def test_dot_failure_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "echo 'Error: <stdin>: syntax error in line 3' >&2; exit 1"
    monkeypatch.setenv("PATH", f"{_fake_dot(tmp_path, body)}{os.pathsep}/usr/bin:/bin")
    with pytest.raises(RenderError, match=r"^Graphviz failed: Error: <stdin>: syntax error"):
        export_map(golden_map(), "pdf", tmp_path / "x.pdf")
