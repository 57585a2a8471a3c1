"""Parsers: blocks -> values. Each returns a `Result` with what it consumed.

- `parse_english`: the English resolutions (annex, individual files, Final Acts, proposals).
- `parse_overview`: the Arabic overview (Table 1 rows, Table 2 summaries).
- `parse_arabic_text`: the Arabic version of resolutions, into the same model as the English.
"""

from wtsa_extract.parse.arabic import parse_overview
from wtsa_extract.parse.english import parse_english

__all__ = ["parse_arabic_text", "parse_english", "parse_overview"]


def __getattr__(name: str):
    """parse_arabic_text on first use: most inputs are English, and its module costs ~2 ms to load."""
    if name == "parse_arabic_text":
        from wtsa_extract.parse.arabic_text import parse_arabic_text

        return parse_arabic_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
