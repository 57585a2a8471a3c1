"""Batch runs: many documents, one output file each (and optionally one combined JSON Lines or CSV
file whose records name their document), in a pool of processes. Each worker writes its document's
file itself and sends back its counts, its part of the combined file and (with -v) its diagnostic
lines; results stream in input order: the parent holds outcomes, never documents."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from wtsa_extract.commands import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_SOME_FAILED,
    Output,
    UsageError,
    chosen_format,
    excel_applies,
    expand,
    extract_one,
    missing_folder,
    render,
    write,
)
from wtsa_extract.options import COMBINED_FORMATS, PARSE_FORMATS, is_stdout


@dataclass(frozen=True, slots=True)
class Task:
    path: Path
    target: Path | None  # the output file, or None when only the combined file is wanted
    fmt: str
    excel: bool
    limits: object
    combined: str | None  # "jsonl" or "csv": also return this document's part of the combined file
    verbose: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    path: Path
    problem: str | None
    resolutions: int = 0
    errors: int = 0
    warnings: int = 0
    combined: str | None = None
    diagnostics: tuple[str, ...] = ()


def work(task: Task) -> Outcome:
    """Process one document (in a worker process): write its file, return its counts and parts."""
    from wtsa_extract.commands import guarded

    result: list[Outcome] = []

    def run() -> int:
        doc, problem = extract_one(task.path, task.limits)
        if problem:
            result.append(Outcome(task.path, problem))
            return EXIT_INPUT
        if task.target is not None and (problem := write(task.target, render(doc, task.fmt, task.excel))):
            result.append(Outcome(task.path, problem))
            return EXIT_INPUT
        part = None
        if task.combined == "jsonl":
            from wtsa_extract.export.json import to_json_line

            part = to_json_line(doc, str(task.path))
        elif task.combined == "csv":
            from wtsa_extract.export.csv import to_csv

            part = to_csv(doc, excel=task.excel, header=False, document=str(task.path))
        from wtsa_extract.console import format_diagnostic, level_counts

        lines = tuple(format_diagnostic(d) for d in doc.diagnostics) if task.verbose else ()
        counts = level_counts(doc.diagnostics)
        result.append(Outcome(task.path, None, len(doc.resolutions), counts["error"], counts["warning"], part, lines))
        return EXIT_OK

    if guarded(run) not in (EXIT_OK, EXIT_INPUT) and not result:
        result.append(Outcome(task.path, f"{task.path}: internal error (set WTSA_DEBUG=1 to see it)"))
    return result[0]


def _outcomes(tasks: list[Task], jobs: int):
    """Outcomes in input order; a pool of `jobs` processes when that helps. The cycle collector is on
    while documents are read (the console script turns it off for one-document runs, see entry.py;
    forked workers inherit it on), and left as the caller had it afterwards."""
    import gc

    was_enabled = gc.isenabled()
    gc.enable()
    try:
        if jobs <= 1 or len(tasks) <= 1:
            yield from map(work, tasks)
            return
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(4, len(tasks) // (jobs * 4)))  # small: the last chunks end together
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(work, tasks, chunksize=chunk)
    finally:
        if not was_enabled:
            gc.disable()


def batch(inputs: list[Path], output: Path | None, fmt: str, excel: bool, verbose: bool, quiet: bool, limits,
          jobs: int | None, combined: Path | None, folder: bool = False) -> int:
    """Several inputs (or one into a folder: `folder`, the output was written with a trailing '/'):
    arguments and output paths are checked, and the inputs found, before any folder is made or
    document read."""
    from wtsa_extract.console import error_line

    if output is not None and is_stdout(output):
        raise UsageError("several inputs cannot share stdout: give -o OUTPUT_FOLDER, or --combined - for "
                         "JSON Lines on stdout")
    if output is None and combined is None:
        raise UsageError("several inputs need -o OUTPUT_FOLDER (one output file per input) or --combined FILE")
    if output is not None:
        if output.exists() and not output.is_dir():
            raise UsageError(f"{output}: is a file; several inputs need an output folder")
        if not output.exists() and output.suffix and not folder:
            raise UsageError(f"{output}: looks like a file name, but several inputs are written to a folder "
                             f"(one file each): give a folder ({output}/), or --combined FILE for one file")
        if problem := missing_folder(output):
            raise UsageError(problem)
    if combined is None:
        kind = None
    elif is_stdout(combined):  # no suffix to go by: CSV when -f says so, else JSON Lines
        kind = "csv" if fmt == "csv" else "jsonl"
    else:
        kind = chosen_format(combined, None, COMBINED_FORMATS, default="jsonl", settable=False)
    excel_applies(excel, fmt, kind)
    combined_out = None if combined is None else Output(combined)
    if combined_out is not None and (problem := combined_out.open()):
        raise UsageError(problem)
    try:
        code = _run(inputs, output, fmt, excel, verbose, quiet, limits, jobs, kind, combined_out)
    except BaseException:
        if combined_out is not None:
            combined_out.close(commit=False)
        raise
    if combined_out is not None and (problem := combined_out.close(commit=code != EXIT_INPUT)):
        error_line(problem)
        return EXIT_INPUT
    return code


def _output_folder(output: Path) -> bool:
    """Make the output folder if need be and check that files can be made in it, before any document
    is read; raises UsageError (one line). True when the folder was made here."""
    import tempfile

    made = not output.exists()
    try:
        if made:
            output.mkdir()
        with tempfile.TemporaryFile(dir=output):
            pass
    except OSError as error:
        if made and output.is_dir():
            output.rmdir()
        raise UsageError(f"{output}: cannot write ({error.strerror or error})") from None
    return made


def _run(inputs, output, fmt, excel, verbose, quiet, limits, jobs, kind, combined_out) -> int:
    """Find the inputs, then read and write them all: the exit code."""
    from wtsa_extract.console import Progress, error_line, plural

    files, problems = expand(inputs)
    for problem in problems:
        error_line(problem)
    if not files:
        return EXIT_INPUT
    made = output is not None and _output_folder(output)
    names: set[str] = set()
    tasks = []
    suffix = PARSE_FORMATS[fmt][0]
    for path in files:
        target = None
        if output is not None:
            name, n = f"{path.stem}{suffix}", 2
            while name in names:
                name, n = f"{path.stem}-{n}{suffix}", n + 1
            names.add(name)
            target = output / name
        tasks.append(Task(path, target, fmt, excel, limits, kind, verbose))
    if fmt in ("json", "jsonl") or kind == "jsonl":
        import orjson  # noqa: F401  (loaded once here, inherited by the workers: export.json then uses it)
    ok, failed = 0, len(problems)
    progress = Progress(len(tasks), enabled=not quiet and not verbose and sys.stderr.isatty())
    if kind == "csv":
        from wtsa_extract.export.csv import COLUMNS, DOCUMENT

        combined_out.write(("\ufeff" if excel else "") + ",".join([DOCUMENT, *COLUMNS]) + "\r\n")
    try:
        for outcome in _outcomes(tasks, jobs or os.cpu_count() or 1):
            if outcome.problem:
                failed += 1
                progress.say(f"wtsa-extract: error: {outcome.problem}", error=True)
            else:
                ok += 1
                if combined_out is not None and outcome.combined:
                    combined_out.write(outcome.combined)
                if verbose:
                    print(f"{outcome.path}:", *outcome.diagnostics, sep="\n", file=sys.stderr)
                elif not quiet:
                    progress.say(f"{outcome.path}: {plural(outcome.resolutions, 'resolution')}, "
                                 f"{plural(outcome.errors, 'error')}, {plural(outcome.warnings, 'warning')}")
            progress.advance()
    finally:
        progress.close()
    if made and not ok:
        output.rmdir()  # nothing was written: no folder is left behind (it was empty before)
    if not quiet:
        where = ", ".join(str(p) for p in (output, combined_out and combined_out.path) if p is not None)
        print(f"{plural(ok, 'document')} written, {failed} failed" + (f" ({where})" if where and ok else ""),
              file=sys.stderr)
    if failed:
        return EXIT_SOME_FAILED if ok else EXIT_INPUT
    return EXIT_OK
