"""The map's closed vocabularies: node kinds, eras, ICD 203 and Admiralty grades, states.

Enum values are exactly what a map file holds; wordings for people live in
`tradecraft`.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Kind(StrEnum):
    """What a node is."""

    CLAIM = "claim"
    EVIDENCE = "evidence"
    REBUTTAL = "rebuttal"
    ASSUMPTION = "assumption"
    INDICATOR = "indicator"


class Era(StrEnum):
    """The lane of a node: the historical case or the present one."""

    THEN = "then"
    NOW = "now"


class Target(StrEnum):
    """What a rebuttal attacks: its parent, or the inference from parent to grandparent."""

    NODE = "node"
    INFERENCE = "inference"


class Likelihood(StrEnum):
    """ICD 203 likelihood expressions, lowest first (wordings in `tradecraft`)."""

    ALMOST_NO_CHANCE = "almost-no-chance"
    VERY_UNLIKELY = "very-unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly-even"
    LIKELY = "likely"
    VERY_LIKELY = "very-likely"
    ALMOST_CERTAIN = "almost-certain"


class Confidence(StrEnum):
    """Analytic confidence in a judgment's basis."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Reliability(StrEnum):
    """Admiralty grade of a source's reliability (F: cannot be judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Credibility(IntEnum):
    """Admiralty grade of an item of information's credibility (6: cannot be judged)."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6


class IndicatorStatus(StrEnum):
    """Whether an indicator's signpost has been seen."""

    NOT_OBSERVED = "not-observed"
    EMERGING = "emerging"
    OBSERVED = "observed"


class Weight(StrEnum):
    """How much a difference undermines an analogy."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Basis(StrEnum):
    """Whether a likeness is structural or only on the surface (Khong's trap)."""

    STRUCTURAL = "structural"
    SURFACE = "surface"


class Bears(StrEnum):
    """How an analogy bears on its present-day claim."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"


class QuestionState(StrEnum):
    """The state of one of Walton's critical questions."""

    OPEN = "open"
    ANSWERED = "answered"
    NOT_APPLICABLE = "not-applicable"


class Relation(StrEnum):
    """The relation an extra link draws between two nodes."""

    SUPPORTS = "supports"
    REBUTS = "rebuts"


class Severity(StrEnum):
    """Severity of a lint finding."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Role(StrEnum):
    """The part a node plays in its parent's argument, derived from kind and position."""

    ROOT = "root"
    REASON = "reason"
    OBJECTION = "objection"
    COUNTER_REBUTTAL = "counter-rebuttal"
    UNDERCUT = "undercut"
    ASSUMPTION = "assumption"
    INDICATOR = "indicator"
