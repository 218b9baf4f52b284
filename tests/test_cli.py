"""The CLI in-process: new, validate, fmt, schema, help, version and the error boundary."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from argmap import store
from argmap.cli import main
from argmap.commands import COMMANDS
from argmap.store.yaml_read import parse

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
INVALID = DATA / "invalid"

Capture = pytest.CaptureFixture[str]


def _run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err or "--debug" in argv
    return code, out, err


# ---- new -------------------------------------------------------------------------------


def test_new_creates_a_valid_empty_map(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "china-arctic.yaml"
    code, out, err = _run(capsys, "new", str(path), "--question", "Will they cooperate?")
    assert (code, err) == (0, "")
    assert out == f"{path}: created; open it with `argmap edit {path}`\n"
    amap = store.load(path).map
    assert (amap.title, amap.question, amap.nodes) == ("China arctic", "Will they cooperate?", {})
    assert path.read_text() == store.dumps(amap)
    assert _run(capsys, "validate", str(path))[0] == 0


def test_new_takes_a_title(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "m.yaml"
    assert _run(capsys, "new", str(path), "--title", "Sino-Soviet split: lessons")[0] == 0
    assert store.load(path).map.title == "Sino-Soviet split: lessons"


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("my precious work\n")
    code, out, err = _run(capsys, "new", str(path))
    assert (code, out) == (2, "")
    assert err == f"argmap: {path}: already exists; not overwritten\n"
    assert path.read_text() == "my precious work\n"


def test_new_in_a_missing_directory_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    code, _, err = _run(capsys, "new", str(tmp_path / "nope" / "m.yaml"))
    assert code == 2
    assert err == f"argmap: {tmp_path / 'nope'}: no such directory\n"


# ---- validate --------------------------------------------------------------------------


def test_validate_a_valid_map(capsys: Capture) -> None:
    code, out, err = _run(capsys, "validate", str(DATA / "small.yaml"))
    assert (code, err) == (0, "")
    assert out == f"{DATA / 'small.yaml'}: valid (6 nodes, 2 sources, 1 analogy)\n"
    assert _run(capsys, "validate", "-q", str(DATA / "small.yaml")) == (0, "", "")


def test_validate_several_files_reports_each_and_the_worst_code_wins(capsys: Capture) -> None:
    small, bad, missing = DATA / "small.yaml", INVALID / "bad-kind.yaml", INVALID / "nope.yaml"
    code, out, err = _run(capsys, "validate", str(small), str(bad))
    assert code == 1
    assert out == f"{small}: valid (6 nodes, 2 sources, 1 analogy)\n"
    assert err.startswith(f"{bad}:5:5: nodes.bluf.kind: 'clam' is not a valid kind")
    code, out, err = _run(capsys, "validate", str(bad), str(missing), str(small))
    assert code == 2
    assert [line.split(":")[0] for line in err.splitlines()] == [str(bad), str(missing)]
    assert out.startswith(f"{small}: valid")


def test_validate_needs_a_path(capsys: Capture) -> None:
    code, _, err = _run(capsys, "validate")
    assert code == 2
    assert "the following arguments are required: PATH" in err


# ---- fmt -------------------------------------------------------------------------------


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """A valid map in non-canonical form: keys out of order, flow style, a child first."""
    path = tmp_path / "messy.yaml"
    path.write_text(
        "title: Messy   \n"
        "argmap: 1\n"
        "nodes:\n"
        "  ev-1: {text: Trade doubled., kind: evidence, parent: bluf}\n"
        "  bluf:\n"
        "    text: Moscow will not break with Beijing.\n"
        "    kind: claim\n"
        "    tags:\n"
        "      - bottom-line\n"
    )
    return path


CANONICAL_MESSY = (
    "argmap: 1\n"
    "title: Messy\n"
    "eras:\n  then: Then\n  now: Now\n"
    "nodes:\n"
    "  bluf:\n    kind: claim\n    text: Moscow will not break with Beijing.\n"
    "    tags: [bottom-line]\n"
    "  ev-1:\n    kind: evidence\n    parent: bluf\n    text: Trade doubled.\n"
)


def test_fmt_rewrites_in_canonical_form_and_keeps_a_backup(messy: Path, capsys: Capture) -> None:
    before = messy.read_text()
    code, out, err = _run(capsys, "fmt", str(messy))
    assert (code, err) == (0, "")
    assert out == f"{messy}: reformatted\n"
    assert messy.read_text() == CANONICAL_MESSY
    assert messy.with_name("messy.yaml.bak").read_text() == before
    # Already canonical: nothing to do, nothing written.
    messy.with_name("messy.yaml.bak").unlink()
    assert _run(capsys, "fmt", str(messy)) == (0, "", "")
    assert not messy.with_name("messy.yaml.bak").exists()


def test_fmt_check_reports_and_changes_nothing(messy: Path, capsys: Capture) -> None:
    before = messy.read_bytes()
    code, out, err = _run(capsys, "fmt", "--check", str(messy))
    assert code == 1
    assert out == ""
    assert err == f"{messy}: not in canonical form (run `argmap fmt {messy}`)\n"
    assert messy.read_bytes() == before
    assert sorted(p.name for p in messy.parent.iterdir()) == ["messy.yaml"]
    assert _run(capsys, "fmt", "--check", str(DATA / "small.yaml"), str(DATA / "full.yaml"))[0] == 0


def test_fmt_of_an_invalid_map_changes_nothing(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "bad.yaml"
    shutil.copyfile(INVALID / "missing-parent.yaml", path)
    before = path.read_bytes()
    code, _, err = _run(capsys, "fmt", str(path))
    assert code == 1
    assert err.startswith(f"{path}:9:5: nodes.ev-trade.parent: no node 'bluff'")
    assert path.read_bytes() == before
    assert not path.with_name("bad.yaml.bak").exists()


# ---- schema ----------------------------------------------------------------------------


def _json_ready(value: Any) -> Any:
    """YAML data as an editor's YAML 1.2 server sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture
def schema(capsys: Capture) -> dict[str, Any]:
    """The schema `argmap schema` prints."""
    code, out, err = _run(capsys, "schema")
    assert (code, err) == (0, "")
    loaded: dict[str, Any] = json.loads(out)
    return loaded


def test_schema_is_a_valid_json_schema(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["argmap", "title"]
    assert schema["patternProperties"] == {"^x-": {}}
    assert "extensions" not in json.dumps(schema)
    node = schema["$defs"]["Node"]
    assert node["additionalProperties"] is False
    assert node["required"] == ["kind", "text"]
    assert schema["$defs"]["Kind"]["enum"] == [
        "claim",
        "evidence",
        "rebuttal",
        "assumption",
        "indicator",
    ]
    assert schema["$defs"]["Questions"]["properties"].keys() == {
        "differences",
        "base-case",
        "counter-case",
        "relevance",
    }


MAPS = [DATA / "small.yaml", DATA / "full.yaml", *sorted((ROOT / "maps").glob("*.yaml"))]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_schema_accepts_valid_maps(schema: dict[str, Any], path: Path) -> None:
    data, _ = parse(path.read_text(encoding="utf-8"))
    jsonschema.validate(_json_ready(data), schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    "name",
    [
        *("bad-kind.yaml", "unknown-key.yaml", "credibility-7.yaml", "missing-title.yaml"),
        *("missing-argmap.yaml", "custom-key-misplaced.yaml", "question-key-underscore.yaml"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(schema: dict[str, Any], name: str) -> None:
    data, _ = parse((INVALID / name).read_text())
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid(_json_ready(data))


# ---- help, version, errors ---------------------------------------------------------------


@pytest.mark.parametrize("argv", [("--help",), ("-h", "export"), ("--debug", "--help", "lint")])
def test_top_level_help_lists_every_command(argv: tuple[str, ...], capsys: Capture) -> None:
    code, out, _ = _run(capsys, *argv)
    assert code == 0
    assert "argmap builds, checks and draws argument maps" in out
    assert "exit codes: 0 ok; 1 the map is invalid" in out
    for command in ("new", "edit", "show", "validate", "fmt", "lint", "export", "schema"):
        assert f"    {command} " in out


def test_an_unknown_command_lists_the_commands(capsys: Capture) -> None:
    code, out, err = _run(capsys, "exprot", "x.yaml")
    assert (code, out) == (2, "")
    assert "invalid choice: 'exprot' (choose from 'new', 'edit', 'show', 'validate'," in err


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_explains_itself(command: str, capsys: Capture) -> None:
    code, out, err = _run(capsys, command, "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"usage: argmap {command}")
    description = out.split("\n\n")[1]
    assert len(description.split()) >= 4, out  # a sentence, not just the usage line
    if command not in ("schema", "lint"):
        assert "PATH" in out


def test_version(capsys: Capture) -> None:
    from argmap import __version__

    assert _run(capsys, "--version") == (0, f"argmap {__version__}\n", "")


def test_no_command_prints_help_and_fails(capsys: Capture) -> None:
    code, out, err = _run(capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: argmap")


def test_an_unknown_option_is_a_usage_error(capsys: Capture) -> None:
    code, _, err = _run(capsys, "validate", "--frobnicate", str(DATA / "small.yaml"))
    assert code == 2
    assert "unrecognized arguments: --frobnicate" in err


def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_an_internal_error_is_one_line_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    monkeypatch.setattr(store, "load", _explode)
    code, out, err = _run(capsys, "validate", str(DATA / "small.yaml"))
    assert code == 2
    assert out == ""
    assert err == (
        "argmap: internal error: RuntimeError: boom (run again with --debug and report it)\n"
    )


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setattr(store, "load", _explode)
    code, _, err = _run(capsys, "--debug", "validate", str(DATA / "small.yaml"))
    assert code == 2
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("boom")' in err
    assert err.endswith(
        "argmap: internal error: RuntimeError: boom (run again with --debug and report it)\n"
    )


def test_an_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "load", interrupt)
    assert _run(capsys, "validate", str(DATA / "small.yaml")) == (130, "", "argmap: interrupted\n")


# ---- the console script: batch commands end without interpreter teardown ----------

ENTRY = """
import atexit, sys
atexit.register(lambda: print("exit handler ran"))
from argmap.cli import run
sys.argv = ["argmap", *sys.argv[1:]]
run()
"""


def _script(*argv: str) -> subprocess.CompletedProcess[str]:
    # Buffered, as for a user: the streams must be flushed before the process ends.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
    )


def test_script_output_is_whole_and_exit_handlers_run(capsys: Capture) -> None:
    small = str(DATA / "small.yaml")
    _, expected, _ = _run(capsys, "show", small)
    done = _script("show", small)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == expected + "exit handler ran\n"


def test_script_keeps_the_exit_code_and_the_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: T\nnodes:\n  a:\n    kind: claim\n", encoding="utf-8")
    done = _script("validate", str(bad))
    assert done.returncode == 1
    assert done.stderr.startswith(f"{bad}:4:")
    assert done.stdout == "exit handler ran\n"


BUNDLED = str(ROOT / "maps" / "sino-soviet-2020s.yaml")


@pytest.mark.parametrize(
    "argv", [["show", BUNDLED], ["lint", BUNDLED], ["schema"]], ids=lambda argv: argv[0]
)
def test_a_reader_gone_ends_the_command_quietly(argv: list[str]) -> None:
    # `argmap show map.yaml | head`: a pipe whose reader has gone, from the start, so
    # that every write fails as it does once `head` has read its lines.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=ROOT,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


def test_the_collector_is_off_from_start_up_and_on_for_the_editor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from argmap import cli
    from argmap.commands import edit, validate

    seen: list[tuple[str, bool]] = []
    build_parser = cli.build_parser

    def parser_seen(argv: Any) -> Any:
        seen.append(("parse", gc.isenabled()))  # the command's imports come next
        return build_parser(argv)

    def record(name: str) -> Any:
        def run(args: object) -> int:
            seen.append((name, gc.isenabled()))
            return 0

        return run

    monkeypatch.setattr(cli, "build_parser", parser_seen)
    monkeypatch.setattr(edit, "run", record("edit"))
    monkeypatch.setattr(validate, "run", record("validate"))
    monkeypatch.setattr(cli, "_exit_now", lambda code: sys.exit(code))
    try:
        for command in ("validate", "edit"):
            monkeypatch.setattr(sys, "argv", ["argmap", command, str(DATA / "small.yaml")])
            with pytest.raises(SystemExit) as done:
                cli.run()
            assert done.value.code == 0
    finally:
        gc.enable()
    assert seen == [("parse", False), ("validate", False), ("parse", False), ("edit", True)]
