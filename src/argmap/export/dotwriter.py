"""DOT text written directly: the graphviz package's quoting rules without its per-call cost.

`graphviz.Digraph` checks and wraps every call (a decorator, a regex or two per
identifier, a sort of every attribute list): at 10,000 nodes that was most of the
time spent building the DOT text. `Digraph` here writes the same statements, byte
for byte, for the part of its interface argmap uses (no comments, no strict graphs,
no `graphviz.nohtml` strings: argmap escapes its labels itself).
`tests/test_export_dotwriter.py` checks quoting, attribute lists and whole graphs
against the package. Images are rendered by running `dot` itself (`render.run_dot`),
so exports never import the package at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# The rules of graphviz.quoting (0.21), copied verbatim. Note that `$` also matches
# before a final newline: "abc\n" passes as an id and "<b>\n" as an HTML-like label,
# exactly as in the package.
_HTML_STRING = re.compile(r"<.*>$", re.DOTALL)
_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
_QUOTE_WITH_OPTIONAL_BACKSLASHES = re.compile(
    r"""
    (?P<escaped_backslashes>(?:\\{2})*)
    \\?  # treat \" same as "
    (?P<literal_quote>")
    """,
    flags=re.VERBOSE,
)
_ESCAPED_QUOTE = r"\g<escaped_backslashes>\\\g<literal_quote>"

# Attribute names, most values (colours, styles, numbers) and most attribute lists
# repeat from line to line: each distinct one is quoted once. The caches start over
# when full, so a long session drawing many maps keeps them small.
_CACHE_LONGEST = 64
_CACHE_MOST = 4096
_quoted: dict[str, str] = {}
_pairs_of: dict[tuple[tuple[str, str], ...], str] = {}


def _quote(text: str) -> str:
    if _HTML_STRING.match(text):
        return text  # an HTML-like label goes in as it is
    if _ID.match(text) and text.lower() not in _KEYWORDS:
        return text
    if '"' not in text:  # nothing to escape: skip `re.sub`, slow with a template
        return f'"{text}"'
    return f'"{_QUOTE_WITH_OPTIONAL_BACKSLASHES.sub(_ESCAPED_QUOTE, text)}"'


def _html_like(text: str) -> bool:
    """`_HTML_STRING.match(text)` by its two ends, without starting the regex engine.

    `<.*>$` (dot matching newlines too) asks for a `<` first and a `>` last or
    followed only by a final newline; two different characters, so `<>` is the
    shortest. Every card label is one.
    """
    return text[:1] == "<" and (text[-1:] == ">" or text[-2:] == ">\n")


def quote(text: str) -> str:
    """`text` as a DOT id, quoted where needed, as `graphviz.quoting.quote` does it."""
    # Most ids and attribute names are plain ASCII identifiers: three string methods
    # tell them apart faster than the package's regular expressions.
    if text.isidentifier() and text.isascii() and text.lower() not in _KEYWORDS:
        return text
    if _html_like(text):
        return text  # a label, long and unique: not worth hashing for the cache
    done = _quoted.get(text)
    if done is None:
        done = _quote(text)
        if len(text) <= _CACHE_LONGEST:
            if len(_quoted) >= _CACHE_MOST:
                _quoted.clear()
            _quoted[text] = done
    return done


def quote_map_id(node_id: str) -> str:
    """`quote` of an id the model has validated (`model.ID_PATTERN`), without its regexes.

    Such an id is ASCII letters, digits, `.`, `_` and `-`, never starting with one of
    the last three: it has nothing to escape, and is written bare exactly when it is
    an identifier (not a keyword) or a numeral such as `12`, `1.` or `1.5`.
    """
    if node_id.isidentifier():
        return f'"{node_id}"' if node_id.lower() in _KEYWORDS else node_id
    whole, _, fraction = node_id.partition(".")
    if whole.isdigit() and (not fraction or fraction.isdigit()):
        return node_id
    return f'"{node_id}"'


def quote_edge(text: str) -> str:
    """An edge end `node[:port[:compass]]`, as `graphviz.quoting.quote_edge` does it."""
    if ":" not in text:  # a plain node name, as all of argmap's are
        return quote(text)
    node, _, rest = text.partition(":")
    if not rest:  # "a:" is written as "a", as the package does
        return quote(node)
    port, _, compass = rest.partition(":")
    parts = [quote(node), quote(port)]
    if compass:
        parts.append(compass)
    return ":".join(parts)


def _pairs(attrs: Mapping[str, str]) -> str:
    """`key=value ...` sorted by key; the same attributes are written once."""
    key = tuple(attrs.items())
    done = _pairs_of.get(key)
    if done is None:
        done = " ".join([f"{quote(name)}={quote(attrs[name])}" for name in sorted(attrs)])
        if len(done) <= _CACHE_LONGEST * 4:  # not a list holding a label
            if len(_pairs_of) >= _CACHE_MOST:
                _pairs_of.clear()
            _pairs_of[key] = done
    return done


def a_list(attrs: Mapping[str, str], label: str | None = None) -> str:
    """`key=value` pairs: `label` first, then `attrs` sorted by key, as the package writes them."""
    pairs = _pairs(attrs) if attrs else ""
    if label is None:
        return pairs
    return f"label={quote(label)} {pairs}" if pairs else f"label={quote(label)}"


def attr_list(attrs: Mapping[str, str], label: str | None = None) -> str:
    """` [key=value ...]`, or nothing for no attributes (`graphviz.quoting.attr_list`)."""
    if not attrs and label is None:
        return ""
    return f" [{a_list(attrs, label)}]"


def _statement(head: str, attrs: Mapping[str, str], label: str | None) -> str:
    # `attr_list` written out, so that a long label is copied once, into the line.
    if label is None:
        return f"\t{head} [{_pairs(attrs)}]\n" if attrs else f"\t{head}\n"
    if attrs:
        return f"\t{head} [label={quote(label)} {_pairs(attrs)}]\n"
    return f"\t{head} [label={quote(label)}]\n"


class Digraph:
    """A directed graph or subgraph as DOT statements, in the order they were added.

    `subgraph` adds a reference, not a copy: add a subgraph once it is complete
    (the package copies its lines at that moment; argmap only adds finished ones).
    """

    # A plain class rather than a dataclass: creating one costs a millisecond of
    # import time, and `-f dot` is a short-lived process.
    def __init__(
        self,
        name: str = "",
        graph_attr: Mapping[str, str] | None = None,
        node_attr: Mapping[str, str] | None = None,
        edge_attr: Mapping[str, str] | None = None,
    ) -> None:
        """A graph called `name` (none if empty) with these default attributes."""
        self.name = name
        self.graph_attr = dict(graph_attr or {})
        self.node_attr = dict(node_attr or {})
        self.edge_attr = dict(edge_attr or {})
        self.body: list[str | Digraph] = []

    def node(self, name: str, **attrs: str) -> None:
        """Add a node statement."""
        # `graphviz.Digraph.node(name, **attrs)` binds a "label" key to its `label`
        # parameter, which the package writes before the sorted attributes.
        label = attrs.pop("label", None)
        self.body.append(_statement(quote(name), attrs, label))

    def card(self, name: str, label: str, pairs: str) -> None:
        """Add `node(name, label=label, **attrs)`, its other attributes already written.

        `pairs` is `a_list(attrs)`: thousands of cards differ only in their label
        and tooltip, and writing those two directly saves building and sorting a
        dict for each card.
        """
        if pairs:
            self.body.append(f"\t{quote(name)} [label={quote(label)} {pairs}]\n")
        else:
            self.body.append(f"\t{quote(name)} [label={quote(label)}]\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        """Add an edge statement `tail -> head` (a "label" goes first, as for nodes)."""
        label = attrs.pop("label", None)
        self.body.append(_statement(f"{quote_edge(tail)} -> {quote_edge(head)}", attrs, label))

    def shared_edge(self, tail: str, head: str, attrs: Mapping[str, str]) -> None:
        """`edge(tail, head, **attrs)` without copying `attrs`, which many edges share."""
        if "label" in attrs:
            self.edge(tail, head, **attrs)
            return
        self.body.append(_statement(f"{quote_edge(tail)} -> {quote_edge(head)}", attrs, None))

    def attr(self, kind: str, **attrs: str) -> None:
        """Add a `graph`, `node` or `edge` default statement (attributes sorted, label too)."""
        if attrs:
            self.body.append(_statement(kind, attrs, None))

    def subgraph(self, graph: Digraph) -> None:
        """Add `graph` as a subgraph, indented one tab deeper than this graph's statements."""
        self.body.append(graph)

    @property
    def source(self) -> str:
        """The DOT text, ending in a newline."""
        out: list[str] = []
        self._write(out, "", f"digraph {self._head()}{{\n")
        return "".join(out)

    def _head(self) -> str:
        return f"{quote(self.name)} " if self.name else ""

    def _write(self, out: list[str], indent: str, head: str) -> None:
        # Pieces, not concatenated lines: the final join copies each label once.
        out += (indent, head)
        for kind, attrs in (
            ("graph", self.graph_attr),
            ("node", self.node_attr),
            ("edge", self.edge_attr),
        ):
            if attrs:
                out += (indent, f"\t{kind}{attr_list(attrs)}\n")
        inner = indent + "\t"
        for item in self.body:
            if isinstance(item, str):
                out += (indent, item)
            else:
                item._write(out, inner, f"subgraph {item._head()}{{\n" if item.name else "{\n")
        out += (indent, "}\n")
