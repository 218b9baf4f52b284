"""The invalid-map corpus: every defect reported as one located line, with the right exit code."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from argmap import store
from argmap.cli import main
from argmap.errors import MapInvalidError
from argmap.store.yaml_read import YamlProblem, parse

CORPUS = Path(__file__).parent / "data" / "invalid"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((CORPUS / "expected.toml").read_text())


def _prefix(path: str, problem: dict[str, Any]) -> str:
    where = path
    if "line" in problem:
        where += f":{problem['line']}"
        if "column" in problem:
            where += f":{problem['column']}"
    return f"{where}: {problem['path']}: " if problem["path"] else f"{where}: "


def test_corpus_and_table_agree() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.name != "expected.toml"}
    absent = {name for name, case in EXPECTED.items() if case.get("absent")}
    assert on_disk == set(EXPECTED) - absent
    assert all(not (CORPUS / name).exists() for name in absent)
    assert len(on_disk) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_reports_each_problem_on_one_located_line(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case = EXPECTED[name]
    path = str(CORPUS / name)
    code = main(["validate", *case.get("args", []), path])
    out, err = capsys.readouterr()
    assert code == case["exit"], err
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == len(case["problems"]), err
    for line, problem in zip(lines, case["problems"], strict=True):
        prefix = _prefix(path, problem)
        assert line.startswith(prefix), f"{line!r} does not start with {prefix!r}"
        assert problem["message"] in line[len(prefix) :]


@pytest.mark.parametrize(
    "name", sorted(n for n, case in EXPECTED.items() if case["exit"] == 1 and "args" not in case)
)
def test_load_raises_located_problems_in_line_order(name: str) -> None:
    with pytest.raises(MapInvalidError) as caught:
        store.load(CORPUS / name)
    problems = caught.value.problems
    expected = EXPECTED[name]["problems"]
    assert [(p.line, p.column) for p in problems] == [
        (e.get("line"), e.get("column")) for e in expected
    ]
    assert all(p.file == str(CORPUS / name) for p in problems)
    lines = [p.line or 0 for p in problems]
    assert lines == sorted(lines)


def test_alias_bomb_is_refused_while_parsing_before_anything_is_built() -> None:
    text = (CORPUS / "alias-bomb.yaml").read_text()
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    # Refused at the first alias, on line 4: nothing beyond it was constructed.
    assert caught.value.problem.line == 4
    assert caught.value.problem.loc == ("x-b", 0)


def test_the_misspelt_key_is_accepted_as_a_custom_key_and_saved_back() -> None:
    text = (CORPUS / "unknown-key.yaml").read_text().replace("confidnce:", "x-confidnce:")
    amap = store.loads(text)
    assert amap.nodes["bluf"].extensions == {"x-confidnce": "moderate"}
    assert amap.nodes["bluf"].confidence is None
    assert "    x-confidnce: moderate\n" in store.dumps(amap)


def test_a_quoted_text_is_accepted_where_the_bare_one_is_not() -> None:
    for name, bare, quoted in (
        ("text-yes.yaml", "text: yes", "text: 'yes'"),
        ("text-0123.yaml", "text: 0123", "text: '0123'"),
    ):
        text = (CORPUS / name).read_text()
        amap = store.loads(text.replace(bare, quoted))
        assert quoted.split("'")[1] in [n.text for n in amap.nodes.values()]


def test_the_oversized_map_loads_under_the_default_cap() -> None:
    assert store.load(CORPUS / "oversized.yaml").map.nodes["bluf"].kind.value == "claim"
