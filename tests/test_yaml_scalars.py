"""Plain scalars get exactly the YAML 1.1 type PyYAML's safe loader gives them."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.store import scalars
from argmap.store.resolve import FastScalarResolve
from argmap.store.yaml_read import _Loader
from argmap.store.yaml_write import _CanonicalDumper

PYYAML = yaml.resolver.Resolver.yaml_implicit_resolvers


def pyyaml_tag(value: str) -> str:
    """PyYAML's own answer, from its pure-Python resolver."""
    tag: str = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return tag


class _PatternTable(FastScalarResolve, yaml.SafeLoader):
    """The per-class pattern table, as every scalar was resolved before `scalars`."""


_PatternTable._plain = staticmethod(_PatternTable._table_tag)

WORDS = [*scalars.WORDS, "yes!", "Yes ", "nULL", "NuLL", "oN", "~~", "<", "<<<", "==", "!!"]
NUMBERS = [
    "1990-06", "2025-12-1", "2025--1-01", "12-34-5678", "0-0", "2025-12-01-",
    "0", "-0", "+1", "0123", "089", "0b101", "0x1F", "0x", "1_000", "1:30", "190:20:30",
    "1.10", "1.", ".5", "-.5", "1e3", "1.0e+3", "1.0e3", ".inf", "-.Inf", ".NaN", "+.nan",
    "2025-12-01", "2025-1-1", "2025-12-01T10:00:00Z", "2025-12-01 10:00:00.5 +01:00",
    "2025-12", "1949", "12:60", "1__2", "6.8523015e+5", "685.230_15e+03", "-",  "+", ".",
]  # fmt: skip
CHARS = "0123456789-+._:eEbxXoOTtZ yesnoulfrNY~<=!&*\n\t"
PLAIN = st.one_of(
    st.sampled_from(WORDS + NUMBERS),
    st.sampled_from(WORDS + NUMBERS).map(lambda s: s + "\n"),
    st.text(alphabet=CHARS, max_size=12),
    st.text(max_size=12),
    *(
        st.from_regex(re.compile(pattern, scalars.PATTERN_FLAGS))
        for pattern in (scalars.INT_PATTERN, scalars.FLOAT_PATTERN, scalars.TIMESTAMP_PATTERN)
    ),
    # What `_plain_number` answers without the patterns, and its near misses.
    st.from_regex(r"\A[0-9]{1,6}\n?\Z"),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\n?\Z"),
    st.from_regex(r"\A[-+]?[0-9][0-9-]{0,11}\n?\Z"),
    # Number-like values with one character that no number pattern matches.
    st.tuples(st.sampled_from(NUMBERS), st.integers(0, 30), st.sampled_from("sTyz年 \t_:Xx")).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
    ),
    st.from_regex(r"\A[0-9٠-٩²]{2,4}[-_:.]?[0-9٠-٩]{0,2}-?[0-9]{0,3}\Z"),
)


def test_number_and_date_patterns_are_pyyaml_own() -> None:
    mine = {
        (first, tag, pattern, scalars.PATTERN_FLAGS | re.U)
        for first, found in scalars.NUMBERS.items()
        for tag, pattern in found
    }
    theirs = {
        (first, tag, p.pattern, p.flags)
        for first, found in PYYAML.items()
        for tag, p in found
        if tag in (scalars.INT, scalars.FLOAT, scalars.TIMESTAMP)
    }
    assert mine == theirs


def test_every_other_pyyaml_pattern_is_a_word_of_the_table() -> None:
    # Each first character PyYAML looks up is a number's or some word's first character.
    word_firsts = {word[:1] for word in scalars.WORDS}
    assert set(PYYAML) == word_firsts | scalars.NUMBER_FIRST
    for first, found in PYYAML.items():
        for tag, pattern in found:
            if tag in (scalars.INT, scalars.FLOAT, scalars.TIMESTAMP):
                continue
            # A fixed-word pattern: exactly the words of the table with that tag.
            body = re.sub(r"\s", "", pattern.pattern)[len("^(?:") : -len(")$")]
            alternatives = [re.sub(r"\\(.)", r"\1", word) for word in body.split("|")]
            words = {w for w in alternatives if w[:1] == first}
            assert words == {w for w, t in scalars.WORDS.items() if t == tag and w[:1] == first}
    assert scalars.LONGEST_WORD == 5


@settings(max_examples=600, deadline=None)
@given(PLAIN)
def test_plain_tag_agrees_with_pyyaml_and_with_the_pattern_table(value: str) -> None:
    expected = pyyaml_tag(value)
    assert scalars.plain_tag(value) == expected
    assert _PatternTable.plain_tag(value) == expected
    assert _Loader.plain_tag(value) == expected
    assert _CanonicalDumper.plain_tag(value) == expected


def test_the_listed_words_and_numbers_get_pyyaml_tags() -> None:
    for value in WORDS + NUMBERS + [w + "\n" for w in WORDS + NUMBERS] + ["", "\n", "\n\n"]:
        assert scalars.plain_tag(value) == pyyaml_tag(value), repr(value)
    assert scalars.plain_tag("yes\n") == scalars.BOOL  # `$` also matches before a last newline


def test_the_numbers_of_a_saved_map_need_no_pattern() -> None:
    # Compiling PyYAML's number patterns costs every command ~8 M instructions.
    scalars._compiled.cache_clear()
    values = ("1", "6", "1949", "0", "2025-12-01", "1999-01-31", "1990-06", "2020s", "1950 年")
    tags = [scalars.plain_tag(v) for v in values]
    assert tags == [scalars.INT] * 4 + [scalars.TIMESTAMP] * 2 + [scalars.STR] * 3
    assert scalars._compiled.cache_info().currsize == 0
    assert scalars.plain_tag("0123") == scalars.INT  # octal: through the patterns
    assert scalars._compiled.cache_info().currsize > 0


def test_the_libyaml_loader_reads_scalars_as_pyyaml_does() -> None:
    text = "".join(f"- {v}\n" for v in ["yes", "No", "~", "0123", "1.10", "2025-12-01", "a"])
    assert yaml.load(text, Loader=_Loader) == yaml.load(text, Loader=yaml.SafeLoader)


def test_a_class_with_a_resolver_of_its_own_keeps_it() -> None:
    class Custom(_Loader):  # type: ignore[misc,valid-type]
        pass

    Custom.add_implicit_resolver("tag:example.org,2025:id", re.compile(r"^ID\d+$"), list("I"))

    class Sub(Custom):  # type: ignore[misc,valid-type]
        pass

    assert Sub.plain_tag("ID42") == "tag:example.org,2025:id"
    assert Sub.plain_tag("yes") == scalars.BOOL
    assert _Loader.plain_tag("ID42") == scalars.STR
