"""The DOT builder: golden files per theme and view, escaping, relations, lanes, legend."""

from __future__ import annotations

import os
import re

import pytest

from argmap.errors import UsageError
from argmap.export import ExportOptions, dot_source
from argmap.export.dot import build_digraph
from argmap.export.style import theme
from argmap.export.views import select, storyboard
from argmap.model import Era, Kind, Map, Node
from tests.export_helpers import GOLDEN, dot_edges, dot_nodes, golden_map, ids_by_map_id

# Regenerate after an intended change with: ARGMAP_REGEN_GOLDEN=1 pytest tests/test_export_dot.py
REGEN = os.environ.get("ARGMAP_REGEN_GOLDEN") == "1"

CASES: dict[str, ExportOptions] = {
    "default": ExportOptions(),
    "colorblind": ExportOptions(theme="colorblind"),
    "grayscale": ExportOptions(theme="grayscale"),
    "dark": ExportOptions(theme="dark"),
    "focus-factor-depth1": ExportOptions(focus="factor", depth=1),
    "era-then": ExportOptions(era=Era.THEN),
    "era-now-grayscale": ExportOptions(era=Era.NOW, theme="grayscale"),
    "tag-analyst": ExportOptions(tag="analyst"),
    "slide-16x9": ExportOptions(slide="16:9"),
    "slide-4x3-dark": ExportOptions(slide="4:3", theme="dark"),
    "no-legend": ExportOptions(legend=False),
}


def _compare(name: str, source: str) -> None:
    path = GOLDEN / f"{name}.dot"
    if REGEN:
        path.write_text(source, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}: run with ARGMAP_REGEN_GOLDEN=1"
    assert source == path.read_text(encoding="utf-8"), f"{name}.dot differs from the golden file"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_dot(name: str) -> None:
    _compare(name, dot_source(golden_map(), CASES[name]))


def test_golden_storyboard() -> None:
    amap = golden_map()
    options = ExportOptions()
    steps = storyboard(select(amap, options))
    assert len(steps) == 4
    for number, step in enumerate(steps, start=1):
        source = build_digraph(step, options, theme("default")).source
        _compare(f"storyboard-step{number:02d}", source)


def test_same_map_same_bytes() -> None:
    first = dot_source(golden_map(), ExportOptions(theme="dark"))
    assert dot_source(golden_map(), ExportOptions(theme="dark")) == first


def test_node_names_are_synthetic() -> None:
    source = dot_source(golden_map())
    names = set(dot_nodes(source))
    allowed = re.compile(r"^(n\d+|j\d+|lane_then|lane_now|lanes_left|lanes_right|legend)$")
    assert names and all(allowed.match(n) for n in names), names
    # Map ids reach the DOT only as tooltips.
    assert set(ids_by_map_id(source)) == set(golden_map().nodes)


def test_user_text_is_escaped() -> None:
    source = dot_source(golden_map()).replace("<BR/>", " ")
    # Graphviz reads \\ as one backslash, even in HTML-like labels (see text.py).
    typed = "&quot;x&quot;, a backslash C:\\\\new, &lt;b&gt;bold?&lt;/b&gt; &amp; braces {y}"
    assert typed in source
    assert "Москва и Пекин — 中苏友好同盟互助条约" in source
    question = "Does a &quot;then&quot; factor still bear on a &lt;now&gt; judgment &amp; how?"
    assert question in source
    assert "<b>" not in source


def _edge(source: str, tail: str, head: str) -> str:
    matches = [attrs for t, h, attrs in dot_edges(source) if (t, h) == (tail, head)]
    assert len(matches) == 1, (tail, head, matches)
    return matches[0]


def test_relations_differ_by_line_style_and_arrowhead() -> None:
    source = dot_source(golden_map(), ExportOptions(theme="grayscale"))
    ids = ids_by_map_id(source)
    support = _edge(source, ids["factor"], ids["ev-paper"].replace("n", "j"))
    objection = _edge(source, ids["factor"], ids["objection"])
    answer = _edge(source, ids["objection"], ids["answer"])
    presumes = _edge(source, ids["judgment"], ids["linchpin"])
    signals = _edge(source, ids["linchpin"], ids["signpost"])
    # Support is the edge default: solid, arrow at the parent; others say what differs.
    assert "style" not in support and "arrowtail" not in support
    assert "style=dashed" in objection and "arrowtail=tee" in objection
    assert "style=dashed" in answer and "arrowtail=teetee" in answer
    assert "arrowtail=odiamond" in presumes and "arrowtail=odot" in signals


def test_undercut_ends_on_the_edge_it_attacks() -> None:
    source = dot_source(golden_map())
    ids = ids_by_map_id(source)
    point = ids["ev-paper"].replace("n", "j")
    assert "shape=point" in dot_nodes(source)[point]
    # factor <- point <- evidence is the attacked inference; the undercut ends on the point.
    assert "dir=none" in _edge(source, point, ids["ev-paper"])
    _edge(source, ids["factor"], point)
    undercut = _edge(source, point, ids["uc-timing"])
    assert "style=dotted" in undercut and "arrowtail=tee" in undercut


def test_lanes_are_clusters_with_era_labels() -> None:
    source = dot_source(golden_map())
    assert "newrank=true" in source
    assert "subgraph cluster_then" in source and "subgraph cluster_now" in source
    assert "<B>THEN</B> · Early Cold War, 1949–1969" in source
    assert "<B>NOW</B> · 2020s" in source
    then_block = source.split("subgraph cluster_then")[1].split("subgraph cluster_now")[0]
    ids = ids_by_map_id(source)
    assert f"\t\t\t\t{ids['ev-paper']} [" in then_block
    assert ids["judgment"] not in then_block


def test_analogy_between_lanes_with_counts() -> None:
    source = dot_source(golden_map())
    ids = ids_by_map_id(source)
    attrs = _edge(source, ids["factor"], ids["judgment"])
    assert "constraint=false" in attrs and "arrowhead=normal" in attrs
    for text in ("analogy · supports", "1 likeness", "1 difference", "3 open questions"):
        assert text in attrs


def test_extra_links_are_drawn() -> None:
    source = dot_source(golden_map())
    ids = ids_by_map_id(source)
    attrs = _edge(source, ids["objection"], ids["judgment"])
    assert "style=dashed" in attrs and "constraint=false" in attrs and "arrowhead=tee" in attrs


def test_badges_are_separate_cells() -> None:
    source = dot_source(golden_map())
    pair = r"Likely · 55–80%</FONT></TD><TD [^>]*><FONT [^>]*>Moderate confidence"
    assert re.search(pair, source)
    assert "Roughly even chance · 45–55%" in source and "Low confidence" in source
    assert ">B2</FONT>" in source and ">A1</FONT>" in source
    assert ">Linchpin</FONT>" in source and ">Emerging</FONT>" in source


def test_legend_lists_only_what_is_present() -> None:
    small = Map(
        title="t",
        nodes={
            "a": Node(kind=Kind.CLAIM, text="A"),
            "b": Node(kind=Kind.REBUTTAL, parent="a", text="B"),
        },
    )
    source = dot_source(small)
    legend = dot_nodes(source)["legend"]
    assert ">Legend<" in legend and "OBJECTION" in legend and "rebuts: dashed, bar" in legend
    for absent in ("EVIDENCE", "UNDERCUT", "supports:", "analogy:", "Likely"):
        assert absent not in legend
    full = dot_nodes(dot_source(golden_map()))["legend"]
    for present in ("COUNTER-REBUTTAL", "undercuts:", "analogy:", "B2", "Linchpin", "Emerging"):
        assert present in full
    assert "legend" not in dot_nodes(dot_source(small, ExportOptions(legend=False)))


GREYS = re.compile(r"^#([0-9A-Fa-f]{2})\1\1$")
COLOUR = re.compile(r'(?:color|fillcolor|bgcolor|fontcolor|COLOR|BGCOLOR)="?([^" \]>]+)"?')


def _non_grey(source: str) -> set[str]:
    return {c for c in COLOUR.findall(source) if not (GREYS.match(c) or c in ("black", "white"))}


@pytest.mark.parametrize("name", ["default", "focus-factor-depth1", "slide-16x9", "tag-analyst"])
def test_grayscale_uses_greys_only(name: str) -> None:
    options = CASES[name]
    grey = options._replace(theme="grayscale")
    source = dot_source(golden_map(), grey)
    assert COLOUR.findall(source), "the scan found no colours at all"
    assert _non_grey(source) == set()
    for step in storyboard(select(golden_map(), grey)):
        assert _non_grey(build_digraph(step, grey, theme("grayscale")).source) == set()
    # The scan does find colour where there is some.
    assert _non_grey(dot_source(golden_map(), options))


def test_views_select_nodes() -> None:
    amap = golden_map()
    focus = ids_by_map_id(dot_source(amap, ExportOptions(focus="factor", depth=1)))
    assert set(focus) == {"factor", "ev-paper", "objection"}
    assert dot_source(amap, ExportOptions(focus="factor", depth=1)).count("+1 more below") == 2
    then = dot_source(amap, ExportOptions(era=Era.THEN))
    assert "cluster_now" not in then and "judgment" not in ids_by_map_id(then)
    tagged = ids_by_map_id(dot_source(amap, ExportOptions(tag="analyst")))
    assert set(tagged) == {"bluf", "factor", "objection"}
    both = ids_by_map_id(dot_source(amap, ExportOptions(era=Era.THEN, tag="seed")))
    assert set(both) == {"factor"}


def test_unknown_focus_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="did you mean 'factor'"):
        dot_source(golden_map(), ExportOptions(focus="facto"))
    with pytest.raises(UsageError, match="empty"):
        dot_source(golden_map(), ExportOptions(tag="nothing-has-this"))


def test_slide_sets_size_and_ratio() -> None:
    source = dot_source(golden_map(), ExportOptions(slide="16:9"))
    assert 'size="13.333,7.5!"' in source and "ratio=fill" in source
    assert 'size="10,7.5!"' in dot_source(golden_map(), ExportOptions(slide="4:3"))
    assert "dpi" not in source  # dpi is a PNG render option, never in the DOT


def _wide_map(children: int) -> Map:
    nodes = {"top": Node(kind=Kind.CLAIM, text="Top", tags=("bottom-line",))}
    for i in range(children):
        nodes[f"c{i}"] = Node(kind=Kind.CLAIM, parent="top", text=f"Claim {i}")
        nodes[f"e{i}"] = Node(kind=Kind.EVIDENCE, parent=f"c{i}", text=f"Evidence {i}")
        nodes[f"r{i}"] = Node(kind=Kind.REBUTTAL, parent="top", text=f"Objection {i}")
    return Map(title="Wide", nodes=nodes)


def test_slide_of_a_big_map_shows_what_fits() -> None:
    amap = _wide_map(10)
    view = select(amap, ExportOptions(slide="16:9"))
    assert view.notes and "shows 11 of 31 cards" in view.notes[0] and "folded" in view.notes[0]
    # Claims fill the slide's two rows of five; objections and evidence fold into counts.
    assert set(view.map.nodes) == {"top"} | {f"c{i}" for i in range(10)}
    assert view.hidden["top"] == 10 and view.hidden["c0"] == 1
    chosen = select(amap, ExportOptions(slide="16:9", depth=2))
    assert not chosen.notes and len(chosen.map.nodes) == len(amap.nodes)


def test_big_maps_get_the_fast_layout_and_no_tooltips() -> None:
    source = dot_source(_wide_map(600))
    assert "splines=line" in source and "nslimit=1" in source and "tooltip" not in source
    assert "splines" not in dot_source(golden_map())
