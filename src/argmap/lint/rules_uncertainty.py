"""Rules on expressing uncertainty: likelihood, confidence and the words used for them."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.core import Context, Hit, rule
from argmap.lint.wording import ROW_ONE, ROW_TWO, certainty_words, confidence_phrase, hedges
from argmap.lint.wording import sentences as split_sentences
from argmap.lint.wording import terms as find_terms
from argmap.model import Confidence, Era, Kind, Severity
from argmap.tradecraft import LIKELIHOOD

ICD2 = "ICD 203 std 2"
ODNI = "ODNI confidence levels"

_ASSERTING = (Kind.CLAIM, Kind.REBUTTAL)


def _asserting(ctx: Context) -> Iterator[str]:
    """Claims and rebuttals: the nodes whose text states the analyst's propositions."""
    return (n for n, node in ctx.map.nodes.items() if node.kind in _ASSERTING)


@rule(
    "ARG201",
    "judgment-without-likelihood",
    Severity.WARNING,
    ICD2,
    "A present-day judgment has no ICD 203 likelihood.",
    "Set its likelihood (almost no chance … almost certain) for the event or development"
    " it judges.",
)
def judgment_without_likelihood(ctx: Context) -> Iterator[Hit]:
    """Judgments about now and next must say how likely."""
    for node_id in ctx.judgments():
        if ctx.era.get(node_id) is Era.NOW and ctx.map.nodes[node_id].likelihood is None:
            yield Hit(node_id, "present-day judgment without a likelihood")


@rule(
    "ARG202",
    "judgment-without-confidence",
    Severity.WARNING,
    ICD2,
    "A judgment (present-day claim or bottom line) has no confidence level.",
    "Set confidence (low, moderate, high) for the quality of its basis: sources,"
    " corroboration, assumptions, gaps.",
)
def judgment_without_confidence(ctx: Context) -> Iterator[Hit]:
    """Every major judgment says how sound its basis is."""
    for node_id in ctx.judgments():
        if ctx.map.nodes[node_id].confidence is None:
            yield Hit(node_id, "judgment without a confidence level")


@rule(
    "ARG203",
    "hedge-words",
    Severity.WARNING,
    ICD2,
    "Claim or rebuttal text hedges (may, might, could, possibly …) instead of using an"
    " ICD 203 term.",
    "Say it plainly and set the likelihood field, or use the ICD 203 term (e.g. 'likely')"
    " in the text.",
)
def hedge_words(ctx: Context) -> Iterator[Hit]:
    """Vague modal words leave the reader to guess the odds."""
    for node_id in _asserting(ctx):
        node = ctx.map.nodes[node_id]
        found = hedges(node.text, past=ctx.era.get(node_id) is Era.THEN)
        if not found:
            continue
        words = ", ".join(f"'{w}'" for w in found)
        if node.likelihood is not None:
            term = LIKELIHOOD[node.likelihood].term
            yield Hit(
                node_id,
                f"text hedges with {words} although its likelihood is set ({term})",
                "State the judgment plainly; the likelihood badge carries the uncertainty.",
            )
        else:
            yield Hit(node_id, f"text hedges with {words} instead of an ICD 203 likelihood")


@rule(
    "ARG204",
    "likelihood-and-confidence-together",
    Severity.WARNING,
    ICD2,
    "One sentence states both a likelihood and a confidence level.",
    "Keep likelihood (about the event) and confidence (about the basis) apart: move them to"
    " the likelihood and confidence fields, or to separate sentences.",
)
def likelihood_and_confidence(ctx: Context) -> Iterator[Hit]:
    """ICD 203: never put a likelihood and a confidence level in one sentence."""
    for node_id in _asserting(ctx):
        for sentence in split_sentences(ctx.map.nodes[node_id].text):
            found = find_terms(sentence)
            level = confidence_phrase(sentence)
            if found and level:
                yield Hit(
                    node_id,
                    f"'{found[0].phrase}' and '{level}' in one sentence",
                )
                break


@rule(
    "ARG205",
    "text-contradicts-likelihood",
    Severity.WARNING,
    ICD2,
    "The text uses a likelihood term that differs from the node's likelihood field.",
    "Make the text and the likelihood field agree (the badge is shown beside the text).",
)
def text_contradicts_likelihood(ctx: Context) -> Iterator[Hit]:
    """A claim reading "likely" with an "unlikely" badge confuses every reader."""
    for node_id, node in ctx.map.nodes.items():
        if node.likelihood is None:
            continue
        found = find_terms(node.text)
        if found and all(t.likelihood is not node.likelihood for t in found):
            badge = LIKELIHOOD[node.likelihood].term
            yield Hit(node_id, f"text says '{found[0].phrase}' but its likelihood is '{badge}'")


@rule(
    "ARG206",
    "mixed-term-rows",
    Severity.INFO,
    ICD2,
    "Text uses an ICD 203 alternative term (probable, improbable …) beside the main terms"
    " the badges use.",
    "Use one row of ICD 203 terms throughout: 'likely' rather than 'probable', and so on.",
)
def mixed_term_rows(ctx: Context) -> Iterator[Hit]:
    """ICD 203: do not mix the two rows of likelihood terms in one product."""
    row_one_used = any(n.likelihood is not None for n in ctx.map.nodes.values()) or any(
        t.row == ROW_ONE for n in _asserting(ctx) for t in find_terms(ctx.map.nodes[n].text)
    )
    if not row_one_used:
        return
    for node_id in _asserting(ctx):
        alternatives = [t for t in find_terms(ctx.map.nodes[node_id].text) if t.row == ROW_TWO]
        if alternatives:
            t = alternatives[0]
            main = LIKELIHOOD[t.likelihood].term
            yield Hit(node_id, f"'{t.phrase}' mixes ICD 203 rows; the map uses '{main}'")


@rule(
    "ARG207",
    "certainty-wording",
    Severity.WARNING,
    ICD2,
    "A present-day claim or rebuttal words its judgment as certain (certainly, inevitably …).",
    "The scale stops at 'almost certain' (95–99%): use that term, or drop the word.",
)
def certainty_wording(ctx: Context) -> Iterator[Hit]:
    """No judgment about the present or future is certain."""
    for node_id in _asserting(ctx):
        if ctx.era.get(node_id) is not Era.NOW:
            continue
        found = certainty_words(ctx.map.nodes[node_id].text)
        if found:
            words = ", ".join(f"'{w}'" for w in found)
            yield Hit(node_id, f"claims certainty ({words}) about the present or future")


@rule(
    "ARG208",
    "high-confidence-thin-sourcing",
    Severity.WARNING,
    ODNI,
    "A judgment has high confidence but its evidence cites fewer than two sources.",
    "High confidence needs consistent reporting from several independent sources:"
    " corroborate it, or lower confidence to moderate.",
)
def high_confidence_thin_sourcing(ctx: Context) -> Iterator[Hit]:
    """High confidence on one source is overconfidence."""
    for node_id, node in ctx.map.nodes.items():
        if node.kind is not Kind.CLAIM or node.confidence is not Confidence.HIGH:
            continue
        sources = ctx.sources_of(ctx.basis(node_id))
        if not sources:
            yield Hit(node_id, "high confidence but no sourced evidence beneath it")
        elif len(sources) == 1:
            yield Hit(node_id, f"high confidence on a single source ({sources[0]})")


@rule(
    "ARG209",
    "high-confidence-linchpin",
    Severity.WARNING,
    ODNI,
    "A judgment has high confidence yet presumes a linchpin assumption.",
    "High confidence means few assumptions: test the assumption (Key Assumptions Check)"
    " and lower confidence, or note why the assumption is beyond doubt.",
)
def high_confidence_linchpin(ctx: Context) -> Iterator[Hit]:
    """A judgment hanging on a linchpin is not high confidence."""
    for node_id, node in ctx.map.nodes.items():
        if node.kind is not Kind.CLAIM or node.confidence is not Confidence.HIGH:
            continue
        linchpins = [a for a in _assumptions_beneath(ctx, node_id) if ctx.map.nodes[a].linchpin]
        if linchpins:
            yield Hit(node_id, f"high confidence but it presumes linchpin '{linchpins[0]}'")


def _assumptions_beneath(ctx: Context, node_id: str) -> list[str]:
    """Assumptions of the node and of the claims that support it."""
    holders = [node_id, *sorted(_support_claims(ctx, node_id), key=ctx.position.__getitem__)]
    return [
        c
        for holder in holders
        for c in ctx.children(holder)
        if ctx.map.nodes[c].kind is Kind.ASSUMPTION
    ]


def _support_claims(ctx: Context, node_id: str) -> set[str]:
    out: set[str] = set()
    stack = ctx.reasons(node_id)
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack.extend(ctx.reasons(current))
    return out
