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
    out: list[str] = []
    for r in doc.resolutions:
        out += [r.header, r.title_en or "", r.title_ar or "", r.summary_ar or "", *r.intro, *(f.text for f in r.footnotes)]
        for s in r.sections:
            out += [s.heading, s.addressee or "", s.verb or ""]
            out += [c.text for c in s.clauses]
            out += [c.label or "" for c in s.clauses]
    return [clean(x) for x in out]


def lost(data: bytes, name: str, doc: Document | None = None) -> list[str]:
    """Paragraphs whose text is neither in the data nor in a diagnostic (its message or location)."""
    _, _, blocks = read_bytes(data)
    doc = doc or extract_bytes(data, name)
    hay = "\n".join(_model_strings(doc))
    words = set(_WORD.findall(hay))
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
            body = clean(split_label(piece).text)
            if body and body not in hay and body not in messages and not set(_WORD.findall(body)) <= words:
                problems.append(f"{b.loc}: {body[:60]!r} is neither in the data nor diagnosed")
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
