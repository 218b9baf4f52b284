"""Turn parsed data into a `Map`, or into every problem found, each in plain words.

The file format keeps custom keys (`x-...`) beside the standard ones; the model keeps
them in an `extensions` field. This module moves them across and translates
pydantic's errors into messages an analyst can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from argmap import integrity
from argmap.errors import Loc, Problem, did_you_mean
from argmap.model import (
    Analogy,
    Difference,
    Eras,
    Likeness,
    Link,
    LintConfig,
    Map,
    Node,
    Questions,
    Source,
)
from argmap.tradecraft import LIKELIHOOD

RawLookup = Callable[[Loc], str | None]
"""Gives the scalar at a path as written in the file, to quote it back in messages."""

_ID_RULE = "use letters, digits, '.', '_' or '-', starting with a letter or digit (at most 64)"


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items() if name != "extensions"]


def _plain_keys(raw: Iterable[Any]) -> bool:
    """Whether no key of `raw` is custom (`x-...`) or `extensions`: most objects of a map."""
    return all(type(key) is str and key[:2] != "x-" and key != "extensions" for key in raw)


def _split_extensions(raw: Any, loc: Loc, model: type[BaseModel], problems: list[Problem]) -> Any:
    """Move `x-` keys of one object into `extensions`; refuse a literal `extensions` key.

    An object with neither is returned as it is, not copied.
    """
    if not isinstance(raw, dict) or _plain_keys(raw):
        return raw
    out: dict[str, Any] = {}
    ext: dict[str, Any] = {}
    for key, value in raw.items():
        if key.startswith("x-"):
            ext[key] = value
        elif key == "extensions":
            problems.append(_unknown_key((*loc, key), model))
        else:
            out[key] = value
    if ext:
        out["extensions"] = ext
    return out


def _items(raw: Any) -> Iterable[tuple[str, Any]]:
    return raw.items() if isinstance(raw, dict) else ()


def to_model_input(data: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Reshape file data into the model's input, collecting key problems on the way."""
    top: dict[str, Any] = dict(_split_extensions(data, (), Map, problems))  # changed below
    for section, model in (("sources", Source), ("nodes", Node)):
        if isinstance(top.get(section), dict):
            top[section] = _split_section(top[section], section, model, problems)
    if isinstance(top.get("links"), list):
        top["links"] = [
            _split_extensions(v, ("links", i), Link, problems) for i, v in enumerate(top["links"])
        ]
    if isinstance(top.get("analogies"), dict):
        top["analogies"] = {
            k: _analogy_input(v, ("analogies", k), problems) for k, v in _items(top["analogies"])
        }
    return top


def _split_section(
    raw: dict[Any, Any], section: str, model: type[BaseModel], problems: list[Problem]
) -> dict[Any, Any]:
    """`_split_extensions` on each object of a section (`nodes`, `sources`).

    Most objects have no custom key. Which keys are custom is worked out once from the
    union of all the objects' keys (built in C, not a Python step per key); then an
    object without any of them is passed on after one set test, as `_split_extensions`
    would pass it on.
    """
    objects = raw.values()
    if not set(map(type, objects)) <= {dict}:
        return {k: _split_extensions(v, (section, k), model, problems) for k, v in raw.items()}
    custom = {key for key in set().union(*objects) if not _plain_keys((key,))}
    if not custom:
        return raw
    return {
        k: v if v.keys().isdisjoint(custom) else _split_extensions(v, (section, k), model, problems)
        for k, v in raw.items()
    }


def _analogy_input(raw: Any, loc: Loc, problems: list[Problem]) -> Any:
    out = _split_extensions(raw, loc, Analogy, problems)
    if not isinstance(out, dict):
        return out
    out = dict(out)  # changed below; `raw` itself stays as it was
    for key, model in (("likenesses", Likeness), ("differences", Difference)):
        if isinstance(out.get(key), list):
            out[key] = [
                _split_extensions(v, (*loc, key, i), model, problems)
                for i, v in enumerate(out[key])
            ]
    return out


def build_map(data: Any, raw: RawLookup | None = None) -> tuple[Map | None, list[Problem]]:
    """Validate parsed data as a map.

    Args:
        data: the parsed YAML document.
        raw: gives a scalar as written in the file (`0123`, where data holds 83).

    Returns:
        (map, []) when valid; otherwise (None, every problem found), unlocated.
    """
    if data is None:
        return None, [Problem((), "the file is empty; create a map with `argmap new PATH`")]
    if not isinstance(data, dict):
        return None, [
            Problem((), "a map must be a YAML mapping with keys argmap, title, nodes, ...")
        ]
    problems: list[Problem] = []
    if "argmap" not in data:
        # The model defaults the version for maps built in code; a file must state it.
        problems.append(Problem(("argmap",), "required key 'argmap' is missing; add `argmap: 1`"))
    model_input = to_model_input(data, problems)
    try:
        # By alias only: the file says `from` and `base-case`, never `from_` or `base_case`.
        amap = Map.model_validate(model_input, by_alias=True, by_name=False)
    except ValidationError as error:
        problems.extend(_translate(e, raw) for e in error.errors(include_url=False))
        problems.extend(_salvage_integrity(model_input))
        return None, _dedupe(problems)
    problems.extend(integrity.problems(amap))
    if problems:
        return None, problems
    return amap, []


def _salvage_integrity(model_input: dict[str, Any]) -> list[Problem]:
    """Check references among the parts that did validate, so all errors show at once.

    Links are checked here by hand: dropping invalid ones would shift their positions.
    """
    raw_nodes = model_input.get("nodes")
    raw_sources = model_input.get("sources")
    nodes = _valid_parts(raw_nodes, Node)
    sources = _valid_parts(raw_sources, Source)
    analogies = _valid_parts(model_input.get("analogies"), Analogy)
    partial = Map.model_construct(
        title="-", nodes=nodes, sources=sources, analogies=analogies, links=()
    )
    known = set(raw_nodes) if isinstance(raw_nodes, dict) else set()
    known_sources = set(raw_sources) if isinstance(raw_sources, dict) else set()
    found = [
        p
        for p in integrity.problems(partial, known_ids=known)
        if not (p.loc[-1] == "source" and _source_named(p, known_sources))
    ]
    raw_links = model_input.get("links")
    for i, raw in enumerate(raw_links if isinstance(raw_links, list) else ()):
        found.extend(_raw_refs(("links", i), raw, ("from", "to"), known))
    # Parts that failed validation still name other nodes: check those names too.
    for node_id, raw in _items(raw_nodes):
        if node_id not in nodes:
            found.extend(_raw_refs(("nodes", node_id), raw, ("parent",), known))
            found.extend(_raw_refs(("nodes", node_id), raw, ("source",), known_sources, "source"))
    for a_id, raw in _items(model_input.get("analogies")):
        if a_id not in analogies:
            found.extend(_raw_refs(("analogies", a_id), raw, ("then", "now"), known))
    return found


def _raw_refs(
    loc: Loc, raw: Any, keys: tuple[str, ...], known: set[str], noun: str = "node"
) -> list[Problem]:
    """Problems for references in unvalidated data `raw` that name nothing known."""
    out = []
    for key in keys:
        value = raw.get(key) if isinstance(raw, dict) else None
        if isinstance(value, str) and value not in known:
            out.append(Problem((*loc, key), f"no {noun} '{value}'{did_you_mean(value, known)}"))
    return out


def _source_named(problem: Problem, known_sources: set[str]) -> bool:
    match = re.match(r"no source '([^']*)'", problem.message)
    return bool(match and match.group(1) in known_sources)


def _valid_parts(raw: Any, model: type[BaseModel]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in _items(raw):
        try:
            out[key] = model.model_validate(value, by_alias=True, by_name=False)
        except ValidationError:
            continue
    return out


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Loc, str]] = set()
    out = []
    for p in problems:
        if (p.loc, p.message) not in seen:
            seen.add((p.loc, p.message))
            out.append(p)
    return out


# ---- pydantic error translation --------------------------------------------


def _model_at(loc: Loc) -> type[BaseModel]:
    """The model class that owns the last key of `loc`."""
    models: dict[str, type[BaseModel]] = {
        "sources": Source,
        "nodes": Node,
        "analogies": Analogy,
        "eras": Eras,
        "lint": LintConfig,
    }
    if not loc:
        return Map
    section = loc[0]
    if section == "links":
        return Link
    if section == "analogies" and len(loc) >= 3:
        parts: dict[str, type[BaseModel]] = {
            "likenesses": Likeness,
            "differences": Difference,
            "questions": Questions,
        }
        return parts.get(str(loc[2]), Analogy)
    if section in ("eras", "lint"):
        return models[str(section)]
    if len(loc) >= 2:
        return models.get(str(section), Map)
    return Map


def _unknown_key(loc: Loc, model: type[BaseModel]) -> Problem:
    key = str(loc[-1])
    if key.startswith("x-"):
        return Problem(
            loc,
            f"custom key '{key}' cannot go here; put custom keys on the map, a source,"
            " a node, a link, an analogy, a likeness or a difference",
        )
    hint = did_you_mean(key, _keys_of(model))
    return Problem(loc, f"unknown key '{key}'{hint}; custom keys must start with 'x-'")


def _describe(value: Any, written: str | None = None) -> str:
    """Say what `value` is; `written` is how the file spells it, if that differs."""
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    if written is not None and written != shown:
        shown = f"{written}, which YAML reads as {shown}"
    if isinstance(value, bool):
        return f"true/false ({shown})"
    if value is None:
        return "nothing (null)"
    if isinstance(value, int | float):
        return f"a number ({shown})"
    if isinstance(value, dt.date):
        return f"a date ({shown})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} ({value})"


def _translate(error: ErrorDetails, raw: RawLookup | None) -> Problem:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return Problem(loc, f"'{loc[-1]}' is not a valid id: {_ID_RULE}")
    field = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return _unknown_key(loc, _model_at(loc[:-1]))
    if kind == "missing":
        return Problem(loc, f"required key '{field}' is missing")
    if kind == "enum":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", ""))) or re.findall(
            r"(\d+)", str(ctx.get("expected", ""))
        )
        hint = _synonym(field, value) or did_you_mean(str(value), choices)
        return Problem(
            loc, f"'{value}' is not a valid {field}{hint}; use one of: {', '.join(choices)}"
        )
    if kind == "string_type":
        quoted = "; put the value in quotes" if isinstance(value, int | float | dt.date) else ""
        written = raw(loc) if raw is not None and quoted else None
        return Problem(loc, f"expected text but found {_describe(value, written)}{quoted}")
    if kind == "string_pattern_mismatch":
        return Problem(loc, _pattern_message(loc, value))
    if kind in ("string_too_short",):
        return Problem(loc, f"'{field}' must not be empty")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Problem(loc, f"expected a mapping (key: value lines) but found {_describe(value)}")
    if kind in ("list_type", "tuple_type"):
        return Problem(loc, f"expected a list but found {_describe(value)}")
    if kind in ("bool_type", "bool_parsing"):
        return Problem(loc, f"expected true or false but found {_describe(value)}")
    if kind.startswith("date"):
        return Problem(loc, f"expected a date such as 2025-12-01 but found {_describe(value)}")
    if kind.startswith("int"):
        return Problem(loc, f"expected a whole number but found {_describe(value)}")
    if kind == "value_error":
        return Problem(loc, str(ctx.get("error", error["msg"])))
    return Problem(loc, error["msg"])


def _synonym(field: str, value: Any) -> str:
    """` (did you mean 'likely'?)` for ICD 203 wordings such as `probable` or `very likely`."""
    if field != "likelihood" or not isinstance(value, str):
        return ""
    wanted = value.strip().lower().replace("-", " ")
    for code, words in LIKELIHOOD.items():
        if wanted in (words.term, words.alternative, code.value.replace("-", " ")):
            return f" (did you mean '{code.value}'?)"
    return ""


def _pattern_message(loc: Loc, value: Any) -> str:
    field = str(loc[-1]) if loc else ""
    if field in ("text", "title") or (loc and loc[0] == "eras"):
        return f"'{field}' must not be blank"
    if "tags" in loc:
        return f"tag '{value}' must be one word: no spaces, commas, brackets or '#'"
    if str(field).startswith("x-") or "extensions" in loc:
        return f"custom key '{field}' must start with 'x-'"
    return f"'{value}' is not a valid id: {_ID_RULE}"
