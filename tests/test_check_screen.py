"""`check` on a terminal of 80, 120 and 200 columns: every line fits, keys are whole, each finding
is shown with its level and message, and the Arabic titles, shaped and reordered for display, read
back in logical order (lines top to bottom, words right to left)."""

import io
import re
import unicodedata

import pytest
from rich.cells import cell_len

from wtsa_extract.align.versions import compare_documents
from wtsa_extract.console import print_check_report, print_versions_report
from wtsa_extract.pipeline import extract
from wtsa_extract.report import rows

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ARABIC_RUN = re.compile("[\u0621-\u064a]+")
SHAPED_RUN = re.compile("[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufeff]+")
WIDTHS = (80, 120, 200)


def screen(print_report, *args, width: int) -> str:
    out = io.StringIO()
    print_report(*args, shape=True, stream=out, width=width)
    return out.getvalue()


def blocks(text: str) -> list[list[str]]:
    return [b.splitlines() for b in text.split("\n\n")]


def read_back(display_lines: list[str]) -> list[str]:
    """The Arabic words of displayed (visual-order, shaped) lines, in logical order."""
    words = []
    for line in display_lines:  # undo the reordering first, then the shaping (ligatures such as لا)
        for run in reversed(SHAPED_RUN.findall(line)):
            words += ARABIC_RUN.findall(bare(run[::-1]))
    return words


def bare(text: str) -> str:
    """Base letters: presentation forms undone, vowel and shadda marks (which the two orders place
    differently around their letter) dropped."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Mn")


def logical_words(text: str) -> list[str]:
    return ARABIC_RUN.findall(bare(text))


FINDING_LINE = re.compile(r"^\s+(?:error|warning|info) ")


def titles(block: list[str]) -> list[str]:
    """The lines of a block that show an Arabic title (not a finding quoting Arabic)."""
    title, out = False, []
    for line in block:
        title = False if FINDING_LINE.match(line) else title or bool(PRESENTATION_FORMS.search(line))
        if title and PRESENTATION_FORMS.search(line):
            out.append(line)
    return out


def shown_in_full(d, flat: str) -> bool:
    """The finding's level, code, message (under its resolution, without the leading key) and
    location on screen (its Arabic words shaped and reordered)."""
    message = d.message.removeprefix(f"{d.resolution}: ")
    where = f" [{d.loc}]" if d.loc is not None else ""
    english = " ".join(w for w in (message + where).split() if not ARABIC_RUN.search(w))
    on_screen = " ".join(w for w in flat.split() if not SHAPED_RUN.search(w))
    return f"{d.level} {d.code}:" in flat and english in on_screen


@pytest.mark.parametrize("width", WIDTHS)
def test_check_screen_at_any_width(seed_doc, width):
    text = screen(print_check_report, seed_doc, width=width)
    assert all(cell_len(line) <= width for line in text.splitlines())
    by_key = {b[0].split(" · ")[0]: b for b in blocks(text)[1:] if " · " in b[0]}
    expected = rows(seed_doc)
    assert list(by_key) == [r.key for r in expected]  # every key whole (NEW-1 … NEW-10), in order
    flat = " ".join(text.split())
    wrapped_titles = 0
    for row in expected:
        block = by_key[row.key]
        shown = titles(block)
        if row.title_ar:
            assert read_back(shown) == logical_words(row.title_ar), row.key
            wrapped_titles += len(shown) > 1
        for d in row.findings:
            assert shown_in_full(d, flat), d
    assert wrapped_titles > (5 if width == 80 else 0) or width == 200


@pytest.mark.parametrize("width", WIDTHS)
def test_versions_screen_at_any_width(width):
    from test_versions import CORPUS, PAIRS

    case = next(c for c in PAIRS if c["findings"])  # a pair with planted discrepancies
    english, arabic = extract(CORPUS / case["english"]), extract(CORPUS / case["arabic"])
    pairs = compare_documents(english, arabic)
    assert any(p.findings for p in pairs)
    text = screen(print_versions_report, english, arabic, pairs, width=width)
    assert all(cell_len(line) <= width for line in text.splitlines())
    flat = " ".join(text.split())
    for p in pairs:
        assert f"{p.key} · " in text
        for d in p.findings:
            assert shown_in_full(d, flat), d
        if p.arabic is not None and p.arabic.title_ar:
            block = next(b for b in blocks(text) if b[0].startswith(f"{p.key} · "))
            shown = titles(block)
            assert read_back(shown) == logical_words(p.arabic.title_ar)


def test_arabic_quoted_in_a_finding_is_shaped_and_reads_back(seed_doc):
    """A finding's message quotes Arabic (Table 2 says ويطلب …): under shaping it is reordered
    within its English line, so it reads back as written."""
    text = screen(print_check_report, seed_doc, width=80)
    finding = next(d for d in seed_doc.diagnostics if d.code == "verb-mismatch" and ARABIC_RUN.search(d.message))
    quoted = logical_words(finding.message)
    block = next(b for b in blocks(text) if b[0].startswith(f"{finding.resolution} · "))
    line = next(line for line in block if "verb-mismatch" in line)
    assert ARABIC_RUN.search(line) is None  # no unshaped (logical-order) Arabic left on screen
    assert read_back([line]) == quoted
