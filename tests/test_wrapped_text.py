"""Text wrapped at a fixed width (pandoc's plain output, e-mail, `fold -s`) reads as the same text
with one paragraph per line: every text document of the corpus, wrapped, reads clause for clause as
itself (readers/wrapped.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtsa_extract.pipeline import extract_bytes
from wtsa_extract.readers.text import read_text
from wtsa_extract.readers.wrapped import MIN_BREAKS, paragraphs, wrap_width

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "corpus"
# Text documents read a line at a time (Tika's TAB cells aside): the corpus's, and the founding text.
LINE_TEXTS = sorted(p for p in [*CORPUS.glob("*.txt"), *CORPUS.glob("ar/*.txt"), *ROOT.glob("samples/*.txt")]
                    if not p.name.endswith(".docx.txt"))


def wrap(text: str, width: int) -> str:
    """`text` (a paragraph a line) as a greedy wrapper writes it: words (split at spaces only, so a
    label's TAB stays) filled up to `width`, a blank line between paragraphs."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        lines, current = [], ""
        for word in line.split(" "):
            if not word:
                continue
            if current and len(current) + 1 + len(word) > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def clauses(data: bytes) -> list[tuple]:
    doc = extract_bytes(data, "x.txt")
    return [(r.key, r.title_en, s.verb, s.addressee, c.label, c.parent, " ".join(c.text.split()), c.bureaux,
             c.with_bureaux, c.assignee) for r in doc.resolutions for s in r.sections for c in s.clauses]


def is_tika(text: str) -> bool:
    return any(line.startswith("\t") for line in text.splitlines())


@pytest.mark.parametrize("path", LINE_TEXTS, ids=lambda p: p.name)
def test_a_paragraph_a_line_is_not_taken_for_wrapped_text(path):
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert wrap_width(lines) is None


def wrapped_cases() -> list[tuple[Path, int]]:
    """(document, width) for each text document and width at which wrapping breaks enough lines to be
    recognised (MIN_BREAKS: a short document wrapped at 72 columns may break only three)."""
    cases = []
    for path in LINE_TEXTS:
        text = path.read_text(encoding="utf-8")
        for width in (72, 60):
            lines = wrap(text, width).splitlines()
            if not is_tika(text) and sum(1 for a, b in zip(lines, lines[1:], strict=False) if a and b) >= MIN_BREAKS:
                cases.append((path, width))
    return cases


@pytest.mark.parametrize(("path", "width"), wrapped_cases(), ids=lambda v: v.name if isinstance(v, Path) else str(v))
def test_corpus_document_wrapped_reads_as_itself(path, width):
    text = path.read_text(encoding="utf-8")
    original = clauses(text.encode("utf-8"))
    wrapped = wrap(text, width).encode("utf-8")
    _, result = read_text(wrapped)
    assert [m.code for m in result.messages] == ["wrapped-text"]
    assert len(original) >= 2
    assert clauses(wrapped) == original


def test_most_of_the_corpus_is_wrapped_in_the_test_above():
    assert len(wrapped_cases()) >= 40


def test_width_found_and_lines_joined():
    source = ["RESOLUTION 64 (Rev. Geneva, 2022)",
              "Internet protocol address allocation and facilitating the transition to IPv6", "resolves",
              "1\tto instruct Study Group 2 to continue its study of the allocation of IP addresses, in "
              "collaboration with the regional registries;",
              "2\tto continue raising awareness of the importance of deploying IPv6 in all countries,",
              "instructs the Director of the Telecommunication Standardization Bureau, in close collaboration "
              "with the Director of the Development Bureau"]
    lines = wrap("\n".join(source), 50).splitlines()
    assert len(lines) == 17 and max(map(len, lines)) <= 50
    width = wrap_width(lines)
    assert width is not None and max(map(len, lines)) <= width <= 50
    assert paragraphs(lines, width) == list(zip([1, 3, 6, 8, 12, 15], source, strict=True))


def test_tight_list_items_and_tables_stay_apart():
    lines = ["considering that the assembly has reviewed the working methods of the Sector and", "that:",
             "-   the first item", "-   the second item, which is long enough to wrap onto a second line of",
             "    text", "", "  ------- -------", "  status  number", "  ------- -------"]
    width = 83
    assert paragraphs(lines, width) == [
        (1, "considering that the assembly has reviewed the working methods of the Sector and that:"),
        (3, "-   the first item"),
        (4, "-   the second item, which is long enough to wrap onto a second line of text"),
        (7, "------- -------"), (8, "status  number"), (9, "------- -------")]


def test_pandoc_end_notes_become_footnotes():
    text = ("RESOLUTION 1 (Rev. Hammamet, 2016)\n\nRules of procedure\n\n(Hammamet, 2016)[1]\n\n"
            "resolves\n\n1 that the developing countries[2] take part;\n\n[1] Previously published.\n\n"
            "[2] These include the least developed countries.\n")
    _, result = read_text(text.encode())
    blocks = result.value
    assert [b.text for b in blocks] == ["RESOLUTION 1 (Rev. Hammamet, 2016)", "Rules of procedure",
                                        "(Hammamet, 2016)", "resolves", "1 that the developing countries take part;"]
    assert [(f.id, f.text) for b in blocks for f in b.footnotes] == [
        ("1", "Previously published."), ("2", "These include the least developed countries.")]


def test_brackets_without_an_ending_of_notes_are_text():
    text = "resolves\n[1] that this is a clause;\n2 that [1] stays.\n"
    _, result = read_text(text.encode())
    assert [b.text for b in result.value] == ["resolves", "[1] that this is a clause;", "2 that [1] stays."]
