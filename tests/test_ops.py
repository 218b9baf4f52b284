"""Pure edits: each returns a new map with exactly the change asked for, or refuses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.errors import EditError
from argmap.model import Analogy, Eras, Kind, Link, Map, Node, Source

DATA = Path(__file__).parent / "data"


@pytest.fixture
def full() -> Map:
    """A map using every kind and field (tests/data/full.yaml)."""
    return store.load(DATA / "full.yaml").map


@contextmanager
def unchanged(amap: Map) -> Iterator[None]:
    """Assert that `amap` is exactly as it was, order included, after the block."""
    text = store.dumps(amap)
    order = list(amap.nodes)
    yield
    assert store.dumps(amap) == text
    assert list(amap.nodes) == order


def _claim(text: str, parent: str | None = None, **fields: object) -> Node:
    return Node.model_validate({"kind": "claim", "text": text, "parent": parent, **fields})


# ---- new maps and ids ---------------------------------------------------------------


def test_new_map_is_valid_and_empty() -> None:
    amap = ops.new_map("Title", "Question?", Eras(then="1950s", now="2020s"))
    assert (amap.title, amap.question, amap.eras.then, amap.eras.now) == (
        "Title",
        "Question?",
        "1950s",
        "2020s",
    )
    assert amap.nodes == {} and amap.sources == {} and amap.analogies == {}
    assert store.loads(store.dumps(amap)) == amap


def test_free_id_takes_the_next_number_after_the_highest() -> None:
    assert ops.free_id([], "c") == "c-1"
    assert ops.free_id(["c-1", "c-7", "ev-9", "c-x", "cc-20"], "c") == "c-8"
    assert ops.free_id(["ev-3"], "ev") == "ev-4"


def test_free_id_does_not_count_ids_named_after_years() -> None:
    assert ops.free_id(["ev-1963", "ev-2"], "ev") == "ev-3"
    assert ops.free_id(["ev-1963"], "ev") == "ev-1"


def test_new_node_id_uses_the_kind_prefix(full: Map) -> None:
    assert ops.new_node_id(full, Kind.CLAIM) == "c-1"
    amap = ops.add_node(full, "ev-4", Node(kind=Kind.EVIDENCE, parent="bluf", text="e"))
    assert ops.new_node_id(amap, Kind.EVIDENCE) == "ev-5"
    assert ops.new_node_id(amap, Kind.INDICATOR) == "in-1"


# ---- add ---------------------------------------------------------------------------


def test_add_node_appends_a_last_child(full: Map) -> None:
    with unchanged(full):
        amap = ops.add_node(full, "c-new", _claim("New reason.", "bluf"))
    assert amap.children("bluf") == ("un-exclusion", "as-rational", "in-arms", "c-new")
    assert amap.nodes["c-new"].text == "New reason."
    assert "c-new" not in full.nodes


def test_add_node_before_a_sibling(full: Map) -> None:
    with unchanged(full):
        amap = ops.add_node(full, "c-new", _claim("First.", "bluf"), before="as-rational")
    assert amap.children("bluf") == ("un-exclusion", "c-new", "as-rational", "in-arms")
    root = ops.add_node(full, "c-root", _claim("A root.", era="now"), before="bluf")
    assert root.roots() == ("c-root", "bluf", "nixon-opening")


def test_add_node_refusals(full: Map) -> None:
    with unchanged(full):
        with pytest.raises(EditError, match="a node 'bluf' already exists"):
            ops.add_node(full, "bluf", _claim("dup"))
        with pytest.raises(EditError, match="no node 'nope'"):
            ops.add_node(full, "c-1", _claim("orphan", "nope"))
        with pytest.raises(EditError, match="no node 'nope'"):
            ops.add_node(full, "c-1", _claim("x", "bluf"), before="nope")
        with pytest.raises(EditError, match="'nixon-opening' is not a sibling"):
            ops.add_node(full, "c-1", _claim("x", "bluf"), before="nixon-opening")
        with pytest.raises(EditError, match="'bad id' is not a valid node id"):
            ops.add_node(full, "bad id", _claim("x"))
        with pytest.raises(EditError, match="'ev-ilm-1972' is evidence, which cannot hold a claim"):
            ops.add_node(full, "c-1", _claim("x", "ev-ilm-1972"))
        with pytest.raises(EditError, match="no source 'nope'"):
            ops.add_node(full, "ev-1", Node(kind=Kind.EVIDENCE, text="e", source="nope"))
        with pytest.raises(EditError, match="no inference above it"):
            undercut = Node.model_validate(
                {"kind": "rebuttal", "parent": "bluf", "target": "inference", "text": "u"}
            )
            ops.add_node(full, "uc-1", undercut)


# ---- update and replace -----------------------------------------------------------------


def test_update_node_changes_only_the_fields_given(full: Map) -> None:
    with unchanged(full):
        amap = ops.update_node(full, "bluf", likelihood="likely", confidence="high")
    node = amap.nodes["bluf"]
    assert (node.likelihood.value, node.confidence.value) == ("likely", "high")  # type: ignore[union-attr]
    assert node.text == full.nodes["bluf"].text
    assert node.extensions == {"x-owner": "desk-a"}
    assert list(amap.nodes) == list(full.nodes)
    others = {k: v for k, v in amap.nodes.items() if k != "bluf"}
    assert all(v is full.nodes[k] for k, v in others.items())  # shared, not copied


def test_update_node_with_a_new_parent_moves_the_node(full: Map) -> None:
    with unchanged(full):
        amap = ops.update_node(full, "in-arms", parent="un-exclusion", status="observed")
    assert amap.children("un-exclusion")[-1] == "in-arms"
    assert amap.nodes["in-arms"].status.value == "observed"  # type: ignore[union-attr]
    assert "in-arms" not in amap.children("bluf")


def test_update_node_refusals(full: Map) -> None:
    with unchanged(full):
        with pytest.raises(EditError, match="refused: text: must not be empty"):
            ops.update_node(full, "bluf", text="")
        with pytest.raises(EditError, match="refused: likelihood"):
            ops.update_node(full, "bluf", likelihood="probable")
        with pytest.raises(EditError, match="only claims carry 'likelihood'"):
            ops.update_node(full, "ev-ilm-1972", likelihood="likely")
        with pytest.raises(EditError, match="no node 'nope'"):
            ops.update_node(full, "nope", text="x")
        # A claim with claim children cannot become evidence.
        with pytest.raises(EditError, match="'bluf' is evidence, which cannot hold a claim"):
            ops.update_node(full, "bluf", kind="evidence", likelihood=None, confidence=None)


def test_edits_that_would_break_an_analogy_are_refused(full: Map) -> None:
    with unchanged(full):
        with pytest.raises(EditError, match="'nixon-opening' has now; the 'then' end"):
            ops.update_node(full, "nixon-opening", era="now")
        with pytest.raises(EditError, match="'bluf' is rebuttal; an analogy joins two claims"):
            ops.update_node(
                full, "bluf", kind="rebuttal", likelihood=None, confidence=None, tags=[]
            )
        # Dropping the era of the then-claim leaves it with no era at all.
        with pytest.raises(EditError, match="'nixon-opening' has no era"):
            ops.update_node(full, "nixon-opening", era=None)


def test_a_move_that_changes_an_inherited_era_under_an_analogy_is_refused() -> None:
    amap = Map.model_validate(
        {
            "title": "T",
            "nodes": {
                "then-root": {"kind": "claim", "era": "then", "text": "t"},
                "now-root": {"kind": "claim", "era": "now", "text": "n"},
                "inherits": {"kind": "claim", "parent": "then-root", "text": "era from parent"},
            },
            "analogies": {"a": {"then": "inherits", "now": "now-root"}},
        }
    )
    with unchanged(amap), pytest.raises(EditError, match="'inherits' has now"):
        ops.reparent(amap, "inherits", "now-root")


def test_replace_node_swaps_the_whole_node(full: Map) -> None:
    new = _claim("Replaced.", "bluf", era="then")
    with unchanged(full):
        amap = ops.replace_node(full, "un-exclusion", new)
    assert amap.nodes["un-exclusion"] is new
    assert amap.children("un-exclusion") == full.children("un-exclusion")


# ---- delete ---------------------------------------------------------------------------


def test_delete_subtree_removes_descendants_links_and_analogies(full: Map) -> None:
    with unchanged(full):
        amap = ops.delete_subtree(full, "un-exclusion")
    assert list(amap.nodes) == ["bluf", "as-rational", "in-arms", "nixon-opening"]
    # Both links had an end inside (ev-ilm-1972 and rb-counter): both went with it.
    assert amap.links == ()
    assert amap.analogies == full.analogies  # nixon-reverse joins two survivors
    assert amap.sources == full.sources  # sources stay: they may be cited again
    gone = ops.delete_subtree(full, "nixon-opening")
    assert gone.analogies == {}
    assert gone.links == full.links
    with pytest.raises(EditError, match="no node 'nope'"):
        ops.delete_subtree(full, "nope")


def test_delete_of_a_leaf_keeps_everything_else(full: Map) -> None:
    amap = ops.delete_subtree(full, "rb-counter")
    assert list(amap.nodes) == [n for n in full.nodes if n != "rb-counter"]
    assert amap.links == (full.links[0],)


# ---- move and reparent ------------------------------------------------------------------


def test_move_sibling_moves_and_clamps(full: Map) -> None:
    with unchanged(full):
        up = ops.move_sibling(full, "in-arms", -1)
    assert up.children("bluf") == ("un-exclusion", "in-arms", "as-rational")
    top = ops.move_sibling(full, "in-arms", -10)
    assert top.children("bluf") == ("in-arms", "un-exclusion", "as-rational")
    assert ops.move_sibling(full, "in-arms", +5) is full  # already last: nothing to do
    down = ops.move_sibling(full, "bluf", 1)
    assert down.roots() == ("nixon-opening", "bluf")
    # Moving siblings leaves every node's subtree whole and in order.
    assert down.subtree("bluf") == full.subtree("bluf")
    assert store.loads(store.dumps(down)) == down


def test_reparent_makes_a_last_child_or_a_root(full: Map) -> None:
    with unchanged(full):
        moved = ops.reparent(full, "rb-soviet-support", "bluf")
    assert moved.children("bluf")[-1] == "rb-soviet-support"
    assert moved.children("rb-soviet-support") == ("rb-counter", "uc-sponsor-1963")
    rooted = ops.reparent(full, "in-arms", None)
    assert rooted.roots() == ("bluf", "nixon-opening", "in-arms")
    assert rooted.nodes["in-arms"].parent is None


def test_reparent_refuses_cycles(full: Map) -> None:
    with unchanged(full):
        with pytest.raises(EditError, match="it is inside it"):
            ops.reparent(full, "bluf", "uc-sponsor-1963")
        with pytest.raises(EditError, match="it is inside it"):
            ops.reparent(full, "bluf", "bluf")


def test_reparent_refuses_to_leave_an_undercut_under_a_root(full: Map) -> None:
    with unchanged(full), pytest.raises(EditError, match="no inference above it to undercut"):
        # rb-soviet-support would become a root; its undercut child attacks nothing.
        ops.reparent(full, "rb-soviet-support", None)
    with pytest.raises(EditError, match="no inference above it to undercut"):
        ops.reparent(full, "uc-sponsor-1963", "bluf")


def test_reparent_refuses_a_claim_under_evidence(full: Map) -> None:
    with pytest.raises(EditError, match="cannot hold a claim"):
        ops.reparent(full, "nixon-opening", "ev-ilm-1972")


# ---- sources ---------------------------------------------------------------------------


def test_put_source_adds_and_replaces(full: Map) -> None:
    with unchanged(full):
        amap = ops.put_source(full, "new-src", Source(title="New"))
        replaced = ops.put_source(full, "ilm-1972", Source(title="Renamed", reliability="C"))  # type: ignore[arg-type]
    assert list(amap.sources) == ["mitter-2025", "ilm-1972", "new-src"]
    assert replaced.sources["ilm-1972"].title == "Renamed"
    assert list(replaced.sources) == ["mitter-2025", "ilm-1972"]
    with pytest.raises(EditError, match="not a valid source id"):
        ops.put_source(full, "has space", Source(title="x"))


def test_delete_source_refuses_while_cited_unless_forced(full: Map) -> None:
    with unchanged(full):
        with pytest.raises(EditError, match="source 'ilm-1972' is cited by 1 node"):
            ops.delete_source(full, "ilm-1972")
        forced = ops.delete_source(full, "ilm-1972", force=True)
    assert list(forced.sources) == ["mitter-2025"]
    assert forced.nodes["ev-ilm-1972"].source is None
    assert forced.nodes["ev-ilm-1972"].locator == "pp. 561–570"
    free = ops.delete_source(full, "mitter-2025")
    assert list(free.sources) == ["ilm-1972"]
    with pytest.raises(EditError, match="no source 'nope'"):
        ops.delete_source(full, "nope")
    assert store.loads(store.dumps(forced)) == forced


# ---- analogies and links -----------------------------------------------------------------


def test_put_and_delete_analogy(full: Map) -> None:
    analogy = Analogy(then="un-exclusion", now="bluf", likenesses=())
    with unchanged(full):
        amap = ops.put_analogy(full, "un-analogy", analogy)
        without = ops.delete_analogy(full, "nixon-reverse")
    assert list(amap.analogies) == ["nixon-reverse", "un-analogy"]
    assert amap.analogies_of("un-exclusion") == ["un-analogy"]
    assert without.analogies == {}
    with pytest.raises(EditError, match="no analogy 'nope'"):
        ops.delete_analogy(full, "nope")


def test_put_analogy_refuses_bad_ends_and_ids(full: Map) -> None:
    with unchanged(full):
        with pytest.raises(EditError, match="'bluf' has now; the 'then' end"):
            ops.put_analogy(full, "a", Analogy(then="bluf", now="bluf"))
        with pytest.raises(EditError, match="'ev-ilm-1972' is evidence"):
            ops.put_analogy(full, "a", Analogy(then="ev-ilm-1972", now="bluf"))
        with pytest.raises(EditError, match="no node 'blf'"):
            ops.put_analogy(full, "a", Analogy(then="nixon-opening", now="blf"))
        with pytest.raises(EditError, match="not a valid analogy id"):
            ops.put_analogy(full, "a/b", Analogy(then="nixon-opening", now="bluf"))


def test_add_and_delete_links(full: Map) -> None:
    link = Link.model_validate({"from": "in-arms", "to": "un-exclusion", "relation": "rebuts"})
    with unchanged(full):
        amap = ops.add_link(full, link)
        fewer = ops.delete_link(full, 0)
    assert amap.links == (*full.links, link)
    assert fewer.links == full.links[1:]
    with pytest.raises(EditError, match="no node 'nope'"):
        ops.add_link(full, Link.model_validate({"from": "bluf", "to": "nope"}))
    with pytest.raises(EditError, match="cannot join a node to itself"):
        ops.add_link(full, Link.model_validate({"from": "bluf", "to": "bluf"}))
    with pytest.raises(EditError, match="no link number 5"):
        ops.delete_link(full, 5)
    with pytest.raises(EditError, match="no link number -1"):
        ops.delete_link(full, -1)


# ---- map metadata ---------------------------------------------------------------------


def test_set_meta_changes_only_what_is_given(full: Map) -> None:
    with unchanged(full):
        amap = ops.set_meta(full, title="New title")
    assert (amap.title, amap.question, amap.eras) == ("New title", full.question, full.eras)
    assert amap.nodes is full.nodes
    no_question = ops.set_meta(full, question="")
    assert no_question.question is None
    eras = ops.set_meta(full, eras=Eras(then="1950s", now="Today"))
    assert (eras.eras.then, eras.eras.now, eras.title) == ("1950s", "Today", full.title)
    with pytest.raises(EditError, match="refused: title: must not be empty"):
        ops.set_meta(full, title="   ")


def test_every_edit_result_saves_and_loads_back(full: Map) -> None:
    amap = ops.add_node(full, "c-1", _claim("New.", "bluf"))
    amap = ops.move_sibling(amap, "c-1", -2)
    amap = ops.reparent(amap, "in-arms", "c-1")
    amap = ops.update_node(amap, "c-1", text="Line one.\nLine two.", tags=["analyst"])
    amap = ops.add_link(amap, Link.model_validate({"from": "in-arms", "to": "bluf"}))
    amap = ops.delete_subtree(amap, "rb-counter")
    amap = ops.set_meta(amap, question="Still?")
    assert store.loads(store.dumps(amap)) == amap
    assert list(store.loads(store.dumps(amap)).walk()) == list(amap.walk())
