"""To whom an operative clause says to report ('to report … to the Council'): the bodies of
data/reporting.json found after a form of 'report'. A parse-stage fact, so the JSON has it and the
action plan only writes it."""

from __future__ import annotations

import re
from functools import cache

from wtsa_extract.normalize import clean, fold
from wtsa_extract.prefilter import Prefiltered
from wtsa_extract.vocabulary import fill, first_claims, in_order, load

REPORT_WINDOW = 200  # characters after 'report' that can name the body reported to


@cache
def _targets() -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[Target, Prefiltered]]]:
    """The cue, the prepositions that tell the recipient, and each body's name (or names by the
    resolution's own assembly) and pattern (compiled when a window first names it)."""
    data = load("reporting.json")
    return (re.compile(data["report_cue"], re.IGNORECASE), re.compile(data["preposition"], re.IGNORECASE),
            [(target(t), Prefiltered(t["pattern"], re.IGNORECASE)) for t in data["targets"]])


Target = str | dict  # a body's name, or {own assembly: name} for 'the next conference'


def target(entry: dict) -> Target:
    return entry["name"] if "name" in entry else entry["own"]


def body_name(name: Target, m: re.Match[str], sector: str | None, assembly: str | None) -> str | None:
    """The name a match of a body stands for: its template filled (groups, {n}, {sector}), or what
    'the next conference' means for the resolution's `assembly` (None: not said of that assembly)."""
    if isinstance(name, dict):
        return name.get(assembly) if assembly else None
    if "{n}" in name:
        name = name.replace("{n}", m.groupdict().get("n") or "")
    return clean(fill(name, m, sector))


def scan(text: str, cue: re.Pattern[str], targets, recipient, sector: str | None,
         assembly: str | None) -> tuple[str, ...]:
    """The bodies named as recipients in the stretch after each `cue` in `text` (the English folded
    text or the Arabic key), in order: `targets` are (name, pattern) pairs, the first to claim a span
    keeps it; `recipient(window, match)` says whether a body is the one reported to."""
    found: list[tuple[int, str]] = []
    for report in cue.finditer(text):
        window = text[report.end(): report.end() + REPORT_WINDOW]
        for name, m in first_claims(targets, window):
            if recipient(window, m) and (named := body_name(name, m, sector, assembly)):
                found.append((report.end() + m.start(), named))
    return tuple(in_order(found))


def reports_to(text: str, sector: str | None = None, assembly: str | None = None) -> tuple[str, ...]:
    """The bodies a clause reports to, in the order the text names them; () when it says none.
    `sector` (ITU-T, ITU-D, ITU-R) names a study group written without its own; `assembly` (WTSA,
    WTDC, PP, RA, WRC) is 'the next assembly' or 'the next conference' of a resolution of its own."""
    cue, preposition, targets = _targets()
    folded = fold(text)
    if "report" not in folded.lower():
        return ()
    return scan(folded, cue, targets, lambda window, m: _recipient(preposition, window, m.start()), sector, assembly)


def _recipient(preposition: re.Pattern[str], window: str, at: int) -> bool:
    """Is the body named at `at` the one reported to? Yes when the last preposition before it is
    'to' or there is none ('to the Council and to the next WTSA'); no after 'of', 'before'…"""
    words = preposition.findall(window, 0, at)
    return not words or words[-1].lower() == "to"
