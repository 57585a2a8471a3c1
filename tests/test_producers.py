"""The same document saved by another producer reads as the original does (tests/producers)."""

from pathlib import Path

from docx_build import ITU_DOCX

from wtsa_extract import pipeline

PRODUCERS = Path(__file__).parent / "producers"


def clauses(doc) -> list[tuple]:
    return [(r.key, s.verb, s.heading, s.addressee, c.label, c.parent, " ".join(c.text.split()), c.verb, c.bureaux,
             c.assignee) for r in doc.resolutions for s in r.sections for c in s.clauses]


def resolutions(doc) -> list[tuple]:
    return [(r.key, r.title_en, r.edition, r.status, r.title_ar, r.summary_ar, [f.text for f in r.footnotes],
             [(m.part, m.by) for m in r.matches]) for r in doc.resolutions]


def findings(doc) -> list[tuple]:
    return sorted((d.level, d.code, d.message, d.resolution) for d in doc.diagnostics)


def test_itu_res1_saved_by_libreoffice_reads_as_itus_file():
    original, other = pipeline.extract(ITU_DOCX), pipeline.extract(PRODUCERS / "res1_libreoffice.docx")
    assert len(clauses(original)) == 339
    assert clauses(other) == clauses(original)
    assert resolutions(other) == resolutions(original)
    assert other.coverage.in_model == original.coverage.in_model


def test_seed_docx_saved_by_libreoffice_reads_as_the_original(seed_docx_path):
    """The Arabic tables too: right-to-left, vertically merged status cells, Word numbering."""
    original, other = pipeline.extract(seed_docx_path), pipeline.extract(PRODUCERS / "seed_libreoffice.docx")
    assert len(original.resolutions) == 26 and len(clauses(original)) == 124
    assert clauses(other) == clauses(original)
    assert resolutions(other) == resolutions(original)
    assert findings(other) == findings(original)
    assert (other.coverage.in_model, other.coverage.in_diagnostics) == \
        (original.coverage.in_model, original.coverage.in_diagnostics)
