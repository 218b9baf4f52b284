"""The editor's edits: add, edit, delete, move, cut and paste nodes; undo and redo.

Each action builds a new map with `argmap.ops` and hands it to `commit`; a refused
edit (`EditError`) becomes a notification and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap import ops
from argmap.errors import EditError
from argmap.model import Eras, Kind, Map, Node, Source, Target
from argmap.summary import shorten
from argmap.tui.base import EditorBase
from argmap.tui.screens.choice import confirm

if TYPE_CHECKING:
    from argmap.tui.screens.node_form import NodeForm

# The forms (and the Textual widgets they use) are imported when first opened, or by
# `ArgmapApp` in the background just after the first screen: not before it.


class EditActions(EditorBase):
    """Actions that change the map's nodes."""

    # ---- adding ------------------------------------------------------------------

    def action_add_claim(self) -> None:
        """Add a claim under the selection (a root claim in an empty map)."""
        self.add_node(Kind.CLAIM)

    def action_add_evidence(self) -> None:
        """Add evidence under the selection."""
        self.add_node(Kind.EVIDENCE)

    def action_add_rebuttal(self) -> None:
        """Add a rebuttal under the selection."""
        self.add_node(Kind.REBUTTAL)

    def action_add_undercut(self) -> None:
        """Add a rebuttal that attacks the inference from the selection to its parent."""
        self.add_node(Kind.REBUTTAL, target=Target.INFERENCE)

    def action_add_assumption(self) -> None:
        """Add an assumption under the selection."""
        self.add_node(Kind.ASSUMPTION)

    def action_add_indicator(self) -> None:
        """Add an indicator under the selection."""
        self.add_node(Kind.INDICATOR)

    def action_add_sibling(self) -> None:
        """Add a claim just after the selection, under the same parent."""
        selected = self.selected
        if selected is None:
            self.add_node(Kind.CLAIM)
            return
        amap = self.doc.map
        siblings = amap.children(amap.nodes[selected].parent)
        index = siblings.index(selected)
        before = siblings[index + 1] if index + 1 < len(siblings) else None
        self.add_node(Kind.CLAIM, parent=amap.nodes[selected].parent, before=before, sibling=True)

    def add_node(
        self,
        kind: Kind,
        *,
        target: Target | None = None,
        parent: str | None = None,
        before: str | None = None,
        sibling: bool = False,
    ) -> None:
        """Open the form for a new node of `kind` and add it when accepted."""
        if self.refuse_read_only():
            return
        amap = self.doc.map
        if not sibling:
            parent = self.selected
            if parent is None and amap.nodes:
                self.say("Select the node to add to first (arrow keys).", "warning")
                return
            if parent is None and kind is not Kind.CLAIM:
                self.say("An empty map starts with a claim: press c.", "warning")
                return
        initial: dict[str, Any] = {"kind": kind, "parent": parent, "target": target}
        # Try the edit with a stand-in text first, so an impossible one is refused
        # before the analyst types anything.
        try:
            probe = Node.model_validate({**initial, "text": "x"})
            ops.add_node(amap, ops.new_node_id(amap, kind), probe, before=before)
        except EditError as error:
            self.fail(error)
            return
        what = "an undercut" if target is Target.INFERENCE else kind.value
        where = f" under '{shorten(amap.nodes[parent].text, 40)}'" if parent else ""

        def check(node: Node) -> None:
            current = self.doc.map
            ops.add_node(current, ops.new_node_id(current, node.kind), node, before=before)

        def added(node: Node | None) -> None:
            if node is None:
                return
            current = self.doc.map
            node_id = ops.new_node_id(current, node.kind)
            try:
                new = ops.add_node(current, node_id, node, before=before)
            except EditError as error:
                self.fail(error)
                return
            self.commit(new, f"add {node.kind.value} {node_id}", focus=node_id)

        self.push_screen(self._node_form(f"Add {what}{where}", initial, check), added)

    def _node_form(self, title: str, initial: dict[str, Any], check: Any) -> NodeForm:
        """The node form of `initial`'s kind, filled for it: built once, then filled again
        each time (a form per kind: one that opens on other fields is laid out anew)."""
        from argmap.tui.prebuild import NODE_FORMS
        from argmap.tui.screens.form import kept_form
        from argmap.tui.screens.node_form import NodeForm

        amap = self.doc.map
        return kept_form(
            self,
            NODE_FORMS[initial["kind"]],
            NodeForm,
            title,
            initial,
            eras=amap.eras,
            sources=amap.sources,
            check=check,
            add_source=self.add_source,
        )

    def add_source(self, source_id: str, source: Source) -> dict[str, Source]:
        """Add a source from inside a form; return the sources now in the map."""
        self.commit(ops.put_source(self.doc.map, source_id, source), f"add source {source_id}")
        return self.doc.map.sources

    # ---- changing ----------------------------------------------------------------

    def action_edit_node(self) -> None:
        """Edit the selected node in a form."""
        if self.refuse_read_only():
            return
        node_id = self.selected
        if node_id is None:
            self.say("Nothing selected: press c to add a claim.", "warning")
            return
        old = self.doc.map.nodes[node_id]

        def check(node: Node) -> None:
            ops.replace_node(self.doc.map, node_id, node)

        def edited(node: Node | None) -> None:
            if node is None or node == self.doc.map.nodes.get(node_id):
                return
            try:
                new = ops.replace_node(self.doc.map, node_id, node)
            except EditError as error:
                self.fail(error)
                return
            self.commit(new, f"edit {node_id}", focus=node_id)

        form = self._node_form(f"Edit {node_id}", old.model_dump(by_alias=True), check)
        self.push_screen(form, edited)

    def action_edit_map(self) -> None:
        """Edit the map's title, question and era labels."""
        if self.refuse_read_only():
            return
        amap = self.doc.map

        def edited(result: tuple[str, str | None, Eras] | None) -> None:
            if result is None:
                return
            title, question, eras = result
            new = ops.set_meta(self.doc.map, title=title, question=question or "", eras=eras)
            if (new.title, new.question, new.eras) != (amap.title, amap.question, amap.eras):
                self.commit(new, "edit title", focus=self.selected)

        from argmap.tui.screens.form import kept_form
        from argmap.tui.screens.map_form import MapForm

        form = kept_form(self, "map-form", MapForm, amap.title, amap.question, amap.eras)
        self.push_screen(form, edited)

    def action_delete_node(self) -> None:
        """Delete the selection and its subtree, after saying how much goes."""
        if self.refuse_read_only():
            return
        node_id = self.selected
        if node_id is None:
            return
        amap = self.doc.map
        gone = amap.subtree(node_id)
        analogies = {a for n in gone for a in amap.analogies_of(n)}
        question = f"Delete '{shorten(amap.nodes[node_id].text, 60)}'"
        question += f" and the {len(gone) - 1} node(s) under it?" if len(gone) > 1 else "?"
        if analogies:
            question += f" {len(analogies)} analogy(ies) touching them go too."
        question += " (ctrl+z undoes it.)"

        def answered(answer: str | None) -> None:
            if answer != "yes":
                return
            focus = _neighbour(self.doc.map, node_id)
            new = ops.delete_subtree(self.doc.map, node_id)
            self.commit(new, f"delete {node_id} ({len(gone)} nodes)", focus=focus)

        self.push_screen(confirm("Delete", question, "Delete"), answered)

    def action_move_up(self) -> None:
        """Move the selection up among its siblings."""
        self._move(-1)

    def action_move_down(self) -> None:
        """Move the selection down among its siblings."""
        self._move(1)

    def _move(self, delta: int) -> None:
        if self.refuse_read_only() or (node_id := self.selected) is None:
            return
        new = ops.move_sibling(self.doc.map, node_id, delta)
        if new is self.doc.map:
            self.say("Already " + ("first" if delta < 0 else "last") + " among its siblings.")
            return
        self.commit(new, f"move {node_id}", focus=node_id)

    def action_cut_node(self) -> None:
        """Mark the selection to be pasted under another node."""
        if self.refuse_read_only() or (node_id := self.selected) is None:
            return
        self.cut_id = node_id
        self.say(f"Cut {node_id}: select its new parent and press p.")

    def action_paste_node(self) -> None:
        """Move the cut node under the selection (a cycle is refused)."""
        if self.refuse_read_only():
            return
        cut = self.cut_id
        if cut is None or cut not in self.doc.map.nodes:
            self.say("Nothing to paste: cut a node with x first.", "warning")
            return
        target = self.selected
        try:
            new = ops.reparent(self.doc.map, cut, target)
        except EditError as error:
            self.fail(error)
            return
        self.cut_id = None
        self.commit(new, f"move {cut} under {target}", focus=cut)

    # ---- history --------------------------------------------------------------

    def action_undo(self) -> None:
        """Undo the last edit."""
        if self.refuse_read_only():
            return
        step = self.doc.undo()
        if step is None:
            self.say("Nothing to undo.")
            return
        self.show_step(step, undone=True)
        self.say(f"Undone: {step.label}")

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        if self.refuse_read_only():
            return
        step = self.doc.redo()
        if step is None:
            self.say("Nothing to redo.")
            return
        self.show_step(step, undone=False)
        self.say(f"Redone: {step.label}")


def _neighbour(amap: Map, node_id: str) -> str | None:
    """Where the cursor goes when `node_id` is deleted: next sibling, previous, parent."""
    parent = amap.nodes[node_id].parent
    siblings = amap.children(parent)
    index = siblings.index(node_id)
    if index + 1 < len(siblings):
        return siblings[index + 1]
    if index > 0:
        return siblings[index - 1]
    return parent
