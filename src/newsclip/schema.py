"""The record's JSON Schema (draft 2020-12), generated from the model so the two cannot drift."""

from __future__ import annotations

import types
import typing
from typing import Any

from ._version import __version__
from .model import FIELDS, Article

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: One line per field, shown as the schema's ``description``.
DESCRIPTIONS: dict[str, str] = {
    "headline": "The article's title, cleaned (no site suffix, no inline markup).",
    "subheadline": "Dek, standfirst or summary line under the headline.",
    "byline": "The byline as printed, without the leading 'By' and markup.",
    "authors": "The people named in the byline, one name each.",
    "agencies": "Organisations credited in the byline (wire services, outlets).",
    "date": "Publication date-time, ISO 8601, as precise as the input.",
    "updated": "Last-updated date-time, ISO 8601, as precise as the input.",
    "dateline": "Place line that opens the body.",
    "url": "The article's source URL, repaired and without tracking parameters.",
    "site": "Host of url without 'www.'.",
    "language": "ISO 639-1 language code.",
    "body": "The article text: paragraphs joined by one blank line, boilerplate removed.",
    "captions": "Photo captions and credit lines taken out of the body.",
    "related": "'Related article' and 'Read more' promos taken out of the body.",
    "word_count": "Number of words in body.",
    "id": "Stable identifier: a hash of the normalised url, else of headline, date and body.",
    "source": "The input path ('-' for stdin); 'path#N' for the N-th article of a multi-article file.",
    "dialect": "The input dialect that was recognised.",
    "warnings": "What the parser was unsure of or repaired.",
}

#: Extra keywords for some fields, beyond what their Python type says.
EXTRA: dict[str, dict[str, Any]] = {
    "date": {"examples": ["2025-02-04", "2025-02-04T10:30:00", "2025-02-04T10:30:00+03:00"]},
    "updated": {"examples": ["2025-02-04T12:00:00Z"]},
    "url": {"format": "uri"},
    "word_count": {"minimum": 0},
}

_PROVENANCE_ENTRY: dict[str, Any] = {
    "type": "object",
    "properties": {
        "lines": {
            "description": "First and last line (1-based, inclusive) in the decoded input.",
            "type": ["array", "null"],
            "items": {"type": "integer", "minimum": 1},
            "minItems": 2,
            "maxItems": 2,
        },
        "rule": {"type": "string", "description": "The rule that chose the value."},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    },
    "required": ["lines", "rule", "confidence"],
    "additionalProperties": False,
}


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one record as written by the JSON and JSON Lines outputs."""
    hints = typing.get_type_hints(Article)
    properties: dict[str, Any] = {}
    for name in FIELDS:
        prop = {"description": DESCRIPTIONS.get(name, "")}
        prop.update(json_type(hints[name]))
        prop.update(EXTRA.get(name, {}))
        properties[name] = prop
    properties["provenance"] = {
        "description": "Where each field came from; present only when asked for (--explain).",
        "type": "object",
        "propertyNames": {"enum": list(FIELDS)},
        "additionalProperties": _PROVENANCE_ENTRY,
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "urn:newsclip:record",
        "title": "newsclip article record",
        "description": f"One article as written by newsclip {__version__}. "
        "Absent values are null (lists: empty), never an empty string.",
        "type": "object",
        "properties": properties,
        "required": list(FIELDS),
        "additionalProperties": False,
    }


def json_type(hint: Any) -> dict[str, Any]:
    """JSON Schema keywords for a model annotation: ``str | None``, ``int``, ``tuple[str, ...]``."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [json_type(a) for a in args if a is not type(None)]
        if len(members) == 1 and type(None) in args:
            schema = dict(members[0])
            schema["type"] = [schema["type"], "null"]
            return schema
        return {"anyOf": members + ([{"type": "null"}] if type(None) in args else [])}
    origin = typing.get_origin(hint)
    if origin in (tuple, list):
        item = args[0] if args else Any
        return {"type": "array", "items": json_type(item)}
    return dict(_SCALARS.get(hint, {}))


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string", "minLength": 1},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}
