"""The lint API: configuration, ordering, wording scanners, and the finer points of rules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap.lint import RULES, by_target, counts, lint_map, reaches, resolve
from argmap.lint.wording import certainty_words, era_range, hedges, terms, years
from argmap.model import Likelihood, Severity
from tests.lint_maps import add, build, data, findings, node

# ---- the map's lint: settings ----------------------------------------------------


def test_ignore_drops_a_code() -> None:
    raw = data()
    node(raw, "bluf").pop("confidence")
    assert [f.code for f in findings(raw)] == ["ARG202"]
    raw["lint"] = {"ignore": ["ARG202"]}
    assert findings(raw) == []


def test_ignore_accepts_rule_names_and_any_case() -> None:
    raw = data()
    node(raw, "bluf").pop("confidence")
    raw["lint"] = {"ignore": ["judgment-without-confidence"]}
    assert findings(raw) == []
    raw["lint"] = {"ignore": ["arg202"]}
    assert findings(raw) == []


def test_severity_override_changes_the_level() -> None:
    raw = data()
    node(raw, "bluf").pop("confidence")
    raw["lint"] = {"severity": {"ARG202": "error"}}
    (finding,) = findings(raw)
    assert finding.severity is Severity.ERROR
    raw["lint"] = {"severity": {"ARG202": "info"}}
    assert findings(raw)[0].severity is Severity.INFO


def test_unknown_codes_are_reported_with_a_suggestion() -> None:
    raw = data()
    raw["lint"] = {"ignore": ["ARG2020"], "severity": {"hedge-word": "info"}}
    messages = [f.message for f in findings(raw, "ARG001")]
    assert messages == [
        "lint.ignore names 'ARG2020', which is no rule (did you mean ARG202,"
        " judgment-without-confidence?)",
        "lint.severity names 'hedge-word', which is no rule (did you mean ARG203, hedge-words?)",
    ]


def test_unknown_code_without_a_close_match_points_at_the_list() -> None:
    raw = data()
    raw["lint"] = {"ignore": ["spelling"]}
    (finding,) = findings(raw, "ARG001")
    assert "argmap lint --list-rules" in finding.message


def test_resolve() -> None:
    assert resolve("ARG105") == "ARG105"
    assert resolve(" arg105 ") == "ARG105"
    assert resolve("claim-without-support") == "ARG105"
    assert resolve("ARG999") is None


# ---- ordering and helpers ----------------------------------------------------------


def test_findings_come_in_file_order_then_severity() -> None:
    raw = data()
    raw["sources"]["s1"].pop("reliability")
    node(raw, "bluf").pop("tags")  # ARG101, map level
    node(raw, "ev-a").pop("credibility")
    node(raw, "in-l")["status"] = "observed"
    raw["analogies"]["an"]["likenesses"] = []
    found = lint_map(build(raw))
    assert [(f.code, f.target) for f in found] == [
        ("ARG101", None),
        ("ARG302", "s1"),
        ("ARG303", "ev-a"),
        ("ARG403", "in-l"),
        ("ARG501", "an"),
    ]
    assert lint_map(build(raw)) == found


def test_counts_reaches_and_grouping() -> None:
    raw = data()
    node(raw, "bluf").pop("tags")
    node(raw, "in-l")["status"] = "emerging"
    node(raw, "ev-a").pop("credibility")
    node(raw, "ev-a").pop("locator")
    found = lint_map(build(raw))
    assert counts(found) == {Severity.ERROR: 1, Severity.WARNING: 1, Severity.INFO: 2}
    groups = by_target(found)
    assert [f.code for f in groups[("node", "ev-a")]] == ["ARG303", "ARG309"]  # type: ignore[index]
    assert reaches(Severity.ERROR, Severity.WARNING)
    assert reaches(Severity.WARNING, Severity.WARNING)
    assert not reaches(Severity.INFO, Severity.WARNING)
    assert not reaches(Severity.WARNING, Severity.ERROR)


def test_empty_map_has_no_bottom_line() -> None:
    raw = data()
    raw["nodes"] = {}
    raw["analogies"] = {}
    found = lint_map(build(raw))
    assert [f.message for f in found if f.code == "ARG101"] == [
        "the map is empty: no bottom line to brief"
    ]


def test_lint_imports_no_yaml_graphviz_textual_or_store() -> None:
    code = (
        "import sys, argmap.lint; "
        "bad = [m for m in ('yaml', 'graphviz', 'textual', 'argmap.store') if m in sys.modules]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- argument structure --------------------------------------------------------------


def test_rebuttal_on_the_bottom_lines_side_needs_no_answer() -> None:
    # rb attacks bluf; j supports rb; r2 attacks j, so it argues for bluf.
    raw = data()
    add(raw, "j", kind="claim", era="now", parent="rb", text="Buyers returned.")
    add(raw, "r2", kind="rebuttal", parent="j", text="They did not.")
    assert findings(raw, "ARG106") == []
    add(raw, "r3", kind="rebuttal", parent="r2", text="Some did.")
    assert [f.target for f in findings(raw, "ARG106")] == ["r3"]


def test_a_rebutting_link_answers_an_objection() -> None:
    raw = data()
    del raw["nodes"]["crb"]
    raw["links"] = [{"from": "ev-b", "to": "rb", "relation": "rebuts"}]
    assert findings(raw, "ARG106") == []


def test_several_analogies_without_present_evidence_is_then_only() -> None:
    raw = data()
    add(raw, "j", kind="claim", era="now", parent="bluf", text="Ties hold.")
    for a_id in ("an2", "an3"):
        raw["analogies"][a_id] = {
            "then": "f-then",
            "now": "j",
            "likenesses": ["x"],
            "differences": ["y"],
        }
    assert findings(raw, "ARG505") == []
    assert [f.target for f in findings(raw, "ARG308")] == ["j"]


def test_single_source_counts_only_present_day_evidence() -> None:
    raw = data()
    node(raw, "ev-b")["source"] = "s1"
    node(raw, "ev-then")["source"] = "s2"  # a second source, but for the 1960 claim
    assert [f.message for f in findings(raw, "ARG306")] == [
        "its present-day evidence comes from one source (s1)"
    ]


def test_low_graded_only_by_credibility() -> None:
    raw = data()
    add(raw, "c", kind="claim", era="then", parent="f-then", text="Mao resented the loans.")
    add(raw, "ev-c", kind="evidence", parent="c", text="Said so.", source="s2", credibility=5)
    (finding,) = findings(raw, "ARG304")
    assert finding.message == "rests only on low-graded evidence (ev-c: A5, improbable)"


# ---- wording ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "past", "expected"),
    [
        ("Russia may deepen ties.", False, ["may"]),
        ("In May 1955 the talks began.", False, []),
        ("May 1955 saw the conference.", False, []),
        ("Soviet military might and wealth grew.", False, []),
        ("Its might, not its money, mattered.", False, []),
        ("Russia might well defect.", False, ["might"]),
        ("Moscow might have agreed.", False, ["might"]),
        ("A weak China could not possibly deal with Stalin.", False, []),
        ("Russia could use the opening.", False, ["could"]),
        ("Mao could play Moscow against Washington.", True, []),
        ("Russia couldn't refuse.", False, []),
        ('The paper says "it may happen" and stops.', False, []),
        ("Perhaps it waits; maybe not; possibly later.", False, ["perhaps", "maybe", "possibly"]),
    ],
)
def test_hedges(text: str, past: bool, expected: list[str]) -> None:
    assert hedges(text, past=past) == expected


def test_terms_prefer_the_longest_phrase() -> None:
    assert [t.likelihood for t in terms("Ties are very likely to hold, not unlikely.")] == [
        Likelihood.VERY_LIKELY,
        Likelihood.UNLIKELY,
    ]
    assert [t.phrase for t in terms("a remote chance, in a remote region")] == ["remote chance"]
    assert terms('He wrote "likely" in quotes.') == []


def test_certainty_words_leave_icd_terms_alone() -> None:
    assert certainty_words("It will certainly, inevitably break.") == ["certainly", "inevitably"]
    assert certainty_words("It will almost certainly hold.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At Bandung in 1955", [(1955, 1955)]),
        ("the 1950s and 1960s", [(1950, 1959), (1960, 1969)]),
        ("campaigns of 1958–62", [(1958, 1962)]),
        ("Resolution 2758 of 1971", [(1971, 1971)]),
        ("Resolution 1718 and pp. 1561", []),
        ("1500 troops and 19.5% and 1,960 men", []),
        ("in 1969-1972", [(1969, 1972)]),
        ("In 1972, Japan and China; by 1975.", [(1972, 1972), (1975, 1975)]),
    ],
)
def test_years(text: str, expected: list[tuple[int, int]]) -> None:
    assert [(s.low, s.high) for s in years(text)] == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Early Cold War, 1949–1969", (1949, 1969)),
        ("2020s", (2020, 2029)),
        ("since 2014", (2014, 9999)),
        ("2014–present", (2014, 9999)),
        ("1950s–60s", (1950, 1969)),
        ("Then", None),
    ],
)
def test_era_range(label: str, expected: tuple[int, int] | None) -> None:
    span = era_range(label)
    assert (None if span is None else (span.low, span.high)) == expected


def test_now_claim_comparing_with_the_past_is_not_misplaced() -> None:
    raw = data()
    node(raw, "bluf")["text"] = "China is now far stronger than in the 1950s."
    assert findings(raw, "ARG601") == []
    node(raw, "bluf")["text"] = "China was the junior partner in the 1950s."
    assert [f.message for f in findings(raw, "ARG601")] == [
        "dated 1950s, in the then era (Early Cold War, 1949–1969), but placed in now"
    ]


def test_now_claim_looking_past_the_era_is_info() -> None:
    raw = data()
    node(raw, "bluf")["text"] = "Moscow stays with Beijing through 2035."
    (finding,) = findings(raw, "ARG602")
    assert finding.message == "looks ahead to 2035, beyond the now era (2020s)"
    node(raw, "bluf")["text"] = "Moscow, sanctioned since 2014, stays with Beijing."
    assert findings(raw, "ARG602") == []


def test_eras_without_years_skip_the_time_rules() -> None:
    raw = data()
    raw["eras"] = {"then": "Then", "now": "Now"}
    node(raw, "f-then")["text"] = "In 2022 Moscow turned to Beijing."
    assert findings(raw, "ARG601") == findings(raw, "ARG602") == []


def test_denied_years() -> None:
    from argmap.lint.wording import denied_years

    assert [s.text for s in denied_years("In 1971 it moved; the record says 1972, not 1971.")] == [
        "1971"
    ]
    assert [s.text for s in denied_years("in 1969–72, not during the 1960s")] == ["1960s"]
    assert [s.text for s in denied_years("in 1972 rather than 1971")] == ["1971"]
    assert denied_years("From 1963 Moscow no longer sponsored them; not least in Asia.") == []


def test_undercut_does_not_dispute_a_date() -> None:
    raw = data()
    add(raw, "uc", kind="rebuttal", parent="ev-then", target="inference", text="1961, not 1960.")
    assert findings(raw, "ARG603") == []


def test_registry_is_sorted_and_complete() -> None:
    assert list(RULES) == sorted(RULES)
    assert len(RULES) >= 15


def test_lint_survives_a_map_that_breaks_integrity() -> None:
    # The editor lints whatever it holds; dangling ids and cycles must not crash lint.
    from argmap.model import Map

    amap = Map.model_validate(
        {
            "title": "T",
            "eras": {"then": "1949–1969", "now": "2020s"},
            "nodes": {
                "a": {"kind": "claim", "parent": "b", "text": "x in 1955"},
                "b": {"kind": "claim", "parent": "a", "text": "y"},
                "c": {"kind": "rebuttal", "parent": "gone", "text": "in 1961, not 1960"},
                "d": {"kind": "evidence", "parent": "nope", "source": "missing", "text": "e"},
                "f": {"kind": "claim", "era": "now", "text": "f", "tags": ["bottom-line"]},
            },
            "links": [{"from": "ghost", "to": "f"}, {"from": "f", "to": "f"}],
            "analogies": {"an": {"then": "ghost", "now": "f"}},
        }
    )
    codes = {f.code for f in lint_map(amap)}
    assert {"ARG201", "ARG202", "ARG501"} <= codes
