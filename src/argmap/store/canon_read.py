"""Read map YAML laid out as argmap saves it, in pure Python: same data as libyaml, faster.

Through libyaml every key and value costs a Python node object, two marks and a
resolver call; that was most of the time of loading a big map. Saved maps use a
small, regular part of YAML: block mappings and lists, one `key: value` per line,
plain, single- or double-quoted text on one line, `|` blocks, one-line flow lists
and mappings. This reader takes text made only of that part (plus blank and comment
lines) and builds what libyaml and the store's constructor build: dicts, lists,
text, and plain numbers, dates, true/false and null by PyYAML's YAML 1.1 rules. At
the first thing outside it (a tab, an anchor, a tag, a duplicate key, text folded
over lines, a line deeper than it may be: anything unusual) it gives up, and the
caller reads the text with libyaml, which also words every error. Property tests
check that both readers agree.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from argmap.errors import Loc
from argmap.store import scalars

# What the text may hold: `\n` and characters that libyaml reads as they are. No tab,
# CR, NEL or U+2028/9 line break, no BOM (libyaml skips one at the start of any line),
# no control character or non-character.
_READABLE = "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*+"
_KEY = r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}+"
# Every line: indentation, an optional `- `, an optional `key:` (plain, or in single
# quotes as saving writes `'on':`) followed by a space (captured) or the end of the
# line, and the rest.
_LINE = re.compile(rf"^( *+)(- )?(?:({_KEY}|'{_KEY}'):( |$))?(.*)$", re.M)
# What may not start a plain scalar here (YAML allows some of them; this reader is strict).
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`. ")
# A first character after which a plain scalar may be something other than text.
_SPECIAL_FIRST = _NOT_FIRST | scalars.NUMBER_FIRST
# Possessive: a quote ends where YAML ends it, never where backtracking would.
_SINGLE = re.compile(r"'(?:[^']|'')*+'")
# Double quotes, with the escapes libyaml writes (for control and astral characters).
_ESCAPE = r'\\(?:[0abtnvfre"\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})'
_DOUBLE = re.compile(rf'"(?:[^"\\]|{_ESCAPE})*+"')
_ESCAPES = re.compile(_ESCAPE)
_ESCAPED = {
    **dict(zip("0abtnvfre", "\0\a\b\t\n\v\f\r\x1b", strict=True)),
    '"': '"',
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
# An item of a one-line flow list or mapping: quoted, or plain without flow indicators.
_FLOW_PLAIN = r"[^-?:,\[\]{}#&*!|>'\"%@`. ][^?:,\[\]{}#]*+(?<! )"
_FLOW_ITEM = rf"('(?:[^']|'')*+'|\"(?:[^\"\\\\]|{_ESCAPE})*+\"|{_FLOW_PLAIN})"
_PLAIN_LIST = re.compile(rf"\[(?:{_FLOW_PLAIN}(?:, {_FLOW_PLAIN})*+)?\]")
_FLOW_ITEMS = re.compile(rf"{_FLOW_ITEM}(?:, |\]\Z)")
_FLOW_PAIRS = re.compile(rf"({_KEY}): {_FLOW_ITEM}(?:, |\}}\Z)")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
MAX_NESTING = 16  # well within the libyaml reader's limit; a map needs 3


class GiveUp(Exception):
    """The text leaves the part of YAML this reader knows: use libyaml."""


def read(text: str) -> tuple[dict[str, Any], dict[Loc, int]] | None:
    """The document's data and the lines of its entries, or None to read it with libyaml.

    Returns:
        (data, lines): data as `yaml_read.parse` gives it, lines as `top_level_lines`.
    """
    if not text.endswith("\n") or not _readable(text):
        return None
    try:
        return _Reader(text).document()
    except (GiveUp, ValueError):  # ValueError: int() or date() refused a value
        return None


def _readable(text: str) -> bool:
    # Printable text (no control, format or separator character, nothing unassigned) is
    # readable; str.isprintable says so without compiling _READABLE's big character
    # class, ~8 ms. Text with a no-break space, say, needs the pattern.
    if text.replace("\n", "").isprintable():
        return True
    return _readable_pattern().fullmatch(text) is not None


@functools.cache
def _readable_pattern() -> re.Pattern[str]:
    return re.compile(_READABLE)  # possessive: one pass, no backtracking


def _plain(text: str) -> Any:
    """A plain scalar's value, as PyYAML's safe constructor makes it."""
    if text.isdigit() and text.isascii() and (text[0] != "0" or text == "0"):
        return int(text)  # the commonest non-text value (credibility: 3); never a float
    tag = scalars.plain_tag(text)
    if tag == scalars.STR:
        return text
    if tag == scalars.NULL:
        return None
    if tag == scalars.BOOL:
        return _BOOLS[text.lower()]
    if tag == scalars.INT and _DECIMAL.fullmatch(text):
        return int(text)
    if tag == scalars.TIMESTAMP:
        date = _DATE.fullmatch(text)
        if date:
            try:
                return dt.date(int(date[1]), int(date[2]), int(date[3]))
            except ValueError:
                raise GiveUp from None  # no such day: the libyaml path says what it says
    raise GiveUp  # octal, hex, floats, times, merge keys...: rare, and libyaml's


def _is_text(plain: str) -> bool:
    """Whether a plain scalar (already checked for `: `, ` #` and such) is surely text."""
    return plain[0] not in _SPECIAL_FIRST and (
        len(plain) > scalars.LONGEST_WORD or plain not in scalars.WORDS
    )


def _quoted(text: str) -> str:
    if text[0] == "'":
        if _SINGLE.fullmatch(text):
            return text[1:-1].replace("''", "'")
    elif _DOUBLE.fullmatch(text):
        return _ESCAPES.sub(_unescape, text[1:-1]) if "\\" in text else text[1:-1]
    raise GiveUp  # on several lines, with other escapes, or followed by more


def _unescape(escape: re.Match[str]) -> str:
    code = escape[0][1]
    if code not in "xuU":
        return _ESCAPED[code]
    value = int(escape[0][2:], 16)
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        raise GiveUp  # libyaml refuses it
    return chr(value)


def _flow_item(text: str) -> Any:
    return _quoted(text) if text[0] in "'\"" else _plain(text)


def _flow(pattern: re.Pattern[str], text: str) -> list[tuple[str, ...]]:
    """The items of a one-line flow list or mapping (`[a, b]`, `{k: v}`), as groups."""
    if text == "[]" or text == "{}":
        return []
    found = []
    at = 1
    for match in pattern.finditer(text, 1):
        if match.start() != at:
            raise GiveUp
        found.append(match.groups())
        at = match.end()
    if not found or at != len(text):
        raise GiveUp  # `[` alone, or something after the last item
    return found


class _Reader:
    """One pass over the lines; `self.i` is the index of the next line to read."""

    def __init__(self, text: str) -> None:
        self.toks: list[tuple[str, str, str, str, str]] = _LINE.findall(text)
        # The last "line" is the empty one after the final newline: it marks the end.
        self.end = len(self.toks) - 1
        self.i = 0
        self.depth = 0
        self.lines: dict[Loc, int] = {}

    def document(self) -> tuple[dict[str, Any], dict[Loc, int]]:
        self._skip()
        ind, dash, key, _, _ = self.toks[self.i]
        if ind or dash or not key:
            raise GiveUp  # not a block mapping at the left margin
        data = self._mapping(0, {}, top=True)
        if self.i != self.end:
            raise GiveUp
        return data, self.lines

    def _skip(self) -> None:
        """Move past blank lines and comment lines."""
        toks, i, end = self.toks, self.i, self.end
        while i < end:
            _, dash, key, _, rest = toks[i]
            if key or dash or (rest and rest[0] != "#"):
                break
            i += 1
        self.i = i

    def _mapping(
        self, n: int, out: dict[str, Any], section: str | None = None, top: bool = False
    ) -> dict[str, Any]:
        """Entries of a block mapping with keys at column `n`, added to `out`.

        Args:
            n: the column of the keys.
            out: the mapping so far (`_sequence` reads the first entry of a list item).
            section: record the line of each key, as an entry of this top-level section.
            top: this is the document's mapping: record the line of each section.
        """
        toks, lines, end = self.toks, self.lines, self.end
        special, words, longest = _SPECIAL_FIRST, scalars.WORDS, scalars.LONGEST_WORD
        pad = " " * n
        i = self.i
        while True:
            ind, dash, key, sep, rest = toks[i]
            if ind != pad or dash or not key:
                if i < end and not key and not dash and (not rest or rest[0] == "#"):
                    i += 1  # a blank or comment line
                    continue
                if i < end and len(ind) >= n:
                    raise GiveUp  # deeper, or a list item or text where a key belongs
                self.i = i
                return out
            if key[0] == "'":
                key = key[1:-1]
            if key in out:
                raise GiveUp  # a duplicate key: the libyaml path words the error
            line = i = i + 1  # the entry's line number, and the index of the next line
            if section is not None:
                lines[(section, key)] = line
            if (
                sep
                and rest
                and rest[0] not in special
                and (len(rest) > longest or rest not in words)
            ):
                # Plain text, by far the most common value: no regex needed.
                if rest[-1] in " :" or ": " in rest or " #" in rest:
                    raise GiveUp
                out[key] = rest
            elif not sep:
                self.i = i
                out[key] = self._nested(n, key if top else None)
                i = self.i
            elif not rest:
                raise GiveUp  # `key: ` and a trailing space
            else:
                self.i = i
                out[key] = value = self._inline(rest, n)
                i = self.i
                if top and (type(value) is dict or type(value) is list):
                    # A flow list or mapping: its entries are on the key's line.
                    for k in value if type(value) is dict else range(len(value)):
                        lines[(key, k)] = line
            if top:
                lines[(key,)] = line

    def _nested(self, n: int, section: str | None) -> Any:
        """The value of a `key:` at column `n` with nothing after it on its line."""
        ind, dash, key, _, rest = self.toks[self.i]
        if not key and not dash and (not rest or rest[0] == "#"):
            self._skip()  # blank or comment lines first
            ind, dash, key, _, _ = self.toks[self.i]
        col = len(ind) if self.i < self.end else -1
        if col < n or (col == n and not dash):
            return None  # an empty value, read as null
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise GiveUp
        if dash:  # a list, indented or not
            value: Any = self._sequence(col, section)
        elif key:
            value = self._mapping(col, {}, section)
        else:
            raise GiveUp  # text on the next line: a multi-line plain scalar
        self.depth -= 1
        return value

    def _sequence(self, d: int, section: str | None) -> list[Any]:
        """Items of a block list whose dashes are at column `d`."""
        toks = self.toks
        out: list[Any] = []
        while True:
            self._skip()
            i = self.i
            ind, dash, key, sep, rest = toks[i]
            if not dash or len(ind) != d:
                if i < self.end and len(ind) > d:
                    raise GiveUp
                return out
            if section is not None:
                self.lines[(section, len(out))] = i + 1
            self.i = i + 1
            if key:  # `- key: ...`: a mapping whose keys are at column d + 2
                if key[0] == "'":
                    key = key[1:-1]
                item: dict[str, Any] = {}
                if not sep:
                    item[key] = self._nested(d + 2, None)
                elif rest:
                    item[key] = self._inline(rest, d + 2)
                else:
                    raise GiveUp
                out.append(self._mapping(d + 2, item))
            elif rest:
                out.append(self._inline(rest, d))
            else:
                raise GiveUp  # `- ` with nothing after it

    def _inline(self, rest: str, col: int) -> Any:
        """A value after `key: ` or `- ` on a line whose key or dash is at column `col`."""
        first = rest[0]
        if first not in _NOT_FIRST:
            if rest[-1] in " :" or ": " in rest or " #" in rest:
                raise GiveUp
            return _plain(rest)
        if first == "'" or first == '"':
            return _quoted(rest)
        if first == "[":
            if _PLAIN_LIST.fullmatch(rest):  # `[a, b]`, as tags are written
                items = rest[1:-1].split(", ") if rest != "[]" else []
                return [item if _is_text(item) else _plain(item) for item in items]
            return [_flow_item(item) for (item,) in _flow(_FLOW_ITEMS, rest)]
        if first == "{":
            out: dict[str, Any] = {}
            for key, value in _flow(_FLOW_PAIRS, rest):
                if key in out:
                    raise GiveUp
                out[key] = _flow_item(value)
            return out
        if first == "|":
            return self._block(rest, col + 2)
        raise GiveUp

    def _block(self, header: str, indent: int) -> str:
        """A `|` block scalar whose lines are indented by exactly `indent` spaces."""
        if header not in ("|", "|-", "|+"):
            raise GiveUp  # an indentation indicator or folding: libyaml's
        toks, i, end = self.toks, self.i, self.end
        pad = " " * indent
        body: list[str] = []
        blank = 0  # empty lines after the last line of text so far
        while i < end:
            ind, dash, key, sep, rest = toks[i]
            # The line as written (a block's lines were split as if they were YAML).
            line = f"{ind}{dash}{key}:{sep}{rest}" if key else f"{ind}{dash}{rest}"
            if line:
                if not line.startswith(pad):
                    if not line.strip(" "):
                        raise GiveUp  # spaces only: YAML reads it as an empty line
                    break  # less indented: the block has ended
                text = line[indent:]
                if not text.strip(" ") or (not body and text[0] == " "):
                    raise GiveUp  # spaces only, or a first line more indented than the rest
                body += [""] * blank
                body.append(text)
                blank = 0
            else:
                blank += 1
            i += 1
        if not body:
            raise GiveUp  # an empty block
        self.i = i
        joined = "\n".join(body)
        if header == "|+":
            return joined + "\n" * (blank + 1)  # the empty lines after the text are kept
        return joined if header == "|-" else joined + "\n"
