"""Parsers: blocks -> values. Each returns a `Result` with what it consumed.

- `parse_english`: the English resolutions (annex, individual files, Final Acts, proposals).
- `parse_overview`: the Arabic overview (Table 1 rows, Table 2 summaries).
- `parse_arabic_text`: the Arabic version of resolutions, into the same model as the English.
"""

from wtsa_extract.parse.arabic import parse_overview
from wtsa_extract.parse.arabic_text import parse_arabic_text
from wtsa_extract.parse.english import parse_english

__all__ = ["parse_arabic_text", "parse_english", "parse_overview"]
