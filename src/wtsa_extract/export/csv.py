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


def to_csv(doc: Document, excel: bool = False, header: bool = True) -> str:
    """One row per clause (see csv_text for `excel`)."""
    return csv_text(COLUMNS, rows(doc), excel, header)
