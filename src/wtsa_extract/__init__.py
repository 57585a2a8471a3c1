"""wtsa-extract: ITU assembly documents (.docx or text) to clause-level data."""

__version__ = "0.1.0"
SCHEMA = "wtsa-extract/3"
