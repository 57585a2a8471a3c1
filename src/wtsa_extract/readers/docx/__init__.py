"""The .docx reader. Only `oxml` knows WordprocessingML element names."""

from wtsa_extract.readers.docx.reader import read_docx

__all__ = ["read_docx"]
