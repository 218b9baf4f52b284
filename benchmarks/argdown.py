"""Argdown for comparison: a map written as Argdown text, and Argdown's CLI installed by npm.

Each node becomes an Argdown statement `[id]: text`, placed under its parent with
the relation its kind implies (`+` support, `-` attack). Argdown allows undercuts
(`_`) only against arguments' inferences, and our nodes are statements, so an
undercut is written as an attack here. Extra links and analogies follow the tree as
outgoing relations (`+>`, `->`) from their first statement; eras and tags become
Argdown tags (`#then`, `#now`). Text is flattened to one line and stripped of the
characters Argdown reads as syntax.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from argmap.model import Bears, Era, Kind, Map, Relation

ARGDOWN_PACKAGE = "@argdown/cli"
_SYNTAX = re.compile(r"[\[\]<>#*_@{}\\`]")


def clean(text: str) -> str:
    """One line of text Argdown reads literally."""
    return _SYNTAX.sub(" ", " ".join(text.split())).strip()


def _symbol(amap: Map, node_id: str) -> str:
    kind = amap.nodes[node_id].kind
    return "-" if kind is Kind.REBUTTAL else "+"


def _statement(amap: Map, node_id: str) -> str:
    node = amap.nodes[node_id]
    tags = [f"#{t}" for t in node.tags]
    if node.era is not None:
        tags.append("#then" if node.era is Era.THEN else "#now")
    suffix = f" {' '.join(tags)}" if tags else ""
    return f"[{node_id}]: {clean(node.text)}{suffix}"


def to_argdown(amap: Map) -> str:
    """The map as an Argdown document: front matter, the tree, then links and analogies."""
    lines = ["===", f"title: {clean(amap.title)}", "===", ""]
    for node_id, depth in amap.walk():
        indent = "  " * depth
        if depth == 0:
            lines.append("")
            lines.append(_statement(amap, node_id))
        else:
            lines.append(f"{indent}{_symbol(amap, node_id)} {_statement(amap, node_id)}")
    for link in amap.links:
        arrow = "+>" if link.relation is Relation.SUPPORTS else "->"
        lines += ["", f"[{link.from_}]", f"  {arrow} [{link.to}]"]
    for analogy in amap.analogies.values():
        arrow = "+>" if analogy.bears is Bears.SUPPORTS else "->"
        lines += ["", f"[{analogy.then}]", f"  {arrow} [{analogy.now}]"]
    return "\n".join(lines) + "\n"


def install_cli(cache: Path) -> tuple[Path | None, str]:
    """Install Argdown's CLI into `cache` with npm (once); return its path or why not.

    Returns:
        (path of the `argdown` executable, "") or (None, a one-line reason).
    """
    exe = cache / "node_modules" / ".bin" / "argdown"
    if exe.exists():
        return exe, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm not found: install Node.js and npm to compare with Argdown"
    cache.mkdir(parents=True, exist_ok=True)
    print(f"installing {ARGDOWN_PACKAGE} into {cache} ...", file=sys.stderr)
    done = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(cache),
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            ARGDOWN_PACKAGE,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not exe.exists():
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"npm install {ARGDOWN_PACKAGE} failed: {reason[:100]}"
    return exe, ""
