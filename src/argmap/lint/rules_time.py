"""Rules on time: a claim's dates against the years its era's label covers.

A year mentioned beside one inside the claim's own era is context ("SEATO, founded in
1954, dissolved in 1977"), and a present-day claim that compares with the past ("than
in the 1950s") is not misplaced; neither is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.lint.core import Context, Hit, rule
from argmap.lint.wording import YearSpan, denied_years, years
from argmap.model import Era, Kind, Severity

GOLDBERG = "Neustadt & May (time-line)"

_PRESENT_MARKER = re.compile(
    r"\b(?:now|today|current|currently|present|presently|still|since|than|again|no longer"
    r"|once|anymore|any more|remains?|unlike|as in|echo(?:es)?|recalls?|revives?|returns?)\b",
    re.IGNORECASE,
)


def _dated_claims(ctx: Context) -> Iterator[tuple[str, Era, YearSpan, list[YearSpan]]]:
    """Claims with an era whose label has years, none of whose dates fall in that era."""
    for node_id in ctx.of_kind(Kind.CLAIM):
        era = ctx.era.get(node_id)
        own = ctx.ranges[era] if era is not None else None
        if era is None or own is None:
            continue
        spans = years(ctx.map.nodes[node_id].text)
        if spans and not any(s.overlaps(own) for s in spans):
            yield node_id, era, own, spans


def _label(ctx: Context, era: Era) -> str:
    return ctx.map.eras.then if era is Era.THEN else ctx.map.eras.now


def _other(era: Era) -> Era:
    return Era.NOW if era is Era.THEN else Era.THEN


@rule(
    "ARG601",
    "dated-in-other-era",
    Severity.WARNING,
    GOLDBERG,
    "A claim's dates all fall in the other era's years: it sits in the wrong lane, or a date"
    " is wrong.",
    "Check the date against the record; if it is right, move the claim to the other era.",
)
def dated_in_other_era(ctx: Context) -> Iterator[Hit]:
    """A then-claim dated in the present, or a now-claim dated only in the past."""
    for node_id, era, _own, spans in _dated_claims(ctx):
        other = ctx.ranges[_other(era)]
        if other is None:
            continue
        inside = [s for s in spans if s.overlaps(other)]
        if not inside:
            continue
        if era is Era.NOW and _PRESENT_MARKER.search(ctx.map.nodes[node_id].text):
            continue  # a comparison with the past, made from the present
        yield Hit(
            node_id,
            f"dated {inside[0].text}, in the {_other(era).value} era"
            f" ({_label(ctx, _other(era))}), but placed in {era.value}",
        )


@rule(
    "ARG602",
    "dated-outside-era",
    Severity.INFO,
    GOLDBERG,
    "A then-claim's dates all fall outside the then era's years, or a now-claim looks past"
    " the end of the now era.",
    "Check the date; if it is right, widen the era's label or say in a note why the claim"
    " belongs to this era.",
)
def dated_outside_era(ctx: Context) -> Iterator[Hit]:
    """Dates beyond the window the map's lanes declare."""
    for node_id, era, own, spans in _dated_claims(ctx):
        other = ctx.ranges[_other(era)]
        if other is not None and any(s.overlaps(other) for s in spans):
            continue  # ARG601's case
        if era is Era.THEN:
            yield Hit(node_id, f"dated {spans[0].text}, outside the then era ({_label(ctx, era)})")
            continue
        later = [s for s in spans if s.low > own.high]
        if later:
            yield Hit(
                node_id,
                f"looks ahead to {later[0].text}, beyond the now era ({_label(ctx, era)})",
            )


@rule(
    "ARG603",
    "date-disputed",
    Severity.WARNING,
    GOLDBERG,
    "A rebuttal denies a date the node gives (`… in 1972, not in 1971`).",
    "Check the date against the record; correct the text (keep the source's words in the"
    " quote) or lower the credibility grade and say why in a note.",
)
def date_disputed(ctx: Context) -> Iterator[Hit]:
    """A date that does not match the record, as the map's own rebuttal says."""
    for rebuttal_id in ctx.of_kind(Kind.REBUTTAL):
        rebuttal = ctx.map.nodes[rebuttal_id]
        if rebuttal.is_undercut or rebuttal.parent not in ctx.map.nodes:
            continue
        parent = ctx.map.nodes[rebuttal.parent]
        given = years(parent.text) + years(parent.quote or "")
        denied = [d for d in denied_years(rebuttal.text) if any(d.overlaps(g) for g in given)]
        if not denied:
            continue
        others = [s.text for s in years(rebuttal.text) if s not in denied]
        instead = f"{others[0]}, not {denied[0].text}" if others else f"not {denied[0].text}"
        yield Hit(rebuttal.parent, f"date disputed by {rebuttal_id}: {instead}")
