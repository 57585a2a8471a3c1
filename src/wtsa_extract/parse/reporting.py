"""To whom an operative clause says to report ('to report … to the Council'): the bodies of
data/reporting.json found after a form of 'report'. A parse-stage fact, so the JSON has it and the
action plan only writes it."""

from __future__ import annotations

import re
from functools import cache

from wtsa_extract.normalize import fold
from wtsa_extract.prefilter import Prefiltered
from wtsa_extract.vocabulary import fill, in_order, load

REPORT_WINDOW = 200  # characters after 'report' that can name the body reported to


@cache
def _targets() -> tuple[re.Pattern[str], list[tuple[Prefiltered, str]]]:
    """The cue, and each body's pattern (compiled when a window first names it)."""
    data = load("reporting.json")
    return (re.compile(data["report_cue"], re.IGNORECASE),
            [(Prefiltered(t["pattern"], re.IGNORECASE), t["name"]) for t in data["targets"]])


def reports_to(text: str) -> tuple[str, ...]:
    """The bodies a clause reports to, in the order the text names them; () when it says none."""
    cue, targets = _targets()
    folded = fold(text)
    if "report" not in folded.lower():
        return ()
    found: list[tuple[int, str]] = []
    for report in cue.finditer(folded):
        window = folded[report.end(): report.end() + REPORT_WINDOW]
        for pattern, name in targets:
            for m in pattern.finditer(window):
                found.append((report.end() + m.start(), fill(name, m)))
    return tuple(in_order(found))
