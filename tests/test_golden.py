"""Golden JSON/CSV for every sample. Regenerate explicitly: `make golden` (UPDATE_GOLDEN=1)."""

import os
from pathlib import Path

import pytest
from docx_build import ITU_DOCX, SEED_TEXT

from wtsa_extract.export.csv import to_csv
from wtsa_extract.export.json import to_json
from wtsa_extract.pipeline import extract

GOLDEN = Path(__file__).parent / "golden"
CASES = {"seed": SEED_TEXT, "itu-res1": ITU_DOCX}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("fmt", ["json", "csv", "actionplan.csv"])
def test_golden(name, fmt):
    from wtsa_extract.export.actionplan import to_actionplan

    doc = extract(CASES[name])
    text = {"json": to_json, "csv": to_csv, "actionplan.csv": to_actionplan}[fmt](doc)
    path = GOLDEN / f"{name}.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
        pytest.skip(f"regenerated {path.name}")
    assert path.exists(), f"{path} missing: run `make golden` and review it"
    assert text == path.read_bytes().decode("utf-8")
