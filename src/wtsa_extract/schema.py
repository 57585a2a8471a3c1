"""JSON Schema of the document output (its name is SCHEMA), generated from the model's records.

The serialiser (export/json.py) writes every model field under its own name, except `loc`,
written as `source`, plus the few extras listed here; this module mirrors exactly that, so the schema
is derived from the model rather than written twice. `tests/test_schema.py` keeps docs/schema.json in
step and validates every golden output against it."""

from __future__ import annotations

import types
import typing

from wtsa_extract import SCHEMA
from wtsa_extract import model as m

RENAMED = {"loc": "source"}
OPTIONAL_DOCUMENT = "document"  # the one property not always present (export.json.document_dict)
DROPPED = {m.Block}  # readers' blocks are not output
EXTRA = {  # fields the serialiser adds beyond the record's own
    m.Coverage: {"ratio": {"type": "number", "minimum": 0}},
}


def _type(hint, defs: dict) -> dict:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is type(None):
        return {"type": "null"}
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type(a, defs) for a in args]}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs)}
    if _is_record(hint):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for {hint!r}")


def _is_record(hint) -> bool:
    return isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields")


def _define(cls, defs: dict) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls, vars(m))
    props = {RENAMED.get(f, f): _type(hints[f], defs) for f in cls._fields}
    props |= EXTRA.get(cls, {})
    if cls is m.Location:  # written with only the keys that apply
        defs[cls.__name__] = {"type": "object", "properties": {k: {"type": "integer", "minimum": 1} for k in props},
                              "additionalProperties": False, "minProperties": 1}
        return
    defs[cls.__name__] = {"type": "object", "properties": props, "required": list(props),
                          "additionalProperties": False}


def document_schema() -> dict:
    defs: dict = {}
    hints = typing.get_type_hints(m.Document, vars(m))
    props = {"schema": {"const": SCHEMA}}
    for f in m.Document._fields:
        props[f] = _type(hints[f], defs)
    required = list(props)
    props[OPTIONAL_DOCUMENT] = {"type": "string", "description": "the input path as given on the command line: in "
                                "JSON Lines records only"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:wtsa-extract:schema:{SCHEMA}",
        "title": "wtsa-extract output",
        "description": "Resolutions, sections and clauses extracted from an ITU assembly document "
                       "(docs/output.md). Generated from src/wtsa_extract/model.py by `wtsa-extract schema`.",
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def schema_json() -> str:
    import json

    return json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n"
