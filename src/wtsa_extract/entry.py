"""Console entry point: the typer-free fast path first, typer (cli.py) for everything else.

Argument mistakes get one line on stderr and exit 2. Help is plain text (rich_markup_mode=None in
cli.py): it fits 80 columns and starts in half the time of rich's panels."""

from __future__ import annotations

import sys


def main() -> None:
    import gc

    # A command reads one document and exits: collecting cycles (~12 ms a run, mostly over the
    # objects imports make) frees nothing that exit would not. Batch runs collect again (batch.py).
    gc.disable()
    from wtsa_extract.fastpath import run

    code = run(sys.argv[1:])
    if code is None:
        code = _typer(sys.argv[1:])
    sys.exit(code)


def _typer(argv: list[str]) -> int:
    from wtsa_extract.commands import guarded

    def run() -> int:
        from wtsa_extract.cli import app

        try:
            code = app(args=argv, prog_name="wtsa-extract", standalone_mode=False)
        except Exception as error:  # click's UsageError and friends carry their own message and exit code
            if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
                raise  # a bug: guarded() makes it one line and exit 1
            context = getattr(error, "ctx", None)
            hint = f" (try '{context.command_path} --help')" if context is not None else ""
            if type(error).__name__ == "NoArgsIsHelpError":  # no arguments at all: the help, as an error
                print(error.format_message(), file=sys.stderr)
                return error.exit_code
            message = " ".join(error.format_message().split())
            print(f"wtsa-extract: error: {message}{hint}", file=sys.stderr)
            return error.exit_code
        return code if isinstance(code, int) else 0

    return guarded(run)
