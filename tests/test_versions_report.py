"""`report ENGLISH ARABIC`: both versions clause by clause, Arabic right to left, disagreements
highlighted and filterable, in a real browser."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_html_report import CHROMIUM, browse

CORPUS = Path(__file__).parent / "corpus"
PAIRS = json.loads((CORPUS / "ar" / "pairs.json").read_text(encoding="utf-8"))
EXE = str(Path(sys.executable).with_name("wtsa-extract"))
PLANTED = next(p for p in PAIRS if p["findings"] and p["findings"][0]["code"] == "verb-mismatch")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("versions") / "versions.html"
    done = subprocess.run([EXE, "report", str(CORPUS / PLANTED["arabic"]), str(CORPUS / PLANTED["english"]),
                           "-o", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "" and done.stderr == "", done.stderr
    return path


def test_page_pairs_every_clause_and_marks_the_disagreement(page):
    html = page.read_text(encoding="utf-8")
    pairs = html.count('<tr class="pair')
    assert pairs == html.count('<td class="ar" dir="rtl" lang="ar">') == 9  # wrc_res212's nine clauses
    assert html.count('<tr class="pair disagrees">') == 1 and "verb-mismatch" in html
    assert "يشجع" in html and "invites" in html and "http" not in html


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_in_chromium_rtl_and_the_disagreements_filter(page, tmp_path):
    dom, log = browse(page, tmp_path)
    assert "Uncaught" not in log and ":ERROR:CONSOLE" not in log
    assert 'data-arabic-direction="rtl"' in dom and 'data-shown="9"' in dom
    dom, _ = browse(page, tmp_path, "#only=findings")
    assert 'data-shown="1"' in dom
