"""Reading a node's wording: hedges, estimative terms, confidence phrases and years.

Each scanner aims at findings that are true: a month named May, the noun "might",
"could" as the past of "can", and words inside quotation marks are not hedges.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from argmap.model import Likelihood
from argmap.tradecraft import HEDGE_WORDS, LIKELIHOOD

# Straight and curly double quotes: quoted words are the source's, not the analyst's.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
_WORD = re.compile(r"[A-Za-z’']+")

_HEDGE = re.compile(r"\b(" + "|".join(map(re.escape, HEDGE_WORDS)) + r")\b", re.IGNORECASE)
# After the noun "might" (military might) comes a pause, a conjunction or a verb, never
# the bare verb that follows the modal.


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AFTER_NOUN_MIGHT = _words(
    "and or of in is was were are has had that which to for with on at by will would but nor than"
)
_NEGATIONS = _words("not never hardly barely scarcely cannot")


def unquoted(text: str) -> str:
    """`text` with quoted passages blanked out (positions kept)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def sentences(text: str) -> list[str]:
    """Split text into sentences at `.`, `;`, `!` and `?` followed by a space."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _next_word(text: str, end: int) -> str | None:
    """The word right after position `end`, or None if punctuation or the end comes first."""
    rest = text[end:]
    match = re.match(r"\s+([A-Za-z’']+)", rest)
    return match.group(1).lower() if match else None


def _previous_words(text: str, start: int, count: int) -> list[str]:
    """Up to `count` words before `start`, within the same clause."""
    clause = re.split(r"[.,;:!?()]", text[:start])[-1]
    return [w.lower() for w in _WORD.findall(clause)][-count:]


def hedges(text: str, *, past: bool = False) -> list[str]:
    """Hedge words (ICD 203 std 2) in `text`, each once, in order of appearance.

    Args:
        text: the node's text.
        past: the text narrates the historical case, where "could" is the past of "can".

    Returns:
        The hedges as written in lower case, e.g. `["may", "possibly"]`.
    """
    plain = unquoted(text)
    found: list[str] = []
    for match in _HEDGE.finditer(plain):
        word = match.group(0)
        lower = word.lower()
        nxt = _next_word(plain, match.end())
        if lower == "may" and (word != "may" or (nxt is None and _digit_follows(plain, match))):
            continue  # "May" is the month (or a name); the modal is written in lower case
        if lower == "might" and (nxt is None or nxt in _AFTER_NOUN_MIGHT):
            continue  # the noun: "military might"
        if lower == "could" and (past or nxt in _NEGATIONS or _contracted(plain, match)):
            continue  # ability ("could not"), or the past of "can" in a historical claim
        if lower == "possibly" and set(_previous_words(plain, match.start(), 2)) & (
            _NEGATIONS | {"couldn't", "couldn’t", "can't", "can’t"}
        ):
            continue  # "could not possibly" is emphasis, not a hedge
        if lower not in found:
            found.append(lower)
    return found


def _digit_follows(text: str, match: re.Match[str]) -> bool:
    return bool(re.match(r"\s*\d", text[match.end() :]))


def _contracted(text: str, match: re.Match[str]) -> bool:
    return text[match.end() : match.end() + 3] in ("n't", "n’t")


# ---- estimative terms ------------------------------------------------------------

ROW_ONE = 1
ROW_TWO = 2


class Term(NamedTuple):
    """An estimative phrase found in text."""

    phrase: str
    likelihood: Likelihood
    row: int


def _term_table() -> list[tuple[str, Likelihood, int]]:
    table: list[tuple[str, Likelihood, int]] = []
    for likelihood, term in LIKELIHOOD.items():
        table.append((term.term, likelihood, ROW_ONE))
        if term.alternative != "remote":
            table.append((term.alternative, likelihood, ROW_TWO))
    # Adverbs and set phrases of the same terms.
    table += [
        ("almost certainly", Likelihood.ALMOST_CERTAIN, ROW_ONE),
        ("nearly certainly", Likelihood.ALMOST_CERTAIN, ROW_TWO),
        ("highly probably", Likelihood.VERY_LIKELY, ROW_TWO),
        ("probably", Likelihood.LIKELY, ROW_TWO),
        ("remote chance", Likelihood.ALMOST_NO_CHANCE, ROW_TWO),
        ("remote possibility", Likelihood.ALMOST_NO_CHANCE, ROW_TWO),
        ("remote prospect", Likelihood.ALMOST_NO_CHANCE, ROW_TWO),
    ]
    return sorted(table, key=lambda row: -len(row[0]))


_TERMS = _term_table()
_TERM_RE = re.compile(
    r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _, _ in _TERMS) + r")\b",
    re.IGNORECASE,
)
_TERM_OF = {p: (lk, row) for p, lk, row in _TERMS}
# Every phrase starts with one of these words. Most texts contain none, and looking
# for a dozen substrings is far cheaper than running the alternation above (a third
# of `argmap lint` on 10,000 nodes). The text is folded at least as far as the
# regex's IGNORECASE folds: casefold, plus dotless ı and dotted İ (casefold: i + U+0307).
_FIRST_WORDS = tuple(dict.fromkeys(p.split()[0] for p, _, _ in _TERMS))
_FOLD_TO_ASCII_I = str.maketrans({"ı": "i", "\u0307": None})


def _fold(text: str) -> str:
    return text.casefold().translate(_FOLD_TO_ASCII_I)


def terms(text: str) -> list[Term]:
    """ICD 203 likelihood phrases in `text` (outside quotes), longest match first."""
    out: list[Term] = []
    folded = _fold(text)
    if not any(word in folded for word in _FIRST_WORDS):
        return out
    for match in _TERM_RE.finditer(unquoted(text)):
        # Folded the same way: "unlıkely" matches the regex and is the term "unlikely".
        phrase = " ".join(_fold(match.group(0)).split())
        likelihood, row = _TERM_OF[phrase]
        out.append(Term(phrase, likelihood, row))
    return out


_CONFIDENCE_RE = re.compile(
    r"\b(?:(?:low|moderate|medium|high|higher|lower)[-\s]+confidence"
    r"|(?:we|i)\s+(?:are|am)\s+(?:\w+\s+)?confident|confidently)\b",
    re.IGNORECASE,
)


def confidence_phrase(text: str) -> str | None:
    """A stated confidence level in `text` (outside quotes), e.g. `high confidence`."""
    match = _CONFIDENCE_RE.search(unquoted(text))
    return " ".join(match.group(0).lower().split()) if match else None


_CERTAINTY_RE = re.compile(
    r"\b(?:certainly|definitely|inevitabl[ey]|undoubtedly|surely|for certain|for sure"
    r"|without (?:a |any )?doubt|no doubt|beyond (?:any )?doubt|guaranteed)\b",
    re.IGNORECASE,
)


def certainty_words(text: str) -> list[str]:
    """Words claiming certainty; "almost certainly" and "nearly certain" are ICD terms."""
    plain = unquoted(text)
    out: list[str] = []
    for match in _CERTAINTY_RE.finditer(plain):
        if set(_previous_words(plain, match.start(), 1)) & {"almost", "nearly", "not"}:
            continue
        word = " ".join(match.group(0).lower().split())
        if word not in out:
            out.append(word)
    return out


# ---- years ---------------------------------------------------------------------


class YearSpan(NamedTuple):
    """Years from `low` to `high` inclusive, as written in `text`."""

    low: int
    high: int
    text: str

    def overlaps(self, other: YearSpan) -> bool:
        """Whether the two spans share a year."""
        return self.low <= other.high and other.low <= self.high


_YEAR = r"(1[5-9]\d\d|20\d\d)"
_SPAN_RE = re.compile(
    rf"(?<![\d.,/$£€#§])(?:{_YEAR}(s)?(?:\s*[–—-]\s*(\d{{4}}|\d{{2}})(s)?\b)?)(?!\d|,\d|\.\d|%)"
)
# Numbers after these words are labels, not years: "Resolution 1718", "pp. 1561".
_NOT_YEAR_BEFORE = _words(
    "resolution resolutions no no. number nos p p. pp pp. page pages article art art. "
    "section chapter vol vol. volume flight route highway"
)
_NOT_YEAR_AFTER = _words(
    "km kilometres kilometers miles troops soldiers men people tons tonnes barrels bpd "
    "dollars yuan rubles roubles aircraft tanks ships units"
)
_OPEN_END = re.compile(r"[–—-]\s*(?:present|today|now)\b|^\s*since\b", re.IGNORECASE)


def years(text: str) -> list[YearSpan]:
    """Years, decades and year ranges mentioned in `text`, e.g. 1955, 1960s, 1958–62."""
    return [span for span, _ in _year_hits(text)]


# Several rules read the years of the same claim; the scan is the costly part of
# the time rules (its regex looks behind at every digit). Texts are immutable keys.
@functools.lru_cache(maxsize=4096)
def _year_hits(text: str) -> tuple[tuple[YearSpan, int], ...]:
    """Each year mention with the position where it starts."""
    out: list[tuple[YearSpan, int]] = []
    for match in _SPAN_RE.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        if before and before[-1].lower() in _NOT_YEAR_BEFORE:
            continue
        if _next_word(text, match.end()) in _NOT_YEAR_AFTER:
            continue
        out.append((_span(match), match.start()))
    return tuple(out)


def _span(match: re.Match[str]) -> YearSpan:
    first, decade, second, second_decade = match.groups()
    low = int(first)
    high = low + 9 if decade else low
    if second is not None:
        end = int(second) if len(second) == 4 else (low // 100) * 100 + int(second)
        if end >= low:
            high = end + 9 if second_decade else end
    return YearSpan(low, high, match.group(0))


def denied_years(text: str) -> list[YearSpan]:
    """Years the text denies: `in 1972, not in 1971`, `rather than 1971`, `never in 1960`."""
    out: list[YearSpan] = []
    for span, start in _year_hits(text):
        before = _previous_words(text, start, 3)
        pairs = set(itertools.pairwise(before))
        if {"not", "never"} & set(before) or {("rather", "than"), ("instead", "of")} & pairs:
            out.append(span)
    return out


def era_range(label: str) -> YearSpan | None:
    """The years an era label covers: `Early Cold War, 1949–1969`, `2020s`, `since 2014`."""
    spans = years(label)
    if not spans:
        return None
    low = min(s.low for s in spans)
    high = max(s.high for s in spans)
    if _OPEN_END.search(label):
        high = 9999
    return YearSpan(low, high, label)
