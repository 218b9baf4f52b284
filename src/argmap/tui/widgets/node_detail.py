"""NodeDetail: every field of the selected node, its source, role, analogies and findings.

Everything the analyst typed goes in as plain `Text`, never as markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual, visualize

from argmap.model import Analogy, Kind, Map, Role
from argmap.summary import ROLE_TITLE, kind_title, shorten
from argmap.tradecraft import (
    CONFIDENCE,
    CREDIBILITY,
    CRITICAL_QUESTIONS,
    INDICATOR_STATUS,
    KIND_LABEL,
    LIKELIHOOD,
    QUESTION_STATE,
    RELIABILITY,
    grade,
)
from argmap.tui.findings import Item
from argmap.tui.labels import KIND_STYLE, MARK_STYLE
from argmap.tui.widgets.steady import SteadyScrollView

ROLE_PHRASE: dict[Role, str] = {
    Role.ROOT: "a root of the map",
    Role.REASON: "a reason for its parent",
    Role.OBJECTION: "an objection to its parent",
    Role.COUNTER_REBUTTAL: "a counter-rebuttal: it answers the objection above it",
    Role.UNDERCUT: "an undercut: it attacks the inference from its parent to the grandparent",
    Role.ASSUMPTION: "an assumption its parent presumes",
    Role.INDICATOR: "an indicator that would change its parent judgment",
}


class _Rows:
    """A two-column grid of field names and values; empty values are left out."""

    def __init__(self) -> None:
        self.table = Table.grid(padding=(0, 1))
        self.table.add_column(style="dim", no_wrap=True)
        self.table.add_column(overflow="fold")

    def add(self, name: str, value: str | None) -> None:
        if value:
            self.table.add_row(name, Text(value))


def _fields(amap: Map, node_id: str) -> Table:
    node = amap.nodes[node_id]
    rows = _Rows()
    era = amap.effective_era(node_id)
    if era is not None:
        lane = getattr(amap.eras, era.value)
        rows.add("era", f"{era.value} — {lane}" + ("" if node.era else " (inherited)"))
    rows.add("role", ROLE_PHRASE[amap.role(node_id)])
    if node.parent is not None and node.parent in amap.nodes:
        rows.add("parent", f"{node.parent} — {shorten(amap.nodes[node.parent].text, 60)}")
    if node.likelihood is not None:
        term = LIKELIHOOD[node.likelihood]
        rows.add("likelihood", f"{term.term} ({term.range})")
    if node.confidence is not None:
        rows.add("confidence", f"{node.confidence.value} — {CONFIDENCE[node.confidence]}")
    _source_rows(amap, node_id, rows)
    rows.add("linchpin", "yes: the argument collapses without it" if node.linchpin else None)
    if node.status is not None:
        rows.add("status", INDICATOR_STATUS[node.status])
    rows.add("tags", ", ".join(node.tags))
    rows.add("note", node.note)
    rows.add("author", node.author)
    rows.add("updated", node.updated.isoformat() if node.updated else None)
    rows.add("children", _children_summary(amap, node_id))
    for link in amap.links_of(node_id):
        if link.from_ == node_id:
            rows.add("link", f"{link.relation.value} → {link.to}")
        else:
            rows.add("link", f"{link.from_} {link.relation.value} this")
    rows.add("id", node_id)
    return rows.table


def _source_rows(amap: Map, node_id: str, rows: _Rows) -> None:
    node = amap.nodes[node_id]
    source = amap.sources.get(node.source) if node.source else None
    if node.source is not None:
        if source is None:
            rows.add("source", f"{node.source} (missing)")
        else:
            who = ", ".join(p for p in (source.author, source.date) if p)
            rows.add("source", source.title + (f" — {who}" if who else "") + f"  [{node.source}]")
            if source.reliability is not None:
                rel = source.reliability
                rows.add("reliability", f"{rel.value} — {RELIABILITY[rel]}")
    rows.add("locator", node.locator)
    rows.add("quote", node.quote)
    if node.credibility is not None:
        rows.add("credibility", f"{int(node.credibility)} — {CREDIBILITY[node.credibility]}")
    if node.kind is Kind.EVIDENCE:
        rows.add("grade", grade(source.reliability if source else None, node.credibility))


def _children_summary(amap: Map, node_id: str) -> str:
    counts = Counter(ROLE_TITLE[amap.role(c)] for c in amap.children(node_id))
    return ", ".join(f"{n} {title}{'' if n == 1 else 's'}" for title, n in counts.items())


def analogy_block(amap: Map, analogy_id: str, analogy: Analogy) -> RenderableType:
    """One analogy: its ends, likenesses, differences and critical questions."""
    lines: list[RenderableType] = []
    head = Text()
    head.append(f"⇄ {analogy_id}", style="bold blue")
    head.append(f" ({analogy.bears.value} the present-day claim)")
    lines.append(head)
    for end in ("then", "now"):
        target = getattr(analogy, end)
        text = amap.nodes[target].text if target in amap.nodes else "(missing)"
        lines.append(Text(f"  {end}: {shorten(text, 70)}  [{target}]"))
    for likeness in analogy.likenesses:
        basis = f" ({likeness.basis.value})" if likeness.basis else ""
        lines.append(Text(f"  = {likeness.text}{basis}", style="green"))
    for difference in analogy.differences:
        weight = f" [{difference.weight.value}]" if difference.weight else ""
        lines.append(Text(f"  ≠ {difference.text}{weight}", style="red"))
    for key, state in analogy.questions.items():
        line = Text(
            f"  ? {QUESTION_STATE[state]:<14}", style="bold" if state.value == "open" else ""
        )
        line.append(CRITICAL_QUESTIONS[key], style="dim")
        lines.append(line)
    if analogy.note:
        lines.append(Text(f"  note: {analogy.note}"))
    return Group(*lines)


def render_detail(amap: Map, node_id: str, findings: Sequence[Item] = ()) -> RenderableType:
    """Everything about `node_id`, as one renderable; `findings` are those about it."""
    node = amap.nodes[node_id]
    title = Text()
    title.append(KIND_LABEL[node.kind], style=KIND_STYLE[node.kind])
    kind_name = kind_title(amap, node_id)
    if kind_name != node.kind.value:
        title.append(f" · {kind_name}")
    parts: list[RenderableType] = [title, Text(node.text), Text(), _fields(amap, node_id)]
    mine = list(findings)
    if mine:
        parts.append(Text("\nFindings", style="bold"))
        for item in mine:
            parts.append(Text(f"! {item.code}: {item.message}", style=MARK_STYLE[item.severity]))
            if item.hint:
                parts.append(Text(f"  {item.hint}", style="dim"))
    analogies = amap.analogies_of(node_id)
    if analogies:
        parts.append(Text("\nAnalogies", style="bold"))
        parts.extend(analogy_block(amap, a_id, amap.analogies[a_id]) for a_id in analogies)
    return Group(*parts)


def detail_key(amap: Map, node_id: str, findings: Sequence[Item]) -> tuple[object, ...]:
    """Everything `render_detail` reads: when it is unchanged, so is the pane."""
    node = amap.nodes[node_id]
    parent = amap.nodes.get(node.parent) if node.parent else None
    analogies = [(a, amap.analogies[a]) for a in amap.analogies_of(node_id)]
    ends = [amap.nodes.get(e) for _, a in analogies for e in (a.then, a.now)]
    return (
        node_id,
        node,
        parent,
        amap.effective_era(node_id),
        amap.eras,
        tuple(amap.nodes[c] for c in amap.children(node_id)),
        amap.sources.get(node.source) if node.source else None,
        tuple(analogies),
        tuple(ends),
        tuple(amap.links_of(node_id)),
        tuple(findings),
    )


class NodeDetail(SteadyScrollView, can_focus=True):
    """The right-hand pane: what the cursor is on, in full.

    Drawn line by line from strips rendered once per node shown: moving the cursor
    repaints this pane alone. (A `Static` in a scrolling container made every cursor
    move lay the whole screen out again, half the cost of a key on a big map.) The
    screen is laid out only when the scrollbar comes or goes, i.e. between a detail
    that fits the pane and one longer than it.
    """

    DEFAULT_CSS = """
    NodeDetail {
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[object, ...] | None = None
        self._content: RenderableType = Text()
        self._strips: list[Strip] = []
        self._width = 0  # the width the strips were wrapped to
        self._fitted: Size | None = None  # the pane size they were fitted to
        self._style: object = None  # the pane's style they were drawn with

    @property
    def content(self) -> RenderableType:
        """What the pane shows, as a Rich renderable."""
        return self._content

    def show(self, amap: Map, node_id: str | None, findings: Sequence[Item] = ()) -> None:
        """Show `node_id` of `amap` with the findings about it (None: a hint on what to do)."""
        if node_id is None or node_id not in amap.nodes:
            if self._shown is not None or not self._strips:
                self._shown = None
                self._set(Text("Empty map: press c to add a claim, ? for help.", style="dim"))
            return
        # Rendering the pane costs a few milliseconds: skip it when nothing changed.
        key = detail_key(amap, node_id, findings)
        if key != self._shown:
            self._shown = key
            self._set(render_detail(amap, node_id, findings))

    def _set(self, content: RenderableType) -> None:
        self._content = content
        self._fitted = None
        self.scroll_to(0, 0, animate=False)
        self._fit()

    def _fit(self) -> None:
        """Render the content for the pane's width; lay out only if the height to scroll changed."""
        size = self.size
        if size.width <= 0 or size.height <= 0 or size == self._fitted:
            return  # not laid out yet (on_resize comes), or already fitted
        redraw = self._fitted is None  # new content
        if self._fitted is None or size.width != self._fitted.width or not self._fits(size):
            redraw = True
            width = size.width
            strips = self._render_strips(width)
            if len(strips) > size.height:  # a scrollbar takes columns: wrap narrower
                width = max(1, size.width - self.styles.scrollbar_size_vertical)
                strips = self._render_strips(width)
            self._strips = strips
            self._width = width
        self._fitted = size
        # Content that fits scrolls by nothing whatever its height: one virtual size for
        # all of it, so that showing another node or resizing the pane needs no layout.
        tall = len(self._strips) > size.height
        virtual = Size(self._width, len(self._strips) if tall else 0)
        if virtual != self.virtual_size:
            # Without a screen layout unless the scrollbar comes or goes (showing or
            # hiding it asks for one itself): the thumb is all a new height changes.
            self.set_reactive(NodeDetail.virtual_size, virtual)
            self._scroll_update(virtual)
            redraw = True
        if redraw:  # (a new height alone repaints the rows it uncovers: SteadyScrollView)
            self.refresh()

    def _fits(self, size: Size) -> bool:
        """True if the strips, as wrapped, still suit a pane of `size` (same width)."""
        had_bar = self._width != (self._fitted.width if self._fitted else -1)
        return had_bar == (len(self._strips) > size.height)

    def _render_strips(self, width: int) -> list[Strip]:
        # The same rendering a Static gives the content (so the pane looks the same).
        visual = visualize(self, self._content, markup=False)
        self._style = self.visual_style
        return Visual.to_strips(self, visual, width, None, self.visual_style)

    def notify_style_update(self) -> None:
        """The theme or CSS changed: draw the content again if the pane's colours did."""
        super().notify_style_update()
        if self._strips and self.visual_style != self._style:
            self._fitted = None
            self.call_after_refresh(self._fit)

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the content again for the new size."""
        self._fit()

    def render_line(self, y: int) -> Strip:
        """One line of the pane, scrolled."""
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._strips):
            return self._strips[index]
        return Strip.blank(self.scrollable_content_region.width, self.visual_style.rich_style)
