"""A short human summary of a wtsa-extract JSON file (used by `make demo`)."""

from __future__ import annotations

import json
import sys
from collections import Counter


def summarise(doc: dict) -> str:
    resolutions = doc["resolutions"]
    clauses = [c for r in resolutions for s in r["sections"] for c in s["clauses"]]
    by_bureau = Counter(b for c in clauses for b in c["bureaux"])
    by_verb = Counter(c["verb"] or "(none)" for c in clauses)
    levels = Counter(d["level"] for d in doc["diagnostics"])
    lines = [
        f"{doc['source']['name']}: {len(resolutions)} resolutions, {len(clauses)} clauses",
        "  clauses by Bureau addressed: " + ", ".join(f"{k} {v}" for k, v in sorted(by_bureau.items())),
        "  top verbs: " + ", ".join(f"{k} {v}" for k, v in by_verb.most_common(5)),
        f"  diagnostics: {levels.get('error', 0)} errors, {levels.get('warning', 0)} warnings, "
        f"{levels.get('info', 0)} notes",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(summarise(json.load(handle)))
