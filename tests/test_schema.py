"""The JSON Schema is generated from the model, published as docs/schema.json, and bites."""

import copy
import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from wtsa_extract.cli import app
from wtsa_extract.schema import document_schema, schema_json

PUBLISHED = Path(__file__).resolve().parent.parent / "docs" / "schema.json"
GOLDEN = Path(__file__).parent / "golden"


def test_published_schema_is_the_generated_one():
    if os.environ.get("UPDATE_GOLDEN"):
        PUBLISHED.write_text(schema_json(), encoding="utf-8")
    assert PUBLISHED.read_text(encoding="utf-8") == schema_json(), "model changed: run `make golden`"


# The contract of each schema name, as a digest of its JSON Schema less the descriptions (prose is
# not the contract: rewording one is no change of name). A change to the model's output changes the
# schema; this test then fails until the schema gets a new name (SCHEMA in src/wtsa_extract/__init__.py)
# and its digest is added here: the rule of docs/output.md. (Earlier names' digests were taken with
# the descriptions in, and are not kept: only the current name's contract is checked.)
CONTRACTS = {
    "wtsa-extract/3": "5de3736214fbc021",  # + clause reports_to, optional top-level document (JSON Lines)
}


def _without_descriptions(value):
    if isinstance(value, dict):
        return {k: _without_descriptions(v) for k, v in value.items() if k != "description"}
    if isinstance(value, list):
        return [_without_descriptions(v) for v in value]
    return value


def test_a_changed_schema_has_a_new_name():
    import hashlib

    from wtsa_extract import SCHEMA

    body = _without_descriptions({k: v for k, v in document_schema().items() if k != "$id"})
    body["properties"] = {k: v for k, v in body["properties"].items() if k != "schema"}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    assert SCHEMA in CONTRACTS, f"{SCHEMA} has no recorded contract: add {digest!r}"
    assert CONTRACTS[SCHEMA] == digest, f"the output schema changed under the name {SCHEMA}: give it a new name"


def test_schema_command_prints_it():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout) == document_schema()


@pytest.fixture(scope="module")
def validator():
    schema = document_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("name", ["seed.json", "itu-res1.json"])
def test_every_golden_output_validates(validator, name):
    errors = list(validator.iter_errors(json.loads((GOLDEN / name).read_text(encoding="utf-8"))))
    assert errors == []


def test_the_schema_rejects_what_is_not_the_contract(validator):
    good = json.loads((GOLDEN / "seed.json").read_text(encoding="utf-8"))
    clause = good["resolutions"][0]["sections"][0]["clauses"][0]
    for mutate in (
        lambda c: c.update(verb=7),  # wrong type
        lambda c: c.pop("with_bureaux"),  # missing field
        lambda c: c.update(colour="red"),  # unknown field
        lambda c: c.update(source={}),  # a location with no key
    ):
        bad = copy.deepcopy(good)
        mutate(bad["resolutions"][0]["sections"][0]["clauses"][0])
        assert not validator.is_valid(bad)
    assert clause  # the original is untouched
    bad = copy.deepcopy(good)
    bad["schema"] = "wtsa-extract/1"
    assert not validator.is_valid(bad)
