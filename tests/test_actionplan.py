"""The action plan: one row per operative clause, its entities equal to the clause's, under the
column names of the clause CSV."""

import csv
import io

from wtsa_extract.export.actionplan import to_actionplan
from wtsa_extract.export.csv import COLUMNS
from wtsa_extract.parse.reporting import reports_to


def test_one_row_per_operative_clause_with_the_clause_entities(seed_doc):
    rows = list(csv.DictReader(io.StringIO(to_actionplan(seed_doc))))
    clauses = [(r, s, c) for r in seed_doc.resolutions for s in r.sections if s.kind == "operative" for c in s.clauses]
    assert len(rows) == len(clauses) == 117
    for row, (r, s, c) in zip(rows, clauses, strict=True):
        assert row["key"] == r.key and row["text"] == c.text and row["addressee"] == (s.addressee or "")
        assert row["lead_bureaux"] == ";".join(c.bureaux) and row["assignee"] == (c.assignee or "")
        assert row["partner_bureaux"] == ";".join(c.with_bureaux)
        assert row["reports_to"] == ";".join(c.reports_to)
    r18 = [row for row in rows if row["key"] == "R18"]
    assert [(row["lead_bureaux"], row["assignee"]) for row in r18] == [("", "RAG; TSAG; TDAG"),
                                                                        ("TSB;BDT;BR", "ISC TF")]
    assert sum(1 for row in rows if row["reports_to"]) > 10


def test_the_action_plan_shares_the_clause_csv_names():
    shared = {"lead_bureaux", "partner_bureaux", "acting_bureaux", "assignee", "addressee", "reports_to", "verb",
              "text", "source"}
    header = to_actionplan.__globals__["COLUMNS"]
    assert shared <= set(header) and shared <= set(COLUMNS)


def test_reporting_targets():
    assert reports_to("to report on the effectiveness of the regional groups to Council;") == ("Council",)
    assert reports_to("to report on progress annually to the Council and to the 2020 world telecommunication "
                      "standardization assembly") == ("Council", "WTSA")
    assert reports_to("to report to TSAG on the progress") == ("TSAG",)
    assert reports_to("to provide all necessary support to Council members") == ()  # no 'report'


def test_reporting_to_radiocommunication_bodies_and_only_to_the_recipient():
    assert reports_to("to report to the next world radiocommunication conference on the results") == ("WRC",)
    assert reports_to("to report on such collaboration to the Radiocommunication Assembly.") == ("RA",)
    assert reports_to("to report to WRC-27 and to RA-27") == ("WRC", "RA")
    assert reports_to("to report annually to the Telecommunication Development Advisory Group (TDAG) on the "
                      "results") == ("TDAG",)
    # a body named after another preposition is not the one reported to
    assert reports_to("to publish the final CPM Report no later than five months before the start of the "
                      "WRC;") == ()
    assert reports_to("to report to the Council on the work of Study Group 5") == ("Council",)


def test_reports_to_is_in_the_model_only_for_operative_clauses(seed_doc):
    found = {(s.kind, bool(c.reports_to)) for r in seed_doc.resolutions for s in r.sections for c in s.clauses}
    assert ("operative", True) in found and ("preambular", True) not in found
