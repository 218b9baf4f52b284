"""The fast canonical writer gives exactly libyaml's bytes, or hands the document to libyaml."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from argmap.store import yaml_write
from argmap.store.yaml_fast import FastEmitter, Unsupported
from tests import yaml_documents

# Characters that change how YAML must quote, escape or fold a scalar.
AWKWARD = "ab -?:,[]{}#&*!|>'\"%@`.\n\t\\/=~0123456789éЖ中🙂\u00a0\ufeff\x7f\x80"
WORDS = ["yes", "no", "null", "~", "true", "1.0", "1e3", "0x1f", "2025-12-01", "=", "<<",
         "---", "...", "- a", "a: b", "a #b", ".inf", "1972", "", " ", "x" * 130]  # fmt: skip

documents = yaml_documents.documents(AWKWARD, WORDS, ["text", "note", "c-1", "x-a", "1972"])


def fast(data: dict[str, Any]) -> str:
    emitter = FastEmitter(
        yaml_write._emit, yaml_write._reads_as_text, yaml_write._FlowList, yaml_write._FlowDict
    )
    return emitter.emit(data)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_fast_writer_matches_libyaml_byte_for_byte(data: dict[str, Any]) -> None:
    try:
        written = fast(data)
    except Unsupported:
        return  # dumps() then uses libyaml for the whole document
    assert written == yaml_write._emit(data)


def test_plain_text_is_written_directly_and_awkward_text_as_libyaml_quotes_it() -> None:
    data = {
        "text": "Moscow hedged, then: no",
        "note": "a: b",
        "id": "1972",
        "tags": yaml_write._FlowList(["seed", "a,b"]),
        "body": "line one\nline two\n\n",
    }
    assert fast(data) == (
        "text: 'Moscow hedged, then: no'\n"
        "note: 'a: b'\n"
        "id: '1972'\n"
        "tags: [seed, 'a,b']\n"
        "body: |+\n  line one\n  line two\n\n...\n"
    )
    assert fast(data) == yaml_write._emit(data)
