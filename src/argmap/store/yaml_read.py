"""Parse YAML text into plain Python data, safely and fast, remembering where things are.

libyaml composes the node tree (fast, in C); a small constructor of our own turns it
into dicts, lists and scalars. It refuses what the map format never contains:
duplicate keys, anchors and aliases, merge keys, and any tag beyond the core schema
(so no Python objects, ever). The node tree is kept only while errors are located.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.errors import Loc, Problem
from argmap.store.gcpause import gc_paused
from argmap.store.resolve import FastScalarResolve

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(FastScalarResolve, _SafeLoader):  # type: ignore[misc,valid-type]
    """libyaml's safe loader with faster scalar resolution (same tags)."""

    # libyaml calls these two around every node. PyYAML's versions return at once
    # when there are no path resolvers (there are none here), but each is still a
    # Python call; these builtins take the same arguments and ignore them, in C.
    descend_resolver: Any = {}.get  # (parent, index) -> index, unused
    ascend_resolver: Any = tuple  # () -> (), unused


_CORE = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR = _CORE + "map", _CORE + "seq", _CORE + "str"
MAX_DEPTH = 64  # levels of YAML nesting; a map needs about 8


class YamlProblem(Exception):
    """Raised by the constructor for the first thing it refuses."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(node: yaml.Node, loc: Loc, message: str) -> YamlProblem:
    line, column = _mark(node)
    return YamlProblem(Problem(loc, message, line=line, column=column))


class _Constructor:
    """Builds Python data from a composed node tree, refusing unsafe or ambiguous YAML."""

    def __init__(self, aliases: bool = True) -> None:
        """`aliases`: whether the text may hold any (it has a `*`); if not, none is looked for."""
        safe = yaml.SafeLoader("")
        self._scalars: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            _CORE + "null": lambda n: None,
            _CORE + "bool": safe.construct_yaml_bool,
            _CORE + "int": safe.construct_yaml_int,
            _CORE + "float": safe.construct_yaml_float,
            _CORE + "timestamp": safe.construct_yaml_timestamp,
        }
        self._seen: set[int] = set()
        self._aliases = aliases

    def build(self, node: yaml.Node, loc: Loc, where: yaml.Node | None = None) -> Any:
        """Build `node`; `where` (the key or list holding it) locates an alias's use."""
        # An alias is the same node object reached twice; its own mark is the anchor's.
        if id(node) in self._seen:
            raise _refuse(
                where or node,
                loc,
                "anchors and aliases (&name, *name) are not allowed in a map;"
                " write the value out in full",
            )
        self._seen.add(id(node))
        if len(loc) > MAX_DEPTH:
            # Deeper data would only overflow the stack when validated or saved.
            raise _refuse(
                node, loc[:4], f"nested more than {MAX_DEPTH} levels deep; a map never is"
            )
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if tag == _SEQ:
            return [self.build(item, (*loc, i), node) for i, item in enumerate(node.value)]
        scalar = self._scalars.get(tag)
        if scalar is not None and isinstance(node, yaml.ScalarNode):
            try:
                return scalar(node)
            except ValueError as error:  # 2025-02-30, or a number of 5,000 digits
                what = tag.removeprefix(_CORE).replace("timestamp", "date")
                raise _refuse(
                    node,
                    loc,
                    f"'{node.value[:40]}' reads as a {what} but is not a valid one ({error});"
                    " put it in quotes to keep it as text",
                ) from None
        if tag == _CORE + "merge":
            raise _refuse(node, loc, "merge keys (<<) are not allowed; write the keys out")
        shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
        raise _refuse(
            node,
            loc,
            f"the tag '{shown}' is not allowed; a map holds only plain text, numbers,"
            " lists and mappings",
        )

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        # Text values, most of a map, are taken directly where `build` would only
        # return them: when no alias can be among them, and they are not too deep.
        direct = not self._aliases and len(loc) < MAX_DEPTH
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _refuse(key_node, loc, "a key must be plain text, not a list or mapping")
            if key_node.tag == _CORE + "merge":
                raise _refuse(key_node, loc, "merge keys (<<) are not allowed; write the keys out")
            # Keys are ids and field names: keep them as typed (`0123` stays "0123").
            key = key_node.value
            if key in out:
                raise _refuse(
                    key_node,
                    (*loc, key),
                    f"duplicate key '{key}': YAML would silently keep only the last;"
                    " remove or rename one",
                )
            if direct and value_node.tag == _STR:
                out[key] = value_node.value
            else:
                out[key] = self.build(value_node, (*loc, key), key_node)
        return out


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document.

    Returns:
        (data, root node); data is None and the root None for an empty document.

    Raises:
        YamlProblem: for a syntax error or a construct the map format refuses.
    """
    loader = _Loader(text)
    try:
        with gc_paused():  # a big load allocates many objects and no cycles
            try:
                root = loader.get_single_node()
            except yaml.MarkedYAMLError as error:
                raise _syntax_problem(error, text) from error
            except yaml.YAMLError as error:
                raise YamlProblem(Problem((), f"not readable as YAML: {error}")) from error
            if root is None:
                return None, None
            # An alias is written `*name`: without a `*` the text cannot hold one.
            return _Constructor(aliases="*" in text).build(root, ()), root
    except RecursionError as error:
        raise YamlProblem(Problem((), "the file is nested too deeply to be a map")) from error
    finally:
        loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    what = error.problem or "invalid YAML"
    if error.context:
        what = f"{error.context}, {what}"
    message = f"YAML syntax error: {what}; check the indentation and quoting here"
    if mark is not None and _indented_with_tab(text, mark.line):
        # libyaml's own words ("cannot start any token") do not name the culprit.
        message = "YAML syntax error: a tab indents this line; YAML indents with spaces only"
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return YamlProblem(Problem((), message, line=line, column=column))


def _indented_with_tab(text: str, line_index: int) -> bool:
    lines = text.splitlines()
    if not 0 <= line_index < len(lines):
        return False
    line = lines[line_index]
    return "\t" in line[: len(line) - len(line.lstrip())]


def _find(root: yaml.Node, loc: Loc) -> tuple[yaml.Node, yaml.Node | None]:
    """(node to point at, value node) for the deepest part of `loc` in the tree.

    The value node is None when `loc` is not wholly present.
    """
    best: yaml.Node = root
    node: yaml.Node = root
    for part in loc:
        found: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    best, found = key_node, value_node
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            found = best = node.value[part]
        if found is None:
            return best, None
        node = found
    return best, node


def locate(root: yaml.Node | None, loc: Loc) -> tuple[int | None, int | None]:
    """Line and column of the deepest part of `loc` present in the tree.

    A mapping entry is located at its key, a list item at the item.
    """
    if root is None:
        return None, None
    return _mark(_find(root, loc)[0])


def scalar_at(root: yaml.Node | None, loc: Loc) -> str | None:
    """The scalar at `loc` as written in the file (`0123`, not 83), if there is one."""
    if root is None:
        return None
    value = _find(root, loc)[1]
    return value.value if isinstance(value, yaml.ScalarNode) else None


def top_level_lines(root: yaml.Node | None) -> dict[Loc, int]:
    """Line of each entry of `sources`, `nodes`, `analogies` and `links`, for reports."""
    lines: dict[Loc, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key_node, value_node in root.value:
        section = key_node.value
        if isinstance(value_node, yaml.MappingNode):
            for k, _ in value_node.value:
                lines[(section, k.value)] = k.start_mark.line + 1
        elif isinstance(value_node, yaml.SequenceNode):
            for i, item in enumerate(value_node.value):
                lines[(section, i)] = item.start_mark.line + 1
        lines[(section,)] = key_node.start_mark.line + 1
    return lines
