"""Pure edits of a map: each takes a `Map` and returns a new one (undo keeps the old).

An edit that would break an invariant (a missing parent, a cycle, a claim under
evidence) raises `EditError` and changes nothing. Node objects are shared between
the old and new maps, so an edit costs one dict copy, not a copy of the map.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Set

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


# (number, spelling) for every one- to three-digit spelling ("7", "07", "007"),
# highest number first.
_COUNTED = list(dict.fromkeys((n, f"{n:0{w}d}") for n in range(999, -1, -1) for w in (1, 2, 3)))


def free_id(taken: Iterable[str], prefix: str) -> str:
    """The next unused id of the form `prefix-N`.

    Numbers of four digits or more are left out of the count: analysts name nodes
    after years (`ev-1963`), and the next new node should not read as `ev-1964`.
    """
    taken_set = taken if isinstance(taken, Set | Mapping) else set(taken)
    # Ids are ASCII (ID_PATTERN), so the numbers counted are the 1,110 spellings of
    # 0-999 in one to three digits: asking for each, highest first, costs far less
    # than matching every id of a 10,000-node map (10-20 ms per new node).
    highest = next((n for n, digits in _COUNTED if f"{prefix}-{digits}" in taken_set), 0)
    n = highest + 1
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


# ---- the children index, carried from map to map ---------------------------------
#
# `Map.child_lists` is built on first use (15-30 ms on 10,000 nodes), and the editor
# asks for it after every edit. An edit changes one or two parents' lists, so each edit
# below derives the new map's index from the old one's, when the old one has it.

Lists = dict[str | None, tuple[str, ...]]  # a parent's children, as `Map.child_lists`


def _carry(old: Map, new: Map, change: Callable[[Lists], None]) -> Map:
    """Seed `new` with `old`'s children index as `change` alters it; return `new`."""
    lists = old.built_child_lists()
    if lists is not None:
        derived = dict(lists)
        change(derived)
        new.seed_child_lists(derived)
    return new


def _same_tree(old: Map, new: Map) -> Map:
    """Seed `new` with `old`'s children index: same ids in the same order, same parents."""
    lists = old.built_child_lists()
    if lists is not None:
        new.seed_child_lists(lists)
    return new


def _drop(lists: Lists, parent: str | None, node_id: str) -> None:
    """Take `node_id` out of `parent`'s children (a parent left with none has no entry)."""
    rest = tuple(c for c in lists.get(parent, ()) if c != node_id)
    if rest:
        lists[parent] = rest
    else:
        lists.pop(parent, None)


def _insert(lists: Lists, parent: str | None, node_id: str, before: str | None = None) -> None:
    """Put `node_id` among `parent`'s children: last, or just before `before`."""
    children = lists.get(parent, ())
    if before is None:
        lists[parent] = (*children, node_id)
    else:
        at = children.index(before)
        lists[parent] = (*children[:at], node_id, *children[at:])


def add_node(amap: Map, node_id: str, node: Node, *, before: str | None = None) -> Map:
    """Add `node` as the last child of its parent, or just before sibling `before`."""
    _valid_id("node", node_id)
    if node_id in amap.nodes:
        raise EditError(f"a node '{node_id}' already exists")
    if node.parent is not None:
        _require(amap, node.parent)
    if before is None:
        nodes = {**amap.nodes, node_id: node}
    else:
        if _require(amap, before).parent != node.parent:
            raise EditError(f"'{before}' is not a sibling of the new node; cannot add before it")
        keys, values = list(amap.nodes), list(amap.nodes.values())
        at = keys.index(before)
        keys.insert(at, node_id)
        values.insert(at, node)
        nodes = dict(zip(keys, values, strict=True))
    new = _carry(
        amap,
        _with_nodes(amap, nodes),
        lambda lists: _insert(lists, node.parent, node_id, before),
    )
    return _checked(new, [node_id])


def replace_node(amap: Map, node_id: str, node: Node) -> Map:
    """Replace the fields of `node_id`; a new parent must not create a cycle."""
    old = _require(amap, node_id)
    if node.parent != old.parent:
        return replace_node(reparent(amap, node_id, node.parent), node_id, node)
    nodes = dict(amap.nodes)
    nodes[node_id] = node
    new = _same_tree(amap, _with_nodes(amap, nodes))
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
    nodes = dict(amap.nodes)  # copied in C; the few deletions are cheap
    for gone_id in gone:
        del nodes[gone_id]
    links = tuple(lk for lk in amap.links if lk.from_ not in gone and lk.to not in gone)
    analogies = {
        k: a for k, a in amap.analogies.items() if a.then not in gone and a.now not in gone
    }
    parent = amap.nodes[node_id].parent

    def change(lists: Lists) -> None:
        _drop(lists, parent, node_id)
        for gone_id in gone:  # their children are gone with them
            lists.pop(gone_id, None)

    return _carry(amap, _with_nodes(amap, nodes, links=links, analogies=analogies), change)


def move_sibling(amap: Map, node_id: str, delta: int) -> Map:
    """Move `node_id` `delta` places among its siblings (clamped at the ends)."""
    node = _require(amap, node_id)
    siblings = list(amap.children(node.parent))
    old = siblings.index(node_id)
    new = max(0, min(len(siblings) - 1, old + delta))
    if new == old:
        return amap
    siblings.insert(new, siblings.pop(old))
    # Sibling order is dict order: put the siblings in their new order into the
    # slots the old order occupied. Only the slots between the two places change;
    # the rest is copied by `dict` and `zip` in C (a Python loop over 10,000
    # nodes cost more than the rest of the edit).
    low, high = min(old, new), max(old, new)
    keys, values = list(amap.nodes), list(amap.nodes.values())
    slots = _positions(keys, amap.children(node.parent)[low : high + 1])
    for slot, key in zip(slots, siblings[low : high + 1], strict=True):
        keys[slot] = key
        values[slot] = amap.nodes[key]
    nodes = dict(zip(keys, values, strict=True))

    def change(lists: Lists) -> None:
        lists[node.parent] = tuple(siblings)

    return _carry(amap, _with_nodes(amap, nodes), change)


def _positions(keys: list[str], wanted: Iterable[str]) -> list[int]:
    """Where each of `wanted` stands in `keys` (each is there, in `keys`' order)."""
    out: list[int] = []
    start = 0
    for key in wanted:  # in key order: each search starts where the last one ended
        start = keys.index(key, start)
        out.append(start)
    return out


def reparent(amap: Map, node_id: str, new_parent: str | None) -> Map:
    """Make `node_id` the last child of `new_parent` (None: a root), refusing cycles."""
    node = _require(amap, node_id)
    if new_parent is not None:
        _require(amap, new_parent)
        if new_parent == node_id or node_id in amap.ancestors(new_parent):
            raise EditError(
                f"cannot move '{node_id}' under '{new_parent}': it is inside it (a cycle)"
            )
    nodes = dict(amap.nodes)
    del nodes[node_id]  # put back below: it becomes the last node, so the last child
    nodes[node_id] = node.model_copy(update={"parent": new_parent})

    def change(lists: Lists) -> None:
        _drop(lists, node.parent, node_id)
        _insert(lists, new_parent, node_id)

    new = _carry(amap, _with_nodes(amap, nodes), change)
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
    return _same_tree(amap, _with_nodes(amap, nodes, sources=sources))


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
