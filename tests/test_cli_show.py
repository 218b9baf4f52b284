"""`argmap show`: the tree as analysts read it, views of it, and text printed exactly as typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.cli import main
from argmap.model import Kind, Node

DATA = Path(__file__).parent / "data"
GUIDES = re.compile(r"^[│├└─ ]*")

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough that rich does not wrap a node's line."""
    monkeypatch.setenv("COLUMNS", "240")


def _show(capsys: Capture, *argv: str) -> tuple[int, list[str], str]:
    code = main(["show", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out.splitlines(), err


def _tree(lines: list[str]) -> dict[str, tuple[int, str]]:
    """Node id -> (indent, the line without guides), for every node line of the tree."""
    out = {}
    for line in lines:
        match = re.match(
            r"([A-Z-]+(?: [A-Z]+)?)(?: \[(?:then|now)\])? (\S+)  ", GUIDES.sub("", line)
        )
        if match:
            indent = len(GUIDES.match(line).group(0))  # type: ignore[union-attr]
            out[match.group(2)] = (indent, GUIDES.sub("", line))
    return out


def test_show_prints_header_tree_badges_and_analogies(capsys: Capture) -> None:
    code, lines, err = _show(capsys, str(DATA / "full.yaml"))
    assert (code, err) == (0, "")
    assert lines[:4] == [
        "Every field of format v1",
        "Does every field survive a save and a load?",
        "then: Early Cold War, 1949–1969   now: 2020s",
        "9 nodes",
    ]
    tree = _tree(lines)
    assert list(tree) == list(store.load(DATA / "full.yaml").map.nodes)
    assert tree["bluf"][1] == (
        "BOTTOM LINE [now] bluf  A warmer US posture toward Russia is unlikely to detach"
        " Moscow from Beijing.  ‹unlikely (20–45%)›  ‹moderate confidence›"
    )
    assert tree["ev-ilm-1972"][1] == (
        "EVIDENCE ev-ilm-1972  The ROC held China's UN seat until 1971.  ‹A2›"
    )
    assert tree["rb-soviet-support"][1].startswith("OBJECTION rb-soviet-support  The USSR")
    assert tree["rb-counter"][1].startswith("COUNTER-REBUTTAL rb-counter  Backing in votes")
    assert tree["uc-sponsor-1963"][1].startswith("UNDERCUT uc-sponsor-1963  After 1963")
    assert tree["as-rational"][1].endswith("material returns.  ‹linchpin›")
    assert tree["in-arms"][1].startswith("INDICATOR in-arms  Russian arms sales")
    assert tree["nixon-opening"][1].startswith("CLAIM [then] nixon-opening  Nixon's opening")
    # Depth shows as indentation: each level four columns further in.
    depths = {node_id: indent // 4 - 1 for node_id, (indent, _) in tree.items()}
    assert depths == {
        "bluf": 0,
        "un-exclusion": 1,
        "ev-ilm-1972": 2,
        "rb-soviet-support": 2,
        "rb-counter": 3,
        "uc-sponsor-1963": 3,
        "as-rational": 1,
        "in-arms": 1,
        "nixon-opening": 0,
    }
    # Multi-line text continues on the next line, under its node.
    after = lines[lines.index(next(ln for ln in lines if "un-exclusion  " in ln)) + 1]
    assert GUIDES.sub("", after) == "which held a permanent seat."
    assert lines[-2:] == [
        "Analogies",
        "└── nixon-reverse: nixon-opening (then) → bluf (now), opposes;"
        " 2 likenesses, 2 differences, 1 open question",
    ]


def test_show_focus_prints_only_that_subtree(capsys: Capture) -> None:
    code, lines, _ = _show(capsys, str(DATA / "full.yaml"), "--focus", "rb-soviet-support")
    assert code == 0
    assert "3 nodes" in lines
    assert list(_tree(lines)) == ["rb-soviet-support", "rb-counter", "uc-sponsor-1963"]
    assert "Analogies" not in lines


def test_show_depth_limits_the_levels(capsys: Capture) -> None:
    code, lines, _ = _show(capsys, str(DATA / "full.yaml"), "--depth", "1")
    assert code == 0
    assert list(_tree(lines)) == ["bluf", "un-exclusion", "as-rational", "in-arms", "nixon-opening"]
    code, lines, _ = _show(capsys, str(DATA / "full.yaml"), "--focus", "bluf", "--depth", "0")
    assert list(_tree(lines)) == ["bluf"]


def test_show_an_unknown_focus_suggests_the_nearest_id(capsys: Capture) -> None:
    code, lines, err = _show(capsys, str(DATA / "full.yaml"), "--focus", "bluff")
    assert (code, lines) == (2, [])
    assert err == "argmap: --focus: no node 'bluff' (did you mean 'bluf'?)\n"


def test_show_refuses_a_negative_depth(capsys: Capture) -> None:
    code, lines, err = _show(capsys, str(DATA / "full.yaml"), "--depth", "-1")
    assert (code, lines, err) == (2, [], "argmap: --depth must be 0 or more\n")


def test_show_of_an_invalid_map_prints_the_problems(capsys: Capture) -> None:
    path = DATA / "invalid" / "missing-parent.yaml"
    code, lines, err = _show(capsys, str(path))
    assert (code, lines) == (1, [])
    # Same line as `validate` prints: problems with a file start with the file.
    assert err == f"{path}:9:5: nodes.ev-trade.parent: no node 'bluff' (did you mean 'bluf'?)\n"


def test_show_prints_markup_like_text_literally(tmp_path: Path, capsys: Capture) -> None:
    amap = ops.new_map("[bold]Title[/] stays", "Costs [rose] 5%?")
    amap = ops.add_node(amap, "c-1", Node(kind=Kind.CLAIM, text="[bold]x[/]"))
    amap = ops.add_node(amap, "c-2", Node(kind=Kind.CLAIM, parent="c-1", text="see [/] note"))
    amap = ops.add_node(amap, "c-3", Node(kind=Kind.CLAIM, text=r"a \[escaped] [link=x]y"))
    path = tmp_path / "markup.yaml"
    store.save(amap, path)
    code, lines, err = _show(capsys, str(path))
    assert (code, err) == (0, "")
    assert lines[:2] == ["[bold]Title[/] stays", "Costs [rose] 5%?"]
    tree = _tree(lines)
    assert tree["c-1"][1] == "CLAIM c-1  [bold]x[/]"
    assert tree["c-2"][1] == "CLAIM c-2  see [/] note"
    assert tree["c-3"][1] == r"CLAIM c-3  a \[escaped] [link=x]y"
