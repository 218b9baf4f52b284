"""YAML text <-> Map: canonical bytes, custom keys, awkward text, order of keys and nodes."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.errors import MapInvalidError
from argmap.model import (
    Analogy,
    Difference,
    Kind,
    Likeness,
    Link,
    Map,
    Node,
    Source,
)

DATA = Path(__file__).parent / "data"
VALID_FIXTURES = sorted(DATA.glob("*.yaml"))

# Text a careless writer would let YAML misread, or that needs quoting or escaping.
AWKWARD = [
    "yes",
    "no",
    "on",
    "0123",
    "1.10",
    "1e3",
    "0x1F",
    ".inf",
    "null",
    "~",
    "2025-12-01",
    "'leading single quote",
    '"leading double quote',
    "ends with a quote'",
    "key: value inside",
    ": starts with colon",
    "hash # inside",
    "#starts with hash",
    "- looks like a list item",
    "? looks like a key",
    "[not, a, list]",
    "{not: a mapping}",
    "&anchor-like",
    "*alias-like",
    "!tag-like",
    "%directive-like",
    "@at and `backtick`",
    "|",
    ">",
    "<<",
    " leading space",
    "trailing space ",
    "back\\slash and C:\\new",
    "a \"double\" and a 'single' quote",
    "tab\tinside",
    "Москва и Пекин",
    "中苏同盟 1950",
    "emoji 🇨🇳🇷🇺 and 😀",
    "non\u00a0breaking space",
    "line one\nline two",
    "trailing newline\n",
    "\nleading newline",
    " indented first line\nsecond",
    "blank lines\n\n\ninside",
    "ends with blank lines\n\n",
    "trailing space \non a line",
    "crlf\r\ninside",
    "[bold]markup[/] and see [/] note",
]


def _tiny() -> Map:
    amap = ops.new_map("T")
    then = Node(kind=Kind.CLAIM, era="then", text="t")  # type: ignore[arg-type]
    now = Node(kind=Kind.CLAIM, era="now", text="n")  # type: ignore[arg-type]
    return ops.add_node(ops.add_node(amap, "c-then", then), "c-now", now)


@pytest.mark.parametrize("path", VALID_FIXTURES, ids=lambda p: p.name)
def test_a_canonical_file_saves_back_to_the_same_bytes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert store.dumps(store.loads(text)) == text


def test_every_valid_fixture_is_covered() -> None:
    assert {p.name for p in VALID_FIXTURES} >= {"small.yaml", "full.yaml"}


def test_custom_keys_are_kept_at_every_level_and_saved_back() -> None:
    amap = store.load(DATA / "full.yaml").map
    analogy = amap.analogies["nixon-reverse"]
    assert amap.extensions == {"x-review": {"by": "desk-b", "on": dt.date(2025, 12, 3)}}
    assert amap.sources["mitter-2025"].extensions == {"x-archive": "shelf 4"}
    assert amap.nodes["bluf"].extensions == {"x-owner": "desk-a"}
    assert amap.nodes["ev-ilm-1972"].extensions == {"x-checked": True}
    assert amap.links[0].extensions == {"x-weight": 2}
    assert analogy.extensions == {"x-slide": 3}
    assert analogy.likenesses[1].extensions == {"x-source": "mitter-2025"}
    assert analogy.differences[0].extensions["x-reviewed"].isoformat() == "2025-12-02"

    # An unrelated edit keeps them all, each in its place in the saved file.
    edited = ops.update_node(amap, "bluf", text="Edited.")
    data = store.to_data(edited)
    assert data["x-review"]["by"] == "desk-b"
    assert data["sources"]["mitter-2025"]["x-archive"] == "shelf 4"
    assert data["nodes"]["bluf"]["x-owner"] == "desk-a"
    assert data["nodes"]["bluf"]["text"] == "Edited."
    assert data["links"][0]["x-weight"] == 2
    saved = data["analogies"]["nixon-reverse"]
    assert saved["x-slide"] == 3
    assert saved["likenesses"][1]["x-source"] == "mitter-2025"
    assert "x-reviewed" in saved["differences"][0]
    assert store.loads(store.dumps(edited)) == edited


def test_custom_keys_come_after_the_standard_keys() -> None:
    text = store.dumps(store.load(DATA / "full.yaml").map)
    node = text.split("  bluf:\n")[1].split("\n  un-exclusion:")[0]
    assert node.rstrip().splitlines()[-1] == "    x-owner: desk-a"
    assert text.rstrip().endswith("x-review:\n  by: desk-b\n  'on': 2025-12-03")


def test_multi_line_text_is_saved_as_a_literal_block() -> None:
    amap = ops.update_node(_tiny(), "c-now", text="First line.\nSecond line.")
    text = store.dumps(amap)
    assert "    text: |-\n      First line.\n      Second line.\n" in text
    assert store.loads(text).nodes["c-now"].text == "First line.\nSecond line."


def test_single_line_text_stays_on_one_plain_line() -> None:
    long = "word " * 60 + "end"
    text = store.dumps(ops.update_node(_tiny(), "c-now", text=long))
    assert f"    text: {long}\n" in text  # never folded, however long


@pytest.mark.parametrize("value", AWKWARD, ids=repr)
def test_awkward_text_survives_save_and_load_everywhere(value: str) -> None:
    amap = _tiny()
    amap = ops.set_meta(amap, title=f"title {value}", question=value)
    amap = ops.put_source(amap, "s-1", Source(title=f"src {value}", note=value))
    amap = ops.add_node(
        amap,
        "ev-1",
        Node(kind=Kind.EVIDENCE, parent="c-now", text=value, source="s-1", quote=value),
    )
    amap = ops.add_link(amap, Link.model_validate({"from": "ev-1", "to": "c-then", "note": value}))
    analogy = Analogy(
        then="c-then",
        now="c-now",
        likenesses=(Likeness(text=value),),
        differences=(Difference(text=value, weight="high"),),  # type: ignore[arg-type]
        note=value,
        extensions={"x-note": value},
    )
    amap = ops.put_analogy(amap, "a-1", analogy)
    text = store.dumps(amap)
    again = store.loads(text)
    assert again == amap
    assert again.nodes["ev-1"].text == value
    assert again.analogies["a-1"].likenesses[0].text == value
    assert store.dumps(again) == text
    assert all(line == line.rstrip() for line in text.splitlines())


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("yes", "    text: 'yes'"),
        ("0123", "    text: '0123'"),
        ("1.10", "    text: '1.10'"),
        ("null", "    text: 'null'"),
        ("'quoted", "    text: '''quoted'"),
        ("a: b", "    text: 'a: b'"),
        ("a #b", "    text: 'a #b'"),
        (" lead", "    text: ' lead'"),
        ("中苏同盟", "    text: 中苏同盟"),
        ("Москва", "    text: Москва"),
    ],
)
def test_awkward_text_is_quoted_only_as_much_as_needed(value: str, line: str) -> None:
    text = store.dumps(ops.update_node(_tiny(), "c-now", text=value))
    assert line in text.splitlines()


def test_nodes_are_saved_depth_first_whatever_the_dict_order() -> None:
    nodes = {
        "leaf": {"kind": "evidence", "parent": "mid", "text": "leaf"},
        "second-root": {"kind": "claim", "text": "second"},
        "mid": {"kind": "claim", "parent": "root", "text": "mid"},
        "root": {"kind": "claim", "text": "root"},
        "mid-2": {"kind": "rebuttal", "parent": "root", "text": "mid 2"},
    }
    amap = Map.model_validate({"title": "T", "nodes": nodes})
    text = store.dumps(amap)
    order = [
        line.strip().rstrip(":")
        for line in text.splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    ]
    assert order[2:] == ["second-root", "root", "mid", "leaf", "mid-2"]
    # Loading the canonical text gives the same tree, now in canonical dict order.
    again = store.loads(text)
    assert list(again.nodes) == ["second-root", "root", "mid", "leaf", "mid-2"]
    assert again.children("root") == ("mid", "mid-2")


def test_keys_are_saved_in_canonical_order_whatever_the_input_order() -> None:
    scrambled = (
        "nodes:\n  c:\n    x-z: 1\n    tags: [seed]\n    confidence: high\n    text: t\n"
        "    likelihood: likely\n    era: now\n    kind: claim\n"
        "eras: {now: Now, then: Then}\ntitle: T\nargmap: 1\n"
    )
    assert store.dumps(store.loads(scrambled)) == (
        "argmap: 1\ntitle: T\neras:\n  then: Then\n  now: Now\nnodes:\n  c:\n"
        "    kind: claim\n    era: now\n    text: t\n    likelihood: likely\n"
        "    confidence: high\n    tags: [seed]\n    x-z: 1\n"
    )


def test_values_shared_between_nodes_are_written_out_not_aliased() -> None:
    shared = ["a", "b"]
    amap = ops.new_map("T")
    for node_id in ("n-1", "n-2"):
        node = Node(kind=Kind.CLAIM, text=node_id, extensions={"x-list": shared})
        amap = ops.add_node(amap, node_id, node)
    text = store.dumps(amap)
    assert "&" not in text and "*" not in text
    assert text.count("    x-list:\n    - a\n    - b\n") == 2
    assert store.loads(text) == amap


def test_nodes_the_walk_cannot_reach_are_still_written() -> None:
    # A map no edit should produce (a dangling parent); saving it must not drop the node.
    amap = _tiny()
    orphan = Node(kind=Kind.CLAIM, parent="gone", text="orphan")
    broken = amap.model_copy(update={"nodes": {**amap.nodes, "orphan": orphan}})
    text = store.dumps(broken)
    assert "  orphan:\n    kind: claim\n    parent: gone\n    text: orphan\n" in text


def test_updated_dates_are_written_plain() -> None:
    amap = ops.update_node(_tiny(), "c-now", updated="2025-12-01")
    assert "    updated: 2025-12-01\n" in store.dumps(amap)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "small.yaml").read_bytes())
    assert store.load(path).map == store.load(DATA / "small.yaml").map


def test_load_records_where_each_entry_starts(small_map_path: Path) -> None:
    loaded = store.load(small_map_path)
    lines = small_map_path.read_text().splitlines()
    assert lines[loaded.line_of("nodes", "bluf") - 1] == "  bluf:"  # type: ignore[operator]
    assert lines[loaded.line_of("sources", "ilm-1972") - 1] == "  ilm-1972:"  # type: ignore[operator]
    assert lines[loaded.line_of("links", 0) - 1].startswith("- {from: ev-ilm-1972")  # type: ignore[operator]
    assert loaded.line_of("nodes", "nope") is None


def test_load_fingerprints_the_bytes_read(small_map_path: Path) -> None:
    loaded = store.load(small_map_path)
    data = small_map_path.read_bytes()
    assert loaded.fingerprint is not None
    assert loaded.fingerprint.sha256 == hashlib.sha256(data).hexdigest()
    assert loaded.fingerprint.size == len(data)
    assert loaded.fingerprint == store.current_fingerprint(small_map_path)


def test_an_impossible_date_is_a_located_problem_not_a_crash() -> None:
    text = (
        (DATA / "small.yaml")
        .read_text()
        .replace("    era: now\n", "    era: now\n    updated: 2025-02-30\n", 1)
    )
    line = text.splitlines().index("    updated: 2025-02-30") + 1
    with pytest.raises(MapInvalidError) as caught:
        store.loads(text, "m.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("m.yaml", line, 14)
    assert problem.loc[-1] == "updated"
    assert "'2025-02-30' reads as a date but is not a valid one" in problem.message
    assert "put it in quotes" in problem.message


def test_custom_keys_move_to_extensions_node_by_node() -> None:
    from argmap.store import validate

    nodes: dict[str, dict[str, object]] = {
        "a": {"kind": "claim", "text": "t", "x-owner": "desk-a"},
        "b": {"kind": "claim", "text": "t"},
        "c": {"kind": "claim", "text": "t", "extensions": {"x-z": 1}},
    }
    data = {
        "argmap": 1,
        "title": "T",
        "nodes": nodes,
    }
    amap, problems = validate.build_map(data)
    assert amap is None
    assert [(p.loc, p.message) for p in problems] == [
        (
            ("nodes", "c", "extensions"),
            "unknown key 'extensions'; custom keys must start with 'x-'",
        )
    ]
    del nodes["c"]
    amap, problems = validate.build_map(data)
    assert problems == []
    assert amap is not None
    assert amap.nodes["a"].extensions == {"x-owner": "desk-a"}
    assert amap.nodes["b"].extensions == {}
    assert nodes["a"] == {"kind": "claim", "text": "t", "x-owner": "desk-a"}  # left as read
