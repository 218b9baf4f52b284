"""Hypothesis strategies for YAML documents as the store writes them, awkward text included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from argmap.store import yaml_write


def documents(
    awkward: str, words: Sequence[str], key_words: Sequence[str], *, floats: bool = False
) -> st.SearchStrategy[dict[Any, Any]]:
    """Nested block and flow mappings and lists of scalars: text drawn from `awkward`
    characters and `words`, small numbers, booleans, nulls, dates (and floats)."""
    text = st.one_of(st.sampled_from(list(words)), st.text(alphabet=awkward, max_size=14))
    kinds = [text, st.integers(-5, 5000), st.booleans(), st.none()]
    if floats:
        kinds.append(st.floats(allow_nan=False))
    kinds.append(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    scalar = st.one_of(*kinds)
    keys = st.one_of(st.sampled_from(list(key_words)), text)

    def collections(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.one_of(
            st.dictionaries(keys, children, max_size=4),
            st.lists(st.one_of(scalar, st.dictionaries(keys, children, max_size=3)), max_size=3),
            st.lists(scalar, max_size=3).map(yaml_write._FlowList),
            st.dictionaries(keys, scalar, max_size=3).map(yaml_write._FlowDict),
        )

    return st.dictionaries(keys, st.recursive(scalar, collections, max_leaves=12), max_size=5)
