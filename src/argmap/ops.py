"""Pure edits of a map: each takes a `Map` and returns a new one (undo keeps the old).

An edit that would break an invariant (a missing parent, a cycle, a claim under
evidence) raises `EditError` and changes nothing. Node objects are shared between
the old and new maps, so an edit costs one dict copy, not a copy of the map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import ValidationError

from argmap import integrity
from argmap.errors import EditError
from argmap.model import ID_PATTERN, Analogy, Eras, Kind, Link, Map, Node, Source

ID_PREFIX: dict[Kind, str] = {
    Kind.CLAIM: "c",
    Kind.EVIDENCE: "ev",
    Kind.REBUTTAL: "rb",
    Kind.ASSUMPTION: "as",
    Kind.INDICATOR: "in",
}


def new_map(title: str, question: str | None = None, eras: Eras | None = None) -> Map:
    """A valid empty map."""
    return Map(title=title, question=question, eras=eras or Eras())


def free_id(taken: Iterable[str], prefix: str) -> str:
    """The next unused id of the form `prefix-N`.

    Numbers of four digits or more are left out of the count: analysts name nodes
    after years (`ev-1963`), and the next new node should not read as `ev-1964`.
    """
    taken_set = set(taken)
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d{{1,3}})$")
    numbers = [int(m.group(1)) for t in taken_set if (m := pattern.match(t))]
    n = max(numbers, default=0) + 1
    while f"{prefix}-{n}" in taken_set:
        n += 1
    return f"{prefix}-{n}"


def new_node_id(amap: Map, kind: Kind) -> str:
    """A fresh id for a node of `kind`, e.g. `ev-12`."""
    return free_id(amap.nodes, ID_PREFIX[kind])


_ID = re.compile(ID_PATTERN)


def _valid_id(what: str, new_id: str) -> None:
    # Keys are not validated by model_copy: a bad id would save a file that cannot load.
    if not _ID.match(new_id):
        raise EditError(
            f"'{new_id}' is not a valid {what} id: use letters, digits, '.', '_' or '-',"
            " starting with a letter or digit (at most 64)"
        )


def _refused(error: ValidationError) -> EditError:
    first = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"]
    if first["type"] in ("string_too_short", "string_pattern_mismatch") and where in (
        "text",
        "title",
    ):
        message = "must not be empty"
    return EditError(f"refused: {where}: {message}" if where else f"refused: {message}")


def _require(amap: Map, node_id: str) -> Node:
    try:
        return amap.nodes[node_id]
    except KeyError:
        raise EditError(f"no node '{node_id}'") from None


def _checked(amap: Map, node_ids: Iterable[str]) -> Map:
    """Return `amap` if the given nodes keep every rule; raise EditError otherwise."""
    for node_id in node_ids:
        found = integrity.node_problems(amap, node_id, amap.nodes)
        if found:
            raise EditError(f"refused: {found[0]}")
    return amap


def _analogies_checked(amap: Map, node_id: str) -> Map:
    """Return `amap` if analogies touching the subtree of `node_id` still join then to now.

    A new kind, era or parent of a node can break an analogy that ends on it or below it
    (eras are inherited), and a map like that would save but not load again.
    """
    touched = set(amap.subtree(node_id))
    affected = [k for k, a in amap.analogies.items() if a.then in touched or a.now in touched]
    found = integrity.analogy_problems(amap, affected, amap.nodes)
    if found:
        raise EditError(f"refused: {found[0]}")
    return amap


def _with_nodes(amap: Map, nodes: dict[str, Node], **extra: object) -> Map:
    return amap.model_copy(update={"nodes": nodes, **extra})


def add_node(amap: Map, node_id: str, node: Node, *, before: str | None = None) -> Map:
    """Add `node` as the last child of its parent, or just before sibling `before`."""
    _valid_id("node", node_id)
    if node_id in amap.nodes:
        raise EditError(f"a node '{node_id}' already exists")
    if node.parent is not None:
        _require(amap, node.parent)
    nodes: dict[str, Node] = {}
    if before is None:
        nodes = {**amap.nodes, node_id: node}
    else:
        if _require(amap, before).parent != node.parent:
            raise EditError(f"'{before}' is not a sibling of the new node; cannot add before it")
        for key, value in amap.nodes.items():
            if key == before:
                nodes[node_id] = node
            nodes[key] = value
    return _checked(_with_nodes(amap, nodes), [node_id])


def replace_node(amap: Map, node_id: str, node: Node) -> Map:
    """Replace the fields of `node_id`; a new parent must not create a cycle."""
    old = _require(amap, node_id)
    if node.parent != old.parent:
        return replace_node(reparent(amap, node_id, node.parent), node_id, node)
    nodes = dict(amap.nodes)
    nodes[node_id] = node
    new = _with_nodes(amap, nodes)
    return _analogies_checked(_checked(new, [node_id, *new.children(node_id)]), node_id)


def update_node(amap: Map, node_id: str, **changes: object) -> Map:
    """Change some fields of `node_id` (validated as a whole node)."""
    old = _require(amap, node_id)
    data = old.model_dump(by_alias=True)
    data.update(changes)
    try:
        node = Node.model_validate(data)
    except ValidationError as error:
        raise _refused(error) from None
    return replace_node(amap, node_id, node)


def delete_subtree(amap: Map, node_id: str) -> Map:
    """Remove `node_id` and its descendants, and the links and analogies touching them."""
    _require(amap, node_id)
    gone = set(amap.subtree(node_id))
    nodes = {k: v for k, v in amap.nodes.items() if k not in gone}
    links = tuple(lk for lk in amap.links if lk.from_ not in gone and lk.to not in gone)
    analogies = {
        k: a for k, a in amap.analogies.items() if a.then not in gone and a.now not in gone
    }
    return _with_nodes(amap, nodes, links=links, analogies=analogies)


def move_sibling(amap: Map, node_id: str, delta: int) -> Map:
    """Move `node_id` `delta` places among its siblings (clamped at the ends)."""
    node = _require(amap, node_id)
    siblings = list(amap.children(node.parent))
    old = siblings.index(node_id)
    new = max(0, min(len(siblings) - 1, old + delta))
    if new == old:
        return amap
    siblings.insert(new, siblings.pop(old))
    # Sibling order is dict order: re-emit the siblings in their new order, in
    # the slots the old order occupied.
    order = iter(siblings)
    sibling_set = set(siblings)
    nodes = {}
    for key, value in amap.nodes.items():
        if key in sibling_set:
            key = next(order)
            value = amap.nodes[key]
        nodes[key] = value
    return _with_nodes(amap, nodes)


def reparent(amap: Map, node_id: str, new_parent: str | None) -> Map:
    """Make `node_id` the last child of `new_parent` (None: a root), refusing cycles."""
    node = _require(amap, node_id)
    if new_parent is not None:
        _require(amap, new_parent)
        if new_parent == node_id or node_id in amap.ancestors(new_parent):
            raise EditError(
                f"cannot move '{node_id}' under '{new_parent}': it is inside it (a cycle)"
            )
    nodes = {k: v for k, v in amap.nodes.items() if k != node_id}
    nodes[node_id] = node.model_copy(update={"parent": new_parent})
    new = _with_nodes(amap, nodes)
    return _analogies_checked(_checked(new, [node_id, *new.children(node_id)]), node_id)


# ---- sources -----------------------------------------------------------------


def put_source(amap: Map, source_id: str, source: Source) -> Map:
    """Add or replace the source `source_id`."""
    _valid_id("source", source_id)
    return amap.model_copy(update={"sources": {**amap.sources, source_id: source}})


def delete_source(amap: Map, source_id: str, *, force: bool = False) -> Map:
    """Remove a source; refused while nodes cite it unless `force` (which un-cites them)."""
    if source_id not in amap.sources:
        raise EditError(f"no source '{source_id}'")
    users = amap.uses_of_source(source_id)
    if users and not force:
        shown = ", ".join(users[:5]) + (" ..." if len(users) > 5 else "")
        raise EditError(f"source '{source_id}' is cited by {len(users)} node(s): {shown}")
    sources = {k: v for k, v in amap.sources.items() if k != source_id}
    nodes = {
        k: (v.model_copy(update={"source": None}) if v.source == source_id else v)
        for k, v in amap.nodes.items()
    }
    return _with_nodes(amap, nodes, sources=sources)


# ---- analogies and links -------------------------------------------------------


def put_analogy(amap: Map, analogy_id: str, analogy: Analogy) -> Map:
    """Add or replace an analogy; its ends must be a `then` claim and a `now` claim."""
    _valid_id("analogy", analogy_id)
    new = amap.model_copy(update={"analogies": {**amap.analogies, analogy_id: analogy}})
    found = integrity.analogy_problems(new, [analogy_id], new.nodes)
    if found:
        raise EditError(f"refused: {found[0]}")
    return new


def delete_analogy(amap: Map, analogy_id: str) -> Map:
    """Remove an analogy."""
    if analogy_id not in amap.analogies:
        raise EditError(f"no analogy '{analogy_id}'")
    analogies = {k: v for k, v in amap.analogies.items() if k != analogy_id}
    return amap.model_copy(update={"analogies": analogies})


def add_link(amap: Map, link: Link) -> Map:
    """Add an extra relation between two existing nodes."""
    for end in (link.from_, link.to):
        _require(amap, end)
    if link.from_ == link.to:
        raise EditError("a link cannot join a node to itself")
    return amap.model_copy(update={"links": (*amap.links, link)})


def delete_link(amap: Map, index: int) -> Map:
    """Remove the link at `index`."""
    if not 0 <= index < len(amap.links):
        raise EditError(f"no link number {index}")
    return amap.model_copy(update={"links": amap.links[:index] + amap.links[index + 1 :]})


def set_meta(
    amap: Map,
    *,
    title: str | None = None,
    question: str | None = None,
    eras: Eras | None = None,
) -> Map:
    """Change the title, question or era labels (None leaves a field as it is).

    An empty `question` removes the question.
    """
    try:
        checked = Map.model_validate(
            {
                "title": amap.title if title is None else title,
                "question": amap.question if question is None else (question or None),
            }
        )
    except ValidationError as error:
        raise _refused(error) from None
    return amap.model_copy(
        update={
            "title": checked.title,
            "question": checked.question,
            "eras": amap.eras if eras is None else eras,
        }
    )
