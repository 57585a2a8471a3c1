"""The two JSON writers (stdlib json for one small document, orjson for batches and large ones) give
the same text, so which one ran never shows in the output."""

import subprocess
import sys

import pytest

from wtsa_extract.export.json import document_dict, dumps
from wtsa_extract.report import as_dict


@pytest.mark.parametrize("which", ["seed_doc", "itu_doc"])
def test_same_text_from_both_writers(which, request):
    doc = request.getfixturevalue(which)
    for value in (document_dict(doc), as_dict(doc)):
        for indent in (True, False):
            assert dumps(value, indent=indent, large=True) == dumps(value, indent=indent, large=False)
    assert dumps({"x": [1.0, 0.9, None, "a\u2011b\u0627"]}, large=False) == dumps({"x": [1.0, 0.9, None, "a\u2011b\u0627"]}, large=True)


def test_floats_the_writers_spell_differently_go_to_orjson(seed_doc):
    from wtsa_extract.export.json import needs_orjson
    from wtsa_extract.model import Coverage

    assert not needs_orjson(seed_doc)
    tiny = seed_doc._replace(coverage=Coverage(10**6, 12, 0))  # ratio 1.2e-05
    assert needs_orjson(tiny)


def test_one_small_document_does_not_import_orjson(tmp_path):
    from docx_build import SEED_TEXT

    code = ("import sys; from wtsa_extract.fastpath import run; "
            f"run(['parse', {str(SEED_TEXT)!r}, '-q', '-o', {str(tmp_path / 'o.json')!r}]); "
            "print('orjson' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
