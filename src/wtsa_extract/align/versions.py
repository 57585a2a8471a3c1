"""Compare the English and the Arabic version of the same resolutions, clause by clause.

Resolutions are paired by key (their number or designation), the rest in document order. Within a
resolution, clauses are aligned by a monotonic dynamic programme (no crossing pairs) scored on what
survives translation: the label (أ ↔ a, ب ↔ b, هـ ↔ e; numbers; مكرراً ↔ bis), the verb's family
(يكلف and instructs are both *instruct*), the numbers in the text, and who acts. Findings name the
resolution and the clause on each side: `clause-missing`, `label-mismatch`, `verb-mismatch`,
`number-mismatch`, `bureaux-mismatch` (and `resolution-missing` for a resolution in one language only).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from wtsa_extract.align.dp import monotonic
from wtsa_extract.model import Clause, Diagnostic, Document, Location, Resolution, Section
from wtsa_extract.normalize import arabic_digits, roman
from wtsa_extract.vocabulary import arabic

ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"  # ITU's Arabic list letters, in order: a b c d e f g …
_NUMBER = re.compile(r"\d+")
_LABEL_CORE = re.compile(r"[()\s.]")
PAIR_AT_LEAST = 1.5  # the score below which two clauses are not taken for each other


class Side(NamedTuple):
    clause: Clause
    section: int  # index of its section in its resolution


class ClausePair(NamedTuple):
    english: Side | None
    arabic: Side | None
    findings: tuple[str, ...]  # codes


class ResolutionPair(NamedTuple):
    key: str
    english: Resolution | None
    arabic: Resolution | None
    pairs: tuple[ClausePair, ...]
    findings: tuple[Diagnostic, ...]


def label_key(label: str | None) -> str | None:
    """A label as a language-free key: 'ب)' -> 'b', '(b)' -> 'b', '1 مكرراً' -> '1bis', 'ii)' -> 'ii', and
    UN Arabic's ’2‘ for (ii) -> 'ii'."""
    if label is None:
        return None
    if label[:1] in "’‘" and (digits := arabic_digits(label.strip("’‘"))).isdigit() and 0 < int(digits) < 40:
        return roman(int(digits))
    core = _LABEL_CORE.sub("", arabic_digits(label)).replace("ـ", "")
    core = re.sub(r"مكرر[اً]*$", "bis", core)
    if core and core[0] in ABJAD:
        core = chr(ord("a") + ABJAD.index(core[0])) + core[1:]
    return core.lower()


def families(verb: str | None) -> frozenset[str]:
    """The families of a canonical English verb ('resolves to instruct' -> resolve, instruct)."""
    if verb is None:
        return frozenset()
    return frozenset(arabic().english_families.get(verb, ()) or (verb.split()[-1],))


def numbers(text: str) -> Counter[str]:
    return Counter(n.lstrip("0") or "0" for n in _NUMBER.findall(arabic_digits(text)))


def _flatten(r: Resolution) -> list[Side]:
    return [Side(c, i) for i, s in enumerate(r.sections) for c in s.clauses]


class _Traits(NamedTuple):
    """What survives translation of a clause, read once per clause (the alignment scores every pair)."""

    label: str | None
    families: frozenset[str]
    numbers: Counter[str]
    actors: tuple
    assignee: str | None


def _traits(c: Clause) -> _Traits:
    return _Traits(label_key(c.label), families(c.verb), numbers(c.text), (c.bureaux, c.with_bureaux), c.assignee)


def _score(e: _Traits, a: _Traits) -> float:
    score = 0.0
    if e.label is not None and e.label == a.label:
        score += 2
    elif e.label is None and a.label is None:
        score += 0.5
    if e.families & a.families:
        score += 1
    if e.numbers or a.numbers:
        both = sum((e.numbers & a.numbers).values())
        score += both / max(sum((e.numbers | a.numbers).values()), 1)
    if e.actors == a.actors:
        score += 0.5
    if e.assignee == a.assignee:
        score += 0.5
    return score


def _align(english: list[Side], arabic_: list[Side]) -> list[tuple[int | None, int | None]]:
    """Monotonic alignment maximising the summed scores of the pairs (a pair must score PAIR_AT_LEAST)."""
    te, ta = [_traits(s.clause) for s in english], [_traits(s.clause) for s in arabic_]

    def score(i: int, j: int) -> float | None:
        s = _score(te[i], ta[j])
        return s if s >= PAIR_AT_LEAST else None

    return monotonic(len(english), len(arabic_), score)


def _where(side: Side | None) -> str:
    if side is None:
        return "—"
    c = side.clause
    return f"{c.label or '(unlabelled)'} [{c.loc}]"


def _actors(x) -> tuple:
    return (x.bureaux, x.with_bureaux)


def compare_resolutions(key: str, en: Resolution, ar: Resolution) -> ResolutionPair:
    """Every clause of `en` and `ar` paired or reported, with findings."""
    english, arabic_ = _flatten(en), _flatten(ar)
    findings: list[Diagnostic] = []
    pairs: list[ClausePair] = []
    section_pairs: dict[tuple[int, int], None] = {}

    def finding(code: str, message: str, loc: Location | None) -> None:
        findings.append(Diagnostic("warning", code, f"{key}: {message}", loc, key))

    if en.number is not None and ar.number is not None and en.number != ar.number:
        finding("number-mismatch", f"the English is Resolution {en.number}, the Arabic {ar.number}", ar.loc)
    for i, j in _align(english, arabic_):
        e = english[i] if i is not None else None
        a = arabic_[j] if j is not None else None
        codes: list[str] = []
        if e is None or a is None:
            codes.append("clause-missing")
            side, lang = (e, "English") if a is None else (a, "Arabic")
            finding("clause-missing", f"clause {_where(side)} ({side.clause.verb}) is in the {lang} only: "
                    f"{side.clause.text[:80]!r}", side.clause.loc)
        else:
            section_pairs[(e.section, a.section)] = None
            if label_key(e.clause.label) != label_key(a.clause.label):
                codes.append("label-mismatch")
                finding("label-mismatch", f"English clause {_where(e)} is labelled {a.clause.label or '(none)'} in the "
                        f"Arabic [{a.clause.loc}]", e.clause.loc)
            if numbers(e.clause.text) != numbers(a.clause.text):
                codes.append("number-mismatch")
                only_en = sorted((numbers(e.clause.text) - numbers(a.clause.text)).elements())
                only_ar = sorted((numbers(a.clause.text) - numbers(e.clause.text)).elements())
                finding("number-mismatch", f"clause {_where(e)} / {_where(a)}: numbers only in English "
                        f"{', '.join(only_en) or 'none'}; only in Arabic {', '.join(only_ar) or 'none'}", e.clause.loc)
        pairs.append(ClausePair(e, a, tuple(codes)))
    # Verbs and actors are the sections' business first: one finding per section, not per clause.
    differing: set[tuple[int, int]] = set()
    for (si, sj) in section_pairs:
        se, sa = en.sections[si], ar.sections[sj]
        if families(se.verb) != families(sa.verb):
            finding("verb-mismatch", f"{se.verb!r} in English is {sa.verb!r} ({_written(sa)}) in Arabic", sa.loc)
        if _actors(se) != _actors(sa):
            differing.add((si, sj))
            finding("bureaux-mismatch", f"{se.verb!r}: {_bureaux_text(se)} in English, {_bureaux_text(sa)} in Arabic",
                    sa.loc)
    for n, p in enumerate(pairs):
        if p.english is None or p.arabic is None:
            continue
        if (p.english.section, p.arabic.section) in differing:
            continue
        if _actors(p.english.clause) != _actors(p.arabic.clause):
            pairs[n] = p._replace(findings=p.findings + ("bureaux-mismatch",))
            finding("bureaux-mismatch", f"clause {_where(p.english)} / {_where(p.arabic)}: "
                    f"{_bureaux_text(p.english.clause)} in English, {_bureaux_text(p.arabic.clause)} in Arabic",
                    p.english.clause.loc)
    for n, p in enumerate(pairs):
        if p.english is not None and p.arabic is not None and \
                families(en.sections[p.english.section].verb) != families(ar.sections[p.arabic.section].verb):
            pairs[n] = p._replace(findings=p.findings + ("verb-mismatch",))
    return ResolutionPair(key, en, ar, tuple(pairs), tuple(findings))


def _written(s: Section) -> str:
    return next((c.verb_ar for c in s.clauses if c.verb_ar), s.heading)


def _bureaux_text(x) -> str:
    lead = ", ".join(x.bureaux) or "no Bureau"
    return lead + (f" with {', '.join(x.with_bureaux)}" if x.with_bureaux else "")


def compare_documents(english: Document, arabic_doc: Document) -> list[ResolutionPair]:
    """Pair the resolutions of the two versions (by key, then in order) and compare each pair."""
    by_key = {r.key: r for r in arabic_doc.resolutions}
    taken: set[str] = set()
    pairs: list[ResolutionPair] = []
    unpaired = [r for r in english.resolutions if r.key not in by_key]
    rest = [r for r in arabic_doc.resolutions if r.key not in {e.key for e in english.resolutions}]
    by_order = dict(zip((r.key for r in unpaired), rest, strict=False))
    for r in english.resolutions:
        other = by_key.get(r.key) or by_order.get(r.key)
        if other is None:
            finding = Diagnostic("warning", "resolution-missing", f"{r.key}: no Arabic version of this resolution",
                                 r.loc, r.key)
            pairs.append(ResolutionPair(r.key, r, None, (), (finding,)))
            continue
        taken.add(other.key)
        pairs.append(compare_resolutions(r.key, r, other))
    for r in arabic_doc.resolutions:
        if r.key not in taken:
            finding = Diagnostic("warning", "resolution-missing", f"{r.key}: no English version of this resolution",
                                 r.loc, r.key)
            pairs.append(ResolutionPair(r.key, None, r, (), (finding,)))
    return pairs
