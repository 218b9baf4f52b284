"""Generate realistic, valid argument maps of any size for the benchmarks.

A generated map looks like an analyst's map grown large: several bottom lines with
then/now factor claims beneath them, evidence citing graded sources, objections,
counter-rebuttals and undercuts, assumptions with indicators, analogies between
`then` and `now` claims, extra links, tags, notes and a few `x-` keys. Text lengths
vary from a short phrase to a multi-line paragraph. The same size and seed always
give the same bytes.

Usage::

    python benchmarks/generate.py 10000 -o /tmp/map-10k.yaml [--seed 7] [--argdown F]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import deque
from pathlib import Path
from typing import TypeVar

from argmap import integrity, store
from argmap.model import (
    Analogy,
    Basis,
    Bears,
    Confidence,
    Credibility,
    Difference,
    Era,
    Eras,
    IndicatorStatus,
    Kind,
    Likelihood,
    Likeness,
    Link,
    Map,
    Node,
    Questions,
    QuestionState,
    Relation,
    Reliability,
    Source,
    Target,
    Weight,
)

T = TypeVar("T")

ID_PREFIX = {
    Kind.CLAIM: "c",
    Kind.EVIDENCE: "ev",
    Kind.REBUTTAL: "rb",
    Kind.ASSUMPTION: "as",
    Kind.INDICATOR: "in",
}

# Which kinds may sit under a parent of each kind, with weights (integrity rules:
# evidence and indicators hold no claims; claims are the backbone).
CHILD_KINDS: dict[Kind, list[tuple[Kind, int]]] = {
    Kind.CLAIM: [
        (Kind.CLAIM, 34),
        (Kind.EVIDENCE, 33),
        (Kind.REBUTTAL, 18),
        (Kind.ASSUMPTION, 8),
        (Kind.INDICATOR, 7),
    ],
    Kind.EVIDENCE: [(Kind.REBUTTAL, 1)],
    Kind.REBUTTAL: [(Kind.REBUTTAL, 3), (Kind.EVIDENCE, 5), (Kind.CLAIM, 2)],
    Kind.ASSUMPTION: [(Kind.INDICATOR, 3), (Kind.EVIDENCE, 2), (Kind.REBUTTAL, 1)],
    Kind.INDICATOR: [(Kind.EVIDENCE, 1)],
}

# How many children a node of each kind gets (inclusive range).
CHILD_COUNT: dict[Kind, tuple[int, int]] = {
    Kind.CLAIM: (3, 6),
    Kind.EVIDENCE: (0, 1),
    Kind.REBUTTAL: (0, 1),
    Kind.ASSUMPTION: (0, 2),
    Kind.INDICATOR: (0, 1),
}

# Analysts' maps are wide rather than deep: bottom line, judgments, factors, evidence,
# objections and answers rarely go past ten levels.
MAX_DEPTH = 9

ACTORS = [
    "Moscow",
    "Beijing",
    "Washington",
    "the CCP leadership",
    "the Kremlin",
    "the PLA",
    "Soviet advisers",
    "Mao",
    "Khrushchev",
    "Xi Jinping",
    "Putin",
    "the Central Committee",
    "Rosneft",
    "the SCO secretariat",
    "Kazakh officials",
    "Hanoi",
    "Pyongyang",
    "the Politburo",
]
VERBS = [
    "resented",
    "depended on",
    "hedged against",
    "courted",
    "distrusted",
    "bargained over",
    "publicly endorsed",
    "quietly undermined",
    "accepted",
    "exploited",
    "competed for",
    "deferred to",
]
OBJECTS = [
    "the 1950 Treaty of Friendship",
    "nuclear technology transfers",
    "the Chinese seat at the UN",
    "border demarcation along the Ussuri",
    "energy pipelines through Siberia",
    "arms sales and licensed production",
    "leadership of the socialist camp",
    "the Central Asian republics",
    "yuan settlement of oil trade",
    "Arctic shipping routes",
    "joint naval exercises",
    "the Korean War armistice",
    "sanctions on Russian banks",
    "technology export controls",
    "the Belt and Road corridors",
    "de-Stalinization",
]
QUALIFIERS = [
    "while fearing abandonment",
    "after the 1960 withdrawal of experts",
    "despite shared hostility to the United States",
    "as trade volumes grew",
    "because domestic legitimacy was at stake",
    "in exchange for economic support",
    "under pressure from hardliners",
    "once the war in Ukraine began",
    "at the SCO summit",
    "in public statements only",
]
FILLER = [
    "The record is thin before 1956.",
    "Archival access remains uneven.",
    "This reading follows the Chinese transcripts, not the Soviet ones.",
    "Later memoirs disagree on the date.",
    "Trade data are from customs statistics and may undercount re-exports.",
    "Open-source reporting corroborates the outline but not the figures.",
    "Сотрудничество was the word used in the joint statement.",
    "The Chinese text reads 中苏友好, which the translation softens.",
]
TAGS = [
    "seed",
    "analyst",
    "military",
    "economic",
    "energy",
    "un",
    "regional",
    "domestic",
    "nuclear",
    "border",
    "arctic",
    "sanctions",
    "ideology",
]
SOURCE_KINDS = [
    "Memorandum of Conversation",
    "Working Paper",
    "Diary",
    "Customs Statistics Yearbook",
    "Joint Statement",
    "Policy Brief",
    "Oral History Interview",
    "Press Conference Transcript",
    "Intelligence Estimate",
    "Treaty Text",
]
PUBLISHERS = [
    "Cold War International History Project",
    "Harvard Kennedy School",
    "Academia Sinica",
    "Carnegie Endowment",
    "Ministry of Foreign Affairs of the PRC",
    "Kremlin press service",
    "National Archives",
    None,
]


def sentence(rng: random.Random) -> str:
    """One declarative sentence about the Sino-Soviet or China–Russia relationship."""
    words = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        words += f" {rng.choice(QUALIFIERS)}"
    return words[0].upper() + words[1:] + "."


def text(rng: random.Random) -> str:
    """Node text: mostly one or two sentences, sometimes a paragraph or several lines."""
    roll = rng.random()
    if roll < 0.45:
        return sentence(rng)
    if roll < 0.85:
        return f"{sentence(rng)} {rng.choice(FILLER)}"
    parts = [sentence(rng) for _ in range(rng.randint(3, 5))] + [rng.choice(FILLER)]
    if roll < 0.95:
        return " ".join(parts)
    return "\n".join(parts)  # multi-line text is saved as a `|` block


def _maybe(rng: random.Random, p: float, value: T) -> T | None:
    return value if rng.random() < p else None


class _Builder:
    """Grows one map node by node, breadth-first, until it has the requested size."""

    def __init__(self, size: int, rng: random.Random) -> None:
        self.size = size
        self.rng = rng
        self.nodes: dict[str, Node] = {}
        self.counter = 0
        self.sources = self._sources(max(5, size // 25))
        self.source_ids = list(self.sources)

    def _sources(self, count: int) -> dict[str, Source]:
        rng = self.rng
        out: dict[str, Source] = {}
        for i in range(1, count + 1):
            year = rng.randint(1950, 2025)
            out[f"src-{i}"] = Source(
                title=f"{rng.choice(SOURCE_KINDS)}: {sentence(rng).rstrip('.')}",
                author=_maybe(rng, 0.7, f"{rng.choice(['A.', 'B.', 'Chen', 'Olga'])} Author{i}"),
                publisher=rng.choice(PUBLISHERS),
                date=rng.choice([str(year), f"{year}-{rng.randint(1, 12):02d}", None]),
                url=_maybe(rng, 0.3, f"https://example.org/archive/{i}"),
                reliability=_maybe(rng, 0.85, rng.choice(list(Reliability))),
                note=_maybe(rng, 0.2, rng.choice(FILLER)),
            )
        return out

    def _id(self, kind: Kind) -> str:
        self.counter += 1
        return f"{ID_PREFIX[kind]}-{self.counter}"

    def _common(self) -> dict[str, object]:
        rng = self.rng
        fields: dict[str, object] = {"text": text(rng)}
        if rng.random() < 0.35:
            fields["tags"] = tuple(sorted(rng.sample(TAGS, rng.randint(1, 3))))
        if rng.random() < 0.12:
            fields["note"] = rng.choice(FILLER)
        if rng.random() < 0.08:
            fields["author"] = rng.choice(["mk", "jl", "analyst-3"])
            fields["updated"] = dt.date(2025, rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.02:
            fields["extensions"] = {"x-review": rng.choice(["pending", "done"])}
        return fields

    def node(self, kind: Kind, parent: str | None, depth: int) -> str:
        """Create one node of `kind` under `parent` with the fields its kind may carry."""
        rng = self.rng
        fields = self._common()
        if kind is Kind.CLAIM:
            if parent is None:
                fields["era"] = Era.NOW
            elif depth == 1 or rng.random() < 0.1:
                fields["era"] = rng.choice([Era.THEN, Era.NOW])
            if rng.random() < 0.4 or parent is None:
                fields["likelihood"] = rng.choice(list(Likelihood))
                fields["confidence"] = rng.choice(list(Confidence))
        elif kind is Kind.EVIDENCE:
            fields["source"] = _maybe(rng, 0.9, rng.choice(self.source_ids))
            fields["locator"] = _maybe(
                rng, 0.7, f"pp. {rng.randint(1, 400)}–{rng.randint(401, 600)}"
            )
            fields["quote"] = _maybe(rng, 0.25, sentence(rng))
            fields["credibility"] = _maybe(rng, 0.8, rng.choice(list(Credibility)))
        elif kind is Kind.REBUTTAL:
            grandparent = self.nodes[parent].parent if parent is not None else None
            if grandparent is not None and rng.random() < 0.2:
                fields["target"] = Target.INFERENCE
        elif kind is Kind.ASSUMPTION:
            fields["linchpin"] = rng.random() < 0.3
        elif kind is Kind.INDICATOR:
            fields["status"] = rng.choice(list(IndicatorStatus))
        node_id = self._id(kind)
        fields = {"kind": kind, "parent": parent, **fields}
        self.nodes[node_id] = Node.model_validate(
            {k: v for k, v in fields.items() if v is not None}
        )
        return node_id

    def grow(self) -> None:
        """Add roots and grow each breadth-first until the map has `size` nodes."""
        rng = self.rng
        roots = max(1, self.size // 150)
        queue: deque[tuple[str, int]] = deque()
        for i in range(roots):
            root = self.node(Kind.CLAIM, None, 0)
            if i < 3:
                node = self.nodes[root]
                tags = tuple(sorted({*node.tags, "bottom-line"}))
                self.nodes[root] = node.model_copy(update={"tags": tags})
            queue.append((root, 0))
        while len(self.nodes) < self.size:
            if not queue:  # every branch ended: start another bottom line
                queue.append((self.node(Kind.CLAIM, None, 0), 0))
                continue
            parent, depth = queue.popleft()
            if depth >= MAX_DEPTH:
                continue
            kind = self.nodes[parent].kind
            low, high = CHILD_COUNT[kind]
            choices, weights = zip(*CHILD_KINDS[kind], strict=True)
            for _ in range(rng.randint(low, high)):
                if len(self.nodes) >= self.size:
                    break
                child_kind = rng.choices(choices, weights)[0]
                queue.append((self.node(child_kind, parent, depth + 1), depth + 1))


def _analogies(amap: Map, rng: random.Random) -> dict[str, Analogy]:
    claims = [n for n, node in amap.nodes.items() if node.kind is Kind.CLAIM]
    then = [n for n in claims if amap.effective_era(n) is Era.THEN]
    now = [n for n in claims if amap.effective_era(n) is Era.NOW]
    out: dict[str, Analogy] = {}
    if not then or not now:
        return out
    for i in range(1, max(1, len(amap.nodes) // 30) + 1):
        likenesses = tuple(
            Likeness(text=sentence(rng), basis=rng.choice([None, *Basis]))
            for _ in range(rng.randint(1, 3))
        )
        differences = tuple(
            Difference(text=text(rng), weight=rng.choice([None, *Weight]))
            for _ in range(rng.randint(0, 3))
        )
        states = list(QuestionState)
        questions = Questions(
            differences=rng.choice(states),
            base_case=rng.choice(states),
            counter_case=rng.choice(states),
            relevance=rng.choice(states),
        )
        out[f"an-{i}"] = Analogy(
            then=rng.choice(then),
            now=rng.choice(now),
            bears=rng.choice(list(Bears)),
            likenesses=likenesses,
            differences=differences,
            questions=questions,
            tags=tuple(sorted(rng.sample(TAGS, rng.randint(0, 2)))),
            note=rng.choice([None, None, rng.choice(FILLER)]),
        )
    return out


def _links(amap: Map, rng: random.Random) -> tuple[Link, ...]:
    evidence = [n for n, node in amap.nodes.items() if node.kind is Kind.EVIDENCE]
    claims = [n for n, node in amap.nodes.items() if node.kind is Kind.CLAIM]
    links: list[Link] = []
    for _ in range(len(amap.nodes) // 60):
        start = rng.choice(evidence or claims)
        end = rng.choice(claims)
        if start != end:
            relation = rng.choice(list(Relation))
            links.append(Link.model_validate({"from": start, "to": end, "relation": relation}))
    return tuple(links)


def generate(size: int, seed: int = 1) -> Map:
    """A valid map of exactly `size` nodes, the same for the same size and seed."""
    rng = random.Random(f"{size}:{seed}")
    builder = _Builder(size, rng)
    builder.grow()
    amap = Map(
        title=f"Generated map of {size:,} nodes (seed {seed})",
        question="Do early Cold War fault lines limit China–Russia alignment in the 2020s?",
        eras=Eras(then="Early Cold War, 1949–1969", now="2020s"),
        sources=builder.sources,
        nodes=builder.nodes,
    )
    amap = amap.model_copy(update={"analogies": _analogies(amap, rng)})
    amap = amap.model_copy(update={"links": _links(amap, rng)})
    problems = integrity.problems(amap)
    if problems:  # a generator bug, not a user error
        raise AssertionError(f"generated map breaks a rule: {problems[0]}")
    return amap


def write(size: int, path: Path, seed: int = 1) -> Map:
    """Generate a map and write it as canonical YAML through the store."""
    amap = generate(size, seed)
    path.write_text(store.dumps(amap), encoding="utf-8")
    return amap


def main(argv: list[str] | None = None) -> int:
    """Command line: write one generated map (and optionally its Argdown text)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of nodes")
    parser.add_argument("-o", "--output", type=Path, required=True, help="YAML file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--argdown", type=Path, help="also write the map as Argdown text here")
    args = parser.parse_args(argv)
    amap = write(args.size, args.output, args.seed)
    if args.argdown is not None:
        from argdown import to_argdown

        args.argdown.write_text(to_argdown(amap), encoding="utf-8")
    print(
        f"{args.output}: {len(amap.nodes):,} nodes, {len(amap.sources):,} sources,"
        f" {len(amap.analogies):,} analogies, {len(amap.links):,} links"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
