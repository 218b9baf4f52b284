"""Rules on the shape of the argument: bottom line up front, support, answered objections."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.core import Context, Hit, TargetKind, quoted, rule
from argmap.model import Kind, Severity

ICD6 = "ICD 203 std 6"


@rule(
    "ARG101",
    "no-bottom-line",
    Severity.ERROR,
    ICD6,
    "The map has no bottom line: no root claim tagged bottom-line.",
    "Tag the main judgment `bottom-line` and make it a root, so the briefing leads with it.",
    TargetKind.MAP,
)
def no_bottom_line(ctx: Context) -> Iterator[Hit]:
    """A briefing without a main message up front."""
    if ctx.bottom_lines:
        return
    roots = [n for n in ctx.children(None) if ctx.map.nodes[n].kind is Kind.CLAIM]
    if not ctx.map.nodes:
        yield Hit(None, "the map is empty: no bottom line to brief")
    elif roots:
        yield Hit(None, f"no bottom line: none of the root claims ({quoted(roots)}) is tagged")
    else:
        yield Hit(None, "no bottom line: the map has no root claim to lead with")


@rule(
    "ARG102",
    "several-bottom-lines",
    Severity.WARNING,
    ICD6,
    "Several root claims are tagged bottom-line: no one main message.",
    "Keep one bottom line; put the others under it as key judgments, or drop their tag.",
    TargetKind.MAP,
)
def several_bottom_lines(ctx: Context) -> Iterator[Hit]:
    """Two bottom lines compete for the top of the briefing."""
    if len(ctx.bottom_lines) > 1:
        yield Hit(
            None,
            f"{len(ctx.bottom_lines)} bottom lines ({quoted(ctx.bottom_lines)})"
            " and no one main message",
        )


@rule(
    "ARG103",
    "buried-bottom-line",
    Severity.WARNING,
    ICD6,
    "A claim tagged bottom-line is not a root, so it is not shown as the bottom line.",
    "Make it a root (move it to the top), or remove the bottom-line tag.",
)
def buried_bottom_line(ctx: Context) -> Iterator[Hit]:
    """The tag says bottom line but the node sits inside the tree."""
    for node_id, node in ctx.map.nodes.items():
        if "bottom-line" in node.tags and node.parent is not None:
            what = "a claim" if node.kind is Kind.CLAIM else f"{node.kind.value}"
            yield Hit(
                node_id,
                f"tagged bottom-line but {what} under '{node.parent}', not a root claim",
            )


@rule(
    "ARG104",
    "detached-root",
    Severity.INFO,
    ICD6,
    "A root node is not tied to the bottom line by the tree, a link or an analogy.",
    "Place it under the judgment it bears on, link it, or draw the analogy it serves.",
)
def detached_root(ctx: Context) -> Iterator[Hit]:
    """Material that argues for nothing the briefing says."""
    if not ctx.bottom_lines:
        return
    tied = _tied_to_bottom_lines(ctx)
    for root in ctx.children(None):
        if root not in tied:
            yield Hit(root, "stands apart: nothing ties it to the bottom line")


def _tied_to_bottom_lines(ctx: Context) -> set[str]:
    """Roots whose tree reaches a bottom line's tree through links or analogies."""
    neighbours: dict[str, set[str]] = {}

    def join(a: str, b: str) -> None:
        ra, rb = ctx.root_of.get(a), ctx.root_of.get(b)
        if ra is not None and rb is not None and ra != rb:
            neighbours.setdefault(ra, set()).add(rb)
            neighbours.setdefault(rb, set()).add(ra)

    for link in ctx.map.links:
        join(link.from_, link.to)
    for analogy in ctx.map.analogies.values():
        join(analogy.then, analogy.now)
    tied = set(ctx.bottom_lines)
    stack = list(tied)
    while stack:
        for other in neighbours.get(stack.pop(), ()):
            if other not in tied:
                tied.add(other)
                stack.append(other)
    return tied


@rule(
    "ARG105",
    "claim-without-support",
    Severity.WARNING,
    ICD6,
    "A claim has no support: no evidence or claim under it, no supporting link or analogy.",
    "Add the evidence it rests on (with its source and locator), or a reason beneath it.",
)
def claim_without_support(ctx: Context) -> Iterator[Hit]:
    """A bare assertion."""
    for node_id in ctx.of_kind(Kind.CLAIM):
        if not ctx.has_support(node_id):
            yield Hit(node_id, "asserted without support: no evidence, reason or analogy")


@rule(
    "ARG106",
    "unanswered-objection",
    Severity.WARNING,
    ICD6,
    "A rebuttal against the bottom line's argument has no counter-rebuttal or undercut.",
    "Answer it with a counter-rebuttal or an undercut, or concede it: lower the confidence"
    " of the judgment it attacks and say why.",
)
def unanswered_objection(ctx: Context) -> Iterator[Hit]:
    """Contrary information acknowledged but left standing."""
    heads = set(ctx.bottom_lines) or {
        n for n in ctx.children(None) if ctx.map.nodes[n].kind is Kind.CLAIM
    }
    for node_id in ctx.of_kind(Kind.REBUTTAL):
        if ctx.root_of.get(node_id) not in heads or ctx.side[node_id] > 0:
            continue
        if not ctx.answers(node_id):
            node = ctx.map.nodes[node_id]
            what = "undercut" if node.is_undercut else "objection"
            yield Hit(node_id, f"{what} left unanswered on the way to '{ctx.root_of[node_id]}'")
