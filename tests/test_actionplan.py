"""The action plan: one row per operative clause, its entities equal to the clause's."""

import csv
import io

from wtsa_extract.export.actionplan import reports_to, to_actionplan


def test_one_row_per_operative_clause_with_the_clause_entities(seed_doc):
    rows = list(csv.DictReader(io.StringIO(to_actionplan(seed_doc))))
    clauses = [(r, s, c) for r in seed_doc.resolutions for s in r.sections if s.kind == "operative" for c in s.clauses]
    assert len(rows) == len(clauses) == 117
    for row, (r, _s, c) in zip(rows, clauses, strict=True):
        assert row["resolution"] == r.key and row["text"] == c.text
        assert row["responsible"] == ";".join([*c.bureaux, *([c.assignee] if c.assignee else [])])
        assert row["cooperating"] == ";".join(c.with_bureaux)
    r18 = [row for row in rows if row["resolution"] == "R18"]
    assert [row["responsible"] for row in r18] == ["RAG; TSAG; TDAG", "TSB;BDT;BR;ISC TF"]


def test_reporting_targets():
    assert reports_to("to report on the effectiveness of the regional groups to Council;") == "Council"
    assert reports_to("to report on progress annually to the Council and to the 2020 world telecommunication "
                      "standardization assembly") == "Council; WTSA"
    assert reports_to("to report to TSAG on the progress") == "TSAG"
    assert reports_to("to provide all necessary support to Council members") is None  # no 'report'
