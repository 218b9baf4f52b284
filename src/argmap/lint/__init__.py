"""Tradecraft lint: where an argument map is weak by the standards analysts are held to.

Typical use::

    from argmap.lint import lint_map
    for finding in lint_map(amap):
        print(finding.code, finding.severity, finding.target, finding.message)

`RULES` maps each stable code to its `Rule` (severity, standard, summary, hint). A
map's `lint:` section can ignore codes and change severities; `lint_map` honours it
and reports unknown codes there as ARG001.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from argmap.lint import (  # noqa: F401  (importing a rules module registers its rules)
    rules_analogies,
    rules_assumptions,
    rules_config,
    rules_sources,
    rules_structure,
    rules_time,
    rules_uncertainty,
)
from argmap.lint.core import REGISTRY, Context, Finding, Rule, TargetKind
from argmap.lint.rules_config import resolve
from argmap.model import Map, Severity

__all__ = [
    "RULES",
    "SEVERITY_ORDER",
    "Finding",
    "Rule",
    "TargetKind",
    "by_target",
    "counts",
    "lint_map",
    "reaches",
    "resolve",
]

RULES: Mapping[str, Rule] = dict(sorted(REGISTRY.items()))

# Most severe first; also the order findings on one target are listed in.
SEVERITY_ORDER: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_KIND_ORDER = {TargetKind.MAP: 0, TargetKind.SOURCE: 1, TargetKind.NODE: 2, TargetKind.ANALOGY: 3}


def lint_map(amap: Map) -> list[Finding]:
    """Every finding for `amap`, after its `lint:` settings, in file order.

    Findings are sorted by where their target sits in the file (the map itself, then
    sources, nodes and analogies), then by severity and code, so the same map always
    gives the same list.
    """
    ignored = {resolve(key) or key for key in amap.lint.ignore}
    overrides = {resolve(key) or key: level for key, level in amap.lint.severity.items()}
    ctx = Context(amap)
    found: list[Finding] = []
    for code, rule_ in RULES.items():
        if code in ignored:
            continue
        severity = overrides.get(code, rule_.severity)
        found.extend(
            Finding(
                code=code,
                severity=severity,
                target=hit.target,
                message=hit.message,
                standard=rule_.standard,
                hint=hit.hint or rule_.hint,
                target_kind=rule_.target_kind,
            )
            for hit in rule_.check(ctx)
        )
    return sorted(found, key=_sort_key(amap))


def _sort_key(amap: Map) -> Callable[[Finding], tuple[int, int, int, str, str]]:
    positions = {
        TargetKind.SOURCE: {k: i for i, k in enumerate(amap.sources)},
        TargetKind.NODE: {k: i for i, k in enumerate(amap.nodes)},
        TargetKind.ANALOGY: {k: i for i, k in enumerate(amap.analogies)},
    }

    def key(f: Finding) -> tuple[int, int, int, str, str]:
        where = positions.get(f.target_kind, {}).get(f.target or "", -1)
        return (_KIND_ORDER[f.target_kind], where, SEVERITY_ORDER[f.severity], f.code, f.message)

    return key


def reaches(severity: Severity, level: Severity) -> bool:
    """Whether a finding of `severity` is at least as severe as `level`."""
    return SEVERITY_ORDER[severity] <= SEVERITY_ORDER[level]


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, most severe first."""
    out = dict.fromkeys(SEVERITY_ORDER, 0)
    for f in findings:
        out[f.severity] += 1
    return out


def by_target(findings: Iterable[Finding]) -> dict[tuple[TargetKind, str | None], list[Finding]]:
    """Findings grouped by what they point at, keeping their order."""
    out: dict[tuple[TargetKind, str | None], list[Finding]] = {}
    for f in findings:
        out.setdefault((f.target_kind, f.target), []).append(f)
    return out
