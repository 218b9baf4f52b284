"""Map diffs the tree is updated from: the fast span search equals a plain scan."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.tui.map_diff import differing_span

EXAMPLES = int(os.environ.get("ARGMAP_HYPOTHESIS_EXAMPLES", "200"))


def plain_span(a: list[str], b: list[str]) -> tuple[int, int, int]:
    """The same answer, item by item."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    back = 0
    while back < min(len(a), len(b)) - start and a[-1 - back] == b[-1 - back]:
        back += 1
    return start, len(a) - back, len(b) - back


IDS = st.lists(st.sampled_from("abcdefgh"), max_size=40)


@settings(max_examples=EXAMPLES, deadline=None)
@given(IDS, st.data())
def test_differing_span_equals_a_plain_scan(a: list[str], data: st.DataObject) -> None:
    # b: a with a stretch replaced (an edit), or any other list
    i = data.draw(st.integers(0, len(a)))
    j = data.draw(st.integers(i, len(a)))
    middle = data.draw(IDS)
    b = data.draw(st.sampled_from([a[:i] + middle + a[j:], middle, list(a)]))
    assert differing_span(a, b) == plain_span(a, b)
    assert differing_span(b, a) == plain_span(b, a)


def test_differing_span_of_a_swap_in_a_long_list() -> None:
    a = [f"n{i}" for i in range(10_000)]
    b = list(a)
    b[621], b[2400] = b[2400], b[621]
    assert differing_span(a, b) == (621, 2401, 2401)
    assert differing_span(a, list(a)) == (10_000, 10_000, 10_000)
    assert differing_span(a, [*a, "x"]) == (10_000, 10_000, 10_001)
