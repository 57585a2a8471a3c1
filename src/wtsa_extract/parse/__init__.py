"""Parsers: blocks -> values. Each returns a `Result` with what it consumed.

- `parse_english`: the English resolutions (annex, individual files, Final Acts, proposals).
- `parse_overview`: the Arabic overview (Table 1 rows, Table 2 summaries).
"""

from wtsa_extract.parse.arabic import parse_overview
from wtsa_extract.parse.english import parse_english

__all__ = ["parse_english", "parse_overview"]
