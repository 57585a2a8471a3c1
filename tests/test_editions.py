"""`wtsa-extract diff` on two editions written blind (tests/corpus/editions/: NAME_old.txt, NAME_new.txt
and NAME.expect.json, hand-written by a helper who never ran the tool, listing every resolution and
clause with its expected change). Only the keys an expectation states are compared; a clause marked
`position_uncertain` must be there, wherever the diff lists it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wtsa_extract.align.diff import diff_documents
from wtsa_extract.export.diff import diff_dict
from wtsa_extract.pipeline import extract

EDITIONS = Path(__file__).parent / "corpus" / "editions"
NAMES = sorted(p.name[: -len(".expect.json")] for p in EDITIONS.glob("*.expect.json"))
SIDES = {"label": "label", "verb": "verb", "bureaux": "bureaux", "with_bureaux": "with_bureaux", "assignee": "assignee"}


def _clause_differences(where: str, want: dict, got: dict) -> list[str]:
    out = []
    if "change" in want and want["change"] != got["change"]:
        out.append(f"{where}: change expected {want['change']!r}, got {got['change']!r}")
    if "fields" in want and sorted(want["fields"]) != sorted(got["fields"]):
        out.append(f"{where}: fields expected {want['fields']}, got {got['fields']}")
    for side in ("old", "new"):
        for key, field in SIDES.items():
            name = f"{side}_{key}"
            if name in want:
                value = None if got[side] is None else got[side][field]
                if want[name] != value:
                    out.append(f"{where}: {name} expected {want[name]!r}, got {value!r}")
    text = (got["new"] or got["old"])["text"]
    if "text_starts" in want and not text.startswith(want["text_starts"]):
        out.append(f"{where}: text expected to start {want['text_starts']!r}, got {text[:40]!r}")
    return out


def differences(expected: dict, data: dict) -> list[str]:
    out = []
    got_res, want_res = data["resolutions"], expected["resolutions"]
    if len(got_res) != len(want_res):
        out.append(f"resolutions: expected {len(want_res)}, got {len(got_res)}")
    for want, got in zip(want_res, got_res, strict=False):
        name = got["new_key"] or got["old_key"]
        for key in ("old_key", "new_key", "number", "title_en", "change"):
            if key in want and want[key] != got[key]:
                out.append(f"{name}: {key} expected {want[key]!r}, got {got[key]!r}")
        if "fields" in want and sorted(want["fields"]) != sorted(got["fields"]):
            out.append(f"{name}: fields expected {want['fields']}, got {got['fields']}")
        if "match" in want and want["match"] is None and got["match"] is not None:
            out.append(f"{name}: match expected none, got {got['match']!r}")
        for key, value in (want.get("match") or {}).items():
            if (got["match"] or {}).get(key) != value:
                out.append(f"{name}: match.{key} expected {value!r}, got {(got['match'] or {}).get(key)!r}")
        placed = [c for c in want["clauses"] if not c.get("position_uncertain")]
        anywhere = [c for c in want["clauses"] if c.get("position_uncertain")]
        clauses = list(got["clauses"])
        for w in anywhere:  # found wherever it is, then left out of the ordered comparison
            hit = next((c for c in clauses if not _clause_differences("", w, c)), None)
            if hit is None:
                out.append(f"{name}: no clause as expected anywhere: {w.get('text_starts')!r}")
            else:
                clauses.remove(hit)
        if len(clauses) != len(placed):
            out.append(f"{name}: expected {len(placed)} placed clauses, got {len(clauses)}")
        for i, (w, c) in enumerate(zip(placed, clauses, strict=False)):
            out.extend(_clause_differences(f"{name} clause {i}", w, c))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_two_editions_compare_as_written_blind(name):
    expected = json.loads((EDITIONS / f"{name}.expect.json").read_text(encoding="utf-8"))
    old, new = extract(EDITIONS / f"{name}_old.txt"), extract(EDITIONS / f"{name}_new.txt")
    problems = differences(expected, diff_dict(diff_documents(old, new)))
    assert not problems, "\n".join(problems)


def test_there_are_editions():
    assert NAMES
