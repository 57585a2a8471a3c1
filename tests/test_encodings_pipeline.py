"""The seed re-encoded (Windows-1256 + CRLF, UTF-16, UTF-8 with BOM, CR line ends) parses identically."""

import pytest
from docx_build import SEED_TEXT

from wtsa_extract.export.json import document_dict
from wtsa_extract.pipeline import extract_bytes

SEED = SEED_TEXT.read_bytes().decode("utf-8")


def resolutions(data: bytes):
    doc = document_dict(extract_bytes(data, "seed"))
    return doc["source"]["encoding"], doc["resolutions"]


@pytest.fixture(scope="module")
def reference():
    return resolutions(SEED.encode("utf-8"))[1]


def test_utf16_with_bom(reference):
    assert resolutions(SEED.encode("utf-16")) == ("utf-16 (BOM)", reference)


def test_utf8_with_bom_and_crlf(reference):
    data = b"\xef\xbb\xbf" + SEED.replace("\n", "\r\n").encode("utf-8")
    assert resolutions(data) == ("utf-8 (BOM)", reference)


def test_cr_line_ends(reference):
    assert resolutions(SEED.replace("\n", "\r").encode("utf-8"))[1] == reference


def test_windows_1256_with_crlf():
    # Windows-1256 cannot hold U+2011 (non-breaking hyphen) or U+2019: a legacy file carries ASCII.
    legacy = SEED.replace("\u2011", "-").replace("\u2019", "'")
    expected = resolutions(legacy.encode("utf-8"))[1]
    encoding, got = resolutions(legacy.replace("\n", "\r\n").encode("cp1256"))
    assert encoding == "windows-1256"
    assert got == expected
    assert len(got) == 26
