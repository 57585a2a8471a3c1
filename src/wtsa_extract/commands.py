"""What the commands do, without typer: `cli.py` (typer) and `fastpath.py` (argv for the common
invocations, so pipelines calling us per file skip typer's import) both call these and return
their exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from wtsa_extract.options import CHECK_DEFAULTS

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2
EXIT_FINDINGS = 1  # `check` only: the two languages disagree
EXIT_SOME_FAILED = 3  # batch: some inputs could not be read, the others were written
EXIT_BROKEN_PIPE = 141  # stdout closed early (`| head`): what a shell reports for a process SIGPIPE ended
DOCUMENT_SUFFIXES = {".docx", ".txt", ".text"}


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
    from wtsa_extract.pipeline import NO_RESOLUTION, extract
    from wtsa_extract.readers import InputError

    try:
        doc = extract(path, limits)
    except InputError as error:
        return None, str(error)
    if not doc.resolutions:
        return doc, f"{path}: {NO_RESOLUTION}"
    return doc, None


def render(doc, fmt: str, excel: bool = False, document: str | None = None) -> str | bytes:
    """The document in `fmt` (options.PARSE_FORMATS): text, or bytes for options.BINARY_FORMATS.
    `document` names the input in the records that carry it (JSON Lines)."""
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
    if fmt == "xlsx":
        from wtsa_extract.export.xlsx import to_xlsx

        return to_xlsx(doc)
    if fmt == "html":
        from wtsa_extract.export.html import to_html

        return to_html(doc)
    if fmt == "jsonl":
        from wtsa_extract.export.json import to_json_line

        return to_json_line(doc, document)
    from wtsa_extract.export.json import to_json

    return to_json(doc)


def chosen_format(output: Path | None, given: str | None, formats: dict, default: str = "json",
                  settable: bool = True) -> str:
    """The output format from --format and the -o suffix (options.output_format); UsageError if they
    disagree."""
    from wtsa_extract.options import FormatError, output_format

    try:
        return output_format(output, given, formats, default, settable)
    except FormatError as error:
        raise UsageError(str(error)) from None


CSV_FORMATS = ("csv", "actionplan")  # what --excel changes


def excel_applies(excel: bool, *formats: str | None) -> None:
    """--excel with no CSV output to change is a mistake, not something to ignore: UsageError."""
    if excel and not any(f in CSV_FORMATS for f in formats):
        raise UsageError(f"--excel changes CSV output; the output here is {formats[0]}")


class Output:
    """Where a command's data goes: stdout, or a file opened before the work starts (so an unusable
    path fails first, in one line, with nothing parsed) that appears complete on `commit` and never
    otherwise (export.AtomicWriter)."""

    def __init__(self, path: Path | None) -> None:
        from wtsa_extract.options import is_stdout

        self.path = None if path is None or is_stdout(path) else path
        self.writer = None
        self.written = False

    def open(self) -> str | None:
        """None, or the one-line problem that makes the path unusable."""
        if self.path is None:
            return None
        if self.path.is_dir():
            return f"{self.path}: is a folder; give a file name"
        if problem := missing_folder(self.path):
            return problem
        from wtsa_extract.export import AtomicWriter

        try:
            self.writer = AtomicWriter(self.path).__enter__()
        except OSError as error:
            return f"{self.path}: cannot write ({error.strerror or error})"
        return None

    def write(self, data: str | bytes) -> None:
        self.written = True
        if self.writer is not None:
            try:
                self.writer.write(data)
            except OSError as error:  # a full disk, /dev/full: one line, exit 2, and no file left
                raise UsageError(f"{self.path}: cannot write ({error.strerror or error})") from None
        elif isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()

    def close(self, commit: bool) -> str | None:
        """Name the file (commit) or drop it; None, or the one-line problem."""
        if self.writer is None:
            return None
        writer, self.writer = self.writer, None
        try:
            writer.__exit__(None if commit else Abandoned, None, None)
        except OSError as error:
            return f"{self.path}: cannot write ({error.strerror or error})"
        return None


class Abandoned(Exception):
    """The work ended without data: the output file is dropped."""


def with_output(path: Path | None, work, inputs=()) -> int:
    """Open `path` (stdout for None or '-') before `work(output)` runs; the file is kept only when
    the work wrote to it. work's exit code, or EXIT_INPUT with one line when the path is unusable
    (or is one of the `inputs`: an output never replaces what it is read from)."""
    from wtsa_extract.console import error_line

    output = Output(path)
    if output.path is not None and (same := _same_file(output.path, inputs)):
        error_line(f"{output.path}: is the input {same}; give another output file")
        return EXIT_INPUT
    if problem := output.open():
        error_line(problem)
        return EXIT_INPUT
    try:
        code = work(output)
    except BaseException:
        output.close(commit=False)
        raise
    if problem := output.close(commit=output.written):
        error_line(problem)
        return EXIT_INPUT
    return code


def _same_file(output: Path, inputs) -> Path | None:
    """The input that `output` is (the same file, by any name), or None."""
    for path in inputs:
        try:
            if output.exists() and os.path.samefile(output, path):
                return path
        except OSError:
            continue
    return None


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


def expand(inputs: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to read: given files as they are, folders searched for .docx/.txt files (sorted; hidden
    files and folders, such as .git, and Word's ~$ lock files left out); and one problem line for
    each input that does not exist."""
    files: list[Path] = []
    problems: list[str] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                           and not p.name.startswith("~$")
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                problems.append(f"{path}: folder holds no .docx or .txt file")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file")
    return files, problems


def run_parse(inputs: list[Path], output: Path | str | None = None, fmt: str | None = None, excel: bool = False,
              verbose: bool = False, quiet: bool = False, limits=None, jobs: int | None = None,
              combined: Path | None = None) -> int:
    """`wtsa-extract parse`: one input to stdout or a file; several, or an output ending in '/', into
    a folder (see `batch`). Arguments and output paths are checked before any document is read."""
    from wtsa_extract.console import error_line, report_diagnostics
    from wtsa_extract.options import BINARY_FORMATS, PARSE_FORMATS

    limits = limits or limits_from(None)
    if verbose and quiet:
        raise UsageError("-v asks for more messages and -q for none: give one of them")
    folder = isinstance(output, str) and output.endswith(("/", os.sep))
    output = None if output is None else Path(output)
    if len(inputs) == 1 and not inputs[0].is_dir() and combined is None and not folder:
        fmt = chosen_format(output, fmt, PARSE_FORMATS)
        excel_applies(excel, fmt)
        if output is None and fmt in BINARY_FORMATS:
            raise UsageError(f"--format {fmt} writes a binary file, not text: give -o FILE (or -o - for stdout)")

        def work(out: Output) -> int:
            doc, problem = extract_one(inputs[0], limits)
            if problem:
                if verbose and doc is not None:
                    report_diagnostics(doc.diagnostics, "info")
                error_line(problem)
                return EXIT_INPUT
            data = render(doc, fmt, excel, str(inputs[0]))
            if not quiet:
                report_diagnostics(doc.diagnostics, "info" if verbose else "warning")
            out.write(data)
            return EXIT_OK

        return with_output(output, work, inputs)
    from wtsa_extract.batch import batch

    return batch(inputs, output, chosen_format(None, fmt, PARSE_FORMATS), excel, verbose, quiet, limits, jobs,
                 combined, folder)


def run_check(path: Path | list[Path], fmt: str = CHECK_DEFAULTS["format"], fail_on: str = CHECK_DEFAULTS["fail_on"],
              bidi: str = CHECK_DEFAULTS["bidi"], limits=None) -> int:
    """`wtsa-extract check`: the editors' report; exit 0 agree, 1 findings, 2 bad input. Two inputs:
    the English and the Arabic version of the same resolutions, in either order."""
    from wtsa_extract.console import error_line, print_check_report
    from wtsa_extract.report import as_dict, fails, with_check_findings

    paths = one_or_two(path, "check")
    if len(paths) == 2:
        return run_check_versions(paths, fmt, fail_on, bidi, limits)
    path = paths[0]
    doc, problem = extract_one(path, limits or limits_from(None))
    if problem:
        error_line(problem)
        return EXIT_INPUT
    doc = with_check_findings(doc)
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


EXIT_DIFFERENT = 1  # `diff`: the editions differ (as diff(1))


def run_diff(old_path: Path, new_path: Path, output: Path | None = None, fmt: str | None = None,
             excel: bool = False, quiet: bool = False, limits=None) -> int:
    """`wtsa-extract diff OLD NEW`: what changed between two editions; exit 0 none, 1 differences, 2 bad input."""
    from wtsa_extract.options import DIFF_FORMATS

    fmt = chosen_format(output, fmt, DIFF_FORMATS)
    excel_applies(excel, fmt)

    def work(out: Output) -> int:
        from wtsa_extract.align.diff import diff_documents, summary, summary_lines
        from wtsa_extract.console import error_line
        from wtsa_extract.export.diff import to_diff_csv, to_diff_html, to_diff_json

        docs, problem = extract_all([old_path, new_path], limits)
        if problem:
            error_line(problem)
            return EXIT_INPUT
        diff = diff_documents(*docs)
        out.write({"json": to_diff_json, "csv": lambda d: to_diff_csv(d, excel), "html": to_diff_html}[fmt](diff))
        if not quiet:
            for line in summary_lines(summary(diff)):
                print(line, file=sys.stderr)
        return EXIT_DIFFERENT if diff.differs else EXIT_OK

    return with_output(output, work, (old_path, new_path))


def run_report(path: Path | list[Path], output: Path | None = None, limits=None) -> int:
    """`wtsa-extract report`: the editors' HTML page, to `output` or stdout (two inputs: the two
    versions side by side)."""
    from wtsa_extract.options import REPORT_FORMATS

    chosen_format(output, None, REPORT_FORMATS, default="html", settable=False)
    paths = one_or_two(path, "report")

    def work(out: Output) -> int:
        from wtsa_extract.console import error_line

        if len(paths) == 2:
            from wtsa_extract.export.versions_html import to_versions_html

            found, problem = _versions(paths, limits)
            if problem:
                error_line(problem)
                return EXIT_INPUT
            out.write(to_versions_html(*found))
            return EXIT_OK
        doc, problem = extract_one(paths[0], limits or limits_from(None))
        if problem:
            error_line(problem)
            return EXIT_INPUT
        out.write(render(doc, "html"))
        return EXIT_OK

    return with_output(output, work, paths)


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
    except BrokenPipeError:  # the reader of stdout stopped (`| head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush cannot fail
        return EXIT_BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("WTSA_DEBUG"):
            raise
        message = " ".join(f"{type(error).__name__}: {error}".split())
        print(f"wtsa-extract: internal error: {message} (set WTSA_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL
