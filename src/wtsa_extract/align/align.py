"""Tie Table 1 rows and Table 2 summaries to the English resolutions.

By number where there is one (so reordered rows do not matter); the rest (new resolutions, rows
with a missing number cell) by a monotonic dynamic-programming alignment over document order scored
by title similarity, so one missing row cannot shift all that follow. A tie is reported as
ambiguous and left unassigned, never guessed.
"""

from typing import NamedTuple

from wtsa_extract.align import dp
from wtsa_extract.align.consistency import compare
from wtsa_extract.align.similarity import similarity
from wtsa_extract.model import Diagnostic, Location, Match, Overview, Resolution, Result

PART_NAMES = {"table1": "Table 1", "table2": "Table 2"}
MAX_NAMED = 5  # candidates named in an ambiguous-match finding (each candidate gets its own finding)


class _Entry(NamedTuple):
    number: int | None
    new: bool  # explicitly not yet numbered / 'new resolution'
    title: str | None
    loc: Location


class _Outcome(NamedTuple):
    matches: dict[int, tuple[int, Match]]  # resolution index -> (entry index, match)
    messages: list[Diagnostic]


def _match(resolutions: list[Resolution], entries: list[_Entry], part: str) -> _Outcome:
    name = PART_NAMES[part]
    messages: list[Diagnostic] = []
    out: dict[int, tuple[int, Match]] = {}
    taken_entries: set[int] = set()
    seen_numbers: dict[int, Location] = {}
    for i, x in enumerate(entries):
        if x.number is None:
            continue
        if x.number in seen_numbers:
            messages.append(Diagnostic("warning", f"{part}-duplicate-number",
                                       f"{name} names Resolution {x.number} twice (first at {seen_numbers[x.number]})",
                                       x.loc))
            continue
        seen_numbers[x.number] = x.loc
        for j, r in enumerate(resolutions):
            if r.number == x.number and j not in out:
                sim = similarity(x.title, r.title_en)
                confidence = 1.0 if (sim >= 0.2 or not x.title or not r.title_en) else 0.9
                out[j] = (i, Match(part, "number", confidence, x.loc))
                taken_entries.add(i)
                break

    pool = [i for i in range(len(entries)) if i not in taken_entries]
    rest = [j for j in range(len(resolutions)) if j not in out]
    sims: dict[tuple[int, int], float] = {}

    def score(a: int, b: int) -> float | None:
        x, r = entries[pool[a]], resolutions[rest[b]]
        sim = sims.setdefault((a, b), similarity(x.title, r.title_en))
        if x.new:
            return 0.2 + 0.8 * sim if r.number is None else None
        if x.number is None:
            return 0.1 + 0.9 * sim if sim > 0 else None
        return 0.1 + 0.9 * sim if sim >= 0.5 else None  # a number that matched nothing, but the title does

    matched, ambiguous = dp.align(len(pool), len(rest), score)
    candidates: set[int] = set()
    for a, b in matched.items():
        x, r = entries[pool[a]], resolutions[rest[b]]
        sim = sims[(a, b)]
        by, confidence = ("title", round(0.5 + 0.5 * sim, 2)) if sim > 0 else ("order", 0.4)
        out[rest[b]] = (pool[a], Match(part, by, confidence, x.loc))
        if x.number is not None and x.number != r.number:
            messages.append(Diagnostic("warning", "number-mismatch", f"{name} says Resolution {x.number} where the "
                                       f"annex has {r.key} (matched by title)", x.loc, r.key))
    for a, options in ambiguous.items():
        x = entries[pool[a]]
        keys = [resolutions[rest[b]].key for b in options]
        what = f"a {name} entry" + (f" ({x.title})" if x.title else " with no title")  # its text, accounted for
        for b in options:
            candidates.add(rest[b])
            key = resolutions[rest[b]].key
            named = ", ".join(keys[:MAX_NAMED]) + (f" and {len(keys) - MAX_NAMED} more" if len(keys) > MAX_NAMED else "")
            messages.append(Diagnostic("warning", "ambiguous-match", f"{key}: {what} could be any of "
                                       f"{named}; left unassigned", x.loc, key))
    used = {i for i, _ in out.values()} | {pool[a] for a in ambiguous}
    for i, x in enumerate(entries):
        if i not in used:
            # the entry's title in full (up to a line's worth): the message is where its text is accounted for
            title = x.title or "(no title)"  # whole: this finding is where the entry's text is accounted for
            label = f"Resolution {x.number} ({title})" if x.number is not None else f"entry {title}"
            messages.append(Diagnostic("warning", "missing-in-annex", f"{name} {label} has no English resolution "
                                       "in the annex", x.loc))
    for j, r in enumerate(resolutions):
        if j not in out and j not in candidates:
            messages.append(Diagnostic("warning", f"missing-in-{part}", f"{r.key} has no entry in {name}", r.loc,
                                       r.key))
    return _Outcome(out, messages)


def align_document(resolutions: list[Resolution], overview: Overview) -> Result[list[Resolution]]:
    """Fill status, title_ar, summary_ar and matches from the Arabic overview (parse.parse_overview),
    with findings."""
    rows, summaries = overview.rows, overview.summaries
    if not rows and not summaries:
        return Result(list(resolutions), ())  # an English-only document has no overview to align
    messages: list[Diagnostic] = []
    one = _match(resolutions, [_Entry(r.number, r.not_yet_numbered, r.title, r.loc) for r in rows], "table1")
    two = _match(resolutions, [_Entry(s.number, s.new, s.title, s.loc) for s in summaries], "table2")
    messages += one.messages + two.messages
    for part, count in (("Table 1", len(rows)), ("Table 2", len(summaries))):
        if count != len(resolutions):
            messages.append(Diagnostic("warning", "count-mismatch", f"{part} has {count} entries, the annex "
                                       f"{len(resolutions)} resolutions"))
    out = []
    for j, r in enumerate(resolutions):
        row = rows[one.matches[j][0]] if j in one.matches else None
        summary = summaries[two.matches[j][0]] if j in two.matches else None
        status, status_source = None, None
        if row is not None and row.status is not None:
            status, status_source = row.status, "table1"
            if (status == "new") != (r.number is None):
                messages.append(Diagnostic("warning", "status-mismatch", f"{r.key}: Table 1 says {status!r} but the "
                                           f"annex header is {'NEW RESOLUTION' if r.number is None else 'numbered'}",
                                           row.status_loc or row.loc, r.key))
        elif r.number is None:
            status, status_source = "new", "annex"  # the annex header itself says NEW RESOLUTION
        matches = tuple(m for m in (one.matches.get(j, (0, None))[1], two.matches.get(j, (0, None))[1]) if m)
        aligned = r._replace(status=status, status_source=status_source, title_ar=row.title if row else None,
                          summary_ar=summary.text if summary else None, matches=matches)
        if summary is not None:
            messages += compare(aligned, summary)
        out.append(aligned)
    return Result(out, tuple(messages))
