"""A short human summary of a wtsa-extract JSON file (used by `make demo`)."""

from __future__ import annotations

import json
import sys
import textwrap
from collections import Counter

from wtsa_extract.console import count_line, plural


def summarise(doc: dict) -> str:
    resolutions = doc["resolutions"]
    clauses = [c for r in resolutions for s in r["sections"] for c in s["clauses"]]
    lead = Counter(b for c in clauses for b in c["bureaux"])
    partner = Counter(b for c in clauses for b in c["with_bureaux"])
    by_verb = Counter(c["verb"] or "(none)" for c in clauses)
    levels = Counter(d["level"] for d in doc["diagnostics"])

    def counts(counter: Counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "none"

    lines = [
        f"{doc['source']['name']}: {plural(len(resolutions), 'resolution')}, {plural(len(clauses), 'clause')}",
        "  clauses a Bureau leads:        " + counts(lead),
        "  clauses a Bureau partners in:  " + counts(partner),
        *textwrap.wrap("top verbs: " + ", ".join(f"{k} {v}" for k, v in by_verb.most_common(5)), 78,
                       initial_indent="  ", subsequent_indent="    "),
        "  diagnostics: " + count_line({level: levels.get(level, 0) for level in ("error", "warning", "info")}),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(summarise(json.load(handle)))
