"""The editor's keys, in one table: the app's bindings, the help screen and the
command palette are all built from it, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.binding import Binding, BindingsMap


@dataclass(frozen=True)
class Key:
    """One key of the editor.

    Attributes:
        key: Textual key name(s), e.g. `ctrl+z`.
        action: the app action it runs (`action_<action>`).
        description: short text for the footer and the palette.
        group: the help screen's section.
        help: a sentence for the help screen and the palette.
        show: shown in the footer.
        edits: refused in read-only mode.
    """

    key: str
    action: str
    description: str
    group: str
    help: str
    show: bool = False
    edits: bool = False

    @property
    def id(self) -> str:
        """The binding id, e.g. `add-claim`."""
        return self.action.replace("_", "-")

    @property
    def shown_key(self) -> str:
        """The key as the help screen writes it."""
        return {"question_mark": "?", "slash": "/", "delete": "del"}.get(self.key, self.key)


BUILD = "Build the map"
ARRANGE = "Arrange and undo"
REVIEW = "Review"
LINKS = "Sources and analogies"
FILE = "File"

KEYS: tuple[Key, ...] = (
    Key("c", "add_claim", "Claim", BUILD, "Add a claim under the selection", True, True),
    Key("e", "add_evidence", "Evidence", BUILD, "Add evidence under the selection", True, True),
    Key(
        "r",
        "add_rebuttal",
        "Rebut",
        BUILD,
        "Add a rebuttal (objection) under the selection",
        True,
        True,
    ),
    Key(
        "u",
        "add_undercut",
        "Undercut",
        BUILD,
        "Add an undercut: it attacks the inference from the selection to its parent",
        False,
        True,
    ),
    Key(
        "a",
        "add_assumption",
        "Assumption",
        BUILD,
        "Add an assumption under the selection",
        False,
        True,
    ),
    Key(
        "i",
        "add_indicator",
        "Indicator",
        BUILD,
        "Add an indicator under the selection",
        False,
        True,
    ),
    Key(
        "s",
        "add_sibling",
        "Sibling",
        BUILD,
        "Add a claim beside the selection (a root if none)",
        False,
        True,
    ),
    Key("enter", "edit_node", "Edit", BUILD, "Edit the selected node", True, True),
    Key(
        "m",
        "edit_map",
        "Title",
        BUILD,
        "Edit the map's title, question and era labels",
        False,
        True,
    ),
    Key(
        "delete",
        "delete_node",
        "Delete",
        ARRANGE,
        "Delete the selection and everything under it",
        True,
        True,
    ),
    Key(
        "ctrl+up",
        "move_up",
        "Move up",
        ARRANGE,
        "Move the selection up among its siblings",
        False,
        True,
    ),
    Key(
        "ctrl+down",
        "move_down",
        "Move down",
        ARRANGE,
        "Move the selection down among its siblings",
        False,
        True,
    ),
    Key(
        "x",
        "cut_node",
        "Cut",
        ARRANGE,
        "Cut the selection, to paste it under another node",
        False,
        True,
    ),
    Key("p", "paste_node", "Paste", ARRANGE, "Paste the cut node under the selection", False, True),
    Key("ctrl+z", "undo", "Undo", ARRANGE, "Undo the last edit", True, True),
    Key("ctrl+y", "redo", "Redo", ARRANGE, "Redo the last undone edit", False, True),
    Key("slash", "search", "Find", REVIEW, "Search node text, ids, tags and notes", True),
    Key("n", "next_match", "Next", REVIEW, "Go to the next search match"),
    Key("N", "previous_match", "Previous", REVIEW, "Go to the previous search match"),
    Key("f", "filter", "Filter", REVIEW, "Show only nodes of a kind, era or tag"),
    Key("F", "toggle_findings", "Findings", REVIEW, "Show or hide the findings panel"),
    Key("j", "jump_finding", "Jump", REVIEW, "Go to the node of the next finding"),
    Key("S", "show_sources", "Sources", LINKS, "List, add, edit and delete sources", True),
    Key(
        "l",
        "link_analogy",
        "Analogy",
        LINKS,
        "Link an analogy from the selected claim (a then claim to a now claim)",
        True,
        True,
    ),
    Key("A", "show_analogies", "Analogies", LINKS, "List, edit and delete analogies"),
    Key("ctrl+s", "save", "Save", FILE, "Save the map (atomically, keeping a .bak)", True),
    Key("w", "save_as", "Save as", FILE, "Save the map under another name"),
    Key("E", "export", "Export", FILE, "Export a diagram or outline of the map"),
    Key("question_mark", "help", "Help", FILE, "Show the keys", True),
    Key("q", "quit", "Quit", FILE, "Quit (asks about unsaved edits)", True),
)

EDIT_ACTIONS = frozenset(k.action for k in KEYS if k.edits)

TREE_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓", "Move the cursor"),
    ("space", "Expand or collapse the node"),
    ("shift+space", "Expand or collapse the node and its siblings"),
    ("shift+← / shift+→", "Go to the parent / the parent's next sibling"),
    ("tab", "Move between the tree, the findings and the detail"),
    ("ctrl+p", "Command palette: every action by name"),
)

FORM_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+s", "Accept the form"),
    ("escape", "Cancel the form"),
    ("tab / shift+tab", "Next / previous field"),
    ("enter", "Open a list (pick with ↑ ↓ and enter); in a text box, a new line"),
)


def bindings() -> list[Binding]:
    """The app's bindings, one per key of `KEYS`."""
    return [
        Binding(k.key, k.action, k.description, show=k.show, id=k.id, tooltip=k.help) for k in KEYS
    ]


def hide_edit_keys(bindings: BindingsMap) -> None:
    """Take the edit keys out of the footer, keeping them bound (read-only mode).

    The keys still run their actions, which refuse with a message; hiding them
    through `check_action` would also stop them, and the analyst would get no answer.
    """
    for key, group in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(b, show=False) if b.action.removeprefix("app.") in EDIT_ACTIONS else b
            for b in group
        ]
