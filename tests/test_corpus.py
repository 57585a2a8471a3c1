"""The corpus: documents of the whole ITU family (tests/corpus/), each with hand-checked clause-level
expectations (NAME.expect.json) kept apart from byte snapshots. docs/conventions.md lists which
document covers which convention.

Only the keys an expectation states are compared, so rewording a message or adding an output field
never forces rewriting them. `text_starts` is a prefix of the clause text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from wtsa_extract.export.json import document_dict
from wtsa_extract.pipeline import extract_bytes

CORPUS = Path(__file__).parent / "corpus"
sys.path.insert(0, str(CORPUS))

from build import build  # noqa: E402  (tests/corpus/build.py: markup -> .docx)

NAMES = sorted(p.name[: -len(".expect.json")] for p in CORPUS.glob("*.expect.json")
               if not p.name.startswith("overview-"))
CLAUSE_KEYS = ("verb", "label", "parent", "bureaux", "with_bureaux", "assignee", "reports_to")


def source(name: str) -> tuple[bytes, str]:
    """The document's bytes: a text file as it is, a .docx.txt markup built into Word."""
    text = CORPUS / f"{name}.txt"
    if text.exists():
        return text.read_bytes(), text.name
    markup = CORPUS / f"{name}.docx.txt"
    return build(markup.read_text(encoding="utf-8")), f"{name}.docx"


def parsed(name: str) -> dict:
    data, filename = source(name)
    return document_dict(extract_bytes(data, filename))


def clause_rows(doc: dict) -> list[tuple[str, dict]]:
    return [(r["key"], c) for r in doc["resolutions"] for s in r["sections"] for c in s["clauses"]]


def differences(expected: dict, doc: dict) -> list[str]:
    """Every way `doc` departs from `expected`, one line each (empty when it matches)."""
    out: list[str] = []
    got_res = doc["resolutions"]
    want_res = expected["resolutions"]
    got_keys = [r["key"] for r in got_res]
    want_keys = [r.get("key") for r in want_res]
    if len(got_res) != len(want_res):
        out.append(f"resolutions: expected {want_keys}, got {got_keys}")
    for want, got in zip(want_res, got_res, strict=False):
        for field in ("key", "designation", "number", "title_en"):
            if field in want and want[field] != got[field]:
                out.append(f"{got['key']}: {field} expected {want[field]!r}, got {got[field]!r}")
        if "edition" in want:
            got_edition = got["edition"] or {}
            for field, value in (want["edition"] or {}).items():
                if got_edition.get(field) != value:
                    out.append(f"{got['key']}: edition.{field} expected {value!r}, got {got_edition.get(field)!r}")
        got_clauses = [c for s in got["sections"] for c in s["clauses"]]
        want_clauses = want.get("clauses", [])
        if len(got_clauses) != len(want_clauses):
            out.append(f"{got['key']}: expected {len(want_clauses)} clauses, got {len(got_clauses)}: "
                       + " | ".join(f"{c['label']} {c['text'][:30]}" for c in got_clauses))
        for n, (w, g) in enumerate(zip(want_clauses, got_clauses, strict=False), start=1):
            for field in CLAUSE_KEYS:
                if field in w and _norm(w[field]) != _norm(g[field]):
                    out.append(f"{got['key']} clause {n} ({g['label']} {g['text'][:25]!r}): {field} "
                               f"expected {w[field]!r}, got {g[field]!r}")
            if "text_starts" in w and not g["text"].startswith(w["text_starts"]):
                out.append(f"{got['key']} clause {n}: text expected to start {w['text_starts']!r}, got {g['text'][:40]!r}")
    codes = {d["code"] for d in doc["diagnostics"]}
    for code in expected.get("diagnostics", []):
        if code not in codes:
            out.append(f"diagnostic {code!r} expected, not reported")
    return out


def _norm(value):
    return list(value) if isinstance(value, (list, tuple)) else value


@pytest.mark.parametrize("name", NAMES)
def test_corpus(name):
    expected = json.loads((CORPUS / f"{name}.expect.json").read_text(encoding="utf-8"))
    problems = differences(expected, parsed(name))
    assert not problems, f"{name}:\n" + "\n".join(problems)


def test_the_corpus_is_the_family():
    """At least twelve documents, text and Word both."""
    assert len(NAMES) >= 12
    assert any((CORPUS / f"{n}.docx.txt").exists() for n in NAMES)
    assert any((CORPUS / f"{n}.txt").exists() for n in NAMES)
