"""The dependency table of DESIGN §1, checked by importing each module group in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "argmap"

INNER = [
    "argmap.errors",
    "argmap.model",
    "argmap.views",
    "argmap.enums",
    "argmap.ops",
    "argmap.integrity",
    "argmap.tradecraft",
    "argmap.summary",
    "argmap.schema",
]
STORE = [
    "argmap.store",
    "argmap.store.canon_read",
    "argmap.store.files",
    "argmap.store.gcpause",
    "argmap.store.resolve",
    "argmap.store.scalars",
    "argmap.store.validate",
    "argmap.store.yaml_fast",
    "argmap.store.yaml_read",
    "argmap.store.yaml_write",
]
# Every command module, whoever writes it, is held to the CLI's rule.
CLI = ["argmap.cli", "argmap.commands"] + [
    f"argmap.commands.{p.stem}"
    for p in sorted((SRC / "commands").glob("*.py"))
    if p.stem != "__init__"
]


def _package(name: str) -> list[str]:
    """`argmap.NAME` and its modules as found on disk.

    Export, lint and the TUI are being written alongside this test, so their modules
    are listed from the tree rather than by name; once they settle, list them here
    explicitly like the groups above.
    """
    directory = SRC / name
    if directory.is_dir():
        found = []
        for path in sorted(directory.rglob("*.py")):
            parts = path.relative_to(SRC.parent).with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        return found
    if (SRC / f"{name}.py").is_file():
        return [f"argmap.{name}"]
    return []


OUTER = ["yaml", "graphviz", "textual", "rich"]
ARGMAP_OUTER = ["argmap.store", "argmap.export", "argmap.tui", "argmap.cli", "argmap.commands"]

# group name -> (modules, packages they must never load)
RULES: dict[str, tuple[list[str], list[str]]] = {
    "inner": (INNER, OUTER + ARGMAP_OUTER + ["argmap.lint"]),
    "lint": (_package("lint"), OUTER + ARGMAP_OUTER),
    "store": (STORE, ["graphviz", "textual", "rich", *ARGMAP_OUTER[1:], "argmap.lint"]),
    "export": (_package("export"), ["yaml", "textual", "argmap.store", *ARGMAP_OUTER[2:]]),
    "tui": (_package("tui"), ["argmap.cli", "argmap.commands"]),
    "cli": (CLI, ["textual", "argmap.tui"]),
}

LOADED = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def _loaded_by(modules: list[str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED, *modules],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def _hits(loaded: set[str], forbidden: list[str]) -> list[str]:
    return sorted(m for m in loaded if any(m == f or m.startswith(f + ".") for f in forbidden))


@pytest.mark.parametrize("group", sorted(RULES))
def test_each_module_group_keeps_to_its_dependencies(group: str) -> None:
    modules, forbidden = RULES[group]
    if not modules:
        pytest.skip(f"argmap.{group} does not exist yet")
    hits = _hits(_loaded_by(modules), forbidden)
    if hits:
        # Name the culprits one by one, so the failure says where to look.
        culprits = {m: _hits(_loaded_by([m]), forbidden) for m in modules}
        culprits = {m: found for m, found in culprits.items() if found}
        pytest.fail(f"{group}: forbidden imports {culprits}")


def test_every_core_module_is_in_a_group() -> None:
    # A new module must join a group above, or it would escape the check.
    top = {f"argmap.{p.stem}" for p in SRC.glob("*.py")} - {"argmap.__init__", "argmap.__main__"}
    store = {f"argmap.store.{p.stem}" for p in (SRC / "store").glob("*.py")}
    assert top - {"argmap.cli"} == set(INNER)
    assert store - {"argmap.store.__init__"} == set(STORE) - {"argmap.store"}


RUNS = """
import json, sys
from argmap.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _commands(tmp_path: Path) -> list[list[str]]:
    small = str(ROOT / "tests" / "data" / "small.yaml")
    runs = [
        ["validate", small],
        ["show", small],
        ["fmt", "--check", small],
        ["schema"],
        ["new", str(tmp_path / "new.yaml")],
        ["--help"],
    ]
    if _package("lint"):
        runs.append(["lint", small])
    if _package("export"):
        runs.append(["export", small, "-f", "dot", "-o", str(tmp_path / "small.dot")])
    return runs


def test_cli_commands_never_import_textual(tmp_path: Path) -> None:
    for argv in _commands(tmp_path):
        result = subprocess.run(
            [sys.executable, "-c", RUNS, *argv],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        report = json.loads(result.stderr.strip().splitlines()[-1])
        assert report["code"] in (0, 1), (argv, result.stderr)
        assert _hits(set(report["modules"]), ["textual", "argmap.tui"]) == [], argv
        if argv[0] == "validate":
            assert _hits(set(report["modules"]), ["graphviz", "rich"]) == []
        # Only the command that runs is imported (its helpers too), not its siblings.
        commands = {
            m.rsplit(".", 1)[1] for m in report["modules"] if m.startswith("argmap.commands.")
        }
        helpers = {"common", "treeview"}
        assert commands - helpers == ({argv[0]} if argv[0] != "--help" else set()), argv
