"""The pure-Python reader of saved maps gives libyaml's data and lines, or gives up."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import store
from argmap.model import Map
from argmap.store import canon_read, yaml_read, yaml_write
from tests import yaml_documents
from tests.test_properties import PROFILE, maps

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def same(a: Any, b: Any, where: str = "$") -> None:
    """Equal, with the same types throughout (True is not 1) and the same key order."""
    assert type(a) is type(b), f"{where}: {a!r} vs {b!r}"
    if isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} vs {b!r}"


def libyaml(text: str) -> tuple[Any, dict[Any, int]] | Exception:
    """What the libyaml path makes of `text`: (data, lines), or the exception it raises."""
    try:
        data, root = yaml_read.parse(text)
    except Exception as error:  # a refusal, or anything else: the fast reader must give up
        return error
    return data, yaml_read.top_level_lines(root)


def check(text: str) -> bool:
    """Compare both readers on `text`; True if the fast reader read it."""
    fast = canon_read.read(text)
    if fast is None:
        return False
    slow = libyaml(text)
    assert not isinstance(slow, Exception), f"read {text!r}, but libyaml: {slow}"
    same(fast[0], slow[0])
    assert fast[1] == slow[1]
    assert list(fast[1]) == list(slow[1])
    return True


# ---- documents as libyaml writes them ------------------------------------------------

AWKWARD = "ab -?:,[]{}#&*!|>'\"%@`.\n\t\\/=~0123456789éЖ中🙂\u00a0\ufeff\x7f\x85\u2028 "
WORDS = ["yes", "No", "null", "~", "true", "1.0", "1e3", "0x1f", "0123", "2025-12-01", "2025-02-30",
         "=", "<<", "---", "...", "- a", "a: b", "a #b", ".inf", "1972", "", " ", "x" * 130,
         "a\n", "a\n\n", "\na", " a\nb", "a \nb", "a\n\n\nb", "12:30", "-1", "+1", "0"]  # fmt: skip
documents = yaml_documents.documents(
    AWKWARD, WORDS, ["text", "on", "yes", "c-1", "x-a", "1972", "a.b", "Null"], floats=True
)


@settings(max_examples=500, deadline=None)
@given(documents)
def test_what_libyaml_writes_is_read_as_libyaml_reads_it(data: dict[str, Any]) -> None:
    check(yaml_write._emit(data))


# ---- the same, changed a little where a reader could go wrong ------------------------

EDITS = [
    "",
    "\n",
    "  \n",
    "# note\n",
    "  # note\n",
    "---\n",
    "...\n",
    "\t\n",
    "  more\n",
    "- item\n",
    "  - item\n",
    "key: value\n",
    "  key: value\n",
    "    key: value\n",
    "key:\n",
    "text: |\n",
    "  text: |-\n    line\n",
    "&a x: 1\n",
    "'q': 1\n",
]


@st.composite
def edited(draw: st.DrawFn) -> str:
    """Text libyaml wrote, with a line added, removed, re-indented or given a tail."""
    lines = yaml_write._emit(draw(documents)).splitlines(keepends=True)
    at = draw(st.integers(0, len(lines)))
    how = draw(st.sampled_from(["insert", "delete", "indent", "dedent", "tail"]))
    if how == "insert":
        lines.insert(at, draw(st.sampled_from(EDITS)))
    elif at < len(lines):
        line = lines[at]
        if how == "delete":
            del lines[at]
        elif how == "indent":
            lines[at] = " " * draw(st.integers(1, 4)) + line
        elif how == "dedent":
            lines[at] = line[draw(st.integers(1, 2)) :]
        else:
            tail = draw(st.sampled_from([" ", " # c", ":", " :", "\t", "'", "]", " x: y"]))
            lines[at] = line.removesuffix("\n") + tail + "\n"
    return "".join(lines)


@settings(max_examples=800, deadline=None)
@given(edited())
def test_edited_text_is_read_as_libyaml_reads_it_or_left_to_libyaml(text: str) -> None:
    check(text)


# ---- lines put together from pieces, mostly not YAML at all ---------------------------

PIECE_VALUES = ["", "v", "yes", "0123", "12", "2025-12-01", "'q'", "'a''b'", '"d"', '"e\\n"',
                "[a, b]", "[a,b]", "[]", "{}", "{a: 1}", "{a: 1, a: 2}", "[a, [b]]", "|", "|-",
                "|+", "|2", ">", "&x v", "*x", "!!str v", "a #c", "#c", "a: b", "v ", "%v",
                "'open", "~", "<<", "=", "1.5", "-1", "0x10", "{a: b: c}"]  # fmt: skip
PIECES = st.tuples(
    st.sampled_from(["", "  ", "    ", " ", "   ", "      "]),
    st.sampled_from(["", "- ", "- - ", "-", "? "]),
    st.sampled_from(["", "a", "b", "on", "'on'", "x-y", "1", "<<", "a b", "'it''s'", "k" * 101]),
    st.sampled_from([":", ": ", ":  ", "", " :", ":\t"]),
    st.sampled_from(PIECE_VALUES),
)


@settings(max_examples=800, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8))
def test_lines_from_pieces_are_read_as_libyaml_reads_them_or_left_to_libyaml(
    pieces: list[tuple[str, ...]],
) -> None:
    check("".join("".join(piece) + "\n" for piece in pieces))


# ---- nested blocks written naively: values spelled raw, right or wrong --------------

RAW_SPELLINGS = [
    "v", "two words", "v ", "v:", "a: b", "a:b", "a #b", "a#b", "#c", "yes", "No", "~", "null",
    "0", "12", "-3", "0123", "1.5", "2025-12-01", "2025-02-30", "1984-04", "<<", "=", "'q'",
    "'it''s'", "'open", "'a' b", '"d"', '"e\\n\\u00e9"', '"f\\/"', '"g', "[a, b]", "[a,b]",
    "[yes, 1, 'c, d']", "[]", "{}", "{a: 1, b: c}", "{a: 1, a: 2}", "[a, [b]]", "&x v", "*x",
    "!!str v", "- v", "? v", ".v", "-v", "@v", "v\t", "Москва", "中苏 🙂", "\u00a0v",
    "v\u2028w", "'  '", "[ a ]", "{a: [b]}",
]  # fmt: skip
RAW = st.one_of(
    st.sampled_from(RAW_SPELLINGS),
    st.text(alphabet=" ab:#-'\"[]{},|>&*!%@`.~<=019\\", min_size=1, max_size=6),
)
KEY = st.sampled_from(["a", "b", "c", "on", "'on'", "1", "x-y", "a.b", "<<", "a b", "'q q'", "-k"])
# Lines of a `|` block: (indented as the block's text, the line).
BLOCK_LINES = [(True, t) for t in ["x", "  y", "", " ", "   ", "z  ", "# not a comment", "- w"]]
BLOCK_LINES += [(False, t) for t in ["", " ", "  ", "# c", "b: 1"]]
BLOCK = st.tuples(
    st.sampled_from(["|", "|-", "|+", "|2", ">", "| #c"]),
    st.lists(st.sampled_from(BLOCK_LINES), max_size=4),
)


@st.composite
def block_text(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """Lines of a block mapping or list at `indent`; values raw, nesting, blocks, noise."""
    pad = " " * indent
    as_list = depth > 0 and draw(st.booleans())
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        head = f"{pad}- " if as_list else pad
        key = "" if as_list and draw(st.booleans()) else f"{draw(KEY)}:"
        form = draw(st.sampled_from(["raw", "raw", "raw", "nested", "block", "empty"]))
        if form == "nested" and depth < 3 and key:
            lines.append(head + key)
            step = draw(st.sampled_from([2, 2, 0, 1, 4]))
            lines += draw(block_text(indent + (2 if as_list else 0) + step, depth + 1))
        elif form == "block":
            header, body = draw(BLOCK)
            lines.append(f"{head}{key} {header}" if key else f"{head}{header}")
            inner = " " * (indent + (2 if as_list else 0) + 2)
            lines += [inner + text if indented and text else text for indented, text in body]
        elif form == "empty" and key:
            lines.append(head + key)
        else:
            lines.append(f"{head}{key} {draw(RAW)}" if key else head + draw(RAW))
        if key and as_list and draw(st.booleans()):  # more keys of a list item's mapping
            lines.append(f"{pad}  {draw(KEY)}: {draw(RAW)}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(
                draw(st.sampled_from(["", "# c", f"{pad}# c", " # c", "  ", "...", "---"]))
            )
    return lines


@settings(max_examples=1500, deadline=None)
@given(block_text())
def test_naively_written_blocks_are_read_as_libyaml_reads_them_or_left_to_libyaml(
    lines: list[str],
) -> None:
    check("\n".join(lines) + "\n")


# ---- maps as argmap saves them ---------------------------------------------------------


@PROFILE
@given(maps())
def test_saved_maps_are_read_as_libyaml_reads_them(amap: Map) -> None:
    text = store.dumps(amap)
    check(text)
    loaded, lines = store.loads_with_lines(text)
    assert loaded == amap
    assert (loaded, lines) == store._loads_with_libyaml(text, "<string>")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_the_fixtures_are_read_without_libyaml(path: Path) -> None:
    assert check(path.read_text())


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (DATA / "invalid").glob("*.yaml") if p.is_file()),
    ids=lambda p: p.name,
)
def test_the_invalid_corpus_is_read_as_libyaml_reads_it_or_left_to_it(path: Path) -> None:
    check(path.read_bytes().decode("utf-8", errors="replace"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=20) | st.text(alphabet=AWKWARD, max_size=20))
def test_the_quick_character_check_agrees_with_the_pattern(text: str) -> None:
    pattern = canon_read._readable_pattern()
    assert canon_read._readable(text) == (pattern.fullmatch(text) is not None)


# ---- what it reads, what it leaves -----------------------------------------------------


def test_blank_lines_comments_blocks_quotes_and_flow_items_are_read() -> None:
    text = (
        "# a map\n"
        "argmap: 1\n"
        "\n"
        "nodes:\n"
        "  # the bottom line\n"
        "  'on':\n"
        "    text: |+\n"
        "      one\n"
        "\n"
        "        two\n"
        "\n"
        "    note: |\n"
        "      kept\n"
        "\n"
        "    tags: [yes, '1', \"a, b\", 2025-12-01, ~, 7]\n"
        "    x-when: 2025-12-01\n"
        "    quote: 'it''s: \"so\"'\n"
        "links:\n"
        "- {from: a, to: b, n: 3}\n"
        "- [c, d]\n"
        "empty:\n"
        "top: ~\n"
    )
    assert check(text)
    data, lines = canon_read.read(text) or ({}, {})
    node = data["nodes"]["on"]
    assert node["text"] == "one\n\n  two\n\n"
    assert node["note"] == "kept\n"
    assert node["tags"] == [True, "1", "a, b", dt.date(2025, 12, 1), None, 7]
    assert node["quote"] == 'it\'s: "so"'
    assert data["links"] == [{"from": "a", "to": "b", "n": 3}, ["c", "d"]]
    assert data["empty"] is None
    assert lines[("nodes", "on")] == 6
    assert lines[("links", 1)] == 20


# Texts at the edges of what the reader takes, and whether it takes them.
EDGES = [
    ("a: |+\n  x\n \nb: 1\n", False),  # spaces only, fewer than the block's indentation
    ("a: |\n  x\n   \n  y\n", False),  # spaces only, more
    ("a: |-\n  x  \n", True),  # trailing spaces are text
    ("a: |+\n  x\n\n\nb: 1\n", True),
    ("a: |\n  x\n\n\nb: 1\n", True),
    ("a: |-\n\n  x\n", True),  # an empty first line
    ("a: |-\n   x\n  y\n", False),  # a first line more indented than the next
    ("a: |-\nb: 1\n", False),  # an empty block
    ("a: |-\n  # text, not a comment\n  - nor a list\n", True),
    ("a: b \n", False),
    ("a: b:\n", False),
    ("a: b #c\n", False),
    ("a: b#c\n", True),
    ("a: b: c\n", False),
    ("a:\n- x\n- y\nb: 1\n", True),  # a list indented as its key
    ("a:\n  - x\n  b: 1\n", False),
    ("a:\n  b: 1\n c: 2\n", False),
    ("a:\n  b: 1\n# c\n  d: 2\n", True),  # a comment less indented than the entries
    ("a: b\n  # c\nd: e\n", True),  # a comment more indented, after a value
    ("a: b\n\n  c\n", False),  # a plain scalar going on after an empty line
    ("- x\n", False),
    ("a: [b, 'c, d', \"e\\u00e9\"]\n", True),
    ("a: {b: 1, c: [d]}\n", False),
    ("'on': yes\nx-1: 0\n", True),
    ("a: 00\n", False),
    ("a: 0\n", True),
    ("a: -0\n", False),
    ("a: 2025-12-01\nb: 1984-04\n", True),
    ('a: "\\e\\x41\\U0001F642\\""\n', True),
    ('a: "\\ud800"\n', False),  # an escaped surrogate: libyaml refuses it
    ("a:\n  - b: 1\n    c:\n    - d\n  - e\n", True),
    ("a:\n  - b:\n  - c\n", True),  # an empty value before the next item
]


@pytest.mark.parametrize(("text", "read"), EDGES)
def test_edges_are_read_as_libyaml_reads_them_or_left_to_it(text: str, read: bool) -> None:
    assert check(text) is read


@pytest.mark.parametrize(
    "text",
    [
        "a: 0123\n",  # octal, hex and other rare numbers
        "a: 0x1F\n",
        "a: 1.5\n",
        "a: 2025-02-30\n",  # no such day
        "a: 1\na: 2\n",  # a duplicate key
        "a: &x 1\nb: *x\n",
        "a: !!binary aGk=\n",
        "<<: {a: 1}\n",
        "a: b\n  c\n",  # a plain scalar on two lines
        "a:\tb\n",
        "a: b\r\n",
        "a: 'b\n  c'\n",
        'a: "b\\/c"\n',  # an escape libyaml never writes
        "a: >\n  folded\n",
        "a: |2\n   indented\n",
        "- a\n",
        "a: 1\n---\nb: 2\n",
        "a: 1",  # no final newline
        "\ufeffa: 1\n",
        "a: [b, [c]]\n",
        "a: b # comment\n",
        "a: [\n",
        "a: {\n",
        "a: [b\n",
    ],
)
def test_anything_unusual_is_left_to_libyaml(text: str) -> None:
    assert canon_read.read(text) is None


def test_reading_a_saved_map_does_not_import_pyyaml() -> None:
    code = (
        "import json, sys; from pathlib import Path; from argmap import store;"
        f"store.load(Path({str(DATA / 'full.yaml')!r}));"
        "print(json.dumps('yaml' in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(result.stdout) is False
