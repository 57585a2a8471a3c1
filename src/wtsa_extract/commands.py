"""What the commands do, without typer: `cli.py` (typer) and `fastpath.py` (argv for the common
invocations, so pipelines calling us per file skip typer's import) both call these and return
their exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2
EXIT_FINDINGS = 1  # `check` only: the two languages disagree
EXIT_SOME_FAILED = 3  # batch: some inputs could not be read, the others were written
FORMATS = ("json", "csv", "actionplan", "akn", "akn-package")
EXTENSIONS = {"json": "json", "csv": "csv", "actionplan": "actionplan.csv", "akn": "akn.xml",
              "akn-package": "akn"}
BINARY_FORMATS = {"akn-package"}  # a ZIP: written to a file, never to stdout
DOCUMENT_SUFFIXES = {".docx", ".txt", ".text"}
NO_RESOLUTION = "no resolution found (no 'RESOLUTION N' or 'NEW RESOLUTION' header)"


class UsageError(Exception):
    """Bad arguments: str() is one line; exit 2."""


def limits_from(pairs: list[str] | None):
    """Limits from the environment, then NAME=VALUE pairs (`--limit`); UsageError on a bad one."""
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
        raise UsageError(str(error)) from None


def extract_one(path: Path, limits):
    """(document or None, one-line problem or None) for one input file."""
    from wtsa_extract.pipeline import extract
    from wtsa_extract.readers import InputError

    try:
        doc = extract(path, limits)
    except InputError as error:
        return None, str(error)
    if not doc.resolutions:
        return doc, f"{path}: {NO_RESOLUTION}"
    return doc, None


def render(doc, fmt: str, excel: bool) -> str | bytes:
    """The document in `fmt`: text, or bytes for the formats in BINARY_FORMATS."""
    if fmt == "akn-package":
        from wtsa_extract.export.akn import to_akn_package

        return to_akn_package(doc)
    if fmt == "akn":
        from wtsa_extract.export.akn import to_akn

        return to_akn(doc)
    if fmt == "actionplan":
        from wtsa_extract.export.actionplan import to_actionplan

        return to_actionplan(doc, excel=excel)
    if fmt == "csv":
        from wtsa_extract.export.csv import to_csv

        return to_csv(doc, excel=excel)
    from wtsa_extract.export.json import to_json

    return to_json(doc)


def missing_folder(path: Path, what: str = "output folder") -> str | None:
    """A one-line problem when the folder that is to hold `path` does not exist."""
    return None if path.parent.exists() else f"{path.parent}: {what} does not exist"


def write(path: Path, data: str | bytes) -> str | None:
    """Write atomically (text as UTF-8); a one-line problem or None."""
    from wtsa_extract.export import write_atomic

    try:
        write_atomic(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as error:
        return f"{path}: cannot write ({error.strerror})"
    return None


def emit(output: Path | None, text: str | bytes) -> int:
    """Data to stdout, or to `output` (complete or absent); EXIT_OK, or EXIT_INPUT with one line."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    if problem := write(output, text):
        from wtsa_extract.console import error_line

        error_line(problem)
        return EXIT_INPUT
    return EXIT_OK


def expand(inputs: list[Path]) -> tuple[list[Path], list[str]]:
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


def run_parse(inputs: list[Path], output: Path | None = None, fmt: str | None = None, excel: bool = False,
              verbose: bool = False, quiet: bool = False, limits=None, jobs: int | None = None,
              combined: Path | None = None) -> int:
    """`wtsa-extract parse`: one input to stdout or a file; several into a folder (see `batch`)."""
    from wtsa_extract.console import error_line, report_diagnostics

    limits = limits or limits_from(None)
    if len(inputs) == 1 and not inputs[0].is_dir() and combined is None:
        fmt = fmt or ("csv" if output is not None and output.suffix.lower() == ".csv" else "json")
        if output is None and fmt in BINARY_FORMATS:
            error_line(f"--format {fmt} writes a ZIP file, not text: give -o FILE")
            return EXIT_INPUT
        if output is not None and (problem := missing_folder(output)):
            error_line(problem)
            return EXIT_INPUT
        doc, problem = extract_one(inputs[0], limits)
        if problem:
            if verbose and doc is not None:
                report_diagnostics(doc.diagnostics, "info")
            error_line(problem)
            return EXIT_INPUT
        text = render(doc, fmt, excel)
        if not quiet:
            report_diagnostics(doc.diagnostics, "info" if verbose else "warning")
        return emit(output, text)
    from wtsa_extract.batch import batch

    return batch(inputs, output, fmt or "json", excel, verbose, quiet, limits, jobs, combined)


def run_check(path: Path | list[Path], fmt: str = "table", fail_on: str = "warning", bidi: str = "auto",
              limits=None) -> int:
    """`wtsa-extract check`: the editors' report; exit 0 agree, 1 findings, 2 bad input. Two inputs:
    the English and the Arabic version of the same resolutions, in either order."""
    from wtsa_extract.console import error_line, print_check_report
    from wtsa_extract.report import as_dict, fails

    paths = one_or_two(path, "check")
    if len(paths) == 2:
        return run_check_versions(paths, fmt, fail_on, bidi, limits)
    path = paths[0]
    doc, problem = extract_one(path, limits or limits_from(None))
    if problem:
        error_line(problem)
        return EXIT_INPUT
    if fmt == "json":
        from wtsa_extract.export.json import dumps, needs_orjson

        sys.stdout.write(dumps(as_dict(doc), large=needs_orjson(doc)) + "\n")
    else:
        print_check_report(doc, shaped(bidi))
    return EXIT_FINDINGS if fails(doc, fail_on) else EXIT_OK


def shaped(bidi: str) -> bool:
    """Whether Arabic is shaped and reordered for display: `--bidi on`, or `auto` on a terminal."""
    return bidi == "on" or (bidi == "auto" and sys.stdout.isatty())


def one_or_two(path: Path | list[Path], command: str) -> list[Path]:
    """The inputs of `check` or `report`: one document, or the English and the Arabic version."""
    paths = path if isinstance(path, list) else [path]
    if len(paths) > 2:
        raise UsageError(f"{command} takes one document, or two: the English and the Arabic version")
    return paths


def run_check_versions(paths: list[Path], fmt: str, fail_on: str, bidi: str, limits=None) -> int:
    """`wtsa-extract check ENGLISH ARABIC`: the two versions compared clause by clause."""
    from wtsa_extract.console import error_line, print_versions_report
    from wtsa_extract.report import fails_on, versions_dict

    found, problem = _versions(paths, limits)
    if problem:
        error_line(problem)
        return EXIT_INPUT
    english, arabic, pairs = found
    if fmt == "json":
        from wtsa_extract.export.json import dumps

        sys.stdout.write(dumps(versions_dict(english, arabic, pairs)) + "\n")
    else:
        print_versions_report(english, arabic, pairs, shaped(bidi))
    findings = [d for p in pairs for d in p.findings]
    return EXIT_FINDINGS if fails_on(findings, fail_on) else EXIT_OK


def extract_all(paths: list[Path], limits) -> tuple[list, str | None]:
    """(documents, None), or ([], the first input's one-line problem)."""
    docs = []
    for path in paths:
        doc, problem = extract_one(path, limits or limits_from(None))
        if problem:
            return [], problem
        docs.append(doc)
    return docs, None


def _versions(paths: list[Path], limits):
    """(English document, Arabic document, resolution pairs) or a one-line problem."""
    from wtsa_extract.align.versions import compare_documents

    docs, problem = extract_all(paths, limits)
    if problem:
        return None, problem
    english = [d for d in docs if d.language != "ar"]
    arabic = [d for d in docs if d.language == "ar"]
    if len(english) != 1 or len(arabic) != 1:
        which = "English" if english else "Arabic"
        return None, f"{paths[0]} and {paths[1]} are both {which}: compare an English and an Arabic version"
    return (english[0], arabic[0], compare_documents(english[0], arabic[0])), None


DIFF_FORMATS = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html"}
EXIT_DIFFERENT = 1  # `diff`: the editions differ (as diff(1))


def run_diff(old_path: Path, new_path: Path, output: Path | None = None, fmt: str | None = None,
             excel: bool = False, quiet: bool = False, limits=None) -> int:
    """`wtsa-extract diff OLD NEW`: what changed between two editions; exit 0 none, 1 differences, 2 bad input."""
    from wtsa_extract.align.diff import diff_documents, summary, summary_lines
    from wtsa_extract.console import error_line
    from wtsa_extract.export.diff import to_diff_csv, to_diff_html, to_diff_json

    if fmt is None:
        fmt = DIFF_FORMATS.get(output.suffix.lower(), "json") if output is not None else "json"
    if output is not None and (problem := missing_folder(output)):
        error_line(problem)
        return EXIT_INPUT
    docs, problem = extract_all([old_path, new_path], limits)
    if problem:
        error_line(problem)
        return EXIT_INPUT
    diff = diff_documents(*docs)
    text = {"json": to_diff_json, "csv": lambda d: to_diff_csv(d, excel), "html": to_diff_html}[fmt](diff)
    if emit(output, text) != EXIT_OK:
        return EXIT_INPUT
    if not quiet:
        for line in summary_lines(summary(diff)):
            print(line, file=sys.stderr)
    return EXIT_DIFFERENT if diff.differs else EXIT_OK


def run_report(path: Path | list[Path], output: Path, limits=None) -> int:
    """`wtsa-extract report`: the editors' HTML page (two inputs: the two versions side by side)."""
    from wtsa_extract.console import error_line
    from wtsa_extract.export.html import to_html

    if problem := missing_folder(output):
        error_line(problem)
        return EXIT_INPUT
    paths = one_or_two(path, "report")
    if len(paths) == 2:
        from wtsa_extract.export.versions_html import to_versions_html

        found, problem = _versions(paths, limits)
        if problem or (problem := write(output, to_versions_html(*found))):
            error_line(problem)
            return EXIT_INPUT
        return EXIT_OK
    doc, problem = extract_one(paths[0], limits or limits_from(None))
    if problem or (problem := write(output, to_html(doc))):
        error_line(problem)
        return EXIT_INPUT
    return EXIT_OK


def guarded(run) -> int:
    """Run a command: an unexpected exception becomes one line and exit 1 (WTSA_DEBUG=1 re-raises)."""
    try:
        return run()
    except UsageError as error:
        from wtsa_extract.console import error_line

        error_line(str(error))
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("wtsa-extract: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("WTSA_DEBUG"):
            raise
        message = " ".join(f"{type(error).__name__}: {error}".split())
        print(f"wtsa-extract: internal error: {message} (set WTSA_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL
