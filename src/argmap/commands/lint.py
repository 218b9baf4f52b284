"""`argmap lint PATH...`: tradecraft findings, as margin notes or JSON; `--list-rules`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from argmap.commands import COMMANDS
from argmap.commands.common import add_max_bytes, for_each_file, load
from argmap.errors import EXIT_INVALID, EXIT_OK, UsageError

if TYPE_CHECKING:
    from argmap.lint import Finding
    from argmap.store import Loaded

EPILOG = """\
exit codes: 0 no finding at the fail level; 1 a finding reaches it, or a map is
            invalid (its problems are printed); 2 usage error or unreadable file.
json: {"findings": [{"file", "line", "code", "severity", "target", "target_kind",
       "message", "standard", "hint"}, ...]}; target is the id of the node, analogy
       or source (target_kind says which), null for the whole map; line is where the
       target starts in file, or null.
a map's `lint:` section (ignore: [codes], severity: {code: level}) accepts exceptions;
see docs/lint.md.
"""


def register(sub: Any) -> None:
    """Add the `lint` command."""
    parser = sub.add_parser(
        "lint",
        help=COMMANDS["lint"],
        description="Report where each map is weak by ICD 203, Admiralty grading,"
        " Neustadt & May, Walton and Khong: each finding has a code, a severity, the"
        " node, analogy or source concerned, and what to do.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="map files")
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--fail-on",
        choices=["error", "warning"],
        default="error",
        help="exit 1 when a finding is at least this severe (default: error)",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list every rule: code, severity, standard"
    )
    add_max_bytes(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Lint every file (or list the rules); return the worst exit code."""
    from argmap.lint import lint_map, reaches
    from argmap.model import Severity

    if args.list_rules:
        _list_rules(args.format)
        return EXIT_OK
    if not args.paths:
        raise UsageError("lint: give at least one map PATH (or --list-rules)")
    fail_level = Severity(args.fail_on)
    results: list[tuple[Loaded, list[Finding]]] = []

    def one(path: str) -> int:
        loaded = load(path, args)
        findings = lint_map(loaded.map)
        if args.format == "text":
            print(("\n" if results else "") + _text_report(loaded, findings))
        results.append((loaded, findings))
        return EXIT_INVALID if any(reaches(f.severity, fail_level) for f in findings) else EXIT_OK

    code = for_each_file(args.paths, one)
    if args.format == "json":
        rows = [_json_row(loaded, f) for loaded, findings in results for f in findings]
        json.dump({"findings": rows}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    return code


def line_of(loaded: Loaded, finding: Finding) -> int | None:
    """The line where the finding's target starts in its file, if known."""
    from argmap.lint import TargetKind

    section = {
        TargetKind.NODE: "nodes",
        TargetKind.ANALOGY: "analogies",
        TargetKind.SOURCE: "sources",
    }.get(finding.target_kind)
    if section is None or finding.target is None:
        return loaded.lines.get(("lint",)) if finding.code == "ARG001" else None
    return loaded.line_of(section, finding.target)


def _json_row(loaded: Loaded, finding: Finding) -> dict[str, Any]:
    return {
        "file": str(loaded.path),
        "line": line_of(loaded, finding),
        "code": finding.code,
        "severity": finding.severity.value,
        "target": finding.target,
        "target_kind": finding.target_kind.value,
        "message": finding.message,
        "standard": finding.standard,
        "hint": finding.hint,
    }


def _text_report(loaded: Loaded, findings: list[Finding]) -> str:
    """Findings grouped by target, each group headed by `file:line` and what it is."""
    from argmap.lint import by_target, counts

    path = str(loaded.path)
    if not findings:
        return f"{path}: no findings"
    lines: list[str] = []
    for (_kind, _target), group in by_target(findings).items():
        line = line_of(loaded, group[0])
        where = f"{path}:{line}" if line is not None else path
        lines.append(f"{where}: {_describe(loaded, group[0])}")
        for f in group:
            lines.append(f"  {f.severity.value:<7} {f.code}  {f.message}  [{f.standard}]")
            lines.append(f"  {'':<7} {'':<6}  → {f.hint}")
        lines.append("")
    tally = counts(findings)
    parts = [_plural(n, sev.value) for sev, n in tally.items()]
    lines.append(f"{path}: {_plural(len(findings), 'finding')} ({', '.join(parts)})")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _describe(loaded: Loaded, finding: Finding) -> str:
    """What the target is, in a few words: `bottom line bluf "A warmer US…"`."""
    from argmap.lint import TargetKind
    from argmap.summary import kind_title, shorten

    amap = loaded.map
    target = finding.target
    if finding.target_kind is TargetKind.NODE and target in amap.nodes:
        text = shorten(amap.nodes[target].text, 64)
        return f'{kind_title(amap, target)} {target} "{text}"'
    if finding.target_kind is TargetKind.ANALOGY and target in amap.analogies:
        analogy = amap.analogies[target]
        return f"analogy {target} ({analogy.then} → {analogy.now})"
    if finding.target_kind is TargetKind.SOURCE and target in amap.sources:
        return f'source {target} "{shorten(amap.sources[target].title, 64)}"'
    return "the map"


def _list_rules(fmt: str) -> None:
    from argmap.lint import RULES

    if fmt == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "standard": r.standard,
                "target_kind": r.target_kind.value,
                "summary": r.summary,
                "hint": r.hint,
            }
            for r in RULES.values()
        ]
        json.dump({"rules": rows}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    width = max(len(r.standard) for r in RULES.values())
    for r in RULES.values():
        print(f"{r.code}  {r.severity.value:<7}  {r.standard:<{width}}  {r.summary}")
