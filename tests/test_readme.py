"""The README's format example is a valid, canonical-shaped map."""

from __future__ import annotations

import re

from argmap import store
from argmap.model import Kind, Role
from tests.conftest import ROOT


def _yaml_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    assert blocks, "README has no yaml example"
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
