"""Model queries: tree navigation, eras, roles, analogies, views; and the shared summaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from argmap import store
from argmap.model import (
    Analogy,
    Era,
    Kind,
    Likeness,
    Map,
    Node,
    Questions,
    QuestionState,
    Role,
    Source,
)
from argmap.summary import analogy_counts, badges, kind_title, shorten
from argmap.views import submap

DATA = Path(__file__).parent / "data"


@pytest.fixture
def full() -> Map:
    """A map using every kind and field (tests/data/full.yaml)."""
    return store.load(DATA / "full.yaml").map


def _map(nodes: dict[str, dict[str, object]], **extra: object) -> Map:
    return Map.model_validate({"title": "T", "nodes": nodes, **extra})


# ---- tree navigation ----------------------------------------------------------


def test_children_and_roots_follow_sibling_order(small_map: Map) -> None:
    assert small_map.roots() == ("bluf", "nixon-opening")
    assert small_map.children(None) == small_map.roots()
    assert small_map.children("un-exclusion") == ("ev-ilm-1972", "rb-soviet-support")
    assert small_map.children("ev-ilm-1972") == ()
    assert small_map.children("no-such-node") == ()


def test_ancestors_run_from_parent_to_root(small_map: Map) -> None:
    assert small_map.ancestors("uc-sponsor-1963") == ["rb-soviet-support", "un-exclusion", "bluf"]
    assert small_map.ancestors("bluf") == []


def test_ancestors_stop_at_a_cycle() -> None:
    # Only a broken map has a cycle; queries must still terminate on one.
    amap = Map.model_construct(
        title="T",
        nodes={
            "a": Node(kind=Kind.CLAIM, parent="b", text="a"),
            "b": Node(kind=Kind.CLAIM, parent="a", text="b"),
        },
    )
    assert amap.ancestors("a") == ["b"]


def test_walk_is_depth_first_in_sibling_order_with_depths(full: Map) -> None:
    assert list(full.walk()) == [
        ("bluf", 0),
        ("un-exclusion", 1),
        ("ev-ilm-1972", 2),
        ("rb-soviet-support", 2),
        ("rb-counter", 3),
        ("uc-sponsor-1963", 3),
        ("as-rational", 1),
        ("in-arms", 1),
        ("nixon-opening", 0),
    ]
    assert list(full.walk("rb-soviet-support")) == [
        ("rb-soviet-support", 0),
        ("rb-counter", 1),
        ("uc-sponsor-1963", 1),
    ]


def test_subtree_lists_a_node_and_its_descendants(full: Map) -> None:
    assert full.subtree("un-exclusion") == [
        "un-exclusion",
        "ev-ilm-1972",
        "rb-soviet-support",
        "rb-counter",
        "uc-sponsor-1963",
    ]
    assert full.subtree("in-arms") == ["in-arms"]


def test_the_child_index_follows_a_copy_with_new_nodes(small_map: Map) -> None:
    assert small_map.children("bluf") == ("un-exclusion",)
    nodes = {**small_map.nodes, "c-new": Node(kind=Kind.CLAIM, parent="bluf", text="new")}
    copy = small_map.model_copy(update={"nodes": nodes})
    assert copy.children("bluf") == ("un-exclusion", "c-new")
    assert small_map.children("bluf") == ("un-exclusion",)


# ---- eras, roles, analogies -----------------------------------------------------


def test_effective_era_is_inherited_from_the_nearest_ancestor() -> None:
    amap = _map(
        {
            "root": {"kind": "claim", "era": "now", "text": "r"},
            "mid": {"kind": "claim", "parent": "root", "era": "then", "text": "m"},
            "leaf": {"kind": "evidence", "parent": "mid", "text": "l"},
            "other": {"kind": "evidence", "parent": "root", "text": "o"},
            "loose": {"kind": "claim", "text": "no era anywhere"},
        }
    )
    assert amap.effective_era("root") is Era.NOW
    assert amap.effective_era("mid") is Era.THEN
    assert amap.effective_era("leaf") is Era.THEN
    assert amap.effective_era("other") is Era.NOW
    assert amap.effective_era("loose") is None


def test_role_follows_kind_and_position(full: Map) -> None:
    roles = {node_id: full.role(node_id) for node_id in full.nodes}
    assert roles == {
        "bluf": Role.ROOT,
        "un-exclusion": Role.REASON,
        "ev-ilm-1972": Role.REASON,
        "rb-soviet-support": Role.OBJECTION,
        "rb-counter": Role.COUNTER_REBUTTAL,
        "uc-sponsor-1963": Role.UNDERCUT,
        "as-rational": Role.ASSUMPTION,
        "in-arms": Role.INDICATOR,
        "nixon-opening": Role.ROOT,
    }
    assert full.nodes["uc-sponsor-1963"].is_undercut
    assert not full.nodes["rb-counter"].is_undercut


def test_analogies_links_and_sources_touching_a_node(full: Map) -> None:
    assert full.analogies_of("bluf") == ["nixon-reverse"]
    assert full.analogies_of("nixon-opening") == ["nixon-reverse"]
    assert full.analogies_of("un-exclusion") == []
    assert [lk.to for lk in full.links_of("ev-ilm-1972")] == ["bluf"]
    assert [lk.from_ for lk in full.links_of("as-rational")] == ["rb-counter"]
    assert full.uses_of_source("ilm-1972") == ["ev-ilm-1972"]
    assert full.uses_of_source("mitter-2025") == []


def test_bottom_lines_are_root_claims_tagged_bottom_line() -> None:
    amap = _map(
        {
            "b-1": {"kind": "claim", "text": "one", "tags": ["bottom-line"]},
            "c": {"kind": "claim", "text": "not tagged"},
            "b-2": {"kind": "claim", "parent": "c", "text": "not a root", "tags": ["bottom-line"]},
            "e": {"kind": "evidence", "text": "not a claim", "tags": ["bottom-line"]},
            "b-3": {"kind": "claim", "text": "three", "tags": ["seed", "bottom-line"]},
        }
    )
    assert amap.bottom_lines() == ["b-1", "b-3"]


# ---- views (submap) --------------------------------------------------------------


def test_submap_focus_keeps_the_subtree_and_makes_the_focus_a_root(full: Map) -> None:
    view = submap(full, focus="un-exclusion")
    assert list(view.nodes) == full.subtree("un-exclusion")
    assert view.nodes["un-exclusion"].parent is None
    assert view.nodes["ev-ilm-1972"] == full.nodes["ev-ilm-1972"]
    assert view.links == ()  # ev-ilm-1972 -> bluf loses its far end
    assert view.analogies == {}
    assert list(view.sources) == ["ilm-1972"]  # only what the view cites
    assert full.nodes["un-exclusion"].parent == "bluf"  # the map itself is unchanged


def test_submap_depth_counts_levels_below_the_top(full: Map) -> None:
    assert list(submap(full, depth=0).nodes) == ["bluf", "nixon-opening"]
    assert list(submap(full, depth=1).nodes) == [
        "bluf",
        "un-exclusion",
        "as-rational",
        "in-arms",
        "nixon-opening",
    ]
    focused = submap(full, focus="rb-soviet-support", depth=1)
    assert list(focused.nodes) == ["rb-soviet-support", "rb-counter", "uc-sponsor-1963"]


def test_submap_era_keeps_that_lane_and_nodes_without_an_era(full: Map) -> None:
    then = submap(full, era=Era.THEN)
    assert set(then.nodes) == {
        "un-exclusion",
        "ev-ilm-1972",
        "rb-soviet-support",
        "rb-counter",
        "uc-sponsor-1963",
        "nixon-opening",
    }
    assert then.nodes["un-exclusion"].parent is None  # its now-parent is not in the view
    now = submap(full, era=Era.NOW)
    assert set(now.nodes) == {"bluf", "as-rational", "in-arms"}
    assert now.analogies == {}


def test_submap_tag_keeps_tagged_nodes_and_their_ancestors(full: Map) -> None:
    seed = submap(full, tag="seed")
    assert list(seed.nodes) == ["bluf", "un-exclusion"]
    analyst = submap(full, tag="no-such-tag")
    assert analyst.nodes == {}


def test_submap_keeps_links_and_analogies_with_both_ends_inside(full: Map) -> None:
    view = submap(full)
    assert view.nodes == full.nodes
    assert list(view.nodes) == list(full.nodes)
    assert view.links == full.links
    assert view.analogies == full.analogies
    assert list(view.sources) == ["ilm-1972"]  # a view carries only the sources it cites
    assert submap(full, depth=0).analogies == full.analogies  # both ends are roots


def test_submap_refuses_an_unknown_focus(full: Map) -> None:
    with pytest.raises(KeyError):
        submap(full, focus="nope")


# ---- model rules -------------------------------------------------------------------


def test_only_format_version_1_is_accepted() -> None:
    with pytest.raises(ValidationError, match="format version 2 is not supported"):
        Map(argmap=2, title="T")


def test_models_are_frozen(small_map: Map) -> None:
    with pytest.raises(ValidationError):
        small_map.nodes["bluf"].text = "changed"  # type: ignore[misc]


def test_likenesses_and_differences_accept_plain_strings() -> None:
    analogy = Analogy.model_validate(
        {"then": "a", "now": "b", "likenesses": ["same"], "differences": ["other"]}
    )
    assert analogy.likenesses == (Likeness(text="same"),)
    assert analogy.differences[0].text == "other"
    assert analogy.differences[0].weight is None


def test_questions_are_listed_in_file_order_and_counted() -> None:
    questions = Questions.model_validate({"differences": "answered", "relevance": "not-applicable"})
    assert questions.items() == [
        ("differences", QuestionState.ANSWERED),
        ("base-case", QuestionState.OPEN),
        ("counter-case", QuestionState.OPEN),
        ("relevance", QuestionState.NOT_APPLICABLE),
    ]
    assert questions.open_count == 2


def test_source_dates_are_kept_as_text() -> None:
    import datetime as dt

    assert Source.model_validate({"title": "S", "date": 2025}).date == "2025"
    assert Source.model_validate({"title": "S", "date": dt.date(2025, 12, 1)}).date == "2025-12-01"
    assert Source.model_validate({"title": "S", "date": "2025-12"}).date == "2025-12"


@pytest.mark.parametrize("bad", ["-a", "a b", "", "x" * 65, "a/b", "é"])
def test_node_ids_must_match_the_id_pattern(bad: str) -> None:
    with pytest.raises(ValidationError):
        _map({bad: {"kind": "claim", "text": "t"}})


@pytest.mark.parametrize("good", ["a", "A.b_c-1", "0123", "x" * 64])
def test_node_ids_that_match_the_pattern_are_accepted(good: str) -> None:
    assert list(_map({good: {"kind": "claim", "text": "t"}}).nodes) == [good]


# ---- summaries shared by show, the TUI and exports ----------------------------------


def test_kind_title_names_the_role_of_rebuttals_and_the_bottom_line(full: Map) -> None:
    titles = {node_id: kind_title(full, node_id) for node_id in full.nodes}
    assert titles == {
        "bluf": "bottom line",
        "un-exclusion": "claim",
        "ev-ilm-1972": "evidence",
        "rb-soviet-support": "objection",
        "rb-counter": "counter-rebuttal",
        "uc-sponsor-1963": "undercut",
        "as-rational": "assumption",
        "in-arms": "indicator",
        "nixon-opening": "claim",
    }


def test_a_rebuttal_without_a_parent_is_called_a_rebuttal() -> None:
    amap = _map({"rb": {"kind": "rebuttal", "text": "Not attached yet."}})
    assert kind_title(amap, "rb") == "rebuttal"


def test_badges_show_likelihood_confidence_grade_status_and_linchpin(full: Map) -> None:
    assert badges(full, "bluf") == ["unlikely (20–45%)", "moderate confidence"]
    assert badges(full, "ev-ilm-1972") == ["A2"]
    assert badges(full, "as-rational") == ["linchpin"]
    assert len(badges(full, "in-arms")) == 1
    assert badges(full, "rb-counter") == []


def test_analogy_counts_and_shorten(full: Map) -> None:
    assert analogy_counts(full.analogies["nixon-reverse"]) == (
        "2 likenesses, 2 differences, 1 open question"
    )
    assert shorten("a  b\n c", 10) == "a b c"
    assert shorten("abcdefghij klm", 8) == "abcdefg…"
