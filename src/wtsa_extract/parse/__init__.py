"""Parsers: blocks -> resolutions (English annex; the Arabic overview comes with alignment)."""
