"""Lint's shortcuts give what the plain ways give: the support sets, the term pre-check."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.lint.core import Context
from argmap.lint.wording import _TERM_RE, terms, unquoted
from argmap.model import Analogy, Bears, Era, Kind, Link, Map, Node, Relation

KINDS = [Kind.CLAIM, Kind.EVIDENCE, Kind.REBUTTAL, Kind.ASSUMPTION]


@st.composite
def support_graphs(draw: st.DrawFn) -> Map:
    """Trees of mixed kinds with supporting and rebutting links (cycles allowed) and
    analogies: the shapes whose support `basis` follows."""
    count = draw(st.integers(1, 14))
    nodes: dict[str, Node] = {}
    for i in range(count):
        parent = draw(st.none() | st.sampled_from(list(nodes))) if nodes else None
        kind = draw(st.sampled_from(KINDS))
        era = draw(st.sampled_from([Era.THEN, Era.NOW])) if parent is None else None
        nodes[f"n{i}"] = Node(kind=kind, parent=parent, era=era, text=f"node {i}")
    ids = list(nodes)
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    links = [
        Link(from_=a, to=b, relation=relation)
        for (a, b), relation in draw(
            st.lists(st.tuples(pairs, st.sampled_from(list(Relation))), max_size=8)
        )
    ]
    analogies = {
        f"a{i}": Analogy(then=a, now=b, bears=bears)
        for i, ((a, b), bears) in enumerate(
            draw(st.lists(st.tuples(pairs, st.sampled_from(list(Bears))), max_size=4))
        )
    }
    return Map(title="t", nodes=nodes, links=tuple(links), analogies=analogies)


def _plain_basis(amap: Map, node_id: str) -> list[str]:
    """Evidence reachable through supporting children, links and analogies: a fresh walk."""
    supporters: dict[str, list[str]] = {n: [] for n in amap.nodes}
    for n, node in amap.nodes.items():
        if node.parent is not None and node.kind in (Kind.CLAIM, Kind.EVIDENCE):
            supporters[node.parent].append(n)
    for link in amap.links:
        if link.relation is Relation.SUPPORTS and link.to in supporters:
            supporters[link.to].append(link.from_)
    for analogy in amap.analogies.values():
        if analogy.bears is Bears.SUPPORTS and analogy.now in supporters:
            supporters[analogy.now].append(analogy.then)
    seen = {node_id}
    stack = list(supporters[node_id])
    while stack:
        current = stack.pop()
        if current in seen or current not in amap.nodes:
            continue
        seen.add(current)
        stack.extend(supporters[current])
    evidence = seen - {node_id}
    return [n for n, node in amap.nodes.items() if n in evidence and node.kind is Kind.EVIDENCE]


@settings(max_examples=300, deadline=None)
@given(support_graphs())
def test_basis_equals_a_fresh_walk_from_every_node(amap: Map) -> None:
    ctx = Context(amap)
    for node_id in amap.nodes:
        assert ctx.basis(node_id) == _plain_basis(amap, node_id), node_id


def test_basis_through_a_cycle_of_links() -> None:
    nodes = {
        "top": Node(kind=Kind.CLAIM, era=Era.NOW, text="top"),
        "a": Node(kind=Kind.CLAIM, parent="top", text="a"),
        "b": Node(kind=Kind.CLAIM, era=Era.NOW, text="b"),
        "ev-a": Node(kind=Kind.EVIDENCE, parent="a", text="ev a"),
        "ev-b": Node(kind=Kind.EVIDENCE, parent="b", text="ev b"),
    }
    links = (Link(from_="a", to="b"), Link(from_="b", to="a"))
    ctx = Context(Map(title="t", nodes=nodes, links=links))
    assert ctx.basis("top") == ["ev-a", "ev-b"]
    assert ctx.basis("a") == ["ev-a", "ev-b"]
    assert ctx.basis("b") == ["ev-a", "ev-b"]
    assert ctx.basis("ev-a") == []


# Text made of pieces of the phrases, the characters IGNORECASE folds onto ASCII
# letters (ı, İ, ſ, the Kelvin sign), quotes and spaces.
PIECES = st.sampled_from(
    [
        *("likely", "un", "LIKELY", "l", "ı", "İ", "kely", "probab", "ly", "very", "ſ", "K"),
        *("remote", "almost", " certain", "chance", "roughly even", "nearly", '"', " ", "\n"),
        *(".", "i"),
    ]
)


def _plain_terms(text: str) -> list[str]:
    return [m.group(0) for m in _TERM_RE.finditer(unquoted(text))]


def _spells(phrase: str, written: str) -> bool:
    pattern = re.escape(phrase).replace(r"\ ", r"\s+")
    return re.fullmatch(pattern, written, re.IGNORECASE) is not None


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=40))
def test_term_pre_check_never_hides_a_term(text: str) -> None:
    found = [t.phrase for t in terms(text)]
    written = _plain_terms(text)
    assert len(found) == len(written)
    assert all(_spells(p, w) for p, w in zip(found, written, strict=True)), (found, written)


def test_odd_letters_that_match_the_terms_give_the_terms() -> None:
    # The regex's IGNORECASE matches ı and İ to i, ſ to s, the Kelvin sign to k.
    assert [t.phrase for t in terms("It is unlıkely.")] == ["unlikely"]
    assert [t.phrase for t in terms("It is LİKELY.")] == ["likely"]
    assert [t.phrase for t in terms("Very \u212aind of improbable")] == ["improbable"]
