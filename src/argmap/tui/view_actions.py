"""Review actions: search, filter, findings, help, and the sources and analogies screens."""

from __future__ import annotations

from argmap import ops
from argmap.model import Era, Kind, Map
from argmap.tui.base import EditorBase
from argmap.tui.search import Filter, all_tags, matches

# The side screens are imported when first opened, or by `ArgmapApp` in the
# background just after the first screen: not before it.


class ViewActions(EditorBase):
    """Actions that look at the map, or open its side screens."""

    _order_cache: tuple[Map, dict[str, int]] | None = None

    # ---- search -----------------------------------------------------------------

    def action_search(self) -> None:
        """Ask for text to find, then go to the first match after the cursor."""

        def entered(query: str | None) -> None:
            if query is not None:
                self.search_query = query
                self.go_to_match(1)

        from argmap.tui.screens.prompt import PromptScreen

        prompt = PromptScreen(
            "Search", "Find (text, id, tag, note)", self.search_query, placeholder="e.g. UN seat"
        )
        self.push_screen(prompt, entered)

    def action_next_match(self) -> None:
        """Go to the next match of the last search."""
        self.go_to_match(1)

    def action_previous_match(self) -> None:
        """Go to the previous match of the last search."""
        self.go_to_match(-1)

    def go_to_match(self, direction: int) -> None:
        """Move the cursor to the next (1) or previous (-1) match, wrapping around."""
        if not self.search_query:
            self.say("No search yet: press / to search.")
            return
        found = matches(self.doc.map, self.search_query, self.view_ids)
        if not found:
            self.say(f"No match for '{self.search_query}'.", "warning")
            return
        order = self._order()
        here = order.get(self.selected or "", -1)
        if direction > 0:
            after = [n for n in found if order[n] > here]
            target = after[0] if after else found[0]
        else:
            before = [n for n in found if order[n] < here]
            target = before[-1] if before else found[-1]
        self.map_tree.reveal(target)
        self.say(f"'{self.search_query}': match {found.index(target) + 1} of {len(found)}")

    def _order(self) -> dict[str, int]:
        cached = self._order_cache
        if cached is None or cached[0] is not self.doc.map:
            order = {n: i for i, (n, _) in enumerate(self.doc.map.walk())}
            self._order_cache = cached = (self.doc.map, order)
        return cached[1]

    # ---- filter --------------------------------------------------------------------

    def action_filter(self) -> None:
        """Show only nodes of a kind, era or tag (with the path to them)."""

        def chosen(flt: Filter | None) -> None:
            if flt is not None:
                self.apply_filter(flt)

        amap = self.doc.map
        from argmap.tui.screens.filter_form import FilterForm
        from argmap.tui.screens.form import kept_form

        form = kept_form(self, "filter-form", FilterForm, self.filter, amap.eras, all_tags(amap))
        self.push_screen(form, chosen)

    def apply_filter(self, flt: Filter) -> None:
        """Rebuild the tree for `flt` and keep the cursor where it can be."""
        selected = self.selected
        self.filter = flt
        self.pinned = set()
        self.show_all()
        if selected is None or not self.map_tree.reveal(selected):
            self.map_tree.move_cursor_to_line(0) if self.map_tree.last_line >= 0 else None
        self.show_detail()
        if flt.active:
            shown = len(self.view_ids or ())
            self.say(f"Filter {flt.describe()}: {shown} node(s) shown. f then blanks clears it.")
        else:
            self.say("Filter cleared.")

    # ---- findings ------------------------------------------------------------------

    def action_toggle_findings(self) -> None:
        """Show or hide the findings panel."""
        self.panel.display = not self.panel.display

    def action_jump_finding(self) -> None:
        """Go to the node of the next finding after the cursor."""
        nodes = [i.node_id for i in self.items if i.node_id in self.doc.map.nodes]
        if not nodes:
            self.say("No findings on nodes.")
            return
        here = self.selected
        following = nodes[(nodes.index(here) + 1) % len(nodes)] if here in nodes else nodes[0]
        self.go_to(following)

    def go_to(self, node_id: str) -> None:
        """Put the cursor on `node_id`, showing it even if the filter hides it."""
        if node_id not in self.doc.map.nodes:
            return
        if not self.map_tree.reveal(node_id):
            self.pinned.add(node_id)
            self.show_all()
            self.map_tree.reveal(node_id)
        self.map_tree.focus()
        self.show_detail()

    # ---- side screens --------------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys."""
        from argmap.tui.screens.help import HelpScreen

        # Built once and kept: the keys never change, and laying out the table again
        # each time cost about 100 ms.
        if not self.is_screen_installed("help"):
            self.install_screen(HelpScreen(), "help")
        self.push_screen("help")

    def action_show_sources(self) -> None:
        """List, add, edit and delete sources."""
        from argmap.tui.screens.sources import SourcesScreen

        screen = SourcesScreen(lambda: self.doc.map, self._commit_here, read_only=self.read_only)
        self.push_screen(screen)

    def action_show_analogies(self) -> None:
        """List, edit and delete analogies; the one at the cursor is highlighted."""
        here = self.selected
        first = next(iter(self.doc.map.analogies_of(here)), None) if here else None

        def closed(node_id: str | None) -> None:
            if node_id is not None:
                self.go_to(node_id)

        from argmap.tui.screens.analogies import AnalogiesScreen

        screen = AnalogiesScreen(
            lambda: self.doc.map, self._commit_here, read_only=self.read_only, select=first
        )
        self.push_screen(screen, closed)

    def _commit_here(self, new: Map, label: str) -> bool:
        return self.commit(new, label, focus=self.selected)

    def action_link_analogy(self) -> None:
        """Create an analogy from the selected claim (its era decides which end it is)."""
        if self.refuse_read_only():
            return
        amap = self.doc.map
        here = self.selected
        era = amap.effective_era(here) if here else None
        if here is None or amap.nodes[here].kind is not Kind.CLAIM or era is None:
            self.say(
                "Select a claim with an era (then or now) to link an analogy from it.", "warning"
            )
            return
        initial = {"then": here} if era is Era.THEN else {"now": here}

        def made(result: tuple[str, object] | None) -> None:
            if result is None:
                return
            a_id, analogy = result
            new = ops.put_analogy(self.doc.map, a_id, analogy)  # type: ignore[arg-type]
            self.commit(new, f"add analogy {a_id}", focus=here)

        from argmap.tui.screens.analogies import analogy_form

        self.push_screen(analogy_form(amap, None, initial, "New analogy"), made)
