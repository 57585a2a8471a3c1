"""The editors' check report as data: one row per resolution, its matches and its findings."""

from __future__ import annotations

from typing import NamedTuple

from wtsa_extract.model import LEVELS, Diagnostic, Document, Match


class Row(NamedTuple):
    key: str
    number: int | None
    status: str | None
    title_ar: str | None
    title_en: str | None
    table1: Match | None
    table2: Match | None
    findings: tuple[Diagnostic, ...]


def findings_by_resolution(doc: Document) -> dict[str, list[Diagnostic]]:
    """Findings tied to one resolution, by its key (see general_findings for the others)."""
    by_key: dict[str, list[Diagnostic]] = {}
    for d in doc.diagnostics:
        if d.resolution:
            by_key.setdefault(d.resolution, []).append(d)
    return by_key


def rows(doc: Document) -> list[Row]:
    by_key = findings_by_resolution(doc)
    out = []
    for r in doc.resolutions:
        parts = {m.part: m for m in r.matches}
        out.append(Row(r.key, r.number, r.status, r.title_ar, r.title_en, parts.get("table1"), parts.get("table2"),
                       tuple(by_key.get(r.key, ()))))
    return out


def general_findings(doc: Document) -> list[Diagnostic]:
    """Findings not tied to one resolution (damaged rows, counts, entries with no resolution)."""
    return [d for d in doc.diagnostics if not d.resolution]


def fails(doc: Document, fail_on: str) -> bool:
    """True when a finding at or above `fail_on` exists."""
    return any(LEVELS[d.level] <= LEVELS[fail_on] for d in doc.diagnostics)


def as_dict(doc: Document) -> dict:
    from wtsa_extract.export.json import diagnostic_dict

    def match(m: Match | None):
        return None if m is None else {"by": m.by, "confidence": m.confidence, "source": m.loc.as_dict()}

    return {
        "schema": "wtsa-extract-check/1",
        "source": {"name": doc.source.name, "sha256": doc.source.sha256},
        "rows": [{"key": r.key, "number": r.number, "status": r.status, "title_ar": r.title_ar,
                  "title_en": r.title_en, "table1": match(r.table1), "table2": match(r.table2),
                  "findings": [diagnostic_dict(d) for d in r.findings]} for r in rows(doc)],
        "findings": [diagnostic_dict(d) for d in doc.diagnostics],
    }
