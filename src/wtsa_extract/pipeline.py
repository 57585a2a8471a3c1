"""The whole job as one call: read a file, parse it, return a `Document`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from wtsa_extract.model import Document, SourceInfo
from wtsa_extract.readers import InputError, read_bytes


def extract_bytes(data: bytes, name: str) -> Document:
    """Parse an in-memory document; raises InputError when it cannot be read."""
    from wtsa_extract.parse.english import parse_english

    if not data:
        raise InputError(f"{name}: is empty")
    try:
        kind, encoding, blocks = read_bytes(data)
    except InputError as error:
        raise InputError(f"{name}: {error}") from None
    from wtsa_extract.align import align_document

    english = parse_english(blocks.value)
    aligned = align_document(english.value, blocks.value)
    source = SourceInfo(name=name, format=kind, encoding=encoding,
                        sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    return Document(source, tuple(aligned.value), blocks.messages + english.messages + aligned.messages)


def extract(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a document") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    return extract_bytes(data, path.name)
