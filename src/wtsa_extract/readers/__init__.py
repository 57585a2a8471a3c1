"""Readers: turn an input file into a stream of `Block`s with provenance.

`read_bytes` sniffs the format from the bytes (not the file name) and dispatches to text.py or
docx/.
Unusable input raises `InputError`, whose message is one line for the user.
"""

from __future__ import annotations

from wtsa_extract.limits import DEFAULT, Limits
from wtsa_extract.model import Block, Result


class InputError(Exception):
    """The input cannot be read at all; str(error) is one clear line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


def detect_format(data: bytes) -> str:
    """'docx', or 'text' for anything that is not a zip package."""
    return "docx" if data[:4] == b"PK\x03\x04" else "text"


def read_bytes(data: bytes, limits: Limits = DEFAULT) -> tuple[str, str | None, Result[list[Block]]]:
    """Read `data`; return (format, text encoding or None, blocks with diagnostics).

    Raises InputError when the data is not a usable document."""
    from wtsa_extract.readers.sniff import unusable

    if not data:
        raise InputError("is empty")
    if too_large := limits.input_too_large(len(data)):
        raise InputError(too_large)
    reason = unusable(data)
    if reason:
        raise InputError(f"is {reason}")
    kind = detect_format(data)
    if kind == "docx":
        from wtsa_extract.readers.docx import PackageError, read_docx

        encoding = None  # a Word package has no text encoding of its own
        try:
            result = read_docx(data, limits)
        except PackageError as error:
            raise InputError(str(error)) from None
    else:
        from wtsa_extract.readers.text import TextError, read_text

        try:
            encoding, result = read_text(data)
        except TextError as error:
            raise InputError(str(error)) from None
    if len(result.value) > limits.max_paragraphs:
        raise InputError(f"holds {len(result.value)} paragraphs, over the {limits.max_paragraphs} limit "
                         "(raise it with --limit max_paragraphs=N)")
    return kind, encoding, result
