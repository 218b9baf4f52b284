"""The README's format example is a valid, canonical-shaped map."""

from __future__ import annotations

import re

import pytest

from argmap import store
from argmap.cli import main
from argmap.model import Kind, Role
from tests.conftest import ROOT


def _yaml_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if "argmap: 1" in b]
    assert blocks, "README has no map example"
    return blocks[0]


def test_readme_example_loads_and_has_the_documented_parts() -> None:
    amap = store.loads(_yaml_example(), "README.md")
    assert amap.bottom_lines() == ["bluf"]
    assert amap.role("uc-sponsor-1963") is Role.UNDERCUT
    assert amap.role("rb-soviet-support") is Role.OBJECTION
    assert amap.nodes["ev-ilm-1972"].kind is Kind.EVIDENCE
    assert amap.analogies["un-seat"].questions.open_count == 2


def test_readme_example_survives_a_save() -> None:
    amap = store.loads(_yaml_example(), "README.md")
    assert store.loads(store.dumps(amap)) == amap


def test_readme_lint_excerpt_is_what_lint_prints(capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(r"\$ argmap lint (\S+)\n(.*?)```", text, flags=re.S)
    assert excerpt is not None
    path, shown = excerpt.groups()
    main(["lint", str(ROOT / path)])
    out = capsys.readouterr().out
    header, finding = shown.splitlines()[:2]
    # The header names the node (its line may move as the map grows); the finding is verbatim.
    assert header.split(": ", 1)[1].removesuffix('…"') in out
    assert finding.strip() in out


def test_readme_lint_settings_example_is_accepted() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    settings = next(b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if "lint:" in b)
    amap = store.loads(_yaml_example() + settings, "README.md")
    assert amap.lint.ignore == ("ARG504",)
    assert amap.lint.severity["ARG505"].value == "info"


def test_readme_key_table_matches_the_editor_keys() -> None:
    from argmap.tui.keys import KEYS

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| [^|]* \| `([^`]+)` \| (.+) \|$", text, flags=re.M))
    assert rows == {(key.shown_key, key.help) for key in KEYS}
