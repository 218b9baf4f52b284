"""The fields only some kinds of node carry (likelihood for claims, source for evidence...).

Only the current kind's fields are built: every Select is a dozen widgets, and a
form that builds all of them takes noticeably long to open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select

from argmap.model import (
    Confidence,
    Credibility,
    IndicatorStatus,
    Kind,
    Source,
    Target,
)
from argmap.summary import shorten
from argmap.tradecraft import CREDIBILITY, INDICATOR_STATUS, LIKELIHOOD
from argmap.tui.screens.form import fill_input, labelled, options

TARGET_LABEL = {
    Target.NODE: "its parent (an objection)",
    Target.INFERENCE: "the inference from its parent to the grandparent (an undercut)",
}

# Field ids per kind, in form order; `linchpin` is a checkbox, the rest are values.
KIND_FIELD_IDS: dict[Kind, tuple[str, ...]] = {
    Kind.CLAIM: ("likelihood", "confidence"),
    Kind.EVIDENCE: ("source", "locator", "quote", "credibility"),
    Kind.REBUTTAL: ("target",),
    Kind.ASSUMPTION: ("linchpin",),
    Kind.INDICATOR: ("status",),
}


def source_options(sources: Mapping[str, Source]) -> list[tuple[Any, Any]]:
    """Select options for the sources, by title."""
    return options((f"{shorten(s.title, 50)}  [{sid}]", sid) for sid, s in sources.items())


def source_prompt(*, can_add: bool) -> str:
    """What the source select shows when no source is picked."""
    return "(none: ctrl+n adds one)" if can_add else "(none)"


def _opt(value: Any) -> Any:
    return Select.NULL if value is None else value


def kind_fields(
    kind: Kind, values: Mapping[str, Any], sources: Mapping[str, Source], *, can_add: bool
) -> list[Widget]:
    """The rows for `kind`'s own fields, filled from `values`."""
    get = values.get
    rows: list[Widget] = []
    if kind is Kind.CLAIM:
        likelihoods = ((f"{t.term} ({t.range})", k) for k, t in LIKELIHOOD.items())
        rows += labelled(
            "Likelihood",
            Select(
                options(likelihoods),
                value=_opt(get("likelihood")),
                prompt="(ICD 203 term)",
                id="likelihood",
            ),
        )
        rows += labelled(
            "Confidence",
            Select(
                options((c.value, c) for c in Confidence),
                value=_opt(get("confidence")),
                prompt="(low, moderate, high)",
                id="confidence",
            ),
        )
    elif kind is Kind.EVIDENCE:
        rows += labelled(
            "Source",
            Select(
                source_options(sources),
                value=_opt(get("source")),
                prompt=source_prompt(can_add=can_add),
                id="source",
            ),
        )
        locator = Input(get("locator") or "", placeholder="page or paragraph", id="locator")
        rows += labelled("Locator", locator)
        rows += labelled("Quote", Input(get("quote") or "", id="quote"))
        rows += labelled(
            "Credibility",
            Select(
                options((f"{int(c)} — {CREDIBILITY[c]}", c) for c in Credibility),
                value=_opt(get("credibility")),
                prompt="(Admiralty 1–6)",
                id="credibility",
            ),
        )
    elif kind is Kind.REBUTTAL:
        rows += labelled(
            "Attacks",
            Select(
                options((TARGET_LABEL[t], t) for t in Target),
                value=get("target") or Target.NODE,
                allow_blank=False,
                id="target",
            ),
        )
    elif kind is Kind.ASSUMPTION:
        label = "Linchpin (the argument collapses without it)"
        rows.append(Checkbox(label, bool(get("linchpin")), id="linchpin"))
    else:
        rows += labelled(
            "Status",
            Select(
                options((INDICATOR_STATUS[s], s) for s in IndicatorStatus),
                value=_opt(get("status")),
                prompt="(not yet judged)",
                id="status",
            ),
        )
    return rows


def read_kind_fields(container: Widget, kind: Kind) -> dict[str, Any]:
    """The values of `kind`'s fields as shown in `container` (None when blank)."""
    out: dict[str, Any] = {}
    for field_id in KIND_FIELD_IDS[kind]:
        widget = container.query_one(f"#{field_id}")
        if isinstance(widget, Checkbox):
            out[field_id] = widget.value
        elif isinstance(widget, Select):
            out[field_id] = None if widget.value is Select.NULL else widget.value
        elif isinstance(widget, Input):
            out[field_id] = widget.value.strip() or None
    return out


def fill_kind_fields(container: Widget, kind: Kind, values: Mapping[str, Any]) -> None:
    """Set `kind`'s fields in `container` from `values`, as `kind_fields` builds them."""
    get = values.get
    for field_id in KIND_FIELD_IDS[kind]:
        widget = container.query_one(f"#{field_id}")
        if isinstance(widget, Checkbox):
            widget.value = bool(get(field_id))
        elif isinstance(widget, Select):
            if field_id == "target":
                widget.value = get("target") or Target.NODE
            else:
                widget.value = _opt(get(field_id))
        elif isinstance(widget, Input):
            fill_input(widget, get(field_id) or "")
