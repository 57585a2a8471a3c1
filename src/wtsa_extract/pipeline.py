"""The whole job as one call: read a file, parse it, return a `Document`."""

from __future__ import annotations

from pathlib import Path

from wtsa_extract.limits import DEFAULT, Limits
from wtsa_extract.model import Document, SourceInfo
from wtsa_extract.readers import InputError, read_bytes


def extract_bytes(data: bytes, name: str, limits: Limits = DEFAULT, shown: str | None = None) -> Document:
    """Parse an in-memory document named `name` (the file name the output records); raises
    InputError, naming the input as `shown` (default: `name`), when it cannot be read."""
    from wtsa_extract.align import align_document
    from wtsa_extract.coverage import account
    from wtsa_extract.model import Overview, Result
    from wtsa_extract.parse import parse_english, parse_overview

    _fresh_caches()
    try:
        kind, encoding, blocks = read_bytes(data, limits)
    except InputError as error:
        raise InputError(f"{shown or name}: {error}") from None
    english = parse_english(blocks.value)
    language = "en"
    if not english.value and _arabic_version(blocks.value):
        from wtsa_extract.parse.arabic_text import parse_arabic_text

        english, language = parse_arabic_text(blocks.value), "ar"
        overview = Result(Overview((), ()))
    else:
        overview = parse_overview(blocks.value)
        if overview.value.rows or overview.value.summaries:
            language = "en+ar"
    aligned = align_document(english.value, overview.value)
    kept = {note.id for r in aligned.value for note in r.footnotes}
    noted = {d.loc for d in english.messages if d.code in SET_ASIDE}
    coverage, unparsed = account(blocks.value, english.consumed | overview.consumed, kept, noted)
    source = SourceInfo(name=name, format=kind, encoding=encoding,
                        sha256=_sha256(data), size=len(data))
    return Document(source, tuple(aligned.value),
                    blocks.messages + english.messages + overview.messages + aligned.messages + tuple(unparsed),
                    coverage, language)


NO_RESOLUTION = "no resolution found (no 'RESOLUTION N' or 'NEW RESOLUTION' header)"  # why an input is refused
SET_ASIDE = ("page-furniture", "omission", "proposal-mark", "proposal-reasons")  # findings that quote their whole paragraph


def extract(path: Path | str, limits: Limits = DEFAULT) -> Document:
    """Read and parse the file at `path`; raises InputError when it cannot be read."""
    path = Path(path)
    try:
        if too_large := limits.input_too_large(path.stat().st_size):  # before reading a huge file
            raise InputError(f"{path}: {too_large}")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a document") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    return extract_bytes(data, path.name, limits, shown=str(path))


def _arabic_version(blocks) -> bool:
    """Is this the Arabic version of resolutions? (Asked only when no English one was found, so the
    Arabic parser's module loads only for such inputs.)"""
    from wtsa_extract.parse.arabic_text import has_arabic_resolutions

    return has_arabic_resolutions(blocks)


def _sha256(data: bytes) -> str:
    from hashlib import sha256

    return sha256(data).hexdigest()


def _fresh_caches() -> None:
    """Empty the per-document memo caches, so that one document never speeds up (or fills memory
    for) the next: each is measured, and behaves, on its own."""
    from wtsa_extract import normalize
    from wtsa_extract.align import similarity
    from wtsa_extract.parse import actors, arabic, labels

    for cached in (normalize.clean, normalize.fold, normalize.arabic_key, arabic.classify, similarity.concepts_ar,
                   similarity.concepts_en, actors.actors_of_addressee, labels.split_label):
        cached.cache_clear()
