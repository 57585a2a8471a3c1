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
