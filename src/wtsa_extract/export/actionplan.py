"""Action plan (CSV): one row per operative clause, after ITU's WTSA action plan tables: what is to
be done, which Bureaux lead and which are partners, who else is assigned, and to whom it reports.
Its columns are named as the clause CSV's (export/csv.py), with `action` (the phrase and the
clause's label, or its place under the phrase) added."""

from __future__ import annotations

from wtsa_extract.export.csv import joined
from wtsa_extract.model import Document

COLUMNS = ["key", "number", "title_en", "action", "verb", "verb_ar", "addressee", "text", "lead_bureaux",
           "partner_bureaux", "acting_bureaux", "assignee", "reports_to", "source"]


def rows(doc: Document):
    for r in doc.resolutions:
        count = 0
        for s in r.sections:
            if s.kind != "operative":
                continue
            for c in s.clauses:
                count += 1
                yield {"key": r.key, "number": r.number, "title_en": r.title_en,
                       "action": f"{s.verb} {c.label}" if c.label else f"{s.verb} #{count}",
                       "verb": c.verb, "verb_ar": c.verb_ar, "addressee": s.addressee, "text": c.text,
                       "lead_bureaux": joined(c.bureaux),
                       "partner_bureaux": joined(c.with_bureaux), "acting_bureaux": joined(c.acting_bureaux),
                       "assignee": c.assignee, "reports_to": joined(c.reports_to), "source": str(c.loc)}


def to_actionplan(doc: Document, excel: bool = False) -> str:
    from wtsa_extract.export.csv import csv_text

    return csv_text(COLUMNS, rows(doc), excel)
