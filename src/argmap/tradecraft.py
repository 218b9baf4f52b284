"""Canned wordings of the analysts' standards, kept in one place so they can be corrected.

Sources: ODNI ICD 203 (2015) and its estimative-language annexes; Admiralty/NATO
grading (STANAG 2511, AJP-2.1); Walton's critical questions for argument from
analogy; Neustadt & May, *Thinking in Time*.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.model import (
    Confidence,
    Credibility,
    IndicatorStatus,
    Kind,
    Likelihood,
    QuestionState,
    Reliability,
    Role,
    Weight,
)


class LikelihoodTerm(NamedTuple):
    """One row of the ICD 203 likelihood table."""

    term: str
    alternative: str
    low: int
    high: int

    @property
    def range(self) -> str:
        """The probability range, e.g. `55–80%`."""
        return f"{self.low}–{self.high}%"


LIKELIHOOD: dict[Likelihood, LikelihoodTerm] = {
    Likelihood.ALMOST_NO_CHANCE: LikelihoodTerm("almost no chance", "remote", 1, 5),
    Likelihood.VERY_UNLIKELY: LikelihoodTerm("very unlikely", "highly improbable", 5, 20),
    Likelihood.UNLIKELY: LikelihoodTerm("unlikely", "improbable", 20, 45),
    Likelihood.ROUGHLY_EVEN: LikelihoodTerm("roughly even chance", "roughly even odds", 45, 55),
    Likelihood.LIKELY: LikelihoodTerm("likely", "probable", 55, 80),
    Likelihood.VERY_LIKELY: LikelihoodTerm("very likely", "highly probable", 80, 95),
    Likelihood.ALMOST_CERTAIN: LikelihoodTerm("almost certain", "nearly certain", 95, 99),
}

CONFIDENCE: dict[Confidence, str] = {
    Confidence.LOW: (
        "fragmentary, dated or poorly corroborated information, questionable sources,"
        " many assumptions"
    ),
    Confidence.MODERATE: (
        "credibly sourced and plausible, but not corroborated well enough for high"
    ),
    Confidence.HIGH: (
        "sound argument and high-quality, consistent reporting from several sources;"
        " still not certainty"
    ),
}

RELIABILITY: dict[Reliability, str] = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}

CREDIBILITY: dict[Credibility, str] = {
    Credibility.CONFIRMED: "confirmed by other sources",
    Credibility.PROBABLY_TRUE: "probably true",
    Credibility.POSSIBLY_TRUE: "possibly true",
    Credibility.DOUBTFUL: "doubtful",
    Credibility.IMPROBABLE: "improbable",
    Credibility.CANNOT_BE_JUDGED: "truth cannot be judged",
}

CRITICAL_QUESTIONS: dict[str, str] = {
    "differences": (
        "Are there differences between the cases that would tend to undermine"
        " the force of the similarity cited?"
    ),
    "base-case": "Is the conclusion true (false) in the historical case?",
    "counter-case": (
        "Is there some other case, also similar to the historical one, in which"
        " the conclusion is false (true)?"
    ),
    "relevance": "Is the similarity cited relevant to the conclusion?",
}

QUESTION_STATE: dict[QuestionState, str] = {
    QuestionState.OPEN: "open",
    QuestionState.ANSWERED: "answered",
    QuestionState.NOT_APPLICABLE: "not applicable",
}

WEIGHT: dict[Weight, str] = {
    Weight.LOW: "barely undermines the analogy",
    Weight.MEDIUM: "weakens the analogy",
    Weight.HIGH: "seriously undermines the analogy",
}

INDICATOR_STATUS: dict[IndicatorStatus, str] = {
    IndicatorStatus.NOT_OBSERVED: "not observed",
    IndicatorStatus.EMERGING: "emerging",
    IndicatorStatus.OBSERVED: "observed",
}

KIND_LABEL: dict[Kind, str] = {
    Kind.CLAIM: "Claim",
    Kind.EVIDENCE: "Evidence",
    Kind.REBUTTAL: "Rebuttal",
    Kind.ASSUMPTION: "Assumption",
    Kind.INDICATOR: "Indicator",
}

ROLE_LABEL: dict[Role, str] = {
    Role.ROOT: "root",
    Role.REASON: "reason",
    Role.OBJECTION: "objection",
    Role.COUNTER_REBUTTAL: "counter-rebuttal",
    Role.UNDERCUT: "undercut",
    Role.ASSUMPTION: "assumption",
    Role.INDICATOR: "indicator",
}

# Words that hedge a judgment instead of stating its likelihood (ICD 203 standard 2).
HEDGE_WORDS: tuple[str, ...] = (
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "conceivably",
    "maybe",
)


def grade(reliability: Reliability | None, credibility: Credibility | None) -> str | None:
    """The Admiralty grade as written, e.g. `B2`; `?` marks an ungraded half."""
    if reliability is None and credibility is None:
        return None
    left = reliability.value if reliability is not None else "?"
    right = str(int(credibility)) if credibility is not None else "?"
    return f"{left}{right}"
