"""Every diagnostic code the code can emit is documented: parse's in docs/output.md, check's findings
in docs/cli.md (a code added without a line of documentation fails here)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMITTED = re.compile(r'Diagnostic\(\s*"(?:error|warning|info)",\s*"([a-z0-9-]+)"|\.(?:warn|info|note|error)\(\s*"([a-z0-9-]+)"')


def emitted_codes() -> set[str]:
    return {a or b for p in (ROOT / "src" / "wtsa_extract").rglob("*.py")
            for a, b in EMITTED.findall(p.read_text(encoding="utf-8"))}


def test_every_emitted_code_is_documented():
    codes = emitted_codes()
    assert {"page-breaks", "wrapped-text", "unparsed", "no-arabic"} <= codes  # the scan finds both forms
    docs = (ROOT / "docs" / "output.md").read_text(encoding="utf-8") + (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert sorted(c for c in codes if f"`{c}`" not in docs) == []
