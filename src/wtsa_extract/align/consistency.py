"""Compare a resolution's English annex text with its Arabic Table 2 summary: verbs and Bureaux."""

from __future__ import annotations

from wtsa_extract.model import Diagnostic, Resolution, Summary
from wtsa_extract.vocabulary import arabic


def english_families(r: Resolution) -> list[str]:
    families: list[str] = []
    for s in r.sections:
        for fam in arabic().english_families.get(s.verb or "", ()):
            if fam not in families:
                families.append(fam)
    return families


def english_bureaux(r: Resolution) -> set[str]:
    return {b for s in r.sections if s.kind == "operative" for c in s.clauses for b in c.bureaux + c.with_bureaux}


def compare(r: Resolution, summary: Summary) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    en = english_families(r)
    only_ar = [f for f in summary.families if f not in en]
    if only_ar:
        verbs = ", ".join(summary.verbs)
        out.append(Diagnostic("warning", "verb-mismatch", f"{r.key}: Table 2 says {verbs} ({', '.join(only_ar)}) but "
                              f"the annex has {', '.join(s.verb for s in r.sections if s.verb) or 'no such verb'}",
                              summary.loc, r.key))
    only_en = [f for f in en if f not in summary.families]
    if only_en:
        out.append(Diagnostic("info", "verb-not-in-summary", f"{r.key}: the annex's {', '.join(only_en)} is not "
                              "in the Table 2 summary", summary.loc, r.key))
    en_b, ar_b = english_bureaux(r), set(summary.bureaux)
    if en_b != ar_b:
        from wtsa_extract.parse.actors import order

        out.append(Diagnostic("warning", "bureaux-mismatch", f"{r.key}: Bureaux named only in Arabic: "
                              f"{', '.join(order(ar_b - en_b)) or 'none'}; only in English: "
                              f"{', '.join(order(en_b - ar_b)) or 'none'}", summary.loc, r.key))
    return out
