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


def with_check_findings(doc: Document) -> Document:
    """The document with the findings only `check` makes: `no-arabic` (a warning) when it has no
    Arabic overview to compare with its English annex, `no-english` when it is an Arabic version
    alone; either way nothing was compared, which `check` must not call agreement."""
    if doc.language == "en+ar":
        return doc
    if doc.language == "ar":
        finding = Diagnostic("warning", "no-english", f"{doc.source.name} is an Arabic version with no English "
                             "part: nothing to compare (give the English version as a second input)")
    else:
        finding = Diagnostic("warning", "no-arabic", f"{doc.source.name} has no Arabic overview (Table 1 or "
                             "Table 2): nothing to compare (give an Arabic version as a second input)")
    return doc._replace(diagnostics=(finding, *doc.diagnostics))


def general_findings(doc: Document) -> list[Diagnostic]:
    """Findings not tied to one resolution (damaged rows, counts, entries with no resolution)."""
    return [d for d in doc.diagnostics if not d.resolution]


def fails(doc: Document, fail_on: str) -> bool:
    """True when a finding at or above `fail_on` exists."""
    return fails_on(doc.diagnostics, fail_on)


def fails_on(findings, fail_on: str) -> bool:
    return any(LEVELS[d.level] <= LEVELS[fail_on] for d in findings)


def versions_dict(english: Document, arabic: Document, pairs) -> dict:
    """`wtsa-extract-check/2`: the check report of two versions, with the clause pairs of each
    resolution (docs/output.md)."""
    from wtsa_extract.export.json import diagnostic_dict

    def side(s):
        if s is None:
            return None
        c = s.clause
        return {"label": c.label, "verb": c.verb, "verb_ar": c.verb_ar, "text": c.text, "bureaux": list(c.bureaux),
                "with_bureaux": list(c.with_bureaux), "assignee": c.assignee, "source": c.loc.as_dict()}

    def source(doc: Document) -> dict:
        return {"name": doc.source.name, "sha256": doc.source.sha256, "language": doc.language}

    rows = []
    for p in pairs:
        en, ar = p.english, p.arabic
        rows.append({"key": p.key, "number": (en or ar).number, "english_key": en.key if en else None,
                     "arabic_key": ar.key if ar else None, "title_en": en.title_en if en else None,
                     "title_ar": ar.title_ar if ar else None,
                     "pairs": [{"english": side(c.english), "arabic": side(c.arabic), "findings": list(c.findings)}
                               for c in p.pairs],
                     "findings": [diagnostic_dict(d) for d in p.findings]})
    return {"schema": "wtsa-extract-check/2", "english": source(english), "arabic": source(arabic), "rows": rows,
            "findings": [diagnostic_dict(d) for p in pairs for d in p.findings]}


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
