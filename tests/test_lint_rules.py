"""Each lint rule: a map that triggers it and a near-identical one that does not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from argmap.lint import RULES, TargetKind
from argmap.model import Severity
from tests.lint_maps import Data, add, data, findings, node

Bend = Callable[[Data], object]


@dataclass(frozen=True)
class Case:
    """A rule, the target it should name, and two ways to bend the clean map."""

    code: str
    target: str | None
    trigger: Bend
    near_miss: Bend
    says: str  # a fragment the message must contain


def _set(node_id: str, **fields: object) -> Bend:
    def bend(raw: Data) -> None:
        node(raw, node_id).update(fields)

    return bend


def _drop(node_id: str, *keys: str) -> Bend:
    def bend(raw: Data) -> None:
        if keys:
            for key in keys:
                node(raw, node_id).pop(key, None)
        else:
            del raw["nodes"][node_id]

    return bend


def _both(*bends: Bend) -> Bend:
    def bend(raw: Data) -> None:
        for b in bends:
            b(raw)

    return bend


def _nothing(raw: Data) -> None:
    return None


def _analogy(**fields: object) -> Bend:
    def bend(raw: Data) -> None:
        raw["analogies"]["an"].update(fields)

    return bend


def _question(key: str, state: str) -> Bend:
    def bend(raw: Data) -> None:
        raw["analogies"]["an"]["questions"][key] = state

    return bend


def _source(source_id: str, **fields: object) -> Bend:
    def bend(raw: Data) -> None:
        raw["sources"].setdefault(source_id, {"title": source_id}).update(fields)

    return bend


def _claim(node_id: str, parent: str | None, era: str = "now", **fields: object) -> Bend:
    def bend(raw: Data) -> None:
        add(raw, node_id, kind="claim", era=era, parent=parent, **fields)

    return bend


def _evidence(node_id: str, parent: str, source: str = "s2", **fields: object) -> Bend:
    def bend(raw: Data) -> None:
        base = {"text": "Reported.", "locator": "p. 1", "credibility": 2}
        add(raw, node_id, kind="evidence", parent=parent, source=source, **{**base, **fields})

    return bend


def _lint(**fields: object) -> Bend:
    def bend(raw: Data) -> None:
        raw["lint"] = fields

    return bend


_JUDGMENT = {"likelihood": "likely", "confidence": "moderate"}
_SECOND_ANALOGY = {
    "then": "f-then",
    "now": "j",
    "likenesses": [{"text": "Dependence on one buyer.", "basis": "structural"}],
    "differences": [{"text": "Markets, not plans.", "weight": "low"}],
    "questions": {
        "differences": "answered",
        "base-case": "answered",
        "counter-case": "answered",
        "relevance": "answered",
    },
}


def _j_on_one_analogy(raw: Data) -> None:
    _claim("j", "bluf", text="Russia courts India as a hedge.", **_JUDGMENT)(raw)
    raw["analogies"]["an2"] = dict(_SECOND_ANALOGY)


CASES = [
    Case("ARG001", None, _lint(ignore=["ARG999"]), _lint(ignore=["ARG105"]), "'ARG999'"),
    Case("ARG101", None, _drop("bluf", "tags"), _nothing, "bluf"),
    Case(
        "ARG102",
        None,
        _claim("b2", None, text="Ties deepen.", tags=["bottom-line"], **_JUDGMENT),
        _claim("b2", None, text="Ties deepen.", **_JUDGMENT),
        "2 bottom lines (bluf and b2)",
    ),
    Case(
        "ARG103",
        "k",
        _claim("k", "bluf", text="Ties deepen.", tags=["bottom-line"], **_JUDGMENT),
        _claim("k", "bluf", text="Ties deepen.", tags=["key"], **_JUDGMENT),
        "under 'bluf'",
    ),
    Case(
        "ARG104",
        "lone",
        _claim("lone", None, era="then", text="Stalin's loans were small."),
        _both(
            _claim("lone", None, era="then", text="Stalin's loans were small."),
            lambda raw: raw.setdefault("links", []).append({"from": "lone", "to": "bluf"}),
        ),
        "stands apart",
    ),
    Case(
        "ARG105",
        "c",
        _claim("c", "f-then", era="then", text="Mao resented the loans."),
        _both(
            _claim("c", "f-then", era="then", text="Mao resented the loans."),
            _evidence("ev-c", "c"),
        ),
        "without support",
    ),
    Case(
        "ARG106",
        "rb",
        _drop("crb"),
        _set("crb", target="inference"),  # an undercut answers too
        "left unanswered",
    ),
    Case("ARG201", "bluf", _drop("bluf", "likelihood"), _nothing, "without a likelihood"),
    Case("ARG202", "bluf", _drop("bluf", "confidence"), _nothing, "without a confidence"),
    Case(
        "ARG203",
        "bluf",
        _set("bluf", text="Moscow may drift toward Washington."),
        _set("bluf", text="Moscow is unlikely to drift; talks resume in May 2025."),
        "'may'",
    ),
    Case(
        "ARG204",
        "bluf",
        _set("bluf", text="It is unlikely, with moderate confidence, that Moscow drifts."),
        _set("bluf", text="It is unlikely that Moscow drifts. Our basis is moderate."),
        "'unlikely' and 'moderate confidence'",
    ),
    Case(
        "ARG205",
        "bluf",
        _set("bluf", text="Moscow is likely to stay with Beijing."),
        _set("bluf", text="Moscow is likely to stay with Beijing.", likelihood="likely"),
        "text says 'likely' but its likelihood is 'unlikely'",
    ),
    Case(
        "ARG206",
        "rb",
        _set("rb", text="A return of Western buyers is probable."),
        _set("rb", text="A return of Western buyers is likely."),
        "'probable'",
    ),
    Case(
        "ARG207",
        "rb",
        _set("rb", text="Sanctions relief will certainly restore Western buyers."),
        _set("rb", text="Sanctions relief will almost certainly restore Western buyers."),
        "'certainly'",
    ),
    Case(
        "ARG208",
        "bluf",
        _both(_set("bluf", confidence="high"), _set("ev-b", source="s1")),
        _set("bluf", confidence="high"),
        "single source (s1)",
    ),
    Case(
        "ARG209",
        "bluf",
        _set("bluf", confidence="high"),
        _both(_set("bluf", confidence="high"), _set("as-l", linchpin=False)),
        "linchpin 'as-l'",
    ),
    Case("ARG301", "ev-a", _drop("ev-a", "source"), _nothing, "without a source"),
    Case("ARG302", "s1", _source("s1", reliability=None), _nothing, "reliability"),
    Case("ARG303", "ev-a", _drop("ev-a", "credibility"), _nothing, "credibility"),
    Case(
        "ARG304",
        "c",
        _both(
            _claim("c", "f-then", era="then", text="Mao resented the loans."),
            _source("s3", reliability="E"),
            _evidence("ev-c", "c", source="s3"),
        ),
        _both(
            _claim("c", "f-then", era="then", text="Mao resented the loans."),
            _source("s3", reliability="C"),
            _evidence("ev-c", "c", source="s3"),
        ),
        "E2, unreliable",
    ),
    Case(
        "ARG305",
        "s3",
        _source("s3", reliability="B"),
        _both(_source("s3", reliability="B"), _set("ev-a", source="s3")),
        "no evidence cites",
    ),
    Case(
        "ARG306",
        "bluf",
        _set("ev-b", source="s1"),
        _both(_set("ev-b", source="s1"), _set("bluf", confidence="low")),
        "one source (s1)",
    ),
    Case(
        "ARG307",
        "j",
        _both(
            _claim("j", "bluf", text="Russia needs China's market.", **_JUDGMENT),
            _claim("k", "j", text="Europe stopped buying Russian gas.", **_JUDGMENT),
        ),
        _both(
            _claim("j", "bluf", text="Russia needs China's market.", **_JUDGMENT),
            _claim("k", "j", text="Europe stopped buying Russian gas.", **_JUDGMENT),
            _evidence("ev-k", "k"),
        ),
        "no evidence lies beneath",
    ),
    Case(
        "ARG308",
        "bluf",
        _both(_drop("ev-a"), _drop("ev-b")),
        _drop("ev-a"),
        "only evidence is from the then era (ev-then)",
    ),
    Case(
        "ARG309",
        "ev-a",
        _drop("ev-a", "locator"),
        _both(_drop("ev-a", "locator"), _set("ev-a", quote="a record")),
        "without a locator or quote",
    ),
    Case(
        "ARG310",
        "ev-then",
        _set("ev-then", credibility=1),
        _set("ev-a", credibility=1),  # ev-b, from another source, confirms it
        "no other source confirms",
    ),
    Case("ARG401", "as-l", _drop("in-l"), _nothing, "no indicator"),
    Case("ARG402", "in-l", _drop("in-l", "status"), _nothing, "without a status"),
    Case(
        "ARG403",
        "in-l",
        _set("in-l", status="observed"),
        _set("in-l", status="emerging"),
        "revisit 'as-l'",
    ),
    Case(
        "ARG404",
        "in-l",
        _set("in-l", status="emerging"),
        _set("in-l", status="observed"),
        "watch 'as-l'",
    ),
    Case("ARG405", "bluf", _set("as-l", linchpin=False), _nothing, "no linchpin"),
    Case("ARG501", "an", _analogy(likenesses=[]), _nothing, "no likenesses"),
    Case("ARG502", "an", _analogy(differences=[]), _nothing, "no differences"),
    Case(
        "ARG503",
        "an",
        _question("relevance", "open"),
        _question("relevance", "not-applicable"),
        "relevant",
    ),
    Case(
        "ARG504",
        "an",
        _question("counter-case", "open"),
        _question("differences", "open"),  # a recorded difference answers that one
        "counter-case",
    ),
    Case(
        "ARG505",
        "j",
        _j_on_one_analogy,
        _both(_j_on_one_analogy, _evidence("ev-j", "j")),
        "one analogy alone (an2)",
    ),
    Case(
        "ARG506",
        "an",
        _analogy(likenesses=[{"text": "Both in Asia.", "basis": "surface"}]),
        _analogy(
            likenesses=[
                {"text": "Both in Asia.", "basis": "surface"},
                {"text": "One buyer.", "basis": "structural"},
            ]
        ),
        "surface",
    ),
    Case(
        "ARG507",
        "an",
        _analogy(differences=[{"text": "The roles are reversed.", "weight": "high"}]),
        _analogy(
            differences=[{"text": "The roles are reversed.", "weight": "high"}], bears="opposes"
        ),
        "despite 1 high-weight difference",
    ),
    Case(
        "ARG601",
        "f-then",
        _set("f-then", text="In 2022 Moscow turned to Beijing."),
        _set("f-then", text="In 1960 Moscow withdrew its advisers; ties recovered by 2022."),
        "dated 2022, in the now era (2020s), but placed in then",
    ),
    Case(
        "ARG602",
        "f-then",
        _set("f-then", text="In 1972 Nixon visited Beijing."),
        _set("f-then", text="In 1969 Nixon began the opening completed in 1972."),
        "dated 1972, outside the then era",
    ),
    Case(
        "ARG603",
        "ev-then",
        lambda raw: add(raw, "rb-d", kind="rebuttal", parent="ev-then", text="In 1961, not 1960."),
        lambda raw: add(raw, "rb-d", kind="rebuttal", parent="ev-then", text="In 1960, not 1959."),
        "date disputed by rb-d: 1961, not 1960",
    ),
]


def test_every_rule_has_a_case() -> None:
    assert sorted(c.code for c in CASES) == sorted(RULES)


def test_the_clean_map_has_no_findings() -> None:
    assert findings(data()) == []


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_rule_fires_on_its_trigger(case: Case) -> None:
    raw = data()
    case.trigger(raw)
    found = findings(raw, case.code)
    assert len(found) == 1, found
    finding = found[0]
    rule_ = RULES[case.code]
    assert finding.target == case.target
    assert finding.target_kind is rule_.target_kind
    assert case.says in finding.message
    assert finding.severity is rule_.severity
    assert finding.standard == rule_.standard
    assert finding.hint


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_rule_is_quiet_on_the_near_miss(case: Case) -> None:
    raw = data()
    case.near_miss(raw)
    assert findings(raw, case.code) == []


def test_rules_are_well_formed() -> None:
    for code, rule_ in RULES.items():
        assert code == rule_.code
        assert code.startswith("ARG") and len(code) == 6
        assert rule_.summary.endswith(".") and "\n" not in rule_.summary
        assert rule_.hint and rule_.standard
    assert sum(r.severity is Severity.ERROR for r in RULES.values()) == 1
    assert len({r.name for r in RULES.values()}) == len(RULES)


def test_target_kinds_cover_map_node_analogy_source() -> None:
    assert {r.target_kind for r in RULES.values()} == set(TargetKind)
