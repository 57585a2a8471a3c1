"""CSV export: one row per clause (see docs/output.md for the columns). The JSON's `bureaux` and
`with_bureaux` are the `lead_bureaux` and `partner_bureaux` columns here; `acting_bureaux` is both."""

from __future__ import annotations

import csv
import io

from wtsa_extract.model import Document

COLUMNS = ["key", "number", "status", "title_en", "title_ar", "section_kind", "addressee", "verb", "verb_ar",
           "label", "parent", "text", "lead_bureaux", "partner_bureaux", "acting_bureaux", "assignee", "reports_to",
           "source"]
DOCUMENT = "document"  # the first column of a batch's combined CSV: the input path as given
SEPARATOR = ";"  # between the names in one cell


def joined(names) -> str | None:
    """Names in one cell; None (an empty cell, as null in the JSON) when there are none."""
    return SEPARATOR.join(names) or None


def rows(doc: Document):
    """The clause rows as dicts; None where the JSON has null (an empty cell)."""
    for r in doc.resolutions:
        for s in r.sections:
            for c in s.clauses:
                yield {
                    "key": r.key, "number": r.number, "status": r.status, "title_en": r.title_en,
                    "title_ar": r.title_ar, "section_kind": s.kind, "addressee": s.addressee, "verb": c.verb,
                    "verb_ar": c.verb_ar,
                    "label": c.label, "parent": c.parent, "text": c.text, "lead_bureaux": joined(c.bureaux),
                    "partner_bureaux": joined(c.with_bureaux), "acting_bureaux": joined(c.acting_bureaux),
                    "assignee": c.assignee, "reports_to": joined(c.reports_to), "source": str(c.loc),
                }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell a spreadsheet would run as a formula (=, +, -, @, TAB, CR first) gets a leading quote."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_text(columns: list[str], records, excel: bool = False, header: bool = True) -> str:
    """CSV text of dict rows. `excel` is for spreadsheet programs: a byte-order mark so UTF-8 Arabic
    reads correctly, and formula injection neutralised (see `neutralise`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for row in records:
        writer.writerow({k: neutralise(v) for k, v in row.items()} if excel else row)
    return ("\ufeff" if excel and header else "") + out.getvalue()


def to_csv(doc: Document, excel: bool = False, header: bool = True, document: str | None = None) -> str:
    """One row per clause (see csv_text for `excel`); with `document`, a first column naming it."""
    if document is None:
        return csv_text(COLUMNS, rows(doc), excel, header)
    return csv_text([DOCUMENT, *COLUMNS], ({DOCUMENT: document, **row} for row in rows(doc)), excel, header)
