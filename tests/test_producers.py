"""The same document saved by another producer reads as the original does (tests/producers)."""

from collections import Counter
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
    """pandoc -t plain: paragraphs wrapped at 72 columns, notes at the end (readers/wrapped.py).
    Every clause with its section, label, parent, text and actors, as in the .docx, but for what
    plain text cannot say, listed here."""
    original, text = pipeline.extract(ITU_DOCX), pipeline.extract(PRODUCERS / "res1_pandoc.txt")
    want, got = Counter(clauses(original)), Counter(clauses(text))
    missing = sorted(((c[4], c[5], c[6][:24]) for c in (want - got).elements()), key=str)
    extra = sorted(((c[4], c[5], c[6][:24]) for c in (got - want).elements()), key=str)
    # A second reference to note 3 that Word typed as a styled '2' ('study group2' in plain text);
    # three pictures, which plain text shows as their description '[Res]': a clause each, after which
    # the captions and a note that follow them have no parent; a caption's line break.
    assert missing == [("2.1.5", "2.1", "A study group may be set"), (None, "7.2.1", "Figure 7.1a – Approval o"),
                       (None, "7.3.3", "Figure 7.1b – Approval o"), (None, "9.8.2.2", "NOTE 1 – Exceptionally, "),
                       (None, None, "Figure 9.1 – Approval of")]
    assert extra == [("2.1.5", "2.1", "A study group may be set"), (None, "9.8.2.2", "Sequence of events"),
                     (None, None, "Figure 7.1a – Approval o"), (None, None, "Figure 7.1b – Approval o"),
                     (None, None, "Figure 9.1 – Approval of"), (None, None, "NOTE 1 – Exceptionally, "),
                     (None, None, "[Res]"), (None, None, "[Res]"), (None, None, "[Res]")]
    assert sum(want.values()) == 339 and sum(got.values()) == 343
    assert resolutions(text)[0][:2] == resolutions(original)[0][:2]
    assert [m.code for m in text.diagnostics if m.code == "wrapped-text"] == ["wrapped-text"]
    assert [f.id for f in text.resolutions[0].footnotes] == ["1", "2", "3", "4", "5", "6"]


def annex_docx() -> bytes:
    """A Word document whose annex heading and title are unstyled paragraphs (the default style)."""
    from docx_build import minimal_docx

    lines = ["RESOLUTION 9 (Rev. Kigali, 2022)", "Spectrum management",
             "The World Telecommunication Development Conference (Kigali, 2022),", "resolves",
             "1\tthat the study shall continue;", "ANNEX 1", "List of topics for the report", "1\tSpectrum pricing",
             "2\tSpectrum monitoring"]
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in lines)
    return minimal_docx(body, styles='<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
                                     '<w:name w:val="Normal"/></w:style>')


def test_libreoffice_naming_the_default_style_on_each_paragraph_reads_as_word():
    """LibreOffice's copy of annex_docx() names 'Normal' on every paragraph; the annex's title is still
    its title, not a clause."""
    original = pipeline.extract_bytes(annex_docx(), "annex.docx")
    other = pipeline.extract(PRODUCERS / "annex_libreoffice.docx")
    sections = [(s.heading, [c.text for c in s.clauses]) for s in original.resolutions[0].sections]
    assert sections == [("resolves", ["that the study shall continue;"]),
                        ("ANNEX 1 – List of topics for the report", ["Spectrum pricing", "Spectrum monitoring"])]
    assert [(s.heading, [c.text for c in s.clauses]) for s in other.resolutions[0].sections] == sections


def strict(docx: bytes) -> bytes:
    """A .docx as Word's "Strict Open XML Document" names its markup (ISO/IEC 29500 Strict)."""
    import io
    import zipfile

    names = [(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
              b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
             (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              b"http://purl.oclc.org/ooxml/officeDocument/relationships")]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for transitional, strict_name in names:
                data = data.replace(transitional, strict_name)
            dst.writestr(info, data)
    return out.getvalue()


def test_strict_open_xml_reads_as_transitional():
    from wtsa_extract.export.json import document_dict

    original = document_dict(pipeline.extract(ITU_DOCX))
    other = document_dict(pipeline.extract_bytes(strict(ITU_DOCX.read_bytes()), ITU_DOCX.name))
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(strict(ITU_DOCX.read_bytes()))) as zf:
        assert b'xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"' in zf.read("word/document.xml")
    original.pop("source"), other.pop("source")
    assert other == original
