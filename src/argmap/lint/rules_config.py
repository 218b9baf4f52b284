"""The rule that checks the map's own `lint:` settings."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from argmap.lint.core import REGISTRY, Context, Hit, TargetKind, rule
from argmap.model import Severity


def resolve(key: str) -> str | None:
    """The rule code a `lint:` key names: a code (any case) or a rule's name."""
    code = key.strip().upper()
    if code in REGISTRY:
        return code
    for rule_ in REGISTRY.values():
        if rule_.name == key.strip().lower():
            return rule_.code
    return None


def _suggest(key: str) -> str:
    choices = [*REGISTRY, *(r.name for r in REGISTRY.values())]
    match = difflib.get_close_matches(key.strip(), choices, n=1, cutoff=0.6)
    if not match:
        return "; `argmap lint --list-rules` lists them"
    code = resolve(match[0]) or match[0]
    return f" (did you mean {code}, {REGISTRY[code].name}?)"


@rule(
    "ARG001",
    "unknown-lint-code",
    Severity.WARNING,
    "argmap",
    "The map's lint: settings name a rule that does not exist.",
    "Fix the code (see `argmap lint --list-rules`) or remove the entry.",
    TargetKind.MAP,
)
def unknown_lint_code(ctx: Context) -> Iterator[Hit]:
    """A misspelt code silently ignores nothing; say so."""
    config = ctx.map.lint
    for section, keys in (("ignore", list(config.ignore)), ("severity", list(config.severity))):
        for key in keys:
            if resolve(key) is None:
                yield Hit(None, f"lint.{section} names '{key}', which is no rule{_suggest(key)}")
