"""All terminal output styling lives here; rich is imported only where it is used (check's report,
progress bars and coloured diagnostics on a terminal), never for a plain parse."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from wtsa_extract.model import LEVELS
from wtsa_extract.normalize import ARABIC_LETTER

if TYPE_CHECKING:
    from wtsa_extract.model import Diagnostic

COLOURS = {"error": "bold red", "warning": "yellow", "info": "dim"}  # rich styles by level


def level_counts(diagnostics) -> dict[str, int]:
    """How many diagnostics of each level (error, warning, info)."""
    counts = dict.fromkeys(LEVELS, 0)
    for d in diagnostics:
        counts[d.level] += 1
    return counts


def plural(n: int, word: str) -> str:
    """'1 warning', '2 warnings'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def count_line(counts: dict[str, int]) -> str:
    return ", ".join(plural(counts[level], word) for level, word in
                     (("error", "error"), ("warning", "warning"), ("info", "note")))


def format_diagnostic(d: Diagnostic) -> str:
    where = f" [{d.loc}]" if d.loc is not None else ""
    return f"{d.level}: {d.code}: {d.message}{where}"


def report_diagnostics(diagnostics, min_level: str = "warning", stream=None) -> None:
    """Print diagnostics at or above `min_level` to stderr, then a one-line count of all of them."""
    stream = stream or sys.stderr
    limit = LEVELS[min_level]
    shown = [d for d in diagnostics if LEVELS[d.level] <= limit]
    counts = level_counts(diagnostics)
    summary = count_line(counts)
    if stream.isatty():
        from rich.console import Console

        console = Console(file=stream, highlight=False)
        for d in shown:
            console.print(format_diagnostic(d), style=COLOURS[d.level], markup=False)
        console.print(summary, style="bold", markup=False)
    else:
        for d in shown:
            print(format_diagnostic(d), file=stream)
        print(summary, file=stream)


def error_line(message: str) -> None:
    print(f"wtsa-extract: error: {message}", file=sys.stderr)


# --- Arabic for display only -------------------------------------------------------------------------

_OPEN_CLOSE = {"(": ")", "[": "]", "{": "}", "<": ">", "«": "»"}
_CLOSE_OPEN = {v: k for k, v in _OPEN_CLOSE.items()}


def _mirror_inverted_pairs(visual: str) -> str:
    """Swap bracket pairs that visual reordering left facing outwards (')IPv6(' -> '(IPv6)').

    python-bidi >= 0.5 reorders but does not mirror glyphs (rule L4 of UAX #9)."""
    chars = list(visual)
    normal: list[int] = []
    inverted: list[int] = []
    for i, ch in enumerate(chars):
        if ch in _OPEN_CLOSE:
            if inverted and chars[inverted[-1]] == _OPEN_CLOSE[ch]:
                j = inverted.pop()
                chars[j], chars[i] = ch, chars[j]
            else:
                normal.append(i)
        elif ch in _CLOSE_OPEN:
            if normal and chars[normal[-1]] == _CLOSE_OPEN[ch]:
                normal.pop()
            else:
                inverted.append(i)
    return "".join(chars)


def wrap_logical(text: str, width: int) -> list[str]:
    """Split text at spaces into lines of at most `width` characters (logical order); a word longer
    than a line is cut (URLs), never a line wider than `width`."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def arabic_lines(text: str, width: int, shape: bool) -> list[str]:
    """Arabic for a terminal: wrapped to `width` in logical order first, then (with `shape`) each line
    shaped with arabic-reshaper and put in visual order with python-bidi, since terminals do
    neither. Wrapping first is what keeps the lines in reading order, top to bottom."""
    lines = wrap_logical(text, width)
    if not shape:
        return lines
    return [_display(line) for line in lines]


def _display(line: str, base: str | None = None) -> str:
    """One line in visual order for a terminal: shaped (arabic-reshaper), reordered (python-bidi)
    with the paragraph direction `base` ('L' for English text quoting Arabic; None: from the text)."""
    import arabic_reshaper
    from bidi import get_display

    shaped = arabic_reshaper.reshape(line)
    return _mirror_inverted_pairs(get_display(shaped, base_dir=base) if base else get_display(shaped))


def display_arabic(text: str | None, width: int, shape: bool) -> str:
    """`arabic_lines` joined for a table cell; a dash for no text."""
    return "\n".join(arabic_lines(text, width, shape)) if text else "—"


class Screen:
    """Lines for a terminal of a given width (rich only for colour): English wrapped at spaces with
    an indent, Arabic wrapped then reordered and set flush right when shaped."""

    def __init__(self, stream, width: int | None, shape: bool) -> None:
        from rich.console import Console

        self.console = Console(file=stream or sys.stdout, width=width, highlight=False)
        self.width = max(40, self.console.width)
        self.shape = shape

    def line(self, text: str, style: str | None = None) -> None:
        from rich.text import Text

        self.console.print(Text(text, style=style or ""), soft_wrap=True)

    def english(self, text: str, indent: int = 0, hanging: int = 0, style: str | None = None) -> None:
        """Left-to-right text (a finding may quote Arabic: shaped and reordered within its line)."""
        first = True
        for line in wrap_logical(text, self.width - indent - hanging) or [""]:
            if self.shape and ARABIC_LETTER.search(line):
                line = _display(line, "L")
            self.line(" " * (indent if first else indent + hanging) + line, style)
            first = False

    def arabic(self, text: str, indent: int = 2) -> None:
        from rich.cells import cell_len

        for line in arabic_lines(text, self.width - indent, self.shape):
            pad = self.width - cell_len(line) if self.shape else indent
            self.line(" " * pad + line)

    def finding(self, d: Diagnostic, under: str | None = None, indent: int = 2) -> None:
        """A finding in full: level, code, message, location. Under its resolution's block (`under`,
        the key), the message's leading 'KEY: ' is not repeated."""
        message = d.message
        if under is not None and message.startswith(f"{under}: "):
            message = message[len(under) + 2:]
        where = f" [{d.loc}]" if d.loc is not None else ""
        self.english(f"{d.level} {d.code}: {message}{where}", indent, 4, COLOURS[d.level])


def print_check_report(doc, shape: bool, stream=None, width: int | None = None) -> None:
    """The editors' report, one block per resolution, laid out for any width from 80 columns: its
    key, status and matches; the English title; the Arabic title; each finding in full with its
    level. Then the findings tied to no single resolution (warnings and errors; notes are in
    `--format json`) and the count."""
    from wtsa_extract.report import general_findings, rows

    screen = Screen(stream, width, shape)
    screen.english(f"{doc.source.name}: Arabic overview against the English annex", style="bold")

    def match(label: str, m) -> str:
        return f"{label} —" if m is None else f"{label} by {m.by} {m.confidence:.2f}"

    for row in rows(doc):
        screen.line("")
        verdict = plural(len(row.findings), "finding") if row.findings else \
            "not compared" if row.table1 is None and row.table2 is None else "ok"
        screen.english(f"{row.key} · {row.status or 'no status'} · {match('Table 1', row.table1)} · "
                       f"{match('Table 2', row.table2)} · {verdict}", hanging=2, style="bold")
        screen.english(row.title_en or "(no English title)", indent=2, hanging=2)
        if row.title_ar:
            screen.arabic(row.title_ar)
        for d in row.findings:
            screen.finding(d, under=row.key)
    general = [d for d in general_findings(doc) if d.level != "info"]
    if general:
        screen.line("")
        screen.line("Other findings", "bold")
        for d in general:
            screen.finding(d)
    screen.line("")
    counts = level_counts(doc.diagnostics)
    hidden = counts["info"] - sum(d.level == "info" for r in rows(doc) for d in r.findings)
    screen.english(count_line(counts) + (f" ({hidden} not shown here: --format json lists every finding)"
                                         if hidden else ""), style="bold")


def print_versions_report(english, arabic, pairs, shape: bool, stream=None, width: int | None = None) -> None:
    """Two versions compared: per resolution, how many clause pairs agree and its findings in full;
    then the count. Laid out as the one-document report."""
    screen = Screen(stream, width, shape)
    screen.english(f"{english.source.name} (English) against {arabic.source.name} (Arabic)", style="bold")
    findings = []
    for p in pairs:
        agree = sum(1 for c in p.pairs if not c.findings and c.english and c.arabic)
        verdict = "ok" if not p.findings else plural(len(p.findings), "finding")
        screen.line("")
        screen.english(f"{p.key} · {agree} of {plural(len(p.pairs), 'clause')} {'agrees' if agree == 1 else 'agree'}"
                       f" · {verdict}", hanging=2, style="bold")
        title = (p.english.title_en if p.english else None) or "(no English title)"
        screen.english(title, indent=2, hanging=2)
        if p.arabic is not None and p.arabic.title_ar:
            screen.arabic(p.arabic.title_ar)
        for d in p.findings:
            screen.finding(d, under=p.key)
        findings += p.findings
    screen.line("")
    screen.line(count_line(level_counts(findings)), "bold")


class Progress:
    """A rich progress bar on a terminal; elsewhere (CI, pipes) plain lines and no bar."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar = None
        if enabled and total > 1:
            from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                                    TimeRemainingColumn(), console=_stderr_console(), transient=True)
            self.task = self.bar.add_task("documents", total=total)
            self.bar.start()

    def say(self, line: str, error: bool = False) -> None:
        if self.bar is not None:
            if error:
                from rich.markup import escape

                self.bar.console.print(f"[red]{escape(line)}[/]")
        else:
            print(line, file=sys.stderr)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False)
