"""The Markdown briefing: order, ICD 203 wording, citations, rebuttals, analogies, sources."""

from __future__ import annotations

from argmap.export import ExportOptions, markdown
from tests.export_helpers import golden_map


def _at(text: str, needle: str) -> int:
    index = text.find(needle)
    assert index >= 0, f"missing: {needle!r}"
    return index


def test_briefing_reads_top_down() -> None:
    text = markdown(golden_map())
    order = [
        "# Golden map — every kind, relation and badge",
        '**Question:** Does a "then" factor still bear on a \\<now\\> judgment \\& how?',
        "## Bottom line",
        "**The partnership holds.**",
        "## Judgments and the factors behind them",
        "### 1. Cold War factor: Quotes",
        "**Evidence**",
        "**Rebuttals and answers**",
        "### 2. Judgment: Russia takes terms from China.",
        "## Analogies",
        "## Sources",
    ]
    positions = [_at(text, needle) for needle in order]
    assert positions == sorted(positions)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_likelihood_and_confidence_are_separate_sentences() -> None:
    text = markdown(golden_map())
    assert "We judge this likely (55–80%). We hold this judgment with moderate confidence:" in text
    assert "We judge there is a roughly even chance of this (45–55%)." in text
    for line in text.splitlines():
        for sentence in line.split(". "):
            has_likelihood = "We judge" in sentence
            assert not (has_likelihood and "confidence" in sentence), sentence


def test_evidence_with_citation_and_grade() -> None:
    text = markdown(golden_map())
    assert (
        "- Москва и Пекин — 中苏友好同盟互助条约 — source 1 (Rana Mitter, 2025-12), p. 3."
        " Grade B2: source usually reliable; information probably true." in text
    )
    assert "Grade A1: source completely reliable; information confirmed by other sources." in text


def test_rebuttals_and_their_answers() -> None:
    text = markdown(golden_map())
    objection = _at(text, "- **Objection:** The split came later.")
    answer = _at(text, "  - **Answer:** Friction began in 1958.")
    assert objection < answer
    undercut = _at(text, "  - **Undercut:** The evidence is about timing, not cause.")
    assert text[undercut:].splitlines()[1] == "    - *Not yet answered.*"
    assert "- **Linchpin:** Sanctions stay in place." in text
    assert "  - Indicator: Sanctions relief. *(status: emerging)*" in text


def test_analogy_with_likenesses_differences_and_questions() -> None:
    text = markdown(golden_map())
    section = text[_at(text, "## Analogies") : _at(text, "## Sources")]
    for needle in (
        "The analogy **supports** the present-day judgment.",
        "- Asymmetric partners.",
        "- The senior partner changed. (weight high: seriously undermines the analogy)",
        "- Answered: Are there differences between the cases",
        "- Open: Is the conclusion true (false) in the historical case?",
        "**Now** (2020s): Russia takes terms from China.",
    ):
        assert needle in section


def test_sources_are_listed_with_grades() -> None:
    text = markdown(golden_map())
    sources = text[_at(text, "## Sources") :]
    assert "1. Rana Mitter, *A paper with {braces}*, 2025-12. Reliability B: usually reliable." in (
        sources
    )
    assert "2. *Архив 档案*. Reliability A: completely reliable." in sources


def test_user_text_is_escaped_for_markdown() -> None:
    text = markdown(golden_map())
    assert 'Quotes "x", a backslash C:\\\\new, \\<b\\>bold?\\</b\\> \\& braces {y}' in text


def test_a_view_briefs_only_what_it_shows() -> None:
    text = markdown(golden_map(), ExportOptions(focus="judgment"))
    assert "Russia takes terms from China." in text
    assert "The split came later." not in text and "## Analogies" not in text
    assert "1. *Архив 档案*" in text and "Rana Mitter" not in text


def test_without_a_bottom_line_the_first_root_claim_leads() -> None:
    from argmap.model import Kind, Map, Node

    amap = Map(
        title="t",
        nodes={
            "r": Node(kind=Kind.REBUTTAL, text="A loose objection"),
            "c": Node(kind=Kind.CLAIM, text="The main claim"),
            "a": Node(kind=Kind.REBUTTAL, parent="r", text="Its answer"),
        },
    )
    text = markdown(amap)
    assert _at(text, "## Bottom line") < _at(text, "**The main claim**")
    assert _at(text, "## Other points") < _at(text, "- **Objection:** A loose objection")
    assert "  - **Answer:** Its answer" in text and "*Then:*" not in text
