"""Arabic/English title similarity through the bilingual glossary and shared tokens."""

from __future__ import annotations

import re
from functools import lru_cache

from wtsa_extract.needles import casefold
from wtsa_extract.normalize import arabic_key, fold
from wtsa_extract.vocabulary import glossary

_TOKEN = re.compile(r"\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|\d{1,4})\b")  # IMR, IPv6, 2020, 13


@lru_cache(maxsize=1)
def _arabic_forms() -> tuple[tuple[str, str], ...]:
    """(Arabic form, concept) for every form of every glossary term: one flat loop per title."""
    return tuple((a, f"g{i}") for i, term in enumerate(glossary()) for a in term.ar)


@lru_cache(maxsize=4096)  # the aligner compares each title with many others
def concepts_ar(text: str) -> frozenset[str]:
    key = f" {arabic_key(text)} "
    found = {concept for form, concept in _arabic_forms() if form in key}
    return frozenset(found | {f"t:{t.lower()}" for t in _TOKEN.findall(key)})


@lru_cache(maxsize=4096)
def concepts_en(text: str) -> frozenset[str]:
    folded = fold(text)
    cased = casefold(folded)  # made once for all the terms' screens
    found = {f"g{i}" for i, term in enumerate(glossary())
             if term.en.possible(folded, cased) and term.en.pattern.search(folded)}
    return frozenset(found | {f"t:{t.lower()}" for t in _TOKEN.findall(folded)})


MAX_TITLE = 1000  # characters compared: a title is a line, not a page


def similarity(title_ar: str | None, title_en: str | None) -> float:
    """Jaccard similarity of the concepts two titles name, in [0, 1]; 0 when either is missing."""
    if not title_ar or not title_en:
        return 0.0
    a, e = concepts_ar(title_ar[:MAX_TITLE]), concepts_en(title_en[:MAX_TITLE])
    union = a | e
    return len(a & e) / len(union) if union else 0.0
