"""Alignment: tie the Arabic overview (Tables 1 and 2) to the English resolutions and compare them."""

from wtsa_extract.align.align import align_document

__all__ = ["align_document"]
