"""Helpers shared by the export tests: loading the golden map, reading DOT and SVG back."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, settings

from argmap import store
from argmap.model import Kind, Map, Node

GOLDEN = Path(__file__).parent / "golden"
SVG_NS = "{http://www.w3.org/2000/svg}"

# The property tests of the export code (ARGMAP_HYPOTHESIS_EXAMPLES raises the count).
EXAMPLES = int(os.environ.get("ARGMAP_HYPOTHESIS_EXAMPLES", "300"))
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_NODE = re.compile(r"^\s*([A-Za-z_][\w]*) \[(.*)\]$")
_EDGE = re.compile(r"^\s*(\w+) -> (\w+)(?: \[(.*)\])?$")
_TOOLTIP = re.compile(r"tooltip=\"?([A-Za-z0-9._-]+)\"?")


def golden_map() -> Map:
    """The map every golden DOT file is drawn from."""
    return store.load(GOLDEN / "export-map.yaml").map


def dot_nodes(source: str) -> dict[str, str]:
    """Node statements of DOT text: name -> attribute text."""
    out: dict[str, str] = {}
    for line in source.splitlines():
        match = _NODE.match(line)
        if match and match.group(1) not in ("graph", "node", "edge"):
            out[match.group(1)] = match.group(2)
    return out


def dot_edges(source: str) -> list[tuple[str, str, str]]:
    """Edge statements of DOT text: (tail, head, attribute text)."""
    out = []
    for line in source.splitlines():
        match = _EDGE.match(line)
        if match:
            out.append((match.group(1), match.group(2), match.group(3) or ""))
    return out


def ids_by_map_id(source: str) -> dict[str, str]:
    """Map id -> synthetic DOT id, read from the tooltips."""
    out: dict[str, str] = {}
    for name, attrs in dot_nodes(source).items():
        match = _TOOLTIP.search(attrs)
        if match and name.startswith("n"):
            out[match.group(1)] = name
    return out


def one_node_map(text: str) -> Map:
    """A map with one claim whose text is `text`."""
    return Map(title="t", nodes={"a": Node(kind=Kind.CLAIM, text=text)})


def svg_node_texts(svg: bytes, title: str) -> list[str]:
    """The text lines drawn inside the SVG node group titled `title`."""
    root = ET.fromstring(svg)
    for group in root.iter(f"{SVG_NS}g"):
        heading = group.find(f"{SVG_NS}title")
        if group.get("class") == "node" and heading is not None and heading.text == title:
            return [el.text or "" for el in group.iter(f"{SVG_NS}text")]
    raise AssertionError(f"no node {title} in the SVG")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
