"""Which YAML 1.1 type a plain (unquoted) scalar has, as PyYAML decides it, without PyYAML.

PyYAML's safe loader and dumper try a list of regular expressions, picked by the
first character, on every plain scalar. Almost every scalar of a map is text
starting with a letter; the only letter-led scalars that are not text are a few
fixed words (`yes`, `Off`, `null`, ...), so a table of those words answers them
without any regex. Scalars starting with a digit, a sign or a dot go through
PyYAML's own number and date patterns, copied here verbatim (a test compares them
with PyYAML's). Importing this module does not import PyYAML, which reading a
canonical map never needs.
"""

from __future__ import annotations

import functools
import re

CORE = "tag:yaml.org,2002:"
STR = CORE + "str"
NULL = CORE + "null"
BOOL = CORE + "bool"
INT = CORE + "int"
FLOAT = CORE + "float"
TIMESTAMP = CORE + "timestamp"
MERGE = CORE + "merge"
VALUE = CORE + "value"
YAML = CORE + "yaml"

# PyYAML's resolvers whose patterns are fixed words (yaml/resolver.py): bool, null,
# merge (`<<`), value (`=`) and yaml (`!`, `&`, `*`).
WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            *("yes", "Yes", "YES", "no", "No", "NO"),
            *("true", "True", "TRUE", "false", "False", "FALSE"),
            *("on", "On", "ON", "off", "Off", "OFF"),
        ],
        BOOL,
    ),
    **dict.fromkeys(["~", "null", "Null", "NULL", ""], NULL),
    "<<": MERGE,
    "=": VALUE,
    **dict.fromkeys(["!", "&", "*"], YAML),
}

LONGEST_WORD = max(map(len, WORDS))

# PyYAML's float, int and timestamp patterns, character for character. Compiled on
# first use (`_compiled`): compiling them costs ~8 M instructions, and the numbers of
# a saved map (small integers, dates) are told apart without them (`_plain_number`).
FLOAT_PATTERN = (
    "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?\n"
    "                    |\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?\n"
    "                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*\n"
    "                    |[-+]?\\.(?:inf|Inf|INF)\n"
    "                    |\\.(?:nan|NaN|NAN))$"
)
INT_PATTERN = (
    "^(?:[-+]?0b[0-1_]+\n"
    "                    |[-+]?0[0-7_]+\n"
    "                    |[-+]?(?:0|[1-9][0-9_]*)\n"
    "                    |[-+]?0x[0-9a-fA-F_]+\n"
    "                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
)
TIMESTAMP_PATTERN = (
    "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\n"
    "                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?\n"
    "                     (?:[Tt]|[ \\t]+)[0-9][0-9]?\n"
    "                     :[0-9][0-9] :[0-9][0-9] (?:\\.[0-9]*)?\n"
    "                     (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
)
PATTERN_FLAGS = re.X

# The patterns to try for each first character, in PyYAML's order.
_SIGN = ((FLOAT, FLOAT_PATTERN), (INT, INT_PATTERN))
_DIGIT = (*_SIGN, (TIMESTAMP, TIMESTAMP_PATTERN))
NUMBERS: dict[str, tuple[tuple[str, str], ...]] = {
    "-": _SIGN,
    "+": _SIGN,
    ".": ((FLOAT, FLOAT_PATTERN),),
    **dict.fromkeys("0123456789", _DIGIT),
}
NUMBER_FIRST = frozenset(NUMBERS)  # first characters of numbers and dates


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, PATTERN_FLAGS)


# Every character the number and date patterns can match (a final newline too): a
# value with any other character ("2020s", "1950 treaty") is none of them.
_NUMBER_CHARS = frozenset("0123456789_.:+- \t\neEbxabcdefABCDEFinINtTZ")


def _plain_number(value: str) -> str | None:
    """The tag of a value that starts like a number, where sure without the patterns.

    None where only the patterns can tell. What they say of the values answered
    here: digits alone are an int unless a leading zero makes them octal (or text,
    as in `089`); digits and hyphens are a timestamp as `YYYY-MM-DD`, else text
    (`1990-06`): no dot or colon, never a float.
    """
    if not _NUMBER_CHARS.issuperset(value):
        return STR
    if not value[:1].isdigit():
        return None
    if value.isdigit():
        return INT if value[0] != "0" or len(value) == 1 else None
    if not value.replace("-", "").isdigit():
        return None
    dated = len(value) == 10 and value[4] == value[7] == "-" and value.count("-") == 2
    return TIMESTAMP if dated else STR


def plain_tag(value: str) -> str:
    """The tag PyYAML's safe loader gives a plain scalar with this text.

    Examples: `yes` -> bool, `0123` -> int, `2025-12-01` -> timestamp, `~` -> null,
    `<<` -> merge, `Moscow` -> str.
    """
    tag = WORDS.get(value)
    if tag is not None:
        return tag
    patterns = NUMBERS.get(value[:1])
    if patterns is not None:
        known = _plain_number(value)
        if known is not None:
            return known
        for tag, pattern in patterns:
            if _compiled(pattern).match(value):
                return tag
        return STR
    # PyYAML's word patterns end in `$`, which also matches before a final newline.
    if value[-1:] == "\n" and len(value) > 1:
        return WORDS.get(value[:-1], STR)
    return STR
