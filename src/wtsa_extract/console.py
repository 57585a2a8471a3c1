"""All terminal output styling lives here (rich is imported only when stderr is a terminal)."""

from __future__ import annotations

import sys

from wtsa_extract.model import Diagnostic

_ORDER = {"error": 0, "warning": 1, "info": 2}


def format_diagnostic(d: Diagnostic) -> str:
    where = f" [{d.loc}]" if d.loc is not None else ""
    return f"{d.level}: {d.code}: {d.message}{where}"


def report_diagnostics(diagnostics, min_level: str = "warning", stream=None) -> None:
    """Print diagnostics at or above `min_level` to stderr, then a one-line count of all of them."""
    stream = stream or sys.stderr
    limit = _ORDER[min_level]
    shown = [d for d in diagnostics if _ORDER[d.level] <= limit]
    counts = {level: sum(1 for d in diagnostics if d.level == level) for level in _ORDER}
    summary = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
    if stream.isatty():
        from rich.console import Console

        console = Console(file=stream, highlight=False)
        colours = {"error": "bold red", "warning": "yellow", "info": "dim"}
        for d in shown:
            console.print(format_diagnostic(d), style=colours[d.level], markup=False)
        console.print(summary, style="bold", markup=False)
    else:
        for d in shown:
            print(format_diagnostic(d), file=stream)
        print(summary, file=stream)


def error_line(message: str) -> None:
    print(f"wtsa-extract: error: {message}", file=sys.stderr)
