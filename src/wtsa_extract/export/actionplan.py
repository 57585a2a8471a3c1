"""Action plan (CSV): one row per operative clause, after ITU's WTSA action plan tables: what is to
be done, who is responsible, who cooperates, and to whom it reports."""

from __future__ import annotations

import json
import re
from functools import cache

from wtsa_extract.model import Clause, Document
from wtsa_extract.normalize import fold
from wtsa_extract.vocabulary import DATA, fill, in_order

COLUMNS = ["resolution", "number", "title_en", "action", "verb", "text", "responsible", "cooperating",
           "reports_to", "source"]
REPORT_WINDOW = 200  # characters after 'report' that can name the body reported to


@cache
def _targets() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    data = json.loads((DATA / "reporting.json").read_text("utf-8"))
    return (re.compile(data["report_cue"], re.IGNORECASE),
            [(re.compile(t["pattern"], re.IGNORECASE), t["name"]) for t in data["targets"]])


def reports_to(text: str) -> str | None:
    """The body a clause reports to, when it says so ('to report … to the Council'); else None."""
    cue, targets = _targets()
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for report in cue.finditer(folded):
        window = folded[report.end(): report.end() + REPORT_WINDOW]
        for pattern, name in targets:
            for m in pattern.finditer(window):
                found.append((report.end() + m.start(), fill(name, m)))
    return "; ".join(in_order(found)) or None


def responsible(c: Clause) -> str:
    return ";".join([*c.bureaux, *([c.assignee] if c.assignee else [])])


def rows(doc: Document):
    for r in doc.resolutions:
        count = 0
        for s in r.sections:
            if s.kind != "operative":
                continue
            for c in s.clauses:
                count += 1
                yield {"resolution": r.key, "number": "" if r.number is None else r.number,
                       "title_en": r.title_en or "", "action": f"{s.verb} {c.label}" if c.label else f"{s.verb} #{count}",
                       "verb": c.verb or "", "text": c.text, "responsible": responsible(c),
                       "cooperating": ";".join(c.with_bureaux), "reports_to": reports_to(c.text) or "",
                       "source": str(c.loc)}


def to_actionplan(doc: Document, excel: bool = False) -> str:
    from wtsa_extract.export.csv import csv_text

    return csv_text(COLUMNS, rows(doc), excel)
