"""The JSON Schema of map format v1, derived from the model and shaped like the file.

The model keeps custom `x-` keys in an `extensions` field; in the file they sit
beside the standard keys, so the schema says `patternProperties: {"^x-": {}}`.
"""

from __future__ import annotations

from typing import Any

from argmap.model import Map

SCHEMA_ID = "https://argmap.invalid/schema/map-v1.json"


def _file_shaped(obj: dict[str, Any]) -> None:
    props = obj.get("properties")
    if isinstance(props, dict) and "extensions" in props:
        del props["extensions"]
        obj["patternProperties"] = {"^x-": {}}
        obj["additionalProperties"] = False


def map_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a map file."""
    schema = Map.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "argmap map, format v1"
    # The model defaults the version for maps built in code; a file must state it.
    schema["required"] = ["argmap", *schema.get("required", [])]
    _file_shaped(schema)
    defs: dict[str, Any] = schema.get("$defs", {})
    for definition in defs.values():
        _file_shaped(definition)
    analogy = defs.get("Analogy", {}).get("properties", {})
    for key, ref in (("likenesses", "Likeness"), ("differences", "Difference")):
        if key in analogy:
            analogy[key] = {
                "type": "array",
                "items": {
                    "anyOf": [{"type": "string", "minLength": 1}, {"$ref": f"#/$defs/{ref}"}]
                },
            }
    source_date = defs.get("Source", {}).get("properties", {}).get("date")
    if source_date is not None:
        source_date["anyOf"] = [{"type": "string"}, {"type": "integer"}, {"type": "null"}]
    return schema
