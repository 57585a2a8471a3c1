"""Records are made by their constructors (issue 15): a field added with a default to any record the
readers make reaches every record, with its default. Each record class is replaced, in every module
that refers to it, by a copy with one more field; then the samples (and a .docx whose footnote is
missing, for a reader's Diagnostic) are read again."""

import sys
from collections import namedtuple

import pytest
from docx_build import ITU_DOCX, SEED_TEXT, minimal_docx

from wtsa_extract import model
from wtsa_extract.readers import read_bytes
from wtsa_extract.readers.docx import body

DEFAULT = "added-with-a-default"


def extended(cls):
    """`cls` with a field `extra` after its own (default DEFAULT), keeping its methods."""
    defaults = [cls._field_defaults[f] for f in cls._fields if f in cls._field_defaults]
    base = namedtuple(cls.__name__, [*cls._fields, "extra"], defaults=[*defaults, DEFAULT])
    own = {k: v for k, v in vars(cls).items()
           if not k.startswith("_") or k in ("__str__", "__repr__", "__bool__")}
    return type(cls.__name__, (base,), {k: v for k, v in own.items() if k not in base._fields})


@pytest.mark.parametrize("record", [model.Block, model.Location, model.Footnote, model.Diagnostic, body.Para],
                         ids=lambda c: c.__name__)
def test_a_new_field_with_a_default_reaches_every_record(monkeypatch, seed_docx_path, record):
    is_para = record is body.Para
    new = extended(record)
    for module in [m for name, m in sys.modules.items() if name.startswith("wtsa_extract") and m is not None]:
        for name, value in list(vars(module).items()):
            if value is record:
                monkeypatch.setattr(module, name, new)
    made = []
    if is_para:
        original = body._para

        def spy(text):
            made.append(original(text))
            return made[-1]

        monkeypatch.setattr(body, "_para", spy)
    missing_note = minimal_docx('<w:p><w:r><w:t>x</w:t></w:r><w:r><w:footnoteReference w:id="9"/></w:r></w:p>')
    for data in (SEED_TEXT.read_bytes(), ITU_DOCX.read_bytes(), seed_docx_path.read_bytes(), missing_note):
        _, _, blocks = read_bytes(data)
        for b in blocks.value:
            made += [b, b.loc, *b.footnotes, *(f.loc for f in b.footnotes if hasattr(f, "loc"))]
        made += [*blocks.messages, *(d.loc for d in blocks.messages if d.loc is not None)]
    found = [r for r in made if type(r).__name__ == record.__name__]
    assert found, f"no {record.__name__} made"
    assert all(isinstance(r, new) and len(r) == len(new._fields) and r.extra == DEFAULT for r in found)
