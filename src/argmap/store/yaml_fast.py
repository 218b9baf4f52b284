"""Write canonical map YAML fast, byte for byte as libyaml would.

Saving a 10,000-node map through libyaml's emitter costs about 0.5 s, most of it in
handing 150,000 scalars across to C and back. Nearly all of them are plain text
that libyaml writes unchanged (`text: Moscow hedged against ...`), so this writer
lays out the block structure itself and writes such scalars directly. Any scalar
that needs quoting, escaping or a `|` block is given to libyaml (in one batch) and
its output spliced in; anything unusual (floats, nested lists in custom keys, keys
over 100 characters, rare line-break characters) sends the whole document to
libyaml. A property test checks the result against libyaml on random maps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

# Characters libyaml writes as they are in a plain scalar: printable, not a line
# break (U+2028/9), no tab; astral characters are escaped by libyaml, so not here.
_SAFE = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
# Plain in block context: no indicator first, no ": " or " #", no space or colon last.
_BLOCK_PLAIN = re.compile(rf"(?![-?:,\[\]{{}}#&*!|>'\"%@`. ])[{_SAFE}]*(?<![ :])")
_FLOW_UNSAFE = re.compile(r"[,?\[\]{}:]")
_EXOTIC_BREAKS = re.compile("[\r\x85\u2028\u2029]")
MAX_KEY = 100  # libyaml writes keys over 128 characters as `? key`


def plain_ok(value: str, flow: bool) -> bool:
    """Whether libyaml writes (and reads) `value` plain, as is, if it resolves to a string.

    Conservative: some strings libyaml would also write plain are refused here.
    """
    if not _BLOCK_PLAIN.fullmatch(value) or ": " in value or " #" in value:
        return False
    return not (flow and _FLOW_UNSAFE.search(value))


class Unsupported(Exception):
    """The document holds something this writer leaves to libyaml."""


class Placeholder:
    """A scalar left to libyaml: its place in the output and its indentation."""

    def __init__(self, value: str, indent: int, index: int) -> None:
        self.value = value
        self.indent = indent
        self.index = index


class FastEmitter:
    """Lays out one document, handing libyaml what it does not write itself.

    Args:
        slow: emits any data as libyaml would (the canonical dumper).
        is_text: whether a plain scalar with this text would read back as a string.
        flow_list: the list type written on one line (`[a, b]`).
        flow_dict: the mapping type written on one line (`{from: a, to: b}`).
    """

    def __init__(
        self,
        slow: Callable[[Any], str],
        is_text: Callable[[str], bool],
        flow_list: type[list[Any]],
        flow_dict: type[dict[str, Any]],
    ) -> None:
        self.slow = slow
        self.is_text = is_text
        self.flow_list = flow_list
        self.flow_dict = flow_dict
        self.out: list[str] = []
        self.batch: list[Placeholder] = []
        self._keys: dict[Any, str] = {}
        self._plain_known: dict[tuple[str, bool], bool] = {}

    def emit(self, data: dict[str, Any]) -> str:
        """The document for `data` (a mapping), or raise Unsupported."""
        if data:
            self._mapping(data, 0, first_inline=False)
        else:
            self.out.append("{}\n")
        return self._finish()

    # ---- scalars ----------------------------------------------------------------

    def _plain_ok(self, value: str, flow: bool) -> bool:
        # Short strings repeat (kinds, eras, ids in parent and source): remember them.
        known = self._plain_known.get((value, flow))
        if known is not None:
            return known
        ok = plain_ok(value, flow) and self.is_text(value)
        if len(value) <= 64:
            self._plain_known[(value, flow)] = ok
        return ok

    def _scalar(self, value: Any) -> str | None:
        """Text of a non-string scalar libyaml writes plain, or None for a string."""
        kind = type(value)
        if kind is str:
            return None
        if kind is int:
            return str(value)
        if kind is bool:
            return "true" if value else "false"
        if value is None:
            return "null"
        if kind is dt.date:
            return str(value.isoformat())
        raise Unsupported(kind.__name__)

    def _value(self, value: str, indent: int) -> str:
        """A string in block context: written here if plain, else left to libyaml."""
        if self._plain_ok(value, flow=False):
            return value
        if _EXOTIC_BREAKS.search(value):
            raise Unsupported("line break character")
        # Filled in by _finish: the slot this value is about to take.
        self.batch.append(Placeholder(value, indent, len(self.out)))
        return ""

    def _key(self, key: Any) -> str:
        text = self._keys.get(key)
        if text is None:
            text = self._keys[key] = self._new_key(key)
        return text

    def _new_key(self, key: Any) -> str:
        if type(key) is not str or len(key) > MAX_KEY or _EXOTIC_BREAKS.search(key):
            raise Unsupported("key")
        if "\n" not in key and self._plain_ok(key, flow=False):
            return key
        text = self.slow({key: 0})
        if not text.endswith(": 0\n") or text.count("\n") != 1 or text.startswith("?"):
            raise Unsupported("key")
        return text[: -len(": 0\n")]

    def _flow_item(self, value: Any) -> str:
        """A scalar in a flow list or flow mapping (both read it alike)."""
        plain = self._scalar(value)
        if plain is not None:
            return plain
        if "\n" not in value and self._plain_ok(value, flow=True):
            return str(value)
        if _EXOTIC_BREAKS.search(value):
            raise Unsupported("line break character")
        text = self.slow(self.flow_list([value])).removesuffix("\n")
        if not (text.startswith("[") and text.endswith("]")) or "\n" in text:
            raise Unsupported("flow scalar")
        return text[1:-1]

    # ---- collections ------------------------------------------------------------

    def _mapping(self, data: dict[str, Any], indent: int, *, first_inline: bool) -> None:
        """A block mapping with keys at `indent`; the first after `- ` if `first_inline`."""
        pad = " " * indent
        for number, (key, value) in enumerate(data.items()):
            lead = "" if first_inline and number == 0 else pad
            head = f"{lead}{self._key(key)}:"
            if type(value) is str and self._plain_ok(value, flow=False):
                self.out.append(f"{head} {value}\n")  # by far the most common line
                continue
            self.out.append(head)
            self._after_key(value, indent)

    def _after_key(self, value: Any, indent: int) -> None:
        kind = type(value)
        if kind is self.flow_list:
            self.out.append(f" [{', '.join(self._flow_item(v) for v in value)}]\n")
        elif kind is self.flow_dict:
            self.out.append(f" {self._flow_mapping(value)}\n")
        elif kind is dict:
            if value:
                self.out.append("\n")
                self._mapping(value, indent + 2, first_inline=False)
            else:
                self.out.append(" {}\n")
        elif kind is list:
            if value:
                self.out.append("\n")
                self._sequence(value, indent)  # a mapping's list is not indented
            else:
                self.out.append(" []\n")
        else:
            plain = self._scalar(value)
            self.out.append(" ")
            self.out += [plain if plain is not None else self._value(value, indent), "\n"]

    def _flow_mapping(self, data: dict[str, Any]) -> str:
        pairs = []
        for key, value in data.items():
            if type(key) is not str or len(key) > MAX_KEY or not self._plain_ok(key, flow=True):
                raise Unsupported("flow key")
            pairs.append(f"{key}: {self._flow_item(value)}")
        return "{" + ", ".join(pairs) + "}"

    def _sequence(self, items: list[Any], indent: int) -> None:
        pad = " " * indent
        for item in items:
            kind = type(item)
            if kind is self.flow_dict:
                self.out.append(f"{pad}- {self._flow_mapping(item)}\n")
            elif kind is dict:
                if item:
                    self.out.append(f"{pad}- ")
                    self._mapping(item, indent + 2, first_inline=True)
                else:
                    self.out.append(f"{pad}- {{}}\n")
            elif kind is list or kind is self.flow_list:
                raise Unsupported("nested list")
            else:
                plain = self._scalar(item)
                self.out.append(f"{pad}- ")
                self.out += [plain if plain is not None else self._value(item, indent), "\n"]

    # ---- the batch for libyaml ---------------------------------------------------

    def _finish(self) -> str:
        open_ended = False
        if self.batch:
            items = _split_items(self.slow([h.value for h in self.batch]))
            if len(items) != len(self.batch):
                raise Unsupported("batch")
            for holder, lines in zip(self.batch, items, strict=True):
                head = lines[0]
                if head.startswith("|"):
                    # After a `|+` block (the last one written) libyaml ends with `...`.
                    open_ended = "+" in head
                rest = [f"{' ' * (holder.indent + 2)}{ln[2:]}" if ln else "" for ln in lines[1:]]
                self.out[holder.index] = "\n".join([head, *rest])
        text = "".join(self.out)
        return text + "...\n" if open_ended else text


def _split_items(text: str) -> list[list[str]]:
    """The items of a top-level block sequence of scalars, as lines without `- `."""
    items: list[list[str]] = []
    if text.endswith("\n...\n"):  # the document end marker, on a line of its own
        text = text[: -len("...\n")]
    for line in text.removesuffix("\n").split("\n"):
        if line.startswith("- "):
            items.append([line[2:]])
        elif items and (line == "" or line.startswith("  ")):
            items[-1].append(line)
        else:
            raise Unsupported("batch line")
    return items
