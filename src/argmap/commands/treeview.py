"""A tree for `argmap show`: rich's Tree look (guides, wrapped labels), in linear time.

rich's `Tree` re-renders every ancestor's guide for every line and wraps each label
through the full `Text` machinery: about 1 ms a node, 10 s for a 10,000-node map.
This prints the same guides and word-wrapped, styled labels with one pass over
plain strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

GUIDES = ("    ", "│   ", "├── ", "└── ")
ASCII_GUIDES = ("    ", "|   ", "+-- ", "`-- ")
SPACE, CONTINUE, FORK, END = range(4)
MIN_WIDTH = 1  # a column for text even under the deepest guides

Span = tuple[str, str]  # (text, style)
_TOKENS = re.compile(r"\n| +|[^ \n]+")


@dataclass(frozen=True)
class Item:
    """One node of the tree, in depth-first order.

    Attributes:
        depth: 1 for the nodes right under the top label.
        last: whether it is the last of its siblings.
        spans: its label as (text, style) pieces.
    """

    depth: int
    last: bool
    spans: Sequence[Span]


def wrap(spans: Sequence[Span], width: int) -> list[list[Span]]:
    """Word-wrap styled text to `width` cells; newlines break; long words are folded."""
    lines: list[list[Span]] = [[]]
    used = 0
    space: Span | None = None
    for text, style in spans:
        for token in _TOKENS.findall(strip_control_codes(text.replace("\t", " "))):
            if token == "\n":
                lines.append([])
                used, space = 0, None
            elif token[0] == " ":
                space = (token, style) if used else None
            else:
                size = len(token) if token.isascii() else cell_len(token)
                gap = len(space[0]) if space else 0
                if used + gap + size <= width:
                    if space:
                        lines[-1].append(space)
                    lines[-1].append((token, style))
                    used += gap + size
                    space = None
                    continue
                if used:
                    lines.append([])
                space = None
                pieces = chop_cells(token, width) if size > width else [token]
                for piece in pieces[:-1]:
                    lines[-1].append((piece, style))
                    lines.append([])
                lines[-1].append((pieces[-1], style))
                used = cell_len(pieces[-1])
    return lines


def _merged(line: list[Span]) -> Iterator[tuple[str, str]]:
    """Adjacent pieces of one style as one piece: fewer segments to print."""
    text, style = "", None
    for piece, piece_style in line:
        if piece_style == style:
            text += piece
            continue
        if text and style is not None:
            yield text, style
        text, style = piece, piece_style
    if text and style is not None:
        yield text, style


class TreeView:
    """A top label and nodes below it with guide lines, printable by a rich Console."""

    def __init__(self, top: Text, items: Sequence[Item], guide_style: str = "dim") -> None:
        """Build the view.

        Args:
            top: the label above the tree.
            items: the nodes, depth-first.
            guide_style: the style of the guide lines.
        """
        self.top = top
        self.items = items
        self.guide_style = guide_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Yield the top label, then each node's lines with their guides."""
        guides = ASCII_GUIDES if options.ascii_only else GUIDES
        styles: dict[str, Style] = {}

        def style_of(name: str) -> Style:
            if name not in styles:
                styles[name] = console.get_style(name, default="")
            return styles[name]

        guide = style_of(self.guide_style)
        new_line = Segment.line()
        yield self.top
        open_levels: list[bool] = []  # per ancestor level: does a later sibling follow?
        for item in self.items:
            del open_levels[item.depth - 1 :]
            head = "".join(guides[CONTINUE if more else SPACE] for more in open_levels)
            first = head + guides[END if item.last else FORK]
            rest = head + guides[SPACE if item.last else CONTINUE]
            open_levels.append(not item.last)
            width = max(options.max_width - cell_len(first), MIN_WIDTH)
            for number, line in enumerate(wrap(item.spans, width)):
                yield Segment(rest if number else first, guide)
                for text, name in _merged(line):
                    yield Segment(text, style_of(name))
                yield new_line
