"""No silent loss or misplacement, measured from the values (tests/accounting.py), on every corpus
document and both real samples; and the checks themselves bite on doctored output."""

from __future__ import annotations

from pathlib import Path

import pytest
from accounting import lost, misplaced, reading_order
from test_corpus import NAMES, source

from wtsa_extract.pipeline import extract_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
INPUTS = [*NAMES, "seed", "itu-res1"]


def _input(name: str) -> tuple[bytes, str]:
    if name == "seed":
        return (SAMPLES / "000_4ba82f9e94ba416a.txt").read_bytes(), "seed.txt"
    if name == "itu-res1":
        return (SAMPLES / "T-RES-T.1-2016-MSW-E.docx").read_bytes(), "itu-res1.docx"
    return source(name)


@pytest.mark.parametrize("name", INPUTS)
def test_every_paragraph_is_in_the_data_or_diagnosed(name):
    data, filename = _input(name)
    assert lost(data, filename) == []


@pytest.mark.parametrize("name", INPUTS)
def test_every_clause_lies_in_its_own_resolution_and_section(name):
    data, filename = _input(name)
    assert misplaced(extract_bytes(data, filename), reading_order(data)) == []


def _without(doc, ri: int, si: int, ci: int):
    """The document less clause `ci` of section `si` of resolution `ri`."""
    r = doc.resolutions[ri]
    s = r.sections[si]
    section = s._replace(clauses=s.clauses[:ci] + s.clauses[ci + 1:])
    res = r._replace(sections=(*r.sections[:si], section, *r.sections[si + 1:]))
    return doc._replace(resolutions=(*doc.resolutions[:ri], res, *doc.resolutions[ri + 1:]))


def test_the_checks_fail_on_dropped_or_moved_clauses():
    data, filename = _input("pp_final_acts")
    doc = extract_bytes(data, filename)
    r = doc.resolutions[1]
    section = r.sections[-1]
    dropped = _without(doc, 1, len(r.sections) - 1, len(section.clauses) - 1)
    assert len(lost(data, filename, dropped)) == 1
    moved_clause = section.clauses[-1]
    first = doc.resolutions[0]
    s0 = first.sections[0]
    moved = doc._replace(resolutions=(first._replace(sections=(s0._replace(clauses=(*s0.clauses, moved_clause)),
                                                               *first.sections[1:])), *doc.resolutions[1:]))
    assert any("outside its resolution" in p for p in misplaced(moved, reading_order(data)))


@pytest.mark.parametrize("name", ["pp_final_acts", "word_numbering_forms", "labels_letters", "oov_addressees",
                                  "blind_wtdc22_res30_res45"])
def test_each_clause_dropped_alone_is_reported(name):
    """The check is not satisfied by words found anywhere: drop any one clause and it is reported
    (a clause whose words stand elsewhere too, or a labelled paragraph that is no clause)."""
    data, filename = _input(name)
    doc = extract_bytes(data, filename)
    missed = [f"{r.key} {c.label} {c.text[:40]}"
              for ri, r in enumerate(doc.resolutions) for si, s in enumerate(r.sections)
              for ci, c in enumerate(s.clauses) if not lost(data, filename, _without(doc, ri, si, ci))]
    assert sum(len(s.clauses) for r in doc.resolutions for s in r.sections) >= 5
    assert missed == []
