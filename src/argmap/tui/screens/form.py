"""FormScreen: the base of every form (ctrl+s accepts, escape cancels, errors stay in view).

A form never loses what was typed: when `accept` finds a problem it shows the
messages under the fields and the form stays open.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from argmap.errors import ArgmapError
from argmap.tui.screens.modal import Modal
from argmap.tui.widgets.footer import AppFooter

R = TypeVar("R")
F = TypeVar("F", bound="FormScreen[Any]")


class FormError(Exception):
    """A problem to show in the form; the form stays open."""


class _Placed(Widget):
    """A box the layout in progress places in full: a new size needs no second layout.

    Textual sets a box's new virtual size as a reactive that asks for a layout, so
    each form shown with another number of fields (a kind switched, a row added) was
    laid out and drawn a second time, the same (10-25 ms, one refresh later). The
    layout that measured the size placed every child already; a box that scrolls
    still updates its scrollbars, and a scrollbar that comes or goes asks for its
    own layout.
    """

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class Box(_Placed, Vertical):
    """A box of a form's fields that does not scroll."""


class FormFields(_Placed, VerticalScroll, can_focus=False):
    """The scrolling box of a form's fields; it scrolls to the focused field.

    Not focusable itself: it took the focus first when a form opened and lost it at
    once to the first field, and each of those restyled every widget of the form.
    """


class FormScreen(Modal[R], Generic[R]):
    """A modal form; subclasses yield fields in `fields` and build a result in `accept`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "accept", "Accept", id="form-accept"),
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(classes="form")
        self.form_title = title

    def refill(self, *args: Any, **kwargs: Any) -> None:
        """Show what a form built with these arguments would (for forms that are kept)."""
        raise NotImplementedError(f"{type(self).__name__} is not kept; build a new one")

    def set_title(self, title: str) -> None:
        """Show `title` above the fields."""
        self.form_title = title
        self.query_one(".form-box", Vertical).border_title = title

    def clear_for_reuse(self) -> None:
        """Put back what a form opened before may have changed besides its fields.

        No errors shown, every list closed, the fields scrolled to the top, and the
        backdrop drawn again (the screens below changed while this one was away).
        """
        self.query_one("#form-errors", Static).update("")
        for select in self.query(Select):
            select.expanded = False
        self.query_one(FormFields).scroll_home(animate=False, immediate=True)
        self.forget_backdrop()

    def compose(self) -> ComposeResult:
        """The fields in a scrolling box, the error line, and a footer with the keys."""
        with Box(classes="form-box") as box:
            box.border_title = self.form_title
            with FormFields(classes="form-fields"):
                yield from self.fields()
            yield Static("", id="form-errors")
        yield AppFooter()

    def fields(self) -> ComposeResult:
        """The form's widgets (override)."""
        yield from ()

    def accept(self) -> R:
        """Build the result from the fields, or raise FormError (override)."""
        raise NotImplementedError

    def action_accept(self) -> None:
        """Check the fields; close with the result, or show what is wrong."""
        try:
            result = self.accept()
        except FormError as error:
            self.show_errors(str(error).splitlines())
            return
        except ValidationError as error:
            self.show_errors(validation_messages(error))
            return
        except ArgmapError as error:
            self.show_errors(str(error).splitlines())
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def show_errors(self, messages: Iterable[str]) -> None:
        """Show `messages` under the fields (plain text, never markup)."""
        text = Text("\n".join(messages), style="bold red")
        self.query_one("#form-errors", Static).update(text)

    # ---- reading fields --------------------------------------------------------

    def text_of(self, selector: str) -> str | None:
        """The stripped text of an Input or TextArea; None when blank."""
        widget = self.query_one(selector)
        raw = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        value = str(raw).strip()
        return value or None

    def choice_of(self, selector: str) -> Any:
        """The value of a Select; None when nothing is chosen."""
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value


def kept_form(app: App[Any], name: str, kind: type[F], *args: Any, **kwargs: Any) -> F:
    """The form installed as `name`, filled again for the arguments; built from them once.

    A form is built once and kept (installed, so closing it keeps its widgets):
    building one took most of the time of opening it on a loaded machine. Its
    `refill` takes what its constructor takes. A second form is built if the kept
    one is open.
    """
    if app.is_screen_installed(name):
        form = app.get_screen(name)
        if isinstance(form, kind) and form not in app.screen_stack:
            form.refill(*args, **kwargs)
            return form
    form = kind(*args, **kwargs)
    if not app.is_screen_installed(name):
        app.install_screen(form, name)
    return form


def labelled(label: str, widget: Input | Select[Any] | TextArea | Static) -> ComposeResult:
    """A field: its label on the left, the widget (compact, without borders) on the right."""
    if isinstance(widget, Input | Select | TextArea):
        # As `widget.compact = True`, without the restyle that setting it asks for (the
        # widget is styled when mounted anyway: one restyle per field of every form).
        widget.set_reactive(type(widget).compact, True)
        widget.set_class(True, "-textual-compact", update=False)
    # A row of a known height: Textual measures a row of height auto by laying its
    # children out, once to measure and again to place them, for every row of a form.
    if isinstance(widget, Static):
        height = ""  # as tall as its text
    else:
        height = "field-text" if isinstance(widget, TextArea) else "field-line"
    yield Horizontal(Label(label, classes="field-label"), widget, classes=f"field {height}")


def fill_input(widget: Input, value: str) -> None:
    """Show `value` in `widget` with the cursor at its end, as `Input(value)` starts.

    A new Input puts its cursor at the end of its first value without scrolling to
    it (a long value shows its start); Input knows that by its `_initial_value` flag.
    """
    widget._initial_value = True
    widget.value = value
    widget.cursor_position = len(value)
    widget._initial_value = False
    widget.scroll_to(0, 0, animate=False, immediate=True)


def fill_text(widget: TextArea, value: str) -> None:
    """Show `value` in `widget` with no undo history, scrolled to the top."""
    if widget.text != value:
        widget.load_text(value)
    else:
        widget.history.clear()
    widget.move_cursor((0, 0))
    widget.scroll_home(animate=False, immediate=True)


def validation_messages(error: ValidationError) -> list[str]:
    """Pydantic's errors as `field: message` lines an analyst can act on."""
    out: list[str] = []
    for detail in error.errors():
        where = ".".join(str(p) for p in detail["loc"]) or "form"
        message = detail["msg"]
        if (detail["type"] == "string_pattern_mismatch" and where in ("text", "title")) or detail[
            "type"
        ] == "string_too_short":
            message = "must not be empty"
        out.append(f"{where}: {message}")
    return out


def options(values: Iterable[tuple[str, Any]]) -> list[tuple[str | Text, Any]]:
    """Select options whose labels are plain text (labels may hold brackets)."""
    return [(Text(label), value) for label, value in values]
