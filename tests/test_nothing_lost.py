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


def test_the_checks_fail_on_dropped_or_moved_clauses():
    data, filename = _input("pp_final_acts")
    doc = extract_bytes(data, filename)
    r = doc.resolutions[1]
    section = r.sections[-1]
    dropped = doc._replace(resolutions=(doc.resolutions[0], r._replace(
        sections=(*r.sections[:-1], section._replace(clauses=section.clauses[:-1]))), *doc.resolutions[2:]))
    assert len(lost(data, filename, dropped)) == 1
    moved_clause = section.clauses[-1]
    first = doc.resolutions[0]
    s0 = first.sections[0]
    moved = doc._replace(resolutions=(first._replace(sections=(s0._replace(clauses=(*s0.clauses, moved_clause)),
                                                               *first.sections[1:])), *doc.resolutions[1:]))
    assert any("outside its resolution" in p for p in misplaced(moved, reading_order(data)))
