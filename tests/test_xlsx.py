"""The Excel workbook (--format xlsx) read back with openpyxl: its four sheets, header frozen,
autofilter over the data, integers as numbers, Arabic right to left, widths within bounds, and a cell
that starts with '=' kept as text (formula injection neutralised)."""

import subprocess
import sys
from pathlib import Path

import pytest
from docx_build import SEED_TEXT

from wtsa_extract.export import csv as csv_export
from wtsa_extract.export.xlsx import MAX_WIDTH, MIN_WIDTH, to_xlsx
from wtsa_extract.model import Diagnostic

openpyxl = pytest.importorskip("openpyxl")
EXE = str(Path(sys.executable).with_name("wtsa-extract"))


@pytest.fixture(scope="module")
def book(tmp_path_factory, seed_doc):
    path = tmp_path_factory.mktemp("xlsx") / "seed.xlsx"
    done = subprocess.run([EXE, "parse", str(SEED_TEXT), "-o", str(path)], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return openpyxl.load_workbook(path)


def header(sheet):
    return [c.value for c in sheet[1]]


def column(sheet, name):
    j = header(sheet).index(name)
    return [row[j] for row in sheet.iter_rows(min_row=2)]


def test_four_sheets_with_the_csv_columns(book, seed_doc):
    assert book.sheetnames == ["clauses", "resolutions", "action plan", "findings"]
    clauses = book["clauses"]
    assert header(clauses) == csv_export.COLUMNS
    assert clauses.max_row - 1 == sum(1 for _ in csv_export.rows(seed_doc))
    assert book["resolutions"].max_row - 1 == len(seed_doc.resolutions)
    assert book["findings"].max_row - 1 == len(seed_doc.diagnostics)


def test_header_frozen_and_autofilter_over_the_data(book):
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{max(2, sheet.max_row)}", sheet.title


def test_numbers_are_numbers_and_labels_text(book, seed_doc):
    numbers = [c.value for c in column(book["clauses"], "number") if c.value is not None]
    assert numbers and all(type(n) is int for n in numbers)
    assert 50 in numbers
    labels = [c for c in column(book["clauses"], "label") if c.value is not None]
    assert labels and all(c.data_type == "s" for c in labels)
    assert {c.value for c in labels} >= {"1", "2"}


def test_arabic_columns_right_to_left(book, seed_doc):
    titles = [c for c in column(book["resolutions"], "title_ar") if c.value]
    assert len(titles) == sum(1 for r in seed_doc.resolutions if r.title_ar)
    for cell in titles:
        assert cell.alignment.horizontal == "right" and cell.alignment.readingOrder == 2
    english = next(c for c in column(book["resolutions"], "title_en") if c.value)
    assert english.alignment.readingOrder != 2


def test_widths_within_bounds(book):
    for sheet in book.worksheets:
        widths = [d.width for d in sheet.column_dimensions.values() if d.width]
        assert widths and all(MIN_WIDTH <= w <= MAX_WIDTH + 1 for w in widths), sheet.title
    # the long English text column is capped, the short number column is not stretched
    clauses = book["clauses"]
    text = openpyxl.utils.get_column_letter(header(clauses).index("text") + 1)
    assert clauses.column_dimensions[text].width >= MAX_WIDTH


def test_formula_text_stays_text(tmp_path, seed_doc):
    hostile = Diagnostic(level="warning", code="x", message='=HYPERLINK("http://evil","click")')
    path = tmp_path / "h.xlsx"
    path.write_bytes(to_xlsx(seed_doc._replace(diagnostics=(hostile,))))
    cell = openpyxl.load_workbook(path)["findings"]["C2"]
    assert cell.value == '=HYPERLINK("http://evil","click")' and cell.data_type == "s"


def test_arabic_text_right_to_left_in_every_column(tmp_path):
    from wtsa_extract.pipeline import extract

    arabic = extract(Path(__file__).parent / "corpus" / "ar" / "ra_itu_r_9.ar.txt")
    assert arabic.language == "ar"
    path = tmp_path / "ar.xlsx"
    path.write_bytes(to_xlsx(arabic))
    clauses = openpyxl.load_workbook(path)["clauses"]
    texts = [c for c in column(clauses, "text") if c.value]
    assert texts and all(c.alignment.readingOrder == 2 for c in texts)
    verbs_ar = [c for c in column(clauses, "verb_ar") if c.value]
    assert verbs_ar and all(c.alignment.readingOrder == 2 for c in verbs_ar)
    english_verbs = [c for c in column(clauses, "verb") if c.value]  # canonical English: left to right
    assert english_verbs and all(c.alignment.readingOrder != 2 for c in english_verbs)
