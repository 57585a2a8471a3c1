"""Readers: turn an input file into a stream of `Block`s with provenance.

`read_path` sniffs the format from the bytes (not the file name) and dispatches.
Unusable input raises `InputError`, whose message is one line for the user.
"""

from __future__ import annotations

from wtsa_extract.model import Block, Result


class InputError(Exception):
    """The input cannot be read at all; str(error) is one clear line."""


def sniff(data: bytes) -> str:
    """'docx', or 'text' for anything that is not a zip package."""
    return "docx" if data[:4] == b"PK\x03\x04" else "text"


def read_bytes(data: bytes) -> tuple[str, str | None, Result[list[Block]]]:
    """Read `data`; return (format, text encoding or None, blocks with diagnostics).

    Raises InputError when the data is not a usable document."""
    kind = sniff(data)
    if kind == "docx":
        from wtsa_extract.readers.docx import read_docx
        from wtsa_extract.readers.docx.oxml import PackageError

        try:
            return kind, None, read_docx(data)
        except PackageError as error:
            raise InputError(str(error)) from None
    from wtsa_extract.readers.text import read_text

    encoding, result = read_text(data)
    return kind, encoding, result
