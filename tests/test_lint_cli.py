"""`argmap lint`: text and JSON output, --fail-on, --list-rules, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap import store
from argmap.cli import main
from argmap.lint import RULES
from tests.lint_maps import Data, build, data, node

ROOT = Path(__file__).parent.parent


def _write(tmp_path: Path, raw: Data, name: str = "m.yaml") -> Path:
    path = tmp_path / name
    path.write_text(store.dumps(build(raw)), encoding="utf-8")
    return path


def _weak(raw: Data) -> Data:
    """One warning (ARG202 on bluf) and one info (ARG309 on ev-a)."""
    node(raw, "bluf").pop("confidence")
    node(raw, "ev-a").pop("locator")
    return raw


def _line_of(path: Path, key: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line == f"  {key}:")


def test_clean_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, data())
    assert main(["lint", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: no findings\n"


def test_text_groups_by_node_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _weak(data()))
    assert main(["lint", str(path)]) == 0  # warnings do not fail by default
    out = capsys.readouterr().out
    bluf_line, ev_line = _line_of(path, "bluf"), _line_of(path, "ev-a")
    expected = [
        f'{path}:{bluf_line}: bottom line bluf "A warmer US posture is unlikely to detach Moscow'
        ' from Beijing."',
        "  warning ARG202  judgment without a confidence level  [ICD 203 std 2]",
        f"                  → {RULES['ARG202'].hint}",
        "",
        f'{path}:{ev_line}: evidence ev-a "Russia\'s trade with China reached a record in 2023."',
        "  info    ARG309  cites s1 without a locator or quote  [ICD 203 std 1]",
        f"                  → {RULES['ARG309'].hint}",
        "",
        f"{path}: 2 findings (0 errors, 1 warning, 1 info)",
    ]
    assert out.splitlines() == expected


def test_fail_on_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _weak(data()))
    assert main(["lint", str(path), "--fail-on", "warning"]) == 1
    info_only = data()
    node(info_only, "ev-a").pop("locator")
    assert main(["lint", str(_write(tmp_path, info_only)), "--fail-on", "warning"]) == 0


def test_error_fails_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = data()
    node(raw, "bluf").pop("tags")
    path = _write(tmp_path, raw)
    assert main(["lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: the map\n  error   ARG101  no bottom line:")


def test_severity_override_in_the_map_decides_the_exit(tmp_path: Path) -> None:
    raw = _weak(data())
    raw["lint"] = {"severity": {"ARG202": "error"}}
    assert main(["lint", str(_write(tmp_path, raw))]) == 1
    raw["lint"] = {"ignore": ["ARG202"], "severity": {"ARG309": "info"}}
    assert main(["lint", str(_write(tmp_path, raw)), "--fail-on", "warning"]) == 0


def test_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _weak(data()))
    assert main(["lint", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "findings": [
            {
                "file": str(path),
                "line": _line_of(path, "bluf"),
                "code": "ARG202",
                "severity": "warning",
                "target": "bluf",
                "target_kind": "node",
                "message": "judgment without a confidence level",
                "standard": "ICD 203 std 2",
                "hint": RULES["ARG202"].hint,
            },
            {
                "file": str(path),
                "line": _line_of(path, "ev-a"),
                "code": "ARG309",
                "severity": "info",
                "target": "ev-a",
                "target_kind": "node",
                "message": "cites s1 without a locator or quote",
                "standard": "ICD 203 std 1",
                "hint": RULES["ARG309"].hint,
            },
        ]
    }


def test_json_lines_for_sources_analogies_and_the_lint_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = data()
    raw["sources"]["s1"].pop("reliability")
    raw["analogies"]["an"]["likenesses"] = []
    raw["lint"] = {"ignore": ["ARG9"]}
    path = _write(tmp_path, raw)
    main(["lint", str(path), "--format", "json"])
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)["findings"]}
    text = path.read_text(encoding="utf-8").splitlines()
    assert text[rows["ARG302"]["line"] - 1] == "  s1:"
    assert text[rows["ARG501"]["line"] - 1] == "  an:"
    assert text[rows["ARG001"]["line"] - 1] == "lint:"
    assert rows["ARG001"]["target"] is None and rows["ARG001"]["target_kind"] == "map"


def test_several_files_json_names_each_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path, _weak(data()), "a.yaml")
    b = _write(tmp_path, data(), "b.yaml")
    raw = data()
    node(raw, "bluf").pop("likelihood")
    c = _write(tmp_path, raw, "c.yaml")
    assert main(["lint", str(a), str(b), str(c), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["findings"]
    assert [(r["file"], r["code"]) for r in rows] == [
        (str(a), "ARG202"),
        (str(a), "ARG309"),
        (str(c), "ARG201"),
    ]


def test_several_files_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, data(), "a.yaml")
    b = _write(tmp_path, data(), "b.yaml")
    assert main(["lint", str(a), str(b)]) == 0
    assert capsys.readouterr().out == f"{a}: no findings\n\n{b}: no findings\n"


def test_invalid_map_prints_its_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: T\nnodes:\n  a: {kind: claim, text: x, parent: b}\n")
    good = _write(tmp_path, data(), "good.yaml")
    assert main(["lint", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"{bad}:4:29: nodes.a.parent: no node 'b'\n"
    assert captured.out == f"{good}: no findings\n"


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: T\nnodes:\n  a: {kind: claim}\n")
    assert main(["lint", str(missing), str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and str(bad) in err


def test_no_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 2
    assert "give at least one map PATH" in capsys.readouterr().err


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--list-rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    by_code = {line.split()[0]: line for line in lines}
    assert list(by_code) == list(RULES)
    for code, rule_ in RULES.items():
        line = by_code[code]
        assert line.split()[1] == rule_.severity.value
        assert rule_.standard in line and line.endswith(rule_.summary)


def test_list_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--list-rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rules"]
    assert [r["code"] for r in rows] == list(RULES)
    assert rows[0].keys() == {
        "code",
        "name",
        "severity",
        "standard",
        "target_kind",
        "summary",
        "hint",
    }


def test_docs_list_every_rule_with_its_severity_and_standard() -> None:
    doc = (ROOT / "docs" / "lint.md").read_text(encoding="utf-8")
    rows = {
        cells[1]: cells
        for line in doc.splitlines()
        if line.startswith("| ARG")
        for cells in [[c.strip() for c in line.split("|")]]
    }
    assert sorted(rows) == list(RULES)
    for code, rule_ in RULES.items():
        assert rows[code][2] == rule_.severity.value, code
        assert rows[code][3] == rule_.standard, code


def test_bundled_map_has_no_error_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(ROOT / "maps" / "sino-soviet-2020s.yaml")]) == 0
    assert " error " not in capsys.readouterr().out
