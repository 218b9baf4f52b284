"""Rules on analogies: examined likenesses and differences, critical questions, reliance."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.core import Context, Hit, TargetKind, rule
from argmap.model import Basis, Bears, QuestionState, Severity, Weight
from argmap.tradecraft import CRITICAL_QUESTIONS

NEUSTADT_MAY = "Neustadt & May"
WALTON = "Walton"
KHONG = "Khong"


@rule(
    "ARG501",
    "analogy-without-likenesses",
    Severity.WARNING,
    NEUSTADT_MAY,
    "An analogy records no likenesses between then and now.",
    "Write down what the two cases share, and mark each likeness structural or surface.",
    TargetKind.ANALOGY,
)
def analogy_without_likenesses(ctx: Context) -> Iterator[Hit]:
    """An analogy asserted, not shown."""
    for a_id, analogy in ctx.map.analogies.items():
        if not analogy.likenesses:
            yield Hit(a_id, "no likenesses written down")


@rule(
    "ARG502",
    "analogy-without-differences",
    Severity.WARNING,
    NEUSTADT_MAY,
    "An analogy records no differences: it has not been examined.",
    "Write down how then and now differ, and weigh each difference (low, medium, high).",
    TargetKind.ANALOGY,
)
def analogy_without_differences(ctx: Context) -> Iterator[Hit]:
    """Neustadt & May: an analogy with no differences has not been examined."""
    for a_id, analogy in ctx.map.analogies.items():
        if not analogy.differences:
            yield Hit(a_id, "no differences written down: the analogy is unexamined")


@rule(
    "ARG503",
    "relevance-open",
    Severity.WARNING,
    WALTON,
    "The relevance critical question is open: the likeness is not shown to bear on the claim.",
    "Answer it: say why the shared features matter for the claim (and set relevance:"
    " answered), or drop the analogy.",
    TargetKind.ANALOGY,
)
def relevance_open(ctx: Context) -> Iterator[Hit]:
    """The classic trap is a likeness that does not bear on the point."""
    for a_id, analogy in ctx.map.analogies.items():
        if analogy.questions.relevance is QuestionState.OPEN:
            yield Hit(a_id, "open critical question: is the similarity relevant to the conclusion?")


@rule(
    "ARG504",
    "critical-questions-open",
    Severity.INFO,
    WALTON,
    "The base-case or counter-case critical question of an analogy is open.",
    "Answer the open questions (or mark them not-applicable) and record the answer in a note.",
    TargetKind.ANALOGY,
)
def critical_questions_open(ctx: Context) -> Iterator[Hit]:
    """Open items in the examination (differences are ARG502; relevance is ARG503)."""
    for a_id, analogy in ctx.map.analogies.items():
        questions = analogy.questions
        open_keys = [
            key
            for key, state in (
                ("base-case", questions.base_case),
                ("counter-case", questions.counter_case),
            )
            if state is QuestionState.OPEN
        ]
        if open_keys:
            asks = " ".join(CRITICAL_QUESTIONS[k] for k in open_keys)
            plural = "s" if len(open_keys) > 1 else ""
            yield Hit(
                a_id, f"open critical question{plural}: {', '.join(open_keys)}", f"Answer: {asks}"
            )


@rule(
    "ARG505",
    "single-analogy",
    Severity.WARNING,
    NEUSTADT_MAY,
    "A judgment rests on a single analogy and nothing else.",
    "Add present-day evidence or reasons, or test a second analogy (a counter-case).",
)
def single_analogy(ctx: Context) -> Iterator[Hit]:
    """One historical case carrying a judgment alone."""
    for node_id in ctx.map.nodes:
        analogy = ctx.single_analogy(node_id)
        if analogy is not None:
            yield Hit(node_id, f"rests on one analogy alone ({analogy})")


@rule(
    "ARG506",
    "surface-likenesses-only",
    Severity.WARNING,
    KHONG,
    "Every likeness of an analogy is marked surface: none is structural.",
    "Find a structural likeness (shared causes, not shared labels), or drop the analogy.",
    TargetKind.ANALOGY,
)
def surface_likenesses_only(ctx: Context) -> Iterator[Hit]:
    """Khong: surface likenesses are the classic trap."""
    for a_id, analogy in ctx.map.analogies.items():
        if analogy.likenesses and all(lk.basis is Basis.SURFACE for lk in analogy.likenesses):
            yield Hit(a_id, "only surface likenesses")


@rule(
    "ARG507",
    "supporting-despite-high-difference",
    Severity.INFO,
    NEUSTADT_MAY,
    "An analogy is drawn in support although one of its differences is weighted high.",
    "Say in the analogy's note why it still supports the claim, or weigh the difference"
    " again, or set bears: opposes.",
    TargetKind.ANALOGY,
)
def supporting_despite_high_difference(ctx: Context) -> Iterator[Hit]:
    """A difference the analyst says seriously undermines the analogy, yet it supports."""
    for a_id, analogy in ctx.map.analogies.items():
        if analogy.bears is not Bears.SUPPORTS:
            continue
        high = [d for d in analogy.differences if d.weight is Weight.HIGH]
        if high:
            count = f"{len(high)} high-weight difference{'s' if len(high) > 1 else ''}"
            yield Hit(a_id, f"supports '{analogy.now}' despite {count}")
