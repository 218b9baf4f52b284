"""AnalogyForm: an analogy's ends, likenesses, differences (weighted) and critical questions."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from enum import Enum
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from argmap.model import (
    ID_PATTERN,
    Analogy,
    Basis,
    Bears,
    Era,
    Kind,
    Map,
    QuestionState,
    Weight,
)
from argmap.ops import free_id
from argmap.summary import shorten
from argmap.tradecraft import CRITICAL_QUESTIONS, QUESTION_STATE, WEIGHT
from argmap.tui.screens.form import FormError, FormScreen, labelled, options

QUESTION_FIELDS = {
    "differences": "differences",
    "base-case": "base_case",
    "counter-case": "counter_case",
    "relevance": "relevance",
}


def claims_of_era(amap: Map, era: Era) -> list[tuple[Any, str]]:
    """Select options for the claims of one era, in tree order."""
    found = [
        (f"{shorten(amap.nodes[n].text, 44)}  [{shorten(n, 16)}]", n)
        for n, _ in amap.walk()
        if amap.nodes[n].kind is Kind.CLAIM and amap.effective_era(n) is era
    ]
    return options(found)


class ItemRow(Horizontal):
    """One likeness or difference: its text, an enum select, a remove button.

    The row also carries the item's custom `x-` keys (`extensions`), which the form
    does not show, so that editing an analogy keeps them.
    """

    def __init__(
        self,
        text: str,
        choices: list[tuple[Any, Any]],
        value: Any,
        prompt: str,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(classes="item-row")
        self._text = text
        self._choices = choices
        self._value = value
        self._prompt = prompt
        self.extensions = dict(extensions or {})

    def compose(self) -> ComposeResult:
        """Text, select, remove."""
        yield Input(self._text, classes="item-text", placeholder="text", compact=True)
        yield Select(
            self._choices,
            value=Select.NULL if self._value is None else self._value,
            prompt=self._prompt,
            classes="item-choice",
            compact=True,
        )
        yield Button("✕", classes="item-remove", tooltip="Remove this row", compact=True)

    def values(self) -> tuple[str, Any]:
        """The row's text and choice (None when blank)."""
        text = self.query_one(".item-text", Input).value.strip()
        choice = self.query_one(".item-choice", Select).value
        return text, None if choice is Select.NULL else choice

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Remove this row."""
        if event.button.has_class("item-remove"):
            event.stop()
            self.remove()


class AnalogyForm(FormScreen[tuple[str, Analogy]]):
    """Dismisses with (id, Analogy), or None when cancelled.

    Args:
        title: the form's title.
        amap: the map (for the claims of each era).
        analogy_id: the analogy edited (None: a new one, whose id may be typed).
        initial: the analogy's fields as saved (`then`/`now` may be preset).
        check: raises EditError if the analogy cannot go into the map.
    """

    def __init__(
        self,
        title: str,
        amap: Map,
        analogy_id: str | None,
        initial: Mapping[str, Any],
        *,
        check: Callable[[str, Analogy], None],
    ) -> None:
        super().__init__(title)
        self._map = amap
        self._analogy_id = analogy_id
        self._initial = dict(initial)
        self._check = check
        self._taken: Collection[str] = set(amap.analogies)

    def fields(self) -> ComposeResult:
        """Ends and bearing, then likenesses, differences and the four questions."""
        get = self._initial.get
        then_claims = claims_of_era(self._map, Era.THEN)
        now_claims = claims_of_era(self._map, Era.NOW)
        yield from labelled(
            "Then claim",
            Select(then_claims, value=_opt(get("then")), prompt="(historical)", id="then"),
        )
        yield from labelled(
            "Now claim",
            Select(now_claims, value=_opt(get("now")), prompt="(present-day)", id="now"),
        )
        yield from labelled(
            "Bears on now",
            Select(
                options((b.value, b) for b in Bears),
                value=get("bears") or Bears.SUPPORTS,
                allow_blank=False,
                id="bears",
            ),
        )
        with Horizontal(classes="section"):
            yield Label("Likenesses: what the cases share", classes="section-title")
            yield Button("+ likeness", id="add-likeness", compact=True)
        with Vertical(id="likenesses"):
            for item in get("likenesses") or ():
                yield self._likeness_row(item.get("text", ""), item.get("basis"), item)
        with Horizontal(classes="section"):
            yield Label("Differences: how much each undermines it", classes="section-title")
            yield Button("+ difference", id="add-difference", compact=True)
        with Vertical(id="differences"):
            for item in get("differences") or ():
                yield self._difference_row(item.get("text", ""), item.get("weight"), item)
        yield Label("Critical questions (Walton)", classes="section-title")
        questions = get("questions") or {}
        for key, question in CRITICAL_QUESTIONS.items():
            yield Static(Text(question), classes="question-text")
            yield from labelled(
                key.replace("-", " ").capitalize(),
                Select(
                    options((QUESTION_STATE[s], s) for s in QuestionState),
                    value=questions.get(key)
                    or questions.get(QUESTION_FIELDS[key])
                    or QuestionState.OPEN,
                    allow_blank=False,
                    id=f"q-{key}",
                ),
            )
        yield from labelled("Note", Input(get("note") or "", id="note"))
        if self._analogy_id is None:
            yield from labelled("Id", Input("", placeholder="blank: automatic", id="analogy-id"))

    @staticmethod
    def _likeness_row(text: str, basis: Any, saved: Mapping[str, Any] | None = None) -> ItemRow:
        choices = options((b.value, b) for b in Basis)
        return ItemRow(text, choices, basis, "basis", (saved or {}).get("extensions"))

    @staticmethod
    def _difference_row(text: str, weight: Any, saved: Mapping[str, Any] | None = None) -> ItemRow:
        choices = options((f"{w.value} — {WEIGHT[w]}", w) for w in Weight)
        return ItemRow(text, choices, weight, "weight", (saved or {}).get("extensions"))

    def on_mount(self) -> None:
        """Start at the end that is still to choose."""
        first = "#now" if self._initial.get("then") and not self._initial.get("now") else "#then"
        self.query_one(first, Select).focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        """Add a likeness or difference row, and put the cursor in it."""
        if event.button.id == "add-likeness":
            row = self._likeness_row("", None)
            await self.query_one("#likenesses").mount(row)
        elif event.button.id == "add-difference":
            row = self._difference_row("", None)
            await self.query_one("#differences").mount(row)
        else:
            return
        event.stop()
        row.query_one(Input).focus()

    def accept(self) -> tuple[str, Analogy]:
        """The analogy as filled in, validated and checked against the map."""
        data = dict(self._initial)
        data["then"] = self.choice_of("#then")
        data["now"] = self.choice_of("#now")
        if data["then"] is None or data["now"] is None:
            raise FormError("choose both ends: a 'then' claim and a 'now' claim")
        data["bears"] = self.choice_of("#bears")
        data["likenesses"] = self._items("#likenesses", "basis")
        data["differences"] = self._items("#differences", "weight")
        data["questions"] = {key: self.choice_of(f"#q-{key}") for key in CRITICAL_QUESTIONS}
        data["note"] = self.text_of("#note")
        analogy = Analogy.model_validate(_plain(data))
        analogy_id = self._analogy_id or self.text_of("#analogy-id") or free_id(self._taken, "an")
        if self._analogy_id is None:
            if not re.match(ID_PATTERN, analogy_id):
                raise FormError(f"id: '{analogy_id}' is not a valid id")
            if analogy_id in self._taken:
                raise FormError(f"id: an analogy '{analogy_id}' already exists")
        self._check(analogy_id, analogy)
        return analogy_id, analogy

    def _items(self, selector: str, choice: str) -> list[dict[str, Any]]:
        """The rows under `selector` with text, as likeness or difference data."""
        out: list[dict[str, Any]] = []
        for row in self.query_one(selector).query(ItemRow):
            text, value = row.values()
            if text:
                item: dict[str, Any] = {"text": text}
                if value:
                    item[choice] = value
                if row.extensions:
                    item["extensions"] = row.extensions
                out.append(item)
        return out


def _plain(value: Any) -> Any:
    """Enums to their values, so that aliases such as `base-case` validate."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _opt(value: Any) -> Any:
    return Select.NULL if value is None else value
