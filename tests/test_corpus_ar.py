"""The Arabic versions of corpus resolutions (tests/corpus/ar/, written in ITU's Arabic style by
hand, with hand-checked expectations): parsed into the same model, canonical English verbs with the
Arabic phrase as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_corpus import differences

from wtsa_extract.export.json import document_dict
from wtsa_extract.pipeline import extract_bytes

AR = Path(__file__).parent / "corpus" / "ar"
NAMES = sorted(p.name[: -len(".ar.expect.json")] for p in AR.glob("*.ar.expect.json"))


def arabic_differences(expected: dict, doc: dict) -> list[str]:
    """As for English (title_ar in place of title_en), and each clause's verb_ar."""
    out = differences({**expected, "resolutions": [
        {k: v for k, v in r.items() if k != "title_ar"} for r in expected["resolutions"]]}, doc)
    for want, got in zip(expected["resolutions"], doc["resolutions"], strict=False):
        if "title_ar" in want and want["title_ar"] != got["title_ar"]:
            out.append(f"{got['key']}: title_ar expected {want['title_ar']!r}, got {got['title_ar']!r}")
        got_clauses = [c for s in got["sections"] for c in s["clauses"]]
        for n, (w, g) in enumerate(zip(want.get("clauses", []), got_clauses, strict=False), start=1):
            if "verb_ar" in w and w["verb_ar"] != g["verb_ar"]:
                out.append(f"{got['key']} clause {n}: verb_ar expected {w['verb_ar']!r}, got {g['verb_ar']!r}")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_arabic_corpus(name):
    expected = json.loads((AR / f"{name}.ar.expect.json").read_text(encoding="utf-8"))
    data = (AR / f"{name}.ar.txt").read_bytes()
    doc = document_dict(extract_bytes(data, f"{name}.ar.txt"))
    assert doc["language"] == "ar"
    problems = arabic_differences(expected, doc)
    assert not problems, f"{name}:\n" + "\n".join(problems)


def test_there_are_four_arabic_versions():
    assert len(NAMES) >= 4
