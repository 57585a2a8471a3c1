"""CSV export: one row per clause (see docs/output.md for the columns)."""

from __future__ import annotations

import csv
import io

from wtsa_extract.model import Document

COLUMNS = ["key", "number", "status", "title_en", "title_ar", "section_kind", "verb", "label", "parent", "text",
           "bureaux", "with_bureaux", "assignee", "source"]


def rows(doc: Document):
    for r in doc.resolutions:
        for s in r.sections:
            for c in s.clauses:
                yield {
                    "key": r.key, "number": "" if r.number is None else r.number, "status": r.status or "",
                    "title_en": r.title_en or "", "title_ar": r.title_ar or "", "section_kind": s.kind, "verb": c.verb or "", "label": c.label or "",
                    "parent": c.parent or "", "text": c.text, "bureaux": ";".join(c.bureaux),
                    "with_bureaux": ";".join(c.with_bureaux), "assignee": c.assignee or "", "source": str(c.loc),
                }


def to_csv(doc: Document, excel: bool = False) -> str:
    """CSV text; `excel` adds a byte-order mark so spreadsheet programs read UTF-8 Arabic correctly."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(doc))
    return ("\ufeff" if excel else "") + out.getvalue()
