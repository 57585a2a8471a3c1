"""A .docx built from the seed (RTL Arabic tables, merged status cells, ITU styles, a Word-numbered
list, a real footnote, tracked changes) gives the same clauses as the text."""

import zipfile

from conftest import clauses, resolution
from docx_build import NUMBERED_KEY

from wtsa_extract.export.json import document_dict
from wtsa_extract.pipeline import extract
from wtsa_extract.readers.docx import read_docx


def test_fixture_really_has_the_features(seed_docx_path):
    xml = zipfile.ZipFile(seed_docx_path).read("word/document.xml").decode()
    for feature in ("<w:vMerge", "<w:bidiVisual", "<w:bidi/>", "<w:numPr>", "<w:ins ", "<w:del ",
                    "<w:footnoteReference", "<w:noBreakHyphen/>", 'w:val="ResNo"', 'w:val="Call"'):
        assert feature in xml, feature
    assert "footnotes.xml" in " ".join(zipfile.ZipFile(seed_docx_path).namelist())


def strip_sources(d):
    if isinstance(d, dict):
        return {k: strip_sources(v) for k, v in d.items() if k not in ("source",)}
    if isinstance(d, list):
        return [strip_sources(x) for x in d]
    return d


def test_same_resolutions_and_clauses_as_text(seed_doc, seed_docx_path):
    from_docx = document_dict(extract(seed_docx_path))
    from_text = document_dict(seed_doc)
    assert strip_sources(from_docx["resolutions"]) == strip_sources(from_text["resolutions"])


def test_word_numbered_list_and_tracked_change(seed_docx_path):
    doc = extract(seed_docx_path)
    assert [c.label for c in clauses(resolution(doc, NUMBERED_KEY))] == ["1", "2", "3", "4"]
    c1 = clauses(resolution(doc, "R58"))[0]
    assert c1.text == "to identify best practices to establish CIRTs;"


def test_merged_status_cells_carry_the_value(seed_docx_path):
    blocks = read_docx(seed_docx_path.read_bytes()).value
    merged = [b for b in blocks if b.merged]
    assert merged and all(b.text in ("جديد", "مُراجع") for b in merged)
    assert all(b.rtl for b in merged)
    first_arabic = next(b for b in blocks if b.rtl)
    assert first_arabic.text.strip().startswith("وافقت الجمعية")  # logical order kept
