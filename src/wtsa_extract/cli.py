"""Command line: `wtsa-extract parse INPUT [-o PATH] [--format json|csv]`.

Exit codes: 0 success; 1 internal error (a bug: please report); 2 unusable input or
arguments (one line on stderr, nothing written).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer

from wtsa_extract import __version__

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2
EXIT_FINDINGS = 1  # `check` only: the two languages disagree

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn ITU assembly documents (.docx or text) into clause-level JSON/CSV.")


class Format(StrEnum):
    json = "json"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wtsa-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn ITU assembly documents (.docx or text) into clause-level JSON/CSV."""


def _load(input: Path, verbose: bool = False):
    """Extract `input`, or exit 2 with one line on stderr when it is unusable or holds no resolution."""
    from wtsa_extract.console import error_line, report_diagnostics
    from wtsa_extract.pipeline import extract
    from wtsa_extract.readers import InputError

    try:
        doc = extract(input)
    except InputError as error:
        error_line(str(error))
        raise typer.Exit(EXIT_INPUT) from None
    if not doc.resolutions:
        if verbose:
            report_diagnostics(doc.diagnostics, "info")
        error_line(f"{input}: no resolution found (no 'RESOLUTION N' or 'NEW RESOLUTION' header)")
        raise typer.Exit(EXIT_INPUT)
    return doc


@app.command()
def parse(
    input: Path = typer.Argument(..., help="A .docx file or a text file (UTF-8, UTF-16 or Windows-1256).",
                                 show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
                                            help="json or csv (default: from the -o suffix, else json)."),
    excel: bool = typer.Option(False, "--excel", help="CSV with a byte-order mark, for spreadsheet programs."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Also print informational notes on stderr."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print no diagnostics on stderr."),
) -> None:
    """Extract every clause with its operative verb and Bureau."""
    from wtsa_extract.console import error_line, report_diagnostics
    from wtsa_extract.export import write_atomic

    fmt = format or (Format.csv if output is not None and output.suffix.lower() == ".csv" else Format.json)
    if output is not None and not output.parent.exists():
        error_line(f"{output.parent}: output folder does not exist")
        raise typer.Exit(EXIT_INPUT)
    doc = _load(input, verbose)
    if fmt is Format.csv:
        from wtsa_extract.export.csv import to_csv

        text = to_csv(doc, excel=excel)
    else:
        from wtsa_extract.export.json import to_json

        text = to_json(doc)
    if not quiet:
        report_diagnostics(doc.diagnostics, "info" if verbose else "warning")
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            write_atomic(output, text.encode("utf-8"))
        except OSError as error:
            error_line(f"{output}: cannot write ({error.strerror})")
            raise typer.Exit(EXIT_INPUT) from None


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Bidi(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


class CheckFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def check(
    input: Path = typer.Argument(..., help="A .docx or text document with the Arabic overview and English annex.",
                                 show_default=False),
    format: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="table (for people) or json."),
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on",
                                   help="Exit 1 when a finding at or above this level exists."),
    bidi: Bidi = typer.Option(Bidi.auto, "--bidi", help="Shape and reorder Arabic for display: auto = on for a "
                              "terminal, off for pipes and files."),
) -> None:
    """Check that the Arabic overview and the English annex agree (exit 0 agree, 1 findings, 2 bad input)."""
    from wtsa_extract.console import print_check_report
    from wtsa_extract.report import as_dict, fails

    doc = _load(input)
    if format is CheckFormat.json:
        import json

        sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False, indent=2) + "\n")
    else:
        shape = bidi is Bidi.on or (bidi is Bidi.auto and sys.stdout.isatty())
        print_check_report(doc, shape)
    raise typer.Exit(EXIT_FINDINGS if fails(doc, fail_on.value) else EXIT_OK)


def main() -> None:
    """Console entry point: any unexpected exception becomes one line and exit 1."""
    import os

    try:
        app(prog_name="wtsa-extract")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("wtsa-extract: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("WTSA_DEBUG"):
            raise
        print(f"wtsa-extract: internal error: {type(error).__name__}: {error} (set WTSA_DEBUG=1 for details)",
              file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
