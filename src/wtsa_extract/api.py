"""The Python API for notebooks and scripts: `wtsa_extract.extract(source)` reads a document from a
path (str or Path), bytes or a binary file object and returns the `Document` the command line
writes; its methods give the JSON as a dict, the CSV rows and a pandas DataFrame (docs/api.md)."""

from __future__ import annotations

import os
from pathlib import Path

from wtsa_extract.limits import DEFAULT, Limits
from wtsa_extract.model import Document

# dtypes for pandas.read_csv of the clause CSV: integers stay integers beside empty cells, and labels
# ('1', '2.1') stay text; e.g. pd.read_csv("seed.csv", dtype=wx.CSV_DTYPES).
CSV_DTYPES = {"number": "Int64", "label": "string", "parent": "string", "key": "string", "status": "string",
              "lead_bureaux": "string", "partner_bureaux": "string", "acting_bureaux": "string",
              "assignee": "string", "addressee": "string", "reports_to": "string", "verb": "string"}


def extract(source, *, name: str | None = None, limits: Limits = DEFAULT) -> Document:
    """Read and parse one document. `source` is a path (str or os.PathLike), bytes, or a binary file
    object (opened with 'rb'); `name` replaces the file name recorded in `source.name`. Raises
    wtsa_extract.InputError (one line) where the command line refuses the input: it cannot be read,
    or holds no resolution. TypeError for a text-mode file or any other kind of source."""
    from wtsa_extract.pipeline import NO_RESOLUTION, extract_bytes
    from wtsa_extract.pipeline import extract as extract_path
    from wtsa_extract.readers import InputError

    if isinstance(source, str | os.PathLike):
        doc, shown = extract_path(Path(source), limits), str(source)
        if name is not None:
            doc = doc._replace(source=doc.source._replace(name=name))
    elif isinstance(source, bytes | bytearray | memoryview):
        doc = extract_bytes(bytes(source), name or "document", limits)
        shown = doc.source.name
    elif hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            raise TypeError("open the file in binary mode ('rb'): wtsa-extract detects the encoding itself")
        doc = extract_bytes(bytes(data), name or Path(str(getattr(source, "name", "document"))).name, limits)
        shown = doc.source.name
    else:
        raise TypeError(f"extract() takes a path, bytes or a binary file, not {type(source).__name__}")
    if not doc.resolutions:
        raise InputError(f"{shown}: {NO_RESOLUTION}")
    return doc


def to_dict(doc: Document) -> dict:
    """The JSON output (docs/output.md) as Python values."""
    from wtsa_extract.export.json import document_dict

    return document_dict(doc)


def clauses(doc: Document):
    """The clause CSV's rows as dicts (None for an empty cell, the number as an int)."""
    from wtsa_extract.export.csv import rows

    return rows(doc)


def to_pandas(doc: Document):
    """The clause rows as a pandas DataFrame (pandas is not a dependency: install it to use this),
    typed as CSV_DTYPES says."""
    try:
        import pandas
    except ImportError:
        raise ImportError("to_pandas() needs pandas: pip install pandas") from None
    from wtsa_extract.export.csv import COLUMNS

    frame = pandas.DataFrame(list(clauses(doc)), columns=COLUMNS)
    return frame.astype({k: v for k, v in CSV_DTYPES.items() if k in frame.columns})
