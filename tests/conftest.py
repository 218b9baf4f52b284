"""Shared fixtures; tests marked `dot` skip without Graphviz unless ARGMAP_REQUIRE_DOT=1."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap import store
from argmap.model import Map

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # In CI (ARGMAP_REQUIRE_DOT=1) a missing `dot` must fail the run, not hide in skips.
    if shutil.which("dot") or os.environ.get("ARGMAP_REQUIRE_DOT") == "1":
        return
    skip = pytest.mark.skip(reason="Graphviz's dot is not installed (apt-get install graphviz)")
    for item in items:
        if "dot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def small_map_path() -> Path:
    """A small canonical map: a BLUF, a then-claim with evidence, rebuttal, undercut, analogy."""
    return DATA / "small.yaml"


@pytest.fixture
def small_map(small_map_path: Path) -> Map:
    """The small map, loaded."""
    return store.load(small_map_path).map
