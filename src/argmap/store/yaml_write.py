"""Write a `Map` as canonical YAML: same map, same bytes.

Keys in the model's field order, nodes depth-first in sibling order, block style,
multi-line text as `|` blocks, tags and links on one line each, no anchors, no
line folding (one field, one line: friendly to `git diff` and `git merge`).
"""

from __future__ import annotations

import functools
import io
from enum import Enum
from typing import Any

import yaml
from pydantic import BaseModel

from argmap.model import Analogy, Link, Map, Node, Questions
from argmap.store.gcpause import gc_paused
from argmap.store.resolve import FastScalarResolve

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_CORE = "tag:yaml.org,2002:"
_STR, _INT, _MAP, _SEQ = _CORE + "str", _CORE + "int", _CORE + "map", _CORE + "seq"


class _FlowList(list[Any]):
    """A list written on one line: `[a, b]`."""


class _FlowDict(dict[str, Any]):
    """A mapping written on one line: `{from: a, to: b}`."""


class _CanonicalDumper(FastScalarResolve, _Dumper):  # type: ignore[misc,valid-type]
    """Our own dumper class, so representers never touch PyYAML's global ones."""

    def ignore_aliases(self, data: Any) -> bool:
        # Values shared between nodes (copied custom keys) would otherwise be written
        # as &id001/*id001, which the loader refuses: the saved map would not open.
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_STR, value, style=style)


def _flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _flow_dict(dumper: yaml.SafeDumper, value: _FlowDict) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


_CanonicalDumper.add_representer(str, _str)
_CanonicalDumper.add_representer(_FlowList, _flow_list)
_CanonicalDumper.add_representer(_FlowDict, _flow_dict)


def _plain(value: Any) -> Any:
    # `_value_`, not `.value`: enum's property costs several times the attribute, and
    # a 10,000-node save reads ~30,000 of them.
    return value._value_ if isinstance(value, Enum) else value


@functools.cache
def _saved_keys(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, key as saved) for each field of `model` but `extensions`, in order."""
    fields = model.model_fields.items()
    return tuple((name, info.alias or name) for name, info in fields if name != "extensions")


def _fields(obj: BaseModel, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The set fields of `obj` in declaration order, keyed as saved, extensions last."""
    out: dict[str, Any] = {}
    values = obj.__dict__  # field values; faster than getattr, once per field per node
    for name, key in _saved_keys(type(obj)):
        value = values[name]
        if value is None or value is False or name in skip:
            continue
        if type(value) is str:  # most set fields (text, ids, notes): nothing to convert
            out[key] = value
        elif isinstance(value, Enum):
            out[key] = value._value_
        elif isinstance(value, tuple):
            if value:
                out[key] = _FlowList(_plain(v) for v in value)
        elif value != {}:
            out[key] = value
    out.update(values.get("extensions", {}))
    return out


def _node(node: Node) -> dict[str, Any]:
    # `updated` stays a date, written plain (2025-12-01) as people type it; a string
    # would be quoted and `fmt` would re-quote every hand-written date.
    return _fields(node)


def _link(link: Link) -> _FlowDict:
    out = _FlowDict(_fields(link))
    out["relation"] = link.relation.value
    return out


def _questions(questions: Questions) -> dict[str, str]:
    return {key: state.value for key, state in questions.items()}


def _analogy(analogy: Analogy) -> dict[str, Any]:
    out: dict[str, Any] = {"then": analogy.then, "now": analogy.now, "bears": analogy.bears.value}
    for key, items in (("likenesses", analogy.likenesses), ("differences", analogy.differences)):
        if items:
            out[key] = [
                item.text if set(_fields(item)) == {"text"} else _fields(item) for item in items
            ]
    out["questions"] = _questions(analogy.questions)
    rest = _fields(analogy, frozenset({"then", "now", "bears", "likenesses", "differences"}))
    rest.pop("questions", None)
    out.update(rest)
    return out


def to_data(amap: Map) -> dict[str, Any]:
    """The map as plain data in canonical order, ready for the YAML emitter."""
    data: dict[str, Any] = {"argmap": amap.argmap, "title": amap.title}
    if amap.question is not None:
        data["question"] = amap.question
    data["eras"] = {"then": amap.eras.then, "now": amap.eras.now}
    if amap.sources:
        data["sources"] = {s_id: _fields(s) for s_id, s in amap.sources.items()}
    nodes = {node_id: _node(amap.nodes[node_id]) for node_id, _ in amap.walk()}
    if len(nodes) < len(amap.nodes):
        # Never drop work: a node the walk cannot reach (a dangling parent or a cycle
        # left by a faulty edit) is still written, and loading the file names the fault.
        nodes.update((k, _node(v)) for k, v in amap.nodes.items() if k not in nodes)
    data["nodes"] = nodes
    if amap.links:
        data["links"] = [_link(link) for link in amap.links]
    if amap.analogies:
        data["analogies"] = {a_id: _analogy(a) for a_id, a in amap.analogies.items()}
    lint = _fields(amap.lint)
    if amap.lint.severity:
        lint["severity"] = {k: v.value for k, v in amap.lint.severity.items()}
    if lint:
        data["lint"] = lint
    data.update(amap.extensions)
    return data


def dumps(amap: Map) -> str:
    """The canonical YAML text of `amap`."""
    # Imported here: its patterns take ~10 ms to compile, which reading never needs.
    from argmap.store.yaml_fast import FastEmitter, Unsupported

    with gc_paused():  # the emitter builds a node object per key and value
        data = to_data(amap)
        try:
            return FastEmitter(_emit, _reads_as_text, _FlowList, _FlowDict).emit(data)
        except Unsupported:  # something unusual in custom keys: libyaml writes it all
            return _emit(data)


def _reads_as_text(value: str) -> bool:
    return _CanonicalDumper.plain_tag(value) == _STR


def _emit(data: Any) -> str:
    stream = io.StringIO()
    dumper = _CanonicalDumper(
        stream,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 20,
        indent=2,
    )
    try:
        dumper.open()
        dumper.serialize(_yaml_node(dumper, data))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


def _yaml_node(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    """The node PyYAML's representer would build for `value` (same tags and styles).

    Strings, integers, mappings and lists, nearly all of a map, are built here
    directly: PyYAML's generic `represent_data` costs several times more per value.
    Anything else (true, null, dates, floats in custom keys) goes to PyYAML itself.
    """
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR, value, style="|" if "\n" in value else None)
    if kind is dict or kind is _FlowDict:
        pairs = [(_yaml_node(dumper, k), _yaml_node(dumper, v)) for k, v in value.items()]
        return yaml.MappingNode(_MAP, pairs, flow_style=kind is _FlowDict)
    if kind is list or kind is _FlowList:
        items = [_yaml_node(dumper, item) for item in value]
        return yaml.SequenceNode(_SEQ, items, flow_style=kind is _FlowList)
    if kind is int:
        return yaml.ScalarNode(_INT, str(value))
    node: yaml.Node = dumper.represent_data(value)
    return node
