"""Command line (typer): parse, check, diff, report and schema; the work is in commands.py, and the
options' spellings, help, formats and choices in options.py (read by fastpath.py too).

The console entry (entry.py) first tries fastpath.py, which runs the common invocations without
importing typer (start-up matters to pipelines that call us once per file); help, mistakes and
everything else come here.
Exit codes (docs/cli.md): 0 success; 1 internal error, `check` findings or `diff` differences;
2 unusable input or arguments; 3 a batch in which some inputs failed; 141 stdout closed early.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Optional

import typer

from wtsa_extract import __version__
from wtsa_extract import commands as cmd
from wtsa_extract import options as opt

# rich_markup_mode=None: plain help, as fast as a parse to start (rich stays in console.py)
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Turn ITU assembly documents (.docx or text) into clause-level data.")


def _choices(name: str, values) -> type[StrEnum]:
    return StrEnum(name, {v: v for v in values})


Format = _choices("Format", opt.PARSE_FORMATS)
CheckFormat = _choices("CheckFormat", opt.CHECK_FORMATS)
DiffFormat = _choices("DiffFormat", opt.DIFF_FORMATS)
FailOn = _choices("FailOn", opt.FAIL_ON)
Bidi = _choices("Bidi", opt.BIDI)


def option(default, spec: opt.Option, **extra):
    """A typer option from its one definition in options.py (choices in any case)."""
    if spec.choices:
        extra.setdefault("case_sensitive", False)
    return typer.Option(default, *spec.names, help=spec.help, **extra)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wtsa-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn ITU assembly documents (.docx or text) into clause-level data."""


def _exit(code: int) -> None:
    if code:
        raise typer.Exit(code)


def _value(choice) -> str | None:
    return None if choice is None else choice.value


P, C, D, R = opt.PARSE, opt.CHECK, opt.DIFF, opt.REPORT


@app.command(short_help="Extract every clause, its verb and Bureaux.")
def parse(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...", help="A .docx or text file (UTF-8, UTF-16 or Windows-1256); several "
                                        "files or folders for a batch.", show_default=False),
    output: Optional[str] = option(None, P["output"], metavar="PATH"),  # str: a trailing '/' means a folder
    format: Optional[Format] = option(None, P["format"], metavar="FORMAT"),
    excel: bool = option(False, P["excel"]),
    verbose: bool = option(False, P["verbose"]),
    quiet: bool = option(False, P["quiet"]),
    limit: Optional[list[str]] = option(None, P["limit"], metavar="NAME=VALUE"),
    jobs: Optional[int] = option(None, P["jobs"], min=1, metavar="N"),
    combined: Optional[Path] = option(None, P["combined"], metavar="FILE"),
) -> None:
    """Extract every clause with its operative verb and Bureau."""
    _exit(cmd.guarded(lambda: cmd.run_parse(inputs, output, _value(format), excel, verbose, quiet,
                                            cmd.limits_from(limit), jobs, combined)))


@app.command(short_help="Do the Arabic and the English agree?")
def check(
    input: list[Path] = typer.Argument(..., metavar="INPUT...", help="A .docx or text document with the Arabic overview and English "
                                       "annex; or two: the English and the Arabic version of the same resolutions "
                                       "(either order).", show_default=False),
    format: CheckFormat = option(CheckFormat(opt.CHECK_DEFAULTS["format"]), C["format"]),
    fail_on: FailOn = option(FailOn(opt.CHECK_DEFAULTS["fail_on"]), C["fail_on"]),
    bidi: Bidi = option(Bidi(opt.CHECK_DEFAULTS["bidi"]), C["bidi"]),
    limit: Optional[list[str]] = option(None, C["limit"], metavar="NAME=VALUE"),
) -> None:
    """Check that the Arabic and the English agree: the overview and the annex of one document, or two
    versions clause by clause (exit 0 agree, 1 findings, 2 bad input)."""
    _exit(cmd.guarded(lambda: cmd.run_check(input, format.value, fail_on.value, bidi.value, cmd.limits_from(limit))))


@app.command(short_help="What changed between two editions.")
def diff(
    old: Path = typer.Argument(..., metavar="OLD", help="The earlier edition (.docx or text).", show_default=False),
    new: Path = typer.Argument(..., metavar="NEW", help="The later edition.", show_default=False),
    output: Optional[Path] = option(None, D["output"], metavar="PATH"),
    format: Optional[DiffFormat] = option(None, D["format"]),
    excel: bool = option(False, D["excel"]),
    quiet: bool = option(False, D["quiet"]),
    limit: Optional[list[str]] = option(None, D["limit"], metavar="NAME=VALUE"),
) -> None:
    """What changed between two editions, resolution by resolution and clause by clause, and for whom
    (exit 0 no differences, 1 differences, 2 bad input)."""
    _exit(cmd.guarded(lambda: cmd.run_diff(old, new, output, _value(format), excel, quiet, cmd.limits_from(limit))))


@app.command(short_help="Print the output's JSON Schema.")
def schema() -> None:
    """Print the JSON Schema of the output (docs/schema.json is this, kept in step by the tests)."""
    from wtsa_extract.schema import schema_json

    sys.stdout.write(schema_json())


@app.command(short_help="An HTML page: Arabic beside English.")
def report(
    input: list[Path] = typer.Argument(..., metavar="INPUT...", help="A .docx or text document; or two: the English and the Arabic "
                                       "version of the same resolutions (either order).", show_default=False),
    output: Optional[Path] = option(None, R["output"], metavar="PATH"),
    limit: Optional[list[str]] = option(None, R["limit"], metavar="NAME=VALUE"),
) -> None:
    """Write a self-contained HTML page with the Arabic and English side by side, for editors: the
    overview and the annex of one document, or two versions clause by clause."""
    _exit(cmd.guarded(lambda: cmd.run_report(input, output, cmd.limits_from(limit))))
