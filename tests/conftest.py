import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so that a submission's result does not
# depend on the draw; developers' runs explore new examples each time (and `make fuzz` far more).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_build import ITU_DOCX, SEED_TEXT, seed_docx  # noqa: E402

from wtsa_extract.pipeline import extract  # noqa: E402


@pytest.fixture(scope="session")
def seed_doc():
    return extract(SEED_TEXT)


@pytest.fixture(scope="session")
def itu_doc():
    return extract(ITU_DOCX)


@pytest.fixture(scope="session")
def seed_docx_path(tmp_path_factory):
    return seed_docx(tmp_path_factory.mktemp("docx") / "seed.docx")


def resolution(doc, key):
    return next(r for r in doc.resolutions if r.key == key)


def clauses(res):
    return [c for s in res.sections for c in s.clauses]
