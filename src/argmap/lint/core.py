"""The rule registry, the `Finding` record, and the facts about a map that rules share.

A rule is a small function that reads a `Context` and yields `Hit`s; the registry
turns each hit into a `Finding` carrying the rule's code, severity, standard and hint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from argmap.lint.wording import YearSpan, era_range
from argmap.model import Bears, Era, Kind, Map, Relation, Severity


class TargetKind(StrEnum):
    """What a finding's `target` names."""

    MAP = "map"
    SOURCE = "source"
    NODE = "node"
    ANALOGY = "analogy"


@dataclass(frozen=True)
class Finding:
    """One weakness found in a map.

    Attributes:
        code: the rule's stable code, e.g. `ARG105`.
        severity: error, warning or info (after the map's `lint:` settings).
        target: id of the node, analogy or source concerned; None for the whole map.
        message: one line naming what is wrong.
        standard: the standard the rule serves, e.g. `ICD 203 std 2`.
        hint: what to do about it.
        target_kind: which kind of thing `target` names.
    """

    code: str
    severity: Severity
    target: str | None
    message: str
    standard: str
    hint: str
    target_kind: TargetKind = TargetKind.NODE


class Hit(NamedTuple):
    """What a rule check reports: the target, the message, and a hint when it differs."""

    target: str | None
    message: str
    hint: str | None = None


Check = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule.

    Attributes:
        code: stable code, never reused.
        name: short slug, e.g. `claim-without-support`.
        severity: default severity.
        standard: the standard it serves.
        summary: one line saying what it checks.
        hint: what to do when it fires.
        target_kind: the kind of thing its findings point at.
        check: the function that finds the hits.
    """

    code: str
    name: str
    severity: Severity
    standard: str
    summary: str
    hint: str
    target_kind: TargetKind
    check: Check


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    standard: str,
    summary: str,
    hint: str,
    target_kind: TargetKind = TargetKind.NODE,
) -> Callable[[Check], Check]:
    """Register the decorated check as a rule under `code`."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise ValueError(f"lint code {code} registered twice")
        REGISTRY[code] = Rule(code, name, severity, standard, summary, hint, target_kind, check)
        return check

    return register


def quoted(ids: Iterable[str]) -> str:
    """`a, b and c` from ids, for messages."""
    items = list(ids)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Context:
    """A map with the derived facts several rules need, each computed once."""

    def __init__(self, amap: Map) -> None:
        self.map = amap

    # ---- tree facts ----------------------------------------------------------
    # Built here once: Map.children goes through a pydantic private attribute, which
    # costs more per call than a whole rule does on a small map.

    @cached_property
    def tree(self) -> dict[str | None, list[str]]:
        """Children of every node in sibling order; key None holds the roots."""
        out: dict[str | None, list[str]] = {}
        for node_id, node in self.map.nodes.items():
            out.setdefault(node.parent, []).append(node_id)
        return out

    def children(self, node_id: str | None) -> list[str]:
        """Ids of the children of `node_id` (None: the roots), in sibling order."""
        return self.tree.get(node_id, [])

    @cached_property
    def order(self) -> list[str]:
        """Every node reachable from a root, depth-first, parents before children."""
        out: list[str] = []
        stack = list(reversed(self.children(None)))
        while stack:
            node_id = stack.pop()
            out.append(node_id)
            stack.extend(reversed(self.children(node_id)))
        return out

    def subtree(self, node_id: str) -> list[str]:
        """`node_id` and all its descendants, depth-first."""
        out: list[str] = []
        stack = [node_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children(current)))
        return out

    @cached_property
    def era(self) -> dict[str, Era | None]:
        """Effective era of every node (its own, or its nearest ancestor's)."""
        out: dict[str, Era | None] = {}
        for node_id in self.order:
            node = self.map.nodes[node_id]
            parent = node.parent
            out[node_id] = node.era if node.era is not None else out.get(parent or "")
        return out

    @cached_property
    def side(self) -> dict[str, int]:
        """+1 for nodes arguing for their root, -1 for nodes arguing against it."""
        out: dict[str, int] = {}
        for node_id in self.order:
            node = self.map.nodes[node_id]
            parent_side = out.get(node.parent or "", 1)
            out[node_id] = -parent_side if node.kind is Kind.REBUTTAL else parent_side
        return out

    @cached_property
    def root_of(self) -> dict[str, str]:
        """The root above every node."""
        out: dict[str, str] = {}
        for node_id in self.order:
            parent = self.map.nodes[node_id].parent
            out[node_id] = node_id if parent is None else out[parent]
        return out

    @cached_property
    def bottom_lines(self) -> list[str]:
        """Root claims tagged `bottom-line`."""
        return [
            n
            for n in self.children(None)
            if self.map.nodes[n].kind is Kind.CLAIM and "bottom-line" in self.map.nodes[n].tags
        ]

    @cached_property
    def by_kind(self) -> dict[Kind, list[str]]:
        """Ids of the nodes of each kind, in file order."""
        out: dict[Kind, list[str]] = {kind: [] for kind in Kind}
        for node_id, node in self.map.nodes.items():
            out[node.kind].append(node_id)
        return out

    def of_kind(self, kind: Kind) -> Iterator[str]:
        """Ids of nodes of `kind`, in file order."""
        return iter(self.by_kind[kind])

    @cached_property
    def judgment_ids(self) -> list[str]:
        """Present-day claims and bottom lines: the judgments ICD 203 asks to qualify."""
        heads = set(self.bottom_lines)
        return [
            n
            for n, node in self.map.nodes.items()
            if node.kind is Kind.CLAIM and (self.era.get(n) is Era.NOW or n in heads)
        ]

    def judgments(self) -> Iterator[str]:
        """Ids of the judgments, in file order."""
        return iter(self.judgment_ids)

    # ---- support ---------------------------------------------------------------

    @cached_property
    def support_links(self) -> dict[str, list[str]]:
        """For each node, the nodes that support it through an extra link."""
        return self._links(Relation.SUPPORTS)

    @cached_property
    def rebut_links(self) -> dict[str, list[str]]:
        """For each node, the nodes that rebut it through an extra link."""
        return self._links(Relation.REBUTS)

    def _links(self, relation: Relation) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for link in self.map.links:
            if link.relation is relation:
                out.setdefault(link.to, []).append(link.from_)
        return out

    @cached_property
    def supporting_analogies(self) -> dict[str, list[str]]:
        """For each `now` claim, the analogies that bear on it in support."""
        out: dict[str, list[str]] = {}
        for a_id, analogy in self.map.analogies.items():
            if analogy.bears is Bears.SUPPORTS:
                out.setdefault(analogy.now, []).append(a_id)
        return out

    def reasons(self, node_id: str) -> list[str]:
        """Children that support the node: claims and evidence."""
        return [
            c
            for c in self.children(node_id)
            if self.map.nodes[c].kind in (Kind.CLAIM, Kind.EVIDENCE)
        ]

    def answers(self, node_id: str) -> list[str]:
        """Rebuttal children (counter-rebuttals and undercuts) and rebutting links."""
        children = [c for c in self.children(node_id) if self.map.nodes[c].kind is Kind.REBUTTAL]
        return children + self.rebut_links.get(node_id, [])

    def has_support(self, node_id: str) -> bool:
        """Whether anything supports the node: a reason, a link or an analogy."""
        return bool(
            self.reasons(node_id)
            or self.support_links.get(node_id)
            or self.supporting_analogies.get(node_id)
        )

    def single_analogy(self, node_id: str) -> str | None:
        """The one analogy that is a claim's only support, if so."""
        analogies = self.supporting_analogies.get(node_id, [])
        if (
            len(analogies) == 1
            and not self.reasons(node_id)
            and not self.support_links.get(node_id)
        ):
            return analogies[0]
        return None

    def basis(self, node_id: str) -> list[str]:
        """Evidence the node rests on: through reasons, supporting links and analogies.

        Rebuttals, assumptions and indicators are not followed: they do not support.
        """
        found: Set[str] | None = self._evidence_below.get(node_id)
        if found is None:
            found = self._walk_evidence(node_id)
        return sorted(found, key=self.position.__getitem__)

    def _walk_evidence(self, node_id: str) -> set[str]:
        """Evidence reachable from `node_id`'s supporters, each node once."""
        seen = {node_id}
        evidence: list[str] = []
        stack = self._supporters(node_id)
        while stack:
            current = stack.pop()
            if current in seen or current not in self.map.nodes:
                continue
            seen.add(current)
            if self.map.nodes[current].kind is Kind.EVIDENCE:
                evidence.append(current)
            stack.extend(self._supporters(current))
        return set(evidence)

    @cached_property
    def _evidence_below(self) -> dict[str, frozenset[str]]:
        """`basis` of every node the support graph reaches without a cycle, as sets.

        Walking each claim's support afresh went over the same nodes again and again
        (a quarter of `argmap lint` on 10,000 nodes); here each node's set is the
        union of its supporters' sets, built once, children first. A node on a cycle
        of supporting links, or above one, is left out: `basis` walks it instead.
        """
        nodes = self.map.nodes
        done: dict[str, frozenset[str]] = {}
        tainted: set[str] = set()  # on a cycle or above one: sets would be partial
        for start in nodes:
            if start in done or start in tainted:
                continue
            path = {start}
            stack = [(start, iter(self._supporters(start)))]
            gathered: dict[str, set[str]] = {start: set()}
            while stack:
                node_id, pending = stack[-1]
                for supporter in pending:
                    if supporter not in nodes:
                        continue
                    if supporter in path or supporter in tainted:
                        tainted.add(node_id)
                        continue
                    if supporter not in done:
                        path.add(supporter)
                        gathered[supporter] = set()
                        stack.append((supporter, iter(self._supporters(supporter))))
                        break
                    below = gathered[node_id]
                    below |= done[supporter]
                    if nodes[supporter].kind is Kind.EVIDENCE:
                        below.add(supporter)
                else:
                    stack.pop()
                    path.discard(node_id)
                    finished = gathered.pop(node_id)
                    if node_id in tainted:
                        if stack:
                            tainted.add(stack[-1][0])
                        continue
                    done[node_id] = frozenset(finished)
                    if stack:  # the supporter just finished counts for the node above
                        above = gathered[stack[-1][0]]
                        above |= finished
                        if nodes[node_id].kind is Kind.EVIDENCE:
                            above.add(node_id)
        return done

    def _supporters(self, node_id: str) -> list[str]:
        out = self.reasons(node_id) + self.support_links.get(node_id, [])
        out.extend(self.map.analogies[a].then for a in self.supporting_analogies.get(node_id, []))
        return out

    @cached_property
    def position(self) -> dict[str, int]:
        """File position of each node."""
        return {n: i for i, n in enumerate(self.map.nodes)}

    def sources_of(self, evidence: Iterable[str]) -> list[str]:
        """Distinct sources cited by `evidence`, in first-cited order."""
        out: list[str] = []
        for e in evidence:
            source = self.map.nodes[e].source
            if source is not None and source not in out:
                out.append(source)
        return out

    # ---- time ------------------------------------------------------------------

    @cached_property
    def ranges(self) -> dict[Era, YearSpan | None]:
        """The years each era's label covers, when the label names any."""
        return {Era.THEN: era_range(self.map.eras.then), Era.NOW: era_range(self.map.eras.now)}
