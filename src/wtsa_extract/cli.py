"""Command line (typer): `wtsa-extract parse …` and `wtsa-extract check …`; the work is in commands.py.

The console entry (entry.py) first tries fastpath.py, which runs the common invocations without
importing typer (start-up matters to pipelines that call us once per file); help, mistakes and
everything else come here.
Exit codes (docs/cli.md): 0 success; 1 internal error, or `check` findings; 2 unusable input or
arguments; 3 a batch in which some inputs failed.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer

from wtsa_extract import __version__
from wtsa_extract import commands as cmd

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn ITU assembly documents (.docx or text) into clause-level JSON/CSV.")


class Format(StrEnum):
    json = "json"
    csv = "csv"
    actionplan = "actionplan"
    akn = "akn"
    akn_package = "akn-package"


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wtsa-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn ITU assembly documents (.docx or text) into clause-level JSON/CSV."""


def _exit(code: int) -> None:
    if code:
        raise typer.Exit(code)


LIMIT_HELP = "Change a resource limit (docs/cli.md), e.g. max_input_mb=200. Repeatable."


@app.command()
def parse(
    inputs: list[Path] = typer.Argument(..., help="A .docx or text file (UTF-8, UTF-16 or Windows-1256); several "
                                        "files or folders for a batch.", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout; for several "
                                          "inputs, the folder that gets one file per input."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
                                            help="json, csv (one row per clause), actionplan (CSV, one row per operative clause), "
                                            "akn (Akoma Ntoso 3.0 XML, one file) or akn-package (Akoma Ntoso package: a ZIP "
                                            "with one document per language expression; needs -o); default: "
                                            "from the -o suffix, else json."),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheet programs: a byte-order mark, and cells "
                               "that would start a formula neutralised."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Also print informational notes on stderr."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print no diagnostics on stderr."),
    limit: Optional[list[str]] = typer.Option(None, "--limit", metavar="NAME=VALUE", help=LIMIT_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes for a batch (default: all "
                                       "cores)."),
    combined: Optional[Path] = typer.Option(None, "--combined", help="A batch also writes every document into "
                                            "this one file: JSON Lines, or CSV if it ends in .csv."),
) -> None:
    """Extract every clause with its operative verb and Bureau."""
    _exit(cmd.guarded(lambda: cmd.run_parse(inputs, output, format.value if format else None, excel, verbose, quiet,
                                            cmd.limits_from(limit), jobs, combined)))


@app.command()
def check(
    input: list[Path] = typer.Argument(..., help="A .docx or text document with the Arabic overview and English "
                                       "annex; or two: the English and the Arabic version of the same resolutions "
                                       "(either order).", show_default=False),
    format: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="table (for people) or json."),
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on",
                                   help="Exit 1 when a finding at or above this level exists."),
    bidi: Bidi = typer.Option(Bidi.auto, "--bidi", help="Shape and reorder Arabic for display: auto = on for a "
                              "terminal, off for pipes and files."),
    limit: Optional[list[str]] = typer.Option(None, "--limit", metavar="NAME=VALUE", help=LIMIT_HELP),
) -> None:
    """Check that the Arabic and the English agree: the overview and the annex of one document, or two
    versions clause by clause (exit 0 agree, 1 findings, 2 bad input)."""
    _exit(cmd.guarded(lambda: cmd.run_check(input, format.value, fail_on.value, bidi.value, cmd.limits_from(limit))))


class DiffFormat(StrEnum):
    json = "json"
    csv = "csv"
    html = "html"


@app.command()
def diff(
    old: Path = typer.Argument(..., help="The earlier edition (.docx or text).", show_default=False),
    new: Path = typer.Argument(..., help="The later edition.", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write there instead of stdout."),
    format: Optional[DiffFormat] = typer.Option(None, "--format", "-f", help="json (default), csv (one row per "
                                                "changed clause) or html (a redline); from -o's suffix if not given."),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheet programs (see parse)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary on stderr."),
    limit: Optional[list[str]] = typer.Option(None, "--limit", metavar="NAME=VALUE", help=LIMIT_HELP),
) -> None:
    """What changed between two editions, resolution by resolution and clause by clause, and for whom
    (exit 0 no differences, 1 differences, 2 bad input)."""
    _exit(cmd.guarded(lambda: cmd.run_diff(old, new, output, format.value if format else None, excel, quiet,
                                           cmd.limits_from(limit))))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output (docs/schema.json is this, kept in step by the tests)."""
    from wtsa_extract.schema import schema_json

    sys.stdout.write(schema_json())


@app.command()
def report(
    input: list[Path] = typer.Argument(..., help="A .docx or text document; or two: the English and the Arabic "
                                       "version of the same resolutions (either order).", show_default=False),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML file to write."),
    limit: Optional[list[str]] = typer.Option(None, "--limit", metavar="NAME=VALUE", help=LIMIT_HELP),
) -> None:
    """Write a self-contained HTML page with the Arabic and English side by side, for editors: the
    overview and the annex of one document, or two versions clause by clause."""
    _exit(cmd.guarded(lambda: cmd.run_report(input, output, cmd.limits_from(limit))))
