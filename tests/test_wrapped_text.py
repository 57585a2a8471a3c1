"""Text wrapped at a fixed width with blank lines between paragraphs (pandoc's plain output, e-mail)
reads as the same text with one paragraph per line: every text document of the corpus, wrapped,
reads clause for clause as itself; and no text written a paragraph a line, whole or any window of
its lines, is taken for wrapped text (readers/wrapped.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtsa_extract.pipeline import extract_bytes
from wtsa_extract.readers.text import read_text
from wtsa_extract.readers.wrapped import MIN_BREAKS, paragraphs, wrap_width

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "corpus"
# Text documents read a line at a time (Tika's TAB cells aside): the corpus's, and the founding text.
# (NAME.wrapped.txt: a corpus document written wrapped, as pandoc's plain text is)
LINE_TEXTS = sorted(p for p in [*CORPUS.glob("*.txt"), *CORPUS.glob("ar/*.txt"), *ROOT.glob("samples/*.txt")]
                    if not p.name.endswith((".docx.txt", ".wrapped.txt")))


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
    """Tika's dumps (TAB-led cells): never wrapped. (A text is also left out where wrapping it puts a
    TAB at a line's start, as an inline note `[1: <TAB>note]` may: that reads as a Tika cell.)"""
    return any(line.startswith("\t") for line in text.splitlines())


@pytest.mark.parametrize("path", LINE_TEXTS, ids=lambda p: p.name)
def test_a_paragraph_a_line_is_not_taken_for_wrapped_text(path):
    """The whole document, and every window of 6 to 50 of its lines, with and without a blank line
    after each (a short text of similar lines is where chance could explain its breaks)."""
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    spaced = [x for line in lines for x in (line, "")]
    found = []
    for text in (lines, spaced):
        if wrap_width(text) is not None:
            found.append(("whole", len(text)))
        for size in (6, 8, 10, 12, 15, 20, 30, 50):
            for start in range(max(1, len(text) - size)):
                if wrap_width(text[start:start + size]) is not None:
                    found.append((start, size))
    assert found == []


def wrapped_cases() -> list[tuple[Path, int]]:
    """(document, width) for each text document and width at which wrapping breaks enough lines to be
    recognised (MIN_BREAKS: a short document wrapped at 72 columns may break only three)."""
    cases = []
    for path in LINE_TEXTS:
        text = path.read_text(encoding="utf-8")
        for width in (72, 60):
            lines = wrap(text, width).splitlines()
            if not is_tika(text) and not is_tika(wrap(text, width)) \
                    and sum(1 for a, b in zip(lines, lines[1:], strict=False) if a and b) >= MIN_BREAKS:
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


# pandoc -t plain of a Markdown list: a tight list whose first item ends with a full line
TIGHT = """RESOLUTION 7 (Geneva, 2022)

Publication

The World Telecommunication Standardization Assembly (Geneva, 2022),

considering

that the study groups of the Sector need stable and predictable
procedures for the approval of Recommendations, for the appointment of
their chairmen and vice-chairmen, and for the conduct of their meetings,
whether held physically or with remote participation by delegates from
developing countries,

resolves

1 that the following apply, as agreed by the assembly at its plenary
meeting in Geneva:

-   that the Bureau shall publish the list of the study groups and their
    chairmen and vice-chairmen on its website promptly in all languages;
-   that the Bureau shall report to the Council on the publication.

2 that the Director shall report on the implementation of this
resolution to the next assembly.
"""


def test_tight_list_items_stay_apart_even_after_a_full_line():
    lines = TIGHT.splitlines()
    width = wrap_width(lines)
    assert width == 72
    got = paragraphs(lines, width)
    assert [(n, t[:30]) for n, t in got][6:] == [
        (17, "1 that the following apply, as"), (20, "-   that the Bureau shall publ"),
        (22, "-   that the Bureau shall repo"), (24, "2 that the Director shall repo")]
    clauses = [(c.label, c.parent, c.reports_to) for r in extract_bytes(TIGHT.encode(), "t.txt").resolutions
               for s in r.sections for c in s.clauses]
    assert clauses == [(None, None, ()), ("1", None, ()), (None, "1", ()), (None, "1", ("Council",)), ("2", None, ("WTSA",))]  # its next assembly: a WTSA resolution


def test_tables_stay_a_line_at_a_time_across_blank_lines():
    # pandoc's multiline table: rows between an opening and a closing rule, a blank line between rows
    lines = (["considering", "", "that the study groups of the Sector need stable and predictable procedures",
              "for the approval of Recommendations and for the appointment of their", "chairmen,", "",
              "resolves", ""]
             + ["1 that the table below gives the status of each resolution adopted by the",
                "assembly at this session;", "",
                "2 that the Director shall report on it to the next assembly, with the",
                "changes made since;", "",
                "  ------------------------------------------------------------------------",
                "  Resolution    Title                                    Status",
                "  ------------- ---------------------------------------- ----------------",
                "  1             Rules of procedure of the ITU            Modified by this",
                "                Telecommunication Standardization Sector assembly", "",
                "  2             Responsibility and mandates of the ITU-T Suppressed",
                "  ------------------------------------------------------------------------", "",
                "3 that this resolution shall apply from the date of its adoption by the",
                "assembly and that all the study groups shall take account of it;"])
    width = wrap_width(lines)
    assert width is not None
    got = paragraphs(lines, width)
    assert got[5:12] == [(15, "------------------------------------------------------------------------"),
                        (16, "Resolution    Title                                    Status"),
                        (17, "------------- ---------------------------------------- ----------------"),
                        (18, "1             Rules of procedure of the ITU            Modified by this"),
                        (19, "Telecommunication Standardization Sector assembly"),
                        (21, "2             Responsibility and mandates of the ITU-T Suppressed"),
                        (22, "------------------------------------------------------------------------")]


def test_a_no_break_space_is_not_a_break_point():
    # a wrapper keeps 'Articles\u00a017,' whole: the word that did not fit is all of it
    from wtsa_extract.readers.wrapped import _break

    assert _break("are stated in", "Articles\u00a017, 18, 19 and 20") == (13, 13 + 1 + len("Articles\u00a017,"))
    assert _break("clauses", "\t1\tto continue") == (7, 7 + 1 + 1)


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


def test_a_note_of_several_paragraphs():
    text = ("RESOLUTION 1\n\nresolves\n\n1 that the developing countries[1] take part;\n\n2 that others[2] also "
            "take part;\n\n[1] First note.\n\n[2] Second note, first paragraph.\n\n    Second note, second paragraph.\n")
    _, result = read_text(text.encode())
    assert [b.text for b in result.value] == ["RESOLUTION 1", "resolves", "1 that the developing countries take part;",
                                              "2 that others also take part;"]
    assert [(f.id, f.text) for b in result.value for f in b.footnotes] == [
        ("1", "First note."), ("2", "Second note, first paragraph. Second note, second paragraph.")]


BODY = "RESOLUTION 1\nresolves\n1 that ITU-T Y.3172{a} describes an architecture;\n2 to report on{b}.\n"


@pytest.mark.parametrize(("a", "b", "ending"), [
    (" [1]", " [1]", "[1] Recommendation ITU-T Y.3172.\n"),  # a reference list: one mark twice
    ("[1]", "[2]", "[1] One.\n[1] Again.\n[2] Two.\n"),  # a number twice
    ("[1]", "", "[1] One.\n[2] Nothing refers to this.\n"),  # a note nobody refers to
    ("[2]", "[1]", "[1] One.\n[2] Two.\n"),  # marks out of the notes' order
    ("[1]", "[3]", "[1] One.\n[3] Three.\n"),  # numbers that skip
])
def test_an_ending_that_is_not_pandocs_notes_is_left_as_text(a, b, ending):
    text = BODY.format(a=a, b=b) + ending
    _, result = read_text(text.encode())
    assert [b.text for b in result.value] == text.splitlines()
    assert [f for b in result.value for f in b.footnotes] == []
