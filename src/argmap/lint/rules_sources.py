"""Rules on sources and evidence: Admiralty grades, citations, corroboration, currency."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.core import Context, Hit, TargetKind, quoted, rule
from argmap.model import Confidence, Credibility, Era, Kind, Reliability, Severity
from argmap.tradecraft import CREDIBILITY, RELIABILITY, grade

ICD1 = "ICD 203 std 1"
ICD1_3 = "ICD 203 std 1, 3"
ADMIRALTY = "Admiralty"

_LOW_RELIABILITY = (Reliability.E, Reliability.F)
_LOW_CREDIBILITY = (Credibility.IMPROBABLE, Credibility.CANNOT_BE_JUDGED)


@rule(
    "ARG301",
    "evidence-without-source",
    Severity.WARNING,
    ICD1,
    "Evidence cites no source.",
    "Set its source (add the work under sources: if needed) and a locator or quote.",
)
def evidence_without_source(ctx: Context) -> Iterator[Hit]:
    """Evidence nobody can check."""
    for node_id in ctx.of_kind(Kind.EVIDENCE):
        if ctx.map.nodes[node_id].source is None:
            yield Hit(node_id, "evidence without a source")


@rule(
    "ARG302",
    "source-without-reliability",
    Severity.WARNING,
    ADMIRALTY,
    "A source has no Admiralty reliability grade (A–F).",
    "Grade the source's reliability A–F; use F if it cannot be judged.",
    TargetKind.SOURCE,
)
def source_without_reliability(ctx: Context) -> Iterator[Hit]:
    """Ungraded sources hide their quality from the reader."""
    for source_id, source in ctx.map.sources.items():
        if source.reliability is None:
            yield Hit(source_id, "source without a reliability grade")


@rule(
    "ARG303",
    "evidence-without-credibility",
    Severity.WARNING,
    ADMIRALTY,
    "Evidence has no Admiralty credibility grade (1–6).",
    "Grade the information's credibility 1–6; use 6 if its truth cannot be judged.",
)
def evidence_without_credibility(ctx: Context) -> Iterator[Hit]:
    """Ungraded information."""
    for node_id in ctx.of_kind(Kind.EVIDENCE):
        if ctx.map.nodes[node_id].credibility is None:
            yield Hit(node_id, "evidence without a credibility grade")


def _grade_of(ctx: Context, evidence_id: str) -> str:
    node = ctx.map.nodes[evidence_id]
    source = ctx.map.sources.get(node.source) if node.source else None
    return grade(source.reliability if source else None, node.credibility) or "ungraded"


def _is_low_graded(ctx: Context, evidence_id: str) -> bool:
    node = ctx.map.nodes[evidence_id]
    source = ctx.map.sources.get(node.source) if node.source else None
    weak_source = source is not None and source.reliability in _LOW_RELIABILITY
    return weak_source or node.credibility in _LOW_CREDIBILITY


def _why_low(ctx: Context, evidence_id: str) -> str:
    node = ctx.map.nodes[evidence_id]
    source = ctx.map.sources.get(node.source) if node.source else None
    if source is not None and source.reliability in _LOW_RELIABILITY:
        return RELIABILITY[source.reliability]
    assert node.credibility is not None  # _is_low_graded holds
    return CREDIBILITY[node.credibility]


@rule(
    "ARG304",
    "low-graded-support-only",
    Severity.WARNING,
    ADMIRALTY,
    "A claim's only support is evidence graded E/F or 5/6.",
    "Find better-graded or corroborating evidence, or present the claim as a gap.",
)
def low_graded_support_only(ctx: Context) -> Iterator[Hit]:
    """A claim propped up only by unreliable or ungradable information."""
    for node_id in ctx.of_kind(Kind.CLAIM):
        supporters = ctx.reasons(node_id) + ctx.support_links.get(node_id, [])
        if not supporters or ctx.supporting_analogies.get(node_id):
            continue
        if all(
            ctx.map.nodes[s].kind is Kind.EVIDENCE and _is_low_graded(ctx, s) for s in supporters
        ):
            first = supporters[0]
            yield Hit(
                node_id,
                f"rests only on low-graded evidence ({first}: {_grade_of(ctx, first)},"
                f" {_why_low(ctx, first)})",
            )


@rule(
    "ARG305",
    "unused-source",
    Severity.INFO,
    ICD1,
    "A source is listed but no evidence cites it.",
    "Add the evidence it provides (with a locator), or remove the source.",
    TargetKind.SOURCE,
)
def unused_source(ctx: Context) -> Iterator[Hit]:
    """A bibliography entry that does no work in the argument."""
    cited = {n.source for n in ctx.map.nodes.values() if n.source is not None}
    for source_id in ctx.map.sources:
        if source_id not in cited:
            yield Hit(source_id, "no evidence cites this source")


def _present_evidence(ctx: Context, node_id: str) -> list[str]:
    return [e for e in ctx.basis(node_id) if ctx.era.get(e) is not Era.THEN]


@rule(
    "ARG306",
    "single-source-judgment",
    Severity.WARNING,
    ICD1_3,
    "A judgment's present-day evidence all comes from one source.",
    "Corroborate it with an independent source, or set confidence low and say why.",
)
def single_source_judgment(ctx: Context) -> Iterator[Hit]:
    """One source carries the judgment (high confidence is ARG208; low admits it)."""
    for node_id in ctx.judgments():
        if ctx.map.nodes[node_id].confidence in (Confidence.LOW, Confidence.HIGH):
            continue
        sources = ctx.sources_of(_present_evidence(ctx, node_id))
        if len(sources) == 1:
            yield Hit(node_id, f"its present-day evidence comes from one source ({sources[0]})")


@rule(
    "ARG307",
    "judgment-without-evidence",
    Severity.WARNING,
    ICD1_3,
    "A judgment is argued but no evidence lies beneath it.",
    "Add the evidence its reasons rest on, so the judgment is more than assertion.",
)
def judgment_without_evidence(ctx: Context) -> Iterator[Hit]:
    """Reasons all the way down, and no information at the bottom."""
    for node_id in ctx.judgments():
        if ctx.has_support(node_id) and not ctx.basis(node_id):
            yield Hit(node_id, "supported by reasons, but no evidence lies beneath them")


@rule(
    "ARG308",
    "then-evidence-only",
    Severity.WARNING,
    ICD1_3,
    "A present-day judgment rests only on evidence from the historical (then) era.",
    "Add present-day evidence; history can frame a judgment about now but not carry it.",
)
def then_evidence_only(ctx: Context) -> Iterator[Hit]:
    """A judgment about now proven only with the past (ARG505 covers a lone analogy)."""
    for node_id in ctx.judgments():
        if ctx.era.get(node_id) is not Era.NOW or ctx.single_analogy(node_id) is not None:
            continue
        basis = ctx.basis(node_id)
        if basis and not _present_evidence(ctx, node_id):
            yield Hit(
                node_id,
                f"its only evidence is from the then era ({quoted(basis[:3])}"
                f"{' …' if len(basis) > 3 else ''})",
            )


@rule(
    "ARG309",
    "evidence-without-locator",
    Severity.INFO,
    ICD1,
    "Evidence cites a source but gives neither a locator nor a quote.",
    "Add a locator (page, paragraph, section) or the quoted words, so a reader can check it.",
)
def evidence_without_locator(ctx: Context) -> Iterator[Hit]:
    """A citation without a place to look."""
    for node_id in ctx.of_kind(Kind.EVIDENCE):
        node = ctx.map.nodes[node_id]
        if node.source is not None and not node.locator and not node.quote:
            yield Hit(node_id, f"cites {node.source} without a locator or quote")


@rule(
    "ARG310",
    "unconfirmed-credibility-1",
    Severity.INFO,
    ADMIRALTY,
    "Evidence graded 1 (confirmed by other sources) has no other source beside it.",
    "Add the confirming evidence from another source, or grade it 2 (probably true).",
)
def unconfirmed_credibility_one(ctx: Context) -> Iterator[Hit]:
    """Grade 1 claims a corroboration the map does not show."""
    for node_id in ctx.of_kind(Kind.EVIDENCE):
        node = ctx.map.nodes[node_id]
        if node.credibility is not Credibility.CONFIRMED or node.parent is None:
            continue
        others = [
            e
            for e in ctx.reasons(node.parent) + ctx.support_links.get(node.parent, [])
            if e != node_id and ctx.map.nodes[e].kind is Kind.EVIDENCE
        ]
        if not any(ctx.map.nodes[e].source not in (None, node.source) for e in others):
            yield Hit(node_id, "graded 1 (confirmed) but no other source confirms it here")
