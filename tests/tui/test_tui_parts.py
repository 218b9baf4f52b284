"""The editor's parts without a screen: document history, search, filter, labels, findings,
keys; and the lazy tree on a large map."""

from __future__ import annotations

import gc
import os
import threading
import time
import weakref
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot

from argmap import ops, store
from argmap.model import Era, Kind, Map, Node, Severity
from argmap.tui import findings
from argmap.tui.app import ArgmapApp
from argmap.tui.document import Document
from argmap.tui.heap import Collector
from argmap.tui.keys import KEYS
from argmap.tui.labels import node_label
from argmap.tui.offload import Offloader
from argmap.tui.search import Filter, all_tags, effective_eras, matches, visible_ids
from argmap.tui.widgets.map_tree import MapTree

from .conftest import drive, select, settle


def _claim(text: str, parent: str | None = None) -> Node:
    return Node(kind=Kind.CLAIM, text=text, parent=parent)


def test_document_keeps_more_than_a_hundred_undo_levels(small_map: Map) -> None:
    doc = Document(small_map, Path("x.yaml"), None)
    maps = [small_map]
    for i in range(150):
        new = ops.add_node(doc.map, f"c-{i}", _claim(f"claim {i}", "bluf"))
        doc.apply(new, f"add c-{i}", focus_before=None, focus_after=f"c-{i}")
        maps.append(new)
    assert doc.dirty
    for i in range(150):
        step = doc.undo()
        assert step is not None and step.focus_after == f"c-{149 - i}"
        assert doc.map is maps[149 - i]
    assert doc.undo() is None
    assert not doc.dirty  # back to the very map that was loaded
    doc.redo()
    assert doc.map is maps[1]


def test_document_new_edit_clears_redo_and_save_marks_clean(small_map: Map) -> None:
    doc = Document(small_map, Path("x.yaml"), None)
    first = ops.add_node(small_map, "c-1", _claim("one"))
    doc.apply(first, "add", focus_before=None, focus_after="c-1")
    doc.undo()
    doc.apply(
        ops.add_node(small_map, "c-2", _claim("two")), "add", focus_before=None, focus_after=None
    )
    assert not doc.can_redo
    revision = doc.revision
    doc.mark_saved(store.Fingerprint(0, 0, "x"))
    assert not doc.dirty and doc.saved_revision == revision
    doc.undo()
    assert doc.dirty  # the file now holds the undone edit


def test_search_matches_text_ids_tags_and_notes_in_tree_order(small_map: Map) -> None:
    assert matches(small_map, "MOSCOW") == ["bluf", "un-exclusion", "uc-sponsor-1963"]
    assert matches(small_map, "bottom-line") == ["bluf"]
    assert matches(small_map, "ev-ilm") == ["ev-ilm-1972"]
    assert matches(small_map, "  ") == []
    assert matches(small_map, "moscow", visible={"bluf"}) == ["bluf"]


def test_filter_keeps_matches_their_ancestors_and_pinned_nodes(small_map: Map) -> None:
    assert visible_ids(small_map, Filter()) is None
    shown = visible_ids(small_map, Filter(kind=Kind.REBUTTAL))
    assert shown == {"bluf", "un-exclusion", "rb-soviet-support", "uc-sponsor-1963"}
    shown = visible_ids(small_map, Filter(era=Era.THEN, kind=Kind.CLAIM), pinned={"bluf"})
    assert shown == {"bluf", "un-exclusion", "nixon-opening"}
    assert visible_ids(small_map, Filter(tag="bottom-line")) == {"bluf"}
    assert Filter(kind=Kind.CLAIM, tag="x").describe() == "kind=claim tag=x"
    assert all_tags(small_map) == ["bottom-line"]


def test_effective_eras_in_one_pass_agree_with_the_model(small_map: Map) -> None:
    deep = ops.add_node(
        small_map, "ev-deep", Node(kind=Kind.EVIDENCE, text="x", parent="uc-sponsor-1963")
    )
    for amap in (small_map, deep):
        eras = effective_eras(amap)
        assert eras == {n: amap.effective_era(n) for n in amap.nodes}
    assert eras["ev-deep"] is Era.THEN  # from un-exclusion, three levels up


def test_labels_are_text_so_brackets_survive(small_map: Map) -> None:
    tricky = "Costs [rose] 5% — see [/] note [bold]"
    amap = ops.update_node(small_map, "nixon-opening", text=tricky)
    label = node_label(amap, "nixon-opening", Severity.WARNING)
    assert isinstance(label, Text)
    assert label.plain == f"! ◆ then {tricky} ⇄1"
    bluf = node_label(small_map, "bluf").plain
    assert bluf.startswith("★ now A warmer US posture")
    assert "unlikely (20–45%)" in bluf and "moderate confidence" in bluf
    assert node_label(small_map, "uc-sponsor-1963").plain.startswith("↯ ")
    assert "?2" in node_label(small_map, "ev-ilm-1972").plain  # Admiralty grade, unrated source


def test_findings_hold_lint_and_broken_rules_and_point_at_nodes(small_map: Map) -> None:
    items = findings.collect(small_map)
    assert items and all(i.code.startswith("ARG") for i in items)
    ranks = [findings.SEVERITY_RANK[i.severity] for i in items]
    assert ranks == sorted(ranks)
    about_analogy = [i for i in items if i.analogy_id == "nixon-reverse"]
    assert about_analogy
    shown = findings.by_node(small_map, items)
    for item in about_analogy:
        assert item.node_id == "nixon-opening"
        assert item in shown["bluf"] and item in shown["nixon-opening"]
    broken = small_map.model_copy(
        update={"nodes": {**small_map.nodes, "x": _claim("orphan", "missing")}}
    )
    invalid = [i for i in findings.collect(broken) if i.code == "invalid"]
    assert [(i.node_id, i.severity) for i in invalid] == [("x", Severity.ERROR)]
    assert findings.marks(invalid) == {"x": Severity.ERROR}


def test_keys_cover_the_issue_and_are_unique() -> None:
    asked = "c e r u a i s enter delete ctrl+up ctrl+down x p ctrl+z ctrl+y ctrl+s slash n N f q"
    keys = [k.key for k in KEYS]
    assert set(asked.split()) <= set(keys)
    assert "question_mark" in keys
    assert len(keys) == len(set(keys))
    assert len({k.id for k in KEYS}) == len(KEYS)


def _big_map(size: int) -> Map:
    """A wide, deep map: 10 roots, each a chain of claims with evidence hanging off."""
    nodes: dict[str, Node] = {}
    per_root = size // 10
    for r in range(10):
        parent = f"r{r}"
        nodes[parent] = _claim(f"root {r}")
        for i in range(per_root // 2 - 1):
            child = f"r{r}-c{i}"
            nodes[child] = _claim(f"claim {r}.{i}", parent)
            nodes[f"r{r}-e{i}"] = Node(kind=Kind.EVIDENCE, text=f"ev {r}.{i}", parent=parent)
            parent = child
    return Map(title="big", nodes=nodes)


def test_a_large_map_is_built_lazily_and_updated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    big = _big_map(3000)
    store.save(big, path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        tree = app.map_tree
        assert tree.built < len(big.nodes) // 4
        await select(app, pilot, "r3-c40")  # deep: its path is built on demand
        built = tree.built
        await pilot.press("delete", "y")
        await settle(app, pilot)
        assert "r3-c40" not in app.doc.map.nodes
        assert tree.built < built  # the subtree left the tree; nothing else was rebuilt
        shown = tree.shown_ids()
        assert "r3-e40" in shown and "r3-e41" not in app.doc.map.nodes
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert app.selected == "r3-c40"

    drive(path, script)


def test_lines_moved_by_a_collapse_still_answer_clicks(map_path: Path) -> None:
    # Lines that only move are drawn from the cache: the line number the mouse
    # reads from them must be the new one.
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "rb-soviet-support")
        await pilot.press("space")  # collapse: nixon-opening moves up from line 5 to 4
        await settle(app, pilot)
        shown = ["bluf", "un-exclusion", "ev-ilm-1972", "rb-soviet-support", "nixon-opening"]
        assert app.map_tree.shown_ids() == shown
        await pilot.click(MapTree, offset=(12, 1 + 4))  # the border is row 0
        await settle(app, pilot)
        assert app.selected == "nixon-opening"
        await select(app, pilot, "rb-soviet-support")
        await pilot.press("space")  # expand: nixon-opening back down to line 5
        await settle(app, pilot)
        assert app.map_tree.shown_ids()[4:] == ["uc-sponsor-1963", "nixon-opening"]
        await pilot.click(MapTree, offset=(12, 1 + 5))
        await settle(app, pilot)
        assert app.selected == "nixon-opening"
        await pilot.click(MapTree, offset=(12, 1 + 2))
        await settle(app, pilot)
        assert app.selected == "ev-ilm-1972"

    drive(map_path, script)


def test_a_long_detail_scrolls_and_the_next_node_starts_at_the_top(map_path: Path) -> None:
    words = " ".join(f"w{i}" for i in range(600))
    loaded = store.load(map_path)
    store.save(
        ops.update_node(loaded.map, "nixon-opening", note=words),
        map_path,
        expected=loaded.fingerprint,
    )

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        detail = app.detail
        # The first findings arrive from a worker; the panel they open shortens the
        # detail, which would move "the end" after it was scrolled to.
        await settle(app, pilot)
        await select(app, pilot, "nixon-opening")
        assert detail.virtual_size.height > detail.size.height  # it scrolls
        first = detail.render_line(0).text
        detail.focus()
        await pilot.press("end")
        await settle(app, pilot)
        bottom = [detail.render_line(y).text for y in range(detail.size.height)]
        assert "relevant to the conclusion?" in bottom[-1]  # the end of its analogy
        assert first not in bottom
        await select(app, pilot, "bluf")
        assert detail.scroll_offset.y == 0
        top = " ".join(detail.render_line(y).text for y in range(3))
        assert "unlikely to detach Moscow" in top

    drive(map_path, script)


def test_offloader_returns_what_the_child_computed(small_map: Map) -> None:
    offloader = Offloader()
    items = offloader.run(lambda: findings.collect(small_map))
    assert items == findings.collect(small_map)
    if Offloader.available():  # it really ran elsewhere
        assert offloader.run(os.getpid) != os.getpid()


@pytest.mark.skipif(not Offloader.available(), reason="no fork here: runs in the thread")
def test_offloader_ends_an_older_child_and_reruns_a_failed_one_here() -> None:
    offloader = Offloader()
    results: list[object] = []
    slow = threading.Thread(target=lambda: results.append(offloader.run(lambda: time.sleep(30))))
    slow.start()
    time.sleep(0.3)  # the slow child is running
    assert offloader.run(lambda: "newer") == "newer"
    slow.join(timeout=10)
    assert results == [None]  # ended, not waited for

    def fails_in_child_only(parent: int = os.getpid()) -> str:
        if os.getpid() != parent:
            raise RuntimeError("child failure")
        return "computed here"

    assert offloader.run(fails_in_child_only) == "computed here"


def test_a_large_map_gets_its_findings_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    store.save(_big_map(1000), path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await settle(app, pilot)
        assert app.items == findings.collect(app.doc.map)
        assert app.panel.border_title == f"Findings ({len(app.items)})"
        await select(app, pilot, "r2-c3")
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert "updating…" in str(app.panel.border_title)
        await pilot.pause(2.0)  # the findings wait for a pause in typing
        await settle(app, pilot)
        assert app.items == findings.collect(app.doc.map)
        assert "updating" not in str(app.panel.border_title)

    drive(path, script)


def test_tree_and_detail_are_drawn_again_for_a_new_theme(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        drawn = [app.map_tree.render_line(2), app.detail.render_line(0)]
        app.theme = "textual-light"
        await settle(app, pilot)
        for widget, before in zip((app.map_tree, app.detail), drawn, strict=True):
            after = widget.render_line(2 if widget is app.map_tree else 0)
            assert after.text == before.text
            assert [s.style for s in after] != [s.style for s in before]

    drive(map_path, script)


class _Cycle:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_collector_freezes_when_idle_and_tidies_what_died_frozen() -> None:
    collector = Collector()
    collector.start(freezing=True)
    try:
        alive = _Cycle()
        ref = weakref.ref(alive)
        collector.idle(forms_open=True)  # a form is open: nothing is frozen
        assert gc.get_freeze_count() > 0  # (start froze what was alive then)
        frozen = gc.get_freeze_count()
        collector.idle(forms_open=False)
        assert gc.get_freeze_count() > frozen  # now it is
        del alive
        gc.collect()
        assert ref() is not None  # frozen, so trapped
        collector.tidy(forms_open=False)  # the heap has not grown enough yet
        assert ref() is not None
        collector.regrowth = 0.0
        collector.tidy(forms_open=False)
        assert ref() is None
    finally:
        collector.stop()
        gc.unfreeze()
