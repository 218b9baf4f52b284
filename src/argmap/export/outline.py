"""The Markdown briefing: question, bottom line first, judgments, evidence, rebuttals, analogies.

It reads top-down like a written brief: each claim is a heading with its likelihood
and confidence in separate sentences, followed by its grounds, its assumptions and
indicators, the objections raised and how they are answered, then its sub-claims.
"""

from __future__ import annotations

from argmap.export.mdtext import (
    analogy_lines,
    citation,
    grade_sentence,
    judgment,
    md,
    source_entry,
)
from argmap.export.views import View
from argmap.model import Era, Kind, Map, Role
from argmap.summary import shorten
from argmap.tradecraft import INDICATOR_STATUS

# Non-claim children in the order a briefer presents them.
_GROUNDS = (Kind.EVIDENCE, Kind.CLAIM, Kind.ASSUMPTION, Kind.INDICATOR, Kind.REBUTTAL)

_ROLE_LABEL: dict[Role, str] = {
    Role.OBJECTION: "Objection",
    Role.COUNTER_REBUTTAL: "Answer",
    Role.UNDERCUT: "Undercut",
}


_NEEDS_ANSWER = (Role.OBJECTION, Role.UNDERCUT)

_KIND_LABEL: dict[Kind, str] = {
    Kind.EVIDENCE: "Evidence: ",
    Kind.ASSUMPTION: "Assumption: ",
    Kind.INDICATOR: "Indicator: ",
}


class _Writer:
    """Collects the lines of one briefing."""

    def __init__(self, view: View) -> None:
        self.amap: Map = view.map
        self.full: Map = view.full
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def lane(self, node_id: str) -> str:
        era = self.full.effective_era(node_id)
        if era is None:
            return ""
        label = self.full.eras.then if era is Era.THEN else self.full.eras.now
        return f" *({md(label)})*"

    def claim(self, node_id: str, level: int, number: str) -> None:
        node = self.amap.nodes[node_id]
        kind = "Cold War factor" if self.full.effective_era(node_id) is Era.THEN else "Judgment"
        self.add(f"{'#' * min(level, 6)} {number} {kind}: {md(node.text)}", "")
        sentences = judgment(node)
        if sentences:
            self.add(" ".join(sentences), "")
        if node.note:
            self.add(f"*Note: {md(node.note)}*", "")
        self.grounds(node_id)
        subclaims = [c for c in self.amap.children(node_id) if self._is_subclaim(c)]
        for i, child in enumerate(subclaims, start=1):
            self.claim(child, level + 1, f"{number}{i}.")

    def _is_subclaim(self, node_id: str) -> bool:
        return self.amap.nodes[node_id].kind is Kind.CLAIM

    def grounds(self, node_id: str) -> None:
        """Evidence, assumptions, indicators and rebuttals of a claim, as lists."""
        children = self.amap.children(node_id)
        sections = (
            ("Evidence", Kind.EVIDENCE),
            ("Assumptions", Kind.ASSUMPTION),
            ("Indicators", Kind.INDICATOR),
            ("Rebuttals and answers", Kind.REBUTTAL),
        )
        for title, kind in sections:
            items = [c for c in children if self.amap.nodes[c].kind is kind]
            if items:
                self.add(f"**{title}**", "")
                for item in items:
                    self.item(item, 0)
                self.add("")

    def item(self, node_id: str, indent: int) -> None:
        """One list item for a non-claim node (or a claim under a rebuttal), and its children."""
        node = self.amap.nodes[node_id]
        pad = "  " * indent
        # At the top of a section its title names the kind; nested items name their own.
        label = _KIND_LABEL.get(node.kind, "") if indent else ""
        self.add(f"{pad}- {label}{self._item_text(node_id)}")
        children = sorted(
            self.amap.children(node_id), key=lambda c: _GROUNDS.index(self.amap.nodes[c].kind)
        )
        for child in children:
            self.item(child, indent + 1)
        answered = any(self.full.role(c) is not Role.REASON for c in children)
        if self.full.role(node_id) in _NEEDS_ANSWER and not answered:
            self.add(f"{pad}  - *Not yet answered.*")

    def _item_text(self, node_id: str) -> str:
        node = self.amap.nodes[node_id]
        role = self.full.role(node_id)
        text = md(node.text)
        if node.kind is Kind.EVIDENCE:
            parts = [f"{text}"]
            cited = citation(self.amap, node)
            if cited:
                parts.append(f"— {cited}.")
            graded = grade_sentence(self.amap, node)
            if graded:
                parts.append(graded)
            out = " ".join(parts)
        elif node.kind is Kind.ASSUMPTION:
            out = f"**Linchpin:** {text}" if node.linchpin else text
        elif node.kind is Kind.INDICATOR:
            status = INDICATOR_STATUS[node.status] if node.status else "status not recorded"
            out = f"{text} *(status: {status})*"
        elif node.kind is Kind.REBUTTAL:
            out = f"**{_ROLE_LABEL.get(role, 'Objection')}:** {text}"
        else:
            out = f"**Supporting claim:** {text}" + "".join(f" {s}" for s in judgment(node))
        if node.note:
            out += f" *Note: {md(node.note)}*"
        return out


def _header(w: _Writer) -> None:
    full = w.full
    w.add(f"# {md(full.title)}", "")
    if full.question:
        w.add(f"**Question:** {md(full.question)}", "")
    if any(node.era is not None for node in full.nodes.values()):
        w.add(f"*Then:* {md(full.eras.then)}. *Now:* {md(full.eras.now)}.", "")


def _bottom_line(w: _Writer, roots: list[str]) -> None:
    w.add("## Bottom line", "")
    for node_id in roots:
        node = w.amap.nodes[node_id]
        w.add(f"**{md(node.text)}**", "")
        sentences = judgment(node)
        if sentences:
            w.add(" ".join(sentences), "")
        if node.note:
            w.add(f"*Note: {md(node.note)}*", "")
        w.grounds(node_id)


def _claims(w: _Writer, tops: list[str]) -> None:
    subclaims = [c for t in tops for c in w.amap.children(t) if w._is_subclaim(c)]
    if subclaims:
        w.add("## Judgments and the factors behind them", "")
    for number, child in enumerate(subclaims, start=1):
        w.claim(child, 3, f"{number}.")


def _others(w: _Writer, others: list[str], start: int) -> None:
    if not others:
        return
    w.add("## Other points", "")
    for i, node_id in enumerate(others, start=start):
        if w.amap.nodes[node_id].kind is Kind.CLAIM:
            w.claim(node_id, 3, f"{i}.")
        else:
            w.item(node_id, 0)
            w.add("")


def _analogies(w: _Writer) -> None:
    if not w.amap.analogies:
        return
    w.add("## Analogies", "")
    for analogy in w.amap.analogies.values():
        then = shorten(w.amap.nodes[analogy.then].text, 60)
        now = shorten(w.amap.nodes[analogy.now].text, 60)
        w.add(f"### {md(then)} → {md(now)}", "")
        w.add(*analogy_lines(w.amap, analogy), "")


def _sources(w: _Writer) -> None:
    if not w.amap.sources:
        return
    w.add("## Sources", "")
    for i, (source_id, source) in enumerate(w.amap.sources.items(), start=1):
        w.add(f"{i}. {source_entry(source_id, source)}")
    w.add("")


def briefing(view: View) -> str:
    """The whole briefing as Markdown text, ending with one newline."""
    w = _Writer(view)
    _header(w)
    roots = list(w.amap.roots())
    tops = [n for n in roots if n in set(view.full.bottom_lines())]
    others = [n for n in roots if n not in tops]
    claims = [n for n in others if w.amap.nodes[n].kind is Kind.CLAIM]
    if not tops and claims:  # no bottom line marked: lead with the first root claim
        tops, others = claims[:1], [n for n in others if n != claims[0]]
    if tops:
        _bottom_line(w, tops)
    _claims(w, tops)
    count = sum(1 for t in tops for c in w.amap.children(t) if w._is_subclaim(c))
    _others(w, others, count + 1)
    _analogies(w)
    _sources(w)
    while w.lines and not w.lines[-1]:
        w.lines.pop()
    return "\n".join(w.lines) + "\n"
