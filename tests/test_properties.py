"""Property tests: any valid map survives save -> load unchanged, and saving is a fixed point."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import integrity, store
from argmap.model import KIND_FIELDS, Kind, Map

# CI runs on two shared cores: keep the example counts moderate (raise them locally
# with ARGMAP_HYPOTHESIS_EXAMPLES=1000 when hunting a bug).
EXAMPLES = int(os.environ.get("ARGMAP_HYPOTHESIS_EXAMPLES", "60"))
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words YAML 1.1 would read as something other than text, and other troublemakers.
YAML_SPECIAL = [
    "yes", "no", "on", "off", "true", "False", "null", "~", "0123", "1.10", "1e3",
    "0x1F", ".inf", "-.nan", "2025-12-01", "<<", "=", "-", "?", ":", "|", ">", "#",
    "&a", "*a", "!x", "%x", "@x", "`x", "'", '"', "- a", "a: b", "a #b", "[a]", "{a}",
    " lead", "trail ", "a\nb", "a\n", "\na", "a\n\n", "a\r\nb", "\\", "C:\\new",
    "\t", "\u2028", "\x85", "\ufeff", "\x00", "😀", "中苏", "Москва",
]  # fmt: skip

ID = st.one_of(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,12}", fullmatch=True),
    st.sampled_from(["yes", "no", "on", "true", "null", "0123", "1.10", "1e3", "0x1F", "1_0"]),
)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
TEXT = st.one_of(
    st.sampled_from(YAML_SPECIAL),
    ANY_TEXT,
    st.lists(st.sampled_from(YAML_SPECIAL), min_size=1, max_size=4).map(" ".join),
).filter(lambda s: re.search(r"\S", s) is not None)
OPTIONAL_TEXT = st.none() | ANY_TEXT | st.sampled_from(YAML_SPECIAL)
TAG = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
    st.sampled_from(["yes", "0123", "null", "1.10", "bottom-line", "seed", "analyst"]),
)
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, width=64),
    ANY_TEXT,
    st.sampled_from(YAML_SPECIAL),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
CUSTOM_VALUE = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
EXTENSIONS = st.dictionaries(
    st.from_regex(r"x-[a-z0-9-]{1,8}", fullmatch=True), CUSTOM_VALUE, max_size=2
)

KIND_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "likelihood": st.sampled_from(
        [
            *("almost-no-chance", "very-unlikely", "unlikely", "roughly-even"),
            *("likely", "very-likely", "almost-certain"),
        ]
    ),
    "confidence": st.sampled_from(["low", "moderate", "high"]),
    "locator": TEXT,
    "quote": TEXT,
    "credibility": st.integers(1, 6),
    "status": st.sampled_from(["not-observed", "emerging", "observed"]),
}


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(strategy) if draw(st.booleans()) else None


@st.composite
def sources(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """A few sources with any of their fields."""
    out: dict[str, dict[str, Any]] = {}
    for source_id in draw(st.lists(ID, max_size=3, unique=True)):
        out[source_id] = {
            "title": draw(TEXT),
            "author": draw(OPTIONAL_TEXT),
            "publisher": draw(OPTIONAL_TEXT),
            "date": _maybe(draw, st.sampled_from(["2025", "2025-12", "1950-02-14"])),
            "url": _maybe(draw, st.just("https://example.org/a?b=c#d")),
            "reliability": _maybe(draw, st.sampled_from("ABCDEF")),
            "note": draw(OPTIONAL_TEXT),
            "extensions": draw(EXTENSIONS),
        }
    return out


def _parent_choices(nodes: dict[str, dict[str, Any]], kind: str) -> list[str | None]:
    """Existing nodes that may hold a new node of `kind` (None: a root)."""
    if kind == "claim":
        return [None, *(n for n, v in nodes.items() if v["kind"] not in ("evidence", "indicator"))]
    return [None, *nodes]


@st.composite
def node_trees(draw: st.DrawFn, source_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Nodes of mixed kinds; each node's parent is drawn among earlier ones (no cycles)."""
    nodes: dict[str, dict[str, Any]] = {}
    ids = draw(st.lists(ID, max_size=14, unique=True))
    # Most maps open with a claim in each lane, so that analogies have ends to join.
    lanes = ["then", "now"] if len(ids) >= 2 and draw(st.integers(0, 3)) else []
    for i, node_id in enumerate(ids):
        kind = "claim" if i < len(lanes) else draw(st.sampled_from([k.value for k in Kind]))
        parent = None if i < len(lanes) else draw(st.sampled_from(_parent_choices(nodes, kind)))
        node: dict[str, Any] = {"kind": kind, "parent": parent, "text": draw(TEXT)}
        node["era"] = lanes[i] if i < len(lanes) else draw(st.sampled_from([None, "then", "now"]))
        for field in sorted(KIND_FIELDS[Kind(kind)]):
            if field == "source":
                node["source"] = draw(st.sampled_from([None, *source_ids]))
            elif field == "target":
                has_grandparent = parent is not None and nodes[parent]["parent"] is not None
                targets = [None, "node", "inference"] if has_grandparent else [None, "node"]
                node["target"] = draw(st.sampled_from(targets))
            elif field == "linchpin":
                node["linchpin"] = draw(st.booleans())
            else:
                node[field] = _maybe(draw, KIND_VALUES[field])
        node["tags"] = draw(st.lists(TAG, max_size=3))
        node["note"] = draw(OPTIONAL_TEXT)
        node["author"] = draw(OPTIONAL_TEXT)
        node["updated"] = _maybe(draw, st.dates(dt.date(1949, 1, 1), dt.date(2100, 1, 1)))
        node["extensions"] = draw(EXTENSIONS)
        nodes[node_id] = node
    return nodes


def _era_of(nodes: dict[str, dict[str, Any]], node_id: str | None) -> str | None:
    while node_id is not None:
        if nodes[node_id]["era"] is not None:
            return str(nodes[node_id]["era"])
        node_id = nodes[node_id]["parent"]
    return None


@st.composite
def maps(draw: st.DrawFn) -> Map:
    """A valid map: sources, a tree of mixed kinds, links, analogies from then to now."""
    srcs = draw(sources())
    nodes = draw(node_trees(list(srcs)))
    ids = list(nodes)
    links = []
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            links.append(
                {
                    "from": a,
                    "to": b,
                    "relation": draw(st.sampled_from(["supports", "rebuts"])),
                    "note": draw(OPTIONAL_TEXT),
                    "extensions": draw(EXTENSIONS),
                }
            )
    claims = {n: _era_of(nodes, n) for n, v in nodes.items() if v["kind"] == "claim"}
    thens = [n for n, era in claims.items() if era == "then"]
    nows = [n for n, era in claims.items() if era == "now"]
    analogies = {}
    if thens and nows:
        for analogy_id in draw(st.lists(ID, min_size=1, max_size=3, unique=True)):
            likeness = st.fixed_dictionaries(
                {"text": TEXT},
                optional={
                    "basis": st.sampled_from(["structural", "surface"]),
                    "extensions": EXTENSIONS,
                },
            )
            difference = st.fixed_dictionaries(
                {"text": TEXT},
                optional={
                    "weight": st.sampled_from(["low", "medium", "high"]),
                    "extensions": EXTENSIONS,
                },
            )
            state = st.sampled_from(["open", "answered", "not-applicable"])
            analogies[analogy_id] = {
                "then": draw(st.sampled_from(thens)),
                "now": draw(st.sampled_from(nows)),
                "bears": draw(st.sampled_from(["supports", "opposes"])),
                "likenesses": draw(st.lists(likeness, max_size=3)),
                "differences": draw(st.lists(difference, max_size=3)),
                "questions": draw(
                    st.fixed_dictionaries(
                        {},
                        optional={
                            "differences": state,
                            "base-case": state,
                            "counter-case": state,
                            "relevance": state,
                        },
                    )
                ),
                "tags": draw(st.lists(TAG, max_size=2)),
                "note": draw(OPTIONAL_TEXT),
                "extensions": draw(EXTENSIONS),
            }
    lint = {
        "ignore": draw(st.lists(st.from_regex(r"ARG[0-9]{3}", fullmatch=True), max_size=2)),
        "severity": draw(
            st.dictionaries(
                st.from_regex(r"ARG[0-9]{3}", fullmatch=True),
                st.sampled_from(["error", "warning", "info"]),
                max_size=2,
            )
        ),
    }
    amap = Map.model_validate(
        {
            "title": draw(TEXT),
            "question": draw(OPTIONAL_TEXT),
            "eras": {"then": draw(TEXT), "now": draw(TEXT)},
            "sources": srcs,
            "nodes": nodes,
            "links": links,
            "analogies": analogies,
            "lint": lint,
            "extensions": draw(EXTENSIONS),
        }
    )
    assert integrity.problems(amap) == [], "the strategy built an invalid map"
    return amap


@PROFILE
@given(maps())
def test_any_valid_map_survives_save_and_load(amap: Map) -> None:
    text = store.dumps(amap)
    again = store.loads(text)
    assert again == amap
    assert list(again.walk()) == list(amap.walk())  # sibling order too
    assert store.dumps(again) == text  # saving is a fixed point


@PROFILE
@given(maps())
def test_saved_maps_are_plain_block_yaml(amap: Map) -> None:
    text = store.dumps(amap)
    lines = text.splitlines()
    assert all(line == line.rstrip(" ") for line in lines)  # no trailing spaces
    assert not any(line.startswith("\t") for line in lines)
    assert not re.search(r"(^|\s)[&*]id\d+", text)  # no anchors or aliases
    assert text.endswith("\n")


@settings(PROFILE, max_examples=EXAMPLES * 3)
@given(TEXT)
def test_any_node_text_survives_save_and_load(text: str) -> None:
    amap = Map.model_validate(
        {"title": text, "nodes": {"c": {"kind": "claim", "text": text, "note": text}}}
    )
    again = store.loads(store.dumps(amap))
    assert again.title == text
    assert again.nodes["c"].text == text
    assert again.nodes["c"].note == text
