"""wtsa-extract: ITU assembly documents (.docx or text) to clause-level data.

    import wtsa_extract as wx
    doc = wx.extract("file.docx")      # a str or Path, bytes, or a binary file object
    doc.to_dict(); doc.clauses(); doc.to_pandas()

(docs/api.md). The names below are loaded when first used, so the command line starts no slower.
"""

__version__ = "0.1.0"
SCHEMA = "wtsa-extract/3"

_LAZY = {"extract": "wtsa_extract.api", "CSV_DTYPES": "wtsa_extract.api", "Document": "wtsa_extract.model",
         "InputError": "wtsa_extract.readers", "Limits": "wtsa_extract.limits"}
__all__ = ["SCHEMA", "__version__", *_LAZY]


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'wtsa_extract' has no attribute {name!r}")
