"""All terminal output styling lives here (rich is imported only when stderr is a terminal)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from wtsa_extract.model import LEVELS

if TYPE_CHECKING:
    from wtsa_extract.model import Diagnostic

COLOURS = {"error": "bold red", "warning": "yellow", "info": "dim"}  # rich styles by level


def level_counts(diagnostics) -> dict[str, int]:
    """How many diagnostics of each level (error, warning, info)."""
    counts = dict.fromkeys(LEVELS, 0)
    for d in diagnostics:
        counts[d.level] += 1
    return counts


def count_line(counts: dict[str, int]) -> str:
    return f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"


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
    """Split text at spaces into lines of at most `width` characters (logical order)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def display_arabic(text: str | None, width: int, shape: bool) -> str:
    """Text for a terminal cell: wrapped to `width`, then (with `shape`) each line shaped with
    arabic-reshaper and put in visual order with python-bidi, since terminals do neither."""
    if not text:
        return "—"
    lines = wrap_logical(text, width)
    if not shape:
        return "\n".join(lines)
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(_mirror_inverted_pairs(get_display(arabic_reshaper.reshape(line))) for line in lines)


def print_check_report(doc, shape: bool, stream=None, width: int | None = None) -> None:
    """The editors' table: one row per resolution with matches and findings, then the findings tied to
    no single resolution (warnings and errors; notes are in `--format json`)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from wtsa_extract.report import general_findings, rows

    console = Console(file=stream or sys.stdout, width=width, highlight=False)
    total = console.width
    # Fixed widths that add up to the terminal's, so rich never has to squeeze a column below its
    # longest word (and the Arabic column, wrapped before reordering, is never re-wrapped).
    arabic_width = max(14, min(40, total // 5))
    fixed = 6 + 9 + 14 + 19  # key, status, matched, borders and padding
    findings_width = max(18, (total - fixed - arabic_width) // 3)  # room for the longest code
    english_width = max(16, total - fixed - arabic_width - findings_width)
    table = Table(title=f"{doc.source.name}: Arabic overview against the English annex", show_lines=True)
    table.add_column("key", no_wrap=True, width=6)
    table.add_column("status", no_wrap=True, width=9)
    table.add_column("Arabic title", justify="right", width=arabic_width)  # wrapped here, before reordering
    table.add_column("English title", width=english_width, overflow="fold")
    table.add_column("matched", no_wrap=True, width=14)
    table.add_column("findings", width=findings_width, overflow="fold")

    def match(label: str, m) -> str:
        return f"{label} —" if m is None else f"{label} {m.by} {m.confidence:.2f}"

    for row in rows(doc):
        findings = "\n".join(f"[{COLOURS[d.level]}]{d.code}[/]" for d in row.findings) or "[green]ok[/]"
        table.add_row(row.key, row.status or "—", display_arabic(row.title_ar, arabic_width, shape),
                      row.title_en or "—", match("T1", row.table1) + "\n" + match("T2", row.table2), findings)
    console.print(table)
    general = [d for d in general_findings(doc) if d.level != "info"]
    if general:
        console.print("[bold]Other findings[/]")
        for d in general:
            console.print(f"[{COLOURS[d.level]}]{escape(format_diagnostic(d))}[/]")
    console.print(count_line(level_counts(doc.diagnostics)), style="bold", markup=False)


def print_versions_report(english, arabic, pairs, shape: bool, stream=None, width: int | None = None) -> None:
    """Two versions compared: per resolution, its clause pairs that disagree (labels side by side)
    and the findings in full; then the count."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream or sys.stdout, width=width, highlight=False)
    console.print(f"[bold]{escape(english.source.name)}[/] (English) against [bold]{escape(arabic.source.name)}[/] "
                  "(Arabic)")
    findings = []
    for p in pairs:
        agree = sum(1 for c in p.pairs if not c.findings and c.english and c.arabic)
        title = (p.english.title_en if p.english else None) or "—"
        mark = "[green]ok[/]" if not p.findings else f"[yellow]{len(p.findings)} finding(s)[/]"
        console.print(f"[bold]{escape(p.key)}[/] {escape(title[:max(10, console.width - 40)])} — {agree} of "
                      f"{len(p.pairs)} clauses agree — {mark}")
        if p.arabic is not None and p.arabic.title_ar:
            console.print("  " + display_arabic(p.arabic.title_ar, console.width - 4, shape).replace("\n", "\n  "),
                          markup=False)
        for d in p.findings:
            console.print(f"  [{COLOURS[d.level]}]{escape(d.code)}[/]: {escape(d.message)}")
        findings += p.findings
    console.print(count_line(level_counts(findings)), style="bold", markup=False)


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
