"""`check ENGLISH ARABIC`: the English and Arabic versions compared clause by clause. The planted
discrepancies of tests/corpus/ar/pairs*.json are each reported once, with their code and resolution,
and the faithful pairs give no finding of these codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wtsa_extract.align.versions import compare_documents, label_key
from wtsa_extract.pipeline import extract, extract_bytes

CORPUS = Path(__file__).parent / "corpus"
# pairs.json, and pairs.*.json (later rounds: pairs.blind2.json)
PAIRS = [p for f in sorted((CORPUS / "ar").glob("pairs*.json")) for p in json.loads(f.read_text(encoding="utf-8"))]
CODES = {"clause-missing", "number-mismatch", "verb-mismatch", "bureaux-mismatch", "label-mismatch", "resolution-missing"}
EXE = str(Path(sys.executable).with_name("wtsa-extract"))


@pytest.mark.parametrize("pair", PAIRS, ids=[p["arabic"].split("/")[-1] for p in PAIRS])
def test_each_planted_discrepancy_is_reported_once_and_nothing_else(pair):
    english, arabic = _document(pair["english"]), extract(CORPUS / pair["arabic"])
    assert (english.language, arabic.language) == ("en", "ar")
    found = [d for p in compare_documents(english, arabic) for d in p.findings if d.code in CODES]
    assert sorted((d.code, d.resolution) for d in found) == sorted((f["code"], f["resolution"]) for f in pair["findings"])


def _document(name: str):
    """A corpus document: a text as it is, Word markup (NAME.docx.txt) built into a .docx."""
    if not name.endswith(".docx.txt"):
        return extract(CORPUS / name)
    sys.path.insert(0, str(CORPUS))
    from build import build

    return extract_bytes(build((CORPUS / name).read_text(encoding="utf-8")), name[: -len(".txt")])


def test_there_are_pairs_of_every_round():
    assert len(PAIRS) >= 13 and any(p["english"].endswith(".docx.txt") for p in PAIRS)


def test_labels_compare_across_scripts():
    assert [label_key(x) for x in ["أ)", "(b)", "هـ)", "1 مكرراً", "1bis", "ii)", "٣", "’1‘", "’٤‘", "’14‘"]] == \
        ["a", "b", "e", "1bis", "1bis", "ii", "3", "i", "iv", "xiv"]


def test_the_command_in_either_order_with_exit_codes():
    planted = next(p for p in PAIRS if p["findings"])
    english, arabic = str(CORPUS / planted["english"]), str(CORPUS / planted["arabic"])
    for args in ([english, arabic], [arabic, english]):
        done = subprocess.run([EXE, "check", *args, "-f", "json"], capture_output=True, text=True)
        assert done.returncode == 1, done.stderr
        report = json.loads(done.stdout)
        assert report["schema"] == "wtsa-extract-check/2"
        assert [f["code"] for f in report["findings"]] == [planted["findings"][0]["code"]]
        assert all(set(p) == {"english", "arabic", "findings"} for row in report["rows"] for p in row["pairs"])
    faithful = next(p for p in PAIRS if not p["findings"])
    done = subprocess.run([EXE, "check", str(CORPUS / faithful["english"]), str(CORPUS / faithful["arabic"])],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "0 errors, 0 warnings" in done.stdout


def test_two_documents_of_one_language_are_refused_in_one_line():
    done = subprocess.run([EXE, "check", str(CORPUS / "wrc_res212.txt"), str(CORPUS / "ra_itu_r_9.txt")],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1 and "both English" in done.stderr
