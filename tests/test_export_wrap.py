"""Wrapping by display width and DOT quoting against the general code they shortcut.

`text.wrap` and `text.html_lines` cut lines with `str.rfind` whenever every word fits
on a line, counting wide (CJK) characters twice; `_reference_wrap` is the word-by-word
loop they replace. `dotwriter.quote_map_id` must equal `quote` for every valid id, and
`dotwriter._html_like` the package's pattern for HTML-like strings.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.export.dotwriter import _HTML_STRING, _html_like, quote, quote_map_id
from argmap.export.text import _wrap_words, clean, display_width, esc, html_lines, wrap
from argmap.model import ID_PATTERN
from tests.export_helpers import PROFILE

# Pieces of every kind the wrap treats differently: Latin, accented, Cyrillic, wide
# CJK and full-width forms, emoji (wide and not), combining and zero-width marks,
# unassigned code points (which unicodedata counts as wide), spaces of several kinds,
# line breaks, controls, and words too long for a line.
PIECES = [
    "a", "word", "é", "e\u0301", "Москва", "Сотрудничество", "中", "中苏友好同盟互助条约",
    "ｱ", "Ａ", "😀", "☺", "\u200b", "\u0378", "\u3000", "\xa0", " ", "  ", "\n", "\r\n",
    "\t", "\x00", "\x7f", "&", "<", "]", "\\", "x" * 30, "苏" * 20, "—", "“", "”",
]  # fmt: skip
MIXED = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
TEXT = st.one_of(MIXED, st.text(max_size=120))
WIDTH = st.integers(min_value=1, max_value=45)


def _reference_wrap(text: str, width: int) -> list[str]:
    """`wrap` word by word, as it was before the `rfind` cut: the general route."""
    lines: list[str] = []
    for paragraph in clean(text).splitlines() or [""]:
        lines.extend(_wrap_words(paragraph.split(), width))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    while len(lines) > 1 and not lines[0]:
        lines.pop(0)
    return lines


@PROFILE
@given(TEXT, WIDTH)
def test_wrap_is_the_word_by_word_wrap(text: str, width: int) -> None:
    assert wrap(text, width) == _reference_wrap(text, width)


@PROFILE
@given(TEXT, WIDTH)
def test_html_lines_is_the_escaped_reference_wrap(text: str, width: int) -> None:
    expected = esc("\n".join(_reference_wrap(text, width))).replace("\n", "<BR/>")
    assert html_lines(text, width) == expected


@PROFILE
@given(MIXED, WIDTH)
def test_no_wrapped_line_is_wider_than_asked_unless_one_character_is(text: str, width: int) -> None:
    for line in wrap(text, width):
        assert display_width(line) <= width or len(line) == 1


def test_wide_characters_take_two_columns() -> None:
    # Six columns: three Chinese characters fit, a fourth goes to the next line.
    assert wrap("中苏友 好", 6) == ["中苏友", "好"]
    assert wrap("中苏 友好", 5) == ["中苏", "友好"]
    assert wrap("ab 中苏", 7) == ["ab 中苏"]
    assert wrap("abc 中苏", 7) == ["abc", "中苏"]
    assert html_lines("Москва и Пекин 中苏", 6) == "Москва<BR/>и<BR/>Пекин<BR/>中苏"


@PROFILE
@given(st.from_regex(ID_PATTERN, fullmatch=True))
def test_quote_map_id_is_quote_for_every_valid_id(node_id: str) -> None:
    assert quote_map_id(node_id) == quote(node_id)


def test_quote_map_id_examples() -> None:
    cases = {
        "12": "12", "1.5": "1.5", "1.": "1.", "1.5.3": '"1.5.3"', "c-1": '"c-1"',
        "n0": "n0", "a_b": "a_b", "node": '"node"', "Graph": '"Graph"', "x.y": '"x.y"',
        "0x1": '"0x1"', "9a": '"9a"', "1_000": '"1_000"',
    }  # fmt: skip
    for node_id, expected in cases.items():
        assert quote_map_id(node_id) == expected == quote(node_id)


HTML_PIECES = st.sampled_from(["<", ">", "\n", "a", "<b>", ">\n", "\n\n", "\r"])


@PROFILE
@given(st.one_of(st.lists(HTML_PIECES, max_size=8).map("".join), st.text(max_size=20)))
def test_html_like_is_the_packages_pattern(text: str) -> None:
    assert _html_like(text) == bool(_HTML_STRING.match(text))
