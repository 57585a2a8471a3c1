"""ITU's real Arabic Word file (Recommendation E.119, ../shared/samples): its Arabic paragraphs are
read whole and in logical order, word for word as pandoc reads them; and, holding no resolution, it
is refused in one line."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wtsa_extract.readers import read_bytes

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"
E119_AR = SHARED / "T-REC-E.119-201704-MSW-A.docx"
ARABIC_WORD = re.compile(r"[\u0620-\u064a\u064b-\u065f\u0670\u0640]+")  # letters, diacritics, tatweel
EXE = str(Path(sys.executable).with_name("wtsa-extract"))
needs_sample = pytest.mark.skipif(not E119_AR.exists(), reason="../shared/samples is not beside the checkout")


def _pandoc_words(path: Path) -> list[str]:
    """Arabic words of pandoc's reading (its JSON document tree, so tables come cell by cell)."""
    tree = json.loads(subprocess.run(["pandoc", str(path), "-t", "json"], capture_output=True, check=True).stdout)
    out: list[str] = []

    def walk(x):
        if isinstance(x, dict):
            kind = x.get("t")
            if kind == "Str":
                out.append(x["c"])
                return
            if kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
                return
            for v in x.values():
                walk(v)
            if kind in ("Para", "Plain", "Header", "LineBlock", "Note"):
                out.append(" ")
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(tree["blocks"])
    return ARABIC_WORD.findall("".join(out))


@needs_sample
@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed (.ci/run installs it)")
def test_arabic_paragraphs_read_whole_and_in_logical_order_as_pandoc_reads_them():
    _, _, blocks = read_bytes(E119_AR.read_bytes())
    ours: list[str] = []
    for b in blocks.value:
        if not b.merged:
            ours += ARABIC_WORD.findall(b.text)
            for note in b.footnotes:  # pandoc puts a note where it is referenced
                ours += ARABIC_WORD.findall(note.text)
    theirs = _pandoc_words(E119_AR)
    assert len(theirs) > 2000
    steps = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False).get_opcodes()
    # Every word pandoc reads is ours, in the same order; ours holds more only where pandoc leaves
    # out the text inside the document's two drawings (figure labels in text boxes).
    assert [op for op in steps if op[0] in ("replace", "insert")] == []
    extra = [ours[i:j] for op, i, j, _, _ in steps if op == "delete"]
    assert len(extra) <= 2 and sum(map(len, extra)) < 0.05 * len(theirs)


@needs_sample
def test_a_document_without_resolutions_is_refused_in_one_line():
    done = subprocess.run([EXE, "parse", str(E119_AR)], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1 and "no resolution" in done.stderr
