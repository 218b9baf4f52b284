"""Sentences of the Markdown briefing: escaped user text, judgments, citations, grades."""

from __future__ import annotations

import re

from argmap.export.text import clean
from argmap.model import Analogy, Map, Node, Source
from argmap.summary import shorten
from argmap.tradecraft import (
    CONFIDENCE,
    CREDIBILITY,
    CRITICAL_QUESTIONS,
    LIKELIHOOD,
    QUESTION_STATE,
    RELIABILITY,
    WEIGHT,
    grade,
)

# Backslash-escaping Markdown's punctuation makes user text render as typed.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~!])")


def md(text: str) -> str:
    """User text as one escaped Markdown line (runs of white space become one space)."""
    return _SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))


def judgment(node: Node) -> list[str]:
    """Likelihood and confidence as separate sentences in ICD 203 wording."""
    out: list[str] = []
    if node.likelihood is not None:
        term = LIKELIHOOD[node.likelihood]
        if term.term.endswith("chance"):  # a noun phrase: "a roughly even chance"
            article = "a " if term.term.startswith("roughly") else ""
            out.append(f"We judge there is {article}{term.term} of this ({term.range}).")
        else:
            out.append(f"We judge this {term.term} ({term.range}).")
    if node.confidence is not None:
        level = node.confidence.value
        out.append(f"We hold this judgment with {level} confidence: {CONFIDENCE[node.confidence]}.")
    return out


def source_ref(source_id: str, source: Source | None) -> str:
    """A citation of a source: author, *title*, publisher, date."""
    if source is None:
        return md(source_id)
    parts = []
    if source.author:
        parts.append(md(source.author))
    parts.append(f"*{md(source.title)}*")
    parts += [md(p) for p in (source.publisher, source.date) if p]
    return ", ".join(parts)


def grade_sentence(amap: Map, node: Node) -> str | None:
    """E.g. `Grade B2: source usually reliable; information probably true.`"""
    source = amap.sources.get(node.source) if node.source else None
    reliability = source.reliability if source is not None else None
    graded = grade(reliability, node.credibility)
    if graded is None:
        return None
    rel = f"source {RELIABILITY[reliability]}" if reliability else "source not graded"
    cred = (
        f"information {CREDIBILITY[node.credibility]}"
        if node.credibility is not None
        else "information not graded"
    )
    return f"Grade {graded}: {rel}; {cred}."


def short_ref(amap: Map, source_id: str) -> str:
    """E.g. `source 1 (Rana Mitter, 2025-12)`: the number in the list of sources."""
    source = amap.sources.get(source_id)
    if source is None:
        return md(source_id)
    number = list(amap.sources).index(source_id) + 1
    who = shorten(source.author or source.title, 32)
    when = f", {source.date}" if source.date else ""
    return f"source {number} ({md(who)}{md(when)})"


def citation(amap: Map, node: Node) -> str:
    """Where evidence comes from: the source, the locator and any quotation."""
    parts: list[str] = []
    if node.source is not None:
        parts.append(short_ref(amap, node.source))
    if node.locator:
        parts.append(md(node.locator))
    text = ", ".join(parts)
    if node.quote:
        text += f"{': ' if text else ''}“{md(node.quote)}”"
    return text


def source_entry(source_id: str, source: Source) -> str:
    """One line of the list of sources."""
    line = source_ref(source_id, source) + "."
    if source.reliability is not None:
        line += f" Reliability {source.reliability.value}: {RELIABILITY[source.reliability]}."
    else:
        line += " Reliability not graded."
    if source.url:
        line += f" <{source.url}>" if " " not in source.url else f" {md(source.url)}"
    if source.note:
        line += f" *{md(source.note)}*"
    return line


def analogy_lines(amap: Map, analogy: Analogy) -> list[str]:
    """The body of one analogy: its ends, likenesses, differences and critical questions."""
    then_text = md(amap.nodes[analogy.then].text)
    now_text = md(amap.nodes[analogy.now].text)
    out = [
        f"**Then** ({md(amap.eras.then)}): {then_text}",
        "",
        f"**Now** ({md(amap.eras.now)}): {now_text}",
        "",
        f"The analogy **{analogy.bears.value}** the present-day judgment.",
        "",
        "Likenesses:",
    ]
    out += [
        f"- {md(lk.text)}" + (f" ({lk.basis.value})" if lk.basis else "")
        for lk in analogy.likenesses
    ] or ["- none recorded"]
    out += ["", "Differences:"]
    out += [
        f"- {md(d.text)}" + (f" (weight {d.weight.value}: {WEIGHT[d.weight]})" if d.weight else "")
        for d in analogy.differences
    ] or ["- none recorded: the analogy has not been examined"]
    out += ["", "Critical questions:"]
    out += [
        f"- {QUESTION_STATE[state].capitalize()}: {CRITICAL_QUESTIONS[key]}"
        for key, state in analogy.questions.items()
    ]
    if analogy.note:
        out += ["", f"*Note: {md(analogy.note)}*"]
    return out
