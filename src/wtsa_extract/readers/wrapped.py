"""Text whose paragraphs are wrapped at a fixed width, with blank lines between paragraphs (pandoc's
plain output, e-mail; `fold -s` of such text): lines joined back into paragraphs.

A greedy wrapper breaks a paragraph where its next word would pass the width: each break follows a
line too full to take the next line's first word, and no line with a space in it is longer than the
width. `wrap_width` asks for that evidence — enough breaks, in two paragraphs or more, nearly all
explained by one width of 30 columns or more, on lines that differ, and no line longer than it —
which text written a paragraph a line does not give, whole or in any window of its lines (tested on
the corpus). text.py does not ask for Tika's dumps (TAB cells) or text converted from PDF.

Within a run of non-blank lines, a line that opens a list item (the parser's label grammar,
data/labels.json) starts a new paragraph when the paragraph before is an item at the same or a
deeper indentation, or when the line before was not full (pandoc's tight lists). Tables stay a line
at a time: a run holding a rule of dashes or a `|` grid, and the runs between a table's opening and
closing rules (pandoc's multiline tables).
"""

from __future__ import annotations

import re

from wtsa_extract.parse.labels import split_label

MIN_BREAKS = 5  # fewer line breaks than this say nothing about how a text was written
MIN_WIDTH = 30  # columns: no one wraps prose narrower
MIN_SHARE = 0.8  # of the line breaks outside tables explained by one width (wrapped text: 0.95 and more)
MAX_OVER = 0.01  # of the lines outside tables: lines with a space, longer than the width

_RULE = re.compile(r"[ \t]*(?:-{3,}[- ]*|[-=+|:]*\+[-=+|:]+)[ \t]*$")  # a table's rule: dashes, or a grid's +---+
_GRID_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
_WORD = re.compile(r"[^ \t]+")  # up to a space or a TAB: wrappers do not break at a no-break space


def _runs(lines: list[str]) -> list[list[tuple[int, str]]]:
    """The runs of non-blank lines, as (1-based line number, line) lists."""
    runs, run = [], []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            run.append((number, line))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _table_runs(runs: list[list[tuple[int, str]]]) -> set[int]:
    """Indexes of runs that are (parts of) tables: holding a rule or a grid row, and every run from a
    run that opens with a rule to the run that closes with one."""
    out, open_table = set(), False
    for i, run in enumerate(runs):
        ruled = [bool(_RULE.match(line) or _GRID_ROW.match(line)) for _, line in run]
        if open_table or any(ruled):
            out.add(i)
        if ruled[0] and not ruled[-1]:
            open_table = True  # a multiline table's rows follow, a blank line between each
        elif ruled[-1]:
            open_table = False
    return out


def _break(line: str, next_line: str) -> tuple[int, int]:
    """The widths [full, over) at which a wrapper would break after `line`: it was full up to its
    length, and the next line's first word would have passed it."""
    m = _WORD.search(next_line)
    return len(line), len(line) + 1 + (len(m.group()) if m else 0)


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's paragraphs were wrapped at (lines right-stripped), or None when its line
    breaks are not those of wrapping. At width W a break after a line of n characters, before a word
    of w, is a wrap when n <= W < n + 1 + w: the W that explains most breaks is found with one sweep
    over those intervals."""
    runs = _runs(lines)
    tables = _table_runs(runs)
    prose = [run for i, run in enumerate(runs) if i not in tables]
    breaks = [(i, a, *_break(a, b)) for i, run in enumerate(prose) for (_, a), (_, b) in zip(run, run[1:], strict=False)]
    if len(breaks) < MIN_BREAKS:
        return None
    events = sorted(e for _, _, full, over in breaks for e in ((full, 1), (over, -1)))  # at one W, ends first
    best = current = 0
    low = high = None  # the widths [low, high) that explain the most breaks
    for at, step in events:
        if current == best and low is not None and high is None and step < 0:
            high = at
        current += step
        if current > best:
            best, low, high = current, at, None
    if low is None or best < MIN_SHARE * len(breaks):
        return None
    prose_lines = [line for run in prose for _, line in run]
    width = max(low, max(len(line) for line in prose_lines))  # a wrapper leaves no line longer than its width
    if high is not None and width >= high:
        width = high - 1
    if width < MIN_WIDTH:
        return None
    wrapped = [(i, a) for i, a, full, over in breaks if full <= width < over]
    if len({a for _, a in wrapped}) < MIN_BREAKS or len({i for i, _ in wrapped}) < 2:
        return None  # the same line again and again fits any width; one paragraph shows no layout
    over = sum(1 for line in prose_lines if len(line) > width and " " in line.strip())
    return width if over <= MAX_OVER * len(prose_lines) else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _item(line: str) -> str | None:
    """The list-item mark a line opens with (a bullet, or a label's form), or None."""
    label = split_label(line)
    if label.bullet:
        return line.lstrip()[0]
    if label.label is not None:
        return re.sub(r"[^().]", "x", label.label)  # the form: 'x)', '(x)', 'x.x', 'x'
    return None


def paragraphs(lines: list[str], width: int) -> list[tuple[int, str]]:
    """(1-based number of its first line, text) of each paragraph of text wrapped at `width`: its lines
    joined by a space, the first line's indentation kept (a note's further paragraphs are indented).

    A line opening a list item starts a paragraph after a line that was not full; after a full one,
    only where it is plainly the next item of a list: at the indentation of the item before, which
    either hangs its further lines deeper (a list, not typed labels) or opens with the same bullet."""
    out: list[tuple[int, str]] = []
    runs = _runs(lines)
    tables = _table_runs(runs)
    for i, run in enumerate(runs):
        if i in tables:
            out.extend((number, line.strip()) for number, line in run)
            continue
        first, parts, previous = 0, [], ""
        mark = indent = None  # the item the paragraph opens with, and its indentation
        hanging = False  # its further lines are indented deeper than its first
        for number, line in run:
            opens = _item(line)
            if parts and opens is not None:
                full, over = _break(previous, line)
                next_item = mark is not None and _indent(line) <= indent and (
                    hanging or (opens == mark and len(opens) == 1 and not opens.isalnum()))
                if next_item or not full <= width < over:
                    out.append((first, " ".join(parts)))
                    parts = []
            if not parts:
                first, mark, hanging = number, opens, False
                indent = _indent(line)
                parts.append(line.rstrip())
            else:
                hanging = hanging or (mark is not None and _indent(line) > indent)
                parts.append(line.strip())
            previous = line
        out.append((first, " ".join(parts)))
    return out
