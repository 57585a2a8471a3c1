"""The same resolution saved by another producer reads as ITU's own file does (tests/producers)."""

from pathlib import Path

import pytest
from docx_build import ITU_DOCX

from wtsa_extract import pipeline

PRODUCERS = Path(__file__).parent / "producers"


def clauses(doc) -> list[tuple]:
    return [(r.key, s.verb, s.heading, c.label, c.parent, " ".join(c.text.split()), c.verb, c.bureaux, c.assignee)
            for r in doc.resolutions for s in r.sections for c in s.clauses]


@pytest.mark.parametrize("name", ["res1_libreoffice.docx"])
def test_other_producer_reads_clause_for_clause_as_the_original(name):
    original = pipeline.extract(ITU_DOCX)
    other = pipeline.extract(PRODUCERS / name)
    assert len(clauses(original)) == 339
    assert clauses(other) == clauses(original)
    assert [(r.key, r.title_en, r.edition) for r in other.resolutions] == \
        [(r.key, r.title_en, r.edition) for r in original.resolutions]
    assert [f.text for f in other.resolutions[0].footnotes] == [f.text for f in original.resolutions[0].footnotes]
    assert other.coverage.in_model == original.coverage.in_model
