"""The tree and the detail repaint only what changed: what is on screen must equal a full repaint.

After a change (a move, an undo, a collapse), `LineTree` repaints the lines whose look
changed and leaves the rest as drawn, and lays the screen out only if a scrollbar
comes or goes; the detail pane takes a new height the same way. A line wrongly left
alone would show stale text; here every step is compared with a drawing from scratch.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual._compositor import LayoutUpdate
from textual.color import Color
from textual.geometry import Region
from textual.pilot import Pilot
from textual.renderables.background_screen import BackgroundScreen
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from argmap import ops
from argmap.model import Kind, Node
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.modal import Backdrop, Modal
from argmap.tui.widgets.map_tree import MapTree
from argmap.tui.widgets.steady import SteadyOptionList

from .conftest import drive, select, settle

BUNDLED = Path(__file__).parent.parent.parent / "maps" / "sino-soviet-2020s.yaml"

Painted = list[list[tuple[str, object]]]


def painted(widget: Widget) -> Painted:
    """The widget's lines as on screen: rows not marked for repaint come from the cache."""
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    # Simplified: the same look may come split into segments differently.
    return [[(segment.text, segment.style) for segment in strip.simplify()] for strip in strips]


def drawn_afresh(tree: MapTree) -> Painted:
    """The tree's lines drawn from scratch: no cached strip of any kind."""
    tree._drawn.clear()
    tree._set_dirty()
    return painted(tree)


async def check(app: ArgmapApp, pilot: Pilot[int], what: str) -> None:
    await settle(app, pilot)
    shown = painted(app.map_tree)
    assert shown == drawn_afresh(app.map_tree), what


def test_the_tree_on_screen_after_each_edit_equals_a_full_repaint(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    shutil.copy(BUNDLED, path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        tree = app.map_tree
        await check(app, pilot, "opened")
        await pilot.press("down", "down")
        await check(app, pilot, "cursor moved")
        node_id = app.selected
        assert node_id is not None
        for keys in (["ctrl+down"], ["ctrl+up"], ["ctrl+down"], ["ctrl+z"], ["ctrl+y"]):
            before = tree.shown_ids()
            await pilot.press(*keys)
            await check(app, pilot, f"after {keys}")
            assert tree.shown_ids() != before, keys  # the lines did change
        await pilot.press("space")  # collapse: the lines below move up
        await check(app, pilot, "collapsed")
        await pilot.press("space")
        await check(app, pilot, "expanded")
        amap = app.doc.map
        parent = amap.nodes[node_id].parent
        added = Node(kind=Kind.CLAIM, text="A new claim [with brackets]", parent=parent)
        app.commit(ops.add_node(amap, "c-new", added, before=node_id), "add", focus="c-new")
        await check(app, pilot, "added")
        app.commit(ops.delete_subtree(app.doc.map, node_id), "delete", focus="c-new")
        await check(app, pilot, "deleted")
        app.commit(ops.update_node(app.doc.map, "c-new", text="Shorter"), "edit", focus="c-new")
        await check(app, pilot, "label changed")
        await select(app, pilot, "c-new")
        await pilot.press("x")
        await select(app, pilot, app.doc.map.roots()[0])
        await pilot.press("p")
        await check(app, pilot, "re-parented")
        for _ in range(5):
            await pilot.press("ctrl+z")
            await check(app, pilot, "undone")
        assert app.doc.map == app.doc.saved

    drive(path, script)


def test_collapsing_and_expanding_near_the_end_of_a_scrolled_tree(tmp_path: Path) -> None:
    # A collapse at the bottom of a scrolled view shortens the tree under the view:
    # the tree must scroll back and show no stale or blank lines.
    path = tmp_path / "map.yaml"
    shutil.copy(BUNDLED, path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        tree = app.map_tree
        assert tree.last_line > tree.size.height  # it scrolls
        await pilot.press("end")
        await check(app, pilot, "at the end")
        assert tree.scroll_offset.y > 0
        amap = app.doc.map
        big = max(amap.roots(), key=lambda root: len(amap.subtree(root)))
        for parent in (amap.nodes[tree.shown_ids()[-1]].parent, big):
            assert parent is not None
            await select(app, pilot, parent)
            lines = tree.last_line
            await pilot.press("space")  # collapse
            await check(app, pilot, f"collapsed {parent}")
            assert tree.last_line < lines
            assert tree.scroll_offset.y <= tree.max_scroll_y
            await pilot.press("space")  # expand again
            await check(app, pilot, f"expanded {parent}")
            assert tree.last_line == lines

    drive(path, script)


def test_the_detail_on_screen_equals_a_fresh_one_as_the_cursor_moves(tmp_path: Path) -> None:
    # Nodes with analogies have details longer than the pane (a scrollbar), others fit.
    path = tmp_path / "map.yaml"
    shutil.copy(BUNDLED, path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        detail = app.detail
        heights: set[int] = set()
        for _ in range(40):
            await pilot.press("down")
            await settle(app, pilot)
            shown = painted(detail)
            tall = detail.virtual_size.height > detail.size.height
            assert detail.show_vertical_scrollbar == tall
            heights.add(detail.virtual_size.height)
            detail._shown = None  # draw the content again from the map
            app.show_detail()
            await settle(app, pilot)
            assert painted(detail) == shown, app.selected
        assert 0 in heights and len(heights) > 2  # short ones, and tall ones of two heights

    drive(path, script)


def test_a_form_shows_the_map_under_it_as_it_is_now(map_path: Path) -> None:
    # A form keeps its dimmed backdrop of the screen under it until that screen
    # changes; a change made while the form is open (here an edit, as adding a
    # source from an evidence form makes) must show through.
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("m")  # the map's title form
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, Modal)

        def backdrop() -> str:
            return "\n".join(
                "".join(segment.text for segment in strip)
                for strip in form.render_lines(Region(0, 0, *form.outer_size))
            )

        before = backdrop()
        first = app.doc.map.roots()[0]
        app.commit(ops.update_node(app.doc.map, first, text="Changed under the form"), "edit")
        await settle(app, pilot)
        after = backdrop()
        assert after != before
        assert "Changed under the form" in after
        form._backdrop = None  # drawn again from scratch: the same
        form._set_dirty()
        assert backdrop() == after

    drive(map_path, script)


def test_a_forms_backdrop_is_the_one_textual_draws(map_path: Path) -> None:
    # Modal draws the dimmed screen below from its lines, not through rich as
    # Textual's BackgroundScreen does: the same text in the same styles, in two
    # themes, under forms of each size, and with no tint at all.
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("down", "space")  # something highlighted and expanded below
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            for key in ("m", "c", "f"):
                await pilot.press(key)
                await settle(app, pilot)
                form = app.screen
                assert isinstance(form, Modal)
                below = app.screen_stack[-2]
                for color in (form.styles.background, Color(0, 0, 0, 0)):
                    width, height = form.size
                    textual = Visual.to_strips(
                        form,
                        visualize(form, BackgroundScreen(below, color)),
                        width,
                        height,
                        form.visual_style,
                    )
                    ours = Backdrop(below, color).strips(
                        width, height, form.visual_style.rich_style
                    )
                    assert [simple(s) for s in ours] == [simple(s) for s in textual], (theme, key)
                    assert len(ours) == height and ours[0].cell_length == width
                await pilot.press("escape")
                await settle(app, pilot)

    drive(map_path, script)


def simple(strip: Strip) -> list[tuple[str, object]]:
    """A line's text and styles; the same look may come split into segments differently."""
    return [(segment.text, segment.style) for segment in strip.simplify()]


def test_a_form_appears_over_its_dimmed_backdrop_in_one_frame(map_path: Path) -> None:
    # Pushing a form repaints the whole screen (the map below is dimmed): the form's
    # first frame must be that whole screen, not the form over the undimmed map
    # with the backdrop in a frame after it. First openings and kept forms alike.
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        frames: list[tuple[object, object]] = []
        display = app._display

        def record(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                frames.append((screen, renderable))

        app._display = record  # type: ignore[method-assign]
        for key in ("c", "m", "f", "c", "m", "f"):
            await pilot.press("down")  # the map under the form changes each time
            await settle(app, pilot)
            frames.clear()
            await pilot.press(key)
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, Modal)
            first = next(update for screen, update in frames if screen is form)
            assert isinstance(first, LayoutUpdate), key
            assert first.region == form.region, key
            await pilot.press("escape")
            await settle(app, pilot)

    drive(map_path, script, prebuild_forms=False)


def test_showing_and_hiding_the_findings_repaints_what_moved(tmp_path: Path) -> None:
    # The panel takes rows from the tree and the detail: a new height repaints only the
    # rows it uncovers or moves (the bottom border), at the top and scrolled to the end.
    path = tmp_path / "map.yaml"
    shutil.copy(BUNDLED, path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        tree, detail = app.map_tree, app.detail
        for keys in (["down", "down"], ["end"], ["home", "down"]):
            await pilot.press(*keys)
            for _ in range(2):
                height = tree.size.height
                await pilot.press("F")
                await settle(app, pilot)
                assert tree.size.height != height
                shown = painted(detail)
                assert painted(tree) == drawn_afresh(tree), keys
                detail._set_dirty()  # every row drawn again from its content
                assert painted(detail) == shown, keys

    drive(path, script)


def test_a_list_of_sources_is_measured_for_its_width(tmp_path: Path) -> None:
    # The sources list keeps its options' measured heights while its width stays; at
    # a new width (the terminal narrowed) long entries wrap onto more lines.
    path = tmp_path / "map.yaml"
    shutil.copy(BUNDLED, path)

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("S")
        await settle(app, pilot)
        listing = app.screen.query_one(SteadyOptionList)
        wide = list(listing._lines)
        assert wide
        for size in ((70, 40), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            shown = list(listing._lines)
            listing._clear_caches()  # measured again from scratch
            assert list(listing._lines) == shown, size
            if size[0] == 70:
                assert len(shown) > len(wide)  # narrower: some entries take two lines
        assert list(listing._lines) == wide

    drive(path, script)
