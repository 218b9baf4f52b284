"""Hard invariants: references resolve, parents form no cycle, kinds carry their own fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import integrity, store
from argmap.errors import format_loc
from argmap.model import KIND_FIELDS, Kind, Map

DATA = Path(__file__).parent / "data"


def _map(nodes: dict[str, dict[str, object]], **extra: object) -> Map:
    return Map.model_validate({"title": "T", "nodes": nodes, **extra})


def _found(amap: Map) -> list[tuple[str, str]]:
    """(dotted path, message) of each problem, for compact assertions."""
    return [(format_loc(p.loc), p.message) for p in integrity.problems(amap)]


@pytest.mark.parametrize("name", ["small.yaml", "full.yaml"])
def test_valid_maps_have_no_problems(name: str) -> None:
    assert integrity.problems(store.load(DATA / name).map) == []


FIELD_VALUES: dict[str, object] = {
    "likelihood": "likely",
    "confidence": "high",
    "source": "s",
    "locator": "p. 1",
    "quote": "q",
    "credibility": 2,
    "target": "node",
    "linchpin": True,
    "status": "observed",
}
OWNERS = {
    "likelihood": "claims",
    "confidence": "claims",
    "source": "evidence",
    "locator": "evidence",
    "quote": "evidence",
    "credibility": "evidence",
    "target": "rebuttals",
    "linchpin": "assumptions",
    "status": "indicators",
}
MISPLACED = [
    (kind, field) for kind in Kind for field in FIELD_VALUES if field not in KIND_FIELDS[kind]
]


def test_every_kind_specific_field_is_covered() -> None:
    assert set(FIELD_VALUES) == set().union(*KIND_FIELDS.values())


@pytest.mark.parametrize(("kind", "field"), MISPLACED, ids=lambda v: str(v))
def test_a_field_on_the_wrong_kind_is_a_problem(kind: Kind, field: str) -> None:
    amap = _map(
        {"n": {"kind": kind.value, "text": "t", field: FIELD_VALUES[field]}},
        sources={"s": {"title": "S"}},
    )
    assert _found(amap) == [
        (f"nodes.n.{field}", f"only {OWNERS[field]} carry '{field}'; remove it or change the kind")
    ]


def test_fields_on_their_own_kind_and_defaults_are_fine() -> None:
    amap = _map(
        {
            "c": {"kind": "claim", "text": "t", "likelihood": "likely", "linchpin": False},
            "e": {"kind": "evidence", "parent": "c", "text": "t", "source": "s", "credibility": 1},
            "r": {"kind": "rebuttal", "parent": "c", "text": "t", "target": "node"},
            "a": {"kind": "assumption", "parent": "c", "text": "t", "linchpin": True},
            "i": {"kind": "indicator", "parent": "c", "text": "t", "status": "emerging"},
        },
        sources={"s": {"title": "S"}},
    )
    assert _found(amap) == []


def test_a_missing_parent_is_named_with_a_suggestion() -> None:
    amap = _map(
        {
            "bluf": {"kind": "claim", "text": "t"},
            "e": {"kind": "evidence", "parent": "bluff", "text": "t"},
            "f": {"kind": "evidence", "parent": "zzz", "text": "t"},
        }
    )
    assert _found(amap) == [
        ("nodes.e.parent", "no node 'bluff' (did you mean 'bluf'?)"),
        ("nodes.f.parent", "no node 'zzz'"),
    ]


def test_known_ids_are_not_reported_missing_again() -> None:
    amap = _map({"e": {"kind": "evidence", "parent": "broken", "text": "t"}})
    assert integrity.problems(amap, known_ids={"broken"}) == []


@pytest.mark.parametrize("parent_kind", ["evidence", "indicator"])
def test_claims_cannot_sit_under_evidence_or_indicators(parent_kind: str) -> None:
    amap = _map(
        {
            "p": {"kind": parent_kind, "text": "t"},
            "c": {"kind": "claim", "parent": "p", "text": "t"},
            "r": {"kind": "rebuttal", "parent": "p", "text": "a rebuttal may"},
        }
    )
    assert _found(amap) == [
        (
            "nodes.c.parent",
            f"'p' is {parent_kind}, which cannot hold a claim; attach the claim to a claim instead",
        )
    ]


def test_undercuts_need_a_parent_that_has_a_parent() -> None:
    amap = _map(
        {
            "root": {"kind": "claim", "text": "t"},
            "reason": {"kind": "claim", "parent": "root", "text": "t"},
            "ok": {"kind": "rebuttal", "parent": "reason", "target": "inference", "text": "t"},
            "on-root": {"kind": "rebuttal", "parent": "root", "target": "inference", "text": "t"},
            "loose": {"kind": "rebuttal", "target": "inference", "text": "t"},
        }
    )
    found = _found(amap)
    assert [path for path, _ in found] == ["nodes.on-root.target", "nodes.loose.target"]
    assert "'root' is a root, so there is no inference above it" in found[0][1]
    assert "give it a parent, or use target: node" in found[1][1]


def test_a_missing_source_is_named_with_a_suggestion() -> None:
    amap = _map(
        {"e": {"kind": "evidence", "text": "t", "source": "mitter-2024"}},
        sources={"mitter-2025": {"title": "S"}},
    )
    assert _found(amap) == [
        ("nodes.e.source", "no source 'mitter-2024' (did you mean 'mitter-2025'?)")
    ]


def test_each_cycle_is_reported_once() -> None:
    amap = _map(
        {
            "a": {"kind": "claim", "parent": "b", "text": "t"},
            "b": {"kind": "claim", "parent": "a", "text": "t"},
            "c": {"kind": "evidence", "parent": "a", "text": "hangs off the cycle"},
            "self": {"kind": "claim", "parent": "self", "text": "t"},
            "fine": {"kind": "claim", "text": "t"},
        }
    )
    assert _found(amap) == [
        ("nodes.a.parent", "parents form a cycle (a -> b -> a); give one of them another parent"),
        (
            "nodes.self.parent",
            "parents form a cycle (self -> self); give one of them another parent",
        ),
    ]


def test_a_child_listed_before_its_parent_is_no_cycle() -> None:
    # Nodes out of depth-first order take the full search rather than the quick pass.
    amap = _map(
        {
            "c": {"kind": "evidence", "parent": "b", "text": "t"},
            "b": {"kind": "claim", "parent": "a", "text": "t"},
            "a": {"kind": "claim", "text": "t"},
            "d": {"kind": "claim", "parent": "gone", "text": "t"},
        }
    )
    assert integrity.cycle_problems(amap) == []
    assert _found(amap) == [("nodes.d.parent", "no node 'gone'")]


def test_a_cycle_after_nodes_in_order_is_found() -> None:
    amap = _map(
        {
            "a": {"kind": "claim", "text": "t"},
            "b": {"kind": "claim", "parent": "a", "text": "t"},
            "x": {"kind": "claim", "parent": "y", "text": "t"},
            "y": {"kind": "claim", "parent": "x", "text": "t"},
        }
    )
    assert _found(amap) == [
        ("nodes.x.parent", "parents form a cycle (x -> y -> x); give one of them another parent")
    ]


def test_links_must_join_two_existing_different_nodes() -> None:
    amap = _map(
        {"a": {"kind": "claim", "text": "t"}, "b": {"kind": "claim", "text": "t"}},
        links=[
            {"from": "a", "to": "b"},
            {"from": "aa", "to": "b"},
            {"from": "a", "to": "a"},
        ],
    )
    assert _found(amap) == [
        ("links[1].from", "no node 'aa' (did you mean 'a'?)"),
        ("links[2]", "a link cannot join a node to itself"),
    ]


def test_analogy_ends_must_be_claims_of_the_right_era() -> None:
    nodes: dict[str, dict[str, object]] = {
        "then": {"kind": "claim", "era": "then", "text": "t"},
        "now": {"kind": "claim", "era": "now", "text": "t"},
        "ev": {"kind": "evidence", "parent": "now", "text": "t"},
        "no-era": {"kind": "claim", "text": "t"},
        "inherits": {"kind": "claim", "parent": "then", "text": "t"},
    }
    analogies = {
        "good": {"then": "inherits", "now": "now"},
        "swapped": {"then": "now", "now": "then"},
        "not-claim": {"then": "then", "now": "ev"},
        "missing": {"then": "thn", "now": "no-era"},
    }
    amap = _map(nodes, analogies=analogies)
    assert _found(amap) == [
        (
            "analogies.swapped.then",
            "'now' has now; the 'then' end of an analogy needs a claim with era: then",
        ),
        (
            "analogies.swapped.now",
            "'then' has then; the 'now' end of an analogy needs a claim with era: now",
        ),
        ("analogies.not-claim.now", "'ev' is evidence; an analogy joins two claims"),
        ("analogies.missing.then", "no node 'thn' (did you mean 'then'?)"),
        (
            "analogies.missing.now",
            "'no-era' has no era; the 'now' end of an analogy needs a claim with era: now",
        ),
    ]
    only = integrity.analogy_problems(amap, ["not-claim"], amap.nodes)
    assert [p.loc for p in only] == [("analogies", "not-claim", "now")]


def test_problems_come_in_file_order() -> None:
    amap = _map(
        {
            "z": {"kind": "evidence", "parent": "nope", "text": "t"},
            "a": {"kind": "claim", "text": "t", "status": "observed"},
        },
        links=[{"from": "a", "to": "gone"}],
    )
    assert [p.loc for p in integrity.problems(amap)] == [
        ("nodes", "z", "parent"),
        ("nodes", "a", "status"),
        ("links", 0, "to"),
    ]
