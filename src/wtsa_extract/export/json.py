"""JSON export: the versioned document schema (see docs/output.md)."""

from __future__ import annotations

import sys

from wtsa_extract import SCHEMA
from wtsa_extract.model import Clause, Diagnostic, Document, Location, Resolution, Section


def _loc(loc: Location | None) -> dict | None:
    return loc.as_dict() if loc is not None else None


def clause_dict(c: Clause) -> dict:
    return {"label": c.label, "parent": c.parent, "text": c.text, "verb": c.verb, "verb_ar": c.verb_ar,
            "bureaux": list(c.bureaux), "with_bureaux": list(c.with_bureaux), "assignee": c.assignee,
            "reports_to": list(c.reports_to), "source": _loc(c.loc)}


def section_dict(s: Section) -> dict:
    return {"verb": s.verb, "kind": s.kind, "heading": s.heading, "addressee": s.addressee,
            "bureaux": list(s.bureaux), "with_bureaux": list(s.with_bureaux), "assignee": s.assignee,
            "source": _loc(s.loc), "clauses": [clause_dict(c) for c in s.clauses]}


def resolution_dict(r: Resolution) -> dict:
    e = r.edition
    return {"key": r.key, "number": r.number, "designation": r.designation, "header": r.header,
            "edition": None if e is None else {"assembly": e.assembly, "place": e.place, "year": e.year,
                                               "revised": e.revised}, "status": r.status, "title_en": r.title_en, "title_ar": r.title_ar,
            "summary_ar": r.summary_ar, "footnotes": [{"id": f.id, "text": f.text} for f in r.footnotes],
            "intro": list(r.intro), "source": _loc(r.loc), "status_source": r.status_source,
            "matches": [{"part": m.part, "by": m.by, "confidence": m.confidence, "source": _loc(m.loc)}
                        for m in r.matches],
            "sections": [section_dict(s) for s in r.sections]}


def diagnostic_dict(d: Diagnostic) -> dict:
    return {"level": d.level, "code": d.code, "message": d.message, "resolution": d.resolution, "source": _loc(d.loc)}


def document_dict(doc: Document, document: str | None = None) -> dict:
    """The JSON of a document; `document` (the input path, in a batch's JSON Lines) names its file."""
    s = doc.source
    return {
        "schema": SCHEMA,
        **({} if document is None else {"document": document}),
        "language": doc.language,
        "source": {"name": s.name, "format": s.format, "encoding": s.encoding, "sha256": s.sha256, "size": s.size},
        "resolutions": [resolution_dict(r) for r in doc.resolutions],
        "diagnostics": [diagnostic_dict(d) for d in doc.diagnostics],
        "coverage": None if doc.coverage is None else {
            "characters": doc.coverage.characters, "in_model": doc.coverage.in_model,
            "in_diagnostics": doc.coverage.in_diagnostics, "ratio": doc.coverage.ratio},
    }


ORJSON_FROM = 1 << 20  # input bytes from which importing orjson for one document pays for itself


def dumps(value, indent: bool = True, large: bool = False) -> str:
    """JSON text with UTF-8 characters as they are, the same with either writer (tested): orjson
    (five times faster, but ~12 ms to import) once it is loaded (batches load it) or for a large
    document; the standard library's json for one small document, where the import would cost
    more than it saves."""
    if large or "orjson" in sys.modules:
        import orjson

        return orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0).decode("utf-8")
    import json

    return json.dumps(value, ensure_ascii=False, indent=2 if indent else None,
                      separators=(",", ": ") if indent else (",", ":"))


def needs_orjson(doc: Document) -> bool:
    """Large input (orjson's import pays), or a float the two writers would spell differently (below
    1e-4, 1e16 and above, or not finite: '1e-05' against '1e-5'). The model's floats are the
    coverage ratio and the match confidences; both are normally between 0.4 and 1."""
    floats = [m.confidence for r in doc.resolutions for m in r.matches]
    if doc.coverage is not None:
        floats.append(doc.coverage.ratio)
    return doc.source.size >= ORJSON_FROM or not all(x == 0 or 1e-4 <= abs(x) < 1e16 for x in floats)


def to_json(doc: Document) -> str:
    """Indented JSON (schema in docs/output.md)."""
    return dumps(document_dict(doc), large=needs_orjson(doc)) + "\n"


def to_json_line(doc: Document, document: str | None = None) -> str:
    """One line of JSON Lines (with `document`: the input path, as a batch's combined file has it)."""
    return dumps(document_dict(doc, document), indent=False, large=needs_orjson(doc)) + "\n"
