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


def test_itu_res1_as_pandocs_plain_text_reads_as_itus_file():
    """pandoc -t plain: paragraphs wrapped at 72 columns, notes at the end (readers/wrapped.py)."""
    original, text = pipeline.extract(ITU_DOCX), pipeline.extract(PRODUCERS / "res1_pandoc.txt")
    # (resolution, phrase, label, text): headings of appendices and figures are compared by the tests above
    want, got = ([c[:2] + c[4:5] + c[6:7] for c in clauses(d)] for d in (original, text))
    missing = [c for c in want if c not in got]
    # What plain text cannot carry: a second note reference Word typed as a styled '2', a caption's line break.
    assert [(c[2], c[3][:25]) for c in missing] == [("2.1.5", "A study group may be set "),
                                                  (None, "Figure 9.1 – Approval of ")]
    assert len(got) == 347
    assert [m.code for m in text.diagnostics if m.code == "wrapped-text"] == ["wrapped-text"]
    assert [f.text[:20] for f in text.resolutions[0].footnotes][:2] == ["1 Previously publish", "^(bis) This Hammamet"]
