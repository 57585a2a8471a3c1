"""Text whose paragraphs are wrapped at a fixed width (pandoc's plain output, e-mail, `fold -s`):
lines joined back into paragraphs.

Such text separates paragraphs by blank lines and breaks each paragraph where its next word would
pass the width. A break is recognisable: the line before it is too full to take the next line's
first word. `wrap_width` finds the width at which most line breaks are such breaks; where they are
not (one paragraph per line, Tika's dumps, text converted from PDF), it finds none and the text is
read a line at a time as before. Lines are joined within a run of non-blank lines, except where a
line opens a list item (a bullet or a label, after a line that was not full: a tight list) and in
tables (rules of dashes, `|` grids), which stay a line at a time.
"""

from __future__ import annotations

import re
from functools import cache

MIN_BREAKS = 5  # fewer line breaks than this say nothing about how a text was written
MIN_WIDTH = 30  # columns: no one wraps prose narrower
MIN_SHARE = 0.5  # of the line breaks, at the width found (wrapped text: over 0.6; one paragraph per line: under 0.3)


@cache
def _shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line opening a list item (bullet or label, then a space); a line of a table (a rule of
    dashes, or a '|' grid row). Compiled only for wrapped text."""
    return (re.compile(r"\s*(?:[-–—•▪●◦‣⁃*o]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{2,6})(?:bis|ter)?[.)]"
                       r"|\d{1,3}(?:\.\d{1,3})+)\s"),
            re.compile(r"\s*(?:[-=+|:]{3,}[-=+|: ]*|\|.*\|)\s*$"))


def _breaks(lines: list[str]) -> list[tuple[str, int, int]]:
    """(the line, its length, its length plus a space and the next line's first word) at each line
    break inside a run of non-blank lines."""
    return [(a, len(a), len(a) + 1 + len(b.split(None, 1)[0]))
            for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's paragraphs were wrapped at (lines right-stripped), or None when its line
    breaks are not those of wrapping. At width W a break after a line of n characters, before a
    word of w, is a wrap when n <= W < n + 1 + w: the W that explains most breaks is found with one
    sweep over those intervals."""
    breaks = _breaks(lines)
    if len(breaks) < MIN_BREAKS:
        return None
    events = sorted(e for _, full, over in breaks for e in ((full, 1), (over, -1)))  # at one W, ends first
    best = current = 0
    width = None
    for at, step in events:
        current += step
        if current > best:
            best, width = current, at
    if width is None or width < MIN_WIDTH or best < MIN_SHARE * len(breaks):
        return None
    # the same line again and again ('p', a repeated heading) fits any width: wrapping makes lines differ
    wrapped = {line for line, full, over in breaks if full <= width < over}
    return width if len(wrapped) >= MIN_BREAKS else None


def paragraphs(lines: list[str], width: int) -> list[tuple[int, str]]:
    """(1-based number of its first line, text) of each paragraph of text wrapped at `width`."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    item, table = _shapes()

    def flush() -> None:
        if any(table.match(text) for _, text in run):
            out.extend((number, text.strip()) for number, text in run)
        else:
            first, parts, previous = None, [], None
            for number, text in run:
                if parts and not (len(previous) <= width < len(previous) + 1 + len(text.split(None, 1)[0])) \
                        and item.match(text):
                    out.append((first, " ".join(parts)))
                    parts = []
                if not parts:
                    first = number
                parts.append(text.strip())
                previous = text
            out.append((first, " ".join(parts)))
        run.clear()

    for number, line in enumerate(lines, start=1):
        if line.strip():
            run.append((number, line))
        elif run:
            flush()
    if run:
        flush()
    return out
