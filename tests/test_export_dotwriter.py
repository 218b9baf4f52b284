"""The DOT writer and the fast paths of the diagram builder against what they replace.

`dotwriter` must write what the graphviz package writes, byte for byte: its
quoting and attribute lists are compared with the package's own functions for
arbitrary text, and whole graphs built through both. The builder's shortcuts
(wrapping one ASCII paragraph, the walk order) are compared with the general code.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import graphviz
import pytest
from graphviz import quoting
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.export import dotwriter
from argmap.export.rows import walk_order
from argmap.export.text import (
    _wide_chars,
    _wrap_simple,
    _wrap_words,
    clean,
    display_width,
    esc,
    html_lines,
    wrap,
)
from argmap.model import Map
from tests.export_helpers import GOLDEN, PROFILE, golden_map

# Text the quoting rules treat specially: keywords in any case, numbers, HTML-like
# labels (with a final newline too: `$` matches before it), quotes, backslashes.
TRICKY = [
    "", "node", "NODE", "Edge", "graph", "digraph", "subgraph", "strict", "Strict",
    "n0", "_x", "x_1", "1", "-1", "1.", ".5", "-.5", "1.2.3", "1e3", "--1", "- 1",
    "<b>", "<>", "<", ">", "<a>b", "a<b>", "<b>\n", "<<B>x</B>>", "<\n>", "abc\n", "1\n",
    '"', '\\"', '\\\\"', '\\\\\\"', 'a"b', "\\", "a\\", "a\\\\", "C:\\new", "a b", "a:b",
    "a:b:c", "a:", ":", "::b", "tab\tx", "new\nline", "#2E7D32", "0.1,0.05", "rounded,filled",
    "Москва", "中苏", "ﬁ", "ǅ", "İ", "K",
]  # fmt: skip

PIECES = st.sampled_from([*TRICKY, " ", "\n", "\r", "<", ">", '"', "\\", ":", "-", ".", "7"])
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.lists(PIECES, max_size=6).map("".join),
    st.text(max_size=30),
    st.from_regex(r"-?[0-9]{0,3}(\.[0-9]{0,3})?", fullmatch=True),
    st.from_regex(r"<[^\n]{0,12}>\n?", fullmatch=True),
)
# Keys that would clash with the parameters of `node`, `edge` and `attr` (either library's).
PARAMETERS = {"self", "name", "tail", "head", "kind", "tail_name", "head_name", "kw", "_attributes"}
ATTRS = st.dictionaries(TEXT.filter(lambda key: key not in PARAMETERS), TEXT, max_size=5)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    # The package warns about text ending in an odd number of backslashes; the
    # text it writes is what matters here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _package(call: Callable[[], str]) -> str:
    with _quiet():
        return call()


@PROFILE
@given(TEXT)
def test_quote_is_the_packages(text: str) -> None:
    assert dotwriter.quote(text) == _package(lambda: quoting.quote(text))


@PROFILE
@given(TEXT)
def test_quote_edge_is_the_packages(text: str) -> None:
    assert dotwriter.quote_edge(text) == _package(lambda: quoting.quote_edge(text))


@PROFILE
@given(ATTRS, st.none() | TEXT)
def test_attr_list_is_the_packages(attrs: dict[str, str], label: str | None) -> None:
    expected = _package(lambda: quoting.attr_list(label, kwargs=attrs))
    assert dotwriter.attr_list(attrs, label) == expected
    # Twice: the second answer comes from the caches.
    assert dotwriter.attr_list(attrs, label) == expected


def test_quote_caches_start_over_when_full() -> None:
    for number in range(dotwriter._CACHE_MOST + 10):
        assert dotwriter.quote(f"{number} x") == f'"{number} x"'
    assert len(dotwriter._quoted) <= dotwriter._CACHE_MOST
    assert dotwriter.quote('say "hi"') == '"say \\"hi\\""'


# One statement of a graph: ("node", name, attrs), ("edge", tail, head, attrs),
# ("attr", kind, attrs) or ("sub", name, graph_attrs, statements).
NAME = st.one_of(st.sampled_from(["n0", "j1", "cluster_a", "node", "a b", "x:y"]), TEXT)
LEAF = st.one_of(
    st.tuples(st.just("node"), NAME, ATTRS),
    st.tuples(st.just("edge"), NAME, NAME, ATTRS),
    st.tuples(st.just("attr"), st.sampled_from(["graph", "node", "edge"]), ATTRS),
)
STATEMENTS = st.recursive(
    st.lists(LEAF, max_size=4),
    lambda inner: st.lists(
        st.one_of(LEAF, st.tuples(st.just("sub"), st.just("") | NAME, ATTRS, inner)),
        max_size=4,
    ),
    max_leaves=12,
)


def _fill(graph: Any, statements: list[Any], new: Callable[[str, dict[str, str]], Any]) -> None:
    for statement in statements:
        kind, *args = statement
        if kind == "node":
            graph.node(args[0], **args[1])
        elif kind == "edge":
            graph.edge(args[0], args[1], **args[2])
        elif kind == "attr":
            graph.attr(args[0], **args[1])
        else:
            sub = new(args[0], args[1])
            _fill(sub, args[2], new)
            graph.subgraph(sub)


def _ours(name: str, attrs: dict[str, str]) -> dotwriter.Digraph:
    return dotwriter.Digraph(name=name, graph_attr=attrs)


def _theirs(name: str, attrs: dict[str, str]) -> graphviz.Digraph:
    return graphviz.Digraph(name=name or None, graph_attr=attrs)


@PROFILE
@given(st.just("") | NAME, ATTRS, ATTRS, ATTRS, STATEMENTS)
def test_graphs_are_written_as_the_package_writes_them(
    name: str,
    graph_attr: dict[str, str],
    node_attr: dict[str, str],
    edge_attr: dict[str, str],
    statements: list[Any],
) -> None:
    ours = dotwriter.Digraph(name, graph_attr, node_attr, edge_attr)
    theirs = graphviz.Digraph(
        name=name or None, graph_attr=graph_attr, node_attr=node_attr, edge_attr=edge_attr
    )
    with _quiet():
        _fill(theirs, statements, _theirs)
        expected = theirs.source
    _fill(ours, statements, _ours)
    assert ours.source == expected


@PROFILE
@given(NAME, TEXT, ATTRS.filter(lambda attrs: "label" not in attrs))
def test_a_card_is_a_node_with_its_attributes_written(
    name: str, label: str, attrs: dict[str, str]
) -> None:
    ours, expected = dotwriter.Digraph(), dotwriter.Digraph()
    ours.card(name, label, dotwriter.a_list(attrs))
    expected.node(name, label=label, **attrs)
    assert ours.source == expected.source


@PROFILE
@given(NAME, NAME, ATTRS)
def test_a_shared_edge_is_an_edge_and_leaves_its_attributes(
    tail: str, head: str, attrs: dict[str, str]
) -> None:
    ours, expected = dotwriter.Digraph(), dotwriter.Digraph()
    before = dict(attrs)
    ours.shared_edge(tail, head, attrs)
    expected.edge(tail, head, **attrs)
    assert ours.source == expected.source
    assert attrs == before


def test_a_label_key_goes_first_in_nodes_and_edges_but_sorted_in_attr() -> None:
    graph = dotwriter.Digraph("g")
    graph.node("a", shape="box", label="<x>", color="red")
    graph.edge("a", "b", label="l m", arrowhead="tee")
    graph.attr("graph", label="t", color="blue")
    assert graph.source == (
        "digraph g {\n"
        "\ta [label=<x> color=red shape=box]\n"
        '\ta -> b [label="l m" arrowhead=tee]\n'
        "\tgraph [color=blue label=t]\n"
        "}\n"
    )


def test_dot_export_does_not_import_what_only_images_need(tmp_path: Path) -> None:
    # Neither the graphviz package nor subprocess (for running dot), nor html's tables.
    code = (
        "import sys; from pathlib import Path; from argmap import store;"
        "from argmap.export import export_map;"
        f"amap = store.load(Path({str(GOLDEN / 'export-map.yaml')!r})).map;"
        f"export_map(amap, 'dot', Path({str(tmp_path / 'x.dot')!r}));"
        "print([m for m in ('graphviz', 'subprocess', 'html') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "x.dot").read_text(encoding="utf-8").startswith("digraph argmap {\n")


# ---- the builder's shortcuts ----------------------------------------------------------

WORD = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=34)
ASCII_TEXT = st.lists(WORD, max_size=20).map(" ".join)
MIXED = ["Москва", "中苏友好同盟互助条约", "a", "  ", "\n", "é", "ｱ"]
ANY_TEXT = st.one_of(
    ASCII_TEXT,
    st.text(alphabet=" ab&<>]\\\"'\n\t", max_size=60),
    st.lists(st.sampled_from(MIXED)).map("".join),
    st.text(max_size=80),
)


def _general(text: str, width: int) -> str:
    """`html_lines` by the general route only: wrap, escape, join with line breaks."""
    return esc("\n".join(wrap(text, width))).replace("\n", "<BR/>")


@PROFILE
@given(ANY_TEXT, st.integers(min_value=1, max_value=45))
def test_html_lines_shortcut_is_the_general_route(text: str, width: int) -> None:
    assert html_lines(text, width) == _general(text, width)


@PROFILE
@given(st.lists(st.text("abc.-", min_size=1, max_size=12), max_size=20), st.integers(1, 30))
def test_simple_wrap_is_the_word_by_word_wrap(words: list[str], width: int) -> None:
    # By `rfind` per line against the general loop; None exactly when a word is too long.
    simple = _wrap_simple(" ".join(words), width)
    if any(len(word) > width for word in words):
        assert simple is None
    else:
        assert simple == _wrap_words(words, width)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("aaa bbb ccc", 7, "aaa bbb<BR/>ccc"),
        ("aaa  bbb   ccc ", 7, "aaa bbb<BR/>ccc"),
        ("abcdefghij kl", 4, "abcd<BR/>efgh<BR/>ij<BR/>kl"),  # too long: broken
        ("x & <y>] \\", 40, "x &amp; &lt;y&gt;&#93; \\\\"),
        ("Москва и Пекин", 6, "Москва<BR/>и<BR/>Пекин"),
    ],
)
def test_html_lines_wraps_and_escapes(text: str, width: int, expected: str) -> None:
    assert html_lines(text, width) == expected


@PROFILE
@given(st.text(max_size=40))
def test_text_is_as_wide_as_it_is_long_plus_its_wide_characters(text: str) -> None:
    assert display_width(text) == len(text) + sum(map(text.count, _wide_chars(text)))


@pytest.mark.parametrize("amap", [golden_map(), Map(title="empty")])
def test_walk_order_is_the_maps_walk(amap: Map) -> None:
    assert walk_order(amap) == [node_id for node_id, _ in amap.walk()]


def test_walk_order_of_the_small_map(small_map: Map) -> None:
    assert walk_order(small_map) == [node_id for node_id, _ in small_map.walk()]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_label_escaping_equals_html_escape(text: str) -> None:
    # The escape table stands in for html.escape(quote=True), whose import loads the
    # entity tables; what Graphviz reads must be the same.
    import html

    expected = html.escape(clean(text), quote=True).replace("\\", "\\\\").replace("]", "&#93;")
    assert esc(text) == expected
