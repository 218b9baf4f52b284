"""Pilot tests: search, filter, findings, help, the palette, sources, analogies and export."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from argmap import ops, store
from argmap.model import (
    Bears,
    Credibility,
    Kind,
    QuestionState,
    Reliability,
    Weight,
)
from argmap.tui.app import ArgmapApp
from argmap.tui.keys import KEYS
from argmap.tui.screens.analogies import AnalogiesScreen
from argmap.tui.screens.analogy_form import AnalogyForm, ItemRow
from argmap.tui.screens.choice import ChoiceScreen
from argmap.tui.screens.help import HelpScreen
from argmap.tui.screens.source_form import SourceForm
from argmap.tui.screens.sources import SourcesScreen
from argmap.tui.search import Filter

from .conftest import DATA, drive, fill, select, settle


def plain(content: object, width: int = 200) -> str:
    """What a widget shows, as plain text (wide, so that lines are not wrapped)."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(content)
    return console.export_text()


def detail_text(app: ArgmapApp) -> str:
    """The detail pane as plain text."""
    return plain(app.detail.content)


def test_detail_shows_fields_source_role_and_analogies(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "ev-ilm-1972")
        text = detail_text(app)
        assert "Representation of China" in text
        assert "pp. 561–570" in text
        assert "2 — probably true" in text
        assert "a reason for its parent" in text
        await select(app, pilot, "uc-sponsor-1963")
        assert "an undercut" in detail_text(app)
        await select(app, pilot, "nixon-opening")
        text = detail_text(app)
        assert "nixon-reverse" in text
        assert "In 1969–72 the Sino-Soviet split already existed" in text
        assert "Is the conclusion true (false) in the historical case?" in text
        await select(app, pilot, "bluf")  # the other end shows it too
        assert "nixon-reverse" in detail_text(app)

    drive(map_path, script)


def test_search_next_and_previous_wrap(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "bluf")
        await pilot.press("slash")
        fill(app, prompt="moscow")
        await pilot.press("enter")
        await settle(app, pilot)
        # bluf itself mentions Moscow; the next match after it is un-exclusion.
        assert app.selected == "un-exclusion"
        await pilot.press("n")
        assert app.selected == "uc-sponsor-1963"
        await pilot.press("n")  # wraps to the first
        assert app.selected == "bluf"
        await pilot.press("N")
        assert app.selected == "uc-sponsor-1963"

    drive(map_path, script)


def test_search_reveals_a_collapsed_node(tmp_path: Path) -> None:
    path = tmp_path / "full.yaml"
    shutil.copy(DATA / "full.yaml", path)
    amap = store.load(path).map
    deepest = max(amap.walk(), key=lambda pair: pair[1])[0]

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        for tree_node in list(app.map_tree.root.children):
            tree_node.collapse_all()
        await pilot.pause()
        await pilot.press("slash")
        fill(app, prompt=deepest)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.selected == deepest
        assert deepest in app.map_tree.shown_ids()

    drive(path, script)


def test_filter_by_kind_shows_matches_and_their_path(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("f")
        fill(app, filter_kind=Kind.EVIDENCE)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.map_tree.shown_ids() == ["bluf", "un-exclusion", "ev-ilm-1972"]
        assert "filter: kind=evidence" in app.sub_title
        await pilot.press("f")
        app.screen.query_one("#filter-kind", Select).clear()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert len(app.map_tree.shown_ids()) == 6

    drive(map_path, script)


def test_edits_in_a_filtered_view_show_what_a_fresh_view_shows(map_path: Path) -> None:
    # The tree is brought up to date in place after each edit: it must show exactly
    # what rebuilding it for the same map, filter and pinned nodes shows.
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        app.apply_filter(Filter(kind=Kind.CLAIM))
        await settle(app, pilot)
        assert app.map_tree.shown_ids() == ["bluf", "un-exclusion", "nixon-opening"]

        async def same_as_fresh() -> list[str]:
            shown = app.map_tree.shown_ids()
            app.show_all()
            app.map_tree.reveal(app.selected or "bluf")
            await settle(app, pilot)
            assert app.map_tree.shown_ids() == shown
            return shown

        await select(app, pilot, "un-exclusion")
        await pilot.press("e")  # evidence is filtered out, but the new node stays pinned
        fill(app, text="The PRC protested its exclusion in 1950.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        added = app.selected or ""
        assert added.startswith("ev-") and added in await same_as_fresh()
        await select(app, pilot, "un-exclusion")
        await pilot.press("x")
        await select(app, pilot, "nixon-opening")
        await pilot.press("p")  # a claim moves under another; its pinned evidence follows
        await settle(app, pilot)
        shown = await same_as_fresh()
        assert shown.index("un-exclusion") > shown.index("nixon-opening")
        assert added in shown
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(app, pilot)
        shown = await same_as_fresh()
        assert added not in shown and shown.index("un-exclusion") < shown.index("nixon-opening")
        # Only evidence: deleting the one piece left under bluf hides the path to it.
        app.pinned.clear()
        app.apply_filter(Filter(kind=Kind.EVIDENCE))
        await settle(app, pilot)
        await select(app, pilot, "ev-ilm-1972")
        await pilot.press("delete", "y")
        await settle(app, pilot)
        assert "ev-ilm-1972" not in await same_as_fresh()
        # A tag no node has yet: tagging a deep node shows the path down to it.
        app.pinned.clear()
        app.apply_filter(Filter(tag="watch"))
        await settle(app, pilot)
        assert app.map_tree.shown_ids() == []
        tagged = ops.update_node(app.doc.map, "uc-sponsor-1963", tags=["watch"])
        app.commit(tagged, "tag uc-sponsor-1963")
        await settle(app, pilot)
        path = ["bluf", "un-exclusion", "rb-soviet-support", "uc-sponsor-1963"]
        assert await same_as_fresh() == path

    drive(map_path, script)


def test_findings_panel_lists_lint_and_enter_jumps(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        panel = app.panel
        assert panel.items, "the small map has lint findings"
        index, item = next(
            (i, it) for i, it in enumerate(panel.items) if it.node_id not in (None, "bluf")
        )
        await select(app, pilot, "bluf")
        panel.focus()
        panel.highlighted = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.selected == item.node_id
        assert item.code in detail_text(app)
        await pilot.press("F")
        assert not panel.display

    drive(map_path, script)


def test_help_lists_every_key(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "".join(plain(s.content, 300) for s in app.screen.query(Static))
        for key in KEYS:
            assert key.help in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    drive(map_path, script)


def test_command_palette_offers_every_action(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for key in KEYS:
            assert f"{key.description} ({key.shown_key})" in titles
        for key in KEYS:
            assert hasattr(app, f"action_{key.action}"), key.action

    drive(map_path, script)


def test_sources_add_edit_and_delete_in_use(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("S")
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("a")
        assert isinstance(app.screen, SourceForm)
        fill(app, title="Sino-Soviet Treaty", author="Zhou Enlai", date="1950-02")
        fill(app, reliability=Reliability.A)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.doc.map.sources["enlai-1950"].reliability is Reliability.A
        # Delete a source that evidence cites: it asks, showing where it is used.
        listing = app.screen.query_one("#source-list")
        listing.highlighted = list(app.doc.map.sources).index("ilm-1972")  # type: ignore[attr-defined]
        await pilot.press("delete")
        assert isinstance(app.screen, ChoiceScreen)
        assert "ev-ilm-1972" in str(app.screen.query_one(".question", Static).render())
        await pilot.press("d")
        await settle(app, pilot)
        assert "ilm-1972" not in app.doc.map.sources
        assert app.doc.map.nodes["ev-ilm-1972"].source is None
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is app.screen_stack[0]

    drive(map_path, script)


def test_evidence_form_picks_a_source_or_adds_one(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "un-exclusion")
        await pilot.press("e")
        fill(app, text="Soviet delegates walked out in 1950", source="mitter-2025")
        fill(app, credibility=Credibility.PROBABLY_TRUE, locator="p. 3")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        first = app.selected or ""
        await pilot.press("e")
        fill(app, text="A second item")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, SourceForm)
        fill(app, title="Security Council records", source_id="unsc-1950")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen.query_one("#source").value == "unsc-1950"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        second = app.selected or ""
        assert app.doc.map.nodes[first].source == "mitter-2025"
        assert app.doc.map.nodes[first].credibility is Credibility.PROBABLY_TRUE
        assert app.doc.map.nodes[second].source == "unsc-1950"
        assert "B2" in (app.map_tree.label_of(first) or "")

    drive(map_path, script)


def test_analogy_linked_from_a_then_claim_and_edited(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "un-exclusion")
        await pilot.press("l")
        assert isinstance(app.screen, AnalogyForm)
        fill(app, now="bluf", bears=Bears.OPPOSES)
        await pilot.click("#add-likeness")
        await pilot.click("#add-difference")
        await pilot.pause()
        likeness, difference = app.screen.query(ItemRow)
        likeness.query_one("Input").value = "Exclusion from a forum"  # type: ignore[attr-defined]
        difference.query_one("Input").value = "Russia holds a seat now"  # type: ignore[attr-defined]
        difference.query_one("Select").value = Weight.HIGH  # type: ignore[attr-defined]
        fill(app, **{"q-relevance": QuestionState.ANSWERED})
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        analogy = app.doc.map.analogies["an-1"]
        assert (analogy.then, analogy.now, analogy.bears) == ("un-exclusion", "bluf", Bears.OPPOSES)
        assert [lk.text for lk in analogy.likenesses] == ["Exclusion from a forum"]
        assert analogy.differences[0].weight is Weight.HIGH
        assert analogy.questions.relevance is QuestionState.ANSWERED
        assert "an-1" in detail_text(app)
        await select(app, pilot, "bluf")
        assert "an-1" in detail_text(app)
        # Edit it from the analogies screen: remove the likeness, then delete it.
        await pilot.press("A")
        assert isinstance(app.screen, AnalogiesScreen)
        app.screen.query_one("#analogy-list").highlighted = 1  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, AnalogyForm)
        await pilot.click(".item-remove")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.doc.map.analogies["an-1"].likenesses == ()
        await pilot.press("delete", "y")
        await settle(app, pilot)
        assert "an-1" not in app.doc.map.analogies

    drive(map_path, script)


def test_editing_an_analogy_keeps_custom_keys_on_its_rows(map_path: Path) -> None:
    text = map_path.read_text(encoding="utf-8")
    text = text.replace(
        "    - A great-power triangle with Washington as the swing actor.\n",
        "    - text: A great-power triangle with Washington as the swing actor.\n"
        "      x-source-note: Kissinger, White House Years\n",
    ).replace("      weight: high\n", "      weight: high\n      x-reviewed-by: China desk\n", 1)
    map_path.write_text(text, encoding="utf-8")
    assert store.load(map_path).map.analogies["nixon-reverse"].likenesses[0].extensions

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("A")
        assert isinstance(app.screen, AnalogiesScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, AnalogyForm)
        likeness = app.screen.query(ItemRow).first()
        likeness.query_one(Input).value = "A triangle with Washington as the swing actor"
        fill(app, **{"q-base-case": QuestionState.ANSWERED})
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape", "ctrl+s")
        await settle(app, pilot)

    app = drive(map_path, script)
    assert not app.doc.dirty
    analogy = store.load(map_path).map.analogies["nixon-reverse"]
    assert analogy.likenesses[0].text == "A triangle with Washington as the swing actor"
    assert analogy.likenesses[0].extensions == {"x-source-note": "Kissinger, White House Years"}
    assert analogy.differences[0].extensions == {"x-reviewed-by": "China desk"}
    assert analogy.questions.base_case is QuestionState.ANSWERED
    saved = map_path.read_text(encoding="utf-8")
    assert "x-source-note: Kissinger, White House Years" in saved
    assert "x-reviewed-by: China desk" in saved


def test_analogy_needs_a_claim_with_an_era(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "ev-ilm-1972")
        await pilot.press("l")
        await settle(app, pilot)
        assert not isinstance(app.screen, AnalogyForm)
        assert any("Select a claim" in m for m in app.said)

    drive(map_path, script)


@pytest.mark.dot
def test_export_renders_in_a_worker_and_says_where(map_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "small.svg"

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("E")
        fill(app, path=str(out), format="svg")
        fill(app, path=str(out))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert any(f"Exported {out.resolve()}" in m for m in app.said)

    drive(map_path, script)
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_export_markdown_without_graphviz(map_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"

    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await pilot.press("E")
        fill(app, format="md")
        fill(app, path=str(out))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.export_cancel is None
        assert any(f"Exported {out.resolve()}" in m for m in app.said), app.said

    drive(map_path, script)
    assert "A warmer US posture toward Russia" in out.read_text(encoding="utf-8")


def test_dialog_buttons_answer_like_their_keys(map_path: Path) -> None:
    async def script(app: ArgmapApp, pilot: Pilot[int]) -> None:
        await select(app, pilot, "nixon-opening")
        await pilot.press("delete")
        button = app.screen.query_one("#choice-yes", Button)
        await pilot.click(button)
        await settle(app, pilot)
        assert "nixon-opening" not in app.doc.map.nodes

    drive(map_path, script)
