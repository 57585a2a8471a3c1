"""Arabic/English title similarity through the bilingual glossary and shared tokens.

Two tiers (`data/glossary.json`):

1. the first glossary ('terms') with shared tokens (Latin acronyms such as IMR or IPv6, numbers):
   every concept found anywhere in a title, Jaccard-compared. When a pair of titles shares one of
   these, the similarity is that comparison alone (the founding document's scores rest on it).
2. otherwise, every term: the first glossary, general ITU vocabulary ('general': the Sectors and
   Bureaux, standardization, developing countries, capacity building, spectrum…) and
   transliterations (إنترنت, بروتوكول, تكنولوجيا…), read longest first so that a Sector's name is
   one concept rather than 'standardization' plus 'telecommunication'; Latin acronyms in the Arabic
   text are read through the terms' English forms (IoT, IMT, SDG), plural acronyms (ICTs, SDGs) as
   their singular; numbers. Arabic forms match at a word's start, after the usual clitics
   (و ف ب ل ك ال لل), so دور (role) does not match الدورات.

So titles that are translations of each other are compared on the vocabulary they share, not on a
list of one document's titles.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from wtsa_extract.normalize import arabic_key, fold
from wtsa_extract.prefilter import casefold
from wtsa_extract.vocabulary import glossary

_TOKEN = re.compile(r"\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|\d{1,4})\b")  # IMR, IPv6, 2020, 13
_SHORT = 3  # letters: a form this short must also end the word (with a possessive suffix at most)


class Concepts:
    """A title's concepts. `first` (tier 1: the first glossary's concepts and shared tokens) is made at
    once; `every` (tier 2: every term, longest first, and tokens) on first use, as titles tied by
    number or sharing a first-tier concept never need it."""

    __slots__ = ("first", "_text", "_make", "_every")

    def __init__(self, first: frozenset[str], text: str, make) -> None:
        self.first, self._text, self._make = first, text, make
        self._every: frozenset[str] | None = None

    @property
    def every(self) -> frozenset[str]:
        if self._every is None:
            self._every = self._make(self._text)
        return self._every


def _core(form: str) -> str:
    """The form without its article (matched apart, with the other clitics)."""
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


@lru_cache(maxsize=1)
def _arabic_forms() -> tuple[tuple[str, str], ...]:
    """(Arabic form, concept) for every form of every first-tier term: one flat loop per title."""
    return tuple((a, f"g{i}") for i, term in enumerate(glossary()) if term.tier == 1 for a in term.ar)


@lru_cache(maxsize=1)
def _concept_ids() -> tuple[str, ...]:
    """Tier-2 concept of each term: terms that share an Arabic form (a word listed in the first
    glossary and again in the general vocabulary) are one concept, counted once."""
    first_with: dict[str, int] = {}
    ids = []
    for i, term in enumerate(glossary()):
        j = min((first_with[a] for a in term.ar if a in first_with), default=i)
        for a in term.ar:
            first_with.setdefault(a, j)
        ids.append(f"G{j}")
    return tuple(ids)


class _Form(NamedTuple):
    core: str  # the form without its article
    short: bool  # must also end the word
    concept: str


@lru_cache(maxsize=1)
def _every_form() -> dict[str, tuple[_Form, ...]]:
    """Every form of every term, for the second tier, by the first two letters of its core."""
    ids = _concept_ids()
    index: dict[str, list[_Form]] = {}
    for i, term in enumerate(glossary()):
        for a in term.ar:
            core = _core(a)
            index.setdefault(core[:2], []).append(_Form(core, len(core.replace(" ", "")) <= _SHORT, ids[i]))
    return {k: tuple(v) for k, v in index.items()}


# Every string of clitics a form may follow: و ف, then ب ل ك, then the article ال; or لل after و ف.
_CLITICS = frozenset(a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك") for c in ("", "ال")) \
    | frozenset(a + "لل" for a in ("", "و", "ف"))
_CLITIC_LENGTHS = tuple(sorted({len(c) for c in _CLITICS}))
_SUFFIXES = ("", "ه", "ها", "هم")  # what may follow a short form in its word (its role: دوره)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # re's \w


def _starts_word(key: str, at: int) -> bool:
    """Does a word start at `at`, or do only clitics stand between a word's start and `at`?"""
    for k in _CLITIC_LENGTHS:
        if k <= at and key[at - k:at] in _CLITICS and (at == k or not _word_char(key[at - k - 1])):
            return True
    return False


def _ends_word(key: str, end: int) -> bool:
    for suffix in _SUFFIXES:
        stop = end + len(suffix)
        if key.startswith(suffix, end) and (stop >= len(key) or not _word_char(key[stop])):
            return True
    return False


def _spans_ar(key: str) -> list[tuple[int, int, str]]:
    """Where each form occurs in `key` at a word's start (after clitics). str.find, then a look at the
    letters around: a regex per form and title cost more than the whole alignment."""
    index = _every_form()
    pairs = {key[i:i + 2] for i in range(len(key) - 1)} & index.keys()  # forms whose first letters occur
    spans = []
    for core, short, concept in (form for pair in pairs for form in index[pair]):
        at = key.find(core)
        while at >= 0:
            end = at + len(core)
            if _starts_word(key, at) and (not short or _ends_word(key, end)):
                spans.append((at, end, concept))
            at = key.find(core, at + 1)
    return spans


def _longest_first(spans: list[tuple[int, int, str]]) -> set[str]:
    """Concepts of the spans kept when longer spans are taken first and overlapping ones dropped
    (several terms matching the very same span all count)."""
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for start, end, concept in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        if (start, end) in taken:
            found.add(concept)
        elif all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            found.add(concept)
    return found


def _token(t: str) -> str:
    return t[:-1].lower() if len(t) > 2 and t.endswith("s") and t[:-1].isupper() else t.lower()  # ICTs -> ict


def _term_of_token(token: str) -> str | None:
    """The concept of a glossary term whose English form is this Latin acronym (IoT, IMT, SDGs)."""
    folded = fold(token)
    cased = casefold(folded)
    for i, term in enumerate(glossary()):
        if (m := term.en.search(folded, cased)) and m.group() == folded:
            return _concept_ids()[i]
    return None


@lru_cache(maxsize=4096)  # the aligner compares each title with many others
def concepts_ar(text: str) -> Concepts:
    key = f" {arabic_key(text)} "
    tokens = {f"t:{t.lower()}" for t in _TOKEN.findall(key)}
    first = {concept for form, concept in _arabic_forms() if form in key} | tokens
    return Concepts(frozenset(first), key, _every_ar)


def _every_ar(key: str) -> frozenset[str]:
    every = _longest_first(_spans_ar(key))
    for t in _TOKEN.findall(key):
        every.add(_term_of_token(t) or f"t:{_token(t)}")
    return frozenset(every)


@lru_cache(maxsize=4096)
def concepts_en(text: str) -> Concepts:
    folded = fold(text)
    terms = glossary()
    cased = casefold(folded)
    first = {f"g{i}" for i, term in enumerate(terms) if term.tier == 1 and term.en.search(folded, cased)}
    first |= {f"t:{t.lower()}" for t in _TOKEN.findall(folded)}
    return Concepts(frozenset(first), folded, _every_en)


def _every_en(folded: str) -> frozenset[str]:
    ids, terms = _concept_ids(), glossary()
    cased = casefold(folded)
    spans = [(m.start(), m.end(), ids[i]) for i, term in enumerate(terms)  # every tier
             for m in term.en.finditer(folded, cased) if m.end() > m.start()]
    every = _longest_first(spans)
    for m in _TOKEN.finditer(folded):
        if not any(s <= m.start() and m.end() <= e for s, e, _ in spans):
            every.add(f"t:{_token(m.group())}")
    return frozenset(every)


MAX_TITLE = 1000  # characters compared: a title is a line, not a page


def _jaccard(a: frozenset[str], e: frozenset[str]) -> float:
    union = a | e
    return len(a & e) / len(union) if union else 0.0


def similarity(title_ar: str | None, title_en: str | None) -> float:
    """Jaccard similarity of the concepts two titles name, in [0, 1]; 0 when either is missing:
    on the first tier when the titles share one of its concepts, else on every term."""
    if not title_ar or not title_en:
        return 0.0
    a, e = concepts_ar(title_ar[:MAX_TITLE]), concepts_en(title_en[:MAX_TITLE])
    if a.first & e.first:
        return _jaccard(a.first, e.first)
    return _jaccard(a.every, e.every)
