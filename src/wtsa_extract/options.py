"""The command line's vocabulary, defined once: each command's options (spellings and help), its
formats with the output suffixes that select them, and the choices. cli.py (typer), fastpath.py
(plain argv) and commands.py all read these tables, so the entry points cannot drift apart."""

from pathlib import PurePath
from typing import NamedTuple

# format -> the suffixes of an output path in that format; the first names a batch's files.
PARSE_FORMATS: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "actionplan": (".actionplan.csv", ".csv"),
    "akn": (".akn.xml", ".xml"),
    "akn-package": (".akn", ".zip"),
    "xlsx": (".xlsx",),
    "html": (".html", ".htm"),
}
DIFF_FORMATS: dict[str, tuple[str, ...]] = {"json": (".json",), "csv": (".csv",), "html": (".html", ".htm")}
REPORT_FORMATS: dict[str, tuple[str, ...]] = {"html": (".html", ".htm")}
COMBINED_FORMATS: dict[str, tuple[str, ...]] = {"jsonl": (".jsonl", ".ndjson"), "csv": (".csv",)}
BINARY_FORMATS = frozenset({"akn-package", "xlsx"})  # written to a file, never to stdout
CHECK_FORMATS = ("table", "json")
CHECK_DEFAULTS = {"format": "table", "fail_on": "warning", "bidi": "auto"}  # check's options when not given
FAIL_ON = ("error", "warning", "info")
BIDI = ("auto", "on", "off")
STDOUT = "-"  # `-o -`: standard output, as the Unix tools say


class Option(NamedTuple):
    names: tuple[str, ...]
    help: str
    flag: bool = False  # takes no value
    choices: tuple[str, ...] = ()  # values it takes, in any case; () for free values


LIMIT = Option(("--limit",), "Change a resource limit (docs/cli.md), e.g. max_input_mb=200. Repeatable.")
EXCEL = Option(("--excel",), "CSV for spreadsheet programs: a byte-order mark, and cells that would start a "
               "formula neutralised.", flag=True)

PARSE = {
    "output": Option(("-o", "--output"), "The file to write ('-' or none: stdout); for several inputs, the folder "
                     "that gets one file per input. The suffix chooses the format (docs/cli.md)."),
    "format": Option(("-f", "--format"), "json, jsonl, csv (one row per clause), actionplan (CSV, one row per "
                     "operative clause), akn (Akoma Ntoso XML), akn-package (Akoma Ntoso ZIP), xlsx (an Excel "
                     "workbook) or html (the editors' page); default: from the -o suffix, else json.",
                     choices=tuple(PARSE_FORMATS)),
    "excel": EXCEL,
    "verbose": Option(("-v", "--verbose"), "Also print informational notes on stderr.", flag=True),
    "quiet": Option(("-q", "--quiet"), "Print no diagnostics on stderr.", flag=True),
    "limit": LIMIT,
    "jobs": Option(("-j", "--jobs"), "Processes for a batch (default: all cores)."),
    "combined": Option(("--combined",), "A batch also writes every document into this one file: JSON Lines "
                       "(.jsonl) or CSV (.csv), each record naming its document."),
}
CHECK = {
    "format": Option(("-f", "--format"), "table (for people) or json.", choices=CHECK_FORMATS),
    "fail_on": Option(("--fail-on",), "Exit 1 when a finding at or above this level exists.", choices=FAIL_ON),
    "bidi": Option(("--bidi",), "Shape and reorder Arabic for display: auto = on for a terminal, off for pipes "
                   "and files.", choices=BIDI),
    "limit": LIMIT,
}
DIFF = {
    "output": Option(("-o", "--output"), "The file to write ('-' or none: stdout); the suffix chooses the "
                     "format."),
    "format": Option(("-f", "--format"), "json (default), csv (one row per changed clause) or html (a redline); "
                     "from -o's suffix if not given.", choices=tuple(DIFF_FORMATS)),
    "excel": EXCEL,
    "quiet": Option(("-q", "--quiet"), "No summary on stderr.", flag=True),
    "limit": LIMIT,
}
REPORT = {
    "output": Option(("-o", "--output"), "The HTML file to write ('-' or none: stdout)."),
    "limit": LIMIT,
}


class FormatError(ValueError):
    """The output path and the format disagree, or neither says which format: one line."""


def suffix_format(path: PurePath, formats: dict[str, tuple[str, ...]]) -> str | None:
    """The format an output path's name selects (the longest matching suffix wins), or None."""
    name = path.name.lower()
    best: tuple[int, str] | None = None
    for fmt, suffixes in formats.items():
        for suffix in suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), fmt)
    return best[1] if best else None


def output_format(path: PurePath | None, given: str | None, formats: dict[str, tuple[str, ...]],
                  default: str = "json", settable: bool = True) -> str:
    """The format to write: `given` (any case) if its suffixes agree with the path's, else the one
    the suffix selects, else `default` for stdout or a path without suffix; FormatError otherwise.
    `settable`: whether --format can name it (else only the suffix can, and the error says which)."""
    if given is not None:
        given = given.lower()
        if given not in formats:
            raise FormatError(f"unknown format {given!r}: choose from {', '.join(formats)}")
    if path is None or is_stdout(path):
        return given or default
    by_suffix = suffix_format(path, formats)
    if given is None:
        if by_suffix is None and PurePath(path.name).suffix:
            way = (f"give --format ({', '.join(formats)})" if settable else
                   "end the name in " + ", ".join(dict.fromkeys(s for suffixes in formats.values() for s in suffixes)))
            raise FormatError(f"{path}: cannot tell the format from the suffix '{PurePath(path.name).suffix}': {way}")
        return by_suffix or default
    if by_suffix is not None and not any(path.name.lower().endswith(s) for s in formats[given]):
        raise FormatError(f"{path}: the suffix says {by_suffix} but --format is {given}")
    return given


def is_stdout(path: PurePath | None) -> bool:
    return path is not None and str(path) == STDOUT
