"""The .docx reader (reader.py); only this package knows WordprocessingML names."""

from wtsa_extract.readers.docx.reader import PackageError, read_docx

__all__ = ["PackageError", "read_docx"]
