"""User text made safe for Graphviz HTML-like labels: escaped, cleaned and wrapped."""

from __future__ import annotations

import functools
import re
import unicodedata

# C0/C1 control characters other than tab and newline have no glyph and are not
# allowed in XML (SVG), so they are dropped rather than passed to Graphviz.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Drop characters no renderer can draw (controls, lone surrogates)."""
    # Printable text has neither: most text is, typed line breaks aside. Checked at
    # C speed, where the two regular expressions below walk the text in Python's engine.
    if text.isprintable() or text.replace("\n", "").isprintable():
        return text
    if text.isascii():
        return _CONTROL.sub("", text)
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def _for_graphviz(text: str) -> str:
    # Graphviz expands \N, \G, \L… even in HTML-like labels (after entities are
    # decoded), and reads \\ as one backslash: doubling them keeps every one literal.
    # Its HTML lexer also fails on a text of just "]" (2.43): a character reference
    # for the bracket renders the same and always parses.
    return text.replace("\\", "\\\\").replace("]", "&#93;")


# html.escape(text, quote=True) as a table: importing `html` loads its entity tables.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _plain(text: str) -> bool:
    """Whether `text` has nothing to escape (most text): seven searches at C speed.

    `str.__contains__` finds one character many times faster than a regular
    expression walks the text.
    """
    return not (
        "&" in text
        or "<" in text
        or ">" in text
        or '"' in text
        or "'" in text
        or "\\" in text
        or "]" in text
    )


def _escape(text: str) -> str:
    """`esc` of text already clean."""
    return text if _plain(text) else _for_graphviz(text.translate(_HTML))


def esc(text: str) -> str:
    """Escape user text for an HTML-like label so it renders exactly as typed."""
    return _escape(clean(text))


@functools.lru_cache(maxsize=4096)
def esc_fixed(text: str) -> str:
    """`esc` for the few texts argmap writes itself (badges, kinds): computed once each."""
    return esc(text)


def _narrow_class() -> str:
    # Latin, Greek and Cyrillic letters take one column each; asking unicodedata
    # once here lets a whole Russian paragraph be checked by one regex search.
    ranges: list[list[int]] = []
    for code in range(0x530):
        if unicodedata.east_asian_width(chr(code)) in "WF":
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges)


@functools.cache
def _maybe_wide() -> re.Pattern[str]:
    # Built on first use: most maps are in English, and start-up time counts.
    return re.compile(f"[^{_narrow_class()}]")


@functools.lru_cache(maxsize=4096)
def _is_wide(ch: str) -> bool:
    # A text repeats its few wide characters: each is looked up once.
    return unicodedata.east_asian_width(ch) in "WF"


def _wide_chars(text: str) -> list[str]:
    """The distinct characters of `text` that take two columns (CJK, most emoji), sorted.

    Latin, Greek and Cyrillic letters never do: one regex scan passes over a
    Russian paragraph, and unicodedata is asked only about the few other characters.
    """
    if text.isascii():
        return []
    return sorted({ch for ch in _maybe_wide().findall(text) if _is_wide(ch)})


def display_width(text: str) -> int:
    """Columns `text` takes: wide (CJK) characters count twice."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _split_long(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    used = 0
    for ch in word:
        w = display_width(ch)
        if current and used + w > width:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += w
    if current:
        pieces.append(current)
    return pieces


def _wrap_simple(joined: str, width: int) -> list[str] | None:
    """Greedy wrap of single-spaced one-column text; None if a word is longer than a line.

    Each line ends at the last space that leaves it at most `width` long: one
    `rfind` per line, where a regular expression walked every character.
    """
    lines: list[str] = []
    start = 0
    while len(joined) - start > width:
        cut = joined.rfind(" ", start, start + width + 1)
        if cut <= start:  # no space in reach: a word longer than a line
            return None
        lines.append(joined[start:cut])
        start = cut + 1
    lines.append(joined[start:])
    return lines


def _wrap_columns(joined: str, width: int, wide: list[str]) -> list[str] | None:
    """`_wrap_simple` by display width; `wide`: the text's `_wide_chars`.

    While the lines are cut, each wide character is followed by a NUL standing for
    its second column, so that a line's length is its width. `joined` has no NUL of
    its own (`clean` removes them; printable text has none), so removing them after
    restores it. The lines are those of `_wrap_words` (tests/test_export_wrap.py).
    """
    if not wide:
        return _wrap_simple(joined, width)
    for ch in wide:
        joined = joined.replace(ch, ch + "\0")
    lines = _wrap_simple(joined, width)
    return None if lines is None else [line.replace("\0", "") for line in lines]


def _wrap_words(words: list[str], width: int) -> list[str]:
    """Greedy wrap by display width, breaking words longer than a line."""
    lines: list[str] = []
    current = ""
    used = 0
    for word in words:
        w = len(word) if word.isascii() else display_width(word)
        if current and used + 1 + w <= width:
            current += " " + word
            used += 1 + w
            continue
        if current:
            lines.append(current)
        pieces = _split_long(word, width) if w > width else [word]
        lines.extend(pieces[:-1])
        current = pieces[-1]
        used = display_width(current)
    lines.append(current)
    return lines


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns; typed line breaks are kept, runs of spaces are one.

    Words longer than a line (and unspaced Chinese text) are broken between characters.
    """
    lines: list[str] = []
    text = clean(text)  # before `_wrap_columns`, which needs text without NULs
    wide = _wide_chars(text)
    for paragraph in text.splitlines() or [""]:
        words = paragraph.split()
        simple = _wrap_columns(" ".join(words), width, wide)
        lines.extend(simple if simple is not None else _wrap_words(words, width))
    # Blank lines at either end carry nothing a reader would miss.
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    while len(lines) > 1 and not lines[0]:
        lines.pop(0)
    return lines


def _html_join(text: str, lines: list[str]) -> str:
    """`lines` of `text` escaped and joined with line breaks."""
    # Wrapping only drops characters, so text with nothing to escape has lines with
    # nothing to escape: most cards skip the escaping and a second copy of the text.
    if _plain(text):
        return "<BR/>".join(lines)
    # `wrap` has cleaned the text and left no newline inside a line: escape once.
    return _escape("\n".join(lines)).replace("\n", "<BR/>")


def html_lines(text: str, width: int) -> str:
    """Wrapped, escaped text joined with line breaks (align them with the cell's BALIGN)."""
    if text.isprintable():
        # One paragraph with nothing to clean (most cards): `wrap` without its
        # general steps. Printable text has no whitespace but the space (no line
        # breaks, tabs or other separators); runs of spaces become one.
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            text = " ".join(text.split())
        lines = _wrap_columns(text, width, _wide_chars(text))
        if lines is not None:
            return _html_join(text, lines)
    return _html_join(text, wrap(text, width))
