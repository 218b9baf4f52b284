"""MapTree: the map as a lazily built tree, updated in place after each edit.

Children are added only when a node is first expanded, so a 10,000-node map opens
as fast as a small one; after an edit only the parents whose children changed are
brought up to date (keeping the tree nodes of children that stay, so a moved node
keeps its open subtree and its drawn lines), and only the labels that changed are
redrawn.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from argmap.model import Map, Severity
from argmap.tui.labels import node_label
from argmap.tui.map_diff import candidate_parents, changed_ids
from argmap.tui.widgets.line_tree import LineTree

# On open, expand level by level until about this many lines show.
OPEN_LINES = 150

MapNode = TreeNode[str]


class MapTree(LineTree):
    """The argument map as a tree; each tree node's data is the map node's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter edits (Tree's own enter would only select); a click still toggles.
        Binding("enter", "app.edit_node", "Edit", id="edit-node"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("map", id=id)
        self.show_root = False
        self.guide_depth = 3
        self._map: Map | None = None
        self._visible: set[str] | None = None
        self._marks: dict[str, Severity] = {}
        self._by_id: dict[str, MapNode] = {}
        self._populated: set[str | None] = set()
        # Ids the user has expanded: rebuilt or moved nodes come back expanded.
        self._expanded: set[str] = set()

    # ---- queries -------------------------------------------------------------

    @property
    def selected_id(self) -> str | None:
        """The id of the map node under the cursor, if any."""
        node = self.cursor_node
        return node.data if node is not None else None

    def label_of(self, node_id: str) -> str | None:
        """The plain text of the node's label, if the node is built in the tree."""
        tree_node = self._by_id.get(node_id)
        return None if tree_node is None else str(tree_node.label)

    @property
    def built(self) -> int:
        """How many map nodes have a tree node (the tree is built lazily)."""
        return len(self._by_id)

    def shown_ids(self) -> list[str]:
        """Ids of the nodes on the tree's lines, top to bottom (expanded parts only)."""
        out: list[str] = []
        for line in range(self.last_line + 1):
            tree_node = self.get_node_at_line(line)
            if tree_node is not None and tree_node.data is not None:
                out.append(tree_node.data)
        return out

    def view_children(self, amap: Map, node_id: str | None) -> list[str]:
        """The children of `node_id` that the current filter shows."""
        children = amap.children(node_id)
        if self._visible is None:
            return list(children)
        return [c for c in children if c in self._visible]

    # ---- building ------------------------------------------------------------

    def show_map(
        self,
        amap: Map,
        *,
        visible: set[str] | None = None,
        marks: dict[str, Severity] | None = None,
    ) -> None:
        """Build the tree afresh for `amap` (on open, and when the filter changes)."""
        self._map = amap
        self._visible = visible
        if marks is not None:
            self._marks = marks
        self.clear()
        self._by_id.clear()
        self._populated.clear()
        with self.batched():
            self._populate(self.root, None)
            self._expand_to_budget(OPEN_LINES if visible is None else OPEN_LINES * 4)

    def _expand_to_budget(self, budget: int) -> None:
        level = list(self.root.children)
        shown = len(level)
        while level and shown < budget:
            following: list[MapNode] = []
            for tree_node in level:
                if tree_node.data is None or not tree_node.allow_expand:
                    continue
                if shown >= budget:
                    break
                self._open(tree_node, tree_node.data)
                shown += len(tree_node.children)
                following.extend(tree_node.children)
            level = following

    def _open(self, tree_node: MapNode, node_id: str) -> None:
        """Populate and expand `tree_node`, remembering that it is open."""
        self._expanded.add(node_id)
        self._populate(tree_node, node_id)
        if not tree_node.is_expanded:
            tree_node.expand()

    def _add(self, parent: MapNode, node_id: str) -> MapNode:
        assert self._map is not None
        label = node_label(self._map, node_id, self._marks.get(node_id))
        has_children = bool(self.view_children(self._map, node_id))
        child = parent.add(label, node_id, allow_expand=has_children)
        self._by_id[node_id] = child
        return child

    def _populate(self, tree_node: MapNode, node_id: str | None) -> None:
        """Add the children of `node_id` under `tree_node`, once; reopen those left open."""
        if node_id in self._populated or self._map is None:
            return
        self._populated.add(node_id)
        for child_id in self.view_children(self._map, node_id):
            child = self._add(tree_node, child_id)
            if child_id in self._expanded and child.allow_expand:
                self._open(child, child_id)

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        if event.node.data is not None:
            self._expanded.add(event.node.data)
        with self.batched():
            self._populate(event.node, event.node.data)

    def _on_tree_node_collapsed(self, event: Tree.NodeCollapsed[str]) -> None:
        if event.node.data is not None:
            self._expanded.discard(event.node.data)

    def _forget(self, tree_node: MapNode) -> None:
        """Drop the bookkeeping of `tree_node` and every tree node below it."""
        stack = [tree_node]
        while stack:
            child = stack.pop()
            if child.data is not None and self._by_id.get(child.data) is child:
                del self._by_id[child.data]
                self._populated.discard(child.data)
            stack.extend(child.children)

    def _sync_children(self, tree_node: MapNode, node_id: str | None) -> None:
        """Make the tree children of `node_id` match the map, keeping those that stay.

        A child that stays keeps its tree node (its subtree, open state and drawn
        lines); a new child is added, a gone one removed, and the order is the map's.
        """
        assert self._map is not None
        wanted = self.view_children(self._map, node_id)
        kept = {child.data: child for child in tree_node.children}
        order: list[MapNode] = []
        for child_id in wanted:
            child = kept.pop(child_id, None)
            if child is None:
                moved = self._by_id.get(child_id)
                if moved is not None:  # re-parented: drop it where it was
                    self._forget(moved)
                    moved.remove()
                child = self._add(tree_node, child_id)
                if child_id in self._expanded and child.allow_expand:
                    self._open(child, child_id)
            order.append(child)
        for gone in kept.values():
            self._forget(gone)
            gone.remove()
        # TreeNode has no public way to reorder children: set the list the tree draws from.
        if list(tree_node.children) != order:
            tree_node._children[:] = order
            self._invalidate()

    # ---- updating after an edit ------------------------------------------------

    def update_map(
        self, old: Map, new: Map, *, visible: set[str] | None, touched: Iterable[str] = ()
    ) -> None:
        """Bring the tree from `old` to `new`, rebuilding only what changed.

        Args:
            old: the map the tree shows now.
            new: the map to show.
            visible: the filtered view of `new` (None: everything).
            touched: extra nodes whose labels may have changed (e.g. citing an edited source).
        """
        old_visible = self._visible
        self._map = new
        self._visible = visible
        changed = changed_ids(old, new)
        with self.batched():
            for parent_id in self._changed_parents(old, old_visible, new, visible, changed):
                self._refresh_parent(new, parent_id)
        relabel = set(changed) | set(touched)
        for node_id in changed:
            if node_id in new.nodes:
                relabel.update(new.children(node_id))
        self.relabel(relabel)

    def _refresh_parent(self, new: Map, parent_id: str | None) -> None:
        if parent_id is None:
            self._sync_children(self.root, None)
            return
        holder = self._by_id.get(parent_id)
        if holder is None or parent_id not in new.nodes:
            return
        holder.allow_expand = bool(self.view_children(new, parent_id))
        if parent_id in self._populated:
            self._sync_children(holder, parent_id)

    def _changed_parents(
        self,
        old: Map,
        old_visible: set[str] | None,
        new: Map,
        visible: set[str] | None,
        changed: list[str],
    ) -> list[str | None]:
        candidates = candidate_parents(old, new, changed)
        if old_visible is None or visible is None:
            if old_visible is not visible:  # the filter came or went: check them all
                candidates = {None, *old.nodes, *new.nodes}
        else:
            # In a filtered view a parent's shown children also change when one of
            # them is shown or hidden (e.g. a node pinned by an edit, or no longer matching).
            for amap in (old, new):
                nodes = amap.nodes
                candidates.update(nodes[n].parent for n in old_visible ^ visible if n in nodes)
        out: list[str | None] = []
        for parent_id in candidates:
            before = [c for c in old.children(parent_id) if old_visible is None or c in old_visible]
            after = [c for c in new.children(parent_id) if visible is None or c in visible]
            if before != after:
                out.append(parent_id)
        # Shallow parents first: a parent rebuilt under a rebuilt ancestor is then current.
        return sorted(out, key=lambda p: _depth(new, p))

    def relabel(self, node_ids: Iterable[str]) -> None:
        """Redraw the labels of these nodes, where they are in the tree."""
        if self._map is None:
            return
        resized = False
        for node_id in node_ids:
            tree_node = self._by_id.get(node_id)
            if tree_node is not None and node_id in self._map.nodes:
                label = node_label(self._map, node_id, self._marks.get(node_id))
                resized = resized or label.cell_len != tree_node._label.cell_len
                tree_node.set_label(label)
        if resized:
            # The widest line sets the tree's width: measure it now (e.g. when findings
            # mark nodes), not in the next key that rebuilds the lines.
            self._invalidate()

    def set_marks(self, marks: dict[str, Severity]) -> None:
        """Show these findings marks; only nodes whose mark changed are redrawn."""
        changed = {n for n in set(marks) | set(self._marks) if marks.get(n) != self._marks.get(n)}
        self._marks = marks
        self.relabel(changed)

    # ---- moving the cursor -----------------------------------------------------

    def reveal(self, node_id: str) -> bool:
        """Expand the path to `node_id` and put the cursor on it; False if not shown."""
        if self._map is None or node_id not in self._map.nodes:
            return False
        if self._visible is not None and node_id not in self._visible:
            return False
        path = [*reversed(self._map.ancestors(node_id))]
        with self.batched():  # the lines are built once, after the path is open
            for ancestor in path:
                tree_node = self._by_id.get(ancestor)
                if tree_node is None:
                    return False
                self._open(tree_node, ancestor)
        target = self._by_id.get(node_id)
        if target is None:
            return False
        _ = self.last_line  # lay out the lines so the node knows its line
        self.move_cursor(target)
        self.scroll_to_node(target, animate=False)
        return True

    def expanded_ids(self) -> Collection[str]:
        """Ids of the expanded nodes (for tests and for keeping state)."""
        return [n for n, t in self._by_id.items() if t.is_expanded]


def _depth(amap: Map, node_id: str | None) -> int:
    if node_id is None:
        return -1
    return len(amap.ancestors(node_id)) if node_id in amap.nodes else 0
