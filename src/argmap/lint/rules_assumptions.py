"""Rules on assumptions and indicators: linchpins stated, watched, and their signposts read."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.core import Context, Hit, rule
from argmap.model import IndicatorStatus, Kind, Severity

ICD3 = "ICD 203 std 3"


def _indicators(ctx: Context, node_id: str) -> list[str]:
    return [c for c in ctx.children(node_id) if ctx.map.nodes[c].kind is Kind.INDICATOR]


@rule(
    "ARG401",
    "linchpin-without-indicator",
    Severity.WARNING,
    ICD3,
    "A linchpin assumption has no indicator.",
    "Add an indicator under it: the observable fact that would show the assumption failing"
    " (Alexander's question).",
)
def linchpin_without_indicator(ctx: Context) -> Iterator[Hit]:
    """A linchpin nobody is watching."""
    for node_id in ctx.of_kind(Kind.ASSUMPTION):
        if ctx.map.nodes[node_id].linchpin and not _indicators(ctx, node_id):
            yield Hit(node_id, "linchpin assumption with no indicator to watch")


@rule(
    "ARG402",
    "indicator-without-status",
    Severity.WARNING,
    ICD3,
    "An indicator has no status (not-observed, emerging, observed).",
    "Record its status as of now, and update it as reporting comes in.",
)
def indicator_without_status(ctx: Context) -> Iterator[Hit]:
    """A signpost whose reading is unknown."""
    for node_id in ctx.of_kind(Kind.INDICATOR):
        if ctx.map.nodes[node_id].status is None:
            yield Hit(node_id, "indicator without a status")


def _watched(ctx: Context, node_id: str) -> str:
    parent = ctx.map.nodes[node_id].parent
    return f"'{parent}'" if parent is not None else "its judgment"


@rule(
    "ARG403",
    "indicator-observed",
    Severity.WARNING,
    ICD3,
    "An indicator is observed: the judgment or assumption it watches needs revisiting.",
    "Revisit what it watches: revise its likelihood or confidence, or record why it holds.",
)
def indicator_observed(ctx: Context) -> Iterator[Hit]:
    """The signpost has appeared."""
    for node_id in ctx.of_kind(Kind.INDICATOR):
        if ctx.map.nodes[node_id].status is IndicatorStatus.OBSERVED:
            yield Hit(node_id, f"signpost observed: revisit {_watched(ctx, node_id)}")


@rule(
    "ARG404",
    "indicator-emerging",
    Severity.INFO,
    ICD3,
    "An indicator is emerging: watch what it signals.",
    "Check the latest reporting and say in a note whether what it watches still holds.",
)
def indicator_emerging(ctx: Context) -> Iterator[Hit]:
    """The signpost is coming into view."""
    for node_id in ctx.of_kind(Kind.INDICATOR):
        if ctx.map.nodes[node_id].status is IndicatorStatus.EMERGING:
            yield Hit(node_id, f"signpost emerging: watch {_watched(ctx, node_id)}")


@rule(
    "ARG405",
    "no-linchpin-stated",
    Severity.INFO,
    ICD3,
    "No linchpin assumption is stated anywhere under the bottom line.",
    "State the assumption the bottom line hinges on (kind: assumption, linchpin: true),"
    " and what follows if it is wrong.",
)
def no_linchpin_stated(ctx: Context) -> Iterator[Hit]:
    """ICD 203 asks for the linchpin assumptions of major judgments."""
    for node_id in ctx.bottom_lines:
        beneath = ctx.subtree(node_id)
        if not any(
            ctx.map.nodes[n].kind is Kind.ASSUMPTION and ctx.map.nodes[n].linchpin for n in beneath
        ):
            yield Hit(node_id, "bottom line with no linchpin assumption stated")
