"""Edits carry the children index over, and their fast paths agree with the plain ones.

`argmap.ops` derives each new map's `child_lists` from the old map's instead of
building it again, lays out reordered node dicts in C, and finds free ids without a
scan. Each of these must give exactly what the slow way gives: here, after random
sequences of every kind of edit.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from argmap import ops, store
from argmap.errors import EditError
from argmap.model import Analogy, Era, Kind, Map, Node, Source

DATA = Path(__file__).parent / "data"
EXAMPLES = int(os.environ.get("ARGMAP_HYPOTHESIS_EXAMPLES", "60"))
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FULL = store.load(DATA / "full.yaml").map


def fresh_lists(amap: Map) -> dict[str | None, tuple[str, ...]]:
    """The children index built from scratch (a new nodes dict has no cached one)."""
    return dict(amap.model_copy(update={"nodes": dict(amap.nodes)}).child_lists())


# ---- the slow ways, as the edits were first written ------------------------------------


def slow_move_order(amap: Map, node_id: str, delta: int) -> list[str]:
    siblings = list(amap.children(amap.nodes[node_id].parent))
    old = siblings.index(node_id)
    new = max(0, min(len(siblings) - 1, old + delta))
    siblings.insert(new, siblings.pop(old))
    order = iter(siblings)
    return [next(order) if key in set(siblings) else key for key in amap.nodes]


def slow_add_order(amap: Map, node_id: str, before: str | None) -> list[str]:
    if before is None:
        return [*amap.nodes, node_id]
    out: list[str] = []
    for key in amap.nodes:
        if key == before:
            out.append(node_id)
        out.append(key)
    return out


def slow_free_id(taken: list[str], prefix: str) -> str:
    pattern = re.compile(rf"{re.escape(prefix)}-([0-9]{{1,3}})")
    numbers = [int(m.group(1)) for t in taken if (m := pattern.fullmatch(t))]
    n = max(numbers, default=0) + 1
    while f"{prefix}-{n}" in taken:
        n += 1
    return f"{prefix}-{n}"


# ---- random edits ------------------------------------------------------------------------

KINDS = [Kind.CLAIM, Kind.EVIDENCE, Kind.REBUTTAL, Kind.ASSUMPTION, Kind.INDICATOR]


def _edit(amap: Map, data: st.DataObject) -> tuple[str, Map, list[str] | None]:
    """One random edit of `amap`: (its name, the new map, the node order expected or None)."""
    ids = list(amap.nodes)

    def pick() -> str:
        if not ids:
            raise EditError("an empty map")  # every edit but a new root needs a node
        return data.draw(st.sampled_from(ids))

    def maybe() -> str | None:
        return data.draw(st.none() | st.sampled_from(ids)) if ids else None

    name = data.draw(
        st.sampled_from(
            [
                "add",
                "add-before",
                "replace",
                "update-parent",
                "delete",
                "move",
                "reparent",
                "uncite",
                "put-source",
                "put-analogy",
                "delete-analogy",
            ]
        )
    )
    if name in ("add", "add-before"):
        kind = data.draw(st.sampled_from(KINDS))
        parent = maybe() if kind is Kind.CLAIM else pick()
        before = None
        if name == "add-before":
            before = data.draw(st.sampled_from([None, *amap.children(parent)]))
        fields: dict[str, Any] = {"kind": kind, "text": "new", "parent": parent}
        if kind is Kind.CLAIM and parent is None:
            fields["era"] = data.draw(st.sampled_from(["then", "now"]))
        node_id = ops.new_node_id(amap, kind)
        new = ops.add_node(amap, node_id, Node.model_validate(fields), before=before)
        return name, new, slow_add_order(amap, node_id, before)
    if name == "replace":
        node_id = pick()
        node = amap.nodes[node_id].model_copy(update={"text": "changed", "tags": ("t",)})
        return name, ops.replace_node(amap, node_id, node), list(amap.nodes)
    if name == "update-parent":
        node_id = pick()
        return name, ops.update_node(amap, node_id, parent=maybe()), None
    if name == "delete":
        node_id = pick()
        gone = set(amap.subtree(node_id))
        return name, ops.delete_subtree(amap, node_id), [k for k in amap.nodes if k not in gone]
    if name == "move":
        node_id, delta = pick(), data.draw(st.integers(-3, 3))
        return name, ops.move_sibling(amap, node_id, delta), slow_move_order(amap, node_id, delta)
    if name == "reparent":
        node_id, parent = pick(), maybe()
        order = [k for k in amap.nodes if k != node_id] + [node_id]
        return name, ops.reparent(amap, node_id, parent), order
    if name == "uncite":
        cited = sorted({n.source for n in amap.nodes.values() if n.source} & set(amap.sources))
        if not cited:
            raise EditError("nothing cited")
        source_id = data.draw(st.sampled_from(cited))
        return name, ops.delete_source(amap, source_id, force=True), list(amap.nodes)
    if name == "put-source":
        new = ops.put_source(
            amap, data.draw(st.sampled_from(["s-1", "ilm-1972"])), Source(title="T")
        )
        return name, new, list(amap.nodes)
    if name == "put-analogy":
        then_id, now_id = pick(), pick()
        return name, ops.put_analogy(amap, "an-x", Analogy(then=then_id, now=now_id)), None
    if not amap.analogies:
        raise EditError("no analogies")
    analogy_id = data.draw(st.sampled_from(sorted(amap.analogies)))
    return name, ops.delete_analogy(amap, analogy_id), list(amap.nodes)


@PROFILE
@given(st.data())
def test_every_edit_carries_a_children_index_equal_to_a_fresh_one(data: st.DataObject) -> None:
    amap = FULL
    for _ in range(data.draw(st.integers(1, 25))):
        amap.child_lists()  # the editor always has it built before an edit
        before = fresh_lists(amap)
        try:
            name, new, order = _edit(amap, data)
        except EditError:
            continue
        event(name)  # --hypothesis-show-statistics: how often each edit went through
        carried = new.built_child_lists()
        if new is not amap:
            # Every edit hands its index on: nothing is built again after it.
            assert carried is not None, name
        assert carried is None or dict(carried) == fresh_lists(new), name
        if order is not None:
            assert list(new.nodes) == order, name
        # Deriving the new index left the old map's alone.
        assert dict(amap.child_lists()) == before, name
        amap = new
    assert store.loads(store.dumps(amap)) == amap  # still a map that saves and loads


EDITS: dict[str, Callable[[Map], Map]] = {
    "add last": lambda m: ops.add_node(m, "c-new", Node(kind=Kind.CLAIM, text="x", parent="bluf")),
    "add before": lambda m: ops.add_node(
        m, "c-new", Node(kind=Kind.CLAIM, text="x", parent="bluf"), before="un-exclusion"
    ),
    "add root": lambda m: ops.add_node(m, "c-new", Node(kind=Kind.CLAIM, text="x", era=Era.NOW)),
    "replace": lambda m: ops.update_node(m, "un-exclusion", text="changed"),
    "update parent": lambda m: ops.update_node(m, "rb-counter", parent="un-exclusion"),
    "delete": lambda m: ops.delete_subtree(m, "rb-soviet-support"),
    "delete leaf": lambda m: ops.delete_subtree(m, "rb-counter"),
    "move down": lambda m: ops.move_sibling(m, "ev-ilm-1972", 1),
    "move to first": lambda m: ops.move_sibling(m, "rb-soviet-support", -5),
    "reparent": lambda m: ops.reparent(m, "rb-counter", "un-exclusion"),
    "reparent to same parent": lambda m: ops.reparent(m, "ev-ilm-1972", "un-exclusion"),
    "uncite": lambda m: ops.delete_source(m, "ilm-1972", force=True),
    "put source": lambda m: ops.put_source(m, "s-new", Source(title="T")),
}


@pytest.mark.parametrize("name", EDITS)
def test_each_kind_of_edit_carries_the_index(name: str) -> None:
    amap = store.loads(store.dumps(FULL))
    before = fresh_lists(amap)
    amap.child_lists()
    new = EDITS[name](amap)
    assert new is not amap
    carried = new.built_child_lists()
    assert carried is not None
    assert dict(carried) == fresh_lists(new)
    assert dict(amap.child_lists()) == before
    if name != "put source":
        assert dict(carried) != before or name in ("replace", "uncite")


@pytest.mark.parametrize("name", EDITS)
def test_an_edit_of_a_map_without_an_index_gives_a_true_one(name: str) -> None:
    amap = store.loads(store.dumps(FULL))
    assert amap.built_child_lists() is None
    new = EDITS[name](amap)
    assert dict(new.child_lists()) == fresh_lists(new)


@PROFILE
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"(ev|c|rb)-[0-9]{1,5}", fullmatch=True),
            st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,8}", fullmatch=True),
        ),
        max_size=30,
    ),
    st.sampled_from(["ev", "c", "rb", "x.y", "a-b"]),
)
def test_free_id_equals_the_scan_of_every_id(taken: list[str], prefix: str) -> None:
    expected = slow_free_id(taken, prefix)
    assert ops.free_id(taken, prefix) == expected
    assert ops.free_id(dict.fromkeys(taken), prefix) == expected
    assert ops.free_id(set(taken), prefix) == expected


def test_free_id_counts_numbers_spelled_with_leading_zeros() -> None:
    assert ops.free_id(["ev-007"], "ev") == "ev-8"
    assert ops.free_id(["ev-099", "ev-0999"], "ev") == "ev-100"
    assert ops.free_id(["ev-000"], "ev") == "ev-1"
