"""Slides: which cards the fit keeps (bundled and generated maps), the grid, overriding views."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from argmap import store
from argmap.export import ExportOptions, dot_source, export_map, export_storyboard
from argmap.export.fit import claim_levels, fit_cards
from argmap.export.rows import SLIDE_GRID, Cards, drawn_lanes, lane_heads, packed_rows
from argmap.export.views import SLIDE_FIT, select
from argmap.model import Analogy, Bears, Era, Kind, Map, Node
from argmap.views import submap
from tests.export_helpers import dot_edges, dot_nodes, ids_by_map_id, png_size
from tests.test_export_render import _node_boxes

ROOT = Path(__file__).parent.parent
BUNDLED = ROOT / "maps" / "sino-soviet-2020s.yaml"
FACTORS = {"f-intl", "f-regional", "f-econ", "f-domestic"}
JUDGMENTS = {"j-deepen", "j-geoecon", "j-china-power", "j-asia-presence"}


def _bundled() -> Map:
    return store.load(BUNDLED).map


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _analogy_edges(source: str) -> list[str]:
    """The attribute text of each analogy edge drawn (their tooltips are analogy ids)."""
    return [attrs for _, _, attrs in dot_edges(source) if "xlabel=" in attrs]


def _rows_used(view_map: Map, full: Map, slide: str) -> int:
    """Rows below the top row that the slide's cards take, packed as the diagram packs them."""
    cards = Cards.of_map(view_map)
    lane_of = drawn_lanes(full)
    rows = packed_rows(cards, lane_of, SLIDE_GRID[slide].columns, lane_heads(cards, lane_of))
    return max(rows.values())


def test_bundled_16x9_shows_factors_judgments_and_analogies() -> None:
    amap = _bundled()
    source = dot_source(amap, ExportOptions(slide="16:9"))
    shown = set(ids_by_map_id(source))
    assert {"bluf", "ctx-then"} | FACTORS | JUDGMENTS <= shown
    assert len(shown) <= 15
    # Analogy ends win the last places: the two sub-claims that bridge to judgments
    # shown, not the factor-less "necessity" claim; evidence folds into counts.
    assert {"c-containment-binds", "c-stalin-loans"} <= shown and "c-necessity" not in shown
    assert not any(amap.nodes[n].kind is Kind.EVIDENCE for n in shown)
    analogies = _analogy_edges(source)
    assert len(analogies) >= 3
    assert any("analogy · supports" in a for a in analogies)
    assert any("analogy · opposes" in a for a in analogies)
    assert all("likeness" in a and "difference" in a for a in analogies)
    assert "+23 more below" in dot_nodes(source)[ids_by_map_id(source)["bluf"]]


def test_bundled_16x9_legend_lists_what_is_present() -> None:
    source = dot_source(_bundled(), ExportOptions(slide="16:9"))
    legend = source.split("subgraph cluster_slide {")[1].split("subgraph cluster_map")[0]
    assert ">Legend<" in legend and "analogy: heavy" in legend and "+3 more below" in legend
    for absent in ("OBJECTION", "EVIDENCE", "rebuts:", "undercuts:"):
        assert absent not in legend


def test_bundled_16x9_context_claim_sits_beside_the_bottom_line() -> None:
    source = dot_source(_bundled(), ExportOptions(slide="16:9"))
    ids = ids_by_map_id(source)
    top_rank = source.split("subgraph top_rank {")[1].split("}")[0]
    assert "rank=min" in top_rank
    assert f"\t{ids['ctx-then']}\n" in top_rank and f"\t{ids['bluf']}\n" in top_rank
    # Its twin on the other side keeps the bottom line in the middle.
    assert "balance_now" in top_rank
    flat = [a for t, h, a in dot_edges(source) if (t, h) == (ids["ctx-then"], ids["bluf"])]
    assert flat == ["arrowhead=normal dir=forward"]
    # Invisible pulls from the bottom line to the context claim's first row centre it.
    invisible = [h for t, h, a in dot_edges(source) if t == ids["bluf"] and a == "style=invis"]
    pulls = {h for h in invisible if h != "balance_now"}
    children = {ids[n] for n in _bundled().children("ctx-then") if n in ids}
    assert pulls and pulls <= children
    # Outside the then lane's box, whose cards all sit in rows below it.
    then_lane = source.split("subgraph cluster_then {")[1].split("subgraph cluster_now {")[0]
    assert ids["ctx-then"] + " [" not in then_lane and ids["f-intl"] + " [" in then_lane


def test_bundled_16x9_cards_pack_into_two_rows() -> None:
    amap = _bundled()
    view = select(amap, ExportOptions(slide="16:9"))
    assert _rows_used(view.map, amap, "16:9") <= SLIDE_GRID["16:9"].rows
    assert view.notes and "shows 12 of 94 cards" in view.notes[0]
    assert "3 analogies" in view.notes[0]


def test_bundled_4x3_keeps_factors_and_judgments() -> None:
    amap = _bundled()
    source = dot_source(amap, ExportOptions(slide="4:3"))
    shown = set(ids_by_map_id(source))
    assert {"bluf"} | FACTORS | JUDGMENTS <= shown
    assert len(shown) <= SLIDE_FIT["4:3"]
    assert len(_analogy_edges(source)) >= 1


@pytest.mark.parametrize("theme", ["grayscale", "dark", "colorblind"])
def test_slide_content_does_not_depend_on_the_theme(theme: str) -> None:
    plain = ids_by_map_id(dot_source(_bundled(), ExportOptions(slide="16:9")))
    themed = ids_by_map_id(dot_source(_bundled(), ExportOptions(slide="16:9", theme=theme)))
    assert themed == plain


def test_depth_focus_era_and_tag_still_choose_the_view() -> None:
    amap = _bundled()
    depth = select(amap, ExportOptions(slide="16:9", depth=1))
    assert not depth.notes
    assert set(depth.map.nodes) == set(submap(amap, depth=1).nodes)
    focus = select(amap, ExportOptions(slide="16:9", focus="f-econ"))
    assert set(focus.map.nodes) <= set(amap.subtree("f-econ")) and "f-econ" in focus.map.nodes
    then = select(amap, ExportOptions(slide="16:9", era=Era.THEN))
    lanes = drawn_lanes(amap)
    assert then.map.nodes and all(lanes[n] in (Era.THEN, None) for n in then.map.nodes)
    assert set(then.map.nodes) >= FACTORS
    tagged = select(amap, ExportOptions(slide="4:3", tag="analyst", depth=2))
    assert set(tagged.map.nodes) == set(submap(amap, tag="analyst", depth=2).nodes)


def test_the_context_claim_passes_through_to_the_next_level() -> None:
    amap = _bundled()
    level = claim_levels(amap, drawn_lanes(amap), ["bluf"])
    assert level["ctx-then"] == 0  # the then lane's only claim under the bottom line
    assert {level[n] for n in FACTORS | JUDGMENTS} == {1}
    assert level["c-containment-binds"] == 2
    assert "rb-frictions" not in level and "j-unease" not in level  # below an objection


def _two_lanes(then: int, now: int) -> Map:
    nodes = {"top": Node(kind=Kind.CLAIM, era=Era.NOW, text="Top", tags=("bottom-line",))}
    for lane, count in ((Era.THEN, then), (Era.NOW, now)):
        for i in range(count):
            nodes[f"{lane.value}{i}"] = Node(
                kind=Kind.CLAIM, era=lane, parent="top", text=f"{lane.value} claim {i}"
            )
            nodes[f"{lane.value}{i}-ev"] = Node(
                kind=Kind.EVIDENCE, parent=f"{lane.value}{i}", text="Grounds"
            )
    analogy = Analogy(then="then5", now="now1", bears=Bears.OPPOSES)
    return Map(title="Lanes", nodes=nodes, analogies={"late": analogy})


def test_both_lanes_fill_before_either_goes_deeper() -> None:
    amap = _two_lanes(then=8, now=8)
    fit = fit_cards(amap, drawn_lanes(amap), SLIDE_GRID["16:9"], SLIDE_FIT["16:9"])
    lanes = Counter(drawn_lanes(amap)[n] for n in fit.nodes if n != "top")
    assert lanes[Era.THEN] >= 4 and lanes[Era.NOW] >= 4
    assert not any(n.endswith("-ev") for n in fit.nodes)  # claims before evidence
    # A claim that is an analogy's end goes before its lane's other claims.
    assert {"then5", "now1"} <= set(fit.nodes) and fit.analogies == 1


def test_objections_to_the_bottom_line_come_before_evidence() -> None:
    nodes = {"top": Node(kind=Kind.CLAIM, text="Top", tags=("bottom-line",))}
    for i in range(4):
        nodes[f"c{i}"] = Node(kind=Kind.CLAIM, parent="top", text=f"Claim {i}")
        for j in range(2):
            nodes[f"e{i}{j}"] = Node(kind=Kind.EVIDENCE, parent=f"c{i}", text="Grounds")
    for i in range(3):
        nodes[f"r{i}"] = Node(kind=Kind.REBUTTAL, parent="top", text=f"Objection {i}")
    amap = Map(title="Objections", nodes=nodes)
    view = select(amap, ExportOptions(slide="16:9"))
    shown = set(view.map.nodes)
    assert {"top", "c0", "c1", "c2", "c3", "r0", "r1", "r2"} <= shown
    assert 0 < len([n for n in shown if n.startswith("e")]) < 8  # evidence fills what is left
    assert _rows_used(view.map, amap, "16:9") <= SLIDE_GRID["16:9"].rows


@pytest.mark.parametrize(("size", "seed"), [(300, 1), (2000, 7)])
def test_generated_map_slide_fits_and_keeps_its_paths(size: int, seed: int) -> None:
    amap = _generator().generate(size, seed)
    view = select(amap, ExportOptions(slide="16:9"))
    shown = set(view.map.nodes)
    assert 8 <= len(shown) <= SLIDE_FIT["16:9"]
    assert set(amap.bottom_lines()) <= shown
    # Every card keeps the path above it: no card floats without its parent.
    assert all(amap.nodes[n].parent in shown | {None} for n in shown)
    assert _rows_used(view.map, amap, "16:9") <= SLIDE_GRID["16:9"].rows
    # Whatever is left out is counted on a card above it.
    below = {n: len(amap.subtree(n)) for n in amap.nodes if amap.nodes[n].parent in shown}
    folded = sum(size for n, size in below.items() if n not in shown)
    assert sum(view.hidden.values()) == folded > 0
    source = dot_source(amap, ExportOptions(slide="16:9"))
    both = [a for a in amap.analogies.values() if a.then in shown and a.now in shown]
    assert len(_analogy_edges(source)) == len(both)
    assert dot_source(amap, ExportOptions(slide="16:9")) == source  # deterministic


def test_a_small_map_that_fits_is_shown_whole() -> None:
    amap = _two_lanes(then=2, now=2)
    view = select(amap, ExportOptions(slide="16:9"))
    assert set(view.map.nodes) == set(amap.nodes) and not view.notes and not view.hidden


@pytest.mark.dot
def test_bundled_16x9_png_is_readable(tmp_path: Path) -> None:
    notes: list[str] = []
    out = export_map(
        _bundled(), "png", tmp_path / "s.png", ExportOptions(slide="16:9"), notify=notes.append
    )
    assert png_size(out.read_bytes()) == (1920, 1080)
    assert any("shows 12 of 94 cards" in n for n in notes)
    assert not any("smallest text" in n for n in notes), notes


@pytest.mark.dot
def test_slide_storyboard_keeps_places(tmp_path: Path) -> None:
    options = ExportOptions(slide="16:9")
    paths = export_storyboard(_bundled(), "svg", tmp_path, "s", options, timeout=60)
    assert len(paths) >= 3
    boxes = [_node_boxes(p.read_bytes()) for p in paths]
    ids = {v: k for k, v in ids_by_map_id(dot_source(_bundled(), options)).items()}
    first = {ids[n] for n in boxes[0] if n in ids}
    assert first == {"bluf"}
    last = {ids[n] for n in boxes[-1] if n in ids}
    assert last >= FACTORS | JUDGMENTS
    for earlier in boxes[:-1]:
        for title, outline in earlier.items():
            assert boxes[-1][title] == outline, f"{title} moved between steps"


def test_slide_relays_keep_lines_inside_their_lane() -> None:
    source = dot_source(_bundled(), ExportOptions(slide="16:9"))
    relays = [n for n in dot_nodes(source) if re.fullmatch(r"r\d+_\d+", n)]
    assert relays  # cards pushed a row down climb to a parent outside their lane
    then_lane = source.split("subgraph cluster_then {")[1].split("subgraph cluster_now {")[0]
    now_lane = source.split("subgraph cluster_now {")[1].split("subgraph cards_cluster_map")[0]
    assert all(f"\t{r} [" in then_lane + now_lane for r in relays)
