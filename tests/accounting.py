"""Nothing lost or misplaced, checked from the values: every paragraph read is found in the data or
named by a diagnostic, and every clause lies inside its own resolution and section in reading order.

Unlike `coverage.ratio` (the parser's own account of what it consumed), these checks read the output
against the input, so they fail when the parser drops text it says it used, or attaches a clause to
another resolution or section.
"""

from __future__ import annotations

import re

from wtsa_extract.model import Document
from wtsa_extract.normalize import clean
from wtsa_extract.parse.arabic import classify
from wtsa_extract.parse.labels import split_glued, split_label
from wtsa_extract.pipeline import extract_bytes
from wtsa_extract.readers import read_bytes

_WORD = re.compile(r"\w+")


def _model_strings(doc: Document) -> list[str]:
    """The text the data holds, in reading order: a section's phrase, its addressee (unless the
    phrase as written already holds it), then each clause's label and text, so that a paragraph
    that held all of them reads on without a break."""
    out: list[str] = []
    for r in doc.resolutions:
        out += [r.header, r.title_en or "", r.title_ar or "", r.summary_ar or "", *r.intro, *(f.text for f in r.footnotes)]
        for s in r.sections:
            out += [s.heading, "" if s.addressee and s.addressee in s.heading else s.addressee or ""]
            for c in s.clauses:
                out += [c.label or "", c.text]
    out += [s.verb or "" for r in doc.resolutions for s in r.sections]  # 'resolves to instruct': after all
    return [clean(x) for x in out]


def _word_run(text: str) -> str:
    """The words of `text` in order, one space apart and between spaces: a paragraph is found in
    the data when its words stand there in the same order, side by side, whatever the spacing
    and punctuation between them (tabs made spaces, an addressee joined from two paragraphs)."""
    return " " + " ".join(_WORD.findall(text)) + " "


def lost(data: bytes, name: str, doc: Document | None = None) -> list[str]:
    """Paragraphs whose text is neither in the data nor in a diagnostic (its message or location)."""
    _, _, blocks = read_bytes(data)
    doc = doc or extract_bytes(data, name)
    hay = "\n".join(_model_strings(doc))
    words, vocabulary = _word_run(hay), set(_WORD.findall(hay))
    # A header, a section's phrase and the paragraph after it (where an addressee may stand under
    # its phrase) are data reworded ('that ITU regional offices' -> the addressee 'ITU regional
    # offices', 'to instruct' -> the verb): their words only need to be in the data. Any other
    # paragraph must stand there word for word, and a labelled one must be a clause.
    order = [b.loc for b in blocks.value if not b.merged and clean(b.text)]
    after = dict(zip(order, order[1:], strict=False))  # each paragraph -> the next
    sections = {s.loc for r in doc.resolutions for s in r.sections}
    reworded = {r.loc for r in doc.resolutions} | sections | {after[loc] for loc in sections if loc in after}
    structural = reworded | {c.loc for r in doc.resolutions for s in r.sections for c in s.clauses}
    diagnosed = {d.loc for d in doc.diagnostics if d.loc is not None}
    messages = "\n".join(d.message for d in doc.diagnostics)
    problems = []
    for b in blocks.value:
        text = clean(b.text)
        if b.merged or not text or b.loc in diagnosed:
            continue
        if b.rtl and b.in_table and classify(b.text)[0] in ("status", "number", "tbd", "header", "empty"):
            continue  # Table 1 cells become status codes and numbers, not text
        for piece in split_glued(b.text):
            labelled = split_label(piece)
            body = clean(labelled.text)
            found = set(_WORD.findall(body)) <= vocabulary if b.loc in reworded else _word_run(body) in words
            if body and body not in hay and body not in messages and not found:
                problems.append(f"{b.loc}: {body[:60]!r} is neither in the data nor diagnosed")
            elif labelled.label is not None and b.loc not in structural:
                problems.append(f"{b.loc}: clause {labelled.label} {body[:50]!r} is no clause of the data")
    return problems


def misplaced(doc: Document, order: dict) -> list[str]:
    """Clauses outside their resolution's or section's stretch of the document. `order` maps a
    Location to its index in reading order."""
    problems = []
    heads = [order[r.loc] for r in doc.resolutions]
    for n, r in enumerate(doc.resolutions):
        end = heads[n + 1] if n + 1 < len(heads) else float("inf")
        starts = [order[s.loc] for s in r.sections]
        for k, s in enumerate(r.sections):
            section_end = starts[k + 1] if k + 1 < len(starts) else end
            for c in s.clauses:
                at = order[c.loc]
                if not heads[n] < at < end:
                    problems.append(f"{r.key}: clause {c.label} at {c.loc} is outside its resolution")
                elif not starts[k] <= at < section_end + (at == section_end == starts[k]):
                    problems.append(f"{r.key}: clause {c.label} at {c.loc} is outside its section {s.heading!r}")
    return problems


def reading_order(data: bytes) -> dict:
    _, _, blocks = read_bytes(data)
    return {b.loc: i for i, b in enumerate(blocks.value) if not b.merged}
