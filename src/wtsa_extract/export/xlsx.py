"""Excel workbook (XlsxWriter): the sheets analysts open — clauses, resolutions, the action plan and
the findings — each with its header frozen, an autofilter, column widths fitted to the data (within
bounds) and every cell whose text starts in a right-to-left script (Arabic) set right to left. Every string is written as a string, never as a formula,
so a cell starting with '=' cannot run (formula injection)."""

from __future__ import annotations

import io
import unicodedata

from wtsa_extract.export import actionplan, csv
from wtsa_extract.model import Document

MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths, in characters
RESOLUTION_COLUMNS = ["key", "number", "designation", "status", "title_en", "title_ar", "assembly", "year",
                      "clauses", "acting_bureaux", "summary_ar", "source"]
FINDING_COLUMNS = ["level", "code", "message", "resolution", "source"]


def right_to_left(text: str) -> bool:
    """Whether text reads right to left: its first strongly directional character is (Unicode bidi
    class R or AL), as a bidi-aware viewer decides a paragraph's direction."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def resolution_rows(doc: Document):
    for r in doc.resolutions:
        clauses = [c for s in r.sections for c in s.clauses]
        acting = dict.fromkeys(b for c in clauses for b in c.acting_bureaux)
        yield {"key": r.key, "number": r.number, "designation": r.designation, "status": r.status,
               "title_en": r.title_en, "title_ar": r.title_ar, "assembly": r.edition.assembly if r.edition else None,
               "year": r.edition.year if r.edition else None, "clauses": len(clauses),
               "acting_bureaux": csv.joined(acting), "summary_ar": r.summary_ar, "source": str(r.loc)}


def finding_rows(doc: Document):
    for d in doc.diagnostics:
        yield {"level": d.level, "code": d.code, "message": d.message, "resolution": d.resolution,
               "source": "" if d.loc is None else str(d.loc)}


def to_xlsx(doc: Document) -> bytes:
    """The workbook's bytes."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    formats = {"header": book.add_format({"bold": True, "bottom": 1}),
               "arabic": book.add_format({"reading_order": 2, "align": "right", "text_wrap": False})}
    for name, columns, rows in (("clauses", csv.COLUMNS, csv.rows(doc)),
                                ("resolutions", RESOLUTION_COLUMNS, resolution_rows(doc)),
                                ("action plan", actionplan.COLUMNS, actionplan.rows(doc)),
                                ("findings", FINDING_COLUMNS, finding_rows(doc))):
        _sheet(book, formats, name, columns, list(rows))
    book.close()
    return out.getvalue()


def _sheet(book, formats, name: str, columns: list[str], rows: list[dict]) -> None:
    sheet = book.add_worksheet(name)
    widths = [len(c) for c in columns]
    for j, column in enumerate(columns):
        sheet.write_string(0, j, column, formats["header"])
    for i, row in enumerate(rows, start=1):
        for j, column in enumerate(columns):
            value = row.get(column)
            if value is None or value == "":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                value = str(value)
                sheet.write_string(i, j, value, formats["arabic"] if right_to_left(value) else None)
            else:
                sheet.write_number(i, j, value)
            widths[j] = max(widths[j], len(str(value)))
    for j in range(len(columns)):
        sheet.set_column(j, j, max(MIN_WIDTH, min(MAX_WIDTH, widths[j] + 2)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(1, len(rows)), len(columns) - 1)
