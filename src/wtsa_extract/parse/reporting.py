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
def _targets() -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[str, Prefiltered]]]:
    """The cue, the prepositions that tell the recipient, and each body's name and pattern (compiled
    when a window first names it)."""
    data = load("reporting.json")
    return (re.compile(data["report_cue"], re.IGNORECASE), re.compile(data["preposition"], re.IGNORECASE),
            [(t["name"], Prefiltered(t["pattern"], re.IGNORECASE)) for t in data["targets"]])


def reports_to(text: str, sector: str | None = None) -> tuple[str, ...]:
    """The bodies a clause reports to, in the order the text names them; () when it says none.
    `sector` (ITU-T, ITU-D, ITU-R) names a study group written without its own."""
    cue, preposition, targets = _targets()
    folded = fold(text)
    if "report" not in folded.lower():
        return ()
    found: list[tuple[int, str]] = []
    for report in cue.finditer(folded):
        window = folded[report.end(): report.end() + REPORT_WINDOW]
        for name, m in first_claims(targets, window):
            if _recipient(preposition, window, m.start()):
                found.append((report.end() + m.start(), clean(fill(name, m, sector))))
    return tuple(in_order(found))


def _recipient(preposition: re.Pattern[str], window: str, at: int) -> bool:
    """Is the body named at `at` the one reported to? Yes when the last preposition before it is
    'to' or there is none ('to the Council and to the next WTSA'); no after 'of', 'before'…"""
    words = preposition.findall(window, 0, at)
    return not words or words[-1].lower() == "to"
