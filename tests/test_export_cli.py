"""`argmap export` in-process: outputs, default paths, options, errors and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from tests.export_helpers import GOLDEN, png_size

MAP = GOLDEN / "export-map.yaml"


def test_default_output_is_exports_stem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(MAP), "-f", "dot"]) == 0
    written = Path("exports/export-map.dot")
    assert capsys.readouterr().out.strip() == str(written)
    assert written.read_text(encoding="utf-8").startswith("digraph argmap {")


def test_markdown_to_a_named_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief" / "b.md"
    assert main(["export", str(MAP), "-f", "md", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_text(encoding="utf-8").startswith("# Golden map")


def test_options_reach_the_diagram(tmp_path: Path) -> None:
    out = tmp_path / "g.dot"
    args = ["export", str(MAP), "-f", "dot", "-o", str(out), "--theme", "grayscale"]
    assert main([*args, "--no-legend", "--era", "now", "--slide", "4:3"]) == 0
    source = out.read_text(encoding="utf-8")
    assert "Legend" not in source and "cluster_then" not in source
    assert 'size="10,7.5!"' in source and "#2E7D32" not in source


def test_storyboard_needs_a_folder_and_writes_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(MAP), "--storyboard", "-f", "dot"]) == 2
    assert "--storyboard needs -o DIR" in capsys.readouterr().err
    folder = tmp_path / "slides"
    assert main(["export", str(MAP), "--storyboard", "-f", "dot", "-o", str(folder)]) == 0
    printed = capsys.readouterr().out.split()
    assert [Path(p).name for p in printed] == [f"export-map-step0{i}.dot" for i in range(1, 5)]
    assert sorted(p.name for p in folder.iterdir()) == [Path(p).name for p in printed]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "judgement"], "--focus: no node 'judgement' (did you mean 'judgment'?)"),
        (["-f", "svg", "--dpi", "200"], "--dpi applies to PNG only"),
        (["--depth", "-1", "-f", "dot"], "--depth must be 0 or more"),
        (["--storyboard", "-f", "md", "-o", "x"], "--storyboard draws diagrams"),
        (["--tag", "nothing", "-f", "dot"], "this view is empty"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["export", str(MAP), "-o", str(tmp_path / "x"), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_invalid_map_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: t\nnodes:\n  a: {kind: claim, text: x, parent: b}\n")
    assert main(["export", str(bad), "-f", "dot", "-o", str(tmp_path / "x.dot")]) == 1
    assert "bad.yaml:4" in capsys.readouterr().err
    assert not (tmp_path / "x.dot").exists()


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "none.yaml"), "-f", "dot"]) == 2
    assert capsys.readouterr().err.strip()


def test_without_dot_images_fail_and_text_formats_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["export", str(MAP), "-f", "png", "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert "Graphviz's dot program was not found" in err and "apt-get install graphviz" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "x.png").exists()
    assert main(["export", str(MAP), "-f", "dot", "-o", str(tmp_path / "x.dot")]) == 0
    assert main(["export", str(MAP), "-f", "md", "-o", str(tmp_path / "x.md")]) == 0


def test_large_map_note_for_images(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["argmap: 1", "title: Big", "nodes:", "  top: {kind: claim, text: Top}"]
    lines += [f"  c{i}: {{kind: claim, text: C {i}, parent: top}}" for i in range(1600)]
    big = tmp_path / "big.yaml"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A stand-in `dot` that succeeds at once: the note comes before any layout.
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "dot").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (folder / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    assert main(["export", str(big), "-f", "svg", "-o", str(tmp_path / "big.svg")]) == 0
    err = capsys.readouterr().err
    assert "1601 nodes: Graphviz's layout may take minutes" in err and "--focus ID" in err


@pytest.mark.dot
def test_images_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svg, png, pdf = tmp_path / "m.svg", tmp_path / "m.png", tmp_path / "m.pdf"
    assert main(["export", str(MAP), "-o", str(svg)]) == 0
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert main(["export", str(MAP), "-f", "png", "--slide", "16:9", "-o", str(png)]) == 0
    assert png_size(png.read_bytes())[1] == 1080
    assert main(["export", str(MAP), "-f", "pdf", "--theme", "grayscale", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert capsys.readouterr().out.split() == [str(svg), str(png), str(pdf)]


def test_cli_choices_match_the_export_api() -> None:
    from argmap import export
    from argmap.commands import export as command

    assert command.FORMATS == export.FORMATS
    assert command.THEMES == export.THEMES
    assert command.SLIDES == export.SLIDES
