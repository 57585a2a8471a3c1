"""Per-document memo caches are emptied before each document: no document speeds up (or fills memory
for) the next, so batch figures are honest and memory stays bounded. Vocabulary caches (compiled
once per process, maxsize None or 1) are the exception."""

import importlib
import pkgutil

import wtsa_extract
from wtsa_extract import pipeline


def memo_caches():
    found = {}
    for info in pkgutil.walk_packages(wtsa_extract.__path__, "wtsa_extract."):
        if info.name.endswith(("cli", "console", "entry")) or ".__main__" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and value.cache_info().maxsize not in (None, 1):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_memo_cache_is_emptied_between_documents(seed_doc):
    from docx_build import SEED_TEXT

    caches = memo_caches()
    assert len(caches) >= 6  # clean, fold, classify, concepts_ar, concepts_en, actors_of_addressee
    pipeline.extract(SEED_TEXT)
    assert any(c.cache_info().currsize for c in caches.values())
    pipeline._fresh_caches()
    assert {name: c.cache_info().currsize for name, c in caches.items() if c.cache_info().currsize} == {}


def test_reading_a_document_leaves_no_reference_cycles(seed_docx_path):
    """The console script runs with the cycle collector off, so a document's objects must be freed by
    reference counting alone: a cycle (a self-calling closure, a lambda over its owner) would keep a
    whole parsed package alive until exit."""
    import gc

    from docx_build import ITU_DOCX, SEED_TEXT

    for path in (seed_docx_path, ITU_DOCX, SEED_TEXT):
        data = path.read_bytes()
        pipeline.extract_bytes(data, path.name)  # warm: vocabulary compiled, modules imported
        gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            pipeline.extract_bytes(data, path.name)
            assert gc.collect() == 0, path.name
        finally:
            if was_enabled:
                gc.enable()
