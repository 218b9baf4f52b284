"""The argument map as immutable pydantic models, with pure queries over it.

The model knows nothing of YAML, Graphviz or Textual (a test enforces it). Field
order in each class is the canonical order of keys in a saved map.
"""

# No `from __future__ import annotations` here: pydantic would then compile each
# field's annotation from its text when the classes are built, ~6 M instructions
# (1-2 ms) of every command's start-up. Names used before their definition are quoted.

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

# The enums are part of the model's public face (mypy: implicit re-export for this
# module); they live in `enums` to keep this module short.
from argmap.enums import (
    Basis,
    Bears,
    Confidence,
    Credibility,
    Era,
    IndicatorStatus,
    Kind,
    Likelihood,
    QuestionState,
    Relation,
    Reliability,
    Role,
    Severity,
    Target,
    Weight,
)

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
FORMAT_VERSION = 1

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Tag = Annotated[str, StringConstraints(pattern=r"^[^\s,\[\]{}#]+$")]
Extensions = dict[Annotated[str, StringConstraints(pattern=r"^x-")], Any]


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_enum_values=False,
        populate_by_name=True,
        ser_json_inf_nan="constants",
    )


class Eras(_Frozen):
    """Labels of the two lanes."""

    then: Text = "Then"
    now: Text = "Now"


class Source(_Frozen):
    """A cited work, with its Admiralty reliability grade."""

    title: Text
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    reliability: Reliability | None = None
    note: str | None = None
    extensions: Extensions = Field(default_factory=dict)

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        # Hand-written YAML turns `date: 2025` into an int and `2025-12-01` into a date.
        if isinstance(value, bool):
            return value
        if isinstance(value, int | dt.date):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        return value


class Node(_Frozen):
    """A claim, evidence, rebuttal, assumption or indicator."""

    kind: Kind
    era: Era | None = None
    parent: Id | None = None
    target: Target | None = None
    text: Text
    likelihood: Likelihood | None = None
    confidence: Confidence | None = None
    source: Id | None = None
    locator: str | None = None
    quote: str | None = None
    credibility: Credibility | None = None
    linchpin: bool = False
    status: IndicatorStatus | None = None
    tags: tuple[Tag, ...] = ()
    note: str | None = None
    author: str | None = None
    updated: dt.date | None = None
    extensions: Extensions = Field(default_factory=dict)

    @property
    def is_undercut(self) -> bool:
        """True for a rebuttal that attacks the inference, not its parent."""
        return self.kind is Kind.REBUTTAL and self.target is Target.INFERENCE


# Which optional fields a kind may carry; the rest must be left empty.
KIND_FIELDS: Mapping[Kind, frozenset[str]] = {
    Kind.CLAIM: frozenset({"likelihood", "confidence"}),
    Kind.EVIDENCE: frozenset({"source", "locator", "quote", "credibility"}),
    Kind.REBUTTAL: frozenset({"target"}),
    Kind.ASSUMPTION: frozenset({"linchpin"}),
    Kind.INDICATOR: frozenset({"status"}),
}
KIND_SPECIFIC = frozenset().union(*KIND_FIELDS.values())

# The members `Map.role` compares with, as module names: on Python 3.11 reading a
# member through its enum class (`Kind.CLAIM`) takes ~190 ns, ten times a global
# name, and `role` runs for every node a diagram or the lint reads.
_ASSUMPTION, _INDICATOR, _REBUTTAL = Kind.ASSUMPTION, Kind.INDICATOR, Kind.REBUTTAL
_INFERENCE = Target.INFERENCE


class Link(_Frozen):
    """A relation beyond the tree: one node supports or rebuts another."""

    from_: Id = Field(alias="from")
    to: Id
    relation: Relation = Relation.SUPPORTS
    note: str | None = None
    extensions: Extensions = Field(default_factory=dict)


class Likeness(_Frozen):
    """What the historical and present cases share."""

    text: Text
    basis: Basis | None = None
    extensions: Extensions = Field(default_factory=dict)


class Difference(_Frozen):
    """How the cases differ, and how much that undermines the analogy."""

    text: Text
    weight: Weight | None = None
    extensions: Extensions = Field(default_factory=dict)


class Questions(_Frozen):
    """Walton's four critical questions for an argument from analogy."""

    differences: QuestionState = QuestionState.OPEN
    base_case: QuestionState = Field(default=QuestionState.OPEN, alias="base-case")
    counter_case: QuestionState = Field(default=QuestionState.OPEN, alias="counter-case")
    relevance: QuestionState = QuestionState.OPEN

    def items(self) -> list[tuple[str, QuestionState]]:
        """Return (key as saved, state) pairs in canonical order."""
        return [
            ("differences", self.differences),
            ("base-case", self.base_case),
            ("counter-case", self.counter_case),
            ("relevance", self.relevance),
        ]

    @property
    def open_count(self) -> int:
        """How many of the questions are still open."""
        return sum(state is QuestionState.OPEN for _, state in self.items())


class Analogy(_Frozen):
    """A bridge from a `then` claim to a `now` claim, with its examination."""

    then: Id
    now: Id
    bears: Bears = Bears.SUPPORTS
    likenesses: tuple[Likeness, ...] = ()
    differences: tuple[Difference, ...] = ()
    questions: Questions = Field(default_factory=Questions)
    tags: tuple[Tag, ...] = ()
    note: str | None = None
    extensions: Extensions = Field(default_factory=dict)

    @field_validator("likenesses", "differences", mode="before")
    @classmethod
    def _plain_strings(cls, value: object) -> object:
        # A bare string is shorthand for {text: ...}.
        if isinstance(value, list | tuple):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class LintConfig(_Frozen):
    """Per-map lint settings: accepted exceptions and changed severities."""

    ignore: tuple[Annotated[str, StringConstraints(min_length=1)], ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)


Index = Mapping[Any, tuple[str, ...]]


def _grouped(pairs: Iterable[tuple[Any, str]]) -> Index:
    """Values grouped under their keys, in order: [(k, a), (k, b)] -> {k: (a, b)}."""
    groups: dict[Any, list[str]] = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return {key: tuple(values) for key, values in groups.items()}


def _children_of(amap: "Map") -> Index:
    return _grouped((node.parent, node_id) for node_id, node in amap.nodes.items())


def _analogy_ends(amap: "Map") -> Index:
    return _grouped(
        (end, a_id)
        for a_id, analogy in amap.analogies.items()
        for end in dict.fromkeys((analogy.then, analogy.now))
    )


def _citations(amap: "Map") -> Index:
    return _grouped((n.source, n_id) for n_id, n in amap.nodes.items() if n.source is not None)


class Map(_Frozen):
    """One argument map. Node order within the dict is sibling order."""

    argmap: int = FORMAT_VERSION
    title: Text
    question: str | None = None
    eras: Eras = Field(default_factory=Eras)
    sources: dict[Id, Source] = Field(default_factory=dict)
    nodes: dict[Id, Node] = Field(default_factory=dict)
    links: tuple[Link, ...] = ()
    analogies: dict[Id, Analogy] = Field(default_factory=dict)
    lint: LintConfig = Field(default_factory=LintConfig)
    extensions: Extensions = Field(default_factory=dict)

    # Indexes built on first use, each kept with the dict it was built from:
    # `model_copy` carries private attributes over, so an index is reused only while
    # that dict is the same object.
    _children: tuple[object, Index] | None = PrivateAttr(default=None)
    _ends: tuple[object, Index] | None = PrivateAttr(default=None)
    _cites: tuple[object, Index] | None = PrivateAttr(default=None)

    @field_validator("argmap")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise ValueError(f"format version {value} is not supported; this argmap reads 1")
        return value

    def __eq__(self, other: object) -> bool:
        # Compare content only: the cached index is a private detail.
        if not isinstance(other, Map):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]  # dict fields: maps are not hashable

    def _cached(self, name: str, source: object, build: Callable[["Map"], Index]) -> Index:
        # pydantic's private dict directly: `self._children` would go through
        # BaseModel.__getattr__ (about 10 µs), and a walk asks once per node.
        private = self.__pydantic_private__
        entry = private.get(name) if private is not None else None
        if entry is None or entry[0] is not source:
            entry = (source, build(self))
            if private is not None:
                private[name] = entry
        index: Index = entry[1]
        return index

    # ---- pure queries -------------------------------------------------------

    def children(self, node_id: str | None) -> tuple[str, ...]:
        """Ids of the children of `node_id` in sibling order (None: the roots)."""
        return self.child_lists().get(node_id, ())

    def roots(self) -> tuple[str, ...]:
        """Ids of the nodes without a parent, in order."""
        return self.children(None)

    def ancestors(self, node_id: str) -> list[str]:
        """Ids from the parent of `node_id` up to its root; stops at a cycle."""
        out: list[str] = []
        seen = {node_id}
        parent = self.nodes[node_id].parent
        while parent is not None and parent in self.nodes and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.nodes[parent].parent
        return out

    def walk(self, start: str | None = None) -> Iterator[tuple[str, int]]:
        """Yield (id, depth) depth-first in sibling order, from the roots or from `start`."""
        starts = reversed(self.roots()) if start is None else [start]
        stack = [(node_id, 0) for node_id in starts]
        while stack:
            node_id, depth = stack.pop()
            yield node_id, depth
            stack.extend((c, depth + 1) for c in reversed(self.children(node_id)))

    def subtree(self, node_id: str) -> list[str]:
        """Ids of `node_id` and all its descendants, depth-first."""
        return [n for n, _ in self.walk(node_id)]

    def effective_era(self, node_id: str) -> Era | None:
        """The node's own era, or the nearest ancestor's."""
        node = self.nodes[node_id]
        if node.era is not None:
            return node.era
        for ancestor in self.ancestors(node_id):
            era = self.nodes[ancestor].era
            if era is not None:
                return era
        return None

    def role(self, node_id: str) -> Role:
        """The part `node_id` plays for its parent (reason, objection, undercut, ...)."""
        nodes = self.nodes
        node = nodes[node_id]
        kind = node.kind
        if kind is _ASSUMPTION:
            return Role.ASSUMPTION
        if kind is _INDICATOR:
            return Role.INDICATOR
        if node.parent is None or node.parent not in nodes:
            return Role.ROOT
        if kind is not _REBUTTAL:
            return Role.REASON
        if node.target is _INFERENCE:
            return Role.UNDERCUT
        return Role.COUNTER_REBUTTAL if nodes[node.parent].kind is _REBUTTAL else Role.OBJECTION

    def child_lists(self) -> Mapping[str | None, tuple[str, ...]]:
        """Each parent's children in sibling order (key None: the roots), cached per map.

        Parents without children are absent. Lets a caller compare two maps' trees in
        one pass instead of asking `children` for every node.
        """
        return self._cached("_children", self.nodes, _children_of)

    def built_child_lists(self) -> Mapping[str | None, tuple[str, ...]] | None:
        """`child_lists` if it is already built for this map (None: not yet)."""
        private = self.__pydantic_private__
        entry = private.get("_children") if private is not None else None
        return entry[1] if entry is not None and entry[0] is self.nodes else None

    def seed_child_lists(self, lists: Mapping[str | None, tuple[str, ...]]) -> None:
        """Give the map its `child_lists`, derived by an edit from the previous map's.

        Rebuilding the index costs 15-30 ms on 10,000 nodes, and an edit changes one or
        two parents' lists; `argmap.ops` derives them, and tests check that the result
        equals a fresh index after every kind of edit.
        """
        private = self.__pydantic_private__
        if private is not None:
            private["_children"] = (self.nodes, lists)

    def analogies_of(self, node_id: str) -> list[str]:
        """Ids of the analogies whose `then` or `now` end is `node_id`."""
        # Indexed once per analogies dict: the editor asks for each label it draws.
        return list(self._cached("_ends", self.analogies, _analogy_ends).get(node_id, ()))

    def links_of(self, node_id: str) -> list[Link]:
        """Extra links that start or end at `node_id`."""
        return [link for link in self.links if node_id in (link.from_, link.to)]

    def uses_of_source(self, source_id: str) -> list[str]:
        """Ids of the nodes citing `source_id`."""
        # Indexed once per nodes dict: the sources list asks for every source.
        return list(self._cached("_cites", self.nodes, _citations).get(source_id, ()))

    def bottom_lines(self) -> list[str]:
        """Ids of root claims tagged `bottom-line`."""
        return [
            n
            for n in self.roots()
            if self.nodes[n].kind is Kind.CLAIM and "bottom-line" in self.nodes[n].tags
        ]
