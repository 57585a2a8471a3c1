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
EXIT_SOME_FAILED = 3  # batch: some inputs could not be read, the others were written

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


def _limits(pairs: list[str] | None):
    """Limits from the environment, then `--limit NAME=VALUE` options; exit 2 on a bad one."""
    from wtsa_extract.console import error_line
    from wtsa_extract.limits import from_environment

    try:
        limits = from_environment()
        given = {}
        for pair in pairs or []:
            name, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"--limit takes NAME=VALUE, not {pair!r}")
            given[name] = value
        return limits.with_overrides(given) if given else limits
    except ValueError as error:
        error_line(str(error))
        raise typer.Exit(EXIT_INPUT) from None


def _extract(input: Path, limits):
    """Extract one file: (document, None) or (None, one-line reason it is unusable)."""
    from wtsa_extract.pipeline import extract
    from wtsa_extract.readers import InputError

    try:
        doc = extract(input, limits)
    except InputError as error:
        return None, str(error)
    if not doc.resolutions:
        return doc, f"{input}: no resolution found (no 'RESOLUTION N' or 'NEW RESOLUTION' header)"
    return doc, None


def _load(input: Path, limits, verbose: bool = False):
    """Extract `input`, or exit 2 with one line on stderr when it is unusable or holds no resolution."""
    from wtsa_extract.console import error_line, report_diagnostics

    doc, problem = _extract(input, limits)
    if problem:
        if verbose and doc is not None:
            report_diagnostics(doc.diagnostics, "info")
        error_line(problem)
        raise typer.Exit(EXIT_INPUT)
    return doc


DOCUMENT_SUFFIXES = {".docx", ".txt", ".text"}


def _expand(inputs: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to read: given files as they are, folders searched for .docx/.txt files (sorted);
    and one problem line for each input that does not exist."""
    files: list[Path] = []
    problems: list[str] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                           and not p.name.startswith((".", "~$")))
            if not found:
                problems.append(f"{path}: folder holds no .docx or .txt file")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file")
    return files, problems


def _render(doc, fmt: Format, excel: bool) -> str:
    if fmt is Format.csv:
        from wtsa_extract.export.csv import to_csv

        return to_csv(doc, excel=excel)
    from wtsa_extract.export.json import to_json

    return to_json(doc)


def _write(path: Path, text: str) -> str | None:
    from wtsa_extract.export import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        return f"{path}: cannot write ({error.strerror})"
    return None


@app.command()
def parse(
    inputs: list[Path] = typer.Argument(..., help="A .docx or text file (UTF-8, UTF-16 or Windows-1256); several "
                                        "files or folders for a batch (then -o names the output folder).",
                                        show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout (a folder "
                                          "for several inputs)."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
                                            help="json or csv (default: from the -o suffix, else json)."),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheet programs: a byte-order mark, and cells "
                               "that would start a formula neutralised."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Also print informational notes on stderr."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print no diagnostics on stderr."),
    limit: Optional[list[str]] = typer.Option(None, "--limit", metavar="NAME=VALUE",
                                              help="Change a resource limit (see docs/cli.md), e.g. max_input_mb=200."),
) -> None:
    """Extract every clause with its operative verb and Bureau."""
    from wtsa_extract.console import error_line, report_diagnostics

    limits = _limits(limit)
    single = len(inputs) == 1 and not inputs[0].is_dir()
    if single:
        fmt = format or (Format.csv if output is not None and output.suffix.lower() == ".csv" else Format.json)
        if output is not None and not output.parent.exists():
            error_line(f"{output.parent}: output folder does not exist")
            raise typer.Exit(EXIT_INPUT)
        doc = _load(inputs[0], limits, verbose)
        text = _render(doc, fmt, excel)
        if not quiet:
            report_diagnostics(doc.diagnostics, "info" if verbose else "warning")
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        elif problem := _write(output, text):
            error_line(problem)
            raise typer.Exit(EXIT_INPUT)
        return
    _batch(inputs, output, format or Format.json, excel, verbose, quiet, limits)


def _batch(inputs, output, fmt, excel, verbose, quiet, limits) -> None:
    """Several inputs: one output file each in the folder `output`; a bad file is reported and skipped."""
    from wtsa_extract.console import error_line, report_diagnostics

    if output is None:
        error_line("several inputs need -o OUTPUT_FOLDER (one output file per input)")
        raise typer.Exit(EXIT_INPUT)
    if output.exists() and not output.is_dir():
        error_line(f"{output}: is a file; several inputs need an output folder")
        raise typer.Exit(EXIT_INPUT)
    if not output.parent.exists():
        error_line(f"{output.parent}: output folder does not exist")
        raise typer.Exit(EXIT_INPUT)
    output.mkdir(exist_ok=True)
    files, problems = _expand(inputs)
    for problem in problems:
        error_line(problem)
    ok, failed = 0, len(problems)
    names: set[str] = set()
    for path in files:
        doc, problem = _extract(path, limits)
        if problem is None:
            name = f"{path.stem}.{fmt.value}"
            n = 2
            while name in names:
                name, n = f"{path.stem}-{n}.{fmt.value}", n + 1
            names.add(name)
            problem = _write(output / name, _render(doc, fmt, excel))
        if problem:
            error_line(problem)
            failed += 1
            continue
        ok += 1
        if verbose:
            print(f"{path}:", file=sys.stderr)
            report_diagnostics(doc.diagnostics, "info")
        elif not quiet:
            counts = {lvl: sum(1 for d in doc.diagnostics if d.level == lvl) for lvl in ("error", "warning")}
            print(f"{path}: {len(doc.resolutions)} resolutions, {counts['error']} errors, "
                  f"{counts['warning']} warnings -> {output / name}", file=sys.stderr)
    if not quiet:
        print(f"{ok} documents written, {failed} failed", file=sys.stderr)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED if ok else EXIT_INPUT)


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
    limit: Optional[list[str]] = typer.Option(None, "--limit", metavar="NAME=VALUE",
                                              help="Change a resource limit (see docs/cli.md)."),
) -> None:
    """Check that the Arabic overview and the English annex agree (exit 0 agree, 1 findings, 2 bad input)."""
    from wtsa_extract.console import print_check_report
    from wtsa_extract.report import as_dict, fails

    doc = _load(input, _limits(limit))
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
