"""SourceForm: add or edit a source (title, author, date, Admiralty reliability)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from argmap.model import ID_PATTERN, Reliability, Source
from argmap.ops import free_id
from argmap.tradecraft import RELIABILITY
from argmap.tui.screens.form import FormError, FormScreen, labelled, options


def suggest_id(
    author: str | None, date: str | None, taken: Collection[str], title: str = ""
) -> str:
    """An id such as `mitter-2025`: the author's surname (or the title's first word) and year."""
    words = (author or "").split(",")[0].split()[-1:] or title.split()[:1] or ["source"]
    year = re.findall(r"\d{4}", date or "")
    base = re.sub(r"[^a-z0-9]+", "-", "-".join([words[0], *year[:1]]).lower()).strip("-")
    base = base or "source"
    return base if base not in taken else free_id(taken, base)


class SourceForm(FormScreen[tuple[str, Source]]):
    """Fields of a source; dismisses with (id, Source), or None when cancelled.

    Args:
        title: the form's title.
        source_id: the id of the source edited (None: a new source, whose id is asked).
        initial: the source's fields as saved.
        taken: ids already in use, which a new source may not take.
    """

    def __init__(
        self,
        title: str,
        source_id: str | None,
        initial: Mapping[str, Any],
        *,
        taken: Collection[str] = (),
    ) -> None:
        super().__init__(title)
        self._source_id = source_id
        self._initial = dict(initial)
        self._taken = set(taken)

    def fields(self) -> ComposeResult:
        """Title first; the id is asked only for a new source."""
        get = self._initial.get
        yield from labelled("Title", Input(get("title") or "", id="title"))
        yield from labelled("Author", Input(get("author") or "", id="author"))
        yield from labelled("Publisher", Input(get("publisher") or "", id="publisher"))
        yield from labelled("Date", Input(get("date") or "", placeholder="e.g. 2025-12", id="date"))
        yield from labelled("URL", Input(get("url") or "", id="url"))
        reliability = get("reliability")
        yield from labelled(
            "Reliability",
            Select(
                options((f"{r.value} — {RELIABILITY[r]}", r) for r in Reliability),
                value=Select.NULL if reliability is None else reliability,
                prompt="(Admiralty A–F)",
                id="reliability",
            ),
        )
        yield from labelled("Note", Input(get("note") or "", id="note"))
        if self._source_id is None:
            placeholder = "blank: from author and year, e.g. mitter-2025"
            yield from labelled("Id", Input("", id="source-id", placeholder=placeholder))

    def on_mount(self) -> None:
        """Start in the title."""
        self.query_one("#title", Input).focus()

    def accept(self) -> tuple[str, Source]:
        """The id and source as filled in, validated by the model."""
        data = dict(self._initial)
        for field in ("title", "author", "publisher", "date", "url", "note"):
            data[field] = self.text_of(f"#{field}")
        data["title"] = data["title"] or ""
        data["reliability"] = self.choice_of("#reliability")
        source = Source.model_validate(data)
        source_id = self._source_id
        if source_id is None:
            source_id = self.text_of("#source-id") or suggest_id(
                source.author, source.date, self._taken, source.title
            )
            if not re.match(ID_PATTERN, source_id):
                raise FormError(
                    f"id: '{source_id}' is not a valid id (letters, digits, . _ -; up to 64)"
                )
            if source_id in self._taken:
                raise FormError(f"id: a source '{source_id}' already exists")
        return source_id, source
