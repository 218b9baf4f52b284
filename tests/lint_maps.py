"""A small map that passes every lint rule, and helpers to bend it into one that does not."""

from __future__ import annotations

import copy
from typing import Any

from argmap.lint import Finding, lint_map
from argmap.model import Map
from argmap.store.validate import build_map

Data = dict[str, Any]

CLEAN: Data = {
    "argmap": 1,
    "title": "China–Russia alignment",
    "eras": {"then": "Early Cold War, 1949–1969", "now": "2020s"},
    "sources": {
        "s1": {"title": "Trade statistics", "reliability": "B"},
        "s2": {"title": "Customs data", "reliability": "A"},
    },
    "nodes": {
        "bluf": {
            "kind": "claim",
            "era": "now",
            "text": "A warmer US posture is unlikely to detach Moscow from Beijing.",
            "likelihood": "unlikely",
            "confidence": "moderate",
            "tags": ["bottom-line"],
        },
        "ev-a": {
            "kind": "evidence",
            "parent": "bluf",
            "text": "Russia's trade with China reached a record in 2023.",
            "source": "s1",
            "locator": "table 3",
            "credibility": 2,
        },
        "ev-b": {
            "kind": "evidence",
            "parent": "bluf",
            "text": "China bought most of Russia's seaborne crude in 2024.",
            "source": "s2",
            "locator": "p. 12",
            "credibility": 2,
        },
        "as-l": {
            "kind": "assumption",
            "parent": "bluf",
            "text": "Both leaderships keep the partnership a priority.",
            "linchpin": True,
        },
        "in-l": {
            "kind": "indicator",
            "parent": "as-l",
            "text": "A leadership succession in Moscow or Beijing.",
            "status": "not-observed",
        },
        "f-then": {
            "kind": "claim",
            "era": "then",
            "parent": "bluf",
            "text": "In 1960 Moscow withdrew its advisers from China.",
        },
        "ev-then": {
            "kind": "evidence",
            "parent": "f-then",
            "text": "The advisers left in July and August 1960.",
            "source": "s1",
            "locator": "ch. 4",
            "credibility": 2,
        },
        "rb": {
            "kind": "rebuttal",
            "parent": "bluf",
            "text": "Sanctions relief would restore Western buyers.",
        },
        "crb": {
            "kind": "rebuttal",
            "parent": "rb",
            "text": "European buyers have not returned where sanctions were eased.",
        },
    },
    "analogies": {
        "an": {
            "then": "f-then",
            "now": "bluf",
            "bears": "supports",
            "likenesses": [
                {"text": "The junior partner depends on the senior.", "basis": "structural"}
            ],
            "differences": [{"text": "The roles are reversed.", "weight": "medium"}],
            "questions": {
                "differences": "answered",
                "base-case": "answered",
                "counter-case": "answered",
                "relevance": "answered",
            },
        }
    },
}


def data() -> Data:
    """A fresh deep copy of the clean map's data, to bend."""
    return copy.deepcopy(CLEAN)


def build(raw: Data) -> Map:
    """Validate `raw` as the loader would; fail loudly if the test map is invalid."""
    amap, problems = build_map(raw)
    assert amap is not None, [str(p) for p in problems]
    return amap


def findings(raw: Data, code: str | None = None) -> list[Finding]:
    """Lint the map built from `raw`; only findings of `code` when given."""
    found = lint_map(build(raw))
    return [f for f in found if code is None or f.code == code]


def add(raw: Data, node_id: str, **fields: Any) -> Data:
    """Add (or replace) a node; returns `raw` for chaining."""
    raw["nodes"][node_id] = fields
    return raw


def node(raw: Data, node_id: str) -> dict[str, Any]:
    """The node's field dict, to edit in place."""
    result: dict[str, Any] = raw["nodes"][node_id]
    return result
